use partnerbook_book::audit::Actor;
use partnerbook_book::groups;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use partnerbook_ledger::commissions;
use partnerbook_ledger::plans::*;
use partnerbook_partners as partners;
use partnerbook_partners::PartnerInput;

fn book() -> (tempfile::TempDir, Book) {
    let dir = tempfile::tempdir().unwrap();
    let program = NewProgram {
        program_name: "Test".into(),
        base_currency: "EUR".into(),
    };
    let mut book = Book::create(&dir.path().join("t.partnerbook"), &program).unwrap();
    groups::add(&mut book, "Creators", "", Actor::User).unwrap();
    partners::create(
        &mut book,
        &PartnerInput::new("Ana", "ana@example.com"),
        Actor::User,
    )
    .unwrap();
    (dir, book)
}

const FILE: &str = r#"{
  "name": "Creators 2026",
  "description": "For content creators",
  "groups": ["Creators"],
  "versions": [
    { "effective_from": "2026-01-01", "rules": [
        { "id": "base", "kind": "percentage", "rate": "30%" },
        { "id": "signup", "kind": "flat", "amount": "5.00", "applies_to": ["signup"] },
        { "id": "pro", "kind": "percentage", "rate": "40%", "product": "pro-annual" },
        { "id": "ana", "kind": "hybrid", "amount": "2.00", "rate": "35%", "partner": "ana@example.com" },
        { "id": "renewals", "kind": "recurring", "rate": "20%", "months": 12,
          "step_down": { "after_months": 6, "rate": "10%" } },
        { "id": "tiers", "kind": "tiered", "mode": "marginal", "product": "team", "tiers": [
            { "from": "0", "rate": "20%" }, { "from": "1000.00", "rate": "25%" } ] },
        { "id": "parent", "kind": "two_tier", "rate": "10%" },
        { "id": "target", "kind": "target_bonus", "threshold": "5000.00", "bonus": "250.00" }
    ] }
  ]
}"#;

#[test]
fn a_plan_file_imports_exports_and_reimports_unchanged() {
    let (_d, mut book) = book();
    let file: PlanFile = serde_json::from_str(FILE).unwrap();
    let plan = import(&mut book, &file, Actor::User).unwrap();
    assert_eq!(
        (plan.name.as_str(), plan.groups.clone()),
        ("Creators 2026", vec!["Creators".to_string()])
    );
    assert_eq!(plan.versions.len(), 1);
    assert_eq!(plan.versions[0].rules.len(), 8);
    assert_eq!(
        plan.versions[0].rules[3].partner.as_deref(),
        Some("1"),
        "stored by id"
    );
    assert_eq!(
        export(&book, "Creators 2026").unwrap(),
        file,
        "exported by email, the same file"
    );
    let again = import(&mut book, &file, Actor::User).unwrap();
    assert_eq!(again.versions.len(), 1, "re-importing adds nothing");
    assert_eq!(list(&book).unwrap().len(), 1);
}

#[test]
fn new_dates_add_versions_and_the_right_one_is_in_force() {
    let (_d, mut book) = book();
    let mut file: PlanFile = serde_json::from_str(FILE).unwrap();
    import(&mut book, &file, Actor::User).unwrap();
    let mut v2 = file.versions[0].clone();
    v2.effective_from = "2026-07-01".into();
    v2.rules.truncate(1);
    file.versions.push(v2);
    let plan = import(&mut book, &file, Actor::User).unwrap();
    assert_eq!(
        plan.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    let group = groups::find_id(book.conn(), "Creators").unwrap().unwrap();
    let mut ana = partners::PartnerInput::from(&partners::get(&book, 1).unwrap());
    ana.group_id = Some(group);
    partners::update(&mut book, 1, &ana, "", Actor::User).unwrap();
    // The engine's view: which compiled rules apply to partner 1 on a day.
    let rules_on = |day: &str| {
        let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        commissions::rules_in_force(book.conn(), 1, day)
            .unwrap()
            .map(|r| r.rules)
    };
    assert_eq!(rules_on("2026-03-15"), Some(8));
    assert_eq!(rules_on("2026-07-01"), Some(1));
    assert!(
        rules_on("2025-12-31").is_none(),
        "nothing before the first version"
    );
}

/// Rules the engine would never apply are refused when the plan comes in,
/// naming the rule and the one that always wins over it.
#[test]
fn rules_that_would_never_apply_are_refused_by_name() {
    let (_d, mut book) = book();
    let cases = [
        (
            r#"{ "id": "p1", "kind": "two_tier", "rate": "10%" }, { "id": "p2", "kind": "two_tier", "rate": "1%", "of": "sale" }"#,
            "versions[0].rules[1] (p2)",
            "\"p1\" already pays level 1",
        ),
        (
            r#"{ "id": "deep", "kind": "two_tier", "rate": "1%", "level": 6 }"#,
            "versions[0].rules[0] (deep): level",
            "between 1 and 5",
        ),
        (
            r#"{ "id": "base", "kind": "percentage", "rate": "30%" }, { "id": "again", "kind": "percentage", "rate": "25%" }"#,
            "versions[0].rules[1] (again)",
            "\"base\" pays the same conversions first",
        ),
        (
            r#"{ "id": "renewals-only", "kind": "percentage", "rate": "5%", "applies_to": ["recurring"] }, { "id": "rec", "kind": "recurring", "rate": "10%" }"#,
            "versions[0].rules[0] (renewals-only)",
            "\"rec\" pays the same conversions first",
        ),
    ];
    for (rules, field, why) in cases {
        let text = format!(
            r#"{{ "name": "P", "versions": [ {{ "effective_from": "2026-01-01", "rules": [ {rules} ] }} ] }}"#
        );
        let file: PlanFile = serde_json::from_str(&text).unwrap();
        let err = import(&mut book, &file, Actor::User).unwrap_err();
        assert_eq!(err.field(), Some(field), "{rules}: {err}");
        assert!(err.reason().contains(why), "{rules}: {err}");
    }
    // Narrower rules still apply beside a broad one: not refused.
    let fine = r#"{ "name": "Fine", "versions": [ { "effective_from": "2026-01-01", "rules": [
        { "id": "base", "kind": "percentage", "rate": "30%" },
        { "id": "pro", "kind": "percentage", "rate": "40%", "product": "Pro" },
        { "id": "rec", "kind": "recurring", "rate": "10%" },
        { "id": "p1", "kind": "two_tier", "rate": "10%" },
        { "id": "p2", "kind": "two_tier", "rate": "1%", "of": "sale", "level": 2 } ] } ] }"#;
    import(&mut book, &serde_json::from_str(fine).unwrap(), Actor::User).unwrap();
}

#[test]
fn bad_rules_are_refused_naming_the_rule_and_field() {
    let (_d, mut book) = book();
    let cases = [
        (
            r#"{ "id": "a", "kind": "percentage", "rate": "30" }"#,
            "versions[0].rules[0] (a): rate",
        ),
        (
            r#"{ "id": "a", "kind": "flat", "amount": "5.001" }"#,
            "versions[0].rules[0] (a): amount",
        ),
        (
            r#"{ "id": "a", "kind": "tiered", "mode": "band", "tiers": [{ "from": "10.00", "rate": "5%" }] }"#,
            "versions[0].rules[0] (a): tiers[0].from",
        ),
        (
            r#"{ "id": "a", "kind": "recurring", "rate": "5%", "months": 3, "step_down": { "after_months": 4, "rate": "1%" } }"#,
            "versions[0].rules[0] (a): step_down.after_months",
        ),
        (
            r#"{ "id": "a", "kind": "percentage", "rate": "5%", "partner": "nobody@example.com" }"#,
            "versions[0].rules[0] (a): partner",
        ),
    ];
    for (rule, field) in cases {
        let text = format!(
            r#"{{ "name": "P", "versions": [ {{ "effective_from": "2026-01-01", "rules": [ {rule} ] }} ] }}"#
        );
        let file: PlanFile = serde_json::from_str(&text).unwrap();
        let err = import(&mut book, &file, Actor::User).unwrap_err();
        assert_eq!(
            err.field().map(str::to_string),
            Some(field.to_string()),
            "{rule}: {err}"
        );
    }
    let twice = r#"{ "name": "P", "versions": [ { "effective_from": "2026-01-01", "rules": [
        { "id": "a", "kind": "percentage", "rate": "5%" }, { "id": "a", "kind": "percentage", "rate": "6%" } ] } ] }"#;
    assert!(import(
        &mut book,
        &serde_json::from_str(twice).unwrap(),
        Actor::User
    )
    .is_err());
    assert!(list(&book).unwrap().is_empty(), "nothing half-imported");
}
