//! Proptest strategies for prestazioni and for a calendar year of them that a ledger records
//! without refusal (feature `proptest`).

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::sample::Index;
use time::{Date, Month};

use super::codice_fiscale::codice_fiscale;
use super::instruments::regime_day;
use super::parties::{agricultural_area, profile_of, utilizzatore_id};
use crate::identity::CodiceFiscale;
use crate::instruments::{
    AgriculturalArea, cpo_minimum_compenso, cpo_minimum_compenso_agricultural, titoli_for_minutes,
};
use crate::ledger::Ledger;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneId};
use crate::rules::{REGIME_START, Rules};

/// The last year [`lawful_year`] draws (the last year of [`regime_day`]).
pub(super) const LAST_YEAR: i32 = 2035;

/// The random choices behind one prestazione, once its parties and day are known.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent random choices, not a state"
)]
#[derive(Debug, Clone, Copy)]
struct Knobs {
    /// A codice fiscale utilizzatore uses the CPO (a professional) rather than the LF.
    cpo: bool,
    minutes: u32,
    /// LF: extra titoli beyond those the minutes need; CPO: cents above the pay floor.
    extra: u32,
    special_category: bool,
    /// A partita IVA utilizzatore pays a steward through the LF (where cap c-bis is in force).
    steward: bool,
    events: bool,
    pa: bool,
    area: Option<AgriculturalArea>,
}

fn knobs() -> impl Strategy<Value = Knobs> {
    (
        any::<bool>(),
        prop_oneof![6 => (1_u32..=32).prop_map(|q| q * 15), 1 => 1_u32..=720],
        prop_oneof![1 => Just(0_u32), 3 => 0_u32..=6_000],
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.1),
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.1),
        prop_oneof![3 => Just(None), 1 => agricultural_area().prop_map(Some)],
    )
        .prop_map(
            |(cpo, minutes, extra, special_category, steward, events, pa, area)| Knobs {
                cpo,
                minutes,
                extra,
                special_category,
                steward,
                events,
                pa,
                area,
            },
        )
}

/// The prestazione the knobs describe, realistic for the rules in force on `day`; `None` when
/// there are none (before the regime) or the draft is invalid (prestatore and utilizzatore the
/// same person).
fn build(
    id: PrestazioneId,
    prestatore: CodiceFiscale,
    utilizzatore: UtilizzatoreId,
    day: Date,
    knobs: Knobs,
) -> Option<Prestazione> {
    let rules = Rules::in_force_on(day).ok()?;
    let steward = matches!(utilizzatore, UtilizzatoreId::PartitaIva(_))
        && knobs.steward
        && rules.cap_steward.value.is_some();
    let instrument = match utilizzatore {
        UtilizzatoreId::CodiceFiscale(_) if !knobs.cpo => Instrument::LibrettoFamiglia,
        _ if steward => Instrument::LibrettoFamiglia,
        _ => Instrument::ContrattoPrestazioneOccasionale,
    };
    let (compenso, profile) = match instrument {
        Instrument::LibrettoFamiglia => {
            let titoli = titoli_for_minutes(knobs.minutes, rules)
                .ok()?
                .checked_add(knobs.extra % 3)?;
            let compenso = rules.lf_titolo.value.compenso.checked_mul_u32(titoli)?;
            (compenso, CapProfile::default())
        }
        Instrument::ContrattoPrestazioneOccasionale => {
            let pa = knobs.pa && matches!(utilizzatore, UtilizzatoreId::PartitaIva(_));
            let area = knobs
                .area
                .filter(|_| !pa && rules.agriculture_hourly_rates.value.is_some());
            let mut floor = cpo_minimum_compenso(knobs.minutes, rules).ok()?;
            if let Some(area) = area {
                floor =
                    floor.max(cpo_minimum_compenso_agricultural(knobs.minutes, area, rules).ok()?);
            }
            let compenso = floor.checked_add(Euro::from_cents(u64::from(knobs.extra)))?;
            // The events sector only where its cap b is in force (from 5/5/2023), as
            // `Utilizzatore::cap_profile` gives it.
            let events = knobs.events && !pa && rules.cap_utilizzatore_events.value.is_some();
            (compenso, profile_of(events, pa, area))
        }
    };
    Prestazione::try_from(PrestazioneDraft {
        id,
        instrument,
        prestatore,
        utilizzatore,
        day,
        minutes: knobs.minutes,
        compenso,
        special_category: knobs.special_category,
        steward,
        profile,
    })
    .ok()
}

/// Valid, realistic prestazioni with the given id, on any [`regime_day`]:
///
/// - the utilizzatore ([`utilizzatore_id`]) chooses the instrument as the law would have it: a
///   codice fiscale (a family, a professional) uses the Libretto Famiglia or the CPO, a partita
///   IVA the CPO, or the LF for a steward (about one in ten, where cap c-bis is in force on the
///   day), never the prestatore's own codice fiscale;
/// - the minutes are mostly whole quarter hours up to 8 hours, sometimes any count up to 12
///   hours;
/// - an LF compenso is whole titoli of the day's rules: at least the titoli the minutes need
///   ([`titoli_for_minutes`](crate::titoli_for_minutes)), sometimes one or two more;
/// - a CPO compenso is at least the pay floor of the rules in force on the day
///   ([`cpo_minimum_compenso`](crate::cpo_minimum_compenso), and for an agricultural profile
///   also [`cpo_minimum_compenso_agricultural`](crate::cpo_minimum_compenso_agricultural),
///   whichever is higher), up to 60,00 above it;
/// - an LF has the default [`CapProfile`]; a CPO's profile may be events sector (where its cap
///   b is in force, from 5/5/2023), or a PA (a
///   partita IVA utilizzatore, not events, not agricultural), or agricultural where the day's
///   rules have agricultural rates (until 31/12/2022);
/// - about one in five is in a comma-8 category.
///
/// Distinct ids are the caller's business (see [`prestazione`] for random ones).
///
/// Legal basis: art. 54-bis c. 1 lett. c-bis, c. 6, c. 7, c. 10-11, c. 16, c. 17 lett. e D.L.
/// 50/2017; former c. 16 and INPS msg 2887/2017 for agriculture (LF-TITOLO,
/// CPO-MIN-PAY, CPO-AGRI-PAY, reading R-MIDNIGHT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Instrument, PrestazioneId, Rules, check_cpo_pay, strategies, titoli_for_minutes};
/// use proptest::prelude::*;
///
/// proptest!(|(p in strategies::prestazione_with_id(PrestazioneId(7)))| {
///     prop_assert_eq!(p.id(), PrestazioneId(7));
///     let rules = Rules::in_force_on(p.day())?;
///     match p.instrument() {
///         Instrument::LibrettoFamiglia => {
///             let titolo = rules.lf_titolo.value.compenso;
///             let titoli = titoli_for_minutes(p.minutes(), rules)?;
///             prop_assert!(titolo.checked_mul_u32(titoli).is_some_and(|least| p.compenso() >= least));
///         }
///         _ => prop_assert!(check_cpo_pay(p.compenso(), p.minutes(), rules)?.is_lawful()),
///     }
/// });
/// ```
pub fn prestazione_with_id(id: PrestazioneId) -> impl Strategy<Value = Prestazione> {
    (codice_fiscale(), utilizzatore_id(), regime_day(), knobs()).prop_filter_map(
        "valid unless prestatore and utilizzatore are the same person",
        move |(prestatore, utilizzatore, day, knobs)| {
            build(id, prestatore, utilizzatore, day, knobs)
        },
    )
}

/// Valid, realistic prestazioni as [`prestazione_with_id`], each with a random id (two drawn
/// prestazioni may share one: for a ledger, give distinct ids with [`prestazione_with_id`] or
/// use [`lawful_year`]).
///
/// Legal basis: as [`prestazione_with_id`].
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Prestazione, PrestazioneDraft, strategies};
/// use proptest::prelude::*;
///
/// proptest!(|(p in strategies::prestazione())| {
///     // It round-trips through its draft, the validating constructor.
///     let again = Prestazione::try_from(PrestazioneDraft::from(p.clone()))?;
///     prop_assert_eq!(again, p);
/// });
/// ```
pub fn prestazione() -> impl Strategy<Value = Prestazione> {
    any::<u64>().prop_flat_map(|id| prestazione_with_id(PrestazioneId(id)))
}

/// One calendar year of prestazioni that a [`Ledger::default()`](crate::Ledger) records, in the
/// order given, without any refusal: `n` candidates ([`prestazione_with_id`]'s realistic
/// values) among `prestatori` prestatori and `utilizzatori` utilizzatori (at least one each) on
/// days of one year of the regime, with ids 1 to `n`; a candidate is kept when the ledger
/// records it after the ones kept before it, so the result has at most `n` prestazioni, with
/// distinct ids, and at most one per pair and calendar day. Fewer parties make the caps and
/// the hour limits bind sooner.
///
/// An utilizzatore keeps one instrument and one profile through the year (a family the
/// Libretto Famiglia, a professional or a firm the CPO; events sector or not, PA or not, its
/// agricultural area), as a real one does; a firm may also pay stewards through the LF. The filtering is deterministic (a fresh default
/// ledger, the candidates in id order), so shrinking keeps the result lawful. Any reordering
/// of the result is also recorded without refusal (every cap counts a sum over the year), except
/// in 2023 for an utilizzatore of the events sector, whose cap b rose from 10.000 to 15.000 on
/// 5/5/2023: its later prestazioni, recorded first, can fill the 15.000 and leave none of the
/// earlier ones room under 10.000.
///
/// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017 (the caps
/// and hour limits [`Ledger::record`](crate::Ledger::record) enforces; reading R-CONSEQUENCES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(year in strategies::lawful_year(3, 2, 60))| {
///     prop_assert!(year.len() <= 60);
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
/// });
/// ```
pub fn lawful_year(
    prestatori: usize,
    utilizzatori: usize,
    n: usize,
) -> impl Strategy<Value = Vec<Prestazione>> {
    (
        REGIME_START.year()..=LAST_YEAR,
        proptest::collection::vec(codice_fiscale(), prestatori.max(1)),
        proptest::collection::vec((utilizzatore_id(), knobs()), utilizzatori.max(1)),
        proptest::collection::vec((any::<Index>(), any::<Index>(), 0_i32..366, knobs()), n),
    )
        .prop_map(|(year, workers, payers, candidates)| {
            let mut ledger = Ledger::default();
            let mut pair_days = HashSet::new();
            let mut kept = Vec::new();
            for (number, (p, u, offset, knobs)) in (1_u64..).zip(candidates) {
                let (Some(worker), Some((payer, profile))) = (
                    workers.get(p.index(workers.len())),
                    payers.get(u.index(payers.len())),
                ) else {
                    continue;
                };
                // The utilizzatore's profile, the same for all its prestazioni of the year.
                let knobs = Knobs {
                    cpo: profile.cpo,
                    events: profile.events,
                    pa: profile.pa,
                    area: profile.area,
                    ..knobs
                };
                let Some(day) = day_of(year, offset) else {
                    continue;
                };
                let pair_day = (worker.canonical(), payer.canonical(), day);
                if pair_days.contains(&pair_day) {
                    continue;
                }
                let Some(prestazione) = build(PrestazioneId(number), *worker, *payer, day, knobs)
                else {
                    continue;
                };
                if ledger.record(&prestazione).is_ok() {
                    pair_days.insert(pair_day);
                    kept.push(prestazione);
                }
            }
            kept
        })
}

/// The day `offset` days into the part of `year` within the regime (wrapping around).
pub(super) fn day_of(year: i32, offset: i32) -> Option<Date> {
    let first = Date::from_calendar_date(year, Month::January, 1)
        .ok()?
        .max(REGIME_START)
        .to_julian_day();
    let last = Date::from_calendar_date(year, Month::December, 31)
        .ok()?
        .to_julian_day();
    let span = last.checked_sub(first)?.checked_add(1)?;
    Date::from_julian_day(first.checked_add(offset.checked_rem_euclid(span)?)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn day_of_stays_in_the_regime_part_of_the_year() {
        assert_eq!(day_of(2017, 0), Some(REGIME_START));
        assert_eq!(day_of(2017, 190), Some(date!(2017 - 12 - 31)));
        assert_eq!(day_of(2017, 191), Some(REGIME_START));
        assert_eq!(day_of(2024, 365), Some(date!(2024 - 12 - 31)));
        assert_eq!(day_of(2025, 365), Some(date!(2025 - 01 - 01)));
    }
}
