//! The demo book is realistic, international and the same for the same seed.

use partnerbook_book::progress::Quiet;
use partnerbook_demo::{create, DemoOptions};
use partnerbook_partners::search::{search, PartnerQuery};

#[test]
fn the_same_seed_makes_the_same_partners() {
    let dir = tempfile::tempdir().unwrap();
    let options = DemoOptions {
        partners: 400,
        seed: 11,
        earnings: true,
    };
    let a = create(&dir.path().join("a.partnerbook"), &options, &Quiet).unwrap();
    let b = create(&dir.path().join("b.partnerbook"), &options, &Quiet).unwrap();
    let q = PartnerQuery {
        limit: 500,
        ..Default::default()
    };
    let names = |book| {
        search(book, &q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.name, r.email))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    // 400 partners, and one applicant partner per application in the review queue.
    let (applications, flagged): (i64, i64) = a
        .conn()
        .query_row(
            "SELECT count(*), sum(red_flags > 0) FROM applications WHERE partner_id IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(applications, 20);
    assert!(
        flagged >= 4,
        "some applicants are suspicious for good reasons"
    );
    assert_eq!(a.info().unwrap().partner_count, 400 + applications as u64);
    assert_eq!(a.integrity_check().unwrap(), ["ok"]);

    for (name, email) in names(&a).into_iter().step_by(37) {
        let by_email = PartnerQuery {
            text: email.clone(),
            ..Default::default()
        };
        let found = search(&a, &by_email).unwrap().rows;
        assert!(
            found.iter().any(|r| r.name == name),
            "{email} is in the search index"
        );
    }

    let all: String = names(&a)
        .into_iter()
        .map(|(n, _)| n)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!all.is_ascii(), "international names");
    let statuses: i64 = a
        .conn()
        .query_row("SELECT count(DISTINCT status) FROM partners", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(statuses, 5);
    let ibans: i64 = a
        .conn()
        .query_row("SELECT count(*) FROM partners WHERE iban <> ''", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(
        ibans > 0,
        "some partners are paid by bank transfer, with valid IBANs"
    );
}

#[test]
fn the_demo_has_a_year_of_earnings_to_look_at() {
    let dir = tempfile::tempdir().unwrap();
    let options = DemoOptions {
        partners: 300,
        seed: 3,
        earnings: true,
    };
    let a = create(&dir.path().join("a.partnerbook"), &options, &Quiet).unwrap();
    let b = create(&dir.path().join("b.partnerbook"), &options, &Quiet).unwrap();
    let count = |book: &partnerbook_book::Book, sql: &str| -> i64 {
        book.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    };
    for sql in [
        "SELECT count(*) FROM conversions WHERE kind = 'sale'",
        "SELECT count(*) FROM conversions WHERE kind = 'recurring'",
        "SELECT count(*) FROM conversions WHERE kind IN ('refund', 'chargeback')",
        "SELECT count(*) FROM conversions WHERE partner_id IS NULL",
        "SELECT count(*) FROM commissions WHERE state = 'approved'",
        "SELECT count(*) FROM commissions WHERE state = 'pending'",
        "SELECT count(*) FROM commissions WHERE kind IN ('reversal', 'two_tier')",
        "SELECT count(*) FROM commissions WHERE fx_rate IS NOT NULL",
        "SELECT count(DISTINCT plan_version_id) FROM commissions",
    ] {
        assert!(count(&a, sql) > 0, "{sql}");
    }
    let totals = "SELECT count(*) * 1000003 + sum(coalesce(amount_minor, 0)) FROM commissions";
    assert_eq!(
        count(&a, totals),
        count(&b, totals),
        "the same seed, the same money"
    );
    assert_eq!(
        count(
            &a,
            "SELECT count(*) FROM commissions WHERE hold_reason IS NOT NULL"
        ),
        0,
        "every conversion has its FX rate"
    );
    assert_eq!(a.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_demo_cannot_overwrite_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.partnerbook");
    std::fs::write(&path, b"keep").unwrap();
    assert!(create(&path, &DemoOptions::default(), &Quiet).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), b"keep");
}
