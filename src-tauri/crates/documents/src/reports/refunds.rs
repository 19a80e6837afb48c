//! Refunds and clawbacks per partner over a period: how many of their sales
//! were refunded or charged back (by the refund's day), how much, and what
//! it took back from them: commission reversed before it was paid, and
//! commission clawed back after.

use crate::error::Result;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::spreadsheet::text_cell;
use partnerbook_book::{settings, Book};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RefundRow {
    pub partner_id: i64,
    pub partner_name: String,
    pub refunds: u32,
    pub chargebacks: u32,
    /// What was given back to customers, per currency.
    pub given_back: Vec<Money>,
    /// Commission reversed before it was paid (zero or negative).
    pub reversed: Money,
    /// Commission clawed back after it was paid (zero or negative).
    pub clawed_back: Money,
}

/// Partners with a refund or chargeback dated in `from..=to` ("YYYY-MM-DD").
pub fn refunds(book: &Book, from: &str, to: &str) -> Result<Vec<RefundRow>> {
    let conn = book.conn();
    let base = settings::get(conn)?.base_currency;
    let to_end = format!("{to}T23:59:59Z");
    let mut rows: BTreeMap<i64, RefundRow> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT c.partner_id, p.name, c.kind, c.currency, count(*), sum(c.amount_minor)
           FROM conversions c JOIN partners p ON p.id = c.partner_id
          WHERE (c.kind = 'refund' OR c.kind = 'chargeback') AND c.occurred_at >= ?1 AND c.occurred_at <= ?2
          GROUP BY c.partner_id, c.kind, c.currency",
    )?;
    let mut found = stmt.query((from, &to_end))?;
    while let Some(r) = found.next()? {
        let id: i64 = r.get(0)?;
        let row = rows.entry(id).or_insert_with(|| RefundRow {
            partner_id: id,
            partner_name: String::new(),
            refunds: 0,
            chargebacks: 0,
            given_back: Vec::new(),
            reversed: Money::new(0, base),
            clawed_back: Money::new(0, base),
        });
        row.partner_name = r.get(1)?;
        let n: u32 = r.get(4)?;
        if r.get::<_, String>(2)? == "refund" {
            row.refunds += n;
        } else {
            row.chargebacks += n;
        }
        let currency: Currency = r.get(3)?;
        let minor: i64 = r.get(5)?;
        match row.given_back.iter_mut().find(|m| m.currency == currency) {
            Some(m) => m.minor += minor,
            None => row.given_back.push(Money::new(minor, currency)),
        }
    }
    // The lines a refund wrote: dated by the refund they answer.
    let mut stmt = conn.prepare(
        "SELECT k.partner_id, k.kind, sum(k.amount_minor) FROM commissions k
           JOIN conversions c ON c.id = k.conversion_id
          WHERE (k.kind = 'reversal' OR k.kind = 'clawback') AND k.amount_minor IS NOT NULL
            AND c.occurred_at >= ?1 AND c.occurred_at <= ?2
          GROUP BY k.partner_id, k.kind",
    )?;
    let mut lines = stmt.query((from, &to_end))?;
    while let Some(r) = lines.next()? {
        let id: i64 = r.get(0)?;
        let Some(row) = rows.get_mut(&id) else {
            continue;
        };
        let minor: i64 = r.get(2)?;
        if r.get::<_, String>(1)? == "reversal" {
            row.reversed.minor += minor;
        } else {
            row.clawed_back.minor += minor;
        }
    }
    // A line refunded in full before it was paid is reversed whole, with no
    // line of its own: dated by the first refund of its sale.
    let mut stmt = conn.prepare(
        "SELECT k.partner_id, sum(k.amount_minor) FROM commissions k
          WHERE k.state = 'reversed' AND k.amount_minor IS NOT NULL
            AND (SELECT min(r.occurred_at) FROM conversions r
                  WHERE r.original_id = k.conversion_id AND (r.kind = 'refund' OR r.kind = 'chargeback'))
                BETWEEN ?1 AND ?2
          GROUP BY k.partner_id",
    )?;
    let mut whole = stmt.query((from, &to_end))?;
    while let Some(r) = whole.next()? {
        let id: i64 = r.get(0)?;
        if let Some(row) = rows.get_mut(&id) {
            row.reversed.minor -= r.get::<_, i64>(1)?;
        }
    }
    let mut out: Vec<RefundRow> = rows.into_values().collect();
    for r in &mut out {
        r.given_back
            .sort_by(|a, b| a.currency.code().cmp(b.currency.code()));
    }
    out.sort_by(|a, b| {
        (a.reversed.minor + a.clawed_back.minor)
            .cmp(&(b.reversed.minor + b.clawed_back.minor))
            .then(a.partner_id.cmp(&b.partner_id))
    });
    Ok(out)
}

/// The rows as CSV: one given-back amount per currency, joined.
pub fn to_csv(rows: &[RefundRow]) -> Result<Vec<u8>> {
    let rows = rows.iter().map(|r| {
        let given: Vec<String> = r.given_back.iter().map(Money::to_string).collect();
        vec![
            r.partner_id.to_string(),
            text_cell(&r.partner_name).into_owned(),
            r.refunds.to_string(),
            r.chargebacks.to_string(),
            given.join(" + "),
            r.reversed.to_decimal().to_string(),
            r.clawed_back.to_decimal().to_string(),
            r.reversed.currency.code().to_string(),
        ]
    });
    super::csv_bytes(
        &[
            "partner_id",
            "partner",
            "refunds",
            "chargebacks",
            "given_back",
            "reversed",
            "clawed_back",
            "currency",
        ],
        rows,
    )
}

/// The rows as a PDF table, for the days they cover.
pub fn to_pdf(book: &Book, rows: &[RefundRow], from: &str, to: &str) -> Result<Vec<u8>> {
    use super::table_pdf::{render, Column, Table};
    let program = settings::get(book.conn())?.program_name;
    let covers = format!("refunds and chargebacks dated from {from} to {to}");
    let columns = [
        Column {
            label: "Partner",
            width: 1.8,
            numeric: false,
        },
        Column {
            label: "Refunds",
            width: 0.8,
            numeric: true,
        },
        Column {
            label: "Chargebacks",
            width: 1.0,
            numeric: true,
        },
        Column {
            label: "Given back",
            width: 2.4,
            numeric: true,
        },
        Column {
            label: "Reversed",
            width: 1.0,
            numeric: true,
        },
        Column {
            label: "Clawed back",
            width: 1.0,
            numeric: true,
        },
    ];
    let cells = cells(rows);
    let table = Table {
        program_name: &program,
        title: "Refunds and clawbacks",
        covers: &covers,
        day: to,
        columns: &columns,
        rows: &cells,
    };
    Ok(render(&table, &crate::pdf::Fonts::load()?))
}

/// Each row as the cells a table shows: the PDF's and the command line's.
pub fn cells(rows: &[RefundRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            let given: Vec<String> = r.given_back.iter().map(Money::to_string).collect();
            vec![
                r.partner_name.clone(),
                r.refunds.to_string(),
                r.chargebacks.to_string(),
                given.join(" + "),
                r.reversed.to_string(),
                r.clawed_back.to_string(),
            ]
        })
        .collect()
}
