//! Turns `--name`, `--tag`, `--iban`… into changes of a `PartnerInput`.

use super::options::set;
use crate::args::PartnerFields;
use crate::error::CliResult;
use partnerbook_core::partners::{
    self, CodeKind, PartnerCode, PartnerInput, PartnerStatus, PayoutMethod, TaxStatus,
};
use partnerbook_core::{groups, Book, BookError, ErrorExt};

/// Applies the given options to `input`; options not given leave fields as they are.
pub fn apply(book: &Book, f: PartnerFields, input: &mut PartnerInput) -> CliResult {
    set(&mut input.name, f.name);
    set(&mut input.first_name, f.first_name);
    set(&mut input.email, f.email);
    set(&mut input.company, f.company);
    set(
        &mut input.address,
        f.address.map(|a| a.replace("\\n", "\n")),
    );
    set(&mut input.website, f.website);
    set(&mut input.country, f.country);
    set(&mut input.language, f.language);
    set(&mut input.payout.email, f.payout_email);
    set(&mut input.payout.iban, f.iban);
    set(&mut input.payout.bic, f.bic);
    set(&mut input.payout.other, f.payout_other);
    set(&mut input.payout_currency, f.payout_currency);
    set(&mut input.tax.form_expires, f.tax_form_expires);
    set(&mut input.tax.vat_id, f.vat_id);
    set(&mut input.tax.tin, f.tin);
    set(&mut input.terms_version, f.terms_version);
    if !f.social_profiles.is_empty() {
        input.social_profiles = f.social_profiles;
    }
    if !f.tags.is_empty() {
        input.tags = f.tags;
    }
    if let Some(s) = f.status {
        input.status = choice(&s, "status", PartnerStatus::parse, PartnerStatus::choices)?;
    }
    if let Some(m) = f.payout_method {
        input.payout.method = choice(
            &m,
            "payout_method",
            PayoutMethod::parse,
            PayoutMethod::choices,
        )?;
    }
    if let Some(t) = f.tax_status {
        input.tax.status = choice(
            &t.replace('-', ""),
            "tax_status",
            TaxStatus::parse,
            TaxStatus::choices,
        )?;
    }
    if let Some(g) = f.group {
        input.group_id = if g.trim().is_empty() {
            None
        } else {
            let id = groups::find_id(book.conn(), &g)?.ok_or_else(|| {
                BookError::invalid(
                    "group",
                    format!(
                        "no group is named \"{g}\"; add it with: partnerbook groups add \"{g}\""
                    ),
                )
            })?;
            Some(id)
        };
    }
    if let Some(p) = f.parent {
        input.parent_id = if p.trim().is_empty() {
            None
        } else {
            Some(partners::resolve(book, &p)?.id)
        };
    }
    for (kind, codes) in [
        (CodeKind::Referral, f.referral_codes),
        (CodeKind::Coupon, f.coupon_codes),
        (CodeKind::Link, f.link_ids),
    ] {
        if !codes.is_empty() {
            input.codes.retain(|c| c.kind != kind);
            input
                .codes
                .extend(codes.into_iter().map(|code| PartnerCode { kind, code }));
        }
    }
    for pair in f.custom {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            BookError::invalid("custom", format!("\"{pair}\" should be KEY=VALUE"))
        })?;
        if value.is_empty() {
            input.custom_fields.remove(key.trim());
        } else {
            input
                .custom_fields
                .insert(key.trim().to_string(), value.to_string());
        }
    }
    Ok(())
}

fn choice<T>(
    text: &str,
    field: &str,
    parse: fn(&str) -> Option<T>,
    choices: fn() -> String,
) -> CliResult<T> {
    parse(text).ok_or_else(|| {
        BookError::invalid(field, format!("\"{text}\" is not one of {}", choices())).into()
    })
}
