//! PayPal's activity download as it comes: payments later refunded, eCheck
//! payments, fees beside chargebacks, refunds paid to us, and dates whose
//! order only the file can tell.

use crate::conversion_import::{book, fixture, lines};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::CommissionState::*;
use partnerbook_ledger::conversions::{self, ConversionKind, ConversionQuery};
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};
use std::path::{Path, PathBuf};

/// The fixture's 41-column header, and rows with the given cells filled.
fn activity(dir: &Path, rows: &[(&str, &str, &str, &str, &str, &str, &str)]) -> PathBuf {
    let text = std::fs::read_to_string(fixture("paypal_activity_download.csv")).unwrap();
    let header = text.lines().next().unwrap();
    let names: Vec<&str> = header.split(',').map(|h| h.trim_matches('"')).collect();
    let mut out = format!("{header}\n");
    for (date, kind, status, gross, id, reference, custom) in rows {
        let cells: Vec<String> = names
            .iter()
            .map(|n| match *n {
                "Date" => date.to_string(),
                "Time" => "10:00:00".into(),
                "TimeZone" => "UTC".into(),
                "Type" => kind.to_string(),
                "Status" => status.to_string(),
                "Currency" => "USD".into(),
                "Gross" => gross.to_string(),
                "Transaction ID" => id.to_string(),
                "Reference Txn ID" => reference.to_string(),
                "Custom Number" => custom.to_string(),
                "From Email Address" => "buyer@example.com".into(),
                _ => String::new(),
            })
            .map(|c| format!("\"{c}\""))
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    let path = dir.join("Download.CSV");
    std::fs::write(&path, out).unwrap();
    path
}

fn paypal(day_first: bool, month_first: bool) -> ConversionImportOptions {
    ConversionImportOptions {
        preset: PresetName::Paypal,
        day_first,
        month_first,
        ..Default::default()
    }
}

#[test]
fn refunded_and_echeck_payments_are_sales_fees_and_refunds_to_us_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = activity(
        dir.path(),
        &[
            (
                "05/14/2024",
                "Website Payment",
                "Partially Refunded",
                "100.00",
                "S1",
                "",
                "ref=alice",
            ),
            (
                "05/14/2024",
                "Payment Refund",
                "Completed",
                "-40.00",
                "R1",
                "S1",
                "",
            ),
            (
                "05/15/2024",
                "eCheck Received",
                "Completed",
                "50.00",
                "S2",
                "",
                "alice",
            ),
            (
                "05/16/2024",
                "Express Checkout Payment",
                "Refunded",
                "20.00",
                "S3",
                "",
                "alice",
            ),
            (
                "05/17/2024",
                "Chargeback Fee",
                "Completed",
                "-20.00",
                "F1",
                "S3",
                "",
            ),
            (
                "05/18/2024",
                "Payment Refund",
                "Completed",
                "15.00",
                "R9",
                "",
                "",
            ),
            (
                "05/19/2024",
                "Chargeback Reversal",
                "Completed",
                "20.00",
                "CR1",
                "S3",
                "",
            ),
        ],
    );
    let report = import(&mut book, &file, &paypal(false, false), &Quiet).unwrap();
    // The reversal is recorded; with no chargeback before it, it changes nothing.
    assert_eq!(
        (report.rows, report.recorded),
        (7, 5),
        "{:?}",
        report.skipped
    );
    assert_eq!(
        report
            .skipped
            .get("a fee, not a sale, refund or chargeback"),
        Some(&1)
    );
    assert_eq!(
        report.skipped.get("a refund paid to us, not a sale"),
        Some(&1)
    );
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 3000, Pending),
            ("Alice".into(), -1200, Pending),
            ("Alice".into(), 1500, Pending),
            ("Alice".into(), 600, Pending),
        ],
        "30% of 100.00, 50.00 and 20.00; the partial refund takes back 30% of 40.00"
    );
    let chargebacks = conversions::list(
        &book,
        &ConversionQuery {
            kinds: vec![ConversionKind::Chargeback],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(chargebacks.total, 0, "a chargeback fee is not a chargeback");
}

#[test]
fn the_files_days_say_which_way_its_dates_go_and_an_ambiguous_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let sale = |date| {
        (
            date,
            "Website Payment",
            "Completed",
            "10.00",
            "S1",
            "",
            "alice",
        )
    };
    // 13/05: only day-first reads it.
    let file = activity(
        dir.path(),
        &[
            sale("03/05/2024"),
            (
                "13/05/2024",
                "Website Payment",
                "Completed",
                "10.00",
                "S2",
                "",
                "alice",
            ),
        ],
    );
    let report = import(&mut book, &file, &paypal(false, false), &Quiet).unwrap();
    assert_eq!(report.recorded, 2);
    let first = conversions::list(&book, &ConversionQuery::default()).unwrap();
    let s1 = first.rows.iter().find(|c| c.external_id == "S1").unwrap();
    assert!(
        s1.occurred_at.starts_with("2024-05-03"),
        "3 May: {}",
        s1.occurred_at
    );

    let dir = tempfile::tempdir().unwrap();
    let mut book = crate::conversion_import::book(dir.path());
    let file = activity(dir.path(), &[sale("03/05/2024")]);
    let err = import(&mut book, &file, &paypal(false, false), &Quiet).unwrap_err();
    assert!(
        err.to_string()
            .contains("every date has a day of 12 or less"),
        "{err}"
    );
    let report = import(&mut book, &file, &paypal(false, true), &Quiet).unwrap();
    assert_eq!(report.recorded, 1);
    let s1 = conversions::list(&book, &ConversionQuery::default())
        .unwrap()
        .rows
        .remove(0);
    assert!(
        s1.occurred_at.starts_with("2024-03-05"),
        "month-first: {}",
        s1.occurred_at
    );
    let err = import(&mut book, &file, &paypal(true, true), &Quiet).unwrap_err();
    assert!(err.to_string().contains("not both"), "{err}");
}

/// A dispute won: PayPal's "Chargeback Reversal" brings back the money and,
/// with it, the commission the chargeback took, before payment (a line
/// pays the reversed one again) and after (a line pays back the clawback). The reversal
/// may name the sale or the chargeback.
#[test]
fn a_chargeback_reversal_gives_the_commission_back_before_and_after_payment() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let first = activity(
        dir.path(),
        &[
            (
                "05/14/2024",
                "Website Payment",
                "Completed",
                "100.00",
                "S1",
                "",
                "alice",
            ),
            (
                "05/15/2024",
                "Website Payment",
                "Completed",
                "50.00",
                "S2",
                "",
                "alice",
            ),
            (
                "05/20/2024",
                "Chargeback",
                "Completed",
                "-100.00",
                "CB1",
                "S1",
                "",
            ),
        ],
    );
    import(&mut book, &first, &paypal(false, true), &Quiet).unwrap();
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 3000, Reversed),
            ("Alice".into(), 1500, Pending)
        ],
        "the chargeback reverses S1's unpaid line whole"
    );
    // S2 is paid, then charged back: a clawback.
    crate::support::pay_in_a_run(book.conn(), None, true);
    let second = activity(
        dir.path(),
        &[
            (
                "05/21/2024",
                "Chargeback",
                "Completed",
                "-50.00",
                "CB2",
                "S2",
                "",
            ),
            (
                "06/20/2024",
                "Chargeback Reversal",
                "Completed",
                "100.00",
                "CR1",
                "CB1",
                "",
            ),
            (
                "06/21/2024",
                "Chargeback Reversal",
                "Completed",
                "50.00",
                "CR2",
                "S2",
                "",
            ),
        ],
    );
    let report = import(&mut book, &second, &paypal(false, true), &Quiet).unwrap();
    assert_eq!(report.recorded, 3, "{:?}", report.skipped);
    let kinds: Vec<ConversionKind> = conversions::list(&book, &ConversionQuery::default())
        .unwrap()
        .rows
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == ConversionKind::ChargebackReversal)
            .count(),
        2
    );
    assert_eq!(
        lines(&book),
        [
            // S1's line stays reversed (a reversed line is final); a line
            // of the reversal pays it again, to be approved when due.
            ("Alice".into(), 3000, Reversed),
            ("Alice".into(), 1500, Paid),
            // S2's clawback, then the line that pays it back.
            ("Alice".into(), -1500, Approved),
            ("Alice".into(), 3000, Pending),
            ("Alice".into(), 1500, Approved),
        ]
    );
    assert_eq!(
        partnerbook_ledger::totals::drift(book.conn()).unwrap(),
        Vec::<String>::new()
    );
}
