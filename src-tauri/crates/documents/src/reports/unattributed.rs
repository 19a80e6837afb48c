//! Unattributed sales over a period: every sale and renewal no partner was
//! found for, with what it carried (codes, partner key, customer) and why
//! nothing matched, so the manager can add the missing code or partner.

use crate::error::Result;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::spreadsheet::text_cell;
use partnerbook_book::{settings, Book};
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UnattributedSale {
    pub conversion_id: i64,
    pub occurred_at: String,
    pub source: String,
    pub external_id: String,
    pub amount: Option<Money>,
    pub customer: String,
    /// The codes and key the sale carried, "referral ZOE10", "coupon SPRING".
    pub carried: Vec<String>,
    /// Why no partner was found, in words.
    pub why: String,
}

/// Sales and renewals dated in `from..=to` ("YYYY-MM-DD") with no partner.
pub fn unattributed(book: &Book, from: &str, to: &str) -> Result<Vec<UnattributedSale>> {
    let conn = book.conn();
    let to_end = format!("{to}T23:59:59Z");
    let mut stmt = conn.prepare(
        "SELECT c.id, c.occurred_at, c.source, c.external_id, c.amount_minor, c.currency,
                coalesce(nullif(cu.email, ''), cu.external_id, ''),
                c.referral_code, c.coupon_code, c.link_id, c.partner_key
           FROM conversions c LEFT JOIN customers cu ON cu.id = c.customer_id
          WHERE c.partner_id IS NULL AND c.kind IN ('sale', 'recurring')
            AND c.occurred_at >= ?1 AND c.occurred_at <= ?2
          ORDER BY c.occurred_at, c.id",
    )?;
    let rows = stmt.query_map((from, &to_end), |r| {
        let minor: i64 = r.get(4)?;
        let currency: Option<Currency> = r.get(5)?;
        let given: Vec<(&str, String)> = vec![
            ("referral", r.get(7)?),
            ("coupon", r.get(8)?),
            ("link", r.get(9)?),
            ("partner key", r.get(10)?),
        ];
        let carried: Vec<String> = given
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let customer: String = r.get(6)?;
        let why = if !carried.is_empty() {
            format!("{} matches no partner", carried.join(", "))
        } else if customer.is_empty() {
            "no code, no partner key and no customer".to_string()
        } else {
            "no code or partner key, and the customer has no partner yet".to_string()
        };
        Ok(UnattributedSale {
            conversion_id: r.get(0)?,
            occurred_at: r.get(1)?,
            source: r.get(2)?,
            external_id: r.get(3)?,
            amount: currency.map(|c| Money::new(minor, c)),
            customer,
            carried,
            why,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn to_csv(rows: &[UnattributedSale]) -> Result<Vec<u8>> {
    let rows = rows.iter().map(|r| {
        vec![
            r.occurred_at.clone(),
            text_cell(&r.source).into_owned(),
            text_cell(&r.external_id).into_owned(),
            r.amount
                .map(|a| a.to_decimal().to_string())
                .unwrap_or_default(),
            r.amount
                .map(|a| a.currency.code().to_string())
                .unwrap_or_default(),
            text_cell(&r.customer).into_owned(),
            text_cell(&r.carried.join("; ")).into_owned(),
            text_cell(&r.why).into_owned(),
        ]
    });
    super::csv_bytes(
        &[
            "date",
            "source",
            "external_id",
            "amount",
            "currency",
            "customer",
            "carried",
            "why",
        ],
        rows,
    )
}

/// Each row as the cells a table shows: the PDF's and the command line's.
pub fn cells(rows: &[UnattributedSale]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            vec![
                r.occurred_at.chars().take(10).collect(),
                format!("{} {}", r.source, r.external_id),
                r.amount.map(|a| a.to_string()).unwrap_or_default(),
                r.customer.clone(),
                r.why.clone(),
            ]
        })
        .collect()
}

pub fn to_pdf(book: &Book, rows: &[UnattributedSale], from: &str, to: &str) -> Result<Vec<u8>> {
    use super::table_pdf::{render, Column, Table};
    let program = settings::get(book.conn())?.program_name;
    let covers = format!("sales dated from {from} to {to} that no partner was found for");
    let col = |label, width, numeric| Column {
        label,
        width,
        numeric,
    };
    let columns = [
        col("Date", 0.9, false),
        col("Sale", 1.6, false),
        col("Amount", 1.0, true),
        col("Customer", 1.6, false),
        col("Why", 2.4, false),
    ];
    let cells = cells(rows);
    let table = Table {
        program_name: &program,
        title: "Unattributed sales",
        covers: &covers,
        day: to,
        columns: &columns,
        rows: &cells,
    };
    Ok(render(&table, &crate::pdf::Fonts::load()?))
}
