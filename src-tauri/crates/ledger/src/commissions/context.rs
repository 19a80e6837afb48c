//! What the engine and the what-if look up for every conversion, each read
//! once per run and kept in memory: partners (active, parent, plan), plan
//! versions and their compiled rules, FX rates per day, and each partner's
//! running month (tiers and bonuses depend on what came before).

use super::compute::{self, Facts, Line};
use super::month;
use crate::conversions::ConversionKind;
use crate::error::Result;
use crate::fx::{self, FxRate};
use crate::plans;
use crate::plans::compile::{compile, CompiledRule};
use crate::plans::MAX_LEVELS;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::settings::{self, ProgramSettings};
use partnerbook_book::time::parse_stamp;
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::rc::Rc;

/// One conversion as the engine and the what-if read it.
pub(crate) struct Todo {
    pub id: i64,
    pub kind: ConversionKind,
    pub occurred_at: DateTime<Utc>,
    pub amount_minor: i64,
    pub currency: Option<Currency>,
    pub quantity: u32,
    pub product: String,
    pub partner_id: i64,
    pub original_id: Option<i64>,
    pub first_sale_at: Option<DateTime<Utc>>,
}

/// The columns `Todo::from_row` reads, for `FROM conversions c`.
pub(crate) const TODO_COLUMNS: &str = "c.id, c.kind, c.occurred_at, c.amount_minor, c.currency, c.quantity, c.product,
    c.partner_id, c.original_id, (SELECT cu.first_sale_at FROM customers cu WHERE cu.id = c.customer_id)";

impl Todo {
    pub fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Todo> {
        Ok(Todo {
            id: r.get(0)?,
            kind: ConversionKind::parse(&r.get::<_, String>(1)?).unwrap_or(ConversionKind::Sale),
            occurred_at: parse_stamp(&r.get::<_, String>(2)?).unwrap_or_default(),
            amount_minor: r.get(3)?,
            currency: r.get(4)?,
            quantity: r.get(5)?,
            product: r.get(6)?,
            partner_id: r.get(7)?,
            original_id: r.get(8)?,
            first_sale_at: r
                .get::<_, Option<String>>(9)?
                .as_deref()
                .and_then(parse_stamp),
        })
    }
}

#[derive(Clone, Copy)]
struct PartnerFacts {
    active: bool,
    parent_id: Option<i64>,
    plan_id: Option<i64>,
}

/// Rules that replace a plan's own versions (the what-if's scenario).
pub(crate) struct Scenario {
    /// The plan whose partners use `rules`; None: every partner.
    pub plan_id: Option<i64>,
    pub rules: Rc<Vec<CompiledRule>>,
}

/// Compiled rules and the plan version they come from (None: the scenario's).
pub(crate) type InForce = (Option<i64>, Rc<Vec<CompiledRule>>);

/// A (partner, year, month) and the sales and renewals counted in it so
/// far: when, and their value in the base currency.
type MonthKey = (i64, i32, u32);

pub(crate) struct Context<'c> {
    conn: &'c Connection,
    pub settings: ProgramSettings,
    partners: HashMap<i64, PartnerFacts>,
    versions: HashMap<i64, Vec<(NaiveDate, i64)>>,
    rules: HashMap<i64, Rc<Vec<CompiledRule>>>,
    fx: HashMap<(NaiveDate, Currency), Option<FxRate>>,
    months: HashMap<MonthKey, MonthTally>,
    /// Whether months start from what the book already computed (the
    /// engine) or empty (the what-if replays whole months itself).
    months_from_book: bool,
    scenario: Option<Scenario>,
}

impl<'c> Context<'c> {
    pub fn for_engine(conn: &'c Connection) -> Result<Context<'c>> {
        Ok(Context {
            conn,
            settings: settings::get(conn)?,
            partners: HashMap::new(),
            versions: HashMap::new(),
            rules: HashMap::new(),
            fx: HashMap::new(),
            months: HashMap::new(),
            months_from_book: true,
            scenario: None,
        })
    }

    pub fn for_scenario(conn: &'c Connection, scenario: Scenario) -> Result<Context<'c>> {
        let mut ctx = Context::for_engine(conn)?;
        ctx.months_from_book = false;
        ctx.scenario = Some(scenario);
        Ok(ctx)
    }

    pub fn base(&self) -> Currency {
        self.settings.base_currency
    }

    fn partner(&mut self, id: i64) -> Result<Option<PartnerFacts>> {
        if let Some(p) = self.partners.get(&id) {
            return Ok(Some(*p));
        }
        let found = self
            .conn
            .prepare_cached(
                "SELECT p.status = 'active', p.parent_id,
                        coalesce(p.plan_id, g.plan_id, (SELECT default_plan_id FROM program WHERE id = 1))
                   FROM partners p LEFT JOIN groups g ON g.id = p.group_id WHERE p.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(PartnerFacts {
                    active: r.get(0)?,
                    parent_id: r.get(1)?,
                    plan_id: r.get(2)?,
                })
            })
            .optional()?;
        if let Some(p) = found {
            self.partners.insert(id, p);
        }
        Ok(found)
    }

    pub fn is_active(&mut self, id: i64) -> Result<bool> {
        Ok(self.partner(id)?.is_some_and(|p| p.active))
    }

    /// The partner's ancestors up the chain of parents, level 1 (the
    /// parent) first, as far as two-tier rules reach; an inactive one earns
    /// nothing (None) but the chain goes on above them.
    pub fn active_ancestors(&mut self, id: i64) -> Result<Vec<Option<i64>>> {
        let mut out = Vec::new();
        let mut at = id;
        while out.len() < MAX_LEVELS as usize {
            let Some(parent) = self.partner(at)?.and_then(|p| p.parent_id) else {
                break;
            };
            if parent == id || out.contains(&Some(parent)) {
                break;
            }
            out.push(self.is_active(parent)?.then_some(parent));
            at = parent;
        }
        Ok(out)
    }

    /// The rules in force for a partner on `day`, and the version they come
    /// from (None for the scenario's rules).
    pub fn rules_for(&mut self, partner_id: i64, day: NaiveDate) -> Result<Option<InForce>> {
        let Some(plan_id) = self.partner(partner_id)?.and_then(|p| p.plan_id) else {
            return Ok(self
                .scenario
                .as_ref()
                .filter(|s| s.plan_id.is_none())
                .map(|s| (None, Rc::clone(&s.rules))));
        };
        if let Some(s) = &self.scenario {
            if s.plan_id.is_none_or(|p| p == plan_id) {
                return Ok(Some((None, Rc::clone(&s.rules))));
            }
        }
        if !self.versions.contains_key(&plan_id) {
            let versions = self
                .conn
                .prepare_cached(
                    "SELECT effective_from, id FROM plan_versions WHERE plan_id = ?1 ORDER BY effective_from",
                )?
                .query_map([plan_id], |r| {
                    let day: String = r.get(0)?;
                    Ok((
                        NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or_default(),
                        r.get(1)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            self.versions.insert(plan_id, versions);
        }
        let Some(version_id) = self.versions[&plan_id]
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .map(|(_, id)| *id)
        else {
            return Ok(None);
        };
        Ok(Some((Some(version_id), self.version_rules(version_id)?)))
    }

    /// The compiled rules of plan version `version_id`, read once.
    pub fn version_rules(&mut self, version_id: i64) -> Result<Rc<Vec<CompiledRule>>> {
        if !self.rules.contains_key(&version_id) {
            let rules = plans::rules_of(self.conn, version_id)?;
            let compiled = compile(&rules, self.base(), &plans::stored_partner_id)?;
            self.rules.insert(version_id, Rc::new(compiled));
        }
        Ok(Rc::clone(&self.rules[&version_id]))
    }

    /// The rate that values `currency` money in the base currency on `day`.
    pub fn fx(&mut self, day: NaiveDate, currency: Currency) -> Result<Option<FxRate>> {
        let base = self.base();
        if let Some(found) = self.fx.get(&(day, currency)) {
            return Ok(found.clone());
        }
        let found = fx::lookup(self.conn, day, currency, base)?;
        self.fx.insert((day, currency), found.clone());
        Ok(found)
    }

    /// The lines a sale or action earns and the plan version they come
    /// from; None when the partner is not active. When no plan applies yet,
    /// one held line says so, so the sale waits for a plan in plain view.
    pub fn lines_for(&mut self, c: &Todo) -> Result<Option<(Option<i64>, Vec<Line>)>> {
        if !self.is_active(c.partner_id)? {
            return Ok(None);
        }
        let day = c.occurred_at.date_naive();
        let Some((version_id, rules)) = self.rules_for(c.partner_id, day)? else {
            let reason = format!(
                "no plan applies to this partner on {day}: put them or their group on a plan, or date a plan version on or before that day, then compute again"
            );
            return Ok(Some((None, vec![compute::held(c.partner_id, "", reason)])));
        };
        let facts = self.facts(c)?;
        let lines = compute::lines(&rules, &facts, self.base(), self.settings.rounding);
        Ok(Some((version_id, lines)))
    }

    /// The facts `compute::lines` needs for a conversion.
    fn facts(&mut self, c: &Todo) -> Result<Facts> {
        let base = self.base();
        let fx = match c.currency {
            Some(cur) if cur != base => self.fx(c.occurred_at.date_naive(), cur)?,
            _ => None,
        };
        let (month_revenue_before, month_count_before) =
            self.month_before(c.partner_id, c.occurred_at)?;
        Ok(Facts {
            kind: c.kind,
            occurred_at: c.occurred_at,
            amount_minor: c.amount_minor,
            currency: c.currency,
            quantity: c.quantity,
            product: c.product.clone(),
            partner_id: c.partner_id,
            ancestors: self.active_ancestors(c.partner_id)?,
            first_sale_at: c.first_sale_at,
            fx,
            month_revenue_before,
            month_count_before,
        })
    }

    /// The partner's sales and renewals in the month of `at`, before `at`:
    /// revenue in the base currency (major units) and count.
    pub fn month_before(&mut self, partner_id: i64, at: DateTime<Utc>) -> Result<(Decimal, i64)> {
        let key = (partner_id, at.year(), at.month());
        self.load_month(key)?;
        Ok(self.months[&key].before(at))
    }

    /// The partner's whole month: revenue in the base currency and count,
    /// net of refunds.
    pub fn month_total(
        &mut self,
        partner_id: i64,
        year: i32,
        month: u32,
    ) -> Result<(Decimal, i64)> {
        let key = (partner_id, year, month);
        self.load_month(key)?;
        let tally = &self.months[&key];
        Ok(tally.at_index(tally.running.len()))
    }

    /// Counts a dealt-with sale or renewal in its partner's month.
    pub fn count_in_month(&mut self, c: &Todo) -> Result<()> {
        let Some(currency) = c.currency else {
            return Ok(());
        };
        if !matches!(c.kind, ConversionKind::Sale | ConversionKind::Recurring) {
            return Ok(());
        }
        let Some(value) = self.base_value(c.occurred_at, c.amount_minor, currency)? else {
            return Ok(());
        };
        let key = (c.partner_id, c.occurred_at.year(), c.occurred_at.month());
        self.load_month(key)?;
        if let Some(month) = self.months.get_mut(&key) {
            month.add(c.occurred_at, value, 1);
        }
        Ok(())
    }

    /// Takes a refund of a sale out of the sale's month: its revenue counts
    /// no more (and the sale, once refunded in full, no more as a sale:
    /// `whole` is 1 then, and -1 when a chargeback's reversal undoes that).
    pub fn refund_in_month(
        &mut self,
        partner_id: i64,
        sale_at: DateTime<Utc>,
        refunded_minor: i64,
        currency: Currency,
        whole: i64,
    ) -> Result<()> {
        let Some(value) = self.base_value(sale_at, refunded_minor, currency)? else {
            return Ok(());
        };
        let key = (partner_id, sale_at.year(), sale_at.month());
        self.load_month(key)?;
        if let Some(month) = self.months.get_mut(&key) {
            month.add(sale_at, -value, -whole);
        }
        Ok(())
    }

    /// Money in the base currency (major units) at the rate of its day.
    fn base_value(
        &mut self,
        at: DateTime<Utc>,
        minor: i64,
        currency: Currency,
    ) -> Result<Option<Decimal>> {
        let major = Money::new(minor, currency).to_decimal();
        if currency == self.base() {
            return Ok(Some(major));
        }
        Ok(self
            .fx(at.date_naive(), currency)?
            .map(|fx| major * fx.rate))
    }

    fn load_month(&mut self, key: MonthKey) -> Result<()> {
        if self.months.contains_key(&key) {
            return Ok(());
        }
        let mut tally = MonthTally::default();
        if self.months_from_book {
            let (partner_id, year, month) = key;
            let (start, end) = month::bounds(year, month);
            let rows: Vec<(String, i64, Option<Currency>)> = self
                .conn
                .prepare_cached(
                    "SELECT occurred_at, amount_minor, currency FROM conversions
                      WHERE partner_id = ?1 AND kind IN ('sale', 'recurring') AND occurred_at >= ?2
                        AND occurred_at < ?3 AND computed_at IS NOT NULL",
                )?
                .query_map(rusqlite::params![partner_id, start, end], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (at, minor, currency) in rows {
                let (Some(at), Some(currency)) = (parse_stamp(&at), currency) else {
                    continue;
                };
                if let Some(value) = self.base_value(at, minor, currency)? {
                    tally.add(at, value, 1);
                }
            }
            // Refunds of the month's sales take their part back out.
            let refunds: Vec<(String, i64, i64, Option<Currency>)> = self
                .conn
                .prepare_cached(
                    concat!(
                        "SELECT s.occurred_at, max(0, min(s.amount_minor, sum(",
                        taken_back!(),
                        "))), s.amount_minor, s.currency
                           FROM conversions s JOIN conversions r ON r.original_id = s.id
                          WHERE s.partner_id = ?1 AND s.kind IN ('sale', 'recurring') AND s.occurred_at >= ?2
                            AND s.occurred_at < ?3 AND s.computed_at IS NOT NULL AND ",
                        follows_a_sale!(),
                        " AND r.computed_at IS NOT NULL GROUP BY s.id"
                    ),
                )?
                .query_map(rusqlite::params![partner_id, start, end], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (at, refunded, sale, currency) in refunds {
                let (Some(at), Some(currency)) = (parse_stamp(&at), currency) else {
                    continue;
                };
                if let Some(value) = self.base_value(at, refunded, currency)? {
                    tally.add(at, -value, -i64::from(refunded >= sale));
                }
            }
        }
        self.months.insert(key, tally);
        Ok(())
    }
}

/// A partner's month as running totals in time order, so "before this
/// moment" is a binary search; conversions mostly arrive in order, and one
/// that does not shifts the totals after it. A refund is entered at its
/// sale's moment, so the month is net of refunds of its own sales.
#[derive(Default)]
struct MonthTally {
    /// (when, revenue so far, sales so far), sorted by time.
    running: Vec<(DateTime<Utc>, Decimal, i64)>,
}

impl MonthTally {
    fn before(&self, at: DateTime<Utc>) -> (Decimal, i64) {
        self.at_index(self.running.partition_point(|(when, ..)| *when < at))
    }

    /// The totals of the first `n` entries.
    fn at_index(&self, n: usize) -> (Decimal, i64) {
        n.checked_sub(1).map_or((Decimal::ZERO, 0), |last| {
            (self.running[last].1, self.running[last].2)
        })
    }

    fn add(&mut self, at: DateTime<Utc>, value: Decimal, sales: i64) {
        let n = self.running.partition_point(|(when, ..)| *when <= at);
        let (revenue, count) = self.at_index(n);
        self.running.insert(n, (at, revenue + value, count + sales));
        for entry in &mut self.running[n + 1..] {
            entry.1 += value;
            entry.2 += sales;
        }
    }
}
