//! The registration state machine: draft, submitted, active, suspended, closed.

use std::fmt::{self, Write as _};

use time::Date;

use super::RegistrationError;
use super::data::{
    Contacts, FieldError, FieldErrors, PaymentMethod, RegistrationData, RegistrationDraft,
};
use super::values::fold_name;
use crate::identity::CodiceFiscale;
use crate::parties::{Prestatore, PrestatoreError, SelfCertification};
use crate::rules::{Credential, Rules, RulesTable};

/// The state of a prestatore's registration.
///
/// Legal basis: REG-STATES (derived: INPS publishes no state machine); the older INPS
/// registration guide ("REGISTRA", telephone confirmation, "Lavoratore Attivo").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::RegistrationState;
/// assert_eq!(RegistrationState::Active.to_string(), "active");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RegistrationState {
    /// Data being entered.
    Draft,
    /// Submitted ("REGISTRA"): all mandatory data and the consent present, awaiting confirmation.
    Submitted,
    /// Confirmed: "Lavoratore Attivo".
    Active,
    /// Suspended (no prestazioni may be received).
    Suspended,
    /// Closed for good.
    Closed,
}

impl fmt::Display for RegistrationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RegistrationState::Draft => "draft",
            RegistrationState::Submitted => "submitted",
            RegistrationState::Active => "active",
            RegistrationState::Suspended => "suspended",
            RegistrationState::Closed => "closed",
        })
    }
}

/// How an explicit confirmation was given.
///
/// Legal basis: the older INPS registration guide (telephone confirmation).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ConfirmationChannel;
/// assert_eq!(ConfirmationChannel::ContactCenter.to_string(), "the INPS contact center");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ConfirmationChannel {
    /// By telephone through the INPS contact center (803 164 from landlines, 06 164 164 from
    /// mobiles), the older procedure.
    ContactCenter,
}

impl fmt::Display for ConfirmationChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfirmationChannel::ContactCenter => "the INPS contact center",
        })
    }
}

/// How a registration was confirmed. `Display` gives how and when.
///
/// Legal basis: REG-AUTH (a SPID, CIE, CNS or eIDAS identity confirms at once; the older
/// procedure confirmed by telephone).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Confirmation, ConfirmationChannel, Credential};
/// use time::macros::date;
/// let spid = Confirmation::Automatic { credential: Credential::Spid, on: date!(2026 - 01 - 12) };
/// assert_eq!(spid.to_string(), "confirmed automatically by SPID on 2026-01-12");
/// let phone = Confirmation::Explicit {
///     via: ConfirmationChannel::ContactCenter,
///     on: date!(2018 - 09 - 04),
/// };
/// assert_eq!(phone.to_string(), "confirmed through the INPS contact center on 2018-09-04");
/// assert_eq!(phone.on(), date!(2018 - 09 - 04));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Confirmation {
    /// Automatically on submission: the access credential already proves identity.
    Automatic {
        /// The credential.
        credential: Credential,
        /// The day.
        on: Date,
    },
    /// By an explicit confirmation event.
    Explicit {
        /// Through which channel.
        via: ConfirmationChannel,
        /// The day.
        on: Date,
    },
}

impl fmt::Display for Confirmation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Confirmation::Automatic { credential, on } => {
                write!(f, "confirmed automatically by {credential} on {on}")
            }
            Confirmation::Explicit { via, on } => write!(f, "confirmed through {via} on {on}"),
        }
    }
}

impl Confirmation {
    /// The day of the confirmation.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Confirmation, Credential};
    /// use time::macros::date;
    /// let c = Confirmation::Automatic { credential: Credential::Cie, on: date!(2026 - 03 - 07) };
    /// assert_eq!(c.on(), date!(2026 - 03 - 07));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn on(&self) -> Date {
        match self {
            Confirmation::Automatic { on, .. } | Confirmation::Explicit { on, .. } => *on,
        }
    }
}

/// Something that happens to a registration. Changes while active carry the day they take
/// effect.
///
/// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{RegistrationEvent, RegistrationEventKind};
/// use time::macros::date;
/// assert_eq!(
///     RegistrationEvent::Suspend { on: date!(2026 - 05 - 01) }.kind(),
///     RegistrationEventKind::Suspend
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum RegistrationEvent {
    /// Replace the data being entered. Once the registration has been submitted, an edit never
    /// moves its day (`registered_on`) before the day of the first submission
    /// ([`RegistrationError::BackDated`](crate::RegistrationError::BackDated)).
    Edit(Box<RegistrationDraft>),
    /// "REGISTRA": validate and submit the data.
    Submit,
    /// Explicit confirmation (e.g. by telephone through the contact center).
    Confirm {
        /// The day.
        on: Date,
        /// The channel.
        via: ConfirmationChannel,
    },
    /// Suspend from `on` (inactive that day).
    Suspend {
        /// The first day of the suspension.
        on: Date,
    },
    /// Resume from `on`.
    Resume {
        /// The first day active again.
        on: Date,
    },
    /// Close from `on` (inactive that day).
    Close {
        /// The first day closed.
        on: Date,
    },
    /// A new payment method, in force from `from`.
    ChangePaymentMethod {
        /// The first day the method applies.
        from: Date,
        /// The method.
        method: PaymentMethod,
    },
    /// New contacts, in force from `from`.
    ChangeContacts {
        /// The first day the contacts apply.
        from: Date,
        /// The contacts.
        contacts: Contacts,
    },
    /// New comma-8 self-certifications, in force from `from` (they replace the previous list).
    ChangeSelfCertifications {
        /// The first day the list applies.
        from: Date,
        /// The self-certifications.
        certifications: Vec<SelfCertification>,
    },
}

/// The kind of a [`RegistrationEvent`], without its data (the columns of the transition table).
///
/// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::RegistrationEventKind;
/// assert_eq!(RegistrationEventKind::ChangePaymentMethod.to_string(), "change payment method");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RegistrationEventKind {
    /// [`RegistrationEvent::Edit`].
    Edit,
    /// [`RegistrationEvent::Submit`].
    Submit,
    /// [`RegistrationEvent::Confirm`] (or the automatic confirmation after submission).
    Confirm,
    /// [`RegistrationEvent::Suspend`].
    Suspend,
    /// [`RegistrationEvent::Resume`].
    Resume,
    /// [`RegistrationEvent::Close`].
    Close,
    /// [`RegistrationEvent::ChangePaymentMethod`].
    ChangePaymentMethod,
    /// [`RegistrationEvent::ChangeContacts`].
    ChangeContacts,
    /// [`RegistrationEvent::ChangeSelfCertifications`].
    ChangeSelfCertifications,
}

impl fmt::Display for RegistrationEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RegistrationEventKind::Edit => "edit",
            RegistrationEventKind::Submit => "submit",
            RegistrationEventKind::Confirm => "confirm",
            RegistrationEventKind::Suspend => "suspend",
            RegistrationEventKind::Resume => "resume",
            RegistrationEventKind::Close => "close",
            RegistrationEventKind::ChangePaymentMethod => "change payment method",
            RegistrationEventKind::ChangeContacts => "change contacts",
            RegistrationEventKind::ChangeSelfCertifications => "change self-certifications",
        })
    }
}

impl RegistrationEvent {
    /// The kind of the event.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrationEvent, RegistrationEventKind};
    /// use time::macros::date;
    /// assert_eq!(RegistrationEvent::Submit.kind(), RegistrationEventKind::Submit);
    /// let close = RegistrationEvent::Close { on: date!(2026 - 12 - 31) };
    /// assert_eq!(close.kind().to_string(), "close");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> RegistrationEventKind {
        match self {
            RegistrationEvent::Edit(_) => RegistrationEventKind::Edit,
            RegistrationEvent::Submit => RegistrationEventKind::Submit,
            RegistrationEvent::Confirm { .. } => RegistrationEventKind::Confirm,
            RegistrationEvent::Suspend { .. } => RegistrationEventKind::Suspend,
            RegistrationEvent::Resume { .. } => RegistrationEventKind::Resume,
            RegistrationEvent::Close { .. } => RegistrationEventKind::Close,
            RegistrationEvent::ChangePaymentMethod { .. } => {
                RegistrationEventKind::ChangePaymentMethod
            }
            RegistrationEvent::ChangeContacts { .. } => RegistrationEventKind::ChangeContacts,
            RegistrationEvent::ChangeSelfCertifications { .. } => {
                RegistrationEventKind::ChangeSelfCertifications
            }
        }
    }
}

/// The whole transition table of a registration: (state, event, next state). Any pair not listed
/// is an illegal transition ([`RegistrationError::IllegalTransition`]).
///
/// Submission through a channel that proves identity (SPID level 2 or higher, CIE, CNS, eIDAS) is
/// followed at once by the automatic confirmation, so the registration goes from `submitted` to
/// `active` in the same step; otherwise it waits for an explicit [`RegistrationEvent::Confirm`].
///
/// ```text
/// stateDiagram-v2
///     [*] --> draft
///     draft --> draft: edit
///     draft --> submitted: submit
///     draft --> closed: close
///     submitted --> draft: edit
///     submitted --> active: confirm
///     submitted --> closed: close
///     active --> active: change payment method
///     active --> active: change contacts
///     active --> active: change self-certifications
///     active --> suspended: suspend
///     active --> closed: close
///     suspended --> active: resume
///     suspended --> closed: close
///     closed --> [*]
/// ```
///
/// (The block above is a Mermaid `stateDiagram-v2`; a test checks that it matches the table.)
///
/// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     REGISTRATION_TRANSITIONS, RegistrationEventKind, RegistrationState,
/// };
/// assert!(REGISTRATION_TRANSITIONS.contains(&(
///     RegistrationState::Submitted,
///     RegistrationEventKind::Confirm,
///     RegistrationState::Active
/// )));
/// ```
pub const REGISTRATION_TRANSITIONS: &[(
    RegistrationState,
    RegistrationEventKind,
    RegistrationState,
)] = {
    use RegistrationEventKind as E;
    use RegistrationState as S;
    &[
        (S::Draft, E::Edit, S::Draft),
        (S::Draft, E::Submit, S::Submitted),
        (S::Draft, E::Close, S::Closed),
        (S::Submitted, E::Edit, S::Draft),
        (S::Submitted, E::Confirm, S::Active),
        (S::Submitted, E::Close, S::Closed),
        (S::Active, E::ChangePaymentMethod, S::Active),
        (S::Active, E::ChangeContacts, S::Active),
        (S::Active, E::ChangeSelfCertifications, S::Active),
        (S::Active, E::Suspend, S::Suspended),
        (S::Active, E::Close, S::Closed),
        (S::Suspended, E::Resume, S::Active),
        (S::Suspended, E::Close, S::Closed),
    ]
};

/// The next state after `event` in `state`, from [`REGISTRATION_TRANSITIONS`].
fn next_state(
    state: RegistrationState,
    event: RegistrationEventKind,
) -> Result<RegistrationState, RegistrationError> {
    REGISTRATION_TRANSITIONS
        .iter()
        .find(|(from, on, _)| *from == state && *on == event)
        .map(|(_, _, to)| *to)
        .ok_or(RegistrationError::IllegalTransition { state, event })
}

/// The transition table as a Mermaid state diagram (the one in the docs of
/// [`REGISTRATION_TRANSITIONS`]).
///
/// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
///
/// # Examples
///
/// ```
/// let diagram = prestazioni_occasionali::registration_diagram();
/// assert!(diagram.contains("submitted --> active: confirm"));
/// ```
#[must_use]
pub fn registration_diagram() -> String {
    let mut out = String::from("stateDiagram-v2\n    [*] --> draft\n");
    for (from, event, to) in REGISTRATION_TRANSITIONS {
        let _ = writeln!(out, "    {from} --> {to}: {event}");
    }
    out.push_str("    closed --> [*]\n");
    out
}

/// A value in force from a day until the day before the next entry of its history.
///
/// Legal basis: REG-DATA-PRESTATORE (changes take effect from a day).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
/// # use time::macros::date;
/// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// # form.codice_fiscale = "RSSMRA85T10A562S".into();
/// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
/// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
/// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// # form.document = DocumentDraft {
/// #     number: "CA12345AB".into(),
/// #     issued_on: Some(date!(2020 - 05 - 04)),
/// #     expires_on: Some(date!(2031 - 05 - 04)),
/// #     issued_by: "Comune di Roma".into(),
/// #     ..DocumentDraft::default()
/// # };
/// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
/// # form.privacy_consent = true;
/// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
/// use prestazioni_occasionali::{Effective, PaymentMethod, Registration, RegistrationEvent};
/// let mut reg = Registration::new(form);
/// reg.apply(RegistrationEvent::Submit)?;
/// let from = date!(2026 - 04 - 01);
/// reg.apply(RegistrationEvent::ChangePaymentMethod { from, method: PaymentMethod::PostOffice })?;
/// assert_eq!(
///     reg.payment_history(),
///     &[
///         Effective { from: date!(2026 - 03 - 07), value: PaymentMethod::BonificoDomiciliato },
///         Effective { from, value: PaymentMethod::PostOffice },
///     ]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Effective<T> {
    /// The first day.
    pub from: Date,
    /// The value.
    pub value: T,
}

/// The value of a history in force on `day`.
pub(crate) fn in_force_on<T>(history: &[Effective<T>], day: Date) -> Option<&T> {
    let index = history.partition_point(|e| e.from <= day);
    index
        .checked_sub(1)
        .and_then(|i| history.get(i))
        .map(|e| &e.value)
}

/// The serialised form of a [`Registration`]: the initial form and the events applied to it.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RegistrationLog {
    draft: RegistrationDraft,
    events: Vec<RegistrationEvent>,
}

/// A prestatore's registration on the INPS platform: the data, its state, and the dated history
/// of payment method, contacts and self-certifications.
///
/// Events go through [`Registration::apply`], which checks them against
/// [`REGISTRATION_TRANSITIONS`] and their dates; a rejected event changes nothing. With the
/// `serde` feature a registration (de)serialises as its initial form and event log, replayed on
/// deserialisation with the embedded rules table, so an inconsistent one cannot be read; a host
/// with its own table stores the same two parts ([`Registration::draft`],
/// [`Registration::events`]) and rebuilds with [`Registration::replay_with`].
///
/// Legal basis: REG-BOTH, REG-AUTH, REG-DATA-PRESTATORE, REG-STATES; the older INPS
/// registration guide (REGISTRA, telephone confirmation, "Lavoratore Attivo").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     AccessChannel, AddressDraft, ConfirmationChannel, ContactsDraft, DocumentDraft,
///     PaymentDraft, Registration, RegistrationDraft, RegistrationEvent, RegistrationState, Sex,
/// };
/// use time::macros::date;
///
/// let mut draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::ContactCenter);
/// draft.codice_fiscale = "RSSMRA85T10A562S".into();
/// draft.first_name = "Mario".into();
/// draft.last_name = "Rossi".into();
/// draft.birth_date = Some(date!(1985 - 12 - 10));
/// draft.birthplace = "A562".into();
/// draft.sex = Some(Sex::Male);
/// draft.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// draft.document = DocumentDraft {
///     number: "CA12345AB".into(),
///     issued_on: Some(date!(2020 - 05 - 04)),
///     expires_on: Some(date!(2031 - 05 - 04)),
///     issued_by: "Comune di Roma".into(),
///     ..DocumentDraft::default()
/// };
/// draft.contacts = ContactsDraft {
///     mobile: "333 1234567".into(),
///     hours: "10:00-18:00".into(),
///     ..ContactsDraft::default()
/// };
/// draft.privacy_consent = true;
///
/// let mut reg = Registration::new(draft);
/// reg.apply(RegistrationEvent::Submit)?;
/// assert_eq!(reg.state(), RegistrationState::Submitted);
/// // Confirming twice is an illegal transition, and changes nothing.
/// reg.apply(RegistrationEvent::Confirm {
///     on: date!(2026 - 03 - 09),
///     via: ConfirmationChannel::ContactCenter,
/// })?;
/// assert_eq!(
///     reg.apply(RegistrationEvent::Confirm {
///         on: date!(2026 - 03 - 10),
///         via: ConfirmationChannel::ContactCenter
///     })
///     .unwrap_err()
///     .to_string(),
///     "event confirm is not allowed in state active"
/// );
/// assert!(reg.is_active_worker(
///     "MARIO",
///     "rossi",
///     &"RSSMRA85T10A562S".parse()?,
///     date!(2026 - 03 - 09)
/// ));
/// assert!(!reg.is_active_worker(
///     "Mario",
///     "Rossi",
///     &"RSSMRA85T10A562S".parse()?,
///     date!(2026 - 03 - 08)
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "RegistrationLog", try_from = "RegistrationLog")
)]
pub struct Registration {
    initial: RegistrationDraft,
    events: Vec<RegistrationEvent>,
    state: RegistrationState,
    draft: RegistrationDraft,
    data: Option<RegistrationData>,
    confirmation: Option<Confirmation>,
    /// Active periods, first and last day (inclusive; `None` while open).
    activity: Vec<(Date, Option<Date>)>,
    /// The day of the latest dated event.
    last_day: Date,
    /// The registration day of the first submission: no edit moves the registration before it.
    first_submitted: Option<Date>,
    payments: Vec<Effective<PaymentMethod>>,
    contacts: Vec<Effective<Contacts>>,
    self_certifications: Vec<Effective<Vec<SelfCertification>>>,
}

#[cfg(feature = "serde")]
impl From<Registration> for RegistrationLog {
    fn from(r: Registration) -> RegistrationLog {
        RegistrationLog {
            draft: r.initial,
            events: r.events,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RegistrationLog> for Registration {
    type Error = RegistrationError;
    fn try_from(log: RegistrationLog) -> Result<Registration, RegistrationError> {
        Registration::replay(log.draft, log.events)
    }
}

impl Registration {
    /// A registration in state [`RegistrationState::Draft`] with the given form.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationState};
    /// let reg = Registration::new(form.clone());
    /// assert_eq!(reg.state(), RegistrationState::Draft);
    /// assert_eq!(reg.draft(), &form);
    /// assert!(reg.data().is_none() && reg.events().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(draft: RegistrationDraft) -> Registration {
        let last_day = draft.registered_on;
        Registration {
            initial: draft.clone(),
            events: Vec::new(),
            state: RegistrationState::Draft,
            draft,
            data: None,
            confirmation: None,
            activity: Vec::new(),
            last_day,
            first_submitted: None,
            payments: Vec::new(),
            contacts: Vec::new(),
            self_certifications: Vec::new(),
        }
    }

    /// A registration rebuilt from its initial form and events, with the embedded rules.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Errors
    ///
    /// The first event that [`Registration::apply`] rejects.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     AccessChannel, Registration, RegistrationDraft, RegistrationEvent,
    /// };
    /// use time::macros::date;
    /// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// assert!(
    ///     Registration::replay(
    ///         draft.clone(),
    ///         vec![RegistrationEvent::Close { on: date!(2026 - 03 - 08) }]
    ///     )
    ///     .is_ok()
    /// );
    /// assert!(Registration::replay(draft, vec![RegistrationEvent::Submit]).is_err());
    /// ```
    pub fn replay(
        draft: RegistrationDraft,
        events: impl IntoIterator<Item = RegistrationEvent>,
    ) -> Result<Registration, RegistrationError> {
        Registration::replay_with(draft, events, RulesTable::embedded())
    }

    /// A registration rebuilt from its initial form and events under a host's rules table (each
    /// event checked as [`Registration::apply_with`] checks it). Deserialising a
    /// [`Registration`] replays with the embedded table; a host with its own table stores
    /// [`Registration::draft`] and [`Registration::events`] and rebuilds with this.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Errors
    ///
    /// The first event that [`Registration::apply_with`] rejects.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, Registration, RegistrationDraft, RulesTable};
    /// use time::macros::date;
    /// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// let reg = Registration::replay_with(draft.clone(), Vec::new(), RulesTable::embedded())?;
    /// assert_eq!(reg, Registration::new(draft));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay_with(
        draft: RegistrationDraft,
        events: impl IntoIterator<Item = RegistrationEvent>,
        table: &RulesTable,
    ) -> Result<Registration, RegistrationError> {
        let mut registration = Registration::new(draft);
        for event in events {
            registration.apply_with(event, table)?;
        }
        Ok(registration)
    }

    /// Applies an event with the embedded rules table.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Errors
    ///
    /// See [`Registration::apply_with`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent, RegistrationState};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?; // CIE proves identity: active at once
    /// assert_eq!(reg.state(), RegistrationState::Active);
    /// // Resuming a registration that is not suspended is an illegal transition.
    /// let resume = RegistrationEvent::Resume { on: date!(2026 - 03 - 10) };
    /// assert_eq!(
    ///     reg.apply(resume).unwrap_err().to_string(),
    ///     "event resume is not allowed in state active"
    /// );
    /// assert_eq!(reg.events().len(), 1); // nothing changed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, event: RegistrationEvent) -> Result<(), RegistrationError> {
        self.apply_with(event, RulesTable::embedded())
    }

    /// Applies an event, with the rules of `table` in force on the relevant day. On error
    /// nothing changes.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Errors
    ///
    /// - [`RegistrationError::IllegalTransition`] when [`REGISTRATION_TRANSITIONS`] has no row
    ///   for the current state and the event;
    /// - [`RegistrationError::Invalid`] when submitted data or a change is invalid (every
    ///   problem listed);
    /// - [`RegistrationError::OutOfOrder`] when a dated event is before the latest one (or
    ///   before the registration day);
    /// - [`RegistrationError::BackDated`] when an edit moves the registration day before the
    ///   day it was first submitted;
    /// - [`RegistrationError::Rules`] when no rules are in force on the day.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # fn form() -> RegistrationDraft {
    /// #     let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// #     d.codice_fiscale = "RSSMRA85T10A562S".into();
    /// #     d.first_name = "Mario".into();
    /// #     d.last_name = "Rossi".into();
    /// #     d.birth_date = Some(date!(1985 - 12 - 10));
    /// #     d.birthplace = "A562".into();
    /// #     d.sex = Some(Sex::Male);
    /// #     d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// #     d.document = DocumentDraft {
    /// #         number: "CA12345AB".into(),
    /// #         issued_on: Some(date!(2020 - 05 - 04)),
    /// #         expires_on: Some(date!(2031 - 05 - 04)),
    /// #         issued_by: "Comune di Roma".into(),
    /// #         ..DocumentDraft::default()
    /// #     };
    /// #     d.contacts = ContactsDraft { mobile: "333 1234567".into(), hours: "10:00-18:00".into(), ..ContactsDraft::default() };
    /// #     d.privacy_consent = true;
    /// #     d
    /// # }
    /// use prestazioni_occasionali::{
    ///     Categoria, PaymentMethod, Registration, RegistrationError, RegistrationEvent,
    ///     RegistrationState, Rules, RulesTable, SelfCertification,
    /// };
    ///
    /// let mut reg = Registration::new(form());
    /// assert_eq!(reg.state(), RegistrationState::Draft);
    /// assert!(reg.data().is_none());
    /// reg.apply_with(RegistrationEvent::Submit, RulesTable::embedded())?; // CIE confirms at once
    /// assert_eq!(reg.state(), RegistrationState::Active);
    /// assert_eq!(reg.draft().first_name, "Mario");
    /// assert_eq!(reg.data().map(|d| d.first_name()), Some("Mario"));
    /// assert!(reg.is_active_on(date!(2026 - 03 - 07)));
    ///
    /// let from = date!(2026 - 04 - 01);
    /// reg.apply(RegistrationEvent::ChangePaymentMethod {
    ///     from,
    ///     method: PaymentMethod::BonificoDomiciliato,
    /// })?;
    /// let contacts = ContactsDraft { mobile: "347 7654321".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// reg.apply(RegistrationEvent::ChangeContacts { from, contacts })?;
    /// let unemployed = SelfCertification::new(Categoria::Disoccupato, from, None)?;
    /// reg.apply(RegistrationEvent::ChangeSelfCertifications {
    ///     from,
    ///     certifications: vec![unemployed],
    /// })?;
    /// assert_eq!(reg.events().len(), 4);
    /// assert_eq!(reg.payment_history().len(), 2);
    /// assert_eq!(reg.payment_method_on(from), Some(&PaymentMethod::BonificoDomiciliato));
    /// assert_eq!(reg.contacts_history().len(), 2);
    /// assert_eq!(reg.contacts_on(from).map(|c| c.mobile().as_str()), Some("+393477654321"));
    /// assert_eq!(reg.self_certification_history().len(), 2);
    /// assert_eq!(reg.self_certifications_on(from).len(), 1);
    /// assert!(reg.special_category_on(from, Rules::in_force_on(from)?));
    /// assert!(!reg.special_category_on(date!(2026 - 03 - 31), Rules::in_force_on(from)?));
    ///
    /// // A change dated before the latest one is refused, and changes nothing.
    /// let before = reg.clone();
    /// let late = RegistrationEvent::ChangePaymentMethod {
    ///     from: date!(2026 - 03 - 20),
    ///     method: PaymentMethod::BonificoDomiciliato,
    /// };
    /// assert!(matches!(reg.apply(late), Err(RegistrationError::OutOfOrder { .. })));
    /// assert_eq!(reg, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_with(
        &mut self,
        event: RegistrationEvent,
        table: &RulesTable,
    ) -> Result<(), RegistrationError> {
        // Every check runs before the first write, so a rejected event changes nothing without
        // copying the registration (replaying n events is linear, not quadratic).
        let step = self.check(&event, table)?;
        self.commit(&event, step);
        self.events.push(event);
        Ok(())
    }

    fn check_day(&self, kind: RegistrationEventKind, on: Date) -> Result<(), RegistrationError> {
        if on < self.last_day {
            return Err(RegistrationError::OutOfOrder {
                event: kind,
                on,
                last: self.last_day,
            });
        }
        Ok(())
    }

    /// Every check of `event` against the current state, without changing it: the new state
    /// and what a submission produces.
    fn check(
        &self,
        event: &RegistrationEvent,
        table: &RulesTable,
    ) -> Result<Step, RegistrationError> {
        let kind = event.kind();
        let to = next_state(self.state, kind)?;
        let mut step = Step {
            to,
            submitted: None,
        };
        match event {
            RegistrationEvent::Edit(draft) => {
                if let Some(first_submitted) = self.first_submitted
                    && draft.registered_on < first_submitted
                {
                    return Err(RegistrationError::BackDated {
                        registered_on: draft.registered_on,
                        first_submitted,
                    });
                }
            }
            RegistrationEvent::Submit => {
                let rules = table.in_force_on(self.draft.registered_on)?;
                let data = self
                    .draft
                    .validate_with(rules)
                    .map_err(RegistrationError::Invalid)?;
                let automatic = match data
                    .access()
                    .credential()
                    .filter(|_| data.access().proves_identity(rules))
                {
                    // The automatic confirmation: the same row of the table as an explicit one.
                    Some(credential) => {
                        step.to = next_state(to, RegistrationEventKind::Confirm)?;
                        Some(credential)
                    }
                    None => None,
                };
                step.submitted = Some((Box::new(data), automatic));
            }
            RegistrationEvent::Confirm { on, .. }
            | RegistrationEvent::Suspend { on }
            | RegistrationEvent::Close { on }
            | RegistrationEvent::Resume { on } => self.check_day(kind, *on)?,
            RegistrationEvent::ChangePaymentMethod { from, method } => {
                self.check_change(kind, *from, self.payments.last().map(|e| e.from))?;
                let rules = table.in_force_on(*from)?;
                if method.fee(rules).is_none() {
                    return Err(RegistrationError::Invalid(FieldErrors::single(
                        FieldError {
                            path: "payment.mode".to_owned(),
                            reason: format!(
                                "payment at a post office is not available on {from} ({})",
                                rules.fee_post_office.citation
                            ),
                        },
                    )));
                }
            }
            RegistrationEvent::ChangeContacts { from, .. } => {
                self.check_change(kind, *from, self.contacts.last().map(|e| e.from))?;
            }
            RegistrationEvent::ChangeSelfCertifications { from, .. } => {
                self.check_change(kind, *from, self.self_certifications.last().map(|e| e.from))?;
            }
        }
        Ok(step)
    }

    /// Applies a checked event: infallible, so the registration is never half-changed.
    fn commit(&mut self, event: &RegistrationEvent, step: Step) {
        match event {
            RegistrationEvent::Edit(draft) => {
                if self.state == RegistrationState::Submitted {
                    self.data = None;
                }
                self.last_day = draft.registered_on;
                self.draft = (**draft).clone();
            }
            RegistrationEvent::Submit => {
                if let Some((data, automatic)) = step.submitted {
                    let day = data.registered_on();
                    self.first_submitted.get_or_insert(day);
                    self.payments = vec![Effective {
                        from: day,
                        value: data.payment().clone(),
                    }];
                    self.contacts = vec![Effective {
                        from: day,
                        value: data.contacts().clone(),
                    }];
                    self.self_certifications = vec![Effective {
                        from: day,
                        value: data.self_certifications().to_vec(),
                    }];
                    if let Some(credential) = automatic {
                        self.confirmation = Some(Confirmation::Automatic {
                            credential,
                            on: day,
                        });
                        self.activity.push((day, None));
                    }
                    self.data = Some(*data);
                }
            }
            RegistrationEvent::Confirm { on, via } => {
                self.confirmation = Some(Confirmation::Explicit { via: *via, on: *on });
                self.activity.push((*on, None));
                self.last_day = *on;
            }
            RegistrationEvent::Suspend { on } | RegistrationEvent::Close { on } => {
                self.end_activity(*on);
                self.last_day = *on;
            }
            RegistrationEvent::Resume { on } => {
                self.activity.push((*on, None));
                self.last_day = *on;
            }
            RegistrationEvent::ChangePaymentMethod { from, method } => {
                push_effective(&mut self.payments, *from, method.clone());
            }
            RegistrationEvent::ChangeContacts { from, contacts } => {
                push_effective(&mut self.contacts, *from, contacts.clone());
            }
            RegistrationEvent::ChangeSelfCertifications {
                from,
                certifications,
            } => {
                push_effective(&mut self.self_certifications, *from, certifications.clone());
            }
        }
        self.state = step.to;
    }

    /// A change takes effect no earlier than the latest entry of its history (the same day
    /// replaces it) and no earlier than the activation.
    fn check_change(
        &self,
        kind: RegistrationEventKind,
        from: Date,
        previous: Option<Date>,
    ) -> Result<(), RegistrationError> {
        let floor = previous
            .into_iter()
            .chain(self.confirmation.map(|c| c.on()))
            .max()
            .unwrap_or(self.last_day);
        if from < floor {
            return Err(RegistrationError::OutOfOrder {
                event: kind,
                on: from,
                last: floor,
            });
        }
        Ok(())
    }

    fn end_activity(&mut self, on: Date) {
        if let Some(last) = self.activity.last_mut()
            && last.1.is_none()
        {
            match on.previous_day() {
                Some(end) if end >= last.0 => last.1 = Some(end),
                _ => {
                    self.activity.pop();
                }
            }
        }
    }

    /// The current state.
    ///
    /// Legal basis: REG-STATES, REG-AUTH; the older INPS registration guide.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent, RegistrationState};
    /// form.access = AccessChannel::ContactCenter; // needs an explicit confirmation
    /// let mut reg = Registration::new(form);
    /// assert_eq!(reg.state(), RegistrationState::Draft);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// assert_eq!(reg.state(), RegistrationState::Submitted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn state(&self) -> RegistrationState {
        self.state
    }

    /// The form as last entered.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form.clone());
    /// form.first_name = "Maria".into();
    /// reg.apply(RegistrationEvent::Edit(Box::new(form)))?;
    /// assert_eq!(reg.draft().first_name, "Maria");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn draft(&self) -> &RegistrationDraft {
        &self.draft
    }

    /// The validated data, once submitted.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// assert!(reg.data().is_none());
    /// reg.apply(RegistrationEvent::Submit)?;
    /// assert_eq!(reg.data().map(|d| d.last_name()), Some("Rossi"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn data(&self) -> Option<&RegistrationData> {
        self.data.as_ref()
    }

    /// How and when the registration was confirmed.
    ///
    /// Legal basis: REG-AUTH.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{ConfirmationChannel, Registration, RegistrationEvent};
    /// let mut cie = Registration::new(form.clone());
    /// cie.apply(RegistrationEvent::Submit)?;
    /// assert_eq!(
    ///     cie.confirmation().map(|c| c.to_string()),
    ///     Some("confirmed automatically by CIE on 2026-03-07".to_owned())
    /// );
    ///
    /// form.access = AccessChannel::ContactCenter;
    /// let mut phone = Registration::new(form);
    /// phone.apply(RegistrationEvent::Submit)?;
    /// assert!(phone.confirmation().is_none()); // waiting for the telephone confirmation
    /// phone.apply(RegistrationEvent::Confirm {
    ///     on: date!(2026 - 03 - 09),
    ///     via: ConfirmationChannel::ContactCenter,
    /// })?;
    /// assert_eq!(phone.confirmation().map(|c| c.on()), Some(date!(2026 - 03 - 09)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn confirmation(&self) -> Option<Confirmation> {
        self.confirmation
    }

    /// The events applied so far.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// assert!(reg.apply(RegistrationEvent::Submit).is_err()); // a rejected event is not recorded
    /// assert_eq!(reg.events(), &[RegistrationEvent::Submit]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn events(&self) -> &[RegistrationEvent] {
        &self.events
    }

    /// Whether the prestatore is active on `day`: confirmed on or before it, not suspended or
    /// closed that day.
    ///
    /// Legal basis: REG-STATES (only an active prestatore receives prestazioni).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{ConfirmationChannel, Registration, RegistrationEvent};
    /// form.access = AccessChannel::ContactCenter;
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// reg.apply(RegistrationEvent::Confirm {
    ///     on: date!(2026 - 03 - 09),
    ///     via: ConfirmationChannel::ContactCenter,
    /// })?;
    /// reg.apply(RegistrationEvent::Suspend { on: date!(2026 - 04 - 01) })?;
    /// assert!(!reg.is_active_on(date!(2026 - 03 - 08))); // submitted, not yet confirmed
    /// assert!(reg.is_active_on(date!(2026 - 03 - 09)));
    /// assert!(reg.is_active_on(date!(2026 - 03 - 31)));
    /// assert!(!reg.is_active_on(date!(2026 - 04 - 01))); // suspended
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_active_on(&self, day: Date) -> bool {
        self.activity
            .iter()
            .any(|(from, until)| *from <= day && until.is_none_or(|u| day <= u))
    }

    /// The final verification of the registration procedure ("Lavoratore Attivo"): whether the
    /// registration belongs to the person with these names and codice fiscale (names compared
    /// ignoring case, accents and extra spaces; the codice fiscale compared as the same holder,
    /// so an omocode matches) and is active on `day`.
    ///
    /// Source: the older INPS registration guide, step 5 ("Verifica Finale").
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// assert!(reg.is_active_worker(" mario ", "ROSSI", &cf, date!(2026 - 03 - 07)));
    /// assert!(!reg.is_active_worker("Maria", "Rossi", &cf, date!(2026 - 03 - 07)));
    /// assert!(!reg.is_active_worker("Mario", "Rossi", &cf, date!(2026 - 03 - 06))); // not yet registered
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_active_worker(
        &self,
        first_name: &str,
        last_name: &str,
        codice_fiscale: &CodiceFiscale,
        day: Date,
    ) -> bool {
        self.data.as_ref().is_some_and(|d| {
            d.codice_fiscale().same_holder(codice_fiscale)
                && fold_name(d.first_name()) == fold_name(first_name)
                && fold_name(d.last_name()) == fold_name(last_name)
        }) && self.is_active_on(day)
    }

    /// The payment method in force on `day` (the ledger and the desk use it).
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{PaymentMethod, Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// reg.apply(RegistrationEvent::ChangePaymentMethod {
    ///     from,
    ///     method: PaymentMethod::PostOffice,
    /// })?;
    /// assert_eq!(reg.payment_method_on(date!(2026 - 03 - 06)), None); // before registration
    /// assert_eq!(
    ///     reg.payment_method_on(date!(2026 - 03 - 31)),
    ///     Some(&PaymentMethod::BonificoDomiciliato)
    /// );
    /// assert_eq!(reg.payment_method_on(from), Some(&PaymentMethod::PostOffice));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_method_on(&self, day: Date) -> Option<&PaymentMethod> {
        in_force_on(&self.payments, day)
    }

    /// The history of payment methods, oldest first.
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{PaymentMethod, Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// assert!(reg.payment_history().is_empty()); // not submitted yet
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// reg.apply(RegistrationEvent::ChangePaymentMethod {
    ///     from,
    ///     method: PaymentMethod::PostOffice,
    /// })?;
    /// let starts: Vec<_> = reg.payment_history().iter().map(|e| e.from).collect();
    /// assert_eq!(starts, [date!(2026 - 03 - 07), from]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_history(&self) -> &[Effective<PaymentMethod>] {
        &self.payments
    }

    /// The contacts in force on `day`.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// let contacts = ContactsDraft { mobile: "347 7654321".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// reg.apply(RegistrationEvent::ChangeContacts { from, contacts })?;
    /// assert_eq!(
    ///     reg.contacts_on(date!(2026 - 03 - 31)).map(|c| c.mobile().as_str()),
    ///     Some("+393331234567")
    /// );
    /// assert_eq!(reg.contacts_on(from).map(|c| c.mobile().as_str()), Some("+393477654321"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contacts_on(&self, day: Date) -> Option<&Contacts> {
        in_force_on(&self.contacts, day)
    }

    /// The history of contacts, oldest first.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Registration, RegistrationEvent};
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// let contacts = ContactsDraft { mobile: "347 7654321".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// reg.apply(RegistrationEvent::ChangeContacts { from, contacts: contacts.clone() })?;
    /// assert_eq!(reg.contacts_history().len(), 2);
    /// assert_eq!(
    ///     reg.contacts_history().last().map(|e| (e.from, &e.value)),
    ///     Some((from, &contacts))
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contacts_history(&self) -> &[Effective<Contacts>] {
        &self.contacts
    }

    /// The self-certifications in force on `day` (the list last given on or before it).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{
    ///     Categoria, Registration, RegistrationEvent, SelfCertification,
    /// };
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// let student = SelfCertification::new(Categoria::Studente, from, None)?;
    /// reg.apply(RegistrationEvent::ChangeSelfCertifications {
    ///     from,
    ///     certifications: vec![student],
    /// })?;
    /// assert!(reg.self_certifications_on(date!(2026 - 03 - 31)).is_empty());
    /// assert_eq!(reg.self_certifications_on(from), &[student]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn self_certifications_on(&self, day: Date) -> &[SelfCertification] {
        in_force_on(&self.self_certifications, day).map_or(&[], Vec::as_slice)
    }

    /// The history of self-certification lists, oldest first.
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{
    ///     Categoria, Registration, RegistrationEvent, SelfCertification,
    /// };
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// let student = SelfCertification::new(Categoria::Studente, from, None)?;
    /// reg.apply(RegistrationEvent::ChangeSelfCertifications {
    ///     from,
    ///     certifications: vec![student],
    /// })?;
    /// let lists: Vec<usize> =
    ///     reg.self_certification_history().iter().map(|e| e.value.len()).collect();
    /// assert_eq!(lists, [0, 1]); // none at registration, then one
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn self_certification_history(&self) -> &[Effective<Vec<SelfCertification>>] {
        &self.self_certifications
    }

    /// The [`Prestatore`] of this registration on `day`: the submitted data with the
    /// self-certifications in force that day (see
    /// [`RegistrationData::to_prestatore`]); `None` before submission and for a day before the
    /// registration day ([`RegistrationData::registered_on`]): a prestatore must be registered
    /// before the first prestazione (REG-BOTH).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017; REG-BOTH, REG-DATA-PRESTATORE,
    /// ELIG-SELFCERT.
    ///
    /// # Errors
    ///
    /// As [`RegistrationData::to_prestatore`] (never for validated data).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # fn form() -> RegistrationDraft {
    /// #     let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// #     d.codice_fiscale = "RSSMRA85T10A562S".into();
    /// #     d.first_name = "Mario".into();
    /// #     d.last_name = "Rossi".into();
    /// #     d.birth_date = Some(date!(1985 - 12 - 10));
    /// #     d.birthplace = "A562".into();
    /// #     d.sex = Some(Sex::Male);
    /// #     d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// #     d.document = DocumentDraft {
    /// #         number: "CA12345AB".into(),
    /// #         issued_on: Some(date!(2020 - 05 - 04)),
    /// #         expires_on: Some(date!(2031 - 05 - 04)),
    /// #         issued_by: "Comune di Roma".into(),
    /// #         ..DocumentDraft::default()
    /// #     };
    /// #     d.contacts = ContactsDraft { mobile: "333 1234567".into(), hours: "10:00-18:00".into(), ..ContactsDraft::default() };
    /// #     d.privacy_consent = true;
    /// #     d
    /// # }
    /// use prestazioni_occasionali::{
    ///     Categoria, Registration, RegistrationEvent, Rules, SelfCertification,
    /// };
    ///
    /// let mut reg = Registration::new(form());
    /// assert!(reg.prestatore_on(date!(2026 - 03 - 07)).is_none()); // not submitted yet
    /// reg.apply(RegistrationEvent::Submit)?;
    /// assert!(reg.prestatore_on(date!(2026 - 03 - 06)).is_none()); // before the registration day
    /// // Submitted data passed the same checks, so they never give an `Err`.
    /// assert!(!matches!(reg.prestatore_on(date!(2026 - 03 - 07)), Some(Err(_))));
    /// let from = date!(2026 - 04 - 01);
    /// let unemployed = SelfCertification::new(Categoria::Disoccupato, from, None)?;
    /// reg.apply(RegistrationEvent::ChangeSelfCertifications {
    ///     from,
    ///     certifications: vec![unemployed],
    /// })?;
    /// let rules = Rules::in_force_on(from)?;
    /// let before = reg.prestatore_on(date!(2026 - 03 - 31)).transpose()?.ok_or("no data")?;
    /// let after = reg.prestatore_on(from).transpose()?.ok_or("no data")?;
    /// assert_eq!(before.special_category_on(from, rules), None);
    /// assert_eq!(after.special_category_on(from, rules), Some(Categoria::Disoccupato));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore_on(&self, day: Date) -> Option<Result<Prestatore, PrestatoreError>> {
        self.data
            .as_ref()
            .filter(|d| d.registered_on() <= day)
            .map(|d| d.prestatore_with(self.self_certifications_on(day)))
    }

    /// Whether a comma-8 category holds on `day` (for the 75% weighting of cap b, reading R-WEIGHT-CAP-B).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (ELIG-SELFCERT, reading R-WEIGHT-CAP-B).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{
    ///     Categoria, Registration, RegistrationEvent, Rules, SelfCertification,
    /// };
    /// let mut reg = Registration::new(form);
    /// reg.apply(RegistrationEvent::Submit)?;
    /// let from = date!(2026 - 04 - 01);
    /// let unemployed = SelfCertification::new(Categoria::Disoccupato, from, None)?;
    /// reg.apply(RegistrationEvent::ChangeSelfCertifications {
    ///     from,
    ///     certifications: vec![unemployed],
    /// })?;
    /// let rules = Rules::in_force_on(from)?;
    /// assert!(!reg.special_category_on(date!(2026 - 03 - 31), rules));
    /// assert!(reg.special_category_on(from, rules));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn special_category_on(&self, day: Date, rules: &Rules) -> bool {
        self.data.as_ref().is_some_and(|d| {
            self.self_certifications_on(day)
                .iter()
                .any(|s| s.holds_on(day, d.birth_date(), rules))
        })
    }
}

/// What [`Registration::check`] found: the state after the event and, for a submission, the
/// validated data and the credential of an automatic confirmation.
struct Step {
    to: RegistrationState,
    submitted: Option<(Box<RegistrationData>, Option<Credential>)>,
}

fn push_effective<T>(history: &mut Vec<Effective<T>>, from: Date, value: T) {
    if history.last().is_some_and(|e| e.from == from) {
        history.pop();
    }
    history.push(Effective { from, value });
}
