//! `applications import|list|show|approve|reject|screen|settings`.

use crate::args::ApplicationsCommand;
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::applications::{
    self, Application, ApplicationQuery, ApplicationStatus, CheckSeverity, ScreeningSettings,
};
use partnerbook_core::audit::Actor;
use partnerbook_core::{groups, Book, BookError, ErrorExt};

pub fn run(book: &mut Book, command: ApplicationsCommand) -> CliResult {
    match command {
        ApplicationsCommand::Import { file } => {
            let bar = Bar::new();
            let report = applications::import_file(book, &file, Actor::User, &bar);
            bar.finish();
            let r = report?;
            println!(
                "{} rows: {} new applications, {} merged into earlier ones, {} auto-approved.",
                r.rows, r.created, r.merged, r.auto_approved
            );
        }
        ApplicationsCommand::List {
            status,
            min_score,
            max_score,
            flagged_by,
            sort,
            limit,
            json,
        } => {
            let status = match status.as_str() {
                "all" => None,
                s => Some(ApplicationStatus::parse(s).ok_or_else(|| {
                    BookError::invalid(
                        "status",
                        format!("\"{s}\" is not pending, approved, rejected or all"),
                    )
                })?),
            };
            let page = applications::list(
                book,
                &ApplicationQuery {
                    status,
                    min_score,
                    max_score,
                    flagged_by,
                    sort: Some(sort),
                    limit: Some(limit),
                    offset: None,
                },
            )?;
            if json {
                output::json(&page);
            } else {
                output::table(
                    &["id", "score", "name", "email", "country", "flags", "status"],
                    page.rows.iter().map(row).collect(),
                );
                println!("{} of {}", page.rows.len(), page.total);
            }
        }
        ApplicationsCommand::Show { id, json } => {
            let a = applications::get(book, id)?;
            let history = applications::submissions(book, id)?;
            if json {
                output::json(&serde_json::json!({ "application": a, "submissions": history }));
            } else {
                show(&a);
                println!("\nSubmissions:");
                for s in history {
                    println!(
                        "  {}  {}",
                        &s.received_at[..s.received_at.len().min(19)],
                        s.source
                    );
                }
            }
        }
        ApplicationsCommand::Approve { ids, group, reason } => {
            let group = match group {
                Some(g) => Some(
                    groups::find_id(book.conn(), &g)?
                        .ok_or_else(|| BookError::not_found(format!("group \"{g}\"")))?,
                ),
                None => None,
            };
            let r = applications::approve(book, &ids, group, &reason, Actor::User)?;
            println!(
                "{} approved; {} welcome emails queued (`partnerbook mail send` sends them).",
                r.decided, r.emails_queued
            );
        }
        ApplicationsCommand::Reject { ids, reason } => {
            let r = applications::reject(book, &ids, &reason, Actor::User)?;
            println!("{} rejected; {} emails queued.", r.decided, r.emails_queued);
        }
        ApplicationsCommand::Screen { ids } => {
            let bar = Bar::new();
            let r = applications::screen(book, &ids, &bar);
            bar.finish();
            let r = r?;
            println!("{} screened, {} with a red check.", r.screened, r.flagged);
        }
        ApplicationsCommand::Settings { set } => {
            if let Some(path) = set {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| BookError::io(format!("cannot read {}", path.display()), e))?;
                let s: ScreeningSettings = serde_json::from_str(&text).map_err(|e| {
                    BookError::invalid("settings", format!("{}: {e}", path.display()))
                })?;
                applications::settings::set(book, &s, Actor::User)?;
                println!(
                    "Screening settings saved; `applications screen` applies them to the queue."
                );
            }
            output::json(&applications::settings::get(book.conn())?);
        }
    }
    Ok(())
}

fn flags(a: &Application) -> String {
    let red = a
        .checks
        .iter()
        .filter(|c| c.severity == CheckSeverity::Red)
        .count();
    let amber = a
        .checks
        .iter()
        .filter(|c| c.severity == CheckSeverity::Amber)
        .count();
    match (red, amber) {
        (0, 0) => String::new(),
        (r, 0) => format!("{r} red"),
        (0, a) => format!("{a} amber"),
        (r, a) => format!("{r} red, {a} amber"),
    }
}

fn row(a: &Application) -> Vec<String> {
    vec![
        a.id.to_string(),
        a.score.map(|s| s.to_string()).unwrap_or_default(),
        a.name.clone(),
        a.email.clone(),
        a.country.clone(),
        flags(a),
        a.status.as_str().to_string(),
    ]
}

fn show(a: &Application) {
    output::fields(&[
        ("id", a.id.to_string()),
        ("name", a.name.clone()),
        ("email", a.email.clone()),
        ("website", a.website.clone()),
        ("social", a.social_profiles.join(", ")),
        ("country", a.country.clone()),
        (
            "audience",
            a.audience_size.map(output::count).unwrap_or_default(),
        ),
        ("categories", a.categories.join(", ")),
        ("promotion", a.promotion.clone()),
        ("status", a.status.as_str().to_string()),
        ("score", a.score.map(|s| s.to_string()).unwrap_or_default()),
        ("reason", a.reason.clone().unwrap_or_default()),
        ("submissions", a.submissions.to_string()),
    ]);
    if !a.answers.is_empty() {
        println!("\nAnswers:");
        for (q, answer) in &a.answers {
            println!("  {q}\n    {}", answer.replace('\n', "\n    "));
        }
    }
    println!("\nChecks:");
    for c in &a.checks {
        println!(
            "  {:<5} {:<45} {}",
            c.severity.as_str(),
            c.label,
            c.evidence
        );
    }
}
