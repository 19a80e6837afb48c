//! Risk: the flags with their evidence, a scan of the whole book as a long
//! job, clearing and declining flags, and what each check does.

use super::jobs::blocking;
use crate::error::AppResult;
use crate::progress::ChannelProgress;
use crate::state::{with_book, AppState};
use partnerbook_core::audit::Actor;
use partnerbook_core::progress::JobProgress;
use partnerbook_core::risk::{
    self, settings::CheckSetting, Action, Check, DeclineReport, FlagPage, FlagQuery, ScanReport,
};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn risk_flags(state: State<'_, AppState>, query: FlagQuery) -> AppResult<FlagPage> {
    state.read(|b| Ok(risk::list(b, &query)?))
}

#[tauri::command]
pub async fn risk_scan(
    state: State<'_, AppState>,
    on_progress: Channel<JobProgress>,
) -> AppResult<ScanReport> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || with_book(&slot, |b| Ok(risk::scan(b, Actor::User, &progress)?))).await
}

#[tauri::command(async)]
pub fn risk_clear(state: State<'_, AppState>, ids: Vec<i64>, reason: String) -> AppResult<u64> {
    state.with_book(|b| Ok(risk::clear(b, &ids, &reason, Actor::User)?))
}

#[tauri::command(async)]
pub fn risk_decline(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    reason: String,
) -> AppResult<DeclineReport> {
    state.with_book(|b| Ok(risk::decline(b, &ids, &reason, Actor::User)?))
}

#[tauri::command(async)]
pub fn risk_settings(state: State<'_, AppState>) -> AppResult<Vec<CheckSetting>> {
    state.read(|b| Ok(risk::settings::get(b.conn())?))
}

#[tauri::command(async)]
pub fn risk_settings_set(
    state: State<'_, AppState>,
    check: Check,
    action: Action,
) -> AppResult<Vec<CheckSetting>> {
    state.with_book(|b| Ok(risk::settings::set(b, &[(check, action)], Actor::User)?))
}
