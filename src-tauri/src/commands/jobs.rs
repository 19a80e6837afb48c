//! Long jobs: CSV import and export run off the async workers, report
//! progress over a channel, and stop when the person cancels.

use crate::error::{AppError, AppResult};
use crate::progress::ChannelProgress;
use crate::state::{with_book, AppState};
use partnerbook_core::partners::csv_export;
use partnerbook_core::partners::csv_import::{self, ImportOptions, ImportPreview, ImportReport};
use partnerbook_core::partners::search::PartnerQuery;
use partnerbook_core::partners::tin::Tins;
use partnerbook_core::progress::JobProgress;
use partnerbook_core::{Book, BookError, ErrorExt};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn partners_import_preview(path: String) -> AppResult<ImportPreview> {
    Ok(csv_import::preview(&PathBuf::from(path))?)
}

#[tauri::command]
pub async fn partners_import(
    state: State<'_, AppState>,
    path: String,
    options: ImportOptions,
    on_progress: Channel<JobProgress>,
) -> AppResult<ImportReport> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || {
        with_book(&slot, |b| {
            Ok(csv_import::import(
                b,
                &PathBuf::from(path),
                &options,
                &progress,
            )?)
        })
    })
    .await
}

/// Writes the partners matching `query` (all when null) to `path`, TINs
/// masked unless `tins` is "whole". A cancelled export removes its
/// half-written file.
#[tauri::command]
pub async fn partners_export(
    state: State<'_, AppState>,
    path: String,
    query: Option<PartnerQuery>,
    tins: Option<Tins>,
    on_progress: Channel<JobProgress>,
) -> AppResult<u64> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || {
        with_book(&slot, |b| {
            let file = std::fs::File::create(&path)
                .map_err(|e| BookError::io(format!("cannot write {path}"), e))?;
            let out = std::io::BufWriter::new(file);
            let tins = tins.unwrap_or_default();
            let written = csv_export::export(b, query.as_ref(), out, tins, &progress);
            if written.is_err() {
                let _ = std::fs::remove_file(&path);
            }
            Ok(written?)
        })
    })
    .await
}

#[tauri::command(async)]
pub fn job_cancel(state: State<'_, AppState>) {
    state.cancel_job();
}

/// Runs `f` on the open book off the async workers, reporting progress on
/// `on_progress` and stopping between steps when the person cancels.
pub(crate) async fn book_job<T: Send + 'static>(
    state: &AppState,
    on_progress: Channel<JobProgress>,
    f: impl FnOnce(&mut Book, &ChannelProgress) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || with_book(&slot, |b| f(b, &progress))).await
}

pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| AppError::internal(format!("the job stopped: {e}")))?
}
