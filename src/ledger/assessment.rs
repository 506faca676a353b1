//! What the ledger answers about one prestazione: every breached cap with its explanation, the
//! headroom left under every cap that applies, and warning levels.

use std::fmt;

use rust_decimal::Decimal;
use time::Date;

use crate::format::{duration, italian_amount, italian_decimal};
use crate::identity::CodiceFiscale;
use crate::instruments::{AgriculturalArea, area_name};
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{CapProfile, Instrument, Prestazione, PrestazioneId};
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
/// assert_eq!(pair.to_string(), "CAP-PAIR: used 0,00 € + 24,00 € = 24,00 € of 2.500,00 €; room 2.476,00 €");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

    /// The room left after the prestazione, as [`Ledger::room`](crate::Ledger::room) reports
    /// it: the largest nominal compenso the utilizzatore may still pay the prestatore in the
    /// prestazione's year ([`Assessment::headroom`]), its whole LF titoli, the minutes left
    /// under the hour limit, the rule that binds (the cap with the least headroom, or the hour
    /// limit when it is used up) and every money cap.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (worked
    /// example E5, E11).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::LibrettoFamiglia,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "BNCGNN60A01H501P".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 180,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// use prestazioni_occasionali::RuleId;
    ///
    /// let room = Ledger::default().assess(&Prestazione::try_from(draft.clone())?)?.room();
    /// // 2.000,00 leaves 500,00 under cap c: 62 whole titoli of 8,00.
    /// assert_eq!((room.compenso, room.titoli, room.binding), (Euro::from_euros(500), 62, RuleId::CapPair));
    ///
    /// // Past cap c there is no room at all.
    /// let over = PrestazioneDraft { compenso: Euro::from_euros(2_600), ..draft };
    /// assert_eq!(Ledger::default().assess(&Prestazione::try_from(over)?)?.room().compenso, Euro::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn room(&self) -> Room {
        let mut best: Option<&MoneyCap> = None;
        for cap in self.money_caps() {
            if best.is_none_or(|b| cap.headroom < b.headroom) {
                best = Some(cap);
            }
        }
        let minutes = self.hours.map(|h| h.headroom);
        let (compenso, titoli, binding) = match (self.hours, best) {
            (Some(h), _) if h.headroom == 0 => (
                Euro::ZERO,
                0,
                match h.agricultural_area {
                    Some(_) => RuleId::HoursAgri,
                    None => RuleId::Hours280,
                },
            ),
            (_, Some(cap)) => (cap.headroom, cap.titoli, cap.rule),
            (_, None) => (Euro::ZERO, 0, RuleId::CapPrestatore),
        };
        Room {
            compenso,
            titoli,
            minutes,
            binding,
            caps: self.money_caps().cloned().collect(),
        }
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

impl RoomQuery {
    /// The room question for the prestatore, utilizzatore, day, instrument, comma-8 category,
    /// steward flag and profile of `p`: what [`Ledger::room`](crate::Ledger::room) answers
    /// before `p` is recorded, without restating the prestazione's fields.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RoomQuery, RuleId};
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
    /// let query = RoomQuery::for_prestazione(&p);
    /// assert_eq!((query.day, query.instrument), (p.day(), p.instrument()));
    /// let room = Ledger::default().room(&query)?;
    /// assert_eq!((room.compenso, room.binding), (Euro::from_euros(2_500), RuleId::CapPair));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_prestazione(p: &Prestazione) -> RoomQuery {
        RoomQuery {
            prestatore: p.prestatore(),
            utilizzatore: p.utilizzatore(),
            day: p.day(),
            instrument: p.instrument(),
            special_category: p.special_category(),
            steward: p.steward(),
            profile: p.profile(),
        }
    }
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
/// assert_eq!(
///     room.to_string().lines().next(),
///     Some("room 2.500,00 €, set by CAP-PAIR; 280 h 00 min left under the hour limit")
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Room {
    /// The largest nominal compenso, rounded down to the cent.
    pub compenso: Euro,
    /// `compenso` in whole Libretto Famiglia titoli (8,00 each).
    pub titoli: u32,
    /// Minutes left under the hour limit (280 hours, or the agricultural limit), when it applies.
    pub minutes: Option<u32>,
    /// The rule that sets the limit (the cap with the least room, the first of a, b, c, c-bis
    /// when two leave the same; or [`RuleId::Hours280`] / [`RuleId::HoursAgri`] when the hour
    /// limit is used up).
    pub binding: RuleId,
    /// Every money cap that applies, with its own headroom and titoli (a, b, c, c-bis).
    pub caps: Vec<MoneyCap>,
}

impl fmt::Display for MoneyCap {
    /// One line in the crate's Italian formats: what is used of the cap (before and with the
    /// prestazione, when it asks for something), the excess when breached, and the room left
    /// after it. Cap b says which figures are counted (compensi to comma-8 prestatori at their
    /// c. 8 weight) and which are nominal:
    ///
    /// - `CAP-PAIR: used 2.472,00 € of 2.500,00 €; room 28,00 €`
    /// - `CAP-PAIR: used 2.472,00 € + 32,00 € = 2.504,00 € of 2.500,00 €, over by 4,00 €; room 0,00 €`
    /// - `CAP-UTILIZZATORE-TOTAL: counted 1.854,00 € of 10.000,00 € (compensi to comma-8
    ///   prestatori, this one included, counted at 75%); room 8.146,00 € counted, i.e.
    ///   8.146,00 € to an ordinary prestatore or 10.861,33 € to this one`
    ///
    /// The rule id names the rule in the crate's legal reference (`law::rules`); the citation
    /// of the cap in force is [`MoneyCap::citation`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cap_b = self.rule == RuleId::CapUtilizzatore;
        write!(
            f,
            "{}: {} {}",
            self.rule,
            if cap_b { "counted" } else { "used" },
            italian_amount(self.used)
        )?;
        if !self.requested.is_zero() {
            write!(
                f,
                " + {} = {}",
                italian_amount(self.requested),
                italian_amount(self.total())
            )?;
        }
        write!(f, " of {}", self.limit.to_italian())?;
        if cap_b {
            match self.weight {
                Some(w) => write!(
                    f,
                    " (compensi to comma-8 prestatori, this one included, counted at {}%)",
                    italian_decimal(w.saturating_mul(Decimal::ONE_HUNDRED))
                )?,
                None => f.write_str(
                    " (compensi to comma-8 prestatori counted at their c. 8 weight, this prestatore's in full)",
                )?,
            }
        }
        let limit = self.limit.as_decimal();
        let total = self.total();
        if total > limit {
            write!(f, ", over by {}", italian_amount(total - limit))?;
        }
        match (cap_b, self.weight) {
            (true, Some(_)) => {
                let counted_room = if total >= limit {
                    Decimal::ZERO
                } else {
                    limit - total
                };
                let ordinary = Euro::round_down(counted_room)
                    .map_or_else(|_| italian_amount(counted_room), Euro::to_italian);
                write!(
                    f,
                    "; room {} counted, i.e. {ordinary} to an ordinary prestatore or {} to this one",
                    italian_amount(counted_room),
                    self.headroom.to_italian()
                )?;
            }
            _ => write!(f, "; room {}", self.headroom.to_italian())?,
        }
        if let Some(level) = self.warning {
            write!(f, " (warning: {level}% of the cap reached)")?;
        }
        Ok(())
    }
}

impl fmt::Display for HoursCap {
    /// One line: the hours used of the limit (before and with the prestazione), the excess when
    /// breached, and what is left: `HOURS-280: used 240 h 20 min + 2 h 20 min = 242 h 40 min of
    /// 280 h 00 min; 37 h 20 min left`; in agriculture 2017-2022 `HOURS-AGRI (area 3): ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.agricultural_area {
            Some(area) => write!(f, "{} ({})", RuleId::HoursAgri, area_name(area))?,
            None => write!(f, "{}", RuleId::Hours280)?,
        }
        write!(f, ": used {}", duration(u64::from(self.used)))?;
        let total = u64::from(self.used) + u64::from(self.requested);
        if self.requested > 0 {
            write!(
                f,
                " + {} = {}",
                duration(u64::from(self.requested)),
                duration(total)
            )?;
        }
        write!(f, " of {}", duration(u64::from(self.limit)))?;
        if let Some(over) = total.checked_sub(u64::from(self.limit)).filter(|m| *m > 0) {
            write!(f, ", over by {}", duration(over))?;
        }
        write!(f, "; {} left", duration(u64::from(self.headroom)))?;
        if let Some(level) = self.warning {
            write!(f, " (warning: {level}% of the limit reached)")?;
        }
        Ok(())
    }
}

impl fmt::Display for Room {
    /// The room on a first line (`room 28,00 €, set by CAP-PAIR; 39 h 40 min left under the hour
    /// limit`), then each money cap on its own line, indented by two spaces, as
    /// [`MoneyCap`]'s `Display` writes it. Titoli are not shown: they exist only in the Libretto
    /// Famiglia (the field `titoli` has them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "room {}, set by {}",
            self.compenso.to_italian(),
            self.binding
        )?;
        if let Some(minutes) = self.minutes {
            write!(
                f,
                "; {} left under the hour limit",
                duration(u64::from(minutes))
            )?;
        }
        for cap in &self.caps {
            write!(f, "\n  {cap}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Assessment {
    /// A first line with the prestazione, its day and whether it fits every cap
    /// (`prestazione #5 on 2026-03-07: within every cap`, or `...: breaches CAP-PAIR`), then one
    /// line per breach with its citation and consequence, then every cap that applies and the
    /// hour limit as [`MoneyCap`] and [`HoursCap`] write them, indented by two spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "prestazione {} on {}: ", self.prestazione, self.day)?;
        if self.verdict.is_lawful() {
            f.write_str("within every cap")?;
        } else {
            let rules: Vec<&str> = self
                .verdict
                .breaches
                .iter()
                .map(|b| b.rule.as_str())
                .collect();
            write!(f, "breaches {}", rules.join(", "))?;
        }
        for breach in &self.verdict.breaches {
            write!(f, "\n  {breach}; consequence: {}", breach.consequence)?;
        }
        for cap in self.money_caps() {
            write!(f, "\n  {cap}")?;
        }
        if let Some(hours) = &self.hours {
            write!(f, "\n  {hours}")?;
        }
        Ok(())
    }
}
