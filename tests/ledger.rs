//! The annual ledger against the legal reference (`law`): worked examples E5, E6 and E11, caps reached to the cent,
//! the readings of Part A, and property tests over random histories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/national.rs"]
mod national;

use national::{codice_fiscale, partita_iva};
use prestazioni_occasionali::{
    AgriculturalArea, CapProfile, CodiceFiscale, Consequence, Euro, Excess, ExternalTotal,
    FindingKind, Instrument, Ledger, LedgerError, LedgerEvent, Prestazione, PrestazioneDraft,
    PrestazioneId, RecordError, RecordPolicy, Recorded, RoomQuery, RuleId, Rules, RulesTable,
    UtilizzatoreId, agricultural_hour_limit,
};
use rust_decimal::Decimal;
use time::macros::{date, datetime};
use time::{Date, Month};

const LF: Instrument = Instrument::LibrettoFamiglia;
const CPO: Instrument = Instrument::ContrattoPrestazioneOccasionale;

fn firm(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::PartitaIva(partita_iva(n))
}

fn family(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::CodiceFiscale(codice_fiscale(90_000_000 + n))
}

fn eur(s: &str) -> Euro {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

struct P(PrestazioneDraft);

impl P {
    fn new(id: u64, prestatore: u32, utilizzatore: UtilizzatoreId, compenso: &str) -> P {
        P(PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: CPO,
            prestatore: codice_fiscale(prestatore),
            utilizzatore,
            day: date!(2026 - 03 - 07),
            minutes: 240,
            compenso: eur(compenso),
            special_category: false,
            steward: false,
            profile: CapProfile::default(),
        })
    }
    fn lf(mut self) -> P {
        self.0.instrument = LF;
        self
    }
    fn special(mut self) -> P {
        self.0.special_category = true;
        self
    }
    fn steward(mut self) -> P {
        self.0.instrument = LF;
        self.0.steward = true;
        self
    }
    fn day(mut self, day: Date) -> P {
        self.0.day = day;
        self
    }
    fn minutes(mut self, minutes: u32) -> P {
        self.0.minutes = minutes;
        self
    }
    fn events(mut self) -> P {
        self.0.profile.events_sector = true;
        self
    }
    fn pa(mut self) -> P {
        self.0.profile.pubblica_amministrazione = true;
        self
    }
    fn area(mut self, area: AgriculturalArea) -> P {
        self.0.profile = self.0.profile.with_agricultural_area(area);
        self
    }
    fn build(self) -> Prestazione {
        Prestazione::try_from(self.0).unwrap()
    }
}

fn refused<T: std::fmt::Debug>(
    result: Result<T, RecordError>,
) -> Box<prestazioni_occasionali::Assessment> {
    match result {
        Err(RecordError::Refused(a)) => a,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Source: worked example E5, jethr example: three prestatori at 2.500 € each, one of them a student
/// under 25, count 2.500 + 2.500 + 0,75 × 2.500 = 6.875 € toward cap b; the residual counted room
/// is 3.125 €.
#[test]
fn e5_three_prestatori_one_student_count_6875() {
    let mut ledger = Ledger::default();
    let u = firm(1);
    ledger.record(&P::new(1, 1, u, "2500").build()).unwrap();
    ledger.record(&P::new(2, 2, u, "2500").build()).unwrap();
    ledger
        .record(&P::new(3, 3, u, "2500").special().build())
        .unwrap();
    let totals = ledger.utilizzatore_totals(&u, 2026);
    assert_eq!(totals.counted_cap_utilizzatore, dec("6875"));
    assert_eq!(totals.nominal_cap_utilizzatore, eur("7500"));
    // Residual: 3.125 of ordinary prestatori...
    let a = ledger.assess(&P::new(4, 4, u, "0.01").build()).unwrap();
    let b = a.cap_utilizzatore.unwrap();
    assert_eq!(b.used, dec("6875"));
    assert_eq!(dec("10000") - b.used, dec("3125"));
    // ... or 4.166,66 nominal of special-category ones. The trade source derives 4.166,67 by rounding
    // 3.125 / 0,75 = 4.166,666...; by R-CAP-INCLUSIVE that figure breaches cap b by 0,0025 counted, so the
    // lawful maximum is 4.166,66 (the ledger rounds headroom down).
    let ok = ledger
        .assess(&P::new(4, 4, u, "4166.66").special().build())
        .unwrap();
    assert!(!ok.cap_utilizzatore.as_ref().unwrap().is_breached());
    let over = ledger
        .assess(&P::new(4, 4, u, "4166.67").special().build())
        .unwrap();
    assert!(over.cap_utilizzatore.as_ref().unwrap().is_breached());
    let room = ledger
        .room(&RoomQuery {
            prestatore: codice_fiscale(4),
            utilizzatore: u,
            day: date!(2026 - 03 - 07),
            instrument: CPO,
            special_category: true,
            steward: false,
            profile: CapProfile::default(),
        })
        .unwrap();
    let b = room
        .caps
        .iter()
        .find(|c| c.rule == RuleId::CapUtilizzatore)
        .unwrap();
    assert_eq!(b.headroom, eur("4166.66"));
    // Cap c (2.500) binds first for a single prestatore.
    assert_eq!(
        (room.compenso, room.binding),
        (eur("2500"), RuleId::CapPair)
    );
}

/// Source: worked example E5: an utilizzatore paying only special-category prestatori can pay up to
/// 10.000 / 0,75 = 13.333,33 € nominal, which takes at least 6 prestatori because of cap c.
#[test]
fn e5_only_special_prestatori_13333_33_nominal() {
    let mut ledger = Ledger::default();
    let u = firm(2);
    for i in 0..5 {
        ledger
            .record(
                &P::new(i, 10 + u32::try_from(i).unwrap(), u, "2500")
                    .special()
                    .build(),
            )
            .unwrap();
    }
    let room = ledger
        .room(&RoomQuery {
            prestatore: codice_fiscale(20),
            utilizzatore: u,
            day: date!(2026 - 03 - 07),
            instrument: CPO,
            special_category: true,
            steward: false,
            profile: CapProfile::default(),
        })
        .unwrap();
    assert_eq!(
        (room.compenso, room.binding),
        (eur("833.33"), RuleId::CapUtilizzatore)
    );
    ledger
        .record(&P::new(10, 20, u, "833.33").special().build())
        .unwrap();
    let totals = ledger.utilizzatore_totals(&u, 2026);
    assert_eq!(totals.nominal_cap_utilizzatore, eur("13333.33"));
    assert_eq!(totals.counted_cap_utilizzatore, dec("9999.9975"));
    // One cent more breaches cap b: counted 10.000,005 > 10.000 (R-CAP-INCLUSIVE); the excess shows 0,01.
    let a = refused(ledger.record(&P::new(11, 21, u, "0.01").special().build()));
    let breach = &a.verdict.breaches[0];
    assert_eq!(breach.rule, RuleId::CapUtilizzatore);
    assert_eq!(breach.consequence, Consequence::PlatformRefusal);
    assert_eq!(
        breach.excess,
        Some(Excess::Money {
            limit: eur("10000"),
            used: eur("10000.00"),
            requested: eur("0.01"),
            excess: eur("0.01"),
        })
    );
    assert_eq!(
        breach.to_string(),
        "CAP-UTILIZZATORE-TOTAL: the utilizzatore's counted compensi in 2026 would total 10.000,005 €, this prestatore's compenso counted at 75% (c. 8), above the cap of 10.000,00 € (art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023)"
    );
}

/// Source: worked example E5 ("Under the 2017 cap the equivalent figure was 5.000 / 0,75 = 6.666,67 €",
/// [H10] vfgiglio/quifinanza 2017): before 2023 cap b is 5.000 €. As for the 4.166,67 of the
/// jethr example, the trade source rounds 6.666,666... to the nearest cent; by R-CAP-INCLUSIVE 6.666,67 counts
/// 5.000,0025 and breaches the cap, so the lawful nominal maximum is 6.666,66.
#[test]
fn e5_special_prestatori_under_the_2017_cap() {
    let mut ledger = Ledger::default();
    let u = firm(12);
    let day = date!(2022 - 06 - 01);
    let query = RoomQuery {
        prestatore: codice_fiscale(40),
        utilizzatore: u,
        day,
        instrument: CPO,
        special_category: true,
        steward: false,
        profile: CapProfile::default(),
    };
    let room = ledger.room(&query).unwrap();
    let b = room
        .caps
        .iter()
        .find(|c| c.rule == RuleId::CapUtilizzatore)
        .unwrap();
    assert_eq!((b.limit, b.headroom), (eur("5000"), eur("6666.66")));
    // Cap c takes three prestatori: 2.500 + 2.500 + 1.666,66.
    for (id, prestatore, compenso) in [(1, 40, "2500"), (2, 41, "2500"), (3, 42, "1666.66")] {
        let a = ledger
            .record(
                &P::new(id, prestatore, u, compenso)
                    .special()
                    .day(day)
                    .build(),
            )
            .unwrap()
            .assessment;
        assert!(a.is_lawful());
    }
    let totals = ledger.utilizzatore_totals(&u, 2022);
    assert_eq!(totals.nominal_cap_utilizzatore, eur("6666.66"));
    assert_eq!(totals.counted_cap_utilizzatore, dec("4999.995"));
    // The 6.666,67 of the trade source breaches cap b by R-CAP-INCLUSIVE.
    let a = refused(ledger.record(&P::new(4, 43, u, "0.01").special().day(day).build()));
    assert!(a.verdict.breaches_rule(RuleId::CapUtilizzatore));
}

/// Source: worked example E5, mixed case: ordinary 4.000 € leave room for 8.000 € of special-category
/// compensi (4.000 + 0,75 × 8.000 = 10.000, equal to the cap: lawful by R-CAP-INCLUSIVE).
#[test]
fn e5_mixed_case_reaches_cap_b_to_the_cent() {
    let mut ledger = Ledger::default();
    let u = firm(3);
    ledger.record(&P::new(1, 1, u, "2000").build()).unwrap();
    ledger.record(&P::new(2, 2, u, "2000").build()).unwrap();
    for (k, id) in (3..=6).enumerate() {
        let a = ledger
            .record(
                &P::new(id, 10 + u32::try_from(k).unwrap(), u, "2000")
                    .special()
                    .build(),
            )
            .unwrap()
            .assessment;
        assert!(a.is_lawful());
    }
    assert_eq!(
        ledger
            .utilizzatore_totals(&u, 2026)
            .counted_cap_utilizzatore,
        dec("10000")
    );
    let a = refused(ledger.record(&P::new(7, 30, u, "0.01").special().build()));
    assert!(a.verdict.breaches_rule(RuleId::CapUtilizzatore));
    let a = refused(ledger.record(&P::new(7, 30, u, "0.01").build()));
    assert!(a.verdict.breaches_rule(RuleId::CapUtilizzatore));
}

/// Source: worked example E11: LF maxima in titoli: 312 per pair, 625 per prestatore, 1.250 per
/// utilizzatore with ordinary prestatori, 1.666 with special-category ones.
#[test]
fn e11_titoli_maxima() {
    let ledger = Ledger::default();
    let query = RoomQuery {
        prestatore: codice_fiscale(1),
        utilizzatore: family(1),
        day: date!(2026 - 05 - 10),
        instrument: LF,
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    };
    let room = ledger.room(&query).unwrap();
    let titoli = |rule| room.caps.iter().find(|c| c.rule == rule).unwrap().titoli;
    assert_eq!(titoli(RuleId::CapPair), 312);
    assert_eq!(titoli(RuleId::CapPrestatore), 625);
    assert_eq!(titoli(RuleId::CapUtilizzatore), 1_250);
    assert_eq!(room.titoli, 312);
    let special = ledger
        .room(&RoomQuery {
            special_category: true,
            ..query
        })
        .unwrap();
    let b = special
        .caps
        .iter()
        .find(|c| c.rule == RuleId::CapUtilizzatore)
        .unwrap();
    assert_eq!((b.headroom, b.titoli), (eur("13333.33"), 1_666));
}

/// Source: reading R-CAP-INCLUSIVE: a total equal to the cap is lawful; one cent more breaches it.
#[test]
fn caps_reached_to_the_cent() {
    let mut ledger = Ledger::default();
    let u = firm(4);
    ledger.record(&P::new(1, 1, u, "2499.99").build()).unwrap();
    let a = ledger
        .record(&P::new(2, 1, u, "0.01").minutes(1).build())
        .unwrap()
        .assessment;
    assert!(a.is_lawful());
    assert_eq!(a.cap_pair.as_ref().unwrap().headroom, Euro::ZERO);
    let a = refused(ledger.record(&P::new(3, 1, u, "0.01").minutes(1).build()));
    assert_eq!(
        a.verdict.breaches[0].excess,
        Some(Excess::Money {
            limit: eur("2500"),
            used: eur("2500"),
            requested: eur("0.01"),
            excess: eur("0.01"),
        })
    );
    assert_eq!(
        a.verdict.breaches[0].consequence,
        Consequence::Conversion {
            from: date!(2026 - 03 - 07)
        }
    );

    // Cap a across utilizzatori with an external total.
    let cf = codice_fiscale(5);
    ledger
        .set_external_total(&ExternalTotal {
            prestatore: cf,
            year: 2026,
            total: eur("2500"),
            as_of: date!(2026 - 03 - 01),
        })
        .unwrap();
    ledger
        .record(&P::new(10, 5, firm(5), "2500").build())
        .unwrap();
    let a = refused(ledger.record(&P::new(11, 5, firm(6), "0.01").build()));
    assert_eq!(a.verdict.breaches.len(), 1);
    assert_eq!(a.verdict.breaches[0].rule, RuleId::CapPrestatore);
    assert_eq!(
        a.verdict.breaches[0].consequence,
        Consequence::PlatformRefusal
    );
    assert_eq!(
        a.verdict.breaches[0].facts,
        "the prestatore's compensi in 2026 would total 5.000,01 € (2.500,00 € from other utilizzatori), above the cap of 5.000,00 €"
    );
}

/// Source: HOURS-280 and R-HOURS-LF: 280 hours per pair, LF included by default; a PA does not
/// convert (c. 7).
#[test]
fn hours_280_per_pair() {
    let mut ledger = Ledger::default();
    let u = firm(7);
    // 70 days of 4 hours at 9 €/h would exceed cap c; use small compensi.
    for day in 0..70u16 {
        let d = Date::from_ordinal_date(2026, day + 1).unwrap();
        ledger
            .record(
                &P::new(u64::from(day), 1, u, "30")
                    .day(d)
                    .minutes(240)
                    .build(),
            )
            .unwrap();
    }
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &u, 2026)
            .counted_minutes,
        280 * 60
    );
    let a = refused(
        ledger.record(
            &P::new(100, 1, u, "1")
                .day(date!(2026 - 04 - 01))
                .minutes(1)
                .build(),
        ),
    );
    assert_eq!(a.verdict.breaches[0].rule, RuleId::Hours280);
    assert_eq!(
        a.verdict.breaches[0].facts,
        "the prestatore would work 280 h 01 min for this utilizzatore in 2026, above the limit of 280 hours"
    );
    let a = ledger
        .assess(
            &P::new(100, 1, u, "1")
                .day(date!(2026 - 04 - 01))
                .minutes(1)
                .pa()
                .build(),
        )
        .unwrap();
    assert_eq!(
        a.verdict.breaches[0].consequence,
        Consequence::UnlawfulUsePa
    );
}

/// Records `days` daily CPO prestazioni of `minutes` at `compenso` each for the pair
/// (prestatore 1, `u`) from 1/1 of `year`, ids from 0; every one must be lawful.
fn record_days(
    ledger: &mut Ledger,
    u: UtilizzatoreId,
    year: i32,
    days: u16,
    minutes: u32,
    compenso: &str,
    area: Option<AgriculturalArea>,
) {
    for day in 0..days {
        let mut p = P::new(u64::from(day), 1, u, compenso)
            .day(Date::from_ordinal_date(year, day + 1).unwrap())
            .minutes(minutes);
        if let Some(area) = area {
            p = p.area(area);
        }
        ledger.record(&p.build()).unwrap();
    }
}

/// Source: HOURS-AGRI and E10 (art. 54-bis c. 20, second sentence, referring to c. 16;
/// INPS msg 2887/2017): in agriculture, 24/6/2017 to 31/12/2022, the hour limit per pair is cap c
/// over the CCNL hourly rate of the area, 2.500 / 9,65 = 259,07 → 259 h in Area 1 (the crate
/// floors). At the Area 1 rate, 259 h are paid 2.499,35 €: the hour limit binds before cap c.
#[test]
fn agricultural_hour_limit_area_1_in_2019() {
    let rules = Rules::in_force_on(date!(2019 - 07 - 01)).unwrap();
    assert_eq!(
        agricultural_hour_limit(AgriculturalArea::Area1, rules).unwrap(),
        259
    );
    let mut ledger = Ledger::default();
    let u = firm(30);
    // 64 days of 4 hours at 38,60 (4 × 9,65): 256 h, 2.470,40 €.
    record_days(
        &mut ledger,
        u,
        2019,
        64,
        240,
        "38.60",
        Some(AgriculturalArea::Area1),
    );
    // 3 hours more at 28,95 reach 259 h to the minute: lawful (R-CAP-INCLUSIVE), no hour left.
    let last = P::new(100, 1, u, "28.95")
        .day(date!(2019 - 04 - 01))
        .minutes(180)
        .area(AgriculturalArea::Area1)
        .build();
    let a = ledger.record(&last).unwrap().assessment;
    assert!(a.is_lawful());
    let hours = a.hours.unwrap();
    assert_eq!(
        (hours.limit, hours.used, hours.requested, hours.headroom),
        (259 * 60, 256 * 60, 180, 0)
    );
    assert_eq!(hours.agricultural_area, Some(AgriculturalArea::Area1));
    let pair = ledger.pair_totals(&codice_fiscale(1), &u, 2019);
    assert_eq!(
        (pair.counted_minutes, pair.counted_cap_pair),
        (259 * 60, eur("2499.35"))
    );
    // The room is zero: the hours are used up, cap c is not.
    let query = RoomQuery {
        prestatore: codice_fiscale(1),
        utilizzatore: u,
        day: date!(2019 - 04 - 02),
        instrument: CPO,
        special_category: false,
        steward: false,
        profile: CapProfile::default().with_agricultural_area(AgriculturalArea::Area1),
    };
    let room = ledger.room(&query).unwrap();
    assert_eq!(
        (room.compenso, room.minutes, room.binding),
        (Euro::ZERO, Some(0), RuleId::HoursAgri)
    );
    // One minute more (0,17 €, still under cap c) breaches and converts the relationship.
    let minute = P::new(101, 1, u, "0.17")
        .day(date!(2019 - 04 - 02))
        .minutes(1)
        .area(AgriculturalArea::Area1)
        .build();
    let a = refused(ledger.record(&minute));
    assert_eq!(a.verdict.breaches.len(), 1);
    let breach = &a.verdict.breaches[0];
    assert_eq!(breach.rule, RuleId::HoursAgri);
    assert_eq!(
        breach.facts,
        "the prestatore would work 259 h 01 min for this utilizzatore in 2019, above the agricultural limit of 259 hours (2.500,00 € / the area 1 rate of 9,65 € per hour)"
    );
    assert_eq!(
        breach.citation.to_string(),
        "art. 54-bis c. 20 (second sentence, referring to c. 16) D.L. 50/2017; INPS msg 2887/2017 for the CCNL hourly rates (HOURS-AGRI, E10)"
    );
    assert_eq!(
        breach.consequence,
        Consequence::Conversion {
            from: date!(2019 - 04 - 02)
        }
    );
    assert_eq!(
        breach.excess,
        Some(Excess::Minutes {
            limit: 259 * 60,
            used: 259 * 60,
            requested: 1,
            excess: 1
        })
    );
    // Reconstructing the year: recorded with the conversion noted.
    let a = ledger
        .record_with(&minute, RecordPolicy::RecordConversionBreaches)
        .unwrap()
        .assessment;
    assert!(a.verdict.breaches_rule(RuleId::HoursAgri));
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &u, 2019)
            .counted_minutes,
        259 * 60 + 1
    );
}

/// Source: worked example E10 and HOURS-AGRI: Area 3 at 6,56 €/h allows 2.500 / 6,56 ≈ 381 h with one
/// utilizzatore (the crate floors 381,09 to 381); Area 2 at 8,80 €/h 284 h.
#[test]
fn agricultural_hour_limit_area_3_allows_381_hours() {
    let mut ledger = Ledger::default();
    let u = firm(31);
    // 95 days of 4 hours at 26,24 (E10's daily minimum): 380 h, 2.492,80 €.
    record_days(
        &mut ledger,
        u,
        2020,
        95,
        240,
        "26.24",
        Some(AgriculturalArea::Area3),
    );
    let hour = P::new(100, 1, u, "6.56")
        .day(date!(2020 - 06 - 01))
        .minutes(60)
        .area(AgriculturalArea::Area3);
    let a = ledger.record(&hour.build()).unwrap().assessment;
    assert!(a.is_lawful());
    assert_eq!(a.hours.unwrap().limit, 381 * 60);
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &u, 2020)
            .counted_minutes,
        381 * 60
    );
    let minute = P::new(101, 1, u, "0.11")
        .day(date!(2020 - 06 - 02))
        .minutes(1)
        .area(AgriculturalArea::Area3)
        .build();
    let a = refused(ledger.record(&minute));
    assert_eq!(a.verdict.breaches[0].rule, RuleId::HoursAgri);
    assert!(a.verdict.breaches[0].facts.ends_with(
        "above the agricultural limit of 381 hours (2.500,00 € / the area 3 rate of 6,56 € per hour)"
    ));
    // Area 2 on an empty ledger: 284 hours of room.
    let query = RoomQuery {
        prestatore: codice_fiscale(2),
        utilizzatore: u,
        day: date!(2020 - 06 - 02),
        instrument: CPO,
        special_category: false,
        steward: false,
        profile: CapProfile::default().with_agricultural_area(AgriculturalArea::Area2),
    };
    assert_eq!(ledger.room(&query).unwrap().minutes, Some(284 * 60));
}

/// Source: HOURS-280 and HOURS-AGRI: in 2019 a pair without an agricultural area keeps
/// the 280 hours (more than Area 1's 259).
#[test]
fn non_agricultural_pair_keeps_280_hours_in_2019() {
    let mut ledger = Ledger::default();
    let u = firm(32);
    record_days(&mut ledger, u, 2019, 70, 240, "30", None);
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &u, 2019)
            .counted_minutes,
        280 * 60
    );
    let minute = P::new(100, 1, u, "1")
        .day(date!(2019 - 04 - 01))
        .minutes(1)
        .build();
    let a = refused(ledger.record(&minute));
    assert_eq!(a.hours.unwrap().agricultural_area, None);
    assert_eq!(a.verdict.breaches[0].rule, RuleId::Hours280);
    assert_eq!(
        a.verdict.breaches[0].facts,
        "the prestatore would work 280 h 01 min for this utilizzatore in 2019, above the limit of 280 hours"
    );
    assert_eq!(
        a.verdict.breaches[0].citation.to_string(),
        "art. 54-bis c. 20 D.L. 50/2017"
    );
}

/// Source: HOURS-AGRI and PROHIB-AGRI: from 1/1/2023 the rules have no agricultural rates
/// (the CPO is banned in agriculture), so an area in the profile changes nothing in the ledger;
/// on 31/12/2022 it still applies. The dates are the rules table's.
#[test]
fn an_area_changes_nothing_from_2023() {
    let mut ledger = Ledger::default();
    let u = firm(33);
    // 280 hours with an Area 1 profile in 2023: lawful (259 would bind in 2022).
    record_days(
        &mut ledger,
        u,
        2023,
        70,
        240,
        "30",
        Some(AgriculturalArea::Area1),
    );
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &u, 2023)
            .counted_minutes,
        280 * 60
    );
    let with_area = P::new(100, 2, u, "36")
        .day(date!(2023 - 01 - 01))
        .area(AgriculturalArea::Area1)
        .build();
    let without = P::new(100, 2, u, "36").day(date!(2023 - 01 - 01)).build();
    let a = ledger.assess(&with_area).unwrap();
    assert_eq!(a, ledger.assess(&without).unwrap());
    assert_eq!(
        (a.hours.unwrap().limit, a.hours.unwrap().agricultural_area),
        (280 * 60, None)
    );
    // The last day of the agricultural rates.
    let last = P::new(101, 2, u, "36")
        .day(date!(2022 - 12 - 31))
        .area(AgriculturalArea::Area1)
        .build();
    let hours = ledger.assess(&last).unwrap().hours.unwrap();
    assert_eq!(
        (hours.limit, hours.agricultural_area),
        (259 * 60, Some(AgriculturalArea::Area1))
    );
    // The area is kept with the prestazione all the same.
    assert_eq!(
        ledger
            .entry(PrestazioneId(0))
            .unwrap()
            .profile
            .agricultural_area,
        Some(AgriculturalArea::Area1)
    );
}

/// Source: HOURS-AGRI: the area is part of the recorded profile, so entries, the
/// regenerated events, replay and merge keep it exactly.
#[test]
fn the_area_round_trips_through_events_replay_and_merge() {
    let mut ledger = Ledger::default();
    let areas = [
        None,
        Some(AgriculturalArea::Area1),
        Some(AgriculturalArea::Area2),
        Some(AgriculturalArea::Area3),
    ];
    for (i, area) in (0u64..).zip(areas) {
        let mut p =
            P::new(i, 1, firm(40 + u32::try_from(i).unwrap()), "36").day(date!(2021 - 05 - 03));
        if let Some(area) = area {
            p = p.area(area);
        }
        if i == 3 {
            p = p.events().pa();
        }
        ledger.record(&p.build()).unwrap();
    }
    let got: Vec<_> = ledger
        .entries()
        .map(|e| e.profile.agricultural_area)
        .collect();
    assert_eq!(got, areas);
    let last = ledger.entry(PrestazioneId(3)).unwrap().profile;
    assert!(last.events_sector && last.pubblica_amministrazione);
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    for (event, area) in events.iter().zip(areas) {
        let LedgerEvent::Recorded(p) = event else {
            panic!("{event:?}")
        };
        assert_eq!(p.profile().agricultural_area, area);
    }
    let replayed = Ledger::replay(ledger.rules_table(), &events).unwrap();
    assert_eq!(replayed, ledger);
    let mut left = Ledger::replay(ledger.rules_table(), &events[..2]).unwrap();
    let right = Ledger::replay(ledger.rules_table(), &events[2..]).unwrap();
    left.merge(&right).unwrap();
    assert_eq!(left, ledger);
    // Equality sees the area: the same prestazioni without it make a different ledger.
    let mut plain = Ledger::default();
    for i in 0..4u64 {
        let mut p =
            P::new(i, 1, firm(40 + u32::try_from(i).unwrap()), "36").day(date!(2021 - 05 - 03));
        if i == 3 {
            p = p.events().pa();
        }
        plain.record(&p.build()).unwrap();
    }
    assert_ne!(plain, ledger);
}

/// Source: reading R-HOURS-LF / R-HOURS-LF (configurable): with the other reading the 280 hours do not bind LF.
#[test]
fn hours_limit_for_lf_is_configurable() {
    let p = P::new(1, 1, family(1), "24").lf().minutes(180).build();
    assert!(Ledger::default().assess(&p).unwrap().hours.is_some());
    let mut builder = RulesTable::embedded().to_builder();
    for row in &mut builder.hours_limit_applies_to_lf {
        row.value = false;
    }
    let ledger = Ledger::new(&builder.build().unwrap());
    assert!(ledger.assess(&p).unwrap().hours.is_none());
    let cpo = P::new(2, 1, firm(1), "36").build();
    assert!(ledger.assess(&cpo).unwrap().hours.is_some());
}

/// Source: CAP-STEWARD (c. 1 lett. c-bis; INPS circ. 95/2018) and R-STEWARD-CAP-A: steward compensi
/// count toward c-bis instead of cap c, never toward cap b, toward cap a by default.
#[test]
fn stewards_count_in_c_bis() {
    let mut ledger = Ledger::default();
    let club = firm(8);
    let cf = codice_fiscale(1);
    // Whole titoli: 312 + 313 titoli of 8,00 reach c-bis (5.000,00) to the cent.
    for (id, euros) in [(0, "2496"), (1, "2504")] {
        let a = ledger
            .record(
                &P::new(id, 1, club, euros)
                    .steward()
                    .day(date!(2026 - 02 - 01) + time::Duration::days(i64::try_from(id).unwrap()))
                    .build(),
            )
            .unwrap()
            .assessment;
        assert!(a.cap_pair.is_none() && a.cap_utilizzatore.is_none());
        assert!(a.cap_steward.is_some() && a.cap_prestatore.is_some());
    }
    let pair = ledger.pair_totals(&cf, &club, 2026);
    assert_eq!(
        (pair.counted_cap_steward, pair.counted_cap_pair),
        (eur("5000"), Euro::ZERO)
    );
    assert_eq!(
        ledger
            .utilizzatore_totals(&club, 2026)
            .nominal_cap_utilizzatore,
        Euro::ZERO
    );
    assert_eq!(
        ledger.prestatore_totals(&cf, 2026).counted_cap_prestatore,
        eur("5000")
    );
    // c-bis reached; one titolo more converts (the crate's reading) and breaches cap a too.
    let a = refused(ledger.record(&P::new(5, 1, club, "8").steward().minutes(60).build()));
    assert!(a.verdict.breaches_rule(RuleId::CapSteward));
    assert!(a.verdict.breaches_rule(RuleId::CapPrestatore));
    let steward = a
        .verdict
        .breaches
        .iter()
        .find(|b| b.rule == RuleId::CapSteward)
        .unwrap();
    assert!(matches!(
        steward.consequence,
        Consequence::Conversion { .. }
    ));

    // Other reading of R-STEWARD-CAP-A: steward compensi outside cap a.
    let mut builder = RulesTable::embedded().to_builder();
    for row in &mut builder.steward_counts_toward_cap_prestatore {
        row.value = false;
    }
    let ledger = Ledger::new(&builder.build().unwrap());
    let a = ledger
        .assess(&P::new(1, 1, club, "96").steward().build())
        .unwrap();
    assert!(a.cap_prestatore.is_none());
}

/// Source: CAP-STEWARD: c-bis is in force from 1/1/2018; before, a steward service
/// counts as ordinary work.
#[test]
fn steward_before_c_bis_counts_as_ordinary() {
    let a = Ledger::default()
        .assess(
            &P::new(1, 1, firm(8), "96")
                .steward()
                .day(date!(2017 - 10 - 01))
                .build(),
        )
        .unwrap();
    assert!(a.cap_steward.is_none() && a.cap_pair.is_some() && a.cap_utilizzatore.is_some());
}

/// Source: CAP-UTILIZZATORE-EVENTS and §5: 15.000 € for the events list from 5/5/2023
/// (the crate does not apply it before, the conservative reading); 5.000 € before 2023.
#[test]
fn dated_cap_b() {
    let ledger = Ledger::default();
    let limit = |p: P| {
        ledger
            .assess(&p.build())
            .unwrap()
            .cap_utilizzatore
            .unwrap()
            .limit
    };
    assert_eq!(
        limit(P::new(1, 1, firm(9), "10").day(date!(2022 - 12 - 31))),
        eur("5000")
    );
    assert_eq!(
        limit(P::new(1, 1, firm(9), "10").day(date!(2023 - 01 - 01))),
        eur("10000")
    );
    assert_eq!(
        limit(
            P::new(1, 1, firm(9), "10")
                .events()
                .day(date!(2023 - 05 - 04))
        ),
        eur("10000")
    );
    assert_eq!(
        limit(
            P::new(1, 1, firm(9), "10")
                .events()
                .day(date!(2023 - 05 - 05))
        ),
        eur("15000")
    );
    assert_eq!(
        limit(P::new(1, 1, firm(9), "10").day(date!(2023 - 05 - 05))),
        eur("10000")
    );
}

/// Source: reading R-YEAR-OF-WORK and DEF-ANNO-CIVILE: work on 31/12 and 1/1 never share a cap.
#[test]
fn years_are_separate() {
    let mut ledger = Ledger::default();
    let u = firm(10);
    ledger
        .record(&P::new(1, 1, u, "2500").day(date!(2026 - 12 - 31)).build())
        .unwrap();
    let a = ledger
        .record(&P::new(2, 1, u, "2500").day(date!(2027 - 01 - 01)).build())
        .unwrap()
        .assessment;
    assert!(a.is_lawful());
    assert_eq!(a.cap_pair.unwrap().used, Decimal::ZERO);
    assert_eq!(
        ledger.pair_totals(&codice_fiscale(1), &u, 2026).compensi,
        eur("2500")
    );
    assert_eq!(
        ledger.pair_totals(&codice_fiscale(1), &u, 2027).compensi,
        eur("2500")
    );
    assert_eq!(
        ledger.month_totals(2026, Month::December).compensi,
        eur("2500")
    );
    assert_eq!(ledger.month_totals(2027, Month::January).prestazioni, 1);
}

/// Omocodes of one person share the caps (the ledger counts on the canonical form).
#[test]
fn omocodes_share_caps() {
    let mut ledger = Ledger::default();
    let u = firm(11);
    let canonical: CodiceFiscale = "RSSMRA85T10A562S".parse().unwrap();
    let omocode: CodiceFiscale = "RSSMRA85T10A56NH".parse().unwrap();
    let mut a = P::new(1, 1, u, "2000");
    a.0.prestatore = canonical;
    let mut b = P::new(2, 1, u, "600");
    b.0.prestatore = omocode;
    ledger.record(&a.build()).unwrap();
    let refusal = refused(ledger.record(&b.build()));
    assert!(refusal.verdict.breaches_rule(RuleId::CapPair));
}

/// Source: worked example E6 and R-REVOCA: a CPO prestazione on 7/3/2026 may be revoked until 24:00 of
/// 10/3/2026; the room is restored exactly.
#[test]
fn revoca_window_and_errors() {
    let mut ledger = Ledger::default();
    let u = firm(12);
    let before = ledger.clone();
    ledger.record(&P::new(1, 1, u, "36").build()).unwrap();
    let err = ledger
        .revoke(PrestazioneId(1), datetime!(2026-03-11 00:00:00 +01:00))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "prestazione #1: the revoca closed at 23:59:59 of 2026-03-10, 3 days after the day of the work (INPS circ. 107/2017; reading R-REVOCA: until 23:59:59 of the 3rd calendar day after the planned day)"
    );
    ledger
        .revoke(PrestazioneId(1), datetime!(2026-03-10 23:59:59 +01:00))
        .unwrap();
    assert_eq!(
        ledger.prestatore_totals(&codice_fiscale(1), 2026),
        before.prestatore_totals(&codice_fiscale(1), 2026)
    );
    assert!(ledger.entry(PrestazioneId(1)).unwrap().revoked);
    assert_eq!(
        ledger.revoke(PrestazioneId(1), datetime!(2026-03-08 10:00:00 +01:00)),
        Err(LedgerError::AlreadyRevoked {
            id: PrestazioneId(1)
        })
    );
    assert_eq!(
        ledger
            .revoke(PrestazioneId(2), datetime!(2026-03-08 10:00:00 +01:00))
            .unwrap_err()
            .to_string(),
        "prestazione #2 is not in the ledger"
    );
    // The id of a revoked prestazione cannot be used again.
    assert_eq!(
        ledger
            .record(&P::new(1, 1, u, "36").build())
            .unwrap_err()
            .to_string(),
        "prestazione #1 is already in the ledger (duplicate id)"
    );
    // An LF prestazione is corrected, not revoked.
    ledger
        .record(&P::new(3, 2, family(1), "32").lf().build())
        .unwrap();
    assert_eq!(
        ledger
            .revoke(PrestazioneId(3), datetime!(2026-03-07 10:00:00 +01:00))
            .unwrap_err()
            .to_string(),
        "prestazione #3 is a libretto famiglia communication: correct it, only a cpo prestazione is revoked (INPS circ. 107/2017)"
    );
    assert_eq!(
        ledger
            .correct(&P::new(1, 1, u, "40").build())
            .unwrap_err()
            .to_string(),
        "prestazione #1 is already revoked"
    );
}

/// Source: reading R-CONSEQUENCES: the reconstruction policy records conversion-type breaches (cap c, 280
/// hours) and still refuses platform refusals (caps a and b).
#[test]
fn reconstruction_policy() {
    let mut ledger = Ledger::default();
    let u = firm(13);
    let a = ledger
        .record_with(
            &P::new(1, 1, u, "2600").build(),
            RecordPolicy::RecordConversionBreaches,
        )
        .unwrap()
        .assessment;
    assert!(a.verdict.breaches_rule(RuleId::CapPair));
    let a = refused(ledger.record_with(
        &P::new(2, 1, firm(14), "2500").build(),
        RecordPolicy::RecordConversionBreaches,
    ));
    assert!(a.verdict.breaches_rule(RuleId::CapPrestatore));
    assert!(!a.verdict.breaches_rule(RuleId::CapPair));
    assert_eq!(ledger.len(), 1);
}

/// Warning levels: the highest host threshold reached after the prestazione.
#[test]
fn warning_levels() {
    let mut ledger = Ledger::default()
        .with_warning_thresholds(&[80, 90])
        .unwrap();
    let u = firm(15);
    let a = ledger
        .record(&P::new(1, 1, u, "1999.99").build())
        .unwrap()
        .assessment;
    assert_eq!(a.cap_pair.unwrap().warning, None);
    let a = ledger
        .record(&P::new(2, 1, u, "0.01").build())
        .unwrap()
        .assessment;
    assert_eq!(a.cap_pair.unwrap().warning, Some(80));
    let a = ledger
        .record(&P::new(3, 1, u, "250").build())
        .unwrap()
        .assessment;
    assert_eq!(a.cap_pair.as_ref().unwrap().warning, Some(90));
    assert_eq!(a.cap_prestatore.as_ref().unwrap().warning, None);
}

/// A correction replaces an LF communication; the room follows.
#[test]
fn lf_correction() {
    let mut ledger = Ledger::default();
    let u = family(2);
    ledger
        .record(&P::new(1, 1, u, "2400").lf().build())
        .unwrap();
    assert_eq!(
        ledger
            .correct(&P::new(1, 1, u, "100").build())
            .unwrap_err()
            .to_string(),
        "correction of prestazione #1: instrument must stay LF"
    );
    ledger
        .correct(&P::new(1, 1, u, "2496").lf().build())
        .unwrap();
    assert_eq!(
        ledger.pair_totals(&codice_fiscale(1), &u, 2026).compensi,
        eur("2496")
    );
    ledger.record(&P::new(2, 2, firm(1), "36").build()).unwrap();
    assert_eq!(
        ledger
            .correct(&P::new(2, 2, firm(1), "40").lf().build())
            .unwrap_err()
            .to_string(),
        "prestazione #2 is a cpo prestazione: revoke it and communicate it again, only a libretto famiglia communication is corrected"
    );
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    assert_eq!(
        Ledger::replay(ledger.rules_table(), &events).unwrap(),
        ledger
    );
}

/// Source: art. 54-bis c. 12 D.L. 50/2017, INPS circ. 107/2017 (LF-COMM): a correction fixes
/// the data of a communicated prestazione; it keeps who worked, who paid, the instrument and the
/// calendar year whose caps it counts in (reading R-YEAR-OF-WORK). Anything else is a revoca and
/// a new record, live or in a replayed log.
#[test]
fn a_correction_never_moves_a_prestazione() {
    let original = P::new(1, 1, family(1), "32").lf();
    let mut ledger = Ledger::default();
    ledger.record(&original.build()).unwrap();
    let changes = [
        (P::new(1, 2, family(1), "32").lf(), "prestatore"),
        (P::new(1, 1, family(2), "32").lf(), "utilizzatore"),
        (
            P::new(1, 1, family(1), "32")
                .lf()
                .day(date!(2027 - 01 - 04)),
            "calendar year (2026 to 2027)",
        ),
    ];
    let table = ledger.rules_table().clone();
    let before = ledger.clone();
    for (draft, what) in changes {
        let moved = draft.build();
        let expected = format!(
            "correction of prestazione #1 moves it to another {what}: a correction keeps the prestatore, the utilizzatore, the instrument and the calendar year; revoke it and record the work as a new prestazione"
        );
        assert_eq!(ledger.correct(&moved).unwrap_err().to_string(), expected);
        assert_eq!(ledger, before);
        let log = [
            LedgerEvent::Recorded(P::new(1, 1, family(1), "32").lf().build()),
            LedgerEvent::Corrected(moved),
        ];
        assert_eq!(
            Ledger::replay(&table, &log).unwrap_err().to_string(),
            expected
        );
    }
    // An omocode is the same prestatore; another day of the same year is a correction.
    let mut draft = P::new(1, 1, family(1), "40")
        .lf()
        .day(date!(2026 - 12 - 31))
        .0;
    draft.prestatore = codice_fiscale(1)
        .omocodes()
        .find(|o| *o != codice_fiscale(1))
        .unwrap();
    ledger
        .correct(&Prestazione::try_from(draft).unwrap())
        .unwrap();
    assert_eq!(ledger.entry(PrestazioneId(1)).unwrap().compenso, eur("40"));
}

/// Source: INPS Vademecum 2017 as summarised (Part C, C11; CPO-REVOCA "Prestatore's role"),
/// reading R-CONFIRMATION: the prestatore may confirm a CPO prestazione within 3 days of its
/// date; once confirmed the utilizzatore can no longer revoke it; after a revoca the prestatore
/// can still confirm that the work took place.
#[test]
fn the_prestatore_confirms_a_cpo_prestazione() {
    let mut ledger = Ledger::default();
    for id in 1..=3 {
        ledger
            .record(&P::new(id, 1, firm(1), "36").build())
            .unwrap();
    }
    ledger
        .record(&P::new(4, 1, family(1), "32").lf().build())
        .unwrap();
    let id = PrestazioneId;
    // Not before the day of the work, not after 23:59:59 of the 3rd day after.
    let window = "prestazione #1: the prestatore confirms from the day of the work, 2026-03-07, until 23:59:59 of 2026-03-10, 3 days after, not at";
    for at in [
        datetime!(2026-03-06 23:59:59 +01:00),
        datetime!(2026-03-11 00:00:00 +01:00),
    ] {
        let err = ledger.confirm(id(1), at).unwrap_err().to_string();
        assert!(err.starts_with(window), "{err}");
    }
    let before = ledger.clone();
    assert!(
        ledger
            .confirm(id(4), datetime!(2026-03-08 10:00 +01:00))
            .is_err()
    );
    assert_eq!(ledger, before);
    // Confirmed: no revoca any more, even within its window.
    ledger
        .confirm(id(1), datetime!(2026-03-07 20:00 +01:00))
        .unwrap();
    assert_eq!(
        ledger
            .revoke(id(1), datetime!(2026-03-08 09:00 +01:00))
            .unwrap_err()
            .to_string(),
        "prestazione #1 was confirmed by the prestatore at 2026-03-07 20:00:00 +01:00: the utilizzatore can no longer revoke it (reading R-CONFIRMATION)"
    );
    assert_eq!(
        ledger
            .confirm(id(1), datetime!(2026-03-08 10:00 +01:00))
            .unwrap_err()
            .to_string(),
        "prestazione #1 is already confirmed"
    );
    // Revoked, then confirmed: the revoca stands, the confirmation is recorded.
    ledger
        .revoke(id(2), datetime!(2026-03-08 09:00 +01:00))
        .unwrap();
    assert_eq!(
        ledger
            .confirm(id(2), datetime!(2026-03-08 08:00 +01:00))
            .unwrap_err()
            .to_string(),
        "prestazione #2: the confirmation at 2026-03-08 08:00:00 +01:00 is dated before the revoca it follows, at 2026-03-08 09:00:00 +01:00"
    );
    ledger
        .confirm(id(2), datetime!(2026-03-08 18:00 +01:00))
        .unwrap();
    let e = ledger.entry(id(2)).unwrap();
    assert!(e.revoked);
    assert_eq!(
        (e.revoked_at, e.confirmed_at),
        (
            Some(datetime!(2026-03-08 09:00 +01:00)),
            Some(datetime!(2026-03-08 18:00 +01:00))
        )
    );
    assert_eq!(
        ledger
            .pair_totals(&codice_fiscale(1), &firm(1), 2026)
            .compensi,
        eur("72")
    );
    // The events carry the instants; the regenerated log replays to an equal ledger.
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    assert!(events.contains(&LedgerEvent::Confirmed {
        id: id(2),
        at: datetime!(2026-03-08 18:00 +01:00)
    }));
    assert_eq!(
        Ledger::replay(ledger.rules_table(), &events).unwrap(),
        ledger
    );
    // A log that revokes a confirmed prestazione cannot be replayed.
    let impossible = [
        LedgerEvent::Recorded(P::new(1, 1, firm(1), "36").build()),
        LedgerEvent::Confirmed {
            id: id(1),
            at: datetime!(2026-03-07 20:00 +01:00),
        },
        LedgerEvent::Revoked {
            id: id(1),
            at: datetime!(2026-03-08 09:00 +01:00),
        },
    ];
    assert!(matches!(
        Ledger::replay(ledger.rules_table(), &impossible),
        Err(LedgerError::Confirmed { .. })
    ));
}

/// Source: issue "nothing impossible gets in": replay and merge trust their input, so logs that
/// breach caps together go in; `replay_verified` and `verify` find each breach with its rule,
/// figures and citation, and each revoca or confirmation out of time.
#[test]
fn verification_finds_what_trusting_replay_and_merge_accept() {
    let table = Ledger::default().rules_table().clone();
    // Three 1.000,00 CPO records of one pair: the third passes cap c by 500,00.
    let three: Vec<LedgerEvent> = (1..=3)
        .map(|id| LedgerEvent::Recorded(P::new(id, 1, firm(1), "1000").build()))
        .collect();
    assert_eq!(Ledger::replay(&table, &three).unwrap().len(), 3);
    let (ledger, findings) = Ledger::replay_verified(&table, &three).unwrap();
    assert_eq!(ledger, Ledger::replay(&table, &three).unwrap());
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].to_string(),
        format!(
            "event 2, prestazione #3: CAP-PAIR: the prestatore's compensi from this utilizzatore in 2026 would total 3.000,00 €, above the cap of 2.500,00 € ({})",
            rules_2026().cap_pair.citation
        )
    );
    let FindingKind::Breach(a) = &findings[0].kind else {
        panic!("{:?}", findings[0])
    };
    assert_eq!(
        a.verdict.breaches[0].excess,
        Some(Excess::Money {
            limit: eur("2500"),
            used: eur("2000"),
            requested: eur("1000"),
            excess: eur("500"),
        })
    );
    assert_eq!(ledger.verify(), findings);

    // A revoca replayed a year late.
    let late = [
        LedgerEvent::Recorded(P::new(1, 1, firm(1), "36").build()),
        LedgerEvent::Revoked {
            id: PrestazioneId(1),
            at: datetime!(2027-03-08 10:00 +01:00),
        },
    ];
    let (ledger, findings) = Ledger::replay_verified(&table, &late).unwrap();
    assert_eq!(
        findings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "event 1, prestazione #1: CPO-REVOCA: revoked at 2027-03-08 10:00:00 +01:00, after the window closed at 23:59:59 of 2026-03-10 ({})",
            revoca_citation()
        )]
    );
    assert_eq!(ledger.verify(), findings);

    // Two shards of 2.000,00 for one pair: each lawful, merged above cap c.
    let mut march = Ledger::new(&table);
    march
        .record(&P::new(1, 1, firm(1), "2000").build())
        .unwrap();
    let mut april = Ledger::new(&table);
    april
        .record(
            &P::new(2, 1, firm(1), "2000")
                .day(date!(2026 - 04 - 11))
                .build(),
        )
        .unwrap();
    assert!(march.verify().is_empty() && april.verify().is_empty());
    march.merge(&april).unwrap();
    let findings = march.verify();
    assert_eq!(
        findings
            .iter()
            .map(|f| (f.event, f.prestazione, f.rules()))
            .collect::<Vec<_>>(),
        [(1, PrestazioneId(2), vec![RuleId::CapPair])]
    );

    // A confirmation out of its window, one before the revoca it follows.
    let log = [
        LedgerEvent::Recorded(P::new(1, 1, firm(1), "36").build()),
        LedgerEvent::Recorded(P::new(2, 1, firm(1), "36").build()),
        LedgerEvent::Confirmed {
            id: PrestazioneId(1),
            at: datetime!(2026-03-12 10:00 +01:00),
        },
        LedgerEvent::Revoked {
            id: PrestazioneId(2),
            at: datetime!(2026-03-09 10:00 +01:00),
        },
        LedgerEvent::Confirmed {
            id: PrestazioneId(2),
            at: datetime!(2026-03-08 10:00 +01:00),
        },
    ];
    let (ledger, findings) = Ledger::replay_verified(&table, &log).unwrap();
    assert_eq!(
        findings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!(
                "event 2, prestazione #1: CPO-REVOCA: confirmed at 2026-03-12 10:00:00 +01:00, outside the window from 2026-03-07 to 23:59:59 of 2026-03-10 (reading R-CONFIRMATION; {})",
                revoca_citation()
            ),
            "event 4, prestazione #2: CPO-REVOCA: confirmed at 2026-03-08 10:00:00 +01:00, before the revoca at 2026-03-09 10:00:00 +01:00: a confirmed prestazione cannot be revoked (reading R-CONFIRMATION)".to_owned(),
        ]
    );
    assert_eq!(ledger.verify().len(), 2);
    // A ledger built by record alone has nothing to find.
    let mut own = Ledger::default();
    own.record(&P::new(1, 1, firm(1), "2000").build()).unwrap();
    own.revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00))
        .unwrap();
    own.record(&P::new(2, 1, firm(1), "2000").build()).unwrap();
    assert!(own.verify().is_empty());
}

/// Source: issue "nothing impossible gets in": a rejected operation changes nothing. A batch
/// whose last event is impossible leaves none of its events applied; so does a merge, an
/// external total, a correction, a revoca or a confirmation that fails.
#[test]
fn a_failed_batch_changes_nothing() {
    let mut ledger = Ledger::default();
    ledger.record(&P::new(1, 1, firm(1), "36").build()).unwrap();
    let before = ledger.clone();
    let batch = [
        LedgerEvent::Recorded(P::new(2, 2, firm(2), "36").build()),
        LedgerEvent::Recorded(P::new(0, 3, firm(3), "36").build()),
        LedgerEvent::Revoked {
            id: PrestazioneId(1),
            at: datetime!(2026-03-08 10:00 +01:00),
        },
        LedgerEvent::ExternalTotalSet(ExternalTotal {
            prestatore: codice_fiscale(1),
            year: 2026,
            total: eur("100"),
            as_of: date!(2026 - 03 - 01),
        }),
        LedgerEvent::Revoked {
            id: PrestazioneId(9),
            at: datetime!(2026-03-08 10:00 +01:00),
        },
    ];
    assert_eq!(
        ledger.apply_batch(&batch).unwrap_err().to_string(),
        "prestazione #9 is not in the ledger"
    );
    assert_eq!(ledger, before);
    assert_eq!(
        ledger.events().collect::<Result<Vec<_>, _>>().unwrap(),
        before.events().collect::<Result<Vec<_>, _>>().unwrap()
    );
    // The ids keep working as before: #2 is new, #1 is still revocable.
    ledger.record(&P::new(2, 2, firm(2), "36").build()).unwrap();
    ledger
        .revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00))
        .unwrap();
    ledger.apply_batch(&batch[1..2]).unwrap();
    assert_eq!(ledger.len(), 3);
}

/// Found by the fuzz target `ledger_events`: the log `Ledger::events` regenerates is a fixed
/// point (replaying it and regenerating gives the same log), whatever order the parties first
/// appeared in: external totals come in the order of the prestatore's codice fiscale, not of
/// the ledger's internal numbering.
#[test]
fn the_regenerated_log_is_a_fixed_point() {
    let mut ledger = Ledger::default();
    // The second prestatore's external total is entered before the first's prestazione.
    let reading = |n, euros: &str| ExternalTotal {
        prestatore: codice_fiscale(n),
        year: 2026,
        total: eur(euros),
        as_of: date!(2026 - 04 - 13),
    };
    ledger.set_external_total(&reading(2, "680")).unwrap();
    ledger
        .record(&P::new(1, 1, firm(1), "100").build())
        .unwrap();
    ledger
        .record(&P::new(2, 2, firm(1), "100").build())
        .unwrap();
    ledger.set_external_total(&reading(1, "2460")).unwrap();
    let log: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    let again = Ledger::replay(ledger.rules_table(), &log).unwrap();
    assert_eq!(again, ledger);
    let regenerated: Vec<LedgerEvent> = again.events().collect::<Result<_, _>>().unwrap();
    assert_eq!(regenerated, log);
}

#[test]
fn external_totals_latest_reading_wins() {
    let mut ledger = Ledger::default();
    let cf = codice_fiscale(1);
    let reading = |total: &str, as_of: Date| ExternalTotal {
        prestatore: cf,
        year: 2026,
        total: eur(total),
        as_of,
    };
    assert_eq!(
        ledger
            .set_external_total(&reading("100", date!(2026 - 02 - 01)))
            .unwrap(),
        Some(LedgerEvent::ExternalTotalSet(reading(
            "100",
            date!(2026 - 02 - 01)
        )))
    );
    assert!(
        ledger
            .set_external_total(&reading("300", date!(2026 - 04 - 01)))
            .unwrap()
            .is_some()
    );
    assert!(
        ledger
            .set_external_total(&reading("200", date!(2026 - 03 - 01)))
            .unwrap()
            .is_none()
    );
    assert_eq!(ledger.prestatore_totals(&cf, 2026).external, eur("300"));
}

/// An external total that would put the prestatore's sums out of range is refused when it is
/// entered (it used to be accepted, and every later record of the prestatore then failed on an
/// overflow); the largest accepted one leaves the prestatore assessable, with cap a breached.
#[test]
fn external_totals_are_bounded() {
    let mut ledger = Ledger::default();
    let cf = codice_fiscale(1);
    let reading = |total: Euro| ExternalTotal {
        prestatore: cf,
        year: 2026,
        total,
        as_of: date!(2026 - 02 - 01),
    };
    let max = eur("1000000000000.00");
    let err = ledger
        .set_external_total(&reading(Euro::from_cents(100_000_000_000_001)))
        .unwrap_err();
    assert_eq!(
        err,
        LedgerError::ExternalTooLarge {
            total: Euro::from_cents(100_000_000_000_001),
            max
        }
    );
    assert_eq!(
        err.to_string(),
        "external total: 1.000.000.000.000,01 € is more than the largest external total the ledger accepts, 1.000.000.000.000,00 €"
    );
    assert!(ledger.set_external_total(&reading(Euro::MAX)).is_err());
    assert_eq!(ledger, Ledger::default());
    // Nor does a log carrying one replay.
    let log = [LedgerEvent::ExternalTotalSet(reading(Euro::MAX))];
    assert!(matches!(
        Ledger::replay(ledger.rules_table(), &log),
        Err(LedgerError::ExternalTooLarge { .. })
    ));

    assert!(ledger.set_external_total(&reading(max)).unwrap().is_some());
    let p = P::new(1, 1, firm(1), "5000").build();
    let a = ledger.assess(&p).unwrap();
    assert!(a.verdict.breaches_rule(RuleId::CapPrestatore));
    assert_eq!(a.cap_prestatore.unwrap().headroom, Euro::ZERO);
    let refused = ledger.record(&p).unwrap_err();
    assert!(
        refused.to_string().contains("CAP-PRESTATORE-TOTAL"),
        "{refused}"
    );
}

#[test]
fn errors_before_regime_and_merge_of_different_tables() {
    // A prestazione before the regime cannot be built (see
    // `a_single_compenso_is_bounded_by_cap_a`); an external total before it is refused.
    let mut ledger = Ledger::default();
    let reading = ExternalTotal {
        prestatore: codice_fiscale(1),
        year: 2016,
        total: eur("1"),
        as_of: date!(2016 - 12 - 31),
    };
    assert_eq!(
        ledger.set_external_total(&reading).unwrap_err().to_string(),
        "external total: year 2016 is outside the rules table, which starts in 2017"
    );
    let mut builder = RulesTable::embedded().to_builder();
    for row in &mut builder.hours_limit_applies_to_lf {
        row.value = false;
    }
    let mut other = Ledger::new(&builder.build().unwrap());
    assert_eq!(other.merge(&ledger), Err(LedgerError::DifferentRules));
}

/// The rules in force on the days of these tests.
fn rules_2026() -> &'static Rules {
    Rules::in_force_on(date!(2026 - 03 - 07)).unwrap()
}

/// The citation of the revoca window in 2026.
fn revoca_citation() -> String {
    rules_2026().revoca_days.citation.to_string()
}

/// A rules table whose titolo pays 16,00 net (20,00 = 16,00 + 3,30 + 0,50 + 0,20), one hour
/// each: a prestazione of 8,00 for an hour is valid under the embedded table, not under this one.
fn table_with_titolo_of_16() -> RulesTable {
    let mut builder = RulesTable::embedded().to_builder();
    for row in &mut builder.lf_titolo {
        row.value.value = eur("20");
        row.value.compenso = eur("16");
        row.value.ivs = eur("3.30");
        row.value.inail = eur("0.50");
        row.value.oneri = eur("0.20");
    }
    builder.build().unwrap()
}

/// Source: art. 54-bis c. 10-11 D.L. 50/2017, INPS circ. 107/2017 (LF-TITOLO): an LF compenso is
/// whole titoli of 8,00, each paying at most one hour. 12,00 for an hour is 1,5 titoli; 8,00 for
/// 61 minutes is one titolo for more than an hour. Two titoli for one hour are a higher pay.
#[test]
fn lf_records_are_whole_titoli_covering_the_minutes() {
    let half = P::new(1, 1, family(1), "12").lf().minutes(60);
    let titolo = &rules_2026().lf_titolo.citation;
    assert_eq!(
        Prestazione::try_from(half.0).unwrap_err().to_string(),
        format!(
            "prestazione #1: LF compenso 12,00 € is not a whole number of titoli of 8,00 € (LF-TITOLO: {titolo})"
        )
    );
    let short = P::new(2, 1, family(1), "8").lf().minutes(61);
    assert_eq!(
        Prestazione::try_from(short.0).unwrap_err().to_string(),
        format!(
            "prestazione #2: 1 titolo pay at most 1 h 00 min of work, not 1 h 01 min: 2 titoli (16,00 €) at least (LF-TITOLO: {titolo})"
        )
    );
    // Two titoli for an hour, or for 61 minutes: lawful.
    let generous = P::new(3, 1, family(1), "16").lf().minutes(60).build();
    let enough = P::new(4, 1, family(1), "16").lf().minutes(61).build();
    let mut ledger = Ledger::default();
    ledger.record(&generous).unwrap();
    ledger.record(&enough).unwrap();
    // A CPO compenso is not in titoli.
    P::new(5, 1, firm(1), "36.01").build();

    // The ledger applies the titolo of its own table: 8,00 is half a titolo of 16,00. Record,
    // assess, correct and replay give the same answer as the Scrivania (one rule).
    let table = table_with_titolo_of_16();
    let hour = P::new(6, 1, family(1), "8").lf().minutes(60).build();
    let expected = format!(
        "prestazione #6: LF compenso 8,00 € is not a whole number of titoli of 16,00 € (LF-TITOLO: {titolo})"
    );
    let mut own = Ledger::new(&table);
    assert_eq!(own.assess(&hour).unwrap_err().to_string(), expected);
    assert_eq!(own.record(&hour).unwrap_err().to_string(), expected);
    assert_eq!(
        Ledger::replay(&table, [LedgerEvent::Recorded(hour.clone())])
            .unwrap_err()
            .to_string(),
        expected
    );
    assert!(own.is_empty());
    let two_hours = P::new(6, 1, family(1), "16").lf().minutes(60).build();
    own.record(&two_hours).unwrap();
    assert_eq!(own.correct(&hour).unwrap_err().to_string(), expected);
    assert_eq!(own.entry(PrestazioneId(6)).unwrap().compenso, eur("16"));
    let desk = prestazioni_occasionali::Scrivania::new(
        codice_fiscale(1),
        &[prestazioni_occasionali::CommunicatedPrestazione {
            prestazione: hour,
            communicated_at: datetime!(2026-03-08 10:00 +01:00),
            revoked_at: None,
            confirmed_at: None,
            paid_on: None,
        }],
        &[],
        &table,
        datetime!(2026-03-09 10:00 +01:00),
    );
    assert_eq!(desk.unwrap_err().to_string(), expected);
}

/// Source: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL): a prestatore receives
/// at most 5.000,00 a year from all utilizzatori, so a single prestazione above it breaches cap a
/// on its own (and the platform refuses it, reading R-CONSEQUENCES); no such prestazione exists.
#[test]
fn a_single_compenso_is_bounded_by_cap_a() {
    let huge = "92233720368547758.07";
    for p in [
        P::new(1, 1, firm(1), huge),
        P::new(1, 1, family(1), huge).lf(),
    ] {
        assert_eq!(
            Prestazione::try_from(p.0).unwrap_err().to_string(),
            format!(
                "prestazione #1: compenso 92.233.720.368.547.758,07 € is above 5.000,00 €, the annual cap it counts in: no single prestazione may pay more (CAP-PRESTATORE-TOTAL: {})",
                rules_2026().cap_prestatore.citation
            )
        );
    }
    assert!(Prestazione::try_from(P::new(1, 1, firm(1), "5000.01").0).is_err());
    // A steward's compenso counts in cap a too (reading R-STEWARD-CAP-A, default yes): the
    // bound is cap a's, not c-bis's, though both are 5.000,00.
    assert_eq!(
        Prestazione::try_from(P::new(1, 1, firm(8), "5000.01").steward().0)
            .unwrap_err()
            .to_string(),
        format!(
            "prestazione #1: compenso 5.000,01 € is above 5.000,00 €, the annual cap it counts in: no single prestazione may pay more (CAP-PRESTATORE-TOTAL: {})",
            rules_2026().cap_prestatore.citation
        )
    );
    // Up to cap a it is a prestazione (whose breach of cap c the ledger reports).
    let most = P::new(1, 1, firm(1), "5000").build();
    assert!(
        Ledger::default()
            .assess(&most)
            .unwrap()
            .verdict
            .breaches_rule(RuleId::CapPair)
    );
    assert!(Prestazione::try_from(P::new(1, 1, family(1), "5000").lf().minutes(600).0).is_ok());
    // Before the regime there are no caps, and no prestazione of this regime.
    assert_eq!(
        Prestazione::try_from(P::new(1, 1, firm(1), "36").day(date!(2017 - 06 - 23)).0)
            .unwrap_err()
            .to_string(),
        "prestazione #1: no rules on 2017-06-23: the regime of art. 54-bis D.L. 50/2017 starts on 2017-06-24 (the earlier voucher regime is out of scope)"
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Ledger>();
    check::<prestazioni_occasionali::Assessment>();
    check::<LedgerEvent>();
    check::<LedgerError>();
    check::<RecordError>();
}

#[test]
fn debug_masks_codici_fiscali() {
    let mut ledger = Ledger::default();
    ledger.record(&P::new(1, 1, firm(1), "36").build()).unwrap();
    let text = format!("{ledger:?} {:?}", ledger.entries().collect::<Vec<_>>());
    assert!(!text.contains(codice_fiscale(1).as_str()), "{text}");
}

/// A prestazione debugs as its draft (the codici fiscali masked, as everywhere).
#[test]
fn a_prestazione_debugs_as_its_draft() {
    let p = P::new(1, 1, firm(1), "36").build();
    let text = format!("{p:?}");
    assert_eq!(text, format!("Prestazione({:?})", p.draft()));
    assert!(
        text.contains("PrestazioneDraft") && text.contains("minutes: 240"),
        "{text}"
    );
    assert!(!text.contains(codice_fiscale(1).as_str()), "{text}");
}

#[cfg(feature = "serde")]
#[test]
fn events_and_assessments_round_trip_through_serde() {
    let mut ledger = Ledger::default();
    let a = ledger
        .record(&P::new(1, 1, firm(1), "36").special().build())
        .unwrap()
        .assessment;
    ledger
        .set_external_total(&ExternalTotal {
            prestatore: codice_fiscale(2),
            year: 2026,
            total: eur("10"),
            as_of: date!(2026 - 01 - 31),
        })
        .unwrap();
    ledger.record(&P::new(2, 1, firm(1), "36").build()).unwrap();
    ledger
        .revoke(PrestazioneId(2), datetime!(2026-03-08 09:00 +01:00))
        .unwrap();
    ledger
        .confirm(PrestazioneId(2), datetime!(2026-03-08 18:30 +01:00))
        .unwrap();
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    let json = serde_json::to_string(&events).unwrap();
    assert!(
        json.contains(r#"{"Confirmed":{"id":2,"at":"2026-03-08 18:30:00.0 +01:00:00"}}"#),
        "{json}"
    );
    let back: Vec<LedgerEvent> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, events);
    assert_eq!(Ledger::replay(ledger.rules_table(), &back).unwrap(), ledger);
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        serde_json::from_str::<prestazioni_occasionali::Assessment>(&json).unwrap(),
        a
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Record {
            prestatore: u32,
            utilizzatore: u32,
            day: u16,
            year: i32,
            minutes: u32,
            cents: u64,
            lf: bool,
            special: bool,
            steward: bool,
            profile: CapProfile,
        },
        Revoke {
            pick: usize,
            after_days: i64,
        },
        Confirm {
            pick: usize,
            after_days: i64,
            hour: u8,
        },
        External {
            prestatore: u32,
            cents: u64,
            as_of: u16,
        },
        Correct {
            pick: usize,
            cents: u64,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            6 => (0u32..6, 0u32..5, 1u16..=365, prop_oneof![3 => Just(2026), 1 => Just(2027), 1 => Just(2019), 1 => Just(2023)], 1u32..=600, 1u64..=300_000, any::<bool>(), any::<bool>(), prop::bool::weighted(0.15), profile())
                .prop_map(|(prestatore, utilizzatore, day, year, minutes, cents, lf, special, steward, profile)| Op::Record { prestatore, utilizzatore, day, year, minutes, cents, lf, special, steward, profile }),
            2 => (any::<usize>(), 0i64..6).prop_map(|(pick, after_days)| Op::Revoke { pick, after_days }),
            1 => (any::<usize>(), -1i64..5, 0u8..24).prop_map(|(pick, after_days, hour)| Op::Confirm { pick, after_days, hour }),
            1 => (0u32..6, 0u64..500_000, 1u16..=365).prop_map(|(prestatore, cents, as_of)| Op::External { prestatore, cents, as_of }),
            1 => (any::<usize>(), 1u64..300_000).prop_map(|(pick, cents)| Op::Correct { pick, cents }),
        ]
    }

    /// A cap profile: events sector and PA now and then, an agricultural area half of the time
    /// (it binds in 2019, not from 2023).
    fn profile() -> impl Strategy<Value = CapProfile> {
        let area = prop_oneof![
            2 => Just(None),
            1 => Just(Some(AgriculturalArea::Area1)),
            1 => Just(Some(AgriculturalArea::Area2)),
            1 => Just(Some(AgriculturalArea::Area3)),
        ];
        (prop::bool::weighted(0.2), prop::bool::weighted(0.1), area).prop_map(
            |(events, pa, area)| {
                let profile = CapProfile::default()
                    .with_events_sector(events)
                    .with_pubblica_amministrazione(pa);
                match area {
                    Some(area) => profile.with_agricultural_area(area),
                    None => profile,
                }
            },
        )
    }

    /// The hour limit of an entry in minutes: the area's in agriculture while the rules have
    /// agricultural rates, else 280 hours.
    fn hour_limit(e: &prestazioni_occasionali::LedgerEntry) -> u32 {
        let rules = Rules::in_force_on(e.day).unwrap();
        let hours = match e.profile.agricultural_area {
            Some(area) if rules.agriculture_hourly_rates.value.is_some() => {
                agricultural_hour_limit(area, rules).unwrap()
            }
            _ => 280,
        };
        hours * 60
    }

    fn utilizzatore(i: u32) -> UtilizzatoreId {
        if i == 0 { family(0) } else { firm(100 + i) }
    }

    /// Every total recomputed from the entries equals the ledger's.
    fn check_totals(ledger: &Ledger) {
        let entries: Vec<_> = ledger.entries().filter(|e| !e.revoked).collect();
        for year in [2019, 2023, 2026, 2027] {
            for p in 0..6 {
                let cf = codice_fiscale(p);
                let t = ledger.prestatore_totals(&cf, year);
                let mine = entries
                    .iter()
                    .filter(|e| e.prestatore == cf && e.day.year() == year);
                let sum: u64 = mine.clone().map(|e| e.compenso.cents()).sum();
                assert_eq!(t.compensi.cents(), sum);
                assert_eq!(t.prestazioni as usize, mine.count());
                for u in 0..3 {
                    let uid = utilizzatore(u);
                    let pair = ledger.pair_totals(&cf, &uid, year);
                    let mine: Vec<_> = entries
                        .iter()
                        .filter(|e| {
                            e.prestatore == cf && e.utilizzatore == uid && e.day.year() == year
                        })
                        .collect();
                    let steward: u64 = mine
                        .iter()
                        .filter(|e| e.steward)
                        .map(|e| e.compenso.cents())
                        .sum();
                    let other: u64 = mine
                        .iter()
                        .filter(|e| !e.steward)
                        .map(|e| e.compenso.cents())
                        .sum();
                    let minutes: u32 = mine.iter().map(|e| e.minutes).sum();
                    assert_eq!(pair.counted_cap_steward.cents(), steward);
                    assert_eq!(pair.counted_cap_pair.cents(), other);
                    assert_eq!(pair.minutes, minutes);
                    assert_eq!(pair.counted_minutes, minutes);
                    assert!(pair.counted_cap_pair <= eur("2500"));
                    assert!(pair.counted_cap_steward <= eur("5000"));
                    // Each prestazione fit its own limit when recorded: the total stays within
                    // the largest of them.
                    let limit = mine.iter().map(|e| hour_limit(e)).max().unwrap_or(280 * 60);
                    assert!(pair.counted_minutes <= limit);
                }
            }
            for u in 0..3 {
                let uid = utilizzatore(u);
                let t = ledger.utilizzatore_totals(&uid, year);
                let mine: Vec<_> = entries
                    .iter()
                    .filter(|e| e.utilizzatore == uid && e.day.year() == year && !e.steward)
                    .collect();
                let nominal: Decimal = mine.iter().map(|e| e.compenso.as_decimal()).sum();
                let weighted: Decimal = mine
                    .iter()
                    .map(|e| {
                        if e.special_category {
                            e.compenso.as_decimal() * dec("0.75")
                        } else {
                            e.compenso.as_decimal()
                        }
                    })
                    .sum();
                assert_eq!(t.nominal_cap_utilizzatore.as_decimal(), nominal);
                assert_eq!(t.counted_cap_utilizzatore, weighted);
                assert!(t.counted_cap_utilizzatore <= t.nominal_cap_utilizzatore.as_decimal());
                let cap_b = if mine.iter().any(|e| e.profile.events_sector) {
                    "15000"
                } else {
                    "10000"
                };
                assert!(t.counted_cap_utilizzatore <= dec(cap_b));
            }
            let by_month: u64 = (1..=12u8)
                .map(|m| {
                    ledger
                        .month_totals(year, Month::try_from(m).unwrap())
                        .compensi
                        .cents()
                })
                .sum();
            let by_instrument: u64 = [LF, CPO]
                .into_iter()
                .map(|i| ledger.instrument_totals(year, i).compensi.cents())
                .sum();
            let all: u64 = entries
                .iter()
                .filter(|e| e.day.year() == year)
                .map(|e| e.compenso.cents())
                .sum();
            assert_eq!(by_month, all);
            assert_eq!(by_instrument, all);
            instrument_totals_are_their_own(ledger, &entries, year);
        }
    }

    /// Each instrument's totals are its own: an LF prestazione never lands among the CPO's.
    fn instrument_totals_are_their_own(
        ledger: &Ledger,
        entries: &[prestazioni_occasionali::LedgerEntry],
        year: i32,
    ) {
        for i in [LF, CPO] {
            let t = ledger.instrument_totals(year, i);
            let own: Vec<_> = entries
                .iter()
                .filter(|e| e.day.year() == year && e.instrument == i)
                .collect();
            assert_eq!(
                t.compensi.cents(),
                own.iter().map(|e| e.compenso.cents()).sum::<u64>()
            );
            assert_eq!(t.prestazioni, u32::try_from(own.len()).unwrap());
        }
    }

    /// An LF compenso near `cents`: whole titoli of 8,00, at least those `minutes` need
    /// (LF-TITOLO).
    fn whole_titoli(cents: u64, minutes: u32) -> u64 {
        (cents / 800).max(u64::from(minutes.div_ceil(60))) * 800
    }

    /// Runs the ops, checking the invariants after each; returns the ledger and its events.
    #[allow(clippy::too_many_lines)]
    fn run(ops: &[Op]) -> (Ledger, Vec<LedgerEvent>) {
        let mut ledger = Ledger::default();
        let mut events = Vec::new();
        let mut ids: Vec<Prestazione> = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            let before = ledger.clone();
            match *op {
                Op::Record {
                    prestatore,
                    utilizzatore: u,
                    day,
                    year,
                    minutes,
                    cents,
                    lf,
                    special,
                    steward,
                    profile,
                } => {
                    let uid = utilizzatore(u);
                    let lf = lf || steward;
                    let cents = if lf {
                        whole_titoli(cents, minutes)
                    } else {
                        cents
                    };
                    let Ok(day) = Date::from_ordinal_date(year, day.min(365)) else {
                        continue;
                    };
                    let Ok(p) = Prestazione::try_from(PrestazioneDraft {
                        id: PrestazioneId(n as u64),
                        instrument: if lf { LF } else { CPO },
                        prestatore: codice_fiscale(prestatore),
                        utilizzatore: uid,
                        day,
                        minutes,
                        compenso: Euro::from_cents(cents),
                        special_category: special,
                        steward,
                        profile,
                    }) else {
                        continue;
                    };
                    let assessed = ledger.assess(&p).unwrap();
                    match ledger.record(&p) {
                        Ok(recorded) => {
                            let a = recorded.assessment;
                            assert!(a.is_lawful());
                            assert_eq!(a, assessed);
                            assert_eq!(recorded.event, LedgerEvent::Recorded(p.clone()));
                            // The entry keeps the whole profile (area included).
                            assert_eq!(ledger.entry(p.id()).unwrap().profile, p.profile());
                            let cf = p.prestatore();
                            let t = ledger.prestatore_totals(&cf, year);
                            assert!(
                                t.counted_cap_prestatore.checked_add(t.external).unwrap()
                                    <= eur("5000")
                            );
                            events.push(LedgerEvent::Recorded(p.clone()));
                            ids.push(p);
                        }
                        Err(RecordError::Refused(a)) => {
                            assert!(!a.is_lawful());
                            assert_eq!(*a, assessed);
                            assert_eq!(ledger, before);
                        }
                        Err(e) => panic!("{e}"),
                    }
                }
                Op::Revoke { pick, after_days } => {
                    if ids.is_empty() {
                        continue;
                    }
                    let p = &ids[pick % ids.len()];
                    let at = time::OffsetDateTime::new_utc(
                        p.day() + time::Duration::days(after_days),
                        time::Time::MIDNIGHT,
                    );
                    let confirmed = ledger.entry(p.id()).unwrap().confirmed_at.is_some();
                    match ledger.revoke(p.id(), at) {
                        Ok(event) => {
                            assert_eq!(event, LedgerEvent::Revoked { id: p.id(), at });
                            assert!(p.instrument() == CPO && after_days <= 3 && !confirmed);
                            assert_eq!(ledger.entry(p.id()).unwrap().revoked_at, Some(at));
                            events.push(LedgerEvent::Revoked { id: p.id(), at });
                        }
                        Err(_) => assert_eq!(ledger, before),
                    }
                }
                Op::Confirm {
                    pick,
                    after_days,
                    hour,
                } => {
                    if ids.is_empty() {
                        continue;
                    }
                    let p = &ids[pick % ids.len()];
                    let at = time::OffsetDateTime::new_utc(
                        p.day() + time::Duration::days(after_days),
                        time::Time::from_hms(hour, 0, 0).unwrap(),
                    );
                    let held = ledger.entry(p.id()).unwrap();
                    match ledger.confirm(p.id(), at) {
                        Ok(event) => {
                            assert_eq!(event, LedgerEvent::Confirmed { id: p.id(), at });
                            // The window is in Italian civil days (reading R-CIVIL-TIME): 23:00
                            // UTC of the day before is already the day of the work in Italy.
                            let italian = prestazioni_occasionali::ItalianClock::embedded()
                                .date_of(at)
                                .unwrap();
                            let after = (italian - p.day()).whole_days();
                            assert!(
                                p.instrument() == CPO && (0..=3).contains(&after),
                                "{after_days} {hour}"
                            );
                            assert!(held.confirmed_at.is_none());
                            assert!(held.revoked_at.is_none_or(|r| r <= at));
                            events.push(LedgerEvent::Confirmed { id: p.id(), at });
                        }
                        Err(_) => assert_eq!(ledger, before),
                    }
                }
                Op::External {
                    prestatore,
                    cents,
                    as_of,
                } => {
                    let reading = ExternalTotal {
                        prestatore: codice_fiscale(prestatore),
                        year: 2026,
                        total: Euro::from_cents(cents),
                        as_of: Date::from_ordinal_date(2026, as_of).unwrap(),
                    };
                    ledger.set_external_total(&reading).unwrap();
                    events.push(LedgerEvent::ExternalTotalSet(reading));
                }
                Op::Correct { pick, cents } => {
                    if ids.is_empty() {
                        continue;
                    }
                    let old = ids[pick % ids.len()].clone();
                    let mut draft = old.draft().clone();
                    draft.compenso = Euro::from_cents(match draft.instrument {
                        LF => whole_titoli(cents, draft.minutes),
                        CPO => cents,
                    });
                    let p = Prestazione::try_from(draft).unwrap();
                    match ledger.correct(&p) {
                        Ok(Recorded {
                            assessment: a,
                            event,
                            ..
                        }) => {
                            assert!(a.is_lawful());
                            assert_eq!(event, LedgerEvent::Corrected(p.clone()));
                            events.push(LedgerEvent::Corrected(p.clone()));
                            let i = pick % ids.len();
                            ids[i] = p;
                        }
                        Err(_) => assert_eq!(ledger, before),
                    }
                }
            }
            check_totals(&ledger);
        }
        (ledger, events)
    }

    /// `p` with its id moved by 1.000 (another history's prestazioni, whose ids do not clash).
    fn shifted(p: &Prestazione) -> Prestazione {
        let mut draft = p.draft().clone();
        draft.id = PrestazioneId(draft.id.0 + 1_000);
        Prestazione::try_from(draft).unwrap()
    }

    /// Which shard an event goes to: by prestazione id (a revoca or correction travels with its
    /// prestazione), external totals by their reading day.
    fn shard(event: &LedgerEvent, seed: u64, shards: u64) -> u64 {
        let key = match event {
            LedgerEvent::Recorded(p) | LedgerEvent::Corrected(p) => p.id().0,
            LedgerEvent::Revoked { id, .. } | LedgerEvent::Confirmed { id, .. } => id.0,
            LedgerEvent::ExternalTotalSet(t) => u64::from(t.as_of.ordinal()) + 1_000_000,
            _ => 0,
        };
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ seed) % shards
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// For any ledger and any operation that returns `Err`, the ledger (its events, its
        /// totals) is as before: a batch or a merge that fails half-way, an external total, a
        /// correction, a revoca or a confirmation.
        #[test]
        fn failed_operations_change_nothing(
            ops in prop::collection::vec(op(), 1..40),
            others in prop::collection::vec(op(), 1..30),
            cut in any::<prop::sample::Index>(),
            bad in 0usize..4,
            pick in any::<usize>(),
        ) {
            let (ledger, events) = run(&ops);
            let before: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
            let unchanged = |l: &Ledger| -> Result<(), TestCaseError> {
                prop_assert_eq!(l, &ledger);
                let now: Vec<LedgerEvent> = l.events().collect::<Result<_, _>>().unwrap();
                prop_assert_eq!(&now, &before);
                Ok(())
            };
            // Another history, ids moved past ours, with one impossible event inside.
            let (_, theirs) = run(&others);
            let mut batch: Vec<LedgerEvent> = theirs.into_iter().map(|e| match e {
                LedgerEvent::Recorded(p) => LedgerEvent::Recorded(shifted(&p)),
                LedgerEvent::Corrected(p) => LedgerEvent::Corrected(shifted(&p)),
                LedgerEvent::Revoked { id, at } => LedgerEvent::Revoked { id: PrestazioneId(id.0 + 1_000), at },
                LedgerEvent::Confirmed { id, at } => LedgerEvent::Confirmed { id: PrestazioneId(id.0 + 1_000), at },
                other => other,
            }).collect();
            let impossible = match (bad, events.first()) {
                (0, Some(LedgerEvent::Recorded(p))) => LedgerEvent::Recorded(p.clone()),
                (1, _) => LedgerEvent::Confirmed { id: PrestazioneId(999_999), at: datetime!(2026-03-08 10:00 +01:00) },
                (2, Some(LedgerEvent::Recorded(p))) if p.instrument() == LF => LedgerEvent::Revoked { id: p.id(), at: datetime!(2026-03-08 10:00 +01:00) },
                _ => LedgerEvent::Revoked { id: PrestazioneId(999_999), at: datetime!(2026-03-08 10:00 +01:00) },
            };
            let at = cut.index(batch.len() + 1);
            batch.insert(at, impossible);
            let mut l = ledger.clone();
            prop_assert!(l.apply_batch(&batch).is_err());
            unchanged(&l)?;
            // A merge refused for a duplicate id, after the new prestazioni would have gone in.
            if let Some(LedgerEvent::Recorded(p)) = events.first() {
                let mut shard = Ledger::replay(ledger.rules_table(), batch.iter().filter(|e| matches!(e, LedgerEvent::Recorded(q) if q.id().0 >= 1_000))).unwrap();
                shard.apply(&LedgerEvent::Recorded(p.clone())).unwrap();
                let mut l = ledger.clone();
                prop_assert!(l.merge(&shard).is_err());
                unchanged(&l)?;
            }
            // An external total, a correction, a revoca, a confirmation that fail.
            let mut l = ledger.clone();
            let reading = ExternalTotal { prestatore: codice_fiscale(1), year: 2016, total: eur("1"), as_of: date!(2016 - 12 - 31) };
            prop_assert!(l.set_external_total(&reading).is_err());
            unchanged(&l)?;
            let held: Vec<_> = ledger.entries().collect();
            if !held.is_empty() {
                let e = held[pick % held.len()];
                let mut draft = PrestazioneDraft {
                    id: e.id, instrument: e.instrument, prestatore: e.prestatore, utilizzatore: e.utilizzatore,
                    day: e.day, minutes: e.minutes, compenso: e.compenso, special_category: e.special_category,
                    steward: e.steward, profile: e.profile,
                };
                draft.prestatore = codice_fiscale(77);
                let moved = Prestazione::try_from(draft).unwrap();
                prop_assert!(l.correct(&moved).is_err());
                unchanged(&l)?;
                if l.revoke(e.id, datetime!(2030-01-01 00:00 +01:00)).is_err() {
                    unchanged(&l)?;
                }
                if l.confirm(e.id, datetime!(2030-01-01 00:00 +01:00)).is_err() {
                    unchanged(&l)?;
                }
            }
        }

        #[test]
        fn random_histories_keep_every_invariant(ops in prop::collection::vec(op(), 1..60), seed in any::<u64>()) {
            let (ledger, events) = run(&ops);
            // Replay of the host's log and of the regenerated log equal the original.
            let table = ledger.rules_table().clone();
            prop_assert_eq!(&Ledger::replay(&table, &events).unwrap(), &ledger);
            let regenerated: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
            prop_assert_eq!(&Ledger::replay(&table, &regenerated).unwrap(), &ledger);
            // Merge of three shards: commutative, associative, equal to the single ledger.
            let parts: Vec<Ledger> = (0..3)
                .map(|s| Ledger::replay(&table, events.iter().filter(|e| shard(e, seed, 3) == s)).unwrap())
                .collect();
            let merged = |order: [usize; 3]| {
                let mut l = parts[order[0]].clone();
                l.merge(&parts[order[1]]).unwrap();
                l.merge(&parts[order[2]]).unwrap();
                l
            };
            prop_assert_eq!(&merged([0, 1, 2]), &ledger);
            prop_assert_eq!(&merged([2, 1, 0]), &ledger);
            prop_assert_eq!(&merged([1, 0, 2]), &ledger);
            let mut right = parts[1].clone();
            right.merge(&parts[2]).unwrap();
            let mut assoc = parts[0].clone();
            assoc.merge(&right).unwrap();
            prop_assert_eq!(&assoc, &ledger);
            // A duplicate merge is refused and changes nothing.
            if !parts[0].is_empty() {
                let mut twice = parts[0].clone();
                prop_assert!(twice.merge(&parts[0]).is_err());
                prop_assert_eq!(&twice, &parts[0]);
            }
        }
    }
}

/// Personal data stays out of a ledger's `Debug`: it shows counts, years and thresholds, never
/// a code or an amount.
#[test]
fn a_ledger_debugs_as_counts_without_personal_data() {
    let mut ledger = Ledger::default();
    assert_eq!(
        format!("{ledger:?}"),
        "Ledger { prestazioni: 0, years: [], parties: [], warning_thresholds: [], .. }"
    );
    ledger.record(&P::new(1, 1, firm(1), "36").build()).unwrap();
    let shown = format!("{ledger:?}");
    assert_eq!(
        shown,
        "Ledger { prestazioni: 1, years: [2026], parties: [(1, 1)], warning_thresholds: [], .. }"
    );
    assert!(!shown.contains(&codice_fiscale(1).as_str()[..6]));
}

/// Warning thresholds are percentages of a cap, 1 to 100 (both included); any other value is
/// refused, named, and the thresholds are kept sorted without repeats.
#[test]
fn warning_thresholds_are_percentages_from_1_to_100() {
    for good in [&[1u8][..], &[100], &[90, 80, 90], &[1, 100]] {
        assert!(
            Ledger::default().with_warning_thresholds(good).is_ok(),
            "{good:?}"
        );
    }
    for (bad, value) in [
        (&[0u8][..], 0u8),
        (&[101], 101),
        (&[80, 0], 0),
        (&[255, 50], 255),
    ] {
        let err = Ledger::default().with_warning_thresholds(bad).unwrap_err();
        assert!(
            matches!(err, LedgerError::InvalidThreshold { value: v } if v == value),
            "{bad:?}: {err}"
        );
    }
    let ledger = Ledger::default()
        .with_warning_thresholds(&[90, 80, 90])
        .unwrap();
    assert!(format!("{ledger:?}").contains("warning_thresholds: [80, 90]"));
}

/// `len` and `is_empty` follow the prestazioni held, a revoked one included.
#[test]
fn a_ledger_is_empty_until_a_prestazione_is_recorded() {
    let mut ledger = Ledger::default();
    assert!(ledger.is_empty());
    ledger.record(&P::new(1, 1, firm(1), "36").build()).unwrap();
    ledger
        .revoke(PrestazioneId(1), datetime!(2026-03-07 08:00 +01:00))
        .unwrap();
    assert!(!ledger.is_empty());
    assert_eq!(ledger.len(), 1);
}

/// Source: CAP-PRESTATORE, CAP-PAIR, HOURS-280 (E5): the headroom of an assessment is the least
/// of its caps', zero once the hour limit is used up; when two caps leave the same room the
/// binding one is the first in the order a, b, c, c-bis.
#[test]
fn headroom_and_room_name_the_tightest_cap() {
    let mut ledger = Ledger::default();
    let a = ledger
        .assess(&P::new(1, 1, firm(1), "2000").build())
        .unwrap();
    assert_eq!(a.headroom(), eur("500"));
    assert_eq!(a.room().binding, RuleId::CapPair);
    // 2.500,00 from another utilizzatore: caps a and c then leave the same 500,00.
    ledger
        .record(&P::new(2, 1, firm(2), "2500").build())
        .unwrap();
    let a = ledger
        .assess(&P::new(3, 1, firm(1), "2000").build())
        .unwrap();
    let headrooms = (
        a.cap_prestatore.as_ref().map(|c| c.headroom),
        a.cap_pair.as_ref().map(|c| c.headroom),
    );
    assert_eq!(headrooms, (Some(eur("500")), Some(eur("500"))));
    assert_eq!(a.headroom(), eur("500"));
    let room = a.room();
    assert_eq!(
        (room.compenso, room.binding),
        (eur("500"), RuleId::CapPrestatore)
    );
}

/// Source: CAP-PAIR, HOURS-280: a cap's line says "over by" only past the cap, never at it.
#[test]
fn a_cap_line_says_over_only_past_the_cap() {
    let ledger = Ledger::default();
    let at = ledger
        .assess(&P::new(1, 1, firm(1), "2500").build())
        .unwrap();
    let line = at.cap_pair.unwrap().to_string();
    assert!(!line.contains("over by"), "{line}");
    let past = ledger
        .assess(&P::new(1, 1, firm(1), "2500.01").build())
        .unwrap();
    let line = past.cap_pair.unwrap().to_string();
    assert!(line.contains(", over by 0,01 €"), "{line}");

    // 280 hours: 12 days of 23 hours, then the rest.
    let mut ledger = Ledger::default();
    for d in 1..=12u8 {
        let day = Date::from_calendar_date(2026, Month::April, d).unwrap();
        ledger
            .record(
                &P::new(u64::from(d), 1, firm(1), "100")
                    .day(day)
                    .minutes(1_380)
                    .build(),
            )
            .unwrap();
    }
    // 12 × 1.380 = 16.560 minutes; 240 more reach 16.800 (280 hours) exactly.
    let day = Date::from_calendar_date(2026, Month::April, 20).unwrap();
    let exact = P::new(20, 1, firm(1), "40").day(day).minutes(240).build();
    let hours = ledger.assess(&exact).unwrap().hours.unwrap();
    assert_eq!(hours.headroom, 0);
    assert!(!hours.to_string().contains("over by"), "{hours}");
    let over = P::new(20, 1, firm(1), "40").day(day).minutes(241).build();
    let hours = ledger.assess(&over).unwrap().hours.unwrap();
    assert!(
        hours.to_string().contains(", over by 0 h 01 min"),
        "{hours}"
    );
}

/// Source: reading R-CONFIRMATION: a confirmation that follows a revoca is not dated before it;
/// one at the revoca's very instant (here in UTC, the offset a host stores, against +01:00) is
/// accepted, live and in a verified replay; a second earlier is refused, and a finding.
#[test]
fn a_confirmation_at_the_revocas_instant_is_not_before_it() {
    let mut ledger = Ledger::default();
    ledger.record(&P::new(3, 1, firm(1), "36").build()).unwrap();
    let id = PrestazioneId;
    ledger
        .revoke(id(3), datetime!(2026-03-08 09:00 +01:00))
        .unwrap();
    let same_instant = datetime!(2026-03-08 08:00 UTC);
    let recorded = ledger.confirm(id(3), same_instant).unwrap();
    assert_eq!(
        recorded,
        LedgerEvent::Confirmed {
            id: id(3),
            at: same_instant
        }
    );
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    let (again, findings) = Ledger::replay_verified(ledger.rules_table(), &events).unwrap();
    assert_eq!(again, ledger);
    assert!(findings.is_empty(), "{findings:?}");
    // A second earlier is before it: a finding in a verified replay (refused live, as
    // `the_prestatore_confirms_a_cpo_prestazione` shows).
    let mut early = events.clone();
    for event in &mut early {
        if let LedgerEvent::Confirmed { id: confirmed, at } = event
            && *confirmed == id(3)
        {
            *at = datetime!(2026-03-08 07:59:59 UTC);
        }
    }
    let (_, findings) = Ledger::replay_verified(ledger.rules_table(), &early).unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        matches!(findings[0].kind, FindingKind::ConfirmedBeforeRevoca { .. }),
        "{findings:?}"
    );
}

/// Source: reading R-AGRI-AREA with HOURS-AGRI: an agricultural utilizzatore's own profile
/// (`Utilizzatore::cap_profile`, no area given) carries area 1 while the rules have agricultural
/// rates, so a prestazione recorded with it meets the 259-hour limit, not 280; from 2023 (no
/// agricultural rates) the profile has no area.
#[test]
fn r_agri_area_cap_profile_of_a_farm() {
    let farm = prestazioni_occasionali::Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Vigneti Srl",
        prestazioni_occasionali::UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_ateco("ATECO 2007 01.21.00".parse().unwrap());
    let rules = Rules::in_force_on(date!(2019 - 07 - 01)).unwrap();
    let profile = farm.cap_profile(rules).unwrap();
    assert_eq!(profile.agricultural_area, Some(AgriculturalArea::Area1));
    let mut ledger = Ledger::default();
    let mut last = None;
    // 65 days of 4 hours (260 h) at 38,60: the 65th passes 259 h.
    for day in 0..65u16 {
        let p = Prestazione::try_from(PrestazioneDraft {
            id: PrestazioneId(u64::from(day)),
            instrument: CPO,
            prestatore: codice_fiscale(1),
            utilizzatore: farm.id(),
            day: Date::from_ordinal_date(2019, day + 1).unwrap(),
            minutes: 240,
            compenso: eur("38.60"),
            special_category: true,
            steward: false,
            profile,
        })
        .unwrap();
        last = Some(ledger.record(&p));
    }
    let a = refused(last.unwrap());
    assert!(a.verdict.breaches_rule(RuleId::HoursAgri));
    assert_eq!(a.hours.unwrap().limit, 259 * 60);
    assert_eq!(ledger.len(), 64);
    let in_2023 = farm
        .cap_profile(Rules::in_force_on(date!(2023 - 07 - 01)).unwrap())
        .unwrap();
    assert_eq!(in_2023.agricultural_area, None);
    // A firm outside agriculture has no area, in 2019 too.
    let shop = prestazioni_occasionali::Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Negozio Srl",
        prestazioni_occasionali::UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_ateco("ATECO 2007 47.11.10".parse().unwrap());
    assert_eq!(shop.cap_profile(rules).unwrap().agricultural_area, None);
}
