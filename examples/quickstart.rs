//! Quickstart: the crate's main job, end to end, on the embedded rules.
//!
//! ```sh
//! cargo run --example quickstart              # 7 March 2026 and the year 2026
//! cargo run --example quickstart -- 2019-07-01
//! ```
//!
//! For the day given (default 7/3/2026) it prints:
//!
//! 1. the rules of art. 54-bis D.L. 50/2017 in force that day, each with its citation;
//! 2. what one CPO hour at the minimum pay, a CPO day at the daily minimum and one Libretto
//!    Famiglia titolo cost;
//! 3. a prestatore registered with SPID (confirmed at once) and the final check "Lavoratore
//!    Attivo";
//! 4. two engagements of hers in detail, on the first Saturday on or after the day and the
//!    Tuesday on or after it: which instrument each utilizzatore may use (and why not the other),
//!    the pay, the total cost, and the deadlines (communication, revoca, payment), each with its
//!    citation;
//! 5. a year of her work, booked through both instruments and assessed against every cap: a
//!    family pays her as a baby-sitter through the Libretto Famiglia every Tuesday and Thursday
//!    (and for 4 hours on New Year's Eve, which the ledger refuses under cap c), an events
//!    company books her through the CPO on the first Saturday of each month and on New Year's
//!    Eve (across midnight, so the last hours fall into the next year). What the ledger refuses
//!    is printed with its rule, consequence and citation; at the end of the year, the room left
//!    under every cap and the 280 hours with each utilizzatore, with citations;
//! 6. her Scrivania Prestatore at the end of January of the next year: the payments and the
//!    annual prospetto compensi against cap a.
//!
//! Days are printed as ISO dates (`2026-03-07`), as the crate's verdicts print them, except the
//! Scrivania's own lines in section 6, which show them as the INPS portal does (`07/03/2026`).
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): the rules table (Part B §1, every row cited); CPO-CONTRIB and
//! LF-TITOLO with worked examples E1, E2 and E3 (reading R-ONERI-BASE for the 1% oneri); REG-BOTH,
//! REG-AUTH, ELIG-SELFCERT; LF-USERS and CPO-USERS; CPO-MIN-PAY, CPO-COMM, CPO-REVOCA, CPO-PAY,
//! LF-COMM, LF-PAY with worked example E6 (7/3/2026: communicate by 13:00, revoca until
//! 10/3/2026, payment by 15/4/2026); CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL and
//! CAP-UTILIZZATORE-EVENTS with CAP-75PCT (E5), CAP-PAIR with SANCT-CONV (E11: whole titoli),
//! HOURS-280 (reading R-HOURS-LF); work across midnight (E4, reading R-MIDNIGHT) and the year of a prestazione
//! (R-YEAR-OF-WORK); REG-PORTAL-2026 (Scrivania Prestatore, prospetto compensi).

use std::error::Error;
use std::process::ExitCode;

use prestazioni_occasionali::{
    AccessChannel, AccountKind, AddressDraft, AtecoCode, Birthplace, Categoria, CodiceFiscale,
    CommunicatedPrestazione, ContactChannel, ContactsDraft, CostBreakdown, CpoCommunication,
    CpoWork, Decimal, DocumentDraft, DocumentKind, Engagement, Euro, Headcounts, Instrument,
    Ledger, LfActivity, LfCommunication, LfWork, MonthlyHeadcount, PaymentDraft, PaymentMode,
    Prestatore, Prestazione, PrestazioneId, REGIME_START, RecordError, Registration,
    RegistrationDraft, RegistrationEvent, RoomQuery, Rules, RulesTable, Scrivania,
    SelfCertification, Sex, Utilizzatore, UtilizzatoreKind, Verdict, assess_admissibility,
};
use time::macros::{date, format_description, time};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

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
    let table = RulesTable::embedded();
    let rules = table.in_force_on(day)?;

    print_rules(day, rules);
    print_costs(rules)?;

    let registration = register(day.year())?;
    engagements_in_detail(&registration, day, table)?;
    let year = book_the_year(&registration, day.year(), table)?;
    print_scrivania(&registration, &year, day.year(), table)?;
    Ok(())
}

/// Section 1: the rules in force on `day`.
fn print_rules(day: Date, rules: &Rules) {
    println!("1. Rules of art. 54-bis D.L. 50/2017 in force on {day}");
    println!(
        "   (the version in force from {}{})",
        rules.valid_from(),
        rules
            .valid_until()
            .map(|d| format!(" to {d}"))
            .unwrap_or_default()
    );
    for p in rules.parameters() {
        println!("   {:<38} {}", p.name, p.value);
        println!("   {:<38} ↳ {}", "", p.citation);
    }
}

/// Section 2: the cost of a CPO hour, a CPO day and an LF titolo.
fn print_costs(rules: &Rules) -> Result<(), Box<dyn Error>> {
    println!("\n2. What the utilizzatore pays");
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
            "   {what}: compenso {} + IVS {} + INAIL {} + oneri {} = {}",
            cost.compenso.to_italian(),
            cost.ivs.to_italian(),
            cost.inail.to_italian(),
            cost.oneri.to_italian(),
            cost.total.to_italian()
        );
    }
    println!(
        "   ↳ CPO: {} (oneri: {})",
        rules.cpo_ivs_rate.citation, rules.cpo_oneri_base.citation
    );
    println!("   ↳ LF titolo: {}", rules.lf_titolo.citation);
    Ok(())
}

/// Giulia Verdi's codice fiscale: born in Rome on 18/4/1999.
const GIULIA: &str = "VRDGLI99D58H501D";

/// Section 3: Giulia registers with SPID at the start of `year`.
fn register(year: i32) -> Result<Registration, Box<dyn Error>> {
    let on = Date::from_calendar_date(year, Month::January, 2)?.max(REGIME_START);
    let cf: CodiceFiscale = GIULIA.parse()?;
    let born = cf.resolve_birth_date(on)?;
    let place = cf
        .belfiore_code()
        .and_then(|code| Birthplace::lookup(code, born))
        .map_or("unknown", |b| b.name);
    println!("\n3. Registration of the prestatore on {on}");
    println!(
        "   codice fiscale {cf:?} (Debug masks it): {}, born on {born} in {place}",
        cf.sex()
            .map_or('-', |s| if s == Sex::Female { 'F' } else { 'M' })
    );

    let mut form = RegistrationDraft::new(on, AccessChannel::Spid { level: 2 });
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
    let active = registration.is_active_worker(" giulia ", "VERDI", &cf, on);
    println!(
        "   REGISTRA with SPID level 2: {} ({}); final check \"Lavoratore Attivo\": {}",
        registration.state(),
        registration
            .confirmation()
            .map_or_else(|| "not confirmed".to_owned(), |c| c.to_string()),
        if active { "yes" } else { "no" }
    );
    Ok(registration)
}

/// What the year produced: every communicated prestazione, for the desk.
struct Year {
    communicated: Vec<CommunicatedPrestazione>,
}

/// The Europe/Rome offset on `day` (CET, CEST from the last Sunday of March to the last Sunday
/// of October). The crate never computes offsets: the host passes instants with theirs.
fn rome(day: Date, at: Time) -> Result<OffsetDateTime, Box<dyn Error>> {
    let last_sunday = |month: Month| -> Result<Date, Box<dyn Error>> {
        let next = if month == Month::December {
            Date::from_calendar_date(day.year() + 1, Month::January, 1)?
        } else {
            Date::from_calendar_date(day.year(), month.next(), 1)?
        };
        Ok(next.prev_occurrence(Weekday::Sunday))
    };
    let summer = day >= last_sunday(Month::March)? && day < last_sunday(Month::October)?;
    let offset = UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0)?;
    Ok(PrimitiveDateTime::new(day, at).assume_offset(offset))
}

/// The two utilizzatori: a family, and an events company with 4 permanent employees.
fn utilizzatori(year: i32) -> Result<(Utilizzatore, Utilizzatore), Box<dyn Error>> {
    let family = Utilizzatore::new(
        "BNCGNN60A01H501P".parse()?,
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )?;
    let mut headcounts = Headcounts::new();
    let mut month = Date::from_calendar_date(year - 1, Month::January, 1)?;
    while month.year() <= year {
        headcounts.insert(month.year(), month.month(), MonthlyHeadcount::full_time(4));
        month = month.replace_month(month.month().next())?;
        if month.month() == Month::January {
            month = month.replace_year(month.year() + 1)?;
        }
    }
    let events: AtecoCode = "82.30.00".parse()?;
    let company = Utilizzatore::new(
        "12345670157".parse()?,
        "Eventi Aurora Srl",
        UtilizzatoreKind::Impresa,
    )?
    .with_ateco(events)
    .with_headcounts(headcounts);

    Ok((family, company))
}

/// Section 5: a year of work through both instruments, assessed by the ledger.
fn book_the_year(
    registration: &Registration,
    year: i32,
    table: &RulesTable,
) -> Result<Year, Box<dyn Error>> {
    let (family, company) = utilizzatori(year)?;
    println!("\n5. A year of work for Giulia Verdi in {year}");
    println!(
        "   LF: {} pays her 2 h 20 min of baby-sitting every Tuesday and Thursday, 4 h on New Year's Eve",
        family.name()
    );
    println!(
        "   CPO: {} books her 14:00-18:00 on the first Saturday of each month, and on New Year's Eve",
        company.name()
    );
    let mut ledger = Ledger::default().with_warning_thresholds(&[80, 90])?;
    let mut communicated = Vec::new();
    let mut next_id = 1u64;
    let mut day = Date::from_calendar_date(year, Month::January, 1)?.max(REGIME_START);
    let mut refusals = 0;
    while day.year() == year {
        let Some(prestatore) = registration.prestatore_on(day).transpose()? else {
            day = day.next_day().ok_or("date out of range")?;
            continue;
        };
        let new_years_eve = day.month() == Month::December && day.day() == 31;
        if let Some(minutes) = lf_minutes(day) {
            let work = LfWork::new(
                day,
                minutes,
                LfActivity::AssistenzaDomiciliare,
                "Roma, Via Appia Nuova",
                PrestazioneId(next_id),
            );
            next_id += 1;
            let lf = LfCommunication::new(&family, &prestatore, &work, table)?;
            let sent = rome(lf.communication_deadline(), time!(9:00))?;
            book(
                &mut ledger,
                lf.verdict(),
                std::slice::from_ref(lf.prestazione()),
                sent,
                &mut communicated,
                &mut refusals,
            );
        }
        if (day.weekday() == Weekday::Saturday && day.day() <= 7) || new_years_eve {
            let (start, end, compensi) = if new_years_eve {
                let start = rome(day, time!(22:00))?;
                let next = day.next_day().ok_or("date out of range")?;
                (
                    start,
                    rome(next, time!(2:00))?,
                    vec![Euro::from_euros(40), Euro::from_euros(40)],
                )
            } else {
                (
                    rome(day, time!(14:00))?,
                    rome(day, time!(18:00))?,
                    vec![Euro::from_euros(48)],
                )
            };
            let sent = start - time::Duration::days(2);
            let work = CpoWork::new(
                "Roma, Fiera di Roma",
                "hostess at a fair",
                start,
                end,
                compensi,
                sent,
            );
            let cpo = CpoCommunication::new(&company, &prestatore, &work, table)?;
            let records = cpo.prestazioni(PrestazioneId(next_id))?;
            next_id += records.len() as u64;
            book(
                &mut ledger,
                cpo.verdict(),
                &records,
                sent,
                &mut communicated,
                &mut refusals,
            );
        }
        if day.month() != day.next_day().map_or(day.month(), Date::month) {
            print_month(&ledger, &prestatore, &family, &company, day)?;
        }
        day = day.next_day().ok_or("date out of range")?;
    }
    println!("   {refusals} prestazione(s) refused in {year}");
    print_rooms(&ledger, registration, &family, &company, year)?;
    Ok(Year { communicated })
}

/// The family's baby-sitting on `day`: 2 h 20 min every Tuesday and Thursday, 4 h on New
/// Year's Eve.
fn lf_minutes(day: Date) -> Option<u32> {
    if day.month() == Month::December && day.day() == 31 {
        Some(240)
    } else if matches!(day.weekday(), Weekday::Tuesday | Weekday::Thursday) {
        Some(140)
    } else {
        None
    }
}

/// Assesses and records one communication's prestazioni, printing a refusal.
fn book(
    ledger: &mut Ledger,
    verdict: &Verdict,
    records: &[Prestazione],
    sent: OffsetDateTime,
    communicated: &mut Vec<CommunicatedPrestazione>,
    refusals: &mut u32,
) {
    if !verdict.is_lawful() {
        *refusals += 1;
        println!(
            "   {} REFUSED before booking:",
            records
                .first()
                .map_or_else(String::new, |p| p.day().to_string())
        );
        print_breaches(verdict);
        return;
    }
    for p in records {
        match ledger.record(p) {
            Ok(_) => communicated.push(CommunicatedPrestazione {
                prestazione: p.clone(),
                communicated_at: sent,
                revoked_at: None,
                confirmed_at: None,
                paid_on: None,
            }),
            Err(RecordError::Refused(assessment)) => {
                *refusals += 1;
                if *refusals <= 3 {
                    println!(
                        "   {} {} {} REFUSED by the ledger:",
                        p.day(),
                        p.instrument(),
                        p.compenso().to_italian()
                    );
                    print_breaches(&assessment.verdict);
                }
            }
            Err(e) => println!("   {} could not be assessed: {e}", p.day()),
        }
    }
}

fn print_breaches(verdict: &Verdict) {
    for breach in &verdict.breaches {
        println!("     {}: {}", breach.rule, breach.facts);
        println!("       consequence: {}", breach.consequence);
        println!("       citation:    {}", breach.citation);
    }
}

/// The room left with each utilizzatore on the last day of `year`.
fn print_rooms(
    ledger: &Ledger,
    registration: &Registration,
    family: &Utilizzatore,
    company: &Utilizzatore,
    year: i32,
) -> Result<(), Box<dyn Error>> {
    let last = Date::from_calendar_date(year, Month::December, 31)?;
    if let Some(prestatore) = registration.prestatore_on(last).transpose()? {
        print_room(
            ledger,
            &prestatore,
            family,
            Instrument::LibrettoFamiglia,
            last,
        )?;
        print_room(
            ledger,
            &prestatore,
            company,
            Instrument::ContrattoPrestazioneOccasionale,
            last,
        )?;
    }
    Ok(())
}

/// The room left under every cap for one more prestazione on `day` with `utilizzatore`.
fn print_room(
    ledger: &Ledger,
    prestatore: &Prestatore,
    utilizzatore: &Utilizzatore,
    instrument: Instrument,
    day: Date,
) -> Result<(), Box<dyn Error>> {
    let rules = ledger.rules_table().in_force_on(day)?;
    let profile = utilizzatore.cap_profile(rules);
    let query = RoomQuery {
        prestatore: prestatore.codice_fiscale(),
        utilizzatore: utilizzatore.id(),
        day,
        instrument,
        special_category: prestatore.special_category_on(day, rules).is_some(),
        steward: false,
        profile,
    };
    let room = ledger.room(&query)?;
    // Titoli exist only in the Libretto Famiglia (8,00 € of compenso each).
    let titoli = if instrument == Instrument::LibrettoFamiglia {
        format!(" ({} titoli)", room.titoli)
    } else {
        String::new()
    };
    println!(
        "   room left on {day} with {} ({instrument}): {}{titoli}, set by {}",
        utilizzatore.name(),
        room.compenso.to_italian(),
        room.binding
    );
    for cap in &room.caps {
        let used = Euro::round_half_away_from_zero(cap.used)?;
        let weight = cap
            .weight
            .map(|w| {
                format!(
                    ", her compensi counted at {}%",
                    (w * Decimal::ONE_HUNDRED)
                        .normalize()
                        .to_string()
                        .replace('.', ",")
                )
            })
            .unwrap_or_default();
        println!(
            "     {:<22} used {:>10} of {:>10}{weight}, room {:>10}",
            cap.rule.as_str(),
            used.to_italian(),
            cap.limit.to_italian(),
            cap.headroom.to_italian(),
        );
        if let Some(citation) = cap.citation(rules, profile) {
            println!("     {:<22} ↳ {citation}", "");
        }
    }
    if let Some(minutes) = room.minutes {
        println!(
            "     {:<22} {} h {:02} min left of {} h",
            "HOURS-280",
            minutes / 60,
            minutes % 60,
            rules.hours_per_pair.value
        );
        println!("     {:<22} ↳ {}", "", rules.hours_per_pair.citation);
    }
    Ok(())
}

/// Section 4: one CPO Saturday and one LF Tuesday in detail.
fn engagements_in_detail(
    registration: &Registration,
    day: Date,
    table: &RulesTable,
) -> Result<(), Box<dyn Error>> {
    let (family, company) = utilizzatori(day.year())?;
    let on_or_after = |weekday: Weekday| {
        if day.weekday() == weekday {
            day
        } else {
            day.next_occurrence(weekday)
        }
    };
    let saturday = on_or_after(Weekday::Saturday);
    let tuesday = on_or_after(Weekday::Tuesday);
    println!("\n4. Two engagements in detail");
    let Some(prestatore) = registration
        .prestatore_on(saturday.min(tuesday))
        .transpose()?
    else {
        println!(
            "   Giulia is not registered yet on {}",
            saturday.min(tuesday)
        );
        return Ok(());
    };

    // Which instrument may each utilizzatore use?
    for (utilizzatore, when) in [(&family, tuesday), (&company, saturday)] {
        let rules = table.in_force_on(when)?;
        for instrument in [
            Instrument::LibrettoFamiglia,
            Instrument::ContrattoPrestazioneOccasionale,
        ] {
            let job = Engagement::on(when).with_lf_activity(LfActivity::AssistenzaDomiciliare);
            let verdict = assess_admissibility(instrument, utilizzatore, &prestatore, &job, rules)?;
            if verdict.is_lawful() {
                println!(
                    "   {} may pay her through the {instrument}",
                    utilizzatore.name()
                );
            } else {
                println!("   {} may NOT use the {instrument}:", utilizzatore.name());
                print_breaches(&verdict);
            }
        }
    }

    print_cpo_detail(&company, &prestatore, saturday, table)?;
    print_lf_detail(&family, &prestatore, tuesday, table)
}

/// One CPO Saturday, 14:00-18:00 for 48,00, communicated at the last lawful minute.
fn print_cpo_detail(
    company: &Utilizzatore,
    prestatore: &Prestatore,
    saturday: Date,
    table: &RulesTable,
) -> Result<(), Box<dyn Error>> {
    let start = rome(saturday, time!(14:00))?;
    let rules = table.in_force_on(saturday)?;
    let sent = prestazioni_occasionali::cpo_communication_deadline(start, rules)?;
    let work = CpoWork::new(
        "Roma, Fiera di Roma",
        "hostess at a fair",
        start,
        rome(saturday, time!(18:00))?,
        vec![Euro::from_euros(48)],
        sent,
    );
    let cpo = CpoCommunication::new(company, prestatore, &work, table)?;
    for d in cpo.days() {
        println!(
            "   CPO on {}: {} min for {} (minimum {}: {}), lawful: {}",
            d.day.date,
            d.day.minutes,
            d.compenso.to_italian(),
            d.day.minimum_compenso.to_italian(),
            rules.cpo_min_daily.citation,
            if cpo.verdict().is_lawful() {
                "yes"
            } else {
                "no"
            },
        );
        println!(
            "     cost {} = compenso {} + IVS {} + INAIL {} + oneri {} ({})",
            d.cost.total.to_italian(),
            d.cost.compenso.to_italian(),
            d.cost.ivs.to_italian(),
            d.cost.inail.to_italian(),
            d.cost.oneri.to_italian(),
            rules.cpo_oneri_base.citation
        );
        println!(
            "     communicate by {} on {} ({})",
            d.communication_deadline
                .time()
                .format(format_description!("[hour]:[minute]"))?,
            d.communication_deadline.date(),
            rules.cpo_notice_minutes.citation
        );
        println!(
            "     revoke by 23:59:59 of {} ({})",
            d.revoca_deadline, rules.revoca_days.citation
        );
        println!(
            "     INPS pays her by {} ({})",
            d.payment_date, rules.payment_day.citation
        );
    }

    Ok(())
}

/// One LF Tuesday, 2 h 20 min of baby-sitting.
fn print_lf_detail(
    family: &Utilizzatore,
    prestatore: &Prestatore,
    tuesday: Date,
    table: &RulesTable,
) -> Result<(), Box<dyn Error>> {
    let rules = table.in_force_on(tuesday)?;
    let work = LfWork::new(
        tuesday,
        140,
        LfActivity::AssistenzaDomiciliare,
        "Roma, Via Appia Nuova",
        PrestazioneId(1),
    );
    let lf = LfCommunication::new(family, prestatore, &work, table)?;
    println!(
        "   LF on {}: {} min = {} titoli, compenso {}, lawful: {} ({})",
        lf.day(),
        lf.minutes(),
        lf.titoli(),
        lf.compenso().to_italian(),
        if lf.verdict().is_lawful() {
            "yes"
        } else {
            "no"
        },
        rules.lf_titolo.citation
    );
    let cost = lf.cost();
    println!(
        "     cost {} = compenso {} + IVS {} + INAIL {} + oneri {}",
        cost.total.to_italian(),
        cost.compenso.to_italian(),
        cost.ivs.to_italian(),
        cost.inail.to_italian(),
        cost.oneri.to_italian()
    );
    println!(
        "     communicate by 23:59:59 of {} ({})",
        lf.communication_deadline(),
        rules.lf_communication_day.citation
    );
    println!(
        "     INPS pays her by {} ({})",
        lf.payment_date(),
        rules.payment_day.citation
    );
    Ok(())
}

/// One line per month: what was booked, and the room left under caps a and c.
fn print_month(
    ledger: &Ledger,
    prestatore: &Prestatore,
    family: &Utilizzatore,
    company: &Utilizzatore,
    day: Date,
) -> Result<(), Box<dyn Error>> {
    let cf = prestatore.codice_fiscale();
    let year = day.year();
    let month = ledger.month_totals(year, day.month());
    let all = ledger.prestatore_totals(&cf, year);
    let with_family = ledger.pair_totals(&cf, &family.id(), year);
    let with_company = ledger.pair_totals(&cf, &company.id(), year);
    let rules = Rules::in_force_on(day)?;
    println!(
        "   {:<9} {:>2} prestazioni {:>10} | year: {:>10} of cap a {} | family {:>10} / company {:>10} of cap c {}",
        day.month().to_string(),
        month.prestazioni,
        month.compensi.to_italian(),
        all.compensi.to_italian(),
        rules.cap_prestatore.value.to_italian(),
        with_family.compensi.to_italian(),
        with_company.compensi.to_italian(),
        rules.cap_pair.value.to_italian(),
    );
    Ok(())
}

/// Section 6: the Scrivania Prestatore at the end of January of the next year.
fn print_scrivania(
    registration: &Registration,
    year: &Year,
    work_year: i32,
    table: &RulesTable,
) -> Result<(), Box<dyn Error>> {
    let viewed = rome(
        Date::from_calendar_date(work_year + 1, Month::January, 31)?,
        time!(10:00),
    )?;
    // INPS has paid everything due by the day of the view (by the 15th of the month after).
    let communicated: Vec<CommunicatedPrestazione> = year
        .communicated
        .iter()
        .map(|c| {
            let due = prestazioni_occasionali::payment_date(
                c.prestazione.day(),
                table.in_force_on(c.prestazione.day())?,
            )?;
            Ok(CommunicatedPrestazione {
                paid_on: (due <= viewed.date()).then_some(due),
                ..c.clone()
            })
        })
        .collect::<Result<_, Box<dyn Error>>>()?;
    let cf: CodiceFiscale = GIULIA.parse()?;
    let desk = Scrivania::new(
        cf,
        &communicated,
        registration.payment_history(),
        table,
        viewed,
    )?;
    println!(
        "\n6. Scrivania Prestatore of Giulia Verdi on {}",
        viewed.date()
    );
    let payments = desk.payments();
    let net = Euro::checked_sum(payments.iter().map(|p| p.net)).ok_or("overflow")?;
    println!(
        "   {} payments by INPS so far, {} credited to her IBAN",
        payments.len(),
        net.to_italian()
    );
    // The Scrivania's own lines show days as the INPS portal does (29/12/2026).
    println!("   the last 3 prestazioni, as the portal lists them:");
    for entry in desk.entries().iter().rev().take(3).rev() {
        println!("     {entry}");
    }
    let prospetto = desk.prospetto(work_year)?;
    println!("   {}", prospetto.to_string().replace('\n', "\n   "));
    println!(
        "   (the New Year's Eve hours after midnight are a prestazione of {}: reading R-YEAR-OF-WORK, R-MIDNIGHT)",
        work_year + 1
    );
    Ok(())
}
