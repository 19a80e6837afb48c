//! `settings show|set`.

use super::options::set;
use crate::args::SettingsCommand;
use crate::error::{CliError, CliResult};
use crate::output;
use partnerbook_core::audit::Actor;
use partnerbook_core::money::Rounding;
use partnerbook_core::settings::{self, Attribution, ProgramSettingsInput};
use partnerbook_core::{Book, BookError, ErrorExt};

pub fn run(book: &mut Book, command: SettingsCommand) -> CliResult {
    match command {
        SettingsCommand::Show { json } => {
            let s = settings::get(book.conn())?;
            if json {
                output::json(&s);
            } else {
                output::fields(&[
                    ("program name", s.program_name.clone()),
                    ("business name", s.business_name.clone()),
                    ("address", s.address.replace('\n', ", ")),
                    ("tax id", s.tax_id.clone()),
                    ("base currency", s.base_currency.to_string()),
                    ("rounding", s.rounding.as_str().replace('_', "-")),
                    ("hold days", s.hold_days.to_string()),
                    ("minimum payout", s.minimum_payout.to_string()),
                    ("cookie window", format!("{} days", s.cookie_window_days)),
                    ("attribution", s.attribution.as_str().replace('_', "-")),
                    (
                        "prices include tax",
                        if s.prices_include_tax { "yes" } else { "no" }.into(),
                    ),
                    ("country", s.country.clone()),
                    (
                        "self-billing",
                        if s.self_billing {
                            "yes: statements are invoices"
                        } else {
                            "no"
                        }
                        .into(),
                    ),
                ]);
            }
        }
        SettingsCommand::Set {
            program_name,
            business_name,
            address,
            tax_id,
            base_currency,
            rounding,
            hold_days,
            minimum_payout,
            cookie_window_days,
            attribution,
            prices_include_tax,
            country,
            self_billing,
        } => {
            let mut input = ProgramSettingsInput::from(&settings::get(book.conn())?);
            set(&mut input.program_name, program_name);
            set(&mut input.business_name, business_name);
            set(&mut input.address, address);
            set(&mut input.tax_id, tax_id);
            set(&mut input.base_currency, base_currency);
            set(&mut input.minimum_payout, minimum_payout);
            set(&mut input.hold_days, hold_days);
            set(&mut input.cookie_window_days, cookie_window_days);
            set(&mut input.prices_include_tax, prices_include_tax);
            set(&mut input.country, country);
            set(&mut input.self_billing, self_billing);
            if let Some(r) = rounding {
                input.rounding = Rounding::parse(&r)
                    .ok_or_else(|| bad("rounding", &r, "half-up or half-even"))?;
            }
            if let Some(a) = attribution {
                input.attribution = Attribution::parse(&a)
                    .ok_or_else(|| bad("attribution", &a, "first-touch or last-touch"))?;
            }
            settings::save(book, &input, Actor::User)?;
            println!("Settings saved");
        }
        SettingsCommand::TaxThreshold {
            year,
            amount,
            currency,
        } => {
            use partnerbook_core::money::{Currency, Money};
            let currency = Currency::from_code(&currency)?;
            let amount = Money::parse(&amount, currency)?;
            partnerbook_core::reports::tax_year::set_threshold(book, year, amount, Actor::User)?;
            println!("Payments from {year} need a 1099-NEC from {amount}");
        }
        SettingsCommand::Logo { file, clear } => match file {
            Some(file) if !clear => {
                let info = partnerbook_core::logo::set_from_file(book, &file, Actor::User)?;
                println!(
                    "Logo saved ({}×{} pixels, {} KB); statements show it from now on.",
                    info.width,
                    info.height,
                    info.bytes.div_ceil(1024)
                );
            }
            _ => {
                partnerbook_core::logo::clear(book, Actor::User)?;
                println!("Logo removed.");
            }
        },
    }
    Ok(())
}

fn bad(field: &str, value: &str, choices: &str) -> CliError {
    BookError::invalid(field, format!("\"{value}\" is not one of {choices}")).into()
}
