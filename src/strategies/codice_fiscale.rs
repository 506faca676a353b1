//! Strategies for codici fiscali and Belfiore codes.

use proptest::prelude::*;

use crate::{BelfioreCode, CodiceFiscale};

/// Days in a month, with February at 29 when `leap` (mirror of the parser's rule).
fn days_in(month: u8, leap: bool) -> u8 {
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Valid personal codici fiscali with every birth date, sex and birthplace form, about one in
/// two with omocode letters (any of the 127 combinations).
///
/// Legal basis: D.M. 23/12/1976; omocodia: D.M. 12/3/1974.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{strategies, CodiceFiscaleKind};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let cf = strategies::codice_fiscale().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
/// assert_eq!(cf.kind(), CodiceFiscaleKind::Personale);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn codice_fiscale() -> impl Strategy<Value = CodiceFiscale> {
    let letters = proptest::collection::vec(b'A'..=b'Z', 7);
    (
        letters,
        0u8..100,
        1u8..=12,
        any::<bool>(),
        0u8..31,
        0u16..1000,
        prop_oneof![Just(0u8), 0u8..128],
    )
        .prop_map(|(letters, year, month, female, day_index, place, mask)| {
            let month_letter = b"ABCDEHLMPRST"
                .get(usize::from(month.saturating_sub(1)))
                .copied()
                .unwrap_or(b'A');
            let day = day_index % days_in(month, year.is_multiple_of(4))
                + 1
                + if female { 40 } else { 0 };
            let mut first15 = *b"AAAAAA00A00A000";
            for (slot, letter) in first15
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| matches!(i, 0..=5 | 11))
                .map(|(_, slot)| slot)
                .zip(letters)
            {
                *slot = letter;
            }
            let digits = [
                (6, year / 10),
                (7, year % 10),
                (9, day / 10),
                (10, day % 10),
                (12, (place / 100 % 10) as u8),
                (13, (place / 10 % 10) as u8),
                (14, (place % 10) as u8),
            ];
            for (pos, digit) in digits {
                if let Some(slot) = first15.get_mut(pos) {
                    *slot = b'0' + digit;
                }
            }
            if let Some(slot) = first15.get_mut(8) {
                *slot = month_letter;
            }
            let canonical = CodiceFiscale::from_first15(&first15);
            canonical
                .omocodes()
                .nth(usize::from(mask))
                .unwrap_or(canonical)
        })
}

/// Valid provisional (11-digit) codici fiscali.
///
/// Legal basis: Agenzia delle Entrate (provisional codes; partita IVA check digit).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{strategies, CodiceFiscaleKind};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let cf = strategies::codice_fiscale_provvisorio()
///     .new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?
///     .current();
/// assert_eq!(cf.kind(), CodiceFiscaleKind::Provvisorio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn codice_fiscale_provvisorio() -> impl Strategy<Value = CodiceFiscale> {
    proptest::collection::vec(b'0'..=b'9', 10).prop_filter_map(
        "always valid once the check digit is appended",
        |digits| {
            let mut text = String::from_utf8(digits).ok()?;
            let check = crate::identity::provisional_check_digit(text.as_bytes());
            text.push(char::from(check));
            CodiceFiscale::parse(&text).ok()
        },
    )
}

/// Well-formed Belfiore codes (a letter and three digits), whether or not they are in the table.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::strategies;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let code = strategies::belfiore_code().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
/// assert_eq!(code.as_str().len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn belfiore_code() -> impl Strategy<Value = BelfioreCode> {
    "[A-Z][0-9]{3}".prop_filter_map("always well-formed", |text| text.parse().ok())
}
