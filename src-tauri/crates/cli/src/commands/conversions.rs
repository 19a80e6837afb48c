//! `import conversions` and `conversions list`.

use super::options;
use crate::args::{ConversionsCommand, ImportCommand, PresetArg};
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::conversions::{self, ConversionKind, ConversionQuery};
use partnerbook_core::import::presets::PresetName;
use partnerbook_core::import::{ConversionImportOptions, ImportInspection};
use partnerbook_core::screened_import;
use partnerbook_core::Book;

pub fn import(book: &mut Book, command: ImportCommand) -> CliResult {
    let ImportCommand::Conversions {
        file,
        preset,
        inspect,
        map,
        source,
        day_first,
        month_first,
        dry_run,
        json,
    } = command;
    let look = first_look(book, &file)?;
    let preset = match preset {
        Some(PresetArg::Generic) => PresetName::Generic,
        Some(PresetArg::Stripe) => PresetName::Stripe,
        Some(PresetArg::Shopify) => PresetName::Shopify,
        Some(PresetArg::Paypal) => PresetName::Paypal,
        Some(PresetArg::Partnerstack) => PresetName::Partnerstack,
        None => {
            if !json && !inspect {
                println!(
                    "Reading {} as {} (its columns fit best; --preset chooses another, --inspect shows why)",
                    look.file,
                    preset_label(look.suggested)
                );
            }
            look.suggested
        }
    };
    if !json && !inspect && map.is_empty() {
        for c in &look.code_columns {
            println!(
                "\"{}\" holds partners' codes ({} rows, e.g. {}) but is not read: add --map \"{}={}\"",
                c.header, c.matches, c.example, c.header, c.field
            );
        }
    }
    if inspect && !json {
        print_look(&look, preset);
    }
    let dry_run = dry_run || inspect;
    let options = ConversionImportOptions {
        preset,
        mapping: map,
        source,
        day_first,
        month_first,
        dry_run,
    };
    let bar = Bar::new();
    let screened = screened_import::import(book, &file, &options, &bar)?;
    bar.finish();
    if json && inspect {
        output::json(
            &serde_json::json!({ "inspection": look, "preset": preset, "would": screened }),
        );
        return Ok(());
    }
    if json {
        output::json(&screened);
        return Ok(());
    }
    let report = &screened.import;
    let verb = if dry_run { "Would record" } else { "Recorded" };
    println!(
        "{verb} {} conversions ({} sales, {} refunds: a refunded sale's row gives both) from {} rows ({} already in the book, {} unattributed)",
        output::count(report.recorded),
        output::count(report.recorded - report.refunds),
        output::count(report.refunds),
        output::count(report.rows),
        output::count(report.existing),
        output::count(report.unattributed)
    );
    for note in &report.notes {
        println!("Note: {note}");
    }
    for (why, n) in &report.skipped {
        println!("Skipped {} rows: {why}", output::count(*n));
    }
    let c = &report.commissions;
    println!(
        "Commissions: {} lines, {} held, {} reversals, {} clawbacks, {} bonuses, {} month adjustments; worth {}",
        output::count(c.lines),
        output::count(c.held),
        c.reversals,
        c.clawbacks,
        c.bonuses,
        c.adjustments,
        output::totals(c.net.as_slice())
    );
    if let Some(risk) = &screened.risk {
        super::risk::print_scan(risk);
    }
    Ok(())
}

pub fn run(book: &Book, command: ConversionsCommand) -> CliResult {
    let ConversionsCommand::List {
        partner,
        unattributed,
        held,
        kind,
        from,
        to,
        limit,
        json,
    } = command;
    let partner_id = options::partner_id(book, partner)?;
    let kinds = options::parse_all(&kind, "kind", "a conversion kind", ConversionKind::parse)?;
    let q = ConversionQuery {
        partner_id,
        unattributed,
        held: Some(held),
        kinds,
        from,
        to,
        offset: 0,
        limit,
    };
    let page = conversions::list(book, &q)?;
    if json {
        output::json(&page);
        return Ok(());
    }
    let rows = page.rows.into_iter().map(|c| {
        vec![
            c.id.to_string(),
            c.occurred_at,
            c.kind.as_str().into(),
            c.external_id,
            c.amount.map(|m| m.to_string()).unwrap_or_default(),
            c.partner_name.unwrap_or_else(|| "—".into()),
            c.attribution.as_str().replace('_', " "),
        ]
    });
    output::table(
        &[
            "ID",
            "When",
            "Kind",
            "External id",
            "Amount",
            "Partner",
            "Attributed by",
        ],
        rows.collect(),
    );
    println!("{} conversions", output::count(page.total));
    Ok(())
}

fn preset_label(p: PresetName) -> &'static str {
    match p {
        PresetName::Generic => "a generic CSV",
        PresetName::Stripe => "a Stripe payments export",
        PresetName::Shopify => "a Shopify orders export",
        PresetName::Paypal => "a PayPal activity download",
        PresetName::Partnerstack => "a PartnerStack transactions export",
    }
}

fn first_look(book: &Book, file: &std::path::Path) -> CliResult<ImportInspection> {
    Ok(partnerbook_core::import::inspect_in(book.conn(), file)?)
}

/// Which layout fits, and how the chosen one reads each column.
fn print_look(look: &ImportInspection, chosen: PresetName) {
    println!("{}: {} columns", look.file, look.headers.len());
    let rows = look
        .presets
        .iter()
        .map(|p| {
            vec![
                format!("{:?}", p.preset).to_lowercase(),
                p.columns.len().to_string(),
                if p.missing.is_empty() {
                    "reads it".into()
                } else {
                    format!("lacks {}", p.missing.join(", "))
                },
                if p.preset == look.suggested {
                    "suggested".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    output::table(&["layout", "columns read", "", ""], rows);
    if let Some(fit) = look.presets.iter().find(|p| p.preset == chosen) {
        println!("As {}:", preset_label(chosen));
        let rows = fit
            .columns
            .iter()
            .map(|c| vec![c.header.clone(), c.field.clone()])
            .collect();
        output::table(&["column", "read as"], rows);
        let unused: Vec<&str> = look
            .headers
            .iter()
            .filter(|h| !fit.columns.iter().any(|c| &c.header == *h))
            .map(String::as_str)
            .collect();
        if !unused.is_empty() {
            println!("Not read: {}", unused.join(", "));
        }
        for c in &look.code_columns {
            println!(
                "\"{}\" holds partners' codes ({} rows, e.g. {}): add --map \"{}={}\" to read it",
                c.header, c.matches, c.example, c.header, c.field
            );
        }
    }
    println!("What an import would do (nothing is written):");
}
