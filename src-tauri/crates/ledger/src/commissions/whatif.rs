//! What-if: a past month recomputed under other rules, in memory, beside
//! what the book actually holds for it, per partner and in total. Nothing
//! is written.
//!
//! The scenario replaces the rules of one plan (its partners use them for
//! the whole month, whatever version was in force) or, for a plan the book
//! does not have, of every partner. Everything else is the engine's own
//! logic: tiers and bonuses see the month as it happened, net of the
//! refunds recorded so far, declined lines stay declined, and the month is
//! trued up as a whole as the engine trues it up (periods.rs), so the rules
//! in force reproduce the book whatever order its sales arrived in.

use super::compute;
use super::context::{Context, Scenario, Todo, TODO_COLUMNS};
use super::month;
use super::periods::{self, PeriodLine, ShareLine};
use crate::error::{ErrorExt, LedgerError, Result};
use crate::plans::compile::compile;
use crate::plans::compile::Pays;
use crate::plans::{self, PlanFile, Rule};
use chrono::{Datelike, NaiveDate};
use partnerbook_book::money::Money;
use partnerbook_book::progress::Progress;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use ts_rs::TS;

/// The rules to try.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "from", rename_all = "snake_case")]
#[ts(export)]
pub enum WhatIfPlan {
    /// A version already in the book (e.g. a later one, tried on the past).
    Version { version_id: i64 },
    /// A plan file: its latest version. Partners are named by email or code.
    File { plan: PlanFile },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfRequest {
    /// "YYYY-MM".
    pub period: String,
    pub plan: WhatIfPlan,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfRow {
    pub partner_id: i64,
    pub partner_name: String,
    /// What the book holds for the month (declined and reversed lines count nothing).
    pub actual: Money,
    pub scenario: Money,
    pub difference: Money,
    /// The partner's conversions in the month.
    pub conversions: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfReport {
    pub period: String,
    /// The rules tried, in words: "Standard v3 (from 2026-06-01)".
    pub scenario: String,
    /// Whose rules were replaced, in words.
    pub applies_to: String,
    pub actual_total: Money,
    pub scenario_total: Money,
    pub difference: Money,
    pub conversions: u64,
    /// Lines the scenario could not value (no FX rate); counted as nothing.
    pub held: u64,
    /// Partners whose month differs, largest difference first.
    pub changed: Vec<WhatIfRow>,
    /// Partners with commissions in the month that stay the same.
    pub unchanged: u64,
}

/// Recomputes `request.period` under `request.plan` without writing.
pub fn what_if(
    book: &Book,
    request: &WhatIfRequest,
    progress: &dyn Progress,
) -> Result<WhatIfReport> {
    let conn = book.conn();
    let (year, month) = parse_period(&request.period)?;
    let (start, end) = month::bounds(year, month);
    let (scenario, label, applies_to) = scenario(conn, &request.plan)?;
    let mut ctx = Context::for_scenario(conn, scenario)?;
    let base = ctx.base();
    let refunded = refunded_by_sale(conn, &start, &end)?;
    let key_month = format!("{year:04}-{month:02}");
    let declined = declined_lines(conn, &start, &end, &key_month)?;

    let total: i64 = conn.query_row(
        "SELECT count(*) FROM conversions WHERE partner_id IS NOT NULL AND kind NOT IN ('refund', 'chargeback', 'chargeback_reversal')
            AND occurred_at >= ?1 AND occurred_at < ?2",
        params![start, end],
        |r| r.get(0),
    )?;
    let mut scenario_by: HashMap<i64, i64> = HashMap::new();
    let mut conversions_by: HashMap<i64, u64> = HashMap::new();
    let mut held = 0;
    let mut tiered: BTreeMap<(i64, String), Vec<PeriodLine>> = BTreeMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT {TODO_COLUMNS} FROM conversions c
          WHERE c.partner_id IS NOT NULL AND c.kind NOT IN ('refund', 'chargeback', 'chargeback_reversal')
            AND c.occurred_at >= ?1 AND c.occurred_at < ?2 ORDER BY c.occurred_at, c.id"
    ))?;
    let mut rows = stmt.query(params![start, end])?;
    let mut done = 0u64;
    while let Some(row) = rows.next()? {
        let c = Todo::from_row(row)?;
        *conversions_by.entry(c.partner_id).or_default() += 1;
        let (refund, sale) = (refunded.get(&c.id).copied().unwrap_or(0), c.amount_minor);
        if let Some((_, lines)) = ctx.lines_for(&c)? {
            let mut tiered_line = None;
            let mut shares = Vec::new();
            for line in lines {
                let key = || (line.partner_id, Some(c.id), line.line.to_string());
                if !declined.is_empty() && declined.contains(&key()) {
                    continue;
                }
                let Some(amount) = line.amount_minor else {
                    held += 1;
                    continue;
                };
                let back =
                    compute::given_back(amount, refund.min(sale), sale, ctx.settings.rounding);
                *scenario_by.entry(line.partner_id).or_default() += amount - back;
                if line.kind == "two_tier" {
                    shares.push(ShareLine {
                        partner_id: line.partner_id,
                        rule_id: line.rule_id.clone(),
                        amount,
                        given: -back,
                    });
                } else if line.line == "direct" && line.detail.get("tiers").is_some() {
                    let major = c.currency.map_or(rust_decimal::Decimal::ZERO, |cur| {
                        Money::new(sale, cur).to_decimal()
                    });
                    tiered_line = Some((
                        (line.partner_id, line.rule_id.clone()),
                        PeriodLine {
                            amount,
                            value: line.fx.as_ref().map_or(major, |fx| major * fx.rate),
                            sale_minor: sale,
                            refunded_minor: refund,
                            given: -back,
                            due_on: String::new(),
                            at: partnerbook_book::time::stamp(c.occurred_at),
                            shares: Vec::new(),
                        },
                    ));
                }
            }
            if let Some((key, mut line)) = tiered_line {
                line.shares = shares;
                tiered.entry(key).or_default().push(line);
            }
        }
        ctx.count_in_month(&c)?;
        if let (true, Some(currency)) = (refund > 0, c.currency) {
            ctx.refund_in_month(
                c.partner_id,
                c.occurred_at,
                refund.min(sale),
                currency,
                i64::from(refund >= sale),
            )?;
        }
        done += 1;
        if done.is_multiple_of(20_000) {
            progress.check()?;
            progress.update("Recomputing", done, total as u64);
        }
    }
    // The month as a whole, as the engine trues it up: each tiered rule's
    // lines valued again at the month's final band or slices.
    for ((partner_id, rule_id), lines) in tiered {
        let Some((_, rules)) = ctx.rules_for(partner_id, month::end(year, month).date_naive())?
        else {
            continue;
        };
        let Some(Pays::Tiered {
            mode,
            measure,
            tiers,
        }) = rules
            .iter()
            .find(|r| r.id == rule_id)
            .map(|r| r.pays.clone())
        else {
            continue;
        };
        let month = periods::revalue(
            &mut ctx,
            partner_id,
            (year, month),
            (mode, measure, &tiers),
            &lines,
            &periods::share_rules(&rules),
        )?;
        let had: i64 = lines.iter().map(|l| l.amount + l.given).sum();
        *scenario_by.entry(partner_id).or_default() += month.target - had;
        for ((ancestor, _), (target, had)) in month.shares {
            *scenario_by.entry(ancestor).or_default() += target - had;
        }
    }
    let mut seen: Vec<i64> = conversions_by.keys().copied().collect();
    seen.sort_unstable();
    for partner_id in seen {
        if !ctx.is_active(partner_id)? {
            continue;
        }
        let Some((_, rules)) = ctx.rules_for(partner_id, month::end(year, month).date_naive())?
        else {
            continue;
        };
        let (revenue, count) = ctx.month_total(partner_id, year, month)?;
        for bonus in compute::bonuses(&rules, partner_id, &key_month, revenue, count, base) {
            let line = format!("bonus:{}:{key_month}", bonus.rule_id);
            if !declined.contains(&(partner_id, None, line)) {
                *scenario_by.entry(partner_id).or_default() += bonus.amount_minor;
            }
        }
    }
    progress.update("Recomputing", done, done);

    let actual_by = actual_by_partner(conn, &start, &end, &key_month)?;
    let mut ids: Vec<i64> = actual_by
        .keys()
        .chain(scenario_by.keys())
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names = names_of(conn, &ids)?;
    let money = |minor: i64| Money::new(minor, base);
    let mut changed = Vec::new();
    let mut unchanged = 0;
    let (mut actual_total, mut scenario_total) = (0i64, 0i64);
    for id in ids {
        let actual = actual_by.get(&id).copied().unwrap_or(0);
        let scenario = scenario_by.get(&id).copied().unwrap_or(0);
        actual_total += actual;
        scenario_total += scenario;
        if actual == scenario {
            unchanged += 1;
            continue;
        }
        changed.push(WhatIfRow {
            partner_id: id,
            partner_name: names.get(&id).cloned().unwrap_or_default(),
            actual: money(actual),
            scenario: money(scenario),
            difference: money(scenario - actual),
            conversions: conversions_by.get(&id).copied().unwrap_or(0),
        });
    }
    changed.sort_by(|a, b| {
        b.difference
            .minor
            .abs()
            .cmp(&a.difference.minor.abs())
            .then_with(|| a.partner_name.cmp(&b.partner_name))
    });
    Ok(WhatIfReport {
        period: key_month,
        scenario: label,
        applies_to,
        actual_total: money(actual_total),
        scenario_total: money(scenario_total),
        difference: money(scenario_total - actual_total),
        conversions: done,
        held,
        changed,
        unchanged,
    })
}

fn parse_period(text: &str) -> Result<(i32, u32)> {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .map(|d| (d.year(), d.month()))
        .map_err(|_| LedgerError::invalid("period", "should be a month like 2026-10"))
}

/// The scenario's rules, their name in words, and whose rules they replace.
fn scenario(conn: &Connection, plan: &WhatIfPlan) -> Result<(Scenario, String, String)> {
    let base = partnerbook_book::settings::get(conn)?.base_currency;
    let (plan_id, rules, label): (Option<i64>, Vec<Rule>, String) = match plan {
        WhatIfPlan::Version { version_id } => {
            let (plan_id, name, version, from): (i64, String, u32, String) = conn
                .query_row(
                    "SELECT p.id, p.name, v.version, v.effective_from FROM plan_versions v
                       JOIN plans p ON p.id = v.plan_id WHERE v.id = ?1",
                    [version_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .map_err(|_| LedgerError::not_found(format!("plan version {version_id}")))?;
            let rules = plans::rules_of(conn, *version_id)?;
            (
                Some(plan_id),
                rules,
                format!("{name} v{version} (from {from})"),
            )
        }
        WhatIfPlan::File { plan } => {
            let latest = plan
                .versions
                .iter()
                .max_by(|a, b| a.effective_from.cmp(&b.effective_from))
                .ok_or_else(|| {
                    LedgerError::invalid("versions", "a plan needs at least one version")
                })?;
            let rules = plans::with_partner_ids(conn, &latest.rules)?;
            let label = format!(
                "{} as in the file (from {})",
                plan.name.trim(),
                latest.effective_from
            );
            (plans::find_id(conn, &plan.name)?, rules, label)
        }
    };
    let compiled = compile(&rules, base, &plans::stored_partner_id)?;
    let applies_to = match plan_id {
        Some(id) => {
            let name: String =
                conn.query_row("SELECT name FROM plans WHERE id = ?1", [id], |r| r.get(0))?;
            format!("partners on the plan \"{name}\"")
        }
        None => "every partner (the book has no plan of that name)".to_string(),
    };
    let scenario = Scenario {
        plan_id,
        rules: Rc::new(compiled),
    };
    Ok((scenario, label, applies_to))
}

/// What refunds and chargebacks dealt with so far gave back, per sale of
/// the month, less what chargeback reversals brought back.
fn refunded_by_sale(conn: &Connection, start: &str, end: &str) -> Result<HashMap<i64, i64>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT r.original_id, max(0, sum(",
        taken_back!(),
        ")) FROM conversions r JOIN conversions s ON s.id = r.original_id
              WHERE s.occurred_at >= ?1 AND s.occurred_at < ?2 AND ",
        follows_a_sale!(),
        " AND r.computed_at IS NOT NULL GROUP BY r.original_id"
    ))?;
    let rows = stmt.query_map(params![start, end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (partner, conversion, line) of the month's lines a person declined.
type LineKey = (i64, Option<i64>, String);

fn declined_lines(
    conn: &Connection,
    start: &str,
    end: &str,
    month: &str,
) -> Result<HashSet<LineKey>> {
    let mut stmt = conn.prepare(
        "SELECT k.partner_id, k.conversion_id, k.line FROM commissions k
           LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.state = 'declined' AND ((c.occurred_at >= ?1 AND c.occurred_at < ?2)
                OR (k.kind = 'bonus' AND k.line LIKE 'bonus:%:' || ?3))",
    )?;
    let rows = stmt.query_map(params![start, end, month], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the book holds for the month per partner: the lines its
/// conversions earned, what their refunds took back, and its bonuses.
fn actual_by_partner(
    conn: &Connection,
    start: &str,
    end: &str,
    month: &str,
) -> Result<HashMap<i64, i64>> {
    let mut stmt = conn.prepare(
        "SELECT k.partner_id, sum(k.amount_minor) FROM commissions k
           LEFT JOIN commissions o ON o.id = k.related_id
           LEFT JOIN conversions c ON c.id = coalesce(o.conversion_id, k.conversion_id)
          WHERE k.state NOT IN ('declined', 'reversed') AND k.amount_minor IS NOT NULL
            AND ((k.kind NOT IN ('bonus', 'adjustment') AND c.occurred_at >= ?1 AND c.occurred_at < ?2)
                 OR (k.kind = 'bonus' AND k.line LIKE 'bonus:%:' || ?3)
                 OR (k.kind = 'adjustment' AND k.line LIKE '%:' || ?3 || ':%'))
          GROUP BY k.partner_id",
    )?;
    let rows = stmt.query_map(params![start, end, month], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn names_of(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, String>> {
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn
        .prepare("SELECT id, name FROM partners WHERE id IN (SELECT value FROM json_each(?1))")?;
    let rows = stmt.query_map([json], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
