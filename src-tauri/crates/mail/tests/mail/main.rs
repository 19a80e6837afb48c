//! The outbox against a real SMTP server on 127.0.0.1 (aiosmtpd, started
//! by each test): what arrives, and the faults — server down, a recipient
//! refused, the connection dropped mid-send, a crash while sending.

use partnerbook_book::audit::Actor;
use partnerbook_book::progress::Quiet;
use partnerbook_documents::statements::{self, queue_statements};
use partnerbook_mail::send_due;
use partnerbook_mail::settings;
use partnerbook_mail::MailSettings;
use partnerbook_mail::TlsMode;
use partnerbook_outbox::announce;
use partnerbook_outbox::decide;
use partnerbook_outbox::templates;
use partnerbook_outbox::AnnouncementInput;
use partnerbook_outbox::Audience;
use partnerbook_outbox::Decision;
use partnerbook_outbox::QueueReport;
use partnerbook_partners::timeline;
use partnerbook_partners::PayoutMethod;
use partnerbook_payouts::{approve, create};
use partnerbook_testkit::{program, P};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Debian's python3 has aiosmtpd (python3-aiosmtpd, installed by .ci/setup).
fn python() -> &'static str {
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

fn smtp(dir: &Path, port: u16, extra: &[&str]) -> Server {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_server.py");
    let inbox = dir.join(format!("inbox-{port}"));
    std::fs::create_dir_all(&inbox).unwrap();
    let mut child = Command::new(python())
        .arg(script)
        .arg(port.to_string())
        .arg(&inbox)
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with aiosmtpd runs");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "ready", "the SMTP server started");
    Server {
        child,
        port,
        dir: inbox,
    }
}

fn received(server: &Server) -> Vec<Value> {
    let mut n = 1;
    let mut out = Vec::new();
    while let Ok(text) = std::fs::read_to_string(server.dir.join(format!("{n}.json"))) {
        out.push(serde_json::from_str(&text).unwrap());
        n += 1;
    }
    out
}

/// An approved run paying two partners (one named in CJK), mail settings
/// pointing at `port`.
fn run_with_two_statements(port: u16) -> (P, i64) {
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let yamada = p.partner("山田 太郎", PayoutMethod::Paypal);
    p.approved(zoe, 12345, "2026-11-01");
    p.approved(yamada, 20000, "2026-11-01");
    let run = create(&mut p.book, "2026-11-30", Actor::User, &Quiet).unwrap();
    approve(&mut p.book, run.id, Actor::User, &Quiet).unwrap();
    point_at(&mut p, port);
    (p, run.id)
}

fn point_at(p: &mut P, port: u16) {
    settings::set(
        &mut p.book,
        &MailSettings {
            host: "127.0.0.1".into(),
            port,
            tls: TlsMode::None,
            user: String::new(),
            from_name: "Acme Partners".into(),
            from_email: "partners@acme.example".into(),
        },
        Actor::User,
    )
    .unwrap();
}

fn statuses(p: &P) -> Vec<String> {
    p.book
        .conn()
        .prepare("SELECT status FROM outbox ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn statements_arrive_with_their_pdf_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(dir.path(), free_port(), &[]);
    let (mut p, run) = run_with_two_statements(server.port);
    let queued = queue_statements(&mut p.book, run, &Quiet).unwrap();
    assert_eq!(
        queued,
        QueueReport {
            queued: 2,
            already: 0
        }
    );
    assert_eq!(
        queue_statements(&mut p.book, run, &Quiet).unwrap(),
        QueueReport {
            queued: 0,
            already: 2
        }
    );
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!((report.sent, report.failed, report.deferred), (2, 0, 0));
    let got = received(&server);
    assert_eq!(got.len(), 2);
    let zoe = got
        .iter()
        .find(|m| m["to"][0] == "zoe.adams@example.com")
        .unwrap();
    assert_eq!(zoe["from"], "partners@acme.example");
    assert_eq!(
        zoe["subject"],
        "Your Acme Partners statement for the period through 2026-11-30"
    );
    assert!(
        zoe["text"].as_str().unwrap().starts_with("Hello Zoë,"),
        "{zoe}"
    );
    assert!(
        zoe["text"]
            .as_str()
            .unwrap()
            .contains("123.45 EUR is on its way to you. It pays adjustments to your balance."),
        "the testkit's lines have no sale: {zoe}"
    );
    assert!(
        zoe["html"].as_str().unwrap().contains("<b>123.45 EUR</b>"),
        "{zoe}"
    );
    // The attachment is exactly the statement as written to disk.
    let name = zoe["attachments"][0].as_str().unwrap();
    let n = zoe["subject"]
        .as_str()
        .map(|_| got.iter().position(|m| m == zoe).unwrap() + 1)
        .unwrap();
    let attached = std::fs::read(server.dir.join(format!("{n}-{name}"))).unwrap();
    let folder = p.dir.path().join("statements");
    statements::write_run(&p.book, run, &folder, &Quiet).unwrap();
    assert_eq!(
        attached,
        std::fs::read(folder.join(name)).unwrap(),
        "byte-identical PDF"
    );
    let yamada = got
        .iter()
        .find(|m| m["to"][0] != "zoe.adams@example.com")
        .unwrap();
    assert!(
        yamada["text"].as_str().unwrap().starts_with("Hello 山田,"),
        "{yamada}"
    );
    // Sent is sent: sending again sends nothing more, and the timeline says so.
    assert_eq!(send_due(&mut p.book, None, 100, &Quiet).unwrap().sent, 0);
    assert_eq!(received(&server).len(), 2);
    let partner: i64 = p
        .book
        .conn()
        .query_row("SELECT partner_id FROM outbox WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let tl = timeline::list(&p.book, partner).unwrap();
    assert!(
        tl.iter().any(|a| a
            .summary
            .starts_with("Email sent: Your Acme Partners statement")),
        "{tl:?}"
    );
    assert!(
        p.book
            .conn()
            .execute("UPDATE outbox SET subject = 'x' WHERE id = 1", [])
            .is_err(),
        "sent never changes"
    );
}

#[test]
fn a_server_that_is_down_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let (mut p, run) = run_with_two_statements(port);
    queue_statements(&mut p.book, run, &Quiet).unwrap();
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!(
        (report.sent, report.deferred),
        (0, 1),
        "stops at the first unreachable try"
    );
    assert_eq!(statuses(&p), ["queued", "queued"]);
    let reply: String = p
        .book
        .conn()
        .query_row("SELECT last_reply FROM outbox WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(!reply.is_empty());
    // Later, with the server up and the wait over, both go, once.
    let server = smtp(dir.path(), port, &[]);
    p.book
        .conn()
        .execute(
            "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z'",
            [],
        )
        .unwrap();
    assert_eq!(send_due(&mut p.book, None, 100, &Quiet).unwrap().sent, 2);
    assert_eq!(received(&server).len(), 2);
}

#[test]
fn a_refused_recipient_fails_with_the_servers_words_and_the_rest_go() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(
        dir.path(),
        free_port(),
        &["--reject", "zoe.adams@example.com"],
    );
    let (mut p, run) = run_with_two_statements(server.port);
    queue_statements(&mut p.book, run, &Quiet).unwrap();
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!((report.sent, report.failed), (1, 1));
    let (status, reply): (String, String) = p
        .book
        .conn()
        .query_row(
            "SELECT status, last_reply FROM outbox WHERE to_email = 'zoe.adams@example.com'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(status, "failed");
    assert!(reply.contains("no such user"), "{reply}");
    assert_eq!(received(&server).len(), 1);
}

#[test]
fn a_message_that_cannot_be_sent_fails_alone_and_the_queue_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(dir.path(), free_port(), &[]);
    let (mut p, run) = run_with_two_statements(server.port);
    queue_statements(&mut p.book, run, &Quiet).unwrap();
    // An address stored before addresses were checked where they come in.
    p.book
        .conn()
        .execute(
            "UPDATE outbox SET to_email = '\"john doe\"@example.org' WHERE to_email = 'zoe.adams@example.com'",
            [],
        )
        .unwrap();
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!((report.sent, report.failed), (1, 1));
    assert_eq!(statuses(&p), ["failed", "sent"], "none left in sending");
    assert_eq!(received(&server).len(), 1);
}

#[test]
fn a_sender_name_or_address_mail_servers_refuse_is_refused_when_saved() {
    let mut p = program();
    for (name, email, field) in [
        (
            "Acme\r\nBcc: everyone@example.com",
            "partners@acme.example",
            "from_name",
        ),
        ("Acme", "\"john doe\"@example.org", "from_email"),
    ] {
        let err = settings::set(
            &mut p.book,
            &MailSettings {
                host: "127.0.0.1".into(),
                port: 2525,
                tls: TlsMode::None,
                user: String::new(),
                from_name: name.into(),
                from_email: email.into(),
            },
            Actor::User,
        )
        .unwrap_err();
        assert!(err.to_string().starts_with(field), "{err}");
    }
}

#[test]
fn a_dropped_connection_retries_later_and_a_crash_mid_send_is_left_to_the_manager() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(dir.path(), free_port(), &["--drop-data"]);
    let (mut p, run) = run_with_two_statements(server.port);
    queue_statements(&mut p.book, run, &Quiet).unwrap();
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!(report.sent, 0);
    assert!(
        statuses(&p).iter().all(|s| s == "queued"),
        "{:?}",
        statuses(&p)
    );
    let (attempts, next): (u32, String) = p
        .book
        .conn()
        .query_row(
            "SELECT attempts, next_attempt_at FROM outbox WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(attempts, 1);
    assert!(
        next > partnerbook_book::time::now(),
        "waits before the next try"
    );
    // A crash between "sending" and the server's answer: set aside, not resent.
    p.book
        .conn()
        .execute("UPDATE outbox SET status = 'sending' WHERE id = 1", [])
        .unwrap();
    drop(server);
    let good = smtp(dir.path(), free_port(), &[]);
    point_at(&mut p, good.port);
    p.book
        .conn()
        .execute(
            "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z'",
            [],
        )
        .unwrap();
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!((report.unknown, report.sent), (1, 1));
    assert_eq!(statuses(&p), ["unknown", "sent"]);
    assert_eq!(received(&good).len(), 1);
    decide(&mut p.book, 1, Decision::MarkSent, Actor::User).unwrap();
    assert_eq!(statuses(&p), ["sent", "sent"]);
    assert!(decide(&mut p.book, 1, Decision::Retry, Actor::User).is_err());
}

#[test]
fn templates_refuse_unknown_placeholders_when_saved() {
    let mut p = program();
    let err =
        templates::set(&mut p.book, "statement", "Hi {{partnr.name}}", "body", "").unwrap_err();
    assert!(
        err.to_string()
            .contains("{{partnr.name}} is not a placeholder"),
        "{err}"
    );
    let err = templates::set(&mut p.book, "announcement", "News", "{{total}}", "").unwrap_err();
    assert!(err.to_string().starts_with("text_body:"), "{err}");
    let saved = templates::set(
        &mut p.book,
        "statement",
        "{{statement.number}} for {{partner.name}}",
        "Total {{total}}",
        "",
    )
    .unwrap();
    assert_eq!(saved.subject, "{{statement.number}} for {{partner.name}}");
    let plain = settings::set(
        &mut p.book,
        &MailSettings {
            host: "smtp.example.com".into(),
            port: 25,
            tls: TlsMode::None,
            user: String::new(),
            from_name: String::new(),
            from_email: "a@example.com".into(),
        },
        Actor::User,
    );
    assert!(plain
        .unwrap_err()
        .to_string()
        .contains("only allowed to a server on this machine"));
}

#[test]
fn an_announcement_reaches_the_active_partners_of_a_tag_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(dir.path(), free_port(), &[]);
    let mut p = program();
    let zoe = p.partner("Zoë Adams", PayoutMethod::Paypal);
    let ola = p.partner("Ola Nordmann", PayoutMethod::Paypal);
    let paused = p.partner("Paul Paused", PayoutMethod::Paypal);
    let _untagged = p.partner("Una Untagged", PayoutMethod::Paypal);
    let conn = p.book.conn();
    conn.execute("INSERT INTO tags (name) VALUES ('newsletter')", [])
        .unwrap();
    for who in [zoe, ola, paused] {
        conn.execute(
            "INSERT INTO partner_tags (partner_id, tag_id) VALUES (?1, 1)",
            [who],
        )
        .unwrap();
    }
    conn.execute(
        "UPDATE partners SET status = 'paused' WHERE id = ?1",
        [paused],
    )
    .unwrap();
    point_at(&mut p, server.port);
    let input = AnnouncementInput {
        subject: "Spring sale at {{program.name}}".into(),
        text_body: "Hello {{partner.first_name}},\n\n30% off until Friday.\n".into(),
        html_body: "<p>Hello {{partner.first_name}},</p><p>30% off until Friday.</p>".into(),
        audience: Audience::Tag {
            name: "Newsletter".into(),
        },
    };
    assert_eq!(
        announce::audience_size(&p.book, &input.audience).unwrap(),
        ("tag Newsletter".to_string(), 2)
    );
    let a = announce(&mut p.book, &input, Actor::User).unwrap();
    assert_eq!((a.recipients, a.sent), (2, 0));
    let report = send_due(&mut p.book, None, 100, &Quiet).unwrap();
    assert_eq!(report.sent, 2);
    let got = received(&server);
    let mut to: Vec<&str> = got.iter().map(|m| m["to"][0].as_str().unwrap()).collect();
    to.sort();
    assert_eq!(to, ["ola.nordmann@example.com", "zoe.adams@example.com"]);
    let zoe_mail = got
        .iter()
        .find(|m| m["to"][0] == "zoe.adams@example.com")
        .unwrap();
    assert_eq!(zoe_mail["subject"], "Spring sale at Acme Partners");
    assert!(
        zoe_mail["text"].as_str().unwrap().starts_with("Hello Zoë,"),
        "{zoe_mail}"
    );
    assert_eq!(announce::list(&p.book).unwrap()[0].sent, 2);
    // The timeline of each recipient shows the message.
    let tl = timeline::list(&p.book, zoe).unwrap();
    assert!(
        tl.iter().any(|e| e.summary.contains("Spring sale")),
        "{tl:?}"
    );
}

#[test]
fn an_announcement_with_an_unknown_placeholder_or_nobody_to_reach_is_refused() {
    let mut p = program();
    p.partner("Zoë Adams", PayoutMethod::Paypal);
    let mut input = AnnouncementInput {
        subject: "News".into(),
        text_body: "Your total is {{total}}".into(),
        html_body: String::new(),
        audience: Audience::All,
    };
    let err = announce(&mut p.book, &input, Actor::User).unwrap_err();
    assert!(err.to_string().contains("{{total}}"), "{err}");
    input.text_body = "Hello {{partner.first_name}}".into();
    p.book
        .conn()
        .execute(
            "INSERT INTO groups (name, created_at) VALUES ('Empty', 'now')",
            [],
        )
        .unwrap();
    input.audience = Audience::Group { id: 1 };
    let err = announce(&mut p.book, &input, Actor::User).unwrap_err();
    assert!(
        err.to_string()
            .contains("group Empty has no active partners"),
        "{err}"
    );
    let outbox: i64 = p
        .book
        .conn()
        .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    let announcements: i64 = p
        .book
        .conn()
        .query_row("SELECT count(*) FROM announcements", [], |r| r.get(0))
        .unwrap();
    assert_eq!((outbox, announcements), (0, 0));
}

#[test]
fn an_approved_applicant_gets_the_welcome_email_and_the_kit_step_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let server = smtp(dir.path(), free_port(), &[]);
    let mut p = program();
    point_at(&mut p, server.port);
    let input = partnerbook_applications::ApplicationInput {
        name: "Zoë Adams".into(),
        email: "zoe@zoe-reviews.de".into(),
        website: "https://zoe-reviews.de".into(),
        ..Default::default()
    };
    let id = partnerbook_applications::add(&mut p.book, input, Actor::User)
        .unwrap()
        .ids[0];
    // A banner in the library: the welcome email carries the partner kit.
    let banner = p.dir.path().join("banner.png");
    image::RgbaImage::from_pixel(300, 250, image::Rgba([9, 9, 99, 255]))
        .save(&banner)
        .unwrap();
    partnerbook_assets::add_files(
        &mut p.book,
        &[banner],
        &Default::default(),
        Actor::User,
        &Quiet,
    )
    .unwrap();
    partnerbook_applications::approve(&mut p.book, &[id], None, "good fit", Actor::User).unwrap();
    let partner = partnerbook_applications::get(&p.book, id)
        .unwrap()
        .partner_id
        .unwrap();
    let welcome_of = |p: &P| -> Option<String> {
        p.book
            .conn()
            .query_row(
                "SELECT welcome_sent_at FROM partners WHERE id = ?1",
                [partner],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(welcome_of(&p), None);
    assert_eq!(send_due(&mut p.book, None, 10, &Quiet).unwrap().sent, 1);
    let got = received(&server);
    assert_eq!(got[0]["subject"], "Welcome to Acme Partners");
    assert!(
        got[0]["text"]
            .as_str()
            .unwrap()
            .contains("Your referral code is ZOE."),
        "{}",
        got[0]
    );
    assert_eq!(got[0]["attachments"][0], "Partner kit.zip");
    let kit = std::fs::File::open(server.dir.join("1-Partner kit.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(kit).unwrap();
    assert!(zip.by_name("banners/banner.png").is_ok());
    let sent: String = p
        .book
        .conn()
        .query_row("SELECT via FROM asset_sends", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sent, "email");
    assert!(welcome_of(&p).is_some());
}
