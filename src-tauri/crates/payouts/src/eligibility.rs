//! Who is paid in a run, and if not, exactly why: every reason that applies,
//! in words the manager can act on. Pure, so each rule is tested alone.

use chrono::NaiveDate;
use partnerbook_book::money::Money;
use partnerbook_partners::onboarding::checklist;
use partnerbook_partners::{PartnerStatus, PayoutMethod, TaxStatus};

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
    /// The account money goes to: an email, an IBAN, or the free text of
    /// "other". Wise pays to the IBAN when there is one, else to the email.
    pub fn account(&self) -> String {
        match self.method {
            PayoutMethod::Wise if !self.iban.is_empty() => self.iban.clone(),
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
