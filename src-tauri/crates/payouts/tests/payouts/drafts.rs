//! A draft run follows the partners it pays: a corrected account, currency
//! or status rebuilds the partner's line (and the line of a partner who
//! shared the account), approval reads the facts once, and the PayPal file
//! pays each partner's own account. A shared account holds both partners.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_partners::{self as partners, PartnerInput, PayoutMethod};
use partnerbook_payouts::files::{export, PaymentFormat};
use partnerbook_payouts::*;
use partnerbook_testkit::{program, P};
use std::collections::BTreeMap;

fn line_of(p: &P, run: i64, partner: i64) -> PayoutLine {
    let query = LineQuery {
        run_id: run,
        ..LineQuery::default()
    };
    lines(&p.book, &query)
        .unwrap()
        .rows
        .into_iter()
        .find(|l| l.partner_id == partner)
        .unwrap()
}

/// Ana and Bo with Bo's PayPal address typed on Ana too.
fn shared() -> (P, i64, i64, i64) {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    let bo = p.partner("Bo Berg", PayoutMethod::Paypal);
    set_paypal(&mut p, ana, "bo.berg@example.com");
    p.approved(ana, 125_197, "2026-11-01");
    p.approved(bo, 20_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    (p, ana, bo, run.id)
}

fn set_paypal(p: &mut P, partner: i64, email: &str) {
    let mut input = PartnerInput::from(&partners::get(&p.book, partner).unwrap());
    input.payout.email = email.into();
    partners::update(&mut p.book, partner, &input, "", Actor::User).unwrap();
}

/// What the run's PayPal file sends to each address, in minor units.
fn paypal_file(p: &mut P, run: i64) -> BTreeMap<String, i64> {
    let out = p.dir.path().join("paypal.csv");
    let report = export(&mut p.book, run, PaymentFormat::Paypal, &out, Actor::User).unwrap();
    let mut sent = BTreeMap::new();
    for file in &report.files {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(&file.path)
            .unwrap();
        for rec in reader.records() {
            let rec = rec.unwrap();
            let (int, frac) = rec[1].split_once('.').unwrap();
            let minor = int.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap();
            *sent.entry(rec[0].to_string()).or_insert(0) += minor;
        }
    }
    sent
}

#[test]
fn a_shared_account_holds_both_partners_until_it_is_corrected() {
    let (mut p, ana, bo, run) = shared();
    for who in [ana, bo] {
        let line = line_of(&p, run, who);
        assert_eq!(line.status, PayoutStatus::Held, "{line:?}");
        assert!(
            line.blocked[0].starts_with("payout account bo…@example.com is also on"),
            "{:?}",
            line.blocked
        );
    }
    let r = readiness(&p.book, run).unwrap();
    assert_eq!(
        r.items
            .iter()
            .filter(|i| i.check == "shared_account" && i.severity == Severity::Blocker)
            .count(),
        2,
        "{r:#?}"
    );
    // Correcting Ana's address in her record rebuilds both lines.
    set_paypal(&mut p, ana, "ana.lima@example.com");
    let rebuilt = refresh_draft(&mut p.book, Actor::User).unwrap();
    assert_eq!(rebuilt, [ana, bo]);
    assert_eq!(line_of(&p, run, ana).status, PayoutStatus::Draft);
    assert_eq!(line_of(&p, run, ana).account_masked, "an…@example.com");
    assert_eq!(line_of(&p, run, bo).status, PayoutStatus::Draft);
    approve(&mut p.book, run, Actor::User, &Quiet).unwrap();
    assert_eq!(
        paypal_file(&mut p, run),
        BTreeMap::from([
            ("ana.lima@example.com".to_string(), 125_197),
            ("bo.berg@example.com".to_string(), 20_000),
        ]),
        "each partner paid to her own account, once"
    );
}

#[test]
fn holding_one_of_two_partners_on_one_account_pays_the_other() {
    let (mut p, ana, bo, run) = shared();
    set_hold(
        &mut p.book,
        ana,
        Some("which account is hers?"),
        Actor::User,
    )
    .unwrap();
    assert_eq!(line_of(&p, run, ana).status, PayoutStatus::Held);
    assert_eq!(line_of(&p, run, bo).status, PayoutStatus::Draft);
}

#[test]
fn approval_pays_the_account_the_partner_has_at_approval() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    p.approved(ana, 125_197, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet)
        .unwrap()
        .id;
    // Changed behind the app's back (another program, an old build): no
    // refresh runs, and approval still reads the partner as she is.
    p.book
        .conn()
        .execute(
            "UPDATE partners SET payout_email = 'ana.new@example.com' WHERE id = ?1",
            [ana],
        )
        .unwrap();
    p.book
        .conn()
        .execute("DELETE FROM draft_stale", [])
        .unwrap();
    approve(&mut p.book, run, Actor::User, &Quiet).unwrap();
    assert_eq!(
        paypal_file(&mut p, run),
        BTreeMap::from([("ana.new@example.com".to_string(), 125_197)])
    );
    assert!(
        verify(&p.book, run).unwrap(),
        "the fingerprint covers the line as approved"
    );
}

#[test]
fn a_change_of_currency_or_status_rebuilds_the_line_and_is_recorded() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    p.approved(ana, 20_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet)
        .unwrap()
        .id;
    partners::set_status(
        &mut p.book,
        ana,
        partners::PartnerStatus::Paused,
        "asked for a break",
        Actor::User,
    )
    .unwrap();
    assert_eq!(refresh_draft(&mut p.book, Actor::User).unwrap(), [ana]);
    let line = line_of(&p, run, ana);
    assert_eq!(line.status, PayoutStatus::Held);
    assert_eq!(line.blocked, ["partner is paused"]);
    let audit: i64 = p
        .book
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'payout_line' AND action = 'rebuilt' AND entity_id = ?1",
            [ana],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, 1);
    // Nothing changed since: nothing to rebuild.
    assert_eq!(
        refresh_draft(&mut p.book, Actor::User).unwrap(),
        Vec::<i64>::new()
    );
}

#[test]
fn a_hold_reason_with_a_semicolon_stays_one_reason() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Paypal);
    p.approved(ana, 20_000, "2026-11-01");
    set_hold(
        &mut p.book,
        ana,
        Some("dispute open; waiting for the bank"),
        Actor::User,
    )
    .unwrap();
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet)
        .unwrap()
        .id;
    assert_eq!(
        line_of(&p, run, ana).blocked,
        ["held by the manager: dispute open; waiting for the bank"]
    );
    let r = readiness(&p.book, run).unwrap();
    assert_eq!(r.items.len(), 1, "{r:#?}");
}

#[test]
fn readiness_says_which_lines_were_rebuilt() {
    let (mut p, ana, _, run) = shared();
    set_paypal(&mut p, ana, "ana.lima@example.com");
    refresh_draft(&mut p.book, Actor::User).unwrap();
    let r = readiness(&p.book, run).unwrap();
    let item = r
        .items
        .iter()
        .find(|i| i.check == "line_rebuilt" && i.partner_id == ana)
        .unwrap();
    assert_eq!(
        item.message,
        "line rebuilt after the partner's payout details changed: PayPal bo…@example.com, held → PayPal an…@example.com, to pay"
    );
}

#[test]
fn the_same_instructions_for_another_method_are_not_a_shared_account() {
    let mut p = program();
    let ana = p.partner("Ana Lima", PayoutMethod::Other);
    let bo = p.partner("Bo Berg", PayoutMethod::Other);
    p.approved(ana, 20_000, "2026-11-01");
    p.approved(bo, 20_000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    assert_eq!(run.paid_count, 2, "both 'cheque to the office'");
}
