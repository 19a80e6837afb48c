//! Partners paid to one account: one person paid twice, or a typo paying a
//! stranger. Payout readiness already refuses to pay them; the flag puts it
//! on the Risk screen with the partner's commissions.

use super::Found;
use crate::error::Result;
use crate::model::Check;
use partnerbook_partners::payout_method::mask_account;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Partners (not rejected or terminated) by payout account, for the accounts
/// more than one of them has. Only emails and IBANs name an account.
fn shared(conn: &Connection) -> Result<BTreeMap<String, Vec<(i64, String)>>> {
    let sql = format!(
        "SELECT id, name, lower(replace(trim({}), ' ', '')) FROM partners
          WHERE status NOT IN ('rejected', 'terminated') AND payout_method IN ('paypal', 'wise', 'iban')",
        partnerbook_payouts::ACCOUNT
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut by_account: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let account: String = r.get(2)?;
        if !account.is_empty() {
            by_account
                .entry(account)
                .or_default()
                .push((r.get(0)?, r.get(1)?));
        }
    }
    by_account.retain(|_, who| who.len() > 1);
    Ok(by_account)
}

pub(super) fn check(conn: &Connection) -> Result<Vec<Found>> {
    let today = partnerbook_book::time::today()
        .format("%Y-%m-%d")
        .to_string();
    let mut found = Vec::new();
    for (account, who) in shared(conn)? {
        let masked = mask_account(&account);
        for (id, _) in &who {
            let others: Vec<String> = who
                .iter()
                .filter(|(o, _)| o != id)
                .map(|(o, name)| format!("{name} (#{o})"))
                .collect();
            found.push(Found {
                check: Check::SharedPayoutAccount,
                partner_id: *id,
                conversion_id: None,
                // One flag per account shared: a new account shared later is news.
                subject: format!("account:{masked}"),
                evidence: format!(
                    "Paid to the same account ({masked}) as {}.",
                    others.join(", ")
                ),
                flagged_on: today.clone(),
            });
        }
    }
    Ok(found)
}
