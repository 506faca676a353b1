//! Party tables: where each prestatore's and each utilizzatore's totals of one calendar year
//! are, found with one memory read.
//!
//! A table is an open-addressing hash table with linear probing, keyed by the party's code
//! packed into 16 bytes ([`PartyKey`]). Each slot holds the key beside the party's totals: one
//! cache line for an utilizzatore ([`UtilizzatoreSlot`], 64 bytes), two adjacent ones for a
//! prestatore ([`PrestatoreSlot`], 128 bytes: the key, cap a, the utilizzatori of its first
//! pairs and their hours in the first line, the pairs' money in the second, both at addresses
//! known from the hash alone, so they load together). The probe that checks the key brings the
//! totals with it: one dependent memory miss per party, where a map from code to number followed
//! by a vector of totals takes two or three.
//!
//! Nothing here knows the law: the slots store the figures that `totals` counts, and `totals`
//! says what each one means. Each party also gets a number, dense from 0 in the order it first
//! appears in the year: the ledger's entries name their parties by it (4 bytes instead of 16),
//! and [`Parties::key`] turns it back into the code.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use rust_decimal::Decimal;

use super::LedgerError;
use super::error::{full, inconsistent};
use super::totals::{PairTot, UTot};
use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;

/// A party's code as one 16-byte number: the ASCII of a codice fiscale (a provisional code's
/// last five bytes zero), or the 11 digits of a partita IVA with byte 15 set to 1, which no
/// codice fiscale holds. Two parties have the same key only if they have the same code; no key
/// is zero, which marks a vacant slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub(crate) struct PartyKey(u128);

/// A party code the tables are keyed by: the key of its canonical form, so that the omocodes of
/// one holder are one party.
pub(crate) trait Keyed: Copy {
    fn party_key(&self) -> PartyKey;
}

/// Bit 0x40 of the bytes at the omocode positions of a codice fiscale (6, 7, 9, 10, 12, 13, 14):
/// set in a letter (an omocode), clear in a digit and in the zero bytes of a provisional code.
const OMOCODE_LETTERS: u128 = {
    let positions = [6u32, 7, 9, 10, 12, 13, 14];
    let mut mask = 0u128;
    let mut i = 0;
    while i < positions.len() {
        mask |= 0x40 << (8 * positions[i]);
        i += 1;
    }
    mask
};

impl Keyed for CodiceFiscale {
    #[inline]
    fn party_key(&self) -> PartyKey {
        let packed = self.packed();
        if packed & OMOCODE_LETTERS == 0 {
            // Digits in every omocode position: the code is its canonical form.
            PartyKey(packed)
        } else {
            PartyKey(self.canonical().packed())
        }
    }
}

impl Keyed for UtilizzatoreId {
    #[inline]
    fn party_key(&self) -> PartyKey {
        match self {
            UtilizzatoreId::CodiceFiscale(cf) => cf.party_key(),
            UtilizzatoreId::PartitaIva(piva) => PartyKey(piva.packed()),
        }
    }
}

/// The tables' hash seed: fixed, so that a ledger is laid out alike in every run. The keys are
/// validated codes, not attacker-chosen strings; a host that fears hash flooding can shard its
/// ledgers.
const SEED: u64 = 0x5eed_1ed9_e4a1_2026;

fn hash(key: PartyKey) -> u64 {
    FixedState::with_seed(SEED).hash_one(key.0)
}

/// The slot a hash starts probing at: the hash scaled to the capacity (a multiply and a shift,
/// so the capacity need not be a power of two and a reservation takes only what it needs).
fn home(hash: u64, capacity: usize) -> usize {
    let scaled = (u128::from(hash) * capacity as u128) >> 64;
    usize::try_from(scaled).unwrap_or(0)
}

/// The slot after `at`, wrapping round.
fn next(at: usize, capacity: usize) -> usize {
    match at.checked_add(1) {
        Some(n) if n < capacity => n,
        _ => 0,
    }
}

/// How many parties a table of `capacity` slots holds before it grows: five eighths. Linear
/// probing then finds about seven keys in ten in their home slot, the one that
/// `YearTotals::preload` starts loading, and more than four in five in it or the next.
fn max_len(capacity: usize) -> usize {
    capacity / 8 * 5 + capacity % 8 * 5 / 8
}

/// The capacity that holds `len` parties.
fn capacity_for(len: usize) -> Option<usize> {
    len.checked_mul(8).map(|n| (n / 5).saturating_add(1).max(8))
}

/// A slot of a party table: a key (zero when vacant), the party's number, and totals.
pub(crate) trait Slot: Copy {
    /// A vacant slot.
    const VACANT: Self;
    /// A new party's slot, with zero totals.
    fn claimed(key: PartyKey, number: u32) -> Self;
    fn key(&self) -> PartyKey;
    fn number(&self) -> u32;
    fn is_vacant(&self) -> bool {
        self.key() == PartyKey::default()
    }
}

/// Where [`Table::find`] found a key, or the vacant slot where it would go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Found(usize),
    /// Vacant at this slot (the table's capacity when the table has no slot yet).
    Vacant(usize),
}

/// Open addressing with linear probing; slots move only when the table grows or a key is
/// removed (an undone batch), so a place found stays valid while keys are only added and the
/// capacity does not change.
#[derive(Debug, Clone)]
pub(crate) struct Table<S> {
    slots: Vec<S>,
    len: usize,
}

impl<S> Default for Table<S> {
    fn default() -> Self {
        Table {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<S: Slot> Table<S> {
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// How many slots the table has.
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Where `key` is, or where it would go.
    #[inline]
    pub(crate) fn find(&self, key: PartyKey) -> Place {
        let capacity = self.slots.len();
        let mut at = home(hash(key), capacity);
        for _ in 0..capacity {
            match self.slots.get(at) {
                Some(slot) if slot.key() == key => return Place::Found(at),
                Some(slot) if slot.is_vacant() => return Place::Vacant(at),
                Some(_) => at = next(at, capacity),
                None => break,
            }
        }
        Place::Vacant(capacity)
    }

    /// `place` if it still holds `key` (a place found before other changes), else where `key`
    /// is now.
    #[inline]
    pub(crate) fn refind(&self, place: Place, key: PartyKey) -> Place {
        match place {
            Place::Found(at) if self.slots.get(at).is_some_and(|s| s.key() == key) => place,
            _ => self.find(key),
        }
    }

    /// The slot where the probe for `key` starts (vacant or not): read early, it starts the
    /// memory load that [`Table::find`] then waits for less.
    #[inline]
    pub(crate) fn home_slot(&self, key: PartyKey) -> Option<&S> {
        self.slots.get(home(hash(key), self.slots.len()))
    }

    pub(crate) fn get(&self, at: usize) -> Option<&S> {
        self.slots.get(at).filter(|s| !s.is_vacant())
    }

    pub(crate) fn get_mut(&mut self, at: usize) -> Option<&mut S> {
        self.slots.get_mut(at).filter(|s| !s.is_vacant())
    }

    /// Puts `slot` at `vacant`, where [`Table::find`] placed its key (nothing added since);
    /// grows the table first when it is full to its load, and returns where the slot went.
    pub(crate) fn insert(&mut self, vacant: usize, slot: S) -> Result<usize, LedgerError> {
        let len = self.len.checked_add(1).ok_or_else(full)?;
        let mut at = vacant;
        if len > max_len(self.slots.len()) {
            // Grown to half full (a quarter more slots each time): the table stays small
            // enough to be cached where the old layout was, at the price of rehashing a
            // little more often.
            let capacity = capacity_for(len)
                .ok_or_else(full)?
                .max(len.saturating_mul(2));
            self.rehash(capacity)?;
            at = match self.find(slot.key()) {
                Place::Vacant(at) => at,
                Place::Found(_) => return Err(LedgerError::Inconsistent),
            };
        }
        let place = self.slots.get_mut(at).ok_or_else(inconsistent)?;
        if !place.is_vacant() {
            return Err(LedgerError::Inconsistent);
        }
        *place = slot;
        self.len = len;
        Ok(at)
    }

    /// Room for `additional` more keys without growing. Only a hint: one the allocator refuses
    /// is skipped.
    pub(crate) fn reserve(&mut self, additional: usize) {
        let len = self.len.saturating_add(additional);
        if len > max_len(self.slots.len())
            && let Some(capacity) = capacity_for(len)
        {
            let _ = self.rehash(capacity);
        }
    }

    /// Moves every key into a table of `capacity` slots.
    fn rehash(&mut self, capacity: usize) -> Result<(), LedgerError> {
        let mut slots = Vec::new();
        slots
            .try_reserve_exact(capacity)
            .map_err(|_| LedgerError::Full)?;
        slots.resize(capacity, S::VACANT);
        let old = std::mem::replace(&mut self.slots, slots);
        for slot in old.into_iter().filter(|s| !s.is_vacant()) {
            if let Place::Vacant(at) = self.find(slot.key())
                && let Some(place) = self.slots.get_mut(at)
            {
                *place = slot;
            }
        }
        Ok(())
    }

    /// Removes `key` (an undone batch or merge), shifting back the keys after it that probed
    /// past its slot, so that every key stays reachable from its home.
    pub(crate) fn remove(&mut self, key: PartyKey) {
        let Place::Found(mut hole) = self.find(key) else {
            return;
        };
        let capacity = self.slots.len();
        if let Some(slot) = self.slots.get_mut(hole) {
            *slot = S::VACANT;
        }
        self.len = self.len.saturating_sub(1);
        let mut at = next(hole, capacity);
        for _ in 0..capacity {
            let Some(slot) = self.slots.get(at).copied() else {
                break;
            };
            if slot.is_vacant() {
                break;
            }
            let start = home(hash(slot.key()), capacity);
            // The slot stays unless its home is cyclically outside (hole, at].
            let stays = if hole <= at {
                hole < start && start <= at
            } else {
                hole < start || start <= at
            };
            if !stays {
                if let Some(h) = self.slots.get_mut(hole) {
                    *h = slot;
                }
                if let Some(a) = self.slots.get_mut(at) {
                    *a = S::VACANT;
                }
                hole = at;
            }
            at = next(at, capacity);
        }
    }

    /// Every occupied slot, in table order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &S> + '_ {
        self.slots.iter().filter(|s| !s.is_vacant())
    }
}

/// One calendar year's parties of one kind: their codes by number, and the table of their
/// slots by code.
#[derive(Debug, Clone)]
pub(crate) struct Parties<K, S> {
    keys: Vec<K>,
    table: Table<S>,
}

impl<K, S> Default for Parties<K, S> {
    fn default() -> Self {
        Parties {
            keys: Vec::new(),
            table: Table::default(),
        }
    }
}

impl<K: Keyed, S: Slot> Parties<K, S> {
    /// How many parties the year holds.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The table (to find a key and read or write a slot).
    pub(crate) fn table(&self) -> &Table<S> {
        &self.table
    }

    pub(crate) fn table_mut(&mut self) -> &mut Table<S> {
        &mut self.table
    }

    /// Adds `party`, whose key [`Table::find`] placed at `vacant` (nothing added since): it gets
    /// the next number and a slot of zero totals. Returns where the slot went.
    pub(crate) fn add(&mut self, party: K, vacant: usize) -> Result<usize, LedgerError> {
        // u32::MAX is never a number: it marks a free place in a slot.
        let number = u32::try_from(self.keys.len())
            .ok()
            .filter(|n| *n < u32::MAX)
            .ok_or_else(full)?;
        self.keys.try_reserve(1).map_err(|_| LedgerError::Full)?;
        let at = self
            .table
            .insert(vacant, S::claimed(party.party_key(), number))?;
        self.keys.push(party);
        Ok(at)
    }

    /// The code of the party with `number`.
    pub(crate) fn key(&self, number: u32) -> Result<K, LedgerError> {
        usize::try_from(number)
            .ok()
            .and_then(|i| self.keys.get(i))
            .copied()
            .ok_or_else(inconsistent)
    }

    /// The slot of the party with `number`.
    #[cfg(test)]
    pub(crate) fn position(&self, number: u32) -> Result<usize, LedgerError> {
        match self.table.find(self.key(number)?.party_key()) {
            Place::Found(at) => Ok(at),
            Place::Vacant(_) => Err(LedgerError::Inconsistent),
        }
    }

    /// Forgets the parties numbered `len` and above (an undone batch or merge).
    pub(crate) fn truncate(&mut self, len: usize) {
        for party in self.keys.drain(len.min(self.keys.len())..) {
            self.table.remove(party.party_key());
        }
    }

    /// Room for `additional` more parties. Only a hint.
    pub(crate) fn reserve(&mut self, additional: usize) {
        let _ = self.keys.try_reserve(additional);
        self.table.reserve(additional);
    }

    /// Every party with its slot, in table order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (K, &S)> + '_ {
        self.table
            .iter()
            .filter_map(|s| Some((self.key(s.number()).ok()?, s)))
    }
}

/// How many pairs a prestatore's slot holds (most prestatori work for one to three utilizzatori
/// in a year); further pairs are kept apart (`totals::YearTotals`).
pub(crate) const INLINE_PAIRS: usize = 3;

/// A free place for a pair in a prestatore's slot (no utilizzatore has this number).
const FREE: u32 = u32::MAX;

/// The slot has a pair kept outside it (more than [`INLINE_PAIRS`]).
pub(crate) const SPILLED: u32 = 1;
/// The prestatore has an external total in the year.
pub(crate) const EXTERNAL: u32 = 1 << 1;

/// A prestatore's year in two cache lines. The first holds what a probe compares and what the
/// caps read first: the key, the number, cap a, the utilizzatori of the inline pairs, their
/// counts and counted minutes. The second holds the pairs' money and minutes. A prestatore's
/// total compensi and count are the sums of its pairs' (every compenso counts in exactly one of
/// cap c and c-bis), so they take no room here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
pub(crate) struct PrestatoreSlot {
    key: PartyKey,
    number: u32,
    /// The utilizzatore of each inline place; [`FREE`] marks a free place.
    who: [u32; INLINE_PAIRS],
    cap_a: u64,
    count: [u32; INLINE_PAIRS],
    counted_minutes: [u32; INLINE_PAIRS],
    // The second cache line.
    cap_c: [u64; INLINE_PAIRS],
    steward: [u64; INLINE_PAIRS],
    minutes: [u32; INLINE_PAIRS],
    flags: u32,
}

impl Slot for PrestatoreSlot {
    const VACANT: Self = PrestatoreSlot {
        key: PartyKey(0),
        number: 0,
        who: [FREE; INLINE_PAIRS],
        cap_a: 0,
        count: [0; INLINE_PAIRS],
        counted_minutes: [0; INLINE_PAIRS],
        cap_c: [0; INLINE_PAIRS],
        steward: [0; INLINE_PAIRS],
        minutes: [0; INLINE_PAIRS],
        flags: 0,
    };

    fn claimed(key: PartyKey, number: u32) -> Self {
        PrestatoreSlot {
            key,
            number,
            ..Self::VACANT
        }
    }

    #[inline]
    fn key(&self) -> PartyKey {
        self.key
    }

    fn number(&self) -> u32 {
        self.number
    }
}

impl PrestatoreSlot {
    pub(crate) fn cap_a(&self) -> u64 {
        self.cap_a
    }

    pub(crate) fn set_cap_a(&mut self, cents: u64) {
        self.cap_a = cents;
    }

    /// One word of each of the slot's two cache lines (a warm-up reads them).
    pub(crate) fn touch(&self) -> u64 {
        self.cap_a ^ self.cap_c[0]
    }

    pub(crate) fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    pub(crate) fn set(&mut self, flag: u32, on: bool) {
        if on {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }

    /// The inline place of the pair with `utilizzatore`.
    #[inline]
    pub(crate) fn place_of(&self, utilizzatore: u32) -> Option<usize> {
        self.who.iter().position(|who| *who == utilizzatore)
    }

    /// A free inline place.
    pub(crate) fn free_place(&self) -> Option<usize> {
        self.who.iter().position(|who| *who == FREE)
    }

    /// The totals of the pair at `place` (zero for a free or unknown place).
    #[inline]
    pub(crate) fn pair(&self, place: usize) -> PairTot {
        let field = |v: &[u32; INLINE_PAIRS]| v.get(place).copied().unwrap_or(0);
        let cap_c = self.cap_c.get(place).copied().unwrap_or(0);
        let steward = self.steward.get(place).copied().unwrap_or(0);
        PairTot {
            all: cap_c.saturating_add(steward),
            cap_c,
            steward,
            minutes: field(&self.minutes),
            counted_minutes: field(&self.counted_minutes),
            count: field(&self.count),
        }
    }

    /// Writes the pair of `utilizzatore` at `place`; zero totals free the place.
    pub(crate) fn set_pair(&mut self, place: usize, utilizzatore: u32, tot: &PairTot) {
        let zero = *tot == PairTot::default();
        let fields = (
            self.who.get_mut(place),
            self.cap_c.get_mut(place),
            self.steward.get_mut(place),
            self.minutes.get_mut(place),
            self.counted_minutes.get_mut(place),
            self.count.get_mut(place),
        );
        if let (Some(who), Some(cap_c), Some(steward), Some(minutes), Some(counted), Some(count)) =
            fields
        {
            *who = if zero { FREE } else { utilizzatore };
            *cap_c = tot.cap_c;
            *steward = tot.steward;
            *minutes = tot.minutes;
            *counted = tot.counted_minutes;
            *count = tot.count;
        }
    }

    /// The inline pairs: `(utilizzatore, totals)`.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, PairTot)> + '_ {
        (0..INLINE_PAIRS).filter_map(|place| {
            let who = self.who.get(place).copied().unwrap_or(FREE);
            (who != FREE).then(|| (who, self.pair(place)))
        })
    }
}

/// An utilizzatore's year in one cache line: the key, the number and the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
pub(crate) struct UtilizzatoreSlot {
    key: PartyKey,
    number: u32,
    count: u32,
    all: u64,
    nominal_b: u64,
    weighted_b: Decimal,
}

impl Slot for UtilizzatoreSlot {
    const VACANT: Self = UtilizzatoreSlot {
        key: PartyKey(0),
        number: 0,
        count: 0,
        all: 0,
        nominal_b: 0,
        weighted_b: Decimal::ZERO,
    };

    fn claimed(key: PartyKey, number: u32) -> Self {
        UtilizzatoreSlot {
            key,
            number,
            ..Self::VACANT
        }
    }

    #[inline]
    fn key(&self) -> PartyKey {
        self.key
    }

    fn number(&self) -> u32 {
        self.number
    }
}

impl UtilizzatoreSlot {
    #[inline]
    pub(crate) fn tot(&self) -> UTot {
        UTot {
            all: self.all,
            nominal_b: self.nominal_b,
            weighted_b: self.weighted_b,
            count: self.count,
        }
    }

    pub(crate) fn set_tot(&mut self, tot: &UTot) {
        self.all = tot.all;
        self.nominal_b = tot.nominal_b;
        self.weighted_b = tot.weighted_b;
        self.count = tot.count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cf(n: u32) -> CodiceFiscale {
        // Six letters from n, born 1/1/1980 in Roma, check character found by `checked`.
        let mut text = String::new();
        let mut k = n;
        for _ in 0..6 {
            text.push(char::from(b'A' + u8::try_from(k % 26).unwrap()));
            k /= 26;
        }
        text.push_str("80A01H501");
        checked(&text)
    }

    /// The code of these first fifteen characters, with its check character.
    fn checked(text: &str) -> CodiceFiscale {
        ('A'..='Z')
            .find_map(|c| format!("{text}{c}").parse().ok())
            .unwrap()
    }

    /// Every omocode is keyed as its canonical code, whatever letters the code starts with
    /// (the fast path that skips the canonical form looks at the omocode positions only).
    #[test]
    fn omocodes_share_the_canonical_key() {
        for (a, b) in ('A'..='Z').flat_map(|a| ('A'..='Z').map(move |b| (a, b))) {
            let canonical = checked(&format!("RS{a}{b}NC80A01H501"));
            // The last digit of the town code, then the birth year's, as omocode letters.
            for variant in [
                format!("RS{a}{b}NC80A01H50M"),
                format!("RS{a}{b}NC8LA01H50M"),
            ] {
                let omocode = checked(&variant);
                assert_eq!(omocode.party_key(), canonical.party_key(), "{variant}");
            }
            assert_eq!(canonical.party_key(), PartyKey(canonical.packed()));
        }
    }

    #[test]
    fn keys_of_different_codes_differ_and_none_is_zero() {
        let personal: CodiceFiscale = "RSSMRA85T10A562S".parse().unwrap();
        let provisional: CodiceFiscale = "12345670157".parse().unwrap();
        let piva: crate::PartitaIva = "12345670157".parse().unwrap();
        let keys = [
            personal.party_key(),
            provisional.party_key(),
            UtilizzatoreId::CodiceFiscale(provisional).party_key(),
            UtilizzatoreId::PartitaIva(piva).party_key(),
        ];
        assert_eq!(keys[1], keys[2]);
        assert_ne!(keys[0], keys[1]);
        assert_ne!(
            keys[2], keys[3],
            "a partita iva is not the provisional code"
        );
        assert!(keys.iter().all(|k| *k != PartyKey::default()));
    }

    #[test]
    fn a_slot_is_its_cache_lines() {
        assert_eq!(std::mem::size_of::<PrestatoreSlot>(), 128);
        assert_eq!(std::mem::align_of::<PrestatoreSlot>(), 64);
        // The key, cap a and the pairs' places in the first line, their money in the second.
        assert_eq!(std::mem::offset_of!(PrestatoreSlot, counted_minutes), 52);
        assert_eq!(std::mem::offset_of!(PrestatoreSlot, cap_c), 64);
        assert_eq!(std::mem::size_of::<UtilizzatoreSlot>(), 64);
        assert_eq!(std::mem::align_of::<UtilizzatoreSlot>(), 64);
    }

    #[test]
    fn places_free_and_fill() {
        let mut slot = PrestatoreSlot::claimed(cf(1).party_key(), 0);
        assert_eq!(slot.free_place(), Some(0));
        let tot = PairTot {
            all: 300,
            cap_c: 100,
            steward: 200,
            minutes: 60,
            counted_minutes: 30,
            count: 2,
        };
        slot.set_pair(1, 7, &tot);
        assert_eq!(slot.place_of(7), Some(1));
        assert_eq!(slot.pair(1), tot);
        assert_eq!(slot.pairs().collect::<Vec<_>>(), vec![(7, tot)]);
        slot.set_pair(1, 7, &PairTot::default());
        assert_eq!(slot.place_of(7), None);
        assert_eq!(slot.pair(1), PairTot::default());
        assert_eq!(slot.pair(9), PairTot::default());
    }

    /// Random adds, look-ups and removals agree with a `HashMap`, across growth and
    /// reservations, and every key stays reachable after a removal shifts others back.
    #[test]
    fn the_table_agrees_with_a_map() {
        let mut parties: Parties<CodiceFiscale, UtilizzatoreSlot> = Parties::default();
        let mut model: HashMap<PartyKey, u32> = HashMap::new();
        let mut state = 0x1234_5678_u64;
        let mut rand = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % n
        };
        for round in 0..4u32 {
            if round == 2 {
                parties.reserve(3_000);
                let len = parties.len();
                assert!(max_len(parties.table().capacity()) >= len + 3_000);
                assert!(parties.keys.capacity() >= len + 3_000);
            }
            for _ in 0..2_000 {
                let party = cf(u32::try_from(rand(5_000)).unwrap());
                let key = party.party_key();
                match parties.table().find(key) {
                    Place::Found(at) => {
                        let number = parties.table().get(at).unwrap().number();
                        assert_eq!(model.get(&key), Some(&number));
                        assert_eq!(parties.key(number).unwrap(), party);
                    }
                    Place::Vacant(at) => {
                        assert!(!model.contains_key(&key));
                        let at = parties.add(party, at).unwrap();
                        let slot = parties.table().get(at).unwrap();
                        assert_eq!(slot.key(), key);
                        model.insert(key, slot.number());
                    }
                }
            }
            assert_eq!(parties.table().len(), model.len());
            assert!(parties.table().len() <= max_len(parties.table().capacity()));
            // Undo the parties numbered from half of them on.
            let keep = parties.len() / 2;
            parties.truncate(keep);
            model.retain(|_, n| usize::try_from(*n).unwrap() < keep);
            assert_eq!(parties.table().len(), model.len());
            for (key, number) in &model {
                let Place::Found(at) = parties.table().find(*key) else {
                    panic!("a key kept after removals is lost");
                };
                assert_eq!(parties.table().get(at).unwrap().number(), *number);
                assert_eq!(parties.position(*number).unwrap(), at);
            }
            assert_eq!(parties.iter().count(), model.len());
        }
    }

    /// The hash spreads the keys: at the tables' load most keys sit in their home slot, the one
    /// `home_slot` gives and `YearTotals::preload` loads early (about seven in ten for random
    /// keys with linear probing at half to five eighths full), and more than four in five in it
    /// or the next. Codes that differ in one letter or digit (consecutive numbers, as the
    /// national generator's) spread like random ones.
    #[test]
    fn most_keys_are_at_home() {
        let mut parties: Parties<CodiceFiscale, UtilizzatoreSlot> = Parties::default();
        for n in 0..20_000 {
            let party = cf(n);
            if let Place::Vacant(at) = parties.table().find(party.party_key()) {
                parties.add(party, at).unwrap();
            }
            let table = parties.table();
            assert!(table.len() <= max_len(table.capacity()));
        }
        let table = parties.table();
        let capacity = table.capacity();
        assert!(table.len() * 2 >= capacity, "{} in {capacity}", table.len());
        let (mut home_count, mut near) = (0usize, 0usize);
        for (at, slot) in table.slots.iter().enumerate() {
            if slot.is_vacant() {
                continue;
            }
            let start = home(hash(slot.key()), capacity);
            home_count += usize::from(at == start);
            near += usize::from(at == start || at == next(start, capacity));
            assert!(std::ptr::eq(
                table.home_slot(slot.key()).unwrap(),
                &raw const table.slots[start]
            ));
        }
        let len = table.len();
        assert!(
            home_count * 100 >= len * 60,
            "{home_count} of {len} at home"
        );
        assert!(near * 100 >= len * 80, "{near} of {len} at home or next");
    }

    /// Removing a key at the table's last slot moves back the key that wrapped round to slot 0
    /// from the same home: it stays reachable, now at its home.
    #[test]
    fn a_removal_at_the_end_moves_back_a_key_that_wrapped() {
        let mut table: Table<UtilizzatoreSlot> = Table::default();
        // The first key sizes the table to 8 slots; find two keys whose home is the last one.
        let mut last = (0..)
            .map(|n| cf(n).party_key())
            .filter(|k| home(hash(*k), 8) == 7);
        let (a, b) = (last.next().unwrap(), last.next().unwrap());
        for (number, key) in [(0, a), (1, b)] {
            let Place::Vacant(at) = table.find(key) else {
                panic!("a new key is vacant");
            };
            table
                .insert(at, UtilizzatoreSlot::claimed(key, number))
                .unwrap();
        }
        assert_eq!(table.capacity(), 8);
        assert_eq!(
            (table.find(a), table.find(b)),
            (Place::Found(7), Place::Found(0))
        );
        table.remove(a);
        assert_eq!(table.find(b), Place::Found(7));
        assert_eq!(table.find(a), Place::Vacant(0));
        assert_eq!(table.len(), 1);
    }

    /// A table fills to five eighths before it grows, and a reservation takes what it is asked
    /// for and no more: a reservation that fits changes nothing.
    #[test]
    fn tables_fill_to_their_load_and_reserve_what_is_asked() {
        let mut table: Table<UtilizzatoreSlot> = Table::default();
        let mut full_once = false;
        for n in 0..1_000u32 {
            let key = cf(n).party_key();
            if let Place::Vacant(at) = table.find(key) {
                table.insert(at, UtilizzatoreSlot::claimed(key, n)).unwrap();
            }
            full_once |= table.len() == max_len(table.capacity());
        }
        assert!(full_once, "the table grew before it was five eighths full");
        let capacity = table.capacity();
        let room = max_len(capacity) - table.len();
        table.reserve(room);
        assert_eq!(table.capacity(), capacity, "a reservation that fits");
        table.reserve(room + 1);
        assert!(max_len(table.capacity()) > table.len() + room);
        assert!(table.capacity() > capacity);
        // Every key is still found after the rehash.
        for n in 0..1_000u32 {
            assert!(matches!(table.find(cf(n).party_key()), Place::Found(_)));
        }
    }

    #[test]
    fn capacities_hold_their_load() {
        assert_eq!(max_len(0), 0);
        assert_eq!(max_len(8), 5);
        assert_eq!(max_len(16), 10);
        // Five eighths rounded down, for every capacity (none needs to be a multiple of 8).
        for capacity in 0..2_000usize {
            assert_eq!(max_len(capacity), capacity * 5 / 8, "{capacity}");
        }
        for len in [0usize, 1, 5, 6, 100, 1_000_000] {
            let capacity = capacity_for(len).unwrap();
            assert!(max_len(capacity) >= len, "{len} in {capacity}");
            // And no more than that: a reservation takes only what it needs.
            assert!(capacity <= len * 8 / 5 + 8, "{len} in {capacity}");
        }
        assert_eq!(capacity_for(usize::MAX), None);
        let mut table: Table<UtilizzatoreSlot> = Table::default();
        assert_eq!(table.find(cf(1).party_key()), Place::Vacant(0));
        table.reserve(usize::MAX);
        assert_eq!(table.capacity(), 0, "an impossible reservation is skipped");
    }
}
