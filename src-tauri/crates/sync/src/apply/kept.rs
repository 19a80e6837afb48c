//! Leads and deals are kept as the platform sent them, for the record.

use super::Ctx;
use crate::error::Result;
use crate::remote::{Record, Resource};
use crate::report::Outcome;
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

pub fn apply(ctx: &mut Ctx, resource: Resource, rec: &Record, body: &Value) -> Result<Outcome> {
    let text = body.to_string();
    let old: Option<String> = ctx
        .db
        .prepare_cached(
            "SELECT body FROM platform_records WHERE connection_id = ?1 AND resource = ?2 AND remote_key = ?3",
        )?
        .query_row(params![ctx.id(), resource.as_str(), rec.key], |r| r.get(0))
        .optional()?;
    if old.as_deref() == Some(text.as_str()) {
        return Ok(Outcome::Unchanged);
    }
    ctx.db
        .prepare_cached(
            "INSERT OR REPLACE INTO platform_records (connection_id, resource, remote_key, body) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![ctx.id(), resource.as_str(), rec.key, text])?;
    Ok(if old.is_some() {
        Outcome::Changed
    } else {
        Outcome::Added
    })
}
