//! A platform customer becomes a customer here, with the partner the
//! platform says referred them, so their sales follow that partner.

use super::{skipped, Ctx};
use crate::error::Result;
use crate::remote::{Customer, Record, Resource};
use crate::report::Outcome;
use crate::state;
use crate::state::Clash;
use partnerbook_ledger::conversions::customers::{remember, Remembered};
use partnerbook_partners as partners;

pub fn apply(ctx: &mut Ctx, rec: &Record, c: &Customer) -> Result<Outcome> {
    if c.test {
        return Ok(skipped("a test customer (made with test keys)"));
    }
    if c.customer_key.is_empty() {
        return Ok(skipped("no customer key"));
    }
    // Pushed from here: the customer is already in the book under its own source.
    if let Some(m) = state::mapped(ctx.db, ctx.id(), Resource::Customers, &rec.key)? {
        if let Some(id) = m.local_id {
            let source: Option<String> = ctx
                .db
                .query_row("SELECT source FROM customers WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .ok();
            if source.is_some_and(|s| s != ctx.source()) {
                return Ok(Outcome::Unchanged);
            }
        }
    }
    let partner = super::partner_of(ctx, &c.partner_key, &c.partner_remote)?;
    let outcome = match remember(ctx.db, ctx.source(), &c.customer_key, &c.email, partner)? {
        Remembered::Added(id) => (Outcome::Added, id),
        Remembered::Changed(id) => (Outcome::Changed, id),
        Remembered::Unchanged(id) => (Outcome::Unchanged, id),
        Remembered::OtherPartner { id, ours } => {
            let name = partners::get_in(ctx.db, ours)?.name;
            ctx.conflict(Clash {
                resource: Resource::Customers,
                remote_key: &rec.key,
                local_id: Some(id),
                field: "partner",
                ours: &name,
                theirs: &c.partner_key,
                kept: "ours",
            })?;
            (Outcome::Unchanged, id)
        }
    };
    if matches!(outcome.0, Outcome::Added | Outcome::Changed) {
        ctx.audit("customer", Some(outcome.1), "sync", &rec.key)?;
    }
    let synced = serde_json::json!({ "email": c.email, "partner_key": c.partner_key });
    ctx.remember(Resource::Customers, rec, Some(outcome.1), &synced, "")?;
    Ok(outcome.0)
}
