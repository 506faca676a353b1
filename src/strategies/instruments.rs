//! Proptest strategies for the instruments' types (feature `proptest`).

use proptest::prelude::*;
use time::Date;

use crate::instruments::{Causale, Instrument};
use crate::money::Euro;
use crate::payment::PaymentMode;

/// Either instrument.
pub fn instrument() -> impl Strategy<Value = Instrument> {
    prop_oneof![
        Just(Instrument::LibrettoFamiglia),
        Just(Instrument::ContrattoPrestazioneOccasionale)
    ]
}

/// Any payment mode.
pub fn payment_mode() -> impl Strategy<Value = PaymentMode> {
    prop_oneof![
        Just(PaymentMode::IbanCredit),
        Just(PaymentMode::BonificoDomiciliato),
        Just(PaymentMode::PostOffice)
    ]
}

/// Either causale.
pub fn causale() -> impl Strategy<Value = Causale> {
    prop_oneof![Just(Causale::Lifa), Just(Causale::Cloc)]
}

/// A CPO compenso from 0,00 to 100.000,00 (beyond any annual cap).
pub fn cpo_compenso() -> impl Strategy<Value = Euro> {
    (0_u64..=10_000_000).prop_map(Euro::from_cents)
}

/// A day of the regime: 24/6/2017 to 31/12/2035.
pub fn regime_day() -> impl Strategy<Value = Date> {
    let start = crate::rules::REGIME_START.to_julian_day();
    let end = time::macros::date!(2035 - 12 - 31).to_julian_day();
    (start..=end).prop_map(|day| Date::from_julian_day(day).unwrap_or(crate::rules::REGIME_START))
}
