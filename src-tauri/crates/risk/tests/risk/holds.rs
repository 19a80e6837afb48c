//! What a flag does to money: a held line is not approved or paid until the
//! flag is cleared or its sale declined; a flag only asks for review.

use crate::support::{program, sale, NewPartner};
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions;
use partnerbook_risk::settings::{self, parse_change};
use partnerbook_risk::{Action, Check, FlagStatus};

#[test]
fn a_held_self_referral_is_neither_approved_nor_paid_until_cleared() {
    let mut r = program();
    let ana = r.partner(NewPartner::default());
    r.import(&[
        sale("S1", "2026-03-02", "1000.00", "ana+me@example.org", "ANA"),
        sale("S2", "2026-03-02", "1000.00", "carla@example.com", "ANA"),
    ]);
    r.scan();
    let flag = r.open_of(Check::SelfReferral).remove(0);

    commissions::approve_due(&mut r.book, "2026-06-01", Actor::User).unwrap();
    assert_eq!(r.state("S1"), "pending", "held");
    assert_eq!(r.state("S2"), "approved");
    let held = commissions::list(
        &r.book,
        &commissions::CommissionQuery {
            held: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        held.total, 1,
        "the Commissions screen's held filter shows it"
    );
    assert_eq!(
        held.rows[0].hold_reason.as_deref(),
        Some(
            format!(
                "held by risk flag #{} (self referral): clear or decline it on the Risk screen",
                flag.id
            )
            .as_str()
        )
    );
    let why = commissions::explain(&r.book, r.line("S1").0).unwrap();
    assert!(
        why.contains(&format!(
            "Held by risk flag #{} (self referral): The customer's email ana+me@example.org",
            flag.id
        )),
        "{why}"
    );

    let run = partnerbook_payouts::create(&mut r.book, "2026-06-01", Actor::User, &Quiet).unwrap();
    assert_eq!(r.state("S2"), "in_payout");
    assert_eq!(r.state("S1"), "pending");
    let ready = partnerbook_payouts::readiness(&r.book, run.id).unwrap();
    let held: Vec<_> = ready
        .items
        .iter()
        .filter(|i| i.check == "risk_hold")
        .collect();
    assert_eq!(held.len(), 1, "{:?}", ready.items);
    assert_eq!(held[0].partner_id, ana);
    assert!(
        held[0]
            .message
            .starts_with("risk flags hold 200.00 EUR (1 line) out of this run"),
        "{}",
        held[0].message
    );
    partnerbook_payouts::discard(&mut r.book, run.id, Actor::User).unwrap();

    partnerbook_risk::clear(
        &mut r.book,
        &[flag.id],
        "Ana bought it as a gift for a client",
        Actor::User,
    )
    .unwrap();
    commissions::approve_due(&mut r.book, "2026-06-01", Actor::User).unwrap();
    assert_eq!(
        r.state("S1"),
        "approved",
        "cleared: it follows its normal dates"
    );
    let why = commissions::explain(&r.book, r.line("S1").0).unwrap();
    assert!(!why.contains("risk flag"), "{why}");
}

#[test]
fn a_hold_raised_while_a_draft_run_exists_takes_the_line_out_of_the_draft() {
    let mut r = program();
    settings::set(
        &mut r.book,
        &[parse_change("customer_is_partner=hold").unwrap()],
        Actor::User,
    )
    .unwrap();
    r.partner(NewPartner::default());
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        ..NewPartner::default()
    });
    r.import(&[
        sale("S1", "2026-03-02", "1000.00", "bruno@example.org", "ANA"),
        sale("S2", "2026-03-02", "1000.00", "carla@example.com", "ANA"),
    ]);
    commissions::approve_due(&mut r.book, "2026-06-01", Actor::User).unwrap();
    partnerbook_payouts::create(&mut r.book, "2026-06-01", Actor::User, &Quiet).unwrap();
    assert_eq!(r.state("S1"), "in_payout");

    let report = r.scan();
    assert_eq!(report.holding, 1);
    partnerbook_payouts::refresh_draft(&mut r.book, Actor::User).unwrap();
    assert_eq!(
        r.state("S1"),
        "approved",
        "given back by the draft, and not claimed again"
    );
    assert_eq!(r.state("S2"), "in_payout");
}

#[test]
fn declining_a_flag_declines_the_sales_lines_and_all_or_nothing() {
    let mut r = program();
    r.partner(NewPartner {
        paypal: "shared@example.org",
        ..NewPartner::default()
    });
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        paypal: "shared@example.org",
        ..NewPartner::default()
    });
    r.import(&[sale("S1", "2026-03-02", "500.00", "ana@example.org", "ANA")]);
    r.scan();
    let sale_flag = r.open_of(Check::SelfReferral).remove(0);
    let account_flag = r.open_of(Check::SharedPayoutAccount).remove(0);

    let err = partnerbook_risk::decline(
        &mut r.book,
        &[sale_flag.id, account_flag.id],
        "self-referral",
        Actor::User,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("is about the partner, not a sale"),
        "{err}"
    );
    assert_eq!(r.state("S1"), "pending", "nothing declined");
    let err =
        partnerbook_risk::clear(&mut r.book, &[sale_flag.id, 999], "ok", Actor::User).unwrap_err();
    assert!(
        err.to_string().contains("risk flag #999 not found"),
        "{err}"
    );
    assert_eq!(r.open().len(), 3, "nothing cleared");
    let err =
        partnerbook_risk::decline(&mut r.book, &[sale_flag.id], "  ", Actor::User).unwrap_err();
    assert!(err.to_string().starts_with("reason:"), "{err}");

    let report = partnerbook_risk::decline(
        &mut r.book,
        &[sale_flag.id],
        "bought through her own code",
        Actor::User,
    )
    .unwrap();
    assert_eq!(
        (report.flags, report.commissions, report.amount_minor),
        (1, 1, 10000)
    );
    assert_eq!(r.state("S1"), "declined");
    let why = commissions::explain(&r.book, r.line("S1").0).unwrap();
    assert!(
        why.contains(&format!(
            "Declined: risk flag #{}: bought through her own code.",
            sale_flag.id
        )),
        "{why}"
    );
    let q = partnerbook_risk::FlagQuery {
        status: Some(FlagStatus::Declined),
        ..Default::default()
    };
    let declined = partnerbook_risk::list(&r.book, &q).unwrap().rows;
    assert_eq!(
        declined[0].reason.as_deref(),
        Some("bought through her own code")
    );
    let err = partnerbook_risk::clear(&mut r.book, &[sale_flag.id], "changed my mind", Actor::User)
        .unwrap_err();
    assert!(err.to_string().contains("is already declined"), "{err}");
}

#[test]
fn a_check_turned_off_raises_nothing_and_a_partner_hold_holds_all_their_lines() {
    let mut r = program();
    settings::set(
        &mut r.book,
        &[
            (Check::SelfReferral, Action::Off),
            (Check::SharedPayoutAccount, Action::Hold),
        ],
        Actor::User,
    )
    .unwrap();
    r.partner(NewPartner {
        paypal: "shared@example.org",
        ..NewPartner::default()
    });
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        paypal: "shared@example.org",
        ..NewPartner::default()
    });
    r.import(&[
        sale("S1", "2026-03-02", "500.00", "ana@example.org", "ANA"),
        sale("S2", "2026-03-03", "500.00", "carla@example.com", "BRUNO"),
    ]);
    let report = r.scan();
    assert_eq!(report.holding, 2);
    assert!(r.open_of(Check::SelfReferral).is_empty());
    commissions::approve_due(&mut r.book, "2026-06-01", Actor::User).unwrap();
    assert_eq!(
        (r.state("S1"), r.state("S2")),
        ("pending".into(), "pending".into())
    );

    let all = settings::get(r.book.conn()).unwrap();
    assert_eq!(all.len(), Check::ALL.len());
    assert_eq!(
        all.iter()
            .find(|s| s.check == Check::Velocity)
            .unwrap()
            .action,
        Action::Flag
    );
    for bad in ["velocity", "speed=hold", "velocity=block"] {
        assert!(parse_change(bad).is_err(), "{bad}");
    }
}
