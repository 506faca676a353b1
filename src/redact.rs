//! What `Debug` shows of personal data: enough to tell records apart in a log, not enough to
//! identify a person. Codici fiscali and IBANs mask themselves (their own `Debug`); names show
//! their first letter, birth dates their year.

use std::fmt;

use time::Date;

/// A name as `"M***"`: its first letter.
pub(crate) struct Name<'a>(pub(crate) &'a str);

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first: String = self.0.trim().chars().take(1).collect();
        write!(f, "\"{first}***\"")
    }
}

/// A birth date as `1985-**-**`: its year.
pub(crate) struct BirthDate(pub(crate) Date);

impl fmt::Debug for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-**-**", self.0.year())
    }
}

/// An optional birth date, as [`BirthDate`].
pub(crate) struct MaybeBirthDate(pub(crate) Option<Date>);

impl fmt::Debug for MaybeBirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => write!(f, "Some({:?})", BirthDate(d)),
            None => f.write_str("None"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn masks() {
        assert_eq!(format!("{:?}", Name("Mario")), "\"M***\"");
        assert_eq!(format!("{:?}", Name(" Élodie")), "\"É***\"");
        assert_eq!(format!("{:?}", Name("")), "\"***\"");
        assert_eq!(
            format!("{:?}", BirthDate(date!(1985 - 12 - 10))),
            "1985-**-**"
        );
        assert_eq!(format!("{:?}", MaybeBirthDate(None)), "None");
        assert_eq!(
            format!("{:?}", MaybeBirthDate(Some(date!(1985 - 12 - 10)))),
            "Some(1985-**-**)"
        );
    }
}
