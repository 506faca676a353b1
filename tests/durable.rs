//! Durable hosts: the events every change hands back, the two-step prepare / commit with its
//! stale-preparation check, the versioned event format and the log of format 1 kept in
//! `tests/data/ledger_log_v1.json` (written by the 0.1 code and committed: it must keep loading).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/national.rs"]
mod national;

use national::{codice_fiscale, partita_iva};
#[cfg(feature = "serde")]
use prestazioni_occasionali::VersionedEvent;
use prestazioni_occasionali::{
    CapProfile, Euro, ExternalTotal, Instrument, Ledger, LedgerError, LedgerEvent, Prestazione,
    PrestazioneDraft, PrestazioneId, RecordError, RecordPolicy, RuleId, UtilizzatoreId,
};
use proptest::prelude::*;
use time::Date;
use time::macros::{date, datetime};

const CPO: Instrument = Instrument::ContrattoPrestazioneOccasionale;
const LF: Instrument = Instrument::LibrettoFamiglia;

fn firm(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::PartitaIva(partita_iva(n))
}

fn family(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::CodiceFiscale(codice_fiscale(90_000_000 + n))
}

#[allow(clippy::too_many_arguments)]
fn work(
    id: u64,
    instrument: Instrument,
    prestatore: u32,
    utilizzatore: UtilizzatoreId,
    day: Date,
    minutes: u32,
    euros: u32,
    special: bool,
) -> Prestazione {
    Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore: codice_fiscale(prestatore),
        utilizzatore,
        day,
        minutes,
        compenso: Euro::from_euros(euros),
        special_category: special,
        steward: false,
        profile: CapProfile::default(),
    })
    .unwrap()
}

/// The host's log of a short year, as each operation hands it back, in the order of the
/// operations: every kind of event of format 1.
fn script() -> (Ledger, Vec<LedgerEvent>) {
    let mut ledger = Ledger::default();
    let mut log = Vec::new();
    let bar = firm(1);
    let home = family(1);
    log.push(
        ledger
            .record(&work(1, CPO, 1, bar, date!(2026 - 03 - 07), 240, 36, false))
            .unwrap()
            .event,
    );
    log.push(
        ledger
            .record(&work(2, LF, 1, home, date!(2026 - 03 - 08), 180, 24, false))
            .unwrap()
            .event,
    );
    log.push(
        ledger
            .record(&work(3, CPO, 2, bar, date!(2026 - 03 - 09), 300, 60, true))
            .unwrap()
            .event,
    );
    log.push(
        ledger
            .revoke(PrestazioneId(3), datetime!(2026-03-10 10:00 +01:00))
            .unwrap(),
    );
    log.push(
        ledger
            .confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))
            .unwrap(),
    );
    log.push(
        ledger
            .correct(&work(2, LF, 1, home, date!(2026 - 03 - 08), 240, 32, false))
            .unwrap()
            .event,
    );
    log.extend(
        ledger
            .set_external_total(&ExternalTotal {
                prestatore: codice_fiscale(1),
                year: 2026,
                total: Euro::from_euros(1_000),
                as_of: date!(2026 - 06 - 30),
            })
            .unwrap(),
    );
    (ledger, log)
}

#[cfg(feature = "serde")]
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ledger_log_v1.json");

/// Source: the compatibility promise of `VersionedEvent`: a log of format 1, written by 0.1 and
/// committed, loads, replays to the ledger the same operations build today, and the ledger
/// regenerates an equivalent log. Set `WRITE_LEDGER_LOG_V1=1` to write the file again (only
/// while format 1 is the current format).
#[cfg(feature = "serde")]
#[test]
fn the_log_of_format_1_still_loads() {
    let (ledger, log) = script();
    if std::env::var_os("WRITE_LEDGER_LOG_V1").is_some() {
        let stored: Vec<VersionedEvent> = log.iter().cloned().map(VersionedEvent::new).collect();
        let mut text = serde_json::to_string_pretty(&stored).unwrap();
        text.push('\n');
        std::fs::write(FIXTURE, text).unwrap();
    }
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let stored: Vec<VersionedEvent> = serde_json::from_str(&text).unwrap();
    assert!(stored.iter().all(|e| e.version() == 1));
    let loaded: Vec<LedgerEvent> = stored.into_iter().map(VersionedEvent::into_event).collect();
    // Today's code writes the same events...
    assert_eq!(loaded, log);
    // ...the log replays to the ledger the operations built...
    let replayed = Ledger::replay(ledger.rules_table(), &loaded).unwrap();
    assert_eq!(replayed, ledger);
    assert!(
        Ledger::replay_verified(ledger.rules_table(), &loaded)
            .unwrap()
            .1
            .is_empty()
    );
    // ...and the ledger regenerates a log that replays to an equal ledger.
    let regenerated: Vec<LedgerEvent> = replayed.events().collect::<Result<_, _>>().unwrap();
    assert_eq!(regenerated.len(), 6); // 3 recorded (one as corrected), revoked, confirmed, external
    assert_eq!(
        Ledger::replay(ledger.rules_table(), &regenerated).unwrap(),
        ledger
    );
}

/// A newer format is refused, naming its version; so are a version 0 and a missing one.
#[cfg(feature = "serde")]
#[test]
fn versions_the_release_cannot_read_are_named() {
    let event = r#"{"Revoked":{"id":7,"at":"2026-03-08 10:00:00.0 +01:00:00"}}"#;
    let read = |text: String| {
        serde_json::from_str::<VersionedEvent>(&text)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        read(format!(r#"{{"v":7,"event":{event}}}"#)),
        "ledger event format version 7 is newer than this release of prestazioni-occasionali reads (1): upgrade the crate to load it at line 1 column 6"
    );
    assert_eq!(
        read(format!(r#"{{"v":0,"event":{event}}}"#)),
        "ledger event format version 0 does not exist (the first is 1) at line 1 column 6"
    );
    assert_eq!(
        read(format!(r#"{{"event":{event}}}"#)),
        "missing field `v` at line 1 column 69"
    );
    // A row that is not an object says what was expected.
    assert_eq!(
        read(r#""Revoked""#.to_owned()),
        r#"invalid type: string "Revoked", expected a versioned ledger event {"v": version, "event": event} at line 1 column 9"#
    );
    // A newer version is named even when the event comes first and is readable.
    assert!(
        read(format!(r#"{{"event":{event},"v":2}}"#))
            .starts_with("ledger event format version 2 is newer")
    );
    // The order of the keys does not matter for a version the release reads.
    let back: VersionedEvent =
        serde_json::from_str(&format!(r#"{{"event":{event},"v":1}}"#)).unwrap();
    assert_eq!(
        back.into_event(),
        LedgerEvent::Revoked {
            id: PrestazioneId(7),
            at: datetime!(2026-03-08 10:00 +01:00)
        }
    );
    // An unknown key is refused rather than ignored.
    assert!(
        read(format!(r#"{{"v":1,"event":{event},"extra":1}}"#))
            .starts_with("unknown field `extra`")
    );
}

/// Each operation hands back the event that replays it, and nothing when it fails.
#[test]
fn every_change_hands_back_its_event() {
    let (ledger, log) = script();
    assert!(matches!(log[0], LedgerEvent::Recorded(ref p) if p.id() == PrestazioneId(1)));
    assert!(matches!(
        log[3],
        LedgerEvent::Revoked {
            id: PrestazioneId(3),
            ..
        }
    ));
    assert!(matches!(
        log[4],
        LedgerEvent::Confirmed {
            id: PrestazioneId(1),
            ..
        }
    ));
    assert!(
        matches!(log[5], LedgerEvent::Corrected(ref p) if p.compenso() == Euro::from_euros(32))
    );
    assert!(matches!(log[6], LedgerEvent::ExternalTotalSet(_)));
    assert_eq!(Ledger::replay(ledger.rules_table(), &log).unwrap(), ledger);
    // An external total older than the one held changes nothing: no event.
    let mut again = ledger.clone();
    let older = ExternalTotal {
        prestatore: codice_fiscale(1),
        year: 2026,
        total: Euro::from_euros(10),
        as_of: date!(2026 - 01 - 31),
    };
    assert_eq!(again.set_external_total(&older).unwrap(), None);
    assert!(again.prepare_external_total(&older).unwrap().is_empty());
    assert_eq!(again, ledger);
}

/// One change of a ledger, for `stale_preparations_are_refused`.
type Change = fn(&mut Ledger);

/// A preparation changes nothing, commits what it checked, and is refused once the ledger has
/// changed (by any operation), on a clone, or on another ledger.
#[test]
#[allow(clippy::too_many_lines)]
fn stale_preparations_are_refused() {
    let (ledger, _) = script();
    let next = |id| work(id, CPO, 5, firm(2), date!(2026 - 04 - 01), 60, 30, false);

    let mut changed = ledger.clone();
    let prepared = changed.prepare([&next(10)]).unwrap();
    assert_eq!(changed, ledger);
    changed.record(&next(11)).unwrap();
    assert_eq!(changed.commit(prepared), Err(LedgerError::StalePreparation));
    assert_eq!(changed.len(), ledger.len() + 1);

    // Every change moves the ledger on: revoke, confirm, correct, external totals, apply,
    // apply_batch, merge, commit, and new warning thresholds.
    let mut base = ledger.clone();
    base.record(&work(
        20,
        CPO,
        6,
        firm(3),
        date!(2026 - 04 - 02),
        60,
        30,
        false,
    ))
    .unwrap();
    let operations: [(&str, Change); 9] = [
        ("revoke", |l| {
            l.revoke(PrestazioneId(20), datetime!(2026-04-02 08:00 +02:00))
                .unwrap();
        }),
        ("confirm", |l| {
            l.confirm(PrestazioneId(20), datetime!(2026-04-02 08:00 +02:00))
                .unwrap();
        }),
        ("correct", |l| {
            l.correct(&work(
                2,
                LF,
                1,
                family(1),
                date!(2026 - 03 - 08),
                300,
                40,
                false,
            ))
            .unwrap();
        }),
        ("external", |l| {
            l.set_external_total(&ExternalTotal {
                prestatore: codice_fiscale(9),
                year: 2026,
                total: Euro::from_euros(5),
                as_of: date!(2026 - 02 - 01),
            })
            .unwrap();
        }),
        ("apply", |l| {
            l.apply(&LedgerEvent::Recorded(work(
                21,
                CPO,
                7,
                firm(3),
                date!(2026 - 04 - 02),
                60,
                30,
                false,
            )))
            .unwrap();
        }),
        ("apply_batch", |l| {
            l.apply_batch(&[LedgerEvent::Recorded(work(
                22,
                CPO,
                7,
                firm(3),
                date!(2026 - 04 - 02),
                60,
                30,
                false,
            ))])
            .unwrap();
        }),
        ("merge", |l| {
            let mut other = Ledger::new(l.rules_table());
            other
                .record(&work(
                    23,
                    CPO,
                    8,
                    firm(4),
                    date!(2026 - 04 - 02),
                    60,
                    30,
                    false,
                ))
                .unwrap();
            l.merge(&other).unwrap();
        }),
        ("commit", |l| {
            let p = l
                .prepare([&work(
                    24,
                    CPO,
                    8,
                    firm(4),
                    date!(2026 - 04 - 03),
                    60,
                    30,
                    false,
                )])
                .unwrap();
            l.commit(p).unwrap();
        }),
        ("thresholds", |l| {
            *l = std::mem::take(l).with_warning_thresholds(&[80]).unwrap();
        }),
    ];
    for (name, change) in operations {
        let mut l = base.clone();
        let prepared = l.prepare([&next(10)]).unwrap();
        change(&mut l);
        let before = l.clone();
        assert_eq!(
            l.commit(prepared),
            Err(LedgerError::StalePreparation),
            "{name}"
        );
        assert_eq!(l, before, "{name}");
    }

    // A failed operation changes nothing, so the preparation stays fresh.
    let mut l = ledger.clone();
    let prepared = l.prepare([&next(10)]).unwrap();
    assert!(l.record(&next(1)).is_err()); // id 1 is taken
    assert!(
        l.revoke(PrestazioneId(99), datetime!(2026-04-01 10:00 +02:00))
            .is_err()
    );
    l.commit(prepared).unwrap();
    assert!(l.entry(PrestazioneId(10)).is_some());

    // A clone is another ledger.
    let mut l = ledger.clone();
    let prepared = l.prepare([&next(10)]).unwrap();
    let mut copy = l.clone();
    assert_eq!(
        copy.commit(prepared.clone()),
        Err(LedgerError::StalePreparation)
    );
    l.commit(prepared).unwrap();
    assert_eq!(
        LedgerError::StalePreparation.to_string(),
        "the prepared change was checked against another state of the ledger (it changed since, or this is another ledger): prepare it again"
    );
}

/// `prepare` judges the days of a booking together and refuses them all when one breaches,
/// naming it; `prepare_with` under the reconstruction policy lets conversion breaches through.
#[test]
fn a_booking_is_prepared_whole_or_not_at_all() {
    let mut ledger = Ledger::default();
    let u = firm(1);
    let days: Vec<Prestazione> = (0..3)
        .map(|i| {
            work(
                i + 1,
                CPO,
                1,
                u,
                date!(2026 - 05 - 04) + time::Duration::days(i64::try_from(i).unwrap()),
                480,
                900,
                false,
            )
        })
        .collect();
    // 3 × 900 = 2.700 > 2.500: the third day breaches cap c.
    let Err(RecordError::Refused(a)) = ledger.prepare(&days) else {
        panic!("refused")
    };
    assert_eq!(a.prestazione, PrestazioneId(3));
    assert!(a.verdict.breaches_rule(RuleId::CapPair));
    let prepared = ledger
        .prepare_with(&days, RecordPolicy::RecordConversionBreaches)
        .unwrap();
    assert_eq!(prepared.assessments().len(), 3);
    assert!(
        prepared.assessments()[2]
            .verdict
            .breaches_rule(RuleId::CapPair)
    );
    ledger.commit(prepared).unwrap();
    assert_eq!(ledger.len(), 3);
    // The same ids again: refused as invalid, nothing prepared.
    assert!(matches!(
        ledger.prepare(&days[..1]),
        Err(RecordError::Invalid(LedgerError::DuplicateId { .. }))
    ));
}

fn arbitrary_day() -> impl Strategy<Value = (u64, u32, u32, u16, u32, bool)> {
    // (id offset, prestatore, utilizzatore, day of year, euros, lf)
    (
        0u64..1_000,
        0u32..4,
        0u32..3,
        0u16..365,
        1u32..900,
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Preparing and committing bookings one after the other gives the ledger recording them
    /// gives, with the same assessments, and the prepared events replay to it.
    #[test]
    fn prepare_and_commit_is_record(bookings in prop::collection::vec(prop::collection::vec(arbitrary_day(), 1..4), 1..12)) {
        let mut by_record = Ledger::default();
        let mut by_commit = Ledger::default();
        let mut log = Vec::new();
        let mut next_id = 1u64;
        for booking in bookings {
            let ps: Vec<Prestazione> = booking
                .into_iter()
                .filter_map(|(_, p, u, d, euros, lf)| {
                    let id = next_id;
                    next_id += 1;
                    let day = date!(2026 - 01 - 01) + time::Duration::days(i64::from(d));
                    let (instrument, utilizzatore, euros, minutes) = if lf {
                        (LF, family(u), euros / 8 * 8 + 8, 60)
                    } else {
                        (CPO, firm(u), euros, 120)
                    };
                    Prestazione::try_from(PrestazioneDraft {
                        id: PrestazioneId(id),
                        instrument,
                        prestatore: codice_fiscale(p),
                        utilizzatore,
                        day,
                        minutes,
                        compenso: Euro::from_euros(euros),
                        special_category: false,
                        steward: false,
                        profile: CapProfile::default(),
                    })
                    .ok()
                })
                .collect();
            let before = by_commit.clone();
            if let Ok(prepared) = by_commit.prepare(&ps) {
                prop_assert!(by_commit == before);
                let events = prepared.events().to_vec();
                let assessments = prepared.assessments().to_vec();
                by_commit.commit(prepared).unwrap();
                for (p, expected) in ps.iter().zip(&assessments) {
                    let recorded = by_record.record(p).unwrap();
                    prop_assert_eq!(&recorded.assessment, expected);
                    prop_assert_eq!(&recorded.event, &LedgerEvent::Recorded(p.clone()));
                }
                log.extend(events);
            } else {
                prop_assert!(by_commit == before);
                // Recorded one by one, the booking fails on some day.
                let mut trial = by_record.clone();
                let all = ps.iter().all(|p| trial.record(p).is_ok());
                prop_assert!(!all);
            }
            prop_assert!(by_commit == by_record);
        }
        prop_assert!(Ledger::replay(by_commit.rules_table(), &log).unwrap() == by_commit);
    }
}

/// Source: CAP-PRESTATORE (art. 54-bis c. 1 lett. a): a reading of the prestatore's compensi
/// from other utilizzatori replaces the one held when it is newer (the same `as_of` and a larger
/// amount included). `prepare_external_total` prepares exactly what `set_external_total` does:
/// an event when the reading replaces the one held, nothing otherwise (an equal reading too).
#[test]
fn an_external_reading_is_prepared_exactly_when_it_replaces_the_one_held() {
    let cf = codice_fiscale(7);
    let june = ExternalTotal {
        prestatore: cf,
        year: 2026,
        total: Euro::from_euros(4_000),
        as_of: date!(2026 - 06 - 30),
    };
    let mut ledger = Ledger::default();
    ledger.set_external_total(&june).unwrap();
    let readings = [
        (june, false),
        (
            ExternalTotal {
                as_of: date!(2026 - 07 - 01),
                ..june
            },
            true,
        ),
        (
            ExternalTotal {
                as_of: date!(2026 - 06 - 29),
                total: Euro::from_euros(5_000),
                ..june
            },
            false,
        ),
        (
            ExternalTotal {
                total: Euro::from_cents(400_001),
                ..june
            },
            true,
        ),
        (
            ExternalTotal {
                total: Euro::from_cents(399_999),
                ..june
            },
            false,
        ),
    ];
    for (reading, replaces) in readings {
        let prepared = ledger.prepare_external_total(&reading).unwrap();
        assert_eq!(!prepared.is_empty(), replaces, "{reading:?}");
        assert_eq!(
            prepared.events().len(),
            usize::from(replaces),
            "{reading:?}"
        );
        let mut live = ledger.clone();
        let event = live.set_external_total(&reading).unwrap();
        assert_eq!(event.is_some(), replaces, "{reading:?}");
        assert_eq!(event.as_slice(), prepared.events(), "{reading:?}");
        // Committed, the preparation gives the ledger the live call gives.
        let mut committed = ledger.clone();
        let again = committed.prepare_external_total(&reading).unwrap();
        committed.commit(again).unwrap();
        assert_eq!(committed, live, "{reading:?}");
    }
}

/// Source: CAP-PRESTATORE; the rules table starts in 2017 (art. 54-bis in force from
/// 24/6/2017): an external total is accepted for every year from the table's first to the last
/// a date can have, and refused outside them, with the ledger unchanged.
#[test]
fn external_totals_are_accepted_for_the_years_of_the_table_only() {
    let reading = |year: i32| ExternalTotal {
        prestatore: codice_fiscale(8),
        year,
        total: Euro::from_euros(100),
        as_of: Date::from_calendar_date(year.clamp(2017, 9999), time::Month::June, 30).unwrap(),
    };
    let mut ledger = Ledger::default();
    for year in [2017, 2026, 9999] {
        assert!(
            ledger.set_external_total(&reading(year)).unwrap().is_some(),
            "{year}"
        );
        assert_eq!(
            ledger.prestatore_totals(&codice_fiscale(8), year).external,
            Euro::from_euros(100)
        );
    }
    let before = ledger.clone();
    for year in [2016, 10_000, i32::MIN, i32::MAX] {
        let err = ledger.set_external_total(&reading(year)).unwrap_err();
        assert!(
            matches!(err, LedgerError::ExternalYear { .. }),
            "{year}: {err}"
        );
        assert!(
            ledger.prepare_external_total(&reading(year)).is_err(),
            "{year}"
        );
    }
    assert_eq!(ledger, before);
}
