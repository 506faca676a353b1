//! Proptest strategies for the parties' values: utilizzatore ids, comma-8 categories and their
//! self-certifications, cap profiles and agricultural areas (feature `proptest`).

use proptest::prelude::*;
use time::Date;

use super::codice_fiscale::codice_fiscale;
use super::instruments::regime_day;
use super::values::partita_iva;
use crate::instruments::AgriculturalArea;
use crate::parties::{Categoria, SelfCertification, UtilizzatoreId};
use crate::prestazione::CapProfile;

/// Valid utilizzatore ids: about half personal codici fiscali ([`codice_fiscale`], omocodes
/// included), half partite IVA ([`partita_iva`]).
///
/// Legal basis: REG-DATA-UTILIZZATORE (codice fiscale / partita IVA).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{UtilizzatoreId, strategies};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..20 {
///     let id = strategies::utilizzatore_id().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
///     assert_eq!(id.to_string().parse::<UtilizzatoreId>()?, id);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn utilizzatore_id() -> impl Strategy<Value = UtilizzatoreId> {
    prop_oneof![
        codice_fiscale().prop_map(UtilizzatoreId::CodiceFiscale),
        partita_iva().prop_map(UtilizzatoreId::PartitaIva),
    ]
}

/// Any comma-8 category of prestatori.
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (CAP-75PCT, ELIG-SELFCERT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Categoria, strategies};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let categoria = strategies::categoria().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(!categoria.to_string().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn categoria() -> impl Strategy<Value = Categoria> {
    proptest::sample::select(vec![
        Categoria::PensionatoVecchiaia,
        Categoria::PensionatoInvalidita,
        Categoria::Studente,
        Categoria::Disoccupato,
        Categoria::PercettoreSostegnoReddito,
    ])
}

/// Valid self-certifications: any [`categoria`], starting on a day of the regime
/// ([`regime_day`]), about one in four still open (`until: None`), the others lasting from one
/// day to about ten years (never ending before they start).
///
/// Legal basis: art. 54-bis c. 8 D.L. 50/2017; c. 8-bis from 12/8/2018 to its repeal on 1/1/2023
/// (ELIG-SELFCERT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::strategies;
/// use proptest::prelude::*;
///
/// proptest!(|(c in strategies::self_certification())| {
///     prop_assert!(c.until().is_none_or(|until| until >= c.from()));
/// });
/// ```
pub fn self_certification() -> impl Strategy<Value = SelfCertification> {
    (
        categoria(),
        regime_day(),
        prop_oneof![1 => Just(None), 3 => (0_i32..=3_650).prop_map(Some)],
    )
        .prop_filter_map(
            "always valid: until is on or after from",
            |(categoria, from, length)| {
                let until = match length {
                    None => None,
                    Some(days) => Some(
                        from.to_julian_day()
                            .checked_add(days)
                            .and_then(|day| Date::from_julian_day(day).ok())?,
                    ),
                };
                SelfCertification::new(categoria, from, until).ok()
            },
        )
}

/// Any area of the CCNL operai agricoli.
///
/// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017
/// (CPO-AGRI-PAY).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgriculturalArea, strategies};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let area = strategies::agricultural_area().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(matches!(area, AgriculturalArea::Area1 | AgriculturalArea::Area2 | AgriculturalArea::Area3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn agricultural_area() -> impl Strategy<Value = AgriculturalArea> {
    proptest::sample::select(AgriculturalArea::ALL.to_vec())
}

/// Any [`CapProfile`]: each of events sector and pubblica amministrazione about one in four,
/// an [`agricultural_area`] about one in four, in every combination (the profile alone does not
/// say which combinations are admissible; [`prestazione`](super::prestazione) draws only
/// realistic ones).
///
/// Legal basis: art. 54-bis c. 1 lett. b (events sector), c. 7 (PA), c. 20 second sentence
/// (agricultural hour limit) D.L. 50/2017 (CAP-UTILIZZATORE-EVENTS, CPO-PA, HOURS-AGRI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, strategies};
/// use proptest::prelude::*;
///
/// proptest!(|(profile in strategies::cap_profile())| {
///     let rebuilt = CapProfile::default()
///         .with_events_sector(profile.events_sector)
///         .with_pubblica_amministrazione(profile.pubblica_amministrazione);
///     let rebuilt = match profile.agricultural_area {
///         Some(area) => rebuilt.with_agricultural_area(area),
///         None => rebuilt,
///     };
///     prop_assert_eq!(rebuilt, profile);
/// });
/// ```
pub fn cap_profile() -> impl Strategy<Value = CapProfile> {
    (
        proptest::bool::weighted(0.25),
        proptest::bool::weighted(0.25),
        prop_oneof![3 => Just(None), 1 => agricultural_area().prop_map(Some)],
    )
        .prop_map(|(events, pa, area)| profile_of(events, pa, area))
}

/// The profile with these flags (through the `with_*` builders, as a caller outside the crate
/// would).
pub(super) fn profile_of(events: bool, pa: bool, area: Option<AgriculturalArea>) -> CapProfile {
    let profile = CapProfile::default()
        .with_events_sector(events)
        .with_pubblica_amministrazione(pa);
    match area {
        Some(area) => profile.with_agricultural_area(area),
        None => profile,
    }
}
