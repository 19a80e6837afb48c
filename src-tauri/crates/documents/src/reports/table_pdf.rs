//! A report as a PDF table: the program's name and the report's title, what
//! it covers, a header row repeated on every page, zebra rows, and "Page N
//! of M". The same bytes for the same rows, like every PDF we write.

use crate::pdf::{finish, rgb, Face, Finish, Fonts, Page, A4_HEIGHT, A4_WIDTH};

const LEFT: f32 = 40.0;
const RIGHT: f32 = A4_WIDTH - 40.0;
const TOP: f32 = A4_HEIGHT - 44.0;
const ROW: f32 = 18.0;
/// Each further line of a cell.
const LINE: f32 = 10.5;
const BOTTOM: f32 = 64.0;

/// A column: its header, its share of the page's width, and whether it
/// holds numbers (set right, so digits line up).
pub struct Column {
    pub label: &'static str,
    pub width: f32,
    pub numeric: bool,
}

pub struct Table<'a> {
    pub program_name: &'a str,
    pub title: &'a str,
    /// What the report covers, under the title.
    pub covers: &'a str,
    /// The day printed as the document's date ("YYYY-MM-DD").
    pub day: &'a str,
    pub columns: &'a [Column],
    pub rows: &'a [Vec<String>],
}

pub fn render(t: &Table, fonts: &Fonts) -> Vec<u8> {
    let ink = rgb(0.10, 0.11, 0.14);
    let muted = rgb(0.42, 0.44, 0.50);
    let accent = rgb(0.18, 0.20, 0.55);
    let white = rgb(1.0, 1.0, 1.0);
    let zebra = rgb(0.955, 0.96, 0.975);
    let total: f32 = t.columns.iter().map(|c| c.width).sum::<f32>().max(1.0);
    // Each column's left and right edge on the page.
    let mut edges = Vec::with_capacity(t.columns.len());
    let mut x = LEFT;
    for c in t.columns {
        let w = (RIGHT - LEFT) * c.width / total;
        edges.push((x, x + w));
        x += w;
    }
    let head = |page: &mut Page, first: bool| -> f32 {
        let mut y = TOP;
        if first {
            page.text(Face::Bold, 15.0, LEFT, y, &accent, t.program_name);
            page.text_right(Face::Bold, 15.0, RIGHT, y, &ink, t.title);
            y -= 16.0;
            page.text_right(Face::Regular, 8.5, RIGHT, y, &muted, t.covers);
            y -= 22.0;
        }
        page.fill(LEFT, y - 16.0, RIGHT - LEFT, 16.0, &accent);
        for (c, (l, r)) in t.columns.iter().zip(&edges) {
            if c.numeric {
                page.text_right(Face::Bold, 8.0, r - 6.0, y - 11.0, &white, c.label);
            } else {
                page.text(Face::Bold, 8.0, l + 6.0, y - 11.0, &white, c.label);
            }
        }
        y - 18.0
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page::new(fonts);
    let mut y = head(&mut page, true);
    for (i, row) in t.rows.iter().enumerate() {
        // A cell of several lines (amounts in several currencies) makes its
        // row taller rather than being cut.
        let lines = row
            .iter()
            .map(|c| c.lines().count().max(1))
            .max()
            .unwrap_or(1);
        let height = ROW + (lines - 1) as f32 * LINE;
        if y - height < BOTTOM {
            pages.push(std::mem::replace(&mut page, Page::new(fonts)));
            y = head(&mut page, false);
        }
        if i % 2 == 1 {
            page.fill(LEFT, y - height + 4.0, RIGHT - LEFT, height, &zebra);
        }
        for ((c, (l, r)), cell) in t.columns.iter().zip(&edges).zip(row) {
            for (k, line) in cell.lines().enumerate() {
                let line = fonts.fit(Face::Regular, 8.5, r - l - 12.0, line);
                let at = y - 10.0 - k as f32 * LINE;
                if c.numeric {
                    page.text_right(Face::Regular, 8.5, r - 6.0, at, &ink, &line);
                } else {
                    page.text(Face::Regular, 8.5, l + 6.0, at, &ink, &line);
                }
            }
        }
        y -= height;
    }
    if t.rows.is_empty() {
        page.text(
            Face::Regular,
            9.0,
            LEFT,
            y - 14.0,
            &muted,
            "Nothing in these days.",
        );
    }
    pages.push(page);
    let body: Vec<String> = t.rows.iter().map(|r| r.join("\t")).collect();
    let key = format!("{}\n{}\n{}", t.title, t.covers, body.join("\n"));
    finish(
        fonts,
        pages,
        &Finish {
            footer: &format!("{} · {}", t.title, t.covers),
            title: t.title,
            author: t.program_name,
            day: t.day,
            key: &key,
        },
    )
}
