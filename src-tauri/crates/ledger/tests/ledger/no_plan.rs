//! A sale no plan applies to is held in plain view, not closed with
//! nothing: a plan (or an earlier version) arriving later pays it.

use crate::support::at;
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_ledger::commissions::{self, explain};
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_ledger::plans::{self, default::create_book, PlanFile};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

fn program() -> NewProgram {
    NewProgram {
        program_name: "T".into(),
        base_currency: "USD".into(),
    }
}

fn ana(book: &mut Book) -> i64 {
    let mut ana = PartnerInput::new("Ana Lima", "ana@example.com");
    ana.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "ANA".into(),
    }];
    partners::create(book, &ana, Actor::User).unwrap().id
}

fn sale(book: &mut Book, id: &str, day: &str) {
    let mut c = ConversionInput::new("shop", id, ConversionKind::Sale, at(day));
    c.amount = Some(Money::parse("100.00", Currency::from_code("USD").unwrap()).unwrap());
    c.referral_code = "ANA".into();
    conversions::record(book, &c, Actor::Import).unwrap();
}

/// (amount, hold reason) of each line, oldest first.
fn lines(book: &Book) -> Vec<(Option<i64>, Option<String>)> {
    let mut stmt = book
        .conn()
        .prepare("SELECT amount_minor, hold_reason FROM commissions ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn plan(book: &mut Book, from: &str, rate: &str) {
    let file: PlanFile = serde_json::from_str(&format!(
        r#"{{ "name": "Creators", "versions": [ {{ "effective_from": "{from}",
             "rules": [ {{ "id": "base", "kind": "percentage", "rate": "{rate}" }} ] }} ] }}"#
    ))
    .unwrap();
    plans::import(book, &file, Actor::User).unwrap();
}

#[test]
fn a_sale_with_no_plan_is_held_until_the_partner_is_put_on_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(&dir.path().join("b.partnerbook"), &program()).unwrap();
    ana(&mut book);
    sale(&mut book, "o1", "2026-03-01");
    let report = commissions::run(&mut book, &Quiet).unwrap();
    assert_eq!((report.lines, report.held), (0, 1));
    let held = lines(&book);
    assert_eq!(held.len(), 1);
    assert!(
        held[0]
            .1
            .as_deref()
            .unwrap()
            .starts_with("no plan applies to this partner on 2026-03-01"),
        "{held:?}"
    );
    let text = explain(&book, 1).unwrap();
    assert!(text.contains("no plan applies"), "{text}");

    plan(&mut book, "2026-01-01", "30%");
    plans::assign_partner(&mut book, "ANA", Some("Creators"), Actor::User).unwrap();
    let report = commissions::run(&mut book, &Quiet).unwrap();
    assert_eq!((report.lines, report.held), (1, 0));
    assert_eq!(
        lines(&book),
        [(Some(3000), None)],
        "the held line is completed"
    );
    let version: Option<i64> = book
        .conn()
        .query_row("SELECT plan_version_id FROM commissions", [], |r| r.get(0))
        .unwrap();
    assert!(version.is_some(), "and records the version that paid it");
}

#[test]
fn a_sale_before_the_first_version_waits_for_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(&dir.path().join("b.partnerbook"), &program()).unwrap();
    ana(&mut book);
    plan(&mut book, "2026-06-01", "30%");
    plans::assign_partner(&mut book, "ANA", Some("Creators"), Actor::User).unwrap();
    sale(&mut book, "o1", "2026-03-01");
    commissions::run(&mut book, &Quiet).unwrap();
    assert_eq!(lines(&book)[0].0, None, "held: the plan starts later");
    let mut file = plans::export(&book, "Creators").unwrap();
    let mut earlier = file.versions[0].clone();
    earlier.effective_from = "2026-01-01".into();
    earlier.rules[0].id = "base".into();
    file.versions.insert(0, earlier);
    plans::import(&mut book, &file, Actor::User).unwrap();
    commissions::run(&mut book, &Quiet).unwrap();
    assert_eq!(lines(&book), [(Some(3000), None)]);
}

#[test]
fn a_new_programs_partners_earn_under_its_default_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = create_book(&dir.path().join("b.partnerbook"), &program()).unwrap();
    let standard = plans::get(&book, "Default plan").unwrap();
    assert!(standard.is_default);
    ana(&mut book);
    assert_eq!(
        plans::get(&book, "Default plan").unwrap().partners_on_plan,
        1
    );
    assert_eq!(
        partners::get(&book, 1).unwrap().plan_name.as_deref(),
        Some("Default plan")
    );
    sale(&mut book, "o1", "2026-03-01");
    commissions::run(&mut book, &Quiet).unwrap();
    assert_eq!(lines(&book), [(Some(2000), None)], "20% of the sale");
}
