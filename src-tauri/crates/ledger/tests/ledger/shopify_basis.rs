//! Shopify refunds come on the order's Total (shipping and taxes in); the
//! sale is its Subtotal. A refund is brought to the sale's basis first.

use crate::conversion_import::{book, fixture, lines};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::CommissionState::*;
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};

/// An order in the fixture's layout: subtotal, shipping, taxes, total, refunded.
fn order(dir: &std::path::Path, cells: [&str; 5]) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("shopify_orders_export.csv")).unwrap();
    let header = text.lines().next().unwrap();
    let row: Vec<String> = header
        .split(',')
        .map(|h| match h {
            "Name" => "#2001".to_string(),
            "Email" => "eve@example.com".into(),
            "Financial Status" => "partially_refunded".into(),
            "Paid at" => "2024-05-01 13:45:12 -0400".into(),
            "Currency" => "USD".into(),
            "Subtotal" => cells[0].into(),
            "Shipping" => cells[1].into(),
            "Taxes" => cells[2].into(),
            "Total" => cells[3].into(),
            "Refunded Amount" => cells[4].into(),
            "Discount Code" => "ALICE10".into(),
            "Lineitem name" => "Starter Kit".into(),
            "Id" => "5801234569999".into(),
            _ => String::new(),
        })
        .collect();
    let path = dir.join("orders_export.csv");
    std::fs::write(&path, format!("{header}\n{}\n", row.join(","))).unwrap();
    path
}

#[test]
fn a_refund_of_the_total_takes_back_commission_only_on_its_share_of_the_subtotal() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    // $75.00 of goods, $5.00 shipping, $4.50 tax; one item refunded with its tax: $26.50.
    let file = order(dir.path(), ["75.00", "5.00", "4.50", "84.50", "26.50"]);
    let options = ConversionImportOptions {
        preset: PresetName::Shopify,
        ..Default::default()
    };
    import(&mut book, &file, &options, &Quiet).unwrap();
    // 26.50 × 75.00 / 84.50 = 23.52 on the sale's basis; 30% of it back.
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 2250, Pending),
            ("Alice".into(), -706, Pending)
        ]
    );
}

#[test]
fn a_full_refund_takes_back_the_whole_commission_and_no_more() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = order(dir.path(), ["75.00", "5.00", "4.50", "84.50", "84.50"]);
    let options = ConversionImportOptions {
        preset: PresetName::Shopify,
        ..Default::default()
    };
    import(&mut book, &file, &options, &Quiet).unwrap();
    assert_eq!(lines(&book), [("Alice".into(), 2250, Reversed)]);
}

#[test]
fn where_prices_include_tax_the_sale_and_its_refunds_are_without_it() {
    use partnerbook_book::settings::{self, ProgramSettingsInput};
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let mut input = ProgramSettingsInput::from(&settings::get(book.conn()).unwrap());
    input.prices_include_tax = true;
    settings::save(&mut book, &input, partnerbook_book::audit::Actor::User).unwrap();
    // A €108.00 order, €18.00 of it VAT; half of it refunded.
    let file = order(dir.path(), ["108.00", "0.00", "18.00", "108.00", "54.00"]);
    let options = ConversionImportOptions {
        preset: PresetName::Shopify,
        ..Default::default()
    };
    import(&mut book, &file, &options, &Quiet).unwrap();
    // 30% of 90.00; the refund is 54.00 × 90.00 / 108.00 = 45.00 of it.
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 2700, Pending),
            ("Alice".into(), -1350, Pending)
        ]
    );
}
