//! Identity and residence values of the parties: IBAN, partita IVA, provincia and CAP.

mod iban;
mod partita_iva;
mod provincia;

#[cfg(feature = "proptest")]
pub(crate) use iban::italian_cin;
pub use iban::{Iban, IbanError};
pub use partita_iva::{PartitaIva, PartitaIvaError};
pub use provincia::{Cap, Provincia, ProvinciaError};
