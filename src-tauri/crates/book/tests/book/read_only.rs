//! A book on a medium that refuses writes (a read-only stick, a locked
//! folder) says so in words and changes nothing. The folder or file is made
//! immutable with `chattr +i`, which holds even for root (chmod does not).

use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, BookError, Coded, ErrorCode};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Immutable until dropped, so the temp dir can be removed again.
struct Immutable(PathBuf);

impl Immutable {
    fn new(path: &Path) -> Immutable {
        let ok = Command::new("chattr").arg("+i").arg(path).status();
        assert!(
            matches!(ok, Ok(s) if s.success()),
            "chattr +i {} failed: these tests need root and a file system with attributes",
            path.display()
        );
        Immutable(path.to_path_buf())
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

fn book(dir: &Path) -> PathBuf {
    let path = dir.join("stick.partnerbook");
    Book::create(
        &path,
        &NewProgram {
            program_name: "On a stick".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    path
}

fn program_name(path: &Path) -> String {
    Book::open(path)
        .unwrap()
        .conn()
        .query_row("SELECT program_name FROM program", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_book_in_a_read_only_folder_says_so_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let err = {
        let _ro = Immutable::new(dir.path());
        Book::open(&path).map(|_| ()).unwrap_err()
    };
    assert!(matches!(err, BookError::ReadOnly { .. }), "{err:?}");
    assert_eq!(err.code(), ErrorCode::Io);
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("{} cannot be written", path.display())),
        "{text}"
    );
    assert!(
        text.contains("read-only") && text.contains("Copy the book"),
        "{text}"
    );
    assert_eq!(program_name(&path), "On a stick");
}

#[test]
fn a_read_only_book_file_says_so_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let err = {
        let _ro = Immutable::new(&path);
        Book::open(&path).map(|_| ()).unwrap_err()
    };
    assert!(matches!(err, BookError::ReadOnly { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with(&format!("{} cannot be written", path.display())),
        "{err}"
    );
    assert_eq!(program_name(&path), "On a stick");
}

#[test]
fn a_write_refused_by_the_disk_changes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let mut b = Book::open(&path).unwrap();
    // Opened before the file turned read-only: the refusal comes at the
    // write. Rollback journal, so the write reaches the book file itself.
    b.conn()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    let err = {
        let _ro = Immutable::new(&path);
        let tx = b.transaction().unwrap();
        tx.execute("UPDATE program SET program_name = 'Changed'", [])
            .and_then(|_| tx.commit())
            .map_err(BookError::from)
            .unwrap_err()
    };
    drop(b);
    assert!(matches!(err, BookError::DiskFailed), "{err:?}");
    let text = err.to_string();
    assert!(
        text.starts_with("the disk refused to write the book"),
        "{text}"
    );
    assert_eq!(program_name(&path), "On a stick");
}

#[test]
fn a_new_book_in_a_read_only_folder_is_refused_with_the_folder_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.partnerbook");
    let err = {
        let _ro = Immutable::new(dir.path());
        Book::create(
            &path,
            &NewProgram {
                program_name: "New".into(),
                base_currency: "EUR".into(),
            },
        )
        .map(|_| ())
        .unwrap_err()
    };
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("cannot create {}", path.display())),
        "{text}"
    );
    assert!(text.contains("read-only"), "{text}");
    assert!(!path.exists());
}
