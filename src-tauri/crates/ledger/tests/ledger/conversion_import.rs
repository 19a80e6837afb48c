//! Importing real-format exports (Stripe, Shopify, PayPal, PartnerStack and
//! the generic layout) into a book: what is recorded, skipped, attributed,
//! and what commissions follow; re-imports change nothing.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, BookError};
use partnerbook_ledger::commissions::{self, CommissionQuery, CommissionState};
use partnerbook_ledger::conversions::{self, ConversionQuery};
use partnerbook_ledger::fx;
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_ledger::plans::{self, PlanFile};
use partnerbook_ledger::LedgerError;
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};
use std::path::{Path, PathBuf};

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/conversions")
        .join(name)
}

/// A USD program on 30%: Alice (codes alice, ALICE10, pship_alice01) and Bob.
pub(crate) fn book(dir: &Path) -> Book {
    let mut book = Book::create(
        &dir.join("b.partnerbook"),
        &NewProgram {
            program_name: "T".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap();
    let code = |kind, code: &str| PartnerCode {
        kind,
        code: code.into(),
    };
    let mut alice = PartnerInput::new("Alice", "alice@example.com");
    alice.codes = vec![
        code(CodeKind::Referral, "alice"),
        code(CodeKind::Coupon, "ALICE10"),
        code(CodeKind::Link, "pship_alice01"),
    ];
    let mut bob = PartnerInput::new("Bob", "bob@example.com");
    bob.codes = vec![
        code(CodeKind::Referral, "bob-partner"),
        code(CodeKind::Link, "pship_bob02"),
    ];
    let alice = partners::create(&mut book, &alice, Actor::User).unwrap().id;
    let bob = partners::create(&mut book, &bob, Actor::User).unwrap().id;
    let plan: PlanFile = serde_json::from_str(
        r#"{ "name": "All", "versions": [{ "effective_from": "2024-01-01", "rules": [{ "id": "base", "kind": "percentage", "rate": "30%" }] }] }"#,
    )
    .unwrap();
    plans::import(&mut book, &plan, Actor::User).unwrap();
    plans::assign_partner(&mut book, &alice.to_string(), Some("All"), Actor::User).unwrap();
    plans::assign_partner(&mut book, &bob.to_string(), Some("All"), Actor::User).unwrap();
    book
}

fn run(
    book: &mut Book,
    preset: PresetName,
    file: &Path,
) -> partnerbook_ledger::import::ConversionImportReport {
    import(
        book,
        file,
        &ConversionImportOptions {
            preset,
            ..Default::default()
        },
        &Quiet,
    )
    .unwrap()
}

/// (partner, cents, state) of every commission, oldest first.
pub(crate) fn lines(book: &Book) -> Vec<(String, i64, CommissionState)> {
    let mut rows = commissions::list(
        book,
        &CommissionQuery {
            limit: 1000,
            ..Default::default()
        },
    )
    .unwrap()
    .rows;
    rows.sort_by_key(|c| c.id);
    rows.into_iter()
        .map(|c| (c.partner_name, c.amount.map_or(0, |m| m.minor), c.state))
        .collect()
}

#[test]
fn stripe_charges_refunds_and_skips() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let rates = dir.path().join("rates.csv");
    std::fs::write(&rates, "day,base,quote,rate\n2024-05-02,EUR,USD,1.08\n").unwrap();
    fx::import(book.conn(), &rates).unwrap();

    let report = run(
        &mut book,
        PresetName::Stripe,
        &fixture("stripe_unified_payments.csv"),
    );
    assert_eq!(report.rows, 6);
    assert_eq!(
        (report.recorded, report.refunds),
        (6, 2),
        "4 charges and 2 refunds"
    );
    assert_eq!(
        report.skipped.values().sum::<u64>(),
        2,
        "{:?}",
        report.skipped
    );
    assert_eq!(
        report.unattributed, 2,
        "the charge with no referral and its refund"
    );
    use CommissionState::*;
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 1470, Pending),  // $49.00
            ("Bob".into(), 40500, Pending),   // €1,250.00 × 1.08 = $1,350.00
            ("Alice".into(), 2970, Reversed), // $99.00, refunded in full before payment
        ]
    );
    assert_eq!(
        report.commissions.net.map(|m| m.minor),
        Some(1470 + 40500),
        "what the import changed the partners' earnings by: the reversed line counts nothing"
    );
    let again = run(
        &mut book,
        PresetName::Stripe,
        &fixture("stripe_unified_payments.csv"),
    );
    assert_eq!((again.recorded, again.existing), (0, 6));

    // A later export where the partial refund grew: only the difference is new.
    let text = std::fs::read_to_string(fixture("stripe_unified_payments.csv")).unwrap();
    let later = dir.path().join("later.csv");
    std::fs::write(
        &later,
        text.replace(
            "200.00,50.00,usd,true,200.00,50.00",
            "200.00,80.00,usd,true,200.00,80.00",
        ),
    )
    .unwrap();
    let report = run(&mut book, PresetName::Stripe, &later);
    assert_eq!(report.recorded, 1);
    let refunds = conversions::list(
        &book,
        &ConversionQuery {
            kinds: vec![conversions::ConversionKind::Refund],
            ..Default::default()
        },
    )
    .unwrap();
    let partial: Vec<i64> = refunds
        .rows
        .iter()
        .filter(|c| c.original_external_id.starts_with("ch_3PqG8h"))
        .map(|c| c.amount.unwrap().minor)
        .collect();
    assert_eq!(
        partial.iter().sum::<i64>(),
        8000,
        "50.00 then 30.00: {partial:?}"
    );
}

#[test]
fn shopify_orders_with_coupons_line_items_and_refunds() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let rates = dir.path().join("rates.csv");
    std::fs::write(&rates, "day,base,quote,rate\n2024-05-04,GBP,USD,1.25\n").unwrap();
    fx::import(book.conn(), &rates).unwrap();
    let report = run(
        &mut book,
        PresetName::Shopify,
        &fixture("shopify_orders_export.csv"),
    );
    assert_eq!(report.rows, 5);
    // #1001's two line items are two sales, each with its product.
    assert_eq!(report.skipped.get("another line item of an order"), None);
    assert_eq!(report.skipped.get("not a paid order"), Some(&1));
    let mut sales: Vec<(String, String, i64)> = conversions::list(&book, &Default::default())
        .unwrap()
        .rows
        .into_iter()
        .filter(|c| c.external_id.starts_with("5801234567890"))
        .map(|c| (c.external_id, c.product, c.amount.map_or(0, |m| m.minor)))
        .collect();
    sales.sort();
    assert_eq!(
        sales,
        [
            ("5801234567890:1".into(), "Starter Kit - Blue".into(), 5000),
            ("5801234567890:2".into(), "Refill Pack".into(), 2500),
        ]
    );
    // #1003: £1,080.00 with coupon ALICE10 at 1.25 = $1,350.00 → $405.00;
    // then £250.00 of it refunded: 405 × 250 / 1080 = $93.75 back.
    use CommissionState::*;
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 40500, Pending),
            ("Alice".into(), -9375, Pending)
        ]
    );
}

#[test]
fn paypal_payments_refunds_and_what_is_not_a_sale() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    // Every day in this US file is 12 or less: the manager says month-first.
    let report = import(
        &mut book,
        &fixture("paypal_activity_download.csv"),
        &ConversionImportOptions {
            preset: PresetName::Paypal,
            month_first: true,
            ..Default::default()
        },
        &Quiet,
    )
    .unwrap();
    assert_eq!((report.rows, report.recorded), (5, 3));
    assert_eq!(report.skipped.values().sum::<u64>(), 2);
    use CommissionState::*;
    assert_eq!(
        lines(&book),
        [("Alice".into(), 1470, Reversed)],
        "refunded in full before payment"
    );
    let sale = conversions::list(
        &book,
        &ConversionQuery {
            kinds: vec![conversions::ConversionKind::Sale],
            ..Default::default()
        },
    )
    .unwrap();
    let first = sale
        .rows
        .iter()
        .find(|c| c.external_id == "1AB23456CD789012E")
        .unwrap();
    assert_eq!(first.occurred_at, "2024-05-01T20:45:10Z", "13:45:10 PDT");
}

#[test]
fn partnerstack_transactions_with_partnership_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let report = run(
        &mut book,
        PresetName::Partnerstack,
        &fixture("partnerstack_transactions.csv"),
    );
    assert_eq!(report.recorded, 4);
    assert_eq!(
        report.commissions.held, 1,
        "the EUR sale waits for its rate"
    );
    let ls = lines(&book);
    assert_eq!(ls[0], ("Alice".into(), 1470, CommissionState::Pending));
    assert_eq!(
        ls.iter()
            .filter(|l| l.2 == CommissionState::Reversed)
            .count(),
        1,
        "the refund found its customer's sale"
    );
}

#[test]
fn generic_files_and_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = dir.path().join("sales.csv");
    std::fs::write(&file, "id,date,amount,ref,product\nA1,2024-06-01,100.00,alice,pro\nA2,2024-06-02,12.345,alice,pro\n").unwrap();
    let options = ConversionImportOptions {
        mapping: vec!["ref=referral_code".into()],
        ..Default::default()
    };
    match import(&mut book, &file, &options, &Quiet) {
        Err(LedgerError::Book(BookError::BadRow {
            file,
            line,
            column,
            reason,
        })) => {
            assert_eq!(
                (file.as_str(), line, column.as_str()),
                ("sales.csv", 3, "amount")
            );
            assert!(reason.contains("3 decimals"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        conversions::list(&book, &ConversionQuery::default())
            .unwrap()
            .total,
        0,
        "nothing written"
    );
    std::fs::write(
        &file,
        "id,date,amount,ref,product\nA1,2024-06-01,100.00,alice,pro\n",
    )
    .unwrap();
    let dry = ConversionImportOptions {
        dry_run: true,
        ..options.clone()
    };
    assert_eq!(
        import(&mut book, &file, &dry, &Quiet)
            .unwrap()
            .commissions
            .lines,
        1
    );
    assert_eq!(
        conversions::list(&book, &ConversionQuery::default())
            .unwrap()
            .total,
        0,
        "a dry run writes nothing"
    );
    let report = import(&mut book, &file, &options, &Quiet).unwrap();
    assert_eq!((report.recorded, report.commissions.lines), (1, 1));
    let missing = import(
        &mut book,
        &file,
        &ConversionImportOptions::default(),
        &Quiet,
    );
    assert!(
        missing.is_ok(),
        "the generic layout knows \"id\" and \"date\""
    );
    let no_date = dir.path().join("bad.csv");
    std::fs::write(&no_date, "ref,amount\nalice,1.00\n").unwrap();
    let err = import(
        &mut book,
        &no_date,
        &ConversionImportOptions::default(),
        &Quiet,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("no column for external_id, occurred_at"),
        "{err}"
    );
}

#[test]
fn a_first_look_suggests_the_preset_whose_export_it_is() {
    use partnerbook_ledger::import::inspect;
    for (file, expected) in [
        ("stripe_unified_payments.csv", PresetName::Stripe),
        ("shopify_orders_export.csv", PresetName::Shopify),
        ("paypal_activity_download.csv", PresetName::Paypal),
        ("partnerstack_transactions.csv", PresetName::Partnerstack),
        ("generic.csv", PresetName::Generic),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = if file == "generic.csv" {
            let path = dir.path().join(file);
            std::fs::write(&path, "external_id,kind,occurred_at,amount,currency,referral_code\no1,sale,2026-03-01,10.00,USD,alice\n").unwrap();
            path
        } else {
            fixture(file)
        };
        let look = inspect(&path).unwrap();
        assert_eq!(look.suggested, expected, "{file}");
        assert!(!look.sample.is_empty() && look.sample.len() <= 8, "{file}");
        assert_eq!(look.sample[0].len(), look.headers.len(), "{file}");
        let fit = look.presets.iter().find(|p| p.preset == expected).unwrap();
        assert!(fit.missing.is_empty(), "{file}: {:?}", fit.missing);
    }
    let stripe = inspect(&fixture("stripe_unified_payments.csv")).unwrap();
    let generic = stripe
        .presets
        .iter()
        .find(|p| p.preset == PresetName::Generic)
        .unwrap();
    assert!(
        generic.columns.iter().any(|c| c.field == "external_id"),
        "Stripe's id column reads as the generic external id too"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 16, ..Default::default() })]

    /// Whatever a file holds (sales, renewals and partial refunds for
    /// known and unknown codes, in any order), importing it again records
    /// nothing and leaves every commission as it was.
    #[test]
    fn re_import_is_a_no_op(
        rows in proptest::collection::vec((0usize..4, 1i64..50_000, 1u32..28, 0u32..4), 1..25),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut book = book(dir.path());
        let mut csv = String::from("external_id,kind,occurred_at,amount,currency,customer_id,referral_code,original_external_id\n");
        for (i, (who, cents, day, kind)) in rows.iter().enumerate() {
            let code = ["alice", "ALICE10", "bob-partner", "nobody"][*who];
            let amount = format!("{}.{:02}", cents / 100, cents % 100);
            let line = match kind {
                0 | 1 => format!("s{i},sale,2026-03-{day:02}T10:00:00Z,{amount},USD,c{who},{code},\n"),
                2 => format!("s{i},recurring,2026-03-{day:02}T11:00:00Z,{amount},USD,c{who},,\n"),
                _ if i > 0 => format!("r{i},refund,2026-03-{day:02}T12:00:00Z,{}.{:02},USD,c{who},,s{}\n", cents / 200, (cents / 2) % 100, i - 1),
                _ => format!("s{i},sale,2026-03-{day:02}T10:00:00Z,{amount},USD,c{who},{code},\n"),
            };
            csv.push_str(&line);
        }
        let file = dir.path().join("mixed.csv");
        std::fs::write(&file, csv).unwrap();
        let first = run(&mut book, PresetName::Generic, &file);
        let before = lines(&book);
        let again = run(&mut book, PresetName::Generic, &file);
        proptest::prop_assert_eq!(again.recorded, 0);
        proptest::prop_assert_eq!(again.existing, first.recorded + first.existing);
        proptest::prop_assert_eq!(lines(&book), before);
    }
}

#[test]
fn an_import_backs_the_book_up_first_and_a_check_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = fixture("stripe_unified_payments.csv");
    let check = ConversionImportOptions {
        preset: PresetName::Stripe,
        dry_run: true,
        ..Default::default()
    };
    import(&mut book, &file, &check, &Quiet).unwrap();
    assert!(partnerbook_book::backups::list(book.path())
        .unwrap()
        .is_empty());
    run(&mut book, PresetName::Stripe, &file);
    let backups = partnerbook_book::backups::list(book.path()).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, "before-import");
    let before = Book::open(Path::new(&backups[0].path)).unwrap();
    let n: i64 = before
        .conn()
        .query_row("SELECT count(*) FROM conversions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "the book as it was before the import");
}
