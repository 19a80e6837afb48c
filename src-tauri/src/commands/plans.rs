//! Commission plans: list, save a version from the editor, JSON files in and out.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::{self, Partner};
use partnerbook_core::plans::{self, Plan, PlanFile};
use partnerbook_core::{BookError, ErrorExt};
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn plans_list(state: State<'_, AppState>) -> AppResult<Vec<Plan>> {
    state.with_book(|b| Ok(plans::list(b)?))
}

/// Saves what the editor holds: the plan is created or found by name, each
/// version added (or replaced while unused), its groups put on it.
#[tauri::command(async)]
pub fn plan_save(state: State<'_, AppState>, file: PlanFile) -> AppResult<Plan> {
    state.with_book(|b| Ok(plans::import(b, &file, Actor::User)?))
}

/// Makes `plan` (a name or id; null: none) the plan for partners with no
/// plan of their own or from their group.
#[tauri::command(async)]
pub fn plan_set_default(state: State<'_, AppState>, plan: Option<String>) -> AppResult<Vec<Plan>> {
    state.with_book(|b| {
        plans::default::set_default(b, plan.as_deref(), Actor::User)?;
        Ok(plans::list(b)?)
    })
}

#[tauri::command(async)]
pub fn plan_import_file(state: State<'_, AppState>, path: String) -> AppResult<Plan> {
    state.with_book(|b| {
        let file = plans::read_file(&PathBuf::from(path))?;
        Ok(plans::import(b, &file, Actor::User)?)
    })
}

#[tauri::command(async)]
pub fn plan_export_file(state: State<'_, AppState>, plan: String, path: String) -> AppResult<()> {
    state.with_book(|b| {
        let file = plans::export(b, &plan)?;
        let text = serde_json::to_string_pretty(&file).unwrap_or_default();
        std::fs::write(&path, text + "\n")
            .map_err(|e| BookError::io(format!("cannot write {path}"), e))?;
        Ok(())
    })
}

/// Puts a partner on a plan of their own (a plan name or id), or back on
/// their group's (null).
#[tauri::command(async)]
pub fn partner_set_plan(
    state: State<'_, AppState>,
    id: i64,
    plan: Option<String>,
) -> AppResult<Partner> {
    state.with_book(|b| {
        plans::assign_partner(b, &id.to_string(), plan.as_deref(), Actor::User)?;
        Ok(partners::get(b, id)?)
    })
}
