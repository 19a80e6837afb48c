use crate::support::*;
use partnerbook_book::progress::Quiet;
use partnerbook_sync::compare::compare;
use partnerbook_sync::Resource;
use partnerbook_testkit::fake_partnerstack::Fault;
use serde_json::json;

#[test]
fn a_whole_program_comes_in() {
    let mut w = world(10, 3);
    let report = sync(&mut w, &options()).unwrap();
    let by = |r: Resource| {
        report
            .resources
            .iter()
            .find(|x| x.resource == Some(r))
            .unwrap()
            .clone()
    };
    assert_eq!(by(Resource::Groups).added, 2);
    assert_eq!(by(Resource::Partners).added, 10);
    assert_eq!(
        by(Resource::Partners)
            .skipped
            .get("a test partner (gstest)"),
        Some(&1)
    );
    assert_eq!(by(Resource::Customers).added, 10);
    // 30 sales and 2 refunds; the test transaction is skipped and counted.
    assert_eq!(by(Resource::Transactions).added, 32);
    assert_eq!(
        by(Resource::Transactions)
            .skipped
            .get("a test transaction (made with test keys)"),
        Some(&1)
    );
    assert_eq!(by(Resource::Rewards).added, 30);
    // The home screen's totals follow what sync wrote, page by page.
    assert_eq!(
        partnerbook_ledger::totals::drift(w.book.conn()).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 10);
    assert_eq!(count(&w.book, "SELECT count(*) FROM groups"), 2);
    // Every sale is attributed through the partner key, now a referral code.
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE partner_id IS NULL"
        ),
        0
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE kind = 'recurring'"
        ),
        20
    );
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE kind = 'refund'"
        ),
        2
    );
    assert_eq!(
        count(&w.book, "SELECT count(*) FROM partners p JOIN groups g ON g.id = p.group_id WHERE g.name = 'Gold'"),
        5
    );
    // Our commissions were computed, and the platform's kept apart.
    assert!(count(&w.book, "SELECT count(*) FROM commissions") >= 32);
    assert_eq!(count(&w.book, "SELECT count(*) FROM platform_rewards"), 30);
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM audit_log WHERE actor = 'sync' AND action = 'sync create'"
        ),
        12
    );
    // Every request asked for a page the API allows, with the keys.
    assert!(w.fake.requests().iter().all(|r| r.contains("limit=250")));
    assert!(report.requests >= 7);
}

#[test]
fn compare_shows_where_the_platform_and_we_differ_and_why() {
    let mut w = world(10, 3);
    sync(&mut w, &options()).unwrap();
    let c = compare(w.book.conn(), "partnerstack", "2026-11").unwrap();
    // The platform's 20% rewards match our default 20% plan, except for
    // the 2 partners with a refund: we reverse, the platform kept its reward.
    assert_eq!(c.agreeing, 8);
    assert_eq!(c.differing.len(), 2, "{:#?}", c.differing);
    let row = &c.differing[0];
    assert_eq!(row.difference.minor, -980);
    assert_eq!(row.reasons.len(), 1);
    assert!(
        row.reasons[0].contains("_refund") && row.reasons[0].contains("no reward on the platform"),
        "{}",
        row.reasons[0]
    );

    // A bonus the platform paid by hand is named as such.
    w.fake.put(
        "rewards",
        json!({
            "key": "rwd_bonus", "amount": 5000, "currency": "USD", "description": "Launch bonus",
            "reward_status": "approved", "partnership": { "partner_key": "partner-00000" },
            "created_at": 1_793_600_000_000i64, "updated_at": 1_793_600_000_000i64
        }),
    );
    sync(&mut w, &options()).unwrap();
    let c = compare(w.book.conn(), "partnerstack", "2026-11").unwrap();
    let bonus = c
        .differing
        .iter()
        .find(|r| r.partner == "Pat0 Example")
        .unwrap();
    assert_eq!(bonus.difference.minor, -5000);
    assert!(
        bonus.reasons[0].contains("Launch bonus")
            && bonus.reasons[0].contains("no transaction behind it")
    );
    assert!(compare(w.book.conn(), "partnerstack", "2026-13").is_err());
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_it_would_do() {
    let mut w = world(5, 2);
    let before = contents(&w.book);
    let mut o = options();
    o.dry_run = true;
    let report = partnerbook_sync::sync(&mut w.book, "partnerstack", &keys(), &o, &Quiet).unwrap();
    assert!(report.dry_run);
    let partners = report
        .resources
        .iter()
        .find(|r| r.resource == Some(Resource::Partners))
        .unwrap();
    assert_eq!(partners.added, 5);
    assert_eq!(contents(&w.book), before);
    assert_eq!(count(&w.book, "SELECT count(*) FROM sync_state"), 0);
}

#[test]
fn unknown_reward_statuses_are_kept_as_unknown() {
    let mut w = world(1, 1);
    w.fake.with(|s| {
        s.lists.get_mut("rewards").unwrap()[0]["reward_status"] = json!("clawed_back_pending")
    });
    sync(&mut w, &options()).unwrap();
    assert_eq!(
        count(&w.book, "SELECT count(*) FROM platform_rewards WHERE status = 'unknown' AND status_text = 'clawed_back_pending'"),
        1
    );
}

#[test]
fn a_program_without_leads_or_deals_syncs() {
    let mut w = world(2, 1);
    w.fake.with(|s| {
        s.lists.remove("leads");
        s.lists.remove("deals");
    });
    sync(&mut w, &options()).unwrap();
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 2);
    // Slow answers past the timeout are retried.
    w.fake.fault(
        Some("groups"),
        Fault::Slow(std::time::Duration::from_secs(2)),
    );
    let mut o = options();
    o.retry.timeout = std::time::Duration::from_millis(500);
    sync(&mut w, &o).unwrap();
}
