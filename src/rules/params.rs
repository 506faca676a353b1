//! The value types of the rules table (plain data: public fields, checked when a table is built).

use std::fmt;

use rust_decimal::Decimal;
use time::UtcOffset;

use crate::format::offset as offset_text;
use crate::money::Euro;

/// The Libretto Famiglia titolo: nominal value, its split, and the longest prestazione one titolo
/// pays for.
///
/// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017; INPS circ. 107/2017 (LF-TITOLO, E1).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules};
/// use time::macros::date;
///
/// let titolo = &Rules::in_force_on(date!(2026 - 03 - 07))?.lf_titolo.value;
/// assert_eq!(titolo.value, Euro::from_euros(10));
/// assert_eq!(titolo.compenso, Euro::from_euros(8));
/// assert_eq!(titolo.max_minutes, 60);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TitoloSplit {
    /// Nominal value paid by the utilizzatore (10,00).
    pub value: Euro,
    /// Compenso netto to the prestatore (8,00).
    pub compenso: Euro,
    /// Contributi IVS to the Gestione Separata (1,65).
    pub ivs: Euro,
    /// Premio INAIL (0,25).
    pub inail: Euro,
    /// Oneri di gestione (0,10).
    pub oneri: Euro,
    /// The longest prestazione one titolo pays for, in minutes (60).
    pub max_minutes: u32,
}

impl TitoloSplit {
    /// The whole titoli a prestazione of `minutes` needs: each pays for at most `max_minutes`
    /// and titoli are indivisible, so `minutes / max_minutes` rounded up (LF-TITOLO).
    pub(crate) fn titoli_needed(&self, minutes: u32) -> u32 {
        // `max_minutes` is positive (checked when the table is built); `max(1)` keeps this total.
        minutes.div_ceil(self.max_minutes.max(1))
    }
}

/// The CPO daily minimum compenso: `amount` for a prestazione of up to `max_continuous_hours`
/// continuous hours within the day.
///
/// Legal basis: art. 54-bis c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules};
/// use time::macros::date;
/// let daily = &Rules::in_force_on(date!(2026 - 03 - 07))?.cpo_min_daily.value;
/// assert_eq!((daily.amount, daily.max_continuous_hours), (Euro::from_euros(36), 4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DailyMinimum {
    /// The minimum compenso for the day.
    pub amount: Euro,
    /// Up to how many continuous hours the daily minimum covers.
    pub max_continuous_hours: u32,
}

/// The base on which the 1% oneri di gestione of the CPO are computed (reading R-ONERI-BASE).
///
/// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 ("1% degli importi versati"); reading
/// R-ONERI-BASE.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{OneriBase, Rules};
/// use time::macros::date;
/// let base = Rules::in_force_on(date!(2026 - 03 - 07))?.cpo_oneri_base.value;
/// assert_eq!(base, OneriBase::AmountPaidIn);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum OneriBase {
    /// 1% of the whole amount the utilizzatore pays in: a gross-up,
    /// `oneri = (compenso + IVS + INAIL) × rate / (1 − rate)`. One hour at 9,00 costs 12,41.
    /// The crate's default (reading R-ONERI-BASE, the Il Sole 24 Ore figure of 8/8/2017).
    AmountPaidIn,
    /// 1% of compenso + IVS + INAIL (also 12,41 for one hour; 49,63 for 36,00).
    Subtotal,
    /// 1% of the compenso only (12,37 for one hour).
    Compenso,
}

/// The hotel and strutture ricettive regime of 12/8/2018-31/12/2022: a higher headcount limit,
/// but only with comma-8 prestatori.
///
/// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017 as amended by D.L. 87/2018 art. 2-bis
/// (PROHIB-SIZE).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Rules;
/// use time::macros::date;
/// let hotels = Rules::in_force_on(date!(2019 - 07 - 01))?.headcount_limit_hotels.value.clone();
/// assert_eq!(hotels.map(|h| h.headcount_limit), Some(8));
/// assert!(Rules::in_force_on(date!(2023 - 07 - 01))?.headcount_limit_hotels.value.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HotelRegime {
    /// CPO is barred above this many permanent employees.
    pub headcount_limit: u32,
    /// Only prestatori in a comma-8 category may be engaged.
    pub requires_special_category: bool,
}

/// Whether an agricultural firm may use the CPO.
///
/// Legal basis: art. 54-bis c. 14 lett. b D.L. 50/2017; from 1/1/2023 as amended by
/// L. 197/2022 art. 1 c. 342 (PROHIB-AGRI).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{AgricultureRule, Rules};
/// use time::macros::date;
/// assert_eq!(Rules::in_force_on(date!(2022 - 12 - 31))?.agriculture.value, AgricultureRule::AllowedWithConditions);
/// assert_eq!(Rules::in_force_on(date!(2023 - 01 - 01))?.agriculture.value, AgricultureRule::Banned);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum AgricultureRule {
    /// Allowed only with comma-8 prestatori who were not in the elenchi anagrafici dei lavoratori
    /// agricoli the previous year (2017-2022).
    AllowedWithConditions,
    /// Banned for every impresa del settore agricolo (from 2023).
    Banned,
}

/// The historical hourly pay of an agricultural CPO: the CCNL operai agricoli rate of each area.
///
/// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017, which corrects the
/// rates of circ. 107/2017 and prevails (CPO-AGRI-PAY, reading R-AGRI-RATES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules};
/// use time::macros::date;
/// let rates = Rules::in_force_on(date!(2019 - 07 - 01))?.agriculture_hourly_rates.value.clone();
/// assert_eq!(rates.map(|r| r.area3), Some(Euro::from_cents(656)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AgriculturalRates {
    /// Area 1 hourly rate (9,65).
    pub area1: Euro,
    /// Area 2 hourly rate (8,80).
    pub area2: Euro,
    /// Area 3 hourly rate (6,56).
    pub area3: Euro,
}

/// Who used a multi-day CPO communication window.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, WindowSector};
/// use time::macros::date;
/// let window = Rules::in_force_on(date!(2019 - 07 - 01))?.cpo_window.value.clone();
/// assert!(window.is_some_and(|w| w.sectors.contains(&WindowSector::Hotels)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum WindowSector {
    /// Imprenditori agricoli.
    Agriculture,
    /// Aziende alberghiere and strutture ricettive operating in tourism.
    Hotels,
    /// Enti locali.
    EntiLocali,
}

/// A multi-day CPO communication window: the utilizzatore declares a start date and the total
/// hours for up to `days` days.
///
/// Legal basis: INPS msg 3662/2017 (3 days, agriculture); art. 54-bis c. 17 lett. d D.L. 50/2017 as
/// amended by D.L. 87/2018 art. 2-bis (10 days); none from 1/1/2023 (CPO-WINDOW, reading R-NO-WINDOW-2023).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Rules;
/// use time::macros::date;
/// assert_eq!(Rules::in_force_on(date!(2018 - 01 - 10))?.cpo_window.value.as_ref().map(|w| w.days), Some(3));
/// assert_eq!(Rules::in_force_on(date!(2019 - 01 - 10))?.cpo_window.value.as_ref().map(|w| w.days), Some(10));
/// assert!(Rules::in_force_on(date!(2023 - 01 - 10))?.cpo_window.value.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CommunicationWindow {
    /// Length of the window in days.
    pub days: u32,
    /// Who may use it.
    pub sectors: Vec<WindowSector>,
}

/// How the administrative fine of comma 20 is counted (reading R-FINE-PER-DAY);
/// [`fine_units`](crate::fine_units) counts the units of a violation under either.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{FineUnit, Rules};
/// use time::macros::date;
/// assert_eq!(Rules::in_force_on(date!(2026 - 03 - 07))?.fine.value.unit, FineUnit::PerDay);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum FineUnit {
    /// One fine per working day on which the violation is found, whatever the number of workers
    /// (INL nota 7427/2017 as reported; the crate's default, reading R-FINE-PER-DAY).
    PerDay,
    /// One fine per worker per day.
    PerWorkerDay,
}

/// The administrative fine of comma 20 and its reduced payment.
///
/// Legal basis: art. 54-bis c. 20 D.L. 50/2017; art. 16 L. 689/1981 for the reduced payment
/// (SANCT-ADMIN, E9, reading R-FINE-PER-DAY).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Rules};
/// use time::macros::date;
/// let fine = &Rules::in_force_on(date!(2026 - 03 - 07))?.fine.value;
/// assert_eq!((fine.min, fine.max, fine.reduced), (Euro::from_euros(500), Euro::from_euros(2_500), Euro::from_cents(83_333)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FineRule {
    /// Minimum per unit (500,00).
    pub min: Euro,
    /// Maximum per unit (2.500,00).
    pub max: Euro,
    /// Pagamento in misura ridotta per unit: min(2 × min, max / 3) = 833,33.
    pub reduced: Euro,
    /// The counting unit.
    pub unit: FineUnit,
}

/// A channel through which an utilizzatore funds its Libretto Famiglia or CPO account.
///
/// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS msg 4380 of 6/12/2023 (LF-FUNDING,
/// CPO-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{FundingChannel, Rules};
/// use time::macros::date;
/// let channels = &Rules::in_force_on(date!(2026 - 03 - 07))?.funding_channels.value;
/// assert!(channels.contains(FundingChannel::PagoPa));
/// assert!(!Rules::in_force_on(date!(2020 - 03 - 07))?.funding_channels.value.contains(FundingChannel::PagoPa));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum FundingChannel {
    /// F24 ELIDE (the F24 with identification elements), at banks or post offices; from INPS msg
    /// 4380/2023 with causale `LIFA` (Libretto Famiglia) or `CLOC` (CPO), see
    /// [`FundingChannels::f24_causali`].
    F24Elide,
    /// Electronic payment on the INPS platform (from INPS msg 3177 of 31/7/2017 until INPS msg
    /// 4380 of 6/12/2023).
    PlatformElectronic,
    /// The Portale dei Pagamenti pagoPA (from INPS msg 4380/2023).
    PagoPa,
}

/// The funding channels in force in one period, with what that period's source says about the
/// F24 causali.
///
/// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS msg 3177/2017; INPS msg 4380 of 6/12/2023
/// (LF-FUNDING, CPO-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{FundingChannel, Rules};
/// use time::macros::date;
/// let now = &Rules::in_force_on(date!(2026 - 03 - 07))?.funding_channels.value;
/// assert!(now.contains(FundingChannel::PagoPa) && now.f24_causali);
/// let then = &Rules::in_force_on(date!(2020 - 03 - 07))?.funding_channels.value;
/// assert!(!then.contains(FundingChannel::PagoPa) && !then.f24_causali);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FundingChannels {
    /// The channels, in the order the source lists them.
    pub channels: Vec<FundingChannel>,
    /// Whether the period's source names the F24 causali `LIFA` (Libretto Famiglia) and `CLOC`
    /// (CPO): INPS msg 4380/2023 does; the 2017 sources do not. Only the description
    /// depends on it.
    pub f24_causali: bool,
}

impl FundingChannels {
    /// Whether `channel` is one of the channels.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{FundingChannel, FundingChannels};
    /// let f24 = FundingChannels { channels: vec![FundingChannel::F24Elide], f24_causali: false };
    /// assert!(f24.contains(FundingChannel::F24Elide));
    /// assert!(!f24.contains(FundingChannel::PagoPa));
    /// ```
    #[must_use]
    pub fn contains(&self, channel: FundingChannel) -> bool {
        self.channels.contains(&channel)
    }
}

/// A category of intermediary that may act on the INPS platform under a delega.
///
/// Legal basis: L. 12/1979 art. 1 (consulenti del lavoro, avvocati, dottori commercialisti ed
/// esperti contabili, and the service centres of their associations and of employers'
/// associations); L. 152/2001 (patronati); INPS msg 3177 of 31/7/2017; INPS msg 3932 of
/// 24/12/2025 (REG-INTERMEDIARI, reading R-INTERMEDIARIES-2017).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::IntermediarioKind;
/// assert_eq!(IntermediarioKind::Patronato.to_string(), "patronato (L. 152/2001)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum IntermediarioKind {
    /// Consulente del lavoro (L. 12/1979).
    ConsulenteDelLavoro,
    /// Dottore commercialista or esperto contabile (L. 12/1979).
    DottoreCommercialista,
    /// Avvocato (L. 12/1979).
    Avvocato,
    /// Patronato (L. 152/2001).
    Patronato,
    /// Service centre of an employers' association (L. 12/1979 art. 1 c. 4).
    CentroServizi,
}

impl fmt::Display for IntermediarioKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IntermediarioKind::ConsulenteDelLavoro => "consulente del lavoro (L. 12/1979)",
            IntermediarioKind::DottoreCommercialista => {
                "dottore commercialista or esperto contabile (L. 12/1979)"
            }
            IntermediarioKind::Avvocato => "avvocato (L. 12/1979)",
            IntermediarioKind::Patronato => "patronato (L. 152/2001)",
            IntermediarioKind::CentroServizi => {
                "service centre of an employers' association (L. 12/1979)"
            }
        })
    }
}

/// Who may delegate an intermediary: a prestatore, a Libretto Famiglia utilizzatore or a CPO
/// utilizzatore.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI,
/// reading R-INTERMEDIARIES-2017).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::DeleganteKind;
/// assert_eq!(DeleganteKind::UtilizzatoreLf.to_string(), "Libretto Famiglia utilizzatore");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum DeleganteKind {
    /// A prestatore.
    Prestatore,
    /// An utilizzatore of the Libretto Famiglia.
    UtilizzatoreLf,
    /// An utilizzatore of the Contratto di Prestazione Occasionale.
    UtilizzatoreCpo,
}

impl fmt::Display for DeleganteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DeleganteKind::Prestatore => "prestatore",
            DeleganteKind::UtilizzatoreLf => "Libretto Famiglia utilizzatore",
            DeleganteKind::UtilizzatoreCpo => "CPO utilizzatore",
        })
    }
}

/// One pair of the dated intermediary table: this kind of intermediary may act, under a delega,
/// for this kind of delegante.
///
/// Legal basis: INPS msg 3177 of 31/7/2017; INPS msg 3932 of 24/12/2025 (REG-INTERMEDIARI,
/// reading R-INTERMEDIARIES-2017).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{DeleganteKind, IntermediarioKind, IntermediaryScope, Rules};
/// use time::macros::date;
///
/// let patronato_for_prestatore = IntermediaryScope {
///     intermediario: IntermediarioKind::Patronato,
///     delegante: DeleganteKind::Prestatore,
/// };
/// assert!(Rules::in_force_on(date!(2020 - 01 - 10))?.intermediary_scopes.value.contains(&patronato_for_prestatore));
/// // A patronato never acts for a CPO utilizzatore.
/// let patronato_for_firm = IntermediaryScope {
///     intermediario: IntermediarioKind::Patronato,
///     delegante: DeleganteKind::UtilizzatoreCpo,
/// };
/// assert!(!Rules::in_force_on(date!(2026 - 03 - 07))?.intermediary_scopes.value.contains(&patronato_for_firm));
/// // Before msg 3177 of 31/7/2017 no intermediary could act.
/// assert!(Rules::in_force_on(date!(2017 - 07 - 01))?.intermediary_scopes.value.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct IntermediaryScope {
    /// The kind of intermediary.
    pub intermediario: IntermediarioKind,
    /// The kind of delegante it may act for.
    pub delegante: DeleganteKind,
}

/// A digital credential accepted to access the INPS platform.
///
/// Legal basis: REG-AUTH (INPS PIN until 30/9/2021; SPID, CIE, CNS, eIDAS; INPS msg
/// 4360/2024; INPS msg 3932 of 24/12/2025; reading R-CREDENTIALS-2021).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Credential, Rules};
/// use time::macros::date;
/// assert!(Rules::in_force_on(date!(2019 - 01 - 10))?.access_credentials.value.contains(&Credential::InpsPin));
/// assert!(!Rules::in_force_on(date!(2021 - 10 - 01))?.access_credentials.value.contains(&Credential::InpsPin));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Credential {
    /// The INPS PIN (retired on 1/10/2021).
    InpsPin,
    /// SPID, the Sistema Pubblico di Identita Digitale (at the level of
    /// [`Rules::spid_min_level`](crate::Rules::spid_min_level) or higher).
    Spid,
    /// CIE, the Carta d'Identita Elettronica.
    Cie,
    /// CNS, the Carta Nazionale dei Servizi.
    Cns,
    /// eIDAS, a notified electronic identity of another EU member state.
    Eidas,
}

impl fmt::Display for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Credential::InpsPin => "INPS PIN",
            Credential::Spid => "SPID",
            Credential::Cie => "CIE",
            Credential::Cns => "CNS",
            Credential::Eidas => "eIDAS",
        })
    }
}

/// How Italian civil time follows UTC: the clock rule in force (reading R-CIVIL-TIME). Every
/// calendar rule of the regime (the day of a prestazione, midnight, 23:59:59 of a deadline, the
/// month of payment) is Italian civil time; [`ItalianClock`](crate::ItalianClock) converts
/// instants with it.
///
/// A change of the clock rule (e.g. an end of the seasonal change) is a new dated row, like any
/// change of law. A table refuses a rule whose changes could fall near midnight (see the
/// variants), so local midnight and 23:59:59 always exist exactly once.
///
/// Legal basis: Directive 2000/84/EC arts. 1-4 (summer time from 01:00 UTC of the last Sunday of
/// March to 01:00 UTC of the last Sunday of October, the rule applied in Italy since 1996);
/// standard time UTC+1 (CET), summer time UTC+2 (CEST); reading R-CIVIL-TIME.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{ClockRule, Rules};
/// use time::macros::{date, datetime, offset};
///
/// let clock = Rules::in_force_on(date!(2026 - 07 - 31))?.civil_time.value;
/// assert_eq!(clock, ClockRule::EuSummerTime { standard: offset!(+1), summer: offset!(+2) });
/// assert_eq!(clock.offset_at(datetime!(2026-07-31 22:30 UTC)), offset!(+2));
/// assert_eq!(clock.offset_at(datetime!(2026-01-31 22:30 UTC)), offset!(+1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum ClockRule {
    /// `standard` all year except from 01:00 UTC of the last Sunday of March (inclusive) to
    /// 01:00 UTC of the last Sunday of October (exclusive), when it is `summer` (Directive
    /// 2000/84/EC). A table accepts it when `standard` is at least +00:00 and `summer` is above
    /// it and at most +12:00: the changes then fall between 01:00 and 13:00 local time.
    EuSummerTime {
        /// Standard time (+01:00, CET).
        standard: UtcOffset,
        /// Summer time (+02:00, CEST).
        summer: UtcOffset,
    },
    /// One offset all year.
    Fixed {
        /// The offset.
        offset: UtcOffset,
    },
}

/// The descriptions and checks the rules table applies to its values.
pub(crate) trait RuleValue {
    /// A short human-readable rendering of the value.
    fn describe(&self) -> String;

    /// How many items the value holds (a list counts each of its items), to bound what a
    /// rules table may hold: every version of the table holds a copy.
    fn items(&self) -> usize {
        1
    }
}

impl RuleValue for Euro {
    fn describe(&self) -> String {
        self.to_italian()
    }
}
impl RuleValue for u32 {
    fn describe(&self) -> String {
        self.to_string()
    }
}
impl RuleValue for u8 {
    fn describe(&self) -> String {
        self.to_string()
    }
}
impl RuleValue for bool {
    fn describe(&self) -> String {
        if *self { "yes" } else { "no" }.to_owned()
    }
}
impl RuleValue for Decimal {
    fn describe(&self) -> String {
        match self.checked_mul(Decimal::ONE_HUNDRED) {
            // Italian decimal comma, as every amount the crate prints: "3,5%".
            Some(percent) => format!("{}%", crate::format::italian_decimal(percent)),
            None => self.to_string(),
        }
    }
}
impl<T: RuleValue> RuleValue for Option<T> {
    fn describe(&self) -> String {
        match self {
            Some(value) => value.describe(),
            None => "not in force".to_owned(),
        }
    }
    fn items(&self) -> usize {
        self.as_ref().map_or(0, RuleValue::items)
    }
}
impl<T: RuleValue> RuleValue for Vec<T> {
    fn describe(&self) -> String {
        if self.is_empty() {
            return "none".to_owned();
        }
        let parts: Vec<String> = self.iter().map(RuleValue::describe).collect();
        parts.join(", ")
    }
    fn items(&self) -> usize {
        self.iter()
            .map(RuleValue::items)
            .fold(0, usize::saturating_add)
    }
}
impl RuleValue for TitoloSplit {
    fn describe(&self) -> String {
        format!(
            "{} = {} compenso + {} IVS + {} INAIL + {} oneri, up to {} minutes",
            self.value.to_italian(),
            self.compenso.to_italian(),
            self.ivs.to_italian(),
            self.inail.to_italian(),
            self.oneri.to_italian(),
            self.max_minutes
        )
    }
}
impl RuleValue for DailyMinimum {
    fn describe(&self) -> String {
        format!(
            "{} for up to {} continuous hours",
            self.amount.to_italian(),
            self.max_continuous_hours
        )
    }
}
impl RuleValue for OneriBase {
    fn describe(&self) -> String {
        match self {
            OneriBase::AmountPaidIn => "1% of the amount paid in (gross-up)",
            OneriBase::Subtotal => "1% of compenso + IVS + INAIL",
            OneriBase::Compenso => "1% of the compenso",
        }
        .to_owned()
    }
}
impl RuleValue for HotelRegime {
    fn describe(&self) -> String {
        format!(
            "more than {} permanent employees{}",
            self.headcount_limit,
            if self.requires_special_category {
                ", comma-8 prestatori only"
            } else {
                ""
            }
        )
    }
}
impl RuleValue for AgricultureRule {
    fn describe(&self) -> String {
        match self {
            AgricultureRule::AllowedWithConditions => {
                "allowed only with comma-8 prestatori not in the agricultural lists"
            }
            AgricultureRule::Banned => "banned",
        }
        .to_owned()
    }
}
impl RuleValue for AgriculturalRates {
    fn describe(&self) -> String {
        format!(
            "area 1 {}, area 2 {}, area 3 {} per hour",
            self.area1.to_italian(),
            self.area2.to_italian(),
            self.area3.to_italian()
        )
    }
}
impl RuleValue for WindowSector {
    fn describe(&self) -> String {
        match self {
            WindowSector::Agriculture => "agriculture",
            WindowSector::Hotels => "hotels",
            WindowSector::EntiLocali => "enti locali",
        }
        .to_owned()
    }
}
impl RuleValue for CommunicationWindow {
    fn describe(&self) -> String {
        format!("{} days for {}", self.days, self.sectors.describe())
    }
    fn items(&self) -> usize {
        self.sectors.items().saturating_add(1)
    }
}
impl RuleValue for FineRule {
    fn describe(&self) -> String {
        format!(
            "{} to {} {}, reduced payment {}",
            self.min.to_italian(),
            self.max.to_italian(),
            match self.unit {
                FineUnit::PerDay => "per day of violation",
                FineUnit::PerWorkerDay => "per worker per day",
            },
            self.reduced.to_italian()
        )
    }
}
impl RuleValue for FundingChannel {
    fn describe(&self) -> String {
        match self {
            FundingChannel::F24Elide => "F24 ELIDE",
            FundingChannel::PlatformElectronic => "electronic payment on the INPS platform",
            FundingChannel::PagoPa => "pagoPA",
        }
        .to_owned()
    }
}

impl RuleValue for FundingChannels {
    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .channels
            .iter()
            .map(|channel| match channel {
                FundingChannel::F24Elide if self.f24_causali => {
                    "F24 ELIDE (causale LIFA for the LF, CLOC for the CPO)".to_owned()
                }
                other => other.describe(),
            })
            .collect();
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(", ")
        }
    }
    fn items(&self) -> usize {
        self.channels.items().saturating_add(1)
    }
}

impl RuleValue for IntermediaryScope {
    fn describe(&self) -> String {
        format!("{} for a {}", self.intermediario, self.delegante)
    }
}
impl RuleValue for Credential {
    fn describe(&self) -> String {
        self.to_string()
    }
}

impl RuleValue for ClockRule {
    fn describe(&self) -> String {
        match self {
            ClockRule::EuSummerTime { standard, summer } => format!(
                "UTC{}, UTC{} from 01:00 UTC of the last Sunday of March to 01:00 UTC of the last Sunday of October",
                offset_text(*standard),
                offset_text(*summer)
            ),
            ClockRule::Fixed { offset } => format!("UTC{} all year", offset_text(*offset)),
        }
    }
}

impl RuleValue for crate::ateco::Sector {
    fn describe(&self) -> String {
        self.words().to_owned()
    }
}

/// The levels of assurance SPID has: 1, 2 and 3.
pub(crate) const SPID_LEVELS: std::ops::RangeInclusive<u8> = 1..=3;

/// Checks applied to each value when a table is built; each returns the problem in words.
///
/// They all share the signature `fn(&T) -> Result<(), String>` that the table macro calls, hence
/// the allowed lints.
#[allow(
    clippy::unnecessary_wraps,
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    clippy::ptr_arg
)]
pub(crate) mod check {
    use rust_decimal::Decimal;

    use time::UtcOffset;

    use super::{
        ClockRule, CommunicationWindow, DailyMinimum, FineRule, FundingChannels, SPID_LEVELS,
        TitoloSplit,
    };
    use crate::money::Euro;

    /// The days of a leap year: the bound of the counts of days, hours and minutes.
    const LEAP_YEAR_DAYS: u32 = 366;

    pub(crate) fn any<T>(_: &T) -> Result<(), String> {
        Ok(())
    }

    pub(crate) fn positive_euro(value: &Euro) -> Result<(), String> {
        if value.is_zero() {
            Err("must be greater than zero".to_owned())
        } else {
            Ok(())
        }
    }

    pub(crate) fn optional_positive_euro(value: &Option<Euro>) -> Result<(), String> {
        value.as_ref().map_or(Ok(()), positive_euro)
    }

    pub(crate) fn positive_u32(value: &u32) -> Result<(), String> {
        if *value == 0 {
            Err("must be greater than zero".to_owned())
        } else {
            Ok(())
        }
    }

    pub(crate) fn optional_positive_u32(value: &Option<u32>) -> Result<(), String> {
        value.as_ref().map_or(Ok(()), positive_u32)
    }

    /// A positive count of at most `max` `unit`s: the bounds keep every date and duration the
    /// crate derives from a parameter within range, so that a table the checks accept never
    /// makes an operation overflow.
    fn positive_at_most(value: u32, max: u32, unit: &str) -> Result<(), String> {
        if value == 0 {
            Err("must be greater than zero".to_owned())
        } else if value > max {
            Err(format!("{value} {unit} is more than {max}"))
        } else {
            Ok(())
        }
    }

    /// Hours, at most those of a leap year (8.784).
    pub(crate) fn hours_in_a_year(value: &u32) -> Result<(), String> {
        positive_at_most(*value, LEAP_YEAR_DAYS * 24, "hours")
    }

    /// Minutes, at most those of a leap year (527.040).
    pub(crate) fn minutes_in_a_year(value: &u32) -> Result<(), String> {
        positive_at_most(*value, LEAP_YEAR_DAYS * 24 * 60, "minutes")
    }

    /// Days, at most a leap year's 366.
    pub(crate) fn days_in_a_year(value: &u32) -> Result<(), String> {
        positive_at_most(*value, LEAP_YEAR_DAYS, "days")
    }

    /// [`days_in_a_year`] when set.
    pub(crate) fn optional_days_in_a_year(value: &Option<u32>) -> Result<(), String> {
        value.as_ref().map_or(Ok(()), days_in_a_year)
    }

    /// Months, at most 1.200 (a century).
    pub(crate) fn months_in_a_century(value: &u32) -> Result<(), String> {
        positive_at_most(*value, 1_200, "months")
    }

    /// Years, at most 100.
    pub(crate) fn years_in_a_century(value: &u32) -> Result<(), String> {
        positive_at_most(*value, 100, "years")
    }

    /// An age in years, at most 150.
    pub(crate) fn age(value: &u32) -> Result<(), String> {
        positive_at_most(*value, 150, "years of age")
    }

    /// A SPID level: 1, 2 or 3 (SPID has three levels of assurance).
    pub(crate) fn spid_level(value: &u32) -> Result<(), String> {
        if u8::try_from(*value).is_ok_and(|level| SPID_LEVELS.contains(&level)) {
            Ok(())
        } else {
            Err(format!("level {value} is not a SPID level (1 to 3)"))
        }
    }

    pub(crate) fn day_of_month(value: &u8) -> Result<(), String> {
        if (1..=28).contains(value) {
            Ok(())
        } else {
            Err(format!(
                "day {value} is not a day every month has (1 to 28)"
            ))
        }
    }

    pub(crate) fn funding_channels(value: &FundingChannels) -> Result<(), String> {
        non_empty(&value.channels)
    }

    pub(crate) fn rate(value: &Decimal) -> Result<(), String> {
        if value.is_sign_negative() || *value >= Decimal::ONE {
            Err(format!("rate {value} is not between 0 and 1"))
        } else {
            Ok(())
        }
    }

    pub(crate) fn weight(value: &Decimal) -> Result<(), String> {
        if *value <= Decimal::ZERO || *value > Decimal::ONE {
            Err(format!("weight {value} is not above 0 and at most 1"))
        } else {
            Ok(())
        }
    }

    pub(crate) fn titolo(value: &TitoloSplit) -> Result<(), String> {
        let parts = Euro::checked_sum([value.compenso, value.ivs, value.inail, value.oneri]);
        if parts != Some(value.value) {
            return Err(format!(
                "split {} + {} + {} + {} does not sum to the titolo value {}",
                value.compenso.to_italian(),
                value.ivs.to_italian(),
                value.inail.to_italian(),
                value.oneri.to_italian(),
                value.value.to_italian()
            ));
        }
        positive_euro(&value.compenso)?;
        positive_at_most(value.max_minutes, 24 * 60, "minutes")
    }

    pub(crate) fn daily_minimum(value: &DailyMinimum) -> Result<(), String> {
        positive_euro(&value.amount)?;
        positive_at_most(value.max_continuous_hours, 24, "hours")
    }

    pub(crate) fn window(value: &Option<CommunicationWindow>) -> Result<(), String> {
        match value {
            Some(w) if w.days == 0 => Err("window of 0 days".to_owned()),
            Some(w) if w.days > LEAP_YEAR_DAYS => Err(format!(
                "window of {} days is more than {LEAP_YEAR_DAYS}",
                w.days
            )),
            Some(w) if w.sectors.is_empty() => Err("window without sectors".to_owned()),
            _ => Ok(()),
        }
    }

    pub(crate) fn fine(value: &FineRule) -> Result<(), String> {
        positive_euro(&value.min)?;
        if value.min > value.max {
            return Err(format!(
                "minimum {} is above maximum {}",
                value.min.to_italian(),
                value.max.to_italian()
            ));
        }
        if value.reduced > value.max {
            return Err(format!(
                "reduced payment {} is above maximum {}",
                value.reduced.to_italian(),
                value.max.to_italian()
            ));
        }
        Ok(())
    }

    /// Summer time must change the clocks between 01:00 and 13:00 local time, never near
    /// midnight (reading R-CIVIL-TIME).
    pub(crate) fn clock(value: &ClockRule) -> Result<(), String> {
        match value {
            ClockRule::EuSummerTime { standard, summer } => {
                let noon = UtcOffset::from_whole_seconds(12 * 3600).unwrap_or(UtcOffset::UTC);
                if standard.is_negative() || summer <= standard || *summer > noon {
                    Err(format!(
                        "summer time {} and standard time {} must satisfy +00:00 <= standard < summer <= +12:00, so that the clocks never change near midnight",
                        super::offset_text(*summer),
                        super::offset_text(*standard)
                    ))
                } else {
                    Ok(())
                }
            }
            ClockRule::Fixed { .. } => Ok(()),
        }
    }

    pub(crate) fn non_empty<T>(value: &Vec<T>) -> Result<(), String> {
        if value.is_empty() {
            Err("list is empty".to_owned())
        } else {
            Ok(())
        }
    }
}
