//! Recording: assess a prestazione, record it (judged and counted with one probe per party),
//! correct a Libretto Famiglia communication.

use super::entries::{Entry, LF, REVOKED};
use super::error::inconsistent;
use super::judge::{Counted, Probe, check_titoli, refuses};
use super::parties::PartyKey;
use super::tally::{delta_under, keys_of, parties_of, recorded_delta};
use super::totals::Delta;
use super::year::YearTotals;
use super::{
    Assessment, CorrectionMove, Ledger, LedgerError, LedgerEvent, RecordError, RecordPolicy,
    Recorded,
};
use crate::prestazione::{Instrument, Prestazione};

impl Ledger {
    /// Assesses a prestazione against every cap without changing anything: the breaches (each
    /// with rule id, citation, limit, used, requested, excess and consequence), the headroom
    /// left under each cap after it, and the warning levels.
    ///
    /// # Errors
    ///
    /// [`LedgerError::DuplicateId`] when the id is already recorded, [`LedgerError::Rules`] for
    /// a day before the ledger's rules table, [`LedgerError::Prestazione`] for an LF compenso
    /// that is not whole titoli of the table's titolo (LF-TITOLO). A breach is not an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Consequence, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
    /// use time::macros::date;
    ///
    /// let ledger = Ledger::default();
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(2_500),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// // 2.500,00 reaches cap c to the cent: lawful (R-CAP-INCLUSIVE).
    /// let a = ledger.assess(&Prestazione::try_from(draft.clone())?)?;
    /// assert!(a.is_lawful());
    /// assert_eq!(a.headroom(), Euro::ZERO);
    ///
    /// // One cent more converts the relationship.
    /// let over = PrestazioneDraft { compenso: Euro::from_cents(250_001), ..draft.clone() };
    /// let a = ledger.assess(&Prestazione::try_from(over)?)?;
    /// let breach = &a.verdict.breaches[0];
    /// assert_eq!(breach.rule, RuleId::CapPair);
    /// assert_eq!(breach.consequence, Consequence::Conversion { from: date!(2026 - 03 - 07) });
    ///
    /// // Before the regime there are no rules, and no prestazione of this regime.
    /// let early = PrestazioneDraft { day: date!(2017 - 01 - 10), ..draft };
    /// assert!(Prestazione::try_from(early).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, p: &Prestazione) -> Result<Assessment, LedgerError> {
        let keys = keys_of(p);
        self.preload(p.day().year(), keys);
        if self.index.contains(&self.entries, p.id().0) {
            return Err(LedgerError::DuplicateId { id: p.id() });
        }
        self.evaluate(&Probe::of(p), keys)
    }

    /// The assessment of `probe`, a prestazione or a room query of the parties with these
    /// keys, against the totals of its year.
    pub(super) fn evaluate(
        &self,
        probe: &Probe,
        keys: (PartyKey, PartyKey),
    ) -> Result<Assessment, LedgerError> {
        let rules = self.table.in_force_on(probe.day)?;
        check_titoli(rules, probe)?;
        let counted = self.counted(probe.day.year(), keys);
        Ledger::judge(rules, &self.thresholds, probe, &counted)
    }

    /// Records a prestazione under the default [`RecordPolicy::RefuseEveryBreach`], and hands
    /// back its assessment and the [`LedgerEvent`] the host stores ([`Recorded`]).
    ///
    /// The ledger changes first: a host whose storage may fail after the record either rebuilds
    /// the ledger from its log when it does, or uses the two-step form, [`Ledger::prepare`] then
    /// [`Ledger::commit`] once the event is stored.
    ///
    /// # Errors
    ///
    /// [`RecordError::Refused`] with the assessment when a cap is breached (the ledger is then
    /// unchanged); [`RecordError::Invalid`] for bad input (see [`Ledger::assess`]).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
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
    /// let mut ledger = Ledger::default();
    /// let recorded = ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// assert!(recorded.assessment.is_lawful());
    /// assert_eq!(ledger.len(), 1);
    /// let log = [recorded.event]; // the host stores the event
    ///
    /// // 500,01 more would pass cap c (2.500,00 per pair): refused, and the ledger is unchanged.
    /// let over = PrestazioneDraft { id: PrestazioneId(2), compenso: Euro::from_cents(50_001), ..draft };
    /// let refused = ledger.record(&Prestazione::try_from(over)?).unwrap_err();
    /// assert_eq!(
    ///     refused.to_string(),
    ///     "prestazione #2 refused: CAP-PAIR: the prestatore's compensi from this utilizzatore in 2026 would total 2.500,01 €, above the cap of 2.500,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)"
    /// );
    /// assert_eq!(ledger.len(), 1);
    /// assert_eq!(Ledger::replay(ledger.rules_table(), &log)?, ledger);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, p: &Prestazione) -> Result<Recorded, RecordError> {
        self.record_with(p, RecordPolicy::RefuseEveryBreach)
    }

    /// Records a prestazione under a [`RecordPolicy`]: atomically, either the prestazione is
    /// counted in every total and its assessment and event returned ([`Recorded`]), or nothing
    /// changes.
    ///
    /// # Errors
    ///
    /// As [`Ledger::record`]; under [`RecordPolicy::RecordConversionBreaches`] only breaches
    /// of caps a and b refuse.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordPolicy, RuleId};
    /// use time::macros::date;
    ///
    /// // Reconstructing a year in which cap c was exceeded: recorded, with the conversion noted.
    /// let mut ledger = Ledger::default();
    /// let p = Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2025 - 11 - 03),
    ///     minutes: 480,
    ///     compenso: Euro::from_euros(2_600),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?;
    /// let recorded = ledger.record_with(&p, RecordPolicy::RecordConversionBreaches)?;
    /// assert!(recorded.assessment.verdict.breaches_rule(RuleId::CapPair));
    /// assert_eq!(ledger.len(), 1);
    /// assert!(Ledger::default().record(&p).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_with(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
    ) -> Result<Recorded, RecordError> {
        let assessment = self.record_assessed(p, policy)?;
        self.stamp.bump();
        Ok(Recorded {
            assessment,
            event: LedgerEvent::Recorded(p.clone()),
        })
    }

    /// [`Ledger::record_with`] without the event.
    pub(super) fn record_assessed(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
    ) -> Result<Assessment, RecordError> {
        let id = p.id();
        if self.index.contains(&self.entries, id.0) {
            return Err(LedgerError::DuplicateId { id }.into());
        }
        let Ledger {
            table,
            thresholds,
            entries,
            index,
            years,
            ..
        } = self;
        // One probe per party: the totals read here are those recording it changes. Their
        // loads start first, and overlap the checks that do not need them.
        let keys = keys_of(p);
        let year_number = p.day().year();
        let at = years.binary_search_by_key(&year_number, |y| y.year);
        if let Some(year) = at.ok().and_then(|at| years.get(at)) {
            year.preload(keys.0, keys.1);
        }
        let probe = Probe::of(p);
        let rules = table.in_force_on(probe.day).map_err(LedgerError::from)?;
        check_titoli(rules, &probe)?;
        let found = match at {
            Ok(at) => years.get(at).map(|y| {
                let spot = y.find(keys.0, keys.1);
                (spot, y.read(spot))
            }),
            Err(_) => None,
        };
        let counted = found.map_or_else(Counted::default, |(_, read)| Counted::from_read(&read));
        let assessment = Ledger::judge(rules, thresholds, &probe, &counted)?;
        if refuses(policy, &assessment) {
            return Err(RecordError::Refused(Box::new(assessment)));
        }
        let position = u32::try_from(entries.len()).map_err(|_| LedgerError::Full)?;
        let mut entry = Entry::new(&probe, rules)?;
        let delta = recorded_delta(&entry, &assessment);
        // The first prestazione of its year creates the year's totals.
        let at = match at {
            Ok(at) => at,
            Err(at) => {
                years.insert(at, YearTotals::new(year_number));
                at
            }
        };
        let year = years.get_mut(at).ok_or_else(inconsistent)?;
        let (spot, read) = found.unwrap_or_else(|| {
            let spot = year.find(keys.0, keys.1);
            (spot, year.read(spot))
        });
        (entry.prestatore, entry.utilizzatore) =
            year.write(spot, &read, || parties_of(p), &delta, true)?;
        index.note(entries, entry.id, position);
        entries.push(entry);
        Ok(assessment)
    }

    /// The entry of `p` (checked: an LF compenso in whole titoli of the rules of its day),
    /// with what it adds to the totals; the parties' numbers are set when it is counted.
    pub(super) fn new_entry(&self, p: &Prestazione) -> Result<(Entry, Delta), LedgerError> {
        let probe = Probe::of(p);
        let rules = self.table.in_force_on(probe.day)?;
        check_titoli(rules, &probe)?;
        let entry = Entry::new(&probe, rules)?;
        let delta = delta_under(&entry, rules)?;
        Ok((entry, delta))
    }

    /// Corrects a recorded Libretto Famiglia communication under the default policy: the
    /// prestazione with the same id replaces it, and is assessed as if the old one had never
    /// been recorded. Returns the assessment and the [`LedgerEvent::Corrected`] the host stores
    /// ([`Recorded`]; [`Ledger::prepare_correct`] is the two-step form).
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017 (LF-COMM).
    ///
    /// # Errors
    ///
    /// [`RecordError::Refused`] when the corrected prestazione breaches a cap (the old one then
    /// stays); [`RecordError::Invalid`] with [`LedgerError::UnknownId`],
    /// [`LedgerError::NotCorrectable`] for a CPO prestazione (revoke it instead),
    /// [`LedgerError::CorrectionInstrument`] when the correction is not LF,
    /// [`LedgerError::CorrectionMoves`] when it changes the prestatore, the utilizzatore or the
    /// calendar year (a revoca and a new record, not a correction).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let mut ledger = Ledger::default();
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     prestatore: cf,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 180,
    ///     compenso: Euro::from_euros(24),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// let fixed = Prestazione::try_from(PrestazioneDraft { compenso: Euro::from_euros(32), minutes: 240, ..draft.clone() })?;
    /// let corrected = ledger.correct(&fixed)?;
    /// assert_eq!(corrected.event, prestazioni_occasionali::LedgerEvent::Corrected(fixed));
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::from_euros(32));
    ///
    /// let too_much = PrestazioneDraft { compenso: Euro::from_euros(2_600), ..draft };
    /// assert!(ledger.correct(&Prestazione::try_from(too_much)?).is_err());
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::from_euros(32));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn correct(&mut self, p: &Prestazione) -> Result<Recorded, RecordError> {
        self.correct_with(p, RecordPolicy::RefuseEveryBreach)
    }

    /// Corrects a Libretto Famiglia communication under a [`RecordPolicy`].
    ///
    /// # Errors
    ///
    /// As [`Ledger::correct`].
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// use prestazioni_occasionali::RecordPolicy;
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// // The family communicated 3 titoli, the work took 4.
    /// let fixed = PrestazioneDraft { minutes: 240, compenso: Euro::from_euros(32), ..draft.clone() };
    /// ledger.correct_with(&Prestazione::try_from(fixed)?, RecordPolicy::RefuseEveryBreach)?;
    /// assert_eq!(ledger.entry(PrestazioneId(1)).map(|e| e.compenso), Some(Euro::from_euros(32)));
    ///
    /// // A correction may not turn it into a CPO prestazione.
    /// let cpo = PrestazioneDraft { instrument: Instrument::ContrattoPrestazioneOccasionale, ..draft };
    /// assert_eq!(
    ///     ledger.correct_with(&Prestazione::try_from(cpo)?, RecordPolicy::RefuseEveryBreach).unwrap_err().to_string(),
    ///     "correction of prestazione #1: instrument must stay LF"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn correct_with(
        &mut self,
        p: &Prestazione,
        policy: RecordPolicy,
    ) -> Result<Recorded, RecordError> {
        let (position, old) = self.correctable(p)?;
        let assessment = self.assess_correction(p)?;
        if refuses(policy, &assessment) {
            return Err(RecordError::Refused(Box::new(assessment)));
        }
        self.change_totals(&old, false)?;
        if let Err(e) = self.replace(position, &old, p) {
            self.change_totals(&old, true)?;
            return Err(e.into());
        }
        self.stamp.bump();
        Ok(Recorded {
            assessment,
            event: LedgerEvent::Corrected(p.clone()),
        })
    }

    pub(super) fn correctable(&self, p: &Prestazione) -> Result<(usize, Entry), LedgerError> {
        let id = p.id();
        let (position, old) = self.find(id)?;
        if old.has(REVOKED) {
            return Err(LedgerError::AlreadyRevoked { id });
        }
        if !old.has(LF) {
            return Err(LedgerError::NotCorrectable { id });
        }
        if p.instrument() != Instrument::LibrettoFamiglia {
            return Err(LedgerError::CorrectionInstrument { id });
        }
        let moves = |what| Err(LedgerError::CorrectionMoves { id, what });
        let (prestatore, utilizzatore) = self.entry_parties(&old)?;
        if prestatore != p.prestatore().canonical() {
            return moves(CorrectionMove::Prestatore);
        }
        if utilizzatore != p.utilizzatore().canonical() {
            return moves(CorrectionMove::Utilizzatore);
        }
        if old.day.year() != p.day().year() {
            return moves(CorrectionMove::Year {
                from: old.day.year(),
                to: p.day().year(),
            });
        }
        Ok((position, old))
    }

    /// Writes the entry of `p` at `position` in place of `old` (whose totals are already
    /// removed; a correction keeps the parties and the year) and counts it.
    pub(super) fn replace(
        &mut self,
        position: usize,
        old: &Entry,
        p: &Prestazione,
    ) -> Result<(), LedgerError> {
        let (mut entry, _) = self.new_entry(p)?;
        (entry.prestatore, entry.utilizzatore) = (old.prestatore, old.utilizzatore);
        self.change_totals(&entry, true)?;
        if let Some(slot) = self.entries.get_mut(position) {
            *slot = entry;
        }
        Ok(())
    }
}
