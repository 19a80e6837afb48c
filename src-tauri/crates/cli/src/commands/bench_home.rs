//! `bench home`: the home screen's queries on a real book, through the core
//! as the app calls them; "this month" is the latest month with sales.
//! Wall-clock figures, printed, never asserted.

use crate::error::CliResult;
use crate::output;
use partnerbook_core::dashboard;
use partnerbook_core::time::today;
use partnerbook_core::Book;
use serde::Serialize;
use std::time::{Duration, Instant};

#[derive(Serialize)]
struct Timing {
    what: String,
    runs: usize,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
}

fn time(what: String, runs: usize, mut call: impl FnMut() -> CliResult) -> CliResult<Timing> {
    call()?; // warm the page cache as an open app has it
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        call()?;
        times.push(start.elapsed());
    }
    times.sort();
    let at =
        |pct: usize| times[(times.len() * pct / 100).min(times.len() - 1)].as_secs_f64() * 1000.0;
    Ok(Timing {
        what,
        runs,
        p50_ms: at(50),
        p95_ms: at(95),
        max_ms: at(100),
    })
}

pub fn run(book: &Book, runs: usize, json: bool) -> CliResult {
    let runs = runs.max(1);
    // The latest month that holds sales: the book's "this month".
    let latest: Option<String> = book
        .conn()
        .query_row(
            "SELECT max(span) FROM totals WHERE partner_id = -1 AND length(span) = 7 AND sales > 0",
            [],
            |r| r.get(0),
        )
        .map_err(partnerbook_core::BookError::from)?;
    let Some(latest) = latest else {
        println!("the book has no sales: nothing to time");
        return Ok(());
    };
    let month = dashboard::period::Month::parse(&latest, "month")?;
    let january = format!("{}-01", month.year());
    let last = month.plus(-1).key();
    let periods = [
        ("this month", latest.clone(), latest.clone()),
        ("last month", last.clone(), last.clone()),
        ("quarter", month.plus(-2).key(), latest.clone()),
        ("year", january, latest.clone()),
        ("12 months to last month", month.plus(-12).key(), last),
    ];
    let mut out = Vec::new();
    for (name, from, to) in periods {
        out.push(time(
            format!("home, {name} ({from} to {to})"),
            runs,
            || {
                dashboard::home(book, &from, &to, None)?;
                Ok(())
            },
        )?);
    }
    use partnerbook_core::partners::search::{search, PartnerQuery, PartnerSort};
    let mut first_page = Vec::new();
    for (name, sort, descending, offset) in [
        ("name", PartnerSort::Name, false, 0),
        ("revenue, most first", PartnerSort::Revenue, true, 0),
        ("commission, most first", PartnerSort::Commission, true, 0),
        ("revenue, least first", PartnerSort::Revenue, false, 0),
        (
            "revenue, most first, rows 50,001-50,100",
            PartnerSort::Revenue,
            true,
            50_000,
        ),
    ] {
        let q = PartnerQuery {
            sort,
            descending,
            offset,
            limit: 100,
            ..Default::default()
        };
        out.push(time(format!("partner list by {name}"), runs, || {
            let page = search(book, &q)?;
            if offset == 0 && first_page.is_empty() {
                first_page = page.rows.iter().map(|r| r.id).collect();
            }
            Ok(())
        })?);
    }
    // Money filters: each an id set read once per page asked for.
    let filters = [
        (
            "balance due",
            PartnerQuery {
                balance_due: Some(true),
                ..Default::default()
            },
        ),
        (
            "no sale in 3 months",
            PartnerQuery {
                idle_months: Some(3),
                ..Default::default()
            },
        ),
        (
            "revenue at least 1,000.00",
            PartnerQuery {
                min_revenue_minor: Some(100_000),
                ..Default::default()
            },
        ),
        (
            "refunds at least 10%, by revenue",
            PartnerQuery {
                min_refund_percent: Some(10),
                sort: PartnerSort::Revenue,
                descending: true,
                ..Default::default()
            },
        ),
    ];
    for (name, q) in filters {
        let mut matched = 0;
        let timing = time(format!("partner list, {name}"), runs, || {
            matched = search(book, &q)?.total;
            Ok(())
        })?;
        out.push(Timing {
            what: format!("{} ({matched} match)", timing.what),
            ..timing
        });
    }
    let day = today();
    out.push(time(
        format!("money columns of {} partners", first_page.len()),
        runs,
        || {
            dashboard::partner_money(book.conn(), &first_page, day)?;
            Ok(())
        },
    )?);
    out.push(time(
        format!("attention (next run through {day})"),
        runs.div_ceil(3),
        || {
            dashboard::attention(book, day)?;
            Ok(())
        },
    )?);
    // The tax year of the latest payment: its list and its 1099-NEC CSV.
    let paid_year: Option<i32> = book
        .conn()
        .query_row(
            "SELECT CAST(substr(max(settled_at), 1, 4) AS INTEGER) FROM payouts WHERE status = 'paid'",
            [],
            |r| r.get(0),
        )
        .map_err(partnerbook_core::BookError::from)?;
    match paid_year {
        Some(year) => {
            use partnerbook_core::reports::tax_year;
            let mut payees = 0;
            out.push(time(format!("tax year {year}"), runs, || {
                payees = tax_year::tax_year(book, year)?.rows.len();
                Ok(())
            })?);
            let t = tax_year::tax_year(book, year)?;
            out.push(time(
                format!("tax year {year}, 1099-NEC CSV of {payees} payees"),
                runs,
                || {
                    tax_year::to_csv(
                        book.conn(),
                        &t,
                        partnerbook_core::partners::tin::Tins::Masked,
                    )?;
                    Ok(())
                },
            )?);
        }
        None => eprintln!("no payout is paid: the tax year is not timed"),
    }
    if json {
        output::json(&out);
    } else {
        let partners = book.info()?.partner_count;
        println!("home screen on {} partners:", output::count(partners));
        for t in &out {
            println!(
                "  {:<48} p50 {:>8.1} ms · p95 {:>8.1} ms · max {:>8.1} ms  ({} runs)",
                t.what, t.p50_ms, t.p95_ms, t.max_ms, t.runs
            );
        }
    }
    Ok(())
}
