//! For tests of the crates above partners: a small EUR program with
//! partners ready to be paid by each method, and approved commission lines
//! written straight into the book (so a payout test needs no plan).

use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::settings::{self, NewProgram, ProgramSettingsInput};
use partnerbook_book::Book;
use partnerbook_partners::{PartnerInput, PartnerStatus, PayoutMethod, TaxStatus};
use rusqlite::params;

pub fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::from_code("EUR").unwrap())
}

pub struct P {
    pub dir: tempfile::TempDir,
    pub book: Book,
    lines: u32,
}

/// A EUR program with a minimum payout of 50.00.
pub fn program() -> P {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::create(
        &dir.path().join("payouts.partnerbook"),
        &NewProgram {
            program_name: "Acme Partners".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    let mut s = ProgramSettingsInput::from(&settings::get(book.conn()).unwrap());
    s.business_name = "Acme GmbH".into();
    s.minimum_payout = "50.00".into();
    settings::save(&mut book, &s, Actor::User).unwrap();
    P {
        dir,
        book,
        lines: 0,
    }
}

impl P {
    /// An active partner with terms, a W-9 and the given payout method.
    pub fn partner(&mut self, name: &str, method: PayoutMethod) -> i64 {
        let email = format!(
            "{}@example.com",
            deunicode::deunicode(name)
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(".")
        );
        let mut p = PartnerInput::new(name, &email);
        p.status = PartnerStatus::Active;
        p.terms_version = "2026-01".into();
        p.tax.status = TaxStatus::W9;
        p.payout.method = method;
        match method {
            PayoutMethod::Paypal | PayoutMethod::Wise => p.payout.email = email.clone(),
            PayoutMethod::Iban => {
                // One account per partner: a shared one holds both.
                let n: i64 = self
                    .book
                    .conn()
                    .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
                    .unwrap();
                p.payout.iban = german_iban(532_013_000 + n);
                p.payout.bic = "COBADEFFXXX".into();
            }
            PayoutMethod::Other => p.payout.other = "cheque to the office".into(),
            PayoutMethod::None => {}
        }
        self.partner_with(p)
    }

    pub fn partner_with(&mut self, p: PartnerInput) -> i64 {
        partnerbook_partners::create(&mut self.book, &p, Actor::User)
            .unwrap()
            .id
    }

    /// An approved commission line of `minor` due on `due_on`; negative
    /// amounts are clawbacks of the partner's first line, if any.
    pub fn approved(&mut self, partner: i64, minor: i64, due_on: &str) -> i64 {
        self.line(partner, minor, due_on, "approved")
    }

    pub fn line(&mut self, partner: i64, minor: i64, due_on: &str, state: &str) -> i64 {
        self.lines += 1;
        let conn = self.book.conn();
        let first: Option<i64> = conn
            .query_row(
                "SELECT min(id) FROM commissions WHERE partner_id = ?1",
                [partner],
                |r| r.get(0),
            )
            .unwrap();
        let (kind, related) = match first {
            Some(first) if minor < 0 => ("clawback", Some(first)),
            _ => ("commission", None),
        };
        conn.execute(
            "INSERT INTO commissions (partner_id, line, kind, rounding, amount_minor, currency, state,
                due_on, related_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'half_up', ?4, 'EUR', ?5, ?6, ?7, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            params![partner, format!("test:{}", self.lines), kind, minor, state, due_on, related],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        partnerbook_book::totals::note_line(conn, id).unwrap();
        partnerbook_book::totals::settle(conn).unwrap();
        id
    }

    pub fn state_of(&self, commission: i64) -> (String, Option<i64>) {
        self.book
            .conn()
            .query_row(
                "SELECT state, payout_id FROM commissions WHERE id = ?1",
                [commission],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }
}

/// A valid German IBAN (bank 37040044) for `account`: the check digits make
/// the whole number 1 modulo 97 (ISO 13616).
pub fn german_iban(account: i64) -> String {
    let bban = format!("37040044{account:010}");
    // "DE00" moved to the end, letters as numbers (D = 13, E = 14).
    let digits = format!("{bban}131400");
    let rest = digits
        .bytes()
        .fold(0u64, |acc, d| (acc * 10 + u64::from(d - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - rest)
}
pub mod fake_partnerstack;
