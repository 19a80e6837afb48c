//! A bank's status report on a SEPA file we wrote: ISO 20022
//! pain.002.001.03 (Customer Payment Status Report). Each `TxInfAndSts`
//! names our transfer by `OrgnlEndToEndId` (the payout token) with a
//! `TxSts`: ACSC settled (paid); ACCP, ACSP, ACTC, ACWC, PDNG accepted but
//! not yet settled (still pending); RJCT rejected, with a reason code in
//! `StsRsnInf/Rsn/Cd` and perhaps words in `AddtlInf`. Read into the rows
//! `reconcile` reads from any provider: reference, status, reason.

use crate::error::{ErrorExt, PayoutError, Result};
use quick_xml::events::Event;
use quick_xml::Reader;

/// What common ISO 20022 reason codes mean (External Status Reason codes).
const REASONS: &[(&str, &str)] = &[
    ("AC01", "incorrect account number"),
    ("AC04", "closed account"),
    ("AC06", "blocked account"),
    ("AC13", "invalid debtor account type"),
    ("AG01", "transaction forbidden on this account"),
    ("AM04", "insufficient funds"),
    ("AM05", "duplicate payment"),
    ("BE04", "missing creditor address"),
    ("DUPL", "duplicate payment"),
    ("FF01", "invalid file format"),
    ("MD07", "the account holder is deceased"),
    ("MS02", "refused by the account holder"),
    ("MS03", "reason not specified"),
    ("RC01", "bank identifier incorrect"),
    ("RR01", "missing debtor account or identification"),
    ("RR02", "missing debtor name or address"),
    ("RR03", "missing creditor name or address"),
];

pub(crate) struct Row {
    pub reference: String,
    pub status: &'static str,
    pub reason: String,
}

/// Whether `bytes` look like a pain.002 status report.
pub(crate) fn is_pain002(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    head.contains("pain.002") || head.contains("CstmrPmtStsRpt")
}

fn status_word(code: &str) -> Option<&'static str> {
    match code {
        "ACSC" => Some("settled"),
        "ACCP" | "ACSP" | "ACTC" | "ACWC" | "PDNG" | "RCVD" => Some("pending"),
        "RJCT" => Some("rejected"),
        _ => None,
    }
}

fn reason_words(code: &str, more: &str) -> String {
    let known = REASONS.iter().find(|(c, _)| *c == code).map(|(_, w)| *w);
    let mut out = match (code, known) {
        ("", _) => "rejected by the bank".to_string(),
        (c, Some(w)) => format!("rejected by the bank: {c} {w}"),
        (c, None) => format!("rejected by the bank: {c}"),
    };
    if !more.is_empty() {
        out.push_str(&format!(" ({more})"));
    }
    out
}

/// The transfers of a pain.002 report; a group rejected as a whole with no
/// transfer listed is an error (nothing was paid; the file must be fixed).
pub(crate) fn read(file: &str, bytes: &[u8]) -> Result<Vec<Row>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| PayoutError::invalid("file", format!("{file} is not UTF-8 XML")))?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let (mut reference, mut status, mut code, mut more) =
        (String::new(), String::new(), String::new(), String::new());
    let (mut group_status, mut group_code) = (String::new(), String::new());
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => path.push(e.local_name().as_ref().to_string()),
            Ok(Event::End(_)) => {
                if path.last().map(String::as_str) == Some("TxInfAndSts") {
                    let word = status_word(&status).ok_or_else(|| {
                        PayoutError::invalid("file", format!("{file}: \"{status}\" for {reference} is not a transaction status of pain.002"))
                    })?;
                    rows.push(Row {
                        reference: std::mem::take(&mut reference),
                        status: word,
                        reason: if word == "rejected" {
                            reason_words(&code, &more)
                        } else {
                            String::new()
                        },
                    });
                    status.clear();
                    code.clear();
                    more.clear();
                }
                path.pop();
            }
            Ok(Event::Text(t)) => {
                let value = t.xml10_content().trim().to_string();
                let inside = |name: &str| path.iter().any(|p| p == name);
                match path.last().map(String::as_str) {
                    Some("OrgnlEndToEndId") if inside("TxInfAndSts") => reference = value,
                    Some("TxSts") if inside("TxInfAndSts") => status = value,
                    Some("Cd") if inside("TxInfAndSts") && inside("Rsn") => code = value,
                    Some("AddtlInf") if inside("TxInfAndSts") => more = value,
                    Some("GrpSts") => group_status = value,
                    Some("Cd") if inside("OrgnlGrpInfAndSts") && inside("Rsn") => {
                        group_code = value
                    }
                    _ => {}
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(PayoutError::invalid(
                    "file",
                    format!(
                        "{file} is not well-formed XML at byte {}: {e}",
                        reader.buffer_position()
                    ),
                ))
            }
        }
    }
    if rows.is_empty() && group_status == "RJCT" {
        return Err(PayoutError::invalid(
            "file",
            format!(
                "{file}: the bank {}, so nothing was paid; correct it and export the SEPA file again",
                reason_words(&group_code, "").replace("rejected by the bank", "rejected the whole file")
            ),
        ));
    }
    Ok(rows)
}
