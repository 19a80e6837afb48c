//! The business's logo for letterheads. Whatever the manager picks (PNG or
//! JPEG, typed by its content, not its name) is decoded once, scaled to fit
//! a letterhead and kept in the book as a small PNG: statements stay small,
//! and a book copied to another laptop keeps its logo.

use crate::error::{DocumentError, ErrorExt, Result};
use image::{imageops::FilterType, ImageFormat};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::Book;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::io::Cursor;
use std::path::Path;
use ts_rs::TS;

/// Larger files are not logos; refusing them early keeps memory bounded.
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
const MAX_SOURCE_SIDE: u32 = 10_000;
/// Three times the largest size a letterhead prints it (150 × 48 pt), so it
/// stays sharp on paper.
const MAX_WIDTH: u32 = 900;
const MAX_HEIGHT: u32 = 300;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LogoInfo {
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// The stored PNG as a data: URL, for showing it in the settings.
    pub data_url: String,
}

/// Reads `path`, normalises it and stores it as the program's logo.
pub fn set_from_file(book: &mut Book, path: &Path, actor: Actor) -> Result<LogoInfo> {
    let name = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| DocumentError::io(format!("cannot read {name}"), e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(DocumentError::invalid(
            "logo",
            format!(
                "{name} is {} MB: a logo should be under 20 MB",
                size / (1024 * 1024)
            ),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| DocumentError::io(format!("cannot read {name}"), e))?;
    let png = normalise(&bytes)
        .map_err(|why| DocumentError::invalid("logo", format!("{name}: {why}")))?;
    let tx = book.transaction()?;
    tx.execute("UPDATE program SET logo_png = ?1 WHERE id = 1", [&png])?;
    audit::record(
        &tx,
        actor,
        "program",
        Some(1),
        "logo_set",
        None,
        Some(&serde_json::json!({ "file": name, "bytes": png.len() })),
    )?;
    tx.commit()?;
    info_of(&png)
}

pub fn clear(book: &mut Book, actor: Actor) -> Result<()> {
    let tx = book.transaction()?;
    tx.execute("UPDATE program SET logo_png = NULL WHERE id = 1", [])?;
    audit::record(&tx, actor, "program", Some(1), "logo_cleared", None, None)?;
    tx.commit()?;
    Ok(())
}

/// The stored logo, a PNG, if any.
pub fn png(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT logo_png FROM program WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten())
}

pub fn info(book: &Book) -> Result<Option<LogoInfo>> {
    png(book.conn())?.map(|p| info_of(&p)).transpose()
}

fn info_of(png: &[u8]) -> Result<LogoInfo> {
    use base64::Engine;
    let img = image::load_from_memory_with_format(png, ImageFormat::Png)
        .map_err(|e| DocumentError::invalid("logo", format!("the stored logo is damaged: {e}")))?;
    Ok(LogoInfo {
        width: img.width(),
        height: img.height(),
        bytes: png.len() as u32,
        data_url: format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(png)
        ),
    })
}

/// PNG or JPEG bytes → a PNG no larger than MAX_WIDTH × MAX_HEIGHT.
fn normalise(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let format = image::guess_format(bytes)
        .ok()
        .filter(|f| matches!(f, ImageFormat::Png | ImageFormat::Jpeg))
        .ok_or("not a PNG or JPEG image")?;
    let reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("cannot read the image: {e}"))?;
    if w == 0 || h == 0 || w > MAX_SOURCE_SIDE || h > MAX_SOURCE_SIDE {
        return Err(format!(
            "the image is {w}×{h} pixels: a logo should be at most {MAX_SOURCE_SIDE} pixels on each side"
        ));
    }
    let img = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    let img = if img.width() > MAX_WIDTH || img.height() > MAX_HEIGHT {
        img.resize(MAX_WIDTH, MAX_HEIGHT, FilterType::Lanczos3)
    } else {
        img
    };
    let mut out = Vec::new();
    img.to_rgba8()
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|e| format!("cannot store the image: {e}"))?;
    Ok(out)
}
