//! Exact money: the [`Euro`] type.
//!
//! Every amount in the crate is a non-negative number of euro with at most two decimal places,
//! held as a [`rust_decimal::Decimal`]. Arithmetic is checked (it returns `Option` instead of
//! panicking or wrapping) and rounding happens only where the law or one of the crate's readings (`law::readings`) says, with the
//! strategy named at the call site ([`Euro::round_half_away_from_zero`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// The number of integer digits of [`Euro::MAX`]: [`Euro::from_str`] reads no longer text (the
/// limit keeps parsing free of overflow; every amount the type holds prints within it).
const MAX_INTEGER_DIGITS: usize = 27;

/// An amount of money in euro: exact, never negative, at most two decimal places.
///
/// `Euro` is the unit of every cap (art. 54-bis c. 1 D.L. 50/2017), pay floor (c. 16-17), cost
/// component (c. 13, 15) and fee. Values are normalised to two decimal places, so `12.4` and
/// `12.40` are the same value and both print as `12.40`.
///
/// Legal basis: the caps of art. 54-bis c. 1 are amounts "in euro" of net compensation
/// (DEF-NET); the crate never uses floating point for them.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Euro;
///
/// let hour: Euro = "9.00".parse()?;
/// let same: Euro = "9,00".parse()?;
/// assert_eq!(hour, same);
/// assert_eq!(hour.to_string(), "9.00");
/// assert_eq!(Euro::from_cents(1241).to_italian(), "12,41 €");
///
/// // Negative amounts and a third decimal place are refused.
/// assert!("-1.00".parse::<Euro>().is_err());
/// assert!("1.005".parse::<Euro>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Euro(Decimal);

/// Why a value is not a valid [`Euro`] amount.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, MoneyError};
///
/// assert_eq!("1000.00".parse::<Euro>()?, Euro::from_euros(1_000));
/// let err = "1.000,00".parse::<Euro>().unwrap_err();
/// assert!(matches!(err, MoneyError::SeveralSeparators { .. }));
/// assert_eq!(
///     err.to_string(),
///     "amount \"1.000,00\" has more than one separator (use one of '.' or ',' for the decimals, no thousands separator)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text was empty.
    #[error("amount is empty")]
    Empty,
    /// A character other than a digit or a single decimal separator.
    #[error("amount {input:?} has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// The text as given.
        input: String,
        /// The offending character.
        character: char,
        /// Its zero-based character position.
        position: usize,
    },
    /// More than one of `.` and `,` (thousands separators are not accepted).
    #[error(
        "amount {input:?} has more than one separator (use one of '.' or ',' for the decimals, no thousands separator)"
    )]
    SeveralSeparators {
        /// The text as given.
        input: String,
    },
    /// A separator without digits on both sides.
    #[error("amount {input:?} needs digits on both sides of the decimal separator")]
    MissingDigits {
        /// The text as given.
        input: String,
    },
    /// More than two decimal places.
    #[error("amount {value} has more than two decimal places")]
    TooManyDecimals {
        /// The value as given.
        value: String,
    },
    /// A negative amount.
    #[error("amount {value} is negative")]
    Negative {
        /// The value as given.
        value: String,
    },
    /// An amount too large to represent.
    #[error("amount {value} is too large")]
    TooLarge {
        /// The value as given (possibly truncated).
        value: String,
    },
}

impl Euro {
    /// Zero euro.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::ZERO, Euro::from_cents(0));
    /// assert!(Euro::ZERO.is_zero());
    /// assert_eq!(Euro::ZERO.to_string(), "0.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ZERO: Euro = Euro::from_cents(0);

    /// The largest amount: 2^96 - 1 cents (792 281 625 142 643 375 935 439 503,35 euro), the
    /// largest [`Decimal`] with two decimal places. Constructors and checked arithmetic refuse
    /// anything larger, so every amount prints as text that [`Euro::from_str`] reads back.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::MAX.to_string().parse::<Euro>()?, Euro::MAX);
    /// assert_eq!(Euro::MAX.checked_add(Euro::from_cents(1)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX: Euro = Euro(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 2));

    /// An amount from a whole number of cents; `const`, for the rules table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// const HOUR: Euro = Euro::from_cents(900);
    /// assert_eq!(HOUR.to_string(), "9.00");
    /// ```
    #[must_use]
    pub const fn from_cents(cents: u64) -> Euro {
        #[allow(clippy::cast_possible_truncation)]
        let lo = cents as u32;
        let mid = (cents >> 32) as u32;
        Euro(Decimal::from_parts(lo, mid, 0, false, 2))
    }

    /// An amount from a whole number of euro; `const`, for the rules table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_euros(5_000).to_string(), "5000.00");
    /// ```
    #[must_use]
    pub const fn from_euros(euros: u32) -> Euro {
        Euro::from_cents(euros as u64 * 100)
    }

    /// An amount from an exact decimal that is already non-negative with at most two decimals.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Negative`], [`MoneyError::TooManyDecimals`] (use
    /// [`Euro::round_half_away_from_zero`] where the law allows rounding) or
    /// [`MoneyError::TooLarge`] above [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Euro::new(Decimal::new(1241, 2))?, Euro::from_cents(1241));
    /// assert!(Euro::new(Decimal::new(12_409, 3)).is_err());
    /// assert_eq!(Euro::new(Decimal::MAX).unwrap_err().to_string(), "amount 79228162514264337593543950335 is too large");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: Decimal) -> Result<Euro, MoneyError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MoneyError::Negative {
                value: value.to_string(),
            });
        }
        let normalised = value.normalize();
        if normalised.scale() > 2 {
            return Err(MoneyError::TooManyDecimals {
                value: value.to_string(),
            });
        }
        Euro::scaled(normalised.abs()).ok_or_else(|| MoneyError::TooLarge {
            value: value.to_string(),
        })
    }

    /// Rounds an exact decimal to the cent, **half away from zero** (0,005 becomes 0,01), the
    /// rounding reading R-ONERI-BASE prescribes for every cost component.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Negative`] for a value below zero after rounding, [`MoneyError::TooLarge`]
    /// above [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// use rust_decimal::Decimal;
    ///
    /// // INAIL 3,5% of 9,00 is 0,315: it rounds to 0,32.
    /// let inail = Euro::round_half_away_from_zero(Decimal::new(315, 3))?;
    /// assert_eq!(inail, Euro::from_cents(32));
    /// assert!(Euro::round_half_away_from_zero(Decimal::new(-1, 0)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round_half_away_from_zero(value: Decimal) -> Result<Euro, MoneyError> {
        Euro::new(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// Rounds down to the cent (towards zero): used where a result must never exceed a limit,
    /// such as the largest compenso a budget pays for.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Negative`] for a negative value, [`MoneyError::TooLarge`] above
    /// [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// use rust_decimal::Decimal;
    /// // 13.333,333 rounds down to 13.333,33; 0,999 to 0,99 (never up).
    /// assert_eq!(Euro::round_down(Decimal::new(13_333_333, 3))?, Euro::from_cents(1_333_333));
    /// assert_eq!(Euro::round_down(Decimal::new(999, 3))?, Euro::from_cents(99));
    /// assert_eq!(Euro::round_down(Decimal::new(-1, 2)).unwrap_err().to_string(), "amount -0.01 is negative");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round_down(value: Decimal) -> Result<Euro, MoneyError> {
        Euro::new(value.round_dp_with_strategy(2, RoundingStrategy::ToZero))
    }

    /// `value` (non-negative, at most two decimals) at scale 2; `None` above [`Euro::MAX`],
    /// where `rescale` silently stops short of scale 2 (and checked decimal arithmetic may
    /// already have dropped the cents).
    fn scaled(mut value: Decimal) -> Option<Euro> {
        value.rescale(2);
        (value.scale() == 2).then_some(Euro(value))
    }

    /// The exact decimal value (scale 2).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// use rust_decimal::Decimal;
    ///
    /// let d = Euro::from_cents(1241).as_decimal();
    /// assert_eq!(d, Decimal::new(1241, 2));
    /// assert_eq!(d.scale(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_decimal(self) -> Decimal {
        self.0
    }

    /// Whether the amount is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert!("0,00".parse::<Euro>()?.is_zero());
    /// assert!(!Euro::from_cents(1).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The amount in cents, when it fits in a `u64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_cents(1241).cents(), Some(1241));
    /// ```
    #[must_use]
    pub fn cents(self) -> Option<u64> {
        u64::try_from(self.0.mantissa()).ok()
    }

    /// `self + other`, or `None` above [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_cents(800).checked_add(Euro::from_cents(165)), Some(Euro::from_cents(965)));
    /// ```
    #[must_use]
    pub fn checked_add(self, other: Euro) -> Option<Euro> {
        self.0.checked_add(other.0).and_then(Euro::scaled)
    }

    /// `self - other`, or `None` when the result would be negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_euros(10).checked_sub(Euro::from_euros(8)), Some(Euro::from_euros(2)));
    /// assert_eq!(Euro::from_euros(8).checked_sub(Euro::from_euros(10)), None);
    /// ```
    #[must_use]
    pub fn checked_sub(self, other: Euro) -> Option<Euro> {
        if other.0 > self.0 {
            return None;
        }
        self.0.checked_sub(other.0).and_then(Euro::scaled)
    }

    /// `self - other`, or zero when `other` is larger.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_euros(8).saturating_sub(Euro::from_euros(10)), Euro::ZERO);
    /// ```
    #[must_use]
    pub fn saturating_sub(self, other: Euro) -> Euro {
        self.checked_sub(other).unwrap_or(Euro::ZERO)
    }

    /// `self × n`, or `None` above [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_euros(8).checked_mul_u32(3), Some(Euro::from_euros(24)));
    /// ```
    #[must_use]
    pub fn checked_mul_u32(self, n: u32) -> Option<Euro> {
        self.0.checked_mul(Decimal::from(n)).and_then(Euro::scaled)
    }

    /// The exact product `self × factor`, unrounded (for rates and weights; round it with a named
    /// strategy before it becomes money), or `None` on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// use rust_decimal::Decimal;
    /// let ivs = Euro::from_euros(9).checked_mul_decimal(Decimal::new(33, 2));
    /// assert_eq!(ivs, Some(Decimal::new(297, 2)));
    /// ```
    #[must_use]
    pub fn checked_mul_decimal(self, factor: Decimal) -> Option<Decimal> {
        self.0.checked_mul(factor)
    }

    /// The sum of amounts, or `None` above [`Euro::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// let parts = [Euro::from_cents(800), Euro::from_cents(165), Euro::from_cents(25), Euro::from_cents(10)];
    /// assert_eq!(Euro::checked_sum(parts), Some(Euro::from_euros(10)));
    /// ```
    #[must_use]
    pub fn checked_sum<I: IntoIterator<Item = Euro>>(amounts: I) -> Option<Euro> {
        amounts.into_iter().try_fold(Euro::ZERO, Euro::checked_add)
    }

    /// Italian formatting: decimal comma, `.` between thousands, then ` €` (`5.000,00 €`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_cents(1241).to_italian(), "12,41 €");
    /// assert_eq!(Euro::from_cents(1_333_333).to_italian(), "13.333,33 €");
    /// ```
    #[must_use]
    pub fn to_italian(self) -> String {
        crate::format::italian_amount(self.0)
    }
}

impl fmt::Display for Euro {
    /// Prints the amount with a decimal point and exactly two decimals: `12.41`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Euro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Euro({})", self.0)
    }
}

impl FromStr for Euro {
    type Err = MoneyError;

    /// Parses `12.41`, `12,41`, `12`, `12.4`: digits with at most one decimal separator (`.` or
    /// `,`) followed by one or two digits. No sign, no spaces, no thousands separator.
    fn from_str(input: &str) -> Result<Euro, MoneyError> {
        if input.is_empty() {
            return Err(MoneyError::Empty);
        }
        let mut separator: Option<usize> = None;
        for (position, character) in input.chars().enumerate() {
            match character {
                '0'..='9' => {}
                '.' | ',' => {
                    if separator.is_some() {
                        return Err(MoneyError::SeveralSeparators {
                            input: input.to_owned(),
                        });
                    }
                    separator = Some(position);
                }
                '-' if position == 0 && input.len() > 1 => {
                    return Err(MoneyError::Negative {
                        value: input.to_owned(),
                    });
                }
                _ => {
                    return Err(MoneyError::InvalidCharacter {
                        input: input.to_owned(),
                        character,
                        position,
                    });
                }
            }
        }
        // Only ASCII remains, so byte and character positions agree.
        let (int, frac) = match separator {
            Some(at) => (&input[..at], &input[at + 1..]),
            None => (input, ""),
        };
        if int.is_empty() || (separator.is_some() && frac.is_empty()) {
            return Err(MoneyError::MissingDigits {
                input: input.to_owned(),
            });
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals {
                value: input.to_owned(),
            });
        }
        let significant = int.trim_start_matches('0');
        if significant.len() > MAX_INTEGER_DIGITS {
            return Err(MoneyError::TooLarge {
                value: input.chars().take(40).collect(),
            });
        }
        // At most 27 + 2 digits: below 10^29, far inside i128.
        let mut cents: i128 = 0;
        for b in significant.bytes().chain(frac.bytes()) {
            cents = cents * 10 + i128::from(b - b'0');
        }
        for _ in frac.len()..2 {
            cents *= 10;
        }
        Decimal::try_from_i128_with_scale(cents, 2)
            .ok()
            .and_then(Euro::scaled)
            .ok_or_else(|| MoneyError::TooLarge {
                value: input.chars().take(40).collect(),
            })
    }
}

impl TryFrom<Decimal> for Euro {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Euro, MoneyError> {
        Euro::new(value)
    }
}

impl From<Euro> for Decimal {
    fn from(value: Euro) -> Decimal {
        value.0
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Euro {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Euro {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Euro, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_separators_and_normalises() {
        assert_eq!("12.41".parse::<Euro>(), Ok(Euro::from_cents(1241)));
        assert_eq!("12,41".parse::<Euro>(), Ok(Euro::from_cents(1241)));
        assert_eq!("12,4".parse::<Euro>(), Ok(Euro::from_cents(1240)));
        assert_eq!("0012".parse::<Euro>(), Ok(Euro::from_cents(1200)));
        assert_eq!(Euro::from_cents(1240).to_string(), "12.40");
    }

    #[test]
    fn error_messages() {
        let err = |s: &str| s.parse::<Euro>().unwrap_err().to_string();
        assert_eq!(err(""), "amount is empty");
        assert_eq!(
            err("1.000,00"),
            "amount \"1.000,00\" has more than one separator (use one of '.' or ',' for the decimals, no thousands separator)"
        );
        assert_eq!(
            err("1.005"),
            "amount 1.005 has more than two decimal places"
        );
        assert_eq!(err("-3"), "amount -3 is negative");
        assert_eq!(
            err("12 41"),
            "amount \"12 41\" has an invalid character ' ' at position 2"
        );
        assert_eq!(
            err(".5"),
            "amount \".5\" needs digits on both sides of the decimal separator"
        );
        assert_eq!(
            err("5."),
            "amount \"5.\" needs digits on both sides of the decimal separator"
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let r = |m: i64, s: u32| Euro::round_half_away_from_zero(Decimal::new(m, s)).unwrap();
        assert_eq!(r(315, 3), Euro::from_cents(32));
        assert_eq!(r(12_409, 3), Euro::from_cents(1241));
        assert_eq!(r(1_125, 3), Euro::from_cents(113));
        assert_eq!(r(1_124, 3), Euro::from_cents(112));
    }

    #[test]
    fn italian_format() {
        assert_eq!(Euro::ZERO.to_italian(), "0,00 €");
        assert_eq!(Euro::from_euros(100).to_italian(), "100,00 €");
        assert_eq!(Euro::from_euros(1000).to_italian(), "1.000,00 €");
        assert_eq!(Euro::from_euros(1_000_000).to_italian(), "1.000.000,00 €");
    }

    #[test]
    fn max_integer_digits_do_not_overflow() {
        assert_eq!(
            "792281625142643375935439503.35".parse::<Euro>(),
            Ok(Euro::MAX)
        );
        for too_big in [
            "792281625142643375935439503.36".to_owned(),
            "9".repeat(MAX_INTEGER_DIGITS),
            "9".repeat(MAX_INTEGER_DIGITS + 1),
        ] {
            assert!(matches!(
                too_big.parse::<Euro>(),
                Err(MoneyError::TooLarge { .. })
            ));
        }
    }

    /// Before the fix, `Euro::new(Decimal::MAX)` held a value without cents that printed as
    /// text `from_str` refused, and sums above `Euro::MAX` silently dropped their cents.
    #[test]
    fn amounts_above_max_are_refused() {
        assert!(matches!(
            Euro::new(Decimal::MAX),
            Err(MoneyError::TooLarge { .. })
        ));
        assert!(Euro::round_half_away_from_zero(Decimal::MAX).is_err());
        assert_eq!(Euro::MAX.checked_add(Euro::from_cents(1)), None);
        assert_eq!(Euro::MAX.checked_mul_u32(2), None);
        assert_eq!(Euro::MAX.checked_sub(Euro::ZERO), Some(Euro::MAX));
        let big = Euro::from_cents(u64::MAX);
        assert_eq!(big.to_string().parse::<Euro>(), Ok(big));
        assert_eq!(Euro::MAX.as_decimal().scale(), 2);
    }
}
