//! Italian civil time (Europe/Rome: CET, CEST in summer): the conversion every calendar rule of
//! the regime goes through (reading R-CIVIL-TIME).
//!
//! The host passes instants in any offset (an instant is an instant: `22:30 UTC` and `00:30
//! +02:00` are the same); the crate works out the Italian civil date and time itself with the
//! clock rule of the rules table ([`ClockRule`], series `civil_time`). [`ItalianClock`] is the
//! conversion, both ways:
//!
//! - instant → Italian date-time: always one answer, [`ItalianClock::to_italian`];
//! - Italian date-time → instant: one answer, none (the hour skipped when summer time starts) or
//!   two (the hour repeated when it ends), [`ItalianClock::resolve`]. A deadline is never guessed:
//!   [`ItalianClock::instant`] refuses the last two. Midnight and 23:59:59, the only local times
//!   the crate converts into instants (the split of a prestazione at midnight, the end of the
//!   revoca and LF deadlines), always exist exactly once: the rules table refuses a clock rule that
//!   changes the clocks outside 01:00-13:00 local time.
//!
//! **Which row.** The clock rule for an instant is the row of the `civil_time` series in force on
//! the instant's UTC date (the Italian date cannot choose it: it is what the rule computes); an
//! instant before the table's first day takes the first row (the EU rule in it dates from 1996,
//! before the regime). A function that receives the rules of one day ([`Rules`]) instead of a
//! table converts with that day's clock rule.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::format;
use crate::rules::{ClockRule, Dated, Rules, RulesTable};

/// Why an instant or an Italian local time cannot be converted.
///
/// Legal basis: Directive 2000/84/EC (reading R-CIVIL-TIME).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ItalianClock;
/// use time::macros::datetime;
///
/// // 02:30 of the last Sunday of March 2026 does not exist in Italy: 02:00 CET became 03:00 CEST.
/// let err = ItalianClock::embedded().instant(datetime!(2026-03-29 02:30)).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "Italian civil time 2026-03-29 02:30:00 does not exist: the clocks skip it when summer time starts (reading R-CIVIL-TIME)"
/// );
///
/// let last = time::PrimitiveDateTime::MAX.assume_utc();
/// assert_eq!(
///     ItalianClock::embedded().to_italian(last).unwrap_err().to_string(),
///     "the Italian civil time of 9999-12-31 23:59:59 +00:00 falls outside the representable dates"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CivilTimeError {
    /// The Italian civil time of an instant falls past 9999-12-31 (or before -9999-01-01).
    #[error(
        "the Italian civil time of {} falls outside the representable dates",
        format::instant(.instant)
    )]
    InstantOutOfRange {
        /// The instant.
        instant: OffsetDateTime,
    },
    /// No instant of an Italian local time is representable.
    #[error(
        "the instant of Italian civil time {} falls outside the representable dates",
        format::local(.local)
    )]
    LocalOutOfRange {
        /// The local time.
        local: PrimitiveDateTime,
    },
    /// A local time that the clocks skip when summer time starts (02:00-02:59:59 of the last
    /// Sunday of March under the EU rule).
    #[error(
        "Italian civil time {} does not exist: the clocks skip it when summer time starts (reading R-CIVIL-TIME)",
        format::local(.local)
    )]
    Skipped {
        /// The local time asked for.
        local: PrimitiveDateTime,
    },
    /// A local time that happens twice when summer time ends (02:00-02:59:59 of the last Sunday
    /// of October under the EU rule).
    #[error(
        "Italian civil time {} happens twice, at {} and at {}, when summer time ends: give the instant with its offset (reading R-CIVIL-TIME)",
        format::local(.local),
        format::instant(.earlier),
        format::instant(.later)
    )]
    Repeated {
        /// The local time asked for.
        local: PrimitiveDateTime,
        /// Its first occurrence (summer time).
        earlier: OffsetDateTime,
        /// Its second occurrence (standard time).
        later: OffsetDateTime,
    },
}

/// The instants at which an Italian local date-time happens: one, none (skipped when summer time
/// starts) or two (repeated when it ends). Every instant is in the Italian offset of its moment.
///
/// Legal basis: Directive 2000/84/EC (reading R-CIVIL-TIME).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{ItalianClock, LocalInstant};
/// use time::macros::datetime;
///
/// let clock = ItalianClock::embedded();
/// assert_eq!(clock.resolve(datetime!(2026-07-31 23:59:59))?, LocalInstant::Unique(datetime!(2026-07-31 23:59:59 +02:00)));
/// assert_eq!(clock.resolve(datetime!(2026-03-29 02:30))?, LocalInstant::Skipped);
/// assert_eq!(
///     clock.resolve(datetime!(2026-10-25 02:30))?,
///     LocalInstant::Repeated { earlier: datetime!(2026-10-25 02:30 +02:00), later: datetime!(2026-10-25 02:30 +01:00) }
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LocalInstant {
    /// The local time happens once, at this instant.
    Unique(OffsetDateTime),
    /// The local time does not exist: the clocks skip it.
    Skipped,
    /// The local time happens twice.
    Repeated {
        /// The first occurrence (summer time).
        earlier: OffsetDateTime,
        /// The second occurrence (standard time).
        later: OffsetDateTime,
    },
}

/// Italian civil time: the clock rule of a rules table (or of one version of it) applied to
/// instants and local times (reading R-CIVIL-TIME).
///
/// - Instant → Italian date-time: always one answer ([`ItalianClock::to_italian`]); the crate
///   takes instants in any offset and converts them with it.
/// - Italian date-time → instant: one answer, none (the hour skipped when summer time starts) or
///   two (the hour repeated when it ends), [`ItalianClock::resolve`]. A deadline is never guessed:
///   [`ItalianClock::instant`] refuses the last two. Midnight and 23:59:59, the only local times
///   the crate itself converts (the split of a prestazione at midnight, the end of the revoca and
///   LF deadlines), always exist exactly once: a rules table refuses a clock rule that changes the
///   clocks outside 01:00-13:00 local time.
/// - **Which row.** The clock rule for an instant is the row of the table's `civil_time` series
///   in force on the instant's UTC date (the Italian date cannot choose it: it is what the rule
///   computes); an instant before the table's first day takes the first row (the EU rule in it
///   dates from 1996, before the regime). A function that receives the rules of one day
///   ([`Rules`]) instead of a table converts with that day's rule ([`ItalianClock::of_rules`]).
///
/// Legal basis: Directive 2000/84/EC arts. 1-4, as kept in the rules table's `civil_time` series
/// (reading R-CIVIL-TIME).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ItalianClock;
/// use time::macros::{date, datetime, offset};
///
/// let clock = ItalianClock::embedded();
/// // 22:30 UTC on 31 July is 00:30 of 1 August in Italy (CEST).
/// let italian = clock.to_italian(datetime!(2026-07-31 22:30 UTC))?;
/// assert_eq!((italian.date(), italian.offset()), (date!(2026 - 08 - 01), offset!(+2)));
/// assert_eq!(italian, datetime!(2026-07-31 22:30 UTC)); // the same instant
///
/// // And back: 23:59:59 of 10 March 2026 in Italy is 22:59:59 UTC.
/// assert_eq!(clock.instant(datetime!(2026-03-10 23:59:59))?, datetime!(2026-03-10 22:59:59 UTC));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItalianClock<'a> {
    source: Source<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source<'a> {
    /// A `civil_time` series, sorted (a built table's).
    Series(&'a [Dated<ClockRule>]),
    /// One rule for every instant.
    One(&'a ClockRule),
}

impl ItalianClock<'static> {
    /// The clock of the embedded rules table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ItalianClock;
    /// use time::macros::{datetime, offset};
    /// assert_eq!(ItalianClock::embedded().offset_at(datetime!(2026-01-10 12:00 UTC)), offset!(+1));
    /// ```
    #[must_use]
    pub fn embedded() -> ItalianClock<'static> {
        ItalianClock::of_table(RulesTable::embedded())
    }
}

impl<'a> ItalianClock<'a> {
    /// The clock of `table`: its `civil_time` series, the row for an instant chosen by the
    /// instant's UTC date.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Citation, ClockRule, Dated, ItalianClock, RulesTable};
    /// use time::macros::{date, datetime, offset};
    ///
    /// // A hypothetical end of the seasonal change: permanent CET from 2030.
    /// let mut builder = RulesTable::embedded().to_builder();
    /// builder.civil_time.push(Dated::new(
    ///     date!(2030 - 01 - 01),
    ///     ClockRule::Fixed { offset: offset!(+1) },
    ///     Citation::act("a hypothetical act"),
    /// ));
    /// let table = builder.build()?;
    /// let clock = ItalianClock::of_table(&table);
    /// assert_eq!(clock.offset_at(datetime!(2029-07-01 12:00 UTC)), offset!(+2));
    /// assert_eq!(clock.offset_at(datetime!(2030-07-01 12:00 UTC)), offset!(+1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of_table(table: &'a RulesTable) -> ItalianClock<'a> {
        ItalianClock {
            source: Source::Series(&table.rows().civil_time),
        }
    }

    /// The clock rule of one version of the rules, for every instant: what a function that
    /// receives the rules of a day uses.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{ItalianClock, Rules};
    /// use time::macros::{date, datetime, offset};
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert_eq!(ItalianClock::of_rules(rules).offset_at(datetime!(2026-07-01 12:00 UTC)), offset!(+2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of_rules(rules: &'a Rules) -> ItalianClock<'a> {
        ItalianClock {
            source: Source::One(&rules.civil_time.value),
        }
    }

    /// The clock rule that applies to `instant`: the row in force on its UTC date (the first row
    /// before the table's first day).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{ClockRule, ItalianClock};
    /// use time::macros::{datetime, offset};
    /// let rule = ItalianClock::embedded().rule_at(datetime!(2026-07-01 12:00 UTC));
    /// assert_eq!(rule, Some(&ClockRule::EuSummerTime { standard: offset!(+1), summer: offset!(+2) }));
    /// ```
    #[must_use]
    pub fn rule_at(&self, instant: OffsetDateTime) -> Option<&'a ClockRule> {
        match self.source {
            Source::One(rule) => Some(rule),
            Source::Series(rows) => rule_on(rows, utc_date(instant)),
        }
    }

    /// The offset of Italian civil time at `instant` (+01:00 or +02:00 under the EU rule).
    /// Without any clock rule (an empty series, which a built table never has) it is +01:00.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ItalianClock;
    /// use time::macros::{datetime, offset};
    /// let clock = ItalianClock::embedded();
    /// // Summer time starts at 01:00 UTC of the last Sunday of March (29/3/2026).
    /// assert_eq!(clock.offset_at(datetime!(2026-03-29 00:59:59 UTC)), offset!(+1));
    /// assert_eq!(clock.offset_at(datetime!(2026-03-29 01:00:00 UTC)), offset!(+2));
    /// ```
    #[must_use]
    pub fn offset_at(&self, instant: OffsetDateTime) -> UtcOffset {
        self.rule_at(instant)
            .map_or(CET, |rule| rule.offset_at(instant))
    }

    /// `instant` in the Italian offset of its moment: its `date()`, `time()` and `offset()` are
    /// the Italian civil date, time and offset. It is the same instant (`==` holds).
    ///
    /// # Errors
    ///
    /// [`CivilTimeError::InstantOutOfRange`] when the Italian date would be past 9999-12-31.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ItalianClock;
    /// use time::macros::{date, datetime};
    /// let clock = ItalianClock::embedded();
    /// // A July shift sent with a hard-coded +01:00 is still on 31 July at 23:30 in Italy.
    /// let at = clock.to_italian(datetime!(2026-07-31 22:30 +01:00))?;
    /// assert_eq!((at.date(), at.hour()), (date!(2026 - 07 - 31), 23));
    /// assert!(clock.to_italian(time::PrimitiveDateTime::MAX.assume_utc()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_italian(&self, instant: OffsetDateTime) -> Result<OffsetDateTime, CivilTimeError> {
        instant
            .checked_to_offset(self.offset_at(instant))
            .ok_or(CivilTimeError::InstantOutOfRange { instant })
    }

    /// The Italian calendar day of `instant`.
    ///
    /// # Errors
    ///
    /// As [`ItalianClock::to_italian`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ItalianClock;
    /// use time::macros::{date, datetime};
    /// let clock = ItalianClock::embedded();
    /// assert_eq!(clock.date_of(datetime!(2026-03-10 23:30 UTC))?, date!(2026 - 03 - 11));
    /// assert_eq!(clock.date_of(datetime!(2026-03-10 18:30 -05:00))?, date!(2026 - 03 - 11));
    /// assert!(clock.date_of(time::PrimitiveDateTime::MAX.assume_utc()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date_of(&self, instant: OffsetDateTime) -> Result<Date, CivilTimeError> {
        self.to_italian(instant).map(OffsetDateTime::date)
    }

    /// The instants at which the Italian local date-time `local` happens: one, none or two.
    ///
    /// # Errors
    ///
    /// [`CivilTimeError::LocalOutOfRange`] when no candidate instant is representable.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{ItalianClock, LocalInstant};
    /// use time::macros::datetime;
    /// let clock = ItalianClock::embedded();
    /// assert_eq!(clock.resolve(datetime!(2026-03-29 03:00))?, LocalInstant::Unique(datetime!(2026-03-29 01:00 UTC)));
    /// assert_eq!(clock.resolve(datetime!(2026-03-29 02:00))?, LocalInstant::Skipped);
    /// assert!(matches!(clock.resolve(datetime!(2026-10-25 02:00))?, LocalInstant::Repeated { .. }));
    /// assert!(clock.resolve(time::PrimitiveDateTime::MIN).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, local: PrimitiveDateTime) -> Result<LocalInstant, CivilTimeError> {
        let mut candidates: Vec<UtcOffset> = Vec::with_capacity(4);
        let day = local.date();
        for date in [day.previous_day(), Some(day), day.next_day()]
            .into_iter()
            .flatten()
        {
            let rule = match self.source {
                Source::One(rule) => Some(rule),
                Source::Series(rows) => rule_on(rows, date),
            };
            for offset in rule.map_or([Some(CET), None], |rule| rule.offsets()) {
                if let Some(offset) = offset
                    && !candidates.contains(&offset)
                {
                    candidates.push(offset);
                }
            }
        }
        let mut found: Vec<OffsetDateTime> = Vec::with_capacity(2);
        let mut representable = false;
        for offset in candidates {
            let at = local.assume_offset(offset);
            if at.checked_to_offset(UtcOffset::UTC).is_none() {
                continue;
            }
            representable = true;
            if self.offset_at(at) == offset && !found.contains(&at) {
                found.push(at);
            }
        }
        if !representable {
            return Err(CivilTimeError::LocalOutOfRange { local });
        }
        found.sort_unstable();
        Ok(match found.as_slice() {
            [] => LocalInstant::Skipped,
            [one] => LocalInstant::Unique(*one),
            [earlier, .., later] => LocalInstant::Repeated {
                earlier: *earlier,
                later: *later,
            },
        })
    }

    /// The instant at which the Italian local date-time `local` happens, in the Italian offset
    /// of that moment. A local time that does not exist, or happens twice, is refused, never
    /// guessed (see [`ItalianClock::resolve`] to handle those cases yourself).
    ///
    /// # Errors
    ///
    /// [`CivilTimeError::Skipped`], [`CivilTimeError::Repeated`],
    /// [`CivilTimeError::LocalOutOfRange`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ItalianClock;
    /// use time::macros::datetime;
    /// let clock = ItalianClock::embedded();
    /// assert_eq!(clock.instant(datetime!(2026-08-01 00:00))?, datetime!(2026-07-31 22:00 UTC));
    /// assert_eq!(
    ///     clock.instant(datetime!(2026-10-25 02:30)).unwrap_err().to_string(),
    ///     "Italian civil time 2026-10-25 02:30:00 happens twice, at 2026-10-25 02:30:00 +02:00 and at 2026-10-25 02:30:00 +01:00, when summer time ends: give the instant with its offset (reading R-CIVIL-TIME)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn instant(&self, local: PrimitiveDateTime) -> Result<OffsetDateTime, CivilTimeError> {
        match self.resolve(local)? {
            LocalInstant::Unique(at) => Ok(at),
            LocalInstant::Skipped => Err(CivilTimeError::Skipped { local }),
            LocalInstant::Repeated { earlier, later } => Err(CivilTimeError::Repeated {
                local,
                earlier,
                later,
            }),
        }
    }

    /// The first instant of the Italian calendar day `date` (its local midnight, which always
    /// exists once: see [`ClockRule`]), in the Italian offset.
    pub(crate) fn start_of_day(&self, date: Date) -> Result<OffsetDateTime, CivilTimeError> {
        self.instant(PrimitiveDateTime::new(date, Time::MIDNIGHT))
    }

    /// The first instant after the Italian calendar day `date` (the next local midnight), or
    /// `None` after the last representable day.
    pub(crate) fn end_of_day(&self, date: Date) -> Result<Option<OffsetDateTime>, CivilTimeError> {
        date.next_day()
            .map(|next| self.start_of_day(next))
            .transpose()
    }

    /// 23:59:59 of the Italian calendar day `date` (which always exists once), in the Italian
    /// offset: the last second of a deadline day.
    pub(crate) fn last_second_of(&self, date: Date) -> Result<OffsetDateTime, CivilTimeError> {
        self.instant(PrimitiveDateTime::new(date, LAST_SECOND))
    }
}

/// 23:59:59, the last second of a day.
const LAST_SECOND: Time = time::macros::time!(23:59:59);

/// Central European Time, the standard time of Italy.
const CET: UtcOffset = time::macros::offset!(+1);

/// The row of a sorted series in force on `date`; the first row before the first day.
fn rule_on(rows: &[Dated<ClockRule>], date: Date) -> Option<&ClockRule> {
    let index = rows.partition_point(|row| row.from <= date);
    index
        .checked_sub(1)
        .and_then(|i| rows.get(i))
        .or_else(|| rows.first())
        .map(|row| &row.value)
}

/// The UTC calendar date of `instant` (its own date when UTC is not representable).
fn utc_date(instant: OffsetDateTime) -> Date {
    instant
        .checked_to_offset(UtcOffset::UTC)
        .map_or(instant.date(), OffsetDateTime::date)
}

/// 01:00 UTC of the last Sunday of `month` in `year`.
pub(crate) fn last_sunday_0100_utc(year: i32, month: Month) -> Option<OffsetDateTime> {
    let last =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    let back = last.weekday().number_days_from_sunday();
    let sunday = last.checked_sub(time::Duration::days(i64::from(back)))?;
    Some(PrimitiveDateTime::new(sunday, time::macros::time!(01:00)).assume_utc())
}

impl ClockRule {
    /// The offset of Italian civil time at `instant` under this rule.
    ///
    /// Legal basis: Directive 2000/84/EC arts. 1-4 (reading R-CIVIL-TIME).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ClockRule;
    /// use time::macros::{datetime, offset};
    /// let eu = ClockRule::EuSummerTime { standard: offset!(+1), summer: offset!(+2) };
    /// // Summer time ends at 01:00 UTC of the last Sunday of October (25/10/2026).
    /// assert_eq!(eu.offset_at(datetime!(2026-10-25 00:59:59 UTC)), offset!(+2));
    /// assert_eq!(eu.offset_at(datetime!(2026-10-25 01:00:00 UTC)), offset!(+1));
    /// assert_eq!(ClockRule::Fixed { offset: offset!(+1) }.offset_at(datetime!(2026-07-01 12:00 UTC)), offset!(+1));
    /// ```
    #[must_use]
    pub fn offset_at(&self, instant: OffsetDateTime) -> UtcOffset {
        match *self {
            ClockRule::Fixed { offset } => offset,
            ClockRule::EuSummerTime { standard, summer } => {
                let year = utc_date(instant).year();
                let start = last_sunday_0100_utc(year, Month::March);
                let end = last_sunday_0100_utc(year, Month::October);
                match (start, end) {
                    (Some(start), Some(end)) if start <= instant && instant < end => summer,
                    _ => standard,
                }
            }
        }
    }

    /// The offsets the rule can give.
    fn offsets(self) -> [Option<UtcOffset>; 2] {
        match self {
            ClockRule::Fixed { offset } => [Some(offset), None],
            ClockRule::EuSummerTime { standard, summer } => [Some(standard), Some(summer)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn last_sundays() {
        assert_eq!(
            last_sunday_0100_utc(2026, Month::March),
            Some(datetime!(2026-03-29 01:00 UTC))
        );
        assert_eq!(
            last_sunday_0100_utc(2026, Month::October),
            Some(datetime!(2026-10-25 01:00 UTC))
        );
        // 31/3/2024 and 27/10/2024 are Sundays themselves.
        assert_eq!(
            last_sunday_0100_utc(2024, Month::March),
            Some(datetime!(2024-03-31 01:00 UTC))
        );
        assert_eq!(
            last_sunday_0100_utc(2024, Month::October),
            Some(datetime!(2024-10-27 01:00 UTC))
        );
    }

    #[test]
    fn midnight_and_last_second_exist_on_transition_days() {
        let clock = ItalianClock::embedded();
        for day in [
            time::macros::date!(2026 - 03 - 29),
            time::macros::date!(2026 - 10 - 25),
        ] {
            assert!(clock.start_of_day(day).is_ok());
            assert!(clock.last_second_of(day).is_ok());
        }
        assert_eq!(
            clock
                .end_of_day(time::macros::date!(2026 - 03 - 28))
                .unwrap(),
            Some(datetime!(2026-03-29 00:00 +01:00))
        );
        assert_eq!(clock.end_of_day(Date::MAX).unwrap(), None);
    }

    #[test]
    fn a_fixed_rule_never_skips() {
        let fixed = ClockRule::Fixed {
            offset: offset!(+1),
        };
        let clock = ItalianClock {
            source: Source::One(&fixed),
        };
        assert_eq!(
            clock.resolve(datetime!(2026-03-29 02:30)).unwrap(),
            LocalInstant::Unique(datetime!(2026-03-29 02:30 +01:00))
        );
    }

    #[test]
    fn an_empty_series_falls_back_to_cet() {
        let clock = ItalianClock {
            source: Source::Series(&[]),
        };
        assert_eq!(clock.offset_at(datetime!(2026-07-01 12:00 UTC)), CET);
        assert_eq!(
            clock.resolve(datetime!(2026-07-01 12:00)).unwrap(),
            LocalInstant::Unique(datetime!(2026-07-01 12:00 +01:00))
        );
    }
}
