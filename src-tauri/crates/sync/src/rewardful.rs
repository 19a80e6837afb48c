//! Rewardful's API v1: the secret as the Basic user with no password, pages
//! by number (`page`, `limit` <= 100, `pagination.next_page`), ISO times,
//! cents, and 45 requests per 30 seconds. Campaigns become groups,
//! affiliates partners (their first link's token is their key), referrals
//! customers, each commission's sale a conversion (and its refunds a
//! refund), commissions the platform's rewards; payouts are kept as data.
//! Rewardful has no "changed since" filter: every sync reads every page,
//! and the book's idempotence makes re-reading harmless.

use crate::error::Result;
use crate::http::{bad_answer, At, Polite};
use crate::partnerstack::first_of;
use crate::platform::Platform;
use crate::read::Item;
use crate::remote::{
    Body, Customer, Group, Page, Partner, Record, Resource, Reward, RewardStatus, Transaction,
};
use partnerbook_book::progress::Progress;
use serde_json::Value;
use std::time::Duration;

pub const PAGE_LIMIT: u32 = 100;

pub const BASE_URL: &str = "https://api.getrewardful.com/v1";

/// 45 requests per 30 seconds, spread evenly.
pub const MIN_GAP: Duration = Duration::from_millis(667);

pub struct Rewardful {
    pub http: Polite,
    pub limit: u32,
}

fn endpoint(resource: Resource) -> &'static str {
    match resource {
        Resource::Groups => "campaigns",
        Resource::Partners => "affiliates",
        Resource::Customers => "referrals",
        Resource::Transactions | Resource::Rewards => "commissions",
        Resource::Payouts => "payouts",
        Resource::Leads | Resource::Deals => "",
    }
}

impl Platform for Rewardful {
    fn resources(&self) -> &'static [Resource] {
        &[
            Resource::Groups,
            Resource::Partners,
            Resource::Customers,
            Resource::Transactions,
            Resource::Rewards,
            Resource::Payouts,
        ]
    }

    fn http(&self) -> &Polite {
        &self.http
    }

    fn page(
        &mut self,
        resource: Resource,
        _since_ms: Option<i64>,
        cursor: Option<&str>,
        page: u64,
        progress: &dyn Progress,
    ) -> Result<Page> {
        let at = At {
            resource: resource.as_str(),
            page,
        };
        let mut query = vec![
            ("limit", self.limit.min(PAGE_LIMIT).to_string()),
            ("page", cursor.unwrap_or("1").to_string()),
        ];
        if matches!(resource, Resource::Transactions | Resource::Rewards) {
            query.push(("expand[]", "sale".to_string()));
        }
        let body = self.http.get(endpoint(resource), &query, at, progress)?;
        let items = body
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| bad_answer(at, "has no \"data\" list".into()))?;
        let next = match body.get("pagination").map(|p| p.get("next_page")) {
            Some(Some(Value::Number(n))) => Some(n.to_string()),
            Some(Some(Value::Null)) | Some(None) => None,
            Some(Some(_)) => {
                return Err(bad_answer(
                    at,
                    "has a \"pagination.next_page\" that is not a number".into(),
                ))
            }
            None => return Err(bad_answer(at, "has no \"pagination\"".into())),
        };
        let mut records = Vec::new();
        for (i, v) in items.iter().enumerate() {
            read(resource, &Item::new(v, i, at), &mut records)?;
        }
        Ok(Page { records, next })
    }
}

fn read(resource: Resource, item: &Item, out: &mut Vec<Record>) -> Result<()> {
    let key = item.text("id")?;
    let updated_ms = item.opt_ms("updated_at")?.unwrap_or(item.ms("created_at")?);
    let body = match resource {
        Resource::Groups => Body::Group(Group {
            name: item.text("name")?,
        }),
        Resource::Partners => {
            let campaign = item.child("campaign");
            let links = item.get("links").and_then(Value::as_array);
            let token = links
                .and_then(|l| l.first())
                .and_then(|l| l.get("token"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let campaign_id = campaign.opt_text("id")?;
            Body::Partner(Partner {
                partner_key: token,
                email: item.text("email")?,
                first_name: item.opt_text("first_name")?,
                last_name: item.opt_text("last_name")?,
                company: item.opt_text("company_name")?,
                group: (!campaign_id.is_empty())
                    .then(|| (campaign_id, campaign.opt_text("name").unwrap_or_default())),
                tags: Vec::new(),
                test: false,
            })
        }
        Resource::Customers => {
            let customer = item.child("customer");
            Body::Customer(Customer {
                customer_key: first_of(&[
                    customer.opt_text("id")?,
                    item.opt_text("stripe_customer_id")?,
                ]),
                email: customer.opt_text("email")?,
                partner_key: String::new(),
                partner_remote: item.child("affiliate").opt_text("id")?,
                test: false,
            })
        }
        Resource::Transactions => {
            let sale = item.child("sale");
            let sale_id = sale.text("id")?;
            let customer = sale.child("referral").child("customer");
            let base = Transaction {
                amount_minor: sale.cents("sale_amount_cents")?,
                currency: sale.text("currency")?.to_ascii_uppercase(),
                created_ms: sale.opt_ms("charged_at")?.unwrap_or(sale.ms("created_at")?),
                customer_key: first_of(&[
                    customer.opt_text("id")?,
                    sale.child("referral").opt_text("stripe_customer_id")?,
                ]),
                customer_email: customer.opt_text("email")?,
                partner_key: String::new(),
                partner_remote: first_of(&[
                    sale.child("affiliate").opt_text("id")?,
                    item.child("affiliate").opt_text("id")?,
                ]),
                product: String::new(),
                refunds: String::new(),
                refunded_total: false,
                excluded: None,
            };
            let sale_updated = sale.opt_ms("updated_at")?.unwrap_or(updated_ms);
            let refunded = sale.opt_ms("refunded_at")?;
            let refund = sale
                .get("refund_amount_cents")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            out.push(Record {
                key: sale_id.clone(),
                updated_ms: sale_updated,
                body: Body::Transaction(base.clone()),
            });
            if refund > 0 {
                out.push(Record {
                    key: format!("{sale_id}:refund"),
                    updated_ms: sale_updated,
                    body: Body::Transaction(Transaction {
                        amount_minor: -refund,
                        created_ms: refunded.unwrap_or(sale_updated),
                        refunds: sale_id,
                        refunded_total: true,
                        ..base
                    }),
                });
            }
            return Ok(());
        }
        Resource::Rewards => {
            let sale = item.child("sale");
            let status_text = item.opt_text("state")?;
            Body::Reward(Reward {
                amount_minor: item.cents("amount")?,
                currency: item.text("currency")?.to_ascii_uppercase(),
                status: RewardStatus::read(&status_text),
                status_text,
                description: item.child("campaign").opt_text("name")?,
                partner_key: String::new(),
                partner_remote: first_of(&[
                    sale.child("affiliate").opt_text("id")?,
                    item.child("affiliate").opt_text("id")?,
                ]),
                transaction_key: sale.opt_text("id")?,
                earned_ms: item.ms("created_at")?,
            })
        }
        Resource::Payouts | Resource::Leads | Resource::Deals => Body::Kept(item.value().clone()),
    };
    out.push(Record {
        key,
        updated_ms,
        body,
    });
    Ok(())
}
