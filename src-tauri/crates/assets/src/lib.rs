//! The asset library: banners, images, documents, templates and links for
//! partners. Files are stored in the book by content (see store.rs for why
//! and how), typed by their content, versioned, tagged, meant for groups,
//! and given thumbnails.

pub mod error;
pub mod kit;
pub mod links;
mod model;
pub mod names;
pub mod sniff;
pub mod store;
pub mod templates;
pub mod thumbs;

pub use error::{AssetError, Result};
pub use model::*;

use crate::error::ErrorExt;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::progress::Progress;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How new files are described; what is not given is worked out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct AddOptions {
    /// None: from the content (standard banner sizes are banners).
    pub kind: Option<AssetKind>,
    pub tags: Vec<String>,
    pub group_ids: Vec<i64>,
    pub landing_url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddReport {
    pub added: Vec<i64>,
    /// Files whose content the book already held: stored once, listed anyway.
    pub deduplicated: u32,
    pub bytes_stored: u64,
}

/// The IAB sizes a banner comes in.
const BANNER_SIZES: &[(u32, u32)] = &[
    (300, 250),
    (336, 280),
    (728, 90),
    (970, 90),
    (970, 250),
    (160, 600),
    (300, 600),
    (320, 50),
    (320, 100),
    (468, 60),
    (250, 250),
    (200, 200),
    (120, 600),
    (300, 50),
    (1200, 628),
    (1080, 1080),
];

fn kind_of(mime: &str, size: (Option<u32>, Option<u32>)) -> AssetKind {
    match mime {
        m if m.starts_with("image/") => match size {
            (Some(w), Some(h)) if BANNER_SIZES.contains(&(w, h)) => AssetKind::Banner,
            _ => AssetKind::Image,
        },
        "text/html" => AssetKind::EmailTemplate,
        "text/plain" => AssetKind::TextSnippet,
        _ => AssetKind::Document,
    }
}

fn title_of(file_name: &str) -> String {
    let stem = Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name);
    let t = stem.replace(['_', '-'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        file_name.to_string()
    } else {
        t
    }
}

/// Adds each file as a new asset, in one transaction: a file that cannot
/// be read stops the whole import and nothing is stored.
pub fn add_files(
    book: &mut Book,
    paths: &[PathBuf],
    options: &AddOptions,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<AddReport> {
    let tx = book.transaction()?;
    let report = add_files_in(&tx, paths, options, actor, progress)?;
    tx.commit()?;
    Ok(report)
}

/// `add_files` inside the caller's transaction.
pub fn add_files_in(
    tx: &Connection,
    paths: &[PathBuf],
    options: &AddOptions,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<AddReport> {
    let mut report = AddReport::default();
    for (i, path) in paths.iter().enumerate() {
        progress.update("Adding files", i as u64, paths.len() as u64);
        progress.check()?;
        let meta = names::check_source(path)?;
        let file_name = names::safe_name(
            &path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )?;
        let stored = store::store_file(tx, path, meta.len())?;
        if stored.new {
            report.bytes_stored += stored.size;
        } else {
            report.deduplicated += 1;
        }
        let kind = options
            .kind
            .unwrap_or_else(|| kind_of(&stored.mime, (stored.width, stored.height)));
        check_template(tx, kind, &stored, &file_name)?;
        let at = now();
        tx.prepare_cached(
            "INSERT INTO assets (title, kind, landing_url, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        )?
        .execute(params![title_of(&file_name), kind, options.landing_url.trim(), at])?;
        let id = tx.last_insert_rowid();
        add_version_row(tx, id, 1, &stored.sha256, &file_name, &at)?;
        set_tags_groups(tx, id, &options.tags, &options.group_ids)?;
        if stored.new && (sniff::is_raster(&stored.mime) || stored.mime == "application/pdf") {
            thumbs::thumbnail(tx, &stored.sha256)?;
        }
        audit::record(
            tx,
            actor,
            "asset",
            Some(id),
            "add",
            None,
            Some(
                &serde_json::json!({ "file": file_name, "sha256": stored.sha256, "size": stored.size }),
            ),
        )?;
        report.added.push(id);
    }
    progress.update("Adding files", paths.len() as u64, paths.len() as u64);
    Ok(report)
}

/// A template's placeholders are checked as it comes in.
fn check_template(
    conn: &Connection,
    kind: AssetKind,
    stored: &store::Stored,
    file_name: &str,
) -> Result<()> {
    if !templates::is_template(kind, &stored.mime) {
        return Ok(());
    }
    if stored.size > 1024 * 1024 {
        return Err(AssetError::invalid(
            "template",
            format!("{file_name} is over 1 MB: too long for a template"),
        ));
    }
    let text = String::from_utf8_lossy(&store::bytes(conn, &stored.sha256)?).into_owned();
    templates::check(file_name, &text)
}

/// Saves `text` as a new version of template asset `id` (its placeholders
/// checked first); the file keeps its name and type.
pub fn save_text(book: &mut Book, id: i64, text: &str, actor: Actor) -> Result<AssetDetail> {
    let a = get(book, id)?;
    if !templates::is_template(a.kind, &a.current.mime) {
        return Err(AssetError::invalid(
            "asset",
            format!("\"{}\" is not a text template", a.title),
        ));
    }
    templates::check(&a.current.file_name, text)?;
    let dir = tempfile::tempdir().map_err(|e| AssetError::io("cannot save the template", e))?;
    let path = dir.path().join(&a.current.file_name);
    std::fs::write(&path, text).map_err(|e| AssetError::io("cannot save the template", e))?;
    add_version(book, id, &path, actor)
}

/// What an unsaved template text would say to `partner`, for a live preview.
pub fn preview_text(
    book: &Book,
    text: &str,
    html: bool,
    partner: i64,
    landing_url: &str,
) -> Result<String> {
    templates::check("the template", text)?;
    partnerbook_partners::get(book, partner)?;
    templates::render(book.conn(), text, html, partner, landing_url)
}

/// The text of template asset `id`'s current version, to edit.
pub fn text_of(book: &Book, id: i64) -> Result<String> {
    let a = get(book, id)?;
    if !a.current.mime.starts_with("text/") {
        return Err(AssetError::invalid(
            "asset",
            format!("\"{}\" is not text", a.title),
        ));
    }
    Ok(String::from_utf8_lossy(&store::bytes(book.conn(), &a.current.sha256)?).into_owned())
}

/// What template asset `id` says to `partner`.
pub fn render_for(book: &Book, id: i64, partner: i64) -> Result<String> {
    let a = get(book, id)?;
    if !templates::is_template(a.kind, &a.current.mime) {
        return Err(AssetError::invalid(
            "asset",
            format!("\"{}\" is not a text template", a.title),
        ));
    }
    partnerbook_partners::get(book, partner)?;
    let text = String::from_utf8_lossy(&store::bytes(book.conn(), &a.current.sha256)?).into_owned();
    templates::render(
        book.conn(),
        &text,
        a.current.mime == "text/html",
        partner,
        &a.landing_url,
    )
}

fn add_version_row(
    conn: &Connection,
    id: i64,
    version: u32,
    sha256: &str,
    file_name: &str,
    at: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO asset_versions (asset_id, version, sha256, file_name, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, version, sha256, file_name, at])?;
    Ok(())
}

fn set_tags_groups(conn: &Connection, id: i64, tags: &[String], groups: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM asset_tags WHERE asset_id = ?1", [id])?;
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        conn.prepare_cached("INSERT OR IGNORE INTO asset_tags (asset_id, tag) VALUES (?1, ?2)")?
            .execute(params![id, tag])?;
    }
    conn.execute("DELETE FROM asset_groups WHERE asset_id = ?1", [id])?;
    for g in groups {
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
            [g],
            |r| r.get(0),
        )?;
        if !known {
            return Err(AssetError::not_found(format!("group #{g}")));
        }
        conn.prepare_cached(
            "INSERT OR IGNORE INTO asset_groups (asset_id, group_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, g])?;
    }
    Ok(())
}

/// A new version of asset `id` from `path`; the old versions stay.
pub fn add_version(book: &mut Book, id: i64, path: &Path, actor: Actor) -> Result<AssetDetail> {
    let tx = book.transaction()?;
    let meta = names::check_source(path)?;
    let file_name = names::safe_name(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )?;
    let last: u32 = tx
        .query_row(
            "SELECT max(version) FROM asset_versions WHERE asset_id = ?1",
            [id],
            |r| r.get::<_, Option<u32>>(0),
        )?
        .ok_or_else(|| AssetError::not_found(format!("asset #{id}")))?;
    let stored = store::store_file(&tx, path, meta.len())?;
    let kind: AssetKind =
        tx.query_row("SELECT kind FROM assets WHERE id = ?1", [id], |r| r.get(0))?;
    check_template(&tx, kind, &stored, &file_name)?;
    let at = now();
    add_version_row(&tx, id, last + 1, &stored.sha256, &file_name, &at)?;
    tx.execute(
        "UPDATE assets SET updated_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    if sniff::is_raster(&stored.mime) || stored.mime == "application/pdf" {
        thumbs::thumbnail(&tx, &stored.sha256)?;
    }
    audit::record(
        &tx,
        actor,
        "asset",
        Some(id),
        "new_version",
        None,
        Some(&serde_json::json!({ "version": last + 1, "sha256": stored.sha256 })),
    )?;
    tx.commit()?;
    detail(book, id)
}

/// What a person edits about an asset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssetEdit {
    pub title: String,
    pub kind: AssetKind,
    pub tags: Vec<String>,
    pub group_ids: Vec<i64>,
    pub landing_url: String,
}

pub fn update(book: &mut Book, id: i64, e: &AssetEdit, actor: Actor) -> Result<AssetDetail> {
    if e.title.trim().is_empty() {
        return Err(AssetError::invalid("title", "is required"));
    }
    let url = e.landing_url.trim();
    if !url.is_empty() {
        partnerbook_book::validate::website(url, "landing_url")?;
    }
    let tx = book.transaction()?;
    let n = tx.execute(
        "UPDATE assets SET title = ?2, kind = ?3, landing_url = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, e.title.trim(), e.kind, url, now()],
    )?;
    if n == 0 {
        return Err(AssetError::not_found(format!("asset #{id}")));
    }
    set_tags_groups(&tx, id, &e.tags, &e.group_ids)?;
    audit::record(
        &tx,
        actor,
        "asset",
        Some(id),
        "update",
        None,
        Some(&audit::to_json(e)),
    )?;
    tx.commit()?;
    detail(book, id)
}

pub fn set_archived(book: &mut Book, id: i64, archived: bool, actor: Actor) -> Result<()> {
    let tx = book.transaction()?;
    let n = tx.execute(
        "UPDATE assets SET archived = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, archived, now()],
    )?;
    if n == 0 {
        return Err(AssetError::not_found(format!("asset #{id}")));
    }
    audit::record(
        &tx,
        actor,
        "asset",
        Some(id),
        if archived { "archive" } else { "unarchive" },
        None,
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// Which assets to list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct AssetQuery {
    pub kind: Option<AssetKind>,
    pub tag: Option<String>,
    pub group_id: Option<i64>,
    /// "300x250": only images of exactly that size.
    pub size: Option<String>,
    /// Words in the title or file name.
    pub text: Option<String>,
    pub archived: bool,
}

const SELECT: &str =
    "SELECT a.id, a.title, a.kind, a.landing_url, a.archived, a.created_at, a.updated_at,
        v.version, v.sha256, v.file_name, b.size, b.mime, b.width, b.height, v.added_at,
        (SELECT count(*) FROM asset_versions c WHERE c.asset_id = a.id)
   FROM assets a
   JOIN asset_versions v ON v.asset_id = a.id
        AND v.version = (SELECT max(version) FROM asset_versions m WHERE m.asset_id = a.id)
   JOIN asset_blobs b ON b.sha256 = v.sha256";

fn row(conn: &Connection, r: &rusqlite::Row<'_>) -> rusqlite::Result<Asset> {
    let id: i64 = r.get(0)?;
    let tags = conn
        .prepare_cached("SELECT tag FROM asset_tags WHERE asset_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let group_ids = conn
        .prepare_cached("SELECT group_id FROM asset_groups WHERE asset_id = ?1 ORDER BY group_id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Asset {
        id,
        title: r.get(1)?,
        kind: r.get(2)?,
        landing_url: r.get(3)?,
        archived: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        current: version_of(r, 7)?,
        versions: r.get(15)?,
        tags,
        group_ids,
    })
}

fn version_of(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<AssetVersion> {
    Ok(AssetVersion {
        version: r.get(at)?,
        sha256: r.get(at + 1)?,
        file_name: r.get(at + 2)?,
        size: r.get::<_, i64>(at + 3)? as u64,
        mime: r.get(at + 4)?,
        width: r.get(at + 5)?,
        height: r.get(at + 6)?,
        added_at: r.get(at + 7)?,
    })
}

pub fn list(book: &Book, q: &AssetQuery) -> Result<Vec<Asset>> {
    let (w, h) = match q.size.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let (w, h) = s
                .split_once(['x', '×', 'X'])
                .and_then(|(w, h)| {
                    Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?))
                })
                .ok_or_else(|| {
                    AssetError::invalid("size", format!("\"{s}\" is not a size like 300x250"))
                })?;
            (Some(w), Some(h))
        }
        None => (None, None),
    };
    let text = q
        .text
        .as_deref()
        .map(|t| format!("%{}%", t.trim().to_lowercase()));
    let conn = book.conn();
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE a.archived = ?1 AND (?2 IS NULL OR a.kind = ?2)
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id AND t.tag = ?3))
           AND (?4 IS NULL OR EXISTS (SELECT 1 FROM asset_groups g WHERE g.asset_id = a.id AND g.group_id = ?4))
           AND (?5 IS NULL OR (b.width = ?5 AND b.height = ?6))
           AND (?7 IS NULL OR lower(a.title) LIKE ?7 OR lower(v.file_name) LIKE ?7)
         ORDER BY a.id DESC"
    ))?;
    let rows = stmt
        .query_map(
            params![
                q.archived,
                q.kind,
                q.tag.as_deref().map(str::trim),
                q.group_id,
                w,
                h,
                text
            ],
            |r| row(conn, r),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(book: &Book, id: i64) -> Result<Asset> {
    let conn = book.conn();
    conn.prepare(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], |r| row(conn, r))
        .optional()?
        .ok_or_else(|| AssetError::not_found(format!("asset #{id}")))
}

pub fn detail(book: &Book, id: i64) -> Result<AssetDetail> {
    let asset = get(book, id)?;
    let conn = book.conn();
    let versions = conn
        .prepare(
            "SELECT v.version, v.sha256, v.file_name, b.size, b.mime, b.width, b.height, v.added_at
               FROM asset_versions v JOIN asset_blobs b ON b.sha256 = v.sha256
              WHERE v.asset_id = ?1 ORDER BY v.version DESC",
        )?
        .query_map([id], |r| version_of(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    let sends = conn
        .prepare(
            "SELECT s.partner_id, p.name, s.version, s.via, s.sent_at FROM asset_sends s
               JOIN partners p ON p.id = s.partner_id WHERE s.asset_id = ?1 ORDER BY s.id DESC LIMIT 500",
        )?
        .query_map([id], |r| {
            Ok(AssetSend { partner_id: r.get(0)?, partner_name: r.get(1)?, version: r.get(2)?, via: r.get(3)?, sent_at: r.get(4)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(AssetDetail {
        asset,
        versions,
        sends,
    })
}

/// Writes the current (or given) version of asset `id` to `out`.
pub fn export_file(book: &Book, id: i64, version: Option<u32>, out: &Path) -> Result<u64> {
    let sha: String = book
        .conn()
        .query_row(
            "SELECT sha256 FROM asset_versions WHERE asset_id = ?1 AND version = coalesce(?2,
                (SELECT max(version) FROM asset_versions WHERE asset_id = ?1))",
            params![id, version],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| AssetError::not_found(format!("asset #{id}")))?;
    let tmp = out.with_extension("partial");
    let mut file = std::fs::File::create(&tmp)
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    let n = store::copy_to(book.conn(), &sha, &mut file)?;
    file.sync_all()
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    std::fs::rename(&tmp, out)
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    Ok(n)
}

/// The thumbnail PNG of an asset's current version, if it has a picture.
pub fn thumbnail(book: &Book, id: i64) -> Result<Option<Vec<u8>>> {
    thumbs::thumbnail(book.conn(), &get(book, id)?.current.sha256)
}
