//! # prestazioni-occasionali
//!
//! Italian occasional work under art. 54-bis D.L. 24 aprile 2017 n. 50 (converted by
//! L. 96/2017): the Libretto Famiglia and the Contratto di Prestazione Occasionale.
//!
//! This is a pure library: no I/O, no clock, no network. Dates and instants are passed in by the
//! caller.
#![doc = include_str!("../docs/glossary.md")]

mod ateco;
mod delega;
mod error;
mod identity;
mod money;
mod parties;
mod payment_shim;
mod prestazione;
mod registration;
mod rules;
mod scrivania;
#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "proptest")]
pub mod strategies_idv;
mod verdict;

pub use ateco::{AtecoCode, AtecoError, Section, Sector};
pub use delega::{
    Action, Actor, Authorization, Delega, DelegaDraft, DelegaError, Denial, Intermediario, Party,
    Permit, Subject, authorize,
};
pub use error::Error;
pub use identity::{BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, Sex};
#[cfg(feature = "belfiore")]
pub use identity::{Birthplace, BirthplaceKind};
pub use identity::{Cap, Iban, IbanError, PartitaIva, PartitaIvaError, Provincia, ProvinciaError};
pub use money::{Euro, MoneyError};
pub use parties::{
    Categoria, SelfCertification, SelfCertificationError, UtilizzatoreId, UtilizzatoreIdError,
    age_on,
};
pub use payment_shim::PaymentMode;
pub use prestazione::{
    CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneError, PrestazioneId,
};
pub use registration::{
    AccessChannel, AccountKind, Address, AddressDraft, Confirmation, ConfirmationChannel,
    ContactChannel, Contacts, ContactsDraft, DocumentDraft, DocumentKind, Effective, Email,
    FieldError, FieldErrors, IdentityDocument, ParentalConsentDraft, ParentalConsentRecord,
    PaymentDraft, PaymentMethod, Phone, REGISTRATION_TRANSITIONS, RegistrantKind, Registration,
    RegistrationData, RegistrationDraft, RegistrationError, RegistrationEvent,
    RegistrationEventKind, RegistrationState, TimeBand, UtilizzatoreRegistration,
    UtilizzatoreRegistrationDraft, registration_diagram,
};
pub use rules::{
    AgriculturalRates, AgricultureRule, Citation, Cited, CommunicationWindow, Credential,
    DailyMinimum, Dated, DeleganteKind, FineRule, FineUnit, FundingChannel, HotelRegime,
    IntermediarioKind, IntermediaryScope, OneriBase, Parameter, REGIME_START, Rules, RulesError,
    RulesTable, RulesTableBuilder, TitoloSplit, WindowSector,
};
pub use scrivania::{
    CommunicatedPrestazione, DeskEntry, Payment, PrestazioneStatus, Prospetto, ProspettoRow,
    Scrivania, ScrivaniaError,
};
pub use verdict::{Breach, Consequence, Excess, RuleId, Verdict};
