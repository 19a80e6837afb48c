//! The one error the UI sees: a stable `code` to branch on and a `message`
//! in plain words to show.

use partnerbook_core::CoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn no_book() -> Self {
        AppError {
            code: "no_book".into(),
            message: "No book is open. Create or open a book first.".into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: "internal".into(),
            message: message.into(),
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        if !e.is_user_error() {
            tracing::error!(code = e.code(), "{e}");
        }
        AppError {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
