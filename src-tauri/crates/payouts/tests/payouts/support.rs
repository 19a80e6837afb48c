//! What payouts' tests add to the shared test program.

use partnerbook_book::audit::Actor;
use partnerbook_testkit::P;

/// Sets the program's own account, which SEPA files need.
pub fn with_payer(p: &mut P) {
    partnerbook_payouts::set_payer(
        &mut p.book,
        "FR14 2004 1010 0505 0001 3M02 606",
        "PSSTFRPPPAR",
        Actor::User,
    )
    .unwrap();
}
