//! Drawing on a page with printpdf: text at an absolute place (mixed
//! scripts), right-aligned text, filled bands and rules; and saving a
//! document so the same content always gives the same bytes.

use super::fonts::{Face, Fonts};
use printpdf::{
    Color, ImageCompression, ImageOptimizationOptions, Line, LinePoint, Op, PaintMode, PdfDocument,
    PdfFont, PdfFontHandle, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, WindingOrder,
};

pub const A4_WIDTH: f32 = 595.2756;
pub const A4_HEIGHT: f32 = 841.8898;

pub fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// One page's drawing operations; y grows upwards from the bottom edge.
pub struct Page<'f> {
    fonts: &'f Fonts,
    pub ops: Vec<Op>,
}

impl<'f> Page<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Page {
            fonts,
            ops: Vec::new(),
        }
    }

    /// Text with its baseline starting at (x, y). One text section per
    /// call: the cursor move printpdf writes is relative inside a section.
    pub fn text(&mut self, face: Face, size: f32, x: f32, y: f32, color: &Color, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor { col: color.clone() });
        self.ops.push(Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        });
        for (f, run) in self.fonts.runs(face, text) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(f.id()),
                size: Pt(size),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run)],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Text ending at `right`.
    pub fn text_right(
        &mut self,
        face: Face,
        size: f32,
        right: f32,
        y: f32,
        color: &Color,
        text: &str,
    ) {
        let width = self.fonts.width(face, size, text);
        self.text(face, size, right - width, y, color, text);
    }

    /// A filled rectangle whose lower-left corner is (x, y).
    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, color: &Color) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetFillColor { col: color.clone() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: &Color) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor { col: color.clone() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(x1),
                            y: Pt(y),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(x2),
                            y: Pt(y),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }
}

/// A new document with our fonts under fixed ids and fixed dates: nothing
/// in it depends on the clock or on what was built before in the process.
pub fn document(fonts: &Fonts, title: &str, author: &str, day: &str) -> PdfDocument {
    let mut doc = PdfDocument::new(title);
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
        .and_then(|t| printpdf::OffsetDateTime::from_unix_timestamp(t).ok());
    let info = &mut doc.metadata.info;
    if let Some(date) = date {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
    info.producer = "Partnerbook".into();
    info.author = author.into();
    for face in [Face::Regular, Face::Bold, Face::Cjk] {
        // Fonts no page uses are left out when saving.
        doc.resources
            .fonts
            .map
            .insert(face.id(), PdfFont::new(fonts.parsed(face).clone()));
    }
    doc
}

/// The document's bytes, with a file id derived from `key` instead of a
/// random one, so writing the same statement again gives the same file.
pub fn save(doc: &PdfDocument, key: &str) -> Vec<u8> {
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(ImageOptimizationOptions {
            format: Some(ImageCompression::Flate),
            ..Default::default()
        }),
    };
    let mut pdf = doc.to_lopdf_document(&options, &mut Vec::new());
    let digest = partnerbook_book::files::sha256_hex(key.as_bytes());
    let id = lopdf::Object::String(
        digest.as_bytes()[..32].to_vec(),
        lopdf::StringFormat::Literal,
    );
    pdf.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    // printpdf writes empty /Info strings (an empty PDF/X version makes
    // viewers call the file PDF/X); leave them out.
    if let Ok(info_id) = pdf.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(info) = pdf.get_object_mut(info_id).and_then(|o| o.as_dict_mut()) {
            for key in [
                "GTS_PDFXVersion",
                "Identifier",
                "Subject",
                "Keywords",
                "Creator",
            ] {
                if matches!(info.get(key.as_bytes()), Ok(lopdf::Object::String(b, _)) if b.is_empty())
                {
                    info.remove(key.as_bytes());
                }
            }
        }
    }
    pdf.compress();
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = pdf.save_to(&mut out);
    out
}

/// What every report PDF ends with: `footer` and "Page N of M" at the foot
/// of each page, then the A4 document saved under `key` (see `save`).
pub struct Finish<'a> {
    pub footer: &'a str,
    pub title: &'a str,
    pub author: &'a str,
    pub day: &'a str,
    pub key: &'a str,
}

pub fn finish(fonts: &Fonts, mut pages: Vec<Page>, f: &Finish) -> Vec<u8> {
    let muted = rgb(0.42, 0.44, 0.50);
    let (left, right) = (40.0, A4_WIDTH - 40.0);
    let count = pages.len();
    for (i, p) in pages.iter_mut().enumerate() {
        p.text(Face::Regular, 7.0, left, 40.0, &muted, f.footer);
        p.text_right(
            Face::Regular,
            8.0,
            right,
            40.0,
            &muted,
            &format!("Page {} of {count}", i + 1),
        );
    }
    let mut doc = document(fonts, f.title, f.author, f.day);
    doc.with_pages(
        pages
            .into_iter()
            .map(|p| printpdf::PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), p.ops))
            .collect(),
    );
    save(&doc, f.key)
}
