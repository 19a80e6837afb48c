//! PayPal Payouts, web upload (a .csv of up to 5,000 rows, no header row).
//! Source: PayPal Developer, "Send payouts from Payouts Web" / "Use Web UI"
//! (developer.paypal.com/docs/payouts/standard/payouts-web/). Columns, left
//! to right: recipient identifier (the PayPal email), payment amount,
//! currency (one currency per file), customer ID (optional, at most 30
//! characters, no spaces: our payout token), note to recipient (optional,
//! at most 400 characters), recipient wallet ("PAYPAL"). PayPal takes no
//! decimals in HUF, JPY and TWD ("Currency codes", PayPal REST API
//! reference): those amounts are whole (the draft rounds them so) and are
//! written without a fraction.

use super::{csv_error, note, plain_amount, FileLine, RunFacts};
use crate::error::{ErrorExt, PayoutError, Result};

/// Currencies PayPal pays in whole units only, though ISO 4217 gives
/// HUF and TWD two decimals.
pub const WHOLE_UNITS: &[&str] = &["HUF", "JPY", "TWD"];

/// The amount as PayPal takes it: "12346" in a whole-unit currency.
fn amount(l: &FileLine) -> Result<String> {
    let code = l.pay.currency.code();
    if !WHOLE_UNITS.contains(&code) {
        return Ok(plain_amount(l.pay));
    }
    let d = l.pay.to_decimal();
    if d.fract() != rust_decimal::Decimal::ZERO {
        return Err(PayoutError::invalid(
            "format",
            format!(
                "PayPal pays {code} in whole units only, and {} for {} ({}) has a fraction: this run was approved before drafts rounded {code} for PayPal; pay that partner by hand",
                l.pay, l.name, l.token
            ),
        ));
    }
    Ok(d.trunc().to_string())
}

pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let note: String = note(run).chars().take(400).collect();
    for l in lines {
        w.write_record([
            l.account.as_str(),
            &amount(l)?,
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
