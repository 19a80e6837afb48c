//! Applications: the review queue, intake, screening, decisions and the
//! screening settings; onboarding: the board, recorded steps, reminders and
//! versioned terms.

use super::jobs::book_job;
use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::applications::{
    self, ApplicationDetail, ApplicationInput, ApplicationPage, ApplicationQuery, DecisionReport,
    IntakeReport, ScreenReport, ScreeningSettings,
};
use partnerbook_core::audit::Actor;
use partnerbook_core::onboarding::{self, terms, OnboardingChange, OnboardingRow};
use partnerbook_core::outbox::reminders as remind;
use partnerbook_core::progress::JobProgress;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn applications_list(
    state: State<'_, AppState>,
    query: ApplicationQuery,
) -> AppResult<ApplicationPage> {
    state.with_book(|b| Ok(applications::list(b, &query)?))
}

#[tauri::command(async)]
pub fn application_get(state: State<'_, AppState>, id: i64) -> AppResult<ApplicationDetail> {
    state.with_book(|b| Ok(applications::detail(b, id)?))
}

/// Imports a form export (CSV or JSON) with progress; all or nothing.
#[tauri::command]
pub async fn applications_import(
    state: State<'_, AppState>,
    path: PathBuf,
    on_progress: Channel<JobProgress>,
) -> AppResult<IntakeReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(applications::import_file(b, &path, Actor::User, progress)?)
    })
    .await
}

#[tauri::command(async)]
pub fn application_add(
    state: State<'_, AppState>,
    input: ApplicationInput,
) -> AppResult<IntakeReport> {
    state.with_book(|b| Ok(applications::add(b, input, Actor::User)?))
}

#[tauri::command(async)]
pub fn applications_approve(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    group_id: Option<i64>,
    reason: String,
) -> AppResult<DecisionReport> {
    state.with_book(|b| {
        Ok(applications::approve(
            b,
            &ids,
            group_id,
            &reason,
            Actor::User,
        )?)
    })
}

#[tauri::command(async)]
pub fn applications_reject(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    reason: String,
) -> AppResult<DecisionReport> {
    state.with_book(|b| Ok(applications::reject(b, &ids, &reason, Actor::User)?))
}

/// Screens `ids` again, or every pending application when empty.
#[tauri::command]
pub async fn applications_screen(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    on_progress: Channel<JobProgress>,
) -> AppResult<ScreenReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(applications::screen(b, &ids, progress)?)
    })
    .await
}

#[tauri::command(async)]
pub fn rejection_reasons() -> Vec<String> {
    applications::REJECTION_REASONS
        .iter()
        .map(|r| r.to_string())
        .collect()
}

#[tauri::command(async)]
pub fn screening_settings_get(state: State<'_, AppState>) -> AppResult<ScreeningSettings> {
    state.with_book(|b| Ok(applications::settings::get(b.conn())?))
}

#[tauri::command(async)]
pub fn screening_settings_set(
    state: State<'_, AppState>,
    settings: ScreeningSettings,
) -> AppResult<ScreeningSettings> {
    state.with_book(|b| Ok(applications::settings::set(b, &settings, Actor::User)?))
}

#[tauri::command(async)]
pub fn onboarding_list(state: State<'_, AppState>, all: bool) -> AppResult<Vec<OnboardingRow>> {
    let today = partnerbook_core::time::today();
    state.with_book(|b| Ok(onboarding::list(b, today, all)?))
}

#[tauri::command(async)]
pub fn onboarding_set(
    state: State<'_, AppState>,
    partner_id: i64,
    change: OnboardingChange,
) -> AppResult<OnboardingRow> {
    state.with_book(|b| Ok(onboarding::set(b, partner_id, &change, Actor::User)?))
}

/// Queues a reminder to partners stuck `days` or more; returns how many.
#[tauri::command(async)]
pub fn onboarding_remind(state: State<'_, AppState>, days: u32) -> AppResult<u32> {
    let today = partnerbook_core::time::today();
    state.with_book(|b| Ok(remind::queue(b, days, today, Actor::User)?))
}

#[tauri::command(async)]
pub fn terms_list(state: State<'_, AppState>) -> AppResult<Vec<terms::TermsVersion>> {
    state.with_book(|b| Ok(terms::list(b)?))
}

#[tauri::command(async)]
pub fn terms_publish(
    state: State<'_, AppState>,
    version: String,
    body: String,
) -> AppResult<terms::TermsVersion> {
    state.with_book(|b| Ok(terms::publish(b, &version, &body, Actor::User)?))
}
