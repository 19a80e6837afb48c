//! Wise batch payments (Wise Help Centre, "What's a batch payment
//! template?" and "How do I fill in my batch template?"; up to 1,000
//! transfers per file, one target currency per file). Two templates:
//! - "Send by email", for partners who gave Wise only an email: Wise asks
//!   them for their bank details.
//! - "Send to bank accounts", IBAN variant, for partners who gave an IBAN:
//!   the same columns and an `IBAN` column; Wise pays the account directly.
//!
//! Wise's local-account templates (US routing numbers, UK sort codes…) are
//! not written: partners have no such fields, and Wise's help gives no fixed
//! column list for them. Those partners go in the email template, where Wise
//! asks them for their account.
//!
//! Columns, in Wise's order: name (the account holder), recipientEmail,
//! paymentReference, receiverType (PERSON; BUSINESS with the company's name
//! when the partner is paid as a company, as Wise asks for the holder's
//! name), amountCurrency ("target": the partner receives exactly the
//! amount, fees are ours), amount, sourceCurrency (what we pay with: the
//! run's currency), targetCurrency (the partner's currency).

use super::{csv_error, plain_amount, FileLine, RunFacts};
use crate::error::{ErrorExt, PayoutError, Result};
use partnerbook_book::spreadsheet::text_cell;

pub const HEADER: [&str; 8] = [
    "name",
    "recipientEmail",
    "paymentReference",
    "receiverType",
    "amountCurrency",
    "amount",
    "sourceCurrency",
    "targetCurrency",
];

/// The bank-account template's last column.
pub const IBAN_COLUMN: &str = "IBAN";

/// Whether Wise pays this payout to a bank account (the draft froze an
/// IBAN as its account) rather than asking by email.
pub(super) fn to_bank_account(line: &FileLine) -> bool {
    !line.account.contains('@')
}

/// One file's rows; every line of a file goes by the same template
/// (`PaymentFormat::file_key` keeps them apart).
pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let bank = lines.first().is_some_and(to_bank_account);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = HEADER.to_vec();
    if bank {
        header.push(IBAN_COLUMN);
    }
    w.write_record(&header).map_err(csv_error)?;
    for l in lines {
        debug_assert_eq!(to_bank_account(l), bank);
        // Opened in spreadsheets before upload: text through `text_cell`.
        let (name, receiver) = match l.company.trim() {
            "" => (l.name.as_str(), "PERSON"),
            company => (company, "BUSINESS"),
        };
        // The bank template's email only tells the partner the money left.
        let email = if bank { &l.email } else { &l.account };
        let amount = plain_amount(l.pay);
        let mut row = vec![
            text_cell(name),
            text_cell(email),
            text_cell(&l.token),
            receiver.into(),
            "target".into(),
            amount.as_str().into(),
            run.currency.code().into(),
            l.pay.currency.code().into(),
        ];
        if bank {
            row.push(text_cell(&l.account));
        }
        w.write_record(row.iter().map(|c| c.as_ref()))
            .map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| PayoutError::io("cannot write the Wise file", e.into_error()))
}
