//! The automatic checks. Each looks at one application against what the
//! book already knows (loaded once per batch into `Known`) and says what it
//! found, with the evidence, so the manager can see why and disagree.

use super::domain::{email_domain, host, website_key, within, FREE_MAIL};
use super::model::{Application, CheckResult, CheckSeverity};
use super::settings::ScreeningSettings;
use crate::error::Result;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A partner as evidence names them: "partner #12 Zoë Adams".
#[derive(Clone)]
struct Partner {
    id: i64,
    label: String,
}

/// What the book knows that applications are compared with.
pub struct Known {
    /// Partner email (lower case) → "partner #12 Zoë Adams".
    partner_emails: HashMap<String, Partner>,
    /// Partner website key → who.
    partner_sites: HashMap<String, Partner>,
    /// Partner payout account (PayPal/Wise email or IBAN, normalised) → who.
    partner_accounts: HashMap<String, Partner>,
    customer_emails: HashSet<String>,
}

fn normalise_account(account: &str) -> String {
    let a = account.trim().to_lowercase();
    if a.contains('@') {
        a
    } else {
        a.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

impl Known {
    pub fn load(conn: &Connection) -> Result<Known> {
        let mut known = Known {
            partner_emails: HashMap::new(),
            partner_sites: HashMap::new(),
            partner_accounts: HashMap::new(),
            customer_emails: HashSet::new(),
        };
        let mut stmt =
            conn.prepare("SELECT id, name, email, website, payout_email, iban FROM partners")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let who = Partner {
                id,
                label: format!("partner #{id} {}", r.get::<_, String>(1)?),
            };
            let email: String = r.get(2)?;
            let site: String = r.get(3)?;
            known
                .partner_emails
                .insert(email.trim().to_lowercase(), who.clone());
            let key = website_key(&site);
            if !key.is_empty() {
                known
                    .partner_sites
                    .entry(key)
                    .or_insert_with(|| who.clone());
            }
            for account in [r.get::<_, String>(4)?, r.get::<_, String>(5)?] {
                let a = normalise_account(&account);
                if !a.is_empty() {
                    known
                        .partner_accounts
                        .entry(a)
                        .or_insert_with(|| who.clone());
                }
            }
        }
        let mut stmt =
            conn.prepare("SELECT DISTINCT lower(trim(email)) FROM customers WHERE email <> ''")?;
        for email in stmt.query_map([], |r| r.get::<_, String>(0))? {
            known.customer_emails.insert(email?);
        }
        Ok(known)
    }

    /// The partner an approved application became is not its own duplicate.
    fn other<'a>(
        map: &'a HashMap<String, Partner>,
        key: &str,
        own: Option<i64>,
    ) -> Option<&'a String> {
        map.get(key)
            .filter(|who| own != Some(who.id))
            .map(|who| &who.label)
    }
}

fn disposable() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../data/disposable_email_domains.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether `domain` or a parent of it is a disposable mailbox provider.
pub fn is_disposable(domain: &str) -> bool {
    let list = disposable();
    let mut d = domain;
    loop {
        if list.contains(d) {
            return true;
        }
        match d.split_once('.') {
            Some((_, parent)) if parent.contains('.') => d = parent,
            _ => return false,
        }
    }
}

/// Words and patterns that mark answers as spam or abuse. Kept short and
/// specific: a false alarm costs the manager a look, not a rejection.
const SPAM_WORDS: &[&str] = &[
    "casino",
    "viagra",
    "cialis",
    "porn",
    "xxx",
    "escort",
    "payday loan",
    "crypto giveaway",
    "forex signals",
    "guaranteed income",
    "make money fast",
    "work from home $",
    "buy followers",
    "fuck",
    "shit",
    "cunt",
    "bitch",
    "asshole",
];

fn spam_evidence(a: &Application) -> Option<String> {
    let texts: Vec<&str> = std::iter::once(a.promotion.as_str())
        .chain(a.answers.values().map(String::as_str))
        .chain(std::iter::once(a.name.as_str()))
        .collect();
    let all = texts.join("\n");
    let lower = all.to_lowercase();
    if let Some(word) = SPAM_WORDS.iter().find(|w| lower.contains(*w)) {
        return Some(format!("the answers contain \"{word}\""));
    }
    let links = lower.matches("http://").count() + lower.matches("https://").count();
    if links >= 4 {
        return Some(format!("the answers hold {links} links"));
    }
    if lower.contains("<script") || lower.contains("onerror=") || lower.contains("javascript:") {
        return Some("the answers contain HTML or script code".into());
    }
    let letters: Vec<char> = all.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 30
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
    {
        return Some("the answers are written in capitals only".into());
    }
    let mut run = 1;
    let chars: Vec<char> = all.chars().collect();
    for w in chars.windows(2) {
        run = if w[0] == w[1] && !w[0].is_whitespace() {
            run + 1
        } else {
            1
        };
        if run >= 8 {
            return Some(format!("\"{}\" repeated {run} times", w[0]));
        }
    }
    None
}

/// Whether a website address looks like it could not be a real public site.
fn unreachable_looking(website: &str) -> Option<String> {
    let h = host(website);
    if h.is_empty() {
        return None;
    }
    if h == "localhost"
        || h.ends_with(".local")
        || h.ends_with(".test")
        || h.ends_with(".invalid")
        || h.ends_with(".example")
    {
        return Some(format!("{h} is not a public address"));
    }
    if h.parse::<std::net::IpAddr>().is_ok() {
        return Some(format!("{h} is a bare IP address"));
    }
    let tld = h.rsplit('.').next().unwrap_or("");
    if !h.contains('.')
        || tld.len() < 2
        || tld.chars().any(|c| !c.is_ascii_alphabetic()) && !tld.starts_with("xn--")
    {
        return Some(format!("{h} has no valid top-level domain"));
    }
    None
}

/// Red first, then amber, then passes.
fn rank(c: &CheckResult) -> u8 {
    match c.severity {
        CheckSeverity::Red => 0,
        CheckSeverity::Amber => 1,
        CheckSeverity::Pass => 2,
    }
}

/// Every check for `a`, red first, then amber, then passes.
pub fn run(a: &Application, known: &Known, s: &ScreeningSettings) -> Vec<CheckResult> {
    let mut out = Vec::new();
    let mut add =
        |check: &str, label: &str, found: Option<(CheckSeverity, String)>, fine: String| {
            let (severity, evidence) = found.unwrap_or((CheckSeverity::Pass, fine));
            out.push(CheckResult {
                check: check.into(),
                label: label.into(),
                severity,
                evidence,
            });
        };
    let email = a.email.trim().to_lowercase();
    let mail_domain = email_domain(&email);
    let site = website_key(&a.website);
    let own = a.partner_id;

    add(
        "duplicate_email",
        "Email of an existing partner",
        Known::other(&known.partner_emails, &email, own)
            .map(|who| (CheckSeverity::Red, format!("{who} uses {email}"))),
        "no partner uses this email".into(),
    );
    add(
        "duplicate_domain",
        "Website of an existing partner",
        (!site.is_empty())
            .then(|| Known::other(&known.partner_sites, &site, own))
            .flatten()
            .map(|who| {
                (
                    CheckSeverity::Amber,
                    format!("{who} has the website {site}"),
                )
            }),
        if site.is_empty() {
            "no website to compare".into()
        } else {
            format!("no partner has {site}")
        },
    );
    let account = normalise_account(&a.payout_account);
    add(
        "duplicate_payout_account",
        "Payout account of an existing partner",
        (!account.is_empty())
            .then(|| Known::other(&known.partner_accounts, &account, own))
            .flatten()
            .map(|who| {
                (
                    CheckSeverity::Red,
                    format!("{who} is paid to {}", a.payout_account.trim()),
                )
            }),
        if account.is_empty() {
            "no payout account given".into()
        } else {
            "no partner is paid to this account".into()
        },
    );
    add(
        "disposable_email",
        "Disposable email address",
        is_disposable(&mail_domain).then(|| {
            (
                CheckSeverity::Red,
                format!("{mail_domain} hands out throwaway mailboxes"),
            )
        }),
        format!("{mail_domain} is not a known throwaway mailbox provider"),
    );
    let free = FREE_MAIL.contains(&mail_domain.as_str());
    add(
        "free_mail",
        "Free-mail address for a business program",
        (s.business_email_only && free).then(|| {
            (
                CheckSeverity::Amber,
                format!("{mail_domain} is a free mailbox, not a business address"),
            )
        }),
        if s.business_email_only {
            format!("{mail_domain} is not a free-mail provider")
        } else {
            "business addresses are not required".into()
        },
    );
    add(
        "blocked_country",
        "Blocked country",
        (!a.country.is_empty() && s.blocked_countries.contains(&a.country)).then(|| {
            (
                CheckSeverity::Red,
                format!("{} is on the program's blocked list", a.country),
            )
        }),
        if a.country.is_empty() {
            "no country given".into()
        } else {
            format!("{} is not blocked", a.country)
        },
    );
    add(
        "missing_website",
        "Missing website",
        (a.website.trim().is_empty() && a.social_profiles.is_empty()).then(|| {
            (
                CheckSeverity::Amber,
                "neither a website nor a social profile was given".into(),
            )
        }),
        if a.website.trim().is_empty() {
            "social profiles given instead".into()
        } else {
            format!("website {}", host(&a.website))
        },
    );
    add(
        "website_looks_unreachable",
        "Website looks unreachable",
        unreachable_looking(&a.website).map(|why| (CheckSeverity::Amber, why)),
        "the address looks like a public website".into(),
    );
    let site_host = host(&a.website);
    let ours = s
        .own_domains
        .iter()
        .find(|d| within(&site_host, d) || within(&mail_domain, d));
    add(
        "own_domain",
        "Uses our own domain",
        ours.map(|d| {
            (
                CheckSeverity::Red,
                format!(
                    "{} is our own domain {d}",
                    if within(&site_host, d) {
                        site_host.clone()
                    } else {
                        mail_domain.clone()
                    }
                ),
            )
        }),
        "not one of our domains".into(),
    );
    add(
        "known_customer",
        "A customer of ours (self-referral risk)",
        known
            .customer_emails
            .contains(&email)
            .then(|| (CheckSeverity::Amber, format!("{email} bought from us as a customer: commissions on their own purchases would be self-referral"))),
        "not a known customer".into(),
    );
    add(
        "spam_patterns",
        "Spam or abuse in the answers",
        spam_evidence(a).map(|why| (CheckSeverity::Red, why)),
        "nothing suspicious in the answers".into(),
    );
    out.sort_by_key(rank);
    out
}

/// The fit score: 100 less the weight of each check that is not a pass and
/// of each program criterion not met, never below 0. Criteria misses are
/// returned as amber results too, so the score explains itself.
pub fn score(a: &Application, checks: &mut Vec<CheckResult>, s: &ScreeningSettings) -> u8 {
    let mut criteria = Vec::new();
    if !s.target_countries.is_empty() && !s.target_countries.contains(&a.country) {
        criteria.push((
            "country_not_targeted",
            "Country outside the program's markets",
            if a.country.is_empty() {
                "no country given".to_string()
            } else {
                format!(
                    "{} is not one of {}",
                    a.country,
                    s.target_countries.join(", ")
                )
            },
        ));
    }
    if s.min_audience > 0 && a.audience_size.unwrap_or(0) < s.min_audience {
        criteria.push((
            "audience_below_minimum",
            "Audience below the minimum",
            match a.audience_size {
                Some(n) => format!(
                    "audience {n}, the program looks for {} or more",
                    s.min_audience
                ),
                None => format!(
                    "no audience size given; the program looks for {} or more",
                    s.min_audience
                ),
            },
        ));
    }
    if !s.categories.is_empty()
        && !a.categories.iter().any(|c| {
            s.categories
                .iter()
                .any(|t| t.eq_ignore_ascii_case(c.trim()))
        })
    {
        criteria.push((
            "category_not_targeted",
            "Categories outside the program's",
            format!(
                "{} — the program looks for {}",
                if a.categories.is_empty() {
                    "none given".to_string()
                } else {
                    a.categories.join(", ")
                },
                s.categories.join(", ")
            ),
        ));
    }
    for (check, label, evidence) in criteria {
        checks.push(CheckResult {
            check: check.into(),
            label: label.into(),
            severity: CheckSeverity::Amber,
            evidence,
        });
    }
    checks.sort_by_key(rank);
    let lost: u32 = checks
        .iter()
        .filter(|c| c.severity != CheckSeverity::Pass)
        .map(|c| s.weight(&c.check))
        .sum();
    100u32.saturating_sub(lost) as u8
}
