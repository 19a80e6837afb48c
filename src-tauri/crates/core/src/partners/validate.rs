//! Checks and normalises a partner before it is stored. Every error names
//! the field, so the form can point at it and the CSV import at the column.

use super::model::{CodeKind, PartnerInput, PayoutMethod, TaxStatus};
use crate::error::{CoreError, Result};
use crate::money::Currency;
use std::collections::HashSet;
use std::str::FromStr;

/// Returns the input trimmed and normalised (country upper case, IBAN
/// without spaces, website with a scheme, first name filled in…).
pub fn normalize(input: &PartnerInput, base_currency: Currency) -> Result<PartnerInput> {
    let mut p = input.clone();
    p.name = required(&p.name, "name", 200)?;
    p.first_name = limited(&p.first_name, "first_name", 100)?;
    if p.first_name.is_empty() {
        p.first_name = p
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
    }
    p.email = email(&p.email, "email")?;
    p.company = limited(&p.company, "company", 200)?;
    p.address = address(&p.address)?;
    p.website = website(&p.website, "website")?;
    p.social_profiles = social_profiles(&p.social_profiles)?;
    p.country = country(&p.country)?;
    p.language = language(&p.language)?;
    p.tags = tags(&p.tags)?;
    p.custom_fields = custom_fields(&p.custom_fields)?;
    p.codes = codes(&p.codes)?;
    payout(&mut p)?;
    p.payout_currency = if p.payout_currency.trim().is_empty() {
        base_currency.code().to_string()
    } else {
        Currency::from_code(&p.payout_currency)
            .map_err(|e| e.for_field("payout_currency"))?
            .code()
            .to_string()
    };
    tax(&mut p)?;
    p.terms_version = limited(&p.terms_version, "terms_version", 50)?;
    Ok(p)
}

fn limited(text: &str, field: &str, max_chars: usize) -> Result<String> {
    let t = text.trim();
    if t.chars().count() > max_chars {
        return Err(CoreError::invalid(
            field,
            format!("is longer than {max_chars} characters"),
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(CoreError::invalid(
            field,
            "contains a line break or control character",
        ));
    }
    Ok(t.to_string())
}

fn required(text: &str, field: &str, max_chars: usize) -> Result<String> {
    let t = limited(text, field, max_chars)?;
    if t.is_empty() {
        return Err(CoreError::invalid(field, "is required"));
    }
    Ok(t)
}

pub fn email(text: &str, field: &str) -> Result<String> {
    let t = required(text, field, 254)?;
    if !email_address::EmailAddress::is_valid(&t) || !t.contains('.') {
        return Err(CoreError::invalid(
            field,
            format!("\"{t}\" is not an email address"),
        ));
    }
    Ok(t)
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
    let bad = || CoreError::invalid(field, format!("\"{t}\" is not a web address"));
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
            return Err(CoreError::invalid(
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
        Err(CoreError::invalid(
            "country",
            format!("\"{}\" is not a two-letter ISO country code", text.trim()),
        ))
    }
}

/// A BCP 47-style tag such as "en", "pt-BR" or "zh-Hans".
fn language(text: &str) -> Result<String> {
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
        return Err(CoreError::invalid(
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

fn tags(items: &[String]) -> Result<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        let t = limited(item, "tags", 50)?;
        if t.is_empty() {
            continue;
        }
        if t.contains([';', ',']) {
            return Err(CoreError::invalid(
                "tags",
                format!("\"{t}\" may not contain ';' or ','"),
            ));
        }
        if seen.insert(t.to_lowercase()) {
            out.push(t);
        }
    }
    Ok(out)
}

/// Custom field names and values, sorted by name.
type CustomFields = std::collections::BTreeMap<String, String>;

fn custom_fields(fields: &CustomFields) -> Result<CustomFields> {
    let mut out = CustomFields::new();
    for (k, v) in fields {
        let key = required(k, "custom_fields", 64)?;
        let value = limited(v, &format!("custom:{key}"), 2000)?;
        if out.insert(key.clone(), value).is_some() {
            return Err(CoreError::invalid(
                "custom_fields",
                format!("\"{key}\" appears twice"),
            ));
        }
    }
    Ok(out)
}

fn codes(items: &[super::model::PartnerCode]) -> Result<Vec<super::model::PartnerCode>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in items {
        let field = code_field(c.kind);
        let code = c.code.trim().to_string();
        if code.is_empty() {
            continue;
        }
        let valid_chars = code
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'));
        if !(2..=64).contains(&code.len()) || !valid_chars {
            return Err(CoreError::invalid(
                field,
                format!("\"{code}\" must be 2 to 64 letters, digits, '-', '_' or '.'"),
            ));
        }
        if !seen.insert(code.to_ascii_lowercase()) {
            return Err(CoreError::invalid(
                field,
                format!("\"{code}\" is listed twice"),
            ));
        }
        out.push(super::model::PartnerCode { kind: c.kind, code });
    }
    Ok(out)
}

/// The CSV column and form field that hold codes of this kind.
pub fn code_field(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::Referral => "referral_codes",
        CodeKind::Coupon => "coupon_codes",
        CodeKind::Link => "link_ids",
    }
}

fn payout(p: &mut PartnerInput) -> Result<()> {
    let d = &mut p.payout;
    // Keep only what the chosen method uses, so stale account details can
    // never be paid to by mistake.
    let (email_used, iban_used, other_used) = match d.method {
        PayoutMethod::None => (false, false, false),
        PayoutMethod::Paypal | PayoutMethod::Wise => (true, false, false),
        PayoutMethod::Iban => (false, true, false),
        PayoutMethod::Other => (false, false, true),
    };
    d.email = if email_used {
        email(&d.email, "payout_email")?
    } else {
        String::new()
    };
    if iban_used {
        d.iban = iban(&d.iban)?;
        d.bic = bic(&d.bic)?;
    } else {
        d.iban.clear();
        d.bic.clear();
    }
    d.other = if other_used {
        required(&d.other, "payout_other", 500)?
    } else {
        String::new()
    };
    Ok(())
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
        return Err(CoreError::invalid("iban", "is required for bank transfers"));
    }
    use iban::IbanLike;
    iban::Iban::from_str(&compact)
        .map(|i| i.electronic_str().to_string())
        .map_err(|e| {
            CoreError::invalid(
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
        return Err(CoreError::invalid(
            "bic",
            format!(
                "\"{}\" is not a valid BIC (8 or 11 characters)",
                text.trim()
            ),
        ));
    }
    Ok(t)
}

fn tax(p: &mut PartnerInput) -> Result<()> {
    let t = &mut p.tax;
    t.form_expires = match t.status {
        TaxStatus::W8ben => {
            let d = t.form_expires.trim();
            if d.is_empty() {
                return Err(CoreError::invalid(
                    "tax_form_expires",
                    "a W-8BEN needs its expiry date",
                ));
            }
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| {
                    CoreError::invalid(
                        "tax_form_expires",
                        format!("\"{d}\" is not a date like 2027-12-31"),
                    )
                })?
                .format("%Y-%m-%d")
                .to_string()
        }
        _ => String::new(),
    };
    t.vat_id = if t.status == TaxStatus::Vat {
        let v: String = t
            .vat_id
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if v.len() < 4 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(CoreError::invalid(
                "vat_id",
                "a VAT id like DE123456789 is required",
            ));
        }
        v
    } else {
        String::new()
    };
    Ok(())
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;

/// A postal address: lines trimmed, blank lines dropped, at most 6 lines.
pub fn address(text: &str) -> Result<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 6 {
        return Err(CoreError::invalid("address", "at most 6 lines"));
    }
    let joined = lines.join("\n");
    if joined.chars().count() > 400 {
        return Err(CoreError::invalid("address", "at most 400 characters"));
    }
    Ok(joined)
}
