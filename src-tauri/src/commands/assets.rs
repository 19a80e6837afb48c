//! The asset library: list and filter, add files (with progress), new
//! versions, edit, archive, thumbnails, templates rendered for a partner,
//! the referral-link base, and partner or group kits.

use super::jobs::book_job;
use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::assets::kit::{KitReport, KitTarget};
use partnerbook_core::assets::{
    self, links, AddOptions, AddReport, Asset, AssetDetail, AssetEdit, AssetQuery,
};
use partnerbook_core::audit::Actor;
use partnerbook_core::progress::JobProgress;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn assets_list(state: State<'_, AppState>, query: AssetQuery) -> AppResult<Vec<Asset>> {
    state.with_book(|b| Ok(assets::list(b, &query)?))
}

#[tauri::command(async)]
pub fn asset_get(state: State<'_, AppState>, id: i64) -> AppResult<AssetDetail> {
    state.with_book(|b| Ok(assets::detail(b, id)?))
}

/// Adds files picked or dropped, one asset each, all or nothing.
#[tauri::command]
pub async fn assets_add(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    options: AddOptions,
    on_progress: Channel<JobProgress>,
) -> AppResult<AddReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(assets::add_files(
            b,
            &paths,
            &options,
            Actor::User,
            progress,
        )?)
    })
    .await
}

#[tauri::command(async)]
pub fn asset_add_version(
    state: State<'_, AppState>,
    id: i64,
    path: PathBuf,
) -> AppResult<AssetDetail> {
    state.with_book(|b| Ok(assets::add_version(b, id, &path, Actor::User)?))
}

#[tauri::command(async)]
pub fn asset_update(
    state: State<'_, AppState>,
    id: i64,
    edit: AssetEdit,
) -> AppResult<AssetDetail> {
    state.with_book(|b| Ok(assets::update(b, id, &edit, Actor::User)?))
}

#[tauri::command(async)]
pub fn asset_set_archived(state: State<'_, AppState>, id: i64, archived: bool) -> AppResult<()> {
    state.with_book(|b| Ok(assets::set_archived(b, id, archived, Actor::User)?))
}

/// The thumbnail as a data: URL, or null when the asset has no picture.
#[tauri::command(async)]
pub fn asset_thumbnail(state: State<'_, AppState>, id: i64) -> AppResult<Option<String>> {
    use base64::Engine;
    state.with_book(|b| {
        Ok(assets::thumbnail(b, id)?.map(|png| {
            format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(png)
            )
        }))
    })
}

#[tauri::command(async)]
pub fn asset_render(state: State<'_, AppState>, id: i64, partner_id: i64) -> AppResult<String> {
    state.with_book(|b| Ok(assets::render_for(b, id, partner_id)?))
}

/// Writes an asset's file (a version, or the latest) where the user chose.
#[tauri::command(async)]
pub fn asset_export(
    state: State<'_, AppState>,
    id: i64,
    version: Option<u32>,
    out: PathBuf,
) -> AppResult<u64> {
    state.with_book(|b| Ok(assets::export_file(b, id, version, &out)?))
}

#[tauri::command(async)]
pub fn links_base_url_get(state: State<'_, AppState>) -> AppResult<String> {
    state.with_book(|b| Ok(links::base_url(b.conn())?))
}

#[tauri::command(async)]
pub fn links_base_url_set(state: State<'_, AppState>, url: String) -> AppResult<String> {
    state.with_book(|b| Ok(links::set_base_url(b, &url, Actor::User)?))
}

#[tauri::command]
pub async fn kit_export(
    state: State<'_, AppState>,
    target: KitTarget,
    out: PathBuf,
    on_progress: Channel<JobProgress>,
) -> AppResult<KitReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(assets::kit::export(b, &target, &out, progress)?)
    })
    .await
}

/// The text of a template, to edit in the app.
#[tauri::command(async)]
pub fn asset_text(state: State<'_, AppState>, id: i64) -> AppResult<String> {
    state.with_book(|b| Ok(assets::text_of(b, id)?))
}

/// Saves edited template text as a new version (placeholders checked).
#[tauri::command(async)]
pub fn asset_save_text(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> AppResult<AssetDetail> {
    state.with_book(|b| Ok(assets::save_text(b, id, &text, Actor::User)?))
}

/// A live preview of unsaved template text for a partner.
#[tauri::command(async)]
pub fn asset_preview_text(
    state: State<'_, AppState>,
    text: String,
    html: bool,
    partner_id: i64,
    landing_url: String,
) -> AppResult<String> {
    state.with_book(|b| {
        Ok(assets::preview_text(
            b,
            &text,
            html,
            partner_id,
            &landing_url,
        )?)
    })
}
