//! Search as you type over name, email, company, website, codes and tags
//! (SQLite FTS5), with filters, sorting and paging for a virtualised table.

use super::model::PartnerStatus;
use crate::book::Book;
use crate::error::Result;
use rusqlite::types::Value;
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

/// Turns typed text into an FTS5 query: each word becomes a quoted prefix
/// term, so punctuation and FTS operators in the text are never interpreted.
pub fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The FROM/WHERE part shared by the page and the count, with its parameters.
fn filtered(q: &PartnerQuery) -> (String, Vec<Value>, bool) {
    let mut sql = String::from(" FROM partners p");
    let mut params: Vec<Value> = Vec::new();
    let mut conditions: Vec<String> = Vec::new();
    let matching = match_expression(&q.text);
    if let Some(expr) = &matching {
        sql = String::from(" FROM partner_search s JOIN partners p ON p.id = s.rowid");
        conditions.push("partner_search MATCH ?".into());
        params.push(Value::Text(expr.clone()));
    }
    if !q.statuses.is_empty() {
        let marks = vec!["?"; q.statuses.len()].join(", ");
        conditions.push(format!("p.status IN ({marks})"));
        params.extend(q.statuses.iter().map(|s| Value::Text(s.as_str().into())));
    }
    if let Some(g) = q.group_id {
        conditions.push("p.group_id = ?".into());
        params.push(Value::Integer(g));
    }
    if let Some(tag) = q.tag.as_deref().filter(|t| !t.trim().is_empty()) {
        conditions.push(
            "EXISTS (SELECT 1 FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
                      WHERE pt.partner_id = p.id AND t.name = ?)"
                .into(),
        );
        params.push(Value::Text(tag.trim().into()));
    }
    if let Some(c) = q.country.as_deref().filter(|c| !c.trim().is_empty()) {
        conditions.push("p.country = ?".into());
        params.push(Value::Text(c.trim().to_ascii_uppercase()));
    }
    if !conditions.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&conditions.join(" AND "));
    }
    (sql, params, matching.is_some())
}

fn order_by(q: &PartnerQuery, matching: bool) -> String {
    let dir = if q.descending { "DESC" } else { "ASC" };
    match q.sort {
        PartnerSort::Relevance if matching => format!("s.rank {dir}, p.sort_key, p.id"),
        PartnerSort::Relevance | PartnerSort::Name => format!("p.sort_key {dir}, p.id {dir}"),
        PartnerSort::Created => format!("p.created_at {dir}, p.id {dir}"),
        PartnerSort::Updated => format!("p.updated_at {dir}, p.id {dir}"),
        PartnerSort::Country => format!("p.country {dir}, p.sort_key, p.id"),
        PartnerSort::Status => format!("p.status {dir}, p.sort_key, p.id"),
    }
}

/// Separates tag names in one SQL string; no tag can contain it.
const UNIT_SEPARATOR: char = '\u{1f}';

pub fn search(book: &Book, q: &PartnerQuery) -> Result<PartnerPage> {
    let conn = book.conn();
    let (from_where, mut params, matching) = filtered(q);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*){from_where}"))?
        .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    let limit = if q.limit == 0 { 100 } else { q.limit.min(500) };
    params.push(Value::Integer(i64::from(limit)));
    params.push(Value::Integer(i64::from(q.offset)));
    let sql = format!(
        "SELECT p.id, p.name, p.email, p.company, p.country, p.status,
                (SELECT g.name FROM groups g WHERE g.id = p.group_id),
                (SELECT group_concat(t.name, char(31)) FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
                  WHERE pt.partner_id = p.id),
                p.created_at
         {from_where} ORDER BY {} LIMIT ? OFFSET ?",
        order_by(q, matching)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
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
    Ok(PartnerPage { total: total as u64, offset: q.offset, rows: rows.collect::<rusqlite::Result<_>>()? })
}

/// Ids of every partner matching the query's filters, in its order (for
/// exporting "what I am looking at").
pub fn matching_ids(book: &Book, q: &PartnerQuery) -> Result<Vec<i64>> {
    let (from_where, params, matching) = filtered(q);
    let sql = format!("SELECT p.id{from_where} ORDER BY {}", order_by(q, matching));
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
        assert_eq!(match_expression("zoë mar").as_deref(), Some("\"zoë\"* \"mar\"*"));
        assert_eq!(match_expression("a@b.com").as_deref(), Some("\"a\"* \"b\"* \"com\"*"));
        assert_eq!(match_expression("\"OR\" NEAR(x)").as_deref(), Some("\"OR\"* \"NEAR\"* \"x\"*"));
        assert_eq!(match_expression(" -*- "), None);
    }
}
