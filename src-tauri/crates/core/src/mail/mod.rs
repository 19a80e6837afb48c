//! Email from the manager's own account: SMTP settings, templates with
//! placeholders, and an outbox in the book that sends each message once.

pub mod announce;
pub mod keychain;
pub mod outbox;
pub mod send;
pub mod settings;
pub mod templates;

pub use announce::{announce, Announcement, AnnouncementInput, Audience};
pub use outbox::{
    decide, list, queue_statements, Decision, OutboxMessage, OutboxStatus, QueueReport,
};
pub use send::{send_due, send_test, SendReport};
pub use settings::{MailSettings, TlsMode};
pub use templates::{MailPreview, MailTemplate};

#[cfg(test)]
mod tests;
