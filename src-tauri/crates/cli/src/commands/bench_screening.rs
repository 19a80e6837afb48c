//! `bench screening --applications N --partners P`: a demo program of P
//! partners (with a year of sales, so customers exist to collide with),
//! a form export of N applications (one in ten suspicious), its import
//! (merge, applicant partners, screening), then screening all N again on
//! their own. Wall-clock figures, printed, never asserted.

use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::applications;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::{self, DemoOptions};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

#[derive(Serialize)]
struct Figures {
    partners: u32,
    applications: u32,
    import_millis: u128,
    import_rows_per_second: f64,
    screen_millis: u128,
    screened: u32,
    flagged: u32,
}

pub fn screening(count: u32, partners: u32, json: bool) -> CliResult {
    super::bench::in_scratch("screening", |dir| run(dir, count, partners, json))
}

/// A signup form export: honest applicants, and every tenth one that a
/// check should catch (throwaway mailbox, spam, a bare IP, a partner's
/// email, a missing website).
fn form(count: u32) -> String {
    let mut csv = String::from(
        "Name,Email,Website,Country,Followers,How will you promote?,Why do you want to join?\n",
    );
    for n in 0..count {
        let (email, site, why) = match n % 10 {
            1 => (
                format!("user{n}@mailinator.com"),
                format!("https://site{n}.com"),
                "I like it".to_string(),
            ),
            3 => (
                format!("spam{n}@deals{n}.com"),
                format!("https://deals{n}.com"),
                "CASINO bonus traffic".to_string(),
            ),
            5 => (
                format!("ip{n}@ip{n}.net"),
                format!(
                    "http://10.{}.{}.{}/",
                    n / 65_536 % 256,
                    n / 256 % 256,
                    n % 256
                ),
                "My blog".to_string(),
            ),
            7 => (
                format!("nosite{n}@gmail.com"),
                String::new(),
                "Friends and family".to_string(),
            ),
            _ => (
                format!("writer{n}@blog{n}.com"),
                format!("https://blog{n}.com"),
                "I review tools every week".to_string(),
            ),
        };
        let _ = writeln!(
            csv,
            "Writer {n},{email},{site},DE,{},Blog and newsletter,{why}",
            500 + n % 9000
        );
    }
    csv
}

fn run(dir: &Path, count: u32, partners: u32, json: bool) -> CliResult {
    let bar = Bar::new();
    let mut book = demo::create(
        &dir.join("bench.partnerbook"),
        &DemoOptions {
            partners,
            seed: 3,
            earnings: true,
        },
        &bar,
    )?;
    bar.finish();
    let file = dir.join("signups.csv");
    std::fs::write(&file, form(count))?;

    let bar = Bar::new();
    let start = Instant::now();
    let intake = applications::import_file(&mut book, &file, Actor::User, &bar);
    let import_millis = start.elapsed().as_millis();
    bar.finish();
    let intake = intake?;

    let bar = Bar::new();
    let start = Instant::now();
    let screened = applications::screen(&mut book, &intake.ids, &bar);
    let screen_millis = start.elapsed().as_millis();
    bar.finish();
    let screened = screened?;

    let f = Figures {
        partners,
        applications: intake.created,
        import_millis,
        import_rows_per_second: f64::from(intake.rows) / (import_millis.max(1) as f64 / 1000.0),
        screen_millis,
        screened: screened.screened,
        flagged: screened.flagged,
    };
    if json {
        output::json(&f);
    } else {
        println!(
            "Import of {} applications (merge, applicant partners, screening): {:.2} s ({} rows/s)",
            output::count(u64::from(f.applications)),
            import_millis as f64 / 1000.0,
            output::count(f.import_rows_per_second as u64)
        );
        println!(
            "Screening {} applications again against {} partners: {:.2} s ({} with a red check)",
            output::count(u64::from(f.screened)),
            output::count(u64::from(partners)),
            screen_millis as f64 / 1000.0,
            output::count(u64::from(f.flagged))
        );
    }
    Ok(())
}
