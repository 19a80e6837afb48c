//! The book crate's integration tests, as one test binary.

mod book;
mod money;
mod second_writer;
