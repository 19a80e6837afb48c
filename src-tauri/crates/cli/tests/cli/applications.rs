//! Applications and onboarding from the command line: a form export in,
//! the queue with its checks, decisions, the onboarding board and terms.

use crate::support::{init, json, pb, stdout};

#[test]
fn from_a_form_export_to_an_onboarded_partner() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let form = dir.path().join("signups.csv");
    std::fs::write(
        &form,
        "Name,Email,Website,Country,Followers\n\
         Ana Lima,ana@lima.pt,lima.pt,Portugal,12k\n\
         Tom Throw,tom@mailinator.com,tom.de,DE,300\n\
         Ana L.,ana@lima.pt,,PT,15000\n",
    )
    .unwrap();
    let said = stdout(pb(&book).args(["applications", "import"]).arg(&form));
    assert!(
        said.contains("3 rows: 2 new applications, 1 merged"),
        "{said}"
    );
    let page = json(pb(&book).args(["applications", "list", "--json"]));
    assert_eq!(page["total"], 2);
    let tom = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Tom Throw")
        .unwrap()
        .clone();
    let shown = stdout(pb(&book).args(["applications", "show", &tom["id"].to_string()]));
    assert!(shown.contains("red   Disposable email address"), "{shown}");
    let flagged = json(pb(&book).args([
        "applications",
        "list",
        "--flagged-by",
        "disposable_email",
        "--json",
    ]));
    assert_eq!(flagged["total"], 1);

    let out = pb(&book)
        .args([
            "applications",
            "reject",
            &tom["id"].to_string(),
            "--reason",
            " ",
        ])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("reason"));
    stdout(pb(&book).args([
        "applications",
        "reject",
        &tom["id"].to_string(),
        "--reason",
        "Disposable address",
    ]));
    pb(&book)
        .args(["groups", "add", "Bloggers"])
        .assert()
        .success();
    let ana = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] != "Tom Throw")
        .unwrap()["id"]
        .to_string();
    let said = stdout(pb(&book).args(["applications", "approve", &ana, "--group", "Bloggers"]));
    assert!(
        said.contains("1 approved; 1 welcome emails queued"),
        "{said}"
    );
    let partner = json(pb(&book).args(["partners", "show", "ana@lima.pt", "--json"]));
    assert_eq!(partner["status"], "active");
    assert_eq!(partner["group_name"], "Bloggers");
    assert_eq!(partner["codes"][0]["code"], "ANA");

    let board = json(pb(&book).args(["onboarding", "list", "--json"]));
    assert_eq!(board[0]["stuck_on"], "terms");
    let terms = dir.path().join("terms.txt");
    std::fs::write(&terms, "Be honest about what you promote.").unwrap();
    stdout(
        pb(&book)
            .args(["terms", "publish", "2026-12", "--file"])
            .arg(&terms),
    );
    let steps = stdout(pb(&book).args([
        "onboarding",
        "set",
        "ana@lima.pt",
        "--terms",
        "2026-12",
        "--tax-form",
        "w8ben",
        "--expires",
        "2028-01-31",
        "--welcome-sent",
    ]));
    assert!(
        steps.contains("✓ terms") && steps.contains("✗ payout details"),
        "{steps}"
    );
    let listed = json(pb(&book).args(["terms", "list", "--json"]));
    assert_eq!(listed[0]["accepted_by"], 1);
}
