//! `payout create|list|show|readiness|adjust|approve|verify|export|mark-paid|
//! mark-failed|reconcile|discard|payer|hold|unhold`.

use super::options;
use crate::args::PayoutCommand;
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::payouts::files::{self, PaymentFormat};
use partnerbook_core::payouts::{self, AdjustmentKind, LineFilter, LineQuery, PayoutRun, Severity};
use partnerbook_core::{partners, Book, BookError, ErrorExt};

pub fn run(book: &mut Book, command: PayoutCommand) -> CliResult {
    match command {
        PayoutCommand::Create { through, json } => {
            let bar = Bar::new();
            let run = payouts::create(book, &through, Actor::User, &bar);
            bar.finish();
            show_run(&run?, json);
        }
        PayoutCommand::List { json } => {
            let runs = payouts::list_runs(book)?;
            if json {
                output::json(&runs);
                return Ok(());
            }
            let rows = runs.iter().map(|r| {
                vec![
                    format!("#{}", r.id),
                    r.through.clone(),
                    r.status.as_str().to_string(),
                    r.paid_count.to_string(),
                    r.held_count.to_string(),
                    r.total.to_string(),
                    r.fingerprint
                        .as_deref()
                        .map(|f| f[..12].to_string())
                        .unwrap_or_default(),
                ]
            });
            output::table(
                &[
                    "Run",
                    "Through",
                    "Status",
                    "Paid",
                    "Held",
                    "Total",
                    "Fingerprint",
                ],
                rows.collect(),
            );
        }
        PayoutCommand::Show {
            run,
            only,
            limit,
            json,
        } => {
            let filter = match only.as_str() {
                "paid" => LineFilter::Paid,
                "held" => LineFilter::Held,
                _ => LineFilter::All,
            };
            let head = payouts::get_run(book, run)?;
            let page = payouts::lines(
                book,
                &LineQuery {
                    run_id: run,
                    filter,
                    limit,
                    ..LineQuery::default()
                },
            )?;
            if json {
                output::json(&serde_json::json!({ "run": head, "lines": page }));
                return Ok(());
            }
            show_run(&head, false);
            let rows = page.rows.iter().map(|l| {
                vec![
                    l.partner_name.clone(),
                    l.balance.format_amount(),
                    l.pay.map(|m| m.to_string()).unwrap_or_default(),
                    format!("{} {}", l.method, l.account_masked)
                        .trim()
                        .to_string(),
                    l.status.as_str().to_string(),
                    if l.blocked.is_empty() {
                        l.reference
                            .clone()
                            .or(l.failure.clone())
                            .unwrap_or_default()
                    } else {
                        l.blocked.join("; ")
                    },
                ]
            });
            output::table(
                &[
                    "Partner",
                    "Balance",
                    "Pays",
                    "Method",
                    "Status",
                    "Why not / reference",
                ],
                rows.collect(),
            );
            if page.total as usize > page.rows.len() {
                println!(
                    "… {} of {} lines shown (--limit)",
                    page.rows.len(),
                    page.total
                );
            }
        }
        PayoutCommand::Readiness { run, json } => {
            let r = payouts::readiness(book, run)?;
            if json {
                output::json(&r);
                return Ok(());
            }
            println!(
                "Run #{run}: {} blockers, {} warnings",
                r.blockers, r.warnings
            );
            let rows = r.items.iter().map(|i| {
                vec![
                    match i.severity {
                        Severity::Blocker => "blocker".to_string(),
                        Severity::Warning => "warning".to_string(),
                    },
                    i.partner_name.clone(),
                    i.message.clone(),
                ]
            });
            output::table(&["", "Partner", "What"], rows.collect());
        }
        PayoutCommand::Adjust {
            run,
            partner,
            amount,
            reason,
            kind,
        } => {
            let partner_id = partners::resolve(book, &partner)?.id;
            let kind = kind
                .map(|k| {
                    AdjustmentKind::parse(&k).ok_or_else(|| {
                        BookError::invalid(
                            "kind",
                            format!("\"{k}\" is not one of {}", AdjustmentKind::choices()),
                        )
                    })
                })
                .transpose()?;
            let a = payouts::add_adjustment(
                book,
                run,
                partner_id,
                &amount,
                kind,
                &reason,
                Actor::User,
            )?;
            println!(
                "Adjustment #{}: {} {} for partner #{} ({})",
                a.id,
                a.kind.as_str(),
                a.amount,
                a.partner_id,
                a.reason
            );
        }
        PayoutCommand::Approve { run } => {
            let bar = Bar::new();
            let approved = payouts::approve(book, run, Actor::User, &bar);
            bar.finish();
            let approved = approved?;
            show_run(&approved, false);
            println!(
                "Approved and locked. Backup: {}",
                approved.backup_path.unwrap_or_default()
            );
        }
        PayoutCommand::Verify { run } => {
            if payouts::verify(book, run)? {
                println!("Run #{run} matches its fingerprint.");
            } else {
                return Err(BookError::conflict(
                    "run",
                    format!("run #{run} no longer matches its fingerprint"),
                )
                .into());
            }
        }
        PayoutCommand::Export {
            run,
            format,
            out,
            execution_date,
            json,
        } => {
            let format = PaymentFormat::parse(&format).unwrap_or(PaymentFormat::Csv);
            let options = files::ExportOptions { execution_date };
            let report = files::export_with(book, run, format, &out, &options, Actor::User)?;
            if json {
                output::json(&report);
                return Ok(());
            }
            for f in &report.files {
                println!(
                    "{}: {} payouts, {} (sha256 {})",
                    f.path,
                    f.payouts,
                    f.total,
                    &f.sha256[..16]
                );
            }
            if report.files.is_empty() {
                println!("No payouts in run #{run} are paid this way.");
            }
            for note in &report.notes {
                println!("Note: {note}");
            }
            if !report.skipped.is_empty() {
                println!(
                    "{} payouts are not in this file (paid another way):",
                    report.skipped.len()
                );
                print_coverage(&files::coverage::coverage(book, run)?);
            }
        }
        PayoutCommand::Checklist { run, json } => {
            let m = partnerbook_core::reports::month_end::month_end(book, run)?;
            if json {
                output::json(&m);
                return Ok(());
            }
            for s in &m.steps {
                println!(
                    "[{}] {:<10} {}",
                    if s.done { "x" } else { " " },
                    s.key,
                    s.detail
                );
            }
            println!();
            for e in &m.events {
                let hash = e
                    .sha256
                    .as_deref()
                    .map(|h| format!(" (sha256 {})", &h[..16.min(h.len())]))
                    .unwrap_or_default();
                println!("{}  {}{hash}", e.at, e.what);
            }
        }
        PayoutCommand::Coverage { run, json } => {
            let groups = files::coverage::coverage(book, run)?;
            if json {
                output::json(&groups);
            } else {
                print_coverage(&groups);
            }
        }
        PayoutCommand::MarkPaid {
            run,
            partner,
            reference,
        } => {
            let partner_id = options::partner_id(book, partner)?;
            let n = payouts::mark_paid(book, run, partner_id, &reference, Actor::User)?;
            println!("{n} payouts marked paid.");
        }
        PayoutCommand::MarkFailed {
            run,
            partner,
            reason,
        } => {
            let partner_id = partners::resolve(book, &partner)?.id;
            payouts::mark_failed(book, run, partner_id, &reason, Actor::User)?;
            println!("Marked failed; the amount returns to the partner's balance.");
        }
        PayoutCommand::Reconcile {
            run,
            file,
            dry_run,
            json,
        } => {
            let r = payouts::reconcile_with(book, run, &file, dry_run, Actor::User)?;
            if json {
                output::json(&r);
            } else {
                println!(
                    "{}{} paid, {} failed, {} unchanged, {} unclaimed (still pending: the provider holds the money until the partner accepts it), {} rows about no payout of this run skipped",
                    if r.dry_run { "Would record (nothing is written): " } else { "" },
                    r.paid, r.failed, r.unchanged, r.unclaimed, r.skipped
                );
            }
        }
        PayoutCommand::Discard { run } => {
            payouts::discard(book, run, Actor::User)?;
            println!("Run #{run} discarded; its commissions are approved again.");
        }
        PayoutCommand::Payer { iban, bic } => {
            let payer = match iban {
                Some(iban) => payouts::set_payer(book, &iban, &bic, Actor::User)?,
                None => payouts::payer(book)?,
            };
            output::fields(&[
                ("name", payer.name),
                ("iban", payer.iban),
                ("bic", payer.bic),
            ]);
        }
        PayoutCommand::Hold { partner, reason } => {
            let id = partners::resolve(book, &partner)?.id;
            payouts::set_hold(book, id, Some(&reason), Actor::User)?;
            println!("Payouts of partner #{id} are held.");
        }
        PayoutCommand::Unhold { partner } => {
            let id = partners::resolve(book, &partner)?.id;
            payouts::set_hold(book, id, None, Actor::User)?;
            println!("Payouts of partner #{id} are no longer held.");
        }
    }
    Ok(())
}

fn print_coverage(groups: &[files::coverage::CoverageGroup]) {
    for g in groups {
        let how = match g.format {
            PaymentFormat::Manual => "by hand (no provider file makes these transfers): export --format manual lists them".to_string(),
            f if g.files > 1 => format!("{} files to upload ({} takes one currency per file)", g.files, f.label()),
            f => format!("1 {} file to upload", f.label()),
        };
        let written = g
            .written_at
            .as_deref()
            .map_or("not written yet".to_string(), |at| format!("written {at}"));
        println!(
            "  {}: {} payouts, {}; {how}; {written}",
            g.format.label(),
            g.payouts,
            output::totals(&g.totals)
        );
    }
}

fn show_run(run: &PayoutRun, json: bool) {
    if json {
        output::json(run);
        return;
    }
    output::fields(&[
        ("run", format!("#{} ({})", run.id, run.status.as_str())),
        ("through", run.through.clone()),
        (
            "paid",
            format!("{} partners, {}", run.paid_count, run.total),
        ),
        ("sent", output::totals(&run.pay_totals)),
        (
            "held",
            format!(
                "{} partners, {} carried forward",
                run.held_count, run.carried_forward
            ),
        ),
        ("fingerprint", run.fingerprint.clone().unwrap_or_default()),
    ]);
}
