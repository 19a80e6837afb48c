//! `bench statements --count N`: N one-page statements of an approved run,
//! beside headless Chromium printing an equivalent HTML statement N times
//! (what a manager would otherwise do, one browser print per partner).
//! Wall-clock figures, printed, never asserted.

use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::progress::Quiet;
use partnerbook_core::statements::{self, Statement};
use partnerbook_core::{payouts, Book, BookError};
use serde::Serialize;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Serialize)]
struct Figures {
    statements: u32,
    millis: u128,
    bytes: u64,
    chromium_prints: u32,
    chromium_millis: Option<u128>,
    /// Chromium's time over ours, per statement.
    speedup: Option<f64>,
}

pub fn statements(count: u32, chromium: u32, json: bool) -> CliResult {
    super::bench::in_scratch("statements", |dir| run(dir, count, chromium, json))
}

fn run(dir: &Path, count: u32, chromium: u32, json: bool) -> CliResult {
    let (book, run_id) = paid_run(dir, count)?;
    let out = dir.join("statements");
    let start = Instant::now();
    let report = statements::write_run(&book, run_id, &out, &Quiet)?;
    let millis = start.elapsed().as_millis().max(1);

    let first: i64 = book
        .conn()
        .query_row(
            "SELECT min(id) FROM payouts WHERE run_id = ?1",
            [run_id],
            |r| r.get(0),
        )
        .map_err(BookError::from)?;
    let html = dir.join("statement.html");
    std::fs::write(&html, html_statement(&statements::statement(&book, first)?))?;
    let chromium_millis = if chromium > 0 {
        print_with_chromium(&html, dir, chromium)
    } else {
        None
    };
    let per = |ms: u128, n: u32| ms as f64 / f64::from(n.max(1));
    let figures = Figures {
        statements: report.files,
        millis,
        bytes: report.bytes,
        chromium_prints: chromium,
        chromium_millis,
        speedup: chromium_millis.map(|c| per(c, chromium) / per(millis, report.files)),
    };
    if json {
        output::json(&figures);
        return Ok(());
    }
    println!(
        "{} one-page statements: {:.2} s ({:.1} ms each, {} KB each)",
        output::count(u64::from(figures.statements)),
        millis as f64 / 1000.0,
        per(millis, figures.statements),
        figures.bytes / u64::from(figures.statements.max(1)) / 1024
    );
    match (chromium_millis, figures.speedup) {
        (Some(ms), Some(x)) => println!(
            "headless Chromium printing the same statement as HTML {} times: {:.2} s ({:.1} ms each); ours is {x:.0}× faster",
            output::count(u64::from(chromium)),
            ms as f64 / 1000.0,
            per(ms, chromium)
        ),
        _ if chromium == 0 => {}
        _ => println!("chromium is not installed: no browser figure to compare with"),
    }
    Ok(())
}

/// A demo program of `count` partners, each ready to be paid for three
/// sales, and its approved run: one one-page statement per partner.
pub fn paid_run(dir: &Path, count: u32) -> CliResult<(Book, i64)> {
    let mut book = super::bench::partners_book(&dir.join("bench.partnerbook"), count, &Quiet)?;
    // Everyone ready to be paid, with three sales each: one page apiece.
    let tx = book.transaction()?;
    tx.execute_batch(
        "UPDATE partners SET status = 'active', terms_version = '2026-01', tax_status = 'w9', tax_form_expires = NULL,
                payout_method = 'paypal', payout_email = email, payout_currency = (SELECT base_currency FROM program);
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2)
         INSERT INTO conversions (source, external_id, kind, occurred_at, amount_minor, currency, product, partner_id,
                                  attribution, computed_at, created_at)
         SELECT 'shop', 'ord_' || p.id || '_' || n.i, 'sale', printf('2026-10-%02dT10:00:00Z', 3 + n.i * 9),
                9900 + n.i * 5000, (SELECT base_currency FROM program), 'Pro plan', p.id, 'referral_code', 'now', 'now'
           FROM partners p, n;
         INSERT INTO commissions (partner_id, conversion_id, line, kind, rule_id, base_minor, base_currency, rate,
                                  rounding, amount_minor, currency, state, due_on, created_at, updated_at)
         SELECT partner_id, id, 'direct', 'commission', 'base', amount_minor, currency, '0.3', 'half_up',
                amount_minor * 3 / 10, currency, 'approved', '2026-11-15', 'now', 'now' FROM conversions;
         UPDATE program SET minimum_payout_minor = 0;",
    )
    .map_err(BookError::from)?;
    tx.commit().map_err(BookError::from)?;
    let run = payouts::create(&mut book, "2026-11-30", Actor::User, &Quiet)?;
    payouts::approve(&mut book, run.id, Actor::User, &Quiet)?;
    Ok((book, run.id))
}

/// `chromium --headless --print-to-pdf` of `html`, `times` times, as many
/// at once as there are cores (our statements use them all too).
fn print_with_chromium(html: &Path, dir: &Path, times: u32) -> Option<u128> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok()
        })?;
    let parallel = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1) as u32;
    let url = format!("file://{}", html.display());
    let start = Instant::now();
    let mut done = 0;
    while done < times {
        let batch: Vec<_> = (done..times.min(done + parallel))
            .map(|i| {
                let profile = dir.join(format!("chromium-profile-{}", i % parallel));
                Command::new(browser)
                    .args([
                        "--headless",
                        "--disable-gpu",
                        "--no-sandbox",
                        "--no-pdf-header-footer",
                    ])
                    .arg(format!("--user-data-dir={}", profile.display()))
                    .arg(format!(
                        "--print-to-pdf={}",
                        dir.join(format!("chromium-{i}.pdf")).display()
                    ))
                    .arg(&url)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
            })
            .collect();
        for child in batch {
            child.ok()?.wait().ok()?;
        }
        done = times.min(done + parallel);
    }
    Some(start.elapsed().as_millis())
}

/// The same statement as a web page a manager might print.
fn html_statement(s: &Statement) -> String {
    let esc = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let rows: String = s
        .lines
        .iter()
        .map(|l| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
                esc(&l.date),
                esc(&l.reference),
                esc(&l.product),
                esc(&l.what),
                l.sale.map(|m| m.to_string()).unwrap_or_default(),
                esc(&l.rate),
                l.commission.format_amount()
            )
        })
        .collect();
    format!(
        "<!doctype html><meta charset=utf-8><title>Statement {number}</title>
<style>body{{font-family:'DejaVu Sans',sans-serif;font-size:10px;margin:40px}}h1{{font-size:20px;float:right}}
table{{width:100%;border-collapse:collapse;margin-top:24px}}th{{background:#2e338c;color:#fff;text-align:left;padding:4px}}
td{{padding:4px}}tr:nth-child(even){{background:#f3f4f8}}.n{{text-align:right}}footer{{position:fixed;bottom:0;font-size:7px;color:#666}}</style>
<h1>Commission statement</h1><h2>{business}</h2><p>Statement {number}<br>Date {date}<br>Period through {to}</p>
<p><b>{partner}</b><br>{email}</p><p>Paid to you <b>{paid}</b> by {method}<br>Year to date: earned {ytd_e}, paid {ytd_p}</p>
<table><tr><th>Date</th><th>Customer</th><th>Product</th><th>Line</th><th>Sale</th><th>Rate</th><th>Commission</th></tr>{rows}</table>
<p class=n>Commissions {commissions}<br>Balance <b>{balance}</b><br>Total paid <b>{paid}</b></p>
<footer>Payout run #{run} fingerprint (SHA-256) {fingerprint} — Page 1 of 1</footer>",
        number = esc(&s.number),
        business = esc(&s.letterhead.business_name),
        date = s.issued_on,
        to = s.period_to,
        partner = esc(&s.partner_name),
        email = esc(&s.partner_email),
        paid = s.paid,
        method = esc(&s.method),
        ytd_e = s.ytd_earned,
        ytd_p = s.ytd_paid,
        commissions = s.commissions,
        balance = s.balance,
        run = s.run_id,
        fingerprint = s.fingerprint,
    )
}
