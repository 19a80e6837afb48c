//! The demo crate's integration tests, as one test binary.

mod demo_book;
mod partners_roundtrip;
