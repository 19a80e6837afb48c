//! Push, when the manager asks: partners made here, their customers, and
//! sales imported here (from Stripe, Shopify, PayPal files) go to the
//! platform, so a program that tracks on PartnerStack sees them. Each
//! transaction carries our own idempotency `key`, so a push retried after a
//! crash never doubles it; what was pushed is mapped like what was pulled,
//! and a later pull knows it for ours.

use crate::connections::{self, Connection, PlatformName};
use crate::error::{ErrorExt, RemoteError, Result, SyncError};
use crate::http::{At, Polite};
use crate::keys::Keys;
use crate::remote::Resource;
use crate::run::SyncOptions;
use crate::state;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::progress::Progress;
use partnerbook_book::Book;
use reqwest::Method;
use rusqlite::Connection as Db;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PushCount {
    /// Made on the platform by this push (or, on a dry run, that would be).
    pub created: u64,
    /// Refused by the platform, by its reason.
    pub refused: BTreeMap<String, u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PushReport {
    pub dry_run: bool,
    pub partners: PushCount,
    pub customers: PushCount,
    pub transactions: PushCount,
    pub requests: u64,
}

/// Our idempotency key for a conversion: the same sale gives the same key
/// on every push, from any copy of the book.
pub fn transaction_key(source: &str, external_id: &str) -> String {
    let digest = Sha256::digest(format!("{source}\n{external_id}").as_bytes());
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("pb_{hex}")
}

struct NewPartner {
    id: i64,
    name: String,
    first_name: String,
    email: String,
    code: String,
    group: Option<(String, String)>,
}

struct NewCustomer {
    id: i64,
    external_id: String,
    email: String,
    partner_key: String,
}

struct NewSale {
    id: i64,
    key: String,
    customer_key: String,
    amount_minor: i64,
    currency: String,
    product: String,
    at_ms: i64,
}

pub fn push(
    book: &mut Book,
    name: &str,
    keys: &Keys,
    options: &SyncOptions,
    progress: &dyn Progress,
) -> Result<PushReport> {
    let c = connections::find(book.conn(), name)?;
    if c.platform != PlatformName::Partnerstack {
        return Err(SyncError::invalid(
            "push",
            format!(
                "{} takes no pushes from here; mark its payouts paid instead",
                c.platform.title()
            ),
        ));
    }
    let mut http = crate::run::http_for(&c, keys, options)?;
    let mut report = PushReport {
        dry_run: options.dry_run,
        ..Default::default()
    };
    let partners = new_partners(book.conn(), &c)?;
    for (i, p) in partners.iter().enumerate() {
        progress.update("Pushing partners", i as u64, partners.len() as u64);
        if options.dry_run {
            report.partners.created += 1;
            continue;
        }
        let (first, last) = split_name(&p.name, &p.first_name);
        let mut body = json!({ "email": p.email, "first_name": first, "last_name": last });
        if !p.code.is_empty() {
            body["partner_key"] = json!(p.code);
        }
        if let Some((key, _)) = &p.group {
            body["group_key"] = json!(key);
        }
        let at = At {
            resource: "partners",
            page: i as u64 + 1,
        };
        match post(&mut http, "partnerships", &body, at, progress)? {
            Ok(data) => {
                let key = data
                    .get("key")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                let synced = json!({
                    "name": p.name, "email": p.email,
                    "group": p.group.as_ref().map(|g| g.1.clone()).unwrap_or_default(),
                    "tags": [], "partner_key": data.get("partner_key").and_then(Value::as_str).unwrap_or(&p.code)
                });
                let updated = data.get("updated_at").and_then(Value::as_i64).unwrap_or(0);
                saved(
                    book,
                    &c,
                    Resource::Partners,
                    &key,
                    p.id,
                    updated,
                    &synced,
                    "partner",
                )?;
                report.partners.created += 1;
            }
            Err(why) => *report.partners.refused.entry(why).or_default() += 1,
        }
    }
    let customers = new_customers(book.conn(), &c)?;
    for (i, cu) in customers.iter().enumerate() {
        progress.update("Pushing customers", i as u64, customers.len() as u64);
        if options.dry_run {
            report.customers.created += 1;
            continue;
        }
        let body = json!({ "customer_key": cu.external_id, "email": cu.email, "partner_key": cu.partner_key });
        let at = At {
            resource: "customers",
            page: i as u64 + 1,
        };
        match post(&mut http, "customers", &body, at, progress)? {
            Ok(data) => {
                let key = data
                    .get("key")
                    .and_then(Value::as_str)
                    .unwrap_or(&cu.external_id)
                    .to_string();
                let updated = data.get("updated_at").and_then(Value::as_i64).unwrap_or(0);
                let synced = json!({ "email": cu.email, "partner_key": cu.partner_key });
                saved(
                    book,
                    &c,
                    Resource::Customers,
                    &key,
                    cu.id,
                    updated,
                    &synced,
                    "customer",
                )?;
                report.customers.created += 1;
            }
            Err(why) => *report.customers.refused.entry(why).or_default() += 1,
        }
    }
    let sales = new_sales(book.conn(), &c)?;
    for (i, s) in sales.iter().enumerate() {
        progress.update("Pushing sales", i as u64, sales.len() as u64);
        if options.dry_run {
            report.transactions.created += 1;
            continue;
        }
        let mut body = json!({
            "key": s.key, "customer_key": s.customer_key, "amount": s.amount_minor,
            "currency": s.currency, "created_at": s.at_ms
        });
        if !s.product.is_empty() {
            body["product_key"] = json!(s.product);
        }
        let at = At {
            resource: "transactions",
            page: i as u64 + 1,
        };
        match post(&mut http, "transactions", &body, at, progress)? {
            Ok(data) => {
                let updated = data.get("updated_at").and_then(Value::as_i64).unwrap_or(0);
                saved(
                    book,
                    &c,
                    Resource::Transactions,
                    &s.key,
                    s.id,
                    updated,
                    &json!({}),
                    "conversion",
                )?;
                report.transactions.created += 1;
            }
            Err(why) => *report.transactions.refused.entry(why).or_default() += 1,
        }
    }
    report.requests = http.requests;
    Ok(report)
}

/// One POST: the created record, or the platform's reason for refusing
/// it (a 400 or 409: the record is counted as refused and push goes on).
fn post(
    http: &mut Polite,
    path: &str,
    body: &Value,
    at: At,
    progress: &dyn Progress,
) -> Result<Result<Value, String>> {
    match http.send(Method::POST, path, &[], Some(body), at, progress) {
        Ok(v) => Ok(Ok(v.get("data").cloned().unwrap_or(v))),
        Err(SyncError::Remote(RemoteError::BadAnswer { why, .. }))
            if why.starts_with("was HTTP 4") =>
        {
            Ok(Err(why.trim_start_matches("was ").to_string()))
        }
        Err(e) => Err(e),
    }
}

/// Maps a pushed row in its own transaction, with an audit row naming the
/// connection: a crash after the POST and before this leaves a row the next
/// push sends again, which the platform knows by its key (transactions) or
/// email (partners) and refuses or returns.
#[allow(clippy::too_many_arguments)]
fn saved(
    book: &mut Book,
    c: &Connection,
    resource: Resource,
    key: &str,
    local_id: i64,
    updated: i64,
    synced: &Value,
    entity: &str,
) -> Result<()> {
    let tx = book.transaction()?;
    state::save_map(
        &tx,
        c.id,
        &state::Mapping {
            resource,
            key,
            local_id: Some(local_id),
            remote_updated: updated,
            synced,
            skipped: "",
        },
    )?;
    let after = json!({ "connection": c.name, "platform": c.platform.as_str(), "remote_key": key });
    audit::record(
        &tx,
        Actor::Sync,
        entity,
        Some(local_id),
        "sync push",
        None,
        Some(&after),
    )?;
    tx.commit()?;
    Ok(())
}

fn split_name(name: &str, first: &str) -> (String, String) {
    let name = name.trim();
    if !first.is_empty() && name.starts_with(first) {
        return (first.to_string(), name[first.len()..].trim().to_string());
    }
    match name.split_once(' ') {
        Some((f, l)) => (f.to_string(), l.trim().to_string()),
        None => (name.to_string(), String::new()),
    }
}

/// Active partners this connection has not seen.
fn new_partners(db: &Db, c: &Connection) -> Result<Vec<NewPartner>> {
    let mut stmt = db.prepare(
        "SELECT p.id, p.name, p.first_name, p.email,
                coalesce((SELECT code FROM partner_codes k WHERE k.partner_id = p.id AND k.kind = 'referral' ORDER BY k.id LIMIT 1), ''),
                gm.remote_key, g.name
           FROM partners p
           LEFT JOIN groups g ON g.id = p.group_id
           LEFT JOIN sync_map gm ON gm.connection_id = ?1 AND gm.resource = 'groups' AND gm.local_id = p.group_id
          WHERE p.status = 'active'
            AND NOT EXISTS (SELECT 1 FROM sync_map m WHERE m.connection_id = ?1 AND m.resource = 'partners' AND m.local_id = p.id)
          ORDER BY p.id",
    )?;
    let rows = stmt.query_map([c.id], |r| {
        let gkey: Option<String> = r.get(5)?;
        let gname: Option<String> = r.get(6)?;
        Ok(NewPartner {
            id: r.get(0)?,
            name: r.get(1)?,
            first_name: r.get(2)?,
            email: r.get(3)?,
            code: r.get(4)?,
            group: gkey.zip(gname),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Customers of other sources whose partner the platform knows.
fn new_customers(db: &Db, c: &Connection) -> Result<Vec<NewCustomer>> {
    let mut stmt = db.prepare(
        "SELECT cu.id, cu.external_id, cu.email,
                coalesce(json_extract(pm.synced, '$.partner_key'), '')
           FROM customers cu
           JOIN sync_map pm ON pm.connection_id = ?1 AND pm.resource = 'partners' AND pm.local_id = cu.partner_id
          WHERE cu.source <> ?2
            AND NOT EXISTS (SELECT 1 FROM sync_map m WHERE m.connection_id = ?1 AND m.resource = 'customers' AND m.local_id = cu.id)
          ORDER BY cu.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![c.id, c.name], |r| {
        Ok(NewCustomer {
            id: r.get(0)?,
            external_id: r.get(1)?,
            email: r.get(2)?,
            partner_key: r.get(3)?,
        })
    })?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|c| !c.partner_key.is_empty())
        .collect())
}

/// Sales and refunds of other sources whose customer the platform knows.
fn new_sales(db: &Db, c: &Connection) -> Result<Vec<NewSale>> {
    let mut stmt = db.prepare(
        "SELECT v.id, v.source, v.external_id, cu.external_id, v.kind, v.amount_minor, v.currency, v.product, v.occurred_at
           FROM conversions v
           JOIN customers cu ON cu.id = v.customer_id
           JOIN sync_map cm ON cm.connection_id = ?1 AND cm.resource = 'customers' AND cm.local_id = cu.id
          WHERE v.source <> ?2 AND v.kind IN ('sale', 'recurring', 'refund', 'chargeback') AND v.currency IS NOT NULL
          ORDER BY v.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![c.id, c.name], |r| {
        let source: String = r.get(1)?;
        let external: String = r.get(2)?;
        let kind: String = r.get(4)?;
        let amount: i64 = r.get(5)?;
        let at: String = r.get(8)?;
        Ok(NewSale {
            id: r.get(0)?,
            key: transaction_key(&source, &external),
            customer_key: r.get(3)?,
            amount_minor: if kind == "refund" || kind == "chargeback" {
                -amount
            } else {
                amount
            },
            currency: r.get(6)?,
            product: r.get(7)?,
            at_ms: chrono::DateTime::parse_from_rfc3339(&at).map_or(0, |d| d.timestamp_millis()),
        })
    })?;
    let all: Vec<NewSale> = rows.collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for s in all {
        if state::mapped(db, c.id, Resource::Transactions, &s.key)?.is_none() {
            out.push(s);
        }
    }
    Ok(out)
}
