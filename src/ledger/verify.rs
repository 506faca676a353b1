//! Checking a ledger or an event log the host does not fully trust: every prestazione that
//! breached a rule at its time, every event that could not happen when it did.
//!
//! [`Ledger::replay`] and [`Ledger::merge`] trust their input (a host's own storage, shards of
//! one ledger): they count what the log says was accepted. [`Ledger::replay_verified`] replays a
//! log and judges each event at its place in it; [`Ledger::verify`] judges a ledger as it stands.

use std::borrow::Borrow;
use std::fmt;

use time::{Date, OffsetDateTime};

use super::entries::REVOKED;
use super::{Assessment, Ledger, LedgerError, LedgerEvent};
use crate::format::instant;
use crate::instruments::{can_confirm, can_revoke, revoca_deadline};
use crate::prestazione::PrestazioneId;
use crate::rules::{Citation, RulesTable};
use crate::verdict::RuleId;

/// One event that breached a rule at its time, or could not happen when it did, as
/// [`Ledger::replay_verified`] and [`Ledger::verify`] find it.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, FindingKind, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
/// use time::macros::date;
///
/// // Two shards of 2.000,00 for one pair: each lawful, together above cap c (2.500,00).
/// let draft = PrestazioneDraft {
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
/// };
/// let mut march = Ledger::default();
/// march.record(&Prestazione::try_from(draft.clone())?)?;
/// let mut april = Ledger::new(march.rules_table());
/// april.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(2), day: date!(2026 - 04 - 11), ..draft })?)?;
/// march.merge(&april)?;
/// let findings = march.verify();
/// assert_eq!(findings.len(), 1);
/// assert_eq!((findings[0].event, findings[0].prestazione), (1, PrestazioneId(2)));
/// assert_eq!(findings[0].rules(), vec![RuleId::CapPair]);
/// assert!(matches!(&findings[0].kind, FindingKind::Breach(a) if a.verdict.breaches_rule(RuleId::CapPair)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Finding {
    /// The position of the event in the log ([`Ledger::replay_verified`]) or in
    /// [`Ledger::events`] ([`Ledger::verify`]).
    pub event: usize,
    /// The prestazione it concerns.
    pub prestazione: PrestazioneId,
    /// What was wrong.
    pub kind: FindingKind,
}

/// What a [`Finding`] found.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, FindingKind, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::{date, datetime};
///
/// let p = Prestazione::try_from(PrestazioneDraft {
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
/// })?;
/// // A confirmation a week after the work.
/// let log = [
///     LedgerEvent::Recorded(p),
///     LedgerEvent::Confirmed { id: PrestazioneId(1), at: datetime!(2026-03-14 10:00 +01:00) },
/// ];
/// let (_, findings) = Ledger::replay_verified(Ledger::default().rules_table(), &log)?;
/// assert!(matches!(findings[0].kind, FindingKind::LateOrEarlyConfirmation { last_day, .. } if last_day == date!(2026 - 03 - 10)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum FindingKind {
    /// The prestazione breached rules when it was recorded or corrected: the assessment lists
    /// each breach with its rule, citation, figures (limit, used, requested, excess) and
    /// consequence.
    Breach(Box<Assessment>),
    /// A revoca after its window closed (23:59:59 of `last_day`): the platform refuses it and
    /// the prestazione stays due (CPO-REVOCA, reading R-REVOCA).
    LateRevoca {
        /// When it was revoked.
        at: OffsetDateTime,
        /// The last day of the window.
        last_day: Date,
        /// The citation of the window.
        citation: Box<Citation>,
    },
    /// A confirmation by the prestatore outside its window, from the day of the work until
    /// 23:59:59 of `last_day` (CPO-REVOCA, reading R-CONFIRMATION).
    LateOrEarlyConfirmation {
        /// When it was confirmed.
        at: OffsetDateTime,
        /// The day of the work, the first of the window.
        day: Date,
        /// The last day of the window.
        last_day: Date,
        /// The citation of the window.
        citation: Box<Citation>,
    },
    /// A confirmation dated before the revoca it follows: the revoca was then of a confirmed
    /// prestazione, which the utilizzatore cannot do (reading R-CONFIRMATION).
    ConfirmedBeforeRevoca {
        /// When it was confirmed.
        at: OffsetDateTime,
        /// When it was revoked.
        revoked_at: OffsetDateTime,
    },
}

impl Finding {
    /// The rules the finding is about: the breached caps of a [`FindingKind::Breach`],
    /// `CPO-REVOCA` for a revoca or a confirmation out of time.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
    /// use time::macros::{date, datetime};
    ///
    /// let p = Prestazione::try_from(PrestazioneDraft {
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
    /// })?;
    /// let log = [LedgerEvent::Recorded(p), LedgerEvent::Revoked { id: PrestazioneId(1), at: datetime!(2026-03-20 10:00 +01:00) }];
    /// let (_, findings) = Ledger::replay_verified(Ledger::default().rules_table(), &log)?;
    /// assert_eq!(findings[0].rules(), vec![RuleId::CpoRevoca]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rules(&self) -> Vec<RuleId> {
        match &self.kind {
            FindingKind::Breach(a) => a.verdict.breaches.iter().map(|b| b.rule).collect(),
            FindingKind::LateRevoca { .. }
            | FindingKind::LateOrEarlyConfirmation { .. }
            | FindingKind::ConfirmedBeforeRevoca { .. } => vec![RuleId::CpoRevoca],
        }
    }
}

impl fmt::Display for Finding {
    /// `event 1, prestazione #2: CAP-PAIR: ...` (each breach as [`crate::Breach`] prints it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "event {}, prestazione {}: ",
            self.event, self.prestazione
        )?;
        match &self.kind {
            FindingKind::Breach(a) => write!(f, "{}", a.verdict),
            FindingKind::LateRevoca {
                at,
                last_day,
                citation,
            } => write!(
                f,
                "{}: revoked at {}, after the window closed at 23:59:59 of {last_day} ({citation})",
                RuleId::CpoRevoca,
                instant(at)
            ),
            FindingKind::LateOrEarlyConfirmation {
                at,
                day,
                last_day,
                citation,
            } => write!(
                f,
                "{}: confirmed at {}, outside the window from {day} to 23:59:59 of {last_day} (reading R-CONFIRMATION; {citation})",
                RuleId::CpoRevoca,
                instant(at)
            ),
            FindingKind::ConfirmedBeforeRevoca { at, revoked_at } => write!(
                f,
                "{}: confirmed at {}, before the revoca at {}: a confirmed prestazione cannot be revoked (reading R-CONFIRMATION)",
                RuleId::CpoRevoca,
                instant(at),
                instant(revoked_at)
            ),
        }
    }
}

impl Ledger {
    /// A ledger rebuilt from a log of events it does not fully trust (another system's events,
    /// shards of unknown origin), with every [`Finding`]: each recorded or corrected
    /// prestazione is assessed against what the log held before it (every breach, as
    /// [`Ledger::record`] would have refused it, or recorded it under
    /// [`RecordPolicy::RecordConversionBreaches`](crate::RecordPolicy::RecordConversionBreaches)),
    /// each revoca and confirmation is checked
    /// against its window and order. The events are applied whatever the findings (the ledger
    /// is what the log says happened); a structural error stops the replay, as in
    /// [`Ledger::replay`].
    ///
    /// Use [`Ledger::replay`] for the host's own storage (faster: no assessment), this for a
    /// log from elsewhere, and [`Ledger::verify`] to check a ledger as it stands (after a merge).
    ///
    /// Legal basis: art. 54-bis c. 1, c. 8 and c. 20 D.L. 50/2017; INPS circ. 107/2017
    /// (CPO-REVOCA; reading R-REVOCA, R-CONFIRMATION, R-CONSEQUENCES).
    ///
    /// # Errors
    ///
    /// The first structural error of [`Ledger::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, FindingKind, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, RulesTable};
    /// use time::macros::{date, datetime};
    ///
    /// let draft = PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(1_000),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// // Three CPO records of 1.000,00 for one pair, and a revoca a year late.
    /// let log: Vec<LedgerEvent> = (1..=3)
    ///     .map(|id| Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(id), ..draft.clone() }).map(LedgerEvent::Recorded))
    ///     .chain([Ok(LedgerEvent::Revoked { id: PrestazioneId(1), at: datetime!(2027-03-08 10:00 +01:00) })])
    ///     .collect::<Result<_, _>>()?;
    /// let table = RulesTable::embedded();
    /// // Replay trusts the log.
    /// assert_eq!(Ledger::replay(table, &log)?.len(), 3);
    /// let (ledger, findings) = Ledger::replay_verified(table, &log)?;
    /// assert_eq!(ledger.len(), 3);
    /// assert_eq!(findings.len(), 2);
    /// assert_eq!((findings[0].event, findings[0].rules()), (2, vec![RuleId::CapPair]));
    /// assert!(matches!(findings[1].kind, FindingKind::LateRevoca { last_day, .. } if last_day == date!(2026 - 03 - 10)));
    ///
    /// // A structural error stops it, as it stops `replay`.
    /// let broken = [LedgerEvent::Revoked { id: PrestazioneId(9), at: datetime!(2026-03-08 10:00 +01:00) }];
    /// assert!(Ledger::replay_verified(Ledger::default().rules_table(), &broken).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay_verified<E: Borrow<LedgerEvent>>(
        table: &RulesTable,
        events: impl IntoIterator<Item = E>,
    ) -> Result<(Ledger, Vec<Finding>), LedgerError> {
        let mut ledger = Ledger::new(table);
        let mut findings = Vec::new();
        for (n, event) in events.into_iter().enumerate() {
            let event = event.borrow();
            let found = match event {
                LedgerEvent::Recorded(p) => ledger.assess(p).ok().and_then(breach),
                LedgerEvent::Corrected(p) => ledger.assess_correction(p).ok().and_then(breach),
                LedgerEvent::Revoked { id, at } => ledger.late_revoca(*id, *at)?,
                LedgerEvent::Confirmed { id, at } => ledger.misplaced_confirmation(*id, *at)?,
                LedgerEvent::ExternalTotalSet(_) => None,
            };
            ledger.apply(event)?;
            if let Some(kind) = found {
                findings.push(Finding {
                    event: n,
                    prestazione: event_id(event).unwrap_or(PrestazioneId(0)),
                    kind,
                });
            }
        }
        Ok((ledger, findings))
    }

    /// Every [`Finding`] of the ledger as it stands: the prestazioni not revoked, judged in the
    /// order recorded against those before them and the external totals (the latest readings:
    /// facts of the year), and every revoca and confirmation against its window. A revoked
    /// prestazione counts in no cap here, as in the ledger's totals; to judge each event at its
    /// place in a log, replay the log with [`Ledger::replay_verified`].
    ///
    /// Use it after a [`Ledger::merge`] of shards whose prestazioni may breach caps together,
    /// or on a ledger replayed from events the host does not fully trust. `event` in each
    /// finding is the position in [`Ledger::events`].
    ///
    /// Legal basis: art. 54-bis c. 1, c. 8 and c. 20 D.L. 50/2017; INPS circ. 107/2017
    /// (CPO-REVOCA; reading R-REVOCA, R-CONFIRMATION, R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// See [`Finding`]; a ledger built by [`Ledger::record`] alone has no finding:
    ///
    /// ```
    /// use prestazioni_occasionali::Ledger;
    /// assert!(Ledger::default().verify().is_empty());
    /// ```
    #[must_use]
    pub fn verify(&self) -> Vec<Finding> {
        // Rebuilding a ledger from its own events cannot fail (they were all accepted); were it
        // to (a bug of the crate), the findings so far are returned rather than a panic.
        let mut fresh = Ledger::new(&self.table);
        let mut later = Vec::new();
        for event in self.events().flatten() {
            match event {
                LedgerEvent::ExternalTotalSet(total) => {
                    let _ = fresh.set_external_total(&total);
                }
                other => later.push(other),
            }
        }
        let mut findings = Vec::new();
        for (n, event) in later.iter().enumerate() {
            match fresh.verify_step(n, event, self) {
                Ok(Some(finding)) => findings.push(finding),
                Ok(None) => {}
                Err(_) => break,
            }
        }
        findings
    }

    /// One event of `verify`: judged against `self` (the ledger being rebuilt), then applied;
    /// `original` is the ledger verified.
    fn verify_step(
        &mut self,
        n: usize,
        event: &LedgerEvent,
        original: &Ledger,
    ) -> Result<Option<Finding>, LedgerError> {
        let found = match event {
            LedgerEvent::Recorded(p) => {
                let revoked = original
                    .find(p.id())
                    .is_ok_and(|(_, e)| e.flags & REVOKED != 0);
                if revoked {
                    // Held (for the ids and the instants), counted in no cap.
                    self.apply(event)?;
                    self.revoke_unchecked(p.id(), OffsetDateTime::UNIX_EPOCH)?;
                    return Ok(None);
                }
                let found = self.assess(p).ok().and_then(breach);
                self.apply(event)?;
                found
            }
            LedgerEvent::Revoked { id, at } => {
                let found = self.late_revoca(*id, *at)?;
                self.instants.entry(id.0).or_default().revoked = Some(*at);
                found
            }
            LedgerEvent::Confirmed { id, at } => {
                let found = self.misplaced_confirmation(*id, *at)?;
                self.apply(event)?;
                found
            }
            _ => None,
        };
        Ok(found.map(|kind| Finding {
            event: n,
            prestazione: event_id(event).unwrap_or(PrestazioneId(0)),
            kind,
        }))
    }

    /// A revoca at `at` of the prestazione `id` after its window (`None` when in time or not
    /// revocable: replay reports the latter as an error).
    fn late_revoca(
        &self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<Option<FindingKind>, LedgerError> {
        let Ok((_, e)) = self.find(id) else {
            return Ok(None);
        };
        let rules = self.table.in_force_on(e.day)?;
        // In time until 23:59:59 Italian civil time of the last day (reading R-REVOCA,
        // R-CIVIL-TIME).
        let (Ok(last_day), Ok(in_time)) =
            (revoca_deadline(e.day, rules), can_revoke(at, e.day, rules))
        else {
            return Ok(None);
        };
        Ok((!in_time).then(|| FindingKind::LateRevoca {
            at,
            last_day,
            citation: Box::new(rules.revoca_days.citation.clone()),
        }))
    }

    /// A confirmation at `at` of the prestazione `id` outside its window, or dated before the
    /// revoca it follows.
    fn misplaced_confirmation(
        &self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<Option<FindingKind>, LedgerError> {
        let Ok((_, e)) = self.find(id) else {
            return Ok(None);
        };
        let rules = self.table.in_force_on(e.day)?;
        let (Ok(in_time), Ok(last_day)) =
            (can_confirm(at, e.day, rules), revoca_deadline(e.day, rules))
        else {
            return Ok(None);
        };
        if !in_time {
            return Ok(Some(FindingKind::LateOrEarlyConfirmation {
                at,
                day: e.day,
                last_day,
                citation: Box::new(rules.revoca_days.citation.clone()),
            }));
        }
        Ok(self
            .instants_of(&e)
            .and_then(|i| i.revoked)
            .filter(|revoked_at| at < *revoked_at)
            .map(|revoked_at| FindingKind::ConfirmedBeforeRevoca { at, revoked_at }))
    }
}

/// The finding of an assessment with breaches.
fn breach(a: Assessment) -> Option<FindingKind> {
    (!a.is_lawful()).then(|| FindingKind::Breach(Box::new(a)))
}

/// The prestazione an event concerns.
fn event_id(event: &LedgerEvent) -> Option<PrestazioneId> {
    match event {
        LedgerEvent::Recorded(p) | LedgerEvent::Corrected(p) => Some(p.id()),
        LedgerEvent::Revoked { id, .. } | LedgerEvent::Confirmed { id, .. } => Some(*id),
        LedgerEvent::ExternalTotalSet(_) => None,
    }
}
