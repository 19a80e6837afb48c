//! Intake, screening and decisions on real books: every check with a case
//! that trips it and one that does not, duplicates merging into one
//! application, bad rows naming file, line and column with nothing written,
//! and bulk decisions in one transaction.

use partnerbook_applications::*;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::PayoutMethod;
use partnerbook_testkit::{program, P};
use std::path::PathBuf;

fn import(p: &mut P, name: &str, text: &str) -> partnerbook_applications::Result<IntakeReport> {
    let path: PathBuf = p.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    import_file(&mut p.book, &path, Actor::User, &Quiet)
}

fn input(name: &str, email: &str, website: &str) -> ApplicationInput {
    ApplicationInput {
        name: name.into(),
        email: email.into(),
        website: website.into(),
        country: "DE".into(),
        audience_size: Some(20_000),
        promotion: "Reviews on my blog and a monthly newsletter".into(),
        ..Default::default()
    }
}

fn one(p: &mut P, a: ApplicationInput) -> Application {
    let report = add(&mut p.book, a, Actor::User).unwrap();
    get(&p.book, report.ids[0]).unwrap()
}

fn check<'a>(a: &'a Application, id: &str) -> &'a CheckResult {
    a.checks
        .iter()
        .find(|c| c.check == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", a.checks))
}

fn set_screening(p: &mut P, f: impl FnOnce(&mut ScreeningSettings)) {
    let mut s = settings::get(p.book.conn()).unwrap();
    f(&mut s);
    settings::set(&mut p.book, &s, Actor::User).unwrap();
}

#[test]
fn a_clean_application_passes_every_check_with_a_full_score() {
    let mut p = program();
    let a = one(
        &mut p,
        input(
            "Zoë Adams",
            "zoe@zoe-reviews.de",
            "https://www.zoe-reviews.de/about",
        ),
    );
    assert_eq!(a.status, ApplicationStatus::Pending);
    assert!(
        a.checks.iter().all(|c| c.severity == CheckSeverity::Pass),
        "{:?}",
        a.checks
    );
    assert_eq!(a.score, Some(100));
    assert_eq!(a.domain, "zoe-reviews.de");
    // The applicant is a partner record with status "applicant", found in the CRM.
    let partner = partnerbook_partners::get(&p.book, a.partner_id.unwrap()).unwrap();
    assert_eq!(
        partner.status,
        partnerbook_partners::PartnerStatus::Applicant
    );
}

#[test]
fn duplicate_email_domain_and_payout_account_of_existing_partners_are_flagged() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET website = 'https://zoe.example.org' WHERE id = ?1",
            [zoe],
        )
        .unwrap();
    let mut a = input("Zed Adams", "zoe.adams@example.com", "");
    a.social_profiles = vec!["@zed".into()];
    let a = one(&mut p, a);
    assert_eq!(check(&a, "duplicate_email").severity, CheckSeverity::Red);
    assert!(
        check(&a, "duplicate_email").evidence.contains("Zoë Adams"),
        "{:?}",
        check(&a, "duplicate_email")
    );
    let b = one(
        &mut p,
        input(
            "Zed Other",
            "zed@other.de",
            "http://www.zoe.example.org/shop",
        ),
    );
    assert_eq!(check(&b, "duplicate_domain").severity, CheckSeverity::Amber);
    assert_eq!(check(&b, "duplicate_email").severity, CheckSeverity::Pass);
    let mut c = input("Paid Twice", "twice@else.de", "https://else.de");
    c.payout_account = " Zoe.Adams@example.com ".into();
    let c = one(&mut p, c);
    assert_eq!(
        check(&c, "duplicate_payout_account").severity,
        CheckSeverity::Red
    );
    let d = one(
        &mut p,
        input("New Person", "new@fresh.de", "https://fresh.de"),
    );
    for id in [
        "duplicate_email",
        "duplicate_domain",
        "duplicate_payout_account",
    ] {
        assert_eq!(check(&d, id).severity, CheckSeverity::Pass, "{id}");
    }
}

#[test]
fn disposable_and_free_mail_addresses() {
    let mut p = program();
    let a = one(
        &mut p,
        input("Throw Away", "x@mailinator.com", "https://throw.de"),
    );
    assert_eq!(check(&a, "disposable_email").severity, CheckSeverity::Red);
    assert_eq!(
        check(&a, "free_mail").severity,
        CheckSeverity::Pass,
        "business email not required yet"
    );
    set_screening(&mut p, |s| s.business_email_only = true);
    let b = one(&mut p, input("Gee Mail", "gee@gmail.com", "https://gee.de"));
    assert_eq!(check(&b, "free_mail").severity, CheckSeverity::Amber);
    assert_eq!(check(&b, "disposable_email").severity, CheckSeverity::Pass);
    let c = one(
        &mut p,
        input("Biz Mail", "biz@biz-media.de", "https://biz-media.de"),
    );
    assert_eq!(check(&c, "free_mail").severity, CheckSeverity::Pass);
}

#[test]
fn blocked_country_missing_or_odd_website_and_our_own_domain() {
    let mut p = program();
    set_screening(&mut p, |s| {
        s.blocked_countries = vec!["kp".into()];
        s.own_domains = vec!["https://www.acme.com".into()];
    });
    let mut a = input("Blocked", "b@b-site.de", "https://b-site.de");
    a.country = "KP".into();
    let a = one(&mut p, a);
    assert_eq!(check(&a, "blocked_country").severity, CheckSeverity::Red);
    assert_eq!(a.score, Some(0));
    let b = one(&mut p, input("No Site", "n@nosite.de", ""));
    assert_eq!(check(&b, "missing_website").severity, CheckSeverity::Amber);
    assert_eq!(check(&b, "blocked_country").severity, CheckSeverity::Pass);
    let c = one(
        &mut p,
        input("Local", "l@local.de", "http://192.168.1.20/blog"),
    );
    assert_eq!(
        check(&c, "website_looks_unreachable").severity,
        CheckSeverity::Amber
    );
    assert!(check(&c, "website_looks_unreachable")
        .evidence
        .contains("IP address"));
    let d = one(
        &mut p,
        input("Insider", "me@acme.com", "https://shop.acme.com"),
    );
    assert_eq!(check(&d, "own_domain").severity, CheckSeverity::Red);
    let e = one(&mut p, input("Fine", "f@fine.de", "https://fine.de"));
    assert_eq!(check(&e, "own_domain").severity, CheckSeverity::Pass);
    assert_eq!(
        check(&e, "website_looks_unreachable").severity,
        CheckSeverity::Pass
    );
}

#[test]
fn a_customer_of_ours_applying_is_a_self_referral_risk() {
    let mut p = program();
    p.book
        .conn()
        .execute(
            "INSERT INTO customers (source, external_id, email, created_at) VALUES ('shop', 'c1', 'Buyer@Shop.de', 'now')",
            [],
        )
        .unwrap();
    let a = one(&mut p, input("Buyer", "buyer@shop.de", "https://buyer.de"));
    assert_eq!(check(&a, "known_customer").severity, CheckSeverity::Amber);
    let b = one(
        &mut p,
        input("Stranger", "stranger@shop.de", "https://stranger.de"),
    );
    assert_eq!(check(&b, "known_customer").severity, CheckSeverity::Pass);
}

#[test]
fn spam_and_script_in_answers_are_flagged_and_kept_as_text() {
    let mut p = program();
    let mut a = input("Spammy", "s@spam.de", "https://spam.de");
    a.answers
        .insert("Why us?".into(), "BEST CASINO BONUS!!!".into());
    let a = one(&mut p, a);
    assert_eq!(check(&a, "spam_patterns").severity, CheckSeverity::Red);
    let mut b = input("Scripty", "x@script.de", "https://script.de");
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    b.answers.insert("About you".into(), payload.into());
    let b = one(&mut p, b);
    assert_eq!(check(&b, "spam_patterns").severity, CheckSeverity::Red);
    assert_eq!(b.answers["About you"], payload, "stored exactly as given");
    let c = one(&mut p, input("Calm", "c@calm.de", "https://calm.de"));
    assert_eq!(check(&c, "spam_patterns").severity, CheckSeverity::Pass);
}

#[test]
fn program_criteria_and_weights_make_the_score() {
    let mut p = program();
    set_screening(&mut p, |s| {
        s.target_countries = vec!["DE".into(), "AT".into()];
        s.min_audience = 50_000;
        s.categories = vec!["Outdoor".into()];
        s.weights.insert("audience_below_minimum".into(), 30);
    });
    let mut a = input("Small", "s@small.de", "https://small.de");
    a.country = "FR".into();
    a.categories = vec!["outdoor".into()];
    let a = one(&mut p, a);
    assert_eq!(
        check(&a, "country_not_targeted").severity,
        CheckSeverity::Amber
    );
    assert_eq!(
        check(&a, "audience_below_minimum").severity,
        CheckSeverity::Amber
    );
    assert!(
        a.checks.iter().all(|c| c.check != "category_not_targeted"),
        "outdoor matches Outdoor"
    );
    assert_eq!(a.score, Some(100 - 15 - 30));
}

#[test]
fn duplicates_merge_into_one_application_with_its_history() {
    let mut p = program();
    let csv =
        "Name,Email,Website,Country,Followers,How will you promote?,Why do you want to join?\n\
               Zoë Adams,zoe@zoe.de,zoe.de,Germany,12k,Blog,Love the product\n\
               Zoë A.,ZOE@zoe.de,,DE,15000,,\n\
               Zed Adams,zed@zoe.de,https://www.zoe.de/,AT,1.5M,Newsletter,\n";
    let report = import(&mut p, "forms.csv", csv).unwrap();
    assert_eq!((report.rows, report.created, report.merged), (3, 1, 2));
    let a = get(&p.book, report.ids[0]).unwrap();
    assert_eq!(a.submissions, 3);
    assert_eq!(a.email, "zoe@zoe.de");
    assert_eq!(a.name, "Zed Adams", "the latest name given");
    assert_eq!(a.country, "AT");
    assert_eq!(a.audience_size, Some(1_500_000));
    assert_eq!(a.promotion, "Newsletter");
    assert_eq!(
        a.answers["Why do you want to join?"], "Love the product",
        "kept when later left empty"
    );
    let history = submissions(&p.book, a.id).unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[1].source, "forms.csv line 3");
    assert_eq!(history[2].input.email, "zed@zoe.de");
    let partners: i64 = p
        .book
        .conn()
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(partners, 1, "one applicant partner, never two");
    // Importing the same file again adds history, not applications.
    let again = import(&mut p, "forms.csv", csv).unwrap();
    assert_eq!((again.created, again.merged), (0, 3));
}

#[test]
fn a_bad_row_names_file_line_and_column_and_nothing_is_written() {
    let mut p = program();
    let csv = "Name,Email,Country,Audience\nAna,ana@a.de,DE,100\nBob,bob-at-example,DE,5\n";
    let err = import(&mut p, "forms.csv", csv).unwrap_err();
    assert_eq!(
        err.to_string().split(':').next().unwrap(),
        "forms.csv, line 3, column \"Email\""
    );
    let csv = "Name,Email,Country,Audience\nAna,ana@a.de,Atlantis,100\n";
    let err = import(&mut p, "forms.csv", csv).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("forms.csv, line 2, column \"Country\": \"Atlantis\""),
        "{err}"
    );
    let csv = "Name,Email,Audience\nAna,ana@a.de,lots\n";
    let err = import(&mut p, "forms.csv", csv).unwrap_err();
    assert!(err.to_string().contains("column \"Audience\""), "{err}");
    let json = r#"[{"name": "Ana", "email": "ana@a.de"}, {"name": "", "email": "b@b.de"}]"#;
    let err = import(&mut p, "forms.json", json).unwrap_err();
    assert!(
        err.to_string()
            .contains("forms.json, line 2, column \"name\": entry 2"),
        "{err}"
    );
    let n: i64 = p
        .book
        .conn()
        .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn json_exports_with_lists_and_numbers_are_read() {
    let mut p = program();
    let json = r#"{"applications": [{"full_name": "Ana Lima", "email": "ana@lima.pt", "website": "lima.pt",
        "instagram": "@analima", "country": "PT", "audience_size": 4200, "categories": ["Travel", "Food"],
        "What makes you a good fit?": "<b>Bold</b> claims"}]}"#;
    let report = import(&mut p, "forms.json", json).unwrap();
    let a = get(&p.book, report.ids[0]).unwrap();
    assert_eq!(a.name, "Ana Lima");
    assert_eq!(a.social_profiles, ["@analima"]);
    assert_eq!(a.audience_size, Some(4200));
    assert_eq!(a.categories, ["Travel", "Food"]);
    assert_eq!(
        a.answers["What makes you a good fit?"],
        "<b>Bold</b> claims"
    );
}

#[test]
fn approving_a_thousand_is_one_transaction_with_codes_and_welcome_emails() {
    let mut p = program();
    let mut csv = String::from("name,email,website\n");
    for i in 0..1000 {
        csv.push_str(&format!("Ana {i},ana{i}@site{i}.de,https://site{i}.de\n"));
    }
    let report = import(&mut p, "many.csv", &csv).unwrap();
    assert_eq!(report.created, 1000);
    let group = partnerbook_book::groups::add(&mut p.book, "Bloggers", "", Actor::User).unwrap();
    let before = p.book.conn().total_changes();
    let decided = approve(
        &mut p.book,
        &report.ids,
        Some(group),
        "good fit",
        Actor::User,
    )
    .unwrap();
    assert_eq!((decided.decided, decided.emails_queued), (1000, 1000));
    assert!(p.book.conn().total_changes() > before);
    let codes: i64 = p
        .book
        .conn()
        .query_row(
            "SELECT count(DISTINCT code) FROM partner_codes WHERE kind = 'referral'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(codes, 1000, "ANA, ANA2, … all unique");
    let active: i64 = p
        .book
        .conn()
        .query_row(
            "SELECT count(*) FROM partners WHERE status = 'active' AND group_id = ?1",
            [group],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(active, 1000);
    // A bulk decision that meets one already-decided application changes nothing at all.
    let extra = add(
        &mut p.book,
        input("Late", "late@late.de", "https://late.de"),
        Actor::User,
    )
    .unwrap()
    .ids[0];
    let err = reject(
        &mut p.book,
        &[extra, report.ids[5]],
        "not a fit",
        Actor::User,
    )
    .unwrap_err();
    assert!(err.to_string().contains("already approved"), "{err}");
    assert_eq!(
        get(&p.book, extra).unwrap().status,
        ApplicationStatus::Pending
    );
}

#[test]
fn rejecting_needs_a_reason_queues_the_email_and_tells_the_timeline() {
    let mut p = program();
    let a = one(&mut p, input("Rex Reject", "rex@rex.de", "https://rex.de"));
    assert!(reject(&mut p.book, &[a.id], "  ", Actor::User).is_err());
    let r = reject(
        &mut p.book,
        &[a.id],
        "Audience does not fit the program",
        Actor::User,
    )
    .unwrap();
    assert_eq!(r.emails_queued, 1);
    let (to, body): (String, String) = p
        .book
        .conn()
        .query_row(
            "SELECT to_email, text_body FROM outbox WHERE template = 'rejection'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(to, "rex@rex.de");
    assert!(
        body.contains("Reason: Audience does not fit the program"),
        "{body}"
    );
    let partner = partnerbook_partners::get(&p.book, a.partner_id.unwrap()).unwrap();
    assert_eq!(
        partner.status,
        partnerbook_partners::PartnerStatus::Rejected
    );
    let tl = partnerbook_partners::timeline::list(&p.book, partner.id).unwrap();
    assert!(
        tl.iter().any(|e| e.summary == "Application rejected"),
        "{tl:?}"
    );
    // Applying again brings them back to the queue, with the history.
    let again = one(&mut p, input("Rex Reject", "rex@rex.de", "https://rex.de"));
    assert_eq!(
        (again.id, again.status, again.submissions),
        (a.id, ApplicationStatus::Pending, 2)
    );
}

#[test]
fn auto_approve_takes_only_high_scores_without_red_checks() {
    let mut p = program();
    set_screening(&mut p, |s| {
        s.auto_approve.enabled = true;
        s.auto_approve.min_score = 80;
    });
    let csv = "name,email,website\nGood,good@good.de,https://good.de\nBad,bad@mailinator.com,https://bad.de\nNo Site,nosite@ns.de,\n";
    let report = import(&mut p, "f.csv", csv).unwrap();
    assert_eq!(
        report.auto_approved, 2,
        "good (100) and no-site (80); the disposable address is red"
    );
    let bad = get(&p.book, report.ids[1]).unwrap();
    assert_eq!(bad.status, ApplicationStatus::Pending);
    let good = get(&p.book, report.ids[0]).unwrap();
    assert_eq!(good.status, ApplicationStatus::Approved);
    assert!(good.reason.unwrap().starts_with("auto-approved"));
}

#[test]
fn the_queue_filters_by_status_score_and_check() {
    let mut p = program();
    one(&mut p, input("A", "a@a-site.de", "https://a-site.de"));
    one(&mut p, input("B", "b@mailinator.com", "https://b-site.de"));
    one(&mut p, input("C", "c@c-site.de", ""));
    let all = list(&p.book, &ApplicationQuery::default()).unwrap();
    assert_eq!(all.total, 3);
    assert_eq!(all.rows[0].name, "A", "best first");
    let flagged = list(
        &p.book,
        &ApplicationQuery {
            flagged_by: Some("disposable_email".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        flagged
            .rows
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["B"]
    );
    let low = list(
        &p.book,
        &ApplicationQuery {
            max_score: Some(80),
            sort: Some("score_asc".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        low.rows.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["B", "C"]
    );
}

#[test]
fn matching_by_website_uses_the_domain_index() {
    let p = program();
    let plan =
        partnerbook_book::query_plan(p.book.conn(), MATCH_BY_DOMAIN, ["example.com"]).unwrap();
    assert!(plan.contains("INDEX applications_domain"), "{plan}");
}

#[test]
fn a_submission_with_thousands_of_answer_fields_is_not_a_form() {
    let mut p = program();
    let mut fields = serde_json::Map::new();
    fields.insert("name".into(), "Ana".into());
    fields.insert("email".into(), "ana@a.de".into());
    for i in 0..5_000 {
        fields.insert(format!("q{i}"), "yes".into());
    }
    let json = serde_json::Value::Array(vec![serde_json::Value::Object(fields)]).to_string();
    let err = import(&mut p, "forms.json", &json).unwrap_err();
    assert!(
        err.to_string()
            .contains("5000 answers: a signup form has at most 200 questions"),
        "{err}"
    );
}

mod fuzz {
    //! Form exports (CSV and JSON) whose values are anything: read or
    //! refused, never a panic. Longer on demand:
    //! `PROPTEST_CASES=20000 cargo test -p partnerbook-applications fuzz`.
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
            "(https?://)?[a-z]{1,10}\\.[a-z]{2,3}",
            "[0-9]{1,9}",
            "[A-Z]{2}",
            "\\PC{0,60}",
            any::<String>(),
            Just("<script>alert(1)</script>".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32)
        ))]

        #[test]
        fn form_exports_never_panic(
            rows in proptest::collection::vec(proptest::collection::vec(value(), 6..9), 0..5),
            json in any::<bool>(),
        ) {
            let header = ["Name", "Email", "Website", "Country", "Audience", "How will you promote us?", "Payout"];
            let mut p = program();
            let (name, text) = if json {
                let items: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| serde_json::Value::Object(header.iter().zip(r).map(|(h, v)| (h.to_string(), v.clone().into())).collect()))
                    .collect();
                ("forms.json", serde_json::Value::Array(items).to_string())
            } else {
                let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
                w.write_record(header).unwrap();
                for r in &rows {
                    w.write_record(r).unwrap();
                }
                ("forms.csv", String::from_utf8_lossy(&w.into_inner().unwrap()).into_owned())
            };
            let _ = import(&mut p, name, &text);
        }
    }
}
