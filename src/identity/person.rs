//! From a person to a codice fiscale and back: [`CodiceFiscale::encode`] (surname and name
//! letters, birth date and sex, birthplace, check character), [`CodiceFiscale::decode`] (every
//! datum the code carries, in one call) and [`CodiceFiscale::check_names`] (do a surname and a
//! name give the code's six letters).
//!
//! Legal basis: D.M. 23 dicembre 1976 (how each part of the code is computed) and the Agenzia
//! delle Entrate rules on the codice fiscale of natural persons; omocodia: D.M. 12/3/1974.

use time::Date;

#[cfg(feature = "belfiore")]
use super::belfiore::Birthplace;
use super::codice_fiscale::{
    BelfioreCode, CodiceFiscale, CodiceFiscaleError, CodiceFiscaleKind, MONTH_LETTERS, NamePart,
    Sex,
};
use super::fold::{Folded, fold};

/// The years whose last two digits [`CodiceFiscale::birth_year_candidates`] reads back.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2099;

/// The three letters a surname or name gives in a codice fiscale.
///
/// Every character is folded ([`fold`]): accented Latin letters count as their base letter
/// (`È` as `E`, `ß` as `SS`), whitespace, apostrophes, hyphens and full stops are dropped,
/// anything else is refused. Vowels are `AEIOU`; every other letter (`J`, `K`, `W`, `X`, `Y`
/// included) is a consonant. The surname gives its first three consonants, then its vowels in
/// order, then `X` up to three letters; the name the same, except that a name of four or more
/// consonants gives the first, third and fourth.
///
/// Legal basis: D.M. 23/12/1976.
pub(crate) fn name_letters(part: NamePart, text: &str) -> Result<[u8; 3], CodiceFiscaleError> {
    let mut consonants = [0u8; 4];
    let mut consonant_count = 0usize;
    let mut vowels = [0u8; 3];
    let mut vowel_count = 0usize;
    for c in text.chars() {
        let letters = match fold(c) {
            Folded::Letters(letters) => letters,
            Folded::Separator => continue,
            Folded::Other => return Err(CodiceFiscaleError::NameCharacter { part, found: c }),
        };
        for b in letters.bytes() {
            if matches!(b, b'A' | b'E' | b'I' | b'O' | b'U') {
                if let Some(slot) = vowels.get_mut(vowel_count) {
                    *slot = b;
                }
                vowel_count = vowel_count.saturating_add(1);
            } else {
                if let Some(slot) = consonants.get_mut(consonant_count) {
                    *slot = b;
                }
                consonant_count = consonant_count.saturating_add(1);
            }
        }
    }
    if consonant_count == 0 && vowel_count == 0 {
        return Err(CodiceFiscaleError::NameWithoutLetters { part });
    }
    if part == NamePart::Name && consonant_count >= 4 {
        let [first, _, third, fourth] = consonants;
        return Ok([first, third, fourth]);
    }
    let picked = consonants
        .iter()
        .take(consonant_count.min(3))
        .chain(vowels.iter().take(vowel_count.min(3)))
        .chain([b'X'; 3].iter());
    let mut out = [b'X'; 3];
    for (slot, &b) in out.iter_mut().zip(picked) {
        *slot = b;
    }
    Ok(out)
}

/// Three upper-case ASCII letters as text.
fn letters_text(letters: [u8; 3]) -> String {
    letters.iter().map(|&b| char::from(b)).collect()
}

/// Everything a personal codice fiscale says about its holder, decoded in one call by
/// [`CodiceFiscale::decode`]. Plain data (public fields); `Debug` masks the codes.
///
/// Legal basis: D.M. 23/12/1976; omocodia: D.M. 12/3/1974.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, Sex};
/// use time::macros::date;
///
/// let decoded = CodiceFiscale::parse("RSSMRA85T10A56NH")?.decode(date!(2026 - 01 - 01))?;
/// assert_eq!(decoded.sex, Sex::Male);
/// assert_eq!(decoded.birth_date, date!(1985 - 12 - 10));
/// assert!(decoded.omocode);
/// assert_eq!(decoded.canonical.as_str(), "RSSMRA85T10A562S");
/// assert!(!format!("{decoded:?}").contains("RSSMRA85T10A56NH"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DecodedCodiceFiscale {
    /// The code as given.
    pub code: CodiceFiscale,
    /// The code without omocode letters ([`CodiceFiscale::canonical`]).
    pub canonical: CodiceFiscale,
    /// Whether the code has omocode letters.
    pub omocode: bool,
    /// The sex (birth day above 40 for a woman).
    pub sex: Sex,
    /// The birth date, its century resolved against the reference date given to `decode`.
    pub birth_date: Date,
    /// The Belfiore code of the birthplace, omocode letters decoded.
    pub birthplace_code: BelfioreCode,
    /// The birthplace (name, province, comune or foreign state) as the Belfiore table records
    /// it for the birth date: the row valid on that day or, for a code created later (comuni
    /// merged or re-created, whose earlier births the Agenzia delle Entrate re-codes), the
    /// first row after it. `None` when the table has no such row (a code never issued, or
    /// suppressed before the birth). Feature `belfiore`.
    #[cfg(feature = "belfiore")]
    pub birthplace: Option<Birthplace>,
}

impl CodiceFiscale {
    /// The personal codice fiscale of a person: three letters of the surname, three of the name,
    /// the last two digits of the birth year, the month letter (`ABCDEHLMPRST`), the birth day
    /// (plus 40 for a woman), the birthplace's Belfiore code and the check character. The result
    /// has no omocode letters: omocodes are assigned by the Agenzia delle Entrate when two people
    /// would get the same code, and cannot be computed from personal data.
    ///
    /// Surname and name: accented Latin letters count as their base letter (`À` as `A`, `È` and
    /// `É` as `E`, `ß` as `SS`, `Æ` as `AE`), whitespace, apostrophes, hyphens and full stops are
    /// dropped, anything else is refused; vowels are `AEIOU` and every other letter is a
    /// consonant (`J`, `K`, `W`, `X`, `Y` too). The surname gives its first three consonants,
    /// then its vowels, then `X` (`Fo` -> `FOX`); the name the same, except that a name with
    /// four or more consonants gives the first, third and fourth (`Anna Maria` -> `NMR`).
    ///
    /// Birthplace: with feature `belfiore` (default), a code that named no comune or foreign
    /// state on the birth date and was not created later is refused (a code created after the
    /// birth is accepted: see [`BelfioreCode::is_attributable`]). Without the feature only the
    /// form of the code is known (a letter and three digits), and any such code is encoded.
    ///
    /// Legal basis: D.M. 23/12/1976; Agenzia delle Entrate rules for the codice fiscale of
    /// natural persons.
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::NameCharacter`] or [`CodiceFiscaleError::NameWithoutLetters`]
    /// naming the surname or the name; [`CodiceFiscaleError::BirthYearOutOfRange`] for a year
    /// outside 1800-2099; [`CodiceFiscaleError::BirthplaceNotAttributable`] (feature
    /// `belfiore`).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{BelfioreCode, CodiceFiscale, Sex};
    /// use time::macros::date;
    ///
    /// let pisa: BelfioreCode = "A562".parse()?;
    /// let cf = CodiceFiscale::encode("Rossi", "Mario", Sex::Male, date!(1985 - 12 - 10), pisa)?;
    /// assert_eq!(cf.as_str(), "RSSMRA85T10A562S");
    ///
    /// let roma: BelfioreCode = "H501".parse()?;
    /// let anna = CodiceFiscale::encode("Bianchi", "Anna Maria", Sex::Female, date!(1990 - 03 - 01), roma)?;
    /// assert_eq!(anna.as_str(), "BNCNMR90C41H501M");
    /// let nicolo = CodiceFiscale::encode("D'Àngelo", "Nicolò", Sex::Male, date!(1970 - 07 - 15), "F205".parse()?)?;
    /// assert_eq!(nicolo.as_str(), "DNGNCL70L15F205S");
    ///
    /// let err = CodiceFiscale::encode("Rossi 2", "Mario", Sex::Male, date!(1985 - 12 - 10), pisa).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "surname has the character '2', which a codice fiscale cannot encode (letters, accented letters, apostrophes, spaces, hyphens and full stops only)"
    /// );
    /// # #[cfg(feature = "belfiore")]
    /// assert_eq!(
    ///     CodiceFiscale::encode("Rossi", "Mario", Sex::Male, date!(1985 - 12 - 10), "H000".parse()?)
    ///         .unwrap_err()
    ///         .to_string(),
    ///     "birthplace H000 is not a comune or foreign state that existed on 1985-12-10"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn encode(
        surname: &str,
        name: &str,
        sex: Sex,
        birth_date: Date,
        birthplace: BelfioreCode,
    ) -> Result<CodiceFiscale, CodiceFiscaleError> {
        let surname = name_letters(NamePart::Surname, surname)?;
        let name = name_letters(NamePart::Name, name)?;
        let year = birth_date.year();
        if !YEARS.contains(&year) {
            return Err(CodiceFiscaleError::BirthYearOutOfRange { year });
        }
        #[cfg(feature = "belfiore")]
        if !birthplace.is_attributable(birth_date) {
            return Err(CodiceFiscaleError::BirthplaceNotAttributable {
                birthplace,
                birth_date,
            });
        }
        let yy = u8::try_from(year.rem_euclid(100)).unwrap_or(0);
        let day = birth_date.day()
            + match sex {
                Sex::Male => 0,
                Sex::Female => 40,
            };
        let month = MONTH_LETTERS
            .get(usize::from(u8::from(birth_date.month())).saturating_sub(1))
            .copied()
            .unwrap_or(b'A');
        let [s1, s2, s3] = surname;
        let [n1, n2, n3] = name;
        let [p1, p2, p3, p4] = birthplace.bytes();
        let first15 = [
            s1,
            s2,
            s3,
            n1,
            n2,
            n3,
            b'0' + yy / 10,
            b'0' + yy % 10,
            month,
            b'0' + day / 10,
            b'0' + day % 10,
            p1,
            p2,
            p3,
            p4,
        ];
        Ok(CodiceFiscale::from_first15(&first15))
    }

    /// Everything a personal code says about its holder, in one call: sex, birth date (its
    /// century resolved as [`CodiceFiscale::resolve_birth_date`] does: the latest of 18yy, 19yy,
    /// 20yy not after `reference`), the Belfiore code and, with feature `belfiore`, the
    /// birthplace with its name and province, whether the code is an omocode, and its canonical
    /// form. Omocode letters are decoded in every digit position.
    ///
    /// Pass as `reference` the day the code is checked on (or the date of the document it comes
    /// from): a holder is taken to be younger than 100 years on it.
    /// [`CodiceFiscale::birth_year_candidates`] lists the three years when no reference fits.
    ///
    /// Legal basis: D.M. 23/12/1976; omocodia: D.M. 12/3/1974.
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::Provisional`] for a provisional code (it carries no personal data);
    /// [`CodiceFiscaleError::BornAfterReference`] or
    /// [`CodiceFiscaleError::ResolvedDateDoesNotExist`] as for
    /// [`CodiceFiscale::resolve_birth_date`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CodiceFiscale, Sex};
    /// use time::macros::date;
    ///
    /// let cf = CodiceFiscale::parse("BNCNMR90C41H501M")?;
    /// let decoded = cf.decode(date!(2026 - 03 - 07))?;
    /// assert_eq!((decoded.sex, decoded.birth_date), (Sex::Female, date!(1990 - 03 - 01)));
    /// assert_eq!(decoded.birthplace_code.as_str(), "H501");
    /// # #[cfg(feature = "belfiore")]
    /// # {
    /// let roma = decoded.birthplace.ok_or("not in the table")?;
    /// assert_eq!((roma.name, roma.province), ("Roma", Some("RM")));
    /// # }
    ///
    /// assert_eq!(
    ///     CodiceFiscale::parse("12345678903")?.decode(date!(2026 - 03 - 07)).unwrap_err().to_string(),
    ///     "codice fiscale is provisional and carries no birth data"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decode(&self, reference: Date) -> Result<DecodedCodiceFiscale, CodiceFiscaleError> {
        let (Some(sex), Some(birthplace_code)) = (self.sex(), self.belfiore_code()) else {
            return Err(CodiceFiscaleError::Provisional);
        };
        let birth_date = self.resolve_birth_date(reference)?;
        Ok(DecodedCodiceFiscale {
            code: *self,
            canonical: self.canonical(),
            omocode: self.is_omocode(),
            sex,
            birth_date,
            birthplace_code,
            #[cfg(feature = "belfiore")]
            birthplace: Birthplace::attributed(birthplace_code, birth_date),
        })
    }

    /// Checks that a surname and a name give the code's first six letters (characters 1-3 and
    /// 4-6, which omocodia never changes), as the INPS registry does with the anagrafica. The
    /// letters are computed as by [`CodiceFiscale::encode`].
    ///
    /// Legal basis: D.M. 23/12/1976.
    ///
    /// # Errors
    ///
    /// [`CodiceFiscaleError::Provisional`]; [`CodiceFiscaleError::NameMismatch`] naming the
    /// surname (checked first) or the name; [`CodiceFiscaleError::NameCharacter`] or
    /// [`CodiceFiscaleError::NameWithoutLetters`] for a text that gives no letters.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CodiceFiscale;
    ///
    /// let omocode = CodiceFiscale::parse("RSSMRA85T10A56NH")?;
    /// omocode.check_names("Rossi", "Mario")?;
    /// omocode.check_names("ROSSI", "  mario ")?;
    /// assert_eq!(
    ///     omocode.check_names("Bianchi", "Mario").unwrap_err().to_string(),
    ///     "surname letters BNC do not match the codice fiscale, which encodes RSS"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_names(&self, surname: &str, name: &str) -> Result<(), CodiceFiscaleError> {
        self.check_name_part(NamePart::Surname, surname)?;
        self.check_name_part(NamePart::Name, name)
    }

    /// [`CodiceFiscale::check_names`] for one of the two parts.
    pub(crate) fn check_name_part(
        &self,
        part: NamePart,
        text: &str,
    ) -> Result<(), CodiceFiscaleError> {
        let range = match part {
            NamePart::Surname => 0..3,
            NamePart::Name => 3..6,
        };
        let (CodiceFiscaleKind::Personale, Some(encoded)) = (self.kind(), self.as_str().get(range))
        else {
            return Err(CodiceFiscaleError::Provisional);
        };
        let given = name_letters(part, text)?;
        if given.as_slice() == encoded.as_bytes() {
            Ok(())
        } else {
            Err(CodiceFiscaleError::NameMismatch {
                part,
                given: letters_text(given),
                encoded: encoded.to_owned(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(part: NamePart, text: &str) -> String {
        letters_text(name_letters(part, text).unwrap())
    }

    /// Source: the rules of D.M. 23/12/1976 as summarised by the Agenzia delle Entrate.
    #[test]
    fn surname_and_name_rules() {
        use NamePart::{Name, Surname};
        assert_eq!(letters(Surname, "Rossi"), "RSS");
        assert_eq!(letters(Surname, "Fo"), "FOX");
        assert_eq!(letters(Surname, "Ai"), "AIX");
        assert_eq!(letters(Surname, "Ua"), "UAX");
        assert_eq!(letters(Surname, "O"), "OXX");
        assert_eq!(letters(Surname, "De Luca"), "DLC");
        assert_eq!(letters(Surname, "D'Àngelo"), "DNG");
        assert_eq!(letters(Surname, "Poggi-Longostrevi"), "PGG");
        assert_eq!(letters(Name, "Anna Maria"), "NMR");
        assert_eq!(letters(Name, "Gianfranco"), "GFR");
        assert_eq!(letters(Name, "Mario"), "MRA");
        assert_eq!(letters(Name, "Luca"), "LCU");
        assert_eq!(letters(Name, "Al"), "LAX");
        assert_eq!(letters(Name, "Yvonne"), "YNN");
        assert_eq!(letters(Name, "Jürgen"), "JGN");
        assert_eq!(letters(Name, "Ægidius"), "GDS");
        assert_eq!(letters(Surname, "Weiß"), "WSS");
    }

    #[test]
    fn refused_characters_name_the_part() {
        assert_eq!(
            name_letters(NamePart::Name, "Mar1o"),
            Err(CodiceFiscaleError::NameCharacter {
                part: NamePart::Name,
                found: '1'
            })
        );
        assert_eq!(
            name_letters(NamePart::Surname, " ' - "),
            Err(CodiceFiscaleError::NameWithoutLetters {
                part: NamePart::Surname
            })
        );
    }
}
