//! The fonts statements embed: DejaVu Sans (regular and bold) for Latin,
//! Greek and Cyrillic, and Noto Sans CJK for Chinese, Japanese and Korean
//! names. Both are free to embed; `bash .ci/setup` installs them
//! (fonts-dejavu-core, fonts-noto-cjk). They are parsed once and shared by
//! every statement; only the glyphs a statement uses are embedded.

use crate::error::{DocumentError, ErrorExt, Result};
use printpdf::{FontId, ParsedFont};

/// Where each distribution puts the files, under the font folder: Debian and
/// Ubuntu first, then Fedora (the .rpm's dependencies), then Arch.
const DEJAVU: &[&str] = &[
    "truetype/dejavu/DejaVuSans.ttf",
    "dejavu-sans-fonts/DejaVuSans.ttf",
    "TTF/DejaVuSans.ttf",
];
const DEJAVU_BOLD: &[&str] = &[
    "truetype/dejavu/DejaVuSans-Bold.ttf",
    "dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    "TTF/DejaVuSans-Bold.ttf",
];
const NOTO_CJK: &[&str] = &[
    "opentype/noto/NotoSansCJK-Regular.ttc",
    "google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "noto-cjk/NotoSansCJK-Regular.ttc",
];
/// Faces in NotoSansCJK-Regular.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
const NOTO_CJK_FACE: usize = 2;

pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    cjk: ParsedFont,
}

/// Which of our fonts; the fixed ids double as the subset tag in the file
/// ("DJVREG+DejaVuSans"), so the same statement always has the same bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Cjk,
}

impl Face {
    pub(crate) fn id(self) -> FontId {
        FontId(
            match self {
                Face::Regular => "DJVREG",
                Face::Bold => "DJVBLD",
                Face::Cjk => "NOTOSC",
            }
            .to_string(),
        )
    }
}

impl Fonts {
    /// Loads the fonts from the system font folder, or from
    /// PARTNERBOOK_FONTS_DIR laid out the same way.
    pub fn load() -> Result<Fonts> {
        let root =
            std::env::var("PARTNERBOOK_FONTS_DIR").unwrap_or_else(|_| "/usr/share/fonts".into());
        Fonts::load_from(std::path::Path::new(&root))
    }

    /// Loads the fonts from the font folder `root`, in any layout we know.
    pub fn load_from(root: &std::path::Path) -> Result<Fonts> {
        let load = |files: &[&str], face: usize, package: &str| -> Result<ParsedFont> {
            let path = files
                .iter()
                .map(|f| root.join(f))
                .find(|p| p.is_file())
                .unwrap_or_else(|| root.join(files[0]));
            let bytes = std::fs::read(&path).map_err(|e| {
                DocumentError::io(
                    format!(
                        "cannot read the font {} (install {package}: bash .ci/setup)",
                        path.display()
                    ),
                    e,
                )
            })?;
            ParsedFont::from_bytes(&bytes, face, &mut Vec::new()).ok_or_else(|| {
                DocumentError::invalid(
                    "font",
                    format!("{} is not a font we can read", path.display()),
                )
            })
        };
        Ok(Fonts {
            regular: load(DEJAVU, 0, "fonts-dejavu-core")?,
            bold: load(DEJAVU_BOLD, 0, "fonts-dejavu-core")?,
            cjk: load(NOTO_CJK, NOTO_CJK_FACE, "fonts-noto-cjk")?,
        })
    }

    pub(crate) fn parsed(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Cjk => &self.cjk,
        }
    }

    /// `text` cut into runs of one font each: the wanted face where it has
    /// the glyph, the CJK face where it does not. printpdf does no fallback,
    /// and a glyph no font has would vanish from the text a reader copies.
    pub(crate) fn runs(&self, face: Face, text: &str) -> Vec<(Face, String)> {
        let mut out: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let wanted = if glyph(self.parsed(face), c).is_some() || glyph(&self.cjk, c).is_none() {
                face
            } else {
                Face::Cjk
            };
            // Spaces stay with the run they are in: fewer font switches.
            let f = match out.last() {
                Some((last, _)) if c == ' ' && glyph(self.parsed(*last), c).is_some() => *last,
                _ => wanted,
            };
            match out.last_mut() {
                Some((last, t)) if *last == f => t.push(c),
                _ => out.push((f, c.to_string())),
            }
        }
        out
    }

    /// Width in points of `text` at `size`, as the viewer will set it.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        self.runs(face, text)
            .iter()
            .map(|(f, t)| {
                let font = self.parsed(*f);
                let upem = f32::from(font.pdf_font_metrics.units_per_em);
                // Truncated to 1/1000 em exactly as printpdf writes the widths.
                let milli: i64 = t
                    .chars()
                    .filter_map(|c| glyph(font, c))
                    .map(|g| (f32::from(font.get_horizontal_advance(g)) * 1000.0 / upem) as i64)
                    .sum();
                milli as f32 * size / 1000.0
            })
            .sum()
    }

    /// `text` shortened with "…" to fit `max` points.
    pub fn fit(&self, face: Face, size: f32, max: f32, text: &str) -> String {
        if self.width(face, size, text) <= max {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
            if self.width(face, size, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    /// Greedy word wrap to `max` points.
    pub fn wrap(&self, face: Face, size: f32, max: f32, text: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(face, size, &candidate) > max {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

fn glyph(font: &ParsedFont, c: char) -> Option<u16> {
    font.lookup_glyph_index(c as u32).filter(|&g| g != 0)
}
