//! The onboarding checklist: what a partner must have done before they can
//! be paid. Each step is a pure function saying what is missing, in the
//! words payout runs and the onboarding board both show.

use crate::partners::{PayoutMethod, TaxStatus};
use crate::payouts::method_name;
use chrono::NaiveDate;
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
                crate::payouts::mask_account(f.account)
            ),
        ),
        state(
            Step::WelcomeKit,
            welcome_missing(f.welcome_sent_at.is_some()),
            format!("sent on {}", day_of(f.welcome_sent_at)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
