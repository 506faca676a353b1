//! What a durable host needs: the event every change hands back ([`Recorded`]), the two-step
//! change ([`Ledger::prepare`], then [`Ledger::commit`] once the events are stored), and the
//! stamp that refuses a stale preparation.
//!
//! A host that keeps its ledger in memory and its events in a database wants the ledger to change
//! only when the events are stored. The one-step operations ([`Ledger::record`],
//! [`Ledger::revoke`], ...) change the ledger and hand back the event to store: if storing it
//! fails, the ledger is ahead of the log (rebuild it from the log). The two-step form changes
//! nothing until the host commits: prepare (every check, every assessment, the events), store the
//! events (one database transaction), then commit them to the ledger, which applies exactly what
//! was prepared. A preparation is tied to the state of the ledger it was made on (a stamp: the
//! ledger's identity and a generation counter that every change moves on), so a preparation made
//! before another change, or on another ledger, is refused instead of being applied on top of a
//! state it was not judged against.

use std::sync::atomic::{AtomicU64, Ordering};

use super::judge::{Probe, check_titoli, refuses};
use super::tally::keys_of;
use super::{
    Assessment, ExternalTotal, Ledger, LedgerError, LedgerEvent, RecordError, RecordPolicy,
};
use crate::prestazione::{Prestazione, PrestazioneId};

/// A change the ledger accepted, with what the host stores: the [`Assessment`] of the
/// prestazione (every cap, the room left, the warnings) and the [`LedgerEvent`] that replays the
/// change ([`LedgerEvent::Recorded`] from [`Ledger::record`], [`LedgerEvent::Corrected`] from
/// [`Ledger::correct`]). The host stores the event as it is, in its log, and never builds one.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let p = Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "12345670157".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 240,
///     compenso: Euro::from_euros(2_000),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// })?;
/// let mut ledger = Ledger::default();
/// let mut log = Vec::new(); // the host's storage
/// let recorded = ledger.record(&p)?;
/// assert_eq!(recorded.assessment.headroom(), Euro::from_euros(500));
/// log.push(recorded.event);
/// assert_eq!(log, [LedgerEvent::Recorded(p)]);
/// assert_eq!(Ledger::replay(ledger.rules_table(), &log)?, ledger);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Recorded {
    /// The ledger's assessment of the prestazione (lawful, or with the conversion breaches a
    /// [`RecordPolicy::RecordConversionBreaches`] accepts).
    pub assessment: Assessment,
    /// The event to store: replaying the log with it rebuilds the ledger.
    pub event: LedgerEvent,
}

/// Changes checked against one state of a [`Ledger`] and not applied yet: the events to store,
/// and the assessments of the prestazioni among them. [`Ledger::commit`] applies them, on that
/// state only.
///
/// Made by [`Ledger::prepare`] (the prestazioni of a booking, assessed together as
/// [`Ledger::assess_all`] does), [`Ledger::prepare_with`], [`Ledger::prepare_revoke`],
/// [`Ledger::prepare_confirm`], [`Ledger::prepare_correct`] and
/// [`Ledger::prepare_external_total`]: one for each operation that changes a ledger, each
/// refusing what the operation refuses.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let night = |id: u64, day| Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(id),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: "RSSMRA85T10A562S".parse().unwrap(),
///     utilizzatore: "12345670157".parse().unwrap(),
///     day,
///     minutes: 120,
///     compenso: Euro::from_euros(60),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// });
/// // A shift from 22:00 to 02:00: two prestazioni, one per calendar day (reading R-MIDNIGHT).
/// let shift = [night(1, date!(2026 - 03 - 07))?, night(2, date!(2026 - 03 - 08))?];
/// let mut ledger = Ledger::default();
/// let prepared = ledger.prepare(&shift)?;
/// assert_eq!(prepared.events().len(), 2);
/// assert!(prepared.assessments().iter().all(|a| a.is_lawful()));
/// assert!(ledger.is_empty()); // nothing changes until the commit
/// ledger.commit(prepared)?;
/// assert_eq!(ledger.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "nothing changes until the prepared events are stored and committed"]
pub struct Prepared {
    stamp: StampValue,
    events: Vec<LedgerEvent>,
    assessments: Vec<Assessment>,
}

impl Prepared {
    /// The events to store, in order: what [`Ledger::commit`] applies.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger, LedgerEvent};
    /// use time::macros::date;
    ///
    /// let reading = ExternalTotal { prestatore: "RSSMRA85T10A562S".parse()?, year: 2026, total: Euro::from_euros(1_000), as_of: date!(2026 - 06 - 30) };
    /// let prepared = Ledger::default().prepare_external_total(&reading)?;
    /// assert_eq!(prepared.events(), [LedgerEvent::ExternalTotalSet(reading)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn events(&self) -> &[LedgerEvent] {
        &self.events
    }

    /// The assessment of each prestazione prepared, in order (recorded or corrected ones; none
    /// for a revoca, a confirmation or an external total).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let p = Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 180,
    ///     compenso: Euro::from_euros(24),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?;
    /// let prepared = Ledger::default().prepare([&p])?;
    /// assert_eq!(prepared.assessments()[0].headroom(), Euro::from_euros(2_476));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn assessments(&self) -> &[Assessment] {
        &self.assessments
    }

    /// Whether there is nothing to store (an external total older than the one held).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// let nothing: [prestazioni_occasionali::Prestazione; 0] = [];
    /// assert!(Ledger::default().prepare(&nothing)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// The next ledger identity (a process-wide counter: two ledgers never share one).
static NEXT_LEDGER: AtomicU64 = AtomicU64::new(1);

/// Which state of which ledger: the ledger's identity and how many changes it has seen. A new
/// ledger, and a clone (another ledger from then on), takes a fresh identity; every change moves
/// the generation on.
#[derive(Debug)]
pub(super) struct Stamp {
    ledger: u64,
    generation: u64,
}

/// A [`Stamp`] as a preparation keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StampValue {
    ledger: u64,
    generation: u64,
}

impl Stamp {
    pub(super) fn new() -> Stamp {
        Stamp {
            ledger: NEXT_LEDGER.fetch_add(1, Ordering::Relaxed),
            generation: 0,
        }
    }

    /// Notes a change of the ledger.
    #[inline]
    pub(super) fn bump(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    fn value(&self) -> StampValue {
        StampValue {
            ledger: self.ledger,
            generation: self.generation,
        }
    }
}

impl Clone for Stamp {
    /// A clone is another ledger: a preparation made on one never commits on the other.
    fn clone(&self) -> Stamp {
        Stamp::new()
    }
}

impl Ledger {
    fn prepared(&self, events: Vec<LedgerEvent>, assessments: Vec<Assessment>) -> Prepared {
        Prepared {
            stamp: self.stamp.value(),
            events,
            assessments,
        }
    }

    /// Prepares recording prestazioni communicated together (the calendar days of one booking,
    /// [`Booking::prestazioni`](crate::Booking::prestazioni)) under the default
    /// [`RecordPolicy::RefuseEveryBreach`], without changing the ledger: each is assessed as if
    /// the earlier ones were recorded ([`Ledger::assess_all`]), and either all are lawful and
    /// the [`Prepared`] holds one [`LedgerEvent::Recorded`] for each, or none is prepared.
    /// Store [`Prepared::events`], then [`Ledger::commit`] them.
    ///
    /// A [`Booking`](crate::Booking) also answers questions the ledger does not judge
    /// (admissibility, pay, notice): check [`Booking::is_lawful`](crate::Booking::is_lawful)
    /// first, then prepare its prestazioni.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (readings
    /// R-MIDNIGHT, R-YEAR-OF-WORK, R-CONSEQUENCES).
    ///
    /// # Errors
    ///
    /// [`RecordError::Refused`] with the assessment of the first prestazione that breaches a cap;
    /// [`RecordError::Invalid`] as [`Ledger::assess_all`] (an id already recorded or repeated, a
    /// day before the rules table, an LF compenso that is not whole titoli).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordError, RuleId};
    /// use time::macros::date;
    ///
    /// let day = |id: u64, d, euros: u32| Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(id),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse().unwrap(),
    ///     utilizzatore: "12345670157".parse().unwrap(),
    ///     day: d,
    ///     minutes: 120,
    ///     compenso: Euro::from_euros(euros),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// });
    /// let mut ledger = Ledger::default();
    /// let mut log = Vec::new(); // the host's storage
    /// let prepared = ledger.prepare(&[day(1, date!(2026 - 03 - 07), 1_200)?, day(2, date!(2026 - 03 - 08), 1_200)?])?;
    /// log.extend(prepared.events().iter().cloned()); // stored first...
    /// ledger.commit(prepared)?; // ...then applied
    ///
    /// // Two more days of 60,00 would pass cap c (2.500,00) on the second: neither is prepared.
    /// let refused = ledger.prepare(&[day(3, date!(2026 - 03 - 14), 60)?, day(4, date!(2026 - 03 - 15), 60)?]);
    /// let Err(RecordError::Refused(a)) = refused else { panic!("refused") };
    /// assert_eq!((a.prestazione, a.verdict.breaches[0].rule), (PrestazioneId(4), RuleId::CapPair));
    /// assert_eq!(ledger.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare<'a>(
        &self,
        prestazioni: impl IntoIterator<Item = &'a Prestazione>,
    ) -> Result<Prepared, RecordError> {
        self.prepare_with(prestazioni, RecordPolicy::RefuseEveryBreach)
    }

    /// [`Ledger::prepare`] under a [`RecordPolicy`] (as [`Ledger::record_with`]).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading
    /// R-CONSEQUENCES).
    ///
    /// # Errors
    ///
    /// As [`Ledger::prepare`]; under [`RecordPolicy::RecordConversionBreaches`] only breaches of
    /// caps a and b refuse.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RecordPolicy, RuleId};
    /// use time::macros::date;
    ///
    /// // Reconstructing a year in which cap c was exceeded.
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
    /// let ledger = Ledger::default();
    /// assert!(ledger.prepare([&p]).is_err());
    /// let prepared = ledger.prepare_with([&p], RecordPolicy::RecordConversionBreaches)?;
    /// assert!(prepared.assessments()[0].verdict.breaches_rule(RuleId::CapPair));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_with<'a>(
        &self,
        prestazioni: impl IntoIterator<Item = &'a Prestazione>,
        policy: RecordPolicy,
    ) -> Result<Prepared, RecordError> {
        let prestazioni: Vec<Prestazione> = prestazioni.into_iter().cloned().collect();
        let assessments = self.assess_all(&prestazioni)?;
        if let Some(refused) = assessments.iter().find(|a| refuses(policy, a)) {
            return Err(RecordError::Refused(Box::new(refused.clone())));
        }
        let events = prestazioni.into_iter().map(LedgerEvent::Recorded).collect();
        Ok(self.prepared(events, assessments))
    }

    /// Prepares the revoca of a CPO prestazione at `at`, without changing the ledger: the checks
    /// of [`Ledger::revoke`], and the [`LedgerEvent::Revoked`] to store.
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA, R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// As [`Ledger::revoke`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// // Too late: midnight of the 4th day.
    /// assert!(ledger.prepare_revoke(PrestazioneId(1), datetime!(2026-03-11 00:00 +01:00)).is_err());
    /// let at = datetime!(2026-03-08 10:00 +01:00);
    /// let prepared = ledger.prepare_revoke(PrestazioneId(1), at)?;
    /// assert_eq!(prepared.events(), [LedgerEvent::Revoked { id: PrestazioneId(1), at }]);
    /// ledger.commit(prepared)?;
    /// assert!(ledger.entry(PrestazioneId(1)).is_some_and(|e| e.revoked));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_revoke(
        &self,
        id: PrestazioneId,
        at: time::OffsetDateTime,
    ) -> Result<Prepared, LedgerError> {
        self.check_revoke(id, at)?;
        Ok(self.prepared(vec![LedgerEvent::Revoked { id, at }], Vec::new()))
    }

    /// Prepares the prestatore's confirmation of a CPO prestazione at `at`, without changing the
    /// ledger: the checks of [`Ledger::confirm`], and the [`LedgerEvent::Confirmed`] to store.
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// As [`Ledger::confirm`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// let at = datetime!(2026-03-07 20:00 +01:00);
    /// ledger.commit(ledger.prepare_confirm(PrestazioneId(1), at)?)?;
    /// assert_eq!(ledger.entry(PrestazioneId(1)).and_then(|e| e.confirmed_at), Some(at));
    /// // Confirmed once only.
    /// assert!(ledger.prepare_confirm(PrestazioneId(1), at).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_confirm(
        &self,
        id: PrestazioneId,
        at: time::OffsetDateTime,
    ) -> Result<Prepared, LedgerError> {
        self.check_confirm(id, at)?;
        Ok(self.prepared(vec![LedgerEvent::Confirmed { id, at }], Vec::new()))
    }

    /// Prepares the correction of a Libretto Famiglia communication under the default
    /// [`RecordPolicy::RefuseEveryBreach`], without changing the ledger: the checks and the
    /// assessment of [`Ledger::correct`] (as if the old communication had never been recorded),
    /// and the [`LedgerEvent::Corrected`] to store.
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017 (LF-COMM).
    ///
    /// # Errors
    ///
    /// As [`Ledger::correct`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 180,
    ///     compenso: Euro::from_euros(24),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// // The work took 4 hours: 4 titoli.
    /// let fixed = Prestazione::try_from(PrestazioneDraft { minutes: 240, compenso: Euro::from_euros(32), ..draft.clone() })?;
    /// let prepared = ledger.prepare_correct(&fixed)?;
    /// assert_eq!(prepared.assessments()[0].headroom(), Euro::from_euros(2_468));
    /// ledger.commit(prepared)?;
    /// assert_eq!(ledger.entry(PrestazioneId(1)).map(|e| e.compenso), Some(Euro::from_euros(32)));
    ///
    /// // A correction above cap c (2.500,00) is refused.
    /// let too_much = Prestazione::try_from(PrestazioneDraft { compenso: Euro::from_euros(2_504), minutes: 600, ..draft })?;
    /// assert!(ledger.prepare_correct(&too_much).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_correct(&self, p: &Prestazione) -> Result<Prepared, RecordError> {
        let assessment = self.assess_correction(p)?;
        if refuses(RecordPolicy::RefuseEveryBreach, &assessment) {
            return Err(RecordError::Refused(Box::new(assessment)));
        }
        Ok(self.prepared(vec![LedgerEvent::Corrected(p.clone())], vec![assessment]))
    }

    /// Prepares entering an external total, without changing the ledger: the checks of
    /// [`Ledger::set_external_total`], and the [`LedgerEvent::ExternalTotalSet`] to store, or
    /// nothing when the reading would not replace the one held (an earlier `as_of`).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017.
    ///
    /// # Errors
    ///
    /// As [`Ledger::set_external_total`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger};
    /// use time::macros::date;
    ///
    /// let mut ledger = Ledger::default();
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// let june = ExternalTotal { prestatore: cf, year: 2026, total: Euro::from_euros(4_000), as_of: date!(2026 - 06 - 30) };
    /// ledger.commit(ledger.prepare_external_total(&june)?)?;
    /// // An older reading changes nothing: there is nothing to store.
    /// let march = ExternalTotal { total: Euro::from_euros(1_000), as_of: date!(2026 - 03 - 31), ..june };
    /// assert!(ledger.prepare_external_total(&march)?.is_empty());
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).external, Euro::from_euros(4_000));
    /// // A year before the rules table is refused.
    /// assert!(ledger.prepare_external_total(&ExternalTotal { year: 2016, ..june }).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_external_total(&self, total: &ExternalTotal) -> Result<Prepared, LedgerError> {
        let replaces = self.external_replaces(total)?;
        let events = if replaces {
            vec![LedgerEvent::ExternalTotalSet(*total)]
        } else {
            Vec::new()
        };
        Ok(self.prepared(events, Vec::new()))
    }

    /// Applies what was prepared on this ledger as it stands: the prepared events, as they were
    /// checked (the host has stored them). Atomic: every event is applied, or none.
    ///
    /// Any change of the ledger after the preparation (another record, a revoca, a commit, a
    /// merge, ...) makes it stale, as does committing it on another ledger (a clone included): it
    /// was judged against a state that is gone, so it is refused, and the host prepares again.
    /// Checking costs two integer comparisons.
    ///
    /// # Errors
    ///
    /// [`LedgerError::StalePreparation`], the ledger unchanged. Nothing else on a fresh
    /// preparation: it was checked against this state (an event that could still fail, a total
    /// beyond any real amount, is undone with the others, as [`Ledger::apply_batch`] does).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerError, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let work = |id: u64, euros: u32| Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(id),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse().unwrap(),
    ///     utilizzatore: "12345670157".parse().unwrap(),
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(euros),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// });
    /// let mut ledger = Ledger::default();
    /// // Two bookings of 1.500,00 each prepared on the same state: each fits cap c alone.
    /// let first = ledger.prepare(&[work(1, 1_500)?])?;
    /// let second = ledger.prepare(&[work(2, 1_500)?])?;
    /// ledger.commit(first)?;
    /// // The second was judged without the first: stale, refused, nothing changes.
    /// assert_eq!(ledger.commit(second), Err(LedgerError::StalePreparation));
    /// assert_eq!(ledger.len(), 1);
    /// // Prepared again, it breaches cap c.
    /// assert!(ledger.prepare(&[work(2, 1_500)?]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[expect(
        clippy::needless_pass_by_value,
        reason = "a preparation is used up by its commit: it cannot be committed twice"
    )]
    pub fn commit(&mut self, prepared: Prepared) -> Result<(), LedgerError> {
        if prepared.stamp != self.stamp.value() {
            return Err(LedgerError::StalePreparation);
        }
        self.apply_batch(&prepared.events)
    }

    /// The assessment of a correction as [`Ledger::correct`] makes it (as if the old
    /// communication had never been recorded), changing nothing: the totals of its year without
    /// the old communication (a correction keeps the prestatore, the utilizzatore and the year).
    pub(super) fn assess_correction(&self, p: &Prestazione) -> Result<Assessment, LedgerError> {
        let (_, old) = self.correctable(p)?;
        let rules = self.table.in_force_on(p.day())?;
        let probe = Probe::of(p);
        check_titoli(rules, &probe)?;
        let old = self.delta(&old)?;
        let counted = self
            .counted(probe.day.year(), keys_of(p))
            .step(&old, false)?;
        Ledger::judge(rules, &self.thresholds, &probe, &counted)
    }
}
