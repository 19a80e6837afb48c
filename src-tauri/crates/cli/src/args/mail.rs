//! `mail`: SMTP settings and password, templates, announcements, the outbox.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum MailCommand {
    /// Show or set the SMTP server (the password: `mail password set`, or PARTNERBOOK_SMTP_PASSWORD).
    Settings {
        #[arg(long)]
        host: Option<String>,
        #[arg(long)]
        port: Option<u16>,
        /// starttls, tls, or none (127.0.0.1 only).
        #[arg(long)]
        tls: Option<String>,
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        from_name: Option<String>,
        #[arg(long)]
        from_email: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Email templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Queue one email per payout of an approved run, with its PDF statement.
    QueueStatements { run: i64 },
    /// Send the messages that are due.
    Send {
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// The outbox, newest first.
    Outbox {
        /// queued, sending, sent, failed, unknown or cancelled.
        #[arg(long)]
        status: Option<String>,
        /// Only the statement emails of this payout run.
        #[arg(long)]
        run: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Save the SMTP password in the OS keychain (set), or remove it (forget).
    #[command(subcommand)]
    Password(PasswordCommand),
    /// Queue one message to every active partner of a group, a tag, or all of them.
    Announce {
        #[arg(long)]
        subject: String,
        /// A file with the plain-text body; {{partner.first_name}} and the like are filled in.
        #[arg(long)]
        text: std::path::PathBuf,
        /// A file with an HTML alternative.
        #[arg(long)]
        html: Option<std::path::PathBuf>,
        #[arg(long, conflicts_with_all = ["tag", "all"])]
        group: Option<String>,
        #[arg(long, conflicts_with = "all")]
        tag: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// Announcements, newest first, with how many copies went out.
    Announcements {
        #[arg(long)]
        json: bool,
    },
    /// Decide about a message: it went (--sent), send it again (--retry), or --cancel.
    Resolve {
        id: i64,
        #[arg(long, conflicts_with_all = ["retry", "cancel"])]
        sent: bool,
        #[arg(long, conflicts_with = "cancel")]
        retry: bool,
        #[arg(long)]
        cancel: bool,
    },
}

#[derive(Subcommand)]
pub enum PasswordCommand {
    /// Reads the password from the terminal (or one line of standard input).
    Set,
    Forget,
}

#[derive(Subcommand)]
pub enum TemplatesCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Replace a template's parts (unknown placeholders are refused).
    Set {
        name: String,
        #[arg(long)]
        subject: Option<String>,
        /// The plain-text body, from a file.
        #[arg(long)]
        text: Option<PathBuf>,
        /// The HTML body, from a file.
        #[arg(long)]
        html: Option<PathBuf>,
    },
}
