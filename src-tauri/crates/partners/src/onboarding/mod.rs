//! Onboarding: the checklist each approved partner works through (terms,
//! tax form, payout details, welcome kit), the board of who is stuck where,
//! changes the manager records, and reminders through the outbox.

pub mod checklist;
pub mod terms;

pub use checklist::{Step, StepState};

use crate::error::{ErrorExt, PartnerError, Result};
use crate::timeline::{self, ActivityKind};
use crate::{PartnerInput, PayoutMethod, TaxStatus};
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One partner on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OnboardingRow {
    pub partner_id: i64,
    pub name: String,
    pub email: String,
    pub approved_at: Option<String>,
    pub steps: Vec<StepState>,
    pub complete: bool,
    /// The first step not done.
    pub stuck_on: Option<Step>,
    /// Days since approval, while incomplete.
    pub days_waiting: Option<u32>,
    pub reminded_at: Option<String>,
}

/// Active partners with their checklist on `day`; only the incomplete ones
/// unless `all`. Longest waiting first.
pub fn list(book: &Book, day: NaiveDate, all: bool) -> Result<Vec<OnboardingRow>> {
    let mut rows = rows(book.conn(), day, None)?;
    if !all {
        rows.retain(|r| !r.complete);
    }
    rows.sort_by(|a, b| {
        b.days_waiting
            .cmp(&a.days_waiting)
            .then(a.name.cmp(&b.name))
    });
    Ok(rows)
}

/// Active partners' checklists on `day`: all of them, or only `partner`.
pub fn rows(conn: &Connection, day: NaiveDate, partner: Option<i64>) -> Result<Vec<OnboardingRow>> {
    let current = terms::current(conn)?;
    let mut stmt = conn.prepare(
        "SELECT id, name, email, approved_at, terms_version, terms_accepted_at, tax_status, tax_form_expires, vat_id,
                payout_method, payout_email, iban, payout_other, welcome_sent_at, reminded_at
           FROM partners WHERE status = 'active' AND (?1 IS NULL OR id = ?1) ORDER BY sort_key, id",
    )?;
    let mut out = Vec::new();
    let mut q = stmt.query([partner])?;
    while let Some(r) = q.next()? {
        let method: PayoutMethod = r.get(9)?;
        let account: String = match method {
            PayoutMethod::Paypal | PayoutMethod::Wise => r.get(10)?,
            PayoutMethod::Iban => r.get(11)?,
            PayoutMethod::Other => r.get(12)?,
            PayoutMethod::None => String::new(),
        };
        let (terms_version, accepted_at): (String, Option<String>) = (r.get(4)?, r.get(5)?);
        let (expires, vat, welcome): (Option<String>, String, Option<String>) =
            (r.get(7)?, r.get(8)?, r.get(13)?);
        let facts = checklist::Facts {
            terms_version: &terms_version,
            terms_accepted_at: accepted_at.as_deref(),
            current_terms: current.as_deref(),
            tax_status: r.get(6)?,
            tax_form_expires: expires.as_deref(),
            vat_id: &vat,
            method,
            account: &account,
            welcome_sent_at: welcome.as_deref(),
        };
        let steps = checklist::checklist(&facts, day);
        let complete = steps.iter().all(|s| s.done);
        let approved_at: Option<String> = r.get(3)?;
        let days_waiting = (!complete)
            .then(|| {
                approved_at
                    .as_deref()
                    .and_then(|a| NaiveDate::parse_from_str(a.get(..10)?, "%Y-%m-%d").ok())
            })
            .flatten()
            .map(|a| (day - a).num_days().max(0) as u32);
        out.push(OnboardingRow {
            partner_id: r.get(0)?,
            name: r.get(1)?,
            email: r.get(2)?,
            approved_at,
            stuck_on: steps.iter().find(|s| !s.done).map(|s| s.step),
            steps,
            complete,
            days_waiting,
            reminded_at: r.get(14)?,
        });
    }
    Ok(out)
}

/// What the manager records for a partner's onboarding; only what is given changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct OnboardingChange {
    /// The terms version they accepted (must be published, when any are).
    pub terms: Option<String>,
    pub tax_form: Option<TaxStatus>,
    /// "YYYY-MM-DD", for a W-8BEN.
    pub tax_form_expires: Option<String>,
    pub vat_id: Option<String>,
    /// The TIN on the W-9 or W-8BEN.
    #[ts(optional)]
    pub tin: Option<String>,
    /// The welcome kit went out by other means.
    pub welcome_sent: bool,
}

pub fn set(
    book: &mut Book,
    partner: i64,
    change: &OnboardingChange,
    actor: Actor,
) -> Result<OnboardingRow> {
    let tx = book.transaction()?;
    let mut input = PartnerInput::from(&crate::get_in(&tx, partner)?);
    if let Some(v) = &change.terms {
        let v = v.trim();
        let published: Vec<String> = tx
            .prepare("SELECT version FROM terms_versions")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !published.is_empty() && !published.iter().any(|p| p == v) {
            return Err(PartnerError::invalid(
                "terms",
                format!(
                    "terms {v} were never published (published: {})",
                    published.join(", ")
                ),
            ));
        }
        input.terms_version = v.to_string();
    }
    if let Some(kind) = change.tax_form {
        input.tax.status = kind;
    }
    if let Some(e) = &change.tax_form_expires {
        input.tax.form_expires = e.clone();
    }
    if let Some(v) = &change.vat_id {
        input.tax.vat_id = v.clone();
    }
    if let Some(t) = &change.tin {
        input.tax.tin = t.clone();
    }
    crate::update_in(&tx, partner, &input, actor, None)?;
    if change.welcome_sent {
        tx.execute(
            "UPDATE partners SET welcome_sent_at = coalesce(welcome_sent_at, ?2) WHERE id = ?1",
            params![partner, now()],
        )?;
        timeline::add(
            &tx,
            partner,
            ActivityKind::Note,
            actor,
            "Welcome kit marked as sent",
            "",
        )?;
        audit::record(
            &tx,
            actor,
            "partner",
            Some(partner),
            "welcome_sent",
            None,
            None,
        )?;
    }
    tx.commit()?;
    let today = partnerbook_book::time::today();
    rows(book.conn(), today, Some(partner))?
        .into_iter()
        .next()
        .ok_or_else(|| {
            PartnerError::conflict(
                "partner",
                format!("partner #{partner} is not active: onboarding is for active partners"),
            )
        })
}
