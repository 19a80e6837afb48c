//! Partner and group performance over a period: sales and renewals, refunds,
//! new customers, revenue net of refunds per currency, the commission earned
//! (net of reversals, in the program's currency) and what was paid.

use crate::error::Result;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::spreadsheet::text_cell;
use partnerbook_book::{settings, Book};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What a row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "PerformanceBy")]
pub enum By {
    Partner,
    Group,
}

impl By {
    /// The SQL for a row's key and name, over `partners p`.
    fn key(self) -> &'static str {
        match self {
            By::Partner => "p.id",
            By::Group => "p.group_id",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PerformanceRow {
    /// The partner's or group's id; None for partners in no group.
    pub id: Option<i64>,
    pub name: String,
    /// Partners with a sale, a commission or a payment in the period.
    pub partners: u32,
    pub sales: u32,
    pub refunds: u32,
    pub new_customers: u32,
    /// Sales less refunds, per currency.
    pub revenue: Vec<Money>,
    pub commission: Money,
    pub paid: Money,
}

pub fn performance(book: &Book, by: By, from: &str, to: &str) -> Result<Vec<PerformanceRow>> {
    let conn = book.conn();
    let base = settings::get(conn)?.base_currency;
    let to_end = format!("{to}T23:59:59Z");
    let key = by.key();
    let mut rows: BTreeMap<Option<i64>, PerformanceRow> = BTreeMap::new();
    let mut members: BTreeMap<Option<i64>, std::collections::BTreeSet<i64>> = BTreeMap::new();
    let sales = format!(
        "SELECT {key}, p.id, c.currency,
                sum(c.kind IN ('sale', 'recurring')), sum(c.kind IN ('refund', 'chargeback')),
                count(DISTINCT CASE WHEN c.kind = 'sale' AND cu.first_sale_at = c.occurred_at THEN c.customer_id END),
                sum(CASE WHEN c.kind IN ('sale', 'recurring') THEN c.amount_minor
                         WHEN c.kind IN ('refund', 'chargeback') THEN -c.amount_minor ELSE 0 END)
           FROM conversions c JOIN partners p ON p.id = c.partner_id
           LEFT JOIN customers cu ON cu.id = c.customer_id
          WHERE c.occurred_at >= ?1 AND c.occurred_at <= ?2 AND c.currency IS NOT NULL
          GROUP BY {key}, p.id, c.currency"
    );
    let mut stmt = conn.prepare(&sales)?;
    let mut found = stmt.query((from, &to_end))?;
    while let Some(r) = found.next()? {
        let id: Option<i64> = r.get(0)?;
        members.entry(id).or_default().insert(r.get(1)?);
        let currency: Currency = r.get(2)?;
        let x = row(&mut rows, id, base);
        x.sales += r.get::<_, u32>(3)?;
        x.refunds += r.get::<_, u32>(4)?;
        x.new_customers += r.get::<_, u32>(5)?;
        let minor: i64 = r.get(6)?;
        match x.revenue.iter_mut().find(|m| m.currency == currency) {
            Some(m) => m.minor += minor,
            None => x.revenue.push(Money::new(minor, currency)),
        }
    }
    // Commission earned in the period: lines dated by their sale (bonuses,
    // which have none, by their due day), as the book owes them.
    let commission = format!(
        "SELECT {key}, p.id, sum(k.amount_minor)
           FROM commissions k JOIN partners p ON p.id = k.partner_id
           LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.state NOT IN ('reversed', 'declined') AND k.amount_minor IS NOT NULL
            AND coalesce(c.occurred_at, k.due_on) >= ?1 AND coalesce(c.occurred_at, k.due_on) <= ?2
          GROUP BY {key}, p.id"
    );
    let mut stmt = conn.prepare(&commission)?;
    let mut found = stmt.query((from, &to_end))?;
    while let Some(r) = found.next()? {
        let id: Option<i64> = r.get(0)?;
        members.entry(id).or_default().insert(r.get(1)?);
        row(&mut rows, id, base).commission.minor += r.get::<_, i64>(2)?;
    }
    let paid = format!(
        "SELECT {key}, p.id, sum(y.balance_minor)
           FROM payouts y JOIN partners p ON p.id = y.partner_id
          WHERE y.status = 'paid' AND y.settled_at >= ?1 AND y.settled_at <= ?2
          GROUP BY {key}, p.id"
    );
    let mut stmt = conn.prepare(&paid)?;
    let mut found = stmt.query((from, &to_end))?;
    while let Some(r) = found.next()? {
        let id: Option<i64> = r.get(0)?;
        members.entry(id).or_default().insert(r.get(1)?);
        row(&mut rows, id, base).paid.minor += r.get::<_, i64>(2)?;
    }
    let name_sql = match by {
        By::Partner => "SELECT name FROM partners WHERE id = ?1",
        By::Group => "SELECT name FROM groups WHERE id = ?1",
    };
    let mut out: Vec<PerformanceRow> = Vec::new();
    for (id, mut r) in rows {
        r.name = match id {
            Some(id) => conn.query_row(name_sql, [id], |x| x.get(0))?,
            None => "(no group)".to_string(),
        };
        r.partners = members.get(&id).map_or(0, |m| m.len() as u32);
        r.revenue
            .sort_by(|a, b| a.currency.code().cmp(b.currency.code()));
        out.push(r);
    }
    out.sort_by(|a, b| {
        b.commission
            .minor
            .cmp(&a.commission.minor)
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}

fn row(
    rows: &mut BTreeMap<Option<i64>, PerformanceRow>,
    id: Option<i64>,
    base: Currency,
) -> &mut PerformanceRow {
    rows.entry(id).or_insert_with(|| PerformanceRow {
        id,
        name: String::new(),
        partners: 0,
        sales: 0,
        refunds: 0,
        new_customers: 0,
        revenue: Vec::new(),
        commission: Money::new(0, base),
        paid: Money::new(0, base),
    })
}

pub fn to_csv(by: By, rows: &[PerformanceRow]) -> Result<Vec<u8>> {
    let first = match by {
        By::Partner => "partner",
        By::Group => "group",
    };
    let rows = rows.iter().map(|r| {
        let revenue: Vec<String> = r.revenue.iter().map(Money::to_string).collect();
        vec![
            r.id.map(|i| i.to_string()).unwrap_or_default(),
            text_cell(&r.name).into_owned(),
            r.partners.to_string(),
            r.sales.to_string(),
            r.refunds.to_string(),
            r.new_customers.to_string(),
            revenue.join(" + "),
            r.commission.to_decimal().to_string(),
            r.paid.to_decimal().to_string(),
            r.commission.currency.code().to_string(),
        ]
    });
    super::csv_bytes(
        &[
            "id",
            first,
            "partners",
            "sales",
            "refunds",
            "new_customers",
            "revenue",
            "commission",
            "paid",
            "currency",
        ],
        rows,
    )
}

/// Each row as the cells a table shows: the PDF's and the command line's
/// (a partner's row has no count of partners; each revenue currency is a
/// line of its own).
pub fn cells(by: By, rows: &[PerformanceRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            let revenue: Vec<String> = r.revenue.iter().map(Money::to_string).collect();
            let mut cells = vec![r.name.clone()];
            if by == By::Group {
                cells.push(r.partners.to_string());
            }
            cells.extend([
                r.sales.to_string(),
                r.refunds.to_string(),
                r.new_customers.to_string(),
                revenue.join("\n"),
                r.commission.to_string(),
                r.paid.to_string(),
            ]);
            cells
        })
        .collect()
}

/// The columns' headers, as `cells` fills them.
pub fn headers(by: By) -> Vec<&'static str> {
    let mut h = vec![match by {
        By::Partner => "Partner",
        By::Group => "Group",
    }];
    if by == By::Group {
        h.push("Partners");
    }
    h.extend([
        "Sales",
        "Refunds",
        "New cust.",
        "Revenue",
        "Commission",
        "Paid",
    ]);
    h
}

pub fn to_pdf(
    book: &Book,
    by: By,
    rows: &[PerformanceRow],
    from: &str,
    to: &str,
) -> Result<Vec<u8>> {
    use super::table_pdf::{render, Column, Table};
    let program = settings::get(book.conn())?.program_name;
    let title = match by {
        By::Partner => "Partner performance",
        By::Group => "Group performance",
    };
    let covers = format!("sales, commission and payments from {from} to {to}");
    let columns: Vec<Column> = headers(by)
        .into_iter()
        .map(|label| Column {
            label,
            width: match label {
                "Partner" | "Group" => 2.0,
                "Revenue" => 1.6,
                "Commission" | "Paid" => 1.2,
                "New cust." => 0.9,
                _ => 0.8,
            },
            numeric: !matches!(label, "Partner" | "Group"),
        })
        .collect();
    let cells = cells(by, rows);
    let table = Table {
        program_name: &program,
        title,
        covers: &covers,
        day: to,
        columns: &columns,
        rows: &cells,
    };
    Ok(render(&table, &crate::pdf::Fonts::load()?))
}
