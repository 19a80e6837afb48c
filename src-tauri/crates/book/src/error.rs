//! Errors. `BookError` says what went wrong, in words for the person using
//! the app. Every other crate has its own error that wraps this one and the
//! errors of the crates it calls; all of them answer through `Coded` with a
//! stable `ErrorCode`, the input field a refusal is about, and the reason
//! without that field, so the shell and the CLI never parse messages.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    /// A value a person typed or a file held is not acceptable.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    /// A row of an imported file is bad; nothing of the file was written.
    #[error("{file}, line {line}, column \"{column}\": {reason}")]
    BadRow {
        file: String,
        line: u64,
        column: String,
        reason: String,
    },

    #[error("{what} not found")]
    NotFound { what: String },

    /// A unique value (email, referral code, group name…) is already taken.
    #[error("{field}: {message}")]
    Conflict { field: String, message: String },

    #[error("{path} is not a Partnerbook book: {reason}")]
    NotABook { path: PathBuf, reason: String },

    #[error(
        "{path} was written by a newer Partnerbook (book schema {found}, this version knows up to {known}); update Partnerbook to open it"
    )]
    BookTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{path} already exists; choose another file name")]
    AlreadyExists { path: PathBuf },

    #[error("cancelled; nothing was changed")]
    Cancelled,

    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },

    /// Another window or program held the book's write lock for longer
    /// than the busy timeout.
    #[error("the book is busy: another window or program is writing to it (an import, a payout run…); try again when it has finished")]
    Busy,

    /// The file, its folder or its disk does not allow writing (a read-only
    /// medium, a locked folder). SQLite wrote nothing.
    #[error("{what} cannot be written: the file, its folder or its disk is read-only; nothing was changed. Copy the book to a folder you can write to and open it there")]
    ReadOnly { what: String },

    /// The disk failed a read or write of the open book (a stick pulled out,
    /// a disk remounted read-only); SQLite rolls the transaction back.
    #[error("the disk refused to write the book (it was removed, turned read-only or is failing): nothing was changed; check the disk, then open the book again")]
    DiskFailed,

    /// The disk ran out of space mid-write; the transaction rolled back.
    #[error("the disk is full: nothing was changed; free some space on the disk that holds the book and try again")]
    DiskFull,

    #[error("database error: {0}")]
    Database(rusqlite::Error),

    #[error("migrating the book failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

impl From<rusqlite::Error> for BookError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                BookError::Busy
            }
            Some(rusqlite::ErrorCode::ReadOnly) => BookError::ReadOnly {
                what: "the book".into(),
            },
            Some(rusqlite::ErrorCode::DiskFull) => BookError::DiskFull,
            Some(rusqlite::ErrorCode::SystemIoFailure) => BookError::DiskFailed,
            _ => BookError::Database(e),
        }
    }
}

pub type Result<T, E = BookError> = std::result::Result<T, E>;

/// The kind of a failure, stable across versions: the UI branches on it
/// (its TypeScript type is generated from this enum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    InvalidInput,
    BadRow,
    NotFound,
    Conflict,
    NotABook,
    BookTooNew,
    AlreadyExists,
    Cancelled,
    Busy,
    Io,
    Database,
    Migration,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::BadRow => "bad_row",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::NotABook => "not_a_book",
            ErrorCode::BookTooNew => "book_too_new",
            ErrorCode::AlreadyExists => "already_exists",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::Busy => "busy",
            ErrorCode::Io => "io",
            ErrorCode::Database => "database",
            ErrorCode::Migration => "migration",
        }
    }

    /// True when the person can fix it by changing their input (CLI exit 1),
    /// as opposed to a fault of the machine or the program.
    pub fn is_user_error(self) -> bool {
        !matches!(
            self,
            ErrorCode::Io | ErrorCode::Database | ErrorCode::Migration | ErrorCode::Busy
        )
    }
}

/// `code == "not_found"`: the code as the UI and the CLI spell it.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every crate's error tells the shell and the CLI.
pub trait Coded: std::error::Error + Send + Sync + 'static {
    fn code(&self) -> ErrorCode;
    /// The input field a refusal is about ("email", "minimum_payout"), if any.
    fn field(&self) -> Option<&str>;
    /// The message without its field ("is not a number"), for callers that
    /// name the place themselves (a CSV column, a form field).
    fn reason(&self) -> String;
}

impl Coded for BookError {
    fn code(&self) -> ErrorCode {
        match self {
            BookError::Invalid { .. } => ErrorCode::InvalidInput,
            BookError::BadRow { .. } => ErrorCode::BadRow,
            BookError::NotFound { .. } => ErrorCode::NotFound,
            BookError::Conflict { .. } => ErrorCode::Conflict,
            BookError::NotABook { .. } => ErrorCode::NotABook,
            BookError::BookTooNew { .. } => ErrorCode::BookTooNew,
            BookError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            BookError::Cancelled => ErrorCode::Cancelled,
            BookError::Busy => ErrorCode::Busy,
            BookError::Io { .. }
            | BookError::ReadOnly { .. }
            | BookError::DiskFull
            | BookError::DiskFailed => ErrorCode::Io,
            BookError::Database(_) => ErrorCode::Database,
            BookError::Migration(_) => ErrorCode::Migration,
        }
    }

    fn field(&self) -> Option<&str> {
        self.field_and_reason().map(|(f, _)| f)
    }

    fn reason(&self) -> String {
        self.field_and_reason()
            .map_or_else(|| self.to_string(), |(_, m)| m.to_string())
    }
}

impl BookError {
    /// Re-labels an input error with the field it came from, e.g. a parsed
    /// amount that was the "minimum_payout".
    pub fn for_field(self, field: &str) -> Self {
        match self {
            BookError::Invalid { message, .. } => BookError::Invalid {
                field: field.to_string(),
                message,
            },
            BookError::Conflict { message, .. } => BookError::Conflict {
                field: field.to_string(),
                message,
            },
            other => other,
        }
    }

    /// The field an input error is about and what is wrong with it.
    pub fn field_and_reason(&self) -> Option<(&str, &str)> {
        match self {
            BookError::Invalid { field, message } | BookError::Conflict { field, message } => {
                Some((field, message))
            }
            _ => None,
        }
    }
}

/// The common failures, made as any crate's error:
/// `PayoutError::invalid("run", "…")` is a `BookError::Invalid` inside a
/// `PayoutError`.
pub trait ErrorExt: From<BookError> {
    fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        BookError::Invalid {
            field: field.into(),
            message: message.into(),
        }
        .into()
    }

    fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        BookError::Conflict {
            field: field.into(),
            message: message.into(),
        }
        .into()
    }

    fn not_found(what: impl Into<String>) -> Self {
        BookError::NotFound { what: what.into() }.into()
    }

    fn bad_row(
        file: impl Into<String>,
        line: u64,
        column: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        BookError::BadRow {
            file: file.into(),
            line,
            column: column.into(),
            reason: reason.into(),
        }
        .into()
    }

    fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        BookError::Io {
            context: context.into(),
            source,
        }
        .into()
    }
}

impl<E: From<BookError>> ErrorExt for E {}

/// A crate's own error, wrapping the book's and those of the crates it
/// calls: `crate_error!(PayoutError { Partners(PartnerError), Ledger(LedgerError) })`
/// declares the enum (with a `Book` variant first), `From` each wrapped
/// error and `rusqlite::Error`, `Coded` (answered by the wrapped error) and
/// the crate's `Result`. The crate using it depends on thiserror and rusqlite.
#[macro_export]
macro_rules! crate_error {
    ($name:ident { $($variant:ident($inner:ty)),* $(,)? }) => {
        #[derive(Debug, thiserror::Error)]
        pub enum $name {
            #[error(transparent)]
            Book(#[from] $crate::BookError),
            $(#[error(transparent)] $variant(#[from] $inner),)*
        }

        impl From<rusqlite::Error> for $name {
            fn from(e: rusqlite::Error) -> Self {
                $name::Book($crate::BookError::from(e))
            }
        }

        impl $name {
            fn wrapped(&self) -> &dyn $crate::Coded {
                match self {
                    $name::Book(e) => e,
                    $($name::$variant(e) => e,)*
                }
            }
        }

        impl $crate::Coded for $name {
            fn code(&self) -> $crate::ErrorCode {
                self.wrapped().code()
            }
            fn field(&self) -> Option<&str> {
                self.wrapped().field()
            }
            fn reason(&self) -> String {
                self.wrapped().reason()
            }
        }

        pub type Result<T, E = $name> = std::result::Result<T, E>;
    };
}
