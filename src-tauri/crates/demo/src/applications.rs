//! A review queue for the demo: mostly honest applicants from the same
//! countries as the partners, and a few that screening should stop, each
//! for a reason a manager meets in real life.

use crate::error::Result;
use crate::people::{LOCALES, NICHES};
use partnerbook_applications::{intake, ApplicationInput, ScreeningSettings};
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Progress;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;

const PROMOTION: &[&str] = &[
    "Honest reviews on my blog, plus a monthly newsletter to subscribers",
    "YouTube tutorials where I show my real workflow",
    "A weekly podcast episode about tools I use, with a link in the notes",
    "Instagram stories and a pinned link in my bio",
    "Comparison articles and a resources page",
    "Workshops for small teams, where I recommend the tools I teach",
];

const WHY: &[&str] = &[
    "I have used the app for two years and my readers keep asking about it.",
    "My audience runs small businesses and needs exactly this.",
    "I already recommend you for free; I'd like to do it properly.",
    "We teach note-taking at our co-working space.",
];

fn slug(s: &str) -> String {
    deunicode::deunicode(s)
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

pub(super) fn fill(tx: &Connection, seed: u64, count: u32, progress: &dyn Progress) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xA9);
    let mut s = partnerbook_applications::settings::get(tx)?;
    s.own_domains = vec!["fjordnotes.com".into()];
    s.min_audience = 1_000;
    s.categories = NICHES.iter().take(6).map(|n| n.to_string()).collect();
    save(tx, &s)?;
    let mut rows = Vec::new();
    for n in 0..count {
        let locale = &LOCALES[rng.random_range(0..LOCALES.len())];
        let given = locale.given[rng.random_range(0..locale.given.len())];
        let family = locale.family[rng.random_range(0..locale.family.len())];
        let name = if locale.family_first {
            format!("{family}{given}")
        } else {
            format!("{given} {family}")
        };
        let site = format!("{}{}.{}", slug(given), slug(family), locale.tld);
        let mut a = ApplicationInput {
            email: format!("{}@{site}", slug(given)),
            website: format!("https://{site}"),
            name,
            country: locale.country.into(),
            audience_size: Some(rng.random_range(3..400) * 250),
            promotion: PROMOTION[rng.random_range(0..PROMOTION.len())].into(),
            categories: vec![NICHES[rng.random_range(0..NICHES.len())].to_string()],
            ..Default::default()
        };
        a.answers.insert(
            "Why do you want to join?".into(),
            WHY[rng.random_range(0..WHY.len())].into(),
        );
        if rng.random_bool(0.4) {
            a.social_profiles
                .push(format!("https://youtube.com/@{}{}", slug(given), n));
        }
        // Every tenth applicant is one screening is for.
        match n % 10 {
            1 => a.email = format!("{}{n}@mailinator.com", slug(given)),
            3 => {
                a.answers.insert(
                    "Tell us about your audience".into(),
                    "BIG CASINO BONUS traffic!!! http://x.example http://y.example http://z.example http://w.example".into(),
                );
            }
            5 => {
                a.answers.insert(
                    "Anything else?".into(),
                    "<img src=x onerror=alert('hi')><script>alert('xss')</script> just testing your form".into(),
                );
            }
            7 => {
                a.website = format!("http://10.0.0.{}/blog", n % 250);
                a.audience_size = Some(120);
            }
            9 if n % 20 == 9 => {
                a.email = format!("{}@fjordnotes.com", slug(given));
                a.website = "https://blog.fjordnotes.com".into();
            }
            _ => {}
        }
        rows.push((format!("demo signup form line {}", n + 2), a.clone()));
        // Some people submit the form twice: the second joins the first.
        if n % 17 == 4 {
            a.promotion = format!("{} (second submission)", a.promotion);
            rows.push((format!("demo signup form line {}", n + 3), a));
        }
    }
    intake::receive_in(tx, rows, Actor::System, progress)?;
    Ok(())
}

fn save(tx: &Connection, s: &ScreeningSettings) -> Result<()> {
    tx.execute(
        "UPDATE program SET screening = ?1 WHERE id = 1",
        [serde_json::to_string(s).expect("settings serialise")],
    )?;
    Ok(())
}
