//! Identity and residence values of the parties: the codice fiscale and the Belfiore birthplace
//! table, IBAN, partita IVA, provincia and CAP.

#[cfg(feature = "belfiore")]
mod belfiore;
#[cfg(feature = "belfiore")]
#[allow(clippy::unreadable_literal)]
mod belfiore_data;
mod codice_fiscale;
mod fold;
mod fold_data;
mod iban;
mod partita_iva;
mod person;
mod provincia;

#[cfg(feature = "belfiore")]
pub use belfiore::{Birthplace, BirthplaceKind};
#[cfg(feature = "proptest")]
pub(crate) use codice_fiscale::provisional_check_digit;
pub use codice_fiscale::{
    BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, NamePart, Sex,
};
#[cfg(feature = "proptest")]
pub(crate) use iban::italian_cin;
pub use iban::{Iban, IbanError};
pub use partita_iva::{PartitaIva, PartitaIvaError};
pub use person::DecodedCodiceFiscale;
pub use provincia::{Cap, Provincia, ProvinciaError};

/// `"RSSMRA85T10A562S"` -> `"************562S"`: all but the last `keep` characters masked
/// (everything for `keep` 0); empty stays empty. For `Debug` and error messages that hold text
/// which may be personal data (a codice fiscale or an IBAN not yet validated).
pub(crate) fn mask_tail(text: &str, keep: usize) -> String {
    let count = text.chars().count();
    let hidden = count.saturating_sub(keep);
    text.chars()
        .enumerate()
        .map(|(i, c)| if i < hidden { '*' } else { c })
        .collect()
}
