//! SIGKILL at random moments of `payout approve` and `payout export`: the
//! book is always either the draft or the approved run, never a mix, and a
//! payment file is either absent or whole.

use crate::support::{seed, Moments};
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::{self, PartnerInput, PayoutMethod, TaxStatus};
use partnerbook_core::payouts::{self, RunStatus};
use partnerbook_core::progress::Quiet;
use partnerbook_core::settings::NewProgram;
use partnerbook_core::Book;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: u32 = 25;

/// A EUR book with a draft run paying 300 partners over 60,000 commissions,
/// big enough that approving takes a while to interrupt.
fn draft_book(dir: &Path) -> PathBuf {
    let path = dir.join("base.partnerbook");
    let mut book = Book::create(
        &path,
        &NewProgram {
            program_name: "Kill test".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    for i in 0..300 {
        let mut p = PartnerInput::new(&format!("Partner {i}"), &format!("p{i}@example.com"));
        p.terms_version = "2026-01".into();
        p.tax.status = TaxStatus::W9;
        p.payout.method = PayoutMethod::Iban;
        p.payout.iban = partnerbook_testkit::german_iban(532_013_000 + i);
        p.payout.bic = "COBADEFFXXX".into();
        partners::create(&mut book, &p, Actor::User).unwrap();
    }
    book.conn()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
             INSERT INTO commissions (partner_id, line, kind, rounding, amount_minor, currency, state, due_on, created_at, updated_at)
             SELECT 1 + i % 300, 'k:' || i, 'commission', 'half_up', 100 + i % 5000, 'EUR', 'approved', '2026-10-15',
                    '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z' FROM n;",
        )
        .unwrap();
    payouts::set_payer(
        &mut book,
        "FR1420041010050500013M02606",
        "PSSTFRPPPAR",
        Actor::User,
    )
    .unwrap();
    payouts::create(&mut book, "2026-10-31", Actor::User, &Quiet).unwrap();
    path
}

fn partnerbook(book: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .env("PARTNERBOOK_BOOK", book)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// How long the whole command takes when left alone.
fn time_of(base: &Path, dir: &Path, args: &[&str]) -> Duration {
    let copy = dir.join("timing.partnerbook");
    std::fs::copy(base, &copy).unwrap();
    let start = Instant::now();
    assert!(partnerbook(&copy, args).wait().unwrap().success());
    start.elapsed()
}

/// Kills `args` at a random moment; true when it was still running.
fn run_and_kill(book: &Path, args: &[&str], after: Duration) -> bool {
    let mut child = partnerbook(book, args);
    std::thread::sleep(after);
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    running
}

fn assert_consistent(book_path: &Path) -> RunStatus {
    let book = Book::open(book_path).unwrap();
    assert_eq!(book.integrity_check().unwrap(), ["ok"]);
    let run = payouts::get_run(&book, 1).unwrap();
    let conn = book.conn();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    match run.status {
        RunStatus::Draft => {
            assert!(run.fingerprint.is_none());
            assert_eq!(
                count("SELECT count(*) FROM payouts WHERE status NOT IN ('draft', 'held')"),
                0
            );
        }
        RunStatus::Approved => {
            assert_eq!(
                count("SELECT count(*) FROM payouts WHERE status = 'draft'"),
                0
            );
            assert!(payouts::verify(&book, 1).unwrap(), "fingerprint matches");
            assert!(Path::new(run.backup_path.as_ref().unwrap()).exists());
        }
        RunStatus::Discarded => panic!("nothing discards here"),
    }
    // The claims are whole either way: every paid line holds its commissions.
    assert_eq!(
        count("SELECT count(*) FROM commissions WHERE state = 'in_payout'"),
        60_000
    );
    run.status
}

#[test]
fn killing_approve_leaves_the_draft_or_the_approved_run() {
    let dir = tempfile::tempdir().unwrap();
    let base = draft_book(dir.path());
    let args = ["payout", "approve", "1"];
    let whole = time_of(&base, dir.path(), &args);
    let mut moments = Moments(seed());
    let (mut interrupted, mut drafts, mut approved) = (0, 0, 0);
    for i in 0..ROUNDS {
        let book = dir.path().join(format!("round{i}.partnerbook"));
        std::fs::copy(&base, &book).unwrap();
        if run_and_kill(&book, &args, moments.next_within(whole)) {
            interrupted += 1;
        }
        match assert_consistent(&book) {
            RunStatus::Draft => drafts += 1,
            _ => approved += 1,
        }
    }
    eprintln!("approve takes {whole:?}; {interrupted} of {ROUNDS} killed while running: {drafts} drafts, {approved} approved");
    assert!(interrupted > 0, "no kill landed while approve ran");
}

#[test]
fn killing_export_leaves_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = draft_book(dir.path());
    let mut book = Book::open(&base).unwrap();
    payouts::approve(&mut book, 1, Actor::User, &Quiet).unwrap();
    drop(book);
    let whole_file = dir.path().join("whole.xml");
    let out = whole_file.to_string_lossy().into_owned();
    let args = ["payout", "export", "1", "--format", "sepa", "--out", &out];
    let whole = time_of(&base, dir.path(), &args);
    let expected = std::fs::read(&whole_file).unwrap();
    std::fs::remove_file(&whole_file).unwrap();
    let mut moments = Moments(seed());
    for i in 0..ROUNDS {
        let book = dir.path().join(format!("export{i}.partnerbook"));
        std::fs::copy(&base, &book).unwrap();
        run_and_kill(&book, &args, moments.next_within(whole));
        if whole_file.exists() {
            assert_eq!(
                std::fs::read(&whole_file).unwrap(),
                expected,
                "round {i}: a whole file or none"
            );
            std::fs::remove_file(&whole_file).unwrap();
        }
        assert_eq!(assert_consistent(&book), RunStatus::Approved);
    }
}
