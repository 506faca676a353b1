//! Events applied as history: apply, batches, replay, merge (with undo when one fails), and
//! the log that rebuilds a ledger.

use std::borrow::Borrow;

use super::entries::{CONFIRMED, REVOKED};
use super::error::inconsistent;
use super::parties::Keyed;
use super::tally::{keys_of, parties_of};
use super::totals::euro;
use super::undo::{Undo, note};
use super::year::Spot;
use super::{ExternalTotal, Ledger, LedgerError, LedgerEvent};
use crate::prestazione::{Prestazione, PrestazioneDraft, PrestazioneId};
use crate::rules::RulesTable;

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
                at: at.ok_or_else(inconsistent)?,
            })
        });
        let confirmed = self.entries.iter().filter(|e| e.has(CONFIRMED)).map(|e| {
            let at = self.instants_of(e).and_then(|i| i.confirmed);
            Ok(LedgerEvent::Confirmed {
                id: PrestazioneId(e.id),
                at: at.ok_or_else(inconsistent)?,
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
                let (entry, delta) = self.new_entry(p)?;
                self.count(entry, keys_of(p), || parties_of(p), Some(&delta), spot)?;
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
                // The prestatore slot's second line (its pairs' money) comes in too.
                std::hint::black_box(year.touch(spot));
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
            let keys = (parties.0.party_key(), parties.1.party_key());
            self.count(*e, keys, || parties, delta.as_ref(), None)?;
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
