//! `partners list|show|add|update|note|timeline|import|export`.

use super::{options, partner_fields};
use crate::args::{Filter, OnExistingArg, PartnersCommand, SortArg};
use crate::bar::Bar;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::csv_import::{self, ImportOptions, OnExisting};
use partnerbook_core::partners::search::{self, PartnerQuery, PartnerSort};
use partnerbook_core::partners::{
    self, csv_export, timeline, tin::Tins, Partner, PartnerInput, PartnerStatus,
};
use partnerbook_core::progress::Quiet;
use partnerbook_core::{groups, Book, BookError, ErrorExt};
use std::io::Write;

pub fn run(book: &mut Book, command: PartnersCommand) -> CliResult {
    match command {
        PartnersCommand::List {
            filter,
            limit,
            offset,
            json,
        } => {
            let query = PartnerQuery {
                limit,
                offset,
                ..query(book, &filter)?
            };
            let page = search::search(book, &query)?;
            if json {
                output::json(&page);
                return Ok(());
            }
            let rows = page.rows.iter().map(|r| {
                vec![
                    r.id.to_string(),
                    r.name.clone(),
                    r.email.clone(),
                    r.status.as_str().into(),
                    r.group_name.clone().unwrap_or_default(),
                    r.country.clone(),
                    r.tags.join(", "),
                ]
            });
            output::table(
                &["ID", "Name", "Email", "Status", "Group", "Country", "Tags"],
                rows.collect(),
            );
            let shown = page.rows.len() as u64;
            let first = if shown == 0 { 0 } else { u64::from(offset) + 1 };
            println!(
                "{}–{} of {} partners",
                first,
                u64::from(offset) + shown,
                output::count(page.total)
            );
        }
        PartnersCommand::Show { partner, json } => {
            show(partners::resolve(book, &partner)?.tin_masked(), json)
        }
        PartnersCommand::Add { fields, json } => {
            if fields.name.is_none() || fields.email.is_none() {
                return Err(CliError::Usage(
                    "partners add needs --name and --email".into(),
                ));
            }
            let mut input = PartnerInput::new("", "");
            partner_fields::apply(book, fields, &mut input)?;
            let p = partners::create(book, &input, Actor::User)?.tin_masked();
            if json {
                output::json(&p)
            } else {
                println!("Added partner {}: {} <{}>", p.id, p.name, p.email)
            }
        }
        PartnersCommand::Update {
            partner,
            fields,
            reason,
            json,
        } => {
            let current = partners::resolve(book, &partner)?;
            let mut input = PartnerInput::from(&current);
            partner_fields::apply(book, fields, &mut input)?;
            let p = partners::update(book, current.id, &input, &reason, Actor::User)?.tin_masked();
            if json {
                output::json(&p)
            } else {
                println!("Updated partner {}: {}", p.id, p.name)
            }
        }
        PartnersCommand::Note { partner, text } => {
            let p = partners::resolve(book, &partner)?;
            timeline::add_note(book, p.id, &text, Actor::User)?;
            println!("Noted on {}", p.name);
        }
        PartnersCommand::Timeline { partner, json } => {
            let p = partners::resolve(book, &partner)?;
            let items = timeline::list(book, p.id)?;
            if json {
                output::json(&items);
            } else {
                let rows = items
                    .into_iter()
                    .map(|a| vec![a.at, a.actor.as_str().into(), a.summary, a.body]);
                output::table(&["When", "Who", "What", "Details"], rows.collect());
            }
        }
        PartnersCommand::Import {
            file,
            map,
            on_existing,
            dry_run,
            json,
        } => {
            let preview = csv_import::preview(&file)?;
            let options = ImportOptions {
                mapping: mapping(&preview.headers, &preview.suggested, &map)?,
                on_existing: on_existing.into(),
                dry_run,
            };
            let bar = Bar::new();
            let report = csv_import::import(book, &file, &options, &bar)?;
            bar.finish();
            if json {
                output::json(&report);
            } else {
                let verb = if dry_run { "Would import" } else { "Imported" };
                println!(
                    "{verb} {} rows: {} new, {} updated, {} skipped",
                    output::count(report.rows),
                    report.created,
                    report.updated,
                    report.skipped
                );
                if !report.ignored_columns.is_empty() {
                    println!("Ignored columns: {}", report.ignored_columns.join(", "));
                }
            }
        }
        PartnersCommand::Export {
            out,
            full_tins,
            filter,
        } => {
            let query = query(book, &filter)?;
            let tins = Tins::whole_if(full_tins);
            let written = match &out {
                Some(path) => {
                    let file = std::fs::File::create(path)?;
                    let bar = Bar::new();
                    let written = csv_export::export(
                        book,
                        Some(&query),
                        std::io::BufWriter::new(file),
                        tins,
                        &bar,
                    );
                    bar.finish();
                    if written.is_err() {
                        let _ = std::fs::remove_file(path);
                    }
                    written?
                }
                None => {
                    let stdout = std::io::stdout();
                    let n = csv_export::export(book, Some(&query), stdout.lock(), tins, &Quiet)?;
                    stdout.lock().flush()?;
                    n
                }
            };
            if let Some(path) = out {
                eprintln!(
                    "Exported {} partners to {}",
                    output::count(written),
                    path.display()
                );
            }
        }
    }
    Ok(())
}

fn query(book: &Book, f: &Filter) -> CliResult<PartnerQuery> {
    let choices = format!("one of {}", PartnerStatus::choices());
    let statuses = options::parse_all(&f.status, "status", &choices, PartnerStatus::parse)?;
    let group_id = match &f.group {
        Some(name) => Some(
            groups::find_id(book.conn(), name)?
                .ok_or_else(|| BookError::not_found(format!("group \"{name}\"")))?,
        ),
        None => None,
    };
    let sort = match f.sort {
        SortArg::Relevance => PartnerSort::Relevance,
        SortArg::Name => PartnerSort::Name,
        SortArg::Created => PartnerSort::Created,
        SortArg::Updated => PartnerSort::Updated,
        SortArg::Country => PartnerSort::Country,
        SortArg::Status => PartnerSort::Status,
        SortArg::Revenue => PartnerSort::Revenue,
        SortArg::Commission => PartnerSort::Commission,
    };
    let min_revenue_minor = match &f.min_revenue {
        Some(amount) => {
            let currency = partnerbook_core::settings::get(book.conn())?.base_currency;
            let m = partnerbook_core::money::Money::parse(amount, currency)
                .map_err(|e| e.for_field("min_revenue"))?;
            Some(m.minor)
        }
        None => None,
    };
    Ok(PartnerQuery {
        text: f.search.clone(),
        statuses,
        group_id,
        tag: f.tag.clone(),
        country: f.country.clone(),
        sort,
        descending: f.desc,
        offset: 0,
        limit: 0,
        min_revenue_minor,
        balance_due: f.balance_due.then_some(true),
        idle_months: f.idle_months,
        min_refund_percent: f.min_refund_percent,
    })
}

/// The suggested mapping with the person's `HEADER=FIELD` overrides applied.
fn mapping(
    headers: &[String],
    suggested: &[String],
    overrides: &[String],
) -> CliResult<Vec<String>> {
    let mut targets = suggested.to_vec();
    for o in overrides {
        let (header, field) = o
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("--map \"{o}\" should be HEADER=FIELD")))?;
        let i = headers
            .iter()
            .position(|h| h.trim() == header.trim())
            .ok_or_else(|| {
                BookError::invalid(
                    "mapping",
                    format!(
                        "the file has no column \"{header}\" (it has: {})",
                        headers.join(", ")
                    ),
                )
            })?;
        targets[i] = field.trim().to_string();
    }
    Ok(targets)
}

impl From<OnExistingArg> for OnExisting {
    fn from(a: OnExistingArg) -> Self {
        match a {
            OnExistingArg::Update => OnExisting::Update,
            OnExistingArg::Skip => OnExisting::Skip,
            OnExistingArg::Error => OnExisting::Error,
        }
    }
}

fn show(p: Partner, json: bool) {
    if json {
        output::json(&p);
        return;
    }
    let codes = |kind: partners::CodeKind| {
        p.codes
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let payout = match p.payout.method {
        partners::PayoutMethod::None => "none".to_string(),
        partners::PayoutMethod::Iban => format!("IBAN {} / {}", p.payout.iban, p.payout.bic),
        partners::PayoutMethod::Other => format!("other: {}", p.payout.other),
        m => format!("{} {}", m.as_str(), p.payout.email),
    };
    let tax = match p.tax.status {
        partners::TaxStatus::W8ben => format!("W-8BEN, expires {}", p.tax.form_expires),
        partners::TaxStatus::Vat => format!("VAT {}", p.tax.vat_id),
        partners::TaxStatus::W9 => "W-9".into(),
        partners::TaxStatus::None => "none".into(),
    };
    let tax = match p.tax.tin.as_str() {
        "" => tax,
        tin => format!("{tax}, TIN {tin}"),
    };
    let custom = p
        .custom_fields
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    output::fields(&[
        ("id", p.id.to_string()),
        ("name", p.name.clone()),
        ("first name", p.first_name.clone()),
        ("email", p.email.clone()),
        ("company", p.company.clone()),
        ("address", p.address.replace('\n', ", ")),
        ("website", p.website.clone()),
        ("social", p.social_profiles.join(", ")),
        ("country", p.country.clone()),
        ("language", p.language.clone()),
        ("status", p.status.as_str().into()),
        ("group", p.group_name.clone().unwrap_or_default()),
        ("tags", p.tags.join(", ")),
        ("parent", p.parent_name.clone().unwrap_or_default()),
        ("referral codes", codes(partners::CodeKind::Referral)),
        ("coupon codes", codes(partners::CodeKind::Coupon)),
        ("link ids", codes(partners::CodeKind::Link)),
        ("payout", payout),
        ("payout currency", p.payout_currency.clone()),
        ("tax", tax),
        ("terms", p.terms_version.clone()),
        ("custom", custom),
        ("created", p.created_at.clone()),
        ("updated", p.updated_at.clone()),
    ]);
}
