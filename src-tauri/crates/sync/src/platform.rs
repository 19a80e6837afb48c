//! The adapter shape: a platform knows its endpoints and how to read its
//! pages into `remote` records. Adding FirstPromoter or Tapfiliate is one
//! more module that implements `Platform`; the rest of sync stays.

use crate::error::Result;
use crate::http::Polite;
use crate::remote::{Page, Resource};
use partnerbook_book::progress::Progress;

pub trait Platform {
    /// The resources it has, in the order they are synced.
    fn resources(&self) -> &'static [Resource];

    /// One page of `resource`: records changed since `since_ms` (epoch ms;
    /// None for everything), starting after `cursor` (None: the first page).
    /// `page` numbers pages from 1 for messages.
    fn page(
        &mut self,
        resource: Resource,
        since_ms: Option<i64>,
        cursor: Option<&str>,
        page: u64,
        progress: &dyn Progress,
    ) -> Result<Page>;

    /// The HTTP client, for its counts.
    fn http(&self) -> &Polite;
}
