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

/// Oldest first, then by key: the order `order_by=created_at` pages in.
fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    // PartnerStack's times are epoch ms, Rewardful's ISO text (which sorts
    // as text); keys are `key` or `id`.
    let k = |v: &Value| {
        (
            v["created_at"].as_i64(),
            v["created_at"].as_str().map(str::to_string),
            v["key"].as_str().or(v["id"].as_str()).map(str::to_string),
        )
    };
    k(a).cmp(&k(b))
}

fn no_delay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    let on: libc::c_int = 1;
    // SAFETY: a valid socket descriptor we own, and a pointer to a c_int
    // that lives across the call with its size.
    let r = unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    assert_eq!(r, 0, "TCP_NODELAY on the fake's listener");
}

fn respond(request: tiny_http::Request, status: u16, body: String, headers: Vec<Header>) {
    let mut response = Response::from_string(body).with_status_code(status);
    response.add_header(Header::from_bytes("Content-Type", "application/json").unwrap());
    for h in headers {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

fn error(status: u16, message: &str) -> String {
    json!({ "message": message, "status": status }).to_string()
}

fn handle(mut request: tiny_http::Request, state: &Mutex<State>) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let flavor = state.lock().unwrap().flavor;
    let list = path
        .trim_start_matches("/api/v2/")
        .trim_start_matches("/v1/")
        .trim_matches('/')
        .to_string();
    let pair = match flavor {
        Flavor::PartnerStack => format!("{PUBLIC_KEY}:{SECRET_KEY}"),
        Flavor::Rewardful => format!("{REWARDFUL_SECRET}:"),
    };
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    );
    let authorised = request
        .headers()
        .iter()
        .any(|h| h.field.equiv("Authorization") && h.value.as_str() == expected);
    let q: BTreeMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let delay = state.lock().unwrap().delay;
    std::thread::sleep(delay);
    let fault = {
        let mut s = state.lock().unwrap();
        if s.keep_log {
            s.log.push(url.clone());
        }
        // A token bucket: `rate` requests a second, bursts of up to `rate`.
        let limited = s.rate.is_some_and(|rate| {
            let now = Instant::now();
            let (last, tokens) = s.window.get_or_insert((now, rate as f64));
            *tokens =
                (*tokens + now.duration_since(*last).as_secs_f64() * rate as f64).min(rate as f64);
            *last = now;
            if *tokens >= 1.0 {
                *tokens -= 1.0;
                false
            } else {
                true
            }
        });
        if limited {
            Some(Fault::TooMany(1))
        } else {
            let at = s
                .faults
                .iter()
                .position(|(l, _)| l.as_deref().is_none_or(|l| l == list));
            at.and_then(|i| s.faults.remove(i)).map(|(_, f)| f)
        }
    };
    match &fault {
        Some(Fault::TooMany(secs)) => {
            let h = Header::from_bytes("Retry-After", secs.to_string()).unwrap();
            return respond(request, 429, error(429, "Too many requests"), vec![h]);
        }
        Some(Fault::Status(code)) => {
            return respond(request, *code, error(*code, "Server error"), vec![])
        }
        Some(Fault::Malformed) => {
            return respond(request, 200, "<html>Bad gateway</html>".into(), vec![])
        }
        Some(Fault::Slow(d)) => std::thread::sleep(*d),
        _ => {}
    }
    if !authorised {
        return respond(
            request,
            401,
            error(401, "Unauthorized: bad API keys"),
            vec![],
        );
    }
    if flavor == Flavor::Rewardful {
        return rewardful(request, state, &list, &q);
    }
    if *request.method() == Method::Post {
        let mut body = String::new();
        let _ = request.as_reader().read_to_string(&mut body);
        let Ok(value) = serde_json::from_str::<Value>(&body) else {
            return respond(request, 400, error(400, "Body is not JSON"), vec![]);
        };
        let (status, body) = create(&mut state.lock().unwrap(), &list, value);
        return respond(request, status, body.to_string(), vec![]);
    }
    let limit: usize = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 10,
        Some(Ok(n)) if (1..=250).contains(&n) => n,
        _ => {
            return respond(
                request,
                400,
                error(400, "limit must be between 1 and 250"),
                vec![],
            )
        }
    };
    let min_updated: i64 = q
        .get("min_updated")
        .and_then(|v| v.parse().ok())
        .unwrap_or(i64::MIN);
    let (items, has_more) = {
        let mut s = state.lock().unwrap();
        let Some(start) = s
            .lists
            .contains_key(&list)
            .then(|| match q.get("starting_after") {
                Some(after) => s.position(&list, after).map(|i| i + 1),
                None => Some(0),
            })
        else {
            drop(s);
            return respond(request, 404, error(404, "Not found"), vec![]);
        };
        let Some(start) = start else {
            drop(s);
            return respond(
                request,
                400,
                error(400, "starting_after: no such key"),
                vec![],
            );
        };
        // Lists are kept oldest first (see `put` and `program`); walk on from
        // the cursor, so a page costs its own size, not the list's.
        let all = &s.lists[&list];
        let wanted = |r: &&Value| r["updated_at"].as_i64().unwrap_or(0) >= min_updated;
        let mut rest = all[start.min(all.len())..].iter().filter(wanted);
        let page: Vec<Value> = rest.by_ref().take(limit).cloned().collect();
        let more = rest.next().is_some();
        (page, more)
    };
    let mut items = items;
    match fault {
        Some(Fault::MissingField(field)) => {
            for i in &mut items {
                i.as_object_mut().map(|o| o.remove(field));
            }
        }
        Some(Fault::RepeatCursor) => {
            if let (Some(after), Some(last)) = (q.get("starting_after"), items.last_mut()) {
                last["key"] = json!(after);
            }
        }
        _ => {}
    }
    let body = json!({ "data": { "items": items, "has_more": has_more }, "message": "Success", "status": 200 });
    let headers = match fault {
        Some(Fault::WindowSpent(secs)) => vec![
            Header::from_bytes("X-RateLimit-Remaining", "0").unwrap(),
            Header::from_bytes("X-RateLimit-Reset", secs.to_string()).unwrap(),
        ],
        _ => vec![],
    };
    respond(request, 200, body.to_string(), headers)
}

/// POST: makes the record as PartnerStack would (a key, times), refusing a
/// partnership whose email is taken and a customer whose key is; a
/// transaction whose `key` exists is returned as it is (idempotent).
fn create(s: &mut State, list: &str, mut value: Value) -> (u16, Value) {
    s.posted.push((list.to_string(), value.clone()));
    let now = s
        .lists
        .values()
        .flatten()
        .filter_map(|r| r["updated_at"].as_i64())
        .max()
        .unwrap_or(1_793_577_600_000)
        + 60_000;
    let items = s.lists.entry(list.to_string()).or_default();
    let same = |field: &'static str| {
        let v = value[field].clone();
        move |r: &Value| !v.is_null() && r[field] == v
    };
    match list {
        "partnerships" => {
            if items.iter().any(same("email")) {
                return (
                    400,
                    json!({ "message": "A partnership with this email already exists", "status": 400 }),
                );
            }
            value["key"] = json!(format!("part_new_{}", items.len()));
            if value["partner_key"].is_null() {
                let local = value["email"]
                    .as_str()
                    .unwrap_or("p")
                    .split('@')
                    .next()
                    .unwrap_or("p")
                    .to_string();
                value["partner_key"] = json!(local);
            }
        }
        "customers" => {
            if items.iter().any(same("customer_key")) {
                return (
                    400,
                    json!({ "message": "A customer with this customer_key already exists", "status": 400 }),
                );
            }
            value["key"] = json!(format!("cus_new_{}", items.len()));
        }
        "transactions" => {
            let is_same = same("key");
            if let Some(existing) = items.iter().find(|r| is_same(r)) {
                return (
                    200,
                    json!({ "data": existing, "message": "Exists", "status": 200 }),
                );
            }
            value["approved"] = json!(true);
            value["test"] = json!(false);
        }
        _ => return (404, json!({ "message": "Not found", "status": 404 })),
    }
    if value["created_at"].is_null() {
        value["created_at"] = json!(now);
    }
    value["updated_at"] = json!(now);
    items.push(value.clone());
    items.sort_by(order);
    (
        200,
        json!({ "data": value, "message": "Created", "status": 200 }),
    )
}

/// Rewardful: numbered pages, newest first; `PUT payouts/:id/pay` marks a
/// payout paid.
fn rewardful(
    request: tiny_http::Request,
    state: &Mutex<State>,
    list: &str,
    q: &BTreeMap<String, String>,
) {
    if *request.method() == Method::Put {
        let id = list
            .trim_start_matches("payouts/")
            .trim_end_matches("/pay")
            .to_string();
        let mut s = state.lock().unwrap();
        let found = s
            .lists
            .get_mut("payouts")
            .and_then(|l| l.iter_mut().find(|p| p["id"] == json!(id)));
        let Some(p) = found else {
            drop(s);
            return respond(
                request,
                404,
                json!({ "error": "Not found" }).to_string(),
                vec![],
            );
        };
        p["state"] = json!("paid");
        p["paid_at"] = json!("2026-12-01T00:00:00.000Z");
        let body = p.clone();
        s.posted.push((format!("payouts/{id}/pay"), body.clone()));
        drop(s);
        return respond(request, 200, body.to_string(), vec![]);
    }
    let limit: usize = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 25,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        _ => {
            return respond(
                request,
                400,
                json!({ "error": "limit must be between 1 and 100" }).to_string(),
                vec![],
            )
        }
    };
    let page: usize = q
        .get("page")
        .and_then(|p| p.parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let s = state.lock().unwrap();
    let Some(all) = s.lists.get(list) else {
        drop(s);
        return respond(
            request,
            404,
            json!({ "error": "Not found" }).to_string(),
            vec![],
        );
    };
    let total = all.len();
    // Newest first, as Rewardful lists.
    let items: Vec<Value> = all
        .iter()
        .rev()
        .skip((page - 1) * limit)
        .take(limit)
        .cloned()
        .collect();
    drop(s);
    let pages = total.div_ceil(limit).max(1);
    let body = json!({
        "pagination": {
            "previous_page": if page > 1 { json!(page - 1) } else { Value::Null },
            "current_page": page,
            "next_page": if page < pages { json!(page + 1) } else { Value::Null },
            "count": items.len(), "limit": limit, "total_pages": pages, "total_count": total
        },
        "data": items
    });
    respond(request, 200, body.to_string(), vec![])
}

/// A small Rewardful program: 2 campaigns, `affiliates` affiliates with a
/// link token each, a referral each, `sales` commissions each (with their
/// sale; every fifth affiliate's first sale half refunded), and one paid
/// payout each. Times as ISO text from 2026-11-02, a minute apart.
pub fn rewardful_program(affiliates: usize, sales: usize) -> BTreeMap<String, Vec<Value>> {
    let t0 = chrono::DateTime::parse_from_rfc3339("2026-11-02T00:00:00Z").unwrap();
    let at = |m: i64| {
        (t0 + chrono::Duration::minutes(m)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    let mut lists: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let campaigns = [("camp_gold", "Gold"), ("camp_friends", "Friends")];
    for (id, name) in campaigns {
        lists.entry("campaigns".into()).or_default().push(json!({
            "id": id, "name": name, "created_at": at(0), "updated_at": at(0),
            "commission_percent": 20.0, "reward_type": "percent"
        }));
    }
    let mut m = 0;
    for a in 0..affiliates {
        m += 1;
        let (cid, cname) = campaigns[a % 2];
        let aid = format!("aff-{a:05}");
        let token = format!("ref{a:05}");
        lists.entry("affiliates".into()).or_default().push(json!({
            "id": aid, "created_at": at(m), "updated_at": at(m), "state": "active",
            "first_name": format!("Ann{a}"), "last_name": "Affiliate", "email": format!("affiliate{a}@example.com"),
            "paypal_email": format!("affiliate{a}@example.com"), "confirmed_at": at(m),
            "campaign": { "id": cid, "name": cname },
            "links": [{ "id": format!("link-{a:05}"), "url": format!("https://shop.example/?via={token}"), "token": token }]
        }));
        let customer = json!({ "platform": "stripe", "id": format!("cus_{a:05}"), "name": format!("Customer {a}"), "email": format!("customer{a}@shop.example") });
        lists.entry("referrals".into()).or_default().push(json!({
            "id": format!("refl-{a:05}"), "created_at": at(m), "updated_at": at(m), "conversion_state": "conversion",
            "stripe_customer_id": format!("cus_{a:05}"), "customer": customer, "affiliate": { "id": aid }
        }));
        for s in 0..sales {
            m += 1;
            let amount = 10_000 + 500 * (s as i64 % 3);
            let refunded = if a % 5 == 4 && s == 0 { amount / 2 } else { 0 };
            let sale = json!({
                "id": format!("sale-{a:05}-{s:03}"), "currency": "USD", "charged_at": at(m),
                "created_at": at(m), "updated_at": at(m), "charge_amount_cents": amount,
                "refund_amount_cents": refunded, "tax_amount_cents": 0, "sale_amount_cents": amount,
                "referral": { "id": format!("refl-{a:05}"), "stripe_customer_id": format!("cus_{a:05}"), "customer": customer },
                "affiliate": { "id": aid }
            });
            lists.entry("commissions".into()).or_default().push(json!({
                "id": format!("comm-{a:05}-{s:03}"), "created_at": at(m), "updated_at": at(m),
                "amount": amount / 5, "currency": "USD", "state": if s == 0 { "paid" } else { "due" },
                "due_at": at(m + 43_200), "paid_at": null, "voided_at": null,
                "campaign": { "id": cid, "name": cname }, "sale": sale
            }));
        }
        lists.entry("payouts".into()).or_default().push(json!({
            "id": format!("payout-{a:05}"), "currency": "USD", "amount": 2_000, "state": "due",
            "created_at": at(m), "updated_at": at(m), "paid_at": null, "affiliate": { "id": aid, "email": format!("affiliate{a}@example.com") }
        }));
    }
    lists
}

/// A small program: 2 groups, `partners` partnerships (plus the `gstest`
/// test partner), a customer and `sales` transactions per partner (the
/// last one of every fifth partner refunded), a reward of 20% for each.
/// Times start on 2026-11-02 and step by a minute.
pub fn program(partners: usize, sales: usize) -> BTreeMap<String, Vec<Value>> {
    let t0: i64 = 1_793_577_600_000; // 2026-11-02T00:00:00Z
    let minute = 60_000;
    let mut lists: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let groups = [("grup_gold", "Gold"), ("grup_standard", "Standard")];
    for (i, (key, name)) in groups.iter().enumerate() {
        lists.entry("groups".into()).or_default().push(json!({
            "key": key, "name": name, "slug": name.to_lowercase(), "archived": false,
            "default": i == 1, "created_at": t0, "updated_at": t0
        }));
    }
    let mut t = t0;
    let mut push = |list: &str, mut v: Value, at: i64| {
        v["created_at"] = json!(at);
        v["updated_at"] = json!(at);
        lists.entry(list.into()).or_default().push(v);
    };
    push(
        "partnerships",
        json!({
            "key": "part_gstest", "partner_key": "gstest", "email": "test@partnerstack.com",
            "first_name": "Test", "last_name": "Partner", "group": null, "tags": [], "m_data": {}
        }),
        t,
    );
    for p in 0..partners {
        t += minute;
        let (gkey, gname) = groups[p % 2];
        let pk = format!("partner-{p:05}");
        push(
            "partnerships",
            json!({
                "key": format!("part_{p:05}"), "partner_key": pk, "email": format!("partner{p}@example.com"),
                "first_name": format!("Pat{p}"), "last_name": "Example",
                "group": { "key": gkey, "name": gname, "slug": gname.to_lowercase() },
                "tags": ["newsletter"], "m_data": {}, "stats": {}, "joined_at": t
            }),
            t,
        );
        let ck = format!("cus_{p:05}");
        push(
            "customers",
            json!({
                "key": ck, "customer_key": format!("stripe_{p:05}"), "email": format!("buyer{p}@shop.example"),
                "name": format!("Buyer {p}"), "partner_key": pk, "partnership_key": format!("part_{p:05}"),
                "provider_key": format!("stripe_{p:05}"), "source_type": "api", "field_data": {}, "test": false
            }),
            t,
        );
        for s in 0..sales {
            t += minute;
            let key = format!("txn_{p:05}_{s:03}");
            let amount = 4_900 + 100 * (s as i64 % 7);
            push(
                "transactions",
                json!({
                    "key": key, "amount": amount, "amount_usd": amount, "currency": "USD",
                    "approved": true, "archived": false, "category_key": "subscription",
                    "product_key": { "key": "pro", "name": "Pro plan" },
                    "customer_key": format!("stripe_{p:05}"),
                    "customer": { "key": ck, "customer_key": format!("stripe_{p:05}"), "email": format!("buyer{p}@shop.example"), "partner_key": pk },
                    "metadata": {}, "test": false
                }),
                t,
            );
            push(
                "rewards",
                json!({
                    "key": format!("rwd_{p:05}_{s:03}"), "amount": amount / 5, "currency": "USD",
                    "description": "20% of the sale", "reward_status": "approved",
                    "partnership": { "key": format!("part_{p:05}"), "partner_key": pk },
                    "customer": { "key": ck }, "transaction": { "key": key, "currency": "USD" },
                    "action": {}, "trigger": {}, "invoice": null
                }),
                t,
            );
        }
        if p % 5 == 4 && sales > 0 {
            t += minute;
            push(
                "transactions",
                json!({
                    "key": format!("txn_{p:05}_refund"), "amount": -4_900, "currency": "USD",
                    "approved": true, "archived": false, "customer_key": format!("stripe_{p:05}"),
                    "customer": { "key": ck, "customer_key": format!("stripe_{p:05}"), "partner_key": pk },
                    "metadata": {}, "test": false
                }),
                t,
            );
        }
    }
    // A test transaction made with test keys: never a sale.
    t += minute;
    push(
        "transactions",
        json!({
            "key": "txn_test", "amount": 9_900, "currency": "USD", "approved": true, "archived": false,
            "customer_key": "stripe_test", "customer": { "partner_key": "gstest" }, "metadata": {}, "test": true
        }),
        t,
    );
    lists.entry("leads".into()).or_default();
    lists.entry("deals".into()).or_default();
    lists
}

/// What a book holds that sync writes, without ids or times: equal for two
/// books that synced the same platform, however the syncs went.
pub fn contents(conn: &rusqlite::Connection) -> Vec<String> {
    let queries = [
        "SELECT name || '|' || email || '|' || coalesce((SELECT name FROM groups g WHERE g.id = p.group_id), '') || '|' || status FROM partners p",
        "SELECT name FROM groups",
        "SELECT code || '|' || (SELECT email FROM partners p WHERE p.id = c.partner_id) FROM partner_codes c",
        "SELECT source || '|' || external_id || '|' || email || '|' || coalesce((SELECT email FROM partners p WHERE p.id = c.partner_id), '') FROM customers c",
        "SELECT source || '|' || external_id || '|' || kind || '|' || occurred_at || '|' || amount_minor || '|' || coalesce(currency, '') || '|' || coalesce((SELECT email FROM partners p WHERE p.id = v.partner_id), '') || '|' || attribution FROM conversions v",
        "SELECT (SELECT external_id FROM conversions v WHERE v.id = k.conversion_id) || '|' || line || '|' || kind || '|' || coalesce(amount_minor, 0) || '|' || currency || '|' || state || '|' || due_on FROM commissions k",
        "SELECT remote_key || '|' || amount_minor || '|' || currency || '|' || status || '|' || earned_at FROM platform_rewards",
        "SELECT resource || '|' || remote_key || '|' || skipped || '|' || synced FROM sync_map",
        "SELECT resource || '|' || remote_key || '|' || field || '|' || ours || '|' || theirs FROM sync_conflicts",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut stmt = conn.prepare(q).unwrap();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}
