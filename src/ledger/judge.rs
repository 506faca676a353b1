//! The judgement of a prestazione against the caps of art. 54-bis c. 1 and the hour limit of c. 20:
//! how it counts under the rules of its day, and the assessment of every cap.

use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

use super::entries::{COUNTS_A, COUNTS_B, COUNTS_C, COUNTS_HOURS, COUNTS_STEWARD, own_flags};
use super::error::overflow;
use super::totals::{Delta, PairTot, UTot, euro, step64};
use super::{Assessment, HoursCap, Ledger, LedgerError, MoneyCap, RecordPolicy};
use crate::format::italian_amount;
use crate::instruments::{
    AgriculturalArea, agricultural_hour_limit, agricultural_hour_limit_citation, area_name,
};
use crate::money::Euro;
use crate::prestazione::{CapProfile, Instrument, Prestazione, PrestazioneId, lf_titoli};
use crate::rules::{Citation, Rules};
use crate::verdict::{Breach, Consequence, Excess, RuleId, Verdict};

/// How a prestazione counts under the rules in force on its day.
pub(super) fn counting(rules: &Rules, instrument: Instrument, steward: bool) -> u16 {
    let steward = steward && rules.cap_steward.value.is_some();
    let mut flags = 0;
    if !steward || rules.steward_counts_toward_cap_prestatore.value {
        flags |= COUNTS_A;
    }
    if steward {
        flags |= COUNTS_STEWARD;
    } else {
        flags |= COUNTS_B | COUNTS_C;
    }
    if instrument == Instrument::ContrattoPrestazioneOccasionale
        || rules.hours_limit_applies_to_lf.value
    {
        flags |= COUNTS_HOURS;
    }
    flags
}

/// The hour limit per pair for a prestazione with `profile` under `rules`, in hours, with the
/// area when it is the agricultural one: `agricultural_hour_limit` for a profile with an area
/// while `rules` have agricultural rates (24/6/2017 to 31/12/2022 in the embedded table;
/// HOURS-AGRI), else `Rules::hours_per_pair` (HOURS-280).
#[inline]
pub(super) fn hour_limit(
    rules: &Rules,
    profile: CapProfile,
) -> Result<(u32, Option<AgriculturalArea>), LedgerError> {
    if let Some(area) = profile.agricultural_area
        && rules.agriculture_hourly_rates.value.is_some()
    {
        return agricultural_limit(area, rules).map(|hours| (hours, Some(area)));
    }
    Ok((rules.hours_per_pair.value, None))
}

/// [`agricultural_hour_limit`] with the ledger's error, out of the hot path (historical
/// agricultural prestazioni are the rare case).
#[cold]
#[inline(never)]
pub(super) fn agricultural_limit(
    area: AgriculturalArea,
    rules: &Rules,
) -> Result<u32, LedgerError> {
    agricultural_hour_limit(area, rules).map_err(|_| overflow("agricultural hour limit"))
}

/// Cap b for the profile on the day, with its citation.
pub(super) fn cap_b(rules: &Rules, events_sector: bool) -> (Euro, &Citation) {
    match (events_sector, rules.cap_utilizzatore_events.value) {
        (true, Some(cap)) => (cap, &rules.cap_utilizzatore_events.citation),
        _ => (
            rules.cap_utilizzatore.value,
            &rules.cap_utilizzatore.citation,
        ),
    }
}

/// The highest of the (sorted) warning `thresholds`, percentages, that `total` reaches of
/// `limit`.
pub(super) fn warning_level(thresholds: &[u8], total: u128, limit: u128) -> Option<u8> {
    thresholds
        .iter()
        .rev()
        .copied()
        .find(|t| total.saturating_mul(100) >= limit.saturating_mul(u128::from(*t)))
}

/// `amount` in units of 1/10.000 €, when it is non-negative with at most four decimals.
pub(super) fn ten_thousandths(amount: Decimal) -> Option<u128> {
    // A negative amount has a negative mantissa, which does not convert.
    let mantissa = u128::try_from(amount.mantissa()).ok()?;
    let scale = amount.scale();
    (scale <= 4).then(|| mantissa * 10u128.pow(4 - scale))
}

/// `amount` in cents, when it is a non-negative whole number of cents that fits.
pub(super) fn exact_cents(amount: Decimal) -> Option<u64> {
    // A negative amount has a negative mantissa, which does not convert.
    let mantissa = u64::try_from(amount.mantissa()).ok()?;
    match amount.scale() {
        0 => mantissa.checked_mul(100),
        1 => mantissa.checked_mul(10),
        2 => Some(mantissa),
        _ => None,
    }
}

pub(super) fn dec(cents: u64) -> Decimal {
    euro(cents).as_decimal()
}

/// An LF compenso is whole titoli of the ledger's table (LF-TITOLO; a room query has no
/// minutes and no compenso to check).
#[inline]
pub(super) fn check_titoli(rules: &Rules, probe: &Probe) -> Result<(), LedgerError> {
    if probe.instrument == Instrument::LibrettoFamiglia && probe.minutes != 0 {
        lf_titoli(probe.id, probe.cents, probe.minutes, &rules.lf_titolo)?;
    }
    Ok(())
}

/// What a prestazione or a room query looks like to the caps.
#[derive(Debug, Clone, Copy)]
pub(super) struct Probe {
    pub(super) id: PrestazioneId,
    pub(super) day: Date,
    pub(super) instrument: Instrument,
    pub(super) cents: u64,
    pub(super) minutes: u32,
    pub(super) special: bool,
    pub(super) steward: bool,
    pub(super) profile: CapProfile,
}

impl Probe {
    /// A prestazione as the caps see it.
    pub(super) fn of(p: &Prestazione) -> Probe {
        Probe {
            id: p.id(),
            day: p.day(),
            instrument: p.instrument(),
            cents: p.compenso().cents(),
            minutes: p.minutes(),
            special: p.special_category(),
            steward: p.steward(),
            profile: p.profile(),
        }
    }

    /// How it counts under `rules` (those of its day) and its own flags: the entry's flags.
    pub(super) fn flags(&self, rules: &Rules) -> u16 {
        own_flags(self.instrument, self.special, self.steward, self.profile)
            | counting(rules, self.instrument, self.steward)
    }
}

/// The year's totals a prestazione is judged against: the prestatore's toward cap a and its
/// external total, the utilizzatore's, the pair's.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counted {
    pub(super) cap_a: u64,
    pub(super) external: u64,
    pub(super) utilizzatore: UTot,
    pub(super) pair: PairTot,
}

impl Counted {
    /// These totals with the change `d` added (`add`) or taken away.
    pub(super) fn step(&self, d: &Delta, add: bool) -> Result<Counted, LedgerError> {
        Ok(Counted {
            cap_a: if d.cap_a {
                step64(add, self.cap_a, d.cents, "cap a total")?
            } else {
                self.cap_a
            },
            external: self.external,
            utilizzatore: self.utilizzatore.step(d, add)?,
            pair: self.pair.step(d, add)?,
        })
    }
}

/// How many whole Libretto Famiglia titoli (of `per_titolo` compenso each) `cents` pay for.
pub(super) fn titoli_in(cents: u64, per_titolo: Euro) -> u32 {
    match per_titolo.cents() {
        0 => 0,
        each => u32::try_from(cents / each).unwrap_or(u32::MAX),
    }
}

/// Whether `policy` refuses a prestazione with this assessment.
pub(super) fn refuses(policy: RecordPolicy, a: &Assessment) -> bool {
    match policy {
        RecordPolicy::RefuseEveryBreach => !a.is_lawful(),
        RecordPolicy::RecordConversionBreaches => a.has_platform_refusal(),
    }
}

impl Ledger {
    pub(super) fn money_cap(
        thresholds: &[u8],
        rule: RuleId,
        limit: Euro,
        used: Decimal,
        nominal: Decimal,
        weight: Option<Decimal>,
        per_titolo: Euro,
    ) -> Result<MoneyCap, LedgerError> {
        // Amounts of at most four decimals (cap b's counted totals: whole cents, or cents × 0,75)
        // and a weight of at most two decimals (the usual case): the same figures in integers of
        // 1/10.000 €. Anything else takes the decimal computation below.
        if let (Some(used_u), Some(nominal_c), Some(w_num)) = (
            ten_thousandths(used),
            exact_cents(nominal),
            // The weight in hundredths (the same conversion as an amount in cents).
            weight.map_or(Some(100), exact_cents),
        ) && (1..=100).contains(&w_num)
            // No overflow below: used_u < 2^110, the requested part < 2^71 (w_num <= 100, a
            // weight of at most 1 as the rules table requires), limits < 2^71.
            && let Some(total_u) = used_u.checked_add(u128::from(nominal_c) * u128::from(w_num))
        {
            let lim_u = u128::from(limit.cents()) * 100;
            let room_u = lim_u.saturating_sub(total_u);
            // Nominal room in cents = room / weight, rounded down: room_u / w_num.
            if let Ok(headroom_c) = u64::try_from(room_u / u128::from(w_num)) {
                let requested = match weight {
                    Some(w) => nominal
                        .checked_mul(w)
                        .ok_or_else(|| overflow("weighted compenso"))?,
                    None => nominal,
                };
                let warning = warning_level(thresholds, total_u, lim_u);
                return Ok(MoneyCap {
                    rule,
                    limit,
                    used,
                    requested,
                    weight,
                    headroom: euro(headroom_c),
                    titoli: titoli_in(headroom_c, per_titolo),
                    warning,
                });
            }
        }
        let requested = match weight {
            Some(w) => nominal
                .checked_mul(w)
                .ok_or_else(|| overflow("weighted compenso"))?,
            None => nominal,
        };
        let total = used
            .checked_add(requested)
            .ok_or_else(|| overflow("cap total"))?;
        let lim = limit.as_decimal();
        let room = if total >= lim {
            Decimal::ZERO
        } else {
            lim - total
        };
        let nominal_room = match weight {
            Some(w) => room.checked_div(w).ok_or_else(|| overflow("headroom"))?,
            None => room,
        };
        let headroom = Euro::round_down(nominal_room).map_err(|_| overflow("headroom"))?;
        let titoli = titoli_in(headroom.cents(), per_titolo);
        let warning = thresholds.iter().rev().copied().find(|t| {
            total.checked_mul(Decimal::ONE_HUNDRED) >= lim.checked_mul(Decimal::from(*t))
        });
        Ok(MoneyCap {
            rule,
            limit,
            used,
            requested,
            weight,
            headroom,
            titoli,
            warning,
        })
    }

    /// A cap counted at nominal amounts, in integer cents (caps a, c, c-bis).
    pub(super) fn money_cap_cents(
        thresholds: &[u8],
        rule: RuleId,
        limit: Euro,
        used: u64,
        requested: u64,
        per_titolo: Euro,
    ) -> Result<MoneyCap, LedgerError> {
        let lim = limit.cents();
        let total = used
            .checked_add(requested)
            .ok_or_else(|| overflow("cap total"))?;
        let room = lim.saturating_sub(total);
        let warning = warning_level(thresholds, u128::from(total), u128::from(lim));
        Ok(MoneyCap {
            rule,
            limit,
            used: dec(used),
            requested: dec(requested),
            weight: None,
            headroom: euro(room),
            titoli: titoli_in(room, per_titolo),
            warning,
        })
    }

    /// The assessment of `probe` under `rules` against the year's totals `counted`.
    // One section per cap, in the order of the module table: splitting it would only scatter
    // the readings.
    #[allow(clippy::too_many_lines)]
    pub(super) fn judge(
        rules: &Rules,
        thresholds: &[u8],
        probe: &Probe,
        counted: &Counted,
    ) -> Result<Assessment, LedgerError> {
        let flags = counting(rules, probe.instrument, probe.steward);
        let year_number = probe.day.year();
        let per_titolo = rules.lf_titolo.value.compenso;
        let nominal = dec(probe.cents);
        let conversion = Consequence::conversion(probe.day, probe.profile.pubblica_amministrazione);
        let mut verdict = Verdict::default();
        let mut push = |cap: &MoneyCap,
                        citation: &Citation,
                        facts: &dyn Fn() -> String,
                        consequence: Consequence|
         -> Result<(), LedgerError> {
            // A positive headroom means a total below the cap; only at zero headroom is the
            // exact comparison needed.
            if !cap.headroom.is_zero() || !cap.is_breached() {
                return Ok(());
            }
            let total = cap.total();
            let excess = Excess::Money {
                limit: cap.limit,
                used: Euro::round_half_away_from_zero(cap.used).map_err(|_| overflow("used"))?,
                requested: Euro::round_half_away_from_zero(cap.requested)
                    .map_err(|_| overflow("requested"))?,
                excess: Euro::new(
                    (total - cap.limit.as_decimal())
                        .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero),
                )
                .map_err(|_| overflow("excess"))?,
            };
            verdict.push(Breach {
                rule: cap.rule,
                citation: citation.clone(),
                facts: facts(),
                consequence,
                excess: Some(excess),
            });
            Ok(())
        };

        let p_tot = (counted.cap_a, counted.external);
        let u_tot = counted.utilizzatore;
        let pair = counted.pair;

        let mut cap_prestatore = None;
        if flags & COUNTS_A != 0 {
            let used = p_tot
                .0
                .checked_add(p_tot.1)
                .ok_or_else(|| overflow("cap a total"))?;
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapPrestatore,
                rules.cap_prestatore.value,
                used,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_prestatore.citation,
                &|| {
                    format!(
                        "the prestatore's compensi in {year_number} would total {} ({} from other utilizzatori), above the cap of {}",
                        italian_amount(cap.total()),
                        euro(p_tot.1).to_italian(),
                        cap.limit.to_italian()
                    )
                },
                Consequence::PlatformRefusal,
            )?;
            cap_prestatore = Some(cap);
        }

        let mut cap_utilizzatore = None;
        if flags & COUNTS_B != 0 {
            let (limit, citation) = cap_b(rules, probe.profile.events_sector);
            let weight = probe.special.then_some(rules.special_category_weight.value);
            let cap = Ledger::money_cap(
                thresholds,
                RuleId::CapUtilizzatore,
                limit,
                u_tot.weighted_b,
                nominal,
                weight,
                per_titolo,
            )?;
            let note = || {
                weight.map_or_else(String::new, |w| {
                    format!(
                        ", this prestatore's compenso counted at {}% (c. 8)",
                        (w * Decimal::ONE_HUNDRED).normalize()
                    )
                })
            };
            push(
                &cap,
                citation,
                &|| {
                    format!(
                        "the utilizzatore's counted compensi in {year_number} would total {}{}, above the cap of {}",
                        italian_amount(cap.total()),
                        note(),
                        cap.limit.to_italian()
                    )
                },
                Consequence::PlatformRefusal,
            )?;
            cap_utilizzatore = Some(cap);
        }

        let mut cap_pair = None;
        if flags & COUNTS_C != 0 {
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapPair,
                rules.cap_pair.value,
                pair.cap_c,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_pair.citation,
                &|| {
                    format!(
                        "the prestatore's compensi from this utilizzatore in {year_number} would total {}, above the cap of {}",
                        italian_amount(cap.total()),
                        cap.limit.to_italian()
                    )
                },
                conversion.clone(),
            )?;
            cap_pair = Some(cap);
        }

        let mut cap_steward = None;
        if let (true, Some(limit)) = (flags & COUNTS_STEWARD != 0, rules.cap_steward.value) {
            let cap = Ledger::money_cap_cents(
                thresholds,
                RuleId::CapSteward,
                limit,
                pair.steward,
                probe.cents,
                per_titolo,
            )?;
            push(
                &cap,
                &rules.cap_steward.citation,
                &|| {
                    format!(
                        "the steward's compensi from this società sportiva in {year_number} would total {}, above the cap of {} (the crate reads a breach of c-bis like one of c)",
                        italian_amount(cap.total()),
                        cap.limit.to_italian()
                    )
                },
                conversion.clone(),
            )?;
            cap_steward = Some(cap);
        }

        let mut hours = None;
        if flags & COUNTS_HOURS != 0 {
            let (limit_hours, agricultural_area) = hour_limit(rules, probe.profile)?;
            let limit = limit_hours
                .checked_mul(60)
                .ok_or_else(|| overflow("hour limit"))?;
            let used = pair.counted_minutes;
            let total = used.saturating_add(probe.minutes);
            let warning = warning_level(thresholds, u128::from(total), u128::from(limit));
            if let Some(excess) = Excess::minutes(limit, used, probe.minutes) {
                let worked = crate::format::duration(u64::from(total));
                let (citation, facts) = match agricultural_area {
                    None => (
                        rules.hours_per_pair.citation.clone(),
                        format!(
                            "the prestatore would work {worked} for this utilizzatore in {year_number}, above the limit of {limit_hours} hours"
                        ),
                    ),
                    Some(area) => (
                        agricultural_hour_limit_citation(),
                        format!(
                            "the prestatore would work {worked} for this utilizzatore in {year_number}, above the agricultural limit of {limit_hours} hours ({} / the {} rate of {} per hour)",
                            rules.cap_pair.value.to_italian(),
                            area_name(area),
                            area.hourly_rate(rules)
                                .map_or_else(String::new, Euro::to_italian),
                        ),
                    ),
                };
                verdict.push(Breach {
                    rule: if agricultural_area.is_some() {
                        RuleId::HoursAgri
                    } else {
                        RuleId::Hours280
                    },
                    citation,
                    facts,
                    consequence: conversion.clone(),
                    excess: Some(excess),
                });
            }
            hours = Some(HoursCap {
                limit,
                used,
                requested: probe.minutes,
                headroom: limit.saturating_sub(total),
                warning,
                agricultural_area,
            });
        }

        Ok(Assessment {
            prestazione: probe.id,
            day: probe.day,
            verdict,
            cap_prestatore,
            cap_utilizzatore,
            cap_pair,
            cap_steward,
            hours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_cents_caps_match_the_decimal_computation() {
        let limit = Euro::from_euros(5_000);
        let per_titolo = Euro::from_euros(8);
        let weights = [None, Some(Decimal::new(75, 2)), Some(Decimal::new(1, 0))];
        for weight in weights {
            // Used totals of 0 to 4 decimals, as cap b counts them (cents × 0,75).
            for used in [
                0i64, 1, 99, 7_500, 2_500_000, 4_999_999, 5_000_000, 5_000_001, 9_000_000,
            ] {
                for requested in [0u64, 1, 800, 250_000, 500_000, 666_667] {
                    let used4 = Decimal::new(used, 4);
                    let fast = Ledger::money_cap(
                        &[50, 80, 100],
                        RuleId::CapUtilizzatore,
                        limit,
                        used4,
                        dec(requested),
                        weight,
                        per_titolo,
                    )
                    .unwrap();
                    // Scale 5: not in 1/10.000 € to `ten_thousandths`, so the decimal
                    // computation runs.
                    let mut used5 = used4;
                    used5.rescale(5);
                    assert_eq!(ten_thousandths(used5), None);
                    let slow = Ledger::money_cap(
                        &[50, 80, 100],
                        RuleId::CapUtilizzatore,
                        limit,
                        used5,
                        dec(requested),
                        weight,
                        per_titolo,
                    )
                    .unwrap();
                    let case = format!("used {used4}, requested {requested}, weight {weight:?}");
                    assert_eq!(fast, slow, "{case}");
                    assert_eq!(
                        fast.headroom.to_string(),
                        slow.headroom.to_string(),
                        "{case}"
                    );
                    assert_eq!(
                        fast.requested.to_string(),
                        slow.requested.to_string(),
                        "{case}"
                    );
                }
            }
        }
        assert_eq!(ten_thousandths(Decimal::new(-1, 4)), None);
        assert_eq!(ten_thousandths(Decimal::new(75, 2)), Some(7_500));
        assert_eq!(exact_cents(Decimal::new(75, 2)), Some(75));
        assert_eq!(exact_cents(Decimal::new(-1, 2)), None);
        assert_eq!(exact_cents(-Decimal::ZERO), Some(0));
        assert_eq!(ten_thousandths(-Decimal::ZERO), Some(0));
        assert_eq!(ten_thousandths(Decimal::new(-75, 2)), None);
        assert_eq!(exact_cents(Decimal::new(7, 0)), Some(700));
        assert_eq!(exact_cents(Decimal::new(7, 1)), Some(70));
    }
}
