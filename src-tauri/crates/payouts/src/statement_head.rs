//! The head of a paid payout's statement: its number, the period its run
//! closes, what was sent and the run's fingerprint. Statements and the
//! placeholders of their emails both read it here, so both say the same.

use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{PayoutStatus, RunStatus};
use partnerbook_book::money::{Currency, Money};
use rusqlite::{Connection, OptionalExtension};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementHead {
    pub run_id: i64,
    pub payout_id: i64,
    pub partner_id: i64,
    /// "R3-00042": the run and the payout, unique in the book.
    pub number: String,
    /// The day the run was approved.
    pub issued_on: String,
    /// The day after the previous approved run's cut-off, if any.
    pub period_from: Option<String>,
    pub period_to: String,
    /// The latest sale the payout pays commission on: with the hold period,
    /// a run through 30 November pays October's sales, and says so.
    pub sales_to: Option<String>,
    pub hold_days: u32,
    /// The run's currency: commissions and balances are in it.
    pub currency: Currency,
    /// What was sent, in the payout currency.
    pub paid: Money,
    pub fingerprint: String,
    pub status: PayoutStatus,
}

impl StatementHead {
    /// Which sales the payout pays for, in words: "sales up to 2026-10-31,
    /// after the 30-day hold"; None when it pays no sale (adjustments only).
    pub fn sales_text(&self) -> Option<String> {
        let to = self.sales_to.as_ref()?;
        Some(match self.hold_days {
            0 => format!("sales up to {to}"),
            days => format!("sales up to {to}, after the {days}-day hold"),
        })
    }
}

pub fn statement_number(run_id: i64, payout_id: i64) -> String {
    format!("R{run_id}-{payout_id:05}")
}

/// The head of payout `payout_id`'s statement; refused unless an approved
/// run pays it.
pub fn statement_head(conn: &Connection, payout_id: i64) -> Result<StatementHead> {
    type Row = (
        i64,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        RunStatus,
        PayoutStatus,
        Option<i64>,
        String,
    );
    let (run_id, partner_id, through, currency, approved_at, fingerprint, run_status, status, pay, pay_currency): Row = conn
        .query_row(
            "SELECT r.id, p.partner_id, r.through, r.currency, r.approved_at, r.fingerprint, r.status, p.status,
                    p.pay_minor, p.pay_currency
               FROM payouts p JOIN payout_runs r ON r.id = p.run_id WHERE p.id = ?1",
            [payout_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?)),
        )
        .optional()?
        .ok_or_else(|| PayoutError::not_found(format!("payout #{payout_id}")))?;
    if run_status != RunStatus::Approved || status == PayoutStatus::Held {
        return Err(PayoutError::conflict(
            "payout",
            format!("payout #{payout_id} is not paid by an approved run: statements come after approval"),
        ));
    }
    let issued_on = approved_at
        .as_deref()
        .unwrap_or("")
        .chars()
        .take(10)
        .collect::<String>();
    let previous: Option<String> = conn.query_row(
        "SELECT max(through) FROM payout_runs WHERE status = 'approved' AND id < ?1 AND through < ?2",
        rusqlite::params![run_id, through],
        |r| r.get(0),
    )?;
    let period_from = previous
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map(|d| (d + chrono::Duration::days(1)).to_string());
    let sales_to: Option<String> = conn.query_row(
        "SELECT substr(max(c.occurred_at), 1, 10) FROM commissions k JOIN conversions c ON c.id = k.conversion_id
          WHERE k.payout_id = ?1 AND k.kind IN ('commission', 'two_tier')",
        [payout_id],
        |r| r.get(0),
    )?;
    let hold_days = partnerbook_book::settings::get(conn)?.hold_days;
    Ok(StatementHead {
        run_id,
        sales_to,
        hold_days,
        payout_id,
        partner_id,
        number: statement_number(run_id, payout_id),
        issued_on,
        period_from,
        period_to: through,
        currency: Currency::from_code(&currency)?,
        paid: Money::new(pay.unwrap_or(0), Currency::from_code(&pay_currency)?),
        fingerprint: fingerprint.unwrap_or_default(),
        status,
    })
}
