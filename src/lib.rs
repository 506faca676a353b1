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
mod ledger;
mod money;
mod parties;
mod prestazione;
mod rules;
#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "proptest")]
pub mod strategies_idv;
mod verdict;

pub use ateco::{AtecoCode, AtecoError, Section, Sector};
pub use error::Error;
pub use identity::{BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, Sex};
#[cfg(feature = "belfiore")]
pub use identity::{Birthplace, BirthplaceKind};
pub use identity::{Cap, Iban, IbanError, PartitaIva, PartitaIvaError, Provincia, ProvinciaError};
pub use ledger::{
    Assessment, ExternalTotal, HoursCap, Ledger, LedgerCapacity, LedgerEntry, LedgerError,
    LedgerEvent, MoneyCap, PairTotals, PeriodTotals, PrestatoreTotals, RecordError, RecordPolicy,
    Room, RoomQuery, UtilizzatoreTotals,
};
pub use money::{Euro, MoneyError};
pub use parties::{
    Categoria, SelfCertification, SelfCertificationError, UtilizzatoreId, UtilizzatoreIdError,
    age_on,
};
pub use prestazione::{
    CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneError, PrestazioneId,
};
pub use rules::{
    AgriculturalRates, AgricultureRule, Citation, Cited, CommunicationWindow, DailyMinimum, Dated,
    FineRule, FineUnit, FundingChannel, HotelRegime, OneriBase, Parameter, REGIME_START, Rules,
    RulesError, RulesTable, RulesTableBuilder, TitoloSplit, WindowSector,
};
pub use verdict::{Breach, Consequence, Excess, RuleId, Verdict};
