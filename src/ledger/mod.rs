//! The calendar-year ledger: the caps of art. 54-bis c. 1 and the hour limit of c. 20, with
//! assessments that explain every breach. See [`Ledger`] for what it counts and the readings it
//! takes.

mod assessment;
mod events;
mod hasher;
mod together;
mod totals;
mod verify;

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::Hash;
use std::sync::{Arc, OnceLock};

use rust_decimal::{Decimal, RoundingStrategy};
use time::{Date, Month, OffsetDateTime};

pub use assessment::{Assessment, HoursCap, MoneyCap, RecordPolicy, Room, RoomQuery};
pub use events::{ExternalTotal, LedgerEvent};
pub use totals::{PairTotals, PeriodTotals, PrestatoreTotals, UtilizzatoreTotals};
pub use verify::{Finding, FindingKind};

use hasher::FastMap;
use totals::{
    Delta, External, INLINE_PAIRS, PTot, PairAt, PairTot, PeriodTot, Read, UTot, YearTotals, euro,
};

use crate::format::{instant, italian_amount};
use crate::identity::CodiceFiscale;
use crate::instruments::{
    AgriculturalArea, agricultural_hour_limit, agricultural_hour_limit_citation, area_name,
    can_confirm, revoca_deadline,
};
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{
    CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneError, PrestazioneId,
    lf_titoli,
};
use crate::rules::{Citation, Rules, RulesError, RulesTable};
use crate::verdict::{Breach, Consequence, Excess, RuleId, Verdict};

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
    /// Two ledgers with different rules tables cannot be merged.
    #[error("merge: the two ledgers use different rules tables")]
    DifferentRules,
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

/// Entry flags: the prestazione's own, then how it counts (from the rules on its day).
const LF: u16 = 1;
const SPECIAL: u16 = 1 << 1;
const STEWARD: u16 = 1 << 2;
const EVENTS: u16 = 1 << 3;
const PA: u16 = 1 << 4;
const REVOKED: u16 = 1 << 5;
const COUNTS_A: u16 = 1 << 6;
const COUNTS_B: u16 = 1 << 7;
const COUNTS_C: u16 = 1 << 8;
const COUNTS_STEWARD: u16 = 1 << 9;
const COUNTS_HOURS: u16 = 1 << 10;
/// Bits 11-12: the profile's agricultural area (0 none, 1-3 areas 1-3); see [`area_bits`].
const AREA_SHIFT: u32 = 11;
const AREA_MASK: u16 = 0b11 << AREA_SHIFT;
/// Confirmed by the prestatore (reading R-CONFIRMATION); the instant is in `Ledger::instants`.
const CONFIRMED: u16 = 1 << 13;

/// How to undo one change of a batch or a merge (see `Ledger::undo`).
#[derive(Debug, Clone, Copy)]
enum Undo {
    /// An entry was pushed at the end of the entries.
    Pushed,
    /// The entry at `position` changed in place (revoked, confirmed, corrected).
    Entry {
        position: usize,
        old: Entry,
        instants: Option<Instants>,
    },
    /// An external total was entered (`old`: the reading it replaced, if any).
    External {
        year: i32,
        prestatore: CodiceFiscale,
        old: Option<External>,
    },
}

/// Notes `undo` in `journal`, when there is one.
fn note(journal: Option<&mut Vec<Undo>>, undo: Option<Undo>) {
    if let (Some(journal), Some(undo)) = (journal, undo) {
        journal.push(undo);
    }
}

/// Where a ledger stood before a batch or a merge (see `Ledger::undo`).
#[derive(Debug)]
struct Checkpoint {
    /// The id index was `IdIndex::Sorted`.
    sorted: bool,
    /// The years that had totals.
    years: Vec<i32>,
    /// How many prestatori and utilizzatori were interned.
    prestatori: usize,
    utilizzatori: usize,
}

/// When a prestazione was revoked and when the prestatore confirmed it, kept apart from the
/// 32-byte entries (few prestazioni have either; the entry's flags say which to look up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Instants {
    revoked: Option<OffsetDateTime>,
    confirmed: Option<OffsetDateTime>,
}

/// One prestazione as the ledger keeps it: 32 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    id: u64,
    cents: u64,
    prestatore: u32,
    utilizzatore: u32,
    day: Date,
    minutes: u16,
    flags: u16,
}

impl Entry {
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// A prestazione as recorded in a [`Ledger`] (plain data, from [`Ledger::entries`]). The
/// prestatore and a personal utilizzatore are in their canonical (de-omocoded) form.
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let draft = PrestazioneDraft {
/// #     id: PrestazioneId(1),
/// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
/// #     prestatore: "RSSMRA85T10A56NH".parse()?,
/// #     utilizzatore: "12345670157".parse()?,
/// #     day: date!(2026 - 03 - 07),
/// #     minutes: 240,
/// #     compenso: Euro::from_euros(2_000),
/// #     special_category: false,
/// #     steward: false,
/// #     profile: CapProfile::default(),
/// # };
/// let mut ledger = Ledger::default();
/// // An omocode of RSSMRA85T10A562S: the entry holds the canonical form.
/// ledger.record(&Prestazione::try_from(draft)?)?;
/// let entry = ledger.entry(PrestazioneId(1)).ok_or("recorded")?;
/// assert_eq!(entry.prestatore.to_string(), "RSSMRA85T10A562S");
/// assert_eq!((entry.day, entry.minutes, entry.compenso), (date!(2026 - 03 - 07), 240, Euro::from_euros(2_000)));
/// assert!(!entry.revoked);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LedgerEntry {
    /// The host's id.
    pub id: PrestazioneId,
    /// LF or CPO.
    pub instrument: Instrument,
    /// Who worked (canonical codice fiscale).
    pub prestatore: CodiceFiscale,
    /// Who paid.
    pub utilizzatore: UtilizzatoreId,
    /// The day of the work.
    pub day: Date,
    /// Minutes.
    pub minutes: u32,
    /// The compenso netto.
    pub compenso: Euro,
    /// Whether a comma-8 category held on the day.
    pub special_category: bool,
    /// A steward service.
    pub steward: bool,
    /// The utilizzatore's cap profile.
    pub profile: CapProfile,
    /// Whether it was revoked (it then counts in no total).
    pub revoked: bool,
    /// When it was revoked.
    pub revoked_at: Option<OffsetDateTime>,
    /// When the prestatore confirmed it (a CPO prestazione; reading R-CONFIRMATION).
    pub confirmed_at: Option<OffsetDateTime>,
}

/// How much to reserve with [`Ledger::reserve`] (additional items).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, LedgerCapacity};
///
/// let mut ledger = Ledger::default();
/// ledger.reserve(&LedgerCapacity { year: 2026, prestazioni: 1_000, prestatori: 100, utilizzatori: 10, pairs: 300 });
/// // Reserving allocates room only: nothing is recorded.
/// assert!(ledger.is_empty());
/// assert_eq!(LedgerCapacity::default().prestazioni, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LedgerCapacity {
    /// The calendar year the pairs are in.
    pub year: i32,
    /// Prestazioni.
    pub prestazioni: usize,
    /// Prestatori.
    pub prestatori: usize,
    /// Utilizzatori.
    pub utilizzatori: usize,
    /// Prestatore-utilizzatore pairs in `year` (the first three of each prestatore live in its
    /// slot: only the pairs beyond `3 × prestatori` are reserved in the pair map).
    pub pairs: usize,
}

/// Where each prestazione is in the ledger's entries. While ids arrive in increasing order (a
/// host's sequence, the usual case) the entries are sorted by id and no map is needed: an id
/// above the largest is new, any other is found by binary search. The first id out of order
/// builds a hash index of every entry, used from then on.
#[derive(Debug, Clone, Default)]
enum IdIndex {
    #[default]
    Sorted,
    Hashed(FastMap<u64, u32>),
}

impl IdIndex {
    fn position(&self, entries: &[Entry], id: u64) -> Option<usize> {
        match self {
            IdIndex::Sorted => match entries.last() {
                Some(last) if id <= last.id => entries.binary_search_by_key(&id, |e| e.id).ok(),
                _ => None,
            },
            IdIndex::Hashed(map) => map.get(&id).and_then(|&i| usize::try_from(i).ok()),
        }
    }

    fn contains(&self, entries: &[Entry], id: u64) -> bool {
        self.position(entries, id).is_some()
    }

    /// Notes that the entry with `id` goes at `position` (`entries` as before the push).
    fn note(&mut self, entries: &[Entry], id: u64, position: u32) {
        match self {
            IdIndex::Sorted => {
                if entries.last().is_some_and(|last| id <= last.id) {
                    let mut map = FastMap::default();
                    map.reserve(entries.len().saturating_add(1));
                    for (i, e) in (0u32..).zip(entries) {
                        map.insert(e.id, i);
                    }
                    map.insert(id, position);
                    *self = IdIndex::Hashed(map);
                }
            }
            IdIndex::Hashed(map) => {
                map.insert(id, position);
            }
        }
    }

    fn reserve(&mut self, additional: usize) {
        if let IdIndex::Hashed(map) = self {
            let _ = map.try_reserve(additional);
        }
    }
}

/// Keys interned as dense numbers.
#[derive(Debug, Clone)]
struct Interner<K> {
    keys: Vec<K>,
    index: FastMap<K, u32>,
}

impl<K> Default for Interner<K> {
    fn default() -> Self {
        Interner {
            keys: Vec::new(),
            index: FastMap::default(),
        }
    }
}

impl<K: Copy + Eq + Hash> Interner<K> {
    fn get(&self, key: &K) -> Option<u32> {
        self.index.get(key).copied()
    }

    fn intern(&mut self, key: K) -> Result<u32, LedgerError> {
        if let Some(i) = self.index.get(&key) {
            return Ok(*i);
        }
        let i = u32::try_from(self.keys.len()).map_err(|_| LedgerError::Full)?;
        self.keys.push(key);
        self.index.insert(key, i);
        Ok(i)
    }

    /// Forgets the keys interned after the first `len` (an undone batch or merge).
    fn truncate(&mut self, len: usize) {
        for key in self.keys.drain(len.min(self.keys.len())..) {
            self.index.remove(&key);
        }
    }

    fn key(&self, i: u32) -> Result<K, LedgerError> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.keys.get(i))
            .copied()
            .ok_or(LedgerError::Inconsistent)
    }
}

/// The calendar-year ledger of caps and hours, with assessments that explain every breach.
///
/// # What it counts (art. 54-bis c. 1, c. 8, c. 20; the readings of `law::readings`)
///
/// Every total is per calendar year of the day of the work (reading R-YEAR-OF-WORK): work on 31/12 and on
/// 1/1 never share a cap. Caps are on the compenso netto (DEF-NET), and LF and CPO add up in the
/// same caps.
///
/// | cap | key | what counts | limit | consequence (R-CONSEQUENCES) |
/// |---|---|---|---|---|
/// | a (`CAP-PRESTATORE-TOTAL`) | prestatore (canonical codice fiscale) | every compenso, plus the [`ExternalTotal`] entered by the host; steward compensi only if `Rules::steward_counts_toward_cap_prestatore` (reading R-STEWARD-CAP-A, default yes) | `Rules::cap_prestatore` | platform refusal |
/// | b (`CAP-UTILIZZATORE-TOTAL`) | utilizzatore | compensi weighted at `Rules::special_category_weight` (75%) for a prestatore whose comma-8 category holds on the day (R-WEIGHT-CAP-B); steward compensi never (INPS circ. 95/2018) | `Rules::cap_utilizzatore`, or `cap_utilizzatore_events` for an events-sector profile where in force | platform refusal |
/// | c (`CAP-PAIR`) | pair | every compenso except steward services, never weighted | `Rules::cap_pair` | conversion (not for a PA) |
/// | c-bis (`CAP-STEWARD`) | steward and società sportiva | steward compensi | `Rules::cap_steward` | conversion (not for a PA): the crate's reading |
/// | hours (`HOURS-280`, `HOURS-AGRI`) | pair | minutes of CPO work, and of LF work if `Rules::hours_limit_applies_to_lf` (R-HOURS-LF) | `Rules::hours_per_pair` (280); for a profile with an agricultural area while the rules have agricultural rates, [`agricultural_hour_limit`](crate::agricultural_hour_limit) (259 / 284 / 381) | conversion (not for a PA) |
///
/// Readings the crate takes here:
///
/// - **c-bis replaces c for stewards** (reading R-STEWARD-C-BIS). Lett. c-bis is the specific
///   rule for stewards of società sportive, so steward compensi count toward c-bis instead of
///   cap c. Their minutes
///   still count toward the 280 hours of the pair (under the LF flag of reading R-HOURS-LF): c-bis sets
///   a money cap, not an hour limit. When no c-bis is in force (before 1/1/2018) a steward
///   service counts as ordinary work.
/// - **The agricultural hour limit follows the profile.** From 24/6/2017 to 31/12/2022 an
///   agricultural CPO had, instead of the 280 hours, cap c divided by the CCNL rate of its area
///   (art. 54-bis c. 20, second sentence, referring to c. 16; INPS msg 2887/2017;
///   HOURS-AGRI, E10), floored (reading R-AGRI-HOURS): 259 h in Area 1, 284 h in Area 2, 381 h in Area 3. A
///   prestazione whose [`CapProfile::agricultural_area`] is set is assessed against that limit
///   when the rules in force on its day have agricultural rates (the dates are the rules
///   table's); the breach cites
///   [`agricultural_hour_limit_citation`](crate::agricultural_hour_limit_citation) and the
///   [`HoursCap`] names the area. The limit is the one of the prestazione being assessed,
///   compared with all the minutes the pair has counted in the year. Under rules without
///   agricultural rates (from 1/1/2023, when the CPO is banned in agriculture:
///   [`assess_admissibility`](crate::assess_admissibility) reports it) an area changes
///   nothing: 280 hours.
/// - **A breach of c-bis converts like a breach of c.** The law names no consequence for
///   c-bis; the crate treats it as the pair cap it specialises.
/// - **Dated caps apply to the year-to-date total.** The cap in force on the day of the
///   prestazione is compared with everything already recorded in its calendar year, whatever
///   the day of that work. For the events cap of 2023 this is the conservative reading
///   R-EVENTS-CAP-2023: INPS applied 15.000,00 to all of 2023 (circ. 75/2023), the crate only
///   to prestazioni from 5/5/2023.
/// - **Weighted amounts are exact.** Cap b totals are kept as exact decimals (0,75 × 0,01 =
///   0,0075), never rounded in the ledger: a counted total equal to the cap is lawful and any
///   amount above it, however small, breaches it (R-CAP-INCLUSIVE). Displayed amounts are rounded: `used`
///   and `requested` of an [`Excess`](crate::Excess) half away from zero, the excess up (a
///   breach never shows 0,00), and headroom down (paying it never breaches).
/// - **External totals** are year-to-date figures of the prestatore's compensi from
///   utilizzatori outside this ledger; the latest reading wins.
///
/// # Operations
///
/// [`Ledger::assess`] is pure. [`Ledger::record`] is atomic: a refused prestazione leaves the
/// ledger unchanged and the error carries the assessment. [`Ledger::revoke`] takes a CPO
/// prestazione out within the revoca window, unless the prestatore has confirmed it
/// ([`Ledger::confirm`], reading R-CONFIRMATION); [`Ledger::correct`] replaces a Libretto
/// Famiglia communication (same prestatore, utilizzatore and year). Every change is a
/// [`LedgerEvent`]; [`Ledger::replay`] rebuilds a ledger from events and [`Ledger::merge`] joins
/// ledgers built from disjoint sets of events. Every operation that returns an error leaves the
/// ledger unchanged, [`Ledger::apply_batch`] and [`Ledger::merge`] included.
///
/// Replay and merge trust their input (the host's own storage, shards of one ledger): they
/// count what the log says was accepted, without judging it again. For events from elsewhere,
/// [`Ledger::replay_verified`] replays a log and lists every [`Finding`] (a prestazione that
/// breached a rule at its place in the log, a revoca or a confirmation out of time);
/// [`Ledger::verify`] lists those of a ledger as it stands (after merging shards whose
/// prestazioni may breach caps together).
///
/// # Memory and speed
///
/// Prestatori and utilizzatori are interned (a number each), a prestazione is kept in 32
/// bytes, totals are integer cents (cap b: an exact decimal per utilizzatore), and the maps use
/// a small word hasher. While prestazione ids arrive in increasing order no id map is kept (an
/// id above the largest is new; others are found by binary search); the first id out of order
/// builds one. A prestatore's year is one cache-line-aligned slot that also holds the totals
/// of its first three pairs (further pairs go to a map), so the prestatore's and the pair's
/// totals are one memory read. `assess` looks up the prestatore and the utilizzatore once each;
/// `record` assesses and records in one call with the same look-ups (it returns the
/// [`Assessment`]: a host that wants both calls `record` alone), and inserts only a new party.
/// Their cost does not grow with the number of prestazioni, apart from the cache misses of a
/// larger working set. The ledger does not keep its event log (10^7 events would double its
/// memory): the host stores the events, or regenerates them with [`Ledger::events`]. For bulk
/// loads, [`Ledger::reserve`] avoids rehashing and [`Ledger::apply_batch`] overlaps look-ups.
/// `Ledger` itself is not serialised: persist its events and [`Ledger::replay`] them.
///
/// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017; INPS msg
/// 2887/2017 for the agricultural hour limit (HOURS-AGRI, E10; reading R-HOURS-LF, R-STEWARD-CAP-A,
/// R-YEAR-OF-WORK, R-CAP-INCLUSIVE, R-WEIGHT-CAP-B, R-CONSEQUENCES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordError, RuleId};
/// use time::macros::date;
///
/// let mut ledger = Ledger::default().with_warning_thresholds(&[80, 90])?;
/// let draft = PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "12345670157".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 240,
///     compenso: Euro::from_euros(2_000),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// };
/// let a = ledger.record(&Prestazione::try_from(draft.clone())?)?;
/// assert_eq!(a.cap_pair.as_ref().unwrap().warning, Some(80)); // 2.000 of 2.500
///
/// // 600,00 more breaches cap c (2.500,00) by 100,00: refused, nothing changes.
/// let more = PrestazioneDraft { id: PrestazioneId(2), compenso: Euro::from_euros(600), ..draft };
/// let Err(RecordError::Refused(a)) = ledger.record(&Prestazione::try_from(more)?) else { panic!() };
/// assert!(a.verdict.breaches_rule(RuleId::CapPair));
/// assert_eq!(ledger.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Ledger {
    table: Arc<RulesTable>,
    thresholds: Vec<u8>,
    prestatori: Interner<CodiceFiscale>,
    utilizzatori: Interner<UtilizzatoreId>,
    entries: Vec<Entry>,
    index: IdIndex,
    years: Vec<YearTotals>,
    instants: BTreeMap<u64, Instants>,
}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ledger")
            .field("prestazioni", &self.entries.len())
            .field("prestatori", &self.prestatori.keys.len())
            .field("utilizzatori", &self.utilizzatori.keys.len())
            .field(
                "years",
                &self.years.iter().map(|y| y.year).collect::<Vec<_>>(),
            )
            .field("warning_thresholds", &self.thresholds)
            .finish_non_exhaustive()
    }
}

impl Default for Ledger {
    /// An empty ledger on the embedded rules table, without warning thresholds.
    fn default() -> Ledger {
        static EMBEDDED: OnceLock<Arc<RulesTable>> = OnceLock::new();
        Ledger::new(Arc::clone(
            EMBEDDED.get_or_init(|| Arc::new(RulesTable::embedded().clone())),
        ))
    }
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when they use equal rules tables and hold the same prestazioni
    /// (same ids, data and revoked state), the same external totals and the same totals;
    /// internal numbering and warning thresholds are not compared. Cost: O(n log n).
    fn eq(&self, other: &Ledger) -> bool {
        (Arc::ptr_eq(&self.table, &other.table) || self.table == other.table)
            && self.snapshot() == other.snapshot()
    }
}

/// The canonical content of a ledger, for equality.
#[derive(Debug, PartialEq)]
struct Snapshot {
    entries: BTreeMap<u64, LedgerEntry>,
    prestatori: BTreeMap<(i32, CodiceFiscale), PTot>,
    external: BTreeMap<(i32, CodiceFiscale), External>,
    utilizzatori: BTreeMap<(i32, UtilizzatoreId), UTot>,
    pairs: BTreeMap<(i32, CodiceFiscale, UtilizzatoreId), PairTot>,
    periods: BTreeMap<i32, [[PeriodTot; 12]; 2]>,
}

/// How a prestazione counts under the rules in force on its day.
fn counting(rules: &Rules, instrument: Instrument, steward: bool) -> u16 {
    let steward = steward && rules.cap_steward.value.is_some();
    let mut flags = 0;
    if !steward || rules.steward_counts_toward_cap_prestatore.value {
        flags |= COUNTS_A;
    }
    if steward {
        flags |= COUNTS_STEWARD;
    } else {
        flags |= COUNTS_B | COUNTS_C;
    }
    if instrument == Instrument::ContrattoPrestazioneOccasionale
        || rules.hours_limit_applies_to_lf.value
    {
        flags |= COUNTS_HOURS;
    }
    flags
}

fn own_flags(instrument: Instrument, special: bool, steward: bool, profile: CapProfile) -> u16 {
    // Branch-free (on the record path): each condition is 0 or 1 times its flag.
    let bit = |cond: bool, flag: u16| u16::from(cond) * flag;
    bit(instrument == Instrument::LibrettoFamiglia, LF)
        | bit(special, SPECIAL)
        | bit(steward, STEWARD)
        | bit(profile.events_sector, EVENTS)
        | bit(profile.pubblica_amministrazione, PA)
        | area_bits(profile.agricultural_area)
}

/// The agricultural area in the entry's flag bits 11-12: 0 for none, 1-3 for areas 1-3 (the
/// variants in declaration order; [`area_of`] is the inverse).
fn area_bits(area: Option<AgriculturalArea>) -> u16 {
    let n: u16 = match area {
        None => 0,
        Some(area) => area as u16 + 1,
    };
    n << AREA_SHIFT
}

/// The agricultural area an entry's flags hold (the inverse of [`area_bits`]).
fn area_of(flags: u16) -> Option<AgriculturalArea> {
    match (flags & AREA_MASK) >> AREA_SHIFT {
        1 => Some(AgriculturalArea::Area1),
        2 => Some(AgriculturalArea::Area2),
        3 => Some(AgriculturalArea::Area3),
        _ => None,
    }
}

/// The hour limit per pair for a prestazione with `profile` under `rules`, in hours, with the
/// area when it is the agricultural one: `agricultural_hour_limit` for a profile with an area
/// while `rules` have agricultural rates (24/6/2017 to 31/12/2022 in the embedded table;
/// HOURS-AGRI), else `Rules::hours_per_pair` (HOURS-280).
#[inline]
fn hour_limit(
    rules: &Rules,
    profile: CapProfile,
) -> Result<(u32, Option<AgriculturalArea>), LedgerError> {
    if let Some(area) = profile.agricultural_area
        && rules.agriculture_hourly_rates.value.is_some()
    {
        return agricultural_limit(area, rules).map(|hours| (hours, Some(area)));
    }
    Ok((rules.hours_per_pair.value, None))
}

/// [`agricultural_hour_limit`] with the ledger's error, out of the hot path (historical
/// agricultural prestazioni are the rare case).
#[cold]
#[inline(never)]
fn agricultural_limit(area: AgriculturalArea, rules: &Rules) -> Result<u32, LedgerError> {
    agricultural_hour_limit(area, rules).map_err(|_| overflow("agricultural hour limit"))
}

/// Cap b for the profile on the day, with its citation.
fn cap_b(rules: &Rules, events_sector: bool) -> (Euro, &Citation) {
    match (events_sector, rules.cap_utilizzatore_events.value) {
        (true, Some(cap)) => (cap, &rules.cap_utilizzatore_events.citation),
        _ => (
            rules.cap_utilizzatore.value,
            &rules.cap_utilizzatore.citation,
        ),
    }
}

/// The highest of the (sorted) warning `thresholds`, percentages, that `total` reaches of
/// `limit`.
fn warning_level(thresholds: &[u8], total: u128, limit: u128) -> Option<u8> {
    thresholds
        .iter()
        .rev()
        .copied()
        .find(|t| total.saturating_mul(100) >= limit.saturating_mul(u128::from(*t)))
}

/// `amount` in units of 1/10.000 €, when it is non-negative with at most four decimals.
fn ten_thousandths(amount: Decimal) -> Option<u128> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return None;
    }
    let mantissa = u128::try_from(amount.mantissa()).ok()?;
    let scale = amount.scale();
    (scale <= 4).then(|| mantissa * 10u128.pow(4 - scale))
}

/// `amount` in cents, when it is a non-negative whole number of cents that fits.
fn exact_cents(amount: Decimal) -> Option<u64> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return None;
    }
    let mantissa = u64::try_from(amount.mantissa()).ok()?;
    match amount.scale() {
        0 => mantissa.checked_mul(100),
        1 => mantissa.checked_mul(10),
        2 => Some(mantissa),
        _ => None,
    }
}

fn dec(cents: u64) -> Decimal {
    euro(cents).as_decimal()
}

fn overflow(what: &'static str) -> LedgerError {
    LedgerError::Overflow { what }
}

/// What `e` adds to the totals, counting `cap_b` (the weighted compenso) in cap b.
fn delta_of(e: &Entry, cap_b: Option<Decimal>) -> Delta {
    Delta {
        prestatore: e.prestatore,
        utilizzatore: e.utilizzatore,
        cents: e.cents,
        minutes: u32::from(e.minutes),
        cap_a: e.has(COUNTS_A),
        cap_b,
        cap_c: e.has(COUNTS_C),
        steward: e.has(COUNTS_STEWARD),
        hours: e.has(COUNTS_HOURS),
        instrument: usize::from(!e.has(LF)),
        month: usize::from(u8::from(e.day.month())).saturating_sub(1),
    }
}

/// An LF compenso is whole titoli of the ledger's table (LF-TITOLO; a room query has no
/// minutes and no compenso to check).
#[inline]
fn check_titoli(rules: &Rules, probe: &Probe) -> Result<(), LedgerError> {
    if probe.instrument == Instrument::LibrettoFamiglia && probe.minutes != 0 {
        lf_titoli(probe.id, probe.cents, probe.minutes, &rules.lf_titolo)?;
    }
    Ok(())
}

/// What a prestazione or a room query looks like to the caps.
#[derive(Debug, Clone, Copy)]
struct Probe {
    id: PrestazioneId,
    day: Date,
    instrument: Instrument,
    prestatore: Option<u32>,
    utilizzatore: Option<u32>,
    cents: u64,
    minutes: u32,
    special: bool,
    steward: bool,
    profile: CapProfile,
}

impl Probe {
    /// The entry that recording this prestazione adds, with the parties' interned numbers and
    /// how it counts under `rules` (those of its day).
    #[inline]
    fn entry(
        &self,
        rules: &Rules,
        prestatore: u32,
        utilizzatore: u32,
    ) -> Result<Entry, LedgerError> {
        Ok(Entry {
            id: self.id.0,
            cents: self.cents,
            prestatore,
            utilizzatore,
            day: self.day,
            minutes: u16::try_from(self.minutes).map_err(|_| overflow("minutes"))?,
            flags: own_flags(self.instrument, self.special, self.steward, self.profile)
                | counting(rules, self.instrument, self.steward),
        })
    }
}

/// What recording `entry` adds to the totals: cap b counts what its `assessment` requested
/// (the weighted compenso for c. 8).
fn recorded_delta(entry: &Entry, assessment: &Assessment) -> Delta {
    delta_of(
        entry,
        assessment
            .cap_utilizzatore
            .as_ref()
            .map(|cap| cap.requested),
    )
}

/// The year's totals a prestazione is assessed against.
#[derive(Debug, Clone, Copy, Default)]
struct Counted {
    prestatore: PTot,
    external: u64,
    utilizzatore: UTot,
    pair: PairTot,
}

impl Ledger {
    /// An empty ledger on a rules table (the host's own, or
    /// `Arc::new(RulesTable::embedded().clone())`; [`Ledger::default`] uses the embedded one).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::sync::Arc;
    /// use prestazioni_occasionali::{Ledger, RulesTable};
    ///
    /// let mut builder = RulesTable::embedded().to_builder();
    /// builder.hours_limit_applies_to_lf[0].value = false; // the other reading of R-HOURS-LF
    /// let ledger = Ledger::new(Arc::new(builder.build()?));
    /// assert!(ledger.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(table: Arc<RulesTable>) -> Ledger {
        Ledger {
            table,
            thresholds: Vec::new(),
            prestatori: Interner::default(),
            utilizzatori: Interner::default(),
            entries: Vec::new(),
            index: IdIndex::default(),
            years: Vec::new(),
            instants: BTreeMap::new(),
        }
    }

    /// Sets the warning thresholds, percentages of each cap (e.g. `[80, 90]`): every
    /// [`MoneyCap`] and [`HoursCap`] then reports the highest one its total reaches.
    ///
    /// # Errors
    ///
    /// [`LedgerError::InvalidThreshold`] for 0 or more than 100.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// assert!(Ledger::default().with_warning_thresholds(&[90, 80]).is_ok());
    /// assert_eq!(
    ///     Ledger::default().with_warning_thresholds(&[0]).unwrap_err().to_string(),
    ///     "warning threshold 0 is not a percentage between 1 and 100"
    /// );
    /// ```
    pub fn with_warning_thresholds(mut self, thresholds: &[u8]) -> Result<Ledger, LedgerError> {
        if let Some(&value) = thresholds.iter().find(|t| **t == 0 || **t > 100) {
            return Err(LedgerError::InvalidThreshold { value });
        }
        let mut sorted = thresholds.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        self.thresholds = sorted;
        Ok(self)
    }

    /// Reserves room for a bulk load (a replay, a merge, a national year): `prestazioni` more
    /// prestazioni, `prestatori` and `utilizzatori` more parties, and `pairs` more pairs in
    /// `year`, so that the maps do not rehash while they grow (which also lowers peak memory).
    /// A reservation is only a hint: beyond the ledger's limit of 2^32 - 1 items it is capped,
    /// and one the allocator refuses is skipped.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, LedgerCapacity};
    /// let mut ledger = Ledger::default();
    /// ledger.reserve(&LedgerCapacity { year: 2026, prestazioni: 1_000, prestatori: 300, utilizzatori: 100, pairs: 600 });
    /// assert!(ledger.is_empty());
    /// ```
    pub fn reserve(&mut self, capacity: &LedgerCapacity) {
        // A reservation is a hint: beyond the ledger's u32 numbering it is capped, and one the
        // allocator refuses is skipped (the maps then grow as they fill), never a panic.
        let cap = |n: usize| n.min(usize::try_from(u32::MAX).unwrap_or(usize::MAX));
        let (prestazioni, prestatori, utilizzatori) = (
            cap(capacity.prestazioni),
            cap(capacity.prestatori),
            cap(capacity.utilizzatori),
        );
        let _ = self.entries.try_reserve(prestazioni);
        self.index.reserve(prestazioni);
        let _ = self.prestatori.keys.try_reserve(prestatori);
        let _ = self.prestatori.index.try_reserve(prestatori);
        let _ = self.utilizzatori.keys.try_reserve(utilizzatori);
        let _ = self.utilizzatori.index.try_reserve(utilizzatori);
        if let Ok(y) = self.year_mut(capacity.year) {
            // Pairs beyond those the prestatori's slots hold inline go to a map.
            let _ = y.pairs.try_reserve(cap(capacity
                .pairs
                .saturating_sub(capacity.prestatori.saturating_mul(INLINE_PAIRS))));
            let _ = y.prestatori.try_reserve(prestatori);
            let _ = y.utilizzatori.try_reserve(utilizzatori);
        }
    }

    /// The rules table the ledger applies.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, RulesTable};
    /// assert_eq!(Ledger::default().rules_table(), RulesTable::embedded());
    /// ```
    #[must_use]
    pub fn rules_table(&self) -> &RulesTable {
        &self.table
    }

    /// How many prestazioni the ledger holds (revoked ones included).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// assert_eq!(Ledger::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the ledger holds no prestazione.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// assert!(Ledger::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn year(&self, year: i32) -> Option<&YearTotals> {
        self.years.iter().find(|y| y.year == year)
    }

    fn year_mut(&mut self, year: i32) -> Result<&mut YearTotals, LedgerError> {
        let at = match self.years.binary_search_by_key(&year, |y| y.year) {
            Ok(at) => at,
            Err(at) => {
                self.years.insert(at, YearTotals::new(year));
                at
            }
        };
        self.years.get_mut(at).ok_or(LedgerError::Inconsistent)
    }

    fn probe(&self, p: &Prestazione) -> Probe {
        Probe {
            id: p.id(),
            day: p.day(),
            instrument: p.instrument(),
            prestatore: self.prestatori.get(&p.prestatore().canonical()),
            utilizzatore: self.utilizzatori.get(&p.utilizzatore().canonical()),
            cents: p.compenso().cents(),
            minutes: p.minutes(),
            special: p.special_category(),
            steward: p.steward(),
            profile: p.profile(),
        }
    }

    /// Assesses a prestazione against every cap without changing anything: the breaches (each
    /// with rule id, citation, limit, used, requested, excess and consequence), the headroom
    /// left under each cap after it, and the warning levels.
    ///
    /// # Errors
    ///
    /// [`LedgerError::DuplicateId`] when the id is already recorded, [`LedgerError::Rules`] for
    /// a day before the ledger's rules table, [`LedgerError::Prestazione`] for an LF compenso
    /// that is not whole titoli of the table's titolo (LF-TITOLO). A breach is not an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Consequence, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
    /// use time::macros::date;
    ///
    /// let ledger = Ledger::default();
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(2_500),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// // 2.500,00 reaches cap c to the cent: lawful (R-CAP-INCLUSIVE).
    /// let a = ledger.assess(&Prestazione::try_from(draft.clone())?)?;
    /// assert!(a.is_lawful());
    /// assert_eq!(a.headroom(), Euro::ZERO);
    ///
    /// // One cent more converts the relationship.
    /// let over = PrestazioneDraft { compenso: Euro::from_cents(250_001), ..draft.clone() };
    /// let a = ledger.assess(&Prestazione::try_from(over)?)?;
    /// let breach = &a.verdict.breaches[0];
    /// assert_eq!(breach.rule, RuleId::CapPair);
    /// assert_eq!(breach.consequence, Consequence::Conversion { from: date!(2026 - 03 - 07) });
    ///
    /// // Before the regime there are no rules, and no prestazione of this regime.
    /// let early = PrestazioneDraft { day: date!(2017 - 01 - 10), ..draft };
    /// assert!(Prestazione::try_from(early).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, p: &Prestazione) -> Result<Assessment, LedgerError> {
        if self.index.contains(&self.entries, p.id().0) {
            return Err(LedgerError::DuplicateId { id: p.id() });
        }
        self.evaluate(&self.probe(p))
    }

    fn money_cap(
        thresholds: &[u8],
        rule: RuleId,
        limit: Euro,
        used: Decimal,
        nominal: Decimal,
        weight: Option<Decimal>,
        per_titolo: Euro,
    ) -> Result<MoneyCap, LedgerError> {
        // Amounts of at most four decimals (cap b's counted totals: whole cents, or cents × 0,75)
        // and a weight of at most two decimals (the usual case): the same figures in integers of
        // 1/10.000 €. Anything else takes the decimal computation below.
        if let (Some(used_u), Some(nominal_c), Some(w_num)) = (
            ten_thousandths(used),
            exact_cents(nominal),
            // The weight in hundredths (the same conversion as an amount in cents).
            weight.map_or(Some(100), exact_cents),
        ) && (1..=100).contains(&w_num)
            // No overflow below: used_u < 2^110, the requested part < 2^71 (w_num <= 100, a
            // weight of at most 1 as the rules table requires), limits < 2^71.
            && let Some(total_u) = used_u.checked_add(u128::from(nominal_c) * u128::from(w_num))
        {
            let lim_u = u128::from(limit.cents()) * 100;
            let room_u = lim_u.saturating_sub(total_u);
            // Nominal room in cents = room / weight, rounded down: room_u / w_num.
            if let Ok(headroom_c) = u64::try_from(room_u / u128::from(w_num)) {
                let requested = match weight {
                    Some(w) => nominal
                        .checked_mul(w)
                        .ok_or_else(|| overflow("weighted compenso"))?,
                    None => nominal,
                };
                let warning = warning_level(thresholds, total_u, lim_u);
                return Ok(MoneyCap {
                    rule,
                    limit,
                    used,
                    requested,
                    weight,
                    headroom: euro(headroom_c),
                    titoli: titoli_in(headroom_c, per_titolo),
                    warning,
                });
            }
        }
        let requested = match weight {
            Some(w) => nominal
                .checked_mul(w)
                .ok_or_else(|| overflow("weighted compenso"))?,
            None => nominal,
        };
        let total = used
            .checked_add(requested)
            .ok_or_else(|| overflow("cap total"))?;
        let lim = limit.as_decimal();
        let room = if total >= lim {
            Decimal::ZERO
        } else {
            lim - total
        };
        let nominal_room = match weight {
            Some(w) => room.checked_div(w).ok_or_else(|| overflow("headroom"))?,
            None => room,
        };
        let headroom = Euro::round_down(nominal_room).map_err(|_| overflow("headroom"))?;
        let titoli = titoli_in(headroom.cents(), per_titolo);
        let warning = thresholds.iter().rev().copied().find(|t| {
            total.checked_mul(Decimal::ONE_HUNDRED) >= lim.checked_mul(Decimal::from(*t))
        });
        Ok(MoneyCap {
            rule,
            limit,
            used,
            requested,
            weight,
            headroom,
            titoli,
            warning,
        })
    }

    /// A cap counted at nominal amounts, in integer cents (caps a, c, c-bis).
    fn money_cap_cents(
        thresholds: &[u8],
        rule: RuleId,
        limit: Euro,
        used: u64,
        requested: u64,
        per_titolo: Euro,
    ) -> Result<MoneyCap, LedgerError> {
        let lim = limit.cents();
        let total = used
            .checked_add(requested)
            .ok_or_else(|| overflow("cap total"))?;
        let room = lim.saturating_sub(total);
        let warning = warning_level(thresholds, u128::from(total), u128::from(lim));
        Ok(MoneyCap {
            rule,
            limit,
            used: dec(used),
            requested: dec(requested),
            weight: None,
            headroom: euro(room),
            titoli: titoli_in(room, per_titolo),
            warning,
        })
    }

    fn evaluate(&self, probe: &Probe) -> Result<Assessment, LedgerError> {
        let rules = self.table.in_force_on(probe.day)?;
        check_titoli(rules, probe)?;
        Ledger::judge(rules, &self.thresholds, probe, &self.counted(probe))
    }

    /// The year's totals `probe` is assessed against (zeros for parties the year does not hold).
    fn counted(&self, probe: &Probe) -> Counted {
        let year = self.year(probe.day.year());
        Counted {
            prestatore: match (year, probe.prestatore) {
                (Some(y), Some(i)) => y.prestatore(i),
                _ => PTot::default(),
            },
            external: match (year, probe.prestatore) {
                (Some(y), Some(i)) => y.external(i),
                _ => 0,
            },
            utilizzatore: match (year, probe.utilizzatore) {
                (Some(y), Some(i)) => y.utilizzatore(i),
                _ => UTot::default(),
            },
            pair: match (year, probe.prestatore, probe.utilizzatore) {
                (Some(y), Some(p), Some(u)) => y.pair(p, u),
                _ => PairTot::default(),
            },
        }
    }

    /// The assessment of `probe` under `rules` against the year's totals `counted`.
    // One section per cap, in the order of the module table: splitting it would only scatter
    // the readings.
    #[allow(clippy::too_many_lines)]
    fn judge(
        rules: &Rules,
        thresholds: &[u8],
        probe: &Probe,
        counted: &Counted,
    ) -> Result<Assessment, LedgerError> {
        let flags = counting(rules, probe.instrument, probe.steward);
        let year_number = probe.day.year();
        let per_titolo = rules.lf_titolo.value.compenso;
        let nominal = dec(probe.cents);
        let conversion = Consequence::conversion(probe.day, probe.profile.pubblica_amministrazione);
        let mut verdict = Verdict::default();
        let mut push = |cap: &MoneyCap,
                        citation: &Citation,
                        facts: &dyn Fn() -> String,
                        consequence: Consequence|
         -> Result<(), LedgerError> {
            // A positive headroom means a total below the cap; only at zero headroom is the
            // exact comparison needed.
            if !cap.headroom.is_zero() || !cap.is_breached() {
                return Ok(());
            }
            let total = cap.total();
            let excess = Excess::Money {
                limit: cap.limit,
                used: Euro::round_half_away_from_zero(cap.used).map_err(|_| overflow("used"))?,
                requested: Euro::round_half_away_from_zero(cap.requested)
                    .map_err(|_| overflow("requested"))?,
                excess: Euro::new(
                    (total - cap.limit.as_decimal())
                        .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero),
                )
                .map_err(|_| overflow("excess"))?,
            };
            verdict.push(Breach {
                rule: cap.rule,
                citation: citation.clone(),
                facts: facts(),
                consequence,
                excess: Some(excess),
            });
            Ok(())
        };

        let p_tot = (counted.prestatore, counted.external);
        let u_tot = counted.utilizzatore;
        let pair = counted.pair;

        let mut cap_prestatore = None;
        if flags & COUNTS_A != 0 {
            let used = p_tot
                .0
                .cap_a
                .checked_add(p_tot.1)
                .ok_or_else(|| overflow("cap a total"))?;
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapPrestatore,
                rules.cap_prestatore.value,
                used,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_prestatore.citation,
                &|| {
                    format!(
                        "the prestatore's compensi in {year_number} would total {} ({} from other utilizzatori), above the cap of {}",
                        italian_amount(cap.total()),
                        euro(p_tot.1).to_italian(),
                        cap.limit.to_italian()
                    )
                },
                Consequence::PlatformRefusal,
            )?;
            cap_prestatore = Some(cap);
        }

        let mut cap_utilizzatore = None;
        if flags & COUNTS_B != 0 {
            let (limit, citation) = cap_b(rules, probe.profile.events_sector);
            let weight = probe.special.then_some(rules.special_category_weight.value);
            let cap = Ledger::money_cap(
                thresholds,
                RuleId::CapUtilizzatore,
                limit,
                u_tot.weighted_b,
                nominal,
                weight,
                per_titolo,
            )?;
            let note = || {
                weight.map_or_else(String::new, |w| {
                    format!(
                        ", this prestatore's compenso counted at {}% (c. 8)",
                        (w * Decimal::ONE_HUNDRED).normalize()
                    )
                })
            };
            push(
                &cap,
                citation,
                &|| {
                    format!(
                        "the utilizzatore's counted compensi in {year_number} would total {}{}, above the cap of {}",
                        italian_amount(cap.total()),
                        note(),
                        cap.limit.to_italian()
                    )
                },
                Consequence::PlatformRefusal,
            )?;
            cap_utilizzatore = Some(cap);
        }

        let mut cap_pair = None;
        if flags & COUNTS_C != 0 {
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapPair,
                rules.cap_pair.value,
                pair.cap_c,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_pair.citation,
                &|| {
                    format!(
                        "the prestatore's compensi from this utilizzatore in {year_number} would total {}, above the cap of {}",
                        italian_amount(cap.total()),
                        cap.limit.to_italian()
                    )
                },
                conversion.clone(),
            )?;
            cap_pair = Some(cap);
        }

        let mut cap_steward = None;
        if let (true, Some(limit)) = (flags & COUNTS_STEWARD != 0, rules.cap_steward.value) {
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapSteward,
                limit,
                pair.steward,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_steward.citation,
                &|| {
                    format!(
                        "the steward's compensi from this società sportiva in {year_number} would total {}, above the cap of {} (the crate reads a breach of c-bis like one of c)",
                        italian_amount(cap.total()),
                        cap.limit.to_italian()
                    )
                },
                conversion.clone(),
            )?;
            cap_steward = Some(cap);
        }

        let mut hours = None;
        if flags & COUNTS_HOURS != 0 {
            let (limit_hours, agricultural_area) = hour_limit(rules, probe.profile)?;
            let limit = limit_hours
                .checked_mul(60)
                .ok_or_else(|| overflow("hour limit"))?;
            let used = pair.counted_minutes;
            let total = used.saturating_add(probe.minutes);
            let warning = warning_level(thresholds, u128::from(total), u128::from(limit));
            if let Some(excess) = Excess::minutes(limit, used, probe.minutes) {
                let worked = crate::format::duration(u64::from(total));
                let (citation, facts) = match agricultural_area {
                    None => (
                        rules.hours_per_pair.citation.clone(),
                        format!(
                            "the prestatore would work {worked} for this utilizzatore in {year_number}, above the limit of {limit_hours} hours"
                        ),
                    ),
                    Some(area) => (
                        agricultural_hour_limit_citation(),
                        format!(
                            "the prestatore would work {worked} for this utilizzatore in {year_number}, above the agricultural limit of {limit_hours} hours ({} / the {} rate of {} per hour)",
                            rules.cap_pair.value.to_italian(),
                            area_name(area),
                            area.hourly_rate(rules)
                                .map_or_else(String::new, Euro::to_italian),
                        ),
                    ),
                };
                verdict.push(Breach {
                    rule: if agricultural_area.is_some() {
                        RuleId::HoursAgri
                    } else {
                        RuleId::Hours280
                    },
                    citation,
                    facts,
                    consequence: conversion.clone(),
                    excess: Some(excess),
                });
            }
            hours = Some(HoursCap {
                limit,
                used,
                requested: probe.minutes,
                headroom: limit.saturating_sub(total),
                warning,
                agricultural_area,
            });
        }

        Ok(Assessment {
            prestazione: probe.id,
            day: probe.day,
            verdict,
            cap_prestatore,
            cap_utilizzatore,
            cap_pair,
            cap_steward,
            hours,
        })
    }

    /// Records a prestazione under the default [`RecordPolicy::RefuseEveryBreach`].
    ///
    /// # Errors
    ///
    /// [`RecordError::Refused`] with the assessment when a cap is breached (the ledger is then
    /// unchanged); [`RecordError::Invalid`] for bad input (see [`Ledger::assess`]).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// let a = ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// assert!(a.is_lawful());
    /// assert_eq!(ledger.len(), 1);
    ///
    /// // 500,01 more would pass cap c (2.500,00 per pair): refused, and the ledger is unchanged.
    /// let over = PrestazioneDraft { id: PrestazioneId(2), compenso: Euro::from_cents(50_001), ..draft };
    /// let refused = ledger.record(&Prestazione::try_from(over)?).unwrap_err();
    /// assert_eq!(
    ///     refused.to_string(),
    ///     "prestazione #2 refused: CAP-PAIR: the prestatore's compensi from this utilizzatore in 2026 would total 2.500,01 €, above the cap of 2.500,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)"
    /// );
    /// assert_eq!(ledger.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, p: &Prestazione) -> Result<Assessment, RecordError> {
        self.record_with(p, RecordPolicy::RefuseEveryBreach)
    }

    /// Records a prestazione under a [`RecordPolicy`]: atomically, either the prestazione is
    /// counted in every total and the assessment returned, or nothing changes.
    ///
    /// # Errors
    ///
    /// As [`Ledger::record`]; under [`RecordPolicy::RecordConversionBreaches`] only breaches
    /// of caps a and b refuse.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordPolicy, RuleId};
    /// use time::macros::date;
    ///
    /// // Reconstructing a year in which cap c was exceeded: recorded, with the conversion noted.
    /// let mut ledger = Ledger::default();
    /// let p = Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2025 - 11 - 03),
    ///     minutes: 480,
    ///     compenso: Euro::from_euros(2_600),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?;
    /// let a = ledger.record_with(&p, RecordPolicy::RecordConversionBreaches)?;
    /// assert!(a.verdict.breaches_rule(RuleId::CapPair));
    /// assert_eq!(ledger.len(), 1);
    /// assert!(Ledger::default().record(&p).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_with(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
    ) -> Result<Assessment, RecordError> {
        let id = p.id();
        if self.index.contains(&self.entries, id.0) {
            return Err(LedgerError::DuplicateId { id }.into());
        }
        let day = p.day();
        let Ok(at) = self.years.binary_search_by_key(&day.year(), |y| y.year) else {
            // The first prestazione of its year: assess, then create the year's totals.
            let assessment = self.assess(p)?;
            if refuses(policy, &assessment) {
                return Err(RecordError::Refused(Box::new(assessment)));
            }
            let entry = self.new_entry(p)?;
            self.insert_entry(entry)?;
            return Ok(assessment);
        };
        self.record_in_year(p, policy, at)
    }

    /// [`Ledger::record_with`] for a prestazione whose year (`self.years[at]`) already has
    /// totals. Every map is looked up once: the totals read for the assessment are those the
    /// prestazione then changes (a new party is interned after a lawful assessment).
    fn record_in_year(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
        at: usize,
    ) -> Result<Assessment, RecordError> {
        let Ledger {
            table,
            thresholds,
            prestatori,
            utilizzatori,
            entries,
            index,
            years,
            ..
        } = self;
        let rules = table.in_force_on(p.day()).map_err(LedgerError::from)?;
        // Lazy errors on the hot path: an eager `LedgerError` is built and dropped (a call to its
        // drop glue) on every call, about 40 instructions of `assess` (callgrind).
        #[allow(clippy::unnecessary_lazy_evaluations)]
        let year = years.get_mut(at).ok_or_else(|| LedgerError::Inconsistent)?;
        let prestatore_key = p.prestatore().canonical();
        let utilizzatore_key = p.utilizzatore().canonical();
        let probe = Probe {
            id: p.id(),
            day: p.day(),
            instrument: p.instrument(),
            prestatore: prestatori.get(&prestatore_key),
            utilizzatore: utilizzatori.get(&utilizzatore_key),
            cents: p.compenso().cents(),
            minutes: p.minutes(),
            special: p.special_category(),
            steward: p.steward(),
            profile: p.profile(),
        };
        check_titoli(rules, &probe)?;
        let (pair, pair_at) = match (probe.prestatore, probe.utilizzatore) {
            (Some(p), Some(u)) => year.locate_pair(p, u),
            _ => (PairTot::default(), PairAt::Absent),
        };
        let read = Read {
            prestatore: probe
                .prestatore
                .map_or_else(PTot::default, |i| year.prestatore(i)),
            utilizzatore: probe
                .utilizzatore
                .map_or_else(UTot::default, |i| year.utilizzatore(i)),
            pair,
            pair_at,
        };
        let counted = Counted {
            prestatore: read.prestatore,
            external: probe.prestatore.map_or(0, |i| year.external(i)),
            utilizzatore: read.utilizzatore,
            pair,
        };
        let assessment = Ledger::judge(rules, thresholds, &probe, &counted)?;
        if refuses(policy, &assessment) {
            return Err(RecordError::Refused(Box::new(assessment)));
        }
        let position = u32::try_from(entries.len()).map_err(|_| LedgerError::Full)?;
        let prestatore = match probe.prestatore {
            Some(i) => i,
            None => prestatori.intern(prestatore_key)?,
        };
        let utilizzatore = match probe.utilizzatore {
            Some(i) => i,
            None => utilizzatori.intern(utilizzatore_key)?,
        };
        let entry = probe.entry(rules, prestatore, utilizzatore)?;
        let delta = recorded_delta(&entry, &assessment);
        year.change_read(&delta, true, &read)?;
        index.note(entries, entry.id, position);
        entries.push(entry);
        Ok(assessment)
    }

    /// Interns the keys of `p` and builds its entry.
    fn new_entry(&mut self, p: &Prestazione) -> Result<Entry, LedgerError> {
        let rules = self.table.in_force_on(p.day())?;
        let flags = own_flags(
            p.instrument(),
            p.special_category(),
            p.steward(),
            p.profile(),
        ) | counting(rules, p.instrument(), p.steward());
        let cents = p.compenso().cents();
        if p.instrument() == Instrument::LibrettoFamiglia {
            lf_titoli(p.id(), cents, p.minutes(), &rules.lf_titolo)?;
        }
        let minutes = u16::try_from(p.minutes()).map_err(|_| overflow("minutes"))?;
        let prestatore = self.prestatori.intern(p.prestatore().canonical())?;
        let utilizzatore = self.utilizzatori.intern(p.utilizzatore().canonical())?;
        Ok(Entry {
            id: p.id().0,
            cents,
            prestatore,
            utilizzatore,
            day: p.day(),
            minutes,
            flags,
        })
    }

    fn delta(&self, e: &Entry) -> Result<Delta, LedgerError> {
        let cap_b = if e.has(COUNTS_B) {
            let nominal = dec(e.cents);
            Some(if e.has(SPECIAL) {
                let w = self.table.in_force_on(e.day)?.special_category_weight.value;
                nominal
                    .checked_mul(w)
                    .ok_or_else(|| overflow("weighted compenso"))?
            } else {
                nominal
            })
        } else {
            None
        };
        Ok(delta_of(e, cap_b))
    }

    fn change_totals(&mut self, e: &Entry, add: bool) -> Result<(), LedgerError> {
        let delta = self.delta(e)?;
        self.year_mut(e.day.year())?.change(&delta, add)
    }

    fn insert_entry(&mut self, e: Entry) -> Result<(), LedgerError> {
        if self.index.contains(&self.entries, e.id) {
            return Err(LedgerError::DuplicateId {
                id: PrestazioneId(e.id),
            });
        }
        let position = u32::try_from(self.entries.len()).map_err(|_| LedgerError::Full)?;
        if !e.has(REVOKED) {
            self.change_totals(&e, true)?;
        }
        self.index.note(&self.entries, e.id, position);
        self.entries.push(e);
        Ok(())
    }

    // Lazy error on the hot path (see `record_in_year`).
    #[allow(clippy::unnecessary_lazy_evaluations)]
    fn find(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        self.index
            .position(&self.entries, id.0)
            .and_then(|i| self.entries.get(i).map(|e| (i, *e)))
            .ok_or_else(|| LedgerError::UnknownId { id })
    }

    fn set_flags(&mut self, position: usize, flags: u16) {
        if let Some(e) = self.entries.get_mut(position) {
            e.flags = flags;
        }
    }

    /// Revokes a recorded CPO prestazione at the instant `at` (in any offset): allowed until
    /// 23:59:59 Italian civil time of the `Rules::revoca_days`-th (3rd) day after the day of the
    /// work; 00:00:00 of the 4th is too late ([`can_revoke`](crate::can_revoke), reading
    /// R-CIVIL-TIME). The room it took is restored exactly; the prestazione stays in the ledger as
    /// revoked (its id cannot be used again), with the instant of the revoca. A prestazione the
    /// prestatore has confirmed cannot be revoked (reading R-CONFIRMATION).
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA, R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// [`LedgerError::UnknownId`], [`LedgerError::AlreadyRevoked`],
    /// [`LedgerError::NotRevocable`] for a Libretto Famiglia communication (correct it with
    /// [`Ledger::correct`]), [`LedgerError::Confirmed`] once the prestatore has confirmed it
    /// ([`Ledger::confirm`], reading R-CONFIRMATION), [`LedgerError::RevocaClosed`] after the
    /// window.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: cf,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// // Too late at midnight of the 4th day (worked example E6: revoca until 24:00 of 10/3/2026).
    /// assert!(ledger.revoke(PrestazioneId(1), datetime!(2026-03-11 00:00:00 +01:00)).is_err());
    /// // 23:30 UTC of 10/3 is already 00:30 of 11/3 in Italy.
    /// assert!(ledger.revoke(PrestazioneId(1), datetime!(2026-03-10 23:30:00 UTC)).is_err());
    /// ledger.revoke(PrestazioneId(1), datetime!(2026-03-10 23:59:59 +01:00))?;
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::ZERO);
    /// assert_eq!(
    ///     ledger.revoke(PrestazioneId(1), datetime!(2026-03-10 23:59:59 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 is already revoked"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revoke(&mut self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        self.check_revoke(id, at)?;
        self.revoke_unchecked(id, at)
    }

    /// Whether [`Ledger::revoke`] at `at` would succeed, without changing anything: `Ok(())`,
    /// or the error it would return.
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA, R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// As [`Ledger::revoke`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// assert!(ledger.check_revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).is_ok());
    /// // Once the prestatore confirms it, it is no longer revocable.
    /// ledger.confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))?;
    /// assert!(ledger.check_revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_revoke(&self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        let (_, e) = self.revocable(id)?;
        let rules = self.table.in_force_on(e.day)?;
        let last_day = revoca_deadline(e.day, rules).map_err(|_| overflow("revoca deadline"))?;
        let in_time = crate::instruments::can_revoke(at, e.day, rules)
            .map_err(|_| overflow("revoca deadline"))?;
        if !in_time {
            return Err(LedgerError::RevocaClosed {
                id,
                last_day,
                days: rules.revoca_days.value,
                citation: Box::new(rules.revoca_days.citation.clone()),
            });
        }
        Ok(())
    }

    fn revocable(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        let (position, e) = self.find(id)?;
        if e.has(REVOKED) {
            return Err(LedgerError::AlreadyRevoked { id });
        }
        if e.has(LF) {
            return Err(LedgerError::NotRevocable { id });
        }
        if let Some(at) = self.instants_of(&e).and_then(|i| i.confirmed) {
            return Err(LedgerError::Confirmed { id, at });
        }
        Ok((position, e))
    }

    fn revoke_unchecked(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<(), LedgerError> {
        let (position, e) = self.revocable(id)?;
        self.change_totals(&e, false)?;
        self.set_flags(position, e.flags | REVOKED);
        self.instants.entry(id.0).or_default().revoked = Some(at);
        Ok(())
    }

    /// Records the prestatore's confirmation, at the instant `at` (with the offset of
    /// Europe/Rome), that the work of a CPO prestazione took place: allowed from the day of the
    /// work until 23:59:59 of the `Rules::revoca_days`-th (3rd) day after, the revoca's window.
    /// Once confirmed, the utilizzatore can no longer revoke it ([`Ledger::revoke`] answers
    /// [`LedgerError::Confirmed`]); after a revoca the prestatore can still confirm that the
    /// work took place (the revoca stands: the prestazione still counts in no total).
    ///
    /// Legal basis: INPS circ. 107/2017 and its Vademecum (CPO-REVOCA, reading R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// [`LedgerError::UnknownId`], [`LedgerError::NotConfirmable`] for a Libretto Famiglia
    /// communication, [`LedgerError::AlreadyConfirmed`], [`LedgerError::ConfirmationClosed`]
    /// outside the window, [`LedgerError::ConfirmedBeforeRevoca`] for a confirmation dated
    /// before the revoca it follows.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerError, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// // Too late at midnight of the 4th day.
    /// assert!(ledger.confirm(PrestazioneId(1), datetime!(2026-03-11 00:00 +01:00)).is_err());
    /// ledger.confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))?;
    /// assert_eq!(
    ///     ledger.revoke(PrestazioneId(1), datetime!(2026-03-08 09:00 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 was confirmed by the prestatore at 2026-03-07 20:00:00 +01:00: the utilizzatore can no longer revoke it (reading R-CONFIRMATION)"
    /// );
    /// assert!(ledger.entry(PrestazioneId(1)).is_some_and(|e| e.confirmed_at.is_some() && !e.revoked));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn confirm(&mut self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        self.check_confirm(id, at)?;
        self.confirm_unchecked(id, at)
    }

    /// Whether [`Ledger::confirm`] at `at` would succeed, without changing anything.
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// As [`Ledger::confirm`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, PrestazioneId};
    /// use time::macros::datetime;
    /// assert_eq!(
    ///     Ledger::default().check_confirm(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 is not in the ledger"
    /// );
    /// ```
    pub fn check_confirm(&self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        let (_, e) = self.confirmable(id)?;
        let rules = self.table.in_force_on(e.day)?;
        if !can_confirm(at, e.day, rules).map_err(|_| overflow("confirmation deadline"))? {
            return Err(LedgerError::ConfirmationClosed {
                id,
                at,
                day: e.day,
                last_day: revoca_deadline(e.day, rules)
                    .map_err(|_| overflow("confirmation deadline"))?,
                days: rules.revoca_days.value,
                citation: Box::new(rules.revoca_days.citation.clone()),
            });
        }
        if let Some(revoked_at) = self.instants_of(&e).and_then(|i| i.revoked)
            && at < revoked_at
        {
            return Err(LedgerError::ConfirmedBeforeRevoca { id, at, revoked_at });
        }
        Ok(())
    }

    fn confirmable(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        let (position, e) = self.find(id)?;
        if e.has(LF) {
            return Err(LedgerError::NotConfirmable { id });
        }
        if e.has(CONFIRMED) {
            return Err(LedgerError::AlreadyConfirmed { id });
        }
        Ok((position, e))
    }

    fn confirm_unchecked(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<(), LedgerError> {
        let (position, e) = self.confirmable(id)?;
        self.set_flags(position, e.flags | CONFIRMED);
        self.instants.entry(id.0).or_default().confirmed = Some(at);
        Ok(())
    }

    /// Corrects a recorded Libretto Famiglia communication under the default policy: the
    /// prestazione with the same id replaces it, and is assessed as if the old one had never
    /// been recorded.
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017 (LF-COMM).
    ///
    /// # Errors
    ///
    /// [`RecordError::Refused`] when the corrected prestazione breaches a cap (the old one then
    /// stays); [`RecordError::Invalid`] with [`LedgerError::UnknownId`],
    /// [`LedgerError::NotCorrectable`] for a CPO prestazione (revoke it instead),
    /// [`LedgerError::CorrectionInstrument`] when the correction is not LF,
    /// [`LedgerError::CorrectionMoves`] when it changes the prestatore, the utilizzatore or the
    /// calendar year (a revoca and a new record, not a correction).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let mut ledger = Ledger::default();
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     prestatore: cf,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 180,
    ///     compenso: Euro::from_euros(24),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// ledger.correct(&Prestazione::try_from(PrestazioneDraft { compenso: Euro::from_euros(32), minutes: 240, ..draft.clone() })?)?;
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::from_euros(32));
    ///
    /// let too_much = PrestazioneDraft { compenso: Euro::from_euros(2_600), ..draft };
    /// assert!(ledger.correct(&Prestazione::try_from(too_much)?).is_err());
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::from_euros(32));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn correct(&mut self, p: &Prestazione) -> Result<Assessment, RecordError> {
        self.correct_with(p, RecordPolicy::RefuseEveryBreach)
    }

    /// Corrects a Libretto Famiglia communication under a [`RecordPolicy`].
    ///
    /// # Errors
    ///
    /// As [`Ledger::correct`].
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// use prestazioni_occasionali::RecordPolicy;
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// // The family communicated 3 titoli, the work took 4.
    /// let fixed = PrestazioneDraft { minutes: 240, compenso: Euro::from_euros(32), ..draft.clone() };
    /// ledger.correct_with(&Prestazione::try_from(fixed)?, RecordPolicy::RefuseEveryBreach)?;
    /// assert_eq!(ledger.entry(PrestazioneId(1)).map(|e| e.compenso), Some(Euro::from_euros(32)));
    ///
    /// // A correction may not turn it into a CPO prestazione.
    /// let cpo = PrestazioneDraft { instrument: Instrument::ContrattoPrestazioneOccasionale, ..draft };
    /// assert_eq!(
    ///     ledger.correct_with(&Prestazione::try_from(cpo)?, RecordPolicy::RefuseEveryBreach).unwrap_err().to_string(),
    ///     "correction of prestazione #1: instrument must stay LF"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn correct_with(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
    ) -> Result<Assessment, RecordError> {
        let (position, old) = self.correctable(p)?;
        self.change_totals(&old, false)?;
        let assessed = self.evaluate(&self.probe(p));
        let outcome = match assessed {
            Err(e) => Err(RecordError::Invalid(e)),
            Ok(a) if refuses(policy, &a) => Err(RecordError::Refused(Box::new(a))),
            Ok(a) => match self.replace(position, p) {
                Ok(()) => return Ok(a),
                Err(e) => Err(RecordError::Invalid(e)),
            },
        };
        self.change_totals(&old, true)?;
        outcome
    }

    fn correctable(&self, p: &Prestazione) -> Result<(usize, Entry), LedgerError> {
        let id = p.id();
        let (position, old) = self.find(id)?;
        if old.has(REVOKED) {
            return Err(LedgerError::AlreadyRevoked { id });
        }
        if !old.has(LF) {
            return Err(LedgerError::NotCorrectable { id });
        }
        if p.instrument() != Instrument::LibrettoFamiglia {
            return Err(LedgerError::CorrectionInstrument { id });
        }
        let moves = |what| Err(LedgerError::CorrectionMoves { id, what });
        if self.prestatori.key(old.prestatore)? != p.prestatore().canonical() {
            return moves(CorrectionMove::Prestatore);
        }
        if self.utilizzatori.key(old.utilizzatore)? != p.utilizzatore().canonical() {
            return moves(CorrectionMove::Utilizzatore);
        }
        if old.day.year() != p.day().year() {
            return moves(CorrectionMove::Year {
                from: old.day.year(),
                to: p.day().year(),
            });
        }
        Ok((position, old))
    }

    /// Writes the entry of `p` at `position` (its old totals already removed) and counts it.
    fn replace(&mut self, position: usize, p: &Prestazione) -> Result<(), LedgerError> {
        let entry = self.new_entry(p)?;
        self.change_totals(&entry, true)?;
        if let Some(slot) = self.entries.get_mut(position) {
            *slot = entry;
        }
        Ok(())
    }

    /// Enters a prestatore's compensi from utilizzatori outside this ledger (year to date), so
    /// that cap a counts them. Returns whether the reading replaced the one held (a reading
    /// with an earlier `as_of` than the one held does not).
    ///
    /// Entering a total never fails on the caps: it is a fact, and the next assessment of the
    /// prestatore reports any breach of cap a it implies.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017.
    ///
    /// # Errors
    ///
    /// [`LedgerError::ExternalYear`] for a year before the rules table.
    ///
    /// # Examples
    ///
    /// See [`ExternalTotal`]; an invalid year:
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger};
    /// use time::macros::date;
    /// let reading = ExternalTotal { prestatore: "RSSMRA85T10A562S".parse()?, year: 2016, total: Euro::ZERO, as_of: date!(2016 - 12 - 31) };
    /// assert_eq!(
    ///     Ledger::default().set_external_total(&reading).unwrap_err().to_string(),
    ///     "external total: year 2016 is outside the rules table, which starts in 2017"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_external_total(&mut self, total: &ExternalTotal) -> Result<bool, LedgerError> {
        let start = self.table.start().year();
        if total.year < start || total.year > Date::MAX.year() {
            return Err(LedgerError::ExternalYear {
                year: total.year,
                start,
            });
        }
        let reading = External {
            as_of: total.as_of,
            cents: total.total.cents(),
        };
        let prestatore = self.prestatori.intern(total.prestatore.canonical())?;
        Ok(self.year_mut(total.year)?.set_external(prestatore, reading))
    }

    /// The largest compenso (and number of LF titoli) the utilizzatore may still pay the
    /// prestatore for work on the query's day: the least headroom of every cap that applies,
    /// or zero when the hour limit is used up (280 hours; for a profile with an agricultural
    /// area while agricultural rates are in force, the area's limit, HOURS-AGRI).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017
    /// (E5, E11, HOURS-AGRI).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Rules`] for a day before the regime.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, RoomQuery, RuleId};
    /// use time::macros::date;
    ///
    /// let q = RoomQuery {
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// let room = Ledger::default().room(&q)?;
    /// assert_eq!((room.compenso, room.titoli, room.binding), (Euro::from_euros(2_500), 312, RuleId::CapPair));
    /// // Cap a alone would allow 625 titoli (worked example E11).
    /// assert_eq!(room.caps[0].titoli, 625);
    ///
    /// let early = RoomQuery { day: date!(2017 - 01 - 01), ..q };
    /// assert!(Ledger::default().room(&early).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn room(&self, query: &RoomQuery) -> Result<Room, LedgerError> {
        let probe = Probe {
            id: PrestazioneId(0),
            day: query.day,
            instrument: query.instrument,
            prestatore: self.prestatori.get(&query.prestatore.canonical()),
            utilizzatore: self.utilizzatori.get(&query.utilizzatore.canonical()),
            cents: 0,
            minutes: 0,
            special: query.special_category,
            steward: query.steward,
            profile: query.profile,
        };
        Ok(self.evaluate(&probe)?.room())
    }

    /// A prestatore's totals in a calendar year (zeros when unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// let other = PrestazioneDraft { id: PrestazioneId(2), utilizzatore: "00743110157".parse()?, compenso: Euro::from_euros(500), ..draft.clone() };
    /// ledger.record(&Prestazione::try_from(other)?)?;
    /// let t = ledger.prestatore_totals(&draft.prestatore, 2026);
    /// assert_eq!((t.compensi, t.prestazioni), (Euro::from_euros(2_500), 2));
    /// assert_eq!(ledger.prestatore_totals(&draft.prestatore, 2025).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore_totals(&self, prestatore: &CodiceFiscale, year: i32) -> PrestatoreTotals {
        let found = self
            .prestatori
            .get(&prestatore.canonical())
            .zip(self.year(year));
        let (t, external) = found.map_or((PTot::default(), 0), |(i, y)| {
            (y.prestatore(i), y.external(i))
        });
        PrestatoreTotals {
            compensi: euro(t.all),
            counted_cap_prestatore: euro(t.cap_a),
            external: euro(external),
            prestazioni: t.count,
        }
    }

    /// An utilizzatore's totals in a calendar year (zeros when unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b, c. 8 D.L. 50/2017 (CAP-UTILIZZATORE-TOTAL, CAP-75PCT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// // A pensioner (a comma-8 category) counts at 75% in cap b.
    /// let pensioner = PrestazioneDraft { id: PrestazioneId(2), prestatore: "BNCGNN60A01H501P".parse()?, compenso: Euro::from_euros(400), special_category: true, ..draft.clone() };
    /// ledger.record(&Prestazione::try_from(pensioner)?)?;
    /// let t = ledger.utilizzatore_totals(&draft.utilizzatore, 2026);
    /// assert_eq!((t.compensi, t.nominal_cap_utilizzatore), (Euro::from_euros(2_400), Euro::from_euros(2_400)));
    /// assert_eq!(t.counted_cap_utilizzatore, rust_decimal::Decimal::from(2_300));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore_totals(
        &self,
        utilizzatore: &UtilizzatoreId,
        year: i32,
    ) -> UtilizzatoreTotals {
        let t = self
            .utilizzatori
            .get(&utilizzatore.canonical())
            .zip(self.year(year))
            .map_or(UTot::default(), |(i, y)| y.utilizzatore(i));
        UtilizzatoreTotals {
            compensi: euro(t.all),
            nominal_cap_utilizzatore: euro(t.nominal_b),
            counted_cap_utilizzatore: t.weighted_b,
            prestazioni: t.count,
        }
    }

    /// The totals of a prestatore with an utilizzatore in a calendar year (zeros when
    /// unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. c, c-bis and c. 20 D.L. 50/2017 (CAP-PAIR, CAP-STEWARD, HOURS-280).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// let t = ledger.pair_totals(&draft.prestatore, &draft.utilizzatore, 2026);
    /// assert_eq!((t.compensi, t.counted_cap_pair, t.minutes, t.prestazioni), (Euro::from_euros(2_000), Euro::from_euros(2_000), 240, 1));
    /// // Another utilizzatore has no totals with this prestatore.
    /// assert_eq!(ledger.pair_totals(&draft.prestatore, &"00743110157".parse()?, 2026).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pair_totals(
        &self,
        prestatore: &CodiceFiscale,
        utilizzatore: &UtilizzatoreId,
        year: i32,
    ) -> PairTotals {
        let p = self.prestatori.get(&prestatore.canonical());
        let u = self.utilizzatori.get(&utilizzatore.canonical());
        let t = match (p, u, self.year(year)) {
            (Some(p), Some(u), Some(y)) => y.pair(p, u),
            _ => PairTot::default(),
        };
        PairTotals {
            compensi: euro(t.all),
            counted_cap_pair: euro(t.cap_c),
            counted_cap_steward: euro(t.steward),
            minutes: t.minutes,
            counted_minutes: t.counted_minutes,
            prestazioni: t.count,
        }
    }

    fn period_totals(&self, year: i32, instruments: &[usize], months: &[usize]) -> PeriodTotals {
        let mut all = 0u64;
        let mut minutes = 0u64;
        let mut count = 0u32;
        if let Some(y) = self.year(year) {
            for &i in instruments {
                for &m in months {
                    let t = y.period(i, m);
                    all = all.saturating_add(t.all);
                    minutes = minutes.saturating_add(t.minutes);
                    count = count.saturating_add(t.count);
                }
            }
        }
        PeriodTotals {
            compensi: euro(all),
            minutes,
            prestazioni: count,
        }
    }

    /// The totals of one instrument in a calendar year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft)?)?;
    /// let cpo = ledger.instrument_totals(2026, Instrument::ContrattoPrestazioneOccasionale);
    /// assert_eq!((cpo.compensi, cpo.minutes, cpo.prestazioni), (Euro::from_euros(2_000), 240, 1));
    /// assert_eq!(ledger.instrument_totals(2026, Instrument::LibrettoFamiglia).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn instrument_totals(&self, year: i32, instrument: Instrument) -> PeriodTotals {
        let i = usize::from(instrument == Instrument::ContrattoPrestazioneOccasionale);
        self.period_totals(year, &[i], &ALL_MONTHS)
    }

    /// The totals of one month (both instruments).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, PeriodTotals};
    /// use time::Month;
    /// assert_eq!(Ledger::default().month_totals(2026, Month::March), PeriodTotals::default());
    /// ```
    #[must_use]
    pub fn month_totals(&self, year: i32, month: Month) -> PeriodTotals {
        let m = usize::from(u8::from(month)).saturating_sub(1);
        self.period_totals(year, &[0, 1], &[m])
    }

    fn entry_view(&self, e: &Entry) -> Result<LedgerEntry, LedgerError> {
        Ok(LedgerEntry {
            id: PrestazioneId(e.id),
            instrument: if e.has(LF) {
                Instrument::LibrettoFamiglia
            } else {
                Instrument::ContrattoPrestazioneOccasionale
            },
            prestatore: self.prestatori.key(e.prestatore)?,
            utilizzatore: self.utilizzatori.key(e.utilizzatore)?,
            day: e.day,
            minutes: u32::from(e.minutes),
            compenso: euro(e.cents),
            special_category: e.has(SPECIAL),
            steward: e.has(STEWARD),
            profile: CapProfile {
                events_sector: e.has(EVENTS),
                pubblica_amministrazione: e.has(PA),
                agricultural_area: area_of(e.flags),
            },
            revoked: e.has(REVOKED),
            revoked_at: self.instants_of(e).and_then(|i| i.revoked),
            confirmed_at: self.instants_of(e).and_then(|i| i.confirmed),
        })
    }

    /// The instants of a revoked or confirmed entry (no look-up for the others).
    fn instants_of(&self, e: &Entry) -> Option<&Instants> {
        if e.flags & (REVOKED | CONFIRMED) == 0 {
            return None;
        }
        self.instants.get(&e.id)
    }

    /// Every prestazione held, in the order recorded (revoked ones included, marked).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// assert_eq!(Ledger::default().entries().count(), 0);
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = LedgerEntry> + '_ {
        // Every interned number has its key, so no entry is skipped.
        self.entries.iter().filter_map(|e| self.entry_view(e).ok())
    }

    /// One prestazione held, by id.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, PrestazioneId};
    /// assert_eq!(Ledger::default().entry(PrestazioneId(1)), None);
    /// ```
    #[must_use]
    pub fn entry(&self, id: PrestazioneId) -> Option<LedgerEntry> {
        self.find(id)
            .ok()
            .and_then(|(_, e)| self.entry_view(&e).ok())
    }

    /// A log of events that rebuilds this ledger: one [`LedgerEvent::Recorded`] per prestazione
    /// in its current form (in the order recorded), one [`LedgerEvent::Revoked`] per revoked
    /// one, one [`LedgerEvent::Confirmed`] per confirmed one (after the revocations: a
    /// prestazione both revoked and confirmed was revoked first), one
    /// [`LedgerEvent::ExternalTotalSet`] per external total (by year, then codice fiscale).
    /// Codici fiscali are in their canonical form. The log is a fixed point: replaying it and
    /// regenerating gives the same log.
    ///
    /// # Errors
    ///
    /// Each item is a `Result` only because a prestazione is rebuilt through its validating
    /// constructor; a ledger holds only valid prestazioni, so no item is an `Err`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, LedgerEvent};
    /// let ledger = Ledger::default();
    /// let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>()?;
    /// assert_eq!(Ledger::replay(Ledger::default().rules_table_arc(), &events)?, ledger);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> impl Iterator<Item = Result<LedgerEvent, LedgerError>> + '_ {
        let recorded = self.entries.iter().map(|e| {
            let v = self.entry_view(e)?;
            let p = Prestazione::try_from(PrestazioneDraft {
                id: v.id,
                instrument: v.instrument,
                prestatore: v.prestatore,
                utilizzatore: v.utilizzatore,
                day: v.day,
                minutes: v.minutes,
                compenso: v.compenso,
                special_category: v.special_category,
                steward: v.steward,
                profile: v.profile,
            })?;
            Ok(LedgerEvent::Recorded(p))
        });
        let revoked = self.entries.iter().filter(|e| e.has(REVOKED)).map(|e| {
            let at = self.instants_of(e).and_then(|i| i.revoked);
            Ok(LedgerEvent::Revoked {
                id: PrestazioneId(e.id),
                at: at.ok_or(LedgerError::Inconsistent)?,
            })
        });
        let confirmed = self.entries.iter().filter(|e| e.has(CONFIRMED)).map(|e| {
            let at = self.instants_of(e).and_then(|i| i.confirmed);
            Ok(LedgerEvent::Confirmed {
                id: PrestazioneId(e.id),
                at: at.ok_or(LedgerError::Inconsistent)?,
            })
        });
        // External totals by year, then by codice fiscale: an order that does not depend on the
        // ledger's internal numbering, so that the log is a fixed point of replay.
        let external = self.years.iter().flat_map(move |y| {
            let mut readings: Vec<_> = y
                .external
                .iter()
                .map(|(i, r)| (self.prestatori.key(*i), *r))
                .collect();
            readings.sort_unstable_by(|(a, _), (b, _)| match (a, b) {
                (Ok(a), Ok(b)) => a.cmp(b),
                _ => std::cmp::Ordering::Equal,
            });
            readings.into_iter().map(move |(prestatore, r)| {
                Ok(LedgerEvent::ExternalTotalSet(ExternalTotal {
                    prestatore: prestatore?,
                    year: y.year,
                    total: euro(r.cents),
                    as_of: r.as_of,
                }))
            })
        });
        recorded.chain(revoked).chain(confirmed).chain(external)
    }

    /// The rules table as an `Arc`, to build other ledgers (shards, replays) on the same table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// let shard = Ledger::new(Ledger::default().rules_table_arc());
    /// assert!(shard.is_empty());
    /// ```
    #[must_use]
    pub fn rules_table_arc(&self) -> Arc<RulesTable> {
        Arc::clone(&self.table)
    }

    /// Applies one event as history: a recorded prestazione is counted without checking the
    /// caps (the log says it was accepted), a revoca or a confirmation without checking its
    /// window. [`Ledger::replay_verified`] and [`Ledger::verify`] check them.
    ///
    /// # Errors
    ///
    /// Structural errors only, leaving the ledger unchanged: [`LedgerError::DuplicateId`],
    /// [`LedgerError::UnknownId`], [`LedgerError::AlreadyRevoked`],
    /// [`LedgerError::NotRevocable`], [`LedgerError::Confirmed`] (a revoca after the
    /// prestatore's confirmation), [`LedgerError::NotConfirmable`],
    /// [`LedgerError::AlreadyConfirmed`], [`LedgerError::NotCorrectable`],
    /// [`LedgerError::CorrectionMoves`], [`LedgerError::Prestazione`] (an LF compenso that is
    /// not whole titoli of the ledger's table), a day before the rules table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, LedgerEvent, PrestazioneId};
    /// use time::macros::datetime;
    /// let mut ledger = Ledger::default();
    /// let revoca = LedgerEvent::Revoked { id: PrestazioneId(9), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert_eq!(ledger.apply(&revoca).unwrap_err().to_string(), "prestazione #9 is not in the ledger");
    /// ```
    pub fn apply(&mut self, event: &LedgerEvent) -> Result<(), LedgerError> {
        self.apply_logged(event, None)
    }

    /// [`Ledger::apply`], noting in `journal` how to undo the change (a batch or a merge that
    /// fails half-way undoes what it did).
    fn apply_logged(
        &mut self,
        event: &LedgerEvent,
        journal: Option<&mut Vec<Undo>>,
    ) -> Result<(), LedgerError> {
        match event {
            LedgerEvent::Recorded(p) => {
                if self.index.contains(&self.entries, p.id().0) {
                    return Err(LedgerError::DuplicateId { id: p.id() });
                }
                self.table.in_force_on(p.day())?;
                let entry = self.new_entry(p)?;
                self.insert_entry(entry)?;
                if let Some(journal) = journal {
                    journal.push(Undo::Pushed);
                }
                Ok(())
            }
            LedgerEvent::Revoked { id, at } => {
                let undo = self.undo_entry(*id);
                self.revoke_unchecked(*id, *at)?;
                note(journal, undo);
                Ok(())
            }
            LedgerEvent::Confirmed { id, at } => {
                let undo = self.undo_entry(*id);
                self.confirm_unchecked(*id, *at)?;
                note(journal, undo);
                Ok(())
            }
            LedgerEvent::Corrected(p) => {
                let (position, old) = self.correctable(p)?;
                self.table.in_force_on(p.day())?;
                let undo = self.undo_entry(p.id());
                self.change_totals(&old, false)?;
                match self.replace(position, p) {
                    Ok(()) => {
                        note(journal, undo);
                        Ok(())
                    }
                    Err(e) => {
                        self.change_totals(&old, true)?;
                        Err(e)
                    }
                }
            }
            LedgerEvent::ExternalTotalSet(total) => {
                let undo = self.undo_external(total);
                self.set_external_total(total)?;
                note(journal, Some(undo));
                Ok(())
            }
        }
    }

    /// How to undo a change of the entry `id` in place (`None` when it is not held: the change
    /// then fails and there is nothing to undo).
    fn undo_entry(&self, id: PrestazioneId) -> Option<Undo> {
        let (position, old) = self.find(id).ok()?;
        Some(Undo::Entry {
            position,
            old,
            instants: self.instants.get(&old.id).copied(),
        })
    }

    /// How to undo entering `total` (the reading it may replace).
    fn undo_external(&self, total: &ExternalTotal) -> Undo {
        let prestatore = self.prestatori.get(&total.prestatore.canonical());
        let old = prestatore
            .zip(self.year(total.year))
            .and_then(|(i, y)| y.external.get(&i).copied());
        Undo::External {
            year: total.year,
            prestatore: total.prestatore.canonical(),
            old,
        }
    }

    /// Where the ledger stands before a batch or a merge, to undo it all if it fails.
    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            sorted: matches!(self.index, IdIndex::Sorted),
            years: self.years.iter().map(|y| y.year).collect(),
            prestatori: self.prestatori.keys.len(),
            utilizzatori: self.utilizzatori.keys.len(),
        }
    }

    /// Undoes the `journal` of changes made since `checkpoint`, last first: the ledger is as
    /// it was (the same prestazioni, instants, external totals and totals).
    fn undo(&mut self, journal: Vec<Undo>, checkpoint: &Checkpoint) {
        for undo in journal.into_iter().rev() {
            match undo {
                Undo::Pushed => {
                    if let Some(e) = self.entries.pop() {
                        if !e.has(REVOKED) {
                            let _ = self.change_totals(&e, false);
                        }
                        if let IdIndex::Hashed(map) = &mut self.index {
                            map.remove(&e.id);
                        }
                        self.instants.remove(&e.id);
                    }
                }
                Undo::Entry {
                    position,
                    old,
                    instants,
                } => {
                    if let Some(current) = self.entries.get(position).copied() {
                        if !current.has(REVOKED) {
                            let _ = self.change_totals(&current, false);
                        }
                        if !old.has(REVOKED) {
                            let _ = self.change_totals(&old, true);
                        }
                        if let Some(slot) = self.entries.get_mut(position) {
                            *slot = old;
                        }
                    }
                    match instants {
                        Some(i) => self.instants.insert(old.id, i),
                        None => self.instants.remove(&old.id),
                    };
                }
                Undo::External {
                    year,
                    prestatore,
                    old,
                } => {
                    if let (Some(i), Ok(y)) =
                        (self.prestatori.get(&prestatore), self.year_mut(year))
                    {
                        match old {
                            Some(reading) => y.external.insert(i, reading),
                            None => y.external.remove(&i),
                        };
                    }
                }
            }
        }
        if checkpoint.sorted {
            // The entries are again the sorted ones the checkpoint saw.
            self.index = IdIndex::Sorted;
        }
        self.years.retain(|y| checkpoint.years.contains(&y.year));
        self.prestatori.truncate(checkpoint.prestatori);
        self.utilizzatori.truncate(checkpoint.utilizzatori);
    }

    /// Applies events in order, as [`Ledger::apply`] does one by one, but faster for a bulk
    /// load: it first reads, for the whole batch, the memory each event will touch (the
    /// independent look-ups then overlap instead of waiting on each other), then applies the
    /// events. Batches of a few hundred events work best. Atomic: either every event is
    /// applied, or none.
    ///
    /// # Errors
    ///
    /// The first error of [`Ledger::apply`]; the events before it are then undone, so the
    /// ledger is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, LedgerEvent, PrestazioneId};
    /// use time::macros::datetime;
    /// let mut ledger = Ledger::default();
    /// ledger.apply_batch(&[])?;
    /// let revoca = LedgerEvent::Revoked { id: PrestazioneId(1), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert!(ledger.apply_batch(&[revoca]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_batch(&mut self, events: &[LedgerEvent]) -> Result<(), LedgerError> {
        std::hint::black_box(self.warm(events));
        let checkpoint = self.checkpoint();
        let mut journal = Vec::with_capacity(events.len());
        for event in events {
            if let Err(e) = self.apply_logged(event, Some(&mut journal)) {
                self.undo(journal, &checkpoint);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Reads what `events` will touch; returns a value only so the reads are not optimised away.
    fn warm(&self, events: &[LedgerEvent]) -> u64 {
        let mut touched = 0u64;
        let mut parties = Vec::with_capacity(events.len());
        for event in events {
            if let LedgerEvent::Recorded(p) | LedgerEvent::Corrected(p) = event {
                touched ^= u64::from(self.index.contains(&self.entries, p.id().0));
                let prestatore = self.prestatori.get(&p.prestatore().canonical());
                let utilizzatore = self.utilizzatori.get(&p.utilizzatore().canonical());
                parties.push((p.day().year(), prestatore, utilizzatore));
            }
        }
        for (year, prestatore, utilizzatore) in parties {
            let Some(y) = self.year(year) else { continue };
            if let Some(i) = prestatore {
                touched ^= y.prestatore(i).all;
            }
            if let Some(i) = utilizzatore {
                touched ^= y.utilizzatore(i).all;
            }
            if let (Some(p), Some(u)) = (prestatore, utilizzatore) {
                touched ^= y.pair(p, u).all;
            }
        }
        touched
    }

    /// A ledger rebuilt from a log of events (see [`Ledger::apply`]), trusting it: the fast
    /// way for the host's own storage. A log from elsewhere is replayed with
    /// [`Ledger::replay_verified`], which also lists what breached a rule at its time.
    ///
    /// # Errors
    ///
    /// The first structural error of [`Ledger::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// use prestazioni_occasionali::LedgerEvent;
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft)?)?;
    /// let log = ledger.events().collect::<Result<Vec<_>, _>>()?;
    /// let again = Ledger::replay(ledger.rules_table_arc(), &log)?;
    /// assert_eq!(again.entry(PrestazioneId(1)), ledger.entry(PrestazioneId(1)));
    ///
    /// // A log that revokes an unknown prestazione is refused.
    /// let broken = [LedgerEvent::Revoked { id: PrestazioneId(7), at: time::macros::datetime!(2026-03-08 10:00 +01:00) }];
    /// assert_eq!(
    ///     Ledger::replay(ledger.rules_table_arc(), &broken).unwrap_err().to_string(),
    ///     "prestazione #7 is not in the ledger"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay<E: Borrow<LedgerEvent>>(
        table: Arc<RulesTable>,
        events: impl IntoIterator<Item = E>,
    ) -> Result<Ledger, LedgerError> {
        let mut ledger = Ledger::new(table);
        for event in events {
            ledger.apply(event.borrow())?;
        }
        Ok(ledger)
    }

    /// Adds the content of a ledger built from a disjoint set of events (a shard: a month, a
    /// region), so that shards built in parallel join into the ledger of all the events.
    /// Merging is commutative and associative. Each shard must hold every event of the
    /// prestazioni it holds (a revoca or a correction travels with its prestazione); external
    /// totals join by keeping the latest reading.
    ///
    /// # Errors
    ///
    /// [`LedgerError::DifferentRules`] for ledgers on different rules tables,
    /// [`LedgerError::DuplicateId`] when both hold a prestazione with the same id,
    /// [`LedgerError::Overflow`] or [`LedgerError::Full`] (totals beyond any real amount, more
    /// than 2^32 parties). A merge is atomic: after an error `self` is unchanged (what a merge
    /// that stops half-way did is undone).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut march = Ledger::default();
    /// march.record(&Prestazione::try_from(draft.clone())?)?;
    /// let mut april = Ledger::new(march.rules_table_arc());
    /// april.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(2), day: date!(2026 - 04 - 11), compenso: Euro::from_euros(100), ..draft.clone() })?)?;
    /// march.merge(&april)?;
    /// assert_eq!(march.pair_totals(&draft.prestatore, &draft.utilizzatore, 2026).compensi, Euro::from_euros(2_100));
    ///
    /// // Merging a shard twice would count its prestazioni twice: refused, nothing changes.
    /// assert_eq!(march.merge(&april).unwrap_err().to_string(), "prestazione #2 is already in the ledger (duplicate id)");
    /// assert_eq!(march.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(&mut self, other: &Ledger) -> Result<(), LedgerError> {
        if !Arc::ptr_eq(&self.table, &other.table) && self.table != other.table {
            return Err(LedgerError::DifferentRules);
        }
        if let Some(e) = other
            .entries
            .iter()
            .find(|e| self.index.contains(&self.entries, e.id))
        {
            return Err(LedgerError::DuplicateId {
                id: PrestazioneId(e.id),
            });
        }
        let checkpoint = self.checkpoint();
        let mut journal = Vec::with_capacity(other.entries.len());
        match self.merge_logged(other, &mut journal) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.undo(journal, &checkpoint);
                Err(e)
            }
        }
    }

    /// [`Ledger::merge`] after its checks, noting in `journal` how to undo each change.
    fn merge_logged(&mut self, other: &Ledger, journal: &mut Vec<Undo>) -> Result<(), LedgerError> {
        self.entries.reserve(other.entries.len());
        self.index.reserve(other.entries.len());
        for e in &other.entries {
            let mut entry = *e;
            entry.prestatore = self
                .prestatori
                .intern(other.prestatori.key(e.prestatore)?)?;
            entry.utilizzatore = self
                .utilizzatori
                .intern(other.utilizzatori.key(e.utilizzatore)?)?;
            self.insert_entry(entry)?;
            journal.push(Undo::Pushed);
            if let Some(instants) = other.instants_of(e) {
                self.instants.insert(e.id, *instants);
            }
        }
        for y in &other.years {
            for (i, reading) in &y.external {
                let cf = other.prestatori.key(*i)?;
                let prestatore = self.prestatori.intern(cf)?;
                let year = self.year_mut(y.year)?;
                journal.push(Undo::External {
                    year: y.year,
                    prestatore: cf,
                    old: year.external.get(&prestatore).copied(),
                });
                year.set_external(prestatore, *reading);
            }
        }
        Ok(())
    }

    fn snapshot(&self) -> Snapshot {
        let mut s = Snapshot {
            entries: self.entries().map(|e| (e.id.0, e)).collect(),
            prestatori: BTreeMap::new(),
            external: BTreeMap::new(),
            utilizzatori: BTreeMap::new(),
            pairs: BTreeMap::new(),
            periods: BTreeMap::new(),
        };
        for y in &self.years {
            for (i, slot) in (0u32..).zip(&y.prestatori) {
                if let (false, Ok(cf)) = (slot.tot == PTot::default(), self.prestatori.key(i)) {
                    s.prestatori.insert((y.year, cf), slot.tot);
                }
            }
            for (i, t) in (0u32..).zip(&y.utilizzatori) {
                if let (false, Ok(u)) = (*t == UTot::default(), self.utilizzatori.key(i)) {
                    s.utilizzatori.insert((y.year, u), *t);
                }
            }
            for (p, u, t) in y.pairs() {
                if let (Ok(p), Ok(u)) = (self.prestatori.key(p), self.utilizzatori.key(u)) {
                    s.pairs.insert((y.year, p, u), t);
                }
            }
            for (i, r) in &y.external {
                if let Ok(cf) = self.prestatori.key(*i) {
                    s.external.insert((y.year, cf), *r);
                }
            }
            if y.periods != [[PeriodTot::default(); 12]; 2] {
                s.periods.insert(y.year, y.periods);
            }
        }
        s
    }
}

const ALL_MONTHS: [usize; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/// How many whole Libretto Famiglia titoli (of `per_titolo` compenso each) `cents` pay for.
fn titoli_in(cents: u64, per_titolo: Euro) -> u32 {
    match per_titolo.cents() {
        0 => 0,
        each => u32::try_from(cents / each).unwrap_or(u32::MAX),
    }
}

/// Whether `policy` refuses a prestazione with this assessment.
fn refuses(policy: RecordPolicy, a: &Assessment) -> bool {
    match policy {
        RecordPolicy::RefuseEveryBreach => !a.is_lawful(),
        RecordPolicy::RecordConversionBreaches => a.has_platform_refusal(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn p(id: u64) -> Prestazione {
        Prestazione::try_from(PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: Instrument::ContrattoPrestazioneOccasionale,
            prestatore: "RSSMRA85T10A562S".parse().unwrap(),
            utilizzatore: "12345670157".parse().unwrap(),
            day: date!(2026 - 03 - 07),
            minutes: 60,
            compenso: Euro::from_euros(36),
            special_category: false,
            steward: false,
            profile: CapProfile::default(),
        })
        .unwrap()
    }

    #[test]
    fn ids_in_order_need_no_map_and_out_of_order_ids_build_one() {
        let mut ledger = Ledger::default();
        for id in [2, 5, 9] {
            ledger.record(&p(id)).unwrap();
        }
        assert!(matches!(ledger.index, IdIndex::Sorted));
        assert!(ledger.entry(PrestazioneId(5)).is_some());
        assert!(ledger.entry(PrestazioneId(4)).is_none());
        assert_eq!(
            ledger.assess(&p(5)),
            Err(LedgerError::DuplicateId {
                id: PrestazioneId(5)
            })
        );
        ledger.record(&p(3)).unwrap();
        assert!(matches!(ledger.index, IdIndex::Hashed(_)));
        for id in [2, 3, 5, 9] {
            assert_eq!(
                ledger.entry(PrestazioneId(id)).unwrap().id,
                PrestazioneId(id)
            );
        }
        assert!(ledger.record(&p(9)).is_err());
        assert!(ledger.entry(PrestazioneId(7)).is_none());
    }

    #[test]
    fn pairs_beyond_the_inline_places_spill_to_the_map_and_come_back() {
        let firms: Vec<UtilizzatoreId> = (1u8..=6)
            .map(|n| {
                let digits = [0, 0, 0, 0, 0, 0, n, 0, 0, 1];
                let check = crate::PartitaIva::check_digit(&digits).unwrap();
                let text: String = digits.iter().chain([&check]).map(u8::to_string).collect();
                text.parse().unwrap()
            })
            .collect();
        let cpo = |id: u64, u: usize, euros: u64| {
            let mut draft = PrestazioneDraft::from(p(id));
            draft.utilizzatore = firms[u];
            draft.compenso = Euro::from_euros(u32::try_from(euros).unwrap());
            Prestazione::try_from(draft).unwrap()
        };
        let mut ledger = Ledger::default();
        let mut events = Vec::new();
        for (id, u) in (1u64..).zip([0, 1, 2, 3, 4, 0, 3]) {
            let p = cpo(id, u, 100 + id);
            ledger.record(&p).unwrap();
            events.push(LedgerEvent::Recorded(p));
        }
        let year = ledger.year(2026).unwrap();
        assert_eq!(year.pairs.len(), 2, "two of five pairs spill");
        let cf = "RSSMRA85T10A562S".parse().unwrap();
        let pair = |ledger: &Ledger, u: usize| ledger.pair_totals(&cf, &firms[u], 2026);
        assert_eq!(pair(&ledger, 0).compensi, Euro::from_euros(101 + 106));
        assert_eq!(pair(&ledger, 3).compensi, Euro::from_euros(104 + 107));
        assert_eq!(pair(&ledger, 4).compensi, Euro::from_euros(105));
        // Revoking the only prestazione of an inline pair frees its place for a new pair,
        // which must not duplicate a spilled one.
        let at = time::macros::datetime!(2026-03-08 12:00 +01:00);
        ledger.revoke(PrestazioneId(2), at).unwrap();
        events.push(LedgerEvent::Revoked {
            id: PrestazioneId(2),
            at,
        });
        assert_eq!(pair(&ledger, 1), PairTotals::default());
        for (id, u) in [(8, 3), (9, 5), (10, 1)] {
            let p = cpo(id, u, 10);
            ledger.record(&p).unwrap();
            events.push(LedgerEvent::Recorded(p));
        }
        assert_eq!(pair(&ledger, 3).compensi, Euro::from_euros(104 + 107 + 10));
        assert_eq!(pair(&ledger, 5).compensi, Euro::from_euros(10));
        assert_eq!(pair(&ledger, 1).compensi, Euro::from_euros(10));
        let pairs: Vec<_> = ledger.year(2026).unwrap().pairs().collect();
        assert_eq!(pairs.len(), 6);
        let replayed = Ledger::replay(ledger.rules_table_arc(), &events).unwrap();
        assert_eq!(replayed, ledger);
        let mut merged = Ledger::default();
        merged.merge(&ledger).unwrap();
        assert_eq!(merged, ledger);
    }

    #[test]
    fn whole_cents_caps_match_the_decimal_computation() {
        let limit = Euro::from_euros(5_000);
        let per_titolo = Euro::from_euros(8);
        let weights = [None, Some(Decimal::new(75, 2)), Some(Decimal::new(1, 0))];
        for weight in weights {
            // Used totals of 0 to 4 decimals, as cap b counts them (cents × 0,75).
            for used in [
                0i64, 1, 99, 7_500, 2_500_000, 4_999_999, 5_000_000, 5_000_001, 9_000_000,
            ] {
                for requested in [0u64, 1, 800, 250_000, 500_000, 666_667] {
                    let used4 = Decimal::new(used, 4);
                    let fast = Ledger::money_cap(
                        &[50, 80, 100],
                        RuleId::CapUtilizzatore,
                        limit,
                        used4,
                        dec(requested),
                        weight,
                        per_titolo,
                    )
                    .unwrap();
                    // Scale 5: not in 1/10.000 € to `ten_thousandths`, so the decimal
                    // computation runs.
                    let mut used5 = used4;
                    used5.rescale(5);
                    assert_eq!(ten_thousandths(used5), None);
                    let slow = Ledger::money_cap(
                        &[50, 80, 100],
                        RuleId::CapUtilizzatore,
                        limit,
                        used5,
                        dec(requested),
                        weight,
                        per_titolo,
                    )
                    .unwrap();
                    let case = format!("used {used4}, requested {requested}, weight {weight:?}");
                    assert_eq!(fast, slow, "{case}");
                    assert_eq!(
                        fast.headroom.to_string(),
                        slow.headroom.to_string(),
                        "{case}"
                    );
                    assert_eq!(
                        fast.requested.to_string(),
                        slow.requested.to_string(),
                        "{case}"
                    );
                }
            }
        }
        assert_eq!(ten_thousandths(Decimal::new(-1, 4)), None);
        assert_eq!(ten_thousandths(Decimal::new(75, 2)), Some(7_500));
        assert_eq!(exact_cents(Decimal::new(75, 2)), Some(75));
        assert_eq!(exact_cents(Decimal::new(-1, 2)), None);
        assert_eq!(exact_cents(Decimal::new(7, 0)), Some(700));
        assert_eq!(exact_cents(Decimal::new(7, 1)), Some(70));
    }

    /// A merge or a batch that fails half-way (a total that overflows after the first new
    /// entry went in) is undone: the ledger is as before, its new parties and years forgotten.
    #[test]
    fn a_merge_or_a_batch_that_overflows_half_way_is_undone() {
        let other_firm: UtilizzatoreId = "00743110157".parse().unwrap();
        let mut ledger = Ledger::default();
        ledger.record(&p(1)).unwrap();
        // The prestatore's total one step from overflowing (no real amount gets there).
        if let Some(slot) = ledger.years[0].prestatori.get_mut(0) {
            slot.tot.all = u64::MAX - 1;
        }
        let before = ledger.clone();
        let (prestatori, utilizzatori) =
            (ledger.prestatori.keys.len(), ledger.utilizzatori.keys.len());
        // The first entry (a new prestatore, a new utilizzatore, another year) fits; the second
        // (the full prestatore) overflows.
        let mut first = PrestazioneDraft::from(p(2));
        first.prestatore = "BNCGNN60A01H501P".parse().unwrap();
        first.utilizzatore = other_firm;
        first.day = date!(2027 - 01 - 05);
        let first = Prestazione::try_from(first).unwrap();
        let mut shard = Ledger::default();
        shard.record(&first).unwrap();
        shard.record(&p(3)).unwrap();
        shard
            .revoke(
                PrestazioneId(3),
                time::macros::datetime!(2026-03-08 10:00 +01:00),
            )
            .unwrap();
        let mut second = PrestazioneDraft::from(p(4));
        second.day = date!(2026 - 03 - 09);
        shard
            .record(&Prestazione::try_from(second).unwrap())
            .unwrap();
        assert_eq!(
            ledger.merge(&shard),
            Err(LedgerError::Overflow {
                what: "prestatore compensi"
            })
        );
        assert_eq!(ledger, before);
        assert!(matches!(ledger.index, IdIndex::Sorted));
        assert_eq!(ledger.years.len(), 1);
        assert_eq!(ledger.instants, before.instants);
        assert_eq!(
            (ledger.prestatori.keys.len(), ledger.utilizzatori.keys.len()),
            (prestatori, utilizzatori)
        );
        assert!(ledger.prestatori.get(&first.prestatore()).is_none());

        let batch: Vec<LedgerEvent> = shard.events().collect::<Result<_, _>>().unwrap();
        assert!(ledger.apply_batch(&batch).is_err());
        assert_eq!(ledger, before);
        assert_eq!(ledger.years.len(), 1);
        assert!(ledger.utilizzatori.get(&other_firm).is_none());
    }

    #[test]
    fn an_entry_is_32_bytes() {
        assert_eq!(std::mem::size_of::<Entry>(), 32);
    }

    #[test]
    fn the_area_bits_round_trip_and_touch_no_other_flag() {
        let others = LF
            | SPECIAL
            | STEWARD
            | EVENTS
            | PA
            | REVOKED
            | COUNTS_A
            | COUNTS_B
            | COUNTS_C
            | COUNTS_STEWARD
            | COUNTS_HOURS
            | CONFIRMED;
        assert_eq!(AREA_MASK & others, 0);
        for area in [
            None,
            Some(AgriculturalArea::Area1),
            Some(AgriculturalArea::Area2),
            Some(AgriculturalArea::Area3),
        ] {
            assert_eq!(area_bits(area) & !AREA_MASK, 0);
            assert_eq!(area_of(area_bits(area) | others), area);
            assert_eq!(area_of(area_bits(area)), area);
        }
    }
}
