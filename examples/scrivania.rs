//! The Scrivania Prestatore: prestazioni from two utilizzatori, their statuses, the payments by
//! INPS with the fees withheld, and the annual prospetto compensi.
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): REG-PORTAL-2026 (INPS msg 3932/2025: prestazioni, payment statuses,
//! annual prospetto compensi), CPO-REVOCA (reading R-REVOCA), CPO-PAY and LF-PAY (reading R-PAYMENT-DAY),
//! PAY-MODES with worked example E8 (bonifico domiciliato 3,84 from 27/1/2023; IBAN credit
//! free), CAP-PRESTATORE-TOTAL (the prospetto against cap a), CPO-PAYSLIP. Days are printed as
//! the INPS portal shows them and as the Scrivania's own lines do (`09/03/2026`).
//!
//! Run with `cargo run --example scrivania`.

use prestazioni_occasionali::{
    AccountKind, CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod,
    Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
};
use time::Date;
use time::macros::{date, datetime};

fn prestazione(
    id: u64,
    instrument: Instrument,
    utilizzatore: &str,
    day: Date,
    minutes: u32,
    compenso: Euro,
) -> Result<Prestazione, Box<dyn std::error::Error>> {
    Ok(Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore: "RSSMRA85T10A562S".parse()?,
        utilizzatore: utilizzatore.parse()?,
        day,
        minutes,
        compenso,
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })?)
}

/// Four prestazioni: an LF one and a CPO one paid, a CPO one still revocable, a revoked one.
fn records() -> Result<Vec<CommunicatedPrestazione>, Box<dyn std::error::Error>> {
    let lf = Instrument::LibrettoFamiglia;
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let records = vec![
        CommunicatedPrestazione {
            prestazione: prestazione(
                1,
                lf,
                "BNCGNN60A01H501P",
                date!(2026 - 02 - 10),
                180,
                Euro::from_euros(24),
            )?,
            communicated_at: datetime!(2026-02-11 10:00 +1),
            revoked_at: None,
            confirmed_at: None,
            paid_on: Some(date!(2026 - 03 - 15)),
        },
        CommunicatedPrestazione {
            prestazione: prestazione(
                2,
                cpo,
                "00743110157",
                date!(2026 - 02 - 20),
                240,
                Euro::from_euros(36),
            )?,
            communicated_at: datetime!(2026-02-20 07:00 +1),
            revoked_at: None,
            confirmed_at: None,
            paid_on: Some(date!(2026 - 02 - 28)),
        },
        CommunicatedPrestazione {
            prestazione: prestazione(
                3,
                cpo,
                "00743110157",
                date!(2026 - 03 - 07),
                240,
                Euro::from_euros(36),
            )?,
            communicated_at: datetime!(2026-03-07 08:00 +1),
            revoked_at: None,
            confirmed_at: None,
            paid_on: None,
        },
        CommunicatedPrestazione {
            prestazione: prestazione(
                4,
                cpo,
                "00743110157",
                date!(2026 - 03 - 05),
                240,
                Euro::from_euros(36),
            )?,
            communicated_at: datetime!(2026-03-05 08:00 +1),
            revoked_at: Some(datetime!(2026-03-06 09:00 +1)),
            confirmed_at: None,
            paid_on: None,
        },
    ];
    Ok(records)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records = records()?;
    let methods = [
        Effective {
            from: date!(2026 - 01 - 10),
            value: PaymentMethod::BonificoDomiciliato,
        },
        Effective {
            from: date!(2026 - 03 - 01),
            value: PaymentMethod::IbanCredit {
                iban: "IT60X0542811101000000123456".parse()?,
                account: AccountKind::ContoCorrente,
            },
        },
    ];
    let desk = Scrivania::new(
        "RSSMRA85T10A562S".parse()?,
        &records,
        &methods,
        RulesTable::embedded(),
        datetime!(2026-03-09 18:00 +1),
    )?;

    let rules_of = |day| RulesTable::embedded().in_force_on(day);

    let viewed = desk.viewed_at().date();
    println!(
        "prestazioni on {:02}/{:02}/{}:",
        viewed.day(),
        u8::from(viewed.month()),
        viewed.year()
    );
    for e in desk.entries() {
        println!("  {e}");
        let rules = rules_of(e.prestazione.day())?;
        if matches!(e.status, PrestazioneStatus::Communicated { .. }) {
            println!(
                "    revocable for {} days after the day ({})",
                rules.revoca_days.value, rules.revoca_days.citation
            );
        }
    }
    if let Some(e) = desk.entries().first() {
        let rules = rules_of(e.prestazione.day())?;
        println!(
            "  INPS pays by day {} of the next month ({})",
            rules.payment_day.value, rules.payment_day.citation
        );
    }

    println!("payments:");
    for p in desk.payments() {
        println!("  {p}");
        println!("    fee: {}", p.mode.citation(rules_of(p.on)?));
    }

    println!("{}", desk.prospetto(2026)?);
    Ok(())
}
