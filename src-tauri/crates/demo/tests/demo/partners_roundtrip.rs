//! A demo book's partners exported to CSV: imported into an empty book
//! they come back the same, and a cancelled export stops.

use partnerbook_book::progress::{Progress, Quiet};
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_book::Coded;
use partnerbook_demo::{self as demo, DemoOptions};
use partnerbook_partners::csv_export::export;
use partnerbook_partners::csv_import::{import, ImportOptions};
use partnerbook_partners::tin::Tins;
use partnerbook_partners::{self as partners, PartnerInput};
use std::path::Path;

fn new_book(dir: &Path, name: &str) -> Book {
    let program = NewProgram {
        program_name: "CSV test".into(),
        base_currency: "USD".into(),
    };
    Book::create(&dir.join(name), &program).unwrap()
}

#[test]
fn export_then_import_into_an_empty_book_gives_the_same_partners() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo::create(
        &dir.path().join("demo.partnerbook"),
        &DemoOptions {
            partners: 300,
            seed: 7,
            earnings: false,
        },
        &Quiet,
    )
    .unwrap();
    let mut first = Vec::new();
    // Whole TINs, so the copy has them: a masked file would leave them out.
    assert_eq!(
        export(&source, None, &mut first, Tins::Whole, &Quiet).unwrap(),
        300
    );
    let file = dir.path().join("export.csv");
    std::fs::write(&file, &first).unwrap();

    let mut copy = new_book(dir.path(), "copy.partnerbook");
    let report = import(&mut copy, &file, &ImportOptions::default(), &Quiet).unwrap();
    assert_eq!(report.created, 300);
    assert!(report.ignored_columns.is_empty());
    let mut second = Vec::new();
    export(&copy, None, &mut second, Tins::Whole, &Quiet).unwrap();
    assert_eq!(
        String::from_utf8(second).unwrap(),
        String::from_utf8(first).unwrap()
    );

    for id in 1..=300 {
        let pa = partners::get(&source, id).unwrap();
        let pb = partners::resolve(&copy, &pa.email).unwrap();
        let strip = |mut p: PartnerInput| {
            p.group_id = None;
            p.parent_id = None;
            p
        };
        assert_eq!(
            strip(PartnerInput::from(&pa)),
            strip(PartnerInput::from(&pb))
        );
        assert_eq!(pa.group_name, pb.group_name);
        assert_eq!(pa.parent_name, pb.parent_name);
    }
}

struct CancelAfter(std::sync::atomic::AtomicU32);
impl Progress for CancelAfter {
    fn update(&self, _: &str, _: u64, _: u64) {}
    fn is_cancelled(&self) -> bool {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= 1
    }
}

#[test]
fn export_reports_progress_and_stops_when_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let book = demo::create(
        &dir.path().join("demo.partnerbook"),
        &DemoOptions {
            partners: 1200,
            seed: 5,
            earnings: false,
        },
        &Quiet,
    )
    .unwrap();
    let mut out = Vec::new();
    let err = export(
        &book,
        None,
        &mut out,
        Tins::Masked,
        &CancelAfter(Default::default()),
    )
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");

    struct Seen(std::sync::Mutex<Vec<(u64, u64)>>);
    impl Progress for Seen {
        fn update(&self, _: &str, done: u64, total: u64) {
            self.0.lock().unwrap().push((done, total));
        }
        fn is_cancelled(&self) -> bool {
            false
        }
    }
    let seen = Seen(Default::default());
    export(&book, None, &mut Vec::new(), Tins::Masked, &seen).unwrap();
    assert_eq!(
        *seen.0.lock().unwrap(),
        [(500, 1200), (1000, 1200), (1200, 1200)]
    );
}
