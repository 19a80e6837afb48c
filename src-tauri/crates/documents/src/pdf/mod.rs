//! PDF documents with printpdf: embedded fonts with wide coverage (any
//! name, CJK included), text placed and measured exactly, bands and rules,
//! and saving so the same content always gives the same bytes. Statements
//! and reports draw with it.

mod canvas;
mod fonts;
mod image;

pub use canvas::{document, finish, rgb, save, Finish, Page, A4_HEIGHT, A4_WIDTH};
pub use fonts::{Face, Fonts};
pub use image::Logo;
