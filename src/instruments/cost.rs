//! What the utilizzatore pays: compenso, IVS, INAIL and oneri di gestione (CPO-CONTRIB,
//! LF-TITOLO, E1-E3, reading R-ONERI-BASE), and the inverse: the most a budget pays for.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::InstrumentError;
use crate::money::Euro;
use crate::rules::{OneriBase, Rules};

/// The cost of a prestazione to the utilizzatore, split as the law splits it.
///
/// Plain data: `total` is the sum of the four components when built by [`CostBreakdown::cpo`]
/// or [`CostBreakdown::lf`].
///
/// Legal basis: art. 54-bis c. 10-11 (LF), c. 13, 15 (CPO) D.L. 50/2017 (LF-TITOLO,
/// CPO-CONTRIB, E1-E3, reading R-ONERI-BASE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CostBreakdown, Euro, Rules};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let hour = CostBreakdown::cpo(Euro::from_euros(9), rules)?;
/// assert_eq!(hour.total, Euro::from_cents(1241));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CostBreakdown {
    /// The compenso netto to the prestatore.
    pub compenso: Euro,
    /// Contributi IVS to the INPS Gestione Separata.
    pub ivs: Euro,
    /// Premio INAIL.
    pub inail: Euro,
    /// Oneri di gestione.
    pub oneri: Euro,
    /// What the utilizzatore pays: the sum of the four components.
    pub total: Euro,
}

/// The four components of a CPO cost, each rounded to the cent half away from zero, as exact
/// decimals; `None` on overflow.
fn cpo_parts(compenso: Decimal, rules: &Rules) -> Option<[Decimal; 4]> {
    let ivs = compenso.checked_mul(rules.cpo_ivs_rate.value)?;
    let inail = compenso.checked_mul(rules.cpo_inail_rate.value)?;
    let rate = rules.cpo_oneri_rate.value;
    let oneri = match rules.cpo_oneri_base.value {
        OneriBase::AmountPaidIn => compenso
            .checked_add(ivs)?
            .checked_add(inail)?
            .checked_mul(rate)?
            .checked_div(Decimal::ONE.checked_sub(rate)?)?,
        OneriBase::Subtotal => compenso
            .checked_add(ivs)?
            .checked_add(inail)?
            .checked_mul(rate)?,
        OneriBase::Compenso => compenso.checked_mul(rate)?,
    };
    let round = |d: Decimal| {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    Some([compenso, round(ivs), round(inail), round(oneri)])
}

/// The CPO total for `compenso`, or `None` on overflow.
fn cpo_total(compenso: Decimal, rules: &Rules) -> Option<Decimal> {
    let [c, ivs, inail, oneri] = cpo_parts(compenso, rules)?;
    c.checked_add(ivs)?.checked_add(inail)?.checked_add(oneri)
}

impl CostBreakdown {
    /// The cost of a CPO compenso: IVS = compenso × IVS rate, INAIL = compenso × INAIL rate,
    /// oneri per the [`OneriBase`] in force (reading R-ONERI-BASE: 1% of the whole amount paid in, i.e.
    /// `(compenso + IVS + INAIL) × r / (1 − r)` on the exact, unrounded values; or 1% of that
    /// subtotal; or 1% of the compenso). Each component is rounded to the cent half away from
    /// zero; the total is the sum of the rounded components.
    ///
    /// One hour at 9,00 costs 9,00 + 2,97 + 0,32 + 0,12 = 12,41 (E2); the daily minimum 36,00
    /// costs 36,00 + 11,88 + 1,26 + 0,50 = 49,64 (E3). Under the "subtotal" reading 36,00 costs
    /// 49,63; under the "compenso" reading 49,50, and 9,00 costs 12,38 (the exact 12,375, which
    /// E2's source publishes truncated as 12,37).
    ///
    /// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 (CPO-CONTRIB, E2, E3, reading R-ONERI-BASE).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::Overflow`] for an amount too large to compute with.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CostBreakdown, Euro, Rules};
    /// use time::macros::date;
    ///
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// let day = CostBreakdown::cpo(Euro::from_euros(36), rules)?;
    /// assert_eq!(
    ///     (day.ivs, day.inail, day.oneri, day.total),
    ///     (Euro::from_cents(1188), Euro::from_cents(126), Euro::from_cents(50), Euro::from_cents(4964))
    /// );
    ///
    /// // An amount too large to compute with is an error, not a panic.
    /// assert!(CostBreakdown::cpo(Euro::MAX, rules).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cpo(compenso: Euro, rules: &Rules) -> Result<CostBreakdown, InstrumentError> {
        let overflow = InstrumentError::Overflow { what: "CPO cost" };
        let parts = cpo_parts(compenso.as_decimal(), rules).ok_or(overflow.clone())?;
        let [_, ivs, inail, oneri] = parts;
        let (ivs, inail, oneri) = (Euro::new(ivs)?, Euro::new(inail)?, Euro::new(oneri)?);
        let total = Euro::checked_sum([compenso, ivs, inail, oneri]).ok_or(overflow)?;
        Ok(CostBreakdown {
            compenso,
            ivs,
            inail,
            oneri,
            total,
        })
    }

    /// The cost of `titoli` Libretto Famiglia titoli: each titolo's split (8,00 + 1,65 + 0,25 +
    /// 0,10 = 10,00) times `titoli`. Three titoli cost 30,00 and pay the prestatore 24,00 (E1).
    ///
    /// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017 (LF-TITOLO,
    /// E1).
    ///
    /// # Errors
    ///
    /// [`InstrumentError::Overflow`] when the amounts cannot be represented (never for a `u32`
    /// count of titoli with the embedded table).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Citation, CostBreakdown, Dated, Euro, RulesTable, TitoloSplit};
    /// use time::macros::date;
    ///
    /// let rules = RulesTable::embedded().in_force_on(date!(2026 - 03 - 07))?;
    /// let three = CostBreakdown::lf(3, rules)?;
    /// assert_eq!((three.compenso, three.total), (Euro::from_euros(24), Euro::from_euros(30)));
    /// assert_eq!(CostBreakdown::lf(0, rules)?.total, Euro::ZERO);
    ///
    /// // A host table with an absurd titolo: the cost of 100 titoli cannot be represented.
    /// let mut builder = RulesTable::embedded().to_builder();
    /// let cent = Euro::from_cents(1);
    /// let huge: Euro = "100000000000000000".parse()?;
    /// let compenso = huge.checked_sub(Euro::from_cents(3)).ok_or("representable")?;
    /// builder.lf_titolo.push(Dated::new(
    ///     date!(2030 - 01 - 01),
    ///     TitoloSplit { value: huge, compenso, ivs: cent, inail: cent, oneri: cent, max_minutes: 60 },
    ///     Citation::act("a hypothetical table"),
    /// ));
    /// let table = builder.build()?;
    /// let absurd = table.in_force_on(date!(2030 - 01 - 01))?;
    /// assert_eq!(CostBreakdown::lf(100, absurd).unwrap_err().to_string(), "LF cost is too large to compute");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lf(titoli: u32, rules: &Rules) -> Result<CostBreakdown, InstrumentError> {
        let split = &rules.lf_titolo.value;
        let times = |amount: Euro| {
            amount
                .checked_mul_u32(titoli)
                .ok_or(InstrumentError::Overflow { what: "LF cost" })
        };
        let (compenso, ivs, inail, oneri) = (
            times(split.compenso)?,
            times(split.ivs)?,
            times(split.inail)?,
            times(split.oneri)?,
        );
        let total = Euro::checked_sum([compenso, ivs, inail, oneri])
            .ok_or(InstrumentError::Overflow { what: "LF cost" })?;
        Ok(CostBreakdown {
            compenso,
            ivs,
            inail,
            oneri,
            total,
        })
    }
}

/// An amount in whole cents (`Euro` has at most two decimals), or `None` when it cannot be held.
fn to_cents(amount: Euro) -> Option<i128> {
    let d = amount.as_decimal();
    let scale = d.scale();
    let factor = 10_i128.checked_pow(2_u32.checked_sub(scale)?)?;
    d.mantissa().checked_mul(factor)
}

/// Whether a compenso of `cents` costs at most `budget` (an unrepresentable cost exceeds every
/// budget).
fn fits(cents: i128, budget: Decimal, rules: &Rules) -> bool {
    Decimal::try_from_i128_with_scale(cents, 2)
        .ok()
        .and_then(|c| cpo_total(c, rules))
        .is_some_and(|total| total <= budget)
}

/// The largest CPO compenso whose total cost ([`CostBreakdown::cpo`]) does not exceed `budget`.
///
/// The total grows by at least one cent for every cent of compenso, so the answer is unique:
/// its cost is at most `budget` and one cent more would exceed it. The search starts from the
/// estimate `budget / (cost of 1,00)` and checks a few cents around it (O(1)); should the
/// estimate ever miss, it falls back to a binary search (O(log budget)).
///
/// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 (CPO-CONTRIB, reading R-ONERI-BASE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules, max_cpo_compenso_for_budget};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(max_cpo_compenso_for_budget(Euro::from_cents(4964), rules), Euro::from_euros(36));
/// // One cent less does not pay for 36,00.
/// assert!(max_cpo_compenso_for_budget(Euro::from_cents(4963), rules) < Euro::from_euros(36));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn max_cpo_compenso_for_budget(budget: Euro, rules: &Rules) -> Euro {
    let Some(budget_cents) = to_cents(budget) else {
        return Euro::ZERO;
    };
    let limit = budget.as_decimal();
    // The cost of 1,00 of compenso (unrounded) estimates the ratio total / compenso.
    let estimate = cpo_exact_ratio(rules)
        .and_then(|ratio| limit.checked_div(ratio))
        .and_then(|c| c.checked_mul(Decimal::ONE_HUNDRED))
        .and_then(|c| c.floor().to_i128())
        .unwrap_or(0)
        .clamp(0, budget_cents);
    let lo = largest_fitting(
        estimate.saturating_sub(3).max(0),
        estimate.saturating_add(3).min(budget_cents),
        budget_cents,
        limit,
        rules,
    );
    Decimal::try_from_i128_with_scale(lo, 2)
        .ok()
        .and_then(|d| Euro::new(d).ok())
        .unwrap_or(Euro::ZERO)
}

/// The largest compenso in cents, at most `budget_cents`, whose total cost is at most `limit`:
/// searched in `[lo, hi]` when that brackets it (`lo` fits, `hi` + 1 cent does not), else in
/// `[0, budget_cents]`, so that a wrong estimate costs time, never the answer.
fn largest_fitting(
    mut lo: i128,
    mut hi: i128,
    budget_cents: i128,
    limit: Decimal,
    rules: &Rules,
) -> i128 {
    // A compenso above the budget never fits (the total is at least the compenso), so
    // `hi == budget_cents` needs no check of its own.
    if !fits(lo, limit, rules) || fits(hi.saturating_add(1), limit, rules) {
        (lo, hi) = (0, budget_cents);
    }
    // Binary search for the largest fitting compenso in [lo, hi]; total(0) = 0 always fits.
    while lo < hi {
        let mid = lo + (hi - lo + 1) / 2;
        if fits(mid, limit, rules) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// The exact (unrounded) cost of 1,00 of CPO compenso, or `None` on overflow.
fn cpo_exact_ratio(rules: &Rules) -> Option<Decimal> {
    let sub = Decimal::ONE
        .checked_add(rules.cpo_ivs_rate.value)?
        .checked_add(rules.cpo_inail_rate.value)?;
    let rate = rules.cpo_oneri_rate.value;
    match rules.cpo_oneri_base.value {
        OneriBase::AmountPaidIn => sub.checked_div(Decimal::ONE.checked_sub(rate)?),
        OneriBase::Subtotal => sub.checked_mul(Decimal::ONE.checked_add(rate)?),
        OneriBase::Compenso => sub.checked_add(rate),
    }
}

/// The most whole Libretto Famiglia titoli `budget` buys (`budget / 10,00`, rounded down;
/// `u32::MAX` for a budget beyond that).
///
/// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017 (LF-TITOLO, LF-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules, max_lf_titoli_for_budget};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// assert_eq!(max_lf_titoli_for_budget(Euro::from_euros(30), rules), 3);
/// assert_eq!(max_lf_titoli_for_budget(Euro::from_cents(2999), rules), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn max_lf_titoli_for_budget(budget: Euro, rules: &Rules) -> u32 {
    budget
        .as_decimal()
        .checked_div(rules.lf_titolo.value.value.as_decimal())
        .map_or(0, |n| n.floor().to_u32().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn cents_round_trip() {
        assert_eq!(to_cents(Euro::from_cents(1241)), Some(1241));
        assert_eq!(to_cents(Euro::ZERO), Some(0));
    }

    /// The bracket around the estimate is only a shortcut: from a bracket too low, too high or
    /// right, the search gives the same answer, 7.252,74 for a budget of 10.000,00 under
    /// reading R-ONERI-BASE (as `tests/instruments_calc.rs` pins through the public function).
    #[test]
    fn search_recovers_from_a_wrong_estimate() {
        let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
        let limit = Decimal::from(10_000);
        for (lo, hi) in [
            (725_271, 725_277),
            (0, 6),
            (900_000, 900_006),
            (725_275, 725_281),
            (725_268, 725_273),
            (1_000_000, 1_000_000),
        ] {
            assert_eq!(
                largest_fitting(lo, hi, 1_000_000, limit, rules),
                725_274,
                "[{lo}, {hi}]"
            );
        }
    }

    #[test]
    fn ratio_estimates_the_default_reading() {
        let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
        let ratio = cpo_exact_ratio(rules).unwrap();
        assert!(ratio > Decimal::new(137, 2) && ratio < Decimal::new(138, 2));
    }
}
