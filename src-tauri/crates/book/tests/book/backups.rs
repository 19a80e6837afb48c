//! The rotating backups beside a book: made on demand and daily, kept by
//! age (the last day, then one a day for a week, a week for four weeks, a
//! month for a year), and restored after backing the book up as it is.

use chrono::{Duration, TimeZone, Utc};
use partnerbook_book::backups;
use partnerbook_book::settings::{self, NewProgram};
use partnerbook_book::Book;
use std::path::Path;

fn book(dir: &Path) -> Book {
    Book::create(
        &dir.join("Acme.partnerbook"),
        &NewProgram {
            program_name: "Acme".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap()
}

fn rename(book: &Book, name: &str) {
    book.conn()
        .execute("UPDATE program SET program_name = ?1", [name])
        .unwrap();
}

#[test]
fn a_backup_goes_beside_the_book_and_restores_after_keeping_the_present() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let first = backups::create(&book, "by hand").unwrap();
    assert_eq!(first.reason, "by-hand");
    assert!(
        first.path.contains("Acme.partnerbook.backups"),
        "{}",
        first.path
    );
    assert!(
        backups::daily(&book).unwrap().is_none(),
        "one from today is there"
    );
    rename(&book, "Acme, renamed by mistake");
    let before = backups::restore(&mut book, Path::new(&first.path)).unwrap();
    assert_eq!(settings::get(book.conn()).unwrap().program_name, "Acme");
    assert_eq!(before.reason, "before-restore");
    let saved = Book::open(Path::new(&before.path)).unwrap();
    assert_eq!(
        settings::get(saved.conn()).unwrap().program_name,
        "Acme, renamed by mistake",
        "what the restore replaced is kept"
    );
    let reasons: Vec<String> = backups::list(book.path())
        .unwrap()
        .into_iter()
        .map(|b| b.reason)
        .collect();
    assert_eq!(reasons.len(), 2);
}

#[test]
fn backups_are_kept_by_age() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let folder = backups::folder(book.path());
    std::fs::create_dir_all(&folder).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    // Four a day for the last 400 days.
    for hours in (0..400 * 24).step_by(6) {
        let at = now - Duration::hours(hours) - Duration::minutes(1);
        let name = format!("{}.daily.partnerbook", at.format("%Y%m%d-%H%M%S"));
        std::fs::write(folder.join(name), b"").unwrap();
    }
    backups::prune(book.path(), now).unwrap();
    let kept = backups::list(book.path()).unwrap();
    let ages: Vec<i64> = kept
        .iter()
        .map(|b| {
            let at = partnerbook_book::time::parse_stamp(&b.created_at).unwrap();
            (now - at).num_hours()
        })
        .collect();
    assert_eq!(
        ages.iter().filter(|h| **h < 24).count(),
        4,
        "all of the last day"
    );
    assert!(
        ages.iter().filter(|h| (24..7 * 24).contains(*h)).count() <= 7,
        "one a day for a week: {ages:?}"
    );
    assert!(
        ages.iter().all(|h| *h < 366 * 24),
        "nothing older than a year"
    );
    assert!(kept.len() <= 4 + 7 + 4 + 12, "{} kept", kept.len());
    assert!(kept.len() >= 4 + 6 + 3 + 10, "{} kept", kept.len());
}

#[test]
fn a_copy_stopped_half_way_is_cleared_by_the_next_backup() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let folder = backups::folder(book.path());
    std::fs::create_dir_all(&folder).unwrap();
    let stale = folder.join("20261201-090000.daily.partnerbook.partial");
    let journal = folder.join("20261201-090000.daily.partnerbook.partial-journal");
    let fresh = folder.join("20261205-090000.daily.partnerbook.partial");
    for f in [&stale, &journal, &fresh] {
        std::fs::write(f, b"half").unwrap();
    }
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in [&stale, &journal] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    backups::create(&book, "by hand").unwrap();
    assert!(!stale.exists() && !journal.exists(), "an hour old: gone");
    assert!(fresh.exists(), "maybe still being written: left alone");
}
