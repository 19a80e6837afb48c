//! Opening what the app wrote (statements, reports, payment files) in the
//! system's own viewer, or showing it in the file manager. Only files the
//! app writes, by kind, and only ones that exist: the UI cannot ask the
//! system to run anything.

use crate::error::{AppError, AppResult};
use partnerbook_core::{BookError, ErrorExt};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;

const KINDS: &[&str] = &["pdf", "csv", "xml", "txt", "zip"];

fn checked(path: &str) -> AppResult<PathBuf> {
    let path = Path::new(path);
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !KINDS.contains(&kind.as_str()) {
        return Err(BookError::invalid(
            "path",
            format!(
                "{} is not a file Partnerbook writes ({})",
                path.display(),
                KINDS.join(", ")
            ),
        )
        .into());
    }
    if !path.is_file() {
        return Err(BookError::invalid(
            "path",
            format!("{} is not there any more", path.display()),
        )
        .into());
    }
    Ok(path.to_path_buf())
}

/// Opens a file in the application the system uses for its kind.
#[tauri::command(async)]
pub fn file_open<R: Runtime>(app: AppHandle<R>, path: String) -> AppResult<()> {
    let path = checked(&path)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            AppError::internal(format!("the system could not open {}: {e}", path.display()))
        })
}

/// Shows a file selected in its folder.
#[tauri::command(async)]
pub fn file_reveal<R: Runtime>(app: AppHandle<R>, path: String) -> AppResult<()> {
    let path = checked(&path)?;
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        AppError::internal(format!("the system could not show {}: {e}", path.display()))
    })
}
