//! `sync partnerstack|rewardful|keys|status|conflicts|compare|remove`.

use crate::args::sync::SyncArgs;
use crate::args::SyncCommand;
use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::screened_sync;
use partnerbook_core::sync::{
    compare, connections, keys, mark_paid, push, report, state, Connection, Keys, PlatformName,
    Resource, SyncOptions,
};
use partnerbook_core::{Book, BookError, ErrorExt};
use std::io::{BufRead, IsTerminal};
use std::time::Duration;

pub fn run(book: &mut Book, command: SyncCommand) -> CliResult {
    match command {
        SyncCommand::Partnerstack(a) => pull(book, PlatformName::Partnerstack, a),
        SyncCommand::Rewardful(a) => pull(book, PlatformName::Rewardful, a),
        SyncCommand::Keys { name } => save_keys(book, &name),
        SyncCommand::Status { json } => status(book, json),
        SyncCommand::Conflicts { connection, json } => {
            let id = connection
                .map(|n| connections::find(book.conn(), &n).map(|c| c.id))
                .transpose()?;
            let list = state::conflicts(book.conn(), id)?;
            if json {
                output::json(&list);
            } else if list.is_empty() {
                println!("No conflicts.");
            } else {
                let rows = list
                    .iter()
                    .map(|c| {
                        vec![
                            c.at.chars().take(10).collect(),
                            c.connection.clone(),
                            format!("{} {}", c.resource.as_str(), c.remote_key),
                            c.field.clone(),
                            c.ours.clone(),
                            c.theirs.clone(),
                            c.kept.clone(),
                        ]
                    })
                    .collect();
                output::table(
                    &[
                        "Met",
                        "Connection",
                        "Record",
                        "Field",
                        "Here",
                        "Platform",
                        "Kept",
                    ],
                    rows,
                );
            }
            Ok(())
        }
        SyncCommand::Compare {
            period,
            connection,
            json,
        } => {
            let name = match connection {
                Some(n) => n,
                None => only_connection(book)?.name,
            };
            let c = compare::compare(book.conn(), &name, &period)?;
            if json {
                output::json(&c);
                return Ok(());
            }
            println!(
                "{}, {}: {} partners agree, {} differ.",
                c.connection,
                c.period,
                c.agreeing,
                c.differing.len()
            );
            for row in &c.differing {
                println!(
                    "\n{}: platform {}, ours {}, difference {}",
                    row.partner, row.platform, row.ours, row.difference
                );
                for r in &row.reasons {
                    println!("  - {r}");
                }
            }
            Ok(())
        }
        SyncCommand::MarkPaid {
            run,
            connection,
            dry_run,
            json,
        } => {
            let c = match connection {
                Some(n) => connections::find(book.conn(), &n)?,
                None => only_connection(book)?,
            };
            let keys = keys_for(&c)?;
            let options = SyncOptions {
                dry_run,
                ..SyncOptions::default()
            };
            let bar = Bar::new();
            let result = mark_paid::mark_paid(book, &c.name, &keys, run, &options, &bar);
            bar.finish();
            let report = result?;
            if json {
                output::json(&report);
                return Ok(());
            }
            let verb = if dry_run { "Would mark" } else { "Marked" };
            println!("{verb} {} Rewardful payouts paid.", report.marked.len());
            for m in &report.marked {
                println!("  {}: {} ({})", m.partner, m.amount, m.remote_key);
            }
            if !report.not_marked.is_empty() {
                println!("Not marked:");
                for (partner, why) in &report.not_marked {
                    println!("  {partner}: {why}");
                }
            }
            Ok(())
        }
        SyncCommand::Remove { name } => {
            let c = connections::find(book.conn(), &name)?;
            connections::remove(book, &name)?;
            let had_keys = keys::forget(&c);
            println!(
                "Removed connection \"{}\"{}. What it brought in stays in the book.",
                c.name,
                if had_keys { " and its saved keys" } else { "" }
            );
            Ok(())
        }
    }
}

fn only_connection(book: &Book) -> CliResult<Connection> {
    let mut list = connections::list(book.conn())?;
    match list.len() {
        1 => Ok(list.remove(0)),
        0 => Err(CliError::Usage(
            "this book has no sync connection yet".into(),
        )),
        _ => Err(CliError::Usage(
            "this book has more than one connection: say which with --connection".into(),
        )),
    }
}

/// The connection for a sync: made on first use, pointed at --base-url.
fn connection(book: &mut Book, platform: PlatformName, a: &SyncArgs) -> CliResult<Connection> {
    let name = a
        .name
        .clone()
        .unwrap_or_else(|| platform.as_str().to_string());
    let c = match connections::find(book.conn(), &name) {
        Ok(c) => c,
        Err(e) if e.to_string().contains("not found") => {
            connections::add(book, &name, platform, a.base_url.as_deref())?
        }
        Err(e) => return Err(e.into()),
    };
    if c.platform != platform {
        return Err(CliError::Usage(format!(
            "connection \"{}\" is a {} connection",
            c.name,
            c.platform.title()
        )));
    }
    Ok(match &a.base_url {
        Some(url) => connections::set_base_url(book, &c.name, url)?,
        None => c,
    })
}

fn keys_for(c: &Connection) -> CliResult<Keys> {
    keys::find(c).ok_or_else(|| {
        CliError::Usage(format!(
            "no keys for connection \"{}\": run `partnerbook sync keys {}` to save them in the keychain, or set {}",
            c.name,
            c.name,
            keys::env_names(c.platform).join(" and ")
        ))
    })
}

fn pull(book: &mut Book, platform: PlatformName, a: SyncArgs) -> CliResult {
    let c = connection(book, platform, &a)?;
    let keys = keys_for(&c)?;
    let resources = a
        .resources
        .iter()
        .map(|r| {
            Resource::parse(r).ok_or_else(|| {
                CliError::Usage(format!(
                    "--resources {r}: say groups, partners, customers, transactions, rewards, leads or deals"
                ))
            })
        })
        .collect::<CliResult<Vec<_>>>()?;
    let options = SyncOptions {
        dry_run: a.dry_run,
        resources,
        min_gap: match a.rate {
            Some(0) => return Err(CliError::Usage("--rate must be at least 1".into())),
            Some(r) => Duration::from_secs(1) / r,
            None => Duration::ZERO,
        },
        page_size: a.page_size.clamp(1, 250),
        ..SyncOptions::default()
    };
    let bar = Bar::new();
    let result = screened_sync::sync(book, &c.name, &keys, &options, &bar);
    bar.finish();
    let report = result?;
    if a.json {
        let pushed = if a.push {
            Some(push::push(
                book,
                &c.name,
                &keys,
                &options,
                &partnerbook_core::progress::Quiet,
            )?)
        } else {
            None
        };
        output::json(&serde_json::json!({ "sync": report, "push": pushed }));
        return Ok(());
    }
    let s = &report.sync;
    let rows = s
        .resources
        .iter()
        .map(|r| {
            vec![
                r.resource.map(|x| x.as_str()).unwrap_or("").to_string(),
                output::count(r.pages),
                output::count(r.added),
                output::count(r.changed),
                output::count(r.unchanged),
                output::count(r.skipped.values().sum()),
                output::count(r.conflicts),
            ]
        })
        .collect();
    output::table(
        &[
            "Resource",
            "Pages",
            "Added",
            "Changed",
            "Unchanged",
            "Skipped",
            "Conflicts",
        ],
        rows,
    );
    for r in &s.resources {
        for (why, n) in &r.skipped {
            let what = r.resource.map(|x| x.as_str()).unwrap_or("");
            if *n == 0 {
                println!("{what}: {why}");
            } else {
                println!("Skipped {n} {what}: {why}");
            }
        }
    }
    println!(
        "{}{} requests, {:.1} s waiting on the platform's limits.",
        if s.dry_run {
            "Dry run: nothing was written. "
        } else {
            ""
        },
        output::count(s.requests),
        s.waited_ms as f64 / 1000.0
    );
    if let Some(risk) = &report.risk {
        let raised = risk.total();
        if raised > 0 {
            println!(
                "Risk checks raised {raised} flags on the new sales ({} hold commissions): see `partnerbook risk list`.",
                risk.holding
            );
        }
    }
    if s.resources.iter().any(|r| r.conflicts > 0) {
        println!("Conflicts were met: see `partnerbook sync conflicts`.");
    }
    if a.push {
        let bar = Bar::new();
        let pushed = push::push(book, &c.name, &keys, &options, &bar);
        bar.finish();
        let pushed = pushed?;
        let verb = if pushed.dry_run {
            "Would push"
        } else {
            "Pushed"
        };
        println!(
            "{verb} {} partners, {} customers, {} sales and refunds.",
            pushed.partners.created, pushed.customers.created, pushed.transactions.created
        );
        for (what, count) in [
            ("partners", &pushed.partners),
            ("customers", &pushed.customers),
            ("sales", &pushed.transactions),
        ] {
            for (why, n) in &count.refused {
                println!("The platform refused {n} {what}: {why}");
            }
        }
    }
    Ok(())
}

fn save_keys(book: &mut Book, name: &str) -> CliResult {
    let c = connections::find(book.conn(), name)?;
    let ask = |prompt: &str| -> CliResult<String> {
        let text = if std::io::stdin().is_terminal() {
            rpassword::prompt_password(prompt)
                .map_err(|e| BookError::io("cannot read the key", e))?
        } else {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| BookError::io("cannot read the key", e))?;
            line
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(BookError::invalid("key", "no key was given").into());
        }
        Ok(text)
    };
    let keys = match c.platform {
        PlatformName::Partnerstack => Keys {
            user: ask("PartnerStack public key: ")?,
            password: Some(ask("PartnerStack secret key: ")?),
        },
        PlatformName::Rewardful => Keys {
            user: ask("Rewardful API secret: ")?,
            password: None,
        },
    };
    match keys::save(&c, &keys) {
        keys::KeysHome::Keychain => println!("Saved the keys of \"{}\" in the keychain.", c.name),
        keys::KeysHome::Unavailable { reason } => {
            return Err(CliError::Usage(format!(
                "no keychain could keep the keys ({reason}); set {} instead",
                keys::env_names(c.platform).join(" and ")
            )))
        }
    }
    Ok(())
}

fn status(book: &Book, json: bool) -> CliResult {
    let list = connections::list(book.conn())?;
    let mut all = Vec::new();
    for c in &list {
        all.push((c.clone(), report::status(book.conn(), c.id)?));
    }
    if json {
        let value: Vec<_> = all
            .iter()
            .map(|(c, s)| serde_json::json!({ "connection": c, "resources": s, "keys": keys::find(c).is_some() }))
            .collect();
        output::json(&value);
        return Ok(());
    }
    if list.is_empty() {
        println!("No connections. Start one with `partnerbook sync partnerstack --base-url URL`.");
        return Ok(());
    }
    for (c, resources) in all {
        println!("{} ({}, {})", c.name, c.platform.title(), c.base_url);
        let rows = resources
            .iter()
            .map(|s| {
                vec![
                    s.resource.as_str().to_string(),
                    s.synced_to.clone().unwrap_or_else(|| "-".into()),
                    s.last_finished.clone().unwrap_or_else(|| "never".into()),
                    if s.interrupted {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    output::count(s.mapped),
                    s.last_error.clone(),
                ]
            })
            .collect();
        output::table(
            &[
                "Resource",
                "Synced to",
                "Last finished",
                "Interrupted",
                "Records",
                "Last error",
            ],
            rows,
        );
    }
    Ok(())
}
