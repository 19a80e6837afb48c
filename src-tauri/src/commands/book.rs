//! Creating, opening and closing books; the recent list; the demo book.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::backups::{self, BackupInfo};
use partnerbook_core::demo::{self, DemoOptions};
use partnerbook_core::plans;
use partnerbook_core::progress::Quiet;
use partnerbook_core::recent::{self, RecentBook};
use partnerbook_core::settings::NewProgram;
use partnerbook_core::Book;
use partnerbook_core::{suggest_path, BookInfo};
use std::path::Path;
use tauri::State;

/// Makes `book` the open book and puts it at the top of the recent list.
pub fn make_current(state: &AppState, book: Book) -> AppResult<BookInfo> {
    let info = book.info()?;
    if let Err(e) = recent::remember(&state.paths.recent_file(), book.path(), &info.program_name) {
        tracing::warn!("{e}");
    }
    // The daily backup, when the newest is a day old: while the app is used.
    // On a connection of its own, beside the app, so opening stays quick.
    let path = book.path().to_path_buf();
    std::thread::spawn(move || {
        // After the first screen is up: copying a big book competes with it.
        std::thread::sleep(std::time::Duration::from_secs(3));
        let made = Book::open_reader(&path).and_then(|reader| backups::daily(&reader));
        if let Err(e) = made {
            tracing::warn!("no daily backup of {}: {e}", path.display());
        }
    });
    state.set_book(Some(book));
    Ok(info)
}

#[tauri::command(async)]
pub fn book_suggest_path(state: State<'_, AppState>, program_name: String) -> String {
    suggest_path(&state.paths.documents_dir, &program_name)
        .to_string_lossy()
        .into_owned()
}

#[tauri::command(async)]
pub fn book_create(
    state: State<'_, AppState>,
    path: String,
    program: NewProgram,
) -> AppResult<BookInfo> {
    make_current(
        &state,
        plans::default::create_book(Path::new(&path), &program)?,
    )
}

#[tauri::command(async)]
pub fn book_open(state: State<'_, AppState>, path: String) -> AppResult<BookInfo> {
    make_current(&state, Book::open(Path::new(&path))?)
}

/// Opens the demo book, making it on first use.
#[tauri::command(async)]
pub fn book_open_demo(state: State<'_, AppState>) -> AppResult<BookInfo> {
    let path = state.paths.demo_book();
    let book = if path.exists() {
        Book::open(&path)?
    } else {
        demo::create(&path, &DemoOptions::default(), &Quiet)?
    };
    make_current(&state, book)
}

#[tauri::command(async)]
pub fn book_current(state: State<'_, AppState>) -> AppResult<Option<BookInfo>> {
    state.read_if_open(|b| Ok(b.info()?))
}

/// The open book's backups, newest first.
#[tauri::command(async)]
pub fn backups_list(state: State<'_, AppState>) -> AppResult<Vec<BackupInfo>> {
    state.read(|b| Ok(backups::list(b.path())?))
}

/// Backs the open book up now.
#[tauri::command(async)]
pub fn backup_create(state: State<'_, AppState>) -> AppResult<BackupInfo> {
    state.with_book(|b| Ok(backups::create(b, "by-hand")?))
}

/// Puts backup `path`'s content in the open book, after backing the book up
/// as it is; returns that backup.
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, path: String) -> AppResult<BackupInfo> {
    state.with_book(|b| Ok(backups::restore(b, std::path::Path::new(&path))?))
}

/// The open book checked whole (file, triggers, approved runs, stored
/// files): the app asks once a book is open. On a connection of its own, so
/// lists keep answering while a big book is read end to end.
#[tauri::command(async)]
pub fn book_check(state: State<'_, AppState>) -> AppResult<partnerbook_core::health::Health> {
    let path = state.read(|b| Ok(b.path().to_path_buf()))?;
    let book = Book::open_reader(&path)?;
    Ok(partnerbook_core::health::check(&book)?)
}

/// The About box: this build, the open book's schema, where the logs are.
#[derive(serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppAbout {
    #[serde(flatten)]
    #[ts(flatten)]
    pub build: partnerbook_core::about::About,
    /// The open book's schema version, when one is open.
    pub book_schema: Option<i64>,
    pub log_dir: String,
}

#[tauri::command(async)]
pub fn app_about(state: State<'_, AppState>) -> AppResult<AppAbout> {
    Ok(AppAbout {
        build: partnerbook_core::about::about(),
        book_schema: state.read_if_open(|b| Ok(b.schema_version()?))?,
        log_dir: state.paths.log_dir.to_string_lossy().into_owned(),
    })
}

#[tauri::command(async)]
pub fn book_close(state: State<'_, AppState>) {
    state.set_book(None);
}

#[tauri::command(async)]
pub fn recent_books(state: State<'_, AppState>) -> Vec<RecentBook> {
    recent::load(&state.paths.recent_file())
}

#[tauri::command(async)]
pub fn recent_forget(state: State<'_, AppState>, path: String) -> AppResult<Vec<RecentBook>> {
    Ok(recent::forget(&state.paths.recent_file(), &path)?)
}
