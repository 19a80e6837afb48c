//! Every file read back: amounts equal the run's to the minor unit, the
//! SEPA file validates against the official schema, and writing a file
//! again gives the same bytes.

use crate::support::with_payer;
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::{PartnerInput, PayoutMethod, TaxStatus};
use partnerbook_payouts::files::coverage::coverage;
use partnerbook_payouts::files::*;
use partnerbook_payouts::{approve, create};
use partnerbook_testkit::{program, P};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

/// An approved run paying PayPal, Wise (one in GBP) and IBAN partners,
/// with names SEPA has to spell in Latin letters.
fn approved_run() -> (P, i64) {
    let mut p = program();
    with_payer(&mut p);
    let names = [
        ("Zoë Adams", PayoutMethod::Paypal, 12_345),
        ("Łukasz Nowak", PayoutMethod::Iban, 50_001),
        ("Søren Kierkegaard & Co", PayoutMethod::Iban, 7_000),
        ("山田 太郎", PayoutMethod::Iban, 9_999),
        ("Chloé \"Coco\" Martin, Ltd", PayoutMethod::Wise, 20_000),
        ("Ana Lima", PayoutMethod::Paypal, 5_000),
    ];
    for (name, method, minor) in names {
        let id = p.partner(name, method);
        p.approved(id, minor, "2026-11-01");
    }
    let mut gb = PartnerInput::new("Gwen Hughes", "gwen@example.co.uk");
    gb.terms_version = "2026-01".into();
    gb.tax.status = TaxStatus::W9;
    gb.payout.method = PayoutMethod::Wise;
    gb.payout.email = "gwen@example.co.uk".into();
    gb.payout_currency = "GBP".into();
    let gwen = p.partner_with(gb);
    p.approved(gwen, 10_000, "2026-11-01");
    p.book
        .conn()
        .execute(
            "INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-30', 'EUR', 'GBP', '0.8345', 'ECB')",
            [],
        )
        .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(run.paid_count, 7);
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    (p, run.id)
}

/// What the run pays per currency, by method.
fn expected(p: &P, run: i64, method: Option<&str>) -> BTreeMap<String, i64> {
    let (lines, _) = file_lines(p.book.conn(), run).unwrap();
    let mut out = BTreeMap::new();
    for l in lines
        .iter()
        .filter(|l| method.is_none_or(|m| l.method == m))
    {
        *out.entry(l.pay.currency.code().to_string()).or_insert(0) += l.pay.minor;
    }
    out
}

fn minor(text: &str) -> i64 {
    let (int, frac) = text.split_once('.').unwrap();
    assert_eq!(frac.len(), 2, "{text}");
    int.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap()
}

/// The names of the files an export wrote, in order.
fn file_names(report: &ExportReport) -> Vec<String> {
    report
        .files
        .iter()
        .map(|f| {
            PathBuf::from(&f.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn export_to(p: &mut P, run: i64, format: PaymentFormat, name: &str) -> ExportReport {
    let out = p.dir.path().join(name);
    export(&mut p.book, run, format, &out, Actor::User).unwrap()
}

#[test]
fn paypal_file_pays_each_paypal_partner_exactly() {
    let (mut p, run) = approved_run();
    let report = export_to(&mut p, run, PaymentFormat::Paypal, "paypal.csv");
    assert_eq!(report.files.len(), 1);
    assert_eq!(report.skipped.len(), 5);
    let mut got = BTreeMap::new();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&report.files[0].path)
        .unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        assert_eq!(rec.len(), 6);
        assert!(rec[0].contains('@'));
        assert!(rec[3].starts_with(&format!("PB{run}-")) && rec[3].len() <= 30);
        assert_eq!(&rec[5], "PAYPAL");
        *got.entry(rec[2].to_string()).or_insert(0) += minor(&rec[1]);
    }
    assert_eq!(got, expected(&p, run, Some("paypal")));
    assert_eq!(report.files[0].total.minor, got["EUR"]);
}

#[test]
fn wise_files_split_by_currency_and_add_up() {
    let (mut p, run) = approved_run();
    let report = export_to(&mut p, run, PaymentFormat::Wise, "wise.csv");
    let names = file_names(&report);
    assert_eq!(names, ["wise-EUR.csv", "wise-GBP.csv"]);
    let mut got = BTreeMap::new();
    for f in &report.files {
        let mut r = csv::Reader::from_path(&f.path).unwrap();
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            wise::HEADER
        );
        for rec in r.records() {
            let rec = rec.unwrap();
            assert_eq!((&rec[3], &rec[4], &rec[6]), ("PERSON", "target", "EUR"));
            *got.entry(rec[7].to_string()).or_insert(0) += minor(&rec[5]);
        }
    }
    assert_eq!(got, expected(&p, run, Some("wise")));
    assert_eq!(got["GBP"], 8_345, "100.00 EUR at 0.8345");
}

#[test]
fn generic_csv_lists_every_payout() {
    let (mut p, run) = approved_run();
    let report = export_to(&mut p, run, PaymentFormat::Csv, "all.csv");
    assert!(report.skipped.is_empty());
    let mut r = csv::Reader::from_path(&report.files[0].path).unwrap();
    let mut got = BTreeMap::new();
    let mut balance = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        *got.entry(rec[8].to_string()).or_insert(0) += minor(&rec[7]);
        balance += minor(&rec[9]);
    }
    assert_eq!(got, expected(&p, run, None));
    assert_eq!(
        balance,
        partnerbook_payouts::get_run(&p.book, run)
            .unwrap()
            .total
            .minor
    );
}

#[test]
fn sepa_file_validates_against_the_iso_schema_and_adds_up() {
    let (mut p, run) = approved_run();
    let report = export_to(&mut p, run, PaymentFormat::Sepa, "sepa.xml");
    let path = &report.files[0].path;
    let xsd = reference("pain.001.001.03.xsd");
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg(path)
        .output()
        .expect("xmllint (libxml2-utils) runs; .ci/setup installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = std::fs::read_to_string(path).unwrap();
    let amounts: Vec<i64> = xml
        .split("<InstdAmt Ccy=\"EUR\">")
        .skip(1)
        .map(|s| minor(s.split('<').next().unwrap()))
        .collect();
    assert_eq!(amounts.len(), 3);
    assert_eq!(
        amounts.iter().sum::<i64>(),
        expected(&p, run, Some("iban"))["EUR"]
    );
    let ctrl = xml
        .split("<CtrlSum>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(minor(ctrl), amounts.iter().sum::<i64>());
    assert!(xml.contains("<Nm>Lukasz Nowak</Nm>"));
    assert!(xml.contains("<Nm>Soren Kierkegaard Co</Nm>"));
    assert!(xml.is_ascii(), "SEPA character set only");
    assert!(xml.contains("<IBAN>FR1420041010050500013M02606</IBAN>"));
}

#[test]
fn writing_again_gives_the_same_bytes() {
    let (mut p, run) = approved_run();
    for (format, name) in [
        (PaymentFormat::Paypal, "a.csv"),
        (PaymentFormat::Wise, "b.csv"),
        (PaymentFormat::Sepa, "c.xml"),
        (PaymentFormat::Csv, "d.csv"),
    ] {
        let first = export_to(&mut p, run, format, name);
        let bytes: Vec<Vec<u8>> = first
            .files
            .iter()
            .map(|f| std::fs::read(&f.path).unwrap())
            .collect();
        let again = export_to(&mut p, run, format, name);
        for (f, before) in again.files.iter().zip(bytes) {
            assert_eq!(std::fs::read(&f.path).unwrap(), before, "{format:?}");
        }
        assert_eq!(
            first.files.iter().map(|f| &f.sha256).collect::<Vec<_>>(),
            again.files.iter().map(|f| &f.sha256).collect::<Vec<_>>()
        );
    }
}

#[test]
fn only_approved_runs_have_payment_files() {
    let mut p = program();
    let id = p.partner("Zoë Adams", PayoutMethod::Paypal);
    p.approved(id, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let err = export(
        &mut p.book,
        run.id,
        PaymentFormat::Csv,
        &p.dir.path().join("x.csv"),
        Actor::User,
    )
    .unwrap_err();
    assert!(err.to_string().contains("approved run"), "{err}");
    assert!(!p.dir.path().join("x.csv").exists());
}

/// A reference file kept with these tests (see tests/data/README.md).
fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The approved run's payouts plus a bank transfer in PLN and a cheque:
/// neither is in a provider's file.
fn run_with_transfers_by_hand() -> (P, i64) {
    let mut p = program();
    with_payer(&mut p);
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    let iga = p.partner("Iga Nowak", PayoutMethod::Iban);
    let cy = p.partner("Cy Chen", PayoutMethod::Other);
    let mut pl = PartnerInput::from(&partnerbook_partners::get(&p.book, iga).unwrap());
    pl.payout_currency = "PLN".into();
    partnerbook_partners::update(&mut p.book, iga, &pl, "", Actor::User).unwrap();
    let mut usd = PartnerInput::from(&partnerbook_partners::get(&p.book, bo).unwrap());
    usd.payout_currency = "USD".into();
    partnerbook_partners::update(&mut p.book, bo, &usd, "", Actor::User).unwrap();
    for id in [zoe, bo, iga, cy] {
        p.approved(id, 10_000, "2026-11-01");
    }
    p.book
        .conn()
        .execute_batch(
            "INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-30', 'EUR', 'PLN', '4.2000', 'ECB');
             INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-30', 'EUR', 'USD', '1.0500', 'ECB');",
        )
        .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(run.paid_count, 4);
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    (p, run.id)
}

#[test]
fn every_paid_payout_is_in_one_file_or_on_the_list_to_pay_by_hand() {
    let (mut p, run) = run_with_transfers_by_hand();
    let groups = coverage(&p.book, run).unwrap();
    let summary: Vec<(PaymentFormat, u32, Vec<String>, u32)> = groups
        .iter()
        .map(|g| {
            let totals = g.totals.iter().map(ToString::to_string).collect();
            (g.format, g.payouts, totals, g.files)
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                PaymentFormat::Paypal,
                2,
                vec!["100.00 EUR".to_string(), "105.00 USD".to_string()],
                2
            ),
            (
                PaymentFormat::Manual,
                2,
                vec!["100.00 EUR".to_string(), "420.00 PLN".to_string()],
                1
            ),
        ],
        "PayPal takes one currency per file: two uploads; the PLN transfer and the cheque are paid by hand"
    );
    assert!(groups.iter().all(|g| g.written_at.is_none()));
    let report = export_to(&mut p, run, PaymentFormat::Manual, "by-hand.csv");
    assert_eq!(report.files.len(), 1);
    let text = std::fs::read_to_string(&report.files[0].path).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].starts_with("payout_ref,partner_id,name"));
    assert!(
        rows.iter()
            .any(|r| r.contains("Iga Nowak") && r.contains(",420.00,PLN,")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Cy Chen") && r.contains("cheque to the office")),
        "{text}"
    );
    assert_eq!(
        report.skipped.len(),
        2,
        "the PayPal payouts are in their own files"
    );
    let again = coverage(&p.book, run).unwrap();
    assert!(again
        .iter()
        .any(|g| g.format == PaymentFormat::Manual && g.written_at.is_some()));
}

#[test]
fn names_a_spreadsheet_would_run_are_written_as_text() {
    let mut p = program();
    with_payer(&mut p);
    let wise = p.partner("=HYPERLINK(\"http://evil.example\")", PayoutMethod::Wise);
    let bank = p.partner("@SUM(1)", PayoutMethod::Iban);
    p.approved(wise, 12_345, "2026-11-01");
    p.approved(bank, 20_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    for (format, name) in [
        (PaymentFormat::Wise, "wise.csv"),
        (PaymentFormat::Csv, "all.csv"),
    ] {
        let report = export_to(&mut p, run, format, name);
        let mut r = csv::Reader::from_path(&report.files[0].path).unwrap();
        for rec in r.records() {
            let rec = rec.unwrap();
            assert!(
                rec.iter().all(|c| !c.starts_with(['=', '+', '@'])),
                "{format:?}: {rec:?}"
            );
            assert!(
                rec.iter()
                    .any(|c| c == "'=HYPERLINK(\"http://evil.example\")" || c == "'@SUM(1)"),
                "{format:?}: {rec:?}"
            );
            assert!(
                rec.iter().any(|c| c == "123.45" || c == "200.00"),
                "amounts stay numbers: {rec:?}"
            );
        }
    }
}

mod fuzz {
    //! A provider's result file whose cells are anything: read or refused,
    //! never a panic, and nothing marked unless the file reads whole.
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "PB[0-9]{1,2}-[0-9]{1,5}",
            "(Completed|Paid|Failed|Unclaimed|Returned|DENIED|success)",
            "\\PC{0,30}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
        ))]

        #[test]
        fn result_files_never_panic(rows in proptest::collection::vec(proptest::collection::vec(cell(), 2..5), 0..6)) {
            let (mut p, run) = approved_run();
            let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            w.write_record(["Customer ID", "Status", "Transaction ID", "Failure reason"]).unwrap();
            for r in &rows {
                w.write_record(r).unwrap();
            }
            let path = p.dir.path().join("results.csv");
            std::fs::write(&path, w.into_inner().unwrap()).unwrap();
            let _ = partnerbook_payouts::reconcile(&mut p.book, run, &path, Actor::User);
        }
    }
}

/// PayPal takes no decimals in HUF (nor JPY, TWD): the draft rounds what a
/// PayPal partner gets in forints to whole forints, and the file writes it
/// without a fraction, where a Wise partner in HUF keeps the fillér.
#[test]
fn paypal_amounts_in_forints_are_whole() {
    let mut p = program();
    let input = |name: &str, email: &str, method| {
        let mut i = PartnerInput::new(name, email);
        i.terms_version = "2026-01".into();
        i.tax.status = TaxStatus::W9;
        i.payout.method = method;
        i.payout.email = email.into();
        i.payout_currency = "HUF".into();
        i
    };
    let paypal = p.partner_with(input(
        "Kovács Anna",
        "anna@example.hu",
        PayoutMethod::Paypal,
    ));
    let wise = p.partner_with(input("Nagy Béla", "bela@example.hu", PayoutMethod::Wise));
    for id in [paypal, wise] {
        p.approved(id, 12_345, "2026-11-01");
    }
    p.book
        .conn()
        .execute(
            "INSERT INTO fx_rates (day, base, quote, rate, source) VALUES ('2026-11-30', 'EUR', 'HUF', '391.37', 'ECB')",
            [],
        )
        .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    let (lines, _) = file_lines(p.book.conn(), run).unwrap();
    let pay = |who: i64| {
        lines
            .iter()
            .find(|l| l.partner_id == who)
            .unwrap()
            .pay
            .minor
    };
    // 123.45 EUR × 391.37 = 48,314.6265 HUF.
    assert_eq!(pay(paypal), 4_831_500, "48,315 forints, whole");
    assert_eq!(pay(wise), 4_831_463, "48,314.63 forints");
    let report = export_to(&mut p, run, PaymentFormat::Paypal, "paypal-huf.csv");
    let text = std::fs::read_to_string(&report.files[0].path).unwrap();
    let row: Vec<&str> = text.trim().split(',').collect();
    assert_eq!(
        (row[0], row[1], row[2]),
        ("anna@example.hu", "48315", "HUF")
    );
}

fn xmllint_ok(path: &str) {
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(reference("pain.001.001.03.xsd"))
        .arg(path)
        .output()
        .expect("xmllint (libxml2-utils) runs; .ci/setup installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_sepa_file_is_booked_as_a_batch_on_the_business_day_asked_for() {
    let (mut p, run) = approved_run();
    let _clock = partnerbook_book::time::fix_clock("2026-12-05T09:00:00Z".parse().unwrap());
    let out = p.dir.path().join("sepa-day.xml");
    let ask = |p: &mut P, day: Option<&str>| {
        let options = ExportOptions {
            execution_date: day.map(str::to_string),
        };
        export_with(
            &mut p.book,
            run,
            PaymentFormat::Sepa,
            &out,
            &options,
            Actor::User,
        )
    };
    let past = ask(&mut p, Some("2026-12-01")).unwrap_err().to_string();
    assert!(past.contains("2026-12-01 is in the past"), "{past}");
    let christmas = ask(&mut p, Some("2026-12-25")).unwrap_err().to_string();
    assert!(
        christmas.contains("not a TARGET2 business day") && christmas.contains("2026-12-28"),
        "{christmas}"
    );

    let report = ask(&mut p, None).unwrap();
    let xml = std::fs::read_to_string(&report.files[0].path).unwrap();
    assert!(
        xml.contains("<ReqdExctnDt>2026-12-07</ReqdExctnDt>"),
        "Saturday: the next business day is Monday"
    );
    assert!(
        xml.contains("<PmtMtd>TRF</PmtMtd>\n      <BtchBookg>true</BtchBookg>"),
        "{xml}"
    );
    xmllint_ok(&report.files[0].path);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("山田 太郎 is written as \"")),
        "{:?}",
        report.notes
    );
    assert!(report
        .notes
        .contains(&"The bank is asked to execute the transfers on 2026-12-07.".to_string()));

    let report = ask(&mut p, Some("2026-12-09")).unwrap();
    let xml = std::fs::read_to_string(&report.files[0].path).unwrap();
    assert!(xml.contains("<ReqdExctnDt>2026-12-09</ReqdExctnDt>"));
}

#[test]
fn a_long_program_name_gives_way_to_the_payout_reference() {
    let (mut p, run) = approved_run();
    p.book
        .conn()
        .execute(
            "UPDATE program SET program_name = ?1",
            [&"Ünïcode Partner Program ".repeat(8)],
        )
        .unwrap();
    let report = export_to(&mut p, run, PaymentFormat::Sepa, "sepa-long.xml");
    let xml = std::fs::read_to_string(&report.files[0].path).unwrap();
    for line in xml.lines().filter(|l| l.contains("<Ustrd>")) {
        let text = line
            .trim()
            .trim_start_matches("<Ustrd>")
            .trim_end_matches("</Ustrd>");
        assert!(text.chars().count() <= 140, "{text}");
        assert!(
            text.rsplit(' ')
                .next()
                .unwrap()
                .starts_with(&format!("PB{run}-")),
            "the reference is whole: {text}"
        );
    }
    xmllint_ok(&report.files[0].path);
}

#[test]
fn a_name_with_no_latin_spelling_refuses_the_sepa_file_and_names_the_partner() {
    let mut p = program();
    with_payer(&mut p);
    let mut input = PartnerInput::new("★★★", "stars@example.com");
    input.terms_version = "2026-01".into();
    input.tax.status = TaxStatus::W9;
    input.payout.method = PayoutMethod::Iban;
    input.payout.iban = partnerbook_testkit::german_iban(532_013_777);
    input.payout.bic = "COBADEFFXXX".into();
    let stars = p.partner_with(input);
    p.approved(stars, 10_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    let out = p.dir.path().join("sepa-stars.xml");
    let err = export(&mut p.book, run, PaymentFormat::Sepa, &out, Actor::User)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("has a name with no letters SEPA can carry (\"★★★\")"),
        "{err}"
    );
    assert!(!out.exists(), "no file written");
}

/// A company paid by Wise, to `iban` when one is given.
fn costa_media(p: &mut P, iban: &str) -> i64 {
    let mut input = PartnerInput::new("Bruno Costa", "bruno@costa-media.example");
    input.company = "Costa Media Lda".into();
    input.terms_version = "2026-01".into();
    input.tax.status = TaxStatus::W9;
    input.payout.method = PayoutMethod::Wise;
    input.payout.email = "finance@costa-media.example".into();
    input.payout.iban = iban.into();
    p.partner_with(input)
}

#[test]
fn a_wise_partner_paid_as_a_company_is_a_business_receiver_in_the_companys_name() {
    let mut p = program();
    let person = p.partner("Ana Lima", PayoutMethod::Wise);
    let company = costa_media(&mut p, "");
    for id in [person, company] {
        p.approved(id, 10_000, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    let report = export_to(&mut p, run, PaymentFormat::Wise, "wise.csv");
    let mut r = csv::Reader::from_path(&report.files[0].path).unwrap();
    let rows: Vec<(String, String, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].to_string(), rec[3].to_string())
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Ana Lima".to_string(),
                "ana.lima@example.com".to_string(),
                "PERSON".to_string()
            ),
            (
                "Costa Media Lda".into(),
                "finance@costa-media.example".into(),
                "BUSINESS".into()
            ),
        ]
    );
}

#[test]
fn a_wise_partner_with_an_iban_is_paid_to_the_account_in_wises_bank_template() {
    let mut p = program();
    let by_email = p.partner("Ana Lima", PayoutMethod::Wise);
    let to_bank = costa_media(&mut p, "pt50 0002 0123 1234 5678 9015 4");
    for (id, minor) in [(by_email, 10_000), (to_bank, 25_050)] {
        p.approved(id, minor, "2026-11-01");
    }
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    let run = approve(&mut p.book, run.id, Actor::User, &Quiet)
        .unwrap()
        .id;
    let groups = partnerbook_payouts::files::coverage::coverage(&p.book, run).unwrap();
    let wise_group = groups
        .iter()
        .find(|g| g.format == PaymentFormat::Wise)
        .unwrap();
    assert_eq!(
        (wise_group.payouts, wise_group.files),
        (2, 2),
        "two templates, two uploads"
    );

    let report = export_to(&mut p, run, PaymentFormat::Wise, "wise.csv");
    let names = file_names(&report);
    assert_eq!(names, ["wise-EUR.csv", "wise-EUR-bank.csv"]);
    // The bank file has the columns of Wise's own template, in its order.
    let template = csv::Reader::from_path(reference("wise-send-to-bank-accounts-EUR.csv"))
        .unwrap()
        .headers()
        .unwrap()
        .clone();
    let mut bank = csv::Reader::from_path(&report.files[1].path).unwrap();
    assert_eq!(bank.headers().unwrap(), &template);
    let rows: Vec<Vec<String>> = bank
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0],
        [
            "Costa Media Lda",
            "bruno@costa-media.example",
            &rows[0][2],
            "BUSINESS",
            "target",
            "250.50",
            "EUR",
            "EUR",
            "PT50000201231234567890154",
        ]
    );
    assert!(
        rows[0][2].starts_with("PB"),
        "the payout's reference: {}",
        rows[0][2]
    );
    // The partner with only an email stays in the email template.
    let mut email = csv::Reader::from_path(&report.files[0].path).unwrap();
    assert_eq!(
        email.headers().unwrap().iter().collect::<Vec<_>>(),
        wise::HEADER
    );
    let rec = email.records().next().unwrap().unwrap();
    assert_eq!(
        (&rec[0], &rec[1], &rec[5]),
        ("Ana Lima", "ana.lima@example.com", "100.00")
    );
}
