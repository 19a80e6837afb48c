//! A small program for commission tests: a USD book, Ana on a plan, Pat as
//! her parent partner, and helpers to record conversions and read lines.

use super::*;
use crate::conversions::{self, ConversionInput, ConversionKind};
use crate::partners::{self, CodeKind, PartnerCode, PartnerInput};
use crate::plans::{self, PlanFile};
use crate::progress::Quiet;
use crate::settings::{self as program, NewProgram, ProgramSettingsInput};
use chrono::{DateTime, NaiveDate, Utc};

pub(super) fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

pub(super) struct T {
    _dir: tempfile::TempDir,
    pub book: Book,
    pub ana: i64,
    pub pat: i64,
}

/// A USD program with 30 hold days; Ana (code ANA) in "Creators" on a plan
/// with `rules`; Pat is Ana's parent partner.
pub(super) fn setup(rules: &str) -> T {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(
        &dir.path().join("t.partnerbook"),
        &NewProgram {
            program_name: "T".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap();
    let group = crate::groups::add(&mut book, "Creators", "", Actor::User).unwrap();
    let mut pat = PartnerInput::new("Pat Parent", "pat@example.com");
    pat.group_id = Some(group);
    let pat = partners::create(&mut book, &pat, Actor::User).unwrap().id;
    let mut ana = PartnerInput::new("Ana Lima", "ana@example.com");
    ana.group_id = Some(group);
    ana.parent_id = Some(pat);
    ana.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "ANA".into(),
    }];
    let ana = partners::create(&mut book, &ana, Actor::User).unwrap().id;
    let file = format!(
        r#"{{ "name": "Creators", "groups": ["Creators"], "versions": [ {{ "effective_from": "2026-01-01", "rules": {rules} }} ] }}"#
    );
    let file: PlanFile = serde_json::from_str(&file).unwrap();
    plans::import(&mut book, &file, Actor::User).unwrap();
    T {
        _dir: dir,
        book,
        ana,
        pat,
    }
}

pub(super) fn at(day: &str) -> DateTime<Utc> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
}

impl T {
    pub fn convert(
        &mut self,
        id: &str,
        kind: ConversionKind,
        day: &str,
        amount: &str,
        currency: &str,
    ) -> &mut Self {
        let mut c = ConversionInput::new("shop", id, kind, at(day));
        if !amount.is_empty() {
            c.amount = Some(Money::parse(amount, Currency::from_code(currency).unwrap()).unwrap());
        }
        c.customer_ref = "cus-1".into();
        if kind.gives_money_back() {
            c.original_external_id = id.split('/').next().unwrap().to_string();
        } else {
            c.referral_code = "ANA".into();
        }
        conversions::record(&mut self.book, &c, Actor::Import).unwrap();
        self
    }

    pub fn sale(&mut self, id: &str, day: &str, amount: &str) -> &mut Self {
        self.convert(id, ConversionKind::Sale, day, amount, "USD")
    }

    pub fn with_product(&mut self, id: &str, product: &str, amount: &str) -> &mut Self {
        let mut c = ConversionInput::new("shop", id, ConversionKind::Sale, at("2026-03-01"));
        c.amount = Some(Money::parse(amount, Currency::from_code("USD").unwrap()).unwrap());
        c.referral_code = "ANA".into();
        c.product = product.into();
        conversions::record(&mut self.book, &c, Actor::Import).unwrap();
        self
    }

    pub fn run(&mut self) -> EngineReport {
        run(&mut self.book, &Quiet).unwrap()
    }

    /// (kind, amount in cents, state) of a partner's lines, oldest first.
    pub fn lines(&self, partner: i64) -> Vec<(String, i64, String)> {
        let mut stmt = self
            .book
            .conn()
            .prepare("SELECT kind, coalesce(amount_minor, 0), state FROM commissions WHERE partner_id = ?1 ORDER BY id")
            .unwrap();
        stmt.query_map([partner], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    pub fn cents(&self, partner: i64) -> Vec<i64> {
        self.lines(partner).into_iter().map(|(_, c, _)| c).collect()
    }

    pub fn set_rounding(&mut self, rounding: crate::money::Rounding) {
        let mut s = ProgramSettingsInput::from(&program::get(self.book.conn()).unwrap());
        s.rounding = rounding;
        program::save(&mut self.book, &s, Actor::User).unwrap();
    }
}
