//! List screens: a WHERE clause built from the filters a person set, with
//! its parameters numbered as they are added, and a page of the rows.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One page of a list, and how many rows match in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub total: u64,
    pub rows: Vec<T>,
}

/// The rows a page shows: 100 when not said, at most 1,000.
pub fn page_size(limit: u32) -> u32 {
    if limit == 0 {
        100
    } else {
        limit.min(1000)
    }
}

/// Conditions joined by AND, and the values their placeholders stand for.
#[derive(Default)]
pub struct Filter {
    conditions: Vec<String>,
    params: Vec<Value>,
}

impl Filter {
    /// Adds a value and returns its placeholder ("?3").
    pub fn param(&mut self, value: impl Into<Value>) -> String {
        self.params.push(value.into());
        format!("?{}", self.params.len())
    }

    /// Adds a condition (written with placeholders from `param`).
    pub fn push(&mut self, condition: impl Into<String>) {
        self.conditions.push(condition.into());
    }

    /// `column IN (…)` for the values given; nothing when there are none.
    pub fn any_of(&mut self, column: &str, values: impl IntoIterator<Item = impl Into<Value>>) {
        let marks: Vec<String> = values.into_iter().map(|v| self.param(v)).collect();
        if !marks.is_empty() {
            self.push(format!("{column} IN ({})", marks.join(", ")));
        }
    }

    /// "WHERE a AND b", or nothing when no filter is set.
    pub fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// The values, in placeholder order, for `query_row` and `query_map`.
    pub fn params(&self) -> rusqlite::ParamsFromIter<std::slice::Iter<'_, Value>> {
        rusqlite::params_from_iter(self.params.iter())
    }
}
