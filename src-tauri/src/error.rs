//! The one error the UI sees: a stable `code` to branch on, a `message` in
//! plain words to show, and the input `field` it is about when a form can
//! point at it (the message then leaves the field's name out).

use partnerbook_core::{Coded, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

/// The codes only the shell gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ShellCode {
    NoBook,
    Internal,
}

/// A failure's code: the core's, or the shell's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum AppErrorCode {
    Core(ErrorCode),
    Shell(ShellCode),
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: AppErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn no_book() -> Self {
        AppError {
            code: AppErrorCode::Shell(ShellCode::NoBook),
            message: "No book is open. Create or open a book first.".into(),
            field: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: AppErrorCode::Shell(ShellCode::Internal),
            message: message.into(),
            field: None,
        }
    }
}

impl<E: Coded> From<E> for AppError {
    fn from(e: E) -> Self {
        let code = e.code();
        if !code.is_user_error() {
            tracing::error!(code = code.as_str(), "{e}");
        }
        let field = e.field().map(str::to_string);
        AppError {
            code: AppErrorCode::Core(code),
            message: if field.is_some() {
                e.reason()
            } else {
                e.to_string()
            },
            field,
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
