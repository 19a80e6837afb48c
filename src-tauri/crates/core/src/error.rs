//! The core's one error type. Every variant has a stable `code()` so the
//! desktop shell and the CLI can react to the kind of failure, and a message
//! written for the person using the app.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
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

    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("migrating the book failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    /// A stable machine-readable code, e.g. for the UI to pick a message style.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid { .. } => "invalid_input",
            CoreError::BadRow { .. } => "bad_row",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Conflict { .. } => "conflict",
            CoreError::NotABook { .. } => "not_a_book",
            CoreError::BookTooNew { .. } => "book_too_new",
            CoreError::AlreadyExists { .. } => "already_exists",
            CoreError::Cancelled => "cancelled",
            CoreError::Io { .. } => "io",
            CoreError::Database(_) => "database",
            CoreError::Migration(_) => "migration",
        }
    }

    /// True when the person can fix it by changing their input (CLI exit 1),
    /// as opposed to a fault of the machine or the program.
    pub fn is_user_error(&self) -> bool {
        !matches!(
            self,
            CoreError::Io { .. } | CoreError::Database(_) | CoreError::Migration(_)
        )
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Re-labels an input error with the field it came from, e.g. a parsed
    /// amount that was the "minimum_payout".
    pub fn for_field(self, field: &str) -> Self {
        match self {
            CoreError::Invalid { message, .. } => CoreError::Invalid {
                field: field.to_string(),
                message,
            },
            CoreError::Conflict { message, .. } => CoreError::Conflict {
                field: field.to_string(),
                message,
            },
            other => other,
        }
    }

    pub fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Conflict {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The field an input error is about and what is wrong with it.
    pub fn field_and_reason(&self) -> Option<(&str, &str)> {
        match self {
            CoreError::Invalid { field, message } | CoreError::Conflict { field, message } => {
                Some((field, message))
            }
            _ => None,
        }
    }

    /// The message without its field ("is not a number"), for callers that
    /// name the place themselves (a CSV column, a rule).
    pub fn reason(&self) -> String {
        self.field_and_reason()
            .map_or_else(|| self.to_string(), |(_, m)| m.to_string())
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        CoreError::NotFound { what: what.into() }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        CoreError::Io {
            context: context.into(),
            source,
        }
    }
}
