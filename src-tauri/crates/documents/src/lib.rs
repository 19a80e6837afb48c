//! Documents: PDF statements of approved runs (written to files or queued
//! as emails through one path), the program report, and the business logo
//! on their letterhead. Real text in embedded fonts; the same bytes every
//! time.

pub mod error;
pub mod logo;
pub mod pdf;
pub mod reports;
pub mod statements;

pub use error::{DocumentError, Result};
