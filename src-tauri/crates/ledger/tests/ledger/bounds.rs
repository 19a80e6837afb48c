//! Sane bounds where data comes in: an amount no sale has, a date in year
//! 0, a NUL byte or a 10 MB value is refused with the file, line and field,
//! quoting at most a short excerpt, and nothing of the file is written; an
//! FX file with no rates, or two rates for one day, is refused too.

use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, Coded, ErrorCode};
use partnerbook_ledger::fx;
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_ledger::plans::{self, PlanFile};
use std::path::Path;

fn book(dir: &Path) -> Book {
    Book::create(
        &dir.join("b.partnerbook"),
        &NewProgram {
            program_name: "Bounds".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap()
}

fn conversions(book: &Book) -> i64 {
    book.conn()
        .query_row("SELECT count(*) FROM conversions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_conversion_file_with_a_value_out_of_bounds_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let huge = "x".repeat(10 * 1024 * 1024);
    for (row, column) in [
        ("o2,sale,2026-03-02,92233720368547758.07,USD,ANA", "amount"),
        ("o2,sale,0000-01-01,10.00,USD,ANA", "occurred_at"),
        ("o2\u{0},sale,2026-03-02,10.00,USD,ANA", "external_id"),
        (
            &*format!("{huge},sale,2026-03-02,10.00,USD,ANA"),
            "external_id",
        ),
    ] {
        let path = dir.path().join("sales.csv");
        std::fs::write(
            &path,
            format!(
                "external_id,kind,occurred_at,amount,currency,referral_code\no1,sale,2026-03-01,10.00,USD,ANA\n{row}\n"
            ),
        )
        .unwrap();
        let err = import(
            &mut book,
            &path,
            &ConversionImportOptions::default(),
            &Quiet,
        )
        .unwrap_err();
        let text = err.to_string();
        assert_eq!(
            err.code(),
            ErrorCode::BadRow,
            "{}",
            &text[..text.len().min(300)]
        );
        assert!(
            text.starts_with("sales.csv, line 3, column"),
            "{}",
            &text[..text.len().min(300)]
        );
        assert!(
            text.contains(column) || column == "occurred_at",
            "{}",
            &text[..text.len().min(300)]
        );
        assert!(
            text.len() < 400,
            "a short excerpt, not the value: {} bytes",
            text.len()
        );
        assert_eq!(conversions(&book), 0, "nothing of the file was written");
    }
}

#[test]
fn an_fx_file_with_no_rates_or_two_rates_for_one_day_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let path = dir.path().join("rates.csv");
    std::fs::write(&path, "day,base,quote,rate\n").unwrap();
    let err = fx::import(book.conn(), &path).unwrap_err();
    assert!(err.to_string().contains("holds no exchange rates"), "{err}");
    std::fs::write(
        &path,
        "day,base,quote,rate\n2026-03-01,EUR,USD,1.08\n2026-03-01,EUR,USD,1.08\n2026-03-01,EUR,USD,1.18\n",
    )
    .unwrap();
    let err = fx::import(book.conn(), &path).unwrap_err();
    assert_eq!(
        err.to_string(),
        "rates.csv, line 4, column \"rate\": 1.18 for EUR→USD on 2026-03-01 differs from 1.08 on line 2: which is right?"
    );
    std::fs::write(
        &path,
        "day,base,quote,rate,source\n2026-03-01,EUR,USD,1.08,EC\u{0}B\n",
    )
    .unwrap();
    assert!(
        fx::import(book.conn(), &path).is_err(),
        "a NUL byte in the source"
    );
}

#[test]
fn a_plan_name_of_ten_megabytes_is_refused_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let plan: PlanFile = serde_json::from_value(serde_json::json!({
        "name": "p".repeat(10 * 1024 * 1024),
        "versions": [{ "effective_from": "2026-01-01", "rules": [{ "id": "base", "kind": "percentage", "rate": "30%" }] }]
    }))
    .unwrap();
    let err = plans::import(&mut book, &plan, partnerbook_book::audit::Actor::User).unwrap_err();
    assert!(err.to_string().len() < 200, "{}", &err.to_string()[..200]);
    assert_eq!(err.field(), Some("name"));
}
