//! Whole-file copies of a book through SQLite's online backup API.

use crate::error::{BookError, ErrorExt, Result};
use rusqlite::backup::Backup;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Copies the book to `dest`, first under a temporary name that is renamed
/// when the copy is whole: an interrupted backup (killed, disk full) never
/// leaves a file at `dest` that looks like a backup and is not one.
pub(super) fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(BookError::AlreadyExists {
            path: dest.to_path_buf(),
        });
    }
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    // A copy an earlier, interrupted backup left behind.
    let _ = std::fs::remove_file(&partial);
    let result = copy(conn, &partial).and_then(|()| {
        std::fs::rename(&partial, dest)
            .map_err(|e| BookError::io(format!("cannot create backup {}", dest.display()), e))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn copy(conn: &Connection, to: &Path) -> Result<()> {
    let mut target = Connection::open(to).map_err(|e| {
        BookError::io(
            format!("cannot create backup {}", to.display()),
            std::io::Error::other(e.to_string()),
        )
    })?;
    {
        let backup = Backup::new(conn, &mut target)?;
        backup.run_to_completion(256, Duration::from_millis(10), None)?;
    }
    // Closed (and so flushed) before it is renamed into place.
    target.close().map_err(|(_, e)| BookError::from(e))?;
    Ok(())
}

/// `program.partnerbook` → `program.partnerbook.20261122-020309.before-schema-2.bak`:
/// beside the book, sortable by time, saying why it was made.
pub fn backup_path_for(book: &Path, why: &str) -> PathBuf {
    let stamp = crate::time::current().format("%Y%m%d-%H%M%S");
    let mut name = book
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{stamp}.{why}.bak"));
    let mut candidate = book.with_file_name(&name);
    let mut n = 2;
    while candidate.exists() {
        let mut numbered = name.clone();
        numbered.push(format!(".{n}"));
        candidate = book.with_file_name(numbered);
        n += 1;
    }
    candidate
}
