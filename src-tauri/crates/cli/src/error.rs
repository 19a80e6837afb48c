//! The CLI's error: bad usage (exit 2) or a failure with a one-line reason (exit 1).

use partnerbook_core::CoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Core(_) | CliError::Io(_) => 1,
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
