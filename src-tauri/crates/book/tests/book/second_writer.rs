//! Two writers on one book: the second waits for the first (up to the
//! busy timeout) instead of failing at once, and when it does give up it
//! says the book is busy rather than "database is locked".

use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, BookError, Coded, ErrorCode};
use std::time::Duration;

fn book(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("two.partnerbook");
    Book::create(
        &path,
        &NewProgram {
            program_name: "Two writers".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    path
}

#[test]
fn a_second_writer_waits_for_the_first_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let held = path.clone();
    let (locked, wait) = std::sync::mpsc::channel();
    let first = std::thread::spawn(move || {
        let mut a = Book::open(&held).unwrap();
        let tx = a.transaction().unwrap();
        tx.execute("UPDATE program SET program_name = 'First'", [])
            .unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(600));
        tx.commit().unwrap();
    });
    wait.recv().unwrap();
    // Read, then write, as creating a partner does (is the email taken?).
    let mut b = Book::open(&path).unwrap();
    let tx = b.transaction().expect("waits for the first writer");
    let name: String = tx
        .query_row("SELECT program_name FROM program", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "First", "it read after the first one committed");
    tx.execute("UPDATE program SET program_name = 'Second'", [])
        .unwrap();
    tx.commit().unwrap();
    first.join().unwrap();
}

#[test]
fn a_writer_that_waits_too_long_is_told_the_book_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let mut a = Book::open(&path).unwrap();
    let tx = a.transaction().unwrap();
    tx.execute("UPDATE program SET program_name = 'First'", [])
        .unwrap();
    let mut b = Book::open(&path).unwrap();
    b.conn().busy_timeout(Duration::from_millis(50)).unwrap();
    let err = b.transaction().map(|_| ()).unwrap_err();
    assert!(matches!(err, BookError::Busy), "{err:?}");
    assert_eq!(err.code(), ErrorCode::Busy);
    assert!(err.to_string().starts_with("the book is busy"), "{err}");
    drop(tx);
}
