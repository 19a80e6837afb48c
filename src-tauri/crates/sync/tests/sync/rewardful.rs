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
    connections::add(
        &mut book,
        "rewardful",
        PlatformName::Rewardful,
        Some(&fake.rewardful_url),
    )
    .unwrap();
    World {
        _dir: dir,
        book,
        fake,
    }
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
    let by = |r: Resource| {
        report
            .resources
            .iter()
            .find(|x| x.resource == Some(r))
            .unwrap()
            .clone()
    };
    assert_eq!(by(Resource::Partners).added, 120);
    assert_eq!(
        by(Resource::Partners).pages,
        2,
        "120 affiliates in pages of at most 100"
    );
    assert_eq!(count(&w.book, "SELECT count(*) FROM groups"), 2);
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM partner_codes WHERE code = 'ref00007'"
        ),
        1
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM customers WHERE partner_id IS NOT NULL"
        ),
        120
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE kind IN ('sale', 'recurring')"
        ),
        240
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE partner_id IS NULL"
        ),
        0
    );
    // Every fifth affiliate's first sale was half refunded.
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE kind = 'refund' AND amount_minor = 5000"
        ),
        24
    );
    assert_eq!(count(&w.book, "SELECT count(*) FROM platform_rewards"), 240);
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM platform_rewards WHERE status = 'paid'"
        ),
        120
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM platform_records WHERE resource = 'payouts'"
        ),
        120
    );
    // Page sizes stayed within Rewardful's 100, and the secret went as the user.
    assert!(w.fake.requests().iter().all(|r| r.contains("limit=100")));

    // Rewardful has no "changed since": a second sync reads it all again
    // and changes nothing.
    let before = fake::contents(w.book.conn());
    let report = sync(&mut w, fake::REWARDFUL_SECRET).unwrap();
    assert!(
        report
            .resources
            .iter()
            .all(|r| r.added == 0 && r.changed == 0),
        "{report:#?}"
    );
    assert_eq!(fake::contents(w.book.conn()), before);

    // A refund that grew is recorded for what is new only.
    w.fake.with(|s| {
        let c = s
            .lists
            .get_mut("commissions")
            .unwrap()
            .iter_mut()
            .find(|c| c["id"] == "comm-00004-000")
            .unwrap();
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
    assert!(
        e.contains("Rewardful refused the keys (HTTP 401)") && !e.contains("rw_wrong"),
        "{e}"
    );
}

#[test]
fn payouts_paid_here_are_marked_paid_on_rewardful_when_they_match() {
    use partnerbook_book::audit::Actor;
    use partnerbook_payouts as payouts;
    use partnerbook_sync::mark_paid::mark_paid;
    let mut w = world(3, 2);
    sync(&mut w, fake::REWARDFUL_SECRET).unwrap();
    // Ready to be paid by PayPal, every commission approved and due.
    w.book
        .conn()
        .execute_batch(
            "UPDATE partners SET payout_method = 'paypal', payout_email = email, tax_status = 'w9',
                    terms_version = '2026-01', terms_accepted_at = '2026-11-01T00:00:00Z';
             UPDATE commissions SET state = 'approved', due_on = '2026-11-30' WHERE state = 'pending';",
        )
        .unwrap();
    let run = payouts::create(&mut w.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    payouts::approve(&mut w.book, run.id, Actor::User, &Quiet).unwrap();
    payouts::mark_paid(&mut w.book, run.id, None, "PAYPAL-BATCH-1", Actor::User).unwrap();
    let pay = |email: &str| -> i64 {
        w.book
            .conn()
            .query_row(
                "SELECT pay_minor FROM payouts y JOIN partners p ON p.id = y.partner_id WHERE p.email = ?1",
                [email],
                |r| r.get(0),
            )
            .unwrap()
    };
    let (first, second) = (pay("affiliate0@example.com"), pay("affiliate1@example.com"));
    // On Rewardful: the first affiliate's due payout matches ours, the
    // second's does not; the third has none due.
    w.fake.with(|s| {
        let list = s.lists.get_mut("payouts").unwrap();
        list[0]["amount"] = json!(first);
        list[1]["amount"] = json!(second + 1);
        list[2]["state"] = json!("paid");
    });
    let keys = Keys {
        user: fake::REWARDFUL_SECRET.into(),
        password: None,
    };
    let mut only_payouts = quick();
    only_payouts.resources = vec![Resource::Payouts];
    partnerbook_sync::sync(&mut w.book, "rewardful", &keys, &only_payouts, &Quiet).unwrap();

    let mut dry = quick();
    dry.dry_run = true;
    let plan = mark_paid(&mut w.book, "rewardful", &keys, run.id, &dry, &Quiet).unwrap();
    assert_eq!(plan.marked.len(), 1);
    assert!(w.fake.with(|s| s.posted.is_empty()));

    let report = mark_paid(&mut w.book, "rewardful", &keys, run.id, &quick(), &Quiet).unwrap();
    assert_eq!(report.marked.len(), 1, "{report:#?}");
    assert_eq!(report.marked[0].remote_key, "payout-00000");
    assert_eq!(report.not_marked.len(), 2);
    assert!(
        report
            .not_marked
            .iter()
            .any(|(_, why)| why.contains("Rewardful's due payout is")
                && why.contains("this run paid"))
    );
    assert!(report
        .not_marked
        .iter()
        .any(|(_, why)| why.contains("no due Rewardful payout")));
    assert_eq!(
        w.fake.with(|s| s.lists["payouts"][0]["state"].clone()),
        json!("paid")
    );
    // Marked once: a second call finds nothing due for that partner.
    let again = mark_paid(&mut w.book, "rewardful", &keys, run.id, &quick(), &Quiet).unwrap();
    assert!(again.marked.is_empty());
}
