//! `partnerbook`: the command-line program over Partnerbook's core. Exit
//! codes: 0 success, 1 bad input or failure (one line on stderr), 2 usage.

mod args;
mod bar;
mod commands;
mod error;
mod output;

use args::{BenchCommand, Cli, Command};
use clap::Parser;
use error::{CliError, CliResult};
use partnerbook_core::Book;
use std::path::PathBuf;

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("error: {e}");
        std::process::exit(e.exit_code());
    }
}

fn run(cli: Cli) -> CliResult {
    match cli.command {
        Command::Init {
            path,
            name,
            currency,
        } => commands::book::init(&path, &name, &currency),
        Command::Demo {
            path,
            partners,
            seed,
            partners_only,
        } => commands::book::demo(&path, partners, seed, !partners_only),
        Command::Partners(c) => commands::partners::run(&mut open(cli.book)?, c),
        Command::Groups(c) => commands::groups::run(&mut open(cli.book)?, c),
        Command::Settings(c) => commands::settings::run(&mut open(cli.book)?, c),
        Command::Check { json } => commands::book::check(&open(cli.book)?, json),
        Command::Import(c) => commands::conversions::import(&mut open(cli.book)?, c),
        Command::Conversions(c) => commands::conversions::run(&open(cli.book)?, c),
        Command::Plans(c) => commands::plans::run(&mut open(cli.book)?, c),
        Command::Commissions(c) => commands::commissions::run(&mut open(cli.book)?, c),
        Command::Fx(args::FxCommand::Import { file }) => {
            commands::commissions::fx_import(&mut open(cli.book)?, &file)
        }
        Command::Payout(c) => commands::payouts::run(&mut open(cli.book)?, c),
        Command::Mail(c) => commands::mail::run(&mut open(cli.book)?, c),
        Command::Applications(c) => commands::applications::run(&mut open(cli.book)?, c),
        Command::Onboarding(c) => commands::onboarding::run(&mut open(cli.book)?, c),
        Command::Assets(c) => commands::assets::run(&mut open(cli.book)?, c),
        Command::Kit(c) => commands::assets::kit(&mut open(cli.book)?, c),
        Command::Terms(c) => commands::onboarding::terms(&mut open(cli.book)?, c),
        Command::Report(args::ReportCommand::Program { period, out, json }) => {
            commands::statements::program_report(&open(cli.book)?, &period, &out, json)
        }
        Command::Statements { run, out, json } => {
            commands::statements::write(&open(cli.book)?, run, &out, json)
        }
        Command::Whatif {
            plan,
            version,
            period,
            limit,
            json,
        } => commands::whatif::run(&open(cli.book)?, plan, version, period, limit, json),
        Command::Bench(BenchCommand::Search {
            queries,
            emit_sql,
            json,
        }) => commands::bench::search(&open(cli.book)?, queries, emit_sql.as_deref(), json),
        Command::Bench(BenchCommand::Import { rows, json }) => commands::bench::import(rows, json),
        Command::Bench(BenchCommand::Payouts {
            commissions,
            partners,
            json,
        }) => commands::bench_payouts::payouts(commissions, partners, json),
        Command::Bench(BenchCommand::Assets {
            images,
            partners,
            json,
        }) => commands::bench_assets::assets(images, partners, json),
        Command::Bench(BenchCommand::Screening {
            applications,
            partners,
            json,
        }) => commands::bench_screening::screening(applications, partners, json),
        Command::Bench(BenchCommand::Mail { count, json }) => {
            commands::bench_mail::mail(count, json)
        }
        Command::Bench(BenchCommand::Statements {
            count,
            chromium,
            json,
        }) => commands::bench_statements::statements(count, chromium, json),
        Command::Bench(BenchCommand::Conversions {
            rows,
            partners,
            json,
        }) => commands::bench_conversions::conversions(rows, partners, json),
    }
}

fn open(book: Option<PathBuf>) -> CliResult<Book> {
    let path = book.ok_or_else(|| {
        CliError::Usage("which book? Give --book PATH or set PARTNERBOOK_BOOK".into())
    })?;
    Ok(Book::open(&path)?)
}
