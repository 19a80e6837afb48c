//! PayPal → Activity → Statements → Activity download (CSV, "all
//! transactions"), US English headers. Every field is quoted; amounts have
//! thousands separators ("1,011.70") and refunds are negative; the date is
//! in the account's locale (MM/DD/YYYY in the US, DD/MM/YYYY elsewhere: a
//! setting), with "Time" and a zone abbreviation in "TimeZone". Only
//! completed payments, refunds ("Payment Refund", pointing at the sale with
//! "Reference Txn ID") and chargebacks or reversals count; holds,
//! withdrawals, currency conversions and the like are skipped. A referral
//! code may travel in "Custom Number" ("ref=alice" or just "alice").

use super::{Ctx, Item, Preset};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::import::fields::{CellError, Field, Row};
use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

pub(super) static PRESET: Preset = Preset {
    columns: &[
        ("Date", Field::OccurredAt),
        ("Time", Field::Time),
        ("TimeZone", Field::TimeZone),
        ("Type", Field::Type),
        ("Status", Field::Status),
        ("Currency", Field::Currency),
        ("Gross", Field::Amount),
        ("Amount", Field::Amount),
        ("Transaction ID", Field::ExternalId),
        ("Reference Txn ID", Field::OriginalExternalId),
        ("From Email Address", Field::CustomerEmail),
        ("To Email Address", Field::CustomerEmailTo),
        ("Item Title", Field::Product),
        ("Custom Number", Field::ReferralCode),
        ("Balance Impact", Field::BalanceImpact),
    ],
    required: &[
        Field::OccurredAt,
        Field::Type,
        Field::Status,
        Field::Currency,
        Field::Amount,
        Field::ExternalId,
    ],
    read,
    wrong_files: &[],
    repeat_sales_are_recurring: true,
};

/// Zone abbreviations PayPal writes, as UTC offsets in minutes.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("BST", 60),
    ("IST", 330),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("PST", -480),
    ("PDT", -420),
    ("MST", -420),
    ("MDT", -360),
    ("CST", -360),
    ("CDT", -300),
    ("EST", -300),
    ("EDT", -240),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("JST", 540),
    ("KST", 540),
    ("HKT", 480),
    ("SGT", 480),
    ("AEST", 600),
    ("AEDT", 660),
    ("AWST", 480),
    ("NZST", 720),
    ("NZDT", 780),
    ("BRT", -180),
];

fn read(row: &Row, ctx: &Ctx) -> Result<Vec<Item>, CellError> {
    let kind_text = row.get(Field::Type).to_ascii_lowercase();
    if !row.get(Field::Status).eq_ignore_ascii_case("completed") {
        return Ok(vec![Item::Skip("not completed")]);
    }
    let currency = row.currency(Field::Currency, None)?;
    let (amount, negative) = row.money(Field::Amount, currency)?;
    let kind = if kind_text.contains("refund") && negative {
        ConversionKind::Refund
    } else if (kind_text.contains("chargeback") || kind_text.contains("reversal")) && negative {
        ConversionKind::Chargeback
    } else if kind_text.contains("payment") && !negative && !kind_text.contains("hold") {
        ConversionKind::Sale
    } else {
        return Ok(vec![Item::Skip("not a payment, refund or chargeback")]);
    };
    let mut c = ConversionInput::new("", row.required(Field::ExternalId)?, kind, when(row, ctx)?);
    c.amount = Some(amount);
    c.product = row.get(Field::Product).to_string();
    c.customer_email = if kind == ConversionKind::Sale {
        row.get(Field::CustomerEmail)
    } else {
        row.get(Field::CustomerEmailTo)
    }
    .to_string();
    let custom = row.get(Field::ReferralCode);
    c.referral_code = custom.rsplit('=').next().unwrap_or("").trim().to_string();
    c.original_external_id = row.get(Field::OriginalExternalId).to_string();
    Ok(vec![Item::Conversion(c)])
}

fn when(row: &Row, ctx: &Ctx) -> Result<chrono::DateTime<Utc>, CellError> {
    let date = row.required(Field::OccurredAt)?;
    let format = if ctx.day_first {
        "%d/%m/%Y"
    } else {
        "%m/%d/%Y"
    };
    let day = NaiveDate::parse_from_str(date, format)
        .or_else(|_| NaiveDate::parse_from_str(date, "%Y-%m-%d"))
        .map_err(|_| {
            (
                Field::OccurredAt,
                format!(
                    "\"{date}\" is not a date like {}",
                    if ctx.day_first {
                        "31/01/2024"
                    } else {
                        "01/31/2024"
                    }
                ),
            )
        })?;
    let time = match row.get(Field::Time) {
        "" => NaiveTime::MIN,
        t => NaiveTime::parse_from_str(t, "%H:%M:%S")
            .map_err(|_| (Field::Time, format!("\"{t}\" is not a time like 13:45:10")))?,
    };
    let zone = row.get(Field::TimeZone);
    let minutes = if zone.is_empty() {
        0
    } else {
        ZONES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(zone))
            .map(|(_, m)| *m)
            .ok_or_else(|| {
                (
                    Field::TimeZone,
                    format!("\"{zone}\" is a time zone this preset does not know"),
                )
            })?
    };
    let offset = FixedOffset::east_opt(minutes * 60)
        .ok_or_else(|| (Field::TimeZone, "is out of range".to_string()))?;
    offset
        .from_local_datetime(&NaiveDateTime::new(day, time))
        .single()
        .map(|d| d.with_timezone(&Utc))
        .ok_or_else(|| (Field::Time, "is not a valid local time".to_string()))
}
