//! `bench search|import`: the figures the closing notes quote. Wall-clock
//! timings on this machine, printed, never asserted.

use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::demo::{self, DemoOptions};
use partnerbook_core::partners::csv_export;
use partnerbook_core::partners::csv_import::{self, ImportOptions};
use partnerbook_core::partners::search::{match_expression, search as run_search, PartnerQuery};
use partnerbook_core::partners::tin::Tins;
use partnerbook_core::progress::{Progress, Quiet};
use partnerbook_core::settings::NewProgram;
use partnerbook_core::{Book, BookError};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Serialize)]
struct SearchFigures {
    partners: u64,
    queries: usize,
    p50_us: u128,
    p95_us: u128,
    p99_us: u128,
    max_us: u128,
}

/// Times what the app asks while someone types: the count and the first
/// page (200 rows, best match first) for prefixes "z", "zo", "zoe", … taken
/// from names and emails in the book.
pub fn search(book: &Book, queries: usize, emit_sql: Option<&Path>, json: bool) -> CliResult {
    let partners = book.info()?.partner_count;
    let typed = typed_prefixes(book, queries)?;
    if let Some(path) = emit_sql {
        let mut script = String::from(".timer on\n");
        for text in &typed {
            if let Some(expr) = match_expression(text) {
                let quoted = expr.replace('\'', "''");
                script.push_str(&format!(
                    "SELECT count(*) FROM partner_search WHERE partner_search MATCH '{quoted}';\n"
                ));
            }
        }
        std::fs::write(path, script)?;
    }
    let query = |text: &str| PartnerQuery {
        text: text.to_string(),
        limit: 200,
        ..Default::default()
    };
    for text in typed.iter().take(50) {
        run_search(book, &query(text))?;
    }
    let mut times: Vec<Duration> = Vec::with_capacity(typed.len());
    for text in &typed {
        let start = Instant::now();
        run_search(book, &query(text))?;
        times.push(start.elapsed());
    }
    times.sort();
    let at = |pct: usize| times[(times.len() * pct / 100).min(times.len() - 1)].as_micros();
    let figures = SearchFigures {
        partners,
        queries: times.len(),
        p50_us: at(50),
        p95_us: at(95),
        p99_us: at(99),
        max_us: times.last().map_or(0, Duration::as_micros),
    };
    if json {
        output::json(&figures);
    } else {
        println!(
            "search over {} partners, {} typed queries: p50 {} · p95 {} · p99 {} · max {}",
            output::count(partners),
            figures.queries,
            ms(figures.p50_us),
            ms(figures.p95_us),
            ms(figures.p99_us),
            ms(figures.max_us)
        );
    }
    Ok(())
}

fn typed_prefixes(book: &Book, wanted: usize) -> CliResult<Vec<String>> {
    let db = |e| CliError::from(BookError::from(e));
    // A spread of partners across the whole book, the same every run.
    let sql = "SELECT name, email FROM partners ORDER BY (id * 7919) % 10007 LIMIT 2000";
    let mut stmt = book.conn().prepare(sql).map_err(db)?;
    let pairs = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(db)?;
    let mut out = Vec::new();
    for pair in pairs {
        let (name, email) = pair.map_err(db)?;
        for word in [name.as_str(), email.as_str()] {
            let chars: Vec<char> = word.chars().collect();
            for n in 1..=chars.len().min(8) {
                out.push(chars[..n].iter().collect::<String>());
            }
        }
        if out.len() >= wanted {
            break;
        }
    }
    out.truncate(wanted);
    if out.is_empty() {
        out.push("a".into());
    }
    Ok(out)
}

fn ms(us: u128) -> String {
    format!("{}.{:02} ms", us / 1000, (us % 1000) / 10)
}

#[derive(Serialize)]
struct ImportFigures {
    rows: u64,
    millis: u128,
    rows_per_second: u128,
}

/// Makes a demo program of `rows` partners, exports it, and times importing
/// that CSV into a new book (validation, one transaction, search index).
pub fn import(rows: u32, json: bool) -> CliResult {
    in_scratch("import", |dir| import_in(dir, rows, json))
}

fn import_in(dir: &std::path::Path, rows: u32, json: bool) -> CliResult {
    let bar = Bar::new();
    let source = partners_book(&dir.join("source.partnerbook"), rows, &bar)?;
    let csv = dir.join("partners.csv");
    csv_export::export(
        &source,
        None,
        std::io::BufWriter::new(std::fs::File::create(&csv)?),
        Tins::Whole,
        &Quiet,
    )?;
    drop(source);

    let start = Instant::now();
    let program = NewProgram {
        program_name: "Import bench".into(),
        base_currency: "USD".into(),
    };
    let mut book = Book::create(&dir.join("target.partnerbook"), &program)?;
    let report = csv_import::import(&mut book, &csv, &ImportOptions::default(), &bar)?;
    let millis = start.elapsed().as_millis().max(1);
    bar.finish();
    let figures = ImportFigures {
        rows: report.rows,
        millis,
        rows_per_second: u128::from(report.rows) * 1000 / millis,
    };
    if json {
        output::json(&figures);
    } else {
        println!(
            "imported {} partners in {} ms: {} rows/s",
            output::count(figures.rows),
            figures.millis,
            output::count(figures.rows_per_second as u64)
        );
    }
    Ok(())
}

/// Runs `work` in a fresh folder under the system's temp folder, named for
/// the bench and this process, and removes it afterwards, whatever happened.
pub fn in_scratch(name: &str, work: impl FnOnce(&std::path::Path) -> CliResult) -> CliResult {
    let dir = std::env::temp_dir().join(format!("partnerbook-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = work(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// A demo program of `partners` partners and nothing else (seed 1): the
/// book most benches start from.
pub fn partners_book(
    path: &std::path::Path,
    partners: u32,
    progress: &dyn Progress,
) -> CliResult<Book> {
    Ok(demo::create(
        path,
        &DemoOptions {
            partners,
            seed: 1,
            earnings: false,
        },
        progress,
    )?)
}
