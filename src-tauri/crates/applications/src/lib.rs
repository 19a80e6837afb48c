//! Application review: intake from form exports or by hand (duplicates
//! merge, every submission kept), screening that explains itself, a fit
//! score, and decisions that create the partner, queue the right email and
//! leave a trail. Applicant text is untrusted: stored and returned as text.

pub mod checks;
pub mod decide;
pub mod domain;
pub mod error;
pub mod intake;
mod model;
pub mod screen;
pub mod settings;
mod store;

pub use decide::{approve, reject, DecisionReport, REJECTION_REASONS};
pub use error::{ApplicationError, Result};
pub use intake::{add, import_file, IntakeReport};
pub use model::*;
pub use screen::{screen, ScreenReport};
pub use settings::{AutoApprove, ScreeningSettings};
/// How an application is matched by its website's domain (tests hold it to its index).
pub use store::MATCH_BY_DOMAIN;

use partnerbook_book::Book;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub fn get(book: &Book, id: i64) -> Result<Application> {
    store::get(book.conn(), id)
}

pub fn submissions(book: &Book, id: i64) -> Result<Vec<Submission>> {
    store::submissions(book.conn(), id)
}

/// One application with every submission that made it, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationDetail {
    pub application: Application,
    pub submissions: Vec<Submission>,
}

pub fn detail(book: &Book, id: i64) -> Result<ApplicationDetail> {
    Ok(ApplicationDetail {
        application: get(book, id)?,
        submissions: submissions(book, id)?,
    })
}

/// What the queue shows: by status, score and check, best or worst first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ApplicationQuery {
    pub status: Option<ApplicationStatus>,
    pub min_score: Option<u8>,
    pub max_score: Option<u8>,
    /// Only applications where this check is red or amber.
    pub flagged_by: Option<String>,
    /// "score" (highest first, the default), "score_asc", "newest", "oldest".
    pub sort: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationPage {
    pub total: u32,
    pub rows: Vec<Application>,
}

pub fn list(book: &Book, q: &ApplicationQuery) -> Result<ApplicationPage> {
    let order = match q.sort.as_deref().unwrap_or("score") {
        "score_asc" => "coalesce(score, -1) ASC, id",
        "newest" => "id DESC",
        "oldest" => "id",
        _ => "coalesce(score, -1) DESC, id",
    };
    let filter = "WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR score >= ?2) AND (?3 IS NULL OR score <= ?3)
        AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(checks) c
             WHERE json_extract(c.value, '$.check') = ?4 AND json_extract(c.value, '$.severity') <> 'pass'))";
    let args = params![q.status, q.min_score, q.max_score, q.flagged_by];
    let conn = book.conn();
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM applications {filter}"),
        args,
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "{} {filter} ORDER BY {order} LIMIT ?5 OFFSET ?6",
        store::SELECT
    ))?;
    let rows = stmt
        .query_map(
            params![
                q.status,
                q.min_score,
                q.max_score,
                q.flagged_by,
                q.limit.unwrap_or(200).clamp(1, 10_000),
                q.offset.unwrap_or(0)
            ],
            store::from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ApplicationPage { total, rows })
}
