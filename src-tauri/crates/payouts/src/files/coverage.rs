//! How an approved run is paid: which payouts each provider's file carries,
//! how many uploads that is (PayPal and Wise take one currency per file),
//! what is left to pay by hand, and which of these were written already.
//! Every paid payout is in exactly one group, so nobody is forgotten.

use super::{file_lines, run_facts, PaymentFormat};
use crate::error::Result;
use partnerbook_book::money::Money;
use partnerbook_book::Book;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageGroup {
    /// paypal, wise or sepa: a provider's file; manual: the by-hand list.
    pub format: PaymentFormat,
    pub payouts: u32,
    /// What the group sends, per payout currency.
    pub totals: Vec<Money>,
    /// Files to upload: one per currency for PayPal and Wise, more past
    /// the provider's row limit; one list for SEPA and by hand.
    pub files: u32,
    /// When this format's files were last written for the run, if ever.
    pub written_at: Option<String>,
}

/// The run's paid payouts by how they are paid, providers first, then the
/// transfers no provider file makes; groups with no payout are left out.
pub fn coverage(book: &Book, run_id: i64) -> Result<Vec<CoverageGroup>> {
    let conn = book.conn();
    run_facts(conn, run_id)?;
    let (lines, _) = file_lines(conn, run_id)?;
    let formats = PaymentFormat::PROVIDERS
        .into_iter()
        .chain([PaymentFormat::Manual]);
    let mut out = Vec::new();
    for format in formats {
        let mine: Vec<_> = lines
            .iter()
            .filter(|l| format.excludes(l).is_none())
            .collect();
        if mine.is_empty() {
            continue;
        }
        // By currency code, so the totals come in a stable order.
        let mut by_currency: BTreeMap<&str, (i64, _)> = BTreeMap::new();
        for l in &mine {
            let entry = by_currency
                .entry(l.pay.currency.code())
                .or_insert((0, l.pay.currency));
            entry.0 += l.pay.minor;
        }
        // One upload per file the export writes: per currency (and Wise
        // template), more past the provider's row limit.
        let mut per_file: BTreeMap<String, usize> = BTreeMap::new();
        for l in &mine {
            *per_file.entry(format.file_key(l)).or_default() += 1;
        }
        let files = per_file
            .values()
            .map(|n| n.div_ceil(format.max_rows()) as u32)
            .sum();
        let written_at: Option<String> = conn.query_row(
            "SELECT max(created_at) FROM payout_exports WHERE run_id = ?1 AND format = ?2",
            rusqlite::params![run_id, format],
            |r| r.get(0),
        )?;
        out.push(CoverageGroup {
            format,
            payouts: mine.len() as u32,
            totals: by_currency
                .into_values()
                .map(|(minor, currency)| Money::new(minor, currency))
                .collect(),
            files,
            written_at,
        });
    }
    Ok(out)
}
