//! The utilizzatore's headcount of permanent employees, month by month, and the semester average
//! that the CPO size limit compares (EMPLOYEE-COUNT, reading R-HEADCOUNT).

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use time::{Date, Month};

/// Why a monthly headcount or a semester average cannot be computed.
///
/// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017; INPS circ. 107/2017 §6.2
/// (EMPLOYEE-COUNT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{HeadcountError, MonthlyHeadcount};
/// use rust_decimal::Decimal;
///
/// assert!(MonthlyHeadcount::new(2, &[Decimal::new(5, 1)], 0).is_ok());
/// let err = MonthlyHeadcount::new(2, &[Decimal::ZERO], 0).unwrap_err();
/// assert_eq!(err, HeadcountError::PartTimeFraction { fraction: Decimal::ZERO });
/// assert_eq!(
///     err.to_string(),
///     "headcount part-time fraction 0 is not above 0 and below 1 (a full-timer counts as 1)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeadcountError {
    /// A part-timer's fraction is not above 0 and below 1.
    #[error(
        "headcount part-time fraction {fraction} is not above 0 and below 1 (a full-timer counts as 1)"
    )]
    PartTimeFraction {
        /// The fraction given.
        fraction: Decimal,
    },
    /// The monthly figure does not fit in the counter.
    #[error("headcount of {year}-{month:02} is too large")]
    Overflow {
        /// The year.
        year: i32,
        /// The month number.
        month: u8,
    },
    /// A month of the reference semester has no headcount.
    #[error(
        "headcount of {year}-{month:02} is missing: the semester from the 8th to the 3rd month before {day} needs every month (art. 54-bis c. 14 lett. a; INPS circ. 107/2017)"
    )]
    MissingMonth {
        /// The year of the missing month.
        year: i32,
        /// The missing month's number.
        month: u8,
        /// The day of the prestazione.
        day: Date,
    },
    /// A month number outside 1-12.
    #[error("headcount month {month} is not between 1 and 12")]
    Month {
        /// The number given.
        month: u8,
    },
    /// The reference semester falls before the representable calendar.
    #[error("headcount semester before {day} is out of the calendar's range")]
    OutOfRange {
        /// The day of the prestazione.
        day: Date,
    },
}

/// The permanent employees (lavoratori subordinati a tempo indeterminato) of one month: the
/// full-timers, the part-timers with their fraction of full time, and the apprentices (recorded
/// for completeness, never counted).
///
/// [`MonthlyHeadcount::figure`] is the rounded monthly figure: full-timers + the sum of the
/// part-time fractions, a fraction above 0,5 rounding up and one of 0,5 or less rounding down
/// (reading R-HEADCOUNT-HALF: the source read literally, not the stricter count).
///
/// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017; INPS circ. 107/2017 §6.2, msg 2887/2017
/// (EMPLOYEE-COUNT: apprentices excluded, part-timers pro rata, "fractions above 0,5 go
/// up").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::MonthlyHeadcount;
/// use rust_decimal::Decimal;
///
/// // 4 full-timers, two half-timers and a 60% part-timer, 2 apprentices: 4 + 1,6 = 5,6 -> 6.
/// let month = MonthlyHeadcount::new(4, &[Decimal::new(5, 1), Decimal::new(5, 1), Decimal::new(6, 1)], 2)?;
/// assert_eq!(month.figure(), 6);
/// // 5 + 0,5 = 5,5 -> 5: only a fraction above 0,5 rounds up.
/// assert_eq!(MonthlyHeadcount::new(5, &[Decimal::new(5, 1)], 0)?.figure(), 5);
///
/// assert_eq!(
///     MonthlyHeadcount::new(1, &[Decimal::ONE], 0).unwrap_err().to_string(),
///     "headcount part-time fraction 1 is not above 0 and below 1 (a full-timer counts as 1)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MonthlyHeadcountFields", into = "MonthlyHeadcountFields")
)]
pub struct MonthlyHeadcount {
    full_time: u32,
    part_time: Vec<Decimal>,
    apprentices: u32,
    exact: Decimal,
    figure: u32,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct MonthlyHeadcountFields {
    full_time: u32,
    #[serde(default)]
    part_time: Vec<Decimal>,
    #[serde(default)]
    apprentices: u32,
}

#[cfg(feature = "serde")]
impl TryFrom<MonthlyHeadcountFields> for MonthlyHeadcount {
    type Error = HeadcountError;
    fn try_from(f: MonthlyHeadcountFields) -> Result<Self, Self::Error> {
        MonthlyHeadcount::new(f.full_time, &f.part_time, f.apprentices)
    }
}

#[cfg(feature = "serde")]
impl From<MonthlyHeadcount> for MonthlyHeadcountFields {
    fn from(m: MonthlyHeadcount) -> Self {
        MonthlyHeadcountFields {
            full_time: m.full_time,
            part_time: m.part_time,
            apprentices: m.apprentices,
        }
    }
}

impl MonthlyHeadcount {
    /// A month with `full_time` full-timers, part-timers working the given fractions of full
    /// time (each above 0 and below 1), and `apprentices` apprentices (not counted).
    ///
    /// Legal basis: INPS circ. 107/2017 §6.2, msg 2887/2017 (EMPLOYEE-COUNT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::MonthlyHeadcount;
    /// use rust_decimal::Decimal;
    ///
    /// // 3 full-timers and a 60% part-timer: 3,6 -> 4; the apprentice is not counted.
    /// assert_eq!(MonthlyHeadcount::new(3, &[Decimal::new(6, 1)], 1)?.figure(), 4);
    /// assert!(MonthlyHeadcount::new(3, &[Decimal::new(15, 1)], 0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`HeadcountError::PartTimeFraction`] for a fraction not above 0 and below 1;
    /// [`HeadcountError::Overflow`] (with year 0 and month 0) if the total does not fit.
    pub fn new(
        full_time: u32,
        part_time: &[Decimal],
        apprentices: u32,
    ) -> Result<MonthlyHeadcount, HeadcountError> {
        let overflow = HeadcountError::Overflow { year: 0, month: 0 };
        let mut exact = Decimal::from(full_time);
        for &fraction in part_time {
            if fraction <= Decimal::ZERO || fraction >= Decimal::ONE {
                return Err(HeadcountError::PartTimeFraction { fraction });
            }
            exact = exact.checked_add(fraction).ok_or(overflow.clone())?;
        }
        let whole = exact.trunc();
        let rest = exact.checked_sub(whole).ok_or(overflow.clone())?;
        let rounded = if rest > Decimal::new(5, 1) {
            whole.checked_add(Decimal::ONE).ok_or(overflow.clone())?
        } else {
            whole
        };
        let figure = u32::try_from(rounded).map_err(|_| overflow)?;
        Ok(MonthlyHeadcount {
            full_time,
            part_time: part_time.to_vec(),
            apprentices,
            exact,
            figure,
        })
    }

    /// A month of `full_time` full-timers only (or a monthly figure the host already rounded).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::MonthlyHeadcount;
    /// assert_eq!(MonthlyHeadcount::full_time(10).figure(), 10);
    /// ```
    #[must_use]
    pub fn full_time(full_time: u32) -> MonthlyHeadcount {
        MonthlyHeadcount {
            full_time,
            part_time: Vec::new(),
            apprentices: 0,
            exact: Decimal::from(full_time),
            figure: full_time,
        }
    }

    /// The rounded monthly figure (fractions above 0,5 go up).
    ///
    /// Legal basis: INPS circ. 107/2017 §6.2 (EMPLOYEE-COUNT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::MonthlyHeadcount;
    /// use rust_decimal::Decimal;
    /// let m = MonthlyHeadcount::new(2, &[Decimal::new(75, 2)], 1)?;
    /// assert_eq!((m.figure(), m.exact(), m.apprentices()), (3, Decimal::new(275, 2), 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn figure(&self) -> u32 {
        self.figure
    }

    /// The unrounded total: full-timers + part-time fractions.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Decimal, MonthlyHeadcount};
    /// // 4 full-timers, one half-time worker, one apprentice.
    /// let m = MonthlyHeadcount::new(4, &[Decimal::new(5, 1)], 1)?;
    /// assert_eq!(m.exact(), Decimal::new(45, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn exact(&self) -> Decimal {
        self.exact
    }

    /// The number of full-timers.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Decimal, MonthlyHeadcount};
    /// // 4 full-timers, one half-time worker, one apprentice.
    /// let m = MonthlyHeadcount::new(4, &[Decimal::new(5, 1)], 1)?;
    /// assert_eq!(m.full_timers(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn full_timers(&self) -> u32 {
        self.full_time
    }

    /// The part-time fractions.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Decimal, MonthlyHeadcount};
    /// // 4 full-timers, one half-time worker, one apprentice.
    /// let m = MonthlyHeadcount::new(4, &[Decimal::new(5, 1)], 1)?;
    /// assert_eq!(m.part_time_fractions(), &[Decimal::new(5, 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn part_time_fractions(&self) -> &[Decimal] {
        &self.part_time
    }

    /// The apprentices (excluded from the figure).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Decimal, MonthlyHeadcount};
    /// // 4 full-timers, one half-time worker, one apprentice.
    /// let m = MonthlyHeadcount::new(4, &[Decimal::new(5, 1)], 1)?;
    /// assert_eq!(m.apprentices(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn apprentices(&self) -> u32 {
        self.apprentices
    }
}

/// The semester average of the monthly figures, unrounded, with the months it covers.
///
/// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017; INPS circ. 107/2017 §6.2; msg 2887/2017
/// (EMPLOYEE-COUNT, reading R-HEADCOUNT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
/// use time::{macros::date, Month};
///
/// let mut staff = Headcounts::new();
/// for (month, n) in [(Month::February, 10), (Month::March, 10), (Month::April, 11), (Month::May, 10), (Month::June, 10), (Month::July, 10)] {
///     staff.insert(2025, month, MonthlyHeadcount::full_time(n));
/// }
/// let avg = staff.semester_average(date!(2025 - 10 - 15))?;
/// assert_eq!(avg.to_string(), "10,17 (Feb-Jul 2025)");
/// assert!(avg.is_more_than(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SemesterAverage {
    /// The unrounded average of the six monthly figures.
    pub average: Decimal,
    /// The first month (year, month).
    pub first: (i32, Month),
    /// The last month (year, month).
    pub last: (i32, Month),
    /// The six monthly figures, oldest first.
    pub figures: [u32; 6],
}

impl SemesterAverage {
    /// The average rounded to two decimals (half away from zero), with the Italian decimal
    /// comma: `5,17`.
    pub(crate) fn figure(&self) -> String {
        crate::format::italian_decimal(
            self.average
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// Whether the average is more than `limit` (5,1 is more than 5; 10 is not more than 10).
    ///
    /// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017; INPS msg 2887/2017 (reading R-HEADCOUNT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::SemesterAverage;
    /// use time::Month;
    /// let avg = SemesterAverage { average: "5.1".parse()?, first: (2019, Month::February), last: (2019, Month::July), figures: [5, 5, 5, 5, 5, 6] };
    /// assert!(avg.is_more_than(5));
    /// assert!(!avg.is_more_than(6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_more_than(&self, limit: u32) -> bool {
        self.average > Decimal::from(limit)
    }

    /// The months in words: `Feb-Jul 2025`, or `Nov 2024-Apr 2025` across a year.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::SemesterAverage;
    /// use time::Month;
    /// let avg = SemesterAverage { average: "6".parse()?, first: (2024, Month::November), last: (2025, Month::April), figures: [6; 6] };
    /// assert_eq!(avg.months_in_words(), "Nov 2024-Apr 2025");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn months_in_words(&self) -> String {
        let (y1, m1) = self.first;
        let (y2, m2) = self.last;
        if y1 == y2 {
            format!("{}-{} {y2}", short(m1), short(m2))
        } else {
            format!("{} {y1}-{} {y2}", short(m1), short(m2))
        }
    }
}

impl fmt::Display for SemesterAverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.figure(), self.months_in_words())
    }
}

fn short(month: Month) -> &'static str {
    match month {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

/// The monthly headcounts of an utilizzatore's permanent employees, keyed by calendar month
/// (whole company, not local unit).
///
/// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017; INPS circ. 107/2017 §6.2; msg 2887/2017
/// (EMPLOYEE-COUNT, reading R-HEADCOUNT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
/// use time::{macros::date, Month};
///
/// let mut staff = Headcounts::new();
/// for month in [Month::February, Month::March, Month::April, Month::May, Month::June] {
///     staff.insert(2025, month, MonthlyHeadcount::full_time(3));
/// }
/// // July 2025 is missing.
/// assert_eq!(
///     staff.semester_average(date!(2025 - 10 - 15)).unwrap_err().to_string(),
///     "headcount of 2025-07 is missing: the semester from the 8th to the 3rd month before 2025-10-15 needs every month (art. 54-bis c. 14 lett. a; INPS circ. 107/2017)"
/// );
/// staff.insert(2025, Month::July, MonthlyHeadcount::full_time(3));
/// assert!(!staff.semester_average(date!(2025 - 10 - 15))?.is_more_than(5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "Vec<HeadcountEntry>", into = "Vec<HeadcountEntry>")
)]
pub struct Headcounts {
    /// Keyed by (year, month number 1-12).
    months: BTreeMap<(i32, u8), MonthlyHeadcount>,
}

/// One month of [`Headcounts`] as serialised: a list of these, oldest first.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadcountEntry {
    year: i32,
    month: u8,
    full_time: u32,
    #[serde(default)]
    part_time: Vec<Decimal>,
    #[serde(default)]
    apprentices: u32,
}

#[cfg(feature = "serde")]
impl TryFrom<Vec<HeadcountEntry>> for Headcounts {
    type Error = HeadcountError;
    fn try_from(entries: Vec<HeadcountEntry>) -> Result<Self, Self::Error> {
        let mut h = Headcounts::new();
        for e in entries {
            let month =
                Month::try_from(e.month).map_err(|_| HeadcountError::Month { month: e.month })?;
            let headcount = MonthlyHeadcount::new(e.full_time, &e.part_time, e.apprentices)?;
            h.insert(e.year, month, headcount);
        }
        Ok(h)
    }
}

#[cfg(feature = "serde")]
impl From<Headcounts> for Vec<HeadcountEntry> {
    fn from(h: Headcounts) -> Self {
        h.months
            .into_iter()
            .map(|((year, month), headcount)| HeadcountEntry {
                year,
                month,
                full_time: headcount.full_time,
                part_time: headcount.part_time,
                apprentices: headcount.apprentices,
            })
            .collect()
    }
}

impl Headcounts {
    /// No months recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Headcounts;
    /// let staff = Headcounts::new();
    /// assert_eq!(staff.iter().count(), 0);
    /// assert_eq!(staff, Headcounts::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Headcounts {
        Headcounts::default()
    }

    /// Records (or replaces) the headcount of `month` of `year`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
    /// use time::Month;
    /// let mut staff = Headcounts::new();
    /// staff.insert(2025, Month::March, MonthlyHeadcount::full_time(4));
    /// assert_eq!(staff.get(2025, Month::March).map(MonthlyHeadcount::figure), Some(4));
    /// assert!(staff.get(2025, Month::April).is_none());
    /// ```
    pub fn insert(&mut self, year: i32, month: Month, headcount: MonthlyHeadcount) {
        self.months.insert((year, month as u8), headcount);
    }

    /// The headcount of `month` of `year`, if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
    /// use time::Month;
    ///
    /// let mut staff = Headcounts::new();
    /// staff.insert(2025, Month::May, MonthlyHeadcount::full_time(7));
    /// assert_eq!(staff.get(2025, Month::May).map(MonthlyHeadcount::figure), Some(7));
    /// assert_eq!(staff.get(2024, Month::May), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, year: i32, month: Month) -> Option<&MonthlyHeadcount> {
        self.months.get(&(year, month as u8))
    }

    /// Every recorded month, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
    /// use time::Month;
    ///
    /// let mut staff = Headcounts::new();
    /// staff.insert(2025, Month::May, MonthlyHeadcount::full_time(7));
    /// staff.insert(2024, Month::December, MonthlyHeadcount::full_time(6));
    /// let months: Vec<_> = staff.iter().map(|(month, h)| (month, h.figure())).collect();
    /// assert_eq!(months, [((2024, Month::December), 6), ((2025, Month::May), 7)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = ((i32, Month), &MonthlyHeadcount)> + '_ {
        self.months
            .iter()
            .filter_map(|(&(y, m), h)| Month::try_from(m).ok().map(|m| ((y, m), h)))
    }

    /// The average of the monthly figures of the semester from the 8th to the 3rd month before
    /// the month of `day` (a prestazione in October 2025 uses February-July 2025), unrounded.
    ///
    /// Legal basis: INPS circ. 107/2017 §6.2; msg 2887/2017 (EMPLOYEE-COUNT, R-HEADCOUNT).
    ///
    /// # Errors
    ///
    /// [`HeadcountError::MissingMonth`] naming the first month without a headcount;
    /// [`HeadcountError::OutOfRange`] at the edge of the calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount};
    /// use rust_decimal::Decimal;
    /// use time::{macros::date, Month};
    ///
    /// let mut staff = Headcounts::new();
    /// for month in [Month::November, Month::December] {
    ///     staff.insert(2024, month, MonthlyHeadcount::full_time(5));
    /// }
    /// for month in [Month::January, Month::February, Month::March] {
    ///     staff.insert(2025, month, MonthlyHeadcount::full_time(6));
    /// }
    /// // July 2025 needs November 2024 to April 2025: April is missing.
    /// assert_eq!(
    ///     staff.semester_average(date!(2025 - 07 - 01)).unwrap_err().to_string(),
    ///     "headcount of 2025-04 is missing: the semester from the 8th to the 3rd month before 2025-07-01 needs every month (art. 54-bis c. 14 lett. a; INPS circ. 107/2017)"
    /// );
    /// staff.insert(2025, Month::April, MonthlyHeadcount::full_time(6));
    /// let avg = staff.semester_average(date!(2025 - 07 - 01))?;
    /// assert_eq!(avg.figures, [5, 5, 6, 6, 6, 6]);
    /// assert_eq!(avg.average * Decimal::from(3), Decimal::from(17));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn semester_average(&self, day: Date) -> Result<SemesterAverage, HeadcountError> {
        let index = i64::from(day.year()) * 12 + i64::from(day.month() as u8) - 1;
        let mut figures = [0_u32; 6];
        let mut months = [(0_i32, Month::January); 6];
        let mut sum = Decimal::ZERO;
        for (k, (figure, slot)) in figures.iter_mut().zip(months.iter_mut()).enumerate() {
            // k = 0 is the 8th month before, k = 5 the 3rd.
            let back = 8 - i64::try_from(k).map_err(|_| HeadcountError::OutOfRange { day })?;
            let m = index - back;
            let year =
                i32::try_from(m.div_euclid(12)).map_err(|_| HeadcountError::OutOfRange { day })?;
            let month_number = u8::try_from(m.rem_euclid(12) + 1)
                .map_err(|_| HeadcountError::OutOfRange { day })?;
            let month =
                Month::try_from(month_number).map_err(|_| HeadcountError::OutOfRange { day })?;
            let headcount =
                self.months
                    .get(&(year, month_number))
                    .ok_or(HeadcountError::MissingMonth {
                        year,
                        month: month_number,
                        day,
                    })?;
            *figure = headcount.figure();
            *slot = (year, month);
            sum = sum.checked_add(Decimal::from(headcount.figure())).ok_or(
                HeadcountError::Overflow {
                    year,
                    month: month_number,
                },
            )?;
        }
        let average = sum
            .checked_div(Decimal::from(6))
            .ok_or(HeadcountError::OutOfRange { day })?;
        let (first, last) = (months[0], months[5]);
        Ok(SemesterAverage {
            average,
            first,
            last,
            figures,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn semester_across_the_year() {
        let mut h = Headcounts::new();
        for m in [11_u8, 12] {
            h.insert(
                2024,
                Month::try_from(m).unwrap(),
                MonthlyHeadcount::full_time(5),
            );
        }
        for m in 1_u8..=4 {
            h.insert(
                2025,
                Month::try_from(m).unwrap(),
                MonthlyHeadcount::full_time(6),
            );
        }
        // July 2025: 8th month before = November 2024, 3rd = April 2025.
        let avg = h.semester_average(date!(2025 - 07 - 01)).unwrap();
        assert_eq!(avg.months_in_words(), "Nov 2024-Apr 2025");
        assert_eq!(avg.figures, [5, 5, 6, 6, 6, 6]);
        assert!(avg.is_more_than(5));
    }

    #[test]
    fn rounding_of_fractions() {
        let half = Decimal::new(5, 1);
        let m = MonthlyHeadcount::new(0, &[half, Decimal::new(1, 2)], 0).unwrap();
        assert_eq!(m.figure(), 1);
        assert_eq!(MonthlyHeadcount::new(0, &[half], 0).unwrap().figure(), 0);
    }

    /// EMPLOYEE-COUNT (INPS circ. 107/2017 §6.2, msg 2887/2017): a month keeps what it was given,
    /// apprentices recorded but not counted, part-timers pro rata.
    #[test]
    fn a_month_keeps_its_parts() {
        let fractions = [Decimal::new(5, 1), Decimal::new(6, 1)];
        let m = MonthlyHeadcount::new(4, &fractions, 2).unwrap();
        assert_eq!(m.full_timers(), 4);
        assert_eq!(m.part_time_fractions(), &fractions);
        assert_eq!(m.apprentices(), 2);
        assert_eq!(m.exact(), Decimal::new(51, 1));
        assert_eq!(m.figure(), 5);
        let plain = MonthlyHeadcount::full_time(7);
        assert_eq!(
            (plain.full_timers(), plain.apprentices(), plain.exact()),
            (7, 0, Decimal::from(7))
        );
        assert!(plain.part_time_fractions().is_empty());
        // A part-timer works a fraction above 0 and below 1: 0 and 1 (a full-timer) are refused.
        for fraction in [Decimal::ZERO, Decimal::ONE] {
            assert_eq!(
                MonthlyHeadcount::new(1, &[fraction], 0),
                Err(HeadcountError::PartTimeFraction { fraction })
            );
        }
    }

    #[test]
    fn a_recorded_month_is_found_and_the_average_reads_in_words() {
        let mut h = Headcounts::new();
        let months = [
            Month::February,
            Month::March,
            Month::April,
            Month::May,
            Month::June,
            Month::July,
        ];
        for (month, n) in months.into_iter().zip([10, 10, 11, 10, 10, 10]) {
            h.insert(2025, month, MonthlyHeadcount::full_time(n));
        }
        assert_eq!(
            h.get(2025, Month::April).map(MonthlyHeadcount::figure),
            Some(11)
        );
        assert_eq!(h.get(2025, Month::August), None);
        // October 2025 uses February-July 2025: 61 / 6 = 10,1666... shown as 10,17.
        let avg = h.semester_average(date!(2025 - 10 - 15)).unwrap();
        assert_eq!(avg.to_string(), "10,17 (Feb-Jul 2025)");
    }
}
