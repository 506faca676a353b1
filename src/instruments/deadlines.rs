//! Deadlines: the CPO prior communication and its historical multi-day window, the CPO revoca,
//! the LF communication, the payment date and the post-office mandate (CPO-COMM,
//! CPO-WINDOW, CPO-REVOCA, LF-COMM, CPO-PAY, LF-PAY, E6, readings R-NO-WINDOW-2023, R-PAYMENT-DAY, R-REVOCA, R-LF-COMM).
//!
//! Calendar rules work on Italian calendar days ([`Date`]); the functions that take an instant
//! accept it in any offset and compare it with the Italian civil time of the deadline
//! ([`ItalianClock`], reading R-CIVIL-TIME): 23:59:59 of 10/3/2026 in Italy is 22:59:59 UTC, and
//! 23:59:59 of 10/6/2026 is 21:59:59 UTC.

use time::{Date, Duration, OffsetDateTime};

use super::InstrumentError;
use crate::civil_time::ItalianClock;
use crate::format::duration;
use crate::rules::{CommunicationWindow, Rules, RulesTable, WindowSector};
use crate::verdict::{Breach, Consequence, RuleId, Verdict};

/// The latest instant at which a CPO prestazione starting at `start` may be communicated: 60
/// minutes before the start, 60 real minutes (on the night summer time starts or ends the clocks
/// may show another difference). `start` may be in any offset; the deadline is returned in the
/// Italian offset of its moment (with the clock rule of `rules`, reading R-CIVIL-TIME).
///
/// Legal basis: art. 54-bis c. 17 D.L. 50/2017 (CPO-COMM, E6).
///
/// # Errors
///
/// [`InstrumentError::InstantOutOfRange`] when the deadline is before the first representable
/// instant.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, cpo_communication_deadline};
/// use time::macros::{date, datetime, offset};
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(
///     cpo_communication_deadline(datetime!(2026-03-07 14:00 +01:00), rules)?,
///     datetime!(2026-03-07 13:00 +01:00)
/// );
/// // A host in UTC: a start at 12:00 UTC on 1 July is 14:00 in Italy, the deadline 13:00 CEST.
/// let deadline = cpo_communication_deadline(datetime!(2026-07-01 12:00 UTC), rules)?;
/// assert_eq!((deadline.hour(), deadline.offset()), (13, offset!(+2)));
/// assert!(cpo_communication_deadline(time::PrimitiveDateTime::MIN.assume_utc(), rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cpo_communication_deadline(
    start: OffsetDateTime,
    rules: &Rules,
) -> Result<OffsetDateTime, InstrumentError> {
    let out_of_range = InstrumentError::InstantOutOfRange {
        what: "the CPO communication deadline",
        at: start,
    };
    let deadline = start
        .checked_sub(Duration::minutes(i64::from(rules.cpo_notice_minutes.value)))
        .ok_or(out_of_range.clone())?;
    ItalianClock::of_rules(rules)
        .to_italian(deadline)
        .map_err(|_| out_of_range)
}

/// Whether a CPO communication sent at `communicated_at` for a prestazione starting at `start`
/// is in time: at least 60 minutes ahead is lawful (60 exactly is in time, 59 is late). The two
/// instants may be in any offsets: the notice is the real time between them. A late
/// or after-the-start communication breaches [`RuleId::CpoComm`], with the administrative fine
/// for one day as consequence (pass the rules in force on the day of the prestazione; a PA or a
/// false self-certification changes the consequence, see
/// [`sanction_for`](crate::sanction_for)).
///
/// Legal basis: art. 54-bis c. 17, c. 20 D.L. 50/2017 (CPO-COMM, SANCT-ADMIN, E6).
///
/// # Errors
///
/// As [`cpo_communication_deadline`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, check_cpo_communication};
/// use time::macros::{date, datetime};
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let start = datetime!(2026-03-07 14:00 +01:00);
/// assert!(check_cpo_communication(datetime!(2026-03-07 13:00 +01:00), start, rules)?.is_lawful());
/// let late = check_cpo_communication(datetime!(2026-03-07 13:01 +01:00), start, rules)?;
/// assert_eq!(
///     late.to_string(),
///     "CPO-COMM: communicated 0 h 59 min before the start, at least 1 h 00 min required (art. 54-bis c. 17 D.L. 50/2017)"
/// );
///
/// // A start at the first representable instant has no deadline an hour before it.
/// let first = time::PrimitiveDateTime::MIN.assume_utc();
/// assert_eq!(
///     check_cpo_communication(first, first, rules).unwrap_err().to_string(),
///     "the CPO communication deadline for -9999-01-01 0:00:00.0 +00:00:00 falls outside the representable instants"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_cpo_communication(
    communicated_at: OffsetDateTime,
    start: OffsetDateTime,
    rules: &Rules,
) -> Result<Verdict, InstrumentError> {
    let deadline = cpo_communication_deadline(start, rules)?;
    let mut verdict = Verdict::default();
    if communicated_at > deadline {
        let ahead = (start - communicated_at).whole_minutes();
        let required = rules.cpo_notice_minutes.value;
        let facts = if ahead >= 0 {
            format!(
                "communicated {} before the start, at least {} required",
                duration(ahead.unsigned_abs()),
                duration(u64::from(required))
            )
        } else {
            format!(
                "communicated {} after the start, at least {} before required",
                duration(ahead.unsigned_abs()),
                duration(u64::from(required))
            )
        };
        verdict.push(Breach::new(
            RuleId::CpoComm,
            rules.cpo_notice_minutes.citation.clone(),
            facts,
            Consequence::administrative_fine(rules, 1, false),
        ));
    }
    Ok(verdict)
}

/// A historical multi-day CPO communication (12/8/2018-31/12/2022 for agriculture, hotels and
/// enti locali; 3 days for agriculture from 25/9/2017): a start day and the estimated total
/// hours over up to N days, instead of one communication per day. Built only through
/// [`CpoWindowCommunication::new`], which checks it against the rules in force on the first day.
///
/// Legal basis: art. 54-bis c. 17 lett. d D.L. 50/2017 as amended by D.L. 87/2018 art. 2-bis;
/// INPS msg 3662/2017 (CPO-WINDOW, E6; none from 1/1/2023, reading R-NO-WINDOW-2023).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
/// use time::macros::date;
///
/// let first = date!(2019 - 07 - 01);
/// let w = CpoWindowCommunication::new(WindowSector::Hotels, first, 10, 40, Rules::in_force_on(first)?)?;
/// assert_eq!(w.last_day()?, date!(2019 - 07 - 10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CpoWindowCommunication {
    sector: WindowSector,
    first_day: Date,
    days: u32,
    total_hours: u32,
}

impl CpoWindowCommunication {
    /// A window communication, checked against `rules` (those in force on `first_day`): a
    /// window must be in force, open to `sector`, at most its days long; `days` and
    /// `total_hours` must be positive, with at most 24 hours per day. Every day of the window
    /// must fall within `rules`; a window that runs into a later version of the rules is built
    /// with [`CpoWindowCommunication::in_table`], which checks that version too.
    ///
    /// Legal basis: art. 54-bis c. 17 lett. d D.L. 50/2017 as amended by D.L. 87/2018 art.
    /// 2-bis (CPO-WINDOW, reading R-NO-WINDOW-2023).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::WindowNotInForce`] (e.g. from 1/1/2023),
    /// [`InstrumentError::WindowSectorNotAllowed`], [`InstrumentError::WindowTooLong`],
    /// [`InstrumentError::WindowEmpty`], [`InstrumentError::WindowHours`];
    /// [`InstrumentError::RulesNotInForce`] when `rules` are not those of `first_day`,
    /// [`InstrumentError::WindowBeyondRules`] when the window's last day is after theirs.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    ///
    /// let day = date!(2019 - 07 - 01);
    /// assert!(CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, Rules::in_force_on(day)?).is_ok());
    /// let late = date!(2023 - 07 - 01);
    /// assert_eq!(
    ///     CpoWindowCommunication::new(WindowSector::Hotels, late, 10, 40, Rules::in_force_on(late)?)
    ///         .unwrap_err()
    ///         .to_string(),
    ///     "no multi-day CPO communication window is in force on 2023-07-01 (art. 54-bis c. 17 lett. d D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342; INPS circ. 6/2023; reading R-NO-WINDOW-2023: no multi-day window from 1/1/2023)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        sector: WindowSector,
        first_day: Date,
        days: u32,
        total_hours: u32,
        rules: &Rules,
    ) -> Result<CpoWindowCommunication, InstrumentError> {
        if !rules.cover(first_day) {
            return Err(InstrumentError::RulesNotInForce {
                date: first_day,
                valid_from: rules.valid_from(),
            });
        }
        let window = CpoWindowCommunication::checked(sector, first_day, days, total_hours, rules)?;
        let last_day = window.last_day()?;
        if let Some(valid_until) = rules.valid_until().filter(|u| last_day > *u) {
            return Err(InstrumentError::WindowBeyondRules {
                last_day,
                valid_until,
            });
        }
        Ok(window)
    }

    /// A window communication checked against `table`: as [`CpoWindowCommunication::new`] with
    /// the rules in force on `first_day`, and, for a window whose days run into later versions
    /// of the rules, each of those versions must still have the window open to `sector` (none
    /// from 1/1/2023: a window of 2022 may not cover days of 2023, which need a communication
    /// each, and agriculture is then barred from the CPO).
    ///
    /// Legal basis: art. 54-bis c. 17 lett. d D.L. 50/2017 as amended by D.L. 87/2018 art.
    /// 2-bis and by L. 197/2022 art. 1 c. 342 (CPO-WINDOW, reading R-NO-WINDOW-2023).
    ///
    /// # Errors
    ///
    /// As [`CpoWindowCommunication::new`], and [`InstrumentError::WindowNotInForce`] or
    /// [`InstrumentError::WindowSectorNotAllowed`] naming the first day under rules without the
    /// window; [`InstrumentError::Rules`] for a first day before the table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, InstrumentError, RulesTable, WindowSector};
    /// use time::macros::date;
    ///
    /// let table = RulesTable::embedded();
    /// // Ten days from 28/9/2021 span two versions of the rules (CIE and eIDAS from 1/10/2021),
    /// // both with the window.
    /// let w = CpoWindowCommunication::in_table(WindowSector::Hotels, date!(2021 - 09 - 28), 10, 40, table)?;
    /// assert_eq!(w.last_day()?, date!(2021 - 10 - 07));
    /// // Ten days from 28/12/2022 would cover days of 2023, when no window exists.
    /// let err = CpoWindowCommunication::in_table(WindowSector::Hotels, date!(2022 - 12 - 28), 10, 40, table)
    ///     .unwrap_err();
    /// assert!(matches!(err, InstrumentError::WindowNotInForce { date, .. } if date == date!(2023 - 01 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_table(
        sector: WindowSector,
        first_day: Date,
        days: u32,
        total_hours: u32,
        table: &RulesTable,
    ) -> Result<CpoWindowCommunication, InstrumentError> {
        let rules = table.in_force_on(first_day)?;
        let window = CpoWindowCommunication::checked(sector, first_day, days, total_hours, rules)?;
        let last_day = window.last_day()?;
        let mut until = rules.valid_until();
        while let Some(end) = until.filter(|end| *end < last_day) {
            let Some(day) = end.next_day() else { break };
            let later = table.in_force_on(day)?;
            open_window(later, sector, day)?;
            until = later.valid_until();
        }
        Ok(window)
    }

    /// The checks of one version of the rules: the window in force, open to `sector`, at most
    /// its days long, positive days and hours, at most 24 hours a day.
    fn checked(
        sector: WindowSector,
        first_day: Date,
        days: u32,
        total_hours: u32,
        rules: &Rules,
    ) -> Result<CpoWindowCommunication, InstrumentError> {
        let window = open_window(rules, sector, first_day)?;
        let cited = &rules.cpo_window;
        if days == 0 {
            return Err(InstrumentError::WindowEmpty { field: "days" });
        }
        if days > window.days {
            return Err(InstrumentError::WindowTooLong {
                days,
                max: window.days,
                citation: Box::new(cited.citation.clone()),
            });
        }
        if total_hours == 0 {
            return Err(InstrumentError::WindowEmpty {
                field: "total_hours",
            });
        }
        let max = days.saturating_mul(24);
        if total_hours > max {
            return Err(InstrumentError::WindowHours {
                total_hours,
                days,
                max,
            });
        }
        Ok(CpoWindowCommunication {
            sector,
            first_day,
            days,
            total_hours,
        })
    }

    /// The utilizzatore's sector.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    /// let day = date!(2019 - 07 - 01);
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, Rules::in_force_on(day)?)?;
    /// assert_eq!((w.sector(), w.first_day(), w.days(), w.total_hours()), (WindowSector::Hotels, day, 10, 40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sector(&self) -> WindowSector {
        self.sector
    }

    /// The first day of the window.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    /// let day = date!(2019 - 07 - 01);
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, Rules::in_force_on(day)?)?;
    /// assert_eq!((w.sector(), w.first_day(), w.days(), w.total_hours()), (WindowSector::Hotels, day, 10, 40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_day(&self) -> Date {
        self.first_day
    }

    /// The window's length in days.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    /// let day = date!(2019 - 07 - 01);
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, Rules::in_force_on(day)?)?;
    /// assert_eq!((w.sector(), w.first_day(), w.days(), w.total_hours()), (WindowSector::Hotels, day, 10, 40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn days(&self) -> u32 {
        self.days
    }

    /// The estimated total hours over the window (monte orario complessivo presunto).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    /// let day = date!(2019 - 07 - 01);
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, Rules::in_force_on(day)?)?;
    /// assert_eq!((w.sector(), w.first_day(), w.days(), w.total_hours()), (WindowSector::Hotels, day, 10, 40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total_hours(&self) -> u32 {
        self.total_hours
    }

    /// The last day of the window (`first_day + days − 1`).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::DateOutOfRange`] past the last representable date (never for a window
    /// the constructors built: they compute it).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    ///
    /// let day = date!(2019 - 07 - 01);
    /// let rules = Rules::in_force_on(day)?;
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, rules)?;
    /// assert_eq!(w.last_day()?, date!(2019 - 07 - 10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_day(&self) -> Result<Date, InstrumentError> {
        add_days(
            self.first_day,
            self.days.saturating_sub(1),
            "the last day of the window",
        )
    }

    /// The last day on which the window's prestazioni may be revoked: the count of
    /// [`revoca_deadline`] runs from the window's last day.
    ///
    /// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis (CPO-REVOCA, reading
    /// R-REVOCA).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::DateOutOfRange`] past the last representable date.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWindowCommunication, Rules, WindowSector};
    /// use time::macros::date;
    ///
    /// let day = date!(2019 - 07 - 01);
    /// let rules = Rules::in_force_on(day)?;
    /// let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 40, rules)?;
    /// // Last day 10/7/2019, revocable until the 3rd day after.
    /// assert_eq!(w.revoca_deadline(rules)?, date!(2019 - 07 - 13));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revoca_deadline(&self, rules: &Rules) -> Result<Date, InstrumentError> {
        revoca_deadline(self.last_day()?, rules)
    }
}

/// The multi-day window of `rules` when it is in force and open to `sector`; the errors name
/// `day`, the first day the window would cover under these rules.
fn open_window(
    rules: &Rules,
    sector: WindowSector,
    day: Date,
) -> Result<&CommunicationWindow, InstrumentError> {
    let cited = &rules.cpo_window;
    let Some(window) = &cited.value else {
        return Err(InstrumentError::WindowNotInForce {
            date: day,
            citation: Box::new(cited.citation.clone()),
        });
    };
    if !window.sectors.contains(&sector) {
        return Err(InstrumentError::WindowSectorNotAllowed {
            sector,
            date: day,
            citation: Box::new(cited.citation.clone()),
        });
    }
    Ok(window)
}

/// `date + days`, or the error naming `what`.
fn add_days(date: Date, days: u32, what: &'static str) -> Result<Date, InstrumentError> {
    date.checked_add(Duration::days(i64::from(days)))
        .ok_or(InstrumentError::DateOutOfRange { what, date })
}

/// The given day of the month after `date`'s month, or the error naming `what`.
fn day_of_next_month(date: Date, day: u8, what: &'static str) -> Result<Date, InstrumentError> {
    let error = InstrumentError::DateOutOfRange { what, date };
    let (year, month) = match date.month() {
        time::Month::December => (
            date.year().checked_add(1).ok_or(error.clone())?,
            time::Month::January,
        ),
        month => (date.year(), month.next()),
    };
    Date::from_calendar_date(year, month, day).map_err(|_| error)
}

/// The last day on which a communicated CPO prestazione planned for `planned_day` may be
/// revoked: the 3rd calendar day after it (until 23:59:59 of that day, reading R-REVOCA). Without a
/// revoca the prestazione is due and INPS pays it.
///
/// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, E6, reading R-REVOCA).
///
/// # Errors
///
/// [`InstrumentError::DateOutOfRange`] past the last representable date.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, revoca_deadline};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(revoca_deadline(date!(2026 - 03 - 07), rules)?, date!(2026 - 03 - 10));
/// assert!(revoca_deadline(time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn revoca_deadline(planned_day: Date, rules: &Rules) -> Result<Date, InstrumentError> {
    add_days(planned_day, rules.revoca_days.value, "the revoca deadline")
}

/// The last instant at which a communicated CPO prestazione planned for the Italian day
/// `planned_day` may be revoked: 23:59:59 Italian civil time of [`revoca_deadline`], in the
/// Italian offset of that moment (with the clock rule of `rules`, reading R-CIVIL-TIME).
///
/// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, E6, reading R-REVOCA).
///
/// # Errors
///
/// [`InstrumentError::DateOutOfRange`] past the last representable date.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, revoca_deadline_at};
/// use time::macros::{date, datetime};
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(revoca_deadline_at(date!(2026 - 03 - 07), rules)?, datetime!(2026-03-10 23:59:59 +01:00));
/// // In summer 23:59:59 in Italy is 21:59:59 UTC.
/// assert_eq!(revoca_deadline_at(date!(2026 - 06 - 07), rules)?, datetime!(2026-06-10 21:59:59 UTC));
/// assert!(revoca_deadline_at(time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn revoca_deadline_at(
    planned_day: Date,
    rules: &Rules,
) -> Result<OffsetDateTime, InstrumentError> {
    let day = revoca_deadline(planned_day, rules)?;
    Ok(ItalianClock::of_rules(rules).last_second_of(day)?)
}

/// Whether a revoca made at the instant `at` (in any offset) of a prestazione planned for the
/// Italian day `planned_day` is in time: yes until 23:59:59 Italian civil time of the 3rd day
/// after, no from 00:00:00 of the 4th (reading R-REVOCA, R-CIVIL-TIME). For work of 7/3/2026 the
/// last second is 22:59:59 UTC of 10/3; 23:30 UTC of 10/3 is already 00:30 of 11/3 in Italy.
///
/// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA).
///
/// # Errors
///
/// As [`revoca_deadline`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, can_revoke};
/// use time::macros::{date, datetime};
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let day = date!(2026 - 03 - 07);
/// assert!(can_revoke(datetime!(2026-03-10 23:59:59 +01:00), day, rules)?);
/// assert!(!can_revoke(datetime!(2026-03-11 00:00:00 +01:00), day, rules)?);
/// // The same two instants from a host in UTC.
/// assert!(can_revoke(datetime!(2026-03-10 22:59:59 UTC), day, rules)?);
/// assert!(!can_revoke(datetime!(2026-03-10 23:30:00 UTC), day, rules)?);
/// assert!(can_revoke(datetime!(2026-03-10 12:00 +01:00), time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn can_revoke(
    at: OffsetDateTime,
    planned_day: Date,
    rules: &Rules,
) -> Result<bool, InstrumentError> {
    before_end_of(at, revoca_deadline(planned_day, rules)?, rules)
}

/// Whether `at` is before the end (the next local midnight) of the Italian day `last_day`.
fn before_end_of(
    at: OffsetDateTime,
    last_day: Date,
    rules: &Rules,
) -> Result<bool, InstrumentError> {
    Ok(match ItalianClock::of_rules(rules).end_of_day(last_day)? {
        Some(end) => at < end,
        // The last representable day never ends.
        None => true,
    })
}

/// Whether the prestatore's confirmation, at the instant `at` (in any offset), of a CPO
/// prestazione of the Italian day `day` is in time: from 00:00 Italian civil time of the day of
/// the work (no work is confirmed before it is done) until 23:59:59 Italian civil time of the 3rd
/// day after, the revoca's window (reading R-CONFIRMATION, R-CIVIL-TIME).
///
/// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-CONFIRMATION).
///
/// # Errors
///
/// As [`revoca_deadline`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, can_confirm};
/// use time::macros::{date, datetime};
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let day = date!(2026 - 03 - 07);
/// assert!(can_confirm(datetime!(2026-03-07 18:00 +01:00), day, rules)?);
/// assert!(can_confirm(datetime!(2026-03-10 23:59:59 +01:00), day, rules)?);
/// assert!(!can_confirm(datetime!(2026-03-11 00:00:00 +01:00), day, rules)?);
/// assert!(!can_confirm(datetime!(2026-03-06 18:00 +01:00), day, rules)?);
/// // From a host in UTC: 23:30 UTC of 6/3 is 00:30 of 7/3 in Italy, already the day of the work.
/// assert!(can_confirm(datetime!(2026-03-06 23:30 UTC), day, rules)?);
/// assert!(!can_confirm(datetime!(2026-03-10 23:30 UTC), day, rules)?);
/// // A day whose window ends past the calendar.
/// assert!(can_confirm(datetime!(2026-03-10 12:00 +01:00), time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn can_confirm(at: OffsetDateTime, day: Date, rules: &Rules) -> Result<bool, InstrumentError> {
    let in_revoca_window = can_revoke(at, day, rules)?;
    let italian_day = ItalianClock::of_rules(rules).date_of(at)?;
    Ok(italian_day >= day && in_revoca_window)
}

/// The day by which INPS pays the prestatore for a prestazione on `day`: the 15th of the next
/// month, whatever weekday it falls on (7/3/2026 → 15/4/2026; 31/12 → 15/1 of the next year).
///
/// Legal basis: art. 54-bis c. 18 D.L. 50/2017; INPS circ. 107/2017 (CPO-PAY, LF-PAY,
/// E6, reading R-PAYMENT-DAY).
///
/// # Errors
///
/// [`InstrumentError::DateOutOfRange`] in the last representable month.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, payment_date};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(payment_date(date!(2026 - 03 - 07), rules)?, date!(2026 - 04 - 15));
/// assert_eq!(payment_date(date!(2026 - 12 - 31), rules)?, date!(2027 - 01 - 15));
/// assert!(payment_date(time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_date(day: Date, rules: &Rules) -> Result<Date, InstrumentError> {
    day_of_next_month(day, rules.payment_day.value, "the payment date")
}

/// The last day on which the utilizzatore communicates a Libretto Famiglia prestazione of
/// `day`: the 3rd of the next month (until 23:59:59; no prior notice, no fine if late).
///
/// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM, E6, reading
/// R-LF-COMM).
///
/// # Errors
///
/// [`InstrumentError::DateOutOfRange`] in the last representable month.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, lf_communication_deadline};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 31))?;
/// assert_eq!(lf_communication_deadline(date!(2026 - 03 - 31), rules)?, date!(2026 - 04 - 03));
/// assert!(lf_communication_deadline(time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lf_communication_deadline(day: Date, rules: &Rules) -> Result<Date, InstrumentError> {
    day_of_next_month(
        day,
        rules.lf_communication_day.value,
        "the LF communication deadline",
    )
}

/// Whether a Libretto Famiglia communication made at the instant `at` (in any offset) of a
/// prestazione of the Italian day `day` is in time: yes until 23:59:59 Italian civil time of the
/// 3rd of the next month ([`lf_communication_deadline`]), no from 00:00:00 of the 4th (reading
/// R-LF-COMM, R-CIVIL-TIME). A late LF communication carries no fine.
///
/// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM, reading
/// R-LF-COMM).
///
/// # Errors
///
/// As [`lf_communication_deadline`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, lf_communication_in_time};
/// use time::macros::{date, datetime};
/// let day = date!(2026 - 03 - 31);
/// let rules = Rules::in_force_on(day)?;
/// // 23:59:59 of 3/4/2026 in Italy (CEST) is 21:59:59 UTC.
/// assert!(lf_communication_in_time(datetime!(2026-04-03 21:59:59 UTC), day, rules)?);
/// assert!(!lf_communication_in_time(datetime!(2026-04-03 22:00:00 UTC), day, rules)?);
/// assert!(lf_communication_in_time(datetime!(2026-04-03 12:00 UTC), time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lf_communication_in_time(
    at: OffsetDateTime,
    day: Date,
    rules: &Rules,
) -> Result<bool, InstrumentError> {
    before_end_of(at, lf_communication_deadline(day, rules)?, rules)
}

/// The day from which a payment at a post office on the utilizzatore's mandate can be
/// collected: 15 days after the utilizzatore validates the prestazione (`validation_day`; pass
/// the rules in force that day). The option exists from 12/8/2018.
///
/// Legal basis: D.L. 87/2018 art. 2-bis; INPS circ. 103/2018 (CPO-PAY).
///
/// # Errors
///
/// [`InstrumentError::PostOfficeNotAvailable`] before 12/8/2018,
/// [`InstrumentError::DateOutOfRange`] past the last representable date.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, post_office_collectable_on};
/// use time::macros::date;
/// let day = date!(2026 - 04 - 01);
/// assert_eq!(post_office_collectable_on(day, Rules::in_force_on(day)?)?, date!(2026 - 04 - 16));
/// let early = date!(2018 - 08 - 11);
/// assert!(post_office_collectable_on(early, Rules::in_force_on(early)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn post_office_collectable_on(
    validation_day: Date,
    rules: &Rules,
) -> Result<Date, InstrumentError> {
    let cited = &rules.post_office_mandate_days;
    let days = cited
        .value
        .ok_or_else(|| InstrumentError::PostOfficeNotAvailable {
            date: validation_day,
            citation: Box::new(cited.citation.clone()),
        })?;
    add_days(validation_day, days, "the post-office collection day")
}
