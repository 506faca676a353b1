//! The identifier of an utilizzatore: a codice fiscale or a partita IVA.

use std::fmt;
use std::str::FromStr;

use crate::identity::{CodiceFiscale, CodiceFiscaleError, PartitaIva, PartitaIvaError, mask_tail};

/// How the INPS platform identifies an utilizzatore: the codice fiscale of a person (a family, a
/// professional) or the partita IVA of a firm or body.
///
/// Legal basis: REG-DATA-UTILIZZATORE (codice fiscale / partita IVA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::UtilizzatoreId;
///
/// let family: UtilizzatoreId = "BNCGNN60A01H501P".parse()?;
/// assert!(matches!(family, UtilizzatoreId::CodiceFiscale(_)));
/// let firm: UtilizzatoreId = "12345670157".parse()?;
/// assert!(matches!(firm, UtilizzatoreId::PartitaIva(_)));
/// assert!("0123456789".parse::<UtilizzatoreId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UtilizzatoreId {
    /// A person's 16-character codice fiscale.
    CodiceFiscale(CodiceFiscale),
    /// An 11-digit partita IVA (for a company it is also its codice fiscale).
    PartitaIva(PartitaIva),
}

/// Why a text is not an [`UtilizzatoreId`].
///
/// Legal basis: REG-DATA-UTILIZZATORE (codice fiscale / partita IVA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{UtilizzatoreId, UtilizzatoreIdError};
///
/// assert!("00743110157".parse::<UtilizzatoreId>().is_ok());
/// let err = "00743110158".parse::<UtilizzatoreId>().unwrap_err();
/// assert!(matches!(err, UtilizzatoreIdError::PartitaIva(_)));
/// assert_eq!(err.to_string(), "utilizzatore: partita iva check digit is 8, expected 7");
///
/// // A text of another length is shown masked: it may hold a codice fiscale.
/// let err = "RSSMRA85T10A562S.".parse::<UtilizzatoreId>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "utilizzatore id \"*************62S.\" is neither a 16-character codice fiscale nor an 11-digit partita iva"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UtilizzatoreIdError {
    /// A 16-character text that is not a valid codice fiscale.
    #[error("utilizzatore: {0}")]
    CodiceFiscale(#[from] CodiceFiscaleError),
    /// An 11-character text that is not a valid partita IVA.
    #[error("utilizzatore: {0}")]
    PartitaIva(#[from] PartitaIvaError),
    /// Neither 16 nor 11 characters.
    #[error(
        "utilizzatore id {input:?} is neither a 16-character codice fiscale nor an 11-digit partita iva"
    )]
    Length {
        /// The text as given (at most 40 characters), masked but for its last four characters:
        /// it may hold a codice fiscale, which is personal data.
        input: String,
    },
}

impl FromStr for UtilizzatoreId {
    type Err = UtilizzatoreIdError;

    /// 16 characters (after trimming) parse as a codice fiscale, 11 as a partita IVA.
    fn from_str(text: &str) -> Result<UtilizzatoreId, UtilizzatoreIdError> {
        match text.trim().chars().count() {
            16 => Ok(UtilizzatoreId::CodiceFiscale(text.parse()?)),
            11 => Ok(UtilizzatoreId::PartitaIva(text.parse()?)),
            _ => Err(UtilizzatoreIdError::Length {
                input: mask_tail(&text.chars().take(40).collect::<String>(), 4),
            }),
        }
    }
}

impl UtilizzatoreId {
    /// The same identifier with an omocode codice fiscale replaced by its canonical form (a
    /// partita IVA is unchanged): the key under which one holder's records group together.
    ///
    /// Legal basis: omocodia, D.M. 12 marzo 1974 and Agenzia delle Entrate practice (the same
    /// person may hold codici fiscali that differ only in digits replaced by letters).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::UtilizzatoreId;
    /// let code: UtilizzatoreId = "RSSMRA85T10A562S".parse()?;
    /// let omocode: UtilizzatoreId = "RSSMRA85T10A56NH".parse()?;
    /// assert_ne!(code, omocode);
    /// assert_eq!(omocode.canonical(), code);
    /// assert!(code.same_holder(&omocode));
    /// assert!(!code.same_holder(&"00743110157".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn canonical(self) -> UtilizzatoreId {
        match self {
            UtilizzatoreId::CodiceFiscale(cf) => UtilizzatoreId::CodiceFiscale(cf.canonical()),
            other @ UtilizzatoreId::PartitaIva(_) => other,
        }
    }

    /// Whether two identifiers name the same holder (codici fiscali compared as the same holder,
    /// so omocodes match; a partita IVA only matches itself).
    ///
    /// Legal basis: omocodia, D.M. 12 marzo 1974 and Agenzia delle Entrate practice.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::UtilizzatoreId;
    /// let family: UtilizzatoreId = "RSSMRA85T10A562S".parse()?;
    /// // The omocode the Agenzia delle Entrate gave a second holder of the same code.
    /// assert!(family.same_holder(&"RSSMRA85T10A56NH".parse()?));
    /// assert!(!family.same_holder(&"BNCGNN60A01H501P".parse()?));
    /// let firm: UtilizzatoreId = "00743110157".parse()?;
    /// assert!(firm.same_holder(&"00743110157".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn same_holder(&self, other: &UtilizzatoreId) -> bool {
        self.canonical() == other.canonical()
    }
}

impl fmt::Display for UtilizzatoreId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UtilizzatoreId::CodiceFiscale(cf) => fmt::Display::fmt(cf, f),
            UtilizzatoreId::PartitaIva(piva) => fmt::Display::fmt(piva, f),
        }
    }
}

impl fmt::Debug for UtilizzatoreId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UtilizzatoreId::CodiceFiscale(cf) => f.debug_tuple("CodiceFiscale").field(cf).finish(),
            UtilizzatoreId::PartitaIva(piva) => f.debug_tuple("PartitaIva").field(piva).finish(),
        }
    }
}

impl From<CodiceFiscale> for UtilizzatoreId {
    fn from(cf: CodiceFiscale) -> UtilizzatoreId {
        UtilizzatoreId::CodiceFiscale(cf)
    }
}

impl From<PartitaIva> for UtilizzatoreId {
    fn from(piva: PartitaIva) -> UtilizzatoreId {
        UtilizzatoreId::PartitaIva(piva)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for UtilizzatoreId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for UtilizzatoreId {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<UtilizzatoreId, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
