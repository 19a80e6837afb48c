//! A plain CSV of every payout in the run, for any other bank or tool.

use super::{csv_error, plain_amount, FileLine, RunFacts};
use crate::error::{ErrorExt, PayoutError, Result};
use partnerbook_book::spreadsheet::text_cell;

pub const HEADER: [&str; 13] = [
    "payout_ref",
    "partner_id",
    "name",
    "email",
    "method",
    "account",
    "bic",
    "amount",
    "currency",
    "balance",
    "balance_currency",
    "fx_rate",
    "through",
];

pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(csv_error)?;
    for l in lines {
        // Text through `text_cell`: the file is opened in spreadsheets.
        let text = |t: &str| text_cell(t).into_owned();
        w.write_record([
            text(&l.token).as_str(),
            &l.partner_id.to_string(),
            &text(&l.name),
            &text(&l.email),
            &l.method,
            &text(&l.account),
            &text(&l.bic),
            &plain_amount(l.pay),
            l.pay.currency.code(),
            &plain_amount(l.balance),
            l.balance.currency.code(),
            l.fx_rate.as_deref().unwrap_or(""),
            &run.through,
        ])
        .map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| PayoutError::io("cannot write the CSV file", e.into_error()))
}
