//! Placeholders: the `{{name}}` syntax of templates (emails, asset
//! templates), and the values they are filled with for a partner, an
//! applicant, or a statement.

use crate::error::{ErrorExt, OutboxError, Result};
use partnerbook_book::BookError;
use partnerbook_payouts::StatementHead;
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;

pub fn statement_values<'a>(
    conn: &Connection,
    s: &StatementHead,
) -> Result<BTreeMap<&'a str, String>> {
    let mut v = partner_values(conn, s.partner_id)?;
    v.insert(
        "period",
        match &s.period_from {
            Some(from) => format!("{from} to {}", s.period_to),
            None => format!("the period through {}", s.period_to),
        },
    );
    v.insert("total", s.paid.to_string());
    // A whole sentence, so a template needs no condition for a payout of
    // adjustments only.
    v.insert(
        "sales",
        match s.sales_text() {
            Some(sales) => format!(
                "It pays your commissions on {sales}; later sales come in a later statement."
            ),
            None => "It pays adjustments to your balance.".to_string(),
        },
    );
    v.insert("statement.number", s.number.clone());
    v.insert("run.fingerprint", s.fingerprint.clone());
    Ok(v)
}

pub fn partner_values<'a>(conn: &Connection, partner_id: i64) -> Result<BTreeMap<&'a str, String>> {
    let (name, first, email, company): (String, String, String, String) = conn
        .query_row(
            "SELECT name, first_name, email, company FROM partners WHERE id = ?1",
            [partner_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| OutboxError::not_found(format!("partner #{partner_id}")))?;
    person_values(conn, &name, &first, &email, &company)
}

/// The partner and program placeholders for someone who may not be a
/// partner yet (an applicant): greeted by `first`, else their name's first word.
pub fn person_values<'a>(
    conn: &Connection,
    name: &str,
    first: &str,
    email: &str,
    company: &str,
) -> Result<BTreeMap<&'a str, String>> {
    let (program, business): (String, String) = conn.query_row(
        "SELECT program_name, business_name FROM program WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let first = if first.is_empty() {
        name.split_whitespace().next().unwrap_or("")
    } else {
        first
    };
    let business = if business.is_empty() {
        program.clone()
    } else {
        business
    };
    Ok(BTreeMap::from([
        ("partner.name", name.to_string()),
        ("partner.first_name", first.to_string()),
        ("partner.email", email.to_string()),
        ("partner.company", company.to_string()),
        ("program.name", program),
        ("program.business_name", business),
    ]))
}

/// The placeholder names in `text`, or why it cannot be read.
pub fn placeholders(text: &str) -> partnerbook_book::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| BookError::invalid("template", "a {{ is never closed with }}"))?;
        out.push(after[..end].trim().to_string());
        rest = &after[end + 2..];
    }
    Ok(out)
}

/// `text` with every placeholder replaced from `values` (HTML-escaped when
/// `html`). Saved templates only hold known placeholders; one without a
/// value here is left empty.
pub fn fill(text: &str, values: &BTreeMap<&str, String>, html: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let value = values
            .get(after[..end].trim())
            .map(String::as_str)
            .unwrap_or("");
        if html {
            out.push_str(
                &value
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;"),
            );
        } else {
            out.push_str(value);
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}
