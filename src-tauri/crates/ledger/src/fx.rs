//! Exchange rates: a table of (day, base, quote, rate, source), imported from
//! the ECB's reference-rate CSV or a plain long CSV. A conversion in another
//! currency is valued at the rate of its own day (or the last published day
//! before it, up to a week, as for weekends); no rate means no guess.

use crate::error::{ErrorExt, LedgerError, Result};
use chrono::{Duration, NaiveDate};
use partnerbook_book::money::rate::parse_fx;
use partnerbook_book::money::Currency;
use partnerbook_book::validate;
use partnerbook_book::Coded;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::str::FromStr;
use ts_rs::TS;

/// How far back a missing day may borrow the last published rate.
const LOOKBACK_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FxRate {
    /// 1 `from` = `rate` `to`.
    pub rate: Decimal,
    /// Where it came from, in words: "ECB 2026-05-01 EUR→USD 1.0842".
    pub source: String,
}

/// The rate to value `from` money in `to` on `day`.
pub fn lookup(
    conn: &Connection,
    day: NaiveDate,
    from: Currency,
    to: Currency,
) -> Result<Option<FxRate>> {
    if from == to {
        return Ok(Some(FxRate {
            rate: Decimal::ONE,
            source: "same currency".into(),
        }));
    }
    let first = (day - Duration::days(LOOKBACK_DAYS))
        .format("%Y-%m-%d")
        .to_string();
    let last = day.format("%Y-%m-%d").to_string();
    // Direct, inverse, or across a common base (the ECB publishes EUR→X).
    // (day, base, quote, rate, source, cross rate, cross base)
    type Found = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let row: Option<Found> = conn
        .prepare_cached(
            "SELECT day, base, quote, rate, source, NULL, NULL FROM fx_rates
              WHERE day BETWEEN ?1 AND ?2 AND ((base = ?3 AND quote = ?4) OR (base = ?4 AND quote = ?3))
             UNION ALL
             SELECT a.day, a.quote, b.quote, a.rate, a.source, b.rate, a.base FROM fx_rates a
               JOIN fx_rates b ON b.day = a.day AND b.base = a.base
              WHERE a.day BETWEEN ?1 AND ?2 AND a.quote = ?3 AND b.quote = ?4
             ORDER BY 1 DESC, 6 IS NOT NULL LIMIT 1",
        )?
        .query_row(params![first, last, from.code(), to.code()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .optional()?;
    let Some((d, base, quote, rate, source, cross_rate, via)) = row else {
        return Ok(None);
    };
    let rate = Decimal::from_str(&rate)
        .map_err(|_| LedgerError::invalid("fx_rate", format!("stored rate \"{rate}\"")))?;
    let found = match (cross_rate, via) {
        (Some(other), Some(via)) => {
            let other = Decimal::from_str(&other)
                .map_err(|_| LedgerError::invalid("fx_rate", format!("stored rate \"{other}\"")))?;
            FxRate {
                rate: other / rate,
                source: format!("{source} {d} {via}→{to} {other} / {via}→{from} {rate}"),
            }
        }
        _ if base == from.code() => FxRate {
            rate,
            source: format!("{source} {d} {base}→{quote} {rate}"),
        },
        _ => FxRate {
            rate: Decimal::ONE / rate,
            source: format!("{source} {d} 1 / ({base}→{quote} {rate})"),
        },
    };
    Ok(Some(found))
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FxImportReport {
    pub rates: u64,
    pub days: u64,
    /// Columns of the ECB's file for currencies that no longer exist (CYP,
    /// EEK, LTL… kept until they ended), skipped.
    pub skipped_currencies: Vec<String>,
    /// Read and counted only: nothing was stored.
    pub dry_run: bool,
}

/// Imports rates from `path`: the ECB's reference-rate file (a `Date`
/// column, then one column per currency, EUR as the base, "N/A" for none)
/// or a long file with `day,base,quote,rate[,source]`. One transaction;
/// a bad cell names its line and column. Re-importing replaces rates.
/// Columns for currencies ISO 4217 no longer lists are skipped and named.
pub fn import(conn: &Connection, path: &Path) -> Result<FxImportReport> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bad = |line: u64, column: &str, reason: String| {
        LedgerError::bad_row(file.clone(), line, column.to_string(), reason)
    };
    let reader = std::fs::File::open(path)
        .map_err(|e| LedgerError::io(format!("cannot read {}", path.display()), e))?;
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(reader);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| bad(1, "", e.to_string()))?
        .iter()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    let wide = headers
        .first()
        .is_some_and(|h| h.eq_ignore_ascii_case("date"));
    let mut report = FxImportReport::default();
    // (day, base, quote) → (rate, line): one file gives one rate for each.
    let mut seen: std::collections::HashMap<(String, String, String), (Decimal, u64)> =
        std::collections::HashMap::new();
    let mut once = |line: u64, column: &str, key: (String, String, String), rate: Decimal| {
        match seen.get(&key) {
            Some((earlier, at)) if *earlier != rate => Err(bad(
                line,
                column,
                format!(
                    "{} for {}→{} on {} differs from {} on line {at}: which is right?",
                    rate, key.1, key.2, key.0, earlier
                ),
            )),
            Some(_) => Ok(()),
            None => {
                seen.insert(key, (rate, line));
                Ok(())
            }
        }
    };
    let mut insert = conn.prepare_cached("INSERT OR REPLACE INTO fx_rates (day, base, quote, rate, source) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    // The wide file's currency columns, looked up once; retired ones skipped.
    let mut quotes: Vec<(usize, String)> = Vec::new();
    if wide {
        for (i, code) in headers.iter().enumerate().skip(1) {
            match Currency::from_code(code) {
                Ok(c) => quotes.push((i, c.code().to_string())),
                Err(_) => report.skipped_currencies.push(code.to_ascii_uppercase()),
            }
        }
    }
    for record in rdr.records() {
        let record =
            record.map_err(|e| bad(e.position().map_or(0, |p| p.line()), "", e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let day = parse_day(cell(0))
            .ok_or_else(|| bad(line, &headers[0], format!("\"{}\" is not a date", cell(0))))?;
        if wide {
            for (i, code) in &quotes {
                let text = cell(*i);
                if text.is_empty() || text.eq_ignore_ascii_case("N/A") {
                    continue;
                }
                let rate = parse_fx(text, code).map_err(|e| bad(line, code, e.reason()))?;
                once(line, code, (day.clone(), "EUR".into(), code.clone()), rate)?;
                insert.execute(params![day, "EUR", code, rate.to_string(), "ECB"])?;
                report.rates += 1;
            }
        } else {
            let names = ["day", "base", "quote", "rate"];
            let base = Currency::from_code(cell(1))
                .map_err(|_| bad(line, names[1], format!("\"{}\" is not a currency", cell(1))))?;
            let quote = Currency::from_code(cell(2))
                .map_err(|_| bad(line, names[2], format!("\"{}\" is not a currency", cell(2))))?;
            let rate = parse_fx(cell(3), "rate").map_err(|e| bad(line, names[3], e.reason()))?;
            once(
                line,
                names[3],
                (day.clone(), base.code().into(), quote.code().into()),
                rate,
            )?;
            let source = if cell(4).is_empty() {
                "imported"
            } else {
                cell(4)
            };
            validate::check_limited(source, "source", 100)
                .map_err(|e| bad(line, "source", e.reason()))?;
            insert.execute(params![
                day,
                base.code(),
                quote.code(),
                rate.to_string(),
                source
            ])?;
            report.rates += 1;
        }
        report.days += 1;
    }
    if report.rates == 0 {
        return Err(LedgerError::invalid(
            "file",
            format!("{file} holds no exchange rates: is it the right file?"),
        ));
    }
    Ok(report)
}

/// "2026-05-01", or the ECB daily file's "01 May 2026".
fn parse_day(text: &str) -> Option<String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y"))
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}
