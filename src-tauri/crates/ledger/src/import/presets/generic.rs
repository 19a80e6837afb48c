//! A file in Partnerbook's own terms: one conversion per row, columns named
//! after the fields (or mapped with `--map COLUMN=FIELD`).

use super::{Ctx, Item, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{timestamp, CellError, Field, Row};

pub(super) static PRESET: Preset = Preset {
    columns: &[
        ("external_id", Field::ExternalId),
        ("id", Field::ExternalId),
        ("kind", Field::Kind),
        ("type", Field::Kind),
        ("occurred_at", Field::OccurredAt),
        ("date", Field::OccurredAt),
        ("amount", Field::Amount),
        ("currency", Field::Currency),
        ("quantity", Field::Quantity),
        ("product", Field::Product),
        ("customer_id", Field::CustomerId),
        ("customer", Field::CustomerId),
        ("customer_email", Field::CustomerEmail),
        ("email", Field::CustomerEmail),
        ("referral_code", Field::ReferralCode),
        ("coupon_code", Field::CouponCode),
        ("coupon", Field::CouponCode),
        ("link_id", Field::LinkId),
        ("partner_key", Field::PartnerKey),
        ("original_external_id", Field::OriginalExternalId),
    ],
    required: &[Field::ExternalId, Field::OccurredAt],
    read,
    wrong_files: &[],
    orders: None,
    repeat_sales_are_recurring: false,
};

fn read(row: &Row, ctx: &Ctx) -> Result<Vec<Item>, CellError> {
    let kind = match row.get(Field::Kind) {
        "" => ConversionKind::Sale,
        k => ConversionKind::parse(k).ok_or_else(|| {
            let choices: Vec<&str> = ConversionKind::ALL.iter().map(|k| k.as_str()).collect();
            (
                Field::Kind,
                format!("\"{k}\" is not one of {}", choices.join(", ")),
            )
        })?,
    };
    let at = row.required(Field::OccurredAt)?;
    let at = timestamp(at).ok_or_else(|| {
        (
            Field::OccurredAt,
            format!("\"{at}\" is not a date like 2026-05-01 or 2026-05-01T13:45:00Z"),
        )
    })?;
    let mut c = ConversionInput::new("", row.required(Field::ExternalId)?, kind, at);
    if kind.has_amount() || !row.get(Field::Amount).is_empty() {
        let currency = row.currency(Field::Currency, Some(ctx.base))?;
        let (amount, negative) = row.money(Field::Amount, currency)?;
        if negative {
            return Err((
                Field::Amount,
                "must not be negative: use the kind \"refund\"".into(),
            ));
        }
        c.amount = Some(amount);
    }
    let quantity = row.get(Field::Quantity);
    if !quantity.is_empty() {
        c.quantity = quantity.parse().map_err(|_| {
            (
                Field::Quantity,
                format!("\"{quantity}\" is not a whole number"),
            )
        })?;
    }
    c.product = row.get(Field::Product).to_string();
    c.customer_ref = row.get(Field::CustomerId).to_string();
    c.customer_email = row.get(Field::CustomerEmail).to_string();
    c.referral_code = row.get(Field::ReferralCode).to_string();
    c.coupon_code = row.get(Field::CouponCode).to_string();
    c.link_id = row.get(Field::LinkId).to_string();
    c.partner_key = row.get(Field::PartnerKey).to_string();
    c.original_external_id = row.get(Field::OriginalExternalId).to_string();
    Ok(vec![Item::Conversion(c)])
}
