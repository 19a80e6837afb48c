//! What a column of a conversions file can hold, and reading one row's cells
//! by what they mean rather than by where they are.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::Coded;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    ExternalId,
    Kind,
    OccurredAt,
    Amount,
    Currency,
    Quantity,
    Product,
    CustomerId,
    CustomerEmail,
    ReferralCode,
    CouponCode,
    LinkId,
    PartnerKey,
    OriginalExternalId,
    // Columns only the presets read.
    RefundedAmount,
    RefundedAt,
    Status,
    Captured,
    Type,
    Time,
    TimeZone,
    BalanceImpact,
    Name,
    CreatedAt,
    CancelledAt,
    CustomerEmailTo,
    Mode,
    Total,
    Taxes,
    Shipping,
    LinePrice,
    LineDiscount,
    Approved,
    Archived,
    Test,
    DisputeStatus,
    DisputedAmount,
    DisputeDate,
}

impl Field {
    /// The names `--map COLUMN=FIELD` accepts (the generic fields).
    pub(crate) const MAPPABLE: &'static [(&'static str, Field)] = &[
        ("external_id", Field::ExternalId),
        ("kind", Field::Kind),
        ("occurred_at", Field::OccurredAt),
        ("amount", Field::Amount),
        ("currency", Field::Currency),
        ("quantity", Field::Quantity),
        ("product", Field::Product),
        ("customer_id", Field::CustomerId),
        ("customer_email", Field::CustomerEmail),
        ("referral_code", Field::ReferralCode),
        ("coupon_code", Field::CouponCode),
        ("link_id", Field::LinkId),
        ("partner_key", Field::PartnerKey),
        ("original_external_id", Field::OriginalExternalId),
    ];

    pub(crate) fn name(self) -> &'static str {
        Field::MAPPABLE
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("column", |(n, _)| n)
    }

    pub(crate) fn parse(name: &str) -> Option<Field> {
        Field::MAPPABLE
            .iter()
            .find(|(n, _)| *n == name.trim())
            .map(|(_, f)| *f)
    }
}

/// A bad cell: the field it was read as, and why.
pub(crate) type CellError = (Field, String);

/// One record with the file's header-to-field map.
pub(crate) struct Row<'a> {
    pub record: &'a csv::StringRecord,
    pub columns: &'a HashMap<Field, usize>,
}

impl Row<'_> {
    pub(crate) fn get(&self, f: Field) -> &str {
        self.columns
            .get(&f)
            .and_then(|i| self.record.get(*i))
            .map_or("", str::trim)
    }

    pub(crate) fn required(&self, f: Field) -> Result<&str, CellError> {
        let v = self.get(f);
        if v.is_empty() {
            Err((f, "is empty".into()))
        } else {
            Ok(v)
        }
    }

    pub(crate) fn currency(
        &self,
        f: Field,
        default: Option<Currency>,
    ) -> Result<Currency, CellError> {
        match (self.get(f), default) {
            ("", Some(c)) => Ok(c),
            ("", None) => Err((f, "is empty".into())),
            (text, _) => Currency::from_code(text).map_err(|e| (f, e.reason())),
        }
    }

    /// An amount as the file writes it; the sign is returned apart.
    /// One sign at most, in front ("+-49.00" is refused, not read as 49.00).
    /// A currency without minor units accepts a zero fraction as exports
    /// write it ("5000.00" JPY is 5000) and refuses a real one.
    pub(crate) fn money(&self, f: Field, currency: Currency) -> Result<(Money, bool), CellError> {
        let text = self.required(f)?;
        let (negative, digits) = match text.as_bytes()[0] {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        if digits.starts_with(['-', '+']) || digits.trim() != digits {
            return Err((f, format!("\"{text}\" has a malformed sign")));
        }
        let digits = match digits.split_once('.') {
            Some((whole, fraction))
                if currency.exponent() == 0
                    && !fraction.is_empty()
                    && fraction.bytes().all(|b| b == b'0') =>
            {
                whole
            }
            _ => digits,
        };
        let m = Money::parse(digits, currency).map_err(|e| (f, e.reason()))?;
        Ok((m, negative))
    }

    /// An amount that may not be negative in this layout: a refund is not a
    /// row of its own but the sale's refunded amount.
    pub(crate) fn money_not_negative(
        &self,
        f: Field,
        currency: Currency,
    ) -> Result<Money, CellError> {
        match self.money(f, currency)? {
            (_, true) => Err((
                f,
                format!(
                    "\"{}\" is negative: this export writes a refund as the sale's refunded amount, never as a negative row",
                    self.get(f)
                ),
            )),
            (m, false) => Ok(m),
        }
    }
}

/// Dates as exports write them: RFC 3339, "2024-05-01 13:45:10" (UTC),
/// "2024-05-01 13:45" , "2025-08-24 13:27:45 +0100", or a bare date.
pub(crate) fn timestamp(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    DateTime::parse_from_rfc3339(t)
        .or_else(|_| DateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S %z"))
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|d| d.and_utc())
        })
        .or_else(|| {
            NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M")
                .ok()
                .map(|d| d.and_utc())
        })
        .or_else(|| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}
