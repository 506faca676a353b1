//! A log of `LedgerEvent`s, from JSON, and from the same bytes read as operations (valid
//! prestazioni, revocations, confirmations, corrections and external totals of a few parties,
//! so that the fuzzer reaches deep ledger states that random JSON seldom does). Replay, a batch,
//! a batch in two halves, a verifying replay and a merge of shards agree; an accepted log
//! regenerates (`Ledger::events`) a log that replays to an equal ledger and regenerates itself;
//! a refused batch or event changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    CapProfile, CodiceFiscale, Euro, ExternalTotal, Instrument, Ledger, LedgerEvent, Prestazione,
    PrestazioneDraft, PrestazioneId, UtilizzatoreId,
};
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

#[path = "common.rs"]
mod common;

/// The events of a ledger, which never fail for a valid ledger.
fn log(ledger: &Ledger) -> Vec<LedgerEvent> {
    ledger
        .events()
        .collect::<Result<_, _>>()
        .expect("a ledger regenerates its events")
}

/// The shard of an event: a prestazione's events travel together; external totals go to 0.
fn shard(event: &LedgerEvent) -> u64 {
    match event {
        LedgerEvent::Recorded(p) | LedgerEvent::Corrected(p) => p.id().0 % 2,
        LedgerEvent::Revoked { id, .. } | LedgerEvent::Confirmed { id, .. } => id.0 % 2,
        _ => 0,
    }
}

/// The bytes as operations, 8 bytes each, on 4 prestatori and 3 utilizzatori (a family and two
/// firms) in 2019 and 2026.
fn operations(data: &[u8]) -> Vec<LedgerEvent> {
    let prestatori: [CodiceFiscale; 4] = [
        "RSSMRA85T10A562S".parse().unwrap(),
        "RSSMRA85T10A56NH".parse().unwrap(),
        "VRDLGU70M10F205K".parse().unwrap(),
        "RSSMRA09T10A562E".parse().unwrap(),
    ];
    let utilizzatori: [UtilizzatoreId; 3] = [
        "BNCGNN60A01H501P".parse().unwrap(),
        "00743110157".parse().unwrap(),
        "12345670157".parse().unwrap(),
    ];
    let mut events = Vec::new();
    let mut drafts: Vec<PrestazioneDraft> = Vec::new();
    for b in data.chunks_exact(8) {
        let year = if b[5] & 0x80 == 0 { 2026 } else { 2019 };
        let day =
            Date::from_ordinal_date(year, 1).unwrap() + Duration::days(i64::from(b[5] & 0x7f) * 3);
        let id = PrestazioneId(u64::from(b[1] % 12));
        let at = |offset: u8| {
            let d = drafts
                .iter()
                .rev()
                .find(|d| d.id == id)
                .map_or(day, |d| d.day);
            OffsetDateTime::new_in_offset(
                d + Duration::days(i64::from(offset % 6) - 1),
                Time::from_hms(offset % 24, 0, 0).unwrap(),
                UtcOffset::from_hms(1, 0, 0).unwrap(),
            )
        };
        match b[0] % 8 {
            0..=2 => {
                let utilizzatore = utilizzatori[usize::from(b[4] % 3)];
                let lf = matches!(utilizzatore, UtilizzatoreId::CodiceFiscale(_)) && b[2] & 1 == 0;
                let minutes = (u32::from(b[6] % 16) + 1) * 30;
                let compenso = if lf {
                    Euro::from_cents(u64::from(minutes.div_ceil(60) + u32::from(b[7] % 4)) * 800)
                } else {
                    Euro::from_cents(3_600 + u64::from(b[7]) * 1_700)
                };
                let draft = PrestazioneDraft {
                    id,
                    instrument: if lf {
                        Instrument::LibrettoFamiglia
                    } else {
                        Instrument::ContrattoPrestazioneOccasionale
                    },
                    prestatore: prestatori[usize::from(b[3] % 4)],
                    utilizzatore,
                    day,
                    minutes,
                    compenso,
                    special_category: b[2] & 2 != 0,
                    steward: false,
                    profile: CapProfile::default().with_events_sector(b[2] & 4 != 0),
                };
                if let Ok(p) = Prestazione::try_from(draft.clone()) {
                    drafts.push(draft);
                    events.push(LedgerEvent::Recorded(p));
                }
            }
            3 => events.push(LedgerEvent::Revoked { id, at: at(b[2]) }),
            4 => events.push(LedgerEvent::Confirmed { id, at: at(b[2]) }),
            5 => {
                if let Some(mut draft) = drafts.iter().rev().find(|d| d.id == id).cloned() {
                    if b[2] & 1 == 0 {
                        let titoli = draft.minutes.div_ceil(60) + u32::from(b[7] % 5);
                        draft.compenso = Euro::from_cents(u64::from(titoli) * 800);
                    } else {
                        draft.prestatore = prestatori[usize::from(b[3] % 4)];
                        draft.day = day;
                    }
                    if let Ok(p) = Prestazione::try_from(draft) {
                        events.push(LedgerEvent::Corrected(p));
                    }
                }
            }
            _ => events.push(LedgerEvent::ExternalTotalSet(ExternalTotal {
                prestatore: prestatori[usize::from(b[3] % 4)],
                year,
                total: Euro::from_cents(u64::from(b[7]) * 2_000),
                as_of: day,
            })),
        }
    }
    events
}

fuzz_target!(|data: &[u8]| {
    if let Ok(events) = serde_json::from_slice::<Vec<LedgerEvent>>(data) {
        check_log(&events);
    }
    check_log(&operations(data));
});

/// Every property of a log.
fn check_log(events: &[LedgerEvent]) {
    let table = Ledger::default().rules_table().clone();
    let replayed = Ledger::replay(&table, events);

    // A batch agrees with replay; a refused batch leaves the ledger as it was.
    let mut batch = Ledger::new(&table);
    match (batch.apply_batch(events), &replayed) {
        (Ok(()), Ok(r)) => assert_eq!(&batch, r),
        (Err(a), Err(b)) => {
            assert_eq!(&a, b);
            assert!(batch.is_empty() && log(&batch).is_empty());
        }
        (a, b) => panic!("apply_batch {a:?} but replay {b:?}"),
    }
    // Two halves: the first applied, the second all or nothing.
    let (first, second) = events.split_at(events.len() / 2);
    let mut halves = Ledger::new(&table);
    if halves.apply_batch(first).is_ok() {
        let before = halves.clone();
        match halves.apply_batch(second) {
            Ok(()) => assert_eq!(Some(&halves), replayed.as_ref().ok()),
            Err(_) => {
                assert!(replayed.is_err());
                assert_eq!(halves, before);
                assert_eq!(log(&halves), log(&before));
            }
        }
    } else {
        assert!(replayed.is_err());
    }
    // The verifying replay builds the same ledger.
    match (Ledger::replay_verified(&table, events), &replayed) {
        (Ok((ledger, findings)), Ok(r)) => {
            assert_eq!(&ledger, r);
            for f in &findings {
                assert!(f.event < events.len());
                assert!(!f.rules().is_empty());
                let _ = f.to_string();
            }
        }
        (Err(a), Err(b)) => assert_eq!(&a, b),
        (a, b) => panic!("replay_verified {a:?} but replay {b:?}"),
    }
    let Ok(ledger) = replayed else { return };

    // The regenerated log rebuilds the ledger and regenerates itself.
    let regenerated = log(&ledger);
    common::serde_round_trip(&regenerated);
    let again = Ledger::replay(&table, &regenerated).unwrap();
    assert_eq!(again, ledger);
    assert_eq!(log(&again), regenerated);
    let findings = ledger.verify();
    for f in &findings {
        assert!(f.event < regenerated.len());
    }
    // Shards of the log merge into the same ledger.
    let shards: Vec<Ledger> = (0..2)
        .map(|s| {
            Ledger::replay(&table, events.iter().filter(|e| shard(e) == s))
                .expect("a shard of a log that replays replays")
        })
        .collect();
    let mut merged = shards[0].clone();
    merged.merge(&shards[1]).unwrap();
    assert_eq!(merged, ledger);
    // Merging again is refused (duplicates) and changes nothing.
    if !shards[1].is_empty() {
        let before = merged.clone();
        assert!(merged.merge(&shards[1]).is_err());
        assert_eq!(merged, before);
    }
    // Every event again: each refused one changes nothing.
    let mut l = ledger.clone();
    for event in events {
        let before = l.clone();
        if l.apply(event).is_err() {
            assert_eq!(l, before);
            assert_eq!(log(&l), log(&before));
        }
    }
}
