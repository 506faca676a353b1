//! How INPS pays the prestatore, and the fee withheld from the compenso (PAY-MODES, E8,
//! reading R-FEES).

use std::fmt;

use time::Date;

use crate::money::Euro;
use crate::rules::{Citation, Rules};

/// How INPS pays the prestatore. Data-free: the IBAN of a credit belongs to the registration.
///
/// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis and INPS circ. 103/2018 (post
/// office); INPS msg 410/2023 (PAY-MODES, reading R-FEES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PaymentMode;
/// assert_eq!(PaymentMode::BonificoDomiciliato.to_string(), "bonifico domiciliato");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PaymentMode {
    /// Credit to an IBAN in the prestatore's name (free).
    IbanCredit,
    /// Bonifico domiciliato collected at Poste Italiane, the default without an IBAN (2,60, then
    /// 3,84 from 27/1/2023).
    BonificoDomiciliato,
    /// Payment at any post office on the utilizzatore's mandate (1,75, from 12/8/2018).
    PostOffice,
}

impl fmt::Display for PaymentMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PaymentMode::IbanCredit => "IBAN credit",
            PaymentMode::BonificoDomiciliato => "bonifico domiciliato",
            PaymentMode::PostOffice => "payment at a post office",
        })
    }
}

/// Why a payment mode or its fee cannot apply.
///
/// Legal basis: D.L. 87/2018 art. 2-bis; INPS circ. 103/2018 (PAY-MODES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, PaymentError, PaymentMode};
/// let e = PaymentError::FeeExceedsCompenso { mode: PaymentMode::PostOffice, fee: Euro::from_cents(175), compenso: Euro::from_euros(1) };
/// assert_eq!(e.to_string(), "fee 1,75 € for payment at a post office exceeds the compenso 1,00 €");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaymentError {
    /// The mode does not exist under the rules in force.
    #[error("{mode} is not available under the rules in force from {valid_from} ({citation})")]
    NotAvailable {
        /// The mode asked for.
        mode: PaymentMode,
        /// The first day of the rules version.
        valid_from: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// The fee would exceed the compenso.
    #[error(
        "fee {} for {mode} exceeds the compenso {}",
        .fee.to_italian(),
        .compenso.to_italian()
    )]
    FeeExceedsCompenso {
        /// The mode.
        mode: PaymentMode,
        /// Its fee.
        fee: Euro,
        /// The compenso.
        compenso: Euro,
    },
}

impl PaymentMode {
    /// The fee INPS withholds from the compenso for this mode under `rules` (those in force on
    /// the payment): IBAN credit free; bonifico domiciliato 2,60 until 26/1/2023 and 3,84 =
    /// 1,75 + 1,71 × 1,22 from 27/1/2023 (E8); post office 1,75 from 12/8/2018.
    ///
    /// Legal basis: INPS circ. 107/2017; INPS msg 410/2023; D.L. 87/2018 art. 2-bis, INPS circ.
    /// 103/2018 (PAY-MODES, E8, reading R-FEES).
    ///
    /// # Errors
    ///
    /// [`PaymentError::NotAvailable`] for the post office before 12/8/2018.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, PaymentMode, Rules};
    /// use time::macros::date;
    ///
    /// let rules = Rules::in_force_on(date!(2026 - 04 - 15))?;
    /// assert_eq!(PaymentMode::BonificoDomiciliato.fee(rules)?, Euro::from_cents(384));
    /// assert!(PaymentMode::PostOffice.fee(Rules::in_force_on(date!(2018 - 01 - 15))?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fee(self, rules: &Rules) -> Result<Euro, PaymentError> {
        match self {
            PaymentMode::IbanCredit => Ok(rules.fee_iban.value),
            PaymentMode::BonificoDomiciliato => Ok(rules.fee_bonifico_domiciliato.value),
            PaymentMode::PostOffice => {
                rules
                    .fee_post_office
                    .value
                    .ok_or_else(|| PaymentError::NotAvailable {
                        mode: self,
                        valid_from: rules.valid_from(),
                        citation: Box::new(rules.fee_post_office.citation.clone()),
                    })
            }
        }
    }

    /// The citation of this mode's fee under `rules`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PaymentMode, Rules};
    /// use time::macros::date;
    /// let rules = Rules::in_force_on(date!(2026 - 04 - 15))?;
    /// assert!(PaymentMode::BonificoDomiciliato.citation(rules).to_string().contains("msg 410"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citation(self, rules: &Rules) -> &Citation {
        match self {
            PaymentMode::IbanCredit => &rules.fee_iban.citation,
            PaymentMode::BonificoDomiciliato => &rules.fee_bonifico_domiciliato.citation,
            PaymentMode::PostOffice => &rules.fee_post_office.citation,
        }
    }
}

/// What the prestatore receives: the compenso less the fee of `mode` (E8: 36,00 by bonifico
/// domiciliato in 2026 → 32,16).
///
/// Legal basis: INPS circ. 107/2017; INPS msg 410/2023 (PAY-MODES, E8, reading R-FEES).
///
/// # Errors
///
/// [`PaymentError::NotAvailable`] as [`PaymentMode::fee`];
/// [`PaymentError::FeeExceedsCompenso`] when the fee is larger than the compenso.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, PaymentMode, Rules, net_received};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 04 - 15))?;
/// assert_eq!(net_received(Euro::from_euros(36), PaymentMode::BonificoDomiciliato, rules)?, Euro::from_cents(3216));
/// assert_eq!(
///     net_received(Euro::from_euros(3), PaymentMode::BonificoDomiciliato, rules).unwrap_err().to_string(),
///     "fee 3,84 € for bonifico domiciliato exceeds the compenso 3,00 €"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn net_received(
    compenso: Euro,
    mode: PaymentMode,
    rules: &Rules,
) -> Result<Euro, PaymentError> {
    let fee = mode.fee(rules)?;
    compenso
        .checked_sub(fee)
        .ok_or(PaymentError::FeeExceedsCompenso {
            mode,
            fee,
            compenso,
        })
}
