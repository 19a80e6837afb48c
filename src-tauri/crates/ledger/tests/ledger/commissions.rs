//! Golden cases, computed by hand, for every rule kind and what happens to
//! commissions afterwards (refunds, clawbacks, FX, approval).

use crate::support::*;
use partnerbook_book::audit::Actor;
use partnerbook_ledger::commissions::*;
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_partners::{self as partners, PartnerInput};

const PCT30: &str = r#"[{ "id": "base", "kind": "percentage", "rate": "30%" }]"#;

#[test]
fn percentage_of_a_sale_and_the_vendor_examples() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-03-01", "100.00")
        .sale("o2", "2026-03-02", "49.00");
    // A $100 invoice paid with a $25 coupon: the sale is what was paid.
    t.sale("o3", "2026-03-03", "75.00");
    let report = t.run();
    assert_eq!((report.conversions, report.lines), (3, 3));
    assert_eq!(t.cents(t.ana), [3000, 1470, 2250]);
    assert!(t.lines(t.ana).iter().all(|(_, _, s)| s == "pending"));
}

#[test]
fn rounding_is_once_per_line_with_the_programs_mode() {
    let rules = r#"[{ "id": "base", "kind": "percentage", "rate": "12.5%" }]"#;
    let mut t = setup(rules);
    t.sale("o1", "2026-03-01", "0.20"); // 12.5% = 0.025
    t.run();
    let mut even = setup(rules);
    even.set_rounding(partnerbook_book::money::Rounding::HalfEven);
    even.sale("o1", "2026-03-01", "0.20")
        .sale("o2", "2026-03-01", "0.28"); // 0.025 → 0.02; 0.035 → 0.04
    even.run();
    assert_eq!(t.cents(t.ana), [3]);
    assert_eq!(even.cents(even.ana), [2, 4]);
}

#[test]
fn flat_hybrid_and_click_totals() {
    let rules = r#"[
        { "id": "signup", "kind": "flat", "amount": "5.00", "applies_to": ["signup"] },
        { "id": "clicks", "kind": "flat", "amount": "0.10", "applies_to": ["click"] },
        { "id": "sales", "kind": "hybrid", "amount": "2.00", "rate": "10%" } ]"#;
    let mut t = setup(rules);
    t.convert("s1", ConversionKind::Signup, "2026-03-01", "", "USD");
    let mut clicks = ConversionInput::new(
        "shop",
        "clicks-2026-03-01",
        ConversionKind::Click,
        at("2026-03-01"),
    );
    clicks.link_id = "ANA".into();
    clicks.quantity = 250;
    conversions::record(&mut t.book, &clicks, Actor::Import).unwrap();
    t.sale("o1", "2026-03-02", "100.00");
    t.run();
    assert_eq!(t.cents(t.ana), [500, 2500, 1200]);
}

#[test]
fn the_most_specific_rule_wins() {
    let rules = r#"[
        { "id": "base", "kind": "percentage", "rate": "30%" },
        { "id": "pro", "kind": "percentage", "rate": "40%", "product": "pro-annual" },
        { "id": "ana", "kind": "percentage", "rate": "35%", "partner": "ana@example.com" },
        { "id": "ana-pro", "kind": "percentage", "rate": "50%", "partner": "ana@example.com", "product": "pro-annual" } ]"#;
    let mut t = setup(rules);
    t.with_product("o1", "basic", "100.00")
        .with_product("o2", "pro-annual", "100.00");
    t.run();
    assert_eq!(
        t.cents(t.ana),
        [3500, 5000],
        "partner rule, then partner + product rule"
    );
    let rule_ids: Vec<String> = t
        .book
        .conn()
        .prepare("SELECT rule_id FROM commissions ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rule_ids[..2], ["ana", "ana-pro"]);
}

#[test]
fn tiers_band_and_marginal() {
    let tiered = |mode: &str| {
        format!(
            r#"[{{ "id": "tiers", "kind": "tiered", "mode": "{mode}", "tiers": [
                {{ "from": "0", "rate": "20%" }}, {{ "from": "1000.00", "rate": "25%" }} ] }}]"#
        )
    };
    let mut band = setup(&tiered("band"));
    band.sale("o1", "2026-03-01", "600.00")
        .sale("o2", "2026-03-02", "600.00")
        .sale("o3", "2026-04-01", "600.00");
    band.run();
    // $600 at 20%; then the month reaches $1,200: the second $600 at 25%,
    // and the first topped up to 25% by an adjustment line (+$30); April
    // starts over.
    assert_eq!(band.cents(band.ana), [12000, 15000, 12000, 3000]);
    let mut marginal = setup(&tiered("marginal"));
    marginal
        .sale("o1", "2026-03-01", "600.00")
        .sale("o2", "2026-03-02", "600.00");
    marginal.run();
    // $400 × 20% + $200 × 25% = $130.
    assert_eq!(marginal.cents(marginal.ana), [12000, 13000]);
}

#[test]
fn recurring_for_twelve_months_with_a_step_down_after_six() {
    let rules = r#"[
        { "id": "first", "kind": "percentage", "rate": "30%", "applies_to": ["sale"] },
        { "id": "renewals", "kind": "recurring", "rate": "20%", "months": 12, "step_down": { "after_months": 6, "rate": "10%" } } ]"#;
    let mut t = setup(rules);
    t.sale("o1", "2026-01-15", "49.00");
    t.convert(
        "o2",
        ConversionKind::Recurring,
        "2026-03-15",
        "49.00",
        "USD",
    );
    t.convert(
        "o3",
        ConversionKind::Recurring,
        "2026-08-15",
        "49.00",
        "USD",
    );
    t.convert(
        "o4",
        ConversionKind::Recurring,
        "2027-01-15",
        "49.00",
        "USD",
    );
    t.run();
    assert_eq!(
        t.cents(t.ana),
        [1470, 980, 490],
        "month 12 is past the window: nothing"
    );
}

/// A subscription started on the 31st renews on the last day of shorter
/// months: 28 Feb is month 1, 31 Mar month 2, 30 Apr month 3 (past a
/// three-month window).
#[test]
fn recurring_months_end_on_the_same_day_or_the_months_last_day() {
    let rules = r#"[
        { "id": "first", "kind": "percentage", "rate": "30%", "applies_to": ["sale"] },
        { "id": "renewals", "kind": "recurring", "rate": "20%", "months": 3, "step_down": { "after_months": 2, "rate": "10%" } } ]"#;
    let mut t = setup(rules);
    t.sale("o1", "2026-01-31", "100.00");
    for (id, day) in [
        ("o2", "2026-02-28"),
        ("o3", "2026-03-31"),
        ("o4", "2026-04-30"),
    ] {
        t.convert(id, ConversionKind::Recurring, day, "100.00", "USD");
    }
    t.run();
    assert_eq!(
        t.cents(t.ana),
        [3000, 2000, 1000],
        "months 1 and 2 (stepped down); month 3 is past the window"
    );
    let renewal: i64 = t
        .book
        .conn()
        .query_row("SELECT max(id) FROM commissions", [], |r| r.get(0))
        .unwrap();
    let text = explain(&t.book, renewal).unwrap();
    assert!(
        text.contains("billing month 2 after the first sale on 2026-01-31"),
        "{text}"
    );
}

/// A second two-tier rule pays the grandparent: each level as data.
#[test]
fn two_tier_pays_each_level_of_ancestors_that_are_active() {
    let mut t = setup(
        r#"[{ "id": "base", "kind": "percentage", "rate": "30%" },
            { "id": "parent", "kind": "two_tier", "rate": "10%" },
            { "id": "grandparent", "kind": "two_tier", "rate": "1%", "of": "sale", "level": 2 }]"#,
    );
    let gil = partners::create(
        &mut t.book,
        &PartnerInput::new("Gil Grand", "gil@example.com"),
        Actor::User,
    )
    .unwrap()
    .id;
    let mut pat = PartnerInput::from(&partners::get(&t.book, t.pat).unwrap());
    pat.parent_id = Some(gil);
    partners::update(&mut t.book, t.pat, &pat, "", Actor::User).unwrap();
    t.sale("o1", "2026-03-01", "100.00");
    t.run();
    assert_eq!(
        (t.cents(t.ana), t.cents(t.pat), t.cents(gil)),
        (vec![3000], vec![300], vec![100]),
        "30% to Ana, 10% of that to Pat, 1% of the sale to Gil"
    );
    let gil_line: i64 = t
        .book
        .conn()
        .query_row(
            "SELECT id FROM commissions WHERE partner_id = ?1",
            [gil],
            |r| r.get(0),
        )
        .unwrap();
    let text = explain(&t.book, gil_line).unwrap();
    assert!(
        text.contains("as the referring partner's grandparent"),
        "{text}"
    );
}

#[test]
fn two_tier_on_top_and_split_add_up() {
    let mut top = setup(
        r#"[{ "id": "base", "kind": "percentage", "rate": "30%" }, { "id": "parent", "kind": "two_tier", "rate": "10%" }]"#,
    );
    top.sale("o1", "2026-03-01", "100.00");
    top.run();
    assert_eq!(
        (top.cents(top.ana), top.cents(top.pat)),
        (vec![3000], vec![300])
    );

    let mut split = setup(
        r#"[{ "id": "base", "kind": "percentage", "rate": "30%" }, { "id": "parent", "kind": "two_tier", "rate": "10%", "mode": "split" }]"#,
    );
    split.sale("o1", "2026-03-01", "111.11"); // 33.333 → 33.33 in all: 3.33 to Pat, 30.00 to Ana
    split.run();
    assert_eq!(
        (split.cents(split.ana), split.cents(split.pat)),
        (vec![3000], vec![333])
    );
}

#[test]
fn partial_refunds_reduce_pro_rata_and_a_full_refund_reverses() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-03-01", "100.00");
    t.run();
    t.convert(
        "o1/r1",
        ConversionKind::Refund,
        "2026-03-05",
        "25.00",
        "USD",
    );
    t.run();
    assert_eq!(
        t.lines(t.ana),
        [
            ("commission".into(), 3000, "pending".into()),
            ("reversal".into(), -750, "pending".into())
        ]
    );
    t.convert(
        "o1/r2",
        ConversionKind::Refund,
        "2026-03-06",
        "75.00",
        "USD",
    );
    t.run();
    let states: Vec<String> = t.lines(t.ana).into_iter().map(|(_, _, s)| s).collect();
    assert_eq!(states, ["reversed", "reversed"], "nothing is owed any more");
}

/// A refund of a paid sale, imported a month later: its clawback falls due
/// on the refund's day, so the run whose cut-off covers that day nets it,
/// and the explanation says which run that is.
#[test]
fn a_clawback_is_due_on_the_refunds_day_not_the_day_it_was_imported() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-10-03", "100.00");
    t.run();
    crate::support::pay_in_a_run(t.book.conn(), None, true);
    t.convert(
        "o1/r1",
        ConversionKind::Refund,
        "2026-11-05",
        "100.00",
        "USD",
    );
    let _clock = partnerbook_book::time::fix_clock(at("2026-12-05"));
    assert_eq!(t.run().clawbacks, 1);
    let (id, due): (i64, String) = t
        .book
        .conn()
        .query_row(
            "SELECT id, due_on FROM commissions WHERE kind = 'clawback'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(due, "2026-11-05");
    let text = explain(&t.book, id).unwrap();
    assert!(
        text.contains("refunded 100.00 USD on 2026-11-05; netted in the first payout run through 2026-11-05 or later"),
        "{text}"
    );
}

#[test]
fn refunds_after_payment_are_clawed_back_to_the_cent() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-03-01", "33.33"); // 9.999 → 10.00
    t.run();
    crate::support::pay_in_a_run(t.book.conn(), None, true);
    t.convert(
        "o1/r1",
        ConversionKind::Refund,
        "2026-04-05",
        "11.11",
        "USD",
    );
    t.convert(
        "o1/r2",
        ConversionKind::Chargeback,
        "2026-04-06",
        "22.22",
        "USD",
    );
    let report = t.run();
    assert_eq!(report.clawbacks, 2);
    let lines = t.lines(t.ana);
    assert_eq!(
        lines[1..],
        [
            ("clawback".into(), -333, "approved".into()),
            ("clawback".into(), -667, "approved".into())
        ]
    );
    assert_eq!(
        lines.iter().map(|(_, c, _)| c).sum::<i64>(),
        0,
        "all of it came back, exactly"
    );
}

#[test]
fn foreign_currency_waits_for_its_rate_then_converts_once() {
    let mut t = setup(PCT30);
    t.convert("o1", ConversionKind::Sale, "2026-05-01", "100.00", "EUR");
    let report = t.run();
    assert_eq!(report.held, 1);
    let held = list(&t.book, &CommissionQuery::default())
        .unwrap()
        .rows
        .remove(0);
    assert!(held.amount.is_none());
    assert!(held
        .hold_reason
        .unwrap()
        .contains("no EUR→USD rate for 2026-05-01"));
    assert_eq!(
        approve_due(&mut t.book, "2027-01-01", Actor::User)
            .unwrap()
            .count,
        0,
        "held lines are not approved"
    );

    let dir = tempfile::tempdir().unwrap();
    let rates = dir.path().join("eurofxref.csv");
    std::fs::write(&rates, "Date,USD,\n2026-05-01,1.0842,\n").unwrap();
    partnerbook_ledger::fx::import(t.book.conn(), &rates).unwrap();
    t.run();
    // €100.00 × 1.0842 = $108.42; 30% = $32.526 → $32.53.
    assert_eq!(t.cents(t.ana), [3253]);
    let sentence = explain(&t.book, 1).unwrap();
    assert!(sentence.contains("30% of 100.00 EUR"), "{sentence}");
    assert!(sentence.contains("converted at 1.0842"), "{sentence}");
    assert!(
        sentence.contains("= 32.53 USD (32.526 rounded half-up)"),
        "{sentence}"
    );
    assert_eq!(t.run().lines, 0);
}

#[test]
fn a_target_bonus_is_paid_once_per_month() {
    let mut t = setup(
        r#"[{ "id": "base", "kind": "percentage", "rate": "10%" }, { "id": "target", "kind": "target_bonus", "threshold": "1000.00", "bonus": "250.00" }]"#,
    );
    t.sale("o1", "2026-03-01", "600.00");
    assert_eq!(t.run().bonuses, 0);
    t.sale("o2", "2026-03-20", "500.00");
    assert_eq!(t.run().bonuses, 1);
    t.sale("o3", "2026-03-25", "500.00");
    assert_eq!(t.run().bonuses, 0, "once a month");
    assert_eq!(t.cents(t.ana), [6000, 5000, 25000, 5000]);
}

#[test]
fn running_again_changes_nothing() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-03-01", "100.00")
        .sale("o2", "2026-03-02", "80.00");
    t.run();
    let before: Vec<(i64, i64, String)> = t
        .book
        .conn()
        .prepare("SELECT id, amount_minor, updated_at FROM commissions")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let again = t.run();
    assert_eq!((again.conversions, again.lines), (0, 0));
    let after: Vec<(i64, i64, String)> = t
        .book
        .conn()
        .prepare("SELECT id, amount_minor, updated_at FROM commissions")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn approval_after_the_hold_decline_with_a_reason_and_paid_is_frozen() {
    let mut t = setup(PCT30);
    t.sale("o1", "2026-03-01", "100.00")
        .sale("o2", "2026-03-20", "100.00");
    t.run();
    assert_eq!(
        approve_due(&mut t.book, "2026-03-30", Actor::User)
            .unwrap()
            .count,
        0,
        "30 hold days: due 2026-03-31"
    );
    assert_eq!(
        approve_due(&mut t.book, "2026-03-31", Actor::User).unwrap(),
        DueLines {
            count: 1,
            totals: vec![partnerbook_book::money::Money::new(
                3_000,
                partnerbook_book::money::Currency::from_code("USD").unwrap()
            )]
        },
        "30% of 100.00"
    );
    let second = list(
        &t.book,
        &CommissionQuery {
            states: vec![CommissionState::Pending],
            ..Default::default()
        },
    )
    .unwrap();
    let declined = decline(&mut t.book, second.rows[0].id, "self-referral", Actor::User).unwrap();
    assert_eq!(
        (declined.state, declined.decline_reason.as_deref()),
        (CommissionState::Declined, Some("self-referral"))
    );
    assert!(decline(&mut t.book, second.rows[0].id, "again", Actor::User).is_err());
    assert!(decline(&mut t.book, 1, " ", Actor::User).is_err());
    let conn = t.book.conn();
    crate::support::pay_in_a_run(conn, Some(1), true);
    assert!(
        conn.execute("UPDATE commissions SET amount_minor = 1 WHERE id = 1", [])
            .is_err(),
        "paid never changes"
    );
    assert!(
        conn.execute("UPDATE commissions SET state = 'pending' WHERE id = 2", [])
            .is_err(),
        "declined stays declined"
    );
    let plan_version: i64 = conn
        .query_row("SELECT id FROM plan_versions", [], |r| r.get(0))
        .unwrap();
    assert!(
        conn.execute(
            "UPDATE plan_versions SET rules = '[]' WHERE id = ?1",
            [plan_version]
        )
        .is_err(),
        "a used version is frozen"
    );
}

#[test]
fn only_active_partners_on_a_plan_earn() {
    let mut t = setup(PCT30);
    let mut ana = PartnerInput::from(&partners::get(&t.book, t.ana).unwrap());
    ana.status = partners::PartnerStatus::Paused;
    partners::update(&mut t.book, t.ana, &ana, "", Actor::User).unwrap();
    t.sale("o1", "2026-03-01", "100.00");
    let report = t.run();
    assert_eq!((report.conversions, report.lines), (1, 0));
}

#[test]
fn explain_says_it_in_a_sentence() {
    let mut t = setup(
        r#"[{ "id": "base", "kind": "percentage", "rate": "30%" }, { "id": "parent", "kind": "two_tier", "rate": "10%" }]"#,
    );
    t.sale("o1", "2026-03-01", "49.00");
    t.run();
    let direct = explain(&t.book, 1).unwrap();
    assert_eq!(
        direct,
        "30% of 49.00 USD for the sale o1 on 2026-03-01 = 14.70 USD. Plan \"Creators\" version 1, rule \"base\"."
    );
    let parent = explain(&t.book, 2).unwrap();
    assert!(
        parent.starts_with("Two-tier: 10% of their partner's commission on the sale o1"),
        "{parent}"
    );
    assert!(parent.contains("= 1.47 USD"), "{parent}");
}
