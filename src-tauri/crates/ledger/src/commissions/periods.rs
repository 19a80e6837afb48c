//! A partner's month as a whole. Tiered commissions and target bonuses
//! depend on what the month's sales came to, net of refunds of those sales,
//! which is known only once its last sale or refund is in. Lines are written
//! one conversion at a time as they arrive; this trues each month up with
//! adjustment lines for the difference, never by rewriting a line, so paid
//! lines stay frozen and a month's total does not depend on the order its
//! sales and refunds arrived in.
//!
//! Each line is valued again as it would have been written at the month's
//! final band (band tiers) or slices (marginal tiers), rounded per line as
//! the engine rounds it, less its refunds by the same pro-rata rule; the
//! adjustment is the difference of the sums, so a month that arrived in
//! order gets none.

use super::compute::{self, given_back};
use super::context::Context;
use super::month;
use crate::error::Result;
use crate::plans::compile::Pays;
use crate::plans::{self, Measure, RuleKind, TierMode};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::time::{now, parse_stamp};
use rusqlite::{params, Connection};
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::BTreeSet;
use std::str::FromStr;

/// One commission line of a tiered rule in the month, as the true-up (and
/// the what-if) needs it.
pub(crate) struct PeriodLine {
    pub amount: i64,
    /// The sale's value in the base currency (major units) at its FX rate.
    pub value: Decimal,
    pub sale_minor: i64,
    pub refunded_minor: i64,
    /// What reversals and clawbacks already gave back (negative).
    pub given: i64,
    pub due_on: String,
    pub at: String,
}

/// Whether any plan version of the book pays by tiers; a book without one
/// has no month to true up for them, and a run skips the look.
pub(crate) fn book_has_tiers(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare("SELECT id FROM plan_versions")?;
    let versions: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for version in versions {
        if plans::rules_of(conn, version)?
            .iter()
            .any(|rule| matches!(rule.kind, RuleKind::Tiered { .. }))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Writes the adjustment lines partner `partner_id`'s month needs; returns
/// how many.
pub(crate) fn true_up(
    conn: &Connection,
    ctx: &mut Context,
    partner_id: i64,
    year: i32,
    month: u32,
) -> Result<u64> {
    let period = format!("{year:04}-{month:02}");
    let (start, end) = month::bounds(year, month);
    let mut written = 0;
    for (version, rule_id) in rules_of_month(conn, partner_id, (&start, &end), &period)? {
        // Most rules are not tiered: their lines (with refunds) are not read.
        let Some((mode, measure, tiers)) = tiered(ctx, version, &rule_id)? else {
            continue;
        };
        let lines = period_lines(conn, partner_id, (&start, &end), version, &rule_id)?;
        let key = format!("tier:{version}:{rule_id}:{period}");
        let (had_adjusted, seen, adjusted_due) = adjustments(conn, partner_id, &key)?;
        let (target, band) = revalue(
            ctx,
            partner_id,
            (year, month),
            mode,
            measure,
            &tiers,
            &lines,
        )?;
        let had: i64 = lines.iter().map(|l| l.amount + l.given).sum::<i64>() + had_adjusted;
        let difference = target - had;
        if difference == 0 {
            continue;
        }
        let due = lines
            .iter()
            .map(|l| l.due_on.as_str())
            .chain(adjusted_due.as_deref())
            .max()
            .unwrap_or_default()
            .to_string();
        let (revenue, count) = ctx.month_total(partner_id, year, month)?;
        let detail = json!({
            "period": period, "mode": mode, "measure": measure,
            "revenue": revenue.normalize().to_string(), "count": count,
            "band_from": band.map(|(from, _)| from), "band_rate": band.map(|(_, rate)| rate.normalize().to_string()),
            "target": target, "had": had, "latest_sale": lines.last().map(|l| l.at.clone()),
        });
        let adjustment = Adjustment {
            partner_id,
            version_id: Some(version),
            rule_id: &rule_id,
            due: &due,
            detail,
        };
        insert_adjustment(
            conn,
            ctx,
            &format!("{key}:{}", seen + 1),
            difference,
            &adjustment,
        )?;
        written += 1;
    }
    Ok(written)
}

type Tiers = (TierMode, Measure, Vec<(i64, Decimal)>);

/// The tiers of a (version, rule), when that rule pays by tiers.
fn tiered(ctx: &mut Context, version: i64, rule_id: &str) -> Result<Option<Tiers>> {
    let rules = ctx.version_rules(version)?;
    Ok(rules
        .iter()
        .find(|r| r.id == rule_id)
        .and_then(|r| match &r.pays {
            Pays::Tiered {
                mode,
                measure,
                tiers,
            } => Some((*mode, *measure, tiers.clone())),
            _ => None,
        }))
}

/// The (version, rule) pairs the partner's direct lines of the month were
/// written under, and those of the month's earlier tier adjustments (a
/// month whose lines were all reversed may still hold some).
fn rules_of_month(
    conn: &Connection,
    partner_id: i64,
    (start, end): (&str, &str),
    period: &str,
) -> Result<BTreeSet<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT k.plan_version_id, k.rule_id
           FROM commissions k JOIN conversions c ON c.id = k.conversion_id
          WHERE k.partner_id = ?1 AND k.kind = 'commission' AND k.line = 'direct'
            AND k.plan_version_id IS NOT NULL AND k.rule_id IS NOT NULL
            AND c.occurred_at >= ?2 AND c.occurred_at < ?3",
    )?;
    let rows = stmt.query_map(params![partner_id, start, end], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let mut keys: BTreeSet<(i64, String)> = rows.collect::<rusqlite::Result<_>>()?;
    keys.extend(
        adjusted_lines(conn, partner_id, period)?
            .iter()
            .filter_map(|line| tier_key(line, period)),
    );
    Ok(keys)
}

/// The month's live lines of one tiered rule, with their refunds.
fn period_lines(
    conn: &Connection,
    partner_id: i64,
    (start, end): (&str, &str),
    version: i64,
    rule_id: &str,
) -> Result<Vec<PeriodLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.amount_minor, k.base_minor, k.base_currency, k.fx_rate, k.due_on, c.occurred_at,
                (SELECT coalesce(sum(r.amount_minor), 0) FROM conversions r
                  WHERE r.original_id = c.id AND r.kind IN ('refund', 'chargeback') AND r.computed_at IS NOT NULL),
                (SELECT coalesce(sum(x.amount_minor), 0) FROM commissions x
                  WHERE x.related_id = k.id AND x.kind IN ('reversal', 'clawback') AND x.state <> 'reversed'),
                (SELECT max(x.due_on) FROM commissions x WHERE x.related_id = k.id AND x.state <> 'reversed')
           FROM commissions k JOIN conversions c ON c.id = k.conversion_id
          WHERE k.partner_id = ?1 AND k.kind = 'commission' AND k.line = 'direct'
            AND k.plan_version_id = ?4 AND k.rule_id = ?5
            AND k.amount_minor IS NOT NULL AND k.state NOT IN ('reversed', 'declined')
            AND c.occurred_at >= ?2 AND c.occurred_at < ?3
          ORDER BY c.occurred_at, c.id",
    )?;
    let mut rows = stmt.query(params![partner_id, start, end, version, rule_id])?;
    let mut lines = Vec::new();
    while let Some(r) = rows.next()? {
        let (sale_minor, currency): (i64, Option<Currency>) = (r.get(1)?, r.get(2)?);
        let fx: Option<String> = r.get(3)?;
        let Some(value) = base_value(sale_minor, currency, fx.as_deref()) else {
            continue;
        };
        let back_due: Option<String> = r.get(8)?;
        let due_on: String = r.get(4)?;
        lines.push(PeriodLine {
            amount: r.get(0)?,
            value,
            sale_minor,
            refunded_minor: r.get(6)?,
            given: r.get(7)?,
            due_on: back_due.filter(|b| *b > due_on).unwrap_or(due_on),
            at: r.get(5)?,
        });
    }
    Ok(lines)
}

/// What the month's lines come to, each valued again at the month's final
/// band or slices (less its refunds), and the band for band tiers. Tiers
/// count the partner's whole month, net of refunds, as the engine does.
pub(crate) fn revalue(
    ctx: &mut Context,
    partner_id: i64,
    (year, month): (i32, u32),
    mode: TierMode,
    measure: Measure,
    tiers: &[(i64, Decimal)],
    lines: &[PeriodLine],
) -> Result<(i64, Option<(i64, Decimal)>)> {
    let base = ctx.base();
    let rounding = ctx.settings.rounding;
    let round = |d: Decimal| Money::from_decimal(d, base, rounding).map_or(0, |m| m.minor);
    let as_written = |l: &PeriodLine, exact_on_net: Decimal| {
        // Valued on what the sale kept; written on its whole value, then
        // given back pro rata as a refund is.
        let whole = if l.refunded_minor >= l.sale_minor {
            l.amount
        } else {
            round(exact_on_net * l.value / net_value(l))
        };
        whole
            - given_back(
                whole,
                l.refunded_minor.min(l.sale_minor),
                l.sale_minor,
                rounding,
            )
    };
    if mode == TierMode::Band || measure == Measure::Count {
        let (revenue, count) = ctx.month_total(partner_id, year, month)?;
        let (reached, as_count) = match measure {
            Measure::Revenue => (revenue, false),
            Measure::Count => (Decimal::from(count), true),
        };
        let band = compute::band_of(tiers, reached, as_count, base);
        let total = lines
            .iter()
            .map(|l| as_written(l, net_value(l) * band.1))
            .sum();
        return Ok((total, Some(band)));
    }
    let mut total = 0;
    for l in lines {
        let at = parse_stamp(&l.at).unwrap_or_default();
        let (before, _) = ctx.month_before(partner_id, at)?;
        let value = net_value(l);
        total += as_written(l, compute::marginal(tiers, before, before + value, base));
    }
    Ok((total, None))
}

/// A line's sale value net of its refunds.
fn net_value(l: &PeriodLine) -> Decimal {
    if l.sale_minor <= 0 {
        return Decimal::ZERO;
    }
    let kept = l.sale_minor - l.refunded_minor.min(l.sale_minor);
    l.value * Decimal::from(kept) / Decimal::from(l.sale_minor)
}

fn base_value(minor: i64, currency: Option<Currency>, fx: Option<&str>) -> Option<Decimal> {
    let major = Money::new(minor, currency?).to_decimal();
    match fx {
        Some(rate) => Decimal::from_str(rate).ok().map(|r| major * r),
        None => Some(major),
    }
}

/// The lines of the tier adjustments written for a partner's month.
fn adjusted_lines(conn: &Connection, partner_id: i64, period: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT line FROM commissions
          WHERE partner_id = ?1 AND kind = 'adjustment' AND conversion_id IS NULL
            AND line LIKE 'tier:%:' || ?2 || ':%'",
    )?;
    let rows = stmt.query_map(params![partner_id, period], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (version, rule) of a tier adjustment's line "tier:VERSION:RULE:PERIOD:N".
fn tier_key(line: &str, period: &str) -> Option<(i64, String)> {
    let rest = line.strip_prefix("tier:")?;
    let (version, rest) = rest.split_once(':')?;
    let rule = rest
        .rsplit_once(':')?
        .0
        .strip_suffix(period)?
        .strip_suffix(':')?;
    Some((version.parse().ok()?, rule.to_string()))
}

/// The adjustments already written under `key` (not reversed or declined):
/// their sum, how many were ever written, and the latest due day.
fn adjustments(
    conn: &Connection,
    partner_id: i64,
    key: &str,
) -> Result<(i64, i64, Option<String>)> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(CASE WHEN state NOT IN ('reversed', 'declined') THEN amount_minor END), 0),
                    count(*), max(due_on)
               FROM commissions
              WHERE partner_id = ?1 AND kind = 'adjustment' AND conversion_id IS NULL
                AND substr(line, 1, length(?2) + 1) = ?2 || ':'",
        )?
        .query_row(params![partner_id, key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?)
}

/// An adjustment to write: whose, under which plan version and rule, when
/// it falls due, and why (for the explanation).
pub(crate) struct Adjustment<'a> {
    pub partner_id: i64,
    pub version_id: Option<i64>,
    pub rule_id: &'a str,
    pub due: &'a str,
    pub detail: serde_json::Value,
}

/// The target bonus a month is owed now (`owed`) against what its bonus
/// line and earlier adjustments gave: the month lost its target after a
/// refund, or reached it again. Returns whether an adjustment was written.
pub(crate) fn true_up_bonus(
    conn: &Connection,
    ctx: &Context,
    period: &str,
    owed: i64,
    adjustment: &Adjustment,
) -> Result<bool> {
    let line = format!("bonus:{}:{period}", adjustment.rule_id);
    let paid: Option<i64> = conn
        .prepare_cached(
            "SELECT amount_minor FROM commissions WHERE partner_id = ?1 AND line = ?2 AND conversion_id IS NULL
                AND kind = 'bonus' AND state NOT IN ('reversed', 'declined')",
        )?
        .query_row(params![adjustment.partner_id, line], |r| r.get(0))
        .ok();
    let Some(paid) = paid else {
        return Ok(false);
    };
    let (adjusted, seen, _) = adjustments(conn, adjustment.partner_id, &line)?;
    let difference = owed - (paid + adjusted);
    if difference == 0 {
        return Ok(false);
    }
    insert_adjustment(
        conn,
        ctx,
        &format!("{line}:{}", seen + 1),
        difference,
        adjustment,
    )?;
    Ok(true)
}

fn insert_adjustment(
    conn: &Connection,
    ctx: &Context,
    line: &str,
    amount: i64,
    a: &Adjustment,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO commissions (partner_id, line, kind, plan_version_id, rule_id, rounding, detail,
            amount_minor, currency, state, due_on, created_at, updated_at)
         VALUES (?1, ?2, 'adjustment', ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?10, ?10)",
    )?
    .execute(params![
        a.partner_id,
        line,
        a.version_id,
        a.rule_id,
        ctx.settings.rounding.as_str(),
        a.detail.to_string(),
        amount,
        ctx.base(),
        a.due,
        now(),
    ])?;
    Ok(())
}
