use crate::support::with_payer;
use partnerbook_book::audit::Actor;
use partnerbook_book::money::Currency;
use partnerbook_book::money::Money;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::timeline;
use partnerbook_partners::{PartnerInput, PayoutMethod, TaxStatus};
use partnerbook_payouts::*;
use partnerbook_testkit::{eur, program};

fn line_of(p: &partnerbook_testkit::P, run: i64, partner: i64) -> PayoutLine {
    lines(
        &p.book,
        &LineQuery {
            run_id: run,
            ..LineQuery::default()
        },
    )
    .unwrap()
    .rows
    .into_iter()
    .find(|l| l.partner_id == partner)
    .unwrap()
}

#[test]
fn a_draft_pays_the_ready_and_says_why_not_for_the_rest() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let small = p.partner("Sam Small", PayoutMethod::Paypal);
    let nomethod = p.partner("Nia None", PayoutMethod::None);
    let a = p.approved(zoe, 6000, "2026-11-01");
    let b = p.approved(zoe, 4000, "2026-11-20");
    let later = p.approved(zoe, 9999, "2026-12-05");
    p.approved(small, 4999, "2026-11-01");
    p.approved(nomethod, 7000, "2026-11-01");
    let pending = p.line(zoe, 5000, "2026-11-01", "pending");

    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!((run.paid_count, run.held_count), (1, 2));
    assert_eq!(run.total, eur(10_000));
    assert_eq!(run.carried_forward, eur(11_999));
    assert_eq!(run.pay_totals, vec![eur(10_000)]);

    let z = line_of(&p, run.id, zoe);
    assert_eq!(z.status, PayoutStatus::Draft);
    assert_eq!(z.pay, Some(eur(10_000)));
    assert!(z.blocked.is_empty());
    assert_eq!(z.account_masked, "zo…@example.com");
    assert_eq!(
        line_of(&p, run.id, small).blocked,
        ["below the minimum payout of 50.00 EUR (balance 49.99 EUR)"]
    );
    assert_eq!(line_of(&p, run.id, nomethod).blocked, ["no payout method"]);

    // Claimed: exactly the paid partner's lines due by the cut-off.
    let payout = Some(z.id);
    assert_eq!(p.state_of(a), ("in_payout".into(), payout));
    assert_eq!(p.state_of(b), ("in_payout".into(), payout));
    assert_eq!(p.state_of(later), ("approved".into(), None));
    assert_eq!(p.state_of(pending), ("pending".into(), None));

    let err = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap_err();
    assert!(err.to_string().contains("run #1 is still a draft"), "{err}");
}

#[test]
fn clawbacks_net_and_a_negative_balance_carries() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Iban);
    let bo = p.partner("Bo Berg", PayoutMethod::Iban);
    p.approved(ana, 10_000, "2026-11-01");
    p.approved(ana, -2_500, "2026-11-02");
    p.approved(bo, 1_000, "2026-11-01");
    p.approved(bo, -3_000, "2026-11-02");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let a = line_of(&p, run.id, ana);
    assert_eq!(
        (a.commissions, a.clawbacks, a.balance),
        (eur(10_000), eur(-2_500), eur(7_500))
    );
    let b = line_of(&p, run.id, bo);
    assert_eq!(b.balance, eur(-2_000));
    assert_eq!(
        b.blocked,
        ["negative balance -20.00 EUR: netted against later commissions"]
    );
}

#[test]
fn discarding_gives_every_commission_back_untouched() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let c = p.approved(zoe, 12_345, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    add_adjustment(
        &mut p.book,
        run.id,
        zoe,
        "10.00",
        None,
        "launch bonus",
        Actor::User,
    )
    .unwrap();
    let done = discard(&mut p.book, run.id, Actor::User).unwrap();
    assert_eq!(done.status, RunStatus::Discarded);
    assert_eq!(p.state_of(c), ("approved".into(), None));
    let amount: i64 = p
        .book
        .conn()
        .query_row(
            "SELECT amount_minor FROM commissions WHERE id = ?1",
            [c],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(amount, 12_345);
    // The bonus stays open and is paid by the next run.
    let next = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(next.id, run.id + 1);
    let l = line_of(&p, next.id, zoe);
    assert_eq!((l.adjustments, l.balance), (eur(1_000), eur(13_345)));
}

#[test]
fn adjustments_need_a_reason_and_show_at_once() {
    let mut p = program();
    let sam = p.partner("Sam Small", PayoutMethod::Paypal);
    p.approved(sam, 4_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(line_of(&p, run.id, sam).status, PayoutStatus::Held);
    let err =
        add_adjustment(&mut p.book, run.id, sam, "20.00", None, "  ", Actor::User).unwrap_err();
    assert!(err.to_string().contains("reason"), "{err}");
    let err = add_adjustment(
        &mut p.book,
        run.id,
        sam,
        "5.00",
        Some(AdjustmentKind::Clawback),
        "x",
        Actor::User,
    )
    .unwrap_err();
    assert!(err.to_string().contains("negative"), "{err}");
    let adj = add_adjustment(
        &mut p.book,
        run.id,
        sam,
        "20.00",
        None,
        "webinar co-host",
        Actor::User,
    )
    .unwrap();
    assert_eq!(adj.kind, AdjustmentKind::Bonus);
    let l = line_of(&p, run.id, sam);
    assert_eq!(
        (l.status, l.balance, l.pay),
        (PayoutStatus::Draft, eur(6_000), Some(eur(6_000)))
    );
    remove_adjustment(&mut p.book, run.id, adj.id, Actor::User).unwrap();
    assert_eq!(line_of(&p, run.id, sam).status, PayoutStatus::Held);
}

#[test]
fn approving_backs_up_fingerprints_and_locks_the_run() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let c = p.approved(zoe, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    add_adjustment(&mut p.book, run.id, zoe, "5.00", None, "bonus", Actor::User).unwrap();
    let draft_fingerprint = fingerprint_of(p.book.conn(), run.id).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    assert_eq!(run.status, RunStatus::Approved);
    let fp = run.fingerprint.clone().unwrap();
    assert_eq!(fp.len(), 64);
    assert_eq!(fp, draft_fingerprint);
    assert!(verify(&p.book, run.id).unwrap());
    assert!(std::path::Path::new(run.backup_path.as_ref().unwrap()).exists());
    assert_eq!(line_of(&p, run.id, zoe).status, PayoutStatus::Pending);

    let conn = p.book.conn();
    let refused = [
        "UPDATE payouts SET pay_minor = 1 WHERE run_id = 1",
        "UPDATE payouts SET status = 'held', blocked = 'x' WHERE run_id = 1",
        "DELETE FROM payouts WHERE run_id = 1",
        "UPDATE payout_runs SET through = '2026-12-31' WHERE id = 1",
        "DELETE FROM payout_runs WHERE id = 1",
        "UPDATE commissions SET amount_minor = 1 WHERE payout_id IS NOT NULL",
        "UPDATE commissions SET state = 'approved', payout_id = NULL WHERE payout_id IS NOT NULL",
        "UPDATE commissions SET state = 'paid' WHERE payout_id IS NOT NULL",
        "UPDATE payout_adjustments SET amount_minor = 1",
        "DELETE FROM payout_adjustments",
    ];
    for sql in refused {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(
            err.contains("locked") || err.contains("kept") || err.contains("settled"),
            "{sql}: {err}"
        );
    }
    assert_eq!(p.state_of(c).0, "in_payout");
    assert!(approve(&mut p.book, run.id, Actor::User, &Quiet).is_err());
    assert!(discard(&mut p.book, run.id, Actor::User).is_err());
    let tl = timeline::list(&p.book, zoe).unwrap();
    assert!(
        tl.iter()
            .any(|a| a.summary == "Payout of 105.00 EUR approved in run #1"),
        "{tl:?}"
    );
}

#[test]
fn a_commission_is_never_in_two_payouts() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let first = p.approved(zoe, 10_000, "2026-10-01");
    let run = create(&mut p.book, "2026-10-31", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let second = p.approved(zoe, 7_000, "2026-11-01");
    let next = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let l = line_of(&p, next.id, zoe);
    assert_eq!(l.balance, eur(7_000));
    assert_eq!(p.state_of(second), ("in_payout".into(), Some(l.id)));
    assert_ne!(p.state_of(first).1, Some(l.id));
    // The claim is one column, set exactly while in a payout.
    let err = p
        .book
        .conn()
        .execute(
            "UPDATE commissions SET payout_id = NULL WHERE id = ?1",
            [second],
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("exactly while in_payout or paid"),
        "{err}"
    );
}

#[test]
fn paying_and_failing_settle_the_ledger() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    let z = p.approved(zoe, 10_000, "2026-11-01");
    let b = p.approved(bo, 8_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    add_adjustment(
        &mut p.book,
        run.id,
        bo,
        "-5.00",
        Some(AdjustmentKind::Correction),
        "double-counted sale",
        Actor::User,
    )
    .unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    assert!(mark_paid(&mut p.book, run.id, Some(zoe), " ", Actor::User).is_err());
    assert_eq!(
        mark_paid(&mut p.book, run.id, Some(zoe), "PP-123", Actor::User).unwrap(),
        1
    );
    mark_failed(
        &mut p.book,
        run.id,
        bo,
        "PayPal account closed",
        Actor::User,
    )
    .unwrap();
    assert_eq!(p.state_of(z).0, "paid");
    assert_eq!(p.state_of(b), ("approved".into(), None));
    let zb = balance(&p.book, zoe).unwrap();
    assert_eq!((zb.paid, zb.balance), (eur(10_000), eur(0)));
    let bb = balance(&p.book, bo).unwrap();
    assert_eq!(
        (bb.approved, bb.open_adjustments, bb.balance),
        (eur(8_000), eur(-500), eur(7_500))
    );
    let tl = timeline::list(&p.book, bo).unwrap();
    assert!(tl
        .iter()
        .any(|a| a.summary == "Payout of 75.00 EUR failed (run #1)"
            && a.body.starts_with("PayPal account closed")));
    // Settled payouts stay settled.
    assert_eq!(
        mark_paid(&mut p.book, run.id, None, "again", Actor::User).unwrap(),
        0
    );
    // The failed amount, correction included, is paid by the next run.
    let next = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let l = line_of(&p, next.id, bo);
    assert_eq!((l.balance, l.carried), (eur(7_500), eur(8_000)));
}

#[test]
fn payouts_in_another_currency_use_the_cut_off_rate_or_wait_for_one() {
    let mut p = program();
    let mut gb = PartnerInput::new("Gwen Hughes", "gwen@example.co.uk");
    gb.terms_version = "2026-01".into();
    gb.tax.status = TaxStatus::W9;
    gb.payout.method = PayoutMethod::Paypal;
    gb.payout.email = "gwen@example.co.uk".into();
    gb.payout_currency = "GBP".into();
    let gwen = p.partner_with(gb);
    p.approved(gwen, 10_001, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(
        line_of(&p, run.id, gwen).blocked,
        ["no EUR→GBP exchange rate on or before 2026-11-30"]
    );
    discard(&mut p.book, run.id, Actor::User).unwrap();
    p.book
        .conn()
        .execute(
            "INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-27', 'EUR', 'GBP', '0.8345', 'ECB')",
            [],
        )
        .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let l = line_of(&p, run.id, gwen);
    // 100.01 × 0.8345 = 83.458345 → 83.46 GBP (half-up).
    assert_eq!(
        l.pay,
        Some(Money::new(8_346, Currency::from_code("GBP").unwrap()))
    );
    assert_eq!(l.fx_rate.as_deref(), Some("0.8345"));
}

#[test]
fn readiness_lists_every_blocker_and_risk_in_one_place() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let twin = p.partner("Zed Twin", PayoutMethod::Paypal);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET payout_email = 'zoe.adams@example.com' WHERE id = ?1",
            [twin],
        )
        .unwrap();
    let near = p.partner("Nate Near", PayoutMethod::Paypal);
    let mut w8 = PartnerInput::new("Wen W8", "wen@example.com");
    w8.terms_version = "2026-01".into();
    w8.tax.status = TaxStatus::W8ben;
    w8.tax.form_expires = "2026-12-15".into();
    w8.payout.method = PayoutMethod::Paypal;
    w8.payout.email = "wen@example.com".into();
    let wen = p.partner_with(w8);
    let held = p.partner("Hal Held", PayoutMethod::Paypal);
    set_hold(&mut p.book, held, Some("chargeback dispute"), Actor::User).unwrap();
    for id in [zoe, twin, wen, held] {
        p.approved(id, 10_000, "2026-10-01");
    }
    p.approved(near, 4_500, "2026-10-01");
    let first = create(&mut p.book, "2026-10-31", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, first.id, Actor::User, &Quiet).unwrap();
    // Wen changes her PayPal address before the next run.
    p.book
        .conn()
        .execute(
            "UPDATE partners SET payout_email = 'wen.new@example.com' WHERE id = ?1",
            [wen],
        )
        .unwrap();
    p.approved(wen, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let r = readiness(&p.book, run.id).unwrap();
    let has = |check: &str, who: i64, text: &str| {
        r.items
            .iter()
            .any(|i| i.check == check && i.partner_id == who && i.message.contains(text))
    };
    assert!(
        has(
            "details_changed",
            wen,
            "payout details changed since run #1: PayPal we…@example.com → PayPal we…@example.com"
        ),
        "{r:#?}"
    );
    assert!(
        has("tax_form_expiring", wen, "W-8BEN expires on 2026-12-15"),
        "{r:#?}"
    );
    assert!(
        has("near_minimum", near, "90% of the minimum payout"),
        "{r:#?}"
    );
    assert!(has("hold", held, "chargeback dispute"), "{r:#?}");
    // Lifting the hold shows in the draft at once, and in the timeline.
    set_hold(&mut p.book, held, None, Actor::User).unwrap();
    assert_eq!(line_of(&p, run.id, held).status, PayoutStatus::Draft);
    let tl = timeline::list(&p.book, held).unwrap();
    assert!(tl
        .iter()
        .any(|a| a.summary == "Payouts held: chargeback dispute"));
    let first_r = readiness(&p.book, first.id).unwrap();
    assert!(
        first_r.items.iter().any(|i| i.check == "shared_account"
            && i.partner_id == zoe
            && i.message.contains("Zed Twin")),
        "{first_r:#?}"
    );
    assert_eq!(
        r.blockers as usize,
        r.items
            .iter()
            .filter(|i| i.severity == Severity::Blocker)
            .count()
    );
}

#[test]
fn result_files_settle_payouts_or_stop_at_the_bad_line() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    let cy = p.partner("Cy Chen", PayoutMethod::Paypal);
    for id in [zoe, bo, cy] {
        p.approved(id, 10_000, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let id_of = |p: &partnerbook_testkit::P, who| payout_token(run.id, line_of(p, run.id, who).id);
    let dir = p.dir.path().to_path_buf();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "Customer ID,Status,Transaction ID\n{},Completed,T1\n{},Exploded,T2\n",
            id_of(&p, zoe),
            id_of(&p, bo)
        ),
    )
    .unwrap();
    let err = reconcile(&mut p.book, run.id, &bad, Actor::User)
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.csv, line 3, column \"status\""), "{err}");
    assert_eq!(
        line_of(&p, run.id, zoe).status,
        PayoutStatus::Pending,
        "nothing written"
    );
    let good = dir.join("result.csv");
    std::fs::write(
        &good,
        format!(
            "Customer ID,Recipient,Status,Transaction ID,Reason\n{},zoe.adams@example.com,Completed,T1,\n,bo.berg@example.com,Returned,T2,Account closed\n{},cy.chen@example.com,Pending,,\n",
            id_of(&p, zoe),
            id_of(&p, cy)
        ),
    )
    .unwrap();
    let report = reconcile(&mut p.book, run.id, &good, Actor::User).unwrap();
    assert_eq!(
        report,
        ReconcileReport {
            paid: 1,
            failed: 1,
            unchanged: 1,
            ..Default::default()
        }
    );
    let z = line_of(&p, run.id, zoe);
    assert_eq!(
        (z.status, z.reference.as_deref()),
        (PayoutStatus::Paid, Some("T1"))
    );
    let b = line_of(&p, run.id, bo);
    assert_eq!(
        (b.status, b.failure.as_deref()),
        (PayoutStatus::Failed, Some("Account closed"))
    );
    // Reading the same file again changes nothing.
    let again = reconcile(&mut p.book, run.id, &good, Actor::User).unwrap();
    assert_eq!(
        again,
        ReconcileReport {
            unchanged: 3,
            ..Default::default()
        }
    );
}

/// PayPal's payouts report (Activity → Payouts → download), as its columns
/// are documented: a payout item per row, with the batch's fee rows and the
/// transfer that funded the batch beside them.
#[test]
fn an_unclaimed_paypal_payout_stays_pending_and_is_not_paid_twice() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    for id in [zoe, bo] {
        p.approved(id, 10_000, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let token = |p: &partnerbook_testkit::P, who| payout_token(run.id, line_of(p, run.id, who).id);
    let header = "Date,Time,Time Zone,Payout Batch ID,Payout Item ID,Transaction ID,Sender Item ID,Recipient,Amount,Currency,Fee,Transaction Status,Note\n";
    let dir = p.dir.path().to_path_buf();
    let first = dir.join("payouts-report-1.csv");
    std::fs::write(
        &first,
        format!(
            "{header}2026-12-01,10:02:11,UTC,BATCH7XQ,ITEMZ1,,{},zoe.adams@example.com,100.00,EUR,2.00,UNCLAIMED,\n\
             2026-12-01,10:02:11,UTC,BATCH7XQ,ITEMB1,5TY81,{},bo.berg@example.com,100.00,EUR,2.00,SUCCESS,\n\
             2026-12-01,10:01:59,UTC,BATCH7XQ,,,,,-204.00,EUR,0.00,SUCCESS,Funding the batch\n",
            token(&p, zoe),
            token(&p, bo)
        ),
    )
    .unwrap();
    let report = reconcile(&mut p.book, run.id, &first, Actor::User).unwrap();
    assert_eq!(
        report,
        ReconcileReport {
            paid: 1,
            unclaimed: 1,
            skipped: 1,
            ..Default::default()
        }
    );
    let z = line_of(&p, run.id, zoe);
    assert_eq!(
        z.status,
        PayoutStatus::Pending,
        "PayPal still holds the money"
    );
    assert_eq!(z.unclaimed_since.as_deref(), Some("2026-12-01"));
    // The next run does not pay Zoë again while PayPal holds her payout.
    p.approved(zoe, 5_000, "2026-12-02");
    let next = create(&mut p.book, "2026-12-31", Actor::User, &Quiet).unwrap();
    let again = line_of(&p, next.id, zoe);
    assert_eq!(again.balance.minor, 5_000, "only what is new");

    // Thirty days on, PayPal gives it back: now it fails and returns to the balance.
    let later = dir.join("payouts-report-2.csv");
    std::fs::write(
        &later,
        format!("{header}2026-12-31,09:00:00,UTC,BATCH7XQ,ITEMZ1,,{},zoe.adams@example.com,100.00,EUR,2.00,RETURNED,\n", token(&p, zoe)),
    )
    .unwrap();
    let report = reconcile(&mut p.book, run.id, &later, Actor::User).unwrap();
    assert_eq!(
        report,
        ReconcileReport {
            failed: 1,
            ..Default::default()
        }
    );
    assert_eq!(line_of(&p, run.id, zoe).status, PayoutStatus::Failed);

    // Another run's file names none of this run's payouts: refused, not read as nothing.
    let other = dir.join("other-run.csv");
    std::fs::write(
        &other,
        format!(
            "{header}2026-12-01,10:00:00,UTC,B,I,T,PB999-1,x@example.com,1.00,EUR,0.00,SUCCESS,\n"
        ),
    )
    .unwrap();
    let err = reconcile(&mut p.book, run.id, &other, Actor::User)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("no row names a payout of run #{}", run.id)),
        "{err}"
    );
}

#[test]
fn payer_iban_and_bic_are_checked_when_entered() {
    let mut p = program();
    let err = set_payer(&mut p.book, "DE89 3704 0044 0532 0130 01", "", Actor::User).unwrap_err();
    assert!(err.to_string().contains("not a valid IBAN"), "{err}");
    let err = set_payer(&mut p.book, "DE89370400440532013000", "COBA", Actor::User).unwrap_err();
    assert!(err.to_string().contains("not a valid BIC"), "{err}");
    with_payer(&mut p);
    let payer = payer(&p.book).unwrap();
    assert_eq!(payer.iban, "FR1420041010050500013M02606");
    assert_eq!(payer.name, "Acme GmbH");
}

/// The fingerprint covers the payee block frozen at approval: rewriting
/// an address in the file (past the lock) is noticed.
#[test]
fn the_fingerprint_covers_the_payee_frozen_at_approval() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    p.approved(zoe, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let draft_fingerprint = fingerprint_of(p.book.conn(), run.id).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    assert_eq!(run.fingerprint.as_deref(), Some(draft_fingerprint.as_str()));
    let conn = p.book.conn();
    let frozen: String = conn
        .query_row(
            "SELECT payee_email FROM payouts WHERE run_id = ?1",
            [run.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(frozen, "zoe.adams@example.com");
    let err = conn
        .execute("UPDATE payouts SET payee_address = 'elsewhere'", [])
        .unwrap_err();
    assert!(err.to_string().contains("locked"), "{err}");
    conn.execute_batch(
        "DROP TRIGGER payouts_locked_payee; UPDATE payouts SET payee_address = 'elsewhere';",
    )
    .unwrap();
    assert!(!verify(&p.book, run.id).unwrap());
}

/// A bank's pain.002 report on the SEPA file: settled transfers are paid,
/// a rejected one fails with its reason code in words, an accepted but
/// unsettled one stays pending.
#[test]
fn a_banks_pain002_status_report_settles_the_sepa_transfers() {
    let mut p = program();
    crate::support::with_payer(&mut p);
    let who: Vec<i64> = ["Zoë Adams", "Bo Berg", "Cy Chen"]
        .iter()
        .map(|n| p.partner(n, PayoutMethod::Iban))
        .collect();
    for id in &who {
        p.approved(*id, 10_000, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let token = |p: &partnerbook_testkit::P, id| payout_token(run.id, line_of(p, run.id, id).id);
    let template = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/pain.002.001.03-status.xml"),
    )
    .unwrap();
    let report_xml = template
        .replace("{MSG_ID}", &format!("PB-RUN{}", run.id))
        .replace("{PMT_INF_ID}", &format!("PB-RUN{}", run.id))
        .replace("{TOKEN_1}", &token(&p, who[0]))
        .replace("{TOKEN_2}", &token(&p, who[1]))
        .replace("{TOKEN_3}", &token(&p, who[2]));
    let path = p.dir.path().join("camt-status.xml");
    std::fs::write(&path, report_xml).unwrap();
    // Read first, recording nothing: the same counts, every payout still pending.
    let looked =
        partnerbook_payouts::reconcile_with(&mut p.book, run.id, &path, true, Actor::User).unwrap();
    assert_eq!(
        looked,
        ReconcileReport {
            paid: 1,
            failed: 1,
            unchanged: 1,
            dry_run: true,
            ..Default::default()
        }
    );
    assert!(who
        .iter()
        .all(|id| line_of(&p, run.id, *id).status == PayoutStatus::Pending));
    let report = reconcile(&mut p.book, run.id, &path, Actor::User).unwrap();
    assert_eq!(
        report,
        ReconcileReport {
            paid: 1,
            failed: 1,
            unchanged: 1,
            ..Default::default()
        }
    );
    assert_eq!(line_of(&p, run.id, who[0]).status, PayoutStatus::Paid);
    let bo = line_of(&p, run.id, who[1]);
    assert_eq!(bo.status, PayoutStatus::Failed);
    assert_eq!(
        bo.failure.as_deref(),
        Some("rejected by the bank: AC04 closed account (Compte clos)")
    );
    assert_eq!(line_of(&p, run.id, who[2]).status, PayoutStatus::Pending);

    // A whole file rejected: nothing is paid, and the reason is said.
    let rejected = p.dir.path().join("rejected.xml");
    std::fs::write(
        &rejected,
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt>\
         <OrgnlGrpInfAndSts><OrgnlMsgId>X</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>RJCT</GrpSts>\
         <StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>",
    )
    .unwrap();
    let err = reconcile(&mut p.book, run.id, &rejected, Actor::User)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "the bank rejected the whole file: FF01 invalid file format, so nothing was paid"
        ),
        "{err}"
    );
}

/// Wise's transfer export names each transfer's state as Wise's API does;
/// our payout reference travels as the transfer's reference.
#[test]
fn wise_transfer_states_settle_payouts() {
    let mut p = program();
    let who: Vec<i64> = ["Zoë Adams", "Bo Berg", "Cy Chen"]
        .iter()
        .map(|n| p.partner(n, PayoutMethod::Wise))
        .collect();
    for id in &who {
        p.approved(*id, 10_000, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let token = |p: &partnerbook_testkit::P, id| payout_token(run.id, line_of(p, run.id, id).id);
    let path = p.dir.path().join("wise-transfers.csv");
    std::fs::write(
        &path,
        format!(
            "ID,Status,Source amount (after fees),Source currency,Target amount (after fees),Target currency,Reference,Created on\n\
             T-101,outgoing_payment_sent,100.00,EUR,100.00,EUR,{},2026-12-01 10:00:00\n\
             T-102,bounced_back,100.00,EUR,100.00,EUR,{},2026-12-01 10:00:00\n\
             T-103,processing,100.00,EUR,100.00,EUR,{},2026-12-01 10:00:00\n",
            token(&p, who[0]),
            token(&p, who[1]),
            token(&p, who[2])
        ),
    )
    .unwrap();
    let report = reconcile(&mut p.book, run.id, &path, Actor::User).unwrap();
    assert_eq!(
        report,
        ReconcileReport {
            paid: 1,
            failed: 1,
            unchanged: 1,
            ..Default::default()
        }
    );
    assert_eq!(
        line_of(&p, run.id, who[1]).failure.as_deref(),
        Some("reported bounced_back by the provider")
    );
}
