//! How applications are screened in this program: what each failed check
//! costs the fit score, what the program looks for (countries, audience,
//! categories), and when an application is approved without a person.
//! Kept as one JSON document in the book; every field has a default.

use crate::error::{ApplicationError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::Book;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ScreeningSettings {
    /// Points a failed check takes off the score of 100, by check id.
    pub weights: BTreeMap<String, u32>,
    /// Countries the program is for (ISO codes); empty means anywhere.
    pub target_countries: Vec<String>,
    /// Countries the program cannot work with: a red check.
    pub blocked_countries: Vec<String>,
    /// Smallest audience the program looks for; 0 means no minimum.
    pub min_audience: u64,
    /// Categories the program looks for; empty means any.
    pub categories: Vec<String>,
    /// A business program: free-mail addresses (gmail.com…) are flagged.
    pub business_email_only: bool,
    /// Our own domains: applicants using them are flagged.
    pub own_domains: Vec<String>,
    pub auto_approve: AutoApprove,
}

/// Approve on intake when the score is high enough and no check is red.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct AutoApprove {
    pub enabled: bool,
    pub min_score: u8,
    /// The group auto-approved partners join.
    pub group_id: Option<i64>,
}

impl Default for AutoApprove {
    fn default() -> Self {
        AutoApprove {
            enabled: false,
            min_score: 80,
            group_id: None,
        }
    }
}

/// The default cost of each check, and of missing each criterion.
pub const DEFAULT_WEIGHTS: &[(&str, u32)] = &[
    ("duplicate_email", 60),
    ("duplicate_domain", 25),
    ("duplicate_payout_account", 60),
    ("disposable_email", 50),
    ("free_mail", 15),
    ("blocked_country", 100),
    ("missing_website", 20),
    ("website_looks_unreachable", 20),
    ("own_domain", 100),
    ("known_customer", 30),
    ("spam_patterns", 40),
    ("country_not_targeted", 15),
    ("audience_below_minimum", 20),
    ("category_not_targeted", 10),
];

impl Default for ScreeningSettings {
    fn default() -> Self {
        ScreeningSettings {
            weights: DEFAULT_WEIGHTS
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            target_countries: Vec::new(),
            blocked_countries: Vec::new(),
            min_audience: 0,
            categories: Vec::new(),
            business_email_only: false,
            own_domains: Vec::new(),
            auto_approve: AutoApprove::default(),
        }
    }
}

impl ScreeningSettings {
    pub fn weight(&self, check: &str) -> u32 {
        self.weights
            .get(check)
            .copied()
            .or_else(|| {
                DEFAULT_WEIGHTS
                    .iter()
                    .find(|(k, _)| *k == check)
                    .map(|(_, v)| *v)
            })
            .unwrap_or(0)
    }
}

pub fn get(conn: &Connection) -> Result<ScreeningSettings> {
    let text: String = conn.query_row("SELECT screening FROM program WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    let mut s: ScreeningSettings = serde_json::from_str(&text).map_err(|e| {
        ApplicationError::invalid(
            "screening",
            format!("the stored screening settings are damaged: {e}"),
        )
    })?;
    // Weights missing from an older document take their defaults.
    for (k, v) in DEFAULT_WEIGHTS {
        s.weights.entry(k.to_string()).or_insert(*v);
    }
    Ok(s)
}

pub fn set(book: &mut Book, s: &ScreeningSettings, actor: Actor) -> Result<ScreeningSettings> {
    let mut s = s.clone();
    for list in [&mut s.target_countries, &mut s.blocked_countries] {
        for c in list.iter_mut() {
            *c = partnerbook_book::validate::country(c).map_err(|e| e.for_field("countries"))?;
        }
        list.retain(|c| !c.is_empty());
        list.sort();
        list.dedup();
    }
    if let Some(bad) = s.weights.iter().find(|(_, w)| **w > 100) {
        return Err(ApplicationError::invalid(
            "weights",
            format!("{} costs {} points: at most 100", bad.0, bad.1),
        ));
    }
    if s.auto_approve.min_score > 100 {
        return Err(ApplicationError::invalid(
            "auto_approve",
            "the minimum score is between 0 and 100",
        ));
    }
    for d in s.own_domains.iter_mut() {
        *d = super::domain::host(d);
    }
    s.own_domains.retain(|d| !d.is_empty());
    let tx = book.transaction()?;
    let before = get(&tx)?;
    if let Some(group) = s.auto_approve.group_id {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
            [group],
            |r| r.get(0),
        )?;
        if !known {
            return Err(ApplicationError::not_found(format!("group #{group}")));
        }
    }
    tx.execute(
        "UPDATE program SET screening = ?1 WHERE id = 1",
        [serde_json::to_string(&s).expect("settings serialise")],
    )?;
    audit::record_change(&tx, actor, "screening_settings", Some(1), &before, &s)?;
    tx.commit()?;
    Ok(s)
}
