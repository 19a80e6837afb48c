//! What every command-line test needs: the binary on a book, its JSON, its
//! output, and a new EUR book in a temp folder.
#![allow(dead_code)] // each test file uses its own part

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn pb(book: &Path) -> Command {
    let mut cmd = Command::cargo_bin("partnerbook").unwrap();
    cmd.env("PARTNERBOOK_BOOK", book);
    cmd
}

pub fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

pub fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

pub fn stderr(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

/// A new book "Acme" in EUR, in `dir`.
pub fn init(dir: &Path) -> PathBuf {
    let book = dir.join("acme.partnerbook");
    pb(&book)
        .args(["init"])
        .arg(&book)
        .args(["--name", "Acme", "--currency", "EUR"])
        .assert()
        .success();
    book
}

/// A small xorshift: random kill moments without another dependency.
pub struct Moments(pub u64);
impl Moments {
    pub fn next_within(&mut self, max: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        max.mul_f64((self.0 % 10_000) as f64 / 10_000.0)
    }
}

pub fn seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1
}
