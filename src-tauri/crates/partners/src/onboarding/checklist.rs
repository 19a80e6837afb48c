//! The onboarding checklist: what a partner must have done before they can
//! be paid. Each step is a pure function saying what is missing, in the
//! words payout runs and the onboarding board both show.

use crate::payout_method::method_name;
use crate::{PayoutMethod, TaxStatus};
use chrono::NaiveDate;
use partnerbook_book::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum!(
    /// The steps, in the order a partner usually does them.
    Step { Terms = "terms", TaxForm = "tax_form", PayoutDetails = "payout_details", WelcomeKit = "welcome_kit" }
);

/// One step for one partner: done, or what is missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepState {
    pub step: Step,
    pub done: bool,
    /// "accepted 2026-02 on 2026-03-01", or what is missing.
    pub detail: String,
}

/// Terms: the latest published version must be the one accepted; with no
/// versions published, any accepted version counts.
pub fn terms_missing(accepted: &str, current: Option<&str>) -> Option<String> {
    let accepted = accepted.trim();
    match current {
        _ if accepted.is_empty() => Some(match current {
            Some(v) => format!("terms {v} not accepted"),
            None => "terms not accepted".into(),
        }),
        Some(v) if v != accepted => Some(format!("terms {v} not accepted (accepted {accepted})")),
        _ => None,
    }
}

pub fn tax_missing(status: TaxStatus, expires: Option<&str>, day: NaiveDate) -> Option<String> {
    match status {
        TaxStatus::None => Some("tax form missing".into()),
        TaxStatus::W8ben => {
            match expires.and_then(|e| NaiveDate::parse_from_str(e.trim(), "%Y-%m-%d").ok()) {
                Some(expires) if expires < day => {
                    Some(format!("tax form expired: W-8BEN expired on {expires}"))
                }
                Some(_) => None,
                None => Some("tax form expired: W-8BEN has no expiry date".into()),
            }
        }
        TaxStatus::W9 | TaxStatus::Vat => None,
    }
}

pub fn payout_missing(method: PayoutMethod, account: &str) -> Option<String> {
    match method {
        PayoutMethod::None => Some("no payout method".into()),
        m if account.trim().is_empty() => Some(format!(
            "no payout method: {} chosen but no account given",
            method_name(m)
        )),
        _ => None,
    }
}

pub fn welcome_missing(sent: bool) -> Option<String> {
    (!sent).then(|| "welcome kit not sent".into())
}

/// Everything one partner's checklist needs to know.
pub struct Facts<'a> {
    pub terms_version: &'a str,
    pub terms_accepted_at: Option<&'a str>,
    pub current_terms: Option<&'a str>,
    pub tax_status: TaxStatus,
    pub tax_form_expires: Option<&'a str>,
    pub vat_id: &'a str,
    pub method: PayoutMethod,
    pub account: &'a str,
    pub welcome_sent_at: Option<&'a str>,
}

/// The four steps with their state on `day`.
pub fn checklist(f: &Facts<'_>, day: NaiveDate) -> Vec<StepState> {
    let day_of = |at: Option<&str>| {
        at.map(|a| a.chars().take(10).collect::<String>())
            .unwrap_or_default()
    };
    let state = |step, missing: Option<String>, done: String| StepState {
        step,
        done: missing.is_none(),
        detail: missing.unwrap_or(done),
    };
    vec![
        state(
            Step::Terms,
            terms_missing(f.terms_version, f.current_terms),
            format!(
                "accepted {} on {}",
                f.terms_version,
                day_of(f.terms_accepted_at)
            )
            .trim_end_matches(" on ")
            .to_string(),
        ),
        state(
            Step::TaxForm,
            tax_missing(f.tax_status, f.tax_form_expires, day),
            match f.tax_status {
                TaxStatus::W8ben => {
                    format!("W-8BEN valid until {}", f.tax_form_expires.unwrap_or(""))
                }
                TaxStatus::Vat => format!("VAT id {}", f.vat_id),
                _ => "W-9 on file".into(),
            },
        ),
        state(
            Step::PayoutDetails,
            payout_missing(f.method, f.account),
            format!(
                "{} {}",
                method_name(f.method),
                crate::payout_method::mask_account(f.account)
            ),
        ),
        state(
            Step::WelcomeKit,
            welcome_missing(f.welcome_sent_at.is_some()),
            format!("sent on {}", day_of(f.welcome_sent_at)),
        ),
    ]
}
