//! Cases the risk checks should catch, planted among the clean partners so
//! the Risk screen has something true to show on a demo book's first open:
//! a partner buying through their own code, a coupon posted on a coupon
//! site, and a partner whose customers ask for their money back.

use crate::referrer::Referrer;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use partnerbook_book::money::{Currency, Money};
use partnerbook_ledger::conversions::{ConversionInput, ConversionKind};

fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 17, 0).unwrap_or_default().and_utc()
}

fn sale(id: &str, day: NaiveDate, hour: u32, price: Money, customer: &str) -> ConversionInput {
    let mut c = ConversionInput::new("stripe", id, ConversionKind::Sale, at(day, hour));
    c.amount = Some(price);
    c.product = "Pro".into();
    c.customer_ref = format!("cus_{customer}");
    c.customer_email = format!("{customer}@example.net");
    c
}

/// The planted conversions; three different selling partners take part.
pub(super) fn plant(
    referrers: &[Referrer],
    today: NaiveDate,
    usd: Currency,
) -> Vec<ConversionInput> {
    let usd = |major: i64| Money::new(major * 100, usd);
    let mut selling = referrers
        .iter()
        .filter(|r| r.selling && !r.referral.is_empty());
    let mut out = Vec::new();

    // Past the hold period, so without the hold it would be paid now.
    if let Some(r) = selling.next() {
        let (local, domain) = r.email.split_once('@').unwrap_or((&r.email, ""));
        let mut own = sale(
            "ch_risk_self_01",
            today - Duration::days(45),
            20,
            usd(790),
            "self",
        );
        own.product = "Annual".into();
        own.customer_email = format!("{local}+shop@{domain}");
        own.referral_code = r.referral.clone();
        out.push(own);
    }

    // A coupon on a coupon site: two dozen strangers in one week.
    // (Each case inside one calendar month, as the checks count by month.)
    if let Some(coupon) = selling.by_ref().find_map(|r| r.coupon.clone()) {
        let first = month_start(today - Duration::days(40));
        for i in 0..24 {
            let day = first + Duration::days(i64::from(i % 7));
            let mut c = sale(
                &format!("ch_risk_coupon_{i:02}"),
                day,
                9 + i % 12,
                usd(29),
                &format!("deals{i:02}"),
            );
            c.product = "Starter".into();
            c.coupon_code = coupon.clone();
            out.push(c);
        }
    }

    // Fourteen sales in a month, nine given back.
    if let Some(r) = selling.next() {
        let first = month_start(today - Duration::days(75));
        for i in 0..14 {
            let day = first + Duration::days(i64::from(i));
            let mut c = sale(
                &format!("ch_risk_spike_{i:02}"),
                day,
                14,
                usd(79),
                &format!("buyer{i:02}"),
            );
            c.referral_code = r.referral.clone();
            if i < 9 {
                let mut back = ConversionInput::new(
                    "stripe",
                    &format!("ch_risk_spike_{i:02}_back"),
                    ConversionKind::Refund,
                    at(day + Duration::days(3), 11),
                );
                back.amount = c.amount;
                back.original_external_id = c.external_id.clone();
                back.customer_ref = c.customer_ref.clone();
                out.push(back);
            }
            out.push(c);
        }
    }
    out
}
