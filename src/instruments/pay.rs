//! The pay side of each instrument: Libretto Famiglia titoli for a duration, the CPO pay floor
//! of one calendar day, and CPO work split at Italian midnight (LF-TITOLO, CPO-MIN-PAY, E1, E4,
//! readings R-MIDNIGHT, R-CIVIL-TIME).

use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

use super::InstrumentError;
use crate::civil_time::ItalianClock;
use crate::format::duration;
use crate::money::Euro;
use crate::rules::{AgriculturalRates, Citation, Cited, Rules, RulesTable};
use crate::verdict::{Breach, Consequence, RuleId, Verdict};

/// The longest calendar day in minutes: 25 hours, the day summer time ends in Europe/Rome.
const LONGEST_DAY_MINUTES: u32 = 25 * 60;

/// The most calendar days [`split_at_midnight`] accepts: a single communicated prestazione
/// spanning more than a month is taken to be an input error (not a legal limit).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{MAX_SPAN_DAYS, RulesTable, split_at_midnight};
/// use time::macros::datetime;
///
/// assert_eq!(MAX_SPAN_DAYS, 31);
/// let table = RulesTable::embedded();
/// let month = split_at_midnight(datetime!(2026-01-01 08:00 +01:00), datetime!(2026-01-31 10:00 +01:00), table)?;
/// assert_eq!(month.len(), 31);
/// assert!(split_at_midnight(datetime!(2026-01-01 08:00 +01:00), datetime!(2026-02-01 10:00 +01:00), table).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_SPAN_DAYS: u32 = 31;

/// The whole Libretto Famiglia titoli a prestazione of `minutes` needs: each titolo pays for at
/// most one hour and titoli are indivisible, so the count is `minutes / 60` rounded up (60 → 1,
/// 61 → 2, 80 → 2). The compenso is `titoli × 8,00` ([`CostBreakdown::lf`](crate::CostBreakdown::lf)).
///
/// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017 (LF-TITOLO, E1).
///
/// # Errors
///
/// [`InstrumentError::ZeroMinutes`] for 0 minutes.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, titoli_for_minutes};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(titoli_for_minutes(80, rules)?, 2);
/// assert_eq!(
///     titoli_for_minutes(0, rules).unwrap_err().to_string(),
///     "minutes is 0: a prestazione lasts at least one minute"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn titoli_for_minutes(minutes: u32, rules: &Rules) -> Result<u32, InstrumentError> {
    if minutes == 0 {
        return Err(InstrumentError::ZeroMinutes);
    }
    Ok(rules.lf_titolo.value.titoli_needed(minutes))
}

/// The least CPO compenso for one calendar day's prestazione of `minutes`: the daily minimum
/// (36,00), and beyond the hours it covers (4) the hourly minimum (9,00) pro rata per minute,
/// rounded to the cent half away from zero: `max(36,00, 9,00 × minutes / 60)`.
///
/// Reading R-DAILY-MINIMUM: the daily minimum applies to every day's prestazione, continuous or
/// not (the conservative reading of c. 17 lett. e: a day's compenso never falls below it); one
/// prestazione is one calendar day (reading R-MIDNIGHT, see [`split_at_midnight`]).
///
/// Legal basis: art. 54-bis c. 16, c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY, E6).
///
/// # Errors
///
/// [`InstrumentError::ZeroMinutes`] for 0 minutes, [`InstrumentError::TooManyMinutes`] above
/// the 1500 minutes of the longest calendar day.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules, cpo_minimum_compenso};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(cpo_minimum_compenso(60, rules)?, Euro::from_euros(36));
/// assert_eq!(cpo_minimum_compenso(240, rules)?, Euro::from_euros(36));
/// assert_eq!(cpo_minimum_compenso(270, rules)?, Euro::from_cents(4050));
/// assert!(cpo_minimum_compenso(0, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cpo_minimum_compenso(minutes: u32, rules: &Rules) -> Result<Euro, InstrumentError> {
    check_day_minutes(minutes)?;
    let hourly = pro_rata(rules.cpo_min_hourly.value, minutes, "CPO minimum compenso")?;
    Ok(hourly.max(rules.cpo_min_daily.value.amount))
}

/// One calendar day's minutes: at least 1, at most the 1500 of the longest day.
fn check_day_minutes(minutes: u32) -> Result<(), InstrumentError> {
    if minutes == 0 {
        return Err(InstrumentError::ZeroMinutes);
    }
    if minutes > LONGEST_DAY_MINUTES {
        return Err(InstrumentError::TooManyMinutes {
            minutes,
            max: LONGEST_DAY_MINUTES,
        });
    }
    Ok(())
}

/// `hourly` for `minutes`, rounded to the cent half away from zero.
fn pro_rata(hourly: Euro, minutes: u32, what: &'static str) -> Result<Euro, InstrumentError> {
    let amount = hourly
        .checked_mul_decimal(Decimal::from(minutes))
        .and_then(|m| m.checked_div(Decimal::from(60)))
        .ok_or(InstrumentError::Overflow { what })?;
    Ok(Euro::round_half_away_from_zero(amount)?)
}

/// Whether a CPO compenso respects the pay floor of [`cpo_minimum_compenso`] for one calendar
/// day's prestazione of `minutes`. A compenso below the floor is a breach of
/// [`RuleId::CpoMinPay`] citing the rule that sets the floor (the daily minimum up to its
/// hours, the hourly minimum beyond).
///
/// Reading (R-CONSEQUENCES): the consequence is [`Consequence::PlatformRefusal`]: the compenso is a field
/// of the prior communication (c. 17 lett. e) and the INPS platform does not accept one below
/// the minimum, so the prestazione cannot be communicated as declared.
///
/// This is the general floor. An agricultural CPO of 24/6/2017-31/12/2022 had the CCNL rate of
/// its area instead: check it with [`check_cpo_pay_agricultural`] (CPO-AGRI-PAY).
///
/// Legal basis: art. 54-bis c. 16, c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY).
///
/// # Errors
///
/// As [`cpo_minimum_compenso`]: an invalid duration is an error, an unlawful compenso is a
/// verdict.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, RuleId, Rules, check_cpo_pay};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert!(check_cpo_pay(Euro::from_euros(36), 240, rules)?.is_lawful());
/// let low = check_cpo_pay(Euro::from_euros(30), 120, rules)?;
/// assert!(low.breaches_rule(RuleId::CpoMinPay));
/// assert_eq!(
///     low.to_string(),
///     "CPO-MIN-PAY: compenso 30,00 € is below the minimum 36,00 € for a prestazione of 2 h 00 min (art. 54-bis c. 17 lett. e D.L. 50/2017)"
/// );
/// assert!(check_cpo_pay(Euro::from_euros(36), 0, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_cpo_pay(
    compenso: Euro,
    minutes: u32,
    rules: &Rules,
) -> Result<Verdict, InstrumentError> {
    let minimum = cpo_minimum_compenso(minutes, rules)?;
    let mut verdict = Verdict::default();
    if compenso < minimum {
        verdict.push(Breach::new(
            RuleId::CpoMinPay,
            cpo_floor_citation(minimum, rules).clone(),
            format!(
                "compenso {} is below the minimum {} for a prestazione of {}",
                compenso.to_italian(),
                minimum.to_italian(),
                duration(u64::from(minutes))
            ),
            Consequence::PlatformRefusal,
        ));
    }
    Ok(verdict)
}

/// The rule that sets a CPO floor of `minimum` ([`cpo_minimum_compenso`]): the daily minimum
/// (c. 17 lett. e) when the floor is the daily amount, else the hourly minimum (c. 16).
pub(crate) fn cpo_floor_citation(minimum: Euro, rules: &Rules) -> &Citation {
    let daily = &rules.cpo_min_daily;
    if minimum == daily.value.amount {
        &daily.citation
    } else {
        &rules.cpo_min_hourly.citation
    }
}

/// The three areas of the CCNL operai agricoli whose hourly rate was the pay floor of an
/// agricultural CPO from 24/6/2017 to 31/12/2022 (9,65 / 8,80 / 6,56 per hour).
///
/// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017 (CPO-AGRI-PAY).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgriculturalArea, Euro, Rules};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2019 - 07 - 01))?;
/// assert_eq!(AgriculturalArea::Area3.hourly_rate(rules), Some(Euro::from_cents(656)));
/// // No agricultural rates from 1/1/2023: CPO is banned in agriculture.
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(AgriculturalArea::Area3.hourly_rate(rules), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AgriculturalArea {
    /// Area 1 (9,65 per hour).
    Area1,
    /// Area 2 (8,80 per hour).
    Area2,
    /// Area 3 (6,56 per hour).
    Area3,
}

impl AgriculturalArea {
    /// Every area, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::AgriculturalArea;
    /// assert_eq!(AgriculturalArea::ALL.len(), 3);
    /// assert_eq!(AgriculturalArea::ALL[0], AgriculturalArea::Area1);
    /// ```
    pub const ALL: [AgriculturalArea; 3] = [
        AgriculturalArea::Area1,
        AgriculturalArea::Area2,
        AgriculturalArea::Area3,
    ];

    /// The area with the highest hourly rate under `rules` (the highest pay floor and the lowest
    /// hour limit), or `None` when the rules have no agricultural rates: the conservative area
    /// when the host gives none (CPO-AGRI-PAY, HOURS-AGRI, reading R-AGRI-AREA).
    pub(crate) fn strictest(rules: &Rules) -> Option<AgriculturalArea> {
        AgriculturalArea::ALL
            .into_iter()
            .filter_map(|area| area.hourly_rate(rules).map(|rate| (rate, area)))
            .max_by_key(|(rate, _)| *rate)
            .map(|(_, area)| area)
    }

    /// This area's CCNL hourly rate under `rules`, or `None` when the rules in force have no
    /// agricultural rates (from 1/1/2023).
    ///
    /// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017
    /// (CPO-AGRI-PAY).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, Euro, Rules};
    /// use time::macros::date;
    ///
    /// let rules = Rules::in_force_on(date!(2018 - 01 - 15))?;
    /// assert_eq!(AgriculturalArea::Area1.hourly_rate(rules), Some(Euro::from_cents(965)));
    /// assert_eq!(AgriculturalArea::Area1.hourly_rate(Rules::in_force_on(date!(2023 - 01 - 01))?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn hourly_rate(self, rules: &Rules) -> Option<Euro> {
        rules
            .agriculture_hourly_rates
            .value
            .as_ref()
            .map(|rates| self.rate_in(rates))
    }

    fn rate_in(self, rates: &AgriculturalRates) -> Euro {
        match self {
            AgriculturalArea::Area1 => rates.area1,
            AgriculturalArea::Area2 => rates.area2,
            AgriculturalArea::Area3 => rates.area3,
        }
    }
}

/// The area's hourly rate, or the error citing the rule that removed agricultural CPO.
fn agricultural_rate(area: AgriculturalArea, rules: &Rules) -> Result<Euro, InstrumentError> {
    let Cited { value, citation } = &rules.agriculture_hourly_rates;
    value
        .as_ref()
        .map(|rates| area.rate_in(rates))
        .ok_or_else(|| InstrumentError::AgricultureNotInForce {
            date: rules.valid_from(),
            citation: Box::new(citation.clone()),
        })
}

/// The least compenso of a historical agricultural CPO (24/6/2017 to 31/12/2022) for one
/// calendar day's prestazione of `minutes` in `area`: the CCNL hourly rate of the area, with a
/// daily minimum computed on the hours of the ordinary daily minimum (4):
/// `max(4 × rate, rate × minutes / 60)`, rounded to the cent half away from zero. The daily
/// minima are 38,60 (Area 1), 35,20 (Area 2) and 26,24 (Area 3).
///
/// Reading R-DAILY-MINIMUM: as for [`cpo_minimum_compenso`], the daily minimum applies to every
/// day's prestazione (the conservative reading); the 4 hours are read from
/// [`Rules::cpo_min_daily`](crate::Rules::cpo_min_daily). From 12/8/2018 D.L. 87/2018 referred
/// the 4 hours to the ≤10-day window rather than the single day; the library keeps the stricter
/// per-day floor.
///
/// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017; daily minimum on 4
/// hours per the trade sources on msg 2887/2017 (CPO-AGRI-PAY, E10).
///
/// # Errors
///
/// [`InstrumentError::ZeroMinutes`] for 0 minutes, [`InstrumentError::TooManyMinutes`] above
/// the 1500 minutes of the longest calendar day, [`InstrumentError::AgricultureNotInForce`]
/// when the rules in force have no agricultural rates (CPO is banned in agriculture from
/// 1/1/2023, art. 54-bis c. 14 lett. b as amended by L. 197/2022).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     AgriculturalArea, Euro, Rules, cpo_minimum_compenso_agricultural,
/// };
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2019 - 07 - 01))?;
/// let area3 = AgriculturalArea::Area3;
/// assert_eq!(cpo_minimum_compenso_agricultural(120, area3, rules)?, Euro::from_cents(2624));
/// assert_eq!(cpo_minimum_compenso_agricultural(300, area3, rules)?, Euro::from_cents(3280));
///
/// // From 2023 agriculture is banned: no agricultural floor.
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert!(cpo_minimum_compenso_agricultural(120, area3, rules).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cpo_minimum_compenso_agricultural(
    minutes: u32,
    area: AgriculturalArea,
    rules: &Rules,
) -> Result<Euro, InstrumentError> {
    const WHAT: &str = "agricultural CPO minimum compenso";
    check_day_minutes(minutes)?;
    let rate = agricultural_rate(area, rules)?;
    let daily = rate
        .checked_mul_u32(rules.cpo_min_daily.value.max_continuous_hours)
        .ok_or(InstrumentError::Overflow { what: WHAT })?;
    Ok(pro_rata(rate, minutes, WHAT)?.max(daily))
}

/// Whether the compenso of a historical agricultural CPO (24/6/2017 to 31/12/2022) respects the
/// agricultural pay floor of [`cpo_minimum_compenso_agricultural`] for one calendar day's
/// prestazione of `minutes`: in agriculture the CCNL rate of the area took the place of the
/// 9,00 hourly and 36,00 daily minima (Area 1: 38,60 up to 4 hours, 9,65 per hour beyond).
/// A compenso below the floor breaches [`RuleId::CpoAgriPay`], citing the agricultural rates,
/// with [`Consequence::PlatformRefusal`] as for [`check_cpo_pay`].
///
/// Reading R-AGRI-AREA: `area: None` (the host does not know the area of the CCNL) takes the
/// highest floor of the three areas, the conservative reading (a compenso that meets it meets
/// every area's).
///
/// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017, correcting circ.
/// 107/2017 (CPO-AGRI-PAY, CPO-MIN-PAY "Agriculture (2017-2022) used the CCNL rate
/// instead", PROHIB-AGRI, E10).
///
/// # Errors
///
/// As [`cpo_minimum_compenso_agricultural`]: [`InstrumentError::ZeroMinutes`],
/// [`InstrumentError::TooManyMinutes`], [`InstrumentError::AgricultureNotInForce`] from
/// 1/1/2023 (CPO is banned in agriculture).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgriculturalArea, Euro, RuleId, Rules, check_cpo_pay_agricultural};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2019 - 07 - 01))?;
/// // 36,00 for 4 hours meets the general floor but not Area 1's 38,60.
/// let low = check_cpo_pay_agricultural(Euro::from_euros(36), 240, Some(AgriculturalArea::Area1), rules)?;
/// assert!(low.breaches_rule(RuleId::CpoAgriPay));
/// assert!(check_cpo_pay_agricultural(Euro::from_cents(2624), 240, Some(AgriculturalArea::Area3), rules)?.is_lawful());
/// // Area unknown: the highest floor (Area 1).
/// assert!(!check_cpo_pay_agricultural(Euro::from_cents(3859), 240, None, rules)?.is_lawful());
///
/// // From 2023 there is no agricultural CPO.
/// assert!(check_cpo_pay_agricultural(Euro::from_euros(40), 240, None, Rules::in_force_on(date!(2023 - 01 - 01))?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_cpo_pay_agricultural(
    compenso: Euro,
    minutes: u32,
    area: Option<AgriculturalArea>,
    rules: &Rules,
) -> Result<Verdict, InstrumentError> {
    let mut minimum = Euro::ZERO;
    for candidate in AgriculturalArea::ALL {
        if area.is_none_or(|a| a == candidate) {
            minimum = minimum.max(cpo_minimum_compenso_agricultural(
                minutes, candidate, rules,
            )?);
        }
    }
    let mut verdict = Verdict::default();
    if compenso < minimum {
        let area_words = area.map_or_else(
            || "the highest agricultural area rate (area not given)".to_owned(),
            |a| format!("the agricultural rate of {}", area_name(a)),
        );
        verdict.push(Breach::new(
            RuleId::CpoAgriPay,
            rules.agriculture_hourly_rates.citation.clone(),
            format!(
                "compenso {} is below the minimum {} for an agricultural prestazione of {} at {area_words}",
                compenso.to_italian(),
                minimum.to_italian(),
                duration(u64::from(minutes))
            ),
            Consequence::PlatformRefusal,
        ));
    }
    Ok(verdict)
}

/// The area as the crate's messages name it (`area 1`).
pub(crate) fn area_name(area: AgriculturalArea) -> &'static str {
    match area {
        AgriculturalArea::Area1 => "area 1",
        AgriculturalArea::Area2 => "area 2",
        AgriculturalArea::Area3 => "area 3",
    }
}

/// The historical agricultural hour limit per prestatore-utilizzatore pair in a calendar year:
/// cap c (2.500,00) divided by the area's CCNL hourly rate, **rounded down** to whole hours
/// (Area 3: 2.500 / 6,56 = 381,09 → 381 h; Area 2: 284 h; Area 1: 259 h). It took the place of
/// the 280 hours in agriculture from 24/6/2017 to 31/12/2022.
///
/// The [`Ledger`](crate::Ledger) applies it to a prestazione whose
/// [`CapProfile::agricultural_area`](crate::CapProfile::agricultural_area) is set while the
/// rules in force on its day have agricultural rates: its [`HoursCap`](crate::HoursCap) limit is
/// this many hours and a breach cites [`agricultural_hour_limit_citation`].
///
/// Reading R-AGRI-HOURS: the sources give "≈ 381 h"; the library floors, the conservative reading (a user who
/// stops at 381 h never pays past cap c at the area rate).
///
/// Legal basis: art. 54-bis c. 20, second sentence, D.L. 50/2017, referring to c. 16; INPS msg
/// 2887/2017 for the rates (HOURS-AGRI, E10). Whether L. 197/2022 formally repealed the
/// sentence is unconfirmed; the library follows the rules table, which has no agricultural rates
/// from 1/1/2023.
///
/// # Errors
///
/// [`InstrumentError::AgricultureNotInForce`] when the rules in force have no agricultural
/// rates (from 1/1/2023).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgriculturalArea, Rules, agricultural_hour_limit};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2019 - 07 - 01))?;
/// assert_eq!(agricultural_hour_limit(AgriculturalArea::Area3, rules)?, 381);
/// assert!(agricultural_hour_limit(
///     AgriculturalArea::Area3,
///     Rules::in_force_on(date!(2023 - 01 - 01))?
/// ).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn agricultural_hour_limit(
    area: AgriculturalArea,
    rules: &Rules,
) -> Result<u32, InstrumentError> {
    let rate = agricultural_rate(area, rules)?;
    let overflow = InstrumentError::Overflow {
        what: "agricultural hour limit",
    };
    if rate.is_zero() {
        return Err(overflow);
    }
    let hours = rules
        .cap_pair
        .value
        .as_decimal()
        .checked_div(rate.as_decimal())
        .ok_or(overflow.clone())?
        .floor();
    u32::try_from(hours).map_err(|_| overflow)
}

/// The citation of [`agricultural_hour_limit`]: the second sentence of art. 54-bis c. 20,
/// referring to c. 16, with the CCNL rates of INPS msg 2887/2017.
///
/// Legal basis: art. 54-bis c. 20, second sentence, D.L. 50/2017; INPS msg 2887/2017
/// (HOURS-AGRI, E10).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::agricultural_hour_limit_citation;
/// assert_eq!(
///     agricultural_hour_limit_citation().to_string(),
///     "art. 54-bis c. 20 (second sentence, referring to c. 16) D.L. 50/2017; INPS msg 2887/2017 for the CCNL hourly rates (HOURS-AGRI, E10)"
/// );
/// ```
#[must_use]
pub fn agricultural_hour_limit_citation() -> Citation {
    Citation::art54bis("20 (second sentence, referring to c. 16)")
        .implemented_by("INPS msg 2887/2017 for the CCNL hourly rates (HOURS-AGRI, E10)")
}

/// One Italian calendar day of CPO work: one prestazione with its own pay floor (reading
/// R-MIDNIGHT).
///
/// Plain data, produced by [`split_at_midnight`].
///
/// Legal basis: art. 54-bis c. 16, c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY, E4, reading
/// R-MIDNIGHT, R-CIVIL-TIME).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, RulesTable, split_at_midnight};
/// use time::macros::datetime;
///
/// let days = split_at_midnight(
///     datetime!(2026-03-07 14:00 +01:00),
///     datetime!(2026-03-07 18:00 +01:00),
///     RulesTable::embedded(),
/// )?;
/// assert_eq!((days[0].minutes, days[0].minimum_compenso), (240, Euro::from_euros(36)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CpoDay {
    /// The Italian calendar day (Europe/Rome civil date, reading R-CIVIL-TIME).
    pub date: Date,
    /// When the work starts on this day, in the Italian offset of that moment.
    pub start: OffsetDateTime,
    /// When the work ends on this day (at most the next Italian midnight), in the Italian offset
    /// of that moment.
    pub end: OffsetDateTime,
    /// Minutes worked on this day (whole minutes, rounded down; real minutes, so a night shift
    /// across the change to summer time counts one hour less than the clocks show).
    pub minutes: u32,
    /// The least compenso for this day ([`cpo_minimum_compenso`] under the rules in force on
    /// `date`).
    pub minimum_compenso: Euro,
}

/// Splits CPO work from `start` to `end` into one prestazione per Italian calendar day, each with
/// its own pay floor under the rules of `table` in force on that day. Work from 22:00 to 02:00 is
/// two prestazioni with a minimum of 36,00 each, 72,00 in all (E4).
///
/// The instants may be in any offsets, also different ones: the crate finds the Italian civil
/// dates itself with the table's clock ([`ItalianClock`], reading R-CIVIL-TIME), so 22:30-02:30
/// UTC on the night of 31 July is one prestazione of 1 August (00:30-04:30 in Italy), and the split
/// falls at Italian midnight, also on the days summer time starts or ends. The days' instants are
/// returned in the Italian offset.
///
/// Legal basis: art. 54-bis c. 16, c. 17 lett. e D.L. 50/2017; INPS answer to the Consiglio
/// nazionale dei consulenti del lavoro (Il Sole 24 Ore 2/10/2017; Edotto 4/10/2017) (CPO-MIN-PAY,
/// E4, reading R-MIDNIGHT, R-CIVIL-TIME).
///
/// # Errors
///
/// [`InstrumentError::EndNotAfterStart`], [`InstrumentError::SpanTooLong`] (more than
/// [`MAX_SPAN_DAYS`] calendar days), [`InstrumentError::ZeroMinutes`] for a day with less than a
/// minute of work, [`InstrumentError::Rules`] for a day without rules (before 24/6/2017),
/// [`InstrumentError::CivilTime`] for an instant whose Italian date is past 9999-12-31.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, RulesTable, split_at_midnight};
/// use time::macros::{date, datetime};
///
/// let days = split_at_midnight(
///     datetime!(2026-03-07 22:00 +01:00),
///     datetime!(2026-03-08 02:00 +01:00),
///     RulesTable::embedded(),
/// )?;
/// assert_eq!(days.len(), 2);
/// assert_eq!((days[0].date, days[0].minutes), (date!(2026 - 03 - 07), 120));
/// assert_eq!((days[1].date, days[1].minutes), (date!(2026 - 03 - 08), 120));
/// let minimum = Euro::checked_sum(days.iter().map(|d| d.minimum_compenso));
/// assert_eq!(minimum, Some(Euro::from_euros(72)));
///
/// // The same night from a host in UTC, and one night of summer that UTC splits but Italy does not.
/// assert_eq!(
///     split_at_midnight(datetime!(2026-03-07 21:00 UTC), datetime!(2026-03-08 01:00 UTC), RulesTable::embedded())?,
///     days
/// );
/// let august = split_at_midnight(datetime!(2026-07-31 22:30 UTC), datetime!(2026-08-01 02:30 UTC), RulesTable::embedded())?;
/// assert_eq!((august.len(), august[0].date, august[0].minutes), (1, date!(2026 - 08 - 01), 240));
///
/// // The end must come after the start.
/// assert!(split_at_midnight(
///     datetime!(2026-03-07 22:00 +01:00),
///     datetime!(2026-03-07 22:00 +01:00),
///     RulesTable::embedded(),
/// ).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split_at_midnight(
    start: OffsetDateTime,
    end: OffsetDateTime,
    table: &RulesTable,
) -> Result<Vec<CpoDay>, InstrumentError> {
    if end <= start {
        return Err(InstrumentError::EndNotAfterStart { start, end });
    }
    let clock = ItalianClock::of_table(table);
    let start = clock.to_italian(start)?;
    let end = clock.to_italian(end)?;
    let span = (end.date() - start.date()).whole_days();
    if span >= i64::from(MAX_SPAN_DAYS) {
        return Err(InstrumentError::SpanTooLong {
            days: span.saturating_add(1),
            max: MAX_SPAN_DAYS,
        });
    }
    let mut days = Vec::new();
    let mut from = start;
    while from < end {
        let date = from.date();
        // The next Italian midnight; the last representable day has none, and then `end` is on it.
        let until = clock
            .end_of_day(date)?
            .map_or(end, |midnight| midnight.min(end));
        let minutes = u32::try_from((until - from).whole_minutes()).map_err(|_| {
            InstrumentError::Overflow {
                what: "minutes of a day",
            }
        })?;
        let rules = table.in_force_on(date)?;
        days.push(CpoDay {
            date,
            start: from,
            end: until,
            minutes,
            minimum_compenso: cpo_minimum_compenso(minutes, rules)?,
        });
        from = until;
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn end_at_midnight_makes_one_day() {
        let days = split_at_midnight(
            datetime!(2026-03-07 22:00 +01:00),
            datetime!(2026-03-08 00:00 +01:00),
            RulesTable::embedded(),
        )
        .unwrap();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].date, date!(2026 - 03 - 07));
        assert_eq!(days[0].minutes, 120);
    }
}
