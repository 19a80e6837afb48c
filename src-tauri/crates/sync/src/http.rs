//! A polite HTTP client for one connection: one request at a time, paced to
//! the platform's rate, 429 answered by waiting as long as `Retry-After`
//! asks, 5xx and timeouts retried with bounded, jittered backoff. Nothing it
//! says holds a key: keys go in the Authorization header only.

use crate::error::{ErrorExt, RemoteError, Result, SyncError};
use partnerbook_book::progress::Progress;
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::time::{Duration, Instant};

/// How hard to try before giving up.
#[derive(Clone, Copy, Debug)]
pub struct Retry {
    /// Attempts for one request that fails with 5xx or no answer.
    pub tries: u32,
    /// The first backoff; each next one doubles, up to `cap`.
    pub base: Duration,
    pub cap: Duration,
    /// 429s in a row one request may meet before sync gives up.
    pub throttled: u32,
    /// The longest single wait a `Retry-After` may ask for.
    pub longest_wait: Duration,
    /// How long one request may take.
    pub timeout: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            tries: 6,
            base: Duration::from_millis(500),
            cap: Duration::from_secs(30),
            throttled: 30,
            longest_wait: Duration::from_secs(300),
            timeout: Duration::from_secs(60),
        }
    }
}

/// Where a request is, for messages: the resource and the page number.
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    pub resource: &'a str,
    pub page: u64,
}

pub struct Polite {
    client: Client,
    base: String,
    user: String,
    password: Option<String>,
    platform: &'static str,
    /// The least time between two requests (from the platform's rate).
    min_gap: Duration,
    last: Option<Instant>,
    /// When the platform's rate headers say the window is spent: wait until.
    window_ends: Option<Instant>,
    retry: Retry,
    seed: u64,
    /// Requests sent, retries included.
    pub requests: u64,
    /// Time spent waiting for the platform's limits and backoff.
    pub waited: Duration,
}

impl Polite {
    pub fn new(
        platform: &'static str,
        base_url: &str,
        user: String,
        password: Option<String>,
        min_gap: Duration,
        retry: Retry,
    ) -> Result<Polite> {
        // reqwest takes the process's TLS provider: ring (see Cargo.toml).
        // Installing it twice is harmless; the second call only says so.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = Client::builder()
            .timeout(retry.timeout)
            .user_agent(concat!("Partnerbook/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::invalid("base_url", e.without_url().to_string()))?;
        Ok(Polite {
            client,
            base: base_url.trim_end_matches('/').to_string(),
            user,
            password,
            platform,
            min_gap,
            last: None,
            window_ends: None,
            retry,
            seed: seed(),
            requests: 0,
            waited: Duration::ZERO,
        })
    }

    pub fn get(
        &mut self,
        path: &str,
        query: &[(&str, String)],
        at: At,
        progress: &dyn Progress,
    ) -> Result<Value> {
        self.send(Method::GET, path, query, None, at, progress)
    }

    /// Sends one request until it gets an answer it can use, and returns
    /// the answer's JSON body.
    pub fn send(
        &mut self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
        at: At,
        progress: &dyn Progress,
    ) -> Result<Value> {
        let url = format!("{}/{}", self.base, path.trim_start_matches('/'));
        let (mut failures, mut throttled) = (0u32, 0u32);
        loop {
            progress.check()?;
            self.pace(progress)?;
            let mut request: RequestBuilder = self
                .client
                .request(method.clone(), &url)
                .basic_auth(&self.user, self.password.as_ref())
                .query(query);
            if let Some(body) = body {
                request = request.json(body);
            }
            self.requests += 1;
            self.last = Some(Instant::now());
            let wait = match request.send() {
                Err(e) => {
                    failures += 1;
                    if failures >= self.retry.tries {
                        return Err(unreachable(at, describe(&e, self.retry.timeout)));
                    }
                    self.backoff(failures)
                }
                Ok(response) => {
                    self.note_window(response.headers());
                    let status = response.status();
                    if status == StatusCode::TOO_MANY_REQUESTS {
                        throttled += 1;
                        if throttled > self.retry.throttled {
                            return Err(unreachable(
                                at,
                                format!("the platform kept answering 429 (too many requests) {throttled} times in a row"),
                            ));
                        }
                        retry_after(response.headers())
                            .map(|w| w.min(self.retry.longest_wait))
                            .unwrap_or_else(|| self.backoff(throttled))
                    } else if status.is_server_error() {
                        failures += 1;
                        if failures >= self.retry.tries {
                            return Err(unreachable(
                                at,
                                format!(
                                    "the platform answered HTTP {} {} times in a row",
                                    status.as_u16(),
                                    failures
                                ),
                            ));
                        }
                        self.backoff(failures)
                    } else {
                        return self.read(response, at);
                    }
                }
            };
            self.sleep(wait, progress)?;
        }
    }

    /// The body of an answer that is not a 429 or a 5xx.
    fn read(&self, response: Response, at: At) -> Result<Value> {
        let status = response.status();
        let text = response
            .text()
            .map_err(|e| unreachable(at, describe(&e, self.retry.timeout)))?;
        let json: Result<Value, _> = serde_json::from_str(&text);
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            return Err(RemoteError::Refused {
                platform: self.platform.to_string(),
                status: status.as_u16(),
                message: json
                    .ok()
                    .and_then(|v| message_of(&v))
                    .unwrap_or_else(|| "no reason given".into()),
            }
            .into());
        }
        if status == StatusCode::NOT_FOUND {
            return Err(RemoteError::Missing {
                resource: at.resource.into(),
            }
            .into());
        }
        if !status.is_success() {
            let said = json
                .ok()
                .and_then(|v| message_of(&v))
                .unwrap_or_else(|| clip(&text));
            return Err(bad_answer(
                at,
                format!("was HTTP {}: {said}", status.as_u16()),
            ));
        }
        json.map_err(|e| bad_answer(at, format!("is not JSON ({e}): {}", clip(&text))))
    }

    /// Waits out the gap since the last request and a spent rate window.
    fn pace(&mut self, progress: &dyn Progress) -> Result<()> {
        let now = Instant::now();
        let mut until = self.last.map(|l| l + self.min_gap);
        if let Some(w) = self.window_ends.take() {
            until = Some(until.map_or(w, |u| u.max(w)));
        }
        match until {
            Some(u) if u > now => self.sleep(u - now, progress),
            _ => Ok(()),
        }
    }

    /// Rate headers (`X-RateLimit-Remaining: 0` with a reset in seconds):
    /// the next request waits for the window to open again.
    fn note_window(&mut self, headers: &HeaderMap) {
        let number = |names: &[&str]| {
            names.iter().find_map(|n| {
                headers
                    .get(*n)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
            })
        };
        let remaining = number(&[
            "x-ratelimit-remaining",
            "x-rate-limit-remaining",
            "ratelimit-remaining",
        ]);
        let reset = number(&["x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"]);
        if let (Some(0), Some(reset)) = (remaining, reset) {
            // A reset is seconds from now, or (when large) an epoch time.
            let now_s = partnerbook_book::time::current().timestamp() as u64;
            let secs = if reset > 1_000_000_000 {
                reset.saturating_sub(now_s)
            } else {
                reset
            };
            let wait = Duration::from_secs(secs).min(self.retry.longest_wait);
            self.window_ends = Some(Instant::now() + wait);
        }
    }

    /// Exponential backoff with ±25% jitter, so many clients that failed
    /// together do not come back together.
    fn backoff(&mut self, attempt: u32) -> Duration {
        let exp = self
            .retry
            .base
            .saturating_mul(1 << attempt.min(16).saturating_sub(1));
        let d = exp.min(self.retry.cap);
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        let spread = d.as_millis() as u64 / 2;
        let jitter = if spread == 0 { 0 } else { self.seed % spread };
        d - Duration::from_millis(spread / 2) + Duration::from_millis(jitter)
    }

    /// Sleeps in small steps so a cancel is heard.
    fn sleep(&mut self, total: Duration, progress: &dyn Progress) -> Result<()> {
        let end = Instant::now() + total;
        self.waited += total;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            if left.is_zero() {
                break;
            }
            progress.check()?;
            std::thread::sleep(left.min(Duration::from_millis(100)));
        }
        Ok(())
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let secs = (when.timestamp() - partnerbook_book::time::current().timestamp()).max(0) as u64;
    Some(Duration::from_secs(secs))
}

fn message_of(v: &Value) -> Option<String> {
    ["message", "error", "detail"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::to_string)
}

fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    if e.is_timeout() {
        format!("no answer within {} s", timeout.as_secs_f32())
    } else if e.is_connect() {
        "cannot connect to the platform (offline, or a wrong base URL)".into()
    } else {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            text = format!("{text}: {s}");
            source = s.source();
        }
        text
    }
}

/// The first 200 characters of a body, for messages.
fn clip(text: &str) -> String {
    let t: String = text.chars().take(200).collect();
    if t.len() < text.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn unreachable(at: At, why: String) -> SyncError {
    RemoteError::Unreachable {
        resource: at.resource.into(),
        page: at.page,
        why,
    }
    .into()
}

pub(crate) fn bad_answer(at: At, why: String) -> SyncError {
    RemoteError::BadAnswer {
        resource: at.resource.into(),
        page: at.page,
        why,
    }
    .into()
}

fn seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.subsec_nanos() as u64);
    nanos | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An https client builds with our TLS provider (no network needed).
    #[test]
    fn an_https_client_builds() {
        let p = Polite::new(
            "PartnerStack",
            "https://api.partnerstack.com/api/v2",
            "pk".into(),
            None,
            Duration::ZERO,
            Retry::default(),
        );
        assert!(p.is_ok());
    }
}
