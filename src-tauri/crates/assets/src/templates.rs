//! Text, email and social templates in the library: placeholders checked
//! when the file comes in (an unknown one is refused then, not found by a
//! partner later), and rendered for one partner with their links and codes.

use super::links;
use super::model::AssetKind;
use crate::error::{AssetError, ErrorExt, Result};
use partnerbook_book::Coded;
use partnerbook_outbox::placeholders::{fill, partner_values, placeholders};
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;

pub const PLACEHOLDERS: &[&str] = &[
    "partner.name",
    "partner.first_name",
    "partner.email",
    "partner.company",
    "program.name",
    "program.business_name",
    "referral_link",
    "referral_code",
    "coupon",
];

/// Whether an asset of this kind and type is a template to render.
pub fn is_template(kind: AssetKind, mime: &str) -> bool {
    matches!(
        kind,
        AssetKind::EmailTemplate | AssetKind::SocialPost | AssetKind::TextSnippet
    ) && (mime == "text/plain" || mime == "text/html")
}

/// Every placeholder in `text` is one a template can fill.
pub fn check(file: &str, text: &str) -> Result<()> {
    for key in placeholders(text)
        .map_err(|e| AssetError::invalid("template", format!("{file}: {}", e.reason())))?
    {
        if !PLACEHOLDERS.contains(&key.as_str()) {
            return Err(AssetError::invalid(
                "template",
                format!(
                    "{file}: {{{{{key}}}}} is not a placeholder (templates can use {})",
                    PLACEHOLDERS
                        .iter()
                        .map(|k| format!("{{{{{k}}}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// A partner's codes: (referral code, coupon), either may be missing.
pub(crate) fn codes(conn: &Connection, partner: i64) -> Result<(Option<String>, Option<String>)> {
    let code = |kind: &str| -> Result<Option<String>> {
        Ok(conn
            .prepare_cached("SELECT code FROM partner_codes WHERE partner_id = ?1 AND kind = ?2 ORDER BY id LIMIT 1")?
            .query_row(rusqlite::params![partner, kind], |r| r.get(0))
            .optional()?)
    };
    Ok((code("referral")?, code("coupon")?))
}

/// What a template says to `partner`; `page` is the asset's landing page.
pub(crate) fn values<'a>(
    conn: &Connection,
    partner: i64,
    page: &str,
) -> Result<BTreeMap<&'a str, String>> {
    let mut v = partner_values(conn, partner)?;
    let (referral, coupon) = codes(conn, partner)?;
    let base = links::base_url(conn)?;
    let link = match &referral {
        Some(code) => links::referral_link(&base, page, code, &links::campaign(&v["partner.name"]))
            .unwrap_or_default(),
        None => String::new(),
    };
    v.insert("referral_link", link);
    v.insert("referral_code", referral.unwrap_or_default());
    v.insert("coupon", coupon.unwrap_or_default());
    Ok(v)
}

/// `text` rendered for `partner` (HTML-escaped values when `html`).
pub(crate) fn render(
    conn: &Connection,
    text: &str,
    html: bool,
    partner: i64,
    page: &str,
) -> Result<String> {
    Ok(fill(text, &values(conn, partner, page)?, html))
}
