//! Entries counted into their year's totals: what an entry adds ([`Delta`]), the totals a
//! prestazione is judged against ([`Ledger::counted`]), and the one path by which an entry's
//! totals change ([`Ledger::count`], [`Ledger::change_totals`]).
//!
//! Every path looks each party up once: [`YearTotals::find`] gives where the parties are,
//! [`YearTotals::read`] the totals there, [`YearTotals::write`] stores the new ones at the same
//! places (creating a party the year does not hold yet), so that `record` judges and counts a
//! prestazione with one memory read per party.

use rust_decimal::Decimal;

use super::entries::{
    COUNTS_A, COUNTS_B, COUNTS_C, COUNTS_HOURS, COUNTS_STEWARD, Entry, LF, SPECIAL,
};
use super::error::{inconsistent, overflow};
use super::judge::{Counted, dec};
use super::parties::{Keyed, PartyKey};
use super::totals::Delta;
use super::year::{Read, Spot, YearTotals};
use super::{Assessment, Ledger, LedgerError};
use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{Prestazione, PrestazioneId};
use crate::rules::Rules;

/// A prestatore and an utilizzatore in their canonical forms (omocodes of one holder are one
/// party).
pub(super) type Parties = (CodiceFiscale, UtilizzatoreId);

/// The parties of `p`, canonical.
pub(super) fn parties_of(p: &Prestazione) -> Parties {
    (p.prestatore().canonical(), p.utilizzatore().canonical())
}

/// The keys of the parties of `p` (those of their canonical forms).
#[inline]
pub(super) fn keys_of(p: &Prestazione) -> (PartyKey, PartyKey) {
    (p.prestatore().party_key(), p.utilizzatore().party_key())
}

/// What `e` adds to the totals, counting `cap_b` (the weighted compenso) in cap b.
pub(super) fn delta_of(e: &Entry, cap_b: Option<Decimal>) -> Delta {
    Delta {
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

/// What `e` adds to the totals under `rules`, those of its day: cap b at their weight (c. 8).
pub(super) fn delta_under(e: &Entry, rules: &Rules) -> Result<Delta, LedgerError> {
    let cap_b = if e.has(COUNTS_B) {
        let nominal = dec(e.cents);
        Some(if e.has(SPECIAL) {
            nominal
                .checked_mul(rules.special_category_weight.value)
                .ok_or_else(|| overflow("weighted compenso"))?
        } else {
            nominal
        })
    } else {
        None
    };
    Ok(delta_of(e, cap_b))
}

/// What recording `entry` adds to the totals: cap b counts what its `assessment` requested
/// (the weighted compenso for c. 8).
pub(super) fn recorded_delta(entry: &Entry, assessment: &Assessment) -> Delta {
    delta_of(
        entry,
        assessment
            .cap_utilizzatore
            .as_ref()
            .map(|cap| cap.requested),
    )
}

impl Counted {
    /// The totals read at a spot, as the caps count them.
    pub(super) fn from_read(read: &Read) -> Counted {
        Counted {
            cap_a: read.cap_a,
            external: read.external,
            utilizzatore: read.utilizzatore,
            pair: read.pair,
        }
    }
}

impl Ledger {
    pub(super) fn year(&self, year: i32) -> Option<&YearTotals> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The totals of `year`, created empty when the ledger has none.
    pub(super) fn year_mut(&mut self, year: i32) -> Result<&mut YearTotals, LedgerError> {
        let at = match self.years.binary_search_by_key(&year, |y| y.year) {
            Ok(at) => at,
            Err(at) => {
                self.years.insert(at, YearTotals::new(year));
                at
            }
        };
        self.years.get_mut(at).ok_or_else(inconsistent)
    }

    /// Starts loading the totals of the parties with these keys in `year` (see
    /// [`YearTotals::preload`]).
    #[inline]
    pub(super) fn preload(&self, year: i32, keys: (PartyKey, PartyKey)) {
        if let Some(y) = self.year(year) {
            y.preload(keys.0, keys.1);
        }
    }

    /// The totals of `year` that a prestazione of the parties with these keys is judged
    /// against (zeros for parties the year does not hold).
    pub(super) fn counted(&self, year: i32, keys: (PartyKey, PartyKey)) -> Counted {
        self.year(year).map_or_else(Counted::default, |y| {
            Counted::from_read(&y.read(y.find(keys.0, keys.1)))
        })
    }

    /// The parties of an entry (its numbers in its year).
    pub(super) fn entry_parties(&self, e: &Entry) -> Result<Parties, LedgerError> {
        self.year(e.day.year())
            .ok_or_else(inconsistent)?
            .parties(e.prestatore, e.utilizzatore)
    }

    /// What `e` adds to the totals: cap b at the weight of the rules of its day.
    pub(super) fn delta(&self, e: &Entry) -> Result<Delta, LedgerError> {
        delta_under(e, self.table.in_force_on(e.day)?)
    }

    /// Adds (`add`) or takes away an entry held in the ledger (its parties are in its year).
    pub(super) fn change_totals(&mut self, e: &Entry, add: bool) -> Result<(), LedgerError> {
        let delta = self.delta(e)?;
        let year = self.year_mut(e.day.year())?;
        let parties = year.parties(e.prestatore, e.utilizzatore)?;
        let spot = year.find(parties.0.party_key(), parties.1.party_key());
        let read = year.read(spot);
        year.write(spot, &read, || parties, &delta, add)?;
        Ok(())
    }

    /// Pushes a new entry of the parties with `keys`, counting `delta` in its year unless it is
    /// revoked (a merged one), at `spot` when a batch's warm-up found its parties (checked again
    /// here): the entry gets the parties' numbers in its year, which creates them (from
    /// `parties`) if it has not got them.
    pub(super) fn count(
        &mut self,
        mut entry: Entry,
        keys: (PartyKey, PartyKey),
        parties: impl Fn() -> Parties,
        delta: Option<&Delta>,
        spot: Option<Spot>,
    ) -> Result<(), LedgerError> {
        if self.index.contains(&self.entries, entry.id) {
            return Err(LedgerError::DuplicateId {
                id: PrestazioneId(entry.id),
            });
        }
        let position = u32::try_from(self.entries.len()).map_err(|_| LedgerError::Full)?;
        let year = self.year_mut(entry.day.year())?;
        let spot = match spot {
            Some(spot) => year.refind(spot, keys.0, keys.1),
            None => year.find(keys.0, keys.1),
        };
        let numbers = match delta {
            Some(delta) => {
                let read = year.read(spot);
                year.write(spot, &read, parties, delta, true)?
            }
            None => year.enter(spot, parties)?,
        };
        (entry.prestatore, entry.utilizzatore) = numbers;
        self.index.note(&self.entries, entry.id, position);
        self.entries.push(entry);
        Ok(())
    }
}
