//! Events applied as history: apply, batches, replay, merge (with undo when one fails), and
//! the log that rebuilds a ledger.

use std::borrow::Borrow;

use super::entries::{CONFIRMED, Entry, IdIndex, Instants, REVOKED};
use super::tally::keys_of;
use super::totals::{External, euro};
use super::year::Spot;
use super::{ExternalTotal, Ledger, LedgerError, LedgerEvent};
use crate::identity::CodiceFiscale;
use crate::prestazione::{Prestazione, PrestazioneDraft, PrestazioneId};
use crate::rules::RulesTable;

/// How to undo one change of a batch or a merge (see `Ledger::undo`).
#[derive(Debug, Clone, Copy)]
pub(super) enum Undo {
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
pub(super) fn note(journal: Option<&mut Vec<Undo>>, undo: Option<Undo>) {
    if let (Some(journal), Some(undo)) = (journal, undo) {
        journal.push(undo);
    }
}

/// Where a ledger stood before a batch or a merge (see `Ledger::undo`).
#[derive(Debug)]
pub(super) struct Checkpoint {
    /// The id index was `IdIndex::Sorted`.
    pub(super) sorted: bool,
    /// The years that had totals, with how many prestatori and utilizzatori each held.
    pub(super) years: Vec<(i32, (usize, usize))>,
}

impl Ledger {
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
    /// assert_eq!(Ledger::replay(Ledger::default().rules_table(), &events)?, ledger);
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
                .externals()
                .map(|(i, r)| (y.prestatori.key(i), r))
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
        self.apply_logged(event, None, None)?;
        self.stamp.bump();
        Ok(())
    }

    /// [`Ledger::apply`], noting in `journal` how to undo the change (a batch or a merge that
    /// fails half-way undoes what it did).
    /// A batch's warm-up may have found where the parties of a recorded prestazione are
    /// (`spot`).
    pub(super) fn apply_logged(
        &mut self,
        event: &LedgerEvent,
        journal: Option<&mut Vec<Undo>>,
        spot: Option<Spot>,
    ) -> Result<(), LedgerError> {
        match event {
            LedgerEvent::Recorded(p) => {
                if self.index.contains(&self.entries, p.id().0) {
                    return Err(LedgerError::DuplicateId { id: p.id() });
                }
                let (entry, delta, parties) = self.new_entry(p)?;
                self.count(entry, parties, Some(&delta), spot)?;
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
                match self.replace(position, &old, p) {
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
    pub(super) fn undo_entry(&self, id: PrestazioneId) -> Option<Undo> {
        let (position, old) = self.find(id).ok()?;
        Some(Undo::Entry {
            position,
            old,
            instants: self.instants.get(&old.id).copied(),
        })
    }

    /// How to undo entering `total` (the reading it may replace).
    pub(super) fn undo_external(&self, total: &ExternalTotal) -> Undo {
        let old = self
            .year(total.year)
            .and_then(|y| y.external(total.prestatore.canonical()));
        Undo::External {
            year: total.year,
            prestatore: total.prestatore.canonical(),
            old,
        }
    }

    /// Where the ledger stands before a batch or a merge, to undo it all if it fails.
    pub(super) fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            sorted: matches!(self.index, IdIndex::Sorted),
            years: self
                .years
                .iter()
                .map(|y| (y.year, y.party_counts()))
                .collect(),
        }
    }

    /// Undoes the `journal` of changes made since `checkpoint`, last first: the ledger is as
    /// it was (the same prestazioni, instants, external totals and totals).
    pub(super) fn undo(&mut self, journal: Vec<Undo>, checkpoint: &Checkpoint) {
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
                    if let Ok(y) = self.year_mut(year) {
                        let _ = y.put_external(prestatore, old);
                    }
                }
            }
        }
        if checkpoint.sorted {
            // The entries are again the sorted ones the checkpoint saw.
            self.index = IdIndex::Sorted;
        }
        // Years and parties that came with the batch go (their totals are undone above).
        self.years.retain_mut(|y| {
            match checkpoint.years.iter().find(|(year, _)| *year == y.year) {
                Some((_, parties)) => {
                    y.truncate(*parties);
                    true
                }
                None => false,
            }
        });
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
        let spots = self.warm(events);
        let checkpoint = self.checkpoint();
        let mut journal = Vec::with_capacity(events.len());
        for (i, event) in events.iter().enumerate() {
            let spot = spots.get(i).copied().flatten();
            if let Err(e) = self.apply_logged(event, Some(&mut journal), spot) {
                self.undo(journal, &checkpoint);
                return Err(e);
            }
        }
        self.stamp.bump();
        Ok(())
    }

    /// Where the parties of each recorded prestazione of `events` are, found for the whole
    /// batch before any is applied: the independent memory reads of the probes overlap instead
    /// of waiting on each other, and applying each event reuses its spot (checked again then:
    /// an earlier event of the batch may have moved it).
    pub(super) fn warm(&self, events: &[LedgerEvent]) -> Vec<Option<Spot>> {
        events
            .iter()
            .map(|event| {
                let LedgerEvent::Recorded(p) = event else {
                    return None;
                };
                let year = self.year(p.day().year())?;
                let keys = keys_of(p);
                let spot = year.find(keys.0, keys.1);
                // Reading the totals brings the slots' other cache line in too.
                std::hint::black_box(year.read(spot));
                Some(spot)
            })
            .collect()
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
    /// let again = Ledger::replay(ledger.rules_table(), &log)?;
    /// assert_eq!(again.entry(PrestazioneId(1)), ledger.entry(PrestazioneId(1)));
    ///
    /// // A log that revokes an unknown prestazione is refused.
    /// let broken = [LedgerEvent::Revoked { id: PrestazioneId(7), at: time::macros::datetime!(2026-03-08 10:00 +01:00) }];
    /// assert_eq!(
    ///     Ledger::replay(ledger.rules_table(), &broken).unwrap_err().to_string(),
    ///     "prestazione #7 is not in the ledger"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay<E: Borrow<LedgerEvent>>(
        table: &RulesTable,
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
    /// let mut april = Ledger::new(march.rules_table());
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
        if self.table != other.table {
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
            Ok(()) => {
                self.stamp.bump();
                Ok(())
            }
            Err(e) => {
                self.undo(journal, &checkpoint);
                Err(e)
            }
        }
    }

    /// [`Ledger::merge`] after its checks, noting in `journal` how to undo each change.
    pub(super) fn merge_logged(
        &mut self,
        other: &Ledger,
        journal: &mut Vec<Undo>,
    ) -> Result<(), LedgerError> {
        self.entries.reserve(other.entries.len());
        self.index.reserve(other.entries.len());
        for e in &other.entries {
            let parties = other.entry_parties(e)?;
            // A revoked entry counts in no total.
            let delta = if e.has(REVOKED) {
                None
            } else {
                Some(self.delta(e)?)
            };
            self.count(*e, parties, delta.as_ref(), None)?;
            journal.push(Undo::Pushed);
            if let Some(instants) = other.instants_of(e) {
                self.instants.insert(e.id, *instants);
            }
        }
        for y in &other.years {
            for (i, reading) in y.externals() {
                let cf = y.prestatori.key(i)?;
                let year = self.year_mut(y.year)?;
                journal.push(Undo::External {
                    year: y.year,
                    prestatore: cf,
                    old: year.external(cf),
                });
                year.set_external(cf, reading)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::parties::{Keyed, Place};
    use crate::ledger::tests::p;
    use time::macros::date;

    /// A merge or a batch that fails half-way (a total that overflows after the first new
    /// entry went in) is undone: the ledger is as before, its new parties and years forgotten.
    #[test]
    fn a_merge_or_a_batch_that_overflows_half_way_is_undone() {
        let other_firm: crate::parties::UtilizzatoreId = "00743110157".parse().unwrap();
        let mut ledger = Ledger::default();
        ledger.record(&p(1)).unwrap();
        // The prestatore's cap a total one step from overflowing (no real amount gets there).
        let key = p(1).prestatore().party_key();
        let year = &mut ledger.years[0];
        let Place::Found(at) = year.prestatori.table().find(key) else {
            panic!("recorded");
        };
        year.prestatori
            .table_mut()
            .get_mut(at)
            .unwrap()
            .set_cap_a(u64::MAX - 1);
        let before = ledger.clone();
        let parties = ledger.years[0].party_counts();
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
                what: "cap a total"
            })
        );
        assert_eq!(ledger, before);
        assert!(matches!(ledger.index, IdIndex::Sorted));
        assert_eq!(ledger.years.len(), 1);
        assert_eq!(ledger.instants, before.instants);
        assert_eq!(ledger.years[0].party_counts(), parties);
        assert!(ledger.year(2027).is_none());

        let batch: Vec<LedgerEvent> = shard.events().collect::<Result<_, _>>().unwrap();
        assert!(ledger.apply_batch(&batch).is_err());
        assert_eq!(ledger, before);
        assert_eq!(ledger.years.len(), 1);
        assert_eq!(ledger.years[0].party_counts(), parties);
        assert_eq!(
            ledger.utilizzatore_totals(&other_firm, 2027),
            crate::UtilizzatoreTotals::default()
        );
    }
}
