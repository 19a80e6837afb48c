//! Each sale against the partner it pays: a customer who is the partner
//! (self-referral), another partner, or at a disposable mailbox provider.

use super::{Found, Scope};
use crate::emails::mailbox;
use crate::error::Result;
use crate::model::Check;
use partnerbook_applications::checks::is_disposable;
use partnerbook_applications::domain::{email_domain, host, within, FREE_MAIL};
use rusqlite::Connection;
use std::collections::HashMap;

struct Partner {
    name: String,
    email: String,
    mailbox: String,
    /// Their own business domain: their email's, unless a free provider's.
    domain: Option<String>,
    website: Option<String>,
    /// A PayPal or Wise address they are paid to.
    payout: Option<String>,
}

fn partners(conn: &Connection) -> Result<HashMap<i64, Partner>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, email, website, CASE WHEN payout_method IN ('paypal', 'wise') THEN payout_email ELSE '' END
           FROM partners",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let email: String = r.get(2)?;
        let domain = email_domain(&email);
        let website = host(&r.get::<_, String>(3)?);
        let payout: String = r.get(4)?;
        out.insert(
            r.get(0)?,
            Partner {
                name: r.get(1)?,
                mailbox: mailbox(&email),
                domain: (!domain.is_empty() && !FREE_MAIL.contains(&domain.as_str()))
                    .then_some(domain),
                website: (website.contains('.') && !FREE_MAIL.contains(&website.as_str()))
                    .then_some(website),
                payout: (!payout.trim().is_empty()).then(|| mailbox(&payout)),
                email,
            },
        );
    }
    Ok(out)
}

/// (`c.id > ?1` with 0 for the whole book, not `?1 IS NULL OR …`: SQLite
/// reads a rowid range only for the plain comparison.)
pub(super) fn check(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let partners = partners(conn)?;
    let by_mailbox: HashMap<&str, i64> = partners
        .iter()
        .map(|(id, p)| (p.mailbox.as_str(), *id))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT c.id, c.kind, substr(c.occurred_at, 1, 10), c.partner_id, cu.email
           FROM conversions c JOIN customers cu ON cu.id = c.customer_id
          WHERE (c.kind = 'sale' OR c.kind = 'recurring') AND c.partner_id IS NOT NULL
            AND cu.email <> '' AND c.id > ?1",
    )?;
    let mut rows = stmt.query([scope.since.unwrap_or(0)])?;
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        let (id, kind, day, partner_id): (i64, String, String, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let Some(partner) = partners.get(&partner_id) else {
            continue;
        };
        let email: String = r.get(4)?;
        let customer = mailbox(&email);
        let domain = email_domain(&email);
        let mut raise = |check: Check, evidence: String| {
            found.push(Found {
                check,
                partner_id,
                conversion_id: Some(id),
                subject: format!("sale:{id}"),
                evidence,
                flagged_on: day.clone(),
            })
        };
        if let Some(evidence) = self_referral(partner, &email, &customer, &domain) {
            raise(Check::SelfReferral, evidence);
            continue;
        }
        // A repeat payment says nothing new about who the customer is.
        if kind != "sale" {
            continue;
        }
        if let Some(&other) = by_mailbox.get(customer.as_str()) {
            let p = &partners[&other];
            raise(
                Check::CustomerIsPartner,
                format!(
                    "The customer {email} is partner {} (#{other}), buying through {}'s referral.",
                    p.name, partner.name
                ),
            );
        } else if is_disposable(&domain) {
            raise(
                Check::DisposableEmail,
                format!(
                    "The customer's email {email} is at {domain}, a disposable mailbox provider."
                ),
            );
        }
    }
    Ok(found)
}

fn self_referral(p: &Partner, email: &str, customer: &str, domain: &str) -> Option<String> {
    if customer == p.mailbox {
        return Some(format!(
            "The customer's email {email} is the partner's own ({}).",
            p.email
        ));
    }
    if p.payout.as_deref() == Some(customer) {
        return Some(format!(
            "The customer's email {email} is the address the partner is paid to."
        ));
    }
    if p.domain.as_deref() == Some(domain) {
        return Some(format!(
            "The customer's email {email} is at {domain}, the partner's own email domain (not a free mail provider)."
        ));
    }
    match &p.website {
        Some(site) if within(domain, site) => Some(format!(
            "The customer's email {email} is at {domain}, the domain of the partner's website ({site})."
        )),
        _ => None,
    }
}
