//! Payouts by run and method, read back from a run that is partly paid.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_documents::reports::payouts_by_method::{payouts_by_method, to_csv};
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::{approve, create, mark_paid};
use partnerbook_testkit::program;

#[test]
fn each_run_and_method_says_how_many_and_how_much_is_paid_failed_and_pending() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    let cy = p.partner("Cy Chen", PayoutMethod::Iban);
    for (id, minor) in [(ana, 10_000), (bo, 20_000), (cy, 7_000)] {
        p.approved(id, minor, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    mark_paid(&mut p.book, run.id, Some(ana), "PP-1", Actor::User).unwrap();

    let rows = payouts_by_method(&p.book, None, None).unwrap();
    let seen: Vec<(String, u32, u32, u32, i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                r.method.clone(),
                r.payouts,
                r.paid,
                r.pending,
                r.total.minor,
                r.paid_total.minor,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("iban".into(), 1, 0, 1, 7_000, 0),
            ("paypal".into(), 2, 1, 1, 30_000, 10_000)
        ]
    );
    assert!(
        payouts_by_method(&p.book, Some("2026-12-01"), None)
            .unwrap()
            .is_empty(),
        "runs before the day are left out"
    );
    let csv = String::from_utf8(to_csv(&rows).unwrap()).unwrap();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "run,through,method,currency,payouts,paid,failed,pending,total,paid_total",
            &format!("{},2026-11-30,iban,EUR,1,0,0,1,70.00,0.00", run.id),
            &format!("{},2026-11-30,paypal,EUR,2,1,0,1,300.00,100.00", run.id),
        ]
    );
}
