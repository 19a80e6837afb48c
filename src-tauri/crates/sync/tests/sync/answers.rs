//! Bad and unfriendly answers: throttling, server errors, malformed pages,
//! wrong keys, a cursor that repeats.

use crate::support::*;
use partnerbook_book::progress::Quiet;
use partnerbook_sync::{Keys, Resource};
use partnerbook_testkit::fake_partnerstack::Fault;

#[test]
fn throttling_and_server_errors_are_waited_out() {
    let mut w = world(3, 1);
    w.fake.fault(Some("partnerships"), Fault::TooMany(1));
    w.fake.fault(Some("partnerships"), Fault::Status(503));
    w.fake.fault(Some("transactions"), Fault::Status(500));
    w.fake.fault(Some("transactions"), Fault::Status(502));
    let report = sync(&mut w, &options()).unwrap();
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 3);
    // Retry-After: 1 was honoured.
    assert!(report.waited_ms >= 1_000, "{}", report.waited_ms);
    // 7 lists, one page each, plus the 4 answers that were retried.
    assert_eq!(report.requests, 11);
}

#[test]
fn a_server_that_keeps_failing_ends_the_sync_naming_the_page() {
    let mut w = world(3, 1);
    for _ in 0..6 {
        w.fake.fault(Some("customers"), Fault::Status(500));
    }
    let e = sync(&mut w, &options()).unwrap_err().to_string();
    assert!(
        e.contains("customers, page 1") && e.contains("HTTP 500 6 times"),
        "{e}"
    );
    // What came before stays; the error is kept for `sync status`.
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 3);
    let status = partnerbook_sync::report::status(w.book.conn(), 1).unwrap();
    let customers = status
        .iter()
        .find(|s| s.resource == Resource::Customers)
        .unwrap();
    assert!(customers.last_error.contains("HTTP 500"));
    assert!(customers.interrupted);
    // The next sync finishes the job.
    sync(&mut w, &options()).unwrap();
    assert_eq!(count(&w.book, "SELECT count(*) FROM customers"), 3);
}

#[test]
fn malformed_and_incomplete_pages_are_refused_with_their_place() {
    let mut w = world(3, 1);
    w.fake.fault(Some("transactions"), Fault::Malformed);
    let e = sync(&mut w, &options()).unwrap_err().to_string();
    assert!(
        e.contains("transactions, page 1") && e.contains("is not JSON"),
        "{e}"
    );
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions"), 0);
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 3);

    w.fake
        .fault(Some("transactions"), Fault::MissingField("amount"));
    let e = sync(&mut w, &options()).unwrap_err().to_string();
    assert!(
        e.contains("transactions, page 1")
            && e.contains("item 1 (txn_00000_000): \"amount\" is missing"),
        "{e}"
    );
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions"), 0);
}

#[test]
fn a_cursor_that_repeats_ends_the_sync() {
    let mut w = world(5, 1);
    let mut o = options();
    o.page_size = 2;
    w.fake.fault(Some("customers"), Fault::Pass);
    w.fake.fault(Some("customers"), Fault::RepeatCursor);
    let e = sync(&mut w, &o).unwrap_err().to_string();
    assert!(
        e.contains("customers, page 2") && e.contains("repeats the cursor"),
        "{e}"
    );
}

#[test]
fn wrong_keys_are_named_without_showing_them() {
    let mut w = world(1, 1);
    let wrong = Keys {
        user: "pk_live_wrong".into(),
        password: Some("sk_live_secret_value".into()),
    };
    let e = partnerbook_sync::sync(&mut w.book, "partnerstack", &wrong, &options(), &Quiet)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("PartnerStack refused the keys (HTTP 401)"),
        "{e}"
    );
    assert!(!e.contains("sk_live_secret_value") && !e.contains("pk_live_wrong"));
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 0);
}

#[test]
fn a_spent_rate_window_is_waited_out_before_the_next_request() {
    let mut w = world(3, 1);
    w.fake.fault(Some("groups"), Fault::WindowSpent(1));
    let report = sync(&mut w, &options()).unwrap();
    // No 429 was needed: the client read the headers and waited for the
    // window (reset 1 s after the answer; the wait starts a little later).
    assert!(report.waited_ms >= 900, "{}", report.waited_ms);
    assert_eq!(report.requests, 7);
}
