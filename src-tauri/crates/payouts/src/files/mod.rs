//! Payment files from an approved run: PayPal Payouts CSV, Wise batch CSV,
//! SEPA Credit Transfer (pain.001.001.03) and a generic CSV. Every file is
//! rendered from the locked run only, in partner order, with the run's own
//! timestamps, so writing it again gives the same bytes. Files are written
//! to a temporary name and renamed, then recorded in the book.

pub mod coverage;
pub mod generic;
pub mod paypal;
pub mod sepa;
pub mod sepa_day;
mod sepa_text;
pub mod wise;

use crate::adjust::{payer_in, Payer};
use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{payout_token, RunStatus};
use crate::read::get_run_in;
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::text_enum;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

text_enum!(
    /// Which provider's file to write.
    PaymentFormat { Paypal = "paypal", Wise = "wise", Sepa = "sepa", Csv = "csv", Manual = "manual" }
);

/// One payout as the files need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLine {
    pub payout_id: i64,
    /// "PB3-1042": names the payout in every file and in result files.
    pub token: String,
    pub partner_id: i64,
    pub name: String,
    pub email: String,
    pub method: String,
    pub account: String,
    pub bic: String,
    pub pay: Money,
    pub balance: Money,
    pub fx_rate: Option<String>,
    /// The payee's company as frozen at approval; empty for a person.
    pub company: String,
}

/// The run facts every file carries.
#[derive(Clone, Debug)]
pub struct RunFacts {
    pub run_id: i64,
    pub through: String,
    /// RFC 3339, from the approval: files never use the clock.
    pub approved_at: String,
    pub fingerprint: String,
    pub currency: Currency,
    pub program_name: String,
    pub payer: Payer,
    /// SEPA's requested execution day, chosen at export.
    pub execution_day: Option<NaiveDate>,
}

/// What the manager chooses when writing files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOptions {
    /// SEPA: the day the bank is asked to execute the transfers
    /// ("YYYY-MM-DD"); the next TARGET2 business day when None.
    pub execution_date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportedFile {
    pub path: String,
    pub payouts: u32,
    pub total: Money,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkippedPayout {
    pub partner_id: i64,
    pub partner_name: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub run_id: i64,
    pub format: PaymentFormat,
    pub files: Vec<ExportedFile>,
    /// Paid in the run but not by this provider: in another file.
    pub skipped: Vec<SkippedPayout>,
    /// What the file had to change, in words: names spelled in Latin letters
    /// for SEPA, the execution day asked for.
    pub notes: Vec<String>,
}

impl PaymentFormat {
    /// The provider files; the generic CSV and the by-hand list come after.
    pub const PROVIDERS: [PaymentFormat; 3] = [
        PaymentFormat::Paypal,
        PaymentFormat::Wise,
        PaymentFormat::Sepa,
    ];

    /// The format's name in sentences.
    pub fn label(self) -> &'static str {
        match self {
            PaymentFormat::Paypal => "PayPal",
            PaymentFormat::Wise => "Wise",
            PaymentFormat::Sepa => "SEPA",
            PaymentFormat::Csv => "CSV",
            PaymentFormat::Manual => "by-hand",
        }
    }

    /// Rows per file the provider accepts (PayPal 5,000; Wise 1,000).
    pub(crate) fn max_rows(self) -> usize {
        match self {
            PaymentFormat::Paypal => 5_000,
            PaymentFormat::Wise => 1_000,
            PaymentFormat::Sepa | PaymentFormat::Csv | PaymentFormat::Manual => usize::MAX,
        }
    }

    /// Why a payout is not in this format's file, or None when it is.
    pub fn excludes(self, line: &FileLine) -> Option<String> {
        let wanted = match self {
            PaymentFormat::Paypal => "paypal",
            PaymentFormat::Wise => "wise",
            PaymentFormat::Sepa => "iban",
            PaymentFormat::Csv => return None,
            // What no provider file pays: transfers to make by hand.
            PaymentFormat::Manual => {
                return Self::PROVIDERS
                    .iter()
                    .find(|f| f.excludes(line).is_none())
                    .map(|f| format!("in the {} file", f.label()));
            }
        };
        if line.method != wanted {
            return Some(format!("paid by {}, not in this file", line.method));
        }
        if self == PaymentFormat::Sepa && line.pay.currency.code() != "EUR" {
            return Some(format!(
                "SEPA credit transfers are in EUR; this payout is in {}",
                line.pay.currency
            ));
        }
        None
    }

    fn render(self, run: &RunFacts, lines: &[FileLine]) -> Result<Vec<u8>> {
        match self {
            PaymentFormat::Paypal => paypal::render(run, lines),
            PaymentFormat::Wise => wise::render(run, lines),
            PaymentFormat::Sepa => sepa::render(run, lines),
            PaymentFormat::Csv | PaymentFormat::Manual => generic::render(run, lines),
        }
    }

    /// One currency per file, except the CSVs, which carry their own.
    pub(crate) fn one_currency_per_file(self) -> bool {
        !matches!(self, PaymentFormat::Csv | PaymentFormat::Manual)
    }

    /// Which file of the format a payout goes in, as the file name's suffix
    /// ("EUR", or "EUR-bank" for Wise's bank-account template); empty when
    /// the format writes one file.
    pub(crate) fn file_key(self, line: &FileLine) -> String {
        if !self.one_currency_per_file() {
            return String::new();
        }
        let mut key = line.pay.currency.code().to_string();
        if self == PaymentFormat::Wise && wise::to_bank_account(line) {
            key.push_str("-bank");
        }
        key
    }
}

/// Writes `format`'s file(s) for approved run `run_id` to `out`. When the
/// provider needs several (one per currency, or its row limit), they are
/// named `out` with "-EUR", "-2"… before the extension.
pub fn export(
    book: &mut Book,
    run_id: i64,
    format: PaymentFormat,
    out: &Path,
    actor: Actor,
) -> Result<ExportReport> {
    export_with(book, run_id, format, out, &ExportOptions::default(), actor)
}

/// `export`, with the manager's choices (SEPA's execution day).
pub fn export_with(
    book: &mut Book,
    run_id: i64,
    format: PaymentFormat,
    out: &Path,
    options: &ExportOptions,
    actor: Actor,
) -> Result<ExportReport> {
    let mut run = run_facts(book.conn(), run_id)?;
    let mut notes = Vec::new();
    if format == PaymentFormat::Sepa {
        let today = partnerbook_book::time::today();
        let day = sepa_day::execution_day(options.execution_date.as_deref(), today)?;
        run.execution_day = Some(day);
        notes.push(format!(
            "The bank is asked to execute the transfers on {day}."
        ));
    }
    crate::approve::ensure_untampered(book.conn(), run_id)?;
    let (lines, names) = file_lines(book.conn(), run_id)?;
    let mut skipped = Vec::new();
    let mut groups: BTreeMap<String, Vec<FileLine>> = BTreeMap::new();
    for line in lines {
        if let Some(reason) = format.excludes(&line) {
            skipped.push(SkippedPayout {
                partner_id: line.partner_id,
                partner_name: names.get(&line.partner_id).cloned().unwrap_or_default(),
                reason,
            });
            continue;
        }
        groups.entry(format.file_key(&line)).or_default().push(line);
    }
    if format == PaymentFormat::Sepa && !groups.is_empty() && run.payer.iban.is_empty() {
        return Err(PayoutError::invalid(
            "payer_iban",
            "set the account payouts are sent from first (its IBAN and BIC)",
        ));
    }
    if format == PaymentFormat::Sepa {
        notes.extend(sepa::check_names(&run, groups.values().flatten())?);
    }
    let mut parts: Vec<(String, Vec<FileLine>)> = Vec::new();
    for (key, lines) in groups {
        let chunks: Vec<Vec<FileLine>> = lines
            .chunks(format.max_rows())
            .map(<[FileLine]>::to_vec)
            .collect();
        let many = chunks.len() > 1;
        for (i, chunk) in chunks.into_iter().enumerate() {
            let mut suffix = String::new();
            if !key.is_empty() {
                suffix.push('-');
                suffix.push_str(&key);
            }
            if many {
                suffix.push_str(&format!("-{}", i + 1));
            }
            parts.push((suffix, chunk));
        }
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        partnerbook_book::files::remove_stale_partials(dir);
    }
    let single = parts.len() == 1;
    let mut files = Vec::new();
    for (suffix, chunk) in &parts {
        let path = if single {
            out.to_path_buf()
        } else {
            with_suffix(out, suffix)
        };
        let bytes = format.render(&run, chunk)?;
        partnerbook_book::files::write_atomically(&path, &bytes)?;
        let currency = chunk[0].pay.currency;
        files.push(ExportedFile {
            path: path.to_string_lossy().into_owned(),
            payouts: chunk.len() as u32,
            total: Money::new(
                if format.one_currency_per_file() {
                    chunk.iter().map(|l| l.pay.minor).sum()
                } else {
                    chunk.iter().map(|l| l.balance.minor).sum()
                },
                if format.one_currency_per_file() {
                    currency
                } else {
                    run.currency
                },
            ),
            sha256: partnerbook_book::files::sha256_hex(&bytes),
        });
    }
    let tx = book.transaction()?;
    for f in &files {
        tx.execute(
            "INSERT INTO payout_exports (run_id, format, path, sha256, payouts, total_minor, currency, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![run_id, format, f.path, f.sha256, f.payouts, f.total.minor, f.total.currency.code(), now()],
        )?;
    }
    let report = ExportReport {
        run_id,
        format,
        files,
        skipped,
        notes,
    };
    audit::record(
        &tx,
        actor,
        "payout_run",
        Some(run_id),
        "export",
        None,
        Some(&audit::to_json(&report)),
    )?;
    tx.commit()?;
    Ok(report)
}

fn run_facts(conn: &Connection, run_id: i64) -> Result<RunFacts> {
    let run = get_run_in(conn, run_id)?;
    if run.status != RunStatus::Approved {
        return Err(PayoutError::conflict(
            "run",
            format!(
                "run #{run_id} is {}: payment files come from an approved run",
                run.status.as_str()
            ),
        ));
    }
    let program_name: String =
        conn.query_row("SELECT program_name FROM program WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    Ok(RunFacts {
        run_id,
        through: run.through,
        approved_at: run.approved_at.unwrap_or_default(),
        fingerprint: run.fingerprint.unwrap_or_default(),
        currency: run.total.currency,
        program_name,
        payer: payer_in(conn)?,
        execution_day: None,
    })
}

type Names = BTreeMap<i64, String>;

/// The run's paid lines in partner order, and the partners' current names
/// (for the skipped list; files use the names frozen in the run).
pub fn file_lines(conn: &Connection, run_id: i64) -> Result<(Vec<FileLine>, Names)> {
    let currency: String = conn.query_row(
        "SELECT currency FROM payout_runs WHERE id = ?1",
        [run_id],
        |r| r.get(0),
    )?;
    let currency = Currency::from_code(&currency)?;
    let mut stmt = conn.prepare(
        "SELECT p.id, p.partner_id, p.payee_name, pa.email, p.method, p.account, p.bic, p.pay_minor,
                p.pay_currency, p.balance_minor, p.fx_rate, pa.name, coalesce(p.payee_company, '')
           FROM payouts p JOIN partners pa ON pa.id = p.partner_id
          WHERE p.run_id = ?1 AND p.pay_minor IS NOT NULL ORDER BY p.partner_id",
    )?;
    let mut rows = stmt.query([run_id])?;
    let mut lines = Vec::new();
    let mut names = Names::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let partner_id: i64 = r.get(1)?;
        names.insert(partner_id, r.get(11)?);
        lines.push(FileLine {
            payout_id: id,
            token: payout_token(run_id, id),
            partner_id,
            name: r.get(2)?,
            email: r.get(3)?,
            method: r.get(4)?,
            account: r.get(5)?,
            bic: r.get(6)?,
            pay: crate::model::money_at(r, 7, 8)?,
            balance: Money::new(r.get(9)?, currency),
            fx_rate: r.get(10)?,
            company: r.get(12)?,
        });
    }
    Ok((lines, names))
}

/// "payout.csv" + "-EUR" → "payout-EUR.csv".
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}{suffix}.{}", ext.to_string_lossy()),
        None => format!("{stem}{suffix}"),
    };
    path.with_file_name(name)
}

/// "12.34": the amount in major units with a dot, as every provider reads it.
pub(crate) fn plain_amount(m: Money) -> String {
    m.to_decimal().to_string()
}

pub(crate) fn csv_error(e: csv::Error) -> PayoutError {
    PayoutError::io(
        "cannot write the payment file",
        std::io::Error::other(e.to_string()),
    )
}

/// What the partner sees on their statement line from the provider.
pub(crate) fn note(run: &RunFacts) -> String {
    format!("{} commissions through {}", run.program_name, run.through)
}
