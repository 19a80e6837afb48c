//! A draft run follows the partners it pays. Changing what a payout depends
//! on marks the partner (a trigger, migration 0014); `refresh_draft`
//! rebuilds the marked partners' lines, and the lines of partners who
//! shared their old or new account (a shared account holds both). Approval
//! also compares every line with its partner, so a line can only be
//! approved with the account, currency and name the partner has at that
//! moment.

use super::build::{build_in, draft, release_partner, ACCOUNT};
use crate::error::Result;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings;
use partnerbook_book::Book;
use partnerbook_partners::payout_method::mask_account;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeSet;

/// What a draft line pays to, to tell whether a rebuild changed it.
type Payee = (String, String, String, Option<i64>, String, String);

/// Rebuilds the draft's lines for partners whose payout facts changed;
/// returns the partners whose line changed.
pub fn refresh_draft(book: &mut Book, actor: Actor) -> Result<Vec<i64>> {
    let pending: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM draft_stale", [], |r| r.get(0))?;
    if pending == 0 {
        return Ok(Vec::new());
    }
    let tx = book.transaction()?;
    let changed = refresh_in(&tx, actor)?;
    tx.commit()?;
    Ok(changed)
}

pub(super) fn refresh_in(conn: &Connection, actor: Actor) -> Result<Vec<i64>> {
    let run_id: Option<i64> = conn
        .query_row(
            "SELECT id FROM payout_runs WHERE status = 'draft'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let stale: Vec<i64> = conn
        .prepare("SELECT partner_id FROM draft_stale ORDER BY partner_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute("DELETE FROM draft_stale", [])?;
    let Some(run_id) = run_id else {
        return Ok(Vec::new());
    };
    let day = draft(conn, run_id)?;
    let settings = settings::get(conn)?;
    let partners = with_account_sharers(conn, run_id, &stale)?;
    let mut changed = Vec::new();
    for partner_id in partners {
        let before = payee(conn, run_id, partner_id)?;
        release_partner(conn, run_id, partner_id)?;
        build_in(conn, run_id, day, &settings, Some(partner_id), &Quiet)?;
        let after = payee(conn, run_id, partner_id)?;
        if before != after {
            let json = |p: &Option<Payee>| {
                p.as_ref().map(|(method, account, currency, pay, status, blocked)| {
                    serde_json::json!({ "method": method, "account": mask_account(account),
                        "pay_currency": currency, "pay_minor": pay, "status": status, "blocked": blocked })
                })
            };
            audit::record(
                conn,
                actor,
                "payout_line",
                Some(partner_id),
                "rebuilt",
                json(&before).as_ref(),
                json(&after).as_ref(),
            )?;
            changed.push(partner_id);
        }
    }
    Ok(changed)
}

/// Marks every partner whose draft line names another account, currency
/// or payee than the partner has now (lines made before the trigger, or
/// facts changed around it).
pub(super) fn mark_drifted(conn: &Connection, run_id: i64) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT OR IGNORE INTO draft_stale (partner_id)
         SELECT p.partner_id FROM payouts p JOIN partners pa ON pa.id = p.partner_id
          WHERE p.run_id = ?1
            AND (p.method IS NOT pa.payout_method OR p.bic IS NOT pa.bic
                 OR p.pay_currency IS NOT pa.payout_currency OR p.payee_name IS NOT pa.name
                 OR p.account IS NOT (SELECT {ACCOUNT} FROM partners WHERE id = pa.id))"
        ),
        params![run_id],
    )?;
    Ok(())
}

/// `stale`, with the partners in the draft holding the old or the new
/// account of any of them.
fn with_account_sharers(conn: &Connection, run_id: i64, stale: &[i64]) -> Result<BTreeSet<i64>> {
    let mut out: BTreeSet<i64> = stale.iter().copied().collect();
    let mut accounts = BTreeSet::new();
    for id in stale {
        let old: Option<String> = conn
            .prepare_cached("SELECT account FROM payouts WHERE run_id = ?1 AND partner_id = ?2")?
            .query_row(params![run_id, id], |r| r.get(0))
            .optional()?;
        let new: Option<String> = conn
            .prepare_cached(&format!("SELECT {ACCOUNT} FROM partners WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        accounts.extend(
            [old, new]
                .into_iter()
                .flatten()
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty()),
        );
    }
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id FROM payouts WHERE run_id = ?1 AND lower(trim(account)) = ?2",
    )?;
    for account in accounts {
        let ids = stmt.query_map(params![run_id, account], |r| r.get::<_, i64>(0))?;
        for id in ids {
            out.insert(id?);
        }
    }
    Ok(out)
}

fn payee(conn: &Connection, run_id: i64, partner_id: i64) -> Result<Option<Payee>> {
    Ok(conn
        .prepare_cached(
            "SELECT method, account, pay_currency, pay_minor, status, coalesce(blocked, '')
               FROM payouts WHERE run_id = ?1 AND partner_id = ?2",
        )?
        .query_row(params![run_id, partner_id], |r| r.try_into())
        .optional()?)
}
