//! Prestazioni communicated together (the calendar days of one CPO communication across
//! midnight, reading R-MIDNIGHT): each assessed as if the earlier ones were recorded, without
//! changing the ledger.

use super::entries::Entry;
use super::judge::{Probe, check_titoli};
use super::tally::{keys_of, parties_of, recorded_delta};
use super::totals::{Delta, step64};
use super::{Assessment, Ledger, LedgerError};
use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;
use crate::prestazione::Prestazione;

/// What an earlier prestazione of the same call adds to the totals of its year.
struct Earlier {
    year: i32,
    prestatore: CodiceFiscale,
    utilizzatore: UtilizzatoreId,
    delta: Delta,
}

impl Ledger {
    /// Assesses prestazioni that are communicated together, in order, each as if the earlier
    /// ones had been recorded (an earlier one counts toward a later one's caps and hours when
    /// both fall in the same calendar year, reading R-YEAR-OF-WORK): the answer
    /// [`Ledger::record`] would give for each if they were recorded one after the other and none
    /// were refused. Nothing changes. One prestazione gives what [`Ledger::assess`] gives.
    ///
    /// Work across midnight is one prestazione per calendar day (reading R-MIDNIGHT): the second
    /// day of a shift from 22:00 to 02:00 counts the first day's compenso and minutes.
    ///
    /// Legal basis: art. 54-bis c. 1, c. 8, c. 20 D.L. 50/2017 (worked example E4, readings
    /// R-MIDNIGHT, R-YEAR-OF-WORK, R-CONSEQUENCES).
    ///
    /// # Errors
    ///
    /// [`LedgerError::DuplicateId`] when an id is already recorded or repeats in `prestazioni`,
    /// [`LedgerError::Rules`] for a day before the regime, [`LedgerError::Overflow`] for totals
    /// too large.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
    /// use time::macros::date;
    ///
    /// let night = |id: u64, day, euros: u32| Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(id),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse().unwrap(),
    ///     utilizzatore: "12345670157".parse().unwrap(),
    ///     day,
    ///     minutes: 120,
    ///     compenso: Euro::from_euros(euros),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// });
    /// let ledger = Ledger::default();
    /// // 22:00-02:00: 1.300,00 on each day. Alone, each fits cap c (2.500,00); together they do not.
    /// let both = [night(1, date!(2026 - 03 - 07), 1_300)?, night(2, date!(2026 - 03 - 08), 1_300)?];
    /// let [first, second] = ledger.assess_all(&both)?.try_into().map_err(|_| "two")?;
    /// assert!(first.is_lawful());
    /// assert!(second.verdict.breaches_rule(RuleId::CapPair));
    /// assert!(ledger.assess(&both[1])?.is_lawful());
    ///
    /// // New Year's Eve: the second day is in another year, with its own totals.
    /// let new_year = [night(3, date!(2026 - 12 - 31), 1_300)?, night(4, date!(2027 - 01 - 01), 1_300)?];
    /// assert!(ledger.assess_all(&new_year)?.iter().all(|a| a.is_lawful()));
    ///
    /// // The same id twice is bad input.
    /// assert!(ledger.assess_all(&[both[0].clone(), both[0].clone()]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess_all(&self, prestazioni: &[Prestazione]) -> Result<Vec<Assessment>, LedgerError> {
        let mut earlier: Vec<Earlier> = Vec::with_capacity(prestazioni.len());
        let mut assessments = Vec::with_capacity(prestazioni.len());
        for (i, p) in prestazioni.iter().enumerate() {
            let repeated = prestazioni.iter().take(i).any(|q| q.id() == p.id());
            if repeated || self.index.contains(&self.entries, p.id().0) {
                return Err(LedgerError::DuplicateId { id: p.id() });
            }
            let rules = self.table.in_force_on(p.day())?;
            let probe = Probe::of(p);
            let year = p.day().year();
            let (prestatore, utilizzatore) = parties_of(p);
            let mut counted = self.counted(year, keys_of(p));
            for e in earlier.iter().filter(|e| e.year == year) {
                let same_prestatore = e.prestatore == prestatore;
                let same_utilizzatore = e.utilizzatore == utilizzatore;
                if same_prestatore && e.delta.cap_a {
                    counted.cap_a = step64(true, counted.cap_a, e.delta.cents, "cap a total")?;
                }
                if same_utilizzatore {
                    counted.utilizzatore = counted.utilizzatore.step(&e.delta, true)?;
                }
                if same_prestatore && same_utilizzatore {
                    counted.pair = counted.pair.step(&e.delta, true)?;
                }
            }
            check_titoli(rules, &probe)?;
            let assessment = Ledger::judge(rules, &self.thresholds, &probe, &counted)?;
            // What recording it would add.
            let delta = recorded_delta(&Entry::new(&probe, rules)?, &assessment);
            earlier.push(Earlier {
                year,
                prestatore,
                utilizzatore,
                delta,
            });
            assessments.push(assessment);
        }
        Ok(assessments)
    }
}
