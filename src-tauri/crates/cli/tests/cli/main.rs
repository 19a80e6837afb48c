//! The `partnerbook` program's tests, as one test binary: the binary run as
//! a script or a person uses it, on real books in temp folders.

mod applications;
mod assets;
mod mail;
mod partners;
mod payout_kill;
mod risk;
mod support;
mod sync_kill;
