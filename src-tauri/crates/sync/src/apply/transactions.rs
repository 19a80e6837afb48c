//! Platform transactions become conversions of the connection's source,
//! keyed by the platform's transaction key, so a second sync (or a CSV of
//! the same transactions) never doubles them. A negative amount is a
//! refund; test, archived and unapproved transactions are skipped and
//! counted; commissions are computed as each page is saved.

use super::{refused, Ctx};
use crate::error::Result;
use crate::remote::{Record, Resource, Transaction};
use crate::report::Outcome;
use crate::state;
use crate::state::Clash;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::engine;
use partnerbook_ledger::conversions::record::{Recorded, Recorder};
use partnerbook_ledger::conversions::{ConversionInput, ConversionKind};
use partnerbook_ledger::import::{bought_before, REFUNDED_SO_FAR};
use rusqlite::{params, OptionalExtension};

pub struct Batch<'a> {
    recorder: Recorder<'a>,
    new: u64,
}

impl<'a> Batch<'a> {
    pub fn new(ctx: &Ctx<'a>) -> Batch<'a> {
        Batch {
            recorder: Recorder::new(ctx.db, ctx.settings),
            new: 0,
        }
    }

    pub fn apply(&mut self, ctx: &mut Ctx, rec: &Record, t: &Transaction) -> Result<Outcome> {
        // Mapped already: pushed from here (our `pb_` key: the sale is in the
        // book under its own source), or skipped before.
        let mapped = state::mapped(ctx.db, ctx.id(), Resource::Transactions, &rec.key)?;
        if mapped.as_ref().is_some_and(|m| m.local_id.is_some()) {
            return Ok(Outcome::Unchanged);
        }
        if let Some(why) = t.excluded {
            return excluded(ctx, rec, why);
        }
        if t.amount_minor == 0 {
            return Ok(Outcome::Skipped("an amount of zero".into()));
        }
        let currency = match t.currency.parse::<Currency>() {
            Ok(c) => c,
            Err(e) => return Ok(Outcome::Skipped(e.to_string())),
        };
        let Some(at) = chrono::DateTime::from_timestamp_millis(t.created_ms) else {
            return Ok(Outcome::Skipped("a creation time out of range".into()));
        };
        let kind = if t.amount_minor < 0 {
            ConversionKind::Refund
        } else {
            ConversionKind::Sale
        };
        let (key, amount) = if t.refunded_total {
            // Rewardful says how much of a sale was refunded in all: record
            // only what is new, under a key that names the running total.
            let total = -t.amount_minor;
            let already: i64 = ctx
                .db
                .prepare_cached(REFUNDED_SO_FAR)?
                .query_row(params![ctx.source(), t.refunds], |r| r.get(0))?;
            if total <= already {
                return Ok(Outcome::Unchanged);
            }
            (format!("{}:refund:{total}", t.refunds), total - already)
        } else {
            (rec.key.clone(), t.amount_minor.abs())
        };
        let mut input = ConversionInput::new(ctx.source(), &key, kind, at);
        input.amount = Some(Money::new(amount, currency));
        input.customer_ref = t.customer_key.clone();
        input.customer_email = t.customer_email.clone();
        input.partner_key = t.partner_key.clone();
        if input.partner_key.is_empty() && !t.partner_remote.is_empty() {
            // Named by the platform's id: attributed through the partner's
            // email, which attribution matches like a key.
            if let Some(id) = super::partner_of(ctx, "", &t.partner_remote)? {
                input.partner_key = partnerbook_partners::email_of(ctx.db, id)?;
            }
        }
        input.product = t.product.clone();
        input.original_external_id = t.refunds.clone();
        if kind == ConversionKind::Sale && bought_before(ctx.db, &input)? {
            input.kind = ConversionKind::Recurring;
        }
        match refused(self.recorder.record(&input).map_err(Into::into))? {
            Ok(Recorded::New(_)) => {
                self.new += 1;
                if mapped.is_some() {
                    // Skipped before (not approved then): no longer.
                    state::forget_map(ctx.db, ctx.id(), Resource::Transactions, &rec.key)?;
                }
                Ok(Outcome::Added)
            }
            Ok(Recorded::Existing(_)) => Ok(Outcome::Unchanged),
            Err(why) => Ok(Outcome::Skipped(why)),
        }
    }

    /// Computes the commissions of the page's new sales and refunds, and
    /// says so once in the audit log. Returns the conversions computed.
    pub fn finish(self, ctx: &Ctx, resource: Resource, page: u64) -> Result<u64> {
        self.recorder.finish()?;
        if self.new == 0 {
            return Ok(0);
        }
        let report = engine::run_in_without_net(ctx.db, &Quiet)?;
        let after = serde_json::json!({
            "connection": ctx.connection.name,
            "platform": ctx.connection.platform.as_str(),
            "resource": resource.as_str(),
            "page": page,
            "conversions": self.new,
        });
        partnerbook_book::audit::record(
            ctx.db,
            partnerbook_book::audit::Actor::Sync,
            "conversion",
            None,
            "sync",
            None,
            Some(&after),
        )?;
        Ok(report.conversions)
    }
}

/// A transaction the platform says earns nothing. Recorded here before
/// (approved then, archived now)? Then the manager is told, since a
/// recorded sale is only undone by a refund or a decline here.
fn excluded(ctx: &mut Ctx, rec: &Record, why: &'static str) -> Result<Outcome> {
    let recorded: Option<i64> = ctx
        .db
        .prepare_cached("SELECT id FROM conversions WHERE source = ?1 AND external_id = ?2")?
        .query_row(params![ctx.source(), rec.key], |r| r.get(0))
        .optional()?;
    if let Some(id) = recorded {
        ctx.conflict(Clash {
            resource: Resource::Transactions,
            remote_key: &rec.key,
            local_id: Some(id),
            field: "state",
            ours: "recorded as a sale here",
            theirs: why,
            kept: "ours",
        })?;
        return Ok(Outcome::Unchanged);
    }
    ctx.remember(
        Resource::Transactions,
        rec,
        None,
        &serde_json::Value::Object(Default::default()),
        why,
    )?;
    Ok(Outcome::Skipped(why.to_string()))
}
