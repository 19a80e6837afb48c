//! Demo books: a realistic, international program generated from a seed,
//! so the same command always makes the same book. Later areas add their
//! own demo data here (applications, assets, conversions…).

mod applications;
mod assets;
mod earnings;
pub mod error;
mod people;
mod referrer;
mod risk_cases;

pub use error::{DemoError, Result};

use chrono::Duration;
use partnerbook_book::audit::Actor;
use partnerbook_book::groups;
use partnerbook_book::progress::Progress;
use partnerbook_book::settings::{self, NewProgram, ProgramSettingsInput};
use partnerbook_book::Book;
use partnerbook_partners::{
    self, CodeKind, PartnerCode, PartnerInput, PartnerStatus, PayoutMethod, TaxStatus,
};
use people::{pick, Locale, COMPANY_WORDS, FREE_MAIL, GROUPS, LOCALES, NICHES, NOTES, TAGS};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;

pub struct DemoOptions {
    pub partners: u32,
    pub seed: u64,
    /// Plans, FX rates, a year of conversions and their commissions, and a
    /// queue of applications; without it, exactly `partners` partners.
    pub earnings: bool,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            partners: 2_000,
            seed: 42,
            earnings: true,
        }
    }
}

/// Creates a new demo book at `path`.
pub fn create(path: &Path, options: &DemoOptions, progress: &dyn Progress) -> Result<Book> {
    let program = NewProgram {
        program_name: "Fjord Notes Partner Program".into(),
        base_currency: "USD".into(),
    };
    let mut book = partnerbook_ledger::plans::default::create_book(path, &program)?;
    let filled = fill(&mut book, options, progress);
    if let Err(e) = filled {
        drop(book);
        partnerbook_book::remove_book_files(path);
        return Err(e);
    }
    Ok(book)
}

fn fill(book: &mut Book, options: &DemoOptions, progress: &dyn Progress) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let tx = book.transaction()?;
    let mut s = ProgramSettingsInput::from(&settings::get(&tx)?);
    s.business_name = "Fjord Notes ApS".into();
    s.address = "Strandgade 12, 1401 København K, Denmark".into();
    s.country = "DK".into();
    s.tax_id = "DK12345678".into();
    s.minimum_payout = "50.00".into();
    settings::update(&tx, &s, Actor::System)?;

    let group_ids: Vec<i64> = GROUPS
        .iter()
        .map(|(name, about)| groups::create(&tx, name, about, Actor::System))
        .collect::<partnerbook_book::Result<_>>()?;
    let total_weight: u32 = LOCALES.iter().map(|l| l.weight).sum();
    let mut ids: Vec<i64> = Vec::with_capacity(options.partners as usize);
    let mut referrers = Vec::with_capacity(options.partners as usize);
    let now = partnerbook_book::time::current();
    for n in 0..options.partners {
        let locale = pick_locale(&mut rng, total_weight);
        let mut input = person(&mut rng, locale, n);
        input.group_id = Some(group_ids[rng.random_range(0..group_ids.len())]);
        if ids.len() > 10 && rng.random_bool(0.05) {
            input.parent_id = Some(ids[rng.random_range(0..ids.len())]);
        }
        let code_of = |kind| {
            input
                .codes
                .iter()
                .find(|c| c.kind == kind)
                .map(|c| c.code.clone())
        };
        referrers.push(referrer::Referrer {
            email: input.email.clone(),
            referral: code_of(CodeKind::Referral).unwrap_or_default(),
            coupon: code_of(CodeKind::Coupon),
            selling: matches!(input.status, PartnerStatus::Active | PartnerStatus::Paused),
        });
        let id = partnerbook_partners::create_in(&tx, &input, Actor::System)?;
        // Spread sign-ups over two years so "newest" and reports mean something.
        let created = now - Duration::minutes(rng.random_range(0..(2 * 365 * 24 * 60)));
        let stamp = partnerbook_book::time::stamp(created);
        tx.prepare_cached(
            "UPDATE partners SET created_at = ?2, updated_at = ?2,
                    approved_at = CASE WHEN approved_at IS NOT NULL THEN ?2 END,
                    welcome_sent_at = CASE WHEN welcome_sent_at IS NOT NULL THEN ?2 END
              WHERE id = ?1",
        )?
        .execute(rusqlite::params![id, stamp])?;
        tx.prepare_cached("UPDATE activities SET at = ?2 WHERE partner_id = ?1")?
            .execute(rusqlite::params![id, stamp])?;
        if rng.random_bool(0.08) {
            let note = NOTES[rng.random_range(0..NOTES.len())];
            partnerbook_partners::timeline::add_note_in(&tx, id, note, Actor::User)?;
        }
        ids.push(id);
        if n % 500 == 499 {
            progress.check()?;
            progress.update(
                "Creating partners",
                u64::from(n) + 1,
                u64::from(options.partners),
            );
        }
    }
    progress.update("Indexing", 0, 1);
    partnerbook_partners::refresh_search(&tx, &ids)?;
    progress.update(
        "Creating partners",
        u64::from(options.partners),
        u64::from(options.partners),
    );
    if options.earnings {
        earnings::fill(&tx, options.seed, &referrers, progress)?;
        // After earnings, so applicants can collide with real customers.
        let count = (options.partners / 20).clamp(12, 400);
        applications::fill(&tx, options.seed, count, progress)?;
        assets::fill(&tx, &group_ids)?;
    }
    tx.commit()?;
    Ok(())
}

fn pick_locale(rng: &mut ChaCha8Rng, total_weight: u32) -> &'static Locale {
    let mut ticket = rng.random_range(0..total_weight);
    for l in LOCALES {
        if ticket < l.weight {
            return l;
        }
        ticket -= l.weight;
    }
    &LOCALES[0]
}

/// A plausible partner from `locale`; `n` keeps emails and codes unique.
fn person(rng: &mut ChaCha8Rng, locale: &Locale, n: u32) -> PartnerInput {
    let given = *pick(rng, locale.given);
    let family = *pick(rng, locale.family);
    let (name, first_name) = if locale.family_first {
        (format!("{family}{given}"), format!("{family}{given}"))
    } else {
        (format!("{given} {family}"), given.to_string())
    };
    let slug = |s: &str| -> String {
        deunicode::deunicode(s)
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    let handle = format!("{}{}", slug(given), slug(family));
    let has_company = rng.random_bool(0.35);
    let company_word = *pick(rng, COMPANY_WORDS);
    let company_domain = format!("{}{}.{}", slug(family), slug(company_word), locale.tld);
    let mail_domain = if has_company {
        company_domain.clone()
    } else {
        pick(rng, FREE_MAIL).to_string()
    };
    let email = format!("{}.{}.{n}@{mail_domain}", slug(given), slug(family));
    let mut p = PartnerInput::new(&name, &email);
    p.first_name = first_name;
    if has_company {
        p.company = format!("{family} {company_word}");
        p.website = format!("https://{company_domain}");
    } else if rng.random_bool(0.5) {
        p.website = format!("https://{handle}{n}.{}", locale.tld);
    }
    p.country = locale.country.to_string();
    p.language = locale.language.to_string();
    p.status = match rng.random_range(0..100) {
        0..=69 => PartnerStatus::Active,
        70..=79 => PartnerStatus::Applicant,
        80..=87 => PartnerStatus::Paused,
        88..=92 => PartnerStatus::Rejected,
        _ => PartnerStatus::Terminated,
    };
    let tag_count = rng.random_range(0..3);
    p.tags = (0..tag_count)
        .map(|_| pick(rng, TAGS).to_string())
        .collect();
    p.tags.dedup();
    if rng.random_bool(0.6) {
        p.social_profiles
            .push(format!("https://youtube.com/@{handle}{n}"));
    }
    if rng.random_bool(0.3) {
        p.social_profiles.push(format!("@{handle}{n}"));
    }
    p.custom_fields
        .insert("niche".into(), pick(rng, NICHES).to_string());
    p.custom_fields.insert(
        "audience_size".into(),
        (rng.random_range(5..500) * 100).to_string(),
    );
    let base = deunicode::deunicode(given)
        .to_uppercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(6)
        .collect::<String>();
    let base = if base.len() < 2 {
        "PB".to_string()
    } else {
        base
    };
    p.codes.push(PartnerCode {
        kind: CodeKind::Referral,
        code: format!("{base}{n}"),
    });
    if rng.random_bool(0.3) {
        p.codes.push(PartnerCode {
            kind: CodeKind::Coupon,
            code: format!("{base}{n}OFF"),
        });
    }
    if p.status == PartnerStatus::Active || p.status == PartnerStatus::Paused {
        payout_and_tax(rng, locale, &mut p, n);
        p.terms_version = "2026-01".into();
    }
    p.payout_currency = locale.currency.to_string();
    p
}

fn payout_and_tax(rng: &mut ChaCha8Rng, locale: &Locale, p: &mut PartnerInput, n: u32) {
    match (locale.bank, rng.random_range(0..10)) {
        (_, 0) => {}
        (Some((bic, bank_len, account_len)), _) => {
            p.payout.method = PayoutMethod::Iban;
            p.payout.iban = demo_iban(rng, locale.country, bank_len, account_len);
            p.payout.bic = bic.to_string();
        }
        (None, 1..=3) => {
            p.payout.method = PayoutMethod::Wise;
            p.payout.email = p.email.clone();
        }
        (None, _) => {
            p.payout.method = PayoutMethod::Paypal;
            p.payout.email = p.email.clone();
        }
    }
    match locale.country {
        // Made-up TINs, one W-9 in ten without one (the tax year flags it):
        // SSNs from the range set aside for advertising, 987-65-4320 to -4329.
        "US" => {
            p.tax.status = TaxStatus::W9;
            p.tax.tin = match (n % 10, p.company.is_empty()) {
                (0, _) => String::new(),
                (_, true) => format!("987-65-432{}", n % 10),
                (_, false) => format!("98-{:07}", n % 10_000_000),
            };
        }
        _ if !p.company.is_empty() && locale.currency == "EUR" => {
            p.tax.status = TaxStatus::Vat;
            p.tax.vat_id = format!("{}{:09}", locale.country, 100_000_000 + n);
        }
        _ if rng.random_bool(0.7) => {
            p.tax.status = TaxStatus::W8ben;
            let expires =
                partnerbook_book::time::today() + Duration::days(rng.random_range(-60..1000));
            p.tax.form_expires = expires.format("%Y-%m-%d").to_string();
            p.tax.tin = format!("{}{:08}", locale.country, n);
        }
        _ => {}
    }
}

/// A syntactically valid IBAN (right length, mod-97 check digits) for the
/// demo; NL uses a four-letter bank code.
fn demo_iban(rng: &mut ChaCha8Rng, country: &str, bank_len: usize, account_len: usize) -> String {
    let digits = |rng: &mut ChaCha8Rng, n: usize| {
        (0..n)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect::<String>()
    };
    let bban = if country == "NL" {
        format!("INGB{}", digits(rng, 10))
    } else {
        format!("{}{}", digits(rng, bank_len), digits(rng, account_len))
    };
    let check = 98 - mod97(&format!("{bban}{country}00"));
    format!("{country}{check:02}{bban}")
}

fn mod97(s: &str) -> u32 {
    s.chars().fold(0u32, |acc, c| {
        let v = c.to_digit(36).unwrap_or(0);
        if v >= 10 {
            (acc * 100 + v) % 97
        } else {
            (acc * 10 + v) % 97
        }
    })
}
