//! The asset library from the command line: files in (typed by content,
//! stored once), filters, versions, archive, and the file back out.

use crate::support::{init, json, pb, stdout};

fn png(path: &std::path::Path, w: u32, h: u32) {
    image::RgbaImage::from_pixel(w, h, image::Rgba([200, 30, 30, 255]))
        .save(path)
        .unwrap();
}

#[test]
fn add_filter_version_archive_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let banner = dir.path().join("summer_300x250.png");
    png(&banner, 300, 250);
    let same = dir.path().join("copy.png");
    std::fs::copy(&banner, &same).unwrap();
    let lying = dir.path().join("notes.png");
    std::fs::write(&lying, "Save with {{coupon}}").unwrap();
    pb(&book)
        .args(["groups", "add", "Bloggers"])
        .assert()
        .success();
    let said = stdout(
        pb(&book)
            .args(["assets", "add", "--tag", "summer", "--group", "Bloggers"])
            .arg(&banner)
            .arg(&same)
            .arg(&lying),
    );
    assert!(
        said.contains("3 assets added") && said.contains("1 with contents the library already had"),
        "{said}"
    );
    let banners = json(pb(&book).args(["assets", "list", "--size", "300x250", "--json"]));
    assert_eq!(banners.as_array().unwrap().len(), 2);
    assert_eq!(banners[0]["kind"], "banner");
    let text = json(pb(&book).args(["assets", "list", "--kind", "text_snippet", "--json"]));
    assert_eq!(
        text[0]["current"]["mime"], "text/plain",
        "typed by content, not by .png"
    );
    let id = banners[0]["id"].to_string();
    let v2 = dir.path().join("summer_v2.png");
    image::RgbaImage::from_pixel(300, 250, image::Rgba([0, 0, 0, 255]))
        .save(&v2)
        .unwrap();
    assert!(stdout(pb(&book).args(["assets", "version", &id]).arg(&v2)).contains("version 2"));
    let shown = json(pb(&book).args(["assets", "show", &id, "--json"]));
    assert_eq!(shown["versions"].as_array().unwrap().len(), 2);
    let out = dir.path().join("back.png");
    pb(&book)
        .args(["assets", "export", &id, "--version", "1", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&banner).unwrap()
    );
    stdout(pb(&book).args(["assets", "archive", &id]));
    assert_eq!(
        json(pb(&book).args(["assets", "list", "--archived", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let out = pb(&book)
        .args(["assets", "list", "--kind", "poster"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("kind"));
}

#[test]
fn a_kit_for_a_partner_and_links_on_the_program_site() {
    let dir = tempfile::tempdir().unwrap();
    let book = init(dir.path());
    let out = pb(&book)
        .args(["assets", "base-url", "nota url"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("base_url"));
    stdout(pb(&book).args(["assets", "base-url", "https://acme.example"]));
    pb(&book)
        .args([
            "partners",
            "add",
            "--name",
            "Zoë Adams",
            "--email",
            "zoe@example.com",
            "--referral-code",
            "ZOE",
        ])
        .assert()
        .success();
    let post = dir.path().join("post.txt");
    std::fs::write(&post, "{{partner.first_name}} says: {{referral_link}}").unwrap();
    let banner = dir.path().join("b.png");
    png(&banner, 300, 250);
    stdout(pb(&book).args(["assets", "add"]).arg(&post).arg(&banner));
    let rendered = stdout(pb(&book).args(["assets", "render", "1", "--partner", "ZOE"]));
    assert!(
        rendered.starts_with("Zoë says: https://acme.example/?ref=ZOE&utm_source=partner"),
        "{rendered}"
    );
    let zip = dir.path().join("zoe.zip");
    let said = stdout(
        pb(&book)
            .args(["kit", "export", "--partner", "ZOE", "--out"])
            .arg(&zip),
    );
    assert!(said.contains("for 1 partners: 3 files"), "{said}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("README.txt").unwrap(), &mut readme)
        .unwrap();
    assert!(readme.contains("Your referral code: ZOE"), "{readme}");
    let shown = json(pb(&book).args(["assets", "show", "2", "--json"]));
    assert_eq!(shown["sends"][0]["partner_name"], "Zoë Adams");
}
