//! Email templates: a subject, a plain-text body and an HTML alternative
//! with `{{placeholders}}`. Each template knows which placeholders it can
//! fill, so an unknown one is refused when the template is saved, not
//! discovered when a partner receives "{{partnr.name}}".

use crate::error::{ErrorExt, OutboxError, Result};
use crate::placeholders::{fill, partner_values, placeholders, statement_values};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const PARTNER: &[&str] = &[
    "partner.name",
    "partner.first_name",
    "partner.email",
    "partner.company",
    "program.name",
    "program.business_name",
];
const STATEMENT: &[&str] = &[
    "period",
    "sales",
    "total",
    "statement.number",
    "run.fingerprint",
];

/// The templates the program sends, and what each may say.
pub const NAMES: &[&str] = &[
    "statement",
    "announcement",
    "welcome",
    "rejection",
    "onboarding_reminder",
];

fn allowed(name: &str) -> Vec<&'static str> {
    let mut keys = PARTNER.to_vec();
    match name {
        "statement" => keys.extend_from_slice(STATEMENT),
        "welcome" => keys.push("referral_code"),
        "rejection" => keys.push("reason"),
        "onboarding_reminder" => keys.push("missing"),
        _ => {}
    }
    keys
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailTemplate {
    pub name: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// The placeholders this template may use.
    pub placeholders: Vec<String>,
}

fn default_template(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    match name {
        "statement" => Some((
            "Your {{program.name}} statement for {{period}}",
            "Hello {{partner.first_name}},\n\nyour commission statement {{statement.number}} for {{period}} is attached: {{total}} is on its way to you. {{sales}}\n\nThank you for promoting {{program.name}}.\n{{program.business_name}}\n",
            "<p>Hello {{partner.first_name}},</p><p>your commission statement <b>{{statement.number}}</b> for {{period}} is attached: <b>{{total}}</b> is on its way to you. {{sales}}</p><p>Thank you for promoting {{program.name}}.<br>{{program.business_name}}</p>",
        )),
        "welcome" => Some((
            "Welcome to {{program.name}}",
            "Hello {{partner.first_name}},\n\nwelcome to {{program.name}}: your application is approved.\n\nYour referral code is {{referral_code}}. Share it, or links carrying it, and every sale it brings earns you a commission.\n\nTo be paid, please accept the program terms, send your tax form and enter your payout details.\n\n{{program.business_name}}\n",
            "<p>Hello {{partner.first_name}},</p><p>welcome to {{program.name}}: your application is approved.</p><p>Your referral code is <b>{{referral_code}}</b>. Share it, or links carrying it, and every sale it brings earns you a commission.</p><p>To be paid, please accept the program terms, send your tax form and enter your payout details.</p><p>{{program.business_name}}</p>",
        )),
        "rejection" => Some((
            "Your application to {{program.name}}",
            "Hello {{partner.first_name}},\n\nthank you for applying to {{program.name}}. We are not able to accept your application at this time.\n\nReason: {{reason}}\n\n{{program.business_name}}\n",
            "",
        )),
        "onboarding_reminder" => Some((
            "A few steps left to get paid by {{program.name}}",
            "Hello {{partner.first_name}},\n\nbefore we can pay your commissions, we still need: {{missing}}.\n\n{{program.business_name}}\n",
            "",
        )),
        "announcement" => Some((
            "News from {{program.name}}",
            "Hello {{partner.first_name}},\n\n…\n\n{{program.business_name}}\n",
            "",
        )),
        _ => None,
    }
}

pub fn list(book: &Book) -> Result<Vec<MailTemplate>> {
    NAMES.iter().map(|n| get_in(book.conn(), n)).collect()
}

pub fn get(book: &Book, name: &str) -> Result<MailTemplate> {
    get_in(book.conn(), name)
}

pub fn get_in(conn: &Connection, name: &str) -> Result<MailTemplate> {
    let stored: Option<(String, String, String)> = conn
        .query_row(
            "SELECT subject, text_body, html_body FROM mail_templates WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (subject, text_body, html_body) = match stored {
        Some(t) => t,
        None => {
            let (s, t, h) = default_template(name).ok_or_else(|| unknown_template(name))?;
            (s.to_string(), t.to_string(), h.to_string())
        }
    };
    Ok(MailTemplate {
        name: name.to_string(),
        subject,
        text_body,
        html_body,
        placeholders: allowed(name)
            .iter()
            .map(|k| format!("{{{{{k}}}}}"))
            .collect(),
    })
}

fn unknown_template(name: &str) -> OutboxError {
    OutboxError::not_found(format!(
        "mail template \"{name}\" (there are: {})",
        NAMES.join(", ")
    ))
}

/// Saves a template after checking every placeholder in every part.
pub fn set(
    book: &mut Book,
    name: &str,
    subject: &str,
    text_body: &str,
    html_body: &str,
) -> Result<MailTemplate> {
    if !NAMES.contains(&name) {
        return Err(unknown_template(name));
    }
    if subject.trim().is_empty() {
        return Err(OutboxError::invalid("subject", "is required"));
    }
    if text_body.trim().is_empty() {
        return Err(OutboxError::invalid(
            "text_body",
            "is required: every message has a plain-text part",
        ));
    }
    check(name, subject, text_body, html_body)?;
    let tx = book.transaction()?;
    tx.execute(
        "INSERT INTO mail_templates (name, subject, text_body, html_body, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (name) DO UPDATE SET subject = ?2, text_body = ?3, html_body = ?4, updated_at = ?5",
        params![name, subject, text_body, html_body, now()],
    )?;
    let saved = get_in(&tx, name)?;
    partnerbook_book::audit::record(
        &tx,
        partnerbook_book::audit::Actor::User,
        "mail_template",
        None,
        "update",
        None,
        Some(&partnerbook_book::audit::to_json(&saved)),
    )?;
    tx.commit()?;
    Ok(saved)
}

/// Every placeholder in every part is one this template can fill.
pub fn check(name: &str, subject: &str, text_body: &str, html_body: &str) -> Result<()> {
    let keys = allowed(name);
    for (field, text) in [
        ("subject", subject),
        ("text_body", text_body),
        ("html_body", html_body),
    ] {
        for key in placeholders(text).map_err(|e| e.for_field(field))? {
            if !keys.contains(&key.as_str()) {
                return Err(OutboxError::invalid(
                    field,
                    format!(
                        "{{{{{key}}}}} is not a placeholder of the {name} template (it can use {})",
                        keys.iter()
                            .map(|k| format!("{{{{{k}}}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailPreview {
    pub to: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
}

/// What a partner would receive from this (unsaved) template: their own
/// details, and for statements their latest statement's figures or an
/// example when they have none yet.
pub fn preview(
    book: &Book,
    name: &str,
    subject: &str,
    text_body: &str,
    html_body: &str,
    partner_id: Option<i64>,
) -> Result<MailPreview> {
    if !NAMES.contains(&name) {
        return Err(unknown_template(name));
    }
    check(name, subject, text_body, html_body)?;
    let conn = book.conn();
    let partner_id = match partner_id {
        Some(id) => id,
        None => conn
            .query_row("SELECT min(id) FROM partners", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .ok_or_else(|| OutboxError::invalid("partner", "add a partner to preview a message"))?,
    };
    let mut values = partner_values(conn, partner_id)?;
    let latest: Option<i64> = conn.query_row(
        "SELECT max(p.id) FROM payouts p JOIN payout_runs r ON r.id = p.run_id
              WHERE p.partner_id = ?1 AND r.status = 'approved' AND p.pay_minor IS NOT NULL",
        [partner_id],
        |r| r.get(0),
    )?;
    match latest {
        Some(payout) => values.extend(statement_values(
            conn,
            &partnerbook_payouts::statement_head(conn, payout)?,
        )?),
        None => {
            values.insert("period", "2026-11-01 to 2026-11-30 (example)".into());
            values.insert("total", "123.45 (example)".into());
            values.insert("statement.number", "R1-00001 (example)".into());
            values.insert("run.fingerprint", "(the run's fingerprint)".into());
        }
    }
    Ok(MailPreview {
        to: values.get("partner.email").cloned().unwrap_or_default(),
        subject: fill(subject, &values, false),
        text_body: fill(text_body, &values, false),
        html_body: fill(html_body, &values, true),
    })
}
