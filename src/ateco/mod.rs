//! ATECO activity codes in two editions, ATECO 2007 (aggiornamento 2022) and ATECO 2025
//! ([`AtecoCode`], [`AtecoEdition`], [`Section`]), and the sector lists that matter under art.
//! 54-bis D.L. 50/2017 ([`Sector`]), on both sides (reading R-ATECO-2025).
//!
//! The law's lists are written in ATECO 2007 codes (INPS circ. 75/2023 names 82.30.00, 96.04.20,
//! 93.21.01, 96.09.05). ISTAT's ATECO 2025 replaced ATECO 2007 from 1/1/2025, and the public
//! registers give businesses 2025 codes from 1/4/2025. The crate maps a 2025 code to the lists
//! through ISTAT's official correspondence table "2025 vs 2022": a 2025 code whose every
//! ATECO 2007 counterpart is on a list is on it; one whose counterparts are partly on it is
//! **ambiguous** ([`SectorMembership::Ambiguous`]) and is never guessed: the utilizzatore declares
//! its ATECO 2007 activity ([`Utilizzatore::with_declared_activity`](crate::Utilizzatore::with_declared_activity)).
//! The structures, titles, correspondence and the lists' 2025 side are generated data
//! (`src/ateco/data.rs`, by `tools/gen_ateco.py` from ISTAT's files, CC-BY 4.0 ISTAT).
//!
//! This module only classifies codes. It does **not** say from when a list matters (e.g. the
//! events list from 5/5/2023, discoteche from 1/1/2023, the agricultural ban from 1/1/2023): that
//! is the dated rules table's job.

mod data;

use std::fmt;
use std::str::FromStr;

use time::Date;

/// The edition of the ATECO classification a code belongs to.
///
/// Legal basis: ISTAT, ATECO 2007 aggiornamento 2022 (in use 1/1/2022-31/12/2024) and ATECO 2025
/// (from 1/1/2025; in the public registers from 1/4/2025); reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::AtecoEdition;
/// use time::macros::date;
///
/// assert_eq!("ATECO 2025".parse::<AtecoEdition>()?, AtecoEdition::Ateco2025);
/// assert_eq!("2007".parse::<AtecoEdition>()?, AtecoEdition::Ateco2007);
/// assert_eq!(AtecoEdition::Ateco2025.first_day(), date!(2025 - 01 - 01));
/// assert_eq!(AtecoEdition::Ateco2007.to_string(), "ATECO 2007");
/// assert_eq!(
///     "ATECO 2002".parse::<AtecoEdition>().unwrap_err().to_string(),
///     "ateco edition \"ATECO 2002\" is unknown, expected ATECO 2007 or ATECO 2025"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AtecoEdition {
    /// ATECO 2007 in its 2022 update (aggiornamento 2022): the codes of INPS's lists. Its 2022
    /// update is the version the crate holds; the five codes of the original 2007 structure that
    /// the update dropped (01.13.20, 01.19.20, 16.23.20, 93.21.00, 97.00.00) are not ATECO 2007
    /// codes here (93.21.00 is an ATECO 2025 code).
    Ateco2007,
    /// ATECO 2025.
    Ateco2025,
}

impl AtecoEdition {
    /// Both editions, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoEdition;
    /// assert_eq!(AtecoEdition::ALL, [AtecoEdition::Ateco2007, AtecoEdition::Ateco2025]);
    /// ```
    pub const ALL: [AtecoEdition; 2] = [AtecoEdition::Ateco2007, AtecoEdition::Ateco2025];

    /// The first day the edition is ISTAT's classification (1/1/2022 for the 2022 update of
    /// ATECO 2007, 1/1/2025 for ATECO 2025).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoEdition;
    /// use time::macros::date;
    /// assert_eq!(AtecoEdition::Ateco2007.first_day(), date!(2022 - 01 - 01));
    /// ```
    #[must_use]
    pub fn first_day(self) -> Date {
        match self {
            AtecoEdition::Ateco2007 => time::macros::date!(2022 - 01 - 01),
            AtecoEdition::Ateco2025 => time::macros::date!(2025 - 01 - 01),
        }
    }

    /// The full name: `ATECO 2007 (aggiornamento 2022)`, `ATECO 2025`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoEdition;
    /// assert_eq!(AtecoEdition::Ateco2007.name(), "ATECO 2007 (aggiornamento 2022)");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            AtecoEdition::Ateco2007 => "ATECO 2007 (aggiornamento 2022)",
            AtecoEdition::Ateco2025 => "ATECO 2025",
        }
    }

    /// Every code of the edition (divisions to subcategories), sorted by code: what a form lists,
    /// each with its [`AtecoCode::title`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoEdition;
    /// let codes: Vec<_> = AtecoEdition::Ateco2025.codes().collect();
    /// assert_eq!(codes.len(), 3235);
    /// assert_eq!(codes[0].to_string(), "01");
    /// assert_eq!(AtecoEdition::Ateco2007.codes().filter(|c| c.depth() == 6).count(), 1241);
    /// ```
    pub fn codes(self) -> impl Iterator<Item = AtecoCode> {
        self.table()
            .iter()
            .filter_map(move |(code, _)| from_table(self, code))
    }

    /// Every code of the edition below the sections, sorted, with its title.
    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            AtecoEdition::Ateco2007 => data::CODES_2007,
            AtecoEdition::Ateco2025 => data::CODES_2025,
        }
    }

    /// The sections of the edition: letter, title, first and last division.
    fn sections(self) -> &'static [(char, &'static str, u8, u8)] {
        match self {
            AtecoEdition::Ateco2007 => data::SECTIONS_2007,
            AtecoEdition::Ateco2025 => data::SECTIONS_2025,
        }
    }

    /// Whether the dotted text is a code of the edition.
    fn has(self, dotted: &str) -> bool {
        self.table()
            .binary_search_by(|(code, _)| (*code).cmp(dotted))
            .is_ok()
    }
}

impl fmt::Display for AtecoEdition {
    /// `ATECO 2007`, `ATECO 2025`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AtecoEdition::Ateco2007 => "ATECO 2007",
            AtecoEdition::Ateco2025 => "ATECO 2025",
        })
    }
}

impl FromStr for AtecoEdition {
    type Err = AtecoError;

    /// `ATECO 2007`, `ATECO 2025`, `2007`, `2025` (case and surrounding space ignored).
    fn from_str(input: &str) -> Result<AtecoEdition, AtecoError> {
        let text = input.trim();
        let year = if text.len() > 6
            && text
                .get(..6)
                .is_some_and(|p| p.eq_ignore_ascii_case("ateco "))
        {
            text.get(6..).unwrap_or_default().trim()
        } else {
            text
        };
        match year {
            "2007" => Ok(AtecoEdition::Ateco2007),
            "2025" => Ok(AtecoEdition::Ateco2025),
            _ => Err(AtecoError::UnknownEdition {
                input: input.chars().take(24).collect(),
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AtecoEdition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AtecoEdition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AtecoEdition, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An ATECO code of a known edition ([`AtecoEdition`]) at any level: division (`82`), group
/// (`82.3`), class (`82.30`), category (`82.30.0`) or subcategory (`82.30.01`). The code exists in
/// ISTAT's structure of its edition.
///
/// **Which edition.** Parsing takes the dotted form, or a subcategory as six digits without dots
/// as tax forms write the codice attività (`823001`), optionally after its edition
/// (`ATECO 2025 82.30.01`, `ateco 2007 551000`), surrounding space trimmed:
/// - with the edition, the code must exist in that edition ([`AtecoCode::new`] does the same);
/// - without, a code that exists in only one edition is of that edition (`82.30.00` is ATECO
///   2007, `82.30.01` ATECO 2025); a code that exists in both (`55.10.00`) is refused with
///   [`AtecoError::EditionNeeded`], never guessed;
/// - [`AtecoCode::on`] takes the day the code was assigned: before 1/1/2025 only ATECO 2007
///   codes exist; from then a code in both editions still needs its edition (a register kept
///   2007 codes until 31/3/2025, a host's records may keep them longer).
///
/// [`Display`](fmt::Display) gives the dotted form (`82.30.01`), the alternate form `{:#}` the
/// code with its edition (`ATECO 2025 82.30.01`), which parsing reads back and serde uses.
///
/// Legal basis: ISTAT ATECO 2007 aggiornamento 2022 and ATECO 2025 (Italian versions of NACE Rev.
/// 2 and Rev. 2.1); INPS uses the utilizzatore's primary and/or prevalent ATECO code
/// (CAP-UTILIZZATORE-EVENTS); reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, AtecoEdition, Section};
///
/// // A host with the ATECO 2025 code of its registro imprese says so in one line.
/// let events: AtecoCode = "ATECO 2025 82.30.01".parse()?;
/// assert_eq!(events.edition(), AtecoEdition::Ateco2025);
/// assert_eq!(events.title(), "Organizzazione di conferenze e congressi");
/// assert_eq!((events.to_string(), format!("{events:#}")), ("82.30.01".to_owned(), "ATECO 2025 82.30.01".to_owned()));
///
/// // A code of only one edition needs no edition.
/// assert_eq!("82.30.01".parse::<AtecoCode>()?, events);
/// assert_eq!("82.30.00".parse::<AtecoCode>()?.edition(), AtecoEdition::Ateco2007);
///
/// // A code of both editions does.
/// assert_eq!(
///     "55.10.00".parse::<AtecoCode>().unwrap_err().to_string(),
///     "ateco code 55.10.00 exists in both ATECO 2007 (aggiornamento 2022) and ATECO 2025: give its edition, e.g. \"ATECO 2025 55.10.00\""
/// );
/// let hotel = AtecoCode::new(AtecoEdition::Ateco2007, "55.10.00")?;
/// assert_eq!(hotel.section(), Section::I);
///
/// // Six digits, as in a tax form.
/// assert_eq!("ATECO 2025 823001".parse::<AtecoCode>()?, events);
///
/// let err = "93291".parse::<AtecoCode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "ateco code \"93291\" is malformed, expected the dotted form 93, 93.2, 93.29, 93.29.1 or 93.29.10, or six digits 932910"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AtecoCode {
    edition: AtecoEdition,
    /// Digit values 0-9; unused trailing places are 0.
    digits: [u8; 6],
    /// How many digits are significant: 2 (division) to 6 (subcategory).
    len: u8,
}

/// Why a text is not a valid [`AtecoCode`] or [`AtecoEdition`].
///
/// Legal basis: ISTAT ATECO 2007 aggiornamento 2022 and ATECO 2025 (the codes that exist);
/// reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, AtecoEdition, AtecoError};
///
/// assert!("01.11".parse::<AtecoCode>().is_err()); // in both editions
/// let err = "04.10".parse::<AtecoCode>().unwrap_err();
/// assert_eq!(err, AtecoError::UnknownCode { code: "04.10".to_owned() });
/// assert_eq!(err.to_string(), "ateco code 04.10 exists neither in ATECO 2007 (aggiornamento 2022) nor in ATECO 2025");
/// assert_eq!(
///     AtecoCode::new(AtecoEdition::Ateco2007, "82.30.01").unwrap_err().to_string(),
///     "ateco code 82.30.01 does not exist in ATECO 2007 (aggiornamento 2022)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AtecoError {
    /// The text was empty.
    #[error("ateco code is empty")]
    Empty,
    /// Neither in the dotted form nor six digits.
    #[error(
        "ateco code {input:?} is malformed, expected the dotted form 93, 93.2, 93.29, 93.29.1 or 93.29.10, or six digits 932910"
    )]
    Malformed {
        /// The text as given (at most 24 characters kept).
        input: String,
    },
    /// An edition that is neither ATECO 2007 nor ATECO 2025.
    #[error("ateco edition {input:?} is unknown, expected ATECO 2007 or ATECO 2025")]
    UnknownEdition {
        /// The text as given (at most 24 characters kept).
        input: String,
    },
    /// A well-formed code that exists in neither edition.
    #[error(
        "ateco code {code} exists neither in ATECO 2007 (aggiornamento 2022) nor in ATECO 2025"
    )]
    UnknownCode {
        /// The code, dotted.
        code: String,
    },
    /// A code that does not exist in the edition given (or in use on the day given).
    #[error("ateco code {code} does not exist in {}", .edition.name())]
    NotInEdition {
        /// The code, dotted.
        code: String,
        /// The edition.
        edition: AtecoEdition,
    },
    /// A code that exists in both editions, given without its edition (and without a day before
    /// 2025, which would settle it).
    #[error(
        "ateco code {code} exists in both ATECO 2007 (aggiornamento 2022) and ATECO 2025: give its edition, e.g. \"ATECO 2025 {code}\""
    )]
    EditionNeeded {
        /// The code, dotted.
        code: String,
    },
}

/// Whether a code is on one of the law's lists ([`Sector::classify`]).
///
/// Legal basis: reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, Sector, SectorMembership};
/// let events = Sector::EventsThermalParks;
/// assert_eq!(events.classify(&"ATECO 2025 82.30.01".parse()?), SectorMembership::Listed);
/// assert_eq!(events.classify(&"ATECO 2025 93.29.99".parse()?), SectorMembership::Ambiguous);
/// assert_eq!(events.classify(&"ATECO 2025 62.10.00".parse()?), SectorMembership::NotListed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SectorMembership {
    /// Every activity the code covers is on the list.
    Listed,
    /// No activity the code covers is on the list.
    NotListed,
    /// Some activities the code covers are on the list and some are not: an ATECO 2025 code whose
    /// ATECO 2007 counterparts are partly on it (93.29.99 holds part of 82.30.00), or a broad
    /// ATECO 2007 code (93.29 holds 93.29.1). The utilizzatore declares its activity.
    Ambiguous,
}

/// A code that is [`SectorMembership::Ambiguous`] for a list the question needs, with no declared
/// activity: the host declares the utilizzatore's ATECO 2007 activity with
/// [`Utilizzatore::with_declared_activity`](crate::Utilizzatore::with_declared_activity).
///
/// Legal basis: reading R-ATECO-2025 (and the rule of the list, [`Sector::citation`]).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AmbiguousActivity, Sector};
/// let err = AmbiguousActivity { code: "ATECO 2025 93.29.99".parse()?, sector: Sector::EventsThermalParks };
/// assert!(err.to_string().starts_with("ATECO 2025 code 93.29.99 (Altre attività varie di intrattenimento e divertimento n.c.a.) is ambiguous for the list congressi, fiere, eventi, terme, parchi"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmbiguousActivity {
    /// The code.
    pub code: AtecoCode,
    /// The list it is ambiguous for.
    pub sector: Sector,
}

impl fmt::Display for AmbiguousActivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, sector) = (&self.code, self.sector);
        let mut on = Vec::new();
        let mut off = Vec::new();
        for activity in code.activities_2007() {
            match sector.classify(&activity) {
                SectorMembership::Listed => on.push(activity.to_string()),
                SectorMembership::NotListed => off.push(activity.to_string()),
                SectorMembership::Ambiguous => on.push(format!("part of {activity}")),
            }
        }
        let how = match code.edition {
            AtecoEdition::Ateco2025 => "ISTAT's correspondence 2025 vs 2022 maps it to ATECO 2007",
            AtecoEdition::Ateco2007 => "it covers",
        };
        write!(
            f,
            "{} code {code} ({}) is ambiguous for the list {} ({}): {how} {} (on the list) and {} (not on the list); declare the utilizzatore's ATECO 2007 activity (Utilizzatore::with_declared_activity, reading R-ATECO-2025)",
            code.edition,
            code.title(),
            sector.words(),
            sector.citation(),
            on.join(", "),
            off.join(", ")
        )
    }
}

impl std::error::Error for AmbiguousActivity {}

/// The sections of ATECO: 21 in ATECO 2007 (A-U), 22 in ATECO 2025 (A-V), each a range of
/// divisions. The letters up to I mean the same in both editions; from J on they do not (section
/// K is finance in ATECO 2007 and telecommunications in ATECO 2025): read a section with its
/// edition ([`Section::of_division_in`], [`Section::title_in`]). The variant docs give the ATECO
/// 2007 ranges.
///
/// Legal basis: ISTAT ATECO 2007 aggiornamento 2022 (NACE Rev. 2) and ATECO 2025 (NACE Rev. 2.1)
/// structures.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, AtecoEdition, Section};
/// assert_eq!("41.20.00".parse::<AtecoCode>()?.section(), Section::F);
/// assert_eq!(Section::F.letter(), 'F');
/// // Division 62 (software) is section J in ATECO 2007, K in ATECO 2025.
/// assert_eq!(Section::of_division_in(AtecoEdition::Ateco2007, 62), Some(Section::J));
/// assert_eq!(Section::of_division_in(AtecoEdition::Ateco2025, 62), Some(Section::K));
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
    /// Section V (ATECO 2025 only): division 99.
    V,
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
            Section::V => 'V',
        }
    }

    /// The title of the ATECO 2007 section (Italian, in sentence case; V, which ATECO 2007 does
    /// not have, gets its ATECO 2025 title). ISTAT's own titles of either edition:
    /// [`Section::title_in`].
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
            Section::V => "Attività di organizzazioni e organismi extraterritoriali",
        }
    }

    /// ISTAT's title of the section in `edition`, or `None` for V in ATECO 2007.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoEdition, Section};
    /// assert_eq!(Section::K.title_in(AtecoEdition::Ateco2007), Some("ATTIVITÀ FINANZIARIE E ASSICURATIVE"));
    /// assert!(Section::K.title_in(AtecoEdition::Ateco2025).is_some_and(|t| t.starts_with("TELECOMUNICAZIONI")));
    /// assert_eq!(Section::V.title_in(AtecoEdition::Ateco2007), None);
    /// ```
    #[must_use]
    pub fn title_in(self, edition: AtecoEdition) -> Option<&'static str> {
        let letter = self.letter();
        edition
            .sections()
            .iter()
            .find(|(l, ..)| *l == letter)
            .map(|(_, title, ..)| *title)
    }

    /// The section of a division in `edition`, or `None` for a number that is not a division of
    /// that edition (45 is not one in ATECO 2025).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoEdition, Section};
    /// assert_eq!(Section::of_division_in(AtecoEdition::Ateco2025, 99), Some(Section::V));
    /// assert_eq!(Section::of_division_in(AtecoEdition::Ateco2025, 45), None);
    /// assert_eq!(Section::of_division_in(AtecoEdition::Ateco2007, 45), Some(Section::G));
    /// ```
    #[must_use]
    pub fn of_division_in(edition: AtecoEdition, division: u8) -> Option<Section> {
        let mut digits = [0_u8; 6];
        let [first, second, ..] = &mut digits;
        *first = division / 10;
        *second = division % 10;
        let code = AtecoCode {
            edition,
            digits,
            len: 2,
        };
        if division > 99 || !edition.has(code.dotted().as_str()) {
            return None;
        }
        let letter = edition
            .sections()
            .iter()
            .find(|(_, _, from, to)| (*from..=*to).contains(&division))
            .map(|(letter, ..)| *letter)?;
        Section::from_letter(letter)
    }

    /// The section of a letter.
    fn from_letter(letter: char) -> Option<Section> {
        Some(match letter {
            'A' => Section::A,
            'B' => Section::B,
            'C' => Section::C,
            'D' => Section::D,
            'E' => Section::E,
            'F' => Section::F,
            'G' => Section::G,
            'H' => Section::H,
            'I' => Section::I,
            'J' => Section::J,
            'K' => Section::K,
            'L' => Section::L,
            'M' => Section::M,
            'N' => Section::N,
            'O' => Section::O,
            'P' => Section::P,
            'Q' => Section::Q,
            'R' => Section::R,
            'S' => Section::S,
            'T' => Section::T,
            'U' => Section::U,
            'V' => Section::V,
            _ => return None,
        })
    }

    /// The ATECO 2007 section of a division, or `None` for a number that is not an ATECO 2007
    /// division (see [`Section::of_division_in`] for ATECO 2025).
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
    /// An ATECO 2007 code from trusted constant digits (the sector tables). Not public: input goes
    /// through [`FromStr`]. A unit test checks every constant through the parser.
    const fn constant(digits: [u8; 6], len: u8) -> AtecoCode {
        AtecoCode {
            edition: AtecoEdition::Ateco2007,
            digits,
            len,
        }
    }

    /// A code of `edition` from its dotted text (`82.30.01`; `ATECO 2025 82.30.01` is accepted
    /// too when the edition is the same).
    ///
    /// Legal basis: reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// [`AtecoError::Empty`], [`AtecoError::Malformed`], [`AtecoError::UnknownEdition`],
    /// [`AtecoError::NotInEdition`] when the code does not exist in `edition` (or the text names
    /// the other edition).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, AtecoEdition};
    /// let hotel = AtecoCode::new(AtecoEdition::Ateco2025, "55.10.00")?;
    /// assert_eq!(hotel.title(), "Servizi di alloggio di alberghi e simili");
    /// assert!(AtecoCode::new(AtecoEdition::Ateco2025, "82.30.00").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(edition: AtecoEdition, text: &str) -> Result<AtecoCode, AtecoError> {
        let (given, digits, len) = parse(text)?;
        let code = AtecoCode {
            edition,
            digits,
            len,
        };
        if given.is_some_and(|g| g != edition) || !edition.has(&code.dotted()) {
            return Err(AtecoError::NotInEdition {
                code: code.dotted(),
                edition,
            });
        }
        Ok(code)
    }

    /// The code of `text` as assigned on `day`: before 1/1/2025 only ATECO 2007 (aggiornamento
    /// 2022) existed, so the code is of that edition; from 1/1/2025 a code of only one edition is
    /// of that edition, and a code of both needs its edition in the text (as [`FromStr`]).
    ///
    /// Legal basis: ISTAT (ATECO 2025 in force from 1/1/2025); reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// As [`FromStr`]; [`AtecoError::NotInEdition`] for a code that does not exist in ATECO 2007
    /// before 2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, AtecoEdition};
    /// use time::macros::date;
    /// assert_eq!(AtecoCode::on(date!(2024 - 06 - 01), "55.10.00")?.edition(), AtecoEdition::Ateco2007);
    /// assert_eq!(AtecoCode::on(date!(2025 - 06 - 01), "82.30.01")?.edition(), AtecoEdition::Ateco2025);
    /// assert!(AtecoCode::on(date!(2025 - 06 - 01), "55.10.00").is_err());
    /// assert_eq!(
    ///     AtecoCode::on(date!(2024 - 06 - 01), "82.30.01").unwrap_err().to_string(),
    ///     "ateco code 82.30.01 does not exist in ATECO 2007 (aggiornamento 2022)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on(day: Date, text: &str) -> Result<AtecoCode, AtecoError> {
        if day < AtecoEdition::Ateco2025.first_day() {
            AtecoCode::new(AtecoEdition::Ateco2007, text)
        } else {
            text.parse()
        }
    }

    /// The edition.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, AtecoEdition};
    /// assert_eq!("96.23.10".parse::<AtecoCode>()?.edition(), AtecoEdition::Ateco2025);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> AtecoEdition {
        self.edition
    }

    /// ISTAT's title of the code in its edition (as forms show it).
    ///
    /// Legal basis: ISTAT ATECO 2007 aggiornamento 2022 and ATECO 2025 structures (CC-BY 4.0).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// assert_eq!("96.04.20".parse::<AtecoCode>()?.title(), "Stabilimenti termali");
    /// assert_eq!("96.23.10".parse::<AtecoCode>()?.title(), "Servizi di centri termali");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> &'static str {
        let table = self.edition.table();
        let dotted = self.dotted();
        table
            .binary_search_by(|(code, _)| (*code).cmp(dotted.as_str()))
            .ok()
            .and_then(|i| table.get(i))
            .map_or("", |(_, title)| *title)
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

    /// The section of the code's division in the code's edition.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Section};
    /// assert_eq!("08.11.00".parse::<AtecoCode>().map(|c| c.section()).ok(), None); // both editions
    /// assert_eq!("ATECO 2007 08.11".parse::<AtecoCode>()?.section(), Section::B);
    /// assert_eq!("ATECO 2025 62.10.00".parse::<AtecoCode>()?.section(), Section::K);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn section(&self) -> Section {
        // Every constructor checks that the code exists, so `None` cannot occur; U is a harmless
        // default.
        Section::of_division_in(self.edition, self.division()).unwrap_or(Section::U)
    }

    /// How many digits the code has: 2 (division), 3 (group), 4 (class), 5 (category) or 6
    /// (subcategory).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// assert_eq!("ATECO 2007 93.29.1".parse::<AtecoCode>()?.depth(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn depth(&self) -> u8 {
        self.len
    }

    /// Whether `self` is `prefix` or falls under it, in the same edition: `93.29.10` is within
    /// `93.29.1`, `93.29` and `93`, and within itself; `93.29` is not within `93.29.1`; a code is
    /// never within a code of the other edition.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// let code: AtecoCode = "ATECO 2007 93.29.10".parse()?;
    /// assert!(code.is_within(&"ATECO 2007 93.29.1".parse()?));
    /// assert!(!code.is_within(&"ATECO 2007 93.21".parse()?));
    /// assert!(!code.is_within(&"ATECO 2025 93.29.1".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_within(&self, prefix: &AtecoCode) -> bool {
        let n = usize::from(prefix.len);
        self.edition == prefix.edition
            && self.len >= prefix.len
            && self.digits.get(..n) == prefix.digits.get(..n)
    }

    /// Whether `other` is within `self` (the converse of [`AtecoCode::is_within`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// let division: AtecoCode = "ATECO 2007 55".parse()?;
    /// assert!(division.contains(&"ATECO 2007 55.10.00".parse()?));
    /// assert!(!division.contains(&"56.10.11".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, other: &AtecoCode) -> bool {
        other.is_within(self)
    }

    /// The [`Sector`] lists the code is certainly on ([`SectorMembership::Listed`]); possibly
    /// none, possibly several (`08.11` is both stone working and mining). A list for which the
    /// code is ambiguous is not among them: see [`Sector::classify`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector};
    /// let code: AtecoCode = "ATECO 2007 08.11.00".parse()?;
    /// let sectors: Vec<Sector> = code.sectors().collect();
    /// assert_eq!(sectors, [Sector::StoneWorking, Sector::Mining]);
    /// assert_eq!("62.01.00".parse::<AtecoCode>()?.sectors().count(), 0);
    /// assert_eq!("ATECO 2025 96.99.93".parse::<AtecoCode>()?.sectors().collect::<Vec<_>>(), [Sector::EventsThermalParks]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sectors(&self) -> impl Iterator<Item = Sector> + '_ {
        Sector::ALL
            .iter()
            .copied()
            .filter(|s| s.classify(self) == SectorMembership::Listed)
    }

    /// The ATECO 2007 (aggiornamento 2022) codes of the activities this code covers: for an ATECO
    /// 2007 code its subcategories (itself for a subcategory); for an ATECO 2025 code the codes
    /// ISTAT's correspondence 2025 vs 2022 maps its subcategories to, sorted, without repeats. A
    /// declared activity is one of these subcategories
    /// ([`Utilizzatore::with_declared_activity`](crate::Utilizzatore::with_declared_activity)).
    ///
    /// Legal basis: ISTAT "Corrispondenza bidirezionale 2025 vs 2022" (CC-BY 4.0); reading
    /// R-ATECO-2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AtecoCode;
    /// let code: AtecoCode = "ATECO 2025 93.29.99".parse()?;
    /// let activities: Vec<String> = code.activities_2007().iter().map(ToString::to_string).collect();
    /// assert_eq!(activities, ["82.30.00", "93.11.90", "93.19.10", "93.19.99", "93.29.90"]);
    /// assert_eq!("ATECO 2007 82.30".parse::<AtecoCode>()?.activities_2007().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn activities_2007(&self) -> Vec<AtecoCode> {
        let mut out: Vec<AtecoCode> = match self.edition {
            AtecoEdition::Ateco2007 => self.leaves().collect(),
            AtecoEdition::Ateco2025 => self
                .leaves()
                .flat_map(|leaf| {
                    let dotted = leaf.dotted();
                    let rows = data::CORRESPONDENCE;
                    let start = rows.partition_point(|(code, _)| *code < dotted.as_str());
                    rows.get(start..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(move |(code, _)| *code == dotted.as_str())
                        .filter_map(|(_, old)| from_table(AtecoEdition::Ateco2007, old))
                })
                .collect(),
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The subcategories of the code's edition within it (itself for a subcategory).
    fn leaves(&self) -> impl Iterator<Item = AtecoCode> + '_ {
        let table = self.edition.table();
        let dotted = self.dotted();
        let start = table.partition_point(|(code, _)| *code < dotted.as_str());
        let edition = self.edition;
        table
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(code, _)| code.starts_with(dotted.as_str()))
            .filter(|(code, _)| code.len() == 8)
            .filter_map(move |(code, _)| from_table(edition, code))
    }

    /// The dotted form.
    fn dotted(self) -> String {
        let mut text = String::with_capacity(8);
        for (index, digit) in self.digits.iter().take(usize::from(self.len)).enumerate() {
            if index == 2 || index == 4 {
                text.push('.');
            }
            text.push(char::from(b'0' + digit));
        }
        text
    }
}

/// A code of the generated tables (trusted text).
fn from_table(edition: AtecoEdition, dotted: &str) -> Option<AtecoCode> {
    let (_, digits, len) = parse(dotted).ok()?;
    Some(AtecoCode {
        edition,
        digits,
        len,
    })
}

/// Splits `ATECO 2025 82.30.01` into the edition and the code text.
fn split_edition(text: &str) -> Result<(Option<AtecoEdition>, &str), AtecoError> {
    let Some(rest) = text
        .get(..6)
        .filter(|head| head.eq_ignore_ascii_case("ateco "))
        .and_then(|_| text.get(6..))
    else {
        return Ok((None, text));
    };
    let rest = rest.trim_start();
    let (year, code) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    Ok((Some(year.parse()?), code.trim()))
}

/// Parses the text of a code: its edition if given, the digits and their count.
fn parse(input: &str) -> Result<(Option<AtecoEdition>, [u8; 6], u8), AtecoError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AtecoError::Empty);
    }
    let (edition, text) = split_edition(text)?;
    let malformed = || AtecoError::Malformed {
        input: input.chars().take(24).collect(),
    };
    // Six digits without dots, as tax forms write a subcategory (the codice attività: 932910).
    if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        let mut digits = [0_u8; 6];
        for (slot, b) in digits.iter_mut().zip(text.bytes()) {
            *slot = b - b'0';
        }
        return Ok((edition, digits, 6));
    }
    let mut parts = text.split('.');
    let mut digits = [0_u8; 6];
    let mut len: usize = 0;
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
    Ok((edition, digits, u8::try_from(len).map_err(|_| malformed())?))
}

impl FromStr for AtecoCode {
    type Err = AtecoError;

    /// The dotted form, optionally after its edition; see [`AtecoCode`] for how the edition of a
    /// code without one is found.
    fn from_str(input: &str) -> Result<AtecoCode, AtecoError> {
        let (edition, digits, len) = parse(input)?;
        let code = |edition| AtecoCode {
            edition,
            digits,
            len,
        };
        if let Some(edition) = edition {
            return AtecoCode::new(edition, input);
        }
        let dotted = code(AtecoEdition::Ateco2007).dotted();
        match (
            AtecoEdition::Ateco2007.has(&dotted),
            AtecoEdition::Ateco2025.has(&dotted),
        ) {
            (true, false) => Ok(code(AtecoEdition::Ateco2007)),
            (false, true) => Ok(code(AtecoEdition::Ateco2025)),
            (true, true) => Err(AtecoError::EditionNeeded { code: dotted }),
            (false, false) => Err(AtecoError::UnknownCode { code: dotted }),
        }
    }
}

impl TryFrom<&str> for AtecoCode {
    type Error = AtecoError;
    fn try_from(value: &str) -> Result<AtecoCode, AtecoError> {
        value.parse()
    }
}

impl fmt::Display for AtecoCode {
    /// The dotted form: `82`, `82.3`, `82.30`, `82.30.0`, `82.30.01`; with `{:#}`, after the
    /// edition: `ATECO 2025 82.30.01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "{} ", self.edition)?;
        }
        f.write_str(&self.dotted())
    }
}

impl fmt::Debug for AtecoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AtecoCode({self:#})")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AtecoCode {
    /// The code with its edition, `ATECO 2025 82.30.01`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{self:#}"))
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AtecoCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AtecoCode, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Shorthand for the constant tables (ATECO 2007): `code!(8, 2, 3, 0, 0, 0)`.
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
/// Each sector is a cited list of ATECO 2007 (aggiornamento 2022) prefixes ([`Sector::prefixes`],
/// [`Sector::citation`]). An ATECO 2007 code is on the list when it is within one of its prefixes
/// (a broader code, e.g. 93.29 for the 93.29.1 of discoteche, is on it when all its subcategories
/// are, ambiguous when some are). An ATECO 2025 code is on the list when every ATECO 2007 code
/// ISTAT's correspondence 2025 vs 2022 maps it to is on it, ambiguous when some are
/// ([`Sector::classify`], [`Sector::codes_2025`], [`Sector::ambiguous_2025`]; generated, reading
/// R-ATECO-2025). Where the statute names an activity in words and the crate chose the ATECO
/// codes, [`Sector::is_derived`] is `true`, the doc of the variant says so and its citation names
/// reading R-SECTOR-ATECO. **When** a list matters (its dates in force) is not decided here but by the dated rules table.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AtecoCode, Sector, SectorMembership};
///
/// let code: AtecoCode = "82.30.00".parse()?;
/// assert_eq!(Sector::of(&code).collect::<Vec<_>>(), [Sector::EventsThermalParks]);
/// assert!(Sector::EventsThermalParks.citation().contains("D.L. 48/2023 art. 37"));
/// // The ATECO 2025 codes of the events company, the spa, the park and the party organiser.
/// for code in ["82.30.01", "96.23.10", "93.21.00", "96.99.93"] {
///     assert!(Sector::EventsThermalParks.includes(&code.parse()?), "{code}");
/// }
/// // 93.29.99 holds part of 82.30.00 and other activities: ambiguous, never guessed.
/// assert_eq!(Sector::EventsThermalParks.classify(&"93.29.99".parse()?), SectorMembership::Ambiguous);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Sector {
    /// Congressi, fiere, eventi, stabilimenti termali and parchi divertimento: ATECO 82.30.00,
    /// 96.04.20, 93.21.01, 96.09.05, the list INPS circ. 75/2023 gives for the cap raised by
    /// D.L. 48/2023 art. 37 (conv. L. 85/2023). Not derived: the codes are INPS's. In ATECO 2025,
    /// through ISTAT's correspondence: 82.30.01, .02, .03, .04, .09, 96.23.10, 93.21.00,
    /// 96.99.93; 93.29.99 is ambiguous.
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
    /// let code: AtecoCode = "ATECO 2007 93.29.10".parse()?;
    /// assert_eq!(Sector::of(&code).next(), Some(Sector::Nightlife));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(code: &AtecoCode) -> impl Iterator<Item = Sector> + '_ {
        code.sectors()
    }

    /// The ATECO 2007 (aggiornamento 2022) prefixes of the list.
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

    /// Whether `code` is certainly on the list ([`Sector::classify`] gives
    /// [`SectorMembership::Listed`]); an ambiguous code is not.
    ///
    /// Legal basis: see [`Sector::citation`]; reading R-ATECO-2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector};
    /// assert!(Sector::Construction.includes(&"ATECO 2007 43.21.01".parse::<AtecoCode>()?));
    /// assert!(Sector::Construction.includes(&"ATECO 2025 43.21.01".parse::<AtecoCode>()?));
    /// assert!(!Sector::Construction.includes(&"ATECO 2007 71.12.10".parse::<AtecoCode>()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn includes(self, code: &AtecoCode) -> bool {
        self.classify(code) == SectorMembership::Listed
    }

    /// Whether `code` is on the list, not on it, or ambiguous (see [`Sector`] for the rule in
    /// each edition).
    ///
    /// Legal basis: see [`Sector::citation`]; ISTAT "Corrispondenza bidirezionale 2025 vs 2022";
    /// reading R-ATECO-2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AtecoCode, Sector, SectorMembership};
    /// let c = |s: &str| s.parse::<AtecoCode>();
    /// assert_eq!(Sector::Nightlife.classify(&c("ATECO 2007 93.29.10")?), SectorMembership::Listed);
    /// assert_eq!(Sector::Nightlife.classify(&c("ATECO 2007 93.29")?), SectorMembership::Ambiguous);
    /// assert_eq!(Sector::Nightlife.classify(&c("ATECO 2025 93.29.10")?), SectorMembership::Listed);
    /// assert_eq!(Sector::Hospitality.classify(&c("ATECO 2025 55.90.00")?), SectorMembership::Ambiguous);
    /// assert_eq!(Sector::Hospitality.classify(&c("ATECO 2025 56.11.11")?), SectorMembership::NotListed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn classify(self, code: &AtecoCode) -> SectorMembership {
        match code.edition {
            AtecoEdition::Ateco2007 => {
                let prefixes = self.prefixes();
                if prefixes.iter().any(|p| code.is_within(p)) {
                    SectorMembership::Listed
                } else if !prefixes.iter().any(|p| p.is_within(code)) {
                    SectorMembership::NotListed
                } else {
                    aggregate(code.leaves().map(|leaf| {
                        if prefixes.iter().any(|p| leaf.is_within(p)) {
                            SectorMembership::Listed
                        } else {
                            SectorMembership::NotListed
                        }
                    }))
                }
            }
            AtecoEdition::Ateco2025 => {
                let (listed, ambiguous) = self.lists_2025();
                aggregate(code.leaves().map(|leaf| {
                    let dotted = leaf.dotted();
                    if listed.binary_search(&dotted.as_str()).is_ok() {
                        SectorMembership::Listed
                    } else if ambiguous.binary_search(&dotted.as_str()).is_ok() {
                        SectorMembership::Ambiguous
                    } else {
                        SectorMembership::NotListed
                    }
                }))
            }
        }
    }

    /// The ATECO 2025 subcategories on the list (every ATECO 2007 counterpart on it), derived
    /// from ISTAT's correspondence by `tools/gen_ateco.py`.
    ///
    /// Legal basis: ISTAT "Corrispondenza bidirezionale 2025 vs 2022"; reading R-ATECO-2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// let codes: Vec<String> = Sector::EventsThermalParks.codes_2025().map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["82.30.01", "82.30.02", "82.30.03", "82.30.04", "82.30.09", "93.21.00", "96.23.10", "96.99.93"]);
    /// ```
    pub fn codes_2025(self) -> impl Iterator<Item = AtecoCode> {
        self.lists_2025()
            .0
            .iter()
            .filter_map(|code| from_table(AtecoEdition::Ateco2025, code))
    }

    /// The ATECO 2025 subcategories ambiguous for the list (some ATECO 2007 counterparts on it,
    /// some not), derived from ISTAT's correspondence by `tools/gen_ateco.py`.
    ///
    /// Legal basis: ISTAT "Corrispondenza bidirezionale 2025 vs 2022"; reading R-ATECO-2025.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Sector;
    /// let codes: Vec<String> = Sector::EventsThermalParks.ambiguous_2025().map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["93.29.99"]);
    /// assert_eq!(Sector::Nightlife.ambiguous_2025().count(), 0);
    /// ```
    pub fn ambiguous_2025(self) -> impl Iterator<Item = AtecoCode> {
        self.lists_2025()
            .1
            .iter()
            .filter_map(|code| from_table(AtecoEdition::Ateco2025, code))
    }

    /// The generated 2025 lists: (listed, ambiguous).
    fn lists_2025(self) -> (&'static [&'static str], &'static [&'static str]) {
        data::SECTORS_2025
            .iter()
            .find(|(sector, ..)| *sector == self)
            .map_or((&[], &[]), |(_, listed, ambiguous)| (*listed, *ambiguous))
    }
}

/// One answer for a code from the answers for its subcategories: all listed, none, or ambiguous.
fn aggregate(memberships: impl Iterator<Item = SectorMembership>) -> SectorMembership {
    let (mut listed, mut not_listed) = (false, false);
    for m in memberships {
        match m {
            SectorMembership::Listed => listed = true,
            SectorMembership::NotListed => not_listed = true,
            SectorMembership::Ambiguous => return SectorMembership::Ambiguous,
        }
    }
    match (listed, not_listed) {
        (true, true) => SectorMembership::Ambiguous,
        (true, false) => SectorMembership::Listed,
        _ => SectorMembership::NotListed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_tables_round_trip_through_the_parser() {
        for sector in Sector::ALL {
            for code in sector.prefixes() {
                let parsed = AtecoCode::new(AtecoEdition::Ateco2007, &code.to_string()).unwrap();
                assert_eq!(&parsed, code, "{sector:?}");
            }
        }
    }

    /// The generator derived the 2025 lists from the same prefixes as `Sector::prefixes`.
    #[test]
    fn generated_lists_were_derived_from_the_sector_prefixes() {
        assert_eq!(data::DERIVED_FROM.len(), Sector::ALL.len());
        for (sector, prefixes) in data::DERIVED_FROM {
            let ours: Vec<String> = sector.prefixes().iter().map(ToString::to_string).collect();
            assert_eq!(&ours, prefixes, "{sector:?}");
        }
    }

    #[test]
    fn generated_tables_are_sorted_and_parse() {
        for edition in AtecoEdition::ALL {
            let table = edition.table();
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "{edition}");
            for (code, title) in table {
                assert!(!title.is_empty());
                let parsed = AtecoCode::new(edition, code).unwrap();
                assert_eq!(parsed.to_string(), *code);
            }
        }
        assert!(data::CORRESPONDENCE.windows(2).all(|w| w[0] < w[1]));
        for (_, listed, ambiguous) in data::SECTORS_2025 {
            assert!(listed.windows(2).all(|w| w[0] < w[1]));
            assert!(ambiguous.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn every_division_maps_to_a_section_consistently() {
        let divisions: Vec<u8> = (0..=99)
            .filter(|&d| Section::of_division(d).is_some())
            .collect();
        // 88 divisions in ATECO 2007 / NACE Rev. 2, 87 in ATECO 2025.
        assert_eq!(divisions.len(), 88);
        for d in 0..=99 {
            assert_eq!(
                Section::of_division(d),
                Section::of_division_in(AtecoEdition::Ateco2007, d),
                "{d}"
            );
        }
        let count = (0..=99)
            .filter(|&d| Section::of_division_in(AtecoEdition::Ateco2025, d).is_some())
            .count();
        assert_eq!(count, 87);
    }
}
