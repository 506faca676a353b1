//! What the ledger answers about one prestazione: every breached cap with its explanation, the
//! headroom left under every cap that applies, and warning levels.

use rust_decimal::Decimal;
use time::Date;

use crate::identity::CodiceFiscale;
use crate::instruments::AgriculturalArea;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{CapProfile, Instrument, PrestazioneId};
use crate::rules::{Citation, Rules};
use crate::verdict::{Consequence, RuleId, Verdict};

/// The state of one cap in euro (a, b, c or c-bis) for one prestazione.
///
/// Amounts are exact decimals: for cap b, `used` and `requested` are *counted* amounts (compensi
/// of comma-8 prestatori weighted at 75%, reading R-WEIGHT-CAP-B), which may have more than two decimals;
/// they are rounded only for display. `headroom` is nominal: the largest compenso that this
/// prestatore may still receive under this cap *after* the prestazione (for a comma-8
/// prestatore under cap b, the counted room divided by the weight), rounded down to the cent so
/// that paying it never breaches the cap.
///
/// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis and c. 8 D.L. 50/2017; a total equal to
/// the cap is lawful (reading R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId};
/// use time::macros::date;
///
/// let p = Prestazione::try_from(PrestazioneDraft {
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
/// })?;
/// let a = Ledger::default().assess(&p)?;
/// let pair = a.cap_pair.as_ref().unwrap();
/// assert_eq!(pair.rule, RuleId::CapPair);
/// assert_eq!(pair.headroom, Euro::from_euros(2_476));
/// assert_eq!(pair.titoli, 309); // 2.476 / 8,00
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MoneyCap {
    /// Which cap.
    pub rule: RuleId,
    /// The cap in force on the day of the prestazione.
    pub limit: Euro,
    /// Already used this year, before the prestazione (counted amounts for cap b; for cap a it
    /// includes the external total).
    pub used: Decimal,
    /// What the prestazione adds (counted, i.e. weighted, for cap b).
    pub requested: Decimal,
    /// The weight applied to this prestatore's compensi in this cap (`Some(0,75)` for a comma-8
    /// prestatore under cap b), `None` when compensi count at their nominal amount.
    pub weight: Option<Decimal>,
    /// The nominal compenso this prestatore may still receive under this cap after the
    /// prestazione, rounded down to the cent (zero when the cap is reached or breached).
    pub headroom: Euro,
    /// `headroom` in whole Libretto Famiglia titoli (compenso 8,00 each; worked example E11).
    pub titoli: u32,
    /// The highest host-chosen warning threshold (a percentage of `limit`) that `used +
    /// requested` reaches, if any.
    pub warning: Option<u8>,
}

impl MoneyCap {
    /// `used + requested`, exact.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let p = Prestazione::try_from(PrestazioneDraft {
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
    /// })?;
    /// let a = Ledger::default().assess(&p)?;
    /// let pair = a.cap_pair.as_ref().ok_or("cap c applies")?;
    /// assert_eq!(pair.total(), Euro::from_euros(24).as_decimal());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total(&self) -> Decimal {
        self.used.saturating_add(self.requested)
    }

    /// Whether the total exceeds the cap (one cent more than the cap does, reading R-CAP-INCLUSIVE).
    ///
    /// Legal basis: art. 54-bis c. 1 D.L. 50/2017 ("non superiore a", reading R-CAP-INCLUSIVE).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// use time::macros::date;
    ///
    /// let p = Prestazione::try_from(PrestazioneDraft {
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
    /// })?;
    /// let a = Ledger::default().assess(&p)?;
    /// let pair = a.cap_pair.as_ref().ok_or("cap c applies")?;
    /// assert!(!pair.is_breached());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_breached(&self) -> bool {
        self.total() > self.limit.as_decimal()
    }

    /// The citation of this cap in `rules` (the rules in force on the day asked about), for a
    /// utilizzatore with `profile`: cap b cites the events amendment when the events cap applies.
    /// `None` only for a rule that is not a money cap.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis D.L. 50/2017 and their amendments.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Instrument, Ledger, RoomQuery, RuleId, Rules};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 07);
    /// let events = CapProfile::default().with_events_sector(true);
    /// let q = RoomQuery {
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "12345670157".parse()?,
    ///     day,
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     special_category: false,
    ///     steward: false,
    ///     profile: events,
    /// };
    /// let rules = Rules::in_force_on(day)?;
    /// let room = Ledger::default().room(&q)?;
    /// let b = room.caps.iter().find(|c| c.rule == RuleId::CapUtilizzatore).ok_or("cap b applies")?;
    /// let cited = b.citation(rules, events).ok_or("a money cap")?;
    /// assert!(cited.to_string().contains("D.L. 48/2023 art. 37"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn citation<'r>(&self, rules: &'r Rules, profile: CapProfile) -> Option<&'r Citation> {
        match self.rule {
            RuleId::CapPrestatore => Some(&rules.cap_prestatore.citation),
            RuleId::CapUtilizzatore => Some(
                if profile.events_sector && rules.cap_utilizzatore_events.value.is_some() {
                    &rules.cap_utilizzatore_events.citation
                } else {
                    &rules.cap_utilizzatore.citation
                },
            ),
            RuleId::CapPair => Some(&rules.cap_pair.citation),
            RuleId::CapSteward => Some(&rules.cap_steward.citation),
            _ => None,
        }
    }
}

/// The state of the hour limit of one prestatore-utilizzatore pair for one prestazione, in
/// minutes: the 280 hours, or for a profile with an agricultural area while the rules in force
/// have agricultural rates (24/6/2017 to 31/12/2022) the agricultural limit of that area
/// ([`agricultural_hour_limit`](crate::agricultural_hour_limit): 259 / 284 / 381 h).
///
/// Legal basis: art. 54-bis c. 20 D.L. 50/2017 (HOURS-280; the Libretto Famiglia counts
/// when `Rules::hours_limit_applies_to_lf`, reading R-HOURS-LF); in agriculture c. 20, second sentence,
/// and INPS msg 2887/2017 (HOURS-AGRI, E10).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// use time::macros::date;
///
/// let p = Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "12345670157".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 240,
///     compenso: Euro::from_euros(36),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// })?;
/// let hours = Ledger::default().assess(&p)?.hours.unwrap();
/// assert_eq!((hours.limit, hours.headroom), (280 * 60, 276 * 60));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct HoursCap {
    /// The limit in minutes (280 × 60, or the agricultural limit × 60).
    pub limit: u32,
    /// Minutes already counted this year for the pair.
    pub used: u32,
    /// The prestazione's minutes.
    pub requested: u32,
    /// Minutes left after the prestazione (zero when reached or breached).
    pub headroom: u32,
    /// The highest warning threshold reached, if any.
    pub warning: Option<u8>,
    /// The area whose agricultural limit `limit` is; `None` for the 280 hours.
    #[cfg_attr(feature = "serde", serde(default))]
    pub agricultural_area: Option<AgriculturalArea>,
}

/// The ledger's answer about one prestazione: the breaches (with id, limit, used, requested,
/// excess, consequence and citation) and the state of every cap that applies to it.
///
/// A cap that does not apply is `None`: cap b and cap c for a steward service (c-bis applies
/// instead; INPS circ. 95/2018), cap a for a steward when `Rules::steward_counts_toward_cap_prestatore`
/// is false (reading R-STEWARD-CAP-A), c-bis for everything but steward services, the 280 hours for the
/// Libretto Famiglia when `Rules::hours_limit_applies_to_lf` is false (reading R-HOURS-LF).
///
/// Legal basis: art. 54-bis c. 1, c. 8, c. 20 D.L. 50/2017; consequences per reading R-CONSEQUENCES.
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let draft = PrestazioneDraft {
/// #     id: PrestazioneId(1),
/// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
/// #     prestatore: "RSSMRA85T10A562S".parse()?,
/// #     utilizzatore: "12345670157".parse()?,
/// #     day: date!(2026 - 03 - 07),
/// #     minutes: 240,
/// #     compenso: Euro::from_euros(2_000),
/// #     special_category: false,
/// #     steward: false,
/// #     profile: CapProfile::default(),
/// # };
/// use prestazioni_occasionali::RuleId;
///
/// let a = Ledger::default().assess(&Prestazione::try_from(draft.clone())?)?;
/// assert_eq!((a.prestazione, a.day), (PrestazioneId(1), date!(2026 - 03 - 07)));
/// assert!(a.verdict.is_lawful());
/// // Cap c leaves 500,00; a CPO prestazione has no cap c-bis.
/// assert_eq!(a.cap_pair.as_ref().map(|c| c.headroom), Some(Euro::from_euros(500)));
/// assert!(a.cap_steward.is_none());
/// assert_eq!(a.hours.map(|h| h.headroom), Some(280 * 60 - 240));
///
/// let over = PrestazioneDraft { compenso: Euro::from_euros(2_600), ..draft };
/// let a = Ledger::default().assess(&Prestazione::try_from(over)?)?;
/// assert!(a.verdict.breaches_rule(RuleId::CapPair));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Assessment {
    /// The prestazione assessed.
    pub prestazione: PrestazioneId,
    /// Its day (its calendar year is the year of every total, reading R-YEAR-OF-WORK).
    pub day: Date,
    /// Every breached rule; empty when the prestazione fits every cap.
    pub verdict: Verdict,
    /// Cap a, per prestatore across all utilizzatori.
    pub cap_prestatore: Option<MoneyCap>,
    /// Cap b, per utilizzatore across all prestatori (weighted).
    pub cap_utilizzatore: Option<MoneyCap>,
    /// Cap c, per pair.
    pub cap_pair: Option<MoneyCap>,
    /// Cap c-bis, per steward per società sportiva.
    pub cap_steward: Option<MoneyCap>,
    /// The hour limit per pair (280 hours; in agriculture 2017-2022 the area's limit).
    pub hours: Option<HoursCap>,
}

impl Assessment {
    /// Whether no rule is breached.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let ledger = Ledger::default();
    /// assert!(ledger.assess(&Prestazione::try_from(draft.clone())?)?.is_lawful());
    /// let over = PrestazioneDraft { compenso: Euro::from_cents(250_001), ..draft };
    /// assert!(!ledger.assess(&Prestazione::try_from(over)?)?.is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_lawful(&self) -> bool {
        self.verdict.is_lawful()
    }

    /// Every money cap that applies, in the order a, b, c, c-bis.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// use prestazioni_occasionali::RuleId;
    ///
    /// let a = Ledger::default().assess(&Prestazione::try_from(draft)?)?;
    /// let rules: Vec<RuleId> = a.money_caps().map(|c| c.rule).collect();
    /// assert_eq!(rules, [RuleId::CapPrestatore, RuleId::CapUtilizzatore, RuleId::CapPair]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn money_caps(&self) -> impl Iterator<Item = &MoneyCap> {
        [
            &self.cap_prestatore,
            &self.cap_utilizzatore,
            &self.cap_pair,
            &self.cap_steward,
        ]
        .into_iter()
        .flatten()
    }

    /// Whether some breach is one the INPS platform refuses (caps a and b, reading R-CONSEQUENCES), as
    /// opposed to one that converts the relationship (cap c, c-bis, 280 hours).
    ///
    /// Legal basis: art. 54-bis c. 1 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, ExternalTotal, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// // Cap c (2.500,00) breached: the relationship converts, the platform does not refuse.
    /// let pair = PrestazioneDraft { compenso: Euro::from_euros(2_600), ..draft.clone() };
    /// assert!(!ledger.assess(&Prestazione::try_from(pair)?)?.has_platform_refusal());
    /// // Cap a (5.000,00) breached, with 3.000,00 from other utilizzatori: the platform refuses.
    /// let others = ExternalTotal { prestatore: draft.prestatore, year: 2026, total: Euro::from_euros(3_000), as_of: date!(2026 - 03 - 01) };
    /// ledger.set_external_total(&others)?;
    /// let whole_year = PrestazioneDraft { compenso: Euro::from_euros(2_001), ..draft };
    /// assert!(ledger.assess(&Prestazione::try_from(whole_year)?)?.has_platform_refusal());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has_platform_refusal(&self) -> bool {
        self.verdict.breaches.iter().any(|b| {
            !matches!(
                b.consequence,
                Consequence::Conversion { .. } | Consequence::UnlawfulUsePa
            )
        })
    }

    /// The largest nominal compenso this prestatore may still receive from this utilizzatore
    /// after the prestazione: the smallest headroom of the money caps (zero when the hour limit
    /// is used up).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let ledger = Ledger::default();
    /// // 2.000,00 leaves 500,00 under cap c, the tightest cap.
    /// assert_eq!(ledger.assess(&Prestazione::try_from(draft.clone())?)?.headroom(), Euro::from_euros(500));
    /// // 280 hours used up: no room at all, whatever the money caps say.
    /// let all_hours = PrestazioneDraft { minutes: 1_500, ..draft };
    /// let mut ledger = Ledger::default();
    /// for day in 1..=11u8 {
    ///     let d = time::Date::from_calendar_date(2026, time::Month::April, day)?;
    ///     let p = PrestazioneDraft { id: PrestazioneId(day.into()), day: d, compenso: Euro::from_euros(100), ..all_hours.clone() };
    ///     ledger.record(&Prestazione::try_from(p)?)?;
    /// }
    /// // 11 × 1.500 minutes + 300 reach the 16.800 minutes (280 hours) exactly.
    /// let last = PrestazioneDraft { id: PrestazioneId(13), day: date!(2026 - 04 - 20), minutes: 300, compenso: Euro::from_euros(45), ..all_hours };
    /// assert_eq!(ledger.assess(&Prestazione::try_from(last)?)?.headroom(), Euro::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn headroom(&self) -> Euro {
        if self.hours.is_some_and(|h| h.headroom == 0) {
            return Euro::ZERO;
        }
        self.money_caps()
            .map(|c| c.headroom)
            .min()
            .unwrap_or(Euro::ZERO)
    }
}

/// Which breaches [`Ledger::record_with`](crate::Ledger::record_with) refuses.
///
/// Legal basis: reading R-CONSEQUENCES (the platform refuses breaches of caps a and b; cap c, c-bis
/// and the 280 hours convert the relationship instead of being refused).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::RecordPolicy;
/// assert_eq!(RecordPolicy::default(), RecordPolicy::RefuseEveryBreach);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RecordPolicy {
    /// Refuse a prestazione that breaches any rule (the default: a ledger that follows it never
    /// holds a breach).
    #[default]
    RefuseEveryBreach,
    /// Reconstruction of what already happened: record a prestazione whose only breaches are
    /// conversion-type (cap c, c-bis, 280 hours: `Consequence::Conversion`, or
    /// `Consequence::UnlawfulUsePa` for a PA), and still refuse one that breaches cap a or b
    /// (`Consequence::PlatformRefusal`: the INPS platform would not have accepted it, so it did
    /// not happen as occasional work). The returned assessment lists the conversion breaches.
    RecordConversionBreaches,
}

/// A question for [`Ledger::room`](crate::Ledger::room): who would work for whom, on which day,
/// with which instrument and flags (the same fields as a prestazione, without id, minutes and
/// compenso).
///
/// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (worked example E5, E11).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, RoomQuery, RuleId};
/// use time::macros::date;
///
/// let query = RoomQuery {
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "00743110157".parse()?,
///     day: date!(2026 - 03 - 07),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// };
/// // A CPO for a firm with no history: cap c (2.500,00) binds.
/// let room = Ledger::default().room(&query)?;
/// assert_eq!((room.compenso, room.binding), (Euro::from_euros(2_500), RuleId::CapPair));
/// // A steward service for a società sportiva: cap c-bis (5.000,00) instead of cap c.
/// let steward = RoomQuery { steward: true, instrument: Instrument::LibrettoFamiglia, ..query };
/// assert_eq!(Ledger::default().room(&steward)?.caps.iter().map(|c| c.rule).last(), Some(RuleId::CapSteward));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RoomQuery {
    /// Who would work.
    pub prestatore: CodiceFiscale,
    /// Who would pay.
    pub utilizzatore: UtilizzatoreId,
    /// The day of the work.
    pub day: Date,
    /// LF or CPO.
    pub instrument: Instrument,
    /// Whether a comma-8 category of the prestatore holds on `day` (reading R-WEIGHT-CAP-B).
    pub special_category: bool,
    /// A steward service for a società sportiva (c. 1 lett. c-bis).
    pub steward: bool,
    /// What the caps need to know about the utilizzatore.
    pub profile: CapProfile,
}

/// The answer of [`Ledger::room`](crate::Ledger::room): the largest compenso (and number of LF
/// titoli) the utilizzatore may still pay the prestatore on the day.
///
/// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (worked example E5, E11).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, RoomQuery, RuleId};
/// use time::macros::date;
///
/// let query = RoomQuery {
///     prestatore: "RSSMRA85T10A562S".parse()?,
///     utilizzatore: "00743110157".parse()?,
///     day: date!(2026 - 03 - 07),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// };
/// let room = Ledger::default().room(&query)?;
/// assert_eq!(room.compenso, Euro::from_euros(2_500));
/// // 2.500,00 in whole LF titoli of 8,00: 312 (worked example E11).
/// assert_eq!(room.titoli, 312);
/// assert_eq!(room.minutes, Some(280 * 60));
/// assert_eq!(room.binding, RuleId::CapPair);
/// assert_eq!(room.caps.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Room {
    /// The largest nominal compenso, rounded down to the cent.
    pub compenso: Euro,
    /// `compenso` in whole Libretto Famiglia titoli (8,00 each).
    pub titoli: u32,
    /// Minutes left under the hour limit (280 hours, or the agricultural limit), when it applies.
    pub minutes: Option<u32>,
    /// The rule that sets the limit (the cap with the least room, or [`RuleId::Hours280`] /
    /// [`RuleId::HoursAgri`] when the hour limit is used up).
    pub binding: RuleId,
    /// Every money cap that applies, with its own headroom and titoli (a, b, c, c-bis).
    pub caps: Vec<MoneyCap>,
}
