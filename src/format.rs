//! The crate's formats for numbers in user-facing text (verdict facts, error messages, the
//! Scrivania's `Display`), one Italian style everywhere:
//!
//! - amounts: [`Euro::to_italian`](crate::Euro::to_italian), `1.234,56 €` (thousands dot,
//!   decimal comma, two decimals, euro sign);
//! - other decimals (averages, percentages): a decimal comma, `5,17`, `3,5%`
//!   ([`italian_decimal`]);
//! - durations: whole hours and minutes, `242 h 40 min`, `4 h 00 min`, `0 h 59 min`
//!   ([`duration`]);
//! - an exact total with more than two decimals (a weighted cap-b total, 75% of a compenso):
//!   every decimal kept, in the same style, `10.000,005 €` ([`italian_amount`], which
//!   `Euro::to_italian` uses too).
//!
//! - instants: `2026-03-10 23:59:59 +01:00` ([`instant`]), local times `2026-03-10 23:59:59`
//!   ([`local`]).
//!
//! An error message that quotes the caller's own input text keeps it verbatim.

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// `2026-03-10 23:59:59`.
pub(crate) fn local(t: &PrimitiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `+01:00`, `-05:30`.
pub(crate) fn offset(offset: UtcOffset) -> String {
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "{sign}{:02}:{:02}",
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs()
    )
}

/// `2026-03-10 23:59:59 +01:00`, in the instant's own offset.
pub(crate) fn instant(t: &OffsetDateTime) -> String {
    format!(
        "{} {}",
        local(&PrimitiveDateTime::new(t.date(), t.time())),
        offset(t.offset())
    )
}

/// A duration of `minutes` as `H h MM min`: `242 h 40 min`, `0 h 05 min`.
pub(crate) fn duration(minutes: u64) -> String {
    format!("{} h {:02} min", minutes / 60, minutes % 60)
}

/// A decimal number in the Italian style, with its significant decimals after a comma:
/// `5,17`, `3,5`, `33`.
pub(crate) fn italian_decimal(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// An amount in the Italian style with every decimal it has (at least two): `3.125,00 €`,
/// `10.000,005 €`. [`Euro::to_italian`](crate::Euro::to_italian) is this for whole cents.
pub(crate) fn italian_amount(amount: rust_decimal::Decimal) -> String {
    let text = amount.abs().normalize().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped},{fraction:0<2} €")
}

#[cfg(test)]
mod tests {
    use super::{duration, italian_amount};
    use rust_decimal::Decimal;

    #[test]
    fn italian_amounts() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(italian_amount(d("10000.005")), "10.000,005 €");
        assert_eq!(italian_amount(d("3125")), "3.125,00 €");
        assert_eq!(italian_amount(d("0.5")), "0,50 €");
        assert_eq!(italian_amount(d("999.9975")), "999,9975 €");
        assert_eq!(italian_amount(d("1234567.1")), "1.234.567,10 €");
        assert_eq!(italian_amount(Decimal::ZERO), "0,00 €");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(0), "0 h 00 min");
        assert_eq!(duration(59), "0 h 59 min");
        assert_eq!(duration(240), "4 h 00 min");
        assert_eq!(duration(14_560), "242 h 40 min");
        assert_eq!(duration(u64::MAX), "307445734561825860 h 15 min");
    }
}
