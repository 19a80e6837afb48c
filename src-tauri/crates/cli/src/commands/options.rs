//! Reading the options several commands share.

use crate::error::CliResult;
use partnerbook_core::{partners, Book, BookError, ErrorExt};

/// `--partner P` (id, email or code) as a partner id.
pub fn partner_id(book: &Book, partner: Option<String>) -> CliResult<Option<i64>> {
    Ok(partner
        .map(|p| partners::resolve(book, &p).map(|p| p.id))
        .transpose()?)
}

/// Every value of a repeated option (`--state a --state b`), or which one
/// is not one of the choices.
pub fn parse_all<T>(
    values: &[String],
    field: &str,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> CliResult<Vec<T>> {
    Ok(values
        .iter()
        .map(|v| {
            parse(v).ok_or_else(|| BookError::invalid(field, format!("\"{v}\" is not {what}")))
        })
        .collect::<Result<Vec<_>, _>>()?)
}

/// Overwrites `slot` with an option's value when it was given.
pub fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}
