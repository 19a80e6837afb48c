//! Presets for the exports people already have. Each names the columns it
//! reads (matched by header, in any order, case-insensitively) and turns one
//! row into conversions. The column names come from real exports; see each
//! module for its source and what it assumes.

mod generic;
mod partnerstack;
mod paypal;

pub(crate) use paypal::day_first_of;
mod shopify;
mod stripe;

use super::fields::{CellError, Field, Row};
use crate::conversions::ConversionInput;
use chrono::{DateTime, Utc};
use partnerbook_book::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PresetName {
    #[default]
    Generic,
    Stripe,
    Shopify,
    Paypal,
    Partnerstack,
}

impl PresetName {
    pub fn parse(text: &str) -> Option<PresetName> {
        match text.trim().to_ascii_lowercase().as_str() {
            "generic" => Some(PresetName::Generic),
            "stripe" => Some(PresetName::Stripe),
            "shopify" => Some(PresetName::Shopify),
            "paypal" => Some(PresetName::Paypal),
            "partnerstack" => Some(PresetName::Partnerstack),
            _ => None,
        }
    }

    pub(crate) fn preset(self) -> &'static Preset {
        match self {
            PresetName::Generic => &generic::PRESET,
            PresetName::Stripe => &stripe::PRESET,
            PresetName::Shopify => &shopify::PRESET,
            PresetName::Paypal => &paypal::PRESET,
            PresetName::Partnerstack => &partnerstack::PRESET,
        }
    }
}

pub(crate) struct Ctx {
    pub base: Currency,
    /// PayPal writes dates in the account's locale: 31/01/2024 or 01/31/2024.
    pub day_first: bool,
    /// The shop's prices include tax (the book's setting).
    pub prices_include_tax: bool,
}

pub(crate) enum Item {
    Conversion(ConversionInput),
    /// Exports that keep a running refunded total per sale (Stripe,
    /// Shopify): the importer records only what is new since last time.
    RefundedTotal {
        original: String,
        total: Money,
        at: DateTime<Utc>,
        customer_ref: String,
        customer_email: String,
    },
    Skip(&'static str),
    /// An order of several line items, read both ways: `lines` (a sale per
    /// line item, ids "ORDER:1", "ORDER:2"…) unless the book already holds
    /// the order whole under `whole_id` (imported before orders were split),
    /// in which case `whole` keeps it so, and nothing is counted twice.
    Order {
        whole_id: String,
        whole: Vec<Item>,
        lines: Vec<Item>,
    },
}

impl Item {
    /// When it happened, for putting a file's items in time order.
    pub(crate) fn at(&self) -> Option<DateTime<Utc>> {
        match self {
            Item::Conversion(c) => Some(c.occurred_at),
            Item::RefundedTotal { at, .. } => Some(*at),
            Item::Order { whole, .. } => whole.iter().find_map(Item::at),
            Item::Skip(_) => None,
        }
    }
}

/// A bad cell of an order's rows: the index of its row, the field, why.
pub(crate) type OrderError = (usize, CellError);

/// How an export that spreads one order over consecutive rows sharing
/// `key` (Shopify: a row per line item, same Name) is read: the rows
/// together; an error names the index of its row.
pub(crate) struct Orders {
    pub key: Field,
    pub read: fn(&[Row], &Ctx) -> Result<Vec<Item>, OrderError>,
}

pub(crate) struct Preset {
    /// Header (as exported) → what it holds.
    pub columns: &'static [(&'static str, Field)],
    pub required: &'static [Field],
    pub read: fn(&Row, &Ctx) -> Result<Vec<Item>, CellError>,
    /// Set for exports whose orders span several rows: read them together.
    pub orders: Option<Orders>,
    /// Payment exports do not say which payments renew a subscription: a
    /// customer's later sales are recurring payments.
    pub repeat_sales_are_recurring: bool,
    /// Headers that mean the file is another export of the same service,
    /// not sales (PartnerStack's rewards), and what to say then.
    pub wrong_files: &'static [(&'static str, &'static str)],
}
