//! The home screen: a period's numbers and charts, and, asked apart
//! because it computes a payout run, what needs the manager today; and the
//! partner list's money columns.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::dashboard::{self, Attention, Home, PartnerMoney};
use partnerbook_core::time::today;
use tauri::State;

/// Months `from` to `to` ("2026-11"); `floor`: the refund-rate chart's
/// minimum of sales.
#[tauri::command(async)]
pub fn home_get(
    state: State<'_, AppState>,
    from: String,
    to: String,
    floor: Option<i64>,
) -> AppResult<Home> {
    state.read(|b| Ok(dashboard::home(b, &from, &to, floor)?))
}

#[tauri::command(async)]
pub fn home_attention(state: State<'_, AppState>) -> AppResult<Attention> {
    state.read(|b| Ok(dashboard::attention(b, today())?))
}

/// The partner list's money columns for the partners on screen.
#[tauri::command(async)]
pub fn partner_money(state: State<'_, AppState>, ids: Vec<i64>) -> AppResult<Vec<PartnerMoney>> {
    state.read(|b| Ok(dashboard::partner_money(b.conn(), &ids, today())?))
}
