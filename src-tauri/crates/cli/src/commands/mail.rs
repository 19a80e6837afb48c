//! `mail settings|templates|queue-statements|send|outbox|resolve`.

use super::options;
use crate::args::{MailCommand, TemplatesCommand};
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::mail::{self, settings, templates, Decision, OutboxStatus, TlsMode};
use partnerbook_core::{Book, CoreError};

pub fn run(book: &mut Book, command: MailCommand) -> CliResult {
    match command {
        MailCommand::Settings {
            host,
            port,
            tls,
            user,
            from_name,
            from_email,
            json,
        } => {
            let mut s = settings::get(book)?;
            let changed = host.is_some()
                || port.is_some()
                || tls.is_some()
                || user.is_some()
                || from_name.is_some()
                || from_email.is_some();
            options::set(&mut s.host, host);
            options::set(&mut s.port, port);
            if let Some(t) = tls {
                s.tls = TlsMode::parse(&t).ok_or_else(|| {
                    CoreError::invalid(
                        "tls",
                        format!("\"{t}\" is not one of {}", TlsMode::choices()),
                    )
                })?;
            }
            options::set(&mut s.user, user);
            options::set(&mut s.from_name, from_name);
            options::set(&mut s.from_email, from_email);
            if changed {
                s = settings::set(book, &s, Actor::User)?;
            }
            if json {
                output::json(&s);
            } else {
                output::fields(&[
                    ("host", s.host),
                    ("port", s.port.to_string()),
                    ("tls", s.tls.as_str().to_string()),
                    ("user", s.user),
                    ("from", format!("{} <{}>", s.from_name, s.from_email)),
                ]);
            }
        }
        MailCommand::Templates(TemplatesCommand::List { json }) => {
            let all = templates::list(book)?;
            if json {
                output::json(&all);
            } else {
                output::table(
                    &["Template", "Subject"],
                    all.into_iter().map(|t| vec![t.name, t.subject]).collect(),
                );
            }
        }
        MailCommand::Templates(TemplatesCommand::Show { name, json }) => {
            let t = templates::get(book, &name)?;
            if json {
                output::json(&t);
            } else {
                println!("Subject: {}\n\n{}\n", t.subject, t.text_body);
                if !t.html_body.is_empty() {
                    println!("--- HTML ---\n{}\n", t.html_body);
                }
                println!("Placeholders: {}", t.placeholders.join(" "));
            }
        }
        MailCommand::Templates(TemplatesCommand::Set {
            name,
            subject,
            text,
            html,
        }) => {
            let t = templates::get(book, &name)?;
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p)
                    .map_err(|e| CoreError::io(format!("cannot read {}", p.display()), e))
            };
            let text = text
                .as_deref()
                .map(read)
                .transpose()?
                .unwrap_or(t.text_body);
            let html = html
                .as_deref()
                .map(read)
                .transpose()?
                .unwrap_or(t.html_body);
            let saved = templates::set(
                book,
                &name,
                subject.as_deref().unwrap_or(&t.subject),
                &text,
                &html,
            )?;
            println!("Template {} saved.", saved.name);
        }
        MailCommand::QueueStatements { run } => {
            let bar = Bar::new();
            let report = mail::queue_statements(book, run, &bar);
            bar.finish();
            let report = report?;
            println!(
                "{} statements queued ({} were already in the outbox).",
                report.queued, report.already
            );
        }
        MailCommand::Send { limit, json } => {
            let password = std::env::var("PARTNERBOOK_SMTP_PASSWORD").ok();
            let bar = Bar::new();
            let report = mail::send_due(book, password.as_deref(), limit, &bar);
            bar.finish();
            let report = report?;
            if json {
                output::json(&report);
            } else {
                println!(
                    "{} sent, {} failed, {} to try again later{}",
                    report.sent,
                    report.failed,
                    report.deferred,
                    if report.unknown > 0 {
                        format!(
                            "; {} found mid-send after a stop: see `mail outbox --status unknown`",
                            report.unknown
                        )
                    } else {
                        String::new()
                    }
                );
            }
        }
        MailCommand::Outbox {
            status,
            limit,
            json,
        } => {
            let status = status
                .map(|s| {
                    OutboxStatus::parse(&s).ok_or_else(|| {
                        CoreError::invalid(
                            "status",
                            format!("\"{s}\" is not one of {}", OutboxStatus::choices()),
                        )
                    })
                })
                .transpose()?;
            let rows = mail::list(book, status, limit)?;
            if json {
                output::json(&rows);
                return Ok(());
            }
            output::table(
                &["#", "To", "Subject", "Status", "Tries", "Server said"],
                rows.into_iter()
                    .map(|m| {
                        vec![
                            m.id.to_string(),
                            m.to_email,
                            m.subject,
                            m.status.as_str().to_string(),
                            m.attempts.to_string(),
                            m.last_reply.unwrap_or_default(),
                        ]
                    })
                    .collect(),
            );
        }
        MailCommand::Resolve {
            id,
            sent,
            retry,
            cancel,
        } => {
            let decision = match (sent, retry, cancel) {
                (true, _, _) => Decision::MarkSent,
                (_, true, _) => Decision::Retry,
                (_, _, true) => Decision::Cancel,
                _ => {
                    return Err(
                        CoreError::invalid("decision", "say --sent, --retry or --cancel").into(),
                    )
                }
            };
            mail::decide(book, id, decision, Actor::User)?;
            println!("Message #{id}: {decision:?}.");
        }
    }
    Ok(())
}
