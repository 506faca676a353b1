//! `PartitaIva` from arbitrary text: an accepted one round-trips and its check digit holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::PartitaIva;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(piva) = common::parser::<PartitaIva>(text) {
        assert_eq!(piva.as_str().len(), 11);
        assert!(piva.as_str().bytes().all(|b| b.is_ascii_digit()));
    }
});
