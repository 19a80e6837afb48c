//! The library on real books: content addressing and deduplication, types
//! from content not names, banner sizes, versions, archive, links refused,
//! and what goes in is what comes out.

use image::{ImageFormat, Rgba, RgbaImage};
use partnerbook_assets::*;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_testkit::{program, P};
use std::path::Path;
use std::path::PathBuf;

fn png(p: &P, name: &str, w: u32, h: u32, shade: u8) -> PathBuf {
    let path = p.dir.path().join(name);
    let img = RgbaImage::from_pixel(w, h, Rgba([shade, 90, 160, 255]));
    let mut bytes = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn add(p: &mut P, paths: &[PathBuf]) -> AddReport {
    add_files(
        &mut p.book,
        paths,
        &AddOptions::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap()
}

fn blobs(p: &P) -> i64 {
    p.book
        .conn()
        .query_row("SELECT count(*) FROM asset_blobs", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn identical_files_are_stored_once_and_come_back_byte_for_byte() {
    let mut p = program();
    let a = png(&p, "spring-banner.png", 300, 250, 10);
    let copy = p.dir.path().join("copy of banner.png");
    std::fs::copy(&a, &copy).unwrap();
    let r = add(&mut p, &[a.clone(), copy]);
    assert_eq!((r.added.len(), r.deduplicated), (2, 1));
    assert_eq!(blobs(&p), 1);
    let asset = get(&p.book, r.added[0]).unwrap();
    assert_eq!(asset.title, "spring banner");
    assert_eq!(asset.kind, AssetKind::Banner, "300×250 is a banner size");
    assert_eq!(
        (asset.current.width, asset.current.height),
        (Some(300), Some(250))
    );
    assert_eq!(asset.current.mime, "image/png");
    let out = p.dir.path().join("out.png");
    export_file(&p.book, asset.id, None, &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&a).unwrap());
    use sha2::Digest;
    assert_eq!(
        asset.current.sha256,
        format!("{:x}", sha2::Sha256::digest(std::fs::read(&a).unwrap()))
    );
}

#[test]
fn a_file_is_typed_by_its_content_not_its_extension() {
    let mut p = program();
    let lying_png = png(&p, "photo.jpg", 640, 480, 20);
    let text = p.dir.path().join("logo.png");
    std::fs::write(&text, "Use {{referral_link}} to save 10%.").unwrap();
    let html = p.dir.path().join("welcome.txt");
    std::fs::write(&html, "<!doctype html><html><body>Hi</body></html>").unwrap();
    let r = add(&mut p, &[lying_png, text, html]);
    let kinds: Vec<(String, AssetKind)> = r
        .added
        .iter()
        .map(|id| {
            let a = get(&p.book, *id).unwrap();
            (a.current.mime, a.kind)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("image/png".to_string(), AssetKind::Image),
            ("text/plain".to_string(), AssetKind::TextSnippet),
            ("text/html".to_string(), AssetKind::EmailTemplate),
        ]
    );
}

#[test]
fn links_and_folders_are_refused_and_nothing_is_stored() {
    let mut p = program();
    let good = png(&p, "good.png", 10, 10, 1);
    let link = p.dir.path().join("link.png");
    std::os::unix::fs::symlink(&good, &link).unwrap();
    let err = add_files(
        &mut p.book,
        &[good.clone(), link],
        &AddOptions::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap_err();
    assert!(err.to_string().contains("is a link"), "{err}");
    assert_eq!(blobs(&p), 0, "the good file before it was not kept either");
    let err = add_files(
        &mut p.book,
        &[p.dir.path().to_path_buf()],
        &AddOptions::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap_err();
    assert!(err.to_string().contains("is not a file"), "{err}");
}

#[test]
fn filters_by_kind_tag_group_size_and_text() {
    let mut p = program();
    let group = partnerbook_book::groups::add(&mut p.book, "Bloggers", "", Actor::User).unwrap();
    let banner = png(&p, "summer 300x250.png", 300, 250, 30);
    let wide = png(&p, "leaderboard.png", 728, 90, 40);
    let options = AddOptions {
        tags: vec!["summer".into()],
        group_ids: vec![group],
        ..Default::default()
    };
    add_files(&mut p.book, &[banner], &options, Actor::User, &Quiet).unwrap();
    add(&mut p, &[wide]);
    let q = |q: AssetQuery| {
        list(&p.book, &q)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        q(AssetQuery {
            size: Some("300x250".into()),
            ..Default::default()
        }),
        ["summer 300x250"]
    );
    assert_eq!(
        q(AssetQuery {
            size: Some("728×90".into()),
            ..Default::default()
        }),
        ["leaderboard"]
    );
    assert_eq!(
        q(AssetQuery {
            tag: Some("SUMMER".into()),
            ..Default::default()
        }),
        ["summer 300x250"]
    );
    assert_eq!(
        q(AssetQuery {
            group_id: Some(group),
            ..Default::default()
        }),
        ["summer 300x250"]
    );
    assert_eq!(
        q(AssetQuery {
            kind: Some(AssetKind::Banner),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        q(AssetQuery {
            text: Some("LEADER".into()),
            ..Default::default()
        }),
        ["leaderboard"]
    );
    assert!(list(
        &p.book,
        &AssetQuery {
            size: Some("big".into()),
            ..Default::default()
        }
    )
    .is_err());
}

#[test]
fn a_new_version_keeps_the_old_ones_and_archive_hides() {
    let mut p = program();
    let v1 = png(&p, "banner.png", 300, 250, 50);
    let id = add(&mut p, &[v1]).added[0];
    let v2 = png(&p, "banner-v2.png", 300, 250, 60);
    let d = add_version(&mut p.book, id, &v2, Actor::User).unwrap();
    assert_eq!(d.asset.versions, 2);
    assert_eq!(d.asset.current.version, 2);
    assert_eq!(
        d.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_ne!(d.versions[0].sha256, d.versions[1].sha256);
    let old = p.dir.path().join("old.png");
    export_file(&p.book, id, Some(1), &old).unwrap();
    assert_eq!(image::open(&old).unwrap().to_rgba8().get_pixel(0, 0)[0], 50);
    set_archived(&mut p.book, id, true, Actor::User).unwrap();
    assert!(list(&p.book, &AssetQuery::default()).unwrap().is_empty());
    assert_eq!(
        list(
            &p.book,
            &AssetQuery {
                archived: true,
                ..Default::default()
            }
        )
        .unwrap()
        .len(),
        1
    );
}

#[test]
fn images_get_small_thumbnails_and_text_none() {
    let mut p = program();
    let big = png(&p, "hero.png", 1600, 900, 70);
    let text = p.dir.path().join("copy.txt");
    std::fs::write(&text, "Plain words").unwrap();
    let r = add(&mut p, &[big, text]);
    let thumb = thumbnail(&p.book, r.added[0]).unwrap().unwrap();
    let img = image::load_from_memory(&thumb).unwrap();
    assert_eq!((img.width(), img.height()), (320, 180));
    assert_eq!(thumbnail(&p.book, r.added[1]).unwrap(), None);
}

#[test]
fn a_pdf_gets_its_first_page_as_a_thumbnail() {
    let mut p = program();
    let fonts = partnerbook_documents::pdf::Fonts::load().unwrap();
    let report = partnerbook_documents::reports::program::program(&p.book, "2026-11").unwrap();
    let pdf = p.dir.path().join("guide.pdf");
    std::fs::write(
        &pdf,
        partnerbook_documents::reports::program::render(&report, &fonts),
    )
    .unwrap();
    let id = add(&mut p, &[pdf]).added[0];
    let a = get(&p.book, id).unwrap();
    assert_eq!(
        (a.kind, a.current.mime.as_str()),
        (AssetKind::Document, "application/pdf")
    );
    let thumb = thumbnail(&p.book, id)
        .unwrap()
        .expect("pdftoppm (poppler-utils) draws the first page");
    let img = image::load_from_memory(&thumb).unwrap();
    assert!(
        img.height() == 320 && img.width() < 320,
        "an A4 page: {}×{}",
        img.width(),
        img.height()
    );
}

fn text(p: &P, name: &str, body: &str) -> PathBuf {
    let path = p.dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn a_template_with_an_unknown_placeholder_is_refused_when_added() {
    let mut p = program();
    let bad = text(&p, "promo.txt", "Use {{referal_link}} today");
    let err = add_files(
        &mut p.book,
        &[bad],
        &AddOptions::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("promo.txt: {{referal_link}} is not a placeholder"),
        "{err}"
    );
    assert_eq!(blobs(&p), 0);
}

#[test]
fn templates_render_for_a_partner_with_their_link_and_codes() {
    let mut p = program();
    links::set_base_url(&mut p.book, "https://acme.example", Actor::User).unwrap();
    let zoe = p.partner("Zoë Adams", partnerbook_partners::PayoutMethod::Paypal);
    p.book.conn().execute("INSERT INTO partner_codes (partner_id, kind, code) VALUES (?1, 'referral', 'ZOE'), (?1, 'coupon', 'ZOE10')", [zoe]).unwrap();
    let t = text(
        &p,
        "tweet.txt",
        "Hi, I'm {{partner.first_name}}: {{referral_link}} (code {{coupon}})",
    );
    let id = add(&mut p, &[t]).added[0];
    assert_eq!(
        render_for(&p.book, id, zoe).unwrap(),
        "Hi, I'm Zoë: https://acme.example/?ref=ZOE&utm_source=partner&utm_medium=affiliate&utm_campaign=zoe-adams (code ZOE10)"
    );
}

fn zip_names(path: &Path) -> Vec<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut names: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .collect();
    names.sort();
    names
}

fn zip_text(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name(name).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn a_partner_kit_holds_their_group_s_banners_their_texts_and_links() {
    let mut p = program();
    links::set_base_url(&mut p.book, "https://acme.example", Actor::User).unwrap();
    let bloggers = partnerbook_book::groups::add(&mut p.book, "Bloggers", "", Actor::User).unwrap();
    let streamers =
        partnerbook_book::groups::add(&mut p.book, "Streamers", "", Actor::User).unwrap();
    let zoe = p.partner("Zoë Adams", partnerbook_partners::PayoutMethod::Paypal);
    let conn = p.book.conn();
    conn.execute(
        "UPDATE partners SET group_id = ?2 WHERE id = ?1",
        [zoe, bloggers],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO partner_codes (partner_id, kind, code) VALUES (?1, 'referral', 'ZOE')",
        [zoe],
    )
    .unwrap();
    let for_all = png(&p, "logo.png", 200, 200, 1);
    let for_bloggers = png(&p, "blog 300x250.png", 300, 250, 2);
    let for_streamers = png(&p, "stream 728x90.png", 728, 90, 3);
    let archived = png(&p, "old.png", 300, 250, 4);
    let copy = text(
        &p,
        "email.html",
        "<p>Hi {{partner.first_name}} — <a href=\"{{referral_link}}\">go</a></p>",
    );
    add(&mut p, &[for_all, copy]);
    let opts = |g| AddOptions {
        group_ids: vec![g],
        landing_url: "https://acme.example/pricing".into(),
        ..Default::default()
    };
    add_files(
        &mut p.book,
        &[for_bloggers],
        &opts(bloggers),
        Actor::User,
        &Quiet,
    )
    .unwrap();
    add_files(
        &mut p.book,
        &[for_streamers],
        &opts(streamers),
        Actor::User,
        &Quiet,
    )
    .unwrap();
    let old = add(&mut p, &[archived]).added[0];
    set_archived(&mut p.book, old, true, Actor::User).unwrap();

    let out = p.dir.path().join("zoe-kit.zip");
    let r = kit::export(
        &mut p.book,
        &kit::KitTarget::Partner { id: zoe },
        &out,
        &Quiet,
    )
    .unwrap();
    assert_eq!(r.partners, 1);
    assert_eq!(
        zip_names(&out),
        [
            "README.txt",
            "banners/blog 300x250.png",
            "banners/logo.png",
            "copy/email.html"
        ]
    );
    let readme = zip_text(&out, "README.txt");
    assert!(readme.contains("Your referral code: ZOE"), "{readme}");
    assert!(
        readme.contains("blog 300x250: https://acme.example/pricing?ref=ZOE&utm_source=partner"),
        "{readme}"
    );
    assert_eq!(
        zip_text(&out, "copy/email.html"),
        "<p>Hi Zoë — <a href=\"https://acme.example/?ref=ZOE&amp;utm_source=partner&amp;utm_medium=affiliate&amp;utm_campaign=zoe-adams\">go</a></p>"
    );
    // What went into the zip is byte for byte what was added.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut banner = Vec::new();
    std::io::Read::read_to_end(&mut z.by_name("banners/logo.png").unwrap(), &mut banner).unwrap();
    assert_eq!(
        banner,
        std::fs::read(p.dir.path().join("logo.png")).unwrap()
    );
    // Each asset records that Zoë was given it.
    let sends: i64 = p
        .book
        .conn()
        .query_row(
            "SELECT count(*) FROM asset_sends WHERE partner_id = ?1",
            [zoe],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sends, 3);
}

#[test]
fn a_group_kit_shares_the_files_once_and_has_a_folder_per_partner() {
    let mut p = program();
    let g = partnerbook_book::groups::add(&mut p.book, "Bloggers", "", Actor::User).unwrap();
    let a = p.partner("Ana Lima", partnerbook_partners::PayoutMethod::Paypal);
    let b = p.partner("Bo Berg", partnerbook_partners::PayoutMethod::Paypal);
    for who in [a, b] {
        p.book
            .conn()
            .execute("UPDATE partners SET group_id = ?2 WHERE id = ?1", [who, g])
            .unwrap();
    }
    let banner = png(&p, "b.png", 300, 250, 9);
    let t = text(&p, "post.txt", "{{partner.name}} recommends us");
    add(&mut p, &[banner, t]);
    let out = p.dir.path().join("group.zip");
    let r = kit::export(&mut p.book, &kit::KitTarget::Group { id: g }, &out, &Quiet).unwrap();
    assert_eq!(r.partners, 2);
    let names = zip_names(&out);
    assert_eq!(
        names.iter().filter(|n| n.ends_with("b.png")).count(),
        1,
        "{names:?}"
    );
    assert!(
        names.contains(&format!("partners/Bo Berg #{b}/copy/post.txt")),
        "{names:?}"
    );
    assert_eq!(
        zip_text(&out, &format!("partners/Ana Lima #{a}/copy/post.txt")),
        "Ana Lima recommends us"
    );
    assert!(
        names
            .iter()
            .all(|n| !n.contains("..") && !n.starts_with('/')),
        "{names:?}"
    );
}

#[test]
fn a_template_edited_in_the_app_becomes_a_new_version_and_previews_live() {
    let mut p = program();
    links::set_base_url(&mut p.book, "https://acme.example", Actor::User).unwrap();
    let zoe = p.partner("Zoë Adams", partnerbook_partners::PayoutMethod::Paypal);
    let t = text(&p, "blurb.txt", "Hello {{partner.first_name}}");
    let id = add(&mut p, &[t]).added[0];
    assert_eq!(
        text_of(&p.book, id).unwrap(),
        "Hello {{partner.first_name}}"
    );
    assert_eq!(
        preview_text(&p.book, "Hi {{partner.name}}!", false, zoe, "").unwrap(),
        "Hi Zoë Adams!"
    );
    assert!(preview_text(&p.book, "Hi {{partner.nam}}", false, zoe, "").is_err());
    let err = save_text(&mut p.book, id, "Bye {{nope}}", Actor::User).unwrap_err();
    assert!(err.to_string().contains("{{nope}}"), "{err}");
    let d = save_text(
        &mut p.book,
        id,
        "Hi {{partner.first_name}}, v2",
        Actor::User,
    )
    .unwrap();
    assert_eq!(
        (d.asset.current.version, d.asset.current.file_name.as_str()),
        (2, "blurb.txt")
    );
    assert_eq!(render_for(&p.book, id, zoe).unwrap(), "Hi Zoë, v2");
}

#[test]
fn a_stored_file_changed_outside_partnerbook_is_named_by_the_check() {
    let mut p = program();
    let a = png(&p, "banner.png", 300, 250, 10);
    let b = png(&p, "photo.png", 64, 64, 200);
    add(&mut p, &[a, b]);
    assert!(store::damaged(p.book.conn()).unwrap().is_empty());
    // One stored file's bytes zeroed, as a failing disk would leave it.
    let name: String = p
        .book
        .conn()
        .query_row(
            "UPDATE asset_blobs SET data = zeroblob(length(data))
              WHERE rowid = (SELECT min(rowid) FROM asset_blobs) RETURNING sha256",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(store::damaged(p.book.conn()).unwrap(), [name]);
}
