//! Approving a run (back up, fingerprint, lock) and discarding a draft.

use super::build::{draft, release};
use super::read::get_run_in;
use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{money_at, PayoutRun};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::Money;
use partnerbook_book::progress::Progress;
use partnerbook_book::time::now;
use partnerbook_book::{backup_path_for, Book};
use partnerbook_partners::timeline::{self, ActivityKind};
use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};

/// Approves draft `run_id`: backs the book up beside it first, then in one
/// transaction turns its paid lines pending, stamps the fingerprint and
/// locks the run. A crash at any point leaves the draft or the approved run,
/// never a mix.
pub fn approve(
    book: &mut Book,
    run_id: i64,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<PayoutRun> {
    draft(book.conn(), run_id)?;
    progress.update("Backing up the book", 0, 3);
    let backup = backup_path_for(book.path(), &format!("before-payout-run-{run_id}"));
    book.backup_to(&backup)?;
    progress.check()?;
    progress.update("Fingerprinting the run", 1, 3);
    let tx = book.transaction()?;
    draft(&tx, run_id)?;
    // The facts are read once, now: a line that no longer matches its
    // partner is built again before it is locked.
    super::refresh::mark_drifted(&tx, run_id)?;
    super::refresh::refresh_in(&tx, actor)?;
    snapshot_payees(&tx, run_id)?;
    super::self_billing::number_invoices(&tx, run_id)?;
    let (fingerprint, payouts_fingerprint) = fingerprints(&tx, run_id)?;
    progress.check()?;
    progress.update("Locking the run", 2, 3);
    let stamp = now();
    tx.execute(
        "UPDATE payouts SET status = 'pending' WHERE run_id = ?1 AND status = 'draft'",
        [run_id],
    )?;
    tx.execute(
        "UPDATE payout_runs SET status = 'approved', fingerprint = ?2, approved_at = ?3, backup_path = ?4,
                fingerprint_scheme = ?5, payouts_fingerprint = ?6
          WHERE id = ?1",
        params![run_id, fingerprint, stamp, backup.to_string_lossy(), SCHEME, payouts_fingerprint],
    )?;
    let run = get_run_in(&tx, run_id)?;
    for (partner_id, balance, pay) in paid_lines(&tx, run_id, &run)? {
        timeline::add(
            &tx,
            partner_id,
            ActivityKind::Payout,
            actor,
            &format!("Payout of {pay} approved in run #{run_id}"),
            &format!(
                "Balance {balance} through {}; fingerprint {}",
                run.through,
                &fingerprint[..16]
            ),
        )?;
    }
    audit::record(
        &tx,
        actor,
        "payout_run",
        Some(run_id),
        "approve",
        None,
        Some(&audit::to_json(&run)),
    )?;
    progress.check()?;
    tx.commit()?;
    progress.update("Approved", 3, 3);
    Ok(run)
}

fn paid_lines(conn: &Connection, run_id: i64, run: &PayoutRun) -> Result<Vec<(i64, Money, Money)>> {
    let mut stmt = conn.prepare(
        "SELECT partner_id, balance_minor, pay_minor, pay_currency FROM payouts
          WHERE run_id = ?1 AND status = 'pending' ORDER BY partner_id",
    )?;
    let rows = stmt.query_map([run_id], |r| {
        Ok((
            r.get(0)?,
            Money::new(r.get(1)?, run.total.currency),
            money_at(r, 2, 3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Discards draft `run_id`: its commissions return to approved and its
/// adjustments stay open for the next run; the run keeps its number.
pub fn discard(book: &mut Book, run_id: i64, actor: Actor) -> Result<PayoutRun> {
    let tx = book.transaction()?;
    draft(&tx, run_id)?;
    let before = get_run_in(&tx, run_id)?;
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM payouts WHERE run_id = ?1")?
        .query_map([run_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    release(&tx, &ids)?;
    tx.execute("DELETE FROM payouts WHERE run_id = ?1", [run_id])?;
    tx.execute(
        "UPDATE payout_runs SET status = 'discarded' WHERE id = ?1",
        [run_id],
    )?;
    let after = get_run_in(&tx, run_id)?;
    audit::record(
        &tx,
        actor,
        "payout_run",
        Some(run_id),
        "discard",
        Some(&audit::to_json(&before)),
        Some(&audit::to_json(&after)),
    )?;
    tx.commit()?;
    Ok(after)
}

/// Freezes each payee's details into their payout: statements print these,
/// whatever the partner's record says later.
fn snapshot_payees(conn: &Connection, run_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE payouts SET payee_company = pa.company, payee_email = pa.email,
                payee_address = pa.address, payee_country = pa.country, payee_tax_id = pa.vat_id
           FROM partners pa WHERE pa.id = payouts.partner_id AND payouts.run_id = ?1",
        [run_id],
    )?;
    Ok(())
}

/// The fingerprint scheme runs are approved with now: 2 covers the payee
/// block too (1, before it was frozen, did not).
const SCHEME: i64 = 2;

/// SHA-256 (hex) over the run's canonical lines: the run, then each line
/// by partner with what it pays and (scheme 2) to whom, then every
/// commission and adjustment it settles by id. Text, one fact per line, so
/// anyone can recompute it. A draft is fingerprinted with today's payee
/// details, which approval freezes: the same text either way.
pub fn fingerprint_of(conn: &Connection, run_id: i64) -> Result<String> {
    Ok(fingerprints(conn, run_id)?.0)
}

/// The run's full fingerprint and its payouts fingerprint, in one pass:
/// the full one hashes on from where the payouts one stops.
fn fingerprints(conn: &Connection, run_id: i64) -> Result<(String, String)> {
    let mut h = Sha256::new();
    hash_payouts(conn, run_id, &mut h)?;
    let payouts = hex(&h.clone().finalize());
    let mut stmt = conn.prepare(
        "SELECT c.id, c.partner_id, c.amount_minor FROM commissions c JOIN payouts p ON p.id = c.payout_id
          WHERE p.run_id = ?1 ORDER BY c.id",
    )?;
    let mut rows = stmt.query([run_id])?;
    while let Some(r) = rows.next()? {
        let (id, partner, amount): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        h.update(format!("commission\t{id}\t{partner}\t{amount}\n"));
    }
    let mut stmt = conn.prepare(
        "SELECT a.id, a.partner_id, a.amount_minor, a.kind, a.reason FROM payout_adjustments a
           JOIN payouts p ON p.id = a.payout_id WHERE p.run_id = ?1 ORDER BY a.id",
    )?;
    let mut rows = stmt.query([run_id])?;
    while let Some(r) = rows.next()? {
        let (id, partner, amount, kind, reason): (i64, i64, i64, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let reason = reason.replace(['\t', '\n'], " ");
        h.update(format!(
            "adjustment\t{id}\t{partner}\t{amount}\t{kind}\t{reason}\n"
        ));
    }
    Ok((hex(&h.finalize()), payouts))
}

/// The run and each of its lines, what it pays and to whom: the part of
/// the fingerprint that decides where money goes.
fn hash_payouts(conn: &Connection, run_id: i64, h: &mut Sha256) -> Result<()> {
    let (through, currency, approved, stored_scheme): (String, String, bool, i64) = conn.query_row(
        "SELECT through, currency, status = 'approved', fingerprint_scheme FROM payout_runs WHERE id = ?1",
        [run_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let scheme = if approved { stored_scheme } else { SCHEME };
    h.update(format!(
        "partnerbook payout run {scheme}\nrun {run_id} through {through} currency {currency}\n"
    ));
    let payee = if scheme >= 2 {
        if approved {
            ", p.payee_company, p.payee_email, p.payee_address, p.payee_country, p.payee_tax_id"
        } else {
            ", pa.company, pa.email, pa.address, pa.country, pa.vat_id"
        }
    } else {
        ""
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.partner_id, p.commissions_minor, p.clawbacks_minor, p.carried_minor, p.adjustments_minor,
                p.balance_minor, coalesce(p.pay_minor, ''), p.pay_currency, coalesce(p.fx_rate, ''), p.method,
                p.account, p.bic, coalesce(p.blocked, ''), p.payee_name{payee}
           FROM payouts p JOIN partners pa ON pa.id = p.partner_id WHERE p.run_id = ?1 ORDER BY p.partner_id"
    ))?;
    let columns = if scheme >= 2 { 20 } else { 14 };
    let mut rows = stmt.query([run_id])?;
    while let Some(r) = rows.next()? {
        let mut line = String::from("payout");
        for i in 0..columns {
            let v: rusqlite::types::Value = r.get(i)?;
            line.push('\t');
            match v {
                rusqlite::types::Value::Integer(n) => line.push_str(&n.to_string()),
                rusqlite::types::Value::Text(t) => line.push_str(&t.replace(['\t', '\n'], " ")),
                _ => {}
            }
        }
        line.push('\n');
        h.update(line);
    }
    Ok(())
}

/// Refuses to go on with approved run `run_id` when its lines no longer
/// match what was approved: someone changed the book outside Partnerbook,
/// and a file written now could pay another account or amount.
pub fn ensure_untampered(conn: &Connection, run_id: i64) -> Result<()> {
    if intact(conn, run_id)? {
        return Ok(());
    }
    let backup: Option<String> = conn.query_row(
        "SELECT backup_path FROM payout_runs WHERE id = ?1",
        [run_id],
        |r| r.get(0),
    )?;
    Err(PayoutError::conflict(
        "run",
        format!(
            "run #{run_id} was changed outside Partnerbook after it was approved: its payouts no longer match its \
             fingerprint, so nothing is written or marked. Restore the backup taken before approval{}",
            backup.map(|b| format!(" ({b})")).unwrap_or_default()
        ),
    ))
}

/// Every approved run whose payouts no longer match what was approved.
pub fn tampered_runs(conn: &Connection) -> Result<Vec<i64>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM payout_runs WHERE status = 'approved' ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for id in ids {
        if !intact(conn, id)? {
            out.push(id);
        }
    }
    Ok(out)
}

/// Whether approved run `run_id`'s payouts are as approved: by the payouts
/// fingerprint when the run has one, else by the full one while no payout
/// has failed (a failure changes what the full one covers).
fn intact(conn: &Connection, run_id: i64) -> Result<bool> {
    let (stored, payouts, failed): (Option<String>, Option<String>, i64) = conn.query_row(
        "SELECT r.fingerprint, r.payouts_fingerprint,
                (SELECT count(*) FROM payouts p WHERE p.run_id = r.id AND p.status = 'failed')
           FROM payout_runs r WHERE r.id = ?1",
        [run_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    match (payouts, stored) {
        (Some(expected), _) => {
            // The payouts alone: the commissions they settle are not read.
            let mut h = Sha256::new();
            hash_payouts(conn, run_id, &mut h)?;
            Ok(hex(&h.finalize()) == expected)
        }
        (None, Some(full)) if failed == 0 => Ok(fingerprint_of(conn, run_id)? == full),
        _ => Ok(true),
    }
}

/// Whether an approved run still matches the fingerprint it was approved
/// with. Paying changes statuses, not the fingerprinted facts; a failed
/// payout gives its commissions back to the balance, so a run with one can
/// only be checked against the fingerprint printed on its statements.
pub fn verify(book: &Book, run_id: i64) -> Result<bool> {
    let run = get_run_in(book.conn(), run_id)?;
    let stored = run.fingerprint.ok_or_else(|| {
        PayoutError::conflict(
            "run",
            format!("run #{run_id} is not approved: it has no fingerprint yet"),
        )
    })?;
    if run.settled_failed > 0 {
        // The failed payouts' commissions went back to the balance: only the
        // payouts can be checked, by their own fingerprint.
        return intact(book.conn(), run_id);
    }
    // The full fingerprint hashes the payouts first: matching it, they match too.
    Ok(fingerprint_of(book.conn(), run_id)? == stored)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
