//! The ledger's events: every change is one of them, and replaying them rebuilds the ledger.

use time::{Date, OffsetDateTime};

use crate::identity::CodiceFiscale;
use crate::money::Euro;
use crate::prestazione::{Prestazione, PrestazioneId};

/// A prestatore's compensi from utilizzatori outside this ledger in one calendar year, as read
/// from the prestatore's annual prospetto (or declared by the prestatore) on `as_of`.
///
/// They count toward cap a (the prestatore's total across all utilizzatori), so that a single
/// utilizzatore can check it. The reading with the latest `as_of` wins (on the same day, the
/// larger amount), whatever the order in which readings are entered: setting an external total
/// is order-independent, which keeps replay and merge exact.
///
/// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger};
/// use time::macros::date;
///
/// let mut ledger = Ledger::default();
/// let cf = "RSSMRA85T10A562S".parse()?;
/// let reading = ExternalTotal { prestatore: cf, year: 2026, total: Euro::from_euros(4_000), as_of: date!(2026 - 06 - 30) };
/// assert!(ledger.set_external_total(&reading)?);
/// assert_eq!(ledger.prestatore_totals(&cf, 2026).external, Euro::from_euros(4_000));
///
/// // An older reading does not replace a newer one.
/// let older = ExternalTotal { total: Euro::from_euros(1_000), as_of: date!(2026 - 03 - 31), ..reading };
/// assert!(!ledger.set_external_total(&older)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExternalTotal {
    /// The prestatore (counted on its canonical form, so omocodes share it).
    pub prestatore: CodiceFiscale,
    /// The calendar year.
    pub year: i32,
    /// The compensi from other utilizzatori, year to date.
    pub total: Euro,
    /// The day the figure was read.
    pub as_of: Date,
}

/// One change of a [`Ledger`](crate::Ledger), serialisable with the `serde` feature.
///
/// A ledger keeps its state, not its history: each change returns (or is) an event the host
/// stores where it likes, and [`Ledger::events`](crate::Ledger::events) regenerates an
/// equivalent log from the state (one `Recorded` per prestazione in its current form, then one
/// `Revoked` per revoked prestazione, one `Confirmed` per confirmed one, then the external
/// totals). Replaying either log with [`Ledger::replay`](crate::Ledger::replay) gives an equal
/// ledger.
///
/// Replay does not re-check caps or the windows of the revoca and of the confirmation: the log
/// says what was accepted (under whatever [`RecordPolicy`](crate::RecordPolicy)), and an
/// order-independent replay is what makes [`Ledger::merge`](crate::Ledger::merge) exact. It
/// refuses only what cannot be at all (a duplicate id, a revoca of an unknown, LF or confirmed
/// prestazione, a correction that moves it, ...). For a log it does not fully trust, a host
/// replays it with [`Ledger::replay_verified`](crate::Ledger::replay_verified), or checks a
/// ledger with [`Ledger::verify`](crate::Ledger::verify).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{LedgerEvent, PrestazioneId};
/// use time::macros::datetime;
/// let e = LedgerEvent::Revoked { id: PrestazioneId(7), at: datetime!(2026-03-08 10:00 +01:00) };
/// assert!(matches!(e, LedgerEvent::Revoked { id: PrestazioneId(7), .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum LedgerEvent {
    /// A prestazione was recorded.
    Recorded(Prestazione),
    /// A recorded CPO prestazione was revoked at the instant `at` (INPS circ. 107/2017, reading
    /// R-REVOCA).
    Revoked {
        /// The prestazione.
        id: PrestazioneId,
        /// When it was revoked.
        at: OffsetDateTime,
    },
    /// The prestatore confirmed at the instant `at` that the work of a recorded CPO prestazione
    /// took place (reading R-CONFIRMATION): the utilizzatore can no longer revoke it.
    Confirmed {
        /// The prestazione.
        id: PrestazioneId,
        /// When it was confirmed.
        at: OffsetDateTime,
    },
    /// A recorded Libretto Famiglia communication was corrected: the prestazione with the same id
    /// replaces it, with the same prestatore, utilizzatore, instrument and calendar year (a
    /// replay refuses any other, [`LedgerError::CorrectionMoves`](crate::LedgerError::CorrectionMoves)).
    Corrected(Prestazione),
    /// An external year-to-date total was entered.
    ExternalTotalSet(ExternalTotal),
}
