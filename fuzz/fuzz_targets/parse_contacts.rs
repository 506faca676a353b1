//! The contact values of a registration from arbitrary text: `Phone`, `Email`, `TimeBand`. An
//! accepted value round-trips; `Debug` of a phone or an e-mail does not show it whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{Email, Phone, TimeBand};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    // (A value that holds the mask's own `***` may print as itself.)
    if let Some(phone) = common::parser::<Phone>(text) {
        let shown = format!("{phone:?}");
        assert!(
            phone.as_str().contains('*') || !shown.contains(phone.as_str()),
            "Debug shows {shown}"
        );
    }
    if let Some(email) = common::parser::<Email>(text) {
        let shown = format!("{email:?}");
        assert!(
            email.as_str().contains('*') || !shown.contains(email.as_str()),
            "Debug shows {shown}"
        );
    }
    let _ = common::parser::<TimeBand>(text);
});
