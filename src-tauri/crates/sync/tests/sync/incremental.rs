//! Second syncs: nothing new changes nothing; changes on the platform come
//! in; conflicts are listed; an interrupted sync goes on where it stopped.

use crate::support::*;
use partnerbook_book::audit::Actor;
use partnerbook_sync::state;
use partnerbook_testkit::fake_partnerstack::Fault;
use serde_json::json;

#[test]
fn a_second_sync_with_nothing_new_changes_no_row() {
    let mut w = world(6, 2);
    sync(&mut w, &options()).unwrap();
    let before = contents(&w.book);
    let audit = count(&w.book, "SELECT count(*) FROM audit_log");
    let report = sync(&mut w, &options()).unwrap();
    assert_eq!(contents(&w.book), before);
    assert_eq!(count(&w.book, "SELECT count(*) FROM audit_log"), audit);
    assert!(
        report
            .resources
            .iter()
            .all(|r| r.added == 0 && r.changed == 0),
        "{report:#?}"
    );
    // The second sync asked only for what changed since the first (less
    // the overlap).
    let last = w
        .fake
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.contains("/partnerships"))
        .unwrap();
    assert!(last.contains("min_updated="), "{last}");
}

#[test]
fn platform_changes_come_in_and_edits_on_both_sides_are_listed() {
    let mut w = world(2, 1);
    sync(&mut w, &options()).unwrap();
    let id = partnerbook_partners::find_id_by_email(w.book.conn(), "partner0@example.com")
        .unwrap()
        .unwrap();
    // Here: the manager renames the partner and adds a tag of their own.
    let p = partnerbook_partners::get(&w.book, id).unwrap();
    let mut input = partnerbook_partners::PartnerInput::from(&p);
    input.name = "Patricia Example".into();
    input.tags.push("vip".into());
    partnerbook_partners::update(&mut w.book, id, &input, "", Actor::User).unwrap();
    // There: the name changes too, a tag is swapped, and a sale arrives.
    let later = 1_794_000_000_000i64;
    w.fake.with(|s| {
        let p = s
            .lists
            .get_mut("partnerships")
            .unwrap()
            .iter_mut()
            .find(|p| p["key"] == "part_00000")
            .unwrap();
        p["first_name"] = json!("Patty");
        p["tags"] = json!(["podcast"]);
        p["updated_at"] = json!(later);
    });
    w.fake.put("transactions", json!({
        "key": "txn_new", "amount": 10_000, "currency": "USD", "approved": true, "archived": false,
        "customer_key": "stripe_00000", "customer": { "partner_key": "partner-00000" },
        "metadata": {}, "test": false, "created_at": later, "updated_at": later
    }));
    let report = sync(&mut w, &options()).unwrap();
    let p = partnerbook_partners::get(&w.book, id).unwrap();
    // The platform wins its own field, and the conflict is listed.
    assert_eq!(p.name, "Patty Example");
    let conflicts = state::conflicts(w.book.conn(), None).unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(
        (
            conflicts[0].field.as_str(),
            conflicts[0].ours.as_str(),
            conflicts[0].theirs.as_str()
        ),
        ("name", "Patricia Example", "Patty Example")
    );
    // Our tag stays; the platform's old tag goes, its new one comes.
    let mut tags = p.tags.clone();
    tags.sort();
    assert_eq!(tags, vec!["podcast".to_string(), "vip".to_string()]);
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM conversions WHERE external_id = 'txn_new' AND kind = 'recurring'"
        ),
        1
    );
    assert_eq!(report.resources.iter().map(|r| r.conflicts).sum::<u64>(), 1);
    // Met again, the same conflict is not listed twice.
    w.fake
        .with(|s| s.lists.get_mut("partnerships").unwrap()[1]["updated_at"] = json!(later + 1));
    sync(&mut w, &options()).unwrap();
    assert_eq!(state::conflicts(w.book.conn(), None).unwrap().len(), 1);
    // The sync's changes are in the audit log with the connection's name.
    assert!(count(&w.book, "SELECT count(*) FROM audit_log WHERE actor = 'sync' AND json_extract(after, '$.connection') = 'partnerstack' AND action = 'sync update'") >= 1);
}

#[test]
fn a_partner_already_in_the_book_is_found_by_email() {
    let mut w = world(2, 1);
    let mut input = partnerbook_partners::PartnerInput::new("Pat Zero", "PARTNER0@example.com");
    input.tags = vec!["imported".into()];
    let id = partnerbook_partners::create(&mut w.book, &input, Actor::User)
        .unwrap()
        .id;
    sync(&mut w, &options()).unwrap();
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 2);
    let p = partnerbook_partners::get(&w.book, id).unwrap();
    assert_eq!(p.name, "Pat0 Example");
    assert!(p.codes.iter().any(|c| c.code == "partner-00000"));
    assert!(p.tags.contains(&"imported".to_string()));
    assert!(state::conflicts(w.book.conn(), None)
        .unwrap()
        .iter()
        .any(|c| c.field == "name" && c.ours == "Pat Zero"));
}

#[test]
fn an_interrupted_sync_goes_on_from_its_last_page_and_ends_equal() {
    let mut clean = world(12, 2);
    let mut o = options();
    o.page_size = 5;
    sync(&mut clean, &o).unwrap();

    let mut w = world(12, 2);
    // Three pages of transactions go through, then the server fails until
    // sync gives up: killed half-way, as far as the book can tell.
    for _ in 0..3 {
        w.fake.fault(Some("transactions"), Fault::Pass);
    }
    for _ in 0..6 {
        w.fake.fault(Some("transactions"), Fault::Status(500));
    }
    assert!(sync(&mut w, &o).is_err());
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions"), 15);
    let asked = w.fake.requests().len();
    sync(&mut w, &o).unwrap();
    // The next sync went on after the last saved page, not from the start.
    let resumed = w.fake.requests()[asked..]
        .iter()
        .find(|r| r.contains("/transactions"))
        .cloned()
        .unwrap();
    assert!(
        resumed.contains("starting_after=txn_00006_001"),
        "{resumed}"
    );
    assert_eq!(contents(&w.book), contents(&clean.book));
}

#[test]
fn a_record_changed_while_a_run_paged_past_it_comes_in_next_time() {
    let mut w = world(2, 1);
    let _clock = partnerbook_book::time::fix_clock(
        chrono::DateTime::parse_from_rfc3339("2026-11-10T00:00:00Z")
            .unwrap()
            .to_utc(),
    );
    // Changed on the platform after this run started (by the platform's
    // clock), and paged last: the newest time the run sees.
    let after_start = 1_796_083_200_000i64; // 2026-12-01
    w.fake.with(|s| {
        let p = s.lists.get_mut("partnerships").unwrap().last_mut().unwrap();
        p["updated_at"] = serde_json::json!(after_start);
    });
    sync(&mut w, &options()).unwrap();
    // Meanwhile a partner the run had already paged past changed too.
    w.fake.with(|s| {
        let p = s
            .lists
            .get_mut("partnerships")
            .unwrap()
            .iter_mut()
            .find(|p| p["key"] == "part_00000")
            .unwrap();
        p["first_name"] = json!("Paula");
        p["updated_at"] = json!(1_795_132_800_000i64); // 2026-11-20
    });
    sync(&mut w, &options()).unwrap();
    let id = partnerbook_partners::find_id_by_email(w.book.conn(), "partner0@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(
        partnerbook_partners::get(&w.book, id).unwrap().name,
        "Paula Example"
    );
}
