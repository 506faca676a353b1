//! The data a prestatore enters or confirms at registration: the draft (plain data, as a form
//! holds it) and the validated [`RegistrationData`].

use std::fmt;

use time::Date;

use super::values::{Email, Phone, SpidLevel, TimeBand};
use crate::identity::{
    BelfioreCode, Cap, CodiceFiscale, Iban, NamePart, Provincia, Sex, mask_tail,
};
use crate::money::Euro;
use crate::parties::{ParentalConsent, Prestatore, PrestatoreError, SelfCertification, age_on};
use crate::payment::PaymentMode;
use crate::redact::{BirthDate, MaybeBirthDate, Name};
use crate::rules::{Credential, Rules};
use crate::verdict::RuleId;

/// The longest name, street or authority the crate accepts (characters).
const MAX_TEXT: usize = 100;
/// The shortest and longest identity document number (characters).
const DOCUMENT_NUMBER_LEN: std::ops::RangeInclusive<usize> = 5..=20;

/// One problem of a registration form: the field's path (`residence.cap`) and the reason.
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccessChannel, RegistrationDraft};
/// use time::macros::date;
///
/// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// let problems = draft.validate().unwrap_err();
/// assert!(problems.iter().any(|p| p.path == "codice_fiscale" && p.reason == "is missing"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FieldError {
    /// The field's path in [`RegistrationDraft`], dot-separated, with `[i]` for list items.
    pub path: String,
    /// What is wrong, lowercase, without trailing period.
    pub reason: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Every problem of a registration form at once, in field order (never empty).
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccessChannel, RegistrationDraft};
/// use time::macros::date;
///
/// let mut draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// draft.codice_fiscale = "RSSMRA85T10A562X".into();
/// let problems = draft.validate().unwrap_err();
/// assert!(problems.len() > 5);
/// assert!(problems.to_string().starts_with("codice_fiscale: check character is X, expected S; "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldErrors(Vec<FieldError>);

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FieldErrors {
    /// A non-empty list of [`FieldError`]s: an empty one is refused, as a failed validation
    /// always has at least one problem.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FieldErrors, D::Error> {
        let problems = Vec::<FieldError>::deserialize(deserializer)?;
        if problems.is_empty() {
            return Err(serde::de::Error::custom(
                "field errors: the list is empty, a validation failure has at least one problem",
            ));
        }
        Ok(FieldErrors(problems))
    }
}

impl FieldErrors {
    pub(crate) fn single(error: FieldError) -> FieldErrors {
        FieldErrors(vec![error])
    }

    /// The problems.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, RegistrationDraft};
    /// use time::macros::date;
    /// let mut draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// draft.codice_fiscale = "RSSMRA85T10A562X".into();
    /// let problems = draft.validate().unwrap_err();
    /// let first = problems.as_slice().first().ok_or("no problem")?;
    /// assert_eq!(first.path, "codice_fiscale");
    /// assert_eq!(first.reason, "check character is X, expected S");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[FieldError] {
        &self.0
    }

    /// An iterator over the problems.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, RegistrationDraft};
    /// use time::macros::date;
    /// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// let problems = draft.validate().unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).take(3).collect();
    /// assert_eq!(paths, ["codice_fiscale", "first_name", "last_name"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// How many problems.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Impresa,
    ///     id: "00743110158".into(), // wrong check digit
    ///     ateco: String::new(),     // missing
    /// };
    /// assert_eq!(draft.validate().unwrap_err().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `FieldErrors` holds at least one problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Professionista,
    ///     id: "00743110157".into(),
    ///     ateco: String::new(),
    /// };
    /// let problems = draft.validate().unwrap_err();
    /// assert!(!problems.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems of one field.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Impresa,
    ///     id: "00743110158".into(),
    ///     ateco: String::new(),
    /// };
    /// let problems = draft.validate().unwrap_err();
    /// let ateco: Vec<&str> = problems.of("ateco").map(|p| p.reason.as_str()).collect();
    /// assert_eq!(ateco, ["is missing for an impresa"]);
    /// assert_eq!(problems.of("kind").count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.0.iter().filter(move |e| e.path == path)
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Collects problems while a draft is checked.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldError>);

impl Problems {
    pub(crate) fn push(&mut self, path: impl Into<String>, reason: impl fmt::Display) {
        self.0.push(FieldError {
            path: path.into(),
            reason: reason.to_string(),
        });
    }

    /// Keeps `Ok` values, records `Err` ones under `path`.
    pub(crate) fn take<T, E: fmt::Display>(
        &mut self,
        path: &str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.push(path, strip_field_name(&e.to_string()));
                None
            }
        }
    }

    pub(crate) fn finish(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(FieldErrors(self.0))
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Drops the leading noun of a value's own error message ("mobile number is empty" ->
/// "is empty") where the field path already names it.
fn strip_field_name(message: &str) -> String {
    for prefix in [
        "mobile number ",
        "e-mail address ",
        "contact time band ",
        "document number ",
        "codice fiscale ",
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    message.to_owned()
}

/// The access channel through which the registration is made.
///
/// SPID (at the level of [`Rules::spid_min_level`] or higher), CIE, CNS and eIDAS prove the
/// prestatore's identity, so the registration is confirmed automatically on submission; the INPS
/// PIN (until 30/9/2021), the contact center and an intermediary do not, and need an explicit
/// confirmation (the telephone confirmation of the older procedure). CIE and eIDAS are accepted
/// from 1/10/2021 only (reading R-CREDENTIALS-2021).
///
/// Legal basis: REG-AUTH, REG-BOTH (INPS msg 4360/2024; INPS msg 3932 of 24/12/2025).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccessChannel, SpidLevel, Rules};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert!(AccessChannel::Spid { level: SpidLevel::L2 }.proves_identity(rules));
/// assert!(!AccessChannel::Spid { level: SpidLevel::L1 }.proves_identity(rules));
/// assert!(!AccessChannel::ContactCenter.proves_identity(rules));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum AccessChannel {
    /// SPID at the given level.
    Spid {
        /// The SPID level (1, 2 or 3).
        level: SpidLevel,
    },
    /// Carta d'Identita Elettronica.
    Cie,
    /// Carta Nazionale dei Servizi.
    Cns,
    /// eIDAS electronic identity of another EU member state.
    Eidas,
    /// The INPS PIN (accepted until 30/9/2021).
    InpsPin,
    /// The INPS contact center (803 164 from landlines, 06 164 164 from mobiles).
    ContactCenter,
    /// An intermediary acting under a delega.
    Intermediary,
}

impl AccessChannel {
    /// The digital credential this channel uses, if any.
    ///
    /// Legal basis: REG-AUTH.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, SpidLevel, Credential};
    /// assert_eq!(AccessChannel::Spid { level: SpidLevel::L2 }.credential(), Some(Credential::Spid));
    /// assert_eq!(AccessChannel::ContactCenter.credential(), None);
    /// ```
    #[must_use]
    pub fn credential(self) -> Option<Credential> {
        match self {
            AccessChannel::Spid { .. } => Some(Credential::Spid),
            AccessChannel::Cie => Some(Credential::Cie),
            AccessChannel::Cns => Some(Credential::Cns),
            AccessChannel::Eidas => Some(Credential::Eidas),
            AccessChannel::InpsPin => Some(Credential::InpsPin),
            AccessChannel::ContactCenter | AccessChannel::Intermediary => None,
        }
    }

    /// Whether the channel is accepted under `rules`: its credential is in
    /// [`Rules::access_credentials`] and, for SPID, the level is at least
    /// [`Rules::spid_min_level`]. The contact center and intermediaries are always
    /// accepted.
    ///
    /// Legal basis: REG-AUTH, REG-BOTH.
    ///
    /// # Errors
    ///
    /// The reason, with the citation, when the channel is not accepted.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, Rules, SpidLevel};
    /// use time::macros::date;
    /// assert!(AccessChannel::InpsPin.check(Rules::in_force_on(date!(2019 - 01 - 10))?).is_ok());
    /// assert!(AccessChannel::InpsPin.check(Rules::in_force_on(date!(2022 - 01 - 10))?).is_err());
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert!(AccessChannel::Spid { level: SpidLevel::L2 }.check(rules).is_ok());
    /// assert!(AccessChannel::Spid { level: SpidLevel::L1 }.check(rules).unwrap_err().starts_with("SPID level 1 is below the required level 2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(self, rules: &Rules) -> Result<(), String> {
        if let AccessChannel::Spid { level } = self
            && u32::from(level.get()) < rules.spid_min_level.value
        {
            return Err(format!(
                "SPID level {level} is below the required level {} ({})",
                rules.spid_min_level.value, rules.spid_min_level.citation
            ));
        }
        match self.credential() {
            Some(credential) if !rules.access_credentials.value.contains(&credential) => {
                Err(format!(
                    "{credential} is not accepted from {} ({})",
                    rules.valid_from(),
                    rules.access_credentials.citation
                ))
            }
            _ => Ok(()),
        }
    }

    /// Whether the channel proves the prestatore's identity, so that the registration needs no
    /// separate confirmation: an accepted SPID (level 2 or higher), CIE, CNS or eIDAS.
    ///
    /// Legal basis: REG-AUTH (the 2026 portal confirms a registration made with SPID, CIE,
    /// CNS or eIDAS at once).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, Rules};
    /// use time::macros::date;
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert!(AccessChannel::Cie.proves_identity(rules));
    /// assert!(!AccessChannel::ContactCenter.proves_identity(rules));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn proves_identity(self, rules: &Rules) -> bool {
        let strong = matches!(
            self,
            AccessChannel::Spid { .. }
                | AccessChannel::Cie
                | AccessChannel::Cns
                | AccessChannel::Eidas
        );
        strong && self.check(rules).is_ok()
    }
}

/// An address as entered (plain data).
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::AddressDraft;
/// let a = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// assert_eq!(a.cap, "00198");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AddressDraft {
    /// The comune.
    pub comune: String,
    /// The two-letter province code (sigla).
    pub provincia: String,
    /// Street (via, piazza, ...).
    pub street: String,
    /// House number.
    pub house_number: String,
    /// The 5-digit CAP.
    pub cap: String,
}

impl AddressDraft {
    /// An address from its five parts.
    ///
    /// Legal basis: REG-DATA-PRESTATORE (residence and domicile).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AddressDraft;
    /// let a = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// assert_eq!(a.cap, "00198");
    /// ```
    #[must_use]
    pub fn new(comune: &str, provincia: &str, street: &str, house_number: &str, cap: &str) -> Self {
        AddressDraft {
            comune: comune.to_owned(),
            provincia: provincia.to_owned(),
            street: street.to_owned(),
            house_number: house_number.to_owned(),
            cap: cap.to_owned(),
        }
    }

    fn check(&self, path: &str, problems: &mut Problems) -> Option<Address> {
        let comune = text_field(&format!("{path}.comune"), &self.comune, problems);
        let provincia = required(&format!("{path}.provincia"), &self.provincia, problems)
            .and_then(|p| problems.take(&format!("{path}.provincia"), p.parse::<Provincia>()));
        let street = text_field(&format!("{path}.street"), &self.street, problems);
        let house_number = text_field(
            &format!("{path}.house_number"),
            &self.house_number,
            problems,
        );
        let cap = required(&format!("{path}.cap"), &self.cap, problems)
            .and_then(|c| problems.take(&format!("{path}.cap"), c.parse::<Cap>()));
        Some(Address {
            comune: comune?,
            provincia: provincia?,
            street: street?,
            house_number: house_number?,
            cap: cap?,
        })
    }
}

impl fmt::Debug for AddressDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AddressDraft")
            .field("comune", &self.comune)
            .field("provincia", &self.provincia)
            .field("street", &"***")
            .field("house_number", &"***")
            .field("cap", &self.cap)
            .finish()
    }
}

/// A validated address: comune, provincia from the official list, street, house number, CAP.
/// `Debug` hides street and house number.
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
/// # use time::macros::date;
/// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// # form.codice_fiscale = "RSSMRA85T10A562S".into();
/// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
/// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
/// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// # form.document = DocumentDraft {
/// #     number: "CA12345AB".into(),
/// #     issued_on: Some(date!(2020 - 05 - 04)),
/// #     expires_on: Some(date!(2031 - 05 - 04)),
/// #     issued_by: "Comune di Roma".into(),
/// #     ..DocumentDraft::default()
/// # };
/// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
/// # form.privacy_consent = true;
/// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
/// form.domicile = Some(AddressDraft::new(" Milano ", "MI", "Via Dante", "3", "20121"));
/// let data = form.validate()?;
/// let domicile = data.domicile().ok_or("no domicile")?;
/// assert_eq!(domicile.comune(), "Milano");
/// assert!(!format!("{domicile:?}").contains("Via Dante")); // Debug hides the street
/// // An unknown province is refused, with the field's path.
/// form.residence.provincia = "XX".into();
/// assert!(form.validate().unwrap_err().of("residence.provincia").next().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Address {
    comune: String,
    provincia: Provincia,
    street: String,
    house_number: String,
    cap: Cap,
}

impl Address {
    /// The comune.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.residence.comune = "  Roma ".into();
    /// assert_eq!(form.validate()?.residence().comune(), "Roma");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn comune(&self) -> &str {
        &self.comune
    }
    /// The province.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.residence().provincia().code(), "RM");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn provincia(&self) -> Provincia {
        self.provincia
    }
    /// The street.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.residence().street(), "Via Po");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn street(&self) -> &str {
        &self.street
    }
    /// The house number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.residence.house_number = "12/B".into();
    /// assert_eq!(form.validate()?.residence().house_number(), "12/B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn house_number(&self) -> &str {
        &self.house_number
    }
    /// The CAP.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.residence().cap().as_str(), "00198");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cap(&self) -> Cap {
        self.cap
    }

    fn to_draft(&self) -> AddressDraft {
        AddressDraft {
            comune: self.comune.clone(),
            provincia: self.provincia.code().to_owned(),
            street: self.street.clone(),
            house_number: self.house_number.clone(),
            cap: self.cap.as_str().to_owned(),
        }
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Address")
            .field("comune", &self.comune)
            .field("provincia", &self.provincia)
            .field("street", &"***")
            .field("house_number", &"***")
            .field("cap", &self.cap)
            .finish()
    }
}

/// The kind of an identity document.
///
/// Source: the older INPS registration guide, step 2 ("Carta d'Identita (o altro documento)").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::DocumentKind;
/// assert_ne!(DocumentKind::Passaporto, DocumentKind::Patente);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum DocumentKind {
    /// Carta d'identita (paper or electronic).
    #[default]
    CartaIdentita,
    /// Passaporto.
    Passaporto,
    /// Patente di guida.
    Patente,
    /// Permesso di soggiorno.
    PermessoDiSoggiorno,
}

/// An identity document as entered (plain data).
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{DocumentDraft, DocumentKind};
/// use time::macros::date;
/// let d = DocumentDraft {
///     kind: DocumentKind::CartaIdentita,
///     number: "CA12345AB".into(),
///     issued_on: Some(date!(2020 - 05 - 04)),
///     expires_on: Some(date!(2031 - 05 - 04)),
///     issued_by: "Comune di Roma".into(),
/// };
/// assert_eq!(d.kind, DocumentKind::CartaIdentita);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DocumentDraft {
    /// The kind of document.
    pub kind: DocumentKind,
    /// Its number.
    pub number: String,
    /// Issue date.
    pub issued_on: Option<Date>,
    /// Expiry date.
    pub expires_on: Option<Date>,
    /// The issuing authority or comune.
    pub issued_by: String,
}

impl fmt::Debug for DocumentDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentDraft")
            .field("kind", &self.kind)
            .field("number", &mask_tail(&self.number, 2))
            .field("issued_on", &self.issued_on)
            .field("expires_on", &self.expires_on)
            .field("issued_by", &self.issued_by)
            .finish()
    }
}

impl DocumentDraft {
    fn check(&self, on: Date, problems: &mut Problems) -> Option<IdentityDocument> {
        let number = self.number.trim().to_uppercase();
        let number = if number.is_empty() {
            problems.push("document.number", "is missing");
            None
        } else if !DOCUMENT_NUMBER_LEN.contains(&number.len())
            || !number.chars().all(|c| c.is_ascii_alphanumeric())
        {
            problems.push(
                "document.number",
                "must have 5 to 20 letters or digits, without spaces",
            );
            None
        } else {
            Some(number)
        };
        let issued_on = match self.issued_on {
            None => {
                problems.push("document.issued_on", "is missing");
                None
            }
            Some(d) if d > on => {
                problems.push(
                    "document.issued_on",
                    format!("{d} is after the registration day {on}"),
                );
                None
            }
            Some(d) => Some(d),
        };
        let expires_on = match self.expires_on {
            None => {
                problems.push("document.expires_on", "is missing");
                None
            }
            Some(d) if d < on => {
                problems.push(
                    "document.expires_on",
                    format!("the document expired on {d}, before the registration day {on}"),
                );
                None
            }
            Some(d) => Some(d),
        };
        if let (Some(i), Some(e)) = (issued_on, expires_on)
            && e <= i
        {
            problems.push(
                "document.expires_on",
                format!("{e} is not after the issue date {i}"),
            );
        }
        let issued_by = text_field("document.issued_by", &self.issued_by, problems);
        Some(IdentityDocument {
            kind: self.kind,
            number: number?,
            issued_on: issued_on?,
            expires_on: expires_on?,
            issued_by: issued_by?,
        })
    }
}

/// A validated identity document, valid on the day of registration. `Debug` masks the number.
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
/// # use time::macros::date;
/// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// # form.codice_fiscale = "RSSMRA85T10A562S".into();
/// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
/// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
/// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// # form.document = DocumentDraft {
/// #     number: "CA12345AB".into(),
/// #     issued_on: Some(date!(2020 - 05 - 04)),
/// #     expires_on: Some(date!(2031 - 05 - 04)),
/// #     issued_by: "Comune di Roma".into(),
/// #     ..DocumentDraft::default()
/// # };
/// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
/// # form.privacy_consent = true;
/// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
/// let data = form.validate()?;
/// let doc = data.document();
/// assert_eq!(doc.number(), "CA12345AB");
/// assert!(!format!("{doc:?}").contains("CA12345")); // Debug masks the number
/// // A document expired before the registration day is refused.
/// form.document.expires_on = Some(date!(2025 - 05 - 04));
/// assert_eq!(
///     form.validate().unwrap_err().to_string(),
///     "document.expires_on: the document expired on 2025-05-04, before the registration day 2026-03-07"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdentityDocument {
    kind: DocumentKind,
    number: String,
    issued_on: Date,
    expires_on: Date,
    issued_by: String,
}

impl IdentityDocument {
    /// The kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::DocumentKind;
    /// form.document.kind = DocumentKind::Passaporto;
    /// assert_eq!(form.validate()?.document().kind(), DocumentKind::Passaporto);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }
    /// The number (upper case).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.document.number = " ca12345ab ".into();
    /// assert_eq!(form.validate()?.document().number(), "CA12345AB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn number(&self) -> &str {
        &self.number
    }
    /// Issue date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.document().issued_on(), date!(2020 - 05 - 04));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn issued_on(&self) -> Date {
        self.issued_on
    }
    /// Expiry date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.document().expires_on(), date!(2031 - 05 - 04));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expires_on(&self) -> Date {
        self.expires_on
    }
    /// Issuing authority or comune.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.document.issued_by = " Comune di Roma ".into();
    /// assert_eq!(form.validate()?.document().issued_by(), "Comune di Roma");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn issued_by(&self) -> &str {
        &self.issued_by
    }
    /// Whether the document is valid on `day`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// let doc = data.document();
    /// assert!(doc.is_valid_on(date!(2026 - 03 - 07)));
    /// assert!(doc.is_valid_on(date!(2031 - 05 - 04))); // the expiry day itself
    /// assert!(!doc.is_valid_on(date!(2031 - 05 - 05)));
    /// assert!(!doc.is_valid_on(date!(2020 - 05 - 03)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_valid_on(&self, day: Date) -> bool {
        self.issued_on <= day && day <= self.expires_on
    }

    fn to_draft(&self) -> DocumentDraft {
        DocumentDraft {
            kind: self.kind,
            number: self.number.clone(),
            issued_on: Some(self.issued_on),
            expires_on: Some(self.expires_on),
            issued_by: self.issued_by.clone(),
        }
    }
}

impl fmt::Debug for IdentityDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdentityDocument")
            .field("kind", &self.kind)
            .field("number", &mask_tail(&self.number, 2))
            .field("issued_on", &self.issued_on)
            .field("expires_on", &self.expires_on)
            .field("issued_by", &self.issued_by)
            .finish()
    }
}

/// The contact channel the prestatore prefers.
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ContactChannel;
/// assert_eq!(ContactChannel::default(), ContactChannel::Mobile);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ContactChannel {
    /// The mobile phone (calls and SMS).
    #[default]
    Mobile,
    /// E-mail.
    Email,
}

/// The contacts as entered (plain data): empty strings are absent values.
///
/// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{ContactChannel, ContactsDraft};
/// let c = ContactsDraft {
///     mobile: "333 1234567".into(),
///     email: String::new(),
///     preferred: ContactChannel::Mobile,
///     hours: "10:00-18:00".into(),
/// };
/// assert!(c.validate().is_ok());
/// let no_mobile = ContactsDraft { mobile: String::new(), ..c };
/// assert_eq!(no_mobile.validate().unwrap_err().to_string(), "contacts.mobile: is missing");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ContactsDraft {
    /// The mobile number (mandatory).
    pub mobile: String,
    /// The e-mail address (optional: empty).
    pub email: String,
    /// The preferred channel.
    pub preferred: ContactChannel,
    /// The contact time band, e.g. `10:00-18:00` (optional: empty).
    pub hours: String,
}

impl fmt::Debug for ContactsDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContactsDraft")
            .field("mobile", &mask_tail(&self.mobile, 3))
            .field("email", &mask_tail(&self.email, 0))
            .field("preferred", &self.preferred)
            .field("hours", &self.hours)
            .finish()
    }
}

impl ContactsDraft {
    /// Validates the contacts alone (e.g. for a change while the registration is active).
    ///
    /// # Errors
    ///
    /// Every problem, under `contacts.*` paths.
    ///
    /// Legal basis: REG-DATA-PRESTATORE (mobile mandatory, e-mail optional).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ContactsDraft;
    /// let ok = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// assert_eq!(ok.mobile().as_str(), "+393331234567");
    /// assert!(ContactsDraft::default().validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<Contacts, FieldErrors> {
        let mut problems = Problems::default();
        let contacts = self.check(&mut problems);
        problems.finish()?;
        contacts.ok_or_else(|| FieldErrors(vec![internal("contacts")]))
    }

    fn check(&self, problems: &mut Problems) -> Option<Contacts> {
        let mobile = required("contacts.mobile", &self.mobile, problems)
            .and_then(|m| problems.take("contacts.mobile", m.parse::<Phone>()));
        let email = if self.email.trim().is_empty() {
            Some(None)
        } else {
            problems
                .take("contacts.email", self.email.parse::<Email>())
                .map(Some)
        };
        if self.preferred == ContactChannel::Email && self.email.trim().is_empty() {
            problems.push(
                "contacts.preferred",
                "e-mail is preferred but no e-mail is given",
            );
        }
        let hours = if self.hours.trim().is_empty() {
            Some(None)
        } else {
            problems
                .take("contacts.hours", self.hours.parse::<TimeBand>())
                .map(Some)
        };
        Some(Contacts {
            mobile: mobile?,
            email: email?,
            preferred: self.preferred,
            hours: hours?,
        })
    }
}

/// Validated contacts: mobile (mandatory), e-mail, preferred channel, time band. `Debug` masks
/// the number and the address.
///
/// Legal basis: REG-DATA-PRESTATORE (contacts used for the notices of each prestazione).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{ContactChannel, ContactsDraft};
/// let draft = ContactsDraft {
///     mobile: "333 1234567".into(),
///     email: "mario.rossi@example.it".into(),
///     preferred: ContactChannel::Email,
///     hours: "10:00-18:00".into(),
/// };
/// let contacts = draft.validate()?;
/// assert_eq!(contacts.preferred(), ContactChannel::Email);
/// assert!(!format!("{contacts:?}").contains("1234567")); // Debug masks the number
/// // E-mail preferred without an e-mail address is refused.
/// let no_email = ContactsDraft { email: String::new(), ..draft };
/// assert_eq!(
///     no_email.validate().unwrap_err().to_string(),
///     "contacts.preferred: e-mail is preferred but no e-mail is given"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "ContactsDraft", try_from = "ContactsDraft")
)]
pub struct Contacts {
    mobile: Phone,
    email: Option<Email>,
    preferred: ContactChannel,
    hours: Option<TimeBand>,
}

impl Contacts {
    /// The mobile number.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ContactsDraft;
    /// let contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// assert_eq!(contacts.mobile().as_str(), "+393331234567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn mobile(&self) -> &Phone {
        &self.mobile
    }
    /// The e-mail address.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ContactsDraft;
    /// let draft = ContactsDraft {
    ///     mobile: "333 1234567".into(),
    ///     email: "mario.rossi@example.it".into(),
    ///     ..ContactsDraft::default()
    /// };
    /// assert_eq!(draft.validate()?.email().map(|e| e.as_str()), Some("mario.rossi@example.it"));
    /// let without = ContactsDraft { email: String::new(), ..draft };
    /// assert!(without.validate()?.email().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
    /// The preferred channel.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{ContactChannel, ContactsDraft};
    /// let contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() }
    ///     .validate()?;
    /// assert_eq!(contacts.preferred(), ContactChannel::Mobile); // the default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn preferred(&self) -> ContactChannel {
        self.preferred
    }
    /// The contact time band.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::ContactsDraft;
    /// let draft = ContactsDraft {
    ///     mobile: "333 1234567".into(),
    ///     hours: "10:00-18:00".into(),
    ///     ..ContactsDraft::default()
    /// };
    /// assert_eq!(
    ///     draft.validate()?.hours().map(|h| h.to_string()),
    ///     Some("10:00-18:00".to_owned())
    /// );
    /// let any_time = ContactsDraft { hours: String::new(), ..draft };
    /// assert!(any_time.validate()?.hours().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn hours(&self) -> Option<TimeBand> {
        self.hours
    }
}

impl From<Contacts> for ContactsDraft {
    fn from(c: Contacts) -> ContactsDraft {
        ContactsDraft {
            mobile: c.mobile.to_string(),
            email: c.email.map(|e| e.to_string()).unwrap_or_default(),
            preferred: c.preferred,
            hours: c.hours.map(|h| h.to_string()).unwrap_or_default(),
        }
    }
}

impl TryFrom<ContactsDraft> for Contacts {
    type Error = FieldErrors;
    fn try_from(draft: ContactsDraft) -> Result<Contacts, FieldErrors> {
        draft.validate()
    }
}

/// The kind of account an IBAN credit goes to.
///
/// Legal basis: INPS circ. 107/2017 (PAY-MODES: conto corrente, libretto postale or
/// prepaid card with IBAN, in the prestatore's name or joint name).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::AccountKind;
/// assert_eq!(AccountKind::default(), AccountKind::ContoCorrente);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum AccountKind {
    /// Conto corrente (bank or postal).
    #[default]
    ContoCorrente,
    /// Libretto postale.
    LibrettoPostale,
    /// Prepaid card with IBAN.
    CartaConIban,
}

/// The payment method as entered (plain data).
///
/// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis; INPS msg 410/2023 (PAY-MODES, reading R-FEES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccountKind, PaymentDraft, PaymentMode};
/// let p = PaymentDraft {
///     mode: PaymentMode::IbanCredit,
///     iban: "IT60X0542811101000000123456".into(),
///     account: AccountKind::ContoCorrente,
///     held_by_prestatore: true,
/// };
/// assert_eq!(p.mode, PaymentMode::IbanCredit);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PaymentDraft {
    /// The chosen mode.
    pub mode: PaymentMode,
    /// The IBAN, for [`PaymentMode::IbanCredit`] (otherwise ignored).
    pub iban: String,
    /// The kind of account, for [`PaymentMode::IbanCredit`].
    pub account: AccountKind,
    /// The prestatore declares that the account is in their name (alone or jointly).
    pub held_by_prestatore: bool,
}

impl Default for PaymentDraft {
    fn default() -> Self {
        PaymentDraft {
            mode: PaymentMode::BonificoDomiciliato,
            iban: String::new(),
            account: AccountKind::ContoCorrente,
            held_by_prestatore: false,
        }
    }
}

impl fmt::Debug for PaymentDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentDraft")
            .field("mode", &self.mode)
            .field("iban", &mask_tail(&self.iban, 4))
            .field("account", &self.account)
            .field("held_by_prestatore", &self.held_by_prestatore)
            .finish()
    }
}

impl PaymentDraft {
    /// Validates the payment method for use from `day` (payment at a post office exists only
    /// where [`Rules::fee_post_office`] is in force, from 12/8/2018).
    ///
    /// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis (PAY-MODES, reading R-FEES).
    ///
    /// # Errors
    ///
    /// Every problem, under `payment.*` paths.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PaymentDraft, PaymentMode, Rules};
    /// use time::macros::date;
    /// let office = PaymentDraft { mode: PaymentMode::PostOffice, ..PaymentDraft::default() };
    /// assert!(office.validate(Rules::in_force_on(date!(2026 - 03 - 07))?).is_ok());
    /// assert!(office.validate(Rules::in_force_on(date!(2018 - 01 - 10))?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, rules: &Rules) -> Result<PaymentMethod, FieldErrors> {
        let mut problems = Problems::default();
        let method = self.check(rules, &mut problems);
        problems.finish()?;
        method.ok_or_else(|| FieldErrors(vec![internal("payment")]))
    }

    fn check(&self, rules: &Rules, problems: &mut Problems) -> Option<PaymentMethod> {
        match self.mode {
            PaymentMode::IbanCredit => {
                if !self.held_by_prestatore {
                    problems.push(
                        "payment.held_by_prestatore",
                        "the account must be in the prestatore's name, alone or jointly (INPS circ. 107/2017)",
                    );
                }
                let iban = required("payment.iban", &self.iban, problems)
                    .and_then(|i| problems.take("payment.iban", i.parse::<Iban>()))?;
                self.held_by_prestatore
                    .then_some(PaymentMethod::IbanCredit {
                        iban,
                        account: self.account,
                    })
            }
            PaymentMode::BonificoDomiciliato => Some(PaymentMethod::BonificoDomiciliato),
            PaymentMode::PostOffice => {
                if PaymentMode::PostOffice.fee(rules).is_ok() {
                    Some(PaymentMethod::PostOffice)
                } else {
                    problems.push(
                        "payment.mode",
                        format!(
                            "payment at a post office is not available on {} ({})",
                            rules.valid_from(),
                            rules.fee_post_office.citation
                        ),
                    );
                    None
                }
            }
        }
    }
}

/// A validated payment method: credit to an IBAN (of an account held by the prestatore),
/// bonifico domiciliato, or payment at a post office on the utilizzatore's mandate.
///
/// Legal basis: INPS circ. 107/2017; D.L. 87/2018 art. 2-bis; INPS circ. 103/2018; INPS msg
/// 410/2023 (PAY-MODES, reading R-FEES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccountKind, PaymentMethod, PaymentMode};
/// let m = PaymentMethod::IbanCredit {
///     iban: "IT60X0542811101000000123456".parse()?,
///     account: AccountKind::ContoCorrente,
/// };
/// assert_eq!(m.mode(), PaymentMode::IbanCredit);
/// assert!(format!("{m:?}").contains("IT60"));
/// assert!(!format!("{m:?}").contains("000000123456"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum PaymentMethod {
    /// Credit to the IBAN of a conto corrente, libretto postale or card held by the prestatore
    /// (free).
    IbanCredit {
        /// The IBAN.
        iban: Iban,
        /// The kind of account.
        account: AccountKind,
    },
    /// Bonifico domiciliato, cashed at a post office (fee withheld).
    BonificoDomiciliato,
    /// Payment at a post office on the utilizzatore's mandate (from 12/8/2018, fee withheld).
    PostOffice,
}

impl PaymentMethod {
    /// The data-free mode.
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PaymentMethod, PaymentMode};
    /// assert_eq!(PaymentMethod::PostOffice.mode(), PaymentMode::PostOffice);
    /// ```
    #[must_use]
    pub fn mode(&self) -> PaymentMode {
        match self {
            PaymentMethod::IbanCredit { .. } => PaymentMode::IbanCredit,
            PaymentMethod::BonificoDomiciliato => PaymentMode::BonificoDomiciliato,
            PaymentMethod::PostOffice => PaymentMode::PostOffice,
        }
    }

    /// The fee INPS withholds for one payment under `rules` (IBAN credit free; bonifico
    /// domiciliato 2,60 then 3,84 from 27/1/2023; post office 1,75 from 12/8/2018), or `None`
    /// where the mode is not in force.
    ///
    /// Legal basis: PAY-MODES, reading R-FEES.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, PaymentMethod, Rules};
    /// use time::macros::date;
    /// let m = PaymentMethod::BonificoDomiciliato;
    /// assert_eq!(m.fee(Rules::in_force_on(date!(2023 - 01 - 26))?), Some(Euro::from_cents(260)));
    /// assert_eq!(m.fee(Rules::in_force_on(date!(2023 - 01 - 27))?), Some(Euro::from_cents(384)));
    /// assert_eq!(PaymentMethod::PostOffice.fee(Rules::in_force_on(date!(2018 - 01 - 10))?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn fee(&self, rules: &Rules) -> Option<Euro> {
        self.mode().fee(rules).ok()
    }

    fn to_draft(&self) -> PaymentDraft {
        match self {
            PaymentMethod::IbanCredit { iban, account } => PaymentDraft {
                mode: PaymentMode::IbanCredit,
                iban: iban.to_string(),
                account: *account,
                held_by_prestatore: true,
            },
            other => PaymentDraft {
                mode: other.mode(),
                ..PaymentDraft::default()
            },
        }
    }
}

/// The parental consent for a minor, as entered (plain data).
///
/// Legal basis: ELIG-AGE, reading R-MINORS (under 18 the registration records parental
/// consent).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::ParentalConsentDraft;
/// use time::macros::date;
/// let c = ParentalConsentDraft {
///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
///     parent_name: "Giovanni Bianchi".into(),
///     given_on: Some(date!(2026 - 03 - 01)),
/// };
/// assert_eq!(c.given_on, Some(date!(2026 - 03 - 01)));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ParentalConsentDraft {
    /// The codice fiscale of the parent or guardian.
    pub parent_codice_fiscale: String,
    /// The parent's full name.
    pub parent_name: String,
    /// The day of the consent.
    pub given_on: Option<Date>,
}

impl fmt::Debug for ParentalConsentDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParentalConsentDraft")
            .field(
                "parent_codice_fiscale",
                &mask_tail(&self.parent_codice_fiscale, 4),
            )
            .field("parent_name", &Name(&self.parent_name))
            .field("given_on", &self.given_on)
            .finish()
    }
}

/// A validated parental consent as the registration records it: the [`ParentalConsent`] of the
/// parties module (who gave it and when) plus the parent's codice fiscale, which the
/// registration form asks for and eligibility does not need.
///
/// The two types stay apart because [`Prestatore`] is built by hosts that never saw a
/// registration form (and may not know the parent's codice fiscale); the record wraps the
/// party's consent rather than duplicating it, so [`ParentalConsentRecord::consent`] is the
/// value [`RegistrationData::to_prestatore`] carries over.
///
/// Legal basis: ELIG-AGE, reading R-MINORS (under 18 the registration records parental
/// consent).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{ParentalConsentDraft, RegistrationDraft};
/// use time::macros::date;
///
/// let mut draft =
///     RegistrationDraft::new(date!(2026 - 03 - 07), prestazioni_occasionali::AccessChannel::Cie);
/// draft.parental_consent = Some(ParentalConsentDraft {
///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
///     parent_name: "Giovanni Bianchi".into(),
///     given_on: Some(date!(2026 - 03 - 01)),
/// });
/// // The rest of the form is missing, so no record is built; see
/// // `RegistrationData::parental_consent` for a complete one.
/// assert!(draft.validate().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParentalConsentRecord {
    parent: CodiceFiscale,
    consent: ParentalConsent,
}

impl ParentalConsentRecord {
    /// The parent's codice fiscale.
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::ParentalConsentDraft;
    /// // Luca, 16 on the registration day, registers with his father's consent.
    /// (form.codice_fiscale, form.birth_date) =
    ///     ("RSSMRA09T10A562E".into(), Some(date!(2009 - 12 - 10)));
    /// form.parental_consent = Some(ParentalConsentDraft {
    ///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
    ///     parent_name: "Giovanni Bianchi".into(),
    ///     given_on: Some(date!(2026 - 03 - 01)),
    /// });
    /// let data = form.validate()?;
    /// let consent = data.parental_consent().ok_or("no consent")?;
    /// assert_eq!(consent.parent(), "BNCGNN60A01H501P".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parent(&self) -> CodiceFiscale {
        self.parent
    }
    /// The parent's name.
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::ParentalConsentDraft;
    /// // Luca, 16 on the registration day, registers with his father's consent.
    /// (form.codice_fiscale, form.birth_date) =
    ///     ("RSSMRA09T10A562E".into(), Some(date!(2009 - 12 - 10)));
    /// form.parental_consent = Some(ParentalConsentDraft {
    ///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
    ///     parent_name: " Giovanni   Bianchi ".into(),
    ///     given_on: Some(date!(2026 - 03 - 01)),
    /// });
    /// let data = form.validate()?;
    /// let consent = data.parental_consent().ok_or("no consent")?;
    /// assert_eq!(consent.parent_name(), "Giovanni Bianchi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parent_name(&self) -> &str {
        self.consent.by()
    }
    /// The day of the consent.
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::ParentalConsentDraft;
    /// // Luca, 16 on the registration day, registers with his father's consent.
    /// (form.codice_fiscale, form.birth_date) =
    ///     ("RSSMRA09T10A562E".into(), Some(date!(2009 - 12 - 10)));
    /// form.parental_consent = Some(ParentalConsentDraft {
    ///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
    ///     parent_name: "Giovanni Bianchi".into(),
    ///     given_on: Some(date!(2026 - 03 - 01)),
    /// });
    /// let data = form.validate()?;
    /// assert_eq!(data.parental_consent().map(|c| c.given_on()), Some(date!(2026 - 03 - 01)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn given_on(&self) -> Date {
        self.consent.given_on()
    }
    /// The consent as the parties module holds it (for [`Prestatore::with_parental_consent`]).
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::ParentalConsentDraft;
    /// // Luca, 16 on the registration day, registers with his father's consent.
    /// (form.codice_fiscale, form.birth_date) =
    ///     ("RSSMRA09T10A562E".into(), Some(date!(2009 - 12 - 10)));
    /// form.parental_consent = Some(ParentalConsentDraft {
    ///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
    ///     parent_name: "Giovanni Bianchi".into(),
    ///     given_on: Some(date!(2026 - 03 - 01)),
    /// });
    /// let data = form.validate()?;
    /// let consent = data.parental_consent().ok_or("no consent")?.consent();
    /// // The same value the prestatore carries into the eligibility checks.
    /// assert_eq!(data.to_prestatore()?.parental_consent(), Some(consent));
    /// assert_eq!(consent.by(), "Giovanni Bianchi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn consent(&self) -> &ParentalConsent {
        &self.consent
    }
}

/// The registration form of a prestatore as entered or pre-filled (plain data, public fields;
/// empty strings and `None` are missing values). [`RegistrationDraft::validate`] turns it into
/// [`RegistrationData`], reporting every problem at once. `Debug` masks the codice fiscale,
/// IBAN, phone, e-mail and document number.
///
/// Legal basis: REG-DATA-PRESTATORE, ELIG-SELFCERT, ELIG-AGE (R-MINORS), PAY-MODES (R-FEES),
/// REG-AUTH; the older INPS registration guide (steps 2-3).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AccessChannel, SpidLevel, RegistrationDraft};
/// use time::macros::date;
///
/// let mut draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Spid { level: SpidLevel::L2 });
/// draft.codice_fiscale = "RSSMRA85T10A562S".into();
/// assert!(!format!("{draft:?}").contains("RSSMRA85T10A562S"));
/// assert!(draft.validate().is_err()); // most fields still missing
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RegistrationDraft {
    /// The day of registration (the document must be valid on it; the rules in force on it
    /// decide the accepted channels and payment modes).
    pub registered_on: Date,
    /// The access channel.
    pub access: AccessChannel,
    /// Codice fiscale.
    pub codice_fiscale: String,
    /// First name(s).
    pub first_name: String,
    /// Last name(s).
    pub last_name: String,
    /// Birth date (must agree with the codice fiscale).
    pub birth_date: Option<Date>,
    /// Birthplace, as its Belfiore code (must agree with the codice fiscale).
    pub birthplace: String,
    /// Sex (must agree with the codice fiscale).
    pub sex: Option<Sex>,
    /// Residence.
    pub residence: AddressDraft,
    /// Domicile when different from the residence: it then receives the communications about
    /// payments.
    pub domicile: Option<AddressDraft>,
    /// The identity document.
    pub document: DocumentDraft,
    /// Mobile (mandatory), e-mail, preferred channel, time band.
    pub contacts: ContactsDraft,
    /// The privacy consent ("letto e autorizzato"), mandatory.
    pub privacy_consent: bool,
    /// The comma-8 self-certifications with their dates (none is lawful, reading R-CATEGORY-OPTIONAL).
    pub self_certifications: Vec<SelfCertification>,
    /// The payment method.
    pub payment: PaymentDraft,
    /// The parental consent, required for a minor (reading R-MINORS).
    pub parental_consent: Option<ParentalConsentDraft>,
}

impl fmt::Debug for RegistrationDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistrationDraft")
            .field("registered_on", &self.registered_on)
            .field("access", &self.access)
            .field("codice_fiscale", &mask_tail(&self.codice_fiscale, 4))
            .field("first_name", &Name(&self.first_name))
            .field("last_name", &Name(&self.last_name))
            .field("birth_date", &MaybeBirthDate(self.birth_date))
            .field("birthplace", &self.birthplace)
            .field("sex", &self.sex)
            .field("residence", &self.residence)
            .field("domicile", &self.domicile)
            .field("document", &self.document)
            .field("contacts", &self.contacts)
            .field("privacy_consent", &self.privacy_consent)
            .field("self_certifications", &self.self_certifications)
            .field("payment", &self.payment)
            .field("parental_consent", &self.parental_consent)
            .finish()
    }
}

impl RegistrationDraft {
    /// An empty form for a registration made on `registered_on` through `access`.
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, SpidLevel, PaymentMode, RegistrationDraft};
    /// use time::macros::date;
    /// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Spid { level: SpidLevel::L2 });
    /// assert_eq!(draft.registered_on, date!(2026 - 03 - 07));
    /// assert!(draft.codice_fiscale.is_empty() && !draft.privacy_consent);
    /// assert_eq!(draft.payment.mode, PaymentMode::BonificoDomiciliato);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(registered_on: Date, access: AccessChannel) -> RegistrationDraft {
        RegistrationDraft {
            registered_on,
            access,
            codice_fiscale: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            birth_date: None,
            birthplace: String::new(),
            sex: None,
            residence: AddressDraft::default(),
            domicile: None,
            document: DocumentDraft::default(),
            contacts: ContactsDraft::default(),
            privacy_consent: false,
            self_certifications: Vec::new(),
            payment: PaymentDraft::default(),
            parental_consent: None,
        }
    }

    /// Validates the form with the embedded rules in force on
    /// [`registered_on`](RegistrationDraft::registered_on).
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Errors
    ///
    /// [`FieldErrors`] listing every problem, each with the field's path and reason.
    ///
    /// # Examples
    ///
    /// See [`Registration`](crate::Registration) for a complete form.
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, RegistrationDraft};
    /// use time::macros::date;
    /// let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// let problems = draft.validate().unwrap_err();
    /// assert_eq!(
    ///     problems.of("privacy_consent").next().unwrap().reason,
    ///     "the consent \"letto e autorizzato\" is mandatory"
    /// );
    /// ```
    pub fn validate(&self) -> Result<RegistrationData, FieldErrors> {
        match Rules::in_force_on(self.registered_on) {
            Ok(rules) => self.validate_with(rules),
            Err(e) => Err(FieldErrors(vec![FieldError {
                path: "registered_on".to_owned(),
                reason: e.to_string(),
            }])),
        }
    }

    /// Validates the form with the given `rules` (e.g. from a host's table), which should be
    /// those in force on the registration day.
    ///
    /// Besides each field's own form, the birth date, sex, birthplace, surname and name must
    /// agree with the codice fiscale: surname and name must give its letters 1-3 and 4-6
    /// (computed as by [`CodiceFiscale::encode`]; omocodia never changes them), as the INPS
    /// registry checks the anagrafica.
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Errors
    ///
    /// [`FieldErrors`] listing every problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AccessChannel, ParentalConsentDraft, RegistrationDraft, Rules};
    /// use time::macros::date;
    /// # use prestazioni_occasionali::{AddressDraft, ContactsDraft, DocumentDraft, Sex};
    /// # fn form() -> RegistrationDraft {
    /// #     let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// #     d.codice_fiscale = "RSSMRA85T10A562S".into();
    /// #     d.first_name = "Mario".into();
    /// #     d.last_name = "Rossi".into();
    /// #     d.birth_date = Some(date!(1985 - 12 - 10));
    /// #     d.birthplace = "A562".into();
    /// #     d.sex = Some(Sex::Male);
    /// #     d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// #     d.document = DocumentDraft {
    /// #         number: "CA12345AB".into(),
    /// #         issued_on: Some(date!(2020 - 05 - 04)),
    /// #         expires_on: Some(date!(2031 - 05 - 04)),
    /// #         issued_by: "Comune di Roma".into(),
    /// #         ..DocumentDraft::default()
    /// #     };
    /// #     d.contacts = ContactsDraft { mobile: "333 1234567".into(), hours: "10:00-18:00".into(), ..ContactsDraft::default() };
    /// #     d.privacy_consent = true;
    /// #     d
    /// # }
    ///
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// // The name must give the code's letters 4-6 (MRA for Mario).
    /// let mut misnamed = form();
    /// misnamed.first_name = "Luca".into();
    /// let problems = misnamed.validate_with(rules).unwrap_err();
    /// assert_eq!(
    ///     problems.of("first_name").next().map(|p| p.reason.as_str()),
    ///     Some("name letters LCU do not match the codice fiscale, which encodes MRA")
    /// );
    ///
    /// // A minor (16 on the registration day) needs a parental consent.
    /// let mut luca = form();
    /// luca.codice_fiscale = "RSSMRA09T10A562E".into();
    /// luca.birth_date = Some(date!(2009 - 12 - 10));
    /// assert!(luca.validate_with(rules).is_err());
    /// luca.parental_consent = Some(ParentalConsentDraft {
    ///     parent_codice_fiscale: "BNCGNN60A01H501P".into(),
    ///     parent_name: "Giovanni Bianchi".into(),
    ///     given_on: Some(date!(2026 - 03 - 01)),
    /// });
    /// let data = luca.validate_with(rules)?;
    /// let consent = data.parental_consent().ok_or("no consent")?;
    /// assert_eq!(consent.parent().to_string(), "BNCGNN60A01H501P");
    /// assert_eq!((consent.parent_name(), consent.given_on()), ("Giovanni Bianchi", date!(2026 - 03 - 01)));
    /// assert_eq!(consent.consent().by(), "Giovanni Bianchi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::too_many_lines)]
    pub fn validate_with(&self, rules: &Rules) -> Result<RegistrationData, FieldErrors> {
        let on = self.registered_on;
        let mut p = Problems::default();
        if let Err(reason) = self.access.check(rules) {
            p.push("access", reason);
        }
        let cf = required("codice_fiscale", &self.codice_fiscale, &mut p)
            .and_then(|c| p.take("codice_fiscale", CodiceFiscale::parse(c)));
        let cf = match cf {
            Some(cf) if cf.kind() != crate::identity::CodiceFiscaleKind::Personale => {
                p.push(
                    "codice_fiscale",
                    "a prestatore needs a personal codice fiscale, not a provisional one",
                );
                None
            }
            other => other,
        };
        let first_name = name_field("first_name", &self.first_name, &mut p);
        let last_name = name_field("last_name", &self.last_name, &mut p);
        // The letters of surname and name must be those of the code (D.M. 23/12/1976), as the
        // INPS registry checks the anagrafica.
        for (path, part, name) in [
            ("last_name", NamePart::Surname, &last_name),
            ("first_name", NamePart::Name, &first_name),
        ] {
            if let (Some(cf), Some(name)) = (cf, name)
                && let Err(e) = cf.check_name_part(part, name)
            {
                p.push(path, e);
            }
        }
        let birth_date = match self.birth_date {
            None => {
                p.push("birth_date", "is missing");
                None
            }
            Some(d) if d > on => {
                p.push(
                    "birth_date",
                    format!("{d} is after the registration day {on}"),
                );
                None
            }
            Some(d) => Some(d),
        };
        if self.sex.is_none() {
            p.push("sex", "is missing");
        }
        if let (Some(cf), Some(date), Some(sex)) = (cf, birth_date, self.sex)
            && let Err(e) = cf.check_birth(date, sex)
        {
            let path = if matches!(e, crate::identity::CodiceFiscaleError::SexMismatch { .. }) {
                "sex"
            } else {
                "birth_date"
            };
            p.push(path, e);
        }
        let birthplace = required("birthplace", &self.birthplace, &mut p)
            .and_then(|b| p.take("birthplace", b.parse::<BelfioreCode>()));
        if let (Some(cf), Some(place)) = (cf, birthplace)
            && let Err(e) = cf.check_birthplace(place)
        {
            p.push("birthplace", e);
        }
        #[cfg(feature = "belfiore")]
        if let (Some(place), Some(date)) = (birthplace, birth_date)
            && !place.is_attributable(date)
        {
            p.push(
                "birthplace",
                format!("{place} is not a comune or foreign state that existed on {date}"),
            );
        }
        let residence = self.residence.check("residence", &mut p);
        let domicile = match &self.domicile {
            None => Some(None),
            Some(d) => d.check("domicile", &mut p).map(Some),
        };
        let document = self.document.check(on, &mut p);
        let contacts = self.contacts.check(&mut p);
        if !self.privacy_consent {
            p.push(
                "privacy_consent",
                "the consent \"letto e autorizzato\" is mandatory",
            );
        }
        let payment = self.payment.check(rules, &mut p);
        let parental_consent = self
            .check_parental_consent(cf, birth_date, rules, &mut p)
            .ok();
        p.finish()?;
        match (
            cf,
            first_name,
            last_name,
            birth_date,
            birthplace,
            self.sex,
            residence,
            domicile,
            document,
            contacts,
            payment,
            parental_consent,
        ) {
            (
                Some(codice_fiscale),
                Some(first_name),
                Some(last_name),
                Some(birth_date),
                Some(birthplace),
                Some(sex),
                Some(residence),
                Some(domicile),
                Some(document),
                Some(contacts),
                Some(payment),
                Some(parental_consent),
            ) => Ok(RegistrationData {
                registered_on: on,
                access: self.access,
                codice_fiscale,
                first_name,
                last_name,
                birth_date,
                birthplace,
                sex,
                residence,
                domicile,
                document,
                contacts,
                self_certifications: self.self_certifications.clone(),
                payment,
                parental_consent,
            }),
            _ => Err(FieldErrors(vec![internal("registration")])),
        }
    }

    fn check_parental_consent(
        &self,
        cf: Option<CodiceFiscale>,
        birth_date: Option<Date>,
        rules: &Rules,
        p: &mut Problems,
    ) -> Result<Option<ParentalConsentRecord>, ()> {
        let minor = birth_date
            .and_then(|b| age_on(b, self.registered_on))
            .is_some_and(|age| age < rules.parental_consent_below_age.value);
        let age = birth_date.and_then(|b| age_on(b, self.registered_on));
        if let (Some(_), Some(age)) = (&self.parental_consent, age)
            && !minor
        {
            p.push(
                "parental_consent",
                format!(
                    "is recorded only below age {}, and the prestatore is {age} on the registration day ({}: {})",
                    rules.parental_consent_below_age.value,
                    RuleId::EligAge,
                    rules.parental_consent_below_age.citation
                ),
            );
            return Err(());
        }
        let Some(consent) = &self.parental_consent else {
            if minor {
                p.push(
                    "parental_consent",
                    format!(
                        "is required below age {} ({})",
                        rules.parental_consent_below_age.value,
                        rules.parental_consent_below_age.citation
                    ),
                );
                return Err(());
            }
            return Ok(None);
        };
        let parent = required(
            "parental_consent.parent_codice_fiscale",
            &consent.parent_codice_fiscale,
            p,
        )
        .and_then(|c| {
            p.take(
                "parental_consent.parent_codice_fiscale",
                CodiceFiscale::parse(c),
            )
        });
        let parent = match (parent, cf) {
            (Some(parent), Some(cf)) if parent.same_holder(&cf) => {
                p.push(
                    "parental_consent.parent_codice_fiscale",
                    "is the prestatore's own codice fiscale",
                );
                None
            }
            (parent, _) => parent,
        };
        let name = name_field("parental_consent.parent_name", &consent.parent_name, p);
        let given_on = match consent.given_on {
            None => {
                p.push("parental_consent.given_on", "is missing");
                None
            }
            Some(d) if d > self.registered_on => {
                p.push(
                    "parental_consent.given_on",
                    format!("{d} is after the registration day {}", self.registered_on),
                );
                None
            }
            Some(d) if birth_date.is_some_and(|b| d < b) => {
                p.push(
                    "parental_consent.given_on",
                    format!("{d} is before the prestatore's birth"),
                );
                None
            }
            Some(d) => Some(d),
        };
        let consent = match (name, given_on) {
            (Some(name), Some(given_on)) => p.take(
                "parental_consent.parent_name",
                ParentalConsent::new(given_on, &name),
            ),
            _ => None,
        };
        match (parent, consent) {
            (Some(parent), Some(consent)) => Ok(Some(ParentalConsentRecord { parent, consent })),
            _ => Err(()),
        }
    }
}

/// The validated registration data of a prestatore: every field present and consistent (birth
/// data and birthplace agree with the codice fiscale, the document is valid on the registration
/// day, the consent is given, parental consent for a minor, the payment mode exists on the
/// registration day). Built only by [`RegistrationDraft::validate`] (also through serde, which
/// goes through the draft and checks it against the embedded rules table) or
/// [`RegistrationDraft::validate_with`] under a host's table: a host whose table accepts what
/// the embedded one refuses (a lower SPID level, say) stores the draft
/// (`RegistrationDraft::from(data)`) and validates it again with its table when it reads it back.
/// `Debug` masks personal data.
///
/// Legal basis: REG-DATA-PRESTATORE.
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
/// # use time::macros::date;
/// # fn form() -> RegistrationDraft {
/// #     let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
/// #     d.codice_fiscale = "RSSMRA85T10A562S".into();
/// #     d.first_name = "Mario".into();
/// #     d.last_name = "Rossi".into();
/// #     d.birth_date = Some(date!(1985 - 12 - 10));
/// #     d.birthplace = "A562".into();
/// #     d.sex = Some(Sex::Male);
/// #     d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
/// #     d.document = DocumentDraft {
/// #         number: "CA12345AB".into(),
/// #         issued_on: Some(date!(2020 - 05 - 04)),
/// #         expires_on: Some(date!(2031 - 05 - 04)),
/// #         issued_by: "Comune di Roma".into(),
/// #         ..DocumentDraft::default()
/// #     };
/// #     d.contacts = ContactsDraft { mobile: "333 1234567".into(), hours: "10:00-18:00".into(), ..ContactsDraft::default() };
/// #     d.privacy_consent = true;
/// #     d
/// # }
/// use prestazioni_occasionali::{ContactChannel, DocumentKind, PaymentMode};
///
/// let data = form().validate()?;
/// assert_eq!(data.registered_on(), date!(2026 - 03 - 07));
/// assert_eq!(data.access(), AccessChannel::Cie);
/// assert_eq!(data.codice_fiscale().to_string(), "RSSMRA85T10A562S");
/// assert_eq!((data.first_name(), data.last_name()), ("Mario", "Rossi"));
/// assert_eq!(data.birth_date(), date!(1985 - 12 - 10));
/// assert_eq!(data.birthplace().to_string(), "A562");
/// assert_eq!(data.sex(), Sex::Male);
/// let home = data.residence();
/// assert_eq!(
///     (home.comune(), home.provincia().to_string(), home.street(), home.house_number()),
///     ("Roma", "RM".to_owned(), "Via Po", "12")
/// );
/// assert_eq!(home.cap().to_string(), "00198");
/// assert!(data.domicile().is_none());
/// assert_eq!(data.payment_correspondence_address(), home);
/// let doc = data.document();
/// assert_eq!(
///     (doc.kind(), doc.number(), doc.issued_by()),
///     (DocumentKind::default(), "CA12345AB", "Comune di Roma")
/// );
/// assert_eq!((doc.issued_on(), doc.expires_on()), (date!(2020 - 05 - 04), date!(2031 - 05 - 04)));
/// assert!(doc.is_valid_on(date!(2026 - 03 - 07)) && !doc.is_valid_on(date!(2031 - 05 - 05)));
/// let contacts = data.contacts();
/// assert_eq!(contacts.mobile().as_str(), "+393331234567");
/// assert!(contacts.email().is_none());
/// assert_eq!(contacts.preferred(), ContactChannel::default());
/// assert_eq!(contacts.hours().map(|h| h.to_string()), Some("10:00-18:00".to_owned()));
/// assert!(data.self_certifications().is_empty());
/// assert_eq!(data.payment().mode(), PaymentMode::BonificoDomiciliato);
/// assert!(data.parental_consent().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "RegistrationDraft", try_from = "RegistrationDraft")
)]
pub struct RegistrationData {
    registered_on: Date,
    access: AccessChannel,
    codice_fiscale: CodiceFiscale,
    first_name: String,
    last_name: String,
    birth_date: Date,
    birthplace: BelfioreCode,
    sex: Sex,
    residence: Address,
    domicile: Option<Address>,
    document: IdentityDocument,
    contacts: Contacts,
    self_certifications: Vec<SelfCertification>,
    payment: PaymentMethod,
    parental_consent: Option<ParentalConsentRecord>,
}

impl fmt::Debug for RegistrationData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistrationData")
            .field("registered_on", &self.registered_on)
            .field("access", &self.access)
            .field("codice_fiscale", &self.codice_fiscale)
            .field("first_name", &Name(&self.first_name))
            .field("last_name", &Name(&self.last_name))
            .field("birth_date", &BirthDate(self.birth_date))
            .field("birthplace", &self.birthplace)
            .field("sex", &self.sex)
            .field("residence", &self.residence)
            .field("domicile", &self.domicile)
            .field("document", &self.document)
            .field("contacts", &self.contacts)
            .field("self_certifications", &self.self_certifications)
            .field("payment", &self.payment)
            .field("parental_consent", &self.parental_consent)
            .finish()
    }
}

impl RegistrationData {
    /// The registration day.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.registered_on(), date!(2026 - 03 - 07));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn registered_on(&self) -> Date {
        self.registered_on
    }
    /// The access channel.
    ///
    /// Legal basis: REG-AUTH.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, SpidLevel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.access = AccessChannel::Spid { level: SpidLevel::L2 };
    /// assert_eq!(form.validate()?.access(), AccessChannel::Spid { level: SpidLevel::L2 });
    /// // SPID level 1 is not accepted.
    /// form.access = AccessChannel::Spid { level: SpidLevel::L1 };
    /// assert!(form.validate().unwrap_err().of("access").next().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn access(&self) -> AccessChannel {
        self.access
    }
    /// The codice fiscale.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.codice_fiscale(), "RSSMRA85T10A562S".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn codice_fiscale(&self) -> CodiceFiscale {
        self.codice_fiscale
    }
    /// First name(s), trimmed.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.first_name = "  Mario   Luigi ".into();
    /// form.codice_fiscale = "RSSMLG85T10A562U".into(); // MLG: the name's 1st, 3rd, 4th consonants
    /// assert_eq!(form.validate()?.first_name(), "Mario Luigi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_name(&self) -> &str {
        &self.first_name
    }
    /// Last name(s), trimmed.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// form.last_name = " De  Rossi".into();
    /// form.codice_fiscale = "DRSMRA85T10A562Q".into();
    /// assert_eq!(form.validate()?.last_name(), "De Rossi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_name(&self) -> &str {
        &self.last_name
    }
    /// Birth date.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.birth_date(), date!(1985 - 12 - 10));
    /// // A birth date the codice fiscale does not encode is refused.
    /// form.birth_date = Some(date!(1985 - 12 - 11));
    /// assert!(form.validate().unwrap_err().of("birth_date").next().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
    /// Birthplace (Belfiore code).
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.birthplace().to_string(), "A562");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn birthplace(&self) -> BelfioreCode {
        self.birthplace
    }
    /// Sex.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.sex(), Sex::Male);
    /// // The codice fiscale encodes the sex: a mismatch is refused.
    /// form.sex = Some(Sex::Female);
    /// assert!(form.validate().unwrap_err().of("sex").next().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sex(&self) -> Sex {
        self.sex
    }
    /// Residence.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.residence().comune(), "Roma");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn residence(&self) -> &Address {
        &self.residence
    }
    /// Domicile, when different from the residence.
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// assert!(form.validate()?.domicile().is_none());
    /// form.domicile = Some(AddressDraft::new("Milano", "MI", "Via Dante", "3", "20121"));
    /// assert_eq!(form.validate()?.domicile().map(|a| a.comune()), Some("Milano"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domicile(&self) -> Option<&Address> {
        self.domicile.as_ref()
    }
    /// Where the communications about payments go: the domicile if given, else the residence.
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// assert_eq!(form.validate()?.payment_correspondence_address().comune(), "Roma");
    /// form.domicile = Some(AddressDraft::new("Milano", "MI", "Via Dante", "3", "20121"));
    /// assert_eq!(form.validate()?.payment_correspondence_address().comune(), "Milano");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_correspondence_address(&self) -> &Address {
        self.domicile.as_ref().unwrap_or(&self.residence)
    }
    /// The identity document.
    ///
    /// Legal basis: REG-DATA-PRESTATORE; the older INPS registration guide (steps 2-3).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.document().issued_by(), "Comune di Roma");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn document(&self) -> &IdentityDocument {
        &self.document
    }
    /// The contacts given at registration.
    ///
    /// Legal basis: REG-DATA-PRESTATORE.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// let data = form.validate()?;
    /// assert_eq!(data.contacts().mobile().as_str(), "+393331234567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contacts(&self) -> &Contacts {
        &self.contacts
    }
    /// The self-certifications given at registration.
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (ELIG-SELFCERT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{Categoria, SelfCertification};
    /// assert!(form.validate()?.self_certifications().is_empty()); // none is lawful
    /// let unemployed =
    ///     SelfCertification::new(Categoria::Disoccupato, date!(2026 - 03 - 07), None)?;
    /// form.self_certifications = vec![unemployed];
    /// assert_eq!(form.validate()?.self_certifications(), &[unemployed]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn self_certifications(&self) -> &[SelfCertification] {
        &self.self_certifications
    }
    /// The payment method chosen at registration.
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// use prestazioni_occasionali::{PaymentDraft, PaymentMode};
    /// form.payment = PaymentDraft {
    ///     mode: PaymentMode::IbanCredit,
    ///     iban: "IT60X0542811101000000123456".into(),
    ///     held_by_prestatore: true,
    ///     ..PaymentDraft::default()
    /// };
    /// assert_eq!(form.validate()?.payment().mode(), PaymentMode::IbanCredit);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment(&self) -> &PaymentMethod {
        &self.payment
    }
    /// The parental consent, for a minor.
    ///
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # let mut form = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// # form.codice_fiscale = "RSSMRA85T10A562S".into();
    /// # (form.first_name, form.last_name) = ("Mario".into(), "Rossi".into());
    /// # (form.birth_date, form.birthplace, form.sex) = (Some(date!(1985 - 12 - 10)), "A562".into(), Some(Sex::Male));
    /// # form.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// # form.document = DocumentDraft {
    /// #     number: "CA12345AB".into(),
    /// #     issued_on: Some(date!(2020 - 05 - 04)),
    /// #     expires_on: Some(date!(2031 - 05 - 04)),
    /// #     issued_by: "Comune di Roma".into(),
    /// #     ..DocumentDraft::default()
    /// # };
    /// # form.contacts = ContactsDraft { mobile: "333 1234567".into(), ..ContactsDraft::default() };
    /// # form.privacy_consent = true;
    /// // `form`: the complete form of Mario Rossi (born 1985), registering with CIE on 2026-03-07.
    /// assert!(form.validate()?.parental_consent().is_none()); // Mario is an adult
    /// // Luca, 16 on the registration day, needs one.
    /// (form.codice_fiscale, form.birth_date) =
    ///     ("RSSMRA09T10A562E".into(), Some(date!(2009 - 12 - 10)));
    /// assert!(form.validate().unwrap_err().of("parental_consent").next().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parental_consent(&self) -> Option<&ParentalConsentRecord> {
        self.parental_consent.as_ref()
    }

    /// The [`Prestatore`] these data describe, as the eligibility and cap checks take it: the
    /// codice fiscale, names, birth date, the self-certifications given at registration and the
    /// parental consent (for a minor). For the self-certifications in force on a later day
    /// (after changes), use [`Registration::prestatore_on`](crate::Registration::prestatore_on).
    ///
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017; REG-DATA-PRESTATORE, ELIG-SELFCERT,
    /// ELIG-AGE (reading R-MINORS).
    ///
    /// # Errors
    ///
    /// A [`PrestatoreError`] if the data break a rule of [`Prestatore::new`] or
    /// [`Prestatore::with_parental_consent`]; validated data always pass (registration checks
    /// the same things, and more strictly), so this is a safety net rather than a case to
    /// handle.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{AccessChannel, AddressDraft, ContactsDraft, DocumentDraft, RegistrationDraft, Sex};
    /// # use time::macros::date;
    /// # fn form() -> RegistrationDraft {
    /// #     let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    /// #     d.codice_fiscale = "RSSMRA85T10A562S".into();
    /// #     d.first_name = "Mario".into();
    /// #     d.last_name = "Rossi".into();
    /// #     d.birth_date = Some(date!(1985 - 12 - 10));
    /// #     d.birthplace = "A562".into();
    /// #     d.sex = Some(Sex::Male);
    /// #     d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    /// #     d.document = DocumentDraft {
    /// #         number: "CA12345AB".into(),
    /// #         issued_on: Some(date!(2020 - 05 - 04)),
    /// #         expires_on: Some(date!(2031 - 05 - 04)),
    /// #         issued_by: "Comune di Roma".into(),
    /// #         ..DocumentDraft::default()
    /// #     };
    /// #     d.contacts = ContactsDraft { mobile: "333 1234567".into(), hours: "10:00-18:00".into(), ..ContactsDraft::default() };
    /// #     d.privacy_consent = true;
    /// #     d
    /// # }
    /// let data = form().validate()?;
    /// let mario = data.to_prestatore()?;
    /// assert_eq!((mario.first_name(), mario.last_name()), ("Mario", "Rossi"));
    /// assert_eq!(mario.birth_date(), date!(1985 - 12 - 10));
    /// assert!(mario.parental_consent().is_none());
    /// // An incomplete form gives no data, hence no prestatore.
    /// assert!(
    ///     RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie).validate().is_err()
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_prestatore(&self) -> Result<Prestatore, PrestatoreError> {
        self.prestatore_with(&self.self_certifications)
    }

    /// [`RegistrationData::to_prestatore`] with the self-certifications given.
    pub(crate) fn prestatore_with(
        &self,
        certifications: &[SelfCertification],
    ) -> Result<Prestatore, PrestatoreError> {
        let mut prestatore = Prestatore::new(
            self.codice_fiscale,
            &self.first_name,
            &self.last_name,
            self.birth_date,
        )?;
        for certification in certifications {
            prestatore = prestatore.with_self_certification(*certification);
        }
        if let Some(record) = &self.parental_consent {
            prestatore = prestatore.with_parental_consent(record.consent.clone())?;
        }
        Ok(prestatore)
    }
}

impl From<RegistrationData> for RegistrationDraft {
    fn from(d: RegistrationData) -> RegistrationDraft {
        RegistrationDraft {
            registered_on: d.registered_on,
            access: d.access,
            codice_fiscale: d.codice_fiscale.to_string(),
            first_name: d.first_name,
            last_name: d.last_name,
            birth_date: Some(d.birth_date),
            birthplace: d.birthplace.to_string(),
            sex: Some(d.sex),
            residence: d.residence.to_draft(),
            domicile: d.domicile.as_ref().map(Address::to_draft),
            document: d.document.to_draft(),
            contacts: d.contacts.into(),
            privacy_consent: true,
            self_certifications: d.self_certifications,
            payment: d.payment.to_draft(),
            parental_consent: d.parental_consent.map(|c| ParentalConsentDraft {
                parent_codice_fiscale: c.parent.to_string(),
                parent_name: c.parent_name().to_owned(),
                given_on: Some(c.given_on()),
            }),
        }
    }
}

impl TryFrom<RegistrationDraft> for RegistrationData {
    type Error = FieldErrors;
    fn try_from(draft: RegistrationDraft) -> Result<RegistrationData, FieldErrors> {
        draft.validate()
    }
}

/// A mandatory text: trimmed, non-empty. `None` (with a problem) when missing.
fn required<'a>(path: &str, value: &'a str, p: &mut Problems) -> Option<&'a str> {
    let value = value.trim();
    if value.is_empty() {
        p.push(path, "is missing");
        None
    } else {
        Some(value)
    }
}

/// A mandatory free text of at most [`MAX_TEXT`] characters without control characters.
fn text_field(path: &str, value: &str, p: &mut Problems) -> Option<String> {
    let value = required(path, value, p)?;
    if value.chars().count() > MAX_TEXT {
        p.push(path, "is longer than 100 characters");
        return None;
    }
    if value.chars().any(char::is_control) {
        p.push(path, "has a control character");
        return None;
    }
    Some(value.to_owned())
}

/// A person's name: letters, spaces, apostrophes, hyphens and dots; spaces collapsed.
fn name_field(path: &str, value: &str, p: &mut Problems) -> Option<String> {
    let value = text_field(path, value, p)?;
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '\'' | '\u{2019}' | '-' | '.')))
    {
        p.push(
            path,
            format!("has the character {c:?}, not allowed in a name"),
        );
        return None;
    }
    Some(value.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn internal(path: &str) -> FieldError {
    FieldError {
        path: path.to_owned(),
        reason: "is incomplete".to_owned(),
    }
}
