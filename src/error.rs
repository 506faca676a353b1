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
    /// An invalid input to a cost, pay or deadline computation.
    #[error(transparent)]
    Instrument(#[from] crate::instruments::InstrumentError),
    /// A refused top-up, commitment or release of funds.
    #[error(transparent)]
    Funds(#[from] crate::instruments::FundsError),
    /// A payment mode not available, or a fee larger than the compenso.
    #[error(transparent)]
    Payment(#[from] crate::payment::PaymentError),
}
