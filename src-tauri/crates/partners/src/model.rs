//! The partner record and the types around it (PRODUCT.md §1).

use partnerbook_book::text_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

text_enum!(
    /// Where the plan that pays a partner comes from.
    PlanFrom { Own = "own", Group = "group", Default = "default" }
);
text_enum!(
    /// Where a partner stands with the program.
    PartnerStatus { Applicant = "applicant", Active = "active", Paused = "paused", Rejected = "rejected", Terminated = "terminated" }
);
text_enum!(
    /// How a partner is paid.
    #[derive(Default)]
    PayoutMethod { #[default] None = "none", Paypal = "paypal", Wise = "wise", Iban = "iban", Other = "other" }
);
text_enum!(
    /// Which tax form the partner has given us.
    #[derive(Default)]
    TaxStatus { #[default] None = "none", W9 = "w9", W8ben = "w8ben", Vat = "vat" }
);
text_enum!(
    /// Referral codes go in links, coupon codes at checkout, link ids name a tracked link.
    CodeKind { Referral = "referral", Coupon = "coupon", Link = "link" }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerCode {
    pub kind: CodeKind,
    pub code: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutDetails {
    pub method: PayoutMethod,
    /// PayPal or Wise account email.
    pub email: String,
    pub iban: String,
    pub bic: String,
    /// Free-form instructions for "other".
    pub other: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxInfo {
    pub status: TaxStatus,
    /// W-8BEN forms expire; "YYYY-MM-DD", empty when not applicable.
    pub form_expires: String,
    pub vat_id: String,
    /// The taxpayer id on the W-9 or W-8BEN, whole: only the partner's own
    /// form field shows it so; everything else shows `tin::mask` of it.
    /// Absent in input written before TINs were kept: none.
    #[serde(default)]
    pub tin: String,
}

/// A partner as stored, with its group, tags, codes and parent resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Partner {
    pub id: i64,
    pub name: String,
    /// How emails greet them; the first word of the name unless set.
    pub first_name: String,
    pub email: String,
    pub company: String,
    /// Postal address, several lines (statements print it).
    pub address: String,
    pub website: String,
    pub social_profiles: Vec<String>,
    /// ISO 3166-1 alpha-2, upper case; empty when unknown.
    pub country: String,
    pub language: String,
    pub status: PartnerStatus,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub tags: Vec<String>,
    pub custom_fields: BTreeMap<String, String>,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    pub codes: Vec<PartnerCode>,
    pub payout: PayoutDetails,
    pub payout_currency: String,
    pub tax: TaxInfo,
    pub terms_version: String,
    pub terms_accepted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// A plan of their own, overriding their group's.
    pub plan_id: Option<i64>,
    /// The plan that pays them: their own, else their group's, else the
    /// program's default.
    pub plan_name: Option<String>,
    /// Where that plan comes from: their own, their group's, or the
    /// program's default; None when no plan applies.
    #[ts(optional)]
    pub plan_from: Option<PlanFrom>,
    /// Why their payouts are held by the manager; None when not held.
    pub payout_hold: Option<String>,
}

/// Every field a person can set on a partner. Create and update both take
/// the whole record, so the form, the CLI and the CSV import share one path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerInput {
    pub name: String,
    /// Empty means "the first word of the name".
    pub first_name: String,
    pub email: String,
    pub company: String,
    pub address: String,
    pub website: String,
    pub social_profiles: Vec<String>,
    pub country: String,
    pub language: String,
    pub status: PartnerStatus,
    pub group_id: Option<i64>,
    pub tags: Vec<String>,
    pub custom_fields: BTreeMap<String, String>,
    pub parent_id: Option<i64>,
    pub codes: Vec<PartnerCode>,
    pub payout: PayoutDetails,
    /// Empty means the program's base currency.
    pub payout_currency: String,
    pub tax: TaxInfo,
    pub terms_version: String,
}

impl PartnerInput {
    /// A new active partner with just a name and an email.
    pub fn new(name: &str, email: &str) -> Self {
        PartnerInput {
            name: name.to_string(),
            first_name: String::new(),
            email: email.to_string(),
            company: String::new(),
            address: String::new(),
            website: String::new(),
            social_profiles: Vec::new(),
            country: String::new(),
            language: String::new(),
            status: PartnerStatus::Active,
            group_id: None,
            tags: Vec::new(),
            custom_fields: BTreeMap::new(),
            parent_id: None,
            codes: Vec::new(),
            payout: PayoutDetails::default(),
            payout_currency: String::new(),
            tax: TaxInfo::default(),
            terms_version: String::new(),
        }
    }
}

impl From<&Partner> for PartnerInput {
    fn from(p: &Partner) -> Self {
        PartnerInput {
            name: p.name.clone(),
            first_name: p.first_name.clone(),
            email: p.email.clone(),
            company: p.company.clone(),
            address: p.address.clone(),
            website: p.website.clone(),
            social_profiles: p.social_profiles.clone(),
            country: p.country.clone(),
            language: p.language.clone(),
            status: p.status,
            group_id: p.group_id,
            tags: p.tags.clone(),
            custom_fields: p.custom_fields.clone(),
            parent_id: p.parent_id,
            codes: p.codes.clone(),
            payout: p.payout.clone(),
            payout_currency: p.payout_currency.clone(),
            tax: p.tax.clone(),
            terms_version: p.terms_version.clone(),
        }
    }
}
