//! Intermediaries, delegations (deleghe) and the one authorization function that decides who may
//! do what for whom on a day.
//!
//! Legal basis: L. 12/1979; L. 152/2001; INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025
//! (REG-INTERMEDIARI, REG-PORTAL-2026).

use std::fmt;

use time::{Date, Month};

use crate::identity::{CodiceFiscale, CodiceFiscaleKind};
use crate::ledger::{Ledger, LedgerError};
use crate::parties::UtilizzatoreId;
use crate::prestazione::{Instrument, Prestazione, PrestazioneId};
use crate::rules::{DeleganteKind, IntermediarioKind, IntermediaryScope, Rules};

/// Why a delega cannot be built.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::DelegaError;
/// assert_eq!(DelegaError::NoActions.to_string(), "delega grants no action");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DelegaError {
    /// The validity ends before it starts.
    #[error("delega validity ends on {until}, before it starts on {from}")]
    EndsBeforeStart {
        /// First day.
        from: Date,
        /// Last day.
        until: Date,
    },
    /// No action is delegated.
    #[error("delega grants no action")]
    NoActions,
    /// An action that does not apply to this kind of delegante.
    #[error("delega action {action} does not apply to a {delegante}")]
    ActionNotForDelegante {
        /// The action.
        action: Action,
        /// The delegante's kind.
        delegante: DeleganteKind,
    },
    /// The revocation is before the start of the validity.
    #[error("delega revoked on {revoked_on}, before its validity starts on {from}")]
    RevokedBeforeStart {
        /// The revocation day.
        revoked_on: Date,
        /// The first day.
        from: Date,
    },
    /// A Libretto Famiglia utilizzatore identified by a partita IVA or a provisional code.
    #[error(
        "a Libretto Famiglia utilizzatore is a persona fisica with a personal codice fiscale (art. 54-bis c. 6 lett. a)"
    )]
    LfUtilizzatoreNotPerson,
    /// The intermediary's codice fiscale is the delegante's own (for a company delegante, the
    /// same 11 digits as its partita IVA).
    #[error("the intermediary is the delegante itself")]
    SelfDelegation,
}

/// A party of the platform that may act, or be acted for: a prestatore, or an utilizzatore of an
/// instrument.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{DeleganteKind, Instrument, Party};
/// let p = Party::Prestatore("RSSMRA85T10A562S".parse()?);
/// assert_eq!(p.kind(), DeleganteKind::Prestatore);
/// let u = Party::Utilizzatore { id: "BNCGNN60A01H501P".parse()?, instrument: Instrument::LibrettoFamiglia };
/// assert_eq!(u.kind(), DeleganteKind::UtilizzatoreLf);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Party {
    /// A prestatore.
    Prestatore(CodiceFiscale),
    /// An utilizzatore, as a user of one instrument.
    Utilizzatore {
        /// Its identifier.
        id: UtilizzatoreId,
        /// The instrument.
        instrument: Instrument,
    },
}

impl Party {
    /// The kind of delegante this party is.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{DeleganteKind, Instrument, Party};
    /// let family = Party::Utilizzatore { id: "BNCGNN60A01H501P".parse()?, instrument: Instrument::LibrettoFamiglia };
    /// assert_eq!(family.kind(), DeleganteKind::UtilizzatoreLf);
    /// let firm = Party::Utilizzatore { id: "00743110157".parse()?, instrument: Instrument::ContrattoPrestazioneOccasionale };
    /// assert_eq!(firm.kind(), DeleganteKind::UtilizzatoreCpo);
    /// assert_eq!(Party::Prestatore("RSSMRA85T10A562S".parse()?).kind(), DeleganteKind::Prestatore);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> DeleganteKind {
        match self {
            Party::Prestatore(_) => DeleganteKind::Prestatore,
            Party::Utilizzatore {
                instrument: Instrument::LibrettoFamiglia,
                ..
            } => DeleganteKind::UtilizzatoreLf,
            Party::Utilizzatore {
                instrument: Instrument::ContrattoPrestazioneOccasionale,
                ..
            } => DeleganteKind::UtilizzatoreCpo,
        }
    }

    /// Whether two parties are the same person or body in the same role (codici fiscali compared
    /// as the same holder, so omocodes match).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Party;
    /// let code = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// let omocode = Party::Prestatore("RSSMRA85T10A56NH".parse()?);
    /// assert!(code.same_as(&omocode));
    /// assert!(!code.same_as(&Party::Prestatore("BNCGNN60A01H501P".parse()?)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn same_as(&self, other: &Party) -> bool {
        match (self, other) {
            (Party::Prestatore(a), Party::Prestatore(b)) => a.same_holder(b),
            (
                Party::Utilizzatore {
                    id: a,
                    instrument: i,
                },
                Party::Utilizzatore {
                    id: b,
                    instrument: j,
                },
            ) => i == j && a.same_holder(b),
            _ => false,
        }
    }
}

/// An action on the platform that the authorization function decides.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Action;
/// assert_eq!(Action::ChangePaymentMethod.to_string(), "change the payment method");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Action {
    /// Register (or update the registration of) a prestatore or utilizzatore.
    Register,
    /// Change a prestatore's payment method.
    ChangePaymentMethod,
    /// Communicate a prestazione (utilizzatore).
    CommunicatePrestazione,
    /// Revoke a prestazione (utilizzatore).
    RevokePrestazione,
    /// Fund the Libretto Famiglia (LF utilizzatore).
    FundLibretto,
    /// View the Scrivania Prestatore.
    ViewScrivania,
    /// View the annual prospetto compensi.
    ViewProspetto,
}

impl Action {
    /// Every action.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Action;
    /// assert_eq!(Action::ALL.len(), 7);
    /// assert!(Action::ALL.contains(&Action::ViewProspetto));
    /// ```
    pub const ALL: [Action; 7] = [
        Action::Register,
        Action::ChangePaymentMethod,
        Action::CommunicatePrestazione,
        Action::RevokePrestazione,
        Action::FundLibretto,
        Action::ViewScrivania,
        Action::ViewProspetto,
    ];

    /// Whether the action can concern a party of this kind (the desk and the payment method are
    /// a prestatore's; prestazioni are communicated and revoked by utilizzatori; the libretto is
    /// funded by an LF utilizzatore).
    ///
    /// Legal basis: REG-INTERMEDIARI, REG-PORTAL-2026.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Action, DeleganteKind};
    /// assert!(Action::ViewScrivania.applies_to(DeleganteKind::Prestatore));
    /// assert!(!Action::FundLibretto.applies_to(DeleganteKind::UtilizzatoreCpo));
    /// ```
    #[must_use]
    pub fn applies_to(self, kind: DeleganteKind) -> bool {
        match self {
            Action::Register => true,
            Action::ChangePaymentMethod | Action::ViewScrivania | Action::ViewProspetto => {
                kind == DeleganteKind::Prestatore
            }
            Action::CommunicatePrestazione | Action::RevokePrestazione => {
                kind != DeleganteKind::Prestatore
            }
            Action::FundLibretto => kind == DeleganteKind::UtilizzatoreLf,
        }
    }

    /// Whether the action is on a prestazione (and so needs [`Subject::Prestazione`]).
    fn on_prestazione(self) -> bool {
        matches!(
            self,
            Action::CommunicatePrestazione | Action::RevokePrestazione
        )
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Register => "register",
            Action::ChangePaymentMethod => "change the payment method",
            Action::CommunicatePrestazione => "communicate a prestazione",
            Action::RevokePrestazione => "revoke a prestazione",
            Action::FundLibretto => "fund the libretto",
            Action::ViewScrivania => "view the Scrivania Prestatore",
            Action::ViewProspetto => "view the prospetto compensi",
        })
    }
}

/// An intermediary: its category and codice fiscale.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Intermediario, IntermediarioKind};
/// let i = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
/// assert_eq!(i.kind, IntermediarioKind::Patronato);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Intermediario {
    /// The category.
    pub kind: IntermediarioKind,
    /// The codice fiscale of the professional or body.
    pub codice_fiscale: CodiceFiscale,
}

/// A delega as given (plain data), before validation.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
/// use time::macros::date;
///
/// let draft = DelegaDraft {
///     delegante: Party::Prestatore("RSSMRA85T10A562S".parse()?),
///     intermediario: Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? },
///     actions: vec![Action::ViewProspetto],
///     from: date!(2026 - 01 - 15),
///     until: date!(2026 - 12 - 31),
///     revoked_on: None,
/// };
/// // A draft is plain data: nothing is checked until `Delega::new`.
/// assert_eq!(Delega::new(draft.clone())?.actions(), &[Action::ViewProspetto]);
/// let empty = DelegaDraft { actions: vec![], ..draft };
/// assert_eq!(Delega::new(empty).unwrap_err().to_string(), "delega grants no action");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DelegaDraft {
    /// Who delegates.
    pub delegante: Party,
    /// To whom.
    pub intermediario: Intermediario,
    /// Which actions.
    pub actions: Vec<Action>,
    /// First day of validity.
    pub from: Date,
    /// Last day of validity (inclusive).
    pub until: Date,
    /// The day the revocation takes effect (not valid from that day), if revoked.
    pub revoked_on: Option<Date>,
}

/// A delegation from a prestatore or utilizzatore to an intermediary: for which actions, from
/// when to when, revoked or not. Built only through [`Delega::new`] (also through serde).
///
/// Legal basis: INPS msg 3177 of 31/7/2017 (written delega registered through "Deleghe
/// indirette"; kept with a copy of the delegante's ID for its validity plus 5 years); INPS msg
/// 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
/// use time::macros::date;
///
/// let draft = DelegaDraft {
///     delegante: Party::Prestatore("RSSMRA85T10A562S".parse()?),
///     intermediario: Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? },
///     actions: vec![Action::Register, Action::ViewScrivania],
///     from: date!(2026 - 01 - 15),
///     until: date!(2026 - 12 - 31),
///     revoked_on: None,
/// };
/// let delega = Delega::new(draft.clone())?;
/// assert_eq!(delega.keep_until()?, date!(2031 - 12 - 31));
///
/// let bad = DelegaDraft { actions: vec![Action::FundLibretto], ..draft };
/// assert_eq!(
///     Delega::new(bad).unwrap_err().to_string(),
///     "delega action fund the libretto does not apply to a prestatore"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "DelegaDraft", try_from = "DelegaDraft")
)]
pub struct Delega(DelegaDraft);

impl TryFrom<DelegaDraft> for Delega {
    type Error = DelegaError;
    fn try_from(draft: DelegaDraft) -> Result<Delega, DelegaError> {
        Delega::new(draft)
    }
}

impl From<Delega> for DelegaDraft {
    fn from(d: Delega) -> DelegaDraft {
        d.0
    }
}

impl Delega {
    /// Validates a delega: validity not ending before it starts, at least one action, every
    /// action applicable to the delegante, an LF utilizzatore identified by a personal codice
    /// fiscale, an intermediary other than the delegante, a revocation not before the start.
    /// Actions are sorted and deduplicated. Whether the intermediary's category may act for the
    /// delegante is a dated rule decided by [`authorize`] on each day.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Errors
    ///
    /// A [`DelegaError`] naming the problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Rules};
    /// use time::macros::date;
    ///
    /// let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// let draft = DelegaDraft {
    ///     delegante: mario,
    ///     intermediario: patronato,
    ///     actions: vec![Action::ViewScrivania, Action::Register, Action::ViewScrivania],
    ///     from: date!(2026 - 01 - 15),
    ///     until: date!(2026 - 12 - 31),
    ///     revoked_on: None,
    /// };
    /// let delega = Delega::new(draft.clone())?;
    /// assert_eq!(delega.delegante(), &mario);
    /// assert_eq!(delega.intermediario(), &patronato);
    /// assert_eq!(delega.actions(), &[Action::Register, Action::ViewScrivania]); // sorted, deduplicated
    /// assert_eq!((delega.from(), delega.until(), delega.revoked_on()), (date!(2026 - 01 - 15), date!(2026 - 12 - 31), None));
    /// assert!(delega.is_valid_on(date!(2026 - 06 - 01)));
    /// let revoked = delega.revoke(date!(2026 - 06 - 01))?;
    /// assert!(revoked.is_valid_on(date!(2026 - 05 - 31)) && !revoked.is_valid_on(date!(2026 - 06 - 01)));
    /// assert!(delega.revoke(date!(2025 - 12 - 31)).is_err());
    /// assert_eq!(delega.keep_until_with(Rules::in_force_on(date!(2026 - 12 - 31))?), date!(2031 - 12 - 31));
    ///
    /// let backwards = DelegaDraft { until: date!(2026 - 01 - 14), ..draft };
    /// assert_eq!(
    ///     Delega::new(backwards).unwrap_err().to_string(),
    ///     "delega validity ends on 2026-01-14, before it starts on 2026-01-15"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(mut draft: DelegaDraft) -> Result<Delega, DelegaError> {
        if draft.until < draft.from {
            return Err(DelegaError::EndsBeforeStart {
                from: draft.from,
                until: draft.until,
            });
        }
        if let Some(revoked_on) = draft.revoked_on
            && revoked_on < draft.from
        {
            return Err(DelegaError::RevokedBeforeStart {
                revoked_on,
                from: draft.from,
            });
        }
        draft.actions.sort_unstable();
        draft.actions.dedup();
        if draft.actions.is_empty() {
            return Err(DelegaError::NoActions);
        }
        let kind = draft.delegante.kind();
        if let Some(action) = draft.actions.iter().find(|a| !a.applies_to(kind)) {
            return Err(DelegaError::ActionNotForDelegante {
                action: *action,
                delegante: kind,
            });
        }
        let delegante_cf = match draft.delegante {
            Party::Prestatore(cf)
            | Party::Utilizzatore {
                id: UtilizzatoreId::CodiceFiscale(cf),
                ..
            } => Some(cf),
            Party::Utilizzatore { .. } => None,
        };
        if kind == DeleganteKind::UtilizzatoreLf
            && delegante_cf.is_none_or(|cf| cf.kind() != CodiceFiscaleKind::Personale)
        {
            return Err(DelegaError::LfUtilizzatoreNotPerson);
        }
        // A company's 11-digit codice fiscale is normally its partita IVA: the same digits are
        // the same subject.
        let same_company = match draft.delegante {
            Party::Utilizzatore {
                id: UtilizzatoreId::PartitaIva(piva),
                ..
            } => piva.as_str() == draft.intermediario.codice_fiscale.as_str(),
            _ => false,
        };
        if same_company
            || delegante_cf.is_some_and(|cf| cf.same_holder(&draft.intermediario.codice_fiscale))
        {
            return Err(DelegaError::SelfDelegation);
        }
        Ok(Delega(draft))
    }

    /// Who delegates.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert_eq!(delega.delegante(), &Party::Prestatore("RSSMRA85T10A562S".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn delegante(&self) -> &Party {
        &self.0.delegante
    }
    /// To whom.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert_eq!(delega.intermediario().kind, IntermediarioKind::Patronato);
    /// assert_eq!(delega.intermediario().codice_fiscale.to_string(), "80012345676");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn intermediario(&self) -> &Intermediario {
        &self.0.intermediario
    }
    /// The delegated actions, sorted.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// // Given as [ViewScrivania, Register], kept sorted.
    /// assert_eq!(delega.actions(), &[Action::Register, Action::ViewScrivania]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn actions(&self) -> &[Action] {
        &self.0.actions
    }
    /// First day of validity.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert_eq!(delega.from(), date!(2026 - 01 - 15));
    /// assert!(!delega.is_valid_on(date!(2026 - 01 - 14)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from(&self) -> Date {
        self.0.from
    }
    /// Last day of validity.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert_eq!(delega.until(), date!(2026 - 12 - 31));
    /// assert!(!delega.is_valid_on(date!(2027 - 01 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn until(&self) -> Date {
        self.0.until
    }
    /// The day the revocation takes effect.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert_eq!(delega.revoked_on(), None);
    /// assert_eq!(delega.revoke(date!(2026 - 06 - 01))?.revoked_on(), Some(date!(2026 - 06 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn revoked_on(&self) -> Option<Date> {
        self.0.revoked_on
    }

    /// A copy revoked from `on` (an earlier revocation stays).
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Errors
    ///
    /// [`DelegaError::RevokedBeforeStart`] when `on` is before the validity starts.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// let revoked = delega.revoke(date!(2026 - 06 - 01))?;
    /// assert!(revoked.is_valid_on(date!(2026 - 05 - 31)));
    /// assert!(!revoked.is_valid_on(date!(2026 - 06 - 01)));
    /// // A later revocation keeps the earlier day.
    /// assert_eq!(revoked.revoke(date!(2026 - 09 - 01))?.revoked_on(), Some(date!(2026 - 06 - 01)));
    /// // Before the validity starts: refused.
    /// assert_eq!(
    ///     delega.revoke(date!(2025 - 12 - 31)).unwrap_err().to_string(),
    ///     "delega revoked on 2025-12-31, before its validity starts on 2026-01-15"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revoke(&self, on: Date) -> Result<Delega, DelegaError> {
        let mut draft = self.0.clone();
        draft.revoked_on = Some(draft.revoked_on.map_or(on, |r| r.min(on)));
        Delega::new(draft)
    }

    /// Whether the delega is valid on `day`: within its validity and not revoked by then.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// assert!(delega.is_valid_on(date!(2026 - 01 - 15)));
    /// assert!(delega.is_valid_on(date!(2026 - 12 - 31)));
    /// assert!(!delega.is_valid_on(date!(2027 - 01 - 01)));
    /// assert!(!delega.revoke(date!(2026 - 03 - 01))?.is_valid_on(date!(2026 - 03 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_valid_on(&self, day: Date) -> bool {
        self.0.from <= day && day <= self.0.until && self.0.revoked_on.is_none_or(|r| day < r)
    }

    /// The last day the intermediary must keep the delega (and the copy of the delegante's
    /// ID): the end of its validity plus [`Rules::delega_retention_years`] (5) of the embedded
    /// rules in force at the end of the validity. The validity's end is taken as
    /// [`Delega::until`] even when revoked earlier: the later, conservative day (reading
    /// R-DELEGA-KEEP). A 29 February
    /// moves to 1 March in a common year.
    ///
    /// Legal basis: INPS msg 3177/2017 (REG-INTERMEDIARI, reading R-DELEGA-KEEP).
    ///
    /// # Errors
    ///
    /// [`RulesError`](crate::RulesError) when no rules are in force at the end of validity.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party};
    /// # use time::macros::date;
    /// # let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// # let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// # let draft = DelegaDraft {
    /// #     delegante: mario,
    /// #     intermediario: patronato,
    /// #     actions: vec![Action::ViewScrivania, Action::Register],
    /// #     from: date!(2026 - 01 - 15),
    /// #     until: date!(2026 - 12 - 31),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// // 31/12/2026 plus the 5 years of INPS msg 3177/2017.
    /// assert_eq!(delega.keep_until()?, date!(2031 - 12 - 31));
    ///
    /// // A delega whose validity ends before the regime has no rules to read the years from.
    /// let old = Delega::new(DelegaDraft { from: date!(2017 - 01 - 01), until: date!(2017 - 03 - 31), ..delega.clone().into() })?;
    /// assert_eq!(
    ///     old.keep_until().unwrap_err().to_string(),
    ///     "no rules on 2017-03-31: the regime of art. 54-bis D.L. 50/2017 starts on 2017-06-24 (the earlier voucher regime is out of scope)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn keep_until(&self) -> Result<Date, crate::rules::RulesError> {
        let rules = Rules::in_force_on(self.0.until)?;
        Ok(self.keep_until_with(rules))
    }

    /// [`Delega::keep_until`] with the given rules.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{Action, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Rules};
    /// # use time::macros::date;
    /// # let draft = DelegaDraft {
    /// #     delegante: Party::Prestatore("RSSMRA85T10A562S".parse()?),
    /// #     intermediario: Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? },
    /// #     actions: vec![Action::ViewScrivania],
    /// #     from: date!(2023 - 03 - 01),
    /// #     until: date!(2024 - 02 - 29),
    /// #     revoked_on: None,
    /// # };
    /// let delega = Delega::new(draft)?;
    /// let rules = Rules::in_force_on(delega.until())?;
    /// // 29 February 2024 plus 5 years: 1 March 2029, a common year.
    /// assert_eq!(delega.keep_until_with(rules), date!(2029 - 03 - 01));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn keep_until_with(&self, rules: &Rules) -> Date {
        let end = self.0.until;
        let years = i32::try_from(rules.delega_retention_years.value).unwrap_or(i32::MAX);
        let year = end.year().saturating_add(years);
        Date::from_calendar_date(year, end.month(), end.day())
            .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
            .unwrap_or(Date::MAX)
    }
}

/// Who tries to act.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Actor;
/// let me = Actor::Prestatore("RSSMRA85T10A562S".parse()?);
/// assert!(matches!(me, Actor::Prestatore(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Actor {
    /// A prestatore acting for itself.
    Prestatore(CodiceFiscale),
    /// An utilizzatore acting for itself.
    Utilizzatore(UtilizzatoreId),
    /// An intermediary.
    Intermediario(Intermediario),
}

/// What an action is about: a party, or one prestazione of an utilizzatore.
///
/// A prestazione's owner is never the caller's word: a recorded prestazione (to revoke) is
/// built by [`Subject::recorded`] from the ledger's entry, a prestazione to communicate by
/// [`Subject::to_communicate`] (or `From<&Prestazione>`) from the prestazione itself, whose
/// utilizzatore is who communicates it. [`PrestazioneSubject`] has private fields, and `Subject`
/// serialises but does not deserialise, so no other subject of a prestazione can be built.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
/// use time::macros::date;
///
/// let p = Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(7),
///     instrument: Instrument::LibrettoFamiglia,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "BNCGNN60A01H501P".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 60,
///     compenso: Euro::from_euros(8),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// })?;
/// let mut ledger = Ledger::default();
/// ledger.record(&p)?;
/// let Subject::Prestazione(s) = Subject::recorded(&ledger, PrestazioneId(7))? else { panic!() };
/// assert_eq!((s.id(), s.utilizzatore(), s.is_recorded()), (PrestazioneId(7), p.utilizzatore(), true));
/// assert!(!Subject::to_communicate(&p).is_recorded());
/// assert!(Subject::recorded(&ledger, PrestazioneId(8)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Subject {
    /// A party (its registration, desk, payment method, libretto).
    Party(Party),
    /// A prestazione, which belongs to its utilizzatore.
    Prestazione(PrestazioneSubject),
}

/// A prestazione as the subject of an action: its id, and its owner (utilizzatore and
/// instrument) taken from the ledger's record ([`Subject::recorded`]) or from the prestazione to
/// communicate ([`Subject::to_communicate`]). The fields are private: a caller cannot describe a
/// prestazione as someone else's.
///
/// Legal basis: INPS msg 3177 of 31/7/2017 (REG-INTERMEDIARI); INPS circ. 107/2017 (the
/// utilizzatore communicates and revokes its own prestazioni).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
/// # use time::macros::date;
/// # let p = Prestazione::try_from(PrestazioneDraft {
/// #     id: PrestazioneId(7),
/// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
/// #     prestatore: "RSSMRA85T10A562S".parse()?,
/// #     utilizzatore: "00743110157".parse()?,
/// #     day: date!(2026 - 03 - 07),
/// #     minutes: 240,
/// #     compenso: Euro::from_euros(36),
/// #     special_category: false,
/// #     steward: false,
/// #     profile: CapProfile::default(),
/// # })?;
/// let Subject::Prestazione(s) = Subject::to_communicate(&p) else { unreachable!() };
/// assert_eq!((s.id(), s.is_recorded()), (PrestazioneId(7), false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PrestazioneSubject {
    id: PrestazioneId,
    utilizzatore: UtilizzatoreId,
    instrument: Instrument,
    recorded: bool,
}

impl PrestazioneSubject {
    /// The prestazione's id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let Subject::Prestazione(s) = Subject::to_communicate(&p) else { unreachable!() };
    /// assert_eq!(s.id(), PrestazioneId(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> PrestazioneId {
        self.id
    }

    /// Its utilizzatore, its owner.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let Subject::Prestazione(s) = Subject::to_communicate(&p) else { unreachable!() };
    /// assert_eq!(s.utilizzatore(), "00743110157".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore(&self) -> UtilizzatoreId {
        self.utilizzatore
    }

    /// Its instrument.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let Subject::Prestazione(s) = Subject::to_communicate(&p) else { unreachable!() };
    /// assert_eq!(s.instrument(), Instrument::ContrattoPrestazioneOccasionale);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn instrument(&self) -> Instrument {
        self.instrument
    }

    /// Whether it comes from the ledger's record ([`Subject::recorded`]) rather than from a
    /// prestazione to communicate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let mut ledger = Ledger::default();
    /// ledger.record(&p)?;
    /// let Subject::Prestazione(s) = Subject::recorded(&ledger, p.id())? else { unreachable!() };
    /// assert!(s.is_recorded());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_recorded(&self) -> bool {
        self.recorded
    }
}

impl Subject {
    /// The party the subject belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Party, Subject};
    /// let mario = Party::Prestatore("RSSMRA85T10A562S".parse()?);
    /// assert_eq!(Subject::Party(mario).owner(), mario);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn owner(&self) -> Party {
        match self {
            Subject::Party(p) => *p,
            Subject::Prestazione(s) => Party::Utilizzatore {
                id: s.utilizzatore,
                instrument: s.instrument,
            },
        }
    }

    /// A recorded prestazione, with its owner from the ledger's entry: the subject of a
    /// revoca ([`Action::RevokePrestazione`] needs one).
    ///
    /// Legal basis: INPS circ. 107/2017 (the utilizzatore revokes its own prestazioni;
    /// CPO-REVOCA).
    ///
    /// # Errors
    ///
    /// [`LedgerError::UnknownId`] when the ledger does not hold it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let mut ledger = Ledger::default();
    /// ledger.record(&p)?;
    /// assert_eq!(Subject::recorded(&ledger, p.id())?.owner(), Subject::to_communicate(&p).owner());
    /// assert_eq!(
    ///     Subject::recorded(&ledger, PrestazioneId(8)).unwrap_err().to_string(),
    ///     "prestazione #8 is not in the ledger"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recorded(ledger: &Ledger, id: PrestazioneId) -> Result<Subject, LedgerError> {
        let entry = ledger.entry(id).ok_or(LedgerError::UnknownId { id })?;
        Ok(Subject::Prestazione(PrestazioneSubject {
            id,
            utilizzatore: entry.utilizzatore,
            instrument: entry.instrument,
            recorded: true,
        }))
    }

    /// A prestazione to communicate: its owner is the utilizzatore it names, who communicates
    /// it (the subject of [`Action::CommunicatePrestazione`]).
    ///
    /// Legal basis: art. 54-bis c. 12 and c. 17 D.L. 50/2017 (the utilizzatore communicates).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let s = Subject::to_communicate(&p);
    /// assert!(!s.is_recorded());
    /// assert_eq!(s, Subject::from(&p));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_communicate(p: &Prestazione) -> Subject {
        Subject::Prestazione(PrestazioneSubject {
            id: p.id(),
            utilizzatore: p.utilizzatore(),
            instrument: p.instrument(),
            recorded: false,
        })
    }

    /// Whether it is a prestazione from the ledger's record.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, Subject};
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "00743110157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// let mut ledger = Ledger::default();
    /// ledger.record(&p)?;
    /// assert!(Subject::recorded(&ledger, p.id())?.is_recorded());
    /// assert!(!Subject::to_communicate(&p).is_recorded());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_recorded(&self) -> bool {
        matches!(self, Subject::Prestazione(s) if s.recorded)
    }
}

impl From<&Prestazione> for Subject {
    /// [`Subject::to_communicate`].
    fn from(p: &Prestazione) -> Subject {
        Subject::to_communicate(p)
    }
}

impl From<Party> for Subject {
    fn from(p: Party) -> Subject {
        Subject::Party(p)
    }
}

/// Why an actor may act.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     authorize, Action, Actor, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Permit, Rules, Subject,
/// };
/// use time::macros::date;
///
/// let mario = "RSSMRA85T10A562S".parse()?;
/// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
/// let delega = Delega::new(DelegaDraft {
///     delegante: Party::Prestatore(mario),
///     intermediario: patronato,
///     actions: vec![Action::ViewScrivania],
///     from: date!(2026 - 01 - 15),
///     until: date!(2026 - 12 - 31),
///     revoked_on: None,
/// })?;
/// let desk = Subject::Party(Party::Prestatore(mario));
/// let day = date!(2026 - 03 - 02);
/// let rules = Rules::in_force_on(day)?;
/// // Mario looks at his own desk; the patronato under the first (index 0) delega of the list.
/// let own = authorize(&Actor::Prestatore(mario), Action::ViewScrivania, &desk, &[], day, rules);
/// assert_eq!(own, prestazioni_occasionali::Authorization::Allowed(Permit::OwnBehalf));
/// let by_patronato = authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[delega], day, rules);
/// assert_eq!(by_patronato, prestazioni_occasionali::Authorization::Allowed(Permit::Delega(0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Permit {
    /// The actor acts for itself.
    OwnBehalf,
    /// Under the delega at this index of the list given.
    Delega(usize),
}

/// Why an actor may not act. Each denial says why.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     authorize, Action, Actor, Delega, DelegaDraft, Denial, Intermediario, IntermediarioKind, Party, Rules, Subject,
/// };
/// use time::macros::date;
///
/// let mario = "RSSMRA85T10A562S".parse()?;
/// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
/// let delega = Delega::new(DelegaDraft {
///     delegante: Party::Prestatore(mario),
///     intermediario: patronato,
///     actions: vec![Action::ViewScrivania],
///     from: date!(2026 - 01 - 15),
///     until: date!(2026 - 12 - 31),
///     revoked_on: None,
/// })?;
/// let desk = Subject::Party(Party::Prestatore(mario));
/// let day = date!(2026 - 03 - 02);
/// let rules = Rules::in_force_on(day)?;
/// // Outside the delega's actions.
/// let no = authorize(&Actor::Intermediario(patronato), Action::ViewProspetto, &desk, &[delega.clone()], day, rules);
/// assert_eq!(no.denial(), Some(&Denial::OutOfScope { action: Action::ViewProspetto }));
/// assert_eq!(
///     no.denial().map(ToString::to_string).as_deref(),
///     Some("the valid delega from the subject to this intermediary does not include the action view the prospetto compensi")
/// );
/// // After the delega expires.
/// let late = date!(2027 - 01 - 04);
/// let expired = authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[delega], late, Rules::in_force_on(late)?);
/// assert_eq!(expired.denial(), Some(&Denial::DelegaNotValid { on: late }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Denial {
    /// The action does not concern this kind of subject.
    ActionNotForSubject {
        /// The action.
        action: Action,
        /// The subject's kind.
        subject: DeleganteKind,
    },
    /// The action is on a prestazione but the subject is a party, or vice versa.
    WrongSubject {
        /// The action.
        action: Action,
    },
    /// A prestatore or utilizzatore acting for someone else.
    NotOwnBehalf,
    /// An utilizzatore acting on a prestazione of another utilizzatore.
    NotOwnPrestazione {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A revoca of a prestazione described by the caller: its owner must come from the ledger's
    /// record ([`Subject::recorded`]).
    NotRecorded {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// This kind of intermediary may not act for this kind of delegante on the day (the dated
    /// rule and its citation).
    IntermediaryNotAllowed {
        /// The intermediary's kind.
        intermediario: IntermediarioKind,
        /// The delegante's kind.
        delegante: DeleganteKind,
        /// The day.
        on: Date,
        /// The rule's citation.
        citation: String,
    },
    /// No delega from the subject to this intermediary.
    NoDelega,
    /// Deleghe exist but none is valid on the day (not started, expired or revoked).
    DelegaNotValid {
        /// The day.
        on: Date,
    },
    /// A valid delega exists but does not include the action.
    OutOfScope {
        /// The action.
        action: Action,
    },
    /// The rules given are not those in force on the day asked about (the question cannot be
    /// answered from them).
    RulesNotInForce {
        /// The day.
        on: Date,
        /// The first day of the rules given.
        valid_from: Date,
    },
}

impl fmt::Display for Denial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Denial::ActionNotForSubject { action, subject } => {
                write!(f, "the action {action} does not concern a {subject}")
            }
            Denial::WrongSubject { action } => {
                if action.on_prestazione() {
                    write!(f, "the action {action} needs a prestazione as its subject")
                } else {
                    write!(f, "the action {action} needs a party as its subject")
                }
            }
            Denial::NotOwnBehalf => f.write_str(
                "a prestatore or utilizzatore acts only for itself, and this subject is another party",
            ),
            Denial::NotRecorded { id } => write!(
                f,
                "revoking prestazione {id} needs its owner from the ledger's record of it, not the caller's description"
            ),
            Denial::NotOwnPrestazione { id } => write!(
                f,
                "prestazione {id} belongs to another utilizzatore: an utilizzatore acts only on its own prestazioni"
            ),
            Denial::IntermediaryNotAllowed {
                intermediario,
                delegante,
                on,
                citation,
            } => write!(
                f,
                "a {intermediario} may not act for a {delegante} on {on} ({citation})"
            ),
            Denial::NoDelega => f.write_str("no delega from the subject to this intermediary"),
            Denial::DelegaNotValid { on } => write!(
                f,
                "no delega from the subject to this intermediary is valid on {on} (not yet in force, expired or revoked)"
            ),
            Denial::OutOfScope { action } => write!(
                f,
                "the valid delega from the subject to this intermediary does not include the action {action}"
            ),
            Denial::RulesNotInForce { on, valid_from } => write!(
                f,
                "the rules given (from {valid_from}) are not those in force on {on}: pass the rules of the day"
            ),
        }
    }
}

/// The answer of [`authorize`]: allowed (and why) or denied (and why).
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     authorize, Action, Actor, Authorization, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Permit, Rules, Subject,
/// };
/// use time::macros::date;
///
/// let mario = "RSSMRA85T10A562S".parse()?;
/// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
/// let delega = Delega::new(DelegaDraft {
///     delegante: Party::Prestatore(mario),
///     intermediario: patronato,
///     actions: vec![Action::ViewScrivania],
///     from: date!(2026 - 01 - 15),
///     until: date!(2026 - 12 - 31),
///     revoked_on: None,
/// })?;
/// let desk = Subject::Party(Party::Prestatore(mario));
/// let day = date!(2026 - 03 - 02);
/// let rules = Rules::in_force_on(day)?;
/// let yes = authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[delega], day, rules);
/// assert_eq!(yes, Authorization::Allowed(Permit::Delega(0)));
/// // Without a delega the patronato is denied, and the denial says why.
/// let no = authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[], day, rules);
/// assert_eq!(no.denial().map(ToString::to_string).as_deref(), Some("no delega from the subject to this intermediary"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[must_use]
pub enum Authorization {
    /// The actor may act.
    Allowed(Permit),
    /// The actor may not act.
    Denied(Denial),
}

impl Authorization {
    /// Whether the actor may act.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     authorize, Action, Actor, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Rules, Subject,
    /// };
    /// use time::macros::date;
    ///
    /// let mario = "RSSMRA85T10A562S".parse()?;
    /// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// let delega = Delega::new(DelegaDraft {
    ///     delegante: Party::Prestatore(mario),
    ///     intermediario: patronato,
    ///     actions: vec![Action::ViewScrivania],
    ///     from: date!(2026 - 01 - 15),
    ///     until: date!(2026 - 12 - 31),
    ///     revoked_on: None,
    /// })?;
    /// let desk = Subject::Party(Party::Prestatore(mario));
    /// let day = date!(2026 - 03 - 02);
    /// let rules = Rules::in_force_on(day)?;
    /// assert!(authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[delega.clone()], day, rules).is_allowed());
    /// // Registering is not among the delega's actions.
    /// assert!(!authorize(&Actor::Intermediario(patronato), Action::Register, &desk, &[delega], day, rules).is_allowed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_allowed(&self) -> bool {
        matches!(self, Authorization::Allowed(_))
    }

    /// The denial, if denied.
    ///
    /// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     authorize, Action, Actor, Delega, DelegaDraft, Denial, Intermediario, IntermediarioKind, Party, Rules, Subject,
    /// };
    /// use time::macros::date;
    ///
    /// let mario = "RSSMRA85T10A562S".parse()?;
    /// let patronato = Intermediario { kind: IntermediarioKind::Patronato, codice_fiscale: "80012345676".parse()? };
    /// let delega = Delega::new(DelegaDraft {
    ///     delegante: Party::Prestatore(mario),
    ///     intermediario: patronato,
    ///     actions: vec![Action::ViewScrivania],
    ///     from: date!(2026 - 01 - 15),
    ///     until: date!(2026 - 12 - 31),
    ///     revoked_on: None,
    /// })?;
    /// let desk = Subject::Party(Party::Prestatore(mario));
    /// let day = date!(2026 - 03 - 02);
    /// let rules = Rules::in_force_on(day)?;
    /// assert_eq!(authorize(&Actor::Intermediario(patronato), Action::ViewScrivania, &desk, &[delega], day, rules).denial(), None);
    /// // Another prestatore may not look at Mario's desk.
    /// let other = Actor::Prestatore("BNCGNN60A01H501P".parse()?);
    /// assert_eq!(authorize(&other, Action::ViewScrivania, &desk, &[], day, rules).denial(), Some(&Denial::NotOwnBehalf));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn denial(&self) -> Option<&Denial> {
        match self {
            Authorization::Allowed(_) => None,
            Authorization::Denied(d) => Some(d),
        }
    }
}

/// Decides whether `actor` may perform `action` on `subject` on `day`, deny by default:
///
/// - the action must concern the subject (the desk, the prospetto and the payment method are a
///   prestatore's; prestazioni are communicated and revoked by their utilizzatore; the libretto
///   is funded by an LF utilizzatore);
/// - a prestatore acts only for itself, an utilizzatore only for itself and only on its own
///   prestazioni; the owner of a prestazione to revoke comes from the ledger's record
///   ([`Subject::recorded`]), never from the caller's description ([`Denial::NotRecorded`]);
/// - an intermediary acts only within a delega from the subject's owner that is valid on `day`,
///   unrevoked, includes the action, and whose intermediary category may act for that kind of
///   delegante under [`Rules::intermediary_scopes`] in force on `day` (no intermediaries before
///   INPS msg 3177 of 31/7/2017; from then L. 12/1979 professionals and service centres for
///   prestatori and utilizzatori, patronati only for prestatori and LF utilizzatori: reading
///   R-INTERMEDIARIES-2017).
///
/// `rules` must be those in force on `day`: other rules are denied with
/// [`Denial::RulesNotInForce`] (they could allow what the day's rules forbid).
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI,
/// reading R-INTERMEDIARIES-2017).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     authorize, Action, Actor, Delega, DelegaDraft, Intermediario, IntermediarioKind, Party, Rules, Subject,
/// };
/// use time::macros::date;
///
/// let mario = "RSSMRA85T10A562S".parse()?;
/// let consulente = Intermediario { kind: IntermediarioKind::ConsulenteDelLavoro, codice_fiscale: "BNCGNN60A01H501P".parse()? };
/// let delega = Delega::new(DelegaDraft {
///     delegante: Party::Prestatore(mario),
///     intermediario: consulente,
///     actions: vec![Action::ChangePaymentMethod],
///     from: date!(2017 - 07 - 01),
///     until: date!(2018 - 06 - 30),
///     revoked_on: None,
/// })?;
/// let subject = Subject::Party(Party::Prestatore(mario));
/// let actor = Actor::Intermediario(consulente);
///
/// // From INPS msg 3177 of 31/7/2017 a consulente may act for a prestatore...
/// let day = date!(2017 - 07 - 31);
/// let ok = authorize(&actor, Action::ChangePaymentMethod, &subject, &[delega.clone()], day, Rules::in_force_on(day)?);
/// assert!(ok.is_allowed());
///
/// // ...but no intermediary could act the day before.
/// let day = date!(2017 - 07 - 30);
/// let no = authorize(&actor, Action::ChangePaymentMethod, &subject, &[delega], day, Rules::in_force_on(day)?);
/// assert!(no.denial().unwrap().to_string().starts_with("a consulente del lavoro (L. 12/1979) may not act for a prestatore on 2017-07-30"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn authorize(
    actor: &Actor,
    action: Action,
    subject: &Subject,
    deleghe: &[Delega],
    day: Date,
    rules: &Rules,
) -> Authorization {
    if !rules.cover(day) {
        return Authorization::Denied(Denial::RulesNotInForce {
            on: day,
            valid_from: rules.valid_from(),
        });
    }
    let owner = subject.owner();
    if action.on_prestazione() != matches!(subject, Subject::Prestazione { .. }) {
        return Authorization::Denied(Denial::WrongSubject { action });
    }
    if !action.applies_to(owner.kind()) {
        return Authorization::Denied(Denial::ActionNotForSubject {
            action,
            subject: owner.kind(),
        });
    }
    if let Subject::Prestazione(s) = subject
        && action == Action::RevokePrestazione
        && !s.recorded
    {
        return Authorization::Denied(Denial::NotRecorded { id: s.id });
    }
    match actor {
        Actor::Prestatore(cf) => match owner {
            Party::Prestatore(p) if p.same_holder(cf) => Authorization::Allowed(Permit::OwnBehalf),
            _ => Authorization::Denied(Denial::NotOwnBehalf),
        },
        Actor::Utilizzatore(id) => match (subject, owner) {
            (Subject::Prestazione(s), Party::Utilizzatore { id: owner_id, .. }) => {
                if id.same_holder(&owner_id) {
                    Authorization::Allowed(Permit::OwnBehalf)
                } else {
                    Authorization::Denied(Denial::NotOwnPrestazione { id: s.id })
                }
            }
            (_, Party::Utilizzatore { id: owner_id, .. }) if id.same_holder(&owner_id) => {
                Authorization::Allowed(Permit::OwnBehalf)
            }
            _ => Authorization::Denied(Denial::NotOwnBehalf),
        },
        Actor::Intermediario(intermediario) => {
            by_intermediary(intermediario, action, owner, deleghe, day, rules)
        }
    }
}

fn by_intermediary(
    intermediario: &Intermediario,
    action: Action,
    owner: Party,
    deleghe: &[Delega],
    day: Date,
    rules: &Rules,
) -> Authorization {
    let scope = IntermediaryScope {
        intermediario: intermediario.kind,
        delegante: owner.kind(),
    };
    if !rules.intermediary_scopes.value.contains(&scope) {
        return Authorization::Denied(Denial::IntermediaryNotAllowed {
            intermediario: intermediario.kind,
            delegante: owner.kind(),
            on: day,
            citation: rules.intermediary_scopes.citation.to_string(),
        });
    }
    let mut denial = Denial::NoDelega;
    for (index, delega) in deleghe.iter().enumerate() {
        let d = delega.intermediario();
        if d.kind != intermediario.kind
            || !d.codice_fiscale.same_holder(&intermediario.codice_fiscale)
            || !delega.delegante().same_as(&owner)
        {
            continue;
        }
        if !delega.is_valid_on(day) {
            if denial == Denial::NoDelega {
                denial = Denial::DelegaNotValid { on: day };
            }
            continue;
        }
        if delega.actions().contains(&action) {
            return Authorization::Allowed(Permit::Delega(index));
        }
        denial = Denial::OutOfScope { action };
    }
    Authorization::Denied(denial)
}
