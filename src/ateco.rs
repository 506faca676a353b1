//! ATECO 2007 activity codes ([`AtecoCode`], [`Section`]) and the sector lists that matter under
//! art. 54-bis D.L. 50/2017 ([`Sector`]).
//!
//! This module only classifies codes: each [`Sector`] is a cited list of ATECO prefixes. It does
//! **not** say from when a list matters (e.g. the events list from 5/5/2023, discoteche from
//! 1/1/2023, the agricultural ban from 1/1/2023): that is the dated rules table's job.

use std::fmt;
use std::str::FromStr;

/// An ATECO 2007 code at any level: division (`82`), group (`82.3`), class (`82.30`), category
/// (`82.30.0`) or subcategory (`82.30.00`).
///
/// Parsing accepts only the dotted form: two digits, then optionally `.` and one or two digits,
/// then optionally `.` and one or two digits (surrounding whitespace is trimmed). The division
/// must exist in ATECO 2007 (e.g. `04` does not). [`Display`](fmt::Display) gives the same dotted
/// form. A shorter code is a prefix of the longer codes below it: see [`AtecoCode::is_within`].
///
/// Legal basis: ISTAT ATECO 2007 classification (Italian version of NACE Rev. 2); INPS uses the
/// utilizzatore's primary and/or prevalent ATECO code (CAP-UTILIZZATORE-EVENTS).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, Section};
///
/// let code: AtecoCode = "93.29.10".parse()?;
/// assert_eq!(code.section(), Section::R);
/// assert!(code.is_within(&"93.29.1".parse()?));
/// assert_eq!(code.to_string(), "93.29.10");
///
/// let err = "93291".parse::<AtecoCode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "ateco code \"93291\" is malformed, expected the dotted form 93, 93.2, 93.29, 93.29.1 or 93.29.10"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AtecoCode {
    /// Digit values 0-9; unused trailing places are 0.
    digits: [u8; 6],
    /// How many digits are significant: 2 (division) to 6 (subcategory).
    len: u8,
}

/// Why a text is not a valid [`AtecoCode`].
///
/// Legal basis: ISTAT ATECO 2007 classification (the divisions that exist).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, AtecoError};
///
/// assert!("01.11".parse::<AtecoCode>().is_ok());
/// let err = "04.10".parse::<AtecoCode>().unwrap_err();
/// assert_eq!(err, AtecoError::UnknownDivision { division: 4 });
/// assert_eq!(err.to_string(), "ateco division 04 does not exist in ateco 2007");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AtecoError {
    /// The text was empty.
    #[error("ateco code is empty")]
    Empty,
    /// Not in the dotted form.
    #[error(
        "ateco code {input:?} is malformed, expected the dotted form 93, 93.2, 93.29, 93.29.1 or 93.29.10"
    )]
    Malformed {
        /// The text as given (at most 16 characters kept).
        input: String,
    },
    /// The division (first two digits) is not in ATECO 2007.
    #[error("ateco division {division:02} does not exist in ateco 2007")]
    UnknownDivision {
        /// The two-digit division.
        division: u8,
    },
}

/// The 21 sections (A-U) of ATECO 2007, each a range of divisions.
///
/// Legal basis: ISTAT ATECO 2007 (NACE Rev. 2) structure.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, Section};
/// assert_eq!("41.20.00".parse::<AtecoCode>()?.section(), Section::F);
/// assert_eq!(Section::F.letter(), 'F');
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Section {
    /// Section A: divisions 01-03.
    A,
    /// Section B: divisions 05-09.
    B,
    /// Section C: divisions 10-33.
    C,
    /// Section D: division 35.
    D,
    /// Section E: divisions 36-39.
    E,
    /// Section F: divisions 41-43.
    F,
    /// Section G: divisions 45-47.
    G,
    /// Section H: divisions 49-53.
    H,
    /// Section I: divisions 55-56.
    I,
    /// Section J: divisions 58-63.
    J,
    /// Section K: divisions 64-66.
    K,
    /// Section L: division 68.
    L,
    /// Section M: divisions 69-75.
    M,
    /// Section N: divisions 77-82.
    N,
    /// Section O: division 84.
    O,
    /// Section P: division 85.
    P,
    /// Section Q: divisions 86-88.
    Q,
    /// Section R: divisions 90-93.
    R,
    /// Section S: divisions 94-96.
    S,
    /// Section T: divisions 97-98.
    T,
    /// Section U: division 99.
    U,
}

impl Section {
    /// The section letter.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Section;
    /// assert_eq!(Section::U.letter(), 'U');
    /// ```
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Section::A => 'A',
            Section::B => 'B',
            Section::C => 'C',
            Section::D => 'D',
            Section::E => 'E',
            Section::F => 'F',
            Section::G => 'G',
            Section::H => 'H',
            Section::I => 'I',
            Section::J => 'J',
            Section::K => 'K',
            Section::L => 'L',
            Section::M => 'M',
            Section::N => 'N',
            Section::O => 'O',
            Section::P => 'P',
            Section::Q => 'Q',
            Section::R => 'R',
            Section::S => 'S',
            Section::T => 'T',
            Section::U => 'U',
        }
    }

    /// The ISTAT title of the section (Italian).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Section;
    /// assert_eq!(Section::F.title(), "Costruzioni");
    /// ```
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Section::A => "Agricoltura, silvicoltura e pesca",
            Section::B => "Estrazione di minerali da cave e miniere",
            Section::C => "Attività manifatturiere",
            Section::D => "Fornitura di energia elettrica, gas, vapore e aria condizionata",
            Section::E => {
                "Fornitura di acqua; reti fognarie, attività di gestione dei rifiuti e risanamento"
            }
            Section::F => "Costruzioni",
            Section::G => {
                "Commercio all'ingrosso e al dettaglio; riparazione di autoveicoli e motocicli"
            }
            Section::H => "Trasporto e magazzinaggio",
            Section::I => "Attività dei servizi di alloggio e di ristorazione",
            Section::J => "Servizi di informazione e comunicazione",
            Section::K => "Attività finanziarie e assicurative",
            Section::L => "Attività immobiliari",
            Section::M => "Attività professionali, scientifiche e tecniche",
            Section::N => "Noleggio, agenzie di viaggio, servizi di supporto alle imprese",
            Section::O => "Amministrazione pubblica e difesa; assicurazione sociale obbligatoria",
            Section::P => "Istruzione",
            Section::Q => "Sanità e assistenza sociale",
            Section::R => "Attività artistiche, sportive, di intrattenimento e divertimento",
            Section::S => "Altre attività di servizi",
            Section::T => {
                "Attività di famiglie e convivenze come datori di lavoro per personale domestico; produzione di beni e servizi indifferenziati per uso proprio da parte di famiglie e convivenze"
            }
            Section::U => "Organizzazioni ed organismi extraterritoriali",
        }
    }

    /// The section of a division, or `None` for a number that is not an ATECO 2007 division.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Section;
    /// assert_eq!(Section::of_division(55), Some(Section::I));
    /// assert_eq!(Section::of_division(4), None);
    /// ```
    #[must_use]
    pub const fn of_division(division: u8) -> Option<Section> {
        Some(match division {
            1..=3 => Section::A,
            5..=9 => Section::B,
            10..=33 => Section::C,
            35 => Section::D,
            36..=39 => Section::E,
            41..=43 => Section::F,
            45..=47 => Section::G,
            49..=53 => Section::H,
            55 | 56 => Section::I,
            58..=63 => Section::J,
            64..=66 => Section::K,
            68 => Section::L,
            69..=75 => Section::M,
            77..=82 => Section::N,
            84 => Section::O,
            85 => Section::P,
            86..=88 => Section::Q,
            90..=93 => Section::R,
            94..=96 => Section::S,
            97 | 98 => Section::T,
            99 => Section::U,
            _ => return None,
        })
    }
}

impl fmt::Display for Section {
    /// The section letter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl AtecoCode {
    /// A code from trusted constant digits (the sector tables). Not public: input goes through
    /// [`FromStr`]. A unit test checks every constant through the parser.
    const fn constant(digits: [u8; 6], len: u8) -> AtecoCode {
        AtecoCode { digits, len }
    }

    /// The division (first two digits), e.g. `82`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// assert_eq!("82.30.00".parse::<AtecoCode>()?.division(), 82);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn division(&self) -> u8 {
        let [d1, d2, ..] = self.digits;
        d1 * 10 + d2
    }

    /// The ATECO 2007 section of the code's division.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Section};
    /// assert_eq!("08.11".parse::<AtecoCode>()?.section(), Section::B);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn section(&self) -> Section {
        // Every constructor checks the division, so `None` cannot occur; U is a harmless default.
        Section::of_division(self.division()).unwrap_or(Section::U)
    }

    /// How many digits the code has: 2 (division), 3 (group), 4 (class), 5 (category) or 6
    /// (subcategory).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// assert_eq!("93.29.1".parse::<AtecoCode>()?.depth(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn depth(&self) -> u8 {
        self.len
    }

    /// Whether `self` is `prefix` or falls under it: `93.29.10` is within `93.29.1`, `93.29` and
    /// `93`, and within itself; `93.29` is not within `93.29.1`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// let code: AtecoCode = "93.29.10".parse()?;
    /// assert!(code.is_within(&"93.29.1".parse()?));
    /// assert!(!code.is_within(&"93.21".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_within(&self, prefix: &AtecoCode) -> bool {
        let n = usize::from(prefix.len);
        self.len >= prefix.len && self.digits.get(..n) == prefix.digits.get(..n)
    }

    /// Whether `other` is within `self` (the converse of [`AtecoCode::is_within`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// let division: AtecoCode = "55".parse()?;
    /// assert!(division.contains(&"55.10.00".parse()?));
    /// assert!(!division.contains(&"56.10.11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, other: &AtecoCode) -> bool {
        other.is_within(self)
    }

    /// The [`Sector`] lists the code falls in (possibly none, possibly several: `08.11` is both
    /// stone working and mining).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector};
    /// let code: AtecoCode = "08.11.00".parse()?;
    /// let sectors: Vec<Sector> = code.sectors().collect();
    /// assert_eq!(sectors, [Sector::StoneWorking, Sector::Mining]);
    /// assert_eq!("62.01.00".parse::<AtecoCode>()?.sectors().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sectors(&self) -> impl Iterator<Item = Sector> + '_ {
        Sector::ALL.iter().copied().filter(|s| s.includes(self))
    }
}

impl FromStr for AtecoCode {
    type Err = AtecoError;

    fn from_str(input: &str) -> Result<AtecoCode, AtecoError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(AtecoError::Empty);
        }
        let malformed = || AtecoError::Malformed {
            input: input.chars().take(16).collect(),
        };
        let mut parts = text.split('.');
        let mut digits = [0_u8; 6];
        let mut len: usize = 0;
        // (number of the part, allowed digit counts)
        for (index, part) in parts.by_ref().take(3).enumerate() {
            let allowed = if index == 0 { 2..=2 } else { 1..=2 };
            // A second-level part of one digit must be the last (`82.3.0` is malformed).
            if !allowed.contains(&part.len())
                || !part.bytes().all(|b| b.is_ascii_digit())
                || (index > 0 && !len.is_multiple_of(2))
            {
                return Err(malformed());
            }
            for b in part.bytes() {
                let slot = digits.get_mut(len).ok_or_else(malformed)?;
                *slot = b - b'0';
                len += 1;
            }
        }
        if parts.next().is_some() {
            return Err(malformed());
        }
        let code = AtecoCode {
            digits,
            len: u8::try_from(len).map_err(|_| malformed())?,
        };
        let division = code.division();
        if Section::of_division(division).is_none() {
            return Err(AtecoError::UnknownDivision { division });
        }
        Ok(code)
    }
}

impl TryFrom<&str> for AtecoCode {
    type Error = AtecoError;
    fn try_from(value: &str) -> Result<AtecoCode, AtecoError> {
        value.parse()
    }
}

impl fmt::Display for AtecoCode {
    /// The dotted form: `82`, `82.3`, `82.30`, `82.30.0`, `82.30.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, digit) in self.digits.iter().take(usize::from(self.len)).enumerate() {
            if index == 2 || index == 4 {
                f.write_str(".")?;
            }
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for AtecoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AtecoCode({self})")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AtecoCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AtecoCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AtecoCode, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Shorthand for the constant tables: `code!(8, 2, 3, 0, 0, 0; 6)`.
macro_rules! code {
    ($a:literal, $b:literal) => {
        AtecoCode::constant([$a, $b, 0, 0, 0, 0], 2)
    };
    ($a:literal, $b:literal, $c:literal, $d:literal) => {
        AtecoCode::constant([$a, $b, $c, $d, 0, 0], 4)
    };
    ($a:literal, $b:literal, $c:literal, $d:literal, $e:literal) => {
        AtecoCode::constant([$a, $b, $c, $d, $e, 0], 5)
    };
    ($a:literal, $b:literal, $c:literal, $d:literal, $e:literal, $f:literal) => {
        AtecoCode::constant([$a, $b, $c, $d, $e, $f], 6)
    };
}

/// Events, thermal baths and amusement parks (INPS reading of the 15.000 € cap).
const EVENTS_THERMAL_PARKS: &[AtecoCode] = &[
    code!(8, 2, 3, 0, 0, 0), // 82.30.00 organizzazione di convegni e fiere
    code!(9, 6, 0, 4, 2, 0), // 96.04.20 stabilimenti termali
    code!(9, 3, 2, 1, 0, 1), // 93.21.01 parchi divertimento, tematici e acquatici
    code!(9, 6, 0, 9, 0, 5), // 96.09.05 organizzazione di feste e cerimonie
];
/// Discoteche, sale da ballo, night-club and similar.
const NIGHTLIFE: &[AtecoCode] = &[code!(9, 3, 2, 9, 1)];
/// Alloggio (division 55).
const HOSPITALITY: &[AtecoCode] = &[code!(5, 5)];
/// Costruzioni (section F).
const CONSTRUCTION: &[AtecoCode] = &[code!(4, 1), code!(4, 2), code!(4, 3)];
/// Stone quarrying (08.11) and cutting, shaping and finishing of stone (23.70).
const STONE_WORKING: &[AtecoCode] = &[code!(0, 8, 1, 1), code!(2, 3, 7, 0)];
/// Estrazione di minerali (section B).
const MINING: &[AtecoCode] = &[
    code!(0, 5),
    code!(0, 6),
    code!(0, 7),
    code!(0, 8),
    code!(0, 9),
];
/// Agricoltura, silvicoltura e pesca (section A).
const AGRICULTURE: &[AtecoCode] = &[code!(0, 1), code!(0, 2), code!(0, 3)];

/// A list of ATECO codes that art. 54-bis D.L. 50/2017, or INPS applying it, treats specially.
///
/// Each sector is a cited list of ATECO 2007 prefixes ([`Sector::prefixes`],
/// [`Sector::citation`]); a code belongs to a sector when it is within one of its prefixes. Where
/// the statute names an activity in words and the crate chose the ATECO codes,
/// [`Sector::is_derived`] is `true`, the doc of the variant says so and its citation names
/// reading R-SECTOR-ATECO. **When** a list matters (its dates in force) is not decided here but
/// by the dated rules table. The lists are in ATECO 2007 codes, as INPS gives them; how ATECO
/// 2025 codes relate to them is reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, Sector};
///
/// let code: AtecoCode = "82.30.00".parse()?;
/// assert_eq!(Sector::of(&code).collect::<Vec<_>>(), [Sector::EventsThermalParks]);
/// assert!(Sector::EventsThermalParks.citation().contains("D.L. 48/2023 art. 37"));
/// assert!(!Sector::EventsThermalParks.includes(&"82.30".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Sector {
    /// Congressi, fiere, eventi, stabilimenti termali and parchi divertimento: ATECO 82.30.00,
    /// 96.04.20, 93.21.01, 96.09.05, the list INPS circ. 75/2023 gives for the cap raised by
    /// D.L. 48/2023 art. 37 (conv. L. 85/2023). Not derived: the codes are INPS's.
    EventsThermalParks,
    /// Discoteche, sale da ballo, night-club and similar: ATECO 93.29.1 (comma 1-bis, added by
    /// L. 197/2022 art. 1 c. 342).
    Nightlife,
    /// "Aziende alberghiere e strutture ricettive che operano nel settore del turismo" (comma 14
    /// lett. a as amended by D.L. 87/2018 art. 2-bis): mapped by this crate to ATECO division 55
    /// (alloggio). **DERIVED** mapping: the statute does not name ATECO codes, and whether a
    /// structure "operates in tourism" is not decided by the code.
    Hospitality,
    /// "Edilizia e settori affini" (comma 14 lett. c): mapped to section F (divisions 41, 42,
    /// 43). **DERIVED** mapping for "settori affini".
    Construction,
    /// "Escavazione o lavorazione di materiale lapideo" (comma 14 lett. c): mapped to ATECO
    /// 08.11 (extraction of stone, sand and clay: ornamental and building stone, limestone,
    /// gypsum, chalk, slate) and 23.70 (cutting, shaping and finishing of stone). **DERIVED**
    /// mapping.
    StoneWorking,
    /// "Miniere, cave e torbiere" (comma 14 lett. c): mapped to section B (divisions 05-09).
    /// **DERIVED** mapping (section B also holds oil and gas extraction and support activities).
    Mining,
    /// "Imprese del settore agricolo" (comma 14 lett. b, and the ban of L. 197/2022): mapped to
    /// section A (divisions 01 agriculture, 02 forestry, 03 fishing). **DERIVED** mapping:
    /// whether forestry and fishing are "settore agricolo" is the crate's reading.
    Agriculture,
}

impl Sector {
    /// The sector in the words of art. 54-bis c. 14 (and of the lists it refers to).
    pub(crate) fn words(self) -> &'static str {
        match self {
            Sector::EventsThermalParks => "congressi, fiere, eventi, terme, parchi",
            Sector::Nightlife => "discoteche, sale da ballo, night-club",
            Sector::Hospitality => "alberghi e strutture ricettive",
            Sector::Construction => "edilizia e settori affini",
            Sector::StoneWorking => "escavazione o lavorazione di materiale lapideo",
            Sector::Mining => "miniere, cave e torbiere",
            Sector::Agriculture => "agricoltura",
        }
    }

    /// Every sector, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// assert_eq!(Sector::ALL.len(), 7);
    /// assert_eq!(Sector::ALL[0], Sector::EventsThermalParks);
    /// assert_eq!(Sector::ALL[6], Sector::Agriculture);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Sector; 7] = [
        Sector::EventsThermalParks,
        Sector::Nightlife,
        Sector::Hospitality,
        Sector::Construction,
        Sector::StoneWorking,
        Sector::Mining,
        Sector::Agriculture,
    ];

    /// The sectors `code` falls in (see [`AtecoCode::sectors`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector};
    /// let code: AtecoCode = "93.29.10".parse()?;
    /// assert_eq!(Sector::of(&code).next(), Some(Sector::Nightlife));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(code: &AtecoCode) -> impl Iterator<Item = Sector> + '_ {
        code.sectors()
    }

    /// The ATECO 2007 prefixes of the list.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// let codes: Vec<String> = Sector::StoneWorking.prefixes().iter().map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["08.11", "23.70"]);
    /// ```
    #[must_use]
    pub fn prefixes(self) -> &'static [AtecoCode] {
        match self {
            Sector::EventsThermalParks => EVENTS_THERMAL_PARKS,
            Sector::Nightlife => NIGHTLIFE,
            Sector::Hospitality => HOSPITALITY,
            Sector::Construction => CONSTRUCTION,
            Sector::StoneWorking => STONE_WORKING,
            Sector::Mining => MINING,
            Sector::Agriculture => AGRICULTURE,
        }
    }

    /// Where the list comes from: the statute and, where one exists, the INPS circular.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// assert_eq!(Sector::Nightlife.citation(), "art. 54-bis c. 1-bis D.L. 50/2017, added by L. 197/2022 art. 1 c. 342 (ATECO 93.29.1)");
    /// ```
    #[must_use]
    pub fn citation(self) -> &'static str {
        match self {
            Sector::EventsThermalParks => {
                "art. 54-bis c. 1 lett. b D.L. 50/2017 as amended by D.L. 48/2023 art. 37 conv. L. 85/2023; ATECO list of INPS circ. 75/2023"
            }
            Sector::Nightlife => {
                "art. 54-bis c. 1-bis D.L. 50/2017, added by L. 197/2022 art. 1 c. 342 (ATECO 93.29.1)"
            }
            Sector::Hospitality => {
                "art. 54-bis c. 14 lett. a D.L. 50/2017 as amended by D.L. 87/2018 art. 2-bis (ATECO division 55: derived mapping, reading R-SECTOR-ATECO)"
            }
            Sector::Construction => {
                "art. 54-bis c. 14 lett. c D.L. 50/2017, edilizia e settori affini (ATECO section F: derived mapping, reading R-SECTOR-ATECO)"
            }
            Sector::StoneWorking => {
                "art. 54-bis c. 14 lett. c D.L. 50/2017, escavazione o lavorazione di materiale lapideo (ATECO 08.11, 23.70: derived mapping, reading R-SECTOR-ATECO)"
            }
            Sector::Mining => {
                "art. 54-bis c. 14 lett. c D.L. 50/2017, miniere, cave e torbiere (ATECO section B: derived mapping, reading R-SECTOR-ATECO)"
            }
            Sector::Agriculture => {
                "art. 54-bis c. 14 lett. b D.L. 50/2017, imprese del settore agricolo (ATECO section A: derived mapping, reading R-SECTOR-ATECO)"
            }
        }
    }

    /// Whether the ATECO codes are the crate's reading of words in the statute (`true`) rather
    /// than codes given by the law or INPS (`false`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// assert!(!Sector::EventsThermalParks.is_derived());
    /// assert!(Sector::Hospitality.is_derived());
    /// ```
    #[must_use]
    pub fn is_derived(self) -> bool {
        !matches!(self, Sector::EventsThermalParks | Sector::Nightlife)
    }

    /// Whether `code` falls within one of the list's prefixes.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector};
    /// assert!(Sector::Construction.includes(&"43.21.01".parse::<AtecoCode>()?));
    /// assert!(!Sector::Construction.includes(&"71.12.10".parse::<AtecoCode>()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn includes(self, code: &AtecoCode) -> bool {
        self.prefixes().iter().any(|p| code.is_within(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_tables_round_trip_through_the_parser() {
        for sector in Sector::ALL {
            for code in sector.prefixes() {
                let parsed: AtecoCode = code.to_string().parse().unwrap();
                assert_eq!(&parsed, code, "{sector:?}");
            }
        }
    }

    #[test]
    fn every_division_maps_to_a_section_consistently() {
        let divisions: Vec<u8> = (0..=99)
            .filter(|&d| Section::of_division(d).is_some())
            .collect();
        // 88 divisions in ATECO 2007 / NACE Rev. 2.
        assert_eq!(divisions.len(), 88);
    }
}
