//! The embedded rules table: every parameter of the regime as dated, cited rows.
//!
//! One series per parameter; a change of law is a new row here and a CHANGELOG line. The rows
//! are checked by `RulesTableBuilder::build` and by `tests/rules.rs` (sorted, contiguous,
//! consistent with the legal reference, `law::rules`).

use rust_decimal::Decimal;
use time::macros::date;

use super::params::{
    AgriculturalRates, AgricultureRule, ClockRule, CommunicationWindow, Credential, DailyMinimum,
    DeleganteKind, FineRule, FineUnit, FundingChannel, FundingChannels, HotelRegime,
    IntermediarioKind, IntermediaryScope, OneriBase, TitoloSplit, WindowSector,
};
use super::{Citation, Dated, REGIME_START, RulesTableBuilder};
use crate::ateco::Sector;
use crate::money::Euro;

/// D.L. 87/2018 ("Decreto Dignità") art. 2-bis, added by the conversion law L. 96/2018, in force
/// 12/8/2018.
const DIGNITA: &str = "D.L. 87/2018 art. 2-bis (conv. L. 96/2018)";
/// L. 197/2022 (bilancio 2023) art. 1 c. 342, in force 1/1/2023.
const BILANCIO_2023: &str = "L. 197/2022 art. 1 c. 342";
/// D.L. 48/2023 art. 37, conv. L. 85/2023, in force 5/5/2023.
const DL_48_2023: &str = "D.L. 48/2023 art. 37 (conv. L. 85/2023)";

fn one<T>(value: T, citation: Citation) -> Vec<Dated<T>> {
    vec![Dated::new(REGIME_START, value, citation)]
}

#[allow(clippy::too_many_lines)]
pub(super) fn rows() -> RulesTableBuilder {
    RulesTableBuilder {
        cap_prestatore: one(
            Euro::from_euros(5_000),
            Citation::art54bis("1")
                .letter("a")
                .implemented_by("INPS circ. 107/2017"),
        ),
        cap_utilizzatore: vec![
            Dated::new(
                REGIME_START,
                Euro::from_euros(5_000),
                Citation::art54bis("1")
                    .letter("b")
                    .implemented_by("INPS circ. 107/2017"),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                Euro::from_euros(10_000),
                Citation::art54bis("1")
                    .letter("b")
                    .amended_by("L. 197/2022 art. 1 c. 342 lett. a")
                    .implemented_by("INPS circ. 6/2023"),
            ),
        ],
        cap_utilizzatore_events: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("1").letter("b")),
            Dated::new(
                date!(2023 - 05 - 05),
                Some(Euro::from_euros(15_000)),
                Citation::art54bis("1")
                    .letter("b")
                    .amended_by(DL_48_2023)
                    .implemented_by("INPS circ. 75/2023")
                    .reading("R-EVENTS-CAP-2023: for prestazioni from 5/5/2023, not all of 2023"),
            ),
        ],
        cap_pair: one(Euro::from_euros(2_500), Citation::art54bis("1").letter("c")),
        cap_steward: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("1")),
            Dated::new(
                date!(2018 - 01 - 01),
                Some(Euro::from_euros(5_000)),
                Citation::art54bis("1")
                    .letter("c-bis")
                    .amended_by("L. 205/2017 art. 1 c. 368")
                    .implemented_by("INPS circ. 95/2018"),
            ),
        ],
        steward_counts_toward_cap_prestatore: one(
            true,
            Citation::art54bis("1")
                .letter("a, c-bis")
                .reading("R-STEWARD-CAP-A: steward compensi also count toward cap a"),
        ),
        // INPS circ. 6/2023 restates how comma 8 has read since 2017 (caps a and c always at
        // nominal value, the weighting for cap b only): an interpretation of an unchanged text,
        // so it is cited on the one row rather than as a row of its own from 19/1/2023, which
        // would date a change that never happened.
        special_category_weight: one(
            Decimal::new(75, 2),
            Citation::art54bis("8")
                .implemented_by("INPS circ. 6/2023: caps a and c always at nominal value")
                .reading("R-WEIGHT-CAP-B: cap b only, for a category held on the day"),
        ),
        student_age_limit: one(
            25,
            Citation::art54bis("8").reading("R-WEIGHT-CAP-B: under 25 on the day of the prestazione"),
        ),
        hours_per_pair: one(280, Citation::art54bis("20")),
        hours_limit_applies_to_lf: one(
            true,
            Citation::art54bis("20").reading("R-HOURS-LF: the 280-hour limit applies to LF too"),
        ),
        lf_titolo: one(
            TitoloSplit {
                value: Euro::from_euros(10),
                compenso: Euro::from_euros(8),
                ivs: Euro::from_cents(165),
                inail: Euro::from_cents(25),
                oneri: Euro::from_cents(10),
                max_minutes: 60,
            },
            Citation::art54bis("10-11").implemented_by("INPS circ. 107/2017"),
        ),
        cpo_min_hourly: one(Euro::from_euros(9), Citation::art54bis("16")),
        cpo_min_daily: one(
            DailyMinimum {
                amount: Euro::from_euros(36),
                max_continuous_hours: 4,
            },
            Citation::art54bis("17").letter("e"),
        ),
        cpo_ivs_rate: one(Decimal::new(33, 2), Citation::art54bis("13, 15")),
        cpo_inail_rate: one(Decimal::new(35, 3), Citation::art54bis("13, 15")),
        cpo_oneri_rate: one(Decimal::new(1, 2), Citation::art54bis("13, 15")),
        cpo_oneri_base: one(
            OneriBase::AmountPaidIn,
            Citation::art54bis("13, 15").reading(
                "R-ONERI-BASE: 1% of the amount paid in, oneri = (compenso + IVS + INAIL) x 0.01 / 0.99",
            ),
        ),
        headcount_limit: vec![
            Dated::new(
                REGIME_START,
                5,
                Citation::art54bis("14")
                    .letter("a")
                    .implemented_by("INPS circ. 107/2017; INPS msg 2887/2017")
                    .reading("R-HEADCOUNT: semester average, more than N bars CPO"),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                10,
                Citation::art54bis("14")
                    .letter("a")
                    .amended_by(BILANCIO_2023)
                    .implemented_by("INPS circ. 6/2023")
                    .reading("R-HEADCOUNT: semester average, more than N bars CPO"),
            ),
        ],
        headcount_limit_hotels: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("14").letter("a")),
            Dated::new(
                date!(2018 - 08 - 12),
                Some(HotelRegime {
                    headcount_limit: 8,
                    requires_special_category: true,
                }),
                Citation::art54bis("14")
                    .letter("a")
                    .amended_by(DIGNITA)
                    .implemented_by("INPS circ. 103/2018"),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                None,
                Citation::art54bis("14")
                    .letter("a")
                    .amended_by(BILANCIO_2023)
                    .implemented_by("INPS circ. 6/2023"),
            ),
        ],
        headcount_limit_events: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("14").letter("a")),
            Dated::new(
                date!(2023 - 05 - 05),
                Some(25),
                Citation::art54bis("14")
                    .letter("a")
                    .amended_by(DL_48_2023)
                    .implemented_by("INPS circ. 75/2023"),
            ),
        ],
        agriculture: vec![
            Dated::new(
                REGIME_START,
                AgricultureRule::AllowedWithConditions,
                Citation::art54bis("14")
                    .letter("b")
                    .implemented_by("INPS circ. 107/2017"),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                AgricultureRule::Banned,
                Citation::art54bis("14")
                    .letter("b")
                    .amended_by(BILANCIO_2023)
                    .implemented_by("INPS circ. 6/2023"),
            ),
        ],
        prohibited_sectors: one(
            vec![Sector::Construction, Sector::StoneWorking, Sector::Mining],
            Citation::art54bis("14")
                .letter("c")
                .implemented_by("INPS circ. 107/2017"),
        ),
        agriculture_hourly_rates: vec![
            Dated::new(
                REGIME_START,
                Some(AgriculturalRates {
                    area1: Euro::from_cents(965),
                    area2: Euro::from_cents(880),
                    area3: Euro::from_cents(656),
                }),
                Citation::art54bis("16")
                    .implemented_by("INPS msg 2887/2017")
                    .reading(
                        "R-AGRI-RATES: msg 2887/2017 prevails over the 7,57 / 6,94 / 6,52 of circ. 107/2017",
                    ),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                None,
                Citation::art54bis("14")
                    .letter("b")
                    .amended_by(BILANCIO_2023),
            ),
        ],
        cpo_notice_minutes: one(60, Citation::art54bis("17")),
        cpo_window: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("17").letter("d")),
            Dated::new(
                date!(2017 - 09 - 25),
                Some(CommunicationWindow {
                    days: 3,
                    sectors: vec![WindowSector::Agriculture],
                }),
                Citation::art54bis("17")
                    .letter("d")
                    .implemented_by("INPS msg 3662 of 25/9/2017"),
            ),
            Dated::new(
                date!(2018 - 08 - 12),
                Some(CommunicationWindow {
                    days: 10,
                    sectors: vec![
                        WindowSector::Agriculture,
                        WindowSector::Hotels,
                        WindowSector::EntiLocali,
                    ],
                }),
                Citation::art54bis("17")
                    .letter("d")
                    .amended_by(DIGNITA)
                    .implemented_by("INPS circ. 103/2018"),
            ),
            Dated::new(
                date!(2023 - 01 - 01),
                None,
                Citation::art54bis("17")
                    .letter("d")
                    .amended_by(BILANCIO_2023)
                    .implemented_by("INPS circ. 6/2023")
                    .reading("R-NO-WINDOW-2023: no multi-day window from 1/1/2023"),
            ),
        ],
        revoca_days: one(
            3,
            Citation::act("INPS circ. 107/2017")
                .reading("R-REVOCA: until 23:59:59 of the 3rd calendar day after the planned day"),
        ),
        lf_communication_day: one(
            3,
            Citation::art54bis("12")
                .implemented_by("INPS circ. 107/2017")
                .reading("R-LF-COMM: by 23:59:59 of the 3rd day of the next month"),
        ),
        payment_day: one(
            15,
            Citation::art54bis("18")
                .implemented_by("INPS circ. 107/2017")
                .reading("R-PAYMENT-DAY: the 15th of the next month, whatever weekday"),
        ),
        post_office_mandate_days: vec![
            Dated::new(REGIME_START, None, Citation::art54bis("18")),
            Dated::new(
                date!(2018 - 08 - 12),
                Some(15),
                Citation::art54bis("18")
                    .amended_by(DIGNITA)
                    .implemented_by("INPS circ. 103/2018"),
            ),
        ],
        fee_iban: one(
            Euro::ZERO,
            Citation::act("INPS circ. 107/2017").reading("R-FEES: IBAN credit free"),
        ),
        fee_bonifico_domiciliato: vec![
            Dated::new(
                REGIME_START,
                Euro::from_cents(260),
                Citation::act("INPS circ. 107/2017").reading("R-FEES: 2,60 until 26/1/2023"),
            ),
            Dated::new(
                date!(2023 - 01 - 27),
                Euro::from_cents(384),
                Citation::act("INPS msg 410 of 27/1/2023")
                    .reading("R-FEES: 3,84 = 1,75 + 1,71 x 1,22 from 27/1/2023"),
            ),
        ],
        fee_post_office: vec![
            Dated::new(REGIME_START, None, Citation::act("INPS circ. 107/2017")),
            Dated::new(
                date!(2018 - 08 - 12),
                Some(Euro::from_cents(175)),
                Citation::act(DIGNITA)
                    .implemented_by("INPS circ. 103/2018")
                    .reading("R-FEES: 1,75 per mandato"),
            ),
        ],
        funding_channels: vec![
            Dated::new(
                REGIME_START,
                FundingChannels {
                    channels: vec![FundingChannel::F24Elide],
                    f24_causali: false,
                },
                Citation::art54bis("10").implemented_by("INPS circ. 107/2017"),
            ),
            // Electronic payment on the platform came with INPS msg 3177 of 31/7/2017, the
            // message that also admitted the intermediaries (`law::sources`); no source dates the
            // channel earlier, so it starts on that day (fewer channels before it).
            Dated::new(
                date!(2017 - 07 - 31),
                FundingChannels {
                    channels: vec![FundingChannel::F24Elide, FundingChannel::PlatformElectronic],
                    f24_causali: false,
                },
                Citation::art54bis("10")
                    .implemented_by("INPS circ. 107/2017; INPS msg 3177 of 31/7/2017"),
            ),
            Dated::new(
                date!(2023 - 12 - 06),
                // LF-FUNDING attributes the causali LIFA / CLOC to this message only.
                FundingChannels {
                    channels: vec![FundingChannel::F24Elide, FundingChannel::PagoPa],
                    f24_causali: true,
                },
                Citation::act("INPS msg 4380 of 6/12/2023"),
            ),
        ],
        fine: one(
            FineRule {
                min: Euro::from_euros(500),
                max: Euro::from_euros(2_500),
                reduced: Euro::from_cents(83_333),
                unit: FineUnit::PerDay,
            },
            Citation::art54bis("20")
                .implemented_by("INL circ. 5/2017; INL nota 7427/2017; art. 16 L. 689/1981")
                .reading("R-FINE-PER-DAY: per working day, reduced payment 833,33"),
        ),
        false_self_certification_exempts: vec![
            Dated::new(REGIME_START, false, Citation::art54bis("20")),
            Dated::new(
                date!(2018 - 08 - 12),
                true,
                Citation::art54bis("20")
                    .amended_by(DIGNITA)
                    .implemented_by("INPS circ. 103/2018"),
            ),
        ],
        comma5_months: one(
            6,
            Citation::art54bis("5")
                .implemented_by("INPS circ. 107/2017")
                .reading("R-SIX-MONTHS: up to the same calendar day 6 months after the end"),
        ),
        minimum_age: one(
            16,
            Citation::act("L. 977/1967 art. 3; L. 296/2006 art. 1 c. 622")
                .reading("R-MINORS: at least 16 on the day of the prestazione"),
        ),
        parental_consent_below_age: one(
            18,
            // No act: the consent is the voucher era's practice (parental authorisation from
            // 16); L. 977/1967 sets the minimum age, not the consent.
            Citation::act("voucher-era practice of parental authorisation, no INPS instruction")
                .reading("R-MINORS: under 18 the registration records parental consent"),
        ),
        intermediary_scopes: vec![
            Dated::new(
                REGIME_START,
                Vec::new(),
                Citation::act("INPS circ. 107/2017 (REG-INTERMEDIARI)").implemented_by(
                    "no intermediaries until INPS msg 3177 of 31/7/2017",
                ),
            ),
            Dated::new(
                date!(2017 - 07 - 31),
                intermediaries_2017(),
                Citation::act("INPS msg 3177 of 31/7/2017 (REG-INTERMEDIARI)")
                    .implemented_by("L. 12/1979 professionals and service centres for prestatori and utilizzatori; L. 152/2001 patronati only for prestatori and LF utilizzatori")
                    .reading("R-INTERMEDIARIES-2017: for prestatori from msg 3177/2017, unchanged by the portal of INPS msg 3932 of 24/12/2025"),
            ),
        ],
        delega_retention_years: one(
            5,
            Citation::act("INPS msg 3177 of 31/7/2017 (REG-INTERMEDIARI)")
                .implemented_by("kept for the validity of the delega plus 5 years"),
        ),
        access_credentials: vec![
            Dated::new(
                REGIME_START,
                vec![Credential::InpsPin, Credential::Spid, Credential::Cns],
                Citation::act("INPS circ. 107/2017 (REG-AUTH)")
                    .implemented_by("INPS PIN, or SPID/CNS")
                    .reading("R-CREDENTIALS-2021: CIE and eIDAS only from 1/10/2021"),
            ),
            Dated::new(
                date!(2021 - 10 - 01),
                vec![
                    Credential::Spid,
                    Credential::Cie,
                    Credential::Cns,
                    Credential::Eidas,
                ],
                Citation::act("INPS msg 4360/2024; INPS msg 3932 of 24/12/2025 (REG-AUTH)")
                    .implemented_by("INPS PIN retired on 1/10/2021; SPID, CIE, CNS or eIDAS"),
            ),
        ],
        spid_min_level: one(
            2,
            Citation::act("INPS msg 4360/2024; INPS msg 3932 of 24/12/2025 (REG-AUTH)")
                .implemented_by("SPID level 2 or higher"),
        ),
        // The EU summer-time rule, applied in Italy since 1996 and in force for the whole regime.
        civil_time: one(
            ClockRule::EuSummerTime {
                standard: time::macros::offset!(+1),
                summer: time::macros::offset!(+2),
            },
            Citation::act("Directive 2000/84/EC arts. 1-4").reading(
                "R-CIVIL-TIME: every calendar rule is Italian civil time, CET (UTC+1) and CEST (UTC+2)",
            ),
        ),
    }
}

/// The intermediary pairs of INPS msg 3177 of 31/7/2017: L. 12/1979 professionals and service
/// centres "in nome e per conto dell'utilizzatore e/o del prestatore" (LF and CPO utilizzatori and
/// prestatori), patronati (L. 152/2001) for prestatori and LF utilizzatori only (reading
/// R-INTERMEDIARIES-2017). The January 2026 portal (INPS msg 3932 of 24/12/2025) adds a section for
/// intermediaries of the Libretto Famiglia, not a new scope.
fn intermediaries_2017() -> Vec<IntermediaryScope> {
    let mut scopes = Vec::new();
    for intermediario in [
        IntermediarioKind::ConsulenteDelLavoro,
        IntermediarioKind::DottoreCommercialista,
        IntermediarioKind::Avvocato,
        IntermediarioKind::CentroServizi,
    ] {
        for delegante in [
            DeleganteKind::Prestatore,
            DeleganteKind::UtilizzatoreLf,
            DeleganteKind::UtilizzatoreCpo,
        ] {
            scopes.push(IntermediaryScope {
                intermediario,
                delegante,
            });
        }
    }
    for delegante in [DeleganteKind::Prestatore, DeleganteKind::UtilizzatoreLf] {
        scopes.push(IntermediaryScope {
            intermediario: IntermediarioKind::Patronato,
            delegante,
        });
    }
    scopes.sort_unstable();
    scopes
}
