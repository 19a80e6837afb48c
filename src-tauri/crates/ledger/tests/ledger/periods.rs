//! A month as a whole: band tiers pay every sale of the month at the band
//! the month reaches, tiers and targets count sales net of refunds, and the
//! totals do not depend on the order sales and refunds arrive in.

use crate::support::*;
use partnerbook_ledger::commissions::explain;
use partnerbook_ledger::conversions::ConversionKind;

const BANDS: &str = r#"[{ "id": "bands", "kind": "tiered", "mode": "band", "tiers": [
    { "from": "0", "rate": "20%" }, { "from": "1000.00", "rate": "25%" } ] }]"#;

const MARGINAL: &str = r#"[{ "id": "slices", "kind": "tiered", "mode": "marginal", "tiers": [
    { "from": "0", "rate": "20%" }, { "from": "1000.00", "rate": "25%" } ] }]"#;

/// What the partner is owed from the month: lines not reversed or declined.
fn total(t: &T) -> i64 {
    t.lines(t.ana)
        .iter()
        .filter(|(_, _, state)| state != "reversed" && state != "declined")
        .map(|(_, cents, _)| cents)
        .sum()
}

fn last_line(t: &T) -> i64 {
    t.book
        .conn()
        .query_row("SELECT max(id) FROM commissions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_later_sale_that_lifts_the_month_into_a_higher_band_adjusts_the_earlier_ones() {
    let mut t = setup(BANDS);
    t.sale("o1", "2026-03-05", "600.00");
    t.sale("o2", "2026-03-20", "700.00");
    let report = t.run();
    assert_eq!(report.adjustments, 1);
    assert_eq!(
        t.lines(t.ana),
        [
            ("commission".into(), 12_000, "pending".into()),
            ("commission".into(), 17_500, "pending".into()),
            ("adjustment".into(), 3_000, "pending".into()),
        ],
        "25% of 1,300.00 = 325.00: the first sale's 20% is topped up by a new line"
    );
    let text = explain(&t.book, last_line(&t)).unwrap();
    assert!(
        text.starts_with("Tier adjustment for 2026-03: the month's sales came to 1,300.00 USD net of refunds (2 sales); that reaches the band from 1,000.00 USD, so each sale of the month pays 25%. Its lines had come to 295.00 USD; they come to 325.00 USD: 30.00 USD."),
        "{text}"
    );
    assert_eq!(
        t.run().adjustments,
        0,
        "a month already right is left alone"
    );
}

#[test]
fn a_refund_that_drops_the_month_back_gives_the_difference_back() {
    let mut t = setup(BANDS);
    t.sale("o1", "2026-03-05", "600.00");
    t.sale("o2", "2026-03-20", "700.00");
    t.run();
    t.convert(
        "o2/r",
        ConversionKind::Refund,
        "2026-03-25",
        "700.00",
        "USD",
    );
    t.run();
    assert_eq!(
        total(&t),
        12_000,
        "20% of the 600.00 the month kept: {:?}",
        t.lines(t.ana)
    );
    let lines = t.lines(t.ana);
    assert_eq!(
        lines.last().unwrap(),
        &("adjustment".into(), -3_000, "pending".into())
    );
}

#[test]
fn the_months_total_does_not_depend_on_the_order_sales_arrive_in() {
    for mode in [BANDS, MARGINAL] {
        let mut in_order = setup(mode);
        in_order.sale("o1", "2026-03-05", "600.00");
        in_order.sale("o2", "2026-03-20", "700.00");
        in_order.run();
        let mut late = setup(mode);
        late.sale("o2", "2026-03-20", "700.00");
        late.run();
        late.sale("o1", "2026-03-05", "600.00");
        late.run();
        assert_eq!(total(&late), total(&in_order), "{mode}");
    }
    // Marginal in order: 20% of 1,000.00 + 25% of 300.00, no adjustment.
    let mut t = setup(MARGINAL);
    t.sale("o1", "2026-03-05", "600.00");
    t.sale("o2", "2026-03-20", "700.00");
    assert_eq!(t.run().adjustments, 0);
    assert_eq!(total(&t), 27_500);
}

#[test]
fn a_refunded_sale_does_not_lift_a_later_one_into_a_higher_band() {
    let mut t = setup(BANDS);
    t.sale("o1", "2026-03-01", "1000.00");
    t.convert(
        "o1/r",
        ConversionKind::Refund,
        "2026-03-02",
        "1000.00",
        "USD",
    );
    t.sale("o2", "2026-03-03", "300.00");
    t.run();
    assert_eq!(
        total(&t),
        6_000,
        "20% of 300.00: the refunded 1,000.00 counts nothing"
    );
}

#[test]
fn a_month_whose_target_is_refunded_away_earns_no_bonus() {
    let rules = r#"[{ "id": "base", "kind": "percentage", "rate": "10%" },
        { "id": "target", "kind": "target_bonus", "threshold": "5000.00", "bonus": "250.00" }]"#;
    // Refunded in the same run: the bonus is never written.
    let mut t = setup(rules);
    t.sale("o1", "2026-03-05", "5000.00");
    t.convert(
        "o1/r",
        ConversionKind::Refund,
        "2026-03-09",
        "5000.00",
        "USD",
    );
    let report = t.run();
    assert_eq!((report.bonuses, total(&t)), (0, 0));
    // Refunded after the bonus was written: it is taken back, then restored
    // when the month reaches its target again.
    let mut t = setup(rules);
    t.sale("o1", "2026-03-05", "5000.00");
    assert_eq!(t.run().bonuses, 1);
    t.convert(
        "o1/r",
        ConversionKind::Refund,
        "2026-04-02",
        "5000.00",
        "USD",
    );
    t.run();
    assert_eq!(total(&t), 0, "commission reversed, bonus taken back");
    let text = explain(&t.book, last_line(&t)).unwrap();
    assert!(
        text.starts_with("Target bonus for 2026-03 taken back: the month's sales came to 0.00 USD net of refunds, which no longer reaches the target"),
        "{text}"
    );
    t.sale("o2", "2026-03-28", "5000.00");
    t.run();
    assert_eq!(
        total(&t),
        50_000 + 25_000,
        "the new sale's 10% and the bonus again"
    );
}

fn two_tier_bands(mode: &str) -> String {
    format!(
        r#"[{{ "id": "bands", "kind": "tiered", "mode": "band", "tiers": [
        {{ "from": "0", "rate": "20%" }}, {{ "from": "1000.00", "rate": "25%" }} ] }},
        {{ "id": "parent", "kind": "two_tier", "rate": "10%", "of": "commission", "mode": "{mode}" }}]"#
    )
}

/// What a partner is owed in all: lines not reversed or declined.
fn owed(t: &T, partner: i64) -> i64 {
    t.lines(partner)
        .iter()
        .filter(|(_, _, state)| state != "reversed" && state != "declined")
        .map(|(_, cents, _)| cents)
        .sum()
}

#[test]
fn a_parents_share_of_commission_follows_the_partners_tier_adjustment() {
    for order in [["o1", "o2"], ["o2", "o1"]] {
        let mut t = setup(&two_tier_bands("on_top"));
        for id in order {
            match id {
                "o1" => t.sale("o1", "2026-03-05", "600.00"),
                _ => t.sale("o2", "2026-03-20", "700.00"),
            };
            t.run();
        }
        assert_eq!(owed(&t, t.ana), 32_500, "25% of 1,300.00");
        assert_eq!(
            owed(&t, t.pat),
            3_250,
            "on top: 10% of Ana's 325.00 ({order:?}): {:?}",
            t.lines(t.pat)
        );
        assert_eq!(
            t.run().adjustments,
            0,
            "a month already right is left alone"
        );
    }
    // A refund drops the month back: the parent gives back his share too.
    let mut t = setup(&two_tier_bands("on_top"));
    t.sale("o1", "2026-03-05", "600.00");
    t.sale("o2", "2026-03-20", "700.00");
    t.run();
    t.convert(
        "o2/r",
        ConversionKind::Refund,
        "2026-03-25",
        "700.00",
        "USD",
    );
    t.run();
    assert_eq!((owed(&t, t.ana), owed(&t, t.pat)), (12_000, 1_200));
    let text = explain(&t.book, last_line(&t)).unwrap();
    assert!(
        text.starts_with("Two-tier adjustment for 2026-03: Ana Lima's month came to 600.00 USD net of refunds (1 sale); that reaches the band from 0.00 USD, so each sale of the month pays 20%: their commission comes to 120.00 USD. Your 10% of it had come to 15.00 USD; it comes to 12.00 USD: -3.00 USD."),
        "the parent's adjustment names whose month: {text}"
    );
}

#[test]
fn a_split_month_pays_partner_and_parent_the_commission_once() {
    for order in [["o1", "o2"], ["o2", "o1"]] {
        let mut t = setup(&two_tier_bands("split"));
        for id in order {
            match id {
                "o1" => t.sale("o1", "2026-03-05", "600.00"),
                _ => t.sale("o2", "2026-03-20", "700.00"),
            };
            t.run();
        }
        assert_eq!(
            (owed(&t, t.ana), owed(&t, t.pat)),
            (29_250, 3_250),
            "split: 325.00 in all, the parent's 10% out of it ({order:?}): {:?} {:?}",
            t.lines(t.ana),
            t.lines(t.pat)
        );
    }
}
