//! A small events company's year on the ledger: headroom printed as the year goes, one refusal
//! with its explanation, one revoca, and the year-end totals.
//!
//! Each booking prints the room left under cap c with this worker (CAP-PAIR, 2.500,00 €), the
//! hours left of the 280 (HOURS-280) and the company's room under cap b for the events list
//! (CAP-UTILIZZATORE-EVENTS, 15.000,00 €), where a student under 25 counts at 75% (CAP-75PCT,
//! reading R-WEIGHT-CAP-B, worked example E5), so her room is larger. The ledger warns at 80% of a cap, and
//! refuses the prestazione that would take Mario past cap c, with its consequence (SANCT-CONV,
//! reading R-CONSEQUENCES) and the most that may still be paid; then a revoca (CPO-REVOCA, reading R-REVOCA)
//! gives the room back. Days are ISO dates (`2026-03-14`), as in the crate's verdicts.
//!
//! Run it with `cargo run --example annual_ledger`.

use std::error::Error;

use prestazioni_occasionali::{
    Assessment, CapProfile, CodiceFiscale, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft,
    PrestazioneId, RecordError, Recorded, RoomQuery, Rules, UtilizzatoreId,
};
use time::macros::{date, datetime};
use time::{Date, Month};

struct Worker {
    name: &'static str,
    cf: CodiceFiscale,
    student: bool,
}

fn main() -> Result<(), Box<dyn Error>> {
    // An events firm (ATECO 82.30.00, on the events list: cap b 15.000,00 from 5/5/2023).
    let company: UtilizzatoreId = "12345670157".parse()?;
    let profile = CapProfile::default().with_events_sector(true);
    let workers = [
        Worker {
            name: "Mario",
            cf: "RSSMRA85T10A562S".parse()?,
            student: false,
        },
        Worker {
            name: "Giulia (student under 25)",
            cf: "VRDGLI05A41H501F".parse()?,
            student: true,
        },
        Worker {
            name: "Luca",
            cf: "BNCLCU90B15F205I".parse()?,
            student: false,
        },
    ];
    let mut ledger = Ledger::default().with_warning_thresholds(&[80, 90])?;
    print_legend()?;

    // The season: fairs in spring and autumn, each worker 8 hours a day at 15,00 €/h.
    let season: [(Date, usize); 12] = [
        (date!(2026 - 03 - 14), 0),
        (date!(2026 - 03 - 14), 1),
        (date!(2026 - 04 - 18), 2),
        (date!(2026 - 05 - 09), 0),
        (date!(2026 - 05 - 09), 1),
        (date!(2026 - 06 - 20), 2),
        (date!(2026 - 09 - 12), 0),
        (date!(2026 - 09 - 12), 1),
        (date!(2026 - 10 - 03), 0),
        (date!(2026 - 10 - 17), 0),
        (date!(2026 - 11 - 07), 0),
        (date!(2026 - 12 - 05), 0),
    ];
    let mut id = 0;
    for (day, w) in season {
        id += 1;
        let worker = &workers[w];
        let compenso = if day.month() >= Month::October {
            Euro::from_euros(600) // long autumn fairs
        } else {
            Euro::from_euros(120)
        };
        let p = Prestazione::try_from(PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: Instrument::ContrattoPrestazioneOccasionale,
            prestatore: worker.cf,
            utilizzatore: company,
            day,
            minutes: 8 * 60,
            compenso,
            special_category: worker.student,
            steward: false,
            profile,
        })?;
        match ledger.record(&p) {
            Ok(Recorded { assessment: a, .. }) => {
                let pair = a.cap_pair.as_ref().map_or(Euro::ZERO, |c| c.headroom);
                let company_room = a
                    .cap_utilizzatore
                    .as_ref()
                    .map_or(Euro::ZERO, |c| c.headroom);
                let warning = a
                    .money_caps()
                    .filter_map(|c| c.warning.map(|w| format!("{} at {w}%", c.rule)))
                    .collect::<Vec<_>>();
                println!(
                    "{day} {:<26} {:>10}  cap c room: {:>10}, hours left: {:>13}, cap b room: {:>11}{}",
                    worker.name,
                    compenso.to_italian(),
                    pair.to_italian(),
                    a.hours
                        .map_or_else(|| "-".to_owned(), |h| duration(u64::from(h.headroom))),
                    company_room.to_italian(),
                    if warning.is_empty() {
                        String::new()
                    } else {
                        format!("  warning: {}", warning.join(", "))
                    }
                );
            }
            Err(RecordError::Refused(a)) => {
                explain_refusal(&ledger, worker, &p, &a)?;
            }
            Err(e) => return Err(e.into()),
        }
    }

    // Luca's June shift is cancelled: revoked on the next day, within the 3-day window.
    ledger.revoke(PrestazioneId(6), datetime!(2026-06-21 09:00:00 +02:00))?;
    println!(
        "2026-06-21 the company revokes Luca's prestazione of 2026-06-20 (in time: {}): its room is restored",
        Rules::in_force_on(date!(2026 - 06 - 20))?
            .revoca_days
            .citation
    );

    year_end(&ledger, company, &workers);
    Ok(())
}

/// What each booking line shows, with the citations.
fn print_legend() -> Result<(), Box<dyn Error>> {
    let rules = Rules::in_force_on(date!(2026 - 01 - 01))?;
    println!("Each line: the room left under");
    println!("  cap c with this worker ({})", rules.cap_pair.citation);
    println!(
        "  the 280 hours with this worker ({})",
        rules.hours_per_pair.citation
    );
    println!(
        "  cap b of the company, for this worker: a student's compensi count at 75% ({}; {})",
        rules.cap_utilizzatore_events.citation, rules.special_category_weight.citation
    );
    println!();
    Ok(())
}

/// Prints the year-end totals.
fn year_end(ledger: &Ledger, company: UtilizzatoreId, workers: &[Worker]) {
    println!("\nYear-end totals 2026");
    let u = ledger.utilizzatore_totals(&company, 2026);
    println!(
        "  company: {} paid, {} counted toward cap b (students at 75%), {} prestazioni",
        u.compensi.to_italian(),
        Euro::round_half_away_from_zero(u.counted_cap_utilizzatore)
            .map_or_else(|e| e.to_string(), Euro::to_italian),
        u.prestazioni
    );
    for worker in workers {
        let t = ledger.pair_totals(&worker.cf, &company, 2026);
        println!(
            "  {:<26} {:>11}, {}",
            worker.name,
            t.compensi.to_italian(),
            duration(t.minutes.into())
        );
    }
    let mut month = Month::March;
    while month != Month::January {
        let t = ledger.month_totals(2026, month);
        println!(
            "  {month:<10} {:>11} in {} prestazioni",
            t.compensi.to_italian(),
            t.prestazioni
        );
        month = month.next();
    }
}

/// A duration as the crate prints it: `4 h 00 min`.
fn duration(minutes: u64) -> String {
    format!("{} h {:02} min", minutes / 60, minutes % 60)
}

/// Prints why a prestazione was refused and the most the company may still pay.
fn explain_refusal(
    ledger: &Ledger,
    worker: &Worker,
    p: &Prestazione,
    a: &Assessment,
) -> Result<(), Box<dyn Error>> {
    println!(
        "{} {:<26} {:>10}  REFUSED:",
        p.day(),
        worker.name,
        p.compenso().to_italian()
    );
    for breach in &a.verdict.breaches {
        println!("    {breach}");
        println!("    consequence: {}", breach.consequence);
    }
    // The room question of the refused prestazione, without restating its fields.
    let room = ledger.room(&RoomQuery::for_prestazione(p))?;
    println!(
        "    the most the company may still pay {} this year: {} ({})",
        worker.name,
        room.compenso.to_italian(),
        room.binding
    );
    Ok(())
}
