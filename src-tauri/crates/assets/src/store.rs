//! File contents in the book, by SHA-256. A file is read twice, in fixed
//! chunks: once to hash it (a known content is not stored again), once to
//! copy it into a blob of its exact size. Memory stays bounded whatever the
//! file's size, and the caller's transaction makes it all or nothing.

use super::sniff;
use crate::error::{AssetError, ErrorExt, Result};
use rusqlite::{blob::ZeroBlob, params, Connection, OptionalExtension, MAIN_DB};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::Path;

const CHUNK: usize = 256 * 1024;
/// Larger files are not marketing assets; the bound keeps a blob well under SQLite's 1 GB limit.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// What storing a file found.
pub struct Stored {
    pub sha256: String,
    pub size: u64,
    pub mime: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// False when the same content was already in the book.
    pub new: bool,
}

fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path)
        .map_err(|e| AssetError::io(format!("cannot read {}", path.display()), e))
}

/// Stores the file at `path` unless its content is already in the book.
pub fn store_file(conn: &Connection, path: &Path, size: u64) -> Result<Stored> {
    if size > MAX_BYTES {
        return Err(AssetError::invalid(
            "file",
            format!(
                "{} is {} MB: files up to {} MB can be added",
                path.display(),
                size >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    let read_err = |e| AssetError::io(format!("cannot read {}", path.display()), e);
    let mut file = open(path)?;
    let mut hasher = Sha256::new();
    let mut head = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    let mut seen = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(read_err)?;
        if n == 0 {
            break;
        }
        if head.len() < 8192 {
            head.extend_from_slice(&buf[..n.min(8192 - head.len())]);
        }
        hasher.update(&buf[..n]);
        seen += n as u64;
    }
    if seen != size {
        return Err(AssetError::invalid(
            "file",
            format!("{} changed while it was read", path.display()),
        ));
    }
    let sha256 = format!("{:x}", hasher.finalize());
    if let Some((mime, width, height)) = conn
        .prepare_cached("SELECT mime, width, height FROM asset_blobs WHERE sha256 = ?1")?
        .query_row([&sha256], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
    {
        return Ok(Stored {
            sha256,
            size,
            mime,
            width,
            height,
            new: false,
        });
    }
    let mime = sniff::mime(&head);
    let (width, height) = if sniff::is_raster(&mime) {
        image::ImageReader::open(path)
            .and_then(|r| r.with_guessed_format())
            .ok()
            .and_then(|r| r.into_dimensions().ok())
            .map_or((None, None), |(w, h)| (Some(w), Some(h)))
    } else {
        (None, None)
    };
    conn.prepare_cached(
        "INSERT INTO asset_blobs (sha256, size, mime, width, height, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![sha256, size as i64, mime, width, height, ZeroBlob(size as i32)])?;
    let rowid = conn.last_insert_rowid();
    let mut blob = conn.blob_open(MAIN_DB, c"asset_blobs", c"data", rowid, false)?;
    let mut file = open(path)?;
    let mut copied = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(read_err)?;
        if n == 0 {
            break;
        }
        copied += n as u64;
        if copied > size {
            return Err(AssetError::invalid(
                "file",
                format!("{} changed while it was read", path.display()),
            ));
        }
        blob.write_all(&buf[..n])
            .map_err(|e| AssetError::io("cannot store the file in the book", e))?;
    }
    if copied != size {
        return Err(AssetError::invalid(
            "file",
            format!("{} changed while it was read", path.display()),
        ));
    }
    Ok(Stored {
        sha256,
        size,
        mime,
        width,
        height,
        new: true,
    })
}

/// The stored bytes of `sha256`, streamed into `out` in chunks.
pub fn copy_to(conn: &Connection, sha256: &str, out: &mut dyn Write) -> Result<u64> {
    let rowid: i64 = conn
        .prepare_cached("SELECT rowid FROM asset_blobs WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?
        .ok_or_else(|| AssetError::not_found(format!("stored file {sha256}")))?;
    let mut blob = conn.blob_open(MAIN_DB, c"asset_blobs", c"data", rowid, true)?;
    std::io::copy(&mut blob, out).map_err(|e| AssetError::io("cannot read the stored file", e))
}

/// The stored bytes of `sha256` (for small files: templates, thumbnails' sources).
pub fn bytes(conn: &Connection, sha256: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    copy_to(conn, sha256, &mut out)?;
    Ok(out)
}

/// Every stored file whose bytes no longer hash to the name it is kept
/// under (a damaged disk, an edit outside Partnerbook), by that name.
pub fn damaged(conn: &Connection) -> Result<Vec<String>> {
    struct Hashing(sha2::Sha256);
    impl Write for Hashing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            sha2::Digest::update(&mut self.0, buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let names: Vec<String> = conn
        .prepare("SELECT sha256 FROM asset_blobs ORDER BY sha256")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for name in names {
        let mut h = Hashing(<sha2::Sha256 as sha2::Digest>::new());
        copy_to(conn, &name, &mut h)?;
        let got: String = sha2::Digest::finalize(h.0)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if got != name {
            out.push(name);
        }
    }
    Ok(out)
}
