//! The `totals` table the home screen reads stays equal to the sums of the
//! conversions and commission lines it stands for, through sales, refunds,
//! reversals, declines, two-tier lines, payments and a partner's deletion.

use crate::support::{pay_in_a_run, setup};
use partnerbook_book::audit::Actor;
use partnerbook_book::totals::settle;
use partnerbook_ledger::commissions;
use partnerbook_ledger::conversions::ConversionKind;
use partnerbook_ledger::totals::drift;

const RULES: &str = r#"[{ "id": "base", "kind": "percentage", "rate": "20%" },
    { "id": "parent", "kind": "two_tier", "rate": "5%", "of": "sale" }]"#;

fn row(t: &crate::support::T, span: &str, partner: i64) -> (i64, i64, i64, i64, i64, i64) {
    t.book
        .conn()
        .query_row(
            "SELECT sales, revenue_minor, refunds, refunded_minor, earned_minor, given_back_minor
               FROM totals WHERE span = ?1 AND partner_id = ?2 AND currency = 'USD'",
            (span, partner),
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap()
}

#[test]
fn totals_follow_every_write_to_sales_and_lines() {
    let mut t = setup(RULES);
    t.sale("o1", "2026-03-05", "100.00")
        .sale("o2", "2026-04-02", "50.00");
    t.run();
    assert_eq!(drift(t.book.conn()).unwrap(), Vec::<String>::new());
    assert_eq!(row(&t, "2026-03", t.ana), (1, 10000, 0, 0, 2000, 0));
    assert_eq!(row(&t, "2026", t.ana), (2, 15000, 0, 0, 3000, 0));
    // The program row holds every attributed sale once, and every line.
    assert_eq!(row(&t, "", -1), (2, 15000, 0, 0, 3000 + 750, 0));

    // Paid, then refunded: a clawback line, dated by the sale's month.
    pay_in_a_run(t.book.conn(), None, true);
    t.convert(
        "o1/r",
        ConversionKind::Refund,
        "2026-05-10",
        "100.00",
        "USD",
    );
    t.run();
    assert_eq!(drift(t.book.conn()).unwrap(), Vec::<String>::new());
    assert_eq!(
        row(&t, "2026-05", t.ana).2,
        1,
        "the refund counts in its own month"
    );

    // A pending line declined leaves the sums; the program follows.
    t.sale("o3", "2026-06-01", "10.00");
    t.run();
    let line: i64 = t
        .book
        .conn()
        .query_row(
            "SELECT id FROM commissions WHERE partner_id = ?1 AND state = 'pending' AND kind = 'commission'",
            [t.ana],
            |r| r.get(0),
        )
        .unwrap();
    commissions::decline(&mut t.book, line, "test order", Actor::User).unwrap();
    assert_eq!(drift(t.book.conn()).unwrap(), Vec::<String>::new());
    assert_eq!(row(&t, "2026-06", t.ana).4, 0);
}

#[test]
fn a_sale_without_a_partner_counts_apart_and_moves_with_its_partner() {
    let mut t = setup(RULES);
    let mut c = partnerbook_ledger::conversions::ConversionInput::new(
        "shop",
        "u1",
        ConversionKind::Sale,
        crate::support::at("2026-03-05"),
    );
    c.amount = Some(partnerbook_book::money::Money::new(
        700,
        crate::support::usd(),
    ));
    partnerbook_ledger::conversions::record(&mut t.book, &c, Actor::Import).unwrap();
    assert_eq!(row(&t, "2026-03", 0).1, 700);
    // No code moves a sale to another partner today; the trigger still must.
    let lone = partnerbook_partners::create(
        &mut t.book,
        &partnerbook_partners::PartnerInput::new("Lone", "lone@example.com"),
        Actor::User,
    )
    .unwrap()
    .id;
    t.book
        .conn()
        .execute("UPDATE conversions SET partner_id = ?1, attribution = 'customer' WHERE external_id = 'u1'", [lone])
        .unwrap();
    let said = drift(t.book.conn()).unwrap();
    assert_eq!(
        said[0], "2 changes were never settled into totals",
        "a write outside the book's transactions"
    );
    settle(t.book.conn()).unwrap();
    assert_eq!(drift(t.book.conn()).unwrap(), Vec::<String>::new());
    assert_eq!(row(&t, "2026", lone).1, 700);
    assert_eq!(row(&t, "2026", 0).1, 0);
    t.book
        .conn()
        .execute("DELETE FROM conversions WHERE external_id = 'u1'", [])
        .unwrap();
    settle(t.book.conn()).unwrap();
    assert_eq!(drift(t.book.conn()).unwrap(), Vec::<String>::new());
    assert_eq!(row(&t, "", lone).1, 0);
}

#[test]
fn drift_names_a_row_that_no_longer_adds_up() {
    let mut t = setup(RULES);
    t.sale("o1", "2026-03-05", "100.00");
    t.run();
    t.book
        .conn()
        .execute("UPDATE totals SET revenue_minor = revenue_minor + 1 WHERE span = '2026' AND partner_id = ?1", [t.ana])
        .unwrap();
    let found = drift(t.book.conn()).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!("2026/{}/USD: stored (1 10001 ", t.ana)),
        "{found:?}"
    );
}
