//! Every partner's sums over a period in one pass over `totals`, kept in
//! columns indexed by partner id (ids are dense small integers): a year of
//! a 100,000-partner book is ~160,000 rows, and a hash map entry and a
//! string per row cost more than reading the row.

use crate::error::Result;
use crate::period::{sql_spans, Period};
use partnerbook_book::money::{Currency, Money};
use rusqlite::Connection;

/// Per partner id: counts, and amounts per currency (`currencies[i]` is
/// the currency of `revenue[i]` and `commission[i]`).
pub(crate) struct Sums {
    pub currencies: Vec<String>,
    pub sales: Vec<i64>,
    pub refunds: Vec<i64>,
    pub revenue: Vec<Vec<i64>>,
    pub commission: Vec<Vec<i64>>,
    /// Partners with a row in the period, in id order.
    pub present: Vec<i64>,
    seen: Vec<bool>,
}

impl Sums {
    pub fn read(conn: &Connection, period: Period) -> Result<Sums> {
        let top: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM partners", [], |r| {
            r.get(0)
        })?;
        let n = top as usize + 1;
        let mut s = Sums {
            currencies: Vec::new(),
            sales: vec![0; n],
            refunds: vec![0; n],
            revenue: Vec::new(),
            commission: Vec::new(),
            present: Vec::new(),
            seen: vec![false; n],
        };
        let (spans, sign) = sql_spans(&period.spans(conn)?);
        let mut stmt = conn.prepare(&format!(
            "SELECT partner_id, currency, {sign}, sales, revenue_minor, refunds, earned_minor + given_back_minor
               FROM totals WHERE span IN ({spans}) AND partner_id > 0"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id = r.get::<_, i64>(0)? as usize;
            if id >= n {
                continue; // a partner deleted since; its sales count apart (partner 0)
            }
            let code = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let c = s.currency_index(code);
            let sign: i64 = r.get(2)?;
            s.sales[id] += sign * r.get::<_, i64>(3)?;
            s.revenue[c][id] += sign * r.get::<_, i64>(4)?;
            s.refunds[id] += sign * r.get::<_, i64>(5)?;
            s.commission[c][id] += sign * r.get::<_, i64>(6)?;
            if !s.seen[id] {
                s.seen[id] = true;
                s.present.push(id as i64);
            }
        }
        s.present.sort_unstable();
        Ok(s)
    }

    fn currency_index(&mut self, code: &str) -> usize {
        if let Some(i) = self.currencies.iter().position(|c| c == code) {
            return i;
        }
        let n = self.sales.len();
        self.currencies.push(code.to_string());
        self.revenue.push(vec![0; n]);
        self.commission.push(vec![0; n]);
        self.currencies.len() - 1
    }

    /// A partner's amounts in `column` as Money.
    pub fn money(&self, column: &[Vec<i64>], id: i64) -> Result<Vec<Money>> {
        let amounts: Vec<i64> = column.iter().map(|c| c[id as usize]).collect();
        self.amounts(&amounts)
    }

    /// Amounts indexed like `currencies` as Money, by currency code, zeros left out.
    pub fn amounts(&self, amounts: &[i64]) -> Result<Vec<Money>> {
        let mut out = Vec::new();
        for (code, &minor) in self.currencies.iter().zip(amounts) {
            if minor != 0 {
                out.push(Money::new(minor, Currency::from_code(code)?));
            }
        }
        out.sort_by(|a, b| a.currency.code().cmp(b.currency.code()));
        Ok(out)
    }
}
