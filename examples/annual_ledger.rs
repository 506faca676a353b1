//! A small events company's year on the ledger: headroom printed as the year goes, one refusal
//! with its explanation, one revoca, and the year-end totals.
//!
//! Run it with `cargo run --example annual_ledger`.

use std::error::Error;

use prestazioni_occasionali::{
    Assessment, CapProfile, CodiceFiscale, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft,
    PrestazioneId, RecordError, RoomQuery, UtilizzatoreId,
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
            Ok(a) => {
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
                    "{day} {:<26} {:>10}  room with us: {:>10}, hours left: {:>3}, company cap b room: {:>11}{}",
                    worker.name,
                    compenso.to_italian(),
                    pair.to_italian(),
                    a.hours.map_or(0, |h| h.headroom / 60),
                    company_room.to_italian(),
                    if warning.is_empty() {
                        String::new()
                    } else {
                        format!("  warning: {}", warning.join(", "))
                    }
                );
            }
            Err(RecordError::Refused(a)) => {
                explain_refusal(&ledger, worker, company, profile, day, compenso, &a)?;
            }
            Err(e) => return Err(e.into()),
        }
    }

    // Luca's June shift is cancelled: revoked on the next day, within the 3-day window.
    ledger.revoke(PrestazioneId(6), datetime!(2026-06-21 09:00:00 +02:00))?;
    println!("2026-06-21 revoked the prestazione of 2026-06-20 (Luca): its room is restored");

    year_end(&ledger, company, &workers);
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
            "  {:<26} {:>11}, {:>3} hours",
            worker.name,
            t.compensi.to_italian(),
            t.minutes / 60
        );
    }
    for month in [Month::March, Month::May, Month::September, Month::December] {
        let t = ledger.month_totals(2026, month);
        println!(
            "  {month:<10} {:>11} in {} prestazioni",
            t.compensi.to_italian(),
            t.prestazioni
        );
    }
}

/// Prints why a prestazione was refused and the most the company may still pay.
fn explain_refusal(
    ledger: &Ledger,
    worker: &Worker,
    company: UtilizzatoreId,
    profile: CapProfile,
    day: Date,
    compenso: Euro,
    a: &Assessment,
) -> Result<(), Box<dyn Error>> {
    println!(
        "{day} {:<26} {:>10}  REFUSED:",
        worker.name,
        compenso.to_italian()
    );
    for breach in &a.verdict.breaches {
        println!("    {breach}");
        println!("    consequence: {:?}", breach.consequence);
    }
    let room = ledger.room(&RoomQuery {
        prestatore: worker.cf,
        utilizzatore: company,
        day,
        instrument: Instrument::ContrattoPrestazioneOccasionale,
        special_category: worker.student,
        steward: false,
        profile,
    })?;
    println!(
        "    the most the company may still pay {} this year: {} ({})",
        worker.name,
        room.compenso.to_italian(),
        room.binding
    );
    Ok(())
}
