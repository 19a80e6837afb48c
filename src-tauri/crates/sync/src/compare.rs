//! Platform versus ours: per partner and currency, for one month, what the
//! platform's rewards add up to beside the commissions Partnerbook computed
//! from the same transactions, with the reason for each difference.

use crate::connections;
use crate::error::{ErrorExt, Result, SyncError};
use partnerbook_book::money::Money;
use rusqlite::{params, Connection as Db};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompareRow {
    pub partner_id: Option<i64>,
    pub partner: String,
    pub platform: Money,
    pub ours: Money,
    /// Ours minus the platform's.
    pub difference: Money,
    /// Why they differ, one line per transaction or reward.
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comparison {
    pub connection: String,
    pub period: String,
    /// Partners whose totals agree.
    pub agreeing: u64,
    /// Partners whose totals differ, largest difference first.
    pub differing: Vec<CompareRow>,
}

/// At most this many reasons per partner; the rest are counted.
const MAX_REASONS: usize = 20;

/// One transaction's (or reward's) two sides for one partner.
#[derive(Default)]
struct Pair {
    platform: i64,
    ours: i64,
    has_reward: bool,
    has_ours: bool,
    description: String,
    hold: String,
    rate: String,
    skipped: String,
}

pub fn compare(db: &Db, connection: &str, period: &str) -> Result<Comparison> {
    let c = connections::find(db, connection)?;
    if chrono::NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").is_err() {
        return Err(SyncError::invalid(
            "period",
            format!("\"{period}\" is not a month (YYYY-MM)"),
        ));
    }
    // (partner, currency) -> transaction key (or reward key) -> pair
    let mut sides: BTreeMap<(Option<i64>, String), BTreeMap<String, Pair>> = BTreeMap::new();
    let mut stmt = db.prepare(
        "SELECT coalesce(pr.partner_id, v.partner_id), pr.currency, pr.amount_minor, pr.transaction_key, pr.remote_key,
                pr.description, coalesce(m.skipped, '')
           FROM platform_rewards pr
           LEFT JOIN conversions v ON v.source = ?2 AND v.external_id = pr.transaction_key AND pr.transaction_key <> ''
           LEFT JOIN sync_map m ON m.connection_id = pr.connection_id AND m.resource = 'transactions' AND m.remote_key = pr.transaction_key
          WHERE pr.connection_id = ?1 AND pr.status <> 'declined'
            AND substr(coalesce(v.occurred_at, pr.earned_at), 1, 7) = ?3",
    )?;
    let rows = stmt.query_map(params![c.id, c.name, period], |r| {
        Ok((
            r.get::<_, Option<i64>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    for row in rows {
        let (partner, currency, amount, txn, reward, description, skipped) = row?;
        let key = if txn.is_empty() {
            format!("reward {reward}")
        } else {
            txn
        };
        let pair = sides
            .entry((partner, currency))
            .or_default()
            .entry(key)
            .or_default();
        pair.platform += amount;
        pair.has_reward = true;
        pair.description = description;
        pair.skipped = skipped;
    }
    let mut stmt = db.prepare(
        "SELECT k.partner_id, k.currency, coalesce(sum(k.amount_minor), 0), v.external_id,
                coalesce(group_concat(k.hold_reason, '; '), ''), coalesce(max(k.rate), '')
           FROM commissions k JOIN conversions v ON v.id = k.conversion_id
          WHERE v.source = ?1 AND substr(v.occurred_at, 1, 7) = ?2 AND k.state <> 'declined'
          GROUP BY k.partner_id, k.currency, v.id",
    )?;
    let rows = stmt.query_map(params![c.name, period], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (partner, currency, amount, txn, hold, rate) = row?;
        let pair = sides
            .entry((Some(partner), currency))
            .or_default()
            .entry(txn)
            .or_default();
        pair.ours += amount;
        pair.has_ours = true;
        pair.hold = hold;
        pair.rate = rate;
    }
    let mut agreeing = 0;
    let mut differing = Vec::new();
    for ((partner_id, currency), pairs) in sides {
        let currency = currency.parse().map_err(SyncError::Book)?;
        let platform: i64 = pairs.values().map(|p| p.platform).sum();
        let ours: i64 = pairs.values().map(|p| p.ours).sum();
        if platform == ours {
            agreeing += 1;
            continue;
        }
        let money = |m| Money::new(m, currency);
        let mut reasons: Vec<String> = pairs
            .iter()
            .filter(|(_, p)| p.platform != p.ours)
            .map(|(key, p)| reason(key, p, &money))
            .collect();
        if reasons.len() > MAX_REASONS {
            let more = reasons.len() - MAX_REASONS;
            reasons.truncate(MAX_REASONS);
            reasons.push(format!("and {more} more"));
        }
        let partner = match partner_id {
            Some(id) => db
                .query_row("SELECT name FROM partners WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap_or_else(|_| format!("partner {id}")),
            None => "(no partner here)".to_string(),
        };
        differing.push(CompareRow {
            partner_id,
            partner,
            platform: money(platform),
            ours: money(ours),
            difference: money(ours - platform),
            reasons,
        });
    }
    differing.sort_by_key(|r| std::cmp::Reverse(r.difference.minor.abs()));
    Ok(Comparison {
        connection: c.name,
        period: period.to_string(),
        agreeing,
        differing,
    })
}

fn reason(key: &str, p: &Pair, money: &dyn Fn(i64) -> Money) -> String {
    if key.starts_with("reward ") {
        let what = if p.description.is_empty() {
            String::new()
        } else {
            format!(" (\"{}\")", p.description)
        };
        return format!(
            "{key}{what}: {} on the platform with no transaction behind it (a bonus or a manual reward)",
            money(p.platform)
        );
    }
    match (p.has_reward, p.has_ours) {
        (true, false) if !p.skipped.is_empty() => format!(
            "transaction {key}: {} on the platform; skipped here: {}",
            money(p.platform),
            p.skipped
        ),
        (true, false) => format!(
            "transaction {key}: {} on the platform; no commission here (not synced yet, or no partner or plan applies)",
            money(p.platform)
        ),
        (false, true) => format!(
            "transaction {key}: {} here; no reward on the platform",
            money(p.ours)
        ),
        _ if !p.hold.is_empty() => format!(
            "transaction {key}: {} on the platform; ours is held: {}",
            money(p.platform),
            p.hold
        ),
        _ => format!(
            "transaction {key}: {} on the platform, {} here{}",
            money(p.platform),
            money(p.ours),
            if p.rate.is_empty() { String::new() } else { format!(" (our rate {})", p.rate) }
        ),
    }
}
