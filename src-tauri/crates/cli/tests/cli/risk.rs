//! `partnerbook risk` on a demo book, which plants a self-referral (held), a
//! coupon site and a refund spike among clean partners.

use crate::support::{json, pb, stderr, stdout};

#[test]
fn the_demo_books_flags_are_listed_cleared_and_declined_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("demo.partnerbook");
    pb(&book)
        .arg("demo")
        .arg(&book)
        .args(["--partners", "200", "--seed", "5"])
        .assert()
        .success();

    let page = json(pb(&book).args(["risk", "list", "--json"]));
    let mut checks: Vec<&str> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    checks.sort();
    assert_eq!(checks, ["coupon_leakage", "refund_spike", "self_referral"]);
    let rows = page["rows"].as_array().unwrap();
    let held = rows.iter().find(|f| f["check"] == "self_referral").unwrap();
    assert_eq!(held["hold"], true);
    assert_eq!(held["sale"], "ch_risk_self_01");
    let spike = rows.iter().find(|f| f["check"] == "refund_spike").unwrap();

    // A scan finds the same flags again and raises nothing new.
    assert!(stdout(pb(&book).args(["risk", "scan"])).contains("Risk checks: nothing new"));

    let err = stderr(
        pb(&book).args([
            "risk",
            "decline",
            &spike["id"].to_string(),
            "--reason",
            "refunds",
        ]),
        1,
    );
    assert!(err.contains("is about the partner, not a sale"), "{err}");
    let out = stdout(pb(&book).args([
        "risk",
        "decline",
        &held["id"].to_string(),
        "--reason",
        "her own purchase",
    ]));
    assert!(
        out.starts_with("Declined 1 flags: 1 commission lines worth"),
        "{out}"
    );
    let out = stdout(pb(&book).args([
        "risk",
        "clear",
        &spike["id"].to_string(),
        "--reason",
        "a bad batch, replaced",
    ]));
    assert!(out.starts_with("Cleared 1 flags"), "{out}");
    let open = json(pb(&book).args(["risk", "list", "--json"]));
    assert_eq!(open["total"], 1);
    let declined = json(pb(&book).args(["risk", "list", "--status", "declined", "--json"]));
    assert_eq!(declined["rows"][0]["reason"], "her own purchase");

    let settings = stdout(pb(&book).args(["risk", "settings", "velocity=hold"]));
    assert!(settings.contains("(default flag)"), "{settings}");
    let err = stderr(pb(&book).args(["risk", "settings", "speed=hold"]), 1);
    assert!(err.contains("\"speed\" is not a check"), "{err}");
}
