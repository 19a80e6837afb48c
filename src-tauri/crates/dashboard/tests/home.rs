//! The home screen of a small program: sales, a refund and unattributed
//! sales imported as a shop writes them, read back per period.

use chrono::{NaiveDate, TimeZone, Utc};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::time::fix_clock;
use partnerbook_book::Book;
use partnerbook_dashboard::period::{Month, Period};
use partnerbook_dashboard::{attention, home};
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::from_code("EUR").unwrap())
}

fn new_book(dir: &std::path::Path) -> Book {
    partnerbook_ledger::plans::default::create_book(
        &dir.join("h.partnerbook"),
        &NewProgram {
            program_name: "H".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap()
}

/// Ana (Bloggers) and Ben (no group) approved in February 2026, Cy in
/// March; sales in February, March and April, a refund, two sales no
/// partner claims; commissions at the default plan's 20%.
fn book(dir: &std::path::Path) -> Book {
    let mut book = new_book(dir);
    let group = partnerbook_book::groups::add(&mut book, "Bloggers", "", Actor::User).unwrap();
    for (name, email, code, group, day) in [
        ("Ana Lima", "ana@example.org", "ANA", Some(group), 0),
        ("Ben Okoro", "ben@example.org", "BEN", None, 1),
        ("Cy Wu", "cy@example.org", "CY", None, 35),
    ] {
        let _clock = fix_clock(
            Utc.with_ymd_and_hms(2026, 2, 1, 9, 0, 0).unwrap() + chrono::Duration::days(day),
        );
        let mut p = PartnerInput::new(name, email);
        p.codes = vec![PartnerCode {
            kind: CodeKind::Referral,
            code: code.into(),
        }];
        p.group_id = group;
        partners::create(&mut book, &p, Actor::User).unwrap();
    }
    let file = dir.join("sales.csv");
    std::fs::write(
        &file,
        "id,kind,date,amount,currency,referral_code,customer,original_external_id\n\
         F1,sale,2026-02-10,60.00,EUR,ANA,c1,\n\
         S1,sale,2026-03-02,100.00,EUR,ANA,c2,\nS2,sale,2026-03-05,50.00,EUR,ANA,c3,\n\
         S3,sale,2026-03-06,80.00,EUR,BEN,c4,\nR1,refund,2026-03-10,40.00,EUR,,c2,S1\n\
         U1,sale,2026-03-07,30.00,EUR,NOPE,c5,\nU2,sale,2026-03-08,20.00,EUR,,c6,\n\
         S4,sale,2026-04-01,10.00,EUR,BEN,c4,\n",
    )
    .unwrap();
    import(
        &mut book,
        &file,
        &ConversionImportOptions::default(),
        &Quiet,
    )
    .unwrap();
    book
}

#[test]
fn a_month_beside_the_month_before() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let h = home(&book, "2026-03", "2026-03", Some(1)).unwrap();
    assert_eq!(
        (h.previous_from.as_str(), h.previous_to.as_str()),
        ("2026-02", "2026-02")
    );
    let n = &h.numbers;
    assert_eq!(n.revenue.now, vec![eur(23000)]);
    assert_eq!(n.revenue.before, vec![eur(6000)]);
    assert_eq!((n.sales.now, n.sales.before), (3, 1));
    assert_eq!(n.refunded.now, vec![eur(4000)]);
    assert_eq!(n.refunds.now, 1);
    assert_eq!(n.unattributed.now, vec![eur(5000)]);
    // 20% of each March sale; the refund's reversal given back.
    assert_eq!(n.earned.now, vec![eur(4600)]);
    assert_eq!(n.given_back.now.iter().map(|m| m.minor).sum::<i64>(), -800);
    // c2, c3 and c4 bought first in March; c5 and c6 belong to no partner.
    assert_eq!((n.new_customers.now, n.new_customers.before), (3, 1));
    assert_eq!((n.new_partners.now, n.new_partners.before), (1, 2));
    assert_eq!(n.active_partners, 3);

    let top = &h.partners.top;
    assert_eq!(top.len(), 1);
    let names: Vec<&str> = top[0].partners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Lima", "Ben Okoro"]);
    assert_eq!(top[0].partners[0].revenue, vec![eur(15000)]);
    let groups: Vec<(&str, i64)> = h
        .partners
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.revenue[0].minor))
        .collect();
    assert_eq!(groups, [("Bloggers", 15000), ("(no group)", 8000)]);
    let rates: Vec<(&str, i64, i64)> = h
        .partners
        .refund_rates
        .iter()
        .map(|r| (r.name.as_str(), r.sales, r.refunds))
        .collect();
    assert_eq!(rates, [("Ana Lima", 2, 1)]);

    assert_eq!(h.trend.len(), 12);
    assert_eq!(h.trend[0].month, "2025-04");
    let march = h.trend.last().unwrap();
    assert_eq!(
        (march.month.as_str(), march.revenue.clone()),
        ("2026-03", vec![eur(23000)])
    );
    assert_eq!(march.commission, vec![eur(3800)]);
    // Of the partners approved in March (Cy), none has sold yet.
    assert_eq!(
        (h.funnel.approved, h.funnel.first_sale, h.funnel.paid),
        (1, 0, 0)
    );
    let feb = home(&book, "2026-02", "2026-02", None).unwrap();
    assert_eq!((feb.funnel.approved, feb.funnel.first_sale), (2, 2));
}

#[test]
fn a_year_is_read_whole_or_less_its_other_months() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let m = |t: &str| Month::parse(t, "m").unwrap();
    // "-" marks a span taken out.
    let spans = |from: &str, to: &str| -> Vec<String> {
        Period::new(m(from), m(to))
            .unwrap()
            .spans(book.conn())
            .unwrap()
            .into_iter()
            .map(|s| {
                if s.sign < 0 {
                    format!("-{}", s.key)
                } else {
                    s.key
                }
            })
            .collect()
    };
    assert_eq!(spans("2026-01", "2026-12"), ["2026"]);
    assert_eq!(
        spans("2026-01", "2026-04"),
        ["2026"],
        "April holds the book's last sale"
    );
    assert_eq!(
        spans("2026-01", "2026-03"),
        ["2026-01", "2026-02", "2026-03"]
    );
    assert_eq!(
        spans("2025-11", "2027-01"),
        ["2025-11", "2025-12", "2026", "2027"]
    );
    // Most of a year: the year less the months outside the period.
    assert_eq!(
        spans("2025-05", "2026-02"),
        ["2025", "-2025-01", "-2025-02", "-2025-03", "-2025-04", "2026-01", "2026-02"]
    );
    assert_eq!(
        spans("2026-02", "2026-11"),
        ["2026", "-2026-01", "-2026-12"]
    );
    // Whichever spans, the numbers are the same as month by month.
    let whole = home(&book, "2026-01", "2026-12", None).unwrap();
    let months = home(&book, "2026-01", "2026-04", None).unwrap();
    assert_eq!(whole.numbers.revenue.now, vec![eur(30000)]);
    assert_eq!(whole.numbers.revenue.now, months.numbers.revenue.now);
    assert_eq!(whole.partners, months.partners);
    let less = home(&book, "2026-03", "2026-11", Some(1)).unwrap();
    let march_april = home(&book, "2026-03", "2026-04", Some(1)).unwrap();
    assert_eq!(
        less.numbers.revenue.now,
        vec![eur(24000)],
        "all but February's 60.00"
    );
    assert_eq!(less.numbers.revenue.now, march_april.numbers.revenue.now);
    assert_eq!(less.numbers.earned.now, march_april.numbers.earned.now);
    assert_eq!(less.partners, march_april.partners);
}

#[test]
fn an_empty_book_says_what_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let book = new_book(dir.path());
    let h = home(&book, "2026-03", "2026-03", None).unwrap();
    assert_eq!(
        (h.setup.partners, h.setup.sales, h.setup.plan_set),
        (0, 0, false)
    );
    assert!(h.numbers.revenue.now.is_empty());
    assert!(h.partners.top.is_empty());
    assert!(h.trend.iter().all(|p| p.revenue.is_empty()));
    assert!(
        home(&book, "2026-03", "2026-02", None).is_err(),
        "a period that ends before it starts"
    );
    assert!(home(&book, "March", "2026-03", None).is_err());
}

#[test]
fn attention_counts_what_waits_today() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let a = attention(&book, NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()).unwrap();
    // Nothing approved yet: every line is pending, net of the reversal.
    let pending: i64 = a.pending.iter().map(|m| m.minor).sum();
    assert_eq!(pending, 1200 + 2000 + 1000 + 1600 + 200 - 800);
    assert!(a.approved.is_empty());
    assert_eq!(a.next_run.through, "2026-04-02");
    assert_eq!(a.applications_waiting, 0);
    assert_eq!(a.outbox_failed, 0);
}

#[test]
fn the_partner_list_shows_and_sorts_by_money() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let ids: Vec<i64> = book
        .conn()
        .prepare("SELECT id FROM partners ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    let money = partnerbook_dashboard::partner_money(book.conn(), &ids, today).unwrap();
    let (ana, ben, cy) = (&money[0], &money[1], &money[2]);
    assert_eq!(ana.revenue, vec![eur(21000)]);
    // 20% of each sale, less the refund's reversal.
    assert_eq!(ana.commission, vec![eur(4200 - 800)]);
    // 30 days to March 12 start on February 11: F1 is out.
    assert_eq!(ana.revenue_30d, vec![eur(15000)]);
    assert_eq!(ana.commission_30d, vec![eur(3000 - 800)]);
    assert_eq!(ana.last_sale.as_deref(), Some("2026-03-05"));
    assert_eq!((ana.sales, ana.refunds, ana.customers), (3, 1, 3));
    assert!(ana.balance_due.is_empty(), "nothing approved yet");
    assert_eq!(ben.revenue, vec![eur(9000)]);
    assert_eq!(ben.last_sale.as_deref(), Some("2026-04-01"));
    assert_eq!(
        *cy,
        partnerbook_dashboard::PartnerMoney {
            partner_id: cy.partner_id,
            ..Default::default()
        }
    );

    use partnerbook_partners::search::{search, PartnerQuery, PartnerSort};
    let names = |sort: PartnerSort, descending: bool, text: &str| -> Vec<String> {
        let q = PartnerQuery {
            sort,
            descending,
            text: text.into(),
            ..Default::default()
        };
        search(&book, &q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(
        names(PartnerSort::Revenue, true, ""),
        ["Ana Lima", "Ben Okoro", "Cy Wu"]
    );
    assert_eq!(
        names(PartnerSort::Revenue, false, ""),
        ["Cy Wu", "Ben Okoro", "Ana Lima"]
    );
    assert_eq!(
        names(PartnerSort::Commission, true, ""),
        ["Ana Lima", "Ben Okoro", "Cy Wu"]
    );
    // Searching keeps the order among the matches.
    assert_eq!(
        names(PartnerSort::Revenue, false, "example"),
        ["Cy Wu", "Ben Okoro", "Ana Lima"]
    );
    assert_eq!(names(PartnerSort::Commission, true, "ben"), ["Ben Okoro"]);
}

#[test]
fn the_partner_list_filters_by_money() {
    use partnerbook_partners::search::{search, PartnerQuery, PartnerSort};
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let _clock = fix_clock(Utc.with_ymd_and_hms(2026, 4, 15, 9, 0, 0).unwrap());
    let found = |book: &Book, q: PartnerQuery| -> (u64, Vec<String>) {
        let page = search(book, &q).unwrap();
        (page.total, page.rows.into_iter().map(|r| r.name).collect())
    };
    let by_name = PartnerQuery {
        sort: PartnerSort::Name,
        ..Default::default()
    };
    // Ana: 210.00 of sales, one refund in three; Ben: 90.00, none; Cy: nothing.
    let q = PartnerQuery {
        min_revenue_minor: Some(10_000),
        ..by_name.clone()
    };
    assert_eq!(found(&book, q), (1, vec!["Ana Lima".into()]));
    let refunds = |percent| PartnerQuery {
        min_refund_percent: Some(percent),
        ..by_name.clone()
    };
    assert_eq!(found(&book, refunds(30)), (1, vec!["Ana Lima".into()]));
    assert_eq!(found(&book, refunds(34)), (0, vec![]));
    // April 15: Ben sold this month; Ana last in March; Cy never.
    let idle = |months| PartnerQuery {
        idle_months: Some(months),
        ..by_name.clone()
    };
    assert_eq!(
        found(&book, idle(1)),
        (2, vec!["Ana Lima".into(), "Cy Wu".into()])
    );
    assert_eq!(found(&book, idle(2)), (1, vec!["Cy Wu".into()]));
    // With a search, and in money order.
    let q = PartnerQuery {
        text: "example".into(),
        ..idle(1)
    };
    assert_eq!(found(&book, q).0, 2);
    let q = PartnerQuery {
        sort: PartnerSort::Revenue,
        descending: true,
        ..idle(1)
    };
    assert_eq!(
        found(&book, q),
        (2, vec!["Ana Lima".into(), "Cy Wu".into()])
    );
    // Balance due: nothing approved yet, then all of it.
    let due = PartnerQuery {
        balance_due: Some(true),
        ..by_name.clone()
    };
    assert_eq!(found(&book, due.clone()), (0, vec![]));
    partnerbook_ledger::commissions::approve_due(&mut book, "2026-12-31", Actor::User).unwrap();
    assert_eq!(
        found(&book, due.clone()),
        (2, vec!["Ana Lima".into(), "Ben Okoro".into()])
    );
    // Filters add up: due and idle for a month.
    let q = PartnerQuery {
        idle_months: Some(1),
        ..due
    };
    assert_eq!(found(&book, q), (1, vec!["Ana Lima".into()]));
}
