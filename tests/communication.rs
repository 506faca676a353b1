//! The communications of issue 3 against the legal reference (`law`): the LF communication of work done (LF-COMM,
//! E1, E6) and the CPO prior communication (CPO-COMM, E4, E6), with their pay, cost,
//! deadlines, verdicts and ledger records.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AtecoCode, Categoria, CommunicationError, Consequence, CpoCommunication, CpoWork, Error, Euro,
    FundingChannel, FundsAccount, FundsError, Headcounts, Instrument, InstrumentError, LfActivity,
    LfCommunication, LfWork, MonthlyHeadcount, PaPurpose, Prestatore, PrestazioneId, RuleId, Rules,
    RulesTable, SelfCertification, TopUp, Utilizzatore, UtilizzatoreKind, sanction_for,
};
use proptest::prelude::*;
use time::macros::{date, datetime};
use time::{Date, Duration, Month, OffsetDateTime};

fn table() -> &'static RulesTable {
    RulesTable::embedded()
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

/// Born 10/3/2001, a self-certified student: under 25 until 9/3/2026.
fn student() -> Prestatore {
    Prestatore::new(
        "RSSMRA01C10A562N".parse().unwrap(),
        "Mario",
        "Rossi",
        date!(2001 - 03 - 10),
    )
    .unwrap()
    .with_self_certification(
        SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), None).unwrap(),
    )
}

fn family() -> Utilizzatore {
    Utilizzatore::new(
        "BNCGNN60A01H501P".parse().unwrap(),
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap()
}

/// A small firm with 3 permanent employees every month from 2015 to 2031.
fn firm() -> Utilizzatore {
    let mut headcounts = Headcounts::new();
    for year in 2015..=2031 {
        for month in 1..=12u8 {
            headcounts.insert(
                year,
                Month::try_from(month).unwrap(),
                MonthlyHeadcount::full_time(3),
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

fn comune() -> Utilizzatore {
    Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Comune di Prova",
        UtilizzatoreKind::PubblicaAmministrazione,
    )
    .unwrap()
}

fn lf(day: Date, minutes: u32) -> LfWork {
    LfWork::new(
        day,
        minutes,
        LfActivity::AssistenzaDomiciliare,
        "Via Roma 1, Roma",
        PrestazioneId(1),
    )
}

fn cpo(
    start: OffsetDateTime,
    end: OffsetDateTime,
    compensi: &[u32],
    sent_at: OffsetDateTime,
) -> CpoWork {
    CpoWork::new(
        "Via Roma 1, Roma",
        "serving at the bar",
        start,
        end,
        compensi.iter().map(|&e| Euro::from_euros(e)).collect(),
        sent_at,
    )
}

/// E6's CPO: Saturday 7/3/2026 14:00-18:00 for 36,00, sent at `sent_at`.
fn e6_cpo(sent_at: OffsetDateTime) -> CpoWork {
    cpo(
        datetime!(2026-03-07 14:00 +01:00),
        datetime!(2026-03-07 18:00 +01:00),
        &[36],
        sent_at,
    )
}

// ---------------------------------------------------------------- Libretto Famiglia

/// Source: worked example E1 (circ. 107/2017 via studiofenu 2024): a 3-hour baby-sitting job is 3
/// titoli, the family pays 30,00 and the prestatore receives 24,00; 1 h 20 min needs 2 titoli.
#[test]
fn e1_babysitting_titoli_and_cost() {
    let three = LfCommunication::new(
        &family(),
        &mario(),
        &lf(date!(2026 - 03 - 07), 180),
        table(),
    )
    .unwrap();
    assert!(three.verdict().is_lawful());
    assert_eq!(three.titoli(), 3);
    assert_eq!(three.cost().total, Euro::from_euros(30));
    assert_eq!(three.compenso(), Euro::from_euros(24));
    assert_eq!(three.prestazione().compenso(), Euro::from_euros(24));
    assert_eq!(three.prestazione().minutes(), 180);
    assert_eq!(
        three.prestazione().instrument(),
        Instrument::LibrettoFamiglia
    );

    let eighty =
        LfCommunication::new(&family(), &mario(), &lf(date!(2026 - 03 - 07), 80), table()).unwrap();
    assert_eq!(eighty.titoli(), 2);
    assert_eq!(eighty.compenso(), Euro::from_euros(16));
    assert_eq!(eighty.cost().total, Euro::from_euros(20));
}

/// Source: worked example E6 (LF-COMM, LF-PAY; reading R-LF-COMM): prestazioni during March 2026 are
/// communicated by 3/4/2026 and paid by 15/4/2026; a late communication has no fine (LF-COMM, EdiSES commentary).
#[test]
fn e6_lf_march_2026() {
    for day in [date!(2026 - 03 - 01), date!(2026 - 03 - 31)] {
        let c = LfCommunication::new(&family(), &mario(), &lf(day, 60), table()).unwrap();
        assert_eq!(c.communication_deadline(), date!(2026 - 04 - 03));
        assert_eq!(c.payment_date(), date!(2026 - 04 - 15));
        assert!(c.check_sent_at(date!(2026 - 04 - 03)).is_lawful());
        assert!(c.check_sent_at(day).is_lawful());
    }
    let c =
        LfCommunication::new(&family(), &mario(), &lf(date!(2026 - 03 - 31), 60), table()).unwrap();
    let late = c.check_sent_at(date!(2026 - 04 - 04));
    assert!(late.breaches_rule(RuleId::LfComm));
    assert_eq!(late.breaches[0].consequence, Consequence::NoSanction);
    assert_eq!(
        late.breaches[0].consequence.to_string(),
        "no sanction (the LF has no fine for a late communication)"
    );
    assert_eq!(
        late.to_string(),
        "LF-COMM: communicated on 2026-04-04, after the deadline 2026-04-03 for the prestazione of 2026-03-31 (art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017; reading R-LF-COMM: by 23:59:59 of the 3rd day of the next month)"
    );
}

/// Source: LF-COMM (EdiSES commentary): no fine for a late LF communication, also in `sanction_for`.
#[test]
fn late_lf_communication_has_no_sanction() {
    let day = date!(2026 - 03 - 07);
    let rules = Rules::in_force_on(day).unwrap();
    for pa in [false, true] {
        assert_eq!(
            sanction_for(RuleId::LfComm, day, pa, 1, false, rules),
            Consequence::NoSanction
        );
    }
}

/// Source: LF-USERS (c. 6 lett. a; a condominio is not a persona fisica) [S1].
#[test]
fn lf_inadmissible_utilizzatore_is_a_verdict() {
    let condominio = Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Condominio Via Roma 1",
        UtilizzatoreKind::Condominio,
    )
    .unwrap();
    let c = LfCommunication::new(
        &condominio,
        &mario(),
        &lf(date!(2026 - 03 - 07), 60),
        table(),
    )
    .unwrap();
    assert!(c.verdict().breaches_rule(RuleId::LfUsers));
    assert_eq!(
        c.verdict().breaches[0].consequence,
        Consequence::UnlawfulUse
    );
}

/// Source: reading R-WEIGHT-CAP-B (a student counts only while under 25 that day): the record
/// carries the flag of its own day.
#[test]
fn lf_record_carries_the_special_category_of_the_day() {
    let before = LfCommunication::new(
        &family(),
        &student(),
        &lf(date!(2026 - 03 - 09), 60),
        table(),
    )
    .unwrap();
    assert_eq!(before.special_category(), Some(Categoria::Studente));
    assert!(before.prestazione().special_category());
    let birthday = LfCommunication::new(
        &family(),
        &student(),
        &lf(date!(2026 - 03 - 10), 60),
        table(),
    )
    .unwrap();
    assert_eq!(birthday.special_category(), None);
    assert!(!birthday.prestazione().special_category());
}

/// Source: CAP-STEWARD (c. 1 lett. c-bis): a steward prestazione is flagged in the
/// record.
#[test]
fn lf_steward_record() {
    let club = Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "AS Prova",
        UtilizzatoreKind::SocietaSportiva,
    )
    .unwrap();
    let work = LfWork {
        activity: LfActivity::Steward,
        ..lf(date!(2026 - 03 - 07), 120)
    };
    let c = LfCommunication::new(&club, &mario(), &work, table()).unwrap();
    assert!(c.verdict().is_lawful());
    assert!(c.prestazione().steward());
}

#[test]
fn lf_errors_are_pinned() {
    let message = |work: &LfWork| {
        LfCommunication::new(&family(), &mario(), work, table())
            .unwrap_err()
            .to_string()
    };
    let day = date!(2026 - 03 - 07);
    assert_eq!(
        message(&lf(day, 0)),
        "minutes is 0: a prestazione lasts at least one minute"
    );
    assert_eq!(
        message(&LfWork {
            place: "\t".into(),
            ..lf(day, 60)
        }),
        "place is empty"
    );
    assert_eq!(
        message(&LfWork {
            place: "Via\u{7}Roma".into(),
            ..lf(day, 60)
        }),
        "place contains a control character"
    );
    assert_eq!(
        message(&lf(day, 1501)),
        "prestazione #1: minutes 1501 exceed the 1500 minutes of the longest calendar day"
    );
    assert_eq!(
        message(&lf(date!(2017 - 01 - 01), 60)),
        LfCommunication::new(&family(), &mario(), &lf(date!(2017 - 01 - 01), 60), table())
            .unwrap_err()
            .to_string()
    );
    assert!(matches!(
        LfCommunication::new(&family(), &mario(), &lf(date!(2017 - 01 - 01), 60), table()),
        Err(CommunicationError::Rules(_))
    ));
    // The umbrella error wraps it.
    let e: Error = CommunicationError::SamePerson.into();
    assert_eq!(
        e.to_string(),
        "prestatore and utilizzatore are the same person"
    );
}

#[test]
fn lf_same_person_is_refused() {
    let mario_as_family = Utilizzatore::new(
        "RSSMRA85T10A562S".parse().unwrap(),
        "Mario Rossi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap();
    assert_eq!(
        LfCommunication::new(
            &mario_as_family,
            &mario(),
            &lf(date!(2026 - 03 - 07), 60),
            table()
        )
        .unwrap_err()
        .to_string(),
        "prestazione #1: prestatore and utilizzatore are the same person"
    );
}

#[test]
fn lf_commit_funds_needs_the_lf_account() {
    let day = date!(2026 - 03 - 07);
    let c = LfCommunication::new(&family(), &mario(), &lf(day, 60), table()).unwrap();
    let mut cpo_account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    assert_eq!(
        c.commit_funds(&mut cpo_account, day)
            .unwrap_err()
            .to_string(),
        "funds account is for the CPO, the communication needs the LF account"
    );
}

// ---------------------------------------------------------------- CPO

/// Source: worked example E6 (CPO-COMM, CPO-MIN-PAY, CPO-REVOCA, CPO-PAY): 14:00-18:00 on Saturday
/// 7/3/2026: communicate by 13:00, compenso at least 36,00, revoca until 10/3, paid by 15/4;
/// 36,00 costs 49,64 (E3, reading R-ONERI-BASE).
#[test]
fn e6_cpo_saturday() {
    let c = CpoCommunication::new(
        &firm(),
        &mario(),
        &e6_cpo(datetime!(2026-03-07 13:00 +01:00)),
        table(),
    )
    .unwrap();
    assert!(c.verdict().is_lawful(), "{}", c.verdict());
    let [day] = c.days() else {
        panic!("one day expected")
    };
    assert_eq!(
        day.communication_deadline,
        datetime!(2026-03-07 13:00 +01:00)
    );
    assert_eq!(day.day.minimum_compenso, Euro::from_euros(36));
    assert_eq!(day.day.minutes, 240);
    assert_eq!(day.revoca_deadline, date!(2026 - 03 - 10));
    assert_eq!(day.payment_date, date!(2026 - 04 - 15));
    assert_eq!(day.cost.total, Euro::from_cents(4964));
    assert_eq!(c.total_cost(), Euro::from_cents(4964));
    assert_eq!(c.total_compenso(), Euro::from_euros(36));
    assert_eq!(c.place(), "Via Roma 1, Roma");
    assert_eq!(c.oggetto(), "serving at the bar");

    // 35,99 is below the floor.
    let low = CpoWork {
        compensi: vec![Euro::from_cents(3599)],
        ..e6_cpo(datetime!(2026-03-07 13:00 +01:00))
    };
    let c = CpoCommunication::new(&firm(), &mario(), &low, table()).unwrap();
    assert_eq!(
        c.verdict().to_string(),
        "CPO-MIN-PAY: on 2026-03-07, compenso 35,99 € is below the minimum 36,00 € for a prestazione of 4 h 00 min (art. 54-bis c. 17 lett. e D.L. 50/2017)"
    );
    assert_eq!(
        c.verdict().breaches[0].consequence,
        Consequence::PlatformRefusal
    );
}

/// Source: CPO-COMM ("at least 60 minutes before the start"), SANCT-ADMIN and E9: sent
/// 60 minutes ahead is in time; 59 is late, an administrative fine for one day.
#[test]
fn notice_59_minutes_is_fined_60_is_not() {
    let in_time = CpoCommunication::new(
        &firm(),
        &mario(),
        &e6_cpo(datetime!(2026-03-07 13:00 +01:00)),
        table(),
    )
    .unwrap();
    assert!(in_time.verdict().is_lawful());

    let late = CpoCommunication::new(
        &firm(),
        &mario(),
        &e6_cpo(datetime!(2026-03-07 13:01 +01:00)),
        table(),
    )
    .unwrap();
    assert_eq!(
        late.verdict().to_string(),
        "CPO-COMM: on 2026-03-07, communicated 0 h 59 min before the start, at least 1 h 00 min required (art. 54-bis c. 17 D.L. 50/2017)"
    );
    assert_eq!(
        late.verdict().breaches[0].consequence,
        Consequence::AdministrativeFine {
            min: Euro::from_euros(500),
            max: Euro::from_euros(2_500),
            reduced: Euro::from_cents(83_333),
            units: 1,
        }
    );
    assert_eq!(late.days()[0].notice.breaches.len(), 1);
    assert!(late.days()[0].pay.is_lawful());

    // A PA is never fined (c. 7, c. 20).
    let pa_late = e6_cpo(datetime!(2026-03-07 13:01 +01:00)).with_pa_purpose(PaPurpose::Events);
    let c = CpoCommunication::new(&comune(), &mario(), &pa_late, table()).unwrap();
    assert_eq!(c.verdict().breaches.len(), 1);
    assert_eq!(
        c.verdict().breaches[0].consequence,
        Consequence::UnlawfulUsePa
    );
}

/// Source: worked example E4 (INPS answer reported by Il Sole 24 Ore 2/10/2017) and reading R-MIDNIGHT: 22:00-02:00 is two prestazioni, one per calendar
/// day, with a minimum of 36,00 each, 72,00 in all.
#[test]
fn e4_across_midnight() {
    let work = cpo(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        &[36, 36],
        datetime!(2026-03-06 18:00 +01:00),
    );
    let c = CpoCommunication::new(&firm(), &mario(), &work, table()).unwrap();
    assert!(c.verdict().is_lawful(), "{}", c.verdict());
    assert_eq!(c.days().len(), 2);
    let minimum = Euro::checked_sum(c.days().iter().map(|d| d.day.minimum_compenso)).unwrap();
    assert_eq!(minimum, Euro::from_euros(72));
    assert_eq!(c.total_compenso(), Euro::from_euros(72));
    assert_eq!(c.total_cost(), Euro::from_cents(2 * 4964));
    assert_eq!(
        c.days()[1].communication_deadline,
        datetime!(2026-03-07 23:00 +01:00)
    );

    // 72,00 on the first day and 1,00 on the second does not respect the second floor.
    let lopsided = CpoWork {
        compensi: vec![Euro::from_euros(71), Euro::from_euros(1)],
        ..work
    };
    let c = CpoCommunication::new(&firm(), &mario(), &lopsided, table()).unwrap();
    assert_eq!(
        c.verdict().to_string(),
        "CPO-MIN-PAY: on 2026-03-08, compenso 1,00 € is below the minimum 36,00 € for a prestazione of 2 h 00 min (art. 54-bis c. 17 lett. e D.L. 50/2017)"
    );
    assert!(c.days()[0].verdict().is_lawful());
}

/// Source: worked example E4 and reading R-MIDNIGHT (one prestazione per calendar day), R-YEAR-OF-WORK (the year of the
/// day), R-PAYMENT-DAY (paid by the 15th of the next month): 31/12 22:00 to 1/1 02:00 is one prestazione
/// in each year, paid by 15/1 and 15/2.
#[test]
fn new_years_eve_is_two_years() {
    let work = cpo(
        datetime!(2026-12-31 22:00 +01:00),
        datetime!(2027-01-01 02:00 +01:00),
        &[36, 36],
        datetime!(2026-12-30 18:00 +01:00),
    );
    let c = CpoCommunication::new(&firm(), &mario(), &work, table()).unwrap();
    assert!(c.verdict().is_lawful(), "{}", c.verdict());
    let dates: Vec<Date> = c.days().iter().map(|d| d.day.date).collect();
    assert_eq!(dates, [date!(2026 - 12 - 31), date!(2027 - 01 - 01)]);
    let paid: Vec<Date> = c.days().iter().map(|d| d.payment_date).collect();
    assert_eq!(paid, [date!(2027 - 01 - 15), date!(2027 - 02 - 15)]);
    let revoca: Vec<Date> = c.days().iter().map(|d| d.revoca_deadline).collect();
    assert_eq!(revoca, [date!(2027 - 01 - 03), date!(2027 - 01 - 04)]);
    let records = c.prestazioni(PrestazioneId(10)).unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(
        (records[0].id(), records[0].day().year()),
        (PrestazioneId(10), 2026)
    );
    assert_eq!(
        (records[1].id(), records[1].day().year()),
        (PrestazioneId(11), 2027)
    );
    assert!(records.iter().all(|p| p.minutes() == 120
        && p.instrument() == Instrument::ContrattoPrestazioneOccasionale
        && !p.steward()));
}

/// Source: reading R-MIDNIGHT (one compenso per calendar day).
#[test]
fn compensi_count_must_match_the_days() {
    let night = cpo(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        &[72],
        datetime!(2026-03-06 18:00 +01:00),
    );
    let err = CpoCommunication::new(&firm(), &mario(), &night, table()).unwrap_err();
    assert_eq!(err, CommunicationError::CompensiCount { given: 1, days: 2 });
    assert_eq!(
        err.to_string(),
        "compensi has 1 amount(s), expected 2: one per calendar day of the prestazione (reading R-MIDNIGHT)"
    );
    let two_for_one = CpoWork {
        compensi: vec![Euro::from_euros(36), Euro::from_euros(36)],
        ..e6_cpo(datetime!(2026-03-07 13:00 +01:00))
    };
    assert_eq!(
        CpoCommunication::new(&firm(), &mario(), &two_for_one, table()).unwrap_err(),
        CommunicationError::CompensiCount { given: 2, days: 1 }
    );
    let none = CpoWork {
        compensi: vec![],
        ..e6_cpo(datetime!(2026-03-07 13:00 +01:00))
    };
    assert!(CpoCommunication::new(&firm(), &mario(), &none, table()).is_err());
}

#[test]
fn cpo_errors_are_pinned() {
    let base = e6_cpo(datetime!(2026-03-07 13:00 +01:00));
    let message = |work: &CpoWork| {
        CpoCommunication::new(&firm(), &mario(), work, table())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(&CpoWork {
            oggetto: " ".into(),
            ..base.clone()
        }),
        "oggetto is empty"
    );
    assert_eq!(
        message(&CpoWork {
            place: String::new(),
            ..base.clone()
        }),
        "place is empty"
    );
    assert_eq!(
        message(&CpoWork {
            compensi: vec![Euro::ZERO],
            ..base.clone()
        }),
        "compenso for 2026-03-07 is 0,00 €"
    );
    assert_eq!(
        message(&CpoWork {
            end: base.start,
            ..base.clone()
        }),
        "end 2026-03-07 14:00:00.0 +01:00:00 is not after start 2026-03-07 14:00:00.0 +01:00:00"
    );
    assert!(matches!(
        CpoCommunication::new(
            &firm(),
            &mario(),
            &CpoWork {
                end: base.start,
                ..base.clone()
            },
            table()
        ),
        Err(CommunicationError::Instrument(
            InstrumentError::EndNotAfterStart { .. }
        ))
    ));
    let mario_firm = Utilizzatore::new(
        "RSSMRA85T10A562S".parse().unwrap(),
        "Mario Rossi",
        UtilizzatoreKind::Professionista,
    )
    .unwrap();
    assert_eq!(
        CpoCommunication::new(&mario_firm, &mario(), &base, table()).unwrap_err(),
        CommunicationError::SamePerson
    );
    // A firm without headcounts cannot be assessed.
    let without_headcounts = Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Bar Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap();
    assert!(matches!(
        CpoCommunication::new(&without_headcounts, &mario(), &base, table()),
        Err(CommunicationError::Admissibility(_))
    ));
}

/// Source: CPO-USERS (c. 6 lett. b: a persona fisica outside business uses the LF),
/// CPO-PA (c. 7) and PROHIB-APPALTI (c. 14 lett. d).
#[test]
fn cpo_inadmissible_utilizzatore_is_a_verdict() {
    let work = e6_cpo(datetime!(2026-03-07 13:00 +01:00));
    let c = CpoCommunication::new(&family(), &mario(), &work, table()).unwrap();
    assert!(c.verdict().breaches_rule(RuleId::CpoUsers));
    assert!(c.days()[0].admissibility.breaches_rule(RuleId::CpoUsers));
    assert!(c.verdict().breaches[0].facts.starts_with("on 2026-03-07, "));

    let c = CpoCommunication::new(&comune(), &mario(), &work, table()).unwrap();
    assert!(c.verdict().breaches_rule(RuleId::CpoPa));

    let appalto = work.within_appalto();
    let c = CpoCommunication::new(&firm(), &mario(), &appalto, table()).unwrap();
    assert!(c.verdict().breaches_rule(RuleId::ProhibAppalti));
}

/// Source: reading R-WEIGHT-CAP-B and R-MIDNIGHT: across the 25th birthday, the first day's record is a
/// student's, the second's is not.
#[test]
fn cpo_records_carry_the_special_category_of_each_day() {
    let work = cpo(
        datetime!(2026-03-09 22:00 +01:00),
        datetime!(2026-03-10 02:00 +01:00),
        &[36, 36],
        datetime!(2026-03-09 12:00 +01:00),
    );
    let c = CpoCommunication::new(&firm(), &student(), &work, table()).unwrap();
    assert_eq!(c.days()[0].special_category, Some(Categoria::Studente));
    assert_eq!(c.days()[1].special_category, None);
    let flags: Vec<bool> = c
        .prestazioni(PrestazioneId(1))
        .unwrap()
        .iter()
        .map(prestazioni_occasionali::Prestazione::special_category)
        .collect();
    assert_eq!(flags, [true, false]);
}

/// Source: CPO-COMM "Funds" and CPO-FUNDING: each day's cost is reserved, all or none.
#[test]
fn cpo_commit_funds_all_or_nothing() {
    let work = cpo(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        &[36, 36],
        datetime!(2026-03-06 18:00 +01:00),
    );
    let c = CpoCommunication::new(&firm(), &mario(), &work, table()).unwrap();
    let day = date!(2026 - 03 - 02);
    let rules = Rules::in_force_on(day).unwrap();
    let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    account
        .top_up(
            TopUp {
                channel: FundingChannel::PagoPa,
                causale: None,
                amount: Euro::from_euros(99),
                available_on: day,
            },
            rules,
        )
        .unwrap();
    let before = account.clone();
    let err = c.commit_funds(&mut account, PrestazioneId(1)).unwrap_err();
    assert!(matches!(
        err,
        CommunicationError::Funds(FundsError::Insufficient { .. })
    ));
    assert_eq!(account, before);

    account
        .top_up(
            TopUp {
                channel: FundingChannel::PagoPa,
                causale: None,
                amount: Euro::from_euros(1),
                available_on: day,
            },
            rules,
        )
        .unwrap();
    c.commit_funds(&mut account, PrestazioneId(1)).unwrap();
    let ids: Vec<u64> = account.commitments().map(|c| c.prestazione_id).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(account.committed(), Euro::from_cents(9928));
    assert!(account.commitments().all(|c| c.on == date!(2026 - 03 - 06)));
    // Again: the ids already hold funds; nothing changes.
    let before = account.clone();
    assert!(c.commit_funds(&mut account, PrestazioneId(2)).is_err());
    assert_eq!(account, before);
    // The LF account is refused.
    let mut libretto = FundsAccount::new(Instrument::LibrettoFamiglia);
    assert_eq!(
        c.commit_funds(&mut libretto, PrestazioneId(5)).unwrap_err(),
        CommunicationError::WrongAccount {
            account: Instrument::LibrettoFamiglia,
            expected: Instrument::ContrattoPrestazioneOccasionale,
        }
    );
}

#[test]
fn debug_does_not_leak_place_or_codice_fiscale() {
    let c = CpoCommunication::new(
        &firm(),
        &mario(),
        &e6_cpo(datetime!(2026-03-07 13:00 +01:00)),
        table(),
    )
    .unwrap();
    let l =
        LfCommunication::new(&family(), &mario(), &lf(date!(2026 - 03 - 07), 60), table()).unwrap();
    for debug in [
        format!("{c:?}"),
        format!("{l:?}"),
        format!("{:?}", e6_cpo(datetime!(2026-03-07 13:00 +01:00))),
        format!("{:?}", lf(date!(2026 - 03 - 07), 60)),
    ] {
        // Masked, not empty: the place stands as <redacted>.
        assert!(debug.contains("place: <redacted>"), "{debug}");
        assert!(!debug.contains("Via Roma"), "{debug}");
        assert!(!debug.contains("RSSMRA85T10A562S"), "{debug}");
        assert!(!debug.contains("BNCGNN60A01H501P"), "{debug}");
    }
    assert!(format!("{c:?}").contains("RSSMRA*******562S"));
    assert!(format!("{l:?}").starts_with("LfCommunication {"));
    assert!(format!("{:?}", lf(date!(2026 - 03 - 07), 60)).starts_with("LfWork {"));
    assert!(format!("{:?}", e6_cpo(datetime!(2026-03-07 13:00 +01:00))).starts_with("CpoWork {"));
    // The communication keeps what was sent, unmasked, for the host.
    assert_eq!(l.minutes(), 60);
    assert_eq!(l.place(), lf(date!(2026 - 03 - 07), 60).place);
}

#[cfg(feature = "serde")]
#[test]
fn communications_serialize_and_their_inputs_round_trip() {
    let work = e6_cpo(datetime!(2026-03-07 13:00 +01:00));
    let c = CpoCommunication::new(&firm(), &mario(), &work, table()).unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["total_cost"], "49.64");
    assert_eq!(json["place"], "Via Roma 1, Roma");
    let back: CpoWork = serde_json::from_str(&serde_json::to_string(&work).unwrap()).unwrap();
    assert_eq!(back, work);
    let l =
        LfCommunication::new(&family(), &mario(), &lf(date!(2026 - 03 - 07), 60), table()).unwrap();
    assert_eq!(serde_json::to_value(&l).unwrap()["titoli"], 1);
    let w = lf(date!(2026 - 03 - 07), 60);
    let back: LfWork = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
    assert_eq!(back, w);
}

#[test]
fn communication_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<LfCommunication>();
    assert_send_sync::<CpoCommunication>();
    assert_send_sync::<LfWork>();
    assert_send_sync::<CpoWork>();
    assert_send_sync::<CommunicationError>();
}

// ---------------------------------------------------------------- properties

/// An utilizzatore of each kind that matters: a firm, a PA, a family.
fn utilizzatore(kind: u8) -> Utilizzatore {
    match kind % 3 {
        0 => firm(),
        1 => comune(),
        _ => family(),
    }
}

fn activity(n: u8) -> LfActivity {
    match n % 4 {
        0 => LfActivity::PiccoliLavoriDomestici,
        1 => LfActivity::AssistenzaDomiciliare,
        2 => LfActivity::InsegnamentoPrivatoSupplementare,
        _ => LfActivity::Steward,
    }
}

/// Any instant from 2016 to 2031, in a whole-hour offset of -2 to +2 hours.
fn instant() -> impl Strategy<Value = OffsetDateTime> {
    (0_i64..16 * 366 * 24 * 60, -2_i8..=2).prop_map(|(minutes, hours)| {
        (datetime!(2016-01-01 00:00 UTC) + Duration::minutes(minutes))
            .to_offset(time::UtcOffset::from_hms(hours, 0, 0).unwrap())
    })
}

fn cpo_work() -> impl Strategy<Value = CpoWork> {
    (
        instant(),
        0_i64..3 * 24 * 60,
        proptest::collection::vec(0_u64..20_000, 0..5),
        -3000_i64..3000,
        any::<bool>(),
        any::<bool>(),
        "[ a-z]{0,6}",
    )
        .prop_map(
            |(start, minutes, cents, ahead, appalto, purpose, oggetto)| {
                let mut work = CpoWork::new(
                    "Via Roma 1",
                    oggetto,
                    start,
                    start + Duration::minutes(minutes),
                    cents.into_iter().map(Euro::from_cents).collect(),
                    start - Duration::minutes(ahead),
                );
                work.within_appalto = appalto;
                if purpose {
                    work.pa_purpose = Some(PaPurpose::Events);
                }
                work
            },
        )
}

proptest! {
    /// Nothing panics on arbitrary LF input; a built communication is consistent.
    #[test]
    fn lf_never_panics(
        days in 0_i64..16 * 366,
        minutes in 0_u32..2000,
        kind in any::<u8>(),
        act in any::<u8>(),
        sent in -100_i64..100,
    ) {
        let day = date!(2016 - 01 - 01) + Duration::days(days);
        let work = LfWork::new(day, minutes, activity(act), "Via Roma 1", PrestazioneId(1));
        if let Ok(c) = LfCommunication::new(&utilizzatore(kind), &mario(), &work, table()) {
            prop_assert_eq!(c.prestazione().compenso(), c.compenso());
            prop_assert_eq!(c.prestazione().minutes(), minutes);
            prop_assert!(c.titoli() * 60 >= minutes);
            let lawful = c.check_sent_at(day + Duration::days(sent)).is_lawful();
            prop_assert_eq!(lawful, day + Duration::days(sent) <= c.communication_deadline());
        }
    }

    /// Nothing panics on arbitrary CPO input; the combined verdict is lawful iff every day's
    /// is, and lists exactly their breaches; the records' compensi sum to the communicated
    /// ones; the total cost is the sum of the days' costs.
    #[test]
    fn cpo_never_panics_and_adds_up(mut work in cpo_work(), kind in any::<u8>(), fill in 1_u64..10_000) {
        let u = utilizzatore(kind);
        let mut built = CpoCommunication::new(&u, &mario(), &work, table());
        // Retry a count mismatch with one compenso per day, so most cases are built.
        if let Err(CommunicationError::CompensiCount { days, .. }) = built {
            work.compensi = vec![Euro::from_cents(fill); days];
            built = CpoCommunication::new(&u, &mario(), &work, table());
        }
        if let Ok(c) = built {
            let every_day_lawful = c.days().iter().all(|d| {
                d.admissibility.is_lawful() && d.pay.is_lawful() && d.notice.is_lawful()
            });
            prop_assert_eq!(c.verdict().is_lawful(), every_day_lawful);
            let parts: Vec<RuleId> = c.days().iter().flat_map(|d| d.verdict().breaches).map(|b| b.rule).collect();
            let combined: Vec<RuleId> = c.verdict().breaches.iter().map(|b| b.rule).collect();
            prop_assert_eq!(parts, combined);

            let records = c.prestazioni(PrestazioneId(1)).unwrap();
            prop_assert_eq!(records.len(), c.days().len());
            prop_assert_eq!(records.len(), work.compensi.len());
            let sum = Euro::checked_sum(records.iter().map(prestazioni_occasionali::Prestazione::compenso));
            prop_assert_eq!(sum, Some(c.total_compenso()));
            prop_assert_eq!(sum, Euro::checked_sum(work.compensi.iter().copied()));
            let cost = Euro::checked_sum(c.days().iter().map(|d| d.cost.total));
            prop_assert_eq!(cost, Some(c.total_cost()));
            for (d, p) in c.days().iter().zip(&records) {
                prop_assert_eq!(d.day.date, p.day());
                prop_assert_eq!(d.special_category.is_some(), p.special_category());
            }
        }
    }
}

/// Source: CPO-AGRI-PAY and E10 (INPS msg 2887/2017: Area 1 9,65/h, daily minimum on 4
/// hours 38,60; Area 3 6,56/h, 26,24), CPO-MIN-PAY ("Agriculture (2017-2022) used the CCNL rate
/// instead"): an agricultural CPO in 2019 is checked against its area's floor, not 9,00 / 36,00;
/// without an area, against the highest one (conservative reading).
#[test]
fn agricultural_cpo_2019_uses_the_ccnl_floor() {
    use prestazioni_occasionali::AgriculturalArea;
    let mut headcounts = Headcounts::new();
    for month in 1..=12u8 {
        headcounts.insert(
            2018,
            Month::try_from(month).unwrap(),
            MonthlyHeadcount::full_time(2),
        );
        headcounts.insert(
            2019,
            Month::try_from(month).unwrap(),
            MonthlyHeadcount::full_time(2),
        );
    }
    let farm = Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Azienda Agricola Rossi",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    // A code of 2019: before 2025 only ATECO 2007 codes exist.
    .with_ateco(AtecoCode::on(date!(2019 - 09 - 10), "01.21.00").unwrap())
    .with_headcounts(headcounts);
    let pensioner = mario()
        .with_self_certification(
            SelfCertification::new(Categoria::PensionatoVecchiaia, date!(2018 - 01 - 01), None)
                .unwrap(),
        )
        .with_not_in_agricultural_lists(2018);
    let work = |cents: u64| {
        CpoWork::new(
            "Podere Rossi",
            "vendemmia",
            datetime!(2019-09-10 08:00 +02:00),
            datetime!(2019-09-10 12:00 +02:00),
            vec![Euro::from_cents(cents)],
            datetime!(2019-09-09 18:00 +02:00),
        )
    };
    let verdict = |w: &CpoWork| {
        CpoCommunication::new(&farm, &pensioner, w, table())
            .unwrap()
            .verdict()
            .clone()
    };
    // Area 1: 36,00 meets the general floor but not 38,60.
    let area1 = work(3600).with_agricultural_area(AgriculturalArea::Area1);
    let v = verdict(&area1);
    assert_eq!(
        v.to_string(),
        "CPO-AGRI-PAY: on 2019-09-10, compenso 36,00 € is below the minimum 38,60 € for an agricultural prestazione of 4 h 00 min at the agricultural rate of area 1 (art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017; reading R-AGRI-RATES: msg 2887/2017 prevails over the 7,57 / 6,94 / 6,52 of circ. 107/2017)"
    );
    assert_eq!(v.breaches[0].consequence, Consequence::PlatformRefusal);
    assert!(verdict(&work(3860).with_agricultural_area(AgriculturalArea::Area1)).is_lawful());
    // Area 3: 26,24 is enough.
    assert!(verdict(&work(2624).with_agricultural_area(AgriculturalArea::Area3)).is_lawful());
    assert!(!verdict(&work(2623).with_agricultural_area(AgriculturalArea::Area3)).is_lawful());
    // Area not given: the highest floor, 38,60.
    assert!(!verdict(&work(3859)).is_lawful());
    assert!(verdict(&work(3860)).is_lawful());
    // The day's cap profile carries the area for the ledger's hour limit (HOURS-AGRI): the one
    // given, or without one the area with the highest rate (area 1, 259 h: the lowest limit).
    let profile = |w: &CpoWork| {
        CpoCommunication::new(&farm, &pensioner, w, table())
            .unwrap()
            .days()[0]
            .profile
            .agricultural_area
    };
    assert_eq!(
        profile(&work(2624).with_agricultural_area(AgriculturalArea::Area3)),
        Some(AgriculturalArea::Area3)
    );
    assert_eq!(profile(&work(3860)), Some(AgriculturalArea::Area1));
    // A non-agricultural firm the same day keeps the general floor.
    let bar = cpo(
        datetime!(2019-09-10 08:00 +02:00),
        datetime!(2019-09-10 12:00 +02:00),
        &[36],
        datetime!(2019-09-09 18:00 +02:00),
    );
    assert!(
        CpoCommunication::new(&firm(), &mario(), &bar, table())
            .unwrap()
            .verdict()
            .is_lawful()
    );
}
