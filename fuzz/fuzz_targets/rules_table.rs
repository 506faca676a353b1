//! A `RulesTable` from JSON: an accepted table is within its bounds, goes through serde and its
//! builder unchanged, and its versions are sorted, contiguous and found by day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{Ledger, RulesTable};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = serde_json::from_slice::<RulesTable>(data) else {
        return;
    };
    common::serde_round_trip(&table);
    assert_eq!(table.to_builder().build().as_ref(), Ok(&table));
    let versions = table.versions();
    assert!(!versions.is_empty() && versions.len() <= RulesTable::MAX_VERSIONS);
    for pair in versions.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.valid_from() < b.valid_from());
        assert_eq!(
            a.valid_until().and_then(|d| d.next_day()),
            Some(b.valid_from())
        );
    }
    for v in versions {
        assert_eq!(table.in_force_on(v.valid_from()).ok(), Some(v));
        if let Some(until) = v.valid_until() {
            assert_eq!(table.in_force_on(until).ok(), Some(v));
        }
        let _ = v.parameters();
    }
    if let Some(before) = table.start().previous_day() {
        assert!(table.in_force_on(before).is_err());
    }
    let _ = Ledger::new(&table);
});
