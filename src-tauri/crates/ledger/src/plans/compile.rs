//! Rules checked and turned into exact numbers once, for the engine. Every
//! error names the rule and its field ("rules[2] (pro-40): rate: …").

use super::model::{Measure, Rule, RuleKind, ShareOf, TierMode, TwoTierMode, MAX_LEVELS};
use crate::conversions::ConversionKind;
use crate::error::{ErrorExt, LedgerError, Result};
use partnerbook_book::money::rate::parse_percent;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::Coded;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Pays {
    Percentage(Decimal),
    Flat(Money),
    Hybrid(Money, Decimal),
    /// (band start, rate), ascending; starts are minor units or counts.
    Tiered {
        mode: TierMode,
        measure: Measure,
        tiers: Vec<(i64, Decimal)>,
    },
    Recurring {
        rate: Decimal,
        months: Option<u32>,
        step_down: Option<(u32, Decimal)>,
    },
    TwoTier {
        rate: Decimal,
        of: ShareOf,
        mode: TwoTierMode,
        /// 1 the parent, 2 the grandparent…
        level: u32,
    },
    TargetBonus {
        measure: Measure,
        threshold: i64,
        bonus: Money,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompiledRule {
    pub id: String,
    pub pays: Pays,
    pub kinds: Vec<ConversionKind>,
    pub product: Option<String>,
    pub partner_id: Option<i64>,
}

/// Checks `rules` for a book whose base currency is `base`. Stored rules
/// name partners by id; `partner_id` turns a rule's partner into one.
pub(crate) fn compile(
    rules: &[Rule],
    base: Currency,
    partner_id: &dyn Fn(&str) -> Result<i64>,
) -> Result<Vec<CompiledRule>> {
    let mut ids = HashSet::new();
    let compiled = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let at = |e: LedgerError| match e.field() {
                Some(f) => {
                    LedgerError::invalid(format!("rules[{i}] ({}): {f}", rule.id), e.reason())
                }
                None => e,
            };
            if rule.id.trim().is_empty() {
                return Err(LedgerError::invalid(format!("rules[{i}]"), "needs an id"));
            }
            if !ids.insert(rule.id.trim().to_string()) {
                return Err(LedgerError::invalid(
                    format!("rules[{i}]"),
                    format!("the id \"{}\" is used twice", rule.id),
                ));
            }
            let pays = pays(&rule.kind, base).map_err(at)?;
            let partner_id = rule
                .partner
                .as_deref()
                .map(partner_id)
                .transpose()
                .map_err(at)?;
            Ok(CompiledRule {
                id: rule.id.trim().to_string(),
                pays,
                kinds: rule.kinds(),
                product: rule
                    .product
                    .as_ref()
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
                partner_id,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(compiled)
}

/// Refuses a version with a rule the engine would never apply. Checked
/// where plans come in, not when stored rules are read, so a book saved
/// before this check still computes.
pub(crate) fn every_rule_applies(rules: &[CompiledRule]) -> Result<()> {
    match never_applied(rules) {
        Some((i, why)) => Err(LedgerError::invalid(
            format!("rules[{i}] ({})", rules[i].id),
            format!("{why}: it would never apply; remove it or narrow the other rule"),
        )),
        None => Ok(()),
    }
}

/// The first rule the engine would never apply, and why: a two-tier rule
/// for a level another one already pays, or a rule every conversion of
/// whose kinds another rule with the same partner and product wins.
fn never_applied(rules: &[CompiledRule]) -> Option<(usize, String)> {
    let same_scope = |a: &CompiledRule, b: &CompiledRule| {
        a.partner_id == b.partner_id
            && a.product.as_deref().map(str::to_lowercase)
                == b.product.as_deref().map(str::to_lowercase)
    };
    for (j, rule) in rules.iter().enumerate() {
        match rule.pays {
            Pays::TwoTier { level, .. } => {
                let earlier = rules[..j]
                    .iter()
                    .find(|r| matches!(r.pays, Pays::TwoTier { level: l, .. } if l == level));
                if let Some(other) = earlier {
                    return Some((j, format!("\"{}\" already pays level {level}", other.id)));
                }
            }
            Pays::TargetBonus { .. } => {}
            _ if rule.kinds.is_empty() => {}
            _ => {
                let winner = |kind: ConversionKind| {
                    rules.iter().enumerate().find(|(i, r)| {
                        *i != j
                            && same_scope(r, rule)
                            && r.kinds.contains(&kind)
                            && !matches!(r.pays, Pays::TwoTier { .. } | Pays::TargetBonus { .. })
                            && (rank(r, kind), *i < j) > (rank(rule, kind), false)
                    })
                };
                let winners: Vec<_> = rule.kinds.iter().map(|k| winner(*k)).collect();
                if let Some(Some((_, other))) = winners
                    .first()
                    .filter(|_| winners.iter().all(Option::is_some))
                {
                    return Some((
                        j,
                        format!("\"{}\" pays the same conversions first", other.id),
                    ));
                }
            }
        }
    }
    None
}

/// How specific a rule is for a kind of conversion, as the engine ranks
/// them (compute::specificity, for rules of the same partner and product).
fn rank(rule: &CompiledRule, kind: ConversionKind) -> bool {
    matches!(rule.pays, Pays::Recurring { .. }) && kind == ConversionKind::Recurring
}

fn amount(text: &str, base: Currency, field: &str) -> Result<Money> {
    let m = Money::parse(text, base).map_err(|e| e.for_field(field))?;
    if m.minor < 0 {
        return Err(LedgerError::invalid(field, "must not be negative"));
    }
    Ok(m)
}

fn pays(kind: &RuleKind, base: Currency) -> Result<Pays> {
    Ok(match kind {
        RuleKind::Percentage { rate } => Pays::Percentage(parse_percent(rate, "rate")?),
        RuleKind::Flat { amount: a } => Pays::Flat(amount(a, base, "amount")?),
        RuleKind::Hybrid { amount: a, rate } => {
            Pays::Hybrid(amount(a, base, "amount")?, parse_percent(rate, "rate")?)
        }
        RuleKind::Tiered {
            mode,
            measure,
            tiers,
        } => {
            if tiers.is_empty() {
                return Err(LedgerError::invalid("tiers", "needs at least one tier"));
            }
            let mut out = Vec::new();
            for (i, t) in tiers.iter().enumerate() {
                let from = match measure {
                    Measure::Revenue => amount(&t.from, base, &format!("tiers[{i}].from"))?.minor,
                    Measure::Count => count(&t.from, &format!("tiers[{i}].from"))?,
                };
                if let Some((previous, _)) = out.last() {
                    if from <= *previous {
                        return Err(LedgerError::invalid(
                            format!("tiers[{i}].from"),
                            "tiers must start in increasing order",
                        ));
                    }
                } else if from != 0 {
                    return Err(LedgerError::invalid(
                        "tiers[0].from",
                        "the first tier must start at 0",
                    ));
                }
                out.push((from, parse_percent(&t.rate, &format!("tiers[{i}].rate"))?));
            }
            Pays::Tiered {
                mode: *mode,
                measure: *measure,
                tiers: out,
            }
        }
        RuleKind::Recurring {
            rate,
            months,
            step_down,
        } => {
            if *months == Some(0) {
                return Err(LedgerError::invalid(
                    "months",
                    "must be at least 1 (leave it out for lifetime)",
                ));
            }
            let step_down = match step_down {
                Some(s) => {
                    if months.is_some_and(|m| s.after_months >= m) || s.after_months == 0 {
                        return Err(LedgerError::invalid(
                            "step_down.after_months",
                            "must fall inside the recurring months",
                        ));
                    }
                    Some((s.after_months, parse_percent(&s.rate, "step_down.rate")?))
                }
                None => None,
            };
            Pays::Recurring {
                rate: parse_percent(rate, "rate")?,
                months: *months,
                step_down,
            }
        }
        RuleKind::TwoTier {
            rate,
            of,
            mode,
            level,
        } => {
            if *mode == TwoTierMode::Split && *of == ShareOf::Sale {
                return Err(LedgerError::invalid(
                    "of",
                    "a split shares the partner's commission, not the sale",
                ));
            }
            let level = level.unwrap_or(1);
            if !(1..=MAX_LEVELS).contains(&level) {
                return Err(LedgerError::invalid(
                    "level",
                    format!(
                        "must be between 1 and {MAX_LEVELS} (1 is the parent, 2 the grandparent…)"
                    ),
                ));
            }
            Pays::TwoTier {
                rate: parse_percent(rate, "rate")?,
                of: *of,
                mode: *mode,
                level,
            }
        }
        RuleKind::TargetBonus {
            measure,
            threshold,
            bonus,
        } => Pays::TargetBonus {
            measure: *measure,
            threshold: match measure {
                Measure::Revenue => amount(threshold, base, "threshold")?.minor,
                Measure::Count => count(threshold, "threshold")?,
            },
            bonus: amount(bonus, base, "bonus")?,
        },
    })
}

fn count(text: &str, field: &str) -> Result<i64> {
    i64::from_str(text.trim())
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| {
            LedgerError::invalid(field, format!("\"{}\" is not a whole number", text.trim()))
        })
}
