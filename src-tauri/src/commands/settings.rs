//! Program settings and the logo on statements.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::logo::{self, LogoInfo};
use partnerbook_core::money::{Currency, Money};
use partnerbook_core::reports::tax_year::{self, Threshold};
use partnerbook_core::settings::{self, ProgramSettings, ProgramSettingsInput};
use std::path::PathBuf;
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

#[tauri::command(async)]
pub fn logo_get(state: State<'_, AppState>) -> AppResult<Option<LogoInfo>> {
    state.with_book(|b| Ok(logo::info(b)?))
}

/// Reads a PNG or JPEG the user picked and keeps it, scaled, in the book.
#[tauri::command(async)]
pub fn logo_set(state: State<'_, AppState>, path: PathBuf) -> AppResult<LogoInfo> {
    state.with_book(|b| Ok(logo::set_from_file(b, &path, Actor::User)?))
}

#[tauri::command(async)]
pub fn logo_clear(state: State<'_, AppState>) -> AppResult<()> {
    state.with_book(|b| Ok(logo::clear(b, Actor::User)?))
}

/// The US information-return threshold of each year set in the book.
#[tauri::command(async)]
pub fn tax_thresholds(state: State<'_, AppState>) -> AppResult<Vec<Threshold>> {
    state.read(|b| Ok(tax_year::thresholds(b.conn())?))
}

/// Sets a year's threshold (`amount` as typed, e.g. "2000.00") and returns them all.
#[tauri::command(async)]
pub fn tax_threshold_set(
    state: State<'_, AppState>,
    year: i32,
    amount: String,
    currency: String,
) -> AppResult<Vec<Threshold>> {
    state.with_book(|b| {
        let currency = Currency::from_code(&currency)?;
        let amount = Money::parse(&amount, currency)?;
        tax_year::set_threshold(b, year, amount, Actor::User)?;
        Ok(tax_year::thresholds(b.conn())?)
    })
}
