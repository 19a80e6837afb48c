//! `explain`: a commission line as a sentence a partner would understand,
//! built only from what the line recorded when it was computed.

use crate::error::{ErrorExt, LedgerError, Result};
use partnerbook_book::money::rate::format_percent;
use partnerbook_book::money::{Currency, Money, Rounding};
use partnerbook_book::Book;
use rusqlite::OptionalExtension;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

struct Row {
    kind: String,
    line: String,
    rule_id: String,
    base_minor: Option<i64>,
    base_currency: Option<Currency>,
    rate: Option<String>,
    flat_minor: Option<i64>,
    fx_rate: Option<String>,
    fx_source: Option<String>,
    rounding: String,
    detail: Value,
    amount_minor: Option<i64>,
    currency: Currency,
    hold_reason: Option<String>,
    state: String,
    decline_reason: Option<String>,
    related_id: Option<i64>,
    due_on: String,
    conversion: Option<(String, String, String, String)>,
    plan: Option<(String, u32)>,
}

pub fn explain(book: &Book, id: i64) -> Result<String> {
    let row = book
        .conn()
        .query_row(
            "SELECT k.kind, k.line, k.rule_id, k.base_minor, k.base_currency, k.rate, k.flat_minor, k.fx_rate,
                    k.fx_source, k.rounding, k.detail, k.amount_minor, k.currency, k.hold_reason, k.state,
                    k.decline_reason, k.related_id, c.kind, c.external_id, c.occurred_at, c.product, pl.name, v.version,
                    k.due_on
               FROM commissions k
               LEFT JOIN conversions c ON c.id = k.conversion_id
               LEFT JOIN plan_versions v ON v.id = k.plan_version_id
               LEFT JOIN plans pl ON pl.id = v.plan_id
              WHERE k.id = ?1",
            [id],
            |r| {
                let conversion = match r.get::<_, Option<String>>(17)? {
                    Some(kind) => Some((kind, r.get(18)?, r.get::<_, String>(19)?, r.get(20)?)),
                    None => None,
                };
                let plan = match r.get::<_, Option<String>>(21)? {
                    Some(name) => Some((name, r.get(22)?)),
                    None => None,
                };
                Ok(Row {
                    kind: r.get(0)?,
                    line: r.get(1)?,
                    rule_id: r.get(2)?,
                    base_minor: r.get(3)?,
                    base_currency: r.get(4)?,
                    rate: r.get(5)?,
                    flat_minor: r.get(6)?,
                    fx_rate: r.get(7)?,
                    fx_source: r.get(8)?,
                    rounding: r.get(9)?,
                    detail: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or(Value::Null),
                    amount_minor: r.get(11)?,
                    currency: r.get(12)?,
                    hold_reason: r.get(13)?,
                    state: r.get(14)?,
                    decline_reason: r.get(15)?,
                    related_id: r.get(16)?,
                    due_on: r.get(23)?,
                    conversion,
                    plan,
                })
            },
        )
        .optional()?
        .ok_or_else(|| LedgerError::not_found(format!("commission {id}")))?;
    let mut text = sentence(&row);
    if matches!(row.state.as_str(), "pending" | "approved" | "in_payout") {
        text.push_str(&risk_flags(book, id)?);
    }
    Ok(text)
}

/// The open risk flags on a commission's sale or partner, with their
/// evidence: a held line always says why.
fn risk_flags(book: &Book, id: i64) -> Result<String> {
    let mut stmt = book.conn().prepare_cached(
        "SELECT f.id, f.check_name, f.evidence, f.hold FROM commissions k
           JOIN risk_flags f ON f.status = 'open'
            AND (f.conversion_id = k.conversion_id
                 OR (f.conversion_id IS NULL AND f.partner_id = k.partner_id))
          WHERE k.id = ?1 ORDER BY f.hold DESC, f.id",
    )?;
    let flags = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(flags
        .iter()
        .map(|(flag, check, evidence, hold)| {
            let check = check.replace('_', " ");
            if *hold {
                format!(" Held by risk flag #{flag} ({check}): {evidence} It is not approved or paid until the flag is cleared.")
            } else {
                format!(" Flagged for review, not held (risk flag #{flag}, {check}): {evidence}")
            }
        })
        .collect())
}

fn money(minor: i64, c: Currency) -> String {
    Money::new(minor, c).to_string()
}

fn pct(text: &Option<String>) -> String {
    text.as_deref()
        .and_then(|t| t.parse::<Decimal>().ok())
        .map(format_percent)
        .unwrap_or_default()
}

fn sentence(r: &Row) -> String {
    let total = r.amount_minor.map(|a| money(a, r.currency));
    let what = match &r.conversion {
        Some((kind, ext, at, product)) => {
            let product = if product.is_empty() {
                String::new()
            } else {
                format!(" ({product})")
            };
            format!("the {kind} {ext}{product} on {}", &at[..10.min(at.len())])
        }
        None => String::new(),
    };
    let base = match (r.base_minor, r.base_currency) {
        (Some(m), Some(c)) => money(m, c),
        _ => String::new(),
    };
    let rounding = match Rounding::parse(&r.rounding) {
        Some(Rounding::HalfEven) => "rounded half-even",
        _ => "rounded half-up",
    };
    let exact = r
        .detail
        .get("exact")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let rounded = |total: &str| {
        if exact.is_empty()
            || Money::parse(exact, r.currency).is_ok_and(|m| total.starts_with(&m.format_amount()))
        {
            String::new()
        } else {
            format!(" ({exact} {rounding})", exact = exact, rounding = rounding)
        }
    };
    let fx = match (&r.fx_rate, &r.fx_source) {
        (Some(rate), Some(source)) => format!(
            ", converted at {rate} {} per {} ({source})",
            r.currency,
            r.base_currency
                .map_or(String::new(), |c| c.code().to_string())
        ),
        _ => String::new(),
    };
    let plan = r.plan.as_ref().map_or(String::new(), |(name, v)| {
        format!(" Plan \"{name}\" version {v}, rule \"{}\".", r.rule_id)
    });
    let state = match (r.state.as_str(), &r.decline_reason) {
        ("declined", Some(why)) => format!(" Declined: {why}."),
        ("reversed", _) => " Reversed: the sale was refunded before payment.".to_string(),
        _ => String::new(),
    };
    let body = match (r.kind.as_str(), &total) {
        (_, None) => format!("Not computed yet for {what}: {}.", r.hold_reason.as_deref().unwrap_or("held")),
        ("commission", Some(t)) => {
            let flat = r.flat_minor.map(|f| money(f, r.currency));
            let tiers = r.detail.get("tiers").and_then(Value::as_array).filter(|b| b.len() > 1);
            let month = r.detail.get("month").and_then(Value::as_i64);
            let how = match (&flat, r.rate.is_some(), tiers) {
                (_, _, Some(bands)) => {
                    let parts: Vec<String> = bands
                        .iter()
                        .filter_map(|b| {
                            let rate = b.get(1)?.as_str().and_then(|s| s.parse::<Decimal>().ok())?;
                            Some(format!("{} on {} {}", format_percent(rate), b.get(2)?.as_str()?, r.base_currency.map_or(String::new(), |c| c.code().to_string())))
                        })
                        .collect();
                    format!("{} (each slice of this month's sales at its band's rate)", parts.join(" + "))
                }
                (Some(f), true, _) => format!("{f} + {} of {base}", pct(&r.rate)),
                (Some(f), false, _) => f.clone(),
                (None, true, _) => format!("{} of {base}", pct(&r.rate)),
                (None, false, _) => String::new(),
            };
            let recurring = match month {
                Some(m) => format!(" (payment in billing month {m} after the first sale{}{})",
                    r.detail.get("first_sale").and_then(Value::as_str)
                        .map(|d| format!(" on {d}; a month runs to the same day of the next month, or its last day"))
                        .unwrap_or_default(),
                    if r.detail.get("stepped_down").and_then(Value::as_bool) == Some(true) { ", after the step-down" } else { "" }),
                None => String::new(),
            };
            format!("{how} for {what}{recurring}{fx} = {t}{}.", rounded(t))
        }
        ("two_tier", Some(t)) => {
            let of = if r.detail.get("of").and_then(Value::as_str) == Some("sale") { "the sale" } else { "their partner's commission" };
            let who = match r.detail.get("level").and_then(Value::as_u64).unwrap_or(1) {
                1 => "parent".to_string(),
                2 => "grandparent".to_string(),
                n => format!("ancestor {n} levels up"),
            };
            format!("Two-tier: {} of {of} on {what}, as the referring partner's {who} = {t}{}.", pct(&r.rate), rounded(t))
        }
        ("bonus", Some(t)) => {
            let month = r.detail.get("month").and_then(Value::as_str).unwrap_or("the month");
            format!("Target bonus for {month}: the target was reached, {t}.")
        }
        ("reversal", Some(t)) => format!(
            "{t}: the part of commission {} given back because {what} refunded {} of the sale.",
            r.related_id.unwrap_or_default(), base
        ),
        ("clawback", Some(t)) => format!(
            "{t}: clawed back from commission {}, already paid, because {what} refunded {base} on {}; netted in the first payout run through {} or later.",
            r.related_id.unwrap_or_default(), r.due_on, r.due_on
        ),
        ("adjustment", Some(t)) => adjustment(r, t),
        (_, Some(t)) => format!("{t} ({}).", r.line),
    };
    format!("{body}{plan}{state}")
}

fn sales(count: i64) -> String {
    match count {
        1 => "1 sale".to_string(),
        n => format!("{n} sales"),
    }
}

/// An adjustment line: why the month's lines came to something else once
/// its last sale or refund was in.
fn adjustment(r: &Row, t: &str) -> String {
    let d = &r.detail;
    let text = |k: &str| {
        d.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let minor = |k: &str| d.get(k).and_then(Value::as_i64).unwrap_or_default();
    let revenue = Decimal::from_str(&text("revenue"))
        .ok()
        .and_then(|v| Money::from_decimal(v, r.currency, Rounding::HalfUp).ok())
        .map_or(text("revenue"), |m| m.to_string());
    if r.line.starts_with("bonus:") {
        let month = text("month");
        let reached = d.get("reached").and_then(Value::as_bool) == Some(true);
        return format!(
            "Target bonus for {month} {}: the month's sales came to {revenue} net of refunds, which {} the target; {t}.",
            if reached { "restored" } else { "taken back" },
            if reached { "reaches" } else { "no longer reaches" },
        );
    }
    let period = text("period");
    let count = d.get("count").and_then(Value::as_i64).unwrap_or_default();
    let how = match d.get("band_rate").and_then(Value::as_str) {
        Some(rate) => {
            let rate = rate
                .parse::<Decimal>()
                .map(format_percent)
                .unwrap_or_default();
            let from = money(minor("band_from"), r.currency);
            if d.get("measure").and_then(Value::as_str) == Some("count") {
                format!(
                    "{count} sales reach the band from {}, so each sale of the month pays {rate}",
                    minor("band_from")
                )
            } else {
                format!("that reaches the band from {from}, so each sale of the month pays {rate}")
            }
        }
        None => "each slice of the month's sales pays its band's rate".to_string(),
    };
    if r.line.starts_with("share:") {
        let rate = text("rate")
            .parse::<Decimal>()
            .map(format_percent)
            .unwrap_or_default();
        return format!(
            "Two-tier adjustment for {period}: {}'s month came to {revenue} net of refunds ({}); {how}: their commission comes to {}. Your {rate} of it had come to {}; it comes to {}: {t}.",
            text("of_name"),
            sales(count),
            money(minor("commission"), r.currency),
            money(minor("had"), r.currency),
            money(minor("target"), r.currency),
        );
    }
    format!(
        "Tier adjustment for {period}: the month's sales came to {revenue} net of refunds ({}); {how}. Its lines had come to {}; they come to {}: {t}.",
        sales(count),
        money(minor("had"), r.currency),
        money(minor("target"), r.currency),
    )
}
