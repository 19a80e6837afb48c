//! The commission engine: walks conversions not yet dealt with, in time
//! order (tiers depend on what came before in the month), and writes their
//! lines. Re-running it over the same inputs writes nothing new: every line
//! has a stable key (partner, conversion, line) and a conversion is marked
//! done once its lines are final. Refunds reverse unpaid commissions pro
//! rata and claw back paid ones; target bonuses are paid once per month.

use super::compute::{self, Facts, Line};
use crate::book::Book;
use crate::conversions::ConversionKind;
use crate::error::Result;
use crate::fx;
use crate::money::Currency;
use crate::plans::compile::{compile, CompiledRule, Pays};
use crate::plans::{self, Measure};
use crate::progress::Progress;
use crate::settings::{self, ProgramSettings};
use crate::time::now;
use chrono::{DateTime, Datelike, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EngineReport {
    pub conversions: u64,
    pub lines: u64,
    pub held: u64,
    pub reversals: u64,
    pub clawbacks: u64,
    pub bonuses: u64,
}

/// Computes commissions for every attributed conversion not yet dealt with.
pub fn run(book: &mut Book, progress: &dyn Progress) -> Result<EngineReport> {
    let tx = book.transaction()?;
    let report = run_in(&tx, progress)?;
    tx.commit()?;
    Ok(report)
}

struct Todo {
    id: i64,
    kind: ConversionKind,
    occurred_at: DateTime<Utc>,
    amount_minor: i64,
    currency: Option<Currency>,
    quantity: u32,
    product: String,
    partner_id: i64,
    original_id: Option<i64>,
    customer_id: Option<i64>,
}

pub(crate) fn run_in(conn: &Connection, progress: &dyn Progress) -> Result<EngineReport> {
    let settings = settings::get(conn)?;
    let todo = pending_conversions(conn)?;
    let total = todo.len() as u64;
    let mut report = EngineReport::default();
    let mut rules_cache: RulesCache = HashMap::new();
    let mut months: BTreeSet<(i64, i32, u32)> = BTreeSet::new();
    for (i, c) in todo.iter().enumerate() {
        let done = if c.kind.gives_money_back() {
            give_back(conn, &settings, c, &mut report)?
        } else {
            earn(conn, &settings, c, &mut rules_cache, &mut report)?
        };
        if done {
            conn.prepare_cached("UPDATE conversions SET computed_at = ?2 WHERE id = ?1")?
                .execute(params![c.id, now()])?;
        }
        months.insert((c.partner_id, c.occurred_at.year(), c.occurred_at.month()));
        report.conversions += 1;
        if i % 1000 == 999 {
            progress.check()?;
            progress.update("Computing commissions", i as u64 + 1, total);
        }
    }
    for (partner, year, month) in months {
        report.bonuses += bonuses(conn, &settings, partner, year, month, &mut rules_cache)?;
    }
    progress.update("Computing commissions", total, total);
    Ok(report)
}

fn pending_conversions(conn: &Connection) -> Result<Vec<Todo>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, occurred_at, amount_minor, currency, quantity, product, partner_id, original_id, customer_id
           FROM conversions WHERE computed_at IS NULL AND partner_id IS NOT NULL ORDER BY occurred_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let at: String = r.get(2)?;
        Ok(Todo {
            id: r.get(0)?,
            kind: ConversionKind::parse(&r.get::<_, String>(1)?).unwrap_or(ConversionKind::Sale),
            occurred_at: DateTime::parse_from_rfc3339(&at)
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_default(),
            amount_minor: r.get(3)?,
            currency: r.get(4)?,
            quantity: r.get(5)?,
            product: r.get(6)?,
            partner_id: r.get(7)?,
            original_id: r.get(8)?,
            customer_id: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn is_active(conn: &Connection, partner_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT status = 'active' FROM partners WHERE id = ?1")?
        .query_row([partner_id], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

fn rules_for(
    conn: &Connection,
    settings: &ProgramSettings,
    cache: &mut RulesCache,
    partner_id: i64,
    day: &str,
) -> Result<Option<(i64, Rc<Vec<CompiledRule>>)>> {
    let Some(version_id) = plans::in_force(conn, partner_id, day)? else {
        return Ok(None);
    };
    // Each version is read and compiled once per run, however many conversions use it.
    if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(version_id) {
        let rules = plans::rules_of(conn, version_id)?;
        e.insert(Rc::new(compile(
            &rules,
            settings.base_currency,
            &plans::stored_partner_id,
        )?));
    }
    Ok(cache.get(&version_id).map(|r| (version_id, Rc::clone(r))))
}

type RulesCache = HashMap<i64, Rc<Vec<CompiledRule>>>;

/// The partner's sale and recurring revenue (base currency) and count in
/// the month of `month_of`, before `before`, from conversions already done.
fn month_so_far(
    conn: &Connection,
    partner_id: i64,
    month_of: DateTime<Utc>,
    before: DateTime<Utc>,
    base: Currency,
) -> Result<(Decimal, i64)> {
    let start = format!(
        "{:04}-{:02}-01T00:00:00Z",
        month_of.year(),
        month_of.month()
    );
    let mut stmt = conn.prepare_cached(
        "SELECT c.amount_minor, c.currency, k.fx_rate FROM conversions c
           LEFT JOIN commissions k ON k.conversion_id = c.id AND k.line = 'direct' AND k.partner_id = c.partner_id
          WHERE c.partner_id = ?1 AND c.kind IN ('sale', 'recurring') AND c.occurred_at >= ?2 AND c.occurred_at < ?3
            AND c.computed_at IS NOT NULL",
    )?;
    let rows = stmt.query_map(params![partner_id, start, super::stamp(before)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<Currency>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let (mut revenue, mut count) = (Decimal::ZERO, 0);
    for row in rows {
        let (minor, currency, fx) = row?;
        let Some(currency) = currency else { continue };
        let major = Decimal::from_i128_with_scale(i128::from(minor), currency.exponent());
        let rate = fx
            .and_then(|f| f.parse::<Decimal>().ok())
            .unwrap_or(Decimal::ONE);
        revenue += if currency == base {
            major
        } else {
            major * rate
        };
        count += 1;
    }
    Ok((revenue, count))
}

fn earn(
    conn: &Connection,
    settings: &ProgramSettings,
    c: &Todo,
    cache: &mut RulesCache,
    report: &mut EngineReport,
) -> Result<bool> {
    if !is_active(conn, c.partner_id)? {
        return Ok(true);
    }
    let day = c.occurred_at.format("%Y-%m-%d").to_string();
    let Some((version_id, rules)) = rules_for(conn, settings, cache, c.partner_id, &day)? else {
        return Ok(true);
    };
    let base = settings.base_currency;
    let fx = match c.currency {
        Some(cur) if cur != base => fx::lookup(conn, c.occurred_at.date_naive(), cur, base)?,
        _ => None,
    };
    let parent_id: Option<i64> = conn
        .prepare_cached("SELECT pp.id FROM partners p JOIN partners pp ON pp.id = p.parent_id WHERE p.id = ?1 AND pp.status = 'active'")?
        .query_row([c.partner_id], |r| r.get(0))
        .optional()?;
    let first_sale_at: Option<DateTime<Utc>> = match c.customer_id {
        Some(customer) => conn
            .prepare_cached("SELECT first_sale_at FROM customers WHERE id = ?1")?
            .query_row([customer], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten()
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|d| d.with_timezone(&Utc)),
        None => None,
    };
    let (month_revenue_before, month_count_before) =
        month_so_far(conn, c.partner_id, c.occurred_at, c.occurred_at, base)?;
    let facts = Facts {
        kind: c.kind,
        occurred_at: c.occurred_at,
        amount_minor: c.amount_minor,
        currency: c.currency,
        quantity: c.quantity,
        product: c.product.clone(),
        partner_id: c.partner_id,
        parent_id,
        first_sale_at,
        fx,
        month_revenue_before,
        month_count_before,
    };
    let lines = compute::lines(&rules, &facts, base, settings.rounding);
    let due = (c.occurred_at.date_naive() + Duration::days(i64::from(settings.hold_days)))
        .format("%Y-%m-%d")
        .to_string();
    let mut all_final = true;
    for line in &lines {
        all_final &= line.hold_reason.is_none();
        if line.hold_reason.is_some() {
            report.held += 1;
        } else {
            report.lines += 1;
        }
        write_line(conn, settings, c, version_id, line, &due)?;
    }
    Ok(all_final)
}

/// Inserts the line, or completes a held one; a final line is never rewritten.
fn write_line(
    conn: &Connection,
    settings: &ProgramSettings,
    c: &Todo,
    version_id: i64,
    l: &Line,
    due: &str,
) -> Result<()> {
    let now = now();
    conn.prepare_cached(
        "INSERT INTO commissions (partner_id, conversion_id, line, kind, plan_version_id, rule_id, base_minor,
            base_currency, rate, flat_minor, fx_rate, fx_source, rounding, detail, amount_minor, currency, state,
            hold_reason, due_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'pending', ?17, ?18, ?19, ?19)
         ON CONFLICT (partner_id, conversion_id, line) DO UPDATE SET
            rule_id = excluded.rule_id, rate = excluded.rate, flat_minor = excluded.flat_minor,
            fx_rate = excluded.fx_rate, fx_source = excluded.fx_source, detail = excluded.detail,
            amount_minor = excluded.amount_minor, hold_reason = excluded.hold_reason, updated_at = excluded.updated_at
          WHERE commissions.state = 'pending' AND commissions.hold_reason IS NOT NULL",
    )?
    .execute(params![
        l.partner_id,
        c.id,
        l.line,
        l.kind,
        version_id,
        l.rule_id,
        c.amount_minor,
        c.currency,
        l.rate.map(|r| r.normalize().to_string()),
        l.flat_minor,
        l.fx.as_ref().map(|f| f.rate.normalize().to_string()),
        l.fx.as_ref().map(|f| f.source.clone()),
        settings.rounding.as_str(),
        l.detail.to_string(),
        l.amount_minor,
        settings.base_currency,
        l.hold_reason,
        due,
        now,
    ])?;
    Ok(())
}

/// A refund or chargeback: for each line its sale earned, reverse the
/// refunded share while unpaid (all of it: the line becomes `reversed`),
/// or claw it back once paid. Shares are computed on the running total
/// refunded, so several partial refunds add up to the cent.
fn give_back(
    conn: &Connection,
    settings: &ProgramSettings,
    c: &Todo,
    report: &mut EngineReport,
) -> Result<bool> {
    let Some(sale_id) = c.original_id else {
        return Ok(true);
    };
    let (sale_amount, sale_done): (i64, bool) = conn.query_row(
        "SELECT amount_minor, computed_at IS NOT NULL FROM conversions WHERE id = ?1",
        [sale_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !sale_done {
        // The sale's own commission is still held: wait for it.
        return Ok(false);
    }
    let refunded_so_far: i64 = conn.query_row(
        "SELECT coalesce(sum(amount_minor), 0) FROM conversions
          WHERE original_id = ?1 AND kind IN ('refund', 'chargeback') AND (computed_at IS NOT NULL OR id = ?2)",
        params![sale_id, c.id],
        |r| r.get(0),
    )?;
    let refunded = refunded_so_far.min(sale_amount);
    let lines: Vec<(i64, i64, String)> = conn
        .prepare_cached(
            "SELECT id, amount_minor, state FROM commissions
              WHERE conversion_id = ?1 AND kind IN ('commission', 'two_tier') AND amount_minor IS NOT NULL",
        )?
        .query_map([sale_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    for (line_id, amount, state) in lines {
        let state =
            super::CommissionState::parse(&state).unwrap_or(super::CommissionState::Pending);
        if matches!(
            state,
            super::CommissionState::Declined | super::CommissionState::Reversed
        ) {
            continue;
        }
        // What should be given back in all for this line, minus what already was.
        let share =
            Decimal::from(amount) * Decimal::from(refunded) / Decimal::from(sale_amount.max(1));
        let target = if refunded >= sale_amount {
            amount
        } else {
            i64::try_from(settings.rounding.round_to_integer(share)).unwrap_or(amount)
        };
        let given: i64 = conn.query_row(
            "SELECT coalesce(-sum(amount_minor), 0) FROM commissions
              WHERE related_id = ?1 AND kind IN ('reversal', 'clawback') AND state <> 'reversed'",
            [line_id],
            |r| r.get(0),
        )?;
        let now_back = target - given;
        if now_back == 0 {
            continue;
        }
        if !state.is_settled() && refunded >= sale_amount {
            // Fully refunded before payment: the line and its partial
            // reversals are cancelled together.
            conn.execute(
                "UPDATE commissions SET state = 'reversed', updated_at = ?2
                  WHERE (id = ?1 OR (related_id = ?1 AND kind = 'reversal')) AND state IN ('pending', 'approved')",
                params![line_id, now()],
            )?;
            report.reversals += 1;
            continue;
        }
        let (kind, key, line_state, due) = if state.is_settled() {
            (
                "clawback",
                format!("clawback:{line_id}"),
                "approved",
                today.clone(),
            )
        } else {
            let due: String = conn.query_row(
                "SELECT due_on FROM commissions WHERE id = ?1",
                [line_id],
                |r| r.get(0),
            )?;
            (
                "reversal",
                format!("reversal:{line_id}"),
                state.as_str(),
                due,
            )
        };
        conn.prepare_cached(
            "INSERT INTO commissions (partner_id, conversion_id, line, kind, rule_id, base_minor, base_currency, rounding,
                detail, amount_minor, currency, state, due_on, related_id, created_at, updated_at)
             SELECT partner_id, ?2, ?3, ?4, rule_id, ?5, ?6, rounding, ?7, ?8, currency, ?9, ?10, id, ?11, ?11
               FROM commissions WHERE id = ?1",
        )?
        .execute(params![
            line_id,
            c.id,
            key,
            kind,
            c.amount_minor,
            c.currency,
            serde_json::json!({ "refunded_total": refunded, "sale_amount": sale_amount, "of_line": amount }).to_string(),
            -now_back,
            line_state,
            due,
            now(),
        ])?;
        if kind == "clawback" {
            report.clawbacks += 1;
        } else {
            report.reversals += 1;
        }
    }
    Ok(true)
}

/// Target bonuses for one partner's month, paid once when reached.
fn bonuses(
    conn: &Connection,
    settings: &ProgramSettings,
    partner_id: i64,
    year: i32,
    month: u32,
    cache: &mut RulesCache,
) -> Result<u64> {
    if !is_active(conn, partner_id)? {
        return Ok(0);
    }
    let last_day = if month == 12 {
        format!("{year:04}-12-31")
    } else {
        (chrono::NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap_or_default()
            - Duration::days(1))
        .format("%Y-%m-%d")
        .to_string()
    };
    let Some((version_id, rules)) = rules_for(conn, settings, cache, partner_id, &last_day)? else {
        return Ok(0);
    };
    let end = chrono::NaiveDate::parse_from_str(&last_day, "%Y-%m-%d").unwrap_or_default();
    let month_end = end.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc();
    let (revenue, count) = month_so_far(
        conn,
        partner_id,
        month_end,
        month_end + Duration::seconds(1),
        settings.base_currency,
    )?;
    let mut written = 0;
    for rule in rules.iter() {
        let Pays::TargetBonus {
            measure,
            threshold,
            bonus,
        } = &rule.pays
        else {
            continue;
        };
        if rule.partner_id.is_some_and(|p| p != partner_id) {
            continue;
        }
        let reached = match measure {
            Measure::Revenue => {
                revenue
                    >= Decimal::from_i128_with_scale(
                        i128::from(*threshold),
                        settings.base_currency.exponent(),
                    )
            }
            Measure::Count => count >= *threshold,
        };
        if !reached {
            continue;
        }
        let key = format!("bonus:{}:{year:04}-{month:02}", rule.id);
        let due = (end + Duration::days(i64::from(settings.hold_days)))
            .format("%Y-%m-%d")
            .to_string();
        written += conn
            .prepare_cached(
                "INSERT INTO commissions (partner_id, line, kind, plan_version_id, rule_id, flat_minor, rounding, detail,
                    amount_minor, currency, state, due_on, created_at, updated_at)
                 VALUES (?1, ?2, 'bonus', ?3, ?4, ?5, ?6, ?7, ?5, ?8, 'pending', ?9, ?10, ?10)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                partner_id,
                key,
                version_id,
                rule.id,
                bonus.minor,
                settings.rounding.as_str(),
                serde_json::json!({ "month": format!("{year:04}-{month:02}"), "revenue": revenue.to_string(), "count": count,
                                    "threshold": threshold, "measure": measure }).to_string(),
                settings.base_currency,
                due,
                now(),
            ])? as u64;
    }
    Ok(written)
}
