//! The consulente's portfolio (`Ledger::portfolio`) against the ledger's own totals: every pair,
//! prestatore and utilizzatore, the share, the profiles, the index brought up to date, serde.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/national.rs"]
mod national;

use national::{codice_fiscale, partita_iva};
use prestazioni_occasionali::{
    AgriculturalArea, CapProfile, CapUse, Client, Euro, Instrument, Ledger, Prestazione,
    PrestazioneDraft, PrestazioneId, RuleId, UtilizzatoreId,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::Date;
use time::macros::{date, datetime};

const CPO: Instrument = Instrument::ContrattoPrestazioneOccasionale;
const LF: Instrument = Instrument::LibrettoFamiglia;

fn firm(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::PartitaIva(partita_iva(n))
}

fn family(n: u32) -> UtilizzatoreId {
    UtilizzatoreId::CodiceFiscale(codice_fiscale(90_000_000 + n))
}

struct W(PrestazioneDraft);

impl W {
    fn new(id: u64, prestatore: u32, utilizzatore: UtilizzatoreId, euros: u32) -> W {
        W(PrestazioneDraft {
            id: PrestazioneId(id),
            instrument: CPO,
            prestatore: codice_fiscale(prestatore),
            utilizzatore,
            day: date!(2026 - 03 - 07),
            minutes: 240,
            compenso: Euro::from_euros(euros),
            special_category: false,
            steward: false,
            profile: CapProfile::default(),
        })
    }
    fn lf(mut self) -> W {
        self.0.instrument = LF;
        self
    }
    fn steward(mut self) -> W {
        self.0.instrument = LF;
        self.0.steward = true;
        self
    }
    fn special(mut self) -> W {
        self.0.special_category = true;
        self
    }
    fn day(mut self, day: Date) -> W {
        self.0.day = day;
        self
    }
    fn minutes(mut self, minutes: u32) -> W {
        self.0.minutes = minutes;
        self
    }
    fn profile(mut self, profile: CapProfile) -> W {
        self.0.profile = profile;
        self
    }
    fn build(self) -> Prestazione {
        Prestazione::try_from(self.0).unwrap()
    }
}

fn rules_of(lines: &[prestazioni_occasionali::CapLine]) -> Vec<RuleId> {
    lines.iter().map(|l| l.cap.rule()).collect()
}

/// Source: CAP-PAIR, CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL and reading R-CAP-INCLUSIVE: a
/// line is listed from the share on, to the cent; the portfolio's figures are the ledger's.
#[test]
fn lines_from_the_share_on() {
    let mut ledger = Ledger::default();
    let bar = firm(1);
    let shop = firm(2);
    ledger.record(&W::new(1, 1, bar, 2_000).build()).unwrap(); // 80,00% of cap c
    ledger.record(&W::new(2, 2, bar, 1_999).build()).unwrap(); // 79,96%
    ledger.record(&W::new(3, 1, shop, 1_000).build()).unwrap(); // cap a: 3.000 of 5.000
    let portfolio = ledger
        .portfolio([&bar, &shop], date!(2026 - 06 - 30), 80)
        .unwrap();
    assert_eq!(
        (portfolio.day, portfolio.share),
        (date!(2026 - 06 - 30), 80)
    );
    let at_bar = &portfolio.clients[0];
    assert_eq!(at_bar.utilizzatore, bar);
    assert_eq!(at_bar.totals, ledger.utilizzatore_totals(&bar, 2026));
    assert_eq!(at_bar.prestatori, 2);
    assert!(at_bar.lines.is_empty());
    assert_eq!(at_bar.people.len(), 1);
    let mario = &at_bar.people[0];
    assert_eq!(mario.prestatore, codice_fiscale(1));
    assert_eq!(
        mario.pair,
        ledger.pair_totals(&codice_fiscale(1), &bar, 2026)
    );
    assert_eq!(
        mario.totals,
        ledger.prestatore_totals(&codice_fiscale(1), 2026)
    );
    assert_eq!(rules_of(&mario.lines), [RuleId::CapPair]);
    let CapUse::Money(pair) = &mario.lines[0].cap else {
        panic!("a money cap")
    };
    assert_eq!(
        (pair.used, pair.limit),
        (Decimal::from(2_000), Euro::from_euros(2_500))
    );
    assert_eq!(pair.headroom, Euro::from_euros(500));
    assert_eq!(
        mario.lines[0].citation.to_string(),
        "art. 54-bis c. 1 lett. c D.L. 50/2017"
    );
    assert!(portfolio.clients[1].people.is_empty());
    // At 60%: cap a (3.000 of 5.000) for Mario at both clients, cap c for Luigi too.
    let portfolio = ledger
        .portfolio([&bar, &shop], date!(2026 - 06 - 30), 60)
        .unwrap();
    assert_eq!(portfolio.clients[0].people.len(), 2);
    assert_eq!(
        rules_of(&portfolio.clients[1].people[0].lines),
        [RuleId::CapPrestatore]
    );
    // At 100%: only caps reached or breached.
    assert!(
        ledger
            .portfolio([&bar, &shop], date!(2026 - 06 - 30), 100)
            .unwrap()
            .clients
            .iter()
            .all(|c| c.people.is_empty() && c.lines.is_empty())
    );
}

/// An utilizzatore the ledger does not know, or a year without work, is a client with zero
/// totals; a day before the rules table is an error.
#[test]
fn clients_without_work_and_days_without_rules() {
    let mut ledger = Ledger::default();
    ledger.record(&W::new(1, 1, firm(1), 100).build()).unwrap();
    let portfolio = ledger
        .portfolio([firm(1), firm(9)], date!(2027 - 01 - 01), 0)
        .unwrap();
    assert_eq!(portfolio.clients.len(), 2);
    for client in &portfolio.clients {
        assert_eq!(client.totals.prestazioni, 0);
        assert_eq!(client.prestatori, 0);
        assert!(client.lines.is_empty() && client.people.is_empty());
    }
    assert!(
        ledger
            .portfolio([firm(1)], date!(2017 - 06 - 23), 0)
            .is_err()
    );
    let none: [UtilizzatoreId; 0] = [];
    assert!(
        ledger
            .portfolio(none, date!(2026 - 01 - 01), 0)
            .unwrap()
            .clients
            .is_empty()
    );
}

/// Source: CAP-STEWARD, HOURS-280, reading R-HOURS-LF and CAP-UTILIZZATORE-EVENTS: a steward
/// pair is judged on c-bis, LF hours count toward the 280, cap b follows the client's profile.
#[test]
fn steward_hours_and_profiles() {
    let mut ledger = Ledger::default();
    let club = firm(3);
    let hall = firm(4);
    let home = family(1);
    ledger
        .record(&W::new(1, 1, club, 4_504).steward().minutes(600).build())
        .unwrap();
    // 270 hours in 34 days for 2.000,00.
    for d in 0..34u16 {
        let (minutes, euros) = if d == 33 { (360, 86) } else { (480, 58) };
        let day = date!(2026 - 01 - 01) + time::Duration::days(i64::from(d));
        ledger
            .record(
                &W::new(100 + u64::from(d), 2, hall, euros)
                    .day(day)
                    .minutes(minutes)
                    .build(),
            )
            .unwrap();
    }
    // 250 hours of LF work in 32 days (2.048,00: 8 titoli a day, 7 h 50 min).
    for d in 0..32u16 {
        let day = date!(2026 - 02 - 01) + time::Duration::days(i64::from(d));
        ledger
            .record(
                &W::new(200 + u64::from(d), 3, home, 64)
                    .lf()
                    .day(day)
                    .minutes(470)
                    .build(),
            )
            .unwrap();
    }
    for (id, p) in (4..14).zip(10..20) {
        ledger
            .record(&W::new(id, p, hall, 1_000).special().build())
            .unwrap();
    }
    let portfolio = ledger
        .portfolio([&club, &hall, &home], date!(2026 - 12 - 31), 90)
        .unwrap();
    let steward = &portfolio.clients[0].people[0];
    // 4.504 of c-bis (5.000), and of cap a, which steward compensi count toward (R-STEWARD-CAP-A).
    assert_eq!(
        rules_of(&steward.lines),
        [RuleId::CapPrestatore, RuleId::CapSteward]
    );
    let hall_report = &portfolio.clients[1];
    // Cap b: 2.000 + 10 × 1.000 × 0,75 = 9.500 counted, 95% of 10.000.
    assert_eq!(rules_of(&hall_report.lines), [RuleId::CapUtilizzatore]);
    assert_eq!(
        hall_report.lines[0].to_string(),
        "CAP-UTILIZZATORE-TOTAL: counted 9.500,00 € of 10.000,00 € (compensi to comma-8 prestatori at their c. 8 weight); room 500,00 € counted (art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023)"
    );
    let worker = hall_report
        .people
        .iter()
        .find(|p| p.prestatore == codice_fiscale(2))
        .unwrap();
    assert_eq!(rules_of(&worker.lines), [RuleId::Hours280]);
    assert_eq!(
        worker.lines[0].to_string(),
        "HOURS-280: used 270 h 00 min of 280 h 00 min; 10 h 00 min left (art. 54-bis c. 20 D.L. 50/2017)"
    );
    // LF minutes count toward the 280 hours too (reading R-HOURS-LF), but 250 hours are 89,3%
    // of them, below the share: no line at 90, the hours line at 89.
    assert!(portfolio.clients[2].people.is_empty());
    let at_89 = ledger
        .portfolio([&home], date!(2026 - 12 - 31), 89)
        .unwrap();
    assert_eq!(
        rules_of(&at_89.clients[0].people[0].lines),
        [RuleId::Hours280]
    );
    // In the events sector cap b is higher where in force (CAP-UTILIZZATORE-EVENTS).
    let events = Client::from(hall).with_profile(CapProfile::default().with_events_sector(true));
    let as_events = ledger
        .portfolio([events], date!(2026 - 12 - 31), 0)
        .unwrap();
    let line = &as_events.clients[0].lines[0];
    let CapUse::Money(cap) = &line.cap else {
        panic!("money")
    };
    assert!(cap.limit > Euro::from_euros(10_000));
}

/// Source: worked example E10 (HOURS-AGRI): an agricultural client in 2019 is judged on its
/// area's hour limit.
#[test]
fn e10_agricultural_clients_get_their_hour_limit() {
    let mut ledger = Ledger::default();
    let farm = firm(5);
    let area1 = CapProfile::default().with_agricultural_area(AgriculturalArea::Area1);
    // 240 hours in 30 days of 8 hours (2.280,00).
    for d in 0..30u16 {
        ledger
            .record(
                &W::new(1 + u64::from(d), 1, farm, 76)
                    .day(date!(2019 - 04 - 01) + time::Duration::days(i64::from(d)))
                    .minutes(480)
                    .profile(area1)
                    .build(),
            )
            .unwrap();
    }
    let client = Client::from(farm).with_profile(area1);
    let portfolio = ledger
        .portfolio([client], date!(2019 - 12 - 31), 90)
        .unwrap();
    let person = &portfolio.clients[0].people[0];
    assert!(rules_of(&person.lines).contains(&RuleId::HoursAgri));
    let hours = person
        .lines
        .iter()
        .find_map(|l| match &l.cap {
            CapUse::Hours(h) => Some(*h),
            _ => None,
        })
        .unwrap();
    assert_eq!(hours.limit, 259 * 60);
    // As an ordinary client, the 280 hours: 240 of 280 is 85,7%, below 90%.
    let ordinary = ledger.portfolio([farm], date!(2019 - 12 - 31), 90).unwrap();
    assert!(!rules_of(&ordinary.clients[0].people[0].lines).contains(&RuleId::Hours280));
}

/// The index follows the ledger: new pairs after a query, revocations, clones, corrections,
/// replays and failed batches.
#[test]
fn the_index_follows_the_ledger() {
    let mut ledger = Ledger::default();
    let bar = firm(1);
    let day = date!(2026 - 12 - 31);
    ledger.record(&W::new(1, 1, bar, 100).build()).unwrap();
    assert_eq!(
        ledger.portfolio([&bar], day, 0).unwrap().clients[0].prestatori,
        1
    );
    ledger.record(&W::new(2, 2, bar, 100).build()).unwrap();
    assert_eq!(
        ledger.portfolio([&bar], day, 0).unwrap().clients[0].prestatori,
        2
    );
    // A failed batch leaves nothing behind.
    let bad = [
        prestazioni_occasionali::LedgerEvent::Recorded(W::new(3, 3, bar, 100).build()),
        prestazioni_occasionali::LedgerEvent::Recorded(W::new(1, 3, bar, 100).build()),
    ];
    assert!(ledger.apply_batch(&bad).is_err());
    assert_eq!(
        ledger.portfolio([&bar], day, 0).unwrap().clients[0].prestatori,
        2
    );
    // A revoked prestazione leaves the pair without work.
    ledger
        .revoke(PrestazioneId(2), datetime!(2026-03-08 10:00 +01:00))
        .unwrap();
    let after = ledger.portfolio([&bar], day, 0).unwrap();
    assert_eq!(after.clients[0].prestatori, 1);
    assert_eq!(after.clients[0].people.len(), 1);
    // A clone answers alike, and goes its own way.
    let mut copy = ledger.clone();
    assert_eq!(copy.portfolio([&bar], day, 0).unwrap(), after);
    copy.record(&W::new(4, 4, bar, 100).build()).unwrap();
    assert_eq!(
        copy.portfolio([&bar], day, 0).unwrap().clients[0].prestatori,
        2
    );
    assert_eq!(ledger.portfolio([&bar], day, 0).unwrap(), after);
    // A replayed ledger answers alike.
    let events: Vec<_> = ledger.events().collect::<Result<_, _>>().unwrap();
    let replayed = Ledger::replay(ledger.rules_table(), &events).unwrap();
    assert_eq!(replayed.portfolio([&bar], day, 0).unwrap(), after);
}

/// With serde, the answer serialises with its figures as strings.
#[cfg(feature = "serde")]
#[test]
fn the_answer_serialises() {
    let mut ledger = Ledger::default();
    let bar = firm(1);
    ledger.record(&W::new(1, 1, bar, 2_400).build()).unwrap();
    let portfolio = ledger.portfolio([&bar], date!(2026 - 06 - 30), 90).unwrap();
    let json = serde_json::to_value(&portfolio).unwrap();
    assert_eq!(json["day"], "2026-06-30");
    assert_eq!(json["clients"][0]["utilizzatore"], bar.to_string());
    let line = &json["clients"][0]["people"][0]["lines"][0];
    assert_eq!(line["cap"]["Money"]["rule"], "CAP-PAIR");
    assert_eq!(line["cap"]["Money"]["headroom"], "100.00");
    assert_eq!(line["citation"]["act"], "D.L. 50/2017");
}

#[derive(Debug, Clone)]
enum Op {
    Record {
        prestatore: u32,
        client: u32,
        euros: u32,
        minutes: u32,
        kind: u8,
    },
    Revoke(usize),
    Query(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u32..6, 0u32..4, 1u32..1_400, 60u32..3_000, 0u8..4).prop_map(
            |(prestatore, client, euros, minutes, kind)| Op::Record { prestatore, client, euros, minutes, kind }
        ),
        1 => any::<usize>().prop_map(Op::Revoke),
        1 => (0u8..=100).prop_map(Op::Query),
    ]
}

fn client(n: u32) -> UtilizzatoreId {
    if n == 3 { family(0) } else { firm(n) }
}

/// Whether `used` reaches `share` percent of `limit` (the portfolio's rule).
fn reaches(used: Decimal, limit: Euro, share: u8) -> bool {
    used * Decimal::ONE_HUNDRED >= limit.as_decimal() * Decimal::from(share)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The portfolio agrees with the per-pair, per-prestatore and per-utilizzatore totals for
    /// every pair of every client, at any share, whenever it is asked (its index brought up to
    /// date in between), and lists a cap exactly when its use reaches the share.
    #[test]
    fn the_portfolio_agrees_with_the_totals(ops in prop::collection::vec(op(), 1..40), share in 0u8..=100) {
        let mut ledger = Ledger::default().with_warning_thresholds(&[50, 90]).unwrap();
        let mut ids = Vec::new();
        let day = date!(2026 - 12 - 31);
        let clients: Vec<UtilizzatoreId> = (0..4).map(client).collect();
        for (n, op) in ops.into_iter().enumerate() {
            match op {
                Op::Record { prestatore, client: c, euros, minutes, kind } => {
                    let id = u64::try_from(n).unwrap() + 1;
                    let mut w = W::new(id, prestatore, client(c), euros).minutes(minutes);
                    if c == 3 {
                        w = w.lf();
                        w.0.compenso = Euro::from_euros((euros / 8 + minutes.div_ceil(60)) * 8);
                    } else if kind == 1 {
                        w = w.special();
                    } else if kind == 2 {
                        w = w.steward();
                        w.0.compenso = Euro::from_euros((euros / 8 + minutes.div_ceil(60)) * 8);
                    }
                    if let Ok(p) = Prestazione::try_from(w.0)
                        && ledger.record(&p).is_ok()
                    {
                        ids.push(p.id());
                    }
                }
                Op::Revoke(pick) => {
                    if !ids.is_empty() {
                        let id = ids[pick % ids.len()];
                        let _ = ledger.revoke(id, datetime!(2026-03-07 12:00 +01:00));
                    }
                }
                Op::Query(s) => {
                    let _ = ledger.portfolio(&clients, day, s).unwrap();
                }
            }
        }
        let portfolio = ledger.portfolio(&clients, day, share).unwrap();
        let everything = ledger.portfolio(&clients, day, 0).unwrap();
        let rules = ledger.rules_table().in_force_on(day).unwrap();
        for ((report, all), u) in portfolio.clients.iter().zip(&everything.clients).zip(&clients) {
            prop_assert_eq!(&report.utilizzatore, u);
            let totals = ledger.utilizzatore_totals(u, 2026);
            prop_assert_eq!(report.totals, totals);
            // Every prestatore with work for the client is in the share-0 answer, with the
            // ledger's totals.
            let mut working = 0;
            for p in 0..6 {
                let cf = codice_fiscale(p);
                let pair = ledger.pair_totals(&cf, u, 2026);
                let person = all.people.iter().find(|x| x.prestatore == cf);
                if pair.prestazioni == 0 {
                    prop_assert!(person.is_none());
                    continue;
                }
                working += 1;
                let person = person.unwrap();
                prop_assert_eq!(person.pair, pair);
                prop_assert_eq!(person.totals, ledger.prestatore_totals(&cf, 2026));
                // At the share asked: each cap listed exactly when it reaches it.
                let listed = report.people.iter().find(|x| x.prestatore == cf);
                let listed_rules = listed.map(|x| rules_of(&x.lines)).unwrap_or_default();
                let cap_a = person.totals.counted_cap_prestatore.as_decimal() + person.totals.external.as_decimal();
                prop_assert_eq!(
                    listed_rules.contains(&RuleId::CapPrestatore),
                    !cap_a.is_zero() && reaches(cap_a, rules.cap_prestatore.value, share)
                );
                let cap_c = pair.counted_cap_pair.as_decimal();
                prop_assert_eq!(
                    listed_rules.contains(&RuleId::CapPair),
                    !cap_c.is_zero() && reaches(cap_c, rules.cap_pair.value, share)
                );
                let steward = pair.counted_cap_steward.as_decimal();
                prop_assert_eq!(
                    listed_rules.contains(&RuleId::CapSteward),
                    !steward.is_zero() && reaches(steward, rules.cap_steward.value.unwrap(), share)
                );
                let hours_limit = rules.hours_per_pair.value * 60;
                prop_assert_eq!(
                    listed_rules.contains(&RuleId::Hours280),
                    pair.counted_minutes > 0
                        && u64::from(pair.counted_minutes) * 100 >= u64::from(hours_limit) * u64::from(share)
                );
                if let Some(listed) = listed {
                    prop_assert_eq!(listed.pair, person.pair);
                    prop_assert_eq!(listed.totals, person.totals);
                    prop_assert!(listed.lines.iter().all(|l| person.lines.contains(l)));
                }
            }
            prop_assert_eq!(report.prestatori, working);
            prop_assert_eq!(all.people.len(), usize::try_from(working).unwrap());
            let b = totals.counted_cap_utilizzatore;
            prop_assert_eq!(
                !report.lines.is_empty(),
                !b.is_zero() && reaches(b, rules.cap_utilizzatore.value, share)
            );
        }
    }
}

/// Source: CAP-PRESTATORE, CAP-PAIR, HOURS-280, CAP-UTILIZZATORE: the portfolio as a consulente
/// reads it, every line and its citation (a golden text: the heading, each client's totals,
/// cap b when reached, then each prestatore with its compensi, the external total and each cap
/// reached).
#[test]
fn the_portfolio_reads_as_text() {
    let mut ledger = Ledger::default();
    ledger
        .set_external_total(&prestazioni_occasionali::ExternalTotal {
            prestatore: codice_fiscale(1),
            year: 2026,
            total: Euro::from_euros(2_000),
            as_of: date!(2026 - 06 - 30),
        })
        .unwrap();
    // Prestatore 1: 2.100,00 of cap c (84%) and, with the 2.000,00 elsewhere, 4.100,00 of
    // cap a (82%); prestatore 2: 100,00 (below the share).
    ledger
        .record(&W::new(1, 1, firm(1), 2_100).build())
        .unwrap();
    ledger.record(&W::new(2, 2, firm(1), 100).build()).unwrap();
    let text = ledger
        .portfolio([firm(1)], date!(2026 - 07 - 01), 80)
        .unwrap()
        .to_string();
    assert_eq!(
        text,
        "portfolio on 2026-07-01 (caps reached to 80%), year 2026:
00000020016: compensi 2.200,00 €, prestazioni 2, prestatori 2
  BAAAAA80A01H501Q: compensi 2.100,00 € from this client (prestazioni 1), 2.100,00 € in the year (prestazioni 1) (and 2.000,00 € from other utilizzatori)
    CAP-PRESTATORE-TOTAL: used 4.100,00 € of 5.000,00 €; room 900,00 € (art. 54-bis c. 1 lett. a D.L. 50/2017; INPS circ. 107/2017)
    CAP-PAIR: used 2.100,00 € of 2.500,00 €; room 400,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)"
    );
}

/// Share 0 lists every cap in use, and only those: a prestatore whose only prestazione was
/// revoked uses none, so it has no line.
#[test]
fn share_zero_lists_the_caps_in_use_only() {
    let mut ledger = Ledger::default();
    ledger.record(&W::new(1, 1, firm(1), 100).build()).unwrap();
    ledger.record(&W::new(2, 2, firm(1), 100).build()).unwrap();
    ledger
        .revoke(PrestazioneId(2), datetime!(2026-03-07 08:00 +01:00))
        .unwrap();
    let answer = ledger
        .portfolio([firm(1)], date!(2026 - 07 - 01), 0)
        .unwrap();
    let people = &answer.clients[0].people;
    let of = |n: u32| people.iter().find(|p| p.prestatore == codice_fiscale(n));
    assert_eq!(
        rules_of(&of(1).unwrap().lines),
        [RuleId::CapPrestatore, RuleId::CapPair, RuleId::Hours280]
    );
    assert!(of(2).is_none_or(|p| p.lines.is_empty()), "{people:?}");
    // A steward's compensi count toward c-bis, not cap c: no cap c line, even at share 0.
    let club = firm(3);
    ledger
        .record(&W::new(4, 4, club, 400).steward().minutes(120).build())
        .unwrap();
    let answer = ledger.portfolio([club], date!(2026 - 07 - 01), 0).unwrap();
    let rules = rules_of(&answer.clients[0].people[0].lines);
    assert!(rules.contains(&RuleId::CapSteward), "{rules:?}");
    assert!(!rules.contains(&RuleId::CapPair), "{rules:?}");
}

/// Source: readings R-STEWARD-CAP-A and R-HOURS-LF, the other way. On a host's table where a
/// steward's compensi do not count toward cap a and Libretto Famiglia minutes do not count
/// toward the 280 hours, share 0 lists neither for a steward paid with the Libretto: nothing of
/// them is in use.
#[test]
fn share_zero_on_the_other_readings() {
    let mut builder = prestazioni_occasionali::RulesTable::embedded().to_builder();
    builder.steward_counts_toward_cap_prestatore[0].value = false;
    builder.hours_limit_applies_to_lf[0].value = false;
    let mut ledger = Ledger::new(&builder.build().unwrap());
    let club = firm(3);
    let steward = W::new(1, 4, club, 400).steward().minutes(120).build();
    ledger.record(&steward).unwrap();
    ledger
        .record(&W::new(2, 5, family(1), 80).lf().minutes(600).build())
        .unwrap();
    let answer = ledger
        .portfolio([club, family(1)], date!(2026 - 07 - 01), 0)
        .unwrap();
    assert_eq!(
        rules_of(&answer.clients[0].people[0].lines),
        [RuleId::CapSteward]
    );
    assert_eq!(
        rules_of(&answer.clients[1].people[0].lines),
        [RuleId::CapPrestatore, RuleId::CapPair]
    );
    // On the embedded table both count: cap a and the hours are in use.
    let mut embedded = Ledger::default();
    embedded.record(&steward).unwrap();
    let answer = embedded
        .portfolio([club], date!(2026 - 07 - 01), 0)
        .unwrap();
    assert_eq!(
        rules_of(&answer.clients[0].people[0].lines),
        [RuleId::CapPrestatore, RuleId::CapSteward, RuleId::Hours280]
    );
}

/// The warning levels a host set on the ledger come with the portfolio's caps: cap b counted
/// at 95% of 10.000,00 reaches the 90% level, not 100%.
#[test]
fn portfolio_caps_carry_the_warning_levels() {
    let mut ledger = Ledger::default()
        .with_warning_thresholds(&[50, 90, 100])
        .unwrap();
    let hall = firm(4);
    // 9.500,00 counted: 19 prestatori × 500,00, each at its nominal amount.
    for p in 0..19u32 {
        ledger
            .record(&W::new(u64::from(p) + 1, 100 + p, hall, 500).build())
            .unwrap();
    }
    let answer = ledger.portfolio([hall], date!(2026 - 07 - 01), 80).unwrap();
    let CapUse::Money(cap) = &answer.clients[0].lines[0].cap else {
        panic!("cap b is a money cap")
    };
    assert_eq!((cap.rule, cap.warning), (RuleId::CapUtilizzatore, Some(90)));
    assert_eq!(cap.headroom, Euro::from_euros(500));
}
