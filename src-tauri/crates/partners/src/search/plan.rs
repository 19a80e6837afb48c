//! How a query finds its partners, chosen by how many match:
//! - nothing narrows it: the sort's index, in order;
//! - up to `SORT_MATCHES_UP_TO` matches: fetch the matches and sort them;
//! - more: take the set of matching ids once (one pass over the FTS posting
//!   lists), then walk the sort's index keeping ids in the set. That stays
//!   fast however many partners match; ranking or sorting 60,000 matches of
//!   a one-letter search would not.
//!
//! Filters are tokens of the hidden `facets` column (see the migration), so
//! counting and filtering are posting-list intersections, not row lookups.
//! Money filters (revenue, balance due, idle months, refund rate) are id
//! sets read once from `totals` and the approved commissions, intersected
//! with the search's, and walked like it.
//!
//! Money sorts (revenue, commission of all time in the program's currency)
//! walk the `totals` rows in value order (a partial index), then every
//! partner with nothing there by name: the first page never sorts 100,000.

use super::{PartnerQuery, PartnerSort};
use crate::error::Result;
use chrono::Datelike;
use partnerbook_book::tags;
use rusqlite::types::Value;
use rusqlite::Connection;

const SORT_MATCHES_UP_TO: u64 = 2_000;

pub(super) enum Plan {
    /// SQL selecting matching ids in order.
    Sorted { sql: String, params: Vec<Value> },
    /// SQL listing ids in order, one after the other (a money sort walks
    /// the partners with an amount, then the rest), keeping those that
    /// match when narrowed.
    Walk {
        sqls: Vec<String>,
        matches: Option<Matcher>,
    },
}

/// Which ids match: those in `only` (everyone when None), less `except`.
pub(super) struct Matcher {
    only: Option<IdSet>,
    except: Option<IdSet>,
}

impl Matcher {
    fn contains(&self, id: i64) -> bool {
        self.only.as_ref().is_none_or(|s| s.contains(id))
            && !self.except.as_ref().is_some_and(|s| s.contains(id))
    }

    /// How many partners match, of `everyone`.
    fn count(&self, everyone: u64) -> u64 {
        match (&self.only, &self.except) {
            (Some(only), Some(except)) => only.count_without(except),
            (Some(only), None) => only.len(),
            (None, Some(except)) => everyone.saturating_sub(except.len()),
            (None, None) => everyone,
        }
    }
}

/// Words of a search that count: FTS5 refuses an expression of a thousand
/// terms ("Expression tree is too large"), and no one types more than this.
const MAX_WORDS: usize = 16;

/// Turns typed text into an FTS5 query over the text columns: each word
/// becomes a quoted prefix term, so punctuation and FTS operators in the
/// text are never interpreted. Words after the 16th are left out.
pub fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| {
        format!(
            "{{name email company website codes tags}} : ({})",
            terms.join(" ")
        )
    })
}

/// The whole query as one FTS5 expression: typed words plus filter tokens.
/// None when nothing narrows the list; Some("") when a filter can match
/// nothing (an unknown tag).
fn fts_expression(conn: &Connection, q: &PartnerQuery) -> Result<Option<String>> {
    let mut parts: Vec<String> = match_expression(&q.text).into_iter().collect();
    let facet = |tokens: Vec<String>| format!("facets : ({})", tokens.join(" OR "));
    if !q.statuses.is_empty() {
        parts.push(facet(
            q.statuses
                .iter()
                .map(|s| format!("xstatus{}", s.as_str()))
                .collect(),
        ));
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
    if let Some(c) = q
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let code: String = c
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        parts.push(facet(vec![format!("xcountry{code}")]));
    }
    Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
}

/// ORDER BY for the sort, and the index that yields rows in that order.
/// `currency`: the program's, for the money sorts.
fn order(q: &PartnerQuery, currency: &str) -> (String, &'static str) {
    let d = if q.descending { "DESC" } else { "ASC" };
    match q.sort {
        PartnerSort::Relevance | PartnerSort::Name => {
            (format!("p.sort_key {d}, p.id {d}"), "partners_sort")
        }
        PartnerSort::Created => (format!("p.created_at {d}, p.id {d}"), "partners_created"),
        PartnerSort::Updated => (format!("p.updated_at {d}, p.id {d}"), "partners_updated"),
        PartnerSort::Country => (
            format!("p.country {d}, p.sort_key {d}, p.id {d}"),
            "partners_country",
        ),
        PartnerSort::Status => (
            format!("p.status {d}, p.sort_key {d}, p.id {d}"),
            "partners_status",
        ),
        PartnerSort::Revenue | PartnerSort::Commission => {
            let value = money_value(q.sort);
            (
                format!(
                    "coalesce((SELECT {value} FROM totals t WHERE t.span = '' AND t.partner_id = p.id AND t.currency = '{currency}'), 0) {d},
                     p.sort_key, p.id"
                ),
                "partners_sort",
            )
        }
    }
}

/// The `totals` column a money sort orders by.
fn money_value(sort: PartnerSort) -> &'static str {
    match sort {
        PartnerSort::Commission => "t.earned_minor + t.given_back_minor",
        _ => "t.revenue_minor",
    }
}

/// The two walks of a money sort: partners with an amount, in order, and
/// the rest by name (before them when ascending).
fn money_walks(q: &PartnerQuery, currency: &str) -> Vec<String> {
    let value = money_value(q.sort);
    let index = match q.sort {
        PartnerSort::Commission => "totals_by_commission",
        _ => "totals_by_revenue",
    };
    let d = if q.descending { "DESC" } else { "ASC" };
    let valued = format!(
        "SELECT t.partner_id FROM totals t INDEXED BY {index}
          WHERE t.span = '' AND t.currency = '{currency}' AND t.partner_id > 0 AND {value} <> 0
          ORDER BY {value} {d}, t.partner_id {d}"
    );
    let rest = format!(
        "SELECT p.id FROM partners p INDEXED BY partners_sort
          WHERE NOT EXISTS (SELECT 1 FROM totals t WHERE t.span = '' AND t.partner_id = p.id
                              AND t.currency = '{currency}' AND {value} <> 0)
          ORDER BY p.sort_key, p.id"
    );
    if q.descending {
        vec![valued, rest]
    } else {
        vec![rest, valued]
    }
}

fn is_money(sort: PartnerSort) -> bool {
    matches!(sort, PartnerSort::Revenue | PartnerSort::Commission)
}

/// The program's currency when a money sort or an amount filter needs it
/// ("" otherwise: no settings read). A validated three-letter code, so the
/// money SQL can carry it as a literal.
fn money_currency(conn: &Connection, q: &PartnerQuery) -> Result<String> {
    let needed =
        is_money(q.sort) || q.min_revenue_minor.is_some() || q.min_refund_percent.is_some();
    if !needed {
        return Ok(String::new());
    }
    Ok(partnerbook_book::settings::get(conn)?
        .base_currency
        .code()
        .to_string())
}

/// The plan for `q` and how many partners match.
pub(super) fn plan(conn: &Connection, q: &PartnerQuery) -> Result<(Plan, u64)> {
    let currency = money_currency(conn, q)?;
    let (order_by, index) = order(q, &currency);
    let walk_all = format!("SELECT p.id FROM partners p INDEXED BY {index} ORDER BY {order_by}");
    let expr = fts_expression(conn, q)?;
    if expr.as_deref() == Some("") {
        let nothing = Plan::Sorted {
            sql: "SELECT 1 WHERE 0".into(),
            params: vec![],
        };
        return Ok((nothing, 0));
    }
    let money = money_filters(conn, q, &currency)?;
    let narrowed = money.is_some();
    // Every partner in the sort's order, for the plans that walk.
    let walks = || {
        if is_money(q.sort) {
            money_walks(q, &currency)
        } else {
            vec![walk_all.clone()]
        }
    };
    let Some(expr) = expr else {
        let everyone: i64 = conn
            .prepare_cached("SELECT count(*) FROM partners")?
            .query_row([], |r| r.get(0))?;
        let everyone = everyone as u64;
        let total = money.as_ref().map_or(everyone, |m| m.count(everyone));
        if !narrowed && !is_money(q.sort) {
            let sorted = Plan::Sorted {
                sql: walk_all,
                params: vec![],
            };
            return Ok((sorted, total));
        }
        let walk = Plan::Walk {
            sqls: walks(),
            matches: money,
        };
        return Ok((walk, total));
    };
    // One pass over the posting lists gives both the count and the set.
    let found = IdSet::matching(conn, &expr)?;
    let mut matches = money.unwrap_or(Matcher {
        only: None,
        except: None,
    });
    matches.only = Some(match matches.only.take() {
        Some(only) => found.and(&only),
        None => found,
    });
    let total = matches.count(0);
    // Many matches are walked in the sort's order rather than sorted; so
    // are money filters' matches, which are sets, not SQL.
    if total > SORT_MATCHES_UP_TO || narrowed {
        let walk = Plan::Walk {
            sqls: walks(),
            matches: Some(matches),
        };
        return Ok((walk, total));
    }
    let mut params = vec![Value::Text(expr)];
    let words = folded_words(&q.text);
    let order_by = if q.sort == PartnerSort::Relevance && !words.is_empty() {
        // Partners whose name has every typed word first, then the rest
        // (matched by email, company, code or tag), each by name.
        let tests: Vec<String> = (0..words.len())
            .map(|i| format!("(' ' || p.sort_key) LIKE ?{}", i + 2))
            .collect();
        params.extend(words.iter().map(|w| Value::Text(format!("% {w}%"))));
        format!(
            "CASE WHEN {} THEN 0 ELSE 1 END, {order_by}",
            tests.join(" AND ")
        )
    } else {
        order_by
    };
    let sql = format!(
        "SELECT p.id FROM partner_search s JOIN partners p ON p.id = s.rowid WHERE partner_search MATCH ?1 ORDER BY {order_by}"
    );
    Ok((Plan::Sorted { sql, params }, total))
}

/// The money filters of `q` as a matcher; None when it has none. Amounts
/// are in `currency`, the program's, counted over all time.
fn money_filters(conn: &Connection, q: &PartnerQuery, currency: &str) -> Result<Option<Matcher>> {
    let mut only: Option<IdSet> = None;
    let mut narrow = |set: IdSet| {
        only = Some(match only.take() {
            Some(o) => o.and(&set),
            None => set,
        });
    };
    if let Some(min) = q.min_revenue_minor {
        narrow(IdSet::from_sql(
            conn,
            "SELECT partner_id FROM totals INDEXED BY totals_by_revenue
              WHERE span = '' AND currency = ?1 AND revenue_minor >= ?2 AND partner_id > 0",
            rusqlite::params![currency, min],
        )?);
    }
    if let Some(percent) = q.min_refund_percent {
        narrow(IdSet::from_sql(
            conn,
            "SELECT partner_id FROM totals
              WHERE span = '' AND currency = ?1 AND partner_id > 0 AND sales > 0 AND refunds * 100 >= ?2 * sales",
            rusqlite::params![currency, percent],
        )?);
    }
    if q.balance_due == Some(true) {
        narrow(IdSet::from_sql(
            conn,
            "SELECT partner_id FROM commissions INDEXED BY commissions_approved
              WHERE state = 'approved' GROUP BY partner_id HAVING sum(amount_minor) > 0",
            [],
        )?);
    }
    let except = match q.idle_months.filter(|m| *m > 0) {
        Some(months) => {
            let today = partnerbook_book::time::today();
            let first = today.with_day(1).unwrap_or(today);
            let since = first
                .checked_sub_months(chrono::Months::new(months - 1))
                .unwrap_or(first)
                .format("%Y-%m")
                .to_string();
            // Those who sold in one of the months: everyone else is idle.
            Some(IdSet::from_sql(
                conn,
                "SELECT DISTINCT partner_id FROM totals
                  WHERE length(span) = 7 AND span >= ?1 AND partner_id > 0 AND sales > 0",
                [since],
            )?)
        }
        None => None,
    };
    Ok((only.is_some() || except.is_some()).then_some(Matcher { only, except }))
}

impl Plan {
    /// The ids from `offset`, at most `limit` of them (all when None).
    pub(super) fn ids(
        &self,
        conn: &Connection,
        offset: usize,
        limit: Option<usize>,
    ) -> Result<Vec<i64>> {
        let take = limit.unwrap_or(usize::MAX);
        match self {
            Plan::Sorted { sql, params } => {
                let mut params = params.clone();
                let n = params.len();
                params.push(Value::Integer(limit.map_or(-1, |l| l as i64)));
                params.push(Value::Integer(offset as i64));
                let mut stmt =
                    conn.prepare_cached(&format!("{sql} LIMIT ?{} OFFSET ?{}", n + 1, n + 2))?;
                let ids =
                    stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
                Ok(ids.collect::<rusqlite::Result<_>>()?)
            }
            Plan::Walk { sqls, matches } => {
                let mut out = Vec::new();
                let mut skipped = 0;
                for sql in sqls {
                    let mut stmt = conn.prepare_cached(sql)?;
                    let mut rows = stmt.query([])?;
                    while let Some(r) = rows.next()? {
                        let id: i64 = r.get(0)?;
                        if matches.as_ref().is_some_and(|m| !m.contains(id)) {
                            continue;
                        }
                        if skipped < offset {
                            skipped += 1;
                            continue;
                        }
                        out.push(id);
                        if out.len() >= take {
                            return Ok(out);
                        }
                    }
                }
                Ok(out)
            }
        }
    }
}

/// A set of partner ids as a bitmap: ids are dense small integers, so
/// 100,000 partners take 12.5 KB and a membership test is one shift.
pub(super) struct IdSet {
    bits: Vec<u64>,
    len: u64,
}

impl IdSet {
    fn matching(conn: &Connection, expr: &str) -> Result<IdSet> {
        IdSet::from_sql(
            conn,
            "SELECT rowid FROM partner_search WHERE partner_search MATCH ?1",
            [expr],
        )
    }

    /// The ids the first column of `sql` lists.
    fn from_sql(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<IdSet> {
        let mut set = IdSet {
            bits: Vec::new(),
            len: 0,
        };
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        while let Some(r) = rows.next()? {
            set.insert(r.get(0)?);
        }
        Ok(set)
    }

    /// The ids in both.
    fn and(&self, other: &IdSet) -> IdSet {
        let bits: Vec<u64> = self
            .bits
            .iter()
            .zip(&other.bits)
            .map(|(a, b)| a & b)
            .collect();
        let len = bits.iter().map(|w| u64::from(w.count_ones())).sum();
        IdSet { bits, len }
    }

    /// How many of these ids are not in `other`.
    fn count_without(&self, other: &IdSet) -> u64 {
        self.bits
            .iter()
            .enumerate()
            .map(|(i, w)| u64::from((w & !other.bits.get(i).copied().unwrap_or(0)).count_ones()))
            .sum()
    }

    fn insert(&mut self, id: i64) {
        let Ok(id) = usize::try_from(id) else { return };
        let word = id / 64;
        if word >= self.bits.len() {
            self.bits.resize(word + 1, 0);
        }
        let bit = 1u64 << (id % 64);
        if self.bits[word] & bit == 0 {
            self.bits[word] |= bit;
            self.len += 1;
        }
    }

    fn contains(&self, id: i64) -> bool {
        usize::try_from(id).is_ok_and(|id| {
            self.bits
                .get(id / 64)
                .is_some_and(|w| w & (1u64 << (id % 64)) != 0)
        })
    }

    fn len(&self) -> u64 {
        self.len
    }
}

/// The typed words folded like sort keys ("Łuk" → "luk"), to compare with names.
fn folded_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(crate::sort_key)
        .flat_map(|w| w.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .collect()
}
