//! Who referred a conversion, in this order:
//! 1. what the conversion itself carries: a referral code, a coupon code, a
//!    link id, or a partner key (a partner's email or any of their codes);
//! 2. a refund or chargeback follows the sale it gives money back for;
//! 3. a customer who already belongs to a partner stays theirs (recurring
//!    payments follow the customer, beyond any cookie window);
//! 4. the first or last touch (a click, lead or signup carrying a code) of
//!    the customer inside the cookie window, as the program settings say;
//! 5. nobody: the conversion is kept and listed as unattributed.

use super::model::{AttributionMethod, ConversionInput, Customer};
use crate::error::Result;
use chrono::Duration;
use partnerbook_book::settings::{Attribution, ProgramSettings};
use partnerbook_book::time::stamp;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

pub(super) struct Found {
    pub partner_id: Option<i64>,
    pub method: AttributionMethod,
}

impl Found {
    fn to(partner_id: i64, method: AttributionMethod) -> Found {
        Found {
            partner_id: Some(partner_id),
            method,
        }
    }
    /// Found by what the conversion itself carried (a code or key), which
    /// makes it a touch for later conversions of the same customer.
    pub fn is_explicit(&self) -> bool {
        matches!(
            self.method,
            AttributionMethod::ReferralCode
                | AttributionMethod::Coupon
                | AttributionMethod::Link
                | AttributionMethod::PartnerKey
        )
    }

    const NOBODY: Found = Found {
        partner_id: None,
        method: AttributionMethod::None,
    };
}

/// Partner codes already looked up: code → partner.
pub(super) type Codes = HashMap<String, Option<i64>>;

/// The partner an explicit identifier names, if any.
fn explicit(conn: &Connection, codes: &mut Codes, input: &ConversionInput) -> Result<Found> {
    let mut by_code = |code: &str| -> Result<Option<i64>> {
        let code = code.trim();
        if code.is_empty() {
            return Ok(None);
        }
        if let Some(found) = codes.get(code) {
            return Ok(*found);
        }
        let found = conn
            .prepare_cached("SELECT partner_id FROM partner_codes WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?;
        codes.insert(code.to_string(), found);
        Ok(found)
    };
    let candidates = [
        (&input.referral_code, AttributionMethod::ReferralCode),
        (&input.coupon_code, AttributionMethod::Coupon),
        (&input.link_id, AttributionMethod::Link),
    ];
    for (code, method) in candidates {
        if let Some(id) = by_code(code)? {
            return Ok(Found::to(id, method));
        }
    }
    let key = input.partner_key.trim();
    if !key.is_empty() {
        let by_email: Option<i64> = conn
            .prepare_cached("SELECT id FROM partners WHERE email = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        if let Some(id) = by_email.or(by_code(key)?) {
            return Ok(Found::to(id, AttributionMethod::PartnerKey));
        }
    }
    Ok(Found::NOBODY)
}

/// The full order above, for a conversion about to be recorded.
pub(super) fn attribute(
    conn: &Connection,
    codes: &mut Codes,
    settings: &ProgramSettings,
    input: &ConversionInput,
    customer: Option<Customer>,
    original: Option<(i64, Option<i64>)>,
) -> Result<Found> {
    let found = explicit(conn, codes, input)?;
    if found.partner_id.is_some() {
        return Ok(found);
    }
    if let Some((_, Some(partner))) = original {
        return Ok(Found::to(partner, AttributionMethod::Original));
    }
    let Some(customer) = customer else {
        return Ok(Found::NOBODY);
    };
    if let Some(partner) = customer.partner_id {
        return Ok(Found::to(partner, AttributionMethod::Customer));
    }
    let customer = customer.id;
    let since = input.occurred_at - Duration::days(i64::from(settings.cookie_window_days));
    let order = match settings.attribution {
        Attribution::FirstTouch => "ASC",
        Attribution::LastTouch => "DESC",
    };
    let touch: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT partner_id FROM touches WHERE customer_id = ?1 AND at >= ?2 AND at <= ?3
              ORDER BY at {order}, id {order} LIMIT 1"
        ))?
        .query_row(
            params![customer, stamp(since), stamp(input.occurred_at)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match touch {
        Some(partner) => Found::to(partner, AttributionMethod::Touch),
        None => Found::NOBODY,
    })
}
