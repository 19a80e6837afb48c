//! Files into the ledger, each recorded and then computed by the commission
//! engine in one transaction.
//!
//! Conversions from CSV: a preset (or the generic layout) reads each row,
//! the rows are recorded in time order, then the engine runs. A bad row
//! stops the import with file, line, column and reason, and nothing is
//! written. Importing the same file again records nothing new.
//!
//! FX rates: the commissions that were waiting for a rate are computed.

pub(crate) mod fields;
mod inspect;
pub mod presets;

pub use inspect::{inspect, inspect_in, CodeColumn, ColumnUse, ImportInspection, PresetFit};

use crate::commissions::engine::{self, EngineReport};
use crate::conversions::record::{self, Recorded};
use crate::conversions::{ConversionInput, ConversionKind};
use crate::error::{ErrorExt, LedgerError, Result};
use crate::fx::{self, FxImportReport};
use fields::{Field, Row};
use partnerbook_book::progress::Progress;
use partnerbook_book::settings;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use presets::{Ctx, Item, PresetName};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversionImportOptions {
    pub preset: PresetName,
    /// "COLUMN=FIELD" overrides of the preset's columns, e.g. "ref=referral_code".
    pub mapping: Vec<String>,
    /// What the conversions' external ids are unique within; the preset's name by default.
    pub source: Option<String>,
    /// PayPal dates like 31/01/2024 rather than 01/31/2024.
    pub day_first: bool,
    /// PayPal dates like 01/31/2024. With neither, the file's dates decide;
    /// a file where every day is 12 or less is refused until one is given.
    #[serde(default)]
    pub month_first: bool,
    /// Check and count everything, then write nothing.
    pub dry_run: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversionImportReport {
    pub rows: u64,
    /// New conversions recorded (refunds included).
    pub recorded: u64,
    /// Of those, refunds and chargebacks: a row of a refunded sale records
    /// the sale and its refund, so more can be recorded than rows read.
    pub refunds: u64,
    /// Already in the book from an earlier import: unchanged.
    pub existing: u64,
    pub skipped: BTreeMap<String, u64>,
    pub unattributed: u64,
    pub commissions: EngineReport,
    pub dry_run: bool,
    /// What the reader assumed about this file, in words ("refunds are dated
    /// at their charge: this export has no refund date").
    pub notes: Vec<String>,
}

struct Located {
    line: u64,
    item: Item,
}

pub fn import(
    book: &mut Book,
    path: &Path,
    options: &ConversionImportOptions,
    progress: &dyn Progress,
) -> Result<ConversionImportReport> {
    let (file, mut rdr, headers) = open_csv(path)?;
    if !options.dry_run {
        // The rotating backups keep the book as it was before every import.
        partnerbook_book::backups::create(book, "before-import")?;
    }
    let preset = options.preset.preset();
    let source = options
        .source
        .clone()
        .unwrap_or_else(|| format!("{:?}", options.preset).to_lowercase());
    let csv_error = |e: csv::Error| csv_error(&file, e);
    if let Some((_, says)) = preset
        .wrong_files
        .iter()
        .find(|(h, _)| headers.iter().any(|x| x.eq_ignore_ascii_case(h)))
    {
        return Err(LedgerError::invalid("file", format!("{file} {says}")));
    }
    let columns = map_columns(&file, &headers, preset, &options.mapping)?;
    let mut notes = Vec::new();
    let reads = |f: Field| preset.columns.iter().any(|(_, c)| *c == f);
    if reads(Field::RefundedAmount)
        && reads(Field::RefundedAt)
        && !columns.contains_key(&Field::RefundedAt)
    {
        notes.push(format!(
            "{file} has no refund date column (an older export layout): each refund is dated at its sale's date"
        ));
    }
    let header_of: HashMap<Field, String> = columns
        .iter()
        .map(|(f, i)| (*f, headers[*i].clone()))
        .collect();
    let bad = |line: u64, field: Field, why: String| {
        LedgerError::bad_row(
            file.clone(),
            line,
            header_of
                .get(&field)
                .cloned()
                .unwrap_or_else(|| field.name().to_string()),
            why,
        )
    };

    let settings = settings::get(book.conn())?;
    let day_first = match (options.day_first, options.month_first) {
        (true, true) => {
            return Err(LedgerError::invalid(
                "day_first",
                "say day-first or month-first, not both",
            ))
        }
        (true, false) => true,
        (false, true) => false,
        (false, false) if options.preset == PresetName::Paypal => {
            detect_day_first(path, &file, &columns)?
        }
        (false, false) => false,
    };
    let ctx = Ctx {
        base: settings.base_currency,
        day_first,
        prices_include_tax: settings.prices_include_tax,
    };
    let mut items = Vec::new();
    let mut report = ConversionImportReport {
        dry_run: options.dry_run,
        notes,
        ..Default::default()
    };
    let mut record = csv::StringRecord::new();
    // The rows of the order being read, and its key, for exports that
    // spread one order over several rows.
    let mut order: Vec<(u64, csv::StringRecord)> = Vec::new();
    let mut order_key = String::new();
    let flush = |orders: &presets::Orders,
                 order: &mut Vec<(u64, csv::StringRecord)>,
                 items: &mut Vec<Located>|
     -> Result<()> {
        if order.is_empty() {
            return Ok(());
        }
        let rows: Vec<Row> = order
            .iter()
            .map(|(_, r)| Row {
                record: r,
                columns: &columns,
            })
            .collect();
        let read = (orders.read)(&rows, &ctx).map_err(|(i, (f, why))| bad(order[i].0, f, why))?;
        let line = order[0].0;
        items.extend(read.into_iter().map(|item| Located { line, item }));
        order.clear();
        Ok(())
    };
    while rdr.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, |p| p.line());
        report.rows += 1;
        if report.rows.is_multiple_of(10_000) {
            progress.check()?;
            progress.update("Reading", report.rows, 0);
        }
        if let Some(orders) = &preset.orders {
            let key = columns
                .get(&orders.key)
                .and_then(|i| record.get(*i))
                .unwrap_or("");
            if key.is_empty() || key != order_key {
                flush(orders, &mut order, &mut items)?;
                order_key = key.to_string();
            }
            order.push((line, record.clone()));
            continue;
        }
        let row = Row {
            record: &record,
            columns: &columns,
        };
        for item in (preset.read)(&row, &ctx).map_err(|(f, why)| bad(line, f, why))? {
            items.push(Located { line, item });
        }
    }
    if let Some(orders) = &preset.orders {
        flush(orders, &mut order, &mut items)?;
    }
    // Time order: sales before their refunds and renewals, touches before sales.
    items.sort_by_key(|l| l.item.at());

    book.with_bulk_cache(|book| {
        let tx = book.transaction()?;
        // Conversions are never deleted, so this import's new ones are those after it.
        let last_before: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM conversions", [], |r| {
                r.get(0)
            })?;
        let total = items.len() as u64;
        let mut recorder = record::Recorder::new(&tx, &settings);
        let mut kept_whole = 0u64;
        for (i, Located { line, item }) in items.into_iter().enumerate() {
            let at_row = |e: LedgerError| match e.field() {
                Some(f) => bad(
                    line,
                    Field::parse(f).unwrap_or(Field::ExternalId),
                    e.reason(),
                ),
                None => e,
            };
            let chosen = match item {
                Item::Order {
                    whole_id,
                    whole,
                    lines,
                } => {
                    let imported_whole: bool = tx
                        .prepare_cached(
                            "SELECT EXISTS (SELECT 1 FROM conversions WHERE source = ?1 AND external_id = ?2)",
                        )?
                        .query_row(params![source, whole_id], |r| r.get(0))?;
                    kept_whole += u64::from(imported_whole);
                    if imported_whole {
                        whole
                    } else {
                        lines
                    }
                }
                item => vec![item],
            };
            for item in chosen {
                record_item(&tx, &mut recorder, item, &source, preset, &mut report)
                    .map_err(at_row)?;
            }
            if i % 5_000 == 4_999 {
                progress.check()?;
                progress.update("Recording", i as u64 + 1, total);
            }
        }
        if kept_whole > 0 {
            report.notes.push(format!(
                "{kept_whole} orders of several line items were imported whole before Partnerbook read orders by line item: they stay whole, so nothing is counted twice"
            ));
        }
        // Counted once all are in: a refund recorded before its sale is
        // attributed when the sale arrives.
        report.unattributed = tx.query_row(
            "SELECT count(*) FROM conversions WHERE id > ?1 AND partner_id IS NULL AND kind <> 'click'",
            [last_before],
            |r| r.get::<_, i64>(0),
        )? as u64;
        recorder.finish()?;
        report.commissions = engine::run_in(&tx, progress)?;
        progress.check()?;
        if !options.dry_run {
            tx.commit()?;
        }
        Ok(report)
    })
}

/// Records one conversion or refunded total of a file, counting it in the report.
fn record_item(
    tx: &Connection,
    recorder: &mut record::Recorder,
    item: Item,
    source: &str,
    preset: &presets::Preset,
    report: &mut ConversionImportReport,
) -> Result<()> {
    let input = match item {
        Item::Skip(why) => {
            *report.skipped.entry(why.to_string()).or_default() += 1;
            return Ok(());
        }
        // Orders are chosen whole or by line before they get here.
        Item::Order { .. } => return Ok(()),
        Item::Conversion(mut c) => {
            c.source = source.to_string();
            if preset.repeat_sales_are_recurring
                && c.kind == ConversionKind::Sale
                && bought_before(tx, &c)?
            {
                c.kind = ConversionKind::Recurring;
            }
            c
        }
        Item::RefundedTotal {
            original,
            total,
            at,
            customer_ref,
            customer_email,
        } => {
            let already: i64 = tx
                .prepare_cached(REFUNDED_SO_FAR)?
                .query_row(params![source, original], |r| r.get(0))?;
            if total.minor <= already {
                report.existing += 1;
                return Ok(());
            }
            let mut refund = ConversionInput::new(
                source,
                &format!("{original}:refund:{}", total.minor),
                ConversionKind::Refund,
                at,
            );
            refund.amount = Some(partnerbook_book::money::Money::new(
                total.minor - already,
                total.currency,
            ));
            refund.original_external_id = original;
            refund.customer_ref = customer_ref;
            refund.customer_email = customer_email;
            refund
        }
    };
    match recorder.record(&input)? {
        Recorded::New(_) => {
            report.recorded += 1;
            report.refunds += u64::from(input.kind.gives_money_back());
        }
        Recorded::Existing(_) => report.existing += 1,
    }
    Ok(())
}

/// Imports a rates file in one transaction, then computes the commissions
/// that were waiting for a rate.
pub fn fx_rates(
    book: &mut Book,
    path: &Path,
    progress: &dyn Progress,
) -> Result<(FxImportReport, EngineReport)> {
    fx_rates_with(book, path, false, progress)
}

/// `fx_rates`; with `dry_run`, everything is read, stored and computed in a
/// transaction that is then rolled back: what the import would do, nothing
/// written.
pub fn fx_rates_with(
    book: &mut Book,
    path: &Path,
    dry_run: bool,
    progress: &dyn Progress,
) -> Result<(FxImportReport, EngineReport)> {
    let tx = book.transaction()?;
    let mut report = fx::import(&tx, path)?;
    let engine = engine::run_in(&tx, progress)?;
    report.dry_run = dry_run;
    if !dry_run {
        tx.commit()?;
    }
    Ok((report, engine))
}

/// Reads a PayPal file's dates once to tell day-first from month-first;
/// refuses a file where every date could be either.
fn detect_day_first(path: &Path, file: &str, columns: &HashMap<Field, usize>) -> Result<bool> {
    let Some(&col) = columns.get(&Field::OccurredAt) else {
        return Ok(false);
    };
    let (_, mut rdr, _) = open_csv(path)?;
    let mut dates = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| csv_error(file, e))?;
        dates.push(record.get(col).unwrap_or("").to_string());
    }
    if dates.iter().all(|d| !d.contains('/')) {
        return Ok(false);
    }
    presets::day_first_of(dates.iter().map(String::as_str)).ok_or_else(|| {
        LedgerError::invalid(
            "day_first",
            format!(
                "{file}: every date has a day of 12 or less, so 03/04 could be 3 April or March 4: say whether the dates are day-first (31/01/2024) or month-first (01/31/2024) (--day-first or --month-first; a choice in the app's import)"
            ),
        )
    })
}

/// What was already refunded for a sale, by source and the sale's id.
/// `<> ''` lets SQLite use the partial index on the sale a refund names;
/// without it each refund scanned its whole source.
pub const REFUNDED_SO_FAR: &str = "SELECT coalesce(sum(amount_minor), 0) FROM conversions
  WHERE source = ?1 AND original_external_id = ?2 AND original_external_id <> '' AND kind = 'refund'";

/// Whether this conversion's customer already bought before it.
/// True when the customer of `c` bought before `c` (so `c` is a renewal).
pub fn bought_before(conn: &Connection, c: &ConversionInput) -> Result<bool> {
    let Some(key) = record::customer_key(c) else {
        return Ok(false);
    };
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM conversions v JOIN customers cu ON cu.id = v.customer_id
              WHERE cu.source = ?1 AND cu.external_id = ?2 AND v.kind IN ('sale', 'recurring') AND v.occurred_at < ?3)",
        )?
        .query_row(params![c.source, key, partnerbook_book::time::stamp(c.occurred_at)], |r| r.get(0))?)
}

type CsvReader = csv::Reader<std::io::BufReader<std::fs::File>>;

/// Opens a conversions file: its name (for errors), a reader, its headers.
pub(crate) fn open_csv(path: &Path) -> Result<(String, CsvReader, Vec<String>)> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reader = std::fs::File::open(path)
        .map_err(|e| LedgerError::io(format!("cannot read {}", path.display()), e))?;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(std::io::BufReader::with_capacity(1 << 20, reader));
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(&file, e))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    Ok((file, rdr, headers))
}

/// A CSV-level error as "file, line N: reason".
pub(crate) fn csv_error(file: &str, e: csv::Error) -> LedgerError {
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("has {len} fields but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text; save the file as UTF-8 CSV".into(),
        _ => e.to_string(),
    };
    LedgerError::bad_row(file, e.position().map_or(0, |p| p.line()), "", reason)
}

/// The columns a preset recognises in `headers`, by header name.
pub(crate) fn match_columns(headers: &[String], preset: &presets::Preset) -> HashMap<Field, usize> {
    let mut columns = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some((_, field)) = preset
            .columns
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(h))
        {
            columns.entry(*field).or_insert(i);
        }
    }
    columns
}

/// Which column holds which field: the preset's headers, then the
/// person's `COLUMN=FIELD` overrides; every required field must be there.
fn map_columns(
    file: &str,
    headers: &[String],
    preset: &presets::Preset,
    overrides: &[String],
) -> Result<HashMap<Field, usize>> {
    let mut columns = match_columns(headers, preset);
    for o in overrides {
        let (column, field) = o.rsplit_once('=').ok_or_else(|| {
            LedgerError::invalid("mapping", format!("\"{o}\" should be COLUMN=FIELD"))
        })?;
        let i = headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| {
                LedgerError::invalid(
                    "mapping",
                    format!(
                        "{file} has no column \"{column}\" (it has: {})",
                        headers.join(", ")
                    ),
                )
            })?;
        let field = Field::parse(field).ok_or_else(|| {
            let names: Vec<&str> = Field::MAPPABLE.iter().map(|(n, _)| *n).collect();
            LedgerError::invalid(
                "mapping",
                format!("\"{field}\" is not one of {}", names.join(", ")),
            )
        })?;
        columns.insert(field, i);
    }
    let missing: Vec<&str> = preset
        .required
        .iter()
        .filter(|f| !columns.contains_key(f))
        .map(|f| f.name())
        .collect();
    if !missing.is_empty() {
        return Err(LedgerError::invalid(
            "mapping",
            format!(
                "{file} has no column for {}; map one with --map COLUMN=FIELD",
                missing.join(", ")
            ),
        ));
    }
    Ok(columns)
}
