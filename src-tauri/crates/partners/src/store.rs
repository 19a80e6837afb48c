//! SQL for the partners table and what hangs off it (codes, tags). Callers
//! pass a connection or a transaction; these functions never commit.

use super::model::{Partner, PartnerCode, PartnerInput, PayoutDetails, TaxInfo};
use crate::error::{ErrorExt, PartnerError, Result};
use partnerbook_book::time::now;
use partnerbook_book::{tags, Coded, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};
use std::sync::LazyLock;

const SELECT: &str =
    "SELECT p.id, p.name, p.first_name, p.email, p.company, p.website, p.social_profiles,
        p.country, p.language, p.status, p.group_id, g.name, p.custom_fields, p.parent_id, pp.name,
        p.payout_method, p.payout_email, p.iban, p.bic, p.payout_other, p.payout_currency,
        p.tax_status, p.tax_form_expires, p.vat_id, p.terms_version, p.terms_accepted_at,
        p.created_at, p.updated_at, p.plan_id, coalesce(op.name, gp.name, dp.name), p.payout_hold, p.address, p.tin,
        CASE WHEN op.id IS NOT NULL THEN 'own' WHEN gp.id IS NOT NULL THEN 'group'
             WHEN dp.id IS NOT NULL THEN 'default' END
   FROM partners p
   LEFT JOIN groups g ON g.id = p.group_id
   LEFT JOIN partners pp ON pp.id = p.parent_id
   LEFT JOIN plans op ON op.id = p.plan_id
   LEFT JOIN plans gp ON gp.id = g.plan_id
   LEFT JOIN plans dp ON dp.id = (SELECT default_plan_id FROM program WHERE id = 1)";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Partner> {
    let json_err = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let social: String = r.get(6)?;
    let custom: String = r.get(12)?;
    Ok(Partner {
        id: r.get(0)?,
        name: r.get(1)?,
        first_name: r.get(2)?,
        email: r.get(3)?,
        company: r.get(4)?,
        website: r.get(5)?,
        social_profiles: serde_json::from_str(&social).map_err(|e| json_err(6, e))?,
        country: r.get(7)?,
        language: r.get(8)?,
        status: r.get(9)?,
        group_id: r.get(10)?,
        group_name: r.get(11)?,
        tags: Vec::new(),
        custom_fields: serde_json::from_str(&custom).map_err(|e| json_err(12, e))?,
        parent_id: r.get(13)?,
        parent_name: r.get(14)?,
        codes: Vec::new(),
        payout: PayoutDetails {
            method: r.get(15)?,
            email: r.get(16)?,
            iban: r.get(17)?,
            bic: r.get(18)?,
            other: r.get(19)?,
        },
        payout_currency: r.get(20)?,
        tax: TaxInfo {
            status: r.get(21)?,
            form_expires: r.get::<_, Option<String>>(22)?.unwrap_or_default(),
            vat_id: r.get(23)?,
            tin: r.get(32)?,
        },
        terms_version: r.get(24)?,
        terms_accepted_at: r.get(25)?,
        created_at: r.get(26)?,
        updated_at: r.get(27)?,
        plan_id: r.get(28)?,
        plan_name: r.get(29)?,
        payout_hold: r.get(30)?,
        address: r.get(31)?,
        plan_from: r.get(33)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Partner> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?;
    let partner = stmt.query_row([id], from_row).optional()?;
    let mut partner = partner.ok_or_else(|| PartnerError::not_found(format!("partner {id}")))?;
    partner.tags = tags::list_for_partner(conn, id)?;
    partner.codes = list_codes(conn, id)?;
    Ok(partner)
}

pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM partners WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

pub fn email_of(conn: &Connection, id: i64) -> Result<String> {
    conn.prepare_cached("SELECT email FROM partners WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| PartnerError::not_found(format!("partner {id}")))
}

pub fn find_id_by_email(conn: &Connection, email: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM partners WHERE email = ?1")?
        .query_row([email.trim()], |r| r.get(0))
        .optional()?)
}

pub fn find_id_by_code(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT partner_id FROM partner_codes WHERE code = ?1")?
        .query_row([code.trim()], |r| r.get(0))
        .optional()?)
}

fn list_codes(conn: &Connection, partner_id: i64) -> Result<Vec<PartnerCode>> {
    let mut stmt = conn
        .prepare_cached("SELECT kind, code FROM partner_codes WHERE partner_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([partner_id], |r| {
        Ok(PartnerCode {
            kind: r.get(0)?,
            code: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The columns a person edits, in the order `Editable::values` gives them.
const EDITABLE: [&str; 25] = [
    "name",
    "first_name",
    "sort_key",
    "email",
    "company",
    "website",
    "social_profiles",
    "country",
    "language",
    "status",
    "group_id",
    "parent_id",
    "custom_fields",
    "payout_method",
    "payout_email",
    "iban",
    "bic",
    "payout_other",
    "payout_currency",
    "tax_status",
    "tax_form_expires",
    "vat_id",
    "terms_version",
    "address",
    "tin",
];

/// A validated input as the values of the `EDITABLE` columns: insert and
/// update write a partner the same way.
struct Editable<'a> {
    p: &'a PartnerInput,
    sort_key: String,
    social_profiles: String,
    custom_fields: String,
    form_expires: Option<&'a str>,
}

impl<'a> Editable<'a> {
    fn of(p: &'a PartnerInput) -> Self {
        Editable {
            p,
            sort_key: sort_key(&p.name),
            social_profiles: serde_json::to_string(&p.social_profiles)
                .unwrap_or_else(|_| "[]".into()),
            custom_fields: serde_json::to_string(&p.custom_fields).unwrap_or_else(|_| "{}".into()),
            form_expires: non_empty(&p.tax.form_expires),
        }
    }

    fn values(&self) -> [&dyn ToSql; 25] {
        let p = self.p;
        [
            &p.name,
            &p.first_name,
            &self.sort_key,
            &p.email,
            &p.company,
            &p.website,
            &self.social_profiles,
            &p.country,
            &p.language,
            &p.status,
            &p.group_id,
            &p.parent_id,
            &self.custom_fields,
            &p.payout.method,
            &p.payout.email,
            &p.payout.iban,
            &p.payout.bic,
            &p.payout.other,
            &p.payout_currency,
            &p.tax.status,
            &self.form_expires,
            &p.tax.vat_id,
            &p.terms_version,
            &p.address,
            &p.tax.tin,
        ]
    }
}

/// Placeholder of the status column (?10), for the insert's CASEs.
const STATUS: usize = 10;

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let n = EDITABLE.len();
    let marks: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    // Added as active by hand or by import: onboarded outside the
    // application flow, so nothing is waiting to be welcomed.
    format!(
        "INSERT INTO partners ({}, terms_accepted_at, created_at, updated_at, approved_at, welcome_sent_at)
         VALUES ({}, ?{a}, ?{now}, ?{now}, CASE WHEN ?{STATUS} = 'active' THEN ?{now} END,
                 CASE WHEN ?{STATUS} = 'active' THEN ?{now} END)",
        EDITABLE.join(", "),
        marks.join(", "),
        a = n + 1,
        now = n + 2,
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let n = EDITABLE.len();
    let sets: Vec<String> = EDITABLE
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    format!(
        "UPDATE partners SET {},
            terms_accepted_at = CASE WHEN ?{changed} THEN ?{now} ELSE terms_accepted_at END,
            updated_at = ?{now}
         WHERE id = ?{id}",
        sets.join(", "),
        changed = n + 1,
        now = n + 2,
        id = n + 3,
    )
});

/// Inserts a validated partner and returns its id. `terms_accepted_at` is
/// set when a terms version is given.
pub fn insert(conn: &Connection, p: &PartnerInput) -> Result<i64> {
    let now = now();
    let accepted = (!p.terms_version.is_empty()).then(|| now.clone());
    let editable = Editable::of(p);
    let mut values = editable.values().to_vec();
    values.extend([&accepted as &dyn ToSql, &now]);
    conn.prepare_cached(&INSERT)?
        .execute(values.as_slice())
        .map_err(unique_violation)?;
    let id = conn.last_insert_rowid();
    write_codes(conn, id, &p.codes)?;
    tags::set_for_partner(conn, id, &p.tags)?;
    Ok(id)
}

/// Overwrites every editable field of partner `id` with a validated input.
pub fn update(conn: &Connection, id: i64, p: &PartnerInput, terms_changed: bool) -> Result<()> {
    let now = now();
    let editable = Editable::of(p);
    let mut values = editable.values().to_vec();
    values.extend([&terms_changed as &dyn ToSql, &now, &id]);
    conn.prepare_cached(&UPDATE)?
        .execute(values.as_slice())
        .map_err(unique_violation)?;
    conn.prepare_cached("DELETE FROM partner_codes WHERE partner_id = ?1")?
        .execute([id])?;
    write_codes(conn, id, &p.codes)?;
    tags::set_for_partner(conn, id, &p.tags)?;
    Ok(())
}

/// Rewrites the search index rows of `ids` from their saved records, codes
/// and tags. Every write path calls it once, after its last partner: FTS5
/// flushes its pending index data at every statement that touches it, so
/// one statement for a 100,000-row import instead of one per row is the
/// difference between seconds and minutes (see also the migration).
pub fn refresh_search(conn: &Connection, ids: &[i64]) -> Result<()> {
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "DELETE FROM partner_search WHERE rowid IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&ids])?;
    conn.prepare_cached(
        "INSERT INTO partner_search (rowid, name, email, company, website, codes, tags, facets)
         SELECT id, name, email, company, website, codes, tags, facets FROM partner_search_source
          WHERE id IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&ids])?;
    Ok(())
}

pub fn set_parent(conn: &Connection, id: i64, parent_id: Option<i64>) -> Result<()> {
    conn.prepare_cached("UPDATE partners SET parent_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, parent_id, now()])?;
    Ok(())
}

/// Refuses a parent that does not exist or that would make a loop
/// (A's parent B whose parent is A): two-tier commissions walk this chain.
pub fn check_parent(conn: &Connection, id: Option<i64>, parent_id: Option<i64>) -> Result<()> {
    let Some(parent) = parent_id else {
        return Ok(());
    };
    let mut cursor = Some(parent);
    let mut steps = 0;
    while let Some(current) = cursor {
        if Some(current) == id {
            return Err(PartnerError::invalid(
                "parent",
                "would make a loop of parent partners",
            ));
        }
        cursor = conn
            .prepare_cached("SELECT parent_id FROM partners WHERE id = ?1")?
            .query_row([current], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .ok_or_else(|| {
                PartnerError::invalid("parent", format!("partner {current} does not exist"))
            })?;
        steps += 1;
        if steps > 1000 {
            return Err(PartnerError::invalid(
                "parent",
                "the chain of parent partners is too long",
            ));
        }
    }
    Ok(())
}

fn write_codes(conn: &Connection, id: i64, codes: &[PartnerCode]) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("INSERT INTO partner_codes (partner_id, kind, code) VALUES (?1, ?2, ?3)")?;
    for c in codes {
        stmt.execute(params![id, c.kind, c.code])
            .map_err(|e| match unique_violation(e) {
                e if e.code() == ErrorCode::Conflict => PartnerError::conflict(
                    crate::normalize::code_field(c.kind),
                    format!("code \"{}\" already belongs to another partner", c.code),
                ),
                other => other,
            })?;
    }
    Ok(())
}

/// Turns SQLite's UNIQUE failures into a sentence naming the field.
fn unique_violation(e: rusqlite::Error) -> PartnerError {
    let text = e.to_string();
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && text.contains("UNIQUE")
    {
        if text.contains("partners.email") {
            return PartnerError::conflict("email", "another partner already has this email");
        }
        return PartnerError::conflict("unique", text);
    }
    PartnerError::from(e)
}

/// "Łukasz Nowak" → "lukasz nowak", "李娜" → "li na", "O'Brien" → "obrien":
/// alphabetical for people, whatever the script; punctuation does not count.
pub fn sort_key(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase();
    let kept: String = folded
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}
