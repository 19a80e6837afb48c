//! What the library holds: assets with their kind, tags, groups, versions
//! and where they were sent.

use partnerbook_book::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum!(
    /// What an asset is for.
    AssetKind {
        Banner = "banner",
        Image = "image",
        Document = "document",
        EmailTemplate = "email_template",
        SocialPost = "social_post",
        TextSnippet = "text_snippet",
        LandingPage = "landing_page"
    }
);

/// One stored version of an asset's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssetVersion {
    pub version: u32,
    pub sha256: String,
    pub file_name: String,
    pub size: u64,
    pub mime: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub added_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssetSend {
    pub partner_id: i64,
    pub partner_name: String,
    pub version: u32,
    pub via: String,
    pub sent_at: String,
}

/// An asset with its latest version's facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Asset {
    pub id: i64,
    pub title: String,
    pub kind: AssetKind,
    pub landing_url: String,
    pub archived: bool,
    pub tags: Vec<String>,
    pub group_ids: Vec<i64>,
    /// The version in use.
    pub current: AssetVersion,
    pub versions: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// An asset, every version (newest first) and where it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssetDetail {
    pub asset: Asset,
    pub versions: Vec<AssetVersion>,
    pub sends: Vec<AssetSend>,
}
