use chrono::NaiveDate;
use partnerbook_book::money::Currency;
use partnerbook_book::money::Money;
use partnerbook_partners::{PartnerStatus, PayoutMethod, TaxStatus};
use partnerbook_payouts::*;

fn ready() -> PayeeFacts {
    PayeeFacts {
        status: PartnerStatus::Active,
        method: PayoutMethod::Paypal,
        email: "zoe@example.com".into(),
        iban: String::new(),
        other: String::new(),
        tax_status: TaxStatus::W9,
        tax_form_expires: None,
        terms_version: "2026-01".into(),
        current_terms: None,
        welcome_sent: true,
        hold: None,
    }
}

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::from_code("USD").unwrap())
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn why(f: &PayeeFacts, balance: i64) -> Vec<String> {
    blockers(f, usd(balance), usd(5000), day(), None)
}

#[test]
fn a_ready_partner_over_the_minimum_is_paid() {
    assert!(why(&ready(), 5000).is_empty());
    assert!(why(&ready(), 123_456).is_empty());
}

#[test]
fn balances_below_the_minimum_zero_or_negative_carry() {
    assert_eq!(
        why(&ready(), 4999),
        ["below the minimum payout of 50.00 USD (balance 49.99 USD)"]
    );
    assert_eq!(why(&ready(), 0), ["nothing to pay: the balance is zero"]);
    assert_eq!(
        why(&ready(), -1200),
        ["negative balance -12.00 USD: netted against later commissions"]
    );
}

#[test]
fn every_reason_is_listed_not_just_the_first() {
    let mut f = ready();
    f.method = PayoutMethod::None;
    f.tax_status = TaxStatus::None;
    f.terms_version.clear();
    f.hold = Some("disputed sales in October".into());
    f.status = PartnerStatus::Paused;
    assert_eq!(
        why(&f, 10_000),
        [
            "held by the manager: disputed sales in October",
            "partner is paused",
            "onboarding incomplete: terms not accepted",
            "no payout method",
            "tax form missing",
        ]
    );
}

#[test]
fn a_method_without_its_account_is_no_method() {
    let mut f = ready();
    f.method = PayoutMethod::Iban;
    assert_eq!(
        why(&f, 10_000),
        ["no payout method: bank transfer (IBAN) chosen but no account given"]
    );
    f.iban = "DE89370400440532013000".into();
    assert!(why(&f, 10_000).is_empty());
}

#[test]
fn w8ben_counts_until_the_day_it_expires() {
    let mut f = ready();
    f.tax_status = TaxStatus::W8ben;
    f.tax_form_expires = Some("2026-11-30".into());
    assert!(why(&f, 10_000).is_empty());
    f.tax_form_expires = Some("2026-11-29".into());
    assert_eq!(
        why(&f, 10_000),
        ["tax form expired: W-8BEN expired on 2026-11-29"]
    );
}

#[test]
fn a_missing_rate_is_a_reason() {
    let r = blockers(
        &ready(),
        usd(10_000),
        usd(0),
        day(),
        Some("no USD→GBP exchange rate on or before 2026-11-30"),
    );
    assert_eq!(r, ["no USD→GBP exchange rate on or before 2026-11-30"]);
}
