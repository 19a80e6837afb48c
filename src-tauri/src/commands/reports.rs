//! Reports: payouts by run and method, and refunds and clawbacks per
//! partner, read for the Reports screen and written as CSV or PDF where
//! the manager chooses.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::reports::payouts_by_method::{self, RunMethodRow};
use partnerbook_core::reports::refunds::{self, RefundRow};
use partnerbook_core::{BookError, ErrorExt};
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn report_payouts(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> AppResult<Vec<RunMethodRow>> {
    state.read(|b| {
        Ok(payouts_by_method::payouts_by_method(
            b,
            from.as_deref(),
            to.as_deref(),
        )?)
    })
}

#[tauri::command(async)]
pub fn report_refunds(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> AppResult<Vec<RefundRow>> {
    state.read(|b| Ok(refunds::refunds(b, &from, &to)?))
}

/// Writes a report to `path`, as a PDF table when it ends in .pdf and as
/// CSV otherwise; returns how many rows.
#[tauri::command(async)]
pub fn report_save(
    state: State<'_, AppState>,
    report: String,
    from: Option<String>,
    to: Option<String>,
    path: String,
) -> AppResult<usize> {
    let pdf = path.to_ascii_lowercase().ends_with(".pdf");
    state.read(|b| {
        let (bytes, rows) = match report.as_str() {
            "refunds" => {
                let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
                let rows = refunds::refunds(b, &from, &to)?;
                let bytes = if pdf {
                    refunds::to_pdf(b, &rows, &from, &to)?
                } else {
                    refunds::to_csv(&rows)?
                };
                (bytes, rows.len())
            }
            "payouts" => {
                let rows = payouts_by_method::payouts_by_method(b, from.as_deref(), to.as_deref())?;
                let bytes = if pdf {
                    payouts_by_method::to_pdf(b, &rows, from.as_deref(), to.as_deref())?
                } else {
                    payouts_by_method::to_csv(&rows)?
                };
                (bytes, rows.len())
            }
            other => {
                return Err(BookError::invalid(
                    "report",
                    format!("\"{other}\" is not a report: payouts or refunds"),
                )
                .into())
            }
        };
        partnerbook_core::files::write_atomically(&PathBuf::from(&path), &bytes)?;
        Ok(rows)
    })
}
