//! Small validated values of the registration form: mobile number, e-mail, contact time band,
//! and the name folding used by the final verification.

use std::fmt;
use std::str::FromStr;

use time::Time;

use super::RegistrationError;
use crate::rules::SPID_LEVELS;

/// The longest e-mail address (RFC 5321 path limit).
const MAX_EMAIL: usize = 254;
/// The longest local part of an e-mail address (RFC 5321).
const MAX_EMAIL_LOCAL: usize = 64;
/// The fewest and most digits of an international number (ITU-T E.164).
const E164_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;
/// The digits of an Italian mobile number without the country code.
const ITALIAN_MOBILE_DIGITS: std::ops::RangeInclusive<usize> = 9..=10;

/// A SPID level of assurance: 1, 2 or 3, the only levels SPID has, so that an
/// [`AccessChannel::Spid`](crate::AccessChannel::Spid) cannot name another. Built from its
/// number (`SpidLevel::try_from(2)`) or one of the constants; serialised as the number.
///
/// Legal basis: REG-AUTH (access by SPID of level 2 or higher, `Rules::spid_min_level`); SPID
/// has three levels of assurance.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::SpidLevel;
/// assert_eq!(SpidLevel::try_from(2)?, SpidLevel::L2);
/// assert_eq!(SpidLevel::L3.get(), 3);
/// assert_eq!(
///     SpidLevel::try_from(9).unwrap_err().to_string(),
///     "SPID level 9 does not exist (SPID has levels 1 to 3)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u8", into = "u8"))]
pub struct SpidLevel(u8);

impl SpidLevel {
    /// Level 1, the lowest (below what the portal accepts).
    pub const L1: SpidLevel = SpidLevel(1);
    /// Level 2, the least the portal accepts (`Rules::spid_min_level`).
    pub const L2: SpidLevel = SpidLevel(2);
    /// Level 3, the highest.
    pub const L3: SpidLevel = SpidLevel(3);

    /// The level's number, 1 to 3.
    ///
    /// Legal basis: REG-AUTH.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::SpidLevel;
    /// assert_eq!(SpidLevel::L1.get(), 1);
    /// ```
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for SpidLevel {
    type Error = RegistrationError;

    fn try_from(level: u8) -> Result<Self, Self::Error> {
        if SPID_LEVELS.contains(&level) {
            Ok(SpidLevel(level))
        } else {
            Err(RegistrationError::SpidLevel { level })
        }
    }
}

impl From<SpidLevel> for u8 {
    fn from(level: SpidLevel) -> u8 {
        level.0
    }
}

impl fmt::Display for SpidLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A mobile phone number, normalised to `+` country code and digits (`+393331234567`).
///
/// An Italian number (no prefix, `+39` or `0039`) must be a mobile number: 9 or 10 digits
/// starting with `3`. A foreign number (`+` or `00` and another country code) has 8 to 15
/// digits in all (ITU-T E.164). Spaces, dots, dashes and parentheses are ignored. `Debug` masks
/// all but the last three digits.
///
/// Legal basis: the mobile number is mandatory for the INPS communications
/// (REG-DATA-PRESTATORE; the older INPS registration guide, step 3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Phone;
/// let phone: Phone = "333 123 4567".parse()?;
/// assert_eq!(phone.as_str(), "+393331234567");
/// assert_eq!(format!("{phone:?}"), "Phone(+39*******567)");
/// assert_eq!(
///     "06 1234567".parse::<Phone>().unwrap_err().to_string(),
///     "mobile number is not an Italian mobile number: it must start with 3"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone(String);

impl Phone {
    /// The normalised number, `+` and digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Phone;
    /// assert_eq!("333 123 4567".parse::<Phone>()?.as_str(), "+393331234567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Phone {
    type Err = RegistrationError;

    fn from_str(text: &str) -> Result<Phone, RegistrationError> {
        let bad = |reason: &str| RegistrationError::Phone {
            reason: reason.to_owned(),
        };
        let mut compact = String::new();
        for c in text.trim().chars() {
            match c {
                ' ' | '.' | '-' | '(' | ')' | '/' => {}
                '+' if compact.is_empty() => compact.push('+'),
                '0'..='9' => compact.push(c),
                _ => return Err(bad("has a character that is not a digit")),
            }
        }
        if compact.is_empty() {
            return Err(bad("is empty"));
        }
        let international = compact
            .strip_prefix('+')
            .or_else(|| compact.strip_prefix("00"));
        let national = match international {
            Some(rest) => {
                let Some(italian) = rest.strip_prefix("39") else {
                    if !E164_DIGITS.contains(&rest.len()) {
                        return Err(bad("must have 8 to 15 digits with its country code"));
                    }
                    return Ok(Phone(format!("+{rest}")));
                };
                italian
            }
            None => compact.as_str(),
        };
        if !national.starts_with('3') {
            return Err(bad("is not an Italian mobile number: it must start with 3"));
        }
        if !ITALIAN_MOBILE_DIGITS.contains(&national.len()) {
            return Err(bad(
                "is not an Italian mobile number: it must have 9 or 10 digits",
            ));
        }
        Ok(Phone(format!("+39{national}")))
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keep_head = if self.0.starts_with("+39") { 3 } else { 1 };
        let head = self.0.get(..keep_head).unwrap_or_default();
        let tail = self
            .0
            .get(self.0.len().saturating_sub(3)..)
            .unwrap_or_default();
        write!(f, "Phone({head}*******{tail})")
    }
}

/// An e-mail address: one `@`, a local part of 1 to 64 characters that is a dot-atom of
/// RFC 5322 (letters, digits and ``!#$%&'*+-/=?^_`{|}~`` in runs separated by single dots; no
/// quoted forms), a domain of at least two labels of letters, digits and inner hyphens (RFC 1035)
/// whose top-level label has two characters or more and is not all digits, at most 254
/// characters in all. `Debug` masks the local part.
///
/// Legal basis: REG-DATA-PRESTATORE (e-mail optional).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Email;
/// let email: Email = "mario.rossi@example.it".parse()?;
/// assert_eq!(format!("{email:?}"), "Email(m***@example.it)");
/// assert_eq!(
///     "mario.rossi".parse::<Email>().unwrap_err().to_string(),
///     "e-mail address has no '@'"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The address as given (trimmed).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Email;
    /// assert_eq!(" mario.rossi@example.it ".parse::<Email>()?.as_str(), "mario.rossi@example.it");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = RegistrationError;

    fn from_str(text: &str) -> Result<Email, RegistrationError> {
        let bad = |reason: &str| RegistrationError::Email {
            reason: reason.to_owned(),
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(bad("is empty"));
        }
        if text.len() > MAX_EMAIL {
            return Err(bad("is longer than 254 characters"));
        }
        if !text.chars().all(|c| c.is_ascii_graphic()) {
            return Err(bad("has a space or a character outside printable ASCII"));
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(bad("has no '@'"));
        };
        if domain.contains('@') {
            return Err(bad("has more than one '@'"));
        }
        if local.is_empty() || local.len() > MAX_EMAIL_LOCAL {
            return Err(bad("must have 1 to 64 characters before the '@'"));
        }
        if let Some(reason) = local_part_problem(local).or_else(|| domain_problem(domain)) {
            return Err(bad(reason));
        }
        Ok(Email(text.to_owned()))
    }
}

/// What is wrong with the part of an address before the `@`, if anything: it must be a
/// dot-atom of RFC 5322 (letters, digits and ``!#$%&'*+-/=?^_`{|}~``, in runs separated by single
/// dots). Quoted local parts are refused: an address a prestatore types into a form does not
/// need them.
fn local_part_problem(local: &str) -> Option<&'static str> {
    const SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";
    if local.split('.').any(str::is_empty) {
        return Some(
            "has a dot at the start or end of the part before the '@', or two dots in a row",
        );
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '.' || SPECIALS.contains(c);
    (!local.chars().all(allowed))
        .then_some("has a character before the '@' that an address cannot have unquoted")
}

/// What is wrong with the domain of an address, if anything: at least two labels separated by
/// dots, each of 1 to 63 letters, digits and hyphens, neither starting nor ending with a
/// hyphen, the last one (the top-level domain) of at least two characters and not all digits
/// (RFC 1035 and RFC 5321; address literals such as `[192.0.2.1]` are refused).
fn domain_problem(domain: &str) -> Option<&'static str> {
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return Some("has no valid domain after the '@'");
    }
    let label_ok = |l: &&str| {
        l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !labels.iter().all(label_ok) {
        return Some("has a domain label that is not 1 to 63 letters, digits and inner hyphens");
    }
    let top = labels.last().copied().unwrap_or_default();
    if top.len() < 2 || top.chars().all(|c| c.is_ascii_digit()) {
        return Some("has a top-level domain that is shorter than two characters or all digits");
    }
    None
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (local, domain) = self.0.split_once('@').unwrap_or((self.0.as_str(), ""));
        let first = local.chars().next().unwrap_or('*');
        write!(f, "Email({first}***@{domain})")
    }
}

/// The band of the day in which the prestatore prefers to be contacted, e.g. `10:00-18:00`
/// (`.` is accepted as the separator of hours and minutes).
///
/// Source: the older INPS registration guide, step 3 ("dalle ore 10.00 alle ore 18.00").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::TimeBand;
/// let band: TimeBand = "10.00-18.00".parse()?;
/// assert_eq!(band.to_string(), "10:00-18:00");
/// assert_eq!(
///     "18:00-10:00".parse::<TimeBand>().unwrap_err().to_string(),
///     "contact time band 18:00-10:00 does not end after it starts"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeBand {
    from: Time,
    until: Time,
}

impl TimeBand {
    /// A band from `from` to `until`.
    ///
    /// Legal basis: REG-DATA-PRESTATORE (contact time band).
    ///
    /// # Errors
    ///
    /// [`RegistrationError::TimeBand`] when `until` is not after `from`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::TimeBand;
    /// use time::macros::time;
    /// assert!(TimeBand::new(time!(10:00), time!(18:00)).is_ok());
    /// assert!(TimeBand::new(time!(18:00), time!(18:00)).is_err());
    /// ```
    pub fn new(from: Time, until: Time) -> Result<TimeBand, RegistrationError> {
        if until <= from {
            return Err(RegistrationError::TimeBand {
                text: format!("{}-{}", hh_mm(from), hh_mm(until)),
                reason: "does not end after it starts".to_owned(),
            });
        }
        Ok(TimeBand { from, until })
    }

    /// The start.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::TimeBand;
    /// use time::macros::time;
    /// let band = TimeBand::new(time!(10:00), time!(18:00))?;
    /// assert_eq!((band.from(), band.until()), (time!(10:00), time!(18:00)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from(&self) -> Time {
        self.from
    }

    /// The end.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::TimeBand;
    /// use time::macros::time;
    /// let band = TimeBand::new(time!(10:00), time!(18:00))?;
    /// assert_eq!((band.from(), band.until()), (time!(10:00), time!(18:00)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn until(&self) -> Time {
        self.until
    }
}

fn hh_mm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn parse_time(text: &str) -> Option<Time> {
    let (h, m) = text.trim().split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    let m: u8 = m.parse().ok()?;
    Time::from_hms(h, m, 0).ok()
}

impl FromStr for TimeBand {
    type Err = RegistrationError;

    fn from_str(text: &str) -> Result<TimeBand, RegistrationError> {
        let bad = || RegistrationError::TimeBand {
            text: text.trim().chars().take(20).collect(),
            reason: "is not of the form HH:MM-HH:MM".to_owned(),
        };
        let (from, until) = text.split_once('-').ok_or_else(bad)?;
        let from = parse_time(from).ok_or_else(bad)?;
        let until = parse_time(until).ok_or_else(bad)?;
        TimeBand::new(from, until)
    }
}

impl fmt::Display for TimeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", hh_mm(self.from), hh_mm(self.until))
    }
}

macro_rules! serde_via_str {
    ($($ty:ty),*) => {$(
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

serde_via_str!(Phone, Email, TimeBand);

/// A name folded for comparison: accents removed, upper case, apostrophes unified, runs of
/// spaces collapsed, trimmed (`"  d’Àngelo   Maria "` -> `"D'ANGELO MARIA"`).
pub(crate) fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match fold_char(c) {
                "" => out.extend(c.to_uppercase()),
                folded => out.push_str(folded),
            }
        }
    }
    out
}

/// The upper-case ASCII folding of a Latin letter with a diacritic or an apostrophe variant;
/// empty for any other character.
fn fold_char(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => "A",
        'æ' | 'Æ' => "AE",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "C",
        'ď' | 'Ď' | 'đ' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ę' | 'Ę' | 'ě' | 'Ě' => {
            "E"
        }
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' => "I",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "L",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => "O",
        'œ' | 'Œ' => "OE",
        'ř' | 'Ř' => "R",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "S",
        'ß' => "SS",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => {
            "U"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "Y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "Z",
        '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => "'",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names() {
        assert_eq!(fold_name("  d\u{2019}Àngelo   Maria "), "D'ANGELO MARIA");
        assert_eq!(fold_name("Nicolò"), "NICOLO");
        assert_eq!(fold_name("niccolo"), "NICCOLO");
        assert_eq!(fold_name(""), "");
    }

    #[test]
    fn phones() {
        assert_eq!(
            "+39 333 1234567".parse::<Phone>().unwrap().as_str(),
            "+393331234567"
        );
        assert_eq!(
            "0039-3331234567".parse::<Phone>().unwrap().as_str(),
            "+393331234567"
        );
        assert_eq!(
            "+44 7700 900123".parse::<Phone>().unwrap().as_str(),
            "+447700900123"
        );
        assert_eq!(
            "33312".parse::<Phone>().unwrap_err().to_string(),
            "mobile number is not an Italian mobile number: it must have 9 or 10 digits"
        );
        assert_eq!(
            "333a".parse::<Phone>().unwrap_err().to_string(),
            "mobile number has a character that is not a digit"
        );
        assert!("+1234".parse::<Phone>().is_err());
    }

    #[test]
    fn emails() {
        assert!("a@b.it".parse::<Email>().is_ok());
        for good in [
            "a@b.it",
            "mario.rossi+inps@example.it",
            "o'brien@posta-certificata.example.com",
            "x_y@xn--caf-dma.xn--p1ai",
            "A1@B2.IT",
        ] {
            assert_eq!(good.parse::<Email>().unwrap().as_str(), good);
        }
        for bad in [
            "", "a@b", "@b.it", "a@@b.it", "a b@c.it", "a@.it", "a@b..it",
        ] {
            assert!(bad.parse::<Email>().is_err(), "{bad}");
        }
        let reason = |text: &str| match text.parse::<Email>() {
            Err(RegistrationError::Email { reason }) => reason,
            other => panic!("{text}: {other:?}"),
        };
        for bad in [".a@b.it", "a.@b.it", "a..b@b.it"] {
            assert_eq!(
                reason(bad),
                "has a dot at the start or end of the part before the '@', or two dots in a row",
                "{bad}"
            );
        }
        for bad in [
            "a,b@c.it",
            "a(b)@c.it",
            "\"a\"@c.it",
            "a:b@c.it",
            "a[b]@c.it",
        ] {
            assert_eq!(
                reason(bad),
                "has a character before the '@' that an address cannot have unquoted",
                "{bad}"
            );
        }
        let label = "a".repeat(64);
        for bad in [
            "a@-b.it".to_owned(),
            "a@b-.it".to_owned(),
            "a@b_c.it".to_owned(),
            "a@b.i-".to_owned(),
            format!("a@{label}.it"),
        ] {
            assert_eq!(
                reason(&bad),
                "has a domain label that is not 1 to 63 letters, digits and inner hyphens",
                "{bad}"
            );
        }
        assert!(format!("a@{}.it", &label[1..]).parse::<Email>().is_ok());
        for bad in ["a@b.i", "a@192.0.2.1", "a@b.1"] {
            assert_eq!(
                reason(bad),
                "has a top-level domain that is shorter than two characters or all digits",
                "{bad}"
            );
        }
        for bad in ["a@[192.0.2.1]", "a@b", "a@b.", "a@.b.it"] {
            assert!(reason(bad).contains("domain"), "{bad}");
        }
    }

    #[test]
    fn bands() {
        assert_eq!(
            "9:30-13:00".parse::<TimeBand>().unwrap().to_string(),
            "09:30-13:00"
        );
        assert_eq!(
            "10-18".parse::<TimeBand>().unwrap_err().to_string(),
            "contact time band 10-18 is not of the form HH:MM-HH:MM"
        );
        assert!("25:00-26:00".parse::<TimeBand>().is_err());
    }
}
