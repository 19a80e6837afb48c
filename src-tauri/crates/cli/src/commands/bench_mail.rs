//! `bench mail --count N`: N statement emails (each with its PDF) queued
//! and sent to a real SMTP server on 127.0.0.1 (aiosmtpd, as in the tests),
//! in messages per second. Wall-clock figures, printed, never asserted.

use super::bench_statements::paid_run;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::mail::{self, settings, MailSettings, TlsMode};
use partnerbook_core::progress::Quiet;
use serde::Serialize;
use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const SERVER: &str = include_str!("../../../mail/tests/support/smtp_server.py");

#[derive(Serialize)]
struct Figures {
    messages: u32,
    queue_millis: u128,
    send_millis: u128,
    messages_per_second: f64,
}

pub fn mail(count: u32, json: bool) -> CliResult {
    super::bench::in_scratch("mail", |dir| run(dir, count, json))
}

fn run(dir: &Path, count: u32, json: bool) -> CliResult {
    let (mut book, run_id) = paid_run(dir, count)?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let script = dir.join("smtp_server.py");
    std::fs::write(&script, SERVER)?;
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let mut server = Command::new(python)
        .arg(&script)
        .arg(port.to_string())
        .arg(dir)
        .arg("--discard")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            CliError::Usage(format!(
                "python3 with aiosmtpd is needed for this benchmark: {e}"
            ))
        })?;
    let mut ready = String::new();
    std::io::BufReader::new(server.stdout.take().expect("piped")).read_line(&mut ready)?;
    if ready.trim() != "ready" {
        let _ = server.kill();
        return Err(CliError::Usage(
            "the SMTP server did not start (is python3-aiosmtpd installed?)".into(),
        ));
    }
    settings::set(
        &mut book,
        &MailSettings {
            host: "127.0.0.1".into(),
            port,
            tls: TlsMode::None,
            user: String::new(),
            from_name: "Bench".into(),
            from_email: "bench@example.com".into(),
        },
        Actor::User,
    )?;
    let start = Instant::now();
    let queued = partnerbook_core::statements::queue_statements(&mut book, run_id, &Quiet)?;
    let queue_millis = start.elapsed().as_millis();
    let start = Instant::now();
    let sent = mail::send_due(&mut book, None, count, &Quiet);
    let send_millis = start.elapsed().as_millis().max(1);
    let _ = server.kill();
    let _ = server.wait();
    let sent = sent?;
    let figures = Figures {
        messages: sent.sent,
        queue_millis,
        send_millis,
        messages_per_second: f64::from(sent.sent) * 1000.0 / send_millis as f64,
    };
    if json {
        output::json(&figures);
        return Ok(());
    }
    println!(
        "queued {} statement emails (PDF rendered and stored) in {} ms; sent {} to aiosmtpd on 127.0.0.1 in {} ms = {:.0} messages/s",
        output::count(u64::from(queued.queued)),
        queue_millis,
        output::count(u64::from(sent.sent)),
        send_millis,
        figures.messages_per_second
    );
    Ok(())
}
