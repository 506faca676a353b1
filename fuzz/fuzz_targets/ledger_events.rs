//! A log of `LedgerEvent`s from JSON. Replay, a batch, a batch in two halves, a verifying
//! replay and a merge of shards agree; an accepted log regenerates (`Ledger::events`) a log
//! that replays to an equal ledger and regenerates itself; a refused batch or event changes
//! nothing.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{Ledger, LedgerEvent};

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

fuzz_target!(|data: &[u8]| {
    let Ok(events) = serde_json::from_slice::<Vec<LedgerEvent>>(data) else {
        return;
    };
    let table = Ledger::default().rules_table_arc();
    let replayed = Ledger::replay(Arc::clone(&table), &events);

    // A batch agrees with replay; a refused batch leaves the ledger as it was.
    let mut batch = Ledger::new(Arc::clone(&table));
    match (batch.apply_batch(&events), &replayed) {
        (Ok(()), Ok(r)) => assert_eq!(&batch, r),
        (Err(a), Err(b)) => {
            assert_eq!(&a, b);
            assert!(batch.is_empty() && log(&batch).is_empty());
        }
        (a, b) => panic!("apply_batch {a:?} but replay {b:?}"),
    }
    // Two halves: the first applied, the second all or nothing.
    let (first, second) = events.split_at(events.len() / 2);
    let mut halves = Ledger::new(Arc::clone(&table));
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
    match (
        Ledger::replay_verified(Arc::clone(&table), &events),
        &replayed,
    ) {
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
    let again = Ledger::replay(Arc::clone(&table), &regenerated).unwrap();
    assert_eq!(again, ledger);
    assert_eq!(log(&again), regenerated);
    let findings = ledger.verify();
    for f in &findings {
        assert!(f.event < regenerated.len());
    }
    // Shards of the log merge into the same ledger.
    let shards: Vec<Ledger> = (0..2)
        .map(|s| {
            Ledger::replay(Arc::clone(&table), events.iter().filter(|e| shard(e) == s))
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
    for event in &events {
        let before = l.clone();
        if l.apply(event).is_err() {
            assert_eq!(l, before);
            assert_eq!(log(&l), log(&before));
        }
    }
});
