//! What an application is: the applicant's own words (untrusted text, kept
//! and shown as text only), where it stands, and what screening found.

use partnerbook_book::text_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

text_enum!(
    /// pending → approved | rejected; a rejected applicant who applies
    /// again is pending again, with the earlier submissions kept.
    ApplicationStatus { Pending = "pending", Approved = "approved", Rejected = "rejected" }
);

/// One submission of the signup form, as imported or typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ApplicationInput {
    pub name: String,
    pub email: String,
    pub website: String,
    pub social_profiles: Vec<String>,
    /// ISO 3166-1 alpha-2 or a country name the import understands.
    pub country: String,
    pub audience_size: Option<u64>,
    /// How they will promote.
    pub promotion: String,
    pub categories: Vec<String>,
    /// The form's own questions and the answers given.
    pub answers: BTreeMap<String, String>,
    /// A PayPal email or IBAN, when the form asks for one.
    pub payout_account: String,
}

text_enum!(
    /// red: do not approve without a good reason; amber: look closer;
    /// pass: checked and fine.
    CheckSeverity { Red = "red", Amber = "amber", Pass = "pass" }
);

/// One automatic check's result, with the evidence behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckResult {
    /// Stable id: "duplicate_email", "disposable_email"…
    pub check: String,
    pub label: String,
    pub severity: CheckSeverity,
    /// What was found, in words: "partner #12 Zoë Adams uses zoe@example.com".
    pub evidence: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Application {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub website: String,
    pub domain: String,
    pub social_profiles: Vec<String>,
    pub country: String,
    pub audience_size: Option<u64>,
    pub promotion: String,
    pub categories: Vec<String>,
    pub answers: BTreeMap<String, String>,
    pub payout_account: String,
    pub status: ApplicationStatus,
    /// 0–100; None until screened.
    pub score: Option<u8>,
    pub red_flags: u32,
    pub checks: Vec<CheckResult>,
    pub screened_at: Option<String>,
    pub reason: Option<String>,
    pub decided_at: Option<String>,
    pub partner_id: Option<i64>,
    pub submissions: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// An earlier (or the latest) submission, as received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Submission {
    pub received_at: String,
    pub source: String,
    pub input: ApplicationInput,
}
