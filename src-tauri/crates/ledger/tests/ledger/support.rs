//! A small program for commission tests: a USD book, Ana on a plan, Pat as
//! her parent partner, and helpers to record conversions and read lines.

use chrono::{DateTime, NaiveDate, Utc};
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::{self as program, NewProgram, ProgramSettingsInput};
use partnerbook_book::Book;
use partnerbook_ledger::commissions::*;
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_ledger::plans::{self, PlanFile};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};

pub fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

pub struct T {
    _dir: tempfile::TempDir,
    pub book: Book,
    pub ana: i64,
    pub pat: i64,
}

/// A USD program with 30 hold days; Ana (code ANA) in "Creators" on a plan
/// with `rules`; Pat is Ana's parent partner.
pub fn setup(rules: &str) -> T {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(
        &dir.path().join("t.partnerbook"),
        &NewProgram {
            program_name: "T".into(),
            base_currency: "USD".into(),
        },
    )
    .unwrap();
    let group = partnerbook_book::groups::add(&mut book, "Creators", "", Actor::User).unwrap();
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

pub fn at(day: &str) -> DateTime<Utc> {
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

    pub fn set_rounding(&mut self, rounding: partnerbook_book::money::Rounding) {
        let mut s = ProgramSettingsInput::from(&program::get(self.book.conn()).unwrap());
        s.rounding = rounding;
        program::save(&mut self.book, &s, Actor::User).unwrap();
    }
}

// Paying commissions the way a run does, without the run's eligibility
// rules (these test partners have no payout details): the payouts crate
// is above the ledger, so its runs cannot be used here.
use rusqlite::Connection;

/// Approves pending lines (all, or line `only`), claims the approved ones
/// into an approved run, and pays that run when `paid`.
pub fn pay_in_a_run(conn: &Connection, only: Option<i64>, paid: bool) {
    let filter = "(?1 IS NULL OR id = ?1)";
    conn.execute(
        &format!("UPDATE commissions SET state = 'approved' WHERE state = 'pending' AND {filter}"),
        [only],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO payout_runs (through, currency, status, created_at) VALUES ('2099-12-31', 'USD', 'draft', 'now')",
        [],
    )
    .unwrap();
    let run = conn.last_insert_rowid();
    conn.execute(
        &format!(
            "INSERT INTO payouts (run_id, partner_id, commissions_minor, clawbacks_minor, carried_minor,
                adjustments_minor, balance_minor, pay_minor, pay_currency, payee_name, method, account, status)
             SELECT ?2, partner_id, 0, 0, 0, 0, 0, 1, currency, 'test', 'other', 'test', 'draft'
               FROM commissions WHERE state = 'approved' AND {filter} GROUP BY partner_id"
        ),
        rusqlite::params![only, run],
    )
    .unwrap();
    conn.execute(
        &format!(
            "UPDATE commissions SET state = 'in_payout',
                    payout_id = (SELECT id FROM payouts WHERE run_id = ?2 AND partner_id = commissions.partner_id)
              WHERE state = 'approved' AND {filter}"
        ),
        rusqlite::params![only, run],
    )
    .unwrap();
    conn.execute(
        "UPDATE payouts SET status = 'pending' WHERE run_id = ?1",
        [run],
    )
    .unwrap();
    conn.execute(
        "UPDATE payout_runs SET status = 'approved', fingerprint = 'test', approved_at = 'now' WHERE id = ?1",
        [run],
    )
    .unwrap();
    if paid {
        conn.execute(
            "UPDATE payouts SET status = 'paid' WHERE run_id = ?1",
            [run],
        )
        .unwrap();
        conn.execute(
            "UPDATE commissions SET state = 'paid'
              WHERE payout_id IN (SELECT id FROM payouts WHERE run_id = ?1)",
            [run],
        )
        .unwrap();
    }
}
