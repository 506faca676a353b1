//! An events company books a weekend of work with the Contratto di Prestazione Occasionale.
//!
//! Eventi Aurora Srl (ATECO 2025 82.30.01, organisation of conferences and congresses, the code of
//! its registro imprese since 2025; on average 12 permanent employees in the semester that counts)
//! staffs an event on Saturday 7/3/2026: Luca works 14:00-18:00 and Sara 22:00-02:00, Italian time.
//! The company's booking system keeps instants in UTC (13:00-17:00 and 21:00-01:00 UTC) and passes
//! them as they are: the crate works out the Italian days and times itself (reading
//! R-CIVIL-TIME). Sara's shift crosses Italian midnight, so it is two prestazioni, one per calendar
//! day, each with its own daily minimum (worked example E4, reading R-MIDNIGHT). The INPS list of
//! the events sector is written in ATECO 2007 codes (82.30.00); the crate maps 82.30.01 to it
//! through ISTAT's correspondence 2025 vs 2022 (reading R-ATECO-2025).
//!
//! Each shift is one [`CpoCommunication`]: it checks admissibility (the events list may use the
//! CPO up to 25 employees from 5/5/2023), the pay floor, the communication deadline (60 minutes
//! ahead), the cost (E3: 36,00 costs 49,64), the revoca deadline and the payment date of every
//! calendar day, and reserves the cost on the CPO account (an F24 ELIDE payment with causale
//! CLOC), all days or none. The example prints them with what the prestatore receives, and ends
//! with a refusal: Marco, an employee of the company until two months ago (c. 5), offered a
//! compenso below the floor, printed from the verdict with the rule id, facts, consequence and
//! citation.
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): CPO-USERS, PROHIB-SIZE and EMPLOYEE-COUNT (reading R-HEADCOUNT: the
//! semester from the 8th to the 3rd month before), CAP-UTILIZZATORE-EVENTS, CPO-FUNDING (F24
//! ELIDE causale CLOC, INPS msg 4380/2023), CPO-MIN-PAY with worked examples E3 and E4, CPO-COMM,
//! CPO-CONTRIB (reading R-ONERI-BASE), CPO-REVOCA and CPO-PAY with worked example E6 (7/3/2026:
//! communicate by 13:00, revoca until 10/3/2026, payment by 15/4/2026), PAY-MODES with worked
//! example E8 (3,84), PROHIB-PRIOR (comma 5). Days are ISO dates (`2026-03-07`), as in the
//! crate's verdicts.
//!
//! Run with `cargo run --example cpo_booking`.

use std::error::Error;

use prestazioni_occasionali::{
    AtecoCode, Causale, CpoCommunication, CpoCommunicationDay, CpoWork, Euro, FundingChannel,
    FundsAccount, Headcounts, Instrument, ItalianClock, MonthlyHeadcount, PaymentMode, Prestatore,
    PrestazioneId, PriorRelationship, RelationshipKind, Rules, RulesTable, Sector, SemesterAverage,
    TopUp, Utilizzatore, UtilizzatoreKind, Verdict, net_received,
};
use time::macros::{date, datetime};
use time::{Date, Month, OffsetDateTime};

/// A date as ISO `2026-03-07`, the style of the crate's verdicts, which this example prints too.
fn it(d: Date) -> String {
    d.to_string()
}

/// An instant in Italian civil time, as `2026-03-07 14:00` (whatever offset it was given in).
fn it_at(at: OffsetDateTime) -> String {
    let at = ItalianClock::embedded().to_italian(at).unwrap_or(at);
    format!("{} {:02}:{:02}", it(at.date()), at.hour(), at.minute())
}

/// An instant in UTC, as `13:00 UTC`.
fn utc(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{:02}:{:02} UTC", at.hour(), at.minute())
}

/// Prints every breach of a verdict: rule id, facts, consequence and citation.
fn print_refusal(verdict: &Verdict) {
    for breach in &verdict.breaches {
        println!("    rule:        {}", breach.rule);
        println!("    facts:       {}", breach.facts);
        println!("    consequence: {}", breach.consequence);
        println!("    citation:    {}", breach.citation);
        println!();
    }
}

/// One shift of one prestatore.
struct Shift<'a> {
    prestatore: &'a Prestatore,
    payment_mode: PaymentMode,
    oggetto: &'static str,
    start: OffsetDateTime,
    end: OffsetDateTime,
    /// The compenso agreed for each calendar day of the shift (one per day, reading R-MIDNIGHT).
    compensi: Vec<Euro>,
}

impl Shift<'_> {
    /// The prior communication of the shift, sent on Friday evening.
    fn work(&self) -> CpoWork {
        CpoWork::new(
            PLACE,
            self.oggetto,
            self.start,
            self.end,
            self.compensi.clone(),
            COMMUNICATED_AT,
        )
    }
}

/// Where the event takes place.
const PLACE: &str = "Fiera di Roma, Via Portuense 1645, Roma";

/// The weekend's Saturday.
const WEEKEND: Date = date!(2026 - 03 - 07);

/// Every communication is sent on Friday evening: 18:00 in Italy, 17:00 UTC.
const COMMUNICATED_AT: OffsetDateTime = datetime!(2026-03-06 17:00 UTC);

/// The company, with its headcounts and a former employee (Marco, until 6/1/2026).
fn company(marco: &Prestatore) -> Result<Utilizzatore, Box<dyn Error>> {
    // Permanent employees in the months that count for March 2026 (July-December 2025).
    let mut headcounts = Headcounts::new();
    for (month, full_time) in [
        (Month::July, 11),
        (Month::August, 12),
        (Month::September, 13),
        (Month::October, 12),
        (Month::November, 12),
        (Month::December, 12),
    ] {
        headcounts.insert(2025, month, MonthlyHeadcount::full_time(full_time));
    }
    Ok(Utilizzatore::new(
        "09876540155".parse()?,
        "Eventi Aurora Srl",
        UtilizzatoreKind::Impresa,
    )?
    // The code of the registro imprese, with its edition.
    .with_ateco("ATECO 2025 82.30.01".parse()?)
    .with_headcounts(headcounts)
    .with_prior_relationship(PriorRelationship::new(
        marco.codice_fiscale(),
        RelationshipKind::Subordinato,
        date!(2023 - 04 - 01),
        Some(date!(2026 - 01 - 06)),
    )?))
}

/// Prints the company, its semester average and the limits of the events list.
fn print_company(company: &Utilizzatore) -> Result<SemesterAverage, Box<dyn Error>> {
    let rules = Rules::in_force_on(WEEKEND)?;
    println!(
        "Contratto di Prestazione Occasionale, weekend of {}",
        it(WEEKEND)
    );
    let ateco: &AtecoCode = company.ateco().first().ok_or("no ATECO code")?;
    println!(
        "  utilizzatore: {} ({}), {ateco:#} \"{}\"",
        company.name(),
        company.kind(),
        ateco.title()
    );
    let list: Vec<String> = ateco
        .activities_2007()
        .iter()
        .map(|a| format!("{a:#} \"{}\"", a.title()))
        .collect();
    println!(
        "  in ATECO 2007, the edition of INPS's lists: {} (ISTAT correspondence 2025 vs 2022; reading R-ATECO-2025); on the events list: {}",
        list.join(", "),
        company.is_in_sector(Sector::EventsThermalParks)?
    );
    let average = company.headcounts().semester_average(WEEKEND)?;
    println!(
        "  permanent employees: average {} over {} (monthly figures {}; EMPLOYEE-COUNT, reading R-HEADCOUNT)",
        average.average.normalize().to_string().replace('.', ","),
        average.months_in_words(),
        average
            .figures
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let events_limit = &rules.headcount_limit_events;
    if let Some(limit) = events_limit.value {
        println!(
            "  events list: CPO allowed up to {limit} employees, instead of {} ({})",
            rules.headcount_limit.value, events_limit.citation
        );
    }
    if let Some(cap) = rules.cap_utilizzatore_events.value {
        println!(
            "  yearly cap b for the events list: {} ({})",
            cap.to_italian(),
            rules.cap_utilizzatore_events.citation
        );
    }
    println!();
    Ok(average)
}

/// Funds the CPO account by F24 ELIDE, causale CLOC; the money shows up about a week later
/// (LF-FUNDING), a day the host supplies.
fn fund(account: &mut FundsAccount) -> Result<(), Box<dyn Error>> {
    let paid_on = date!(2026 - 02 - 25);
    let top_up = TopUp {
        channel: FundingChannel::F24Elide,
        causale: Some(Causale::Cloc),
        amount: Euro::from_euros(200),
        available_on: date!(2026 - 03 - 04),
    };
    let rules = Rules::in_force_on(paid_on)?;
    account.top_up(top_up, rules)?;
    println!(
        "{}: F24 ELIDE causale {} of {}, available from {} ({})",
        it(paid_on),
        Causale::Cloc,
        top_up.amount.to_italian(),
        it(top_up.available_on),
        rules.funding_channels.citation
    );
    println!();
    Ok(())
}

/// Prints the pay floor, deadlines and cost of one admissible prestazione.
fn print_day(id: PrestazioneId, day: &CpoCommunicationDay) -> Result<(), Box<dyn Error>> {
    let (span, rules) = (&day.day, Rules::in_force_on(day.day.date)?);
    println!(
        "  prestazione {}: {} to {} ({} min)",
        id.0,
        it_at(span.start),
        it_at(span.end),
        span.minutes
    );
    // The floor is the daily minimum up to its hours, the hourly minimum beyond.
    let floor_citation = if span.minimum_compenso == rules.cpo_min_daily.value.amount {
        &rules.cpo_min_daily.citation
    } else {
        &rules.cpo_min_hourly.citation
    };
    println!(
        "    compenso {} (floor {} for {} min: {floor_citation})",
        day.compenso.to_italian(),
        span.minimum_compenso.to_italian(),
        span.minutes,
    );
    println!(
        "    communicate by {} (sent {}; {})",
        it_at(day.communication_deadline),
        it_at(COMMUNICATED_AT),
        rules.cpo_notice_minutes.citation
    );
    let cost = &day.cost;
    println!(
        "    cost {} = compenso {} + IVS {} + INAIL {} + oneri {} ({})",
        cost.total.to_italian(),
        cost.compenso.to_italian(),
        cost.ivs.to_italian(),
        cost.inail.to_italian(),
        cost.oneri.to_italian(),
        rules.cpo_oneri_base.citation
    );
    println!(
        "    revoca possible until 23:59:59 on {} ({})",
        it(day.revoca_deadline),
        rules.revoca_days.citation
    );
    println!(
        "    INPS pays by {} ({})",
        it(day.payment_date),
        rules.payment_day.citation
    );
    Ok(())
}

/// Books one shift: one prestazione per calendar day, all checked and reserved together;
/// prints what the prestatore receives and returns the shift's cost.
fn book_shift(
    shift: &Shift<'_>,
    company: &Utilizzatore,
    average: &SemesterAverage,
    next_id: &mut u64,
    account: &mut FundsAccount,
) -> Result<Euro, Box<dyn Error>> {
    let p = shift.prestatore;
    println!(
        "{} {}: {} to {} in Italy (given by the host as {} to {})",
        p.first_name(),
        p.last_name(),
        it_at(shift.start),
        it_at(shift.end),
        utc(shift.start),
        utc(shift.end)
    );
    let communication = CpoCommunication::new(company, p, &shift.work(), RulesTable::embedded())?;
    let days = communication.days();
    if days.len() > 1 {
        println!(
            "  crosses midnight: {} prestazioni, one per calendar day, each with its own daily minimum (worked example E4, reading R-MIDNIGHT)",
            days.len()
        );
    }
    if !communication.verdict().is_lawful() {
        println!("  refused:");
        print_refusal(communication.verdict());
        return Ok(Euro::ZERO);
    }
    let rules = Rules::in_force_on(days.first().ok_or("no day")?.day.date)?;
    println!(
        "  admissible: events list, average {} employees, not more than {} ({})",
        average.average.normalize().to_string().replace('.', ","),
        rules
            .headcount_limit_events
            .value
            .unwrap_or(rules.headcount_limit.value),
        rules.headcount_limit_events.citation
    );
    let first_id = PrestazioneId(next_id.checked_add(1).ok_or("too many prestazioni")?);
    for (record, day) in communication.prestazioni(first_id)?.iter().zip(days) {
        print_day(record.id(), day)?;
        *next_id = record.id().0;
    }
    communication.commit_funds(account, first_id)?;
    println!(
        "  {} reserved on the CPO account; {} left (the platform needs the funds before the communication: CPO-COMM)",
        communication.total_cost().to_italian(),
        account.available_on(COMMUNICATED_AT.date()).to_italian()
    );
    let paid_on = days.first().ok_or("no day")?.payment_date;
    let on_payment = Rules::in_force_on(paid_on)?;
    let compenso = communication.total_compenso();
    let fee = shift.payment_mode.fee(on_payment)?;
    let fee_in_words = if fee.is_zero() {
        "no fee".to_owned()
    } else {
        format!(
            "{} less the {} fee",
            compenso.to_italian(),
            fee.to_italian()
        )
    };
    // Assumption: the month's compensi from one utilizzatore are paid in one payment, so the fee
    // is withheld once.
    println!(
        "  {} receives {} by {} on {}: {fee_in_words} ({})",
        p.first_name(),
        net_received(compenso, shift.payment_mode, on_payment)?.to_italian(),
        shift.payment_mode,
        it(paid_on),
        shift.payment_mode.citation(on_payment)
    );
    println!();
    Ok(communication.total_cost())
}

/// A third prestatore: Marco left the company on 6/1/2026, and is offered 30,00 for 4 hours.
fn refuse_marco(company: &Utilizzatore, marco: &Prestatore) -> Result<(), Box<dyn Error>> {
    let offered = Euro::from_euros(30);
    println!(
        "{} {}, {} 14:00-18:00, offered {}: employee of {} until 2026-01-06",
        marco.first_name(),
        marco.last_name(),
        it(WEEKEND),
        offered.to_italian(),
        company.name()
    );
    let shift = Shift {
        prestatore: marco,
        payment_mode: PaymentMode::IbanCredit,
        oggetto: "stand assistant",
        start: datetime!(2026-03-07 13:00 UTC),
        end: datetime!(2026-03-07 17:00 UTC),
        compensi: vec![offered],
    };
    let communication =
        CpoCommunication::new(company, marco, &shift.work(), RulesTable::embedded())?;
    if communication.verdict().is_lawful() {
        println!("  admissible");
    } else {
        println!("  refused:");
        print_refusal(communication.verdict());
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let marco = Prestatore::new(
        "FRRMRC90L08H501U".parse()?,
        "Marco",
        "Ferri",
        date!(1990 - 07 - 08),
    )?;
    let luca = Prestatore::new(
        "NRELCU98C22F205Q".parse()?,
        "Luca",
        "Neri",
        date!(1998 - 03 - 22),
    )?;
    let sara = Prestatore::new(
        "GLLSRA01S43L219P".parse()?,
        "Sara",
        "Galli",
        date!(2001 - 11 - 03),
    )?;
    let company = company(&marco)?;
    let average = print_company(&company)?;
    let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    fund(&mut account)?;

    let shifts = [
        Shift {
            prestatore: &luca,
            payment_mode: PaymentMode::IbanCredit,
            oggetto: "stand assistant",
            start: datetime!(2026-03-07 13:00 UTC),
            end: datetime!(2026-03-07 17:00 UTC),
            compensi: vec![Euro::from_euros(36)],
        },
        Shift {
            prestatore: &sara,
            payment_mode: PaymentMode::BonificoDomiciliato,
            oggetto: "night set-up of the exhibition hall",
            // 22:00-02:00 in Italy: one compenso per Italian calendar day, the shift is two
            // prestazioni (E4, reading R-MIDNIGHT).
            start: datetime!(2026-03-07 21:00 UTC),
            end: datetime!(2026-03-08 01:00 UTC),
            compensi: vec![Euro::from_euros(36), Euro::from_euros(36)],
        },
    ];
    let mut next_id = 0u64;
    let mut weekend_cost = Euro::ZERO;
    for shift in &shifts {
        let cost = book_shift(shift, &company, &average, &mut next_id, &mut account)?;
        weekend_cost = weekend_cost.checked_add(cost).ok_or("cost overflows")?;
    }
    println!(
        "Weekend cost {}; left on the CPO account {}",
        weekend_cost.to_italian(),
        account.available_on(COMMUNICATED_AT.date()).to_italian()
    );
    println!();
    refuse_marco(&company, &marco)
}
