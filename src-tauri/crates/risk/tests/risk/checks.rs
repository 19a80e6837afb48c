//! Each check: the cases that must flag, and the near misses that must not.

use crate::support::{coupon_sale, program, refund, sale, NewPartner};
use partnerbook_book::audit::Actor;
use partnerbook_partners::PartnerInput;
use partnerbook_risk::{Check, Severity};

#[test]
fn a_partner_buying_through_their_own_code_is_a_self_referral_whatever_the_spelling() {
    let mut r = program();
    r.partner(NewPartner {
        email: "ana.lima@gmail.com",
        ..NewPartner::default()
    });
    r.import(&[
        sale(
            "S1",
            "2026-03-02",
            "100.00",
            "AnaLima+deals@gmail.com",
            "ANA",
        ),
        sale(
            "S2",
            "2026-03-03",
            "100.00",
            "Ana.Lima@googlemail.com",
            "ANA",
        ),
        // Near miss: another Gmail user is just a customer.
        sale("S3", "2026-03-04", "100.00", "bruno.costa@gmail.com", "ANA"),
    ]);
    let report = r.scan();
    assert_eq!(report.holding, 2);
    let flags = r.open_of(Check::SelfReferral);
    let sales: Vec<_> = flags.iter().map(|f| f.sale.clone().unwrap()).collect();
    assert_eq!(sales, ["S2", "S1"], "newest first");
    assert!(flags.iter().all(|f| f.hold && f.severity == Severity::High));
    assert!(
        flags[1]
            .evidence
            .contains("AnaLima+deals@gmail.com is the partner's own (ana.lima@gmail.com)"),
        "{}",
        flags[1].evidence
    );
    assert_eq!(flags[0].covered_minor, 2000, "20% of 100.00");
    assert_eq!(r.open().len(), 2, "S3 raised nothing");
}

#[test]
fn the_partners_own_domain_website_and_payout_address_count_but_free_mail_does_not() {
    let mut r = program();
    r.partner(NewPartner {
        email: "ana@lima-media.pt",
        website: "https://www.anacooks.com/recipes",
        paypal: "payments.ana@outlook.com",
        ..NewPartner::default()
    });
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@gmail.com",
        code: "BRUNO",
        ..NewPartner::default()
    });
    r.import(&[
        sale("D1", "2026-03-02", "80.00", "office@lima-media.pt", "ANA"),
        sale(
            "W1",
            "2026-03-02",
            "80.00",
            "hello@shop.anacooks.com",
            "ANA",
        ),
        sale(
            "P1",
            "2026-03-02",
            "80.00",
            "payments.ana+1@outlook.com",
            "ANA",
        ),
        sale("G1", "2026-03-02", "80.00", "someone@gmail.com", "BRUNO"),
    ]);
    r.scan();
    let flags = r.open_of(Check::SelfReferral);
    let evidence: Vec<(String, String)> = flags
        .iter()
        .map(|f| (f.sale.clone().unwrap(), f.evidence.clone()))
        .collect();
    assert_eq!(evidence.len(), 3, "{evidence:?}");
    let of = |sale: &str| &evidence.iter().find(|(s, _)| s == sale).unwrap().1;
    assert!(
        of("D1").contains("at lima-media.pt, the partner's own email domain"),
        "{}",
        of("D1")
    );
    assert!(
        of("W1").contains("the domain of the partner's website (anacooks.com)"),
        "{}",
        of("W1")
    );
    assert!(
        of("P1").contains("is the address the partner is paid to"),
        "{}",
        of("P1")
    );
}

#[test]
fn a_customer_who_is_another_partner_and_a_disposable_address_ask_for_review() {
    let mut r = program();
    r.partner(NewPartner::default());
    r.partner(NewPartner {
        name: "Bruno Costa",
        email: "bruno@example.net",
        code: "BRUNO",
        ..NewPartner::default()
    });
    r.import(&[
        sale("S1", "2026-03-02", "50.00", "Bruno@Example.net", "ANA"),
        sale("S2", "2026-03-02", "50.00", "x7@mailinator.com", "ANA"),
        sale("S3", "2026-03-02", "50.00", "carla@example.com", "ANA"),
    ]);
    r.scan();
    let partner = r.open_of(Check::CustomerIsPartner);
    assert_eq!(partner.len(), 1);
    assert!(!partner[0].hold);
    assert!(
        partner[0].evidence.contains("is partner Bruno Costa"),
        "{}",
        partner[0].evidence
    );
    let disposable = r.open_of(Check::DisposableEmail);
    assert_eq!(disposable.len(), 1);
    assert!(disposable[0]
        .evidence
        .contains("mailinator.com, a disposable mailbox provider"));
    assert_eq!(r.open().len(), 2);
}

#[test]
fn partners_paid_to_one_account_are_flagged_until_it_is_no_longer_shared() {
    let mut r = program();
    let ana = r.partner(NewPartner {
        paypal: "pay@example.org",
        ..NewPartner::default()
    });
    let bruno = r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        paypal: " PAY@example.org",
        ..NewPartner::default()
    });
    r.partner(NewPartner {
        name: "Carla",
        email: "carla@example.org",
        code: "CARLA",
        paypal: "carla@example.org",
        ..NewPartner::default()
    });
    r.scan();
    let flags = r.open_of(Check::SharedPayoutAccount);
    let who: Vec<i64> = flags.iter().map(|f| f.partner_id).collect();
    assert_eq!(who, [ana, bruno]);
    assert!(
        flags[0].evidence.contains("pa…@example.org") && flags[0].evidence.contains("Bruno"),
        "{}",
        flags[0].evidence
    );
    assert!(flags.iter().all(|f| f.conversion_id.is_none()));

    let mut input = PartnerInput::from(&partnerbook_partners::get(&r.book, bruno).unwrap());
    input.payout.email = "bruno.pay@example.org".into();
    partnerbook_partners::update(&mut r.book, bruno, &input, "", Actor::User).unwrap();
    let report = r.scan();
    assert_eq!(report.closed, 2);
    assert!(r.open().is_empty());
}

#[test]
fn a_refund_spike_needs_volume_and_a_rate_far_above_the_programs() {
    let mut r = program();
    r.partner(NewPartner::default());
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        ..NewPartner::default()
    });
    r.partner(NewPartner {
        name: "Carla",
        email: "carla@example.org",
        code: "CARLA",
        ..NewPartner::default()
    });
    let mut rows = Vec::new();
    // Ana: 12 sales in March, 7 refunded. Bruno: 40 sales, 2 refunded.
    for i in 0..12 {
        rows.push(sale(
            &format!("A{i}"),
            "2026-03-05",
            "40.00",
            &format!("a{i}@example.com"),
            "ANA",
        ));
    }
    for i in 0..40 {
        rows.push(sale(
            &format!("B{i}"),
            "2026-03-06",
            "40.00",
            &format!("b{i}@example.com"),
            "BRUNO",
        ));
    }
    // Carla: one of two sales refunded (50%), below the volume floor.
    rows.push(sale("C0", "2026-03-06", "40.00", "c0@example.com", "CARLA"));
    rows.push(sale("C1", "2026-03-06", "40.00", "c1@example.com", "CARLA"));
    for i in 0..7 {
        rows.push(refund(
            &format!("RA{i}"),
            "2026-03-20",
            "40.00",
            &format!("A{i}"),
        ));
    }
    rows.push(refund("RB0", "2026-03-21", "40.00", "B0"));
    rows.push(refund("RB1", "2026-03-21", "40.00", "B1"));
    rows.push(refund("RC0", "2026-03-22", "40.00", "C0"));
    r.import(&rows);
    r.scan();
    let flags = r.open_of(Check::RefundSpike);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(flags[0].partner_name, "Ana Lima");
    assert_eq!(flags[0].flagged_on, "2026-03-20", "the day of the refund");
    assert_eq!(
        flags[0].evidence,
        "7 of 12 sales in 2026-03 were refunded or charged back (58%); across the program that month: 18% (10 of 54)."
    );
}

#[test]
fn velocity_compares_a_day_with_the_partners_own_month_before() {
    let mut r = program();
    r.partner(NewPartner::default());
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        ..NewPartner::default()
    });
    let mut rows = Vec::new();
    for d in 1..=28 {
        rows.push(sale(
            &format!("A{d}"),
            &format!("2026-02-{d:02}"),
            "30.00",
            &format!("a{d}@example.com"),
            "ANA",
        ));
    }
    for i in 0..12 {
        rows.push(sale(
            &format!("AX{i}"),
            "2026-03-02",
            "30.00",
            &format!("ax{i}@example.com"),
            "ANA",
        ));
    }
    // Bruno's 9 in a day are under the floor of 10.
    for i in 0..9 {
        rows.push(sale(
            &format!("BX{i}"),
            "2026-03-02",
            "30.00",
            &format!("bx{i}@example.com"),
            "BRUNO",
        ));
    }
    r.import(&rows);
    r.scan();
    let flags = r.open_of(Check::Velocity);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(
        flags[0].evidence,
        "12 sales on 2026-03-02; in the 30 days before, 0.9 a day on average (28 in all)."
    );
}

#[test]
fn one_customer_buying_five_times_in_a_day_is_a_burst_four_is_not() {
    let mut r = program();
    r.partner(NewPartner::default());
    let mut rows = Vec::new();
    for h in 0..5 {
        rows.push(sale(
            &format!("F{h}"),
            &format!("2026-03-02T{:02}:00:00Z", 10 + h * 3),
            "20.00",
            "fast@example.com",
            "ANA",
        ));
    }
    for h in 0..4 {
        rows.push(sale(
            &format!("S{h}"),
            &format!("2026-03-02T{:02}:00:00Z", 10 + h),
            "20.00",
            "slow@example.com",
            "ANA",
        ));
    }
    r.import(&rows);
    r.scan();
    let flags = r.open_of(Check::CustomerBurst);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert!(
        flags[0]
            .evidence
            .starts_with("The customer fast@example.com made 5 purchases within 24 hours"),
        "{}",
        flags[0].evidence
    );
}

#[test]
fn a_coupon_used_by_strangers_is_leakage_a_coupon_used_by_the_partners_audience_is_not() {
    let mut r = program();
    r.partner(NewPartner::default());
    r.partner(NewPartner {
        name: "Bruno",
        email: "bruno@example.org",
        code: "BRUNO",
        ..NewPartner::default()
    });
    let mut rows = Vec::new();
    for i in 0..20 {
        rows.push(coupon_sale(
            &format!("A{i}"),
            "2026-03-10",
            &format!("a{i}@example.com"),
            "ANA-COUPON",
        ));
    }
    // Bruno's 20 customers clicked his link first.
    for i in 0..20 {
        rows.push(format!("K{i},click,2026-03-01,,b{i}@example.com,BRUNO,,"));
        rows.push(coupon_sale(
            &format!("B{i}"),
            "2026-03-10",
            &format!("b{i}@example.com"),
            "BRUNO-COUPON",
        ));
    }
    r.import(&rows);
    r.scan();
    let flags = r.open_of(Check::CouponLeakage);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(flags[0].partner_name, "Ana Lima");
    assert!(!flags[0].hold, "flagged for review, not held, by default");
    assert!(flags[0].evidence.contains(
        "ANA-COUPON was used by 20 customers in 2026-03; 20 of them had no link or touch"
    ));
}

#[test]
fn a_second_scan_raises_nothing_again_and_an_import_scan_reads_only_new_rows() {
    let mut r = program();
    r.partner(NewPartner {
        email: "ana@example.org",
        ..NewPartner::default()
    });
    r.import(&[sale("S1", "2026-03-02", "100.00", "ana@example.org", "ANA")]);
    assert_eq!(r.scan().total(), 1);
    assert_eq!(r.scan().total(), 0);
    let mark = partnerbook_risk::watermark(&r.book).unwrap();
    r.import(&[sale(
        "S2",
        "2026-03-09",
        "100.00",
        "ana+2@example.org",
        "ANA",
    )]);
    let report = partnerbook_risk::scan_since(
        &mut r.book,
        mark,
        Actor::User,
        &partnerbook_book::progress::Quiet,
    )
    .unwrap();
    assert_eq!(report.since, Some(mark));
    assert_eq!(report.total(), 1);
    assert_eq!(r.open().len(), 2);
}
