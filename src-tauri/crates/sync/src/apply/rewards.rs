//! The platform's own commissions, kept beside ours (never mixed in), for
//! `sync compare`.

use super::Ctx;
use crate::error::Result;
use crate::remote::{Record, Reward};
use crate::report::Outcome;
use partnerbook_book::time::stamp;
use rusqlite::{params, OptionalExtension};

pub fn apply(ctx: &mut Ctx, rec: &Record, r: &Reward) -> Result<Outcome> {
    if r.currency.len() != 3 {
        return Ok(Outcome::Skipped(format!(
            "currency \"{}\" is not a 3-letter code",
            r.currency
        )));
    }
    let partner = super::partner_of(ctx, &r.partner_key, &r.partner_remote)?;
    let earned = chrono::DateTime::from_timestamp_millis(r.earned_ms)
        .map(stamp)
        .unwrap_or_default();
    let row = (
        partner,
        r.partner_key.clone(),
        r.transaction_key.clone(),
        r.amount_minor,
        r.currency.to_ascii_uppercase(),
        r.status.as_str().to_string(),
        r.status_text.clone(),
        r.description.clone(),
        earned,
    );
    type Row = (
        Option<i64>,
        String,
        String,
        i64,
        String,
        String,
        String,
        String,
        String,
    );
    let old: Option<Row> = ctx
        .db
        .prepare_cached(
            "SELECT partner_id, partner_key, transaction_key, amount_minor, currency, status, status_text, description, earned_at
               FROM platform_rewards WHERE connection_id = ?1 AND remote_key = ?2",
        )?
        .query_row(params![ctx.id(), rec.key], |x| {
            Ok((x.get(0)?, x.get(1)?, x.get(2)?, x.get(3)?, x.get(4)?, x.get(5)?, x.get(6)?, x.get(7)?, x.get(8)?))
        })
        .optional()?;
    if old.as_ref() == Some(&row) {
        return Ok(Outcome::Unchanged);
    }
    ctx.db
        .prepare_cached(
            "INSERT OR REPLACE INTO platform_rewards
               (connection_id, remote_key, partner_id, partner_key, transaction_key, amount_minor, currency, status, status_text, description, earned_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![ctx.id(), rec.key, row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8])?;
    Ok(if old.is_some() {
        Outcome::Changed
    } else {
        Outcome::Added
    })
}
