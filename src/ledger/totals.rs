//! The year's running totals: per prestatore, per utilizzatore, per pair, per instrument and
//! month, and the external year-to-date totals a host enters (reading R-YEAR-OF-WORK: every total is
//! per calendar year of the day of the work).

use rust_decimal::Decimal;
use time::Date;

use super::LedgerError;
use super::hasher::FastMap;
use crate::money::Euro;

/// A prestatore's totals in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL); the year
/// is the calendar year of the day of the work (reading R-YEAR-OF-WORK).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, PrestatoreTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.prestatore_totals(&"RSSMRA85T10A562S".parse()?, 2026);
/// assert_eq!(totals, PrestatoreTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PrestatoreTotals {
    /// Every compenso recorded in this ledger (stewards included).
    pub compensi: Euro,
    /// The part of `compensi` that counts toward cap a (steward compensi only if
    /// `Rules::steward_counts_toward_cap_prestatore`, reading R-STEWARD-CAP-A).
    pub counted_cap_prestatore: Euro,
    /// The compensi from utilizzatori outside this ledger, as the host entered them
    /// ([`ExternalTotal`](crate::ExternalTotal)); they count toward cap a too.
    pub external: Euro,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// An utilizzatore's totals in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. b and c. 8 D.L. 50/2017 (CAP-UTILIZZATORE-TOTAL,
/// CAP-75PCT); INPS circ. 95/2018 (steward compensi are outside cap b).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, UtilizzatoreTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.utilizzatore_totals(&"12345670157".parse()?, 2026);
/// assert_eq!(totals, UtilizzatoreTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UtilizzatoreTotals {
    /// Every compenso paid (stewards included).
    pub compensi: Euro,
    /// The nominal compensi that count toward cap b (stewards excluded).
    pub nominal_cap_utilizzatore: Euro,
    /// The same compensi as counted in cap b: those of comma-8 prestatori weighted (75%),
    /// exact (not rounded; round only for display).
    pub counted_cap_utilizzatore: Decimal,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// The totals of one prestatore with one utilizzatore in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. c, c-bis and c. 20 D.L. 50/2017 (CAP-PAIR,
/// CAP-STEWARD, HOURS-280).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, PairTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.pair_totals(&"RSSMRA85T10A562S".parse()?, &"12345670157".parse()?, 2026);
/// assert_eq!(totals, PairTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PairTotals {
    /// Every compenso.
    pub compensi: Euro,
    /// The compensi counted toward cap c (everything but steward services).
    pub counted_cap_pair: Euro,
    /// The steward compensi, counted toward cap c-bis (the utilizzatore is then a società
    /// sportiva).
    pub counted_cap_steward: Euro,
    /// Every minute worked.
    pub minutes: u32,
    /// The minutes counted toward the hour limit (LF minutes only when
    /// `Rules::hours_limit_applies_to_lf`, reading R-HOURS-LF).
    pub counted_minutes: u32,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// Totals of a period or an instrument: compensi, minutes, prestazioni.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Instrument, Ledger, PeriodTotals};
/// let ledger = Ledger::default();
/// assert_eq!(ledger.instrument_totals(2026, Instrument::LibrettoFamiglia), PeriodTotals::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PeriodTotals {
    /// Every compenso.
    pub compensi: Euro,
    /// Every minute worked.
    pub minutes: u64,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// A prestatore's year: cents, and how many prestazioni.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PTot {
    pub(crate) all: u64,
    pub(crate) cap_a: u64,
    pub(crate) count: u32,
}

/// An utilizzatore's year: cents, the exact weighted cap-b total, and how many prestazioni.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct UTot {
    pub(crate) all: u64,
    pub(crate) nominal_b: u64,
    pub(crate) weighted_b: Decimal,
    pub(crate) count: u32,
}

/// A pair's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PairTot {
    pub(crate) all: u64,
    pub(crate) cap_c: u64,
    pub(crate) steward: u64,
    pub(crate) minutes: u32,
    pub(crate) counted_minutes: u32,
    pub(crate) count: u32,
}

/// A month of one instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PeriodTot {
    pub(crate) all: u64,
    pub(crate) minutes: u64,
    pub(crate) count: u32,
}

/// An external year-to-date total as entered: the reading with the latest `as_of` wins (ties:
/// the larger amount), which makes setting it order-independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct External {
    pub(crate) as_of: Date,
    pub(crate) cents: u64,
}

/// How many pairs a prestatore's slot holds inline (most prestatori work for one to three
/// utilizzatori in a year); further pairs go to [`YearTotals::pairs`].
pub(crate) const INLINE_PAIRS: usize = 3;

/// A prestatore's year together with its first pairs, so that the prestatore's totals and the
/// pair's are one memory read (a pair is either inline here or in [`YearTotals::pairs`], never
/// both).
///
/// `repr(C)` and the cache-line alignment keep the prestatore's totals and the utilizzatori of
/// its pairs in the first line, where the search for a pair reads them together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C, align(64))]
pub(crate) struct PSlot {
    pub(crate) tot: PTot,
    /// The utilizzatore of each inline place; `None` marks a free place.
    pub(crate) who: [Option<u32>; INLINE_PAIRS],
    /// The totals of each inline place (zero when free).
    pub(crate) pairs: [PairTot; INLINE_PAIRS],
}

/// Where a pair's totals are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PairAt {
    /// In the prestatore's slot, at this place.
    Inline(usize),
    /// In [`YearTotals::pairs`].
    Spilled,
    /// Nowhere yet (zero totals).
    Absent,
}

/// The totals an entry changes, as read before the change.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Read {
    pub(crate) prestatore: PTot,
    pub(crate) utilizzatore: UTot,
    pub(crate) pair: PairTot,
    pub(crate) pair_at: PairAt,
}

/// The totals of one calendar year, indexed by the ledger's interned prestatore and utilizzatore
/// numbers.
#[derive(Debug, Clone)]
pub(crate) struct YearTotals {
    pub(crate) year: i32,
    pub(crate) prestatori: Vec<PSlot>,
    pub(crate) utilizzatori: Vec<UTot>,
    /// The pairs that do not fit inline in their prestatore's slot.
    pub(crate) pairs: FastMap<u64, PairTot>,
    pub(crate) external: FastMap<u32, External>,
    /// `[instrument][month - 1]`, instrument 0 = LF, 1 = CPO.
    pub(crate) periods: [[PeriodTot; 12]; 2],
}

/// What one entry adds to (or removes from) the totals.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Delta {
    pub(crate) prestatore: u32,
    pub(crate) utilizzatore: u32,
    pub(crate) cents: u64,
    pub(crate) minutes: u32,
    pub(crate) cap_a: bool,
    pub(crate) cap_b: Option<Decimal>,
    pub(crate) cap_c: bool,
    pub(crate) steward: bool,
    pub(crate) hours: bool,
    pub(crate) instrument: usize,
    pub(crate) month: usize,
}

/// The key of a pair in [`YearTotals::pairs`].
pub(crate) fn pair_key(prestatore: u32, utilizzatore: u32) -> u64 {
    (u64::from(prestatore) << 32) | u64::from(utilizzatore)
}

fn overflow(what: &'static str) -> LedgerError {
    LedgerError::Overflow { what }
}

fn step64(add: bool, a: u64, b: u64, what: &'static str) -> Result<u64, LedgerError> {
    if add {
        a.checked_add(b)
    } else {
        a.checked_sub(b)
    }
    .ok_or_else(|| overflow(what))
}

fn step32(add: bool, a: u32, b: u32, what: &'static str) -> Result<u32, LedgerError> {
    if add {
        a.checked_add(b)
    } else {
        a.checked_sub(b)
    }
    .ok_or_else(|| overflow(what))
}

pub(crate) fn get_or_grow<T: Default + Clone>(v: &mut Vec<T>, i: u32) -> Option<&mut T> {
    let i = usize::try_from(i).ok()?;
    if v.len() <= i {
        v.resize(i.checked_add(1)?, T::default());
    }
    v.get_mut(i)
}

impl YearTotals {
    pub(crate) fn new(year: i32) -> YearTotals {
        YearTotals {
            year,
            prestatori: Vec::new(),
            utilizzatori: Vec::new(),
            pairs: FastMap::default(),
            external: FastMap::default(),
            periods: [[PeriodTot::default(); 12]; 2],
        }
    }

    pub(crate) fn prestatore(&self, i: u32) -> PTot {
        self.prestatore_slot(i)
            .map(|slot| slot.tot)
            .unwrap_or_default()
    }

    fn prestatore_slot(&self, i: u32) -> Option<&PSlot> {
        usize::try_from(i).ok().and_then(|i| self.prestatori.get(i))
    }

    pub(crate) fn utilizzatore(&self, i: u32) -> UTot {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.utilizzatori.get(i))
            .copied()
            .unwrap_or_default()
    }

    pub(crate) fn pair(&self, prestatore: u32, utilizzatore: u32) -> PairTot {
        self.locate_pair(prestatore, utilizzatore).0
    }

    /// A pair's totals and where they are: inline in the prestatore's slot, or (only if not
    /// there) in the map of spilled pairs.
    pub(crate) fn locate_pair(&self, prestatore: u32, utilizzatore: u32) -> (PairTot, PairAt) {
        if let Some(slot) = self.prestatore_slot(prestatore)
            && let Some(place) = slot.who.iter().position(|who| *who == Some(utilizzatore))
            && let Some(tot) = slot.pairs.get(place)
        {
            return (*tot, PairAt::Inline(place));
        }
        if !self.pairs.is_empty()
            && let Some(tot) = self.pairs.get(&pair_key(prestatore, utilizzatore))
        {
            return (*tot, PairAt::Spilled);
        }
        (PairTot::default(), PairAt::Absent)
    }

    /// What `d` changes, as it is now.
    pub(crate) fn read(&self, d: &Delta) -> Read {
        let (pair, pair_at) = self.locate_pair(d.prestatore, d.utilizzatore);
        Read {
            prestatore: self.prestatore(d.prestatore),
            utilizzatore: self.utilizzatore(d.utilizzatore),
            pair,
            pair_at,
        }
    }

    /// Every pair with totals: `(prestatore, utilizzatore, totals)`.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, u32, PairTot)> + '_ {
        let inline = (0u32..).zip(&self.prestatori).flat_map(|(p, slot)| {
            slot.who
                .iter()
                .zip(&slot.pairs)
                .filter_map(move |(who, tot)| who.map(|u| (p, u, *tot)))
        });
        let spilled = self.pairs.iter().map(|(key, tot)| {
            let p = u32::try_from(key >> 32).unwrap_or(u32::MAX);
            let u = u32::try_from(key & u64::from(u32::MAX)).unwrap_or(u32::MAX);
            (p, u, *tot)
        });
        inline.chain(spilled)
    }

    /// Writes a pair's new totals where [`YearTotals::locate_pair`] found it (nothing having
    /// moved since): zero totals free the place, a new pair takes a free inline place in its
    /// prestatore's slot or else goes to the map.
    fn write_pair(&mut self, prestatore: u32, utilizzatore: u32, at: PairAt, new: PairTot) {
        let key = pair_key(prestatore, utilizzatore);
        let zero = new == PairTot::default();
        let slot = usize::try_from(prestatore)
            .ok()
            .and_then(|i| self.prestatori.get_mut(i));
        match (at, slot) {
            (PairAt::Inline(place), Some(slot)) => {
                if let (Some(who), Some(held)) =
                    (slot.who.get_mut(place), slot.pairs.get_mut(place))
                {
                    *who = (!zero).then_some(utilizzatore);
                    *held = new;
                    return;
                }
            }
            (PairAt::Spilled, _) if zero => {
                self.pairs.remove(&key);
                return;
            }
            (PairAt::Absent, _) if zero => return,
            (PairAt::Absent, Some(slot)) => {
                if let Some((who, held)) = slot
                    .who
                    .iter_mut()
                    .zip(&mut slot.pairs)
                    .find(|(who, _)| who.is_none())
                {
                    *who = Some(utilizzatore);
                    *held = new;
                    return;
                }
            }
            _ => {}
        }
        self.pairs.insert(key, new);
    }

    pub(crate) fn external(&self, prestatore: u32) -> u64 {
        self.external.get(&prestatore).map_or(0, |e| e.cents)
    }

    pub(crate) fn period(&self, instrument: usize, month: usize) -> PeriodTot {
        self.periods
            .get(instrument)
            .and_then(|m| m.get(month))
            .copied()
            .unwrap_or_default()
    }

    /// Keeps the later of the reading held and `reading` (by `as_of`, then amount); returns
    /// whether `reading` replaced it.
    pub(crate) fn set_external(&mut self, prestatore: u32, reading: External) -> bool {
        match self.external.get(&prestatore) {
            Some(held) if *held >= reading => false,
            _ => {
                self.external.insert(prestatore, reading);
                true
            }
        }
    }

    /// Adds (`add`) or removes one entry. Every new value is computed before any is written, so
    /// an overflow leaves the totals unchanged (slots of zero totals may be created: they equal
    /// absent ones).
    pub(crate) fn change(&mut self, d: &Delta, add: bool) -> Result<(), LedgerError> {
        let read = self.read(d);
        self.change_read(d, add, &read)
    }

    /// [`YearTotals::change`] with the totals `read` for `d` beforehand (nothing having changed
    /// since): no map is looked up again.
    pub(crate) fn change_read(
        &mut self,
        d: &Delta,
        add: bool,
        read: &Read,
    ) -> Result<(), LedgerError> {
        let new_p = read.prestatore.step(d, add)?;
        let new_u = read.utilizzatore.step(d, add)?;
        let new_period = self.period(d.instrument, d.month).step(d, add)?;
        let new_pair = read.pair.step(d, add)?;
        // Lazy errors: an eager one is built and dropped on every call of the record path.
        #[allow(clippy::unnecessary_lazy_evaluations)]
        {
            get_or_grow(&mut self.prestatori, d.prestatore).ok_or_else(|| LedgerError::Full)?;
            get_or_grow(&mut self.utilizzatori, d.utilizzatore).ok_or_else(|| LedgerError::Full)?;
        }
        if let Some(slot) = get_or_grow(&mut self.prestatori, d.prestatore) {
            slot.tot = new_p;
        }
        if let Some(slot) = get_or_grow(&mut self.utilizzatori, d.utilizzatore) {
            *slot = new_u;
        }
        if let Some(slot) = self.period_mut(d.instrument, d.month) {
            *slot = new_period;
        }
        self.write_pair(d.prestatore, d.utilizzatore, read.pair_at, new_pair);
        Ok(())
    }

    pub(crate) fn period_mut(&mut self, instrument: usize, month: usize) -> Option<&mut PeriodTot> {
        self.periods
            .get_mut(instrument)
            .and_then(|m| m.get_mut(month))
    }
}

impl PTot {
    /// These totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<PTot, LedgerError> {
        Ok(PTot {
            all: step64(add, self.all, d.cents, "prestatore compensi")?,
            cap_a: if d.cap_a {
                step64(add, self.cap_a, d.cents, "cap a total")?
            } else {
                self.cap_a
            },
            count: step32(add, self.count, 1, "prestatore count")?,
        })
    }
}

impl UTot {
    /// These totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<UTot, LedgerError> {
        Ok(UTot {
            all: step64(add, self.all, d.cents, "utilizzatore compensi")?,
            nominal_b: if d.cap_b.is_some() {
                step64(add, self.nominal_b, d.cents, "cap b nominal total")?
            } else {
                self.nominal_b
            },
            weighted_b: match d.cap_b {
                Some(w) if add => self.weighted_b.checked_add(w),
                Some(w) => self.weighted_b.checked_sub(w),
                None => Some(self.weighted_b),
            }
            .ok_or_else(|| overflow("cap b weighted total"))?,
            count: step32(add, self.count, 1, "utilizzatore count")?,
        })
    }
}

impl PeriodTot {
    /// These totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<PeriodTot, LedgerError> {
        Ok(PeriodTot {
            all: step64(add, self.all, d.cents, "period compensi")?,
            minutes: step64(add, self.minutes, u64::from(d.minutes), "period minutes")?,
            count: step32(add, self.count, 1, "period count")?,
        })
    }
}

impl PairTot {
    /// A pair's totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<PairTot, LedgerError> {
        Ok(PairTot {
            all: step64(add, self.all, d.cents, "pair compensi")?,
            cap_c: if d.cap_c {
                step64(add, self.cap_c, d.cents, "cap c total")?
            } else {
                self.cap_c
            },
            steward: if d.steward {
                step64(add, self.steward, d.cents, "cap c-bis total")?
            } else {
                self.steward
            },
            minutes: step32(add, self.minutes, d.minutes, "pair minutes")?,
            counted_minutes: if d.hours {
                step32(add, self.counted_minutes, d.minutes, "pair counted minutes")?
            } else {
                self.counted_minutes
            },
            count: step32(add, self.count, 1, "pair count")?,
        })
    }
}

/// Cents as euro (every total the ledger keeps fits: it is a sum of [`Euro`] amounts).
pub(crate) fn euro(cents: u64) -> Euro {
    Euro::from_cents(cents)
}
