//! Email: SMTP settings and a test message, templates with a preview, the
//! outbox, queueing a run's statements and sending with progress.

use super::jobs::book_job;
use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::mail::keychain::{self, PasswordHome};
use partnerbook_core::mail::{self, settings, MailSettings, SendReport};
use partnerbook_core::outbox::{
    self, announce, templates, Announcement, AnnouncementInput, Audience, Decision, MailPreview,
    MailTemplate, OutboxMessage, OutboxStatus, QueueReport,
};
use partnerbook_core::progress::JobProgress;
use partnerbook_core::statements;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command(async)]
pub fn mail_settings_get(state: State<'_, AppState>) -> AppResult<MailSettings> {
    state.with_book(|b| Ok(settings::get(b)?))
}

#[tauri::command(async)]
pub fn mail_settings_set(
    state: State<'_, AppState>,
    settings: MailSettings,
) -> AppResult<MailSettings> {
    state.with_book(|b| Ok(mail::settings::set(b, &settings, Actor::User)?))
}

/// Sends one test message now; `password` is the one typed, if any (else the
/// session's, else the keychain's).
#[tauri::command(async)]
pub fn mail_send_test(
    state: State<'_, AppState>,
    to: String,
    password: Option<String>,
) -> AppResult<String> {
    let password = state.smtp_password(password);
    state.with_book(|b| Ok(mail::send_test(b, password.as_deref(), &to)?))
}

/// Saves the SMTP password in the OS keychain; where there is none, keeps
/// it until the app closes and says why.
#[tauri::command(async)]
pub fn mail_password_save(state: State<'_, AppState>, password: String) -> AppResult<PasswordHome> {
    let settings = state.with_book(|b| Ok(settings::get(b)?))?;
    let home = keychain::save(&settings, &password);
    state.set_session_password(match home {
        PasswordHome::Keychain => None,
        PasswordHome::Unavailable { .. } => Some(password),
    });
    Ok(home)
}

/// Whether a password is saved (in the keychain or for this session).
#[tauri::command(async)]
pub fn mail_password_saved(state: State<'_, AppState>) -> AppResult<bool> {
    let settings = state.with_book(|b| Ok(settings::get(b)?))?;
    Ok(state.smtp_password(None).is_some() || keychain::find(&settings).is_some())
}

#[tauri::command(async)]
pub fn mail_password_forget(state: State<'_, AppState>) -> AppResult<()> {
    let settings = state.with_book(|b| Ok(settings::get(b)?))?;
    keychain::forget(&settings);
    state.set_session_password(None);
    Ok(())
}

#[tauri::command(async)]
pub fn mail_templates_list(state: State<'_, AppState>) -> AppResult<Vec<MailTemplate>> {
    state.with_book(|b| Ok(templates::list(b)?))
}

#[tauri::command(async)]
pub fn mail_template_save(
    state: State<'_, AppState>,
    name: String,
    subject: String,
    text_body: String,
    html_body: String,
) -> AppResult<MailTemplate> {
    state.with_book(|b| Ok(templates::set(b, &name, &subject, &text_body, &html_body)?))
}

/// What a partner (the first one when null) would receive from this draft.
#[tauri::command(async)]
pub fn mail_template_preview(
    state: State<'_, AppState>,
    name: String,
    subject: String,
    text_body: String,
    html_body: String,
    partner_id: Option<i64>,
) -> AppResult<MailPreview> {
    state.with_book(|b| {
        Ok(templates::preview(
            b, &name, &subject, &text_body, &html_body, partner_id,
        )?)
    })
}

#[tauri::command(async)]
pub fn mail_outbox(
    state: State<'_, AppState>,
    status: Option<OutboxStatus>,
    run_id: Option<i64>,
    limit: u32,
) -> AppResult<Vec<OutboxMessage>> {
    state.read(|b| Ok(outbox::list(b, status, run_id, limit)?))
}

#[tauri::command(async)]
pub fn mail_decide(state: State<'_, AppState>, id: i64, decision: Decision) -> AppResult<()> {
    state.with_book(|b| Ok(outbox::decide(b, id, decision, Actor::User)?))
}

#[tauri::command]
pub async fn mail_queue_statements(
    state: State<'_, AppState>,
    run_id: i64,
    on_progress: Channel<JobProgress>,
) -> AppResult<QueueReport> {
    book_job(&state, on_progress, move |b, progress| {
        Ok(statements::queue_statements(b, run_id, progress)?)
    })
    .await
}

/// Sends what is due, with progress and cancel.
#[tauri::command]
pub async fn mail_send(
    state: State<'_, AppState>,
    password: Option<String>,
    on_progress: Channel<JobProgress>,
) -> AppResult<SendReport> {
    let password = state.smtp_password(password);
    book_job(&state, on_progress, move |b, progress| {
        Ok(mail::send_due(b, password.as_deref(), 10_000, progress)?)
    })
    .await
}

/// Who an announcement would reach: a label and how many active partners.
#[tauri::command(async)]
pub fn mail_audience(state: State<'_, AppState>, audience: Audience) -> AppResult<(String, u32)> {
    state.with_book(|b| Ok(announce::audience_size(b, &audience)?))
}

/// Queues an announcement to every active partner of its audience.
#[tauri::command(async)]
pub fn mail_announce(
    state: State<'_, AppState>,
    input: AnnouncementInput,
) -> AppResult<Announcement> {
    state.with_book(|b| Ok(outbox::announce(b, &input, Actor::User)?))
}

#[tauri::command(async)]
pub fn mail_announcements(state: State<'_, AppState>) -> AppResult<Vec<Announcement>> {
    state.with_book(|b| Ok(announce::list(b)?))
}
