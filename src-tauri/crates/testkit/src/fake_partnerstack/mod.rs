//! A fake PartnerStack vendor API v2 (or, as `Flavor::Rewardful`, a fake
//! Rewardful API v1) on 127.0.0.1, for sync tests: real HTTP, Basic auth,
//! PartnerStack's cursor pages (`limit` <= 250, `starting_after`,
//! `min_updated`, oldest first) or Rewardful's numbered pages (`page`,
//! `limit` <= 100, newest first, `pagination.next_page`), and faults a test
//! can script (429 with Retry-After, 5xx, malformed bodies, slow answers, a
//! cursor that repeats). It follows ../shared/PARTNERSTACK_API.md and
//! Rewardful's public API reference.

use base64::Engine;
use serde_json::{json, Value};
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tiny_http::{Header, Method, Response, Server};

pub const PUBLIC_KEY: &str = "pk_test_fake";
pub const SECRET_KEY: &str = "sk_test_fake";
/// Rewardful's one key: the API secret, sent as the Basic user.
pub const REWARDFUL_SECRET: &str = "rw_secret_fake";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flavor {
    #[default]
    PartnerStack,
    Rewardful,
}

/// What the next matching request meets instead of a normal answer.
#[derive(Clone, Debug)]
pub enum Fault {
    /// 429 with `Retry-After: secs`.
    TooMany(u64),
    /// An error status with a JSON body.
    Status(u16),
    /// A body that is not JSON.
    Malformed,
    /// A page whose items lack a field.
    MissingField(&'static str),
    /// The normal answer, after a wait.
    Slow(Duration),
    /// The normal answer (to let some requests through before a fault).
    Pass,
    /// The normal answer, saying the rate window is spent for `secs`
    /// (`X-RateLimit-Remaining: 0`, `X-RateLimit-Reset: secs`).
    WindowSpent(u64),
    /// A page whose last item is the cursor it was asked from (paging in a circle).
    RepeatCursor,
}

pub struct State {
    pub flavor: Flavor,
    /// Records by list name ("partnerships", "transactions"…), each with
    /// `key`, `created_at` and `updated_at` (ms).
    pub lists: BTreeMap<String, Vec<Value>>,
    /// Faults for the next requests, in order, each for one request
    /// (to a list whose name matches, or any list when None).
    pub faults: VecDeque<(Option<String>, Fault)>,
    /// Every request's path and query, in order (while `keep_log`).
    pub log: Vec<String>,
    pub keep_log: bool,
    /// At most this many requests per second; more get 429 with Retry-After.
    pub rate: Option<u32>,
    window: Option<(Instant, f64)>,
    /// Every answer waits this long first (a slow platform).
    pub delay: Duration,
    /// Posted records (push), by list.
    pub posted: Vec<(String, Value)>,
    /// Per list, each key's place: found again when the list was replaced.
    places: BTreeMap<String, std::collections::HashMap<String, usize>>,
}

impl State {
    /// Where `key` is in `list`, from an index rebuilt whenever it no
    /// longer fits the list (a test replaced or reordered it).
    fn position(&mut self, list: &str, key: &str) -> Option<usize> {
        let all = self.lists.get(list)?;
        let fits = |i: &usize| all.get(*i).is_some_and(|r| r["key"].as_str() == Some(key));
        if let Some(i) = self
            .places
            .get(list)
            .and_then(|p| p.get(key))
            .copied()
            .filter(fits)
        {
            return Some(i);
        }
        let places: std::collections::HashMap<String, usize> = all
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r["key"].as_str().map(|k| (k.to_string(), i)))
            .collect();
        let found = places.get(key).copied();
        self.places.insert(list.to_string(), places);
        found
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            flavor: Flavor::PartnerStack,
            lists: BTreeMap::new(),
            faults: VecDeque::new(),
            log: Vec::new(),
            keep_log: true,
            rate: None,
            window: None,
            delay: Duration::ZERO,
            posted: Vec::new(),
            places: BTreeMap::new(),
        }
    }
}

pub struct Fake {
    /// The base URL as PartnerStack's (`/api/v2`).
    pub url: String,
    /// The base URL as Rewardful's (`/v1`).
    pub rewardful_url: String,
    pub state: Arc<Mutex<State>>,
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Fake {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Fake {
    pub fn start() -> Fake {
        Fake::start_at("127.0.0.1:0")
    }

    pub fn start_at(addr: &str) -> Fake {
        let listener = std::net::TcpListener::bind(addr).expect("fake PartnerStack: bind");
        // Answers go out whole: without TCP_NODELAY (accepted sockets take
        // it from the listener) a body's last piece waits for the client's
        // delayed ACK, 40 ms, on most pages, which no real API does.
        no_delay(&listener);
        let server =
            Arc::new(Server::from_listener(listener, None).expect("fake PartnerStack: serve"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let state = Arc::new(Mutex::new(State::default()));
        let (s, st) = (server.clone(), state.clone());
        let thread = std::thread::spawn(move || {
            for request in s.incoming_requests() {
                let st = st.clone();
                // One thread per request, so a slow answer does not hold
                // up the next (the client sends one at a time anyway).
                std::thread::spawn(move || handle(request, &st));
            }
        });
        Fake {
            url: format!("http://127.0.0.1:{port}/api/v2"),
            rewardful_url: format!("http://127.0.0.1:{port}/v1"),
            state,
            server,
            thread: Some(thread),
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }

    /// Adds or replaces a record, keeping the list oldest first.
    pub fn put(&self, list: &str, record: Value) {
        self.with(|s| {
            let items = s.lists.entry(list.to_string()).or_default();
            let key = record["key"].clone();
            match items.iter_mut().find(|r| r["key"] == key) {
                Some(r) => *r = record,
                None => items.push(record),
            }
            items.sort_by(order);
        })
    }

    pub fn fault(&self, list: Option<&str>, fault: Fault) {
        self.with(|s| s.faults.push_back((list.map(str::to_string), fault)));
    }

    pub fn requests(&self) -> Vec<String> {
        self.with(|s| s.log.clone())
    }
}

mod contents;
mod create;
mod programs;
mod rewardful;
mod server;
mod wire;

pub use contents::contents;
pub use programs::{program, rewardful_program};
use server::handle;
use wire::{no_delay, order};
