//! A first look at a conversions file before importing it: its columns, a
//! few rows, and how well each preset reads it, so the app can suggest one
//! and show the mapping. With the book at hand it also finds columns no
//! layout reads that hold partners' codes (Stripe's `<key> (metadata)`
//! columns are named by each shop) and proposes reading them as codes.

use super::fields::Field;
use super::presets::PresetName;
use super::{csv_error, match_columns, open_csv};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

/// How many rows the first look shows.
const SAMPLE_ROWS: usize = 8;
/// How many rows it reads looking for columns of partners' codes.
const CODE_ROWS: usize = 500;

/// A column the suggested layout does not read whose values are partners'
/// codes: read it as `field` with `--map "HEADER=FIELD"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CodeColumn {
    pub header: String,
    /// "referral_code" or "coupon_code".
    pub field: String,
    /// A value of it that is a partner's code.
    pub example: String,
    /// Of the rows read, how many hold a partner's code.
    pub matches: u32,
}

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
    /// Columns of partners' codes the suggested layout does not read.
    pub code_columns: Vec<CodeColumn>,
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
        code_columns: Vec::new(),
    })
}

/// `inspect`, and the columns of partners' codes the book's codes reveal.
pub fn inspect_in(conn: &rusqlite::Connection, path: &Path) -> Result<ImportInspection> {
    let mut look = inspect(path)?;
    let mut codes: HashMap<String, bool> = HashMap::new();
    let mut stmt = conn.prepare("SELECT lower(code), kind = 'coupon' FROM partner_codes")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        codes.insert(r.get(0)?, r.get(1)?);
    }
    if codes.is_empty() {
        return Ok(look);
    }
    let fit = look.presets.iter().find(|p| p.preset == look.suggested);
    let read: Vec<&str> = fit.map_or(Vec::new(), |f| {
        f.columns.iter().map(|c| c.header.as_str()).collect()
    });
    let has = |field: &str| fit.is_some_and(|f| f.columns.iter().any(|c| c.field == field));
    // Per unread column: (referral matches, coupon matches, an example).
    let mut found: Vec<(u32, u32, String)> = vec![(0, 0, String::new()); look.headers.len()];
    let (file, mut rdr, _) = open_csv(path)?;
    for record in rdr.records().take(CODE_ROWS) {
        let record = record.map_err(|e| csv_error(&file, e))?;
        for (i, value) in record.iter().enumerate() {
            if i >= found.len() || read.contains(&look.headers[i].as_str()) {
                continue;
            }
            let v = value.trim();
            // "ref=alice" as well as "alice".
            let code = v.rsplit('=').next().unwrap_or(v).trim().to_lowercase();
            if let Some(&coupon) = codes.get(&code) {
                let f = &mut found[i];
                if coupon {
                    f.1 += 1
                } else {
                    f.0 += 1
                }
                if f.2.is_empty() {
                    f.2 = v.to_string();
                }
            }
        }
    }
    for (i, (referral, coupon, example)) in found.into_iter().enumerate() {
        let field = if referral >= coupon {
            "referral_code"
        } else {
            "coupon_code"
        };
        if referral + coupon == 0 || has(field) {
            continue;
        }
        look.code_columns.push(CodeColumn {
            header: look.headers[i].clone(),
            field: field.to_string(),
            example,
            matches: referral + coupon,
        });
    }
    Ok(look)
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
