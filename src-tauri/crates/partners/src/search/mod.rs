//! Search as you type over name, email, company, website, codes and tags
//! (SQLite FTS5), with filters, sorting and paging for a virtualised table.
//! `plan` decides how to find the matches; this module pages through them
//! and loads the rows.

mod plan;

pub use plan::match_expression;

use super::model::PartnerStatus;
use crate::error::Result;
use partnerbook_book::Book;
use plan::plan;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartnerSort {
    /// Best match first when searching; by name otherwise.
    #[default]
    Relevance,
    Name,
    Created,
    Updated,
    Country,
    Status,
    /// Sales and renewals of all time, in the program's currency.
    Revenue,
    /// Commission of all time (earned less given back), in the program's currency.
    Commission,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerQuery {
    /// What the person typed; every word must match the start of a word.
    pub text: String,
    /// Any of these statuses; all when empty.
    pub statuses: Vec<PartnerStatus>,
    pub group_id: Option<i64>,
    pub tag: Option<String>,
    pub country: Option<String>,
    pub sort: PartnerSort,
    pub descending: bool,
    pub offset: u32,
    /// Rows per page, at most 500; 0 means 100.
    pub limit: u32,
    /// Money filters, in the program's currency: revenue of all time at
    /// least this many minor units.
    #[serde(default)]
    #[ts(optional)]
    pub min_revenue_minor: Option<i64>,
    /// Only partners with approved commission not yet in a run.
    #[serde(default)]
    #[ts(optional)]
    pub balance_due: Option<bool>,
    /// Only partners with no sale in this many calendar months, this one
    /// included (never sold counts too).
    #[serde(default)]
    #[ts(optional)]
    pub idle_months: Option<u32>,
    /// Only partners whose refunds are at least this percent of their sales
    /// (counted, of all time).
    #[serde(default)]
    #[ts(optional)]
    pub min_refund_percent: Option<u32>,
}

/// One line of the partners table: just what the list shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub company: String,
    pub country: String,
    pub status: PartnerStatus,
    pub group_name: Option<String>,
    pub tags: Vec<String>,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerPage {
    /// How many partners match in all (for the scrollbar and "12,345 partners").
    pub total: u64,
    pub offset: u32,
    pub rows: Vec<PartnerRow>,
}

/// Separates tag names in one SQL string; no tag can contain it.
const UNIT_SEPARATOR: char = '\u{1f}';

pub fn search(book: &Book, q: &PartnerQuery) -> Result<PartnerPage> {
    let conn = book.conn();
    let (plan, total) = plan(conn, q)?;
    let limit = if q.limit == 0 { 100 } else { q.limit.min(500) };
    let ids = plan.ids(conn, q.offset as usize, Some(limit as usize))?;
    Ok(PartnerPage {
        total,
        offset: q.offset,
        rows: rows(conn, &ids)?,
    })
}

/// Ids of every partner matching the query, in its order (for exporting
/// "what I am looking at").
pub fn matching_ids(book: &Book, q: &PartnerQuery) -> Result<Vec<i64>> {
    let (plan, _) = plan(book.conn(), q)?;
    plan.ids(book.conn(), 0, None)
}

/// The table rows for `ids`, in that order, in one query.
fn rows(conn: &Connection, ids: &[i64]) -> Result<Vec<PartnerRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.name, p.email, p.company, p.country, p.status,
                (SELECT g.name FROM groups g WHERE g.id = p.group_id),
                (SELECT group_concat(t.name, char(31)) FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
                  WHERE pt.partner_id = p.id),
                p.created_at
           FROM partners p WHERE p.id IN ({marks})"
    ))?;
    let found = stmt.query_map(rusqlite::params_from_iter(ids.iter()), |r| {
        let tags: Option<String> = r.get(7)?;
        let mut tags: Vec<String> = tags
            .map(|t| t.split(UNIT_SEPARATOR).map(str::to_string).collect())
            .unwrap_or_default();
        tags.sort_by_key(|t| t.to_lowercase());
        Ok(PartnerRow {
            id: r.get(0)?,
            name: r.get(1)?,
            email: r.get(2)?,
            company: r.get(3)?,
            country: r.get(4)?,
            status: r.get(5)?,
            group_name: r.get(6)?,
            tags,
            created_at: r.get(8)?,
        })
    })?;
    let mut by_id: std::collections::HashMap<i64, PartnerRow> = found
        .map(|r| r.map(|row| (row.id, row)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountryCount {
    pub code: String,
    pub count: u64,
}

/// The countries partners are in, most partners first, for the filter.
pub fn countries(book: &Book) -> Result<Vec<CountryCount>> {
    let mut stmt = book.conn().prepare(
        "SELECT country, count(*) FROM partners WHERE country <> '' GROUP BY country ORDER BY count(*) DESC, country",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(CountryCount {
            code: r.get(0)?,
            count: r.get::<_, i64>(1)? as u64,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
