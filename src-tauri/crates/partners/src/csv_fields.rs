//! The columns of a partner CSV: the names we write on export, the names we
//! recognise on import (headers from other tools' exports), and how a cell
//! becomes part of a `PartnerInput`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartnerField {
    Name,
    FirstName,
    LastName,
    Email,
    Company,
    Address,
    Website,
    SocialProfiles,
    Country,
    Language,
    Status,
    Group,
    Tags,
    ParentEmail,
    ReferralCodes,
    CouponCodes,
    LinkIds,
    PayoutMethod,
    PayoutEmail,
    Iban,
    Bic,
    PayoutOther,
    PayoutCurrency,
    TaxStatus,
    TaxFormExpires,
    VatId,
    Tin,
    TermsVersion,
}

impl PartnerField {
    pub const ALL: &'static [PartnerField] = &[
        PartnerField::Name,
        PartnerField::FirstName,
        PartnerField::LastName,
        PartnerField::Email,
        PartnerField::Company,
        PartnerField::Address,
        PartnerField::Website,
        PartnerField::SocialProfiles,
        PartnerField::Country,
        PartnerField::Language,
        PartnerField::Status,
        PartnerField::Group,
        PartnerField::Tags,
        PartnerField::ParentEmail,
        PartnerField::ReferralCodes,
        PartnerField::CouponCodes,
        PartnerField::LinkIds,
        PartnerField::PayoutMethod,
        PartnerField::PayoutEmail,
        PartnerField::Iban,
        PartnerField::Bic,
        PartnerField::PayoutOther,
        PartnerField::PayoutCurrency,
        PartnerField::TaxStatus,
        PartnerField::TaxFormExpires,
        PartnerField::VatId,
        PartnerField::Tin,
        PartnerField::TermsVersion,
    ];

    /// The column name we export and the mapping name the CLI accepts.
    pub fn column(self) -> &'static str {
        use PartnerField::*;
        match self {
            Name => "name",
            FirstName => "first_name",
            LastName => "last_name",
            Email => "email",
            Company => "company",
            Address => "address",
            Website => "website",
            SocialProfiles => "social_profiles",
            Country => "country",
            Language => "language",
            Status => "status",
            Group => "group",
            Tags => "tags",
            ParentEmail => "parent_email",
            ReferralCodes => "referral_codes",
            CouponCodes => "coupon_codes",
            LinkIds => "link_ids",
            PayoutMethod => "payout_method",
            PayoutEmail => "payout_email",
            Iban => "iban",
            Bic => "bic",
            PayoutOther => "payout_other",
            PayoutCurrency => "payout_currency",
            TaxStatus => "tax_status",
            TaxFormExpires => "tax_form_expires",
            VatId => "vat_id",
            Tin => "tin",
            TermsVersion => "terms_version",
        }
    }

    /// Header spellings seen in other tools' exports, compared after
    /// lower-casing and dropping everything but letters and digits.
    fn aliases(self) -> &'static [&'static str] {
        use PartnerField::*;
        match self {
            Name => &[
                "name",
                "fullname",
                "partnername",
                "contactname",
                "displayname",
            ],
            FirstName => &["firstname", "givenname", "first"],
            LastName => &["lastname", "surname", "familyname", "last"],
            Email => &["email", "emailaddress", "mail", "partneremail"],
            Company => &[
                "company",
                "companyname",
                "organization",
                "organisation",
                "business",
            ],
            Address => &[
                "address",
                "postaladdress",
                "mailingaddress",
                "streetaddress",
            ],
            Website => &["website", "url", "site", "websiteurl", "web", "homepage"],
            SocialProfiles => &["socialprofiles", "social", "socials", "sociallinks"],
            Country => &["country", "countrycode"],
            Language => &["language", "lang", "locale"],
            Status => &["status", "state"],
            Group => &["group", "groupname", "tier"],
            Tags => &["tags", "tag", "labels"],
            ParentEmail => &["parentemail", "parent", "referredby", "parentpartneremail"],
            ReferralCodes => &["referralcodes", "referralcode", "refcode", "code"],
            CouponCodes => &["couponcodes", "couponcode", "coupon", "coupons"],
            LinkIds => &["linkids", "linkid"],
            PayoutMethod => &["payoutmethod", "paymentmethod"],
            PayoutEmail => &["payoutemail", "paypalemail", "paypal", "wiseemail"],
            Iban => &["iban"],
            Bic => &["bic", "swift", "swiftbic", "bicswift"],
            PayoutOther => &["payoutother", "payoutinstructions"],
            PayoutCurrency => &["payoutcurrency", "currency"],
            TaxStatus => &["taxstatus", "taxform"],
            TaxFormExpires => &["taxformexpires", "taxformexpiry", "w8benexpires"],
            VatId => &["vatid", "vat", "vatnumber"],
            Tin => &[
                "tin",
                "taxid",
                "taxpayerid",
                "ssn",
                "ein",
                "ssnein",
                "taxidnumber",
            ],
            TermsVersion => &["termsversion", "terms"],
        }
    }

    pub fn from_column(name: &str) -> Option<PartnerField> {
        PartnerField::ALL
            .iter()
            .copied()
            .find(|f| f.column() == name.trim())
    }
}

/// Where one CSV column goes: "email", "custom:shoe_size", or "ignore".
pub const IGNORE: &str = "ignore";
pub const CUSTOM_PREFIX: &str = "custom:";

/// The target we propose for a header we have never been told about.
pub fn suggest_target(header: &str) -> String {
    let h = header.trim();
    if let Some(key) = h.strip_prefix(CUSTOM_PREFIX) {
        return format!("{CUSTOM_PREFIX}{}", key.trim());
    }
    let folded: String = h
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    PartnerField::ALL
        .iter()
        .find(|f| f.aliases().contains(&folded.as_str()))
        .map(|f| f.column().to_string())
        .unwrap_or_else(|| IGNORE.to_string())
}

/// Splits a list cell: "a; b;c" → ["a", "b", "c"].
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([';', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("; ")
}
