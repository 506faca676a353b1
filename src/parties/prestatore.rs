//! The prestatore: the person who performs occasional work.

use std::collections::BTreeSet;
use std::fmt;

use time::Date;

use crate::identity::CodiceFiscale;
use crate::parties::categoria::{Categoria, SelfCertification, age_on};
use crate::redact::{BirthDate, Name};
use crate::rules::Rules;

/// Why prestatore data are invalid.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Prestatore, PrestatoreError};
/// use time::macros::date;
///
/// assert!(Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10)).is_ok());
/// let err = Prestatore::new("RSSMRA85T10A562S".parse()?, " ", "Rossi", date!(1985 - 12 - 10)).unwrap_err();
/// assert_eq!(err, PrestatoreError::EmptyName { field: "first name" });
/// assert_eq!(err.to_string(), "prestatore first name is empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrestatoreError {
    /// A name is empty after trimming.
    #[error("prestatore {field} is empty")]
    EmptyName {
        /// `first name` or `last name`.
        field: &'static str,
    },
    /// A name holds a control character.
    #[error("prestatore {field} contains a control character")]
    ControlCharacter {
        /// `first name`, `last name` or `parental consent name`.
        field: &'static str,
    },
    /// The birth date disagrees with the codice fiscale.
    #[error(
        "prestatore birth date {given}: {part} is {found}, the codice fiscale encodes {encoded}"
    )]
    BirthDateMismatch {
        /// The birth date given.
        given: Date,
        /// `day`, `month` or `year (two digits)`.
        part: &'static str,
        /// The value in the date given.
        found: u8,
        /// The value the codice fiscale encodes.
        encoded: u8,
    },
    /// The parent or guardian giving consent is not named.
    #[error("parental consent: the name of the parent or guardian is empty")]
    EmptyConsentName,
    /// The consent is dated before the prestatore's birth.
    #[error("parental consent given on {given_on}, before the prestatore's birth on {birth_date}")]
    ConsentBeforeBirth {
        /// The day of the consent.
        given_on: Date,
        /// The prestatore's birth date.
        birth_date: Date,
    },
    /// A parental consent given when the prestatore was already of age: it is recorded only
    /// below `Rules::parental_consent_below_age` (18; ELIG-AGE, reading R-MINORS).
    #[error(
        "parental consent given on {given_on}, when the prestatore was {age}: it is recorded only below age {below} (ELIG-AGE, reading R-MINORS)"
    )]
    ConsentForAdult {
        /// The day of the consent.
        given_on: Date,
        /// The prestatore's age that day.
        age: u32,
        /// The age from which no consent is needed (18).
        below: u32,
    },
}

/// The consent of a parent or guardian to a minor's occasional work, as recorded at registration.
///
/// Legal basis: ELIG-AGE, reading R-MINORS (voucher-era practice; no INPS instruction for the
/// 54-bis platform).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ParentalConsent;
/// use time::macros::date;
///
/// let consent = ParentalConsent::new(date!(2026 - 01 - 10), " Anna Bianchi ")?;
/// assert_eq!(consent.by(), "Anna Bianchi");
/// assert!(ParentalConsent::new(date!(2026 - 01 - 10), "  ").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ParentalConsentFields", into = "ParentalConsentFields")
)]
pub struct ParentalConsent {
    given_on: Date,
    by: String,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ParentalConsentFields {
    given_on: Date,
    by: String,
}

#[cfg(feature = "serde")]
impl TryFrom<ParentalConsentFields> for ParentalConsent {
    type Error = PrestatoreError;
    fn try_from(f: ParentalConsentFields) -> Result<Self, Self::Error> {
        ParentalConsent::new(f.given_on, &f.by)
    }
}

#[cfg(feature = "serde")]
impl From<ParentalConsent> for ParentalConsentFields {
    fn from(c: ParentalConsent) -> Self {
        ParentalConsentFields {
            given_on: c.given_on,
            by: c.by,
        }
    }
}

impl fmt::Debug for ParentalConsent {
    /// The parent's name shows its first letter only (personal data).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParentalConsent")
            .field("given_on", &self.given_on)
            .field("by", &Name(&self.by))
            .finish()
    }
}

impl ParentalConsent {
    /// Consent given on `given_on` by the parent or guardian named `by` (trimmed, non-empty).
    ///
    /// # Errors
    ///
    /// [`PrestatoreError::EmptyConsentName`] or [`PrestatoreError::ControlCharacter`].
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ParentalConsent;
    /// use time::macros::date;
    ///
    /// let consent = ParentalConsent::new(date!(2026 - 01 - 10), "Anna Rossi")?;
    /// assert_eq!(consent.given_on(), date!(2026 - 01 - 10));
    /// let err = ParentalConsent::new(date!(2026 - 01 - 10), "").unwrap_err();
    /// assert_eq!(err.to_string(), "parental consent: the name of the parent or guardian is empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(given_on: Date, by: &str) -> Result<ParentalConsent, PrestatoreError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(PrestatoreError::EmptyConsentName);
        }
        if by.chars().any(char::is_control) {
            return Err(PrestatoreError::ControlCharacter {
                field: "parental consent name",
            });
        }
        Ok(ParentalConsent {
            given_on,
            by: by.to_owned(),
        })
    }

    /// The day consent was given.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ParentalConsent;
    /// use time::macros::date;
    /// let consent = ParentalConsent::new(date!(2026 - 01 - 10), " Anna Verdi ")?;
    /// assert_eq!(consent.given_on(), date!(2026 - 01 - 10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn given_on(&self) -> Date {
        self.given_on
    }

    /// The parent or guardian who gave it.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ParentalConsent;
    /// use time::macros::date;
    /// let consent = ParentalConsent::new(date!(2026 - 01 - 10), " Anna Verdi ")?;
    /// assert_eq!(consent.by(), "Anna Verdi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn by(&self) -> &str {
        &self.by
    }
}

/// A prestatore: codice fiscale, names, birth date (checked against the code), the comma-8
/// self-certifications, the historical agricultural self-certification and, for a minor, the
/// parental consent.
///
/// Any person may be a prestatore (reading R-CATEGORY-OPTIONAL): a comma-8 category is optional. `Debug` masks the
/// codice fiscale.
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on 1/1/2023
/// (ELIG-ANYONE, ELIG-SELFCERT, ELIG-AGE, reading R-CATEGORY-OPTIONAL, R-MINORS, R-WEIGHT-CAP-B).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Categoria, Prestatore, Rules, SelfCertification};
/// use time::macros::date;
///
/// let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?
///     .with_self_certification(SelfCertification::new(Categoria::Disoccupato, date!(2026 - 01 - 01), None)?);
/// assert_eq!(mario.first_name(), "Mario");
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(mario.special_category_on(date!(2026 - 03 - 07), rules), Some(Categoria::Disoccupato));
/// assert!(format!("{mario:?}").contains("RSSMRA*******562S"));
///
/// let wrong = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 11));
/// assert_eq!(
///     wrong.unwrap_err().to_string(),
///     "prestatore birth date 1985-12-11: day is 11, the codice fiscale encodes 10"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PrestatoreFields", into = "PrestatoreFields")
)]
pub struct Prestatore {
    codice_fiscale: CodiceFiscale,
    first_name: String,
    last_name: String,
    birth_date: Date,
    self_certifications: Vec<SelfCertification>,
    not_in_agricultural_lists: BTreeSet<i32>,
    parental_consent: Option<ParentalConsent>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PrestatoreFields {
    codice_fiscale: CodiceFiscale,
    first_name: String,
    last_name: String,
    birth_date: Date,
    #[serde(default)]
    self_certifications: Vec<SelfCertification>,
    #[serde(default)]
    not_in_agricultural_lists: BTreeSet<i32>,
    #[serde(default)]
    parental_consent: Option<ParentalConsent>,
}

#[cfg(feature = "serde")]
impl TryFrom<PrestatoreFields> for Prestatore {
    type Error = PrestatoreError;
    fn try_from(f: PrestatoreFields) -> Result<Self, Self::Error> {
        let mut p = Prestatore::new(f.codice_fiscale, &f.first_name, &f.last_name, f.birth_date)?;
        p.self_certifications = f.self_certifications;
        p.not_in_agricultural_lists = f.not_in_agricultural_lists;
        if let Some(consent) = f.parental_consent {
            p = p.with_parental_consent(consent)?;
        }
        Ok(p)
    }
}

#[cfg(feature = "serde")]
impl From<Prestatore> for PrestatoreFields {
    fn from(p: Prestatore) -> Self {
        PrestatoreFields {
            codice_fiscale: p.codice_fiscale,
            first_name: p.first_name,
            last_name: p.last_name,
            birth_date: p.birth_date,
            self_certifications: p.self_certifications,
            not_in_agricultural_lists: p.not_in_agricultural_lists,
            parental_consent: p.parental_consent,
        }
    }
}

impl fmt::Debug for Prestatore {
    /// The codice fiscale masked, the names with their first letter, the birth date with its
    /// year: personal data.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Prestatore")
            .field("codice_fiscale", &self.codice_fiscale)
            .field("first_name", &Name(&self.first_name))
            .field("last_name", &Name(&self.last_name))
            .field("birth_date", &BirthDate(self.birth_date))
            .field("self_certifications", &self.self_certifications)
            .field("not_in_agricultural_lists", &self.not_in_agricultural_lists)
            .field("parental_consent", &self.parental_consent)
            .finish()
    }
}

fn clean_name(name: &str, field: &'static str) -> Result<String, PrestatoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(PrestatoreError::EmptyName { field });
    }
    if name.chars().any(char::is_control) {
        return Err(PrestatoreError::ControlCharacter { field });
    }
    Ok(name.to_owned())
}

/// Checks day, month and two-digit year of `birth_date` against the code; a provisional code
/// carries no birth data and is accepted.
fn check_birth(cf: &CodiceFiscale, birth_date: Date) -> Result<(), PrestatoreError> {
    let mismatch = |part, found, encoded| PrestatoreError::BirthDateMismatch {
        given: birth_date,
        part,
        found,
        encoded,
    };
    if let Some(day) = cf.birth_day()
        && day != birth_date.day()
    {
        return Err(mismatch("day", birth_date.day(), day));
    }
    if let Some(month) = cf.birth_month()
        && month != birth_date.month()
    {
        return Err(mismatch("month", birth_date.month() as u8, month as u8));
    }
    if let Some(yy) = cf.birth_year_two_digits() {
        let found = u8::try_from(birth_date.year().rem_euclid(100)).unwrap_or(u8::MAX);
        if yy != found {
            return Err(mismatch("year (two digits)", found, yy));
        }
    }
    Ok(())
}

impl Prestatore {
    /// A prestatore with its codice fiscale, first and last name (trimmed, non-empty) and birth
    /// date. The birth date's day, month and last two year digits must be those the code
    /// encodes (a provisional 11-digit code carries no birth data, so any date is accepted).
    ///
    /// # Errors
    ///
    /// [`PrestatoreError::EmptyName`], [`PrestatoreError::ControlCharacter`] or
    /// [`PrestatoreError::BirthDateMismatch`] naming the part that differs.
    ///
    /// Legal basis: D.M. 23/12/1976 (the birth date encoded in the codice fiscale).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    ///
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.last_name(), "Rossi");
    /// let err = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 11 - 10)).unwrap_err();
    /// assert_eq!(err.to_string(), "prestatore birth date 1985-11-10: month is 11, the codice fiscale encodes 12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        codice_fiscale: CodiceFiscale,
        first_name: &str,
        last_name: &str,
        birth_date: Date,
    ) -> Result<Prestatore, PrestatoreError> {
        let first_name = clean_name(first_name, "first name")?;
        let last_name = clean_name(last_name, "last name")?;
        check_birth(&codice_fiscale, birth_date)?;
        Ok(Prestatore {
            codice_fiscale,
            first_name,
            last_name,
            birth_date,
            self_certifications: Vec::new(),
            not_in_agricultural_lists: BTreeSet::new(),
            parental_consent: None,
        })
    }

    /// Adds a comma-8 self-certification.
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on
    /// 1/1/2023 (ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, Prestatore, SelfCertification};
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?
    ///     .with_self_certification(SelfCertification::new(Categoria::PensionatoInvalidita, date!(2020 - 01 - 01), None)?);
    /// assert_eq!(p.self_certifications().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_self_certification(mut self, certification: SelfCertification) -> Prestatore {
        self.self_certifications.push(certification);
        self
    }

    /// Records the self-certification that the prestatore was not listed in the elenchi
    /// anagrafici dei lavoratori agricoli in `year` (it matters for an agricultural CPO in
    /// `year + 1`, 2017-2022).
    ///
    /// Legal basis: art. 54-bis c. 14 lett. b D.L. 50/2017; c. 8-bis from 12/8/2018 to 31/12/2022
    /// (PROHIB-AGRI, ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?
    ///     .with_not_in_agricultural_lists(2018);
    /// assert!(p.certified_not_in_agricultural_lists(2018));
    /// assert!(!p.certified_not_in_agricultural_lists(2019));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_not_in_agricultural_lists(mut self, year: i32) -> Prestatore {
        self.not_in_agricultural_lists.insert(year);
        self
    }

    /// Records a parental consent.
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{ParentalConsent, Prestatore, Rules};
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA08H01A562E".parse()?, "Luca", "Rossi", date!(2008 - 06 - 01))?;
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert!(p.is_minor_on(date!(2026 - 03 - 07), rules));
    /// let p = p.with_parental_consent(ParentalConsent::new(date!(2026 - 01 - 10), "Anna Rossi")?)?;
    /// assert_eq!(p.parental_consent().map(|c| c.by()), Some("Anna Rossi"));
    ///
    /// let before_birth = ParentalConsent::new(date!(2001 - 01 - 10), "Anna Rossi")?;
    /// assert!(p.with_parental_consent(before_birth).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PrestatoreError::ConsentBeforeBirth`] when the consent is dated before the birth.
    pub fn with_parental_consent(
        mut self,
        consent: ParentalConsent,
    ) -> Result<Prestatore, PrestatoreError> {
        if consent.given_on < self.birth_date {
            return Err(PrestatoreError::ConsentBeforeBirth {
                given_on: consent.given_on,
                birth_date: self.birth_date,
            });
        }
        // The age of consent of the rules in force on the day (the first rules for a consent
        // given before the regime, to a minor who registers once it starts).
        let below = Rules::in_force_on(consent.given_on)
            .ok()
            .or_else(|| Rules::history().first())
            .map(|r| r.parental_consent_below_age.value);
        if let (Some(below), Some(age)) = (below, age_on(self.birth_date, consent.given_on))
            && age >= below
        {
            return Err(PrestatoreError::ConsentForAdult {
                given_on: consent.given_on,
                age,
                below,
            });
        }
        self.parental_consent = Some(consent);
        Ok(self)
    }

    /// The codice fiscale.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.codice_fiscale(), "RSSMRA85T10A562S".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn codice_fiscale(&self) -> CodiceFiscale {
        self.codice_fiscale
    }

    /// The first name, trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.first_name(), "Mario");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_name(&self) -> &str {
        &self.first_name
    }

    /// The last name, trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.last_name(), "Rossi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_name(&self) -> &str {
        &self.last_name
    }

    /// The birth date.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.birth_date(), date!(1985 - 12 - 10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// The comma-8 self-certifications.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert!(p.self_certifications().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn self_certifications(&self) -> &[SelfCertification] {
        &self.self_certifications
    }

    /// The years for which the prestatore self-certified not being in the agricultural lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert!(p.with_not_in_agricultural_lists(2020).not_in_agricultural_lists().contains(&2020));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn not_in_agricultural_lists(&self) -> &BTreeSet<i32> {
        &self.not_in_agricultural_lists
    }

    /// Whether the prestatore self-certified not being in the agricultural lists in `year`.
    ///
    /// Legal basis: art. 54-bis c. 14 lett. b D.L. 50/2017; c. 8-bis from 12/8/2018 to 31/12/2022
    /// (PROHIB-AGRI, ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?.with_not_in_agricultural_lists(2020);
    /// assert!(p.certified_not_in_agricultural_lists(2020));
    /// assert!(!p.certified_not_in_agricultural_lists(2021));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn certified_not_in_agricultural_lists(&self, year: i32) -> bool {
        self.not_in_agricultural_lists.contains(&year)
    }

    /// The parental consent, if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, " Mario ", "Rossi", date!(1985 - 12 - 10))?;
    /// assert!(p.parental_consent().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parental_consent(&self) -> Option<&ParentalConsent> {
        self.parental_consent.as_ref()
    }

    /// Age in whole years on `day` (`None` before the birth).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Prestatore;
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// assert_eq!(p.age_on(date!(2026 - 03 - 07)), Some(40));
    /// assert_eq!(p.age_on(date!(1980 - 01 - 01)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn age_on(&self, day: Date) -> Option<u32> {
        age_on(self.birth_date, day)
    }

    /// Whether the prestatore is under the age of parental consent of the rules in force
    /// (18) on `day` (`false` before the birth).
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Prestatore, Rules};
    /// use time::macros::date;
    /// let luca = Prestatore::new("RSSMRA08H01A562E".parse()?, "Luca", "Rossi", date!(2008 - 06 - 01))?;
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert!(luca.is_minor_on(date!(2026 - 05 - 31), rules));
    /// assert!(!luca.is_minor_on(date!(2026 - 06 - 01), rules));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_minor_on(&self, day: Date, rules: &Rules) -> bool {
        self.age_on(day)
            .is_some_and(|age| age < rules.parental_consent_below_age.value)
    }

    /// Every comma-8 category that holds on `day` (a student only while under 25 that day),
    /// sorted, without repeats.
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (reading R-WEIGHT-CAP-B).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, Prestatore, Rules, SelfCertification};
    /// use time::macros::date;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?
    ///     .with_self_certification(SelfCertification::new(Categoria::PercettoreSostegnoReddito, date!(2026 - 01 - 01), None)?)
    ///     .with_self_certification(SelfCertification::new(Categoria::Disoccupato, date!(2025 - 06 - 01), Some(date!(2026 - 02 - 28)))?);
    /// let rules = Rules::in_force_on(date!(2026 - 02 - 01))?;
    /// assert_eq!(p.categories_on(date!(2026 - 02 - 01), rules), [Categoria::Disoccupato, Categoria::PercettoreSostegnoReddito]);
    /// assert_eq!(p.categories_on(date!(2026 - 03 - 01), rules), [Categoria::PercettoreSostegnoReddito]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn categories_on(&self, day: Date, rules: &Rules) -> Vec<Categoria> {
        let mut categories: Vec<Categoria> = self
            .self_certifications
            .iter()
            .filter(|c| c.holds_on(day, self.birth_date, rules))
            .map(SelfCertification::categoria)
            .collect();
        categories.sort_unstable();
        categories.dedup();
        categories
    }

    /// A comma-8 category that holds on `day`, if any (the first in [`Categoria`] order).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (reading R-WEIGHT-CAP-B).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, Prestatore, Rules, SelfCertification};
    /// use time::macros::date;
    ///
    /// // Born 10/3/2001: a student until 9/3/2026, not on the 25th birthday.
    /// let p = Prestatore::new("RSSMRA01C10A562N".parse()?, "Mario", "Rossi", date!(2001 - 03 - 10))?
    ///     .with_self_certification(SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), None)?);
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 09))?;
    /// assert_eq!(p.special_category_on(date!(2026 - 03 - 09), rules), Some(Categoria::Studente));
    /// assert_eq!(p.special_category_on(date!(2026 - 03 - 10), rules), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn special_category_on(&self, day: Date, rules: &Rules) -> Option<Categoria> {
        self.categories_on(day, rules).first().copied()
    }
}
