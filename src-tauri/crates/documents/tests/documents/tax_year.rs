//! The tax year from a run paid in 2026: paid by method, the form on file,
//! PayPal apart, the threshold of the year, the 1099-NEC CSV and the PDF.

use chrono::{TimeZone, Utc};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::time::fix_clock;
use partnerbook_documents::reports::tax_year::{self, tax_year, TaxForm};
use partnerbook_partners::tin::Tins;
use partnerbook_partners::{self as partners, PartnerInput, PayoutMethod};
use partnerbook_payouts::{approve, create, mark_paid};
use partnerbook_testkit::program;

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::from_code("EUR").unwrap())
}

#[test]
fn the_year_says_who_was_paid_how_and_who_needs_a_1099() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Iban);
    let cy = p.partner("Cy Chen", PayoutMethod::Iban);
    let dev = p.partner("Dev Rao", PayoutMethod::Iban);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET tax_status = 'w8ben', tax_form_expires = '2029-01-01', tin = 'AB123456C' WHERE id = ?1",
            [dev],
        )
        .unwrap();
    // Cy's W-9 gives a bare SSN, through the partner form's path.
    let mut input = PartnerInput::from(&partners::get(&p.book, cy).unwrap());
    input.tax.tin = "123456789".into();
    partners::update(&mut p.book, cy, &input, "", Actor::User).unwrap();
    for (id, minor) in [(ana, 90_000), (bo, 20_000), (cy, 75_000), (dev, 80_000)] {
        p.approved(id, minor, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    {
        let _paid_in_december = fix_clock(Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap());
        mark_paid(&mut p.book, run.id, None, "BATCH-12", Actor::User).unwrap();
    }
    // The EUR program files in EUR: 500.00 for payments in 2026.
    tax_year::set_threshold(&mut p.book, 2026, eur(50_000), Actor::User).unwrap();
    assert!(tax_year::set_threshold(&mut p.book, 1999, eur(1), Actor::User).is_err());
    // The change is in the audit log, from the seeded 2,000.00 USD.
    let (before, after): (String, String) = p
        .book
        .conn()
        .query_row(
            "SELECT before, after FROM audit_log WHERE entity = 'tax_threshold' AND entity_id = 2026",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        before.contains("2,000.00") || before.contains("2000.00"),
        "{before}"
    );
    assert!(after.contains("500.00"), "{after}");
    let years: Vec<i32> = tax_year::thresholds(p.book.conn())
        .unwrap()
        .iter()
        .map(|t| t.year)
        .collect();
    assert_eq!(years, [2025, 2026]);

    let t = tax_year(&p.book, 2026).unwrap();
    assert_eq!(t.threshold, eur(50_000));
    type Seen<'a> = (&'a str, TaxForm, Vec<Money>, Vec<Money>, bool, bool);
    let seen: Vec<Seen> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.payee_name.as_str(),
                r.form,
                r.reportable.clone(),
                r.network.clone(),
                r.over_threshold,
                r.needs_1099,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            // Over by bank transfer, with a W-9: a 1099-NEC.
            (
                "Cy Chen",
                TaxForm::W9,
                vec![eur(75_000)],
                vec![],
                true,
                true
            ),
            // PayPal reports Ana's payments itself; she is not over.
            (
                "Ana Lima",
                TaxForm::W9,
                vec![],
                vec![eur(90_000)],
                false,
                false
            ),
            (
                "Bo Berg",
                TaxForm::W9,
                vec![eur(20_000)],
                vec![],
                false,
                false
            ),
            // A foreign person on a W-8BEN gets no 1099-NEC.
            (
                "Dev Rao",
                TaxForm::W8ben,
                vec![eur(80_000)],
                vec![],
                true,
                false
            ),
        ]
    );
    // The next year without a row of its own takes 2026's; nothing was paid in it.
    let later = tax_year(&p.book, 2027).unwrap();
    assert_eq!((later.threshold, later.rows.len()), (eur(50_000), 0));
    // Before any threshold: said, not guessed.
    assert!(tax_year(&p.book, 2019).is_err());

    // The rows carry the TIN masked, whatever reads them.
    let tins: Vec<(&str, &str)> = t
        .rows
        .iter()
        .map(|r| (r.tin.as_str(), r.tin_kind.as_str()))
        .collect();
    assert_eq!(
        tins,
        [
            ("***-**-6789", "SSN"),
            ("", ""),
            ("", ""),
            ("*****456C", "foreign")
        ]
    );

    let csv = |tins| String::from_utf8(tax_year::to_csv(p.book.conn(), &t, tins).unwrap()).unwrap();
    let masked = csv(Tins::Masked);
    let lines: Vec<&str> = masked.lines().collect();
    assert_eq!(
        lines[0],
        "partner_id,payee_name,business_name,address,country,tax_form,tin_status,tin,tin_type,box1_nonemployee_compensation,currency,paid_through_paypal,needs_1099_nec"
    );
    assert!(lines[1].starts_with(&format!("{cy},Cy Chen,")), "{masked}");
    assert!(
        lines[1].ends_with(",W-9,on file,***-**-6789,SSN,750.00,EUR,,yes"),
        "{masked}"
    );
    assert!(
        lines[2].ends_with(",W-9,missing,,,0,EUR,900.00 EUR,no"),
        "{masked}"
    );
    assert!(!masked.contains("123-45-6789") && !masked.contains("AB123456C"));
    // Asked for, the CSV a filing needs has the whole number.
    let whole = csv(Tins::Whole);
    assert!(
        whole
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(",W-9,on file,123-45-6789,SSN,750.00,EUR,,yes"),
        "{whole}"
    );
    assert!(
        whole.contains(",W-8BEN,on file,AB123456C,foreign,800.00,"),
        "{whole}"
    );

    let pdf = tax_year::to_pdf(&p.book, &t).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}
