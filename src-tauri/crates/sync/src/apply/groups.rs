//! A platform group becomes a group here (one of the same name, or a new
//! one); a rename on the platform renames it here unless we renamed it too.

use super::{refused, skipped, Ctx};
use crate::error::Result;
use crate::remote::{Group, Record, Resource};
use crate::report::Outcome;
use crate::state;
use crate::state::Clash;
use partnerbook_book::audit::Actor;
use partnerbook_book::groups;
use rusqlite::OptionalExtension;

pub fn apply(ctx: &mut Ctx, rec: &Record, g: &Group) -> Result<Outcome> {
    let theirs = serde_json::json!({ "name": g.name });
    let mapped = state::mapped(ctx.db, ctx.id(), Resource::Groups, &rec.key)?;
    let Some((id, last)) = mapped.and_then(|m| m.local_id.map(|id| (id, m.synced))) else {
        let (id, outcome) = match groups::find_id(ctx.db, &g.name)? {
            Some(id) => (id, Outcome::Unchanged),
            None => {
                match refused(groups::create(ctx.db, &g.name, "", Actor::Sync).map_err(Into::into))?
                {
                    Ok(id) => (id, Outcome::Added),
                    Err(why) => return Ok(skipped(why)),
                }
            }
        };
        if outcome == Outcome::Added {
            ctx.audit("group", Some(id), "sync create", &rec.key)?;
        }
        ctx.remember(Resource::Groups, rec, Some(id), &theirs, "")?;
        return Ok(outcome);
    };
    let ours: Option<String> = ctx
        .db
        .query_row("SELECT name FROM groups WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    let Some(ours) = ours else {
        return Ok(skipped("deleted here; not brought back"));
    };
    let last = last
        .get("name")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    if g.name == last || g.name == ours {
        ctx.remember(Resource::Groups, rec, Some(id), &theirs, "")?;
        return Ok(Outcome::Unchanged);
    }
    if ours != last {
        ctx.conflict(Clash {
            resource: Resource::Groups,
            remote_key: &rec.key,
            local_id: Some(id),
            field: "name",
            ours: &ours,
            theirs: &g.name,
            kept: "platform",
        })?;
    }
    if let Err(why) = refused(groups::rename(ctx.db, id, &g.name, Actor::Sync).map_err(Into::into))?
    {
        return Ok(skipped(why));
    }
    ctx.audit("group", Some(id), "sync update", &rec.key)?;
    ctx.remember(Resource::Groups, rec, Some(id), &theirs, "")?;
    Ok(Outcome::Changed)
}
