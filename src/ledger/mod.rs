//! The calendar-year ledger: the caps of art. 54-bis c. 1 and the hour limit of c. 20, with
//! assessments that explain every breach. See [`Ledger`] for what it counts and the readings it
//! takes.
//!
//! One file per job:
//!
//! | file | job |
//! |---|---|
//! | `mod.rs` | the [`Ledger`] itself: construction, settings, reservation, equality |
//! | `error.rs` | why an operation did not run |
//! | `judge.rs` | the law: how a prestazione counts under the rules of its day and its assessment against every cap, each citing its rule |
//! | `assessment.rs` | what a judgement answers ([`Assessment`], [`Room`]) |
//! | `record.rs` | assess, record (judged and counted with one probe per party), correct |
//! | `revoke.rs` | the revoca and the prestatore's confirmation |
//! | `external.rs` | external totals |
//! | `together.rs` | prestazioni communicated together, each judged with the earlier ones |
//! | `durable.rs` | the two-step changes of a host that stores events first |
//! | `events.rs` | the events and their versioned log format |
//! | `replay.rs` | events applied as history: apply, batches, replay, merge, the regenerated log |
//! | `undo.rs` | how a batch or a merge that fails half-way takes back what it did |
//! | `verify.rs` | judging a log or a ledger the host does not trust |
//! | `queries.rs` | totals and room |
//! | `portfolio.rs` | a consulente's clients near their caps, with the index of each utilizzatore's prestatori |
//! | `totals.rs` | what each total is, and how one entry changes it |
//! | `tally.rs` | the one path by which an entry's totals are read and changed |
//! | `entries.rs` | storage: one prestazione in 32 bytes, its flags, the id index |
//! | `year.rs` | storage: one calendar year's totals |
//! | `parties.rs` | storage: the party tables, one memory read per party |

mod assessment;
mod durable;
mod entries;
mod error;
mod events;
mod external;
mod judge;
mod parties;
mod portfolio;
mod queries;
mod record;
mod replay;
mod revoke;
mod tally;
mod together;
mod totals;
mod undo;
mod verify;
mod year;

use std::collections::BTreeMap;
use std::fmt;

pub use assessment::{Assessment, HoursCap, MoneyCap, RecordPolicy, Room, RoomQuery};
pub use durable::{Prepared, Recorded};
pub use entries::LedgerEntry;
pub use error::{CorrectionMove, LedgerError, RecordError};
pub use events::{ExternalTotal, LedgerEvent, VersionedEvent};
pub use portfolio::{CapLine, CapUse, Client, ClientReport, Portfolio, PrestatoreReport};
pub use totals::{PairTotals, PeriodTotals, PrestatoreTotals, UtilizzatoreTotals};
pub use verify::{Finding, FindingKind};

use durable::Stamp;
use entries::{Entry, IdIndex, Instants};
use totals::{External, PTot, PairTot, PeriodTot, UTot};
use year::YearTotals;

use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;
#[cfg(doc)]
use crate::prestazione::CapProfile;
use crate::rules::RulesTable;

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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LedgerCapacity {
    /// The calendar year the pairs are in.
    pub year: i32,
    /// Prestazioni.
    pub prestazioni: usize,
    /// Prestatori.
    pub prestatori: usize,
    /// Utilizzatori.
    pub utilizzatori: usize,
    /// Prestatore-utilizzatore pairs in `year`. A hint that needs no room today: the first
    /// three pairs of each prestatore live in its slot, further ones in an ordered map that
    /// grows as it fills.
    pub pairs: usize,
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
/// Each calendar year keeps its prestatori and utilizzatori in open-addressing tables keyed by
/// the party's code packed into 16 bytes; a slot holds the key beside the party's totals (an
/// utilizzatore in one 64-byte cache line, a prestatore in two adjacent ones with the totals of
/// its first three pairs), so the probe that checks the key reads the totals: one memory read
/// per party. A prestazione is kept in 32 bytes, naming its parties by their numbers in its
/// year; totals are integer cents (cap b: an exact decimal per utilizzatore). While
/// prestazione ids arrive in increasing order no id map is kept (an id above the largest is
/// new; others are found by binary search); the first id out of order builds one. `assess`
/// probes the prestatore and the utilizzatore once each; `record` assesses and records in one
/// call at the same places (it returns the [`Assessment`]: a host that wants both calls
/// `record` alone), and inserts only a new party. Their work does not grow with the number of
/// prestazioni; their time does only by the cache misses of a larger working set. The ledger
/// does not keep its event log (10^7 events would double its memory): the host stores the
/// events, or regenerates them with [`Ledger::events`]. For bulk loads, [`Ledger::reserve`]
/// sizes the tables once and [`Ledger::apply_batch`] finds the places of a whole batch before it
/// applies any, so that the memory reads overlap. `Ledger` itself is not serialised: persist
/// its events and [`Ledger::replay`] them.
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
/// let a = ledger.record(&Prestazione::try_from(draft.clone())?)?.assessment;
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
    table: RulesTable,
    thresholds: Vec<u8>,
    entries: Vec<Entry>,
    index: IdIndex,
    years: Vec<YearTotals>,
    instants: BTreeMap<u64, Instants>,
    /// Which state of which ledger this is (see [`Ledger::commit`]).
    stamp: Stamp,
    /// The prestatori of each utilizzatore per year, for [`Ledger::portfolio`].
    portfolio_index: portfolio::Index,
}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ledger")
            .field("prestazioni", &self.entries.len())
            .field(
                "years",
                &self.years.iter().map(|y| y.year).collect::<Vec<_>>(),
            )
            // Parties per year: (prestatori, utilizzatori).
            .field(
                "parties",
                &self
                    .years
                    .iter()
                    .map(YearTotals::party_counts)
                    .collect::<Vec<_>>(),
            )
            .field("warning_thresholds", &self.thresholds)
            .finish_non_exhaustive()
    }
}

impl Default for Ledger {
    /// An empty ledger on the embedded rules table, without warning thresholds.
    fn default() -> Ledger {
        Ledger::new(RulesTable::embedded())
    }
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when they use equal rules tables and hold the same prestazioni
    /// (same ids, data and revoked state), the same external totals and the same totals;
    /// internal numbering and warning thresholds are not compared. Cost: O(n log n).
    fn eq(&self, other: &Ledger) -> bool {
        self.table == other.table && self.snapshot() == other.snapshot()
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

impl Ledger {
    /// An empty ledger on a rules table: the embedded one ([`RulesTable::embedded`], what
    /// [`Ledger::default`] uses) or the host's own. The ledger keeps the table (a clone of it,
    /// which shares its rows: an `Arc` inside), and every call on the ledger applies it.
    ///
    /// It takes the table by reference because a host almost always holds one (the embedded
    /// table is a `&'static RulesTable`, [`Ledger::rules_table`] returns a reference): shards and
    /// replays of a ledger are built with `Ledger::new(ledger.rules_table())`, without a clone
    /// at the call site.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, RulesTable};
    ///
    /// let mut builder = RulesTable::embedded().to_builder();
    /// builder.hours_limit_applies_to_lf[0].value = false; // the other reading of R-HOURS-LF
    /// let ledger = Ledger::new(&builder.build()?);
    /// assert!(ledger.is_empty());
    /// assert_ne!(ledger.rules_table(), RulesTable::embedded());
    ///
    /// // A shard on the same table.
    /// let shard = Ledger::new(ledger.rules_table());
    /// assert_eq!(shard.rules_table(), ledger.rules_table());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(table: &RulesTable) -> Ledger {
        Ledger {
            table: table.clone(),
            thresholds: Vec::new(),
            entries: Vec::new(),
            index: IdIndex::default(),
            years: Vec::new(),
            instants: BTreeMap::new(),
            stamp: Stamp::new(),
            portfolio_index: portfolio::Index::default(),
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
        // Assessments change with the thresholds: a preparation made before is stale.
        self.stamp.bump();
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
        if let Ok(y) = self.year_mut(capacity.year) {
            // A prestatore's slot holds its first three pairs; the pairs beyond (a few) go to
            // an ordered map, which needs no reservation.
            y.prestatori.reserve(prestatori);
            y.utilizzatori.reserve(utilizzatori);
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
            for (cf, t) in y.prestatori() {
                if t != PTot::default() {
                    s.prestatori.insert((y.year, cf), t);
                }
            }
            for (u, t) in y.utilizzatori() {
                if t != UTot::default() {
                    s.utilizzatori.insert((y.year, u), t);
                }
            }
            for (p, u, t) in y.pairs() {
                if let (Ok(p), Ok(u)) = (y.prestatori.key(p), y.utilizzatori.key(u)) {
                    s.pairs.insert((y.year, p, u), t);
                }
            }
            for (i, r) in y.externals() {
                if let Ok(cf) = y.prestatori.key(i) {
                    s.external.insert((y.year, cf), r);
                }
            }
            if let Some(periods) = y.periods() {
                s.periods.insert(y.year, periods);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Euro;
    use crate::prestazione::{
        CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneId,
    };
    use time::macros::date;

    pub(super) fn p(id: u64) -> Prestazione {
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

    /// `n` firms, with partite IVA that differ in one digit.
    fn firms(n: u8) -> Vec<UtilizzatoreId> {
        (1..=n)
            .map(|n| {
                let digits = [0, 0, 0, 0, 0, 0, n, 0, 0, 1];
                let check = crate::PartitaIva::check_digit(&digits).unwrap();
                let text: String = digits.iter().chain([&check]).map(u8::to_string).collect();
                text.parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn pairs_beyond_the_inline_places_spill_to_the_map_and_come_back() {
        let firms = firms(6);
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
        assert_eq!(year.spilled_len(), 2, "two of five pairs spill");
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
        let replayed = Ledger::replay(ledger.rules_table(), &events).unwrap();
        assert_eq!(replayed, ledger);
        let mut merged = Ledger::default();
        merged.merge(&ledger).unwrap();
        assert_eq!(merged, ledger);
    }

    /// A prestatore's slot marks both spilled pairs and an external reading: clearing one mark
    /// (an undone reading; the last spilled pair revoked) keeps the other.
    #[test]
    fn a_slot_keeps_each_mark_when_the_other_is_cleared() {
        let firms = firms(5);
        let cpo = |id: u64, u: usize| {
            let mut draft = PrestazioneDraft::from(p(id));
            draft.utilizzatore = firms[u];
            Prestazione::try_from(draft).unwrap()
        };
        let cf: crate::CodiceFiscale = "RSSMRA85T10A562S".parse().unwrap();
        let mut ledger = Ledger::default();
        for (id, u) in (1u64..).zip(0..5) {
            ledger.record(&cpo(id, u)).unwrap();
        }
        let spilled = |ledger: &Ledger| ledger.pair_totals(&cf, &firms[4], 2026).compensi;
        assert_eq!(spilled(&ledger), Euro::from_euros(36));
        // A reading set and undone (the batch fails on a duplicate id): the spilled pairs stay.
        let reading = ExternalTotal {
            prestatore: cf,
            year: 2026,
            total: Euro::from_euros(1_000),
            as_of: date!(2026 - 03 - 01),
        };
        let failing = [
            LedgerEvent::ExternalTotalSet(reading),
            LedgerEvent::Recorded(cpo(1, 0)),
        ];
        assert!(ledger.apply_batch(&failing).is_err());
        assert_eq!(ledger.prestatore_totals(&cf, 2026).external, Euro::ZERO);
        assert_eq!(spilled(&ledger), Euro::from_euros(36));
        // A reading kept, then the spilled pairs revoked: the reading stays.
        ledger.set_external_total(&reading).unwrap();
        let at = time::macros::datetime!(2026-03-08 12:00 +01:00);
        ledger.revoke(PrestazioneId(4), at).unwrap();
        ledger.revoke(PrestazioneId(5), at).unwrap();
        assert_eq!(spilled(&ledger), Euro::ZERO);
        assert_eq!(
            ledger.prestatore_totals(&cf, 2026).external,
            Euro::from_euros(1_000)
        );
    }
}
