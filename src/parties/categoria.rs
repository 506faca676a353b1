//! The comma-8 categories of prestatori and their self-certifications.

use std::fmt;

use time::Date;

use crate::rules::Rules;

/// A comma-8 category: compensi paid to a prestatore in one of these count at 75% in the
/// utilizzatore's cap b (never in caps a, c or c-bis).
///
/// A category is optional (reading R-CATEGORY-OPTIONAL): any person may be a prestatore; the category matters for
/// the 75% weighting and, historically, for agriculture (2017-2022) and hotels (2018-2022).
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017; self-certified in the platform (platform practice
/// since INPS circ. 107/2017; c. 8-bis, added by D.L. 87/2018, from 12/8/2018 until its repeal by
/// L. 197/2022 art. 1 c. 342 from 1/1/2023; ELIG-SELFCERT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Categoria;
/// assert_eq!(Categoria::Studente.to_string(), "studente under 25");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Categoria {
    /// Titolare di pensione di vecchiaia.
    PensionatoVecchiaia,
    /// Titolare di pensione di invalidità.
    PensionatoInvalidita,
    /// Giovane under 25 regularly enrolled in a ciclo di studi at a school or university; counts
    /// only while under 25 on the day of the prestazione (reading R-WEIGHT-CAP-B).
    Studente,
    /// Persona disoccupata under art. 19 d.lgs. 150/2015.
    Disoccupato,
    /// Percettore di prestazioni integrative del salario, di reddito di inclusione or of other
    /// prestazioni di sostegno del reddito; the crate counts NASpI, DIS-COLL, ADI and SFL here
    /// when the prestatore self-certifies it (reading R-INCOME-SUPPORT; whether ADI and SFL count is
    /// UNCONFIRMED, reading R-INCOME-SUPPORT).
    PercettoreSostegnoReddito,
}

impl fmt::Display for Categoria {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Categoria::PensionatoVecchiaia => "pensionato (vecchiaia)",
            Categoria::PensionatoInvalidita => "pensionato (invalidità)",
            Categoria::Studente => "studente under 25",
            Categoria::Disoccupato => "disoccupato",
            Categoria::PercettoreSostegnoReddito => "percettore di sostegno del reddito",
        })
    }
}

/// Why a self-certification is invalid.
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on 1/1/2023
/// (ELIG-SELFCERT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Categoria, SelfCertification, SelfCertificationError};
/// use time::macros::date;
///
/// assert!(SelfCertification::new(Categoria::Disoccupato, date!(2026 - 01 - 01), Some(date!(2026 - 01 - 01))).is_ok());
/// let err = SelfCertification::new(Categoria::Disoccupato, date!(2026 - 02 - 01), Some(date!(2026 - 01 - 31))).unwrap_err();
/// assert!(matches!(err, SelfCertificationError::EndsBeforeStart { .. }));
/// assert_eq!(err.to_string(), "self-certification disoccupato: until 2026-01-31 is before from 2026-02-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SelfCertificationError {
    /// The period ends before it starts.
    #[error("self-certification {categoria}: until {until} is before from {from}")]
    EndsBeforeStart {
        /// The category.
        categoria: Categoria,
        /// First day.
        from: Date,
        /// Last day.
        until: Date,
    },
}

/// A prestatore's self-certification of a comma-8 category, valid over a date range (both ends
/// inclusive; `until: None` while it holds).
///
/// The crate does not second-guess a self-certification (reading R-INCOME-SUPPORT); a false one moves the fine
/// away from the utilizzatore (art. 54-bis c. 20 as amended by D.L. 87/2018).
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on 1/1/2023
/// (CAP-75PCT, ELIG-SELFCERT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Categoria, Rules, SelfCertification};
/// use time::macros::date;
///
/// let student = SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), None)?;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// // Born 10/3/2001: 24 on 7/3/2026, 25 from 10/3/2026.
/// assert!(student.holds_on(date!(2026 - 03 - 07), date!(2001 - 03 - 10), rules));
/// assert!(!student.holds_on(date!(2026 - 03 - 10), date!(2001 - 03 - 10), rules));
///
/// assert!(SelfCertification::new(Categoria::Disoccupato, date!(2026 - 02 - 01), Some(date!(2026 - 01 - 01))).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SelfCertificationFields", into = "SelfCertificationFields")
)]
pub struct SelfCertification {
    categoria: Categoria,
    from: Date,
    until: Option<Date>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SelfCertificationFields {
    categoria: Categoria,
    from: Date,
    until: Option<Date>,
}

#[cfg(feature = "serde")]
impl TryFrom<SelfCertificationFields> for SelfCertification {
    type Error = SelfCertificationError;
    fn try_from(f: SelfCertificationFields) -> Result<Self, Self::Error> {
        SelfCertification::new(f.categoria, f.from, f.until)
    }
}

#[cfg(feature = "serde")]
impl From<SelfCertification> for SelfCertificationFields {
    fn from(s: SelfCertification) -> Self {
        SelfCertificationFields {
            categoria: s.categoria,
            from: s.from,
            until: s.until,
        }
    }
}

impl SelfCertification {
    /// A self-certification of `categoria` from `from` until `until` (inclusive).
    ///
    /// # Errors
    ///
    /// [`SelfCertificationError::EndsBeforeStart`] when `until` is before `from`.
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on
    /// 1/1/2023 (ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// use time::macros::date;
    ///
    /// let c = SelfCertification::new(Categoria::PensionatoVecchiaia, date!(2026 - 01 - 01), None)?;
    /// assert_eq!((c.categoria(), c.until()), (Categoria::PensionatoVecchiaia, None));
    /// assert!(SelfCertification::new(Categoria::PensionatoVecchiaia, date!(2026 - 01 - 01), Some(date!(2025 - 01 - 01))).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        categoria: Categoria,
        from: Date,
        until: Option<Date>,
    ) -> Result<SelfCertification, SelfCertificationError> {
        if let Some(until) = until
            && until < from
        {
            return Err(SelfCertificationError::EndsBeforeStart {
                categoria,
                from,
                until,
            });
        }
        Ok(SelfCertification {
            categoria,
            from,
            until,
        })
    }

    /// The category.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// use time::macros::date;
    /// let s = SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), Some(date!(2026 - 07 - 31)))?;
    /// assert_eq!(s.categoria(), Categoria::Studente);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn categoria(&self) -> Categoria {
        self.categoria
    }

    /// The first day.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// use time::macros::date;
    /// let s = SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), Some(date!(2026 - 07 - 31)))?;
    /// assert_eq!(s.from(), date!(2025 - 09 - 01));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from(&self) -> Date {
        self.from
    }

    /// The last day, if it ends.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// use time::macros::date;
    /// let s = SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), Some(date!(2026 - 07 - 31)))?;
    /// assert_eq!(s.until(), Some(date!(2026 - 07 - 31)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn until(&self) -> Option<Date> {
        self.until
    }

    /// Whether `day` is within the certified period (both ends inclusive).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// use time::macros::date;
    /// let c = SelfCertification::new(Categoria::Disoccupato, date!(2026 - 01 - 01), Some(date!(2026 - 01 - 31)))?;
    /// assert!(c.covers(date!(2026 - 01 - 01)) && c.covers(date!(2026 - 01 - 31)));
    /// assert!(!c.covers(date!(2026 - 02 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }

    /// Whether the category holds on `day` for a prestatore born on `birth_date`: within the
    /// period and, for a student, under the age limit of the rules in force (25) that day
    /// (reading R-WEIGHT-CAP-B).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Categoria, Rules, SelfCertification};
    /// use time::macros::date;
    /// let c = SelfCertification::new(Categoria::Disoccupato, date!(2026 - 01 - 01), None)?;
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert!(c.holds_on(date!(2026 - 03 - 07), date!(1985 - 12 - 10), rules));
    /// assert!(!c.holds_on(date!(2025 - 12 - 31), date!(1985 - 12 - 10), rules));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn holds_on(&self, day: Date, birth_date: Date, rules: &Rules) -> bool {
        if !self.covers(day) {
            return false;
        }
        match self.categoria {
            Categoria::Studente => {
                age_on(birth_date, day).is_some_and(|age| age < rules.student_age_limit.value)
            }
            _ => true,
        }
    }
}

/// Age in whole years on `day` of someone born on `birth_date`, or `None` if `day` is before the
/// birth. A person born on 29 February turns a year older on 1 March in common years.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::age_on;
/// use time::macros::date;
/// assert_eq!(age_on(date!(2001 - 03 - 10), date!(2026 - 03 - 09)), Some(24));
/// assert_eq!(age_on(date!(2001 - 03 - 10), date!(2026 - 03 - 10)), Some(25));
/// assert_eq!(age_on(date!(2008 - 02 - 29), date!(2024 - 02 - 28)), Some(15));
/// assert_eq!(age_on(date!(2008 - 02 - 29), date!(2024 - 02 - 29)), Some(16));
/// assert_eq!(age_on(date!(2008 - 02 - 29), date!(2025 - 02 - 28)), Some(16));
/// assert_eq!(age_on(date!(2026 - 01 - 01), date!(2025 - 01 - 01)), None);
/// ```
#[must_use]
pub fn age_on(birth_date: Date, day: Date) -> Option<u32> {
    if day < birth_date {
        return None;
    }
    let years = day.year() - birth_date.year();
    let had_birthday =
        (day.month() as u8, day.day()) >= (birth_date.month() as u8, birth_date.day());
    let age = if had_birthday { years } else { years - 1 };
    u32::try_from(age).ok()
}
