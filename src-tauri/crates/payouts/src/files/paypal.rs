//! PayPal Payouts, web upload (a .csv of up to 5,000 rows, no header row).
//! Source: PayPal Developer, "Send payouts from Payouts Web" / "Use Web UI"
//! (developer.paypal.com/docs/payouts/standard/payouts-web/). Columns, left
//! to right: recipient identifier (the PayPal email), payment amount,
//! currency (one currency per file), customer ID (optional, at most 30
//! characters, no spaces: our payout token), note to recipient (optional,
//! at most 400 characters), recipient wallet ("PAYPAL").

use super::{csv_error, note, plain_amount, FileLine, RunFacts};
use crate::error::{ErrorExt, PayoutError, Result};

pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let note: String = note(run).chars().take(400).collect();
    for l in lines {
        w.write_record([
            l.account.as_str(),
            &plain_amount(l.pay),
            l.pay.currency.code(),
            &l.token,
            &note,
            "PAYPAL",
        ])
        .map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| PayoutError::io("cannot write the PayPal file", e.into_error()))
}
