//! SQL for applications and their submissions. Callers pass a connection
//! or a transaction; nothing here commits.

use super::model::{Application, ApplicationInput, ApplicationStatus, CheckResult, Submission};
use crate::error::{ApplicationError, ErrorExt, Result};
use partnerbook_book::time::now;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub(super) const SELECT: &str = "SELECT id, name, email, website, domain, social_profiles, country, audience_size,
        promotion, categories, answers, payout_account, status, score, red_flags, checks, screened_at, reason,
        decided_at, partner_id, submissions, created_at, updated_at FROM applications";

fn json<T: serde::de::DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    Ok(Application {
        id: r.get(0)?,
        name: r.get(1)?,
        email: r.get(2)?,
        website: r.get(3)?,
        domain: r.get(4)?,
        social_profiles: json(r, 5)?,
        country: r.get(6)?,
        audience_size: r.get::<_, Option<i64>>(7)?.map(|n| n as u64),
        promotion: r.get(8)?,
        categories: json(r, 9)?,
        answers: json(r, 10)?,
        payout_account: r.get(11)?,
        status: r.get(12)?,
        score: r.get::<_, Option<i64>>(13)?.map(|n| n as u8),
        red_flags: r.get(14)?,
        checks: json::<Vec<CheckResult>>(r, 15)?,
        screened_at: r.get(16)?,
        reason: r.get(17)?,
        decided_at: r.get(18)?,
        partner_id: r.get(19)?,
        submissions: r.get(20)?,
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Application> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| ApplicationError::not_found(format!("application #{id}")))
}

/// `domain <> ''` lets SQLite use the partial index on domain; without it
/// every submission scanned all applications.
pub const MATCH_BY_DOMAIN: &str =
    "SELECT min(id) FROM applications WHERE domain = ?1 AND domain <> ''";

/// The application this submission belongs to: same email, else same website.
pub(super) fn find_match(conn: &Connection, email: &str, domain: &str) -> Result<Option<i64>> {
    let by_email: Option<i64> = conn
        .prepare_cached("SELECT id FROM applications WHERE email = ?1")?
        .query_row([email], |r| r.get(0))
        .optional()?;
    if by_email.is_some() || domain.is_empty() {
        return Ok(by_email);
    }
    Ok(conn
        .prepare_cached(MATCH_BY_DOMAIN)?
        .query_row([domain], |r| r.get(0))?)
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("application fields serialise")
}

pub(super) fn insert(conn: &Connection, a: &ApplicationInput, domain: &str) -> Result<i64> {
    let now = now();
    conn.prepare_cached(
        "INSERT INTO applications (name, email, website, domain, social_profiles, country, audience_size, promotion,
            categories, answers, payout_account, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'pending', ?12, ?12)",
    )?
    .execute(params![
        a.name,
        a.email,
        a.website,
        domain,
        to_json(&a.social_profiles),
        a.country,
        a.audience_size.map(|n| n as i64),
        a.promotion,
        to_json(&a.categories),
        to_json(&a.answers),
        a.payout_account,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Folds a later submission into application `id`: what it says replaces
/// what was there, what it leaves empty keeps the earlier answer. A
/// rejected applicant who applies again is back in the queue.
pub(super) fn merge(conn: &Connection, id: i64, a: &ApplicationInput, domain: &str) -> Result<()> {
    let old = get(conn, id)?;
    let pick = |new: &str, old: &str| {
        if new.trim().is_empty() {
            old.to_string()
        } else {
            new.to_string()
        }
    };
    let mut social = old.social_profiles.clone();
    for s in &a.social_profiles {
        if !social.contains(s) {
            social.push(s.clone());
        }
    }
    let mut categories = old.categories.clone();
    for c in &a.categories {
        if !categories.iter().any(|o| o.eq_ignore_ascii_case(c)) {
            categories.push(c.clone());
        }
    }
    let mut answers = old.answers.clone();
    answers.extend(
        a.answers
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    let reopen = old.status == ApplicationStatus::Rejected;
    conn.prepare_cached(
        "UPDATE applications SET name = ?2, website = ?3, domain = ?4, social_profiles = ?5, country = ?6,
            audience_size = ?7, promotion = ?8, categories = ?9, answers = ?10, payout_account = ?11,
            submissions = submissions + 1, updated_at = ?12,
            status = CASE WHEN ?13 THEN 'pending' ELSE status END,
            decided_at = CASE WHEN ?13 THEN NULL ELSE decided_at END
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        pick(&a.name, &old.name),
        pick(&a.website, &old.website),
        if domain.is_empty() { old.domain.as_str() } else { domain },
        to_json(&social),
        pick(&a.country, &old.country),
        a.audience_size.or(old.audience_size).map(|n| n as i64),
        pick(&a.promotion, &old.promotion),
        to_json(&categories),
        to_json(&answers),
        pick(&a.payout_account, &old.payout_account),
        now(),
        reopen
    ])?;
    Ok(())
}

pub(super) fn add_submission(
    conn: &Connection,
    id: i64,
    source: &str,
    a: &ApplicationInput,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO application_submissions (application_id, received_at, source, payload) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, now(), source, to_json(a)])?;
    Ok(())
}

pub fn submissions(conn: &Connection, id: i64) -> Result<Vec<Submission>> {
    let mut stmt = conn.prepare_cached(
        "SELECT received_at, source, payload FROM application_submissions WHERE application_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Submission {
                received_at: r.get(0)?,
                source: r.get(1)?,
                input: json(r, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(super) fn save_screening(
    conn: &Connection,
    id: i64,
    score: u8,
    checks: &[CheckResult],
    at: &str,
) -> Result<()> {
    let red = checks
        .iter()
        .filter(|c| c.severity == super::model::CheckSeverity::Red)
        .count() as i64;
    conn.prepare_cached("UPDATE applications SET score = ?2, red_flags = ?3, checks = ?4, screened_at = ?5 WHERE id = ?1")?
        .execute(params![id, score, red, to_json(&checks), at])?;
    Ok(())
}
