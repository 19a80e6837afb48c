use partnerbook_ledger::commissions::CommissionState::{self, *};

/// The Rust rules and the database trigger agree on every pair.
#[test]
fn rust_and_the_database_allow_the_same_changes() {
    let dir = tempfile::tempdir().unwrap();
    let program = partnerbook_book::settings::NewProgram {
        program_name: "T".into(),
        base_currency: "USD".into(),
    };
    let mut book =
        partnerbook_book::Book::create(&dir.path().join("t.partnerbook"), &program).unwrap();
    let input = partnerbook_partners::PartnerInput::new("Ana", "ana@example.com");
    let partner =
        partnerbook_partners::create(&mut book, &input, partnerbook_book::audit::Actor::User)
            .unwrap()
            .id;
    // A paid payout of a draft run to hold lines that are in one.
    book.conn()
        .execute_batch(&format!(
            "INSERT INTO payout_runs (id, through, currency, status, created_at) VALUES (1, '2026-01-31', 'USD', 'draft', 'now');
             INSERT INTO payouts (id, run_id, partner_id, commissions_minor, clawbacks_minor, carried_minor, adjustments_minor,
                balance_minor, pay_minor, pay_currency, payee_name, method, account, status)
             VALUES (1, 1, {partner}, 100, 0, 0, 0, 100, 100, 'USD', 'Ana', 'other', 'x', 'paid');"
        ))
        .unwrap();
    let payout = |s: &CommissionState| s.is_settled().then_some(1i64);
    for from in CommissionState::ALL {
        for to in CommissionState::ALL {
            let tx = book.transaction().unwrap();
            tx.execute(
                "INSERT INTO commissions (partner_id, line, kind, rounding, amount_minor, currency, state,
                    due_on, decline_reason, payout_id, created_at, updated_at)
                 VALUES (?1, 'x', 'bonus', 'half_up', 100, 'USD', ?2, '2026-01-01', 'r', ?3, 'now', 'now')",
                rusqlite::params![partner, from.as_str(), payout(from)],
            )
            .unwrap();
            let id = tx.last_insert_rowid();
            let db = tx.execute(
                "UPDATE commissions SET state = ?2, payout_id = ?3 WHERE id = ?1",
                rusqlite::params![id, to.as_str(), payout(to)],
            );
            let frozen = *from == Paid;
            assert_eq!(
                db.is_ok(),
                from.can_become(*to) && !frozen,
                "{from:?} → {to:?}"
            );
            drop(tx);
        }
    }
    assert!(
        Pending.can_become(Approved)
            && !Paid.can_become(Approved)
            && !Declined.can_become(Approved)
    );
}
