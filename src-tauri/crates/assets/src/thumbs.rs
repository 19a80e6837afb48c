//! Thumbnails: images scaled to fit 320×320, and the first page of a PDF
//! (drawn by poppler's pdftoppm when it is installed), made once per content
//! and kept in the book.

use super::{sniff, store};
use crate::error::Result;
use image::{imageops::FilterType, ImageFormat};
use rusqlite::{params, Connection, OptionalExtension};
use std::io::Cursor;

const SIDE: u32 = 320;
/// Images larger than this are not decoded for a thumbnail (memory stays bounded).
const MAX_PIXELS: u64 = 40_000_000;

/// The thumbnail of `sha256`, made and kept on first request; None for
/// content that has no picture (text, HTML) or cannot be drawn here.
pub fn thumbnail(conn: &Connection, sha256: &str) -> Result<Option<Vec<u8>>> {
    if let Some(png) = conn
        .prepare_cached("SELECT png FROM asset_thumbs WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?
    {
        return Ok(Some(png));
    }
    let (mime, width, height): (String, Option<u32>, Option<u32>) = conn.query_row(
        "SELECT mime, width, height FROM asset_blobs WHERE sha256 = ?1",
        [sha256],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let png = if sniff::is_raster(&mime) {
        let pixels = u64::from(width.unwrap_or(0)) * u64::from(height.unwrap_or(0));
        if pixels == 0 || pixels > MAX_PIXELS {
            return Ok(None);
        }
        image::load_from_memory(&store::bytes(conn, sha256)?)
            .ok()
            .and_then(|img| encode(&img))
    } else if mime == "application/pdf" {
        pdf_first_page(&store::bytes(conn, sha256)?)
    } else {
        None
    };
    if let Some(png) = &png {
        conn.execute(
            "INSERT OR REPLACE INTO asset_thumbs (sha256, png) VALUES (?1, ?2)",
            params![sha256, png],
        )?;
    }
    Ok(png)
}

fn encode(img: &image::DynamicImage) -> Option<Vec<u8>> {
    let small = if img.width() > SIDE || img.height() > SIDE {
        img.resize(SIDE, SIDE, FilterType::Triangle)
    } else {
        img.clone()
    };
    let mut out = Vec::new();
    small
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .ok()?;
    Some(out)
}

fn pdf_first_page(pdf: &[u8]) -> Option<Vec<u8>> {
    let dir = tempfile::tempdir().ok()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).ok()?;
    let status = std::process::Command::new("pdftoppm")
        .args([
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            "-scale-to",
            &SIDE.to_string(),
        ])
        .arg(&input)
        .arg(dir.path().join("page"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    let png = std::fs::read(dir.path().join("page.png")).ok()?;
    image::load_from_memory(&png)
        .ok()
        .and_then(|img| encode(&img))
}
