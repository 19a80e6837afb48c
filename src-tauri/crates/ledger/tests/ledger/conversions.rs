use chrono::{TimeZone, Utc};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::settings::{self as program, Attribution, NewProgram, ProgramSettingsInput};
use partnerbook_book::Book;
use partnerbook_book::Coded;
use partnerbook_ledger::conversions::*;
use partnerbook_ledger::import;
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

fn book() -> (tempfile::TempDir, Book, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let program = NewProgram {
        program_name: "Test".into(),
        base_currency: "USD".into(),
    };
    let mut book = Book::create(&dir.path().join("t.partnerbook"), &program).unwrap();
    let mut ana = PartnerInput::new("Ana", "ana@example.com");
    ana.codes = vec![
        PartnerCode {
            kind: CodeKind::Referral,
            code: "ANA".into(),
        },
        PartnerCode {
            kind: CodeKind::Coupon,
            code: "ANA10".into(),
        },
        PartnerCode {
            kind: CodeKind::Link,
            code: "lnk-ana".into(),
        },
    ];
    let ana = partners::create(&mut book, &ana, Actor::User).unwrap().id;
    let mut bo = PartnerInput::new("Bo", "bo@example.com");
    bo.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "BO".into(),
    }];
    let bo = partners::create(&mut book, &bo, Actor::User).unwrap().id;
    (dir, book, ana, bo)
}

fn day(d: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, 12, 0, 0).unwrap()
}

fn usd(minor: i64) -> Option<Money> {
    Some(Money::new(minor, Currency::from_code("USD").unwrap()))
}

fn sale(id: &str, d: u32, customer: &str) -> ConversionInput {
    let mut c = ConversionInput::new("shop", id, ConversionKind::Sale, day(d));
    c.amount = usd(10_000);
    c.customer_ref = customer.into();
    c
}

fn who(book: &Book, id: i64) -> (Option<i64>, AttributionMethod) {
    let page = list(
        book,
        &ConversionQuery {
            limit: 1000,
            ..Default::default()
        },
    )
    .unwrap();
    let c = page.rows.into_iter().find(|c| c.id == id).unwrap();
    (c.partner_id, c.attribution)
}

#[test]
fn explicit_codes_name_the_partner() {
    let (_d, mut book, ana, bo) = book();
    type Case = (fn(&mut ConversionInput), i64, AttributionMethod);
    let cases: Vec<Case> = vec![
        (
            |c| c.referral_code = "ana".into(),
            0,
            AttributionMethod::ReferralCode,
        ),
        (
            |c| c.coupon_code = "ANA10".into(),
            0,
            AttributionMethod::Coupon,
        ),
        (|c| c.link_id = "LNK-ANA".into(), 0, AttributionMethod::Link),
        (
            |c| c.partner_key = "bo@example.com".into(),
            1,
            AttributionMethod::PartnerKey,
        ),
        (
            |c| c.partner_key = "BO".into(),
            1,
            AttributionMethod::PartnerKey,
        ),
    ];
    for (i, (set, partner, method)) in cases.into_iter().enumerate() {
        let mut c = sale(&format!("o{i}"), 1, &format!("cus{i}"));
        set(&mut c);
        let id = record(&mut book, &c, Actor::Import).unwrap().id();
        assert_eq!(
            who(&book, id),
            (Some([ana, bo][partner as usize]), method),
            "case {i}"
        );
    }
    let mut unknown = sale("x", 1, "cus-x");
    unknown.coupon_code = "NOSUCH".into();
    let id = record(&mut book, &unknown, Actor::Import).unwrap().id();
    assert_eq!(
        who(&book, id),
        (None, AttributionMethod::None),
        "unknown codes are kept, unattributed"
    );
}

#[test]
fn recording_twice_changes_nothing() {
    let (_d, mut book, _, _) = book();
    let mut c = sale("o1", 1, "cus1");
    c.referral_code = "ANA".into();
    let first = record(&mut book, &c, Actor::Import).unwrap();
    assert!(matches!(first, Recorded::New(_)));
    c.amount = usd(1); // a changed row with the same id is still the same conversion
    assert_eq!(
        record(&mut book, &c, Actor::Import).unwrap(),
        Recorded::Existing(first.id())
    );
    assert_eq!(list(&book, &ConversionQuery::default()).unwrap().total, 1);
}

#[test]
fn recurring_payments_and_refunds_follow_customer_and_sale() {
    let (_d, mut book, ana, _) = book();
    let mut first = sale("o1", 1, "cus1");
    first.coupon_code = "ANA10".into();
    record(&mut book, &first, Actor::Import).unwrap();
    let mut renewal = sale("o2", 28, "cus1");
    renewal.kind = ConversionKind::Recurring;
    let id = record(&mut book, &renewal, Actor::Import).unwrap().id();
    assert_eq!(who(&book, id), (Some(ana), AttributionMethod::Customer));

    let mut refund = ConversionInput::new("shop", "r1", ConversionKind::Refund, day(29));
    refund.amount = usd(2_500);
    refund.original_external_id = "o1".into();
    let id = record(&mut book, &refund, Actor::Import).unwrap().id();
    assert_eq!(who(&book, id), (Some(ana), AttributionMethod::Original));
}

#[test]
fn a_refund_before_its_sale_is_linked_when_the_sale_arrives() {
    let (_d, mut book, ana, _) = book();
    let mut refund = ConversionInput::new("shop", "r9", ConversionKind::Refund, day(5));
    refund.amount = usd(1_000);
    refund.original_external_id = "o9".into();
    let refund_id = record(&mut book, &refund, Actor::Import).unwrap().id();
    assert_eq!(who(&book, refund_id), (None, AttributionMethod::None));
    let mut s = sale("o9", 4, "cus9");
    s.referral_code = "ANA".into();
    record(&mut book, &s, Actor::Import).unwrap();
    assert_eq!(
        who(&book, refund_id),
        (Some(ana), AttributionMethod::Original)
    );
}

#[test]
fn one_recorder_links_a_refund_to_its_later_sale_and_remembers_the_customer_partner() {
    let (_d, mut book, ana, _) = book();
    let tx = book.transaction().unwrap();
    let settings = program::get(&tx).unwrap();
    let mut recorder = partnerbook_ledger::conversions::record::Recorder::new(&tx, &settings);
    let mut refund = ConversionInput::new("shop", "r9", ConversionKind::Refund, day(5));
    refund.amount = usd(1_000);
    refund.original_external_id = "o9".into();
    let refund_id = recorder.record(&refund).unwrap().id();
    let mut s = sale("o9", 4, "cus9");
    s.referral_code = "ANA".into();
    recorder.record(&s).unwrap();
    // The renewal names no code: the customer is Ana's since the sale above.
    let mut renewal = sale("o10", 6, "cus9");
    renewal.kind = ConversionKind::Recurring;
    let renewal_id = recorder.record(&renewal).unwrap().id();
    drop(recorder);
    tx.commit().unwrap();
    assert_eq!(
        who(&book, refund_id),
        (Some(ana), AttributionMethod::Original)
    );
    assert_eq!(
        who(&book, renewal_id),
        (Some(ana), AttributionMethod::Customer)
    );
}

#[test]
fn touches_count_inside_the_cookie_window_first_or_last() {
    let (_d, mut book, ana, bo) = book();
    let touch = |id: &str, d: u32, code: &str| {
        let mut c = ConversionInput::new("shop", id, ConversionKind::Click, day(d));
        c.customer_ref = "cus1".into();
        c.referral_code = code.into();
        c
    };
    record(&mut book, &touch("t1", 1, "ANA"), Actor::Import).unwrap();
    record(&mut book, &touch("t2", 3, "BO"), Actor::Import).unwrap();
    let id = record(&mut book, &sale("o1", 10, "cus1"), Actor::Import)
        .unwrap()
        .id();
    assert_eq!(
        who(&book, id),
        (Some(bo), AttributionMethod::Touch),
        "last touch by default"
    );

    let mut s = ProgramSettingsInput::from(&program::get(book.conn()).unwrap());
    s.attribution = Attribution::FirstTouch;
    s.cookie_window_days = 7;
    program::save(&mut book, &s, Actor::User).unwrap();
    let touch2 = |id: &str, d: u32, code: &str| {
        let mut c = touch(id, d, code);
        c.customer_ref = "cus2".into();
        c
    };
    record(&mut book, &touch2("t3", 1, "BO"), Actor::Import).unwrap();
    record(&mut book, &touch2("t4", 5, "ANA"), Actor::Import).unwrap();
    record(&mut book, &touch2("t5", 6, "BO"), Actor::Import).unwrap();
    let id = record(&mut book, &sale("o2", 10, "cus2"), Actor::Import)
        .unwrap()
        .id();
    assert_eq!(
        who(&book, id),
        (Some(ana), AttributionMethod::Touch),
        "first touch inside 7 days: day 1 is outside"
    );
    let id = record(&mut book, &sale("o3", 28, "cus3"), Actor::Import)
        .unwrap()
        .id();
    assert_eq!(who(&book, id), (None, AttributionMethod::None));
    let page = list(
        &book,
        &ConversionQuery {
            unattributed: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        page.rows
            .iter()
            .map(|c| c.external_id.as_str())
            .collect::<Vec<_>>(),
        ["o3"]
    );
}

#[test]
fn bad_conversions_name_the_field() {
    let (_d, mut book, _, _) = book();
    let field = |c: &ConversionInput, book: &mut Book| {
        record(book, c, Actor::Import)
            .unwrap_err()
            .field()
            .unwrap()
            .to_string()
    };
    let mut c = sale("o1", 1, "c");
    c.amount = None;
    assert_eq!(field(&c, &mut book), "amount");
    let mut c = sale("", 1, "c");
    c.external_id = " ".into();
    assert_eq!(field(&c, &mut book), "external_id");
    let mut r = ConversionInput::new("shop", "r", ConversionKind::Refund, day(1));
    r.amount = usd(5);
    assert_eq!(field(&r, &mut book), "original_external_id");
}

#[test]
fn a_refunded_total_reads_only_its_sale_refunds_through_an_index() {
    let (_d, book, _, _) = book();
    let plan =
        partnerbook_book::query_plan(book.conn(), import::REFUNDED_SO_FAR, ["stripe", "ch_1"])
            .unwrap();
    assert!(
        plan.contains("INDEX conversions_original (source=? AND original_external_id=?)"),
        "{plan}"
    );
}
