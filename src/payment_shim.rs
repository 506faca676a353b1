//! Placeholder for the payment mode of `src/payment.rs` (replaced at merge).

/// How INPS pays the prestatore (data-free).
///
/// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis; INPS circ. 103/2018 (LAW.md
/// PAY-MODES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PaymentMode;
/// assert_ne!(PaymentMode::IbanCredit, PaymentMode::PostOffice);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum PaymentMode {
    /// Credit to an IBAN held by the prestatore (free).
    IbanCredit,
    /// Bonifico domiciliato, cashed at a post office (fee withheld).
    BonificoDomiciliato,
    /// Payment at a post office on the utilizzatore's mandate (from 12/8/2018, fee withheld).
    PostOffice,
}
