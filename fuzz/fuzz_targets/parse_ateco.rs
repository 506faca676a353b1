//! `AtecoCode` from arbitrary text: an accepted code round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::AtecoCode;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let _ = common::parser::<AtecoCode>(text);
});
