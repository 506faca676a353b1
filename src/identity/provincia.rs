//! Residence data: [`Provincia`] (the two-letter province sigla) and [`Cap`] (postal code).

use std::fmt;
use std::str::FromStr;

/// The province / metropolitan-city sigle in use, with the ISTAT name, sorted by sigla.
///
/// Source: ISTAT, "Elenco dei comuni italiani" / "Codici statistici delle unità amministrative
/// territoriali" (sigla automobilistica column), 107 units of supra-municipal level as in force
/// since the creation of the Provincia del Sud Sardegna (SU, L.R. Sardegna 2/2016). The historical
/// sigle CI, VS, OG, OT (Sardinian provinces abolished in 2016) and FO, PS (renamed FC, PU) are not
/// in the list. The re-establishment of Sardinian provinces under L.R. Sardegna 9/2023 has not
/// changed the sigle in this list; its effect on the ISTAT list is **UNCONFIRMED**.
const PROVINCE: [(&str, &str); 107] = [
    ("AG", "Agrigento"),
    ("AL", "Alessandria"),
    ("AN", "Ancona"),
    ("AO", "Valle d'Aosta/Vallée d'Aoste"),
    ("AP", "Ascoli Piceno"),
    ("AQ", "L'Aquila"),
    ("AR", "Arezzo"),
    ("AT", "Asti"),
    ("AV", "Avellino"),
    ("BA", "Bari"),
    ("BG", "Bergamo"),
    ("BI", "Biella"),
    ("BL", "Belluno"),
    ("BN", "Benevento"),
    ("BO", "Bologna"),
    ("BR", "Brindisi"),
    ("BS", "Brescia"),
    ("BT", "Barletta-Andria-Trani"),
    ("BZ", "Bolzano/Bozen"),
    ("CA", "Cagliari"),
    ("CB", "Campobasso"),
    ("CE", "Caserta"),
    ("CH", "Chieti"),
    ("CL", "Caltanissetta"),
    ("CN", "Cuneo"),
    ("CO", "Como"),
    ("CR", "Cremona"),
    ("CS", "Cosenza"),
    ("CT", "Catania"),
    ("CZ", "Catanzaro"),
    ("EN", "Enna"),
    ("FC", "Forlì-Cesena"),
    ("FE", "Ferrara"),
    ("FG", "Foggia"),
    ("FI", "Firenze"),
    ("FM", "Fermo"),
    ("FR", "Frosinone"),
    ("GE", "Genova"),
    ("GO", "Gorizia"),
    ("GR", "Grosseto"),
    ("IM", "Imperia"),
    ("IS", "Isernia"),
    ("KR", "Crotone"),
    ("LC", "Lecco"),
    ("LE", "Lecce"),
    ("LI", "Livorno"),
    ("LO", "Lodi"),
    ("LT", "Latina"),
    ("LU", "Lucca"),
    ("MB", "Monza e della Brianza"),
    ("MC", "Macerata"),
    ("ME", "Messina"),
    ("MI", "Milano"),
    ("MN", "Mantova"),
    ("MO", "Modena"),
    ("MS", "Massa-Carrara"),
    ("MT", "Matera"),
    ("NA", "Napoli"),
    ("NO", "Novara"),
    ("NU", "Nuoro"),
    ("OR", "Oristano"),
    ("PA", "Palermo"),
    ("PC", "Piacenza"),
    ("PD", "Padova"),
    ("PE", "Pescara"),
    ("PG", "Perugia"),
    ("PI", "Pisa"),
    ("PN", "Pordenone"),
    ("PO", "Prato"),
    ("PR", "Parma"),
    ("PT", "Pistoia"),
    ("PU", "Pesaro e Urbino"),
    ("PV", "Pavia"),
    ("PZ", "Potenza"),
    ("RA", "Ravenna"),
    ("RC", "Reggio Calabria"),
    ("RE", "Reggio nell'Emilia"),
    ("RG", "Ragusa"),
    ("RI", "Rieti"),
    ("RM", "Roma"),
    ("RN", "Rimini"),
    ("RO", "Rovigo"),
    ("SA", "Salerno"),
    ("SI", "Siena"),
    ("SO", "Sondrio"),
    ("SP", "La Spezia"),
    ("SR", "Siracusa"),
    ("SS", "Sassari"),
    ("SU", "Sud Sardegna"),
    ("SV", "Savona"),
    ("TA", "Taranto"),
    ("TE", "Teramo"),
    ("TN", "Trento"),
    ("TO", "Torino"),
    ("TP", "Trapani"),
    ("TR", "Terni"),
    ("TS", "Trieste"),
    ("TV", "Treviso"),
    ("UD", "Udine"),
    ("VA", "Varese"),
    ("VB", "Verbano-Cusio-Ossola"),
    ("VC", "Vercelli"),
    ("VE", "Venezia"),
    ("VI", "Vicenza"),
    ("VR", "Verona"),
    ("VT", "Viterbo"),
    ("VV", "Vibo Valentia"),
];

/// An Italian province or metropolitan city, by its two-letter sigla (`RM`, `MI`, `SU`).
///
/// Parsing is case-insensitive and trims surrounding whitespace; only the 107 sigle in use are
/// accepted (historical sigle such as `CI`, `VS`, `OG`, `OT`, `FO`, `PS` are refused). `EE` (the
/// "estero" placeholder of some forms) is not a province and is refused too.
///
/// Legal basis: none in art. 54-bis; residence is part of the prestatore's anagrafica
/// (REG-DATA-PRESTATORE). Source of the list: ISTAT codici statistici delle unità amministrative
/// territoriali (sigla automobilistica), 107 units.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Provincia;
///
/// let rm: Provincia = "rm".parse()?;
/// assert_eq!(rm.code(), "RM");
/// assert_eq!(rm.name(), "Roma");
/// assert_eq!("SU".parse::<Provincia>()?.name(), "Sud Sardegna");
///
/// let err = "CI".parse::<Provincia>().unwrap_err();
/// assert_eq!(err.to_string(), "provincia \"CI\" is not a sigla in use");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Provincia(u8);

/// Why a text is not a valid [`Provincia`] or [`Cap`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Cap, Provincia, ProvinciaError};
///
/// assert_eq!("rm".parse::<Provincia>()?.code(), "RM");
/// let err = "00000".parse::<Cap>().unwrap_err();
/// assert_eq!(err, ProvinciaError::ZeroCap);
/// assert_eq!(err.to_string(), "cap 00000 is not a postal code");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProvinciaError {
    /// The provincia text was empty.
    #[error("provincia is empty")]
    EmptyProvincia,
    /// Not one of the 107 sigle in use.
    #[error("provincia {input:?} is not a sigla in use")]
    UnknownProvincia {
        /// The text as given (at most 6 characters kept).
        input: String,
    },
    /// The CAP is not exactly five ASCII digits.
    #[error("cap {input:?} must be exactly 5 digits")]
    InvalidCap {
        /// The text as given (at most 6 characters kept).
        input: String,
    },
    /// The CAP is `00000`.
    #[error("cap 00000 is not a postal code")]
    ZeroCap,
}

/// The text as an error keeps it: at most six characters, enough to show a mistyped sigla or CAP,
/// and no more of a codice fiscale or an IBAN pasted into the wrong field than their masked
/// `Debug` shows (the first six characters).
fn shortened(input: &str) -> String {
    input.chars().take(6).collect()
}

impl Provincia {
    /// The two-letter sigla, upper case.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Provincia;
    /// assert_eq!("Mb".parse::<Provincia>()?.code(), "MB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        PROVINCE
            .get(usize::from(self.0))
            .map_or("", |(code, _)| code)
    }

    /// The ISTAT name of the province or metropolitan city.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Provincia;
    /// assert_eq!("FC".parse::<Provincia>()?.name(), "Forlì-Cesena");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        PROVINCE
            .get(usize::from(self.0))
            .map_or("", |(_, name)| name)
    }

    /// Every provincia in use, sorted by sigla.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Provincia;
    /// assert_eq!(Provincia::all().count(), 107);
    /// ```
    pub fn all() -> impl Iterator<Item = Provincia> {
        (0..=u8::MAX).take(PROVINCE.len()).map(Provincia)
    }
}

impl FromStr for Provincia {
    type Err = ProvinciaError;

    fn from_str(input: &str) -> Result<Provincia, ProvinciaError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ProvinciaError::EmptyProvincia);
        }
        let unknown = || ProvinciaError::UnknownProvincia {
            input: shortened(input),
        };
        if text.len() != 2 {
            return Err(unknown());
        }
        let upper = text.to_ascii_uppercase();
        let index = PROVINCE
            .binary_search_by(|(code, _)| (*code).cmp(upper.as_str()))
            .map_err(|_| unknown())?;
        u8::try_from(index).map(Provincia).map_err(|_| unknown())
    }
}

impl TryFrom<&str> for Provincia {
    type Error = ProvinciaError;
    fn try_from(value: &str) -> Result<Provincia, ProvinciaError> {
        value.parse()
    }
}

impl fmt::Display for Provincia {
    /// The sigla (`RM`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Provincia {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Provincia({})", self.code())
    }
}

/// An Italian postal code (codice di avviamento postale): exactly five ASCII digits, not `00000`.
///
/// No range of valid CAPs is assumed (Poste Italiane assigns and changes them); surrounding
/// whitespace is trimmed, the leading zeros are kept (`00118` is Roma).
///
/// Legal basis: none in art. 54-bis; residence is part of the prestatore's anagrafica
/// (REG-DATA-PRESTATORE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Cap;
///
/// let cap: Cap = "00118".parse()?;
/// assert_eq!(cap.to_string(), "00118");
/// assert_eq!("1234".parse::<Cap>().unwrap_err().to_string(), "cap \"1234\" must be exactly 5 digits");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cap([u8; 5]);

impl Cap {
    /// The five digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Cap;
    /// assert_eq!("20121".parse::<Cap>()?.as_str(), "20121");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl FromStr for Cap {
    type Err = ProvinciaError;

    fn from_str(input: &str) -> Result<Cap, ProvinciaError> {
        let text = input.trim();
        let digits: [u8; 5] = text
            .as_bytes()
            .try_into()
            .ok()
            .filter(|d: &[u8; 5]| d.iter().all(u8::is_ascii_digit))
            .ok_or_else(|| ProvinciaError::InvalidCap {
                input: shortened(input),
            })?;
        if digits == *b"00000" {
            return Err(ProvinciaError::ZeroCap);
        }
        Ok(Cap(digits))
    }
}

impl TryFrom<&str> for Cap {
    type Error = ProvinciaError;
    fn try_from(value: &str) -> Result<Cap, ProvinciaError> {
        value.parse()
    }
}

impl fmt::Display for Cap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Cap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cap({})", self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Provincia {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Provincia {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Provincia, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Cap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Cap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cap, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_upper_case() {
        assert!(PROVINCE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            PROVINCE
                .iter()
                .all(|(c, _)| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }
}
