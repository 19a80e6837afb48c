//! Fuzzing every importer's parser with files in its own layout whose cells
//! are anything (numbers, dates, quotes, commas, line breaks, NUL bytes,
//! long text, other scripts): an import or a check either reads the file or
//! refuses it with an error; it never panics. Brief by default; longer on
//! demand: `PROPTEST_CASES=20000 cargo test -p partnerbook-ledger fuzz`.

use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_ledger::fx;
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};
use proptest::prelude::*;
use std::path::Path;

/// Cases per run: PROPTEST_CASES when set, else a brief 48.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    ProptestConfig::with_cases(cases)
}

/// One cell: something a real export holds, or something hostile.
pub fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "-?[0-9]{1,12}(\\.[0-9]{1,4})?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
        "(USD|EUR|JPY|GBP|usd|XXX|€|)",
        "(paid|succeeded|Completed|refunded|Refunded|Partially Refunded|failed|true|false)",
        "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
        "\\PC{0,40}",
        any::<String>(),
        Just("\"quoted, with \"\"quotes\"\"\"".to_string()),
        Just("line\nbreak".to_string()),
        Just("nul\u{0}byte".to_string()),
        Just("9".repeat(400)),
        Just("=cmd|' /C calc'!A0".to_string()),
    ]
}

/// A CSV in the layout of `header`: rows of cells, quoted by the csv writer.
pub fn csv_file(header: Vec<String>) -> impl Strategy<Value = Vec<u8>> {
    let width = header.len();
    proptest::collection::vec(
        proptest::collection::vec(cell(), width.saturating_sub(2)..width + 2),
        0..6,
    )
    .prop_map(move |rows| {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(&header).unwrap();
        for row in rows {
            w.write_record(&row).unwrap();
        }
        w.into_inner().unwrap()
    })
}

fn header_of(fixture: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/conversions")
        .join(fixture);
    let mut r = csv::Reader::from_path(path).unwrap();
    r.headers().unwrap().iter().map(str::to_string).collect()
}

fn book(dir: &Path) -> Book {
    Book::create(
        &dir.join("f.partnerbook"),
        &NewProgram {
            program_name: "Fuzz".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap()
}

fn layouts() -> Vec<(PresetName, Vec<String>)> {
    vec![
        (PresetName::Stripe, header_of("stripe_unified_payments.csv")),
        (PresetName::Shopify, header_of("shopify_orders_export.csv")),
        (
            PresetName::Paypal,
            header_of("paypal_activity_download.csv"),
        ),
        (
            PresetName::Partnerstack,
            header_of("partnerstack_transactions.csv"),
        ),
        (
            PresetName::Generic,
            [
                "external_id",
                "kind",
                "occurred_at",
                "amount",
                "currency",
                "referral_code",
                "coupon_code",
                "original_external_id",
            ]
            .map(String::from)
            .to_vec(),
        ),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn conversion_files_never_panic(
        (which, bytes) in (0usize..5).prop_flat_map(|w| (Just(w), csv_file(layouts().swap_remove(w).1))),
        dry_run in any::<bool>(),
    ) {
        let preset = layouts().swap_remove(which).0;
        let dir = tempfile::tempdir().unwrap();
        let mut book = book(dir.path());
        let path = dir.path().join("export.csv");
        std::fs::write(&path, &bytes).unwrap();
        let options = ConversionImportOptions { preset, dry_run, ..Default::default() };
        let _ = import(&mut book, &path, &options, &Quiet);
    }

    #[test]
    fn fx_files_never_panic(wide in any::<bool>(), rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..7), 0..6)) {
        let header: Vec<String> = if wide {
            ["Date", "USD", "JPY", "GBP", ""].map(String::from).to_vec()
        } else {
            ["day", "base", "quote", "rate", "source"].map(String::from).to_vec()
        };
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        w.write_record(&header).unwrap();
        for row in rows {
            w.write_record(&row).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let book = book(dir.path());
        let path = dir.path().join("rates.csv");
        std::fs::write(&path, w.into_inner().unwrap()).unwrap();
        let _ = fx::import(book.conn(), &path);
    }
}
