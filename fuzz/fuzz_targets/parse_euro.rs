//! `Euro` from arbitrary text (`12.41`, `12,41`): an accepted amount round-trips, is not
//! negative, has at most two decimals, prints in the Italian style, and adds up without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::Euro;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(euro) = common::parser::<Euro>(text) {
        let d = euro.as_decimal();
        assert!(!d.is_sign_negative() || d.is_zero(), "{euro:?} is negative");
        assert!(d.scale() <= 2, "{euro:?} has more than two decimals");
        let _ = euro.to_italian();
        let _ = euro.cents();
        let _ = euro.checked_add(euro);
        let _ = euro.checked_mul_u32(3);
        assert_eq!(euro.saturating_sub(euro), Euro::ZERO);
        // The comma form of the same amount parses to it.
        let comma = euro.to_string().replace('.', ",");
        assert_eq!(comma.parse::<Euro>().ok(), Some(euro));
    }
});
