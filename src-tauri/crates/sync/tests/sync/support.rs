use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_sync::http::Retry;
use partnerbook_sync::{connections, Keys, PlatformName, SyncOptions, SyncReport};
use partnerbook_testkit::fake_partnerstack::{self as fake, Fake};
use std::time::Duration;

pub struct World {
    pub _dir: tempfile::TempDir,
    pub book: Book,
    pub fake: Fake,
}

/// A USD book (with the default 20% plan) and a fake holding `program`.
pub fn world(partners: usize, sales: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut book = partnerbook_ledger::plans::default::create_book(
        &dir.path().join("sync.partnerbook"),
        &NewProgram {
            program_name: "Acme Partners".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap();
    let fake = Fake::start();
    fake.with(|s| s.lists = fake::program(partners, sales));
    connections::add(
        &mut book,
        "partnerstack",
        PlatformName::Partnerstack,
        Some(&fake.url),
    )
    .unwrap();
    World {
        _dir: dir,
        book,
        fake,
    }
}

pub fn keys() -> Keys {
    Keys {
        user: fake::PUBLIC_KEY.into(),
        password: Some(fake::SECRET_KEY.into()),
    }
}

/// Quick retries, so fault tests take milliseconds, not minutes.
pub fn options() -> SyncOptions {
    SyncOptions {
        retry: Retry {
            base: Duration::from_millis(20),
            cap: Duration::from_millis(200),
            timeout: Duration::from_secs(5),
            ..Retry::default()
        },
        ..SyncOptions::default()
    }
}

pub fn sync(w: &mut World, options: &SyncOptions) -> partnerbook_sync::Result<SyncReport> {
    partnerbook_sync::sync(&mut w.book, "partnerstack", &keys(), options, &Quiet)
}

pub fn count(book: &Book, sql: &str) -> i64 {
    book.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn contents(book: &Book) -> Vec<String> {
    fake::contents(book.conn())
}
