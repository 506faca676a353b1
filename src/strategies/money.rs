//! Strategies for amounts of money.

use proptest::prelude::*;

use crate::Euro;

/// Any amount from 0,00 to `max_cents` cents.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::{Euro, strategies};
///
/// let mut runner = TestRunner::deterministic();
/// let amount = strategies::euro(1_000_000).new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(amount <= Euro::from_cents(1_000_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn euro(max_cents: u64) -> impl Strategy<Value = Euro> {
    (0..=max_cents).prop_map(Euro::from_cents)
}
