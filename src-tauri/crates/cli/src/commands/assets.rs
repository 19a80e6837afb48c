//! `assets add|list|show|version|archive|export`.

use crate::args::{AssetsCommand, KitCommand};
use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::assets::kit::KitTarget;
use partnerbook_core::assets::{self, links, AddOptions, Asset, AssetKind, AssetQuery};
use partnerbook_core::audit::Actor;
use partnerbook_core::partners;
use partnerbook_core::{groups, Book, BookError, ErrorExt};

fn kind(text: Option<String>) -> Result<Option<AssetKind>, BookError> {
    text.map(|k| {
        AssetKind::parse(&k.replace('-', "_")).ok_or_else(|| {
            BookError::invalid(
                "kind",
                format!("\"{k}\" is not banner, image, document, email_template, social_post, text_snippet or landing_page"),
            )
        })
    })
    .transpose()
}

fn group_id(book: &Book, name: &str) -> Result<i64, BookError> {
    groups::find_id(book.conn(), name)?
        .ok_or_else(|| BookError::not_found(format!("group \"{name}\"")))
}

fn size(a: &Asset) -> String {
    match (a.current.width, a.current.height) {
        (Some(w), Some(h)) => format!("{w}×{h}"),
        _ => String::new(),
    }
}

fn kb(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

pub fn run(book: &mut Book, command: AssetsCommand) -> CliResult {
    match command {
        AssetsCommand::Add {
            files,
            kind: k,
            tags,
            groups,
            landing_url,
        } => {
            let group_ids = groups
                .iter()
                .map(|g| group_id(book, g))
                .collect::<Result<Vec<_>, _>>()?;
            let options = AddOptions {
                kind: kind(k)?,
                tags,
                group_ids,
                landing_url,
            };
            let bar = Bar::new();
            let report = assets::add_files(book, &files, &options, Actor::User, &bar);
            bar.finish();
            let r = report?;
            println!(
                "{} assets added ({} stored, {} with contents the library already had).",
                r.added.len(),
                kb(r.bytes_stored),
                r.deduplicated
            );
        }
        AssetsCommand::List {
            kind: k,
            tag,
            group,
            size: s,
            search,
            archived,
            json,
        } => {
            let group_id = group.map(|g| group_id(book, &g)).transpose()?;
            let list = assets::list(
                book,
                &AssetQuery {
                    kind: kind(k)?,
                    tag,
                    group_id,
                    size: s,
                    text: search,
                    archived,
                },
            )?;
            if json {
                output::json(&list);
            } else {
                output::table(
                    &["id", "title", "kind", "size", "type", "bytes", "v", "tags"],
                    list.iter()
                        .map(|a| {
                            vec![
                                a.id.to_string(),
                                a.title.clone(),
                                a.kind.as_str().replace('_', " "),
                                size(a),
                                a.current.mime.clone(),
                                kb(a.current.size),
                                a.versions.to_string(),
                                a.tags.join(", "),
                            ]
                        })
                        .collect(),
                );
            }
        }
        AssetsCommand::Show { id, json } => {
            let d = assets::detail(book, id)?;
            if json {
                output::json(&d);
            } else {
                let a = &d.asset;
                output::fields(&[
                    ("id", a.id.to_string()),
                    ("title", a.title.clone()),
                    ("kind", a.kind.as_str().replace('_', " ")),
                    ("file", a.current.file_name.clone()),
                    ("type", a.current.mime.clone()),
                    ("size", size(a)),
                    ("bytes", kb(a.current.size)),
                    ("tags", a.tags.join(", ")),
                    ("landing url", a.landing_url.clone()),
                    (
                        "archived",
                        if a.archived {
                            "yes".into()
                        } else {
                            String::new()
                        },
                    ),
                ]);
                println!("\nVersions:");
                for v in &d.versions {
                    println!(
                        "  v{}  {}  {}  {}",
                        v.version,
                        &v.added_at[..10.min(v.added_at.len())],
                        v.file_name,
                        &v.sha256[..12]
                    );
                }
                if !d.sends.is_empty() {
                    println!("\nSent to:");
                    for s in &d.sends {
                        println!(
                            "  {}  {} (v{}, {})",
                            &s.sent_at[..10.min(s.sent_at.len())],
                            s.partner_name,
                            s.version,
                            s.via
                        );
                    }
                }
            }
        }
        AssetsCommand::Version { id, file } => {
            let d = assets::add_version(book, id, &file, Actor::User)?;
            println!("Asset #{id} is now at version {}.", d.asset.current.version);
        }
        AssetsCommand::Archive { id, restore } => {
            assets::set_archived(book, id, !restore, Actor::User)?;
            println!(
                "Asset #{id} {}.",
                if restore { "restored" } else { "archived" }
            );
        }
        AssetsCommand::BaseUrl { url } => match url {
            Some(url) => println!(
                "Referral links are built on {}.",
                links::set_base_url(book, &url, Actor::User)?
            ),
            None => {
                let url = links::base_url(book.conn())?;
                println!(
                    "{}",
                    if url.is_empty() {
                        "(not set: partnerbook assets base-url https://…)".into()
                    } else {
                        url
                    }
                );
            }
        },
        AssetsCommand::Render { id, partner } => {
            let partner = partners::resolve(book, &partner)?.id;
            println!("{}", assets::render_for(book, id, partner)?);
        }
        AssetsCommand::Export { id, out, version } => {
            let n = assets::export_file(book, id, version, &out)?;
            println!("Wrote {} ({}).", out.display(), kb(n));
        }
    }
    Ok(())
}

pub fn kit(book: &mut Book, command: KitCommand) -> CliResult {
    let KitCommand::Export {
        partner,
        group,
        out,
    } = command;
    let target = match (partner, group) {
        (Some(p), _) => KitTarget::Partner {
            id: partners::resolve(book, &p)?.id,
        },
        (None, Some(g)) => KitTarget::Group {
            id: group_id(book, &g)?,
        },
        (None, None) => {
            return Err(BookError::invalid("kit", "say --partner P or --group G").into())
        }
    };
    let bar = Bar::new();
    let report = assets::kit::export(book, &target, &out, &bar);
    bar.finish();
    let r = report?;
    println!(
        "Wrote {} for {} partners: {} files, {}.",
        r.path,
        r.partners,
        r.files,
        kb(r.bytes)
    );
    Ok(())
}
