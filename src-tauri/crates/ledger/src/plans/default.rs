//! A new program starts with a default plan, "Default plan", that applies to
//! every partner with no plan of their own and none from their group: a
//! sale is never closed with nothing because no plan was set up yet. It is
//! a plan like any other, so the manager edits its rate or replaces it.

use super::{find_id, import_in, PlanFile};
use crate::error::{ErrorExt, LedgerError, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use rusqlite::Connection;
use std::path::Path;

/// The default plan: 20% of each sale and renewal, from any date.
fn standard() -> PlanFile {
    serde_json::from_str(
        r#"{ "name": "Default plan",
             "description": "The program's default plan: it applies to partners with no plan of their own or from their group.",
             "versions": [ { "effective_from": "2000-01-01",
               "rules": [ { "id": "standard", "kind": "percentage", "rate": "20%" } ] } ] }"#,
    )
    .unwrap_or_else(|e| unreachable!("the default plan is valid: {e}"))
}

/// Creates a new book (see `Book::create`) with the "Default plan" as its
/// default plan.
pub fn create_book(path: &Path, program: &NewProgram) -> Result<Book> {
    let mut book = Book::create(path, program)?;
    let made = (|| -> Result<()> {
        let tx = book.transaction()?;
        add_standard(&tx)?;
        tx.commit()?;
        Ok(())
    })();
    if let Err(e) = made {
        drop(book);
        partnerbook_book::remove_book_files(path);
        return Err(e);
    }
    Ok(book)
}

/// Adds the "Default plan" and makes it the program's default.
pub fn add_standard(conn: &Connection) -> Result<i64> {
    let id = import_in(conn, &standard(), Actor::System)?;
    set_default_in(conn, Some(id), Actor::System)?;
    Ok(id)
}

/// Makes plan `name_or_id` the one partners fall back to (None: no
/// default; sales no plan applies to are then held until one does).
pub fn set_default(book: &mut Book, name_or_id: Option<&str>, actor: Actor) -> Result<()> {
    let tx = book.transaction()?;
    let id = match name_or_id {
        Some(p) => {
            Some(find_id(&tx, p)?.ok_or_else(|| LedgerError::not_found(format!("plan \"{p}\"")))?)
        }
        None => None,
    };
    set_default_in(&tx, id, actor)?;
    tx.commit()?;
    Ok(())
}

fn set_default_in(conn: &Connection, plan_id: Option<i64>, actor: Actor) -> Result<()> {
    let before = default_id(conn)?;
    conn.execute(
        "UPDATE program SET default_plan_id = ?1 WHERE id = 1",
        [plan_id],
    )?;
    audit::record(
        conn,
        actor,
        "program",
        None,
        "default_plan",
        Some(&serde_json::json!({ "default_plan_id": before })),
        Some(&serde_json::json!({ "default_plan_id": plan_id })),
    )?;
    Ok(())
}

pub fn default_id(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn.query_row(
        "SELECT default_plan_id FROM program WHERE id = 1",
        [],
        |r| r.get(0),
    )?)
}
