//! PartnerStack's vendor API v2 (see ARCHITECTURE and PARTNERSTACK_API.md):
//! Basic auth with the public and secret keys, cursor pages of at most 250
//! (`starting_after` the last key), epoch-millisecond times, integer cents.

use crate::error::Result;
use crate::http::{bad_answer, At, Polite};
use crate::platform::Platform;
use crate::read::Item;
use crate::remote::{
    Body, Customer, Group, Page, Partner, Record, Resource, Reward, RewardStatus, Transaction,
};
use partnerbook_book::progress::Progress;
use serde_json::Value;

/// The largest page the API gives.
pub const PAGE_LIMIT: u32 = 250;

pub const BASE_URL: &str = "https://api.partnerstack.com/api/v2";

/// Every PartnerStack program has this test partner.
const TEST_PARTNER: &str = "gstest";

pub struct PartnerStack {
    pub http: Polite,
    pub limit: u32,
}

fn endpoint(resource: Resource) -> &'static str {
    match resource {
        Resource::Groups => "groups",
        Resource::Partners => "partnerships",
        Resource::Customers => "customers",
        Resource::Transactions => "transactions",
        Resource::Rewards => "rewards",
        Resource::Leads => "leads",
        Resource::Deals => "deals",
        Resource::Payouts => "payouts",
    }
}

impl Platform for PartnerStack {
    fn resources(&self) -> &'static [Resource] {
        &[
            Resource::Groups,
            Resource::Partners,
            Resource::Customers,
            Resource::Transactions,
            Resource::Rewards,
            Resource::Leads,
            Resource::Deals,
        ]
    }

    fn http(&self) -> &Polite {
        &self.http
    }

    fn page(
        &mut self,
        resource: Resource,
        since_ms: Option<i64>,
        cursor: Option<&str>,
        page: u64,
        progress: &dyn Progress,
    ) -> Result<Page> {
        let at = At {
            resource: resource.as_str(),
            page,
        };
        // Oldest first, so records made while we page land on later pages.
        let mut query = vec![
            ("limit", self.limit.min(PAGE_LIMIT).to_string()),
            ("order_by", "created_at".to_string()),
        ];
        if let Some(ms) = since_ms {
            query.push(("min_updated", ms.to_string()));
        }
        if let Some(c) = cursor {
            query.push(("starting_after", c.to_string()));
        }
        let body = self.http.get(endpoint(resource), &query, at, progress)?;
        let data = body
            .get("data")
            .ok_or_else(|| bad_answer(at, "has no \"data\"".into()))?;
        let items = data
            .get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| bad_answer(at, "has no \"data.items\" list".into()))?;
        let has_more = data
            .get("has_more")
            .and_then(Value::as_bool)
            .ok_or_else(|| bad_answer(at, "has no \"data.has_more\"".into()))?;
        let records = items
            .iter()
            .enumerate()
            .map(|(i, v)| record(resource, &Item::new(v, i, at)))
            .collect::<Result<Vec<_>>>()?;
        let next = match (has_more, records.last()) {
            (false, _) => None,
            (true, Some(last)) => Some(last.key.clone()),
            (true, None) => {
                return Err(bad_answer(
                    at,
                    "says there is more but holds no items".into(),
                ))
            }
        };
        Ok(Page { records, next })
    }
}

fn record(resource: Resource, item: &Item) -> Result<Record> {
    let key = item.text("key")?;
    if key.is_empty() {
        return Err(item.wrong("key", "is empty"));
    }
    let created = item.ms("created_at")?;
    let updated_ms = item.opt_ms("updated_at")?.unwrap_or(created);
    let body = match resource {
        Resource::Groups => Body::Group(Group {
            name: item.text("name")?,
        }),
        Resource::Partners => {
            let partner_key = item.text("partner_key")?;
            let group = match item.get("group") {
                Some(Value::Object(_)) => {
                    let g = item.child("group");
                    Some((g.text("key")?, g.text("name")?))
                }
                _ => None,
            };
            Body::Partner(Partner {
                test: partner_key == TEST_PARTNER,
                partner_key,
                email: item.text("email")?,
                first_name: item.opt_text("first_name")?,
                last_name: item.opt_text("last_name")?,
                company: item.child("m_data").opt_text("company")?,
                group,
                tags: item.names("tags")?,
            })
        }
        Resource::Customers => Body::Customer(Customer {
            customer_key: item.text("customer_key")?,
            email: item.opt_text("email")?,
            partner_key: item.opt_text("partner_key")?,
            partner_remote: String::new(),
            test: item.opt_bool("test")?.unwrap_or(false),
        }),
        Resource::Transactions => {
            let customer = item.child("customer");
            let excluded = if item.opt_bool("test")? == Some(true) {
                Some("a test transaction (made with test keys)")
            } else if item.opt_bool("archived")? == Some(true) {
                Some("archived in PartnerStack")
            } else if item.opt_bool("approved")? == Some(false) {
                Some("not approved by PartnerStack (approved: false)")
            } else {
                None
            };
            Body::Transaction(Transaction {
                amount_minor: item.cents("amount")?,
                currency: item.text("currency")?,
                created_ms: created,
                customer_key: first_of(&[
                    item.opt_text("customer_key")?,
                    customer.opt_text("customer_key")?,
                    customer.opt_text("key")?,
                ]),
                customer_email: customer.opt_text("email")?,
                partner_key: first_of(&[
                    item.opt_text("partner_key")?,
                    customer.opt_text("partner_key")?,
                ]),
                partner_remote: String::new(),
                product: item.key_or_name("product_key")?,
                refunds: item
                    .child("metadata")
                    .opt_text("refunded_transaction_key")?,
                refunded_total: false,
                excluded,
            })
        }
        Resource::Rewards => {
            let partnership = item.child("partnership");
            let transaction = item.child("transaction");
            let status_text = item.opt_text("reward_status")?;
            Body::Reward(Reward {
                amount_minor: item.cents("amount")?,
                currency: first_of(&[
                    item.opt_text("currency")?,
                    transaction.opt_text("currency")?,
                    "USD".to_string(),
                ]),
                status: RewardStatus::read(&status_text),
                status_text,
                description: item.opt_text("description")?,
                partner_key: first_of(&[
                    partnership.opt_text("partner_key")?,
                    item.opt_text("partner_key")?,
                ]),
                partner_remote: String::new(),
                transaction_key: first_of(&[
                    transaction.opt_text("key")?,
                    item.opt_text("transaction_key")?,
                ]),
                earned_ms: created,
            })
        }
        Resource::Leads | Resource::Deals | Resource::Payouts => Body::Kept(item.value().clone()),
    };
    Ok(Record {
        key,
        updated_ms,
        body,
    })
}

pub(crate) fn first_of(options: &[String]) -> String {
    options
        .iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_default()
}
