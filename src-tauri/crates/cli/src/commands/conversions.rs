//! `import conversions` and `conversions list`.

use super::options;
use crate::args::{ConversionsCommand, ImportCommand, PresetArg};
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::conversions::{self, ConversionKind, ConversionQuery};
use partnerbook_core::import::presets::PresetName;
use partnerbook_core::import::ConversionImportOptions;
use partnerbook_core::screened_import;
use partnerbook_core::Book;

pub fn import(book: &mut Book, command: ImportCommand) -> CliResult {
    let ImportCommand::Conversions {
        file,
        preset,
        map,
        source,
        day_first,
        month_first,
        dry_run,
        json,
    } = command;
    let preset = match preset {
        PresetArg::Generic => PresetName::Generic,
        PresetArg::Stripe => PresetName::Stripe,
        PresetArg::Shopify => PresetName::Shopify,
        PresetArg::Paypal => PresetName::Paypal,
        PresetArg::Partnerstack => PresetName::Partnerstack,
    };
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
