//! `bench payouts --commissions N --partners P`: a demo program of P
//! partners with N approved commissions, then the draft run's preview
//! beside the same per-partner GROUP BY in the sqlite3 shell, and the
//! steps after it (create with claims, approve with backup, a CSV file).
//! Wall-clock figures, printed, never asserted.

use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::payouts::{self, files};
use partnerbook_core::progress::Quiet;
use partnerbook_core::BookError;
use serde::Serialize;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const THROUGH: &str = "2026-10-31";

#[derive(Serialize)]
struct Figures {
    partners: u32,
    commissions: u64,
    preview_millis: u128,
    sqlite3_group_by_millis: Option<u128>,
    /// Ours over sqlite3's time (≤ 3 is the aim).
    preview_vs_sqlite3: Option<f64>,
    create_millis: u128,
    approve_millis: u128,
    export_csv_millis: u128,
    paid: u32,
    held: u32,
}

pub fn payouts(commissions: u64, partners: u32, json: bool) -> CliResult {
    super::bench::in_scratch("payouts", |dir| run(dir, commissions, partners, json))
}

fn run(dir: &Path, commissions: u64, partners: u32, json: bool) -> CliResult {
    let path = dir.join("bench.partnerbook");
    let bar = Bar::new();
    let mut book = super::bench::partners_book(&path, partners, &bar)?;
    bar.finish();
    // Approved lines spread over every partner and October's days.
    let tx = book.transaction()?;
    // Partners numbered 0..P in a keyed table, so each line finds its partner by key.
    tx.execute_batch(
        "CREATE TEMP TABLE bench_partner (k INTEGER PRIMARY KEY, id INTEGER NOT NULL);
         INSERT INTO bench_partner (k, id) SELECT row_number() OVER (ORDER BY id) - 1, id FROM partners;",
    )
    .map_err(BookError::from)?;
    tx.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO commissions (partner_id, line, kind, rounding, amount_minor, currency, state, due_on,
                                  created_at, updated_at)
         SELECT p.id, 'bench:' || i, 'commission', 'half_up', 100 + (i * 7919) % 20000,
                (SELECT base_currency FROM program), 'approved', printf('2026-10-%02d', 1 + i % 28),
                '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z'
           FROM n JOIN bench_partner p ON p.k = n.i % (SELECT count(*) FROM bench_partner)",
        [commissions as i64],
    )
    .map_err(BookError::from)?;
    tx.commit().map_err(BookError::from)?;

    let start = Instant::now();
    let preview = payouts::preview_totals(&book, THROUGH)?;
    let preview_millis = start.elapsed().as_millis().max(1);
    let sqlite3_group_by_millis = sqlite3_group_by(&path)?;

    let start = Instant::now();
    let run = payouts::create(&mut book, THROUGH, Actor::User, &Quiet)?;
    let create_millis = start.elapsed().as_millis();
    let start = Instant::now();
    payouts::approve(&mut book, run.id, Actor::User, &Quiet)?;
    let approve_millis = start.elapsed().as_millis();
    let start = Instant::now();
    files::export(
        &mut book,
        run.id,
        files::PaymentFormat::Csv,
        &dir.join("run.csv"),
        Actor::User,
    )?;
    let export_csv_millis = start.elapsed().as_millis();

    let figures = Figures {
        partners,
        commissions,
        preview_millis,
        sqlite3_group_by_millis,
        preview_vs_sqlite3: sqlite3_group_by_millis.map(|s| preview_millis as f64 / s as f64),
        create_millis,
        approve_millis,
        export_csv_millis,
        paid: preview.paid,
        held: preview.partners - preview.paid,
    };
    if json {
        output::json(&figures);
        return Ok(());
    }
    println!(
        "draft preview: {} partners with a balance ({} paid, {} held) from {} commissions in {} ms",
        output::count(u64::from(preview.partners)),
        output::count(u64::from(figures.paid)),
        output::count(u64::from(figures.held)),
        output::count(commissions),
        preview_millis
    );
    match (sqlite3_group_by_millis, figures.preview_vs_sqlite3) {
        (Some(ms), Some(x)) => {
            println!("sqlite3 shell, the same GROUP BY: {ms} ms; ours takes {x:.2}× that")
        }
        _ => println!("sqlite3 is not installed: no raw figure to compare with"),
    }
    println!(
        "create the draft (lines written, commissions claimed): {create_millis} ms; approve (backup, fingerprint, lock): {approve_millis} ms; generic CSV: {export_csv_millis} ms"
    );
    Ok(())
}

/// The preview's grouping query in the sqlite3 shell, warm (second run).
fn sqlite3_group_by(book: &Path) -> CliResult<Option<u128>> {
    let sql = format!(
        "SELECT partner_id, sum(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END),
                sum(CASE WHEN amount_minor < 0 THEN amount_minor ELSE 0 END),
                sum(CASE WHEN due_on <= '' THEN amount_minor ELSE 0 END)
           FROM commissions WHERE state = 'approved' AND due_on <= '{THROUGH}' GROUP BY partner_id;"
    );
    let mut best = None;
    for _ in 0..2 {
        let start = Instant::now();
        let Ok(status) = Command::new("sqlite3")
            .arg(book)
            .arg(&sql)
            .stdout(Stdio::null())
            .status()
        else {
            return Ok(None);
        };
        if !status.success() {
            return Ok(None);
        }
        best = Some(start.elapsed().as_millis().max(1));
    }
    Ok(best)
}
