//! Reminders: partners stuck on a step for N days get one email listing
//! what is missing, through the outbox; not again until N more days pass.

use crate::error::Result;
use crate::messages;
use crate::placeholders::partner_values;
use crate::templates::get_in as template;
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use partnerbook_partners::onboarding::rows;
use rusqlite::params;

/// Queues a reminder to every active partner whose checklist has been
/// incomplete for `days` or more and who was not reminded in that time.
pub fn queue(book: &mut Book, days: u32, day: NaiveDate, actor: Actor) -> Result<u32> {
    let tx = book.transaction()?;
    let mail = template(&tx, "onboarding_reminder")?;
    let at = now();
    let mut queued = 0;
    for row in rows(&tx, day, None)? {
        let waiting = row.days_waiting.unwrap_or(0);
        let recent = row
            .reminded_at
            .as_deref()
            .and_then(|r| NaiveDate::parse_from_str(r.get(..10)?, "%Y-%m-%d").ok())
            .is_some_and(|r| (day - r).num_days() < i64::from(days));
        if row.complete || waiting < days || recent {
            continue;
        }
        let missing: Vec<&str> = row
            .steps
            .iter()
            .filter(|s| !s.done)
            .map(|s| s.detail.as_str())
            .collect();
        let mut values = partner_values(&tx, row.partner_id)?;
        values.insert("missing", missing.join(", "));
        messages::queue(
            &tx,
            &format!("onboarding_reminder:{}:{day}", row.partner_id),
            Some(row.partner_id),
            &mail,
            (&row.email, &row.name),
            &values,
            None,
        )?;
        tx.execute(
            "UPDATE partners SET reminded_at = ?2 WHERE id = ?1",
            params![row.partner_id, at],
        )?;
        queued += 1;
    }
    audit::record(
        &tx,
        actor,
        "onboarding",
        None,
        "remind",
        None,
        Some(&serde_json::json!({ "days": days, "queued": queued })),
    )?;
    tx.commit()?;
    Ok(queued)
}
