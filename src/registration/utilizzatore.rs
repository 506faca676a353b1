//! The lighter registration of utilizzatori: kind, identifier, sector, instruments.

use std::fmt;

use time::Date;

use super::data::{FieldErrors, Problems};
use crate::ateco::AtecoCode;
use crate::identity::{CodiceFiscaleKind, PartitaIva, mask_tail};
use crate::parties::UtilizzatoreId;
use crate::prestazione::Instrument;

/// The kind of an utilizzatore at registration.
///
/// Legal basis: art. 54-bis c. 6 lett. a-b, c. 7 D.L. 50/2017; INPS msg 1099 of 12/3/2018
/// (LF-USERS, CPO-USERS, REG-DATA-UTILIZZATORE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Instrument, RegistrantKind};
/// assert_eq!(RegistrantKind::PersonaFisica.instruments(), &[Instrument::LibrettoFamiglia]);
/// assert_eq!(
///     RegistrantKind::Impresa.instruments(),
///     &[Instrument::ContrattoPrestazioneOccasionale]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RegistrantKind {
    /// A persona fisica outside any professional or business activity (Libretto Famiglia,
    /// c. 6 lett. a).
    PersonaFisica,
    /// An impresa (CPO, c. 6 lett. b).
    Impresa,
    /// A professionista (CPO, c. 6 lett. b).
    Professionista,
    /// A pubblica amministrazione (CPO, c. 6 lett. b and c. 7).
    PubblicaAmministrazione,
    /// An association, foundation or other non-commercial body (CPO, c. 6 lett. b).
    Ente,
}

impl RegistrantKind {
    /// The instruments this kind of utilizzatore may use: the Libretto Famiglia for a persona
    /// fisica outside any business, the CPO for every other utilizzatore.
    ///
    /// Legal basis: art. 54-bis c. 6 lett. a-b D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Instrument, RegistrantKind};
    /// assert_eq!(RegistrantKind::PersonaFisica.instruments(), &[Instrument::LibrettoFamiglia]);
    /// ```
    #[must_use]
    pub fn instruments(self) -> &'static [Instrument] {
        match self {
            RegistrantKind::PersonaFisica => &[Instrument::LibrettoFamiglia],
            _ => &[Instrument::ContrattoPrestazioneOccasionale],
        }
    }

    /// Whether the registration must name an ATECO sector (impresa and professionista).
    fn needs_sector(self) -> bool {
        matches!(
            self,
            RegistrantKind::Impresa | RegistrantKind::Professionista
        )
    }
}

impl fmt::Display for RegistrantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RegistrantKind::PersonaFisica => "persona fisica",
            RegistrantKind::Impresa => "impresa",
            RegistrantKind::Professionista => "professionista",
            RegistrantKind::PubblicaAmministrazione => "pubblica amministrazione",
            RegistrantKind::Ente => "ente",
        })
    }
}

/// An utilizzatore's registration form (plain data; empty strings are missing values).
///
/// Legal basis: art. 54-bis c. 6 D.L. 50/2017; REG-DATA-UTILIZZATORE, REG-BOTH.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
/// use time::macros::date;
///
/// let draft = UtilizzatoreRegistrationDraft {
///     registered_on: date!(2026 - 03 - 07),
///     kind: RegistrantKind::Impresa,
///     id: "00743110157".into(),
///     ateco: "56.10.11".into(),
/// };
/// assert!(draft.validate().is_ok());
///
/// let wrong =
///     UtilizzatoreRegistrationDraft { id: "00743110158".into(), ateco: String::new(), ..draft };
/// let problems = wrong.validate().unwrap_err();
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems.as_slice()[1].to_string(), "ateco: is missing for an impresa");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UtilizzatoreRegistrationDraft {
    /// The day of registration.
    pub registered_on: Date,
    /// The kind of utilizzatore.
    pub kind: RegistrantKind,
    /// Codice fiscale or partita IVA (its check digit is verified).
    pub id: String,
    /// The ATECO code of the main activity (mandatory for an impresa or a professionista), read
    /// as [`AtecoCode::on`] the registration day: `56.10.11` (a code of only one edition, or any
    /// ATECO 2007 code before 2025) or with its edition, `ATECO 2025 55.10.00`.
    pub ateco: String,
}

impl fmt::Debug for UtilizzatoreRegistrationDraft {
    /// `id` is masked but for its last four characters unless it is a partita IVA (public): it
    /// may be a persona fisica's codice fiscale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = if self.id.parse::<PartitaIva>().is_ok() {
            self.id.clone()
        } else {
            mask_tail(&self.id, 4)
        };
        f.debug_struct("UtilizzatoreRegistrationDraft")
            .field("registered_on", &self.registered_on)
            .field("kind", &self.kind)
            .field("id", &id)
            .field("ateco", &self.ateco)
            .finish()
    }
}

impl UtilizzatoreRegistrationDraft {
    /// Validates the form, reporting every problem at once.
    ///
    /// Legal basis: art. 54-bis c. 6 D.L. 50/2017; REG-DATA-UTILIZZATORE, REG-BOTH.
    ///
    /// # Errors
    ///
    /// [`FieldErrors`]: `id` missing or invalid (a persona fisica needs a personal codice
    /// fiscale), `ateco` missing (impresa, professionista) or invalid (among them a code of both
    /// ATECO editions without its edition, on or after 1/1/2025).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Instrument, RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    ///
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Impresa,
    ///     id: "00743110157".into(),
    ///     ateco: "56.10.11".into(),
    /// };
    /// let firm = draft.validate()?;
    /// assert_eq!(firm.registered_on(), date!(2026 - 03 - 07));
    /// assert_eq!(firm.kind(), RegistrantKind::Impresa);
    /// assert_eq!(firm.id().to_string(), "00743110157");
    /// assert_eq!(firm.ateco().map(ToString::to_string), Some("56.10.11".to_owned()));
    /// assert_eq!(firm.instruments(), &[Instrument::ContrattoPrestazioneOccasionale]);
    ///
    /// let no_sector = UtilizzatoreRegistrationDraft { ateco: String::new(), ..draft };
    /// assert_eq!(
    ///     no_sector.validate().unwrap_err().to_string(),
    ///     "ateco: is missing for an impresa"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<UtilizzatoreRegistration, FieldErrors> {
        let mut p = Problems::default();
        let id = if self.id.trim().is_empty() {
            p.push("id", "is missing");
            None
        } else {
            p.take("id", self.id.trim().parse::<UtilizzatoreId>())
        };
        if self.kind == RegistrantKind::PersonaFisica
            && let Some(id) = id
            && !matches!(id, UtilizzatoreId::CodiceFiscale(cf) if cf.kind() == CodiceFiscaleKind::Personale)
        {
            p.push(
                "id",
                "a persona fisica registers with a personal codice fiscale",
            );
        }
        let ateco = if self.ateco.trim().is_empty() {
            if self.kind.needs_sector() {
                p.push("ateco", format!("is missing for an {}", self.kind));
            }
            None
        } else {
            p.take(
                "ateco",
                AtecoCode::on(self.registered_on, self.ateco.trim()),
            )
        };
        let ok = p.is_empty();
        p.finish()?;
        match id {
            Some(id) if ok => Ok(UtilizzatoreRegistration {
                registered_on: self.registered_on,
                kind: self.kind,
                id,
                ateco,
            }),
            _ => Err(FieldErrors::single(super::FieldError {
                path: "id".to_owned(),
                reason: "is incomplete".to_owned(),
            })),
        }
    }
}

/// A validated utilizzatore registration: kind, identifier, sector and the instruments it may
/// use. Whether a sector or headcount bars the CPO on a given day is decided by the
/// admissibility checks, not here.
///
/// Legal basis: REG-DATA-UTILIZZATORE; art. 54-bis c. 6 D.L. 50/2017.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Instrument, RegistrantKind, UtilizzatoreRegistrationDraft};
/// use time::macros::date;
/// let family = UtilizzatoreRegistrationDraft {
///     registered_on: date!(2026 - 03 - 07),
///     kind: RegistrantKind::PersonaFisica,
///     id: "BNCGNN60A01H501P".into(),
///     ateco: String::new(),
/// }
/// .validate()?;
/// assert_eq!(family.instruments(), &[Instrument::LibrettoFamiglia]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        into = "UtilizzatoreRegistrationDraft",
        try_from = "UtilizzatoreRegistrationDraft"
    )
)]
pub struct UtilizzatoreRegistration {
    registered_on: Date,
    kind: RegistrantKind,
    id: UtilizzatoreId,
    ateco: Option<AtecoCode>,
}

impl UtilizzatoreRegistration {
    /// The registration day.
    ///
    /// Legal basis: REG-DATA-UTILIZZATORE; art. 54-bis c. 6 D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Ente,
    ///     id: "00743110157".into(),
    ///     ateco: String::new(),
    /// };
    /// assert_eq!(draft.validate()?.registered_on(), date!(2026 - 03 - 07));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn registered_on(&self) -> Date {
        self.registered_on
    }
    /// The kind.
    ///
    /// Legal basis: art. 54-bis c. 6 lett. a-b D.L. 50/2017; INPS msg 1099 of 12/3/2018
    /// (REG-DATA-UTILIZZATORE).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let draft = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::PubblicaAmministrazione,
    ///     id: "00743110157".into(),
    ///     ateco: String::new(), // not required of a public administration
    /// };
    /// assert_eq!(draft.validate()?.kind(), RegistrantKind::PubblicaAmministrazione);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> RegistrantKind {
        self.kind
    }
    /// The identifier.
    ///
    /// Legal basis: REG-DATA-UTILIZZATORE (codice fiscale / partita IVA).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     RegistrantKind, UtilizzatoreId, UtilizzatoreRegistrationDraft,
    /// };
    /// use time::macros::date;
    /// let family = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::PersonaFisica,
    ///     id: " BNCGNN60A01H501P ".into(),
    ///     ateco: String::new(),
    /// };
    /// let id = family.validate()?.id();
    /// assert!(matches!(id, UtilizzatoreId::CodiceFiscale(_)));
    /// assert_eq!(id.to_string(), "BNCGNN60A01H501P");
    /// // A persona fisica cannot register with a partita IVA.
    /// let wrong = UtilizzatoreRegistrationDraft { id: "00743110157".into(), ..family };
    /// assert_eq!(
    ///     wrong.validate().unwrap_err().to_string(),
    ///     "id: a persona fisica registers with a personal codice fiscale"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> UtilizzatoreId {
        self.id
    }
    /// The ATECO code, if given.
    ///
    /// Legal basis: REG-DATA-UTILIZZATORE (sector classification).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let bar = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Impresa,
    ///     id: "00743110157".into(),
    ///     ateco: "56.30.00".into(),
    /// };
    /// assert_eq!(bar.validate()?.ateco().map(ToString::to_string), Some("56.30.00".to_owned()));
    /// let ente = UtilizzatoreRegistrationDraft {
    ///     kind: RegistrantKind::Ente,
    ///     ateco: String::new(),
    ///     ..bar
    /// };
    /// assert!(ente.validate()?.ateco().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ateco(&self) -> Option<&AtecoCode> {
        self.ateco.as_ref()
    }
    /// The instruments it may use (see [`RegistrantKind::instruments`]).
    ///
    /// Legal basis: art. 54-bis c. 6 lett. a-b D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Instrument, RegistrantKind, UtilizzatoreRegistrationDraft};
    /// use time::macros::date;
    /// let studio = UtilizzatoreRegistrationDraft {
    ///     registered_on: date!(2026 - 03 - 07),
    ///     kind: RegistrantKind::Professionista,
    ///     id: "00743110157".into(),
    ///     ateco: "69.20.11".into(),
    /// };
    /// assert_eq!(
    ///     studio.validate()?.instruments(),
    ///     &[Instrument::ContrattoPrestazioneOccasionale]
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn instruments(&self) -> &'static [Instrument] {
        self.kind.instruments()
    }
}

impl From<UtilizzatoreRegistration> for UtilizzatoreRegistrationDraft {
    fn from(r: UtilizzatoreRegistration) -> Self {
        UtilizzatoreRegistrationDraft {
            registered_on: r.registered_on,
            kind: r.kind,
            id: r.id.to_string(),
            ateco: r.ateco.map(|a| format!("{a:#}")).unwrap_or_default(),
        }
    }
}

impl TryFrom<UtilizzatoreRegistrationDraft> for UtilizzatoreRegistration {
    type Error = FieldErrors;
    fn try_from(d: UtilizzatoreRegistrationDraft) -> Result<Self, FieldErrors> {
        d.validate()
    }
}
