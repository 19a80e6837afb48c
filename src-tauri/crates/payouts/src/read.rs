//! Reading runs, their lines, and a partner's balance.

use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{money, money_at, PayoutLine, PayoutRun, PayoutStatus, RunStatus};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::settings;
use partnerbook_book::Book;
use partnerbook_partners::payout_method::mask_account;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub fn list_runs(book: &Book) -> Result<Vec<PayoutRun>> {
    let ids: Vec<i64> = book
        .conn()
        .prepare("SELECT id FROM payout_runs ORDER BY id DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| get_run_in(book.conn(), id))
        .collect()
}

pub fn get_run(book: &Book, id: i64) -> Result<PayoutRun> {
    get_run_in(book.conn(), id)
}

pub fn get_run_in(conn: &Connection, id: i64) -> Result<PayoutRun> {
    type Head = (
        String,
        String,
        RunStatus,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
    );
    let (through, currency, status, fingerprint, backup_path, created_at, approved_at): Head = conn
        .query_row(
            "SELECT through, currency, status, fingerprint, backup_path, created_at, approved_at
               FROM payout_runs WHERE id = ?1",
            [id],
            |r| r.try_into(),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("payout run #{id}")))?;
    let currency = Currency::from_code(&currency)?;
    let (paid_count, held_count, total, carried, settled_paid, settled_failed): (u32, u32, i64, i64, u32, u32) =
        conn.query_row(
            "SELECT count(*) FILTER (WHERE status <> 'held'), count(*) FILTER (WHERE status = 'held'),
                    coalesce(sum(balance_minor) FILTER (WHERE status <> 'held'), 0),
                    coalesce(sum(balance_minor) FILTER (WHERE status = 'held'), 0),
                    count(*) FILTER (WHERE status = 'paid'), count(*) FILTER (WHERE status = 'failed')
               FROM payouts WHERE run_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
    let mut pay_totals = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT pay_currency, sum(pay_minor) FROM payouts
          WHERE run_id = ?1 AND pay_minor IS NOT NULL GROUP BY pay_currency ORDER BY pay_currency",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let c: String = r.get(0)?;
        pay_totals.push(Money::new(r.get(1)?, Currency::from_code(&c)?));
    }
    Ok(PayoutRun {
        id,
        through,
        status,
        fingerprint,
        backup_path,
        created_at,
        approved_at,
        paid_count,
        held_count,
        total: money(total, currency),
        pay_totals,
        carried_forward: money(carried, currency),
        settled_paid,
        settled_failed,
    })
}

/// The payouts a run pays (not its held lines), in partner order: what
/// gets a statement and an email.
pub fn paid_payout_ids(conn: &Connection, run_id: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM payouts WHERE run_id = ?1 AND pay_minor IS NOT NULL ORDER BY partner_id")?
        .query_map([run_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Which lines of a run to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineFilter {
    #[default]
    All,
    /// Paid in this run (any settlement state).
    Paid,
    Held,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineQuery {
    pub run_id: i64,
    pub filter: LineFilter,
    /// Part of a partner's name or email.
    pub search: String,
    pub offset: u32,
    /// 0 means 100; at most 1,000.
    pub limit: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinesPage {
    pub total: u32,
    pub rows: Vec<PayoutLine>,
}

/// A page of a run's lines, by partner name.
pub fn lines(book: &Book, q: &LineQuery) -> Result<LinesPage> {
    lines_in(book.conn(), q)
}

pub(crate) fn lines_in(conn: &Connection, q: &LineQuery) -> Result<LinesPage> {
    let currency: String = conn
        .query_row(
            "SELECT currency FROM payout_runs WHERE id = ?1",
            [q.run_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("payout run #{}", q.run_id)))?;
    let currency = Currency::from_code(&currency)?;
    let filter = match q.filter {
        LineFilter::All => "",
        LineFilter::Paid => " AND p.status <> 'held'",
        LineFilter::Held => " AND p.status = 'held'",
    };
    let search = format!("%{}%", q.search.trim().replace(['%', '_'], ""));
    let from = format!(
        "FROM payouts p JOIN partners pa ON pa.id = p.partner_id
          WHERE p.run_id = ?1{filter} AND (?2 = '%%' OR pa.name LIKE ?2 OR pa.email LIKE ?2)"
    );
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) {from}"),
        params![q.run_id, search],
        |r| r.get(0),
    )?;
    let limit = match q.limit {
        0 => 100,
        n => n.min(1000),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.partner_id, pa.name, pa.email, p.commissions_minor, p.clawbacks_minor, p.carried_minor,
                p.adjustments_minor, p.balance_minor, p.pay_minor, p.pay_currency, p.fx_rate, p.method,
                p.account, p.blocked, p.status, p.reference, p.failure, p.settled_at, p.unclaimed_since
         {from} ORDER BY pa.sort_key, p.id LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt
        .query_map(params![q.run_id, search, limit, q.offset], |r| {
            let account: String = r.get(13)?;
            let blocked: Option<String> = r.get(14)?;
            Ok(PayoutLine {
                id: r.get(0)?,
                partner_id: r.get(1)?,
                partner_name: r.get(2)?,
                partner_email: r.get(3)?,
                commissions: money(r.get(4)?, currency),
                clawbacks: money(r.get(5)?, currency),
                carried: money(r.get(6)?, currency),
                adjustments: money(r.get(7)?, currency),
                balance: money(r.get(8)?, currency),
                pay: match r.get::<_, Option<i64>>(9)? {
                    Some(_) => Some(money_at(r, 9, 10)?),
                    None => None,
                },
                fx_rate: r.get(11)?,
                method: r.get(12)?,
                account_masked: mask_account(&account),
                blocked: blocked
                    .as_deref()
                    .map(crate::model::blocked_reasons)
                    .unwrap_or_default(),
                status: r.get::<_, PayoutStatus>(15)?,
                reference: r.get(16)?,
                failure: r.get(17)?,
                settled_at: r.get(18)?,
                unclaimed_since: r.get(19)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(LinesPage { total, rows })
}

/// What the program owes a partner, from the ledger itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Balance {
    pub partner_id: i64,
    /// Approved, not yet in a run.
    pub approved: Money,
    /// Claimed by a draft or approved run, not yet paid.
    pub in_payout: Money,
    /// Adjustments not yet settled by a paid payout.
    pub open_adjustments: Money,
    /// Everything earned (approved, in payout, paid) plus every adjustment.
    pub earned: Money,
    /// Paid out, in the program currency.
    pub paid: Money,
    /// earned − paid.
    pub balance: Money,
}

pub fn balance(book: &Book, partner_id: i64) -> Result<Balance> {
    balance_in(book.conn(), partner_id)
}

pub(crate) fn balance_in(conn: &Connection, partner_id: i64) -> Result<Balance> {
    let currency = settings::get(conn)?.base_currency;
    let (approved, in_payout, paid_lines): (i64, i64, i64) = conn.query_row(
        "SELECT coalesce(sum(amount_minor) FILTER (WHERE state = 'approved'), 0),
                coalesce(sum(amount_minor) FILTER (WHERE state = 'in_payout'), 0),
                coalesce(sum(amount_minor) FILTER (WHERE state = 'paid'), 0)
           FROM commissions WHERE partner_id = ?1",
        [partner_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (adjustments, open): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(a.amount_minor), 0),
                coalesce(sum(a.amount_minor) FILTER (WHERE p.status IS NULL OR p.status <> 'paid'), 0)
           FROM payout_adjustments a LEFT JOIN payouts p ON p.id = a.payout_id
          WHERE a.partner_id = ?1",
        [partner_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let paid: i64 = conn.query_row(
        "SELECT coalesce(sum(balance_minor), 0) FROM payouts WHERE partner_id = ?1 AND status = 'paid'",
        [partner_id],
        |r| r.get(0),
    )?;
    let earned = approved + in_payout + paid_lines + adjustments;
    Ok(Balance {
        partner_id,
        approved: money(approved, currency),
        in_payout: money(in_payout, currency),
        open_adjustments: money(open, currency),
        earned: money(earned, currency),
        paid: money(paid, currency),
        balance: money(earned - paid, currency),
    })
}
