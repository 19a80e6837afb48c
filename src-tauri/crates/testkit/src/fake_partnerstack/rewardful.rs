//! Rewardful's pages and `PUT /payouts/:id/pay`.

use super::wire::respond;
use super::*;

/// Rewardful: numbered pages, newest first; `PUT payouts/:id/pay` marks a
/// payout paid.
pub(super) fn rewardful(
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
