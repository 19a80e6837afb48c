//! What the home screen draws: revenue and commission by month for the
//! twelve months to the period's end, the top partners by revenue (per
//! currency), revenue by group, and the partners refunded most often.

use crate::error::Result;
use crate::figures::PerCurrency;
use crate::period::{Month, Period};
use crate::sums::Sums;
use partnerbook_book::money::{Currency, Money};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// How many partners a top list holds.
pub const TOP: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TrendPoint {
    /// "2026-11".
    pub month: String,
    pub revenue: Vec<Money>,
    /// Earned less given back.
    pub commission: Vec<Money>,
}

/// Revenue and commission for each of the 12 months to `to`, oldest first;
/// months with nothing are there, empty.
pub fn trend(conn: &Connection, to: Month) -> Result<Vec<TrendPoint>> {
    let from = to.plus(-11);
    let mut stmt = conn.prepare_cached(
        "SELECT span, currency, revenue_minor, earned_minor + given_back_minor FROM totals
          WHERE partner_id = -1 AND span >= ?1 AND span <= ?2 AND length(span) = 7",
    )?;
    let mut months: BTreeMap<String, (PerCurrency, PerCurrency)> = (0..12)
        .map(|i| (from.plus(i).key(), Default::default()))
        .collect();
    let mut rows = stmt.query((from.key(), to.key()))?;
    while let Some(r) = rows.next()? {
        let (span, currency): (String, String) = (r.get(0)?, r.get(1)?);
        if let Some((revenue, commission)) = months.get_mut(&span) {
            revenue.add(&currency, r.get(2)?);
            commission.add(&currency, r.get(3)?);
        }
    }
    months
        .into_iter()
        .map(|(month, (revenue, commission))| {
            Ok(TrendPoint {
                month,
                revenue: revenue.money()?,
                commission: commission.money()?,
            })
        })
        .collect()
}

/// One partner's period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerFigure {
    pub partner_id: i64,
    pub name: String,
    pub sales: i64,
    pub refunds: i64,
    pub revenue: Vec<Money>,
    /// Earned less given back.
    pub commission: Vec<Money>,
}

/// The partners with the most revenue in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TopList {
    pub currency: Currency,
    pub partners: Vec<PartnerFigure>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GroupFigure {
    /// None: partners in no group.
    pub group_id: Option<i64>,
    pub name: String,
    /// Partners with a sale or a line in the period.
    pub partners: i64,
    pub revenue: Vec<Money>,
    pub commission: Vec<Money>,
}

/// A partner refunded often: `refunds` of `sales` in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RefundRate {
    pub partner_id: i64,
    pub name: String,
    pub sales: i64,
    pub refunds: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerCharts {
    /// Per currency, the currency with the most sales first.
    pub top: Vec<TopList>,
    /// Most revenue (in the first currency) first.
    pub groups: Vec<GroupFigure>,
    /// Partners with at least `floor` sales, highest refund rate first.
    pub refund_rates: Vec<RefundRate>,
    pub floor: i64,
}

fn names(
    conn: &Connection,
    table: &str,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT name FROM {table} WHERE id = ?1"))?;
    let mut out = HashMap::new();
    for id in ids {
        out.insert(id, stmt.query_row([id], |r| r.get(0))?);
    }
    Ok(out)
}

pub fn partner_charts(conn: &Connection, period: Period, floor: i64) -> Result<PartnerCharts> {
    let all = Sums::read(conn, period)?;
    // Currencies by how much was sold in them, most first.
    let mut currencies: Vec<(usize, i64)> = (0..all.currencies.len())
        .map(|c| {
            (
                c,
                all.present
                    .iter()
                    .map(|&id| all.revenue[c][id as usize])
                    .sum::<i64>(),
            )
        })
        .filter(|(_, m)| *m > 0)
        .collect();
    currencies.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(all.currencies[a.0].cmp(&all.currencies[b.0]))
    });

    let mut tops: Vec<(usize, Vec<i64>)> = Vec::new();
    for &(c, _) in &currencies {
        let mut ranked: Vec<(i64, i64)> = all
            .present
            .iter()
            .map(|&id| (all.revenue[c][id as usize], id))
            .filter(|(m, _)| *m > 0)
            .collect();
        let keep = ranked.len().min(TOP);
        if keep > 0 {
            ranked.select_nth_unstable_by(keep - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        ranked.truncate(keep);
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        tops.push((c, ranked.into_iter().map(|(_, id)| id).collect()));
    }

    // Refund rate: refunds / sales, compared as cross products (no division).
    let mut rates: Vec<(i64, i64, i64)> = all
        .present
        .iter()
        .map(|&id| (id, all.sales[id as usize], all.refunds[id as usize]))
        .filter(|&(_, sales, refunds)| sales >= floor.max(1) && refunds > 0)
        .collect();
    rates.sort_by(|a, b| {
        (b.2 * a.1)
            .cmp(&(a.2 * b.1))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    rates.truncate(TOP);

    let wanted = tops
        .iter()
        .flat_map(|(_, ids)| ids.iter().copied())
        .chain(rates.iter().map(|r| r.0));
    let partner_names = names(conn, "partners", wanted)?;
    let figure = |id: i64| -> Result<PartnerFigure> {
        Ok(PartnerFigure {
            partner_id: id,
            name: partner_names[&id].clone(),
            sales: all.sales[id as usize],
            refunds: all.refunds[id as usize],
            revenue: all.money(&all.revenue, id)?,
            commission: all.money(&all.commission, id)?,
        })
    };
    let top = tops
        .into_iter()
        .map(|(c, ids)| {
            Ok(TopList {
                currency: Currency::from_code(&all.currencies[c])?,
                partners: ids.into_iter().map(figure).collect::<Result<_>>()?,
            })
        })
        .collect::<Result<_>>()?;

    // Groups as the partners are now: group id per partner from its index.
    let mut group_of: HashMap<i64, i64> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, group_id FROM partners WHERE group_id IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        group_of.insert(r.get(0)?, r.get(1)?);
    }
    let k = all.currencies.len();
    let mut groups: BTreeMap<Option<i64>, (i64, Vec<i64>, Vec<i64>)> = BTreeMap::new();
    for &id in &all.present {
        let g = groups
            .entry(group_of.get(&id).copied())
            .or_insert_with(|| (0, vec![0; k], vec![0; k]));
        g.0 += 1;
        for c in 0..k {
            g.1[c] += all.revenue[c][id as usize];
            g.2[c] += all.commission[c][id as usize];
        }
    }
    let group_names = names(conn, "groups", groups.keys().flatten().copied())?;
    let first = currencies.first().map(|&(c, _)| c);
    let mut group_list = groups
        .iter()
        .map(|(id, (partners, revenue, commission))| {
            let rank = first.map_or(0, |c| revenue[c]);
            let figure = GroupFigure {
                group_id: *id,
                name: id.map_or_else(|| "(no group)".to_string(), |i| group_names[&i].clone()),
                partners: *partners,
                revenue: all.amounts(revenue)?,
                commission: all.amounts(commission)?,
            };
            Ok((rank, figure))
        })
        .collect::<Result<Vec<_>>>()?;
    group_list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));

    let refund_rates = rates
        .into_iter()
        .map(|(id, sales, refunds)| RefundRate {
            partner_id: id,
            name: partner_names[&id].clone(),
            sales,
            refunds,
        })
        .collect();
    Ok(PartnerCharts {
        top,
        groups: group_list.into_iter().map(|(_, g)| g).collect(),
        refund_rates,
        floor,
    })
}
