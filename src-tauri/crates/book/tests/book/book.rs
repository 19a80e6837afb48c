use partnerbook_book::settings::{self, NewProgram};
use partnerbook_book::{backup_path_for, known_schema_version, suggest_path, Book, Coded};
use rusqlite::Connection;

fn program() -> NewProgram {
    NewProgram {
        program_name: "Acme Partners".into(),
        base_currency: "EUR".into(),
    }
}

#[test]
fn create_then_open_sets_the_connection_options() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.partnerbook");
    drop(Book::create(&path, &program()).unwrap());
    let book = Book::open(&path).unwrap();
    let conn = book.conn();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let timeout: i64 = conn
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), fk, sync, timeout), ("wal", 1, 1, 5000));
    assert_eq!(book.schema_version().unwrap(), known_schema_version());
    assert_eq!(book.integrity_check().unwrap(), vec!["ok"]);
    let s = settings::get(conn).unwrap();
    assert_eq!(
        (s.program_name.as_str(), s.base_currency.code()),
        ("Acme Partners", "EUR")
    );
}

#[test]
fn create_refuses_an_existing_file_and_bad_settings_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.partnerbook");
    std::fs::write(&path, b"mine").unwrap();
    assert_eq!(
        Book::create(&path, &program()).err().unwrap().code(),
        "already_exists"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"mine",
        "an existing file is never touched"
    );

    let other = dir.path().join("other.partnerbook");
    let bad = NewProgram {
        program_name: "X".into(),
        base_currency: "EURO".into(),
    };
    assert_eq!(
        Book::create(&other, &bad).err().unwrap().code(),
        "invalid_input"
    );
    assert!(!other.exists());
}

#[test]
fn open_refuses_what_is_not_a_book() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.partnerbook");
    std::fs::write(
        &text,
        "this is not a database, just some text that is long enough to look like a header",
    )
    .unwrap();
    assert_eq!(Book::open(&text).err().unwrap().code(), "not_a_book");

    let foreign = dir.path().join("foreign.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x);")
        .unwrap();
    let err = Book::open(&foreign).err().unwrap();
    assert_eq!(err.code(), "not_a_book", "{err}");

    assert_eq!(
        Book::open(&dir.path().join("missing.partnerbook"))
            .err()
            .unwrap()
            .code(),
        "not_found"
    );
}

#[test]
fn a_book_from_a_newer_version_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.partnerbook");
    drop(Book::create(&path, &program()).unwrap());
    let newer = known_schema_version() + 5;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let err = Book::open(&path).err().unwrap();
    assert_eq!(err.code(), "book_too_new");
    assert!(
        err.to_string().contains(&format!("book schema {newer}")),
        "{err}"
    );
}

#[test]
fn online_backup_copies_a_consistent_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.partnerbook");
    let book = Book::create(&path, &program()).unwrap();
    let dest = backup_path_for(&path, "manual");
    book.backup_to(&dest).unwrap();
    let copy = Book::open(&dest).unwrap();
    assert_eq!(
        settings::get(copy.conn()).unwrap().program_name,
        "Acme Partners"
    );
    assert_eq!(
        book.backup_to(&dest).err().unwrap().code(),
        "already_exists"
    );
}

#[test]
fn suggested_paths_are_safe_and_free() {
    let dir = tempfile::tempdir().unwrap();
    let first = suggest_path(dir.path(), "Zoë's ../Deals: 2026");
    assert_eq!(
        first.file_name().unwrap(),
        "Zoë's .. Deals 2026.partnerbook"
    );
    assert_eq!(first.parent().unwrap(), dir.path());
    std::fs::write(&first, b"").unwrap();
    assert_eq!(
        suggest_path(dir.path(), "Zoë's ../Deals: 2026")
            .file_name()
            .unwrap(),
        "Zoë's .. Deals 2026 2.partnerbook"
    );
    assert_eq!(
        suggest_path(dir.path(), " / ").file_name().unwrap(),
        "Partner program.partnerbook"
    );
}

#[test]
fn tables_check_their_kinds_without_in_lists_and_still_refuse_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let book = Book::create(&dir.path().join("b.partnerbook"), &program()).unwrap();
    for table in [
        "conversions",
        "commissions",
        "partners",
        "payouts",
        "outbox",
    ] {
        let sql: String = book
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!sql.contains(" IN ("), "{table}: {sql}");
    }
    let ok: String = book
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let err = book
        .conn()
        .execute(
            "INSERT INTO conversions (source, external_id, kind, occurred_at, attribution, created_at)
             VALUES ('t', '1', 'gift', '2026-01-01T00:00:00Z', 'none', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK constraint failed"), "{err}");
    book.conn()
        .execute(
            "INSERT INTO conversions (source, external_id, kind, occurred_at, attribution, created_at)
             VALUES ('t', '1', 'click', '2026-01-01T00:00:00Z', 'none', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
}

#[test]
fn a_backup_appears_only_when_whole_and_stale_partial_files_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.partnerbook");
    let program = NewProgram {
        program_name: "Backups".into(),
        base_currency: "EUR".into(),
    };
    let book = Book::create(&path, &program).unwrap();
    let dest = dir.path().join("b.partnerbook.before-x.bak");
    // What a backup killed half-way used to leave: now only under .partial.
    std::fs::write(
        dir.path().join("b.partnerbook.before-x.bak.partial"),
        b"half",
    )
    .unwrap();
    book.backup_to(&dest).unwrap();
    assert!(!dir
        .path()
        .join("b.partnerbook.before-x.bak.partial")
        .exists());
    let copy = Book::open(&dest).unwrap();
    assert_eq!(settings::get(copy.conn()).unwrap().program_name, "Backups");

    let stale = dir.path().join(".s.pdf.99999999.partial");
    let live = dir
        .path()
        .join(format!(".s.pdf.{}.partial", std::process::id()));
    let other = dir.path().join("notes.partial");
    for f in [&stale, &live, &other] {
        std::fs::write(f, b"x").unwrap();
    }
    partnerbook_book::files::remove_stale_partials(dir.path());
    assert!(!stale.exists(), "another process's leftover goes");
    assert!(
        live.exists() && other.exists(),
        "ours, and files not ours, stay"
    );
}
