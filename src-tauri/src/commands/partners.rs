//! The partner CRM: search, records, status, notes and timeline, groups, tags.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::audit::Actor;
use partnerbook_core::groups::{self, Group};
use partnerbook_core::partners::search::{self, CountryCount, PartnerPage, PartnerQuery};
use partnerbook_core::partners::timeline::{self, Activity};
use partnerbook_core::partners::{self, Partner, PartnerInput, PartnerStatus};
use partnerbook_core::tags::{self, Tag};
use tauri::State;

#[tauri::command(async)]
pub fn partners_search(state: State<'_, AppState>, query: PartnerQuery) -> AppResult<PartnerPage> {
    state.read(|b| Ok(search::search(b, &query)?))
}

#[tauri::command(async)]
pub fn partners_countries(state: State<'_, AppState>) -> AppResult<Vec<CountryCount>> {
    state.read(|b| Ok(search::countries(b)?))
}

#[tauri::command(async)]
pub fn partner_get(state: State<'_, AppState>, id: i64) -> AppResult<Partner> {
    state.read(|b| Ok(partners::get(b, id)?))
}

#[tauri::command(async)]
pub fn partner_create(state: State<'_, AppState>, input: PartnerInput) -> AppResult<Partner> {
    state.with_book(|b| Ok(partners::create(b, &input, Actor::User)?))
}

#[tauri::command(async)]
pub fn partner_update(
    state: State<'_, AppState>,
    id: i64,
    input: PartnerInput,
) -> AppResult<Partner> {
    state.with_book(|b| Ok(partners::update(b, id, &input, "", Actor::User)?))
}

#[tauri::command(async)]
pub fn partner_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: PartnerStatus,
    reason: String,
) -> AppResult<Partner> {
    state.with_book(|b| Ok(partners::set_status(b, id, status, &reason, Actor::User)?))
}

#[tauri::command(async)]
pub fn partner_timeline(state: State<'_, AppState>, id: i64) -> AppResult<Vec<Activity>> {
    state.read(|b| Ok(timeline::list(b, id)?))
}

#[tauri::command(async)]
pub fn partner_add_note(state: State<'_, AppState>, id: i64, text: String) -> AppResult<Activity> {
    state.with_book(|b| Ok(timeline::add_note(b, id, &text, Actor::User)?))
}

#[tauri::command(async)]
pub fn groups_list(state: State<'_, AppState>) -> AppResult<Vec<Group>> {
    state.read(|b| Ok(groups::list(b.conn())?))
}

#[tauri::command(async)]
pub fn group_create(
    state: State<'_, AppState>,
    name: String,
    description: String,
) -> AppResult<Vec<Group>> {
    state.with_book(|b| {
        groups::add(b, &name, &description, Actor::User)?;
        Ok(groups::list(b.conn())?)
    })
}

#[tauri::command(async)]
pub fn tags_list(state: State<'_, AppState>) -> AppResult<Vec<Tag>> {
    state.read(|b| Ok(tags::list(b.conn())?))
}
