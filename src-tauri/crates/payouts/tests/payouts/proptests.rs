//! The money invariants of PRODUCT.md under random sequences of runs:
//! a partner's balance is approved − paid (with adjustments); a run's total
//! is the sum of its lines; a paid payout is exactly its commissions and
//! adjustments; no commission is in two payouts.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::*;
use partnerbook_testkit::program;
use proptest::prelude::*;
use rusqlite::Connection;

#[derive(Clone, Debug)]
enum Step {
    Earn {
        partner: usize,
        minor: i64,
        day: u32,
    },
    Run {
        day: u32,
    },
    Adjust {
        partner: usize,
        minor: i64,
    },
    Approve,
    Discard,
    Pay {
        partner: Option<usize>,
    },
    Fail {
        partner: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..3usize, -3_000i64..20_000, 1..28u32).prop_map(|(partner, minor, day)| Step::Earn { partner, minor, day }),
        2 => (1..28u32).prop_map(|day| Step::Run { day }),
        1 => (0..3usize, -5_000i64..5_000).prop_map(|(partner, minor)| Step::Adjust { partner, minor }),
        2 => Just(Step::Approve),
        1 => Just(Step::Discard),
        2 => proptest::option::of(0..3usize).prop_map(|partner| Step::Pay { partner }),
        1 => (0..3usize).prop_map(|partner| Step::Fail { partner }),
    ]
}

fn check(conn: &Connection, book: &partnerbook_book::Book, partners: &[i64]) {
    for &id in partners {
        let b = balance(book, id).unwrap();
        assert_eq!(
            b.balance.minor,
            b.approved.minor + b.in_payout.minor + b.open_adjustments.minor,
            "partner {id}: {b:?}"
        );
    }
    let runs: Vec<i64> = conn
        .prepare("SELECT id FROM payout_runs")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for run in runs {
        let r = get_run_in(conn, run).unwrap();
        let sum: i64 = conn
            .query_row(
                "SELECT coalesce(sum(balance_minor), 0) FROM payouts WHERE run_id = ?1 AND status <> 'held'",
                [run],
                |x| x.get(0),
            )
            .unwrap();
        assert_eq!(r.total.minor, sum);
    }
    // Paid and pending payouts hold exactly what they claimed.
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM payouts p WHERE p.status IN ('draft', 'pending', 'paid') AND p.balance_minor <>
               (SELECT coalesce(sum(amount_minor), 0) FROM commissions WHERE payout_id = p.id)
             + (SELECT coalesce(sum(amount_minor), 0) FROM payout_adjustments WHERE payout_id = p.id)",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0, "a payout differs from what it claimed");
    let stray: i64 = conn
        .query_row(
            "SELECT count(*) FROM commissions WHERE (state IN ('in_payout', 'paid')) <> (payout_id IS NOT NULL)",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(stray, 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn balances_runs_and_claims_always_add_up(steps in proptest::collection::vec(step(), 1..25)) {
        let mut p = program();
        let partners = [
            p.partner("Ana Lima", PayoutMethod::Paypal),
            p.partner("Bo Berg", PayoutMethod::Iban),
            p.partner("Cy Chen", PayoutMethod::Wise),
        ];
        let mut draft: Option<i64> = None;
        let mut approved: Vec<i64> = Vec::new();
        for s in steps {
            match s {
                Step::Earn { partner, minor, day } => {
                    if minor != 0 {
                        p.approved(partners[partner], minor, &format!("2026-11-{day:02}"));
                    }
                }
                Step::Run { day } => {
                    if draft.is_none() {
                        draft = Some(create(&mut p.book, &format!("2026-11-{day:02}"), Actor::User, &Quiet).unwrap().id);
                    }
                }
                Step::Adjust { partner, minor } => {
                    if let (Some(run), true) = (draft, minor != 0) {
                        let amount = partnerbook_testkit::eur(minor);
                        add_adjustment(&mut p.book, run, partners[partner], &amount.to_decimal().to_string(),
                            Some(AdjustmentKind::Correction), "test", Actor::User).unwrap();
                    }
                }
                Step::Approve => {
                    if let Some(run) = draft.take() {
                        approve(&mut p.book, run, Actor::User, &Quiet).unwrap();
                        approved.push(run);
                    }
                }
                Step::Discard => {
                    if let Some(run) = draft.take() {
                        discard(&mut p.book, run, Actor::User).unwrap();
                    }
                }
                Step::Pay { partner } => {
                    if let Some(&run) = approved.last() {
                        mark_paid(&mut p.book, run, partner.map(|i| partners[i]), "REF", Actor::User).unwrap();
                    }
                }
                Step::Fail { partner } => {
                    if let Some(&run) = approved.last() {
                        let _ = mark_failed(&mut p.book, run, partners[partner], "bounced", Actor::User);
                    }
                }
            }
            check(p.book.conn(), &p.book, &partners);
        }
    }
}
