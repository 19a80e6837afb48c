//! PayPal → Activity → Statements → Activity download (CSV, "all
//! transactions"), US English headers. Every field is quoted; amounts have
//! thousands separators ("1,011.70") and refunds are negative; the date is
//! in the account's locale (MM/DD/YYYY in the US, DD/MM/YYYY elsewhere: a
//! setting), with "Time" and a zone abbreviation in "TimeZone". Only
//! completed payments (and those later "Partially Refunded" or "Refunded":
//! their refunds are rows of their own), completed eCheck payments, refunds
//! ("Payment Refund" going out, pointing at the sale with "Reference Txn ID")
//! and chargebacks or reversals count; a "Chargeback Reversal" coming in
//! (a dispute won) gives the chargeback's commission back. Fees (a
//! "Chargeback Fee" is not a chargeback), a refund paid to us, holds,
//! withdrawals, currency conversions and the like are skipped. A referral code may travel in
//! "Custom Number" ("ref=alice" or just "alice"). Whether dates are day- or
//! month-first is read from the file when a day above 12 says so; a file
//! where every day is 12 or less is refused until the manager says which.

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
    orders: None,
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

/// Statuses of a payment that went through: a payment refunded later says
/// so in its own status, and its refund comes as a row of its own.
const DONE: &[&str] = &["completed", "partially refunded", "refunded"];

fn read(row: &Row, ctx: &Ctx) -> Result<Vec<Item>, CellError> {
    let kind_text = row.get(Field::Type).to_ascii_lowercase();
    let status = row.get(Field::Status).to_ascii_lowercase();
    if !DONE.contains(&status.as_str()) {
        return Ok(vec![Item::Skip("not completed")]);
    }
    if kind_text.contains("fee") {
        return Ok(vec![Item::Skip("a fee, not a sale, refund or chargeback")]);
    }
    let currency = row.currency(Field::Currency, None)?;
    let (amount, negative) = row.money(Field::Amount, currency)?;
    let kind = if kind_text.contains("reversal") && !negative {
        // The dispute was won and the money came back: so does the
        // commission the chargeback took.
        ConversionKind::ChargebackReversal
    } else if kind_text.contains("refund") && !negative {
        return Ok(vec![Item::Skip("a refund paid to us, not a sale")]);
    } else if kind_text.contains("refund") {
        ConversionKind::Refund
    } else if (kind_text.contains("chargeback") || kind_text.contains("reversal")) && negative {
        ConversionKind::Chargeback
    } else if (kind_text.contains("payment") || kind_text.contains("echeck received"))
        && !negative
        && !kind_text.contains("hold")
    {
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

/// Whether the file's dates ("03/04/2024") are day-first, as its days say:
/// Some(true) when a first number is above 12, Some(false) when a second
/// one is, None when every date could be either. Both at once is an error
/// the rows will name (one of them is not a date either way).
pub(crate) fn day_first_of<'a>(dates: impl Iterator<Item = &'a str>) -> Option<bool> {
    let (mut first, mut second) = (false, false);
    for d in dates {
        let mut parts = d.trim().split('/');
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
            continue;
        };
        first |= a.parse::<u32>().is_ok_and(|n| n > 12);
        second |= b.parse::<u32>().is_ok_and(|n| n > 12);
        if first || second {
            break;
        }
    }
    match (first, second) {
        (true, _) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
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
