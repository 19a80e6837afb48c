//! Conversions: a first look at a file, the import (checked or for real)
//! as a long job, and the list with its unattributed view.

use super::jobs::blocking;
use crate::error::AppResult;
use crate::progress::ChannelProgress;
use crate::state::{with_book, AppState};
use partnerbook_core::conversions::{self, ConversionPage, ConversionQuery};
use partnerbook_core::import::{self, ConversionImportOptions, ImportInspection};
use partnerbook_core::progress::JobProgress;
use partnerbook_core::screened_import::{self, ScreenedImport};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

/// The first look, with the columns that hold the book's partners' codes.
#[tauri::command(async)]
pub fn conversions_inspect(
    state: State<'_, AppState>,
    path: String,
) -> AppResult<ImportInspection> {
    state.read(|b| Ok(import::inspect_in(b.conn(), &PathBuf::from(&path))?))
}

/// Imports `path`, computes commissions and runs the risk checks on the new
/// rows; with `options.dry_run`, checks and counts everything and writes
/// nothing.
#[tauri::command]
pub async fn conversions_import(
    state: State<'_, AppState>,
    path: String,
    options: ConversionImportOptions,
    on_progress: Channel<JobProgress>,
) -> AppResult<ScreenedImport> {
    let progress = ChannelProgress::new(on_progress, state.start_job());
    let slot = state.book_slot();
    blocking(move || {
        with_book(&slot, |b| {
            Ok(screened_import::import(
                b,
                &PathBuf::from(path),
                &options,
                &progress,
            )?)
        })
    })
    .await
}

#[tauri::command(async)]
pub fn conversions_list(
    state: State<'_, AppState>,
    query: ConversionQuery,
) -> AppResult<ConversionPage> {
    state.read(|b| Ok(conversions::list(b, &query)?))
}
