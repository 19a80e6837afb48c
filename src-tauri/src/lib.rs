//! The Partnerbook desktop shell: a thin Tauri 2 layer over partnerbook-core.
//! It opens a window on the React UI (ui/dist), holds the open book, and turns
//! UI calls into core calls (see commands/).

pub mod commands;
pub mod error;
mod logging;
mod progress;
pub mod state;

use state::{AppPaths, AppState};
use std::path::PathBuf;
use tauri::{Manager, Runtime};

/// Registers every command and plugin on `builder`, for any runtime (the
/// real webview, or Tauri's mock runtime in tests). State is managed by the caller.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            commands::book::book_suggest_path,
            commands::book::book_create,
            commands::book::book_open,
            commands::book::book_open_demo,
            commands::book::book_current,
            commands::book::app_about,
            commands::book::book_check,
            commands::book::backups_list,
            commands::book::backup_create,
            commands::book::backup_restore,
            commands::book::book_close,
            commands::book::recent_books,
            commands::book::recent_forget,
            commands::settings::settings_get,
            commands::settings::tax_thresholds,
            commands::settings::tax_threshold_set,
            commands::settings::settings_update,
            commands::partners::partners_search,
            commands::partners::partners_countries,
            commands::partners::partner_get,
            commands::partners::partner_create,
            commands::partners::partner_update,
            commands::partners::partner_set_status,
            commands::partners::partner_timeline,
            commands::partners::partner_add_note,
            commands::partners::groups_list,
            commands::partners::group_create,
            commands::partners::tags_list,
            commands::jobs::partners_import_preview,
            commands::jobs::partners_import,
            commands::jobs::partners_export,
            commands::jobs::job_cancel,
            commands::conversions::conversions_inspect,
            commands::conversions::conversions_import,
            commands::conversions::conversions_list,
            commands::plans::plans_list,
            commands::plans::plan_save,
            commands::plans::plan_set_default,
            commands::plans::plan_import_file,
            commands::plans::plan_export_file,
            commands::plans::partner_set_plan,
            commands::payouts::payout_runs_list,
            commands::payouts::payout_run_get,
            commands::payouts::payout_run_create,
            commands::payouts::payout_lines,
            commands::payouts::payout_readiness,
            commands::payouts::payout_adjustments,
            commands::payouts::payout_adjust,
            commands::payouts::payout_adjustment_remove,
            commands::payouts::payout_run_approve,
            commands::payouts::payout_run_discard,
            commands::payouts::payout_run_verify,
            commands::payouts::payout_export,
            commands::payouts::payout_coverage,
            commands::payouts::payout_month_end,
            commands::payouts::payout_by_hand_pdf,
            commands::payouts::payout_mark_paid,
            commands::payouts::payout_mark_failed,
            commands::payouts::payout_reconcile,
            commands::payouts::payout_payer_get,
            commands::payouts::payout_payer_set,
            commands::payouts::partner_set_payout_hold,
            commands::payouts::statements_write,
            commands::mail::mail_settings_get,
            commands::mail::mail_settings_set,
            commands::mail::mail_send_test,
            commands::mail::mail_templates_list,
            commands::mail::mail_template_save,
            commands::mail::mail_template_preview,
            commands::mail::mail_outbox,
            commands::mail::mail_decide,
            commands::mail::mail_queue_statements,
            commands::mail::mail_send,
            commands::settings::logo_get,
            commands::settings::logo_set,
            commands::settings::logo_clear,
            commands::mail::mail_password_save,
            commands::mail::mail_password_saved,
            commands::mail::mail_password_forget,
            commands::mail::mail_audience,
            commands::mail::mail_announce,
            commands::mail::mail_announcements,
            commands::files::file_open,
            commands::files::file_reveal,
            commands::applications::applications_list,
            commands::applications::application_get,
            commands::applications::applications_import,
            commands::applications::application_add,
            commands::applications::applications_approve,
            commands::applications::applications_reject,
            commands::applications::applications_screen,
            commands::applications::rejection_reasons,
            commands::applications::screening_settings_get,
            commands::applications::screening_settings_set,
            commands::applications::onboarding_list,
            commands::applications::onboarding_set,
            commands::applications::onboarding_remind,
            commands::applications::terms_list,
            commands::applications::terms_publish,
            commands::assets::assets_list,
            commands::assets::asset_get,
            commands::assets::assets_add,
            commands::assets::asset_add_version,
            commands::assets::asset_update,
            commands::assets::asset_set_archived,
            commands::assets::asset_thumbnail,
            commands::assets::asset_render,
            commands::assets::asset_export,
            commands::assets::links_base_url_get,
            commands::assets::links_base_url_set,
            commands::assets::kit_export,
            commands::assets::asset_text,
            commands::assets::asset_save_text,
            commands::assets::asset_preview_text,
            commands::commissions::commissions_list,
            commands::commissions::commission_explain,
            commands::commissions::commissions_approve_due,
            commands::commissions::commissions_due_preview,
            commands::commissions::commission_decline,
            commands::commissions::commissions_compute,
            commands::commissions::fx_import,
            commands::commissions::whatif_run,
            commands::sync::sync_connections,
            commands::sync::sync_connection_add,
            commands::sync::sync_connection_test,
            commands::sync::sync_connection_remove,
            commands::sync::sync_connection_keys,
            commands::sync::sync_run,
            commands::sync::sync_conflicts,
            commands::sync::sync_compare,
            commands::risk::risk_flags,
            commands::risk::risk_scan,
            commands::risk::risk_clear,
            commands::risk::risk_decline,
            commands::risk::risk_settings,
            commands::risk::risk_settings_set,
            commands::reports::report_payouts,
            commands::reports::report_refunds,
            commands::payouts::statement_save,
            commands::reports::partner_performance_get,
            commands::home::home_get,
            commands::home::home_attention,
            commands::home::partner_money,
            commands::reports::report_tax_year,
            commands::reports::report_program,
            commands::reports::report_performance,
            commands::reports::report_unattributed,
            commands::reports::report_save,
        ])
}

/// Starts the desktop app. An optional first argument is a book to open.
pub fn run() {
    let book_arg = std::env::args_os().nth(1).map(PathBuf::from);
    let app = with_commands(tauri::Builder::default())
        .setup(move |app| {
            let resolver = app.path();
            let paths = AppPaths {
                config_dir: resolver.app_config_dir()?,
                data_dir: resolver.app_data_dir()?,
                documents_dir: resolver.document_dir().or_else(|_| resolver.home_dir())?,
                log_dir: resolver.app_log_dir()?,
            };
            logging::init(&paths.log_dir);
            let state = AppState::new(paths);
            if let Some(path) = &book_arg {
                // A book that cannot be opened leaves the app on its start screen.
                let opened = partnerbook_core::Book::open(path)
                    .map_err(error::AppError::from)
                    .and_then(|book| commands::book::make_current(&state, book));
                if let Err(e) = opened {
                    tracing::error!("cannot open {}: {}", path.display(), e.message);
                }
            }
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!("tauri.conf.json"));
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("Partnerbook could not start: {e}");
            std::process::exit(1);
        }
    }
}
