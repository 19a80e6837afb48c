//! Where mail goes out: the manager's own SMTP server. The password is not
//! kept in the book; `send` takes it from the caller (the keychain in the
//! app, PARTNERBOOK_SMTP_PASSWORD for the command line).

use crate::error::{ErrorExt, MailError, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::text_enum;
use partnerbook_book::validate;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum!(
    /// STARTTLS on the submission port, TLS from the first byte, or none
    /// (allowed only for a server on this machine).
    TlsMode { Starttls = "starttls", Tls = "tls", None = "none" }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub user: String,
    pub from_name: String,
    pub from_email: String,
}

pub fn get(book: &Book) -> Result<MailSettings> {
    get_in(book.conn())
}

pub(crate) fn get_in(conn: &Connection) -> Result<MailSettings> {
    Ok(conn.query_row(
        "SELECT smtp_host, smtp_port, smtp_tls, smtp_user, mail_from_name, mail_from_email FROM program WHERE id = 1",
        [],
        |r| {
            Ok(MailSettings {
                host: r.get(0)?,
                port: r.get(1)?,
                tls: r.get(2)?,
                user: r.get(3)?,
                from_name: r.get(4)?,
                from_email: r.get(5)?,
            })
        },
    )?)
}

/// Whether `host` is this machine: the only place mail may go unencrypted.
pub(crate) fn is_local(host: &str) -> bool {
    matches!(host.trim(), "127.0.0.1" | "::1" | "localhost")
}

pub fn set(book: &mut Book, s: &MailSettings, actor: Actor) -> Result<MailSettings> {
    let host = s.host.trim().to_string();
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(MailError::invalid(
            "host",
            "give the SMTP server's name, like smtp.example.com",
        ));
    }
    if s.port == 0 {
        return Err(MailError::invalid("port", "must be between 1 and 65535"));
    }
    if s.tls == TlsMode::None && !is_local(&host) {
        return Err(MailError::invalid(
            "tls",
            "mail without encryption is only allowed to a server on this machine (127.0.0.1)",
        ));
    }
    let from_email = validate::email(&s.from_email, "from_email")?;
    let from_name = validate::limited(&s.from_name, "from_name", 100)?;
    let tx = book.transaction()?;
    let before = get_in(&tx)?;
    tx.execute(
        "UPDATE program SET smtp_host = ?1, smtp_port = ?2, smtp_tls = ?3, smtp_user = ?4, mail_from_name = ?5,
                mail_from_email = ?6 WHERE id = 1",
        params![host, s.port, s.tls, s.user.trim(), from_name, from_email],
    )?;
    let after = get_in(&tx)?;
    audit::record_change(&tx, actor, "mail_settings", Some(1), &before, &after)?;
    tx.commit()?;
    Ok(after)
}
