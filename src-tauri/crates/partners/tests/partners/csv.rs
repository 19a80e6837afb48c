//! CSV import and export of partners on real temp-file books.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::{Progress, Quiet};
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, BookError, Coded};
use partnerbook_partners::csv_import::{import, preview, ImportOptions, OnExisting};
use partnerbook_partners::search::{search, PartnerQuery};
use partnerbook_partners::PartnerError;
use partnerbook_partners::{self as partners, PartnerInput, PartnerStatus};
use std::path::{Path, PathBuf};

pub(crate) fn new_book(dir: &Path, name: &str) -> Book {
    let program = NewProgram {
        program_name: "CSV test".into(),
        base_currency: "USD".into(),
    };
    Book::create(&dir.join(name), &program).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn count(book: &Book, table: &str) -> i64 {
    book.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

const GOOD: &str = "\u{feff}First Name,Last Name,E-mail,Company,Country,Status,Tier,Tags,Referral Code,PayPal Email,Payout Method,custom:niche,Notes\n\
Zoë,Dubois,zoe@example.fr,Dubois Media,fr,active,Creators,youtube; vip,ZOE10,zoe@example.fr,paypal,travel,ignored text\n\
Łukasz,Nowak,lukasz@example.pl,,PL,Applicant,Agencies,,LUKASZ,,,,\n\
李,娜,lina@example.cn,,CN,paused,Creators,podcast,LINA,,,cooking,\"multi\nline\"\n";

#[test]
fn a_good_file_imports_with_suggested_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let file = write(dir.path(), "partners.csv", GOOD);
    let pv = preview(&file).unwrap();
    assert_eq!(pv.rows, 3);
    assert_eq!(
        pv.headers[0], "First Name",
        "the byte-order mark is not part of the header"
    );
    assert_eq!(
        pv.suggested,
        [
            "first_name",
            "last_name",
            "email",
            "company",
            "country",
            "status",
            "group",
            "tags",
            "referral_codes",
            "payout_email",
            "payout_method",
            "custom:niche",
            "ignore"
        ]
    );
    let report = import(&mut book, &file, &ImportOptions::default(), &Quiet).unwrap();
    assert_eq!((report.rows, report.created, report.updated), (3, 3, 0));
    assert_eq!(report.ignored_columns, ["Notes"]);

    let zoe = partners::resolve(&book, "zoe@example.fr").unwrap();
    assert_eq!(zoe.name, "Zoë Dubois");
    assert_eq!(zoe.first_name, "Zoë");
    assert_eq!(zoe.country, "FR");
    assert_eq!(zoe.group_name.as_deref(), Some("Creators"));
    assert_eq!(zoe.tags, ["vip", "youtube"]);
    assert_eq!(zoe.custom_fields["niche"], "travel");
    assert_eq!(zoe.payout.email, "zoe@example.fr");
    let lina = partners::resolve(&book, "LINA").unwrap();
    assert_eq!(lina.name, "李 娜");
    assert_eq!(count(&book, "groups"), 2);
    let audit_actor: String = book
        .conn()
        .query_row(
            "SELECT actor FROM audit_log WHERE entity = 'partner' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit_actor, "import");

    // The search index covers what was imported, filters included.
    let total = |q: PartnerQuery| search(&book, &q).unwrap().total;
    assert_eq!(
        total(PartnerQuery {
            text: "dubois media".into(),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        total(PartnerQuery {
            tag: Some("vip".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        total(PartnerQuery {
            statuses: vec![PartnerStatus::Paused],
            ..Default::default()
        }),
        1
    );

    // Importing the same file again changes nothing but counts updates.
    let again = import(&mut book, &file, &ImportOptions::default(), &Quiet).unwrap();
    assert_eq!((again.created, again.updated), (0, 3));
    assert_eq!(count(&book, "partners"), 3);
}

fn bad_row(book: &mut Book, file: &Path) -> (u64, String, String) {
    match import(book, file, &ImportOptions::default(), &Quiet) {
        Err(PartnerError::Book(BookError::BadRow {
            file: name,
            line,
            column,
            reason,
        })) => {
            assert_eq!(name, file.file_name().unwrap().to_string_lossy());
            (line, column, reason)
        }
        other => panic!("expected a bad row, got {other:?}"),
    }
}

#[test]
fn a_bad_row_stops_the_import_naming_file_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let header = "name,email,country,iban,bic,referral_codes\n";
    let ok = "Ada,ada@example.com,GB,,,ADA\n";
    let cases: &[(&str, u64, &str, &str)] = &[
        ("Bob,bob@example,US,,,\n", 3, "email", "not an email"),
        (
            "Bob,bob@example.com,Narnia,,,\n",
            3,
            "country",
            "ISO country",
        ),
        (
            "Bob,bob@example.com,DE,DE00 1234,COBADEFF,\n",
            3,
            "iban",
            "IBAN",
        ),
        (
            "Bob,bob@example.com,US,,,ada\n",
            3,
            "referral_codes",
            "also on line 2",
        ),
        ("Bob,ada@example.com,US,,,\n", 3, "email", "also on line 2"),
        (
            "Bob,bob@example.com\n",
            3,
            "",
            "has 2 fields but the header has 6",
        ),
        (",bob@example.com,US,,,\n", 3, "name", "required"),
    ];
    for (row, line, column, reason) in cases {
        let file = write(dir.path(), "bad.csv", &format!("{header}{ok}{row}"));
        let (l, c, r) = bad_row(&mut book, &file);
        assert_eq!((l, c.as_str()), (*line, *column), "{row:?}: {r}");
        assert!(r.contains(reason), "{row:?}: reason was {r:?}");
        assert_eq!(count(&book, "partners"), 0, "nothing is written: {row:?}");
        assert_eq!(count(&book, "audit_log"), 0);
    }
}

#[test]
fn conflicts_with_existing_partners_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let mut existing = PartnerInput::new("Old", "old@example.com");
    existing.codes.push(partners::PartnerCode {
        kind: partners::CodeKind::Coupon,
        code: "TAKEN".into(),
    });
    partners::create(&mut book, &existing, Actor::User).unwrap();
    let file = write(
        dir.path(),
        "c.csv",
        "Full Name,Mail,Coupon\nNew,new@example.com,FREE\nNewer,newer@example.com,taken\n",
    );
    let (line, column, reason) = bad_row(&mut book, &file);
    assert_eq!((line, column.as_str()), (3, "Coupon"), "{reason}");
    assert_eq!(count(&book, "partners"), 1);

    let strict = ImportOptions {
        on_existing: OnExisting::Error,
        ..Default::default()
    };
    let file = write(
        dir.path(),
        "d.csv",
        "name,email\nOld again,OLD@example.com\n",
    );
    let err = import(&mut book, &file, &strict, &Quiet).unwrap_err();
    assert!(
        matches!(err, PartnerError::Book(BookError::BadRow { line: 2, .. })),
        "{err}"
    );
    let skip = ImportOptions {
        on_existing: OnExisting::Skip,
        ..Default::default()
    };
    assert_eq!(import(&mut book, &file, &skip, &Quiet).unwrap().skipped, 1);
    assert_eq!(
        partners::resolve(&book, "old@example.com").unwrap().name,
        "Old"
    );
}

#[test]
fn mapping_is_checked_and_dry_runs_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let file = write(
        dir.path(),
        "m.csv",
        "who,address,size\nAda,ada@example.com,XL\n",
    );
    assert_eq!(
        import(&mut book, &file, &ImportOptions::default(), &Quiet)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    let twice = ImportOptions {
        mapping: vec!["name".into(), "email".into(), "email".into()],
        ..Default::default()
    };
    assert!(import(&mut book, &file, &twice, &Quiet)
        .unwrap_err()
        .to_string()
        .contains("both map to email"));
    let mapping = vec!["name".into(), "email".into(), "custom:shirt size".into()];
    let dry = ImportOptions {
        mapping: mapping.clone(),
        dry_run: true,
        ..Default::default()
    };
    assert_eq!(import(&mut book, &file, &dry, &Quiet).unwrap().created, 1);
    assert_eq!(count(&book, "partners"), 0);
    import(
        &mut book,
        &file,
        &ImportOptions {
            mapping,
            ..Default::default()
        },
        &Quiet,
    )
    .unwrap();
    assert_eq!(
        partners::resolve(&book, "ada@example.com")
            .unwrap()
            .custom_fields["shirt size"],
        "XL"
    );
}

#[test]
fn parents_are_linked_by_email_even_further_down_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let file = write(
        dir.path(),
        "p.csv",
        "name,email,parent_email\nChild,c@example.com,p@example.com\nParent,p@example.com,\n",
    );
    import(&mut book, &file, &ImportOptions::default(), &Quiet).unwrap();
    assert_eq!(
        partners::resolve(&book, "c@example.com")
            .unwrap()
            .parent_name
            .as_deref(),
        Some("Parent")
    );
    let looped = write(
        dir.path(),
        "l.csv",
        "name,email,parent_email\nA,a@example.com,b@example.com\nB,b@example.com,a@example.com\n",
    );
    let (line, column, _) = bad_row(&mut book, &looped);
    assert_eq!((line, column.as_str()), (3, "parent_email"));
}

struct CancelAfter(std::sync::atomic::AtomicU32);
impl Progress for CancelAfter {
    fn update(&self, _: &str, _: u64, _: u64) {}
    fn is_cancelled(&self) -> bool {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= 1
    }
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "b.partnerbook");
    let mut text = String::from("name,email\n");
    for i in 0..2500 {
        text.push_str(&format!("P{i},p{i}@example.com\n"));
    }
    let file = write(dir.path(), "big.csv", &text);
    let err = import(
        &mut book,
        &file,
        &ImportOptions::default(),
        &CancelAfter(Default::default()),
    )
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(count(&book, "partners"), 0);
}

#[test]
fn an_export_opened_in_a_spreadsheet_runs_no_formula_and_reads_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "a.partnerbook");
    let mut p = PartnerInput::new(
        "=HYPERLINK(\"http://evil.example\",\"Zoë\")",
        "zoe@example.com",
    );
    p.company = "+cmd|' /C calc'!A0".into();
    p.custom_fields.insert("note".into(), "@SUM(1)".into());
    p.custom_fields.insert("delta".into(), "-1+2".into());
    partners::create(&mut book, &p, Actor::User).unwrap();
    let out = dir.path().join("partners.csv");
    partnerbook_partners::csv_export::export(
        &book,
        None,
        std::fs::File::create(&out).unwrap(),
        partnerbook_partners::tin::Tins::Masked,
        &Quiet,
    )
    .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rows = csv::Reader::from_path(&out).unwrap();
    let row = rows.records().next().unwrap().unwrap();
    assert!(
        row.iter()
            .filter(|c| !c.is_empty())
            .all(|c| !c.starts_with(['=', '+', '-', '@'])),
        "every cell is text to a spreadsheet: {text}"
    );
    assert!(
        row.iter()
            .any(|c| c == "'=HYPERLINK(\"http://evil.example\",\"Zoë\")"),
        "{text}"
    );
    // Read back into an empty book: exactly what was written.
    let mut other = new_book(dir.path(), "b.partnerbook");
    let options = ImportOptions {
        mapping: vec![],
        on_existing: OnExisting::Skip,
        dry_run: false,
    };
    import(&mut other, &out, &options, &Quiet).unwrap();
    let id: i64 = other
        .conn()
        .query_row(
            "SELECT id FROM partners WHERE email = 'zoe@example.com'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let back = partners::get(&other, id).unwrap();
    assert_eq!(back.name, p.name);
    assert_eq!(back.company, p.company);
    assert_eq!(back.custom_fields["note"], "@SUM(1)");
    assert_eq!(back.custom_fields["delta"], "-1+2");
}

#[test]
fn an_email_a_spreadsheet_would_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = new_book(dir.path(), "a.partnerbook");
    let mut p = PartnerInput::new("Zoë", "zoe@example.com");
    p.payout.method = partnerbook_partners::PayoutMethod::Paypal;
    p.payout.email = "=1+1@example.com".into();
    let err = partners::create(&mut book, &p, Actor::User).unwrap_err();
    assert!(
        err.to_string().contains("spreadsheets run as a formula"),
        "{err}"
    );
}

mod fuzz {
    //! Partner files whose cells are anything: read or refused, never a panic.
    //! Longer on demand: `PROPTEST_CASES=20000 cargo test -p partnerbook-partners fuzz`.
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}",
            "(active|paused|applicant|rejected|archived|paypal|wise|iban|none|other)",
            "[A-Z]{2}[0-9]{2}[A-Z0-9]{8,24}",
            "\\PC{0,40}",
            any::<String>(),
            Just("nul\u{0}byte".to_string()),
            Just("'=1+1".to_string()),
            Just("a; b; ;c".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
        ))]

        #[test]
        fn partner_files_never_panic(
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 8..12), 0..6),
            dry_run in any::<bool>(),
        ) {
            let header = ["Name", "Email", "Company", "Country", "Status", "Tags", "Referral Code",
                          "PayPal Email", "Payout Method", "IBAN", "custom:niche"];
            let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            w.write_record(header).unwrap();
            for row in &rows {
                w.write_record(row).unwrap();
            }
            let dir = tempfile::tempdir().unwrap();
            let mut book = new_book(dir.path(), "f.partnerbook");
            let path = write(dir.path(), "partners.csv", &String::from_utf8_lossy(&w.into_inner().unwrap()));
            let options = ImportOptions { mapping: vec![], on_existing: OnExisting::Skip, dry_run };
            let _ = preview(&path);
            let _ = import(&mut book, &path, &options, &Quiet);
        }
    }
}
