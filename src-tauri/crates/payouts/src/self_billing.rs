//! EU self-billing invoices: when the program issues them, each payout a
//! run approves takes the book's next invoice number (one unbroken
//! sequence per book), and is marked reverse charge where the partner, as
//! snapshotted at approval, is a business established in another EU state
//! than the program. Both are fixed with the run.

use crate::error::Result;
use partnerbook_book::settings;
use rusqlite::{params, Connection};

/// The EU member states (ISO 3166 alpha-2; Greece as GR, not VAT's EL).
const EU: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

pub fn in_eu(country: &str) -> bool {
    EU.contains(&country.trim().to_ascii_uppercase().as_str())
}

/// Whether a payee is charged in reverse: a business (a company name or a
/// VAT id) in an EU state other than the program's, itself in the EU.
pub fn reverse_charge(program_country: &str, company: &str, vat_id: &str, country: &str) -> bool {
    let business = !company.trim().is_empty() || !vat_id.trim().is_empty();
    business
        && in_eu(program_country)
        && in_eu(country)
        && !program_country.trim().eq_ignore_ascii_case(country.trim())
}

/// Numbers the run's paid payouts in id order, after the book's last
/// invoice, and marks the reverse charge; nothing when self-billing is off.
pub(crate) fn number_invoices(conn: &Connection, run_id: i64) -> Result<()> {
    let program = settings::get(conn)?;
    if !program.self_billing {
        return Ok(());
    }
    let last: i64 = conn.query_row(
        "SELECT coalesce(max(invoice_number), 0) FROM payouts",
        [],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, payee_company, payee_tax_id, payee_country FROM payouts
          WHERE run_id = ?1 AND status = 'draft' AND blocked IS NULL ORDER BY id",
    )?;
    let paid: Vec<(i64, String, String, String)> = stmt
        .query_map([run_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut set =
        conn.prepare("UPDATE payouts SET invoice_number = ?2, reverse_charge = ?3 WHERE id = ?1")?;
    for (i, (id, company, vat, country)) in paid.iter().enumerate() {
        let charge = reverse_charge(&program.country, company, vat, country);
        set.execute(params![id, last + 1 + i as i64, charge])?;
    }
    Ok(())
}

/// "SB-000042": how an invoice number is written.
pub fn invoice_label(number: i64) -> String {
    format!("SB-{number:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reverse_charge_is_for_businesses_in_another_eu_state() {
        assert!(reverse_charge("DE", "Studio Rossi", "", "IT"));
        assert!(reverse_charge("de", "", "IT01234567890", "it"));
        assert!(
            !reverse_charge("DE", "Studio Rossi", "", "DE"),
            "same state: domestic VAT"
        );
        assert!(!reverse_charge("DE", "", "", "IT"), "a person");
        assert!(
            !reverse_charge("DE", "Acme Inc", "", "US"),
            "outside the EU"
        );
        assert!(
            !reverse_charge("GB", "Studio Rossi", "", "IT"),
            "the program outside the EU"
        );
        assert_eq!(invoice_label(42), "SB-000042");
    }
}
