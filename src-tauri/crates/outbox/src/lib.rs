//! The outbox: every email the program sends waits here, in the book, until
//! the server took it (sending is the mail crate's). Templates with checked
//! placeholders, announcements to a group, a tag or everyone, and
//! onboarding reminders are queued here.

pub mod announce;
pub mod error;
pub mod messages;
pub mod placeholders;
pub mod reminders;
pub mod templates;

pub use announce::{announce, Announcement, AnnouncementInput, Audience};
pub use error::{OutboxError, Result};
pub use messages::{decide, list, Decision, OutboxMessage, OutboxStatus, QueueReport};
pub use templates::{MailPreview, MailTemplate};
