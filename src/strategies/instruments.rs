//! Proptest strategies for the instruments' types (feature `proptest`).

use proptest::prelude::*;
use time::Date;

use crate::instruments::{Causale, Instrument};
use crate::money::Euro;
use crate::payment::PaymentMode;

/// Either instrument.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{Instrument, strategies};
///
/// let mut runner = TestRunner::deterministic();
/// let instrument = strategies::instrument().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(matches!(instrument, Instrument::LibrettoFamiglia | Instrument::ContrattoPrestazioneOccasionale));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn instrument() -> impl Strategy<Value = Instrument> {
    prop_oneof![
        Just(Instrument::LibrettoFamiglia),
        Just(Instrument::ContrattoPrestazioneOccasionale)
    ]
}

/// Any payment mode.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{PaymentMode, strategies};
///
/// let mut runner = TestRunner::deterministic();
/// let mode = strategies::payment_mode().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(matches!(mode, PaymentMode::IbanCredit | PaymentMode::BonificoDomiciliato | PaymentMode::PostOffice));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_mode() -> impl Strategy<Value = PaymentMode> {
    prop_oneof![
        Just(PaymentMode::IbanCredit),
        Just(PaymentMode::BonificoDomiciliato),
        Just(PaymentMode::PostOffice)
    ]
}

/// Either causale.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{Causale, strategies};
///
/// let mut runner = TestRunner::deterministic();
/// let causale = strategies::causale().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(matches!(causale, Causale::Lifa | Causale::Cloc));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn causale() -> impl Strategy<Value = Causale> {
    prop_oneof![Just(Causale::Lifa), Just(Causale::Cloc)]
}

/// A CPO compenso from 0,00 to 100.000,00 (beyond any annual cap).
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{Euro, strategies};
///
/// let mut runner = TestRunner::deterministic();
/// let compenso = strategies::cpo_compenso().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(compenso <= Euro::from_euros(100_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cpo_compenso() -> impl Strategy<Value = Euro> {
    (0_u64..=10_000_000).prop_map(Euro::from_cents)
}

/// A day of the regime: 24/6/2017 to 31/12/2035.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{REGIME_START, strategies};
/// use time::macros::date;
///
/// let mut runner = TestRunner::deterministic();
/// let day = strategies::regime_day().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(REGIME_START <= day && day <= date!(2035 - 12 - 31));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn regime_day() -> impl Strategy<Value = Date> {
    let start = crate::rules::REGIME_START.to_julian_day();
    let end = time::macros::date!(2035 - 12 - 31).to_julian_day();
    (start..=end).prop_map(|day| Date::from_julian_day(day).unwrap_or(crate::rules::REGIME_START))
}
