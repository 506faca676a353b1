//! `Cap` from arbitrary text: an accepted CAP round-trips and is five digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::Cap;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(cap) = common::parser::<Cap>(text) {
        assert!(cap.as_str().len() == 5 && cap.as_str().bytes().all(|b| b.is_ascii_digit()));
    }
});
