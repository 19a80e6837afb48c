//! Referral links: the program's site (or an asset's own landing page) with
//! the partner's code and UTM parameters added, keeping any query it had.

use crate::error::{AssetError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::Book;
use rusqlite::Connection;

pub fn base_url(conn: &Connection) -> Result<String> {
    Ok(
        conn.query_row("SELECT base_url FROM program WHERE id = 1", [], |r| {
            r.get(0)
        })?,
    )
}

pub fn set_base_url(book: &mut Book, url: &str, actor: Actor) -> Result<String> {
    let url = partnerbook_book::validate::website(url, "base_url")?;
    let tx = book.transaction()?;
    let before = base_url(&tx)?;
    tx.execute("UPDATE program SET base_url = ?1 WHERE id = 1", [&url])?;
    audit::record(
        &tx,
        actor,
        "program",
        Some(1),
        "base_url",
        Some(&serde_json::json!({ "base_url": before })),
        Some(&serde_json::json!({ "base_url": url })),
    )?;
    tx.commit()?;
    Ok(url)
}

/// `page` (or the program's site when empty) carrying `code`, with UTM
/// parameters saying it came from this partner through the affiliate program.
pub fn referral_link(base: &str, page: &str, code: &str, campaign: &str) -> Result<String> {
    let target = if page.trim().is_empty() {
        base.trim()
    } else {
        page.trim()
    };
    if target.is_empty() {
        return Err(AssetError::invalid(
            "base_url",
            "set the program's website first (partnerbook assets base-url https://…): links are built on it",
        ));
    }
    let mut url = url::Url::parse(target).map_err(|_| {
        AssetError::invalid("base_url", format!("\"{target}\" is not a web address"))
    })?;
    url.query_pairs_mut()
        .append_pair("ref", code)
        .append_pair("utm_source", "partner")
        .append_pair("utm_medium", "affiliate")
        .append_pair("utm_campaign", campaign);
    Ok(url.to_string())
}

/// A partner's name as a UTM campaign: "Zoë Adams" → "zoe-adams".
pub fn campaign(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_page_and_add_the_code() {
        assert_eq!(
            referral_link("https://acme.com", "", "ZOE", "zoe-adams").unwrap(),
            "https://acme.com/?ref=ZOE&utm_source=partner&utm_medium=affiliate&utm_campaign=zoe-adams"
        );
        assert_eq!(
            referral_link("https://acme.com", "https://acme.com/pricing?plan=pro", "ZOË 1", "x").unwrap(),
            "https://acme.com/pricing?plan=pro&ref=ZO%C3%8B+1&utm_source=partner&utm_medium=affiliate&utm_campaign=x"
        );
        assert!(referral_link("", "", "ZOE", "x").is_err());
        assert_eq!(campaign("Zoë  Adams-Łukasz"), "zoe-adams-lukasz");
    }
}
