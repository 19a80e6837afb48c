//! Who is paid in a run, and if not, exactly why: every reason that applies,
//! in words the manager can act on. Pure, so each rule is tested alone.

use crate::money::Money;
use crate::onboarding::checklist;
use crate::partners::{PartnerStatus, PayoutMethod, TaxStatus};
use chrono::NaiveDate;

/// What a partner's payout depends on, as stored on the partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayeeFacts {
    pub status: PartnerStatus,
    pub method: PayoutMethod,
    /// PayPal or Wise email.
    pub email: String,
    pub iban: String,
    pub other: String,
    pub tax_status: TaxStatus,
    /// "YYYY-MM-DD" for a W-8BEN.
    pub tax_form_expires: Option<String>,
    pub terms_version: String,
    /// The latest published terms version, if any.
    pub current_terms: Option<String>,
    pub welcome_sent: bool,
    /// The manager's hold, with its reason.
    pub hold: Option<String>,
}

impl PayeeFacts {
    /// The account money goes to: an email, an IBAN, or the free text of "other".
    pub fn account(&self) -> String {
        match self.method {
            PayoutMethod::Paypal | PayoutMethod::Wise => self.email.clone(),
            PayoutMethod::Iban => self.iban.clone(),
            PayoutMethod::Other => self.other.clone(),
            PayoutMethod::None => String::new(),
        }
    }
}

/// Every reason `facts` with `balance` is not paid in a run through `day`;
/// empty means paid. `fx_missing` is the reason when no rate converts the
/// balance to the payout currency.
pub fn blockers(
    facts: &PayeeFacts,
    balance: Money,
    minimum: Money,
    day: NaiveDate,
    fx_missing: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    if balance.minor < 0 {
        out.push(format!(
            "negative balance {balance}: netted against later commissions"
        ));
    } else if balance.minor == 0 {
        out.push("nothing to pay: the balance is zero".into());
    } else if balance.minor < minimum.minor {
        out.push(format!(
            "below the minimum payout of {minimum} (balance {balance})"
        ));
    }
    if let Some(why) = &facts.hold {
        out.push(format!("held by the manager: {why}"));
    }
    match facts.status {
        PartnerStatus::Active => {}
        other => out.push(format!("partner is {}", other.as_str())),
    }
    // Payout details and the tax form are onboarding steps with reasons of
    // their own (readiness groups them); the rest of the checklist is one reason.
    let onboarding: Vec<String> = [
        checklist::terms_missing(&facts.terms_version, facts.current_terms.as_deref()),
        checklist::welcome_missing(facts.welcome_sent),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !onboarding.is_empty() {
        out.push(format!("onboarding incomplete: {}", onboarding.join(", ")));
    }
    out.extend(checklist::payout_missing(facts.method, &facts.account()));
    out.extend(checklist::tax_missing(
        facts.tax_status,
        facts.tax_form_expires.as_deref(),
        day,
    ));
    if let Some(why) = fx_missing {
        out.push(why.to_string());
    }
    out
}

pub fn method_name(m: PayoutMethod) -> &'static str {
    match m {
        PayoutMethod::Paypal => "PayPal",
        PayoutMethod::Wise => "Wise",
        PayoutMethod::Iban => "bank transfer (IBAN)",
        PayoutMethod::Other => "other",
        PayoutMethod::None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

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
}
