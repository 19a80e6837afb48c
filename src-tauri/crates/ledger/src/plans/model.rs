//! Plans as data: a plan is named and has effective-dated versions, each a
//! list of rules. The same shapes are the JSON file format (`plans import`,
//! `plans export`) and what the book stores for each version.

use crate::conversions::ConversionKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Band: the whole amount at the rate of the band the partner's month
/// reaches. Marginal: each slice of the amount at the rate of its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TierMode {
    Band,
    Marginal,
}

/// What a tier or a target counts over the calendar month: sale and
/// recurring revenue in the base currency, or the number of sales.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Measure {
    #[default]
    Revenue,
    Count,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tier {
    /// Where the band starts: an amount ("1000.00") or a count ("10").
    pub from: String,
    pub rate: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepDown {
    pub after_months: u32,
    pub rate: String,
}

/// Two-tier: on top, the parent earns extra; split, the parent's share comes
/// out of the partner's commission and the two add up to it exactly. Each
/// two-tier rule pays one level of the partner's chain: 1 (the default) the
/// parent, 2 the grandparent, and so on up to `MAX_LEVELS`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TwoTierMode {
    #[default]
    OnTop,
    Split,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ShareOf {
    #[default]
    Commission,
    Sale,
}

/// What a rule pays. Rates are percentages ("30%"); amounts are in the
/// program's base currency ("5.00").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RuleKind {
    Percentage {
        rate: String,
    },
    /// Per conversion (times its quantity, for click totals).
    Flat {
        amount: String,
    },
    Hybrid {
        amount: String,
        rate: String,
    },
    Tiered {
        mode: TierMode,
        #[serde(default)]
        measure: Measure,
        tiers: Vec<Tier>,
    },
    /// For the customer's payments after the first sale: for `months` months
    /// (lifetime when absent), at `step_down.rate` after `step_down.after_months`.
    Recurring {
        rate: String,
        months: Option<u32>,
        step_down: Option<StepDown>,
    },
    TwoTier {
        rate: String,
        #[serde(default)]
        of: ShareOf,
        #[serde(default)]
        mode: TwoTierMode,
        /// 1 (or absent) the parent, 2 the grandparent…
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        level: Option<u32>,
    },
    /// Reach `threshold` in a calendar month, earn `bonus` once.
    TargetBonus {
        #[serde(default)]
        measure: Measure,
        threshold: String,
        bonus: String,
    },
}

/// How many levels up a partner's chain two-tier rules can pay.
pub const MAX_LEVELS: u32 = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rule {
    /// Unique within the version; commissions record it.
    pub id: String,
    #[serde(flatten)]
    pub kind: RuleKind,
    /// Conversion kinds it pays for; empty means the kind's default
    /// (see `defaults_for`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<ConversionKind>,
    /// Only this product (a per-product override).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Only this partner (a per-partner override): their email in files,
    /// their id in the book.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl Rule {
    /// The conversion kinds a rule pays for when it does not say.
    pub fn kinds(&self) -> Vec<ConversionKind> {
        if !self.applies_to.is_empty() {
            return self.applies_to.clone();
        }
        use ConversionKind::*;
        match self.kind {
            RuleKind::Percentage { .. } | RuleKind::Tiered { .. } => vec![Sale, Recurring],
            RuleKind::Flat { .. } | RuleKind::Hybrid { .. } => vec![Sale],
            RuleKind::Recurring { .. } => vec![Recurring],
            RuleKind::TwoTier { .. } | RuleKind::TargetBonus { .. } => vec![],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanVersionFile {
    /// "YYYY-MM-DD": conversions on or after it use this version.
    pub effective_from: String,
    pub rules: Vec<Rule>,
}

/// The JSON file format of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanFile {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Groups put on this plan when the file is imported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    pub versions: Vec<PlanVersionFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanVersion {
    pub id: i64,
    pub version: u32,
    pub effective_from: String,
    pub rules: Vec<Rule>,
    /// True once it produced commissions: then it can only be superseded.
    pub used: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Plan {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub groups: Vec<String>,
    pub partners_on_plan: u64,
    /// The program's default plan: partners with no plan of their own and
    /// none from their group earn under it (and are counted on it).
    pub is_default: bool,
    pub versions: Vec<PlanVersion>,
}
