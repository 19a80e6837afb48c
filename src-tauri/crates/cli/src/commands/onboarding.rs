//! `onboarding list|set|remind` and `terms publish|list`.

use crate::args::{OnboardingCommand, TermsCommand};
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::onboarding::{self, terms, OnboardingChange};
use partnerbook_core::outbox::reminders as remind;
use partnerbook_core::partners::{self, TaxStatus};
use partnerbook_core::{Book, BookError, ErrorExt};

pub fn run(book: &mut Book, command: OnboardingCommand) -> CliResult {
    let today = partnerbook_core::time::today();
    match command {
        OnboardingCommand::List { all, json } => {
            let rows = onboarding::list(book, today, all)?;
            if json {
                output::json(&rows);
            } else {
                output::table(
                    &["partner", "email", "waiting", "stuck on", "missing"],
                    rows.iter()
                        .map(|r| {
                            vec![
                                r.name.clone(),
                                r.email.clone(),
                                r.days_waiting
                                    .map(|d| format!("{d} days"))
                                    .unwrap_or_default(),
                                r.stuck_on
                                    .map(|s| s.as_str().replace('_', " "))
                                    .unwrap_or_else(|| "done".into()),
                                r.steps
                                    .iter()
                                    .filter(|s| !s.done)
                                    .map(|s| s.detail.clone())
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            ]
                        })
                        .collect(),
                );
            }
        }
        OnboardingCommand::Set {
            partner,
            terms,
            tax_form,
            expires,
            vat_id,
            tin,
            welcome_sent,
        } => {
            let id = partners::resolve(book, &partner)?.id;
            let tax_form = tax_form
                .map(|t| {
                    TaxStatus::parse(&t.replace('-', "")).ok_or_else(|| {
                        BookError::invalid(
                            "tax_form",
                            format!("\"{t}\" is not w9, w8ben, vat or none"),
                        )
                    })
                })
                .transpose()?;
            let row = onboarding::set(
                book,
                id,
                &OnboardingChange {
                    terms,
                    tax_form,
                    tax_form_expires: expires,
                    vat_id,
                    tin,
                    welcome_sent,
                },
                Actor::User,
            )?;
            for s in &row.steps {
                println!(
                    "{} {:<15} {}",
                    if s.done { "✓" } else { "✗" },
                    s.step.as_str().replace('_', " "),
                    s.detail
                );
            }
        }
        OnboardingCommand::Remind { days } => {
            let n = remind::queue(book, days, today, Actor::User)?;
            println!("{n} reminders queued (`partnerbook mail send` sends them).");
        }
    }
    Ok(())
}

pub fn terms(book: &mut Book, command: TermsCommand) -> CliResult {
    match command {
        TermsCommand::Publish { version, file } => {
            let body = std::fs::read_to_string(&file)
                .map_err(|e| BookError::io(format!("cannot read {}", file.display()), e))?;
            let t = terms::publish(book, &version, &body, Actor::User)?;
            println!("Terms {} published: partners on older terms must accept them before their next payout.", t.version);
        }
        TermsCommand::List { json } => {
            let list = terms::list(book)?;
            if json {
                output::json(&list);
            } else {
                for t in list {
                    println!(
                        "{:<12} {}  accepted by {} active partners",
                        t.version,
                        &t.published_at[..10],
                        t.accepted_by
                    );
                }
            }
        }
    }
    Ok(())
}
