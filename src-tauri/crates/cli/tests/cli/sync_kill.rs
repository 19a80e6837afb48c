//! SIGKILL at random moments of `sync partnerstack`: afterwards one more
//! sync leaves the book equal to a sync that was never interrupted.

use crate::support::{init, seed, Moments};
use partnerbook_core::Book;
use partnerbook_testkit::fake_partnerstack::{self as fake, Fake};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: u32 = 12;

fn sync(book: &Path, url: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .env("PARTNERBOOK_BOOK", book)
        .env("PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY", fake::PUBLIC_KEY)
        .env("PARTNERBOOK_PARTNERSTACK_SECRET_KEY", fake::SECRET_KEY)
        .args([
            "sync",
            "partnerstack",
            "--base-url",
            url,
            "--page-size",
            "7",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_sync_ends_equal_to_an_uninterrupted_one() {
    let server = Fake::start();
    server.with(|s| {
        s.lists = fake::program(30, 4);
        s.delay = Duration::from_millis(4);
        s.keep_log = false;
    });
    let dir = tempfile::tempdir().unwrap();
    let clean_dir = dir.path().join("clean");
    let killed_dir = dir.path().join("killed");
    std::fs::create_dir_all(&clean_dir).unwrap();
    std::fs::create_dir_all(&killed_dir).unwrap();
    let clean = init(&clean_dir);
    let start = Instant::now();
    assert!(sync(&clean, &server.url).wait().unwrap().success());
    let whole = start.elapsed();

    let empty = init(&killed_dir);
    let want = fake::contents(Book::open(&clean).unwrap().conn());
    let mut moments = Moments(seed());
    let mut killed_running = 0;
    for round in 0..ROUNDS {
        // Each round: a fresh book, killed twice (the second time while it
        // goes on from the first), then synced to the end.
        let book = killed_dir.join(format!("round{round}.partnerbook"));
        std::fs::copy(&empty, &book).unwrap();
        for _ in 0..2 {
            let mut child = sync(&book, &server.url);
            std::thread::sleep(moments.next_within(whole / 2));
            if child.try_wait().unwrap().is_none() {
                killed_running += 1;
            }
            let _ = child.kill();
            let _ = child.wait();
            let b = Book::open(&book).unwrap();
            assert_eq!(b.integrity_check().unwrap(), ["ok"]);
        }
        assert!(sync(&book, &server.url).wait().unwrap().success());
        let got = fake::contents(Book::open(&book).unwrap().conn());
        assert_eq!(got.len(), want.len(), "round {round}");
        assert!(got == want, "round {round}: the killed book differs");
    }
    assert!(
        killed_running >= ROUNDS,
        "only {killed_running} kills landed mid-sync ({whole:?})"
    );
}
