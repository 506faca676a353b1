//! The dated, cited table of every legal parameter of art. 54-bis D.L. 50/2017.
//!
//! Each parameter is a series of [`Dated`] rows: the value in force from a day until the day
//! before the next row. A change of law is a new row, never a date test in logic. A
//! [`RulesTable`] holds every series and, once validated, the list of versions; [`Rules`] is one
//! version: every parameter in force on a day, each with its [`Citation`].

mod citation;
mod embedded;
mod params;

use std::fmt;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;
use time::Date;

pub use citation::{Citation, Cited, Dated};
pub(crate) use params::SPID_LEVELS;
pub use params::{
    AgriculturalRates, AgricultureRule, ClockRule, CommunicationWindow, Credential, DailyMinimum,
    DeleganteKind, FineRule, FineUnit, FundingChannel, FundingChannels, HotelRegime,
    IntermediarioKind, IntermediaryScope, OneriBase, TitoloSplit, WindowSector,
};
use params::{RuleValue, check};

use crate::ateco::Sector;
use crate::money::Euro;

/// The first day of the regime: art. 54-bis was inserted into D.L. 50/2017 by the conversion law
/// L. 21/6/2017 n. 96, in force 24/6/2017 .
///
/// Legal basis: L. 21/6/2017 n. 96 (conversion of D.L. 50/2017, inserting art. 54-bis).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{REGIME_START, Rules};
/// use time::macros::date;
///
/// assert_eq!(REGIME_START, date!(2017 - 06 - 24));
/// assert!(Rules::in_force_on(REGIME_START).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const REGIME_START: Date = time::macros::date!(2017 - 06 - 24);

/// Why a rules table is invalid, or why no rules apply on a day.
///
/// Legal basis: art. 54-bis D.L. 50/2017 is in force from 24/6/2017 (L. 21/6/2017 n. 96).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Rules, RulesError};
/// use time::macros::date;
///
/// assert!(Rules::in_force_on(date!(2017 - 06 - 24)).is_ok());
/// let err = Rules::in_force_on(date!(2017 - 06 - 23)).unwrap_err();
/// assert!(matches!(err, RulesError::BeforeRegime { .. }));
/// assert_eq!(
///     err.to_string(),
///     "no rules on 2017-06-23: the regime of art. 54-bis D.L. 50/2017 starts on 2017-06-24 (the earlier voucher regime is out of scope)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RulesError {
    /// The day is before the first day of the table (for the embedded table, before 24/6/2017,
    /// when art. 54-bis did not exist yet: the voucher era is out of scope).
    #[error(
        "no rules on {date}: the regime of art. 54-bis D.L. 50/2017 starts on {start} (the earlier voucher regime is out of scope)"
    )]
    BeforeRegime {
        /// The day asked for.
        date: Date,
        /// The first day of the table.
        start: Date,
    },
    /// A series has no rows.
    #[error("rules table: series {series} has no rows")]
    EmptySeries {
        /// The parameter's name.
        series: &'static str,
    },
    /// A series does not start on the table's first day.
    #[error("rules table: series {series} starts on {from}, not on the table start {start}")]
    SeriesStart {
        /// The parameter's name.
        series: &'static str,
        /// Its first row's day.
        from: Date,
        /// The first day of the other series.
        start: Date,
    },
    /// Two rows of a series are out of order or start on the same day (overlapping periods).
    #[error(
        "rules table: series {series} has a row from {from} after a row from {previous}: rows must start on strictly increasing days"
    )]
    Unsorted {
        /// The parameter's name.
        series: &'static str,
        /// The earlier row's first day.
        previous: Date,
        /// The offending row's first day.
        from: Date,
    },
    /// A series with more rows than a table may hold ([`RulesTable::MAX_ROWS_PER_SERIES`]).
    #[error("rules table: series {series} has {rows} rows, more than the {max} a table may hold")]
    TooManyRows {
        /// The series.
        series: &'static str,
        /// How many rows it has.
        rows: usize,
        /// The bound.
        max: usize,
    },
    /// More days on which a value changes than a table may hold
    /// ([`RulesTable::MAX_VERSIONS`]): each is a version holding every parameter.
    #[error(
        "rules table: {versions} days on which a value changes, more than the {max} a table may hold"
    )]
    TooManyVersions {
        /// How many versions the table would have.
        versions: usize,
        /// The bound.
        max: usize,
    },
    /// A value breaks the invariant of its parameter, or a row holds more than a table may
    /// ([`RulesTable::MAX_ITEMS`], [`RulesTable::MAX_CITATION_TEXT`]).
    #[error("rules table: series {series}, row from {from}: {problem}")]
    InvalidValue {
        /// The parameter's name.
        series: &'static str,
        /// The row's first day.
        from: Date,
        /// What is wrong.
        problem: String,
    },
}

/// One parameter of a [`Rules`] version, for listing: its name, its value in words and its
/// citation.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::Rules;
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let cap = rules.parameters().into_iter().find(|p| p.name == "cap_utilizzatore").unwrap();
/// assert_eq!(cap.value, "10.000,00 €");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter<'a> {
    /// The field name in [`Rules`].
    pub name: &'static str,
    /// The value in words (`10.000,00 €`, `33%`).
    pub value: String,
    /// Where it comes from.
    pub citation: &'a Citation,
}

macro_rules! rules_table {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty => $check:path ;)*) => {
        /// The parameters in force on one day (one version of the [`RulesTable`]), each with its
        /// [`Citation`].
        ///
        /// Get them with [`Rules::in_force_on`] (the embedded table) or
        /// [`RulesTable::in_force_on`] (a table of the host's).
        ///
        /// # Examples
        ///
        /// ```
        /// use prestazioni_occasionali::{Euro, Rules};
        /// use time::macros::date;
        ///
        /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
        /// assert_eq!(rules.cap_utilizzatore.value, Euro::from_euros(10_000));
        /// assert_eq!(
        ///     rules.cap_utilizzatore.citation.to_string(),
        ///     "art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023"
        /// );
        ///
        /// // Before 24/6/2017 the regime did not exist.
        /// assert!(Rules::in_force_on(date!(2017 - 06 - 23)).is_err());
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        pub struct Rules {
            valid_from: Date,
            valid_until: Option<Date>,
            $( $(#[doc = $doc])* pub $name: Cited<$ty>, )*
        }

        /// The rows of every series of a rules table, before validation: plain data a host edits
        /// (e.g. to apply a law change before a crate release, or to pick the other reading of an
        /// open point) and then turns into a [`RulesTable`] with [`RulesTableBuilder::build`].
        ///
        /// Each field is the series of the [`Rules`] field of the same name.
        ///
        /// # Examples
        ///
        /// ```
        /// use prestazioni_occasionali::{Citation, Dated, OneriBase, RulesTable};
        /// use time::macros::date;
        ///
        /// // Take the "1% of the compenso" reading of the oneri base from the start.
        /// let mut builder = RulesTable::embedded().to_builder();
        /// builder.cpo_oneri_base = vec![Dated::new(
        ///     date!(2017 - 06 - 24),
        ///     OneriBase::Compenso,
        ///     Citation::art54bis("13, 15").reading("R-ONERI-BASE, the host's choice: 1% of the compenso"),
        /// )];
        /// let table = builder.build()?;
        /// assert_eq!(table.in_force_on(date!(2026 - 01 - 10))?.cpo_oneri_base.value, OneriBase::Compenso);
        ///
        /// // An invalid table is refused.
        /// let mut bad = RulesTable::embedded().to_builder();
        /// bad.cap_pair.clear();
        /// assert_eq!(bad.build().unwrap_err().to_string(), "rules table: series cap_pair has no rows");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        pub struct RulesTableBuilder {
            $( $(#[doc = $doc])* pub $name: Vec<Dated<$ty>>, )*
        }

        impl RulesTableBuilder {
            /// The first day of every series, checking each series on the way.
            fn check(&self) -> Result<Date, RulesError> {
                let mut start: Option<Date> = None;
                $(
                    let first = check_series(stringify!($name), &self.$name, $check)?;
                    match start {
                        None => start = Some(first),
                        Some(s) if s != first => {
                            return Err(RulesError::SeriesStart {
                                series: stringify!($name),
                                from: first,
                                start: s,
                            });
                        }
                        Some(_) => {}
                    }
                )*
                start.ok_or(RulesError::EmptySeries { series: "rules" })
            }

            /// Every day on which some parameter changes, sorted and without repeats.
            fn change_days(&self) -> Vec<Date> {
                let mut days = Vec::new();
                $( days.extend(self.$name.iter().map(|row| row.from)); )*
                days.sort_unstable();
                days.dedup();
                days
            }

            /// The version in force from `from` to `until`.
            fn version(&self, from: Date, until: Option<Date>) -> Result<Rules, RulesError> {
                Ok(Rules {
                    valid_from: from,
                    valid_until: until,
                    $( $name: row_on(stringify!($name), &self.$name, from)?, )*
                })
            }
        }

        impl Rules {
            /// Every parameter with its value in words and its citation, in table order.
            ///
            /// # Examples
            ///
            /// ```
            /// use prestazioni_occasionali::Rules;
            /// use time::macros::date;
            /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
            /// for p in rules.parameters() {
            ///     assert!(!p.citation.to_string().is_empty(), "{} has no citation", p.name);
            /// }
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn parameters(&self) -> Vec<Parameter<'_>> {
                vec![ $( Parameter {
                    name: stringify!($name),
                    value: self.$name.value.describe(),
                    citation: &self.$name.citation,
                }, )* ]
            }
        }
    };
}

rules_table! {
    /// Cap a: the most one prestatore may receive from all utilizzatori in a calendar year
    /// (5.000,00). Never weighted at 75%.
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL).
    cap_prestatore: Euro => check::positive_euro;
    /// Cap b: the most one utilizzatore may pay to all prestatori in a calendar year (5.000,00 to
    /// 31/12/2022, 10.000,00 from 1/1/2023), compensi to comma-8 prestatori counted at
    /// [`Rules::special_category_weight`].
    /// Legal basis: art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342
    /// lett. a (CAP-UTILIZZATORE-TOTAL).
    cap_utilizzatore: Euro => check::positive_euro;
    /// Cap b for utilizzatori of the events / thermal / parks ATECO list (15.000,00 from
    /// 5/5/2023). INPS applies it to the whole of 2023 (circ. 75/2023); the crate, conservatively,
    /// applies it only to prestazioni from 5/5/2023 (the year-to-date total of a later prestazione
    /// still includes earlier work; reading R-EVENTS-CAP-2023: a host that follows INPS moves
    /// this row to 1/1/2023).
    /// Legal basis: art. 54-bis c. 1 lett. b D.L. 50/2017 as amended by D.L. 48/2023 art. 37
    /// (CAP-UTILIZZATORE-EVENTS).
    cap_utilizzatore_events: Option<Euro> => check::optional_positive_euro;
    /// Cap c: the most one prestatore may receive from the same utilizzatore in a calendar year
    /// (2.500,00), never weighted.
    /// Legal basis: art. 54-bis c. 1 lett. c D.L. 50/2017 (CAP-PAIR).
    cap_pair: Euro => check::positive_euro;
    /// Cap c-bis: stewards of società sportive (L. 91/1981), per prestatore per società
    /// (5.000,00 from 1/1/2018). Cap b does not apply to those società (INPS circ. 95/2018).
    /// Legal basis: art. 54-bis c. 1 lett. c-bis D.L. 50/2017, added by L. 205/2017 art. 1 c. 368
    /// (CAP-STEWARD).
    cap_steward: Option<Euro> => check::optional_positive_euro;
    /// Whether steward compensi also count toward the prestatore's cap a (reading
    /// R-STEWARD-CAP-A: yes; `false` takes the other reading).
    steward_counts_toward_cap_prestatore: bool => check::any;
    /// The weight of compensi paid to comma-8 prestatori in cap b only (75%); caps a, c and c-bis
    /// always count the nominal compenso.
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017; INPS circ. 6/2023 (CAP-75PCT, reading
    /// R-WEIGHT-CAP-B).
    special_category_weight: Decimal => check::weight;
    /// The age below which a student counts as a comma-8 category (under 25 on the day of the
    /// prestazione).
    /// Legal basis: art. 54-bis c. 8 D.L. 50/2017 (reading R-WEIGHT-CAP-B).
    student_age_limit: u32 => check::age;
    /// The most hours of prestazioni per prestatore-utilizzatore pair in a calendar year (280).
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017 (HOURS-280).
    hours_per_pair: u32 => check::hours_in_a_year;
    /// Whether the 280-hour limit applies to the Libretto Famiglia too (reading R-HOURS-LF: yes;
    /// `false` takes the other reading).
    hours_limit_applies_to_lf: bool => check::any;
    /// The Libretto Famiglia titolo: 10,00 = 8,00 + 1,65 + 0,25 + 0,10, for at most one hour.
    /// Legal basis: art. 54-bis c. 10-11 D.L. 50/2017 (LF-TITOLO).
    lf_titolo: TitoloSplit => check::titolo;
    /// The CPO hourly minimum compenso (9,00).
    /// Legal basis: art. 54-bis c. 16 D.L. 50/2017 (CPO-MIN-PAY).
    cpo_min_hourly: Euro => check::positive_euro;
    /// The CPO daily minimum compenso (36,00 for up to 4 continuous hours), on every day's
    /// prestazione (reading R-DAILY-MINIMUM).
    /// Legal basis: art. 54-bis c. 17 lett. e D.L. 50/2017 (CPO-MIN-PAY).
    cpo_min_daily: DailyMinimum => check::daily_minimum;
    /// The CPO contribution to the INPS Gestione Separata (IVS), as a share of the compenso (33%).
    /// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 (CPO-CONTRIB).
    cpo_ivs_rate: Decimal => check::rate;
    /// The CPO INAIL premium, as a share of the compenso (3,5%).
    /// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 (CPO-CONTRIB).
    cpo_inail_rate: Decimal => check::rate;
    /// The CPO oneri di gestione rate (1%).
    /// Legal basis: art. 54-bis c. 13, 15 D.L. 50/2017 (CPO-CONTRIB).
    cpo_oneri_rate: Decimal => check::rate;
    /// The base of the oneri di gestione (reading R-ONERI-BASE: 1% of the amount paid in).
    cpo_oneri_base: OneriBase => check::any;
    /// CPO is barred for utilizzatori with more than this many permanent employees (5, then 10
    /// from 1/1/2023), semester average of reading R-HEADCOUNT. PAs are exempt (c. 7).
    /// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017, as amended by L. 197/2022 art. 1
    /// c. 342 (PROHIB-SIZE).
    headcount_limit: u32 => check::positive_u32;
    /// The hotel and strutture ricettive regime (8 employees, comma-8 prestatori only,
    /// 12/8/2018-31/12/2022).
    /// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017 as amended by D.L. 87/2018 art. 2-bis;
    /// repealed by L. 197/2022 art. 1 c. 342 (PROHIB-SIZE).
    headcount_limit_hotels: Option<HotelRegime> => check::any;
    /// The headcount limit for the events / thermal / parks ATECO list (25 from 5/5/2023).
    /// Legal basis: art. 54-bis c. 14 lett. a D.L. 50/2017 as amended by D.L. 48/2023 art. 37
    /// (PROHIB-SIZE).
    headcount_limit_events: Option<u32> => check::optional_positive_u32;
    /// Agriculture: allowed with conditions 2017-2022, banned from 1/1/2023.
    /// Legal basis: art. 54-bis c. 14 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1
    /// c. 342 (PROHIB-AGRI).
    agriculture: AgricultureRule => check::any;
    /// The sectors in which CPO is banned: edilizia e settori affini, escavazione o lavorazione
    /// di materiale lapideo, miniere, cave e torbiere (see [`Sector`](crate::Sector) for the
    /// ATECO mapping).
    /// Legal basis: art. 54-bis c. 14 lett. c D.L. 50/2017 (PROHIB-SECTORS).
    prohibited_sectors: Vec<Sector> => check::non_empty;
    /// The CCNL hourly rates that were the CPO pay floor in agriculture (2017-2022).
    /// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017 (CPO-AGRI-PAY,
    /// reading R-AGRI-RATES).
    agriculture_hourly_rates: Option<AgriculturalRates> => check::any;
    /// The least notice of a CPO communication before the start, in minutes (60).
    /// Legal basis: art. 54-bis c. 17 D.L. 50/2017 (CPO-COMM).
    cpo_notice_minutes: u32 => check::minutes_in_a_year;
    /// The multi-day CPO communication window of some sectors (none from 1/1/2023, reading R-NO-WINDOW-2023).
    /// Legal basis: INPS msg 3662/2017; art. 54-bis c. 17 lett. d D.L. 50/2017 as amended by
    /// D.L. 87/2018 art. 2-bis (CPO-WINDOW).
    cpo_window: Option<CommunicationWindow> => check::window;
    /// A CPO prestazione may be revoked until 23:59:59 of this many calendar days after the
    /// planned day (3); for a window, after its last day. Once the prestatore has confirmed it,
    /// it can no longer be revoked (reading R-CONFIRMATION).
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA, reading R-REVOCA).
    revoca_days: u32 => check::days_in_a_year;
    /// An LF prestazione is communicated by 23:59:59 of this day of the next month (3).
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017 (LF-COMM, reading R-LF-COMM).
    lf_communication_day: u8 => check::day_of_month;
    /// INPS pays the prestatore by this day of the month after the prestazione (15), for both
    /// instruments.
    /// Legal basis: art. 54-bis c. 18 D.L. 50/2017; INPS circ. 107/2017 (CPO-PAY,
    /// LF-PAY, reading R-PAYMENT-DAY).
    payment_day: u8 => check::day_of_month;
    /// Payment at a post office on the utilizzatore's mandate is collectable this many days after
    /// the utilizzatore validates the prestazione (15, from 12/8/2018).
    /// Legal basis: D.L. 87/2018 art. 2-bis; INPS circ. 103/2018 (CPO-PAY).
    post_office_mandate_days: Option<u32> => check::optional_days_in_a_year;
    /// The fee withheld for a credit to an IBAN (free).
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES).
    fee_iban: Euro => check::any;
    /// The fee withheld for a bonifico domiciliato (2,60 until 26/1/2023, 3,84 from 27/1/2023).
    /// Legal basis: INPS msg 410/2023 (PAY-MODES, E8, reading R-FEES).
    fee_bonifico_domiciliato: Euro => check::any;
    /// The fee withheld for a payment at a post office on the utilizzatore's mandate (1,75 from
    /// 12/8/2018).
    /// Legal basis: D.L. 87/2018 art. 2-bis; INPS circ. 103/2018 (PAY-MODES, reading R-FEES).
    fee_post_office: Option<Euro> => check::any;
    /// The channels through which an utilizzatore funds its account: F24 ELIDE from 24/6/2017,
    /// electronic payment on the platform too from INPS msg 3177 of 31/7/2017, pagoPA instead of
    /// it from INPS msg 4380 of 6/12/2023, which also names the F24 causali LIFA and CLOC.
    /// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS msg 3177/2017; INPS msg 4380/2023
    /// (LF-FUNDING, CPO-FUNDING).
    funding_channels: FundingChannels => check::funding_channels;
    /// The administrative fine for a missing or late CPO communication or a comma-14 breach
    /// (500,00 to 2.500,00 per day, reduced payment 833,33; reading R-FINE-PER-DAY).
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017; art. 16 L. 689/1981 (SANCT-ADMIN).
    fine: FineRule => check::fine;
    /// Whether a violation caused by the prestatore's false or incomplete self-certification is
    /// exempt from the fine (from 12/8/2018).
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017 as amended by D.L. 87/2018 art. 2-bis
    /// (SANCT-ADMIN).
    false_self_certification_exempts: bool => check::any;
    /// No prestazioni from someone who is or was, within this many months, an employee or
    /// co.co.co. of the same utilizzatore (6), counted up to the same calendar day (reading
    /// R-SIX-MONTHS).
    /// Legal basis: art. 54-bis c. 5 D.L. 50/2017 (PROHIB-PRIOR).
    comma5_months: u32 => check::months_in_a_century;
    /// The minimum age of a prestatore on the day of the prestazione (16; reading R-MINORS).
    /// Legal basis: L. 977/1967 art. 3; L. 296/2006 art. 1 c. 622 (ELIG-AGE).
    minimum_age: u32 => check::age;
    /// Below this age the registration must record parental consent (18; reading R-MINORS).
    /// Legal basis: ELIG-AGE, reading R-MINORS.
    parental_consent_below_age: u32 => check::age;
    /// Which kinds of intermediary may act, under a delega, for which kinds of delegante: none
    /// before INPS msg 3177 of 31/7/2017; from then the L. 12/1979 professionals and service
    /// centres for prestatori and for LF and CPO utilizzatori, patronati (L. 152/2001) only for
    /// prestatori and LF utilizzatori. The portal of January 2026 (INPS msg 3932 of 24/12/2025)
    /// adds a section for LF intermediaries, not a new scope (reading R-INTERMEDIARIES-2017).
    /// Legal basis: L. 12/1979; L. 152/2001; INPS msg 3177/2017 (REG-INTERMEDIARI).
    intermediary_scopes: Vec<IntermediaryScope> => check::any;
    /// How many years after the end of a delega's validity the intermediary keeps it, with a copy
    /// of the delegante's identity document (5).
    /// Legal basis: INPS msg 3177/2017 as summarised (REG-INTERMEDIARI).
    delega_retention_years: u32 => check::years_in_a_century;
    /// The digital credentials accepted to access the platform: INPS PIN, SPID or CNS until
    /// 30/9/2021; SPID, CIE, CNS or eIDAS from 1/10/2021 (reading R-CREDENTIALS-2021: CIE and
    /// eIDAS only from that day).
    /// Legal basis: REG-AUTH (INPS msg 4360/2024; INPS msg 3932/2025).
    access_credentials: Vec<Credential> => check::non_empty;
    /// The lowest SPID level that gives access (2).
    /// Legal basis: REG-AUTH (INPS msg 4360/2024; INPS msg 3932/2025).
    spid_min_level: u32 => check::spid_level;
    /// How Italian civil time follows UTC: CET (UTC+1), CEST (UTC+2) from 01:00 UTC of the last
    /// Sunday of March to 01:00 UTC of the last Sunday of October. For an instant, the row in
    /// force on the instant's UTC date applies ([`ItalianClock`](crate::ItalianClock)).
    /// Legal basis: Directive 2000/84/EC arts. 1-4 (reading R-CIVIL-TIME).
    civil_time: ClockRule => check::clock;
}

/// Checks one series: non-empty, strictly increasing days, every value valid; returns its first
/// day.
fn check_series<T: RuleValue>(
    series: &'static str,
    rows: &[Dated<T>],
    check: fn(&T) -> Result<(), String>,
) -> Result<Date, RulesError> {
    let first = rows.first().ok_or(RulesError::EmptySeries { series })?;
    if rows.len() > RulesTable::MAX_ROWS_PER_SERIES {
        return Err(RulesError::TooManyRows {
            series,
            rows: rows.len(),
            max: RulesTable::MAX_ROWS_PER_SERIES,
        });
    }
    let mut previous: Option<Date> = None;
    for row in rows {
        let too_large = |problem| RulesError::InvalidValue {
            series,
            from: row.from,
            problem,
        };
        let items = row.value.items();
        if items > RulesTable::MAX_ITEMS {
            return Err(too_large(format!(
                "the value holds {items} items, more than the {} a row may hold",
                RulesTable::MAX_ITEMS
            )));
        }
        let text = row.citation.longest_text();
        if text > RulesTable::MAX_CITATION_TEXT {
            return Err(too_large(format!(
                "a citation text of {text} bytes, more than the {} a citation may hold",
                RulesTable::MAX_CITATION_TEXT
            )));
        }
        if let Some(previous) = previous
            && row.from <= previous
        {
            return Err(RulesError::Unsorted {
                series,
                previous,
                from: row.from,
            });
        }
        check(&row.value).map_err(|problem| RulesError::InvalidValue {
            series,
            from: row.from,
            problem,
        })?;
        previous = Some(row.from);
    }
    Ok(first.from)
}

/// The row of a (checked) series in force on `day`.
fn row_on<T: Clone>(
    series: &'static str,
    rows: &[Dated<T>],
    day: Date,
) -> Result<Cited<T>, RulesError> {
    let index = rows.partition_point(|row| row.from <= day);
    index
        .checked_sub(1)
        .and_then(|i| rows.get(i))
        .map(|row| Cited {
            value: row.value.clone(),
            citation: row.citation.clone(),
        })
        .ok_or(RulesError::EmptySeries { series })
}

/// A validated rules table: every series, and the versions they produce.
///
/// The crate embeds the table of the regime ([`RulesTable::embedded`]); a host may build its own
/// from a [`RulesTableBuilder`] or, with the `serde` feature, deserialise one (the same checks
/// apply: an invalid table cannot be built).
///
/// # Passing the rules
///
/// The API passes the rules one way (see the crate docs, "Rules in the API"):
///
/// - `&Rules`, one version ([`RulesTable::in_force_on`]), for a calculation within one day: a
///   cost, a pay floor, one day's deadline, admissibility, [`FundsAccount::top_up`](crate::FundsAccount::top_up);
/// - `&RulesTable` for anything that spans days or lives long: the communications,
///   [`split_at_midnight`](crate::split_at_midnight), the [`Scrivania`](crate::Scrivania), a
///   registration's events, [`Ledger::new`](crate::Ledger::new) and
///   [`Ledger::replay`](crate::Ledger::replay);
/// - a long-lived value owns its table: a [`Ledger`](crate::Ledger) keeps the table it was
///   built on, and every call on it ([`assess_booking`](crate::assess_booking) included) uses
///   that table ([`Ledger::rules_table`](crate::Ledger::rules_table)).
///
/// A table is cheap to clone: its rows and versions are shared behind an `Arc`, so a value that
/// keeps one (a ledger, its shards, its replays) clones the pointer, and two clones of one table
/// compare equal without comparing their rows.
///
/// Each version holds every parameter, so a table is bounded far above any real one (the
/// embedded table has a dozen versions and a handful of rows a series): at most
/// [`RulesTable::MAX_ROWS_PER_SERIES`] rows a series, [`RulesTable::MAX_VERSIONS`] days on which
/// a value changes, [`RulesTable::MAX_ITEMS`] items in a value and
/// [`RulesTable::MAX_CITATION_TEXT`] bytes in a citation's text. Loading a table is linear in its
/// size, and a hostile one is refused with the bound it passes.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, RulesTable};
/// use time::macros::date;
///
/// let table = RulesTable::embedded();
/// assert_eq!(table.in_force_on(date!(2022 - 12 - 31))?.cap_utilizzatore.value, Euro::from_euros(5_000));
/// assert_eq!(table.in_force_on(date!(2023 - 01 - 01))?.cap_utilizzatore.value, Euro::from_euros(10_000));
/// assert!(table.in_force_on(date!(2017 - 01 - 01)).is_err());
///
/// // A clone shares the rows: cheap, and equal.
/// let copy = table.clone();
/// assert_eq!(&copy, table);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "RulesTableBuilder", try_from = "RulesTableBuilder")
)]
pub struct RulesTable {
    /// Shared: cloning a table clones the pointer.
    inner: Arc<TableData>,
}

/// What a [`RulesTable`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TableData {
    rows: RulesTableBuilder,
    versions: Vec<Rules>,
}

impl fmt::Debug for RulesTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RulesTable")
            .field("rows", &self.inner.rows)
            .field("versions", &self.inner.versions)
            .finish()
    }
}

impl PartialEq for RulesTable {
    /// Equal rows and versions; two clones of one table are equal without comparing them.
    fn eq(&self, other: &RulesTable) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner == other.inner
    }
}

impl Eq for RulesTable {}

impl RulesTable {
    fn from_parts(rows: RulesTableBuilder, versions: Vec<Rules>) -> RulesTable {
        RulesTable {
            inner: Arc::new(TableData { rows, versions }),
        }
    }
}

impl RulesTableBuilder {
    /// Validates the rows and computes the versions.
    ///
    /// # Errors
    ///
    /// A [`RulesError`] naming the series and row: an empty series, a series that does not start
    /// on the same day as the others, rows that are not in strictly increasing order of day
    /// (overlapping periods), or an invalid value (a zero cap, a rate outside 0..1, a titolo split
    /// that does not sum to its value, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Citation, Dated, Euro, RulesTable};
    /// use time::macros::date;
    ///
    /// let mut builder = RulesTable::embedded().to_builder();
    /// builder.cap_pair.push(Dated::new(
    ///     date!(2027 - 01 - 01),
    ///     Euro::from_euros(3_000),
    ///     Citation::act("a hypothetical 2027 budget law"),
    /// ));
    /// let table = builder.build()?;
    /// assert_eq!(table.in_force_on(date!(2027 - 01 - 01))?.cap_pair.value, Euro::from_euros(3_000));
    ///
    /// let mut unsorted = RulesTable::embedded().to_builder();
    /// unsorted.cap_pair.push(Dated::new(date!(2017 - 01 - 01), Euro::from_euros(1), Citation::act("x")));
    /// assert!(unsorted.build().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<RulesTable, RulesError> {
        self.check()?;
        let days = self.change_days();
        if days.len() > RulesTable::MAX_VERSIONS {
            return Err(RulesError::TooManyVersions {
                versions: days.len(),
                max: RulesTable::MAX_VERSIONS,
            });
        }
        let mut versions = Vec::with_capacity(days.len());
        for (i, from) in days.iter().enumerate() {
            let until = days.get(i + 1).and_then(|next| next.previous_day());
            versions.push(self.version(*from, until)?);
        }
        Ok(RulesTable::from_parts(self, versions))
    }
}

impl RulesTable {
    /// The most rows a series may have.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Citation, Dated, Euro, RulesTable};
    /// use time::macros::date;
    /// let mut builder = RulesTable::embedded().to_builder();
    /// let row = |n: i64| Dated::new(date!(2017 - 06 - 24) + time::Duration::days(n), Euro::from_euros(5_000), Citation::art54bis("1"));
    /// builder.cap_prestatore = (0..=64).map(row).collect();
    /// assert_eq!(
    ///     builder.build().unwrap_err().to_string(),
    ///     "rules table: series cap_prestatore has 65 rows, more than the 64 a table may hold"
    /// );
    /// ```
    pub const MAX_ROWS_PER_SERIES: usize = 64;
    /// The most days on which a value may change (versions of the table).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RulesTable;
    /// assert!(RulesTable::embedded().versions().len() <= RulesTable::MAX_VERSIONS);
    /// ```
    pub const MAX_VERSIONS: usize = 128;
    /// The most items a value may hold (the sectors of a list, the channels, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RulesTable;
    /// assert_eq!(RulesTable::MAX_ITEMS, 64);
    /// ```
    pub const MAX_ITEMS: usize = 64;
    /// The most bytes a text field of a citation may hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RulesTable;
    /// assert_eq!(RulesTable::MAX_CITATION_TEXT, 1024);
    /// ```
    pub const MAX_CITATION_TEXT: usize = 1024;

    /// The table embedded in the crate: every parameter of the regime with its citation.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RulesTable;
    /// assert!(RulesTable::embedded().versions().len() > 5);
    /// ```
    #[must_use]
    pub fn embedded() -> &'static RulesTable {
        static TABLE: OnceLock<RulesTable> = OnceLock::new();
        TABLE.get_or_init(|| match embedded::rows().build() {
            Ok(table) => table,
            // The embedded rows are checked by the crate's tests; an invalid embedded table
            // would be a bug of the crate, so it degrades to an empty table that refuses every
            // day rather than panicking.
            Err(_) => RulesTable::from_parts(embedded::rows(), Vec::new()),
        })
    }

    /// The rows, for editing into a new table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, RulesTable};
    /// use time::macros::date;
    /// let table = RulesTable::embedded();
    /// let same = table.to_builder().build()?;
    /// assert_eq!(same.in_force_on(date!(2026 - 03 - 07))?, table.in_force_on(date!(2026 - 03 - 07))?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_builder(&self) -> RulesTableBuilder {
        self.inner.rows.clone()
    }

    /// The rows of every series.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, RulesTable};
    /// use time::macros::date;
    /// let table = RulesTable::embedded();
    /// assert_eq!(table.rows().cap_utilizzatore.len(), 2); // 5.000 from 24/6/2017, 10.000 from 1/1/2023
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rows(&self) -> &RulesTableBuilder {
        &self.inner.rows
    }

    /// The parameters in force on `date`.
    ///
    /// # Errors
    ///
    /// [`RulesError::BeforeRegime`] for a day before the table's first day.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RulesTable;
    /// use time::macros::date;
    /// let table = RulesTable::embedded();
    /// assert_eq!(table.in_force_on(date!(2026 - 01 - 10))?.hours_per_pair.value, 280);
    /// assert_eq!(
    ///     table.in_force_on(date!(2017 - 06 - 23)).unwrap_err().to_string(),
    ///     "no rules on 2017-06-23: the regime of art. 54-bis D.L. 50/2017 starts on 2017-06-24 (the earlier voucher regime is out of scope)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_force_on(&self, date: Date) -> Result<&Rules, RulesError> {
        // Most calls ask about the current law: the newest version, without a search.
        if let Some(newest) = self.inner.versions.last()
            && newest.valid_from <= date
        {
            return Ok(newest);
        }
        let index = self
            .inner
            .versions
            .partition_point(|v| v.valid_from <= date);
        // Lazy error: this runs on every ledger call, and an eager one is built (the table's
        // start looked up) and dropped each time.
        index
            .checked_sub(1)
            .and_then(|i| self.inner.versions.get(i))
            .ok_or_else(|| RulesError::BeforeRegime {
                date,
                start: self.start(),
            })
    }

    /// The first day of the table.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{REGIME_START, RulesTable};
    /// assert_eq!(RulesTable::embedded().start(), REGIME_START);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn start(&self) -> Date {
        self.inner
            .versions
            .first()
            .map_or(REGIME_START, |v| v.valid_from)
    }

    /// Every version, oldest first; consecutive versions differ in at least one row.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, RulesTable};
    /// use time::macros::date;
    /// let table = RulesTable::embedded();
    /// assert_eq!(table.versions().first().map(|r| r.valid_from()), Some(table.start()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn versions(&self) -> &[Rules] {
        &self.inner.versions
    }
}

impl Rules {
    /// The parameters of the embedded table in force on `date`.
    ///
    /// # Errors
    ///
    /// [`RulesError::BeforeRegime`] before 24/6/2017: the regime did not exist yet (the voucher
    /// era is out of scope).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Rules};
    /// use time::macros::date;
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// assert_eq!(rules.cpo_min_hourly.value, Euro::from_euros(9));
    /// assert!(Rules::in_force_on(date!(2016 - 12 - 31)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_force_on(date: Date) -> Result<&'static Rules, RulesError> {
        RulesTable::embedded().in_force_on(date)
    }

    /// Every version of the embedded table, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Rules;
    /// use time::macros::date;
    /// let history = Rules::history();
    /// assert_eq!(history[0].valid_from(), date!(2017 - 06 - 24));
    /// assert_eq!(history.last().unwrap().valid_until(), None);
    /// ```
    #[must_use]
    pub fn history() -> &'static [Rules] {
        RulesTable::embedded().versions()
    }

    /// The first day of this version.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Rules;
    /// use time::macros::date;
    /// let rules = Rules::in_force_on(date!(2022 - 06 - 01))?;
    /// assert!(rules.valid_from() <= date!(2022 - 06 - 01));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn valid_from(&self) -> Date {
        self.valid_from
    }

    /// The last day of this version (inclusive), or `None` while it is the current one.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Rules;
    /// use time::macros::date;
    /// // The 10.000 cap b arrived on 1/1/2023, so the 2022 version ends by 31/12/2022.
    /// assert!(Rules::in_force_on(date!(2022 - 06 - 01))?.valid_until().is_some_and(|d| d <= date!(2022 - 12 - 31)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn valid_until(&self) -> Option<Date> {
        self.valid_until
    }

    /// Whether `day` falls within this version (from [`Rules::valid_from`] to
    /// [`Rules::valid_until`]): the check of a function that takes "the rules in force on" a day.
    pub(crate) fn cover(&self, day: Date) -> bool {
        self.valid_from <= day && self.valid_until.is_none_or(|until| day <= until)
    }
}

impl From<RulesTable> for RulesTableBuilder {
    fn from(table: RulesTable) -> RulesTableBuilder {
        Arc::unwrap_or_clone(table.inner).rows
    }
}

impl TryFrom<RulesTableBuilder> for RulesTable {
    type Error = RulesError;
    fn try_from(builder: RulesTableBuilder) -> Result<RulesTable, RulesError> {
        builder.build()
    }
}
