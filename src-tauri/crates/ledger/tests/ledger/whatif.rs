//! What-if: the same rules reproduce the book to the cent; other rules give
//! the difference a hand computation gives; nothing is written.

use crate::support::*;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::*;
use partnerbook_ledger::conversions::ConversionKind;
use partnerbook_ledger::plans::PlanFile;

const TIERED: &str = r#"[
    { "id": "tiers", "kind": "tiered", "mode": "marginal",
      "tiers": [ { "from": "0.00", "rate": "10%" }, { "from": "1000.00", "rate": "20%" } ] },
    { "id": "parent", "kind": "two_tier", "rate": "10%" },
    { "id": "target", "kind": "target_bonus", "threshold": "1500.00", "bonus": "100.00" } ]"#;

/// March: three sales (one partly refunded, one declined), one in April.
fn march(rules: &str) -> T {
    let mut t = setup(rules);
    t.sale("o1", "2026-03-02", "800.00")
        .sale("o2", "2026-03-10", "600.00")
        .sale("o3", "2026-03-20", "400.00")
        .sale("o4", "2026-04-02", "900.00");
    t.run();
    t.convert(
        "o2/r1",
        ConversionKind::Refund,
        "2026-03-12",
        "150.00",
        "USD",
    );
    t.run();
    let o3: i64 = t
        .book
        .conn()
        .query_row(
            "SELECT k.id FROM commissions k JOIN conversions c ON c.id = k.conversion_id
              WHERE c.external_id = 'o3' AND k.line = 'direct'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    decline(&mut t.book, o3, "self-referral", Actor::User).unwrap();
    t
}

fn try_version(t: &T, version_id: i64) -> WhatIfReport {
    let request = WhatIfRequest {
        period: "2026-03".into(),
        plan: WhatIfPlan::Version { version_id },
    };
    what_if(&t.book, &request, &Quiet).unwrap()
}

#[test]
fn the_rules_in_force_reproduce_the_book_to_the_cent() {
    let t = march(TIERED);
    let report = try_version(&t, 1);
    // Ana: 10% of 800 = 80; o2 kept 450 of its 600 (a 150 refund), which
    // fills 800 to 1,250 of the month: 200 at 10% + 250 at 20% = 70 (its
    // line of 100, less 25 refunded pro rata, trued up by -5); o3 declined;
    // the month nets 1,650, so the 1,500 target's bonus of 100 → 250.
    // Pat: 10% of Ana's commission on each sale: 8 on o1, 8 on o3 (her
    // line was declined, his was not), and on o2 his share follows her line
    // to the month's slices: 10% of 93.33 = 9.33, less a quarter refunded
    // = 7.00; 23.00 in all.
    assert_eq!(report.changed, [], "{report:?}");
    assert_eq!(report.difference.minor, 0);
    assert_eq!(report.actual_total, report.scenario_total);
    assert_eq!(report.conversions, 3, "April is another period");
    assert_eq!(report.unchanged, 2, "Ana and Pat");
    let ana_march: i64 = t
        .book
        .conn()
        .query_row(
            "SELECT sum(amount_minor) FROM commissions WHERE partner_id = ?1 AND state NOT IN ('declined', 'reversed')
               AND (conversion_id IN (SELECT id FROM conversions WHERE occurred_at < '2026-04')
                    OR related_id IS NOT NULL OR kind = 'bonus')",
            [t.ana],
            |r| r.get(0),
        )
        .unwrap();
    let adjustments: i64 = t
        .book
        .conn()
        .query_row(
            "SELECT sum(amount_minor) FROM commissions WHERE partner_id = ?1 AND kind = 'adjustment'",
            [t.ana],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!((ana_march, adjustments), (25500, -500));
    assert_eq!(report.actual_total.minor, 25000 + 2300);
}

#[test]
fn other_rules_show_the_difference_per_partner_and_in_total() {
    let t = march(TIERED);
    // A flat 25% plan, tried as a new version of the same plan.
    let file: PlanFile = serde_json::from_str(
        r#"{ "name": "Creators", "versions": [ { "effective_from": "2026-06-01",
             "rules": [ { "id": "flat25", "kind": "percentage", "rate": "25%" } ] } ] }"#,
    )
    .unwrap();
    let before: i64 = t
        .book
        .conn()
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    let report = what_if(
        &t.book,
        &WhatIfRequest {
            period: "2026-03".into(),
            plan: WhatIfPlan::File { plan: file },
        },
        &Quiet,
    )
    .unwrap();
    let after: i64 = t
        .book
        .conn()
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after, "nothing written");
    // Ana: 25% of 800 = 200; of 600 = 150 less a quarter (37.50) = 112.50;
    // o3 stays declined; no bonus rule → 312.50 (the book: 250, above).
    // Pat: no two-tier rule → 0.
    let ana = report
        .changed
        .iter()
        .find(|r| r.partner_id == t.ana)
        .unwrap();
    assert_eq!((ana.actual.minor, ana.scenario.minor), (25000, 31250));
    assert_eq!(ana.difference.minor, 6250);
    let pat = report
        .changed
        .iter()
        .find(|r| r.partner_id == t.pat)
        .unwrap();
    assert_eq!(pat.scenario.minor, 0);
    assert_eq!(
        report.difference.minor,
        report.scenario_total.minor - report.actual_total.minor
    );
    assert_eq!(pat.actual.minor, 2300);
    assert_eq!(report.difference.minor, 6250 - 2300);
    assert!(
        report.applies_to.contains("Creators"),
        "{}",
        report.applies_to
    );
    // And the book still holds what it held.
    assert_eq!(try_version(&t, 1).difference.minor, 0);
}

#[test]
fn a_plan_the_book_does_not_have_applies_to_everyone() {
    let t = march(TIERED);
    let file: PlanFile = serde_json::from_str(
        r#"{ "name": "Flat fee", "versions": [ { "effective_from": "2026-01-01",
             "rules": [ { "id": "cpa", "kind": "flat", "amount": "20.00" } ] } ] }"#,
    )
    .unwrap();
    let report = what_if(
        &t.book,
        &WhatIfRequest {
            period: "2026-03".into(),
            plan: WhatIfPlan::File { plan: file },
        },
        &Quiet,
    )
    .unwrap();
    assert!(report.applies_to.starts_with("every partner"));
    // $20 per sale: o1 20; o2 20 less a quarter (5) = 15; o3 declined → 35.
    let ana = report
        .changed
        .iter()
        .find(|r| r.partner_id == t.ana)
        .unwrap();
    assert_eq!(ana.scenario.minor, 3500);
}

#[test]
fn a_bad_period_is_named() {
    let t = march(TIERED);
    let err = what_if(
        &t.book,
        &WhatIfRequest {
            period: "March".into(),
            plan: WhatIfPlan::Version { version_id: 1 },
        },
        &Quiet,
    )
    .unwrap_err();
    assert!(err.to_string().contains("period"), "{err}");
}
