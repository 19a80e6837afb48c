//! What a sync did, per resource, and where each resource stands.

use crate::connections::PlatformName;
use crate::error::Result;
use crate::remote::Resource;
use rusqlite::{params, Connection as Db};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What happened to one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Changed,
    Unchanged,
    Skipped(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResourceReport {
    pub resource: Option<Resource>,
    pub pages: u64,
    pub fetched: u64,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Records not brought in, by reason ("a test transaction…": 3).
    pub skipped: BTreeMap<String, u64>,
    /// Conflicts met for the first time.
    pub conflicts: u64,
}

impl ResourceReport {
    pub fn new(resource: Resource) -> Self {
        ResourceReport {
            resource: Some(resource),
            ..Default::default()
        }
    }

    pub fn count(&mut self, outcome: Outcome) {
        self.fetched += 1;
        match outcome {
            Outcome::Added => self.added += 1,
            Outcome::Changed => self.changed += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Skipped(why) => *self.skipped.entry(why).or_default() += 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncReport {
    pub connection: String,
    pub platform: PlatformName,
    pub dry_run: bool,
    pub resources: Vec<ResourceReport>,
    /// HTTP requests sent, retries included.
    pub requests: u64,
    /// Time spent waiting on the platform's limits and on backoff.
    pub waited_ms: u64,
    /// Sales whose commissions were computed after the sync.
    pub commissions_computed: u64,
}

/// Where one resource of a connection stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResourceStatus {
    pub resource: Resource,
    /// The newest platform change brought in (epoch ms as ISO 8601).
    pub synced_to: Option<String>,
    pub last_started: Option<String>,
    pub last_finished: Option<String>,
    /// True when a run stopped half-way: the next sync goes on from there.
    pub interrupted: bool,
    pub last_error: String,
    pub last_run: Option<ResourceReport>,
    /// The records of this resource the book holds from this connection.
    pub mapped: u64,
}

pub fn status(db: &Db, connection: i64) -> Result<Vec<ResourceStatus>> {
    let mut stmt = db.prepare(
        "SELECT s.resource, s.high_water, s.started_at, s.finished_at, s.run_since IS NOT NULL, s.last_error, s.counts,
                CASE s.resource
                  WHEN 'transactions' THEN (SELECT count(*) FROM conversions v WHERE v.source = c.name)
                  WHEN 'rewards' THEN (SELECT count(*) FROM platform_rewards r WHERE r.connection_id = c.id)
                  WHEN 'leads' THEN (SELECT count(*) FROM platform_records r WHERE r.connection_id = c.id AND r.resource = 'leads')
                  WHEN 'deals' THEN (SELECT count(*) FROM platform_records r WHERE r.connection_id = c.id AND r.resource = 'deals')
                  ELSE (SELECT count(*) FROM sync_map m WHERE m.connection_id = c.id AND m.resource = s.resource AND m.local_id IS NOT NULL)
                END
           FROM sync_state s JOIN sync_connections c ON c.id = s.connection_id WHERE s.connection_id = ?1",
    )?;
    let rows = stmt.query_map(params![connection], |r| {
        let resource: String = r.get(0)?;
        let high: Option<i64> = r.get(1)?;
        let counts: String = r.get(6)?;
        Ok(ResourceStatus {
            resource: Resource::parse(&resource).unwrap_or(Resource::Partners),
            synced_to: high
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            last_started: r.get(2)?,
            last_finished: r.get(3)?,
            interrupted: r.get(4)?,
            last_error: r.get(5)?,
            last_run: serde_json::from_str(&counts)
                .ok()
                .filter(|c: &ResourceReport| c.resource.is_some()),
            mapped: r.get::<_, i64>(7)? as u64,
        })
    })?;
    let mut list: Vec<ResourceStatus> = rows.collect::<rusqlite::Result<_>>()?;
    list.sort_by_key(|s| s.resource);
    Ok(list)
}
