//! Commissions: the list, explain, approve what is due, decline, compute
//! again (after rates or plans change), FX rates, and the what-if.

use super::jobs::blocking;
use crate::error::AppResult;
use crate::progress::ChannelProgress;
use crate::state::{with_book, AppState};
use partnerbook_core::audit::Actor;
use partnerbook_core::commissions::{
    self, Commission, CommissionPage, CommissionQuery, EngineReport, WhatIfReport, WhatIfRequest,
};
use partnerbook_core::fx::FxImportReport;
use partnerbook_core::import;
use partnerbook_core::progress::JobProgress;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn commissions_list(
    state: State<'_, AppState>,
    query: CommissionQuery,
) -> AppResult<CommissionPage> {
    state.read(|b| Ok(commissions::list(b, &query)?))
}

#[tauri::command(async)]
pub fn commission_explain(state: State<'_, AppState>, id: i64) -> AppResult<String> {
    state.read(|b| Ok(commissions::explain(b, id)?))
}

/// Approves pending commissions whose hold has ended by `as_of` (today when null).
#[tauri::command(async)]
pub fn commissions_approve_due(
    state: State<'_, AppState>,
    as_of: Option<String>,
) -> AppResult<commissions::DueLines> {
    let day = as_of.unwrap_or_else(|| partnerbook_core::time::today().to_string());
    state.with_book(|b| Ok(commissions::approve_due(b, &day, Actor::User)?))
}

/// What approving by `as_of` would approve: count and totals, nothing written.
#[tauri::command(async)]
pub fn commissions_due_preview(
    state: State<'_, AppState>,
    as_of: String,
) -> AppResult<commissions::DueLines> {
    state.read(|b| Ok(commissions::due_preview(b, &as_of)?))
}

#[tauri::command(async)]
pub fn commission_decline(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
) -> AppResult<Commission> {
    state.with_book(|b| Ok(commissions::decline(b, id, &reason, Actor::User)?))
}

#[tauri::command]
pub async fn commissions_compute(
    state: State<'_, AppState>,
    on_progress: Channel<JobProgress>,
) -> AppResult<EngineReport> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || with_book(&slot, |b| Ok(commissions::run(b, &progress)?))).await
}

/// Imports a rates file, then computes the commissions that waited for one;
/// with `dry_run`, says what it would do and writes nothing (the preview).
#[tauri::command]
pub async fn fx_import(
    state: State<'_, AppState>,
    path: String,
    dry_run: Option<bool>,
    on_progress: Channel<JobProgress>,
) -> AppResult<(FxImportReport, EngineReport)> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    let dry_run = dry_run.unwrap_or(false);
    blocking(move || {
        with_book(&slot, |b| {
            Ok(import::fx_rates_with(
                b,
                &PathBuf::from(path),
                dry_run,
                &progress,
            )?)
        })
    })
    .await
}

/// Recomputes a past month under other rules; writes nothing.
#[tauri::command]
pub async fn whatif_run(
    state: State<'_, AppState>,
    request: WhatIfRequest,
    on_progress: Channel<JobProgress>,
) -> AppResult<WhatIfReport> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || with_book(&slot, |b| Ok(commissions::what_if(b, &request, &progress)?))).await
}
