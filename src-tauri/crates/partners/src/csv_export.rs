//! CSV export of partners, in the columns the import reads back: exporting
//! and re-importing into an empty book gives the same partners.

use super::csv_fields::{join_list, PartnerField, CUSTOM_PREFIX};
use super::model::{CodeKind, Partner};
use super::search::{matching_ids, PartnerQuery, PartnerSort};
use super::store;
use super::tin::Tins;
use crate::error::{ErrorExt, PartnerError, Result};
use partnerbook_book::progress::Progress;
use partnerbook_book::spreadsheet;
use partnerbook_book::Book;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::io::Write;

/// Writes the partners matching `query` (all of them by default, oldest
/// first) and returns how many were written. TINs are masked unless
/// `tins` is `Whole`; a masked file re-imports with TINs left as they are.
/// Rows stream out one by one, so progress is real and a cancel stops
/// within a few hundred rows.
pub fn export<W: Write>(
    book: &Book,
    query: Option<&PartnerQuery>,
    out: W,
    tins: Tins,
    progress: &dyn Progress,
) -> Result<u64> {
    let all = PartnerQuery {
        sort: PartnerSort::Created,
        ..Default::default()
    };
    let ids = matching_ids(book, query.unwrap_or(&all))?;
    let conn = book.conn();
    let custom_keys = custom_field_keys(conn)?;
    let fields: Vec<PartnerField> = PartnerField::ALL
        .iter()
        .copied()
        .filter(|f| *f != PartnerField::LastName)
        .collect();
    let write_err =
        |e: csv::Error| PartnerError::io("writing the CSV", std::io::Error::other(e.to_string()));
    let mut w = csv::Writer::from_writer(out);
    let header = fields
        .iter()
        .map(|f| f.column().to_string())
        .chain(custom_keys.iter().map(|k| format!("{CUSTOM_PREFIX}{k}")));
    w.write_record(header).map_err(write_err)?;
    let total = ids.len() as u64;
    let mut parent_emails: HashMap<i64, String> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let p = store::get(conn, *id)?;
        if let Some(parent) = p.parent_id {
            if let Entry::Vacant(e) = parent_emails.entry(parent) {
                e.insert(store::email_of(conn, parent)?);
            }
        }
        let cells = fields
            .iter()
            .map(|f| cell(&p, *f, &parent_emails, tins))
            .chain(
                custom_keys
                    .iter()
                    .map(|k| p.custom_fields.get(k).cloned().unwrap_or_default()),
            )
            .map(|c| spreadsheet::text_cell(&c).into_owned());
        w.write_record(cells).map_err(write_err)?;
        if i % 500 == 499 {
            progress.check()?;
            progress.update("Exporting", i as u64 + 1, total);
        }
    }
    w.flush()
        .map_err(|e| PartnerError::io("writing the CSV", e))?;
    progress.update("Exporting", total, total);
    Ok(total)
}

/// Every custom field key in the book, so each gets a column.
fn custom_field_keys(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT j.key FROM partners p, json_each(p.custom_fields) j ORDER BY j.key",
    )?;
    let keys = stmt.query_map([], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

fn cell(
    p: &Partner,
    field: PartnerField,
    parent_emails: &HashMap<i64, String>,
    tins: Tins,
) -> String {
    let codes = |kind: CodeKind| {
        join_list(
            &p.codes
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| &c.code)
                .collect::<Vec<_>>(),
        )
    };
    use PartnerField as F;
    match field {
        F::Name => p.name.clone(),
        F::FirstName => p.first_name.clone(),
        F::LastName => String::new(),
        F::Email => p.email.clone(),
        F::Company => p.company.clone(),
        F::Address => p.address.clone(),
        F::Website => p.website.clone(),
        F::SocialProfiles => join_list(&p.social_profiles),
        F::Country => p.country.clone(),
        F::Language => p.language.clone(),
        F::Status => p.status.as_str().to_string(),
        F::Group => p.group_name.clone().unwrap_or_default(),
        F::Tags => join_list(&p.tags),
        F::ParentEmail => p
            .parent_id
            .and_then(|id| parent_emails.get(&id).cloned())
            .unwrap_or_default(),
        F::ReferralCodes => codes(CodeKind::Referral),
        F::CouponCodes => codes(CodeKind::Coupon),
        F::LinkIds => codes(CodeKind::Link),
        F::PayoutMethod => p.payout.method.as_str().to_string(),
        F::PayoutEmail => p.payout.email.clone(),
        F::Iban => p.payout.iban.clone(),
        F::Bic => p.payout.bic.clone(),
        F::PayoutOther => p.payout.other.clone(),
        F::PayoutCurrency => p.payout_currency.clone(),
        F::TaxStatus => p.tax.status.as_str().to_string(),
        F::TaxFormExpires => p.tax.form_expires.clone(),
        F::VatId => p.tax.vat_id.clone(),
        F::Tin => tins.show(&p.tax.tin),
        F::TermsVersion => p.terms_version.clone(),
    }
}
