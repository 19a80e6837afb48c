//! The demo crate's error: those of the crates it fills a book through.

use partnerbook_applications::ApplicationError;
use partnerbook_assets::AssetError;
pub use partnerbook_book::ErrorExt;
use partnerbook_ledger::LedgerError;
use partnerbook_partners::PartnerError;
use partnerbook_risk::RiskError;

partnerbook_book::crate_error!(DemoError { Partners(PartnerError), Ledger(LedgerError), Assets(AssetError), Applications(ApplicationError), Risk(RiskError) });
