pub mod bench;
pub mod book;
pub mod groups;
pub mod partner_fields;
pub mod partners;
pub mod settings;
