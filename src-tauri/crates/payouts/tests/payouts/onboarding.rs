//! The checklist on real books: who is stuck where, a new terms version
//! sending everyone back to accept, the manager's changes, reminders once
//! per period, and payout runs holding whoever is not done.

use chrono::NaiveDate;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::onboarding::*;
use partnerbook_partners::PartnerStatus;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::{create, PayoutStatus};
use partnerbook_testkit::program;

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

#[test]
fn the_board_shows_who_is_stuck_where_and_a_new_terms_version_counts() {
    let mut p = program();
    let ready = p.partner("Rita Ready", PayoutMethod::Paypal);
    let fresh = p.partner("Fred Fresh", PayoutMethod::None);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET welcome_sent_at = NULL, approved_at = '2026-11-01T09:00:00Z', tax_status = 'none',
                    terms_version = '' WHERE id = ?1",
            [fresh],
        )
        .unwrap();
    let board = list(&p.book, day("2026-11-30"), false).unwrap();
    assert_eq!(board.len(), 1);
    let row = &board[0];
    assert_eq!(row.partner_id, fresh);
    assert_eq!(row.stuck_on, Some(Step::Terms));
    assert_eq!(row.days_waiting, Some(29));
    assert_eq!(
        row.steps
            .iter()
            .filter(|s| !s.done)
            .map(|s| s.detail.as_str())
            .collect::<Vec<_>>(),
        [
            "terms not accepted",
            "tax form missing",
            "no payout method",
            "welcome kit not sent"
        ]
    );
    // Publishing new terms sends the ready partner back to accept them.
    terms::publish(&mut p.book, "2026-12", "The new terms.", Actor::User).unwrap();
    let board = list(&p.book, day("2026-11-30"), false).unwrap();
    let rita = board.iter().find(|r| r.partner_id == ready).unwrap();
    assert_eq!(
        rita.steps[0].detail,
        "terms 2026-12 not accepted (accepted 2026-01)"
    );
    let err = set(
        &mut p.book,
        ready,
        &OnboardingChange {
            terms: Some("2027-01".into()),
            ..Default::default()
        },
        Actor::User,
    )
    .unwrap_err();
    assert!(err.to_string().contains("never published"), "{err}");
    let row = set(
        &mut p.book,
        ready,
        &OnboardingChange {
            terms: Some("2026-12".into()),
            ..Default::default()
        },
        Actor::User,
    )
    .unwrap();
    assert!(row.complete, "{row:?}");
    assert!(terms::publish(&mut p.book, "2026-12", "again", Actor::User).is_err());
}

#[test]
fn payout_runs_hold_partners_whose_onboarding_is_incomplete() {
    let mut p = program();
    let done = p.partner("Dana Done", PayoutMethod::Paypal);
    let new = p.partner("Nico New", PayoutMethod::Paypal);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET welcome_sent_at = NULL WHERE id = ?1",
            [new],
        )
        .unwrap();
    p.approved(done, 10_000, "2026-11-01");
    p.approved(new, 10_000, "2026-11-01");
    terms::publish(&mut p.book, "v2", "Terms v2", Actor::User).unwrap();
    set(
        &mut p.book,
        done,
        &OnboardingChange {
            terms: Some("v2".into()),
            ..Default::default()
        },
        Actor::User,
    )
    .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let lines = partnerbook_payouts::lines(
        &p.book,
        &partnerbook_payouts::LineQuery {
            run_id: run.id,
            ..Default::default()
        },
    )
    .unwrap()
    .rows;
    let nico = lines.iter().find(|l| l.partner_id == new).unwrap();
    assert_eq!(nico.status, PayoutStatus::Held);
    assert_eq!(
        nico.blocked,
        ["onboarding incomplete: terms v2 not accepted (accepted 2026-01), welcome kit not sent"]
    );
    let dana = lines.iter().find(|l| l.partner_id == done).unwrap();
    assert!(dana.blocked.is_empty(), "{:?}", dana.blocked);
    // Marking the welcome kit sent and accepting the terms clears it.
    let row = set(
        &mut p.book,
        new,
        &OnboardingChange {
            terms: Some("v2".into()),
            welcome_sent: true,
            ..Default::default()
        },
        Actor::User,
    )
    .unwrap();
    assert!(row.complete);
    assert_eq!(
        partnerbook_partners::get(&p.book, new).unwrap().status,
        PartnerStatus::Active
    );
}
