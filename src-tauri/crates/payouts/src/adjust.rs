//! What the manager decides by hand: adjustments with a reason, a hold on a
//! partner's payouts, and the account payouts are sent from.

use super::build::{build_in, draft, release_partner};
use super::settle::required;
use crate::error::{ErrorExt, PayoutError, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings;
use partnerbook_book::text_enum;
use partnerbook_book::time::now;
use partnerbook_book::validate;
use partnerbook_book::Book;
use partnerbook_partners::timeline::{self, ActivityKind};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum!(
    /// Bonus (> 0), clawback (< 0) or a correction either way.
    AdjustmentKind { Bonus = "bonus", Correction = "correction", Clawback = "clawback" }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Adjustment {
    pub id: i64,
    pub partner_id: i64,
    pub kind: AdjustmentKind,
    pub amount: Money,
    pub reason: String,
    pub payout_id: Option<i64>,
    pub created_at: String,
}

/// Adds an adjustment for a partner while `run_id` is a draft, and rebuilds
/// the partner's line so the preview shows it at once. `kind` None means
/// bonus for a positive amount and clawback for a negative one.
pub fn add_adjustment(
    book: &mut Book,
    run_id: i64,
    partner_id: i64,
    amount: &str,
    kind: Option<AdjustmentKind>,
    reason: &str,
    actor: Actor,
) -> Result<Adjustment> {
    let reason = required(
        reason,
        "reason",
        "say why: adjustments always carry a reason",
    )?;
    let tx = book.transaction()?;
    let day = draft(&tx, run_id)?;
    let settings = settings::get(&tx)?;
    let amount = Money::parse(amount, settings.base_currency)?;
    if amount.minor == 0 {
        return Err(PayoutError::invalid(
            "amount",
            "an adjustment of zero changes nothing",
        ));
    }
    let kind = kind.unwrap_or(if amount.minor > 0 {
        AdjustmentKind::Bonus
    } else {
        AdjustmentKind::Clawback
    });
    match kind {
        AdjustmentKind::Bonus if amount.minor < 0 => {
            return Err(PayoutError::invalid(
                "amount",
                "a bonus is a positive amount",
            ))
        }
        AdjustmentKind::Clawback if amount.minor > 0 => {
            return Err(PayoutError::invalid(
                "amount",
                "a clawback is a negative amount",
            ))
        }
        _ => {}
    }
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM partners WHERE id = ?1)",
        [partner_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(PayoutError::not_found(format!("partner #{partner_id}")));
    }
    tx.execute(
        "INSERT INTO payout_adjustments (partner_id, kind, amount_minor, currency, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![partner_id, kind, amount.minor, amount.currency.code(), reason, now()],
    )?;
    let id = tx.last_insert_rowid();
    release_partner(&tx, run_id, partner_id)?;
    build_in(&tx, run_id, day, &settings, Some(partner_id), &Quiet)?;
    let adjustment = get_in(&tx, id)?;
    audit::record(
        &tx,
        actor,
        "payout_adjustment",
        Some(id),
        "create",
        None,
        Some(&audit::to_json(&adjustment)),
    )?;
    tx.commit()?;
    Ok(adjustment)
}

/// Removes an adjustment not yet paid, and rebuilds its partner's line.
pub fn remove_adjustment(book: &mut Book, run_id: i64, id: i64, actor: Actor) -> Result<()> {
    let tx = book.transaction()?;
    let day = draft(&tx, run_id)?;
    let settings = settings::get(&tx)?;
    let before = get_in(&tx, id)?;
    release_partner(&tx, run_id, before.partner_id)?;
    let gone = tx.execute(
        "DELETE FROM payout_adjustments WHERE id = ?1 AND payout_id IS NULL",
        [id],
    )?;
    if gone == 0 {
        return Err(PayoutError::conflict(
            "adjustment",
            format!("adjustment #{id} was settled by an earlier payout and is kept"),
        ));
    }
    build_in(&tx, run_id, day, &settings, Some(before.partner_id), &Quiet)?;
    audit::record(
        &tx,
        actor,
        "payout_adjustment",
        Some(id),
        "delete",
        Some(&audit::to_json(&before)),
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// The adjustments a run shows: those it settles and those still open.
pub fn adjustments(book: &Book, run_id: i64) -> Result<Vec<Adjustment>> {
    let ids: Vec<i64> = book
        .conn()
        .prepare(
            "SELECT a.id FROM payout_adjustments a LEFT JOIN payouts p ON p.id = a.payout_id
              WHERE p.run_id = ?1 OR a.payout_id IS NULL ORDER BY a.id",
        )?
        .query_map([run_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get_in(book.conn(), id)).collect()
}

fn get_in(conn: &rusqlite::Connection, id: i64) -> Result<Adjustment> {
    type RowData = (
        i64,
        i64,
        AdjustmentKind,
        i64,
        String,
        String,
        Option<i64>,
        String,
    );
    let (id, partner_id, kind, minor, currency, reason, payout_id, created_at): RowData = conn
        .query_row(
            "SELECT id, partner_id, kind, amount_minor, currency, reason, payout_id, created_at
               FROM payout_adjustments WHERE id = ?1",
            [id],
            |r| r.try_into(),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("adjustment #{id}")))?;
    Ok(Adjustment {
        id,
        partner_id,
        kind,
        amount: Money::new(minor, Currency::from_code(&currency)?),
        reason,
        payout_id,
        created_at,
    })
}

/// Puts a partner's payouts on hold (Some(reason)) or lifts the hold (None),
/// in the draft run too if there is one.
pub fn set_hold(
    book: &mut Book,
    partner_id: i64,
    reason: Option<&str>,
    actor: Actor,
) -> Result<()> {
    let reason = match reason {
        Some(r) => Some(required(r, "reason", "say why the payouts are held")?),
        None => None,
    };
    let tx = book.transaction()?;
    let before: Option<String> = tx
        .query_row(
            "SELECT payout_hold FROM partners WHERE id = ?1",
            [partner_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("partner #{partner_id}")))?;
    tx.execute(
        "UPDATE partners SET payout_hold = ?2 WHERE id = ?1",
        params![partner_id, reason],
    )?;
    let summary = match &reason {
        Some(why) => format!("Payouts held: {why}"),
        None => "Payouts no longer held".to_string(),
    };
    timeline::add(&tx, partner_id, ActivityKind::Status, actor, &summary, "")?;
    // A draft shows the change at once (the trigger marked the partner).
    super::refresh::refresh_in(&tx, actor)?;
    audit::record(
        &tx,
        actor,
        "partner",
        Some(partner_id),
        "payout_hold",
        Some(&serde_json::json!({ "payout_hold": before })),
        Some(&serde_json::json!({ "payout_hold": reason })),
    )?;
    tx.commit()?;
    Ok(())
}

/// The account payouts leave from: the SEPA file's debtor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Payer {
    /// The business name from the settings.
    pub name: String,
    pub iban: String,
    pub bic: String,
}

pub fn payer(book: &Book) -> Result<Payer> {
    payer_in(book.conn())
}

pub(super) fn payer_in(conn: &rusqlite::Connection) -> Result<Payer> {
    Ok(conn.query_row(
        "SELECT CASE WHEN business_name = '' THEN program_name ELSE business_name END, payer_iban, payer_bic
           FROM program WHERE id = 1",
        [],
        |r| Ok(Payer { name: r.get(0)?, iban: r.get(1)?, bic: r.get(2)? }),
    )?)
}

/// Sets the paying account, validated now (IBAN mod-97, BIC shape) rather
/// than when a file is written.
pub fn set_payer(book: &mut Book, iban: &str, bic: &str, actor: Actor) -> Result<Payer> {
    let iban = validate::iban(iban)?;
    let bic = if bic.trim().is_empty() {
        String::new()
    } else {
        validate::bic(bic)?
    };
    let tx = book.transaction()?;
    let before = payer_in(&tx)?;
    tx.execute(
        "UPDATE program SET payer_iban = ?1, payer_bic = ?2 WHERE id = 1",
        params![iban, bic],
    )?;
    let after = payer_in(&tx)?;
    audit::record_change(&tx, actor, "program", Some(1), &before, &after)?;
    tx.commit()?;
    Ok(after)
}
