//! The list of a run's transfers to make by hand reads back as text: each
//! payee with their bank details, amount and reference, and a total per
//! currency; those in a provider's file are not on it.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_documents::pdf::Fonts;
use partnerbook_documents::reports::by_hand::{by_hand, render};
use partnerbook_partners::{self as partners, PartnerInput, PayoutMethod};
use partnerbook_payouts::{approve, create};
use partnerbook_testkit::program;
use std::process::Command;

#[test]
fn the_transfers_no_file_makes_are_listed_with_bank_details_and_references() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let iga = p.partner("Iga Nowak", PayoutMethod::Iban);
    let cy = p.partner("Cy Chen", PayoutMethod::Other);
    let mut pl = PartnerInput::from(&partners::get(&p.book, iga).unwrap());
    pl.payout_currency = "PLN".into();
    pl.payout.iban = "PL61109010140000071219812874".into();
    pl.payout.bic = "WBKPPLPP".into();
    partners::update(&mut p.book, iga, &pl, "", Actor::User).unwrap();
    for id in [zoe, iga, cy] {
        p.approved(id, 10_000, "2026-11-01");
    }
    p.book
        .conn()
        .execute(
            "INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-30', 'EUR', 'PLN', '4.2000', 'ECB')",
            [],
        )
        .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    let list = by_hand(&p.book, run.id).unwrap();
    assert_eq!(list.lines.len(), 2, "Zoë is in the PayPal file");
    let pdf = render(&list, &Fonts::load().unwrap());
    assert_eq!(
        pdf,
        render(&list, &Fonts::load().unwrap()),
        "the same bytes again"
    );
    let path = p.dir.path().join("by-hand.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs; .ci/setup installs it");
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Transfers to make by hand",
        "Iga Nowak",
        "PL61 1090 1014 0000 0712 1981 2874",
        "BIC WBKPPLPP",
        "420.00 PLN",
        "Cy Chen",
        "cheque to the office",
        "100.00 EUR",
        &list.lines[0].token,
        "1 transfer in PLN",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("Zoë"), "{text}");
    if let Ok(dir) = std::env::var("PARTNERBOOK_SHOTS") {
        std::fs::write(std::path::Path::new(&dir).join("by-hand.pdf"), &pdf).unwrap();
    }
}
