//! The commission states and the only changes allowed between them. The
//! database says the same with a trigger (migration 0002), so no writer can
//! skip this, and paid commissions never change at all.
//!
//! pending ─approve (hold over)→ approved ─claimed by a run→ in_payout ─paid→ paid
//!    │                             │                          └─run discarded→ approved
//!    └──────── decline / reverse ──┘

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommissionState {
    /// Inside the hold period (refund window), or held for a reason.
    Pending,
    /// Due: will be paid by the next payout run.
    Approved,
    /// Claimed by a draft or approved payout run.
    InPayout,
    Paid,
    /// Refused by hand, with a reason.
    Declined,
    /// Cancelled by a refund before it was paid.
    Reversed,
}

impl CommissionState {
    pub const ALL: &'static [CommissionState] = &[
        CommissionState::Pending,
        CommissionState::Approved,
        CommissionState::InPayout,
        CommissionState::Paid,
        CommissionState::Declined,
        CommissionState::Reversed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommissionState::Pending => "pending",
            CommissionState::Approved => "approved",
            CommissionState::InPayout => "in_payout",
            CommissionState::Paid => "paid",
            CommissionState::Declined => "declined",
            CommissionState::Reversed => "reversed",
        }
    }

    pub fn parse(text: &str) -> Option<CommissionState> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        CommissionState::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == t)
    }

    /// Whether `self → to` is allowed.
    pub fn can_become(self, to: CommissionState) -> bool {
        use CommissionState::*;
        self == to
            || matches!(
                (self, to),
                (Pending, Approved | Declined | Reversed)
                    | (Approved, InPayout | Declined | Reversed)
                    | (InPayout, Paid | Approved)
            )
    }

    /// Money already handed over or on its way: refunds claw it back
    /// instead of reversing it.
    pub fn is_settled(self) -> bool {
        matches!(self, CommissionState::InPayout | CommissionState::Paid)
    }
}

impl rusqlite::types::FromSql for CommissionState {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        CommissionState::parse(s).ok_or_else(|| {
            rusqlite::types::FromSqlError::Other(format!("unknown state {s:?}").into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::CommissionState::{self, *};

    /// The Rust rules and the database trigger agree on every pair.
    #[test]
    fn rust_and_the_database_allow_the_same_changes() {
        let dir = tempfile::tempdir().unwrap();
        let program = crate::settings::NewProgram {
            program_name: "T".into(),
            base_currency: "USD".into(),
        };
        let mut book = crate::Book::create(&dir.path().join("t.partnerbook"), &program).unwrap();
        let input = crate::partners::PartnerInput::new("Ana", "ana@example.com");
        let partner = crate::partners::create(&mut book, &input, crate::audit::Actor::User)
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
}
