//! Applications in: a signup form's CSV or JSON export, or one typed by
//! hand. Every row is read and checked first; then, in one transaction,
//! each joins the application with the same email or website (keeping the
//! submission as history) or starts a new one with its applicant partner,
//! and the touched applications are screened (and auto-approved when the
//! program says so).

use super::domain::website_key;
use super::model::ApplicationInput;
use super::{screen, settings, store};
use crate::error::{ApplicationError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::progress::Progress;
use partnerbook_book::validate;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use partnerbook_partners::{self as partners, PartnerInput, PartnerStatus};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeReport {
    pub rows: u32,
    pub created: u32,
    /// Submissions that joined an application already in the book.
    pub merged: u32,
    pub auto_approved: u32,
    /// The applications this intake touched.
    pub ids: Vec<i64>,
    /// Applicant partners created, to index for search once at the end.
    #[serde(skip)]
    #[ts(skip)]
    partners: Vec<i64>,
}

/// Where a form column goes; anything else is kept as a free-text answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Name,
    FirstName,
    LastName,
    Email,
    Website,
    Social,
    Country,
    Audience,
    Promotion,
    Categories,
    PayoutAccount,
    Ignore,
}

fn target(header: &str) -> Option<Target> {
    let key: String = header
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    use Target::*;
    Some(match key.as_str() {
        "name" | "fullname" | "yourname" | "applicantname" => Name,
        "firstname" | "givenname" => FirstName,
        "lastname" | "surname" | "familyname" => LastName,
        "email" | "emailaddress" | "youremail" | "mail" => Email,
        "website" | "url" | "site" | "blog" | "websiteurl" | "yourwebsite" => Website,
        "social" | "socialprofiles" | "sociallinks" | "instagram" | "youtube" | "tiktok"
        | "twitter" | "x" | "linkedin" | "facebook" | "twitch" => Social,
        "country" | "countrycode" | "location" => Country,
        "audience" | "audiencesize" | "followers" | "subscribers" | "monthlyvisitors"
        | "monthlyreaders" => Audience,
        "promotion"
        | "howwillyoupromote"
        | "howwillyoupromoteus"
        | "promotionmethods"
        | "promotionmethod"
        | "channels" => Promotion,
        "category" | "categories" | "niche" | "niches" | "topics" => Categories,
        "paypal" | "paypalemail" | "payoutemail" | "iban" | "payoutaccount" => PayoutAccount,
        "timestamp" | "submittedat" | "submissiondate" | "submissionid" | "responseid" | "ip"
        | "ipaddress" => Ignore,
        _ => return None,
    })
}

/// A count as people type it: "12,000", "12 000", "12k", "1.5M".
fn audience(text: &str) -> Result<Option<u64>> {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '+'))
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    let (number, factor) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1_000u64),
        Some('m') => (&t[..t.len() - 1], 1_000_000u64),
        _ => (t.as_str(), 1),
    };
    let value = rust_decimal::Decimal::from_str_exact(number)
        .ok()
        .filter(|d| !d.is_sign_negative())
        .and_then(|d| {
            (d * rust_decimal::Decimal::from(factor))
                .trunc()
                .to_string()
                .parse::<u64>()
                .ok()
        });
    value.map(Some).ok_or_else(|| {
        ApplicationError::invalid(
            "audience_size",
            format!(
                "\"{}\" is not an audience size (like 12000 or 12k)",
                text.trim()
            ),
        )
    })
}

/// A two-letter code, or a country's English name ("Germany", "united states").
fn country(text: &str) -> Result<String> {
    let t = text.trim();
    if t.len() == 2 {
        return Ok(validate::country(t)?);
    }
    if t.is_empty() {
        return Ok(String::new());
    }
    let wanted = t.to_lowercase();
    let aliases = [
        ("usa", "US"),
        ("united states", "US"),
        ("uk", "GB"),
        ("united kingdom", "GB"),
        ("england", "GB"),
    ];
    if let Some((_, code)) = aliases.iter().find(|(n, _)| *n == wanted) {
        return Ok(code.to_string());
    }
    isocountry::CountryCode::iter()
        .find(|c| {
            c.name().to_lowercase() == wanted
                || c.name().to_lowercase().starts_with(&format!("{wanted} ("))
        })
        .map(|c| c.alpha2().to_string())
        .ok_or_else(|| {
            ApplicationError::invalid(
                "country",
                format!("\"{t}\" is not a country we know (use a two-letter code like DE)"),
            )
        })
}

fn split(text: &str) -> Vec<String> {
    text.split([',', ';', '\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks and tidies one submission; the error names the field.
pub fn normalise(mut a: ApplicationInput) -> Result<ApplicationInput> {
    a.name = a.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if a.name.is_empty() {
        return Err(ApplicationError::invalid("name", "is required"));
    }
    if a.name.chars().count() > 200 {
        return Err(ApplicationError::invalid("name", "at most 200 characters"));
    }
    a.email = validate::email(&a.email, "email")?;
    a.website = validate::website(&a.website, "website")?;
    let social: Vec<String> = a
        .social_profiles
        .iter()
        .flat_map(|s| s.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    a.social_profiles = validate::social_profiles(&social)?;
    a.country = country(&a.country)?;
    a.categories = a
        .categories
        .iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    a.payout_account = a.payout_account.trim().to_string();
    for (field, text, max) in [("promotion", &a.promotion, 5_000)] {
        if text.chars().count() > max {
            return Err(ApplicationError::invalid(
                field,
                format!("at most {max} characters"),
            ));
        }
    }
    // A form has tens of questions; a file with thousands of answer fields
    // is not a form export, and would make every look at it slow.
    if a.answers.len() > MAX_ANSWERS {
        return Err(ApplicationError::invalid(
            "answers",
            format!(
                "{} answers: a signup form has at most {MAX_ANSWERS} questions",
                a.answers.len()
            ),
        ));
    }
    if let Some((q, n)) = a
        .answers
        .keys()
        .map(|q| (q, q.chars().count()))
        .find(|(_, n)| *n > 500)
    {
        return Err(ApplicationError::invalid(
            "answers",
            format!("a question of {n} characters: \"{}\"", validate::excerpt(q)),
        ));
    }
    if let Some((q, _)) = a.answers.iter().find(|(_, v)| v.chars().count() > 10_000) {
        return Err(ApplicationError::invalid(
            q.as_str(),
            "an answer of more than 10,000 characters",
        ));
    }
    Ok(a)
}

/// Answers one application may carry.
const MAX_ANSWERS: usize = 200;

/// One row of a form export as (header, cell) pairs → a submission.
fn from_cells<'a>(
    cells: impl Iterator<Item = (&'a str, String)>,
) -> std::result::Result<ApplicationInput, (String, String)> {
    let mut a = ApplicationInput::default();
    let (mut first, mut last) = (String::new(), String::new());
    for (header, cell) in cells {
        let cell = cell.trim().to_string();
        match target(header) {
            Some(Target::Name) => a.name = cell,
            Some(Target::FirstName) => first = cell,
            Some(Target::LastName) => last = cell,
            Some(Target::Email) => a.email = cell,
            Some(Target::Website) => a.website = cell,
            Some(Target::Social) => a.social_profiles.extend(split(&cell)),
            Some(Target::Country) => a.country = cell,
            Some(Target::Audience) => {
                a.audience_size = audience(&cell).map_err(|e| (header.to_string(), e.reason()))?
            }
            Some(Target::Promotion) => a.promotion = cell,
            Some(Target::Categories) => a.categories.extend(split(&cell)),
            Some(Target::PayoutAccount) => a.payout_account = cell,
            Some(Target::Ignore) => {}
            None => {
                if !cell.is_empty() {
                    a.answers.insert(header.trim().to_string(), cell);
                }
            }
        }
    }
    if a.name.is_empty() {
        a.name = format!("{first} {last}").trim().to_string();
    }
    Ok(a)
}

fn bad_row(file: &str, line: u64, column: &str, reason: String) -> ApplicationError {
    ApplicationError::bad_row(file.to_string(), line, column.to_string(), reason)
}

/// Reads a CSV or JSON form export (by its first character, not its name)
/// into checked submissions with where each came from.
pub fn read_file(path: &Path) -> Result<Vec<(String, ApplicationInput)>> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let text = std::fs::read_to_string(path)
        .map_err(|e| ApplicationError::io(format!("cannot read {}", path.display()), e))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    if text.trim_start().starts_with(['[', '{']) {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            bad_row(
                &file,
                e.line() as u64,
                "",
                format!("is not valid JSON: {e}"),
            )
        })?;
        let items = match value {
            serde_json::Value::Array(items) => items,
            serde_json::Value::Object(mut o) => match o.remove("applications") {
                Some(serde_json::Value::Array(items)) => items,
                _ => {
                    return Err(bad_row(
                        &file,
                        1,
                        "",
                        "expected a list of applications, or {\"applications\": […]}".into(),
                    ))
                }
            },
            _ => unreachable!("starts with [ or {{"),
        };
        for (i, item) in items.into_iter().enumerate() {
            let entry = i as u64 + 1;
            let serde_json::Value::Object(fields) = item else {
                return Err(bad_row(
                    &file,
                    entry,
                    "",
                    format!("entry {entry} is not an object"),
                ));
            };
            let cells: Vec<(String, String)> = fields
                .into_iter()
                .map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Null => String::new(),
                        serde_json::Value::Array(a) => a
                            .iter()
                            .map(|x| {
                                x.as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|| x.to_string())
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                        other => other.to_string(),
                    };
                    (k, text)
                })
                .collect();
            let a = from_cells(cells.iter().map(|(k, v)| (k.as_str(), v.clone()))).map_err(
                |(col, why)| bad_row(&file, entry, &col, format!("entry {entry}: {why}")),
            )?;
            let a = normalise(a).map_err(|e| {
                bad_row(
                    &file,
                    entry,
                    e.field().unwrap_or(""),
                    format!("entry {entry}: {}", e.reason()),
                )
            })?;
            out.push((format!("{file} entry {entry}"), a));
        }
        return Ok(out);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| bad_row(&file, 1, "", e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    if !headers.iter().any(|h| target(h) == Some(Target::Email)) {
        return Err(bad_row(
            &file,
            1,
            "",
            format!("no email column among: {}", headers.join(", ")),
        ));
    }
    for record in rdr.records() {
        let record = record.map_err(|e| {
            bad_row(
                &file,
                e.position().map(|p| p.line()).unwrap_or(0),
                "",
                e.to_string(),
            )
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let a = from_cells(
            headers
                .iter()
                .map(String::as_str)
                .zip(record.iter().map(str::to_string)),
        )
        .map_err(|(col, why)| bad_row(&file, line, &col, why))?;
        let a = normalise(a).map_err(|e| {
            let field = e.field().map(str::to_string).unwrap_or_default();
            let column = headers
                .iter()
                .find(|h| header_field(h) == field)
                .cloned()
                .unwrap_or(field);
            bad_row(&file, line, &column, e.reason())
        })?;
        out.push((format!("{file} line {line}"), a));
    }
    Ok(out)
}

/// The field name `normalise` uses for a column, to name the column back.
fn header_field(header: &str) -> &'static str {
    match target(header) {
        Some(Target::Name | Target::FirstName | Target::LastName) => "name",
        Some(Target::Email) => "email",
        Some(Target::Website) => "website",
        Some(Target::Social) => "social_profiles",
        Some(Target::Country) => "country",
        Some(Target::Promotion) => "promotion",
        _ => "",
    }
}

/// Imports a form export: all or nothing.
pub fn import_file(
    book: &mut Book,
    path: &Path,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<IntakeReport> {
    progress.update("Reading applications", 0, 0);
    let rows = read_file(path)?;
    // The rotating backups keep the book as it was before every import.
    partnerbook_book::backups::create(book, "before-import")?;
    receive(book, rows, actor, progress)
}

/// One application typed by hand.
pub fn add(book: &mut Book, input: ApplicationInput, actor: Actor) -> Result<IntakeReport> {
    let a = normalise(input)?;
    receive(
        book,
        vec![("by hand".to_string(), a)],
        actor,
        &partnerbook_book::progress::Quiet,
    )
}

fn receive(
    book: &mut Book,
    rows: Vec<(String, ApplicationInput)>,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<IntakeReport> {
    let tx = book.transaction()?;
    let report = receive_in(&tx, rows, actor, progress)?;
    tx.commit()?;
    Ok(report)
}

/// Receives checked submissions inside the caller's transaction.
pub fn receive_in(
    tx: &Connection,
    rows: Vec<(String, ApplicationInput)>,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<IntakeReport> {
    let mut report = IntakeReport {
        rows: rows.len() as u32,
        ..Default::default()
    };
    let total = rows.len() as u64;
    let mut seen = std::collections::HashSet::new();
    for (i, (source, a)) in rows.iter().enumerate() {
        if i % 200 == 0 {
            progress.update("Receiving applications", i as u64, total);
            progress.check()?;
        }
        let id = receive_one(tx, source, a, actor, &mut report)?;
        if seen.insert(id) {
            report.ids.push(id);
        }
    }
    partners::refresh_search(tx, &std::mem::take(&mut report.partners))?;
    let s = settings::get(tx)?;
    screen::screen_in(tx, &report.ids, &s, progress)?;
    if s.auto_approve.enabled {
        report.auto_approved = super::decide::auto_approve_in(tx, &report.ids, &s)?;
    }
    audit::record(
        tx,
        actor,
        "application",
        None,
        "import",
        None,
        Some(
            &serde_json::json!({ "rows": report.rows, "created": report.created, "merged": report.merged, "auto_approved": report.auto_approved }),
        ),
    )?;
    progress.update("Receiving applications", total, total);
    Ok(report)
}

fn receive_one(
    conn: &Connection,
    source: &str,
    a: &ApplicationInput,
    actor: Actor,
    report: &mut IntakeReport,
) -> Result<i64> {
    let domain = website_key(&a.website);
    let id = match store::find_match(conn, &a.email, &domain)? {
        Some(id) => {
            store::merge(conn, id, a, &domain)?;
            report.merged += 1;
            id
        }
        None => {
            let id = store::insert(conn, a, &domain)?;
            if let Some(partner) = applicant_partner(conn, a, actor)? {
                conn.execute(
                    "UPDATE applications SET partner_id = ?2 WHERE id = ?1",
                    [id, partner],
                )?;
                report.partners.push(partner);
            }
            report.created += 1;
            id
        }
    };
    store::add_submission(conn, id, source, a)?;
    Ok(id)
}

/// The partner record an application stands for: a new one with status
/// "applicant", or the applicant or rejected partner with this email. A
/// partner already active with this email is not touched: screening flags it.
fn applicant_partner(conn: &Connection, a: &ApplicationInput, actor: Actor) -> Result<Option<i64>> {
    if let Some((id, status)) = partners::status_by_email(conn, &a.email)? {
        return Ok(
            matches!(status, PartnerStatus::Applicant | PartnerStatus::Rejected).then_some(id),
        );
    }
    let mut p = PartnerInput::new(&a.name, &a.email);
    p.status = PartnerStatus::Applicant;
    p.website = a.website.clone();
    p.social_profiles = a.social_profiles.clone();
    p.country = a.country.clone();
    Ok(Some(partners::create_in(conn, &p, actor)?))
}
