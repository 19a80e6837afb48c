//! CSV import of partners with header mapping. The whole file is read and
//! validated first, then written in one transaction: a bad row stops the
//! import with file, line, column and reason, and nothing is written.

use super::csv_fields::{split_list, suggest_target, PartnerField, CUSTOM_PREFIX, IGNORE};
use super::model::{CodeKind, PartnerCode, PartnerInput, PartnerStatus, PayoutMethod, TaxStatus};
use super::{create_in, store, update_in};
use crate::error::{ErrorExt, PartnerError, Result};
use partnerbook_book::audit::Actor;
use partnerbook_book::groups;
use partnerbook_book::progress::Progress;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

/// What to do with a row whose email already belongs to a partner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OnExisting {
    /// Overwrite the partner with the row (re-importing a file is harmless).
    #[default]
    Update,
    Skip,
    /// Stop the import: the file was meant to hold only new partners.
    Error,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    /// One target per column, in file order ("email", "custom:size",
    /// "ignore"); empty means the suggested mapping.
    pub mapping: Vec<String>,
    pub on_existing: OnExisting,
    /// Check everything and count what would happen, then write nothing.
    pub dry_run: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub headers: Vec<String>,
    pub suggested: Vec<String>,
    /// The first rows, as text, for the person to check the mapping against.
    pub sample: Vec<Vec<String>>,
    pub rows: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub ignored_columns: Vec<String>,
    pub dry_run: bool,
}

fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>> {
    let file = std::fs::File::open(path)
        .map_err(|e| PartnerError::io(format!("cannot read {}", path.display()), e))?;
    Ok(csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(file))
}

fn csv_error(file: &str, e: csv::Error) -> PartnerError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let reason = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text; save the file as UTF-8 CSV".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields but the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    PartnerError::bad_row(file.to_string(), line, String::new(), reason)
}

pub fn preview(path: &Path) -> Result<ImportPreview> {
    let file = file_label(path);
    let mut rdr = reader(path)?;
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(&file, e))?
        .iter()
        .map(str::to_string)
        .collect();
    let suggested = headers.iter().map(|h| suggest_target(h)).collect();
    let mut sample = Vec::new();
    let mut rows = 0;
    for record in rdr.records() {
        let record = record.map_err(|e| csv_error(&file, e))?;
        if sample.len() < 5 {
            sample.push(record.iter().map(str::to_string).collect());
        }
        rows += 1;
    }
    Ok(ImportPreview {
        headers,
        suggested,
        sample,
        rows,
    })
}

/// Where each column goes, checked: known targets, none twice, an email.
struct Mapping {
    targets: Vec<Target>,
    /// Field or custom key → the header it came from, to name the column in errors.
    header_of: HashMap<String, String>,
}

#[derive(Clone, PartialEq)]
enum Target {
    Field(PartnerField),
    Custom(String),
    Ignore,
}

fn parse_mapping(file: &str, headers: &[String], given: &[String]) -> Result<Mapping> {
    let names: Vec<String> = if given.is_empty() {
        headers.iter().map(|h| suggest_target(h)).collect()
    } else if given.len() != headers.len() {
        return Err(PartnerError::invalid(
            "mapping",
            format!(
                "{file} has {} columns but the mapping names {}",
                headers.len(),
                given.len()
            ),
        ));
    } else {
        given.to_vec()
    };
    let mut targets = Vec::new();
    let mut header_of = HashMap::new();
    for (header, name) in headers.iter().zip(&names) {
        let name = name.trim();
        let (target, key) = if name == IGNORE || name.is_empty() {
            (Target::Ignore, None)
        } else if let Some(k) = name
            .strip_prefix(CUSTOM_PREFIX)
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            (
                Target::Custom(k.to_string()),
                Some(format!("{CUSTOM_PREFIX}{k}")),
            )
        } else if let Some(f) = PartnerField::from_column(name) {
            (Target::Field(f), Some(f.column().to_string()))
        } else {
            return Err(PartnerError::invalid(
                "mapping",
                format!("column \"{header}\": unknown field \"{name}\""),
            ));
        };
        if let Some(key) = key {
            if let Some(first) = header_of.insert(key.clone(), header.clone()) {
                return Err(PartnerError::invalid(
                    "mapping",
                    format!("columns \"{first}\" and \"{header}\" both map to {key}"),
                ));
            }
        }
        targets.push(target);
    }
    let has = |f: PartnerField| targets.contains(&Target::Field(f));
    if !has(PartnerField::Email) {
        return Err(PartnerError::invalid(
            "mapping",
            format!("{file}: no column is mapped to email"),
        ));
    }
    if !has(PartnerField::Name) && !has(PartnerField::FirstName) && !has(PartnerField::LastName) {
        return Err(PartnerError::invalid(
            "mapping",
            format!("{file}: no column is mapped to name"),
        ));
    }
    Ok(Mapping { targets, header_of })
}

/// One row, turned into a partner, with what must be resolved inside the
/// transaction (group and parent are named, not numbered, in a file).
struct Row {
    line: u64,
    input: PartnerInput,
    group: String,
    parent_email: String,
    /// The TIN cell held a masked TIN: an update keeps the partner's own.
    masked_tin: bool,
}

pub fn import(
    book: &mut Book,
    path: &Path,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportReport> {
    let file = file_label(path);
    let mut rdr = reader(path)?;
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(&file, e))?
        .iter()
        .map(str::to_string)
        .collect();
    let mapping = parse_mapping(&file, &headers, &options.mapping)?;
    if !options.dry_run {
        // The rotating backups keep the book as it was before every import.
        partnerbook_book::backups::create(book, "before-import")?;
    }
    let bad = |line: u64, field: &str, reason: String| {
        PartnerError::bad_row(
            file.clone(),
            line,
            mapping
                .header_of
                .get(field)
                .cloned()
                .unwrap_or_else(|| field.to_string()),
            reason,
        )
    };

    let mut rows = Vec::new();
    let mut seen_email: HashMap<String, u64> = HashMap::new();
    let mut seen_code: HashMap<String, u64> = HashMap::new();
    for record in rdr.records() {
        let record = record.map_err(|e| csv_error(&file, e))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let row =
            row_from_record(&record, &mapping.targets, line).map_err(|(f, r)| bad(line, &f, r))?;
        if let Some(first) = seen_email.insert(row.input.email.to_lowercase(), line) {
            return Err(bad(
                line,
                "email",
                format!("\"{}\" is also on line {first}", row.input.email),
            ));
        }
        for c in &row.input.codes {
            if let Some(first) = seen_code.insert(c.code.to_lowercase(), line) {
                let field = crate::normalize::code_field(c.kind);
                return Err(bad(
                    line,
                    field,
                    format!("code \"{}\" is also on line {first}", c.code),
                ));
            }
        }
        rows.push(row);
        if rows.len() % 1000 == 0 {
            progress.check()?;
            progress.update("Reading", rows.len() as u64, 0);
        }
    }

    // Read once: the count for the progress bar is the rows just read.
    let total = rows.len() as u64;
    let mut report = ImportReport {
        rows: rows.len() as u64,
        dry_run: options.dry_run,
        ignored_columns: headers
            .iter()
            .zip(&mapping.targets)
            .filter(|(_, t)| **t == Target::Ignore)
            .map(|(h, _)| h.clone())
            .collect(),
        ..Default::default()
    };
    let tx = book.transaction()?;
    let mut ids = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter_mut().enumerate() {
        let line = row.line;
        let at_row = |e: PartnerError| match e.field() {
            Some(field) => bad(line, field, e.reason()),
            None => e,
        };
        if !row.group.is_empty() {
            row.input.group_id =
                Some(groups::ensure(&tx, &row.group, Actor::Import).map_err(|e| at_row(e.into()))?);
        }
        let id = match store::find_id_by_email(&tx, &row.input.email)? {
            Some(id) => match options.on_existing {
                OnExisting::Error => {
                    return Err(bad(
                        row.line,
                        "email",
                        format!("partner {id} already has \"{}\"", row.input.email),
                    ))
                }
                OnExisting::Skip => {
                    report.skipped += 1;
                    None
                }
                OnExisting::Update => {
                    let mut input = row.input.clone();
                    let existing = store::get(&tx, id)?;
                    // Keep an existing parent unless the file names one.
                    input.parent_id = existing.parent_id;
                    if row.masked_tin {
                        input.tax.tin = existing.tax.tin;
                    }
                    update_in(&tx, id, &input, Actor::Import, None).map_err(at_row)?;
                    report.updated += 1;
                    Some(id)
                }
            },
            None => {
                report.created += 1;
                Some(create_in(&tx, &row.input, Actor::Import).map_err(at_row)?)
            }
        };
        ids.push(id);
        if i % 1000 == 999 {
            progress.check()?;
            progress.update("Importing", i as u64 + 1, total);
        }
    }
    // Parents last: a row may name a partner further down the file.
    for (row, id) in rows.iter().zip(&ids) {
        let (Some(id), false) = (id, row.parent_email.is_empty()) else {
            continue;
        };
        let parent = store::find_id_by_email(&tx, &row.parent_email)?.ok_or_else(|| {
            bad(
                row.line,
                "parent_email",
                format!("no partner has the email \"{}\"", row.parent_email),
            )
        })?;
        store::check_parent(&tx, Some(*id), Some(parent)).map_err(|e| match e.field() {
            Some(_) => bad(row.line, "parent_email", e.reason()),
            None => e,
        })?;
        store::set_parent(&tx, *id, Some(parent))?;
    }
    progress.update("Indexing", 0, 1);
    store::refresh_search(&tx, &ids.iter().flatten().copied().collect::<Vec<_>>())?;
    progress.check()?;
    progress.update("Importing", total, total);
    if !options.dry_run {
        tx.commit()?;
    }
    Ok(report)
}

/// Builds a partner from one record; errors are (field, reason).
fn row_from_record(
    record: &csv::StringRecord,
    targets: &[Target],
    line: u64,
) -> std::result::Result<Row, (String, String)> {
    let mut input = PartnerInput::new("", "");
    let (mut first, mut last, mut group, mut parent_email) =
        (String::new(), String::new(), String::new(), String::new());
    let mut method_text = String::new();
    let mut masked_tin = false;
    for (cell, target) in record.iter().zip(targets) {
        // A cell an export quoted against spreadsheet formulas reads back as written.
        let cell = partnerbook_book::spreadsheet::read_cell(cell);
        let field = match target {
            Target::Ignore => continue,
            Target::Custom(key) => {
                if !cell.is_empty() {
                    input.custom_fields.insert(key.clone(), cell.to_string());
                }
                continue;
            }
            Target::Field(f) => *f,
        };
        let err = |reason: String| (field.column().to_string(), reason);
        let list = || split_list(cell);
        let codes = |kind: CodeKind| {
            list()
                .into_iter()
                .map(move |code| PartnerCode { kind, code })
        };
        use PartnerField as F;
        match field {
            F::Name => input.name = cell.to_string(),
            F::FirstName => first = cell.to_string(),
            F::LastName => last = cell.to_string(),
            F::Email => input.email = cell.to_string(),
            F::Company => input.company = cell.to_string(),
            F::Address => input.address = cell.to_string(),
            F::Website => input.website = cell.to_string(),
            F::SocialProfiles => input.social_profiles = list(),
            F::Country => input.country = cell.to_string(),
            F::Language => input.language = cell.to_string(),
            F::Status if cell.is_empty() => {}
            F::Status => {
                input.status = PartnerStatus::parse(cell).ok_or_else(|| {
                    err(format!(
                        "\"{cell}\" is not one of {}",
                        PartnerStatus::choices()
                    ))
                })?
            }
            F::Group => group = cell.to_string(),
            F::Tags => input.tags = list(),
            F::ParentEmail => parent_email = cell.to_string(),
            F::ReferralCodes => input.codes.extend(codes(CodeKind::Referral)),
            F::CouponCodes => input.codes.extend(codes(CodeKind::Coupon)),
            F::LinkIds => input.codes.extend(codes(CodeKind::Link)),
            F::PayoutMethod => method_text = cell.to_string(),
            F::PayoutEmail => input.payout.email = cell.to_string(),
            F::Iban => input.payout.iban = cell.to_string(),
            F::Bic => input.payout.bic = cell.to_string(),
            F::PayoutOther => input.payout.other = cell.to_string(),
            F::PayoutCurrency => input.payout_currency = cell.to_string(),
            F::TaxStatus if cell.is_empty() => {}
            F::TaxStatus => {
                input.tax.status = parse_tax_status(cell).ok_or_else(|| {
                    err(format!("\"{cell}\" is not one of {}", TaxStatus::choices()))
                })?
            }
            F::TaxFormExpires => input.tax.form_expires = cell.to_string(),
            F::VatId => input.tax.vat_id = cell.to_string(),
            // A masked export's "***-**-6789" is no number: leave the TIN be.
            F::Tin if crate::tin::is_masked(cell) => masked_tin = true,
            F::Tin => input.tax.tin = cell.to_string(),
            F::TermsVersion => input.terms_version = cell.to_string(),
        }
    }
    if input.name.trim().is_empty() {
        input.name = format!("{} {}", first.trim(), last.trim())
            .trim()
            .to_string();
    }
    if !first.trim().is_empty() {
        input.first_name = first;
    }
    input.payout.method = payout_method(&method_text, &input)?;
    Ok(Row {
        line,
        input,
        group,
        parent_email,
        masked_tin,
    })
}

/// "W-9", "w9", "W-8BEN" all mean what a person thinks they mean.
fn parse_tax_status(cell: &str) -> Option<TaxStatus> {
    TaxStatus::parse(&cell.replace('-', ""))
}

/// The payout method, which may be left out only when nothing else about
/// the payout is given, or when an IBAN makes it obvious.
fn payout_method(
    text: &str,
    input: &PartnerInput,
) -> std::result::Result<PayoutMethod, (String, String)> {
    let field = || "payout_method".to_string();
    if !text.trim().is_empty() {
        return PayoutMethod::parse(text).ok_or_else(|| {
            (
                field(),
                format!("\"{text}\" is not one of {}", PayoutMethod::choices()),
            )
        });
    }
    let p = &input.payout;
    if !p.iban.trim().is_empty() {
        Ok(PayoutMethod::Iban)
    } else if p.email.trim().is_empty() && p.other.trim().is_empty() {
        Ok(PayoutMethod::None)
    } else {
        Err((
            field(),
            "say which method the payout details are for (paypal, wise, iban or other)".into(),
        ))
    }
}
