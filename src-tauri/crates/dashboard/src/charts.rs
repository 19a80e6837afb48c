//! What the home screen draws: revenue and commission by month for the
//! twelve months to the period's end, the top partners by revenue (per
//! currency), revenue by group, and the partners refunded most often.

use crate::error::Result;
use crate::figures::PerCurrency;
use crate::period::{sql_list, Month, Period};
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

#[derive(Default)]
struct Acc {
    group: Option<i64>,
    sales: i64,
    refunds: i64,
    revenue: Vec<(String, i64)>,
    commission: Vec<(String, i64)>,
}

fn add(list: &mut Vec<(String, i64)>, currency: &str, minor: i64) {
    if minor == 0 {
        return;
    }
    match list.iter_mut().find(|(c, _)| c == currency) {
        Some((_, m)) => *m += minor,
        None => list.push((currency.to_string(), minor)),
    }
}

fn money(list: &[(String, i64)]) -> Result<Vec<Money>> {
    let mut out = list
        .iter()
        .map(|(c, m)| Ok(Money::new(*m, Currency::from_code(c)?)))
        .collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| a.currency.code().cmp(b.currency.code()));
    Ok(out)
}

fn in_currency(list: &[(String, i64)], currency: &str) -> i64 {
    list.iter()
        .find(|(c, _)| c == currency)
        .map_or(0, |(_, m)| *m)
}

/// Every partner's sums over the period, in one pass over `totals`.
fn partners(conn: &Connection, period: Period) -> Result<HashMap<i64, Acc>> {
    let spans = period.spans(conn)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT t.partner_id, p.group_id, t.currency, t.sales, t.revenue_minor, t.refunds,
                t.earned_minor + t.given_back_minor
           FROM totals t JOIN partners p ON p.id = t.partner_id
          WHERE t.span IN ({}) AND t.partner_id > 0",
        sql_list(&spans)
    ))?;
    let mut out: HashMap<i64, Acc> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let acc = out.entry(r.get(0)?).or_default();
        acc.group = r.get(1)?;
        let currency: String = r.get(2)?;
        acc.sales += r.get::<_, i64>(3)?;
        add(&mut acc.revenue, &currency, r.get(4)?);
        acc.refunds += r.get::<_, i64>(5)?;
        add(&mut acc.commission, &currency, r.get(6)?);
    }
    Ok(out)
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
    let all = partners(conn, period)?;
    // Currencies by how much was sold in them, most first.
    let mut volume: BTreeMap<String, i64> = BTreeMap::new();
    for acc in all.values() {
        for (c, m) in &acc.revenue {
            *volume.entry(c.clone()).or_default() += m;
        }
    }
    let mut currencies: Vec<(String, i64)> = volume.into_iter().filter(|(_, m)| *m > 0).collect();
    currencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let mut tops: Vec<(String, Vec<i64>)> = Vec::new();
    for (currency, _) in &currencies {
        let mut ranked: Vec<(i64, i64)> = all
            .iter()
            .map(|(id, acc)| (in_currency(&acc.revenue, currency), *id))
            .filter(|(m, _)| *m > 0)
            .collect();
        let keep = ranked.len().min(TOP);
        if keep > 0 {
            ranked.select_nth_unstable_by(keep - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        ranked.truncate(keep);
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        tops.push((
            currency.clone(),
            ranked.into_iter().map(|(_, id)| id).collect(),
        ));
    }

    // Refund rate: refunds / sales, compared as cross products (no division).
    let mut rates: Vec<(i64, i64, i64)> = all
        .iter()
        .filter(|(_, a)| a.sales >= floor.max(1) && a.refunds > 0)
        .map(|(id, a)| (*id, a.sales, a.refunds))
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
        let acc = &all[&id];
        Ok(PartnerFigure {
            partner_id: id,
            name: partner_names[&id].clone(),
            sales: acc.sales,
            refunds: acc.refunds,
            revenue: money(&acc.revenue)?,
            commission: money(&acc.commission)?,
        })
    };
    let top = tops
        .into_iter()
        .map(|(currency, ids)| {
            Ok(TopList {
                currency: Currency::from_code(&currency)?,
                partners: ids.into_iter().map(figure).collect::<Result<_>>()?,
            })
        })
        .collect::<Result<_>>()?;

    let mut groups: BTreeMap<Option<i64>, Acc> = BTreeMap::new();
    let mut members: BTreeMap<Option<i64>, i64> = BTreeMap::new();
    for acc in all.values() {
        let g = groups.entry(acc.group).or_default();
        *members.entry(acc.group).or_default() += 1;
        for (c, m) in &acc.revenue {
            add(&mut g.revenue, c, *m);
        }
        for (c, m) in &acc.commission {
            add(&mut g.commission, c, *m);
        }
    }
    let group_names = names(conn, "groups", groups.keys().flatten().copied())?;
    let first = currencies
        .first()
        .map(|(c, _)| c.clone())
        .unwrap_or_default();
    let mut group_list = groups
        .iter()
        .map(|(id, g)| {
            Ok(GroupFigure {
                group_id: *id,
                name: id.map_or_else(|| "(no group)".to_string(), |i| group_names[&i].clone()),
                partners: members[id],
                revenue: money(&g.revenue)?,
                commission: money(&g.commission)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let first_of = |g: &GroupFigure| {
        g.revenue
            .iter()
            .find(|m| m.currency.code() == first)
            .map_or(0, |m| m.minor)
    };
    group_list.sort_by(|a, b| first_of(b).cmp(&first_of(a)).then(a.name.cmp(&b.name)));

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
        groups: group_list,
        refund_rates,
        floor,
    })
}
