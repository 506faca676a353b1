//! The umbrella [`Error`] over the per-module errors.

/// Any error the crate returns. Each module has its own error type; this enum wraps them so a
/// host can use one type with `?`.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Error, Euro};
///
/// fn parse(s: &str) -> Result<Euro, Error> {
///     Ok(s.parse::<Euro>()?)
/// }
/// assert!(parse("12,41").is_ok());
/// assert_eq!(parse("x").unwrap_err().to_string(), "amount \"x\" has an invalid character 'x' at position 0");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An invalid amount of money.
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
    /// An invalid rules table, or a day without rules.
    #[error(transparent)]
    Rules(#[from] crate::rules::RulesError),
    /// An invalid codice fiscale or Belfiore code, or a code that does not match given data.
    #[error(transparent)]
    CodiceFiscale(#[from] crate::identity::CodiceFiscaleError),
    /// An invalid IBAN.
    #[error(transparent)]
    Iban(#[from] crate::identity::IbanError),
    /// An invalid partita IVA.
    #[error(transparent)]
    PartitaIva(#[from] crate::identity::PartitaIvaError),
    /// An invalid provincia or CAP.
    #[error(transparent)]
    Provincia(#[from] crate::identity::ProvinciaError),
    /// An instant or Italian local time that cannot be converted.
    #[error(transparent)]
    CivilTime(#[from] crate::civil_time::CivilTimeError),
    /// An invalid ATECO code.
    #[error(transparent)]
    Ateco(#[from] crate::ateco::AtecoError),
    /// An ATECO code ambiguous for a list of the law, with no declared activity.
    #[error(transparent)]
    AmbiguousActivity(#[from] crate::ateco::AmbiguousActivity),
    /// An invalid utilizzatore identifier.
    #[error(transparent)]
    UtilizzatoreId(#[from] crate::parties::UtilizzatoreIdError),
    /// An invalid prestazione.
    #[error(transparent)]
    Prestazione(#[from] crate::prestazione::PrestazioneError),
    /// An invalid self-certification.
    #[error(transparent)]
    SelfCertification(#[from] crate::parties::SelfCertificationError),
    /// A ledger operation that could not run (duplicate or unknown id, closed revoca, ...).
    #[error(transparent)]
    Ledger(#[from] crate::ledger::LedgerError),
    /// A prestazione the ledger refused (the assessment explains the breach) or bad input.
    #[error(transparent)]
    Record(#[from] crate::ledger::RecordError),
    /// An invalid input to a cost, pay or deadline computation.
    #[error(transparent)]
    Instrument(#[from] crate::instruments::InstrumentError),
    /// A refused top-up, commitment or release of funds.
    #[error(transparent)]
    Funds(#[from] crate::instruments::FundsError),
    /// A payment mode not available, or a fee larger than the compenso.
    #[error(transparent)]
    Payment(#[from] crate::payment::PaymentError),
    /// Invalid prestatore data.
    #[error(transparent)]
    Prestatore(#[from] crate::parties::PrestatoreError),
    /// Invalid utilizzatore data.
    #[error(transparent)]
    Utilizzatore(#[from] crate::parties::UtilizzatoreError),
    /// An invalid headcount, or a month missing from the reference semester.
    #[error(transparent)]
    Headcount(#[from] crate::parties::HeadcountError),
    /// An admissibility question that cannot be answered.
    #[error(transparent)]
    Admissibility(#[from] crate::instruments::AdmissibilityError),
    /// An invalid registration form, value or event.
    #[error(transparent)]
    Registration(#[from] crate::registration::RegistrationError),
    /// An invalid delega.
    #[error(transparent)]
    Delega(#[from] crate::delega::DelegaError),
    /// Inconsistent data for the Scrivania Prestatore.
    #[error(transparent)]
    Scrivania(#[from] crate::scrivania::ScrivaniaError),
    /// An invalid LF or CPO communication, or funds that cannot be committed for it.
    #[error(transparent)]
    Communication(#[from] crate::instruments::CommunicationError),
    /// A booking question that cannot be answered.
    #[error(transparent)]
    Booking(#[from] crate::booking::BookingError),
}
