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
use super::period_lines::period_lines;
pub(crate) use super::period_lines::{PeriodLine, ShareLine};
use crate::error::Result;
use crate::plans::compile::Pays;
use crate::plans::{self, Measure, RuleKind, ShareOf, TierMode, TwoTierMode};
use partnerbook_book::money::Money;
use partnerbook_book::time::{now, parse_stamp};
use partnerbook_book::totals;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// A two-tier rule paying a share of the partner's commission: (rule id,
/// rate, whether the share comes out of the commission).
pub(crate) type ShareRule = (String, Decimal, bool);

/// A month's lines valued again at its final band or slices.
pub(crate) struct Revalued {
    /// What the partner's lines come to.
    pub target: i64,
    /// The partner's commission on them before any split share came out.
    pub commission: i64,
    pub band: Option<(i64, Decimal)>,
    /// Per (ancestor, two-tier rule): (what their shares come to, what they had).
    pub shares: BTreeMap<(i64, String), (i64, i64)>,
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
        let shares = share_rules(&ctx.version_rules(version)?);
        let lines = period_lines(conn, partner_id, (&start, &end), version, &rule_id)?;
        let valued = revalue(
            ctx,
            partner_id,
            (year, month),
            (mode, measure, &tiers),
            &lines,
            &shares,
        )?;
        let due = lines
            .iter()
            .map(|l| l.due_on.as_str())
            .max()
            .unwrap_or_default()
            .to_string();
        let (revenue, count) = ctx.month_total(partner_id, year, month)?;
        let detail = json!({
            "period": period, "mode": mode, "measure": measure,
            "revenue": revenue.normalize().to_string(), "count": count,
            "band_from": valued.band.map(|(from, _)| from),
            "band_rate": valued.band.map(|(_, rate)| rate.normalize().to_string()),
            "latest_sale": lines.last().map(|l| l.at.clone()),
        });
        let key = format!("tier:{version}:{rule_id}:{period}");
        let had: i64 = lines.iter().map(|l| l.amount + l.given).sum();
        let owner = Owner {
            partner_id,
            version,
            rule_id: &rule_id,
            due: &due,
        };
        written += u64::from(true_up_line(
            conn,
            ctx,
            &key,
            (valued.target, had),
            &owner,
            &detail,
        )?);
        let mut shares_owed = valued.shares;
        // An ancestor whose lines of the month were all reversed is owed
        // nothing now: earlier adjustments of theirs are trued up to zero.
        for ancestor in ancestors_of_month(conn, partner_id, (&start, &end), version, &rule_id)? {
            shares_owed.entry(ancestor).or_default();
        }
        for ((ancestor, share_rule), (target, had)) in &shares_owed {
            if !shares.iter().any(|(id, ..)| id == share_rule) {
                continue;
            }
            let mut detail = detail.clone();
            detail["of_partner"] = json!(partner_id);
            detail["of_name"] = json!(name_of(conn, partner_id)?);
            detail["commission"] = json!(valued.commission);
            detail["rate"] = json!(shares
                .iter()
                .find(|(id, ..)| id == share_rule)
                .map(|(_, rate, _)| rate.normalize().to_string()));
            let owner = Owner {
                partner_id: *ancestor,
                rule_id: share_rule,
                ..owner
            };
            let key = format!("share:{version}:{rule_id}:{share_rule}:{period}:{partner_id}");
            written += u64::from(true_up_line(
                conn,
                ctx,
                &key,
                (*target, *had),
                &owner,
                &detail,
            )?);
        }
    }
    Ok(written)
}

/// (ancestor, two-tier rule) of every two-tier line the partner's sales of
/// the month earned under a tiered rule, reversed or not.
fn ancestors_of_month(
    conn: &Connection,
    partner_id: i64,
    (start, end): (&str, &str),
    version: i64,
    rule_id: &str,
) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT k.partner_id, k.rule_id
           FROM commissions d JOIN conversions c ON c.id = d.conversion_id
           JOIN commissions k ON k.conversion_id = d.conversion_id AND k.kind = 'two_tier'
                             AND k.plan_version_id = d.plan_version_id
          WHERE d.partner_id = ?1 AND d.kind = 'commission' AND d.line = 'direct'
            AND d.plan_version_id = ?4 AND d.rule_id = ?5
            AND c.occurred_at >= ?2 AND c.occurred_at < ?3",
    )?;
    let rows = stmt.query_map(params![partner_id, start, end, version, rule_id], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whose adjustment: partner, plan version and rule, and when it falls due.
#[derive(Clone, Copy)]
struct Owner<'a> {
    partner_id: i64,
    version: i64,
    rule_id: &'a str,
    due: &'a str,
}

/// Writes the adjustment under `key` that brings what a partner's lines
/// `had` (with the adjustments already written under it) to `target`.
fn true_up_line(
    conn: &Connection,
    ctx: &Context,
    key: &str,
    (target, had): (i64, i64),
    owner: &Owner,
    detail: &serde_json::Value,
) -> Result<bool> {
    let (adjusted, seen, adjusted_due) = adjustments(conn, owner.partner_id, key)?;
    let had = had + adjusted;
    let difference = target - had;
    if difference == 0 {
        return Ok(false);
    }
    let due = adjusted_due
        .filter(|d| d.as_str() > owner.due)
        .unwrap_or_else(|| owner.due.to_string());
    let mut detail = detail.clone();
    detail["target"] = json!(target);
    detail["had"] = json!(had);
    let adjustment = Adjustment {
        partner_id: owner.partner_id,
        version_id: Some(owner.version),
        rule_id: owner.rule_id,
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
    Ok(true)
}

fn name_of(conn: &Connection, partner_id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM partners WHERE id = ?1")?
        .query_row([partner_id], |r| r.get(0))?)
}

/// The two-tier rules among `rules` that pay a share of the commission.
pub(crate) fn share_rules(rules: &[crate::plans::compile::CompiledRule]) -> Vec<ShareRule> {
    rules
        .iter()
        .filter_map(|r| match r.pays {
            Pays::TwoTier {
                rate,
                of: ShareOf::Commission,
                mode,
                ..
            } => Some((r.id.clone(), rate, mode == TwoTierMode::Split)),
            _ => None,
        })
        .collect()
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

/// What the month's lines come to, each valued again at the month's final
/// band or slices (less its refunds), and the band for band tiers; with
/// what the ancestors' shares of that commission come to. Tiers count the
/// partner's whole month, net of refunds, as the engine does.
pub(crate) fn revalue(
    ctx: &mut Context,
    partner_id: i64,
    (year, month): (i32, u32),
    (mode, measure, tiers): (TierMode, Measure, &[(i64, Decimal)]),
    lines: &[PeriodLine],
    share_rules: &[ShareRule],
) -> Result<Revalued> {
    let base = ctx.base();
    let rounding = ctx.settings.rounding;
    let round = |d: Decimal| Money::from_decimal(d, base, rounding).map_or(0, |m| m.minor);
    let band = if mode == TierMode::Band || measure == Measure::Count {
        let (revenue, count) = ctx.month_total(partner_id, year, month)?;
        let (reached, as_count) = match measure {
            Measure::Revenue => (revenue, false),
            Measure::Count => (Decimal::from(count), true),
        };
        Some(compute::band_of(tiers, reached, as_count, base))
    } else {
        None
    };
    let mut out = Revalued {
        target: 0,
        commission: 0,
        band,
        shares: BTreeMap::new(),
    };
    for l in lines {
        // A sale refunded in full keeps nothing: its lines net to zero.
        let kept = l.refunded_minor < l.sale_minor;
        let exact_on_net = match band {
            Some((_, rate)) => net_value(l) * rate,
            None if kept => {
                let at = parse_stamp(&l.at).unwrap_or_default();
                let (before, _) = ctx.month_before(partner_id, at)?;
                compute::marginal(tiers, before, before + net_value(l), base)
            }
            None => Decimal::ZERO,
        };
        // Valued on what the sale kept; written on its whole value, each line
        // rounded as the engine rounds it, then given back pro rata as a
        // refund is.
        let exact = if kept {
            exact_on_net * l.value / net_value(l)
        } else {
            Decimal::ZERO
        };
        let net = |amount: i64| {
            if !kept {
                return 0;
            }
            amount - given_back(amount, l.refunded_minor, l.sale_minor, rounding)
        };
        let whole = round(exact);
        let mut split = 0;
        for share in &l.shares {
            let Some((_, rate, splits)) = share_rules.iter().find(|(id, ..)| *id == share.rule_id)
            else {
                continue;
            };
            let amount = round(exact * rate);
            if *splits {
                split += amount;
            }
            let entry = out
                .shares
                .entry((share.partner_id, share.rule_id.clone()))
                .or_default();
            entry.0 += net(amount);
            entry.1 += share.amount + share.given;
        }
        out.target += net(whole - split);
        out.commission += net(whole);
    }
    Ok(out)
}

/// A line's sale value net of its refunds.
fn net_value(l: &PeriodLine) -> Decimal {
    if l.sale_minor <= 0 {
        return Decimal::ZERO;
    }
    let kept = l.sale_minor - l.refunded_minor.min(l.sale_minor);
    l.value * Decimal::from(kept) / Decimal::from(l.sale_minor)
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
    totals::note_line(conn, conn.last_insert_rowid())?;
    Ok(())
}
