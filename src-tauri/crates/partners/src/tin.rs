//! Taxpayer identification numbers. The book keeps a partner's TIN whole,
//! because a 1099-NEC needs it; everything else (the audit log, the
//! timeline, exports unless asked, reports, the CLI) sees it masked.

use crate::error::{ErrorExt, PartnerError, Result};
use crate::model::TaxStatus;

/// What kind of number a TIN is, as a 1099 filing asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TinKind {
    /// A US Social Security (or individual taxpayer) number: 123-45-6789.
    Ssn,
    /// A US Employer Identification Number: 12-3456789.
    Ein,
    /// A number from the partner's own country, given on a W-8BEN.
    Foreign,
}

impl TinKind {
    pub fn label(self) -> &'static str {
        match self {
            TinKind::Ssn => "SSN",
            TinKind::Ein => "EIN",
            TinKind::Foreign => "foreign",
        }
    }
}

/// How a file we write shows TINs: masked unless the manager asks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Tins {
    #[default]
    Masked,
    Whole,
}

impl Tins {
    /// Whole when the person asked for whole TINs (`--full-tins`).
    pub fn whole_if(asked: bool) -> Tins {
        if asked {
            Tins::Whole
        } else {
            Tins::Masked
        }
    }

    pub fn show(self, tin: &str) -> String {
        match self {
            Tins::Masked => mask(tin),
            Tins::Whole => tin.to_string(),
        }
    }
}

impl crate::Partner {
    /// The partner as shown anywhere but their own form: TIN masked.
    pub fn tin_masked(mut self) -> crate::Partner {
        self.tax.tin = mask(&self.tax.tin);
        self
    }
}

/// The mark masked numbers carry, so an import can tell a masked cell from
/// a number.
const MASK: char = '*';

/// The TIN as stored: a W-9 number in its US layout, a W-8BEN number as
/// given (trimmed). Other forms carry none, like the VAT id outside "vat".
/// Nine bare digits on a W-9 are read as an EIN for a company, else an SSN.
pub fn normalize(raw: &str, status: TaxStatus, company: &str) -> Result<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    let invalid = |why: String| Err(PartnerError::invalid("tin", why));
    match status {
        TaxStatus::W9 => {
            let digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
            let only_digits_and_dashes = raw
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
            if digits.len() != 9 || !only_digits_and_dashes {
                return invalid(format!(
                    "\"{}\" is not a US TIN: an SSN is 123-45-6789, an EIN 12-3456789",
                    mask(raw)
                ));
            }
            if digits.chars().all(|c| c == '0') {
                return invalid("a TIN cannot be all zeros".to_string());
            }
            let dashes: Vec<usize> = raw
                .char_indices()
                .filter(|(_, c)| *c == '-')
                .map(|(i, _)| i)
                .collect();
            let kind = match dashes.as_slice() {
                [2] => TinKind::Ein,
                [3, 6] => TinKind::Ssn,
                [] if !company.trim().is_empty() => TinKind::Ein,
                [] => TinKind::Ssn,
                _ => {
                    return invalid(format!(
                        "\"{}\" is not written like an SSN (123-45-6789) or an EIN (12-3456789)",
                        mask(raw)
                    ))
                }
            };
            Ok(match kind {
                TinKind::Ein => format!("{}-{}", &digits[..2], &digits[2..]),
                _ => format!("{}-{}-{}", &digits[..3], &digits[3..5], &digits[5..]),
            })
        }
        TaxStatus::W8ben => {
            let ok = raw
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '));
            if raw.chars().count() > 30 || !ok || !raw.chars().any(|c| c.is_alphanumeric()) {
                return invalid(
                    "a foreign TIN is up to 30 letters and digits (with - / . or spaces)"
                        .to_string(),
                );
            }
            Ok(raw.to_string())
        }
        TaxStatus::None | TaxStatus::Vat => Ok(String::new()),
    }
}

/// The kind of a stored TIN; None when there is none.
pub fn kind(tin: &str) -> Option<TinKind> {
    let b = tin.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    match (b.len(), digits) {
        (0, _) => None,
        (11, 9) if b[3] == b'-' && b[6] == b'-' => Some(TinKind::Ssn),
        (10, 9) if b[2] == b'-' => Some(TinKind::Ein),
        _ => Some(TinKind::Foreign),
    }
}

/// The TIN with all but its last four letters and digits hidden, keeping
/// its layout: "***-**-6789", "**-***6789", "*******4321". Short numbers
/// are hidden whole. Empty stays empty.
pub fn mask(tin: &str) -> String {
    let total = tin.chars().filter(|c| c.is_alphanumeric()).count();
    let keep = if total > 4 { 4 } else { 0 };
    let mut seen = 0;
    tin.chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen > total - keep {
                c
            } else {
                MASK
            }
        })
        .collect()
}

/// Whether a value read from a file is a masked TIN, written by a masked
/// export: it cannot be a number, so an import leaves the TIN as it was.
pub fn is_masked(value: &str) -> bool {
    value.contains(MASK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerbook_book::Coded;

    #[test]
    fn w9_numbers_take_their_us_layout() {
        let n = |raw: &str, company: &str| normalize(raw, TaxStatus::W9, company);
        assert_eq!(n("123-45-6789", "").unwrap(), "123-45-6789");
        assert_eq!(n(" 12-3456789 ", "").unwrap(), "12-3456789");
        assert_eq!(n("123456789", "").unwrap(), "123-45-6789");
        assert_eq!(n("123456789", "Acme LLC").unwrap(), "12-3456789");
        assert_eq!(n("123 45 6789", "").unwrap(), "123-45-6789");
        for bad in [
            "12345678",
            "1234567890",
            "12-345-6789",
            "ABC-45-6789",
            "000-00-0000",
        ] {
            let e = n(bad, "").unwrap_err();
            assert_eq!(e.field(), Some("tin"), "{bad}");
            // The error never repeats the number it refused in full.
            assert!(!e.to_string().contains(bad), "{e}");
        }
    }

    #[test]
    fn foreign_numbers_are_kept_as_given_and_other_forms_carry_none() {
        assert_eq!(
            normalize(" AB 12 34 56 C ", TaxStatus::W8ben, "").unwrap(),
            "AB 12 34 56 C"
        );
        assert!(normalize("<script>", TaxStatus::W8ben, "").is_err());
        assert_eq!(normalize("123-45-6789", TaxStatus::Vat, "").unwrap(), "");
        assert_eq!(normalize("123-45-6789", TaxStatus::None, "").unwrap(), "");
    }

    #[test]
    fn masks_keep_the_last_four_and_the_layout() {
        assert_eq!(mask("123-45-6789"), "***-**-6789");
        assert_eq!(mask("12-3456789"), "**-***6789");
        assert_eq!(mask("AB 12 34 56 C"), "** ** *4 56 C");
        assert_eq!(mask("1234"), "****");
        assert_eq!(mask(""), "");
        assert!(is_masked(&mask("123-45-6789")));
        assert!(!is_masked("123-45-6789"));
        assert_eq!(kind("123-45-6789"), Some(TinKind::Ssn));
        assert_eq!(kind("12-3456789"), Some(TinKind::Ein));
        assert_eq!(kind("AB123"), Some(TinKind::Foreign));
        assert_eq!(kind(""), None);
    }
}
