//! The logo is typed by its content, scaled to fit a letterhead, and kept
//! in the book; anything else is refused with the file's name.

use image::ImageFormat;
use image::{Rgba, RgbaImage};
use partnerbook_book::audit::Actor;
use partnerbook_documents::logo::*;
use partnerbook_testkit::program;
use std::path::Path;

fn write_image(dir: &Path, name: &str, w: u32, h: u32, format: ImageFormat) -> std::path::PathBuf {
    let img = RgbaImage::from_fn(w, h, |x, y| {
        Rgba([(x % 256) as u8, (y % 256) as u8, 120, 255])
    });
    let path = dir.join(name);
    let rgb = image::DynamicImage::ImageRgba8(img);
    let img = if format == ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(rgb.to_rgb8())
    } else {
        rgb
    };
    img.save_with_format(&path, format).unwrap();
    path
}

#[test]
fn a_large_logo_is_scaled_to_fit_and_keeps_its_shape() {
    let mut p = program();
    let path = write_image(p.dir.path(), "wide.png", 2000, 500, ImageFormat::Png);
    let info = set_from_file(&mut p.book, &path, Actor::User).unwrap();
    assert_eq!((info.width, info.height), (900, 225));
    assert!(info.data_url.starts_with("data:image/png;base64,"));
    let stored = png(p.book.conn()).unwrap().unwrap();
    assert_eq!(image::guess_format(&stored).unwrap(), ImageFormat::Png);
    assert_eq!(info.bytes as usize, stored.len());
    assert_eq!(
        partnerbook_documents::logo::info(&p.book).unwrap(),
        Some(info)
    );
}

#[test]
fn a_small_logo_is_kept_at_its_size() {
    let mut p = program();
    let path = write_image(p.dir.path(), "small.png", 120, 40, ImageFormat::Png);
    let info = set_from_file(&mut p.book, &path, Actor::User).unwrap();
    assert_eq!((info.width, info.height), (120, 40));
}

#[test]
fn a_jpeg_named_png_is_read_as_the_jpeg_it_is() {
    let mut p = program();
    let path = write_image(
        p.dir.path(),
        "really-a-jpeg.png",
        300,
        100,
        ImageFormat::Jpeg,
    );
    assert_eq!(&std::fs::read(&path).unwrap()[..2], &[0xFF, 0xD8]);
    let info = set_from_file(&mut p.book, &path, Actor::User).unwrap();
    assert_eq!((info.width, info.height), (300, 100));
}

#[test]
fn a_file_that_is_not_an_image_is_refused_by_name_and_nothing_changes() {
    let mut p = program();
    let good = write_image(p.dir.path(), "good.png", 60, 20, ImageFormat::Png);
    set_from_file(&mut p.book, &good, Actor::User).unwrap();
    let before = png(p.book.conn()).unwrap();
    let fake = p.dir.path().join("logo.png");
    std::fs::write(&fake, b"<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
    let err = set_from_file(&mut p.book, &fake, Actor::User).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("logo.png") && message.contains("not a PNG or JPEG"),
        "{message}"
    );
    assert_eq!(png(p.book.conn()).unwrap(), before);
    let missing =
        set_from_file(&mut p.book, &p.dir.path().join("nope.png"), Actor::User).unwrap_err();
    assert!(missing.to_string().contains("nope.png"), "{missing}");
}

#[test]
fn clearing_removes_the_logo() {
    let mut p = program();
    let path = write_image(p.dir.path(), "l.png", 60, 20, ImageFormat::Png);
    set_from_file(&mut p.book, &path, Actor::User).unwrap();
    clear(&mut p.book, Actor::User).unwrap();
    assert_eq!(png(p.book.conn()).unwrap(), None);
    assert_eq!(info(&p.book).unwrap(), None);
}
