//! `risk scan|list|clear|decline|settings`.

use super::options;
use crate::args::RiskCommand;
use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::money::{Currency, Money};
use partnerbook_core::risk::{self, settings, FlagQuery, FlagStatus, ScanReport};
use partnerbook_core::Book;

pub fn run(book: &mut Book, command: RiskCommand) -> CliResult {
    match command {
        RiskCommand::Scan { json } => {
            let bar = Bar::new();
            let report = risk::scan(book, Actor::User, &bar)?;
            bar.finish();
            if json {
                output::json(&report);
            } else {
                print_scan(&report);
            }
        }
        RiskCommand::List {
            status,
            partner,
            check,
            limit,
            json,
        } => {
            let status = match status.as_str() {
                "all" => None,
                s => Some(FlagStatus::parse(s).ok_or_else(|| {
                    CliError::Usage(format!("--status {s}: say open, cleared, declined or all"))
                })?),
            };
            let check = check
                .map(|c| {
                    risk::Check::parse(&c).ok_or_else(|| {
                        CliError::Usage(format!("--check {c}: not a check; see `risk settings`"))
                    })
                })
                .transpose()?;
            let query = FlagQuery {
                status,
                partner_id: options::partner_id(book, partner)?,
                check,
                limit: Some(limit),
                offset: None,
            };
            let page = risk::list(book, &query)?;
            if json {
                output::json(&page);
                return Ok(());
            }
            let rows = page
                .rows
                .iter()
                .map(|f| {
                    let covered = Currency::from_code(&f.currency)
                        .map(|c| Money::new(f.covered_minor, c).to_string())
                        .unwrap_or_default();
                    vec![
                        f.id.to_string(),
                        f.partner_name.clone(),
                        f.check.title().into(),
                        if f.hold && f.status == FlagStatus::Open {
                            "held".into()
                        } else {
                            f.status.as_str().into()
                        },
                        f.flagged_on.clone(),
                        covered,
                        f.evidence.clone(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "id", "partner", "check", "status", "on", "covers", "evidence",
                ],
                rows,
            );
            println!("{} flags", output::count(page.total));
        }
        RiskCommand::Clear { ids, reason } => {
            let n = risk::clear(book, &ids, &reason, Actor::User)?;
            println!(
                "Cleared {} flags: what they held follows its normal dates",
                output::count(n)
            );
        }
        RiskCommand::Decline { ids, reason } => {
            let r = risk::decline(book, &ids, &reason, Actor::User)?;
            let currency = partnerbook_core::settings::get(book.conn())?.base_currency;
            println!(
                "Declined {} flags: {} commission lines worth {}",
                output::count(r.flags),
                output::count(r.commissions),
                Money::new(r.amount_minor, currency)
            );
            if r.in_runs > 0 {
                println!(
                    "{} lines are in a payout run and were left alone: discard the draft run, then decline again",
                    output::count(r.in_runs)
                );
            }
        }
        RiskCommand::Settings { changes, json } => {
            let all = if changes.is_empty() {
                settings::get(book.conn())?
            } else {
                let parsed = changes
                    .iter()
                    .map(|c| settings::parse_change(c))
                    .collect::<Result<Vec<_>, _>>()?;
                settings::set(book, &parsed, Actor::User)?
            };
            if json {
                output::json(&all);
                return Ok(());
            }
            let rows = all
                .iter()
                .map(|s| {
                    vec![
                        s.check.as_str().into(),
                        s.title.clone(),
                        s.severity.as_str().into(),
                        s.action.as_str().into(),
                        if s.action == s.default_action {
                            String::new()
                        } else {
                            format!("(default {})", s.default_action.as_str())
                        },
                    ]
                })
                .collect();
            output::table(&["check", "what", "severity", "does", ""], rows);
        }
    }
    Ok(())
}

/// One line per check that raised something; or that nothing was found.
pub fn print_scan(report: &ScanReport) {
    if report.total() == 0 && report.closed == 0 {
        println!("Risk checks: nothing new");
        return;
    }
    let parts: Vec<String> = report
        .raised
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                output::count(c.count),
                c.check.title().to_lowercase()
            )
        })
        .collect();
    println!(
        "Risk checks: {} new flags ({}); {} hold commissions until cleared — see `partnerbook risk list`",
        output::count(report.total()),
        parts.join(", "),
        output::count(report.holding)
    );
    if report.closed > 0 {
        println!(
            "{} flags closed: the account is no longer shared",
            output::count(report.closed)
        );
    }
}
