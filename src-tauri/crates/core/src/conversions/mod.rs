//! Conversions in: recorded one by one or imported from CSV (with presets
//! for common exports), attributed to partners, idempotent by source and
//! external id. Commissions are computed from them by `commissions`.

pub mod attribution;
pub mod import;
mod model;
pub(crate) mod record;

pub use model::*;
pub use record::Recorded;

use crate::audit::{self, Actor};
use crate::book::Book;
use crate::error::Result;
use crate::money::{Currency, Money};
use crate::settings;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Records one conversion (manual entry) in its own transaction.
pub fn record(book: &mut Book, input: &ConversionInput, actor: Actor) -> Result<Recorded> {
    let tx = book.transaction()?;
    let settings = settings::get(&tx)?;
    let recorded = record::record_in(&tx, &settings, input)?;
    if let Recorded::New(id) = recorded {
        let after = serde_json::json!({ "source": input.source, "external_id": input.external_id, "kind": input.kind.as_str() });
        audit::record(
            &tx,
            actor,
            "conversion",
            Some(id),
            "create",
            None,
            Some(&after),
        )?;
    }
    tx.commit()?;
    Ok(recorded)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversionQuery {
    pub partner_id: Option<i64>,
    /// Only conversions nobody could be credited with.
    pub unattributed: bool,
    pub kinds: Vec<ConversionKind>,
    /// Inclusive "YYYY-MM-DD" bounds on the conversion date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub offset: u32,
    /// 0 means 100; at most 1,000.
    pub limit: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversionPage {
    pub total: u64,
    pub rows: Vec<Conversion>,
}

/// Newest first.
pub fn list(book: &Book, q: &ConversionQuery) -> Result<ConversionPage> {
    let mut conditions = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(p) = q.partner_id {
        params.push(Value::Integer(p));
        conditions.push(format!("c.partner_id = ?{}", params.len()));
    }
    if q.unattributed {
        conditions.push("c.partner_id IS NULL".to_string());
    }
    if !q.kinds.is_empty() {
        let marks: Vec<String> = q
            .kinds
            .iter()
            .map(|k| {
                params.push(Value::Text(k.as_str().into()));
                format!("?{}", params.len())
            })
            .collect();
        conditions.push(format!("c.kind IN ({})", marks.join(", ")));
    }
    if let Some(from) = &q.from {
        params.push(Value::Text(from.clone()));
        conditions.push(format!("c.occurred_at >= ?{}", params.len()));
    }
    if let Some(to) = &q.to {
        params.push(Value::Text(format!("{to}T23:59:59Z")));
        conditions.push(format!("c.occurred_at <= ?{}", params.len()));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let conn = book.conn();
    let total: i64 = conn
        .prepare(&format!("SELECT count(*) FROM conversions c {filter}"))?
        .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    let limit = if q.limit == 0 { 100 } else { q.limit.min(1000) };
    params.push(Value::Integer(i64::from(limit)));
    params.push(Value::Integer(i64::from(q.offset)));
    let n = params.len();
    let sql = format!(
        "SELECT c.id, c.source, c.external_id, c.kind, c.occurred_at, c.amount_minor, c.currency, c.quantity,
                c.product, c.customer_id, cu.external_id, c.referral_code, c.coupon_code, c.link_id, c.partner_key,
                c.original_external_id, c.partner_id, p.name, c.attribution
           FROM conversions c
           LEFT JOIN customers cu ON cu.id = c.customer_id
           LEFT JOIN partners p ON p.id = c.partner_id
           {filter} ORDER BY c.occurred_at DESC, c.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        let kind: String = r.get(3)?;
        let currency: Option<Currency> = r.get(6)?;
        Ok(Conversion {
            id: r.get(0)?,
            source: r.get(1)?,
            external_id: r.get(2)?,
            kind: ConversionKind::parse(&kind).unwrap_or(ConversionKind::Sale),
            occurred_at: r.get(4)?,
            amount: currency.map(|c| Money::new(r.get(5).unwrap_or(0), c)),
            quantity: r.get(7)?,
            product: r.get(8)?,
            customer_id: r.get(9)?,
            customer_ref: r.get(10)?,
            referral_code: r.get(11)?,
            coupon_code: r.get(12)?,
            link_id: r.get(13)?,
            partner_key: r.get(14)?,
            original_external_id: r.get(15)?,
            partner_id: r.get(16)?,
            partner_name: r.get(17)?,
            attribution: AttributionMethod::parse(&r.get::<_, String>(18)?),
        })
    })?;
    Ok(ConversionPage {
        total: total as u64,
        rows: rows.collect::<rusqlite::Result<_>>()?,
    })
}

#[cfg(test)]
mod tests;
