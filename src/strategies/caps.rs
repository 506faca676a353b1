//! Proptest strategies for a calendar year at exactly one of the caps (feature `proptest`): the
//! boundary cases of reading R-CAP-INCLUSIVE, where a total equal to the cap is lawful and one
//! cent, one titolo or one minute more is not.
//!
//! Each strategy builds its prestazioni through the crate's constructors with the rules in force
//! on their days, records them in a fresh [`Ledger`] and keeps only a year whose total is exactly
//! the cap, so every value it gives keeps its promise.

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use time::{Date, Month};

use super::codice_fiscale::codice_fiscale;
use super::parties::{agricultural_area, utilizzatore_id};
use super::prestazione::{LAST_YEAR, day_of};
use super::values::partita_iva;
use crate::civil_time::last_sunday_0100_utc;
use crate::identity::CodiceFiscale;
use crate::instruments::{
    agricultural_hour_limit, cpo_minimum_compenso, cpo_minimum_compenso_agricultural,
    titoli_for_minutes,
};
use crate::ledger::Ledger;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{CapProfile, Instrument, Prestazione, PrestazioneDraft, PrestazioneId};
use crate::rules::{REGIME_START, Rules};

/// Minutes of each CPO prestazione of these strategies (4 hours: the daily minimum's span).
const CPO_MINUTES: u32 = 240;

/// A day of one pair's year at the cap: any day, or one of the days where calendars go wrong.
#[derive(Debug, Clone, Copy)]
enum PairDay {
    /// This many days into the year's part within the regime.
    Offset(i32),
    /// 1/1, 31/12, or the last Sunday of March or of October (the clock changes).
    Edge(u8),
}

/// The edge day `which` of `year` (1/1, 31/12, the last Sunday of March, of October).
fn edge_day(year: i32, which: u8) -> Option<Date> {
    let last_sunday = |month| last_sunday_0100_utc(year, month).map(time::OffsetDateTime::date);
    match which % 4 {
        0 => Date::from_calendar_date(year, Month::January, 1).ok(),
        1 => Date::from_calendar_date(year, Month::December, 31).ok(),
        2 => last_sunday(Month::March),
        _ => last_sunday(Month::October),
    }
}

/// One pair's Contratto di Prestazione Occasionale prestazioni in one calendar year whose
/// compensi total exactly cap c of the rules in force (2.500,00 €), the boundary of reading
/// R-CAP-INCLUSIVE: 1 to 10 prestazioni of 4 hours on distinct days (about one day in four is
/// 1/1, 31/12 or a clock-change Sunday), each paying at least the daily minimum, ids 1 to n. A
/// [`Ledger::default()`](crate::Ledger) records them all, in any order, with no room left under
/// cap c; one cent more for the pair is refused.
///
/// Legal basis: art. 54-bis c. 1 lett. c and c. 17 lett. e D.L. 50/2017 (CAP-PAIR,
/// CPO-MIN-PAY, reading R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(pair in strategies::pair_at_cap())| {
///     let mut ledger = Ledger::default();
///     for p in &pair {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &pair[pair.len() - 1];
///     let totals = ledger.pair_totals(&last.prestatore(), &last.utilizzatore(), last.day().year());
///     prop_assert_eq!(totals.counted_cap_pair, Euro::from_euros(2_500));
///     // One cent more is a breach of cap c.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.compenso = Euro::from_cents(1);
///     draft.minutes = 1;
///     if let Ok(cent) = Prestazione::try_from(draft) {
///         let a = ledger.assess(&cent)?;
///         prop_assert!(a.verdict.breaches_rule(RuleId::CapPair));
///     }
/// });
/// ```
pub fn pair_at_cap() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        codice_fiscale(),
        utilizzatore_id(),
        REGIME_START.year()..=LAST_YEAR,
        proptest::collection::vec((pair_day(), any::<Index>()), 1..=10),
    )
        .prop_filter_map(
            "a pair year at cap c",
            |(prestatore, utilizzatore, year, picks)| {
                let draws: Vec<PairDay> = picks.iter().map(|(day, _)| *day).collect();
                let days = days_of(year, &draws, REGIME_START);
                let rules = Rules::in_force_on(*days.first()?).ok()?;
                let total = rules.cap_pair.value.cents();
                let floor = cpo_minimum_compenso(CPO_MINUTES, rules).ok()?.cents();
                let count = u64::try_from(days.len()).ok()?;
                // Each pays the floor; the rest of the cap is cut at random points.
                let rest = total.checked_sub(floor.checked_mul(count)?)?;
                let mut cuts: Vec<u64> = picks
                    .iter()
                    .skip(1)
                    .take(days.len() - 1)
                    .map(|(_, at)| {
                        u64::try_from(at.index(usize::try_from(rest).ok()?.checked_add(1)?)).ok()
                    })
                    .collect::<Option<_>>()?;
                cuts.sort_unstable();
                cuts.push(rest);
                let mut previous = 0;
                let mut pair = Vec::new();
                for ((number, day), cut) in (1_u64..).zip(days).zip(cuts) {
                    let cents = floor.checked_add(cut.checked_sub(previous)?)?;
                    previous = cut;
                    let parties = (prestatore, utilizzatore);
                    pair.push(cpo(
                        number,
                        parties,
                        day,
                        cents,
                        false,
                        CapProfile::default(),
                    )?);
                }
                let ledger = recorded(&pair)?;
                let totals = ledger.pair_totals(&prestatore, &utilizzatore, year);
                (totals.counted_cap_pair == rules.cap_pair.value).then_some(pair)
            },
        )
}

/// A day of the year: mostly any day, one in four a calendar edge.
fn pair_day() -> impl Strategy<Value = PairDay> {
    prop_oneof![
        3 => (0_i32..366).prop_map(PairDay::Offset),
        1 => any::<u8>().prop_map(PairDay::Edge),
    ]
}

/// The distinct days of `year` the draws name, from `from` on, in order.
fn days_of(year: i32, draws: &[PairDay], from: Date) -> Vec<Date> {
    let mut days: Vec<Date> = draws
        .iter()
        .filter_map(|day| match *day {
            PairDay::Offset(offset) => day_of(year, offset),
            PairDay::Edge(which) => edge_day(year, which),
        })
        .filter(|day| *day >= from)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// `total` split into one part per bound, each within its `(least, most)` and drawn with
/// `picks`; `None` when the bounds cannot hold it.
fn split(
    total: u64,
    bounds: &[(u64, u64)],
    picks: &mut impl Iterator<Item = Index>,
) -> Option<Vec<u64>> {
    let mut rest = total.checked_sub(
        bounds
            .iter()
            .try_fold(0_u64, |sum, b| sum.checked_add(b.0))?,
    )?;
    let mut room_after = bounds.iter().try_fold(0_u64, |sum, (least, most)| {
        sum.checked_add(most.checked_sub(*least)?)
    })?;
    let mut parts = Vec::with_capacity(bounds.len());
    for (least, most) in bounds {
        let room = most.checked_sub(*least)?;
        room_after = room_after.checked_sub(room)?;
        // At least what the later parts cannot take, at most what this one can.
        let low = rest.saturating_sub(room_after);
        let high = room.min(rest);
        let span = usize::try_from(high.checked_sub(low)?.checked_add(1)?).ok()?;
        let extra = low.checked_add(u64::try_from(picks.next()?.index(span)).ok()?)?;
        rest = rest.checked_sub(extra)?;
        parts.push(least.checked_add(extra)?);
    }
    (rest == 0).then_some(parts)
}

/// A fresh default ledger that recorded every prestazione, or `None` if it refused one.
fn recorded(prestazioni: &[Prestazione]) -> Option<Ledger> {
    let mut ledger = Ledger::default();
    for p in prestazioni {
        ledger.record(p).ok()?;
    }
    Some(ledger)
}

/// The draft of prestazione `id` of these parties on `day`, with no minutes and no pay yet, not
/// in a comma-8 category, not a steward, with the default profile.
fn draft(
    id: u64,
    instrument: Instrument,
    (prestatore, utilizzatore): (CodiceFiscale, UtilizzatoreId),
    day: Date,
) -> PrestazioneDraft {
    PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore,
        utilizzatore,
        day,
        minutes: 0,
        compenso: Euro::ZERO,
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    }
}

/// A CPO prestazione of [`CPO_MINUTES`] paying `cents`, with `profile`.
fn cpo(
    id: u64,
    parties: (CodiceFiscale, UtilizzatoreId),
    day: Date,
    cents: u64,
    special_category: bool,
    profile: CapProfile,
) -> Option<Prestazione> {
    Prestazione::try_from(PrestazioneDraft {
        minutes: CPO_MINUTES,
        compenso: Euro::from_cents(cents),
        special_category,
        profile,
        ..draft(
            id,
            Instrument::ContrattoPrestazioneOccasionale,
            parties,
            day,
        )
    })
    .ok()
}

/// One prestatore's Contratto di Prestazione Occasionale prestazioni in one calendar year
/// whose compensi total exactly cap a of the rules in force (5.000,00 €): 2 to 4 utilizzatori,
/// each pair within cap c (2.500,00 €) with 1 to 6 prestazioni of 4 hours on distinct days
/// (about one in four on 1/1, 31/12 or a clock-change Sunday), each paying at least the daily
/// minimum, none in a comma-8 category (they count in full toward cap a anyway), ids 1 to n.
/// A [`Ledger::default()`](crate::Ledger) records them all, in any order; one cent more for the
/// prestatore, from any utilizzatore, is refused.
///
/// Legal basis: art. 54-bis c. 1 lett. a and c, c. 17 lett. e D.L. 50/2017
/// (CAP-PRESTATORE-TOTAL, CAP-PAIR, CPO-MIN-PAY, reading R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(year in strategies::prestatore_at_cap())| {
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &year[year.len() - 1];
///     let totals = ledger.prestatore_totals(&last.prestatore(), last.day().year());
///     prop_assert_eq!(totals.counted_cap_prestatore, Euro::from_euros(5_000));
///     // One cent more, here from the last utilizzatore, is a breach of cap a.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.compenso = Euro::from_cents(1);
///     draft.minutes = 1;
///     if let Ok(cent) = Prestazione::try_from(draft) {
///         prop_assert!(ledger.assess(&cent)?.verdict.breaches_rule(RuleId::CapPrestatore));
///     }
/// });
/// ```
pub fn prestatore_at_cap() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        codice_fiscale(),
        proptest::collection::vec(
            (
                utilizzatore_id(),
                proptest::collection::vec(pair_day(), 1..=6),
            ),
            2..=4,
        ),
        REGIME_START.year()..=LAST_YEAR,
        proptest::collection::vec(any::<Index>(), 32),
    )
        .prop_filter_map(
            "a prestatore's year at cap a",
            |(prestatore, utilizzatori, year, picks)| {
                let mut seen = HashSet::new();
                let pairs: Vec<_> = utilizzatori
                    .iter()
                    .filter(|(u, _)| seen.insert(u.canonical()))
                    .map(|(u, draws)| (prestatore, *u, days_of(year, draws, REGIME_START), false))
                    .filter(|(_, _, days, _)| !days.is_empty())
                    .collect();
                let (year_at_cap, cap) = cpo_pairs_totalling(
                    |r| Some(r.cap_prestatore.value),
                    &pairs,
                    CapProfile::default(),
                    &picks,
                )?;
                let ledger = recorded(&year_at_cap)?;
                let totals = ledger.prestatore_totals(&prestatore, year);
                (totals.counted_cap_prestatore == cap).then_some(year_at_cap)
            },
        )
}

/// One utilizzatore's Contratto di Prestazione Occasionale prestazioni in one calendar year
/// whose compensi total exactly cap b of the rules in force: 5.000,00 € until 2022, 10.000,00 €
/// from 2023, or, for about one utilizzatore in four from 2024, the events sector's 15.000,00 €
/// (its profile then has the events flag; not in 2023, whose events cap holds from 5/5 only). 2
/// to 10 prestatori, each pair within cap c (2.500,00 €) with 1 to 6 prestazioni of 4 hours on
/// distinct days (about one in four on 1/1, 31/12 or a clock-change Sunday), each paying at
/// least the daily minimum. About three prestatori in ten are in a comma-8 category: their
/// compensi count at the rules' weight (75%), so the total that reaches the cap is the weighted
/// one, and they are paid in multiples of 4 cents (whose 75% is whole cents). Ids 1 to n. A
/// [`Ledger::default()`](crate::Ledger) records them all, in any order; one cent more for the
/// utilizzatore, to a prestatore outside comma 8, is refused.
///
/// Legal basis: art. 54-bis c. 1 lett. b and c, c. 17 lett. e D.L. 50/2017, lett. b as amended by
/// L. 197/2022 art. 1 c. 342 and D.L. 48/2023 art. 37 (CAP-UTILIZZATORE-TOTAL,
/// CAP-UTILIZZATORE-EVENTS, CAP-75PCT, CAP-PAIR, CPO-MIN-PAY, readings R-EVENTS-CAP-2023,
/// R-WEIGHT-CAP-B, R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, Rules, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(year in strategies::utilizzatore_at_cap())| {
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &year[year.len() - 1];
///     let rules = Rules::in_force_on(last.day())?;
///     let events_cap = rules.cap_utilizzatore_events.value;
///     let cap_b = if last.profile().events_sector { events_cap } else { Some(rules.cap_utilizzatore.value) };
///     prop_assert!(cap_b.is_some());
///     let totals = ledger.utilizzatore_totals(&last.utilizzatore(), last.day().year());
///     prop_assert_eq!(Some(totals.counted_cap_utilizzatore), cap_b.map(|cap| cap.as_decimal()));
///     // One cent more, here to the last prestatore (counted in full), is a breach of cap b.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.special_category = false;
///     draft.compenso = prestazioni_occasionali::Euro::from_cents(1);
///     draft.minutes = 1;
///     if let Ok(cent) = Prestazione::try_from(draft) {
///         prop_assert!(ledger.assess(&cent)?.verdict.breaches_rule(RuleId::CapUtilizzatore));
///     }
/// });
/// ```
pub fn utilizzatore_at_cap() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        utilizzatore_id(),
        proptest::collection::vec(
            (
                codice_fiscale(),
                proptest::collection::vec(pair_day(), 1..=6),
                proptest::bool::weighted(0.3),
            ),
            2..=10,
        ),
        REGIME_START.year()..=LAST_YEAR,
        proptest::bool::weighted(0.25),
        proptest::collection::vec(any::<Index>(), 64),
    )
        .prop_filter_map(
            "an utilizzatore's year at cap b",
            |(utilizzatore, prestatori, year, events, picks)| {
                // The events sector only in a year whose 1/1 already has its cap, so that every
                // day of the year has the same cap b.
                let new_year = Date::from_calendar_date(year, Month::January, 1).ok()?;
                let events = events
                    && Rules::in_force_on(new_year)
                        .is_ok_and(|r| r.cap_utilizzatore_events.value.is_some());
                let profile = CapProfile::default().with_events_sector(events);
                let mut seen = HashSet::new();
                let pairs: Vec<_> = prestatori
                    .iter()
                    .filter(|(p, _, _)| seen.insert(p.canonical()))
                    .map(|(p, draws, special)| {
                        (
                            *p,
                            utilizzatore,
                            days_of(year, draws, REGIME_START),
                            *special,
                        )
                    })
                    .filter(|(_, _, days, _)| !days.is_empty())
                    .collect();
                let cap_b = |r: &Rules| {
                    if events {
                        r.cap_utilizzatore_events.value
                    } else {
                        Some(r.cap_utilizzatore.value)
                    }
                };
                let (year_at_cap, cap) = cpo_pairs_totalling(cap_b, &pairs, profile, &picks)?;
                let ledger = recorded(&year_at_cap)?;
                let totals = ledger.utilizzatore_totals(&utilizzatore, year);
                (totals.counted_cap_utilizzatore == cap.as_decimal()).then_some(year_at_cap)
            },
        )
}

/// The CPO prestazioni of pairs of one prestatore or one utilizzatore (`pairs`: prestatore,
/// utilizzatore, the pair's days and whether the prestatore is in a comma-8 category) with
/// `profile`, whose compensi, weighted as cap b weighs them (`Rules::special_category_weight` for
/// a comma-8 prestatore), total `total` of the rules of the earliest day, which it returns: each
/// pair within cap c, each prestazione paying at least the daily minimum, a comma-8 prestatore's
/// compensi in the smallest multiple of a cent whose weight is whole cents (4 cents at 75%); ids
/// 1 to n. `None` when no pair outside comma 8 can take the rest.
fn cpo_pairs_totalling(
    total: impl Fn(&Rules) -> Option<Euro>,
    pairs: &[(CodiceFiscale, UtilizzatoreId, Vec<Date>, bool)],
    profile: CapProfile,
    picks: &[Index],
) -> Option<(Vec<Prestazione>, Euro)> {
    let first = pairs
        .iter()
        .filter_map(|(_, _, days, _)| days.first())
        .min()?;
    let rules = Rules::in_force_on(*first).ok()?;
    let total = total(rules)?;
    let mut picks = picks.iter().copied().cycle();
    let floor = cpo_minimum_compenso(CPO_MINUTES, rules).ok()?.cents();
    let cap_c = rules.cap_pair.value.cents();
    let weight = rules.special_category_weight.value;
    // The smallest step of a weighted compenso in whole cents, and its weight.
    let (step, weighted_step) = (1_u64..=10_000).find_map(|step| {
        let weighted = weight.checked_mul(Decimal::from(step))?;
        (weighted.fract().is_zero() && weighted.is_sign_positive())
            .then(|| u64::try_from(weighted.trunc()).ok())
            .flatten()
            .map(|w| (step, w))
    })?;
    let least_steps = floor.div_ceil(step);
    let count = |days: &Vec<Date>| u64::try_from(days.len()).ok();
    // The comma-8 pairs first, each any share of cap c in steps.
    let mut shares = vec![0_u64; pairs.len()];
    let mut weighted = 0_u64;
    for (share, (_, _, days, special)) in shares.iter_mut().zip(pairs) {
        if *special {
            let least = least_steps.checked_mul(count(days)?)?;
            let most = cap_c / step;
            let span = usize::try_from(most.checked_sub(least)?.checked_add(1)?).ok()?;
            let steps = least.checked_add(u64::try_from(picks.next()?.index(span)).ok()?)?;
            *share = steps.checked_mul(step)?;
            weighted = weighted.checked_add(steps.checked_mul(weighted_step)?)?;
        }
    }
    // The others take the rest, counted in full.
    let others: Vec<usize> = (0..pairs.len()).filter(|&i| !pairs[i].3).collect();
    let bounds = others
        .iter()
        .map(|&i| Some((floor.checked_mul(count(&pairs[i].2)?)?, cap_c)))
        .collect::<Option<Vec<_>>>()?;
    if bounds.is_empty() {
        return None;
    }
    let rest = split(total.cents().checked_sub(weighted)?, &bounds, &mut picks)?;
    for (&i, share) in others.iter().zip(rest) {
        *shares.get_mut(i)? = share;
    }
    let mut out = Vec::new();
    let mut id = 0_u64;
    for ((prestatore, utilizzatore, days, special), share) in pairs.iter().zip(shares) {
        let (unit, least) = if *special {
            (step, least_steps)
        } else {
            (1, floor)
        };
        let parts = split(
            share / unit,
            &vec![(least, share / unit); days.len()],
            &mut picks,
        )?;
        for (day, part) in days.iter().zip(parts) {
            id = id.checked_add(1)?;
            let parties = (*prestatore, *utilizzatore);
            let cents = part.checked_mul(unit)?;
            out.push(cpo(id, parties, *day, cents, *special, profile)?);
        }
    }
    Some((out, total))
}

/// One steward's Libretto Famiglia prestazioni for one società sportiva (a partita IVA) in one
/// calendar year from 2018, whose compensi total exactly cap c-bis of the rules in force
/// (5.000,00 €, 625 titoli at 8,00 € net): 1 to 10 prestazioni of 4 hours on distinct days
/// (about one in four on 1/1, 31/12 or a clock-change Sunday), each paid with at least the
/// titoli its hours need, ids 1 to n. A [`Ledger::default()`](crate::Ledger) records them all,
/// in any order; one titolo more for the pair is refused. Under the embedded rules a steward's
/// compensi also count toward cap a (reading R-STEWARD-CAP-A), which they then fill too.
///
/// Legal basis: art. 54-bis c. 1 lett. c-bis (added by L. 205/2017 art. 1 c. 368) and c. 10-11
/// D.L. 50/2017 (CAP-STEWARD, LF-TITOLO, readings R-STEWARD-CAP-A, R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(year in strategies::steward_at_cap())| {
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &year[year.len() - 1];
///     let totals = ledger.pair_totals(&last.prestatore(), &last.utilizzatore(), last.day().year());
///     prop_assert_eq!(totals.counted_cap_steward, Euro::from_euros(5_000));
///     // One titolo more (an hour at 8,00 €) is a breach of cap c-bis.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.compenso = Euro::from_euros(8);
///     draft.minutes = 60;
///     if let Ok(titolo) = Prestazione::try_from(draft) {
///         prop_assert!(ledger.assess(&titolo)?.verdict.breaches_rule(RuleId::CapSteward));
///     }
/// });
/// ```
pub fn steward_at_cap() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        codice_fiscale(),
        partita_iva(),
        2018..=LAST_YEAR,
        proptest::collection::vec(pair_day(), 1..=10),
        proptest::collection::vec(any::<Index>(), 16),
    )
        .prop_filter_map(
            "a steward's year at cap c-bis",
            |(prestatore, societa, year, draws, picks)| {
                let utilizzatore = UtilizzatoreId::PartitaIva(societa);
                let days = days_of(year, &draws, REGIME_START);
                let rules = Rules::in_force_on(*days.first()?).ok()?;
                let cap = rules.cap_steward.value?;
                let per_titolo = rules.lf_titolo.value.compenso.cents();
                // Whole titoli only: the cap must be a multiple of the titolo's compenso.
                let titoli = (cap.cents() % per_titolo == 0).then(|| cap.cents() / per_titolo)?;
                let least = u64::from(titoli_for_minutes(CPO_MINUTES, rules).ok()?);
                let bounds = vec![(least, titoli); days.len()];
                let counts = split(titoli, &bounds, &mut picks.iter().copied().cycle())?;
                let parties = (prestatore, utilizzatore);
                let year_at_cap = (1_u64..)
                    .zip(days.iter().zip(counts))
                    .map(|(id, (day, count))| {
                        Prestazione::try_from(PrestazioneDraft {
                            minutes: CPO_MINUTES,
                            compenso: Euro::from_cents(count.checked_mul(per_titolo)?),
                            steward: true,
                            ..draft(id, Instrument::LibrettoFamiglia, parties, *day)
                        })
                        .ok()
                    })
                    .collect::<Option<Vec<_>>>()?;
                let ledger = recorded(&year_at_cap)?;
                let totals = ledger.pair_totals(&prestatore, &utilizzatore, year);
                (totals.counted_cap_steward == cap).then_some(year_at_cap)
            },
        )
}

/// One family's Libretto Famiglia prestazioni with one prestatore in one calendar year whose
/// minutes total exactly the hour limit of the rules in force (280 hours, 16.800 minutes): 24
/// to 32 prestazioni of 1 to 12 hours in whole quarter hours on distinct days (about one in four
/// on 1/1, 31/12 or a clock-change Sunday), each paid with the titoli its minutes need (the
/// compensi stay within cap c), ids 1 to n. The family is a codice fiscale other than the
/// prestatore's. A [`Ledger::default()`](crate::Ledger) records them all, in any order; one
/// minute more for the pair is refused. Under the embedded rules the limit binds the Libretto
/// Famiglia too (reading R-HOURS-LF).
///
/// Legal basis: art. 54-bis c. 20 and c. 10-11 D.L. 50/2017 (HOURS-280, LF-TITOLO, readings
/// R-HOURS-LF, R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(16), |(year in strategies::pair_at_hours())| {
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &year[year.len() - 1];
///     let totals = ledger.pair_totals(&last.prestatore(), &last.utilizzatore(), last.day().year());
///     prop_assert_eq!(totals.counted_minutes, 280 * 60);
///     // One minute more (paid with one titolo) is a breach of the hour limit.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.compenso = Euro::from_euros(8);
///     draft.minutes = 1;
///     if let Ok(minute) = Prestazione::try_from(draft) {
///         prop_assert!(ledger.assess(&minute)?.verdict.breaches_rule(RuleId::Hours280));
///     }
/// });
/// ```
pub fn pair_at_hours() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        codice_fiscale(),
        codice_fiscale(),
        REGIME_START.year()..=LAST_YEAR,
        24_usize..=32,
        proptest::collection::vec(pair_day(), 48),
        proptest::collection::vec(any::<Index>(), 32),
    )
        .prop_filter_map(
            "a pair's year at the hour limit",
            |(prestatore, family, year, count, draws, picks)| {
                let parties = (prestatore, UtilizzatoreId::CodiceFiscale(family));
                let mut days = days_of(year, &draws, REGIME_START);
                days.truncate(count);
                let rules = Rules::in_force_on(*days.first()?).ok()?;
                let per_titolo = rules.lf_titolo.value.compenso;
                // 1 to 12 hours a day.
                pair_at_minutes(
                    rules.hours_per_pair.value,
                    4,
                    &days,
                    &picks,
                    |id, day, minutes| {
                        let titoli = titoli_for_minutes(minutes, rules).ok()?;
                        Prestazione::try_from(PrestazioneDraft {
                            minutes,
                            compenso: per_titolo.checked_mul_u32(titoli)?,
                            ..draft(id, Instrument::LibrettoFamiglia, parties, day)
                        })
                        .ok()
                    },
                )
            },
        )
}

/// One pair's prestazioni on `days` whose minutes total exactly `hours`: each of `least` quarter
/// hours to 12 hours, in whole quarter hours drawn with `picks`, built by `make(id, day,
/// minutes)` with ids 1 to n; a year that a default ledger records and counts to the minute.
fn pair_at_minutes(
    hours: u32,
    least: u64,
    days: &[Date],
    picks: &[Index],
    make: impl Fn(u64, Date, u32) -> Option<Prestazione>,
) -> Option<Vec<Prestazione>> {
    let quarters = u64::from(hours).checked_mul(4)?;
    let bounds = vec![(least, 48); days.len()];
    let lengths = split(quarters, &bounds, &mut picks.iter().copied().cycle())?;
    let year = (1_u64..)
        .zip(days.iter().zip(lengths))
        .map(|(id, (day, length))| make(id, *day, u32::try_from(length.checked_mul(15)?).ok()?))
        .collect::<Option<Vec<_>>>()?;
    let first = year.first()?;
    let ledger = recorded(&year)?;
    let totals = ledger.pair_totals(
        &first.prestatore(),
        &first.utilizzatore(),
        first.day().year(),
    );
    (u64::from(totals.counted_minutes) == quarters.checked_mul(15)?).then_some(year)
}

/// One agricultural pair's Contratto di Prestazione Occasionale prestazioni in one calendar year
/// of the agricultural rates (24/6/2017 to 31/12/2022) whose minutes total exactly the
/// agricultural hour limit of the area (259, 284 or 381 hours: cap c over the CCNL hourly rate,
/// floored): a firm (a partita IVA) whose profile carries the area, a prestatore in a comma-8
/// category, 32 to 60 prestazioni of 4 to 12 hours in whole quarter hours on distinct days
/// (about one in four on 1/1, 31/12 or a clock-change Sunday), each paid the agricultural floor
/// of its area (the compensi stay within cap c), ids 1 to n. A
/// [`Ledger::default()`](crate::Ledger) records them all, in any order; one minute more for the
/// pair is refused.
///
/// Legal basis: art. 54-bis c. 20 second sentence and former c. 16 D.L. 50/2017; INPS msg
/// 2887/2017 (HOURS-AGRI, CPO-AGRI-PAY, E10, readings R-AGRI-HOURS, R-CAP-INCLUSIVE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, Rules, agricultural_hour_limit, strategies};
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(8), |(year in strategies::pair_at_agricultural_hours())| {
///     let mut ledger = Ledger::default();
///     for p in &year {
///         prop_assert!(ledger.record(p).is_ok());
///     }
///     let last = &year[year.len() - 1];
///     let area = last.profile().agricultural_area;
///     prop_assert!(area.is_some());
///     let rules = Rules::in_force_on(last.day())?;
///     let limit = area.map(|a| agricultural_hour_limit(a, rules));
///     let totals = ledger.pair_totals(&last.prestatore(), &last.utilizzatore(), last.day().year());
///     prop_assert_eq!(limit.transpose()?, Some(totals.counted_minutes / 60));
///     // One minute more is a breach of the agricultural hour limit.
///     let mut draft = PrestazioneDraft::from(last.clone());
///     draft.id = PrestazioneId(1_000);
///     draft.minutes = 1;
///     if let Ok(minute) = Prestazione::try_from(draft) {
///         prop_assert!(ledger.assess(&minute)?.verdict.breaches_rule(RuleId::HoursAgri));
///     }
/// });
/// ```
pub fn pair_at_agricultural_hours() -> impl Strategy<Value = Vec<Prestazione>> {
    (
        codice_fiscale(),
        partita_iva(),
        agricultural_area(),
        REGIME_START.year()..=LAST_YEAR,
        32_usize..=60,
        proptest::collection::vec(pair_day(), 90),
        proptest::collection::vec(any::<Index>(), 32),
    )
        .prop_filter_map(
            "a pair's year at the agricultural hour limit",
            |(prestatore, firm, area, year, count, draws, picks)| {
                let parties = (prestatore, UtilizzatoreId::PartitaIva(firm));
                let mut days = days_of(year, &draws, REGIME_START);
                days.truncate(count);
                let rules = Rules::in_force_on(*days.first()?).ok()?;
                // Only a year of the agricultural rates (the limit is refused without them).
                let hours = agricultural_hour_limit(area, rules).ok()?;
                let profile = CapProfile::default().with_agricultural_area(area);
                // 4 to 12 hours a day (the floor is a 4-hour minimum).
                pair_at_minutes(hours, 16, &days, &picks, |id, day, minutes| {
                    Prestazione::try_from(PrestazioneDraft {
                        minutes,
                        compenso: cpo_minimum_compenso_agricultural(minutes, area, rules).ok()?,
                        special_category: true,
                        profile,
                        ..draft(
                            id,
                            Instrument::ContrattoPrestazioneOccasionale,
                            parties,
                            day,
                        )
                    })
                    .ok()
                })
            },
        )
}
