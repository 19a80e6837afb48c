//! Sending the outbox through the manager's SMTP server, one message at a
//! time: marked "sending" before the server is asked, "sent" once it said
//! yes. Refusals fail the message with the server's words; a server that
//! cannot be reached leaves everything queued, retried with growing waits.

use crate::error::{ErrorExt, MailError, Result};
use crate::settings::{get_in as settings, is_local, MailSettings, TlsMode};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Progress;
use partnerbook_book::time::{now, stamp};
use partnerbook_book::Book;
use partnerbook_outbox::OutboxStatus;
use partnerbook_partners::timeline::{self, ActivityKind};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use ts_rs::TS;

/// After this many tries a message that keeps failing is given up.
const MAX_ATTEMPTS: u32 = 6;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendReport {
    pub sent: u32,
    /// Refused by the server for good (a bad address…).
    pub failed: u32,
    /// Not sent now; tried again later.
    pub deferred: u32,
    /// Found "sending" from a run that stopped: set aside for the manager.
    pub unknown: u32,
}

/// Sends up to `limit` messages that are due. `password` is the SMTP
/// password when the server asks for one.
pub fn send_due(
    book: &mut Book,
    password: Option<&str>,
    limit: u32,
    progress: &dyn Progress,
) -> Result<SendReport> {
    let mut report = SendReport {
        unknown: book.conn().execute(
            "UPDATE outbox SET status = 'unknown',
                    last_reply = 'the program stopped while sending this message: it may or may not have gone'
              WHERE status = 'sending'",
            [],
        )? as u32,
        ..SendReport::default()
    };
    let (_, transport, from) = connect(book.conn(), password)?;
    let total: i64 = book.conn().query_row(
        "SELECT min(count(*), ?2) FROM outbox WHERE status = 'queued' AND next_attempt_at <= ?1",
        params![now(), limit],
        |r| r.get(0),
    )?;
    let total = total as u64;
    for n in 0..limit {
        progress.update("Sending", u64::from(n), total);
        progress.check()?;
        let Some(id) = next_due(book)? else { break };
        // Committed before the server is asked: a crash from here on leaves
        // "sending", which the next run sets aside instead of resending.
        book.conn().execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?1 AND status = 'queued'",
            [id],
        )?;
        // A message that cannot be built (an address the mail library
        // refuses) fails alone; the queue goes on.
        let message = match build(book, id, &from) {
            Ok(message) => message,
            Err(e) => {
                failed(book, id, &e.to_string())?;
                report.failed += 1;
                continue;
            }
        };
        match transport.send(&message) {
            Ok(response) => {
                let reply = format!(
                    "{} {}",
                    response.code(),
                    response.message().collect::<Vec<_>>().join(" ")
                );
                sent(book, id, &reply)?;
                report.sent += 1;
            }
            Err(e) if e.is_permanent() => {
                failed(book, id, &e.to_string())?;
                report.failed += 1;
            }
            Err(e) => {
                let unreachable = !e.is_transient();
                defer(book, id, &e.to_string())?;
                report.deferred += 1;
                if unreachable {
                    // The server is down or unreachable: the rest waits too.
                    break;
                }
            }
        }
    }
    progress.update("Sending", total, total);
    Ok(report)
}

/// The saved server settings, a transport to that server (with `password`,
/// else the keychain's) and the sender; refused until both are set up.
fn connect(
    conn: &rusqlite::Connection,
    password: Option<&str>,
) -> Result<(MailSettings, SmtpTransport, Mailbox)> {
    let s = settings(conn)?;
    if s.host.is_empty() || s.from_email.is_empty() {
        return Err(MailError::invalid(
            "mail",
            "set up the mail server and sender address first",
        ));
    }
    let password = crate::keychain::resolve(&s, password);
    let transport = transport(&s.host, s.port, s.tls, &s.user, password.as_deref())?;
    let from = mailbox(&s.from_name, &s.from_email)?;
    Ok((s, transport, from))
}

/// Sends one test message straight away (not through the outbox) and
/// returns the server's answer, or its refusal in its own words.
pub fn send_test(book: &Book, password: Option<&str>, to: &str) -> Result<String> {
    let (s, transport, from) = connect(book.conn(), password)?;
    let message = Message::builder()
        .from(from)
        .to(mailbox("", to)?)
        .subject("Partnerbook test message")
        .singlepart(SinglePart::plain(format!(
            "This is a test from Partnerbook: mail from {} through {}:{} works.",
            s.from_email, s.host, s.port
        )))
        .map_err(|e| MailError::invalid("message", e.to_string()))?;
    let response = transport.send(&message).map_err(|e| {
        MailError::invalid("mail", format!("the server did not take the message: {e}"))
    })?;
    Ok(format!(
        "{} {}",
        response.code(),
        response.message().collect::<Vec<_>>().join(" ")
    ))
}

fn transport(
    host: &str,
    port: u16,
    tls: TlsMode,
    user: &str,
    password: Option<&str>,
) -> Result<SmtpTransport> {
    let bad = |e: lettre::transport::smtp::Error| {
        MailError::invalid("host", format!("cannot use {host}: {e}"))
    };
    let builder = match tls {
        TlsMode::Starttls => SmtpTransport::starttls_relay(host).map_err(bad)?,
        TlsMode::Tls => SmtpTransport::relay(host).map_err(bad)?,
        TlsMode::None if is_local(host) => SmtpTransport::builder_dangerous(host),
        TlsMode::None => {
            return Err(MailError::invalid(
                "tls",
                "mail without encryption only goes to a server on this machine",
            ))
        }
    };
    let mut builder = builder.port(port).timeout(Some(Duration::from_secs(30)));
    if !user.is_empty() {
        let password = password.ok_or_else(|| {
            MailError::invalid(
                "password",
                format!(
                    "the server wants a password for {user}, and none is saved in the keychain"
                ),
            )
        })?;
        builder = builder.credentials(Credentials::new(user.to_string(), password.to_string()));
    }
    Ok(builder.build())
}

fn mailbox(name: &str, email: &str) -> Result<Mailbox> {
    // A line break in a name would end the header: refused, never sent.
    if name.chars().any(char::is_control) {
        return Err(MailError::invalid(
            "name",
            "contains a line break or control character",
        ));
    }
    let address = email
        .parse()
        .map_err(|_| MailError::invalid("email", format!("\"{email}\" is not an email address")))?;
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        address,
    ))
}

fn next_due(book: &Book) -> Result<Option<i64>> {
    Ok(book
        .conn()
        .query_row(
            "SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY id LIMIT 1",
            [now()],
            |r| r.get(0),
        )
        .optional()?)
}

type Stored = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<Vec<u8>>,
);

fn build(book: &Book, id: i64, from: &Mailbox) -> Result<Message> {
    let (key, to_email, to_name, subject, text, html, attachment_name, attachment): Stored = book.conn().query_row(
        "SELECT key, to_email, to_name, subject, text_body, html_body, attachment_name, attachment FROM outbox WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
    )?;
    let body = if html.is_empty() {
        MultiPart::alternative().singlepart(SinglePart::plain(text))
    } else {
        MultiPart::alternative_plain_html(text, html)
    };
    let body = match (attachment_name, attachment) {
        (Some(name), Some(bytes)) => {
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new(name).body(
                    bytes,
                    ContentType::parse("application/pdf").expect("a MIME type"),
                ))
        }
        _ => body,
    };
    let domain = from.email.domain().to_string();
    Message::builder()
        .from(from.clone())
        .to(mailbox(&to_name, &to_email)?)
        .subject(subject)
        .message_id(Some(format!("<{}.{id}@{domain}>", key.replace(':', "-"))))
        .multipart(body)
        .map_err(|e| MailError::invalid("message", e.to_string()))
}

fn sent(book: &mut Book, id: i64, reply: &str) -> Result<()> {
    let tx = book.transaction()?;
    tx.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?2, last_reply = ?3 WHERE id = ?1",
        params![id, now(), reply],
    )?;
    let (partner, subject, to, template): (Option<i64>, String, String, String) = tx.query_row(
        "SELECT partner_id, subject, to_email, template FROM outbox WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    if let (Some(partner), "welcome") = (partner, template.as_str()) {
        // The welcome kit step of onboarding is done once its email went out.
        tx.execute(
            "UPDATE partners SET welcome_sent_at = coalesce(welcome_sent_at, ?2) WHERE id = ?1",
            params![partner, now()],
        )?;
    }
    if let Some(partner) = partner {
        timeline::add(
            &tx,
            partner,
            ActivityKind::Email,
            Actor::System,
            &format!("Email sent: {subject}"),
            &format!("To {to}"),
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn failed(book: &Book, id: i64, reply: &str) -> Result<()> {
    book.conn().execute(
        "UPDATE outbox SET status = 'failed', last_reply = ?2 WHERE id = ?1",
        params![id, reply],
    )?;
    Ok(())
}

/// Back to the queue after a wait that doubles with each try (2, 4, 8…
/// minutes), or failed after the last try.
fn defer(book: &Book, id: i64, reply: &str) -> Result<()> {
    let attempts: u32 =
        book.conn()
            .query_row("SELECT attempts FROM outbox WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
    if attempts >= MAX_ATTEMPTS {
        return failed(
            book,
            id,
            &format!("gave up after {attempts} tries: {reply}"),
        );
    }
    let wait = chrono::Duration::minutes(2_i64.pow(attempts));
    book.conn().execute(
        "UPDATE outbox SET status = ?2, next_attempt_at = ?3, last_reply = ?4 WHERE id = ?1",
        params![
            id,
            OutboxStatus::Queued,
            stamp(partnerbook_book::time::current() + wait),
            reply
        ],
    )?;
    Ok(())
}
