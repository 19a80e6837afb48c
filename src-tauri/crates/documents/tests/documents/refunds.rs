//! Refunds and clawbacks per partner, from sales and refunds imported as a
//! shop writes them.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_documents::reports::refunds::{refunds, to_csv};
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

#[test]
fn a_partners_refunds_and_the_commission_they_took_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = partnerbook_ledger::plans::default::create_book(
        &dir.path().join("r.partnerbook"),
        &NewProgram {
            program_name: "R".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    let mut ana = PartnerInput::new("Ana Lima", "ana@example.org");
    ana.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "ANA".into(),
    }];
    partners::create(&mut book, &ana, Actor::User).unwrap();
    let file = dir.path().join("sales.csv");
    std::fs::write(
        &file,
        "id,kind,date,amount,currency,referral_code,original_external_id\n\
         S1,sale,2026-03-02,100.00,EUR,ANA,\nS2,sale,2026-03-03,50.00,USD,ANA,\n\
         R1,refund,2026-03-10,40.00,EUR,,S1\nC1,chargeback,2026-04-02,50.00,USD,,S2\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("rates.csv"),
        "day,base,quote,rate\n2026-03-03,EUR,USD,1.25\n2026-04-02,EUR,USD,1.25\n",
    )
    .unwrap();
    partnerbook_ledger::fx::import(book.conn(), &dir.path().join("rates.csv")).unwrap();
    import(
        &mut book,
        &file,
        &ConversionImportOptions::default(),
        &Quiet,
    )
    .unwrap();

    let march = refunds(&book, "2026-03-01", "2026-03-31").unwrap();
    assert_eq!(march.len(), 1);
    let r = &march[0];
    assert_eq!(
        (r.partner_name.as_str(), r.refunds, r.chargebacks),
        ("Ana Lima", 1, 0)
    );
    assert_eq!(
        r.given_back
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>(),
        ["40.00 EUR"]
    );
    assert_eq!(
        r.reversed.minor, -800,
        "20% of the 40.00 refunded, before it was paid"
    );
    let spring = refunds(&book, "2026-03-01", "2026-04-30").unwrap();
    assert_eq!((spring[0].refunds, spring[0].chargebacks), (1, 1));
    assert_eq!(
        spring[0].reversed.minor, -1600,
        "and 20% of the 40.00 EUR the USD sale was worth"
    );
    let csv = String::from_utf8(to_csv(&spring).unwrap()).unwrap();
    assert!(
        csv.contains("Ana Lima,1,1,40.00 EUR + 50.00 USD,-16.00,0.00,EUR"),
        "{csv}"
    );
}
