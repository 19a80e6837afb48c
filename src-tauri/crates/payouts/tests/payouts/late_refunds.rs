//! A refund of a paid sale that arrives after the period closed: the
//! clawback falls due on the refund's day, so the first run whose cut-off
//! covers that day nets it, whenever the refund was imported.

use chrono::{DateTime, NaiveDate, Utc};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::time::fix_clock;
use partnerbook_ledger::commissions::{self, approve_due};
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_ledger::plans::{self, PlanFile};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput, PayoutMethod};
use partnerbook_payouts::{approve, create, lines, mark_paid, LineFilter, LineQuery};
use partnerbook_testkit::{program, P};

fn at(day: &str) -> DateTime<Utc> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
}

fn record(p: &mut P, id: &str, kind: ConversionKind, day: &str, eur: &str, of: &str) {
    let mut c = ConversionInput::new("shop", id, kind, at(day));
    c.amount = Some(Money::parse(eur, Currency::from_code("EUR").unwrap()).unwrap());
    c.referral_code = "ANA".into();
    c.original_external_id = of.into();
    conversions::record(&mut p.book, &c, Actor::Import).unwrap();
}

#[test]
fn a_refund_imported_after_the_period_is_netted_by_the_run_that_covers_its_day() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    let mut input = PartnerInput::from(&partners::get(&p.book, ana).unwrap());
    input.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "ANA".into(),
    }];
    partners::update(&mut p.book, ana, &input, "", Actor::User).unwrap();
    let plan: PlanFile = serde_json::from_str(
        r#"{ "name": "Std", "versions": [ { "effective_from": "2026-01-01",
             "rules": [ { "id": "std", "kind": "percentage", "rate": "30%" } ] } ] }"#,
    )
    .unwrap();
    plans::import(&mut p.book, &plan, Actor::User).unwrap();
    plans::assign_partner(
        &mut p.book,
        "ana.lima@example.com",
        Some("Std"),
        Actor::User,
    )
    .unwrap();

    // October's run pays the September sale (60.00 after the 30-day hold).
    record(
        &mut p,
        "o1",
        ConversionKind::Sale,
        "2026-09-20",
        "200.00",
        "",
    );
    record(
        &mut p,
        "o2",
        ConversionKind::Sale,
        "2026-10-25",
        "500.00",
        "",
    );
    commissions::run(&mut p.book, &Quiet).unwrap();
    approve_due(&mut p.book, "2026-10-31", Actor::User).unwrap();
    let october = create(&mut p.book, "2026-10-31", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, october.id, Actor::User, &Quiet).unwrap();
    mark_paid(&mut p.book, october.id, None, "OCT", Actor::User).unwrap();

    // The September sale was refunded on 5 November; the manager imports the
    // refund on 1 December and makes November's run the same day.
    let _clock = fix_clock(at("2026-12-01"));
    record(
        &mut p,
        "o1/r",
        ConversionKind::Refund,
        "2026-11-05",
        "200.00",
        "o1",
    );
    commissions::run(&mut p.book, &Quiet).unwrap();
    approve_due(&mut p.book, "2026-11-30", Actor::User).unwrap();
    let november = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let line = lines(
        &p.book,
        &LineQuery {
            run_id: november.id,
            filter: LineFilter::All,
            search: String::new(),
            offset: 0,
            limit: 0,
        },
    )
    .unwrap()
    .rows
    .remove(0);
    assert_eq!(
        (
            line.commissions.minor,
            line.clawbacks.minor,
            line.balance.minor
        ),
        (15_000, -6_000, 9_000),
        "the October sale's 150.00 less the 60.00 clawed back"
    );
    assert_eq!(line.pay.map(|m| m.minor), Some(9_000));
}
