//! Reports: the program report for a month, partner and group
//! performance, unattributed sales, payouts by run and method, and refunds
//! and clawbacks per partner, read for the Reports screen and written as
//! CSV or PDF where the manager chooses.

use crate::error::AppResult;
use crate::state::AppState;
use partnerbook_core::partners::tin::Tins;
use partnerbook_core::pdf::Fonts;
use partnerbook_core::reports::partner::{partner_performance, PartnerPerformance};
use partnerbook_core::reports::payouts_by_method::{self, RunMethodRow};
use partnerbook_core::reports::performance::{self, By, PerformanceRow};
use partnerbook_core::reports::program::{self, ProgramReport};
use partnerbook_core::reports::refunds::{self, RefundRow};
use partnerbook_core::reports::tax_year::{self, TaxYear};
use partnerbook_core::reports::unattributed::{self, UnattributedSale};
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

/// The partner panel's Performance tab: twelve months ending with
/// `through` (the UI's current month), the balance, the payouts.
#[tauri::command(async)]
pub fn partner_performance_get(
    state: State<'_, AppState>,
    id: i64,
    through: String,
) -> AppResult<PartnerPerformance> {
    state.read(|b| Ok(partner_performance(b, id, &through)?))
}

/// The tax year: who was paid what in `year`, and who needs a 1099-NEC.
#[tauri::command(async)]
pub fn report_tax_year(state: State<'_, AppState>, year: i32) -> AppResult<TaxYear> {
    state.read(|b| Ok(tax_year::tax_year(b, year)?))
}

#[tauri::command(async)]
pub fn report_program(state: State<'_, AppState>, period: String) -> AppResult<ProgramReport> {
    state.read(|b| Ok(program::program(b, &period)?))
}

#[tauri::command(async)]
pub fn report_performance(
    state: State<'_, AppState>,
    by: By,
    from: String,
    to: String,
) -> AppResult<Vec<PerformanceRow>> {
    state.read(|b| Ok(performance::performance(b, by, &from, &to)?))
}

#[tauri::command(async)]
pub fn report_unattributed(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> AppResult<Vec<UnattributedSale>> {
    state.read(|b| Ok(unattributed::unattributed(b, &from, &to)?))
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
    tins: Option<Tins>,
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
            "partners" | "groups" => {
                let by = if report == "partners" { By::Partner } else { By::Group };
                let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
                let rows = performance::performance(b, by, &from, &to)?;
                let bytes = if pdf {
                    performance::to_pdf(b, by, &rows, &from, &to)?
                } else {
                    performance::to_csv(by, &rows)?
                };
                (bytes, rows.len())
            }
            "unattributed" => {
                let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
                let rows = unattributed::unattributed(b, &from, &to)?;
                let bytes = if pdf {
                    unattributed::to_pdf(b, &rows, &from, &to)?
                } else {
                    unattributed::to_csv(&rows)?
                };
                (bytes, rows.len())
            }
            // The year is `from` ("2026"): its 1099-NEC fields as CSV, or a summary PDF.
            "tax-year" => {
                let year: i32 = from
                    .as_deref()
                    .unwrap_or_default()
                    .parse()
                    .map_err(|_| BookError::invalid("from", "the tax year is a year like 2026"))?;
                let t = tax_year::tax_year(b, year)?;
                let bytes = if pdf {
                    tax_year::to_pdf(b, &t)?
                } else {
                    tax_year::to_csv(b.conn(), &t, tins.unwrap_or_default())?
                };
                (bytes, t.rows.len())
            }
            // The program report is a laid-out page, not a table: PDF only.
            "program" if pdf => {
                let period = from.unwrap_or_default();
                let r = program::program(b, &period)?;
                (program::render(&r, &Fonts::load()?), 1)
            }
            "program" => {
                return Err(BookError::invalid("path", "the program report is saved as a PDF").into())
            }
            other => {
                return Err(BookError::invalid(
                    "report",
                    format!("\"{other}\" is not a report: program, partners, groups, unattributed, payouts, refunds or tax-year"),
                )
                .into())
            }
        };
        partnerbook_core::files::write_atomically(&PathBuf::from(&path), &bytes)?;
        Ok(rows)
    })
}
