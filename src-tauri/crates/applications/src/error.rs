//! The applications crate's error: those of the book, partners, the outbox
//! and the asset library, passed on.

use partnerbook_assets::AssetError;
pub use partnerbook_book::ErrorExt;
use partnerbook_outbox::OutboxError;
use partnerbook_partners::PartnerError;

partnerbook_book::crate_error!(ApplicationError { Partners(PartnerError), Outbox(OutboxError), Assets(AssetError) });
