//! Public [`proptest`](mod@proptest) strategies for the crate's types (feature `proptest`), for property tests
//! in host applications.
//!
//! # Examples
//!
//! ```
//! use prestazioni_occasionali::strategies;
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! let cf = strategies::codice_fiscale().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
//! assert_eq!(cf.as_str().parse::<prestazioni_occasionali::CodiceFiscale>()?, cf);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod codice_fiscale;
mod instruments;
mod money;
mod values;

pub use codice_fiscale::{belfiore_code, codice_fiscale, codice_fiscale_provvisorio};
pub use instruments::{causale, cpo_compenso, instrument, payment_mode, regime_day};
pub use money::euro;
pub use values::{ateco_code, cap, iban, italian_iban, partita_iva, provincia};
