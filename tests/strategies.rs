//! The public proptest strategies yield valid values: they parse back, pass the crate's own
//! constructors and checks, and a default ledger records every prestazione of a lawful year.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use prestazioni_occasionali::{
    AgriculturalArea, CapProfile, Categoria, Euro, Instrument, Ledger, Prestazione,
    PrestazioneDraft, PrestazioneId, REGIME_START, Rules, SelfCertification, UtilizzatoreId,
    check_cpo_pay, check_cpo_pay_agricultural, strategies, titoli_for_minutes,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use time::macros::date;

/// `count` values of `strategy` from a deterministic runner.
fn draw<S: Strategy>(strategy: &S, count: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

#[test]
fn utilizzatore_ids_parse_back_and_cover_both_kinds() {
    let ids = draw(&strategies::utilizzatore_id(), 200);
    for id in &ids {
        assert_eq!(id.to_string().parse::<UtilizzatoreId>().unwrap(), *id);
    }
    assert!(
        ids.iter()
            .any(|id| matches!(id, UtilizzatoreId::CodiceFiscale(_)))
    );
    assert!(
        ids.iter()
            .any(|id| matches!(id, UtilizzatoreId::PartitaIva(_)))
    );
}

#[test]
fn every_categoria_and_area_is_drawn() {
    let categorie: HashSet<Categoria> = draw(&strategies::categoria(), 200).into_iter().collect();
    assert_eq!(categorie.len(), 5);
    let areas: HashSet<AgriculturalArea> = draw(&strategies::agricultural_area(), 100)
        .into_iter()
        .collect();
    assert_eq!(areas.len(), 3);
}

#[test]
fn self_certifications_rebuild_through_the_constructor() {
    let certs = draw(&strategies::self_certification(), 300);
    for c in &certs {
        assert_eq!(
            SelfCertification::new(c.categoria(), c.from(), c.until()).unwrap(),
            *c
        );
        assert!(REGIME_START <= c.from() && c.from() <= date!(2035 - 12 - 31));
    }
    assert!(certs.iter().any(|c| c.until().is_none()));
    assert!(certs.iter().any(|c| c.until().is_some()));
}

#[test]
fn cap_profiles_rebuild_with_the_builders_and_cover_every_flag() {
    let profiles = draw(&strategies::cap_profile(), 300);
    for p in &profiles {
        let rebuilt = CapProfile::default()
            .with_events_sector(p.events_sector)
            .with_pubblica_amministrazione(p.pubblica_amministrazione);
        let rebuilt = match p.agricultural_area {
            Some(area) => rebuilt.with_agricultural_area(area),
            None => rebuilt,
        };
        assert_eq!(rebuilt, *p);
    }
    for flag in [true, false] {
        assert!(profiles.iter().any(|p| p.events_sector == flag));
        assert!(profiles.iter().any(|p| p.pubblica_amministrazione == flag));
        assert!(
            profiles
                .iter()
                .any(|p| p.agricultural_area.is_some() == flag)
        );
    }
}

/// The realism promised by `strategies::prestazione_with_id`, checked with the crate's own
/// functions.
fn assert_realistic(p: &Prestazione) {
    let rules = Rules::in_force_on(p.day()).unwrap();
    assert!(p.day() <= date!(2035 - 12 - 31));
    assert!(p.minutes() <= 720);
    match p.instrument() {
        Instrument::LibrettoFamiglia => {
            let per_titolo = rules.lf_titolo.value.compenso;
            let needed = titoli_for_minutes(p.minutes(), rules).unwrap();
            let whole =
                (needed..=needed + 2).any(|t| per_titolo.checked_mul_u32(t) == Some(p.compenso()));
            assert!(whole, "{p:?}: not whole titoli");
            assert_eq!(p.profile(), CapProfile::default());
            assert!(
                matches!(p.utilizzatore(), UtilizzatoreId::CodiceFiscale(_)) || p.steward(),
                "{p:?}"
            );
        }
        Instrument::ContrattoPrestazioneOccasionale => {
            assert!(!p.steward());
            assert!(
                check_cpo_pay(p.compenso(), p.minutes(), rules)
                    .unwrap()
                    .is_lawful()
            );
            if let Some(area) = p.profile().agricultural_area {
                assert!(
                    check_cpo_pay_agricultural(p.compenso(), p.minutes(), Some(area), rules)
                        .unwrap()
                        .is_lawful()
                );
                assert!(!p.profile().pubblica_amministrazione);
            }
            if p.profile().pubblica_amministrazione {
                assert!(matches!(p.utilizzatore(), UtilizzatoreId::PartitaIva(_)));
            }
        }
    }
    if p.steward() {
        assert!(rules.cap_steward.value.is_some());
    }
}

proptest! {
    #[test]
    fn prestazioni_are_valid_realistic_and_recordable(p in strategies::prestazione()) {
        let again = Prestazione::try_from(PrestazioneDraft::from(p.clone())).unwrap();
        prop_assert_eq!(&again, &p);
        assert_realistic(&p);
        // One prestazione alone stays within every cap of a fresh ledger.
        let mut ledger = Ledger::default();
        prop_assert!(ledger.record(&p).is_ok());
    }

    #[test]
    fn prestazione_with_id_keeps_the_id(p in strategies::prestazione_with_id(PrestazioneId(42))) {
        prop_assert_eq!(p.id(), PrestazioneId(42));
        assert_realistic(&p);
    }

    #[test]
    fn a_default_ledger_records_every_prestazione_of_a_lawful_year(
        year in strategies::lawful_year(2, 2, 150)
    ) {
        prop_assert!(year.len() <= 150);
        let ids: HashSet<PrestazioneId> = year.iter().map(Prestazione::id).collect();
        prop_assert_eq!(ids.len(), year.len());
        let years: HashSet<i32> = year.iter().map(|p| p.day().year()).collect();
        prop_assert!(years.len() <= 1);
        let pair_days: HashSet<_> = year
            .iter()
            .map(|p| (p.prestatore().canonical(), p.utilizzatore().canonical(), p.day()))
            .collect();
        prop_assert_eq!(pair_days.len(), year.len());
        let mut ledger = Ledger::default();
        for p in &year {
            assert_realistic(p);
            prop_assert!(ledger.record(p).is_ok(), "refused {:?}", p);
        }
        // In any order, too: every cap counts a sum over the year.
        let mut reversed = Ledger::default();
        for p in year.iter().rev() {
            prop_assert!(reversed.record(p).is_ok());
        }
    }

    /// The reordering promise where it is hardest to keep: one utilizzatore near cap b with
    /// many prestatori, recorded latest day first (2023 aside: the events cap rose on 5/5).
    #[test]
    fn a_crowded_lawful_year_records_latest_day_first(
        year in strategies::lawful_year(12, 1, 600)
    ) {
        prop_assume!(year.first().is_none_or(|p| p.day().year() != 2023));
        let mut latest_first = year.clone();
        latest_first.sort_by_key(|p| std::cmp::Reverse((p.day(), p.id())));
        let mut ledger = Ledger::default();
        for p in &latest_first {
            let recorded = ledger.record(p);
            prop_assert!(recorded.is_ok(), "{}", recorded.unwrap_err());
        }
        // One profile per utilizzatore through the year.
        let profiles: HashSet<_> = year.iter().filter(|p| p.instrument() == Instrument::ContrattoPrestazioneOccasionale).map(Prestazione::profile).collect();
        prop_assert!(profiles.len() <= 1, "{:?}", profiles);
    }
}

#[test]
fn lawful_years_fill_up_against_the_caps_and_cover_both_instruments() {
    let years = draw(&strategies::lawful_year(1, 1, 300), 20);
    assert!(years.iter().all(|y| !y.is_empty()));
    // One pair and 300 candidates: the ledger's refusals stop the pair close to cap c or to its
    // hour limit (the largest candidate is 12 hours, or 14 titoli, or 168,00 for the CPO).
    let near_a_limit = years.iter().filter(|year| {
        let first = &year[0];
        let mut ledger = Ledger::default();
        for p in *year {
            ledger.record(p).unwrap();
        }
        let rules = Rules::in_force_on(first.day()).unwrap();
        let totals = ledger.pair_totals(
            &first.prestatore(),
            &first.utilizzatore(),
            first.day().year(),
        );
        let cap = rules.cap_pair.value;
        totals
            .counted_cap_pair
            .checked_add(Euro::from_euros(200))
            .unwrap()
            > cap
            || totals.counted_minutes + 720 > 259 * 60
    });
    assert!(near_a_limit.count() >= 10);
    let instruments: HashSet<Instrument> = years
        .iter()
        .flatten()
        .map(Prestazione::instrument)
        .collect();
    assert_eq!(instruments.len(), 2);
    let kinds: HashSet<bool> = draw(&strategies::lawful_year(3, 3, 50), 20)
        .iter()
        .flatten()
        .map(Prestazione::special_category)
        .collect();
    assert_eq!(kinds.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn registration_drafts_validate(form in strategies::registration_draft()) {
        let data = form.validate().unwrap();
        prop_assert_eq!(data.codice_fiscale().to_string(), form.codice_fiscale.clone());
        // The data carries the prestatore into the eligibility checks.
        prop_assert!(data.to_prestatore().is_ok());
    }
}

/// Minors are drawn too (A6, reading R-MINORS): 16 or 17 on the registration day, with a
/// parent's consent; the prestatore they become carries it.
#[test]
fn registration_drafts_include_minors_with_consent() {
    let forms = draw(&strategies::registration_draft(), 400);
    let minors: Vec<_> = forms
        .iter()
        .filter(|f| f.parental_consent.is_some())
        .collect();
    assert!(minors.len() >= 20, "{} minors of 400", minors.len());
    for form in minors {
        let data = form.validate().unwrap();
        let age = data
            .to_prestatore()
            .unwrap()
            .age_on(form.registered_on)
            .unwrap();
        assert!((16..18).contains(&age), "{age}");
        assert!(data.parental_consent().is_some());
    }
    assert!(
        forms
            .iter()
            .filter(|f| f.parental_consent.is_none())
            .all(|f| f
                .validate()
                .unwrap()
                .to_prestatore()
                .unwrap()
                .age_on(f.registered_on)
                .unwrap()
                >= 18)
    );
}

/// `pair_at_cap` reaches cap c to the cent (R-CAP-INCLUSIVE) in any order, with days at the
/// calendar's edges among them.
#[test]
fn pairs_at_cap_reach_cap_c_to_the_cent() {
    let pairs = draw(&strategies::pair_at_cap(), 200);
    let mut edge_days = 0;
    let mut lengths = HashSet::new();
    for pair in &pairs {
        lengths.insert(pair.len());
        for order in [pair.clone(), pair.iter().rev().cloned().collect()] {
            let mut ledger = Ledger::default();
            for p in &order {
                ledger.record(p).unwrap();
            }
            let last = &pair[pair.len() - 1];
            let totals =
                ledger.pair_totals(&last.prestatore(), &last.utilizzatore(), last.day().year());
            assert_eq!(totals.counted_cap_pair, Euro::from_euros(2_500));
        }
        edge_days += pair
            .iter()
            .filter(|p| {
                let d = p.day();
                (d.month(), d.day()) == (time::Month::January, 1)
                    || (d.month(), d.day()) == (time::Month::December, 31)
                    || (d.weekday() == time::Weekday::Sunday
                        && matches!(d.month(), time::Month::March | time::Month::October)
                        && d.day() > 24)
            })
            .count();
    }
    assert!(edge_days >= 50, "{edge_days} edge days");
    assert!(lengths.len() >= 8, "{lengths:?}");
}

/// Records `year` in the order given and in reverse, and hands back the ledger of the first.
fn record_both_ways(year: &[Prestazione]) -> Ledger {
    let mut reversed = Ledger::default();
    for p in year.iter().rev() {
        reversed.record(p).unwrap();
    }
    let mut ledger = Ledger::default();
    for p in year {
        ledger.record(p).unwrap();
    }
    ledger
}

/// A prestazione like `like` with another id, party, pay and minutes.
fn one_more(
    like: &Prestazione,
    prestatore: Option<&str>,
    utilizzatore: Option<&str>,
    compenso: Euro,
    minutes: u32,
) -> Prestazione {
    let mut draft = PrestazioneDraft::from(like.clone());
    draft.id = PrestazioneId(1_000_000);
    if let Some(code) = prestatore {
        draft.prestatore = code.parse().unwrap();
    }
    if let Some(code) = utilizzatore {
        draft.utilizzatore = code.parse().unwrap();
    }
    draft.compenso = compenso;
    draft.minutes = minutes;
    Prestazione::try_from(draft).unwrap()
}

/// Whether `day` is 1/1, 31/12 or a clock-change Sunday.
fn is_edge(day: time::Date) -> bool {
    (day.month(), day.day()) == (time::Month::January, 1)
        || (day.month(), day.day()) == (time::Month::December, 31)
        || (day.weekday() == time::Weekday::Sunday
            && matches!(day.month(), time::Month::March | time::Month::October)
            && day.day() > 24)
}

/// `prestatore_at_cap` reaches cap a to the cent with 2 to 4 utilizzatori, each pair within cap
/// c, in any order; one cent more from a new utilizzatore is a breach of cap a alone.
#[test]
fn prestatori_at_cap_reach_cap_a_to_the_cent() {
    let years = draw(&strategies::prestatore_at_cap(), 100);
    let mut utilizzatori_counts = HashSet::new();
    let mut edge_days = 0;
    for year in &years {
        let prestatore = year[0].prestatore();
        assert!(year.iter().all(|p| p.prestatore() == prestatore
            && p.instrument() == Instrument::ContrattoPrestazioneOccasionale));
        let ledger = record_both_ways(year);
        let y = year[0].day().year();
        assert_eq!(
            ledger
                .prestatore_totals(&prestatore, y)
                .counted_cap_prestatore,
            Euro::from_euros(5_000)
        );
        let utilizzatori: HashSet<_> = year.iter().map(Prestazione::utilizzatore).collect();
        for u in &utilizzatori {
            assert!(
                ledger.pair_totals(&prestatore, u, y).counted_cap_pair <= Euro::from_euros(2_500)
            );
        }
        utilizzatori_counts.insert(utilizzatori.len());
        edge_days += year.iter().filter(|p| is_edge(p.day())).count();
        let newcomer = ["12345670157", "01234567897"]
            .into_iter()
            .find(|code| !utilizzatori.contains(&code.parse().unwrap()))
            .unwrap();
        let cent = one_more(&year[0], None, Some(newcomer), Euro::from_cents(1), 1);
        let verdict = ledger.assess(&cent).unwrap().verdict;
        assert!(verdict.breaches_rule(prestazioni_occasionali::RuleId::CapPrestatore));
        assert!(!verdict.breaches_rule(prestazioni_occasionali::RuleId::CapPair));
    }
    assert_eq!(utilizzatori_counts, HashSet::from([2, 3, 4]));
    assert!(edge_days >= 20, "{edge_days} edge days");
}

/// `utilizzatore_at_cap` reaches cap b to the cent (5.000 before 2023, 10.000 from 2023, 15.000
/// for the events sector from 2024), counted with comma-8 prestatori at 75% (CAP-75PCT), each
/// pair within cap c, in any order; one cent more to a new prestatore is a breach of cap b.
#[test]
fn utilizzatori_at_cap_reach_cap_b_to_the_cent() {
    let years = draw(&strategies::utilizzatore_at_cap(), 100);
    let mut with_special = 0;
    let mut caps = HashSet::new();
    let mut prestatori_counts = HashSet::new();
    for year in &years {
        let utilizzatore = year[0].utilizzatore();
        let day = year[0].day();
        assert!(year.iter().all(|p| p.utilizzatore() == utilizzatore));
        if year.iter().any(Prestazione::special_category) {
            with_special += 1;
        }
        // A comma-8 prestatore is paid in multiples of 4 cents (75% of them is whole cents).
        assert!(
            year.iter()
                .filter(|p| p.special_category())
                .all(|p| p.compenso().cents() % 4 == 0)
        );
        let ledger = record_both_ways(year);
        let events = year[0].profile().events_sector;
        assert!(year.iter().all(|p| p.profile().events_sector == events));
        let cap = match (day.year(), events) {
            (..2023, false) => 5_000,
            (2023.., false) => 10_000,
            (2024.., true) => 15_000,
            other => panic!("an events-sector year {other:?}"),
        };
        caps.insert(cap);
        let totals = ledger.utilizzatore_totals(&utilizzatore, day.year());
        // The weighted total is the cap; the nominal one is above it with comma-8 prestatori.
        assert_eq!(
            totals.counted_cap_utilizzatore,
            Euro::from_euros(cap).as_decimal()
        );
        assert_eq!(
            totals.nominal_cap_utilizzatore > Euro::from_euros(cap),
            year.iter().any(Prestazione::special_category)
        );
        assert!(totals.nominal_cap_utilizzatore >= Euro::from_euros(cap));
        let prestatori: HashSet<_> = year.iter().map(Prestazione::prestatore).collect();
        for p in &prestatori {
            assert!(
                ledger
                    .pair_totals(p, &utilizzatore, day.year())
                    .counted_cap_pair
                    <= Euro::from_euros(2_500)
            );
        }
        prestatori_counts.insert(prestatori.len());
        let newcomer = ["RSSMRA85T10A562S", "VRDLGU80A01H501U"]
            .into_iter()
            .find(|code| {
                !prestatori.contains(&code.parse().unwrap())
                    && utilizzatore != code.parse().unwrap()
            })
            .unwrap();
        let cent = one_more(&year[0], Some(newcomer), None, Euro::from_cents(1), 1);
        let verdict = ledger.assess(&cent).unwrap().verdict;
        assert!(verdict.breaches_rule(prestazioni_occasionali::RuleId::CapUtilizzatore));
    }
    assert_eq!(caps, HashSet::from([5_000, 10_000, 15_000]));
    assert!(
        with_special >= 30,
        "{with_special} years with comma-8 prestatori"
    );
    assert!(prestatori_counts.len() >= 4, "{prestatori_counts:?}");
}

/// `steward_at_cap` reaches cap c-bis (625 titoli) in any order, from 2018, through the LF for a
/// partita IVA; one titolo more is a breach of cap c-bis.
#[test]
fn stewards_at_cap_reach_cap_c_bis() {
    let years = draw(&strategies::steward_at_cap(), 100);
    let mut lengths = HashSet::new();
    for year in &years {
        let (prestatore, utilizzatore) = (year[0].prestatore(), year[0].utilizzatore());
        let y = year[0].day().year();
        assert!(y >= 2018);
        assert!(matches!(utilizzatore, UtilizzatoreId::PartitaIva(_)));
        assert!(year.iter().all(|p| p.steward()
            && p.instrument() == Instrument::LibrettoFamiglia
            && p.compenso().cents() % 800 == 0));
        let ledger = record_both_ways(year);
        let totals = ledger.pair_totals(&prestatore, &utilizzatore, y);
        assert_eq!(totals.counted_cap_steward, Euro::from_euros(5_000));
        lengths.insert(year.len());
        let titolo = one_more(&year[0], None, None, Euro::from_euros(8), 60);
        let verdict = ledger.assess(&titolo).unwrap().verdict;
        assert!(verdict.breaches_rule(prestazioni_occasionali::RuleId::CapSteward));
    }
    assert!(lengths.len() >= 8, "{lengths:?}");
}

/// `pair_at_hours` reaches 280 hours to the minute through the LF for a family, within cap c, in
/// any order; one minute more is a breach of the hour limit (reading R-HOURS-LF).
#[test]
fn pairs_at_hours_reach_280_hours_to_the_minute() {
    let years = draw(&strategies::pair_at_hours(), 100);
    let mut lengths = HashSet::new();
    for year in &years {
        let (prestatore, utilizzatore) = (year[0].prestatore(), year[0].utilizzatore());
        let y = year[0].day().year();
        assert!(matches!(utilizzatore, UtilizzatoreId::CodiceFiscale(_)));
        assert!(
            year.iter()
                .all(|p| p.instrument() == Instrument::LibrettoFamiglia
                    && p.minutes() % 15 == 0
                    && (60..=720).contains(&p.minutes()))
        );
        let days: HashSet<_> = year.iter().map(Prestazione::day).collect();
        assert_eq!(days.len(), year.len());
        let ledger = record_both_ways(year);
        let totals = ledger.pair_totals(&prestatore, &utilizzatore, y);
        assert_eq!(totals.counted_minutes, 280 * 60);
        assert!(totals.counted_cap_pair <= Euro::from_euros(2_500));
        lengths.insert(year.len());
        let minute = one_more(&year[0], None, None, Euro::from_euros(8), 1);
        let verdict = ledger.assess(&minute).unwrap().verdict;
        assert!(verdict.breaches_rule(prestazioni_occasionali::RuleId::Hours280));
    }
    assert!(lengths.len() >= 5, "{lengths:?}");
}

/// `pair_at_agricultural_hours` reaches the area's hour limit (259, 284 or 381 h, E10) to the
/// minute in a year of the agricultural rates, within cap c, in any order; one minute more is a
/// breach of HOURS-AGRI.
#[test]
fn pairs_at_agricultural_hours_reach_the_area_limit() {
    let years = draw(&strategies::pair_at_agricultural_hours(), 60);
    let mut limits = HashSet::new();
    for year in &years {
        let (prestatore, utilizzatore) = (year[0].prestatore(), year[0].utilizzatore());
        let area = year[0].profile().agricultural_area.unwrap();
        let rules = Rules::in_force_on(year[0].day()).unwrap();
        assert!(rules.agriculture_hourly_rates.value.is_some());
        assert!(
            year.iter()
                .all(|p| p.profile().agricultural_area == Some(area)
                    && p.instrument() == Instrument::ContrattoPrestazioneOccasionale
                    && (240..=720).contains(&p.minutes()))
        );
        let limit = match area {
            AgriculturalArea::Area1 => 259,
            AgriculturalArea::Area2 => 284,
            AgriculturalArea::Area3 => 381,
        };
        let ledger = record_both_ways(year);
        let totals = ledger.pair_totals(&prestatore, &utilizzatore, year[0].day().year());
        assert_eq!(totals.counted_minutes, limit * 60);
        assert!(totals.counted_cap_pair <= Euro::from_euros(2_500));
        limits.insert(limit);
        let minute = one_more(&year[0], None, None, Euro::from_euros(1), 1);
        let verdict = ledger.assess(&minute).unwrap().verdict;
        assert!(verdict.breaches_rule(prestazioni_occasionali::RuleId::HoursAgri));
    }
    assert_eq!(limits, HashSet::from([259, 284, 381]));
}
