//! Exact money: the [`Euro`] type.
//!
//! Every amount in the crate is a non-negative number of euro with at most two decimal places,
//! held as a [`rust_decimal::Decimal`]. Arithmetic is checked (it returns `Option` instead of
//! panicking or wrapping) and rounding happens only where the law or one of the crate's readings
//! (`law::readings`) says, with the strategy named at the call site
//! ([`Euro::round_half_away_from_zero`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// The number of integer digits of [`Euro::MAX`]: [`Euro::from_str`] reads no longer text (the
/// limit keeps parsing free of overflow; every amount the type holds prints within it).
const MAX_INTEGER_DIGITS: usize = 18;

/// An amount of money in euro: exact, never negative, at most two decimal places.
///
/// `Euro` is the unit of every cap (art. 54-bis c. 1 D.L. 50/2017), pay floor (c. 16-17), cost
/// component (c. 13, 15) and fee. Values are normalised to two decimal places, so `12.4` and
/// `12.40` are the same value and both print as `12.40`.
///
/// # Arithmetic
///
/// There is no `+`, `-` or `*` operator: an amount can overflow [`Euro::MAX`] and a difference
/// can go below zero, and an operator would have to panic or wrap. Instead, as for the integer
/// types of `std`, the `checked_` methods return `None` where the result is not an amount
/// ([`Euro::checked_add`], [`Euro::checked_sub`], [`Euro::checked_mul_u32`]), and
/// [`Euro::saturating_sub`] stops at zero. A sum of many amounts is
/// `amounts.iter().sum::<Option<Euro>>()` (or [`Euro::checked_sum`]): `None` if it overflows.
/// Turn the `None` into your error with `ok_or` where it cannot happen in your domain.
///
/// # Text
///
/// [`Display`](fmt::Display) prints `1234.56`; [`Euro::to_italian`] prints `1.234,56 €`.
/// [`FromStr`] reads both, and `1234,56` (see [`Euro::from_str`] for the exact grammar).
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
/// assert_eq!("1.234,56 €".parse::<Euro>()?, Euro::from_cents(123_456));
///
/// // Checked arithmetic: `None` instead of a panic.
/// let week = [hour, hour, Euro::from_cents(1_050)];
/// assert_eq!(week.iter().sum::<Option<Euro>>(), Some(Euro::from_cents(2_850)));
/// assert_eq!(hour.checked_sub(Euro::from_euros(10)), None);
/// assert_eq!([Euro::MAX, hour].into_iter().sum::<Option<Euro>>(), None);
///
/// // Negative amounts and a third decimal place are refused.
/// assert!("-1.00".parse::<Euro>().is_err());
/// assert!("1,005".parse::<Euro>().is_err());
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
/// assert_eq!("1.000,00".parse::<Euro>()?, Euro::from_euros(1_000));
/// let err = "1,000.00".parse::<Euro>().unwrap_err();
/// assert!(matches!(err, MoneyError::Grouping { .. }));
/// assert_eq!(
///     err.to_string(),
///     "amount \"1,000.00\" has a '.' after the ',': write 1.234,56 (Italian) or 1234.56, ',' never separates thousands"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text was empty (or held only whitespace and the currency).
    #[error("amount is empty")]
    Empty,
    /// A character other than a digit, a separator, or the currency at either end.
    #[error("amount {input:?} has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// The text as given.
        input: String,
        /// The offending character.
        character: char,
        /// Its zero-based character position in the text as given.
        position: usize,
    },
    /// More than one decimal comma.
    #[error("amount {input:?} has more than one decimal comma")]
    SeveralSeparators {
        /// The text as given.
        input: String,
    },
    /// Separators in a shape that is neither `1234.56`, `1234,56` nor the Italian `1.234,56`:
    /// a thousands group without three digits, too many digits before the first thousands dot,
    /// or a `.` after the `,` (the English `1,234.56`).
    #[error("amount {input:?} {problem}")]
    Grouping {
        /// The text as given.
        input: String,
        /// What is wrong, e.g. `has a thousands group "23" of 2 digits, expected 3`.
        problem: String,
    },
    /// A single `.` followed by exactly three digits (`1.234`): thousands or a third decimal?
    #[error(
        "amount {input:?} is ambiguous: write 1.234,00 for a thousands dot, or at most two decimals after a decimal point"
    )]
    Ambiguous {
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

    /// The largest amount: `u64::MAX` cents (184.467.440.737.095.516,15 €), far above any cap of
    /// the regime, so that [`Euro::cents`] is a `u64` for every amount. Constructors and checked
    /// arithmetic refuse anything larger, so every amount prints as text that
    /// [`Euro::from_str`] reads back.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::MAX, Euro::from_cents(u64::MAX));
    /// assert_eq!(Euro::MAX.to_string().parse::<Euro>()?, Euro::MAX);
    /// assert_eq!(Euro::MAX.checked_add(Euro::from_cents(1)), None);
    /// assert!("184467440737095516.16".parse::<Euro>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX: Euro = Euro(Decimal::from_parts(u32::MAX, u32::MAX, 0, false, 2));

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
        (value.scale() == 2 && value <= Euro::MAX.0).then_some(Euro(value))
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

    /// The amount in cents. Every amount fits: [`Euro::MAX`] is `u64::MAX` cents.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// assert_eq!(Euro::from_cents(1241).cents(), 1241);
    /// assert_eq!("1.234,56 €".parse::<Euro>()?.cents(), 123_456);
    /// assert_eq!(Euro::MAX.cents(), u64::MAX);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cents(self) -> u64 {
        // Scale 2, non-negative and at most `Euro::MAX` by construction: the mantissa is the
        // number of cents and fits.
        u64::try_from(self.0.mantissa()).unwrap_or(u64::MAX)
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

    /// The sum of amounts, or `None` above [`Euro::MAX`]; the same as
    /// `amounts.into_iter().sum::<Option<Euro>>()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Euro;
    /// let parts = [Euro::from_cents(800), Euro::from_cents(165), Euro::from_cents(25), Euro::from_cents(10)];
    /// assert_eq!(Euro::checked_sum(parts), Some(Euro::from_euros(10)));
    /// assert_eq!(Euro::checked_sum([Euro::MAX, Euro::from_cents(1)]), None);
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

/// `amounts.sum::<Option<Euro>>()`: the exact total, or `None` above [`Euro::MAX`] (the
/// iterator is not consumed past the overflow). An empty iterator sums to `Some(Euro::ZERO)`.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Euro;
/// let days = vec![Euro::from_euros(40), Euro::from_cents(3_650)];
/// assert_eq!(days.iter().copied().sum::<Option<Euro>>(), Some(Euro::from_cents(7_650)));
/// assert_eq!(std::iter::empty::<Euro>().sum::<Option<Euro>>(), Some(Euro::ZERO));
/// assert_eq!([Euro::MAX, Euro::MAX].into_iter().sum::<Option<Euro>>(), None);
/// ```
impl std::iter::Sum<Euro> for Option<Euro> {
    fn sum<I: Iterator<Item = Euro>>(mut amounts: I) -> Option<Euro> {
        amounts.try_fold(Euro::ZERO, Euro::checked_add)
    }
}

/// `amounts.iter().sum::<Option<Euro>>()`, as for owned amounts.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Euro;
/// let days = [Euro::from_euros(40), Euro::from_cents(3_650)];
/// assert_eq!(days.iter().sum::<Option<Euro>>(), Some(Euro::from_cents(7_650)));
/// ```
impl<'a> std::iter::Sum<&'a Euro> for Option<Euro> {
    fn sum<I: Iterator<Item = &'a Euro>>(amounts: I) -> Option<Euro> {
        amounts.copied().sum()
    }
}

impl fmt::Debug for Euro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Euro({})", self.0)
    }
}

impl FromStr for Euro {
    type Err = MoneyError;

    /// Parses an amount written in one of three ways:
    ///
    /// - plain, with a decimal point or comma and one or two decimals: `1234.56`, `1234,56`,
    ///   `1234,5`, `1234`;
    /// - Italian, with a dot between thousands (groups of exactly three digits, one to three
    ///   digits before the first dot) and a decimal comma: `1.234,56`, `1.234.567,89`,
    ///   `1.234.567` (what [`Euro::to_italian`] prints);
    /// - either of them with the currency, `€` or `EUR` (any case), before or after the number,
    ///   with or without a space: `1.234,56 €`, `€ 12,41`, `12.41 EUR`.
    ///
    /// Surrounding whitespace is ignored. Refused, with a [`MoneyError`] saying why: a sign
    /// (amounts are never negative), more than two decimals, a thousands group without three
    /// digits (`1.23,4`, `12.3456,00`), a `.` after the `,` (the English `1,234.56`, which would
    /// read as a different amount in Italian), a lone `.` followed by three digits (`1.234`:
    /// a thousands dot or a third decimal?), spaces or apostrophes between digits, the currency
    /// at both ends.
    fn from_str(input: &str) -> Result<Euro, MoneyError> {
        let (start, number) = strip_currency(input);
        if number.is_empty() {
            return Err(MoneyError::Empty);
        }
        let mut commas = 0usize;
        let mut dots = 0usize;
        let mut dot_after_comma = false;
        for (position, character) in number.chars().enumerate() {
            match character {
                '0'..='9' => {}
                ',' => commas += 1,
                '.' => {
                    dots += 1;
                    dot_after_comma |= commas > 0;
                }
                '-' if position == 0 && number.len() > 1 => {
                    return Err(MoneyError::Negative {
                        value: number.to_owned(),
                    });
                }
                _ => {
                    return Err(MoneyError::InvalidCharacter {
                        input: input.to_owned(),
                        character,
                        position: input.get(..start).map_or(0, |s| s.chars().count()) + position,
                    });
                }
            }
        }
        if commas > 1 {
            return Err(MoneyError::SeveralSeparators {
                input: input.to_owned(),
            });
        }
        if dot_after_comma {
            return Err(grouping(
                input,
                "has a '.' after the ',': write 1.234,56 (Italian) or 1234.56, ',' never separates thousands".to_owned(),
            ));
        }
        // Only ASCII digits and separators remain.
        let (int, frac, has_decimals) = match number.split_once(',') {
            Some((int, frac)) => (int, frac, true),
            None if dots == 1 => match number.split_once('.') {
                Some((int, frac)) if frac.len() == 3 && !int.is_empty() => {
                    return Err(MoneyError::Ambiguous {
                        input: input.to_owned(),
                    });
                }
                Some((int, frac)) => (int, frac, true),
                None => (number, "", false),
            },
            None => (number, "", false),
        };
        let grouped = dots > 0 && (commas == 1 || dots > 1);
        let digits = if grouped {
            thousands(input, int)?
        } else {
            int.to_owned()
        };
        if digits.is_empty() || (has_decimals && frac.is_empty()) {
            return Err(MoneyError::MissingDigits {
                input: input.to_owned(),
            });
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals {
                value: number.to_owned(),
            });
        }
        let significant = digits.trim_start_matches('0');
        if significant.len() > MAX_INTEGER_DIGITS {
            return Err(MoneyError::TooLarge {
                value: number.chars().take(40).collect(),
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
                value: number.chars().take(40).collect(),
            })
    }
}

/// The text without surrounding whitespace and without one `€` or `EUR` (any case) at either
/// end, and the byte offset where it starts in `input`.
fn strip_currency(input: &str) -> (usize, &str) {
    let trimmed = input.trim_start();
    let mut start = input.len() - trimmed.len();
    let mut text = trimmed.trim_end();
    let prefix = if text.starts_with('€') {
        Some('€'.len_utf8())
    } else if text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("EUR")) {
        Some(3)
    } else {
        None
    };
    if let Some(len) = prefix {
        let rest = text.get(len..).unwrap_or_default();
        let number = rest.trim_start();
        start += len + (rest.len() - number.len());
        return (start, number);
    }
    if let Some(rest) = text.strip_suffix('€') {
        text = rest.trim_end();
    } else if let Some(rest) = text.len().checked_sub(3).and_then(|at| {
        text.get(at..)
            .filter(|s| s.eq_ignore_ascii_case("EUR"))
            .and(text.get(..at))
    }) {
        text = rest.trim_end();
    }
    (start, text)
}

/// The digits of the integer part `int` of an Italian amount with thousands dots, checked:
/// one to three digits before the first dot, exactly three in every later group.
fn thousands(input: &str, int: &str) -> Result<String, MoneyError> {
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or_default();
    if first.is_empty() {
        return Err(MoneyError::MissingDigits {
            input: input.to_owned(),
        });
    }
    if first.len() > 3 {
        return Err(grouping(
            input,
            format!(
                "has {} digits before the first thousands dot, expected 1 to 3",
                first.len()
            ),
        ));
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 {
            return Err(grouping(
                input,
                format!(
                    "has a thousands group {group:?} of {} digits, expected 3",
                    group.len()
                ),
            ));
        }
        digits.push_str(group);
    }
    Ok(digits)
}

fn grouping(input: &str, problem: String) -> MoneyError {
    MoneyError::Grouping {
        input: input.to_owned(),
        problem,
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
        assert_eq!(err(" € "), "amount is empty");
        assert_eq!(
            err("1,000,00"),
            "amount \"1,000,00\" has more than one decimal comma"
        );
        assert_eq!(
            err("1,234.56"),
            "amount \"1,234.56\" has a '.' after the ',': write 1.234,56 (Italian) or 1234.56, ',' never separates thousands"
        );
        assert_eq!(
            err("1.23,4"),
            "amount \"1.23,4\" has a thousands group \"23\" of 2 digits, expected 3"
        );
        assert_eq!(
            err("12.3456,00"),
            "amount \"12.3456,00\" has a thousands group \"3456\" of 4 digits, expected 3"
        );
        assert_eq!(
            err("1234.567,89"),
            "amount \"1234.567,89\" has 4 digits before the first thousands dot, expected 1 to 3"
        );
        assert_eq!(
            err("1.005"),
            "amount \"1.005\" is ambiguous: write 1.234,00 for a thousands dot, or at most two decimals after a decimal point"
        );
        assert_eq!(
            err("1,005"),
            "amount 1,005 has more than two decimal places"
        );
        assert_eq!(
            err("1.234,567 €"),
            "amount 1.234,567 has more than two decimal places"
        );
        assert_eq!(err("-3"), "amount -3 is negative");
        assert_eq!(err("€ -3,00"), "amount -3,00 is negative");
        assert_eq!(
            err("12 41"),
            "amount \"12 41\" has an invalid character ' ' at position 2"
        );
        assert_eq!(
            err(" €12€"),
            "amount \" €12€\" has an invalid character '€' at position 4"
        );
        assert_eq!(
            err(".5"),
            "amount \".5\" needs digits on both sides of the decimal separator"
        );
        assert_eq!(
            err("5."),
            "amount \"5.\" needs digits on both sides of the decimal separator"
        );
        assert_eq!(
            err(".234,00"),
            "amount \".234,00\" needs digits on both sides of the decimal separator"
        );
    }

    #[test]
    fn italian_and_currency_forms() {
        let ok = |s: &str| s.parse::<Euro>().unwrap();
        assert_eq!(ok("1.234,56"), Euro::from_cents(123_456));
        assert_eq!(ok("1.234.567,89"), Euro::from_cents(123_456_789));
        assert_eq!(ok("1.234.567"), Euro::from_cents(123_456_700));
        assert_eq!(ok("1.234,5"), Euro::from_cents(123_450));
        assert_eq!(ok("1234.56"), Euro::from_cents(123_456));
        assert_eq!(ok("12.4"), Euro::from_cents(1240));
        for text in [
            "1.234,56 €",
            "1.234,56€",
            "€ 1.234,56",
            "€1234.56",
            "EUR 1234,56",
            "1234.56 eur",
            " 1.234,56\u{a0}€ ",
        ] {
            assert_eq!(ok(text), Euro::from_cents(123_456), "{text}");
        }
        assert_eq!(ok(&Euro::MAX.to_italian()), Euro::MAX);
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
        assert_eq!("184467440737095516.15".parse::<Euro>(), Ok(Euro::MAX));
        for too_big in [
            "184467440737095516.16".to_owned(),
            "184.467.440.737.095.516,16".to_owned(),
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
