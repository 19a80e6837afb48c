//! Search as you type over name, email, company, website, codes and tags
//! (SQLite FTS5), with filters, sorting and paging for a virtualised table.

use super::model::PartnerStatus;
use crate::book::Book;
use crate::error::Result;
use crate::tags;
use rusqlite::types::Value;
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

/// Turns typed text into an FTS5 query over the text columns: each word
/// becomes a quoted prefix term, so punctuation and FTS operators in the
/// text are never interpreted.
pub fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| format!("{{name email company website codes tags}} : ({})", terms.join(" ")))
}

/// The whole query as one FTS5 expression: typed words plus filter tokens
/// of the hidden facets column. None when nothing narrows the list. Some("")
/// when a filter can match nothing (an unknown tag).
fn fts_expression(conn: &Connection, q: &PartnerQuery) -> Result<Option<String>> {
    let mut parts: Vec<String> = match_expression(&q.text).into_iter().collect();
    let facet = |tokens: Vec<String>| format!("facets : ({})", tokens.join(" OR "));
    if !q.statuses.is_empty() {
        parts.push(facet(q.statuses.iter().map(|s| format!("xstatus{}", s.as_str())).collect()));
    }
    if let Some(g) = q.group_id {
        parts.push(facet(vec![format!("xgroup{g}")]));
    }
    if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        match tags::find_id(conn, tag)? {
            Some(id) => parts.push(facet(vec![format!("xtag{id}")])),
            None => return Ok(Some(String::new())),
        }
    }
    if let Some(c) = q.country.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let code: String = c.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
        parts.push(facet(vec![format!("xcountry{code}")]));
    }
    Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
}

/// ORDER BY for the sort, and the index that yields rows in that order.
fn order(q: &PartnerQuery) -> (String, &'static str) {
    let d = if q.descending { "DESC" } else { "ASC" };
    match q.sort {
        PartnerSort::Relevance | PartnerSort::Name => (format!("p.sort_key {d}, p.id {d}"), "partners_sort"),
        PartnerSort::Created => (format!("p.created_at {d}, p.id {d}"), "partners_created"),
        PartnerSort::Updated => (format!("p.updated_at {d}, p.id {d}"), "partners_updated"),
        PartnerSort::Country => (format!("p.country {d}, p.sort_key {d}, p.id {d}"), "partners_country"),
        PartnerSort::Status => (format!("p.status {d}, p.sort_key {d}, p.id {d}"), "partners_status"),
    }
}

/// Up to this many matches, rows are fetched by match and sorted (bm25 for
/// relevance); beyond it, by walking the sort's index and keeping matches,
/// which stays fast however many partners match. A query matching thousands
/// (one or two letters) has no meaningful ranking: it is listed by name.
const SORT_MATCHES_UP_TO: u64 = 2_000;

const ROW_COLUMNS: &str = "p.id, p.name, p.email, p.company, p.country, p.status,
    (SELECT g.name FROM groups g WHERE g.id = p.group_id),
    (SELECT group_concat(t.name, char(31)) FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
      WHERE pt.partner_id = p.id),
    p.created_at";

/// SQL (without LIMIT) selecting `columns` of every matching partner in the
/// query's order, its parameters, and the number of matches.
fn plan(conn: &Connection, q: &PartnerQuery, columns: &str) -> Result<(String, Vec<Value>, u64)> {
    let (order_by, index) = order(q);
    let Some(expr) = fts_expression(conn, q)? else {
        let total: i64 = conn.prepare_cached("SELECT count(*) FROM partners")?.query_row([], |r| r.get(0))?;
        return Ok((format!("SELECT {columns} FROM partners p INDEXED BY {index} ORDER BY {order_by}"), vec![], total as u64));
    };
    if expr.is_empty() {
        return Ok((format!("SELECT {columns} FROM partners p WHERE 0"), vec![], 0));
    }
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM partner_search WHERE partner_search MATCH ?1")?
        .query_row([&expr], |r| r.get(0))?;
    let total = total as u64;
    let sql = if total <= SORT_MATCHES_UP_TO {
        let by_rank = q.sort == PartnerSort::Relevance && match_expression(&q.text).is_some();
        let order_by = if by_rank { format!("s.rank, {order_by}") } else { order_by };
        format!(
            "SELECT {columns} FROM partner_search s JOIN partners p ON p.id = s.rowid
              WHERE partner_search MATCH ?1 ORDER BY {order_by}"
        )
    } else {
        format!(
            "SELECT {columns} FROM partners p INDEXED BY {index}
              WHERE p.id IN (SELECT rowid FROM partner_search WHERE partner_search MATCH ?1) ORDER BY {order_by}"
        )
    };
    Ok((sql, vec![Value::Text(expr)], total))
}

/// Separates tag names in one SQL string; no tag can contain it.
const UNIT_SEPARATOR: char = '\u{1f}';

pub fn search(book: &Book, q: &PartnerQuery) -> Result<PartnerPage> {
    let conn = book.conn();
    let (sql, mut params, total) = plan(conn, q, ROW_COLUMNS)?;
    let limit = if q.limit == 0 { 100 } else { q.limit.min(500) };
    params.push(Value::Integer(i64::from(limit)));
    params.push(Value::Integer(i64::from(q.offset)));
    let n = params.len();
    let mut stmt = conn.prepare_cached(&format!("{sql} LIMIT ?{} OFFSET ?{n}", n - 1))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        let tags: Option<String> = r.get(7)?;
        let mut tags: Vec<String> =
            tags.map(|t| t.split(UNIT_SEPARATOR).map(str::to_string).collect()).unwrap_or_default();
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
    Ok(PartnerPage { total, offset: q.offset, rows: rows.collect::<rusqlite::Result<_>>()? })
}

/// Ids of every partner matching the query, in its order (for exporting
/// "what I am looking at").
pub fn matching_ids(book: &Book, q: &PartnerQuery) -> Result<Vec<i64>> {
    let (sql, params, _) = plan(book.conn(), q, "p.id")?;
    let mut stmt = book.conn().prepare(&sql)?;
    let ids = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
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
    let rows = stmt.query_map([], |r| Ok(CountryCount { code: r.get(0)?, count: r.get::<_, i64>(1)? as u64 }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::match_expression;

    #[test]
    fn typed_text_becomes_safe_prefix_terms() {
        let cols = "{name email company website codes tags} : ";
        assert_eq!(match_expression("zoë mar").unwrap(), format!("{cols}(\"zoë\"* \"mar\"*)"));
        assert_eq!(match_expression("a@b.com").unwrap(), format!("{cols}(\"a\"* \"b\"* \"com\"*)"));
        assert_eq!(match_expression("\"OR\" NEAR(x)").unwrap(), format!("{cols}(\"OR\"* \"NEAR\"* \"x\"*)"));
        assert_eq!(match_expression(" -*- "), None);
    }
}
