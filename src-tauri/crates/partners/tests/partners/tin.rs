//! A partner's TIN: whole in their form, masked everywhere else (the audit
//! log, the timeline, exports unless asked), and a masked export read back
//! leaves the number as it was.

use super::csv::new_book;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::{Book, Coded};
use partnerbook_partners::csv_export::export;
use partnerbook_partners::csv_import::{import, ImportOptions, OnExisting};
use partnerbook_partners::tin::Tins;
use partnerbook_partners::{self as partners, PartnerInput, TaxStatus};
use std::path::Path;

fn export_to(book: &Book, path: &Path, tins: Tins) -> String {
    export(
        book,
        None,
        std::fs::File::create(path).unwrap(),
        tins,
        &Quiet,
    )
    .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn updating() -> ImportOptions {
    ImportOptions {
        mapping: vec![],
        on_existing: OnExisting::Update,
        dry_run: false,
    }
}

fn all_text(book: &Book, sql: &str) -> String {
    let mut stmt = book.conn().prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap();
    rows.map(|r| r.unwrap().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_tin_is_whole_in_the_record_and_masked_in_the_log_and_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "tin.partnerbook");
    let mut input = PartnerInput::new("Acme Ads", "ads@acme.example");
    input.company = "Acme Ads LLC".into();
    input.tax.status = TaxStatus::W9;
    input.tax.tin = "123456789".into();
    let p = partners::create(&mut book, &input, Actor::User).unwrap();
    // A company's bare nine digits are its EIN.
    assert_eq!(p.tax.tin, "12-3456789");

    // A new number ending in the same four digits still shows as a change.
    let mut input = PartnerInput::from(&p);
    input.tax.tin = "98-7656789".into();
    partners::update(&mut book, p.id, &input, "", Actor::User).unwrap();
    assert_eq!(partners::get(&book, p.id).unwrap().tax.tin, "98-7656789");

    let log = all_text(&book, "SELECT coalesce(before, '') || ' ' || coalesce(after, '') FROM audit_log WHERE entity = 'partner'");
    assert!(log.contains("**-***6789"), "{log}");
    assert!(log.contains("**-***6789 (replaced)"), "{log}");
    for whole in ["12-3456789", "123456789", "98-7656789"] {
        assert!(!log.contains(whole), "the audit log holds {whole}: {log}");
    }
    let timeline = all_text(&book, "SELECT summary || ' ' || body FROM activities");
    assert!(timeline.contains("Updated tax"), "{timeline}");
    assert!(!timeline.contains("6789"), "{timeline}");
    assert_eq!(p.clone().tin_masked().tax.tin, "**-***6789");
}

#[test]
fn a_bad_tin_is_refused_naming_the_field_and_a_file_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "bad.partnerbook");
    let mut input = PartnerInput::new("Bo", "bo@example.com");
    input.tax.status = TaxStatus::W9;
    input.tax.tin = "12-34".into();
    let e = partners::create(&mut book, &input, Actor::User).unwrap_err();
    assert_eq!(e.field(), Some("tin"));

    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        "name,email,tax_status,tin\nCy,cy@example.com,W-9,123-45-6789\nDee,dee@example.com,W-9,1234-5678\n",
    )
    .unwrap();
    let e = import(&mut book, &file, &updating(), &Quiet).unwrap_err();
    let said = e.to_string();
    assert!(said.contains("line 3") && said.contains("tin"), "{said}");
    assert!(!said.contains("1234-5678"), "{said}");
    // All or nothing: Cy was not added either.
    assert!(partners::find_id_by_email(book.conn(), "cy@example.com")
        .unwrap()
        .is_none());
}

#[test]
fn exports_mask_tins_unless_asked_and_masked_files_leave_tins_be() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "a.partnerbook");
    let mut input = PartnerInput::new("Cy Chen", "cy@example.com");
    input.tax.status = TaxStatus::W9;
    input.tax.tin = "123-45-6789".into();
    let cy = partners::create(&mut book, &input, Actor::User).unwrap();

    let masked = export_to(&book, &dir.path().join("masked.csv"), Tins::Masked);
    assert!(
        masked.contains("***-**-6789") && !masked.contains("123-45-6789"),
        "{masked}"
    );
    let whole = export_to(&book, &dir.path().join("whole.csv"), Tins::Whole);
    assert!(whole.contains("123-45-6789"), "{whole}");

    // Read back over the same book: the masked cell changes nothing.
    import(
        &mut book,
        &dir.path().join("masked.csv"),
        &updating(),
        &Quiet,
    )
    .unwrap();
    assert_eq!(partners::get(&book, cy.id).unwrap().tax.tin, "123-45-6789");

    // Into an empty book: a masked file brings no number, a whole one does.
    let mut other = new_book(dir.path(), "b.partnerbook");
    import(
        &mut other,
        &dir.path().join("masked.csv"),
        &updating(),
        &Quiet,
    )
    .unwrap();
    let id = partners::find_id_by_email(other.conn(), "cy@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(partners::get(&other, id).unwrap().tax.tin, "");
    import(
        &mut other,
        &dir.path().join("whole.csv"),
        &updating(),
        &Quiet,
    )
    .unwrap();
    assert_eq!(partners::get(&other, id).unwrap().tax.tin, "123-45-6789");
}
