//! The embedded rules table against the legal reference (`law`): every number, its date and its citation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AgricultureRule, Citation, Dated, Euro, FundingChannel, OneriBase, REGIME_START, Rules,
    RulesError, RulesTable, Sector, WindowSector,
};
use rust_decimal::Decimal;
use time::Date;
use time::macros::date;

fn on(d: Date) -> &'static Rules {
    Rules::in_force_on(d).unwrap()
}

/// Source: `law::sources` (art. 54-bis in force 24/6/2017); the voucher era is out of scope.
#[test]
fn regime_starts_on_24_june_2017() {
    assert_eq!(REGIME_START, date!(2017 - 06 - 24));
    assert!(Rules::in_force_on(date!(2017 - 06 - 24)).is_ok());
    assert_eq!(
        Rules::in_force_on(date!(2017 - 06 - 23)),
        Err(RulesError::BeforeRegime {
            date: date!(2017 - 06 - 23),
            start: date!(2017 - 06 - 24)
        })
    );
}

/// The versions are sorted, contiguous (each ends the day before the next starts) and the last
/// is open-ended.
#[test]
fn versions_are_sorted_and_contiguous() {
    let history = Rules::history();
    assert_eq!(history.first().unwrap().valid_from(), REGIME_START);
    for pair in history.windows(2) {
        assert!(pair[0].valid_from() < pair[1].valid_from());
        assert_eq!(pair[0].valid_until(), pair[1].valid_from().previous_day());
        assert_ne!(pair[0], pair[1]);
    }
    assert_eq!(history.last().unwrap().valid_until(), None);
}

/// Every embedded row starts on a strictly later day than the previous one, every series starts
/// on 24/6/2017, and rebuilding the table from its rows gives the same table.
#[test]
fn embedded_rows_rebuild_to_the_same_table() {
    let table = RulesTable::embedded();
    let rebuilt = table.to_builder().build().unwrap();
    assert_eq!(&rebuilt, table);
    assert_eq!(table.start(), REGIME_START);
}

/// The change days of the embedded table are exactly the effective dates of the acts in `law::sources`.
#[test]
fn change_days_are_the_effective_dates_of_the_law() {
    let days: Vec<Date> = Rules::history().iter().map(Rules::valid_from).collect();
    assert_eq!(
        days,
        vec![
            date!(2017 - 06 - 24), // L. 96/2017
            date!(2017 - 07 - 31), // INPS msg 3177/2017, intermediaries
            date!(2017 - 09 - 25), // INPS msg 3662/2017, agricultural 3-day window
            date!(2018 - 01 - 01), // L. 205/2017, stewards
            date!(2018 - 08 - 12), // D.L. 87/2018
            date!(2021 - 10 - 01), // INPS PIN retired (REG-AUTH)
            date!(2023 - 01 - 01), // L. 197/2022
            date!(2023 - 01 - 27), // INPS msg 410/2023
            date!(2023 - 05 - 05), // D.L. 48/2023
            date!(2023 - 12 - 06), // INPS msg 4380/2023
        ]
    );
}

/// Source: CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL, CAP-UTILIZZATORE-EVENTS,
/// CAP-PAIR, CAP-STEWARD.
#[test]
fn caps() {
    for d in [
        date!(2017 - 06 - 24),
        date!(2022 - 12 - 31),
        date!(2026 - 03 - 07),
    ] {
        assert_eq!(on(d).cap_prestatore.value, Euro::from_euros(5_000));
        assert_eq!(on(d).cap_pair.value, Euro::from_euros(2_500));
    }
    assert_eq!(
        on(date!(2022 - 12 - 31)).cap_utilizzatore.value,
        Euro::from_euros(5_000)
    );
    assert_eq!(
        on(date!(2023 - 01 - 01)).cap_utilizzatore.value,
        Euro::from_euros(10_000)
    );
    assert_eq!(
        on(date!(2023 - 05 - 04)).cap_utilizzatore_events.value,
        None
    );
    assert_eq!(
        on(date!(2023 - 05 - 05)).cap_utilizzatore_events.value,
        Some(Euro::from_euros(15_000))
    );
    assert_eq!(on(date!(2017 - 12 - 31)).cap_steward.value, None);
    assert_eq!(
        on(date!(2018 - 01 - 01)).cap_steward.value,
        Some(Euro::from_euros(5_000))
    );
    assert!(
        on(date!(2026 - 01 - 01))
            .steward_counts_toward_cap_prestatore
            .value
    );
    assert_eq!(
        on(date!(2026 - 01 - 01)).special_category_weight.value,
        Decimal::new(75, 2)
    );
    assert_eq!(on(date!(2026 - 01 - 01)).student_age_limit.value, 25);
}

/// Source: HOURS-280, LF-TITOLO (E1), CPO-MIN-PAY, CPO-CONTRIB, reading R-ONERI-BASE, R-HOURS-LF.
#[test]
fn hours_titolo_pay_and_contributions() {
    let r = on(date!(2026 - 03 - 07));
    assert_eq!(r.hours_per_pair.value, 280);
    assert!(r.hours_limit_applies_to_lf.value);
    let t = &r.lf_titolo.value;
    assert_eq!(
        (t.value, t.compenso, t.ivs, t.inail, t.oneri, t.max_minutes),
        (
            Euro::from_cents(1000),
            Euro::from_cents(800),
            Euro::from_cents(165),
            Euro::from_cents(25),
            Euro::from_cents(10),
            60
        )
    );
    assert_eq!(r.cpo_min_hourly.value, Euro::from_euros(9));
    assert_eq!(r.cpo_min_daily.value.amount, Euro::from_euros(36));
    assert_eq!(r.cpo_min_daily.value.max_continuous_hours, 4);
    assert_eq!(r.cpo_ivs_rate.value, Decimal::new(33, 2));
    assert_eq!(r.cpo_inail_rate.value, Decimal::new(35, 3));
    assert_eq!(r.cpo_oneri_rate.value, Decimal::new(1, 2));
    assert_eq!(r.cpo_oneri_base.value, OneriBase::AmountPaidIn);
}

/// Source: PROHIB-SIZE, PROHIB-AGRI, CPO-AGRI-PAY (E10).
#[test]
fn headcount_and_agriculture() {
    assert_eq!(on(date!(2022 - 12 - 31)).headcount_limit.value, 5);
    assert_eq!(on(date!(2023 - 01 - 01)).headcount_limit.value, 10);
    assert_eq!(on(date!(2018 - 08 - 11)).headcount_limit_hotels.value, None);
    let hotels = on(date!(2018 - 08 - 12))
        .headcount_limit_hotels
        .value
        .unwrap();
    assert_eq!(hotels.headcount_limit, 8);
    assert!(hotels.requires_special_category);
    assert!(
        on(date!(2022 - 12 - 31))
            .headcount_limit_hotels
            .value
            .is_some()
    );
    assert_eq!(on(date!(2023 - 01 - 01)).headcount_limit_hotels.value, None);
    assert_eq!(on(date!(2023 - 05 - 04)).headcount_limit_events.value, None);
    assert_eq!(
        on(date!(2023 - 05 - 05)).headcount_limit_events.value,
        Some(25)
    );
    assert_eq!(
        on(date!(2022 - 12 - 31)).agriculture.value,
        AgricultureRule::AllowedWithConditions
    );
    assert_eq!(
        on(date!(2023 - 01 - 01)).agriculture.value,
        AgricultureRule::Banned
    );
    let rates = on(date!(2017 - 07 - 10))
        .agriculture_hourly_rates
        .value
        .unwrap();
    assert_eq!(
        (rates.area1, rates.area2, rates.area3),
        (
            Euro::from_cents(965),
            Euro::from_cents(880),
            Euro::from_cents(656)
        )
    );
    assert_eq!(
        on(date!(2023 - 01 - 01)).agriculture_hourly_rates.value,
        None
    );
}

/// Source: CPO-COMM, CPO-WINDOW (reading R-NO-WINDOW-2023), CPO-REVOCA (R-REVOCA), LF-COMM (R-LF-COMM), CPO-PAY
/// (R-PAYMENT-DAY).
#[test]
fn deadlines_and_windows() {
    let r = on(date!(2026 - 03 - 07));
    assert_eq!(r.cpo_notice_minutes.value, 60);
    assert_eq!(r.revoca_days.value, 3);
    assert_eq!(r.lf_communication_day.value, 3);
    assert_eq!(r.payment_day.value, 15);
    assert_eq!(r.cpo_window.value, None);
    assert_eq!(on(date!(2017 - 09 - 24)).cpo_window.value, None);
    let agri = on(date!(2017 - 09 - 25)).cpo_window.value.clone().unwrap();
    assert_eq!(
        (agri.days, agri.sectors),
        (3, vec![WindowSector::Agriculture])
    );
    let dignita = on(date!(2018 - 08 - 12)).cpo_window.value.clone().unwrap();
    assert_eq!(dignita.days, 10);
    assert_eq!(
        dignita.sectors,
        vec![
            WindowSector::Agriculture,
            WindowSector::Hotels,
            WindowSector::EntiLocali
        ]
    );
    assert_eq!(
        on(date!(2018 - 08 - 11)).post_office_mandate_days.value,
        None
    );
    assert_eq!(
        on(date!(2018 - 08 - 12)).post_office_mandate_days.value,
        Some(15)
    );
}

/// Source: PAY-MODES, E8, reading R-FEES; LF-FUNDING (msg 4380/2023).
#[test]
fn fees_and_funding() {
    assert_eq!(on(date!(2026 - 03 - 07)).fee_iban.value, Euro::ZERO);
    assert_eq!(
        on(date!(2023 - 01 - 26)).fee_bonifico_domiciliato.value,
        Euro::from_cents(260)
    );
    assert_eq!(
        on(date!(2023 - 01 - 27)).fee_bonifico_domiciliato.value,
        Euro::from_cents(384)
    );
    assert_eq!(on(date!(2018 - 08 - 11)).fee_post_office.value, None);
    assert_eq!(
        on(date!(2018 - 08 - 12)).fee_post_office.value,
        Some(Euro::from_cents(175))
    );
    assert!(
        !on(date!(2023 - 12 - 05))
            .funding_channels
            .value
            .contains(FundingChannel::PagoPa)
    );
    assert_eq!(
        on(date!(2023 - 12 - 06)).funding_channels.value.channels,
        vec![FundingChannel::F24Elide, FundingChannel::PagoPa]
    );
    // Electronic payment on the platform from INPS msg 3177 of 31/7/2017 , the
    // message's own day, not before it.
    assert_eq!(
        on(date!(2017 - 07 - 30)).funding_channels.value.channels,
        vec![FundingChannel::F24Elide]
    );
    assert_eq!(
        on(date!(2017 - 07 - 31)).funding_channels.value.channels,
        vec![FundingChannel::F24Elide, FundingChannel::PlatformElectronic]
    );
    assert!(
        on(date!(2017 - 07 - 31))
            .funding_channels
            .citation
            .to_string()
            .contains("INPS msg 3177 of 31/7/2017")
    );
}

/// Source: LF-FUNDING, CPO-FUNDING: F24 ELIDE from 2017; the causali LIFA / CLOC are
/// attributed only to INPS msg 4380 of 6/12/2023, so only that row's text names them.
#[test]
fn funding_channels_name_the_causali_only_from_msg_4380() {
    let described = |d: Date| {
        on(d)
            .parameters()
            .into_iter()
            .find(|p| p.name == "funding_channels")
            .map(|p| p.value)
            .unwrap()
    };
    assert_eq!(described(date!(2017 - 07 - 30)), "F24 ELIDE");
    assert_eq!(
        described(date!(2023 - 12 - 05)),
        "F24 ELIDE, electronic payment on the INPS platform"
    );
    assert_eq!(
        described(date!(2023 - 12 - 06)),
        "F24 ELIDE (causale LIFA for the LF, CLOC for the CPO), pagoPA"
    );
    assert!(!on(date!(2023 - 12 - 05)).funding_channels.value.f24_causali);
    assert!(on(date!(2023 - 12 - 06)).funding_channels.value.f24_causali);
}

/// Source: SANCT-ADMIN, E9 (833,33 = min(2 x 500, 2.500 / 3)), reading R-FINE-PER-DAY; PROHIB-PRIOR;
/// ELIG-AGE (R-MINORS).
#[test]
fn sanctions_and_eligibility() {
    let r = on(date!(2026 - 03 - 07));
    let fine = r.fine.value;
    assert_eq!(fine.min, Euro::from_euros(500));
    assert_eq!(fine.max, Euro::from_euros(2_500));
    let two_min = Decimal::from(2) * fine.min.as_decimal();
    let third_max = fine.max.as_decimal() / Decimal::from(3);
    assert_eq!(
        fine.reduced,
        Euro::round_half_away_from_zero(two_min.min(third_max)).unwrap()
    );
    assert_eq!(fine.reduced, Euro::from_cents(83_333));
    assert!(
        !on(date!(2018 - 08 - 11))
            .false_self_certification_exempts
            .value
    );
    assert!(
        on(date!(2018 - 08 - 12))
            .false_self_certification_exempts
            .value
    );
    assert_eq!(r.comma5_months.value, 6);
    assert_eq!(r.minimum_age.value, 16);
    assert_eq!(r.parental_consent_below_age.value, 18);
}

/// The LF titolo split sums to its value in every version (LF-TITOLO).
#[test]
fn titolo_split_sums_in_every_version() {
    for rules in Rules::history() {
        let t = &rules.lf_titolo.value;
        assert_eq!(
            Euro::checked_sum([t.compenso, t.ivs, t.inail, t.oneri]),
            Some(t.value)
        );
    }
}

/// Every parameter of every version carries a citation naming an act.
#[test]
fn every_parameter_is_cited() {
    for rules in Rules::history() {
        let parameters = rules.parameters();
        assert_eq!(parameters.len(), 43);
        for p in parameters {
            assert!(!p.citation.act.is_empty(), "{} has no act", p.name);
            assert!(!p.value.is_empty(), "{} has no value", p.name);
        }
    }
}

/// Rates are shown as percentages with the Italian decimal comma, as every amount the crate
/// prints.
#[test]
fn rates_are_shown_with_a_decimal_comma() {
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    let value = |name: &str| {
        rules
            .parameters()
            .into_iter()
            .find(|p| p.name == name)
            .map(|p| p.value)
            .unwrap()
    };
    assert_eq!(value("cpo_inail_rate"), "3,5%");
    assert_eq!(value("cpo_ivs_rate"), "33%");
    assert_eq!(value("special_category_weight"), "75%");
}

/// A reading is rendered as "reading R-...: statement": its id must be one of the readings of the
/// crate's legal reference (`law::readings`), never an open question or anything else.
#[test]
fn every_reading_names_a_reading_of_the_legal_reference() {
    let readings = include_str!("../docs/law/readings.md");
    for rules in Rules::history() {
        for p in rules.parameters() {
            if let Some(reading) = &p.citation.reading {
                let id = reading.split(':').next().unwrap_or_default();
                assert!(
                    id.starts_with("R-") && readings.contains(&format!("## {id}\n")),
                    "{} from {}: reading {reading:?} is not a reading of `law::readings`",
                    p.name,
                    rules.valid_from()
                );
            }
        }
    }
}

#[test]
fn citations_render_with_amending_act_and_reading() {
    let r = on(date!(2023 - 01 - 01));
    assert_eq!(
        r.headcount_limit.citation.to_string(),
        "art. 54-bis c. 14 lett. a D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342; INPS circ. 6/2023; reading R-HEADCOUNT: semester average, more than N bars CPO"
    );
    assert_eq!(
        r.cap_pair.citation.to_string(),
        "art. 54-bis c. 1 lett. c D.L. 50/2017"
    );
}

fn citation() -> Citation {
    Citation::act("test")
}

#[test]
fn invalid_tables_are_refused_with_the_series_named() {
    let base = || RulesTable::embedded().to_builder();

    let mut b = base();
    b.cap_pair.clear();
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series cap_pair has no rows"
    );

    let mut b = base();
    b.cap_utilizzatore.push(Dated::new(
        date!(2020 - 01 - 01),
        Euro::from_euros(1),
        citation(),
    ));
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series cap_utilizzatore has a row from 2020-01-01 after a row from 2023-01-01: rows must start on strictly increasing days"
    );

    let mut b = base();
    b.cap_utilizzatore.push(Dated::new(
        date!(2023 - 01 - 01),
        Euro::from_euros(1),
        citation(),
    ));
    assert!(matches!(b.build(), Err(RulesError::Unsorted { .. })));

    let mut b = base();
    b.cap_pair[0].value = Euro::ZERO;
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series cap_pair, row from 2017-06-24: must be greater than zero"
    );

    let mut b = base();
    b.lf_titolo[0].value.oneri = Euro::from_cents(11);
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series lf_titolo, row from 2017-06-24: split 8,00 € + 1,65 € + 0,25 € + 0,11 € does not sum to the titolo value 10,00 €"
    );

    let mut b = base();
    b.cpo_ivs_rate[0].value = Decimal::new(15, 1);
    assert!(matches!(b.build(), Err(RulesError::InvalidValue { .. })));

    let mut b = base();
    b.special_category_weight[0].value = Decimal::ZERO;
    assert!(matches!(b.build(), Err(RulesError::InvalidValue { .. })));

    let mut b = base();
    b.payment_day[0].value = 31;
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series payment_day, row from 2017-06-24: day 31 is not a day every month has (1 to 28)"
    );

    let mut b = base();
    b.fine[0].value.min = Euro::from_euros(3_000);
    assert!(matches!(b.build(), Err(RulesError::InvalidValue { .. })));

    let mut b = base();
    b.cap_pair[0].from = date!(2018 - 01 - 01);
    assert_eq!(
        b.build().unwrap_err().to_string(),
        "rules table: series cap_pair starts on 2018-01-01, not on the table start 2017-06-24"
    );
}

/// A count the crate turns into dates or durations is bounded, so that a table the checks accept
/// never makes a later operation overflow (an hour limit of `u32::MAX` made every `record` fail).
#[test]
fn counts_are_bounded_so_that_no_operation_overflows() {
    let base = || RulesTable::embedded().to_builder();
    let refused =
        |b: prestazioni_occasionali::RulesTableBuilder| b.build().unwrap_err().to_string();

    let mut b = base();
    b.hours_per_pair[0].value = u32::MAX;
    assert_eq!(
        refused(b),
        "rules table: series hours_per_pair, row from 2017-06-24: 4294967295 hours is more than 8784"
    );
    let mut b = base();
    b.hours_per_pair[0].value = 8_784;
    let table = b.build().unwrap();
    assert_eq!(
        table
            .in_force_on(date!(2017 - 07 - 01))
            .unwrap()
            .hours_per_pair
            .value,
        8_784
    );

    let mut b = base();
    b.revoca_days[0].value = 367;
    assert_eq!(
        refused(b),
        "rules table: series revoca_days, row from 2017-06-24: 367 days is more than 366"
    );
    let mut b = base();
    b.cpo_notice_minutes[0].value = 366 * 24 * 60 + 1;
    assert!(refused(b).contains("527041 minutes is more than 527040"));
    let mut b = base();
    b.comma5_months[0].value = 1_201;
    assert!(refused(b).contains("1201 months is more than 1200"));
    let mut b = base();
    b.minimum_age[0].value = 151;
    assert!(refused(b).contains("151 years of age is more than 150"));
    let mut b = base();
    b.delega_retention_years[0].value = 101;
    assert!(refused(b).contains("101 years is more than 100"));
    let mut b = base();
    b.lf_titolo[0].value.max_minutes = 24 * 60 + 1;
    assert!(refused(b).contains("1441 minutes is more than 1440"));
    let mut b = base();
    b.spid_min_level[0].value = 4;
    assert_eq!(
        refused(b),
        "rules table: series spid_min_level, row from 2017-06-24: level 4 is not a SPID level (1 to 3)"
    );
}

/// A host applies a law change before a crate release: a new dated row.
#[test]
fn host_adds_a_dated_row() {
    let mut b = RulesTable::embedded().to_builder();
    b.cap_utilizzatore.push(Dated::new(
        date!(2027 - 01 - 01),
        Euro::from_euros(12_000),
        citation(),
    ));
    let table = b.build().unwrap();
    assert_eq!(
        table
            .in_force_on(date!(2026 - 12 - 31))
            .unwrap()
            .cap_utilizzatore
            .value,
        Euro::from_euros(10_000)
    );
    let v2027 = table.in_force_on(date!(2027 - 06 - 01)).unwrap();
    assert_eq!(v2027.cap_utilizzatore.value, Euro::from_euros(12_000));
    assert_eq!(v2027.cap_utilizzatore.citation, citation());
    assert_eq!(
        table.versions().len(),
        RulesTable::embedded().versions().len() + 1
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_and_validation() {
    let table = RulesTable::embedded();
    let json = serde_json::to_string(table).unwrap();
    assert!(json.contains("\"cap_pair\":[{\"from\":\"2017-06-24\",\"value\":\"2500.00\""));
    let back: RulesTable = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, table);

    // An invalid table cannot be deserialised.
    let broken = json.replacen("\"value\":\"2500.00\"", "\"value\":\"0\"", 1);
    let err = serde_json::from_str::<RulesTable>(&broken).unwrap_err();
    assert!(
        err.to_string()
            .contains("series cap_pair, row from 2017-06-24: must be greater than zero"),
        "{err}"
    );
    // Nor a negative amount, nor a float.
    let negative = json.replacen("\"value\":\"2500.00\"", "\"value\":\"-2500.00\"", 1);
    assert!(serde_json::from_str::<RulesTable>(&negative).is_err());
    let float = json.replacen("\"value\":\"2500.00\"", "\"value\":2500.0", 1);
    assert!(serde_json::from_str::<RulesTable>(&float).is_err());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every day from the regime start has exactly one version, and it is the one whose
        /// period contains the day.
        #[test]
        fn every_day_has_its_version(offset in 0i64..(366 * 30)) {
            let day = REGIME_START + time::Duration::days(offset);
            let rules = Rules::in_force_on(day).unwrap();
            prop_assert!(rules.valid_from() <= day);
            prop_assert!(rules.valid_until().is_none_or(|until| day <= until));
        }

        #[test]
        fn every_day_before_the_regime_is_refused(offset in 1i64..(366 * 200)) {
            let day = REGIME_START - time::Duration::days(offset);
            let refused = matches!(Rules::in_force_on(day), Err(RulesError::BeforeRegime { .. }));
            prop_assert!(refused);
        }
    }
}

/// Source: PROHIB-SECTORS (c. 14 lett. c, unchanged since 2017).
#[test]
fn prohibited_sectors() {
    for d in [date!(2017 - 06 - 24), date!(2026 - 03 - 07)] {
        assert_eq!(
            on(d).prohibited_sectors.value,
            vec![Sector::Construction, Sector::StoneWorking, Sector::Mining]
        );
    }
}

/// Source: REG-INTERMEDIARI and reading R-INTERMEDIARIES-2017 (none before msg 3177 of 31/7/2017;
/// from then L. 12/1979 professionals and service centres for prestatori and utilizzatori,
/// patronati only for prestatori and LF utilizzatori; the January 2026 portal of msg 3932/2025
/// changes no scope; kept for validity plus 5 years).
#[test]
fn intermediary_scopes_by_date() {
    use prestazioni_occasionali::{DeleganteKind as D, IntermediarioKind as I, IntermediaryScope};
    let may = |day: Date, intermediario, delegante| {
        on(day)
            .intermediary_scopes
            .value
            .contains(&IntermediaryScope {
                intermediario,
                delegante,
            })
    };
    assert!(
        on(date!(2017 - 07 - 30))
            .intermediary_scopes
            .value
            .is_empty()
    );
    for day in [
        date!(2017 - 07 - 31),
        date!(2025 - 12 - 31),
        date!(2026 - 03 - 07),
    ] {
        for professional in [
            I::ConsulenteDelLavoro,
            I::DottoreCommercialista,
            I::Avvocato,
            I::CentroServizi,
        ] {
            for delegante in [D::Prestatore, D::UtilizzatoreLf, D::UtilizzatoreCpo] {
                assert!(
                    may(day, professional, delegante),
                    "{day} {professional:?} {delegante:?}"
                );
            }
        }
        assert!(may(day, I::Patronato, D::Prestatore));
        assert!(may(day, I::Patronato, D::UtilizzatoreLf));
        assert!(!may(day, I::Patronato, D::UtilizzatoreCpo));
    }
    assert_eq!(
        on(date!(2017 - 07 - 31)).intermediary_scopes,
        on(date!(2026 - 03 - 07)).intermediary_scopes
    );
    assert!(
        on(date!(2026 - 03 - 07))
            .intermediary_scopes
            .citation
            .to_string()
            .contains("reading R-INTERMEDIARIES-2017")
    );
    assert_eq!(on(date!(2026 - 01 - 01)).delega_retention_years.value, 5);
}

/// Source: REG-AUTH (INPS PIN, or SPID/CNS, until 30/9/2021; SPID level 2 or higher, CIE,
/// CNS or eIDAS from 1/10/2021).
#[test]
fn access_credentials_by_date() {
    use prestazioni_occasionali::Credential as C;
    assert_eq!(
        on(date!(2021 - 09 - 30)).access_credentials.value,
        vec![C::InpsPin, C::Spid, C::Cns]
    );
    assert_eq!(
        on(date!(2021 - 10 - 01)).access_credentials.value,
        vec![C::Spid, C::Cie, C::Cns, C::Eidas]
    );
    assert_eq!(on(date!(2026 - 01 - 01)).spid_min_level.value, 2);
    let described = on(date!(2017 - 07 - 01))
        .parameters()
        .into_iter()
        .find(|p| p.name == "intermediary_scopes")
        .unwrap()
        .value;
    assert_eq!(described, "none");
}

/// `n` rows of cap a, one a day from the start of the regime.
fn daily_rows(n: i64) -> Vec<prestazioni_occasionali::Dated<prestazioni_occasionali::Euro>> {
    (0..n)
        .map(|i| {
            prestazioni_occasionali::Dated::new(
                date!(2017 - 06 - 24) + time::Duration::days(i),
                prestazioni_occasionali::Euro::from_euros(5_000),
                prestazioni_occasionali::Citation::art54bis("1"),
            )
        })
        .collect()
}

/// Source: issue "nothing impossible gets in": a rules table of 50.000 rows of one parameter
/// took 7,8 s and 716 MB to load (each change day a version holding every parameter). A table
/// holds at most `MAX_ROWS_PER_SERIES` rows a series and `MAX_VERSIONS` change days, far above
/// any real one; past them it is refused, naming the series, the count and the bound, before a
/// version is built.
#[test]
fn an_oversized_table_is_refused_with_its_bound() {
    let mut huge = RulesTable::embedded().to_builder();
    huge.cap_prestatore = daily_rows(50_000);
    assert_eq!(
        huge.clone().build().unwrap_err().to_string(),
        "rules table: series cap_prestatore has 50000 rows, more than the 64 a table may hold"
    );
    // At the bound a series is accepted.
    let mut most = RulesTable::embedded().to_builder();
    most.cap_prestatore = daily_rows(64);
    assert!(most.build().is_ok());
    // 64 rows in each of three series, on different days: too many versions.
    let mut many = RulesTable::embedded().to_builder();
    many.cap_prestatore = daily_rows(64);
    many.cap_pair = daily_rows(64)
        .into_iter()
        .enumerate()
        .map(|(i, mut row)| {
            row.from = date!(2019 - 01 - 01) + time::Duration::days(i64::try_from(i).unwrap());
            row
        })
        .collect();
    many.cap_pair[0].from = date!(2017 - 06 - 24);
    many.cap_utilizzatore = daily_rows(64)
        .into_iter()
        .enumerate()
        .map(|(i, mut row)| {
            row.from = date!(2021 - 01 - 01) + time::Duration::days(i64::try_from(i).unwrap());
            row
        })
        .collect();
    many.cap_utilizzatore[0].from = date!(2017 - 06 - 24);
    let err = many.build().unwrap_err().to_string();
    assert!(
        err.ends_with("days on which a value changes, more than the 128 a table may hold"),
        "{err}"
    );
    // A citation text or a list beyond its bound.
    let mut long = RulesTable::embedded().to_builder();
    long.cap_pair[0].citation.act = "x".repeat(1025).into();
    assert_eq!(
        long.build().unwrap_err().to_string(),
        "rules table: series cap_pair, row from 2017-06-24: a citation text of 1025 bytes, more than the 1024 a citation may hold"
    );
    let mut wide = RulesTable::embedded().to_builder();
    let sectors = wide.prohibited_sectors[0].value.clone();
    wide.prohibited_sectors[0].value = sectors.iter().copied().cycle().take(65).collect();
    assert_eq!(
        wide.build().unwrap_err().to_string(),
        "rules table: series prohibited_sectors, row from 2017-06-24: the value holds 65 items, more than the 64 a row may hold"
    );

    #[cfg(feature = "serde")]
    {
        // The same oversized table as JSON (about 5 MB) is refused as it loads.
        let json = serde_json::to_string(&huge).unwrap();
        assert!(json.len() > 4_000_000, "{}", json.len());
        let err = serde_json::from_str::<RulesTable>(&json).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("rules table: series cap_prestatore has 50000 rows"),
            "{err}"
        );
    }
}
