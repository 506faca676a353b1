//! Registration on the INPS platform: the prestatore's data and its validation, the registration
//! state machine, and the lighter registration of utilizzatori.
//!
//! Legal basis: REG-BOTH, REG-AUTH, REG-DATA-PRESTATORE, REG-DATA-UTILIZZATORE, REG-STATES,
//! PAY-MODES, ELIG-AGE, ELIG-SELFCERT; reading R-MINORS, R-FEES.

mod data;
mod state;
mod utilizzatore;
mod values;

pub use data::{
    AccessChannel, AccountKind, Address, AddressDraft, ContactChannel, Contacts, ContactsDraft,
    DocumentDraft, DocumentKind, FieldError, FieldErrors, IdentityDocument, ParentalConsentDraft,
    ParentalConsentRecord, PaymentDraft, PaymentMethod, RegistrationData, RegistrationDraft,
};
pub(crate) use state::in_force_on;
pub use state::{
    Confirmation, ConfirmationChannel, Effective, REGISTRATION_TRANSITIONS, Registration,
    RegistrationEvent, RegistrationEventKind, RegistrationState, registration_diagram,
};
pub use utilizzatore::{RegistrantKind, UtilizzatoreRegistration, UtilizzatoreRegistrationDraft};
pub use values::{Email, Phone, SpidLevel, TimeBand};

use time::Date;

use crate::rules::RulesError;

/// Why a registration value, form or event is refused.
///
/// Legal basis: REG-DATA-PRESTATORE, REG-STATES.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{RegistrationError, RegistrationEventKind, RegistrationState};
/// let e = RegistrationError::IllegalTransition { state: RegistrationState::Closed, event: RegistrationEventKind::Resume };
/// assert_eq!(e.to_string(), "event resume is not allowed in state closed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistrationError {
    /// The form (or a change) has problems; every one is listed with its field's path.
    #[error("registration data is invalid: {0}")]
    Invalid(FieldErrors),
    /// The transition table has no row for this state and event.
    #[error("event {event} is not allowed in state {state}")]
    IllegalTransition {
        /// The current state.
        state: RegistrationState,
        /// The refused event.
        event: RegistrationEventKind,
    },
    /// A dated event is before the latest event, the activation or the registration day.
    #[error("event {event} on {on} is before {last}, the day of the latest event it must follow")]
    OutOfOrder {
        /// The event.
        event: RegistrationEventKind,
        /// Its day.
        on: Date,
        /// The earliest day it may have.
        last: Date,
    },
    /// An edit that moves the registration day before the day it was first submitted: a
    /// registration is never back-dated.
    #[error(
        "edit: registered_on {registered_on} is before {first_submitted}, the day the registration was first submitted: a registration is never back-dated"
    )]
    BackDated {
        /// The day the edit gives.
        registered_on: Date,
        /// The day of the first submission.
        first_submitted: Date,
    },
    /// A SPID level that SPID does not have (it has 1, 2 and 3).
    #[error("SPID level {level} does not exist (SPID has levels 1 to 3)")]
    SpidLevel {
        /// The level given.
        level: u8,
    },
    /// An invalid mobile number.
    #[error("mobile number {reason}")]
    Phone {
        /// What is wrong.
        reason: String,
    },
    /// An invalid e-mail address.
    #[error("e-mail address {reason}")]
    Email {
        /// What is wrong.
        reason: String,
    },
    /// An invalid contact time band.
    #[error("contact time band {text} {reason}")]
    TimeBand {
        /// The text given (at most 20 characters).
        text: String,
        /// What is wrong.
        reason: String,
    },
    /// No rules are in force on the day.
    #[error(transparent)]
    Rules(#[from] RulesError),
}
