//! Reports for the manager. The program report (a month's sales, refunds,
//! commissions, payouts and top partners), a run's transfers to make by
//! hand, payouts by run and method, refunds and clawbacks, partner and
//! group performance, and unattributed sales; each as rows, CSV and a PDF
//! table.

pub mod by_hand;
pub mod month_end;
pub mod partner;
pub mod payouts_by_method;
pub mod performance;
pub mod program;
pub mod refunds;
pub mod table_pdf;
pub mod tax_year;
pub mod unattributed;

pub use program::{ProgramReport, TopPartner};

use crate::error::{DocumentError, ErrorExt, Result};

/// A report's rows as CSV bytes under `header`: what every report's "Save
/// as CSV" writes (cells already made spreadsheet-safe by the report).
pub(crate) fn csv_bytes(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>> {
    let failed = |e: csv::Error| {
        DocumentError::io(
            "cannot write the report",
            std::io::Error::other(e.to_string()),
        )
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(failed)?;
    for row in rows {
        w.write_record(row).map_err(failed)?;
    }
    w.into_inner()
        .map_err(|e| DocumentError::io("cannot write the report", e.into_error()))
}
