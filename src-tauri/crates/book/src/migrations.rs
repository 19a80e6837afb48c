//! Embedded, numbered migrations. The schema version is SQLite's
//! `user_version`; pending steps run in one transaction (rusqlite_migration).

use crate::backup;
use crate::error::{BookError, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::path::Path;

const STEPS: &[&str] = &[
    include_str!("../migrations/0001_book_and_partners.sql"),
    include_str!("../migrations/0002_conversions_plans_commissions.sql"),
    include_str!("../migrations/0003_refund_lookups.sql"),
    include_str!("../migrations/0004_payouts.sql"),
    include_str!("../migrations/0005_mail.sql"),
    include_str!("../migrations/0006_logo_and_partner_address.sql"),
    include_str!("../migrations/0007_announcements.sql"),
    include_str!("../migrations/0008_applications_onboarding.sql"),
    include_str!("../migrations/0009_assets.sql"),
    include_str!("../migrations/0010_checks_without_in_lists.sql"),
    include_str!("../migrations/0011_default_plan.sql"),
    include_str!("../migrations/0012_payee_snapshot.sql"),
    include_str!("../migrations/0013_adjustment_lines.sql"),
    include_str!("../migrations/0014_draft_follows_payees.sql"),
    include_str!("../migrations/0015_payouts_fingerprint.sql"),
    include_str!("../migrations/0016_risk_flags.sql"),
    include_str!("../migrations/0017_unclaimed_payouts.sql"),
    include_str!("../migrations/0018_prices_include_tax.sql"),
    include_str!("../migrations/0019_sync.sql"),
    include_str!("../migrations/0020_month_totals.sql"),
    include_str!("../migrations/0021_self_billing.sql"),
    include_str!("../migrations/0022_tax_thresholds.sql"),
    include_str!("../migrations/0023_partner_tin.sql"),
    include_str!("../migrations/0024_chargeback_reversals.sql"),
    include_str!("../migrations/0025_approved_by_partner.sql"),
    include_str!("../migrations/0026_paid_by_partner.sql"),
];

/// The step whose hook rewrites CHECK constraints (checks.rs).
const CHECKS_STEP: usize = 9;
/// The step whose hook lets commissions be adjustment lines (checks.rs).
const ADJUSTMENTS_STEP: usize = 12;
/// The step whose hook lets conversions be chargeback reversals (checks.rs).
const REVERSALS_STEP: usize = 23;

fn migrations(steps: &[&'static str]) -> Migrations<'static> {
    let step = |(i, sql): (usize, &&'static str)| match i {
        CHECKS_STEP => M::up_with_hook(sql, crate::checks::rewrite_in_lists),
        ADJUSTMENTS_STEP => M::up_with_hook(sql, crate::checks::allow_adjustment_lines),
        REVERSALS_STEP => M::up_with_hook(sql, crate::checks::allow_chargeback_reversals),
        _ => M::up(sql),
    };
    Migrations::new(steps.iter().enumerate().map(step).collect())
}

/// The triggers a book of the latest schema has, by name, with their SQL:
/// from an empty database migrated in memory, so nothing is kept by hand.
pub(super) fn expected_triggers() -> Result<Vec<(String, String)>> {
    let mut conn = Connection::open_in_memory()?;
    migrations(STEPS).to_latest(&mut conn)?;
    triggers(&conn)
}

/// Every trigger of the database, by name, with its SQL.
pub(crate) fn triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn latest_version() -> i64 {
    STEPS.len() as i64
}

pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_with(conn, path, STEPS)
}

/// Brings the book to the last of `steps`. A book already holding data is
/// backed up beside itself first; a book from a newer version is refused.
fn migrate_with(conn: &mut Connection, path: &Path, steps: &[&'static str]) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = steps.len() as i64;
    if found > known {
        return Err(BookError::BookTooNew {
            path: path.to_path_buf(),
            found,
            known,
        });
    }
    if found == known {
        return Ok(());
    }
    if found > 0 {
        backup::backup_to(
            conn,
            &backup::backup_path_for(path, &format!("before-schema-{known}")),
        )?;
    }
    migrations(steps).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations(STEPS).validate().unwrap();
    }

    fn backups_in(dir: &Path) -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".bak"))
            .collect()
    }

    #[test]
    fn a_book_with_data_is_backed_up_before_a_new_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.partnerbook");
        let mut conn = Connection::open(&path).unwrap();
        let v1: &[&'static str] =
            &["CREATE TABLE keepsake(x); INSERT INTO keepsake VALUES ('precious');"];
        migrate_with(&mut conn, &path, v1).unwrap();
        assert!(
            backups_in(dir.path()).is_empty(),
            "a new book has nothing to back up"
        );

        let v2: &[&'static str] = &[v1[0], "ALTER TABLE keepsake ADD COLUMN y DEFAULT 'new';"];
        migrate_with(&mut conn, &path, v2).unwrap();
        let backups = backups_in(dir.path());
        assert_eq!(backups.len(), 1);
        let saved = Connection::open(&backups[0]).unwrap();
        let version: i64 = saved
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1, "the backup is the book as it was before");
        let y: String = conn
            .query_row("SELECT y FROM keepsake", [], |r| r.get(0))
            .unwrap();
        assert_eq!(y, "new");
    }

    #[test]
    fn a_failing_step_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.partnerbook");
        let mut conn = Connection::open(&path).unwrap();
        let v1: &[&'static str] = &["CREATE TABLE a(x);"];
        migrate_with(&mut conn, &path, v1).unwrap();
        let broken: &[&'static str] = &[v1[0], "CREATE TABLE b(x); CREATE TABLE a(x);"];
        assert!(migrate_with(&mut conn, &path, broken).is_err());
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let b_exists: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'b'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!((version, b_exists), (1, 0));
    }
}
