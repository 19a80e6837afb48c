//! `assets`: the library of banners, images, documents and templates.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum AssetsCommand {
    /// Add files (one asset each); identical contents are stored once.
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// banner, image, document, email_template, social_post, text_snippet or landing_page
        /// (default: from the content).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// A group the assets are meant for (repeatable); none means everyone.
        #[arg(long = "group")]
        groups: Vec<String>,
        /// Where a banner or landing-page link sends people.
        #[arg(long, default_value = "")]
        landing_url: String,
    },
    /// The library, newest first.
    List {
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        group: Option<String>,
        /// Only images of this size, e.g. 300x250.
        #[arg(long)]
        size: Option<String>,
        #[arg(long)]
        search: Option<String>,
        /// The archived ones instead.
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// One asset: its versions and who was sent it.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a new version of an asset from a file; the old versions stay.
    Version { id: i64, file: PathBuf },
    /// Archive an asset (or bring it back with --restore).
    Archive {
        id: i64,
        #[arg(long)]
        restore: bool,
    },
    /// Show or set the program's website, on which referral links are built.
    BaseUrl { url: Option<String> },
    /// A text template as one partner would get it.
    Render {
        id: i64,
        #[arg(long)]
        partner: String,
    },
    /// Write an asset's file (its latest version unless --version).
    Export {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        version: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum KitCommand {
    /// A zip for one partner, or for every active partner of a group.
    Export {
        #[arg(long, conflicts_with = "group", required_unless_present = "group")]
        partner: Option<String>,
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
}
