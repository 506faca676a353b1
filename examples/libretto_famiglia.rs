//! A family pays a baby-sitter with the Libretto Famiglia for March 2026.
//!
//! Anna Conti (a persona fisica, outside any business) has Giulia Verdi, a 21-year-old university
//! student who self-certified her status, look after her children on twelve afternoons of
//! 2 h 20 min. Each afternoon is one [`LfCommunication`]: it checks that the LF may be used for
//! assistenza domiciliare, counts the whole titoli (each pays at most one hour) and prices them;
//! the example reserves the cost on the libretto, topped up through pagoPA. It then prints the monthly summary: the
//! communication deadline (3/4/2026), the payment date (15/4/2026) and what Giulia receives
//! after the fee of her payment mode, each with its legal citation.
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): LF-USERS, LF-ACTIVITIES, LF-TITOLO with worked example E1 (140
//! minutes need 3 whole titoli; 10,00 = 8,00 + 1,65 + 0,25 + 0,10), LF-FUNDING (pagoPA, INPS msg
//! 4380/2023; multiples of 10,00), CAP-75PCT (a student under 25), CAP-PAIR and HOURS-280 (reading
//! R-HOURS-LF: LF too), LF-COMM and LF-PAY with worked example E6 (March 2026: communicate by 3/4/2026,
//! paid by 15/4/2026), PAY-MODES with worked example E8 (bonifico domiciliato 3,84). Days are
//! printed as `2/3/2026`.
//!
//! Run with `cargo run --example libretto_famiglia`.

use std::error::Error;

use prestazioni_occasionali::{
    Categoria, CostBreakdown, Euro, FundingChannel, FundsAccount, Instrument, LfActivity,
    LfCommunication, LfWork, PaymentMode, Prestatore, PrestazioneId, Rules, RulesTable,
    SelfCertification, TopUp, Utilizzatore, UtilizzatoreKind, net_received,
};
use rust_decimal::Decimal;
use time::Date;
use time::macros::date;

/// Each afternoon lasts 2 h 20 min.
const MINUTES_PER_AFTERNOON: u32 = 140;

/// Mondays, Wednesdays and Fridays of March 2026.
const AFTERNOONS: [Date; 12] = [
    date!(2026 - 03 - 02),
    date!(2026 - 03 - 04),
    date!(2026 - 03 - 06),
    date!(2026 - 03 - 09),
    date!(2026 - 03 - 11),
    date!(2026 - 03 - 13),
    date!(2026 - 03 - 16),
    date!(2026 - 03 - 18),
    date!(2026 - 03 - 20),
    date!(2026 - 03 - 23),
    date!(2026 - 03 - 25),
    date!(2026 - 03 - 27),
];

/// Where Giulia works: the family's home.
const HOME: &str = "Via Nazionale 10, Roma";

/// Giulia has no IBAN: INPS pays her by bonifico domiciliato.
const PAYMENT_MODE: PaymentMode = PaymentMode::BonificoDomiciliato;

/// A date as the Italian `7/3/2026`.
fn it(d: Date) -> String {
    format!("{}/{}/{}", d.day(), u8::from(d.month()), d.year())
}

/// The family and the baby-sitter, with her student self-certification.
fn parties() -> Result<(Utilizzatore, Prestatore), Box<dyn Error>> {
    let family = Utilizzatore::new(
        "CNTNNA82B51H501H".parse()?,
        "Anna Conti",
        UtilizzatoreKind::PersonaFisica,
    )?;
    let giulia = Prestatore::new(
        "VRDGLI04E54A944K".parse()?,
        "Giulia",
        "Verdi",
        date!(2004 - 05 - 14),
    )?
    .with_self_certification(SelfCertification::new(
        Categoria::Studente,
        date!(2025 - 10 - 01),
        None,
    )?);
    Ok((family, giulia))
}

/// Prints who is who, and the prestatore's comma-8 category.
fn print_parties(family: &Utilizzatore, giulia: &Prestatore) -> Result<(), Box<dyn Error>> {
    let first = date!(2026 - 03 - 01);
    let rules = Rules::in_force_on(first)?;
    println!("Libretto Famiglia, March 2026");
    println!("  utilizzatore: {} ({})", family.name(), family.kind());
    println!(
        "  prestatore:   {} {}, born {}, age {} on {}",
        giulia.first_name(),
        giulia.last_name(),
        it(giulia.birth_date()),
        giulia.age_on(first).ok_or("born after the first day")?,
        it(first),
    );
    match giulia.special_category_on(first, rules) {
        Some(categoria) => println!(
            "                comma-8 category: {categoria} (her compensi count at {}% toward the family's cap b; {})",
            (rules.special_category_weight.value * Decimal::ONE_HUNDRED).normalize(),
            rules.special_category_weight.citation
        ),
        None => println!("                no comma-8 category"),
    }
    println!();
    Ok(())
}

/// Funds the libretto through pagoPA: two payments, in whole titoli.
fn fund(libretto: &mut FundsAccount) -> Result<(), Box<dyn Error>> {
    for (paid_on, euros) in [(date!(2026 - 03 - 01), 200), (date!(2026 - 03 - 15), 200)] {
        let rules = Rules::in_force_on(paid_on)?;
        libretto.top_up(
            TopUp {
                channel: FundingChannel::PagoPa,
                causale: None,
                amount: Euro::from_euros(euros),
                available_on: paid_on,
            },
            rules,
        )?;
        println!(
            "{}: pagoPA top-up of {} ({})",
            it(paid_on),
            Euro::from_euros(euros).to_italian(),
            rules.funding_channels.citation
        );
    }
    println!();
    Ok(())
}

/// The month's totals, and the last afternoon's communication.
#[derive(Debug, Default)]
struct Month {
    cost: Option<CostBreakdown>,
    titoli: u32,
    minutes: u32,
    last: Option<LfCommunication>,
}

impl Month {
    /// Adds one afternoon.
    fn add(&mut self, afternoon: LfCommunication) -> Result<(), Box<dyn Error>> {
        let (cost, titoli, minutes) = (afternoon.cost(), afternoon.titoli(), afternoon.minutes());
        let sum = |a: Euro, b: Euro| a.checked_add(b).ok_or("monthly total overflows");
        self.cost = Some(match self.cost {
            None => cost,
            Some(month) => CostBreakdown {
                compenso: sum(month.compenso, cost.compenso)?,
                ivs: sum(month.ivs, cost.ivs)?,
                inail: sum(month.inail, cost.inail)?,
                oneri: sum(month.oneri, cost.oneri)?,
                total: sum(month.total, cost.total)?,
            },
        });
        self.titoli = self.titoli.checked_add(titoli).ok_or("titoli overflow")?;
        self.minutes = self
            .minutes
            .checked_add(minutes)
            .ok_or("minutes overflow")?;
        self.last = Some(afternoon);
        Ok(())
    }
}

/// Checks, prices and reserves each afternoon; returns the month's totals.
fn book_afternoons(
    family: &Utilizzatore,
    giulia: &Prestatore,
    libretto: &mut FundsAccount,
) -> Result<Month, Box<dyn Error>> {
    println!(
        "day        minutes titoli compenso   IVS      INAIL    oneri    cost     left on the libretto"
    );
    let mut month = Month::default();
    for (id, &day) in (1u64..).zip(AFTERNOONS.iter()) {
        let work = LfWork::new(
            day,
            MINUTES_PER_AFTERNOON,
            LfActivity::AssistenzaDomiciliare,
            HOME,
            PrestazioneId(id),
        );
        let afternoon = LfCommunication::new(family, giulia, &work, RulesTable::embedded())?;
        if !afternoon.verdict().is_lawful() {
            println!(
                "{}: the Libretto Famiglia may not be used:\n{}",
                it(day),
                afternoon.verdict()
            );
            continue;
        }
        afternoon.commit_funds(libretto, day)?;
        let cost = afternoon.cost();
        println!(
            "{:<10} {:>7} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>10}",
            it(day),
            afternoon.minutes(),
            afternoon.titoli(),
            cost.compenso.to_italian(),
            cost.ivs.to_italian(),
            cost.inail.to_italian(),
            cost.oneri.to_italian(),
            cost.total.to_italian(),
            libretto.available_on(day).to_italian(),
        );
        month.add(afternoon)?;
    }
    println!();
    Ok(month)
}

/// Prints the monthly summary: titoli, cost, caps, deadlines and what the prestatore receives.
fn print_summary(month: &Month, libretto: &FundsAccount) -> Result<(), Box<dyn Error>> {
    let last = month.last.as_ref().ok_or("no afternoon was booked")?;
    let cost = month.cost.ok_or("no afternoon was booked")?;
    let last_day = last.day();
    let rules = Rules::in_force_on(last_day)?;
    let titolo = &rules.lf_titolo;
    println!("Monthly summary");
    println!(
        "  each afternoon of {} min needs {} whole titoli: a titolo pays at most {} min and cannot be split ({})",
        last.minutes(),
        last.titoli(),
        titolo.value.max_minutes,
        titolo.citation
    );
    println!(
        "  titolo of {} = {} compenso + {} IVS + {} INAIL + {} oneri",
        titolo.value.value.to_italian(),
        titolo.value.compenso.to_italian(),
        titolo.value.ivs.to_italian(),
        titolo.value.inail.to_italian(),
        titolo.value.oneri.to_italian()
    );
    println!(
        "  {} afternoons, {} h {:02} min, {} titoli",
        AFTERNOONS.len(),
        month.minutes / 60,
        month.minutes % 60,
        month.titoli
    );
    println!(
        "  the family pays {} (compenso {}, IVS {}, INAIL {}, oneri {})",
        cost.total.to_italian(),
        cost.compenso.to_italian(),
        cost.ivs.to_italian(),
        cost.inail.to_italian(),
        cost.oneri.to_italian()
    );
    println!(
        "  left on the libretto: {}",
        libretto.available_on(last_day).to_italian()
    );
    println!(
        "  compensi from this family in 2026 (March only): {} of the {} cap c ({}); {} h {:02} min of {} h ({}, reading R-HOURS-LF: LF too)",
        cost.compenso.to_italian(),
        rules.cap_pair.value.to_italian(),
        rules.cap_pair.citation,
        month.minutes / 60,
        month.minutes % 60,
        rules.hours_per_pair.value,
        rules.hours_per_pair.citation
    );
    println!(
        "  communicate every prestazione of March by {} ({})",
        it(last.communication_deadline()),
        rules.lf_communication_day.citation
    );
    let paid_on = last.payment_date();
    println!(
        "  INPS pays Giulia by {} ({})",
        it(paid_on),
        rules.payment_day.citation
    );
    let on_payment = Rules::in_force_on(paid_on)?;
    // Assumption: INPS pays the month's compensi from one utilizzatore in one payment, so the
    // fee is withheld once.
    println!(
        "  Giulia receives {} by {PAYMENT_MODE}: {} less the {} fee ({}), withheld once on the month's payment",
        net_received(cost.compenso, PAYMENT_MODE, on_payment)?.to_italian(),
        cost.compenso.to_italian(),
        PAYMENT_MODE.fee(on_payment)?.to_italian(),
        PAYMENT_MODE.citation(on_payment)
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let (family, giulia) = parties()?;
    print_parties(&family, &giulia)?;
    let mut libretto = FundsAccount::new(Instrument::LibrettoFamiglia);
    fund(&mut libretto)?;
    let month = book_afternoons(&family, &giulia, &mut libretto)?;
    print_summary(&month, &libretto)
}
