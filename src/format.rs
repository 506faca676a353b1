//! The crate's formats for numbers in user-facing text (verdict facts, error messages, the
//! Scrivania's `Display`), one Italian style everywhere:
//!
//! - amounts: [`Euro::to_italian`](crate::Euro::to_italian), `1.234,56 €` (thousands dot,
//!   decimal comma, two decimals, euro sign);
//! - durations: whole hours and minutes, `242 h 40 min`, `4 h 00 min`, `0 h 59 min`
//!   ([`duration`]).
//!
//! An error message that quotes the caller's own input text keeps it verbatim.

/// A duration of `minutes` as `H h MM min`: `242 h 40 min`, `0 h 05 min`.
pub(crate) fn duration(minutes: u64) -> String {
    format!("{} h {:02} min", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations() {
        assert_eq!(duration(0), "0 h 00 min");
        assert_eq!(duration(59), "0 h 59 min");
        assert_eq!(duration(240), "4 h 00 min");
        assert_eq!(duration(14_560), "242 h 40 min");
        assert_eq!(duration(u64::MAX), "307445734561825860 h 15 min");
    }
}
