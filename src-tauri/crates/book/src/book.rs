//! A book is one program in one SQLite file (`NAME.partnerbook`). This module
//! opens book files, sets the connection options once, and brings the schema
//! up to date (backing the file up first). A new book's program row is made
//! in `create.rs`.

use crate::error::{BookError, ErrorExt, Result};
use crate::migrations;
use crate::totals::BookTx;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The page cache in KiB: 32 MB, the default being 2 MB, so a
/// 100,000-partner import does not spill pages to the WAL mid-transaction.
const CACHE_KIB: i64 = 32_768;
const BULK_CACHE_KIB: i64 = 262_144;

/// SQLite's `application_id` for our files ("PBK1"), so a book is
/// recognisable by any tool and other SQLite files are refused politely.
const APPLICATION_ID: i32 = 0x5042_4B31;

/// The file extension of a book.
pub const EXTENSION: &str = "partnerbook";

pub struct Book {
    conn: Connection,
    path: PathBuf,
}

impl Book {
    /// Opens an existing book, migrating it to this version's schema after
    /// backing it up. Refuses non-Partnerbook files and books from a newer version.
    pub fn open(path: &Path) -> Result<Book> {
        let mut book = Self::open_checked(path)?;
        // SQLite falls back to reading a file it cannot write; say so now,
        // not at the first edit.
        if book.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(BookError::ReadOnly {
                what: path.display().to_string(),
            });
        }
        book.configure()?;
        migrations::migrate(&mut book.conn, path)?;
        Ok(book)
    }

    /// A second connection to a book that is already open (and migrated),
    /// for reading only: in WAL mode it answers while the writer is busy
    /// with an import or a payout run, and it can never write.
    pub fn open_reader(path: &Path) -> Result<Book> {
        let book = Self::open_checked(path)?;
        book.configure()?;
        book.conn.pragma_update(None, "query_only", "ON")?;
        Ok(book)
    }

    fn open_checked(path: &Path) -> Result<Book> {
        if !path.is_file() {
            return Err(BookError::not_found(format!("book {}", path.display())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| open_error(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(BookError::NotABook {
                path: path.to_path_buf(),
                reason: "it is an SQLite database made by another program".into(),
            });
        }
        Ok(Book {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Makes the file of a new book at `path` with today's schema; the
    /// caller removes it again if anything after this fails.
    pub(crate) fn create_file(path: &Path) -> Result<Book> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| BookError::io(format!("cannot create {}", dir.display()), e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| match open_error(path, e) {
                BookError::ReadOnly { .. } => BookError::io(
                    format!("cannot create {}", path.display()),
                    std::io::Error::other("its folder or disk is read-only; choose another folder"),
                ),
                other => other,
            })?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let mut book = Book {
            conn,
            path: path.to_path_buf(),
        };
        book.configure()?;
        migrations::migrate(&mut book.conn, path)?;
        Ok(book)
    }

    fn configure(&self) -> Result<()> {
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
    pub fn with_bulk_cache<T, E: From<BookError>>(
        &mut self,
        work: impl FnOnce(&mut Book) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)
            .map_err(BookError::from)?;
        let result = work(self);
        self.conn
            .pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(BookError::from)?;
        result
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection itself, for a restore that replaces the book's pages.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Every multi-row change goes through one transaction: all or nothing.
    /// It takes the write lock at once (BEGIN IMMEDIATE), so a second
    /// writer waits the busy timeout for it instead of failing when its
    /// first read turns into a write.
    /// Its commit also settles the home screen's totals (totals.rs).
    pub fn transaction(&mut self) -> Result<BookTx<'_>> {
        Ok(BookTx::new(self.conn.transaction_with_behavior(
            rusqlite::TransactionBehavior::Immediate,
        )?))
    }

    /// Copies the whole book to `dest` with SQLite's online backup, which is
    /// consistent even while the book is open.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        crate::backup::backup_to(&self.conn, dest)
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

    /// What is wrong with the rules the book enforces on itself: a trigger
    /// (the payout lock among them) dropped or changed since the schema
    /// made it, a commission pointing at a payout that is gone. Empty when
    /// all is well.
    pub fn rules_check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let have = crate::migrations::triggers(&self.conn)?;
        for (name, sql) in crate::migrations::expected_triggers()? {
            match have.iter().find(|(n, _)| *n == name) {
                None => problems.push(format!("the trigger {name} is missing")),
                Some((_, s)) if *s != sql => {
                    problems.push(format!("the trigger {name} was changed"))
                }
                Some(_) => {}
            }
        }
        let dangling: i64 = self.conn.query_row(
            "SELECT count(*) FROM commissions
              WHERE payout_id IS NOT NULL AND payout_id NOT IN (SELECT id FROM payouts)",
            [],
            |r| r.get(0),
        )?;
        if dangling > 0 {
            problems.push(format!(
                "{dangling} commissions point at a payout that is not in the book"
            ));
        }
        Ok(problems)
    }
}

/// The latest schema version this build knows.
pub fn known_schema_version() -> i64 {
    migrations::latest_version()
}

fn open_error(path: &Path, e: rusqlite::Error) -> BookError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => BookError::NotABook {
            path: path.to_path_buf(),
            reason: "it is not an SQLite database".into(),
        },
        // The file exists (open checks first): SQLite could not open it, or
        // the journal beside it, for writing.
        Some(
            rusqlite::ErrorCode::CannotOpen
            | rusqlite::ErrorCode::PermissionDenied
            | rusqlite::ErrorCode::ReadOnly,
        ) => BookError::ReadOnly {
            what: path.display().to_string(),
        },
        _ => e.into(),
    }
}

/// Removes a book and its WAL files (after a creation that failed).
pub fn remove_book_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// SQLite's plan for `sql` with `params` bound, one step per line: tests
/// check that hot lookups use their index.
pub fn query_plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<String> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let steps: Vec<String> = stmt
        .query_map(params, |r| r.get(3))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(steps.join("\n"))
}
