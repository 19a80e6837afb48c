//! Reading one item of a platform's JSON page strictly: a missing or
//! mistyped field ends the sync with a message naming the resource, the
//! page, the item and the field.

use crate::error::{Result, SyncError};
use crate::http::{bad_answer, At};
use serde_json::Value;

static NULL: Value = Value::Null;

pub struct Item<'a> {
    value: &'a Value,
    index: usize,
    at: At<'a>,
    /// The path to this object inside the item ("customer."), for messages.
    prefix: String,
}

impl<'a> Item<'a> {
    pub fn new(value: &'a Value, index: usize, at: At<'a>) -> Item<'a> {
        Item {
            value,
            index,
            at,
            prefix: String::new(),
        }
    }

    pub fn value(&self) -> &Value {
        self.value
    }

    pub fn get(&self, field: &str) -> Option<&'a Value> {
        self.value.get(field).filter(|v| !v.is_null())
    }

    /// A nested object; a missing one reads as empty.
    pub fn child(&self, field: &str) -> Item<'a> {
        Item {
            value: self.get(field).unwrap_or(&NULL),
            index: self.index,
            at: self.at,
            prefix: format!("{}{field}.", self.prefix),
        }
    }

    pub fn wrong(&self, field: &str, why: &str) -> SyncError {
        let key = self
            .value
            .get("key")
            .and_then(Value::as_str)
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        bad_answer(
            self.at,
            format!(
                "item {}{key}: \"{}{field}\" {why}",
                self.index + 1,
                self.prefix
            ),
        )
    }

    pub fn text(&self, field: &str) -> Result<String> {
        match self.get(field) {
            None => Err(self.wrong(field, "is missing")),
            Some(_) => self.opt_text(field),
        }
    }

    /// Text, or empty when absent; numbers are taken as their digits.
    pub fn opt_text(&self, field: &str) -> Result<String> {
        match self.get(field) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(self.wrong(field, "is not text")),
        }
    }

    /// A field some platforms send as a string and others as an object
    /// with a key or a name (PartnerStack's `product_key`).
    pub fn key_or_name(&self, field: &str) -> Result<String> {
        match self.get(field) {
            Some(Value::Object(_)) => {
                let o = self.child(field);
                let key = o.opt_text("key")?;
                if key.is_empty() {
                    o.opt_text("name")
                } else {
                    Ok(key)
                }
            }
            _ => self.opt_text(field),
        }
    }

    pub fn opt_bool(&self, field: &str) -> Result<Option<bool>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.wrong(field, "is not true or false")),
        }
    }

    /// An integer amount of cents.
    pub fn cents(&self, field: &str) -> Result<i64> {
        match self.get(field) {
            None => Err(self.wrong(field, "is missing")),
            Some(v) => v
                .as_i64()
                .ok_or_else(|| self.wrong(field, "is not a whole number of cents")),
        }
    }

    /// Epoch milliseconds (an integer, or ISO 8601 text).
    pub fn ms(&self, field: &str) -> Result<i64> {
        self.opt_ms(field)?
            .ok_or_else(|| self.wrong(field, "is missing"))
    }

    pub fn opt_ms(&self, field: &str) -> Result<Option<i64>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.wrong(field, "is not epoch milliseconds")),
            Some(Value::String(s)) => chrono::DateTime::parse_from_rfc3339(s.trim())
                .map(|d| Some(d.timestamp_millis()))
                .map_err(|_| self.wrong(field, "is not a time")),
            Some(_) => Err(self.wrong(field, "is not a time")),
        }
    }

    /// A list of names: strings, or objects with a `name`.
    pub fn names(&self, field: &str) -> Result<Vec<String>> {
        let Some(v) = self.get(field) else {
            return Ok(Vec::new());
        };
        let list = v
            .as_array()
            .ok_or_else(|| self.wrong(field, "is not a list"))?;
        let mut names = Vec::new();
        for x in list {
            let name = match x {
                Value::String(s) => s.trim().to_string(),
                Value::Object(o) => o
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                _ => return Err(self.wrong(field, "holds something that is not a name")),
            };
            if !name.is_empty() {
                names.push(name);
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }
}
