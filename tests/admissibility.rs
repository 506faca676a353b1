//! Parties and admissibility (issue 3): who may use which instrument, for whom, on which day.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AdmissibilityError, AtecoCode, AtecoEdition, Categoria, CodiceFiscale, Consequence, Engagement,
    Euro, HeadcountError, Headcounts, Instrument, LfActivity, MonthlyHeadcount, PaPurpose,
    ParentalConsent, Prestatore, PrestatoreError, PriorRelationship, RelationshipKind, RuleId,
    Rules, SelfCertification, Utilizzatore, UtilizzatoreKind, Verdict, assess_admissibility,
};
use proptest::prelude::*;
use time::macros::date;
use time::{Date, Month};

const CPO: Instrument = Instrument::ContrattoPrestazioneOccasionale;
const LF: Instrument = Instrument::LibrettoFamiglia;

/// A valid personal codice fiscale (RSSMRA, born in A562) for `birth`.
fn cf_for(birth: Date, female: bool) -> CodiceFiscale {
    const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let day = u32::from(birth.day()) + if female { 40 } else { 0 };
    let body = format!(
        "RSSMRA{:02}{}{:02}A562",
        birth.year().rem_euclid(100),
        MONTHS[usize::from(birth.month() as u8) - 1] as char,
        day
    );
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let v = if b.is_ascii_digit() {
                b - b'0'
            } else {
                b - b'A'
            };
            if i % 2 == 0 {
                ODD[usize::from(v)]
            } else {
                u32::from(v)
            }
        })
        .sum();
    let check = char::from(b'A' + u8::try_from(sum % 26).unwrap());
    format!("{body}{check}").parse().unwrap()
}

fn prestatore(birth: Date) -> Prestatore {
    Prestatore::new(cf_for(birth, false), "Mario", "Rossi", birth).unwrap()
}

fn adult() -> Prestatore {
    prestatore(date!(1985 - 12 - 10))
}

fn pensionato() -> Prestatore {
    adult().with_self_certification(
        SelfCertification::new(Categoria::PensionatoVecchiaia, date!(2017 - 06 - 24), None)
            .unwrap(),
    )
}

fn rules(day: Date) -> &'static Rules {
    Rules::in_force_on(day).unwrap()
}

/// Every month from January `from` to December `to` at `n` full-timers.
fn flat(from: i32, to: i32, n: u32) -> Headcounts {
    let mut h = Headcounts::new();
    for year in from..=to {
        for m in 1..=12 {
            h.insert(
                year,
                Month::try_from(m).unwrap(),
                MonthlyHeadcount::full_time(n),
            );
        }
    }
    h
}

fn firm(kind: UtilizzatoreKind, ateco: &[&str], headcounts: Headcounts) -> Utilizzatore {
    let mut u = Utilizzatore::new("12345670157".parse().unwrap(), "Rossi Srl", kind)
        .unwrap()
        .with_headcounts(headcounts);
    // The codes of these tests are ATECO 2007 (aggiornamento 2022), the codes of INPS's lists.
    for code in ateco {
        u = u.with_ateco(AtecoCode::new(AtecoEdition::Ateco2007, code).unwrap());
    }
    u
}

fn impresa(ateco: &[&str], headcounts: Headcounts) -> Utilizzatore {
    firm(UtilizzatoreKind::Impresa, ateco, headcounts)
}

fn family() -> Utilizzatore {
    Utilizzatore::new(
        "BNCGNN60A01H501P".parse().unwrap(),
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap()
}

fn assess(i: Instrument, u: &Utilizzatore, p: &Prestatore, e: &Engagement) -> Verdict {
    assess_admissibility(i, u, p, e, rules(e.day)).unwrap()
}

fn rules_of(v: &Verdict) -> Vec<RuleId> {
    v.breaches.iter().map(|b| b.rule).collect()
}

#[test]
fn test_helper_builds_the_known_code() {
    assert_eq!(
        cf_for(date!(1985 - 12 - 10), false).to_string(),
        "RSSMRA85T10A562S"
    );
}

/// Source: worked example E7 (INPS msg 2887/2017 via [H14]): a semester average of 5,1 is more than 5.
#[test]
fn e7_five_point_one_is_more_than_five() {
    let avg = prestazioni_occasionali::SemesterAverage {
        average: "5.1".parse().unwrap(),
        first: (2019, Month::February),
        last: (2019, Month::July),
        figures: [5, 5, 5, 5, 5, 6],
    };
    assert!(avg.is_more_than(5));
    // With whole monthly figures the nearest case: 5,5,5,5,5,6 averages 5,17 > 5, barred in 2019.
    let mut h = Headcounts::new();
    for (m, n) in [(2, 5), (3, 5), (4, 5), (5, 5), (6, 5), (7, 6)] {
        h.insert(
            2019,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n),
        );
    }
    let v = assess(
        CPO,
        &impresa(&["47.11.10"], h),
        &adult(),
        &Engagement::on(date!(2019 - 10 - 15)),
    );
    assert_eq!(rules_of(&v), [RuleId::ProhibSize]);
    assert_eq!(
        v.breaches[0].facts,
        "semester average 5,17 permanent employees (Feb-Jul 2019) is more than 5"
    );
}

/// Source: worked example E7 (DERIVED): Feb-Jul 2025 counts 10, 10, 11, 10, 10, 10 average 10,17 > 10,
/// so an October 2025 CPO is barred.
#[test]
fn e7_ten_point_seventeen_bars_october_2025() {
    let mut h = Headcounts::new();
    for (m, n) in [(2, 10), (3, 10), (4, 11), (5, 10), (6, 10), (7, 10)] {
        h.insert(
            2025,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n),
        );
    }
    let day = date!(2025 - 10 - 20);
    let v = assess(
        CPO,
        &impresa(&["47.11.10"], h),
        &adult(),
        &Engagement::on(day),
    );
    assert_eq!(rules_of(&v), [RuleId::ProhibSize]);
    let b = &v.breaches[0];
    assert_eq!(
        b.facts,
        "semester average 10,17 permanent employees (Feb-Jul 2025) is more than 10"
    );
    assert_eq!(b.citation, rules(day).headcount_limit.citation);
    assert_eq!(
        b.consequence,
        Consequence::AdministrativeFine {
            min: Euro::from_euros(500),
            max: Euro::from_euros(2_500),
            reduced: Euro::from_cents(83_333),
            units: 1
        }
    );
}

/// Source: worked example E7 (DERIVED): an events firm (ATECO 82.30.00) averaging 24,5 may use the CPO.
#[test]
fn e7_events_firm_at_24_5_may_use_cpo() {
    let mut h = Headcounts::new();
    for (m, n) in [(2, 24), (3, 25), (4, 24), (5, 25), (6, 24), (7, 25)] {
        h.insert(
            2025,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n),
        );
    }
    let u = impresa(&["82.30.00"], h);
    let day = date!(2025 - 10 - 20);
    assert!(
        assess(CPO, &u, &adult(), &Engagement::on(day)).is_lawful(),
        "24,5 is not more than 25"
    );
    assert!(u.cap_profile(rules(day)).unwrap().events_sector);
    // ... with cap b 15.000 € (E7).
    assert_eq!(
        rules(day).cap_utilizzatore_events.value,
        Some(Euro::from_euros(15_000))
    );
    // Before D.L. 48/2023 the general limit applied: 24,5 > 10.
    let mut h = Headcounts::new();
    for (m, n) in [(9, 24), (10, 25), (11, 24), (12, 25)] {
        h.insert(
            2022,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n),
        );
    }
    for (m, n) in [(1, 24), (2, 25)] {
        h.insert(
            2023,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n),
        );
    }
    let v = assess(
        CPO,
        &impresa(&["82.30.00"], h),
        &adult(),
        &Engagement::on(date!(2023 - 05 - 04)),
    );
    assert_eq!(rules_of(&v), [RuleId::ProhibSize]);
}

/// Source: PROHIB-SIZE, R-HEADCOUNT ("more than N"): an average of exactly 10 is allowed.
#[test]
fn e7_average_exactly_ten_is_allowed() {
    let v = assess(
        CPO,
        &impresa(&["47.11.10"], flat(2025, 2025, 10)),
        &adult(),
        &Engagement::on(date!(2025 - 10 - 20)),
    );
    assert!(v.is_lawful(), "{v}");
}

/// Source: EMPLOYEE-COUNT: every month of the semester is needed.
#[test]
fn missing_month_is_an_error_naming_it() {
    let mut h = flat(2025, 2025, 3);
    h.insert(2025, Month::April, MonthlyHeadcount::full_time(3));
    let mut without = Headcounts::new();
    for ((y, m), c) in h.iter() {
        if (y, m) != (2025, Month::May) {
            without.insert(y, m, c.clone());
        }
    }
    let day = date!(2025 - 10 - 20);
    let err = assess_admissibility(
        CPO,
        &impresa(&["47.11.10"], without),
        &adult(),
        &Engagement::on(day),
        rules(day),
    )
    .unwrap_err();
    assert_eq!(
        err,
        AdmissibilityError::Headcount(HeadcountError::MissingMonth {
            year: 2025,
            month: 5,
            day
        })
    );
    assert_eq!(
        err.to_string(),
        "headcount of 2025-05 is missing: the semester from the 8th to the 3rd month before 2025-10-20 needs every month (art. 54-bis c. 14 lett. a; INPS circ. 107/2017)"
    );
}

/// Source: PROHIB-AGRI and PROHIB-SIZE: L. 197/2022 art. 1 c. 342, in force 1/1/2023.
#[test]
fn change_day_2023_agriculture() {
    let farm = impresa(&["01.13.10"], flat(2022, 2022, 2));
    let p = pensionato().with_not_in_agricultural_lists(2021);
    let before = assess(CPO, &farm, &p, &Engagement::on(date!(2022 - 12 - 31)));
    assert!(before.is_lawful(), "{before}");
    let after = assess(CPO, &farm, &p, &Engagement::on(date!(2023 - 01 - 01)));
    assert_eq!(rules_of(&after), [RuleId::ProhibAgri]);
    assert_eq!(
        after.breaches[0].citation,
        rules(date!(2023 - 01 - 01)).agriculture.citation
    );
    // 2022 without the comma-8 category or the self-certification for 2021.
    let v = assess(CPO, &farm, &adult(), &Engagement::on(date!(2022 - 12 - 31)));
    assert_eq!(rules_of(&v), [RuleId::ProhibAgri]);
    assert_eq!(
        v.breaches[0].facts,
        "an agricultural CPO needs a comma-8 prestatore not in the agricultural lists the previous year: no comma-8 category holds on 2022-12-31, no self-certification of not being in the elenchi anagrafici dei lavoratori agricoli in 2021"
    );
}

/// Source: PROHIB-SIZE: 5 until 31/12/2022, 10 from 1/1/2023.
#[test]
fn change_day_2023_headcount() {
    let shop = impresa(&["47.11.10"], flat(2022, 2022, 7));
    let before = assess(CPO, &shop, &adult(), &Engagement::on(date!(2022 - 12 - 31)));
    assert_eq!(rules_of(&before), [RuleId::ProhibSize]);
    let after = assess(CPO, &shop, &adult(), &Engagement::on(date!(2023 - 01 - 01)));
    assert!(after.is_lawful(), "{after}");
}

/// Source: PROHIB-SIZE: the hotel regime (8, comma-8 prestatori only) ends 31/12/2022.
#[test]
fn change_day_2023_hotels() {
    let hotel = impresa(&["55.10.00"], flat(2022, 2022, 7));
    let before = assess(
        CPO,
        &hotel,
        &adult(),
        &Engagement::on(date!(2022 - 12 - 31)),
    );
    assert_eq!(rules_of(&before), [RuleId::EligCategory]);
    let after = assess(
        CPO,
        &hotel,
        &adult(),
        &Engagement::on(date!(2023 - 01 - 01)),
    );
    assert!(after.is_lawful(), "{after}");
}

/// Source: PROHIB-SIZE (D.L. 87/2018 art. 2-bis): hotels in 2019, up to 8, comma-8 only.
#[test]
fn hotels_2019_with_and_without_comma8() {
    let day = date!(2019 - 07 - 15);
    let hotel = impresa(&["55.10.00"], flat(2018, 2019, 7));
    assert!(assess(CPO, &hotel, &pensionato(), &Engagement::on(day)).is_lawful());
    let v = assess(CPO, &hotel, &adult(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::EligCategory]);
    assert!(matches!(
        v.breaches[0].consequence,
        Consequence::AdministrativeFine { units: 1, .. }
    ));
    // The prestatore's false self-certification moves the fine away (c. 20 from 12/8/2018).
    let v = assess(
        CPO,
        &hotel,
        &adult(),
        &Engagement::on(day).with_false_self_certification(),
    );
    assert_eq!(
        v.breaches[0].consequence,
        Consequence::ExemptFalseSelfCertification
    );
    // 9 employees: more than the hotel limit 8.
    let big = impresa(&["55.10.00"], flat(2018, 2019, 9));
    let v = assess(CPO, &big, &pensionato(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::ProhibSize]);
    assert_eq!(
        v.breaches[0].facts,
        "semester average 9 permanent employees (Nov 2018-Apr 2019) is more than 8 (hotel limit)"
    );
}

/// Source: PROHIB-AGRI (c. 14 lett. b as in force until 31/12/2022): an agricultural CPO needs
/// both conditions, a comma-8 prestatore and the self-certification of not being in the
/// agricultural lists the previous year; either alone is not enough, and the facts name the
/// one missing.
#[test]
fn agriculture_2022_needs_both_conditions() {
    let farm = impresa(&["01.13.10"], flat(2022, 2022, 2));
    let day = date!(2022 - 12 - 31);
    // The comma-8 category without the self-certification for 2021.
    let v = assess(CPO, &farm, &pensionato(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::ProhibAgri]);
    assert_eq!(
        v.breaches[0].facts,
        "an agricultural CPO needs a comma-8 prestatore not in the agricultural lists the previous year: no self-certification of not being in the elenchi anagrafici dei lavoratori agricoli in 2021"
    );
    // The self-certification for 2021 without a comma-8 category.
    let listed_out = adult().with_not_in_agricultural_lists(2021);
    let v = assess(CPO, &farm, &listed_out, &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::ProhibAgri]);
    assert_eq!(
        v.breaches[0].facts,
        "an agricultural CPO needs a comma-8 prestatore not in the agricultural lists the previous year: no comma-8 category holds on 2022-12-31"
    );
}

/// Source: SANCT-ADMIN: the exemption exists only from 12/8/2018 (D.L. 87/2018).
#[test]
fn false_self_certification_before_2018_amendment_is_fined() {
    let farm = impresa(&["01.13.10"], flat(2017, 2017, 1));
    let v = assess(
        CPO,
        &farm,
        &adult(),
        &Engagement::on(date!(2017 - 10 - 02)).with_false_self_certification(),
    );
    assert!(matches!(
        v.breaches[0].consequence,
        Consequence::AdministrativeFine { .. }
    ));
    let v = assess(
        CPO,
        &impresa(&["01.13.10"], flat(2019, 2020, 1)),
        &adult(),
        &Engagement::on(date!(2020 - 10 - 02)).with_false_self_certification(),
    );
    assert_eq!(
        v.breaches[0].consequence,
        Consequence::ExemptFalseSelfCertification
    );
}

/// Source: LF-USERS ([S1]): a condominio is not a persona fisica, so it must use CPO.
#[test]
fn condominio_via_lf_is_refused() {
    let condominio = firm(UtilizzatoreKind::Condominio, &[], Headcounts::new());
    let job =
        Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
    let v = assess(LF, &condominio, &adult(), &job);
    assert_eq!(rules_of(&v), [RuleId::LfUsers]);
    assert_eq!(v.breaches[0].consequence, Consequence::UnlawfulUse);
    assert_eq!(
        v.breaches[0].facts,
        "the utilizzatore (condominio) may not use the Libretto Famiglia: only a persona fisica outside any business or professional activity (and a società sportiva for stewards)"
    );
    // And a condominio may use the CPO.
    let condominio = firm(UtilizzatoreKind::Condominio, &[], flat(2025, 2026, 0));
    assert!(assess(CPO, &condominio, &adult(), &job).is_lawful());
}

/// Source: CPO-USERS: a persona fisica outside business uses LF, not CPO.
#[test]
fn family_via_cpo_is_refused() {
    let v = assess(
        CPO,
        &family(),
        &adult(),
        &Engagement::on(date!(2026 - 03 - 07)),
    );
    assert_eq!(rules_of(&v), [RuleId::CpoUsers]);
    assert_eq!(v.breaches[0].consequence, Consequence::UnlawfulUse);
    let babysitting =
        Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    assert!(assess(LF, &family(), &adult(), &babysitting).is_lawful());
}

/// Source: LF-USERS: a professional paying office cleaning must use CPO.
#[test]
fn professionista_office_cleaning_via_lf_is_refused() {
    let studio = firm(
        UtilizzatoreKind::Professionista,
        &["69.10.10"],
        flat(2025, 2026, 0),
    );
    let cleaning =
        Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
    let v = assess(LF, &studio, &adult(), &cleaning);
    assert_eq!(rules_of(&v), [RuleId::LfUsers]);
    assert!(assess(CPO, &studio, &adult(), &cleaning).is_lawful());
}

/// Source: LF-ACTIVITIES: a family may pay only the c. 10 activities through LF.
#[test]
fn family_lf_outside_comma10_is_refused() {
    let v = assess(
        LF,
        &family(),
        &adult(),
        &Engagement::on(date!(2026 - 03 - 07)),
    );
    assert_eq!(rules_of(&v), [RuleId::LfActivities]);
}

/// Source: CAP-STEWARD, LF-USERS: stewards of società sportive via LF from 1/1/2018
/// (L. 205/2017 art. 1 c. 368).
#[test]
fn societa_sportiva_steward_2017_refused_2018_allowed() {
    let club = firm(
        UtilizzatoreKind::SocietaSportiva,
        &["93.12.00"],
        Headcounts::new(),
    );
    let steward = |day| Engagement::on(day).with_lf_activity(LfActivity::Steward);
    let v = assess(LF, &club, &adult(), &steward(date!(2017 - 10 - 01)));
    assert_eq!(rules_of(&v), [RuleId::LfUsers]);
    assert_eq!(
        v.breaches[0].facts,
        "a società sportiva may use the Libretto Famiglia only for stewards under c. 1 lett. c-bis, not in force on 2017-10-01"
    );
    assert!(assess(LF, &club, &adult(), &steward(date!(2018 - 03 - 01))).is_lawful());
    // Not for other work.
    let cleaning =
        Engagement::on(date!(2018 - 03 - 01)).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
    assert_eq!(
        rules_of(&assess(LF, &club, &adult(), &cleaning)),
        [RuleId::LfUsers]
    );
}

/// Source: CPO-PA (c. 7): only for the c. 7 purposes; no headcount limit; no fine.
#[test]
fn pa_without_comma7_purpose() {
    let comune = firm(
        UtilizzatoreKind::PubblicaAmministrazione,
        &["84.11.10"],
        Headcounts::new(),
    );
    let day = date!(2026 - 03 - 07);
    let v = assess(CPO, &comune, &adult(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::CpoPa]);
    assert_eq!(v.breaches[0].consequence, Consequence::UnlawfulUsePa);
    let v = assess(
        CPO,
        &comune,
        &adult(),
        &Engagement::on(day).with_pa_purpose(PaPurpose::EmergencyAfterCalamity),
    );
    assert!(v.is_lawful(), "no headcounts needed for a PA: {v}");
    assert!(
        comune
            .cap_profile(rules(day))
            .unwrap()
            .pubblica_amministrazione
    );
}

/// Source: PROHIB-SECTORS (c. 14 lett. c): edilizia.
#[test]
fn construction_firm_cpo_is_refused() {
    let builder = impresa(&["41.20.00"], flat(2025, 2026, 2));
    let day = date!(2026 - 03 - 07);
    let v = assess(CPO, &builder, &adult(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::ProhibSectors]);
    assert_eq!(
        v.breaches[0].citation,
        rules(day).prohibited_sectors.citation
    );
    assert!(matches!(
        v.breaches[0].consequence,
        Consequence::AdministrativeFine { units: 1, .. }
    ));
}

/// Source: PROHIB-SECTORS (c. 14 lett. c), SANCT-ADMIN and reading R-FINE-PER-DAY: quarrying
/// (ATECO 2007 08.11.00) is both mining and stone working, one ban: one breach naming both
/// sectors, one fine for the day.
#[test]
fn one_ban_however_many_of_its_sectors() {
    let quarry = impresa(&["08.11.00"], flat(2025, 2026, 2));
    let day = date!(2026 - 03 - 07);
    let v = assess(CPO, &quarry, &adult(), &Engagement::on(day));
    assert_eq!(rules_of(&v), [RuleId::ProhibSectors]);
    let facts = &v.breaches[0].facts;
    assert!(
        facts.starts_with("the CPO is banned in the sectors ") && facts.contains(" and "),
        "{facts}"
    );
    assert!(matches!(
        v.breaches[0].consequence,
        Consequence::AdministrativeFine { units: 1, .. }
    ));
}

/// Source: PROHIB-APPALTI (c. 14 lett. d).
#[test]
fn appalto_cpo_is_refused() {
    let shop = impresa(&["81.21.00"], flat(2025, 2026, 2));
    let v = assess(
        CPO,
        &shop,
        &adult(),
        &Engagement::on(date!(2026 - 03 - 07)).within_appalto(),
    );
    assert_eq!(rules_of(&v), [RuleId::ProhibAppalti]);
}

/// Source: PROHIB-PRIOR (c. 5): 6 months; read conservatively, a relationship ended on
/// 10/1 bars until 10/7 inclusive.
#[test]
fn comma5_at_the_six_month_boundary() {
    let p = adult();
    let ended = PriorRelationship::new(
        p.codice_fiscale(),
        RelationshipKind::Subordinato,
        date!(2024 - 01 - 01),
        Some(date!(2026 - 01 - 10)),
    )
    .unwrap();
    let shop = impresa(&["47.11.10"], flat(2025, 2026, 2)).with_prior_relationship(ended);
    let v = assess(CPO, &shop, &p, &Engagement::on(date!(2026 - 07 - 10)));
    assert_eq!(rules_of(&v), [RuleId::ProhibPrior]);
    assert_eq!(v.breaches[0].consequence, Consequence::UnlawfulUse);
    assert_eq!(
        v.breaches[0].facts,
        "the prestatore's rapporto di lavoro subordinato with the utilizzatore ended on 2026-01-10, less than 6 months before 2026-07-10"
    );
    assert!(assess(CPO, &shop, &p, &Engagement::on(date!(2026 - 07 - 11))).is_lawful());
    // A current co.co.co. bars LF too.
    let current = PriorRelationship::new(
        p.codice_fiscale(),
        RelationshipKind::CoCoCo,
        date!(2025 - 01 - 01),
        None,
    )
    .unwrap();
    let fam = family().with_prior_relationship(current);
    let job =
        Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    assert_eq!(rules_of(&assess(LF, &fam, &p, &job)), [RuleId::ProhibPrior]);
    // Another person is not barred.
    assert!(assess(LF, &fam, &prestatore(date!(1990 - 05 - 05)), &job).is_lawful());
}

/// Source: ELIG-AGE, reading R-MINORS: at least 16 on the day.
#[test]
fn fifteen_year_old_is_refused() {
    let day = date!(2026 - 03 - 07);
    let p = prestatore(date!(2010 - 06 - 01));
    let job = Engagement::on(day).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
    let v = assess(LF, &family(), &p, &job);
    assert_eq!(rules_of(&v), [RuleId::EligAge]);
    assert_eq!(
        v.breaches[0].facts,
        "the prestatore is 15 on 2026-03-07, under the minimum age 16"
    );
    assert_eq!(v.breaches[0].citation, rules(day).minimum_age.citation);
}

/// Source: ELIG-AGE, reading R-MINORS: under 18, parental consent.
#[test]
fn seventeen_year_old_without_and_with_consent() {
    let day = date!(2026 - 03 - 07);
    let p = prestatore(date!(2008 - 06 - 01));
    let job = Engagement::on(day).with_lf_activity(LfActivity::InsegnamentoPrivatoSupplementare);
    let v = assess(LF, &family(), &p, &job);
    assert_eq!(rules_of(&v), [RuleId::EligAge]);
    assert_eq!(
        v.breaches[0].facts,
        "the prestatore is 17 on 2026-03-07, under 18, and no parental consent is recorded by that day"
    );
    let late = p
        .clone()
        .with_parental_consent(ParentalConsent::new(date!(2026 - 03 - 08), "Anna Rossi").unwrap())
        .unwrap();
    assert_eq!(
        rules_of(&assess(LF, &family(), &late, &job)),
        [RuleId::EligAge]
    );
    let consented = p
        .with_parental_consent(ParentalConsent::new(date!(2026 - 01 - 10), "Anna Rossi").unwrap())
        .unwrap();
    assert!(consented.is_minor_on(day, rules(day)));
    assert!(assess(LF, &family(), &consented, &job).is_lawful());
}

/// Source: ELIG-AGE, reading R-MINORS: 16 on the day is the minimum age itself, so a
/// sixteen-year-old needs only the parental consent; 18 on the day needs none.
#[test]
fn sixteenth_and_eighteenth_birthdays() {
    let day = date!(2026 - 03 - 07);
    let job = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    let sixteen = prestatore(date!(2010 - 03 - 07));
    let v = assess(LF, &family(), &sixteen, &job);
    assert_eq!(rules_of(&v), [RuleId::EligAge]);
    assert_eq!(
        v.breaches[0].facts,
        "the prestatore is 16 on 2026-03-07, under 18, and no parental consent is recorded by that day"
    );
    let consented = sixteen
        .with_parental_consent(ParentalConsent::new(date!(2026 - 03 - 07), "Anna Rossi").unwrap())
        .unwrap();
    assert!(assess(LF, &family(), &consented, &job).is_lawful());
    // Eighteen on the day: no consent needed; the day before, still needed.
    let eighteen = prestatore(date!(2008 - 03 - 07));
    assert!(assess(LF, &family(), &eighteen, &job).is_lawful());
    let eve =
        Engagement::on(date!(2026 - 03 - 06)).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    assert_eq!(
        rules_of(&assess(LF, &family(), &eighteen, &eve)),
        [RuleId::EligAge]
    );
}

/// Source: LF-ACTIVITIES (c. 10; steward services c. 1 lett. c-bis): each activity in words.
#[test]
fn lf_activities_in_words() {
    let words: Vec<String> = ACTIVITIES
        .iter()
        .flatten()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        words,
        [
            "piccoli lavori domestici (giardinaggio, pulizia, manutenzione)",
            "assistenza domiciliare a bambini, anziani, ammalati, disabili",
            "insegnamento privato supplementare",
            "steward service",
        ]
    );
}

/// Source: reading R-WEIGHT-CAP-B: a student counts only while under 25 on the day.
#[test]
fn student_turning_25_mid_year() {
    let birth = date!(2001 - 03 - 10);
    let p = prestatore(birth).with_self_certification(
        SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), None).unwrap(),
    );
    let eve = date!(2026 - 03 - 09);
    let birthday = date!(2026 - 03 - 10);
    assert_eq!(
        p.special_category_on(eve, rules(eve)),
        Some(Categoria::Studente)
    );
    assert_eq!(p.special_category_on(birthday, rules(birthday)), None);
    assert!(p.categories_on(birthday, rules(birthday)).is_empty());
}

/// Source: ELIG-ANYONE / R-CATEGORY-OPTIONAL: names trimmed; birth date checked against the code.
#[test]
fn prestatore_errors_are_pinned() {
    let cf = cf_for(date!(1985 - 12 - 10), false);
    let err = |first: &str, birth| Prestatore::new(cf, first, "Rossi", birth).unwrap_err();
    assert_eq!(
        err(" ", date!(1985 - 12 - 10)).to_string(),
        "prestatore first name is empty"
    );
    assert_eq!(
        err("Mario", date!(1985 - 11 - 10)).to_string(),
        "prestatore birth date 1985-11-10: month is 11, the codice fiscale encodes 12"
    );
    assert_eq!(
        err("Mario", date!(1986 - 12 - 10)),
        PrestatoreError::BirthDateMismatch {
            given: date!(1986 - 12 - 10),
            part: "year (two digits)",
            found: 86,
            encoded: 85
        }
    );
    // 1885 has the same two digits: only day, month and two-digit year are checked.
    assert!(Prestatore::new(cf, "Mario", "Rossi", date!(1885 - 12 - 10)).is_ok());
    let p = adult();
    assert!(!format!("{p:?}").contains("RSSMRA85T10A562S"));
    assert_eq!(
        p.clone()
            .with_parental_consent(ParentalConsent::new(date!(1980 - 01 - 01), "Anna").unwrap())
            .unwrap_err()
            .to_string(),
        "parental consent given on 1980-01-01, before the prestatore's birth on 1985-12-10"
    );
}

#[test]
fn rules_of_another_day_are_refused() {
    let job =
        Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    let err = assess_admissibility(LF, &family(), &adult(), &job, rules(date!(2019 - 01 - 01)))
        .unwrap_err();
    assert!(matches!(err, AdmissibilityError::RulesNotInForce { .. }));
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Prestatore>();
    check::<Utilizzatore>();
    check::<Headcounts>();
    check::<Engagement>();
    check::<AdmissibilityError>();
}

#[cfg(feature = "serde")]
#[test]
fn serde_goes_through_the_checks() {
    let p = pensionato()
        .with_not_in_agricultural_lists(2021)
        .with_parental_consent(ParentalConsent::new(date!(2000 - 01 - 01), "Anna").unwrap())
        .unwrap();
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Prestatore>(&json).unwrap(), p);
    let bad = json.replace("\"Mario\"", "\"  \"");
    assert!(serde_json::from_str::<Prestatore>(&bad).is_err());
    let u = impresa(&["47.11.10"], flat(2025, 2025, 3));
    let json = serde_json::to_string(&u).unwrap();
    assert_eq!(serde_json::from_str::<Utilizzatore>(&json).unwrap(), u);
}

const KINDS: [UtilizzatoreKind; 7] = [
    UtilizzatoreKind::PersonaFisica,
    UtilizzatoreKind::Professionista,
    UtilizzatoreKind::Impresa,
    UtilizzatoreKind::EntePrivato(prestazioni_occasionali::EnteKind::Associazione),
    UtilizzatoreKind::Condominio,
    UtilizzatoreKind::PubblicaAmministrazione,
    UtilizzatoreKind::SocietaSportiva,
];
const CODES: [&str; 8] = [
    "47.11.10", "82.30.00", "55.10.00", "41.20.00", "01.13.10", "08.11.00", "84.11.10", "93.12.00",
];
const ACTIVITIES: [Option<LfActivity>; 5] = [
    None,
    Some(LfActivity::PiccoliLavoriDomestici),
    Some(LfActivity::AssistenzaDomiciliare),
    Some(LfActivity::InsegnamentoPrivatoSupplementare),
    Some(LfActivity::Steward),
];

fn day_strategy() -> impl Strategy<Value = Date> {
    // 24/6/2017 to the end of 2027.
    (0_i64..3_843).prop_map(|d| date!(2017 - 06 - 24) + time::Duration::days(d))
}

/// Every month of 2016-2027 at 0-39 employees (mostly small firms), with at most one month
/// missing.
fn headcount_strategy() -> impl Strategy<Value = Vec<(i32, u8, u32)>> {
    (
        prop::collection::vec(prop_oneof![3 => 0_u32..12, 1 => 0_u32..40], 144),
        prop::option::weighted(0.1, 0_usize..144),
    )
        .prop_map(|(counts, hole)| {
            counts
                .into_iter()
                .enumerate()
                .filter(|&(i, _)| Some(i) != hole)
                .map(|(i, n)| {
                    let i = i32::try_from(i).unwrap();
                    (2016 + i / 12, u8::try_from(i % 12 + 1).unwrap(), n)
                })
                .collect()
        })
}

#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)]
struct Case {
    kind: usize,
    codes: Vec<usize>,
    months: Vec<(i32, u8, u32)>,
    birth: Date,
    day: Date,
    activity: usize,
    appalto: bool,
    pa_purpose: bool,
    false_cert: bool,
    special: bool,
    ended_days_before: Option<i64>,
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        0..KINDS.len(),
        prop::collection::vec(0..CODES.len(), 0..3),
        headcount_strategy(),
        (0_i64..36_000).prop_map(|d| date!(1930 - 01 - 01) + time::Duration::days(d)),
        day_strategy(),
        0..ACTIVITIES.len(),
        any::<(bool, bool, bool, bool)>(),
        prop::option::of(-30_i64..400),
    )
        .prop_map(
            |(
                kind,
                codes,
                months,
                birth,
                day,
                activity,
                (appalto, pa_purpose, false_cert, special),
                ended,
            )| Case {
                kind,
                codes,
                months,
                birth,
                day,
                activity,
                appalto,
                pa_purpose,
                false_cert,
                special,
                ended_days_before: ended,
            },
        )
}

fn build(case: &Case, extra: u32) -> (Utilizzatore, Prestatore, Engagement) {
    let mut h = Headcounts::new();
    for &(y, m, n) in &case.months {
        h.insert(
            y,
            Month::try_from(m).unwrap(),
            MonthlyHeadcount::full_time(n + extra),
        );
    }
    let mut p = prestatore(case.birth);
    if case.special {
        p = p.with_self_certification(
            SelfCertification::new(Categoria::Disoccupato, date!(2017 - 01 - 01), None).unwrap(),
        );
    }
    let codes: Vec<&str> = case.codes.iter().map(|&i| CODES[i]).collect();
    let mut u = firm(KINDS[case.kind], &codes, h);
    if let Some(before) = case.ended_days_before {
        let end = case.day - time::Duration::days(before);
        let start = end - time::Duration::days(100);
        u = u.with_prior_relationship(
            PriorRelationship::new(
                p.codice_fiscale(),
                RelationshipKind::CoCoCo,
                start,
                Some(end),
            )
            .unwrap(),
        );
    }
    let mut e = Engagement::on(case.day);
    e.lf_activity = ACTIVITIES[case.activity];
    e.within_appalto = case.appalto;
    e.pa_purpose = case.pa_purpose.then_some(PaPurpose::Events);
    e.self_certification_false = case.false_cert;
    (u, p, e)
}

proptest! {
    /// Nothing panics; a verdict is lawful iff it has no breaches; every breach is explained.
    #[test]
    fn never_panics_and_verdicts_are_explained(case in case_strategy(), cpo in any::<bool>()) {
        let (u, p, e) = build(&case, 0);
        let instrument = if cpo { CPO } else { LF };
        match assess_admissibility(instrument, &u, &p, &e, rules(e.day)) {
            Ok(v) => {
                prop_assert_eq!(v.is_lawful(), v.breaches.is_empty());
                for b in &v.breaches {
                    prop_assert!(!b.facts.is_empty());
                    prop_assert!(!b.citation.to_string().is_empty());
                }
            }
            Err(AdmissibilityError::BeforeBirth { .. } | AdmissibilityError::Headcount(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    /// Adding permanent employees never turns a refusal into an admission, and never removes a
    /// size breach.
    #[test]
    fn more_employees_never_admit(case in case_strategy(), extra in 1_u32..20) {
        let (u, p, e) = build(&case, 0);
        let (bigger, _, _) = build(&case, extra);
        let r = rules(e.day);
        if let (Ok(v1), Ok(v2)) = (
            assess_admissibility(CPO, &u, &p, &e, r),
            assess_admissibility(CPO, &bigger, &p, &e, r),
        ) {
            if !v1.is_lawful() {
                prop_assert!(!v2.is_lawful());
            }
            if v1.breaches_rule(RuleId::ProhibSize) {
                prop_assert!(v2.breaches_rule(RuleId::ProhibSize));
            }
        }
    }

    /// Adding an appalto, or removing the PA purpose, never admits what was refused.
    #[test]
    fn stricter_facts_never_admit(case in case_strategy()) {
        let (u, p, e) = build(&case, 0);
        let r = rules(e.day);
        let mut stricter = e.clone();
        stricter.within_appalto = true;
        stricter.pa_purpose = None;
        if let (Ok(v1), Ok(v2)) = (
            assess_admissibility(CPO, &u, &p, &e, r),
            assess_admissibility(CPO, &u, &p, &stricter, r),
        ) {
            for rule in rules_of(&v1) {
                prop_assert!(v2.breaches_rule(rule), "{:?} lost", rule);
            }
        }
    }

    /// Building a prestatore from arbitrary text never panics; names come back trimmed.
    #[test]
    fn prestatore_from_arbitrary_text(first in ".{0,20}", last in ".{0,20}", birth in day_strategy()) {
        let cf = cf_for(birth, false);
        if let Ok(p) = Prestatore::new(cf, &first, &last, birth) {
            prop_assert_eq!(p.first_name(), first.trim());
            prop_assert_eq!(p.last_name(), last.trim());
        }
    }
}
