//! `bench assets --images N --partners P`: N distinct PNG images of banner
//! and photo sizes added to a new book's library in one import, thumbnails
//! included; then the kit of a group of P partners (the images once, five
//! texts rendered for each, a README each). Wall-clock figures, printed,
//! never asserted.

use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::assets::kit::KitTarget;
use partnerbook_core::assets::{self, AddOptions};
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::{CodeKind, PartnerCode, PartnerInput};
use partnerbook_core::settings::NewProgram;
use partnerbook_core::Book;
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize)]
struct Figures {
    images: u32,
    megabytes: f64,
    import_millis: u128,
    images_per_second: f64,
    thumbnails: u32,
    kit_partners: u32,
    kit_millis: u128,
    kit_files: u32,
    kit_megabytes: f64,
}

const SIZES: &[(u32, u32)] = &[
    (300, 250),
    (728, 90),
    (160, 600),
    (320, 50),
    (1200, 628),
    (1080, 1080),
];

pub fn assets(images: u32, partners: u32, json: bool) -> CliResult {
    super::bench::in_scratch("assets", |dir| run(dir, images, partners, json))
}

fn run(dir: &std::path::Path, images: u32, partners: u32, json: bool) -> CliResult {
    let mut book = Book::create(
        &dir.join("bench.partnerbook"),
        &NewProgram {
            program_name: "Bench".into(),
            base_currency: "USD".into(),
        },
    )?;
    let mut paths = Vec::new();
    let mut bytes = 0u64;
    for n in 0..images {
        let (w, h) = SIZES[n as usize % SIZES.len()];
        // A gradient with the image's number in it: every file is different and compresses like artwork.
        let img = image::RgbaImage::from_fn(w, h, |x, y| {
            image::Rgba([
                (x * 255 / w) as u8,
                (y * 255 / h) as u8,
                (n % 251) as u8,
                255,
            ])
        });
        let path = dir.join(format!("creative-{n:04}-{w}x{h}.png"));
        img.save(&path).map_err(|e| {
            <partnerbook_core::BookError as partnerbook_core::ErrorExt>::invalid(
                "bench",
                e.to_string(),
            )
        })?;
        bytes += std::fs::metadata(&path)?.len();
        paths.push(path);
    }
    let bar = Bar::new();
    let start = Instant::now();
    let report = assets::add_files(&mut book, &paths, &AddOptions::default(), Actor::User, &bar);
    let import_millis = start.elapsed().as_millis();
    bar.finish();
    report?;
    let thumbnails: u32 = book
        .conn()
        .query_row("SELECT count(*) FROM asset_thumbs", [], |r| r.get(0))
        .map_err(partnerbook_core::BookError::from)?;
    // A group of partners, each with a referral code, and five texts to render for them.
    let group = partnerbook_core::groups::add(&mut book, "Bloggers", "", Actor::User)?;
    partnerbook_core::assets::links::set_base_url(&mut book, "https://bench.example", Actor::User)?;
    for n in 0..partners {
        let mut p = PartnerInput::new(
            &format!("Partner {n:04}"),
            &format!("partner{n}@bench.example"),
        );
        p.group_id = Some(group);
        p.codes = vec![PartnerCode {
            kind: CodeKind::Referral,
            code: format!("P{n:04}"),
        }];
        partnerbook_core::partners::create(&mut book, &p, Actor::User)?;
    }
    let mut texts = Vec::new();
    for n in 0..5 {
        let path = dir.join(format!("post-{n}.txt"));
        std::fs::write(
            &path,
            format!("Post {n}: {{{{partner.first_name}}}} recommends us: {{{{referral_link}}}}\n"),
        )?;
        texts.push(path);
    }
    assets::add_files(
        &mut book,
        &texts,
        &AddOptions::default(),
        Actor::User,
        &partnerbook_core::progress::Quiet,
    )?;
    let bar = Bar::new();
    let start = Instant::now();
    let kit = assets::kit::export(
        &mut book,
        &KitTarget::Group { id: group },
        &dir.join("kit.zip"),
        &bar,
    );
    let kit_millis = start.elapsed().as_millis();
    bar.finish();
    let kit = kit?;
    let f = Figures {
        kit_partners: kit.partners,
        kit_millis,
        kit_files: kit.files,
        kit_megabytes: kit.bytes as f64 / 1_048_576.0,
        images,
        megabytes: bytes as f64 / 1_048_576.0,
        import_millis,
        images_per_second: f64::from(images) / (import_millis.max(1) as f64 / 1000.0),
        thumbnails,
    };
    if json {
        output::json(&f);
    } else {
        println!(
            "Added {} images ({:.1} MB) with {} thumbnails in {:.2} s ({:.0} images/s)",
            output::count(u64::from(images)),
            f.megabytes,
            output::count(u64::from(thumbnails)),
            import_millis as f64 / 1000.0,
            f.images_per_second
        );
        println!(
            "Kit for a group of {} partners: {} files, {:.1} MB, in {:.2} s",
            output::count(u64::from(f.kit_partners)),
            output::count(u64::from(f.kit_files)),
            f.kit_megabytes,
            kit_millis as f64 / 1000.0
        );
    }
    Ok(())
}
