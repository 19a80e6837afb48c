//! The asset library's integration tests, as one test binary (the 200 MB
//! file has its own, tests/large_file.rs, to measure its memory alone).

mod assets;
