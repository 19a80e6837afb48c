use chrono::NaiveDate;
use partnerbook_book::money::Currency;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, BookError};
use partnerbook_ledger::fx::*;
use partnerbook_ledger::LedgerError;
use rust_decimal::Decimal;
use std::str::FromStr;

fn usd_book() -> (tempfile::TempDir, Book) {
    let dir = tempfile::tempdir().unwrap();
    let program = NewProgram {
        program_name: "T".into(),
        base_currency: "USD".into(),
    };
    let book = Book::create(&dir.path().join("b.partnerbook"), &program).unwrap();
    (dir, book)
}

fn cur(c: &str) -> Currency {
    Currency::from_code(c).unwrap()
}

#[test]
fn ecb_file_gives_direct_inverse_and_cross_rates() {
    let (dir, book) = usd_book();
    let file = dir.path().join("eurofxref-hist.csv");
    std::fs::write(&file, "Date,USD,JPY,GBP,CYP,\n2026-05-04,1.0800,160.00,0.8000,N/A,\n2026-05-01,1.0842,161.20,0.8512,N/A,\n").unwrap();
    let report = import(book.conn(), &file).unwrap();
    assert_eq!(
        report,
        FxImportReport {
            rates: 6,
            days: 2,
            skipped_currencies: vec!["CYP".into()],
            dry_run: false
        }
    );
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let eur_usd = lookup(book.conn(), day("2026-05-01"), cur("EUR"), cur("USD"))
        .unwrap()
        .unwrap();
    assert_eq!(eur_usd.rate, Decimal::from_str("1.0842").unwrap());
    assert_eq!(eur_usd.source, "ECB 2026-05-01 EUR→USD 1.0842");
    let weekend = lookup(book.conn(), day("2026-05-03"), cur("EUR"), cur("USD"))
        .unwrap()
        .unwrap();
    assert_eq!(
        weekend.rate,
        Decimal::from_str("1.0842").unwrap(),
        "Sunday uses Friday's rate"
    );
    let usd_eur = lookup(book.conn(), day("2026-05-04"), cur("USD"), cur("EUR"))
        .unwrap()
        .unwrap();
    assert_eq!(
        usd_eur.rate,
        Decimal::ONE / Decimal::from_str("1.08").unwrap()
    );
    let gbp_usd = lookup(book.conn(), day("2026-05-04"), cur("GBP"), cur("USD"))
        .unwrap()
        .unwrap();
    assert_eq!(
        gbp_usd.rate,
        Decimal::from_str("1.35").unwrap(),
        "1.08 / 0.80 across EUR"
    );
    assert!(
        lookup(book.conn(), day("2026-05-20"), cur("EUR"), cur("USD"))
            .unwrap()
            .is_none(),
        "no guessing after a week"
    );
    assert!(
        lookup(book.conn(), day("2026-05-01"), cur("CHF"), cur("USD"))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_bad_cell_names_its_line_and_column() {
    let (dir, book) = usd_book();
    let file = dir.path().join("rates.csv");
    std::fs::write(
        &file,
        "day,base,quote,rate\n2026-05-01,EUR,USD,1.08\n2026-05-02,EUR,USD,1e3\n",
    )
    .unwrap();
    match import(book.conn(), &file) {
        Err(LedgerError::Book(BookError::BadRow { line, column, .. })) => {
            assert_eq!((line, column.as_str()), (3, "rate"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_ecbs_full_history_imports_every_current_currency_and_names_the_retired_ones() {
    let (_dir, book) = usd_book();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fx/eurofxref-hist.csv");
    let report = import(book.conn(), &file).unwrap();
    assert_eq!(report.days, 3);
    let retired: Vec<&str> = report
        .skipped_currencies
        .iter()
        .map(String::as_str)
        .collect();
    for code in [
        "CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL",
    ] {
        assert!(retired.contains(&code), "{code} in {retired:?}");
    }
    assert!(!retired.contains(&"USD"));
    // 1999 still had the Cyprus pound: that day's other rates came in all the same.
    let day = NaiveDate::from_ymd_opt(1999, 1, 4).unwrap();
    assert!(lookup(book.conn(), day, cur("EUR"), cur("USD"))
        .unwrap()
        .is_some());
    let stored: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM fx_rates", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored as u64, report.rates);
}

#[test]
fn a_dry_run_says_what_the_rates_would_do_and_stores_none() {
    let (dir, mut book) = usd_book();
    let file = dir.path().join("rates.csv");
    std::fs::write(
        &file,
        "day,base,quote,rate\n2026-05-01,EUR,USD,1.08\n2026-05-02,EUR,USD,1.09\n",
    )
    .unwrap();
    let (report, _) = partnerbook_ledger::import::fx_rates_with(
        &mut book,
        &file,
        true,
        &partnerbook_book::progress::Quiet,
    )
    .unwrap();
    assert_eq!((report.rates, report.days, report.dry_run), (2, 2, true));
    let stored: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM fx_rates", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0);
}
