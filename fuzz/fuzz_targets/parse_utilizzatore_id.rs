//! `UtilizzatoreId` (codice fiscale or partita IVA) from arbitrary text: an accepted id
//! round-trips and its canonical form is the same holder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::UtilizzatoreId;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(id) = common::parser::<UtilizzatoreId>(text) {
        assert!(id.canonical().same_holder(&id));
    }
});
