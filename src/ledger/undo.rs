//! Undo: how a batch or a merge that fails half-way takes back what it did, so that a rejected
//! operation changes nothing.

use super::entries::{Entry, IdIndex, Instants, REVOKED};
use super::totals::External;
use super::{ExternalTotal, Ledger};
use crate::identity::CodiceFiscale;
use crate::prestazione::PrestazioneId;

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::parties::{Keyed, Place};
    use crate::ledger::tests::p;
    use crate::ledger::{LedgerError, LedgerEvent};
    use crate::prestazione::{Prestazione, PrestazioneDraft, PrestazioneId};
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
