//! The pre-payout check: every blocker and every risk of a run on one list.
//! Blockers keep a partner from being paid in this run; warnings are worth a
//! look before approving (changed payout details, shared accounts, partners
//! just under the minimum, tax forms about to expire).

use crate::error::Result;
use chrono::{Duration, NaiveDate};
use partnerbook_book::money::Money;
use partnerbook_book::settings;
use partnerbook_book::Book;
use partnerbook_partners::payout_method::{mask_account, method_name};
use partnerbook_partners::PayoutMethod;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Tax forms expiring this soon after the cut-off are flagged.
const EXPIRY_WARNING_DAYS: i64 = 30;
/// "Just below the minimum": at least this share of it, in percent.
const NEAR_MINIMUM_PERCENT: i64 = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Blocker,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadinessItem {
    pub severity: Severity,
    /// A stable key to group by: "tax_form", "payout_method", "onboarding",
    /// "hold", "negative_balance", "below_minimum", "fx", "details_changed",
    /// "shared_account", "line_rebuilt", "tax_form_expiring", "partner_status",
    /// "risk_hold".
    pub check: String,
    pub partner_id: i64,
    pub partner_name: String,
    pub message: String,
    /// The partner's balance in the run: what a hold carries forward.
    pub balance: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Readiness {
    pub run_id: i64,
    pub blockers: u32,
    pub warnings: u32,
    pub items: Vec<ReadinessItem>,
}

pub fn readiness(book: &Book, run_id: i64) -> Result<Readiness> {
    let conn = book.conn();
    let run = super::read::get_run_in(conn, run_id)?;
    let day = NaiveDate::parse_from_str(&run.through, "%Y-%m-%d").unwrap_or_default();
    let minimum = settings::get(conn)?.minimum_payout;
    let mut items = Vec::new();
    type Line = (
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        i64,
        String,
        Option<String>,
    );
    let lines: Vec<Line> = conn
        .prepare(
            "SELECT p.id, p.partner_id, pa.name, p.method, p.account, p.blocked, p.balance_minor,
                    pa.tax_status, pa.tax_form_expires
               FROM payouts p JOIN partners pa ON pa.id = p.partner_id
              WHERE p.run_id = ?1 ORDER BY pa.sort_key, p.id",
        )?
        .query_map([run_id], |r| r.try_into())?
        .collect::<rusqlite::Result<_>>()?;
    for (_, partner_id, name, method, account, blocked, balance, tax, expires) in &lines {
        let item = |severity, check: &str, message: String| ReadinessItem {
            severity,
            check: check.to_string(),
            partner_id: *partner_id,
            partner_name: name.clone(),
            message,
            balance: Money::new(*balance, run.total.currency),
        };
        for reason in blocked
            .iter()
            .flat_map(|b| crate::model::blocked_reasons(b))
        {
            items.push(item(Severity::Blocker, check_of(&reason), reason));
        }
        if let Some(share) = near_minimum(*balance, minimum) {
            items.push(item(
                Severity::Warning,
                "near_minimum",
                format!(
                    "{} is {share}% of the minimum payout {minimum}: paid next time",
                    Money::new(*balance, run.total.currency)
                ),
            ));
        }
        if tax == "w8ben" {
            if let Some(exp) = expires
                .as_deref()
                .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
            {
                if exp >= day && exp <= day + Duration::days(EXPIRY_WARNING_DAYS) {
                    items.push(item(
                        Severity::Warning,
                        "tax_form_expiring",
                        format!("W-8BEN expires on {exp}: ask for a new one before the next run"),
                    ));
                }
            }
        }
        if let Some((before, after)) = rebuilt(book, &run.created_at, *partner_id)? {
            items.push(item(
                Severity::Warning,
                "line_rebuilt",
                format!(
                    "line rebuilt after the partner's payout details changed: {before} → {after}"
                ),
            ));
        }
        if let Some((prev_run, prev_method, prev_account)) =
            previous_details(book, run_id, *partner_id)?
        {
            if prev_method != *method || prev_account != *account {
                items.push(item(
                    Severity::Warning,
                    "details_changed",
                    format!(
                        "payout details changed since run #{prev_run}: {} {} → {} {}",
                        label(&prev_method),
                        mask_account(&prev_account),
                        label(method),
                        mask_account(account)
                    ),
                ));
            }
        }
    }
    items.extend(risk_held(conn, &run.through, run.total.currency)?);
    let blockers = items
        .iter()
        .filter(|i| i.severity == Severity::Blocker)
        .count() as u32;
    Ok(Readiness {
        run_id,
        blockers,
        warnings: items.len() as u32 - blockers,
        items,
    })
}

/// Per partner, what open risk flags hold back from this run: lines due by
/// the cut-off that are not approved, or not claimed, until cleared.
fn risk_held(
    conn: &rusqlite::Connection,
    through: &str,
    currency: partnerbook_book::money::Currency,
) -> Result<Vec<ReadinessItem>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT commissions.partner_id, pa.name, sum(commissions.amount_minor), count(*)
           FROM commissions JOIN partners pa ON pa.id = commissions.partner_id
          WHERE commissions.state IN ('pending', 'approved') AND commissions.due_on <= ?1
            AND commissions.amount_minor IS NOT NULL AND NOT (",
        partnerbook_book::not_held_by_risk!(),
        ") GROUP BY commissions.partner_id ORDER BY pa.sort_key"
    ))?;
    let rows = stmt
        .query_map([through], |r| {
            let held = Money::new(r.get(2)?, currency);
            let lines: i64 = r.get(3)?;
            Ok(ReadinessItem {
                severity: Severity::Warning,
                check: "risk_hold".into(),
                partner_id: r.get(0)?,
                partner_name: r.get(1)?,
                message: format!(
                    "risk flags hold {held} ({lines} {}) out of this run until cleared or declined on the Risk screen",
                    if lines == 1 { "line" } else { "lines" }
                ),
                balance: held,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn near_minimum(balance: i64, minimum: Money) -> Option<i64> {
    (minimum.minor > 0 && balance > 0 && balance < minimum.minor)
        .then(|| balance * 100 / minimum.minor)
        .filter(|share| *share >= NEAR_MINIMUM_PERCENT)
}

fn check_of(reason: &str) -> &'static str {
    let prefixes = [
        ("tax form", "tax_form"),
        ("no payout method", "payout_method"),
        ("onboarding", "onboarding"),
        ("held by", "hold"),
        ("payout account", "shared_account"),
        ("negative balance", "negative_balance"),
        ("below the minimum", "below_minimum"),
        ("nothing to pay", "zero_balance"),
        ("partner is", "partner_status"),
        ("no ", "fx"),
    ];
    prefixes
        .iter()
        .find(|(p, _)| reason.starts_with(p))
        .map(|(_, c)| *c)
        .unwrap_or("other")
}

fn label(method: &str) -> &'static str {
    PayoutMethod::parse(method)
        .map(method_name)
        .unwrap_or("unknown")
}

/// The method and account a partner was last paid with (or was to be).
fn previous_details(
    book: &Book,
    run_id: i64,
    partner_id: i64,
) -> Result<Option<(i64, String, String)>> {
    use rusqlite::OptionalExtension;
    Ok(book
        .conn()
        .prepare_cached(
            "SELECT p.run_id, p.method, p.account FROM payouts p JOIN payout_runs r ON r.id = p.run_id
              WHERE p.partner_id = ?1 AND p.run_id < ?2 AND r.status = 'approved' AND p.pay_minor IS NOT NULL
              ORDER BY p.run_id DESC LIMIT 1",
        )?
        .query_row(params![partner_id, run_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// The last rebuild of a partner's draft line since the run was made, as
/// "PayPal an…@example.com, to pay" before and after.
fn rebuilt(book: &Book, since: &str, partner_id: i64) -> Result<Option<(String, String)>> {
    use rusqlite::OptionalExtension;
    let found: Option<(Option<String>, Option<String>)> = book
        .conn()
        .prepare_cached(
            "SELECT before, after FROM audit_log
              WHERE entity = 'payout_line' AND action = 'rebuilt' AND entity_id = ?1 AND at >= ?2
              ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![partner_id, since], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let describe = |json: Option<String>| {
        let v: serde_json::Value = json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default();
        let text = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        if v.is_null() {
            return "no line".to_string();
        }
        let state = if text("status") == "held" {
            "held"
        } else {
            "to pay"
        };
        format!("{} {}, {state}", label(&text("method")), text("account"))
    };
    Ok(found.map(|(before, after)| (describe(before), describe(after))))
}
