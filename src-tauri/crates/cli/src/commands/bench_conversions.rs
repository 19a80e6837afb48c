//! `bench conversions --rows N`: import + attribution + commissions of a
//! generated CSV, beside sqlite3's own `.import` of the same file into an
//! equivalent table (the raw limit) and into a copy of our own conversions
//! table (the floor its checks and indexes set), and the what-if over the
//! same month.
//! Wall-clock figures, printed, never asserted.

use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::commissions::{what_if, WhatIfPlan, WhatIfRequest};
use partnerbook_core::import::{self, import, ConversionImportOptions};
use partnerbook_core::plans::{self, PlanFile};
use partnerbook_core::progress::Quiet;
use partnerbook_core::{Book, BookError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Every generated conversion falls in this month, so the what-if covers them all.
const MONTH: &str = "2026-10";

#[derive(Serialize)]
struct Figures {
    rows: u64,
    import_millis: u128,
    import_rows_per_second: u128,
    sqlite3_millis: Option<u128>,
    sqlite3_rows_per_second: Option<u128>,
    /// Ours over sqlite3's (≥ 1 means as fast or faster).
    ratio: Option<f64>,
    /// sqlite3's `.import` into a table with the indexes our conversions table has.
    sqlite3_indexed_millis: Option<u128>,
    sqlite3_indexed_rows_per_second: Option<u128>,
    /// sqlite3 loading the same rows into a copy of our own conversions
    /// table (its CHECKs and indexes): the floor that table alone sets.
    sqlite3_our_table_millis: Option<u128>,
    sqlite3_our_table_rows_per_second: Option<u128>,
    whatif_conversions: u64,
    whatif_millis: u128,
}

pub fn conversions(rows: u64, partners: u32, json: bool) -> CliResult {
    super::bench::in_scratch("conv", |dir| run(dir, rows, partners, json))
}

fn run(dir: &Path, rows: u64, partners: u32, json: bool) -> CliResult {
    let bar = Bar::new();
    let mut book = super::bench::partners_book(&dir.join("bench.partnerbook"), partners, &bar)?;
    setup_plan_and_rates(&mut book, dir)?;
    let codes = referral_codes(&book)?;
    let csv = dir.join("conversions.csv");
    write_csv(&csv, rows, &codes)?;

    let start = Instant::now();
    let report = import(&mut book, &csv, &ConversionImportOptions::default(), &bar)?;
    let import_millis = start.elapsed().as_millis().max(1);
    bar.finish();

    let sqlite3_millis = sqlite3_import(dir, &csv, PLAIN_TABLE)?;
    let sqlite3_indexed_millis = sqlite3_import(dir, &csv, INDEXED_TABLE)?;
    let sqlite3_our_table_millis = sqlite3_into_our_table(&book, dir, &csv)?;
    let start = Instant::now();
    let version_id: i64 = book
        .conn()
        .query_row("SELECT max(id) FROM plan_versions", [], |r| r.get(0))
        .map_err(BookError::from)?;
    let request = WhatIfRequest {
        period: MONTH.into(),
        plan: WhatIfPlan::Version { version_id },
    };
    let whatif = what_if(&book, &request, &Quiet)?;
    let whatif_millis = start.elapsed().as_millis();

    let per_second = |millis: u128| u128::from(report.rows) * 1000 / millis.max(1);
    let figures = Figures {
        rows: report.rows,
        import_millis,
        import_rows_per_second: per_second(import_millis),
        sqlite3_millis,
        sqlite3_rows_per_second: sqlite3_millis.map(per_second),
        ratio: sqlite3_millis.map(|s| s as f64 / import_millis as f64),
        sqlite3_indexed_millis,
        sqlite3_indexed_rows_per_second: sqlite3_indexed_millis.map(per_second),
        sqlite3_our_table_millis,
        sqlite3_our_table_rows_per_second: sqlite3_our_table_millis.map(per_second),
        whatif_conversions: whatif.conversions,
        whatif_millis,
    };
    if json {
        output::json(&figures);
        return Ok(());
    }
    println!(
        "import + attribution + commissions: {} rows in {} ms = {} rows/s ({} lines, {} unattributed)",
        output::count(figures.rows),
        figures.import_millis,
        output::count(figures.import_rows_per_second as u64),
        output::count(report.commissions.lines),
        output::count(report.unattributed),
    );
    match (
        figures.sqlite3_millis,
        figures.sqlite3_rows_per_second,
        figures.ratio,
    ) {
        (Some(ms), Some(rate), Some(ratio)) => println!(
            "sqlite3 .import of the same file: {ms} ms = {} rows/s; ours is {ratio:.2}× that",
            output::count(rate as u64)
        ),
        _ => println!("sqlite3 is not installed: no raw figure to compare with"),
    }
    if let (Some(ms), Some(rate)) = (
        figures.sqlite3_indexed_millis,
        figures.sqlite3_indexed_rows_per_second,
    ) {
        println!(
            "sqlite3 .import into a table with our conversions indexes: {ms} ms = {} rows/s",
            output::count(rate as u64)
        );
    }
    if let (Some(ms), Some(rate)) = (
        figures.sqlite3_our_table_millis,
        figures.sqlite3_our_table_rows_per_second,
    ) {
        println!(
            "sqlite3 loading the same rows into our own conversions table (no customers, no commissions): {ms} ms = {} rows/s",
            output::count(rate as u64)
        );
    }
    println!(
        "what-if over {} conversions of {MONTH}: {} ms",
        output::count(figures.whatif_conversions),
        figures.whatif_millis
    );
    Ok(())
}

/// One plan for every group (30% of sales and renewals, 10% to the parent)
/// whose version is older than the month, and a week of EUR rates.
fn setup_plan_and_rates(book: &mut Book, dir: &Path) -> CliResult {
    let groups: Vec<String> = partnerbook_core::groups::list(book.conn())?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let plan: PlanFile = serde_json::from_value(serde_json::json!({
        "name": "Bench", "groups": groups,
        "versions": [ { "effective_from": "2026-01-01", "rules": [
            { "id": "base", "kind": "percentage", "rate": "30%" },
            { "id": "parent", "kind": "two_tier", "rate": "10%" } ] } ]
    }))
    .map_err(|e| CliError::Usage(format!("bench plan: {e}")))?;
    plans::import(book, &plan, Actor::System)?;
    let rates = dir.join("eurofxref.csv");
    let mut text = String::from("Date,USD,\n");
    for day in 1..=31 {
        text.push_str(&format!("{MONTH}-{day:02},1.08{:02},\n", day));
    }
    std::fs::write(&rates, text)?;
    import::fx_rates(book, &rates, &Quiet)?;
    Ok(())
}

fn referral_codes(book: &Book) -> CliResult<Vec<String>> {
    let db = |e| CliError::from(BookError::from(e));
    let mut stmt = book
        .conn()
        .prepare("SELECT code FROM partner_codes WHERE kind = 'referral' ORDER BY partner_id")
        .map_err(db)?;
    let codes = stmt
        .query_map([], |r| r.get(0))
        .map_err(db)?
        .collect::<Result<Vec<String>, _>>()
        .map_err(db)?;
    Ok(codes)
}

/// A generic-layout file: customers buy, renew, and one sale in forty is
/// half refunded; one customer in five pays in EUR; a few codes are unknown.
fn write_csv(path: &Path, rows: u64, codes: &[String]) -> CliResult {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "external_id,kind,occurred_at,amount,currency,customer_id,referral_code,original_external_id,product"
    )?;
    let n = codes.len().max(1) as u64;
    for i in 0..rows {
        let customer = i / 3;
        let day = 1 + (customer * 7) % 28;
        let second = (i * 37) % 86_400;
        let at = format!(
            "{MONTH}-{day:02}T{:02}:{:02}:{:02}Z",
            second / 3600,
            second / 60 % 60,
            second % 60
        );
        let currency = if customer % 5 == 4 { "EUR" } else { "USD" };
        let cents = 1_900 + (customer * 7_919) % 30_000;
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let code = if customer % 97 == 0 {
            "UNKNOWN"
        } else {
            &codes[((customer * 7_919) % n) as usize]
        };
        match i % 3 {
            0 => writeln!(
                out,
                "o{i},sale,{at},{amount},{currency},c{customer},{code},,Pro"
            )?,
            1 if i % 40 == 1 => writeln!(
                out,
                "r{i},refund,{at},{}.{:02},{currency},c{customer},,o{},Pro",
                cents / 200,
                (cents / 2) % 100,
                i - 1
            )?,
            _ => writeln!(
                out,
                "o{i},recurring,{at},{amount},{currency},c{customer},,,Pro"
            )?,
        }
    }
    out.flush()?;
    Ok(())
}

/// The file's columns, as sqlite3 `.import` fills them.
const PLAIN_TABLE: &str =
    "CREATE TABLE conversions (external_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, \
    occurred_at TEXT NOT NULL, amount TEXT, currency TEXT, customer_id TEXT, referral_code TEXT, \
    original_external_id TEXT, product TEXT);";

/// The same, with the secondary indexes our conversions table keeps
/// (time, partner, customer, the sale a refund names).
const INDEXED_TABLE: &str =
    "CREATE TABLE conversions (external_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, \
    occurred_at TEXT NOT NULL, amount TEXT, currency TEXT, customer_id TEXT, referral_code TEXT, \
    original_external_id TEXT, product TEXT);
    CREATE INDEX c_time ON conversions(occurred_at);
    CREATE INDEX c_partner ON conversions(referral_code, occurred_at);
    CREATE INDEX c_customer ON conversions(customer_id, occurred_at);
    CREATE INDEX c_original ON conversions(original_external_id) WHERE original_external_id <> '';";

/// sqlite3's `.import` of the same file into a new database made by
/// `schema`, in milliseconds; None when the sqlite3 program is not installed.
fn sqlite3_import(dir: &Path, csv: &Path, schema: &str) -> CliResult<Option<u128>> {
    // Dot-commands must start their line.
    sqlite3_run(
        dir,
        &format!(
            "{schema}\n.mode csv\n.import --skip 1 '{}' conversions\n",
            csv.display()
        ),
    )
}

/// sqlite3 loading the file into a table made by the book's own
/// conversions DDL (CHECKs, unique key, indexes), with the page cache our
/// import uses: the file is imported into a scratch table, then copied
/// across with the columns ours has. No attribution, no commissions.
fn sqlite3_into_our_table(book: &Book, dir: &Path, csv: &Path) -> CliResult<Option<u128>> {
    let db = |e| CliError::from(BookError::from(e));
    let ddl: Vec<String> = book
        .conn()
        .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'conversions' AND sql IS NOT NULL ORDER BY type DESC")
        .map_err(db)?
        .query_map([], |r| r.get(0))
        .map_err(db)?
        .collect::<Result<_, _>>()
        .map_err(db)?;
    let script = format!(
        "PRAGMA cache_size = -262144;\n{};\n{PLAIN_TABLE}\n.mode csv\n.import --skip 1 '{}' raw\n\
         BEGIN;\n\
         INSERT INTO conversions (source, external_id, kind, occurred_at, customer_id, amount_minor, currency, product, \
           referral_code, original_external_id, partner_id, attribution, created_at) \
         SELECT 'generic', external_id, kind, occurred_at, CAST(substr(customer_id, 2) AS INTEGER) + 1, \
           CAST(replace(amount, '.', '') AS INTEGER), currency, product, referral_code, original_external_id, \
           CAST(substr(customer_id, 2) AS INTEGER) % 2000 + 1, 'referral_code', '2026-11-01T00:00:00Z' FROM raw;\n\
         COMMIT;\n",
        ddl.join(";\n"),
        csv.display()
    )
    .replace("CREATE TABLE conversions (external_id", "CREATE TABLE raw (external_id");
    sqlite3_run(dir, &script)
}

/// Runs `script` in sqlite3 on a new database, in milliseconds; None when
/// the sqlite3 program is not installed.
fn sqlite3_run(dir: &Path, script: &str) -> CliResult<Option<u128>> {
    let db = dir.join("raw.sqlite");
    let _ = std::fs::remove_file(&db);
    let start = Instant::now();
    let run = Command::new("sqlite3")
        .arg(&db)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn();
    let Ok(mut child) = run else {
        return Ok(None);
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(script.as_bytes())?;
    }
    let status = child.wait()?;
    let millis = start.elapsed().as_millis().max(1);
    Ok(status.success().then_some(millis))
}
