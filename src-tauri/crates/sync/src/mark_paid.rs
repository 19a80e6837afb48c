//! After a Partnerbook run is paid, the matching Rewardful payouts can be
//! marked paid there (`PUT /payouts/:id/pay`), when the manager asks, so
//! affiliates see one truth in Rewardful's portal. A Rewardful payout is
//! marked only where it is due for the same partner, currency and amount
//! this run paid; every other one is listed with the reason.

use crate::connections::{self, PlatformName};
use crate::error::{ErrorExt, Result, SyncError};
use crate::http::At;
use crate::keys::Keys;
use crate::remote::Resource;
use crate::run::SyncOptions;
use crate::state;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::Money;
use partnerbook_book::progress::Progress;
use partnerbook_book::Book;
use partnerbook_payouts::{self as payouts, LineFilter, LineQuery, PayoutStatus};
use reqwest::Method;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarkedPayout {
    pub partner: String,
    pub amount: Money,
    /// Rewardful's payout id.
    pub remote_key: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarkPaidReport {
    pub dry_run: bool,
    pub marked: Vec<MarkedPayout>,
    /// Partners paid in the run whose Rewardful payout was not marked, and why.
    pub not_marked: Vec<(String, String)>,
}

/// A due Rewardful payout, as the last sync kept it.
struct Due {
    key: String,
    partner: Option<i64>,
    amount: i64,
    currency: String,
}

pub fn mark_paid(
    book: &mut Book,
    name: &str,
    keys: &Keys,
    run_id: i64,
    options: &SyncOptions,
    progress: &dyn Progress,
) -> Result<MarkPaidReport> {
    let c = connections::find(book.conn(), name)?;
    if c.platform != PlatformName::Rewardful {
        return Err(SyncError::invalid(
            "connection",
            format!(
                "\"{}\" is a {} connection: only Rewardful payouts are marked paid",
                c.name,
                c.platform.title()
            ),
        ));
    }
    let paid = payouts::lines(
        book,
        &LineQuery {
            run_id,
            filter: LineFilter::Paid,
            limit: 1000,
            ..Default::default()
        },
    )?;
    let mut due = Vec::new();
    {
        let mut stmt = book.conn().prepare(
            "SELECT r.remote_key, m.local_id, json_extract(r.body, '$.amount'), upper(json_extract(r.body, '$.currency'))
               FROM platform_records r
               LEFT JOIN sync_map m ON m.connection_id = r.connection_id AND m.resource = 'partners'
                                   AND m.remote_key = json_extract(r.body, '$.affiliate.id')
              WHERE r.connection_id = ?1 AND r.resource = 'payouts' AND json_extract(r.body, '$.state') <> 'paid'",
        )?;
        let rows = stmt.query_map(params![c.id], |r| {
            Ok(Due {
                key: r.get(0)?,
                partner: r.get(1)?,
                amount: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
                currency: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })?;
        for d in rows {
            due.push(d?);
        }
    }
    let mut http = crate::run::http_for(&c, keys, options)?;
    let mut report = MarkPaidReport {
        dry_run: options.dry_run,
        ..Default::default()
    };
    for (i, line) in paid.rows.iter().enumerate() {
        progress.update(
            "Marking Rewardful payouts paid",
            i as u64,
            paid.rows.len() as u64,
        );
        if line.status != PayoutStatus::Paid {
            report.not_marked.push((
                line.partner_name.clone(),
                "not settled as paid here yet".into(),
            ));
            continue;
        }
        let Some(pay) = line.pay else { continue };
        let theirs: Vec<&Due> = due
            .iter()
            .filter(|d| d.partner == Some(line.partner_id))
            .collect();
        let Some(d) = theirs
            .iter()
            .find(|d| d.amount == pay.minor && d.currency == pay.currency.code())
        else {
            let why = match theirs.first() {
                None => "no due Rewardful payout for this partner (sync first?)".to_string(),
                Some(d) => match d.currency.parse() {
                    Ok(c) => format!(
                        "Rewardful's due payout is {}, this run paid {pay}",
                        Money::new(d.amount, c)
                    ),
                    Err(_) => format!(
                        "Rewardful's due payout is in \"{}\", this run paid {pay}",
                        d.currency
                    ),
                },
            };
            report.not_marked.push((line.partner_name.clone(), why));
            continue;
        };
        if !options.dry_run {
            let path = format!("payouts/{}/pay", d.key);
            let at = At {
                resource: "payouts",
                page: i as u64 + 1,
            };
            let answer = http.send(Method::PUT, &path, &[], None, at, progress)?;
            let tx = book.transaction()?;
            let body = answer.get("data").cloned().unwrap_or(answer);
            if body.is_object() {
                tx.execute(
                    "UPDATE platform_records SET body = ?3 WHERE connection_id = ?1 AND resource = 'payouts' AND remote_key = ?2",
                    params![c.id, d.key, body.to_string()],
                )?;
            }
            let after = json!({ "connection": c.name, "platform": c.platform.as_str(), "remote_key": d.key, "run": run_id });
            audit::record(
                &tx,
                Actor::Sync,
                "payout",
                Some(line.id),
                "sync mark paid",
                None,
                Some(&after),
            )?;
            state::save_map(
                &tx,
                c.id,
                &state::Mapping {
                    resource: Resource::Payouts,
                    key: &d.key,
                    local_id: Some(line.id),
                    remote_updated: 0,
                    synced: &Value::Null,
                    skipped: "",
                },
            )?;
            tx.commit()?;
        }
        report.marked.push(MarkedPayout {
            partner: line.partner_name.clone(),
            amount: pay,
            remote_key: d.key.clone(),
        });
    }
    Ok(report)
}
