//! Formatting minor units back to text: "-1,234.50". The output always parses
//! back to the same amount.

pub(super) fn format_minor(minor: i64, exponent: u32) -> String {
    let digits = minor.unsigned_abs().to_string();
    let exp = exponent as usize;
    let padded = if digits.len() <= exp {
        format!("{}{digits}", "0".repeat(exp + 1 - digits.len()))
    } else {
        digits
    };
    let (int_part, frac_part) = padded.split_at(padded.len() - exp);
    let mut out = String::with_capacity(padded.len() + padded.len() / 3 + 2);
    if minor < 0 {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if exp > 0 {
        out.push('.');
        out.push_str(frac_part);
    }
    out
}
