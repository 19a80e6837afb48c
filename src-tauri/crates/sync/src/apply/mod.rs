//! Applying one page of platform records to the book, inside the page's
//! transaction. Platform-owned fields follow the platform; the manager's
//! own fields (notes, local tags, payout details, tax) are never touched.

mod customers;
mod groups;
mod kept;
mod partners;
mod rewards;
mod transactions;

use crate::connections::Connection;
use crate::error::Result;
use crate::remote::{Body, Record, Resource};
use crate::report::{Outcome, ResourceReport};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::settings::ProgramSettings;
use partnerbook_book::{Coded, ErrorCode};
use rusqlite::Connection as Db;

pub struct Ctx<'a> {
    pub db: &'a Db,
    pub connection: &'a Connection,
    pub settings: &'a ProgramSettings,
    pub report: &'a mut ResourceReport,
}

impl Ctx<'_> {
    pub fn id(&self) -> i64 {
        self.connection.id
    }

    /// The `source` of the customers and conversions this connection brings
    /// in: its name, so a PartnerStack CSV imported earlier (source
    /// "partnerstack") and a sync of connection "partnerstack" meet.
    pub fn source(&self) -> &str {
        &self.connection.name
    }

    /// One audit row saying sync changed `entity` `id`, from which record.
    pub fn audit(&self, entity: &str, id: Option<i64>, action: &str, key: &str) -> Result<()> {
        let after = serde_json::json!({
            "connection": self.connection.name,
            "platform": self.connection.platform.as_str(),
            "remote_key": key,
        });
        audit::record(self.db, Actor::Sync, entity, id, action, None, Some(&after))?;
        Ok(())
    }

    /// Remembers that `rec` became row `local_id` here (None: not brought
    /// in, for the reason `skipped`), with its platform-owned fields as
    /// `synced`.
    pub fn remember(
        &self,
        resource: Resource,
        rec: &Record,
        local_id: Option<i64>,
        synced: &serde_json::Value,
        skipped: &str,
    ) -> Result<()> {
        crate::state::save_map(
            self.db,
            self.connection.id,
            &crate::state::Mapping {
                resource,
                key: &rec.key,
                local_id,
                remote_updated: rec.updated_ms,
                synced,
                skipped,
            },
        )
    }

    pub fn conflict(&mut self, clash: crate::state::Clash) -> Result<()> {
        let new = crate::state::add_conflict(self.db, self.connection.id, &clash)?;
        self.report.conflicts += u64::from(new);
        Ok(())
    }
}

/// Applies a page's records in order. Returns the partners whose search
/// rows need a refresh and the conversions whose commissions were computed.
pub fn page(
    ctx: &mut Ctx,
    resource: Resource,
    page: u64,
    records: &[Record],
) -> Result<(Vec<i64>, u64)> {
    let mut touched = Vec::new();
    let mut recorder = transactions::Batch::new(ctx);
    for record in records {
        let outcome = match &record.body {
            Body::Group(g) => groups::apply(ctx, record, g)?,
            Body::Partner(p) => partners::apply(ctx, record, p, &mut touched)?,
            Body::Customer(c) => customers::apply(ctx, record, c)?,
            Body::Transaction(t) => recorder.apply(ctx, record, t)?,
            Body::Reward(r) => rewards::apply(ctx, record, r)?,
            Body::Kept(v) => kept::apply(ctx, resource, record, v)?,
        };
        ctx.report.count(outcome);
    }
    let computed = recorder.finish(ctx, resource, page)?;
    Ok((touched, computed))
}

/// A record the book refuses (an email that is not one, a name taken by
/// another row) is skipped with the book's reason, not the end of sync.
fn refused<T>(result: Result<T>) -> Result<Result<T, String>> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(e) if matches!(e.code(), ErrorCode::InvalidInput | ErrorCode::Conflict) => {
            Ok(Err(e.to_string()))
        }
        Err(e) => Err(e),
    }
}

/// The partner a record names: by the platform's id of the partner (mapped
/// when the partner was synced), else by their key (a code here).
fn partner_of(ctx: &Ctx, key: &str, remote: &str) -> Result<Option<i64>> {
    if !remote.is_empty() {
        if let Some(id) = crate::state::local_id(ctx.db, ctx.id(), Resource::Partners, remote)? {
            if partnerbook_partners::exists(ctx.db, id)? {
                return Ok(Some(id));
            }
        }
    }
    if key.is_empty() {
        return Ok(None);
    }
    Ok(partnerbook_partners::find_id_by_code(ctx.db, key)?)
}

fn skipped(why: impl Into<String>) -> Outcome {
    Outcome::Skipped(why.into())
}
