//! # prestazioni-occasionali
//!
//! Italian occasional work under art. 54-bis D.L. 24 aprile 2017 n. 50 (converted by
//! L. 96/2017): the Libretto Famiglia and the Contratto di Prestazione Occasionale.
//!
//! This is a pure library: no I/O, no clock, no network. Dates and instants are passed in by the
//! caller.
#![doc = include_str!("../docs/glossary.md")]

mod ateco;
mod error;
mod identity;
mod instruments;
mod money;
mod parties;
mod payment;
mod prestazione;
mod rules;
#[cfg(feature = "proptest")]
pub mod strategies;
mod verdict;

pub use ateco::{AtecoCode, AtecoError, Section, Sector};
pub use error::Error;
pub use identity::{BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, Sex};
#[cfg(feature = "belfiore")]
pub use identity::{Birthplace, BirthplaceKind};
pub use identity::{Cap, Iban, IbanError, PartitaIva, PartitaIvaError, Provincia, ProvinciaError};
pub use instruments::{AdmissibilityError, Engagement, LfActivity, assess_admissibility};
pub use instruments::{
    AgriculturalArea, Causale, Commitment, CostBreakdown, CpoDay, CpoWindowCommunication,
    FineTotals, FundsAccount, FundsError, FundsEvent, InstrumentError, MAX_SPAN_DAYS, TopUp,
    agricultural_hour_limit, can_revoke, check_cpo_communication, check_cpo_pay,
    cpo_communication_deadline, cpo_minimum_compenso, cpo_minimum_compenso_agricultural,
    fine_totals, lf_communication_deadline, max_cpo_compenso_for_budget, max_lf_titoli_for_budget,
    payment_date, post_office_collectable_on, revoca_deadline, sanction_for, split_at_midnight,
    titoli_for_minutes,
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
pub use rules::{
    AgriculturalRates, AgricultureRule, Citation, Cited, CommunicationWindow, DailyMinimum, Dated,
    FineRule, FineUnit, FundingChannel, HotelRegime, OneriBase, Parameter, REGIME_START, Rules,
    RulesError, RulesTable, RulesTableBuilder, TitoloSplit, WindowSector,
};
pub use verdict::{Breach, Consequence, Excess, RuleId, Verdict};
