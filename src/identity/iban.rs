//! The [`Iban`] of the account a prestatore is paid on.
//!
//! Validation is delegated to the `iban_validate` crate (format, country length and BBAN pattern from the
//! SWIFT IBAN registry, ISO 13616 mod-97 check digits). `iban_validate` does **not** check the
//! Italian CIN (the check letter that opens an Italian BBAN), so this module checks it itself.

use std::fmt;
use std::str::FromStr;

use ::iban::{IbanLike, ParseBaseIbanError, ParseIbanError};

/// The longest IBAN (ISO 13616: at most 34 characters).
const MAX_LEN: usize = 34;
/// The length of an Italian IBAN: `IT`, two check digits, the CIN, ABI (5), CAB (5) and the
/// conto (12), pattern `1!a5!n5!n12!c` of the IBAN registry.
const ITALIAN_LEN: usize = 27;

/// An International Bank Account Number: checked against the IBAN registry and ISO 13616 check
/// digits, and, for Italian IBANs, against the CIN check character.
///
/// Parsing is lenient: spaces anywhere and lowercase letters are accepted (`it60 x054 ...`).
/// [`Display`](fmt::Display) prints the paper format in groups of four
/// (`IT60 X054 2811 1010 0000 0123 456`); [`Iban::electronic`] gives the form without spaces.
/// `Debug` masks the account (`IT60*******************3456`): an IBAN is personal data.
///
/// The type accepts **any** valid IBAN. INPS does not verify that the account belongs to the
/// prestatore: the prestatore declares a conto corrente, libretto postale or prepaid card with
/// IBAN in their own or joint name (PAY-MODES). Whether INPS accepts foreign IBANs is
/// **UNCONFIRMED** (REG-DATA-PRESTATORE); a host that wants to restrict payment to Italian
/// accounts can test [`Iban::is_italian`].
///
/// Legal basis: ISO 13616 (IBAN) and the SWIFT IBAN registry; CIN per the Italian BBAN standard
/// (CIN + ABI + CAB + conto); accredito su IBAN as a payment mode of INPS (PAY-MODES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Iban;
///
/// let iban: Iban = "it60 x054 2811 1010 0000 0123 456".parse()?;
/// assert_eq!(iban.to_string(), "IT60 X054 2811 1010 0000 0123 456");
/// assert_eq!(iban.electronic(), "IT60X0542811101000000123456");
/// assert_eq!(format!("{iban:?}"), "Iban(IT60*******************3456)");
/// assert!(iban.is_italian());
///
/// // One changed digit breaks the check digits.
/// let err = "IT60X0542811101000000123457".parse::<Iban>().unwrap_err();
/// assert_eq!(err.to_string(), "iban check digits are invalid");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Iban(::iban::Iban);

/// Why a text is not a valid [`Iban`].
///
/// Legal basis: ISO 13616 (IBAN) and the SWIFT IBAN registry.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Iban, IbanError};
///
/// assert!("IT60 X054 2811 1010 0000 0123 456".parse::<Iban>().is_ok());
/// let err = "1T60 X054 2811 1010 0000 0123 456".parse::<Iban>().unwrap_err();
/// assert_eq!(err, IbanError::InvalidStart);
/// assert_eq!(err.to_string(), "iban must start with a two-letter country code and two check digits");
/// // A digit left out of an Italian IBAN is named as such, not as wrong check digits.
/// let short = "IT60 X054 2811 1010 0000 0123 45".parse::<Iban>().unwrap_err();
/// assert_eq!(short, IbanError::ItalianLength { length: 26 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IbanError {
    /// The text was empty (or only spaces).
    #[error("iban is empty")]
    Empty,
    /// A character other than an ASCII letter, digit or space.
    #[error("iban has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its zero-based character position in the text as given.
        position: usize,
    },
    /// More than 34 letters and digits.
    #[error("iban has {length} characters, at most 34 are allowed")]
    TooLong {
        /// The number of letters and digits.
        length: usize,
    },
    /// The first four characters are not two letters and two digits.
    #[error("iban must start with a two-letter country code and two check digits")]
    InvalidStart,
    /// The ISO 13616 mod-97 check failed.
    #[error("iban check digits are invalid")]
    InvalidCheckDigits,
    /// The country code is not in the IBAN registry.
    #[error("iban country code {country} is not in the iban registry")]
    UnknownCountry {
        /// The two-letter country code.
        country: String,
    },
    /// The BBAN does not have the length or character pattern of its country.
    #[error("iban bban does not match the length and format of country {country}")]
    InvalidBban {
        /// The two-letter country code.
        country: String,
    },
    /// The Italian CIN check character is wrong.
    #[error("italian cin is {found}, expected {expected}")]
    InvalidCin {
        /// The CIN in the IBAN.
        found: char,
        /// The CIN computed from ABI, CAB and conto.
        expected: char,
    },
    /// An Italian IBAN (`IT`) without its 27 characters, checked before the check digits so
    /// that a character left out or typed twice is named as such.
    #[error("an italian iban has 27 characters, this one has {length}")]
    ItalianLength {
        /// The number of letters and digits given.
        length: usize,
    },
}

impl Iban {
    /// The electronic form: no spaces, upper case (`IT60X0542811101000000123456`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// let iban: Iban = "IT60 X054 2811 1010 0000 0123 456".parse()?;
    /// assert_eq!(iban.electronic(), "IT60X0542811101000000123456");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn electronic(&self) -> &str {
        self.0.electronic_str()
    }

    /// The electronic form, as [`Iban::electronic`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// let iban: Iban = "IT60X0542811101000000123456".parse()?;
    /// assert_eq!(iban.as_str(), "IT60X0542811101000000123456");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.electronic()
    }

    /// The two-letter ISO 3166-1 country code (`IT`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// let iban: Iban = "DE89 3704 0044 0532 0130 00".parse()?;
    /// assert_eq!(iban.country_code(), "DE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn country_code(&self) -> &str {
        self.0.country_code()
    }

    /// Whether the account is Italian (country code `IT`). Whether INPS pays on foreign IBANs is
    /// **UNCONFIRMED** (REG-DATA-PRESTATORE): a host may use this to restrict input.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// assert!("IT60X0542811101000000123456".parse::<Iban>()?.is_italian());
    /// assert!(!"DE89370400440532013000".parse::<Iban>()?.is_italian());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_italian(&self) -> bool {
        self.country_code() == "IT"
    }

    /// The BBAN (the country-specific part after the check digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// let iban: Iban = "IT60X0542811101000000123456".parse()?;
    /// assert_eq!(iban.bban(), "X0542811101000000123456");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn bban(&self) -> &str {
        self.0.bban()
    }

    /// The Italian CIN (check character, first of the BBAN), for Italian IBANs.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// assert_eq!("IT60X0542811101000000123456".parse::<Iban>()?.cin(), Some('X'));
    /// assert_eq!("DE89370400440532013000".parse::<Iban>()?.cin(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cin(&self) -> Option<char> {
        self.italian_part(0..1).and_then(|s| s.chars().next())
    }

    /// The Italian ABI (5-digit bank code), for Italian IBANs.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// assert_eq!("IT60X0542811101000000123456".parse::<Iban>()?.abi(), Some("05428"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn abi(&self) -> Option<&str> {
        self.italian_part(1..6)
    }

    /// The Italian CAB (5-digit branch code), for Italian IBANs.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// assert_eq!("IT60X0542811101000000123456".parse::<Iban>()?.cab(), Some("11101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cab(&self) -> Option<&str> {
        self.italian_part(6..11)
    }

    /// The Italian account number (12 characters), for Italian IBANs.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Iban;
    /// assert_eq!("IT60X0542811101000000123456".parse::<Iban>()?.conto(), Some("000000123456"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn conto(&self) -> Option<&str> {
        self.italian_part(11..23)
    }

    fn italian_part(&self, range: std::ops::Range<usize>) -> Option<&str> {
        if self.is_italian() {
            self.bban().get(range)
        } else {
            None
        }
    }
}

/// The Italian CIN of `abi_cab_conto` (the 22 characters after the CIN), or `None` for a
/// character outside `0-9A-Z`.
///
/// Each character has a value 0-25 (digits 0-9 as A-J); characters at odd positions (1st, 3rd,
/// ...) are converted through the odd table, those at even positions keep their value; the CIN is
/// the letter whose index is the sum modulo 26.
pub(crate) fn italian_cin(abi_cab_conto: &str) -> Option<char> {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let mut sum: u32 = 0;
    for (index, byte) in abi_cab_conto.bytes().enumerate() {
        let value = match byte {
            b'0'..=b'9' => byte - b'0',
            b'A'..=b'Z' => byte - b'A',
            _ => return None,
        };
        let weighted = if index % 2 == 0 {
            *ODD.get(usize::from(value))?
        } else {
            u32::from(value)
        };
        sum = (sum + weighted) % 26;
    }
    let letter = u8::try_from(sum).ok()?;
    Some(char::from(b'A' + letter))
}

impl FromStr for Iban {
    type Err = IbanError;

    /// Parses an IBAN in electronic or paper format; spaces and lowercase letters are accepted.
    fn from_str(input: &str) -> Result<Iban, IbanError> {
        let mut compact = String::with_capacity(MAX_LEN);
        for (position, character) in input.chars().enumerate() {
            match character {
                ' ' => {}
                c if c.is_ascii_alphanumeric() => {
                    if compact.len() == MAX_LEN {
                        let length = input.chars().filter(char::is_ascii_alphanumeric).count();
                        return Err(IbanError::TooLong { length });
                    }
                    compact.push(c.to_ascii_uppercase());
                }
                _ => {
                    return Err(IbanError::InvalidCharacter {
                        character,
                        position,
                    });
                }
            }
        }
        if compact.is_empty() {
            return Err(IbanError::Empty);
        }
        let italian = compact.starts_with("IT")
            && compact
                .as_bytes()
                .get(2..4)
                .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit));
        if italian && compact.len() != ITALIAN_LEN {
            return Err(IbanError::ItalianLength {
                length: compact.len(),
            });
        }
        let parsed = compact.parse::<::iban::Iban>().map_err(|e| match e {
            ParseIbanError::InvalidBaseIban {
                source: ParseBaseIbanError::InvalidChecksum,
            } => IbanError::InvalidCheckDigits,
            ParseIbanError::InvalidBaseIban { .. } => IbanError::InvalidStart,
            ParseIbanError::UnknownCountry(base) => IbanError::UnknownCountry {
                country: base.country_code().to_owned(),
            },
            ParseIbanError::InvalidBban(base) => IbanError::InvalidBban {
                country: base.country_code().to_owned(),
            },
        })?;
        let iban = Iban(parsed);
        if let (Some(found), Some(rest)) = (iban.cin(), iban.bban().get(1..)) {
            // The registry pattern for IT is 1!a5!n5!n12!c, so `rest` is `0-9A-Z` only.
            let expected = italian_cin(rest).unwrap_or(found);
            if found != expected {
                return Err(IbanError::InvalidCin { found, expected });
            }
        }
        Ok(iban)
    }
}

impl TryFrom<&str> for Iban {
    type Error = IbanError;
    fn try_from(value: &str) -> Result<Iban, IbanError> {
        value.parse()
    }
}

impl fmt::Display for Iban {
    /// The paper format: groups of four separated by a space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Iban {
    /// Masks all but the country code, the check digits and the last four characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.electronic();
        let head = s.get(..4).unwrap_or("");
        let tail_start = s.len().saturating_sub(4).max(4);
        let tail = s.get(tail_start..).unwrap_or("");
        let hidden = s.len().saturating_sub(head.len() + tail.len());
        write!(f, "Iban({head}{}{tail})", "*".repeat(hidden))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Iban {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.electronic())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Iban {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Iban, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cin_of_registry_example() {
        // IT60 X054 2811 1010 0000 0123 456: CIN X.
        assert_eq!(italian_cin("0542811101000000123456"), Some('X'));
        assert_eq!(italian_cin("05428-1101000000123456"), None);
    }

    #[test]
    fn iban_validate_does_not_check_the_cin() {
        // CIN changed X -> A, IBAN check digits recomputed (see tests/identity_values.rs).
        let altered = "IT65A0542811101000000123456";
        assert!(altered.parse::<::iban::Iban>().is_ok());
        assert_eq!(
            altered.parse::<Iban>(),
            Err(IbanError::InvalidCin {
                found: 'A',
                expected: 'X'
            })
        );
    }
}
