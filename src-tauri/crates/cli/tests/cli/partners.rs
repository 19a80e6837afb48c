//! The `partnerbook` binary as a script or a person uses it: real books in
//! temp folders, exit codes, JSON output, one-line errors.

use crate::support::{init, json, pb, stderr};
use assert_cmd::Command;

#[test]
fn init_add_list_show_update() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let added = json(pb(&book).args([
        "partners",
        "add",
        "--name",
        "Søren Kierkegaard",
        "--email",
        "soren@example.dk",
        "--country",
        "dk",
        "--tag",
        "podcast",
        "--referral-code",
        "SOREN",
        "--custom",
        "niche=philosophy",
        "--json",
    ]));
    assert_eq!(added["first_name"], "Søren");
    let page = json(pb(&book).args(["partners", "list", "--search", "soren", "--json"]));
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["name"], "Søren Kierkegaard");
    let shown = json(pb(&book).args(["partners", "show", "SOREN", "--json"]));
    assert_eq!(shown["custom_fields"]["niche"], "philosophy");

    pb(&book)
        .args(["groups", "add", "Creators"])
        .assert()
        .success();
    pb(&book)
        .args([
            "partners",
            "update",
            "soren@example.dk",
            "--group",
            "Creators",
            "--status",
            "paused",
            "--reason",
            "sabbatical",
        ])
        .assert()
        .success();
    let shown = json(pb(&book).args(["partners", "show", "1", "--json"]));
    assert_eq!(
        (shown["group_name"].as_str(), shown["status"].as_str()),
        (Some("Creators"), Some("paused"))
    );
    let timeline = json(pb(&book).args(["partners", "timeline", "1", "--json"]));
    assert!(timeline
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["body"] == "sabbatical"));

    let human = pb(&book)
        .args(["partners", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(human).unwrap();
    assert!(
        human.contains("Søren Kierkegaard") && human.contains("1–1 of 1 partners"),
        "{human}"
    );
}

#[test]
fn bad_input_exits_1_with_one_line_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let err = stderr(
        pb(&book).args(["partners", "add", "--name", "X", "--email", "not-an-email"]),
        1,
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: email: "), "{err}");
    let err = stderr(
        pb(&book).args(["partners", "show", "nobody@example.com"]),
        1,
    );
    assert!(err.contains("not found"), "{err}");
    stderr(
        pb(&book).args(["partners", "add", "--name", "Only a name"]),
        2,
    );
    stderr(pb(&book).args(["partners", "frobnicate"]), 2);
    let mut no_book = Command::cargo_bin("partnerbook").unwrap();
    no_book
        .env_remove("PARTNERBOOK_BOOK")
        .args(["partners", "list"]);
    assert!(stderr(&mut no_book, 2).contains("--book"));
    let err = stderr(
        pb(&dir.path().join("missing.partnerbook")).args(["partners", "list"]),
        1,
    );
    assert!(err.contains("not found"), "{err}");
    stderr(
        pb(&book)
            .args(["init"])
            .arg(&book)
            .args(["--name", "Again", "--currency", "EUR"]),
        1,
    );
}

#[test]
fn import_names_the_bad_row_and_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Name,E-mail,Land\nAda,ada@example.com,GB\nBob,bob@example.com,Atlantis\n",
    )
    .unwrap();
    let err = stderr(
        pb(&book)
            .args(["partners", "import"])
            .arg(&bad)
            .args(["--map", "Land=country"]),
        1,
    );
    assert_eq!(err.trim(), "error: bad.csv, line 3, column \"Land\": \"Atlantis\" is not a two-letter ISO country code");
    assert_eq!(
        json(pb(&book).args(["partners", "list", "--json"]))["total"],
        0,
        "nothing was written"
    );

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "Name,E-mail,Land\nAda,ada@example.com,GB\nZoë,zoe@example.fr,FR\n",
    )
    .unwrap();
    let report = json(pb(&book).args(["partners", "import"]).arg(&good).args([
        "--map",
        "Land=country",
        "--json",
    ]));
    assert_eq!(report["created"], 2);

    let out = dir.path().join("out.csv");
    pb(&book)
        .args(["partners", "export", "--out"])
        .arg(&out)
        .assert()
        .success();
    let other = dir.path().join("other.partnerbook");
    pb(&other)
        .arg("init")
        .arg(&other)
        .args(["--name", "Other", "--currency", "EUR"])
        .assert()
        .success();
    pb(&other)
        .args(["partners", "import"])
        .arg(&out)
        .assert()
        .success();
    let again = dir.path().join("again.csv");
    pb(&other)
        .args(["partners", "export", "--out"])
        .arg(&again)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(&again).unwrap()
    );
}

#[test]
fn demo_settings_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("demo.partnerbook");
    pb(&book)
        .arg("demo")
        .arg(&book)
        .args(["--partners", "120", "--seed", "3"])
        .assert()
        .success();
    // The home screen's numbers in the terminal, as the app reads them: the
    // demo's year of sales ends today, so last month is full.
    use chrono::Datelike;
    let first = chrono::Utc::now().date_naive().with_day(1).unwrap();
    let last_month = (first - chrono::Duration::days(1))
        .format("%Y-%m")
        .to_string();
    let home = json(pb(&book).args([
        "report",
        "home",
        "--from",
        &last_month,
        "--to",
        &last_month,
        "--json",
    ]));
    assert_eq!(home["from"], last_month.as_str());
    assert!(
        home["numbers"]["sales"]["now"].as_i64().unwrap() > 0,
        "{home}"
    );
    assert!(!home["partners"]["top"].as_array().unwrap().is_empty());
    stderr(
        pb(&book).args(["report", "home", "--from", "2026-12", "--to", "2026-11"]),
        1,
    );
    // The tax year: the threshold of the year, editable for later years.
    let tax = json(pb(&book).args(["report", "tax-year", "--year", "2026", "--json"]));
    assert_eq!(tax["threshold"]["minor"], 200000, "{tax}");
    pb(&book)
        .args([
            "settings",
            "tax-threshold",
            "--year",
            "2027",
            "--amount",
            "2500.00",
        ])
        .assert()
        .success();
    let later = json(pb(&book).args(["report", "tax-year", "--year", "2028", "--json"]));
    assert_eq!(later["threshold"]["minor"], 250000);
    stderr(pb(&book).args(["report", "tax-year", "--year", "2019"]), 1);
    // A TIN goes in whole and comes out masked, unless asked.
    pb(&book)
        .args([
            "partners",
            "update",
            "1",
            "--tax-status",
            "w9",
            "--tin",
            "123456789",
        ])
        .assert()
        .success();
    let shown = String::from_utf8(
        pb(&book)
            .args(["partners", "show", "1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        shown.contains("W-9, TIN ***-**-6789") || shown.contains("W-9, TIN **-***6789"),
        "{shown}"
    );
    let shown = json(pb(&book).args(["partners", "show", "1", "--json"]));
    assert!(shown["tax"]["tin"].as_str().unwrap().ends_with("6789"));
    let text = shown.to_string();
    assert!(
        !text.contains("123-45-6789") && !text.contains("12-3456789"),
        "{text}"
    );
    let masked = String::from_utf8(
        pb(&book)
            .args(["partners", "export"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        masked.contains("*-6789") || masked.contains("***6789"),
        "{masked}"
    );
    assert!(!masked.contains("123-45-6789") && !masked.contains("12-3456789"));
    let whole = String::from_utf8(
        pb(&book)
            .args(["partners", "export", "--full-tins"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(whole.contains("-6789"), "{whole}");
    assert!(whole.contains("123-45-6789") || whole.contains("12-3456789"));
    // Money filters narrow the list, and an amount that is none is refused.
    let all = json(pb(&book).args(["partners", "list", "--json", "--limit", "500"]));
    let earning = json(pb(&book).args([
        "partners",
        "list",
        "--json",
        "--limit",
        "500",
        "--min-revenue",
        "0.01",
    ]));
    let (all, earning) = (
        all["total"].as_u64().unwrap(),
        earning["total"].as_u64().unwrap(),
    );
    assert!(earning > 0 && earning < all, "{earning} of {all}");
    // Idle for ten years is never sold: some, and none of them earning.
    let idle = json(pb(&book).args(["partners", "list", "--json", "--idle-months", "120"]));
    assert!(idle["total"].as_u64().unwrap() > 0, "{idle}");
    let both = json(pb(&book).args([
        "partners",
        "list",
        "--json",
        "--idle-months",
        "120",
        "--min-revenue",
        "0.01",
    ]));
    assert_eq!(both["total"], 0, "{both}");
    stderr(
        pb(&book).args(["partners", "list", "--min-revenue", "lots"]),
        1,
    );
    let health = json(pb(&book).args(["check", "--json"]));
    assert_eq!(health["integrity"][0], "ok");
    assert_eq!(
        health["problems"],
        serde_json::json!([]),
        "the demo's totals add up"
    );
    pb(&book)
        .args([
            "settings",
            "set",
            "--minimum-payout",
            "75.5",
            "--rounding",
            "half-even",
        ])
        .assert()
        .success();
    let s = json(pb(&book).args(["settings", "show", "--json"]));
    assert_eq!(s["minimum_payout"]["minor"], 7550);
    assert_eq!(s["rounding"], "half_even");
    stderr(
        pb(&book).args(["settings", "set", "--minimum-payout", "1.234"]),
        1,
    );
    let page = json(pb(&book).args([
        "partners",
        "list",
        "--status",
        "applicant",
        "--json",
        "--limit",
        "500",
    ]));
    assert!(page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "applicant"));

    // Totals that no longer add up are named, and the check fails.
    rusqlite::Connection::open(&book)
        .unwrap()
        .execute(
            "UPDATE totals SET sales = sales + 1 WHERE span = '' AND partner_id = -1",
            [],
        )
        .unwrap();
    let said = stderr(pb(&book).arg("check"), 1);
    let out = String::from_utf8(pb(&book).arg("check").output().unwrap().stdout).unwrap();
    assert!(
        out.contains("rows of the totals no longer add up"),
        "{out}{said}"
    );
}

#[test]
fn conversions_plans_and_commissions_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    pb(&book)
        .args([
            "partners",
            "add",
            "--name",
            "Alice",
            "--email",
            "alice@example.com",
            "--referral-code",
            "alice",
        ])
        .assert()
        .success();
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, r#"{ "name": "Standard", "versions": [ { "effective_from": "2024-01-01", "rules": [ { "id": "base", "kind": "percentage", "rate": "30%" } ] } ] }"#).unwrap();
    pb(&book)
        .args(["plans", "import"])
        .arg(&plan)
        .assert()
        .success();
    pb(&book)
        .args([
            "plans",
            "assign",
            "--partner",
            "alice",
            "--plan",
            "Standard",
        ])
        .assert()
        .success();
    let exported = pb(&book)
        .args(["plans", "export", "Standard"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let exported: serde_json::Value = serde_json::from_slice(&exported).unwrap();
    assert_eq!(exported["versions"][0]["rules"][0]["rate"], "30%");

    let sales = dir.path().join("sales.csv");
    std::fs::write(
        &sales,
        "id,date,amount,currency,referral_code\nA1,2024-06-01,100.00,EUR,alice\n",
    )
    .unwrap();
    let report = json(
        pb(&book)
            .args(["import", "conversions"])
            .arg(&sales)
            .arg("--json"),
    );
    assert_eq!(
        (
            report["recorded"].as_u64(),
            report["commissions"]["lines"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let again = json(
        pb(&book)
            .args(["import", "conversions"])
            .arg(&sales)
            .arg("--json"),
    );
    assert_eq!(
        (again["recorded"].as_u64(), again["existing"].as_u64()),
        (Some(0), Some(1))
    );
    let page = json(pb(&book).args(["commissions", "list", "--json"]));
    assert_eq!(page["rows"][0]["amount"]["minor"], 3000);
    let out = pb(&book)
        .args(["commissions", "explain", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().trim(), "30% of 100.00 EUR for the sale A1 on 2024-06-01 = 30.00 EUR. Plan \"Standard\" version 1, rule \"base\".");
    pb(&book)
        .args(["commissions", "approve-due", "--as-of", "2024-07-01"])
        .assert()
        .success();
    assert_eq!(
        json(pb(&book).args(["commissions", "list", "--state", "approved", "--json"]))["total"],
        1
    );
    let err = stderr(
        pb(&book).args(["commissions", "decline", "1", "--reason", ""]),
        1,
    );
    assert!(err.contains("reason"), "{err}");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,date,amount\nB1,someday,1.00\n").unwrap();
    let err = stderr(pb(&book).args(["import", "conversions"]).arg(&bad), 1);
    assert!(
        err.starts_with("error: bad.csv, line 2, column \"date\": \"someday\" is not a date"),
        "{err}"
    );

    // A payout run: held until Alice can be paid, then adjusted, approved, written, paid.
    let run = json(pb(&book).args(["payout", "create", "--through", "2024-07-31", "--json"]));
    assert_eq!(
        (run["paid_count"].as_u64(), run["held_count"].as_u64()),
        (Some(0), Some(1))
    );
    let shown = json(pb(&book).args(["payout", "show", "1", "--json"]));
    let reasons = shown["lines"]["rows"][0]["blocked"]
        .as_array()
        .unwrap()
        .len();
    assert!(reasons >= 2, "{shown}");
    pb(&book)
        .args(["payout", "discard", "1"])
        .assert()
        .success();
    pb(&book)
        .args([
            "partners",
            "update",
            "alice",
            "--payout-method",
            "paypal",
            "--payout-email",
            "alice@example.com",
            "--tax-status",
            "w9",
            "--terms-version",
            "2026-01",
        ])
        .assert()
        .success();
    let run = json(pb(&book).args(["payout", "create", "--through", "2024-07-31", "--json"]));
    assert_eq!(
        (run["id"].as_u64(), run["paid_count"].as_u64()),
        (Some(2), Some(1))
    );
    pb(&book)
        .args([
            "payout",
            "adjust",
            "2",
            "--partner",
            "alice",
            "--amount",
            "-5.00",
            "--reason",
            "refunded by hand",
        ])
        .assert()
        .success();
    let readiness = json(pb(&book).args(["payout", "readiness", "2", "--json"]));
    assert_eq!(readiness["blockers"], 0, "{readiness}");
    pb(&book)
        .args(["payout", "approve", "2"])
        .assert()
        .success();
    pb(&book).args(["payout", "verify", "2"]).assert().success();
    let file = dir.path().join("paypal.csv");
    let report = json(
        pb(&book)
            .args(["payout", "export", "2", "--format", "paypal", "--out"])
            .arg(&file)
            .arg("--json"),
    );
    assert_eq!(report["files"][0]["total"]["minor"], 2500);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(csv.starts_with("alice@example.com,25.00,EUR,PB2-"), "{csv}");
    let err = stderr(
        pb(&book).args([
            "payout",
            "adjust",
            "2",
            "--partner",
            "alice",
            "--amount",
            "1",
            "--reason",
            "x",
        ]),
        1,
    );
    assert!(err.contains("run #2 is approved"), "{err}");
    let folder = dir.path().join("statements");
    let written = json(
        pb(&book)
            .args(["statements", "2", "--out"])
            .arg(&folder)
            .arg("--json"),
    );
    assert_eq!(written["files"], 1);
    let pdf = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        pdf.to_string_lossy().ends_with("Alice.pdf"),
        "{}",
        pdf.display()
    );
    pb(&book)
        .args(["payout", "mark-paid", "2", "--reference", "PP-1"])
        .assert()
        .success();
    let runs = json(pb(&book).args(["payout", "list", "--json"]));
    assert_eq!(runs[0]["settled_paid"], 1);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("demo.partnerbook");
    pb(&book)
        .arg("demo")
        .arg(&book)
        .args(["--partners", "50", "--seed", "3", "--partners-only"])
        .assert()
        .success();
    // `partnerbook partners list --json | head -c 1`: the reader goes away.
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("partnerbook"))
        .env("PARTNERBOOK_BOOK", &book)
        .args(["partners", "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    child.wait().unwrap();
    assert_eq!(err, "", "no panic, no backtrace");
}

#[test]
fn an_import_without_a_preset_reads_the_layout_its_columns_fit_and_inspect_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = crate::support::init(dir.path());
    let stripe = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ledger/tests/fixtures/conversions/stripe_unified_payments_2026.csv");
    let look = crate::support::stdout(
        pb(&book)
            .args(["import", "conversions"])
            .arg(&stripe)
            .arg("--inspect"),
    );
    assert!(look.contains("As a Stripe payments export:"), "{look}");
    assert!(
        look.contains("affiliate_code (metadata)   referral_code"),
        "{look}"
    );
    assert!(
        look.contains("Skipped 1 rows: a test-mode payment (Mode: Test)"),
        "{look}"
    );
    let listed = json(pb(&book).args(["conversions", "list", "--json"]));
    assert_eq!(listed["total"], 0, "--inspect writes nothing");
    let out = crate::support::stdout(pb(&book).args(["import", "conversions"]).arg(&stripe));
    assert!(
        out.starts_with("Reading stripe_unified_payments_2026.csv as a Stripe payments export (its columns fit best"),
        "{out}"
    );
    assert_eq!(
        json(pb(&book).args(["conversions", "list", "--json"]))["total"],
        5
    );
}
