//! Statement branding and announcements from the command line: a logo from
//! a file, a partner's postal address, an announcement to a tag queued in
//! the outbox, and the SMTP password kept in the system keychain.

use crate::support::{init, json, pb, stdout};

#[test]
fn a_logo_from_a_file_and_a_partner_address_for_statements() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let logo = dir.path().join("logo.png");
    image::RgbaImage::from_pixel(1800, 600, image::Rgba([20, 40, 160, 255]))
        .save(&logo)
        .unwrap();
    let said = stdout(pb(&book).args(["settings", "logo"]).arg(&logo));
    assert!(said.contains("900×300 pixels"), "{said}");
    let fake = dir.path().join("logo.jpg");
    std::fs::write(&fake, "not an image").unwrap();
    let out = pb(&book)
        .args(["settings", "logo"])
        .arg(&fake)
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("logo.jpg") && err.contains("not a PNG or JPEG"),
        "{err}"
    );
    assert!(stdout(pb(&book).args(["settings", "logo", "--clear"])).contains("removed"));

    let added = json(pb(&book).args([
        "partners",
        "add",
        "--name",
        "Zoë Adams",
        "--email",
        "zoe@example.com",
        "--address",
        "Rue de l'Église 4\\n75004 Paris",
        "--json",
    ]));
    assert_eq!(added["address"], "Rue de l'Église 4\n75004 Paris");
}

#[test]
fn an_announcement_to_a_tag_waits_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    for (name, email, tag) in [
        ("Zoë Adams", "zoe@example.com", "podcast"),
        ("Ola Nordmann", "ola@example.com", "blog"),
    ] {
        pb(&book)
            .args([
                "partners", "add", "--name", name, "--email", email, "--tag", tag,
            ])
            .assert()
            .success();
    }
    let text = dir.path().join("news.txt");
    std::fs::write(
        &text,
        "Hello {{partner.first_name}},\n\nnew banners are ready.\n",
    )
    .unwrap();
    let said = stdout(
        pb(&book)
            .args([
                "mail",
                "announce",
                "--subject",
                "New banners",
                "--tag",
                "podcast",
                "--text",
            ])
            .arg(&text),
    );
    assert!(said.contains("tag podcast (1 partners)"), "{said}");
    let list = json(pb(&book).args(["mail", "announcements", "--json"]));
    assert_eq!(list[0]["recipients"], 1);
    let outbox = json(pb(&book).args(["mail", "outbox", "--json"]));
    assert_eq!(outbox.as_array().unwrap().len(), 1);
    assert_eq!(outbox[0]["to_email"], "zoe@example.com");
    assert_eq!(outbox[0]["status"], "queued");
    // A placeholder the announcement cannot fill is refused before anything is queued.
    std::fs::write(&text, "Your total: {{total}}").unwrap();
    let out = pb(&book)
        .args(["mail", "announce", "--subject", "x", "--all", "--text"])
        .arg(&text)
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("{{total}}"), "{err}");
}

/// `.ci/test` runs the tests beside a real keychain (PARTNERBOOK_KEYCHAIN=1);
/// without one, saving fails and says why.
#[test]
fn the_smtp_password_goes_to_the_system_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    pb(&book)
        .args([
            "mail",
            "settings",
            "--host",
            "smtp.cli-test.invalid",
            "--user",
            "cli-test",
        ])
        .args(["--from-email", "partners@acme.example"])
        .assert()
        .success();
    let set = pb(&book)
        .args(["mail", "password", "set"])
        .write_stdin("hunter2\n")
        .assert();
    let out = set.get_output();
    if std::env::var("PARTNERBOOK_KEYCHAIN").is_ok() {
        assert!(out.status.success(), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("saved in the system keychain"));
        let forgot = stdout(pb(&book).args(["mail", "password", "forget"]));
        assert!(forgot.contains("removed"), "{forgot}");
        let again = stdout(pb(&book).args(["mail", "password", "forget"]));
        assert!(again.contains("No password was saved"), "{again}");
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("PARTNERBOOK_SMTP_PASSWORD"));
    }
}
