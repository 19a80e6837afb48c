//! The book: one affiliate program in one SQLite file, and what every area
//! of Partnerbook builds on — money, errors, the audit log, program
//! settings, tags and groups, progress, field checks and file helpers.
//! Every crate above this one is a set of plain functions over a `Book`.

#[macro_use]
mod text_enum;

pub mod audit;
mod backup;
pub mod backups;
mod book;
mod checks;
mod create;
pub mod error;
pub mod files;
pub mod groups;
mod migrations;
pub mod money;
pub mod progress;
pub mod query;
pub mod recent;
mod risk_hold;
pub mod settings;
pub mod spreadsheet;
pub mod tags;
pub mod time;
pub mod totals;
pub mod validate;

pub use backup::backup_path_for;
pub use book::{known_schema_version, query_plan, remove_book_files, Book, EXTENSION};
pub use create::{suggest_path, BookInfo};
pub use error::{BookError, Coded, ErrorCode, ErrorExt, Result};
pub use totals::BookTx;
