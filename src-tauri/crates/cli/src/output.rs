//! Printing: JSON for scripts, tables and key/value lines for people.

use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};
use serde::Serialize;

pub fn json<T: Serialize>(value: &T) {
    // Our types serialise without fail (a closed pipe ends the process: main.rs).
    if let Ok(text) = serde_json::to_string_pretty(value) {
        println!("{text}");
    }
}

pub fn table(headers: &[&str], rows: Vec<Vec<String>>) {
    let mut t = Table::new();
    t.load_preset(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers);
    for row in rows {
        t.add_row(row);
    }
    println!("{t}");
}

/// "label: value" lines with the labels aligned; empty values are skipped.
pub fn fields(pairs: &[(&str, String)]) {
    let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        println!("{k:>width$}  {v}");
    }
}

/// Amounts in several currencies: "12.00 EUR + 3.50 USD", or "nothing".
pub fn totals(amounts: &[partnerbook_core::money::Money]) -> String {
    if amounts.is_empty() {
        return "nothing".into();
    }
    amounts
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// 12345 → "12,345".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
