//! Commission plans: named, effective-dated versions of rules, kept as data.
//! A version that produced commissions is never edited, only superseded (the
//! database refuses). Groups and partners are put on plans; the partner's
//! own plan wins over their group's, and the program's default plan applies
//! when neither has one.

pub(crate) mod compile;
pub mod default;
mod model;

pub use model::*;

use crate::error::{ErrorExt, LedgerError, Result};
use chrono::NaiveDate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use partnerbook_book::{groups, settings};
use partnerbook_partners as partners;
use rusqlite::{params, Connection, OptionalExtension};

/// Imports a plan file: the plan is created or found by name; each version
/// is added, or replaced when it has not produced commissions yet; the
/// groups it names are put on it. All or nothing.
pub fn import(book: &mut Book, file: &PlanFile, actor: Actor) -> Result<Plan> {
    let tx = book.transaction()?;
    let id = import_in(&tx, file, actor)?;
    let plan = get_in(&tx, id)?;
    tx.commit()?;
    Ok(plan)
}

pub fn import_in(conn: &Connection, file: &PlanFile, actor: Actor) -> Result<i64> {
    let name = partnerbook_book::validate::limited(&file.name, "name", 100)?;
    let name = name.as_str();
    if name.is_empty() {
        return Err(LedgerError::invalid("name", "a plan needs a name"));
    }
    if file.versions.is_empty() {
        return Err(LedgerError::invalid(
            "versions",
            "a plan needs at least one version",
        ));
    }
    let base = settings::get(conn)?.base_currency;
    let id = match find_id(conn, name)? {
        Some(id) => {
            conn.execute(
                "UPDATE plans SET description = ?2 WHERE id = ?1",
                params![id, file.description.trim()],
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO plans (name, description, created_at) VALUES (?1, ?2, ?3)",
                params![name, file.description.trim(), now()],
            )?;
            conn.last_insert_rowid()
        }
    };
    for (i, v) in file.versions.iter().enumerate() {
        let at = |e: LedgerError| match e.field() {
            Some(f) => LedgerError::invalid(format!("versions[{i}].{f}"), e.reason()),
            None => e,
        };
        let day = NaiveDate::parse_from_str(v.effective_from.trim(), "%Y-%m-%d")
            .map_err(|_| {
                LedgerError::invalid(
                    format!("versions[{i}].effective_from"),
                    "should be a date like 2026-01-31",
                )
            })?
            .format("%Y-%m-%d")
            .to_string();
        let rules = with_partner_ids(conn, &v.rules).map_err(at)?;
        let compiled = compile::compile(&rules, base, &stored_partner_id).map_err(at)?;
        compile::every_rule_applies(&compiled).map_err(at)?;
        let json = serde_json::to_string(&rules).unwrap_or_else(|_| "[]".into());
        add_version(conn, id, &day, &json).map_err(at)?;
    }
    for group in &file.groups {
        let group_id = groups::find_id(conn, group)?.ok_or_else(|| {
            LedgerError::invalid("groups", format!("no group is named \"{group}\""))
        })?;
        conn.execute(
            "UPDATE groups SET plan_id = ?2 WHERE id = ?1",
            params![group_id, id],
        )?;
    }
    let after =
        serde_json::json!({ "name": name, "versions": file.versions.len(), "groups": file.groups });
    audit::record(conn, actor, "plan", Some(id), "import", None, Some(&after))?;
    Ok(id)
}

/// Reads a plan file; a syntax error names the file, line and column.
pub fn read_file(path: &std::path::Path) -> Result<PlanFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| LedgerError::io(format!("cannot read {}", path.display()), e))?;
    serde_json::from_str(&text).map_err(|e| {
        LedgerError::invalid(
            path.display().to_string(),
            format!("line {}, column {}: {e}", e.line(), e.column()),
        )
    })
}

/// Adds the version effective on `day`, or replaces an unused one's rules.
fn add_version(conn: &Connection, plan_id: i64, day: &str, rules: &str) -> Result<()> {
    let existing: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, rules FROM plan_versions WHERE plan_id = ?1 AND effective_from = ?2",
            params![plan_id, day],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((_, current)) if json_equal(&current, rules) => Ok(()),
        Some((version_id, _)) => {
            if version_used(conn, version_id)? {
                return Err(LedgerError::invalid(
                    "effective_from",
                    format!("the version from {day} has produced commissions; give the new rules a later date"),
                ));
            }
            conn.execute(
                "UPDATE plan_versions SET rules = ?2 WHERE id = ?1",
                params![version_id, rules],
            )?;
            Ok(())
        }
        None => {
            conn.execute(
                "INSERT INTO plan_versions (plan_id, version, effective_from, rules, created_at)
                 VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM plan_versions WHERE plan_id = ?1), ?2, ?3, ?4)",
                params![plan_id, day, rules, now()],
            )?;
            Ok(())
        }
    }
}

fn json_equal(a: &str, b: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(a).ok()
        == serde_json::from_str::<serde_json::Value>(b).ok()
}

fn version_used(conn: &Connection, version_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM commissions WHERE plan_version_id = ?1)",
        [version_id],
        |r| r.get(0),
    )?)
}

/// Rules name partners by email or code in files and by id in the book.
pub(crate) fn with_partner_ids(conn: &Connection, rules: &[Rule]) -> Result<Vec<Rule>> {
    let mut rules = rules.to_vec();
    for (j, rule) in rules.iter_mut().enumerate() {
        if let Some(p) = &rule.partner {
            let id = partners::resolve_in(conn, p).map_err(|_| {
                LedgerError::invalid(
                    format!("rules[{j}] ({}): partner", rule.id),
                    format!("no partner has the email or code \"{p}\""),
                )
            })?;
            rule.partner = Some(id.to_string());
        }
    }
    Ok(rules)
}

/// Stored rules name partners by id.
pub(crate) fn stored_partner_id(text: &str) -> Result<i64> {
    text.parse()
        .map_err(|_| LedgerError::invalid("partner", format!("\"{text}\" is not a partner id")))
}

pub fn find_id(conn: &Connection, name_or_id: &str) -> Result<Option<i64>> {
    if let Ok(id) = name_or_id.trim().parse::<i64>() {
        return Ok(conn
            .query_row("SELECT id FROM plans WHERE id = ?1", [id], |r| r.get(0))
            .optional()?);
    }
    Ok(conn
        .query_row(
            "SELECT id FROM plans WHERE name = ?1",
            [name_or_id.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn list(book: &Book) -> Result<Vec<Plan>> {
    let conn = book.conn();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM plans ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get_in(conn, id)).collect()
}

pub fn get(book: &Book, name_or_id: &str) -> Result<Plan> {
    let id = find_id(book.conn(), name_or_id)?
        .ok_or_else(|| LedgerError::not_found(format!("plan \"{name_or_id}\"")))?;
    get_in(book.conn(), id)
}

fn get_in(conn: &Connection, id: i64) -> Result<Plan> {
    let (name, description): (String, String) = conn.query_row(
        "SELECT name, description FROM plans WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let groups: Vec<String> = conn
        .prepare("SELECT name FROM groups WHERE plan_id = ?1 ORDER BY name COLLATE NOCASE")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let is_default = default::default_id(conn)? == Some(id);
    let partners_on_plan: i64 = conn.query_row(
        "SELECT count(*) FROM partners p LEFT JOIN groups g ON g.id = p.group_id
          WHERE coalesce(p.plan_id, g.plan_id, CASE WHEN ?2 THEN ?1 END) = ?1",
        params![id, is_default],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT v.id, v.version, v.effective_from, v.rules,
                EXISTS (SELECT 1 FROM commissions c WHERE c.plan_version_id = v.id)
           FROM plan_versions v WHERE v.plan_id = ?1 ORDER BY v.effective_from",
    )?;
    let versions = stmt
        .query_map([id], |r| {
            let rules: String = r.get(3)?;
            Ok(PlanVersion {
                id: r.get(0)?,
                version: r.get(1)?,
                effective_from: r.get(2)?,
                rules: serde_json::from_str(&rules).unwrap_or_default(),
                used: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Plan {
        id,
        name,
        description,
        groups,
        partners_on_plan: partners_on_plan as u64,
        is_default,
        versions,
    })
}

/// The plan as a file: partners named by email again.
pub fn export(book: &Book, name_or_id: &str) -> Result<PlanFile> {
    let plan = get(book, name_or_id)?;
    let conn = book.conn();
    let mut versions = Vec::new();
    for v in plan.versions {
        let mut rules = v.rules;
        for rule in &mut rules {
            if let Some(p) = &rule.partner {
                let id = stored_partner_id(p)?;
                rule.partner = Some(partners::email_of(conn, id)?);
            }
        }
        versions.push(PlanVersionFile {
            effective_from: v.effective_from,
            rules,
        });
    }
    Ok(PlanFile {
        name: plan.name,
        description: plan.description,
        groups: plan.groups,
        versions,
    })
}

/// Puts a partner on a plan of their own (None: back to their group's).
pub fn assign_partner(
    book: &mut Book,
    partner: &str,
    plan: Option<&str>,
    actor: Actor,
) -> Result<()> {
    let tx = book.transaction()?;
    let partner_id = partners::resolve_in(&tx, partner)?;
    let plan_id = match plan {
        Some(p) => {
            Some(find_id(&tx, p)?.ok_or_else(|| LedgerError::not_found(format!("plan \"{p}\"")))?)
        }
        None => None,
    };
    let before: Option<i64> = tx.query_row(
        "SELECT plan_id FROM partners WHERE id = ?1",
        [partner_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE partners SET plan_id = ?2 WHERE id = ?1",
        params![partner_id, plan_id],
    )?;
    audit::record(
        &tx,
        actor,
        "partner",
        Some(partner_id),
        "update",
        Some(&serde_json::json!({ "plan_id": before })),
        Some(&serde_json::json!({ "plan_id": plan_id })),
    )?;
    tx.commit()?;
    Ok(())
}

/// A version's rules, as stored.
pub(crate) fn rules_of(conn: &Connection, version_id: i64) -> Result<Vec<Rule>> {
    let json: String = conn.query_row(
        "SELECT rules FROM plan_versions WHERE id = ?1",
        [version_id],
        |r| r.get(0),
    )?;
    Ok(serde_json::from_str(&json).unwrap_or_default())
}
