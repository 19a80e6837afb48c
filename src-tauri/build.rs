// Every command the UI may call, so tauri-build generates an allow-<command>
// permission for each; capabilities/default.json grants them to the main
// window. Keep in step with `generate_handler!` in src/lib.rs.
const COMMANDS: &[&str] = &[
    "book_suggest_path",
    "book_create",
    "book_open",
    "book_open_demo",
    "book_current",
    "book_close",
    "recent_books",
    "recent_forget",
    "settings_get",
    "settings_update",
    "partners_search",
    "partners_countries",
    "partner_get",
    "partner_create",
    "partner_update",
    "partner_set_status",
    "partner_timeline",
    "partner_add_note",
    "groups_list",
    "group_create",
    "tags_list",
    "partners_import_preview",
    "partners_import",
    "partners_export",
    "job_cancel",
    "conversions_inspect",
    "conversions_import",
    "conversions_list",
    "plans_list",
    "plan_save",
    "plan_import_file",
    "plan_export_file",
    "partner_set_plan",
    "payout_runs_list",
    "payout_run_get",
    "payout_run_create",
    "payout_lines",
    "payout_readiness",
    "payout_adjustments",
    "payout_adjust",
    "payout_adjustment_remove",
    "payout_run_approve",
    "payout_run_discard",
    "payout_run_verify",
    "payout_export",
    "payout_mark_paid",
    "payout_mark_failed",
    "payout_reconcile",
    "payout_payer_get",
    "payout_payer_set",
    "partner_set_payout_hold",
    "statements_write",
    "commissions_list",
    "commission_explain",
    "commissions_approve_due",
    "commission_decline",
    "commissions_compute",
    "fx_import",
    "whatif_run",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
