//! Payout runs: create a draft, read its lines and readiness, adjust,
//! approve or discard, write payment files and statements, record what
//! was paid.

use super::jobs::book_job;
use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::payouts::files::{self, ExportReport, PaymentFormat};
use partnerbook_core::payouts::{
    self, Adjustment, AdjustmentKind, LineQuery, LinesPage, Payer, PayoutRun, Readiness,
    ReconcileReport,
};
use partnerbook_core::progress::JobProgress;
use partnerbook_core::statements::{self, StatementsReport};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn payout_runs_list(state: State<'_, AppState>) -> AppResult<Vec<PayoutRun>> {
    state.read(|b| Ok(payouts::list_runs(b)?))
}

#[tauri::command(async)]
pub fn payout_run_get(state: State<'_, AppState>, id: i64) -> AppResult<PayoutRun> {
    state.read(|b| Ok(payouts::get_run(b, id)?))
}

/// Creates the draft run through `through` ("YYYY-MM-DD"), with progress.
#[tauri::command]
pub async fn payout_run_create(
    state: State<'_, AppState>,
    through: String,
    on_progress: Channel<JobProgress>,
) -> AppResult<PayoutRun> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(payouts::create(b, &through, Actor::User, progress)?)
    })
    .await
}

#[tauri::command(async)]
pub fn payout_lines(state: State<'_, AppState>, query: LineQuery) -> AppResult<LinesPage> {
    state.read(|b| Ok(payouts::lines(b, &query)?))
}

#[tauri::command(async)]
pub fn payout_readiness(state: State<'_, AppState>, run_id: i64) -> AppResult<Readiness> {
    state.read(|b| Ok(payouts::readiness(b, run_id)?))
}

#[tauri::command(async)]
pub fn payout_adjustments(state: State<'_, AppState>, run_id: i64) -> AppResult<Vec<Adjustment>> {
    state.read(|b| Ok(payouts::adjustments(b, run_id)?))
}

/// Adds an adjustment to a draft run; `kind` null means bonus when
/// positive, clawback when negative.
#[tauri::command(async)]
pub fn payout_adjust(
    state: State<'_, AppState>,
    run_id: i64,
    partner_id: i64,
    amount: String,
    kind: Option<AdjustmentKind>,
    reason: String,
) -> AppResult<Adjustment> {
    state.with_book(|b| {
        Ok(payouts::add_adjustment(
            b,
            run_id,
            partner_id,
            &amount,
            kind,
            &reason,
            Actor::User,
        )?)
    })
}

#[tauri::command(async)]
pub fn payout_adjustment_remove(state: State<'_, AppState>, run_id: i64, id: i64) -> AppResult<()> {
    state.with_book(|b| Ok(payouts::remove_adjustment(b, run_id, id, Actor::User)?))
}

/// Backs the book up, fingerprints and locks the run, with progress.
#[tauri::command]
pub async fn payout_run_approve(
    state: State<'_, AppState>,
    id: i64,
    on_progress: Channel<JobProgress>,
) -> AppResult<PayoutRun> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(payouts::approve(b, id, Actor::User, progress)?)
    })
    .await
}

#[tauri::command(async)]
pub fn payout_run_discard(state: State<'_, AppState>, id: i64) -> AppResult<PayoutRun> {
    state.with_book(|b| Ok(payouts::discard(b, id, Actor::User)?))
}

#[tauri::command(async)]
pub fn payout_run_verify(state: State<'_, AppState>, id: i64) -> AppResult<bool> {
    state.read(|b| Ok(payouts::verify(b, id)?))
}

/// How an approved run is paid: provider files (uploads), what is left to
/// pay by hand, and what was written.
#[tauri::command(async)]
pub fn payout_coverage(
    state: State<'_, AppState>,
    run_id: i64,
) -> AppResult<Vec<files::coverage::CoverageGroup>> {
    state.read(|b| Ok(files::coverage::coverage(b, run_id)?))
}

/// A run's month-end: its checklist and timeline, read back from the book.
#[tauri::command(async)]
pub fn payout_month_end(
    state: State<'_, AppState>,
    run_id: i64,
) -> AppResult<partnerbook_core::reports::month_end::MonthEnd> {
    state.read(|b| Ok(partnerbook_core::reports::month_end::month_end(b, run_id)?))
}

/// Writes the run's transfers to make by hand as a PDF to `path`; returns how many.
#[tauri::command(async)]
pub fn payout_by_hand_pdf(
    state: State<'_, AppState>,
    run_id: i64,
    path: String,
) -> AppResult<usize> {
    state.read(|b| {
        Ok(partnerbook_core::reports::by_hand::write(
            b,
            run_id,
            &PathBuf::from(&path),
        )?)
    })
}

/// Writes the run's payment file(s) for `format` to `path`, with the
/// manager's choices (SEPA's execution day).
#[tauri::command(async)]
pub fn payout_export(
    state: State<'_, AppState>,
    run_id: i64,
    format: PaymentFormat,
    path: String,
    options: Option<files::ExportOptions>,
) -> AppResult<ExportReport> {
    state.with_book(|b| {
        Ok(files::export_with(
            b,
            run_id,
            format,
            &PathBuf::from(&path),
            &options.unwrap_or_default(),
            Actor::User,
        )?)
    })
}

/// Marks pending payouts paid: one partner's, or all of the run's when null.
#[tauri::command(async)]
pub fn payout_mark_paid(
    state: State<'_, AppState>,
    run_id: i64,
    partner_id: Option<i64>,
    reference: String,
) -> AppResult<u32> {
    state.with_book(|b| {
        Ok(payouts::mark_paid(
            b,
            run_id,
            partner_id,
            &reference,
            Actor::User,
        )?)
    })
}

#[tauri::command(async)]
pub fn payout_mark_failed(
    state: State<'_, AppState>,
    run_id: i64,
    partner_id: i64,
    reason: String,
) -> AppResult<()> {
    state.with_book(|b| {
        Ok(payouts::mark_failed(
            b,
            run_id,
            partner_id,
            &reason,
            Actor::User,
        )?)
    })
}

#[tauri::command(async)]
/// Reads a result file into run `run_id`; with `dry_run`, says what it
/// would record and records nothing.
pub fn payout_reconcile(
    state: State<'_, AppState>,
    run_id: i64,
    path: String,
    dry_run: Option<bool>,
) -> AppResult<ReconcileReport> {
    state.with_book(|b| {
        Ok(payouts::reconcile_with(
            b,
            run_id,
            &PathBuf::from(&path),
            dry_run.unwrap_or(false),
            Actor::User,
        )?)
    })
}

#[tauri::command(async)]
pub fn payout_payer_get(state: State<'_, AppState>) -> AppResult<Payer> {
    state.read(|b| Ok(payouts::payer(b)?))
}

#[tauri::command(async)]
pub fn payout_payer_set(state: State<'_, AppState>, iban: String, bic: String) -> AppResult<Payer> {
    state.with_book(|b| Ok(payouts::set_payer(b, &iban, &bic, Actor::User)?))
}

/// Holds a partner's payouts with a reason, or lifts the hold (null).
#[tauri::command(async)]
pub fn partner_set_payout_hold(
    state: State<'_, AppState>,
    partner_id: i64,
    reason: Option<String>,
) -> AppResult<()> {
    state.with_book(|b| {
        Ok(payouts::set_hold(
            b,
            partner_id,
            reason.as_deref(),
            Actor::User,
        )?)
    })
}

/// Writes the PDF statement of one payout to `path` (the partner panel's
/// "Save statement"); returns its usual file name's number.
#[tauri::command(async)]
pub fn statement_save(
    state: State<'_, AppState>,
    payout_id: i64,
    path: String,
) -> AppResult<String> {
    state.read(|b| {
        let s = statements::statement(b, payout_id)?;
        let logo = statements::logo(b.conn())?;
        let pdf = statements::render(&s, &partnerbook_core::pdf::Fonts::load()?, logo.as_ref());
        partnerbook_core::files::write_atomically(&PathBuf::from(&path), &pdf)?;
        Ok(s.number.clone())
    })
}

/// Writes the PDF statement of every payout of approved run `run_id` into
/// `dir`, with progress; cancelling stops between statements.
#[tauri::command]
pub async fn statements_write(
    state: State<'_, AppState>,
    run_id: i64,
    dir: String,
    on_progress: Channel<JobProgress>,
) -> AppResult<StatementsReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(statements::write_run(
            b,
            run_id,
            &PathBuf::from(&dir),
            progress,
        )?)
    })
    .await
}
