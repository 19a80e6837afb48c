//! Recording one conversion inside the caller's transaction: idempotent by
//! (source, external id), with its customer, its sale (for refunds), its
//! partner, and what it teaches us (touches, the customer's partner).

use super::attribution;
use super::model::{ConversionInput, Customer};
use crate::error::{ErrorExt, LedgerError, Result};
use partnerbook_book::settings::ProgramSettings;
use partnerbook_book::time::{now, stamp};
use partnerbook_book::totals;
use partnerbook_book::validate;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

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

/// The largest amount one conversion may carry: a billion in the
/// currency's major unit (10^11 cents). Far beyond any sale, and far below
/// what sums over millions of them need to stay inside 64 bits.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000;

/// The years a conversion may be dated in.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Checks what does not depend on the book; errors name the field.
pub(super) fn validate(input: &ConversionInput) -> Result<()> {
    // Text a person or a file typed: one line, a sane length.
    for (field, value, max) in [
        ("source", &input.source, 100),
        ("external_id", &input.external_id, 200),
        ("product", &input.product, 200),
        ("customer_ref", &input.customer_ref, 200),
        ("customer_email", &input.customer_email, 254),
        ("referral_code", &input.referral_code, 100),
        ("coupon_code", &input.coupon_code, 100),
        ("link_id", &input.link_id, 200),
        ("partner_key", &input.partner_key, 200),
        ("original_external_id", &input.original_external_id, 200),
    ] {
        validate::check_limited(value, field, max)?;
    }
    if !YEARS.contains(&chrono::Datelike::year(&input.occurred_at)) {
        return Err(LedgerError::invalid(
            "occurred_at",
            format!(
                "{} is not a date between {} and {}",
                input.occurred_at.format("%Y-%m-%d"),
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    if input.amount.is_some_and(|m| m.minor > MAX_AMOUNT_MINOR) {
        return Err(LedgerError::invalid(
            "amount",
            "is more than 1,000,000,000 in its currency: check the column",
        ));
    }
    if input.source.trim().is_empty() {
        return Err(LedgerError::invalid("source", "is required"));
    }
    if input.external_id.trim().is_empty() {
        return Err(LedgerError::invalid(
            "external_id",
            "is required: it keeps re-imports from counting twice",
        ));
    }
    match (&input.amount, input.kind.has_amount()) {
        (None, true) => {
            return Err(LedgerError::invalid(
                "amount",
                format!("a {} needs an amount", input.kind.as_str()),
            ))
        }
        (Some(m), _) if m.minor < 0 => {
            return Err(LedgerError::invalid(
                "amount",
                "must not be negative (refunds are their own kind)",
            ))
        }
        _ => {}
    }
    if input.kind.follows_a_sale()
        && input.original_external_id.trim().is_empty()
        && input.customer_ref.is_empty()
    {
        return Err(LedgerError::invalid(
            "original_external_id",
            format!(
                "a {} must name its sale or its customer",
                input.kind.as_str()
            ),
        ));
    }
    if input.quantity == 0 {
        return Err(LedgerError::invalid("quantity", "must be at least 1"));
    }
    Ok(())
}

/// Records one conversion (manual entry, a single sync item).
pub(crate) fn record_in(
    conn: &Connection,
    settings: &ProgramSettings,
    input: &ConversionInput,
) -> Result<Recorded> {
    let mut recorder = Recorder::new(conn, settings);
    let recorded = recorder.record(input)?;
    recorder.finish()?;
    Ok(recorded)
}

/// Records conversions one after another in the caller's transaction,
/// remembering what it looked up (customers, partner codes, refunds that
/// wait for their sale) so an import of a million rows asks the book once
/// per fact rather than once per row. Call `finish` before the
/// transaction commits: it notes the sums the home screen's totals need.
pub struct Recorder<'c> {
    conn: &'c Connection,
    settings: &'c ProgramSettings,
    /// One moment for everything recorded together.
    now: String,
    customers: HashMap<(String, String), Known>,
    codes: attribution::Codes,
    /// Per source: the sales (external ids) refunds named before they arrived.
    awaiting_sale: HashMap<String, HashSet<String>>,
    /// What the recorded rows add to the totals, noted once in `finish`.
    totals: totals::Notes,
}

/// A customer as the recorder last saw them.
#[derive(Clone, Copy)]
struct Known {
    customer: Customer,
    has_email: bool,
}

impl<'c> Recorder<'c> {
    pub fn new(conn: &'c Connection, settings: &'c ProgramSettings) -> Recorder<'c> {
        Recorder {
            conn,
            settings,
            now: now(),
            customers: HashMap::new(),
            codes: HashMap::new(),
            awaiting_sale: HashMap::new(),
            totals: totals::Notes::default(),
        }
    }

    /// Notes what everything recorded adds to the totals (book::totals).
    pub fn finish(self) -> Result<()> {
        Ok(self.totals.write(self.conn)?)
    }

    pub fn record(&mut self, input: &ConversionInput) -> Result<Recorded> {
        validate(input)?;
        let conn = self.conn;
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
        // A customer new to the book has no sales or touches yet, so
        // attribution is the same with or without their row.
        let known = self.known_customer(input)?;
        let original = original(conn, input, known.map(|c| c.id))?;
        let found =
            attribution::attribute(conn, &mut self.codes, self.settings, input, known, original)?;
        let customer = match known {
            Some(c) => Some(c),
            None => self.new_customer(input, &found)?,
        };
        let customer_id = customer.map(|c| c.id);
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
            self.now,
        ])?;
        let id = conn.last_insert_rowid();
        if let Some(money) = amount {
            let at = stamp(input.occurred_at);
            let (kind, currency) = (input.kind.as_str(), money.currency.code());
            self.totals
                .conversion(found.partner_id, &at, currency, kind, money.minor);
        }
        self.learn(input, id, customer, original.is_some(), &found)?;
        Ok(Recorded::New(id))
    }

    /// The conversion's customer when the book knows them (their email
    /// filled in if it was missing); most conversions are from customers
    /// already known.
    fn known_customer(&mut self, input: &ConversionInput) -> Result<Option<Customer>> {
        let Some(key) = cache_key(input) else {
            return Ok(None);
        };
        let known = match self.customers.get(&key) {
            Some(k) => Some(*k),
            None => self
                .conn
                .prepare_cached(
                    "SELECT id, partner_id, email <> '' FROM customers WHERE source = ?1 AND external_id = ?2",
                )?
                .query_row(params![key.0, key.1], |r| {
                    Ok(Known {
                        customer: Customer {
                            id: r.get(0)?,
                            partner_id: r.get(1)?,
                        },
                        has_email: r.get(2)?,
                    })
                })
                .optional()?,
        };
        let Some(mut known) = known else {
            return Ok(None);
        };
        let email = input.customer_email.trim();
        if !known.has_email && !email.is_empty() {
            self.conn
                .prepare_cached("UPDATE customers SET email = ?2 WHERE id = ?1")?
                .execute(params![known.customer.id, email])?;
            known.has_email = true;
        }
        self.customers.insert(key, known);
        Ok(Some(known.customer))
    }

    /// A customer seen for the first time, created with the partner of
    /// this conversion when it is an attributed sale (their first), so the
    /// row is written once.
    fn new_customer(
        &mut self,
        input: &ConversionInput,
        found: &attribution::Found,
    ) -> Result<Option<Customer>> {
        let Some(key) = cache_key(input) else {
            return Ok(None);
        };
        let email = input.customer_email.trim();
        let partner_id = found.partner_id.filter(|_| input.kind.is_purchase());
        self.conn
            .prepare_cached(
                "INSERT INTO customers (source, external_id, email, partner_id, first_sale_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                key.0,
                key.1,
                email,
                partner_id,
                partner_id.map(|_| stamp(input.occurred_at)),
                self.now
            ])?;
        let customer = Customer {
            id: self.conn.last_insert_rowid(),
            partner_id,
        };
        self.customers.insert(
            key,
            Known {
                customer,
                has_email: !email.is_empty(),
            },
        );
        Ok(Some(customer))
    }

    /// What a new conversion tells us for the next ones: a touch for the
    /// cookie window, the customer's partner after their first attributed
    /// sale, and refunds that arrived before their sale.
    fn learn(
        &mut self,
        input: &ConversionInput,
        id: i64,
        customer: Option<Customer>,
        has_original: bool,
        found: &attribution::Found,
    ) -> Result<()> {
        let conn = self.conn;
        let customer_id = customer.map(|c| c.id);
        let partner_id = found.partner_id;
        let explicit = if found.is_explicit() {
            partner_id
        } else {
            None
        };
        if let (Some(customer), Some(partner)) = (customer_id, explicit) {
            if !input.kind.follows_a_sale() {
                conn.prepare_cached("INSERT INTO touches (customer_id, partner_id, at, conversion_id) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(params![customer, partner, stamp(input.occurred_at), id])?;
            }
        }
        // A customer belongs to the partner of their first attributed sale.
        let owned = customer.is_some_and(|c| c.partner_id.is_some());
        let is_sale = input.kind.is_purchase();
        if let (Some(customer), Some(partner), true, false) =
            (customer_id, partner_id, is_sale, owned)
        {
            conn.prepare_cached(
                "UPDATE customers SET partner_id = ?2, first_sale_at = ?3 WHERE id = ?1 AND partner_id IS NULL",
            )?
            .execute(params![customer, partner, stamp(input.occurred_at)])?;
            if let Some(k) = cache_key(input).and_then(|key| self.customers.get_mut(&key)) {
                k.customer.partner_id = Some(partner);
            }
        }
        let source = input.source.trim();
        if input.kind.follows_a_sale()
            && !has_original
            && !input.original_external_id.trim().is_empty()
        {
            self.awaiting(source)?
                .insert(input.original_external_id.trim().to_string());
        }
        if is_sale && self.awaiting(source)?.remove(input.external_id.trim()) {
            conn.prepare_cached(
                "UPDATE conversions SET original_id = ?1,
                        partner_id = coalesce(partner_id, ?2),
                        attribution = CASE WHEN partner_id IS NULL AND ?2 IS NOT NULL THEN 'original' ELSE attribution END
                  WHERE source = ?3 AND original_external_id = ?4 AND original_external_id <> '' AND original_id IS NULL
                    AND kind IN ('refund', 'chargeback', 'chargeback_reversal')",
            )?
            .execute(params![id, partner_id, source, input.external_id.trim()])?;
        }
        Ok(())
    }

    /// The sales of `source` that recorded refunds name but that are not
    /// in the book yet, read once per source.
    fn awaiting(&mut self, source: &str) -> Result<&mut HashSet<String>> {
        if !self.awaiting_sale.contains_key(source) {
            let names = self
                .conn
                .prepare_cached(
                    "SELECT original_external_id FROM conversions
                      WHERE source = ?1 AND original_external_id <> '' AND original_id IS NULL
                        AND kind IN ('refund', 'chargeback', 'chargeback_reversal')",
                )?
                .query_map([source], |r| r.get(0))?
                .collect::<rusqlite::Result<HashSet<String>>>()?;
            self.awaiting_sale.insert(source.to_string(), names);
        }
        Ok(self.awaiting_sale.get_mut(source).expect("just read"))
    }
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

/// How the recorder files a conversion's customer: (source, customer key).
fn cache_key(input: &ConversionInput) -> Option<(String, String)> {
    customer_key(input).map(|key| (input.source.trim().to_string(), key))
}

/// For refunds, chargebacks and their reversals: the sale (id, partner)
/// they change: the one they name (or the sale of the chargeback a reversal
/// names), or, when they name none (PartnerStack), their customer's latest
/// sale before them.
fn original(
    conn: &Connection,
    input: &ConversionInput,
    customer_id: Option<i64>,
) -> Result<Option<(i64, Option<i64>)>> {
    if !input.kind.follows_a_sale() {
        return Ok(None);
    }
    let row = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?));
    if !input.original_external_id.trim().is_empty() {
        return Ok(conn
            .prepare_cached(
                "SELECT coalesce(s.id, c.id), coalesce(s.partner_id, c.partner_id)
                   FROM conversions c LEFT JOIN conversions s ON s.id = c.original_id
                  WHERE c.source = ?1 AND c.external_id = ?2",
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
