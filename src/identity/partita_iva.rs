//! The Italian VAT number: [`PartitaIva`].

use std::fmt;
use std::str::FromStr;

/// An Italian partita IVA: 11 digits, the last a check digit.
///
/// Structure (Agenzia delle Entrate): digits 1-7 are the taxpayer's serial number (matricola),
/// digits 8-10 the code of the office that assigned it, digit 11 the check digit. The office code
/// is `001`-`100` (provincial offices), `120` or `121`, `888` or `999`. The check digit is a Luhn
/// variant: add the digits in odd positions (1st, 3rd, ..., 9th); for each digit in an even
/// position (2nd, ..., 10th) add its double, minus 9 when the double exceeds 9; the check digit is
/// `(10 - sum % 10) % 10`.
///
/// Surrounding whitespace is trimmed; nothing else is accepted (no `IT` prefix, no inner spaces).
/// An utilizzatore that is an impresa or professionista identifies itself by partita IVA
/// (REG-DATA-UTILIZZATORE).
///
/// Legal basis: D.P.R. 26/10/1972 n. 633 art. 35 (attribution of the partita IVA); D.M.
/// 23/12/1976 (structure and check digit).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PartitaIva;
///
/// let piva: PartitaIva = " 00743110157 ".parse()?;
/// assert_eq!(piva.as_str(), "00743110157");
/// assert_eq!(piva.office_code(), "015");
///
/// let err = "00743110158".parse::<PartitaIva>().unwrap_err();
/// assert_eq!(err.to_string(), "partita iva check digit is 8, expected 7");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartitaIva([u8; 11]);

/// Why a text is not a valid [`PartitaIva`].
///
/// Legal basis: D.P.R. 26/10/1972 n. 633 art. 35 (attribution of the partita IVA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{PartitaIva, PartitaIvaError};
///
/// assert!("00743110157".parse::<PartitaIva>().is_ok());
/// let err = "0074311015".parse::<PartitaIva>().unwrap_err();
/// assert_eq!(err, PartitaIvaError::WrongLength { length: 10 });
/// assert_eq!(err.to_string(), "partita iva has 10 digits, expected 11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartitaIvaError {
    /// The text was empty (after trimming).
    #[error("partita iva is empty")]
    Empty,
    /// A character other than a digit.
    #[error("partita iva has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its zero-based character position in the trimmed text.
        position: usize,
    },
    /// Not exactly 11 digits.
    #[error("partita iva has {length} digits, expected 11")]
    WrongLength {
        /// The number of characters after trimming.
        length: usize,
    },
    /// The check digit (11th) does not match the others.
    #[error("partita iva check digit is {found}, expected {expected}")]
    InvalidCheckDigit {
        /// The 11th digit as given.
        found: u8,
        /// The check digit computed from digits 1-10.
        expected: u8,
    },
    /// Digits 8-10 are not an office code of the Agenzia delle Entrate.
    #[error(
        "partita iva office code (digits 8-10) is {code}, expected 001-100, 120, 121, 888 or 999"
    )]
    InvalidOfficeCode {
        /// Digits 8-10.
        code: String,
    },
    /// The serial number (digits 1-7) is all zeros.
    #[error("partita iva serial number (digits 1-7) is 0000000")]
    ZeroSerial,
}

impl PartitaIva {
    /// The 11 digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::PartitaIva;
    /// assert_eq!("00743110157".parse::<PartitaIva>()?.as_str(), "00743110157");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The 11 ASCII digits as one number (the ledger's party key), with byte 15 set to 1: a byte
    /// no codice fiscale holds (upper-case ASCII or, in a provisional code's last five, zero),
    /// so a partita IVA never packs to the number of a codice fiscale.
    pub(crate) fn packed(&self) -> u128 {
        let mut bytes = [0u8; 16];
        for (b, d) in bytes.iter_mut().zip(&self.0) {
            *b = *d;
        }
        if let Some(tag) = bytes.last_mut() {
            *tag = 1;
        }
        u128::from_le_bytes(bytes)
    }

    /// The office code (digits 8-10).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::PartitaIva;
    /// assert_eq!("00743110157".parse::<PartitaIva>()?.office_code(), "015");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn office_code(&self) -> &str {
        self.as_str().get(7..10).unwrap_or("")
    }

    /// The check digit `(10 - sum % 10) % 10` of the first ten digits (values 0-9), or `None`
    /// when a value is not a digit.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::PartitaIva;
    /// assert_eq!(PartitaIva::check_digit(&[0, 0, 7, 4, 3, 1, 1, 0, 1, 5]), Some(7));
    /// assert_eq!(PartitaIva::check_digit(&[0, 0, 7, 4, 3, 1, 1, 0, 1, 10]), None);
    /// ```
    #[must_use]
    pub fn check_digit(first_ten: &[u8; 10]) -> Option<u8> {
        let mut sum: u8 = 0;
        for (index, &digit) in first_ten.iter().enumerate() {
            if digit > 9 {
                return None;
            }
            let weighted = if index % 2 == 0 {
                digit
            } else {
                let double = digit * 2;
                if double > 9 { double - 9 } else { double }
            };
            sum = (sum + weighted) % 10;
        }
        Some((10 - sum) % 10)
    }
}

fn is_office_code(code: u16) -> bool {
    matches!(code, 1..=100 | 120 | 121 | 888 | 999)
}

impl FromStr for PartitaIva {
    type Err = PartitaIvaError;

    fn from_str(input: &str) -> Result<PartitaIva, PartitaIvaError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(PartitaIvaError::Empty);
        }
        if let Some((index, character)) =
            text.chars().enumerate().find(|(_, c)| !c.is_ascii_digit())
        {
            return Err(PartitaIvaError::InvalidCharacter {
                character,
                position: index,
            });
        }
        let digits: [u8; 11] = text
            .as_bytes()
            .try_into()
            .map_err(|_| PartitaIvaError::WrongLength { length: text.len() })?;
        let values = digits.map(|b| b - b'0');
        let [first_ten @ .., found] = values;
        let expected = PartitaIva::check_digit(&first_ten).unwrap_or(10);
        if found != expected {
            return Err(PartitaIvaError::InvalidCheckDigit { found, expected });
        }
        let [_, _, _, _, _, _, _, o1, o2, o3, _] = values;
        let office = u16::from(o1) * 100 + u16::from(o2) * 10 + u16::from(o3);
        if !is_office_code(office) {
            return Err(PartitaIvaError::InvalidOfficeCode {
                code: text.get(7..10).unwrap_or("").to_owned(),
            });
        }
        if values.iter().take(7).all(|&d| d == 0) {
            return Err(PartitaIvaError::ZeroSerial);
        }
        Ok(PartitaIva(digits))
    }
}

impl TryFrom<&str> for PartitaIva {
    type Error = PartitaIvaError;
    fn try_from(value: &str) -> Result<PartitaIva, PartitaIvaError> {
        value.parse()
    }
}

impl fmt::Display for PartitaIva {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for PartitaIva {
    /// Not masked: a partita IVA identifies a business and is public (VIES, invoices).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartitaIva({})", self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PartitaIva {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PartitaIva {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PartitaIva, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_codes() {
        assert!(!is_office_code(0));
        assert!(is_office_code(1));
        assert!(is_office_code(100));
        assert!(!is_office_code(101));
        assert!(!is_office_code(119));
        assert!(is_office_code(120));
        assert!(is_office_code(121));
        assert!(!is_office_code(122));
        assert!(is_office_code(888));
        assert!(is_office_code(999));
    }
}
