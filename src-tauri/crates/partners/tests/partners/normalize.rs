use partnerbook_book::money::Currency;
use partnerbook_book::validate::bic;
use partnerbook_book::Coded;
use partnerbook_partners::normalize::*;
use partnerbook_partners::{CodeKind, PartnerCode, PartnerInput, PayoutMethod, TaxStatus};

fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

fn ok(p: &PartnerInput) -> PartnerInput {
    normalize(p, usd()).unwrap()
}

fn field_of(p: &PartnerInput) -> String {
    normalize(p, usd())
        .unwrap_err()
        .field()
        .unwrap()
        .to_string()
}

#[test]
fn fills_in_and_normalises() {
    let mut p = PartnerInput::new("  Łukasz Nowak ", "lukasz@example.pl");
    p.country = "pl".into();
    p.language = "PL".into();
    p.website = "nowak.example.pl".into();
    p.tags = vec!["YouTube".into(), "youtube".into(), " ".into()];
    let n = ok(&p);
    assert_eq!(n.name, "Łukasz Nowak");
    assert_eq!(n.first_name, "Łukasz");
    assert_eq!(n.country, "PL");
    assert_eq!(n.language, "pl");
    assert_eq!(n.website, "https://nowak.example.pl");
    assert_eq!(n.tags, vec!["YouTube"]);
    assert_eq!(n.payout_currency, "USD");
}

#[test]
fn names_the_field_that_is_wrong() {
    let base = PartnerInput::new("Zoë", "zoe@example.com");
    let with = |f: &dyn Fn(&mut PartnerInput)| {
        let mut p = base.clone();
        f(&mut p);
        p
    };
    assert_eq!(field_of(&with(&|p| p.name = " ".into())), "name");
    assert_eq!(field_of(&with(&|p| p.email = "zoe@".into())), "email");
    assert_eq!(
        field_of(&with(&|p| p.email = "zoe example.com".into())),
        "email"
    );
    assert_eq!(field_of(&with(&|p| p.country = "XX".into())), "country");
    assert_eq!(
        field_of(&with(&|p| p.language = "english!".into())),
        "language"
    );
    assert_eq!(
        field_of(&with(&|p| p.website = "ftp://x.com".into())),
        "website"
    );
    assert_eq!(
        field_of(&with(&|p| p.payout_currency = "EURO".into())),
        "payout_currency"
    );
    assert_eq!(field_of(&with(&|p| p.tags = vec!["a;b".into()])), "tags");
    assert_eq!(
        field_of(&with(&|p| p.codes = vec![PartnerCode {
            kind: CodeKind::Coupon,
            code: "bad code".into()
        }])),
        "coupon_codes"
    );
    assert_eq!(
        field_of(&with(&|p| {
            p.codes = vec![
                PartnerCode {
                    kind: CodeKind::Referral,
                    code: "ZOE".into(),
                },
                PartnerCode {
                    kind: CodeKind::Coupon,
                    code: "zoe".into(),
                },
            ]
        })),
        "coupon_codes"
    );
    assert_eq!(field_of(&with(&|p| p.name = "two\nlines".into())), "name");
}

#[test]
fn payout_details_are_checked_for_the_chosen_method_only() {
    let mut p = PartnerInput::new("Søren Jørgensen", "soren@example.dk");
    p.payout.method = PayoutMethod::Iban;
    p.payout.iban = "dk50 0040 0440 1162 43".into();
    p.payout.bic = "dabadkkk".into();
    p.payout.email = "stale@example.com".into();
    let n = ok(&p);
    assert_eq!(n.payout.iban, "DK5000400440116243");
    assert_eq!(n.payout.bic, "DABADKKK");
    assert_eq!(n.payout.email, "", "details of other methods are dropped");

    p.payout.iban = "DK5100400440116243".into();
    assert_eq!(field_of(&p), "iban", "wrong check digits");
    p.payout.iban = "DK5000400440116243".into();
    p.payout.bic = "DABAXXKK".into();
    assert_eq!(field_of(&p), "bic", "XX is no country");

    p.payout.method = PayoutMethod::Paypal;
    p.payout.email = "".into();
    assert_eq!(field_of(&p), "payout_email");
    p.payout.method = PayoutMethod::Other;
    assert_eq!(field_of(&p), "payout_other");
}

#[test]
fn tax_forms_need_what_they_need() {
    let mut p = PartnerInput::new("José Núñez", "jose@example.es");
    p.tax.status = TaxStatus::W8ben;
    assert_eq!(field_of(&p), "tax_form_expires");
    p.tax.form_expires = "2027-02-30".into();
    assert_eq!(field_of(&p), "tax_form_expires");
    p.tax.form_expires = "2027-02-28".into();
    assert_eq!(ok(&p).tax.form_expires, "2027-02-28");
    p.tax.status = TaxStatus::Vat;
    assert_eq!(field_of(&p), "vat_id");
    p.tax.vat_id = "es b1234567 8".into();
    let n = ok(&p);
    assert_eq!(
        (n.tax.vat_id.as_str(), n.tax.form_expires.as_str()),
        ("ESB12345678", "")
    );
}

#[test]
fn bic_accepts_8_and_11_characters() {
    assert_eq!(bic("COBADEFFXXX").unwrap(), "COBADEFFXXX");
    assert_eq!(bic("ingbnl2a").unwrap(), "INGBNL2A");
    for bad in ["COBADEF", "C0BADEFF", "COBADEFFXX", ""] {
        assert!(bic(bad).is_err(), "{bad}");
    }
}
