//! `statements RUN --out DIR`: the PDF statement of every payout of a run;
//! `report program --period P --out FILE`: the month's program report;
//! `report by-hand --run N --out FILE`: a run's transfers to make by hand.

use crate::args::PeriodReport;
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::pdf::Fonts;
use partnerbook_core::reports::performance::By;
use partnerbook_core::reports::{by_hand as hand, program};
use partnerbook_core::{statements, Book, BookError, ErrorExt};
use std::path::Path;

pub fn write(book: &Book, run: i64, out: &Path, json: bool) -> CliResult {
    let bar = Bar::new();
    let report = statements::write_run(book, run, out, &bar);
    bar.finish();
    let report = report?;
    if json {
        output::json(&report);
    } else {
        println!(
            "{} statements of run #{run} in {} ({} KB)",
            output::count(u64::from(report.files)),
            report.dir,
            report.bytes / 1024
        );
    }
    Ok(())
}

pub fn program_report(book: &Book, period: &str, out: &Path, json: bool) -> CliResult {
    let report = program::program(book, period)?;
    let pdf = program::render(&report, &Fonts::load()?);
    std::fs::write(out, &pdf)
        .map_err(|e| BookError::io(format!("cannot write {}", out.display()), e))?;
    if json {
        output::json(&report);
    } else {
        println!(
            "Program report for {}: {} sales, {} earned by {} partners -> {}",
            report.period,
            report.sales,
            report.commissions,
            report.earning_partners,
            out.display()
        );
    }
    Ok(())
}

pub fn by_hand(book: &Book, run: i64, out: &Path) -> CliResult {
    let n = hand::write(book, run, out)?;
    println!(
        "{} transfers of run #{run} to make by hand -> {}",
        output::count(n as u64),
        out.display()
    );
    Ok(())
}

/// `report payouts`: a table, JSON, or a CSV file.
pub fn payouts_report(
    book: &Book,
    from: Option<String>,
    to: Option<String>,
    out: Option<std::path::PathBuf>,
    json: bool,
) -> CliResult {
    use partnerbook_core::reports::payouts_by_method::{payouts_by_method, to_csv};
    let rows = payouts_by_method(book, from.as_deref(), to.as_deref())?;
    if json {
        output::json(&rows);
        return Ok(());
    }
    if let Some(out) = out {
        let bytes = if is_pdf(&out) {
            partnerbook_core::reports::payouts_by_method::to_pdf(
                book,
                &rows,
                from.as_deref(),
                to.as_deref(),
            )?
        } else {
            to_csv(&rows)?
        };
        partnerbook_core::files::write_atomically(&out, &bytes)?;
        println!("Wrote {} rows to {}", rows.len(), out.display());
        return Ok(());
    }
    let table = partnerbook_core::reports::payouts_by_method::cells(&rows);
    output::table(
        &[
            "run", "through", "method", "payouts", "total", "paid", "failed", "pending",
        ],
        table,
    );
    Ok(())
}

/// `report refunds`: a table, JSON, or a CSV file.
/// `report tax-year`: the year's payees as a table, JSON, the 1099-NEC CSV or a PDF.
pub fn tax_year_report(
    book: &Book,
    year: i32,
    out: Option<std::path::PathBuf>,
    tins: partnerbook_core::partners::tin::Tins,
    json: bool,
) -> CliResult {
    use partnerbook_core::reports::tax_year;
    let t = tax_year::tax_year(book, year)?;
    if json {
        output::json(&t);
        return Ok(());
    }
    if let Some(out) = out {
        let bytes = if is_pdf(&out) {
            tax_year::to_pdf(book, &t)?
        } else {
            tax_year::to_csv(book.conn(), &t, tins)?
        };
        partnerbook_core::files::write_atomically(&out, &bytes)?;
        println!("Wrote {} payees to {}", t.rows.len(), out.display());
        return Ok(());
    }
    println!(
        "Paid in {}; a 1099-NEC from {} paid outside PayPal ({} of {} payees)",
        t.year,
        t.threshold,
        t.rows.iter().filter(|r| r.needs_1099).count(),
        t.rows.len()
    );
    output::table(
        &[
            "payee",
            "tax form",
            "paid, reportable",
            "paid through PayPal",
            "1099-NEC",
        ],
        tax_year::cells(&t),
    );
    Ok(())
}

pub fn refunds_report(
    book: &Book,
    from: &str,
    to: &str,
    out: Option<std::path::PathBuf>,
    json: bool,
) -> CliResult {
    use partnerbook_core::reports::refunds::{refunds, to_csv};
    let rows = refunds(book, from, to)?;
    if json {
        output::json(&rows);
        return Ok(());
    }
    if let Some(out) = out {
        let bytes = if is_pdf(&out) {
            partnerbook_core::reports::refunds::to_pdf(book, &rows, from, to)?
        } else {
            to_csv(&rows)?
        };
        partnerbook_core::files::write_atomically(&out, &bytes)?;
        println!("Wrote {} partners to {}", rows.len(), out.display());
        return Ok(());
    }
    let table = partnerbook_core::reports::refunds::cells(&rows);
    output::table(
        &[
            "partner",
            "refunds",
            "chargebacks",
            "given back",
            "reversed",
            "clawed back",
        ],
        table,
    );
    Ok(())
}

/// `report partners|groups`: a table, JSON, or a CSV or PDF file.
pub fn performance_report(book: &Book, by: By, a: PeriodReport) -> CliResult {
    use partnerbook_core::reports::performance::{cells, headers, performance, to_csv, to_pdf};
    let rows = performance(book, by, &a.from, &a.to)?;
    if a.json {
        output::json(&rows);
        return Ok(());
    }
    if let Some(out) = a.out {
        let bytes = if is_pdf(&out) {
            to_pdf(book, by, &rows, &a.from, &a.to)?
        } else {
            to_csv(by, &rows)?
        };
        return written(&out, &bytes, rows.len(), "rows");
    }
    output::table(&headers(by), cells(by, &rows));
    Ok(())
}

/// `report unattributed`: a table, JSON, or a CSV or PDF file.
pub fn unattributed_report(book: &Book, a: PeriodReport) -> CliResult {
    use partnerbook_core::reports::unattributed::{cells, to_csv, to_pdf, unattributed};
    let rows = unattributed(book, &a.from, &a.to)?;
    if a.json {
        output::json(&rows);
        return Ok(());
    }
    if let Some(out) = a.out {
        let bytes = if is_pdf(&out) {
            to_pdf(book, &rows, &a.from, &a.to)?
        } else {
            to_csv(&rows)?
        };
        return written(&out, &bytes, rows.len(), "sales");
    }
    output::table(&["date", "sale", "amount", "customer", "why"], cells(&rows));
    Ok(())
}

fn written(out: &std::path::Path, bytes: &[u8], n: usize, what: &str) -> CliResult {
    partnerbook_core::files::write_atomically(out, bytes)?;
    println!("Wrote {n} {what} to {}", out.display());
    Ok(())
}

/// A report is written as a PDF table to a .pdf, as CSV to anything else.
fn is_pdf(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}
