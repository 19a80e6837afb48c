//! The rotating set of backups of a book, in a folder beside it
//! (`Acme.partnerbook.backups/`): one a day while the book is used, one
//! before every import and payout approval, and any made by hand. They are
//! kept by age, like a careful person would: everything from the last day,
//! then the newest of each of the last 7 days, of each of the last 4 weeks
//! and of each of the last 12 months. Restoring one backs the book up first.

use crate::error::{BookError, ErrorExt, Result};
use crate::Book;
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// RFC 3339, from the file name.
    pub created_at: String,
    /// "daily", "before-import", "before-restore", "by-hand"…
    pub reason: String,
    pub bytes: u64,
}

/// The folder a book's backups live in.
pub fn folder(book: &Path) -> PathBuf {
    let mut name = book
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".backups");
    book.with_file_name(name)
}

/// Backs the open book up now, for `reason`, then prunes the set.
pub fn create(book: &Book, reason: &str) -> Result<BackupInfo> {
    let dir = folder(book.path());
    std::fs::create_dir_all(&dir)
        .map_err(|e| BookError::io(format!("cannot create {}", dir.display()), e))?;
    remove_stale_partials(&dir);
    let at = crate::time::current();
    let reason: String = reason
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut dest = dir.join(format!(
        "{}.{reason}.partnerbook",
        at.format("%Y%m%d-%H%M%S")
    ));
    let mut n = 2;
    while dest.exists() {
        dest = dir.join(format!(
            "{}.{reason}-{n}.partnerbook",
            at.format("%Y%m%d-%H%M%S")
        ));
        n += 1;
    }
    book.backup_to(&dest)?;
    prune(book.path(), at)?;
    info(&dest).ok_or_else(|| BookError::not_found(format!("backup {}", dest.display())))
}

/// Removes the half-made copies a backup stopped mid-way left (the app
/// closed during a big book's copy): `.partial` files and their journals
/// not written to for a minute, so a copy still being made is left alone.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let idle = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(60));
        if (name.ends_with(".partial") || name.ends_with(".partial-journal")) && idle {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The daily backup, when the newest backup is a day old or there is none.
pub fn daily(book: &Book) -> Result<Option<BackupInfo>> {
    let newest = list(book.path())?.into_iter().map(|b| b.created_at).max();
    let day_ago = crate::time::current() - Duration::days(1);
    match newest {
        Some(at) if at > crate::time::stamp(day_ago) => Ok(None),
        _ => create(book, "daily").map(Some),
    }
}

/// The book's backups, newest first.
pub fn list(book: &Path) -> Result<Vec<BackupInfo>> {
    let dir = folder(book);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<BackupInfo> = entries.flatten().filter_map(|e| info(&e.path())).collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Replaces the open book's content with backup `from`, after backing the
/// book up as it is ("before-restore"). The book stays open.
pub fn restore(book: &mut Book, from: &Path) -> Result<BackupInfo> {
    let source = Book::open_reader(from).map_err(|e| {
        BookError::invalid(
            "backup",
            format!("{} cannot be read as a book: {e}", from.display()),
        )
    })?;
    let (theirs, ours) = (source.schema_version()?, book.schema_version()?);
    if theirs != ours {
        return Err(BookError::invalid(
            "backup",
            format!(
                "{} is from book schema {theirs} and this book is at {ours}: open the backup as a book first, which brings it up to date",
                from.display()
            ),
        ));
    }
    let before = create(book, "before-restore")?;
    {
        let backup = Backup::new(source.conn(), book.conn_mut())?;
        backup.run_to_completion(256, std::time::Duration::from_millis(10), None)?;
    }
    Ok(before)
}

/// Deletes the backups the rotation no longer keeps, as of `now`.
pub fn prune(book: &Path, now: DateTime<Utc>) -> Result<Vec<String>> {
    let all = list(book)?;
    let keep = kept(&all, now);
    let mut removed = Vec::new();
    for b in all.iter().filter(|b| !keep.contains(&b.path)) {
        std::fs::remove_file(&b.path)
            .map_err(|e| BookError::io(format!("cannot remove {}", b.path), e))?;
        removed.push(b.path.clone());
    }
    Ok(removed)
}

/// Which of `all` (newest first) the rotation keeps at `now`.
fn kept(all: &[BackupInfo], now: DateTime<Utc>) -> BTreeSet<String> {
    let mut keep = BTreeSet::new();
    let mut days = BTreeSet::new();
    let mut weeks = BTreeSet::new();
    let mut months = BTreeSet::new();
    for b in all {
        let Some(at) = crate::time::parse_stamp(&b.created_at) else {
            continue;
        };
        let age = now - at;
        let day = at.date_naive();
        let week = (day.iso_week().year(), day.iso_week().week());
        let month = (day.year(), day.month());
        // Newest first: the first seen of a day, week or month is its newest;
        // each tier keeps its own newest, whatever the others keep.
        let newest_of_day = age < Duration::days(7) && days.insert(day);
        let newest_of_week = age < Duration::weeks(4) && weeks.insert(week);
        let newest_of_month = age < Duration::days(366) && months.insert(month);
        let keep_it = age < Duration::days(1) || newest_of_day || newest_of_week || newest_of_month;
        if keep_it {
            keep.insert(b.path.clone());
        }
    }
    keep
}

/// A backup file's facts, from its name "YYYYMMDD-HHMMSS.reason.partnerbook".
fn info(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_suffix(".partnerbook")?;
    let (stamp, reason) = rest.split_once('.')?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S")
        .ok()?
        .and_utc();
    Some(BackupInfo {
        path: path.to_string_lossy().into_owned(),
        created_at: crate::time::stamp(at),
        reason: reason.to_string(),
        bytes: std::fs::metadata(path).ok()?.len(),
    })
}
