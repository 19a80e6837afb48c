//! Push: partners made here, their customers and their sales go to the
//! platform once, and come back on the next pull as ours, not as new rows.

use crate::support::*;
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_partners::{CodeKind, PartnerCode, PartnerInput};
use partnerbook_sync::push::{push, transaction_key};

fn stripe_sale(
    w: &mut World,
    id: &str,
    customer: &str,
    code: &str,
    cents: i64,
    kind: ConversionKind,
) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
        .unwrap()
        .to_utc();
    let mut c = ConversionInput::new("stripe", id, kind, at);
    c.amount = Some(Money::new(cents, Currency::from_code("USD").unwrap()));
    c.customer_ref = customer.into();
    c.customer_email = format!("{customer}@buyer.example");
    c.referral_code = code.into();
    if kind == ConversionKind::Refund {
        c.original_external_id = "ch_1".into();
    }
    conversions::record(&mut w.book, &c, Actor::User).unwrap();
}

#[test]
fn what_was_made_here_is_pushed_once_and_known_on_the_way_back() {
    let mut w = world(2, 1);
    sync(&mut w, &options()).unwrap();
    // A partner signed up here, with a code, and two Stripe sales (one refunded).
    let mut p = PartnerInput::new("Nora Local", "nora@example.com");
    p.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "NORA".into(),
    }];
    partnerbook_partners::create(&mut w.book, &p, Actor::User).unwrap();
    stripe_sale(
        &mut w,
        "ch_1",
        "cus_stripe_9",
        "NORA",
        12_000,
        ConversionKind::Sale,
    );
    stripe_sale(
        &mut w,
        "re_1",
        "cus_stripe_9",
        "",
        12_000,
        ConversionKind::Refund,
    );

    let mut dry = options();
    dry.dry_run = true;
    let plan = push(&mut w.book, "partnerstack", &keys(), &dry, &Quiet).unwrap();
    assert_eq!((plan.partners.created, plan.requests), (1, 0));
    assert!(w.fake.with(|s| s.posted.is_empty()));

    // The partner goes first, so her customer and sales can follow in the
    // same push (the platform knows her by then).
    let report = push(&mut w.book, "partnerstack", &keys(), &options(), &Quiet).unwrap();
    assert_eq!(
        (
            report.partners.created,
            report.customers.created,
            report.transactions.created
        ),
        (1, 1, 2),
        "{report:#?}"
    );
    let posted = w.fake.with(|s| s.posted.clone());
    let sale = posted
        .iter()
        .find(|(l, v)| l == "transactions" && v["amount"] == 12_000)
        .unwrap();
    assert_eq!(
        sale.1["key"],
        serde_json::json!(transaction_key("stripe", "ch_1"))
    );
    assert!(posted
        .iter()
        .any(|(l, v)| l == "transactions" && v["amount"] == -12_000));
    assert!(posted
        .iter()
        .any(|(l, v)| l == "partnerships" && v["partner_key"] == "NORA"));
    // A second push has nothing left to send.
    let third = push(&mut w.book, "partnerstack", &keys(), &options(), &Quiet).unwrap();
    assert_eq!(third.requests, 0);

    // The next pull brings them back: nothing is doubled.
    let before = count(&w.book, "SELECT count(*) FROM conversions");
    let customers = count(&w.book, "SELECT count(*) FROM customers");
    sync(&mut w, &options()).unwrap();
    assert_eq!(count(&w.book, "SELECT count(*) FROM conversions"), before);
    assert_eq!(count(&w.book, "SELECT count(*) FROM customers"), customers);
    assert_eq!(count(&w.book, "SELECT count(*) FROM partners"), 3);
    assert_eq!(
        count(
            &w.book,
            "SELECT count(*) FROM audit_log WHERE action = 'sync push'"
        ),
        4
    );
}

#[test]
fn a_transaction_pushed_twice_is_not_doubled_on_the_platform() {
    let w = world(1, 1);
    let body = serde_json::json!({ "key": "pb_same", "customer_key": "stripe_00000", "amount": 500, "currency": "USD" });
    let first = post(&w.fake.url, &body);
    let again = post(&w.fake.url, &body);
    assert_eq!(first["data"], again["data"]);
    assert_eq!(
        w.fake.with(|s| s.lists["transactions"]
            .iter()
            .filter(|t| t["key"] == "pb_same")
            .count()),
        1
    );
}

/// A POST through the crate's own polite client.
fn post(url: &str, body: &serde_json::Value) -> serde_json::Value {
    use partnerbook_sync::http::{At, Polite, Retry};
    let mut http = Polite::new(
        "PartnerStack",
        url,
        partnerbook_testkit::fake_partnerstack::PUBLIC_KEY.into(),
        Some(partnerbook_testkit::fake_partnerstack::SECRET_KEY.into()),
        std::time::Duration::ZERO,
        Retry::default(),
    )
    .unwrap();
    http.send(
        reqwest::Method::POST,
        "transactions",
        &[],
        Some(body),
        At {
            resource: "transactions",
            page: 1,
        },
        &Quiet,
    )
    .unwrap()
}
