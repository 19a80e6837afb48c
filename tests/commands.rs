//! The desktop commands through Tauri's mock runtime: the same IPC path the
//! UI uses (JSON in, JSON or {code, message, field} out), on real temp-file books.

use partnerbook_app::state::{AppPaths, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct App {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
        documents_dir: dir.path().join("Documents"),
        log_dir: dir.path().join("logs"),
    };
    let app = partnerbook_app::with_commands(mock_builder())
        .manage(AppState::new(paths))
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App {
        _app: app,
        webview,
        dir,
    }
}

impl App {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args.clone())
            .unwrap_or_else(|e| panic!("{cmd}({args}) failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail but returned {v}"),
            Err(e) => e,
        }
    }

    fn create_book(&self) -> Value {
        let path = self.ok("book_suggest_path", json!({ "programName": "Zoë's Deals" }));
        assert!(
            path.as_str()
                .unwrap()
                .ends_with("Documents/Zoë's Deals.partnerbook"),
            "{path}"
        );
        self.ok("book_create", json!({ "path": path, "program": { "program_name": "Zoë's Deals", "base_currency": "EUR" } }))
    }
}

fn partner(name: &str, email: &str) -> Value {
    json!({
        "name": name, "first_name": "", "email": email, "company": "", "address": "ul. Długa 1\n00-001 Warszawa", "website": "",
        "social_profiles": [], "country": "PL", "language": "pl", "status": "active", "group_id": null,
        "tags": ["youtube"], "custom_fields": {}, "parent_id": null,
        "codes": [{ "kind": "referral", "code": "LUKASZ" }],
        "payout": { "method": "iban", "email": "", "iban": "PL61 1090 1014 0000 0712 1981 2874", "bic": "WBKPPLPP", "other": "" },
        "payout_currency": "PLN", "tax": { "status": "none", "form_expires": "", "vat_id": "" }, "terms_version": ""
    })
}

#[test]
fn without_a_book_commands_say_so() {
    let app = app();
    assert_eq!(app.ok("book_current", json!({})), Value::Null);
    let e = app.err(
        "partners_search",
        json!({ "query": {
        "text": "", "statuses": [], "group_id": null, "tag": null, "country": null,
        "sort": "name", "descending": false, "offset": 0, "limit": 50 } }),
    );
    assert_eq!(e["code"], "no_book");
    assert!(e["message"].as_str().unwrap().contains("No book is open"));
    let about = app.ok("app_about", json!({}));
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(about["book_schema"], Value::Null);
    assert!(about["schema"].as_i64().unwrap() >= 15);
    assert!(about["log_dir"].as_str().unwrap().ends_with("logs"));
}

#[test]
fn create_a_book_then_add_find_edit_and_note_a_partner() {
    let app = app();
    let info = app.create_book();
    assert_eq!(
        (
            info["program_name"].as_str(),
            info["base_currency"].as_str()
        ),
        (Some("Zoë's Deals"), Some("EUR"))
    );
    let recent = app.ok("recent_books", json!({}));
    assert_eq!(recent[0]["program_name"], "Zoë's Deals");
    assert_eq!(recent[0]["exists"], true);
    // A new book is backed up on opening (daily, beside the app), and by
    // hand on request.
    let start = std::time::Instant::now();
    while app
        .ok("backups_list", json!({}))
        .as_array()
        .unwrap()
        .is_empty()
    {
        assert!(start.elapsed().as_secs() < 20, "the daily backup is made");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let made = app.ok("backup_create", json!({}));
    assert_eq!(made["reason"], "by-hand");
    let list = app.ok("backups_list", json!({}));
    let reasons: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"daily") && reasons.contains(&"by-hand"),
        "{list}"
    );
    let health = app.ok("book_check", json!({}));
    assert_eq!(health, json!({ "integrity": ["ok"], "problems": [] }));
    let before = app.ok("backup_restore", json!({ "path": made["path"] }));
    assert_eq!(before["reason"], "before-restore");

    let created = app.ok(
        "partner_create",
        json!({ "input": partner("Łukasz Wiśniewski", "lukasz@example.pl") }),
    );
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["payout"]["iban"], "PL61109010140000071219812874");
    assert_eq!(created["first_name"], "Łukasz");

    let query = json!({ "query": { "text": "lukasz wis", "statuses": [], "group_id": null, "tag": null,
        "country": null, "sort": "relevance", "descending": false, "offset": 0, "limit": 50 } });
    let page = app.ok("partners_search", query.clone());
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["name"], "Łukasz Wiśniewski");
    assert_eq!(page["rows"][0]["tags"], json!(["youtube"]));

    let mut input = partner("Łukasz Wiśniewski-Nowak", "lukasz@example.pl");
    input["company"] = json!("Nowak Media");
    input["tax"] = json!({ "status": "w8ben", "form_expires": "2028-12-31", "vat_id": "", "tin": "PL 8512345678" });
    let updated = app.ok("partner_update", json!({ "id": id, "input": input }));
    assert_eq!(updated["company"], "Nowak Media");
    // The form gets the TIN whole (its own field); a bad one names the field.
    assert_eq!(updated["tax"]["tin"], "PL 8512345678");
    input["tax"] = json!({ "status": "w9", "form_expires": "", "vat_id": "", "tin": "12-345" });
    let err = app.err("partner_update", json!({ "id": id, "input": input }));
    assert_eq!(err["field"], "tin", "{err}");
    app.ok(
        "partner_set_status",
        json!({ "id": id, "status": "paused", "reason": "asked for a break" }),
    );
    app.ok(
        "partner_add_note",
        json!({ "id": id, "text": "Prefers email" }),
    );
    let timeline = app.ok("partner_timeline", json!({ "id": id }));
    let summaries: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["summary"].as_str().unwrap())
        .collect();
    assert_eq!(
        summaries,
        [
            "Note",
            "Status changed from active to paused",
            "Updated company, name, tax",
            "Added as active"
        ]
    );
    assert_eq!(
        app.ok("partner_get", json!({ "id": id }))["status"],
        "paused"
    );
    assert_eq!(
        app.ok("partners_countries", json!({})),
        json!([{ "code": "PL", "count": 1 }])
    );
    assert_eq!(app.ok("tags_list", json!({}))[0]["name"], "youtube");
    let groups = app.ok(
        "group_create",
        json!({ "name": "Creators", "description": "" }),
    );
    assert_eq!(groups[0]["name"], "Creators");
}

#[test]
fn bad_input_comes_back_as_code_and_plain_message() {
    let app = app();
    app.create_book();
    let e = app.err("partner_create", json!({ "input": partner("Ada", "ada@") }));
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(e["field"], "email", "{e}");
    app.ok(
        "partner_create",
        json!({ "input": partner("Ada", "ada@example.com") }),
    );
    let e = app.err(
        "partner_create",
        json!({ "input": partner("Bea", "bea@example.com") }),
    );
    assert_eq!(e["code"], "conflict", "the referral code is taken: {e}");

    let not_a_book = app.dir.path().join("notes.partnerbook");
    std::fs::write(
        &not_a_book,
        "hello, this is a text file and not a database at all, really",
    )
    .unwrap();
    let e = app.err("book_open", json!({ "path": not_a_book }));
    assert_eq!(e["code"], "not_a_book");
}

#[test]
fn settings_round_trip_with_exact_minimum_payout() {
    let app = app();
    app.create_book();
    let mut input = app.ok("settings_get", json!({}));
    input["minimum_payout"] = json!("1,250.5");
    input["rounding"] = json!("half_even");
    let saved = app.ok("settings_update", json!({ "input": input.clone() }));
    assert_eq!(
        saved["minimum_payout"],
        json!({ "minor": 125050, "currency": "EUR" })
    );
    assert_eq!(saved["rounding"], "half_even");
    input["minimum_payout"] = json!("12.345");
    let e = app.err("settings_update", json!({ "input": input }));
    assert_eq!(e["field"], "minimum_payout", "{e}");
}

#[test]
fn export_then_preview_and_import_into_another_book() {
    let app = app();
    app.create_book();
    app.ok(
        "partner_create",
        json!({ "input": partner("Søren Kierkegaard", "soren@example.dk") }),
    );
    let csv = app.dir.path().join("partners.csv");
    assert_eq!(
        app.ok(
            "partners_export",
            json!({ "path": csv, "query": null, "onProgress": "__CHANNEL__:3" })
        ),
        1
    );

    let other = app.dir.path().join("other.partnerbook");
    app.ok(
        "book_create",
        json!({ "path": other, "program": { "program_name": "Other", "base_currency": "USD" } }),
    );
    let preview = app.ok("partners_import_preview", json!({ "path": csv }));
    assert_eq!(preview["rows"], 1);
    assert!(preview["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t != "ignore"));
    let report = app.ok(
        "partners_import",
        json!({ "path": csv, "options": { "mapping": [], "on_existing": "update", "dry_run": false },
                "onProgress": "__CHANNEL__:7" }),
    );
    assert_eq!(report["created"], 1);
    let info = app.ok("book_current", json!({}));
    assert_eq!(
        (
            info["program_name"].as_str(),
            info["partner_count"].as_u64()
        ),
        (Some("Other"), Some(1))
    );
}

/// The earnings screens' path: a plan from the editor, a conversions file
/// looked at, checked (nothing written), imported; the commissions it made,
/// explained and declined; the what-if of another version.
#[test]
fn plan_conversions_commissions_and_what_if() {
    let app = app();
    app.create_book();
    let groups = app.ok(
        "group_create",
        json!({ "name": "Creators", "description": "" }),
    );
    let mut ana = partner("Ana Lima", "ana@example.com");
    ana["codes"] = json!([{ "kind": "referral", "code": "ANA" }]);
    ana["group_id"] = groups[0]["id"].clone();
    let ana_id = app.ok("partner_create", json!({ "input": ana }))["id"].clone();
    let plan = app.ok(
        "plan_save",
        json!({ "file": { "name": "Everyone", "description": "", "groups": ["Creators"],
            "versions": [ { "effective_from": "2026-01-01",
                "rules": [ { "id": "base", "kind": "percentage", "rate": "30%" } ] } ] } }),
    );
    assert_eq!(plan["versions"][0]["used"], false);
    // Her group is on the plan; a rule of her own overrides its rate for her.
    app.ok(
        "plan_save",
        json!({ "file": { "name": "Everyone", "description": "For all", "groups": [],
            "versions": [ { "effective_from": "2026-01-01",
                "rules": [ { "id": "base", "kind": "percentage", "rate": "30%" },
                           { "id": "ana", "kind": "percentage", "rate": "40%", "partner": ana_id.to_string() } ] } ] } }),
    );
    let book = app.dir.path().join("Documents");
    let csv = book.join("sales.csv");
    std::fs::write(
        &csv,
        "external_id,kind,occurred_at,amount,currency,referral_code\no1,sale,2026-03-01,49.00,EUR,ANA\no2,sale,2026-03-02,10.00,EUR,NOBODY\n",
    )
    .unwrap();
    let look = app.ok("conversions_inspect", json!({ "path": csv }));
    assert_eq!(look["suggested"], "generic");
    let options = |dry_run: bool| json!({ "preset": "generic", "mapping": [], "source": null, "day_first": false, "dry_run": dry_run });
    let checked = app.ok(
        "conversions_import",
        json!({ "path": csv, "options": options(true), "onProgress": "__CHANNEL__:11" }),
    );
    assert_eq!(
        (checked["recorded"].clone(), checked["unattributed"].clone()),
        (json!(2), json!(1))
    );
    let none = app.ok(
        "conversions_list",
        json!({ "query": conversions_query(false) }),
    );
    assert_eq!(none["total"], 0, "a check writes nothing");
    app.ok(
        "conversions_import",
        json!({ "path": csv, "options": options(false), "onProgress": "__CHANNEL__:12" }),
    );
    let unattributed = app.ok(
        "conversions_list",
        json!({ "query": conversions_query(true) }),
    );
    assert_eq!(unattributed["rows"][0]["external_id"], "o2");

    let page = app.ok(
        "commissions_list",
        json!({ "query": { "partner_id": null, "states": [], "from": null, "to": null, "offset": 0, "limit": 0 } }),
    );
    assert_eq!(
        page["rows"][0]["amount"]["minor"], 1960,
        "40% of €49.00, Ana's own rule"
    );
    let id = page["rows"][0]["id"].clone();
    let sentence = app.ok("commission_explain", json!({ "id": id }));
    assert!(sentence.as_str().unwrap().contains("40%"), "{sentence}");

    let plans = app.ok("plans_list", json!({}));
    let version_id = plans[0]["versions"][0]["id"].clone();
    let same = app.ok(
        "whatif_run",
        json!({ "request": { "period": "2026-03", "plan": { "from": "version", "version_id": version_id } },
                "onProgress": "__CHANNEL__:13" }),
    );
    assert_eq!(same["difference"]["minor"], 0);
    let flat = app.ok(
        "whatif_run",
        json!({ "request": { "period": "2026-03", "plan": { "from": "file", "plan": {
                    "name": "Everyone", "versions": [ { "effective_from": "2026-06-01",
                    "rules": [ { "id": "base", "kind": "percentage", "rate": "10%" } ] } ] } } },
                "onProgress": "__CHANNEL__:14" }),
    );
    assert_eq!(flat["scenario_total"]["minor"], 490);
    assert_eq!(flat["difference"]["minor"], 490 - 1960);

    let declined = app.err("commission_decline", json!({ "id": id, "reason": " " }));
    assert_eq!(declined["code"], "invalid_input");
    let declined = app.ok(
        "commission_decline",
        json!({ "id": id, "reason": "self-referral" }),
    );
    assert_eq!(declined["state"], "declined");
    assert_eq!(
        app.ok("commissions_approve_due", json!({ "asOf": "2030-01-01" })),
        json!({ "count": 0, "totals": [] })
    );
    // A plan of her own, then back to her group's.
    app.ok(
        "plan_save",
        json!({ "file": { "name": "VIP", "description": "", "groups": [],
            "versions": [ { "effective_from": "2026-01-01", "rules": [ { "id": "base", "kind": "percentage", "rate": "50%" } ] } ] } }),
    );
    let on_vip = app.ok("partner_set_plan", json!({ "id": ana_id, "plan": "VIP" }));
    assert_eq!(
        (on_vip["plan_name"].clone(), on_vip["plan_id"].is_number()),
        (json!("VIP"), true)
    );
    let back = app.ok("partner_set_plan", json!({ "id": ana_id, "plan": null }));
    assert_eq!(
        (back["plan_name"].clone(), back["plan_id"].clone()),
        (json!("Everyone"), json!(null))
    );
    let plans = app.ok("plans_list", json!({}));
    let everyone = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Everyone")
        .unwrap();
    assert_eq!(
        everyone["versions"][0]["used"], true,
        "it produced commissions"
    );
}

#[test]
fn a_payout_run_from_draft_to_paid() {
    let app = app();
    app.create_book();
    let mut ana = partner("Ana Lima", "ana@example.com");
    ana["codes"] = json!([{ "kind": "referral", "code": "ANA" }]);
    ana["payout_currency"] = json!("EUR");
    ana["terms_version"] = json!("2026-01");
    ana["tax"] = json!({ "status": "vat", "form_expires": "", "vat_id": "PL1234567890" });
    let ana_id = app.ok("partner_create", json!({ "input": ana }))["id"].clone();
    app.ok(
        "plan_save",
        json!({ "file": { "name": "Everyone", "description": "", "groups": [],
            "versions": [ { "effective_from": "2026-01-01",
                "rules": [ { "id": "base", "kind": "percentage", "rate": "30%" } ] } ] } }),
    );
    app.ok(
        "partner_set_plan",
        json!({ "id": ana_id, "plan": "Everyone" }),
    );
    let csv = app.dir.path().join("sales.csv");
    std::fs::write(&csv, "external_id,kind,occurred_at,amount,currency,referral_code\no1,sale,2026-03-01,100.00,EUR,ANA\n").unwrap();
    let options = json!({ "preset": "generic", "mapping": [], "source": null, "day_first": false, "dry_run": false });
    app.ok(
        "conversions_import",
        json!({ "path": csv, "options": options, "onProgress": "__CHANNEL__:21" }),
    );
    assert_eq!(
        app.ok("commissions_due_preview", json!({ "asOf": "2026-06-30" }))["count"],
        1
    );
    assert_eq!(
        app.ok("commissions_approve_due", json!({ "asOf": "2026-06-30" }))["count"],
        1
    );

    let run = app.ok(
        "payout_run_create",
        json!({ "through": "2026-06-30", "onProgress": "__CHANNEL__:22" }),
    );
    assert_eq!(
        (run["status"].clone(), run["paid_count"].clone()),
        (json!("draft"), json!(1))
    );
    let again = app.err(
        "payout_run_create",
        json!({ "through": "2026-06-30", "onProgress": "__CHANNEL__:23" }),
    );
    assert_eq!(again["code"], "conflict", "{again}");
    let adj = app.ok(
        "payout_adjust",
        json!({ "runId": run["id"], "partnerId": ana_id, "amount": "-5.00",
        "kind": null, "reason": "double-counted sale" }),
    );
    assert_eq!(adj["kind"], "clawback");
    let lines = app.ok("payout_lines", json!({ "query": { "run_id": run["id"], "filter": "all", "search": "ana", "offset": 0, "limit": 0 } }));
    assert_eq!(lines["rows"][0]["pay"]["minor"], 2500);
    let ready = app.ok("payout_readiness", json!({ "runId": run["id"] }));
    assert_eq!(ready["blockers"], 0, "{ready}");
    let approved = app.ok(
        "payout_run_approve",
        json!({ "id": run["id"], "onProgress": "__CHANNEL__:24" }),
    );
    assert_eq!(approved["fingerprint"].as_str().unwrap().len(), 64);
    assert_eq!(
        app.ok("payout_run_verify", json!({ "id": run["id"] })),
        true
    );
    let out = app.dir.path().join("run.csv");
    let report = app.ok(
        "payout_export",
        json!({ "runId": run["id"], "format": "csv", "path": out }),
    );
    assert_eq!(report["files"][0]["total"]["minor"], 2500);
    let folder = app.dir.path().join("statements");
    let written = app.ok(
        "statements_write",
        json!({ "runId": run["id"], "dir": folder, "onProgress": "__CHANNEL__:25" }),
    );
    assert_eq!(written["files"], 1);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    let ana = lines["rows"][0]["partner_id"].clone();
    let performance = app.ok(
        "partner_performance_get",
        json!({ "id": ana, "through": "2026-12" }),
    );
    let payout = performance["payouts"][0].clone();
    assert_eq!(payout["amount"]["minor"], 2500);
    let one = app.dir.path().join("one statement.pdf");
    let number = app.ok(
        "statement_save",
        json!({ "payoutId": payout["payout_id"], "path": one }),
    );
    assert!(number.as_str().unwrap().starts_with('R'), "{number}");
    assert!(std::fs::read(&one).unwrap().starts_with(b"%PDF"));
    let queued = app.ok(
        "mail_queue_statements",
        json!({ "runId": run["id"], "onProgress": "__CHANNEL__:26" }),
    );
    assert_eq!(
        (queued["queued"].clone(), queued["already"].clone()),
        (json!(1), json!(0))
    );
    let outbox = app.ok(
        "mail_outbox",
        json!({ "status": "queued", "runId": run["id"], "limit": 10 }),
    );
    assert_eq!(outbox[0]["to_email"], "ana@example.com");
    let coverage = app.ok("payout_coverage", json!({ "runId": run["id"] }));
    assert_eq!(coverage[0]["payouts"], 1);
    let month_end = app.ok("payout_month_end", json!({ "runId": run["id"] }));
    let done: Vec<bool> = month_end["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["done"].as_bool().unwrap())
        .collect();
    assert_eq!(
        done,
        [true, false, true, false, false],
        "approved and statements written; the provider file, emails and payment to do: {month_end}"
    );
    let pdf = app.dir.path().join("by-hand.pdf");
    assert_eq!(
        app.ok(
            "payout_by_hand_pdf",
            json!({ "runId": run["id"], "path": pdf })
        ),
        0
    );
    assert!(outbox[0]["attachment_name"]
        .as_str()
        .unwrap()
        .ends_with("Ana Lima.pdf"));
    let refused = app.err(
        "mail_settings_set",
        json!({ "settings": { "host": "smtp.example.com", "port": 25, "tls": "none",
        "user": "", "from_name": "", "from_email": "a@example.com" } }),
    );
    assert_eq!(refused["field"], "tls", "{refused}");
    let unsent = app.err(
        "mail_send",
        json!({ "password": null, "onProgress": "__CHANNEL__:27" }),
    );
    assert!(
        unsent["message"]
            .as_str()
            .unwrap()
            .contains("set up the mail server"),
        "{unsent}"
    );
    let preview = app.ok(
        "mail_template_preview",
        json!({ "name": "statement", "subject": "{{statement.number}} for {{partner.first_name}}",
        "textBody": "Total {{total}}", "htmlBody": "", "partnerId": ana_id }),
    );
    assert_eq!(preview["text_body"], "Total 25.00 EUR");
    let unknown = app.err(
        "mail_template_save",
        json!({ "name": "statement", "subject": "x", "textBody": "{{totl}}", "htmlBody": "" }),
    );
    assert_eq!(unknown["field"], "text_body", "{unknown}");
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .starts_with("{{totl}} is not a placeholder"),
        "{unknown}"
    );
    let bad = app.err(
        "payout_payer_set",
        json!({ "iban": "DE00 1234", "bic": "" }),
    );
    assert_eq!(bad["field"], "iban", "{bad}");
    assert_eq!(
        app.ok(
            "payout_mark_paid",
            json!({ "runId": run["id"], "partnerId": null, "reference": "BANK-7" })
        ),
        1
    );
    let runs = app.ok("payout_runs_list", json!({}));
    assert_eq!(runs[0]["settled_paid"], 1);
    app.ok(
        "partner_set_payout_hold",
        json!({ "partnerId": ana_id, "reason": "dispute" }),
    );
}

fn conversions_query(unattributed: bool) -> Value {
    json!({ "partner_id": null, "unattributed": unattributed, "kinds": [], "from": null, "to": null,
            "offset": 0, "limit": 0 })
}

#[test]
fn logo_announcements_the_smtp_password_and_opening_files() {
    let app = app();
    app.create_book();
    assert_eq!(app.ok("logo_get", json!({})), Value::Null);
    let fake = app.dir.path().join("logo.png");
    std::fs::write(&fake, "<svg/>").unwrap();
    let refused = app.err("logo_set", json!({ "path": fake }));
    assert_eq!(refused["code"], "invalid_input");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("logo.png: not a PNG or JPEG"),
        "{refused}"
    );

    let ana = app.ok(
        "partner_create",
        json!({ "input": partner("Łukasz Nowak", "lukasz@example.pl") }),
    );
    assert_eq!(ana["address"], "ul. Długa 1\n00-001 Warszawa");
    let audience = app.ok(
        "mail_audience",
        json!({ "audience": { "kind": "tag", "name": "youtube" } }),
    );
    assert_eq!(audience, json!(["tag youtube", 1]));
    let announced = app.ok(
        "mail_announce",
        json!({ "input": { "subject": "Hi {{partner.first_name}}", "text_body": "New banners.", "html_body": "",
                "audience": { "kind": "all" } } }),
    );
    assert_eq!(announced["recipients"], 1);
    assert_eq!(
        app.ok("mail_announcements", json!({}))[0]["audience_label"],
        "all active partners"
    );
    let outbox = app.ok("mail_outbox", json!({ "status": "queued", "limit": 10 }));
    assert_eq!(outbox[0]["subject"], "Hi Łukasz");

    app.ok(
        "mail_settings_set",
        json!({ "settings": { "host": "smtp.app-test.invalid", "port": 587, "tls": "starttls",
        "user": "app-test", "from_name": "", "from_email": "a@example.com" } }),
    );
    assert_eq!(app.ok("mail_password_saved", json!({})), false);
    let home = app.ok("mail_password_save", json!({ "password": "hunter2" }));
    let expected = if std::env::var("PARTNERBOOK_KEYCHAIN").is_ok() {
        "keychain"
    } else {
        "unavailable"
    };
    assert_eq!(home["kind"], expected, "{home}");
    // In the keychain, or kept for this session where there is none.
    assert_eq!(app.ok("mail_password_saved", json!({})), true);
    app.ok("mail_password_forget", json!({}));
    assert_eq!(app.ok("mail_password_saved", json!({})), false);

    let script = app.dir.path().join("run.sh");
    std::fs::write(&script, "#!/bin/sh").unwrap();
    let refused = app.err("file_open", json!({ "path": script }));
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("not a file Partnerbook writes"),
        "{refused}"
    );
    let gone = app.err(
        "file_reveal",
        json!({ "path": app.dir.path().join("gone.pdf") }),
    );
    assert!(
        gone["message"]
            .as_str()
            .unwrap()
            .contains("not there any more"),
        "{gone}"
    );
}

#[test]
fn applications_from_intake_to_decision_and_onboarding() {
    let app = app();
    app.create_book();
    let form = app.dir.path().join("signups.csv");
    std::fs::write(
        &form,
        "Name,Email,Website,Country,Why do you want to join?\n\
         Ana Lima,ana@lima.pt,lima.pt,PT,I review tools\n\
         Tom Throw,tom@mailinator.com,tom.de,DE,<script>alert(1)</script>\n",
    )
    .unwrap();
    let report = app.ok(
        "applications_import",
        json!({ "path": form, "onProgress": "__CHANNEL__:41" }),
    );
    assert_eq!(report["created"], 2);
    let page = app.ok(
        "applications_list",
        json!({ "query": { "status": "pending" } }),
    );
    assert_eq!(page["total"], 2);
    assert_eq!(page["rows"][0]["name"], "Ana Lima", "best score first");
    let tom = &page["rows"][1];
    assert_eq!(tom["checks"][0]["severity"], "red");
    let detail = app.ok("application_get", json!({ "id": tom["id"] }));
    assert_eq!(
        detail["application"]["answers"]["Why do you want to join?"],
        "<script>alert(1)</script>"
    );
    assert_eq!(detail["submissions"][0]["source"], "signups.csv line 3");
    let bad = app.err(
        "applications_import",
        json!({ "path": app.dir.path().join("missing.csv"), "onProgress": "__CHANNEL__:42" }),
    );
    assert_eq!(bad["code"], "io");
    let refused = app.err(
        "applications_reject",
        json!({ "ids": [tom["id"]], "reason": "" }),
    );
    assert_eq!(refused["field"], "reason", "{refused}");
    let reasons = app.ok("rejection_reasons", json!({}));
    app.ok(
        "applications_reject",
        json!({ "ids": [tom["id"]], "reason": reasons[0] }),
    );
    let approved = app.ok(
        "applications_approve",
        json!({ "ids": [page["rows"][0]["id"]], "groupId": null, "reason": "" }),
    );
    assert_eq!(approved["emails_queued"], 1);
    let settings = app.ok("screening_settings_get", json!({}));
    assert_eq!(settings["auto_approve"]["min_score"], 80);

    let board = app.ok("onboarding_list", json!({ "all": false }));
    assert_eq!(board[0]["name"], "Ana Lima");
    assert_eq!(board[0]["stuck_on"], "terms");
    app.ok(
        "terms_publish",
        json!({ "version": "2026-12", "body": "Be nice." }),
    );
    let row = app.ok(
        "onboarding_set",
        json!({ "partnerId": board[0]["partner_id"], "change": { "terms": "2026-12", "welcome_sent": true } }),
    );
    assert_eq!(row["steps"][0]["done"], true);
    assert_eq!(app.ok("terms_list", json!({}))[0]["accepted_by"], 1);
    assert_eq!(
        app.ok("onboarding_remind", json!({ "days": 7 })),
        0,
        "approved today"
    );
}

#[test]
fn the_asset_library_and_a_partner_kit() {
    let app = app();
    app.create_book();
    let dir = app.dir.path();
    std::fs::write(
        dir.join("hello.txt"),
        "Hi {{partner.first_name}}: {{referral_link}}",
    )
    .unwrap();
    std::fs::write(dir.join("bad.txt"), "Hi {{partner.nmae}}").unwrap();
    let refused = app.err(
        "assets_add",
        json!({ "paths": [dir.join("bad.txt")], "options": {}, "onProgress": "__CHANNEL__:51" }),
    );
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("{{partner.nmae}}"),
        "{refused}"
    );
    let added = app.ok(
        "assets_add",
        json!({ "paths": [dir.join("hello.txt")], "options": { "tags": ["launch"] }, "onProgress": "__CHANNEL__:52" }),
    );
    let id = added["added"][0].clone();
    let list = app.ok("assets_list", json!({ "query": { "tag": "launch" } }));
    assert_eq!(list[0]["kind"], "text_snippet");
    assert_eq!(app.ok("asset_thumbnail", json!({ "id": id })), Value::Null);
    let bad_url = app.err("links_base_url_set", json!({ "url": "not a url" }));
    assert_eq!(bad_url["field"], "base_url", "{bad_url}");
    app.ok(
        "links_base_url_set",
        json!({ "url": "https://deals.example" }),
    );
    let mut ana = partner("Ana Lima", "ana@lima.pt");
    ana["codes"] = json!([{ "kind": "referral", "code": "ANA" }]);
    let ana = app.ok("partner_create", json!({ "input": ana }));
    let text = app.ok("asset_render", json!({ "id": id, "partnerId": ana["id"] }));
    assert!(
        text.as_str()
            .unwrap()
            .starts_with("Hi Ana: https://deals.example/?ref=ANA"),
        "{text}"
    );
    let out = dir.join("ana-kit.zip");
    let kit = app.ok(
        "kit_export",
        json!({ "target": { "kind": "partner", "id": ana["id"] }, "out": out, "onProgress": "__CHANNEL__:53" }),
    );
    assert_eq!(kit["partners"], 1);
    assert!(out.exists());
    let detail = app.ok("asset_get", json!({ "id": id }));
    assert_eq!(detail["sends"][0]["partner_name"], "Ana Lima");
    // Edited in the app: a live preview, then a new version.
    assert_eq!(
        app.ok("asset_text", json!({ "id": id })),
        "Hi {{partner.first_name}}: {{referral_link}}"
    );
    let preview = app.ok(
        "asset_preview_text",
        json!({ "text": "Yo {{partner.name}}", "html": false, "partnerId": ana["id"], "landingUrl": "" }),
    );
    assert_eq!(preview, "Yo Ana Lima");
    let saved = app.ok(
        "asset_save_text",
        json!({ "id": id, "text": "v2 {{coupon}}" }),
    );
    assert_eq!(saved["asset"]["current"]["version"], 2);
}

#[test]
fn lists_answer_while_a_long_job_holds_the_writer() {
    use partnerbook_core::audit::Actor;
    use partnerbook_core::partners;
    use std::sync::mpsc;
    use std::time::Duration;
    use tauri::Manager;

    let app = app();
    app.create_book();
    app.ok(
        "partner_create",
        json!({ "input": partner("Ana Lima", "ana@example.com") }),
    );
    let state: &AppState = app._app.state::<AppState>().inner();
    let (busy, is_busy) = mpsc::channel();
    let (done, is_done) = mpsc::channel();
    std::thread::scope(|s| {
        // An import in the middle of its transaction: it holds the writer
        // and has written a partner it has not committed.
        let holder = s.spawn(move || {
            state
                .with_book(|b| {
                    let tx = b.transaction()?;
                    let bo = partners::PartnerInput::new("Bo Berg", "bo@example.com");
                    partners::create_in(&tx, &bo, Actor::Import)?;
                    busy.send(()).unwrap();
                    // Released once the list answered; a list that waited
                    // for the writer would still be waiting when this ends.
                    Ok(is_done.recv_timeout(Duration::from_secs(60)).is_ok())
                })
                .unwrap()
        });
        is_busy.recv().unwrap();
        let query = json!({ "query": { "text": "", "statuses": [], "group_id": null, "tag": null,
            "country": null, "sort": "name", "descending": false, "offset": 0, "limit": 50 } });
        let page = app.ok("partners_search", query);
        done.send(()).unwrap();
        assert!(holder.join().unwrap(), "the list waited for the writer");
        assert_eq!(page["total"], 1, "only what is committed: {page}");
    });
}

#[test]
fn an_import_screens_its_sales_and_the_risk_screen_answers_the_flags() {
    let app = app();
    app.create_book();
    let mut ana = partner("Ana Lima", "ana.lima@gmail.com");
    ana["codes"] = json!([{ "kind": "referral", "code": "ANA" }]);
    app.ok("partner_create", json!({ "input": ana }));
    let csv = app.dir.path().join("Documents").join("sales.csv");
    std::fs::write(
        &csv,
        "external_id,occurred_at,amount,currency,customer_email,referral_code\n\
         s1,2026-03-01,100.00,EUR,AnaLima+x@gmail.com,ANA\ns2,2026-03-02,100.00,EUR,bob@example.org,ANA\n",
    )
    .unwrap();
    let options = json!({ "preset": "generic", "mapping": [], "source": null, "day_first": false, "dry_run": false });
    let report = app.ok(
        "conversions_import",
        json!({ "path": csv, "options": options, "onProgress": "__CHANNEL__:31" }),
    );
    assert_eq!(report["recorded"], 2);
    assert_eq!(
        report["risk"]["raised"],
        json!([{ "check": "self_referral", "count": 1 }])
    );
    assert_eq!(report["risk"]["holding"], 1);

    let query = json!({ "query": { "status": "open", "partner_id": null, "check": null, "limit": null, "offset": null } });
    let page = app.ok("risk_flags", query.clone());
    assert_eq!(page["total"], 1);
    let flag = &page["rows"][0];
    assert_eq!(flag["sale"], "s1");
    assert_eq!(flag["hold"], true);
    let err = app.err("risk_clear", json!({ "ids": [flag["id"]], "reason": "" }));
    assert_eq!(err["field"], "reason");
    assert_eq!(
        app.ok(
            "risk_clear",
            json!({ "ids": [flag["id"]], "reason": "a gift" })
        ),
        1
    );
    assert_eq!(app.ok("risk_flags", query)["total"], 0);

    let settings = app.ok(
        "risk_settings_set",
        json!({ "check": "velocity", "action": "hold" }),
    );
    let velocity = settings
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["check"] == "velocity")
        .unwrap();
    assert_eq!(velocity["action"], "hold");
    let scan = app.ok("risk_scan", json!({ "onProgress": "__CHANNEL__:32" }));
    assert_eq!(scan["raised"], json!([]), "a cleared flag stays cleared");
}

#[test]
fn a_rates_file_is_previewed_then_imported() {
    let app = app();
    app.create_book();
    let file = app.dir.path().join("rates.csv");
    std::fs::write(
        &file,
        "day,base,quote,rate\n2026-03-03,EUR,USD,1.25\n2026-03-04,EUR,USD,1.26\n",
    )
    .unwrap();
    let preview = app.ok(
        "fx_import",
        json!({ "path": file, "dryRun": true, "onProgress": "__CHANNEL__:40" }),
    );
    assert_eq!(
        (preview[0]["rates"].clone(), preview[0]["dry_run"].clone()),
        (json!(2), json!(true))
    );
    // The preview (the ledger tests that it stores nothing), then the import.
    let imported = app.ok(
        "fx_import",
        json!({ "path": file, "dryRun": false, "onProgress": "__CHANNEL__:41" }),
    );
    assert_eq!(
        (imported[0]["rates"].clone(), imported[0]["dry_run"].clone()),
        (json!(2), json!(false))
    );
    let again = app.ok(
        "fx_import",
        json!({ "path": file, "onProgress": "__CHANNEL__:42" }),
    );
    assert_eq!(
        again[0]["dry_run"],
        json!(false),
        "no dryRun: an import, as before"
    );
}

#[test]
fn reports_are_read_and_saved_as_csv() {
    let app = app();
    app.create_book();
    assert_eq!(
        app.ok("report_payouts", json!({ "from": null, "to": null })),
        json!([])
    );
    assert_eq!(
        app.ok(
            "report_refunds",
            json!({ "from": "2026-11-01", "to": "2026-11-30" })
        ),
        json!([])
    );
    let path = app.dir.path().join("Documents").join("refunds.csv");
    let rows = app.ok(
        "report_save",
        json!({ "report": "refunds", "from": "2026-11-01", "to": "2026-11-30", "path": path }),
    );
    assert_eq!(rows, 0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("partner_id,partner,refunds,chargebacks"),
        "{text}"
    );
    let pdf = app.dir.path().join("Documents").join("payouts.pdf");
    app.ok(
        "report_save",
        json!({ "report": "payouts", "from": null, "to": null, "path": pdf }),
    );
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF"),
        "a .pdf is written as a PDF"
    );
    let err = app.err(
        "report_save",
        json!({ "report": "nonsense", "from": null, "to": null, "path": path }),
    );
    assert_eq!(err["field"], "report");

    let month = json!({ "from": "2026-11-01", "to": "2026-11-30" });
    let by_group = app.ok(
        "report_performance",
        json!({ "by": "group", "from": "2026-11-01", "to": "2026-11-30" }),
    );
    assert_eq!(by_group, json!([]));
    assert_eq!(app.ok("report_unattributed", month), json!([]));
    let program = app.ok("report_program", json!({ "period": "2026-11" }));
    assert_eq!(program["period"], "2026-11");
    let groups = app.dir.path().join("Documents").join("groups.csv");
    app.ok(
        "report_save",
        json!({ "report": "groups", "from": "2026-11-01", "to": "2026-11-30", "path": groups }),
    );
    assert!(std::fs::read_to_string(&groups)
        .unwrap()
        .starts_with("id,group,partners,sales"));
    let err = app.err(
        "report_save",
        json!({ "report": "program", "from": "2026-11", "to": null, "path": groups }),
    );
    assert_eq!(err["field"], "path", "the program report is a PDF");
    let program_pdf = app.dir.path().join("Documents").join("program.pdf");
    app.ok(
        "report_save",
        json!({ "report": "program", "from": "2026-11", "to": null, "path": program_pdf }),
    );
    assert!(std::fs::read(&program_pdf).unwrap().starts_with(b"%PDF"));
    // The tax year: nothing paid yet, the year's threshold, and its CSV.
    let tax = app.ok("report_tax_year", json!({ "year": 2026 }));
    assert_eq!(tax["threshold"]["minor"], 200000);
    assert_eq!(tax["rows"], json!([]));
    let nec = app.dir.path().join("Documents").join("1099.csv");
    app.ok(
        "report_save",
        json!({ "report": "tax-year", "from": "2026", "to": null, "path": nec }),
    );
    assert!(std::fs::read_to_string(&nec)
        .unwrap()
        .starts_with("partner_id,payee_name,business_name"));
    let err = app.err(
        "report_save",
        json!({ "report": "tax-year", "from": "last year", "to": null, "path": nec }),
    );
    assert_eq!(err["field"], "from");
    // Thresholds from Settings: listed, set, refused with the field named.
    let years = app.ok("tax_thresholds", json!({}));
    assert_eq!(years[0]["year"], 2025);
    assert_eq!(years[1]["amount"]["minor"], 200000);
    let years = app.ok(
        "tax_threshold_set",
        json!({ "year": 2027, "amount": "2500.00", "currency": "USD" }),
    );
    assert_eq!(years[2]["year"], 2027);
    assert_eq!(years[2]["amount"]["minor"], 250000);
    let err = app.err(
        "tax_threshold_set",
        json!({ "year": 1900, "amount": "1.00", "currency": "USD" }),
    );
    assert_eq!(err["field"], "year");
    let err = app.err(
        "tax_threshold_set",
        json!({ "year": 2028, "amount": "lots", "currency": "USD" }),
    );
    assert_eq!(err["field"], "amount", "{err}");
    let err = app.err(
        "partner_performance_get",
        json!({ "id": 1, "through": "2026-11" }),
    );
    assert_eq!(err["code"], "not_found");
}
