//! What a platform holds, in one shape for every platform: an adapter
//! (PartnerStack, Rewardful…) turns its pages into these records, and the
//! rest of sync never sees the platform's own JSON.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// The kinds of records sync brings in, in the order they are synced (a
/// partner's group before the partner, a sale's customer before the sale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Resource {
    Groups,
    Partners,
    Customers,
    Transactions,
    Rewards,
    Leads,
    Deals,
    Payouts,
}

impl Resource {
    pub const ALL: [Resource; 8] = [
        Resource::Groups,
        Resource::Partners,
        Resource::Customers,
        Resource::Transactions,
        Resource::Rewards,
        Resource::Leads,
        Resource::Deals,
        Resource::Payouts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Resource::Groups => "groups",
            Resource::Partners => "partners",
            Resource::Customers => "customers",
            Resource::Transactions => "transactions",
            Resource::Rewards => "rewards",
            Resource::Leads => "leads",
            Resource::Deals => "deals",
            Resource::Payouts => "payouts",
        }
    }

    pub fn parse(text: &str) -> Option<Resource> {
        Resource::ALL
            .into_iter()
            .find(|r| r.as_str() == text.trim())
    }
}

/// One record of a page, with the platform's key and last change (epoch ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub key: String,
    pub updated_ms: i64,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Group(Group),
    Partner(Partner),
    Customer(Customer),
    Transaction(Transaction),
    Reward(Reward),
    /// Kept as the platform sent it (leads, deals).
    Kept(Value),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    /// The key sales carry to name their partner (PartnerStack's
    /// `partner_key`, a Rewardful affiliate's referral token).
    pub partner_key: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    /// The group's platform key and name, when the partner is in one.
    pub group: Option<(String, String)>,
    pub tags: Vec<String>,
    /// A test partner (PartnerStack's `gstest`): skipped.
    pub test: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    /// The customer's id in the vendor's billing system: sales name it.
    pub customer_key: String,
    pub email: String,
    pub partner_key: String,
    /// The platform's id of the partner, where it names them by id
    /// (Rewardful) rather than by key.
    pub partner_remote: String,
    pub test: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Transaction {
    /// Signed: a negative amount gives money back (a refund).
    pub amount_minor: i64,
    pub currency: String,
    pub created_ms: i64,
    pub customer_key: String,
    pub customer_email: String,
    pub partner_key: String,
    pub partner_remote: String,
    pub product: String,
    /// For a refund, the sale it gives money back for, when the platform says.
    pub refunds: String,
    /// True when this record says how much of sale `refunds` was given back
    /// in all (-amount): only what is new since the last sync is recorded.
    pub refunded_total: bool,
    /// Why the platform says it earns nothing (not approved, archived, a
    /// test), if it does.
    pub excluded: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reward {
    pub amount_minor: i64,
    pub currency: String,
    pub status: RewardStatus,
    pub status_text: String,
    pub description: String,
    pub partner_key: String,
    pub partner_remote: String,
    pub transaction_key: String,
    pub earned_ms: i64,
}

/// A platform commission's state, in our words; a word we do not know is
/// kept as `Unknown` (with the platform's word beside it), never an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RewardStatus {
    Pending,
    Approved,
    Declined,
    Hold,
    Paid,
    Unknown,
}

impl RewardStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RewardStatus::Pending => "pending",
            RewardStatus::Approved => "approved",
            RewardStatus::Declined => "declined",
            RewardStatus::Hold => "hold",
            RewardStatus::Paid => "paid",
            RewardStatus::Unknown => "unknown",
        }
    }

    /// The platform's word, read generously: PartnerStack says "new",
    /// Rewardful "due" and "voided".
    pub fn read(word: &str) -> RewardStatus {
        match word.trim().to_ascii_lowercase().as_str() {
            "new" | "pending" => RewardStatus::Pending,
            "approved" | "due" => RewardStatus::Approved,
            "declined" | "denied" | "voided" | "void" | "rejected" => RewardStatus::Declined,
            "hold" | "on_hold" | "held" => RewardStatus::Hold,
            "paid" => RewardStatus::Paid,
            _ => RewardStatus::Unknown,
        }
    }

    /// Counted in what the platform says a partner earned.
    pub fn counts(self) -> bool {
        self != RewardStatus::Declined
    }
}

/// One page of a resource and where the next one starts (None: the last).
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub records: Vec<Record>,
    pub next: Option<String>,
}
