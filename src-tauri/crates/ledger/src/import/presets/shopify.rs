//! Shopify admin → Orders → Export (orders_export.csv), 2021–2025 headers.
//! An order spans one row per line item with the same "Name"; only the
//! first row carries the totals and "Financial Status", so the other rows
//! are skipped. The sale is the "Subtotal" (after discounts, before
//! shipping and taxes: what commissions are usually paid on); the coupon is
//! "Discount Code". "Refunded Amount" is the order's running refunded total
//! on the basis of "Total" (shipping and taxes in): it is brought to the
//! sale's basis in proportion, Refunded × Subtotal / Total, so a refund
//! never takes back commission on shipping or tax it was never paid on (a
//! refund of shipping alone still takes back its proportional share: the
//! export does not say what a refund was for). It has no date of its own:
//! the refund is dated at the order's payment. When the book says the
//! shop's prices include tax, the Subtotal has the tax in: the sale is
//! Subtotal − Taxes, and refunds are brought to that.
//! Pending, authorized, voided and cancelled orders are skipped.

use super::{Ctx, Item, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{timestamp, CellError, Field, Row};
use partnerbook_book::money::{Money, Rounding};

pub(super) static PRESET: Preset = Preset {
    columns: &[
        ("Name", Field::Name),
        ("Id", Field::ExternalId),
        ("Email", Field::CustomerEmail),
        ("Financial Status", Field::Status),
        ("Paid at", Field::OccurredAt),
        ("Created at", Field::CreatedAt),
        ("Currency", Field::Currency),
        ("Subtotal", Field::Amount),
        ("Discount Code", Field::CouponCode),
        ("Refunded Amount", Field::RefundedAmount),
        ("Total", Field::Total),
        ("Taxes", Field::Taxes),
        ("Lineitem name", Field::Product),
        ("Cancelled at", Field::CancelledAt),
    ],
    required: &[Field::Name, Field::Status, Field::Currency, Field::Amount],
    read,
    wrong_files: &[],
    repeat_sales_are_recurring: true,
};

fn read(row: &Row, ctx: &Ctx) -> Result<Vec<Item>, CellError> {
    let status = row.get(Field::Status).to_ascii_lowercase();
    if status.is_empty() {
        return Ok(vec![Item::Skip("another line item of an order")]);
    }
    if !matches!(
        status.as_str(),
        "paid" | "partially_refunded" | "refunded" | "partially_paid"
    ) {
        return Ok(vec![Item::Skip("not a paid order")]);
    }
    if !row.get(Field::CancelledAt).is_empty() && status != "refunded" {
        return Ok(vec![Item::Skip("a cancelled order")]);
    }
    let id = match row.get(Field::ExternalId) {
        "" => row.required(Field::Name)?,
        id => id,
    };
    let when = match row.get(Field::OccurredAt) {
        "" => row.required(Field::CreatedAt)?,
        paid => paid,
    };
    let at =
        timestamp(when).ok_or_else(|| (Field::OccurredAt, format!("\"{when}\" is not a date")))?;
    let currency = row.currency(Field::Currency, None)?;
    let mut amount = row.money_not_negative(Field::Amount, currency)?;
    if ctx.prices_include_tax && !row.get(Field::Taxes).is_empty() {
        let taxes = row.money_not_negative(Field::Taxes, currency)?;
        amount = Money::new((amount.minor - taxes.minor).max(0), currency);
    }
    let mut sale = ConversionInput::new("", id, ConversionKind::Sale, at);
    sale.amount = Some(amount);
    sale.customer_email = row.get(Field::CustomerEmail).to_string();
    sale.coupon_code = row.get(Field::CouponCode).to_string();
    sale.product = row.get(Field::Product).to_string();
    let mut items = vec![];
    if !row.get(Field::RefundedAmount).is_empty() {
        let refunded = row.money_not_negative(Field::RefundedAmount, currency)?;
        let order_total = match row.get(Field::Total) {
            "" => None,
            _ => Some(row.money_not_negative(Field::Total, currency)?),
        };
        let total = on_sale_basis(refunded, amount, order_total);
        if total.minor > 0 {
            items.push(Item::RefundedTotal {
                original: id.to_string(),
                total,
                at,
                customer_ref: String::new(),
                customer_email: sale.customer_email.clone(),
            });
        }
    }
    items.insert(0, Item::Conversion(sale));
    Ok(items)
}

/// A refund on the order's Total basis, brought to the sale's (Subtotal):
/// in proportion, rounded half-up, never more than the sale.
fn on_sale_basis(refunded: Money, sale: Money, order_total: Option<Money>) -> Money {
    let scaled = match order_total {
        Some(t) if t.minor > 0 && t.minor != sale.minor => {
            let exact = refunded.to_decimal() * sale.to_decimal() / t.to_decimal();
            Money::from_decimal(exact, sale.currency, Rounding::HalfUp).unwrap_or(refunded)
        }
        _ => refunded,
    };
    Money::new(scaled.minor.min(sale.minor), sale.currency)
}
