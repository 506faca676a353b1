//! Quickstart: the booking question, answered in one call, on the embedded rules.
//!
//! ```sh
//! cargo run --example quickstart              # 7 March 2026 and the year 2026
//! cargo run --example quickstart -- 2019-07-01
//! ```
//!
//! The host here keeps its instants in UTC, as many databases do, and passes them to the crate as
//! they are: the crate works out the Italian civil day and time itself (CET, CEST in summer). The
//! events company gives the ATECO 2025 code of its registro imprese.
//!
//! For the day given (default 7/3/2026) it prints:
//!
//! 1. a prestatore, Giulia Verdi, registered with SPID (confirmed at once) and the final check
//!    "Lavoratore Attivo"; she self-certified a comma-8 category (a student until July 2024,
//!    then unemployed), so her compensi count at 75% in cap b;
//! 2. a family booking her as a baby-sitter on the Tuesday on or after the day, asking for
//!    whichever instrument is lawful: [`assess_booking`] answers with the Libretto Famiglia, the
//!    whole titoli, the cost, the deadlines, the caps after it, each with its citation;
//! 3. an events company (ATECO 2025 82.30.01, on the events list of D.L. 48/2023 through ISTAT's
//!    correspondence) booking her
//!    through the CPO on the Saturday on or after the day, 14:00-18:00 in Italy, with its CPO
//!    account: the pay floor, the cost, the communication, revoca and payment deadlines, the
//!    funds, the caps after it;
//! 4. a year of her work in that year, every booking answered by the same call and recorded
//!    when lawful: the family every Tuesday and Thursday (and 4 hours on New Year's Eve, which
//!    cap c refuses: printed with its reasons), the company on the first Saturday of each month;
//! 5. the room left on 31 December with each of them under every cap, with citations.
//!
//! The rules table in force on the day is printed by `cargo run --example rules_table`.
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): REG-BOTH, REG-AUTH, ELIG-SELFCERT;
//! LF-USERS and CPO-USERS (the instrument chosen); LF-TITOLO with worked example E1, CPO-MIN-PAY
//! and CPO-CONTRIB with E3 (reading R-ONERI-BASE); CPO-COMM, CPO-REVOCA, CPO-PAY, LF-COMM,
//! LF-PAY with worked example E6 (readings R-REVOCA, R-LF-COMM, R-PAYMENT-DAY); CPO-FUNDING;
//! CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL and CAP-UTILIZZATORE-EVENTS with CAP-75PCT
//! (E5), CAP-PAIR with SANCT-CONV, HOURS-280 (reading R-HOURS-LF). Days are ISO dates
//! (`2026-03-07`), as in the crate's verdicts.

use std::error::Error;
use std::process::ExitCode;

use prestazioni_occasionali::{
    AccessChannel, AccountKind, AddressDraft, AtecoCode, Booking, Categoria, CodiceFiscale,
    ContactChannel, ContactsDraft, DocumentDraft, DocumentKind, Euro, FundingChannel, FundsAccount,
    Headcounts, Instrument, ItalianClock, Ledger, LfActivity, MonthlyHeadcount, PaymentDraft,
    PaymentMode, PrestazioneId, REGIME_START, Registration, RegistrationDraft, RegistrationEvent,
    RoomQuery, RuleId, SelfCertification, Sex, SpidLevel, TopUp, Utilizzatore, UtilizzatoreKind,
    Work, assess_booking,
};
use time::macros::{date, format_description, time};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

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
    println!("The booking question under art. 54-bis D.L. 50/2017, on {day}, in one call each");
    println!("(the rules in force that day: cargo run --example rules_table -- {day})");

    let registration = register(day.year())?;
    let (family, company) = utilizzatori(day.year())?;
    let on_or_after = |weekday: Weekday| {
        if day.weekday() == weekday {
            day
        } else {
            day.next_occurrence(weekday)
        }
    };
    let ledger = Ledger::default();

    let tuesday = on_or_after(Weekday::Tuesday);
    println!(
        "\n2. {} books her as a baby-sitter, 2 h 20 min on {tuesday}, whichever instrument is lawful:",
        family.name()
    );
    if let Some(giulia) = registration.prestatore_on(tuesday).transpose()? {
        let work = Work::whichever(
            utc(tuesday, time!(16:00))?,
            utc(tuesday, time!(18:20))?,
            Vec::new(),
            "Roma, Via Appia Nuova",
            "baby-sitting",
        )
        .with_lf_activity(LfActivity::AssistenzaDomiciliare);
        let asked = utc(tuesday.previous_day().ok_or("date")?, time!(20:00))?;
        let booking = assess_booking(&family, &giulia, &work, asked, &ledger, &[])?;
        println!("{}", indent(&booking));
    }

    let saturday = on_or_after(Weekday::Saturday);
    println!(
        "\n3. {} ({:#}) books her through the CPO, 14:00-18:00 in Italy on {saturday}, for 48,00 €:",
        company.name(),
        company
            .ateco()
            .first()
            .map_or_else(String::new, |code| format!("{code:#}"))
    );
    if let Some(giulia) = registration.prestatore_on(saturday).transpose()? {
        let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
        let rules = ledger.rules_table().in_force_on(saturday)?;
        let channel = *rules
            .funding_channels
            .value
            .channels
            .first()
            .ok_or("a channel")?;
        let causale =
            (channel == FundingChannel::F24Elide).then_some(prestazioni_occasionali::Causale::Cloc);
        account.top_up(
            TopUp {
                channel,
                causale,
                amount: Euro::from_euros(100),
                available_on: saturday - Duration::days(7),
            },
            rules,
        )?;
        let work = Work::cpo(
            utc(saturday, time!(14:00))?,
            utc(saturday, time!(18:00))?,
            vec![Euro::from_euros(48)],
            "Roma, Fiera di Roma",
            "hostess at a fair",
        );
        let asked = utc(saturday - Duration::days(2), time!(9:00))?;
        let booking = assess_booking(&company, &giulia, &work, asked, &ledger, &[&account])?;
        println!("{}", indent(&booking));
    }

    book_the_year(&registration, &family, &company, day.year())
}

/// Giulia Verdi's codice fiscale: born in Rome on 18/4/1999.
const GIULIA: &str = "VRDGLI99D58H501D";

/// Section 1: Giulia registers with SPID at the start of `year`.
fn register(year: i32) -> Result<Registration, Box<dyn Error>> {
    let on = Date::from_calendar_date(year, Month::January, 2)?.max(REGIME_START);
    let cf: CodiceFiscale = GIULIA.parse()?;
    let born = cf.resolve_birth_date(on)?;
    let mut form = RegistrationDraft::new(
        on,
        AccessChannel::Spid {
            level: SpidLevel::L2,
        },
    );
    form.codice_fiscale = GIULIA.into();
    form.first_name = "Giulia".into();
    form.last_name = "Verdi".into();
    form.birth_date = Some(born);
    form.birthplace = "H501".into();
    form.sex = Some(Sex::Female);
    form.residence = AddressDraft::new("Roma", "RM", "Via Appia Nuova", "101", "00183");
    form.document = DocumentDraft {
        kind: DocumentKind::CartaIdentita,
        number: "CA00000AA".into(),
        issued_on: Some(on.replace_year(on.year() - 2)?),
        expires_on: Some(on.replace_year(on.year() + 8)?),
        issued_by: "Comune di Roma".into(),
    };
    form.contacts = ContactsDraft {
        mobile: "347 1234567".into(),
        email: "giulia.verdi@example.org".into(),
        preferred: ContactChannel::Email,
        hours: "10:00-18:00".into(),
    };
    form.privacy_consent = true;
    // A university student until her graduation, then unemployed (comma 8).
    form.self_certifications = vec![
        SelfCertification::new(
            Categoria::Studente,
            date!(2017 - 09 - 01),
            Some(date!(2024 - 07 - 31)),
        )?,
        SelfCertification::new(Categoria::Disoccupato, date!(2024 - 09 - 01), None)?,
    ];
    form.payment = PaymentDraft {
        mode: PaymentMode::IbanCredit,
        iban: "IT60 X054 2811 1010 0000 0123 456".into(),
        account: AccountKind::ContoCorrente,
        held_by_prestatore: true,
    };
    let mut registration = Registration::new(form);
    registration.apply(RegistrationEvent::Submit)?;
    println!(
        "\n1. Giulia Verdi ({cf:?}, born {born}) registers with SPID level 2 on {on}: {} ({}); \"Lavoratore Attivo\": {}",
        registration.state(),
        registration
            .confirmation()
            .map_or_else(|| "not confirmed".to_owned(), |c| c.to_string()),
        if registration.is_active_worker(" giulia ", "VERDI", &cf, on) {
            "yes"
        } else {
            "no"
        }
    );
    println!(
        "   comma-8 self-certifications: student to 2024-07-31, unemployed from 2024-09-01 (her compensi count at 75% in cap b)"
    );
    Ok(registration)
}

/// The two utilizzatori: a family, and an events company with 4 permanent employees.
fn utilizzatori(year: i32) -> Result<(Utilizzatore, Utilizzatore), Box<dyn Error>> {
    let family = Utilizzatore::new(
        "BNCGNN60A01H501P".parse()?,
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )?;
    let mut headcounts = Headcounts::new();
    for y in [year - 1, year] {
        for month in 1..=12u8 {
            headcounts.insert(y, Month::try_from(month)?, MonthlyHeadcount::full_time(4));
        }
    }
    // The ATECO 2025 code of the registro imprese (organizzazione di convegni e fiere): on the
    // INPS events list, which is in ATECO 2007 codes, through ISTAT's correspondence.
    let events: AtecoCode = "ATECO 2025 82.30.01".parse()?;
    let company = Utilizzatore::new(
        "12345670157".parse()?,
        "Eventi Aurora Srl",
        UtilizzatoreKind::Impresa,
    )?
    .with_ateco(events)
    .with_headcounts(headcounts);
    Ok((family, company))
}

/// `at` on `day` in Italy, as the UTC instant the host stores: the crate's own clock
/// (`ItalianClock`, CET and CEST by the rules table) gives it.
fn utc(day: Date, at: Time) -> Result<OffsetDateTime, Box<dyn Error>> {
    Ok(ItalianClock::embedded()
        .instant(PrimitiveDateTime::new(day, at))?
        .to_offset(UtcOffset::UTC))
}

/// The answer, indented under its heading.
fn indent(booking: &Booking) -> String {
    format!("   {}", booking.to_string().replace('\n', "\n   "))
}

/// Section 4: a year of bookings, each answered by `assess_booking` and recorded when lawful.
fn book_the_year(
    registration: &Registration,
    family: &Utilizzatore,
    company: &Utilizzatore,
    year: i32,
) -> Result<(), Box<dyn Error>> {
    println!("\n4. A year of her work in {year}, every booking answered by the same call");
    println!(
        "   LF: 2 h 20 min every Tuesday and Thursday, 4 h on New Year's Eve; CPO: 14:00-18:00 on the first Saturday of each month"
    );
    let mut ledger = Ledger::default().with_warning_thresholds(&[80, 90])?;
    let (mut next_id, mut booked, mut refused) = (1u64, 0u32, 0u32);
    // The last answer with each utilizzatore: its room is the room left at the end of the year.
    let mut last: [Option<Booking>; 2] = [None, None];
    let mut day = Date::from_calendar_date(year, Month::January, 1)?.max(REGIME_START);
    while day.year() == year {
        let Some(giulia) = registration.prestatore_on(day).transpose()? else {
            day = day.next_day().ok_or("date out of range")?;
            continue;
        };
        let new_years_eve = day.month() == Month::December && day.day() == 31;
        let mut works = Vec::new();
        if new_years_eve || matches!(day.weekday(), Weekday::Tuesday | Weekday::Thursday) {
            let minutes = if new_years_eve { 240 } else { 140 };
            let work = Work::lf(
                day,
                minutes,
                LfActivity::AssistenzaDomiciliare,
                "Roma, Via Appia Nuova",
            );
            // The family communicates the work on the evening of the day.
            works.push((0, work, utc(day, time!(20:00))?));
        }
        if day.weekday() == Weekday::Saturday && day.day() <= 7 {
            let work = Work::cpo(
                utc(day, time!(14:00))?,
                utc(day, time!(18:00))?,
                vec![Euro::from_euros(48)],
                "Roma, Fiera di Roma",
                "hostess at a fair",
            );
            works.push((1, work, utc(day - Duration::days(2), time!(9:00))?));
        }
        for (who, work, asked) in works {
            let utilizzatore = if who == 0 { family } else { company };
            let work = work.with_id(PrestazioneId(next_id));
            let booking = assess_booking(utilizzatore, &giulia, &work, asked, &ledger, &[])?;
            next_id += u64::try_from(booking.days.len())?;
            if booking.is_lawful() {
                for p in booking.prestazioni() {
                    ledger.record(p)?;
                }
                booked += 1;
            } else {
                refused += 1;
                println!(
                    "   refused: {} with {} on {day}:",
                    booking.instrument,
                    utilizzatore.name()
                );
                for breach in &booking.verdict().breaches {
                    println!("     {breach}");
                    println!("       consequence: {}", breach.consequence);
                }
            }
            if let Some(slot) = last.get_mut(who) {
                *slot = Some(booking);
            }
        }
        day = day.next_day().ok_or("date out of range")?;
    }
    println!("   {booked} bookings lawful and recorded, {refused} refused");

    print_rooms(&ledger, [family, company], &last, year)
}

/// Section 5: the room left on 31 December with each utilizzatore, for one more prestazione
/// like its last one, under every cap with its citation.
fn print_rooms(
    ledger: &Ledger,
    utilizzatori: [&Utilizzatore; 2],
    last: &[Option<Booking>; 2],
    year: i32,
) -> Result<(), Box<dyn Error>> {
    let year_end = Date::from_calendar_date(year, Month::December, 31)?;
    println!("\n5. The room left with each of them on {year_end}, under every cap");
    for (utilizzatore, booking) in utilizzatori.into_iter().zip(last) {
        let Some(first) = booking.as_ref().and_then(|b| b.days.first()) else {
            continue;
        };
        // The room for one more prestazione like the last one, on the last day of the year.
        let query = RoomQuery {
            day: year_end,
            ..RoomQuery::for_prestazione(&first.prestazione)
        };
        let room = ledger.room(&query)?;
        let instrument = first.prestazione.instrument();
        let titoli = if instrument == Instrument::LibrettoFamiglia {
            format!(" ({} titoli)", room.titoli)
        } else {
            String::new()
        };
        println!(
            "   with {} ({instrument}): {}{titoli}, set by {}; {} left under the 280 hours ({})",
            utilizzatore.name(),
            room.compenso.to_italian(),
            room.binding,
            room.minutes.map_or_else(
                || "no limit".to_owned(),
                |m| format!("{} h {:02} min", m / 60, m % 60)
            ),
            first
                .limit_citation(RuleId::Hours280)
                .map_or_else(String::new, |code| format!("{code:#}")),
        );
        for cap in &room.caps {
            match first.limit_citation(cap.rule) {
                Some(citation) => println!("     {cap} ({citation})"),
                None => println!("     {cap}"),
            }
        }
    }
    Ok(())
}
