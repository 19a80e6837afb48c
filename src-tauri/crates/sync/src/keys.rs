//! A connection's API keys live in the OS keychain, as the SMTP password
//! does; environment variables are the fallback where no keychain runs (a
//! server, CI). They are never written to the book, a log, a backup or an
//! error message.

use crate::connections::{Connection, PlatformName};
use keyring::Entry;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const SERVICE: &str = "Partnerbook sync";

/// The keys of one connection: PartnerStack's public and secret key, or
/// Rewardful's secret alone.
#[derive(Clone, PartialEq, Eq)]
pub struct Keys {
    pub user: String,
    pub password: Option<String>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

/// Where saved keys went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "KeysHome")]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeysHome {
    Keychain,
    /// No keychain could take them: why, in the system's words.
    Unavailable {
        reason: String,
    },
}

/// The environment variables read when the keychain has no keys.
pub fn env_names(platform: PlatformName) -> &'static [&'static str] {
    match platform {
        PlatformName::Partnerstack => &[
            "PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY",
            "PARTNERBOOK_PARTNERSTACK_SECRET_KEY",
        ],
        PlatformName::Rewardful => &["PARTNERBOOK_REWARDFUL_SECRET_KEY"],
    }
}

fn entry(c: &Connection) -> Result<Entry, keyring::Error> {
    Entry::new(
        SERVICE,
        &format!("{} {} {}", c.platform.as_str(), c.name, c.base_url),
    )
}

/// One string in the keychain: the user, a newline, the password.
pub fn save(c: &Connection, keys: &Keys) -> KeysHome {
    let text = format!("{}\n{}", keys.user, keys.password.as_deref().unwrap_or(""));
    match entry(c).and_then(|e| e.set_password(&text)) {
        Ok(()) => KeysHome::Keychain,
        Err(e) => KeysHome::Unavailable {
            reason: e.to_string(),
        },
    }
}

pub fn forget(c: &Connection) -> bool {
    entry(c).and_then(|e| e.delete_credential()).is_ok()
}

/// The keychain's keys for `c`, else the environment's.
pub fn find(c: &Connection) -> Option<Keys> {
    from_keychain(c).or_else(|| from_env(c.platform))
}

fn from_keychain(c: &Connection) -> Option<Keys> {
    let text = entry(c).and_then(|e| e.get_password()).ok()?;
    let (user, password) = text.split_once('\n').unwrap_or((&text, ""));
    Some(Keys {
        user: user.to_string(),
        password: (!password.is_empty()).then(|| password.to_string()),
    })
}

fn from_env(platform: PlatformName) -> Option<Keys> {
    let get = |n: &str| std::env::var(n).ok().filter(|v| !v.trim().is_empty());
    let names = env_names(platform);
    let user = get(names[0])?;
    let password = names.get(1).and_then(|n| get(n));
    Some(Keys { user, password })
}
