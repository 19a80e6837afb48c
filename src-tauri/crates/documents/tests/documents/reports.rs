use partnerbook_documents::pdf::Fonts;
use partnerbook_documents::reports::program::{program, render};
use partnerbook_partners::PayoutMethod;
use partnerbook_testkit::program as book_with_program;
use rusqlite::params;

#[test]
fn the_program_report_adds_up_and_reads_back_as_text() {
    let mut p = book_with_program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("山田 太郎", PayoutMethod::Paypal);
    for (i, (who, cents, kind)) in [
        (zoe, 10000, "sale"),
        (zoe, 5000, "recurring"),
        (bo, 8000, "sale"),
        (bo, 2000, "refund"),
    ]
    .into_iter()
    .enumerate()
    {
        p.book
            .conn()
            .execute(
                "INSERT INTO conversions (source, external_id, kind, occurred_at, amount_minor, currency, partner_id,
                    attribution, computed_at, created_at)
                 VALUES ('shop', ?1, ?2, '2026-10-05T10:00:00Z', ?3, 'EUR', ?4, 'referral_code', 'now', 'now')",
                params![format!("c{i}"), kind, cents, who],
            )
            .unwrap();
        let conversion = p.book.conn().last_insert_rowid();
        if kind != "refund" {
            p.book
                .conn()
                .execute(
                    "INSERT INTO commissions (partner_id, conversion_id, line, kind, rounding, amount_minor, currency,
                        state, due_on, created_at, updated_at)
                     VALUES (?1, ?2, 'direct', 'commission', 'half_up', ?3, 'EUR', 'approved', '2026-11-05', 'now', 'now')",
                    params![who, conversion, cents * 3 / 10],
                )
                .unwrap();
        }
    }
    let r = program(&p.book, "2026-10").unwrap();
    assert_eq!((r.sales, r.refunds, r.earning_partners), (3, 1, 2));
    assert_eq!(r.revenue[0].minor, 23000);
    assert_eq!(r.commissions.minor, 6900);
    assert_eq!(r.top[0].name, "Zoë Adams");
    assert_eq!((r.top[0].sales, r.top[0].commission.minor), (2, 4500));
    assert!(program(&p.book, "October").is_err());
    let pdf = render(&r, &Fonts::load().unwrap());
    let path = p.dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Program report",
        "2026-10",
        "230.00 EUR",
        "69.00 EUR",
        "Zoë Adams",
        "山田 太郎",
        "45.00",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert_eq!(
        render(&r, &Fonts::load().unwrap()),
        pdf,
        "the same report, the same bytes"
    );
}
