//! How a payout method and account are named where people read them
//! (statements, the onboarding board, readiness), without showing the
//! whole account.

use crate::model::PayoutMethod;

pub fn method_name(m: PayoutMethod) -> &'static str {
    match m {
        PayoutMethod::Paypal => "PayPal",
        PayoutMethod::Wise => "Wise",
        PayoutMethod::Iban => "bank transfer (IBAN)",
        PayoutMethod::Other => "other",
        PayoutMethod::None => "none",
    }
}

/// "…1234" for an IBAN, "an…@example.com" for an email.
pub fn mask_account(account: &str) -> String {
    if account.is_empty() {
        return String::new();
    }
    if let Some((local, domain)) = account.split_once('@') {
        let head: String = local.chars().take(2).collect();
        return format!("{head}…@{domain}");
    }
    let chars: Vec<char> = account.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("…{tail}")
}
