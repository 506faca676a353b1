//! ATECO 2007 (aggiornamento 2022) beside ATECO 2025 (reading R-ATECO-2025): editions, titles,
//! the law's lists in both editions through ISTAT's correspondence 2025 vs 2022, the caps and
//! headcount limits they bring, and the ambiguous codes that the host must declare.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AdmissibilityError, AmbiguousActivity, AtecoCode, AtecoEdition, AtecoError, Categoria,
    CommunicationError, CpoCommunication, CpoWork, Engagement, Error, Euro, Headcounts, Instrument,
    Ledger, MonthlyHeadcount, Prestatore, RoomQuery, RuleId, Rules, RulesTable, Section, Sector,
    SectorMembership, SelfCertification, Utilizzatore, UtilizzatoreError, UtilizzatoreKind,
    assess_admissibility,
};
use proptest::prelude::*;
use time::macros::{date, datetime};
use time::{Date, Month};

fn code(text: &str) -> AtecoCode {
    text.parse().unwrap()
}

fn rules(day: Date) -> &'static Rules {
    Rules::in_force_on(day).unwrap()
}

/// `n` full-time permanent employees every month from 2015 to 2030.
fn staff(n: u32) -> Headcounts {
    let mut h = Headcounts::new();
    for year in 2015..=2030 {
        for m in 1..=12u8 {
            h.insert(
                year,
                Month::try_from(m).unwrap(),
                MonthlyHeadcount::full_time(n),
            );
        }
    }
    h
}

fn firm(ateco: AtecoCode, employees: u32) -> Utilizzatore {
    Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Eventi Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_ateco(ateco)
    .with_headcounts(staff(employees))
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

/// Cap b for the utilizzatore on `day`, through the ledger's room.
fn cap_b(u: &Utilizzatore, day: Date) -> Euro {
    let query = RoomQuery {
        prestatore: mario().codice_fiscale(),
        utilizzatore: u.id(),
        day,
        instrument: Instrument::ContrattoPrestazioneOccasionale,
        special_category: false,
        steward: false,
        profile: u.cap_profile(rules(day)).unwrap(),
    };
    let room = Ledger::default().room(&query).unwrap();
    room.caps
        .iter()
        .find(|c| c.rule == RuleId::CapUtilizzatore)
        .unwrap()
        .limit
}

/// Whether a CPO on `day` is barred by the size limit, for a firm with `employees`.
fn size_barred(u: &Utilizzatore, day: Date) -> bool {
    assess_admissibility(
        Instrument::ContrattoPrestazioneOccasionale,
        u,
        &mario(),
        &Engagement::on(day),
        rules(day),
    )
    .unwrap()
    .breaches_rule(RuleId::ProhibSize)
}

/// The events list of INPS circ. 75/2023 in ATECO 2007 and its ATECO 2025 counterparts through
/// ISTAT's correspondence.
const EVENTS_2007: [&str; 4] = ["82.30.00", "96.04.20", "93.21.01", "96.09.05"];
const EVENTS_2025: [&str; 8] = [
    "82.30.01", "82.30.02", "82.30.03", "82.30.04", "82.30.09", "96.23.10", "93.21.00", "96.99.93",
];

/// Source: CAP-UTILIZZATORE-EVENTS (D.L. 48/2023 art. 37; INPS circ. 75/2023), PROHIB-SIZE
/// (25 for the events list from 5/5/2023), CAP-UTILIZZATORE-TOTAL (5.000, 10.000 from
/// 1/1/2023); ISTAT "Corrispondenza 2025 vs 2022" for the 2025 codes (issue 10: an events company
/// with 82.30.01, a spa with 96.23.10, a park with 93.21.00, a party organiser with 96.99.93).
#[test]
fn every_events_code_of_both_editions_gets_the_events_cap_and_headcount() {
    let codes = EVENTS_2007
        .iter()
        .map(|c| AtecoCode::new(AtecoEdition::Ateco2007, c).unwrap())
        .chain(
            EVENTS_2025
                .iter()
                .map(|c| AtecoCode::new(AtecoEdition::Ateco2025, c).unwrap()),
        );
    for code in codes {
        assert!(Sector::EventsThermalParks.includes(&code), "{code:#}");
        let u = firm(code, 25);
        // Cap b: 5.000 in 2022, 10.000 from 1/1/2023, 15.000 from 5/5/2023.
        assert_eq!(
            cap_b(&u, date!(2022 - 06 - 01)),
            Euro::from_euros(5_000),
            "{code:#}"
        );
        assert_eq!(
            cap_b(&u, date!(2023 - 05 - 04)),
            Euro::from_euros(10_000),
            "{code:#}"
        );
        assert_eq!(
            cap_b(&u, date!(2023 - 05 - 05)),
            Euro::from_euros(15_000),
            "{code:#}"
        );
        assert_eq!(
            cap_b(&u, date!(2026 - 03 - 07)),
            Euro::from_euros(15_000),
            "{code:#}"
        );
        // Headcount: 25 is not more than 25 from 5/5/2023; 26 is.
        assert!(!size_barred(&u, date!(2026 - 03 - 07)), "{code:#}");
        assert!(!size_barred(&u, date!(2023 - 05 - 05)), "{code:#}");
        assert!(size_barred(&u, date!(2023 - 05 - 04)), "{code:#}");
        assert!(
            size_barred(&firm(code, 26), date!(2026 - 03 - 07)),
            "{code:#}"
        );
    }
    // A firm outside the list: 10.000 and more than 10 bars it.
    let software = firm(code("ATECO 2025 62.10.00"), 11);
    assert_eq!(
        cap_b(&software, date!(2026 - 03 - 07)),
        Euro::from_euros(10_000)
    );
    assert!(size_barred(&software, date!(2026 - 03 - 07)));
}

/// Source: PROHIB-SECTORS (c. 14 lett. c), PROHIB-AGRI (banned from 1/1/2023), with ATECO 2025
/// codes mapped through ISTAT's correspondence.
#[test]
fn bans_hold_for_ateco_2025_codes() {
    let day = date!(2026 - 03 - 07);
    let verdict = |u: &Utilizzatore| {
        assess_admissibility(
            Instrument::ContrattoPrestazioneOccasionale,
            u,
            &mario(),
            &Engagement::on(day),
            rules(day),
        )
        .unwrap()
    };
    for (text, sector) in [
        ("ATECO 2025 41.00.00", Sector::Construction),
        ("ATECO 2025 43.21.01", Sector::Construction),
        ("ATECO 2025 23.70.10", Sector::StoneWorking),
        ("ATECO 2025 08.11.00", Sector::StoneWorking),
        ("ATECO 2025 05.10.00", Sector::Mining),
        ("ATECO 2025 09.90.00", Sector::Mining),
    ] {
        let c = code(text);
        assert!(sector.includes(&c), "{text}");
        let v = verdict(&firm(c, 1));
        assert!(v.breaches_rule(RuleId::ProhibSectors), "{text}");
        assert!(v.to_string().contains(sector.citation()), "{text}");
    }
    for text in [
        "ATECO 2025 01.11.00",
        "ATECO 2025 01.13.20",
        "ATECO 2025 02.10.00",
    ] {
        let c = code(text);
        assert!(Sector::Agriculture.includes(&c), "{text}");
        assert!(
            verdict(&firm(c, 1)).breaches_rule(RuleId::ProhibAgri),
            "{text}"
        );
    }
    // Outside every list.
    assert!(verdict(&firm(code("ATECO 2025 62.10.00"), 1)).is_lawful());
}

/// Source: PROHIB-SIZE, hotel regime of D.L. 87/2018 art. 2-bis (8 employees, comma-8 prestatori
/// only, 12/8/2018-31/12/2022), with ATECO 2007 codes as assigned before 2025.
#[test]
fn hospitality_2018_2022_with_ateco_2007_codes() {
    let day = date!(2019 - 07 - 01);
    let hotel = firm(AtecoCode::on(day, "55.10.00").unwrap(), 7);
    assert_eq!(hotel.ateco()[0].edition(), AtecoEdition::Ateco2007);
    let pensioner = mario().with_self_certification(
        SelfCertification::new(Categoria::PensionatoVecchiaia, date!(2017 - 06 - 24), None)
            .unwrap(),
    );
    let check = |p: &Prestatore| {
        assess_admissibility(
            Instrument::ContrattoPrestazioneOccasionale,
            &hotel,
            p,
            &Engagement::on(day),
            rules(day),
        )
        .unwrap()
    };
    assert!(check(&pensioner).is_lawful());
    let v = check(&mario());
    assert!(v.breaches_rule(RuleId::EligCategory));
    assert!(!v.breaches_rule(RuleId::ProhibSize)); // 7 is not more than 8
    // The same firm with 9 employees is barred; a non-hotel with 7 already is (more than 5).
    assert!(size_barred(
        &firm(AtecoCode::on(day, "55.20.51").unwrap(), 9),
        day
    ));
    assert!(size_barred(
        &firm(AtecoCode::on(day, "56.10.11").unwrap(), 7),
        day
    ));
}

/// Source: issue 10 and ISTAT's correspondence: 93.29.99 (ATECO 2025) holds part of 82.30.00 and
/// other activities. Refused with a clear message until the activity is declared; declared, it
/// gets the cap and headcount of what it declared.
#[test]
fn an_ambiguous_code_is_refused_until_declared() {
    let day = date!(2026 - 03 - 07);
    let unclear = firm(code("ATECO 2025 93.29.99"), 20);
    let message = "ATECO 2025 code 93.29.99 (Altre attività varie di intrattenimento e divertimento n.c.a.) is ambiguous for the list congressi, fiere, eventi, terme, parchi (art. 54-bis c. 1 lett. b D.L. 50/2017 as amended by D.L. 48/2023 art. 37 conv. L. 85/2023; ATECO list of INPS circ. 75/2023): ISTAT's correspondence 2025 vs 2022 maps it to ATECO 2007 82.30.00 (on the list) and 93.11.90, 93.19.10, 93.19.99, 93.29.90 (not on the list); declare the utilizzatore's ATECO 2007 activity (Utilizzatore::with_declared_activity, reading R-ATECO-2025)";

    let err = unclear.cap_profile(rules(day)).unwrap_err();
    assert_eq!(
        err,
        AmbiguousActivity {
            code: code("93.29.99"),
            sector: Sector::EventsThermalParks
        }
    );
    assert_eq!(err.to_string(), message);
    assert_eq!(Error::from(err).to_string(), message);

    let err = assess_admissibility(
        Instrument::ContrattoPrestazioneOccasionale,
        &unclear,
        &mario(),
        &Engagement::on(day),
        rules(day),
    )
    .unwrap_err();
    assert!(matches!(err, AdmissibilityError::AmbiguousActivity(_)));
    assert_eq!(err.to_string(), message);

    let work = CpoWork::new(
        "Fiera di Roma",
        "hostess",
        datetime!(2026-03-07 13:00 UTC),
        datetime!(2026-03-07 17:00 UTC),
        vec![Euro::from_euros(36)],
        datetime!(2026-03-06 12:00 UTC),
    );
    let err = CpoCommunication::new(&unclear, &mario(), &work, RulesTable::embedded()).unwrap_err();
    assert!(matches!(err, CommunicationError::Admissibility(_)));
    assert_eq!(err.to_string(), message);

    // Before 5/5/2023 the events list does not matter yet: no question, no error.
    let early = date!(2023 - 03 - 01);
    assert!(!unclear.cap_profile(rules(early)).unwrap().events_sector);

    // Declared as congressi e fiere: the events cap and the 25 limit.
    let fiere = unclear
        .clone()
        .with_declared_activity(code("ATECO 2025 93.29.99"), code("82.30.00"))
        .unwrap();
    assert_eq!(cap_b(&fiere, day), Euro::from_euros(15_000));
    assert!(!size_barred(&fiere, day));
    let cpo = CpoCommunication::new(&fiere, &mario(), &work, RulesTable::embedded()).unwrap();
    assert!(cpo.verdict().is_lawful());
    assert!(cpo.days()[0].profile.events_sector);

    // Declared as another activity: 10.000 and more than 10 employees bars it.
    let other = unclear
        .with_declared_activity(code("ATECO 2025 93.29.99"), code("93.29.90"))
        .unwrap();
    assert_eq!(cap_b(&other, day), Euro::from_euros(10_000));
    assert!(size_barred(&other, day));
}

/// Source: ISTAT's correspondence: 81.22.09 (ATECO 2025, other building and industrial cleaning,
/// section N) also holds part of 43.39.09 and 43.99.01 (construction, section F): ambiguous for the
/// construction ban until declared. A code of section F itself is on the list whatever ISTAT maps
/// it to (43.33.00, floor and wall covering, also holds part of 30.11.02, shipyards).
#[test]
fn an_ambiguous_construction_code_is_declared_either_way() {
    let day = date!(2026 - 03 - 07);
    assert_eq!(
        Sector::Construction.classify(&code("ATECO 2025 43.33.00")),
        SectorMembership::Listed
    );
    assert_eq!(
        Sector::Construction.classify(&code("ATECO 2025 43.60.00")),
        SectorMembership::Listed
    );
    assert_eq!(
        Sector::Agriculture.classify(&code("ATECO 2025 03.30.00")),
        SectorMembership::Listed
    );
    let floors = firm(code("ATECO 2025 81.22.09"), 1);
    let err = assess_admissibility(
        Instrument::ContrattoPrestazioneOccasionale,
        &floors,
        &mario(),
        &Engagement::on(day),
        rules(day),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with(
        "ATECO 2025 code 81.22.09 (Altre attività di pulizia di edifici e pulizia industriale n.c.a.) is ambiguous for the list edilizia e settori affini"
    ), "{err}");
    let check = |activity: &str| {
        let u = floors
            .clone()
            .with_declared_activity(code("ATECO 2025 81.22.09"), code(activity))
            .unwrap();
        assess_admissibility(
            Instrument::ContrattoPrestazioneOccasionale,
            &u,
            &mario(),
            &Engagement::on(day),
            rules(day),
        )
        .unwrap()
    };
    assert!(check("ATECO 2007 43.39.09").breaches_rule(RuleId::ProhibSectors));
    assert!(check("ATECO 2007 81.22.02").is_lawful());
}

/// Declarations are checked: an ATECO 2007 subcategory among those the code covers.
#[test]
fn declared_activities_are_checked() {
    let u = firm(code("ATECO 2025 93.29.99"), 1);
    let err = u
        .clone()
        .with_declared_activity(code("ATECO 2025 93.29.99"), code("ATECO 2007 93.29"))
        .unwrap_err();
    assert!(matches!(
        err,
        UtilizzatoreError::UndeclarableActivity { .. }
    ));
    assert_eq!(
        err.to_string(),
        "declared activity ATECO 2007 93.29 is not one of the ATECO 2007 subcategories of ATECO 2025 93.29.99 (82.30.00, 93.11.90, 93.19.10, 93.19.99, 93.29.90): declare one of them"
    );
    assert!(
        u.clone()
            .with_declared_activity(code("ATECO 2025 93.29.99"), code("ATECO 2025 93.29.10"))
            .is_err()
    );
    // A broad ATECO 2007 code declares one of its subcategories; a new declaration replaces.
    let broad = Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Svago Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_declared_activity(code("ATECO 2007 93.29"), code("ATECO 2007 93.29.90"))
    .unwrap()
    .with_declared_activity(code("ATECO 2007 93.29"), code("ATECO 2007 93.29.10"))
    .unwrap();
    assert_eq!(broad.declared_activities().len(), 1);
    assert_eq!(broad.ateco(), [code("ATECO 2007 93.29")]);
    assert_eq!(broad.is_in_sector(Sector::Nightlife), Ok(true));
}

/// Source: ISTAT ATECO 2007 aggiornamento 2022 and ATECO 2025 (titles, as forms show them).
#[test]
fn titles_in_both_editions() {
    for (text, title) in [
        ("82.30.00", "Organizzazione di convegni e fiere"),
        (
            "ATECO 2007 93.29.10",
            "Discoteche, sale da ballo night-club e simili",
        ),
        ("ATECO 2025 93.29.10", "Gestione di piste e sale da ballo"),
        ("96.23.10", "Servizi di centri termali"),
        ("96.99.93", "Servizi di organizzazione di feste e cerimonie"),
        (
            "ATECO 2025 93.21.00",
            "Attività dei parchi di divertimento e dei parchi tematici",
        ),
    ] {
        assert_eq!(code(text).title(), title, "{text}");
    }
    for edition in AtecoEdition::ALL {
        assert!(edition.codes().all(|c| !c.title().is_empty()));
    }
}

/// Editions from a day: before 2025 only ATECO 2007; from 2025 a code of both needs the edition.
#[test]
fn editions_from_a_day() {
    assert_eq!(
        AtecoCode::on(date!(2024 - 12 - 31), "55.10.00")
            .unwrap()
            .edition(),
        AtecoEdition::Ateco2007
    );
    assert_eq!(
        AtecoCode::on(date!(2025 - 01 - 01), "55.10.00").unwrap_err(),
        AtecoError::EditionNeeded {
            code: "55.10.00".to_owned()
        }
    );
    assert_eq!(
        AtecoCode::on(date!(2025 - 04 - 01), "ATECO 2025 55.10.00").unwrap(),
        code("ATECO 2025 55.10.00")
    );
    // A 2025 code given with a day before 2025 contradicts it.
    assert_eq!(
        AtecoCode::on(date!(2024 - 06 - 01), "ATECO 2025 82.30.01").unwrap_err(),
        AtecoError::NotInEdition {
            code: "82.30.01".to_owned(),
            edition: AtecoEdition::Ateco2007
        }
    );
}

/// Every ATECO 2025 subcategory mapped only from listed ATECO 2007 codes is listed, every one with
/// mixed origins is ambiguous, every other is not listed (the generated lists against ISTAT's
/// correspondence), for every list; a subcategory of a section that is a whole list (A, B, F) is
/// listed whatever its origins (R-SECTOR-ATECO).
#[test]
fn derived_2025_lists_follow_the_correspondence_for_every_subcategory() {
    let mut ambiguous = 0;
    for c in AtecoEdition::Ateco2025.codes().filter(|c| c.depth() == 6) {
        let origins = c.activities_2007();
        assert!(!origins.is_empty(), "{c}");
        for sector in Sector::ALL {
            let on: Vec<SectorMembership> = origins.iter().map(|o| sector.classify(o)).collect();
            let expected =
                if in_its_section(sector, c) || on.iter().all(|m| *m == SectorMembership::Listed) {
                    SectorMembership::Listed
                } else if on.iter().all(|m| *m == SectorMembership::NotListed) {
                    SectorMembership::NotListed
                } else {
                    ambiguous += 1;
                    SectorMembership::Ambiguous
                };
            assert_eq!(sector.classify(&c), expected, "{c} {sector:?}");
        }
    }
    // 93.29.99 (events), 55.90.00 (hospitality), 49.34.00, 81.22.09 and 91.30.01 (construction).
    assert_eq!(ambiguous, 5);
}

/// Whether `c` is an ATECO 2025 code of the section that is the whole of `sector`'s list
/// (construction F, mining B, agriculture A: reading R-SECTOR-ATECO).
fn in_its_section(sector: Sector, c: AtecoCode) -> bool {
    let section = match sector {
        Sector::Construction => Section::F,
        Sector::Mining => Section::B,
        Sector::Agriculture => Section::A,
        _ => return false,
    };
    c.edition() == AtecoEdition::Ateco2025 && c.section() == section
}

fn any_code() -> impl Strategy<Value = AtecoCode> {
    prop_oneof![
        proptest::sample::select(AtecoEdition::Ateco2007.codes().collect::<Vec<_>>()),
        proptest::sample::select(AtecoEdition::Ateco2025.codes().collect::<Vec<_>>()),
    ]
}

proptest! {
    /// The same rule at any depth: a code is listed when all the ATECO 2007 activities it covers
    /// are (or, for a list that is a whole section, when it is a 2025 code of that section), not
    /// listed when none is, ambiguous otherwise.
    #[test]
    fn membership_follows_the_activities_at_any_depth(c in any_code()) {
        for sector in Sector::ALL {
            let on: Vec<SectorMembership> = c.activities_2007().iter().map(|o| sector.classify(o)).collect();
            let expected = if in_its_section(sector, c) || on.iter().all(|m| *m == SectorMembership::Listed) {
                SectorMembership::Listed
            } else if on.iter().all(|m| *m == SectorMembership::NotListed) {
                SectorMembership::NotListed
            } else {
                SectorMembership::Ambiguous
            };
            prop_assert_eq!(sector.classify(&c), expected, "{:#} {:?}", c, sector);
        }
    }

    /// parse(display) round trips: the form with the edition always, the bare form when the code
    /// is of one edition only (and is refused, naming the code, when it is of both).
    #[test]
    fn parse_display_round_trips(c in any_code()) {
        prop_assert_eq!(format!("{c:#}").parse::<AtecoCode>().unwrap(), c);
        prop_assert_eq!(AtecoCode::new(c.edition(), &c.to_string()).unwrap(), c);
        let other = match c.edition() {
            AtecoEdition::Ateco2007 => AtecoEdition::Ateco2025,
            _ => AtecoEdition::Ateco2007,
        };
        match c.to_string().parse::<AtecoCode>() {
            Ok(bare) => {
                prop_assert_eq!(bare, c);
                prop_assert!(AtecoCode::new(other, &c.to_string()).is_err());
            }
            Err(e) => {
                prop_assert_eq!(e, AtecoError::EditionNeeded { code: c.to_string() });
                prop_assert!(AtecoCode::new(other, &c.to_string()).is_ok());
            }
        }
        prop_assert_eq!(format!("{c:?}"), format!("AtecoCode({c:#})"));
    }
}

proptest! {
    /// A refused declaration changes nothing; an accepted one settles every list for the code.
    #[test]
    fn declarations_are_all_or_nothing(c in any_code(), activity in any_code()) {
        let mut u = firm(code("ATECO 2025 62.10.00"), 1);
        let before = u.clone();
        if u.declare_activity(c, activity).is_ok() {
            prop_assert!(u.ateco().contains(&c));
            for sector in Sector::ALL {
                prop_assert!(u.is_in_sector(sector).is_ok());
            }
        } else {
            prop_assert_eq!(&u, &before);
        }
    }
}

#[cfg(feature = "serde")]
mod serde_round_trips {
    use super::*;

    proptest! {
        #[test]
        fn codes_keep_their_edition(c in any_code()) {
            let json = serde_json::to_string(&c).unwrap();
            prop_assert_eq!(&json, &format!("\"{c:#}\""));
            prop_assert_eq!(serde_json::from_str::<AtecoCode>(&json).unwrap(), c);
        }
    }

    #[test]
    fn editions_and_declarations_round_trip_through_the_checks() {
        for edition in AtecoEdition::ALL {
            let json = serde_json::to_string(&edition).unwrap();
            assert_eq!(
                serde_json::from_str::<AtecoEdition>(&json).unwrap(),
                edition
            );
        }
        assert_eq!(
            serde_json::to_string(&AtecoEdition::Ateco2025).unwrap(),
            "\"ATECO 2025\""
        );
        // A bare code of both editions is refused, naming it.
        let err = serde_json::from_str::<AtecoCode>("\"55.10.00\"").unwrap_err();
        assert!(
            err.to_string()
                .contains("ateco code 55.10.00 exists in both")
        );

        let u = firm(code("ATECO 2025 93.29.99"), 3)
            .with_declared_activity(code("ATECO 2025 93.29.99"), code("82.30.00"))
            .unwrap();
        let json = serde_json::to_string(&u).unwrap();
        assert!(json.contains("\"ATECO 2025 93.29.99\""));
        assert_eq!(serde_json::from_str::<Utilizzatore>(&json).unwrap(), u);
        // A declaration outside the code's activities cannot enter through serde.
        let bad = json.replace("\"ATECO 2007 82.30.00\"", "\"ATECO 2007 96.09.05\"");
        assert!(serde_json::from_str::<Utilizzatore>(&bad).is_err());
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<AtecoEdition>();
    check::<AtecoCode>();
    check::<AtecoError>();
    check::<SectorMembership>();
    check::<AmbiguousActivity>();
    check::<prestazioni_occasionali::DeclaredActivity>();
}
