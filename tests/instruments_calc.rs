//! The computational half of the instruments against the legal reference (`law`): costs (E1-E3), pay floor and work
//! across midnight (E4, R-MIDNIGHT), deadlines (E6, R-PAYMENT-DAY, R-REVOCA, R-LF-COMM), payment fees (E8, R-FEES), funds
//! (LF-FUNDING, CPO-FUNDING), consequences and fines (R-CONSEQUENCES, E9).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AgriculturalArea, Causale, Citation, CodiceFiscale, Consequence, CostBreakdown,
    CpoWindowCommunication, Dated, Euro, FineUnit, FundingChannel, FundsAccount, FundsError,
    FundsEvent, Instrument, InstrumentError, ItalianClock, OneriBase, PaymentError, PaymentMode,
    RuleId, Rules, RulesTable, TopUp, WindowSector, can_revoke, check_cpo_communication,
    check_cpo_pay, cpo_communication_deadline, cpo_minimum_compenso, fine_totals, fine_units,
    lf_communication_deadline, max_cpo_compenso_for_budget, max_lf_titoli_for_budget, net_received,
    payment_date, post_office_collectable_on, revoca_deadline, sanction_for, split_at_midnight,
    titoli_for_minutes,
};
use prestazioni_occasionali::{agricultural_hour_limit, cpo_minimum_compenso_agricultural};
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

fn on(d: Date) -> &'static Rules {
    Rules::in_force_on(d).unwrap()
}

fn today() -> &'static Rules {
    on(date!(2026 - 03 - 07))
}

fn cents(c: u64) -> Euro {
    Euro::from_cents(c)
}

/// The embedded table with the oneri base of reading `base` from the start.
fn table_with(base: OneriBase) -> RulesTable {
    let mut builder = RulesTable::embedded().to_builder();
    builder.cpo_oneri_base = vec![Dated::new(
        date!(2017 - 06 - 24),
        base,
        Citation::art54bis("13, 15").reading("Q1, test reading"),
    )];
    builder.build().unwrap()
}

fn parts(c: &CostBreakdown) -> [Euro; 5] {
    [c.compenso, c.ivs, c.inail, c.oneri, c.total]
}

// ---------------------------------------------------------------- E1: Libretto Famiglia

/// Source: worked example E1 (circ. 107/2017 via studiofenu 2024): 10,00 = 8,00 + 1,65 + 0,25 + 0,10;
/// 3 titoli cost 30,00 and pay the prestatore 24,00.
#[test]
fn e1_three_titoli() {
    let one = CostBreakdown::lf(1, today()).unwrap();
    assert_eq!(
        parts(&one),
        [cents(800), cents(165), cents(25), cents(10), cents(1000)]
    );
    let three = CostBreakdown::lf(3, today()).unwrap();
    assert_eq!(three.total, Euro::from_euros(30));
    assert_eq!(three.compenso, Euro::from_euros(24));
    assert_eq!(max_lf_titoli_for_budget(Euro::from_euros(30), today()), 3);
    assert_eq!(max_lf_titoli_for_budget(cents(2999), today()), 2);
    assert_eq!(max_lf_titoli_for_budget(Euro::ZERO, today()), 0);
}

/// Source: worked example E1 (1 h 20 min needs 2 titoli: indivisible, each ≤ 1 h) and LF-TITOLO.
#[test]
fn e1_titoli_for_minutes() {
    let t = |m| titoli_for_minutes(m, today()).unwrap();
    assert_eq!(
        (t(1), t(60), t(61), t(80), t(180), t(181)),
        (1, 1, 2, 2, 3, 4)
    );
    assert_eq!(
        titoli_for_minutes(0, today()),
        Err(InstrumentError::ZeroMinutes)
    );
    assert_eq!(
        titoli_for_minutes(0, today()).unwrap_err().to_string(),
        "minutes is 0: a prestazione lasts at least one minute"
    );
    assert_eq!(
        titoli_for_minutes(u32::MAX, today()).unwrap(),
        u32::MAX.div_ceil(60)
    );
}

// ---------------------------------------------------------------- E2, E3: CPO cost

/// Source: worked example E2 (Il Sole 24 Ore 8/8/2017; BAL2025): one hour at 9,00 costs 12,41 under
/// reading R-ONERI-BASE (1% of the amount paid in): 9,00 + 2,97 + 0,32 + 0,12.
#[test]
fn e2_one_hour_amount_paid_in() {
    let c = CostBreakdown::cpo(Euro::from_euros(9), today()).unwrap();
    assert_eq!(
        parts(&c),
        [cents(900), cents(297), cents(32), cents(12), cents(1241)]
    );
}

/// Source: worked example E2 ("the 12,41 figure is also what 1% of the subtotal gives").
#[test]
fn e2_one_hour_subtotal() {
    let table = table_with(OneriBase::Subtotal);
    let c = CostBreakdown::cpo(
        Euro::from_euros(9),
        table.in_force_on(date!(2026 - 03 - 07)).unwrap(),
    )
    .unwrap();
    assert_eq!(
        parts(&c),
        [cents(900), cents(297), cents(32), cents(12), cents(1241)]
    );
}

/// Source: worked example E2 (progettogiovanivaldagno, nimbojobs): 1% of the compenso gives the exact
/// 9,00 + 2,97 + 0,315 + 0,09 = 12,375, published (truncated) as 12,37. Under reading R-ONERI-BASE's
/// rounding (each component half away from zero) INAIL is 0,32 and the total 12,38: the crate
/// does not reproduce the published truncation (an open point reported to the maintainers).
#[test]
fn e2_one_hour_compenso_reading() {
    let table = table_with(OneriBase::Compenso);
    let c = CostBreakdown::cpo(
        Euro::from_euros(9),
        table.in_force_on(date!(2026 - 03 - 07)).unwrap(),
    )
    .unwrap();
    assert_eq!(
        parts(&c),
        [cents(900), cents(297), cents(32), cents(9), cents(1238)]
    );
}

/// Source: Guida al Lavoro n. 40 of 13/10/2017 (the contrary evidence recorded in reading
/// R-ONERI-BASE): a 72,00 midnight shift "costs 99,26", 72,00 + 23,76 + 2,52 = 98,28 plus 1% of
/// 98,28. Costed as one amount, the subtotal reading gives those 99,26 and the gross-up 99,27;
/// costed as two days of 36,00 (reading R-MIDNIGHT, as the crate books it) the subtotal reading
/// gives 2 × 49,63 = 99,26 again and the gross-up 2 × 49,64 = 99,28.
#[test]
fn r_oneri_base_midnight_shift_figures() {
    let day = date!(2026 - 03 - 07);
    for (base, one_amount, two_days) in [
        (OneriBase::AmountPaidIn, 9927, 9928),
        (OneriBase::Subtotal, 9926, 9926),
    ] {
        let table = table_with(base);
        let rules = table.in_force_on(day).unwrap();
        let whole = CostBreakdown::cpo(Euro::from_euros(72), rules).unwrap();
        assert_eq!(whole.total, cents(one_amount), "{base:?}");
        assert_eq!((whole.ivs, whole.inail), (cents(2376), cents(252)));
        let per_day = CostBreakdown::cpo(Euro::from_euros(36), rules)
            .unwrap()
            .total;
        assert_eq!(
            per_day.checked_add(per_day),
            Some(cents(two_days)),
            "{base:?}"
        );
    }
}

/// Source: worked example E3 (DERIVED): 36,00 costs 49,64 (1% of the amount paid in), 49,63 (1% of the
/// subtotal), 49,50 (1% of the compenso).
#[test]
fn e3_daily_minimum_all_three_readings() {
    let day = date!(2026 - 03 - 07);
    for (base, oneri, total) in [
        (OneriBase::AmountPaidIn, 50, 4964),
        (OneriBase::Subtotal, 49, 4963),
        (OneriBase::Compenso, 36, 4950),
    ] {
        let table = table_with(base);
        let c = CostBreakdown::cpo(Euro::from_euros(36), table.in_force_on(day).unwrap()).unwrap();
        assert_eq!(
            parts(&c),
            [
                cents(3600),
                cents(1188),
                cents(126),
                cents(oneri),
                cents(total)
            ],
            "{base:?}"
        );
        assert_eq!(
            max_cpo_compenso_for_budget(cents(total), table.in_force_on(day).unwrap()),
            Euro::from_euros(36)
        );
    }
    // The embedded table takes reading R-ONERI-BASE.
    assert_eq!(
        CostBreakdown::cpo(Euro::from_euros(36), today())
            .unwrap()
            .total,
        cents(4964)
    );
}

/// Source: worked example E2, E3 and reading R-ONERI-BASE: the inverse of the cost.
#[test]
fn inverse_budget_examples() {
    assert_eq!(
        max_cpo_compenso_for_budget(cents(1241), today()),
        Euro::from_euros(9)
    );
    assert_eq!(
        max_cpo_compenso_for_budget(cents(1240), today()),
        cents(899)
    );
    assert_eq!(
        max_cpo_compenso_for_budget(cents(4963), today()),
        cents(3599)
    );
    assert_eq!(max_cpo_compenso_for_budget(Euro::ZERO, today()), Euro::ZERO);
    // A budget of 10.000,00 pays at most 7.252,74 of compenso under reading R-ONERI-BASE.
    assert_eq!(
        max_cpo_compenso_for_budget(Euro::from_euros(10_000), today()),
        cents(725_274)
    );
    // 0,01 of compenso costs 0,01: every contribution rounds to zero.
    assert_eq!(max_cpo_compenso_for_budget(cents(1), today()), cents(1));
    // 0,02 costs 0,03 (IVS 0,0066 rounds to 0,01), so 0,02 buys 0,01.
    assert_eq!(max_cpo_compenso_for_budget(cents(2), today()), cents(1));
    let huge = Euro::MAX;
    let c = max_cpo_compenso_for_budget(huge, today());
    assert!(CostBreakdown::cpo(c, today()).unwrap().total <= huge);
}

// ---------------------------------------------------------------- pay floor, E4

/// Source: CPO-MIN-PAY (c. 16, c. 17 lett. e) and E6 (4 h × 9,00 = 36,00).
#[test]
fn cpo_pay_floor() {
    let m = |minutes| cpo_minimum_compenso(minutes, today()).unwrap();
    assert_eq!(
        (m(1), m(60), m(240)),
        (
            Euro::from_euros(36),
            Euro::from_euros(36),
            Euro::from_euros(36)
        )
    );
    assert_eq!(
        (m(241), m(300), m(480)),
        (cents(3615), Euro::from_euros(45), Euro::from_euros(72))
    );
    assert_eq!(
        cpo_minimum_compenso(1501, today()).unwrap_err().to_string(),
        "minutes 1501 exceed the 1500 minutes of the longest calendar day"
    );
    let verdict = check_cpo_pay(cents(3599), 240, today()).unwrap();
    assert_eq!(verdict.breaches.len(), 1);
    let breach = &verdict.breaches[0];
    assert_eq!(breach.rule, RuleId::CpoMinPay);
    assert_eq!(breach.consequence, Consequence::PlatformRefusal);
    assert_eq!(breach.citation, today().cpo_min_daily.citation);
    assert_eq!(
        breach.facts,
        "compenso 35,99 € is below the minimum 36,00 € for a prestazione of 4 h 00 min"
    );
    let long = check_cpo_pay(Euro::from_euros(44), 300, today()).unwrap();
    assert_eq!(long.breaches[0].citation, today().cpo_min_hourly.citation);
    assert!(
        check_cpo_pay(Euro::from_euros(45), 300, today())
            .unwrap()
            .is_lawful()
    );
}

/// Source: worked example E4 ([H17]) and reading R-MIDNIGHT: 22:00-02:00 is two prestazioni, 72,00 in all.
#[test]
fn e4_work_across_midnight() {
    let days = split_at_midnight(
        datetime!(2026-03-07 22:00 +01:00),
        datetime!(2026-03-08 02:00 +01:00),
        RulesTable::embedded(),
    )
    .unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[0].date, date!(2026 - 03 - 07));
    assert_eq!(days[0].start, datetime!(2026-03-07 22:00 +01:00));
    assert_eq!(days[0].end, datetime!(2026-03-08 00:00 +01:00));
    assert_eq!(days[1].date, date!(2026 - 03 - 08));
    assert_eq!(days[1].end, datetime!(2026-03-08 02:00 +01:00));
    assert_eq!((days[0].minutes, days[1].minutes), (120, 120));
    let total = Euro::checked_sum(days.iter().map(|d| d.minimum_compenso)).unwrap();
    assert_eq!(total, Euro::from_euros(72));
}

/// Error messages of the midnight split, pinned.
#[test]
fn split_errors() {
    let t = RulesTable::embedded();
    let err = |a, b| split_at_midnight(a, b, t).unwrap_err().to_string();
    assert_eq!(
        err(
            datetime!(2026-03-07 22:00 +01:00),
            datetime!(2026-03-07 21:00 +01:00)
        ),
        "end 2026-03-07 21:00:00.0 +01:00:00 is not after start 2026-03-07 22:00:00.0 +01:00:00"
    );
    // Start and end in different offsets are fine (they were refused before the crate worked out
    // Italian civil time itself): the night summer time starts is 2 h on the 28th and 3 real hours
    // (00:00-04:00 CEST, 02:00-03:00 skipped) on the 29th.
    let night = split_at_midnight(
        datetime!(2026-03-28 22:00 +01:00),
        datetime!(2026-03-29 04:00 +02:00),
        t,
    )
    .unwrap();
    assert_eq!(
        night
            .iter()
            .map(|d| (d.date, d.minutes))
            .collect::<Vec<_>>(),
        [(date!(2026 - 03 - 28), 120), (date!(2026 - 03 - 29), 180)]
    );
    assert_eq!(
        err(
            datetime!(2026-03-01 08:00 +01:00),
            datetime!(2026-04-01 08:00 +01:00)
        ),
        "a prestazione spanning 32 calendar days is longer than the 31 accepted"
    );
    // 31 calendar days are accepted.
    assert_eq!(
        split_at_midnight(
            datetime!(2026-03-01 08:00 +01:00),
            datetime!(2026-03-31 08:00 +01:00),
            t
        )
        .unwrap()
        .len(),
        31
    );
    assert!(matches!(
        split_at_midnight(
            datetime!(2017-06-23 22:00 +02:00),
            datetime!(2017-06-24 02:00 +02:00),
            t
        ),
        Err(InstrumentError::Rules(_))
    ));
}

// ---------------------------------------------------------------- E6: the calendar

/// Source: worked example E6 (DERIVED from CPO-COMM, CPO-REVOCA, CPO-PAY): 14:00-18:00 on Saturday
/// 7/3/2026: communicate by 13:00, compenso ≥ 36,00, revoca until 10/3/2026, paid by 15/4/2026.
#[test]
fn e6_cpo_calendar() {
    let start = datetime!(2026-03-07 14:00 +01:00);
    let end = datetime!(2026-03-07 18:00 +01:00);
    let rules = today();
    assert_eq!(start.weekday(), time::Weekday::Saturday);
    assert_eq!(
        cpo_communication_deadline(start, rules).unwrap(),
        datetime!(2026-03-07 13:00 +01:00)
    );
    let days = split_at_midnight(start, end, RulesTable::embedded()).unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].minimum_compenso, Euro::from_euros(36));
    assert_eq!(
        revoca_deadline(date!(2026 - 03 - 07), rules).unwrap(),
        date!(2026 - 03 - 10)
    );
    assert_eq!(
        payment_date(date!(2026 - 03 - 07), rules).unwrap(),
        date!(2026 - 04 - 15)
    );
}

/// Source: worked example E6 (LF: March 2026 → communicate by 3/4/2026, paid by 15/4/2026), R-PAYMENT-DAY, R-LF-COMM.
#[test]
fn e6_lf_calendar() {
    for day in [date!(2026 - 03 - 01), date!(2026 - 03 - 31)] {
        assert_eq!(
            lf_communication_deadline(day, on(day)).unwrap(),
            date!(2026 - 04 - 03)
        );
        assert_eq!(payment_date(day, on(day)).unwrap(), date!(2026 - 04 - 15));
    }
}

/// Source: CPO-COMM (at least 60 minutes ahead): 60 minutes is in time, 59 is late and
/// fined (R-CONSEQUENCES); after the start is late too.
#[test]
fn communication_59_and_60_minutes_ahead() {
    let start = datetime!(2026-03-07 14:00 +01:00);
    let rules = today();
    assert!(
        check_cpo_communication(datetime!(2026-03-07 13:00 +01:00), start, rules)
            .unwrap()
            .is_lawful()
    );
    let late = check_cpo_communication(datetime!(2026-03-07 13:01 +01:00), start, rules).unwrap();
    assert_eq!(late.breaches.len(), 1);
    assert_eq!(late.breaches[0].rule, RuleId::CpoComm);
    assert_eq!(late.breaches[0].citation, rules.cpo_notice_minutes.citation);
    assert_eq!(
        late.breaches[0].consequence,
        Consequence::administrative_fine(rules, 1, false)
    );
    assert_eq!(
        late.breaches[0].facts,
        "communicated 0 h 59 min before the start, at least 1 h 00 min required"
    );
    let after = check_cpo_communication(datetime!(2026-03-07 14:05 +01:00), start, rules).unwrap();
    assert_eq!(
        after.breaches[0].facts,
        "communicated 0 h 05 min after the start, at least 1 h 00 min before required"
    );
    // The same instant in another offset is the same instant.
    assert!(
        check_cpo_communication(datetime!(2026-03-07 12:00 UTC), start, rules)
            .unwrap()
            .is_lawful()
    );
    assert!(
        !check_cpo_communication(datetime!(2026-03-07 12:00:01 UTC), start, rules)
            .unwrap()
            .is_lawful()
    );
}

/// Source: CPO-REVOCA and reading R-REVOCA: until 23:59:59 of the 3rd day after, not at
/// 00:00:00 of the 4th.
#[test]
fn revoca_at_the_edge() {
    let day = date!(2026 - 03 - 07);
    let rules = today();
    assert!(can_revoke(datetime!(2026-03-10 23:59:59 +01:00), day, rules).unwrap());
    assert!(!can_revoke(datetime!(2026-03-11 00:00:00 +01:00), day, rules).unwrap());
    assert!(can_revoke(datetime!(2026-03-07 08:00 +01:00), day, rules).unwrap());
}

/// Source: CPO-PAY, LF-PAY, reading R-PAYMENT-DAY: 31/12 is paid by 15/1 of the next year; 1/1 by
/// 15/2.
#[test]
fn year_end_and_new_year() {
    let dec = date!(2025 - 12 - 31);
    assert_eq!(payment_date(dec, on(dec)).unwrap(), date!(2026 - 01 - 15));
    assert_eq!(
        lf_communication_deadline(dec, on(dec)).unwrap(),
        date!(2026 - 01 - 03)
    );
    assert_eq!(
        revoca_deadline(dec, on(dec)).unwrap(),
        date!(2026 - 01 - 03)
    );
    let jan = date!(2026 - 01 - 01);
    assert_eq!(payment_date(jan, on(jan)).unwrap(), date!(2026 - 02 - 15));
    assert_eq!(
        lf_communication_deadline(jan, on(jan)).unwrap(),
        date!(2026 - 02 - 03)
    );
    // The last representable dates give errors, not panics.
    assert_eq!(
        payment_date(Date::MAX, today()).unwrap_err().to_string(),
        "the payment date for 9999-12-31 falls after the last representable date"
    );
    assert!(revoca_deadline(Date::MAX, today()).is_err());
    assert!(lf_communication_deadline(Date::MAX, today()).is_err());
}

/// Source: CPO-PAY (post-office mandate collectable 15 days after validation, from
/// 12/8/2018).
#[test]
fn post_office_mandate() {
    let day = date!(2018 - 08 - 12);
    assert_eq!(
        post_office_collectable_on(day, on(day)).unwrap(),
        date!(2018 - 08 - 27)
    );
    let before = date!(2018 - 08 - 11);
    assert_eq!(
        post_office_collectable_on(before, on(before))
            .unwrap_err()
            .to_string(),
        "payment at a post office on the utilizzatore's mandate is not available on 2018-08-11 (art. 54-bis c. 18 D.L. 50/2017)"
    );
}

/// Source: CPO-WINDOW, E6 (historical window) and reading R-NO-WINDOW-2023 (none from 1/1/2023).
#[test]
fn multi_day_window() {
    let day = date!(2019 - 07 - 01);
    let rules = on(day);
    let w = CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 60, rules).unwrap();
    assert_eq!(
        (w.first_day(), w.days(), w.total_hours(), w.sector()),
        (day, 10, 60, WindowSector::Hotels)
    );
    assert_eq!(w.last_day().unwrap(), date!(2019 - 07 - 10));
    assert_eq!(w.revoca_deadline(rules).unwrap(), date!(2019 - 07 - 13));
    let err = |s, d, n, h| {
        CpoWindowCommunication::new(s, d, n, h, on(d))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(WindowSector::Hotels, day, 11, 60),
        "window of 11 days is longer than the 10 days allowed (art. 54-bis c. 17 lett. d D.L. 50/2017, as amended by D.L. 87/2018 art. 2-bis (conv. L. 96/2018); INPS circ. 103/2018)"
    );
    assert_eq!(
        err(WindowSector::Hotels, day, 0, 60),
        "days is 0: a window covers at least one day and one hour"
    );
    assert_eq!(
        err(WindowSector::Hotels, day, 2, 0),
        "total_hours is 0: a window covers at least one day and one hour"
    );
    assert_eq!(
        err(WindowSector::Hotels, day, 2, 49),
        "total_hours 49 exceed the 48 hours of a 2-day window"
    );
    // At most 24 hours a day: exactly 48 hours over 2 days is lawful.
    assert_eq!(
        CpoWindowCommunication::new(WindowSector::Hotels, day, 2, 48, rules)
            .unwrap()
            .total_hours(),
        48
    );
    // The rules must be those of the first day, and govern every day of the window.
    assert_eq!(
        CpoWindowCommunication::new(WindowSector::Hotels, day, 10, 60, on(date!(2026 - 03 - 07)))
            .unwrap_err()
            .to_string(),
        "the rules given (from 2023-12-06) are not those in force on 2019-07-01: pass the rules of the day"
    );
    let december = date!(2022 - 12 - 28);
    assert_eq!(
        CpoWindowCommunication::new(WindowSector::Agriculture, december, 10, 40, on(december))
            .unwrap_err()
            .to_string(),
        "the window's last day 2023-01-06 is after 2022-12-31, the last day of the rules given: check it against the rules table, which governs its later days"
    );
    let table = RulesTable::embedded();
    for sector in [WindowSector::Agriculture, WindowSector::Hotels] {
        assert!(matches!(
            CpoWindowCommunication::in_table(sector, december, 10, 40, table),
            Err(InstrumentError::WindowNotInForce { date, .. }) if date == date!(2023 - 01 - 01)
        ));
        // Four days end on 31/12/2022: lawful.
        assert!(CpoWindowCommunication::in_table(sector, december, 4, 16, table).is_ok());
    }
    // A window across a change of the rules that keeps it: built from the table.
    let boundary = on(date!(2021 - 10 - 01)).valid_from();
    let before = boundary.previous_day().unwrap();
    assert!(matches!(
        CpoWindowCommunication::new(WindowSector::Hotels, before, 3, 12, on(before)),
        Err(InstrumentError::WindowBeyondRules { .. })
    ));
    let w = CpoWindowCommunication::in_table(WindowSector::Hotels, before, 3, 12, table).unwrap();
    assert_eq!(w.last_day().unwrap(), boundary.next_day().unwrap());
    // 2017: a 3-day window, agriculture only.
    let autumn = date!(2017 - 10 - 02);
    assert!(
        CpoWindowCommunication::new(WindowSector::Agriculture, autumn, 3, 20, on(autumn)).is_ok()
    );
    assert!(
        err(WindowSector::Agriculture, autumn, 4, 20)
            .starts_with("window of 4 days is longer than the 3 days allowed")
    );
    assert!(err(WindowSector::Hotels, autumn, 3, 20).starts_with(
        "sector Hotels may not use the multi-day CPO communication window on 2017-10-02"
    ));
    // Before msg 3662/2017 and from 1/1/2023: no window.
    assert!(
        err(WindowSector::Agriculture, date!(2017 - 07 - 01), 3, 20)
            .starts_with("no multi-day CPO communication window is in force on 2017-07-01")
    );
    assert!(
        err(WindowSector::Hotels, date!(2023 - 01 - 01), 3, 20)
            .starts_with("no multi-day CPO communication window is in force on 2023-01-01")
    );
}

// ---------------------------------------------------------------- E8: payment

/// Source: worked example E8 (msg 410/2023: 1,75 + 1,71 × 1,22 = 3,84 from 27/1/2023; 2,60 before),
/// PAY-MODES and reading R-FEES (post office 1,75 from 12/8/2018; IBAN free).
#[test]
fn e8_fees() {
    let fee = |mode: PaymentMode, d: Date| mode.fee(on(d));
    assert_eq!(
        fee(PaymentMode::BonificoDomiciliato, date!(2023 - 01 - 26)),
        Ok(cents(260))
    );
    assert_eq!(
        fee(PaymentMode::BonificoDomiciliato, date!(2023 - 01 - 27)),
        Ok(cents(384))
    );
    assert_eq!(
        fee(PaymentMode::PostOffice, date!(2018 - 08 - 12)),
        Ok(cents(175))
    );
    assert_eq!(
        fee(PaymentMode::IbanCredit, date!(2017 - 06 - 24)),
        Ok(Euro::ZERO)
    );
    assert_eq!(
        fee(PaymentMode::PostOffice, date!(2018 - 08 - 11))
            .unwrap_err()
            .to_string(),
        "payment at a post office is not available under the rules in force from 2018-01-01 (INPS circ. 107/2017)"
    );
    let d = date!(2026 - 04 - 15);
    assert_eq!(
        net_received(
            Euro::from_euros(36),
            PaymentMode::BonificoDomiciliato,
            on(d)
        ),
        Ok(cents(3216))
    );
    assert_eq!(
        net_received(Euro::from_euros(36), PaymentMode::PostOffice, on(d)),
        Ok(cents(3425))
    );
    assert_eq!(
        net_received(Euro::from_euros(36), PaymentMode::IbanCredit, on(d)),
        Ok(Euro::from_euros(36))
    );
    assert_eq!(
        net_received(cents(384), PaymentMode::BonificoDomiciliato, on(d)),
        Ok(Euro::ZERO)
    );
    assert!(matches!(
        net_received(cents(383), PaymentMode::BonificoDomiciliato, on(d)),
        Err(PaymentError::FeeExceedsCompenso { .. })
    ));
}

// ---------------------------------------------------------------- funds

fn pago_pa(amount: Euro, available_on: Date) -> TopUp {
    TopUp {
        channel: FundingChannel::PagoPa,
        causale: None,
        amount,
        available_on,
    }
}

/// The balances of a funds account equal those recomputed from its history, whatever the
/// order of the days (the account sums them in a tree, O(log n) per operation), and a refused
/// operation changes nothing.
/// Source: LF-FUNDING, CPO-FUNDING. The F24 causali LIFA and CLOC come with INPS msg 4380 of
/// 6/12/2023: an F24 of 2020 needs none (one given must still be the account's), one of 2026
/// does. The rules must be those of the payment: rules that start after the money showed are
/// refused.
#[test]
fn f24_causali_from_msg_4380_and_the_rules_of_the_payment() {
    let f24 = |causale, available_on| TopUp {
        channel: FundingChannel::F24Elide,
        causale,
        amount: Euro::from_euros(30),
        available_on,
    };
    let spring_2020 = date!(2020 - 03 - 02);
    let mut lf = FundsAccount::new(Instrument::LibrettoFamiglia);
    lf.top_up(f24(None, spring_2020), on(spring_2020)).unwrap();
    lf.top_up(f24(Some(Causale::Lifa), spring_2020), on(spring_2020))
        .unwrap();
    assert!(matches!(
        lf.top_up(f24(Some(Causale::Cloc), spring_2020), on(spring_2020)),
        Err(FundsError::WrongCausale { .. })
    ));
    assert_eq!(lf.available_on(spring_2020), Euro::from_euros(60));

    let spring_2026 = date!(2026 - 03 - 02);
    let before = lf.clone();
    assert!(matches!(
        lf.top_up(f24(None, spring_2026), on(spring_2026)),
        Err(FundsError::MissingCausale { .. })
    ));
    // The 2026 rules for money available in 2020: pagoPA did not exist then.
    let err = lf
        .top_up(pago_pa(Euro::from_euros(30), spring_2020), on(spring_2026))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the rules given start on 2023-12-06, after the top-up was available on 2020-03-02: pass the rules of the payment day"
    );
    assert_eq!(lf, before);
}

mod funds_model {
    use super::*;

    #[derive(Debug, Clone)]
    enum Op {
        TopUp { cents: u64, day: i64 },
        Commit { id: u64, cents: u64, day: i64 },
        Release { id: u64 },
    }

    fn op() -> impl Strategy<Value = Op> {
        // Days around 2026, and the ends of the calendar.
        let day = prop_oneof![
            8 => -400i64..400,
            1 => Just(-3_000_000i64),
            1 => Just(2_900_000i64),
        ];
        prop_oneof![
            3 => (1u64..100_000, day.clone()).prop_map(|(cents, day)| Op::TopUp { cents, day }),
            3 => (0u64..8, 1u64..50_000, day).prop_map(|(id, cents, day)| Op::Commit { id, cents, day }),
            1 => (0u64..8).prop_map(|id| Op::Release { id }),
        ]
    }

    fn day_of(n: i64) -> Date {
        date!(2026 - 03 - 02)
            .checked_add(time::Duration::days(n))
            .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
    }

    proptest! {
        #[test]
        fn balances_match_the_history(ops in prop::collection::vec(op(), 1..80), probes in prop::collection::vec(-3_000_000i64..3_000_000, 1..8)) {
            let rules = on(date!(2026 - 03 - 02));
            let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
            let mut top_ups: Vec<(Date, u64)> = Vec::new();
            let mut committed: Vec<(u64, u64)> = Vec::new();
            for op in ops {
                let before = account.clone();
                match op {
                    Op::TopUp { cents: c, day } => {
                        let result = account.top_up(pago_pa(cents(c), day_of(day)), rules);
                        // The 2026 rules cannot be those of a payment whose money showed
                        // before they started.
                        if day_of(day) < rules.valid_from() {
                            let refused = matches!(result, Err(FundsError::RulesAfterPayment { .. }));
                            prop_assert!(refused);
                            prop_assert_eq!(&account, &before);
                        } else {
                            result.unwrap();
                            top_ups.push((day_of(day), c));
                        }
                    }
                    Op::Commit { id, cents: c, day } => {
                        let available: u64 = top_ups.iter().filter(|(d, _)| *d <= day_of(day)).map(|(_, c)| c).sum::<u64>()
                            .saturating_sub(committed.iter().map(|(_, c)| c).sum());
                        let result = account.commit(id, cents(c), day_of(day));
                        let expected = !committed.iter().any(|(i, _)| *i == id) && c <= available;
                        prop_assert_eq!(result.is_ok(), expected);
                        if expected { committed.push((id, c)); } else { prop_assert_eq!(&account, &before); }
                    }
                    Op::Release { id } => {
                        if let Ok(amount) = account.release(id) {
                            let at = committed.iter().position(|(i, _)| *i == id).unwrap();
                            prop_assert_eq!(amount, cents(committed.remove(at).1));
                        } else {
                            prop_assert!(!committed.iter().any(|(i, _)| *i == id));
                            prop_assert_eq!(&account, &before);
                        }
                    }
                }
                let total_committed: u64 = committed.iter().map(|(_, c)| c).sum();
                prop_assert_eq!(account.committed(), cents(total_committed));
                let ids: Vec<u64> = account.commitments().map(|c| c.prestazione_id).collect();
                prop_assert_eq!(ids, committed.iter().map(|(i, _)| *i).collect::<Vec<_>>());
                for probe in &probes {
                    let day = day_of(*probe);
                    let paid: u64 = top_ups.iter().filter(|(d, _)| *d <= day).map(|(_, c)| c).sum();
                    prop_assert_eq!(account.available_on(day), cents(paid.saturating_sub(total_committed)));
                }
                prop_assert_eq!(
                    account.available_on(Date::MAX),
                    cents(top_ups.iter().map(|(_, c)| c).sum::<u64>().saturating_sub(total_committed))
                );
            }
        }
    }
}

/// Source: CPO-COMM "Funds" and CPO-FUNDING: a communication needs funds covering the
/// full cost; a refusal changes nothing; a revoca restores exactly.
#[test]
fn funds_commit_and_release() {
    let day = date!(2026 - 03 - 02);
    let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    account
        .top_up(pago_pa(Euro::from_euros(10), day), on(day))
        .unwrap();
    let before = account.clone();
    let err = account
        .commit(1, cents(1241), date!(2026 - 03 - 07))
        .unwrap_err();
    assert_eq!(
        err,
        FundsError::Insufficient {
            available: Euro::from_euros(10),
            required: cents(1241),
            instrument: Instrument::ContrattoPrestazioneOccasionale
        }
    );
    assert_eq!(
        err.to_string(),
        "available balance 10,00 € does not cover the cost 12,41 € (CPO-FUNDING)"
    );
    assert_eq!(account, before);
    // Money available later does not count earlier.
    account
        .top_up(
            pago_pa(Euro::from_euros(40), date!(2026 - 03 - 09)),
            on(day),
        )
        .unwrap();
    assert!(
        account
            .commit(1, cents(1241), date!(2026 - 03 - 07))
            .is_err()
    );
    account
        .commit(1, cents(1241), date!(2026 - 03 - 09))
        .unwrap();
    account
        .commit(2, cents(3600), date!(2026 - 03 - 09))
        .unwrap();
    assert_eq!(account.committed(), cents(4841));
    assert_eq!(account.available_on(date!(2026 - 03 - 09)), cents(159));
    assert_eq!(
        account.commit(2, cents(1), day).unwrap_err().to_string(),
        "prestazione 2 already has funds committed"
    );
    // A later commitment still reserves the money on an earlier day.
    assert_eq!(account.available_on(day), Euro::ZERO);
    assert_eq!(account.release(1), Ok(cents(1241)));
    assert_eq!(
        account.available_on(date!(2026 - 03 - 09)),
        Euro::from_euros(14)
    );
    assert_eq!(
        account.release(1).unwrap_err().to_string(),
        "prestazione 1 has no funds committed"
    );
    assert_eq!(account.commitments().len(), 1);
    assert_eq!(account.history().len(), 5);
    assert!(matches!(account.history()[4], FundsEvent::Release(c) if c.prestazione_id == 1));
}

/// Source: CPO-COMM "Funds", CPO-FUNDING: the balance must cover the cost, and a balance equal
/// to it covers it; the rules of the payment may start on the very day the money shows.
#[test]
fn funds_covering_exactly_and_rules_from_the_day_of_the_money() {
    let rules = on(date!(2026 - 03 - 02));
    let first = rules.valid_from();
    let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    // Money available on the first day of the rules: those rules can be the payment's.
    account.top_up(pago_pa(cents(1241), first), rules).unwrap();
    assert_eq!(account.available_on(first), cents(1241));
    // A cost of exactly the balance is covered.
    account.commit(1, cents(1241), first).unwrap();
    assert_eq!(account.available_on(first), Euro::ZERO);
    assert_eq!(account.committed(), cents(1241));
    // One cent more than the balance is not.
    let mut short = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    short.top_up(pago_pa(cents(1240), first), rules).unwrap();
    assert!(matches!(
        short.commit(1, cents(1241), first),
        Err(FundsError::Insufficient { .. })
    ));
}

/// Source: LF-FUNDING (multiples of 10,00; F24 ELIDE causale LIFA / CLOC; pagoPA from
/// msg 4380/2023).
#[test]
fn funds_top_up_checks() {
    let day = date!(2026 - 03 - 02);
    let mut lf = FundsAccount::new(Instrument::LibrettoFamiglia);
    let f24 = TopUp {
        channel: FundingChannel::F24Elide,
        causale: Some(Causale::Lifa),
        amount: Euro::from_euros(20),
        available_on: day,
    };
    lf.top_up(f24, on(day)).unwrap();
    let err = |account: &mut FundsAccount, t: TopUp, d: Date| {
        account.top_up(t, on(d)).unwrap_err().to_string()
    };
    assert_eq!(
        err(
            &mut lf,
            TopUp {
                causale: None,
                ..f24
            },
            day
        ),
        "causale is missing: an F24 ELIDE top-up for the LF needs causale LIFA"
    );
    assert_eq!(
        err(
            &mut lf,
            TopUp {
                causale: Some(Causale::Cloc),
                ..f24
            },
            day
        ),
        "causale CLOC does not fund the LF: expected LIFA"
    );
    assert_eq!(
        err(
            &mut lf,
            TopUp {
                amount: cents(1001),
                ..f24
            },
            day
        ),
        "amount 10,01 € is not a multiple of the titolo value 10,00 € (LF-FUNDING)"
    );
    assert_eq!(
        err(
            &mut lf,
            TopUp {
                amount: Euro::ZERO,
                ..f24
            },
            day
        ),
        "amount is 0"
    );
    let old = date!(2020 - 03 - 02);
    assert_eq!(
        err(&mut lf, pago_pa(Euro::from_euros(10), old), old),
        "funding channel PagoPa is not available under the rules in force from 2018-08-12 (art. 54-bis c. 10 D.L. 50/2017; INPS circ. 107/2017; INPS msg 3177 of 31/7/2017)"
    );
    assert_eq!(lf.history().len(), 1);
    assert_eq!(lf.available_on(day), Euro::from_euros(20));
    // CPO amounts need not be multiples of 10,00.
    let mut cpo = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    cpo.top_up(
        TopUp {
            causale: Some(Causale::Cloc),
            amount: cents(1241),
            ..f24
        },
        on(day),
    )
    .unwrap();
    assert_eq!(cpo.available_on(day), cents(1241));
}

// ---------------------------------------------------------------- R-CONSEQUENCES, E9

/// Source: reading R-CONSEQUENCES (consequences), SANCT-CONV, SANCT-ADMIN.
#[test]
fn a14_consequences() {
    let day = date!(2026 - 03 - 07);
    let rules = on(day);
    let fine = Consequence::administrative_fine(rules, 2, false);
    let conversion = Consequence::Conversion { from: day };
    let cases = [
        (RuleId::CapPrestatore, false, Consequence::PlatformRefusal),
        (RuleId::CapUtilizzatore, false, Consequence::PlatformRefusal),
        (RuleId::LfFunding, false, Consequence::PlatformRefusal),
        (RuleId::CpoFunding, false, Consequence::PlatformRefusal),
        (RuleId::CpoAgriPay, false, Consequence::PlatformRefusal),
        (RuleId::CapPair, false, conversion.clone()),
        (RuleId::Hours280, false, conversion.clone()),
        (RuleId::HoursAgri, false, conversion.clone()),
        (RuleId::CapPair, true, Consequence::UnlawfulUsePa),
        (RuleId::Hours280, true, Consequence::UnlawfulUsePa),
        (RuleId::HoursAgri, true, Consequence::UnlawfulUsePa),
        (RuleId::CpoComm, false, fine.clone()),
        (RuleId::ProhibSize, false, fine.clone()),
        (RuleId::ProhibAgri, false, fine.clone()),
        (RuleId::ProhibSectors, false, fine.clone()),
        (RuleId::ProhibAppalti, false, fine.clone()),
        (RuleId::CpoComm, true, Consequence::UnlawfulUsePa),
        (RuleId::ProhibPrior, false, Consequence::UnlawfulUse),
        (RuleId::ProhibPrior, true, Consequence::UnlawfulUsePa),
        (RuleId::LfUsers, false, Consequence::UnlawfulUse),
        (RuleId::LfActivities, false, Consequence::UnlawfulUse),
        (RuleId::CpoPa, true, Consequence::UnlawfulUsePa),
    ];
    for (rule, pa, expected) in cases {
        assert_eq!(
            sanction_for(rule, day, pa, 2, false, rules),
            expected,
            "{rule} pa={pa}"
        );
    }
    // The false self-certification exemption exists from 12/8/2018 only.
    assert_eq!(
        sanction_for(RuleId::ProhibSize, day, false, 1, true, rules),
        Consequence::ExemptFalseSelfCertification
    );
    let old = date!(2018 - 01 - 10);
    assert!(matches!(
        sanction_for(RuleId::ProhibSize, old, false, 1, true, on(old)),
        Consequence::AdministrativeFine { units: 1, .. }
    ));
}

/// Source: reading R-FINE-PER-DAY (Part A: one fine per working day whatever the number of
/// workers; per worker-day the other reading): the units of one violation over several
/// prestazioni, and what they cost.
#[test]
fn r_fine_per_day_units() {
    let rules = today();
    assert_eq!(rules.fine.value.unit, FineUnit::PerDay);
    let mario: CodiceFiscale = "RSSMRA85T10A562S".parse().unwrap();
    let omocode: CodiceFiscale = "RSSMRA85T10A56NH".parse().unwrap();
    let anna: CodiceFiscale = "VRDNNA80A41H501H".parse().unwrap();
    let (sat, sun) = (date!(2026 - 03 - 07), date!(2026 - 03 - 08));
    // Three workers late on Saturday (one of them under an omocode too), one on Sunday.
    let late = [(sat, mario), (sat, anna), (sat, omocode), (sun, anna)];
    assert_eq!(fine_units(FineUnit::PerDay, late).unwrap(), 2);
    assert_eq!(fine_units(FineUnit::PerWorkerDay, late).unwrap(), 3);
    assert_eq!(fine_units(FineUnit::PerDay, []).unwrap(), 0);
    let per_day = fine_totals(&Consequence::administrative_fine(
        rules,
        fine_units(rules.fine.value.unit, late).unwrap(),
        false,
    ))
    .unwrap()
    .unwrap();
    assert_eq!(
        (per_day.min, per_day.max, per_day.reduced),
        (
            Euro::from_euros(1_000),
            Euro::from_euros(5_000),
            cents(166_666)
        )
    );
}

/// Source: worked example E9 ([H12]): reduced payment min(2 × 500, 2.500 / 3) = 833,33 per day; reading
/// R-FINE-PER-DAY (per day).
#[test]
fn e9_fine_totals() {
    let rules = today();
    let one = fine_totals(&Consequence::administrative_fine(rules, 1, false))
        .unwrap()
        .unwrap();
    assert_eq!(
        (one.min, one.max, one.reduced),
        (
            Euro::from_euros(500),
            Euro::from_euros(2_500),
            cents(83_333)
        )
    );
    let three = fine_totals(&Consequence::administrative_fine(rules, 3, false))
        .unwrap()
        .unwrap();
    assert_eq!(
        (three.min, three.max, three.reduced),
        (
            Euro::from_euros(1_500),
            Euro::from_euros(7_500),
            cents(249_999)
        )
    );
    assert_eq!(
        fine_totals(&Consequence::ExemptFalseSelfCertification).unwrap(),
        None
    );
    assert!(
        fine_totals(&Consequence::administrative_fine(rules, u32::MAX, false))
            .unwrap()
            .is_some()
    );
}

/// The extreme dates and instants give errors or answers, never panics.
#[test]
fn extremes_do_not_panic() {
    let rules = today();
    for d in [Date::MIN, Date::MAX] {
        let _ = revoca_deadline(d, rules);
        let _ = payment_date(d, rules);
        let _ = lf_communication_deadline(d, rules);
        let _ = post_office_collectable_on(d, rules);
        let _ =
            CpoWindowCommunication::new(WindowSector::Hotels, d, 1, 1, on(date!(2019 - 07 - 01)))
                .and_then(|w| w.revoca_deadline(rules));
    }
    assert!(revoca_deadline(Date::MIN, rules).is_ok());
    // A window on the last representable day under the rules of 2019: those rules do not govern
    // that day, so it is refused before any date is computed.
    assert!(matches!(
        CpoWindowCommunication::new(
            WindowSector::Hotels,
            Date::MAX,
            2,
            1,
            on(date!(2019 - 07 - 01)),
        ),
        Err(InstrumentError::RulesNotInForce { .. })
    ));
    for offset in [
        UtcOffset::from_hms(-12, 0, 0).unwrap(),
        UtcOffset::UTC,
        UtcOffset::from_hms(14, 0, 0).unwrap(),
    ] {
        let min = Date::MIN.with_time(Time::MIDNIGHT).assume_offset(offset);
        let max = Date::MAX
            .with_time(Time::from_hms(23, 59, 59).unwrap())
            .assume_offset(offset);
        let _ = cpo_communication_deadline(min, rules);
        let _ = cpo_communication_deadline(max, rules);
        let _ = check_cpo_communication(max, min, rules);
        let _ = can_revoke(max, Date::MAX, rules);
        assert!(split_at_midnight(min, max, RulesTable::embedded()).is_err());
        // The last evening of the calendar in Italy, given in `offset` where representable: one
        // Italian day. (The calendar days are Italian ones, not those of the caller's offset.)
        let clock = ItalianClock::embedded();
        let italian = |h, m, s| {
            clock
                .instant(Date::MAX.with_time(Time::from_hms(h, m, s).unwrap()))
                .unwrap()
                .checked_to_offset(offset)
        };
        if let (Some(last_evening), Some(last_second)) = (italian(22, 0, 0), italian(23, 59, 59)) {
            let days =
                split_at_midnight(last_evening, last_second, RulesTable::embedded()).unwrap();
            assert_eq!(days.len(), 1);
        }
    }
    // 23:00 UTC of 9999-12-31 is already 10000-01-01 in Italy: refused, never a panic.
    let late = Date::MAX
        .with_time(Time::from_hms(23, 0, 0).unwrap())
        .assume_utc();
    assert!(matches!(
        split_at_midnight(late - Duration::hours(1), late, RulesTable::embedded()),
        Err(InstrumentError::CivilTime(_))
    ));
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Instrument>();
    check::<CostBreakdown>();
    check::<prestazioni_occasionali::CpoDay>();
    check::<CpoWindowCommunication>();
    check::<FundsAccount>();
    check::<FundsError>();
    check::<InstrumentError>();
    check::<PaymentMode>();
    check::<PaymentError>();
    check::<prestazioni_occasionali::FineTotals>();
}

#[test]
fn umbrella_error_wraps_the_new_errors() {
    fn f() -> Result<u32, prestazioni_occasionali::Error> {
        Ok(titoli_for_minutes(0, today())?)
    }
    assert_eq!(
        f().unwrap_err().to_string(),
        "minutes is 0: a prestazione lasts at least one minute"
    );
}

// ---------------------------------------------------------------- properties

fn any_date() -> impl Strategy<Value = Date> {
    (Date::MIN.to_julian_day()..=Date::MAX.to_julian_day())
        .prop_map(|d| Date::from_julian_day(d).unwrap())
}

fn regime_date() -> impl Strategy<Value = Date> {
    (date!(2017 - 06 - 24).to_julian_day()..=date!(2030 - 12 - 31).to_julian_day())
        .prop_map(|d| Date::from_julian_day(d).unwrap())
}

fn any_instant() -> impl Strategy<Value = OffsetDateTime> {
    (any_date(), 0_u32..86_400, -12_i8..=14).prop_map(|(d, s, h)| {
        let byte = |v: u32| u8::try_from(v).unwrap();
        let time = Time::from_hms(byte(s / 3600), byte((s / 60) % 60), byte(s % 60)).unwrap();
        d.with_time(time)
            .assume_offset(UtcOffset::from_hms(h, 0, 0).unwrap())
    })
}

/// Any amount an `Euro` can hold, from zero to `Euro::MAX`.
fn any_euro() -> impl Strategy<Value = Euro> {
    prop_oneof![
        (0_u64..=100_000_000).prop_map(Euro::from_cents),
        (any::<u32>(), any::<u32>(), any::<u32>(), 0_u32..=2).prop_map(|(lo, mid, hi, scale)| {
            Euro::new(Decimal::from_parts(lo, mid, hi, false, scale)).unwrap_or(Euro::MAX)
        }),
    ]
}

fn compenso() -> impl Strategy<Value = Euro> {
    (0_u64..=10_000_000).prop_map(Euro::from_cents)
}

fn oneri_base() -> impl Strategy<Value = OneriBase> {
    prop_oneof![
        Just(OneriBase::AmountPaidIn),
        Just(OneriBase::Subtotal),
        Just(OneriBase::Compenso)
    ]
}

proptest! {
    /// A cost's total is the sum of its components; its compenso is the one asked for.
    #[test]
    fn total_is_the_sum_of_components(c in compenso(), base in oneri_base(), d in regime_date()) {
        let table = table_with(base);
        let cost = CostBreakdown::cpo(c, table.in_force_on(d).unwrap()).unwrap();
        prop_assert_eq!(cost.compenso, c);
        prop_assert_eq!(Euro::checked_sum([cost.compenso, cost.ivs, cost.inail, cost.oneri]), Some(cost.total));
        let lf = CostBreakdown::lf(u32::try_from(c.cents() % 100_000).unwrap(), on(d)).unwrap();
        prop_assert_eq!(Euro::checked_sum([lf.compenso, lf.ivs, lf.inail, lf.oneri]), Some(lf.total));
    }

    /// More compenso never costs less (and one cent more costs at least one cent more).
    #[test]
    fn cost_is_monotone(a in compenso(), b in compenso(), base in oneri_base()) {
        let table = table_with(base);
        let rules = table.in_force_on(date!(2026 - 03 - 07)).unwrap();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(CostBreakdown::cpo(lo, rules).unwrap().total <= CostBreakdown::cpo(hi, rules).unwrap().total);
        let next = lo.checked_add(cents(1)).unwrap();
        prop_assert!(CostBreakdown::cpo(next, rules).unwrap().total > CostBreakdown::cpo(lo, rules).unwrap().total);
    }

    /// The largest compenso for a budget never costs more than the budget, and one cent more
    /// would.
    #[test]
    fn inverse_is_within_budget_and_maximal(budget in (0_u64..=20_000_000).prop_map(Euro::from_cents), base in oneri_base()) {
        let table = table_with(base);
        let rules = table.in_force_on(date!(2026 - 03 - 07)).unwrap();
        let c = max_cpo_compenso_for_budget(budget, rules);
        prop_assert!(CostBreakdown::cpo(c, rules).unwrap().total <= budget);
        let more = c.checked_add(cents(1)).unwrap();
        prop_assert!(CostBreakdown::cpo(more, rules).unwrap().total > budget);
        let n = max_lf_titoli_for_budget(budget, rules);
        prop_assert!(CostBreakdown::lf(n, rules).unwrap().total <= budget);
        prop_assert!(CostBreakdown::lf(n + 1, rules).unwrap().total > budget);
    }

    /// Titoli cover the minutes, and one titolo fewer would not.
    #[test]
    fn titoli_cover_the_minutes(minutes in 1_u32..=u32::MAX) {
        let t = titoli_for_minutes(minutes, today()).unwrap();
        prop_assert!(u64::from(t) * 60 >= u64::from(minutes));
        prop_assert!(u64::from(t - 1) * 60 < u64::from(minutes));
    }

    /// The pay floor is at least the daily minimum and the hourly minimum pro rata.
    #[test]
    fn pay_floor_bounds(minutes in 1_u32..=1500) {
        let m = cpo_minimum_compenso(minutes, today()).unwrap();
        prop_assert!(m >= Euro::from_euros(36));
        prop_assert!(m.as_decimal() * Decimal::from(60) >= Decimal::from(9 * minutes) - Decimal::new(30, 2));
        prop_assert!(check_cpo_pay(m, minutes, today()).unwrap().is_lawful());
        if let Some(less) = m.checked_sub(cents(1)) {
            prop_assert!(!check_cpo_pay(less, minutes, today()).unwrap().is_lawful());
        }
    }

    /// The midnight split covers the span exactly, one piece per calendar day.
    #[test]
    fn split_covers_the_span(start in regime_date(), s in 0_i64..86_400, len in 60_i64..(10 * 86_400)) {
        let start = start.with_time(Time::MIDNIGHT).assume_offset(UtcOffset::from_hms(1, 0, 0).unwrap()) + time::Duration::seconds(s);
        let end = start + time::Duration::minutes(len / 60);
        if let Ok(days) = split_at_midnight(start, end, RulesTable::embedded()) {
            prop_assert_eq!(days.first().unwrap().start, start);
            prop_assert_eq!(days.last().unwrap().end, end);
            for pair in days.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                prop_assert_eq!(pair[0].date.next_day(), Some(pair[1].date));
            }
        }
    }

    /// No function panics on any date, instant or amount.
    #[test]
    fn nothing_panics(d in any_date(), a in any_instant(), b in any_instant(), x in any_euro(), y in any_euro(), m in any::<u32>(), n in any::<u32>(), mode in prop_oneof![Just(PaymentMode::IbanCredit), Just(PaymentMode::BonificoDomiciliato), Just(PaymentMode::PostOffice)]) {
        let rules = Rules::in_force_on(d).unwrap_or_else(|_| today());
        let _ = CostBreakdown::cpo(x, rules);
        let _ = CostBreakdown::lf(n, rules);
        let _ = max_cpo_compenso_for_budget(x, rules);
        let _ = max_lf_titoli_for_budget(x, rules);
        let _ = titoli_for_minutes(m, rules);
        let _ = cpo_minimum_compenso(m, rules);
        let _ = check_cpo_pay(x, m, rules);
        let _ = split_at_midnight(a, b, RulesTable::embedded());
        let _ = cpo_communication_deadline(a, rules);
        let _ = check_cpo_communication(a, b, rules);
        let _ = revoca_deadline(d, rules);
        let _ = can_revoke(a, d, rules);
        let _ = payment_date(d, rules);
        let _ = lf_communication_deadline(d, rules);
        let _ = post_office_collectable_on(d, rules);
        let _ = CpoWindowCommunication::new(WindowSector::Hotels, d, m, n, rules).and_then(|w| w.revoca_deadline(rules));
        let _ = net_received(x, mode, rules);
        let _ = fine_totals(&Consequence::administrative_fine(rules, n, false));
        let mut account = FundsAccount::new(Instrument::LibrettoFamiglia);
        let _ = account.top_up(pago_pa(x, d), rules);
        let _ = account.top_up(pago_pa(y, d), rules);
        let _ = account.commit(1, y, d);
        let _ = account.available_on(d);
    }

    /// A refused commit changes nothing; the committed total never exceeds what was paid in.
    #[test]
    fn funds_never_overspend(amounts in proptest::collection::vec((0_u64..5_000, 0_u8..3), 1..30)) {
        let day = date!(2026 - 03 - 02);
        let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
        account.top_up(pago_pa(Euro::from_euros(100), day), on(day)).unwrap();
        for (i, (amount, action)) in amounts.into_iter().enumerate() {
            let before = account.clone();
            let result = match action {
                0 => account.commit(u64::try_from(i).unwrap(), cents(amount), day).map(|()| Euro::ZERO),
                1 => account.release(u64::try_from(i).unwrap().saturating_sub(1)),
                _ => account.commit(u64::try_from(i).unwrap(), cents(amount), day.next_day().unwrap()).map(|()| Euro::ZERO),
            };
            if result.is_err() {
                prop_assert_eq!(&account, &before);
            }
            prop_assert!(account.committed() <= Euro::from_euros(100));
            prop_assert_eq!(account.available_on(day), Euro::from_euros(100).checked_sub(account.committed()).unwrap());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Historical agricultural CPO (2017-2022): pay floor and hour limit.

/// Source: worked example E10 and CPO-AGRI-PAY (INPS msg 2887/2017 rates; daily minimum on 4 hours per
/// [H18]): 38,60 / 35,20 / 26,24.
#[test]
fn e10_agricultural_daily_minimum_per_area() {
    let rules = on(date!(2019 - 07 - 01));
    for (area, daily) in [
        (AgriculturalArea::Area1, cents(3860)),
        (AgriculturalArea::Area2, cents(3520)),
        (AgriculturalArea::Area3, cents(2624)),
    ] {
        // Up to 4 hours the daily minimum holds.
        for minutes in [1, 60, 120, 240] {
            assert_eq!(
                cpo_minimum_compenso_agricultural(minutes, area, rules).unwrap(),
                daily,
                "{area:?} {minutes} min"
            );
        }
    }
}

/// Source: worked example E10 (DERIVED: beyond 4 hours, each minute at the area rate, half away from
/// zero).
#[test]
fn e10_agricultural_pro_rata_beyond_four_hours() {
    let rules = on(date!(2019 - 07 - 01));
    let area3 = AgriculturalArea::Area3;
    // 5 h × 6,56 = 32,80.
    assert_eq!(
        cpo_minimum_compenso_agricultural(300, area3, rules).unwrap(),
        cents(3280)
    );
    // 241 min × 6,56 / 60 = 26,349333… → 26,35.
    assert_eq!(
        cpo_minimum_compenso_agricultural(241, area3, rules).unwrap(),
        cents(2635)
    );
    // 8 h × 9,65 = 77,20 (Area 1).
    assert_eq!(
        cpo_minimum_compenso_agricultural(480, AgriculturalArea::Area1, rules).unwrap(),
        cents(7720)
    );
    // 245 min × 8,80 / 60 = 35,9333… → 35,93, above the Area 2 daily minimum 35,20.
    assert_eq!(
        cpo_minimum_compenso_agricultural(245, AgriculturalArea::Area2, rules).unwrap(),
        cents(3593)
    );
}

/// Source: worked example E10 and HOURS-AGRI: 2.500 / 6,56 ≈ 381 h; the library floors (conservative
/// reading).
#[test]
fn e10_agricultural_hour_limit_floors() {
    let rules = on(date!(2019 - 07 - 01));
    assert_eq!(
        agricultural_hour_limit(AgriculturalArea::Area3, rules).unwrap(),
        381
    );
    // 2.500 / 8,80 = 284,09; 2.500 / 9,65 = 259,07.
    assert_eq!(
        agricultural_hour_limit(AgriculturalArea::Area2, rules).unwrap(),
        284
    );
    assert_eq!(
        agricultural_hour_limit(AgriculturalArea::Area1, rules).unwrap(),
        259
    );
}

/// Source: PROHIB-AGRI (CPO banned in agriculture from 1/1/2023, L. 197/2022): no
/// agricultural floor or hour limit, and the error cites the rule.
#[test]
fn agricultural_rates_absent_from_2023() {
    let last = on(date!(2022 - 12 - 31));
    assert!(cpo_minimum_compenso_agricultural(60, AgriculturalArea::Area3, last).is_ok());
    for day in [date!(2023 - 01 - 01), date!(2026 - 03 - 07)] {
        let rules = on(day);
        let err =
            cpo_minimum_compenso_agricultural(60, AgriculturalArea::Area3, rules).unwrap_err();
        assert!(matches!(err, InstrumentError::AgricultureNotInForce { .. }));
        let message = err.to_string();
        assert!(
            message.contains("have no agricultural CPO hourly rates: CPO is banned in agriculture (art. 54-bis c. 14 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342"),
            "{message}"
        );
        assert_eq!(
            agricultural_hour_limit(AgriculturalArea::Area1, rules).unwrap_err(),
            err
        );
    }
    assert_eq!(
        cpo_minimum_compenso_agricultural(60, AgriculturalArea::Area3, on(date!(2023 - 01 - 01)))
            .unwrap_err()
            .to_string(),
        "the rules in force from 2023-01-01 have no agricultural CPO hourly rates: CPO is banned in agriculture (art. 54-bis c. 14 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342)"
    );
}

#[test]
fn agricultural_minimum_rejects_bad_durations() {
    let rules = on(date!(2019 - 07 - 01));
    assert_eq!(
        cpo_minimum_compenso_agricultural(0, AgriculturalArea::Area1, rules),
        Err(InstrumentError::ZeroMinutes)
    );
    assert_eq!(
        cpo_minimum_compenso_agricultural(1501, AgriculturalArea::Area1, rules),
        Err(InstrumentError::TooManyMinutes {
            minutes: 1501,
            max: 1500
        })
    );
    assert!(cpo_minimum_compenso_agricultural(1500, AgriculturalArea::Area1, rules).is_ok());
}

proptest! {
    /// The agricultural floor is never below the area's daily minimum nor below the pro-rata
    /// rate, and never decreases with the duration.
    #[test]
    fn agricultural_floor_is_monotone(minutes in 1u32..1500, area in prop::sample::select(vec![
        AgriculturalArea::Area1, AgriculturalArea::Area2, AgriculturalArea::Area3,
    ])) {
        let rules = on(date!(2020 - 02 - 01));
        let rate = area.hourly_rate(rules).unwrap();
        let floor = cpo_minimum_compenso_agricultural(minutes, area, rules).unwrap();
        let next = cpo_minimum_compenso_agricultural(minutes + 1, area, rules).unwrap();
        prop_assert!(floor >= rate.checked_mul_u32(4).unwrap());
        prop_assert!(next >= floor);
        let exact = rate.as_decimal() * Decimal::from(minutes) / Decimal::from(60);
        prop_assert!(floor.as_decimal() - exact >= Decimal::new(-5, 3));
    }
}
