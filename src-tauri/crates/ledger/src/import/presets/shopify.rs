//! Shopify admin → Orders → Export (orders_export.csv), 2021–2025 headers.
//! An order spans one row per line item with the same "Name"; only the
//! first row carries the totals and "Financial Status". The sale is the
//! "Subtotal" (after discounts, before shipping and taxes: what commissions
//! are usually paid on); the coupon is "Discount Code".
//!
//! An order of several line items is a sale per line item (ids "ID:1",
//! "ID:2"…, each with its "Lineitem name" as the product, so per-product
//! rates apply): the Subtotal split in proportion to each line's quantity ×
//! price less its "Lineitem discount", to the cent. An order the book holds
//! whole from before stays whole (see `Item::Order`).
//!
//! "Refunded Amount" is the order's running refunded total on the basis of
//! "Total" (shipping and taxes in): it is brought to the sale's basis in
//! proportion, Refunded × Subtotal / Total, so a refund never takes back
//! commission on shipping or tax it was never paid on, and split over the
//! lines as the sale was (the export does not say which line was refunded).
//! A refund of exactly the order's "Shipping" is read as a refund of the
//! shipping alone and takes nothing back; any other refund is proportional.
//! It has no date of its own: the refund is dated at the order's payment.
//! When the book says the shop's prices include tax, the Subtotal has the
//! tax in: the sale is Subtotal − Taxes, and refunds are brought to that.
//! Pending, authorized, voided and cancelled orders are skipped.

use super::{Ctx, Item, OrderError, Orders, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{timestamp, CellError, Field, Row};
use partnerbook_book::money::{allocate, Currency, Money, Rounding};

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
        ("Lineitem quantity", Field::Quantity),
        ("Lineitem price", Field::LinePrice),
        ("Lineitem discount", Field::LineDiscount),
        ("Shipping", Field::Shipping),
        ("Cancelled at", Field::CancelledAt),
    ],
    required: &[Field::Name, Field::Status, Field::Currency, Field::Amount],
    read,
    orders: Some(Orders {
        key: Field::Name,
        read: read_order,
    }),
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
        let shipping = match row.get(Field::Shipping) {
            "" => None,
            _ => Some(row.money_not_negative(Field::Shipping, currency)?),
        };
        let total = on_sale_basis(refunded, amount, order_total);
        if shipping.is_some_and(|s| s.minor > 0 && s == refunded) {
            items.push(Item::Skip(
                "a refund of the shipping alone: no commission was paid on shipping",
            ));
        } else if total.minor > 0 {
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

/// An order's rows: its first row read as the order, then, with several
/// line items, also as a sale (and refunded total) per line.
fn read_order(rows: &[Row], ctx: &Ctx) -> Result<Vec<Item>, OrderError> {
    let order = read(&rows[0], ctx).map_err(|e| (0, e))?;
    let by_line = split_by_line(rows, &order)?;
    let others = (1..rows.len()).map(|_| Item::Skip("another line item of an order"));
    let whole: Vec<Item> = order.into_iter().chain(others).collect();
    Ok(match by_line {
        Some((whole_id, lines)) => vec![Item::Order {
            whole_id,
            whole,
            lines,
        }],
        None => whole,
    })
}

/// The order read as a sale per line item, with the order's id; None when
/// it has one line, no sale, or a layout without line prices.
fn split_by_line(rows: &[Row], order: &[Item]) -> Result<Option<(String, Vec<Item>)>, OrderError> {
    let sale = order.iter().find_map(|i| match i {
        Item::Conversion(c) => Some(c),
        _ => None,
    });
    let (Some(sale), true) = (sale, rows.len() > 1) else {
        return Ok(None);
    };
    let Some(amount) = sale.amount else {
        return Ok(None);
    };
    // Each line's worth: quantity × price less its discount.
    let mut worth = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        match line_worth(row, amount.currency).map_err(|e| (i, e))? {
            Some(w) => worth.push(w),
            None => return Ok(None),
        }
    }
    let id_of = |k: usize| format!("{}:{}", sale.external_id, k + 1);
    let parts = allocate(amount.minor, &worth);
    let mut lines = Vec::with_capacity(rows.len() * 2);
    for (k, (row, part)) in rows.iter().zip(&parts).enumerate() {
        let mut line = sale.clone();
        line.external_id = id_of(k);
        line.amount = Some(Money::new(*part, amount.currency));
        line.product = row.get(Field::Product).to_string();
        lines.push(Item::Conversion(line));
    }
    for item in order {
        match item {
            Item::RefundedTotal {
                total,
                at,
                customer_ref,
                customer_email,
                ..
            } => {
                let back = allocate(total.minor, &parts);
                for (k, minor) in back.into_iter().enumerate().filter(|(_, m)| *m > 0) {
                    lines.push(Item::RefundedTotal {
                        original: id_of(k),
                        total: Money::new(minor, total.currency),
                        at: *at,
                        customer_ref: customer_ref.clone(),
                        customer_email: customer_email.clone(),
                    });
                }
            }
            Item::Skip(why) => lines.push(Item::Skip(why)),
            Item::Conversion(_) | Item::Order { .. } => {}
        }
    }
    Ok(Some((sale.external_id.clone(), lines)))
}

/// A line item's quantity × price less its discount, in minor units; None
/// when the row has no price.
fn line_worth(row: &Row, currency: Currency) -> Result<Option<i64>, CellError> {
    if row.get(Field::LinePrice).is_empty() {
        return Ok(None);
    }
    let price = row.money_not_negative(Field::LinePrice, currency)?;
    let quantity: i64 = match row.get(Field::Quantity) {
        "" => 1,
        q => q
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| (Field::Quantity, format!("\"{q}\" is not a quantity")))?,
    };
    let discount = match row.get(Field::LineDiscount) {
        "" => 0,
        _ => row.money_not_negative(Field::LineDiscount, currency)?.minor,
    };
    Ok(Some(
        (price.minor.saturating_mul(quantity) - discount).max(0),
    ))
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
