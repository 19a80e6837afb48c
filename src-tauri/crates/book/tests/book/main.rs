//! The book crate's integration tests, as one test binary.

mod backups;
mod book;
mod money;
mod read_only;
mod second_writer;
