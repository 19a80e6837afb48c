//! An approved run changed behind Partnerbook's back (the lock trigger
//! dropped, an IBAN or amount edited in sqlite3) is refused before money
//! moves: no payment file, no settlement; `verify` says so even after a
//! payout failed; the book's own check names the missing trigger.

use crate::support::with_payer;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::files::{export, PaymentFormat};
use partnerbook_payouts::*;
use partnerbook_testkit::{program, P};

fn approved() -> (P, i64, i64) {
    let mut p = program();
    with_payer(&mut p);
    let ana = p.partner("Ana Lima", PayoutMethod::Iban);
    let bo = p.partner("Bo Berg", PayoutMethod::Iban);
    p.approved(ana, 20_000, "2026-11-01");
    p.approved(bo, 30_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    (p, run, ana)
}

/// What someone with sqlite3 and the file can do.
fn redirect(p: &P, run: i64, partner: i64) {
    p.book
        .conn()
        .execute_batch("DROP TRIGGER payouts_locked_amounts;")
        .unwrap();
    p.book
        .conn()
        .execute(
            "UPDATE payouts SET account = 'DE02120300000000202051' WHERE run_id = ?1 AND partner_id = ?2",
            [run, partner],
        )
        .unwrap();
}

#[test]
fn a_run_changed_after_approval_writes_no_file_and_is_not_marked_paid() {
    let (mut p, run, ana) = approved();
    assert!(p.book.rules_check().unwrap().is_empty());
    assert!(tampered_runs(p.book.conn()).unwrap().is_empty());
    redirect(&p, run, ana);
    let out = p.dir.path().join("run.xml");
    let err = export(&mut p.book, run, PaymentFormat::Sepa, &out, Actor::User).unwrap_err();
    assert!(
        err.to_string()
            .contains("was changed outside Partnerbook after it was approved"),
        "{err}"
    );
    assert!(!out.exists(), "no file");
    assert!(mark_paid(&mut p.book, run, None, "BANK-1", Actor::User).is_err());
    assert!(mark_failed(&mut p.book, run, ana, "bounced", Actor::User).is_err());
    assert!(!verify(&p.book, run).unwrap());
    assert_eq!(tampered_runs(p.book.conn()).unwrap(), [run]);
    assert_eq!(
        p.book.rules_check().unwrap(),
        ["the trigger payouts_locked_amounts is missing"]
    );
}

#[test]
fn a_run_with_a_failed_payout_is_still_checked() {
    let (mut p, run, ana) = approved();
    mark_failed(&mut p.book, run, ana, "account closed", Actor::User).unwrap();
    assert!(verify(&p.book, run).unwrap(), "its payouts are as approved");
    let out = p.dir.path().join("run.xml");
    export(&mut p.book, run, PaymentFormat::Sepa, &out, Actor::User).unwrap();
    // The payee's name is covered too, not only the amount and account.
    p.book
        .conn()
        .execute_batch("DROP TRIGGER payouts_locked_amounts;")
        .unwrap();
    p.book
        .conn()
        .execute(
            "UPDATE payouts SET payee_name = 'Mallory' WHERE run_id = ?1 AND partner_id <> ?2",
            [run, ana],
        )
        .unwrap();
    assert!(!verify(&p.book, run).unwrap());
    assert!(mark_paid(&mut p.book, run, None, "BANK-1", Actor::User).is_err());
}
