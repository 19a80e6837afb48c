//! The statement as pages: letterhead, partner, summary, the line table
//! (its header repeated on every page), adjustments, totals, and on every
//! page the run's fingerprint and "Page 2 of 5".

use super::data::Statement;
use crate::pdf::{document, rgb, save, Face, Fonts, Logo, Page, A4_HEIGHT, A4_WIDTH};
use printpdf::{Color, Mm, PdfPage};

const LEFT: f32 = 48.0;
const RIGHT: f32 = A4_WIDTH - 48.0;
const TOP: f32 = A4_HEIGHT - 48.0;
/// Lowest baseline of table rows; the footer lives below it.
const BOTTOM: f32 = 78.0;
const ROW: f32 = 15.0;
const BODY: f32 = 8.5;

struct Palette {
    ink: Color,
    muted: Color,
    accent: Color,
    white: Color,
    band: Color,
    zebra: Color,
    rule: Color,
    negative: Color,
}

fn palette() -> Palette {
    Palette {
        ink: rgb(0.10, 0.11, 0.14),
        muted: rgb(0.42, 0.44, 0.50),
        accent: rgb(0.18, 0.20, 0.55),
        white: rgb(1.0, 1.0, 1.0),
        band: rgb(0.18, 0.20, 0.55),
        zebra: rgb(0.955, 0.96, 0.975),
        rule: rgb(0.80, 0.82, 0.86),
        negative: rgb(0.70, 0.12, 0.12),
    }
}

/// The table's columns: title, right edge or left edge, right-aligned.
struct Column {
    title: &'static str,
    x: f32,
    width: f32,
    right: bool,
}

fn columns() -> [Column; 7] {
    let c = |title, x, width, right| Column {
        title,
        x,
        width,
        right,
    };
    [
        c("Date", LEFT + 4.0, 52.0, false),
        c("Customer", LEFT + 60.0, 88.0, false),
        c("Product", LEFT + 152.0, 92.0, false),
        c("Line", LEFT + 248.0, 52.0, false),
        c("Sale", LEFT + 304.0, 68.0, true),
        c("Rate", LEFT + 376.0, 38.0, true),
        c(
            "Commission",
            LEFT + 420.0,
            RIGHT - 4.0 - (LEFT + 420.0),
            true,
        ),
    ]
}

/// The PDF of `s`, with the business's logo when there is one.
pub fn render(s: &Statement, fonts: &Fonts, logo: Option<&Logo>) -> Vec<u8> {
    let p = palette();
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page::new(fonts);
    let mut y = first_page_head(&mut page, s, fonts, logo, &p);
    y = table_head(&mut page, y, s, &p);
    for (i, line) in s.lines.iter().enumerate() {
        if y - ROW < BOTTOM {
            pages.push(std::mem::replace(&mut page, Page::new(fonts)));
            y = next_page_head(&mut page, s, &p);
            y = table_head(&mut page, y, s, &p);
        }
        if i % 2 == 1 {
            page.fill(LEFT, y - ROW + 4.0, RIGHT - LEFT, ROW, &p.zebra);
        }
        let base = y - ROW + 8.0;
        let cols = columns();
        let cells = [
            line.date.clone(),
            line.reference.clone(),
            line.product.clone(),
            line.what.clone(),
            line.sale.map(|m| m.to_string()).unwrap_or_default(),
            line.rate.clone(),
            line.commission.format_amount(),
        ];
        for (col, text) in cols.iter().zip(cells) {
            let text = fonts.fit(Face::Regular, BODY, col.width, &text);
            let color = if col.title == "Commission" && line.commission.minor < 0 {
                &p.negative
            } else {
                &p.ink
            };
            if col.right {
                page.text_right(Face::Regular, BODY, col.x + col.width, base, color, &text);
            } else {
                page.text(Face::Regular, BODY, col.x, base, color, &text);
            }
        }
        y -= ROW;
    }
    if s.lines.is_empty() {
        page.text(
            Face::Regular,
            BODY,
            LEFT + 4.0,
            y - ROW + 8.0,
            &p.muted,
            "No commission lines in this payout.",
        );
        y -= ROW;
    }
    page.rule(LEFT, RIGHT, y + 2.0, 0.6, &p.rule);
    y -= 8.0;
    // Adjustments, then the totals, kept together on a page.
    let adjustment_lines: Vec<(String, String)> = s
        .adjustments
        .iter()
        .map(|a| {
            (
                format!("{}: {}", capitalise(&a.kind), a.reason),
                a.amount.format_amount(),
            )
        })
        .collect();
    let needed = 20.0 + adjustment_lines.len() as f32 * ROW + 9.0 * ROW;
    if y - needed < BOTTOM - 30.0 {
        pages.push(std::mem::replace(&mut page, Page::new(fonts)));
        y = next_page_head(&mut page, s, &p);
    }
    if !adjustment_lines.is_empty() {
        y -= 14.0;
        page.text(Face::Bold, 9.5, LEFT, y, &p.ink, "Adjustments");
        y -= 4.0;
        for (text, amount) in &adjustment_lines {
            // Reasons are shown whole, wrapped.
            for (i, part) in fonts
                .wrap(Face::Regular, BODY, RIGHT - LEFT - 110.0, text)
                .iter()
                .enumerate()
            {
                y -= if i == 0 { ROW } else { 11.0 };
                page.text(Face::Regular, BODY, LEFT + 4.0, y + 4.0, &p.ink, part);
                if i == 0 {
                    page.text_right(Face::Regular, BODY, RIGHT - 4.0, y + 4.0, &p.ink, amount);
                }
            }
        }
        y -= 6.0;
    }
    totals(&mut page, y, s, fonts, &p);
    pages.push(page);

    let count = pages.len();
    let title = match &s.self_billing {
        Some(b) => format!("Self-billing invoice {}", b.invoice_number),
        None => format!("Statement {}", s.number),
    };
    let mut doc = document(fonts, &title, &s.letterhead.business_name, &s.issued_on);
    if let Some(logo) = logo {
        logo.attach(&mut doc);
    }
    let pdf_pages = pages
        .into_iter()
        .enumerate()
        .map(|(i, mut page)| {
            footer(&mut page, s, i + 1, count, &p);
            PdfPage::new(Mm(210.0), Mm(297.0), page.ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    save(&doc, &format!("{}:{}", s.number, s.fingerprint))
}

fn first_page_head(
    page: &mut Page,
    s: &Statement,
    fonts: &Fonts,
    logo: Option<&Logo>,
    p: &Palette,
) -> f32 {
    let l = &s.letterhead;
    let business = if l.business_name.is_empty() {
        &l.program_name
    } else {
        &l.business_name
    };
    // The logo above the business name, at most 150 × 44 pt.
    let drop = match logo {
        Some(logo) => logo.draw(page, LEFT, TOP + 8.0, 150.0, 44.0).1 + 4.0,
        None => 0.0,
    };
    page.text(
        Face::Bold,
        15.0,
        LEFT,
        TOP - 4.0 - drop,
        &p.accent,
        business,
    );
    let mut y = TOP - 20.0 - drop;
    for line in l.address.lines().filter(|l| !l.trim().is_empty()) {
        page.text(Face::Regular, 8.5, LEFT, y, &p.muted, line.trim());
        y -= 11.0;
    }
    if !l.tax_id.is_empty() {
        page.text(
            Face::Regular,
            8.5,
            LEFT,
            y,
            &p.muted,
            &format!("Tax ID {}", l.tax_id),
        );
    }
    page.text_right(
        Face::Bold,
        17.0,
        RIGHT,
        TOP - 4.0,
        &p.ink,
        if s.self_billing.is_some() {
            "Self-billing invoice"
        } else {
            "Commission statement"
        },
    );
    let period = match &s.period_from {
        Some(from) => format!("{from} to {}", s.period_to),
        None => format!("through {}", s.period_to),
    };
    // The run's period is not the sales': with a hold, a run through 30
    // November pays October's sales. Say which.
    let sales = s.sales_to.as_ref().map(|to| match s.hold_days {
        0 => format!("up to {to}"),
        days => format!("up to {to} ({days}-day hold)"),
    });
    let invoice = s.self_billing.as_ref().map(|b| b.invoice_number.clone());
    let facts = [
        ("Invoice", invoice.unwrap_or_default()),
        ("Statement", s.number.clone()),
        ("Date", s.issued_on.clone()),
        ("Period", period),
        ("Sales", sales.unwrap_or_default()),
        ("Program", l.program_name.clone()),
    ];
    let mut fy = TOP - 22.0;
    for (label, value) in facts.into_iter().filter(|(_, v)| !v.is_empty()) {
        page.text_right(Face::Regular, 8.5, RIGHT - 150.0, fy, &p.muted, label);
        page.text_right(
            Face::Regular,
            8.5,
            RIGHT,
            fy,
            &p.ink,
            &fonts.fit(Face::Regular, 8.5, 140.0, &value),
        );
        fy -= 12.0;
    }
    // The partner, left; the summary, right; below the letterhead however long it is.
    let block = (TOP - 96.0).min(y - 8.0);
    let mut y = block;
    // On a self-billing invoice the partner is the supplier.
    let whose = if s.self_billing.is_some() {
        "SUPPLIER"
    } else {
        "STATEMENT FOR"
    };
    page.text(Face::Regular, 8.0, LEFT, y, &p.muted, whose);
    y -= 15.0;
    page.text(
        Face::Bold,
        12.0,
        LEFT,
        y,
        &p.ink,
        &fonts.fit(Face::Bold, 12.0, 250.0, &s.partner_name),
    );
    let address = s.partner_address.lines().map(str::trim);
    let lines = std::iter::once(s.partner_company.as_str())
        .chain(address)
        .chain([s.partner_country.as_str(), s.partner_email.as_str()]);
    let tax_id = (!s.partner_tax_id.is_empty()).then(|| format!("Tax ID {}", s.partner_tax_id));
    let lines = lines.chain(tax_id.as_deref());
    for line in lines {
        if !line.is_empty() {
            y -= 12.0;
            page.text(
                Face::Regular,
                9.0,
                LEFT,
                y,
                &p.ink,
                &fonts.fit(Face::Regular, 9.0, 250.0, line),
            );
        }
    }
    let sx = LEFT + 300.0;
    let mut sy = block;
    page.text(Face::Regular, 8.0, sx, sy, &p.muted, "PAID TO YOU");
    sy -= 20.0;
    page.text(Face::Bold, 18.0, sx, sy, &p.accent, &s.paid.to_string());
    sy -= 13.0;
    page.text(
        Face::Regular,
        8.5,
        sx,
        sy,
        &p.ink,
        &format!("by {}", s.method),
    );
    if let Some(rate) = &s.fx_rate {
        // An inverted ECB rate has 28 decimals: six say it, and fit the column.
        let rate = rate
            .parse::<rust_decimal::Decimal>()
            .map_or(rate.clone(), |r| r.round_dp(6).normalize().to_string());
        sy -= 11.0;
        page.text(
            Face::Regular,
            8.0,
            sx,
            sy,
            &p.muted,
            &format!(
                "{} at {rate} {}/{}",
                s.balance, s.paid.currency, s.balance.currency
            ),
        );
    }
    sy -= 14.0;
    page.text(
        Face::Regular,
        8.0,
        sx,
        sy,
        &p.muted,
        &format!("Year to date: earned {}, paid {}", s.ytd_earned, s.ytd_paid),
    );
    y.min(sy) - 26.0
}

fn next_page_head(page: &mut Page, s: &Statement, p: &Palette) -> f32 {
    let l = &s.letterhead;
    let business = if l.business_name.is_empty() {
        &l.program_name
    } else {
        &l.business_name
    };
    page.text(Face::Bold, 10.0, LEFT, TOP - 4.0, &p.accent, business);
    page.text_right(
        Face::Regular,
        8.5,
        RIGHT,
        TOP - 4.0,
        &p.muted,
        &format!("Statement {} · {}", s.number, s.partner_name),
    );
    page.rule(LEFT, RIGHT, TOP - 12.0, 0.6, &p.rule);
    TOP - 24.0
}

fn table_head(page: &mut Page, y: f32, s: &Statement, p: &Palette) -> f32 {
    page.fill(LEFT, y - 16.0, RIGHT - LEFT, 16.0, &p.band);
    for col in columns() {
        let title = if col.title == "Commission" {
            format!("Commission {}", s.balance.currency)
        } else {
            col.title.to_string()
        };
        if col.right {
            page.text_right(
                Face::Bold,
                7.5,
                col.x + col.width,
                y - 11.0,
                &p.white,
                &title,
            );
        } else {
            page.text(Face::Bold, 7.5, col.x, y - 11.0, &p.white, &title);
        }
    }
    y - 18.0
}

fn totals(page: &mut Page, mut y: f32, s: &Statement, fonts: &Fonts, p: &Palette) {
    let label_x = RIGHT - 230.0;
    let line = |page: &mut Page, face: Face, label: &str, value: String, y: f32| {
        page.text(face, 9.0, label_x, y, &p.ink, label);
        page.text_right(
            face,
            9.0,
            RIGHT - 4.0,
            y,
            &p.ink,
            &fonts.fit(face, 9.0, 120.0, &value),
        );
    };
    y -= 16.0;
    line(
        page,
        Face::Regular,
        "Commissions",
        s.commissions.to_string(),
        y,
    );
    y -= 13.0;
    line(
        page,
        Face::Regular,
        "Refunds and clawbacks",
        s.clawbacks.to_string(),
        y,
    );
    y -= 13.0;
    line(
        page,
        Face::Regular,
        "Adjustments",
        s.adjustments_total.to_string(),
        y,
    );
    y -= 6.0;
    page.rule(label_x, RIGHT, y, 0.6, &p.rule);
    y -= 13.0;
    line(page, Face::Bold, "Balance", s.balance.to_string(), y);
    y -= 13.0;
    line(page, Face::Bold, "Total paid", s.paid.to_string(), y);
    y -= 16.0;
    if s.carried.minor != 0 {
        page.text(
            Face::Regular,
            8.0,
            label_x,
            y,
            &p.muted,
            &format!("Includes {} carried from earlier periods", s.carried),
        );
    }
    if let Some(billing) = &s.self_billing {
        self_billing_notes(page, y - 18.0, s, billing, fonts, p);
    }
}

/// What a self-billing invoice must say (Directive 2006/112/EC, Article
/// 226 (10a) and (11a)): who issued it for whom, and the reverse charge.
fn self_billing_notes(
    page: &mut Page,
    mut y: f32,
    s: &Statement,
    billing: &super::data::SelfBilling,
    fonts: &Fonts,
    p: &Palette,
) {
    let l = &s.letterhead;
    let issuer = if l.business_name.is_empty() {
        &l.program_name
    } else {
        &l.business_name
    };
    let supplier = if s.partner_company.is_empty() {
        &s.partner_name
    } else {
        &s.partner_company
    };
    let mut notes = vec![format!(
        "Self-billing: this invoice was issued by {issuer} in the name and on behalf of {supplier}, as agreed between them."
    )];
    if billing.reverse_charge {
        notes.push(
            "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)."
                .to_string(),
        );
    }
    for note in notes {
        for part in fonts.wrap(Face::Regular, 8.0, RIGHT - LEFT, &note) {
            page.text(Face::Regular, 8.0, LEFT, y, &p.ink, &part);
            y -= 10.5;
        }
        y -= 3.0;
    }
}

fn footer(page: &mut Page, s: &Statement, number: usize, count: usize, p: &Palette) {
    page.rule(LEFT, RIGHT, 52.0, 0.4, &p.rule);
    page.text(
        Face::Regular,
        6.5,
        LEFT,
        40.0,
        &p.muted,
        &format!(
            "Payout run #{} fingerprint (SHA-256) {}",
            s.run_id, s.fingerprint
        ),
    );
    page.text_right(
        Face::Regular,
        8.0,
        RIGHT,
        40.0,
        &p.muted,
        &format!("Page {number} of {count}"),
    );
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
