//! The utilizzatore: who uses and pays for occasional work.

use std::fmt;

use time::Date;

use crate::ateco::{AmbiguousActivity, AtecoCode, AtecoEdition, Sector, SectorMembership};
use crate::identity::{CodiceFiscale, CodiceFiscaleKind};
use crate::instruments::AgriculturalArea;
use crate::parties::headcount::Headcounts;
use crate::parties::id::UtilizzatoreId;
use crate::prestazione::CapProfile;
use crate::redact::Name;
use crate::rules::Rules;

/// Why utilizzatore data are invalid.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Utilizzatore, UtilizzatoreError, UtilizzatoreKind};
///
/// assert!(Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa).is_ok());
/// let err = Utilizzatore::new("12345670157".parse()?, "Bar\tSrl", UtilizzatoreKind::Impresa).unwrap_err();
/// assert_eq!(err, UtilizzatoreError::ControlCharacter);
/// assert_eq!(err.to_string(), "utilizzatore name contains a control character");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UtilizzatoreError {
    /// The name is empty after trimming.
    #[error("utilizzatore name is empty")]
    EmptyName,
    /// The name holds a control character.
    #[error("utilizzatore name contains a control character")]
    ControlCharacter,
    /// A prior relationship ends before it starts.
    #[error("prior relationship: ended_on {ended_on} is before started_on {started_on}")]
    RelationshipEndsBeforeStart {
        /// First day.
        started_on: Date,
        /// Last day.
        ended_on: Date,
    },
    /// A declared activity that is not an ATECO 2007 subcategory covered by the code (reading
    /// R-ATECO-2025).
    #[error(
        "declared activity {activity:#} is not one of the ATECO 2007 subcategories of {code:#} ({}): declare one of them",
        .code.activities_2007().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    )]
    UndeclarableActivity {
        /// The utilizzatore's code.
        code: AtecoCode,
        /// The activity declared.
        activity: AtecoCode,
    },
}

/// The ATECO 2007 activity an utilizzatore declares for one of its codes that is ambiguous for a
/// list of the law ([`SectorMembership::Ambiguous`](crate::SectorMembership::Ambiguous)): which of
/// the ATECO 2007 subcategories the code covers ([`AtecoCode::activities_2007`]) is the one it
/// carries out. Plain data; [`Utilizzatore::with_declared_activity`] checks it.
///
/// Legal basis: reading R-ATECO-2025.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Utilizzatore, UtilizzatoreKind};
/// let firm = Utilizzatore::new("12345670157".parse()?, "Eventi Srl", UtilizzatoreKind::Impresa)?
///     .with_declared_activity("ATECO 2025 93.29.99".parse()?, "ATECO 2007 82.30.00".parse()?)?;
/// let declared = &firm.declared_activities()[0];
/// assert_eq!((declared.code.to_string(), declared.activity.to_string()), ("93.29.99".to_owned(), "82.30.00".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DeclaredActivity {
    /// The utilizzatore's code.
    pub code: AtecoCode,
    /// The ATECO 2007 subcategory of its activity.
    pub activity: AtecoCode,
}

/// What kind of body a private ente is.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::EnteKind;
/// assert_ne!(EnteKind::Associazione, EnteKind::Fondazione);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum EnteKind {
    /// An association.
    Associazione,
    /// A foundation.
    Fondazione,
    /// Any other private body.
    Altro,
}

/// The temporary or exceptional needs for which a pubblica amministrazione may use the CPO.
///
/// Legal basis: art. 54-bis c. 7 D.L. 50/2017 (CPO-PA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PaPurpose;
/// assert_eq!(PaPurpose::EmergencyAfterCalamity.to_string(), "emergency work after calamities or sudden natural events");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PaPurpose {
    /// Progetti speciali for people in poverty, with disabilities, in detention, with drug
    /// addiction or receiving ammortizzatori sociali.
    SpecialProjects,
    /// Emergency work after calamities or sudden natural events.
    EmergencyAfterCalamity,
    /// Solidarity activities together with other public bodies or volunteer associations.
    Solidarity,
    /// Organising social, sporting, cultural or charitable events.
    Events,
}

impl fmt::Display for PaPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PaPurpose::SpecialProjects => {
                "progetti speciali for people in poverty, disability, detention, drug addiction or on ammortizzatori sociali"
            }
            PaPurpose::EmergencyAfterCalamity => {
                "emergency work after calamities or sudden natural events"
            }
            PaPurpose::Solidarity => {
                "solidarity activities with public bodies or volunteer associations"
            }
            PaPurpose::Events => "social, sporting, cultural or charitable events",
        })
    }
}

/// What kind of utilizzatore: it decides the instrument (LF or CPO) and which limits apply.
///
/// Legal basis: art. 54-bis c. 6, c. 7, c. 10, c. 13, c. 14 D.L. 50/2017; c. 1 lett. c-bis for
/// società sportive (LF-USERS, CPO-USERS, CPO-PA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{EnteKind, UtilizzatoreKind};
/// assert!(UtilizzatoreKind::PubblicaAmministrazione.is_pa());
/// assert!(!UtilizzatoreKind::EntePrivato(EnteKind::Associazione).is_pa());
/// assert_eq!(UtilizzatoreKind::Condominio.to_string(), "condominio");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum UtilizzatoreKind {
    /// A persona fisica acting outside any business or professional activity: the Libretto
    /// Famiglia user (c. 6 lett. a).
    PersonaFisica,
    /// A professionista or lavoratore autonomo.
    Professionista,
    /// An impresa (any business, of any legal form).
    Impresa,
    /// An association, foundation or other private body.
    EntePrivato(EnteKind),
    /// A condominio (not a persona fisica: CPO only).
    Condominio,
    /// A pubblica amministrazione of art. 1 c. 2 d.lgs. 165/2001 (CPO only, for the purposes of
    /// c. 7, see [`PaPurpose`]).
    PubblicaAmministrazione,
    /// A società sportiva under L. 23/3/1981 n. 91 (LF for stewards, c. 1 lett. c-bis, from
    /// 1/1/2018).
    SocietaSportiva,
}

impl UtilizzatoreKind {
    /// Whether a pubblica amministrazione (c. 7: no headcount limit, no conversion, no fine).
    ///
    /// Legal basis: art. 54-bis c. 7 D.L. 50/2017 (CPO-PA).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::UtilizzatoreKind;
    /// assert!(UtilizzatoreKind::PubblicaAmministrazione.is_pa());
    /// assert!(!UtilizzatoreKind::Condominio.is_pa());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_pa(self) -> bool {
        matches!(self, UtilizzatoreKind::PubblicaAmministrazione)
    }
}

impl fmt::Display for UtilizzatoreKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UtilizzatoreKind::PersonaFisica => {
                "persona fisica outside any business or professional activity"
            }
            UtilizzatoreKind::Professionista => "professionista or lavoratore autonomo",
            UtilizzatoreKind::Impresa => "impresa",
            UtilizzatoreKind::EntePrivato(EnteKind::Associazione) => "associazione",
            UtilizzatoreKind::EntePrivato(EnteKind::Fondazione) => "fondazione",
            UtilizzatoreKind::EntePrivato(EnteKind::Altro) => "ente privato",
            UtilizzatoreKind::Condominio => "condominio",
            UtilizzatoreKind::PubblicaAmministrazione => "pubblica amministrazione",
            UtilizzatoreKind::SocietaSportiva => "società sportiva (L. 91/1981)",
        })
    }
}

/// The kind of a current or past relationship that bars occasional work (c. 5).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::RelationshipKind;
/// assert_eq!(RelationshipKind::CoCoCo.to_string(), "co.co.co.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RelationshipKind {
    /// A rapporto di lavoro subordinato.
    Subordinato,
    /// A rapporto di collaborazione coordinata e continuativa.
    CoCoCo,
}

impl fmt::Display for RelationshipKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RelationshipKind::Subordinato => "rapporto di lavoro subordinato",
            RelationshipKind::CoCoCo => "co.co.co.",
        })
    }
}

/// A current or past subordinate or co.co.co. relationship between the utilizzatore and a
/// person, supplied by the host (first and last day, both inclusive; `ended_on: None` while
/// current).
///
/// Legal basis: art. 54-bis c. 5 D.L. 50/2017 (PROHIB-PRIOR).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
/// use time::macros::date;
///
/// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 01), Some(date!(2026 - 01 - 10)))?;
/// assert_eq!(r.ended_on(), Some(date!(2026 - 01 - 10)));
/// assert!(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::CoCoCo, date!(2026 - 01 - 01), Some(date!(2025 - 01 - 01))).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PriorRelationshipFields", into = "PriorRelationshipFields")
)]
pub struct PriorRelationship {
    prestatore: CodiceFiscale,
    kind: RelationshipKind,
    started_on: Date,
    ended_on: Option<Date>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PriorRelationshipFields {
    prestatore: CodiceFiscale,
    kind: RelationshipKind,
    started_on: Date,
    ended_on: Option<Date>,
}

#[cfg(feature = "serde")]
impl TryFrom<PriorRelationshipFields> for PriorRelationship {
    type Error = UtilizzatoreError;
    fn try_from(f: PriorRelationshipFields) -> Result<Self, Self::Error> {
        PriorRelationship::new(f.prestatore, f.kind, f.started_on, f.ended_on)
    }
}

#[cfg(feature = "serde")]
impl From<PriorRelationship> for PriorRelationshipFields {
    fn from(r: PriorRelationship) -> Self {
        PriorRelationshipFields {
            prestatore: r.prestatore,
            kind: r.kind,
            started_on: r.started_on,
            ended_on: r.ended_on,
        }
    }
}

impl PriorRelationship {
    /// A relationship with the person of `prestatore` from `started_on` to `ended_on`.
    ///
    /// # Errors
    ///
    /// [`UtilizzatoreError::RelationshipEndsBeforeStart`].
    ///
    /// Legal basis: art. 54-bis c. 5 D.L. 50/2017 (PROHIB-PRIOR).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
    /// use time::macros::date;
    ///
    /// let current = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::CoCoCo, date!(2025 - 09 - 01), None)?;
    /// assert_eq!(current.ended_on(), None);
    /// let err = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::CoCoCo, date!(2026 - 01 - 01), Some(date!(2025 - 12 - 31))).unwrap_err();
    /// assert_eq!(err.to_string(), "prior relationship: ended_on 2025-12-31 is before started_on 2026-01-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        prestatore: CodiceFiscale,
        kind: RelationshipKind,
        started_on: Date,
        ended_on: Option<Date>,
    ) -> Result<PriorRelationship, UtilizzatoreError> {
        if let Some(ended_on) = ended_on
            && ended_on < started_on
        {
            return Err(UtilizzatoreError::RelationshipEndsBeforeStart {
                started_on,
                ended_on,
            });
        }
        Ok(PriorRelationship {
            prestatore,
            kind,
            started_on,
            ended_on,
        })
    }

    /// The person's codice fiscale.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
    /// use time::macros::date;
    /// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?;
    /// assert_eq!(r.prestatore(), "RSSMRA85T10A562S".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore(&self) -> CodiceFiscale {
        self.prestatore
    }

    /// Subordinate or co.co.co.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
    /// use time::macros::date;
    /// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?;
    /// assert_eq!(r.kind(), RelationshipKind::Subordinato);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> RelationshipKind {
        self.kind
    }

    /// The first day.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
    /// use time::macros::date;
    /// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?;
    /// assert_eq!(r.started_on(), date!(2024 - 01 - 08));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn started_on(&self) -> Date {
        self.started_on
    }

    /// The last day, if it has ended.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind};
    /// use time::macros::date;
    /// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?;
    /// assert_eq!(r.ended_on(), Some(date!(2025 - 12 - 31)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ended_on(&self) -> Option<Date> {
        self.ended_on
    }
}

/// An utilizzatore: identifier, name, kind, ATECO codes of its primary or prevalent activities
/// (ATECO 2007 or ATECO 2025, with the activity declared for a code that is ambiguous for a list
/// of the law), the monthly headcounts of its permanent employees and the relationships of c. 5
/// the host knows of.
///
/// Legal basis: art. 54-bis c. 5, c. 6, c. 7, c. 14 D.L. 50/2017 (LF-USERS, CPO-USERS,
/// CPO-PA, PROHIB-SIZE, PROHIB-SECTORS, PROHIB-PRIOR, EMPLOYEE-COUNT; reading R-ATECO-2025).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Sector, Utilizzatore, UtilizzatoreKind};
///
/// let firm = Utilizzatore::new("12345670157".parse()?, " Fiere Srl ", UtilizzatoreKind::Impresa)?
///     .with_ateco("ATECO 2025 82.30.01".parse()?);
/// assert_eq!(firm.name(), "Fiere Srl");
/// assert!(firm.sectors()?.contains(&Sector::EventsThermalParks));
///
/// assert_eq!(
///     Utilizzatore::new("12345670157".parse()?, " ", UtilizzatoreKind::Impresa).unwrap_err().to_string(),
///     "utilizzatore name is empty"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "UtilizzatoreFields", into = "UtilizzatoreFields")
)]
pub struct Utilizzatore {
    id: UtilizzatoreId,
    name: String,
    kind: UtilizzatoreKind,
    ateco: Vec<AtecoCode>,
    declared_activities: Vec<DeclaredActivity>,
    headcounts: Headcounts,
    prior_relationships: Vec<PriorRelationship>,
}

impl fmt::Debug for Utilizzatore {
    /// The name of a persona fisica (an utilizzatore with a personal codice fiscale) shows its
    /// first letter only (personal data); a firm's name is shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let personal = matches!(self.id, UtilizzatoreId::CodiceFiscale(cf) if cf.kind() == CodiceFiscaleKind::Personale);
        let mut d = f.debug_struct("Utilizzatore");
        d.field("id", &self.id);
        if personal {
            d.field("name", &Name(&self.name));
        } else {
            d.field("name", &self.name);
        }
        d.field("kind", &self.kind)
            .field("ateco", &self.ateco)
            .field("declared_activities", &self.declared_activities)
            .field("headcounts", &self.headcounts)
            .field("prior_relationships", &self.prior_relationships)
            .finish()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct UtilizzatoreFields {
    id: UtilizzatoreId,
    name: String,
    kind: UtilizzatoreKind,
    #[serde(default)]
    ateco: Vec<AtecoCode>,
    #[serde(default)]
    declared_activities: Vec<DeclaredActivity>,
    #[serde(default)]
    headcounts: Headcounts,
    #[serde(default)]
    prior_relationships: Vec<PriorRelationship>,
}

#[cfg(feature = "serde")]
impl TryFrom<UtilizzatoreFields> for Utilizzatore {
    type Error = UtilizzatoreError;
    fn try_from(f: UtilizzatoreFields) -> Result<Self, Self::Error> {
        let mut u = Utilizzatore::new(f.id, &f.name, f.kind)?;
        for code in f.ateco {
            u = u.with_ateco(code);
        }
        for d in f.declared_activities {
            u = u.with_declared_activity(d.code, d.activity)?;
        }
        u.headcounts = f.headcounts;
        u.prior_relationships = f.prior_relationships;
        Ok(u)
    }
}

#[cfg(feature = "serde")]
impl From<Utilizzatore> for UtilizzatoreFields {
    fn from(u: Utilizzatore) -> Self {
        UtilizzatoreFields {
            id: u.id,
            name: u.name,
            kind: u.kind,
            ateco: u.ateco,
            declared_activities: u.declared_activities,
            headcounts: u.headcounts,
            prior_relationships: u.prior_relationships,
        }
    }
}

impl Utilizzatore {
    /// An utilizzatore named `name` (trimmed, non-empty), without ATECO codes, headcounts or
    /// prior relationships.
    ///
    /// # Errors
    ///
    /// [`UtilizzatoreError::EmptyName`] or [`UtilizzatoreError::ControlCharacter`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Utilizzatore, UtilizzatoreKind};
    ///
    /// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, " Gianni Bianchi ", UtilizzatoreKind::PersonaFisica)?;
    /// assert_eq!(family.name(), "Gianni Bianchi");
    /// assert!(family.ateco().is_empty());
    /// let err = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "", UtilizzatoreKind::PersonaFisica).unwrap_err();
    /// assert_eq!(err.to_string(), "utilizzatore name is empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: UtilizzatoreId,
        name: &str,
        kind: UtilizzatoreKind,
    ) -> Result<Utilizzatore, UtilizzatoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(UtilizzatoreError::EmptyName);
        }
        if name.chars().any(char::is_control) {
            return Err(UtilizzatoreError::ControlCharacter);
        }
        Ok(Utilizzatore {
            id,
            name: name.to_owned(),
            kind,
            ateco: Vec::new(),
            declared_activities: Vec::new(),
            headcounts: Headcounts::new(),
            prior_relationships: Vec::new(),
        })
    }

    /// Adds the ATECO code of a primary or prevalent activity, of either edition (a code already
    /// present is not added again).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Utilizzatore, UtilizzatoreKind};
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Terme Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("96.04.20".parse()?)
    ///     .with_ateco("96.04.20".parse()?)
    ///     .with_ateco("ATECO 2025 96.23.10".parse()?);
    /// assert_eq!(firm.ateco().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_ateco(mut self, code: AtecoCode) -> Utilizzatore {
        if !self.ateco.contains(&code) {
            self.ateco.push(code);
        }
        self
    }

    /// Adds `code` (as [`Utilizzatore::with_ateco`]) with the ATECO 2007 activity the utilizzatore
    /// carries out under it: one of the ATECO 2007 subcategories the code covers
    /// ([`AtecoCode::activities_2007`]). This is how a code that is ambiguous for a list of the law
    /// is settled (an ATECO 2025 93.29.99 that organises congressi e fiere declares ATECO 2007
    /// 82.30.00); the lists then read the declared activity instead of the code. A new declaration
    /// for the same code replaces the old one.
    ///
    /// Legal basis: reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// [`UtilizzatoreError::UndeclarableActivity`] when `activity` is not an ATECO 2007
    /// subcategory among those `code` covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Rules, Sector, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    ///
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Eventi Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 93.29.99".parse()?);
    /// assert!(firm.is_in_sector(Sector::EventsThermalParks).is_err()); // ambiguous
    ///
    /// let fiere = firm.clone().with_declared_activity("ATECO 2025 93.29.99".parse()?, "82.30.00".parse()?)?;
    /// assert_eq!(fiere.is_in_sector(Sector::EventsThermalParks), Ok(true));
    /// let other = firm.clone().with_declared_activity("ATECO 2025 93.29.99".parse()?, "93.29.90".parse()?)?;
    /// assert_eq!(other.is_in_sector(Sector::EventsThermalParks), Ok(false));
    ///
    /// assert_eq!(
    ///     firm.with_declared_activity("ATECO 2025 93.29.99".parse()?, "96.09.05".parse()?).unwrap_err().to_string(),
    ///     "declared activity ATECO 2007 96.09.05 is not one of the ATECO 2007 subcategories of ATECO 2025 93.29.99 (82.30.00, 93.11.90, 93.19.10, 93.19.99, 93.29.90): declare one of them"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_declared_activity(
        mut self,
        code: AtecoCode,
        activity: AtecoCode,
    ) -> Result<Utilizzatore, UtilizzatoreError> {
        self.declare_activity(code, activity)?;
        Ok(self)
    }

    /// [`Utilizzatore::with_declared_activity`] in place: a refused declaration changes nothing.
    ///
    /// Legal basis: reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// As [`Utilizzatore::with_declared_activity`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Sector, Utilizzatore, UtilizzatoreKind};
    /// let mut firm = Utilizzatore::new("12345670157".parse()?, "Eventi Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 93.29.99".parse()?);
    /// let before = firm.clone();
    /// assert!(firm.declare_activity("ATECO 2025 93.29.99".parse()?, "96.09.05".parse()?).is_err());
    /// assert_eq!(firm, before);
    /// firm.declare_activity("ATECO 2025 93.29.99".parse()?, "82.30.00".parse()?)?;
    /// assert_eq!(firm.is_in_sector(Sector::EventsThermalParks), Ok(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn declare_activity(
        &mut self,
        code: AtecoCode,
        activity: AtecoCode,
    ) -> Result<(), UtilizzatoreError> {
        let covered = activity.edition() == AtecoEdition::Ateco2007
            && activity.depth() == 6
            && code.activities_2007().iter().any(|a| activity.is_within(a));
        if !covered {
            return Err(UtilizzatoreError::UndeclarableActivity { code, activity });
        }
        self.declared_activities.retain(|d| d.code != code);
        self.declared_activities
            .push(DeclaredActivity { code, activity });
        if !self.ateco.contains(&code) {
            self.ateco.push(code);
        }
        Ok(())
    }

    /// Sets the monthly headcounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, Utilizzatore, UtilizzatoreKind};
    /// use time::Month;
    /// let mut staff = Headcounts::new();
    /// staff.insert(2025, Month::March, MonthlyHeadcount::full_time(4));
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa)?.with_headcounts(staff);
    /// assert_eq!(firm.headcounts().get(2025, Month::March).map(MonthlyHeadcount::figure), Some(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_headcounts(mut self, headcounts: Headcounts) -> Utilizzatore {
        self.headcounts = headcounts;
        self
    }

    /// Adds a c. 5 relationship.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// let r = PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 01), None)?;
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa)?.with_prior_relationship(r);
    /// assert_eq!(firm.prior_relationships().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_prior_relationship(mut self, relationship: PriorRelationship) -> Utilizzatore {
        self.prior_relationships.push(relationship);
        self
    }

    /// The identifier.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.id().to_string(), "12345670157");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> UtilizzatoreId {
        self.id
    }

    /// The name, trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.name(), "Bar Centrale Srl");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.kind(), UtilizzatoreKind::Impresa);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> UtilizzatoreKind {
        self.kind
    }

    /// The ATECO codes of the primary or prevalent activities.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.ateco()[0].to_string(), "56.30.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ateco(&self) -> &[AtecoCode] {
        &self.ateco
    }

    /// The activities declared for ambiguous codes ([`Utilizzatore::with_declared_activity`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Utilizzatore, UtilizzatoreKind};
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa)?;
    /// assert!(firm.declared_activities().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn declared_activities(&self) -> &[DeclaredActivity] {
        &self.declared_activities
    }

    /// The monthly headcounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.headcounts().get(2025, Month::July).map(MonthlyHeadcount::figure), Some(6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn headcounts(&self) -> &Headcounts {
        &self.headcounts
    }

    /// Mutable access to the monthly headcounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{MonthlyHeadcount, Utilizzatore, UtilizzatoreKind};
    /// use time::Month;
    /// let mut firm = Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa)?;
    /// firm.headcounts_mut().insert(2025, Month::June, MonthlyHeadcount::full_time(2));
    /// assert!(firm.headcounts().get(2025, Month::June).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn headcounts_mut(&mut self) -> &mut Headcounts {
        &mut self.headcounts
    }

    /// The c. 5 relationships.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Headcounts, MonthlyHeadcount, PriorRelationship, RelationshipKind, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    /// use time::Month;
    /// let mut counts = Headcounts::new();
    /// counts.insert(2025, Month::July, MonthlyHeadcount::full_time(6));
    /// let bar = Utilizzatore::new("12345670157".parse()?, " Bar Centrale Srl ", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("56.30.00".parse()?)
    ///     .with_headcounts(counts)
    ///     .with_prior_relationship(PriorRelationship::new("RSSMRA85T10A562S".parse()?, RelationshipKind::Subordinato, date!(2024 - 01 - 08), Some(date!(2025 - 12 - 31)))?);
    /// assert_eq!(bar.prior_relationships()[0].ended_on(), Some(date!(2025 - 12 - 31)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prior_relationships(&self) -> &[PriorRelationship] {
        &self.prior_relationships
    }

    /// Every list of the law the utilizzatore is on through its ATECO codes (or the activities
    /// declared for them), sorted, without repeats.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b, c. 14 lett. a, b, c D.L. 50/2017 (see [`Sector`]
    /// for the ATECO mapping of each list); reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// [`AmbiguousActivity`] for a list on which no code is certainly on and some code is
    /// ambiguous, with no declared activity.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Sector, Utilizzatore, UtilizzatoreKind};
    /// let hotel = Utilizzatore::new("12345670157".parse()?, "Hotel Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 55.10.00".parse()?);
    /// assert_eq!(hotel.sectors()?, [Sector::Hospitality]);
    /// let bnb = Utilizzatore::new("12345670157".parse()?, "Alloggi Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 55.90.00".parse()?);
    /// assert!(bnb.sectors().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sectors(&self) -> Result<Vec<Sector>, AmbiguousActivity> {
        let mut sectors = Vec::new();
        for sector in Sector::ALL {
            if self.is_in_sector(sector)? {
                sectors.push(sector);
            }
        }
        Ok(sectors)
    }

    /// Whether the utilizzatore is on the list `sector`: yes when a code (or the activity
    /// declared for it) is on it; no when none is and none is ambiguous.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b, c. 14 lett. a, b, c D.L. 50/2017 (see [`Sector`]
    /// for the ATECO mapping of each list); reading R-ATECO-2025.
    ///
    /// # Errors
    ///
    /// [`AmbiguousActivity`] naming the first code that is ambiguous for the list, when no code
    /// is on it: the host declares the activity ([`Utilizzatore::with_declared_activity`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Sector, Utilizzatore, UtilizzatoreKind};
    /// let builder = Utilizzatore::new("12345670157".parse()?, "Edil Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2007 43.21.01".parse()?);
    /// assert_eq!(builder.is_in_sector(Sector::Construction), Ok(true));
    /// assert_eq!(builder.is_in_sector(Sector::Agriculture), Ok(false));
    ///
    /// // Section F in ATECO 2025 is construction whatever ISTAT maps the code to (R-SECTOR-ATECO).
    /// let floors = Utilizzatore::new("12345670157".parse()?, "Pavimenti Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 43.33.00".parse()?);
    /// assert_eq!(floors.is_in_sector(Sector::Construction), Ok(true));
    /// // A cleaning code that also holds part of two construction codes needs a declaration.
    /// let cleaning = Utilizzatore::new("12345670157".parse()?, "Pulizie Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 81.22.09".parse()?);
    /// assert!(cleaning.is_in_sector(Sector::Construction).unwrap_err().to_string().starts_with(
    ///     "ATECO 2025 code 81.22.09 (Altre attività di pulizia di edifici e pulizia industriale n.c.a.) is ambiguous for the list edilizia e settori affini"
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_in_sector(&self, sector: Sector) -> Result<bool, AmbiguousActivity> {
        let mut ambiguous = None;
        for code in &self.ateco {
            let declared = self.declared_activities.iter().find(|d| d.code == *code);
            let membership = sector.classify(declared.map_or(code, |d| &d.activity));
            match membership {
                SectorMembership::Listed => return Ok(true),
                SectorMembership::Ambiguous => {
                    ambiguous.get_or_insert(*code);
                }
                _ => {}
            }
        }
        match ambiguous {
            Some(code) => Err(AmbiguousActivity { code, sector }),
            None => Ok(false),
        }
    }

    /// What the caps need: the events sector (an ATECO code on the events / thermal / parks list
    /// *and* the events cap in force under `rules`), the PA flag, and for an utilizzatore in
    /// agriculture while the rules have agricultural hourly rates (24/6/2017 to 31/12/2022) an
    /// agricultural area. The area of the work is not known to the utilizzatore, so it is the
    /// area with the highest rate, whose hour limit is the lowest (259 h, reading R-AGRI-AREA); a
    /// [`CpoCommunication`](crate::CpoCommunication) replaces it with the area of its
    /// [`CpoWork`](crate::CpoWork), a host with [`CapProfile::with_agricultural_area`].
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b as amended by D.L. 48/2023 art. 37; c. 7; c. 20
    /// second sentence (CAP-UTILIZZATORE-EVENTS, CPO-PA, HOURS-AGRI; readings R-ATECO-2025,
    /// R-AGRI-AREA).
    ///
    /// # Errors
    ///
    /// [`AmbiguousActivity`] for a code ambiguous for the events list while the events cap is in
    /// force, or for agriculture while the rules have agricultural rates, with no declared
    /// activity (and no code certainly on the list).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, Rules, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    ///
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Fiere Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("82.30.00".parse()?);
    /// assert!(firm.cap_profile(Rules::in_force_on(date!(2023 - 05 - 05))?)?.events_sector);
    /// assert!(!firm.cap_profile(Rules::in_force_on(date!(2023 - 05 - 04))?)?.events_sector);
    ///
    /// let unclear = Utilizzatore::new("12345670157".parse()?, "Svago Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2025 93.29.99".parse()?);
    /// assert!(unclear.cap_profile(Rules::in_force_on(date!(2026 - 03 - 07))?).is_err());
    ///
    /// // A farm in 2020: area 1 until the work's area is given (R-AGRI-AREA); none from 2023.
    /// let farm = Utilizzatore::new("12345670157".parse()?, "Vigneti Srl", UtilizzatoreKind::Impresa)?
    ///     .with_ateco("ATECO 2007 01.21.00".parse()?);
    /// assert_eq!(farm.cap_profile(Rules::in_force_on(date!(2020 - 09 - 14))?)?.agricultural_area, Some(AgriculturalArea::Area1));
    /// assert_eq!(farm.cap_profile(Rules::in_force_on(date!(2023 - 09 - 14))?)?.agricultural_area, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cap_profile(&self, rules: &Rules) -> Result<CapProfile, AmbiguousActivity> {
        let events = rules.cap_utilizzatore_events.value.is_some()
            && self.is_in_sector(Sector::EventsThermalParks)?;
        let agricultural = rules.agriculture_hourly_rates.value.is_some()
            && self.is_in_sector(Sector::Agriculture)?;
        let profile = CapProfile::default()
            .with_events_sector(events)
            .with_pubblica_amministrazione(self.kind.is_pa());
        Ok(
            match agricultural
                .then(|| AgriculturalArea::strictest(rules))
                .flatten()
            {
                Some(area) => profile.with_agricultural_area(area),
                None => profile,
            },
        )
    }

    /// The c. 5 relationship with the person of `prestatore` that bars a prestazione on `day`,
    /// if any: current on `day`, or ended within the months of the rules in force (6) before it.
    ///
    /// The months are calendar months, read conservatively (reading R-SIX-MONTHS): a relationship
    /// that ended on 10/1
    /// bars every day up to and including 10/7 (the day on which six months are complete is
    /// still barred); when the same-numbered day does not exist, the last day of that month
    /// (art. 2963 c.c.). A relationship that starts after `day` does not bar it.
    ///
    /// Legal basis: art. 54-bis c. 5 D.L. 50/2017; INPS circ. 107/2017 (PROHIB-PRIOR).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{PriorRelationship, RelationshipKind, Rules, Utilizzatore, UtilizzatoreKind};
    /// use time::macros::date;
    ///
    /// let cf = "RSSMRA85T10A562S".parse()?;
    /// let firm = Utilizzatore::new("12345670157".parse()?, "Bar Srl", UtilizzatoreKind::Impresa)?
    ///     .with_prior_relationship(PriorRelationship::new(cf, RelationshipKind::Subordinato, date!(2024 - 01 - 01), Some(date!(2026 - 01 - 10)))?);
    /// let rules = Rules::in_force_on(date!(2026 - 07 - 10))?;
    /// assert!(firm.barring_relationship(&cf, date!(2026 - 07 - 10), rules).is_some());
    /// assert!(firm.barring_relationship(&cf, date!(2026 - 07 - 11), rules).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn barring_relationship(
        &self,
        prestatore: &CodiceFiscale,
        day: Date,
        rules: &Rules,
    ) -> Option<&PriorRelationship> {
        let months = rules.comma5_months.value;
        self.prior_relationships.iter().find(|r| {
            r.prestatore.same_holder(prestatore)
                && r.started_on <= day
                && match r.ended_on {
                    None => true,
                    Some(end) => day <= add_months(end, months).unwrap_or(Date::MAX),
                }
        })
    }
}

/// `date` plus `months` calendar months, clamped to the last day of the target month
/// (art. 2963 c.c.); `None` beyond the calendar.
pub(crate) fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month() as u8) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn add_months_clamps() {
        assert_eq!(
            add_months(date!(2026 - 01 - 10), 6),
            Some(date!(2026 - 07 - 10))
        );
        assert_eq!(
            add_months(date!(2025 - 08 - 31), 6),
            Some(date!(2026 - 02 - 28))
        );
        assert_eq!(
            add_months(date!(2023 - 08 - 31), 6),
            Some(date!(2024 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2025 - 09 - 15), 6),
            Some(date!(2026 - 03 - 15))
        );
        assert_eq!(add_months(Date::MAX, 6), None);
    }
}
