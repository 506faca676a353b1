//! One calendar year's totals (reading R-YEAR-OF-WORK: every total is per calendar year of the
//! day of the work), stored: the party tables of its prestatori and utilizzatori (a pair's
//! totals in its prestatore's slot), the pairs beyond a slot's places, the external totals and
//! the totals per instrument and month.
//!
//! A change is found first ([`YearTotals::find`]: where the parties are), then read
//! ([`YearTotals::read`]: the totals a prestazione is judged against), then written
//! ([`YearTotals::write`]: every new value computed before any is stored, so an overflow changes
//! nothing). A batch finds the places of all its prestazioni before it writes any, so that their
//! memory reads overlap.

use std::collections::BTreeMap;

use super::LedgerError;
use super::error::inconsistent;
use super::parties::{
    EXTERNAL, Keyed, Parties, PartyKey, Place, PrestatoreSlot, SPILLED, Slot, UtilizzatoreSlot,
};
use super::totals::{Delta, External, PTot, PairTot, PeriodTot, UTot, step64};
use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;

/// Where a prestazione's parties are in its year (or where they would go).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    pub(crate) prestatore: Place,
    pub(crate) utilizzatore: Place,
}

/// Where a pair's totals are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PairAt {
    /// In the prestatore's slot, at this place.
    Inline(usize),
    /// Among the pairs kept apart.
    Spilled,
    /// Nowhere yet (zero totals).
    Absent,
}

/// The totals a prestazione is judged against, and that recording it changes, as read at a
/// [`Spot`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Read {
    /// The prestatore's total toward cap a.
    pub(crate) cap_a: u64,
    /// The prestatore's external total (zero when none).
    pub(crate) external: u64,
    pub(crate) utilizzatore: UTot,
    pub(crate) pair: PairTot,
    pub(crate) pair_at: PairAt,
}

/// The totals of one calendar year.
#[derive(Debug, Clone)]
pub(crate) struct YearTotals {
    pub(crate) year: i32,
    pub(crate) prestatori: Parties<CodiceFiscale, PrestatoreSlot>,
    pub(crate) utilizzatori: Parties<UtilizzatoreId, UtilizzatoreSlot>,
    /// The pairs beyond their prestatore's inline places, by (prestatore, utilizzatore) number.
    spilled: BTreeMap<(u32, u32), PairTot>,
    /// External totals by prestatore number (the slot's [`EXTERNAL`] flag says which have one).
    external: BTreeMap<u32, External>,
    /// `[instrument][month - 1]`, instrument 0 = LF, 1 = CPO.
    periods: [[PeriodTot; 12]; 2],
}

impl YearTotals {
    pub(crate) fn new(year: i32) -> YearTotals {
        YearTotals {
            year,
            prestatori: Parties::default(),
            utilizzatori: Parties::default(),
            spilled: BTreeMap::new(),
            external: BTreeMap::new(),
            periods: [[PeriodTot::default(); 12]; 2],
        }
    }

    /// Where the parties with these keys are: one probe of each table.
    #[inline]
    pub(crate) fn find(&self, prestatore: PartyKey, utilizzatore: PartyKey) -> Spot {
        Spot {
            prestatore: self.prestatori.table().find(prestatore),
            utilizzatore: self.utilizzatori.table().find(utilizzatore),
        }
    }

    /// `spot` if it still holds these keys (a place found before other changes: a batch's
    /// warm-up), else where they are now.
    #[inline]
    pub(crate) fn refind(&self, spot: Spot, prestatore: PartyKey, utilizzatore: PartyKey) -> Spot {
        Spot {
            prestatore: self.prestatori.table().refind(spot.prestatore, prestatore),
            utilizzatore: self
                .utilizzatori
                .table()
                .refind(spot.utilizzatore, utilizzatore),
        }
    }

    /// Reads the cache lines of the parties at `spot` (a batch's warm-up), cheaply: one word of
    /// each line; returns them only so that the reads are not optimised away.
    #[inline]
    pub(crate) fn touch(&self, spot: Spot) -> u64 {
        let p = self
            .prestatore_slot(spot.prestatore)
            .map_or(0, PrestatoreSlot::touch);
        let u = self
            .utilizzatore_slot(spot.utilizzatore)
            .map_or(0, |u| u64::from(u.number()));
        p ^ u
    }

    /// Starts loading the home slots of these keys (one word of each cache line the probes
    /// read first) without waiting for them: called before work that does not need the
    /// totals, so that the loads overlap that work and each other.
    #[inline]
    pub(crate) fn preload(&self, prestatore: PartyKey, utilizzatore: PartyKey) {
        let p = self
            .prestatori
            .table()
            .home_slot(prestatore)
            .map_or(0, PrestatoreSlot::touch);
        let u = self
            .utilizzatori
            .table()
            .home_slot(utilizzatore)
            .map_or(0, |u| u64::from(u.number()));
        std::hint::black_box(p ^ u);
    }

    /// The parties with these numbers (an entry recorded in this year).
    pub(crate) fn parties(
        &self,
        prestatore: u32,
        utilizzatore: u32,
    ) -> Result<(CodiceFiscale, UtilizzatoreId), LedgerError> {
        Ok((
            self.prestatori.key(prestatore)?,
            self.utilizzatori.key(utilizzatore)?,
        ))
    }

    fn prestatore_slot(&self, place: Place) -> Option<&PrestatoreSlot> {
        match place {
            Place::Found(at) => self.prestatori.table().get(at),
            Place::Vacant(_) => None,
        }
    }

    fn utilizzatore_slot(&self, place: Place) -> Option<&UtilizzatoreSlot> {
        match place {
            Place::Found(at) => self.utilizzatori.table().get(at),
            Place::Vacant(_) => None,
        }
    }

    /// The totals at `spot` (zeros for parties the year does not hold).
    #[inline]
    pub(crate) fn read(&self, spot: Spot) -> Read {
        let p = self.prestatore_slot(spot.prestatore);
        let u = self.utilizzatore_slot(spot.utilizzatore);
        let (pair, pair_at) = match (p, u) {
            (Some(p), Some(u)) => self.locate_pair(p, u.number()),
            _ => (PairTot::default(), PairAt::Absent),
        };
        Read {
            cap_a: p.map_or(0, PrestatoreSlot::cap_a),
            external: p.map_or(0, |p| self.external_of(p)),
            utilizzatore: u.map_or_else(UTot::default, UtilizzatoreSlot::tot),
            pair,
            pair_at,
        }
    }

    fn external_of(&self, p: &PrestatoreSlot) -> u64 {
        if !p.has(EXTERNAL) {
            return 0;
        }
        self.external.get(&p.number()).map_or(0, |e| e.cents)
    }

    /// A pair's totals and where they are: inline in the prestatore's slot, or (only if not
    /// there) among the pairs kept apart.
    #[inline]
    fn locate_pair(&self, p: &PrestatoreSlot, utilizzatore: u32) -> (PairTot, PairAt) {
        if let Some(place) = p.place_of(utilizzatore) {
            return (p.pair(place), PairAt::Inline(place));
        }
        if p.has(SPILLED)
            && let Some(tot) = self.spilled.get(&(p.number(), utilizzatore))
        {
            return (*tot, PairAt::Spilled);
        }
        (PairTot::default(), PairAt::Absent)
    }

    /// Adds (`add`) or removes the change `d` at `spot`, whose totals are `read` (nothing having
    /// changed since), creating the parties the year does not hold yet (`parties`, their codes).
    /// Every new value is computed before any is written, so an overflow changes nothing.
    /// Returns the parties' numbers.
    pub(crate) fn write(
        &mut self,
        spot: Spot,
        read: &Read,
        parties: impl Fn() -> (CodiceFiscale, UtilizzatoreId),
        d: &Delta,
        add: bool,
    ) -> Result<(u32, u32), LedgerError> {
        let cap_a = if d.cap_a {
            step64(add, read.cap_a, d.cents, "cap a total")?
        } else {
            read.cap_a
        };
        let utilizzatore = read.utilizzatore.step(d, add)?;
        let pair = read.pair.step(d, add)?;
        let period = self.period(d.instrument, d.month).step(d, add)?;
        let p_at = match spot.prestatore {
            Place::Found(at) => at,
            Place::Vacant(at) => self.prestatori.add(parties().0, at)?,
        };
        let u_at = match spot.utilizzatore {
            Place::Found(at) => at,
            Place::Vacant(at) => self.utilizzatori.add(parties().1, at)?,
        };
        let u_slot = self
            .utilizzatori
            .table_mut()
            .get_mut(u_at)
            .ok_or_else(inconsistent)?;
        u_slot.set_tot(&utilizzatore);
        let u_number = u_slot.number();
        let p_slot = self
            .prestatori
            .table_mut()
            .get_mut(p_at)
            .ok_or_else(inconsistent)?;
        p_slot.set_cap_a(cap_a);
        let p_number = p_slot.number();
        self.write_pair(p_at, u_number, read.pair_at, &pair);
        if let Some(slot) = self.period_mut(d.instrument, d.month) {
            *slot = period;
        }
        Ok((p_number, u_number))
    }

    /// The numbers of the parties at `spot`, adding those the year does not hold yet with zero
    /// totals (a revoked entry merged in: it counts in no total, but names its parties).
    pub(crate) fn enter(
        &mut self,
        spot: Spot,
        parties: impl Fn() -> (CodiceFiscale, UtilizzatoreId),
    ) -> Result<(u32, u32), LedgerError> {
        let p_at = match spot.prestatore {
            Place::Found(at) => at,
            Place::Vacant(at) => self.prestatori.add(parties().0, at)?,
        };
        let u_at = match spot.utilizzatore {
            Place::Found(at) => at,
            Place::Vacant(at) => self.utilizzatori.add(parties().1, at)?,
        };
        let number = |slot: Option<u32>| slot.ok_or_else(inconsistent);
        Ok((
            number(self.prestatori.table().get(p_at).map(Slot::number))?,
            number(self.utilizzatori.table().get(u_at).map(Slot::number))?,
        ))
    }

    /// Writes a pair's new totals where [`YearTotals::read`] found them (nothing having moved
    /// since): zero totals free the place; a pair that appears for the first time in the year
    /// takes a free inline place in its prestatore's slot, or else goes among those kept apart.
    fn write_pair(&mut self, p_at: usize, utilizzatore: u32, at: PairAt, new: &PairTot) {
        let zero = *new == PairTot::default();
        let Some(slot) = self.prestatori.table_mut().get_mut(p_at) else {
            return;
        };
        let prestatore = slot.number();
        match at {
            PairAt::Inline(place) => slot.set_pair(place, utilizzatore, new),
            PairAt::Spilled if zero => {
                self.spilled.remove(&(prestatore, utilizzatore));
                let more = self
                    .spilled
                    .range((prestatore, 0)..=(prestatore, u32::MAX))
                    .next()
                    .is_some();
                slot.set(SPILLED, more);
            }
            PairAt::Spilled => {
                self.spilled.insert((prestatore, utilizzatore), *new);
            }
            PairAt::Absent if zero => {}
            // The pair appears for the first time in the year.
            PairAt::Absent => {
                if let Some(place) = slot.free_place() {
                    slot.set_pair(place, utilizzatore, new);
                } else {
                    slot.set(SPILLED, true);
                    self.spilled.insert((prestatore, utilizzatore), *new);
                }
            }
        }
    }

    /// A prestatore's totals (zeros when the year does not hold it): cap a as counted, the
    /// compensi and the count as the sums of its pairs'.
    pub(crate) fn prestatore(&self, key: PartyKey) -> (PTot, u64) {
        let Some(slot) = self.prestatore_slot(self.prestatori.table().find(key)) else {
            return (PTot::default(), 0);
        };
        let mut tot = PTot {
            all: 0,
            cap_a: slot.cap_a(),
            count: 0,
        };
        for (_, pair) in self.pairs_of(slot) {
            tot.all = tot.all.saturating_add(pair.all);
            tot.count = tot.count.saturating_add(pair.count);
        }
        (tot, self.external_of(slot))
    }

    /// An utilizzatore's totals (zeros when the year does not hold it).
    pub(crate) fn utilizzatore(&self, key: PartyKey) -> UTot {
        self.utilizzatore_slot(self.utilizzatori.table().find(key))
            .map_or_else(UTot::default, UtilizzatoreSlot::tot)
    }

    /// An utilizzatore's number in the year (`None` when the year does not hold it).
    pub(crate) fn utilizzatore_number(&self, key: PartyKey) -> Option<u32> {
        self.utilizzatore_slot(self.utilizzatori.table().find(key))
            .map(Slot::number)
    }

    /// A pair's totals (zeros when the year does not hold it).
    pub(crate) fn pair(&self, prestatore: PartyKey, utilizzatore: PartyKey) -> PairTot {
        self.read(self.find(prestatore, utilizzatore)).pair
    }

    /// A prestatore's pairs, inline and kept apart: `(utilizzatore number, totals)`.
    fn pairs_of<'a>(
        &'a self,
        slot: &'a PrestatoreSlot,
    ) -> impl Iterator<Item = (u32, PairTot)> + 'a {
        let number = slot.number();
        let spilled = slot
            .has(SPILLED)
            .then(|| self.spilled.range((number, 0)..=(number, u32::MAX)))
            .into_iter()
            .flatten()
            .map(|((_, u), tot)| (*u, *tot));
        slot.pairs().chain(spilled)
    }

    /// Every prestatore with its totals (derived as [`YearTotals::prestatore`] does).
    pub(crate) fn prestatori(&self) -> impl Iterator<Item = (CodiceFiscale, PTot)> + '_ {
        self.prestatori
            .iter()
            .map(|(cf, _)| (cf, self.prestatore(cf.party_key()).0))
    }

    /// Every utilizzatore with its totals.
    pub(crate) fn utilizzatori(&self) -> impl Iterator<Item = (UtilizzatoreId, UTot)> + '_ {
        self.utilizzatori.iter().map(|(u, slot)| (u, slot.tot()))
    }

    /// Every pair with totals: `(prestatore, utilizzatore, totals)`.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, u32, PairTot)> + '_ {
        self.prestatori.table().iter().flat_map(move |slot| {
            let p = slot.number();
            self.pairs_of(slot).map(move |(u, tot)| (p, u, tot))
        })
    }

    /// The external readings: `(prestatore number, reading)`.
    pub(crate) fn externals(&self) -> impl Iterator<Item = (u32, External)> + '_ {
        self.external.iter().map(|(p, r)| (*p, *r))
    }

    /// The external reading of a prestatore.
    pub(crate) fn external(&self, prestatore: CodiceFiscale) -> Option<External> {
        let slot = self.prestatore_slot(self.prestatori.table().find(prestatore.party_key()))?;
        self.external.get(&slot.number()).copied()
    }

    /// Keeps the later of the reading held and `reading` (by `as_of`, then amount); returns
    /// whether `reading` replaced it.
    pub(crate) fn set_external(
        &mut self,
        prestatore: CodiceFiscale,
        reading: External,
    ) -> Result<bool, LedgerError> {
        if self
            .external(prestatore)
            .is_some_and(|held| held >= reading)
        {
            return Ok(false);
        }
        self.put_external(prestatore, Some(reading))?;
        Ok(true)
    }

    /// Puts back a reading as it was (`None`: no reading), whatever the one held (an undone
    /// change).
    pub(crate) fn put_external(
        &mut self,
        prestatore: CodiceFiscale,
        reading: Option<External>,
    ) -> Result<(), LedgerError> {
        let at = match self.prestatori.table().find(prestatore.party_key()) {
            Place::Found(at) => at,
            Place::Vacant(_) if reading.is_none() => return Ok(()),
            Place::Vacant(at) => self.prestatori.add(prestatore, at)?,
        };
        let slot = self
            .prestatori
            .table_mut()
            .get_mut(at)
            .ok_or_else(inconsistent)?;
        slot.set(EXTERNAL, reading.is_some());
        let number = slot.number();
        match reading {
            Some(r) => self.external.insert(number, r),
            None => self.external.remove(&number),
        };
        Ok(())
    }

    pub(crate) fn period(&self, instrument: usize, month: usize) -> PeriodTot {
        self.periods
            .get(instrument)
            .and_then(|m| m.get(month))
            .copied()
            .unwrap_or_default()
    }

    fn period_mut(&mut self, instrument: usize, month: usize) -> Option<&mut PeriodTot> {
        self.periods
            .get_mut(instrument)
            .and_then(|m| m.get_mut(month))
    }

    /// Whether any instrument and month has totals.
    pub(crate) fn periods(&self) -> Option<[[PeriodTot; 12]; 2]> {
        (self.periods != [[PeriodTot::default(); 12]; 2]).then_some(self.periods)
    }

    /// How many pairs are kept apart.
    #[cfg(test)]
    pub(crate) fn spilled_len(&self) -> usize {
        self.spilled.len()
    }

    /// How many parties the year holds: `(prestatori, utilizzatori)`.
    pub(crate) fn party_counts(&self) -> (usize, usize) {
        (self.prestatori.len(), self.utilizzatori.len())
    }

    /// Forgets the parties numbered from `prestatori` and `utilizzatori` on (an undone batch or
    /// merge, whose totals are already undone).
    pub(crate) fn truncate(&mut self, (prestatori, utilizzatori): (usize, usize)) {
        self.prestatori.truncate(prestatori);
        self.utilizzatori.truncate(utilizzatori);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delta(cents: u64) -> Delta {
        Delta {
            cents,
            minutes: 60,
            cap_a: true,
            cap_b: Some(rust_decimal::Decimal::new(i64::try_from(cents).unwrap(), 2)),
            cap_c: true,
            steward: false,
            hours: true,
            instrument: 1,
            month: 2,
        }
    }

    fn firm(n: u8) -> UtilizzatoreId {
        let digits = [0, 0, 0, 0, 0, 0, n, 0, 0, 1];
        let check = crate::PartitaIva::check_digit(&digits).unwrap();
        let text: String = digits.iter().chain([&check]).map(u8::to_string).collect();
        text.parse().unwrap()
    }

    /// Five pairs of one prestatore: three inline, two kept apart; the prestatore's totals are
    /// their sums; removing one frees its place, and everything comes back to zero.
    #[test]
    fn pairs_beyond_the_slot_are_kept_apart_and_summed() {
        let cf: CodiceFiscale = "RSSMRA85T10A562S".parse().unwrap();
        let mut year = YearTotals::new(2026);
        let change = |year: &mut YearTotals, u: u8, cents: u64, add: bool| {
            let spot = year.find(cf.party_key(), firm(u).party_key());
            let read = year.read(spot);
            year.write(spot, &read, || (cf, firm(u)), &delta(cents), add)
                .unwrap()
        };
        for (u, cents) in [(1, 100), (2, 200), (3, 300), (4, 400), (5, 500), (1, 1)] {
            change(&mut year, u, cents, true);
        }
        assert_eq!(year.spilled.len(), 2);
        let (p, _) = year.prestatore(cf.party_key());
        assert_eq!((p.all, p.cap_a, p.count), (1_501, 1_501, 6));
        assert_eq!(year.pair(cf.party_key(), firm(4).party_key()).all, 400);
        assert_eq!(year.pairs().count(), 5);
        change(&mut year, 2, 200, false);
        assert_eq!(year.pairs().count(), 4);
        for (u, cents) in [(1, 100), (3, 300), (4, 400), (5, 500), (1, 1)] {
            change(&mut year, u, cents, false);
        }
        assert_eq!(year.pairs().count(), 0);
        assert!(year.spilled.is_empty());
        assert_eq!(year.prestatore(cf.party_key()).0, PTot::default());
        assert_eq!(year.periods(), None);
    }
}
