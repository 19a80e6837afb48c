//! Recording one conversion inside the caller's transaction: idempotent by
//! (source, external id), with its customer, its sale (for refunds), its
//! partner, and what it teaches us (touches, the customer's partner).

use super::attribution;
use super::model::{ConversionInput, ConversionKind};
use crate::error::{CoreError, Result};
use crate::settings::ProgramSettings;
use crate::time::{now, stamp};
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    New(i64),
    /// Already in the book (the same source and external id): unchanged.
    Existing(i64),
}

impl Recorded {
    pub fn id(self) -> i64 {
        match self {
            Recorded::New(id) | Recorded::Existing(id) => id,
        }
    }
}

/// Checks what does not depend on the book; errors name the field.
pub(super) fn validate(input: &ConversionInput) -> Result<()> {
    if input.source.trim().is_empty() {
        return Err(CoreError::invalid("source", "is required"));
    }
    if input.external_id.trim().is_empty() {
        return Err(CoreError::invalid(
            "external_id",
            "is required: it keeps re-imports from counting twice",
        ));
    }
    match (&input.amount, input.kind.has_amount()) {
        (None, true) => {
            return Err(CoreError::invalid(
                "amount",
                format!("a {} needs an amount", input.kind.as_str()),
            ))
        }
        (Some(m), _) if m.minor < 0 => {
            return Err(CoreError::invalid(
                "amount",
                "must not be negative (refunds are their own kind)",
            ))
        }
        _ => {}
    }
    if input.kind.gives_money_back()
        && input.original_external_id.trim().is_empty()
        && input.customer_ref.is_empty()
    {
        return Err(CoreError::invalid(
            "original_external_id",
            format!(
                "a {} must name its sale or its customer",
                input.kind.as_str()
            ),
        ));
    }
    if input.quantity == 0 {
        return Err(CoreError::invalid("quantity", "must be at least 1"));
    }
    Ok(())
}

pub(crate) fn record_in(
    conn: &Connection,
    settings: &ProgramSettings,
    input: &ConversionInput,
) -> Result<Recorded> {
    validate(input)?;
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM conversions WHERE source = ?1 AND external_id = ?2")?
        .query_row(
            params![input.source.trim(), input.external_id.trim()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(Recorded::Existing(id));
    }
    let customer = customer(conn, input)?;
    let customer_id = customer.map(|c| c.id);
    let original = original(conn, input, customer_id)?;
    let found = attribution::attribute(conn, settings, input, customer, original)?;
    let amount = input.amount;
    conn.prepare_cached(
        "INSERT INTO conversions (source, external_id, kind, occurred_at, customer_id, amount_minor, currency,
            quantity, product, referral_code, coupon_code, link_id, partner_key, original_external_id,
            original_id, partner_id, attribution, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        input.source.trim(),
        input.external_id.trim(),
        input.kind.as_str(),
        stamp(input.occurred_at),
        customer_id,
        amount.map_or(0, |m| m.minor),
        amount.map(|m| m.currency),
        input.quantity,
        input.product.trim(),
        input.referral_code.trim(),
        input.coupon_code.trim(),
        input.link_id.trim(),
        input.partner_key.trim(),
        input.original_external_id.trim(),
        original.map(|(id, _)| id),
        found.partner_id,
        found.method.as_str(),
        now(),
    ])?;
    let id = conn.last_insert_rowid();
    learn(conn, input, id, customer, &found)?;
    Ok(Recorded::New(id))
}

/// How a conversion names its customer: their id in the source, else
/// their email.
pub(crate) fn customer_key(input: &ConversionInput) -> Option<String> {
    if !input.customer_ref.trim().is_empty() {
        Some(input.customer_ref.trim().to_string())
    } else if !input.customer_email.trim().is_empty() {
        Some(format!(
            "email:{}",
            input.customer_email.trim().to_lowercase()
        ))
    } else {
        None
    }
}

/// A conversion's customer: their row, and the partner they belong to.
#[derive(Clone, Copy)]
pub(super) struct Customer {
    pub id: i64,
    pub partner_id: Option<i64>,
}

/// The customer row for the conversion's customer, created on first sight.
/// Read first: most conversions are from customers already known.
fn customer(conn: &Connection, input: &ConversionInput) -> Result<Option<Customer>> {
    let Some(reference) = customer_key(input) else {
        return Ok(None);
    };
    let source = input.source.trim();
    let email = input.customer_email.trim();
    let known: Option<(i64, Option<i64>, bool)> = conn
        .prepare_cached(
            "SELECT id, partner_id, email = '' FROM customers WHERE source = ?1 AND external_id = ?2",
        )?
        .query_row(params![source, reference], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((id, partner_id, no_email)) = known {
        if no_email && !email.is_empty() {
            conn.prepare_cached("UPDATE customers SET email = ?2 WHERE id = ?1")?
                .execute(params![id, email])?;
        }
        return Ok(Some(Customer { id, partner_id }));
    }
    conn.prepare_cached(
        "INSERT INTO customers (source, external_id, email, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![source, reference, email, now()])?;
    Ok(Some(Customer {
        id: conn.last_insert_rowid(),
        partner_id: None,
    }))
}

/// For refunds and chargebacks: the sale (id, partner) they give money back
/// for: the one they name, or, when they name none (PartnerStack), their
/// customer's latest sale before them.
fn original(
    conn: &Connection,
    input: &ConversionInput,
    customer_id: Option<i64>,
) -> Result<Option<(i64, Option<i64>)>> {
    if !input.kind.gives_money_back() {
        return Ok(None);
    }
    let row = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?));
    if !input.original_external_id.trim().is_empty() {
        return Ok(conn
            .prepare_cached(
                "SELECT id, partner_id FROM conversions WHERE source = ?1 AND external_id = ?2",
            )?
            .query_row(
                params![input.source.trim(), input.original_external_id.trim()],
                row,
            )
            .optional()?);
    }
    let Some(customer) = customer_id else {
        return Ok(None);
    };
    Ok(conn
        .prepare_cached(
            "SELECT id, partner_id FROM conversions WHERE customer_id = ?1 AND kind IN ('sale', 'recurring')
                AND occurred_at <= ?2 ORDER BY occurred_at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![customer, stamp(input.occurred_at)], row)
        .optional()?)
}

/// What a new conversion tells us for the next ones: a touch for the cookie
/// window, the customer's partner after their first attributed sale, and
/// refunds that arrived before their sale.
fn learn(
    conn: &Connection,
    input: &ConversionInput,
    id: i64,
    customer: Option<Customer>,
    found: &attribution::Found,
) -> Result<()> {
    let customer_id = customer.map(|c| c.id);
    let partner_id = found.partner_id;
    let explicit = if found.is_explicit() {
        partner_id
    } else {
        None
    };
    if let (Some(customer), Some(partner)) = (customer_id, explicit) {
        if !matches!(
            input.kind,
            ConversionKind::Refund | ConversionKind::Chargeback
        ) {
            conn.prepare_cached("INSERT INTO touches (customer_id, partner_id, at, conversion_id) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![customer, partner, stamp(input.occurred_at), id])?;
        }
    }
    // A customer belongs to the partner of their first attributed sale.
    let owned = customer.is_some_and(|c| c.partner_id.is_some());
    if let (
        Some(customer),
        Some(partner),
        ConversionKind::Sale | ConversionKind::Recurring,
        false,
    ) = (customer_id, partner_id, input.kind, owned)
    {
        conn.prepare_cached(
            "UPDATE customers SET partner_id = ?2, first_sale_at = ?3 WHERE id = ?1 AND partner_id IS NULL",
        )?
        .execute(params![customer, partner, stamp(input.occurred_at)])?;
    }
    if matches!(input.kind, ConversionKind::Sale | ConversionKind::Recurring) {
        conn.prepare_cached(
            "UPDATE conversions SET original_id = ?1,
                    partner_id = coalesce(partner_id, ?2),
                    attribution = CASE WHEN partner_id IS NULL AND ?2 IS NOT NULL THEN 'original' ELSE attribution END
              WHERE source = ?3 AND original_external_id = ?4 AND original_external_id <> '' AND original_id IS NULL
                AND kind IN ('refund', 'chargeback')",
        )?
        .execute(params![id, partner_id, input.source.trim(), input.external_id.trim()])?;
    }
    Ok(())
}
