//! A demo partner who can bring customers: what the earnings and the
//! planted risk cases need to know of them.

pub(super) struct Referrer {
    pub email: String,
    pub referral: String,
    pub coupon: Option<String>,
    /// Active and paused partners have customers; others none.
    pub selling: bool,
}
