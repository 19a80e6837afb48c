//! Sync: connections (keys to the keychain), "Sync now" as a long job with
//! progress and cancel, status, conflicts, and the platform's commissions
//! beside ours.

use super::jobs::{blocking, book_job};
use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::progress::{JobProgress, Quiet};
use partnerbook_core::screened_sync::{self, ScreenedSync};
use partnerbook_core::sync::compare::{compare, Comparison};
use partnerbook_core::sync::keys::{self, KeysHome};
use partnerbook_core::sync::report::{status, ResourceStatus};
use partnerbook_core::sync::run::test_connection;
use partnerbook_core::sync::state::{conflicts, Conflict};
use partnerbook_core::sync::{connections, Connection, Keys, PlatformName, Resource, SyncOptions};
use partnerbook_core::{BookError, ErrorExt};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

/// Keys no keychain could take, kept for this session only (by base URL
/// and name), never written anywhere.
static SESSION_KEYS: LazyLock<Mutex<HashMap<String, Keys>>> = LazyLock::new(Default::default);

fn session_key(c: &Connection) -> String {
    format!("{} {}", c.name, c.base_url)
}

fn keys_of(c: &Connection) -> AppResult<Keys> {
    if let Some(k) = SESSION_KEYS.lock().unwrap().get(&session_key(c)) {
        return Ok(k.clone());
    }
    keys::find(c).ok_or_else(|| {
        BookError::invalid(
            "keys",
            format!(
                "no keys for \"{}\": add them in Settings > Connections (or set {})",
                c.name,
                keys::env_names(c.platform).join(" and ")
            ),
        )
        .into()
    })
}

#[derive(Clone, Debug, Serialize, TS)]
#[ts(export)]
pub struct ConnectionView {
    pub connection: Connection,
    /// Keys were found (keychain, this session, or the environment).
    pub has_keys: bool,
    pub resources: Vec<ResourceStatus>,
    pub conflicts: u64,
}

#[tauri::command(async)]
pub fn sync_connections(state: State<'_, AppState>) -> AppResult<Vec<ConnectionView>> {
    state.read(|b| {
        let mut out = Vec::new();
        for c in connections::list(b.conn())? {
            out.push(ConnectionView {
                has_keys: keys_of(&c).is_ok(),
                resources: status(b.conn(), c.id)?,
                conflicts: conflicts(b.conn(), Some(c.id))?.len() as u64,
                connection: c,
            });
        }
        Ok(out)
    })
}

fn checked_keys(platform: PlatformName, user: String, password: Option<String>) -> AppResult<Keys> {
    if user.trim().is_empty() {
        return Err(BookError::invalid("user", "give the API key").into());
    }
    if platform == PlatformName::Partnerstack
        && password.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        return Err(BookError::invalid("password", "PartnerStack needs the secret key too").into());
    }
    Ok(Keys {
        user: user.trim().to_string(),
        password: password
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
    })
}

/// To the keychain; for this session only where none runs.
fn store_keys(c: &Connection, k: Keys) -> KeysHome {
    let home = keys::save(c, &k);
    let mut session = SESSION_KEYS.lock().unwrap();
    if matches!(home, KeysHome::Unavailable { .. }) {
        session.insert(session_key(c), k);
    } else {
        session.remove(&session_key(c));
    }
    home
}

#[derive(Clone, Debug, Serialize, TS)]
#[ts(export)]
pub struct ConnectionSaved {
    pub connection: Connection,
    pub keys: KeysHome,
}

/// Adds a connection and puts its keys in the keychain (for this session
/// only when no keychain runs).
#[tauri::command(async)]
pub fn sync_connection_add(
    state: State<'_, AppState>,
    name: String,
    platform: PlatformName,
    base_url: Option<String>,
    user: String,
    password: Option<String>,
) -> AppResult<ConnectionSaved> {
    let k = checked_keys(platform, user, password)?;
    let base_url = base_url.filter(|u| !u.trim().is_empty());
    let connection =
        state.with_book(|b| Ok(connections::add(b, &name, platform, base_url.as_deref())?))?;
    let home = store_keys(&connection, k);
    Ok(ConnectionSaved {
        connection,
        keys: home,
    })
}

/// Off the async workers: the blocking HTTP client must not run (or be
/// dropped) on them.
#[tauri::command]
pub async fn sync_connection_test(state: State<'_, AppState>, name: String) -> AppResult<String> {
    let c = state.read(|b| Ok(connections::find(b.conn(), &name)?))?;
    let k = keys_of(&c)?;
    blocking(move || Ok(test_connection(&c, &k, &Quiet)?)).await
}

/// New keys for a connection (rotated on the platform, or lost with a
/// session that had no keychain).
#[tauri::command(async)]
pub fn sync_connection_keys(
    state: State<'_, AppState>,
    name: String,
    user: String,
    password: Option<String>,
) -> AppResult<KeysHome> {
    let c = state.read(|b| Ok(connections::find(b.conn(), &name)?))?;
    let k = checked_keys(c.platform, user, password)?;
    Ok(store_keys(&c, k))
}

#[tauri::command(async)]
pub fn sync_connection_remove(state: State<'_, AppState>, name: String) -> AppResult<()> {
    let c = state.read(|b| Ok(connections::find(b.conn(), &name)?))?;
    state.with_book(|b| Ok(connections::remove(b, &name)?))?;
    keys::forget(&c);
    SESSION_KEYS.lock().unwrap().remove(&session_key(&c));
    Ok(())
}

/// "Sync now": a long job with progress; cancel stops after the page under way.
#[tauri::command]
pub async fn sync_run(
    state: State<'_, AppState>,
    name: String,
    dry_run: bool,
    resources: Vec<Resource>,
    on_progress: Channel<JobProgress>,
) -> AppResult<ScreenedSync> {
    let c = state.read(|b| Ok(connections::find(b.conn(), &name)?))?;
    let k = keys_of(&c)?;
    book_job(&state, on_progress, move |b, progress| {
        let options = SyncOptions {
            dry_run,
            resources,
            ..SyncOptions::default()
        };
        Ok(screened_sync::sync(b, &name, &k, &options, progress)?)
    })
    .await
}

#[tauri::command(async)]
pub fn sync_conflicts(
    state: State<'_, AppState>,
    connection: Option<String>,
) -> AppResult<Vec<Conflict>> {
    state.read(|b| {
        let id = connection
            .map(|n| connections::find(b.conn(), &n).map(|c| c.id))
            .transpose()?;
        Ok(conflicts(b.conn(), id)?)
    })
}

#[tauri::command(async)]
pub fn sync_compare(
    state: State<'_, AppState>,
    connection: String,
    period: String,
) -> AppResult<Comparison> {
    state.read(|b| Ok(compare(b.conn(), &connection, &period)?))
}
