//! `CodiceFiscale` and `BelfioreCode` from arbitrary text: an accepted code round-trips, its
//! canonical form and omocodes are the same holder, and `Debug` never shows it whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{BelfioreCode, CodiceFiscale};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    if let Some(cf) = common::parser::<CodiceFiscale>(text) {
        let canonical = cf.canonical();
        assert!(canonical.same_holder(&cf) && cf.same_holder(&canonical));
        assert_eq!(canonical.canonical(), canonical);
        for omocode in cf.omocodes().take(4) {
            assert!(
                omocode.same_holder(&cf),
                "{omocode:?} is not the holder of {cf:?}"
            );
            assert_eq!(omocode.canonical(), canonical);
        }
        let shown = format!("{cf:?}");
        assert!(!shown.contains(cf.as_str()), "Debug shows {shown}");
        let _ = (
            cf.kind(),
            cf.birth_day(),
            cf.birth_month(),
            cf.birth_year_two_digits(),
        );
    }
    let _ = common::parser::<BelfioreCode>(text);
});
