//! An import that runs out of disk space says the disk is full and leaves
//! the book as it was. SQLite's max_page_count makes the book's "disk" full
//! at its present size, which is what a full disk looks like to SQLite.

use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, Coded, ErrorCode};
use partnerbook_partners::csv_import::{import, ImportOptions};

#[test]
fn an_import_on_a_full_disk_writes_nothing_and_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.partnerbook");
    let program = NewProgram {
        program_name: "Full disk".into(),
        base_currency: "USD".into(),
    };
    let mut book = Book::create(&path, &program).unwrap();
    let mut csv = String::from("Name,Email\n");
    for i in 0..3000 {
        csv.push_str(&format!("Partner {i},partner{i}@example.org\n"));
    }
    let file = dir.path().join("many.csv");
    std::fs::write(&file, csv).unwrap();

    let pages: i64 = book
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    book.conn()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let err = import(&mut book, &file, &ImportOptions::default(), &Quiet).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io, "{err:?}");
    assert!(
        err.to_string()
            .starts_with("the disk is full: nothing was changed"),
        "{err}"
    );
    drop(book);

    let book = Book::open(&path).unwrap();
    let partners: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(partners, 0);
    assert_eq!(book.integrity_check().unwrap(), ["ok"]);
}
