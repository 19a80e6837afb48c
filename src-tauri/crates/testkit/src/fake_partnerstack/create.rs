//! POST: records made as PartnerStack makes them.

use super::wire::order;
use super::*;

/// POST: makes the record as PartnerStack would (a key, times), refusing a
/// partnership whose email is taken and a customer whose key is; a
/// transaction whose `key` exists is returned as it is (idempotent).
pub(super) fn create(s: &mut State, list: &str, mut value: Value) -> (u16, Value) {
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
