//! Quickstart: the crate's main job on the embedded rules.
//!
//! ```sh
//! cargo run --example quickstart              # the rules of 7 March 2026
//! cargo run --example quickstart -- 2019-07-01
//! ```
//!
//! It prints the rules in force on the day with their citations, what one CPO hour at the
//! minimum pay and one Libretto Famiglia titolo cost, and a decoded codice fiscale.

use std::error::Error;
use std::process::ExitCode;

use prestazioni_occasionali::{Birthplace, CodiceFiscale, CostBreakdown, Rules};
use time::Date;
use time::macros::{date, format_description};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let day = match std::env::args().nth(1) {
        Some(arg) => Date::parse(&arg, format_description!("[year]-[month]-[day]"))
            .map_err(|e| format!("the date {arg:?} is not YYYY-MM-DD: {e}"))?,
        None => date!(2026 - 03 - 07),
    };
    let rules = Rules::in_force_on(day)?;

    println!("Rules of art. 54-bis D.L. 50/2017 in force on {day}");
    println!(
        "(version from {}{})",
        rules.valid_from(),
        rules
            .valid_until()
            .map(|d| format!(" to {d}"))
            .unwrap_or_default()
    );
    println!();
    for p in rules.parameters() {
        println!("  {:<40} {}", p.name, p.value);
        println!("  {:<40} ↳ {}", "", p.citation);
    }

    println!();
    println!("Cost of one CPO hour at the minimum pay (LAW.md E2, Part A A1)");
    print_cost(&CostBreakdown::cpo(rules.cpo_min_hourly.value, rules)?);
    println!("Cost of a CPO day at the daily minimum (LAW.md E3)");
    print_cost(&CostBreakdown::cpo(
        rules.cpo_min_daily.value.amount,
        rules,
    )?);
    println!("Cost of one Libretto Famiglia titolo (LAW.md E1)");
    print_cost(&CostBreakdown::lf(1, rules)?);

    let cf: CodiceFiscale = "RSSMRA85T10A562S".parse()?;
    let born = cf.resolve_birth_date(day)?;
    let place = cf
        .belfiore_code()
        .and_then(|code| Birthplace::lookup(code, born))
        .map_or_else(|| "unknown".to_owned(), |b| b.name.to_owned());
    println!("Codice fiscale {cf:?} (Debug masks it)");
    println!(
        "  sex {}, born on {born} (century resolved against {day}) in {place}",
        cf.sex().map_or_else(|| "-".to_owned(), |s| s.to_string()),
    );
    Ok(())
}

fn print_cost(cost: &CostBreakdown) {
    println!(
        "  compenso {} + IVS {} + INAIL {} + oneri {} = {}",
        cost.compenso.to_italian(),
        cost.ivs.to_italian(),
        cost.inail.to_italian(),
        cost.oneri.to_italian(),
        cost.total.to_italian()
    );
}
