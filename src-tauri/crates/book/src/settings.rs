//! Program settings, stored in the book's single `program` row.

use crate::audit::{self, Actor};
use crate::book::Book;
use crate::error::{BookError, ErrorExt, Result};
use crate::money::{Currency, Money, Rounding};
use crate::time::now;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// First-touch credits the partner who referred the customer first inside
/// the cookie window; last-touch the most recent one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Attribution {
    FirstTouch,
    #[default]
    LastTouch,
}

impl Attribution {
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::FirstTouch => "first_touch",
            Attribution::LastTouch => "last_touch",
        }
    }
    pub fn parse(text: &str) -> Option<Attribution> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "first_touch" | "first" => Some(Attribution::FirstTouch),
            "last_touch" | "last" => Some(Attribution::LastTouch),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramSettings {
    pub program_name: String,
    pub business_name: String,
    pub address: String,
    pub tax_id: String,
    pub base_currency: Currency,
    pub rounding: Rounding,
    /// Days a commission stays pending before it can be paid (refund window).
    pub hold_days: u32,
    /// Smallest balance paid out; smaller balances carry forward.
    pub minimum_payout: Money,
    pub cookie_window_days: u32,
    pub attribution: Attribution,
    /// The shop's prices include tax: shop exports' sales (Shopify's
    /// Subtotal) are taken without it.
    pub prices_include_tax: bool,
    /// Where the business is established (ISO 3166 alpha-2, or empty).
    pub country: String,
    /// Statements are self-billing invoices (EU), numbered at approval.
    pub self_billing: bool,
}

/// What a person edits: the same fields, with the minimum payout as typed
/// ("50.00") so the core parses it exactly in the chosen currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramSettingsInput {
    pub program_name: String,
    pub business_name: String,
    pub address: String,
    pub tax_id: String,
    pub base_currency: String,
    pub rounding: Rounding,
    pub hold_days: u32,
    pub minimum_payout: String,
    pub cookie_window_days: u32,
    pub attribution: Attribution,
    #[serde(default)]
    pub prices_include_tax: bool,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub self_billing: bool,
}

impl From<&ProgramSettings> for ProgramSettingsInput {
    fn from(s: &ProgramSettings) -> Self {
        ProgramSettingsInput {
            program_name: s.program_name.clone(),
            business_name: s.business_name.clone(),
            address: s.address.clone(),
            tax_id: s.tax_id.clone(),
            base_currency: s.base_currency.code().to_string(),
            rounding: s.rounding,
            hold_days: s.hold_days,
            minimum_payout: s.minimum_payout.format_amount(),
            cookie_window_days: s.cookie_window_days,
            attribution: s.attribution,
            prices_include_tax: s.prices_include_tax,
            country: s.country.clone(),
            self_billing: s.self_billing,
        }
    }
}

impl ProgramSettingsInput {
    fn validate(&self) -> Result<ProgramSettings> {
        let program_name = self.program_name.trim().to_string();
        if program_name.is_empty() {
            return Err(BookError::invalid("program_name", "is required"));
        }
        let base_currency = Currency::from_code(&self.base_currency)?;
        let minimum_payout = Money::parse(&self.minimum_payout, base_currency)
            .map_err(|e| e.for_field("minimum_payout"))?;
        if minimum_payout.minor < 0 {
            return Err(BookError::invalid("minimum_payout", "cannot be negative"));
        }
        if self.hold_days > 3650 {
            return Err(BookError::invalid("hold_days", "must be at most 3650 days"));
        }
        if !(1..=3650).contains(&self.cookie_window_days) {
            return Err(BookError::invalid(
                "cookie_window_days",
                "must be between 1 and 3650 days",
            ));
        }
        let country = self.country.trim().to_ascii_uppercase();
        if !(country.is_empty()
            || (country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic())))
        {
            return Err(BookError::invalid(
                "country",
                format!(
                    "\"{}\" is not a two-letter country code like DE",
                    self.country.trim()
                ),
            ));
        }
        if self.self_billing && country.is_empty() {
            return Err(BookError::invalid(
                "country",
                "self-billing invoices need the business's country (to know when the reverse charge applies)",
            ));
        }
        Ok(ProgramSettings {
            program_name,
            business_name: self.business_name.trim().to_string(),
            address: self.address.trim().to_string(),
            tax_id: self.tax_id.trim().to_string(),
            base_currency,
            rounding: self.rounding,
            hold_days: self.hold_days,
            minimum_payout,
            cookie_window_days: self.cookie_window_days,
            attribution: self.attribution,
            prices_include_tax: self.prices_include_tax,
            country,
            self_billing: self.self_billing,
        })
    }
}

/// What `Book::create` needs; everything else starts at sensible defaults.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewProgram {
    pub program_name: String,
    pub base_currency: String,
}

impl NewProgram {
    pub(crate) fn validate(&self) -> Result<()> {
        if self.program_name.trim().is_empty() {
            return Err(BookError::invalid("program_name", "is required"));
        }
        Currency::from_code(&self.base_currency)?;
        Ok(())
    }
}

pub(crate) fn insert_initial(conn: &Connection, program: &NewProgram) -> Result<()> {
    let currency = Currency::from_code(&program.base_currency)?;
    let now = now();
    conn.execute(
        "INSERT INTO program (id, program_name, base_currency, created_at, updated_at) VALUES (1, ?1, ?2, ?3, ?3)",
        params![program.program_name.trim(), currency, now],
    )?;
    Ok(())
}

pub fn get(conn: &Connection) -> Result<ProgramSettings> {
    let row = conn
        .prepare_cached(
            "SELECT program_name, business_name, address, tax_id, base_currency, rounding, hold_days,
                    minimum_payout_minor, cookie_window_days, attribution, prices_include_tax,
                    country, self_billing
               FROM program WHERE id = 1",
        )?
        .query_row([], |r| {
                let currency: Currency = r.get(4)?;
                Ok(ProgramSettings {
                    program_name: r.get(0)?,
                    business_name: r.get(1)?,
                    address: r.get(2)?,
                    tax_id: r.get(3)?,
                    base_currency: currency,
                    rounding: Rounding::parse(&r.get::<_, String>(5)?).unwrap_or_default(),
                    hold_days: r.get(6)?,
                    minimum_payout: Money::new(r.get(7)?, currency),
                    cookie_window_days: r.get(8)?,
                    attribution: Attribution::parse(&r.get::<_, String>(9)?).unwrap_or_default(),
                    prices_include_tax: r.get(10)?,
                    country: r.get(11)?,
                    self_billing: r.get(12)?,
                })
        })
        .optional()?;
    row.ok_or_else(|| BookError::not_found("program settings"))
}

/// Validates and saves the settings in their own transaction.
pub fn save(
    book: &mut Book,
    input: &ProgramSettingsInput,
    actor: Actor,
) -> Result<ProgramSettings> {
    let tx = book.transaction()?;
    let saved = update(&tx, input, actor)?;
    tx.commit()?;
    Ok(saved)
}

/// Validates and saves the settings, with an audit row of what changed.
pub fn update(
    conn: &Connection,
    input: &ProgramSettingsInput,
    actor: Actor,
) -> Result<ProgramSettings> {
    let next = input.validate()?;
    let before = get(conn)?;
    conn.execute(
        "UPDATE program SET program_name = ?1, business_name = ?2, address = ?3, tax_id = ?4, base_currency = ?5,
                rounding = ?6, hold_days = ?7, minimum_payout_minor = ?8, cookie_window_days = ?9,
                attribution = ?10, prices_include_tax = ?12, country = ?13, self_billing = ?14,
                updated_at = ?11 WHERE id = 1",
        params![
            next.program_name,
            next.business_name,
            next.address,
            next.tax_id,
            next.base_currency,
            next.rounding.as_str(),
            next.hold_days,
            next.minimum_payout.minor,
            next.cookie_window_days,
            next.attribution.as_str(),
            now(),
            next.prices_include_tax,
            next.country,
            next.self_billing,
        ],
    )?;
    audit::record_change(conn, actor, "program", None, &before, &next)?;
    Ok(next)
}
