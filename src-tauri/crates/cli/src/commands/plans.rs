//! `plans list|show|import|export|assign`.

use crate::args::PlansCommand;
use crate::error::CliResult;
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::plans;
use partnerbook_core::Book;

pub fn run(book: &mut Book, command: PlansCommand) -> CliResult {
    match command {
        PlansCommand::List { json } => {
            let list = plans::list(book)?;
            if json {
                output::json(&list);
            } else {
                let rows = list.into_iter().map(|p| {
                    let current = p
                        .versions
                        .last()
                        .map(|v| format!("v{} from {}", v.version, v.effective_from))
                        .unwrap_or_default();
                    vec![
                        p.id.to_string(),
                        p.name,
                        current,
                        p.groups.join(", "),
                        output::count(p.partners_on_plan),
                    ]
                });
                output::table(
                    &["ID", "Plan", "Latest version", "Groups", "Partners"],
                    rows.collect(),
                );
            }
        }
        PlansCommand::Show { plan, json } => {
            if json {
                output::json(&plans::get(book, &plan)?);
            } else {
                output::json(&plans::export(book, &plan)?);
            }
        }
        PlansCommand::Import { file } => {
            let plan = plans::import(book, &plans::read_file(&file)?, Actor::User)?;
            let n = plan.versions.len();
            println!(
                "Imported plan \"{}\": {n} version{}",
                plan.name,
                if n == 1 { "" } else { "s" }
            );
        }
        PlansCommand::Export { plan, out } => {
            let text =
                serde_json::to_string_pretty(&plans::export(book, &plan)?).unwrap_or_default();
            match out {
                Some(path) => std::fs::write(&path, text + "\n")?,
                None => println!("{text}"),
            }
        }
        PlansCommand::Assign { partner, plan } => {
            let plan = (!plan.eq_ignore_ascii_case("none")).then_some(plan);
            plans::assign_partner(book, &partner, plan.as_deref(), Actor::User)?;
            println!(
                "{} is now on {}",
                partner,
                plan.as_deref().unwrap_or("their group's plan")
            );
        }
        PlansCommand::Default { plan } => {
            let plan = (!plan.eq_ignore_ascii_case("none")).then_some(plan);
            plans::default::set_default(book, plan.as_deref(), Actor::User)?;
            match plan {
                Some(p) => println!(
                    "{p} now applies to partners with no plan of their own or from their group"
                ),
                None => {
                    println!("No default plan: sales no plan applies to are held until one does")
                }
            }
        }
    }
    Ok(())
}
