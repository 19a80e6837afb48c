//! What "the same website" and "the same email provider" mean: hosts
//! lower-cased without "www.", and on shared hosts (youtube.com/@ana,
//! instagram.com/ana) the first path segment too, so two creators on one
//! platform are not the same website.

/// Platforms where many people have a page under one host.
const SHARED_HOSTS: &[&str] = &[
    "youtube.com",
    "instagram.com",
    "tiktok.com",
    "facebook.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "pinterest.com",
    "twitch.tv",
    "medium.com",
    "reddit.com",
    "threads.net",
    "github.com",
    "linktr.ee",
    "patreon.com",
    "etsy.com",
    "amazon.com",
];

/// Consumer mailbox providers: an address there says nothing about a business.
pub const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.de",
    "ymail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.com",
    "yandex.ru",
    "yandex.com",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
    "zoho.com",
    "tutanota.com",
    "fastmail.com",
    "hey.com",
    "orange.fr",
    "free.fr",
    "libero.it",
    "t-online.de",
    "seznam.cz",
    "wp.pl",
    "o2.pl",
    "naver.com",
    "daum.net",
];

/// The host of a URL typed any way ("Example.com/x", "https://www.example.com"),
/// lower-cased, without "www." and port; empty when there is none.
pub fn host(url: &str) -> String {
    let s = url.trim().to_lowercase();
    let s = s.split_once("://").map(|(_, rest)| rest).unwrap_or(&s);
    let host = s
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("");
    let host = host.split(':').next().unwrap_or("").trim_end_matches('.');
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// The key two applications share when they are the same website.
pub fn website_key(url: &str) -> String {
    let host = host(url);
    if host.is_empty() {
        return host;
    }
    if SHARED_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
    {
        let s = url.trim().to_lowercase();
        let rest = s.split_once("://").map(|(_, r)| r).unwrap_or(&s);
        let first = rest
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .nth(1)
            .unwrap_or("")
            .trim();
        let canonical = SHARED_HOSTS
            .iter()
            .find(|h| host == **h || host.ends_with(&format!(".{h}")))
            .copied()
            .unwrap_or(&host);
        return if first.is_empty() {
            canonical.to_string()
        } else {
            format!("{canonical}/{first}")
        };
    }
    host
}

/// The part of an email address after the @, lower-cased.
pub fn email_domain(email: &str) -> String {
    email
        .trim()
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('.').to_lowercase())
        .unwrap_or_default()
}

/// Whether `host` is `domain` or one of its subdomains.
pub fn within(host: &str, domain: &str) -> bool {
    let domain = domain.trim().trim_start_matches("www.").to_lowercase();
    !domain.is_empty() && (host == domain || host.ends_with(&format!(".{domain}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_website_keys() {
        assert_eq!(host("https://WWW.Example.com:8080/a?b"), "example.com");
        assert_eq!(host("example.com/blog"), "example.com");
        assert_eq!(host(""), "");
        assert_eq!(website_key("http://www.example.com/about"), "example.com");
        assert_eq!(website_key("https://youtube.com/@ana"), "youtube.com/@ana");
        assert_eq!(
            website_key("https://m.youtube.com/@ana/videos"),
            "youtube.com/@ana"
        );
        assert_ne!(
            website_key("instagram.com/ana"),
            website_key("instagram.com/bob")
        );
        assert_eq!(email_domain("Zoë@Example.COM"), "example.com");
        assert!(within("shop.acme.com", "acme.com"));
        assert!(!within("notacme.com", "acme.com"));
    }
}
