//! Citations: where a rule comes from, carried as data next to every value.

use std::borrow::Cow;
use std::fmt;

use time::Date;

/// Where a rule comes from: act, article, comma, letter, amending act, implementing INPS act and,
/// where the sources disagree, the reading the crate takes (one of [`crate::law::readings`]).
///
/// Every value of the rules table carries one, so an assessment can quote it.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Citation;
///
/// let cap_b = Citation::art54bis("1")
///     .letter("b")
///     .amended_by("L. 197/2022 art. 1 c. 342 lett. a")
///     .implemented_by("INPS circ. 6/2023");
/// assert_eq!(
///     cap_b.to_string(),
///     "art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Citation {
    /// The act: `D.L. 50/2017`, `L. 689/1981`, `INPS msg 410/2023`.
    pub act: Cow<'static, str>,
    /// The article, when the act has articles (`54-bis`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub article: Option<Cow<'static, str>>,
    /// The comma (`1`, `1-bis`, `17`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub comma: Option<Cow<'static, str>>,
    /// The letter of the comma (`b`, `c-bis`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub letter: Option<Cow<'static, str>>,
    /// The act that introduced or amended this text (`L. 197/2022 art. 1 c. 342 lett. a`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub amended_by: Option<Cow<'static, str>>,
    /// The INPS or INL act that implements or interprets it (`INPS circ. 107/2017`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub implemented_by: Option<Cow<'static, str>>,
    /// The reading of [`crate::law::readings`] taken where the sources disagree or are silent
    /// (`R-ONERI-BASE: oneri = 1% of the amount paid in`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub reading: Option<Cow<'static, str>>,
}

impl Citation {
    /// A comma of art. 54-bis D.L. 24/4/2017 n. 50 (as converted by L. 96/2017).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// assert_eq!(Citation::art54bis("20").to_string(), "art. 54-bis c. 20 D.L. 50/2017");
    /// ```
    #[must_use]
    pub fn art54bis(comma: &'static str) -> Citation {
        Citation {
            act: Cow::Borrowed("D.L. 50/2017"),
            article: Some(Cow::Borrowed("54-bis")),
            comma: Some(Cow::Borrowed(comma)),
            letter: None,
            amended_by: None,
            implemented_by: None,
            reading: None,
        }
    }

    /// Any other act, quoted whole (`INPS msg 410/2023`, `L. 977/1967 art. 3`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// assert_eq!(Citation::act("INPS msg 410/2023").to_string(), "INPS msg 410/2023");
    /// ```
    #[must_use]
    pub fn act(act: impl Into<Cow<'static, str>>) -> Citation {
        Citation {
            act: act.into(),
            article: None,
            comma: None,
            letter: None,
            amended_by: None,
            implemented_by: None,
            reading: None,
        }
    }

    /// Adds the letter of the comma.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// let c = Citation::art54bis("14").letter("d");
    /// assert_eq!(c.to_string(), "art. 54-bis c. 14 lett. d D.L. 50/2017");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn letter(mut self, letter: impl Into<Cow<'static, str>>) -> Citation {
        self.letter = Some(letter.into());
        self
    }

    /// Adds the amending act.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// let c = Citation::art54bis("20").amended_by("D.L. 87/2018");
    /// assert_eq!(c.to_string(), "art. 54-bis c. 20 D.L. 50/2017, as amended by D.L. 87/2018");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amended_by(mut self, act: impl Into<Cow<'static, str>>) -> Citation {
        self.amended_by = Some(act.into());
        self
    }

    /// Adds the implementing INPS or INL act.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// let c = Citation::art54bis("17").implemented_by("INPS circ. 107/2017");
    /// assert_eq!(c.to_string(), "art. 54-bis c. 17 D.L. 50/2017; INPS circ. 107/2017");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn implemented_by(mut self, act: impl Into<Cow<'static, str>>) -> Citation {
        self.implemented_by = Some(act.into());
        self
    }

    /// Adds the reading of [`crate::law::readings`] the value follows.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Citation;
    /// let c = Citation::art54bis("20").reading("R-FINE-PER-DAY");
    /// assert_eq!(c.to_string(), "art. 54-bis c. 20 D.L. 50/2017; reading R-FINE-PER-DAY");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reading(mut self, reading: impl Into<Cow<'static, str>>) -> Citation {
        self.reading = Some(reading.into());
        self
    }
}

impl Citation {
    /// The length in bytes of its longest text field (to bound what a rules table may hold).
    pub(crate) fn longest_text(&self) -> usize {
        [
            Some(&self.act),
            self.article.as_ref(),
            self.comma.as_ref(),
            self.letter.as_ref(),
            self.amended_by.as_ref(),
            self.implemented_by.as_ref(),
            self.reading.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(|text| text.len())
        .max()
        .unwrap_or(0)
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.article {
            Some(article) => {
                write!(f, "art. {article}")?;
                if let Some(comma) = &self.comma {
                    write!(f, " c. {comma}")?;
                }
                if let Some(letter) = &self.letter {
                    write!(f, " lett. {letter}")?;
                }
                write!(f, " {}", self.act)?;
            }
            None => f.write_str(&self.act)?,
        }
        if let Some(amended) = &self.amended_by {
            write!(f, ", as amended by {amended}")?;
        }
        if let Some(implemented) = &self.implemented_by {
            write!(f, "; {implemented}")?;
        }
        if let Some(reading) = &self.reading {
            write!(f, "; reading {reading}")?;
        }
        Ok(())
    }
}

/// A value with the citation that sets it.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let cap = &rules.cap_pair;
/// assert_eq!(cap.value, Euro::from_euros(2_500));
/// assert_eq!(cap.citation.to_string(), "art. 54-bis c. 1 lett. c D.L. 50/2017");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Cited<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub citation: Citation,
}

/// One row of a dated series in the rules table: the value in force from `from` (inclusive)
/// until the day before the next row's `from`, with its citation.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Citation, Dated, Euro};
/// use time::macros::date;
///
/// let row = Dated::new(
///     date!(2023 - 01 - 01),
///     Euro::from_euros(10_000),
///     Citation::art54bis("1").letter("b").amended_by("L. 197/2022 art. 1 c. 342 lett. a"),
/// );
/// assert_eq!(row.from, date!(2023 - 01 - 01));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Dated<T> {
    /// First day the value is in force.
    pub from: Date,
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub citation: Citation,
}

impl<T> Dated<T> {
    /// A row in force from `from`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Citation, Dated, Euro};
    /// use time::macros::date;
    ///
    /// let row = Dated::new(date!(2017 - 06 - 24), Euro::from_euros(5_000), Citation::art54bis("1").letter("a"));
    /// assert_eq!(row.from, date!(2017 - 06 - 24));
    /// assert_eq!(row.value, Euro::from_euros(5_000));
    /// assert_eq!(row.citation.to_string(), "art. 54-bis c. 1 lett. a D.L. 50/2017");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(from: Date, value: T, citation: Citation) -> Dated<T> {
        Dated {
            from,
            value,
            citation,
        }
    }
}
