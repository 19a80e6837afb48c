//! Building a draft run: one pass groups the approved commissions due by the
//! cut-off per partner, adds open adjustments, decides who is paid and why
//! not, converts to the payout currency, then claims what is paid.

use super::eligibility::{blockers, PayeeFacts};
use super::read;
use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{PayoutRun, RunStatus};
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money, Rounding};
use partnerbook_book::progress::Progress;
use partnerbook_book::settings::{self, ProgramSettings};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use partnerbook_ledger::{commissions, fx};
use partnerbook_partners::payout_method::mask_account;
use partnerbook_partners::PayoutMethod;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One partner's computed line, before it is written.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub partner_id: i64,
    pub payee_name: String,
    pub commissions: i64,
    pub clawbacks: i64,
    pub carried: i64,
    pub adjustments: i64,
    pub balance: i64,
    pub pay: Option<Money>,
    pub pay_currency: Currency,
    pub fx: Option<fx::FxRate>,
    pub facts: PayeeFacts,
    pub bic: String,
    pub blocked: Vec<String>,
}

/// Totals of a preview computed without writing (the bench's figure).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewTotals {
    pub partners: u32,
    pub paid: u32,
    pub total: Money,
}

/// Creates the draft run through `through` ("YYYY-MM-DD"): every partner
/// with a balance gets a line, paid or held with reasons. One draft at a time.
pub fn create(
    book: &mut Book,
    through: &str,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<PayoutRun> {
    let day = parse_day(through, "through")?;
    progress.update("Adding up balances", 0, 0);
    let tx = book.transaction()?;
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM payout_runs WHERE status = 'draft'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
    {
        return Err(PayoutError::conflict(
            "run",
            format!("run #{id} is still a draft: approve or discard it first"),
        ));
    }
    let settings = settings::get(&tx)?;
    tx.execute(
        "INSERT INTO payout_runs (through, currency, status, created_at) VALUES (?1, ?2, 'draft', ?3)",
        params![day.to_string(), settings.base_currency.code(), now()],
    )?;
    let run_id = tx.last_insert_rowid();
    build_in(&tx, run_id, day, &settings, None, progress)?;
    progress.check()?;
    let run = read::get_run_in(&tx, run_id)?;
    audit::record(
        &tx,
        actor,
        "payout_run",
        Some(run_id),
        "create",
        None,
        Some(&audit::to_json(&run)),
    )?;
    tx.commit()?;
    Ok(run)
}

/// What a draft through `through` would hold, computed without writing.
pub fn preview_totals(book: &Book, through: &str) -> Result<PreviewTotals> {
    let day = parse_day(through, "through")?;
    let settings = settings::get(book.conn())?;
    let rows = compute_rows(book.conn(), day, &settings, None)?;
    let paid: Vec<&Row> = rows.iter().filter(|r| r.blocked.is_empty()).collect();
    Ok(PreviewTotals {
        partners: rows.len() as u32,
        paid: paid.len() as u32,
        total: Money::new(paid.iter().map(|r| r.balance).sum(), settings.base_currency),
    })
}

/// (Re)builds the lines of draft `run_id`: all partners, or one.
pub(super) fn build_in(
    conn: &Connection,
    run_id: i64,
    day: NaiveDate,
    settings: &ProgramSettings,
    partner: Option<i64>,
    progress: &dyn Progress,
) -> Result<()> {
    let rows = compute_rows(conn, day, settings, partner)?;
    progress.check()?;
    let total = rows.len() as u64;
    let mut insert = conn.prepare_cached(
        "INSERT INTO payouts (run_id, partner_id, commissions_minor, clawbacks_minor, carried_minor,
            adjustments_minor, balance_minor, pay_minor, pay_currency, fx_rate, fx_source, payee_name,
            method, account, bic, blocked, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for (i, r) in rows.iter().enumerate() {
        if i % 1000 == 0 {
            progress.update("Writing partner lines", i as u64, total);
            progress.check()?;
        }
        let blocked = (!r.blocked.is_empty()).then(|| crate::model::blocked_text(&r.blocked));
        insert.execute(params![
            run_id,
            r.partner_id,
            r.commissions,
            r.clawbacks,
            r.carried,
            r.adjustments,
            r.balance,
            r.pay.map(|m| m.minor),
            r.pay_currency.code(),
            r.fx.as_ref().map(|f| f.rate.to_string()),
            r.fx.as_ref().map(|f| f.source.clone()),
            r.payee_name,
            r.facts.method.as_str(),
            r.facts.account(),
            r.bic,
            blocked,
            if r.blocked.is_empty() {
                "draft"
            } else {
                "held"
            },
        ])?;
    }
    // Claim what the paid lines count: the same filter as the grouping.
    progress.update("Claiming commissions", total, total);
    let stamp = now();
    commissions::state::claim(conn, run_id, &day.to_string(), partner, &stamp)?;
    conn.execute(
        "UPDATE payout_adjustments
            SET payout_id = (SELECT p.id FROM payouts p WHERE p.run_id = ?1 AND p.partner_id = payout_adjustments.partner_id)
          WHERE payout_id IS NULL
            AND partner_id IN (SELECT partner_id FROM payouts WHERE run_id = ?1 AND status = 'draft'
                                AND (?2 IS NULL OR partner_id = ?2))",
        params![run_id, partner],
    )?;
    Ok(())
}

/// Gives back what one partner's line in draft `run_id` claimed and removes
/// the line, so it can be built again.
pub(super) fn release_partner(conn: &Connection, run_id: i64, partner_id: i64) -> Result<()> {
    let payout: Option<i64> = conn
        .query_row(
            "SELECT id FROM payouts WHERE run_id = ?1 AND partner_id = ?2",
            params![run_id, partner_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = payout {
        release(conn, &[id])?;
        conn.execute("DELETE FROM payouts WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// Commissions back to approved and adjustments back to open.
pub(super) fn release(conn: &Connection, payout_ids: &[i64]) -> Result<()> {
    let stamp = now();
    for id in payout_ids {
        commissions::state::release(conn, *id, &stamp)?;
        conn.prepare_cached("UPDATE payout_adjustments SET payout_id = NULL WHERE payout_id = ?1")?
            .execute([id])?;
    }
    Ok(())
}

pub(super) fn compute_rows(
    conn: &Connection,
    day: NaiveDate,
    settings: &ProgramSettings,
    partner: Option<i64>,
) -> Result<Vec<Row>> {
    let through = day.to_string();
    let previous: String = conn.query_row(
        "SELECT coalesce(max(through), '') FROM payout_runs WHERE status = 'approved' AND through <= ?1",
        [&through],
        |r| r.get(0),
    )?;
    // partner → (commissions, clawbacks, carried, adjustments)
    let mut sums: BTreeMap<i64, [i64; 4]> = BTreeMap::new();
    // What the run claims: the same lines `commissions::state::claim` takes.
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT partner_id,
                sum(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END),
                sum(CASE WHEN amount_minor < 0 THEN amount_minor ELSE 0 END),
                sum(CASE WHEN due_on <= ?2 THEN amount_minor ELSE 0 END)
           FROM commissions
          WHERE state = 'approved' AND due_on <= ?1 AND (?3 IS NULL OR partner_id = ?3) AND ",
        partnerbook_book::not_held_by_risk!(),
        " GROUP BY partner_id"
    ))?;
    let mut rows = stmt.query(params![through, previous, partner])?;
    while let Some(r) = rows.next()? {
        sums.insert(r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, 0]);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, sum(amount_minor) FROM payout_adjustments
          WHERE payout_id IS NULL AND (?1 IS NULL OR partner_id = ?1) GROUP BY partner_id",
    )?;
    let mut rows = stmt.query(params![partner])?;
    while let Some(r) = rows.next()? {
        sums.entry(r.get(0)?).or_insert([0; 4])[3] = r.get(1)?;
    }
    let facts = payees(conn, partner)?;
    let sharers = sharers(conn, partner)?;
    // Each currency's rate, looked up once; a missing one blocks, a failing lookup is an error.
    let mut rates: HashMap<Currency, Option<fx::FxRate>> = HashMap::new();
    let base = settings.base_currency;
    let mut out = Vec::with_capacity(sums.len());
    for (partner_id, [commissions, clawbacks, carried, adjustments]) in sums {
        let Some((name, pay_currency, bic, f)) = facts.get(&partner_id) else {
            continue;
        };
        let balance = commissions + clawbacks + adjustments;
        let rate = match rates.get(pay_currency) {
            Some(known) => known.clone(),
            None => {
                let found = fx::lookup(conn, day, base, *pay_currency)?;
                rates.insert(*pay_currency, found.clone());
                found
            }
        };
        let missing = rate
            .is_none()
            .then(|| format!("no {base}→{pay_currency} exchange rate on or before {day}"));
        let mut blocked = blockers(
            f,
            Money::new(balance, base),
            settings.minimum_payout,
            day,
            missing.as_deref(),
        );
        let account = match f.method {
            PayoutMethod::Paypal | PayoutMethod::Wise | PayoutMethod::Iban => {
                f.account().trim().to_lowercase()
            }
            PayoutMethod::Other | PayoutMethod::None => String::new(),
        };
        let others: Vec<String> = sharers
            .get(&account)
            .into_iter()
            .flatten()
            .filter(|(id, _)| *id != partner_id)
            .map(|(id, name)| format!("{name} (#{id})"))
            .collect();
        if !account.is_empty() && !others.is_empty() {
            blocked.push(format!(
                "payout account {} is also on {}: correct it, or hold one of them to pay the other",
                mask_account(&account),
                others.join(", ")
            ));
        }
        let pay = match (&rate, blocked.is_empty()) {
            (Some(rate), true) => Some(convert(
                balance,
                base,
                rate,
                *pay_currency,
                settings.rounding,
            )?),
            _ => None,
        };
        // PayPal takes no decimals in some currencies: round as a conversion does.
        let pay = match pay {
            Some(m)
                if f.method == PayoutMethod::Paypal
                    && crate::files::paypal::WHOLE_UNITS.contains(&m.currency.code()) =>
            {
                Some(Money::from_decimal(
                    settings.rounding.round_to_integer(m.to_decimal()),
                    m.currency,
                    settings.rounding,
                )?)
            }
            other => other,
        };
        out.push(Row {
            partner_id,
            payee_name: name.clone(),
            commissions,
            clawbacks,
            carried,
            adjustments,
            balance,
            // A conversion can round a tiny balance to nothing: not paid then.
            blocked: match pay {
                Some(m) if m.minor <= 0 => vec![format!(
                    "{} rounds to nothing in {pay_currency}",
                    Money::new(balance, base)
                )],
                _ => blocked,
            },
            pay: pay.filter(|m| m.minor > 0),
            pay_currency: *pay_currency,
            fx: rate.filter(|_| *pay_currency != base),
            facts: f.clone(),
            bic: bic.clone(),
        });
    }
    Ok(out)
}

fn convert(
    minor: i64,
    from: Currency,
    rate: &fx::FxRate,
    to: Currency,
    rounding: Rounding,
) -> Result<Money> {
    if from == to {
        return Ok(Money::new(minor, to));
    }
    Ok(Money::from_decimal(
        Money::new(minor, from).to_decimal() * rate.rate,
        to,
        rounding,
    )?)
}

/// A partner's payout account as the draft stores it.
pub const ACCOUNT: &str = "CASE payout_method WHEN 'iban' THEN iban WHEN 'other' THEN payout_other
    WHEN 'none' THEN '' WHEN 'wise' THEN CASE WHEN iban <> '' THEN iban ELSE payout_email END
    ELSE payout_email END";

/// Active partners not on hold, by payout account (trimmed, lower case):
/// one account on two of them is one person paid twice, or a typo paying a
/// stranger, so neither is paid until it is corrected or one is held. Only
/// emails and IBANs name an account; "other" is instructions ("cheque to
/// the office"), which many partners may share.
fn sharers(conn: &Connection, partner: Option<i64>) -> Result<HashMap<String, Vec<(i64, String)>>> {
    let sql = format!(
        "SELECT id, name, lower(trim({ACCOUNT})) FROM partners
          WHERE status = 'active' AND payout_hold IS NULL AND payout_method IN ('paypal', 'wise', 'iban')
            AND (?1 IS NULL OR lower(trim({ACCOUNT})) = (SELECT lower(trim({ACCOUNT})) FROM partners WHERE id = ?1))"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([partner])?;
    let mut out: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let account: String = r.get(2)?;
        if !account.is_empty() {
            out.entry(account).or_default().push((r.get(0)?, r.get(1)?));
        }
    }
    Ok(out)
}

type Payee = (String, Currency, String, PayeeFacts);

fn payees(conn: &Connection, partner: Option<i64>) -> Result<HashMap<i64, Payee>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, status, payout_method, payout_email, iban, bic, payout_other, payout_currency,
                tax_status, tax_form_expires, terms_version, payout_hold, welcome_sent_at IS NOT NULL
           FROM partners WHERE (?1 IS NULL OR id = ?1)",
    )?;
    let current_terms = partnerbook_partners::onboarding::terms::current(conn)?;
    let mut rows = stmt.query([partner])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let currency: String = r.get(8)?;
        let facts = PayeeFacts {
            status: r.get(2)?,
            method: r.get(3)?,
            email: r.get(4)?,
            iban: r.get(5)?,
            other: r.get(7)?,
            tax_status: r.get(9)?,
            tax_form_expires: r.get(10)?,
            terms_version: r.get(11)?,
            current_terms: current_terms.clone(),
            welcome_sent: r.get(13)?,
            hold: r.get(12)?,
        };
        out.insert(
            r.get(0)?,
            (r.get(1)?, Currency::from_code(&currency)?, r.get(6)?, facts),
        );
    }
    Ok(out)
}

pub(super) fn parse_day(text: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        PayoutError::invalid(field, format!("\"{text}\" is not a date like 2026-11-30"))
    })
}

/// The draft run's id and cut-off, or why it cannot change.
pub(super) fn draft(conn: &Connection, run_id: i64) -> Result<NaiveDate> {
    let (status, through): (RunStatus, String) = conn
        .query_row(
            "SELECT status, through FROM payout_runs WHERE id = ?1",
            [run_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("payout run #{run_id}")))?;
    if status != RunStatus::Draft {
        return Err(PayoutError::conflict(
            "run",
            format!(
                "run #{run_id} is {}; only a draft can change",
                status.as_str()
            ),
        ));
    }
    parse_day(&through, "through")
}
