//! `mail settings|templates|queue-statements|send|outbox|resolve`.

use super::options;
use crate::args::{MailCommand, PasswordCommand, TemplatesCommand};
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::mail::keychain::{self, PasswordHome};
use partnerbook_core::mail::{self, settings, TlsMode};
use partnerbook_core::outbox::{
    self, announce, templates, AnnouncementInput, Audience, Decision, OutboxStatus,
};
use partnerbook_core::statements;
use partnerbook_core::{Book, BookError, ErrorExt};
use std::io::IsTerminal;
use std::path::Path;

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
                    BookError::invalid(
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
            let report = statements::queue_statements(book, run, &bar);
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
            run,
            limit,
            json,
        } => {
            let status = status
                .map(|s| {
                    OutboxStatus::parse(&s).ok_or_else(|| {
                        BookError::invalid(
                            "status",
                            format!("\"{s}\" is not one of {}", OutboxStatus::choices()),
                        )
                    })
                })
                .transpose()?;
            let rows = outbox::list(book, status, run, limit)?;
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
        MailCommand::Password(PasswordCommand::Set) => {
            let s = settings::get(book)?;
            let password = if std::io::stdin().is_terminal() {
                rpassword::prompt_password(format!("SMTP password for {} at {}: ", s.user, s.host))
                    .map_err(|e| BookError::io("cannot read the password", e))?
            } else {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .map_err(|e| BookError::io("cannot read the password", e))?;
                line.trim_end_matches(['\r', '\n']).to_string()
            };
            if password.is_empty() {
                return Err(BookError::invalid("password", "is empty").into());
            }
            match keychain::save(&s, &password) {
                PasswordHome::Keychain => println!("Password saved in the system keychain."),
                PasswordHome::Unavailable { reason } => {
                    return Err(BookError::invalid(
                        "password",
                        format!("no system keychain could take it ({reason}); set PARTNERBOOK_SMTP_PASSWORD when sending instead"),
                    )
                    .into())
                }
            }
        }
        MailCommand::Password(PasswordCommand::Forget) => {
            let s = settings::get(book)?;
            if keychain::forget(&s) {
                println!("Password removed from the system keychain.");
            } else {
                println!("No password was saved for {} at {}.", s.user, s.host);
            }
        }
        MailCommand::Announce {
            subject,
            text,
            html,
            group,
            tag,
            all,
        } => {
            let audience = match (group, tag, all) {
                (Some(g), _, _) => Audience::Group {
                    id: partnerbook_core::groups::find_id(book.conn(), &g)?
                        .ok_or_else(|| BookError::not_found(format!("group \"{g}\"")))?,
                },
                (_, Some(t), _) => Audience::Tag { name: t },
                (_, _, true) => Audience::All,
                _ => {
                    return Err(BookError::invalid(
                        "audience",
                        "say --group NAME, --tag NAME or --all",
                    )
                    .into())
                }
            };
            let input = AnnouncementInput {
                subject,
                text_body: read(&text)?,
                html_body: html.as_deref().map(read).transpose()?.unwrap_or_default(),
                audience,
            };
            let a = outbox::announce(book, &input, Actor::User)?;
            println!(
                "Announcement #{} queued for {} ({} partners); `partnerbook mail send` sends it.",
                a.id, a.audience_label, a.recipients
            );
        }
        MailCommand::Announcements { json } => {
            let list = announce::list(book)?;
            if json {
                output::json(&list);
            } else {
                for a in list {
                    println!(
                        "#{:<4} {}  {:<40} {} · {}/{} sent",
                        a.id,
                        &a.created_at[..10.min(a.created_at.len())],
                        a.subject,
                        a.audience_label,
                        a.sent,
                        a.recipients
                    );
                }
            }
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
                        BookError::invalid("decision", "say --sent, --retry or --cancel").into(),
                    )
                }
            };
            outbox::decide(book, id, decision, Actor::User)?;
            println!("Message #{id}: {decision:?}.");
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, BookError> {
    std::fs::read_to_string(path)
        .map_err(|e| BookError::io(format!("cannot read {}", path.display()), e))
}
