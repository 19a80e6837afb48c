//! Commissions: what each partner earned and why, computed by the engine
//! from conversions and plans, moved through their states (see `state`),
//! and explained in a sentence a partner would understand.

mod compute;
pub(crate) mod context;
pub mod engine;
mod explain;
mod month;
mod period_lines;
mod periods;
pub mod state;
mod whatif;

pub use engine::{run, EngineReport};
pub use state::CommissionState;
pub use whatif::{what_if, WhatIfPlan, WhatIfReport, WhatIfRequest, WhatIfRow};

use crate::error::{ErrorExt, LedgerError, Result};
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::query::{page_size, Filter};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One commission line as lists and the app show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Commission {
    pub id: i64,
    pub partner_id: i64,
    pub partner_name: String,
    pub conversion_id: Option<i64>,
    pub conversion_external_id: Option<String>,
    pub occurred_at: Option<String>,
    pub kind: String,
    pub rule_id: String,
    pub amount: Option<Money>,
    pub state: CommissionState,
    pub hold_reason: Option<String>,
    pub due_on: String,
    pub decline_reason: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommissionQuery {
    pub partner_id: Option<i64>,
    pub states: Vec<CommissionState>,
    /// Only lines held for a reason (no plan applies yet, a missing FX rate…).
    #[serde(default)]
    #[ts(optional)]
    pub held: Option<bool>,
    /// Inclusive "YYYY-MM-DD" bounds on the conversion (or bonus) date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub offset: u32,
    /// 0 means 100; at most 1,000.
    pub limit: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommissionPage {
    pub total: u64,
    /// What the matching lines are worth: reversed and declined lines and
    /// held ones count nothing.
    pub sum: Option<Money>,
    pub rows: Vec<Commission>,
}

/// A line a risk flag holds says so where a line waiting for a plan or a
/// rate does, in the same "what: what to do" form.
const SELECT: &str = "SELECT k.id, k.partner_id, p.name, k.conversion_id, c.external_id,
        coalesce(c.occurred_at, k.due_on), k.kind, k.rule_id, k.amount_minor, k.currency, k.state,
        coalesce(k.hold_reason, CASE WHEN k.state IN ('pending', 'approved') THEN
            (SELECT 'held by risk flag #' || f.id || ' (' || replace(f.check_name, '_', ' ') || '): clear or decline it on the Risk screen'
               FROM risk_flags f WHERE f.status = 'open' AND f.hold = 1
                AND (f.conversion_id = k.conversion_id OR (f.conversion_id IS NULL AND f.partner_id = k.partner_id))
              ORDER BY f.id LIMIT 1) END),
        k.due_on, k.decline_reason
   FROM commissions k JOIN partners p ON p.id = k.partner_id LEFT JOIN conversions c ON c.id = k.conversion_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Commission> {
    let currency: Currency = r.get(9)?;
    Ok(Commission {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        partner_name: r.get(2)?,
        conversion_id: r.get(3)?,
        conversion_external_id: r.get(4)?,
        occurred_at: r.get(5)?,
        kind: r.get(6)?,
        rule_id: r.get(7)?,
        amount: r.get::<_, Option<i64>>(8)?.map(|m| Money::new(m, currency)),
        state: r.get(10)?,
        hold_reason: r.get(11)?,
        due_on: r.get(12)?,
        decline_reason: r.get(13)?,
    })
}

/// Newest first.
pub fn list(book: &Book, q: &CommissionQuery) -> Result<CommissionPage> {
    let mut f = Filter::default();
    if let Some(p) = q.partner_id {
        let p = f.param(p);
        f.push(format!("k.partner_id = {p}"));
    }
    f.any_of("k.state", q.states.iter().map(|s| s.as_str().to_string()));
    if q.held == Some(true) {
        // Waiting for a plan or a rate, or held by a risk flag.
        f.push(concat!(
            "((k.state = 'pending' AND k.hold_reason IS NOT NULL) OR (k.state IN ('pending', 'approved') AND NOT ",
            partnerbook_book::not_held_by_risk!(k),
            "))"
        ));
    }
    if let Some(from) = &q.from {
        let from = f.param(from.clone());
        f.push(format!("coalesce(c.occurred_at, k.due_on) >= {from}"));
    }
    if let Some(to) = &q.to {
        let to = f.param(format!("{to}T23:59:59Z"));
        f.push(format!("coalesce(c.occurred_at, k.due_on) <= {to}"));
    }
    let filter = f.where_clause();
    let conn = book.conn();
    let from = "FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id";
    let (total, sum, currency): (i64, i64, Option<Currency>) = conn
        .prepare(&format!(
            "SELECT count(*), coalesce(sum(CASE WHEN k.state IN ('reversed', 'declined') THEN 0 ELSE k.amount_minor END), 0),
                    max(k.currency) {from} {filter}"
        ))?
        .query_row(f.params(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let (l, o) = (f.param(page_size(q.limit)), f.param(q.offset));
    let sql = format!("{SELECT} {filter} ORDER BY coalesce(c.occurred_at, k.due_on) DESC, k.id DESC LIMIT {l} OFFSET {o}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(f.params(), from_row)?;
    Ok(CommissionPage {
        total: total as u64,
        sum: currency.map(|c| Money::new(sum, c)),
        rows: rows.collect::<rusqlite::Result<_>>()?,
    })
}

pub fn get(book: &Book, id: i64) -> Result<Commission> {
    get_in(book.conn(), id)
}

fn get_in(conn: &Connection, id: i64) -> Result<Commission> {
    conn.query_row(&format!("{SELECT} WHERE k.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| LedgerError::not_found(format!("commission {id}")))
}

/// Approves every pending commission whose hold ended on or before `as_of`
/// ("YYYY-MM-DD") and that is not held for a reason. Returns how many, and
/// what they come to.
pub fn approve_due(book: &mut Book, as_of: &str, actor: Actor) -> Result<DueLines> {
    let day = due_day(as_of)?;
    let tx = book.transaction()?;
    let approved = approve_due_in(&tx, &day, actor)?;
    tx.commit()?;
    Ok(approved)
}

/// What approving by `as_of` would approve, without approving it.
pub fn due_preview(book: &Book, as_of: &str) -> Result<DueLines> {
    due_lines(book.conn(), &due_day(as_of)?)
}

/// Pending lines due by a day: how many, and what they come to per
/// currency (clawbacks and reversals count against the commissions).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueLines {
    pub count: u64,
    pub totals: Vec<Money>,
}

fn due_day(as_of: &str) -> Result<String> {
    Ok(NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d")
        .map_err(|_| {
            LedgerError::invalid(
                "as_of",
                format!("\"{as_of}\" is not a date like 2026-05-31"),
            )
        })?
        .format("%Y-%m-%d")
        .to_string())
}

fn due_lines(conn: &Connection, day: &str) -> Result<DueLines> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT currency, count(*), sum(amount_minor) FROM commissions
          WHERE state = 'pending' AND hold_reason IS NULL AND due_on <= ?1 AND ",
        partnerbook_book::not_held_by_risk!(),
        " GROUP BY currency ORDER BY currency"
    ))?;
    let mut rows = stmt.query([day])?;
    let mut out = DueLines::default();
    while let Some(r) = rows.next()? {
        let count: i64 = r.get(1)?;
        out.count += count as u64;
        out.totals
            .push(Money::new(r.get(2)?, r.get::<_, Currency>(0)?));
    }
    Ok(out)
}

/// Approves, in the caller's transaction, what is due by `day` ("YYYY-MM-DD").
pub fn approve_due_in(conn: &Connection, day: &str, actor: Actor) -> Result<DueLines> {
    let due = due_lines(conn, day)?;
    let n = conn.execute(
        concat!(
            "UPDATE commissions SET state = 'approved', updated_at = ?2
              WHERE state = 'pending' AND hold_reason IS NULL AND due_on <= ?1 AND ",
            partnerbook_book::not_held_by_risk!()
        ),
        params![day, now()],
    )? as u64;
    debug_assert_eq!(n, due.count);
    if n > 0 {
        let totals: Vec<String> = due.totals.iter().map(Money::to_string).collect();
        let after = serde_json::json!({ "approved": n, "as_of": day, "totals": totals });
        audit::record(
            conn,
            actor,
            "commissions",
            None,
            "approve_due",
            None,
            Some(&after),
        )?;
    }
    Ok(due)
}

/// Declines one pending or approved commission, with the reason kept.
pub fn decline(book: &mut Book, id: i64, reason: &str, actor: Actor) -> Result<Commission> {
    let tx = book.transaction()?;
    let after = decline_in(&tx, id, reason, actor)?;
    tx.commit()?;
    Ok(after)
}

/// `decline`, in the caller's transaction.
pub fn decline_in(tx: &Connection, id: i64, reason: &str, actor: Actor) -> Result<Commission> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(LedgerError::invalid(
            "reason",
            "say why the commission is declined",
        ));
    }
    let before = get_in(tx, id)?;
    if !before.state.can_become(CommissionState::Declined)
        || before.state == CommissionState::Declined
    {
        return Err(LedgerError::invalid(
            "state",
            format!(
                "a commission that is {} cannot be declined",
                before.state.as_str().replace('_', " ")
            ),
        ));
    }
    tx.execute(
        "UPDATE commissions SET state = 'declined', decline_reason = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, reason, now()],
    )?;
    let after = get_in(tx, id)?;
    audit::record_change(tx, actor, "commission", Some(id), &before, &after)?;
    Ok(after)
}

pub use explain::explain;

/// The plan version whose rules apply to a partner's sale on `day`, and how
/// many rules it has: the engine's own lookup. None when no plan applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RulesInForce {
    pub version_id: i64,
    pub rules: usize,
}

pub fn rules_in_force(
    conn: &rusqlite::Connection,
    partner_id: i64,
    day: chrono::NaiveDate,
) -> Result<Option<RulesInForce>> {
    let mut ctx = context::Context::for_engine(conn)?;
    Ok(ctx
        .rules_for(partner_id, day)?
        .and_then(|(version, rules)| {
            version.map(|version_id| RulesInForce {
                version_id,
                rules: rules.len(),
            })
        }))
}
