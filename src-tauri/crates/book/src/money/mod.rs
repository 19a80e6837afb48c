//! Money is a type, not a number: an integer count of minor units (cents,
//! yen, fils) in one ISO 4217 currency. Rates live in `rust_decimal::Decimal`
//! and become money only through `Money::from_decimal`, which names its
//! rounding. No floating point anywhere on this path.

mod allocate;
mod currency;
mod format;
mod parse;
pub mod rate;
mod rounding;

pub use allocate::allocate;
pub use currency::Currency;
pub use rounding::Rounding;

use crate::error::{BookError, ErrorExt, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Money {
    /// Amount in the currency's minor unit (1 = one cent for USD, one yen for JPY).
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Money { minor: 0, currency }
    }

    /// Parses an amount as people type it: "1,234.50", "1234.5", "-0.01".
    /// Refuses anything it would have to guess about: more decimals than the
    /// currency has ("1.234" in USD), "12.3.4", "NaN", "1e3", misplaced commas.
    pub fn parse(text: &str, currency: Currency) -> Result<Money> {
        parse::parse_minor(text, currency.exponent())
            .map(|minor| Money { minor, currency })
            .map_err(|why| BookError::invalid("amount", format!("\"{text}\" {why}")))
    }

    /// Converts an exact decimal amount in major units (e.g. 12.345 USD) to
    /// money, rounding once to the minor unit with the named mode.
    pub fn from_decimal(amount: Decimal, currency: Currency, rounding: Rounding) -> Result<Money> {
        let too_large =
            || BookError::invalid("amount", format!("{amount} {currency} is too large"));
        let scaled = amount
            .checked_mul(Decimal::from(10i64.pow(currency.exponent())))
            .ok_or_else(too_large)?;
        let minor = i64::try_from(rounding.round_to_integer(scaled)).map_err(|_| too_large())?;
        Ok(Money { minor, currency })
    }

    /// The exact amount in major units.
    pub fn to_decimal(&self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.minor), self.currency.exponent())
    }

    /// "1,234.50" (no currency code); see `Display` for "1,234.50 USD".
    pub fn format_amount(&self) -> String {
        format::format_minor(self.minor, self.currency.exponent())
    }

    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.same_currency(&other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or_else(|| overflow(self))?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.same_currency(&other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or_else(|| overflow(self))?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    fn same_currency(&self, other: &Money) -> Result<()> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(BookError::invalid(
                "currency",
                format!(
                    "cannot combine {} with {} without an exchange rate",
                    self.currency, other.currency
                ),
            ))
        }
    }
}

fn overflow(m: Money) -> BookError {
    BookError::invalid("amount", format!("arithmetic on {m} overflows"))
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.format_amount(), self.currency)
    }
}
