//! Conversions: recorded one by one (files come in through `import`),
//! attributed to partners, idempotent by source and external id.
//! Commissions are computed from them by `commissions`.

pub mod attribution;
pub mod customers;
mod model;
pub mod record;

pub use model::*;
pub use record::Recorded;

use crate::error::Result;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::query::{page_size, Filter, Page};
use partnerbook_book::settings;
use partnerbook_book::Book;
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
    /// Only conversions whose commission is held for a reason (no plan
    /// applies yet, a missing FX rate…).
    #[serde(default)]
    #[ts(optional)]
    pub held: Option<bool>,
    pub kinds: Vec<ConversionKind>,
    /// Inclusive "YYYY-MM-DD" bounds on the conversion date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub offset: u32,
    /// 0 means 100; at most 1,000.
    pub limit: u32,
}

/// Conversions with a commission line held for a reason.
const HELD_CONVERSIONS: &str = "(SELECT k.conversion_id FROM commissions k WHERE k.state = 'pending' AND k.hold_reason IS NOT NULL AND k.conversion_id IS NOT NULL)";

/// A page of conversions, newest first.
pub type ConversionPage = Page<Conversion>;

/// Newest first.
pub fn list(book: &Book, q: &ConversionQuery) -> Result<ConversionPage> {
    let mut f = Filter::default();
    if let Some(p) = q.partner_id {
        let p = f.param(p);
        f.push(format!("c.partner_id = {p}"));
    }
    if q.unattributed {
        f.push("c.partner_id IS NULL");
    }
    if q.held == Some(true) {
        f.push(format!("c.id IN {HELD_CONVERSIONS}"));
    }
    f.any_of("c.kind", q.kinds.iter().map(|k| k.as_str().to_string()));
    if let Some(from) = &q.from {
        let from = f.param(from.clone());
        f.push(format!("c.occurred_at >= {from}"));
    }
    if let Some(to) = &q.to {
        let to = f.param(format!("{to}T23:59:59Z"));
        f.push(format!("c.occurred_at <= {to}"));
    }
    let filter = f.where_clause();
    let conn = book.conn();
    let total: i64 = conn
        .prepare(&format!("SELECT count(*) FROM conversions c {filter}"))?
        .query_row(f.params(), |r| r.get(0))?;
    let (limit, offset) = (f.param(page_size(q.limit)), f.param(q.offset));
    let sql = format!(
        "SELECT c.id, c.source, c.external_id, c.kind, c.occurred_at, c.amount_minor, c.currency, c.quantity,
                c.product, c.customer_id, cu.external_id, c.referral_code, c.coupon_code, c.link_id, c.partner_key,
                c.original_external_id, c.partner_id, p.name, c.attribution,
                (SELECT k.hold_reason FROM commissions k
                  WHERE k.conversion_id = c.id AND k.state = 'pending' AND k.hold_reason IS NOT NULL LIMIT 1)
           FROM conversions c
           LEFT JOIN customers cu ON cu.id = c.customer_id
           LEFT JOIN partners p ON p.id = c.partner_id
           {filter} ORDER BY c.occurred_at DESC, c.id DESC LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(f.params(), |r| {
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
            held: r.get(19)?,
        })
    })?;
    Ok(ConversionPage {
        total: total as u64,
        rows: rows.collect::<rusqlite::Result<_>>()?,
    })
}
