//! `report home`: the home screen's numbers for a period in the terminal,
//! each beside the period before, and the top partners.

use crate::error::CliResult;
use crate::output;
use partnerbook_core::dashboard::{self, Amounts, Count};
use partnerbook_core::Book;

pub fn run(book: &Book, from: &str, to: &str, json: bool) -> CliResult {
    let h = dashboard::home(book, from, to, None)?;
    if json {
        output::json(&h);
        return Ok(());
    }
    let n = &h.numbers;
    let money = |a: &Amounts| {
        format!(
            "{}   (before: {})",
            output::totals(&a.now),
            output::totals(&a.before)
        )
    };
    let count = |c: &Count| format!("{}   (before: {})", c.now, c.before);
    println!(
        "{} to {}, beside {} to {}",
        h.from, h.to, h.previous_from, h.previous_to
    );
    output::fields(&[
        ("revenue", money(&n.revenue)),
        ("sales", count(&n.sales)),
        ("new customers", count(&n.new_customers)),
        ("commission earned", money(&n.earned)),
        ("given back", money(&n.given_back)),
        ("refunded", money(&n.refunded)),
        ("refunds", count(&n.refunds)),
        ("unattributed", money(&n.unattributed)),
        ("new partners", count(&n.new_partners)),
        ("active partners", n.active_partners.to_string()),
        (
            "funnel",
            format!(
                "{} applied, {} approved; of those {} sold, {} paid",
                h.funnel.applied, h.funnel.approved, h.funnel.first_sale, h.funnel.paid
            ),
        ),
    ]);
    for list in &h.partners.top {
        println!("\nTop partners by revenue in {}", list.currency.code());
        let rows = list
            .partners
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    output::totals(&p.revenue),
                    p.sales.to_string(),
                    output::totals(&p.commission),
                ]
            })
            .collect();
        output::table(&["partner", "revenue", "sales", "commission"], rows);
    }
    Ok(())
}
