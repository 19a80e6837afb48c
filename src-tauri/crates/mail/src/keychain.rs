//! The SMTP password lives in the OS keychain (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows), never in the book,
//! which the manager may copy or send to an accountant. Where no keychain
//! runs (a bare window manager, a server), saving says so plainly and the
//! caller keeps the password for the session only.

use super::settings::MailSettings;
use keyring::Entry;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const SERVICE: &str = "Partnerbook SMTP";

/// Where a saved password went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PasswordHome {
    /// In the OS keychain, found again next time.
    Keychain,
    /// No keychain could take it: why, in the system's words.
    Unavailable { reason: String },
}

/// The keychain entry's account: one password per user on one server.
fn account(s: &MailSettings) -> String {
    format!("{}@{}:{}", s.user.trim(), s.host.trim(), s.port)
}

fn entry(s: &MailSettings) -> Result<Entry, keyring::Error> {
    Entry::new(SERVICE, &account(s))
}

/// Saves the password for `s`'s server and user in the keychain.
pub fn save(s: &MailSettings, password: &str) -> PasswordHome {
    match entry(s).and_then(|e| e.set_password(password)) {
        Ok(()) => PasswordHome::Keychain,
        Err(e) => PasswordHome::Unavailable {
            reason: e.to_string(),
        },
    }
}

/// The saved password for `s`, if the keychain runs and holds one.
pub fn find(s: &MailSettings) -> Option<String> {
    entry(s).and_then(|e| e.get_password()).ok()
}

/// Removes the saved password; true when there was one.
pub fn forget(s: &MailSettings) -> bool {
    entry(s).and_then(|e| e.delete_credential()).is_ok()
}

/// The password to use: the one given now, else the keychain's.
pub fn resolve(s: &MailSettings, given: Option<&str>) -> Option<String> {
    match given {
        Some(p) if !p.is_empty() => Some(p.to_string()),
        _ => find(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TlsMode;

    fn settings(port: u16) -> MailSettings {
        MailSettings {
            host: "smtp.keychain-test.invalid".into(),
            port,
            tls: TlsMode::Starttls,
            user: "manager".into(),
            from_name: String::new(),
            from_email: "manager@example.com".into(),
        }
    }

    /// With a keychain (`.ci/test` runs the tests beside a real Secret
    /// Service and sets PARTNERBOOK_KEYCHAIN=1) the password makes the round
    /// trip; without one, saving says why and nothing is found.
    #[test]
    fn the_password_goes_to_the_keychain_or_saving_says_why_not() {
        let port = 20_000 + (std::process::id() % 40_000) as u16;
        let s = settings(port);
        match save(&s, "s3cret ✓") {
            PasswordHome::Keychain => {
                assert_eq!(find(&s).as_deref(), Some("s3cret ✓"));
                // Another user on the same server has no password.
                let other = MailSettings {
                    user: "someone-else".into(),
                    ..s.clone()
                };
                assert_eq!(find(&other), None);
                assert_eq!(resolve(&s, None).as_deref(), Some("s3cret ✓"));
                assert_eq!(resolve(&s, Some("typed")).as_deref(), Some("typed"));
                assert!(forget(&s));
                assert_eq!(find(&s), None);
                assert!(!forget(&s));
            }
            PasswordHome::Unavailable { reason } => {
                assert!(
                    std::env::var("PARTNERBOOK_KEYCHAIN").is_err(),
                    "a keychain was promised but refused: {reason}"
                );
                assert!(!reason.is_empty());
                assert_eq!(find(&s), None);
                assert_eq!(resolve(&s, Some("typed")).as_deref(), Some("typed"));
            }
        }
    }
}
