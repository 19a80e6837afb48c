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

/// A two-line order in the fixture's layout: the first row has the totals,
/// both have their line item (name, quantity, price, discount).
fn two_line_order(dir: &std::path::Path, refunded: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("shopify_orders_export.csv")).unwrap();
    let header = text.lines().next().unwrap();
    let row = |first: bool, item: (&str, &str, &str, &str)| -> String {
        header
            .split(',')
            .map(|h| match (h, first) {
                ("Name", _) => "#3001".to_string(),
                ("Email", true) => "eve@example.com".into(),
                ("Financial Status", true) => "partially_refunded".into(),
                ("Paid at", true) => "2024-05-01 13:45:12 -0400".into(),
                ("Currency", true) => "USD".into(),
                // 2 × 40.00 + 1 × 30.00, 10% off with the code: 99.00.
                ("Subtotal", true) => "99.00".into(),
                ("Shipping", true) => "6.00".into(),
                ("Taxes", true) => "0.00".into(),
                ("Total", true) => "105.00".into(),
                ("Refunded Amount", true) => refunded.into(),
                ("Discount Code", true) => "ALICE10".into(),
                ("Discount Amount", true) => "11.00".into(),
                ("Id", true) => "5801234570000".into(),
                ("Lineitem name", _) => item.0.into(),
                ("Lineitem quantity", _) => item.1.into(),
                ("Lineitem price", _) => item.2.into(),
                ("Lineitem discount", _) => item.3.into(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let path = dir.join("orders_export.csv");
    std::fs::write(
        &path,
        format!(
            "{header}\n{}\n{}\n",
            row(true, ("Course", "2", "40.00", "8.00")),
            row(false, ("Ebook", "1", "30.00", "3.00")),
        ),
    )
    .unwrap();
    path
}

fn shopify() -> ConversionImportOptions {
    ConversionImportOptions {
        preset: PresetName::Shopify,
        ..Default::default()
    }
}

fn sales(book: &partnerbook_book::Book) -> Vec<(String, String, i64)> {
    use partnerbook_ledger::conversions::{self, ConversionKind};
    let mut rows = conversions::list(book, &Default::default()).unwrap().rows;
    rows.sort_by_key(|c| c.id);
    rows.into_iter()
        .map(|c| {
            let kind = if c.kind == ConversionKind::Refund {
                "refund "
            } else {
                ""
            };
            (
                format!("{kind}{}", c.external_id),
                c.product,
                c.amount.map_or(0, |m| m.minor),
            )
        })
        .collect()
}

#[test]
fn an_order_of_several_line_items_is_a_sale_per_line_and_its_refund_is_split_alike() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    // $21.00 of the $105.00 refunded: 21 × 99 / 105 = 19.80 on the sale's basis.
    let file = two_line_order(dir.path(), "21.00");
    let report = import(&mut book, &file, &shopify(), &Quiet).unwrap();
    assert_eq!((report.rows, report.recorded), (2, 4), "{report:?}");
    assert_eq!(
        sales(&book),
        [
            // 72.00 and 27.00 of worth: the 99.00 split 72:27.
            ("5801234570000:1".into(), "Course".into(), 7200),
            ("5801234570000:2".into(), "Ebook".into(), 2700),
            ("refund 5801234570000:1:refund:1440".into(), "".into(), 1440),
            ("refund 5801234570000:2:refund:540".into(), "".into(), 540),
        ]
    );
    // Read again, nothing new: the running total is split the same way.
    let again = import(&mut book, &file, &shopify(), &Quiet).unwrap();
    assert_eq!((again.recorded, again.existing), (0, 4));
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 2160, Pending),
            ("Alice".into(), 810, Pending),
            ("Alice".into(), -432, Pending),
            ("Alice".into(), -162, Pending)
        ]
    );
}

#[test]
fn an_order_the_book_holds_whole_from_before_stays_whole() {
    use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    // As an import before line items were split recorded it: the order's id, its Subtotal.
    let at = chrono::DateTime::parse_from_rfc3339("2024-05-01T17:45:12Z")
        .unwrap()
        .to_utc();
    let mut whole = ConversionInput::new("shopify", "5801234570000", ConversionKind::Sale, at);
    whole.amount = Some(partnerbook_book::money::Money::new(
        9900,
        partnerbook_book::money::Currency::from_code("USD").unwrap(),
    ));
    whole.coupon_code = "ALICE10".into();
    whole.product = "Course".into();
    conversions::record(&mut book, &whole, partnerbook_book::audit::Actor::Import).unwrap();
    let file = two_line_order(dir.path(), "0.00");
    let report = import(&mut book, &file, &shopify(), &Quiet).unwrap();
    assert_eq!((report.recorded, report.existing), (0, 1), "{report:?}");
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("1 orders of several line items were imported whole")),
        "{:?}",
        report.notes
    );
    assert_eq!(
        sales(&book),
        [("5801234570000".into(), "Course".into(), 9900)]
    );
}

#[test]
fn a_refund_of_the_shipping_alone_takes_no_commission_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = order(dir.path(), ["75.00", "5.00", "4.50", "84.50", "5.00"]);
    let report = import(&mut book, &file, &shopify(), &Quiet).unwrap();
    assert_eq!(
        report
            .skipped
            .get("a refund of the shipping alone: no commission was paid on shipping"),
        Some(&1)
    );
    assert_eq!(lines(&book), [("Alice".into(), 2250, Pending)]);
}

#[test]
fn each_line_item_earns_at_its_products_rate() {
    use partnerbook_book::audit::Actor;
    use partnerbook_ledger::plans::{self, PlanFile};
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let plan: PlanFile = serde_json::from_str(
        r#"{ "name": "Products", "versions": [{ "effective_from": "2024-01-01", "rules": [
            { "id": "base", "kind": "percentage", "rate": "30%" },
            { "id": "ebooks", "kind": "percentage", "rate": "50%", "product": "Ebook" } ] }] }"#,
    )
    .unwrap();
    plans::import(&mut book, &plan, Actor::User).unwrap();
    plans::assign_partner(
        &mut book,
        "alice@example.com",
        Some("Products"),
        Actor::User,
    )
    .unwrap();
    let file = two_line_order(dir.path(), "0.00");
    import(&mut book, &file, &shopify(), &Quiet).unwrap();
    // 30% of the course's 72.00; 50% of the ebook's 27.00.
    assert_eq!(
        lines(&book),
        [
            ("Alice".into(), 2160, Pending),
            ("Alice".into(), 1350, Pending)
        ]
    );
}
