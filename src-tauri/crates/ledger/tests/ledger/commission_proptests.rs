//! Property tests of the money invariants of commissions.

use crate::support::*;
use partnerbook_book::money::Money;
use partnerbook_ledger::commissions::*;
use partnerbook_ledger::conversions::ConversionKind;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A split two-tier commission's two lines add up to the commission.
    #[test]
    fn split_lines_add_up(cents in 1i64..10_000_000, rate in 1u32..100, share in 1u32..100) {
        let rules = format!(
            r#"[{{ "id": "base", "kind": "percentage", "rate": "{rate}%" }},
                {{ "id": "p", "kind": "two_tier", "rate": "{share}%", "mode": "split" }}]"#
        );
        let mut t = setup(&rules);
        t.sale("o1", "2026-03-01", &Money::new(cents, usd()).format_amount());
        t.run();
        let exact = rust_decimal::Decimal::new(cents, 2) * rust_decimal::Decimal::new(i64::from(rate), 2);
        let whole = Money::from_decimal(exact, usd(), partnerbook_book::money::Rounding::HalfUp).unwrap().minor;
        let sum: i64 = t.cents(t.ana).iter().chain(t.cents(t.pat).iter()).sum();
        prop_assert_eq!(sum, whole);
    }

    /// However a sale is refunded in pieces, what is given back is the
    /// commission's share of the refunded total, to the cent, and all of it
    /// when the whole sale is refunded; paid or not.
    #[test]
    fn refunds_in_pieces_give_back_exactly(
        cents in 100i64..1_000_000,
        cuts in proptest::collection::vec(1u32..100, 1..5),
        paid in any::<bool>(),
        whole in any::<bool>(),
    ) {
        let mut t = setup(r#"[{ "id": "base", "kind": "percentage", "rate": "33%" }]"#);
        t.sale("o1", "2026-03-01", &Money::new(cents, usd()).format_amount());
        t.run();
        if paid {
            crate::support::pay_in_a_run(t.book.conn(), None, true);
        }
        let commission = t.cents(t.ana)[0];
        // Pieces of the sale, in order, never more than the sale in all.
        let mut left = cents;
        let mut refunded = 0;
        for (i, cut) in cuts.iter().enumerate() {
            let last = i + 1 == cuts.len();
            let piece = if last && whole { left } else { (cents * i64::from(*cut) / 400).clamp(1, left.max(1)) };
            if left == 0 || piece == 0 {
                break;
            }
            left -= piece;
            refunded += piece;
            t.convert(&format!("o1/r{i}"), ConversionKind::Refund, "2026-03-05", &Money::new(piece, usd()).format_amount(), "USD");
            t.run();
        }
        let lines = t.lines(t.ana);
        let owed: i64 = lines.iter().filter(|(_, _, s)| s != "reversed").map(|(_, c, _)| c).sum();
        let expected_back = if refunded >= cents {
            commission
        } else {
            (rust_decimal::Decimal::from(commission) * rust_decimal::Decimal::from(refunded) / rust_decimal::Decimal::from(cents))
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .try_into()
                .unwrap()
        };
        prop_assert_eq!(owed, commission - expected_back);
    }

    /// Whatever happened in a month (sales across tiers, partial and full
    /// refunds, payment in between), the what-if under the rules in force
    /// gives back exactly what the book holds: it shares the engine's logic,
    /// the month's true-up included.
    #[test]
    fn what_if_under_the_same_rules_changes_nothing(
        mut sales in proptest::collection::vec((1i64..200_000, 1u32..28, 0u32..5), 1..12),
        paid_after in 0usize..12,
    ) {
        sales.sort_by_key(|(_, day, _)| *day);
        let rules = r#"[
            { "id": "tiers", "kind": "tiered", "mode": "band",
              "tiers": [ { "from": "0.00", "rate": "7%" }, { "from": "1000.00", "rate": "13.5%" } ] },
            { "id": "parent", "kind": "two_tier", "rate": "15%", "of": "sale" },
            { "id": "target", "kind": "target_bonus", "threshold": "2500.00", "bonus": "75.00" } ]"#;
        let mut t = setup(rules);
        for (i, (cents, day, refund_quarters)) in sales.iter().enumerate() {
            let day = format!("2026-03-{day:02}");
            t.sale(&format!("o{i}"), &day, &Money::new(*cents, usd()).format_amount());
            t.run();
            if i == paid_after {
                crate::support::pay_in_a_run(t.book.conn(), None, true);
            }
            if *refund_quarters > 0 {
                let back = (cents * i64::from(*refund_quarters) / 4).max(1);
                t.convert(&format!("o{i}/r"), ConversionKind::Refund, "2026-03-28", &Money::new(back, usd()).format_amount(), "USD");
                t.run();
            }
        }
        let report = what_if(&t.book, &WhatIfRequest {
            period: "2026-03".into(),
            plan: WhatIfPlan::Version { version_id: 1 },
        }, &partnerbook_book::progress::Quiet).unwrap();
        prop_assert_eq!(report.difference.minor, 0, "{:?}", report);
        prop_assert!(report.changed.is_empty());
    }
}
