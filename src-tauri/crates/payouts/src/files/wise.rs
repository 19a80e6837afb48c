//! Wise batch payments, the "send by email" template (Wise Help Centre,
//! "How do I fill in my batch template?"; up to 1,000 transfers per file).
//! Our Wise partners give an email, so Wise asks them for their bank details.
//! Header, in Wise's order: name, recipientEmail, paymentReference,
//! receiverType (PERSON; BUSINESS with the company's name when the partner
//! is paid as a company, as Wise asks for the account holder's name),
//! amountCurrency ("target": the partner receives
//! exactly the amount, fees are ours), amount, sourceCurrency (what we pay
//! with: the run's currency), targetCurrency (the partner's currency).

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

pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(csv_error)?;
    for l in lines {
        // Opened in spreadsheets before upload: text through `text_cell`.
        let (name, receiver) = match l.company.trim() {
            "" => (l.name.as_str(), "PERSON"),
            company => (company, "BUSINESS"),
        };
        w.write_record([
            text_cell(name).as_ref(),
            &text_cell(&l.account),
            &text_cell(&l.token),
            receiver,
            "target",
            &plain_amount(l.pay),
            run.currency.code(),
            l.pay.currency.code(),
        ])
        .map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| PayoutError::io("cannot write the Wise file", e.into_error()))
}
