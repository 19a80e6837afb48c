//! PartnerStack transactions, in the fields of its API's transaction object
//! (no dashboard export was found to copy): key, created_at in epoch
//! milliseconds, amount in integer cents (negative for refunds), currency,
//! customer_key, customer_email, product_key, partnership_key (or
//! partner_key), approved, archived, test. A refund names no sale: it
//! follows its customer. A transaction PartnerStack has not approved, has
//! archived, or made with test keys earns nothing and is skipped. A rewards
//! export (what PartnerStack computed for partners, not sales) is refused.

use super::{Ctx, Item, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{CellError, Field, Row};
use chrono::DateTime;
use partnerbook_book::money::Money;

pub(super) static PRESET: Preset = Preset {
    columns: &[
        ("key", Field::ExternalId),
        ("created_at", Field::OccurredAt),
        ("amount", Field::Amount),
        ("currency", Field::Currency),
        ("customer_key", Field::CustomerId),
        ("customer_email", Field::CustomerEmail),
        ("product_key", Field::Product),
        ("partnership_key", Field::PartnerKey),
        ("partner_key", Field::PartnerKey),
        ("approved", Field::Approved),
        ("archived", Field::Archived),
        ("test", Field::Test),
    ],
    required: &[
        Field::ExternalId,
        Field::OccurredAt,
        Field::Amount,
        Field::Currency,
    ],
    read,
    wrong_files: &[(
        "reward_status",
        "is a PartnerStack rewards export: rewards are the commissions PartnerStack computed, not sales. Import its transactions export here; Partnerbook computes the commissions itself",
    )],
    orders: None,
    repeat_sales_are_recurring: true,
};

fn read(row: &Row, _: &Ctx) -> Result<Vec<Item>, CellError> {
    if row.get(Field::Approved).eq_ignore_ascii_case("false") {
        return Ok(vec![Item::Skip(
            "not approved by PartnerStack (approved: false)",
        )]);
    }
    if row.get(Field::Archived).eq_ignore_ascii_case("true") {
        return Ok(vec![Item::Skip("archived in PartnerStack")]);
    }
    if row.get(Field::Test).eq_ignore_ascii_case("true") {
        return Ok(vec![Item::Skip("a test transaction (made with test keys)")]);
    }
    let ms_text = row.required(Field::OccurredAt)?;
    let at = ms_text
        .parse::<i64>()
        .ok()
        .and_then(DateTime::from_timestamp_millis)
        .ok_or_else(|| {
            (
                Field::OccurredAt,
                format!("\"{ms_text}\" is not epoch milliseconds"),
            )
        })?;
    let currency = row.currency(Field::Currency, None)?;
    let cents_text = row.required(Field::Amount)?;
    let cents: i64 = cents_text.parse().map_err(|_| {
        (
            Field::Amount,
            format!("\"{cents_text}\" is not a whole number of cents"),
        )
    })?;
    let kind = if cents < 0 {
        ConversionKind::Refund
    } else {
        ConversionKind::Sale
    };
    let mut c = ConversionInput::new("", row.required(Field::ExternalId)?, kind, at);
    c.amount = Some(Money::new(cents.abs(), currency));
    c.customer_ref = row.get(Field::CustomerId).to_string();
    c.customer_email = row.get(Field::CustomerEmail).to_string();
    c.product = row.get(Field::Product).to_string();
    c.partner_key = row.get(Field::PartnerKey).to_string();
    Ok(vec![Item::Conversion(c)])
}
