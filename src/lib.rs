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
mod money;
#[cfg(feature = "proptest")]
pub mod strategies_idv;

pub use ateco::{AtecoCode, AtecoError, Section, Sector};
pub use error::Error;
pub use identity::{Cap, Iban, IbanError, PartitaIva, PartitaIvaError, Provincia, ProvinciaError};
pub use money::{Euro, MoneyError};
