//! The other serialised inputs of a ledger, from JSON: a `RoomQuery` against a ledger holding a
//! few prestazioni, and a `LedgerCapacity` to reserve. The room never exceeds the headroom of a
//! cap, its titoli pay no more than it, and the answer goes through serde; a reservation records
//! nothing; the portfolio of the query's utilizzatore agrees with the ledger's totals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    CapProfile, Client, Euro, Instrument, Ledger, LedgerCapacity, Prestazione, PrestazioneDraft,
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
    let client = Client::from(input.query.utilizzatore).with_profile(input.query.profile);
    if let Ok(portfolio) = ledger.portfolio([client], input.query.day, 0) {
        let year = input.query.day.year();
        let report = &portfolio.clients[0];
        assert_eq!(
            report.totals,
            ledger.utilizzatore_totals(&input.query.utilizzatore, year)
        );
        for person in &report.people {
            assert_eq!(
                person.pair,
                ledger.pair_totals(&person.prestatore, &input.query.utilizzatore, year)
            );
            assert_eq!(
                person.totals,
                ledger.prestatore_totals(&person.prestatore, year)
            );
        }
        assert!(serde_json::to_string(&portfolio).is_ok());
        assert!(!portfolio.to_string().is_empty());
    }
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
