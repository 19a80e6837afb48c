//! `bench risk`: the risk checks over a big book. A demo program of P
//! partners, N generated conversions over twelve months (customers with
//! their own emails, one sale in a thousand bought by the partner), a full
//! scan, then an import of M more rows and the scan of those rows alone.
//! Wall-clock figures, printed, never asserted.

use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::import::{import, ConversionImportOptions};
use partnerbook_core::progress::Quiet;
use partnerbook_core::{risk, Book, BookError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[derive(Serialize)]
struct Figures {
    partners: u32,
    conversions: u64,
    full_scan_millis: u128,
    flags: u64,
    /// Per check: "velocity" → count.
    by_check: Vec<(String, u64)>,
    /// The same full scan again: every finding already a flag.
    rescan_millis: u128,
    more_rows: u64,
    incremental_scan_millis: u128,
    incremental_flags: u64,
}

pub fn risk(rows: u64, partners: u32, more: u64, json: bool) -> CliResult {
    super::bench::in_scratch("risk", |dir| run(dir, rows, partners, more, json))
}

fn run(dir: &Path, rows: u64, partners: u32, more: u64, json: bool) -> CliResult {
    let bar = Bar::new();
    let mut book = super::bench::partners_book(&dir.join("bench.partnerbook"), partners, &bar)?;
    let people = partner_codes_and_emails(&book)?;
    let first = dir.join("first.csv");
    write_csv(&first, 0, rows, None, &people)?;
    import(&mut book, &first, &ConversionImportOptions::default(), &bar)?;
    bar.finish();

    let conversions: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM conversions", [], |r| r.get(0))
        .map_err(BookError::from)?;
    let start = Instant::now();
    let full = risk::scan(&mut book, Actor::System, &Quiet)?;
    let full_scan_millis = start.elapsed().as_millis();
    let start = Instant::now();
    risk::scan(&mut book, Actor::System, &Quiet)?;
    let rescan_millis = start.elapsed().as_millis();

    let second = dir.join("second.csv");
    // The next month's sales, as a monthly import brings them.
    write_csv(&second, rows, more, Some("2027-01"), &people)?;
    let since = risk::watermark(&book)?;
    import(
        &mut book,
        &second,
        &ConversionImportOptions::default(),
        &Quiet,
    )?;
    let start = Instant::now();
    let incremental = risk::scan_since(&mut book, since, Actor::System, &Quiet)?;
    let incremental_scan_millis = start.elapsed().as_millis();

    let figures = Figures {
        partners,
        conversions: conversions as u64,
        full_scan_millis,
        flags: full.total(),
        by_check: full
            .raised
            .iter()
            .map(|c| (c.check.as_str().to_string(), c.count))
            .collect(),
        rescan_millis,
        more_rows: more,
        incremental_scan_millis,
        incremental_flags: incremental.total(),
    };
    if json {
        output::json(&figures);
        return Ok(());
    }
    println!(
        "full scan: {} conversions of {} partners in {} ms ({} flags); again, nothing new: {} ms",
        output::count(figures.conversions),
        output::count(u64::from(partners)),
        figures.full_scan_millis,
        output::count(figures.flags),
        figures.rescan_millis
    );
    let by_check: Vec<String> = figures
        .by_check
        .iter()
        .map(|(c, n)| format!("{c} {}", output::count(*n)))
        .collect();
    println!("flags by check: {}", by_check.join(", "));
    println!(
        "after importing {} more rows, their scan: {} ms ({} flags)",
        output::count(more),
        figures.incremental_scan_millis,
        output::count(figures.incremental_flags)
    );
    Ok(())
}

/// Each partner's referral code and email.
fn partner_codes_and_emails(book: &Book) -> CliResult<Vec<(String, String)>> {
    let db = |e| CliError::from(BookError::from(e));
    let mut stmt = book
        .conn()
        .prepare(
            "SELECT c.code, p.email FROM partner_codes c JOIN partners p ON p.id = c.partner_id
              WHERE c.kind = 'referral' ORDER BY c.partner_id",
        )
        .map_err(db)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    Ok(rows)
}

/// Rows `from..from + rows` of a generic-layout file over 2026 (or all in
/// `month`): a sale, then renewals, one sale in forty refunded; one sale in
/// a thousand is bought with the referring partner's own email.
fn write_csv(
    path: &Path,
    from: u64,
    rows: u64,
    month: Option<&str>,
    people: &[(String, String)],
) -> CliResult {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "external_id,kind,occurred_at,amount,currency,customer_id,customer_email,referral_code,original_external_id"
    )?;
    let n = people.len().max(1) as u64;
    for i in from..from + rows {
        let customer = i / 3;
        // Hashed, so no partner's customers all land on one day.
        let month = month.map_or_else(
            || format!("2026-{:02}", 1 + mix(customer) % 12),
            str::to_string,
        );
        let day = 1 + mix(customer + 1) % 28;
        let second = (i * 37) % 86_400;
        let at = format!(
            "{month}-{day:02}T{:02}:{:02}:{:02}Z",
            second / 3600,
            second / 60 % 60,
            second % 60
        );
        let cents = 1_900 + (customer * 7_919) % 30_000;
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let (code, partner_email) = &people[((customer * 7_919) % n) as usize];
        let email = if customer % 1000 == 7 {
            partner_email.clone()
        } else {
            format!("buyer{customer}@shop{}.example", customer % 500)
        };
        match i % 3 {
            0 => writeln!(
                out,
                "o{i},sale,{at},{amount},USD,c{customer},{email},{code},"
            )?,
            1 if i % 40 == 1 => writeln!(
                out,
                "r{i},refund,{at},{}.{:02},USD,c{customer},{email},,o{}",
                cents / 200,
                (cents / 2) % 100,
                i - 1
            )?,
            _ => writeln!(
                out,
                "o{i},recurring,{at},{amount},USD,c{customer},{email},,"
            )?,
        }
    }
    out.flush()?;
    Ok(())
}

/// A well-spread number from `x` (Fibonacci hashing).
fn mix(x: u64) -> u64 {
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 33
}
