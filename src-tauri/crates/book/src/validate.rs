//! Checks of single fields where they come in (forms, CSV rows, settings):
//! every error names the field, so the form can point at it and an import at
//! its column. Values come back trimmed and normalised.

use crate::error::{BookError, ErrorExt, Result};
use std::str::FromStr;

/// Trimmed, at most `max_chars` characters, on one line.
pub fn limited(text: &str, field: &str, max_chars: usize) -> Result<String> {
    check_limited(text, field, max_chars)?;
    Ok(text.trim().to_string())
}

/// What `limited` checks, without a copy of the text: for checks run on
/// every row of a million-row import.
pub fn check_limited(text: &str, field: &str, max_chars: usize) -> Result<()> {
    let t = text.trim();
    if t.chars().count() > max_chars {
        return Err(BookError::invalid(
            field,
            format!("is longer than {max_chars} characters"),
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(BookError::invalid(
            field,
            "contains a line break or control character",
        ));
    }
    Ok(())
}

/// `limited`, and not empty.
pub fn required(text: &str, field: &str, max_chars: usize) -> Result<String> {
    let t = limited(text, field, max_chars)?;
    if t.is_empty() {
        return Err(BookError::invalid(field, "is required"));
    }
    Ok(t)
}

pub fn email(text: &str, field: &str) -> Result<String> {
    let t = required(text, field, 254)?;
    if t.starts_with(['=', '+', '-', '@']) {
        // Valid by the RFC, but a spreadsheet opening an export runs it.
        return Err(BookError::invalid(
            field,
            format!(
                "\"{}\" starts with {}, which spreadsheets run as a formula",
                excerpt(&t),
                &t[..1]
            ),
        ));
    }
    if t.contains(|c: char| c.is_whitespace() || c == '"') {
        // Quoted local parts ("john doe"@example.org) are valid by the RFC,
        // but mail servers refuse them: better now than at sending.
        return Err(BookError::invalid(
            field,
            format!(
                "\"{}\" has a space or a quote, which mail servers refuse",
                excerpt(&t)
            ),
        ));
    }
    if !email_address::EmailAddress::is_valid(&t) || !t.contains('.') {
        return Err(BookError::invalid(
            field,
            format!("\"{}\" is not an email address", excerpt(&t)),
        ));
    }
    Ok(t)
}

/// At most 60 characters of a value for an error message: a rejected
/// 10 MB value is not printed whole.
pub fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Accepts "example.com" and makes it "https://example.com".
pub fn website(text: &str, field: &str) -> Result<String> {
    let t = limited(text, field, 500)?;
    if t.is_empty() {
        return Ok(t);
    }
    let with_scheme = if t.contains("://") {
        t.clone()
    } else {
        format!("https://{t}")
    };
    let bad = || BookError::invalid(field, format!("\"{t}\" is not a web address"));
    let url = url::Url::parse(&with_scheme).map_err(|_| bad())?;
    let host_ok = url
        .host_str()
        .is_some_and(|h| h.contains('.') || h == "localhost");
    if !matches!(url.scheme(), "http" | "https") || !host_ok {
        return Err(bad());
    }
    Ok(with_scheme)
}

pub fn social_profiles(items: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for item in items {
        let t = limited(item, "social_profiles", 300)?;
        if t.is_empty() {
            continue;
        }
        if t.contains(char::is_whitespace) || t.contains(';') {
            return Err(BookError::invalid(
                "social_profiles",
                format!("\"{t}\" should be one link or @handle"),
            ));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

pub fn country(text: &str) -> Result<String> {
    let t = text.trim().to_ascii_uppercase();
    if t.is_empty() || isocountry::CountryCode::for_alpha2(&t).is_ok() {
        Ok(t)
    } else {
        Err(BookError::invalid(
            "country",
            format!("\"{}\" is not a two-letter ISO country code", text.trim()),
        ))
    }
}

/// A BCP 47-style tag such as "en", "pt-BR" or "zh-Hans".
pub fn language(text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let mut parts = t.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest
        .iter()
        .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !primary_ok || !rest_ok {
        return Err(BookError::invalid(
            "language",
            format!("\"{t}\" is not a language code like \"en\" or \"pt-BR\""),
        ));
    }
    let mut out = primary.to_ascii_lowercase();
    for p in rest {
        out.push('-');
        out.push_str(&if p.len() == 2 {
            p.to_ascii_uppercase()
        } else {
            p.to_string()
        });
    }
    Ok(out)
}

/// Validates the IBAN's country format and mod-97 check digits; stores it
/// in electronic format (no spaces, upper case).
pub fn iban(text: &str) -> Result<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.is_empty() {
        return Err(BookError::invalid("iban", "is required for bank transfers"));
    }
    use iban::IbanLike;
    iban::Iban::from_str(&compact)
        .map(|i| i.electronic_str().to_string())
        .map_err(|e| {
            BookError::invalid(
                "iban",
                format!("\"{}\" is not a valid IBAN ({e})", text.trim()),
            )
        })
}

/// ISO 9362: 4 letters bank, 2 letters country, 2 location, optional 3 branch.
pub fn bic(text: &str) -> Result<String> {
    let t = text.trim().to_ascii_uppercase();
    let b = t.as_bytes();
    let shape_ok = (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if !shape_ok || isocountry::CountryCode::for_alpha2(&t[4..6]).is_err() {
        return Err(BookError::invalid(
            "bic",
            format!(
                "\"{}\" is not a valid BIC (8 or 11 characters)",
                text.trim()
            ),
        ));
    }
    Ok(t)
}

/// A postal address: lines trimmed, blank lines dropped, at most 6 lines.
pub fn address(text: &str) -> Result<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 6 {
        return Err(BookError::invalid("address", "at most 6 lines"));
    }
    let joined = lines.join("\n");
    if joined.chars().count() > 400 {
        return Err(BookError::invalid("address", "at most 400 characters"));
    }
    Ok(joined)
}
