//! Public [`proptest`](mod@proptest) strategies for the crate's types (feature `proptest`), for property tests
//! in host applications. Every value is built through the crate's own constructors, so it is
//! valid by construction.
//!
//! | area | strategies |
//! |---|---|
//! | identity | [`codice_fiscale`], [`codice_fiscale_provvisorio`], [`belfiore_code`], [`partita_iva`], [`italian_iban`], [`iban()`], [`provincia`], [`cap`], [`ateco_code`] |
//! | parties | [`utilizzatore_id`], [`categoria`], [`self_certification`], [`cap_profile`], [`agricultural_area`] |
//! | money and instruments | [`euro`], [`cpo_compenso`], [`instrument`], [`payment_mode`], [`causale`], [`regime_day`] |
//! | prestazioni and the ledger | [`prestazione`], [`prestazione_with_id`] (realistic pay and minutes for the day's rules), [`lawful_year`] (a year a default [`Ledger`](crate::Ledger) records without refusal), [`pair_at_cap`], [`prestatore_at_cap`], [`utilizzatore_at_cap`], [`steward_at_cap`], [`pair_at_hours`], [`pair_at_agricultural_hours`] (a year at exactly cap c, a, b, c-bis, the hour limit or the agricultural one) |
//! | registration | [`registration_draft`] (complete forms that [`RegistrationDraft::validate`](crate::RegistrationDraft::validate) accepts) |
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

mod caps;
mod codice_fiscale;
mod instruments;
mod money;
mod parties;
mod prestazione;
mod registration;
mod values;

pub use caps::{
    pair_at_agricultural_hours, pair_at_cap, pair_at_hours, prestatore_at_cap, steward_at_cap,
    utilizzatore_at_cap,
};
pub use codice_fiscale::{belfiore_code, codice_fiscale, codice_fiscale_provvisorio};
pub use instruments::{causale, cpo_compenso, instrument, payment_mode, regime_day};
pub use money::euro;
pub use parties::{agricultural_area, cap_profile, categoria, self_certification, utilizzatore_id};
pub use prestazione::{lawful_year, prestazione, prestazione_with_id};
pub use registration::registration_draft;
pub use values::{ateco_code, cap, iban, italian_iban, partita_iva, provincia};
