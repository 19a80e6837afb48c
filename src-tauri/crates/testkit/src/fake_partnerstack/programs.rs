//! The programs a fake serves: a PartnerStack one and a Rewardful one.

use super::*;

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
