//! A small library for the demo: banners in the standard sizes drawn here
//! (so they need no files from anywhere), a logo, and texts with
//! placeholders for emails and social posts.

use crate::error::{DemoError, ErrorExt, Result};
use image::{Rgba, RgbaImage};
use partnerbook_assets::{self as assets, AddOptions, AssetKind};
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use rusqlite::Connection;

const BANNERS: &[(u32, u32, &str)] = &[
    (300, 250, "Fjord Notes — medium rectangle"),
    (728, 90, "Fjord Notes — leaderboard"),
    (160, 600, "Fjord Notes — skyscraper"),
    (320, 50, "Fjord Notes — mobile banner"),
    (1200, 628, "Fjord Notes — social card"),
];

const TEXTS: &[(&str, &str, AssetKind)] = &[
    (
        "Newsletter blurb.txt",
        "I take all my notes in Fjord Notes now, offline and synced. Try it with my link: {{referral_link}} — or use the code {{coupon}} at checkout.",
        AssetKind::TextSnippet,
    ),
    (
        "Launch tweet.txt",
        "Fjord Notes 3 is out: tables, sketches and a faster search. {{referral_link}} #notes",
        AssetKind::SocialPost,
    ),
    (
        "Welcome email.html",
        "<p>Hello {{partner.first_name}},</p><p>here is your link to share: <a href=\"{{referral_link}}\">{{referral_link}}</a>.</p><p>The {{program.name}} team</p>",
        AssetKind::EmailTemplate,
    ),
];

/// A calm gradient in the brand's blues with a lighter band, sized like a real banner.
fn banner(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let t = x as f32 / w as f32;
        let band = y > h / 3 && y < h * 2 / 3;
        let (r, g, b) = (30.0 + 40.0 * t, 60.0 + 80.0 * t, 140.0 + 90.0 * t);
        let lift = if band { 1.25 } else { 1.0 };
        Rgba([
            (r * lift).min(255.0) as u8,
            (g * lift).min(255.0) as u8,
            (b * lift).min(255.0) as u8,
            255,
        ])
    })
}

pub(super) fn fill(tx: &Connection, groups: &[i64]) -> Result<()> {
    tx.execute(
        "UPDATE program SET base_url = 'https://fjordnotes.example' WHERE id = 1",
        [],
    )?;
    let dir = tempfile::tempdir()
        .map_err(|e| DemoError::io("cannot make a folder for the demo's files", e))?;
    let mut banners = Vec::new();
    for (w, h, title) in BANNERS {
        let path = dir.path().join(format!("{title} {w}x{h}.png"));
        banner(*w, *h)
            .save(&path)
            .map_err(|e| DemoError::invalid("demo", format!("cannot draw a banner: {e}")))?;
        banners.push(path);
    }
    let everyone = AddOptions {
        tags: vec!["brand".into()],
        landing_url: "https://fjordnotes.example/download".into(),
        ..Default::default()
    };
    assets::add_files_in(tx, &banners, &everyone, Actor::System, &Quiet)?;
    for (name, body, kind) in TEXTS {
        let path = dir.path().join(name);
        std::fs::write(&path, body)
            .map_err(|e| DemoError::io("cannot write the demo's texts", e))?;
        let options = AddOptions {
            kind: Some(*kind),
            tags: vec!["copy".into()],
            group_ids: if *kind == AssetKind::SocialPost {
                groups.iter().take(1).copied().collect()
            } else {
                Vec::new()
            },
            ..Default::default()
        };
        assets::add_files_in(tx, &[path], &options, Actor::System, &Quiet)?;
    }
    Ok(())
}
