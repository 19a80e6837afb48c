//! `groups list|add`.

use crate::args::GroupsCommand;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::{groups, Book};

pub fn run(book: &mut Book, command: GroupsCommand) -> CliResult {
    match command {
        GroupsCommand::List { json } => {
            let list = groups::list(book.conn())?;
            if json {
                output::json(&list);
            } else {
                let rows = list.into_iter().map(|g| {
                    vec![
                        g.id.to_string(),
                        g.name,
                        output::count(g.partner_count as u64),
                        g.description,
                    ]
                });
                output::table(&["ID", "Group", "Partners", "Description"], rows.collect());
            }
        }
        GroupsCommand::Add { name, description } => {
            let id = groups::add(book, &name, &description, Actor::User)?;
            println!("Added group {id}: {}", name.trim());
        }
    }
    Ok(())
}
