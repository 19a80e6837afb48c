//! The home screen of a period in one answer, and what an empty book lacks.

use crate::charts::{partner_charts, trend, PartnerCharts, TrendPoint};
use crate::error::Result;
use crate::figures::{key_numbers, KeyNumbers};
use crate::funnel::{funnel, Funnel};
use crate::period::{Month, Period};
use partnerbook_book::Book;
use serde::Serialize;
use ts_rs::TS;

/// Partners need this many sales in the period to be ranked by refund rate,
/// unless the caller asks for another floor.
pub const REFUND_FLOOR: i64 = 10;

/// What a new book still needs, for the first screen's guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Setup {
    pub partners: i64,
    /// Sales and refunds ever recorded, attributed or not.
    pub sales: i64,
    /// A plan other than the untouched default exists.
    pub plan_set: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Home {
    /// "2026-11".
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    pub setup: Setup,
    pub numbers: KeyNumbers,
    pub trend: Vec<TrendPoint>,
    pub partners: PartnerCharts,
    pub funnel: Funnel,
}

/// The home screen for months `from` to `to` ("2026-11"); `floor` is the
/// refund-rate chart's minimum of sales (None: `REFUND_FLOOR`).
pub fn home(book: &Book, from: &str, to: &str, floor: Option<i64>) -> Result<Home> {
    let conn = book.conn();
    let period = Period::new(Month::parse(from, "from")?, Month::parse(to, "to")?)?;
    let before = period.previous();
    Ok(Home {
        from: period.from.key(),
        to: period.to.key(),
        previous_from: before.from.key(),
        previous_to: before.to.key(),
        setup: setup(book)?,
        numbers: key_numbers(conn, period)?,
        trend: trend(conn, period.to)?,
        partners: partner_charts(conn, period, floor.unwrap_or(REFUND_FLOOR))?,
        funnel: funnel(conn, period)?,
    })
}

fn setup(book: &Book) -> Result<Setup> {
    Ok(book.conn().query_row(
        "SELECT (SELECT count(*) FROM partners),
                (SELECT coalesce(sum(sales + refunds), 0) FROM totals WHERE span = '' AND partner_id <= 0),
                (SELECT count(*) FROM plans) > 1 OR (SELECT count(*) FROM plan_versions) > 1",
        [],
        |r| {
            Ok(Setup {
                partners: r.get(0)?,
                sales: r.get(1)?,
                plan_set: r.get(2)?,
            })
        },
    )?)
}
