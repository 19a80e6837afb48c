//! The demo's earnings: two plans (one with a newer version, so the
//! what-if has something to compare), a year of ECB-style FX rates, sales
//! with renewals, refunds and chargebacks from the partners' own codes,
//! a few sales nobody can be credited with, the cases the risk checks
//! catch, and the commissions the engine computes from them; those past
//! their hold and not held by a risk flag are approved.

use crate::error::Result;
use crate::people::pick;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Progress;
use partnerbook_book::settings;
use partnerbook_ledger::commissions::{approve_due_in, engine};
use partnerbook_ledger::conversions::record::Recorder;
use partnerbook_ledger::conversions::{ConversionInput, ConversionKind};
use partnerbook_ledger::plans::{self, PlanFile};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{params, Connection};

use crate::referrer::Referrer;

/// (product, monthly price in major units, renews monthly).
const PRODUCTS: &[(&str, i64, bool)] = &[
    ("Starter", 29, true),
    ("Starter", 29, true),
    ("Pro", 79, true),
    ("Pro", 79, true),
    ("Team", 199, true),
    ("Annual", 790, false),
];

pub(super) fn fill(
    conn: &Connection,
    seed: u64,
    referrers: &[Referrer],
    progress: &dyn Progress,
) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_ea71);
    let today = partnerbook_book::time::today();
    let start = today - Duration::days(365);
    plans_for_groups(conn, today)?;
    fx_rates(conn, &mut rng, start - Duration::days(14), today)?;
    let currencies = [
        Currency::from_code("USD")?,
        Currency::from_code("EUR")?,
        Currency::from_code("GBP")?,
    ];
    let mut sales = Vec::new();
    for r in referrers.iter().filter(|r| r.selling) {
        // A few partners bring most customers.
        let customers = match rng.random_range(0..100) {
            0..=59 => rng.random_range(0..3),
            60..=89 => rng.random_range(2..8),
            _ => rng.random_range(8..30),
        };
        for _ in 0..customers {
            customer(&mut rng, r, &currencies, (start, today), &mut sales);
        }
    }
    // Sales with a code nobody has: kept and listed as unattributed.
    for _ in 0..(sales.len() / 250).max(3) {
        let stray = Referrer {
            email: String::new(),
            referral: pick(&mut rng, &["SUMMER24", "FRIEND", "PODCAST10", "YT-REVIEW"]).to_string(),
            coupon: None,
            selling: true,
        };
        customer(&mut rng, &stray, &currencies, (start, today), &mut sales);
    }
    sales.extend(crate::risk_cases::plant(referrers, today, currencies[0]));
    sales.sort_by_key(|c| c.occurred_at);
    let settings = settings::get(conn)?;
    let total = sales.len() as u64;
    let mut recorder = Recorder::new(conn, &settings);
    for (i, input) in sales.iter().enumerate() {
        recorder.record(input)?;
        if i % 2_000 == 1_999 {
            progress.check()?;
            progress.update("Recording sales", i as u64 + 1, total);
        }
    }
    recorder.finish()?;
    engine::run_in(conn, progress)?;
    // Before approval, so what the checks hold is not approved.
    partnerbook_risk::scan::scan_in(conn, None, Actor::System, progress)?;
    approve_due_in(conn, &today.format("%Y-%m-%d").to_string(), Actor::System)?;
    Ok(())
}

/// One customer: a first sale from the partner's code or coupon, monthly
/// renewals until they churn, and now and then a refund or chargeback.
fn customer(
    rng: &mut ChaCha8Rng,
    r: &Referrer,
    currencies: &[Currency; 3],
    (start, today): (NaiveDate, NaiveDate),
    out: &mut Vec<ConversionInput>,
) {
    let n = out.len();
    let customer_ref = format!("cus_demo_{n:06}");
    let currency = currencies[match rng.random_range(0..10) {
        0..=6 => 0,
        7..=8 => 1,
        _ => 2,
    }];
    let (product, price, renews) = *pick(rng, PRODUCTS);
    let first = start + Duration::days(rng.random_range(0..365));
    let mut at = moment(rng, first);
    let sale = |kind: ConversionKind, at: DateTime<Utc>, k: usize| {
        let mut c = ConversionInput::new("stripe", &format!("ch_demo_{n:06}_{k:02}"), kind, at);
        c.amount = Some(Money::new(price * 100, currency));
        c.product = product.to_string();
        c.customer_ref = customer_ref.clone();
        c.customer_email = format!("customer{n}@example.com");
        c
    };
    let mut first_sale = sale(ConversionKind::Sale, at, 0);
    match &r.coupon {
        Some(coupon) if rng.random_bool(0.3) => first_sale.coupon_code = coupon.clone(),
        _ => first_sale.referral_code = r.referral.clone(),
    }
    let mut payments = vec![first_sale];
    if renews {
        for k in 1..24 {
            at += Duration::days(30);
            if at.date_naive() > today || rng.random_bool(0.09) {
                break;
            }
            payments.push(sale(ConversionKind::Recurring, at, k));
        }
    }
    for p in &payments {
        let back = match rng.random_range(0..1000) {
            0..=29 => Some((ConversionKind::Refund, p.amount.map_or(0, |m| m.minor))),
            30..=49 => Some((ConversionKind::Refund, p.amount.map_or(0, |m| m.minor) / 2)),
            50..=54 => Some((ConversionKind::Chargeback, p.amount.map_or(0, |m| m.minor))),
            _ => None,
        };
        let Some((kind, minor)) = back else { continue };
        let when = p.occurred_at + Duration::days(rng.random_range(1..20));
        if when.date_naive() > today || minor == 0 {
            continue;
        }
        let mut refund =
            ConversionInput::new("stripe", &format!("{}_back", p.external_id), kind, when);
        refund.amount = Some(Money::new(minor, currency));
        refund.original_external_id = p.external_id.clone();
        refund.customer_ref = p.customer_ref.clone();
        out.push(refund);
    }
    out.extend(payments);
}

/// A time of day people buy at, on `day`.
fn moment(rng: &mut ChaCha8Rng, day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(
        rng.random_range(6..23),
        rng.random_range(0..60),
        rng.random_range(0..60),
    )
    .unwrap_or_default()
    .and_utc()
}

fn plans_for_groups(conn: &Connection, today: NaiveDate) -> Result<()> {
    let month_start = |months_back: i32| {
        let m = today.year() * 12 + today.month0() as i32 - months_back;
        NaiveDate::from_ymd_opt(m / 12, (m % 12) as u32 + 1, 1)
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string()
    };
    let standard = serde_json::json!({
        "name": "Standard",
        "description": "Our default: a share of every sale and of the customer's first year of renewals.",
        "groups": ["Creators", "Influencers", "Coupon sites"],
        "versions": [
            { "effective_from": month_start(14), "rules": [
                { "id": "sales", "kind": "percentage", "rate": "20%", "applies_to": ["sale"] },
                { "id": "renewals", "kind": "recurring", "rate": "20%", "months": 12,
                  "step_down": { "after_months": 6, "rate": "10%" } },
                { "id": "annual", "kind": "percentage", "rate": "15%", "product": "Annual" },
                { "id": "parent", "kind": "two_tier", "rate": "10%", "of": "commission" } ] },
            { "effective_from": month_start(3), "rules": [
                { "id": "sales", "kind": "percentage", "rate": "25%", "applies_to": ["sale"] },
                { "id": "renewals", "kind": "recurring", "rate": "20%", "months": 12,
                  "step_down": { "after_months": 6, "rate": "10%" } },
                { "id": "annual", "kind": "percentage", "rate": "15%", "product": "Annual" },
                { "id": "parent", "kind": "two_tier", "rate": "10%", "of": "commission" },
                { "id": "top-month", "kind": "target_bonus", "threshold": "2000.00", "bonus": "150.00" } ] }
        ]
    });
    let tiers = serde_json::json!({
        "name": "Agency tiers",
        "description": "Agencies and resellers earn more as their month grows: each slice at its own rate.",
        "groups": ["Agencies", "Resellers"],
        "versions": [
            { "effective_from": month_start(14), "rules": [
                { "id": "tiers", "kind": "tiered", "mode": "marginal", "measure": "revenue", "tiers": [
                    { "from": "0.00", "rate": "15%" }, { "from": "1000.00", "rate": "20%" },
                    { "from": "3000.00", "rate": "25%" } ] } ] }
        ]
    });
    for plan in [standard, tiers] {
        let file: PlanFile =
            serde_json::from_value(plan).unwrap_or_else(|e| unreachable!("demo plan: {e}"));
        plans::import_in(conn, &file, Actor::System)?;
    }
    Ok(())
}

/// EUR reference rates for USD and GBP on working days, drifting gently.
fn fx_rates(conn: &Connection, rng: &mut ChaCha8Rng, from: NaiveDate, to: NaiveDate) -> Result<()> {
    let (mut usd, mut gbp) = (10_850i64, 8_520i64);
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO fx_rates (day, base, quote, rate, source) VALUES (?1, 'EUR', ?2, ?3, 'ECB (demo)')",
    )?;
    let mut day = from;
    while day <= to {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            usd = (usd + rng.random_range(-40..=40)).clamp(10_200, 11_600);
            gbp = (gbp + rng.random_range(-25..=25)).clamp(8_200, 8_900);
            let d = day.format("%Y-%m-%d").to_string();
            insert.execute(params![
                d,
                "USD",
                format!("{}.{:04}", usd / 10_000, usd % 10_000)
            ])?;
            insert.execute(params![
                d,
                "GBP",
                format!("{}.{:04}", gbp / 10_000, gbp % 10_000)
            ])?;
        }
        day += Duration::days(1);
    }
    Ok(())
}
