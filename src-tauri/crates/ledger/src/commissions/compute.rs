//! The commission lines one conversion earns, computed exactly: amounts in
//! Decimal, rounded once per line to the program's currency with its named
//! rounding. Pure: the engine gathers the facts, the what-if reuses it.
//!
//! Which rule pays (the most specific wins; ties go to the rule listed first):
//! 1. a rule for this partner and this product,
//! 2. a rule for this partner,
//! 3. a rule for this product,
//! 4. a recurring rule, for a recurring payment,
//! 5. any other rule that pays for this kind of conversion.
//!
//! Two-tier rules add a line for an active ancestor of the partner (level 1
//! the parent, 2 the grandparent…) on top, or split the partner's commission
//! with them; target bonuses are per month (engine).

use super::month;
use crate::conversions::ConversionKind;
use crate::fx::FxRate;
use crate::plans::compile::{CompiledRule, Pays};
use crate::plans::{Measure, ShareOf, TierMode, TwoTierMode, MAX_LEVELS};
use chrono::{DateTime, Datelike, Utc};
use partnerbook_book::money::{Currency, Money, Rounding};
use rust_decimal::Decimal;
use serde_json::{json, Value};

pub(crate) struct Facts {
    pub kind: ConversionKind,
    pub occurred_at: DateTime<Utc>,
    pub amount_minor: i64,
    pub currency: Option<Currency>,
    pub quantity: u32,
    pub product: String,
    pub partner_id: i64,
    /// The partner's ancestors by level (index 0 the parent), each when
    /// active (two-tier).
    pub ancestors: Vec<Option<i64>>,
    /// When the customer's first sale was (recurring windows count from it).
    pub first_sale_at: Option<DateTime<Utc>>,
    /// The rate into the base currency; None when one is needed and missing.
    pub fx: Option<FxRate>,
    /// The partner's sales this month before this one: revenue in the base
    /// currency (major units) and count.
    pub month_revenue_before: Decimal,
    pub month_count_before: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    pub partner_id: i64,
    /// 'direct', 'parent', or 'level2', 'level3'… for further ancestors.
    pub line: &'static str,
    pub kind: &'static str,
    pub rule_id: String,
    pub rate: Option<Decimal>,
    pub flat_minor: Option<i64>,
    pub fx: Option<FxRate>,
    pub amount_minor: Option<i64>,
    pub hold_reason: Option<String>,
    /// What `explain` needs beyond the columns (tier, month, share…).
    pub detail: Value,
}

/// The conversion's value in the base currency, exactly, or None when an FX
/// rate is needed and missing.
pub(crate) fn base_value(f: &Facts, base: Currency) -> Option<Decimal> {
    let currency = f.currency?;
    let major = Money::new(f.amount_minor, currency).to_decimal();
    if currency == base {
        return Some(major);
    }
    f.fx.as_ref().map(|fx| major * fx.rate)
}

fn specificity(rule: &CompiledRule, f: &Facts) -> u8 {
    let recurring_rule =
        matches!(rule.pays, Pays::Recurring { .. }) && f.kind == ConversionKind::Recurring;
    (u8::from(rule.partner_id.is_some()) << 3)
        + (u8::from(rule.product.is_some()) << 2)
        + (u8::from(recurring_rule) << 1)
}

fn primary<'r>(rules: &'r [CompiledRule], f: &Facts) -> Option<&'r CompiledRule> {
    rules
        .iter()
        .filter(|r| !matches!(r.pays, Pays::TwoTier { .. } | Pays::TargetBonus { .. }))
        .filter(|r| r.kinds.contains(&f.kind))
        .filter(|r| r.partner_id.is_none_or(|p| p == f.partner_id))
        .filter(|r| {
            r.product
                .as_deref()
                .is_none_or(|p| p.eq_ignore_ascii_case(f.product.trim()))
        })
        // max_by_key keeps the last of equals; rev() makes that the first listed.
        .rev()
        .max_by_key(|r| specificity(r, f))
}

/// Billing months from the first sale to this payment, by calendar month:
/// a month starts again on the first sale's day of the month, or on the
/// month's last day when it is shorter (31 Jan, 28 Feb, 31 Mar, 30 Apr are
/// months 0, 1, 2 and 3).
pub(crate) fn months_since(first: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    let months =
        i64::from(at.year() - first.year()) * 12 + i64::from(at.month()) - i64::from(first.month());
    let anniversary = first.day().min(month::days_in(at.year(), at.month()));
    if at.day() < anniversary {
        months - 1
    } else {
        months
    }
}

pub(crate) fn held(partner_id: i64, rule_id: &str, reason: String) -> Line {
    Line {
        partner_id,
        line: "direct",
        kind: "commission",
        rule_id: rule_id.to_string(),
        rate: None,
        flat_minor: None,
        fx: None,
        amount_minor: None,
        hold_reason: Some(reason),
        detail: Value::Null,
    }
}

/// The lines `f` earns under `rules`, in `base` currency.
pub(crate) fn lines(
    rules: &[CompiledRule],
    f: &Facts,
    base: Currency,
    rounding: Rounding,
) -> Vec<Line> {
    let Some(rule) = primary(rules, f) else {
        return Vec::new();
    };
    let value = match (f.kind.has_amount(), base_value(f, base)) {
        (true, Some(v)) => v,
        (true, None) => {
            let from = f
                .currency
                .map_or_else(String::new, |c| c.code().to_string());
            let day = f.occurred_at.format("%Y-%m-%d");
            return vec![held(
                f.partner_id,
                &rule.id,
                format!("no {from}→{base} rate for {day}: import FX rates, then run again"),
            )];
        }
        (false, _) => Decimal::ZERO,
    };
    let round = |d: Decimal| Money::from_decimal(d, base, rounding).map(|m| m.minor).ok();
    let flat = |m: &Money| Money::new(m.minor, base).to_decimal() * Decimal::from(f.quantity);
    let mut detail = json!({});
    let (rate, flat_minor, exact): (Option<Decimal>, Option<i64>, Decimal) = match &rule.pays {
        Pays::Percentage(rate) => (Some(*rate), None, value * rate),
        Pays::Flat(m) => (None, Some(m.minor * i64::from(f.quantity)), flat(m)),
        Pays::Hybrid(m, rate) => (
            Some(*rate),
            Some(m.minor * i64::from(f.quantity)),
            flat(m) + value * rate,
        ),
        Pays::Tiered {
            mode,
            measure,
            tiers,
        } => {
            let (exact, bands) = tiered(*mode, *measure, tiers, f, value, base);
            detail = json!({ "tiers": bands, "mode": mode, "measure": measure,
                             "month_before": f.month_revenue_before.to_string(), "count_before": f.month_count_before });
            let single = (bands.len() == 1).then(|| bands[0].1);
            (single, None, exact)
        }
        Pays::Recurring {
            rate,
            months,
            step_down,
        } => {
            let k = f
                .first_sale_at
                .map_or(0, |first| months_since(first, f.occurred_at));
            if months.is_some_and(|m| k >= i64::from(m)) {
                return Vec::new();
            }
            let stepped = step_down.filter(|(after, _)| k >= i64::from(*after));
            detail = json!({ "month": k, "months": months, "stepped_down": stepped.is_some(),
                             "first_sale": f.first_sale_at.map(|d| d.format("%Y-%m-%d").to_string()) });
            let rate = stepped.map_or(*rate, |(_, r)| r);
            (Some(rate), None, value * rate)
        }
        Pays::TwoTier { .. } | Pays::TargetBonus { .. } => {
            unreachable!("filtered out by primary()")
        }
    };
    let fx = f.currency.filter(|c| *c != base).and(f.fx.clone());
    let Some(amount) = round(exact) else {
        return vec![held(
            f.partner_id,
            &rule.id,
            "the amount is too large".into(),
        )];
    };
    if let Value::Object(map) = &mut detail {
        map.insert("exact".into(), json!(exact.normalize().to_string()));
    }
    let mut out = vec![Line {
        partner_id: f.partner_id,
        line: "direct",
        kind: "commission",
        rule_id: rule.id.clone(),
        rate,
        flat_minor,
        fx: fx.clone(),
        amount_minor: Some(amount),
        hold_reason: None,
        detail,
    }];
    two_tier(rules, f, &mut out, exact, value, base, rounding);
    out
}

/// Each band's (start, rate, slice of this conversion) and the exact total.
fn tiered(
    mode: TierMode,
    measure: Measure,
    tiers: &[(i64, Decimal)],
    f: &Facts,
    value: Decimal,
    base: Currency,
) -> (Decimal, Vec<(String, Decimal, String)>) {
    if measure == Measure::Count || mode == TierMode::Band {
        let (reached, as_count) = match measure {
            Measure::Count => (Decimal::from(f.month_count_before + 1), true),
            Measure::Revenue => (f.month_revenue_before + value, false),
        };
        let (from, rate) = band_of(tiers, reached, as_count, base);
        return (
            value * rate,
            vec![(from.to_string(), rate, value.to_string())],
        );
    }
    let before = f.month_revenue_before;
    let bands: Vec<_> = slices(tiers, before, before + value, base).collect();
    let total = bands.iter().map(|(_, rate, slice)| slice * rate).sum();
    let bands = bands
        .into_iter()
        .map(|(from, rate, slice)| (from.to_string(), rate, slice.to_string()))
        .collect();
    (total, bands)
}

/// The band `reached` falls in: (where it starts, its rate). Starts are
/// minor units of `base`, or counts when `as_count`.
pub(crate) fn band_of(
    tiers: &[(i64, Decimal)],
    reached: Decimal,
    as_count: bool,
    base: Currency,
) -> (i64, Decimal) {
    tiers
        .iter()
        .rev()
        .find(|(from, _)| {
            if as_count {
                Decimal::from(*from) <= reached
            } else {
                start(*from, base) <= reached
            }
        })
        .copied()
        .unwrap_or(tiers[0])
}

/// The marginal commission on revenue from `before` to `after`: each slice
/// at its band's rate.
pub(crate) fn marginal(
    tiers: &[(i64, Decimal)],
    before: Decimal,
    after: Decimal,
    base: Currency,
) -> Decimal {
    slices(tiers, before, after, base)
        .map(|(_, rate, slice)| slice * rate)
        .sum()
}

/// (band start, rate, slice) of revenue from `before` to `after`.
fn slices(
    tiers: &[(i64, Decimal)],
    before: Decimal,
    after: Decimal,
    base: Currency,
) -> impl Iterator<Item = (i64, Decimal, Decimal)> + '_ {
    tiers
        .iter()
        .enumerate()
        .filter_map(move |(i, (from, rate))| {
            let lo = start(*from, base).max(before);
            let hi = tiers
                .get(i + 1)
                .map_or(after, |(next, _)| start(*next, base).min(after));
            (hi > lo).then_some((*from, *rate, hi - lo))
        })
}

fn start(minor: i64, base: Currency) -> Decimal {
    Money::new(minor, base).to_decimal()
}

/// The line key of each two-tier level, parent first.
const LEVEL_LINES: [&str; MAX_LEVELS as usize] = ["parent", "level2", "level3", "level4", "level5"];

fn two_tier(
    rules: &[CompiledRule],
    f: &Facts,
    out: &mut Vec<Line>,
    child_exact: Decimal,
    value: Decimal,
    base: Currency,
    rounding: Rounding,
) {
    let round = |d: Decimal| Money::from_decimal(d, base, rounding).map(|m| m.minor).ok();
    let mut split_off = 0;
    for rule in rules {
        let Pays::TwoTier {
            rate,
            of,
            mode,
            level,
        } = rule.pays
        else {
            continue;
        };
        let Some(Some(ancestor)) = f.ancestors.get(level as usize - 1) else {
            continue;
        };
        let share = match of {
            ShareOf::Commission => child_exact * rate,
            ShareOf::Sale => value * rate,
        };
        let Some(amount) = round(share) else {
            continue;
        };
        if mode == TwoTierMode::Split {
            split_off += amount;
        }
        out.push(Line {
            partner_id: *ancestor,
            line: LEVEL_LINES[level as usize - 1],
            kind: "two_tier",
            rule_id: rule.id.clone(),
            rate: Some(rate),
            flat_minor: None,
            fx: None,
            amount_minor: Some(amount),
            hold_reason: None,
            detail: json!({ "child": f.partner_id, "of": of, "mode": mode, "level": level,
                            "exact": share.normalize().to_string() }),
        });
    }
    if split_off != 0 {
        // The lines add up to the partner's rounded commission exactly: each
        // ancestor's share is rounded, the partner keeps the rest.
        if let (Some(child), Some(total)) = (out.first_mut(), round(child_exact)) {
            child.amount_minor = Some(total - split_off);
            if let Value::Object(map) = &mut child.detail {
                map.insert("split_with_parent".into(), json!(split_off));
            }
        }
    }
}

/// A target bonus reached in a month.
pub(crate) struct Bonus {
    pub rule_id: String,
    pub amount_minor: i64,
    pub detail: Value,
}

/// The target bonus rules that apply to a partner: (rule id, rule).
pub(crate) fn bonus_rules(
    rules: &[CompiledRule],
    partner_id: i64,
) -> impl Iterator<Item = (String, &CompiledRule)> {
    rules
        .iter()
        .filter(move |r| r.partner_id.is_none_or(|p| p == partner_id))
        .filter(|r| matches!(r.pays, Pays::TargetBonus { .. }))
        .map(|r| (r.id.clone(), r))
}

/// The target bonuses a partner's month reaches under `rules`: `revenue`
/// (base currency, major units) and `count` are the month's sales.
pub(crate) fn bonuses(
    rules: &[CompiledRule],
    partner_id: i64,
    month: &str,
    revenue: Decimal,
    count: i64,
    base: Currency,
) -> Vec<Bonus> {
    rules
        .iter()
        .filter(|r| r.partner_id.is_none_or(|p| p == partner_id))
        .filter_map(|rule| {
            let Pays::TargetBonus {
                measure,
                threshold,
                bonus,
            } = &rule.pays
            else {
                return None;
            };
            let reached = match measure {
                Measure::Revenue => revenue >= Money::new(*threshold, base).to_decimal(),
                Measure::Count => count >= *threshold,
            };
            reached.then(|| Bonus {
                rule_id: rule.id.clone(),
                amount_minor: bonus.minor,
                detail: json!({ "month": month, "revenue": revenue.to_string(), "count": count,
                                "threshold": threshold, "measure": measure }),
            })
        })
        .collect()
}

/// How much of a line's `amount` a sale's refunds take back in all: the
/// refunded share, rounded once; everything when fully refunded.
pub(crate) fn given_back(amount: i64, refunded: i64, sale_amount: i64, rounding: Rounding) -> i64 {
    if refunded >= sale_amount {
        return amount;
    }
    let share = Decimal::from(amount) * Decimal::from(refunded) / Decimal::from(sale_amount.max(1));
    i64::try_from(rounding.round_to_integer(share)).unwrap_or(amount)
}
