//! A first look at a conversions file before importing it: its columns, a
//! few rows, and how well each preset reads it, so the app can suggest one
//! and show the mapping.

use super::fields::Field;
use super::presets::PresetName;
use super::{csv_error, match_columns, open_csv};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// How many rows the first look shows.
const SAMPLE_ROWS: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnUse {
    pub header: String,
    /// The field it is read as: a mappable field's name, or what a preset
    /// reads from it ("refunded_amount", "time_zone"…).
    pub field: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresetFit {
    pub preset: PresetName,
    pub columns: Vec<ColumnUse>,
    /// Required fields no column holds.
    pub missing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportInspection {
    pub file: String,
    pub headers: Vec<String>,
    pub sample: Vec<Vec<String>>,
    pub presets: Vec<PresetFit>,
    /// The preset that reads the most columns with nothing missing.
    pub suggested: PresetName,
    /// The names a column can be mapped to.
    pub fields: Vec<String>,
}

/// Reads the header and the first rows of `path` (not the whole file).
pub fn inspect(path: &Path) -> Result<ImportInspection> {
    let (file, mut rdr, headers) = open_csv(path)?;
    let mut sample = Vec::new();
    for record in rdr.records().take(SAMPLE_ROWS) {
        let record = record.map_err(|e| csv_error(&file, e))?;
        sample.push(record.iter().map(str::to_string).collect());
    }
    // Specific exports first: on a tie the generic layout loses.
    let order = [
        PresetName::Stripe,
        PresetName::Shopify,
        PresetName::Paypal,
        PresetName::Partnerstack,
        PresetName::Generic,
    ];
    let presets: Vec<PresetFit> = order
        .iter()
        .map(|name| {
            let preset = name.preset();
            let matched = match_columns(&headers, preset);
            let mut columns: Vec<ColumnUse> = matched
                .iter()
                .map(|(field, i)| ColumnUse {
                    header: headers[*i].clone(),
                    field: field_name(*field),
                })
                .collect();
            columns.sort_by_key(|c| headers.iter().position(|h| *h == c.header));
            let missing = preset
                .required
                .iter()
                .filter(|f| !matched.contains_key(f))
                .map(|f| field_name(*f))
                .collect();
            PresetFit {
                preset: *name,
                columns,
                missing,
            }
        })
        .collect();
    let suggested = presets
        .iter()
        .filter(|p| p.missing.is_empty())
        .max_by_key(|p| {
            (
                p.columns.len(),
                std::cmp::Reverse(p.preset == PresetName::Generic),
            )
        })
        .map_or(PresetName::Generic, |p| p.preset);
    Ok(ImportInspection {
        file,
        headers,
        sample,
        presets,
        suggested,
        fields: Field::MAPPABLE.iter().map(|(n, _)| n.to_string()).collect(),
    })
}

/// "RefundedAmount" → "refunded_amount".
fn field_name(field: Field) -> String {
    let mut out = String::new();
    for (i, c) in format!("{field:?}").chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}
