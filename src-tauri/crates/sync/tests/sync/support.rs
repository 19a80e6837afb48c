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
    connections::add(&mut book, "partnerstack", PlatformName::Partnerstack, Some(&fake.url)).unwrap();
    World { _dir: dir, book, fake }
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

/// What a book holds that sync writes, without ids or times: equal for two
/// books that synced the same platform, however the syncs went.
pub fn contents(book: &Book) -> Vec<String> {
    let queries = [
        "SELECT name || '|' || email || '|' || coalesce((SELECT name FROM groups g WHERE g.id = p.group_id), '') || '|' || status FROM partners p",
        "SELECT name FROM groups",
        "SELECT code || '|' || (SELECT email FROM partners p WHERE p.id = c.partner_id) FROM partner_codes c",
        "SELECT source || '|' || external_id || '|' || email || '|' || coalesce((SELECT email FROM partners p WHERE p.id = c.partner_id), '') FROM customers c",
        "SELECT source || '|' || external_id || '|' || kind || '|' || occurred_at || '|' || amount_minor || '|' || coalesce(currency, '') || '|' || coalesce((SELECT email FROM partners p WHERE p.id = v.partner_id), '') || '|' || attribution FROM conversions v",
        "SELECT (SELECT external_id FROM conversions v WHERE v.id = k.conversion_id) || '|' || line || '|' || kind || '|' || coalesce(amount_minor, 0) || '|' || currency || '|' || state || '|' || due_on FROM commissions k",
        "SELECT remote_key || '|' || amount_minor || '|' || currency || '|' || status || '|' || earned_at FROM platform_rewards",
        "SELECT resource || '|' || remote_key || '|' || skipped || '|' || synced FROM sync_map",
        "SELECT resource || '|' || remote_key || '|' || field || '|' || ours || '|' || theirs FROM sync_conflicts",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut stmt = book.conn().prepare(q).unwrap();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}
