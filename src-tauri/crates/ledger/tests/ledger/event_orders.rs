//! The ledger follows the events, not the order they arrive in: the same
//! sales, refunds, chargebacks (some won), plan assignment and FX rates, imported in any order and
//! in any batches, end with the same amounts for every partner; and a run whose
//! cut-off covers the period pays all of it, once.

use crate::support::at;
use partnerbook_book::audit::Actor;
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::progress::Quiet;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::Book;
use partnerbook_ledger::commissions::{self, approve_due};
use partnerbook_ledger::conversions::{self, ConversionInput, ConversionKind};
use partnerbook_ledger::fx;
use partnerbook_ledger::plans::{self, PlanFile};
use partnerbook_ledger::totals;
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Event {
    Sale {
        n: usize,
        day: String,
        cents: i64,
        currency: &'static str,
    },
    Refund {
        n: usize,
        day: String,
        cents: i64,
        currency: &'static str,
        /// A chargeback, which `Won` may reverse, rather than a refund.
        chargeback: bool,
    },
    /// The chargeback of sale `n` reversed: the dispute was won.
    Won {
        n: usize,
        day: String,
        cents: i64,
        currency: &'static str,
    },
    Plan,
    /// EUR→USD for every day of the two months; euro sales wait for it.
    Rates,
}

fn book(dir: &std::path::Path) -> (Book, i64, i64) {
    let program = NewProgram {
        program_name: "T".into(),
        base_currency: "USD".into(),
    };
    let mut book = Book::create(&dir.join("t.partnerbook"), &program).unwrap();
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
    (book, ana, pat)
}

/// `modes`: the tiers' mode ("band" or "marginal") and the parent's share's
/// ("on_top" or "split").
fn apply(book: &mut Book, event: &Event, modes: (&str, &str), dir: &std::path::Path) {
    let (mode, share) = modes;
    let money = |cents: i64, code| Some(Money::new(cents, Currency::from_code(code).unwrap()));
    match event {
        Event::Sale {
            n,
            day,
            cents,
            currency,
        } => {
            let mut c =
                ConversionInput::new("shop", &format!("o{n}"), ConversionKind::Sale, at(day));
            c.amount = money(*cents, currency);
            c.referral_code = "ANA".into();
            conversions::record(book, &c, Actor::Import).unwrap();
        }
        Event::Refund {
            n,
            day,
            cents,
            currency,
            chargeback,
        } => {
            let kind = if *chargeback {
                ConversionKind::Chargeback
            } else {
                ConversionKind::Refund
            };
            let mut c = ConversionInput::new("shop", &format!("o{n}/r"), kind, at(day));
            c.amount = money(*cents, currency);
            c.original_external_id = format!("o{n}");
            conversions::record(book, &c, Actor::Import).unwrap();
        }
        Event::Won {
            n,
            day,
            cents,
            currency,
        } => {
            let kind = ConversionKind::ChargebackReversal;
            let mut c = ConversionInput::new("shop", &format!("o{n}/won"), kind, at(day));
            c.amount = money(*cents, currency);
            c.original_external_id = format!("o{n}");
            conversions::record(book, &c, Actor::Import).unwrap();
        }
        Event::Plan => {
            let file: PlanFile = serde_json::from_str(&format!(
                r#"{{ "name": "Creators", "groups": ["Creators"], "versions": [ {{ "effective_from": "2026-01-01", "rules": [
                    {{ "id": "tiers", "kind": "tiered", "mode": "{mode}", "tiers": [
                        {{ "from": "0", "rate": "15%" }}, {{ "from": "1000.00", "rate": "25%" }} ] }},
                    {{ "id": "parent", "kind": "two_tier", "rate": "10%", "of": "commission", "mode": "{share}" }},
                    {{ "id": "target", "kind": "target_bonus", "threshold": "2500.00", "bonus": "75.00" }} ] }} ] }}"#
            ))
            .unwrap();
            plans::import(book, &file, Actor::User).unwrap();
        }
        Event::Rates => {
            let mut text = String::from("day,base,quote,rate\n");
            for month in [3, 4] {
                for day in 1..=30 {
                    text.push_str(&format!("2026-{month:02}-{day:02},EUR,USD,1.0850\n"));
                }
            }
            let path = dir.join("rates.csv");
            std::fs::write(&path, text).unwrap();
            fx::import(book.conn(), &path).unwrap();
        }
    }
}

/// What each partner is owed in all: lines neither reversed nor declined.
fn owed(book: &Book, partner: i64) -> (i64, i64) {
    book.conn()
        .query_row(
            "SELECT coalesce(sum(amount_minor), 0), count(*) FILTER (WHERE amount_minor IS NULL)
               FROM commissions WHERE partner_id = ?1 AND state NOT IN ('reversed', 'declined')",
            [partner],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn sale_strategy() -> impl Strategy<Value = (i64, u32, u32, u32, bool, u32)> {
    // (cents, month 3 or 4, day, refunded quarters, in euros, a chargeback:
    // 0 no, 1 lost, 2 won later)
    (
        1_000i64..150_000,
        3u32..5,
        1u32..28,
        0u32..5,
        any::<bool>(),
        0u32..3,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_order_and_batching_of_the_same_events_owes_the_same(
        sales in proptest::collection::vec(sale_strategy(), 1..8),
        shuffle in proptest::collection::vec(any::<u32>(), 25),
        cuts in proptest::collection::vec(any::<bool>(), 25),
        marginal in any::<bool>(),
        split in any::<bool>(),
    ) {
        let mode = (
            if marginal { "marginal" } else { "band" },
            if split { "split" } else { "on_top" },
        );
        let mut events = vec![Event::Plan, Event::Rates];
        for (n, (cents, month, day, quarters, eur, dispute)) in sales.iter().enumerate() {
            let currency = if *eur { "EUR" } else { "USD" };
            events.push(Event::Sale { n, day: format!("2026-{month:02}-{day:02}"), cents: *cents, currency });
            if *quarters > 0 {
                let back = (cents * i64::from(*quarters) / 4).max(1);
                let day = format!("2026-{month:02}-28");
                events.push(Event::Refund { n, day: day.clone(), cents: back, currency, chargeback: *dispute > 0 });
                if *dispute == 2 {
                    events.push(Event::Won { n, day, cents: back, currency });
                }
            }
        }
        // In time order, all at once.
        let dir = tempfile::tempdir().unwrap();
        let (mut calm, ana, pat) = book(dir.path());
        for e in &events {
            apply(&mut calm, e, mode, dir.path());
        }
        commissions::run(&mut calm, &Quiet).unwrap();
        // Shuffled, with the engine run after random batches.
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by_key(|i| shuffle[*i]);
        let dir = tempfile::tempdir().unwrap();
        let (mut busy, _, _) = book(dir.path());
        for (k, i) in order.iter().enumerate() {
            apply(&mut busy, &events[*i], mode, dir.path());
            if cuts[k] {
                commissions::run(&mut busy, &Quiet).unwrap();
            }
        }
        commissions::run(&mut busy, &Quiet).unwrap();
        // The home screen's sums follow every write, whatever the order.
        for b in [&calm, &busy] {
            prop_assert_eq!(totals::drift(b.conn()).unwrap(), Vec::<String>::new());
        }
        for partner in [ana, pat] {
            let (calm_owed, calm_held) = owed(&calm, partner);
            let (busy_owed, busy_held) = owed(&busy, partner);
            prop_assert_eq!((busy_owed, busy_held), (calm_owed, 0), "partner {}, {:?}", partner, order);
            prop_assert_eq!(calm_held, 0);
        }
        // A run covering both months approves and claims all of it, once.
        approve_due(&mut busy, "2026-12-31", Actor::User).unwrap();
        let unclaimed: i64 = busy.conn().query_row(
            "SELECT count(*) FROM commissions WHERE state = 'pending' AND amount_minor IS NOT NULL",
            [], |r| r.get(0)).unwrap();
        prop_assert_eq!(unclaimed, 0, "every line falls due by the end of the year");
        prop_assert_eq!(totals::drift(busy.conn()).unwrap(), Vec::<String>::new());
    }
}
