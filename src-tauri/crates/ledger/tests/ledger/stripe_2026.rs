//! Stripe's unified payments export as it is in 2026: test-mode payments,
//! disputes, metadata codes, zero-decimal currencies, and signs.

use crate::conversion_import::{book, fixture, lines};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::CommissionState::*;
use partnerbook_ledger::conversions::{self, ConversionKind, ConversionQuery};
use partnerbook_ledger::fx;
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};

fn stripe() -> ConversionImportOptions {
    ConversionImportOptions {
        preset: PresetName::Stripe,
        ..Default::default()
    }
}

#[test]
fn test_mode_is_skipped_a_lost_dispute_is_a_chargeback_and_yen_may_have_a_zero_fraction() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let rates = dir.path().join("rates.csv");
    std::fs::write(&rates, "day,base,quote,rate\n2026-03-05,USD,JPY,150\n").unwrap();
    fx::import(book.conn(), &rates).unwrap();

    let report = import(
        &mut book,
        &fixture("stripe_unified_payments_2026.csv"),
        &stripe(),
        &Quiet,
    )
    .unwrap();
    assert_eq!(report.rows, 5);
    assert_eq!(
        report.skipped.get("a test-mode payment (Mode: Test)"),
        Some(&1),
        "{:?}",
        report.skipped
    );
    assert_eq!(
        (report.recorded, report.refunds),
        (5, 1),
        "4 live charges and the lost dispute"
    );
    assert_eq!(
        report.unattributed, 0,
        "the code came in its metadata column"
    );
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 1470, Pending),  // $49.00
            ("Alice".into(), 9000, Reversed), // $300.00, the dispute lost
            ("Alice".into(), 3600, Pending),  // $120.00, the dispute won
            ("Alice".into(), 1000, Pending),  // ¥5,000 at 150 = $33.33
        ]
    );
    let chargebacks = conversions::list(
        &book,
        &ConversionQuery {
            kinds: vec![ConversionKind::Chargeback],
            ..Default::default()
        },
    )
    .unwrap()
    .rows;
    assert_eq!(chargebacks.len(), 1);
    assert!(
        chargebacks[0].occurred_at.starts_with("2026-03-20"),
        "dated at the dispute: {}",
        chargebacks[0].occurred_at
    );
    assert_eq!(chargebacks[0].amount.unwrap().minor, 30000);
}

fn one_row(dir: &std::path::Path, amount: &str, currency: &str) -> std::path::PathBuf {
    let path = dir.join("one.csv");
    std::fs::write(
        &path,
        format!("id,Created date (UTC),Amount,Amount Refunded,Currency,Status,referral (metadata)\nch_1,2026-03-02 10:00:00,{amount},0.00,{currency},Paid,alice\n"),
    )
    .unwrap();
    path
}

#[test]
fn a_negative_or_malformed_amount_or_a_real_yen_fraction_is_refused_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    for (amount, currency, says) in [
        ("-49.00", "usd", "\"-49.00\" is negative"),
        ("+-49.00", "usd", "malformed sign"),
        ("--49.00", "usd", "malformed sign"),
        ("5000.50", "jpy", "5000.50"),
    ] {
        let err = import(
            &mut book,
            &one_row(dir.path(), amount, currency),
            &stripe(),
            &Quiet,
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("one.csv, line 2, column \"Amount\""),
            "{amount}: {text}"
        );
        assert!(text.contains(says), "{amount}: {text}");
    }
    let none = conversions::list(&book, &ConversionQuery::default()).unwrap();
    assert_eq!(none.total, 0, "nothing written");
}

#[test]
fn an_export_without_refund_dates_says_which_date_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let path = dir.path().join("2023.csv");
    std::fs::write(
        &path,
        "id,Created (UTC),Amount,Amount Refunded,Currency,Status,referral (metadata)\nch_1,2023-03-02 10:00:00,49.00,49.00,usd,Refunded,alice\n",
    )
    .unwrap();
    let report = import(&mut book, &path, &stripe(), &Quiet).unwrap();
    assert_eq!(report.refunds, 1);
    assert_eq!(report.notes, ["2023.csv has no refund date column (an older export layout): each refund is dated at its sale's date"]);
}

#[test]
fn the_first_look_finds_a_metadata_column_of_partners_codes() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let path = dir.path().join("payments.csv");
    std::fs::write(
        &path,
        "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer Email,partner_ref (metadata),plan (metadata)\n\
         ch_1,2026-03-02 10:00:00,49.00,0.00,usd,Paid,a@example.com,ALICE,pro\n\
         ch_2,2026-03-02 11:00:00,49.00,0.00,usd,Paid,b@example.com,,pro\n\
         ch_3,2026-03-02 12:00:00,49.00,0.00,usd,Paid,c@example.com,nobody,basic\n",
    )
    .unwrap();
    let look = partnerbook_ledger::import::inspect_in(book.conn(), &path).unwrap();
    assert_eq!(look.suggested, PresetName::Stripe);
    assert_eq!(
        look.code_columns,
        [partnerbook_ledger::import::CodeColumn {
            header: "partner_ref (metadata)".into(),
            field: "referral_code".into(),
            example: "ALICE".into(),
            matches: 1,
        }]
    );
    // Read with the proposed mapping, the sale is Alice's.
    let mut book = book;
    let options = ConversionImportOptions {
        mapping: vec!["partner_ref (metadata)=referral_code".into()],
        ..stripe()
    };
    let report = import(&mut book, &path, &options, &Quiet).unwrap();
    assert_eq!((report.recorded, report.unattributed), (3, 2));
}
