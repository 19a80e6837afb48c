//! The checks, what each does by default, and a flag as lists show it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskCheck")]
pub enum Check {
    /// The customer is the partner: same mailbox, the partner's payout
    /// address, or the partner's own business domain or website.
    SelfReferral,
    /// The customer is another partner, buying through a partner's code.
    CustomerIsPartner,
    /// The customer's email is at a disposable mailbox provider.
    DisposableEmail,
    /// Two partners are paid to one PayPal/Wise address or IBAN.
    SharedPayoutAccount,
    /// A partner's refund rate in a month far above the program's.
    RefundSpike,
    /// A partner's sales in a day far above their own recent days.
    Velocity,
    /// One customer buying many times within a day.
    CustomerBurst,
    /// A partner's coupon used by many customers they never touched.
    CouponLeakage,
}

impl Check {
    pub const ALL: &'static [Check] = &[
        Check::SelfReferral,
        Check::CustomerIsPartner,
        Check::DisposableEmail,
        Check::SharedPayoutAccount,
        Check::RefundSpike,
        Check::Velocity,
        Check::CustomerBurst,
        Check::CouponLeakage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Check::SelfReferral => "self_referral",
            Check::CustomerIsPartner => "customer_is_partner",
            Check::DisposableEmail => "disposable_email",
            Check::SharedPayoutAccount => "shared_payout_account",
            Check::RefundSpike => "refund_spike",
            Check::Velocity => "velocity",
            Check::CustomerBurst => "customer_burst",
            Check::CouponLeakage => "coupon_leakage",
        }
    }

    pub fn parse(text: &str) -> Option<Check> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        Check::ALL.iter().copied().find(|c| c.as_str() == t)
    }

    /// In words, for lists and settings.
    pub fn title(self) -> &'static str {
        match self {
            Check::SelfReferral => "Self-referral",
            Check::CustomerIsPartner => "Customer is a partner",
            Check::DisposableEmail => "Disposable customer email",
            Check::SharedPayoutAccount => "Shared payout account",
            Check::RefundSpike => "Refund spike",
            Check::Velocity => "Sales far above the partner's usual",
            Check::CustomerBurst => "One customer buying many times in a day",
            Check::CouponLeakage => "Coupon used without the partner's links",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Check::SelfReferral | Check::SharedPayoutAccount => Severity::High,
            Check::CustomerIsPartner
            | Check::RefundSpike
            | Check::Velocity
            | Check::CustomerBurst => Severity::Medium,
            Check::DisposableEmail | Check::CouponLeakage => Severity::Low,
        }
    }

    /// What the check does in a book that never set it: a self-referral is
    /// not paid until looked at; the rest ask for review.
    pub fn default_action(self) -> Action {
        match self {
            Check::SelfReferral => Action::Hold,
            _ => Action::Flag,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskSeverity")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        [Severity::Low, Severity::Medium, Severity::High]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// What a check does: nothing, raise flags for review, or hold what it flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskAction")]
pub enum Action {
    Off,
    Flag,
    Hold,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Off => "off",
            Action::Flag => "flag",
            Action::Hold => "hold",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        [Action::Off, Action::Flag, Action::Hold]
            .into_iter()
            .find(|a| a.as_str() == text.trim().to_ascii_lowercase())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RiskFlagStatus")]
pub enum FlagStatus {
    Open,
    Cleared,
    Declined,
}

impl FlagStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Cleared => "cleared",
            FlagStatus::Declined => "declined",
        }
    }

    pub fn parse(text: &str) -> Option<FlagStatus> {
        [FlagStatus::Open, FlagStatus::Cleared, FlagStatus::Declined]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// A flag as the Risk screen and `risk list` show it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export, rename = "RiskFlag")]
pub struct Flag {
    pub id: i64,
    pub check: Check,
    pub severity: Severity,
    pub partner_id: i64,
    pub partner_name: String,
    /// The sale it is about; None when it is about the partner.
    pub conversion_id: Option<i64>,
    /// The sale's id in the file it came from.
    pub sale: Option<String>,
    pub evidence: String,
    /// Whether it holds the commissions it covers.
    pub hold: bool,
    pub status: FlagStatus,
    /// The day of the event that raised it.
    pub flagged_on: String,
    pub resolved_at: Option<String>,
    /// The manager's reason for clearing or declining.
    pub reason: Option<String>,
    /// Unpaid commission it covers (pending, approved or in a draft run), in
    /// minor units of `currency`, the program's currency.
    pub covered_minor: i64,
    pub currency: String,
}
