//! Partner kits: a zip with the banners and documents meant for the
//! partner's group, every template rendered for them, and a README with
//! their code, coupon and links. For a group, the shared files once and a
//! folder per partner. What each partner was given is recorded.

use super::{links, names, store, templates};
use crate::error::{AssetError, ErrorExt, Result};
use partnerbook_book::progress::Progress;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::io::{Seek, Write};
use std::path::Path;
use ts_rs::TS;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KitTarget {
    Partner {
        id: i64,
    },
    /// Every active partner of the group.
    Group {
        id: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KitReport {
    pub partners: u32,
    pub files: u32,
    pub bytes: u64,
    pub path: String,
}

/// An asset as it goes into a kit.
struct Item {
    id: i64,
    version: u32,
    title: String,
    kind: super::AssetKind,
    sha256: String,
    file_name: String,
    mime: String,
    landing_url: String,
    size: u64,
}

/// The library's current files meant for `group` (or for everyone).
fn items(conn: &Connection, group: Option<i64>) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, v.version, a.title, a.kind, v.sha256, v.file_name, b.mime, a.landing_url, b.size
           FROM assets a
           JOIN asset_versions v ON v.asset_id = a.id
                AND v.version = (SELECT max(version) FROM asset_versions m WHERE m.asset_id = a.id)
           JOIN asset_blobs b ON b.sha256 = v.sha256
          WHERE a.archived = 0
            AND (NOT EXISTS (SELECT 1 FROM asset_groups g WHERE g.asset_id = a.id)
                 OR EXISTS (SELECT 1 FROM asset_groups g WHERE g.asset_id = a.id AND g.group_id = ?1))
          ORDER BY a.kind, a.title, a.id",
    )?;
    let rows = stmt
        .query_map([group], |r| {
            Ok(Item {
                id: r.get(0)?,
                version: r.get(1)?,
                title: r.get(2)?,
                kind: r.get(3)?,
                sha256: r.get(4)?,
                file_name: r.get(5)?,
                mime: r.get(6)?,
                landing_url: r.get(7)?,
                size: r.get::<_, i64>(8)? as u64,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn folder(item: &Item) -> &'static str {
    use super::AssetKind::*;
    match item.kind {
        Banner | Image => "banners",
        _ => "documents",
    }
}

fn zip_err(e: zip::result::ZipError) -> AssetError {
    AssetError::io("cannot write the kit", std::io::Error::other(e))
}

fn options(mime: &str) -> SimpleFileOptions {
    // Images and PDFs are compressed already; text is worth deflating.
    let method = if mime.starts_with("text/") {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::default())
        .large_file(false)
}

/// Each name once in a folder: "banner.png", "banner (2).png"…
fn unique(used: &mut std::collections::HashSet<String>, path: String) -> String {
    if used.insert(path.clone()) {
        return path;
    }
    let (stem, ext) = match path.rsplit_once('.') {
        Some((s, e)) if !s.ends_with('/') => (s.to_string(), format!(".{e}")),
        _ => (path.clone(), String::new()),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){ext}"))
        .find(|p| used.insert(p.clone()))
        .expect("a free name")
}

/// The files for everyone in the kit, under `prefix`.
fn write_files<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    conn: &Connection,
    items: &[Item],
    prefix: &str,
    used: &mut std::collections::HashSet<String>,
) -> Result<u32> {
    let mut n = 0;
    for item in items
        .iter()
        .filter(|i| !templates::is_template(i.kind, &i.mime))
    {
        let path = unique(
            used,
            format!(
                "{prefix}{}/{}",
                folder(item),
                names::safe_name(&item.file_name)?
            ),
        );
        zip.start_file(path, options(&item.mime)).map_err(zip_err)?;
        store::copy_to(conn, &item.sha256, zip)?;
        n += 1;
    }
    Ok(n)
}

/// Where a partner's part of a kit goes, and how it reaches them.
struct Part<'a> {
    /// The folder in the zip: "" or "partners/Ana Lima #12/".
    prefix: &'a str,
    /// Where the README says the shared files are.
    files_at: &'a str,
    /// "kit" or "email", for the record of what they were given.
    via: &'a str,
}

/// One partner's own part: the README and their rendered templates.
fn write_partner<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    conn: &Connection,
    partner: i64,
    items: &[Item],
    part: &Part<'_>,
    used: &mut std::collections::HashSet<String>,
) -> Result<u32> {
    let (prefix, files_at) = (part.prefix, part.files_at);
    let name: String =
        conn.query_row("SELECT name FROM partners WHERE id = ?1", [partner], |r| {
            r.get(0)
        })?;
    let program: String =
        conn.query_row("SELECT program_name FROM program WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    let (code, coupon) = templates::codes(conn, partner)?;
    let base = links::base_url(conn)?;
    let mut readme = format!("{program}: partner kit for {name}\n\n");
    match &code {
        Some(code) => {
            readme.push_str(&format!("Your referral code: {code}\n"));
            if let Ok(link) = links::referral_link(&base, "", code, &links::campaign(&name)) {
                readme.push_str(&format!("Your link: {link}\n"));
            }
        }
        None => readme.push_str("You have no referral code yet: ask us for one.\n"),
    }
    if let Some(c) = &coupon {
        readme.push_str(&format!("Your coupon: {c}\n"));
    }
    let pages: Vec<&Item> = items.iter().filter(|i| !i.landing_url.is_empty()).collect();
    if let (Some(code), false) = (&code, pages.is_empty()) {
        readme.push_str("\nLinks to our pages, with your code:\n");
        for i in pages {
            if let Ok(link) =
                links::referral_link(&base, &i.landing_url, code, &links::campaign(&name))
            {
                readme.push_str(&format!("- {}: {link}\n", i.title));
            }
        }
    }
    readme.push_str(&format!(
        "\nBanners and documents are in {files_at}; texts written for you are in copy/.\n"
    ));
    zip.start_file(format!("{prefix}README.txt"), options("text/plain"))
        .map_err(zip_err)?;
    zip.write_all(readme.as_bytes())
        .map_err(|e| AssetError::io("cannot write the kit", e))?;
    let mut n = 1;
    let at = now();
    for item in items {
        if templates::is_template(item.kind, &item.mime) {
            let text = String::from_utf8_lossy(&store::bytes(conn, &item.sha256)?).into_owned();
            let html = item.mime == "text/html";
            let body = templates::render(conn, &text, html, partner, &item.landing_url)?;
            let ext = if html { "html" } else { "txt" };
            let path = unique(
                used,
                format!("{prefix}copy/{}.{ext}", names::safe_name(&item.title)?),
            );
            zip.start_file(path, options(&item.mime)).map_err(zip_err)?;
            zip.write_all(body.as_bytes())
                .map_err(|e| AssetError::io("cannot write the kit", e))?;
            n += 1;
        }
        conn.prepare_cached("INSERT INTO asset_sends (asset_id, version, partner_id, via, sent_at) VALUES (?1, ?2, ?3, ?5, ?4)")?
            .execute(params![item.id, item.version, partner, at, part.via])?;
    }
    Ok(n)
}

/// Writes the kit for `target` to `out` (atomically) and records what each partner was given.
pub fn export(
    book: &mut Book,
    target: &KitTarget,
    out: &Path,
    progress: &dyn Progress,
) -> Result<KitReport> {
    let tx = book.transaction()?;
    let (group, partners): (Option<i64>, Vec<i64>) = match target {
        KitTarget::Partner { id } => {
            let group: Option<i64> = tx
                .query_row("SELECT group_id FROM partners WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(|_| AssetError::not_found(format!("partner #{id}")))?;
            (group, vec![*id])
        }
        KitTarget::Group { id } => {
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !known {
                return Err(AssetError::not_found(format!("group #{id}")));
            }
            let ids = tx
                .prepare("SELECT id FROM partners WHERE group_id = ?1 AND status = 'active' ORDER BY sort_key, id")?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            if ids.is_empty() {
                return Err(AssetError::invalid(
                    "group",
                    "the group has no active partners",
                ));
            }
            (Some(*id), ids)
        }
    };
    let items = items(&tx, group)?;
    if items.is_empty() {
        return Err(AssetError::invalid(
            "kit",
            "no assets in the library are meant for them: add some first",
        ));
    }
    let tmp = out.with_extension("partial");
    let file = std::fs::File::create(&tmp)
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
    let mut used = std::collections::HashSet::new();
    let total = partners.len() as u64;
    let mut files = 0;
    if let [one] = partners.as_slice() {
        files += write_files(&mut zip, &tx, &items, "", &mut used)?;
        files += write_partner(
            &mut zip,
            &tx,
            *one,
            &items,
            &Part {
                prefix: "",
                files_at: "banners/ and documents/",
                via: "kit",
            },
            &mut used,
        )?;
    } else {
        files += write_files(&mut zip, &tx, &items, "shared/", &mut used)?;
        for (i, partner) in partners.iter().enumerate() {
            if i % 50 == 0 {
                progress.update("Writing kits", i as u64, total);
                progress.check()?;
            }
            let name: String =
                tx.query_row("SELECT name FROM partners WHERE id = ?1", [partner], |r| {
                    r.get(0)
                })?;
            let prefix = format!(
                "partners/{}/",
                names::safe_name(&format!("{name} #{partner}"))?
            );
            files += write_partner(
                &mut zip,
                &tx,
                *partner,
                &items,
                &Part {
                    prefix: &prefix,
                    files_at: "../../shared/",
                    via: "kit",
                },
                &mut used,
            )?;
        }
    }
    let mut writer = zip.finish().map_err(zip_err)?;
    writer
        .flush()
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    let file = writer
        .into_inner()
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e.into_error()))?;
    file.sync_all()
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    let bytes = file
        .metadata()
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?
        .len();
    std::fs::rename(&tmp, out)
        .map_err(|e| AssetError::io(format!("cannot write {}", out.display()), e))?;
    tx.commit()?;
    progress.update("Writing kits", total, total);
    Ok(KitReport {
        partners: partners.len() as u32,
        files,
        bytes,
        path: out.to_string_lossy().into_owned(),
    })
}

/// Kits larger than this go by download, not as an email attachment.
const WELCOME_LIMIT: u64 = 10 * 1024 * 1024;

/// The kit attached to a new partner's welcome email: None when the library
/// has nothing for them, or too much to send by email.
pub fn welcome_kit(conn: &Connection, partner: i64) -> Result<Option<Vec<u8>>> {
    let group: Option<i64> = conn.query_row(
        "SELECT group_id FROM partners WHERE id = ?1",
        [partner],
        |r| r.get(0),
    )?;
    let items = items(conn, group)?;
    if items.is_empty() {
        return Ok(None);
    }
    if items.iter().map(|i| i.size).sum::<u64>() > WELCOME_LIMIT {
        return Ok(None);
    }
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut used = std::collections::HashSet::new();
    write_files(&mut zip, conn, &items, "", &mut used)?;
    write_partner(
        &mut zip,
        conn,
        partner,
        &items,
        &Part {
            prefix: "",
            files_at: "banners/ and documents/",
            via: "email",
        },
        &mut used,
    )?;
    Ok(Some(zip.finish().map_err(zip_err)?.into_inner()))
}
