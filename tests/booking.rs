//! The booking question in one call (`assess_booking`): every figure equals what the crate's
//! individual functions give, worked examples E1-E6 through the booking call, a booking the
//! ledger refuses, the choice of "whichever is lawful", errors pinned, `Display` pinned, and
//! property tests (the lawful flag, no panic on arbitrary input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::many_single_char_names
)]

use prestazioni_occasionali::{
    Booking, BookingError, CapProfile, Categoria, Causale, Choice, CommunicateBy,
    CommunicationError, Consequence, CostBreakdown, Engagement, Euro, FundingChannel, FundsAccount,
    Headcounts, Instrument, Ledger, LfActivity, MonthlyHeadcount, PaPurpose, Prestatore,
    Prestazione, PrestazioneDraft, PrestazioneId, RoomQuery, RuleId, Rules, Schedule,
    SelfCertification, TopUp, Utilizzatore, UtilizzatoreKind, Work, assess_admissibility,
    assess_booking, check_cpo_communication, check_cpo_pay, cpo_communication_deadline,
    cpo_minimum_compenso, lf_communication_deadline, payment_date, revoca_deadline,
    titoli_for_minutes,
};
use proptest::prelude::*;
use time::macros::{date, datetime, offset};
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

const LF: Instrument = Instrument::LibrettoFamiglia;
const CPO: Instrument = Instrument::ContrattoPrestazioneOccasionale;

fn family() -> Utilizzatore {
    Utilizzatore::new(
        "BNCGNN60A01H501P".parse().unwrap(),
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap()
}

/// An impresa with `employees` permanent employees in every month of 2024-2027.
fn firm(employees: u32) -> Utilizzatore {
    let mut headcounts = Headcounts::new();
    for year in 2016..=2027 {
        for month in 1..=12u8 {
            headcounts.insert(
                year,
                Month::try_from(month).unwrap(),
                MonthlyHeadcount::full_time(employees),
            );
        }
    }
    Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Bar Centrale Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_headcounts(headcounts)
}

fn events_firm() -> Utilizzatore {
    firm(4).with_ateco("82.30.00".parse().unwrap())
}

fn mario() -> Prestatore {
    Prestatore::new(
        "RSSMRA85T10A562S".parse().unwrap(),
        "Mario",
        "Rossi",
        date!(1985 - 12 - 10),
    )
    .unwrap()
}

/// A student under 25 (comma 8), counted at 75% in cap b.
fn student() -> Prestatore {
    Prestatore::new(
        "VRDGLI04D58H501E".parse().unwrap(),
        "Giulia",
        "Verdi",
        date!(2004 - 04 - 18),
    )
    .unwrap()
    .with_self_certification(
        SelfCertification::new(Categoria::Studente, date!(2022 - 09 - 01), None).unwrap(),
    )
}

fn rules(day: Date) -> &'static Rules {
    Rules::in_force_on(day).unwrap()
}

fn shift(start: OffsetDateTime, end: OffsetDateTime, compensi: &[u32]) -> Work {
    Work::cpo(
        start,
        end,
        compensi.iter().map(|e| Euro::from_euros(*e)).collect(),
        "Via Roma 1, Roma",
        "serving at the bar",
    )
}

fn ask(
    u: &Utilizzatore,
    p: &Prestatore,
    work: &Work,
    at: OffsetDateTime,
    ledger: &Ledger,
) -> Booking {
    assess_booking(u, p, work, at, ledger, &[]).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Every figure equals what the individual functions give
// ---------------------------------------------------------------------------------------------

#[test]
fn lf_figures_equal_the_individual_functions() {
    let day = date!(2026 - 03 - 10);
    let r = rules(day);
    let (u, p) = (family(), mario());
    let mut ledger = Ledger::default();
    // Some history with the same pair, so that the caps' used amounts are not zero.
    let earlier = Work::lf(
        date!(2026 - 02 - 10),
        600,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    )
    .with_id(PrestazioneId(1));
    for pr in ask(
        &u,
        &p,
        &earlier,
        datetime!(2026-02-10 20:00 +01:00),
        &ledger,
    )
    .prestazioni()
    {
        ledger.record(pr).unwrap();
    }
    let work = Work::lf(day, 140, LfActivity::AssistenzaDomiciliare, "Via Roma 1")
        .with_id(PrestazioneId(2));
    let asked = datetime!(2026-03-09 18:00 +01:00);
    let b = ask(&u, &p, &work, asked, &ledger);
    assert_eq!((b.instrument, b.choice.value), (LF, Choice::Requested));
    assert_eq!(b.days.len(), 1);
    let d = &b.days[0];

    let engagement = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    assert_eq!(
        b.lf_admissibility,
        Some(assess_admissibility(LF, &u, &p, &engagement, r).unwrap())
    );
    assert_eq!(
        b.cpo_admissibility,
        Some(assess_admissibility(CPO, &u, &p, &engagement, r).unwrap())
    );

    let titoli = titoli_for_minutes(140, r).unwrap();
    let cost = CostBreakdown::lf(titoli, r).unwrap();
    assert_eq!(d.pay.titoli, Some(titoli));
    assert_eq!(
        (d.pay.compenso, d.pay.minimum),
        (cost.compenso, cost.compenso)
    );
    assert_eq!(d.pay.citation, r.lf_titolo.citation);
    assert_eq!(d.cost.value, cost);
    assert_eq!(d.cost.citation, r.lf_titolo.citation);
    assert_eq!(
        d.communication.value,
        CommunicateBy::EndOfDay(lf_communication_deadline(day, r).unwrap())
    );
    assert_eq!(d.communication.citation, r.lf_communication_day.citation);
    assert_eq!(d.payment.value, payment_date(day, r).unwrap());
    assert_eq!(d.payment.citation, r.payment_day.citation);
    assert_eq!(d.revoca, None);
    assert!(d.notice.is_lawful());

    let record = Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(2),
        instrument: LF,
        prestatore: p.codice_fiscale(),
        utilizzatore: u.id(),
        day,
        minutes: 140,
        compenso: cost.compenso,
        special_category: false,
        steward: false,
        profile: u.cap_profile(r).unwrap(),
    })
    .unwrap();
    assert_eq!(d.prestazione, record);
    let assessment = ledger.assess(&record).unwrap();
    assert_eq!(d.assessment, assessment);
    assert_eq!(d.room_after, assessment.room());
    assert_eq!(
        b.room_before,
        ledger.room(&RoomQuery::for_prestazione(&record)).unwrap()
    );
    assert_eq!(
        d.limit_citation(RuleId::CapPrestatore),
        Some(&r.cap_prestatore.citation)
    );
    assert_eq!(
        d.limit_citation(RuleId::CapUtilizzatore),
        Some(&r.cap_utilizzatore.citation)
    );
    assert_eq!(
        d.limit_citation(RuleId::CapPair),
        Some(&r.cap_pair.citation)
    );
    assert_eq!(
        d.limit_citation(RuleId::Hours280),
        Some(&r.hours_per_pair.citation)
    );
    assert_eq!(
        (b.total_compenso, b.total_cost),
        (cost.compenso, cost.total)
    );
    assert_eq!(b.funds.needed, cost.total);
    assert!(b.is_lawful());
}

#[test]
fn cpo_figures_equal_the_individual_functions() {
    let day = date!(2026 - 03 - 07);
    let r = rules(day);
    let (u, p) = (events_firm(), student());
    let (start, end) = (
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:30 +01:00),
    );
    let asked = datetime!(2026-03-06 09:00 +01:00);
    let work = shift(start, end, &[41]).with_id(PrestazioneId(9));
    let mut account = FundsAccount::new(CPO);
    account
        .top_up(
            TopUp {
                channel: FundingChannel::F24Elide,
                causale: Some(Causale::Cloc),
                amount: Euro::from_euros(100),
                available_on: date!(2026 - 03 - 01),
            },
            r,
        )
        .unwrap();
    let ledger = Ledger::default();
    let b = assess_booking(&u, &p, &work, asked, &ledger, &[&account]).unwrap();
    let d = &b.days[0];

    let minimum = cpo_minimum_compenso(270, r).unwrap();
    assert_eq!(minimum, Euro::from_cents(4050)); // beyond 4 hours, 9,00 per hour pro rata
    assert_eq!(d.pay.minimum, minimum);
    assert_eq!(d.pay.compenso, Euro::from_euros(41));
    assert_eq!(d.pay.citation, r.cpo_min_hourly.citation);
    assert_eq!(
        d.pay.verdict,
        check_cpo_pay(Euro::from_euros(41), 270, r).unwrap()
    );
    assert!(d.pay.is_met());
    assert_eq!(d.pay.titoli, None);
    let cost = CostBreakdown::cpo(Euro::from_euros(41), r).unwrap();
    assert_eq!(d.cost.value, cost);
    assert_eq!(d.cost.citation, r.cpo_oneri_base.citation);
    assert_eq!(
        d.communication.value,
        CommunicateBy::Instant(cpo_communication_deadline(start, r).unwrap())
    );
    assert_eq!(d.communication.citation, r.cpo_notice_minutes.citation);
    assert_eq!(d.notice, check_cpo_communication(asked, start, r).unwrap());
    let revoca = d.revoca.as_ref().unwrap();
    assert_eq!(revoca.value, revoca_deadline(day, r).unwrap());
    assert_eq!(revoca.citation, r.revoca_days.citation);
    assert_eq!(d.payment.value, payment_date(day, r).unwrap());
    assert_eq!((d.start, d.end), (Some(start), Some(end)));

    let engagement = Engagement::on(day);
    assert_eq!(
        b.cpo_admissibility,
        Some(assess_admissibility(CPO, &u, &p, &engagement, r).unwrap())
    );
    assert_eq!(
        b.lf_admissibility,
        Some(assess_admissibility(LF, &u, &p, &engagement, r).unwrap())
    );
    let record = Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(9),
        instrument: CPO,
        prestatore: p.codice_fiscale(),
        utilizzatore: u.id(),
        day,
        minutes: 270,
        compenso: Euro::from_euros(41),
        special_category: p.special_category_on(day, r).is_some(),
        steward: false,
        profile: u.cap_profile(r).unwrap(),
    })
    .unwrap();
    assert!(record.special_category() && record.profile().events_sector);
    assert_eq!(d.prestazione, record);
    assert_eq!(d.assessment, ledger.assess(&record).unwrap());
    // The events list's cap b, cited with its amendment.
    assert_eq!(
        d.limit_citation(RuleId::CapUtilizzatore),
        Some(&r.cap_utilizzatore_events.citation)
    );
    // Funds: the account covers the cost on the day asked.
    assert_eq!(b.funds.needed, cost.total);
    assert_eq!(b.funds.available, Some(account.available_on(asked.date())));
    assert_eq!(b.funds.is_covered(), Some(true));
    assert!(b.is_lawful());
}

// ---------------------------------------------------------------------------------------------
// Worked examples through the booking call
// ---------------------------------------------------------------------------------------------

/// Source: worked example E1 (LF titolo split; circ. 107/2017).
#[test]
fn e1_lf_titoli_and_cost() {
    let (u, p, ledger) = (family(), mario(), Ledger::default());
    let asked = datetime!(2026-03-10 20:00 +01:00);
    let three_hours = Work::lf(
        date!(2026 - 03 - 10),
        180,
        LfActivity::AssistenzaDomiciliare,
        "Via Roma 1",
    );
    let b = ask(&u, &p, &three_hours, asked, &ledger);
    let d = &b.days[0];
    assert_eq!(d.pay.titoli, Some(3));
    assert_eq!(
        (d.cost.value.total, d.cost.value.compenso),
        (Euro::from_euros(30), Euro::from_euros(24))
    );
    // 1 h 20 min needs 2 whole titoli.
    let short = Work::lf(
        date!(2026 - 03 - 10),
        80,
        LfActivity::AssistenzaDomiciliare,
        "Via Roma 1",
    );
    assert_eq!(
        ask(&u, &p, &short, asked, &ledger).days[0].pay.titoli,
        Some(2)
    );
}

/// Source: worked example E2 (one CPO hour at 9,00 costs 12,41; reading R-ONERI-BASE). The
/// daily minimum of 36,00 applies to every day's prestazione, so 9,00 alone is below the floor.
#[test]
fn e2_one_cpo_hour_at_nine_euros() {
    let b = ask(
        &firm(3),
        &mario(),
        &shift(
            datetime!(2026-03-07 14:00 +01:00),
            datetime!(2026-03-07 15:00 +01:00),
            &[9],
        ),
        datetime!(2026-03-06 10:00 +01:00),
        &Ledger::default(),
    );
    let d = &b.days[0];
    assert_eq!(d.cost.value.total, Euro::from_cents(1241));
    assert_eq!(d.pay.minimum, Euro::from_euros(36));
    assert!(d.pay.verdict.breaches_rule(RuleId::CpoMinPay));
    assert!(!b.is_lawful());
}

/// Source: worked example E3 (the daily minimum 36,00 costs 49,64; reading R-ONERI-BASE).
#[test]
fn e3_cpo_daily_minimum_cost() {
    let b = ask(
        &firm(3),
        &mario(),
        &shift(
            datetime!(2026-03-07 14:00 +01:00),
            datetime!(2026-03-07 18:00 +01:00),
            &[36],
        ),
        datetime!(2026-03-06 10:00 +01:00),
        &Ledger::default(),
    );
    let cost = b.days[0].cost.value;
    assert_eq!(
        (cost.ivs, cost.inail, cost.oneri, cost.total),
        (
            Euro::from_cents(1188),
            Euro::from_cents(126),
            Euro::from_cents(50),
            Euro::from_cents(4964)
        )
    );
    assert!(b.is_lawful());
}

/// Source: worked example E4 (22:00-02:00 is two prestazioni with 36,00 each; reading
/// R-MIDNIGHT). The second day counts the first toward the caps.
#[test]
fn e4_across_midnight_two_prestazioni() {
    let (u, p) = (firm(3), mario());
    let night = shift(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        &[36, 36],
    )
    .with_id(PrestazioneId(5));
    let b = ask(
        &u,
        &p,
        &night,
        datetime!(2026-03-06 10:00 +01:00),
        &Ledger::default(),
    );
    assert!(b.is_lawful());
    assert_eq!(b.days.len(), 2);
    let minimum = Euro::checked_sum(b.days.iter().map(|d| d.pay.minimum)).unwrap();
    assert_eq!(minimum, Euro::from_euros(72));
    assert_eq!(b.total_compenso, Euro::from_euros(72));
    let ids: Vec<_> = b.prestazioni().map(Prestazione::id).collect();
    assert_eq!(ids, [PrestazioneId(5), PrestazioneId(6)]);
    let pair = |d: usize| b.days[d].assessment.cap_pair.as_ref().unwrap().used;
    assert_eq!(
        (pair(0), pair(1)),
        (Euro::ZERO.as_decimal(), Euro::from_euros(36).as_decimal())
    );
    // The second day is communicated 60 minutes before midnight.
    assert_eq!(
        b.days[1].communication.value,
        CommunicateBy::Instant(datetime!(2026-03-07 23:00 +01:00))
    );
    // One compenso for two days is bad input.
    let one = shift(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        &[72],
    );
    let err = assess_booking(
        &u,
        &p,
        &one,
        datetime!(2026-03-06 10:00 +01:00),
        &Ledger::default(),
        &[],
    )
    .unwrap_err();
    assert_eq!(
        err,
        BookingError::Communication(CommunicationError::CompensiCount { given: 1, days: 2 })
    );
}

/// Source: worked example E5 (jethr: three prestatori at 2.500,00, one a student: counted
/// 6.875,00; room 3.125,00 counted, 4.166,66 nominal for a comma-8 prestatore, errata C12).
#[test]
fn e5_cap_b_counted_and_nominal_room() {
    let u = firm(3);
    let mut ledger = Ledger::default();
    let others = [
        ("BNCGNN60A01H501P", date!(1960 - 01 - 01)),
        ("RSSMRA85T10A562S", date!(1985 - 12 - 10)),
    ];
    let mut id = 1;
    for (i, (cf, born)) in others.iter().enumerate() {
        let p = Prestatore::new(cf.parse().unwrap(), "A", "B", *born).unwrap();
        let day =
            Date::from_calendar_date(2026, Month::February, u8::try_from(i + 2).unwrap()).unwrap();
        let start = day
            .with_time(Time::from_hms(9, 0, 0).unwrap())
            .assume_offset(offset!(+1));
        let w = shift(start, start + Duration::hours(8), &[2_500]).with_id(PrestazioneId(id));
        for pr in ask(&u, &p, &w, start - Duration::days(1), &ledger).prestazioni() {
            ledger.record(pr).unwrap();
        }
        id += 1;
    }
    let s = student();
    let w = shift(
        datetime!(2026-02-10 09:00 +01:00),
        datetime!(2026-02-10 17:00 +01:00),
        &[2_500],
    )
    .with_id(PrestazioneId(id));
    for pr in ask(&u, &s, &w, datetime!(2026-02-09 09:00 +01:00), &ledger).prestazioni() {
        ledger.record(pr).unwrap();
    }
    // A fourth prestatore, also a student: ask about a small shift.
    let other_student = Prestatore::new(
        "VRDLCU03A01H501R".parse().unwrap(),
        "Luca",
        "Verdi",
        date!(2003 - 01 - 01),
    )
    .unwrap()
    .with_self_certification(
        SelfCertification::new(Categoria::Studente, date!(2021 - 09 - 01), None).unwrap(),
    );
    let w = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    )
    .with_id(PrestazioneId(id + 1));
    let b = ask(
        &u,
        &other_student,
        &w,
        datetime!(2026-03-06 09:00 +01:00),
        &ledger,
    );
    let cap_b = b
        .room_before
        .caps
        .iter()
        .find(|c| c.rule == RuleId::CapUtilizzatore)
        .unwrap();
    assert_eq!(cap_b.used, "6875".parse().unwrap());
    assert_eq!(cap_b.headroom, "4166.66".parse().unwrap());
    assert_eq!(
        cap_b.to_string(),
        "CAP-UTILIZZATORE-TOTAL: counted 6.875,00 € of 10.000,00 € (compensi to comma-8 prestatori, this one included, counted at 75%); room 3.125,00 € counted, i.e. 3.125,00 € to an ordinary prestatore or 4.166,66 € to this one"
    );
    // The room before is set by cap c of the new pair (2.500,00 < 4.166,66).
    assert_eq!(
        (b.room_before.compenso, b.room_before.binding),
        (Euro::from_euros(2_500), RuleId::CapPair)
    );
}

/// Source: worked example E6 (CPO 14:00-18:00 on Saturday 7/3/2026: communicate by 13:00,
/// compenso at least 36,00, revoca until 24:00 of 10/3, paid by 15/4; LF in March: communicate
/// by 3/4, paid by 15/4).
#[test]
fn e6_communication_and_payment_calendar() {
    let b = ask(
        &firm(3),
        &mario(),
        &shift(
            datetime!(2026-03-07 14:00 +01:00),
            datetime!(2026-03-07 18:00 +01:00),
            &[36],
        ),
        datetime!(2026-03-07 13:00 +01:00),
        &Ledger::default(),
    );
    let d = &b.days[0];
    assert_eq!(
        d.communication.value,
        CommunicateBy::Instant(datetime!(2026-03-07 13:00 +01:00))
    );
    assert!(d.notice.is_lawful()); // 60 minutes exactly is in time
    assert_eq!(d.pay.minimum, Euro::from_euros(36));
    assert_eq!(
        d.revoca.as_ref().map(|r| r.value),
        Some(date!(2026 - 03 - 10))
    );
    assert_eq!(d.payment.value, date!(2026 - 04 - 15));
    for day in [date!(2026 - 03 - 01), date!(2026 - 03 - 31)] {
        let lf = ask(
            &family(),
            &mario(),
            &Work::lf(day, 60, LfActivity::PiccoliLavoriDomestici, "Via Roma 1"),
            datetime!(2026-04-01 10:00 +02:00),
            &Ledger::default(),
        );
        assert_eq!(
            lf.days[0].communication.value,
            CommunicateBy::EndOfDay(date!(2026 - 04 - 03))
        );
        assert_eq!(lf.days[0].payment.value, date!(2026 - 04 - 15));
    }
}

// ---------------------------------------------------------------------------------------------
// Refusals and choices
// ---------------------------------------------------------------------------------------------

/// A booking the ledger refuses: cap c would be passed; the answer names the rule, the
/// consequence and the room that was left, and recording it would be refused too.
#[test]
fn a_booking_the_ledger_refuses() {
    let (u, p) = (firm(3), mario());
    let mut ledger = Ledger::default();
    let big = shift(
        datetime!(2026-02-07 09:00 +01:00),
        datetime!(2026-02-07 17:00 +01:00),
        &[2_480],
    );
    for pr in ask(&u, &p, &big, datetime!(2026-02-06 09:00 +01:00), &ledger).prestazioni() {
        ledger.record(pr).unwrap();
    }
    let more = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    )
    .with_id(PrestazioneId(2));
    let b = ask(&u, &p, &more, datetime!(2026-03-06 09:00 +01:00), &ledger);
    assert!(!b.is_lawful());
    assert!(b.days[0].pay.is_met() && b.days[0].notice.is_lawful());
    let verdict = b.verdict();
    assert_eq!(verdict.breaches.len(), 1);
    assert_eq!(verdict.breaches[0].rule, RuleId::CapPair);
    assert_eq!(
        verdict.breaches[0].consequence,
        Consequence::Conversion {
            from: date!(2026 - 03 - 07)
        }
    );
    assert_eq!(
        (b.room_before.compenso, b.room_before.binding),
        (Euro::from_euros(20), RuleId::CapPair)
    );
    assert_eq!(b.room_after().unwrap().compenso, Euro::ZERO);
    assert!(ledger.record(&b.days[0].prestazione).is_err());
    assert!(
        b.to_string()
            .contains("\n  room before it: 20,00 €, set by CAP-PAIR")
    );
}

#[test]
fn whichever_is_lawful() {
    let asked = datetime!(2026-03-09 10:00 +01:00);
    let (start, end) = (
        datetime!(2026-03-10 15:00 +01:00),
        datetime!(2026-03-10 17:00 +01:00),
    );
    let ledger = Ledger::default();
    let sitting = Work::whichever(
        start,
        end,
        vec![Euro::from_euros(40)],
        "Via Roma 1",
        "baby-sitting",
    )
    .with_lf_activity(LfActivity::AssistenzaDomiciliare);
    // A family, household work: the Libretto Famiglia (its titoli, not the proposed 40,00).
    let b = ask(&family(), &mario(), &sitting, asked, &ledger);
    assert_eq!((b.instrument, b.choice.value), (LF, Choice::LfLawful));
    assert_eq!(b.total_compenso, Euro::from_euros(16));
    assert!(b.is_lawful());
    // A firm: the CPO, at the proposed 40,00.
    let b = ask(&firm(3), &mario(), &sitting, asked, &ledger);
    assert_eq!((b.instrument, b.choice.value), (CPO, Choice::CpoLawful));
    assert_eq!(b.total_compenso, Euro::from_euros(40));
    assert!(b.admissibility(LF).unwrap().breaches_rule(RuleId::LfUsers));
    // A family, work outside c. 10: neither; the CPO is what is left, with both reasons.
    let plumbing = Work::whichever(
        start,
        end,
        vec![Euro::from_euros(40)],
        "Via Roma 1",
        "plumbing",
    );
    let b = ask(&family(), &mario(), &plumbing, asked, &ledger);
    assert_eq!((b.instrument, b.choice.value), (CPO, Choice::NeitherLawful));
    assert!(
        b.admissibility(LF)
            .unwrap()
            .breaches_rule(RuleId::LfActivities)
    );
    assert!(b.verdict().breaches_rule(RuleId::CpoUsers));
    assert!(!b.is_lawful());
    // A firm too big for the CPO: neither, the CPO (c. 14 lett. a).
    let b = ask(&firm(11), &mario(), &sitting, asked, &ledger);
    assert_eq!((b.instrument, b.choice.value), (CPO, Choice::NeitherLawful));
    assert!(b.verdict().breaches_rule(RuleId::ProhibSize));
}

/// An LF booking of an utilizzatore without headcounts: the CPO's size test cannot be answered,
/// so its verdict is absent rather than the booking failing.
#[test]
fn the_other_instrument_may_be_unanswerable() {
    let club = Utilizzatore::new(
        "00743110157".parse().unwrap(),
        "AS Roma Spa",
        UtilizzatoreKind::SocietaSportiva,
    )
    .unwrap();
    let work = Work::lf(
        date!(2026 - 03 - 08),
        240,
        LfActivity::Steward,
        "Stadio Olimpico",
    );
    let b = ask(
        &club,
        &mario(),
        &work,
        datetime!(2026-03-08 20:00 +01:00),
        &Ledger::default(),
    );
    assert!(b.is_lawful());
    assert_eq!(b.cpo_admissibility, None);
    assert!(b.days[0].limit_citation(RuleId::CapSteward).is_some());
    assert!(b.to_string().contains("\n  CPO: not assessed"));
    // Asked about the CPO, the missing headcounts are the error.
    let cpo = shift(
        datetime!(2026-03-08 14:00 +01:00),
        datetime!(2026-03-08 18:00 +01:00),
        &[36],
    );
    assert!(matches!(
        assess_booking(
            &club,
            &mario(),
            &cpo,
            datetime!(2026-03-07 10:00 +01:00),
            &Ledger::default(),
            &[]
        ),
        Err(BookingError::Admissibility(_))
    ));
}

#[test]
fn late_notices() {
    // CPO: 59 minutes ahead is late and fined; for a PA, unlawful use without a fine.
    let work = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    );
    let b = ask(
        &firm(3),
        &mario(),
        &work,
        datetime!(2026-03-07 13:01 +01:00),
        &Ledger::default(),
    );
    assert!(!b.is_lawful());
    let breach = &b.verdict().breaches[0];
    assert_eq!(breach.rule, RuleId::CpoComm);
    assert!(matches!(
        breach.consequence,
        Consequence::AdministrativeFine { units: 1, .. }
    ));
    let comune = Utilizzatore::new(
        "00743110157".parse().unwrap(),
        "Comune di Prova",
        UtilizzatoreKind::PubblicaAmministrazione,
    )
    .unwrap();
    let pa_work = work.clone().with_pa_purpose(PaPurpose::Events);
    let b = ask(
        &comune,
        &mario(),
        &pa_work,
        datetime!(2026-03-07 13:01 +01:00),
        &Ledger::default(),
    );
    assert_eq!(
        b.verdict().breaches[0].consequence,
        Consequence::UnlawfulUsePa
    );
    // LF: communicated after the 3rd of the next month, late without a sanction.
    let lf = Work::lf(
        date!(2026 - 03 - 10),
        60,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    );
    let b = ask(
        &family(),
        &mario(),
        &lf,
        datetime!(2026-04-04 09:00 +02:00),
        &Ledger::default(),
    );
    assert!(!b.is_lawful());
    assert_eq!(b.verdict().breaches[0].rule, RuleId::LfComm);
    assert_eq!(b.verdict().breaches[0].consequence, Consequence::NoSanction);
}

#[test]
fn funds_of_the_chosen_instrument() {
    let day = date!(2026 - 03 - 05);
    let top_up = |account: &mut FundsAccount, euros: u32| {
        account
            .top_up(
                TopUp {
                    channel: FundingChannel::PagoPa,
                    causale: None,
                    amount: Euro::from_euros(euros),
                    available_on: day,
                },
                rules(day),
            )
            .unwrap();
    };
    let (mut lf_account, mut cpo_account) = (FundsAccount::new(LF), FundsAccount::new(CPO));
    top_up(&mut lf_account, 100);
    top_up(&mut cpo_account, 40);
    let work = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    );
    let asked = datetime!(2026-03-06 10:00 +01:00);
    let ledger = Ledger::default();
    // Both accounts given: the CPO one is checked, and 40,00 does not cover 49,64.
    let b = assess_booking(
        &firm(3),
        &mario(),
        &work,
        asked,
        &ledger,
        &[&lf_account, &cpo_account],
    )
    .unwrap();
    assert_eq!(
        (b.funds.needed, b.funds.available),
        (Euro::from_cents(4964), Some(Euro::from_euros(40)))
    );
    assert_eq!(b.funds.is_covered(), Some(false));
    let breach = &b.funds.verdict.breaches[0];
    assert_eq!(
        (breach.rule, &breach.consequence),
        (RuleId::CpoFunding, &Consequence::PlatformRefusal)
    );
    assert_eq!(
        breach.facts,
        "the CPO account has 40,00 € available on 2026-03-06, less than the 49,64 € the booking costs"
    );
    // Funds are not part of the lawful flag: the work is lawful, the platform waits for a top-up.
    assert!(b.is_lawful());
    // Only the LF account: nothing to check for a CPO booking.
    let b = assess_booking(&firm(3), &mario(), &work, asked, &ledger, &[&lf_account]).unwrap();
    assert_eq!(b.funds.is_covered(), None);
    // Two CPO accounts are ambiguous.
    assert_eq!(
        assess_booking(
            &firm(3),
            &mario(),
            &work,
            asked,
            &ledger,
            &[&cpo_account, &cpo_account]
        )
        .unwrap_err()
        .to_string(),
        "funds: 2 accounts for the CPO, pass at most one per instrument"
    );
}

// ---------------------------------------------------------------------------------------------
// Errors name the field
// ---------------------------------------------------------------------------------------------

#[test]
fn errors_are_pinned() {
    let (u, p, ledger) = (firm(3), mario(), Ledger::default());
    let asked = datetime!(2026-03-06 10:00 +01:00);
    let mut work = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    );
    work.schedule = Schedule::Day {
        day: date!(2026 - 03 - 07),
        minutes: 240,
    };
    let message = |w: &Work, u: &Utilizzatore| {
        assess_booking(u, &p, w, asked, &ledger, &[])
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(&work, &u),
        "schedule: a CPO booking needs the start and end instants (art. 54-bis c. 17 lett. d D.L. 50/2017), not a day and a duration"
    );
    let mut lf = Work::lf(
        date!(2026 - 03 - 10),
        60,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    );
    lf.lf_activity = None;
    assert_eq!(
        message(&lf, &family()),
        "lf_activity: a Libretto Famiglia booking needs one of the activities of art. 54-bis c. 10 D.L. 50/2017"
    );
    let mut lf = Work::lf(
        date!(2026 - 03 - 10),
        60,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    );
    lf.compensi = vec![Euro::from_euros(10)];
    assert_eq!(
        message(&lf, &family()),
        "compensi: the Libretto Famiglia pays the whole titoli the duration needs (art. 54-bis c. 10-11 D.L. 50/2017), not a proposed compenso: leave compensi empty"
    );
    let nowhere = Work {
        place: " ".into(),
        ..shift(
            datetime!(2026-03-07 14:00 +01:00),
            datetime!(2026-03-07 18:00 +01:00),
            &[36],
        )
    };
    assert_eq!(message(&nowhere, &u), "place is empty");
    let backwards = shift(
        datetime!(2026-03-07 18:00 +01:00),
        datetime!(2026-03-07 14:00 +01:00),
        &[36],
    );
    assert_eq!(
        message(&backwards, &u),
        "end 2026-03-07 14:00:00.0 +01:00:00 is not after start 2026-03-07 18:00:00.0 +01:00:00"
    );
    let zero = Work::lf(
        date!(2026 - 03 - 10),
        0,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    );
    assert_eq!(
        message(&zero, &family()),
        "minutes is 0: a prestazione lasts at least one minute"
    );
    let early = Work::lf(
        date!(2017 - 01 - 10),
        60,
        LfActivity::PiccoliLavoriDomestici,
        "Via Roma 1",
    );
    assert!(message(&early, &family()).contains("2017-01-10"));
    // An id already in the ledger.
    let mut ledger = Ledger::default();
    let w = shift(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
    );
    for pr in ask(&u, &p, &w, asked, &ledger).prestazioni() {
        ledger.record(pr).unwrap();
    }
    assert_eq!(
        assess_booking(&u, &p, &w, asked, &ledger, &[])
            .unwrap_err()
            .to_string(),
        "prestazione #1 is already in the ledger (duplicate id)"
    );
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

#[test]
fn display_of_an_lf_booking_is_pinned() {
    let b = ask(
        &family(),
        &mario(),
        &Work::lf(
            date!(2026 - 03 - 10),
            140,
            LfActivity::AssistenzaDomiciliare,
            "Via Roma 1",
        ),
        datetime!(2026-03-10 20:00 +01:00),
        &Ledger::default(),
    );
    assert_eq!(
        b.to_string(),
        "LF booking asked at 2026-03-10 20:00 +01:00: lawful
  instrument: LF (as asked; art. 54-bis c. 6, 10 D.L. 50/2017)
  LF: admissible
  CPO: not admissible
    CPO-USERS: a persona fisica outside any business or professional activity uses the Libretto Famiglia, not the CPO (art. 54-bis c. 6 lett. b D.L. 50/2017); consequence: unlawful use: the prestazione may not be acquired
  2026-03-10, 2 h 20 min, prestazione #1
    pay: 3 titoli for 2 h 20 min, 24,00 € (art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017)
    cost: 30,00 € = compenso 24,00 € + IVS 4,95 € + INAIL 0,75 € + oneri 0,30 € (art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017)
    communicate by 23:59:59 of 2026-04-03 (art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017; reading R-LF-COMM: by 23:59:59 of the 3rd day of the next month): in time
    INPS pays by 2026-04-15 (art. 54-bis c. 18 D.L. 50/2017; INPS circ. 107/2017; reading R-PAYMENT-DAY: the 15th of the next month, whatever weekday)
    caps: within every cap
  funds: 30,00 € needed on 2026-03-10, no LF account given (art. 54-bis c. 10 D.L. 50/2017; INPS circ. 107/2017)
  after it:
    CAP-PRESTATORE-TOTAL: used 0,00 € + 24,00 € = 24,00 € of 5.000,00 €; room 4.976,00 € (art. 54-bis c. 1 lett. a D.L. 50/2017; INPS circ. 107/2017)
    CAP-UTILIZZATORE-TOTAL: counted 0,00 € + 24,00 € = 24,00 € of 10.000,00 € (compensi to comma-8 prestatori counted at their c. 8 weight, this prestatore's in full); room 9.976,00 € (art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023)
    CAP-PAIR: used 0,00 € + 24,00 € = 24,00 € of 2.500,00 €; room 2.476,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)
    HOURS-280: used 0 h 00 min + 2 h 20 min = 2 h 20 min of 280 h 00 min; 277 h 40 min left (art. 54-bis c. 20 D.L. 50/2017)
  room after it: 2.476,00 € (309 titoli), set by CAP-PAIR; 277 h 40 min left under the hour limit"
    );
}

#[test]
fn display_of_caps_room_and_assessment_is_pinned() {
    let p = |id: u64, euros: u32, minutes: u32| {
        Prestazione::try_from(PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: CPO,
            prestatore: "RSSMRA85T10A562S".parse().unwrap(),
            utilizzatore: "12345670157".parse().unwrap(),
            day: date!(2026 - 03 - 07),
            minutes,
            compenso: Euro::from_euros(euros),
            special_category: false,
            steward: false,
            profile: CapProfile::default(),
        })
        .unwrap()
    };
    let mut ledger = Ledger::default().with_warning_thresholds(&[80]).unwrap();
    ledger.record(&p(1, 2_480, 1_500)).unwrap();
    let a = ledger.assess(&p(2, 36, 240)).unwrap();
    assert_eq!(
        a.to_string(),
        "prestazione #2 on 2026-03-07: breaches CAP-PAIR
  CAP-PAIR: the prestatore's compensi from this utilizzatore in 2026 would total 2.516,00 €, above the cap of 2.500,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017); consequence: conversion into a full-time open-ended employment from 2026-03-07
  CAP-PRESTATORE-TOTAL: used 2.480,00 € + 36,00 € = 2.516,00 € of 5.000,00 €; room 2.484,00 €
  CAP-UTILIZZATORE-TOTAL: counted 2.480,00 € + 36,00 € = 2.516,00 € of 10.000,00 € (compensi to comma-8 prestatori counted at their c. 8 weight, this prestatore's in full); room 7.484,00 €
  CAP-PAIR: used 2.480,00 € + 36,00 € = 2.516,00 € of 2.500,00 €, over by 16,00 €; room 0,00 € (warning: 80% of the cap reached)
  HOURS-280: used 25 h 00 min + 4 h 00 min = 29 h 00 min of 280 h 00 min; 251 h 00 min left"
    );
    let room = ledger
        .room(&RoomQuery::for_prestazione(&p(3, 1, 1)))
        .unwrap();
    assert_eq!(
        room.to_string(),
        "room 20,00 €, set by CAP-PAIR; 255 h 00 min left under the hour limit
  CAP-PRESTATORE-TOTAL: used 2.480,00 € of 5.000,00 €; room 2.520,00 €
  CAP-UTILIZZATORE-TOTAL: counted 2.480,00 € of 10.000,00 € (compensi to comma-8 prestatori counted at their c. 8 weight, this prestatore's in full); room 7.520,00 €
  CAP-PAIR: used 2.480,00 € of 2.500,00 €; room 20,00 € (warning: 80% of the cap reached)"
    );
    assert_eq!(
        a.hours.unwrap().to_string(),
        "HOURS-280: used 25 h 00 min + 4 h 00 min = 29 h 00 min of 280 h 00 min; 251 h 00 min left"
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_booking_serialises_with_amounts_as_strings() {
    let b = ask(
        &family(),
        &mario(),
        &Work::lf(
            date!(2026 - 03 - 10),
            140,
            LfActivity::AssistenzaDomiciliare,
            "Via Roma 1",
        ),
        datetime!(2026-03-10 20:00 +01:00),
        &Ledger::default(),
    );
    let json = serde_json::to_value(&b).unwrap();
    assert_eq!(json["instrument"], "LibrettoFamiglia");
    assert_eq!(json["total_cost"], "30.00");
    assert_eq!(json["days"][0]["pay"]["titoli"], 3);
    assert_eq!(json["choice"]["value"], "Requested");
    let work = Work::lf(
        date!(2026 - 03 - 10),
        140,
        LfActivity::AssistenzaDomiciliare,
        "Via Roma 1",
    );
    let back: Work = serde_json::from_str(&serde_json::to_string(&work).unwrap()).unwrap();
    assert_eq!(back, work);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A realistic question: a family or a small firm, a shift in 2026 of 1 to 10 hours, a
/// compenso, asked between three days before and two hours after the start, with a pair
/// history of up to 2.600,00.
fn realistic() -> impl Strategy<Value = (bool, Option<bool>, u32, u32, u32, i64, u32, bool)> {
    (
        any::<bool>(),                   // family?
        prop::option::of(any::<bool>()), // requested instrument: LF?
        0u32..360,                       // day of the year
        0u32..(18 * 60),                 // start minute of the day
        1u32..600,                       // minutes
        -(3 * 24 * 60)..120i64,          // asked, minutes from the start
        0u32..26_000,                    // history, in tenths of euro
        any::<bool>(),                   // a student?
    )
}

proptest! {
    #![proptest_config(config(96))]

    /// The answer's lawful flag is admissibility && pay && caps && notice, and its verdict is
    /// empty exactly then.
    #[test]
    fn lawful_is_admissibility_pay_caps_and_notice(
        (is_family, lf, day, start_minute, minutes, asked_offset, history, is_student) in realistic(),
        compenso_cents in 100u64..20_000,
    ) {
        let u = if is_family { family() } else { firm(3) };
        let p = if is_student { student() } else { mario() };
        let day = date!(2026 - 01 - 01) + Duration::days(i64::from(day));
        let start = day.midnight().assume_offset(offset!(+1)) + Duration::minutes(i64::from(start_minute));
        let end = start + Duration::minutes(i64::from(minutes));
        let asked = start + Duration::minutes(asked_offset);
        let mut ledger = Ledger::default();
        if history > 0 {
            let h = Prestazione::try_from(PrestazioneDraft {
                id: PrestazioneId(1_000),
                instrument: if is_family { LF } else { CPO },
                prestatore: p.codice_fiscale(),
                utilizzatore: u.id(),
                day: date!(2026 - 01 - 01),
                minutes: 600,
                // A Libretto Famiglia history is whole titoli of 8,00, at least one per hour
                // (LF-TITOLO): 10 titoli for its 600 minutes.
                compenso: if is_family {
                    Euro::from_euros((history / 80).max(10) * 8)
                } else {
                    Euro::from_cents(u64::from(history) * 10)
                },
                special_category: false,
                steward: false,
                profile: CapProfile::default(),
            }).unwrap();
            ledger.record_with(&h, prestazioni_occasionali::RecordPolicy::RecordConversionBreaches).ok();
        }
        let compensi = vec![Euro::from_cents(compenso_cents); 2];
        let mut work = match lf {
            Some(true) => Work::lf(day, minutes, LfActivity::AssistenzaDomiciliare, "Via Roma 1"),
            Some(false) => Work::cpo(start, end, compensi, "Via Roma 1", "work"),
            None => Work::whichever(start, end, compensi, "Via Roma 1", "work")
                .with_lf_activity(LfActivity::PiccoliLavoriDomestici),
        };
        if let (Schedule::Span { start, end }, false) = (work.schedule, lf == Some(true)) {
            // One compenso per calendar day.
            work.compensi.truncate(if start.date() == end.date() || end.time() == Time::MIDNIGHT { 1 } else { 2 });
        }
        match assess_booking(&u, &p, &work, asked, &ledger, &[]) {
            Ok(b) => {
                let admissible = b.admissibility(b.instrument).is_some_and(prestazioni_occasionali::Verdict::is_lawful);
                let pay = b.days.iter().all(|d| d.pay.is_met());
                let caps = b.days.iter().all(|d| d.assessment.is_lawful());
                let notice = b.days.iter().all(|d| d.notice.is_lawful());
                prop_assert_eq!(b.is_lawful(), admissible && pay && caps && notice);
                prop_assert_eq!(b.verdict().is_lawful(), b.is_lawful());
                prop_assert!(!b.to_string().is_empty());
                let total = Euro::checked_sum(b.days.iter().map(|d| d.cost.value.total)).unwrap();
                prop_assert_eq!(b.total_cost, total);
            }
            Err(e) => {
                // The only bad input this strategy can produce: a split that gives a day
                // of less than a minute, or compensi not one per day.
                let message = e.to_string();
                prop_assert!(
                    matches!(
                        e,
                        BookingError::Communication(
                            CommunicationError::CompensiCount { .. } | CommunicationError::Instrument(_)
                        ) | BookingError::Instrument(_)
                    ),
                    "unexpected error: {message}"
                );
            }
        }
    }

    /// `Ledger::assess_all` gives what recording the prestazioni one after the other gives, as
    /// long as none is refused, and changes nothing.
    #[test]
    fn assess_all_equals_recording_in_turn(
        items in prop::collection::vec((0u32..3, 0u32..2, any::<bool>(), 1u64..150_000, 1u32..600, any::<bool>()), 1..6),
        history in 0u64..250_000,
    ) {
        let cf = ["RSSMRA85T10A562S", "BNCGNN60A01H501P", "VRDGLI04D58H501E"];
        let ids = ["12345670157", "00743110157"];
        let draft = |id: u64, (p, u, next_year, cents, minutes, special): (u32, u32, bool, u64, u32, bool)| {
            Prestazione::try_from(PrestazioneDraft {
                id: PrestazioneId(id),
                instrument: CPO,
                prestatore: cf[p as usize].parse().unwrap(),
                utilizzatore: ids[u as usize].parse().unwrap(),
                day: if next_year { date!(2027 - 01 - 01) } else { date!(2026 - 12 - 31) },
                minutes,
                compenso: Euro::from_cents(cents),
                special_category: special,
                steward: false,
                profile: CapProfile::default(),
            })
            .unwrap()
        };
        let mut ledger = Ledger::default();
        ledger.record_with(&draft(100, (0, 0, false, history + 1, 600, false)), prestazioni_occasionali::RecordPolicy::RecordConversionBreaches).ok();
        let ps: Vec<Prestazione> = items.into_iter().enumerate().map(|(i, it)| draft(i as u64 + 1, it)).collect();
        let before = ledger.clone();
        let together = ledger.assess_all(&ps).unwrap();
        prop_assert!(ledger == before);
        prop_assert_eq!(&together[0], &ledger.assess(&ps[0]).unwrap());
        let mut trial = ledger.clone();
        for (p, expected) in ps.iter().zip(&together) {
            match trial.record_with(p, prestazioni_occasionali::RecordPolicy::RecordConversionBreaches) {
                Ok(recorded) => prop_assert_eq!(&recorded.assessment, expected),
                Err(_) => break,
            }
        }
    }

    /// Nothing panics on arbitrary input: dates at the limits of `time`, odd offsets,
    /// arbitrary minutes, amounts and ids.
    #[test]
    fn nothing_panics_on_arbitrary_input(
        day in any_date(),
        minutes in prop_oneof![Just(0u32), Just(1500), Just(1501), Just(u32::MAX), any::<u32>(), 0u32..3000],
        start in any_instant(),
        length in prop_oneof![Just(0i64), Just(-1), 1i64..100_000, -(1i64 << 40)..(1i64 << 40)],
        asked in any_instant(),
        cents in prop::collection::vec(prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>(), 0u64..100_000], 0..4),
        first_id in prop_oneof![Just(u64::MAX), Just(u64::MAX - 1), any::<u64>()],
        kind in 0u8..4,
        place in prop_oneof![Just(String::new()), Just(" ".to_owned()), any::<String>(), "[A-Za-z ]{1,20}"],
    ) {
        let end = start.checked_add(Duration::minutes(length)).unwrap_or(start);
        let compensi: Vec<Euro> = cents.into_iter().map(Euro::from_cents).collect();
        let mut work = match kind {
            0 => Work::lf(day, minutes, LfActivity::AssistenzaDomiciliare, place.clone()),
            1 => Work::cpo(start, end, compensi, place.clone(), "work"),
            2 => Work::whichever(start, end, compensi, place.clone(), place.clone()),
            _ => Work { schedule: Schedule::Day { day, minutes }, ..Work::whichever(start, end, compensi, place.clone(), "x") },
        };
        work.first_id = PrestazioneId(first_id);
        let u = if kind % 2 == 0 { family() } else { firm(3) };
        let result = assess_booking(&u, &mario(), &work, asked, &Ledger::default(), &[]);
        match result {
            Ok(b) => { prop_assert!(!b.to_string().is_empty()); }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.is_empty() && !message.ends_with('.'), "{}", message);
            }
        }
    }
}

/// Days at the limits of `time` as well as ordinary ones.
fn any_date() -> impl Strategy<Value = Date> {
    let min = Date::MIN.to_julian_day();
    let max = Date::MAX.to_julian_day();
    prop_oneof![
        Just(Date::MIN),
        Just(Date::MAX),
        (min..=max).prop_map(|j| Date::from_julian_day(j).unwrap()),
        (2_457_900i32..2_463_000).prop_map(|j| Date::from_julian_day(j).unwrap()),
    ]
}

fn any_instant() -> impl Strategy<Value = OffsetDateTime> {
    let offset = prop_oneof![
        Just(offset!(+1)),
        Just(offset!(+2)),
        Just(UtcOffset::UTC),
        (-25i8..=25).prop_map(|h| UtcOffset::from_hms(h, 0, 0).unwrap()),
    ];
    let time = prop_oneof![
        Just(Time::MIDNIGHT),
        Just(Time::from_hms_nano(23, 59, 59, 999_999_999).unwrap()),
        (0u8..24, 0u8..60).prop_map(|(h, m)| Time::from_hms(h, m, 0).unwrap()),
    ];
    (any_date(), time, offset).prop_map(|(d, t, o)| d.with_time(t).assume_offset(o))
}
