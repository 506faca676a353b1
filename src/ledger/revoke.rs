//! The revoca of a CPO prestazione by the utilizzatore and its confirmation by the prestatore
//! (reading R-REVOCA, R-CONFIRMATION).

use time::OffsetDateTime;

use super::entries::{CONFIRMED, Entry, LF, REVOKED};
use super::error::overflow;
use super::{Ledger, LedgerError, LedgerEvent};
use crate::instruments::{can_confirm, revoca_deadline};
use crate::prestazione::PrestazioneId;

impl Ledger {
    /// Revokes a recorded CPO prestazione at the instant `at` (in any offset): allowed until
    /// 23:59:59 Italian civil time of the `Rules::revoca_days`-th (3rd) day after the day of the
    /// work; 00:00:00 of the 4th is too late ([`can_revoke`](crate::can_revoke), reading
    /// R-CIVIL-TIME). The room it took is restored exactly; the prestazione stays in the ledger as
    /// revoked (its id cannot be used again), with the instant of the revoca. A prestazione the
    /// prestatore has confirmed cannot be revoked (reading R-CONFIRMATION).
    ///
    /// Returns the [`LedgerEvent::Revoked`] the host stores ([`Ledger::prepare_revoke`] is the
    /// two-step form: store, then commit).
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA, R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// [`LedgerError::UnknownId`], [`LedgerError::AlreadyRevoked`],
    /// [`LedgerError::NotRevocable`] for a Libretto Famiglia communication (correct it with
    /// [`Ledger::correct`]), [`LedgerError::Confirmed`] once the prestatore has confirmed it
    /// ([`Ledger::confirm`], reading R-CONFIRMATION), [`LedgerError::RevocaClosed`] after the
    /// window.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::{date, datetime};
    ///
    /// let mut ledger = Ledger::default();
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// ledger.record(&Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: cf,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?)?;
    /// // Too late at midnight of the 4th day (worked example E6: revoca until 24:00 of 10/3/2026).
    /// assert!(ledger.revoke(PrestazioneId(1), datetime!(2026-03-11 00:00:00 +01:00)).is_err());
    /// // 23:30 UTC of 10/3 is already 00:30 of 11/3 in Italy.
    /// assert!(ledger.revoke(PrestazioneId(1), datetime!(2026-03-10 23:30:00 UTC)).is_err());
    /// let at = datetime!(2026-03-10 23:59:59 +01:00);
    /// assert_eq!(ledger.revoke(PrestazioneId(1), at)?, LedgerEvent::Revoked { id: PrestazioneId(1), at });
    /// assert_eq!(ledger.prestatore_totals(&cf, 2026).compensi, Euro::ZERO);
    /// assert_eq!(
    ///     ledger.revoke(PrestazioneId(1), datetime!(2026-03-10 23:59:59 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 is already revoked"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revoke(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<LedgerEvent, LedgerError> {
        self.check_revoke(id, at)?;
        self.revoke_unchecked(id, at)?;
        self.stamp.bump();
        Ok(LedgerEvent::Revoked { id, at })
    }

    /// Whether [`Ledger::revoke`] at `at` would succeed, without changing anything: `Ok(())`,
    /// or the error it would return.
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
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
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
    /// assert!(ledger.check_revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).is_ok());
    /// // Once the prestatore confirms it, it is no longer revocable.
    /// ledger.confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))?;
    /// assert!(ledger.check_revoke(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_revoke(&self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        let (_, e) = self.revocable(id)?;
        let rules = self.table.in_force_on(e.day)?;
        let last_day = revoca_deadline(e.day, rules).map_err(|_| overflow("revoca deadline"))?;
        let in_time = crate::instruments::can_revoke(at, e.day, rules)
            .map_err(|_| overflow("revoca deadline"))?;
        if !in_time {
            return Err(LedgerError::RevocaClosed {
                id,
                last_day,
                days: rules.revoca_days.value,
                citation: Box::new(rules.revoca_days.citation.clone()),
            });
        }
        Ok(())
    }

    pub(super) fn revocable(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        let (position, e) = self.find(id)?;
        if e.has(REVOKED) {
            return Err(LedgerError::AlreadyRevoked { id });
        }
        if e.has(LF) {
            return Err(LedgerError::NotRevocable { id });
        }
        if let Some(at) = self.instants_of(&e).and_then(|i| i.confirmed) {
            return Err(LedgerError::Confirmed { id, at });
        }
        Ok((position, e))
    }

    pub(super) fn revoke_unchecked(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<(), LedgerError> {
        let (position, e) = self.revocable(id)?;
        self.change_totals(&e, false)?;
        self.set_flags(position, e.flags | REVOKED);
        self.instants.entry(id.0).or_default().revoked = Some(at);
        Ok(())
    }

    /// Records the prestatore's confirmation, at the instant `at` (with the offset of
    /// Europe/Rome), that the work of a CPO prestazione took place: allowed from the day of the
    /// work until 23:59:59 of the `Rules::revoca_days`-th (3rd) day after, the revoca's window.
    /// Once confirmed, the utilizzatore can no longer revoke it ([`Ledger::revoke`] answers
    /// [`LedgerError::Confirmed`]); after a revoca the prestatore can still confirm that the
    /// work took place (the revoca stands: the prestazione still counts in no total).
    ///
    /// Returns the [`LedgerEvent::Confirmed`] the host stores ([`Ledger::prepare_confirm`] is the
    /// two-step form).
    ///
    /// Legal basis: INPS circ. 107/2017 and its Vademecum (CPO-REVOCA, reading R-CONFIRMATION).
    ///
    /// # Errors
    ///
    /// [`LedgerError::UnknownId`], [`LedgerError::NotConfirmable`] for a Libretto Famiglia
    /// communication, [`LedgerError::AlreadyConfirmed`], [`LedgerError::ConfirmationClosed`]
    /// outside the window, [`LedgerError::ConfirmedBeforeRevoca`] for a confirmation dated
    /// before the revoca it follows.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, LedgerError, Prestazione, PrestazioneDraft, PrestazioneId};
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
    /// // Too late at midnight of the 4th day.
    /// assert!(ledger.confirm(PrestazioneId(1), datetime!(2026-03-11 00:00 +01:00)).is_err());
    /// ledger.confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))?;
    /// assert_eq!(
    ///     ledger.revoke(PrestazioneId(1), datetime!(2026-03-08 09:00 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 was confirmed by the prestatore at 2026-03-07 20:00:00 +01:00: the utilizzatore can no longer revoke it (reading R-CONFIRMATION)"
    /// );
    /// assert!(ledger.entry(PrestazioneId(1)).is_some_and(|e| e.confirmed_at.is_some() && !e.revoked));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn confirm(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<LedgerEvent, LedgerError> {
        self.check_confirm(id, at)?;
        self.confirm_unchecked(id, at)?;
        self.stamp.bump();
        Ok(LedgerEvent::Confirmed { id, at })
    }

    /// Whether [`Ledger::confirm`] at `at` would succeed, without changing anything.
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
    /// use prestazioni_occasionali::{Ledger, PrestazioneId};
    /// use time::macros::datetime;
    /// assert_eq!(
    ///     Ledger::default().check_confirm(PrestazioneId(1), datetime!(2026-03-08 10:00 +01:00)).unwrap_err().to_string(),
    ///     "prestazione #1 is not in the ledger"
    /// );
    /// ```
    pub fn check_confirm(&self, id: PrestazioneId, at: OffsetDateTime) -> Result<(), LedgerError> {
        let (_, e) = self.confirmable(id)?;
        let rules = self.table.in_force_on(e.day)?;
        if !can_confirm(at, e.day, rules).map_err(|_| overflow("confirmation deadline"))? {
            return Err(LedgerError::ConfirmationClosed {
                id,
                at,
                day: e.day,
                last_day: revoca_deadline(e.day, rules)
                    .map_err(|_| overflow("confirmation deadline"))?,
                days: rules.revoca_days.value,
                citation: Box::new(rules.revoca_days.citation.clone()),
            });
        }
        if let Some(revoked_at) = self.instants_of(&e).and_then(|i| i.revoked)
            && at < revoked_at
        {
            return Err(LedgerError::ConfirmedBeforeRevoca { id, at, revoked_at });
        }
        Ok(())
    }

    pub(super) fn confirmable(&self, id: PrestazioneId) -> Result<(usize, Entry), LedgerError> {
        let (position, e) = self.find(id)?;
        if e.has(LF) {
            return Err(LedgerError::NotConfirmable { id });
        }
        if e.has(CONFIRMED) {
            return Err(LedgerError::AlreadyConfirmed { id });
        }
        Ok((position, e))
    }

    pub(super) fn confirm_unchecked(
        &mut self,
        id: PrestazioneId,
        at: OffsetDateTime,
    ) -> Result<(), LedgerError> {
        let (position, e) = self.confirmable(id)?;
        self.set_flags(position, e.flags | CONFIRMED);
        self.instants.entry(id.0).or_default().confirmed = Some(at);
        Ok(())
    }
}
