//! `whatif --plan FILE|--version ID --period YYYY-MM`: a past month under
//! other rules, beside what the book holds; nothing is written.

use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::commissions::{what_if, WhatIfPlan, WhatIfRequest};
use partnerbook_core::{plans, Book};
use std::path::PathBuf;

pub fn run(
    book: &Book,
    plan: Option<PathBuf>,
    version: Option<i64>,
    period: String,
    limit: usize,
    json: bool,
) -> CliResult {
    let plan = match (plan, version) {
        (Some(file), _) => WhatIfPlan::File {
            plan: plans::read_file(&file)?,
        },
        (None, Some(version_id)) => WhatIfPlan::Version { version_id },
        (None, None) => unreachable!("clap requires --plan or --version"),
    };
    let bar = Bar::new();
    let report = what_if(book, &WhatIfRequest { period, plan }, &bar)?;
    bar.finish();
    if json {
        output::json(&report);
        return Ok(());
    }
    println!(
        "What if {} had applied to {} in {}:",
        report.scenario, report.applies_to, report.period
    );
    let rows = report.changed.iter().take(limit).map(|r| {
        vec![
            r.partner_name.clone(),
            output::count(r.conversions),
            r.actual.to_string(),
            r.scenario.to_string(),
            signed(r.difference.minor, &r.difference.to_string()),
        ]
    });
    output::table(
        &["Partner", "Conversions", "Actual", "What-if", "Difference"],
        rows.collect(),
    );
    if report.changed.len() > limit {
        println!("… and {} more partners", report.changed.len() - limit);
    }
    println!(
        "{} conversions; {} partners change, {} stay the same. Total {} → {} ({}).",
        output::count(report.conversions),
        output::count(report.changed.len() as u64),
        output::count(report.unchanged),
        report.actual_total,
        report.scenario_total,
        signed(report.difference.minor, &report.difference.to_string()),
    );
    if report.held > 0 {
        println!(
            "{} lines could not be valued (no FX rate) and count nothing.",
            output::count(report.held)
        );
    }
    Ok(())
}

/// "+12.50 USD" for a gain, as Money prints a loss with its minus.
fn signed(minor: i64, text: &str) -> String {
    if minor > 0 {
        format!("+{text}")
    } else {
        text.to_string()
    }
}
