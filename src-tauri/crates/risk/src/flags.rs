//! Reading flags, and the manager's two answers to one: clear it (the
//! commissions it held follow their normal dates) or decline the sale's
//! commissions (they are declined with the reason given).

use crate::error::{ErrorExt, Result, RiskError};
use crate::model::{Check, Flag, FlagStatus, Severity};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::{settings as program, Book};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const MAX_REASON: usize = 500;

#[derive(Clone, Debug, Default, Deserialize, TS)]
#[ts(export, rename = "RiskFlagQuery")]
pub struct FlagQuery {
    /// None: every status.
    pub status: Option<FlagStatus>,
    pub partner_id: Option<i64>,
    pub check: Option<Check>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Clone, Debug, Serialize, TS)]
#[ts(export, rename = "RiskFlagPage")]
pub struct FlagPage {
    pub total: u64,
    pub rows: Vec<Flag>,
}

/// The unpaid commission a flag covers: its sale's lines, or the partner's.
const COVERED: &str = "CASE WHEN f.conversion_id IS NOT NULL
        THEN (SELECT coalesce(sum(k.amount_minor), 0) FROM commissions k
               WHERE k.conversion_id = f.conversion_id AND k.state IN ('pending', 'approved', 'in_payout'))
        ELSE (SELECT coalesce(sum(k.amount_minor), 0) FROM commissions k
               WHERE k.partner_id = f.partner_id AND k.state IN ('pending', 'approved', 'in_payout')) END";

const FILTER: &str = "(?1 IS NULL OR f.status = ?1) AND (?2 IS NULL OR f.partner_id = ?2) AND (?3 IS NULL OR f.check_name = ?3)";

/// Flags, open first, by partner, the most severe first.
pub fn list(book: &Book, query: &FlagQuery) -> Result<FlagPage> {
    list_in(book.conn(), query)
}

fn list_in(conn: &Connection, query: &FlagQuery) -> Result<FlagPage> {
    let status = query.status.map(FlagStatus::as_str);
    let check = query.check.map(Check::as_str);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM risk_flags f WHERE {FILTER}"),
        params![status, query.partner_id, check],
        |r| r.get(0),
    )?;
    let currency = program::get(conn)?.base_currency.code().to_string();
    let sql = format!(
        "SELECT f.id, f.check_name, f.severity, f.partner_id, p.name, f.conversion_id, c.external_id, f.evidence,
                f.hold, f.status, f.flagged_on, f.resolved_at, f.reason, {COVERED}
           FROM risk_flags f JOIN partners p ON p.id = f.partner_id
           LEFT JOIN conversions c ON c.id = f.conversion_id
          WHERE {FILTER}
          ORDER BY f.status = 'open' DESC, p.sort_key, p.id,
                   CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.flagged_on DESC, f.id
          LIMIT ?4 OFFSET ?5"
    );
    let limit = query.limit.unwrap_or(200).min(1000);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![
                status,
                query.partner_id,
                check,
                limit,
                query.offset.unwrap_or(0)
            ],
            |r| {
                let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
                Ok(Flag {
                    id: r.get(0)?,
                    check: Check::parse(&text(1)?).unwrap_or(Check::SelfReferral),
                    severity: Severity::parse(&text(2)?).unwrap_or(Severity::Medium),
                    partner_id: r.get(3)?,
                    partner_name: r.get(4)?,
                    conversion_id: r.get(5)?,
                    sale: r.get(6)?,
                    evidence: r.get(7)?,
                    hold: r.get(8)?,
                    status: FlagStatus::parse(&text(9)?).unwrap_or(FlagStatus::Open),
                    flagged_on: r.get(10)?,
                    resolved_at: r.get(11)?,
                    reason: r.get(12)?,
                    covered_minor: r.get(13)?,
                    currency: currency.clone(),
                })
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(FlagPage {
        total: total as u64,
        rows,
    })
}

fn reason_of(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(RiskError::invalid("reason", "say why, for the audit trail"));
    }
    if reason.chars().count() > MAX_REASON || reason.chars().any(char::is_control) {
        return Err(RiskError::invalid(
            "reason",
            format!("keep it to one line of at most {MAX_REASON} characters"),
        ));
    }
    Ok(reason.to_string())
}

/// An open flag by id, or an error naming it.
fn open_flag(conn: &Connection, id: i64) -> Result<Option<i64>> {
    let row: Option<(Option<i64>, String)> = conn
        .query_row(
            "SELECT conversion_id, status FROM risk_flags WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Err(RiskError::not_found(format!("risk flag #{id}"))),
        Some((_, status)) if status != "open" => Err(RiskError::invalid(
            "flags",
            format!("risk flag #{id} is already {status}"),
        )),
        Some((sale, _)) => Ok(sale),
    }
}

/// Clears flags: nothing was wrong. What they held follows its normal dates
/// (approved when due, paid by the next run). All or none.
pub fn clear(book: &mut Book, ids: &[i64], reason: &str, actor: Actor) -> Result<u64> {
    let reason = reason_of(reason)?;
    let tx = book.transaction()?;
    let stamp = now();
    for &id in ids {
        open_flag(&tx, id)?;
        tx.execute(
            "UPDATE risk_flags SET status = 'cleared', resolved_at = ?2, reason = ?3 WHERE id = ?1",
            params![id, stamp, reason],
        )?;
        audit::record(
            &tx,
            actor,
            "risk_flag",
            Some(id),
            "clear",
            None,
            Some(&serde_json::json!({ "reason": reason })),
        )?;
    }
    tx.commit()?;
    Ok(ids.len() as u64)
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export, rename = "RiskDeclineReport")]
pub struct DeclineReport {
    pub flags: u64,
    /// Commission lines declined (the sale's, at every level).
    pub commissions: u64,
    pub amount_minor: i64,
    /// Lines left alone because a payout run already holds them.
    pub in_runs: u64,
}

/// Declines what flags on sales cover: each sale's unpaid commission lines
/// are declined with `reason`, and the flags close. All or none. A flag
/// about a partner (no sale) is refused: clear it, or decline that
/// partner's commissions one by one.
pub fn decline(book: &mut Book, ids: &[i64], reason: &str, actor: Actor) -> Result<DeclineReport> {
    let reason = reason_of(reason)?;
    let tx = book.transaction()?;
    let stamp = now();
    let mut report = DeclineReport::default();
    for &id in ids {
        let Some(sale) = open_flag(&tx, id)? else {
            return Err(RiskError::invalid(
                "flags",
                format!("risk flag #{id} is about the partner, not a sale: clear it, or decline the partner's commissions one by one"),
            ));
        };
        let lines: Vec<(i64, i64, String)> = tx
            .prepare_cached(
                "SELECT id, coalesce(amount_minor, 0), state FROM commissions
                  WHERE conversion_id = ?1 AND state IN ('pending', 'approved', 'in_payout') ORDER BY id",
            )?
            .query_map([sale], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let why = format!("risk flag #{id}: {reason}");
        for (line, amount, state) in lines {
            if state == "in_payout" {
                report.in_runs += 1;
                continue;
            }
            partnerbook_ledger::commissions::decline_in(&tx, line, &why, actor)?;
            report.commissions += 1;
            report.amount_minor += amount;
        }
        tx.execute(
            "UPDATE risk_flags SET status = 'declined', resolved_at = ?2, reason = ?3 WHERE id = ?1",
            params![id, stamp, reason],
        )?;
        audit::record(
            &tx,
            actor,
            "risk_flag",
            Some(id),
            "decline",
            None,
            Some(&serde_json::json!({ "reason": reason })),
        )?;
        report.flags += 1;
    }
    tx.commit()?;
    Ok(report)
}
