//! Recording what happened to the money: paid with a reference, or failed
//! with a reason (its amount returns to the partner's balance).

use super::build::release;
use super::read::get_run_in;
use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{money_at, RunStatus};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::Money;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use partnerbook_ledger::commissions;
use partnerbook_partners::timeline::{self, ActivityKind};
use rusqlite::{params, Connection};

/// Marks the pending payouts of approved run `run_id` paid (all, or one
/// partner's) with the provider's reference. Returns how many.
pub fn mark_paid(
    book: &mut Book,
    run_id: i64,
    partner_id: Option<i64>,
    reference: &str,
    actor: Actor,
) -> Result<u32> {
    let reference = required(reference, "reference", "give the payment's reference")?;
    let tx = book.transaction()?;
    let pending = pending_payouts(&tx, run_id, partner_id)?;
    for p in &pending {
        settle_paid(&tx, run_id, p, &reference, actor)?;
    }
    tx.commit()?;
    Ok(pending.len() as u32)
}

/// Marks one partner's pending payout in `run_id` failed: its commissions
/// and adjustments return to the balance for the next run.
pub fn mark_failed(
    book: &mut Book,
    run_id: i64,
    partner_id: i64,
    reason: &str,
    actor: Actor,
) -> Result<()> {
    let reason = required(reason, "reason", "say why the payout failed")?;
    let tx = book.transaction()?;
    let pending = pending_payouts(&tx, run_id, Some(partner_id))?;
    let p = pending.first().ok_or_else(|| {
        PayoutError::conflict(
            "partner",
            format!("partner #{partner_id} has no payout waiting for payment in run #{run_id}"),
        )
    })?;
    settle_failed(&tx, run_id, p, &reason, None, actor)?;
    tx.commit()?;
    Ok(())
}

/// A payout waiting for payment.
pub(super) struct Pending {
    pub id: i64,
    pub partner_id: i64,
    pub pay: Money,
}

pub(super) fn pending_payouts(
    conn: &Connection,
    run_id: i64,
    partner_id: Option<i64>,
) -> Result<Vec<Pending>> {
    let run = get_run_in(conn, run_id)?;
    if run.status != RunStatus::Approved {
        return Err(PayoutError::conflict(
            "run",
            format!(
                "run #{run_id} is {}: approve it before paying",
                run.status.as_str()
            ),
        ));
    }
    crate::approve::ensure_untampered(conn, run_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, partner_id, pay_minor, pay_currency FROM payouts
          WHERE run_id = ?1 AND status = 'pending' AND (?2 IS NULL OR partner_id = ?2) ORDER BY partner_id",
    )?;
    let rows = stmt.query_map(params![run_id, partner_id], |r| {
        Ok(Pending {
            id: r.get(0)?,
            partner_id: r.get(1)?,
            pay: money_at(r, 2, 3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn settle_paid(
    conn: &Connection,
    run_id: i64,
    p: &Pending,
    reference: &str,
    actor: Actor,
) -> Result<()> {
    let stamp = now();
    conn.prepare_cached(
        "UPDATE payouts SET status = 'paid', reference = ?2, settled_at = ?3 WHERE id = ?1",
    )?
    .execute(params![p.id, reference, stamp])?;
    commissions::state::mark_paid(conn, p.id, &stamp)?;
    timeline::add(
        conn,
        p.partner_id,
        ActivityKind::Payout,
        actor,
        &format!("Paid {} (run #{run_id})", p.pay),
        &format!("Reference {reference}"),
    )?;
    Ok(audit::record(
        conn,
        actor,
        "payout",
        Some(p.id),
        "paid",
        None,
        Some(
            &serde_json::json!({ "run": run_id, "partner": p.partner_id, "reference": reference }),
        ),
    )?)
}

pub(super) fn settle_failed(
    conn: &Connection,
    run_id: i64,
    p: &Pending,
    reason: &str,
    reference: Option<&str>,
    actor: Actor,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE payouts SET status = 'failed', failure = ?2, reference = ?3, settled_at = ?4 WHERE id = ?1",
    )?
    .execute(params![p.id, reason, reference, now()])?;
    release(conn, &[p.id])?;
    timeline::add(
        conn,
        p.partner_id,
        ActivityKind::Payout,
        actor,
        &format!("Payout of {} failed (run #{run_id})", p.pay),
        &format!("{reason}. The amount returns to the balance for the next run."),
    )?;
    Ok(audit::record(
        conn,
        actor,
        "payout",
        Some(p.id),
        "failed",
        None,
        Some(&serde_json::json!({ "run": run_id, "partner": p.partner_id, "reason": reason })),
    )?)
}

/// The provider holds a pending payout unclaimed since `since`: it stays
/// pending (not paid again, not given back) until claimed or returned.
/// True when this is news (the first report of it).
pub(super) fn settle_unclaimed(
    conn: &Connection,
    run_id: i64,
    p: &Pending,
    since: &str,
    actor: Actor,
) -> Result<bool> {
    let news = conn
        .prepare_cached(
            "UPDATE payouts SET unclaimed_since = ?2 WHERE id = ?1 AND unclaimed_since IS NULL",
        )?
        .execute(params![p.id, since])?
        > 0;
    if news {
        timeline::add(
            conn,
            p.partner_id,
            ActivityKind::Payout,
            actor,
            &format!("Payout of {} unclaimed since {since} (run #{run_id})", p.pay),
            "The provider holds the money until the partner accepts it; it stays pending and is not paid again. Unclaimed payouts come back after 30 days and then return to the balance.",
        )?;
        audit::record(
            conn,
            actor,
            "payout",
            Some(p.id),
            "unclaimed",
            None,
            Some(&serde_json::json!({ "run": run_id, "partner": p.partner_id, "since": since })),
        )?;
    }
    Ok(news)
}

pub(super) fn required(text: &str, field: &str, hint: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        Err(PayoutError::invalid(field, hint))
    } else {
        Ok(t.to_string())
    }
}
