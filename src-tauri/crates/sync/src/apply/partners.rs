//! A platform partner becomes a partner here: found by the platform key, or
//! by email the first time (a book that imported its partners from a CSV),
//! else created. Name, email, group and the platform's tags are the
//! platform's; tags added here stay, and so does everything else.

use super::{refused, skipped, Ctx};
use crate::error::Result;
use crate::remote::{Partner as Remote, Record, Resource};
use crate::report::Outcome;
use crate::state;
use crate::state::Clash;
use partnerbook_book::audit::Actor;
use partnerbook_book::groups;
use partnerbook_partners::{self as partners, CodeKind, PartnerCode, PartnerInput};
use serde::{Deserialize, Serialize};

/// The fields the platform owns, as last synced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Owned {
    name: String,
    email: String,
    group: String,
    tags: Vec<String>,
    partner_key: String,
}

pub fn apply(ctx: &mut Ctx, rec: &Record, p: &Remote, touched: &mut Vec<i64>) -> Result<Outcome> {
    if p.test {
        return Ok(skipped("a test partner (gstest)"));
    }
    let theirs = Owned {
        name: full_name(p),
        email: p.email.trim().to_string(),
        group: p.group.as_ref().map(|g| g.1.clone()).unwrap_or_default(),
        tags: p.tags.clone(),
        partner_key: p.partner_key.clone(),
    };
    let mapped = state::mapped(ctx.db, ctx.id(), Resource::Partners, &rec.key)?;
    let mut last: Option<Owned> = None;
    let mut id = None;
    if let Some(m) = &mapped {
        match m.local_id {
            Some(local) if partners::exists(ctx.db, local)? => {
                last = serde_json::from_value(m.synced.clone()).ok();
                if m.remote_updated == rec.updated_ms && last.as_ref() == Some(&theirs) {
                    return Ok(Outcome::Unchanged);
                }
                id = Some(local);
            }
            Some(_) => return Ok(skipped("deleted here; not brought back")),
            None => {}
        }
    }
    let id = match id {
        Some(id) => Some(id),
        None => partners::find_id_by_email(ctx.db, &theirs.email)?,
    };
    let group_id = group_of(ctx, p)?;
    let synced = serde_json::to_value(&theirs).unwrap_or_default();
    let (outcome, local) = match id {
        None => create(ctx, rec, p, &theirs, group_id, touched)?,
        Some(id) => (
            merge(ctx, rec, id, &theirs, last.as_ref(), group_id, touched)?,
            Some(id),
        ),
    };
    match &outcome {
        // Refused here (a taken email): the last synced values stay, so
        // the next sync tries again.
        Outcome::Skipped(_) if local.is_some() => {}
        Outcome::Skipped(why) => ctx.remember(Resource::Partners, rec, None, &synced, why)?,
        _ => ctx.remember(Resource::Partners, rec, local, &synced, "")?,
    }
    Ok(outcome)
}

fn full_name(p: &Remote) -> String {
    let name = format!("{} {}", p.first_name.trim(), p.last_name.trim());
    match name.trim() {
        "" => p.email.split('@').next().unwrap_or("").trim().to_string(),
        n => n.to_string(),
    }
}

/// The partner's group here: the one its platform group became, else one
/// of the same name (created when missing).
fn group_of(ctx: &Ctx, p: &Remote) -> Result<Option<i64>> {
    let Some((key, name)) = &p.group else {
        return Ok(None);
    };
    if let Some(id) = state::local_id(ctx.db, ctx.id(), Resource::Groups, key)? {
        let exists: bool = ctx.db.query_row(
            "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(Some(id));
        }
    }
    Ok(Some(groups::ensure(ctx.db, name, Actor::Sync)?))
}

fn key_code(key: &str) -> PartnerCode {
    PartnerCode {
        kind: CodeKind::Referral,
        code: key.to_string(),
    }
}

fn create(
    ctx: &mut Ctx,
    rec: &Record,
    p: &Remote,
    theirs: &Owned,
    group_id: Option<i64>,
    touched: &mut Vec<i64>,
) -> Result<(Outcome, Option<i64>)> {
    let mut input = PartnerInput::new(&theirs.name, &theirs.email);
    input.first_name = p.first_name.trim().to_string();
    input.company = p.company.clone();
    input.group_id = group_id;
    input.tags = theirs.tags.clone();
    // The platform key becomes the partner's referral code, so sales that
    // carry it are attributed to them.
    let key_free = !theirs.partner_key.is_empty()
        && partners::find_id_by_code(ctx.db, &theirs.partner_key)?.is_none();
    if key_free {
        input.codes.push(key_code(&theirs.partner_key));
    }
    let mut created =
        refused(partners::create_in(ctx.db, &input, Actor::Sync).map_err(Into::into))?;
    if created.is_err() && key_free {
        // A key that cannot be a code here (too long, odd characters):
        // the partner still comes in, and the manager is told.
        input.codes.clear();
        created = refused(partners::create_in(ctx.db, &input, Actor::Sync).map_err(Into::into))?;
        if created.is_ok() {
            note_key(
                ctx,
                rec,
                None,
                &theirs.partner_key,
                "cannot be a referral code here",
            )?;
        }
    }
    let id = match created {
        Ok(id) => id,
        Err(why) => return Ok((Outcome::Skipped(why), None)),
    };
    if !key_free && !theirs.partner_key.is_empty() {
        note_key(
            ctx,
            rec,
            Some(id),
            &theirs.partner_key,
            "is another partner's code here",
        )?;
    }
    ctx.audit("partner", Some(id), "sync create", &rec.key)?;
    touched.push(id);
    Ok((Outcome::Added, Some(id)))
}

fn note_key(ctx: &mut Ctx, rec: &Record, id: Option<i64>, key: &str, why: &str) -> Result<()> {
    ctx.conflict(Clash {
        resource: Resource::Partners,
        remote_key: &rec.key,
        local_id: id,
        field: "partner_key",
        ours: why,
        theirs: key,
        kept: "ours",
    })
}

/// Field by field: the platform's value where it changed there since the
/// last sync (a conflict when it changed here too), ours where only we
/// changed it. The first time (a partner found by email) every difference
/// is a conflict the platform wins.
fn merge(
    ctx: &mut Ctx,
    rec: &Record,
    id: i64,
    theirs: &Owned,
    last: Option<&Owned>,
    group_id: Option<i64>,
    touched: &mut Vec<i64>,
) -> Result<Outcome> {
    let partner = partners::get_in(ctx.db, id)?;
    let before = PartnerInput::from(&partner);
    let mut input = before.clone();
    let ours = [
        ("name", partner.name.clone()),
        ("email", partner.email.clone()),
        ("group", partner.group_name.clone().unwrap_or_default()),
    ];
    let platform = [&theirs.name, &theirs.email, &theirs.group];
    let previous = last.map(|l| [l.name.clone(), l.email.clone(), l.group.clone()]);
    for (i, (field, our)) in ours.iter().enumerate() {
        let their = platform[i];
        let unchanged_there = previous.as_ref().is_some_and(|p| &p[i] == their);
        if our.eq_ignore_ascii_case(their) && (field != &"name" || our == their) || unchanged_there
        {
            continue;
        }
        let changed_here = previous.as_ref().is_none_or(|p| &p[i] != our);
        if changed_here {
            ctx.conflict(Clash {
                resource: Resource::Partners,
                remote_key: &rec.key,
                local_id: Some(id),
                field,
                ours: our,
                theirs: their,
                kept: "platform",
            })?;
        }
        match *field {
            "name" => input.name = their.clone(),
            "email" => input.email = their.clone(),
            _ => input.group_id = group_id,
        }
    }
    // Tags: ours minus the platform's old ones, plus its new ones.
    let old: &[String] = last.map_or(&[], |l| &l.tags);
    let mut tags: Vec<String> = input
        .tags
        .iter()
        .filter(|t| !old.iter().any(|o| o.eq_ignore_ascii_case(t)))
        .chain(theirs.tags.iter())
        .cloned()
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut sorted_before = input.tags.clone();
    sorted_before.sort_by_key(|t| t.to_lowercase());
    if tags != sorted_before {
        input.tags = tags;
    }
    let key = &theirs.partner_key;
    if !key.is_empty() && !input.codes.iter().any(|c| c.code.eq_ignore_ascii_case(key)) {
        match partners::find_id_by_code(ctx.db, key)? {
            None => input.codes.push(key_code(key)),
            Some(other) if other != id => {
                note_key(ctx, rec, Some(id), key, "is another partner's code here")?
            }
            Some(_) => {}
        }
    }
    if input == before {
        return Ok(Outcome::Unchanged);
    }
    let updated = partners::update_in(ctx.db, id, &input, Actor::Sync, None).map_err(Into::into);
    if let Err(why) = refused(updated)? {
        return Ok(Outcome::Skipped(why));
    }
    ctx.audit("partner", Some(id), "sync update", &rec.key)?;
    touched.push(id);
    Ok(Outcome::Changed)
}
