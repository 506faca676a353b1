//! Deadlines: the CPO prior communication and its historical multi-day window, the CPO revoca,
//! the LF communication, the payment date and the post-office mandate (CPO-COMM,
//! CPO-WINDOW, CPO-REVOCA, LF-COMM, CPO-PAY, LF-PAY, E6, readings R-NO-WINDOW-2023, R-PAYMENT-DAY, R-REVOCA, R-LF-COMM).
//!
//! Calendar rules work on [`Date`]; the prior communication works on instants, which the host
//! passes in the offset of Europe/Rome on that day.

use time::{Date, Duration, OffsetDateTime};

use super::InstrumentError;
use crate::format::duration;
use crate::rules::{Rules, WindowSector};
use crate::verdict::{Breach, Consequence, RuleId, Verdict};

/// The latest instant at which a CPO prestazione starting at `start` may be communicated: 60
/// minutes before the start.
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
/// use time::macros::{date, datetime};
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(
///     cpo_communication_deadline(datetime!(2026-03-07 14:00 +01:00), rules)?,
///     datetime!(2026-03-07 13:00 +01:00)
/// );
/// assert!(cpo_communication_deadline(time::PrimitiveDateTime::MIN.assume_utc(), rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cpo_communication_deadline(
    start: OffsetDateTime,
    rules: &Rules,
) -> Result<OffsetDateTime, InstrumentError> {
    start
        .checked_sub(Duration::minutes(i64::from(rules.cpo_notice_minutes.value)))
        .ok_or(InstrumentError::InstantOutOfRange {
            what: "the CPO communication deadline",
            at: start,
        })
}

/// Whether a CPO communication sent at `communicated_at` for a prestazione starting at `start`
/// is in time: at least 60 minutes ahead is lawful (60 exactly is in time, 59 is late). A late
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
    /// `total_hours` must be positive, with at most 24 hours per day.
    ///
    /// Legal basis: art. 54-bis c. 17 lett. d D.L. 50/2017 as amended by D.L. 87/2018 art.
    /// 2-bis (CPO-WINDOW, reading R-NO-WINDOW-2023).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::WindowNotInForce`] (e.g. from 1/1/2023),
    /// [`InstrumentError::WindowSectorNotAllowed`], [`InstrumentError::WindowTooLong`],
    /// [`InstrumentError::WindowEmpty`], [`InstrumentError::WindowHours`].
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
        let cited = &rules.cpo_window;
        let Some(window) = &cited.value else {
            return Err(InstrumentError::WindowNotInForce {
                date: first_day,
                citation: Box::new(cited.citation.clone()),
            });
        };
        if !window.sectors.contains(&sector) {
            return Err(InstrumentError::WindowSectorNotAllowed {
                sector,
                date: first_day,
                citation: Box::new(cited.citation.clone()),
            });
        }
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
    /// assert_eq!(w.last_day()?, date!(2019 - 07 - 10));
    ///
    /// // A window starting on the last representable day cannot end 9 days later.
    /// let end = CpoWindowCommunication::new(WindowSector::Hotels, time::Date::MAX, 10, 40, rules)?;
    /// assert_eq!(
    ///     end.last_day().unwrap_err().to_string(),
    ///     "the last day of the window for 9999-12-31 falls after the last representable date"
    /// );
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
    ///
    /// let end = CpoWindowCommunication::new(WindowSector::Hotels, time::Date::MAX, 1, 8, rules)?;
    /// assert!(end.revoca_deadline(rules).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revoca_deadline(&self, rules: &Rules) -> Result<Date, InstrumentError> {
        revoca_deadline(self.last_day()?, rules)
    }
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

/// Whether a revoca made at the instant `at` (in the offset of Europe/Rome) of a prestazione
/// planned for `planned_day` is in time: yes until 23:59:59 of the 3rd day after, no from
/// 00:00:00 of the 4th.
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
/// assert!(can_revoke(datetime!(2026-03-10 12:00 +01:00), time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn can_revoke(
    at: OffsetDateTime,
    planned_day: Date,
    rules: &Rules,
) -> Result<bool, InstrumentError> {
    Ok(at.date() <= revoca_deadline(planned_day, rules)?)
}

/// Whether the prestatore's confirmation, at the instant `at` (in the offset of Europe/Rome),
/// of a CPO prestazione of `day` is in time: from the day of the work (no work is confirmed
/// before it is done) until 23:59:59 of the 3rd day after, the revoca's window.
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
/// // A day whose window ends past the calendar.
/// assert!(can_confirm(datetime!(2026-03-10 12:00 +01:00), time::Date::MAX, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn can_confirm(at: OffsetDateTime, day: Date, rules: &Rules) -> Result<bool, InstrumentError> {
    let in_revoca_window = can_revoke(at, day, rules)?;
    Ok(at.date() >= day && in_revoca_window)
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
