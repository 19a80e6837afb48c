//! A EUR program on the default plan (20%, 30 hold days) whose sales come in
//! through the generic CSV import, as a manager's would.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput, PayoutMethod};
use partnerbook_risk::{Check, Flag, FlagQuery, FlagStatus, ScanReport};

pub struct R {
    pub dir: tempfile::TempDir,
    pub book: Book,
    files: u32,
}

pub fn program() -> R {
    let dir = tempfile::tempdir().unwrap();
    let book = partnerbook_ledger::plans::default::create_book(
        &dir.path().join("risk.partnerbook"),
        &NewProgram {
            program_name: "Risk".into(),
            base_currency: "EUR".into(),
        },
    )
    .unwrap();
    R {
        dir,
        book,
        files: 0,
    }
}

pub struct NewPartner<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub code: &'a str,
    pub website: &'a str,
    pub paypal: &'a str,
}

impl Default for NewPartner<'_> {
    fn default() -> Self {
        NewPartner {
            name: "Ana Lima",
            email: "ana@example.org",
            code: "ANA",
            website: "",
            paypal: "",
        }
    }
}

impl R {
    /// An active partner whose referral code and coupon are both `code`.
    pub fn partner(&mut self, p: NewPartner) -> i64 {
        let mut input = PartnerInput::new(p.name, p.email);
        input.status = partners::PartnerStatus::Active;
        input.website = p.website.into();
        input.codes = vec![
            PartnerCode {
                kind: CodeKind::Referral,
                code: p.code.into(),
            },
            PartnerCode {
                kind: CodeKind::Coupon,
                code: format!("{}-COUPON", p.code),
            },
        ];
        // Ready to be paid: PayPal (their own address unless told), a W-9.
        input.payout.method = PayoutMethod::Paypal;
        input.payout.email = if p.paypal.is_empty() {
            p.email
        } else {
            p.paypal
        }
        .into();
        input.tax.status = partners::TaxStatus::W9;
        input.terms_version = "2026-01".into();
        partners::create(&mut self.book, &input, Actor::User)
            .unwrap()
            .id
    }

    /// Imports generic CSV rows (a header line is added) and computes
    /// their commissions.
    pub fn import(&mut self, rows: &[String]) {
        self.files += 1;
        let path = self.dir.path().join(format!("sales-{}.csv", self.files));
        let mut text = String::from(
            "id,kind,date,amount,customer_email,referral_code,coupon,original_external_id\n",
        );
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        let options = ConversionImportOptions {
            preset: PresetName::Generic,
            mapping: Vec::new(),
            source: Some("shop".into()),
            day_first: false,
            month_first: false,
            dry_run: false,
        };
        import(&mut self.book, &path, &options, &Quiet).unwrap();
    }

    pub fn scan(&mut self) -> ScanReport {
        partnerbook_risk::scan(&mut self.book, Actor::User, &Quiet).unwrap()
    }

    pub fn open(&self) -> Vec<Flag> {
        let q = FlagQuery {
            status: Some(FlagStatus::Open),
            ..FlagQuery::default()
        };
        partnerbook_risk::list(&self.book, &q).unwrap().rows
    }

    pub fn open_of(&self, check: Check) -> Vec<Flag> {
        self.open()
            .into_iter()
            .filter(|f| f.check == check)
            .collect()
    }

    /// The commission line of a sale (by its id in the file) and its state.
    pub fn line(&self, sale: &str) -> (i64, String) {
        self.book
            .conn()
            .query_row(
                "SELECT k.id, k.state FROM commissions k JOIN conversions c ON c.id = k.conversion_id
                  WHERE c.external_id = ?1 AND k.kind = 'commission'",
                [sale],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }

    pub fn state(&self, sale: &str) -> String {
        self.line(sale).1
    }
}

/// A sale row: id, day, amount, customer email, referral code.
pub fn sale(id: &str, day: &str, amount: &str, email: &str, code: &str) -> String {
    format!("{id},sale,{day},{amount},{email},{code},,")
}

/// A sale that came in on a coupon, with no referral code.
pub fn coupon_sale(id: &str, day: &str, email: &str, coupon: &str) -> String {
    format!("{id},sale,{day},50.00,{email},,{coupon},")
}

pub fn refund(id: &str, day: &str, amount: &str, of: &str) -> String {
    format!("{id},refund,{day},{amount},,,,{of}")
}
