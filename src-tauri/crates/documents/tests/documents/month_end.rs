//! A run remembers its month-end: reopened later, it says which files were
//! written (with their hashes), whether statements were written and
//! emailed, and what is paid; and what is still to do.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_documents::reports::month_end::month_end;
use partnerbook_documents::statements::{queue_statements, write_run};
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::files::{export, PaymentFormat};
use partnerbook_payouts::{approve, create, mark_paid};
use partnerbook_testkit::program;

fn step(m: &partnerbook_documents::reports::month_end::MonthEnd, key: &str) -> (bool, String) {
    let s = m.steps.iter().find(|s| s.key == key).unwrap();
    (s.done, s.detail.clone())
}

#[test]
fn a_reopened_run_shows_what_was_done_and_what_is_left() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Wise);
    p.approved(zoe, 10_000, "2026-11-01");
    p.approved(bo, 20_000, "2026-11-01");
    let draft = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let m = month_end(&p.book, draft.id).unwrap();
    assert_eq!(m.steps.len(), 1);
    assert_eq!(step(&m, "approve"), (false, "still a draft".into()));
    let run = approve(&mut p.book, draft.id, Actor::User, &Quiet)
        .unwrap()
        .id;

    let m = month_end(&p.book, run).unwrap();
    let keys: Vec<&str> = m.steps.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["approve", "files", "statements", "emails", "paid"]);
    assert_eq!(
        step(&m, "files"),
        (false, "not written yet: PayPal, Wise".into())
    );
    assert_eq!(step(&m, "emails"), (false, "not queued yet".into()));

    let out = p.dir.path().join("paypal.csv");
    let file = export(&mut p.book, run, PaymentFormat::Paypal, &out, Actor::User).unwrap();
    let m = month_end(&p.book, run).unwrap();
    assert_eq!(step(&m, "files"), (false, "not written yet: Wise".into()));
    let written = m
        .events
        .iter()
        .find(|e| e.what.starts_with("Wrote the paypal file"))
        .unwrap();
    assert_eq!(
        written.sha256.as_deref(),
        Some(file.files[0].sha256.as_str())
    );
    assert!(
        written.what.contains("paypal.csv (1 payout)"),
        "{}",
        written.what
    );

    export(
        &mut p.book,
        run,
        PaymentFormat::Wise,
        &p.dir.path().join("wise.csv"),
        Actor::User,
    )
    .unwrap();
    let dir = p.dir.path().join("statements");
    write_run(&p.book, run, &dir, &Quiet).unwrap();
    queue_statements(&mut p.book, run, &Quiet).unwrap();
    mark_paid(&mut p.book, run, Some(zoe), "PP-123", Actor::User).unwrap();

    let m = month_end(&p.book, run).unwrap();
    assert_eq!(
        step(&m, "files"),
        (true, "every payment file written (2 groups)".into())
    );
    assert!(step(&m, "statements").0);
    assert!(step(&m, "statements").1.starts_with("2 statements in "));
    assert_eq!(
        step(&m, "emails"),
        (false, "0 sent, 2 waiting, 0 failed of 2".into())
    );
    assert_eq!(
        step(&m, "paid"),
        (false, "1 paid, 0 failed, 1 still to mark".into())
    );
    let whats: Vec<&str> = m.events.iter().map(|e| e.what.as_str()).collect();
    assert!(whats[0].starts_with("Draft made"), "{whats:?}");
    assert!(whats[1].starts_with("Approved and locked"), "{whats:?}");
    assert!(
        whats
            .iter()
            .any(|w| w.starts_with("Queued 2 statement emails")),
        "{whats:?}"
    );
    assert!(
        whats.iter().any(|w| w.starts_with("1 payout marked paid")),
        "{whats:?}"
    );
    assert!(
        m.events.windows(2).all(|w| w[0].at <= w[1].at),
        "oldest first"
    );
}

#[test]
fn statements_of_a_run_changed_after_approval_are_refused() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    p.approved(zoe, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    p.book
        .conn()
        .execute_batch(
            "DROP TRIGGER payouts_locked_amounts; UPDATE payouts SET pay_minor = 999999;",
        )
        .unwrap();
    let dir = p.dir.path().join("statements");
    let err = write_run(&p.book, run, &dir, &Quiet).unwrap_err();
    assert!(
        err.to_string().contains("was changed outside Partnerbook"),
        "{err}"
    );
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().count() == 0);
    assert!(
        queue_statements(&mut p.book, run, &Quiet).is_err(),
        "no email either"
    );
}
