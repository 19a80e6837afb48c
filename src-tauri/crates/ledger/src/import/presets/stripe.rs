//! Stripe Dashboard → Payments → Export (unified_payments.csv). Headers as
//! exported in 2023–2026 (both "Created date (UTC)" and the older "Created
//! (UTC)"); amounts in major units with a point; dates "2024-05-01 13:45:10"
//! in UTC; currency in lower case. One row per charge: refunds are not rows
//! but the running "Amount Refunded" of the charge. A referral code can
//! travel as payment metadata, exported as "referral (metadata)".
//! Rows with no id (abandoned payment intents), failed or uncaptured charges
//! are skipped.

use super::{Ctx, Item, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{timestamp, CellError, Field, Row};

pub(super) static PRESET: Preset = Preset {
    columns: &[
        ("id", Field::ExternalId),
        ("Created date (UTC)", Field::OccurredAt),
        ("Created (UTC)", Field::OccurredAt),
        ("Amount", Field::Amount),
        ("Amount Refunded", Field::RefundedAmount),
        ("Refunded date (UTC)", Field::RefundedAt),
        ("Currency", Field::Currency),
        ("Captured", Field::Captured),
        ("Status", Field::Status),
        ("Description", Field::Product),
        ("Customer ID", Field::CustomerId),
        ("Customer Email", Field::CustomerEmail),
        ("referral (metadata)", Field::ReferralCode),
        ("ref (metadata)", Field::ReferralCode),
        ("coupon (metadata)", Field::CouponCode),
        ("partner (metadata)", Field::PartnerKey),
    ],
    required: &[
        Field::ExternalId,
        Field::OccurredAt,
        Field::Amount,
        Field::Currency,
    ],
    read,
    repeat_sales_are_recurring: true,
};

fn read(row: &Row, _: &Ctx) -> Result<Vec<Item>, CellError> {
    let id = row.get(Field::ExternalId);
    if id.is_empty() {
        return Ok(vec![Item::Skip("no charge id (an abandoned payment)")]);
    }
    let status = row.get(Field::Status).to_ascii_lowercase();
    if !matches!(status.as_str(), "paid" | "refunded" | "succeeded" | "")
        || row.get(Field::Captured) == "false"
    {
        return Ok(vec![Item::Skip("not a completed charge")]);
    }
    let at_text = row.required(Field::OccurredAt)?;
    let at = timestamp(at_text)
        .ok_or_else(|| (Field::OccurredAt, format!("\"{at_text}\" is not a date")))?;
    let currency = row.currency(Field::Currency, None)?;
    let (amount, _) = row.money(Field::Amount, currency)?;
    let mut sale = ConversionInput::new("", id, ConversionKind::Sale, at);
    sale.amount = Some(amount);
    sale.product = row.get(Field::Product).to_string();
    sale.customer_ref = row.get(Field::CustomerId).to_string();
    sale.customer_email = row.get(Field::CustomerEmail).to_string();
    sale.referral_code = row.get(Field::ReferralCode).to_string();
    sale.coupon_code = row.get(Field::CouponCode).to_string();
    sale.partner_key = row.get(Field::PartnerKey).to_string();
    let mut items = vec![];
    let refunded = row.get(Field::RefundedAmount);
    if !refunded.is_empty() {
        let (total, _) = row.money(Field::RefundedAmount, currency)?;
        if total.minor > 0 {
            let when = timestamp(row.get(Field::RefundedAt)).unwrap_or(at);
            items.push(Item::RefundedTotal {
                original: id.to_string(),
                total,
                at: when,
                customer_ref: sale.customer_ref.clone(),
                customer_email: sale.customer_email.clone(),
            });
        }
    }
    items.insert(0, Item::Conversion(sale));
    Ok(items)
}
