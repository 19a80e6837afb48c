//! The audit log: every change to partners (and later commissions and
//! payouts) records who, what, the values before and after, and when. The
//! table is append-only; triggers refuse updates and deletes.

use crate::error::Result;
use crate::time::now;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// Who made a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Actor {
    User,
    Import,
    Sync,
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::User => "user",
            Actor::Import => "import",
            Actor::Sync => "sync",
            Actor::System => "system",
        }
    }
    pub fn parse(text: &str) -> Actor {
        match text {
            "import" => Actor::Import,
            "sync" => Actor::Sync,
            "system" => Actor::System,
            _ => Actor::User,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: Actor,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Appends one row. `before`/`after` are JSON snapshots (None for create/delete).
pub fn record(
    conn: &Connection,
    actor: Actor,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
            now(),
            actor.as_str(),
            entity,
            entity_id,
            action,
            before.map(Value::to_string),
            after.map(Value::to_string)
        ],
    )?;
    Ok(())
}

/// Records an update with only the fields that changed; records nothing
/// when nothing did.
pub fn record_change<T: Serialize>(
    conn: &Connection,
    actor: Actor,
    entity: &str,
    entity_id: Option<i64>,
    before: &T,
    after: &T,
) -> Result<()> {
    let (b, a) = changed_fields(&to_json(before), &to_json(after));
    if b.is_empty() {
        return Ok(());
    }
    record(
        conn,
        actor,
        entity,
        entity_id,
        "update",
        Some(&Value::Object(b)),
        Some(&Value::Object(a)),
    )
}

pub fn to_json<T: Serialize>(value: &T) -> Value {
    // Our snapshot types are plain structs; serialising them cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The keys whose values differ between two JSON objects, as (before, after).
pub fn changed_fields(before: &Value, after: &Value) -> (Map<String, Value>, Map<String, Value>) {
    let empty = Map::new();
    let b = before.as_object().unwrap_or(&empty);
    let a = after.as_object().unwrap_or(&empty);
    let mut out_b = Map::new();
    let mut out_a = Map::new();
    for key in b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))) {
        let (vb, va) = (
            b.get(key).unwrap_or(&Value::Null),
            a.get(key).unwrap_or(&Value::Null),
        );
        if vb != va {
            out_b.insert(key.clone(), vb.clone());
            out_a.insert(key.clone(), va.clone());
        }
    }
    (out_b, out_a)
}

/// The history of one entity, newest first.
pub fn list_for(
    conn: &Connection,
    entity: &str,
    entity_id: Option<i64>,
) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_log
          WHERE entity = ?1 AND entity_id IS ?2 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        let json = |i: usize| -> rusqlite::Result<Option<Value>> {
            Ok(r.get::<_, Option<String>>(i)?
                .and_then(|s| serde_json::from_str(&s).ok()))
        };
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: Actor::parse(&r.get::<_, String>(2)?),
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            action: r.get(5)?,
            before: json(6)?,
            after: json(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_changed_fields_are_kept() {
        let (b, a) = changed_fields(
            &json!({"a": 1, "b": "x", "c": null}),
            &json!({"a": 1, "b": "y", "d": 2}),
        );
        assert_eq!(Value::Object(b), json!({"b": "x", "d": null}));
        assert_eq!(Value::Object(a), json!({"b": "y", "d": 2}));
    }
}
