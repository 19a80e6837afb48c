//! The partner CRM: records, codes, tags, notes and timeline, search, and
//! CSV import/export; each partner's onboarding checklist; how payout
//! methods are named. Every change is one transaction with an audit row.

pub mod csv_export;
mod csv_fields;
pub mod csv_import;
pub mod error;
mod model;
pub mod normalize;
pub mod onboarding;
pub mod payout_method;
pub mod search;
pub(crate) mod store;
pub mod timeline;
pub mod tin;

pub use error::{PartnerError, Result};

pub use model::*;
pub use store::{email_of, exists, find_id_by_code, find_id_by_email, sort_key};

use crate::error::ErrorExt;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::settings;
use partnerbook_book::Book;
use rusqlite::Connection;
use timeline::ActivityKind;

pub fn get(book: &Book, id: i64) -> Result<Partner> {
    store::get(book.conn(), id)
}

pub fn get_in(conn: &Connection, id: i64) -> Result<Partner> {
    store::get(conn, id)
}

/// Finds a partner by what a person would type on the command line:
/// its number, its email, or one of its codes.
pub fn resolve(book: &Book, key: &str) -> Result<Partner> {
    store::get(book.conn(), resolve_in(book.conn(), key)?)
}

/// The partner with this email and their status, if any.
pub fn status_by_email(conn: &Connection, email: &str) -> Result<Option<(i64, PartnerStatus)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT id, status FROM partners WHERE email = ?1")?
        .query_row([email.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Brings the search index up to date for partners written in bulk.
pub fn refresh_search(conn: &Connection, ids: &[i64]) -> Result<()> {
    store::refresh_search(conn, ids)
}

/// The id `resolve` would find.
pub fn resolve_in(conn: &Connection, key: &str) -> Result<i64> {
    let key = key.trim();
    let id = match key.parse::<i64>() {
        Ok(id) => store::exists(conn, id)?.then_some(id),
        Err(_) if key.contains('@') => store::find_id_by_email(conn, key)?,
        Err(_) => store::find_id_by_code(conn, key)?,
    };
    id.ok_or_else(|| PartnerError::not_found(format!("partner \"{key}\"")))
}

pub fn create(book: &mut Book, input: &PartnerInput, actor: Actor) -> Result<Partner> {
    let tx = book.transaction()?;
    let id = create_in(&tx, input, actor)?;
    store::refresh_search(&tx, &[id])?;
    let partner = store::get(&tx, id)?;
    tx.commit()?;
    Ok(partner)
}

/// Saves the whole record; `status_reason` (may be empty) is kept in the
/// timeline when the status changes.
pub fn update(
    book: &mut Book,
    id: i64,
    input: &PartnerInput,
    status_reason: &str,
    actor: Actor,
) -> Result<Partner> {
    let tx = book.transaction()?;
    update_in(&tx, id, input, actor, Some(status_reason))?;
    store::refresh_search(&tx, &[id])?;
    let partner = store::get(&tx, id)?;
    tx.commit()?;
    Ok(partner)
}

/// Changes only the status, with an optional reason kept in the timeline.
pub fn set_status(
    book: &mut Book,
    id: i64,
    status: PartnerStatus,
    reason: &str,
    actor: Actor,
) -> Result<Partner> {
    let tx = book.transaction()?;
    let mut input = PartnerInput::from(&store::get(&tx, id)?);
    input.status = status;
    update_in(&tx, id, &input, actor, Some(reason))?;
    store::refresh_search(&tx, &[id])?;
    let partner = store::get(&tx, id)?;
    tx.commit()?;
    Ok(partner)
}

/// A partner as the audit log keeps it: the TIN masked.
fn audited(p: &PartnerInput) -> serde_json::Value {
    let mut v = audit::to_json(p);
    if let Some(tin) = v.pointer_mut("/tax/tin") {
        *tin = serde_json::Value::String(tin::mask(tin.as_str().unwrap_or_default()));
    }
    v
}

/// Validates and inserts inside the caller's transaction. The caller then
/// calls `store::refresh_search` for every partner it wrote, once.
pub fn create_in(conn: &Connection, input: &PartnerInput, actor: Actor) -> Result<i64> {
    let currency = settings::get(conn)?.base_currency;
    let p = crate::normalize::normalize(input, currency)?;
    store::check_parent(conn, None, p.parent_id)?;
    let id = store::insert(conn, &p)?;
    audit::record(
        conn,
        actor,
        "partner",
        Some(id),
        "create",
        None,
        Some(&audited(&p)),
    )?;
    timeline::add(
        conn,
        id,
        ActivityKind::Created,
        actor,
        &format!("Added as {}", p.status.as_str()),
        "",
    )?;
    Ok(id)
}

/// Validates and overwrites inside the caller's transaction, recording what
/// changed in the audit log and the timeline. The caller refreshes the
/// search index afterwards, as for `create_in`.
pub fn update_in(
    conn: &Connection,
    id: i64,
    input: &PartnerInput,
    actor: Actor,
    status_reason: Option<&str>,
) -> Result<()> {
    let currency = settings::get(conn)?.base_currency;
    let before = PartnerInput::from(&store::get(conn, id)?);
    let after = crate::normalize::normalize(input, currency)?;
    store::check_parent(conn, Some(id), after.parent_id)?;
    let terms_changed =
        !after.terms_version.is_empty() && after.terms_version != before.terms_version;
    store::update(conn, id, &after, terms_changed)?;
    let (logged_before, mut logged_after) = (audited(&before), audited(&after));
    if before.tax.tin != after.tax.tin
        && logged_before.pointer("/tax/tin") == logged_after.pointer("/tax/tin")
    {
        // A new number with the same last four: the log still shows a change.
        if let Some(serde_json::Value::String(t)) = logged_after.pointer_mut("/tax/tin") {
            t.push_str(" (replaced)");
        }
    }
    audit::record_change(
        conn,
        actor,
        "partner",
        Some(id),
        &logged_before,
        &logged_after,
    )?;

    if before.status != after.status {
        let summary = format!(
            "Status changed from {} to {}",
            before.status.as_str(),
            after.status.as_str()
        );
        timeline::add(
            conn,
            id,
            ActivityKind::Status,
            actor,
            &summary,
            status_reason.unwrap_or("").trim(),
        )?;
    }
    let (changed, _) = audit::changed_fields(&audit::to_json(&before), &audit::to_json(&after));
    let others: Vec<String> = changed
        .keys()
        .filter(|k| *k != "status")
        .map(|k| k.replace('_', " "))
        .collect();
    if !others.is_empty() {
        timeline::add(
            conn,
            id,
            ActivityKind::Updated,
            actor,
            &format!("Updated {}", others.join(", ")),
            "",
        )?;
    }
    Ok(())
}
