//! Program settings.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::settings::{self, ProgramSettings, ProgramSettingsInput};
use tauri::State;

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> AppResult<ProgramSettings> {
    state.with_book(|b| Ok(settings::get(b.conn())?))
}

#[tauri::command(async)]
pub fn settings_update(
    state: State<'_, AppState>,
    input: ProgramSettingsInput,
) -> AppResult<ProgramSettings> {
    state.with_book(|b| Ok(settings::save(b, &input, Actor::User)?))
}
