//! Statements read back with poppler's pdftotext: names in any script,
//! amounts and totals exactly; long statements flow over pages with the
//! header on each; writing again gives the same bytes.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_documents::statements::*;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::{add_adjustment, approve, create};
use partnerbook_testkit::{program, P};
use rusqlite::params;
use std::path::Path;
use std::process::Command;

/// A sale and its 30% commission line, approved and due in November.
fn sale(p: &mut P, partner: i64, n: u32, cents: i64, product: &str) {
    let conn = p.book.conn();
    conn.execute(
        "INSERT INTO conversions (source, external_id, kind, occurred_at, amount_minor, currency, product,
            partner_id, attribution, computed_at, created_at)
         VALUES ('shop', ?1, 'sale', ?2, ?3, 'EUR', ?4, ?5, 'referral_code', 'now', 'now')",
        params![format!("ord_{n:04}"), format!("2026-10-{:02}T10:00:00Z", 1 + n % 28), cents, product, partner],
    )
    .unwrap();
    let conversion = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO commissions (partner_id, conversion_id, line, kind, rule_id, base_minor, base_currency, rate,
            rounding, amount_minor, currency, state, due_on, created_at, updated_at)
         VALUES (?1, ?2, 'direct', 'commission', 'base', ?3, 'EUR', '0.3', 'half_up', ?4, 'EUR', 'approved',
            '2026-11-15', 'now', 'now')",
        params![partner, conversion, cents, cents * 3 / 10],
    )
    .unwrap();
}

fn pdftotext(pdf: &[u8], dir: &Path, first: Option<usize>) -> String {
    let path = dir.join("read.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout");
    if let Some(page) = first {
        cmd.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = cmd
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs; .ci/setup installs it");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn approved(p: &mut P) -> i64 {
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id
}

fn payout_of(p: &P, run: i64, partner: i64) -> i64 {
    p.book
        .conn()
        .query_row(
            "SELECT id FROM payouts WHERE run_id = ?1 AND partner_id = ?2",
            [run, partner],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_statement_says_who_what_and_how_much_in_real_text() {
    let mut p = program();
    let zoe = p.partner("Zoë Łukasz-Søren", PayoutMethod::Paypal);
    let yamada = p.partner("山田 太郎", PayoutMethod::Iban);
    sale(&mut p, zoe, 1, 4900, "Pro plan");
    sale(&mut p, zoe, 2, 123450, "Équipe annual");
    sale(&mut p, yamada, 3, 30000, "東京 bundle");
    let draft = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    add_adjustment(
        &mut p.book,
        draft.id,
        zoe,
        "-5.00",
        None,
        "refund handled by support",
        Actor::User,
    )
    .unwrap();
    approve(&mut p.book, draft.id, Actor::User, &Quiet).unwrap();
    let s = statement(&p.book, payout_of(&p, draft.id, zoe)).unwrap();
    assert_eq!(s.lines.len(), 2);
    assert_eq!(s.lines[0].rate, "30%");
    let fonts = Fonts::load().unwrap();
    let text = pdftotext(&render(&s, &fonts, None), p.dir.path(), None);
    for expected in [
        "Acme GmbH",
        "Commission statement",
        &s.number,
        "Zoë Łukasz-Søren",
        "zoe.lukasz.soren@example.com",
        "Pro plan",
        "Équipe annual",
        "1,234.50 EUR",
        "370.35",
        "14.70",
        "Clawback: refund handled by support",
        "-5.00",
        "380.05 EUR",
        "Total paid",
        "up to 2026-10-03 (30-day hold)",
        "PayPal zo…@example.com",
        "Page 1 of 1",
        &s.fingerprint,
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    if let Ok(dir) = std::env::var("PARTNERBOOK_SHOTS") {
        std::fs::write(
            Path::new(&dir).join("statement.pdf"),
            render(&s, &fonts, None),
        )
        .unwrap();
    }
    // Its email says the same: which sales the run pays, and why not later ones.
    let head =
        partnerbook_payouts::statement_head(p.book.conn(), payout_of(&p, draft.id, zoe)).unwrap();
    let values = partnerbook_outbox::placeholders::statement_values(p.book.conn(), &head).unwrap();
    assert_eq!(
        values["sales"],
        "It pays your commissions on sales up to 2026-10-03, after the 30-day hold; later sales come in a later statement."
    );
    let s = statement(&p.book, payout_of(&p, draft.id, yamada)).unwrap();
    let text = pdftotext(&render(&s, &fonts, None), p.dir.path(), None);
    assert!(text.contains("山田 太郎"), "{text}");
    assert!(text.contains("東京 bundle"), "{text}");
    let iban: String = p
        .book
        .conn()
        .query_row("SELECT iban FROM partners WHERE id = ?1", [yamada], |r| {
            r.get(0)
        })
        .unwrap();
    let ending = format!("by bank transfer (IBAN) …{}", &iban[iban.len() - 4..]);
    assert!(text.contains(&ending), "{ending} in {text}");
}

#[test]
fn three_hundred_lines_flow_over_pages_with_the_header_on_each() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    for n in 0..300 {
        sale(&mut p, zoe, n, 1000 + i64::from(n), "Starter");
    }
    let run = approved(&mut p);
    let s = statement(&p.book, payout_of(&p, run, zoe)).unwrap();
    let fonts = Fonts::load().unwrap();
    let pdf = render(&s, &fonts, None);
    let all = pdftotext(&pdf, p.dir.path(), None);
    let pages = all.matches("Page ").count();
    assert!(pages >= 5, "{pages} pages");
    for page in 1..=pages {
        let text = pdftotext(&pdf, p.dir.path(), Some(page));
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "page {page}:\n{text}"
        );
        assert!(
            text.contains("Commission EUR"),
            "the table header repeats on page {page}"
        );
        assert!(
            text.contains(&s.fingerprint),
            "the fingerprint on page {page}"
        );
    }
    // Every line is there once: the sum of the commission column is the total.
    let total: i64 = (0..300).map(|n| (1000 + n) * 3 / 10).sum();
    assert_eq!(s.commissions.minor, total);
    assert!(
        all.contains(&s.commissions.to_string()),
        "{}",
        s.commissions
    );
}

#[test]
fn writing_a_run_again_gives_the_same_files() {
    let mut p = program();
    let a = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let b = p.partner("Søren Berg", PayoutMethod::Iban);
    let c = p.partner("Nia Nope", PayoutMethod::None);
    for (i, who) in [a, b, c, a, b].into_iter().enumerate() {
        sale(&mut p, who, i as u32, 20000, "Pro plan");
    }
    let run = approved(&mut p);
    let first = p.dir.path().join("one");
    let report = write_run(&p.book, run, &first, &Quiet).unwrap();
    assert_eq!(report.files, 2, "held partners get no statement");
    let second = p.dir.path().join("two");
    write_run(&p.book, run, &second, &Quiet).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&first)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2);
    assert!(
        names[0].to_string_lossy().ends_with("Zoë Adams.pdf"),
        "{names:?}"
    );
    for name in names {
        assert_eq!(
            std::fs::read(first.join(&name)).unwrap(),
            std::fs::read(second.join(&name)).unwrap(),
            "{name:?}"
        );
    }
}

#[test]
fn drafts_have_no_statements() {
    let mut p = program();
    let a = p.partner("Zoë Adams", PayoutMethod::Paypal);
    sale(&mut p, a, 1, 20000, "Pro plan");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let err = write_run(&p.book, run.id, p.dir.path(), &Quiet).unwrap_err();
    assert!(err.to_string().contains("after approval"), "{err}");
}

/// A logo (the business's, from the settings) as a PNG file.
fn logo_file(dir: &Path) -> std::path::PathBuf {
    let img = image::RgbaImage::from_fn(600, 200, |x, y| {
        image::Rgba([
            40,
            (x % 200) as u8,
            (y % 200) as u8,
            if x < 20 { 0 } else { 255 },
        ])
    });
    let path = dir.join("logo.png");
    img.save(&path).unwrap();
    path
}

#[test]
fn the_letterhead_has_the_logo_and_the_partner_their_postal_address() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET address = ?1 WHERE id = ?2",
            params!["Rue de l'Église 4\n75004 Paris", zoe],
        )
        .unwrap();
    let logo = logo_file(p.dir.path());
    partnerbook_documents::logo::set_from_file(&mut p.book, &logo, Actor::User).unwrap();
    sale(&mut p, zoe, 1, 20000, "Pro plan");
    let run = approved(&mut p);
    let out = p.dir.path().join("out");
    write_run(&p.book, run, &out, &Quiet).unwrap();
    let file = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = pdftotext(&std::fs::read(&file).unwrap(), p.dir.path(), None);
    for expected in ["Rue de l'Église 4", "75004 Paris", "Zoë Adams", "Acme GmbH"] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&file)
        .output()
        .unwrap();
    let listing = String::from_utf8(images.stdout).unwrap();
    // Header, rule, then one image of 600 × 200 pixels (and its alpha mask).
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(
        rows.iter()
            .any(|r| r.split_whitespace().nth(3) == Some("600") && r.contains("image")),
        "{listing}"
    );
    if let Ok(dir) = std::env::var("PARTNERBOOK_SHOTS") {
        std::fs::copy(&file, Path::new(&dir).join("statement-logo.pdf")).unwrap();
    }
    // With the logo, writing again still gives the same bytes.
    let again = p.dir.path().join("again");
    write_run(&p.book, run, &again, &Quiet).unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(again.join(file.file_name().unwrap())).unwrap()
    );
}

/// The payee block is frozen at approval: a statement written again after
/// the partner moved and changed company and email says what it said, and
/// the run still verifies.
#[test]
fn a_statement_prints_the_payee_as_they_were_at_approval() {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let mut input =
        partnerbook_partners::PartnerInput::from(&partnerbook_partners::get(&p.book, zoe).unwrap());
    input.company = "Adams Media".into();
    input.address = "12 Rue des Lilas\n75011 Paris".into();
    input.country = "FR".into();
    partnerbook_partners::update(&mut p.book, zoe, &input, "", Actor::User).unwrap();
    sale(&mut p, zoe, 1, 50_000, "Pro plan");
    let run = approved(&mut p);

    input.company = "Zoë Adams Studio".into();
    input.address = "Calle Mayor 5\n28013 Madrid".into();
    input.country = "ES".into();
    input.email = "zoe@studio.es".into();
    partnerbook_partners::update(&mut p.book, zoe, &input, "", Actor::User).unwrap();

    let s = statement(&p.book, payout_of(&p, run, zoe)).unwrap();
    let text = pdftotext(
        &render(&s, &Fonts::load().unwrap(), None),
        p.dir.path(),
        None,
    );
    for then in [
        "Adams Media",
        "12 Rue des Lilas",
        "75011 Paris",
        "FR",
        "zoe.adams@example.com",
    ] {
        assert!(text.contains(then), "{then} missing:\n{text}");
    }
    for now in ["Studio", "Madrid", "zoe@studio.es"] {
        assert!(!text.contains(now), "{now} printed:\n{text}");
    }
    assert!(partnerbook_payouts::verify(&p.book, run).unwrap());
}

#[test]
fn with_self_billing_on_statements_are_numbered_invoices_with_the_reverse_charge_where_due() {
    let mut p = program();
    let mut s = partnerbook_book::settings::ProgramSettingsInput::from(
        &partnerbook_book::settings::get(p.book.conn()).unwrap(),
    );
    s.self_billing = true;
    assert!(
        partnerbook_book::settings::save(&mut p.book, &s, Actor::User).is_err(),
        "self-billing needs the business's country"
    );
    s.country = "de".into();
    partnerbook_book::settings::save(&mut p.book, &s, Actor::User).unwrap();
    let studio = p.partner("Giulia Rossi", PayoutMethod::Paypal);
    let person = p.partner("Jonas Weber", PayoutMethod::Paypal);
    p.book
        .conn()
        .execute(
            "UPDATE partners SET company = 'Studio Rossi SRL', country = 'IT', vat_id = 'IT01234567890' WHERE id = ?1",
            [studio],
        )
        .unwrap();
    p.book
        .conn()
        .execute("UPDATE partners SET country = 'DE' WHERE id = ?1", [person])
        .unwrap();
    sale(&mut p, studio, 1, 40000, "Pro plan");
    sale(&mut p, person, 2, 30000, "Pro plan");
    let run = approved(&mut p);
    let fonts = Fonts::load().unwrap();
    let studio_statement = statement(&p.book, payout_of(&p, run, studio)).unwrap();
    let billing = studio_statement.self_billing.clone().unwrap();
    assert_eq!(billing.invoice_number, "SB-000001");
    assert!(billing.reverse_charge, "a business in another EU state");
    let text = pdftotext(&render(&studio_statement, &fonts, None), p.dir.path(), None);
    for expected in [
        "Self-billing invoice",
        "SUPPLIER",
        "SB-000001",
        "in the name and on behalf of Studio Rossi SRL",
        "Reverse charge: VAT to be accounted for by the recipient",
        "IT01234567890",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let person_statement = statement(&p.book, payout_of(&p, run, person)).unwrap();
    assert_eq!(
        person_statement
            .self_billing
            .as_ref()
            .unwrap()
            .invoice_number,
        "SB-000002"
    );
    let text = pdftotext(&render(&person_statement, &fonts, None), p.dir.path(), None);
    assert!(text.contains("on behalf of Jonas Weber"), "{text}");
    assert!(
        !text.contains("Reverse charge"),
        "a person is not charged in reverse:\n{text}"
    );

    // The next run goes on with the sequence.
    sale(&mut p, studio, 3, 50000, "Pro plan");
    p.book
        .conn()
        .execute(
            "UPDATE commissions SET due_on = '2026-12-15' WHERE state = 'approved'",
            [],
        )
        .unwrap();
    let next = create(&mut p.book, "2026-12-31", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, next.id, Actor::User, &Quiet).unwrap();
    let again = statement(&p.book, payout_of(&p, next.id, studio)).unwrap();
    assert_eq!(again.self_billing.unwrap().invoice_number, "SB-000003");
}
