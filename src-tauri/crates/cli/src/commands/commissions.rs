//! `commissions list|explain|compute|approve-due|decline` and `fx import`.

use super::options;
use crate::args::CommissionsCommand;
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::commissions::{self, CommissionQuery, CommissionState, EngineReport};
use partnerbook_core::{import, Book};
use std::path::Path;

pub fn run(book: &mut Book, command: CommissionsCommand) -> CliResult {
    match command {
        CommissionsCommand::List {
            partner,
            state,
            held,
            from,
            to,
            limit,
            json,
        } => {
            let partner_id = options::partner_id(book, partner)?;
            let states = options::parse_all(
                &state,
                "state",
                "a commission state",
                CommissionState::parse,
            )?;
            let page = commissions::list(
                book,
                &CommissionQuery {
                    partner_id,
                    states,
                    held: Some(held),
                    from,
                    to,
                    offset: 0,
                    limit,
                },
            )?;
            if json {
                output::json(&page);
                return Ok(());
            }
            let rows = page.rows.into_iter().map(|c| {
                vec![
                    c.id.to_string(),
                    c.occurred_at
                        .map(|d| d.chars().take(10).collect())
                        .unwrap_or_default(),
                    c.partner_name,
                    c.kind.replace('_', "-"),
                    c.amount
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| "held".into()),
                    c.state.as_str().replace('_', " "),
                    c.due_on,
                ]
            });
            output::table(
                &["ID", "Date", "Partner", "Kind", "Amount", "State", "Due"],
                rows.collect(),
            );
            let sum = page.sum.map(|m| m.to_string()).unwrap_or_default();
            println!("{} commissions, {sum} in all", output::count(page.total));
        }
        CommissionsCommand::Explain { id } => println!("{}", commissions::explain(book, id)?),
        CommissionsCommand::Compute { json } => {
            let bar = Bar::new();
            let report = commissions::run(book, &bar)?;
            bar.finish();
            print_engine(&report, json);
        }
        CommissionsCommand::ApproveDue { as_of } => {
            let day = as_of.unwrap_or_else(|| partnerbook_core::time::today().to_string());
            let due = commissions::approve_due(book, &day, Actor::User)?;
            println!(
                "Approved {} commission lines due by {day}: {}",
                output::count(due.count),
                output::totals(&due.totals)
            );
        }
        CommissionsCommand::Decline { id, reason } => {
            let c = commissions::decline(book, id, &reason, Actor::User)?;
            println!("Declined commission {} of {}", c.id, c.partner_name);
        }
    }
    Ok(())
}

pub fn fx_import(book: &mut Book, file: &Path, dry_run: bool) -> CliResult {
    let bar = Bar::new();
    let (rates, engine) = import::fx_rates_with(book, file, dry_run, &bar)?;
    bar.finish();
    println!(
        "{} {} rates over {} days",
        if dry_run {
            "Would import (nothing is written)"
        } else {
            "Imported"
        },
        output::count(rates.rates),
        output::count(rates.days)
    );
    if !rates.skipped_currencies.is_empty() {
        println!(
            "Skipped the columns of currencies that no longer exist: {}",
            rates.skipped_currencies.join(", ")
        );
    }
    if engine.conversions > 0 && dry_run {
        println!(
            "Would compute {} conversions that waited for a rate: {} commission lines",
            output::count(engine.conversions),
            output::count(engine.lines)
        );
    } else if engine.conversions > 0 {
        print_engine(&engine, false);
    }
    Ok(())
}

fn print_engine(r: &EngineReport, json: bool) {
    if json {
        output::json(r);
    } else {
        println!(
            "Computed {} conversions: {} lines, {} still held, {} reversals, {} clawbacks, {} bonuses, {} month adjustments; worth {}",
            output::count(r.conversions),
            output::count(r.lines),
            r.held,
            r.reversals,
            r.clawbacks,
            r.bonuses,
            r.adjustments,
            output::totals(r.net.as_slice())
        );
    }
}
