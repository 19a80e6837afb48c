//! Checks and normalises a partner before it is stored. Every error names
//! the field, so the form can point at it and the CSV import at the column.

use crate::error::{ErrorExt, PartnerError, Result};
use crate::model::{CodeKind, PartnerCode, PartnerInput, PayoutMethod, TaxStatus};
use partnerbook_book::money::Currency;
use partnerbook_book::validate::{
    address, bic, country, email, iban, language, limited, required, social_profiles, website,
};
use std::collections::HashSet;

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

fn tags(items: &[String]) -> Result<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        let t = limited(item, "tags", 50)?;
        if t.is_empty() {
            continue;
        }
        if t.contains([';', ',']) {
            return Err(PartnerError::invalid(
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
            return Err(PartnerError::invalid(
                "custom_fields",
                format!("\"{key}\" appears twice"),
            ));
        }
    }
    Ok(out)
}

fn codes(items: &[PartnerCode]) -> Result<Vec<PartnerCode>> {
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
            return Err(PartnerError::invalid(
                field,
                format!("\"{code}\" must be 2 to 64 letters, digits, '-', '_' or '.'"),
            ));
        }
        if !seen.insert(code.to_ascii_lowercase()) {
            return Err(PartnerError::invalid(
                field,
                format!("\"{code}\" is listed twice"),
            ));
        }
        out.push(PartnerCode { kind: c.kind, code });
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
    // Wise pays to a bank account when one is given, and otherwise asks
    // the partner for theirs by email.
    let optional_iban = d.method == PayoutMethod::Wise && !d.iban.trim().is_empty();
    if iban_used || optional_iban {
        d.iban = iban(&d.iban)?;
        // Wise finds the bank from the IBAN; a BIC it is given is still checked.
        d.bic = if optional_iban && d.bic.trim().is_empty() {
            String::new()
        } else {
            bic(&d.bic)?
        };
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

fn tax(p: &mut PartnerInput) -> Result<()> {
    let t = &mut p.tax;
    t.form_expires = match t.status {
        TaxStatus::W8ben => {
            let d = t.form_expires.trim();
            if d.is_empty() {
                return Err(PartnerError::invalid(
                    "tax_form_expires",
                    "a W-8BEN needs its expiry date",
                ));
            }
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| {
                    PartnerError::invalid(
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
            return Err(PartnerError::invalid(
                "vat_id",
                "a VAT id like DE123456789 is required",
            ));
        }
        v
    } else {
        String::new()
    };
    t.tin = crate::tin::normalize(&t.tin, t.status, &p.company)?;
    Ok(())
}
