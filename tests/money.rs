//! Properties of `Euro`: parsing, printing, arithmetic and serde.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{Euro, MoneyError};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The largest amount the parser accepts: 15 integer digits and two decimals.
const MAX_CENTS: u64 = 99_999_999_999_999_999;

proptest! {
    /// parse(display(x)) == x, with the point and with the comma.
    #[test]
    fn display_parse_round_trip(cents in 0..=MAX_CENTS) {
        let x = Euro::from_cents(cents);
        prop_assert_eq!(x.to_string().parse::<Euro>().unwrap(), x);
        prop_assert_eq!(x.to_string().replace('.', ",").parse::<Euro>().unwrap(), x);
        prop_assert_eq!(x.cents(), cents);
    }

    /// The Italian form has a comma before the cents, dots between thousands and the euro sign,
    /// and parses back to the same amount as it is printed.
    #[test]
    fn italian_form(cents in 0..=MAX_CENTS) {
        let x = Euro::from_cents(cents);
        let it = x.to_italian();
        prop_assert!(it.ends_with(" €"));
        prop_assert_eq!(it.parse::<Euro>().unwrap(), x);
        prop_assert_eq!(it.trim_end_matches(" €").parse::<Euro>().unwrap(), x);
        let plain = it.trim_end_matches(" €").replace('.', "").replace(',', ".");
        prop_assert_eq!(plain.parse::<Euro>().unwrap(), x);
    }

    /// Every amount up to `Euro::MAX`, printed either way, parses back.
    #[test]
    fn every_amount_parses_back(mantissa in any::<u64>()) {
        let x = Euro::new(Decimal::from_i128_with_scale(i128::from(mantissa), 2)).unwrap();
        prop_assert_eq!(x.cents(), mantissa);
        prop_assert_eq!(x, Euro::from_cents(mantissa));
        prop_assert_eq!(x.to_string().parse::<Euro>().unwrap(), x);
        prop_assert_eq!(x.to_italian().parse::<Euro>().unwrap(), x);
    }

    /// A sum as `Option<Euro>` is the checked sum: exact below the maximum, `None` above.
    #[test]
    fn sum_is_checked(parts in proptest::collection::vec(0..=MAX_CENTS, 0..20), huge in any::<bool>()) {
        let mut amounts: Vec<Euro> = parts.iter().copied().map(Euro::from_cents).collect();
        if huge {
            amounts.push(Euro::MAX);
        }
        let total: u128 = parts.iter().map(|&c| u128::from(c)).sum();
        let expected = (!huge || total == 0).then(|| Euro::new(Decimal::from_i128_with_scale(
            i128::try_from(total + if huge { u128::from(u64::MAX) } else { 0 }).unwrap(), 2)).unwrap());
        prop_assert_eq!(amounts.iter().sum::<Option<Euro>>(), expected);
        prop_assert_eq!(amounts.iter().copied().sum::<Option<Euro>>(), expected);
        prop_assert_eq!(Euro::checked_sum(amounts), expected);
    }

    /// No string makes the parser panic, and whatever it accepts prints back to a value that
    /// parses to the same amount.
    #[test]
    fn parser_never_panics(s in "\\PC{0,24}") {
        if let Ok(x) = s.parse::<Euro>() {
            prop_assert_eq!(x.to_string().parse::<Euro>().unwrap(), x);
        }
    }

    /// Strings of digits and separators: accepted exactly when they have one of the documented
    /// shapes (plain with one decimal separator, or Italian with thousands dots).
    #[test]
    fn shape_of_accepted_strings(s in "[0-9.,-]{0,12}") {
        let ok = s.parse::<Euro>().is_ok();
        prop_assert_eq!(ok, documented_shape(&s), "{:?}", s);
    }
    /// Checked arithmetic: a + b - b == a, subtraction below zero is None, sums are exact.
    #[test]
    fn checked_arithmetic(a in 0..=MAX_CENTS / 2, b in 0..=MAX_CENTS / 2) {
        let (x, y) = (Euro::from_cents(a), Euro::from_cents(b));
        let sum = x.checked_add(y).unwrap();
        prop_assert_eq!(sum.cents(), a + b);
        prop_assert_eq!(sum.checked_sub(y), Some(x));
        prop_assert_eq!(x.checked_sub(y).is_some(), a >= b);
        prop_assert_eq!(x.saturating_sub(y), if a >= b { Euro::from_cents(a - b) } else { Euro::ZERO });
    }

    /// Rounding half away from zero: the result is within half a cent and ties go up.
    #[test]
    fn rounding_half_away_from_zero(mills in 0u64..10_000_000_000) {
        let exact = Decimal::new(i64::try_from(mills).unwrap(), 3);
        let rounded = Euro::round_half_away_from_zero(exact).unwrap();
        let expected_cents = mills / 10 + u64::from(mills % 10 >= 5);
        prop_assert_eq!(rounded.cents(), expected_cents);
        prop_assert!(Euro::round_down(exact).unwrap() <= rounded);
    }

    /// Decimals that are negative or have three decimals are refused by `Euro::new`.
    #[test]
    fn new_refuses_invalid_decimals(m in -1_000_000i64..1_000_000, scale in 0u32..6) {
        let d = Decimal::new(m, scale);
        let valid = m >= 0 && d.normalize().scale() <= 2;
        prop_assert_eq!(Euro::new(d).is_ok(), valid);
    }
}

#[cfg(feature = "serde")]
proptest! {
    /// serde: a string in, the same amount out; numbers are refused.
    #[test]
    fn serde_round_trip(cents in 0..=MAX_CENTS) {
        let x = Euro::from_cents(cents);
        let json = serde_json::to_string(&x).unwrap();
        prop_assert_eq!(&json, &format!("\"{x}\""));
        prop_assert_eq!(serde_json::from_str::<Euro>(&json).unwrap(), x);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_refuses_numbers_and_invalid_strings() {
    assert!(serde_json::from_str::<Euro>("12.41").is_err());
    assert!(serde_json::from_str::<Euro>("\"-1.00\"").is_err());
    assert!(serde_json::from_str::<Euro>("\"1.005\"").is_err());
    assert_eq!(
        serde_json::from_str::<Euro>("\"12,41\"").unwrap(),
        Euro::from_cents(1241)
    );
}

/// The grammar of `Euro::from_str` for digits and separators, written independently of the
/// parser: plain `D+([.,]D{1,2})?`, or Italian `D{1,3}(.DDD)+(,D{1,2})?` (with at least two dots
/// when there is no comma: a lone `.` before three digits is ambiguous).
fn documented_shape(s: &str) -> bool {
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let plain = match s.split_once(['.', ',']) {
        Some((int, frac)) => digits(int, 1..=usize::MAX) && digits(frac, 1..=2),
        None => digits(s, 1..=usize::MAX),
    };
    let (int, frac) = s.split_once(',').unwrap_or((s, ""));
    let groups: Vec<&str> = int.split('.').collect();
    let italian = groups.len() >= 2
        && (s.contains(',') || groups.len() >= 3)
        && digits(groups[0], 1..=3)
        && groups[1..].iter().all(|g| digits(g, 3..=3))
        && (!s.contains(',') || digits(frac, 1..=2));
    plain || italian
}

#[test]
fn errors_are_typed() {
    assert_eq!("".parse::<Euro>(), Err(MoneyError::Empty));
    assert!(matches!(
        "1e3".parse::<Euro>(),
        Err(MoneyError::InvalidCharacter {
            character: 'e',
            position: 1,
            ..
        })
    ));
}

/// A `-` is a sign only at the start of a number with digits after it: a lone `-` or one inside
/// the number is an invalid character at its position, not a negative amount.
#[test]
fn a_minus_is_a_sign_only_before_the_number() {
    assert_eq!(
        "-3".parse::<Euro>(),
        Err(MoneyError::Negative {
            value: "-3".to_owned()
        })
    );
    assert_eq!(
        "-".parse::<Euro>(),
        Err(MoneyError::InvalidCharacter {
            input: "-".to_owned(),
            character: '-',
            position: 0
        })
    );
    assert_eq!(
        "€ -".parse::<Euro>(),
        Err(MoneyError::InvalidCharacter {
            input: "€ -".to_owned(),
            character: '-',
            position: 2
        })
    );
    assert_eq!(
        "12-3".parse::<Euro>(),
        Err(MoneyError::InvalidCharacter {
            input: "12-3".to_owned(),
            character: '-',
            position: 2
        })
    );
}

/// The position of an invalid character counts the characters of the text as given, currency
/// and spaces before the number included.
#[test]
fn invalid_character_position_after_the_currency() {
    let position = |s: &str| match s.parse::<Euro>() {
        Err(MoneyError::InvalidCharacter { position, .. }) => position,
        other => panic!("{s:?}: {other:?}"),
    };
    assert_eq!(position("EUR 1x"), 5);
    assert_eq!(position("EUR  1x"), 6);
    assert_eq!(position("€ 12x"), 4);
    assert_eq!(position(" € 1x"), 4);
    assert_eq!(position("eur1x"), 4);
}

/// The conversions to and from `Decimal` keep the amount, and `try_from` refuses what
/// `Euro::new` refuses.
#[test]
fn decimal_conversions() {
    let d = Decimal::new(1241, 2);
    assert_eq!(Euro::try_from(d), Ok(Euro::from_cents(1241)));
    assert_eq!(Decimal::from(Euro::from_cents(1241)), d);
    assert_eq!(Decimal::from(Euro::MAX).scale(), 2);
    assert_eq!(
        Euro::try_from(Decimal::new(-1, 2)),
        Err(MoneyError::Negative {
            value: "-0.01".to_owned()
        })
    );
    assert!(matches!(
        Euro::try_from(Decimal::new(12_409, 3)),
        Err(MoneyError::TooManyDecimals { .. })
    ));
}

/// `Debug` shows the amount (in assertion messages).
#[test]
fn debug_shows_the_amount() {
    assert_eq!(format!("{:?}", Euro::from_cents(1241)), "Euro(12.41)");
    assert_eq!(format!("{:?}", Euro::ZERO), "Euro(0.00)");
}
