//! The other serialised inputs of a ledger, from JSON: a `RoomQuery` against a ledger holding a
//! few prestazioni, and a `LedgerCapacity` to reserve. The room never exceeds the headroom of a
//! cap, its titoli pay no more than it, and the answer goes through serde; a reservation records
//! nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    CapProfile, Euro, Instrument, Ledger, LedgerCapacity, Prestazione, PrestazioneDraft,
    PrestazioneId, Room, RoomQuery,
};
use time::Date;

#[path = "common.rs"]
mod common;

#[derive(serde::Deserialize)]
struct Input {
    query: RoomQuery,
    capacity: Option<LedgerCapacity>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<Input>(data) else {
        return;
    };
    let mut ledger = Ledger::default();
    // A little history for the query's parties, on its day.
    for (id, euros) in [(1u64, 1_200u32), (2, 800)] {
        let draft = PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: Instrument::ContrattoPrestazioneOccasionale,
            prestatore: input.query.prestatore,
            utilizzatore: input.query.utilizzatore,
            day: input.query.day,
            minutes: 240,
            compenso: Euro::from_euros(euros),
            special_category: false,
            steward: false,
            profile: CapProfile::default(),
        };
        if let Ok(p) = Prestazione::try_from(draft) {
            let _ = ledger.record(&p);
        }
    }
    if let Some(capacity) = input.capacity {
        common::serde_round_trip(&capacity);
        let before = ledger.clone();
        ledger.reserve(&capacity);
        assert_eq!(ledger, before);
    }
    common::serde_round_trip(&input.query);
    let Ok(room) = ledger.room(&input.query) else {
        return;
    };
    for cap in &room.caps {
        assert!(room.compenso <= cap.headroom, "{room:?}");
    }
    if input.query.day >= Date::from_calendar_date(2017, time::Month::June, 24).unwrap() {
        let per_titolo = Euro::from_euros(8);
        assert!(
            per_titolo
                .checked_mul_u32(room.titoli)
                .is_some_and(|t| t <= room.compenso)
        );
    }
    common::serde_round_trip::<Room>(&room);
});
