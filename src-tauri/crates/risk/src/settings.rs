//! What each check does in this book (off, flag, hold); a check the book
//! never set does its default.

use crate::error::{ErrorExt, Result, RiskError};
use crate::model::{Action, Check};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::Book;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export, rename = "RiskCheckSetting")]
pub struct CheckSetting {
    pub check: Check,
    pub title: String,
    pub severity: crate::model::Severity,
    pub action: Action,
    pub default_action: Action,
}

/// Every check with what it does here, in the order of `Check::ALL`.
pub fn get(conn: &Connection) -> Result<Vec<CheckSetting>> {
    let mut stmt = conn.prepare_cached("SELECT check_name, action FROM risk_settings")?;
    let set: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Check::ALL
        .iter()
        .map(|&check| CheckSetting {
            check,
            title: check.title().into(),
            severity: check.severity(),
            action: set
                .iter()
                .find(|(name, _)| name == check.as_str())
                .and_then(|(_, a)| Action::parse(a))
                .unwrap_or(check.default_action()),
            default_action: check.default_action(),
        })
        .collect())
}

/// Sets what each named check does, in one transaction. A change applies
/// to flags raised from now on; open flags keep what they do.
pub fn set(
    book: &mut Book,
    changes: &[(Check, Action)],
    actor: Actor,
) -> Result<Vec<CheckSetting>> {
    if changes.is_empty() {
        return Err(RiskError::invalid(
            "checks",
            "name at least one check and what it does, e.g. velocity=hold",
        ));
    }
    let tx = book.transaction()?;
    let before = get(&tx)?;
    for (check, action) in changes {
        tx.execute(
            "INSERT INTO risk_settings (check_name, action) VALUES (?1, ?2)
             ON CONFLICT (check_name) DO UPDATE SET action = excluded.action",
            (check.as_str(), action.as_str()),
        )?;
    }
    let after = get(&tx)?;
    audit::record(
        &tx,
        actor,
        "risk_settings",
        None,
        "update",
        Some(&serde_json::to_value(&before).unwrap_or_default()),
        Some(&serde_json::to_value(&after).unwrap_or_default()),
    )?;
    tx.commit()?;
    Ok(after)
}

/// `self_referral=hold` as typed on the command line.
pub fn parse_change(text: &str) -> Result<(Check, Action)> {
    let (name, action) = text.split_once('=').ok_or_else(|| {
        RiskError::invalid(
            "checks",
            format!("\"{text}\": write CHECK=ACTION, e.g. velocity=hold"),
        )
    })?;
    let check = Check::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Check::ALL.iter().map(|c| c.as_str()).collect();
        RiskError::invalid(
            "checks",
            format!(
                "\"{name}\" is not a check; the checks are {}",
                names.join(", ")
            ),
        )
    })?;
    let action = Action::parse(action).ok_or_else(|| {
        RiskError::invalid(
            "checks",
            format!("\"{action}\" is not an action; say off, flag or hold"),
        )
    })?;
    Ok((check, action))
}
