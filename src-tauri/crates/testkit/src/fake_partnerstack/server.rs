//! The HTTP side: each request's auth, faults, paging and answer.

use super::create::create;
use super::rewardful::rewardful;
use super::wire::{error, respond};
use super::*;

pub(super) fn handle(mut request: tiny_http::Request, state: &Mutex<State>) {
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
