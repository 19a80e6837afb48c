//! SEPA Credit Transfer, ISO 20022 pain.001.001.03 (the version the EPC
//! SEPA Credit Transfer Implementation Guidelines and every euro-area bank
//! accept). One group header, one payment information block debiting the
//! payer's account, one credit transfer per payout, in partner order. Text
//! is reduced to the SEPA character set (`sepa_text`); the file validates
//! against the official XSD in a test. A name that has no Latin spelling at
//! all refuses the export (an empty `<Nm>` is a file the bank rejects);
//! names in other scripts are reported with the spelling written. The
//! transfers are booked as one batch (`BtchBookg`), on the execution day
//! chosen at export. The remittance line keeps the payout reference whole.

use super::sepa_text::sepa_text;
use super::{note, plain_amount, FileLine, RunFacts};
use crate::error::{ErrorExt, PayoutError, Result};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

type W = Writer<Vec<u8>>;

pub(super) fn render(run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    document(&mut w, run, lines).map_err(|e| PayoutError::io("cannot write the SEPA file", e))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

fn document(w: &mut W, run: &RunFacts, lines: &[FileLine]) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let count = lines.len().to_string();
    let sum = plain_amount(partnerbook_book::money::Money::new(
        lines.iter().map(|l| l.pay.minor).sum(),
        lines
            .first()
            .map(|l| l.pay.currency)
            .unwrap_or(run.currency),
    ));
    // Max35Text identifiers, unique per run and stable across exports.
    let message_id = format!(
        "PB-RUN{}-{}",
        run.run_id,
        &run.fingerprint[..run.fingerprint.len().min(16)]
    );
    let created = run.approved_at.trim_end_matches('Z').to_string();
    let execution_day = match run.execution_day {
        Some(day) => day.to_string(),
        None => run
            .approved_at
            .get(..10)
            .unwrap_or(&run.through)
            .to_string(),
    };
    let payer_name = sepa_text(&run.payer.name, 70);
    w.create_element("Document")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|w| {
            w.create_element("CstmrCdtTrfInitn")
                .write_inner_content(|w| {
                    w.create_element("GrpHdr").write_inner_content(|w| {
                        text(w, "MsgId", &message_id)?;
                        text(w, "CreDtTm", &created)?;
                        text(w, "NbOfTxs", &count)?;
                        text(w, "CtrlSum", &sum)?;
                        w.create_element("InitgPty")
                            .write_inner_content(|w| text(w, "Nm", &payer_name))?;
                        Ok(())
                    })?;
                    w.create_element("PmtInf").write_inner_content(|w| {
                        text(w, "PmtInfId", &format!("PB-RUN{}", run.run_id))?;
                        text(w, "PmtMtd", "TRF")?;
                        text(w, "BtchBookg", "true")?;
                        text(w, "NbOfTxs", &count)?;
                        text(w, "CtrlSum", &sum)?;
                        w.create_element("PmtTpInf").write_inner_content(|w| {
                            w.create_element("SvcLvl")
                                .write_inner_content(|w| text(w, "Cd", "SEPA"))?;
                            Ok(())
                        })?;
                        text(w, "ReqdExctnDt", &execution_day)?;
                        w.create_element("Dbtr")
                            .write_inner_content(|w| text(w, "Nm", &payer_name))?;
                        account(w, "DbtrAcct", &run.payer.iban)?;
                        agent(w, "DbtrAgt", &run.payer.bic)?;
                        text(w, "ChrgBr", "SLEV")?;
                        for l in lines {
                            transfer(w, run, l)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn transfer(w: &mut W, run: &RunFacts, l: &FileLine) -> io::Result<()> {
    w.create_element("CdtTrfTxInf").write_inner_content(|w| {
        w.create_element("PmtId")
            .write_inner_content(|w| text(w, "EndToEndId", &l.token))?;
        w.create_element("Amt").write_inner_content(|w| {
            w.create_element("InstdAmt")
                .with_attribute(("Ccy", l.pay.currency.code()))
                .write_text_content(BytesText::new(&plain_amount(l.pay)))?;
            Ok(())
        })?;
        if !l.bic.is_empty() {
            agent(w, "CdtrAgt", &l.bic)?;
        }
        w.create_element("Cdtr")
            .write_inner_content(|w| text(w, "Nm", &sepa_text(&l.name, 70)))?;
        account(w, "CdtrAcct", &l.account)?;
        w.create_element("RmtInf").write_inner_content(|w| {
            // The program's name gives way; the reference never does.
            let room = 140 - l.token.len() - 1;
            let lead = sepa_text(&note(run), room);
            let line = if lead.is_empty() {
                l.token.clone()
            } else {
                format!("{lead} {}", l.token)
            };
            text(w, "Ustrd", &line)
        })?;
        Ok(())
    })?;
    Ok(())
}

/// Refuses names with no Latin spelling; says how names in other scripts
/// are written, so the manager can correct a payee's name the bank needs.
pub(super) fn check_names<'a>(
    run: &RunFacts,
    lines: impl Iterator<Item = &'a FileLine>,
) -> Result<Vec<String>> {
    if sepa_text(&run.payer.name, 70).is_empty() {
        return Err(PayoutError::invalid(
            "payer_name",
            format!("the payer's name \"{}\" has no letters SEPA can carry: set the business name in Settings", run.payer.name),
        ));
    }
    let mut notes = Vec::new();
    for l in lines {
        let written = sepa_text(&l.name, 70);
        if written.is_empty() {
            return Err(PayoutError::invalid(
                "name",
                format!(
                    "{} ({}) has a name with no letters SEPA can carry (\"{}\"): correct the partner's name, then approve a new run, or pay them by hand",
                    l.token, l.account, l.name
                ),
            ));
        }
        if l.name
            .chars()
            .any(|c| c as u32 > 0x24F && c.is_alphabetic())
        {
            notes.push(format!(
                "{} is written as \"{written}\" ({})",
                l.name, l.token
            ));
        }
    }
    Ok(notes)
}

fn account(w: &mut W, tag: &str, iban: &str) -> io::Result<()> {
    w.create_element(tag).write_inner_content(|w| {
        w.create_element("Id")
            .write_inner_content(|w| text(w, "IBAN", iban))?;
        Ok(())
    })?;
    Ok(())
}

/// The bank by BIC; without one, "NOTPROVIDED" as the EPC guidelines allow.
fn agent(w: &mut W, tag: &str, bic: &str) -> io::Result<()> {
    w.create_element(tag).write_inner_content(|w| {
        w.create_element("FinInstnId").write_inner_content(|w| {
            if bic.is_empty() {
                w.create_element("Othr")
                    .write_inner_content(|w| text(w, "Id", "NOTPROVIDED"))?;
                Ok(())
            } else {
                text(w, "BIC", bic)
            }
        })?;
        Ok(())
    })?;
    Ok(())
}

fn text(w: &mut W, tag: &str, value: &str) -> io::Result<()> {
    w.create_element(tag)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}
