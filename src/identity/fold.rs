//! Folding text to the ASCII letters A-Z: how a surname or name is written in a codice fiscale
//! (accents dropped, `ß` as `SS`), and how comune names are compared regardless of case, accents
//! and punctuation.
//!
//! The table of accented Latin letters is generated (`fold_data.rs`, by `tools/gen_fold.py`
//! from the Unicode Character Database); this file owns the rules that use it.
//!
//! Legal basis: D.M. 23/12/1976 (the letters of surname and name in the codice fiscale; accented
//! letters count as their base letter).

use super::fold_data::FOLD;

/// What one character of a name is, for the codice fiscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Folded {
    /// One or two upper-case ASCII letters (`è` -> `E`, `ß` -> `SS`).
    Letters(&'static str),
    /// A separator that carries no letter: whitespace, an apostrophe, a hyphen or a full stop.
    Separator,
    /// Anything else (a digit, a symbol, a letter of another script).
    Other,
}

/// The upper-case ASCII letters, one `&'static str` each, for an ASCII letter.
const ASCII_UPPER: [&str; 26] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z",
];

/// Folds one character of a surname or name.
pub(crate) fn fold(c: char) -> Folded {
    if let Ok(b) = u8::try_from(c)
        && b.is_ascii_alphabetic()
    {
        let index = usize::from(b.to_ascii_uppercase().wrapping_sub(b'A'));
        return ASCII_UPPER
            .get(index)
            .map_or(Folded::Other, |s| Folded::Letters(s));
    }
    if c.is_whitespace()
        || matches!(
            c,
            '\'' | '`'
                | '.'
                | '-'
                | '\u{b4}'   // acute accent, typed for an apostrophe
                | '\u{2bc}'  // modifier letter apostrophe
                | '\u{2010}' // hyphen
                | '\u{2011}' // non-breaking hyphen
                | '\u{2018}' // left single quotation mark
                | '\u{2019}' // right single quotation mark (typographic apostrophe)
        )
    {
        return Folded::Separator;
    }
    match FOLD.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => FOLD
            .get(i)
            .map_or(Folded::Other, |&(_, s)| Folded::Letters(s)),
        Err(_) => Folded::Other,
    }
}

/// The comparison key of a place name: letters folded to upper-case ASCII, digits and other
/// letters kept (upper-cased), everything else dropped (`Reggio nell'Emilia` ->
/// `REGGIONELLEMILIA`, `Perù` and `Peru'` -> `PERU`).
#[cfg(feature = "belfiore")]
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        match fold(c) {
            Folded::Letters(s) => key.push_str(s),
            Folded::Other if c.is_alphanumeric() => key.extend(c.to_uppercase()),
            Folded::Separator | Folded::Other => {}
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_ascii_and_upper_case() {
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLD.iter().all(|(c, s)| !c.is_ascii()
            && (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn folds_accents_ligatures_and_separators() {
        assert_eq!(fold('a'), Folded::Letters("A"));
        assert_eq!(fold('\u{e0}'), Folded::Letters("A")); // à
        assert_eq!(fold('\u{c8}'), Folded::Letters("E")); // È
        assert_eq!(fold('\u{e9}'), Folded::Letters("E")); // é
        assert_eq!(fold('\u{df}'), Folded::Letters("SS")); // ß
        assert_eq!(fold('\u{c6}'), Folded::Letters("AE")); // Æ
        assert_eq!(fold('\u{141}'), Folded::Letters("L")); // Ł
        assert_eq!(fold('\u{1ec5}'), Folded::Letters("E")); // ễ
        assert_eq!(fold('\''), Folded::Separator);
        assert_eq!(fold('\u{2019}'), Folded::Separator);
        assert_eq!(fold(' '), Folded::Separator);
        assert_eq!(fold('-'), Folded::Separator);
        assert_eq!(fold('1'), Folded::Other);
        assert_eq!(fold('@'), Folded::Other);
        assert_eq!(fold('\u{416}'), Folded::Other); // Cyrillic Zhe
    }

    #[cfg(feature = "belfiore")]
    #[test]
    fn name_keys() {
        assert_eq!(name_key("Reggio nell'Emilia"), "REGGIONELLEMILIA");
        assert_eq!(name_key("Peru'"), "PERU");
        assert_eq!(name_key("Per\u{f9}"), "PERU");
        assert_eq!(
            name_key(" sant\u{2019}angelo - lodigiano "),
            "SANTANGELOLODIGIANO"
        );
    }
}
