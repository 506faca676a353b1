//! `Iban` from arbitrary text (lenient: spaces, lower case): an accepted IBAN round-trips in
//! its electronic and paper forms, and `Debug` never shows it whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::Iban;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(iban) = common::parser::<Iban>(text) {
        assert_eq!(iban.as_str().parse::<Iban>().ok(), Some(iban.clone()));
        let shown = format!("{iban:?}");
        assert!(!shown.contains(iban.as_str()), "Debug shows {shown}");
        let _ = iban.is_italian();
    }
});
