//! Conversions: what customers did (clicks, leads, signups, trials, sales,
//! recurring payments, refunds, chargebacks), and who referred them.

use chrono::{DateTime, Utc};
use partnerbook_book::money::Money;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConversionKind {
    /// A day's click total for a partner's link (`quantity` clicks).
    Click,
    Lead,
    Signup,
    Trial,
    Sale,
    Recurring,
    Refund,
    Chargeback,
    /// A dispute the business won: the chargeback's money came back, and
    /// with it the commission the chargeback took.
    ChargebackReversal,
}

impl ConversionKind {
    pub const ALL: &'static [ConversionKind] = &[
        ConversionKind::Click,
        ConversionKind::Lead,
        ConversionKind::Signup,
        ConversionKind::Trial,
        ConversionKind::Sale,
        ConversionKind::Recurring,
        ConversionKind::Refund,
        ConversionKind::Chargeback,
        ConversionKind::ChargebackReversal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConversionKind::Click => "click",
            ConversionKind::Lead => "lead",
            ConversionKind::Signup => "signup",
            ConversionKind::Trial => "trial",
            ConversionKind::Sale => "sale",
            ConversionKind::Recurring => "recurring",
            ConversionKind::Refund => "refund",
            ConversionKind::Chargeback => "chargeback",
            ConversionKind::ChargebackReversal => "chargeback_reversal",
        }
    }

    pub fn parse(text: &str) -> Option<ConversionKind> {
        let t = text.trim().to_ascii_lowercase();
        ConversionKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == t)
    }

    /// Money comes in (sale, recurring), goes back (refund, chargeback) or
    /// comes back again (chargeback reversal).
    pub fn has_amount(self) -> bool {
        matches!(
            self,
            ConversionKind::Sale
                | ConversionKind::Recurring
                | ConversionKind::Refund
                | ConversionKind::Chargeback
                | ConversionKind::ChargebackReversal
        )
    }

    /// A sale or a recurring payment: what makes a customer a partner's.
    pub fn is_purchase(self) -> bool {
        matches!(self, ConversionKind::Sale | ConversionKind::Recurring)
    }

    pub fn gives_money_back(self) -> bool {
        matches!(self, ConversionKind::Refund | ConversionKind::Chargeback)
    }

    /// Names the sale it changes: a refund, a chargeback, or a chargeback's
    /// reversal. The engine settles these against the sale's commission.
    pub fn follows_a_sale(self) -> bool {
        self.gives_money_back() || self == ConversionKind::ChargebackReversal
    }
}

/// How a conversion found its partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AttributionMethod {
    ReferralCode,
    Coupon,
    Link,
    PartnerKey,
    /// The customer already belongs to a partner (recurring payments).
    Customer,
    /// A click, lead or signup with a code inside the cookie window.
    Touch,
    /// A refund or chargeback follows its sale.
    Original,
    None,
}

impl AttributionMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionMethod::ReferralCode => "referral_code",
            AttributionMethod::Coupon => "coupon",
            AttributionMethod::Link => "link",
            AttributionMethod::PartnerKey => "partner_key",
            AttributionMethod::Customer => "customer",
            AttributionMethod::Touch => "touch",
            AttributionMethod::Original => "original",
            AttributionMethod::None => "none",
        }
    }

    pub fn parse(text: &str) -> AttributionMethod {
        [
            AttributionMethod::ReferralCode,
            AttributionMethod::Coupon,
            AttributionMethod::Link,
            AttributionMethod::PartnerKey,
            AttributionMethod::Customer,
            AttributionMethod::Touch,
            AttributionMethod::Original,
        ]
        .into_iter()
        .find(|m| m.as_str() == text)
        .unwrap_or(AttributionMethod::None)
    }
}

/// One conversion as an import or a person gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionInput {
    /// Where it came from ("stripe", "shopify", "manual"…): external ids are unique per source.
    pub source: String,
    pub external_id: String,
    pub kind: ConversionKind,
    pub occurred_at: DateTime<Utc>,
    /// Sale amount, or the amount given back for refunds and chargebacks.
    pub amount: Option<Money>,
    pub quantity: u32,
    pub product: String,
    /// The customer's id in the source system; empty when unknown.
    pub customer_ref: String,
    pub customer_email: String,
    pub referral_code: String,
    pub coupon_code: String,
    pub link_id: String,
    pub partner_key: String,
    /// For refunds and chargebacks: the sale's external id.
    pub original_external_id: String,
}

impl ConversionInput {
    pub fn new(
        source: &str,
        external_id: &str,
        kind: ConversionKind,
        occurred_at: DateTime<Utc>,
    ) -> Self {
        ConversionInput {
            source: source.to_string(),
            external_id: external_id.to_string(),
            kind,
            occurred_at,
            amount: None,
            quantity: 1,
            product: String::new(),
            customer_ref: String::new(),
            customer_email: String::new(),
            referral_code: String::new(),
            coupon_code: String::new(),
            link_id: String::new(),
            partner_key: String::new(),
            original_external_id: String::new(),
        }
    }
}

/// A stored conversion, as lists and the app show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversion {
    pub id: i64,
    pub source: String,
    pub external_id: String,
    pub kind: ConversionKind,
    pub occurred_at: String,
    pub amount: Option<Money>,
    pub quantity: u32,
    pub product: String,
    pub customer_id: Option<i64>,
    pub customer_ref: Option<String>,
    pub referral_code: String,
    pub coupon_code: String,
    pub link_id: String,
    pub partner_key: String,
    pub original_external_id: String,
    pub partner_id: Option<i64>,
    pub partner_name: Option<String>,
    pub attribution: AttributionMethod,
    /// Why its commission waits, when it does ("no plan applies…").
    pub held: Option<String>,
}

/// A conversion's customer: their row, and the partner they belong to.
#[derive(Clone, Copy)]
pub(crate) struct Customer {
    pub id: i64,
    pub partner_id: Option<i64>,
}
