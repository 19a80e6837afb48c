//! `init`, `demo` and `check`: whole-book commands.

use crate::args::BackupCommand;
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::backups;
use partnerbook_core::demo::{self, DemoOptions};
use partnerbook_core::settings::NewProgram;
use partnerbook_core::{Book, BookError, ErrorExt};
use std::path::Path;

pub fn init(path: &Path, name: &str, currency: &str) -> CliResult {
    let program = NewProgram {
        program_name: name.to_string(),
        base_currency: currency.to_string(),
    };
    let book = partnerbook_core::plans::default::create_book(path, &program)?;
    let info = book.info()?;
    println!(
        "Created {} ({}, {})",
        path.display(),
        info.program_name,
        info.base_currency
    );
    Ok(())
}

pub fn demo(path: &Path, partners: u32, seed: u64, earnings: bool) -> CliResult {
    let bar = Bar::new();
    let book = demo::create(
        path,
        &DemoOptions {
            partners,
            seed,
            earnings,
        },
        &bar,
    )?;
    bar.finish();
    let info = book.info()?;
    println!(
        "Created demo book {} with {} partners",
        path.display(),
        output::count(info.partner_count)
    );
    Ok(())
}

/// The file's integrity, the rules the book enforces on itself (triggers,
/// payouts), every approved run against its fingerprint, and the home
/// screen's totals against the sales and lines they sum (seconds on a big
/// book, so here and not in the app's check on open); exits 1 when
/// anything fails, naming it.
pub fn check(book: &Book, json: bool) -> CliResult {
    let info = book.info()?;
    let mut health = partnerbook_core::health::check(book)?;
    let drift = partnerbook_core::totals::drift(book.conn())?;
    if let Some(first) = drift.first() {
        health.problems.push(format!(
            "{} rows of the totals no longer add up to the sales and lines they sum, first {first}",
            drift.len()
        ));
    }
    let (integrity, problems) = (&health.integrity, &health.problems);
    if json {
        output::json(
            &serde_json::json!({ "book": info, "integrity": integrity, "problems": problems }),
        );
    } else {
        output::fields(&[
            ("book", info.path),
            ("program", info.program_name),
            ("schema", info.schema_version.to_string()),
            ("partners", output::count(info.partner_count)),
            ("integrity", integrity.join("; ")),
            (
                "rules",
                if problems.is_empty() {
                    "ok: triggers as made, totals add up, every approved run matches its fingerprint, every stored file its hash".into()
                } else {
                    problems.join("; ")
                },
            ),
        ]);
    }
    if health.ok() {
        Ok(())
    } else {
        Err(BookError::invalid("book", "the check found problems (listed above)").into())
    }
}

pub fn backup(book: &mut Book, command: BackupCommand) -> CliResult {
    match command {
        BackupCommand::List { json } => {
            let list = backups::list(book.path())?;
            if json {
                output::json(&list);
                return Ok(());
            }
            output::table(
                &["Made", "Why", "Size", "File"],
                list.iter()
                    .map(|b| {
                        vec![
                            b.created_at.clone(),
                            b.reason.clone(),
                            format!("{} KB", b.bytes.div_ceil(1024)),
                            b.path.clone(),
                        ]
                    })
                    .collect(),
            );
        }
        BackupCommand::Create => {
            let b = backups::create(book, "by-hand")?;
            println!("Backed up to {}", b.path);
        }
        BackupCommand::Restore { file } => {
            let before = backups::restore(book, &file)?;
            println!(
                "Restored {}; the book as it was is in {}",
                file.display(),
                before.path
            );
        }
    }
    Ok(())
}
