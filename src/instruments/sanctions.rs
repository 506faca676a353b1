//! The consequence of each breached rule (reading R-CONSEQUENCES, SANCT-CONV, SANCT-ADMIN, E9).

use std::collections::BTreeSet;

use time::Date;

use super::InstrumentError;
use crate::identity::CodiceFiscale;
use crate::money::Euro;
use crate::rules::{FineUnit, Rules};
use crate::verdict::{Consequence, RuleId};

/// What breaching `rule` on `day` exposes the utilizzatore to (reading R-CONSEQUENCES):
///
/// - caps a and b, missing funds, the CPO pay floor and a late revoca:
///   [`Consequence::PlatformRefusal`] (the platform refuses the communication or the revoca);
/// - cap c, cap c-bis (read like cap c, reading R-STEWARD-C-BIS) and the 280 hours: conversion into a full-time
///   open-ended employment from `day` ([`Consequence::conversion`]); for a PA unlawful use
///   without conversion (c. 7);
/// - a missing or late CPO communication, a comma-14 prohibition (size, agriculture, sectors,
///   appalti) and a required comma-8 category: the administrative fine for `units` days (or
///   worker-days, per `rules.fine.unit`; [`fine_units`] counts them), or the exemption when the breach was caused by the
///   prestatore's false self-certification and the rules grant it
///   ([`Consequence::administrative_fine`]); a PA is never fined (c. 7, c. 20):
///   [`Consequence::UnlawfulUsePa`];
/// - comma 5, LF users and activities, CPO users, CPO-PA purposes and minimum age:
///   [`Consequence::UnlawfulUse`] ([`Consequence::UnlawfulUsePa`] for a PA);
/// - a late LF communication: [`Consequence::NoSanction`], the LF has no fine for it
///   (LF-COMM).
///
/// Pass the rules in force on `day`.
///
/// Legal basis: art. 54-bis c. 7, c. 20 D.L. 50/2017, as amended by D.L. 87/2018 art. 2-bis
/// (SANCT-CONV, SANCT-ADMIN, reading R-CONSEQUENCES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Consequence, RuleId, Rules, sanction_for};
/// use time::macros::date;
///
/// let day = date!(2026 - 03 - 07);
/// let rules = Rules::in_force_on(day)?;
/// assert_eq!(sanction_for(RuleId::CapPair, day, false, 1, false, rules), Consequence::Conversion { from: day });
/// assert_eq!(sanction_for(RuleId::CapPair, day, true, 1, false, rules), Consequence::UnlawfulUsePa);
/// assert_eq!(sanction_for(RuleId::CpoComm, day, false, 1, true, rules), Consequence::ExemptFalseSelfCertification);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn sanction_for(
    rule: RuleId,
    day: Date,
    utilizzatore_is_pa: bool,
    units: u32,
    caused_by_false_self_certification: bool,
    rules: &Rules,
) -> Consequence {
    let unlawful = if utilizzatore_is_pa {
        Consequence::UnlawfulUsePa
    } else {
        Consequence::UnlawfulUse
    };
    match rule {
        RuleId::CapPrestatore
        | RuleId::CapUtilizzatore
        | RuleId::LfTitolo
        | RuleId::LfFunding
        | RuleId::CpoFunding
        | RuleId::CpoMinPay
        | RuleId::CpoAgriPay
        | RuleId::CpoRevoca => Consequence::PlatformRefusal,
        RuleId::CapPair | RuleId::CapSteward | RuleId::Hours280 | RuleId::HoursAgri => {
            Consequence::conversion(day, utilizzatore_is_pa)
        }
        RuleId::CpoComm
        | RuleId::ProhibSize
        | RuleId::ProhibAgri
        | RuleId::ProhibSectors
        | RuleId::ProhibAppalti
        | RuleId::EligCategory => {
            if utilizzatore_is_pa {
                Consequence::UnlawfulUsePa
            } else {
                Consequence::administrative_fine(rules, units, caused_by_false_self_certification)
            }
        }
        RuleId::CpoPa => Consequence::UnlawfulUsePa,
        RuleId::ProhibPrior
        | RuleId::LfUsers
        | RuleId::LfActivities
        | RuleId::CpoUsers
        | RuleId::EligAge => unlawful,
        RuleId::LfComm => Consequence::NoSanction,
    }
}

/// The units of the administrative fine for one violation (a late CPO communication, one
/// comma-14 prohibition, ...) found on these prestazioni, each given by its day and its
/// prestatore: under [`FineUnit::PerDay`] (the embedded reading, R-FINE-PER-DAY) the distinct days,
/// whatever the number of workers; under [`FineUnit::PerWorkerDay`] the distinct pairs of day
/// and prestatore (the omocodes of one codice fiscale are one prestatore, reading R-OMOCODE).
/// Pass the unit of the rules in force (`rules.fine.value.unit`) and hand the count to
/// [`Consequence::administrative_fine`] and [`fine_totals`].
///
/// The consequences the crate attaches to one prestazione carry one unit: one worker on one day,
/// which both units count once. This function totals a violation over several prestazioni.
///
/// Legal basis: art. 54-bis c. 20 D.L. 50/2017; INL nota 7427/2017 as reported (SANCT-ADMIN,
/// reading R-FINE-PER-DAY).
///
/// # Errors
///
/// [`InstrumentError::Overflow`] for more than 4.294.967.295 units.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CodiceFiscale, Consequence, Euro, FineUnit, Rules, fine_totals, fine_units};
/// use time::macros::date;
///
/// let (mario, anna): (CodiceFiscale, CodiceFiscale) = ("RSSMRA85T10A562S".parse()?, "VRDNNA80A41H501H".parse()?);
/// // Two prestatori communicated late on 7/3/2026, one of them again on 8/3.
/// let late = [
///     (date!(2026 - 03 - 07), mario),
///     (date!(2026 - 03 - 07), anna),
///     (date!(2026 - 03 - 08), mario),
/// ];
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let units = fine_units(rules.fine.value.unit, late)?;
/// assert_eq!(units, 2); // two days
/// let totals = fine_totals(&Consequence::administrative_fine(rules, units, false))?.ok_or("a fine")?;
/// assert_eq!(totals.reduced, Euro::from_cents(166_666));
/// assert_eq!(fine_units(FineUnit::PerWorkerDay, late)?, 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fine_units(
    unit: FineUnit,
    violations: impl IntoIterator<Item = (Date, CodiceFiscale)>,
) -> Result<u32, InstrumentError> {
    // The worker counts only per worker-day.
    let worker = |prestatore: CodiceFiscale| match unit {
        FineUnit::PerDay => None,
        FineUnit::PerWorkerDay => Some(prestatore.canonical()),
    };
    let count = violations
        .into_iter()
        .map(|(day, prestatore)| (day, worker(prestatore)))
        .collect::<BTreeSet<_>>()
        .len();
    u32::try_from(count).map_err(|_| InstrumentError::Overflow { what: "fine units" })
}

/// The range of an administrative fine over all its units: minimum × units, maximum × units
/// and the reduced payment × units (833,33 per day, E9).
///
/// Legal basis: art. 54-bis c. 20 D.L. 50/2017; art. 16 L. 689/1981 (SANCT-ADMIN, E9,
/// reading R-FINE-PER-DAY).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Consequence, Euro, Rules, fine_totals};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let totals = fine_totals(&Consequence::administrative_fine(rules, 2, false))?.unwrap();
/// assert_eq!(totals.reduced, Euro::from_cents(166_666));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FineTotals {
    /// Minimum per unit × units.
    pub min: Euro,
    /// Maximum per unit × units.
    pub max: Euro,
    /// Reduced payment per unit × units.
    pub reduced: Euro,
}

/// The totals of an administrative fine, or `None` for any other consequence.
///
/// Legal basis: art. 54-bis c. 20 D.L. 50/2017; art. 16 L. 689/1981 (SANCT-ADMIN, E9).
///
/// # Errors
///
/// [`InstrumentError::Overflow`] when a total cannot be represented.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Consequence, Euro, Rules, fine_totals};
/// use time::macros::date;
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let totals = fine_totals(&Consequence::administrative_fine(rules, 1, false))?.ok_or("a fine")?;
/// assert_eq!((totals.min, totals.max, totals.reduced), (Euro::from_euros(500), Euro::from_euros(2_500), Euro::from_cents(83_333)));
/// assert_eq!(fine_totals(&Consequence::PlatformRefusal)?, None);
///
/// // Amounts no fine reaches cannot be multiplied.
/// let absurd = Consequence::AdministrativeFine { min: Euro::MAX, max: Euro::MAX, reduced: Euro::MAX, units: 2 };
/// assert_eq!(fine_totals(&absurd).unwrap_err().to_string(), "fine total is too large to compute");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fine_totals(consequence: &Consequence) -> Result<Option<FineTotals>, InstrumentError> {
    let Consequence::AdministrativeFine {
        min,
        max,
        reduced,
        units,
    } = *consequence
    else {
        return Ok(None);
    };
    let times = |amount: Euro| {
        amount
            .checked_mul_u32(units)
            .ok_or(InstrumentError::Overflow { what: "fine total" })
    };
    Ok(Some(FineTotals {
        min: times(min)?,
        max: times(max)?,
        reduced: times(reduced)?,
    }))
}
