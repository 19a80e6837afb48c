//! Rates: commission percentages and FX rates, exact decimals.

use crate::error::{BookError, ErrorExt, Result};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A commission rate written as a percentage ("30%", "12.5%") and kept as
/// the exact fraction (0.30, 0.125). Plans always write the % sign, so "30"
/// can never be mistaken for 3000%.
pub fn parse_percent(text: &str, field: &str) -> Result<Decimal> {
    let t = text.trim();
    let number = t.strip_suffix('%').ok_or_else(|| {
        BookError::invalid(
            field,
            format!("\"{t}\" should be a percentage like \"30%\""),
        )
    })?;
    let value = plain_decimal(number.trim(), field)?;
    if value < Decimal::ZERO || value > Decimal::from(100) {
        return Err(BookError::invalid(
            field,
            format!("\"{t}\" must be between 0% and 100%"),
        ));
    }
    Ok(value / Decimal::from(100))
}

/// "30%" back from 0.30, without trailing zeros ("12.5%").
pub fn format_percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::from(100)).normalize())
}

/// An FX rate ("1.0842"): positive, plain digits.
pub fn parse_fx(text: &str, field: &str) -> Result<Decimal> {
    let value = plain_decimal(text.trim(), field)?;
    if value <= Decimal::ZERO {
        return Err(BookError::invalid(
            field,
            format!("\"{}\" must be above zero", text.trim()),
        ));
    }
    Ok(value)
}

/// Digits with at most one decimal point: no exponents, no NaN, no commas.
fn plain_decimal(t: &str, field: &str) -> Result<Decimal> {
    let ok = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && t.chars().filter(|c| *c == '.').count() <= 1;
    let bad = || BookError::invalid(field, format!("\"{t}\" is not a number"));
    if !ok {
        return Err(bad());
    }
    Decimal::from_str(t).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_exact_and_need_their_sign() {
        assert_eq!(parse_percent("30%", "rate").unwrap(), Decimal::new(30, 2));
        assert_eq!(
            parse_percent(" 12.5 % ", "rate").unwrap(),
            Decimal::new(125, 3)
        );
        assert_eq!(format_percent(Decimal::new(125, 3)), "12.5%");
        assert_eq!(format_percent(Decimal::new(30, 2)), "30%");
        for bad in ["30", "1e1%", "-5%", "101%", "%", "abc%", "1.2.3%"] {
            assert!(parse_percent(bad, "rate").is_err(), "{bad}");
        }
    }

    #[test]
    fn fx_rates_are_positive_plain_decimals() {
        assert_eq!(parse_fx("1.0842", "rate").unwrap(), Decimal::new(10842, 4));
        for bad in ["0", "-1.2", "1e3", "NaN", "", "1,2"] {
            assert!(parse_fx(bad, "rate").is_err(), "{bad}");
        }
    }
}
