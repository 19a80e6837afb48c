//! Which commissions an open risk flag holds (migration 0016): every line
//! of a flagged sale, at each level of the two-tier chain, and all of a
//! partner's lines when the flag is about the partner rather than a sale.
//! The ledger does not approve them and payout runs do not claim them; the
//! rule is spelled once, here, so both say the same.

/// SQL, true when the current row of `commissions` (or of the alias given,
/// `not_held_by_risk!(k)`) is not held by an open risk flag:
/// `concat!("… WHERE ", not_held_by_risk!())`. The first test does not
/// depend on the row, so SQLite answers it once: a book with no hold open
/// pays nothing per row (a million-line payout preview took 27% longer with
/// only the per-row tests).
#[macro_export]
macro_rules! not_held_by_risk {
    () => {
        $crate::not_held_by_risk!(commissions)
    };
    ($k:ident) => {
        concat!(
            "(NOT EXISTS (SELECT 1 FROM risk_flags WHERE status = 'open' AND hold = 1) \
             OR (NOT EXISTS (SELECT 1 FROM risk_flags f WHERE f.conversion_id = ",
            stringify!($k),
            ".conversion_id AND f.status = 'open' AND f.hold = 1) \
                 AND NOT EXISTS (SELECT 1 FROM risk_flags f WHERE f.conversion_id IS NULL AND f.partner_id = ",
            stringify!($k),
            ".partner_id AND f.status = 'open' AND f.hold = 1)))"
        )
    };
}
