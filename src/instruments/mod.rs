//! The two instruments of art. 54-bis D.L. 50/2017: who may use each one for what work
//! ([`assess_admissibility`]), the cost to the utilizzatore ([`CostBreakdown`]), the Libretto
//! Famiglia titoli and the CPO pay floor, CPO work across midnight ([`CpoDay`]), deadlines
//! (communication, revoca, payment), prepaid funds ([`FundsAccount`]), the consequence of
//! each breached rule ([`sanction_for`]), and the communications that tie them together
//! ([`LfCommunication`], [`CpoCommunication`]).
//!
//! Every legal number comes from the [`Rules`](crate::Rules) in force on the relevant day; no
//! function here reads a clock.

mod admissibility;
mod communication;
mod cost;
mod deadlines;
mod funds;
mod pay;
mod sanctions;

use time::{Date, OffsetDateTime};

pub use admissibility::{AdmissibilityError, Engagement, LfActivity, assess_admissibility};
pub use communication::{
    CommunicationError, CpoCommunication, CpoCommunicationDay, CpoWork, LfCommunication, LfWork,
};
pub use cost::{CostBreakdown, max_cpo_compenso_for_budget, max_lf_titoli_for_budget};
pub use deadlines::{
    CpoWindowCommunication, can_confirm, can_revoke, check_cpo_communication,
    cpo_communication_deadline, lf_communication_deadline, lf_communication_in_time, payment_date,
    post_office_collectable_on, revoca_deadline, revoca_deadline_at,
};
pub use funds::{Causale, Commitment, FundsAccount, FundsError, FundsEvent, TopUp};
pub use pay::{
    AgriculturalArea, CpoDay, MAX_SPAN_DAYS, agricultural_hour_limit,
    agricultural_hour_limit_citation, check_cpo_pay, check_cpo_pay_agricultural,
    cpo_minimum_compenso, cpo_minimum_compenso_agricultural, split_at_midnight, titoli_for_minutes,
};
pub(crate) use pay::{area_name, cpo_floor_citation};
pub use sanctions::{FineTotals, fine_totals, fine_units, sanction_for};

use crate::money::MoneyError;
pub(crate) use crate::prestazione::Instrument;
use crate::rules::{Citation, RulesError, WindowSector};

/// Why a cost, pay floor or deadline cannot be computed: the input is invalid, or the result
/// would fall outside the representable amounts or dates.
///
/// A lawful-or-not answer is never an error: it is a [`Verdict`](crate::Verdict).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{InstrumentError, Rules, titoli_for_minutes};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(titoli_for_minutes(0, rules), Err(InstrumentError::ZeroMinutes));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InstrumentError {
    /// A duration of zero minutes.
    #[error("minutes is 0: a prestazione lasts at least one minute")]
    ZeroMinutes,
    /// More minutes than the longest calendar day has.
    #[error("minutes {minutes} exceed the {max} minutes of the longest calendar day")]
    TooManyMinutes {
        /// The minutes given.
        minutes: u32,
        /// The longest calendar day, in minutes (25 hours, the day summer time ends).
        max: u32,
    },
    /// An amount too large to compute with.
    #[error("{what} is too large to compute")]
    Overflow {
        /// What overflowed.
        what: &'static str,
    },
    /// A computed amount is not a valid [`Euro`](crate::Euro).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// No rules for a day.
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// A deadline falls after the last representable date.
    #[error("{what} for {date} falls after the last representable date")]
    DateOutOfRange {
        /// Which deadline.
        what: &'static str,
        /// The day it is computed from.
        date: Date,
    },
    /// A deadline falls outside the representable instants.
    #[error("{what} for {at} falls outside the representable instants")]
    InstantOutOfRange {
        /// Which deadline.
        what: &'static str,
        /// The instant it is computed from.
        at: OffsetDateTime,
    },
    /// The end of a prestazione is not after its start.
    #[error("end {end} is not after start {start}")]
    EndNotAfterStart {
        /// The start.
        start: OffsetDateTime,
        /// The end.
        end: OffsetDateTime,
    },
    /// An instant whose Italian civil time is not representable, or an Italian local time that
    /// does not exist or happens twice (reading R-CIVIL-TIME).
    #[error(transparent)]
    CivilTime(#[from] crate::civil_time::CivilTimeError),
    /// A prestazione spanning more calendar days than the library accepts.
    #[error("a prestazione spanning {days} calendar days is longer than the {max} accepted")]
    SpanTooLong {
        /// Calendar days touched (at least).
        days: i64,
        /// The most accepted ([`MAX_SPAN_DAYS`]).
        max: u32,
    },
    /// The rules given are not those in force on the day asked about.
    #[error(
        "the rules given (from {valid_from}) are not those in force on {date}: pass the rules of the day"
    )]
    RulesNotInForce {
        /// The day asked about.
        date: Date,
        /// The first day of the rules given.
        valid_from: Date,
    },
    /// A multi-day window that runs past the last day of the rules given: another version of the
    /// rules governs its later days ([`CpoWindowCommunication::in_table`] checks them).
    #[error(
        "the window's last day {last_day} is after {valid_until}, the last day of the rules given: check it against the rules table, which governs its later days"
    )]
    WindowBeyondRules {
        /// The window's last day.
        last_day: Date,
        /// The last day of the rules given.
        valid_until: Date,
    },
    /// No multi-day CPO communication window on that day.
    #[error("no multi-day CPO communication window is in force on {date} ({citation})")]
    WindowNotInForce {
        /// The day (the window's first day, or the first of its days under rules without it).
        date: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// The sector may not use the multi-day window.
    #[error(
        "sector {sector:?} may not use the multi-day CPO communication window on {date} ({citation})"
    )]
    WindowSectorNotAllowed {
        /// The sector given.
        sector: WindowSector,
        /// The day (the window's first day, or the first of its days under rules that do not
        /// open it to the sector).
        date: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// A window longer than the rules allow.
    #[error("window of {days} days is longer than the {max} days allowed ({citation})")]
    WindowTooLong {
        /// The days given.
        days: u32,
        /// The most allowed.
        max: u32,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// A window of zero days or zero hours.
    #[error("{field} is 0: a window covers at least one day and one hour")]
    WindowEmpty {
        /// `days` or `total_hours`.
        field: &'static str,
    },
    /// More hours than the window's days have.
    #[error("total_hours {total_hours} exceed the {max} hours of a {days}-day window")]
    WindowHours {
        /// The hours given.
        total_hours: u32,
        /// The window's days.
        days: u32,
        /// 24 hours per day.
        max: u32,
    },
    /// No agricultural CPO rates in the rules in force: CPO is banned in agriculture from
    /// 1/1/2023.
    #[error(
        "the rules in force from {date} have no agricultural CPO hourly rates: CPO is banned in agriculture ({citation})"
    )]
    AgricultureNotInForce {
        /// The first day of the rules consulted.
        date: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// Payment at a post office on the utilizzatore's mandate is not in force on that day.
    #[error(
        "payment at a post office on the utilizzatore's mandate is not available on {date} ({citation})"
    )]
    PostOfficeNotAvailable {
        /// The validation day.
        date: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
}
