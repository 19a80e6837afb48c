//! One sync of one connection: resource by resource, page by page. Each
//! page is fetched outside any transaction, then saved with its cursor in
//! one transaction, so a sync killed at any point goes on from the last
//! saved page next time and nothing is doubled. A dry run does all of it in
//! one transaction that is never committed.

use crate::apply::{self, Ctx};
use crate::connections::{self, Connection, PlatformName};
use crate::error::{RemoteError, Result, SyncError};
use crate::http::{bad_answer, At, Polite, Retry};
use crate::keys::Keys;
use crate::partnerstack::{self, PartnerStack};
use crate::platform::Platform;
use crate::remote::Resource;
use crate::report::{ResourceReport, SyncReport};
use crate::rewardful::{self, Rewardful};
use crate::state::{self, OVERLAP_MS};
use partnerbook_book::progress::Progress;
use partnerbook_book::settings::{self, ProgramSettings};
use partnerbook_book::Book;
use partnerbook_book::BookTx;
use rusqlite::Connection as Db;
use std::collections::HashSet;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct SyncOptions {
    pub dry_run: bool,
    /// Only these resources (empty: all the platform has).
    pub resources: Vec<Resource>,
    pub retry: Retry,
    /// The least time between two requests: 1/R for a limit of R per second.
    /// Zero: the platform's documented limit (Rewardful's 45 per 30 s) or none.
    pub min_gap: Duration,
    /// Records per page (capped at the platform's most).
    pub page_size: u32,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            dry_run: false,
            resources: Vec::new(),
            retry: Retry::default(),
            min_gap: Duration::ZERO,
            page_size: partnerstack::PAGE_LIMIT,
        }
    }
}

/// The polite HTTP client for `c` with its keys: paced at the rate the
/// caller asks for (--rate), else at the platform's documented limit
/// (Rewardful's 45 per 30 s), else not at all. Pull, push and mark-paid
/// all talk to a platform through it.
pub(crate) fn http_for(c: &Connection, keys: &Keys, options: &SyncOptions) -> Result<Polite> {
    let min_gap = match c.platform {
        PlatformName::Rewardful if options.min_gap.is_zero() => rewardful::MIN_GAP,
        _ => options.min_gap,
    };
    Polite::new(
        c.platform.title(),
        &c.base_url,
        keys.user.clone(),
        keys.password.clone(),
        min_gap,
        options.retry,
    )
}

/// Opens the platform's adapter for `c` with its keys.
pub fn platform(c: &Connection, keys: &Keys, options: &SyncOptions) -> Result<Box<dyn Platform>> {
    let http = http_for(c, keys, options)?;
    Ok(match c.platform {
        PlatformName::Partnerstack => Box::new(PartnerStack {
            http,
            limit: options.page_size,
        }),
        PlatformName::Rewardful => Box::new(Rewardful {
            http,
            limit: options.page_size,
        }),
    })
}

/// Runs a sync of connection `name`.
pub fn sync(
    book: &mut Book,
    name: &str,
    keys: &Keys,
    options: &SyncOptions,
    progress: &dyn Progress,
) -> Result<SyncReport> {
    let connection = connections::find(book.conn(), name)?;
    let mut platform = platform(&connection, keys, options)?;
    let settings = settings::get(book.conn())?;
    let wanted: Vec<Resource> = platform
        .resources()
        .iter()
        .copied()
        .filter(|r| options.resources.is_empty() || options.resources.contains(r))
        .collect();
    let mut report = SyncReport {
        connection: connection.name.clone(),
        platform: connection.platform,
        dry_run: options.dry_run,
        resources: Vec::new(),
        requests: 0,
        waited_ms: 0,
        commissions_computed: 0,
    };
    let outcome = if options.dry_run {
        let mut w = DryRun(book.transaction()?);
        let r = run_all(
            &mut w,
            &connection,
            &settings,
            platform.as_mut(),
            &wanted,
            &mut report,
            progress,
        );
        // Never committed: dropping the transaction rolls it back.
        drop(w);
        r
    } else {
        run_all(
            &mut Committing(book),
            &connection,
            &settings,
            platform.as_mut(),
            &wanted,
            &mut report,
            progress,
        )
    };
    report.requests = platform.http().requests;
    report.waited_ms = platform.http().waited.as_millis() as u64;
    outcome.map(|_| report)
}

/// Where a page is written: its own committed transaction, or the dry run's.
trait Writer {
    fn page<R>(&mut self, f: impl FnOnce(&Db) -> Result<R>) -> Result<R>;
}

struct Committing<'b>(&'b mut Book);

impl Writer for Committing<'_> {
    fn page<R>(&mut self, f: impl FnOnce(&Db) -> Result<R>) -> Result<R> {
        let tx = self.0.transaction()?;
        let r = f(&tx)?;
        tx.commit()?;
        Ok(r)
    }
}

struct DryRun<'t>(BookTx<'t>);

impl Writer for DryRun<'_> {
    fn page<R>(&mut self, f: impl FnOnce(&Db) -> Result<R>) -> Result<R> {
        f(&self.0)
    }
}

fn run_all(
    w: &mut impl Writer,
    connection: &Connection,
    settings: &ProgramSettings,
    platform: &mut dyn Platform,
    wanted: &[Resource],
    report: &mut SyncReport,
    progress: &dyn Progress,
) -> Result<()> {
    for &resource in wanted {
        let mut r = ResourceReport::new(resource);
        let result = run_one(
            w, connection, settings, platform, resource, &mut r, report, progress,
        );
        report.resources.push(r);
        if let Err(e) = result {
            let said = e.to_string();
            // The error is kept for `sync status`; a failure to keep it
            // must not hide the error itself.
            let _ = w.page(|db| state::fail(db, connection.id, resource, &said));
            return Err(e);
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn run_one(
    w: &mut impl Writer,
    connection: &Connection,
    settings: &ProgramSettings,
    platform: &mut dyn Platform,
    resource: Resource,
    r: &mut ResourceReport,
    report: &mut SyncReport,
    progress: &dyn Progress,
) -> Result<()> {
    let id = connection.id;
    let st = w.page(|db| state::load(db, id, resource))?;
    // A run under way (stopped half-way last time) goes on from its cursor.
    let (since, mut cursor) = match st.run_since {
        Some(since) => (since, st.cursor),
        None => {
            let since = st.high_water.map_or(0, |h| (h - OVERLAP_MS).max(0));
            w.page(|db| state::begin(db, id, resource, since))?;
            (since, None)
        }
    };
    let mut seen: HashSet<String> = cursor.iter().cloned().collect();
    let mut page_no = 0u64;
    let label = format!("Syncing {}", resource.as_str());
    loop {
        page_no += 1;
        progress.check()?;
        let page = match platform.page(
            resource,
            (since > 0).then_some(since),
            cursor.as_deref(),
            page_no,
            progress,
        ) {
            // Leads and deals exist only where the program turned them on.
            Err(SyncError::Remote(RemoteError::Missing { .. }))
                if matches!(resource, Resource::Leads | Resource::Deals) =>
            {
                r.skipped.insert(
                    "the program has none (the platform has no such list)".into(),
                    0,
                );
                break;
            }
            other => other?,
        };
        if let Some(next) = &page.next {
            if !seen.insert(next.clone()) {
                return Err(bad_answer(
                    At {
                        resource: resource.as_str(),
                        page: page_no,
                    },
                    format!("repeats the cursor \"{next}\" of an earlier page (the platform is paging in a circle)"),
                ));
            }
        }
        let newest = page.records.iter().map(|x| x.updated_ms).max();
        let computed = w.page(|db| {
            let mut ctx = Ctx {
                db,
                connection,
                settings,
                report: r,
            };
            let (touched, computed) = apply::page(&mut ctx, resource, page_no, &page.records)?;
            if !touched.is_empty() {
                partnerbook_partners::refresh_search(db, &touched)?;
            }
            state::advance(db, id, resource, page.next.as_deref(), newest)?;
            Ok(computed)
        })?;
        r.pages += 1;
        report.commissions_computed += computed;
        progress.update(&label, r.fetched, 0);
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let done = r.clone();
    w.page(|db| state::finish(db, id, resource, &done))
}

/// Asks the platform for one record with `keys`: Ok when it answers and
/// takes the keys (Settings > Connections > Test).
pub fn test_connection(c: &Connection, keys: &Keys, progress: &dyn Progress) -> Result<String> {
    let options = SyncOptions {
        page_size: 1,
        ..SyncOptions::default()
    };
    let mut platform = platform(c, keys, &options)?;
    let resource = platform.resources()[0];
    platform.page(resource, None, None, 1, progress)?;
    Ok(format!(
        "{} answered at {} and took the keys.",
        c.platform.title(),
        c.base_url
    ))
}
