use chrono::NaiveDate;
use partnerbook_partners::onboarding::checklist::*;
use partnerbook_partners::{PayoutMethod, TaxStatus};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn terms_follow_the_latest_version() {
    assert_eq!(
        terms_missing("", None).as_deref(),
        Some("terms not accepted")
    );
    assert_eq!(
        terms_missing("", Some("v2")).as_deref(),
        Some("terms v2 not accepted")
    );
    assert_eq!(
        terms_missing("v1", Some("v2")).as_deref(),
        Some("terms v2 not accepted (accepted v1)")
    );
    assert_eq!(terms_missing("v2", Some("v2")), None);
    assert_eq!(terms_missing("anything", None), None);
}

#[test]
fn tax_payout_and_welcome_steps() {
    assert_eq!(
        tax_missing(TaxStatus::None, None, day()).as_deref(),
        Some("tax form missing")
    );
    assert_eq!(
        tax_missing(TaxStatus::W8ben, Some("2026-11-30"), day()),
        None
    );
    assert!(tax_missing(TaxStatus::W8ben, Some("2026-11-29"), day())
        .unwrap()
        .contains("expired on 2026-11-29"));
    assert_eq!(tax_missing(TaxStatus::Vat, None, day()), None);
    assert_eq!(
        payout_missing(PayoutMethod::None, "").as_deref(),
        Some("no payout method")
    );
    assert!(payout_missing(PayoutMethod::Paypal, " ")
        .unwrap()
        .contains("PayPal chosen"));
    assert_eq!(payout_missing(PayoutMethod::Paypal, "a@b.de"), None);
    assert_eq!(
        welcome_missing(false).as_deref(),
        Some("welcome kit not sent")
    );
    assert_eq!(welcome_missing(true), None);
}

#[test]
fn the_checklist_says_what_is_done_and_what_is_not() {
    let f = Facts {
        terms_version: "v1",
        terms_accepted_at: Some("2026-03-01T10:00:00Z"),
        current_terms: Some("v2"),
        tax_status: TaxStatus::W9,
        tax_form_expires: None,
        vat_id: "",
        method: PayoutMethod::Iban,
        account: "DE89370400440532013000",
        welcome_sent_at: Some("2026-03-02T09:00:00Z"),
    };
    let c = checklist(&f, day());
    assert_eq!(
        c.iter().map(|s| s.done).collect::<Vec<_>>(),
        [false, true, true, true]
    );
    assert_eq!(c[0].detail, "terms v2 not accepted (accepted v1)");
    assert_eq!(c[2].detail, "bank transfer (IBAN) …3000");
    assert_eq!(c[3].detail, "sent on 2026-03-02");
}
