//! The rules of art. 54-bis D.L. 50/2017 in force on a day, each with its citation, and what
//! one CPO hour, one CPO day and one Libretto Famiglia titolo cost under them.
//!
//! ```sh
//! cargo run --example rules_table              # 7 March 2026
//! cargo run --example rules_table -- 2019-07-01
//! ```
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): every row of the rules table (its
//! parameters, each with the act, article, comma and reading behind it); CPO-CONTRIB and
//! LF-TITOLO with worked examples E1, E2 and E3 (reading R-ONERI-BASE for the 1% oneri).
//! Days are ISO dates (`2026-03-07`), as in the crate's verdicts.

use std::error::Error;
use std::process::ExitCode;

use prestazioni_occasionali::{CostBreakdown, Rules, RulesTable};
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
    let rules = RulesTable::embedded().in_force_on(day)?;
    print_rules(day, rules);
    print_costs(rules)
}

/// The rules in force on `day`, each with its citation.
fn print_rules(day: Date, rules: &Rules) {
    println!("Rules of art. 54-bis D.L. 50/2017 in force on {day}");
    println!(
        "(the version in force from {}{})",
        rules.valid_from(),
        rules
            .valid_until()
            .map(|d| format!(" to {d}"))
            .unwrap_or_default()
    );
    for p in rules.parameters() {
        println!("  {:<38} {}", p.name, p.value);
        println!("  {:<38} ↳ {}", "", p.citation);
    }
}

/// The cost of a CPO hour, a CPO day and an LF titolo.
fn print_costs(rules: &Rules) -> Result<(), Box<dyn Error>> {
    println!("\nWhat the utilizzatore pays");
    let lines = [
        (
            "one CPO hour at the minimum pay (worked example E2)",
            CostBreakdown::cpo(rules.cpo_min_hourly.value, rules)?,
        ),
        (
            "a CPO day at the daily minimum (worked example E3)",
            CostBreakdown::cpo(rules.cpo_min_daily.value.amount, rules)?,
        ),
        (
            "one Libretto Famiglia titolo (worked example E1)",
            CostBreakdown::lf(1, rules)?,
        ),
    ];
    for (what, cost) in lines {
        println!(
            "  {what}: compenso {} + IVS {} + INAIL {} + oneri {} = {}",
            cost.compenso.to_italian(),
            cost.ivs.to_italian(),
            cost.inail.to_italian(),
            cost.oneri.to_italian(),
            cost.total.to_italian()
        );
    }
    println!(
        "  ↳ CPO: {} (oneri: {})",
        rules.cpo_ivs_rate.citation, rules.cpo_oneri_base.citation
    );
    println!("  ↳ LF titolo: {}", rules.lf_titolo.citation);
    Ok(())
}
