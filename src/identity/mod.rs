//! Identity and residence values of the parties: the codice fiscale and the Belfiore birthplace
//! table, IBAN, partita IVA, provincia and CAP.

#[cfg(feature = "belfiore")]
mod belfiore;
#[cfg(feature = "belfiore")]
#[allow(clippy::unreadable_literal)]
mod belfiore_data;
mod codice_fiscale;
mod iban;
mod partita_iva;
mod provincia;

#[cfg(feature = "belfiore")]
pub use belfiore::{Birthplace, BirthplaceKind};
#[cfg(feature = "proptest")]
pub(crate) use codice_fiscale::provisional_check_digit;
pub use codice_fiscale::{BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, Sex};
#[cfg(feature = "proptest")]
pub(crate) use iban::italian_cin;
pub use iban::{Iban, IbanError};
pub use partita_iva::{PartitaIva, PartitaIvaError};
pub use provincia::{Cap, Provincia, ProvinciaError};
