//! `bench assets --images N`: N distinct PNG images of banner and photo
//! sizes added to a new book's library in one import, thumbnails included.
//! Wall-clock figures, printed, never asserted.

use crate::bar::Bar;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::assets::{self, AddOptions};
use partnerbook_core::audit::Actor;
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
}

const SIZES: &[(u32, u32)] = &[
    (300, 250),
    (728, 90),
    (160, 600),
    (320, 50),
    (1200, 628),
    (1080, 1080),
];

pub fn assets(images: u32, json: bool) -> CliResult {
    let dir = std::env::temp_dir().join(format!("partnerbook-bench-assets-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = run(&dir, images, json);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run(dir: &std::path::Path, images: u32, json: bool) -> CliResult {
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
        img.save(&path)
            .map_err(|e| partnerbook_core::CoreError::invalid("bench", e.to_string()))?;
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
        .map_err(partnerbook_core::CoreError::from)?;
    let f = Figures {
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
    }
    Ok(())
}
