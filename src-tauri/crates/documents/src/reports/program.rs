//! The program report for a month, for the manager: sales and refunds,
//! commissions earned and given back, what was paid out, and the partners
//! who earned the most — as data and as a PDF.

use crate::error::{DocumentError, ErrorExt, Result};
use crate::pdf::{document, rgb, save, Face, Fonts, Page, A4_HEIGHT, A4_WIDTH};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::settings;
use partnerbook_book::Book;
use printpdf::{Mm, PdfPage};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many partners the top list shows.
const TOP: usize = 15;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TopPartner {
    pub partner_id: i64,
    pub name: String,
    pub sales: u32,
    pub commission: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramReport {
    /// "YYYY-MM".
    pub period: String,
    pub program_name: String,
    pub business_name: String,
    /// Sales and renewals in the month.
    pub sales: u32,
    /// Their amounts, per currency.
    pub revenue: Vec<Money>,
    pub refunds: u32,
    pub refunded: Vec<Money>,
    /// Commission lines of the month's conversions (and bonuses due in it),
    /// not declined or reversed, in the program currency.
    pub commissions: Money,
    /// Reversals and clawbacks in the month (negative).
    pub given_back: Money,
    /// Partners who earned anything in the month.
    pub earning_partners: u32,
    /// Paid out by runs approved in the month.
    pub paid_out: Money,
    pub top: Vec<TopPartner>,
}

/// The report for `period` ("YYYY-MM").
pub fn program(book: &Book, period: &str) -> Result<ProgramReport> {
    let month =
        chrono::NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").map_err(|_| {
            DocumentError::invalid(
                "period",
                format!("\"{period}\" is not a month like 2026-10"),
            )
        })?;
    let period = month.format("%Y-%m").to_string();
    let conn = book.conn();
    let s = settings::get(conn)?;
    let base = s.base_currency;
    let per_currency = |kinds: &str| -> Result<(u32, Vec<Money>)> {
        let mut stmt = conn.prepare(&format!(
            "SELECT currency, count(*), sum(amount_minor) FROM conversions
              WHERE kind IN ({kinds}) AND substr(occurred_at, 1, 7) = ?1 GROUP BY currency ORDER BY currency"
        ))?;
        let rows: Vec<(String, u32, i64)> = stmt
            .query_map([&period], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let count = rows.iter().map(|r| r.1).sum();
        let amounts = rows
            .into_iter()
            .map(|(c, _, m)| Ok(Money::new(m, Currency::from_code(&c)?)))
            .collect::<Result<_>>()?;
        Ok((count, amounts))
    };
    let (sales, revenue) = per_currency("'sale', 'recurring'")?;
    let (refunds, refunded) = per_currency("'refund', 'chargeback'")?;
    // A line belongs to the month of its conversion, or of its due day when
    // it has none (target bonuses).
    let in_month = "substr(coalesce(c.occurred_at, k.due_on), 1, 7) = ?1";
    let (commissions, given_back, earning): (i64, i64, u32) = conn.query_row(
        &format!(
            "SELECT coalesce(sum(k.amount_minor) FILTER (WHERE k.kind IN ('commission', 'two_tier', 'bonus')), 0),
                    coalesce(sum(k.amount_minor) FILTER (WHERE k.kind IN ('reversal', 'clawback')), 0),
                    count(DISTINCT k.partner_id) FILTER (WHERE k.kind IN ('commission', 'two_tier', 'bonus'))
               FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
              WHERE k.state NOT IN ('declined', 'reversed') AND k.amount_minor IS NOT NULL AND {in_month}"
        ),
        [&period],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let paid_out: i64 = conn.query_row(
        "SELECT coalesce(sum(p.balance_minor), 0) FROM payouts p JOIN payout_runs r ON r.id = p.run_id
          WHERE p.status = 'paid' AND substr(r.approved_at, 1, 7) = ?1",
        [&period],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT k.partner_id, pa.name, count(DISTINCT c.id) FILTER (WHERE c.kind IN ('sale', 'recurring')),
                sum(k.amount_minor)
           FROM commissions k JOIN partners pa ON pa.id = k.partner_id
           LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.state NOT IN ('declined', 'reversed') AND k.amount_minor IS NOT NULL AND {in_month}
          GROUP BY k.partner_id ORDER BY sum(k.amount_minor) DESC, pa.sort_key LIMIT {TOP}"
    ))?;
    let top = stmt
        .query_map([&period], |r| {
            Ok(TopPartner {
                partner_id: r.get(0)?,
                name: r.get(1)?,
                sales: r.get(2)?,
                commission: Money::new(r.get(3)?, base),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ProgramReport {
        period,
        program_name: s.program_name,
        business_name: s.business_name,
        sales,
        revenue,
        refunds,
        refunded,
        commissions: Money::new(commissions, base),
        given_back: Money::new(given_back, base),
        earning_partners: earning,
        paid_out: Money::new(paid_out, base),
        top,
    })
}

/// The report as a one-page PDF.
pub fn render(r: &ProgramReport, fonts: &Fonts) -> Vec<u8> {
    let (left, right, top) = (48.0, A4_WIDTH - 48.0, A4_HEIGHT - 48.0);
    let ink = rgb(0.10, 0.11, 0.14);
    let muted = rgb(0.42, 0.44, 0.50);
    let accent = rgb(0.18, 0.20, 0.55);
    let white = rgb(1.0, 1.0, 1.0);
    let zebra = rgb(0.955, 0.96, 0.975);
    let mut page = Page::new(fonts);
    let heading = if r.business_name.is_empty() {
        &r.program_name
    } else {
        &r.business_name
    };
    page.text(Face::Bold, 15.0, left, top - 4.0, &accent, heading);
    page.text_right(Face::Bold, 17.0, right, top - 4.0, &ink, "Program report");
    page.text_right(
        Face::Regular,
        9.0,
        right,
        top - 20.0,
        &muted,
        &format!("{} · {}", r.program_name, r.period),
    );
    // Amounts in several currencies stand one a line, so none is cut.
    let list = |m: &[Money]| -> Vec<String> {
        if m.is_empty() {
            vec!["—".to_string()]
        } else {
            m.iter().map(ToString::to_string).collect()
        }
    };
    let mut refunds = list(&r.refunded);
    refunds[0] = match r.refunded.is_empty() {
        true => r.refunds.to_string(),
        false => format!("{} · {}", r.refunds, refunds[0]),
    };
    let one = |v: String| vec![v];
    let figures = [
        ("Sales and renewals", one(r.sales.to_string())),
        ("Revenue", list(&r.revenue)),
        ("Refunds and chargebacks", refunds),
        ("Commissions earned", one(r.commissions.to_string())),
        (
            "Given back (refunds, clawbacks)",
            one(r.given_back.to_string()),
        ),
        ("Partners who earned", one(r.earning_partners.to_string())),
        (
            "Paid out by runs approved this month",
            one(r.paid_out.to_string()),
        ),
    ];
    let mut y = top - 60.0;
    for (label, lines) in figures {
        page.text(Face::Regular, 10.0, left, y, &muted, label);
        for (k, value) in lines.iter().enumerate() {
            let at = y - k as f32 * 13.0;
            let value = fonts.fit(Face::Bold, 10.0, 260.0, value);
            page.text_right(Face::Bold, 10.0, right, at, &ink, &value);
        }
        y -= 18.0 + (lines.len() - 1) as f32 * 13.0;
    }
    y -= 16.0;
    page.text(
        Face::Bold,
        11.0,
        left,
        y,
        &ink,
        "Top partners by commission",
    );
    y -= 10.0;
    page.fill(left, y - 16.0, right - left, 16.0, &accent);
    page.text(Face::Bold, 8.0, left + 6.0, y - 11.0, &white, "Partner");
    page.text_right(Face::Bold, 8.0, right - 120.0, y - 11.0, &white, "Sales");
    page.text_right(
        Face::Bold,
        8.0,
        right - 6.0,
        y - 11.0,
        &white,
        &format!("Commission {}", r.commissions.currency),
    );
    y -= 18.0;
    for (i, p) in r.top.iter().enumerate() {
        if i % 2 == 1 {
            page.fill(left, y - 11.0, right - left, 15.0, &zebra);
        }
        page.text(
            Face::Regular,
            9.0,
            left + 6.0,
            y - 7.0,
            &ink,
            &fonts.fit(Face::Regular, 9.0, 300.0, &p.name),
        );
        page.text_right(
            Face::Regular,
            9.0,
            right - 120.0,
            y - 7.0,
            &ink,
            &p.sales.to_string(),
        );
        page.text_right(
            Face::Regular,
            9.0,
            right - 6.0,
            y - 7.0,
            &ink,
            &p.commission.format_amount(),
        );
        y -= 15.0;
    }
    if r.top.is_empty() {
        page.text(
            Face::Regular,
            9.0,
            left + 6.0,
            y - 7.0,
            &muted,
            "No commissions this month.",
        );
    }
    page.text(
        Face::Regular,
        7.0,
        left,
        40.0,
        &muted,
        "Partnerbook · figures from the book, exact to the minor unit",
    );
    let day = format!("{}-01", r.period);
    let mut doc = document(
        fonts,
        &format!("Program report {}", r.period),
        heading,
        &day,
    );
    doc.with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), page.ops)]);
    save(
        &doc,
        &format!("program-report:{}:{}", r.program_name, r.period),
    )
}
