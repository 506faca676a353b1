//! Why a ledger operation did not run: [`LedgerError`], [`RecordError`], [`CorrectionMove`].

use std::fmt;

use time::{Date, OffsetDateTime};

use super::Assessment;
#[cfg(doc)]
use super::{Ledger, Prepared, RecordPolicy};
use crate::format::instant;
use crate::money::Euro;
use crate::prestazione::{PrestazioneError, PrestazioneId};
use crate::rules::{Citation, RulesError};

/// Why a ledger operation could not run. A prestazione that breaches a cap is not an error of
/// this kind: [`Ledger::assess`] answers with an [`Assessment`] and [`Ledger::record`] refuses
/// it with [`RecordError::Refused`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerError, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let lf = Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::LibrettoFamiglia,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "BNCGNN60A01H501P".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 180,
///     compenso: Euro::from_euros(24),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// })?;
/// let mut ledger = Ledger::default();
/// ledger.record(&lf)?;
/// // An LF communication is corrected, not revoked (the revoca is a CPO procedure).
/// let err = ledger.revoke(PrestazioneId(1), time::macros::datetime!(2026-03-08 10:00 +01:00)).unwrap_err();
/// assert!(matches!(err, LedgerError::NotRevocable { .. }));
/// assert_eq!(
///     ledger.revoke(PrestazioneId(9), time::macros::datetime!(2026-03-08 10:00 +01:00)).unwrap_err().to_string(),
///     "prestazione #9 is not in the ledger"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// No rules on the day (before the regime).
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// A prestazione is not valid under the ledger's rules table (an LF compenso that is not
    /// whole titoli of the table's titolo, LF-TITOLO), or one regenerated from the ledger failed
    /// validation (a bug of the crate).
    #[error(transparent)]
    Prestazione(#[from] PrestazioneError),
    /// The id is already in the ledger.
    #[error("prestazione {id} is already in the ledger (duplicate id)")]
    DuplicateId {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// The id is not in the ledger.
    #[error("prestazione {id} is not in the ledger")]
    UnknownId {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// The prestazione was already revoked.
    #[error("prestazione {id} is already revoked")]
    AlreadyRevoked {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A Libretto Famiglia communication is corrected, not revoked.
    #[error(
        "prestazione {id} is a libretto famiglia communication: correct it, only a cpo prestazione is revoked (INPS circ. 107/2017)"
    )]
    NotRevocable {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// The revoca window is closed (reading R-REVOCA).
    #[error(
        "prestazione {id}: the revoca closed at 23:59:59 of {last_day}, {days} days after the day of the work ({citation})"
    )]
    RevocaClosed {
        /// The prestazione.
        id: PrestazioneId,
        /// The last day of the window.
        last_day: Date,
        /// `Rules::revoca_days` on the day of the work.
        days: u32,
        /// Its citation.
        citation: Box<Citation>,
    },
    /// The prestatore confirmed the prestazione: the utilizzatore can no longer revoke it
    /// (reading R-CONFIRMATION).
    #[error(
        "prestazione {id} was confirmed by the prestatore at {}: the utilizzatore can no longer revoke it (reading R-CONFIRMATION)",
        instant(.at)
    )]
    Confirmed {
        /// The prestazione.
        id: PrestazioneId,
        /// When it was confirmed.
        at: OffsetDateTime,
    },
    /// A Libretto Famiglia communication has no confirmation by the prestatore.
    #[error(
        "prestazione {id} is a libretto famiglia communication: the prestatore confirms only a cpo prestazione (reading R-CONFIRMATION)"
    )]
    NotConfirmable {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// The prestazione was already confirmed.
    #[error("prestazione {id} is already confirmed")]
    AlreadyConfirmed {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A confirmation outside its window: from the day of the work until 23:59:59 of the
    /// `days`-th day after (reading R-CONFIRMATION).
    #[error(
        "prestazione {id}: the prestatore confirms from the day of the work, {day}, until 23:59:59 of {last_day}, {days} days after, not at {} (reading R-CONFIRMATION; {citation})",
        instant(.at)
    )]
    ConfirmationClosed {
        /// The prestazione.
        id: PrestazioneId,
        /// The instant given.
        at: OffsetDateTime,
        /// The day of the work (the first day of the window).
        day: Date,
        /// The last day of the window.
        last_day: Date,
        /// `Rules::revoca_days` on the day of the work.
        days: u32,
        /// Its citation.
        citation: Box<Citation>,
    },
    /// A confirmation dated before the revoca it follows: the revoca would then have been of
    /// a confirmed prestazione, which cannot be (reading R-CONFIRMATION).
    #[error(
        "prestazione {id}: the confirmation at {} is dated before the revoca it follows, at {}",
        instant(.at),
        instant(.revoked_at)
    )]
    ConfirmedBeforeRevoca {
        /// The prestazione.
        id: PrestazioneId,
        /// The confirmation instant.
        at: OffsetDateTime,
        /// The revoca instant.
        revoked_at: OffsetDateTime,
    },
    /// A CPO prestazione is revoked, not corrected.
    #[error(
        "prestazione {id} is a cpo prestazione: revoke it and communicate it again, only a libretto famiglia communication is corrected"
    )]
    NotCorrectable {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A correction must stay a Libretto Famiglia communication.
    #[error("correction of prestazione {id}: instrument must stay LF")]
    CorrectionInstrument {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A correction must keep the prestatore, the utilizzatore, the instrument and the calendar
    /// year: anything else is a revoca and a new record.
    #[error(
        "correction of prestazione {id} moves it to another {what}: a correction keeps the prestatore, the utilizzatore, the instrument and the calendar year; revoke it and record the work as a new prestazione"
    )]
    CorrectionMoves {
        /// The prestazione.
        id: PrestazioneId,
        /// What the correction would change.
        what: CorrectionMove,
    },
    /// A warning threshold outside 1..=100.
    #[error("warning threshold {value} is not a percentage between 1 and 100")]
    InvalidThreshold {
        /// The value given.
        value: u8,
    },
    /// An external total for a year without rules.
    #[error("external total: year {year} is outside the rules table, which starts in {start}")]
    ExternalYear {
        /// The year given.
        year: i32,
        /// The first year of the table.
        start: i32,
    },
    /// An external total larger than any year of a prestatore can be (at most
    /// 1.000.000.000.000,00 €; cap a is 5.000,00 €): a bound that keeps every sum of the ledger
    /// within range, so that no later assessment of the prestatore fails on an overflow.
    #[error(
        "external total: {} is more than the largest external total the ledger accepts, {}",
        .total.to_italian(),
        .max.to_italian()
    )]
    ExternalTooLarge {
        /// The total given.
        total: Euro,
        /// The largest accepted.
        max: Euro,
    },
    /// Two ledgers with different rules tables cannot be merged.
    #[error("merge: the two ledgers use different rules tables")]
    DifferentRules,
    /// A [`Prepared`] change was made on another state of the ledger (it changed since, or it is
    /// another ledger): [`Ledger::commit`] refuses it; prepare again.
    #[error(
        "the prepared change was checked against another state of the ledger (it changed since, or this is another ledger): prepare it again"
    )]
    StalePreparation,
    /// A total would overflow.
    #[error("ledger total of {what} overflows")]
    Overflow {
        /// Which total.
        what: &'static str,
    },
    /// More than 2^32 prestazioni, prestatori or utilizzatori.
    #[error(
        "the ledger is full: it holds at most 4294967295 prestazioni, prestatori and utilizzatori"
    )]
    Full,
    /// An interned key is missing (a bug of the crate).
    #[error("ledger state is inconsistent: an interned key is missing")]
    Inconsistent,
}

/// What a refused correction would have changed ([`LedgerError::CorrectionMoves`]): a
/// correction keeps the prestatore, the utilizzatore, the instrument and the calendar year of the
/// prestazione (reading R-YEAR-OF-WORK: the year whose caps it counts in).
///
/// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::CorrectionMove;
/// assert_eq!(CorrectionMove::Prestatore.to_string(), "prestatore");
/// assert_eq!(CorrectionMove::Year { from: 2026, to: 2027 }.to_string(), "calendar year (2026 to 2027)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum CorrectionMove {
    /// Another prestatore (not the same holder: an omocode is the same).
    Prestatore,
    /// Another utilizzatore.
    Utilizzatore,
    /// Another calendar year.
    Year {
        /// The year of the recorded prestazione.
        from: i32,
        /// The year of the correction.
        to: i32,
    },
}

impl fmt::Display for CorrectionMove {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorrectionMove::Prestatore => f.write_str("prestatore"),
            CorrectionMove::Utilizzatore => f.write_str("utilizzatore"),
            CorrectionMove::Year { from, to } => write!(f, "calendar year ({from} to {to})"),
        }
    }
}

/// Why [`Ledger::record`] or [`Ledger::correct`] did not change the ledger.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordError, RuleId};
/// use time::macros::date;
///
/// let work = |id: u64, euros: u32| Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(id),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: "RSSMRA85T10A562S".parse().unwrap(),
///     utilizzatore: "12345670157".parse().unwrap(),
///     day: date!(2026 - 03 - 07),
///     minutes: 240,
///     compenso: Euro::from_euros(euros),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// });
/// let mut ledger = Ledger::default();
/// ledger.record(&work(1, 2_500)?)?; // cap c reached to the cent: lawful (reading R-CAP-INCLUSIVE)
/// match ledger.record(&work(2, 36)?) {
///     Err(RecordError::Refused(assessment)) => assert!(assessment.verdict.breaches_rule(RuleId::CapPair)),
///     other => panic!("expected a refusal, got {other:?}"),
/// }
/// // A duplicate id is bad input, not a refusal.
/// assert!(matches!(ledger.record(&work(1, 36)?), Err(RecordError::Invalid(_))));
/// assert_eq!(ledger.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The prestazione breaches a cap the [`RecordPolicy`] refuses; the assessment explains it.
    #[error("prestazione {} refused: {}", .0.prestazione, .0.verdict)]
    Refused(Box<Assessment>),
    /// Bad input (duplicate id, day before the regime, ...).
    #[error(transparent)]
    Invalid(#[from] LedgerError),
}

pub(super) fn overflow(what: &'static str) -> LedgerError {
    LedgerError::Overflow { what }
}

/// [`LedgerError::Inconsistent`], for `ok_or_else`: on the hot paths an eager error value is
/// built and dropped (a call to its drop glue) on every call, even when nothing fails.
pub(super) fn inconsistent() -> LedgerError {
    LedgerError::Inconsistent
}

/// [`LedgerError::Full`], for `ok_or_else` (see [`inconsistent`]).
pub(super) fn full() -> LedgerError {
    LedgerError::Full
}
