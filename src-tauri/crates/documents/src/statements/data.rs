//! What one statement says, read from a payout of an approved run: the
//! letterhead, the partner, every line it pays with how it was reached,
//! adjustments with their reasons, the carried balance, what was sent and
//! how, the year to date, and the run's fingerprint. Only locked facts are
//! read, so a statement written again is the same statement.

use crate::error::Result;
use partnerbook_book::money::rate::format_percent;
use partnerbook_book::money::{Currency, Money};
use partnerbook_partners::payout_method::mask_account;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::self_billing::invoice_label;
use partnerbook_payouts::{statement_head, PayoutStatus, StatementHead};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Letterhead {
    pub business_name: String,
    pub address: String,
    pub tax_id: String,
    pub program_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementLine {
    /// "YYYY-MM-DD": the sale's day, or the day a bonus fell due.
    pub date: String,
    /// The customer's reference in the shop, else the sale's own id.
    pub reference: String,
    pub product: String,
    /// What the line is: "Sale", "Renewal", "Second tier", "Bonus", "Refund"…
    pub what: String,
    pub sale: Option<Money>,
    /// "30%", "5.00 EUR", "10% + 2.00 EUR", or "" when not a rate.
    pub rate: String,
    pub commission: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementAdjustment {
    pub kind: String,
    pub reason: String,
    pub amount: Money,
}

/// A statement that is a self-billing invoice (EU): numbered in the book's
/// one sequence at approval, with the reverse charge where it applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SelfBilling {
    /// "SB-000042".
    pub invoice_number: String,
    pub reverse_charge: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Statement {
    /// "R3-00042": the run and the payout, unique in the book.
    pub number: String,
    /// The day the run was approved.
    pub issued_on: String,
    /// The day after the previous approved run's cut-off, if any.
    pub period_from: Option<String>,
    pub period_to: String,
    /// The latest sale paid for, and the hold that kept later ones for a
    /// later run.
    pub sales_to: Option<String>,
    pub hold_days: u32,
    pub letterhead: Letterhead,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_company: String,
    /// Their postal address, one line per line.
    pub partner_address: String,
    pub partner_email: String,
    pub partner_country: String,
    /// Their VAT or tax id, when they gave one.
    pub partner_tax_id: String,
    /// Set when the run was approved with self-billing on.
    pub self_billing: Option<SelfBilling>,
    pub lines: Vec<StatementLine>,
    pub adjustments: Vec<StatementAdjustment>,
    pub commissions: Money,
    pub clawbacks: Money,
    pub carried: Money,
    pub adjustments_total: Money,
    pub balance: Money,
    /// What was sent, in the payout currency, and the rate used.
    pub paid: Money,
    pub fx_rate: Option<String>,
    /// "PayPal ma…@example.com", "Bank transfer …7789".
    pub method: String,
    pub ytd_earned: Money,
    pub ytd_paid: Money,
    pub fingerprint: String,
    pub run_id: i64,
    pub payout_id: i64,
    pub status: PayoutStatus,
}

/// The statement of payout `payout_id` (of an approved run).
pub fn read(conn: &Connection, payout_id: i64) -> Result<Statement> {
    from_head(conn, statement_head(conn, payout_id)?)
}

/// The rest of a statement, after its head.
pub fn from_head(conn: &Connection, head: StatementHead) -> Result<Statement> {
    let payout_id = head.payout_id;
    let currency = head.currency;
    let money = |minor: i64| Money::new(minor, currency);
    let letterhead = conn.query_row(
        "SELECT business_name, address, tax_id, program_name FROM program WHERE id = 1",
        [],
        |r| {
            Ok(Letterhead {
                business_name: r.get(0)?,
                address: r.get(1)?,
                tax_id: r.get(2)?,
                program_name: r.get(3)?,
            })
        },
    )?;
    type Payee = (
        String,
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        i64,
        i64,
        Option<String>,
        String,
        String,
    );
    // The payee as frozen when the run was approved, not as they are today.
    let (name, company, address, email, country, tax_id, commissions, clawbacks, carried, adjustments_total, balance, fx_rate, method, account): Payee =
        conn.query_row(
            "SELECT payee_name, payee_company, payee_address, payee_email, payee_country, payee_tax_id,
                    commissions_minor, clawbacks_minor, carried_minor, adjustments_minor, balance_minor, fx_rate,
                    method, account
               FROM payouts WHERE id = ?1",
            [payout_id],
            |r| r.try_into(),
        )?;
    let method_label = PayoutMethod::parse(&method)
        .map(partnerbook_partners::payout_method::method_name)
        .unwrap_or("Other");
    let year = head.issued_on.chars().take(4).collect::<String>();
    let (ytd_earned, ytd_paid): (i64, i64) = conn.query_row(
        "SELECT
            (SELECT coalesce(sum(amount_minor), 0) FROM commissions
              WHERE partner_id = ?1 AND state IN ('approved', 'in_payout', 'paid') AND amount_minor IS NOT NULL
                AND substr(due_on, 1, 4) = ?2 AND due_on <= ?3),
            (SELECT coalesce(sum(p.balance_minor), 0) FROM payouts p JOIN payout_runs r ON r.id = p.run_id
              WHERE p.partner_id = ?1 AND r.status = 'approved' AND p.status IN ('pending', 'paid')
                AND substr(r.approved_at, 1, 4) = ?2 AND r.id <= ?4)",
        rusqlite::params![head.partner_id, year, head.period_to, head.run_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Statement {
        sales_to: head.sales_to,
        hold_days: head.hold_days,
        number: head.number,
        issued_on: head.issued_on,
        period_from: head.period_from,
        period_to: head.period_to,
        letterhead,
        partner_id: head.partner_id,
        partner_name: name,
        partner_company: company,
        partner_address: address,
        partner_email: email,
        partner_country: country,
        partner_tax_id: tax_id,
        self_billing: self_billing(conn, payout_id)?,
        lines: lines(conn, payout_id, currency)?,
        adjustments: adjustments(conn, payout_id)?,
        commissions: money(commissions),
        clawbacks: money(clawbacks),
        carried: money(carried),
        adjustments_total: money(adjustments_total),
        balance: money(balance),
        paid: head.paid,
        fx_rate,
        method: format!("{method_label} {}", mask_account(&account))
            .trim()
            .to_string(),
        ytd_earned: money(ytd_earned),
        ytd_paid: money(ytd_paid),
        fingerprint: head.fingerprint,
        run_id: head.run_id,
        payout_id,
        status: head.status,
    })
}

fn self_billing(conn: &Connection, payout_id: i64) -> Result<Option<SelfBilling>> {
    let (number, reverse_charge): (Option<i64>, bool) = conn.query_row(
        "SELECT invoice_number, reverse_charge FROM payouts WHERE id = ?1",
        [payout_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(number.map(|n| SelfBilling {
        invoice_number: invoice_label(n),
        reverse_charge,
    }))
}

fn lines(conn: &Connection, payout_id: i64, currency: Currency) -> Result<Vec<StatementLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.kind, k.due_on, c.occurred_at, c.external_id, cu.external_id, c.product, c.kind,
                k.base_minor, k.base_currency, k.rate, k.flat_minor, k.amount_minor
           FROM commissions k
           LEFT JOIN conversions c ON c.id = k.conversion_id
           LEFT JOIN customers cu ON cu.id = c.customer_id
          WHERE k.payout_id = ?1
          ORDER BY coalesce(c.occurred_at, k.due_on), k.id",
    )?;
    type Raw = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<i64>,
        i64,
    );
    let raw: Vec<Raw> = stmt
        .query_map([payout_id], |r| r.try_into())?
        .collect::<rusqlite::Result<_>>()?;
    raw.into_iter()
        .map(
            |(
                kind,
                due_on,
                occurred,
                external,
                customer,
                product,
                conversion_kind,
                base,
                base_currency,
                rate,
                flat,
                amount,
            )| {
                let base_currency = base_currency
                    .as_deref()
                    .map(Currency::from_code)
                    .transpose()?;
                let sale = base.zip(base_currency).map(|(m, c)| Money::new(m, c));
                let rate = rate_text(rate.as_deref(), flat.zip(base_currency));
                Ok(StatementLine {
                    date: occurred.unwrap_or(due_on).chars().take(10).collect(),
                    reference: customer.or(external).unwrap_or_default(),
                    product: product.unwrap_or_default(),
                    what: what(&kind, conversion_kind.as_deref()).to_string(),
                    sale: if matches!(kind.as_str(), "reversal" | "clawback") {
                        None
                    } else {
                        sale
                    },
                    rate: if matches!(kind.as_str(), "reversal" | "clawback") {
                        String::new()
                    } else {
                        rate
                    },
                    commission: Money::new(amount, currency),
                })
            },
        )
        .collect()
}

fn rate_text(rate: Option<&str>, flat: Option<(i64, Currency)>) -> String {
    let pct = rate
        .and_then(|r| Decimal::from_str(r).ok())
        .filter(|r| !r.is_zero())
        .map(format_percent);
    let flat = flat
        .filter(|(m, _)| *m != 0)
        .map(|(m, c)| Money::new(m, c).to_string());
    match (pct, flat) {
        (Some(p), Some(f)) => format!("{p} + {f}"),
        (Some(p), None) => p,
        (None, Some(f)) => f,
        (None, None) => String::new(),
    }
}

fn what(kind: &str, conversion: Option<&str>) -> &'static str {
    match (kind, conversion) {
        ("two_tier", _) => "Second tier",
        ("bonus", _) => "Bonus",
        // A won dispute gives back what its chargeback took.
        ("reversal" | "clawback", Some("chargeback_reversal")) => "Dispute won",
        ("reversal", Some("chargeback")) => "Chargeback",
        ("reversal", _) => "Refund",
        ("clawback", _) => "Clawback",
        (_, Some("recurring")) => "Renewal",
        (_, Some("sale")) => "Sale",
        (_, Some("lead")) => "Lead",
        (_, Some("signup")) => "Signup",
        (_, Some("trial")) => "Trial",
        (_, Some("click")) => "Clicks",
        _ => "Commission",
    }
}

fn adjustments(conn: &Connection, payout_id: i64) -> Result<Vec<StatementAdjustment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, reason, amount_minor, currency FROM payout_adjustments WHERE payout_id = ?1 ORDER BY id",
    )?;
    let raw: Vec<(String, String, i64, String)> = stmt
        .query_map([payout_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    raw.into_iter()
        .map(|(kind, reason, minor, currency)| {
            Ok(StatementAdjustment {
                kind,
                reason,
                amount: Money::new(minor, Currency::from_code(&currency)?),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::what;

    #[test]
    fn a_line_says_what_it_is_for() {
        assert_eq!(what("commission", Some("sale")), "Sale");
        assert_eq!(what("reversal", Some("refund")), "Refund");
        assert_eq!(what("reversal", Some("chargeback")), "Chargeback");
        assert_eq!(what("clawback", Some("refund")), "Clawback");
        // What a won dispute gives back, before payment or after.
        assert_eq!(what("reversal", Some("chargeback_reversal")), "Dispute won");
        assert_eq!(what("clawback", Some("chargeback_reversal")), "Dispute won");
    }
}
