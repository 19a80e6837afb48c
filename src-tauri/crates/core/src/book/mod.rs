//! A book is one program in one SQLite file (`NAME.partnerbook`). This module
//! creates and opens books, sets the connection options once, and brings the
//! schema up to date (backing the file up first).

/// The page cache in KiB: 32 MB, the default being 2 MB, so a
/// 100,000-partner import does not spill pages to the WAL mid-transaction.
const CACHE_KIB: i64 = 32_768;
const BULK_CACHE_KIB: i64 = 262_144;

mod backup;
mod checks;
mod migrations;

pub use backup::backup_path_for;

use crate::error::{CoreError, Result};
use crate::settings::{self, NewProgram};
use rusqlite::{Connection, OpenFlags, Transaction};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

/// SQLite's `application_id` for our files ("PBK1"), so a book is
/// recognisable by any tool and other SQLite files are refused politely.
const APPLICATION_ID: i32 = 0x5042_4B31;

/// The file extension of a book.
pub const EXTENSION: &str = "partnerbook";

pub struct Book {
    conn: Connection,
    path: PathBuf,
}

/// What the app shows about the open book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BookInfo {
    pub path: String,
    pub program_name: String,
    pub base_currency: String,
    pub partner_count: u64,
    pub schema_version: i64,
}

impl Book {
    /// Creates a new book at `path` (which must not exist yet) with the
    /// program's name and base currency. On failure no file is left behind.
    pub fn create(path: &Path, program: &NewProgram) -> Result<Book> {
        program.validate()?;
        if path.exists() {
            return Err(CoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        let created = Self::create_inner(path, program);
        if created.is_err() {
            remove_book_files(path);
        }
        created
    }

    fn create_inner(path: &Path, program: &NewProgram) -> Result<Book> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let mut book = Book {
            conn,
            path: path.to_path_buf(),
        };
        book.configure()?;
        migrations::migrate(&mut book.conn, path)?;
        let tx = book.conn.transaction()?;
        settings::insert_initial(&tx, program)?;
        tx.commit()?;
        Ok(book)
    }

    /// Opens an existing book, migrating it to this version's schema after
    /// backing it up. Refuses non-Partnerbook files and books from a newer version.
    pub fn open(path: &Path) -> Result<Book> {
        if !path.is_file() {
            return Err(CoreError::not_found(format!("book {}", path.display())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| open_error(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(CoreError::NotABook {
                path: path.to_path_buf(),
                reason: "it is an SQLite database made by another program".into(),
            });
        }
        let mut book = Book {
            conn,
            path: path.to_path_buf(),
        };
        book.configure()?;
        migrations::migrate(&mut book.conn, path)?;
        Ok(book)
    }

    fn configure(&mut self) -> Result<()> {
        let conn = &self.conn;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // Some file systems (network shares) cannot hold a WAL; the book
            // still works in rollback-journal mode.
            tracing::warn!(path = %self.path.display(), mode, "WAL unavailable");
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(())
    }

    /// Runs `work` with a 256 MB page cache: a million-row import touches
    /// every page of several indexes, which a 32 MB cache keeps rereading.
    pub(crate) fn with_bulk_cache<T>(
        &mut self,
        work: impl FnOnce(&mut Book) -> Result<T>,
    ) -> Result<T> {
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let result = work(self);
        self.conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        result
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Every multi-row change goes through one transaction: all or nothing.
    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction()?)
    }

    /// Copies the whole book to `dest` with SQLite's online backup, which is
    /// consistent even while the book is open.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup::backup_to(&self.conn, dest)
    }

    pub fn info(&self) -> Result<BookInfo> {
        let settings = settings::get(&self.conn)?;
        let partner_count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))?;
        Ok(BookInfo {
            path: self.path.to_string_lossy().into_owned(),
            program_name: settings.program_name,
            base_currency: settings.base_currency.code().to_string(),
            partner_count: partner_count as u64,
            schema_version: self.schema_version()?,
        })
    }

    /// The schema version this book is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A free path for a new book named after the program, in `dir`:
/// "Fjord Notes.partnerbook", then "Fjord Notes 2.partnerbook"…
pub fn suggest_path(dir: &Path, program_name: &str) -> PathBuf {
    let cleaned: String = program_name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let stem = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let stem = if stem.is_empty() || stem.starts_with('.') {
        "Partner program".to_string()
    } else {
        stem
    };
    let mut candidate = dir.join(format!("{stem}.{EXTENSION}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem} {n}.{EXTENSION}"));
        n += 1;
    }
    candidate
}

/// The latest schema version this build knows.
pub fn known_schema_version() -> i64 {
    migrations::latest_version()
}

fn open_error(path: &Path, e: rusqlite::Error) -> CoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => CoreError::NotABook {
            path: path.to_path_buf(),
            reason: "it is not an SQLite database".into(),
        },
        Some(rusqlite::ErrorCode::CannotOpen) | Some(rusqlite::ErrorCode::PermissionDenied) => {
            CoreError::io(
                format!("cannot open {}", path.display()),
                std::io::Error::other("the file or its folder is missing or not writable"),
            )
        }
        _ => CoreError::Database(e),
    }
}

/// Removes a book and its WAL files (after a creation that failed).
pub(crate) fn remove_book_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// SQLite's plan for `sql` with `params` bound, one step per line: tests
/// check that hot lookups use their index.
#[cfg(test)]
pub(crate) fn query_plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let steps: Vec<String> = stmt
        .query_map(params, |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    steps.join("\n")
}

#[cfg(test)]
mod tests;
