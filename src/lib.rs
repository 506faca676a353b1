//! # prestazioni-occasionali
//!
//! Italian occasional work under **art. 54-bis D.L. 24 aprile 2017 n. 50** (converted by
//! L. 21/6/2017 n. 96), as amended up to the INPS portal of January 2026: the **Libretto Famiglia**
//! (LF) and the **Contratto di Prestazione Occasionale** (CPO, `PrestO`).
//!
//! The crate answers, before a host acts: may this utilizzatore engage this prestatore, with which
//! instrument, for what pay, at what total cost, by which deadline, and how much room is left
//! under every cap this year, with the article and comma behind each answer.
//!
//! It is a pure library: no I/O, no clock, no network. Dates (`time::Date`) and instants
//! (`time::OffsetDateTime`, with the Europe/Rome offset of the day) are passed in by the caller.
//! Nothing panics on any input: bad input is an `Err` naming the field and the rule; a lawful-or-not
//! question is answered by a [`Verdict`] listing every breached rule with its citation.
//!
//! ## A tour
//!
//! Data flows one way: rules → parties → prestazione → instrument checks → ledger → desk.
//!
//! 1. **The rules** ([`Rules`], [`RulesTable`]): every legal parameter as dated data with its
//!    [`Citation`]. A change of law is a new dated row; a host can build its own table.
//! 2. **Money and identity**: [`Euro`] (exact, never negative, two decimals), [`CodiceFiscale`]
//!    (with omocodia and the Belfiore table), [`Iban`] (with the Italian CIN), [`PartitaIva`],
//!    [`Provincia`], [`Cap`], [`AtecoCode`] and the [`Sector`] lists of the law.
//! 3. **The parties**: [`Prestatore`] with its comma-8 [`SelfCertification`]s, [`Utilizzatore`]
//!    with its kind, sector, [`Headcounts`] and comma-5 [`PriorRelationship`]s.
//! 4. **The instruments**: [`assess_admissibility`], the pay floors ([`cpo_minimum_compenso`],
//!    [`titoli_for_minutes`]), the cost ([`CostBreakdown`]), the deadlines
//!    ([`check_cpo_communication`], [`revoca_deadline`], [`payment_date`],
//!    [`lf_communication_deadline`]), the prepaid funds ([`FundsAccount`]) and the sanctions
//!    ([`sanction_for`]).
//! 5. **The communications** that tie them together: [`LfCommunication`] (the work done, by the
//!    3rd of the next month) and [`CpoCommunication`] (60 minutes ahead, one prestazione per
//!    calendar day), each validated, with its pay, cost, deadlines, verdict and ledger records.
//! 6. **The ledger** ([`Ledger`]): the calendar-year caps a, b, c, c-bis and the 280 hours (in
//!    agriculture from 2017 to 2022, cap c over the area's CCNL rate: [`CapProfile`]), with an
//!    [`Assessment`] explaining every breach, revoca and correction, the prestatore's
//!    confirmation ([`Ledger::confirm`]), the room left ([`Ledger::room`]), totals, and
//!    [`LedgerEvent`]s to replay and merge ([`Ledger::replay_verified`] and [`Ledger::verify`]
//!    list what a log from elsewhere holds that breached a rule at its time).
//! 7. **Registration and access**: the prestatore's [`RegistrationDraft`] validated into
//!    [`RegistrationData`] (every problem at once, with its field path), the [`Registration`]
//!    state machine ([`REGISTRATION_TRANSITIONS`]) up to "Lavoratore Attivo", the utilizzatore's
//!    [`UtilizzatoreRegistration`], and the intermediaries' [`Delega`]s with [`authorize`].
//! 8. **The desk** ([`Scrivania`]): what the January 2026 portal shows the prestatore: each
//!    prestazione with its status, the payments with the fees withheld, the annual
//!    [`Prospetto`] against cap a.
//!
//! `cargo run --example quickstart` runs all of it on one prestatore's year.
//!
//! ```
//! use prestazioni_occasionali::{
//!     assess_admissibility, CostBreakdown, Engagement, Euro, Instrument, LfActivity, Prestatore,
//!     Rules, Utilizzatore, UtilizzatoreKind,
//! };
//! use time::macros::date;
//!
//! let day = date!(2026 - 03 - 07);
//! let rules = Rules::in_force_on(day)?;
//!
//! // What one CPO hour at the minimum pay costs the utilizzatore (worked example E2, reading R-ONERI-BASE).
//! let hour = CostBreakdown::cpo(rules.cpo_min_hourly.value, rules)?;
//! assert_eq!(hour.total, Euro::from_cents(1241));
//!
//! // May a family pay a baby-sitter through the Libretto Famiglia?
//! let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
//! let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
//! let job = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
//! assert!(assess_admissibility(Instrument::LibrettoFamiglia, &family, &sitter, &job, rules)?.is_lawful());
//!
//! // Through the CPO? No: a persona fisica outside any business uses the LF (c. 6).
//! let verdict = assess_admissibility(Instrument::ContrattoPrestazioneOccasionale, &family, &sitter, &job, rules)?;
//! assert!(!verdict.is_lawful());
//! for breach in &verdict.breaches {
//!     println!("{breach}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Readings of open points
//!
//! Where the sources disagree or are silent, the crate follows the conservative readings of the
//! project's law file (reading R-ONERI-BASE to R-FEES), and each doc comment says which one it applies;
//! the readings marked configurable are rows of the rules table a host can replace.
//!
//! ## Number formats
//!
//! User-facing text (verdict facts, consequences, error messages, the Scrivania's `Display`)
//! writes numbers in one Italian style: amounts as [`Euro::to_italian`] does (`1.234,56 €`),
//! durations as whole hours and minutes (`242 h 40 min`). An error message that quotes the
//! caller's own input text keeps it verbatim. `Euro`'s own `Display` (`1234.56`) is the
//! machine form used by `FromStr` and serde.
//!
//! ## Crate features
//!
//! - `belfiore` (default): the Belfiore birthplace table ([`Birthplace`]), generated from
//!   python-codicefiscale 0.12.1 (MIT, derived from ANPR).
//! - `serde`: `Serialize` / `Deserialize` for the public data types (inputs, records, events,
//!   rules tables), through the validating constructors (money and decimals as strings, dates as
//!   ISO 8601); computed answers (communications, the Scrivania, authorizations, the subject
//!   of an authorization) serialise only, and a [`Ledger`] travels as its [`LedgerEvent`]s.
//! - `proptest`: [`strategies`], generators of valid values for the crate's types, up to
//!   realistic prestazioni and calendar years of them that a [`Ledger`] records without refusal.
//!
//! This crate is not legal advice.
//!
#![doc = include_str!("../docs/glossary.md")]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod ateco;
mod delega;
mod error;
mod format;
mod identity;
mod instruments;
pub mod law;
mod ledger;
mod money;
mod parties;
mod payment;
mod prestazione;
mod redact;
mod registration;
mod rules;
mod scrivania;
#[cfg(feature = "proptest")]
pub mod strategies;
mod verdict;

pub use ateco::{AtecoCode, AtecoError, Section, Sector};
pub use delega::{
    Action, Actor, Authorization, Delega, DelegaDraft, DelegaError, Denial, Intermediario, Party,
    Permit, PrestazioneSubject, Subject, authorize,
};
pub use error::Error;
pub use identity::{BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, Sex};
#[cfg(feature = "belfiore")]
pub use identity::{Birthplace, BirthplaceKind};
pub use identity::{Cap, Iban, IbanError, PartitaIva, PartitaIvaError, Provincia, ProvinciaError};
pub use instruments::{AdmissibilityError, Engagement, LfActivity, assess_admissibility};
pub use instruments::{
    AgriculturalArea, Causale, Commitment, CommunicationError, CostBreakdown, CpoCommunication,
    CpoCommunicationDay, CpoDay, CpoWindowCommunication, CpoWork, FineTotals, FundsAccount,
    FundsError, FundsEvent, InstrumentError, LfCommunication, LfWork, MAX_SPAN_DAYS, TopUp,
    agricultural_hour_limit, agricultural_hour_limit_citation, can_confirm, can_revoke,
    check_cpo_communication, check_cpo_pay, check_cpo_pay_agricultural, cpo_communication_deadline,
    cpo_minimum_compenso, cpo_minimum_compenso_agricultural, fine_totals,
    lf_communication_deadline, max_cpo_compenso_for_budget, max_lf_titoli_for_budget, payment_date,
    post_office_collectable_on, revoca_deadline, sanction_for, split_at_midnight,
    titoli_for_minutes,
};
pub use ledger::{
    Assessment, CorrectionMove, ExternalTotal, Finding, FindingKind, HoursCap, Ledger,
    LedgerCapacity, LedgerEntry, LedgerError, LedgerEvent, MoneyCap, PairTotals, PeriodTotals,
    PrestatoreTotals, RecordError, RecordPolicy, Room, RoomQuery, UtilizzatoreTotals,
};
pub use money::{Euro, MoneyError};
pub use parties::{
    Categoria, EnteKind, HeadcountError, Headcounts, MonthlyHeadcount, PaPurpose, ParentalConsent,
    Prestatore, PrestatoreError, PriorRelationship, RelationshipKind, SelfCertification,
    SelfCertificationError, SemesterAverage, Utilizzatore, UtilizzatoreError, UtilizzatoreId,
    UtilizzatoreIdError, UtilizzatoreKind, age_on,
};
pub use payment::{PaymentError, PaymentMode, net_received};
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
    DailyMinimum, Dated, DeleganteKind, FineRule, FineUnit, FundingChannel, FundingChannels,
    HotelRegime, IntermediarioKind, IntermediaryScope, OneriBase, Parameter, REGIME_START, Rules,
    RulesError, RulesTable, RulesTableBuilder, TitoloSplit, WindowSector,
};
pub use scrivania::{
    CommunicatedPrestazione, DeskEntry, Payment, PrestazioneStatus, Prospetto, ProspettoRow,
    Scrivania, ScrivaniaError,
};
pub use verdict::{Breach, Consequence, Excess, RuleId, Verdict};

/// The exact decimal type of [`rust_decimal`], re-exported because the public API takes and
/// returns it (part-time fractions, counted cap-b amounts, hours): a host needs no direct
/// dependency on `rust_decimal` to use them.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Decimal, Euro};
/// assert_eq!(Euro::new(Decimal::new(1241, 2))?, Euro::from_cents(1241));
/// assert!(Euro::new(Decimal::new(-1, 2)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use rust_decimal::Decimal;
