//! One communicated piece of work: the record the ledger counts and the desk shows.

use std::fmt;

use time::Date;

use crate::format::duration;
use crate::identity::CodiceFiscale;
use crate::instruments::AgriculturalArea;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::rules::{Citation, Cited, Rules, RulesError, TitoloSplit};
use crate::verdict::RuleId;

/// The two instruments of occasional work.
///
/// Legal basis: art. 54-bis c. 6 D.L. 50/2017 (lett. a: Libretto Famiglia, for persone fisiche
/// outside any business; lett. b: Contratto di Prestazione Occasionale, for every other
/// utilizzatore) (LF-USERS, CPO-USERS).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Instrument;
/// assert_eq!(Instrument::LibrettoFamiglia.to_string(), "LF");
/// assert_eq!(Instrument::ContrattoPrestazioneOccasionale.to_string(), "CPO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Instrument {
    /// The Libretto Famiglia (art. 54-bis c. 6 lett. a, c. 10-12): titoli of 10,00.
    LibrettoFamiglia,
    /// The Contratto di Prestazione Occasionale, `PrestO` (art. 54-bis c. 6 lett. b, c. 13-18).
    ContrattoPrestazioneOccasionale,
}

impl Instrument {
    /// The abbreviation INPS uses: `LF` or `CPO`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Instrument;
    /// assert_eq!(Instrument::LibrettoFamiglia.abbreviation(), "LF");
    /// ```
    #[must_use]
    pub const fn abbreviation(self) -> &'static str {
        match self {
            Instrument::LibrettoFamiglia => "LF",
            Instrument::ContrattoPrestazioneOccasionale => "CPO",
        }
    }
}

impl fmt::Display for Instrument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}

/// The host's identifier of a communicated prestazione (unique within a ledger).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PrestazioneId;
/// assert_eq!(PrestazioneId(42).to_string(), "#42");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrestazioneId(pub u64);

impl fmt::Display for PrestazioneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What the caps need to know about the utilizzatore of a prestazione.
///
/// `CapProfile::default()` is an ordinary utilizzatore: not in the events sector, not a PA, not
/// agricultural. The struct is `#[non_exhaustive]` (a later field will not break a caller):
/// outside the crate, build it from the default with the `with_*` methods (the fields stay
/// public to read and assign). With feature `serde` a missing field takes its default, so data
/// written before a field existed still deserialises.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgriculturalArea, CapProfile};
/// let family = CapProfile::default();
/// assert!(!family.events_sector && !family.pubblica_amministrazione);
/// assert_eq!(family.agricultural_area, None);
///
/// let farm = CapProfile::default().with_agricultural_area(AgriculturalArea::Area1);
/// assert_eq!(farm.agricultural_area, Some(AgriculturalArea::Area1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CapProfile {
    /// The utilizzatore's primary or prevalent activity is on the events / thermal / parks ATECO
    /// list, so the higher cap b applies where in force (art. 54-bis c. 1 lett. b as amended by
    /// D.L. 48/2023 art. 37; INPS circ. 75/2023).
    pub events_sector: bool,
    /// The utilizzatore is a pubblica amministrazione (art. 54-bis c. 7): breaches of cap c and
    /// the hour limit do not convert the relationship.
    pub pubblica_amministrazione: bool,
    /// For an agricultural utilizzatore, the area of the CCNL operai agricoli of the work: while
    /// the rules in force have agricultural hourly rates (24/6/2017 to 31/12/2022), the ledger's
    /// hour limit per pair is then [`agricultural_hour_limit`](crate::agricultural_hour_limit)
    /// (259 / 284 / 381 h) instead of the 280 hours (art. 54-bis c. 20, second sentence; INPS msg
    /// 2887/2017; HOURS-AGRI, E10). Under rules without agricultural rates (from
    /// 1/1/2023, when the CPO is banned in agriculture: see
    /// [`assess_admissibility`](crate::assess_admissibility)) the area changes nothing in the
    /// ledger. `None`: not agricultural.
    pub agricultural_area: Option<AgriculturalArea>,
}

impl CapProfile {
    /// This profile with the events-sector flag set to `events_sector`.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b D.L. 50/2017 as amended by D.L. 48/2023 art. 37
    /// (CAP-UTILIZZATORE-EVENTS).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CapProfile;
    /// assert!(CapProfile::default().with_events_sector(true).events_sector);
    /// ```
    #[must_use]
    pub const fn with_events_sector(mut self, events_sector: bool) -> CapProfile {
        self.events_sector = events_sector;
        self
    }

    /// This profile with the pubblica amministrazione flag set to `pa`.
    ///
    /// Legal basis: art. 54-bis c. 7 D.L. 50/2017 (CPO-PA).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::CapProfile;
    /// assert!(CapProfile::default().with_pubblica_amministrazione(true).pubblica_amministrazione);
    /// ```
    #[must_use]
    pub const fn with_pubblica_amministrazione(mut self, pa: bool) -> CapProfile {
        self.pubblica_amministrazione = pa;
        self
    }

    /// This profile for an agricultural utilizzatore whose work is in `area` of the CCNL operai
    /// agricoli (see [`CapProfile::agricultural_area`]).
    ///
    /// Legal basis: art. 54-bis c. 20, second sentence, and former c. 16 D.L. 50/2017; INPS msg
    /// 2887/2017 (HOURS-AGRI, CPO-AGRI-PAY, E10).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, CapProfile};
    /// let farm = CapProfile::default().with_agricultural_area(AgriculturalArea::Area3);
    /// assert_eq!(farm.agricultural_area, Some(AgriculturalArea::Area3));
    /// ```
    #[must_use]
    pub const fn with_agricultural_area(mut self, area: AgriculturalArea) -> CapProfile {
        self.agricultural_area = Some(area);
        self
    }
}

/// The fields of a [`Prestazione`], before validation (plain data).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let draft = PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::LibrettoFamiglia,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "BNCGNN60A01H501P".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 180,
///     compenso: Euro::from_euros(24),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// };
/// let p = Prestazione::try_from(draft.clone())?;
/// assert_eq!(p.minutes(), 180);
///
/// let mut zero = draft;
/// zero.minutes = 0;
/// assert!(Prestazione::try_from(zero).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrestazioneDraft {
    /// The host's id.
    pub id: PrestazioneId,
    /// LF or CPO.
    pub instrument: Instrument,
    /// Who works.
    pub prestatore: CodiceFiscale,
    /// Who pays.
    pub utilizzatore: UtilizzatoreId,
    /// The calendar day of the work: the year whose caps it counts in (reading R-YEAR-OF-WORK). A CPO
    /// prestazione is one calendar day (R-MIDNIGHT).
    pub day: Date,
    /// Its duration in minutes.
    pub minutes: u32,
    /// The compenso netto to the prestatore.
    pub compenso: Euro,
    /// Whether a comma-8 category of the prestatore holds on `day` (reading R-WEIGHT-CAP-B): the compenso
    /// then counts at 75% in cap b. Compute it with `Prestatore::special_category_on`.
    pub special_category: bool,
    /// A steward service for a società sportiva (c. 1 lett. c-bis; LF only).
    pub steward: bool,
    /// What the caps need to know about the utilizzatore.
    pub profile: CapProfile,
}

/// Why a [`PrestazioneDraft`] is not a valid prestazione.
///
/// Legal basis: art. 54-bis c. 1 lett. a (cap a) and c-bis (stewards through the Libretto
/// Famiglia), c. 10-11 (the titolo), c. 12 and c. 17 D.L. 50/2017 (the communication of each
/// prestazione); reading R-MIDNIGHT (one calendar day).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Prestazione, PrestazioneDraft, PrestazioneError, PrestazioneId};
/// use time::macros::date;
///
/// let draft = PrestazioneDraft {
///     id: PrestazioneId(7),
///     instrument: Instrument::LibrettoFamiglia,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "BNCGNN60A01H501P".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 180,
///     compenso: Euro::from_euros(24),
///     special_category: false,
///     steward: true,
///     profile: CapProfile::default(),
/// };
/// assert!(Prestazione::try_from(draft.clone()).is_ok());
///
/// let mut cpo = draft;
/// cpo.instrument = Instrument::ContrattoPrestazioneOccasionale;
/// let err = Prestazione::try_from(cpo).unwrap_err();
/// assert_eq!(err, PrestazioneError::StewardNotLf { id: PrestazioneId(7) });
/// assert_eq!(
///     err.to_string(),
///     "prestazione #7: a steward is paid through the Libretto Famiglia, not the CPO (art. 54-bis c. 1 lett. c-bis)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrestazioneError {
    /// Zero minutes.
    #[error("prestazione {id}: minutes is 0")]
    ZeroMinutes {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// More minutes than a calendar day has (a CPO prestazione is one calendar day, reading R-MIDNIGHT;
    /// the longest day, when summer time ends, has 25 hours).
    #[error(
        "prestazione {id}: minutes {minutes} exceed the 1500 minutes of the longest calendar day"
    )]
    TooLong {
        /// The prestazione.
        id: PrestazioneId,
        /// The minutes given.
        minutes: u32,
    },
    /// A zero compenso.
    #[error("prestazione {id}: compenso is 0,00 €")]
    ZeroCompenso {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// A steward prestazione through the CPO (stewards are paid through the Libretto Famiglia,
    /// art. 54-bis c. 1 lett. c-bis; INPS circ. 95/2018).
    #[error(
        "prestazione {id}: a steward is paid through the Libretto Famiglia, not the CPO (art. 54-bis c. 1 lett. c-bis)"
    )]
    StewardNotLf {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// The prestatore is also the utilizzatore.
    #[error("prestazione {id}: prestatore and utilizzatore are the same person")]
    SamePerson {
        /// The prestazione.
        id: PrestazioneId,
    },
    /// No rules are in force on the day (before the regime of art. 54-bis, 24/6/2017): no
    /// prestazione of this regime can exist then.
    #[error("prestazione {id}: {error}")]
    NoRules {
        /// The prestazione.
        id: PrestazioneId,
        /// Why there are no rules.
        error: RulesError,
    },
    /// A compenso larger than the largest annual cap the prestazione counts in: on its own it
    /// breaches that cap, so no such prestazione can lawfully exist (cap a, whose breach the
    /// INPS platform refuses; for a steward whose compensi do not count in cap a, cap c-bis).
    #[error(
        "prestazione {id}: compenso {} is above {}, the annual cap it counts in: no single prestazione may pay more ({rule}: {citation})",
        .compenso.to_italian(),
        .cap.to_italian()
    )]
    CompensoAboveCap {
        /// The prestazione.
        id: PrestazioneId,
        /// The compenso given.
        compenso: Euro,
        /// The cap in force on the day.
        cap: Euro,
        /// The cap's rule.
        rule: RuleId,
        /// Its citation.
        citation: Box<Citation>,
    },
    /// A Libretto Famiglia compenso that is not a whole number of titoli (titoli are
    /// indivisible, art. 54-bis c. 10-11).
    #[error(
        "prestazione {id}: LF compenso {} is not a whole number of titoli of {} ({rule}: {citation})",
        .compenso.to_italian(),
        .titolo.to_italian(),
        rule = RuleId::LfTitolo
    )]
    NotWholeTitoli {
        /// The prestazione.
        id: PrestazioneId,
        /// The compenso given.
        compenso: Euro,
        /// The compenso of one titolo in force on the day (8,00).
        titolo: Euro,
        /// The titolo's citation.
        citation: Box<Citation>,
    },
    /// Fewer Libretto Famiglia titoli than the minutes need (one titolo pays at most one hour,
    /// art. 54-bis c. 10-11).
    #[error(
        "prestazione {id}: {} pay at most {} of work, not {}: {} ({}) at least ({rule}: {citation})",
        titoli_words(*.titoli),
        duration(u64::from(*.titoli).saturating_mul(u64::from(*.max_minutes))),
        duration(u64::from(*.minutes)),
        titoli_words(*.needed),
        .least.to_italian(),
        rule = RuleId::LfTitolo
    )]
    TooFewTitoli {
        /// The prestazione.
        id: PrestazioneId,
        /// The titoli the compenso pays.
        titoli: u32,
        /// The minutes of the prestazione.
        minutes: u32,
        /// The titoli the minutes need.
        needed: u32,
        /// The compenso of `needed` titoli.
        least: Euro,
        /// The longest prestazione one titolo pays for (60 minutes).
        max_minutes: u32,
        /// The titolo's citation.
        citation: Box<Citation>,
    },
}

/// `1 titolo`, `2 titoli`.
fn titoli_words(n: u32) -> String {
    if n == 1 {
        "1 titolo".to_owned()
    } else {
        format!("{n} titoli")
    }
}

/// The whole Libretto Famiglia titoli that pay an LF compenso of `cents` for a prestazione of
/// `minutes`, under the titolo in force (`split`): the compenso must be `n` whole titoli (of
/// the titolo's compenso, 8,00) with `n` at least the titoli the minutes need (each titolo pays
/// at most one hour: `minutes / 60` rounded up).
///
/// More titoli than the minutes need are lawful: the law makes each titolo pay *at most* one
/// hour (a floor on the pay, as the CPO's hourly minimum), not exactly one, so two titoli for
/// one hour (16,00) are a higher pay, not a breach.
///
/// This is the one place of the rule: [`Prestazione::try_from`] applies it under the embedded
/// table, the ledger (record, assess, correct, replay) and the Scrivania under their own table.
///
/// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017 (LF-TITOLO).
#[inline]
pub(crate) fn lf_titoli(
    id: PrestazioneId,
    cents: u64,
    minutes: u32,
    split: &Cited<TitoloSplit>,
) -> Result<u32, PrestazioneError> {
    // The fast path is integer arithmetic (it runs on the ledger's record path); the errors
    // are built out of line.
    let each = split.value.compenso.cents();
    if each == 0 || !cents.is_multiple_of(each) {
        return Err(not_whole_titoli(id, cents, split));
    }
    let Ok(titoli) = u32::try_from(cents / each) else {
        return Err(not_whole_titoli(id, cents, split));
    };
    let needed = split.value.titoli_needed(minutes);
    if titoli < needed {
        return Err(too_few_titoli(id, titoli, minutes, needed, split));
    }
    Ok(titoli)
}

/// [`PrestazioneError::NotWholeTitoli`] for [`lf_titoli`].
#[cold]
#[inline(never)]
fn not_whole_titoli(id: PrestazioneId, cents: u64, split: &Cited<TitoloSplit>) -> PrestazioneError {
    PrestazioneError::NotWholeTitoli {
        id,
        compenso: Euro::from_cents(cents),
        titolo: split.value.compenso,
        citation: Box::new(split.citation.clone()),
    }
}

/// [`PrestazioneError::TooFewTitoli`] for [`lf_titoli`].
#[cold]
#[inline(never)]
fn too_few_titoli(
    id: PrestazioneId,
    titoli: u32,
    minutes: u32,
    needed: u32,
    split: &Cited<TitoloSplit>,
) -> PrestazioneError {
    PrestazioneError::TooFewTitoli {
        id,
        titoli,
        minutes,
        needed,
        least: split
            .value
            .compenso
            .checked_mul_u32(needed)
            .unwrap_or(Euro::MAX),
        max_minutes: split.value.max_minutes,
        citation: Box::new(split.citation.clone()),
    }
}

/// The largest compenso a single prestazione may pay under `rules`: the annual cap it counts
/// in, cap a (`Rules::cap_prestatore`), or for a steward whose compensi do not count in cap a
/// (reading R-STEWARD-CAP-A taken the other way) cap c-bis. A larger compenso breaches that cap
/// on its own, whatever else the year holds.
///
/// Legal basis: art. 54-bis c. 1 lett. a and c-bis D.L. 50/2017 (CAP-PRESTATORE-TOTAL,
/// CAP-STEWARD; reading R-STEWARD-CAP-A).
fn largest_compenso(rules: &Rules, steward: bool) -> (Euro, RuleId, &Citation) {
    match (steward, rules.cap_steward.value) {
        (true, Some(cap)) if !rules.steward_counts_toward_cap_prestatore.value => {
            (cap, RuleId::CapSteward, &rules.cap_steward.citation)
        }
        _ => (
            rules.cap_prestatore.value,
            RuleId::CapPrestatore,
            &rules.cap_prestatore.citation,
        ),
    }
}

/// The longest calendar day in minutes (25 hours, the day summer time ends in Europe/Rome).
const MAX_DAY_MINUTES: u32 = 25 * 60;

/// One communicated prestazione: who worked for whom, on which day, how long, for how much.
///
/// Built from a [`PrestazioneDraft`] (also through serde), so an invalid one cannot exist: it
/// lasts 1 to 1500 minutes (one calendar day), pays a compenso above zero and at most the
/// annual cap it counts in (cap a, 5.000,00: no single prestazione can lawfully pay more), falls
/// on a day of the regime (from 24/6/2017), and through the Libretto Famiglia pays whole titoli
/// of 8,00, at least one per hour (LF-TITOLO; more titoli than the minutes need are a higher
/// pay, lawful). These checks use the embedded rules table; a [`Ledger`](crate::Ledger) on
/// another table checks the titoli again under its own. The prestatore's codice fiscale is
/// kept as given; caps are counted on its canonical (de-omocoded) form.
///
/// Legal basis: art. 54-bis c. 1 lett. a (cap a), c. 10-11 (the titolo), c. 12 (LF
/// communication) and c. 17 (CPO communication) D.L. 50/2017 (CAP-PRESTATORE-TOTAL,
/// LF-TITOLO).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let draft = PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::LibrettoFamiglia,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "BNCGNN60A01H501P".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 180,
///     compenso: Euro::from_euros(24),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// };
/// let p = Prestazione::try_from(draft.clone())?;
/// assert_eq!((p.id(), p.day(), p.minutes(), p.compenso()), (PrestazioneId(1), date!(2026 - 03 - 07), 180, Euro::from_euros(24)));
///
/// // A prestazione of no time cannot exist.
/// let empty = PrestazioneDraft { minutes: 0, ..draft.clone() };
/// assert_eq!(Prestazione::try_from(empty).unwrap_err().to_string(), "prestazione #1: minutes is 0");
/// // Nor one for nothing.
/// let unpaid = PrestazioneDraft { compenso: Euro::ZERO, ..draft.clone() };
/// assert_eq!(Prestazione::try_from(unpaid).unwrap_err().to_string(), "prestazione #1: compenso is 0,00 €");
/// // Nor 2,5 titoli of the Libretto Famiglia.
/// let split = PrestazioneDraft { compenso: Euro::from_euros(20), ..draft };
/// assert!(Prestazione::try_from(split).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "PrestazioneDraft", try_from = "PrestazioneDraft")
)]
pub struct Prestazione(PrestazioneDraft);

impl TryFrom<PrestazioneDraft> for Prestazione {
    type Error = PrestazioneError;

    fn try_from(draft: PrestazioneDraft) -> Result<Prestazione, PrestazioneError> {
        let id = draft.id;
        if draft.minutes == 0 {
            return Err(PrestazioneError::ZeroMinutes { id });
        }
        if draft.minutes > MAX_DAY_MINUTES {
            return Err(PrestazioneError::TooLong {
                id,
                minutes: draft.minutes,
            });
        }
        if draft.compenso.is_zero() {
            return Err(PrestazioneError::ZeroCompenso { id });
        }
        if draft.steward && draft.instrument != Instrument::LibrettoFamiglia {
            return Err(PrestazioneError::StewardNotLf { id });
        }
        if let UtilizzatoreId::CodiceFiscale(cf) = draft.utilizzatore
            && cf.same_holder(&draft.prestatore)
        {
            return Err(PrestazioneError::SamePerson { id });
        }
        let rules = Rules::in_force_on(draft.day)
            .map_err(|error| PrestazioneError::NoRules { id, error })?;
        let (cap, rule, citation) = largest_compenso(rules, draft.steward);
        if draft.compenso > cap {
            return Err(PrestazioneError::CompensoAboveCap {
                id,
                compenso: draft.compenso,
                cap,
                rule,
                citation: Box::new(citation.clone()),
            });
        }
        if draft.instrument == Instrument::LibrettoFamiglia {
            let cents = draft.compenso.cents();
            lf_titoli(id, cents, draft.minutes, &rules.lf_titolo)?;
        }
        Ok(Prestazione(draft))
    }
}

impl From<Prestazione> for PrestazioneDraft {
    fn from(p: Prestazione) -> PrestazioneDraft {
        p.0
    }
}

impl fmt::Debug for Prestazione {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Prestazione").field(&self.0).finish()
    }
}

impl Prestazione {
    /// The host's id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.id(), PrestazioneId(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> PrestazioneId {
        self.0.id
    }
    /// LF or CPO.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.instrument(), Instrument::LibrettoFamiglia);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn instrument(&self) -> Instrument {
        self.0.instrument
    }
    /// The prestatore's codice fiscale as given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.prestatore(), "RSSMRA85T10A562S".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore(&self) -> CodiceFiscale {
        self.0.prestatore
    }
    /// The utilizzatore.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.utilizzatore().to_string(), "BNCGNN60A01H501P");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore(&self) -> UtilizzatoreId {
        self.0.utilizzatore
    }
    /// The day of the work.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.day(), date!(2026 - 03 - 07));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn day(&self) -> Date {
        self.0.day
    }
    /// Duration in minutes.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.minutes(), 180);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn minutes(&self) -> u32 {
        self.0.minutes
    }
    /// The compenso netto.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.compenso(), Euro::from_euros(24));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn compenso(&self) -> Euro {
        self.0.compenso
    }
    /// Whether a comma-8 category held on the day (reading R-WEIGHT-CAP-B).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert!(p.special_category());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn special_category(&self) -> bool {
        self.0.special_category
    }
    /// Whether it is a steward service (c. 1 lett. c-bis).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert!(!p.steward());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn steward(&self) -> bool {
        self.0.steward
    }
    /// What the caps need to know about the utilizzatore.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(p.profile(), CapProfile::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn profile(&self) -> CapProfile {
        self.0.profile
    }
    /// The fields, as plain data.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let p = Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(7),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(24),
    /// #     special_category: true,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # })?;
    /// assert_eq!(Prestazione::try_from(p.draft().clone())?, p);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn draft(&self) -> &PrestazioneDraft {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RulesTable;
    use time::macros::date;

    /// CAP-STEWARD and reading R-STEWARD-CAP-A: a steward's compenso is bounded by cap a while
    /// steward compensi count in it (the embedded table), by cap c-bis under the other reading
    /// (only a table of the host's can hold it, and `Prestazione::try_from` checks the embedded
    /// one, so this is tested here), and by cap a again before c-bis exists (1/1/2018).
    #[test]
    fn largest_compenso_follows_the_steward_reading() {
        let embedded = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
        assert!(embedded.steward_counts_toward_cap_prestatore.value);
        for steward in [false, true] {
            let (cap, rule, citation) = largest_compenso(embedded, steward);
            assert_eq!(
                (cap, rule),
                (Euro::from_euros(5_000), RuleId::CapPrestatore)
            );
            assert_eq!(citation, &embedded.cap_prestatore.citation);
        }

        let mut builder = RulesTable::embedded().to_builder();
        for row in &mut builder.steward_counts_toward_cap_prestatore {
            row.value = false;
        }
        let other = builder.build().unwrap();
        let rules = other.in_force_on(date!(2026 - 03 - 07)).unwrap();
        let (cap, rule, citation) = largest_compenso(rules, true);
        assert_eq!((cap, rule), (Euro::from_euros(5_000), RuleId::CapSteward));
        assert_eq!(citation, &rules.cap_steward.citation);
        assert_eq!(largest_compenso(rules, false).1, RuleId::CapPrestatore);
        let before_c_bis = other.in_force_on(date!(2017 - 12 - 31)).unwrap();
        assert_eq!(before_c_bis.cap_steward.value, None);
        assert_eq!(
            largest_compenso(before_c_bis, true).1,
            RuleId::CapPrestatore
        );
    }
}
