//! The booking question in one call: may this utilizzatore book this prestatore for this work,
//! with which instrument, for what pay, at what cost, by which deadlines, with which funds, and
//! how much room is left under every cap after it ([`assess_booking`]).
//!
//! This module sits above the instruments and the ledger (rules → parties → prestazione →
//! instrument checks → ledger → booking): it composes their answers and computes no rule of its
//! own. Every figure comes from the function that owns its rule, each with its citation.

mod display;

use std::fmt;

use time::{Date, OffsetDateTime};

use crate::civil_time::{CivilTimeError, ItalianClock};
use crate::instruments::{
    AdmissibilityError, AgriculturalArea, CommunicationError, CostBreakdown, CpoCommunication,
    CpoWork, Engagement, FundsAccount, FundsError, InstrumentError, LfActivity, LfCommunication,
    LfWork, agricultural_hour_limit_citation, assess_admissibility, cpo_floor_citation,
    cpo_minimum_compenso_agricultural, sanction_for, split_at_midnight,
};
use crate::ledger::{Assessment, Ledger, LedgerError, Room, RoomQuery};
use crate::money::Euro;
use crate::parties::{PaPurpose, Prestatore, Utilizzatore, UtilizzatoreKind};
use crate::prestazione::{Instrument, Prestazione, PrestazioneId};
use crate::rules::{Citation, Cited, Rules, RulesError, RulesTable};
use crate::verdict::{Breach, RuleId, Verdict};

/// Why a booking question cannot be answered (bad input, not a "no": an unlawful booking is
/// answered with a [`Booking`] whose verdicts list the reasons). Each message names the field.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     BookingError, Euro, Ledger, Prestatore, Utilizzatore, UtilizzatoreKind, Work, assess_booking,
/// };
/// use time::macros::{date, datetime};
///
/// let firm = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?;
/// let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// // A CPO booking of a day and a duration: the CPO communication needs the start and end.
/// let mut work = Work::cpo(
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(36)], "Via Roma 1", "serving at the bar",
/// );
/// work.schedule = prestazioni_occasionali::Schedule::Day { day: date!(2026 - 03 - 07), minutes: 240 };
/// let err = assess_booking(&firm, &mario, &work, datetime!(2026-03-06 10:00 +01:00), &Ledger::default(), &[]).unwrap_err();
/// assert!(matches!(err, BookingError::CpoNeedsInstants));
/// assert_eq!(
///     err.to_string(),
///     "schedule: a CPO booking needs the start and end instants (art. 54-bis c. 17 lett. d D.L. 50/2017), not a day and a duration"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BookingError {
    /// A CPO booking given as a day and a duration.
    #[error(
        "schedule: a CPO booking needs the start and end instants (art. 54-bis c. 17 lett. d D.L. 50/2017), not a day and a duration"
    )]
    CpoNeedsInstants,
    /// A Libretto Famiglia booking without its c. 10 activity.
    #[error(
        "lf_activity: a Libretto Famiglia booking needs one of the activities of art. 54-bis c. 10 D.L. 50/2017"
    )]
    MissingLfActivity,
    /// Compensi proposed for a booking the host asked to make with the Libretto Famiglia.
    #[error(
        "compensi: the Libretto Famiglia pays the whole titoli the duration needs (art. 54-bis c. 10-11 D.L. 50/2017), not a proposed compenso: leave compensi empty"
    )]
    CompensiForLf,
    /// More than one funds account of the chosen instrument.
    #[error("funds: {count} accounts for the {instrument}, pass at most one per instrument")]
    DuplicateAccount {
        /// The chosen instrument.
        instrument: Instrument,
        /// How many accounts of it were given.
        count: usize,
    },
    /// A total too large to represent.
    #[error("{what} is too large to represent")]
    Overflow {
        /// What overflowed.
        what: &'static str,
    },
    /// The communication cannot be built (an empty place or oggetto, compensi that are not
    /// one per calendar day, a zero compenso, the prestatore is the utilizzatore, ...).
    #[error(transparent)]
    Communication(#[from] CommunicationError),
    /// The admissibility question cannot be answered (a day before the prestatore's birth, a
    /// headcount month missing).
    #[error(transparent)]
    Admissibility(#[from] AdmissibilityError),
    /// A pay floor, a split at midnight or a deadline cannot be computed (the end not after the
    /// start, zero minutes, ...).
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    /// The ledger cannot assess the prestazioni (an id already recorded, ...).
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// No rules for a day (before 24/6/2017).
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// The Italian civil date of `asked_at` cannot be worked out (an instant outside the
    /// calendar `time` represents; reading R-CIVIL-TIME).
    #[error(transparent)]
    CivilTime(#[from] CivilTimeError),
}

/// When the work is done.
///
/// - `Day`: a calendar day and a duration in minutes, as the Libretto Famiglia communicates it
///   (art. 54-bis c. 12: day and duration, no times). The CPO cannot use it.
/// - `Span`: the start and end instants (c. 17 lett. d), for both instruments. Work across
///   midnight is one prestazione per calendar day (reading R-MIDNIGHT), split by
///   [`split_at_midnight`] at Italian midnight; the instants may be in any offset (UTC is fine,
///   reading R-CIVIL-TIME).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Schedule;
/// use time::macros::{date, datetime};
/// let afternoon = Schedule::Day { day: date!(2026 - 03 - 10), minutes: 140 };
/// let night = Schedule::Span { start: datetime!(2026-03-07 22:00 +01:00), end: datetime!(2026-03-08 02:00 +01:00) };
/// assert_ne!(afternoon, night);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Schedule {
    /// A day and a duration (Libretto Famiglia only).
    Day {
        /// The day of the work.
        day: Date,
        /// Its duration in minutes.
        minutes: u32,
    },
    /// The start and the end.
    Span {
        /// When the work starts.
        start: OffsetDateTime,
        /// When the work ends.
        end: OffsetDateTime,
    },
}

/// The work a host wants to book: which instrument (or whichever is lawful), when, where, what,
/// for what pay, and the facts only the host knows (plain data, checked by [`assess_booking`]).
///
/// - `instrument`: `Some` to ask about one instrument; `None` for whichever is lawful (see
///   [`Choice`]).
/// - `lf_activity`: the c. 10 activity when the work is one (needed for the Libretto Famiglia);
///   for a CPO booking it only informs the Libretto Famiglia verdict.
/// - `compensi`: the CPO compenso proposed for each calendar day, in order (reading R-MIDNIGHT).
///   The Libretto Famiglia pays the whole titoli the duration needs (worked example E1): leave
///   it empty for an LF booking; with `instrument: None` it is used only if the CPO is chosen.
/// - `first_id`: the host's id of the first prestazione; the next calendar days take the next
///   ids.
///
/// `Debug` does not show the place (often a home address).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, LfActivity, PrestazioneId, Work};
/// use time::macros::{date, datetime};
///
/// let sitting = Work::lf(date!(2026 - 03 - 10), 140, LfActivity::AssistenzaDomiciliare, "Via Appia Nuova 101, Roma")
///     .with_id(PrestazioneId(7));
/// assert_eq!(sitting.first_id, PrestazioneId(7));
/// assert!(!format!("{sitting:?}").contains("Appia"));
///
/// let shift = Work::cpo(
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(48)], "Fiera di Roma", "hostess at a fair",
/// );
/// assert_eq!(shift.compensi, [Euro::from_euros(48)]);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Work {
    /// The instrument asked about, or `None` for whichever is lawful.
    pub instrument: Option<Instrument>,
    /// When the work is done.
    pub schedule: Schedule,
    /// The c. 10 activity (ambito), when the work is one of them.
    pub lf_activity: Option<LfActivity>,
    /// Where the work is done (luogo); non-empty.
    pub place: String,
    /// What the work is (oggetto, c. 17 lett. c); non-empty for a CPO booking.
    pub oggetto: String,
    /// The CPO compenso proposed for each calendar day, in order.
    pub compensi: Vec<Euro>,
    /// The host's id of the first prestazione (the next days take the next ids).
    pub first_id: PrestazioneId,
    /// The work is within an appalto di opere o servizi (c. 14 lett. d).
    pub within_appalto: bool,
    /// For a PA, the c. 7 purpose.
    pub pa_purpose: Option<PaPurpose>,
    /// The prestatore's self-certification behind a condition is false or incomplete.
    pub self_certification_false: bool,
    /// For an agricultural CPO of 24/6/2017-31/12/2022, the CCNL area (see
    /// [`CpoWork::agricultural_area`]).
    pub agricultural_area: Option<AgriculturalArea>,
}

impl Work {
    /// A Libretto Famiglia booking: `minutes` of `activity` on `day` at `place`, id 1.
    ///
    /// Legal basis: art. 54-bis c. 10, c. 12 D.L. 50/2017 (LF-ACTIVITIES, LF-COMM).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Instrument, LfActivity, Schedule, Work};
    /// use time::macros::date;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// assert_eq!(work.instrument, Some(Instrument::LibrettoFamiglia));
    /// assert_eq!(work.schedule, Schedule::Day { day: date!(2026 - 03 - 10), minutes: 180 });
    /// ```
    #[must_use]
    pub fn lf(day: Date, minutes: u32, activity: LfActivity, place: impl Into<String>) -> Work {
        Work::new(
            Some(Instrument::LibrettoFamiglia),
            Schedule::Day { day, minutes },
            Vec::new(),
            place.into(),
            String::new(),
        )
        .with_lf_activity(activity)
    }

    /// A CPO booking from `start` to `end` for `compensi` (one per calendar day), at `place`,
    /// doing `oggetto`, id 1.
    ///
    /// Legal basis: art. 54-bis c. 17 lett. b-e D.L. 50/2017 (CPO-COMM, reading R-MIDNIGHT).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Instrument, Work};
    /// use time::macros::datetime;
    /// let night = Work::cpo(
    ///     datetime!(2026-03-07 22:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(36)], "Via Roma 1", "serving at the bar",
    /// );
    /// assert_eq!(night.instrument, Some(Instrument::ContrattoPrestazioneOccasionale));
    /// ```
    #[must_use]
    pub fn cpo(
        start: OffsetDateTime,
        end: OffsetDateTime,
        compensi: Vec<Euro>,
        place: impl Into<String>,
        oggetto: impl Into<String>,
    ) -> Work {
        Work::new(
            Some(Instrument::ContrattoPrestazioneOccasionale),
            Schedule::Span { start, end },
            compensi,
            place.into(),
            oggetto.into(),
        )
    }

    /// Work from `start` to `end` with whichever instrument is lawful (see [`Choice`]):
    /// `compensi` apply if the CPO is chosen; set the c. 10 activity with
    /// [`Work::with_lf_activity`] when the work is one.
    ///
    /// Legal basis: art. 54-bis c. 6, c. 10 D.L. 50/2017 (LF-USERS, CPO-USERS).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, LfActivity, Work};
    /// use time::macros::datetime;
    /// let work = Work::whichever(
    ///     datetime!(2026-03-10 15:00 +01:00), datetime!(2026-03-10 18:00 +01:00),
    ///     vec![Euro::from_euros(36)], "Via Roma 1", "baby-sitting",
    /// ).with_lf_activity(LfActivity::AssistenzaDomiciliare);
    /// assert_eq!(work.instrument, None);
    /// ```
    #[must_use]
    pub fn whichever(
        start: OffsetDateTime,
        end: OffsetDateTime,
        compensi: Vec<Euro>,
        place: impl Into<String>,
        oggetto: impl Into<String>,
    ) -> Work {
        Work::new(
            None,
            Schedule::Span { start, end },
            compensi,
            place.into(),
            oggetto.into(),
        )
    }

    fn new(
        instrument: Option<Instrument>,
        schedule: Schedule,
        compensi: Vec<Euro>,
        place: String,
        oggetto: String,
    ) -> Work {
        Work {
            instrument,
            schedule,
            lf_activity: None,
            place,
            oggetto,
            compensi,
            first_id: PrestazioneId(1),
            within_appalto: false,
            pa_purpose: None,
            self_certification_false: false,
            agricultural_area: None,
        }
    }

    /// Sets the id of the first prestazione.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LfActivity, PrestazioneId, Work};
    /// use time::macros::date;
    /// let work = Work::lf(date!(2026 - 03 - 10), 60, LfActivity::PiccoliLavoriDomestici, "Via Roma 1").with_id(PrestazioneId(42));
    /// assert_eq!(work.first_id, PrestazioneId(42));
    /// ```
    #[must_use]
    pub fn with_id(mut self, first_id: PrestazioneId) -> Work {
        self.first_id = first_id;
        self
    }

    /// Sets the c. 10 activity.
    ///
    /// Legal basis: art. 54-bis c. 10 D.L. 50/2017 (LF-ACTIVITIES).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, LfActivity, Work};
    /// use time::macros::datetime;
    /// let work = Work::whichever(
    ///     datetime!(2026-03-10 15:00 +01:00), datetime!(2026-03-10 16:00 +01:00),
    ///     vec![Euro::from_euros(36)], "Via Roma 1", "lesson",
    /// ).with_lf_activity(LfActivity::InsegnamentoPrivatoSupplementare);
    /// assert_eq!(work.lf_activity, Some(LfActivity::InsegnamentoPrivatoSupplementare));
    /// ```
    #[must_use]
    pub fn with_lf_activity(mut self, activity: LfActivity) -> Work {
        self.lf_activity = Some(activity);
        self
    }

    /// Marks the work as within an appalto (c. 14 lett. d).
    ///
    /// Legal basis: art. 54-bis c. 14 lett. d D.L. 50/2017 (PROHIB-APPALTI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Work};
    /// use time::macros::datetime;
    /// let work = Work::cpo(
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], "Via Roma 1", "cleaning",
    /// ).within_appalto();
    /// assert!(work.within_appalto);
    /// ```
    #[must_use]
    pub fn within_appalto(mut self) -> Work {
        self.within_appalto = true;
        self
    }

    /// Sets the PA purpose.
    ///
    /// Legal basis: art. 54-bis c. 7 D.L. 50/2017 (CPO-PA).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, PaPurpose, Work};
    /// use time::macros::datetime;
    /// let work = Work::cpo(
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], "Piazza Grande", "stewarding a festival",
    /// ).with_pa_purpose(PaPurpose::Events);
    /// assert_eq!(work.pa_purpose, Some(PaPurpose::Events));
    /// ```
    #[must_use]
    pub fn with_pa_purpose(mut self, purpose: PaPurpose) -> Work {
        self.pa_purpose = Some(purpose);
        self
    }

    /// Marks the prestatore's self-certification as false or incomplete.
    ///
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017 as amended by D.L. 87/2018.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Work};
    /// use time::macros::datetime;
    /// let work = Work::cpo(
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], "Via Roma 1", "cleaning",
    /// ).with_false_self_certification();
    /// assert!(work.self_certification_false);
    /// ```
    #[must_use]
    pub fn with_false_self_certification(mut self) -> Work {
        self.self_certification_false = true;
        self
    }

    /// Sets the CCNL area of a historical agricultural CPO (24/6/2017-31/12/2022).
    ///
    /// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017 (CPO-AGRI-PAY).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, Euro, Work};
    /// use time::macros::datetime;
    /// let work = Work::cpo(
    ///     datetime!(2019-09-10 08:00 +02:00), datetime!(2019-09-10 12:00 +02:00),
    ///     vec![Euro::from_cents(2624)], "Podere Rossi", "vendemmia",
    /// ).with_agricultural_area(AgriculturalArea::Area3);
    /// assert_eq!(work.agricultural_area, Some(AgriculturalArea::Area3));
    /// ```
    #[must_use]
    pub fn with_agricultural_area(mut self, area: AgriculturalArea) -> Work {
        self.agricultural_area = Some(area);
        self
    }
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Work")
            .field("instrument", &self.instrument)
            .field("schedule", &self.schedule)
            .field("lf_activity", &self.lf_activity)
            .field("place", &format_args!("<redacted>"))
            .field("oggetto", &self.oggetto)
            .field("compensi", &self.compensi)
            .field("first_id", &self.first_id)
            .field("within_appalto", &self.within_appalto)
            .field("pa_purpose", &self.pa_purpose)
            .field("self_certification_false", &self.self_certification_false)
            .field("agricultural_area", &self.agricultural_area)
            .finish()
    }
}

/// How the instrument of a [`Booking`] was chosen.
///
/// With `instrument: None` ("whichever is lawful") the crate asks [`assess_admissibility`]
/// about both instruments on every day of the work and takes the Libretto Famiglia when it is
/// lawful (a persona fisica outside any business for a c. 10 activity, c. 6 lett. a and c. 10; a
/// società sportiva for its stewards, c. 1 lett. c-bis, which the law pays through the LF), else
/// the CPO when it is lawful; when neither is, the instrument the utilizzatore would have to use
/// (the LF for a persona fisica with a c. 10 activity, the CPO for anyone else), with both
/// verdicts saying why not.
///
/// Legal basis: art. 54-bis c. 1 lett. c-bis, c. 6, c. 10 D.L. 50/2017 (LF-USERS,
/// LF-ACTIVITIES, CPO-USERS).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Choice;
/// assert_eq!(Choice::LfLawful.to_string(), "the Libretto Famiglia is lawful for this work, so it is used");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Choice {
    /// The host asked about this instrument.
    Requested,
    /// Whichever is lawful: the Libretto Famiglia is.
    LfLawful,
    /// Whichever is lawful: the Libretto Famiglia is not, the CPO is.
    CpoLawful,
    /// Whichever is lawful: neither is; the instrument the utilizzatore would have to use.
    NeitherLawful,
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Choice::Requested => "as asked",
            Choice::LfLawful => "the Libretto Famiglia is lawful for this work, so it is used",
            Choice::CpoLawful => "the Libretto Famiglia is not lawful for this work, the CPO is",
            Choice::NeitherLawful => {
                "neither instrument is lawful for this work: the one the utilizzatore would have to use"
            }
        })
    }
}

/// The deadline of the communication to INPS.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::CommunicateBy;
/// use time::macros::{date, datetime};
/// let cpo = CommunicateBy::Instant(datetime!(2026-03-07 13:00 +01:00));
/// let lf = CommunicateBy::EndOfDay(date!(2026 - 04 - 03));
/// assert_eq!(cpo.to_string(), "2026-03-07 13:00 +01:00");
/// assert_eq!(lf.to_string(), "23:59:59 of 2026-04-03");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CommunicateBy {
    /// CPO: at the latest at this instant, 60 minutes before the start of the day's work
    /// (art. 54-bis c. 17; CPO-COMM).
    Instant(OffsetDateTime),
    /// Libretto Famiglia: until 23:59:59 of this day, the 3rd of the next month (art. 54-bis
    /// c. 12; LF-COMM, reading R-LF-COMM).
    EndOfDay(Date),
}

/// The pay of one calendar day against its floor.
///
/// - CPO: `compenso` is the proposed one, `minimum` the floor of [`cpo_minimum_compenso`]
///   (36,00 up to 4 hours, 9,00 per hour beyond; in agriculture 2017-2022 the CCNL rate of the
///   area, [`cpo_minimum_compenso_agricultural`]), `titoli` is `None`, and `verdict` is the
///   communication's pay verdict ([`check_cpo_pay`](crate::check_cpo_pay)).
/// - Libretto Famiglia: `titoli` are the whole titoli the duration needs
///   ([`titoli_for_minutes`](crate::titoli_for_minutes): 1 h 20 min → 2, worked example E1),
///   `compenso` and `minimum` are their compenso (8,00 each), and `verdict` is lawful.
///
/// [`cpo_minimum_compenso`]: crate::cpo_minimum_compenso
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::*;
/// # use time::macros::{date, datetime};
/// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let work = Work::lf(date!(2026 - 03 - 10), 80, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
/// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
/// let pay = &booking.days[0].pay;
/// assert_eq!((pay.titoli, pay.compenso), (Some(2), Euro::from_euros(16)));
/// assert!(pay.is_met());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PayCheck {
    /// The compenso of the day.
    pub compenso: Euro,
    /// The least compenso the law allows for the day.
    pub minimum: Euro,
    /// Libretto Famiglia: the whole titoli.
    pub titoli: Option<u32>,
    /// The rule that sets the floor.
    pub citation: Citation,
    /// A breach when the compenso is below the floor.
    pub verdict: Verdict,
}

impl PayCheck {
    /// Whether the compenso meets the floor.
    ///
    /// Legal basis: art. 54-bis c. 16, c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let mut headcounts = Headcounts::new();
    /// # for month in 1..=12u8 { headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(3)); }
    /// # let bar = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?.with_headcounts(headcounts);
    /// # let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let low = Work::cpo(
    ///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 16:00 +01:00),
    ///     vec![Euro::from_euros(30)], "Via Roma 1", "serving at the bar",
    /// );
    /// let booking = assess_booking(&bar, &mario, &low, datetime!(2026-03-06 10:00 +01:00), &Ledger::default(), &[])?;
    /// assert!(!booking.days[0].pay.is_met());
    /// assert_eq!(booking.days[0].pay.minimum, Euro::from_euros(36));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.verdict.is_lawful()
    }
}

/// One calendar day of a [`Booking`]: one prestazione with its pay, cost, deadlines, notice,
/// the ledger's assessment (counting the booking's earlier days, [`Ledger::assess_all`]) and
/// the room left after it, each with its citation.
///
/// Plain data, produced by [`assess_booking`].
///
/// Legal basis: art. 54-bis c. 1, c. 10-12, c. 16-18, c. 20 D.L. 50/2017; INPS circ. 107/2017
/// (readings R-MIDNIGHT, R-PAYMENT-DAY, R-REVOCA, R-LF-COMM, R-CONSEQUENCES).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::*;
/// # use time::macros::{date, datetime};
/// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
/// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
/// let day = &booking.days[0];
/// assert_eq!(day.communication.value, CommunicateBy::EndOfDay(date!(2026 - 04 - 03)));
/// assert_eq!(day.payment.value, date!(2026 - 04 - 15));
/// assert_eq!(day.revoca, None); // the revoca is a CPO procedure
/// assert_eq!(day.room_after.compenso, Euro::from_euros(2_476));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BookingDay {
    /// The record the ledger counts (id, day, minutes, compenso, category, profile).
    pub prestazione: Prestazione,
    /// When the day's work starts, when the schedule gives instants.
    pub start: Option<OffsetDateTime>,
    /// When the day's work ends, when the schedule gives instants.
    pub end: Option<OffsetDateTime>,
    /// The pay against its floor.
    pub pay: PayCheck,
    /// What the utilizzatore pays for the day ([`CostBreakdown`], worked examples E1-E3,
    /// reading R-ONERI-BASE).
    pub cost: Cited<CostBreakdown>,
    /// The deadline of the communication.
    pub communication: Cited<CommunicateBy>,
    /// Whether a communication sent at the instant asked is in time: for the CPO 60 minutes
    /// before the start ([`check_cpo_communication`](crate::check_cpo_communication)); for the
    /// Libretto Famiglia by the 3rd of the next month ([`LfCommunication::check_sent_at`]).
    pub notice: Verdict,
    /// CPO: the last day of the revoca (until 23:59:59, reading R-REVOCA); `None` for the
    /// Libretto Famiglia.
    pub revoca: Option<Cited<Date>>,
    /// The day by which INPS pays the prestatore (the 15th of the next month, reading
    /// R-PAYMENT-DAY).
    pub payment: Cited<Date>,
    /// The ledger's assessment of the day's prestazione.
    pub assessment: Assessment,
    /// The room left after the day's prestazione ([`Assessment::room`]), in its year.
    pub room_after: Room,
    /// The citation of each cap and hour limit that applies to the day, by rule id.
    pub limits: Vec<Cited<RuleId>>,
}

impl BookingDay {
    /// The citation of a cap or hour limit of the day, by rule id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// let pair = booking.days[0].limit_citation(RuleId::CapPair).ok_or("cap c applies")?;
    /// assert_eq!(pair.to_string(), "art. 54-bis c. 1 lett. c D.L. 50/2017");
    /// assert!(booking.days[0].limit_citation(RuleId::CapSteward).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn limit_citation(&self, rule: RuleId) -> Option<&Citation> {
        self.limits
            .iter()
            .find(|l| l.value == rule)
            .map(|l| &l.citation)
    }

    /// Whether the day's pay, notice and caps are lawful (the booking's admissibility aside).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// assert!(booking.days[0].is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_lawful(&self) -> bool {
        self.pay.is_met() && self.notice.is_lawful() && self.assessment.is_lawful()
    }
}

/// The funds the booking needs on the utilizzatore's prepaid account of its instrument, and
/// whether the account given covers them on the day asked.
///
/// `verdict` holds a breach of [`RuleId::LfFunding`] or [`RuleId::CpoFunding`] (the INPS
/// platform refuses the communication) when the account's available balance does not cover the
/// cost; it is lawful when it does or when no account was given (`available: None`). Whether
/// the balance covers is decided by the account itself
/// ([`CpoCommunication::commit_funds`], [`LfCommunication::commit_funds`], on a copy).
///
/// Legal basis: art. 54-bis c. 10, c. 17 D.L. 50/2017; INPS circ. 107/2017, msg 4380/2023
/// (LF-FUNDING, CPO-FUNDING).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::*;
/// # use time::macros::{date, datetime};
/// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let day = date!(2026 - 03 - 09);
/// let mut libretto = FundsAccount::new(Instrument::LibrettoFamiglia);
/// libretto.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(20), available_on: day }, Rules::in_force_on(day)?)?;
/// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
/// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[&libretto])?;
/// assert_eq!((booking.funds.needed, booking.funds.available), (Euro::from_euros(30), Some(Euro::from_euros(20))));
/// assert_eq!(booking.funds.is_covered(), Some(false));
/// assert!(booking.funds.verdict.breaches_rule(RuleId::LfFunding));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Funds {
    /// What the booking costs in all (every day's total).
    pub needed: Euro,
    /// The day the funds are looked at (the day of the instant asked).
    pub on: Date,
    /// The account's available balance on `on`, when an account of the instrument was given.
    pub available: Option<Euro>,
    /// The rule that the cost be prepaid: art. 54-bis c. 10 (LF) or c. 17 (CPO) D.L. 50/2017,
    /// INPS circ. 107/2017.
    pub citation: Citation,
    /// A breach when the balance does not cover the cost.
    pub verdict: Verdict,
}

impl Funds {
    /// `Some(true)` when the account given covers the cost, `Some(false)` when it does not,
    /// `None` when no account of the instrument was given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// assert_eq!(booking.funds.is_covered(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_covered(&self) -> Option<bool> {
        self.available.map(|_| self.verdict.is_lawful())
    }
}

/// The answer to the booking question ([`assess_booking`]): the instrument and how it was
/// chosen, the admissibility verdict of each instrument, one [`BookingDay`] per calendar day
/// (pay against its floor, cost, deadlines, notice, the ledger's assessment and the room after
/// it), the totals, the funds, and the room before the booking, each with its citation.
///
/// A "no" is an answer, not an error: [`Booking::is_lawful`] says whether the booking may go
/// ahead, [`Booking::verdict`] lists every reason. The funds are reported apart
/// ([`Funds::is_covered`]): a missing balance is topped up, it does not make the work unlawful.
///
/// `Display` writes it for a person: amounts as `1.234,56 €`, durations as `4 h 00 min`, days
/// as ISO dates (`2026-03-07`, as the crate's verdicts write them), instants in the offset given.
/// With feature `serde` it is `Serialize` only (a computed answer).
///
/// Legal basis: art. 54-bis c. 1, c. 5-8, c. 10-18, c. 20 D.L. 50/2017; INPS circ. 107/2017
/// (worked examples E1-E6, readings R-ONERI-BASE, R-MIDNIGHT, R-REVOCA, R-LF-COMM,
/// R-PAYMENT-DAY, R-CONSEQUENCES).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::*;
/// # use time::macros::{date, datetime};
/// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
/// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
/// assert!(booking.is_lawful());
/// assert_eq!((booking.total_compenso, booking.total_cost), (Euro::from_euros(24), Euro::from_euros(30)));
/// assert!(booking.to_string().starts_with("LF booking asked at 2026-03-09 10:00 +01:00: lawful"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Booking {
    /// The instrument of the answer.
    pub instrument: Instrument,
    /// How it was chosen, with the rule behind the choice.
    pub choice: Cited<Choice>,
    /// Whether the utilizzatore may use the Libretto Famiglia for this work with this
    /// prestatore, on every day of it ([`assess_admissibility`]; facts prefixed with the day
    /// when the work spans several). `None` only for the instrument not chosen, when its
    /// question cannot be answered from the data given (ask about it to get the reason).
    pub lf_admissibility: Option<Verdict>,
    /// The same for the CPO (`None`, for instance, for an LF booking of an utilizzatore whose
    /// monthly headcounts the CPO size test would need).
    pub cpo_admissibility: Option<Verdict>,
    /// One prestazione per calendar day, in order (reading R-MIDNIGHT).
    pub days: Vec<BookingDay>,
    /// The sum of the days' compensi.
    pub total_compenso: Euro,
    /// The sum of the days' costs.
    pub total_cost: Euro,
    /// The funds needed, and whether the account given covers them.
    pub funds: Funds,
    /// The room the utilizzatore had with the prestatore before the booking, on its first day
    /// ([`Ledger::room`] for [`RoomQuery::for_prestazione`]).
    pub room_before: Room,
    /// The instant the host asked at (when it would send the communication).
    pub asked_at: OffsetDateTime,
}

impl Booking {
    /// Whether the booking may go ahead: the instrument is admissible on every day, every
    /// day's pay meets its floor, every notice is in time and the ledger finds every day within
    /// every cap. The funds are not part of it ([`Funds::is_covered`]).
    ///
    /// Legal basis: art. 54-bis c. 1, c. 5-7, c. 10, c. 12-17, c. 20 D.L. 50/2017 (reading
    /// R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let asked = datetime!(2026-03-09 10:00 +01:00);
    /// assert!(assess_booking(&family, &sitter, &work, asked, &Ledger::default(), &[])?.is_lawful());
    /// // Gardening is a c. 10 activity; a steward service is not, for a family.
    /// let steward = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::Steward, "Stadio Olimpico");
    /// assert!(!assess_booking(&family, &sitter, &steward, asked, &Ledger::default(), &[])?.is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_lawful(&self) -> bool {
        self.admissibility(self.instrument)
            .is_some_and(Verdict::is_lawful)
            && self.days.iter().all(BookingDay::is_lawful)
    }

    /// The admissibility verdict of `instrument` (always `Some` for the instrument of the
    /// booking; see [`Booking::cpo_admissibility`] for when the other is `None`).
    ///
    /// Legal basis: art. 54-bis c. 5, 6, 7, 10, 13, 14 D.L. 50/2017 (see [`assess_admissibility`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// assert!(booking.admissibility(Instrument::LibrettoFamiglia).is_some_and(Verdict::is_lawful));
    /// // A family outside any business may not use the CPO (c. 6 lett. b).
    /// let cpo = booking.admissibility(Instrument::ContrattoPrestazioneOccasionale).ok_or("answered")?;
    /// assert!(cpo.breaches_rule(RuleId::CpoUsers));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn admissibility(&self, instrument: Instrument) -> Option<&Verdict> {
        match instrument {
            Instrument::LibrettoFamiglia => self.lf_admissibility.as_ref(),
            Instrument::ContrattoPrestazioneOccasionale => self.cpo_admissibility.as_ref(),
        }
    }

    /// Every reason the booking may not go ahead: the chosen instrument's admissibility, then
    /// for each day its pay, notice and caps (each fact prefixed with its day when the work
    /// spans several). Lawful exactly when [`Booking::is_lawful`] is.
    ///
    /// Legal basis: as [`Booking::is_lawful`] (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let steward = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::Steward, "Stadio Olimpico");
    /// let booking = assess_booking(&family, &sitter, &steward, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// assert!(booking.verdict().breaches_rule(RuleId::LfActivities));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        let several = self.days.len() > 1;
        let mut verdict = self
            .admissibility(self.instrument)
            .cloned()
            .unwrap_or_default();
        for day in &self.days {
            let date = day.prestazione.day();
            let breaches = day
                .pay
                .verdict
                .breaches
                .iter()
                .chain(&day.notice.breaches)
                .chain(&day.assessment.verdict.breaches);
            for breach in breaches {
                let mut breach = breach.clone();
                if several {
                    breach.facts = format!("on {date}, {}", breach.facts);
                }
                verdict.push(breach);
            }
        }
        verdict
    }

    /// The records to record in the ledger once the communication is sent, one per calendar
    /// day, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let mut ledger = Ledger::default();
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &ledger, &[])?;
    /// for p in booking.prestazioni() {
    ///     ledger.record(p)?;
    /// }
    /// assert_eq!(ledger.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prestazioni(&self) -> impl Iterator<Item = &Prestazione> {
        self.days.iter().map(|d| &d.prestazione)
    }

    /// The room left after the booking: after its last day, in that day's year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::{date, datetime};
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
    /// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 10:00 +01:00), &Ledger::default(), &[])?;
    /// let room = booking.room_after().ok_or("one day")?;
    /// assert_eq!((room.compenso, room.binding), (Euro::from_euros(2_476), RuleId::CapPair));
    /// assert_eq!(booking.room_before.compenso, Euro::from_euros(2_500));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn room_after(&self) -> Option<&Room> {
        self.days.last().map(|d| &d.room_after)
    }
}

/// Answers the booking question in one call: may `utilizzatore` book `prestatore` for `work`,
/// asked at `asked_at`, given what `ledger` holds — with which instrument, for what pay, at
/// what cost, by which deadlines, with which funds, and how much room is left under every cap
/// after it.
///
/// The rules are the ledger's ([`Ledger::rules_table`]), in force on each calendar day of the
/// work. The answer composes the crate's own answers, each from the function that owns its
/// rule:
///
/// - the instrument: `work.instrument`, or whichever is lawful ([`Choice`]), from
///   [`assess_admissibility`] of both instruments on every day;
/// - per calendar day (work across midnight is two prestazioni, reading R-MIDNIGHT, worked
///   example E4): the Libretto Famiglia's [`LfCommunication`] (whole titoli, E1; cost; the
///   3rd of the next month, R-LF-COMM; payment) or the CPO's [`CpoCommunication`] (pay floor,
///   cost E2-E3 with reading R-ONERI-BASE; communication 60 minutes before the start; revoca
///   until 23:59:59 of the 3rd day after, R-REVOCA; payment on the 15th of the next month,
///   R-PAYMENT-DAY; E6), with the communication sent at `asked_at`;
/// - the ledger's [`Assessment`] of each day, counting the booking's earlier days
///   ([`Ledger::assess_all`]), and the room after it ([`Assessment::room`]) and before the
///   booking ([`Ledger::room`]);
/// - the funds: the total cost, and whether the account of the chosen instrument among
///   `funds` (none, one or both instruments' accounts) covers it on the day of `asked_at`.
///
/// Nothing changes: record [`Booking::prestazioni`] in the ledger once the communication is
/// sent.
///
/// Pass instants in the offset of Europe/Rome (calendar days are read in the offset given).
///
/// Legal basis: art. 54-bis c. 1, c. 5-8, c. 10-18, c. 20 D.L. 50/2017; INPS circ. 107/2017
/// (LF-USERS, CPO-USERS, LF-TITOLO, CPO-MIN-PAY, CPO-CONTRIB, CPO-COMM, CPO-REVOCA, CPO-PAY,
/// LF-COMM, LF-PAY, LF-FUNDING, CPO-FUNDING, the caps and HOURS-280; worked examples E1-E6;
/// readings R-ONERI-BASE, R-MIDNIGHT, R-REVOCA, R-LF-COMM, R-PAYMENT-DAY, R-CONSEQUENCES).
///
/// # Errors
///
/// Bad input, naming the field: [`BookingError::CpoNeedsInstants`],
/// [`BookingError::MissingLfActivity`], [`BookingError::CompensiForLf`],
/// [`BookingError::DuplicateAccount`]; [`BookingError::Communication`] (an empty place or
/// oggetto, compensi not one per calendar day, a zero compenso, the prestatore is the
/// utilizzatore, an id already holding funds); [`BookingError::Instrument`] (the end not after
/// the start, zero minutes, a deadline past the representable dates);
/// [`BookingError::Admissibility`] (a day before the prestatore's birth, a headcount month
/// missing); [`BookingError::Ledger`] (an id already recorded); [`BookingError::Rules`] (a day
/// before 24/6/2017). A "no" is never an error.
///
/// # Examples
///
/// A family books a baby-sitter with the Libretto Famiglia:
///
/// ```
/// use prestazioni_occasionali::{
///     CommunicateBy, Euro, Ledger, LfActivity, Prestatore, Utilizzatore, UtilizzatoreKind, Work, assess_booking,
/// };
/// use time::macros::{date, datetime};
///
/// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let work = Work::lf(date!(2026 - 03 - 10), 140, LfActivity::AssistenzaDomiciliare, "Via Appia Nuova 101, Roma");
/// let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-09 18:00 +01:00), &Ledger::default(), &[])?;
///
/// assert!(booking.is_lawful());
/// let day = &booking.days[0];
/// // 2 h 20 min need 3 whole titoli: 24,00 to the sitter, 30,00 in all (worked example E1).
/// assert_eq!((day.pay.titoli, day.cost.value.compenso, day.cost.value.total), (Some(3), Euro::from_euros(24), Euro::from_euros(30)));
/// // Communicate by the 3rd of the next month, paid by the 15th (E6).
/// assert_eq!(day.communication.value, CommunicateBy::EndOfDay(date!(2026 - 04 - 03)));
/// assert_eq!(day.payment.value, date!(2026 - 04 - 15));
/// println!("{booking}");
///
/// // Bad input is an error naming the field.
/// let nowhere = Work::lf(date!(2026 - 03 - 10), 140, LfActivity::AssistenzaDomiciliare, " ");
/// let err = assess_booking(&family, &sitter, &nowhere, datetime!(2026-03-09 18:00 +01:00), &Ledger::default(), &[]).unwrap_err();
/// assert_eq!(err.to_string(), "place is empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// An events company books a CPO shift (worked example E6: 14:00-18:00 on Saturday 7/3/2026):
///
/// ```
/// use prestazioni_occasionali::{
///     Euro, Headcounts, Ledger, MonthlyHeadcount, Prestatore, RuleId, Utilizzatore, UtilizzatoreKind, Work, assess_booking,
/// };
/// use time::macros::{date, datetime};
///
/// let mut headcounts = Headcounts::new();
/// for month in 1..=12u8 {
///     headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(4));
/// }
/// let events = Utilizzatore::new("12345670157".parse()?, "Eventi Aurora Srl", UtilizzatoreKind::Impresa)?
///     .with_ateco("82.30.00".parse()?)
///     .with_headcounts(headcounts);
/// let luca = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let shift = Work::cpo(
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(36)], "Fiera di Roma", "hostess at a fair",
/// );
/// let booking = assess_booking(&events, &luca, &shift, datetime!(2026-03-07 13:00 +01:00), &Ledger::default(), &[])?;
/// assert!(booking.is_lawful());
/// let day = &booking.days[0];
/// assert_eq!((day.pay.minimum, day.cost.value.total), (Euro::from_euros(36), Euro::from_cents(4964))); // E3
/// assert_eq!(day.revoca.as_ref().map(|r| r.value), Some(date!(2026 - 03 - 10)));
/// // The events list's cap b is 15.000,00 (D.L. 48/2023 art. 37).
/// let b = day.assessment.cap_utilizzatore.as_ref().ok_or("cap b applies")?;
/// assert_eq!(b.limit, Euro::from_euros(15_000));
/// assert!(day.limit_citation(RuleId::CapUtilizzatore).ok_or("cited")?.to_string().contains("D.L. 48/2023"));
///
/// // Asked one minute too late, the same shift is a "no" with its reason (and a fine).
/// let late = assess_booking(&events, &luca, &shift, datetime!(2026-03-07 13:01 +01:00), &Ledger::default(), &[])?;
/// assert!(!late.is_lawful() && late.verdict().breaches_rule(RuleId::CpoComm));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A refusal: the ledger already holds 2.490,00 of the pair's cap c (2.500,00), so 36,00 more
/// would convert the relationship; the answer says so, with the room that was left:
///
/// ```
/// use prestazioni_occasionali::{
///     Consequence, Euro, Headcounts, Ledger, MonthlyHeadcount, Prestatore, PrestazioneId, RuleId, Utilizzatore,
///     UtilizzatoreKind, Work, assess_booking,
/// };
/// use time::macros::{date, datetime};
///
/// # let mut headcounts = Headcounts::new();
/// # for month in 1..=12u8 { headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(4)); }
/// let bar = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?.with_headcounts(headcounts);
/// let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let mut ledger = Ledger::default();
/// let big = Work::cpo(
///     datetime!(2026-02-07 14:00 +01:00), datetime!(2026-02-07 18:00 +01:00),
///     vec![Euro::from_euros(2_490)], "Via Roma 1", "serving at the bar",
/// );
/// for p in assess_booking(&bar, &mario, &big, datetime!(2026-02-06 10:00 +01:00), &ledger, &[])?.prestazioni() {
///     ledger.record(p)?;
/// }
/// let more = Work::cpo(
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(36)], "Via Roma 1", "serving at the bar",
/// ).with_id(PrestazioneId(2));
/// let booking = assess_booking(&bar, &mario, &more, datetime!(2026-03-06 10:00 +01:00), &ledger, &[])?;
/// assert!(!booking.is_lawful());
/// let breach = &booking.verdict().breaches[0];
/// assert_eq!(breach.rule, RuleId::CapPair);
/// assert_eq!(breach.consequence, Consequence::Conversion { from: date!(2026 - 03 - 07) });
/// assert_eq!(booking.room_before.compenso, Euro::from_euros(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_booking(
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    work: &Work,
    asked_at: OffsetDateTime,
    ledger: &Ledger,
    funds: &[&FundsAccount],
) -> Result<Booking, BookingError> {
    let table = ledger.rules_table();
    let calendar = calendar_days(work.schedule, table)?;
    let (instrument, choice, lf_admissibility, cpo_admissibility) =
        choose(utilizzatore, prestatore, work, &calendar, table)?;
    let account = account_for(funds, instrument)?;
    let (parts, covered) = match instrument {
        Instrument::LibrettoFamiglia => {
            if work.instrument.is_some() && !work.compensi.is_empty() {
                return Err(BookingError::CompensiForLf);
            }
            lf_days(
                utilizzatore,
                prestatore,
                work,
                &calendar,
                asked_at,
                account,
                table,
            )?
        }
        Instrument::ContrattoPrestazioneOccasionale => {
            cpo_days(utilizzatore, prestatore, work, asked_at, account, table)?
        }
    };
    let records: Vec<Prestazione> = parts.iter().map(|d| d.prestazione.clone()).collect();
    let assessments = ledger.assess_all(&records)?;
    // A schedule always has at least one calendar day (a day of zero minutes is refused).
    let first = records
        .first()
        .ok_or(BookingError::Instrument(InstrumentError::ZeroMinutes))?;
    let room_before = ledger.room(&RoomQuery::for_prestazione(first))?;
    let mut days = Vec::with_capacity(parts.len());
    for (part, assessment) in parts.into_iter().zip(assessments) {
        let rules = table.in_force_on(part.prestazione.day())?;
        days.push(part.finish(assessment, rules));
    }
    let total_compenso = Euro::checked_sum(days.iter().map(|d| d.prestazione.compenso())).ok_or(
        BookingError::Overflow {
            what: "total compenso",
        },
    )?;
    let total_cost = Euro::checked_sum(days.iter().map(|d| d.cost.value.total))
        .ok_or(BookingError::Overflow { what: "total cost" })?;
    let funds = funds_answer(
        instrument,
        utilizzatore,
        first,
        total_cost,
        ItalianClock::of_table(table).date_of(asked_at)?,
        account.map(|a| (a, covered)),
        table.in_force_on(first.day())?,
    );
    Ok(Booking {
        instrument,
        choice: Cited {
            value: choice,
            citation: Citation::art54bis("6, 10"),
        },
        lf_admissibility,
        cpo_admissibility,
        days,
        total_compenso,
        total_cost,
        funds,
        room_before,
        asked_at,
    })
}

/// The admissibility verdict of `instrument` on every calendar day of the work, each fact
/// prefixed with its day when there are several.
fn admissibility_on(
    instrument: Instrument,
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    work: &Work,
    calendar: &[CalendarDay],
    table: &RulesTable,
) -> Result<Verdict, BookingError> {
    let mut verdict = Verdict::default();
    let several = calendar.len() > 1;
    for day in calendar {
        let rules = table.in_force_on(day.date)?;
        let engagement = Engagement {
            day: day.date,
            lf_activity: work.lf_activity,
            within_appalto: work.within_appalto,
            pa_purpose: work.pa_purpose,
            self_certification_false: work.self_certification_false,
        };
        let day_verdict =
            assess_admissibility(instrument, utilizzatore, prestatore, &engagement, rules)?;
        for mut breach in day_verdict.breaches {
            if several {
                breach.facts = format!("on {}, {}", day.date, breach.facts);
            }
            verdict.push(breach);
        }
    }
    Ok(verdict)
}

/// The instrument of the answer, how it was chosen (see [`Choice`]), and the admissibility
/// verdicts of the Libretto Famiglia and of the CPO. The chosen instrument's question must be
/// answerable (its error is returned); the other's is `None` when it is not (e.g. the CPO size
/// test of an LF booking without headcounts).
fn choose(
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    work: &Work,
    calendar: &[CalendarDay],
    table: &RulesTable,
) -> Result<(Instrument, Choice, Option<Verdict>, Option<Verdict>), BookingError> {
    let verdict =
        |instrument| admissibility_on(instrument, utilizzatore, prestatore, work, calendar, table);
    let (lf, cpo) = (
        Instrument::LibrettoFamiglia,
        Instrument::ContrattoPrestazioneOccasionale,
    );
    Ok(match work.instrument {
        Some(Instrument::LibrettoFamiglia) => {
            (lf, Choice::Requested, Some(verdict(lf)?), verdict(cpo).ok())
        }
        Some(Instrument::ContrattoPrestazioneOccasionale) => {
            if matches!(work.schedule, Schedule::Day { .. }) {
                return Err(BookingError::CpoNeedsInstants);
            }
            (
                cpo,
                Choice::Requested,
                verdict(lf).ok(),
                Some(verdict(cpo)?),
            )
        }
        None => {
            let lf_verdict = verdict(lf)?;
            if lf_verdict.is_lawful() {
                (lf, Choice::LfLawful, Some(lf_verdict), verdict(cpo).ok())
            } else {
                let cpo_verdict = verdict(cpo)?;
                let instrument = if cpo_verdict.is_lawful() {
                    cpo
                } else if utilizzatore.kind() == UtilizzatoreKind::PersonaFisica
                    && work.lf_activity.is_some()
                {
                    lf
                } else {
                    cpo
                };
                let choice = if cpo_verdict.is_lawful() {
                    Choice::CpoLawful
                } else {
                    Choice::NeitherLawful
                };
                (instrument, choice, Some(lf_verdict), Some(cpo_verdict))
            }
        }
    })
}

/// The funds needed, and, with an account (and whether its trial commitment went through),
/// what it holds on the day asked and a breach when it does not cover the cost.
fn funds_answer(
    instrument: Instrument,
    utilizzatore: &Utilizzatore,
    first: &Prestazione,
    needed: Euro,
    on: Date,
    account: Option<(&FundsAccount, bool)>,
    rules: &Rules,
) -> Funds {
    // The Libretto Famiglia is prepaid (c. 10); a CPO communication goes through only when the
    // account covers compenso, contributions and oneri (c. 17, as INPS applies it).
    let (rule, comma) = match instrument {
        Instrument::LibrettoFamiglia => (RuleId::LfFunding, "10"),
        Instrument::ContrattoPrestazioneOccasionale => (RuleId::CpoFunding, "17"),
    };
    let mut funds = Funds {
        needed,
        on,
        available: account.map(|(a, _)| a.available_on(on)),
        citation: Citation::art54bis(comma).implemented_by("INPS circ. 107/2017"),
        verdict: Verdict::default(),
    };
    if let Some((account, false)) = account {
        funds.verdict.push(Breach::new(
            rule,
            funds.citation.clone(),
            format!(
                "the {instrument} account has {} available on {on}, less than the {} the booking costs",
                account.available_on(on).to_italian(),
                needed.to_italian()
            ),
            sanction_for(rule, first.day(), utilizzatore.kind().is_pa(), 1, false, rules),
        ));
    }
    funds
}

/// One calendar day of the schedule: its date, minutes and instants.
struct CalendarDay {
    date: Date,
    minutes: u32,
    start: Option<OffsetDateTime>,
    end: Option<OffsetDateTime>,
}

/// The calendar days of `schedule` (reading R-MIDNIGHT).
fn calendar_days(schedule: Schedule, table: &RulesTable) -> Result<Vec<CalendarDay>, BookingError> {
    Ok(match schedule {
        Schedule::Day { day, minutes } => vec![CalendarDay {
            date: day,
            minutes,
            start: None,
            end: None,
        }],
        Schedule::Span { start, end } => split_at_midnight(start, end, table)?
            .into_iter()
            .map(|d| CalendarDay {
                date: d.date,
                minutes: d.minutes,
                start: Some(d.start),
                end: Some(d.end),
            })
            .collect(),
    })
}

/// The account of `instrument` among `funds`, if any.
fn account_for<'a>(
    funds: &[&'a FundsAccount],
    instrument: Instrument,
) -> Result<Option<&'a FundsAccount>, BookingError> {
    let mut of_instrument = funds.iter().filter(|a| a.instrument() == instrument);
    let first = of_instrument.next().copied();
    let more = of_instrument.count();
    if more > 0 {
        return Err(BookingError::DuplicateAccount {
            instrument,
            count: more + 1,
        });
    }
    Ok(first)
}

/// A day computed by the instrument, before the ledger's assessment.
struct Part {
    prestazione: Prestazione,
    start: Option<OffsetDateTime>,
    end: Option<OffsetDateTime>,
    pay: PayCheck,
    cost: Cited<CostBreakdown>,
    communication: Cited<CommunicateBy>,
    notice: Verdict,
    revoca: Option<Cited<Date>>,
    payment: Cited<Date>,
}

impl Part {
    /// The day with the ledger's `assessment`, the room after it and the citation of each cap
    /// and hour limit under `rules` (those of the day).
    fn finish(self, assessment: Assessment, rules: &Rules) -> BookingDay {
        let profile = self.prestazione.profile();
        let mut limits: Vec<Cited<RuleId>> = assessment
            .money_caps()
            .filter_map(|cap| {
                cap.citation(rules, profile).map(|citation| Cited {
                    value: cap.rule,
                    citation: citation.clone(),
                })
            })
            .collect();
        if let Some(hours) = &assessment.hours {
            limits.push(match hours.agricultural_area {
                Some(_) => Cited {
                    value: RuleId::HoursAgri,
                    citation: agricultural_hour_limit_citation(),
                },
                None => Cited {
                    value: RuleId::Hours280,
                    citation: rules.hours_per_pair.citation.clone(),
                },
            });
        }
        BookingDay {
            room_after: assessment.room(),
            prestazione: self.prestazione,
            start: self.start,
            end: self.end,
            pay: self.pay,
            cost: self.cost,
            communication: self.communication,
            notice: self.notice,
            revoca: self.revoca,
            payment: self.payment,
            assessment,
            limits,
        }
    }
}

/// The Libretto Famiglia days, and whether `account` covers them (true without an account).
fn lf_days(
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    work: &Work,
    calendar: &[CalendarDay],
    asked_at: OffsetDateTime,
    account: Option<&FundsAccount>,
    table: &RulesTable,
) -> Result<(Vec<Part>, bool), BookingError> {
    let activity = work.lf_activity.ok_or(BookingError::MissingLfActivity)?;
    // The Italian civil day the host asks on (reading R-CIVIL-TIME).
    let asked_on = ItalianClock::of_table(table).date_of(asked_at)?;
    let mut trial = account.cloned();
    let mut covered = true;
    let mut parts = Vec::with_capacity(calendar.len());
    for (id, day) in ids(work.first_id, calendar.len())?
        .into_iter()
        .zip(calendar)
    {
        let lf_work = LfWork::new(day.date, day.minutes, activity, work.place.clone(), id);
        let lf = LfCommunication::new(utilizzatore, prestatore, &lf_work, table)?;
        let rules = table.in_force_on(day.date)?;
        if let Some(trial) = trial.as_mut() {
            covered &= funds_cover(lf.commit_funds(trial, asked_on))?;
        }
        parts.push(Part {
            prestazione: lf.prestazione().clone(),
            start: day.start,
            end: day.end,
            pay: PayCheck {
                compenso: lf.compenso(),
                minimum: lf.compenso(),
                titoli: Some(lf.titoli()),
                citation: rules.lf_titolo.citation.clone(),
                verdict: Verdict::default(),
            },
            cost: Cited {
                value: lf.cost(),
                citation: rules.lf_titolo.citation.clone(),
            },
            communication: Cited {
                value: CommunicateBy::EndOfDay(lf.communication_deadline()),
                citation: rules.lf_communication_day.citation.clone(),
            },
            notice: lf.check_sent_at(asked_on),
            revoca: None,
            payment: Cited {
                value: lf.payment_date(),
                citation: rules.payment_day.citation.clone(),
            },
        });
    }
    Ok((parts, covered))
}

/// The CPO days, and whether `account` covers them (true without an account).
fn cpo_days(
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    work: &Work,
    asked_at: OffsetDateTime,
    account: Option<&FundsAccount>,
    table: &RulesTable,
) -> Result<(Vec<Part>, bool), BookingError> {
    let Schedule::Span { start, end } = work.schedule else {
        return Err(BookingError::CpoNeedsInstants);
    };
    let mut cpo_work = CpoWork::new(
        work.place.clone(),
        work.oggetto.clone(),
        start,
        end,
        work.compensi.clone(),
        asked_at,
    );
    cpo_work.within_appalto = work.within_appalto;
    cpo_work.pa_purpose = work.pa_purpose;
    cpo_work.self_certification_false = work.self_certification_false;
    cpo_work.agricultural_area = work.agricultural_area;
    let cpo = CpoCommunication::new(utilizzatore, prestatore, &cpo_work, table)?;
    let covered = match account {
        Some(account) => funds_cover(cpo.commit_funds(&mut account.clone(), work.first_id))?,
        None => true,
    };
    let records = cpo.prestazioni(work.first_id)?;
    let mut parts = Vec::with_capacity(records.len());
    for (d, prestazione) in cpo.days().iter().zip(records) {
        let rules = table.in_force_on(d.day.date)?;
        // The communication gives an agricultural utilizzatore (2017-2022) the area whose
        // CCNL rate is the floor; otherwise the general floor of the day.
        let (minimum, floor_citation) = match d.profile.agricultural_area {
            Some(area) => (
                cpo_minimum_compenso_agricultural(d.day.minutes, area, rules)?,
                &rules.agriculture_hourly_rates.citation,
            ),
            None => (
                d.day.minimum_compenso,
                cpo_floor_citation(d.day.minimum_compenso, rules),
            ),
        };
        parts.push(Part {
            prestazione,
            start: Some(d.day.start),
            end: Some(d.day.end),
            pay: PayCheck {
                compenso: d.compenso,
                minimum,
                titoli: None,
                citation: floor_citation.clone(),
                verdict: d.pay.clone(),
            },
            cost: Cited {
                value: d.cost,
                citation: rules.cpo_oneri_base.citation.clone(),
            },
            communication: Cited {
                value: CommunicateBy::Instant(d.communication_deadline),
                citation: rules.cpo_notice_minutes.citation.clone(),
            },
            notice: d.notice.clone(),
            revoca: Some(Cited {
                value: d.revoca_deadline,
                citation: rules.revoca_days.citation.clone(),
            }),
            payment: Cited {
                value: d.payment_date,
                citation: rules.payment_day.citation.clone(),
            },
        });
    }
    Ok((parts, covered))
}

/// Whether a trial commitment of funds went through: `false` when the balance does not cover
/// the cost, an error for anything else (an id already holding funds).
fn funds_cover(result: Result<(), CommunicationError>) -> Result<bool, BookingError> {
    match result {
        Ok(()) => Ok(true),
        Err(CommunicationError::Funds(FundsError::Insufficient { .. })) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The ids `first`, `first + 1`, ... for `days` days.
fn ids(first: PrestazioneId, days: usize) -> Result<Vec<PrestazioneId>, BookingError> {
    (0..days)
        .map(|i| {
            u64::try_from(i)
                .ok()
                .and_then(|i| first.0.checked_add(i))
                .map(PrestazioneId)
                .ok_or(BookingError::Communication(
                    CommunicationError::IdOverflow {
                        first_id: first,
                        days,
                    },
                ))
        })
        .collect()
}
