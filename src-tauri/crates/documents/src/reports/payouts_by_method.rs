//! Payouts by run and method: for each approved run, per payout method and
//! currency, how many payouts and how much, and how many are paid, failed
//! or still pending. The CLI prints it, or writes it as JSON or CSV.

use crate::error::Result;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::spreadsheet::text_cell;
use partnerbook_book::Book;
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RunMethodRow {
    pub run_id: i64,
    pub through: String,
    pub approved_at: Option<String>,
    pub method: String,
    pub payouts: u32,
    pub paid: u32,
    pub failed: u32,
    pub pending: u32,
    /// Everything the run sends this way, in the payout currency.
    pub total: Money,
    /// Of it, what is recorded as paid.
    pub paid_total: Money,
}

/// Approved runs whose cut-off is in `from..=to` ("YYYY-MM-DD", either open).
pub fn payouts_by_method(
    book: &Book,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<RunMethodRow>> {
    let mut stmt = book.conn().prepare(
        "SELECT r.id, r.through, r.approved_at, p.method, p.pay_currency, count(*),
                count(*) FILTER (WHERE p.status = 'paid'), count(*) FILTER (WHERE p.status = 'failed'),
                count(*) FILTER (WHERE p.status = 'pending'), sum(p.pay_minor),
                coalesce(sum(p.pay_minor) FILTER (WHERE p.status = 'paid'), 0)
           FROM payouts p JOIN payout_runs r ON r.id = p.run_id
          WHERE r.status = 'approved' AND p.pay_minor IS NOT NULL
            AND (?1 IS NULL OR r.through >= ?1) AND (?2 IS NULL OR r.through <= ?2)
          GROUP BY r.id, p.method, p.pay_currency ORDER BY r.id, p.method, p.pay_currency",
    )?;
    let rows = stmt.query_map((from, to), |r| {
        let currency: Currency = r.get(4)?;
        Ok(RunMethodRow {
            run_id: r.get(0)?,
            through: r.get(1)?,
            approved_at: r.get(2)?,
            method: r.get(3)?,
            payouts: r.get(5)?,
            paid: r.get(6)?,
            failed: r.get(7)?,
            pending: r.get(8)?,
            total: Money::new(r.get(9)?, currency),
            paid_total: Money::new(r.get(10)?, currency),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rows as CSV for a spreadsheet: amounts as plain decimals with their
/// currency in a column of its own.
pub fn to_csv(rows: &[RunMethodRow]) -> Result<Vec<u8>> {
    let rows = rows.iter().map(|r| {
        vec![
            r.run_id.to_string(),
            r.through.clone(),
            text_cell(&r.method).into_owned(),
            r.total.currency.code().to_string(),
            r.payouts.to_string(),
            r.paid.to_string(),
            r.failed.to_string(),
            r.pending.to_string(),
            r.total.to_decimal().to_string(),
            r.paid_total.to_decimal().to_string(),
        ]
    });
    super::csv_bytes(
        &[
            "run",
            "through",
            "method",
            "currency",
            "payouts",
            "paid",
            "failed",
            "pending",
            "total",
            "paid_total",
        ],
        rows,
    )
}

/// The rows as a PDF table, for the days they cover.
pub fn to_pdf(
    book: &Book,
    rows: &[RunMethodRow],
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<u8>> {
    use super::table_pdf::{render, Column, Table};
    let program = partnerbook_book::settings::get(book.conn())?.program_name;
    let covers = match (from, to) {
        (Some(f), Some(t)) => format!("approved runs with their cut-off from {f} to {t}"),
        (Some(f), None) => format!("approved runs with their cut-off from {f}"),
        (None, Some(t)) => format!("approved runs with their cut-off up to {t}"),
        (None, None) => "every approved run".to_string(),
    };
    let columns = [
        Column {
            label: "Run",
            width: 0.6,
            numeric: false,
        },
        Column {
            label: "Cut-off",
            width: 1.0,
            numeric: false,
        },
        Column {
            label: "Method",
            width: 0.9,
            numeric: false,
        },
        Column {
            label: "Payouts",
            width: 0.7,
            numeric: true,
        },
        Column {
            label: "Total",
            width: 1.4,
            numeric: true,
        },
        Column {
            label: "Paid",
            width: 1.6,
            numeric: true,
        },
        Column {
            label: "Failed",
            width: 0.6,
            numeric: true,
        },
        Column {
            label: "Pending",
            width: 0.7,
            numeric: true,
        },
    ];
    let cells = cells(rows);
    let day = to.or(from).unwrap_or("2000-01-01");
    let table = Table {
        program_name: &program,
        title: "Payouts by run and method",
        covers: &covers,
        day,
        columns: &columns,
        rows: &cells,
    };
    Ok(render(&table, &crate::pdf::Fonts::load()?))
}

/// Each row as the cells a table shows: the PDF's and the command line's.
pub fn cells(rows: &[RunMethodRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            vec![
                format!("#{}", r.run_id),
                r.through.clone(),
                r.method.clone(),
                r.payouts.to_string(),
                r.total.to_string(),
                format!("{} · {}", r.paid, r.paid_total),
                r.failed.to_string(),
                r.pending.to_string(),
            ]
        })
        .collect()
}
