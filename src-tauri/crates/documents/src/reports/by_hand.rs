//! The transfers of an approved run that no provider file makes (bank
//! transfers outside SEPA, other methods), as a PDF to pay from the bank:
//! payee, bank details, amount and the reference to quote, with a total
//! per currency and a box to tick for each. The CSV twin is the payouts
//! crate's `manual` format; both list the same payouts.

use crate::error::Result;
use crate::pdf::{finish, rgb, Face, Finish, Fonts, Page, A4_HEIGHT, A4_WIDTH};
use partnerbook_book::Book;
use partnerbook_payouts::files::{file_lines, FileLine, PaymentFormat};
use partnerbook_payouts::get_run;
use std::collections::BTreeMap;

/// What the list holds: the run and its transfers by hand, in partner order.
pub struct ByHand {
    pub run_id: i64,
    pub through: String,
    pub approved_on: String,
    pub fingerprint: String,
    pub program_name: String,
    pub lines: Vec<FileLine>,
}

pub fn by_hand(book: &Book, run_id: i64) -> Result<ByHand> {
    let run = get_run(book, run_id)?;
    let (lines, _) = file_lines(book.conn(), run_id)?;
    let program_name: String =
        book.conn()
            .query_row("SELECT program_name FROM program WHERE id = 1", [], |r| {
                r.get(0)
            })?;
    Ok(ByHand {
        run_id,
        through: run.through,
        approved_on: run
            .approved_at
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect(),
        fingerprint: run.fingerprint.unwrap_or_default(),
        program_name,
        lines: lines
            .into_iter()
            .filter(|l| PaymentFormat::Manual.excludes(l).is_none())
            .collect(),
    })
}

const LEFT: f32 = 40.0;
const RIGHT: f32 = A4_WIDTH - 40.0;
const TOP: f32 = A4_HEIGHT - 44.0;
const ROW: f32 = 30.0;
const BOTTOM: f32 = 70.0;

/// Writes the list of run `run_id` to `out` (atomically); returns how many
/// transfers it holds.
pub fn write(book: &Book, run_id: i64, out: &std::path::Path) -> Result<usize> {
    partnerbook_payouts::ensure_untampered(book.conn(), run_id)?;
    let list = by_hand(book, run_id)?;
    let pdf = render(&list, &Fonts::load()?);
    partnerbook_book::files::write_atomically(out, &pdf)?;
    Ok(list.lines.len())
}

pub fn render(list: &ByHand, fonts: &Fonts) -> Vec<u8> {
    let ink = rgb(0.10, 0.11, 0.14);
    let muted = rgb(0.42, 0.44, 0.50);
    let accent = rgb(0.18, 0.20, 0.55);
    let white = rgb(1.0, 1.0, 1.0);
    let zebra = rgb(0.955, 0.96, 0.975);
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page::new(fonts);
    let head = |page: &mut Page, first: bool| -> f32 {
        let mut y = TOP;
        if first {
            page.text(Face::Bold, 15.0, LEFT, y, &accent, &list.program_name);
            page.text_right(
                Face::Bold,
                15.0,
                RIGHT,
                y,
                &ink,
                "Transfers to make by hand",
            );
            y -= 16.0;
            page.text_right(
                Face::Regular,
                8.5,
                RIGHT,
                y,
                &muted,
                &format!(
                    "Payout run #{} through {} · approved {} · no provider file pays these",
                    list.run_id, list.through, list.approved_on
                ),
            );
            y -= 22.0;
        }
        page.fill(LEFT, y - 16.0, RIGHT - LEFT, 16.0, &accent);
        for (x, label) in [
            (LEFT + 22.0, "Payee"),
            (LEFT + 190.0, "Account and bank"),
            (LEFT + 400.0, "Reference"),
        ] {
            page.text(Face::Bold, 8.0, x, y - 11.0, &white, label);
        }
        page.text_right(Face::Bold, 8.0, RIGHT - 6.0, y - 11.0, &white, "Amount");
        y - 18.0
    };
    let mut y = head(&mut page, true);
    for (i, l) in list.lines.iter().enumerate() {
        if y - ROW < BOTTOM {
            pages.push(std::mem::replace(&mut page, Page::new(fonts)));
            y = head(&mut page, false);
        }
        if i % 2 == 1 {
            page.fill(LEFT, y - ROW + 4.0, RIGHT - LEFT, ROW, &zebra);
        }
        // A box to tick once the transfer is made.
        page.fill(LEFT + 6.0, y - 14.0, 9.0, 9.0, &muted);
        page.fill(LEFT + 6.8, y - 13.2, 7.4, 7.4, &white);
        let fit = |face, size, max, text: &str| fonts.fit(face, size, max, text);
        page.text(
            Face::Bold,
            9.0,
            LEFT + 22.0,
            y - 10.0,
            &ink,
            &fit(Face::Bold, 9.0, 160.0, &l.name),
        );
        page.text(
            Face::Regular,
            7.5,
            LEFT + 22.0,
            y - 20.0,
            &muted,
            &fit(Face::Regular, 7.5, 160.0, &l.email),
        );
        let account = if l.method == "iban" {
            spaced(&l.account)
        } else {
            l.account.clone()
        };
        page.text(
            Face::Regular,
            9.0,
            LEFT + 190.0,
            y - 10.0,
            &ink,
            &fit(Face::Regular, 9.0, 200.0, &account),
        );
        let bank = if l.bic.is_empty() {
            method_name(&l.method)
        } else {
            format!("BIC {}", l.bic)
        };
        page.text(Face::Regular, 7.5, LEFT + 190.0, y - 20.0, &muted, &bank);
        page.text(Face::Regular, 9.0, LEFT + 400.0, y - 10.0, &ink, &l.token);
        page.text_right(
            Face::Bold,
            9.0,
            RIGHT - 6.0,
            y - 10.0,
            &ink,
            &l.pay.to_string(),
        );
        y -= ROW;
    }
    // Totals per currency, to check against the bank's statement.
    let mut totals: BTreeMap<&str, (i64, u32, partnerbook_book::money::Currency)> = BTreeMap::new();
    for l in &list.lines {
        let t = totals
            .entry(l.pay.currency.code())
            .or_insert((0, 0, l.pay.currency));
        t.0 += l.pay.minor;
        t.1 += 1;
    }
    if y - 18.0 * (totals.len() as f32 + 1.0) < BOTTOM {
        pages.push(std::mem::replace(&mut page, Page::new(fonts)));
        y = TOP;
    }
    y -= 8.0;
    page.rule(RIGHT - 220.0, RIGHT, y, 0.8, &ink);
    for (count, money) in totals
        .into_values()
        .map(|(minor, n, c)| (n, partnerbook_book::money::Money::new(minor, c)))
    {
        y -= 14.0;
        page.text(
            Face::Regular,
            9.0,
            RIGHT - 220.0,
            y,
            &muted,
            &format!(
                "{count} transfer{} in {}",
                if count == 1 { "" } else { "s" },
                money.currency
            ),
        );
        page.text_right(Face::Bold, 9.0, RIGHT - 6.0, y, &ink, &money.to_string());
    }
    if list.lines.is_empty() {
        page.text(
            Face::Regular,
            9.0,
            LEFT,
            y - 14.0,
            &muted,
            "Nothing to pay by hand: every payout is in a provider's file.",
        );
    }
    pages.push(page);
    finish(
        fonts,
        pages,
        &Finish {
            footer: &format!(
                "Payout run #{} fingerprint (SHA-256) {}",
                list.run_id, list.fingerprint
            ),
            title: &format!("Transfers to make by hand, payout run #{}", list.run_id),
            author: &list.program_name,
            day: if list.approved_on.is_empty() {
                &list.through
            } else {
                &list.approved_on
            },
            key: &format!("by-hand:{}:{}", list.run_id, list.fingerprint),
        },
    )
}

/// "PL61 1090 1014 0000 0712 1981 2874": an IBAN in groups of four, as banks print it.
fn spaced(iban: &str) -> String {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

fn method_name(method: &str) -> String {
    partnerbook_partners::PayoutMethod::parse(method)
        .map(partnerbook_partners::payout_method::method_name)
        .unwrap_or("Other")
        .to_string()
}
