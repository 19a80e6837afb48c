//! Partner and group performance, and unattributed sales, from sales and a
//! refund imported as a shop writes them.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_documents::reports::performance::{performance, to_csv, By};
use partnerbook_documents::reports::unattributed::{self, unattributed};
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

fn book(dir: &std::path::Path) -> Book {
    let mut book = partnerbook_ledger::plans::default::create_book(
        &dir.join("p.partnerbook"),
        &NewProgram {
            program_name: "P".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    let group = partnerbook_book::groups::add(&mut book, "Bloggers", "", Actor::User).unwrap();
    for (name, email, code, group) in [
        ("Ana Lima", "ana@example.org", "ANA", Some(group)),
        ("Ben Okoro", "ben@example.org", "BEN", None),
    ] {
        let mut p = PartnerInput::new(name, email);
        p.codes = vec![PartnerCode {
            kind: CodeKind::Referral,
            code: code.into(),
        }];
        p.group_id = group;
        partners::create(&mut book, &p, Actor::User).unwrap();
    }
    let file = dir.join("sales.csv");
    std::fs::write(
        &file,
        "id,kind,date,amount,currency,referral_code,original_external_id\n\
         S1,sale,2026-03-02,100.00,EUR,ANA,\nS2,sale,2026-03-05,50.00,EUR,ANA,\n\
         S3,sale,2026-03-06,80.00,EUR,BEN,\nR1,refund,2026-03-10,40.00,EUR,,S1\n\
         U1,sale,2026-03-07,30.00,EUR,NOPE,\nU2,sale,2026-03-08,20.00,EUR,,\n\
         S4,sale,2026-04-01,10.00,EUR,BEN,\n",
    )
    .unwrap();
    import(
        &mut book,
        &file,
        &ConversionImportOptions::default(),
        &Quiet,
    )
    .unwrap();
    book
}

#[test]
fn partners_and_groups_are_ranked_by_what_they_earned() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let march = performance(&book, By::Partner, "2026-03-01", "2026-03-31").unwrap();
    assert_eq!(march.len(), 2);
    let ana = &march[0];
    assert_eq!(
        (ana.name.as_str(), ana.sales, ana.refunds),
        ("Ana Lima", 2, 1)
    );
    assert_eq!(
        ana.revenue
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>(),
        ["110.00 EUR"]
    );
    assert_eq!(
        ana.commission.minor, 2_200,
        "20% of 100 and 50, less 20% of the 40 refunded"
    );
    let ben = &march[1];
    assert_eq!(
        (ben.name.as_str(), ben.sales, ben.commission.minor),
        ("Ben Okoro", 1, 1_600)
    );

    let groups = performance(&book, By::Group, "2026-03-01", "2026-03-31").unwrap();
    let names: Vec<_> = groups
        .iter()
        .map(|g| (g.name.as_str(), g.partners, g.commission.minor))
        .collect();
    assert_eq!(names, [("Bloggers", 1, 2_200), ("(no group)", 1, 1_600)]);
    let csv = String::from_utf8(to_csv(By::Group, &groups).unwrap()).unwrap();
    assert!(
        csv.contains("Bloggers,1,2,1,0,110.00 EUR,22.00,0.00,EUR"),
        "{csv}"
    );

    // April holds only Ben's later sale.
    let april = performance(&book, By::Partner, "2026-04-01", "2026-04-30").unwrap();
    assert_eq!(april.len(), 1);
    assert_eq!(april[0].commission.minor, 200);
}

#[test]
fn unattributed_sales_say_what_they_carried_and_why_nothing_matched() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let rows = unattributed(&book, "2026-03-01", "2026-03-31").unwrap();
    let seen: Vec<_> = rows
        .iter()
        .map(|r| (r.external_id.as_str(), r.why.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("U1", "referral NOPE matches no partner"),
            ("U2", "no code, no partner key and no customer"),
        ]
    );
    assert_eq!(rows[0].amount.unwrap().to_string(), "30.00 EUR");
    let csv = String::from_utf8(unattributed::to_csv(&rows).unwrap()).unwrap();
    assert!(
        csv.contains(",U1,30.00,EUR,,referral NOPE,referral NOPE matches no partner"),
        "{csv}"
    );
    assert!(
        !unattributed::to_pdf(&book, &rows, "2026-03-01", "2026-03-31")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn one_partners_twelve_months() {
    use partnerbook_documents::reports::partner::partner_performance;
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let ana = partners::resolve(&book, "ANA").unwrap().id;
    let p = partner_performance(&book, ana, "2026-04").unwrap();
    let months: Vec<_> = p.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(
        (months.len(), months[0], months[11]),
        (12, "2025-05", "2026-04")
    );
    let march = &p.months[10];
    assert_eq!(
        (march.month.as_str(), march.sales, march.refunds),
        ("2026-03", 2, 1)
    );
    assert_eq!(
        march
            .revenue
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>(),
        ["110.00 EUR"]
    );
    assert_eq!(march.commission.minor, 2_200);
    assert_eq!(p.months[11].sales, 0, "April: nothing for Ana");
    assert!(p.payouts.is_empty());
    assert!(partner_performance(&book, ana, "April").is_err());
    assert!(partner_performance(&book, 999, "2026-04").is_err());
}
