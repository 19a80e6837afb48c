//! Exact parsing of typed amounts into minor units. The reasons read as the
//! end of a sentence the caller begins: "\"1.234\" has 3 decimals but …".

/// Why a text is not an amount.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Unparsable {
    Empty,
    TwoDecimalPoints,
    EndsWithDecimalPoint,
    NonDigitDecimals,
    NoMinorUnit,
    TooManyDecimals { found: usize, allowed: u32 },
    TooLarge,
    NoLeadingDigit,
    NotANumber,
    MisplacedSeparator,
}

impl std::fmt::Display for Unparsable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unparsable::Empty => f.write_str("is empty"),
            Unparsable::TwoDecimalPoints => f.write_str("has more than one decimal point"),
            Unparsable::EndsWithDecimalPoint => f.write_str("ends with a decimal point"),
            Unparsable::NonDigitDecimals => {
                f.write_str("has something other than digits after the decimal point")
            }
            Unparsable::NoMinorUnit => {
                f.write_str("has decimals but this currency has no minor unit")
            }
            Unparsable::TooManyDecimals { found, allowed } => {
                write!(f, "has {found} decimals but this currency has {allowed}")
            }
            Unparsable::TooLarge => f.write_str("is too large"),
            Unparsable::NoLeadingDigit => f.write_str("needs a digit before the decimal point"),
            Unparsable::NotANumber => f.write_str("is not a number"),
            Unparsable::MisplacedSeparator => f.write_str("has a misplaced thousands separator"),
        }
    }
}

/// Returns the amount in minor units, or why the text is not an amount.
pub(super) fn parse_minor(text: &str, exponent: u32) -> Result<i64, Unparsable> {
    let s = text.trim();
    if s.is_empty() {
        return Err(Unparsable::Empty);
    }
    let (negative, unsigned) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let mut parts = unsigned.split('.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(Unparsable::TwoDecimalPoints);
    }
    let int_digits = integer_digits(int_part)?;
    let frac_digits = match frac_part {
        None => "",
        Some("") => return Err(Unparsable::EndsWithDecimalPoint),
        Some(f) if !f.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(Unparsable::NonDigitDecimals)
        }
        Some(f) => f,
    };
    if frac_digits.len() > exponent as usize {
        return Err(if exponent == 0 {
            Unparsable::NoMinorUnit
        } else {
            Unparsable::TooManyDecimals {
                found: frac_digits.len(),
                allowed: exponent,
            }
        });
    }

    let mut minor: i64 = 0;
    let padding = exponent as usize - frac_digits.len();
    for b in int_digits
        .bytes()
        .chain(frac_digits.bytes())
        .chain(std::iter::repeat_n(b'0', padding))
    {
        minor = minor
            .checked_mul(10)
            .and_then(|m| m.checked_add(i64::from(b - b'0')))
            .ok_or(Unparsable::TooLarge)?;
    }
    Ok(if negative { -minor } else { minor })
}

/// The digits of the integer part, accepting thousands separators only
/// where they belong ("1,234,567" yes; "12,34" or "1,,234" no).
fn integer_digits(int_part: &str) -> Result<String, Unparsable> {
    if int_part.is_empty() {
        return Err(Unparsable::NoLeadingDigit);
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    for (i, g) in groups.iter().enumerate() {
        if !g.bytes().all(|b| b.is_ascii_digit()) || g.is_empty() {
            return Err(Unparsable::NotANumber);
        }
        let misplaced = if i == 0 {
            g.len() > 3 && groups.len() > 1
        } else {
            g.len() != 3
        };
        if misplaced {
            return Err(Unparsable::MisplacedSeparator);
        }
    }
    Ok(groups.concat())
}
