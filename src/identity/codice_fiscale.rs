//! The [`CodiceFiscale`] (Italian tax code of a person) and the [`BelfioreCode`] it carries.
//!
//! A personal codice fiscale has 16 characters: three for the surname, three for the name, the
//! birth year (two digits), month (one letter), day (two digits, plus 40 for a woman), the
//! four-character Belfiore code of the birthplace, and a check character. When two people would
//! get the same code, the Agenzia delle Entrate replaces digits with letters (omocodia), from the
//! right, in the seven digit positions. A provisional codice fiscale has 11 digits, the last one a
//! check digit computed as for a partita IVA.
//!
//! Legal basis: D.P.R. 29 settembre 1973 n. 605 art. 1-3; D.M. 23 dicembre 1976 (structure and
//! check character); omocodia: D.M. 12 marzo 1974 and Agenzia delle Entrate practice; provisional
//! numeric codes: Agenzia delle Entrate (assigned e.g. to asylum seekers).

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

/// The letters that replace the digits 0-9 in an omocode (`L` = 0 ... `V` = 9).
///
/// Legal basis: D.M. 12/3/1974; Agenzia delle Entrate practice.
const OMOCODE_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// The zero-based positions that may hold an omocode letter, from the right (the order in which
/// the Agenzia delle Entrate substitutes them).
const OMOCODE_POSITIONS: [usize; 7] = [14, 13, 12, 10, 9, 7, 6];

/// The month letters, January first.
///
/// Legal basis: D.M. 23/12/1976.
pub(super) const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";

/// Values of a character in an odd (1st, 3rd, ...) position for the check character, for `0-9`
/// and `A-Z` alike (`0` and `A` both count 1).
///
/// Legal basis: D.M. 23/12/1976.
const ODD_VALUES: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Marker in the byte tables for "not allowed here".
const NONE: u8 = u8::MAX;

/// Byte -> value in an odd position (`NONE` if not a digit or upper-case letter).
static ODD_TABLE: [u8; 256] = build_table(true);
/// Byte -> value in an even position (`NONE` if not a digit or upper-case letter).
static EVEN_TABLE: [u8; 256] = build_table(false);
/// Byte -> digit value for a digit or an omocode letter (`NONE` otherwise).
static DIGIT_TABLE: [u8; 256] = build_digit_table();
/// Byte -> month number 1-12 for a month letter (`NONE` otherwise).
static MONTH_TABLE: [u8; 256] = build_month_table();

const fn build_table(odd: bool) -> [u8; 256] {
    let mut table = [NONE; 256];
    let mut i: u8 = 0;
    while i < 26 {
        let value = if odd { ODD_VALUES[i as usize] } else { i };
        if i < 10 {
            table[(b'0' + i) as usize] = value;
        }
        table[(b'A' + i) as usize] = value;
        i += 1;
    }
    table
}

const fn build_digit_table() -> [u8; 256] {
    let mut table = [NONE; 256];
    let mut i: u8 = 0;
    while i < 10 {
        table[(b'0' + i) as usize] = i;
        table[OMOCODE_LETTERS[i as usize] as usize] = i;
        i += 1;
    }
    table
}

const fn build_month_table() -> [u8; 256] {
    let mut table = [NONE; 256];
    let mut i: u8 = 0;
    while i < 12 {
        table[MONTH_LETTERS[i as usize] as usize] = i + 1;
        i += 1;
    }
    table
}

/// The check character of the first 15 characters of a personal code (which must be upper-case
/// ASCII letters or digits; anything else counts as zero, callers validate first).
///
/// Legal basis: D.M. 23/12/1976.
pub(crate) fn check_character(first15: &[u8]) -> u8 {
    let mut sum: u32 = 0;
    for (i, &b) in first15.iter().take(15).enumerate() {
        // Position i + 1 is odd when i is even.
        let value = if i % 2 == 0 {
            ODD_TABLE[usize::from(b)]
        } else {
            EVEN_TABLE[usize::from(b)]
        };
        if value != NONE {
            sum += u32::from(value);
        }
    }
    // sum % 26 < 26, so the cast and the addition cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let rem = (sum % 26) as u8;
    b'A' + rem
}

/// The check digit of the first 10 digits of a provisional code (partita IVA algorithm).
///
/// Legal basis: D.P.R. 605/1973 art. 2 (partita IVA numbering), Agenzia delle Entrate.
pub(crate) fn provisional_check_digit(first10: &[u8]) -> u8 {
    let mut sum: u32 = 0;
    for (i, &b) in first10.iter().take(10).enumerate() {
        let digit = u32::from(b.wrapping_sub(b'0') % 10);
        if i % 2 == 0 {
            sum += digit;
        } else {
            let doubled = digit * 2;
            sum += if doubled > 9 { doubled - 9 } else { doubled };
        }
    }
    #[allow(clippy::cast_possible_truncation)]
    let digit = ((10 - sum % 10) % 10) as u8;
    b'0' + digit
}

/// Which of the two kinds of codice fiscale a value is.
///
/// Legal basis: D.P.R. 605/1973 (personal code); Agenzia delle Entrate (provisional code).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleKind};
///
/// let cf: CodiceFiscale = "RSSMRA85T10A562S".parse()?;
/// assert_eq!(cf.kind(), CodiceFiscaleKind::Personale);
/// let provisional: CodiceFiscale = "12345678903".parse()?;
/// assert_eq!(provisional.kind(), CodiceFiscaleKind::Provvisorio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CodiceFiscaleKind {
    /// The 16-character alphanumeric code of a person, which encodes name, birth and birthplace.
    Personale,
    /// The 11-digit numeric provisional code (assigned e.g. to asylum seekers); it encodes no
    /// personal data.
    Provvisorio,
}

/// The sex recorded in a personal codice fiscale (the birth day is increased by 40 for a woman).
///
/// Legal basis: D.M. 23/12/1976.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, Sex};
///
/// let cf: CodiceFiscale = "RSSMRA85T50A562W".parse()?;
/// assert_eq!(cf.sex(), Some(Sex::Female));
/// assert_eq!(Sex::Female.to_string(), "F");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Sex {
    /// Male (`M`): birth day 01-31.
    Male,
    /// Female (`F`): birth day 41-71.
    Female,
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sex::Male => "M",
            Sex::Female => "F",
        })
    }
}

/// Why a text is not a valid [`CodiceFiscale`] or [`BelfioreCode`], or why a code does not match
/// the data it is checked against.
///
/// Messages never repeat the whole code (it is personal data).
///
/// Legal basis: D.M. 23/12/1976 (structure and check character).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleError};
///
/// assert!("RSSMRA85T10A562S".parse::<CodiceFiscale>().is_ok());
/// let err = "RSSMRA85T10A562T".parse::<CodiceFiscale>().unwrap_err();
/// assert_eq!(err, CodiceFiscaleError::CheckCharacter { found: 'T', expected: 'S' });
/// assert_eq!(err.to_string(), "codice fiscale check character is T, expected S");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodiceFiscaleError {
    /// The text was empty (after trimming).
    #[error("codice fiscale is empty")]
    Empty,
    /// The text has neither 16 nor 11 characters.
    #[error(
        "codice fiscale has {found} characters, expected 16 (personal) or 11 (provisional, digits only)"
    )]
    Length {
        /// The number of characters found (after trimming).
        found: usize,
    },
    /// A character not allowed in its position.
    #[error("codice fiscale character {position} is {found:?}, expected {expected}")]
    InvalidCharacter {
        /// One-based position of the character.
        position: usize,
        /// The character found (upper-cased).
        found: char,
        /// What the position admits, and what it encodes.
        expected: &'static str,
    },
    /// The check character does not match the first 15 characters.
    #[error("codice fiscale check character is {found}, expected {expected}")]
    CheckCharacter {
        /// The check character given.
        found: char,
        /// The check character computed from the first 15 characters.
        expected: char,
    },
    /// The check digit of a provisional code does not match its first 10 digits.
    #[error("provisional codice fiscale check digit is {found}, expected {expected}")]
    CheckDigit {
        /// The check digit given.
        found: char,
        /// The check digit computed from the first 10 digits.
        expected: char,
    },
    /// Characters 10-11 encode neither 01-31 nor 41-71.
    #[error(
        "codice fiscale birth day (characters 10-11) is {found:02}, expected 01-31 for a man or 41-71 for a woman"
    )]
    Day {
        /// The two-digit value found (omocode letters decoded).
        found: u8,
    },
    /// The birth day does not exist in the birth month in any year the code can denote.
    #[error("codice fiscale birth date {day} {month} does not exist in a year ending {year:02}")]
    NonexistentDate {
        /// The day of the month.
        day: u8,
        /// The month.
        month: Month,
        /// The two-digit year.
        year: u8,
    },
    /// A provisional code carries no birth data.
    #[error("codice fiscale is provisional and carries no birth data")]
    Provisional,
    /// No year the code can denote puts the birth on or before the reference date.
    #[error(
        "codice fiscale birth date falls after the reference date {reference} in every century"
    )]
    BornAfterReference {
        /// The reference date given.
        reference: Date,
    },
    /// The resolved birth date does not exist (29 February of a year that is not a leap year).
    #[error("codice fiscale birth date {year}-{month:02}-{day:02} does not exist")]
    ResolvedDateDoesNotExist {
        /// The resolved four-digit year.
        year: i32,
        /// The month number.
        month: u8,
        /// The day of the month.
        day: u8,
    },
    /// The code encodes a different birth date than the one given.
    #[error("birth date {given} does not match the codice fiscale, which encodes {encoded}")]
    BirthDateMismatch {
        /// The date given.
        given: Date,
        /// What the code encodes, e.g. `85-12-10` (two-digit year).
        encoded: String,
    },
    /// The code encodes a different sex than the one given.
    #[error("sex {given} does not match the codice fiscale, which encodes {encoded}")]
    SexMismatch {
        /// The sex given.
        given: Sex,
        /// The sex the code encodes.
        encoded: Sex,
    },
    /// The code encodes a different birthplace than the one given.
    #[error("birthplace {given} does not match the codice fiscale, which encodes {encoded}")]
    BirthplaceMismatch {
        /// The Belfiore code given.
        given: BelfioreCode,
        /// The Belfiore code in the codice fiscale (omocode letters decoded).
        encoded: BelfioreCode,
    },
    /// A text that is not a Belfiore code (one letter and three digits).
    #[error("belfiore code {problem}")]
    Belfiore {
        /// What is wrong, e.g. `has 3 characters, expected 4`.
        problem: String,
    },
    /// A surname or name holds a character that has no letter A-Z to write in a codice fiscale
    /// (a digit, a symbol, a letter of another script).
    #[error(
        "{part} has the character {found:?}, which a codice fiscale cannot encode (letters, accented letters, apostrophes, spaces, hyphens and full stops only)"
    )]
    NameCharacter {
        /// Surname or name.
        part: NamePart,
        /// The character.
        found: char,
    },
    /// A surname or name without a single letter.
    #[error("{part} has no letters")]
    NameWithoutLetters {
        /// Surname or name.
        part: NamePart,
    },
    /// The three letters a surname or name gives are not those in the code (characters 1-3 for
    /// the surname, 4-6 for the name; omocodia never changes them).
    #[error("{part} letters {given} do not match the codice fiscale, which encodes {encoded}")]
    NameMismatch {
        /// Surname or name.
        part: NamePart,
        /// The three letters the surname or name given gives, e.g. `BNC`.
        given: String,
        /// The three letters in the code.
        encoded: String,
    },
    /// A birth year outside 1800-2099: the code keeps two digits of the year, and
    /// [`CodiceFiscale::birth_year_candidates`] reads them in these three centuries.
    #[error("birth year {year} is outside 1800-2099, the years a codice fiscale can denote")]
    BirthYearOutOfRange {
        /// The year given.
        year: i32,
    },
    /// A Belfiore code that named no comune or foreign state on the birth date and was not
    /// created later either (see `BelfioreCode::is_attributable`, feature `belfiore`).
    #[error(
        "birthplace {birthplace} is not a comune or foreign state that existed on {birth_date}"
    )]
    BirthplaceNotAttributable {
        /// The Belfiore code given.
        birthplace: BelfioreCode,
        /// The birth date given.
        birth_date: Date,
    },
}

/// Which of the two name fields a codice fiscale encodes: the surname (characters 1-3) or the
/// name (characters 4-6).
///
/// Legal basis: D.M. 23/12/1976.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleError, NamePart};
///
/// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
/// let err = cf.check_names("Rossi", "Luca").unwrap_err();
/// assert!(matches!(err, CodiceFiscaleError::NameMismatch { part: NamePart::Name, .. }));
/// assert_eq!(NamePart::Surname.to_string(), "surname");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NamePart {
    /// The surname (cognome): characters 1-3.
    Surname,
    /// The name (nome): characters 4-6.
    Name,
}

impl fmt::Display for NamePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NamePart::Surname => "surname",
            NamePart::Name => "name",
        })
    }
}

/// A valid codice fiscale: a 16-character personal code or an 11-digit provisional code.
///
/// Parsing trims surrounding whitespace and upper-cases the text, then checks the format of
/// every position, the check character (check digit for a provisional code), the birth day
/// (01-31 or 41-71) and that the day exists in the month (29 February only in a year ending with
/// a multiple of 4). Omocode letters (`LMNPQRSTUV` for `0-9`) are accepted in any of the seven
/// digit positions. The value keeps the code as given ([`Display`](fmt::Display), equality);
/// [`CodiceFiscale::canonical`] gives the form without omocode letters.
///
/// The birthplace code is checked for its form only: whether it names a comune or state is a
/// question for the Belfiore table (`Birthplace::lookup`, feature `belfiore`), which
/// changes over time.
///
/// `Debug` masks the middle of the code (`RSSMRA*******562S`): a codice fiscale is personal data.
/// With feature `serde` it (de)serialises as the string, through the same validation.
///
/// Legal basis: D.P.R. 29/9/1973 n. 605; D.M. 23/12/1976 (structure, check character);
/// D.M. 12/3/1974 and Agenzia delle Entrate practice (omocodia); Agenzia delle Entrate
/// (provisional 11-digit codes).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, Sex};
/// use time::Month;
///
/// let cf: CodiceFiscale = " rssmra85t10a562s ".parse()?;
/// assert_eq!(cf.to_string(), "RSSMRA85T10A562S");
/// assert_eq!(cf.sex(), Some(Sex::Male));
/// assert_eq!(cf.birth_month(), Some(Month::December));
/// assert_eq!(format!("{cf:?}"), "CodiceFiscale(RSSMRA*******562S)");
///
/// let err = "RSSMRA85T10A562K".parse::<CodiceFiscale>().unwrap_err();
/// assert_eq!(err.to_string(), "codice fiscale check character is K, expected S");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodiceFiscale {
    /// Upper-case ASCII; for a provisional code the last 5 bytes are zero.
    bytes: [u8; 16],
    /// 16 or 11.
    len: u8,
}

/// What each position of a personal code admits, for error messages.
const PERSONAL_EXPECTED: [&str; 16] = [
    "a letter (surname)",
    "a letter (surname)",
    "a letter (surname)",
    "a letter (name)",
    "a letter (name)",
    "a letter (name)",
    "a digit or one of LMNPQRSTUV (birth year)",
    "a digit or one of LMNPQRSTUV (birth year)",
    "one of ABCDEHLMPRST (birth month)",
    "a digit or one of LMNPQRSTUV (birth day and sex)",
    "a digit or one of LMNPQRSTUV (birth day and sex)",
    "a letter (birthplace)",
    "a digit or one of LMNPQRSTUV (birthplace)",
    "a digit or one of LMNPQRSTUV (birthplace)",
    "a digit or one of LMNPQRSTUV (birthplace)",
    "a letter (check character)",
];

/// Whether byte `b` is allowed at zero-based position `i` of a personal code.
fn personal_char_ok(i: usize, b: u8) -> bool {
    match i {
        0..=5 | 11 | 15 => b.is_ascii_uppercase(),
        6 | 7 | 9 | 10 | 12..=14 => DIGIT_TABLE[usize::from(b)] != NONE,
        8 => MONTH_TABLE[usize::from(b)] != NONE,
        _ => false,
    }
}

/// The value of the two characters at `i`, `i + 1` read as digits (omocode letters decoded);
/// the bytes must have passed `personal_char_ok`.
fn two_digits(bytes: &[u8; 16], i: usize) -> u8 {
    let tens = bytes
        .get(i)
        .map_or(0, |&b| DIGIT_TABLE[usize::from(b)] % 10);
    let units = bytes
        .get(i + 1)
        .map_or(0, |&b| DIGIT_TABLE[usize::from(b)] % 10);
    tens * 10 + units
}

/// Days in a month, with February at 29 if `leap_possible`.
fn max_day(month: u8, leap_possible: bool) -> u8 {
    match month {
        2 if leap_possible => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CodiceFiscale {
    /// Parses and validates a codice fiscale (same as [`str::parse`]).
    ///
    /// # Errors
    ///
    /// A [`CodiceFiscaleError`] naming the position and the problem: [`CodiceFiscaleError::Empty`],
    /// [`CodiceFiscaleError::Length`], [`CodiceFiscaleError::InvalidCharacter`],
    /// [`CodiceFiscaleError::CheckCharacter`], [`CodiceFiscaleError::CheckDigit`],
    /// [`CodiceFiscaleError::Day`] or [`CodiceFiscaleError::NonexistentDate`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    ///
    /// assert!(CodiceFiscale::parse("RSSMRA85T10A562S").is_ok());
    /// assert_eq!(
    ///     CodiceFiscale::parse("RSSMRA85F10A562S").unwrap_err().to_string(),
    ///     "codice fiscale character 9 is 'F', expected one of ABCDEHLMPRST (birth month)"
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<CodiceFiscale, CodiceFiscaleError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CodiceFiscaleError::Empty);
        }
        let raw = text.as_bytes();
        if !text.is_ascii() {
            return Err(Self::non_ascii_error(text));
        }
        let mut bytes = [0u8; 16];
        match raw.len() {
            16 => {
                for (i, (slot, &b)) in bytes.iter_mut().zip(raw).enumerate() {
                    let b = b.to_ascii_uppercase();
                    if !personal_char_ok(i, b) {
                        return Err(CodiceFiscaleError::InvalidCharacter {
                            position: i + 1,
                            found: char::from(b),
                            expected: PERSONAL_EXPECTED.get(i).copied().unwrap_or("a letter"),
                        });
                    }
                    *slot = b;
                }
                let cf = CodiceFiscale { bytes, len: 16 };
                cf.validate_personal()?;
                Ok(cf)
            }
            11 => {
                for (i, (slot, &b)) in bytes.iter_mut().zip(raw).enumerate() {
                    if !b.is_ascii_digit() {
                        return Err(CodiceFiscaleError::InvalidCharacter {
                            position: i + 1,
                            found: char::from(b.to_ascii_uppercase()),
                            expected: "a digit (provisional codice fiscale)",
                        });
                    }
                    *slot = b;
                }
                let expected = provisional_check_digit(&bytes);
                if bytes[10] != expected {
                    return Err(CodiceFiscaleError::CheckDigit {
                        found: char::from(bytes[10]),
                        expected: char::from(expected),
                    });
                }
                Ok(CodiceFiscale { bytes, len: 11 })
            }
            found => Err(CodiceFiscaleError::Length { found }),
        }
    }

    /// The error for a trimmed, non-empty text containing a non-ASCII character.
    fn non_ascii_error(text: &str) -> CodiceFiscaleError {
        let count = text.chars().count();
        if count != 16 && count != 11 {
            return CodiceFiscaleError::Length { found: count };
        }
        let (position, found) = text
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii())
            .unwrap_or((0, '?'));
        let expected = if count == 11 {
            "a digit (provisional codice fiscale)"
        } else {
            PERSONAL_EXPECTED
                .get(position)
                .copied()
                .unwrap_or("a letter")
        };
        CodiceFiscaleError::InvalidCharacter {
            position: position + 1,
            found,
            expected,
        }
    }

    /// Checks the check character, the day and the date of a personal code whose characters
    /// passed `personal_char_ok`.
    fn validate_personal(&self) -> Result<(), CodiceFiscaleError> {
        let expected = check_character(&self.bytes);
        if self.bytes[15] != expected {
            return Err(CodiceFiscaleError::CheckCharacter {
                found: char::from(self.bytes[15]),
                expected: char::from(expected),
            });
        }
        let day_code = two_digits(&self.bytes, 9);
        let day = match day_code {
            1..=31 => day_code,
            41..=71 => day_code - 40,
            found => return Err(CodiceFiscaleError::Day { found }),
        };
        let month = MONTH_TABLE[usize::from(self.bytes[8])];
        let year = two_digits(&self.bytes, 6);
        // Every year ending in a multiple of 4 is a leap year in some century (2000 for 00).
        if day > max_day(month, year.is_multiple_of(4)) {
            return Err(CodiceFiscaleError::NonexistentDate {
                day,
                month: Month::try_from(month).unwrap_or(Month::February),
                year,
            });
        }
        Ok(())
    }

    /// Builds a personal code from 15 upper-case characters already in the right classes and
    /// appends the check character. Used for omocodes and by the proptest strategies.
    pub(crate) fn from_first15(first15: &[u8; 15]) -> CodiceFiscale {
        let mut bytes = [0u8; 16];
        for (slot, &b) in bytes.iter_mut().zip(first15) {
            *slot = b;
        }
        bytes[15] = check_character(&bytes);
        CodiceFiscale { bytes, len: 16 }
    }

    /// The code as given (trimmed and upper-cased), e.g. `RSSMRA85T10A562S`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// assert_eq!(CodiceFiscale::parse("rssmra85t10a562s")?.as_str(), "RSSMRA85T10A562S");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or(&[]);
        // Always ASCII by construction.
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The code's 16 bytes as one number (the ledger's party key): upper-case ASCII, the last
    /// five zero for a provisional code. Never zero, and two codes give the same number only
    /// if they are equal.
    pub(crate) fn packed(&self) -> u128 {
        u128::from_le_bytes(self.bytes)
    }

    /// Whether the code is personal (16 characters) or provisional (11 digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleKind};
    /// assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562S")?.kind(), CodiceFiscaleKind::Personale);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> CodiceFiscaleKind {
        if self.len == 16 {
            CodiceFiscaleKind::Personale
        } else {
            CodiceFiscaleKind::Provvisorio
        }
    }

    /// Whether the code is personal.
    fn is_personal(&self) -> bool {
        self.len == 16
    }

    /// The code without omocode letters (each of `LMNPQRSTUV` in the seven digit positions
    /// turned back into its digit, with the check character recomputed). A code without omocode
    /// letters, and a provisional code, is its own canonical form. The ledger keys parties by it
    /// (reading R-OMOCODE).
    ///
    /// Legal basis: D.M. 12/3/1974; Agenzia delle Entrate practice (omocodia).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// let omocode = CodiceFiscale::parse("RSSMRA85T10A56NH")?;
    /// assert!(omocode.is_omocode());
    /// assert_eq!(omocode.canonical().as_str(), "RSSMRA85T10A562S");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn canonical(&self) -> CodiceFiscale {
        if !self.is_omocode() {
            return *self;
        }
        self.with_mask(0)
    }

    /// The personal code with omocode letters exactly in the positions of `mask` (bit `k` set =
    /// `OMOCODE_POSITIONS[k]` holds a letter), check character recomputed.
    fn with_mask(&self, mask: u8) -> CodiceFiscale {
        let mut first15 = [0u8; 15];
        for (slot, &b) in first15.iter_mut().zip(&self.bytes) {
            *slot = b;
        }
        for (k, &pos) in OMOCODE_POSITIONS.iter().enumerate() {
            if let Some(slot) = first15.get_mut(pos) {
                let digit = DIGIT_TABLE[usize::from(*slot)] % 10;
                *slot = if mask & (1 << k) == 0 {
                    b'0' + digit
                } else {
                    OMOCODE_LETTERS[usize::from(digit)]
                };
            }
        }
        CodiceFiscale::from_first15(&first15)
    }

    /// Whether the code has at least one omocode letter in a digit position.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// assert!(!CodiceFiscale::parse("RSSMRA85T10A562S")?.is_omocode());
    /// assert!(CodiceFiscale::parse("RSSMRA85T10A56NH")?.is_omocode());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_omocode(&self) -> bool {
        self.is_personal()
            && OMOCODE_POSITIONS
                .iter()
                .any(|&pos| self.bytes.get(pos).is_some_and(u8::is_ascii_uppercase))
    }

    /// Every code that differs from this one only by omocode letters: the canonical form first,
    /// then the 127 omocodes (letters in every other combination of the seven digit positions,
    /// the rightmost position varying first). The list includes `self`. A provisional code
    /// yields only itself. The crate treats them all as one holder (reading R-OMOCODE).
    ///
    /// Legal basis: D.M. 12/3/1974; Agenzia delle Entrate practice (omocodia).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// let all: Vec<CodiceFiscale> = cf.omocodes().collect();
    /// assert_eq!(all.len(), 128);
    /// assert_eq!(all[0], cf);
    /// assert_eq!(all[1].as_str(), "RSSMRA85T10A56NH");
    /// assert_eq!(all[127].as_str(), "RSSMRAURTMLARSNL");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn omocodes(&self) -> impl Iterator<Item = CodiceFiscale> + use<> {
        let this = *self;
        let count: u8 = if this.is_personal() { 128 } else { 1 };
        (0..count).map(move |mask| {
            if this.is_personal() {
                this.with_mask(mask)
            } else {
                this
            }
        })
    }

    /// Whether the crate treats two codes as the same holder: equal canonical forms, i.e. equal
    /// or differing only by omocode letters. An omocode is normally given to another person
    /// with the same data; the crate counts the two together, the conservative side for the caps
    /// (reading R-OMOCODE).
    ///
    /// Legal basis: D.M. 12/3/1974; Agenzia delle Entrate practice (omocodia).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// let a = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// let b = CodiceFiscale::parse("RSSMRA85T10A56NH")?;
    /// assert!(a != b && a.same_holder(&b));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn same_holder(&self, other: &CodiceFiscale) -> bool {
        self.canonical() == other.canonical()
    }

    /// The sex encoded in a personal code (`None` for a provisional code).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CodiceFiscale, Sex};
    /// assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562S")?.sex(), Some(Sex::Male));
    /// assert_eq!(CodiceFiscale::parse("12345678903")?.sex(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sex(&self) -> Option<Sex> {
        if !self.is_personal() {
            return None;
        }
        Some(if two_digits(&self.bytes, 9) > 40 {
            Sex::Female
        } else {
            Sex::Male
        })
    }

    /// The day of the month of birth, 1-31 (40 already subtracted for a woman; `None` for a
    /// provisional code).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// assert_eq!(CodiceFiscale::parse("RSSMRA85T50A562W")?.birth_day(), Some(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_day(&self) -> Option<u8> {
        if !self.is_personal() {
            return None;
        }
        let code = two_digits(&self.bytes, 9);
        Some(if code > 40 { code - 40 } else { code })
    }

    /// The month of birth (`None` for a provisional code).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// use time::Month;
    /// assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562S")?.birth_month(), Some(Month::December));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_month(&self) -> Option<Month> {
        if !self.is_personal() {
            return None;
        }
        Month::try_from(MONTH_TABLE[usize::from(self.bytes[8])]).ok()
    }

    /// The last two digits of the birth year, 0-99 (`None` for a provisional code).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// assert_eq!(CodiceFiscale::parse("RSSMRA85T10A562S")?.birth_year_two_digits(), Some(85));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_year_two_digits(&self) -> Option<u8> {
        self.is_personal().then(|| two_digits(&self.bytes, 6))
    }

    /// The years the code can denote, oldest first: `18yy`, `19yy`, `20yy` (the code gives the
    /// year modulo 100; codes exist since 1976, so earlier centuries are impossible for a living
    /// holder). `None` for a provisional code. See [`CodiceFiscale::resolve_birth_date`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// assert_eq!(cf.birth_year_candidates(), Some([1885, 1985, 2085]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_year_candidates(&self) -> Option<[i32; 3]> {
        let yy = i32::from(self.birth_year_two_digits()?);
        Some([1800 + yy, 1900 + yy, 2000 + yy])
    }

    /// The birth date, taking the latest candidate year that does not put the birth after
    /// `reference` (typically the date the code is checked on, or the date of a document).
    ///
    /// Reading: the code gives the year modulo 100 only, so the holder is taken to be younger
    /// than 100 years at `reference` (this is what every registry must assume; a holder aged 100
    /// or more is taken a century too young).
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::Provisional`] for a provisional code;
    /// [`CodiceFiscaleError::BornAfterReference`] if even the 19th-century candidate falls after
    /// `reference`; [`CodiceFiscaleError::ResolvedDateDoesNotExist`] for 29 February of a year
    /// that is not a leap year (e.g. 1900).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// use time::macros::date;
    ///
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// assert_eq!(cf.resolve_birth_date(date!(2025 - 01 - 01))?, date!(1985 - 12 - 10));
    /// let young = CodiceFiscale::parse("RSSMRA05T10A562A")?;
    /// assert_eq!(young.resolve_birth_date(date!(2025 - 01 - 01))?, date!(2005 - 12 - 10));
    /// assert_eq!(young.resolve_birth_date(date!(2005 - 12 - 09))?, date!(1905 - 12 - 10));
    ///
    /// // 29 February 1900 does not exist.
    /// let leap = CodiceFiscale::parse("RSSMRA00B29A562C")?;
    /// assert!(leap.resolve_birth_date(date!(1950 - 01 - 01)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_birth_date(&self, reference: Date) -> Result<Date, CodiceFiscaleError> {
        let (Some(candidates), Some(month), Some(day)) = (
            self.birth_year_candidates(),
            self.birth_month(),
            self.birth_day(),
        ) else {
            return Err(CodiceFiscaleError::Provisional);
        };
        let key = |year: i32| (year, month as u8, day);
        let reference_key = (reference.year(), reference.month() as u8, reference.day());
        let year = candidates
            .iter()
            .rev()
            .copied()
            .find(|&year| key(year) <= reference_key)
            .ok_or(CodiceFiscaleError::BornAfterReference { reference })?;
        Date::from_calendar_date(year, month, day).map_err(|_| {
            CodiceFiscaleError::ResolvedDateDoesNotExist {
                year,
                month: month as u8,
                day,
            }
        })
    }

    /// The Belfiore code of the birthplace, omocode letters decoded (`None` for a provisional
    /// code).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A56NH")?;
    /// assert_eq!(cf.belfiore_code().map(|c| c.to_string()).as_deref(), Some("A562"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn belfiore_code(&self) -> Option<BelfioreCode> {
        if !self.is_personal() {
            return None;
        }
        let mut code = [self.bytes[11], b'0', b'0', b'0'];
        for (slot, &b) in code.iter_mut().skip(1).zip(self.bytes.iter().skip(12)) {
            *slot = b'0' + DIGIT_TABLE[usize::from(b)] % 10;
        }
        Some(BelfioreCode(code))
    }

    /// Checks a birth date and sex (e.g. from a registration form) against the code: the date's
    /// day, month and last two year digits, and the sex, must be those encoded.
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::Provisional`], [`CodiceFiscaleError::BirthDateMismatch`] or
    /// [`CodiceFiscaleError::SexMismatch`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CodiceFiscale, Sex};
    /// use time::macros::date;
    ///
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// cf.check_birth(date!(1985 - 12 - 10), Sex::Male)?;
    /// assert_eq!(
    ///     cf.check_birth(date!(1985 - 12 - 11), Sex::Male).unwrap_err().to_string(),
    ///     "birth date 1985-12-11 does not match the codice fiscale, which encodes 85-12-10"
    /// );
    /// assert!(cf.check_birth(date!(1985 - 12 - 10), Sex::Female).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_birth(&self, date: Date, sex: Sex) -> Result<(), CodiceFiscaleError> {
        let (Some(yy), Some(month), Some(day), Some(encoded_sex)) = (
            self.birth_year_two_digits(),
            self.birth_month(),
            self.birth_day(),
            self.sex(),
        ) else {
            return Err(CodiceFiscaleError::Provisional);
        };
        if i32::from(yy) != date.year().rem_euclid(100)
            || month != date.month()
            || day != date.day()
        {
            return Err(CodiceFiscaleError::BirthDateMismatch {
                given: date,
                encoded: format!("{yy:02}-{:02}-{day:02}", month as u8),
            });
        }
        if sex != encoded_sex {
            return Err(CodiceFiscaleError::SexMismatch {
                given: sex,
                encoded: encoded_sex,
            });
        }
        Ok(())
    }

    /// Whether a birth date and sex agree with the code (see [`CodiceFiscale::check_birth`]);
    /// `false` for a provisional code.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CodiceFiscale, Sex};
    /// use time::macros::date;
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A562S")?;
    /// assert!(cf.matches_birth(date!(1985 - 12 - 10), Sex::Male));
    /// assert!(!cf.matches_birth(date!(1885 - 12 - 11), Sex::Male));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn matches_birth(&self, date: Date, sex: Sex) -> bool {
        self.check_birth(date, sex).is_ok()
    }

    /// Checks a birthplace's Belfiore code against the one encoded (omocode letters decoded).
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::Provisional`] or [`CodiceFiscaleError::BirthplaceMismatch`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{BelfioreCode, CodiceFiscale};
    /// let cf = CodiceFiscale::parse("RSSMRA85T10A56NH")?;
    /// cf.check_birthplace("A562".parse()?)?;
    /// assert_eq!(
    ///     cf.check_birthplace("H501".parse()?).unwrap_err().to_string(),
    ///     "birthplace H501 does not match the codice fiscale, which encodes A562"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_birthplace(&self, birthplace: BelfioreCode) -> Result<(), CodiceFiscaleError> {
        let encoded = self
            .belfiore_code()
            .ok_or(CodiceFiscaleError::Provisional)?;
        if encoded == birthplace {
            Ok(())
        } else {
            Err(CodiceFiscaleError::BirthplaceMismatch {
                given: birthplace,
                encoded,
            })
        }
    }

    /// The masked form used by `Debug`: first 6 and last 4 characters of a personal code, first
    /// and last 2 digits of a provisional one, the middle as `*******`.
    fn masked(&self) -> String {
        let text = self.as_str();
        let (head, tail) = if self.is_personal() { (6, 4) } else { (2, 2) };
        let start = text.get(..head).unwrap_or_default();
        let end = text
            .get(text.len().saturating_sub(tail)..)
            .unwrap_or_default();
        format!("{start}*******{end}")
    }
}

impl FromStr for CodiceFiscale {
    type Err = CodiceFiscaleError;

    fn from_str(text: &str) -> Result<CodiceFiscale, CodiceFiscaleError> {
        CodiceFiscale::parse(text)
    }
}

impl TryFrom<&str> for CodiceFiscale {
    type Error = CodiceFiscaleError;

    fn try_from(text: &str) -> Result<CodiceFiscale, CodiceFiscaleError> {
        CodiceFiscale::parse(text)
    }
}

impl fmt::Display for CodiceFiscale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CodiceFiscale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodiceFiscale({})", self.masked())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CodiceFiscale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for CodiceFiscale {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<CodiceFiscale, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A Belfiore code: the four-character cadastral code of an Italian comune (`H501` = Roma) or,
/// with `Z`, of a foreign state (`Z404` = United States), as in characters 12-15 of a personal
/// codice fiscale with omocode letters decoded.
///
/// The value checks the form only (a letter and three digits); whether a code names a place on
/// a date is answered by the Belfiore table (`Birthplace::lookup`, feature `belfiore`).
///
/// Legal basis: D.M. 23/12/1976 (birthplace code in the codice fiscale); codes from the
/// Agenzia delle Entrate / ANPR.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::BelfioreCode;
///
/// let roma: BelfioreCode = "h501".parse()?;
/// assert_eq!(roma.as_str(), "H501");
/// assert!(!roma.is_foreign_state());
/// assert!("Z404".parse::<BelfioreCode>()?.is_foreign_state());
/// assert_eq!(
///     "H5O1".parse::<BelfioreCode>().unwrap_err().to_string(),
///     "belfiore code character 3 is 'O', expected a digit"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BelfioreCode([u8; 4]);

impl BelfioreCode {
    /// Builds a code from four bytes already known to be a letter and three digits.
    #[cfg(feature = "belfiore")]
    pub(crate) const fn from_bytes_unchecked(bytes: [u8; 4]) -> BelfioreCode {
        BelfioreCode(bytes)
    }

    /// The four bytes of the code.
    pub(crate) const fn bytes(self) -> [u8; 4] {
        self.0
    }

    /// The code, e.g. `H501`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::BelfioreCode;
    /// assert_eq!(" z404 ".parse::<BelfioreCode>()?.as_str(), "Z404");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Whether the code is a foreign state's (`Z` followed by three digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::BelfioreCode;
    /// assert!("Z100".parse::<BelfioreCode>()?.is_foreign_state());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_foreign_state(&self) -> bool {
        self.0[0] == b'Z'
    }
}

impl FromStr for BelfioreCode {
    type Err = CodiceFiscaleError;

    fn from_str(text: &str) -> Result<BelfioreCode, CodiceFiscaleError> {
        let text = text.trim();
        let count = text.chars().count();
        if count != 4 {
            return Err(CodiceFiscaleError::Belfiore {
                problem: format!("has {count} characters, expected 4"),
            });
        }
        let mut bytes = [0u8; 4];
        for (i, (slot, c)) in bytes.iter_mut().zip(text.chars()).enumerate() {
            let c = c.to_ascii_uppercase();
            let ok = if i == 0 {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_digit()
            };
            if !ok {
                let expected = if i == 0 { "a letter" } else { "a digit" };
                return Err(CodiceFiscaleError::Belfiore {
                    problem: format!("character {} is {c:?}, expected {expected}", i + 1),
                });
            }
            // ASCII, checked above.
            *slot = u8::try_from(c).unwrap_or(b'0');
        }
        Ok(BelfioreCode(bytes))
    }
}

impl fmt::Display for BelfioreCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for BelfioreCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BelfioreCode({})", self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for BelfioreCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BelfioreCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<BelfioreCode, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_character_of_known_code() {
        assert_eq!(check_character(b"RSSMRA85T10A562"), b'S');
    }

    #[test]
    fn provisional_check_digit_of_known_number() {
        // 1234567890: odd positions 1+3+5+7+9 = 25, even 2,4,6,8,0 doubled -> 4+8+3+7+0 = 22;
        // 47 -> check (10 - 7) % 10 = 3.
        assert_eq!(provisional_check_digit(b"1234567890"), b'3');
    }

    #[test]
    fn tables_are_consistent() {
        for (i, &letter) in OMOCODE_LETTERS.iter().enumerate() {
            assert_eq!(usize::from(DIGIT_TABLE[usize::from(letter)]), i);
        }
        assert_eq!(MONTH_TABLE[usize::from(b'T')], 12);
        assert_eq!(ODD_TABLE[usize::from(b'0')], ODD_TABLE[usize::from(b'A')]);
        assert_eq!(EVEN_TABLE[usize::from(b'Z')], 25);
        // Only digits and upper-case letters have a value: the bytes around them have none.
        for b in [b'/', b':', b'@', b'[', b'a'] {
            assert_eq!(ODD_TABLE[usize::from(b)], NONE, "{}", char::from(b));
            assert_eq!(EVEN_TABLE[usize::from(b)], NONE, "{}", char::from(b));
        }
    }

    #[test]
    fn check_character_counts_other_bytes_as_zero() {
        // As documented: a byte that is not an upper-case letter or a digit adds nothing.
        assert_eq!(check_character(b"::::::::::::::::"), b'A');
        assert_eq!(
            check_character(b"RSSMRA85T10A56:"),
            check_character(b"RSSMRA85T10A56#")
        );
    }

    #[test]
    fn masked_provisional() {
        let cf = CodiceFiscale::parse("12345678903").unwrap();
        assert_eq!(format!("{cf:?}"), "CodiceFiscale(12*******03)");
    }
}
