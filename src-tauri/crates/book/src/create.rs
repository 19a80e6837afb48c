//! A new book: the file and its program row, made in one step (no file is
//! left behind when that fails), a free name for it, and what the app shows
//! about an open book.

use crate::book::{remove_book_files, Book, EXTENSION};
use crate::error::{BookError, Result};
use crate::settings::{self, NewProgram};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

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
            return Err(BookError::AlreadyExists {
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
        let mut book = Book::create_file(path)?;
        let tx = book.transaction()?;
        settings::insert_initial(&tx, program)?;
        tx.commit()?;
        Ok(book)
    }

    pub fn info(&self) -> Result<BookInfo> {
        let settings = settings::get(self.conn())?;
        let partner_count: i64 =
            self.conn()
                .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))?;
        Ok(BookInfo {
            path: self.path().to_string_lossy().into_owned(),
            program_name: settings.program_name,
            base_currency: settings.base_currency.code().to_string(),
            partner_count: partner_count as u64,
            schema_version: self.schema_version()?,
        })
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
