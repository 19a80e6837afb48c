//! CSV cells a spreadsheet opens safely. A cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and
//! Sheets as a formula (`=HYPERLINK(...)` runs when the manager opens the
//! export), so text cells get a leading apostrophe, which spreadsheets show
//! as text and do not print. Amount columns are written without it, so a
//! real negative amount stays a number. Our importers take the apostrophe
//! off again, so an export reads back exactly.

use std::borrow::Cow;

fn formula_start(c: Option<char>) -> bool {
    matches!(c, Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Whether `text` would be read as a formula, or is one already quoted
/// (so the quote itself survives a round trip).
fn needs_quote(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('\'') => {
            let rest = chars.as_str();
            formula_start(rest.chars().next()) || needs_quote(rest)
        }
        first => formula_start(first),
    }
}

/// A text cell for a CSV meant for spreadsheets.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if needs_quote(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell read from a CSV we (or a spreadsheet) wrote: the quote
/// `text_cell` added comes off.
pub fn read_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_read_back() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+cmd",
            "-1+2",
            "@SUM(1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(text_cell(formula), format!("'{formula}"));
            assert_eq!(read_cell(&text_cell(formula)), formula);
        }
        for plain in ["Zoë Adams", "", "a=b", "'quoted", "1-2", "O'Brien"] {
            assert_eq!(text_cell(plain), plain);
            assert_eq!(read_cell(&text_cell(plain)), plain);
        }
        // A quote already in front of a formula survives the round trip.
        assert_eq!(text_cell("'=1"), "''=1");
        assert_eq!(read_cell("''=1"), "'=1");
    }
}
