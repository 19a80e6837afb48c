//! A 200 MB file goes into the library in bounded memory: it is read and
//! stored in chunks, never held whole. Alone in its test binary, so the
//! process's peak memory is this test's own.

use partnerbook_assets::{self as assets, AddOptions};
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use std::io::Write;

/// The process's peak resident memory so far, in MB (Linux).
fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        / 1024
}

#[test]
fn a_200_mb_file_imports_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(
        &dir.path().join("big.partnerbook"),
        &NewProgram {
            program_name: "Big".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    let path = dir.path().join("brand-video-master.bin");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let chunk: Vec<u8> = (0..1024 * 1024).map(|i| (i * 31 % 251) as u8).collect();
    for n in 0..200u32 {
        file.write_all(&n.to_le_bytes()).unwrap();
        file.write_all(&chunk[4..]).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let before = peak_mb();
    let report = assets::add_files(
        &mut book,
        std::slice::from_ref(&path),
        &AddOptions::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap();
    let grew = peak_mb().saturating_sub(before);
    eprintln!("peak memory grew by {grew} MB while storing 200 MB");
    assert_eq!(report.bytes_stored, 200 * 1024 * 1024);
    assert!(grew < 64, "peak memory grew by {grew} MB for a 200 MB file");
    // And it comes back whole.
    let out = dir.path().join("back.bin");
    assert_eq!(
        assets::export_file(&book, report.added[0], None, &out).unwrap(),
        200 * 1024 * 1024
    );
    assert_eq!(
        std::fs::metadata(&out).unwrap().len(),
        std::fs::metadata(&path).unwrap().len()
    );
}
