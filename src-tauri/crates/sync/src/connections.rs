//! Connections: a name, a platform and its base URL, kept in the book.
//! Their keys are not: see `keys`.

use crate::error::{ErrorExt, Result, SyncError};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection as Db, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlatformName {
    Partnerstack,
    Rewardful,
}

impl PlatformName {
    pub fn as_str(self) -> &'static str {
        match self {
            PlatformName::Partnerstack => "partnerstack",
            PlatformName::Rewardful => "rewardful",
        }
    }

    pub fn parse(text: &str) -> Option<PlatformName> {
        match text.trim().to_ascii_lowercase().as_str() {
            "partnerstack" => Some(PlatformName::Partnerstack),
            "rewardful" => Some(PlatformName::Rewardful),
            _ => None,
        }
    }

    /// The platform's public API.
    pub fn default_base_url(self) -> &'static str {
        match self {
            PlatformName::Partnerstack => crate::partnerstack::BASE_URL,
            PlatformName::Rewardful => crate::rewardful::BASE_URL,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PlatformName::Partnerstack => "PartnerStack",
            PlatformName::Rewardful => "Rewardful",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Connection {
    pub id: i64,
    pub name: String,
    pub platform: PlatformName,
    pub base_url: String,
    pub created_at: String,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, String, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn build(
    (id, name, platform, base_url, created_at): (i64, String, String, String, String),
) -> Connection {
    Connection {
        id,
        name,
        // The table's CHECK admits only the platforms we know.
        platform: PlatformName::parse(&platform).unwrap_or(PlatformName::Partnerstack),
        base_url,
        created_at,
    }
}

pub fn list(db: &Db) -> Result<Vec<Connection>> {
    let mut stmt = db.prepare(
        "SELECT id, name, platform, base_url, created_at FROM sync_connections ORDER BY name",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(build)
        .collect())
}

pub fn find(db: &Db, name: &str) -> Result<Connection> {
    db.query_row(
        "SELECT id, name, platform, base_url, created_at FROM sync_connections WHERE name = ?1",
        [name.trim()],
        from_row,
    )
    .optional()?
    .map(build)
    .ok_or_else(|| SyncError::not_found(format!("connection \"{}\"", name.trim())))
}

/// Checks a base URL: http(s), no user or password in it (keys go to the
/// keychain), no query.
pub fn check_base_url(text: &str) -> Result<String> {
    let url = text.trim().trim_end_matches('/');
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| SyncError::invalid("base_url", format!("\"{url}\" is not a URL ({e})")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(SyncError::invalid(
            "base_url",
            "use an http:// or https:// address",
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(SyncError::invalid(
            "base_url",
            "keys do not belong in the address: give them as keys, they go to the keychain",
        ));
    }
    if parsed.query().is_some() {
        return Err(SyncError::invalid(
            "base_url",
            "an API base address has no query (\"?…\")",
        ));
    }
    Ok(url.to_string())
}

/// Adds a connection (the platform's own address when `base_url` is None).
pub fn add(
    book: &mut Book,
    name: &str,
    platform: PlatformName,
    base_url: Option<&str>,
) -> Result<Connection> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SyncError::invalid("name", "a connection needs a name"));
    }
    let url = check_base_url(base_url.unwrap_or(platform.default_base_url()))?;
    let tx = book.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sync_connections WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(SyncError::conflict(
            "name",
            format!("a connection named \"{name}\" already exists"),
        ));
    }
    tx.execute(
        "INSERT INTO sync_connections (name, platform, base_url, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, platform.as_str(), url, now()],
    )?;
    let id = tx.last_insert_rowid();
    let after = serde_json::json!({ "name": name, "platform": platform.as_str(), "base_url": url });
    audit::record(
        &tx,
        Actor::User,
        "sync_connection",
        Some(id),
        "create",
        None,
        Some(&after),
    )?;
    let c = find(&tx, name)?;
    tx.commit()?;
    Ok(c)
}

/// Removes a connection with its sync state, its map of platform keys and
/// the platform's rewards. Partners, customers and sales it brought in stay.
pub fn remove(book: &mut Book, name: &str) -> Result<()> {
    let tx = book.transaction()?;
    let c = find(&tx, name)?;
    tx.execute("DELETE FROM sync_connections WHERE id = ?1", [c.id])?;
    let before = serde_json::json!({ "name": c.name, "platform": c.platform.as_str(), "base_url": c.base_url });
    audit::record(
        &tx,
        Actor::User,
        "sync_connection",
        Some(c.id),
        "delete",
        Some(&before),
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// Points a connection at another address (a test server, a regional API).
pub fn set_base_url(book: &mut Book, name: &str, base_url: &str) -> Result<Connection> {
    let url = check_base_url(base_url)?;
    let tx = book.transaction()?;
    let c = find(&tx, name)?;
    if c.base_url != url {
        tx.execute(
            "UPDATE sync_connections SET base_url = ?2 WHERE id = ?1",
            params![c.id, url],
        )?;
        audit::record(
            &tx,
            Actor::User,
            "sync_connection",
            Some(c.id),
            "update",
            Some(&serde_json::json!({ "base_url": c.base_url })),
            Some(&serde_json::json!({ "base_url": url })),
        )?;
    }
    let c = find(&tx, name)?;
    tx.commit()?;
    Ok(c)
}
