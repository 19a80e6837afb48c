//! The Rewardful adapter against the fake in its Rewardful flavour.

use crate::support::{count, options};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_sync::{connections, Keys, PlatformName, Resource, SyncOptions, SyncReport};
use partnerbook_testkit::fake_partnerstack::{self as fake, Fake, Flavor};
use serde_json::json;
use std::time::Duration;

struct World {
    _dir: tempfile::TempDir,
    book: Book,
    fake: Fake,
}

fn world(affiliates: usize, sales: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut book = partnerbook_ledger::plans::default::create_book(
        &dir.path().join("rewardful.partnerbook"),
        &NewProgram {
            program_name: "Acme".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap();
    let fake = Fake::start();
    fake.with(|s| {
        s.flavor = Flavor::Rewardful;
        s.lists = fake::rewardful_program(affiliates, sales);
    });
    connections::add(&mut book, "rewardful", PlatformName::Rewardful, Some(&fake.rewardful_url)).unwrap();
    World { _dir: dir, book, fake }
}

fn quick() -> SyncOptions {
    SyncOptions {
        min_gap: Duration::from_millis(1),
        ..options()
    }
}

fn sync(w: &mut World, secret: &str) -> partnerbook_sync::Result<SyncReport> {
    let keys = Keys {
        user: secret.into(),
        password: None,
    };
    partnerbook_sync::sync(&mut w.book, "rewardful", &keys, &quick(), &Quiet)
}

#[test]
fn a_rewardful_program_comes_in_page_by_page() {
    let mut w = world(120, 2);
    let report = sync(&mut w, fake::REWARDFUL_SECRET).unwrap();
    let by = |r: Resource| report.resources.iter().find(|x| x.resource == Some(r)).unwrap().clone();
    assert_eq!(by(Resource::Partners).added, 120);
    assert_eq!(by(Resource::Partners).pages, 2, "120 affiliates in pages of at most 100");
    assert_eq!(count(&w.book, "SELECT count(*) FROM groups"), 2);
    assert_eq!(count(&w.book, "SELECT count(*) FROM partner_codes WHERE code = 'ref00007'"), 1);
    assert_eq!(count(&w.book, "SELECT count(*) FROM customers WHERE partner_id IS NOT NULL"), 120);
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions WHERE kind IN ('sale', 'recurring')"), 240);
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions WHERE partner_id IS NULL"), 0);
    // Every fifth affiliate's first sale was half refunded.
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions WHERE kind = 'refund' AND amount_minor = 5000"), 24);
    assert_eq!(count(&w.book, "SELECT count(*) FROM platform_rewards"), 240);
    assert_eq!(count(&w.book, "SELECT count(*) FROM platform_rewards WHERE status = 'paid'"), 120);
    assert_eq!(count(&w.book, "SELECT count(*) FROM platform_records WHERE resource = 'payouts'"), 120);
    // Page sizes stayed within Rewardful's 100, and the secret went as the user.
    assert!(w.fake.requests().iter().all(|r| r.contains("limit=100")));

    // Rewardful has no "changed since": a second sync reads it all again
    // and changes nothing.
    let before = fake::contents(w.book.conn());
    let report = sync(&mut w, fake::REWARDFUL_SECRET).unwrap();
    assert!(report.resources.iter().all(|r| r.added == 0 && r.changed == 0), "{report:#?}");
    assert_eq!(fake::contents(w.book.conn()), before);

    // A refund that grew is recorded for what is new only.
    w.fake.with(|s| {
        let c = s.lists.get_mut("commissions").unwrap().iter_mut().find(|c| c["id"] == "comm-00004-000").unwrap();
        c["sale"]["refund_amount_cents"] = json!(10_000);
        c["sale"]["updated_at"] = json!("2026-11-20T00:00:00.000Z");
    });
    sync(&mut w, fake::REWARDFUL_SECRET).unwrap();
    assert_eq!(
        count(&w.book, "SELECT coalesce(sum(amount_minor), 0) FROM conversions WHERE kind = 'refund' AND original_external_id = 'sale-00004-000'"),
        10_000
    );
}

#[test]
fn a_wrong_rewardful_secret_is_refused() {
    let mut w = world(1, 1);
    let e = sync(&mut w, "rw_wrong").unwrap_err().to_string();
    assert!(e.contains("Rewardful refused the keys (HTTP 401)") && !e.contains("rw_wrong"), "{e}");
}
