//! A year played through the public API only, as a host would: the Bianchi family pays a
//! baby-sitter through the Libretto Famiglia, Trattoria Da Paolo Srl (a restaurant with 6
//! permanent employees) books waiters through the CPO. Admissibility, pay, cost, deadlines, the
//! ledger's room and refusals, the prestatore's registration and her Scrivania; every figure
//! comes from the legal reference (`law`), named in each test's `Source:` line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AccessChannel, AccountKind, AddressDraft, Categoria, CommunicatedPrestazione, Consequence,
    ContactChannel, ContactsDraft, CostBreakdown, CpoCommunication, CpoWork, DocumentDraft,
    DocumentKind, Engagement, Euro, Headcounts, Instrument, ItalianClock, Ledger, LfActivity,
    LfCommunication, LfWork, MonthlyHeadcount, PaymentDraft, PaymentMode, Prestatore, Prestazione,
    PrestazioneId, PrestazioneStatus, RecordError, Registration, RegistrationDraft,
    RegistrationEvent, RegistrationState, RoomQuery, RuleId, Rules, RulesTable, Scrivania,
    SelfCertification, Sex, SpidLevel, Utilizzatore, UtilizzatoreKind, assess_admissibility,
    cpo_minimum_compenso, fine_totals, payment_date,
};
use time::macros::{date, datetime, time};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

/// Giulia Verdi, the baby-sitter: born in Rome on 18/4/1999.
const GIULIA: &str = "VRDGLI99D58H501D";
/// The waiters: Paolo Bruno (born 1/1/1980), Francesco Colombo (10/5/1975) and Laura Marini, a
/// student born 5/8/2005 (under 25 throughout 2026).
const PAOLO: &str = "BRNPLA80A01H501S";
const FRANCESCO: &str = "CLMFNC75E10F205N";
const LAURA: &str = "MRNLRA05M45H501F";
/// A fourth prestatore the trattoria is thinking of.
const MARIO: &str = "RSSMRA85T10A562S";

fn table() -> &'static RulesTable {
    RulesTable::embedded()
}

fn rules(day: Date) -> &'static Rules {
    Rules::in_force_on(day).unwrap()
}

/// The instant of an Italian local time (the crate's clock, reading R-CIVIL-TIME; the host could as
/// well pass UTC instants).
fn rome(day: Date, at: Time) -> OffsetDateTime {
    ItalianClock::embedded()
        .instant(PrimitiveDateTime::new(day, at))
        .unwrap()
}

fn family() -> Utilizzatore {
    Utilizzatore::new(
        "BNCGNN60A01H501P".parse().unwrap(),
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap()
}

/// The trattoria, with the given full-time headcount every month of 2025 and 2026.
fn trattoria(employees: u32) -> Utilizzatore {
    let mut headcounts = Headcounts::new();
    for year in [2025, 2026] {
        let mut month = Month::January;
        for _ in 0..12 {
            headcounts.insert(year, month, MonthlyHeadcount::full_time(employees));
            month = month.next();
        }
    }
    Utilizzatore::new(
        "00743110157".parse().unwrap(),
        "Trattoria Da Paolo Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_ateco("56.10.11".parse().unwrap())
    .with_headcounts(headcounts)
}

fn giulia() -> Prestatore {
    Prestatore::new(
        GIULIA.parse().unwrap(),
        "Giulia",
        "Verdi",
        date!(1999 - 04 - 18),
    )
    .unwrap()
}

fn waiter(cf: &str, first: &str, last: &str, born: Date) -> Prestatore {
    Prestatore::new(cf.parse().unwrap(), first, last, born).unwrap()
}

fn laura() -> Prestatore {
    waiter(LAURA, "Laura", "Marini", date!(2005 - 08 - 05)).with_self_certification(
        SelfCertification::new(Categoria::Studente, date!(2024 - 09 - 01), None).unwrap(),
    )
}

/// Source: CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL (L. 197/2022), CAP-PAIR,
/// CAP-75PCT, HOURS-280, LF-TITOLO, CPO-MIN-PAY, PROHIB-SIZE: the rules of 2026.
#[test]
fn the_rules_of_2026() {
    let r = rules(date!(2026 - 03 - 07));
    assert_eq!(r.cap_prestatore.value, Euro::from_euros(5_000));
    assert_eq!(r.cap_utilizzatore.value, Euro::from_euros(10_000));
    assert_eq!(
        r.cap_utilizzatore_events.value,
        Some(Euro::from_euros(15_000))
    );
    assert_eq!(r.cap_pair.value, Euro::from_euros(2_500));
    assert_eq!(r.hours_per_pair.value, 280);
    assert_eq!(r.lf_titolo.value.compenso, Euro::from_euros(8));
    assert_eq!(r.cpo_min_hourly.value, Euro::from_euros(9));
    assert_eq!(r.cpo_min_daily.value.amount, Euro::from_euros(36));
    assert_eq!(r.headcount_limit.value, 10);
    assert!(
        r.cap_utilizzatore
            .citation
            .to_string()
            .contains("L. 197/2022")
    );
    // The same cap was 5.000 until 31/12/2022.
    assert_eq!(
        rules(date!(2022 - 12 - 31)).cap_utilizzatore.value,
        Euro::from_euros(5_000)
    );
}

/// Source: LF-USERS, CPO-USERS (c. 6), PROHIB-SIZE and E7 (Feb-Jul monthly counts
/// 10, 10, 11, 10, 10, 10 average 10,17 > 10: CPO barred for an October prestazione).
#[test]
fn which_instrument_each_utilizzatore_may_use() {
    let day = date!(2026 - 03 - 10);
    let r = rules(day);
    let sitting = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    let lf = Instrument::LibrettoFamiglia;
    let cpo = Instrument::ContrattoPrestazioneOccasionale;

    let family_lf = assess_admissibility(lf, &family(), &giulia(), &sitting, r).unwrap();
    assert!(family_lf.is_lawful());
    let family_cpo = assess_admissibility(cpo, &family(), &giulia(), &sitting, r).unwrap();
    assert!(family_cpo.breaches_rule(RuleId::CpoUsers));
    assert!(family_cpo.breaches[0].citation.to_string().contains("c. 6"));

    let paolo = waiter(PAOLO, "Paolo", "Bruno", date!(1980 - 01 - 01));
    let serving = Engagement::on(day);
    assert!(
        assess_admissibility(cpo, &trattoria(6), &paolo, &serving, r)
            .unwrap()
            .is_lawful()
    );
    let trattoria_lf = assess_admissibility(lf, &trattoria(6), &paolo, &sitting, r).unwrap();
    assert!(trattoria_lf.breaches_rule(RuleId::LfUsers));

    // E7: the semester from the 8th to the 3rd month before October 2025 is February-July.
    let mut counts = Headcounts::new();
    for (month, n) in [
        (Month::February, 10),
        (Month::March, 10),
        (Month::April, 11),
        (Month::May, 10),
        (Month::June, 10),
        (Month::July, 10),
    ] {
        counts.insert(2025, month, MonthlyHeadcount::full_time(n));
    }
    let bigger = trattoria(6).with_headcounts(counts);
    let october = date!(2025 - 10 - 15);
    let barred = assess_admissibility(
        cpo,
        &bigger,
        &paolo,
        &Engagement::on(october),
        rules(october),
    )
    .unwrap();
    assert!(barred.breaches_rule(RuleId::ProhibSize));
}

/// Source: worked example E1 (3 titoli: 30,00 paid, 24,00 received; 1 h 20 min needs 2 titoli), E2 (one
/// CPO hour at 9,00 costs 12,41), E3 (36,00 costs 49,64, reading R-ONERI-BASE), CPO-MIN-PAY (36,00 up to
/// 4 continuous hours, 9,00 for every hour), E4 (22:00-02:00 is two prestazioni, 72,00).
#[test]
fn pay_and_total_cost() {
    let day = date!(2026 - 03 - 10);
    let r = rules(day);

    let work = LfWork::new(
        day,
        180,
        LfActivity::AssistenzaDomiciliare,
        "Roma, Via Appia Nuova",
        PrestazioneId(1),
    );
    let lf = LfCommunication::new(&family(), &giulia(), &work, table()).unwrap();
    assert_eq!(lf.titoli(), 3);
    assert_eq!(lf.compenso(), Euro::from_euros(24));
    assert_eq!(lf.cost().total, Euro::from_euros(30));
    let short = LfWork {
        minutes: 80,
        ..work
    };
    assert_eq!(
        LfCommunication::new(&family(), &giulia(), &short, table())
            .unwrap()
            .titoli(),
        2
    );

    assert_eq!(
        CostBreakdown::cpo(Euro::from_euros(9), r).unwrap().total,
        Euro::from_cents(1241)
    );
    assert_eq!(
        CostBreakdown::cpo(Euro::from_euros(36), r).unwrap().total,
        Euro::from_cents(4964)
    );
    assert_eq!(cpo_minimum_compenso(240, r).unwrap(), Euro::from_euros(36));
    assert_eq!(cpo_minimum_compenso(300, r).unwrap(), Euro::from_euros(45));

    let paolo = waiter(PAOLO, "Paolo", "Bruno", date!(1980 - 01 - 01));
    let saturday = date!(2026 - 03 - 07);
    let night = CpoWork::new(
        "Trattoria Da Paolo, Roma",
        "waiting at a private party",
        rome(saturday, time!(22:00)),
        rome(saturday.next_day().unwrap(), time!(2:00)),
        vec![Euro::from_euros(36), Euro::from_euros(36)],
        rome(saturday, time!(12:00)),
    );
    let cpo = CpoCommunication::new(&trattoria(6), &paolo, &night, table()).unwrap();
    assert!(cpo.verdict().is_lawful());
    assert_eq!(cpo.days().len(), 2);
    assert_eq!(cpo.total_compenso(), Euro::from_euros(72));
    assert_eq!(cpo.total_cost(), Euro::from_cents(2 * 4964));
    // One amount for the whole night is bad input: one compenso per calendar day (R-MIDNIGHT).
    let one = CpoWork {
        compensi: vec![Euro::from_euros(72)],
        ..night
    };
    assert_eq!(
        CpoCommunication::new(&trattoria(6), &paolo, &one, table())
            .unwrap_err()
            .to_string(),
        "compensi has 1 amount(s), expected 2: one per calendar day of the prestazione (reading R-MIDNIGHT)"
    );
}

/// Source: worked example E6 (CPO 14:00-18:00 on Saturday 7/3/2026: communicate by 13:00, revoca until
/// 10/3/2026, INPS pays by 15/4/2026; LF work in March: communicate by 3/4/2026, paid by
/// 15/4/2026), SANCT-ADMIN and E9 (500-2.500 per day, reduced 833,33).
#[test]
fn deadlines_and_the_fine_for_a_late_communication() {
    let saturday = date!(2026 - 03 - 07);
    let paolo = waiter(PAOLO, "Paolo", "Bruno", date!(1980 - 01 - 01));
    let work = CpoWork::new(
        "Trattoria Da Paolo, Roma",
        "waiting at a wedding lunch",
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        vec![Euro::from_euros(36)],
        datetime!(2026-03-07 13:00 +01:00),
    );
    let cpo = CpoCommunication::new(&trattoria(6), &paolo, &work, table()).unwrap();
    assert!(cpo.verdict().is_lawful());
    let day = &cpo.days()[0];
    assert_eq!(
        day.communication_deadline,
        datetime!(2026-03-07 13:00 +01:00)
    );
    assert_eq!(day.revoca_deadline, date!(2026 - 03 - 10));
    assert_eq!(day.payment_date, date!(2026 - 04 - 15));

    let late = CpoWork {
        sent_at: datetime!(2026-03-07 13:01 +01:00),
        ..work
    };
    let cpo = CpoCommunication::new(&trattoria(6), &paolo, &late, table()).unwrap();
    let breach = cpo
        .verdict()
        .breaches
        .iter()
        .find(|b| b.rule == RuleId::CpoComm)
        .unwrap();
    let fine = fine_totals(&breach.consequence).unwrap().unwrap();
    assert_eq!(
        (fine.min, fine.max, fine.reduced),
        (
            Euro::from_euros(500),
            Euro::from_euros(2_500),
            Euro::from_cents(83_333)
        )
    );

    let sitting = LfWork::new(
        date!(2026 - 03 - 10),
        140,
        LfActivity::AssistenzaDomiciliare,
        "Roma, Via Appia Nuova",
        PrestazioneId(1),
    );
    let lf = LfCommunication::new(&family(), &giulia(), &sitting, table()).unwrap();
    assert_eq!(lf.communication_deadline(), date!(2026 - 04 - 03));
    assert_eq!(lf.payment_date(), date!(2026 - 04 - 15));
    assert_eq!(
        payment_date(saturday, rules(saturday)).unwrap(),
        date!(2026 - 04 - 15)
    );
}

/// Every Tuesday and Thursday from 2/1/2026 (the day she registers) to 30/12/2026 on which Giulia
/// baby-sits for the Bianchi family, 2 h 20 min (3 titoli, 24,00): the LF records, in order.
fn sitting_year() -> Vec<Prestazione> {
    let mut out = Vec::new();
    let mut day = date!(2026 - 01 - 02);
    let mut id = 1;
    while day <= date!(2026 - 12 - 30) {
        if matches!(day.weekday(), Weekday::Tuesday | Weekday::Thursday) {
            let work = LfWork::new(
                day,
                140,
                LfActivity::AssistenzaDomiciliare,
                "Roma, Via Appia Nuova",
                PrestazioneId(id),
            );
            id += 1;
            let lf = LfCommunication::new(&family(), &giulia(), &work, table()).unwrap();
            assert!(lf.verdict().is_lawful());
            out.push(lf.prestazione().clone());
        }
        day = day.next_day().unwrap();
    }
    out
}

fn room_query(prestatore: &str, utilizzatore: &Utilizzatore, instrument: Instrument) -> RoomQuery {
    RoomQuery {
        prestatore: prestatore.parse().unwrap(),
        utilizzatore: utilizzatore.id(),
        day: date!(2026 - 12 - 31),
        instrument,
        special_category: false,
        steward: false,
        profile: utilizzatore
            .cap_profile(rules(date!(2026 - 12 - 31)))
            .unwrap(),
    }
}

/// Source: worked example E11 (2.500 / 8,00 = 312 whole titoli per pair), CAP-PAIR and SANCT-CONV (the
/// 2.500 cap c breached: conversion into a full-time open-ended employment, refused here by the
/// ledger's default policy), HOURS-280 and reading R-HOURS-LF (the 280 hours count LF too), R-CAP-INCLUSIVE (a total
/// equal to the cap is lawful).
#[test]
fn the_family_runs_out_of_cap_c() {
    let mut ledger = Ledger::default();
    let lf = Instrument::LibrettoFamiglia;
    let fresh = ledger.room(&room_query(GIULIA, &family(), lf)).unwrap();
    assert_eq!(
        (fresh.compenso, fresh.titoli, fresh.binding),
        (Euro::from_euros(2_500), 312, RuleId::CapPair)
    );

    let year = sitting_year();
    assert_eq!(year.len(), 103);
    for p in &year {
        ledger.record(p).unwrap();
    }
    let cf = GIULIA.parse().unwrap();
    let pair = ledger.pair_totals(&cf, &family().id(), 2026);
    assert_eq!(pair.compensi, Euro::from_euros(2_472)); // 103 × 24,00
    assert_eq!(pair.minutes, 103 * 140);

    let room = ledger.room(&room_query(GIULIA, &family(), lf)).unwrap();
    assert_eq!((room.compenso, room.titoli), (Euro::from_euros(28), 3));
    assert_eq!(room.minutes, Some(280 * 60 - 103 * 140));

    // New Year's Eve, 4 hours (4 titoli): 2.504,00 > 2.500,00, refused, and nothing changes.
    let work = LfWork::new(
        date!(2026 - 12 - 31),
        240,
        LfActivity::AssistenzaDomiciliare,
        "Roma, Via Appia Nuova",
        PrestazioneId(1_000),
    );
    let nye = LfCommunication::new(&family(), &giulia(), &work, table()).unwrap();
    let before = ledger.len();
    let Err(RecordError::Refused(assessment)) = ledger.record(nye.prestazione()) else {
        panic!("cap c is breached");
    };
    assert_eq!(ledger.len(), before);
    let breach = &assessment.verdict.breaches[0];
    assert_eq!(breach.rule, RuleId::CapPair);
    assert_eq!(
        breach.consequence,
        Consequence::Conversion {
            from: date!(2026 - 12 - 31)
        }
    );
    assert!(breach.citation.to_string().contains("c. 1 lett. c"));

    let cap_c = assessment.cap_pair.as_ref().unwrap();
    assert_eq!(cap_c.limit, Euro::from_euros(2_500));
    assert!(cap_c.is_breached());

    // The 3 titoli the room allows fit: 2.496,00, within the cap (R-CAP-INCLUSIVE).
    let shorter = LfWork {
        minutes: 180,
        ..work
    };
    let nye = LfCommunication::new(&family(), &giulia(), &shorter, table()).unwrap();
    ledger.record(nye.prestazione()).unwrap();
    assert_eq!(
        ledger.pair_totals(&cf, &family().id(), 2026).compensi,
        Euro::from_euros(2_496)
    );
}

/// Source: worked example E5, jethr example: three prestatori at 2.500 each, one a student under 25:
/// counted 2.500 + 2.500 + 0,75 × 2.500 = 6.875, room 3.125 for an ordinary prestatore, 4.166,67
/// nominal for a special-category one (the crate rounds down to the cent, 4.166,66, so paying it
/// never breaches the cap); CAP-PAIR stops any single prestatore at 2.500; HOURS-280.
#[test]
fn the_trattoria_fills_cap_b_with_three_waiters() {
    let firm = trattoria(6);
    let mut ledger = Ledger::default();
    let waiters = [
        waiter(PAOLO, "Paolo", "Bruno", date!(1980 - 01 - 01)),
        waiter(FRANCESCO, "Francesco", "Colombo", date!(1975 - 05 - 10)),
        laura(),
    ];
    let mut next_id = 1;
    for w in &waiters {
        // 25 Saturdays from 3/1/2026, 10:00-18:00, 100,00 each.
        let mut day = date!(2026 - 01 - 03);
        for _ in 0..25 {
            let work = CpoWork::new(
                "Trattoria Da Paolo, Roma",
                "waiting at tables",
                rome(day, time!(10:00)),
                rome(day, time!(18:00)),
                vec![Euro::from_euros(100)],
                rome(day - time::Duration::days(1), time!(18:00)),
            );
            let cpo = CpoCommunication::new(&firm, w, &work, table()).unwrap();
            assert!(cpo.verdict().is_lawful(), "{}", cpo.verdict());
            for p in cpo.prestazioni(PrestazioneId(next_id)).unwrap() {
                next_id += 1;
                ledger.record(&p).unwrap();
            }
            day = day.next_occurrence(Weekday::Saturday);
        }
    }
    let totals = ledger.utilizzatore_totals(&firm.id(), 2026);
    assert_eq!(totals.compensi, Euro::from_euros(7_500));
    assert_eq!(
        totals.counted_cap_utilizzatore,
        Euro::from_euros(6_875).as_decimal()
    );

    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let ordinary = ledger.room(&room_query(MARIO, &firm, cpo)).unwrap();
    let cap_b = |room: &prestazioni_occasionali::Room| {
        room.caps
            .iter()
            .find(|c| c.rule == RuleId::CapUtilizzatore)
            .unwrap()
            .headroom
    };
    assert_eq!(cap_b(&ordinary), Euro::from_euros(3_125));
    assert_eq!(
        (ordinary.compenso, ordinary.binding),
        (Euro::from_euros(2_500), RuleId::CapPair)
    );
    let special = ledger
        .room(&RoomQuery {
            special_category: true,
            ..room_query(MARIO, &firm, cpo)
        })
        .unwrap();
    assert_eq!(cap_b(&special), Euro::from_cents(416_666));

    // Paolo is at cap c with the trattoria; 25 × 8 h = 200 h of the 280.
    let paolo = ledger.room(&room_query(PAOLO, &firm, cpo)).unwrap();
    assert_eq!(
        (paolo.compenso, paolo.binding),
        (Euro::ZERO, RuleId::CapPair)
    );
    assert_eq!(paolo.minutes, Some(80 * 60));
    let citation = paolo.caps[0]
        .citation(
            rules(date!(2026 - 12 - 31)),
            firm.cap_profile(rules(date!(2026 - 12 - 31))).unwrap(),
        )
        .unwrap();
    assert!(citation.to_string().contains("c. 1 lett. a"));
}

fn giulia_form(on: Date) -> RegistrationDraft {
    let mut form = RegistrationDraft::new(
        on,
        AccessChannel::Spid {
            level: SpidLevel::L2,
        },
    );
    form.codice_fiscale = GIULIA.into();
    form.first_name = "Giulia".into();
    form.last_name = "Verdi".into();
    form.birth_date = Some(date!(1999 - 04 - 18));
    form.birthplace = "H501".into();
    form.sex = Some(Sex::Female);
    form.residence = AddressDraft::new("Roma", "RM", "Via Appia Nuova", "101", "00183");
    form.document = DocumentDraft {
        kind: DocumentKind::CartaIdentita,
        number: "CA00000AA".into(),
        issued_on: Some(date!(2024 - 01 - 02)),
        expires_on: Some(date!(2034 - 01 - 02)),
        issued_by: "Comune di Roma".into(),
    };
    form.contacts = ContactsDraft {
        mobile: "347 1234567".into(),
        email: "giulia.verdi@example.org".into(),
        preferred: ContactChannel::Email,
        hours: "10:00-18:00".into(),
    };
    form.privacy_consent = true;
    form.payment = PaymentDraft {
        mode: PaymentMode::IbanCredit,
        iban: "IT60 X054 2811 1010 0000 0123 456".into(),
        account: AccountKind::ContoCorrente,
        held_by_prestatore: true,
    };
    form
}

/// Source: REG-BOTH (registered before the first prestazione), REG-AUTH (SPID level 2),
/// REG-PORTAL-2026 (the Scrivania: prestazioni, payments, annual prospetto), LF-PAY and reading
/// R-PAYMENT-DAY (paid by the 15th of the next month), PAY-MODES and R-FEES (IBAN credit free), CAP-PRESTATORE-
/// TOTAL (5.000).
#[test]
fn giulia_registers_and_reads_her_scrivania() {
    let mut registration = Registration::new(giulia_form(date!(2026 - 01 - 02)));
    assert!(registration.prestatore_on(date!(2026 - 01 - 02)).is_none()); // not submitted
    registration.apply(RegistrationEvent::Submit).unwrap();
    assert_eq!(registration.state(), RegistrationState::Active);
    let cf = GIULIA.parse().unwrap();
    assert!(registration.is_active_worker("Giulia", "Verdi", &cf, date!(2026 - 01 - 02)));
    // Thursday 1/1/2026 is before she registered: no prestatore to engage (REG-BOTH).
    assert!(registration.prestatore_on(date!(2026 - 01 - 01)).is_none());
    let on_the_day = registration
        .prestatore_on(date!(2026 - 01 - 02))
        .unwrap()
        .unwrap();
    assert_eq!(on_the_day.codice_fiscale(), cf);

    // Her work from 2/1/2026 to 31/3/2026, viewed on 20/4/2026: INPS has paid January on
    // 15/2, February on 15/3 and March on 15/4.
    let viewed = datetime!(2026-04-20 10:00 +02:00);
    let communicated: Vec<CommunicatedPrestazione> = sitting_year()
        .into_iter()
        .filter(|p| date!(2026 - 01 - 02) <= p.day() && p.day() <= date!(2026 - 03 - 31))
        .map(|p| {
            let due = payment_date(p.day(), rules(p.day())).unwrap();
            CommunicatedPrestazione {
                communicated_at: rome(p.day(), time!(21:00)),
                revoked_at: None,
                confirmed_at: None,
                paid_on: (due <= viewed.date()).then_some(due),
                prestazione: p,
            }
        })
        .collect();
    assert_eq!(communicated.len(), 25);
    let desk = Scrivania::new(
        cf,
        &communicated,
        registration.payment_history(),
        table(),
        viewed,
    )
    .unwrap();
    let payments = desk.payments();
    assert_eq!(payments.len(), 25);
    assert!(payments.iter().all(|p| p.fee == Euro::ZERO));
    let march = desk
        .entries()
        .iter()
        .find(|e| e.prestazione.day() == date!(2026 - 03 - 31))
        .unwrap();
    assert_eq!(
        march.status,
        PrestazioneStatus::Paid {
            on: date!(2026 - 04 - 15)
        }
    );
    let prospetto = desk.prospetto(2026).unwrap();
    assert_eq!(prospetto.total_compensi, Euro::from_euros(25 * 24));
    assert_eq!(prospetto.cap.value, Euro::from_euros(5_000));
    assert_eq!(prospetto.room_left, Euro::from_euros(5_000 - 25 * 24));
}
