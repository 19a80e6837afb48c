//! Exact parsing of typed amounts into minor units. The reason strings are
//! completed by the caller into "\"1.234\" has 3 decimals but …".

/// Returns the amount in minor units, or why the text is not an amount.
pub(super) fn parse_minor(text: &str, exponent: u32) -> Result<i64, String> {
    let s = text.trim();
    if s.is_empty() {
        return Err("is empty".into());
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
        return Err("has more than one decimal point".into());
    }
    let int_digits = integer_digits(int_part)?;
    let frac_digits = match frac_part {
        None => "",
        Some(f) if f.is_empty() => return Err("ends with a decimal point".into()),
        Some(f) if !f.bytes().all(|b| b.is_ascii_digit()) => {
            return Err("has something other than digits after the decimal point".into())
        }
        Some(f) => f,
    };
    if frac_digits.len() > exponent as usize {
        return Err(if exponent == 0 {
            "has decimals but this currency has no minor unit".into()
        } else {
            format!(
                "has {} decimals but this currency has {exponent}",
                frac_digits.len()
            )
        });
    }

    let too_large = || "is too large".to_string();
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
            .ok_or_else(too_large)?;
    }
    Ok(if negative { -minor } else { minor })
}

/// The digits of the integer part, accepting thousands separators only
/// where they belong ("1,234,567" yes; "12,34" or "1,,234" no).
fn integer_digits(int_part: &str) -> Result<String, String> {
    if int_part.is_empty() {
        return Err("needs a digit before the decimal point".into());
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    for (i, g) in groups.iter().enumerate() {
        if !g.bytes().all(|b| b.is_ascii_digit()) || g.is_empty() {
            return Err("is not a number".into());
        }
        let misplaced = if i == 0 {
            g.len() > 3 && groups.len() > 1
        } else {
            g.len() != 3
        };
        if misplaced {
            return Err("has a misplaced thousands separator".into());
        }
    }
    Ok(groups.concat())
}
