//! Sending email from the manager's own account: SMTP settings, the
//! password in the OS keychain, and sending what waits in the outbox, each
//! message once.

pub mod error;
pub mod keychain;
pub mod send;
pub mod settings;

pub use error::{MailError, Result};
pub use send::{send_due, send_test, SendReport};
pub use settings::{MailSettings, TlsMode};
