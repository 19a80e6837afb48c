//! Decisions: approve (the applicant partner becomes active, joins a group,
//! gets a unique referral code, and the welcome email is queued) or reject
//! (with a reason; the rejection email is queued). One by one or in bulk,
//! always one transaction; each in the audit log and the partner's timeline.

use super::model::{ApplicationStatus, CheckSeverity};
use super::settings::ScreeningSettings;
use super::store;
use crate::error::{ApplicationError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use partnerbook_outbox::messages::{exists, queue};
use partnerbook_outbox::placeholders::person_values;
use partnerbook_outbox::templates::get_in as template;
use partnerbook_partners::timeline::{self, ActivityKind};
use partnerbook_partners::{self as partners, PartnerInput, PartnerStatus};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Reasons offered in the app; free text is fine too.
pub const REJECTION_REASONS: &[&str] = &[
    "Audience does not fit the program",
    "Website or profiles could not be verified",
    "Duplicate of an existing partner",
    "Country not served by the program",
    "Promotion methods against our terms (spam, coupon sites, brand bidding)",
    "Incomplete application",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecisionReport {
    pub decided: u32,
    /// Emails queued in the outbox (welcome or rejection).
    pub emails_queued: u32,
}

/// Approves `ids` (all pending) into `group_id`.
pub fn approve(
    book: &mut Book,
    ids: &[i64],
    group_id: Option<i64>,
    reason: &str,
    actor: Actor,
) -> Result<DecisionReport> {
    let tx = book.transaction()?;
    let report = approve_in(&tx, ids, group_id, reason, actor)?;
    tx.commit()?;
    Ok(report)
}

pub fn reject(book: &mut Book, ids: &[i64], reason: &str, actor: Actor) -> Result<DecisionReport> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ApplicationError::invalid(
            "reason",
            "say why, so the applicant and the audit log know",
        ));
    }
    let tx = book.transaction()?;
    let mut report = DecisionReport {
        decided: 0,
        emails_queued: 0,
    };
    let at = now();
    let mail = template(&tx, "rejection")?;
    for id in ids {
        let a = pending(&tx, *id)?;
        tx.execute(
            "UPDATE applications SET status = 'rejected', reason = ?2, decided_at = ?3, updated_at = ?3 WHERE id = ?1",
            params![id, reason, at],
        )?;
        if let Some(partner) = a.partner_id {
            let status: PartnerStatus = tx.query_row(
                "SELECT status FROM partners WHERE id = ?1",
                [partner],
                |r| r.get(0),
            )?;
            if status == PartnerStatus::Applicant {
                tx.execute(
                    "UPDATE partners SET status = 'rejected', updated_at = ?2 WHERE id = ?1",
                    params![partner, at],
                )?;
            }
            timeline::add(
                &tx,
                partner,
                ActivityKind::Status,
                actor,
                "Application rejected",
                reason,
            )?;
        }
        let mut values = person_values(&tx, &a.name, "", &a.email, "")?;
        values.insert("reason", reason.to_string());
        queue(
            &tx,
            &format!("rejection:{id}:{at}"),
            a.partner_id,
            &mail,
            (&a.email, &a.name),
            &values,
            None,
        )?;
        report.emails_queued += 1;
        audit::record(
            &tx,
            actor,
            "application",
            Some(*id),
            "reject",
            None,
            Some(&serde_json::json!({ "reason": reason })),
        )?;
        report.decided += 1;
    }
    tx.commit()?;
    Ok(report)
}

fn pending(conn: &Connection, id: i64) -> Result<super::model::Application> {
    let a = store::get(conn, id)?;
    if a.status != ApplicationStatus::Pending {
        return Err(ApplicationError::conflict(
            "application",
            format!(
                "application #{id} ({}) is already {}",
                a.name,
                a.status.as_str()
            ),
        ));
    }
    Ok(a)
}

pub(super) fn approve_in(
    conn: &Connection,
    ids: &[i64],
    group_id: Option<i64>,
    reason: &str,
    actor: Actor,
) -> Result<DecisionReport> {
    let mut report = DecisionReport {
        decided: 0,
        emails_queued: 0,
    };
    let at = now();
    let mail = template(conn, "welcome")?;
    let mut touched = Vec::new();
    for id in ids {
        let a = pending(conn, *id)?;
        let partner = match a.partner_id {
            Some(p) => p,
            None => match partners::status_by_email(conn, &a.email)? {
                // Never two partners: an existing one with this email is the applicant.
                Some((p, _)) => p,
                None => {
                    let mut input = PartnerInput::new(&a.name, &a.email);
                    input.status = PartnerStatus::Applicant;
                    input.website = a.website.clone();
                    partners::create_in(conn, &input, actor)?
                }
            },
        };
        let code = referral_code(conn, partner, &a.name)?;
        conn.execute(
            "UPDATE partners SET status = 'active', group_id = coalesce(?2, group_id), approved_at = ?3,
                    welcome_sent_at = NULL, updated_at = ?3 WHERE id = ?1",
            params![partner, group_id, at],
        )?;
        conn.execute(
            "UPDATE applications SET status = 'approved', partner_id = ?2, reason = ?3, decided_at = ?4, updated_at = ?4
              WHERE id = ?1",
            params![id, partner, reason.trim(), at],
        )?;
        timeline::add(
            conn,
            partner,
            ActivityKind::Status,
            actor,
            "Application approved",
            reason.trim(),
        )?;
        let mut values = person_values(conn, &a.name, "", &a.email, "")?;
        values.insert("referral_code", code.clone());
        let key = format!("welcome:{partner}");
        if !exists(conn, &key)? {
            // The partner kit goes with it when the library has one for them.
            let kit = partnerbook_assets::kit::welcome_kit(conn, partner)?;
            let attachment = kit.as_deref().map(|zip| ("Partner kit.zip", zip));
            queue(
                conn,
                &key,
                Some(partner),
                &mail,
                (&a.email, &a.name),
                &values,
                attachment,
            )?;
            report.emails_queued += 1;
        }
        audit::record(
            conn,
            actor,
            "application",
            Some(*id),
            "approve",
            None,
            Some(
                &serde_json::json!({ "partner": partner, "group": group_id, "referral_code": code, "reason": reason.trim() }),
            ),
        )?;
        touched.push(partner);
        report.decided += 1;
    }
    partners::refresh_search(conn, &touched)?;
    Ok(report)
}

/// Approves, on intake, the applications whose score reaches the rule's
/// minimum with no red check. Returns how many.
pub(super) fn auto_approve_in(
    conn: &Connection,
    ids: &[i64],
    s: &ScreeningSettings,
) -> Result<u32> {
    let mut chosen = Vec::new();
    for id in ids {
        let a = store::get(conn, *id)?;
        let clean = !a.checks.iter().any(|c| c.severity == CheckSeverity::Red);
        if a.status == ApplicationStatus::Pending
            && clean
            && a.score.unwrap_or(0) >= s.auto_approve.min_score
        {
            chosen.push(*id);
        }
    }
    let reason = format!(
        "auto-approved: score {} or more and no red check",
        s.auto_approve.min_score
    );
    Ok(approve_in(
        conn,
        &chosen,
        s.auto_approve.group_id,
        &reason,
        Actor::System,
    )?
    .decided)
}

/// The partner's referral code: theirs if they have one, else a new one
/// from their name ("ZOE", "ZOE2"…), unique in the book.
fn referral_code(conn: &Connection, partner: i64, name: &str) -> Result<String> {
    let existing: Option<String> = conn
        .query_row("SELECT code FROM partner_codes WHERE partner_id = ?1 AND kind = 'referral' ORDER BY id LIMIT 1", [partner], |r| r.get(0))
        .optional()?;
    if let Some(code) = existing {
        return Ok(code);
    }
    let base: String = deunicode::deunicode(name)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(10)
        .collect::<String>()
        .to_ascii_uppercase();
    let base = if base.len() < 3 {
        format!("PARTNER{base}")
    } else {
        base
    };
    let mut n = 1;
    loop {
        let code = if n == 1 {
            base.clone()
        } else {
            format!("{base}{n}")
        };
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM partner_codes WHERE code = ?1)",
            [&code],
            |r| r.get(0),
        )?;
        if !taken {
            conn.execute(
                "INSERT INTO partner_codes (partner_id, kind, code) VALUES (?1, 'referral', ?2)",
                params![partner, code],
            )?;
            return Ok(code);
        }
        n += 1;
    }
}
