//! The commission engine: walks conversions not yet dealt with, in time
//! order (tiers depend on what came before in the month), and writes their
//! lines. Re-running it over the same inputs writes nothing new: every line
//! has a stable key (partner, conversion, line) and a conversion is marked
//! done once its lines are final. Refunds reverse unpaid commissions pro
//! rata and claw back paid ones. Every month a run touched is then trued up
//! as a whole (periods.rs): tiers and target bonuses count the month's
//! sales net of refunds, whatever order they arrived in.

use super::compute::{self, Line};
use super::context::{Context, Todo, TODO_COLUMNS};
use super::month;
use super::periods;
use crate::error::Result;
use chrono::{Datelike, Duration, NaiveDate};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Progress;
use partnerbook_book::settings::ProgramSettings;
use partnerbook_book::time::{now, parse_stamp};
use partnerbook_book::totals;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EngineReport {
    pub conversions: u64,
    pub lines: u64,
    pub held: u64,
    pub reversals: u64,
    pub clawbacks: u64,
    /// Lines a chargeback's reversal gave back to the partner.
    pub reinstated: u64,
    pub bonuses: u64,
    /// Lines that true a month up: a later sale lifted its band, a refund
    /// dropped it back, a target was lost or reached again.
    pub adjustments: u64,
    /// What the run changed partners' earnings by, net of reversals and
    /// clawbacks, in the program's currency; None when nothing changed.
    pub net: Option<Money>,
}

/// Computes commissions for every attributed conversion not yet dealt with.
pub fn run(book: &mut Book, progress: &dyn Progress) -> Result<EngineReport> {
    let tx = book.transaction()?;
    let report = run_in(&tx, progress)?;
    tx.commit()?;
    Ok(report)
}

pub fn run_in(conn: &Connection, progress: &dyn Progress) -> Result<EngineReport> {
    run_with(conn, progress, true)
}

/// As `run_in`, without the net change (`report.net` stays None): that
/// sum reads every line of the book, so a caller that computes after each
/// small batch (sync, page by page) would pay for the whole book each time.
pub fn run_in_without_net(conn: &Connection, progress: &dyn Progress) -> Result<EngineReport> {
    run_with(conn, progress, false)
}

fn run_with(conn: &Connection, progress: &dyn Progress, with_net: bool) -> Result<EngineReport> {
    let mut ctx = Context::for_engine(conn)?;
    let todo = pending_conversions(conn)?;
    if todo.is_empty() {
        return Ok(EngineReport::default());
    }
    let owed_before = if with_net { owed(conn)? } else { 0 };
    let total = todo.len() as u64;
    let mut report = EngineReport::default();
    let mut months: BTreeSet<(i64, i32, u32)> = BTreeSet::new();
    let mut noted = totals::Notes::default();
    // A refund dated before its sale (data arrives as it will) waits for the
    // sale's lines; it is tried again once the rest of the run is done.
    let mut waiting = Vec::new();
    for (i, (c, has_lines)) in todo.iter().enumerate() {
        let done = if c.kind.follows_a_sale() {
            give_back(conn, &mut ctx, c, &mut report, &mut months)?
        } else {
            earn(conn, &mut ctx, c, !has_lines, &mut report, &mut noted)?
        };
        if done {
            mark_done(conn, &mut ctx, c)?;
        } else if c.kind.follows_a_sale() {
            waiting.push(c);
        }
        months.insert((c.partner_id, c.occurred_at.year(), c.occurred_at.month()));
        report.conversions += 1;
        if i % 1000 == 999 {
            progress.check()?;
            progress.update("Computing commissions", i as u64 + 1, total);
        }
    }
    for c in waiting {
        if give_back(conn, &mut ctx, c, &mut report, &mut months)? {
            mark_done(conn, &mut ctx, c)?;
        }
    }
    let tiers = periods::book_has_tiers(conn)?;
    for (partner, year, month) in months {
        if tiers {
            report.adjustments += periods::true_up(conn, &mut ctx, partner, year, month)?;
        }
        bonuses(conn, &mut ctx, partner, year, month, &mut report)?;
    }
    noted.write(conn)?;
    if with_net {
        let net = owed(conn)? - owed_before;
        report.net = (net != 0).then(|| Money::new(net, ctx.base()));
    }
    progress.update("Computing commissions", total, total);
    Ok(report)
}

/// What every line not reversed or declined comes to.
fn owed(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(amount_minor), 0) FROM commissions WHERE state NOT IN ('reversed', 'declined')",
        [],
        |r| r.get(0),
    )?)
}

fn mark_done(conn: &Connection, ctx: &mut Context, c: &Todo) -> Result<()> {
    conn.prepare_cached("UPDATE conversions SET computed_at = ?2 WHERE id = ?1")?
        .execute(params![c.id, now()])?;
    ctx.count_in_month(c)
}

/// The conversions not yet dealt with, in time order, each with whether an
/// earlier run already wrote (held) lines for it.
fn pending_conversions(conn: &Connection) -> Result<Vec<(Todo, bool)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {TODO_COLUMNS}, EXISTS (SELECT 1 FROM commissions l WHERE l.conversion_id = c.id)
           FROM conversions c
          WHERE c.computed_at IS NULL AND c.partner_id IS NOT NULL ORDER BY c.occurred_at, c.id"
    ))?;
    let rows = stmt.query_map([], |r| Ok((Todo::from_row(r)?, r.get(10)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The day a line made on `day` is due for approval, after the hold.
pub(crate) fn due_after_hold(settings: &ProgramSettings, day: NaiveDate) -> String {
    (day + Duration::days(i64::from(settings.hold_days)))
        .format("%Y-%m-%d")
        .to_string()
}

/// Writes the lines a sale or action earns; false while one is held.
/// `fresh`: no earlier run wrote lines for it.
fn earn(
    conn: &Connection,
    ctx: &mut Context,
    c: &Todo,
    fresh: bool,
    report: &mut EngineReport,
    // What new commission and two-tier lines earn, noted in the totals once
    // at the end of the run rather than once per line.
    noted: &mut totals::Notes,
) -> Result<bool> {
    let Some((version_id, lines)) = ctx.lines_for(c)? else {
        return Ok(true);
    };
    let due = due_after_hold(&ctx.settings, c.occurred_at.date_naive());
    let mut all_final = true;
    for line in &lines {
        all_final &= line.hold_reason.is_none();
        if line.hold_reason.is_some() {
            report.held += 1;
        } else {
            report.lines += 1;
        }
        if write_line(conn, &ctx.settings, c, version_id, line, &due, fresh)? {
            if let Some(minor) = line.amount_minor {
                let at = c.occurred_at.format("%Y-%m").to_string();
                noted.earned(
                    line.partner_id,
                    &at,
                    ctx.settings.base_currency.code(),
                    minor,
                );
            }
        }
    }
    Ok(all_final)
}

macro_rules! insert_line {
    () => {
        "INSERT INTO commissions (partner_id, conversion_id, line, kind, plan_version_id, rule_id, base_minor,
            base_currency, rate, flat_minor, fx_rate, fx_source, rounding, detail, amount_minor, currency, state,
            hold_reason, due_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'pending', ?17, ?18, ?19, ?19)"
    };
}
const INSERT_LINE: &str = insert_line!();
/// The same, completing a held line of the same key.
const UPSERT_LINE: &str = concat!(
    insert_line!(),
    " ON CONFLICT (partner_id, conversion_id, line) DO UPDATE SET
        plan_version_id = excluded.plan_version_id, rule_id = excluded.rule_id, rate = excluded.rate, flat_minor = excluded.flat_minor,
        fx_rate = excluded.fx_rate, fx_source = excluded.fx_source, detail = excluded.detail,
        amount_minor = excluded.amount_minor, hold_reason = excluded.hold_reason, updated_at = excluded.updated_at
      WHERE commissions.state = 'pending' AND commissions.hold_reason IS NOT NULL"
);

/// Inserts the line, or completes a held one; a final line is never
/// rewritten. True when the line is new (its totals are the caller's to
/// note; a completed one's trigger notes them). A conversion without lines yet (`fresh`) gets a plain
/// insert: the upsert's UPDATE triggers make SQLite keep a statement
/// journal, which cost a third of every insert.
fn write_line(
    conn: &Connection,
    settings: &ProgramSettings,
    c: &Todo,
    version_id: Option<i64>,
    l: &Line,
    due: &str,
    fresh: bool,
) -> Result<bool> {
    let now = now();
    let sql = if fresh { INSERT_LINE } else { UPSERT_LINE };
    // An upsert that completes a held line is an update (its trigger notes
    // the totals); only a new line is noted here.
    let new_line = fresh
        || !conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM commissions WHERE partner_id = ?1 AND conversion_id = ?2 AND line = ?3)")?
            .query_row(params![l.partner_id, c.id, l.line], |r| r.get::<_, bool>(0))?;
    conn.prepare_cached(sql)?.execute(params![
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
    Ok(new_line)
}

/// A refund or chargeback: for each line its sale earned, reverse the
/// refunded share while unpaid (all of it: the line becomes `reversed`),
/// or claw it back once paid. Shares are computed on the running total
/// refunded, so several partial refunds add up to the cent.
fn give_back(
    conn: &Connection,
    ctx: &mut Context,
    c: &Todo,
    report: &mut EngineReport,
    months: &mut BTreeSet<(i64, i32, u32)>,
) -> Result<bool> {
    let Some(sale_id) = c.original_id else {
        return Ok(true);
    };
    type Sale = (i64, bool, Option<i64>, String, Option<Currency>);
    let (sale_amount, sale_done, sale_partner, sale_at, sale_currency): Sale = conn.query_row(
        "SELECT amount_minor, computed_at IS NOT NULL, partner_id, occurred_at, currency
           FROM conversions WHERE id = ?1",
        [sale_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    if !sale_done {
        // The sale's own commission is still held: wait for it.
        return Ok(false);
    }
    let rounding = ctx.settings.rounding;
    // Refunds and chargebacks take money back; a chargeback's reversal
    // brings it back again.
    let refunded_so_far: i64 = conn.query_row(
        concat!(
            "SELECT coalesce(sum(",
            taken_back!(),
            "), 0) FROM conversions r WHERE r.original_id = ?1 AND ",
            follows_a_sale!(),
            " AND (r.computed_at IS NOT NULL OR r.id = ?2)"
        ),
        params![sale_id, c.id],
        |r| r.get(0),
    )?;
    let this = if c.kind.gives_money_back() {
        c.amount_minor
    } else {
        -c.amount_minor
    };
    let refunded = refunded_so_far.clamp(0, sale_amount);
    let before = (refunded_so_far - this).clamp(0, sale_amount);
    // The sale's month counts what the sale kept: this refund comes out of
    // it (a reversal puts it back).
    if let (Some(partner), Some(at), Some(currency)) =
        (sale_partner, parse_stamp(&sale_at), sale_currency)
    {
        let was_whole = before >= sale_amount;
        let is_whole = refunded >= sale_amount;
        ctx.refund_in_month(
            partner,
            at,
            refunded - before,
            currency,
            i64::from(is_whole) - i64::from(was_whole),
        )?;
        months.insert((partner, at.year(), at.month()));
    }
    let lines: Vec<(i64, i64, String, String)> = conn
        .prepare_cached(
            "SELECT id, amount_minor, state, due_on FROM commissions
              WHERE conversion_id = ?1 AND kind IN ('commission', 'two_tier') AND amount_minor IS NOT NULL",
        )?
        .query_map([sale_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // A clawback falls due on the refund's own day: the first run whose
    // cut-off covers that day nets it, whenever the refund was imported.
    let refund_day = c.occurred_at.date_naive().format("%Y-%m-%d").to_string();
    for (line_id, amount, state, line_due) in lines {
        let state =
            super::CommissionState::parse(&state).unwrap_or(super::CommissionState::Pending);
        if state == super::CommissionState::Declined {
            continue;
        }
        // Reversed whole by a refund: all of it was given back. A reversed
        // line stays reversed; a chargeback's reversal pays it again with a
        // line of its own.
        let whole = state == super::CommissionState::Reversed;
        // What should be given back in all for this line, minus what already was.
        let target = compute::given_back(amount, refunded, sale_amount, rounding);
        let given: i64 = conn.query_row(
            "SELECT coalesce(-sum(amount_minor), 0) FROM commissions
              WHERE related_id = ?1 AND kind IN ('reversal', 'clawback') AND state <> 'reversed'",
            [line_id],
            |r| r.get(0),
        )?;
        let given = given + if whole { amount } else { 0 };
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
        // Positive when a reversal brings back what was given back: the
        // same kinds of line, paying the partner again.
        let (kind, key, line_state, due) = if state.is_settled() {
            (
                "clawback",
                format!("clawback:{line_id}"),
                "approved",
                refund_day.clone(),
            )
        } else {
            // A reversal nets the line it reverses, when that falls due.
            (
                "reversal",
                format!("reversal:{line_id}"),
                if whole { "pending" } else { state.as_str() },
                line_due,
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
        totals::note_line(conn, conn.last_insert_rowid())?;
        if now_back < 0 {
            report.reinstated += 1;
        } else if kind == "clawback" {
            report.clawbacks += 1;
        } else {
            report.reversals += 1;
        }
    }
    Ok(true)
}

/// Target bonuses for one partner's month, counted on its sales net of
/// refunds: paid once when reached; a month that loses its target after a
/// refund (or reaches it again) gets an adjustment.
fn bonuses(
    conn: &Connection,
    ctx: &mut Context,
    partner_id: i64,
    year: i32,
    month: u32,
    report: &mut EngineReport,
) -> Result<()> {
    if !ctx.is_active(partner_id)? {
        return Ok(());
    }
    let end = month::end(year, month);
    let Some((version_id, rules)) = ctx.rules_for(partner_id, end.date_naive())? else {
        return Ok(());
    };
    let (revenue, count) = ctx.month_total(partner_id, year, month)?;
    let key_month = format!("{year:04}-{month:02}");
    let due = due_after_hold(&ctx.settings, end.date_naive());
    let reached = compute::bonuses(&rules, partner_id, &key_month, revenue, count, ctx.base());
    for (rule_id, _) in compute::bonus_rules(&rules, partner_id) {
        let owed = reached.iter().find(|b| b.rule_id == rule_id);
        let adjustment = periods::Adjustment {
            partner_id,
            version_id,
            rule_id: &rule_id,
            due: &due,
            detail: serde_json::json!({ "month": key_month, "revenue": revenue.to_string(),
                                        "count": count, "reached": owed.is_some() }),
        };
        let owed = owed.map_or(0, |b| b.amount_minor);
        if periods::true_up_bonus(conn, ctx, &key_month, owed, &adjustment)? {
            report.adjustments += 1;
        }
    }
    for bonus in reached {
        let added = conn
            .prepare_cached(
                "INSERT INTO commissions (partner_id, line, kind, plan_version_id, rule_id, flat_minor, rounding, detail,
                    amount_minor, currency, state, due_on, created_at, updated_at)
                 VALUES (?1, ?2, 'bonus', ?3, ?4, ?5, ?6, ?7, ?5, ?8, 'pending', ?9, ?10, ?10)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                partner_id,
                format!("bonus:{}:{key_month}", bonus.rule_id),
                version_id,
                bonus.rule_id,
                bonus.amount_minor,
                ctx.settings.rounding.as_str(),
                bonus.detail.to_string(),
                ctx.base(),
                due,
                now(),
            ])?;
        if added > 0 {
            totals::note_line(conn, conn.last_insert_rowid())?;
        }
        report.bonuses += added as u64;
    }
    Ok(())
}
