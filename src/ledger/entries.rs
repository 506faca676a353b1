//! The ledger's entries: one prestazione in 32 bytes, its flags, the index from id to entry,
//! the instants of revocations and confirmations, and the public view of an entry.

use std::collections::HashMap;

use foldhash::fast::FixedState;
use time::{Date, OffsetDateTime};

use super::error::overflow;
use super::judge::Probe;
use super::totals::euro;
use super::{Ledger, LedgerError};
use crate::identity::CodiceFiscale;
use crate::instruments::AgriculturalArea;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{CapProfile, Instrument, PrestazioneId};
use crate::rules::Rules;

/// Entry flags: the prestazione's own, then how it counts (from the rules on its day).
pub(super) const LF: u16 = 1;
pub(super) const SPECIAL: u16 = 1 << 1;
pub(super) const STEWARD: u16 = 1 << 2;
pub(super) const EVENTS: u16 = 1 << 3;
pub(super) const PA: u16 = 1 << 4;
pub(super) const REVOKED: u16 = 1 << 5;
pub(super) const COUNTS_A: u16 = 1 << 6;
pub(super) const COUNTS_B: u16 = 1 << 7;
pub(super) const COUNTS_C: u16 = 1 << 8;
pub(super) const COUNTS_STEWARD: u16 = 1 << 9;
pub(super) const COUNTS_HOURS: u16 = 1 << 10;
/// Bits 11-12: the profile's agricultural area (0 none, 1-3 areas 1-3); see [`area_bits`].
pub(super) const AREA_SHIFT: u32 = 11;
pub(super) const AREA_MASK: u16 = 0b11 << AREA_SHIFT;
/// Confirmed by the prestatore (reading R-CONFIRMATION); the instant is in `Ledger::instants`.
pub(super) const CONFIRMED: u16 = 1 << 13;

/// When a prestazione was revoked and when the prestatore confirmed it, kept apart from the
/// 32-byte entries (few prestazioni have either; the entry's flags say which to look up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Instants {
    pub(super) revoked: Option<OffsetDateTime>,
    pub(super) confirmed: Option<OffsetDateTime>,
}

/// One prestazione as the ledger keeps it: 32 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) id: u64,
    pub(super) cents: u64,
    pub(super) prestatore: u32,
    pub(super) utilizzatore: u32,
    pub(super) day: Date,
    pub(super) minutes: u16,
    pub(super) flags: u16,
}

impl Entry {
    /// The entry of a prestazione as the caps see it, under the rules of its day; its parties'
    /// numbers are set when it is counted.
    pub(super) fn new(probe: &Probe, rules: &Rules) -> Result<Entry, LedgerError> {
        Ok(Entry {
            id: probe.id.0,
            cents: probe.cents,
            prestatore: 0,
            utilizzatore: 0,
            day: probe.day,
            minutes: u16::try_from(probe.minutes).map_err(|_| overflow("minutes"))?,
            flags: probe.flags(rules),
        })
    }

    pub(super) fn has(&self, flag: u16) -> bool {
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

/// Where each prestazione is in the ledger's entries. While ids arrive in increasing order (a
/// host's sequence, the usual case) the entries are sorted by id and no map is needed: an id
/// above the largest is new, any other is found by binary search. The first id out of order
/// builds a hash index of every entry, used from then on.
#[derive(Debug, Clone, Default)]
pub(super) enum IdIndex {
    #[default]
    Sorted,
    Hashed(HashMap<u64, u32, FixedState>),
}

impl IdIndex {
    pub(super) fn position(&self, entries: &[Entry], id: u64) -> Option<usize> {
        match self {
            IdIndex::Sorted => match entries.last() {
                Some(last) if id <= last.id => entries.binary_search_by_key(&id, |e| e.id).ok(),
                _ => None,
            },
            IdIndex::Hashed(map) => map.get(&id).and_then(|&i| usize::try_from(i).ok()),
        }
    }

    pub(super) fn contains(&self, entries: &[Entry], id: u64) -> bool {
        self.position(entries, id).is_some()
    }

    /// Notes that the entry with `id` goes at `position` (`entries` as before the push).
    pub(super) fn note(&mut self, entries: &[Entry], id: u64, position: u32) {
        match self {
            IdIndex::Sorted => {
                if entries.last().is_some_and(|last| id <= last.id) {
                    let mut map = HashMap::with_hasher(FixedState::default());
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

    pub(super) fn reserve(&mut self, additional: usize) {
        if let IdIndex::Hashed(map) = self {
            let _ = map.try_reserve(additional);
        }
    }
}

pub(super) fn own_flags(
    instrument: Instrument,
    special: bool,
    steward: bool,
    profile: CapProfile,
) -> u16 {
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
pub(super) fn area_bits(area: Option<AgriculturalArea>) -> u16 {
    let n: u16 = match area {
        None => 0,
        Some(area) => area as u16 + 1,
    };
    n << AREA_SHIFT
}

/// The agricultural area an entry's flags hold (the inverse of [`area_bits`]).
pub(super) fn area_of(flags: u16) -> Option<AgriculturalArea> {
    match (flags & AREA_MASK) >> AREA_SHIFT {
        1 => Some(AgriculturalArea::Area1),
        2 => Some(AgriculturalArea::Area2),
        3 => Some(AgriculturalArea::Area3),
        _ => None,
    }
}

impl Ledger {
    // Lazy error on the hot path (see `error::inconsistent`).
    #[allow(clippy::unnecessary_lazy_evaluations)]
    pub(super) fn find(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        self.index
            .position(&self.entries, id.0)
            .and_then(|i| self.entries.get(i).map(|e| (i, *e)))
            .ok_or_else(|| LedgerError::UnknownId { id })
    }

    pub(super) fn set_flags(&mut self, position: usize, flags: u16) {
        if let Some(e) = self.entries.get_mut(position) {
            e.flags = flags;
        }
    }

    pub(super) fn entry_view(&self, e: &Entry) -> Result<LedgerEntry, LedgerError> {
        let parties = self.entry_parties(e)?;
        Ok(LedgerEntry {
            id: PrestazioneId(e.id),
            instrument: if e.has(LF) {
                Instrument::LibrettoFamiglia
            } else {
                Instrument::ContrattoPrestazioneOccasionale
            },
            prestatore: parties.0,
            utilizzatore: parties.1,
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
    pub(super) fn instants_of(&self, e: &Entry) -> Option<&Instants> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::tests::p;

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
