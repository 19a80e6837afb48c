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
use partnerbook_core::reports::performance::By;
use partnerbook_core::Book;
use std::path::PathBuf;

fn main() {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("error: {e}");
        std::process::exit(e.exit_code());
    }
}

/// `partnerbook payout list --json | head` ends quietly when `head` stops
/// reading, as Unix tools do: Rust ignores SIGPIPE, so every print to the
/// closed pipe would panic instead. The book is transactional, so ending
/// here never leaves half a change.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread starts; only restores
    // the signal's default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
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
        Command::Partners(c) => edit(cli.book, |b| commands::partners::run(b, c)),
        Command::Groups(c) => edit(cli.book, |b| commands::groups::run(b, c)),
        Command::Settings(c) => edit(cli.book, |b| commands::settings::run(b, c)),
        Command::Check { json } => commands::book::check(&open(cli.book)?, json),
        Command::Backup(c) => commands::book::backup(&mut open(cli.book)?, c),
        Command::Import(c) => edit(cli.book, |b| commands::conversions::import(b, c)),
        Command::Conversions(c) => commands::conversions::run(&open(cli.book)?, c),
        Command::Plans(c) => edit(cli.book, |b| commands::plans::run(b, c)),
        Command::Commissions(c) => edit(cli.book, |b| commands::commissions::run(b, c)),
        Command::Fx(args::FxCommand::Import { file, dry_run }) => edit(cli.book, |b| {
            commands::commissions::fx_import(b, &file, dry_run)
        }),
        Command::Payout(c) => edit(cli.book, |b| commands::payouts::run(b, c)),
        Command::Risk(c) => edit(cli.book, |b| commands::risk::run(b, c)),
        Command::Sync(c) => edit(cli.book, |b| commands::sync::run(b, c)),
        Command::Mail(c) => edit(cli.book, |b| commands::mail::run(b, c)),
        Command::Applications(c) => edit(cli.book, |b| commands::applications::run(b, c)),
        Command::Onboarding(c) => edit(cli.book, |b| commands::onboarding::run(b, c)),
        Command::Assets(c) => edit(cli.book, |b| commands::assets::run(b, c)),
        Command::Kit(c) => edit(cli.book, |b| commands::assets::kit(b, c)),
        Command::Terms(c) => edit(cli.book, |b| commands::onboarding::terms(b, c)),
        Command::Report(args::ReportCommand::TaxYear {
            year,
            out,
            full_tins,
            json,
        }) => {
            let tins = partnerbook_core::partners::tin::Tins::whole_if(full_tins);
            commands::statements::tax_year_report(&open(cli.book)?, year, out, tins, json)
        }
        Command::Report(args::ReportCommand::Home { from, to, json }) => {
            commands::home::run(&open(cli.book)?, &from, &to, json)
        }
        Command::Report(args::ReportCommand::Program { period, out, json }) => {
            commands::statements::program_report(&open(cli.book)?, &period, &out, json)
        }
        Command::Report(args::ReportCommand::ByHand { run, out }) => {
            commands::statements::by_hand(&open(cli.book)?, run, &out)
        }
        Command::Report(args::ReportCommand::Payouts {
            from,
            to,
            out,
            json,
        }) => commands::statements::payouts_report(&open(cli.book)?, from, to, out, json),
        Command::Report(args::ReportCommand::Refunds {
            from,
            to,
            out,
            json,
        }) => commands::statements::refunds_report(&open(cli.book)?, &from, &to, out, json),
        Command::Report(args::ReportCommand::Partners(a)) => {
            commands::statements::performance_report(&open(cli.book)?, By::Partner, a)
        }
        Command::Report(args::ReportCommand::Groups(a)) => {
            commands::statements::performance_report(&open(cli.book)?, By::Group, a)
        }
        Command::Report(args::ReportCommand::Unattributed(a)) => {
            commands::statements::unattributed_report(&open(cli.book)?, a)
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
        Command::Bench(BenchCommand::Home { runs, json }) => {
            commands::bench_home::run(&open(cli.book)?, runs, json)
        }
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
        Command::Bench(BenchCommand::Risk {
            rows,
            partners,
            more,
            json,
        }) => commands::bench_risk::risk(rows, partners, more, json),
        Command::Bench(BenchCommand::Conversions {
            rows,
            partners,
            json,
        }) => commands::bench_conversions::conversions(rows, partners, json),
    }
}

/// Runs a command that may change the book; a draft payout run then
/// follows any partner whose payout facts changed (payouts::refresh_draft).
fn edit(book: Option<PathBuf>, command: impl FnOnce(&mut Book) -> CliResult) -> CliResult {
    let mut book = open(book)?;
    command(&mut book)?;
    partnerbook_core::payouts::refresh_draft(&mut book, partnerbook_core::audit::Actor::User)?;
    Ok(())
}

fn open(book: Option<PathBuf>) -> CliResult<Book> {
    let path = book.ok_or_else(|| {
        CliError::Usage("which book? Give --book PATH or set PARTNERBOOK_BOOK".into())
    })?;
    Ok(Book::open(&path)?)
}
