//! The outbox's integration tests, as one test binary.

mod placeholders;
mod reminders;
