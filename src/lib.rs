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
//! It is a pure library: no I/O, no clock, no network. Dates (`time::Date`, Italian calendar days)
//! and instants (`time::OffsetDateTime`, in any offset: UTC is fine) are passed in by the caller;
//! the crate works out the Italian civil date and time of an instant itself ([`ItalianClock`]:
//! CET, CEST in summer, reading R-CIVIL-TIME), and returns instants in the Italian offset.
//! Nothing panics on any input: bad input is an `Err` naming the field and the rule; a lawful-or-not
//! question is answered by a [`Verdict`] listing every breached rule with its citation.
//!
//! ## The booking question, in one call
//!
//! [`assess_booking`] answers it for one piece of [`Work`] (the instrument asked for, or
//! whichever is lawful, [`Choice`]): the admissibility of each instrument, then per calendar day
//! the pay against its floor, the cost, the deadlines and whether a communication sent now is
//! in time, the ledger's [`Assessment`] and the [`Room`] left after it, then the funds needed
//! and the room before it; every figure from the function that owns its rule, with its
//! [`Citation`]. The answer is a [`Booking`]: `Display` for a person, `Serialize` for an API.
//!
//! ```
//! use prestazioni_occasionali::{
//!     Euro, Ledger, LfActivity, Prestatore, RuleId, Utilizzatore, UtilizzatoreKind, Work, assess_booking,
//! };
//! use time::macros::{date, datetime};
//!
//! let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
//! let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
//! let mut ledger = Ledger::default();
//!
//! // 3 hours of baby-sitting through the Libretto Famiglia: 3 titoli, 30,00 in all (E1).
//! let work = Work::lf(date!(2026 - 03 - 10), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1");
//! let booking = assess_booking(&family, &sitter, &work, datetime!(2026-03-10 20:00 +01:00), &ledger, &[])?;
//! assert!(booking.is_lawful());
//! assert_eq!(booking.total_cost, Euro::from_euros(30));
//! for p in booking.prestazioni() {
//!     ledger.record(p)?;
//! }
//!
//! // Through the CPO? No: a persona fisica outside any business uses the LF (c. 6).
//! let cpo = Work::cpo(
//!     datetime!(2026-03-12 15:00 +01:00), datetime!(2026-03-12 19:00 +01:00),
//!     vec![Euro::from_euros(40)], "Via Roma 1", "baby-sitting",
//! ).with_id(prestazioni_occasionali::PrestazioneId(2));
//! let no = assess_booking(&family, &sitter, &cpo, datetime!(2026-03-11 20:00 +01:00), &ledger, &[])?;
//! assert!(!no.is_lawful() && no.verdict().breaches_rule(RuleId::CpoUsers));
//! println!("{no}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run --example quickstart` runs it on one prestatore's year.
//!
//! Every rule, reading, worked example and source the crate relies on is documented in the crate
//! itself, in the legal reference [`law`]: a rule id a verdict prints (`CAP-PAIR`) is a section
//! of [`law::rules`], a reading a citation names (`reading R-ONERI-BASE`) a section of
//! [`law::readings`].
//!
//! ## A tour
//!
//! Data flows one way: rules → parties → prestazione → instrument checks → ledger → booking,
//! desk. Each step is also usable on its own.
//!
//! 1. **The rules** ([`Rules`], [`RulesTable`]): every legal parameter as dated data with its
//!    [`Citation`]. A change of law is a new dated row; a host can build its own table. The clock
//!    rule of Italian civil time is one of them ([`ClockRule`], [`ItalianClock`]).
//! 2. **Money and identity**: [`Euro`] (exact, never negative, two decimals), [`CodiceFiscale`]
//!    (with omocodia and the Belfiore table; [`CodiceFiscale::encode`] from a person's data,
//!    [`CodiceFiscale::decode`] back), [`Iban`] (with the Italian CIN), [`PartitaIva`],
//!    [`Provincia`], [`Cap`], [`AtecoCode`] of ATECO 2007 (aggiornamento 2022) and ATECO 2025
//!    ([`AtecoEdition`]) and the [`Sector`] lists of the law in both editions, through ISTAT's
//!    correspondence, an ambiguous code being declared, never guessed ([`SectorMembership`]).
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
//!    list what a log from elsewhere holds that breached a rule at its time). Every change hands
//!    back the event the host stores ([`Recorded`]); a durable host prepares a change
//!    ([`Ledger::prepare`]), stores its events in their format version ([`VersionedEvent`]) and
//!    then commits it ([`Ledger::commit`]), so the ledger changes only once the events are
//!    stored (`examples/sqlite_host.rs`). A consulente's [`Ledger::portfolio`] lists, for a set
//!    of clients, every cap reached to a chosen share.
//! 7. **The booking** ([`assess_booking`]): all of the above for one piece of work, in one call.
//! 8. **Registration and access**: the prestatore's [`RegistrationDraft`] validated into
//!    [`RegistrationData`] (every problem at once, with its field path), the [`Registration`]
//!    state machine ([`REGISTRATION_TRANSITIONS`]) up to "Lavoratore Attivo", the utilizzatore's
//!    [`UtilizzatoreRegistration`], and the intermediaries' [`Delega`]s with [`authorize`].
//! 9. **The desk** ([`Scrivania`]): what the January 2026 portal shows the prestatore: each
//!    prestazione with its status, the payments with the fees withheld, the annual
//!    [`Prospetto`] against cap a.
//!
//! 10. **The law** ([`law`]): the rules by id, the readings of open points, the worked examples
//!     E1 to E11 (each a doctest), the sources and what was not verified, and the
//!     [glossary](law::glossary) of the Italian terms the API keeps.
//!
//! ## Rules in the API
//!
//! The rules reach the API one way, by what a call covers:
//!
//! - **`&Rules`**, one version of the table ([`RulesTable::in_force_on`],
//!   [`Rules::in_force_on`]), for a calculation within one day: a cost ([`CostBreakdown`]), a pay
//!   floor ([`cpo_minimum_compenso`]), one day's deadline ([`revoca_deadline`],
//!   [`check_cpo_communication`]), admissibility ([`assess_admissibility`]), a top-up of the
//!   prepaid funds ([`FundsAccount::top_up`]).
//! - **`&RulesTable`** for anything that spans days or lives long: the communications
//!   ([`LfCommunication::new`], [`CpoCommunication::new`]), [`split_at_midnight`], the
//!   [`Scrivania`], a registration's events ([`Registration::apply_with`]), and a ledger's table
//!   ([`Ledger::new`], [`Ledger::replay`], [`Ledger::replay_verified`]).
//! - **A long-lived value owns its table.** A [`Ledger`] keeps the table it was built on, and
//!   every call on it uses that table: [`Ledger::assess`], [`Ledger::record`], [`Ledger::room`],
//!   and [`assess_booking`], which takes the ledger and no table.
//!   [`Ledger::rules_table`] returns it (to build shards and replays on the same table).
//!
//! A [`RulesTable`] shares its rows behind an `Arc`: cloning one is cheap, and clones of one table
//! compare equal at once (so [`Ledger::merge`] of shards built on one table does not compare
//! rows).
//!
//! ## Readings of open points
//!
//! Where the sources disagree or are silent, the crate takes the conservative reading, under which
//! a host that follows it cannot break the law, and names it: each is a section of
//! [`law::readings`] (`R-ONERI-BASE`, `R-REVOCA`, ...), cited by the doc comments and by the
//! citations of the rules table. Where a reading rests on a value, that value is a row of the
//! rules table a host can replace ([`RulesTableBuilder`]); each reading says whether and how.
//!
//! ## Number formats
//!
//! User-facing text (verdict facts, consequences, error messages, the `Display` of a
//! [`Booking`], an [`Assessment`], a [`Room`], a [`MoneyCap`], an [`HoursCap`] and of the
//! Scrivania) writes numbers in one Italian style: amounts as [`Euro::to_italian`] does
//! (`1.234,56 €`), durations as whole hours and minutes (`242 h 40 min`). Days are ISO dates
//! (`2026-03-07`), except in the Scrivania's lines, which show them as the INPS portal does
//! (`07/03/2026`). An error message that quotes the caller's own input text keeps it verbatim. `Euro`'s own `Display` (`1234.56`) is the
//! machine form used by `FromStr` and serde.
//!
//! ## Crate features
//!
//! - `belfiore` (default): the Belfiore birthplace table ([`Birthplace`], with look-ups by code
//!   and by name), generated from python-codicefiscale 0.12.1 (MIT, derived from ANPR). With it,
//!   `CodiceFiscale::encode` refuses a birthplace that did not exist on the birth date and
//!   `CodiceFiscale::decode` names the birthplace; without it only a code's form is checked.
//! - `serde` (default): `Serialize` / `Deserialize` for the public data types (inputs, records, events,
//!   rules tables), through the validating constructors (money and decimals as strings, dates as
//!   ISO 8601), refusing unknown fields (a misspelt key is an error, never a default); computed answers (bookings, communications, the Scrivania, authorizations, the
//!   subject of an authorization) serialise only, and a [`Ledger`] travels as its [`LedgerEvent`]s.
//! - `proptest`: [`strategies`], generators of valid values for the crate's types, up to
//!   realistic prestazioni, calendar years of them that a [`Ledger`] records without refusal, and
//!   years at exactly each cap and the hour limit.
//!
//! This crate is not legal advice: it documents one reading of the law, from sources that were not
//! all checked against the official texts ([`law::sources`]).

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod ateco;
mod booking;
mod civil_time;
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

pub use ateco::{
    AmbiguousActivity, AtecoCode, AtecoEdition, AtecoError, Section, Sector, SectorMembership,
};
pub use booking::{
    Booking, BookingDay, BookingError, Choice, CommunicateBy, Funds, PayCheck, Schedule, Work,
    assess_booking,
};
pub use civil_time::{CivilTimeError, ItalianClock, LocalInstant};
pub use delega::{
    Action, Actor, Authorization, Delega, DelegaDraft, DelegaError, Denial, Intermediario, Party,
    Permit, PrestazioneSubject, Subject, authorize,
};
pub use error::Error;
pub use identity::{
    BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, DecodedCodiceFiscale,
    NamePart, Sex,
};
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
    cpo_minimum_compenso, cpo_minimum_compenso_agricultural, fine_totals, fine_units,
    lf_communication_deadline, lf_communication_in_time, max_cpo_compenso_for_budget,
    max_lf_titoli_for_budget, payment_date, post_office_collectable_on, revoca_deadline,
    revoca_deadline_at, sanction_for, split_at_midnight, titoli_for_minutes,
};
pub use ledger::{
    Assessment, CapLine, CapUse, Client, ClientReport, CorrectionMove, ExternalTotal, Finding,
    FindingKind, HoursCap, Ledger, LedgerCapacity, LedgerEntry, LedgerError, LedgerEvent, MoneyCap,
    PairTotals, PeriodTotals, Portfolio, Prepared, PrestatoreReport, PrestatoreTotals, RecordError,
    RecordPolicy, Recorded, Room, RoomQuery, UtilizzatoreTotals, VersionedEvent,
};
pub use money::{Euro, MoneyError};
pub use parties::{
    Categoria, DeclaredActivity, EnteKind, HeadcountError, Headcounts, MonthlyHeadcount, PaPurpose,
    ParentalConsent, Prestatore, PrestatoreError, PriorRelationship, RelationshipKind,
    SelfCertification, SelfCertificationError, SemesterAverage, Utilizzatore, UtilizzatoreError,
    UtilizzatoreId, UtilizzatoreIdError, UtilizzatoreKind, age_on,
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
    RegistrationEventKind, RegistrationState, SpidLevel, TimeBand, UtilizzatoreRegistration,
    UtilizzatoreRegistrationDraft, registration_diagram,
};
pub use rules::{
    AgriculturalRates, AgricultureRule, Citation, Cited, ClockRule, CommunicationWindow,
    Credential, DailyMinimum, Dated, DeleganteKind, FineRule, FineUnit, FundingChannel,
    FundingChannels, HotelRegime, IntermediarioKind, IntermediaryScope, OneriBase, Parameter,
    REGIME_START, Rules, RulesError, RulesTable, RulesTableBuilder, TitoloSplit, WindowSector,
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
