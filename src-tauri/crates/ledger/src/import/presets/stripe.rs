//! Stripe Dashboard → Payments → Export (unified_payments.csv). Headers as
//! exported in 2023–2026 (both "Created date (UTC)" and the older "Created
//! (UTC)"); amounts in major units with a point; dates "2024-05-01 13:45:10"
//! in UTC; currency in lower case. One row per charge: refunds are not rows
//! but the running "Amount Refunded" of the charge. A referral code can
//! travel as payment metadata, exported as "referral (metadata)".
//! Rows with no id (abandoned payment intents), failed or uncaptured charges
//! and test-mode payments (`Mode` = Test) are skipped. A dispute the
//! business lost (`Dispute Status` = lost) is a chargeback of the
//! `Disputed Amount`, dated at the `Dispute Date (UTC)`; a won dispute or
//! one still open changes nothing. The 2023 layout has no refund date: a
//! refund is then dated at its charge (the report says how many were).

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
        ("affiliate_code (metadata)", Field::ReferralCode),
        ("affiliate (metadata)", Field::ReferralCode),
        ("Mode", Field::Mode),
        ("Dispute Status", Field::DisputeStatus),
        ("Disputed Amount", Field::DisputedAmount),
        ("Dispute Date (UTC)", Field::DisputeDate),
    ],
    required: &[
        Field::ExternalId,
        Field::OccurredAt,
        Field::Amount,
        Field::Currency,
    ],
    read,
    wrong_files: &[],
    orders: None,
    repeat_sales_are_recurring: true,
};

fn read(row: &Row, _: &Ctx) -> Result<Vec<Item>, CellError> {
    let id = row.get(Field::ExternalId);
    if id.is_empty() {
        return Ok(vec![Item::Skip("no charge id (an abandoned payment)")]);
    }
    if row.get(Field::Mode).eq_ignore_ascii_case("test") {
        return Ok(vec![Item::Skip("a test-mode payment (Mode: Test)")]);
    }
    let status = row.get(Field::Status).to_ascii_lowercase();
    if !matches!(
        status.as_str(),
        "paid" | "refunded" | "succeeded" | "disputed" | ""
    ) || row.get(Field::Captured) == "false"
    {
        return Ok(vec![Item::Skip("not a completed charge")]);
    }
    let at_text = row.required(Field::OccurredAt)?;
    let at = timestamp(at_text)
        .ok_or_else(|| (Field::OccurredAt, format!("\"{at_text}\" is not a date")))?;
    let currency = row.currency(Field::Currency, None)?;
    let amount = row.money_not_negative(Field::Amount, currency)?;
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
        let total = row.money_not_negative(Field::RefundedAmount, currency)?;
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
    if row.get(Field::DisputeStatus).eq_ignore_ascii_case("lost") {
        let lost = match row.get(Field::DisputedAmount) {
            "" => amount,
            _ => row.money_not_negative(Field::DisputedAmount, currency)?,
        };
        let dated = row.get(Field::DisputeDate);
        let when = match dated {
            "" => at,
            _ => timestamp(dated)
                .ok_or_else(|| (Field::DisputeDate, format!("\"{dated}\" is not a date")))?,
        };
        let mut chargeback = ConversionInput::new(
            "",
            &format!("{id}:dispute"),
            ConversionKind::Chargeback,
            when,
        );
        chargeback.amount = Some(lost);
        chargeback.original_external_id = id.to_string();
        chargeback.customer_ref = sale.customer_ref.clone();
        chargeback.customer_email = sale.customer_email.clone();
        items.push(Item::Conversion(chargeback));
    }
    items.insert(0, Item::Conversion(sale));
    Ok(items)
}
