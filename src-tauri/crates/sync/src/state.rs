//! What the book remembers of a connection: how far each resource has got
//! (sync_state), which platform key became which row (sync_map), and the
//! conflicts met (sync_conflicts).

use crate::error::Result;
use crate::remote::Resource;
use crate::report::ResourceReport;
use partnerbook_book::time::now;
use rusqlite::{params, Connection as Db, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// Records changed within this long before the last run's newest change are
/// asked for again: clocks differ and writes land late on the platform.
pub const OVERLAP_MS: i64 = 5 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub high_water: Option<i64>,
    /// Some while a run is under way (0: from the beginning).
    pub run_since: Option<i64>,
    pub cursor: Option<String>,
    pub run_high: Option<i64>,
}

pub fn load(db: &Db, connection: i64, resource: Resource) -> Result<State> {
    Ok(db
        .prepare_cached(
            "SELECT high_water, run_since, cursor, run_high FROM sync_state WHERE connection_id = ?1 AND resource = ?2",
        )?
        .query_row(params![connection, resource.as_str()], |r| {
            Ok(State {
                high_water: r.get(0)?,
                run_since: r.get(1)?,
                cursor: r.get(2)?,
                run_high: r.get(3)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Starts a run from `since` (0: everything).
pub fn begin(db: &Db, connection: i64, resource: Resource, since: i64) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO sync_state (connection_id, resource, run_since, cursor, run_high, started_at)
         VALUES (?1, ?2, ?3, NULL, NULL, ?4)
         ON CONFLICT (connection_id, resource) DO UPDATE SET
           run_since = excluded.run_since, cursor = NULL, run_high = NULL, started_at = excluded.started_at",
    )?
    .execute(params![connection, resource.as_str(), since, now()])?;
    Ok(())
}

/// After a page is saved: where the next one starts and the newest change
/// seen so far, in the page's own transaction.
pub fn advance(
    db: &Db,
    connection: i64,
    resource: Resource,
    cursor: Option<&str>,
    newest: Option<i64>,
) -> Result<()> {
    db.prepare_cached(
        "UPDATE sync_state SET cursor = ?3, run_high = max(coalesce(run_high, ?4), coalesce(?4, run_high))
          WHERE connection_id = ?1 AND resource = ?2",
    )?
    .execute(params![connection, resource.as_str(), cursor, newest])?;
    Ok(())
}

/// Ends a run: the high-water mark moves to the newest change seen, but
/// never past the run's start: a record changed on the platform while the
/// run paged past it can carry an older time than the newest one seen, and
/// the next run must still ask for it.
pub fn finish(db: &Db, connection: i64, resource: Resource, report: &ResourceReport) -> Result<()> {
    let counts = serde_json::to_string(report).unwrap_or_else(|_| "{}".into());
    let started: Option<String> = db
        .prepare_cached(
            "SELECT started_at FROM sync_state WHERE connection_id = ?1 AND resource = ?2",
        )?
        .query_row(params![connection, resource.as_str()], |r| r.get(0))
        .optional()?
        .flatten();
    let start_ms = started
        .as_deref()
        .and_then(partnerbook_book::time::parse_stamp)
        .map(|t| t.timestamp_millis());
    db.prepare_cached(
        "UPDATE sync_state SET
           high_water = CASE WHEN run_high IS NULL THEN high_water
                             ELSE max(coalesce(high_water, min(run_high, coalesce(?5, run_high))),
                                      min(run_high, coalesce(?5, run_high))) END,
           run_since = NULL, cursor = NULL, run_high = NULL, finished_at = ?3, last_error = '', counts = ?4
         WHERE connection_id = ?1 AND resource = ?2",
    )?
    .execute(params![connection, resource.as_str(), now(), counts, start_ms])?;
    Ok(())
}

pub fn fail(db: &Db, connection: i64, resource: Resource, error: &str) -> Result<()> {
    db.prepare_cached(
        "UPDATE sync_state SET last_error = ?3 WHERE connection_id = ?1 AND resource = ?2",
    )?
    .execute(params![connection, resource.as_str(), error])?;
    Ok(())
}

/// A platform record as last synced.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub local_id: Option<i64>,
    pub remote_updated: i64,
    pub synced: Value,
    pub skipped: String,
}

pub fn mapped(db: &Db, connection: i64, resource: Resource, key: &str) -> Result<Option<Mapped>> {
    Ok(db
        .prepare_cached(
            "SELECT local_id, remote_updated, synced, skipped FROM sync_map
              WHERE connection_id = ?1 AND resource = ?2 AND remote_key = ?3",
        )?
        .query_row(params![connection, resource.as_str(), key], |r| {
            let synced: String = r.get(2)?;
            Ok(Mapped {
                local_id: r.get(0)?,
                remote_updated: r.get(1)?,
                synced: serde_json::from_str(&synced).unwrap_or(Value::Null),
                skipped: r.get(3)?,
            })
        })
        .optional()?)
}

/// The row a platform key became, if any.
pub fn local_id(db: &Db, connection: i64, resource: Resource, key: &str) -> Result<Option<i64>> {
    Ok(mapped(db, connection, resource, key)?.and_then(|m| m.local_id))
}

/// A platform record and the row it became.
pub struct Mapping<'a> {
    pub resource: Resource,
    pub key: &'a str,
    pub local_id: Option<i64>,
    pub remote_updated: i64,
    pub synced: &'a Value,
    /// Why it was not brought in ('' when it was).
    pub skipped: &'a str,
}

pub fn save_map(db: &Db, connection: i64, m: &Mapping) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO sync_map (connection_id, resource, remote_key, local_id, remote_updated, synced, skipped)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (connection_id, resource, remote_key) DO UPDATE SET
           local_id = excluded.local_id, remote_updated = excluded.remote_updated,
           synced = excluded.synced, skipped = excluded.skipped
         WHERE sync_map.local_id IS NOT excluded.local_id OR sync_map.remote_updated <> excluded.remote_updated
            OR sync_map.synced <> excluded.synced OR sync_map.skipped <> excluded.skipped",
    )?
    .execute(params![
        connection,
        m.resource.as_str(),
        m.key,
        m.local_id,
        m.remote_updated,
        m.synced.to_string(),
        m.skipped
    ])?;
    Ok(())
}

pub fn forget_map(db: &Db, connection: i64, resource: Resource, key: &str) -> Result<()> {
    db.prepare_cached(
        "DELETE FROM sync_map WHERE connection_id = ?1 AND resource = ?2 AND remote_key = ?3",
    )?
    .execute(params![connection, resource.as_str(), key])?;
    Ok(())
}

/// A field edited both here and on the platform, and which value was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "SyncConflict")]
pub struct Conflict {
    pub id: i64,
    pub connection: String,
    pub resource: Resource,
    pub remote_key: String,
    pub local_id: Option<i64>,
    pub field: String,
    pub ours: String,
    pub theirs: String,
    /// "platform" or "ours".
    pub kept: String,
    pub at: String,
}

/// A field edited on both sides, met on one record.
pub struct Clash<'a> {
    pub resource: Resource,
    pub remote_key: &'a str,
    pub local_id: Option<i64>,
    pub field: &'a str,
    pub ours: &'a str,
    pub theirs: &'a str,
    /// "platform" or "ours".
    pub kept: &'a str,
}

/// Lists a conflict once: the same one met again (an overlap re-read) is
/// not added twice. True when it is new.
pub fn add_conflict(db: &Db, connection: i64, c: &Clash) -> Result<bool> {
    let n = db
        .prepare_cached(
            "INSERT INTO sync_conflicts (connection_id, resource, remote_key, local_id, field, ours, theirs, kept, at)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
              WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts WHERE connection_id = ?1 AND resource = ?2
                                   AND remote_key = ?3 AND field = ?5 AND ours = ?6 AND theirs = ?7)",
        )?
        .execute(params![
            connection,
            c.resource.as_str(),
            c.remote_key,
            c.local_id,
            c.field,
            c.ours,
            c.theirs,
            c.kept,
            now()
        ])?;
    Ok(n > 0)
}

pub fn conflicts(db: &Db, connection: Option<i64>) -> Result<Vec<Conflict>> {
    let mut stmt = db.prepare(
        "SELECT k.id, c.name, k.resource, k.remote_key, k.local_id, k.field, k.ours, k.theirs, k.kept, k.at
           FROM sync_conflicts k JOIN sync_connections c ON c.id = k.connection_id
          WHERE ?1 IS NULL OR k.connection_id = ?1
          ORDER BY k.id DESC",
    )?;
    let rows = stmt.query_map([connection], |r| {
        let resource: String = r.get(2)?;
        Ok(Conflict {
            id: r.get(0)?,
            connection: r.get(1)?,
            resource: Resource::parse(&resource).unwrap_or(Resource::Partners),
            remote_key: r.get(3)?,
            local_id: r.get(4)?,
            field: r.get(5)?,
            ours: r.get(6)?,
            theirs: r.get(7)?,
            kept: r.get(8)?,
            at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
