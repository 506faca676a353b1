//! Robustness: every public parser, checked constructor and calculation returns `Ok` or `Err`
//! (with a non-empty message) on arbitrary and near-valid input, at the limits of `u32`, `Euro`
//! and `time`; a rejected mutation changes nothing; `Debug` and error messages never show a
//! whole codice fiscale or IBAN; with `serde`, arbitrary JSON never deserialises into a value
//! that breaks its type's invariants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AccessChannel, Actor, AgriculturalArea, AtecoCode, BelfioreCode, Cap, CapProfile, Categoria,
    CodiceFiscale, CostBreakdown, CpoWindowCommunication, CpoWork, Delega, DelegaDraft, Effective,
    Engagement, Euro, ExternalTotal, FundingChannel, FundsAccount, Iban, Instrument, Intermediario,
    IntermediarioKind, Ledger, LedgerEvent, LfActivity, LfCommunication, LfWork, MonthlyHeadcount,
    ParentalConsent, PartitaIva, Party, PaymentMethod, PaymentMode, Prestatore, Prestazione,
    PrestazioneDraft, PrestazioneId, PriorRelationship, Provincia, RecordPolicy, Registration,
    RegistrationDraft, RegistrationEvent, RelationshipKind, RoomQuery, RuleId, Rules, RulesTable,
    Scrivania, SelfCertification, SpidLevel, Subject, TimeBand, TopUp, Utilizzatore,
    UtilizzatoreId, UtilizzatoreKind, WindowSector, assess_admissibility, authorize, can_revoke,
    check_cpo_communication, check_cpo_pay, cpo_communication_deadline, cpo_minimum_compenso,
    cpo_minimum_compenso_agricultural, lf_communication_deadline, max_cpo_compenso_for_budget,
    max_lf_titoli_for_budget, net_received, payment_date, post_office_collectable_on,
    revoca_deadline, sanction_for, split_at_midnight, titoli_for_minutes,
};
use prestazioni_occasionali::{
    AccountKind, Action, CommunicatedPrestazione, ContactsDraft, Email, Phone, Section,
    UtilizzatoreRegistrationDraft,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::macros::{date, offset};
use time::{Date, OffsetDateTime, Time, UtcOffset};

const CF: &str = "RSSMRA85T10A562S";
const IBAN: &str = "IT60X0542811101000000123456";

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Days at the limits of `time` as well as ordinary ones.
fn any_date() -> impl Strategy<Value = Date> {
    let min = Date::MIN.to_julian_day();
    let max = Date::MAX.to_julian_day();
    prop_oneof![
        Just(Date::MIN),
        Just(Date::MAX),
        (min..=min + 400).prop_map(|j| Date::from_julian_day(j).unwrap()),
        (max - 400..=max).prop_map(|j| Date::from_julian_day(j).unwrap()),
        (min..=max).prop_map(|j| Date::from_julian_day(j).unwrap()),
        (2_457_000i32..2_466_000).prop_map(|j| Date::from_julian_day(j).unwrap()),
    ]
}

fn any_time() -> impl Strategy<Value = Time> {
    prop_oneof![
        Just(Time::MIDNIGHT),
        Just(Time::from_hms_nano(23, 59, 59, 999_999_999).unwrap()),
        (0u8..24, 0u8..60, 0u8..60).prop_map(|(h, m, s)| Time::from_hms(h, m, s).unwrap()),
    ]
}

fn any_offset() -> impl Strategy<Value = UtcOffset> {
    prop_oneof![
        Just(offset!(+1)),
        Just(offset!(+2)),
        Just(UtcOffset::from_hms(25, 59, 59).unwrap()),
        Just(UtcOffset::from_hms(-25, -59, -59).unwrap()),
        (-25i8..=25).prop_map(|h| UtcOffset::from_hms(h, 0, 0).unwrap()),
    ]
}

fn any_instant() -> impl Strategy<Value = OffsetDateTime> {
    (any_date(), any_time(), any_offset()).prop_map(|(d, t, o)| d.with_time(t).assume_offset(o))
}

fn any_minutes() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(60),
        Just(1500),
        Just(1501),
        Just(u32::MAX),
        Just(u32::MAX - 1),
        any::<u32>(),
        0u32..3000,
    ]
}

fn any_euro() -> impl Strategy<Value = Euro> {
    prop_oneof![
        Just(Euro::ZERO),
        Just(Euro::MAX),
        Just(Euro::from_cents(u64::MAX)),
        any::<u64>().prop_map(Euro::from_cents),
        (0u64..10_000_000).prop_map(Euro::from_cents),
        any::<u64>()
            .prop_map(|c| { Euro::new(Decimal::from_i128_with_scale(i128::from(c), 2)).unwrap() }),
    ]
}

fn any_instrument() -> impl Strategy<Value = Instrument> {
    prop_oneof![
        Just(Instrument::LibrettoFamiglia),
        Just(Instrument::ContrattoPrestazioneOccasionale)
    ]
}

fn any_rules() -> impl Strategy<Value = &'static Rules> {
    let n = Rules::history().len();
    (0..n).prop_map(|i| &Rules::history()[i])
}

/// Valid codici fiscali: the crate's own strategy (feature `proptest`) and valid near-misses.
fn any_codice_fiscale() -> impl Strategy<Value = CodiceFiscale> {
    let near_valid = prop_oneof![
        near(CF).prop_filter_map("valid", |t| t.parse().ok()),
        Just(cf()),
        Just("RSSMRA85T10A56NH".parse().unwrap()),
        Just("12345678903".parse().unwrap()),
    ];
    #[cfg(feature = "proptest")]
    {
        prop_oneof![
            prestazioni_occasionali::strategies::codice_fiscale(),
            prestazioni_occasionali::strategies::codice_fiscale_provvisorio(),
            near_valid,
        ]
    }
    #[cfg(not(feature = "proptest"))]
    near_valid
}

/// Text near a valid one: characters replaced, inserted, deleted, case changed, padded.
fn near(valid: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<usize>(), any::<char>(), 0u8..6);
    prop::collection::vec(edit, 0..4).prop_map(move |edits| {
        let mut chars: Vec<char> = valid.chars().collect();
        for (at, c, kind) in edits {
            let i = if chars.is_empty() {
                0
            } else {
                at % chars.len()
            };
            match kind {
                0 if !chars.is_empty() => chars[i] = c,
                1 => chars.insert(i.min(chars.len()), c),
                2 if !chars.is_empty() => {
                    chars.remove(i);
                }
                3 if !chars.is_empty() => chars[i] = chars[i].to_ascii_lowercase(),
                4 => chars.insert(i.min(chars.len()), ' '),
                _ if !chars.is_empty() => {
                    chars[i] = char::from(b'0' + u8::try_from(at % 10).unwrap());
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9A-Za-z .,-]{0,40}",
        "[0-9]{0,40}([.,][0-9]{0,4})?",
        "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{0,40}",
        "[A-Z0-9]{16}",
        "[0-9]{11}",
    ]
}

/// An `Err` message is non-empty, lowercase-first and without a trailing period.
fn check_message(message: &str) {
    assert!(!message.is_empty(), "empty error message");
    assert!(!message.ends_with('.'), "trailing period: {message}");
}

fn check<T, E: std::fmt::Display + std::fmt::Debug>(r: &Result<T, E>) {
    if let Err(e) = r {
        check_message(&e.to_string());
        assert!(!format!("{e:?}").is_empty());
    }
}

fn cf() -> CodiceFiscale {
    CF.parse().unwrap()
}

fn prestatore() -> Prestatore {
    Prestatore::new(cf(), "Mario", "Rossi", date!(1985 - 12 - 10)).unwrap()
}

fn firm() -> Utilizzatore {
    Utilizzatore::new(
        "00743110157".parse().unwrap(),
        "Rossi Srl",
        UtilizzatoreKind::Impresa,
    )
    .unwrap()
}

fn family() -> Utilizzatore {
    Utilizzatore::new(
        "BNCGNN60A01H501P".parse().unwrap(),
        "Giovanni Bianchi",
        UtilizzatoreKind::PersonaFisica,
    )
    .unwrap()
}

// ---------------------------------------------------------------------------------------------
// 1. Parsers and checked constructors
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn parsers_never_panic_on_arbitrary_text(text in any_text()) {
        check(&text.parse::<CodiceFiscale>());
        check(&CodiceFiscale::parse(&text));
        check(&text.parse::<BelfioreCode>());
        check(&text.parse::<PartitaIva>());
        check(&text.parse::<Iban>());
        check(&text.parse::<Euro>());
        check(&text.parse::<AtecoCode>());
        check(&text.parse::<Provincia>());
        check(&text.parse::<Cap>());
        check(&text.parse::<UtilizzatoreId>());
        check(&text.parse::<Phone>());
        check(&text.parse::<Email>());
        check(&text.parse::<TimeBand>());
        check(&ParentalConsent::new(date!(2026 - 01 - 01), &text));
        check(&Prestatore::new(cf(), &text, &text, date!(1985 - 12 - 10)));
        check(&Utilizzatore::new("00743110157".parse().unwrap(), &text, UtilizzatoreKind::Impresa));
        let place: BelfioreCode = "H501".parse().unwrap();
        for sex in [prestazioni_occasionali::Sex::Male, prestazioni_occasionali::Sex::Female] {
            check(&CodiceFiscale::encode(&text, &text, sex, date!(1985 - 12 - 10), place));
            check(&CodiceFiscale::encode(&text, "Mario", sex, Date::MIN, place));
            check(&CodiceFiscale::encode("Rossi", &text, sex, Date::MAX, place));
        }
        check(&cf().check_names(&text, &text));
        check(&cf().check_names("Rossi", &text));
        #[cfg(feature = "belfiore")]
        {
            let _ = prestazioni_occasionali::Birthplace::by_name(&text, None, date!(1985 - 12 - 10));
            let _ = prestazioni_occasionali::Birthplace::by_name(&text, Some(&text), Date::MAX);
            let _ = prestazioni_occasionali::Birthplace::by_name("Roma", Some(&text), Date::MIN);
        }
    }

    #[test]
    fn parsers_never_panic_on_near_valid_text(
        cf in near(CF),
        iban in near(IBAN),
        piva in near("00743110157"),
        euro in near("1234567890.12"),
        italian in near("€ 1.234.567.890,12"),
        ateco in near("93.29.10"),
        band in near("9:30-13:00"),
        phone in near("+39 333 1234567"),
    ) {
        for text in [&cf, &iban, &piva, &euro, &italian, &ateco, &band, &phone] {
            check(&text.parse::<CodiceFiscale>());
            check(&text.parse::<Iban>());
            check(&text.parse::<PartitaIva>());
            check(&text.parse::<Euro>());
            check(&text.parse::<AtecoCode>());
            check(&text.parse::<TimeBand>());
            check(&text.parse::<Phone>());
            check(&text.parse::<Email>());
            check(&text.parse::<UtilizzatoreId>());
        }
    }

    /// A codice fiscale, once parsed, answers every question without panicking, at any date.
    #[test]
    fn codice_fiscale_queries_never_panic(
        cf in any_codice_fiscale(),
        day in any_date(),
    ) {
        check(&cf.resolve_birth_date(day));
        match cf.decode(day) {
            Ok(decoded) => {
                prop_assert_eq!(decoded.code, cf);
                prop_assert_eq!(Some(decoded.sex), cf.sex());
                let debug = format!("{decoded:?}");
                prop_assert!(!debug.contains(cf.as_str()), "{}", debug);
                prop_assert!(!debug.contains(cf.canonical().as_str()), "{}", debug);
            }
            Err(e) => check(&Err::<(), _>(e)),
        }
        check(&cf.check_names("Rossi", "Mario"));
        if let (Some(sex), Some(code), Ok(birth)) = (cf.sex(), cf.belfiore_code(), cf.resolve_birth_date(day)) {
            check(&CodiceFiscale::encode("Rossi", "Mario", sex, birth, code));
        }
        check(&cf.check_birth(day, prestazioni_occasionali::Sex::Female));
        let _ = cf.matches_birth(day, prestazioni_occasionali::Sex::Male);
        let _ = (cf.sex(), cf.birth_day(), cf.birth_month(), cf.birth_year_candidates());
        let _ = cf.omocodes().count();
        if let Some(code) = cf.belfiore_code() {
            check(&cf.check_birthplace(code));
            #[cfg(feature = "belfiore")]
            {
                let _ = prestazioni_occasionali::Birthplace::lookup(code, day);
                let _ = prestazioni_occasionali::Birthplace::history(code).count();
            }
            let _ = code.is_foreign_state();
        }
        check(&Prestatore::new(cf, "Mario", "Rossi", day));
        let _ = prestazioni_occasionali::age_on(day, date!(2026 - 01 - 01));
        let _ = prestazioni_occasionali::age_on(date!(2026 - 01 - 01), day);
    }

    #[test]
    fn euro_constructors_and_arithmetic_never_panic(
        a in any_euro(),
        b in any_euro(),
        n in any::<u32>(),
        mantissa in any::<i128>(),
        scale in 0u32..=28,
    ) {
        let d = Decimal::try_from_i128_with_scale(mantissa >> 32, scale).unwrap_or(Decimal::MAX);
        for value in [d, Decimal::MAX, Decimal::MIN, -d] {
            check(&Euro::new(value));
            check(&Euro::round_half_away_from_zero(value));
            check(&Euro::round_down(value));
            check(&Euro::try_from(value));
            let _ = a.checked_mul_decimal(value);
        }
        let _ = (a.checked_add(b), a.checked_sub(b), a.saturating_sub(b), a.checked_mul_u32(n));
        let _ = Euro::checked_sum([a, b, a]);
        let _ = [a, b, a].iter().sum::<Option<Euro>>();
        let _ = (a.to_italian(), a.cents(), format!("{a:?}"));
        // Every amount the type holds prints as text that parses back to it, both ways.
        for x in [a, b, a.checked_add(b).unwrap_or(a), a.checked_mul_u32(n).unwrap_or(b)] {
            prop_assert_eq!(x.to_string().parse::<Euro>(), Ok(x));
            prop_assert_eq!(x.to_italian().parse::<Euro>(), Ok(x));
            prop_assert_eq!(x.as_decimal().scale(), 2);
        }
    }

    #[test]
    fn ateco_and_headcount_constructors_never_panic(
        division in any::<u8>(),
        full in any::<u32>(),
        apprentices in any::<u32>(),
        fractions in prop::collection::vec((any::<i64>(), 0u32..=28), 0..8),
    ) {
        let _ = Section::of_division(division);
        let parts: Vec<Decimal> = fractions.iter().map(|&(m, s)| Decimal::new(m, s)).collect();
        let h = MonthlyHeadcount::new(full, &parts, apprentices);
        check(&h);
        if let Ok(h) = h {
            let _ = (h.figure(), h.exact(), h.full_timers(), h.apprentices());
        }
        let _ = MonthlyHeadcount::full_time(full).figure();
    }

    #[test]
    fn party_constructors_never_panic(
        from in any_date(),
        until in proptest::option::of(any_date()),
        day in any_date(),
        rules in any_rules(),
    ) {
        let cert = SelfCertification::new(Categoria::Studente, from, until);
        check(&cert);
        if let Ok(cert) = cert {
            let _ = cert.covers(day);
            let _ = cert.holds_on(day, date!(1985 - 12 - 10), rules);
            let _ = cert.holds_on(day, from, rules);
        }
        let rel = PriorRelationship::new(cf(), RelationshipKind::Subordinato, from, until);
        check(&rel);
        if let Ok(rel) = rel {
            let u = firm().with_prior_relationship(rel);
            let _ = u.barring_relationship(&cf(), day, rules);
            let _ = u.cap_profile(rules);
        }
        let mut headcounts = prestazioni_occasionali::Headcounts::new();
        headcounts.insert(day.year(), day.month(), MonthlyHeadcount::full_time(u32::MAX));
        check(&headcounts.semester_average(day));
        let u = firm().with_headcounts(headcounts);
        for instrument in [Instrument::LibrettoFamiglia, Instrument::ContrattoPrestazioneOccasionale] {
            let job = Engagement::on(day).with_lf_activity(LfActivity::Steward);
            check(&assess_admissibility(instrument, &u, &prestatore(), &job, rules));
            check(&assess_admissibility(instrument, &family(), &prestatore(), &Engagement::on(day), rules));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Calculations: pay, cost, deadlines, sanctions, payments
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn pay_and_cost_never_panic(
        minutes in any_minutes(),
        compenso in any_euro(),
        titoli in any::<u32>(),
        units in any::<u32>(),
        rules in any_rules(),
        day in any_date(),
    ) {
        check(&titoli_for_minutes(minutes, rules));
        check(&cpo_minimum_compenso(minutes, rules));
        check(&check_cpo_pay(compenso, minutes, rules));
        for area in [AgriculturalArea::Area1, AgriculturalArea::Area2, AgriculturalArea::Area3] {
            check(&cpo_minimum_compenso_agricultural(minutes, area, rules));
            check(&prestazioni_occasionali::agricultural_hour_limit(area, rules));
        }
        check(&CostBreakdown::cpo(compenso, rules));
        check(&CostBreakdown::lf(titoli, rules));
        let max = max_cpo_compenso_for_budget(compenso, rules);
        prop_assert!(max <= compenso);
        let _ = max_lf_titoli_for_budget(compenso, rules);
        for mode in [PaymentMode::IbanCredit, PaymentMode::BonificoDomiciliato, PaymentMode::PostOffice] {
            check(&net_received(compenso, mode, rules));
            check(&mode.fee(rules));
        }
        for rule in [RuleId::CapPrestatore, RuleId::Hours280, RuleId::CpoComm, RuleId::LfComm, RuleId::EligAge] {
            let consequence = sanction_for(rule, day, true, units, true, rules);
            check(&prestazioni_occasionali::fine_totals(&consequence));
            let consequence = sanction_for(rule, day, false, units, false, rules);
            check(&prestazioni_occasionali::fine_totals(&consequence));
        }
    }

    #[test]
    fn deadlines_never_panic(
        day in any_date(),
        start in any_instant(),
        sent in any_instant(),
        days in any::<u32>(),
        hours in any::<u32>(),
        rules in any_rules(),
    ) {
        check(&cpo_communication_deadline(start, rules));
        check(&check_cpo_communication(sent, start, rules));
        check(&revoca_deadline(day, rules));
        check(&can_revoke(sent, day, rules));
        check(&payment_date(day, rules));
        check(&lf_communication_deadline(day, rules));
        check(&post_office_collectable_on(day, rules));
        for sector in [WindowSector::Agriculture, WindowSector::Hotels, WindowSector::EntiLocali] {
            let w = CpoWindowCommunication::new(sector, day, days, hours, rules);
            check(&w);
            if let Ok(w) = w {
                check(&w.last_day());
                check(&w.revoca_deadline(rules));
            }
        }
        check(&split_at_midnight(start, sent, RulesTable::embedded()));
        check(&split_at_midnight(sent, start, RulesTable::embedded()));
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Rules tables with odd rows
// ---------------------------------------------------------------------------------------------

/// The embedded table with its latest rows pushed to extreme values, and extra rows on odd days.
fn odd_table() -> impl Strategy<Value = Result<RulesTable, String>> {
    (
        any::<u32>(),
        any_euro(),
        prop_oneof![Just(u32::MAX), Just(0u32), any::<u32>()],
        any_date(),
        prop_oneof![Just(1u8), Just(28), any::<u8>()],
        prop_oneof![
            Just(Decimal::new(1, 28)),
            Just(Decimal::ONE),
            Just(Decimal::ONE - Decimal::new(1, 28)),
            (any::<i64>(), 0u32..=28).prop_map(|(m, scale)| Decimal::new(m, scale)),
        ],
    )
        .prop_map(|(n, amount, big, day, byte, fraction)| {
            let mut b = RulesTable::embedded().to_builder();
            let last = |v: &mut Vec<prestazioni_occasionali::Dated<u32>>, x: u32| {
                if let Some(row) = v.last_mut() {
                    row.value = x;
                }
            };
            last(&mut b.hours_per_pair, big.max(1));
            last(&mut b.revoca_days, n.max(1));
            last(&mut b.cpo_notice_minutes, big.max(1));
            last(&mut b.delega_retention_years, n.max(1));
            last(&mut b.minimum_age, big.max(1));
            last(&mut b.student_age_limit, n.max(1));
            last(&mut b.headcount_limit, big.max(1));
            let amount = amount.max(Euro::from_cents(1));
            if let Some(row) = b.cap_prestatore.last_mut() {
                row.value = amount;
            }
            if let Some(row) = b.cpo_min_hourly.last_mut() {
                row.value = amount;
            }
            if let Some(row) = b.cpo_ivs_rate.last_mut() {
                row.value = fraction.min(Decimal::ONE - Decimal::new(1, 28));
            }
            if let Some(row) = b.special_category_weight.last_mut() {
                row.value = fraction;
            }
            if let Some(row) = b.lf_communication_day.last_mut() {
                row.value = byte;
            }
            if let Some(row) = b.post_office_mandate_days.last_mut() {
                row.value = Some(n.max(1));
            }
            if let Some(w) = b.cpo_window.last_mut().and_then(|row| row.value.as_mut()) {
                w.days = big.max(1);
            }
            if let Some(row) = b.lf_titolo.last().cloned().filter(|row| row.from < day) {
                let mut row = row;
                row.from = day;
                row.value.max_minutes = big.max(1);
                b.lf_titolo.push(row);
            }
            b.build().map_err(|e| {
                check_message(&e.to_string());
                e.to_string()
            })
        })
}

proptest! {
    #![proptest_config(config(96))]

    /// Every calculation under a table with extreme (but accepted) rows returns `Ok` or `Err`.
    #[test]
    fn calculations_under_odd_tables_never_panic(
        table in odd_table(),
        minutes in any_minutes(),
        compenso in any_euro(),
        day in any_date(),
        start in any_instant(),
    ) {
        let Ok(table) = table else { return Ok(()) };
        for rules in table.versions() {
            check(&titoli_for_minutes(minutes, rules));
            check(&cpo_minimum_compenso(minutes, rules));
            check(&check_cpo_pay(compenso, minutes, rules));
            check(&CostBreakdown::cpo(compenso, rules));
            check(&CostBreakdown::lf(minutes, rules));
            let _ = max_cpo_compenso_for_budget(compenso, rules);
            let _ = max_lf_titoli_for_budget(compenso, rules);
            check(&cpo_communication_deadline(start, rules));
            check(&check_cpo_communication(start, start, rules));
            check(&revoca_deadline(day, rules));
            check(&can_revoke(start, day, rules));
            check(&payment_date(day, rules));
            check(&lf_communication_deadline(day, rules));
            check(&post_office_collectable_on(day, rules));
            check(&CpoWindowCommunication::new(WindowSector::Hotels, day, minutes, minutes, rules));
            let _ = sanction_for(RuleId::CpoComm, day, false, minutes, false, rules);
            let job = Engagement::on(day);
            check(&assess_admissibility(Instrument::LibrettoFamiglia, &family(), &prestatore(), &job, rules));
            check(&assess_admissibility(Instrument::ContrattoPrestazioneOccasionale, &firm(), &prestatore(), &job, rules));
        }
        check(&table.in_force_on(day));
        let mut ledger = Ledger::new(&table);
        for (i, d) in [day, date!(2026 - 03 - 07)].into_iter().enumerate() {
            let p = prestazione(i as u64, Instrument::ContrattoPrestazioneOccasionale, d, minutes, compenso);
            if let Ok(p) = p {
                check(&ledger.assess(&p));
                check(&ledger.record_with(&p, RecordPolicy::RecordConversionBreaches));
                check(&ledger.revoke(p.id(), start));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Ledger: extreme values, and a rejected operation changes nothing
// ---------------------------------------------------------------------------------------------

fn prestazione(
    id: u64,
    instrument: Instrument,
    day: Date,
    minutes: u32,
    compenso: Euro,
) -> Result<Prestazione, prestazioni_occasionali::PrestazioneError> {
    Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore: cf(),
        utilizzatore: "00743110157".parse().unwrap(),
        day,
        minutes,
        compenso,
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })
}

#[derive(Debug, Clone)]
enum Op {
    Record(u64, Instrument, Date, u32, Euro, bool),
    Revoke(u64, OffsetDateTime),
    Confirm(u64, OffsetDateTime),
    Correct(u64, Date, u32, Euro),
    External(i32, Euro, Date),
    Apply(u64, Date, Euro),
    Merge(u64, Date, Euro),
}

fn small_id() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..6, Just(u64::MAX)]
}

fn ledger_day() -> impl Strategy<Value = Date> {
    prop_oneof![
        3 => (0u16..365).prop_map(|d| date!(2026 - 01 - 01).saturating_add(time::Duration::days(d.into()))),
        1 => any_date(),
    ]
}

fn ledger_euro() -> impl Strategy<Value = Euro> {
    prop_oneof![
        3 => (1u64..600_000).prop_map(Euro::from_cents),
        1 => any_euro(),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            small_id(),
            any_instrument(),
            ledger_day(),
            any_minutes(),
            ledger_euro(),
            any::<bool>()
        )
            .prop_map(|(i, ins, d, m, e, c)| Op::Record(i, ins, d, m, e, c)),
        (small_id(), any_instant()).prop_map(|(i, at)| Op::Revoke(i, at)),
        (small_id(), any_instant()).prop_map(|(i, at)| Op::Confirm(i, at)),
        (small_id(), ledger_day(), any_minutes(), ledger_euro())
            .prop_map(|(i, d, m, e)| Op::Correct(i, d, m, e)),
        (
            prop_oneof![Just(2026), Just(i32::MIN), Just(i32::MAX), any::<i32>()],
            any_euro(),
            any_date()
        )
            .prop_map(|(y, e, d)| Op::External(y, e, d)),
        (small_id(), ledger_day(), ledger_euro()).prop_map(|(i, d, e)| Op::Apply(i, d, e)),
        (small_id(), ledger_day(), ledger_euro()).prop_map(|(i, d, e)| Op::Merge(i, d, e)),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// Ledger operations with extreme ids, days, minutes and amounts: `Ok`, or an `Err` that
    /// leaves the ledger equal to what it was.
    #[test]
    fn ledger_operations_never_panic_and_rejections_change_nothing(
        ops in prop::collection::vec(op(), 1..24),
    ) {
        let mut ledger = Ledger::default();
        for op in ops {
            let before = ledger.clone();
            match op {
                Op::Record(id, instrument, day, minutes, compenso, convert) => {
                    let Ok(p) = prestazione(id, instrument, day, minutes, compenso) else { continue };
                    check(&ledger.assess(&p));
                    let policy = if convert { RecordPolicy::RecordConversionBreaches } else { RecordPolicy::RefuseEveryBreach };
                    let r = ledger.record_with(&p, policy);
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                    let q = RoomQuery {
                        prestatore: cf(),
                        utilizzatore: p.utilizzatore(),
                        day,
                        instrument,
                        special_category: convert,
                        steward: false,
                        profile: CapProfile::default(),
                    };
                    check(&ledger.room(&q));
                }
                Op::Revoke(id, at) => {
                    check(&ledger.check_revoke(PrestazioneId(id), at));
                    let r = ledger.revoke(PrestazioneId(id), at);
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                }
                Op::Confirm(id, at) => {
                    check(&ledger.check_confirm(PrestazioneId(id), at));
                    let r = ledger.confirm(PrestazioneId(id), at);
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                    check(&prestazioni_occasionali::Subject::recorded(&ledger, PrestazioneId(id)));
                }
                Op::Correct(id, day, minutes, compenso) => {
                    let Ok(p) = prestazione(id, Instrument::LibrettoFamiglia, day, minutes, compenso) else { continue };
                    let r = ledger.correct(&p);
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                }
                Op::External(year, total, as_of) => {
                    let r = ledger.set_external_total(&ExternalTotal { prestatore: cf(), year, total, as_of });
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                }
                Op::Apply(id, day, compenso) => {
                    let Ok(p) = prestazione(id, Instrument::LibrettoFamiglia, day, 60, compenso) else { continue };
                    for event in [LedgerEvent::Recorded(p.clone()), LedgerEvent::Corrected(p), LedgerEvent::Revoked { id: PrestazioneId(id), at: time::OffsetDateTime::new_utc(day, time::Time::MIDNIGHT) }, LedgerEvent::Confirmed { id: PrestazioneId(id), at: time::OffsetDateTime::new_utc(day, time::Time::MIDNIGHT) }] {
                        let before = ledger.clone();
                        let r = ledger.apply(&event);
                        check(&r);
                        if r.is_err() { prop_assert_eq!(&ledger, &before); }
                    }
                }
                Op::Merge(id, day, compenso) => {
                    let mut other = Ledger::default();
                    if let Ok(p) = prestazione(id, Instrument::ContrattoPrestazioneOccasionale, day, 60, compenso) {
                        let _ = other.record_with(&p, RecordPolicy::RecordConversionBreaches);
                    }
                    let _ = other.set_external_total(&ExternalTotal { prestatore: cf(), year: day.year(), total: compenso, as_of: day });
                    let r = ledger.merge(&other);
                    check(&r);
                    if r.is_err() { prop_assert_eq!(&ledger, &before); }
                    let r = ledger.merge(&ledger.clone());
                    check(&r);
                }
            }
            for year in [2026, i32::MIN, i32::MAX] {
                let _ = ledger.prestatore_totals(&cf(), year);
                let _ = ledger.instrument_totals(year, Instrument::LibrettoFamiglia);
                let _ = ledger.month_totals(year, time::Month::December);
            }
            for event in ledger.events() {
                check(&event);
            }
        }
        let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
        check(&Ledger::replay(ledger.rules_table(), &events));
        check(&Ledger::replay_verified(ledger.rules_table(), &events));
        for finding in ledger.verify() {
            let _ = finding.to_string();
        }
        let mut batch = Ledger::default();
        check(&batch.apply_batch(&events));
    }

    #[test]
    fn ledger_settings_never_panic(
        thresholds in prop::collection::vec(any::<u8>(), 0..6),
        sizes in (any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>(), any::<i32>()),
    ) {
        check(&Ledger::default().with_warning_thresholds(&thresholds));
        let (prestazioni, prestatori, utilizzatori, pairs, year) = sizes;
        let mut ledger = Ledger::default();
        // A reservation far beyond memory is skipped, not a panic ("capacity overflow").
        ledger.reserve(&prestazioni_occasionali::LedgerCapacity { year, prestazioni, prestatori, utilizzatori, pairs });
        prop_assert!(ledger.is_empty());
    }
}

/// `Ledger::reserve` called `Vec::reserve`, which panics on "capacity overflow".
#[test]
fn ledger_reserve_of_usize_max_does_not_panic() {
    let mut ledger = Ledger::default();
    ledger.reserve(&prestazioni_occasionali::LedgerCapacity {
        year: 2026,
        prestazioni: usize::MAX,
        prestatori: usize::MAX,
        utilizzatori: usize::MAX,
        pairs: usize::MAX,
    });
    let p = prestazione(
        1,
        Instrument::LibrettoFamiglia,
        date!(2026 - 03 - 07),
        60,
        Euro::from_euros(8),
    )
    .unwrap();
    ledger.record(&p).unwrap();
    assert_eq!(ledger.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// 5. Registration, deleghe, funds, communications, the desk
// ---------------------------------------------------------------------------------------------

fn registration_draft(
    on: Date,
    cf_text: String,
    iban: String,
    birth: Option<Date>,
    level: SpidLevel,
) -> RegistrationDraft {
    let mut d = RegistrationDraft::new(on, AccessChannel::Spid { level });
    d.codice_fiscale = cf_text;
    d.first_name = "Mario".into();
    d.last_name = "Rossi".into();
    d.birth_date = birth;
    d.birthplace = "A562".into();
    d.sex = Some(prestazioni_occasionali::Sex::Male);
    d.residence = prestazioni_occasionali::AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    d.document = prestazioni_occasionali::DocumentDraft {
        kind: prestazioni_occasionali::DocumentKind::CartaIdentita,
        number: "CA12345AB".into(),
        issued_on: birth,
        expires_on: Some(on),
        issued_by: "Comune di Roma".into(),
    };
    d.contacts = ContactsDraft {
        mobile: "333 1234567".into(),
        email: "mario.rossi@example.it".into(),
        preferred: prestazioni_occasionali::ContactChannel::Mobile,
        hours: "10.00-18.00".into(),
    };
    d.privacy_consent = true;
    d.payment = prestazioni_occasionali::PaymentDraft {
        mode: PaymentMode::IbanCredit,
        iban,
        account: AccountKind::ContoCorrente,
        held_by_prestatore: true,
    };
    d
}

fn registration_event() -> impl Strategy<Value = RegistrationEvent> {
    let channel = prestazioni_occasionali::ConfirmationChannel::ContactCenter;
    prop_oneof![
        Just(RegistrationEvent::Submit),
        any_date().prop_map(move |on| RegistrationEvent::Confirm { on, via: channel }),
        any_date().prop_map(|on| RegistrationEvent::Suspend { on }),
        any_date().prop_map(|on| RegistrationEvent::Resume { on }),
        any_date().prop_map(|on| RegistrationEvent::Close { on }),
        any_date().prop_map(|from| RegistrationEvent::ChangePaymentMethod {
            from,
            method: PaymentMethod::BonificoDomiciliato
        }),
        (any_date(), any_date(), proptest::option::of(any_date())).prop_map(
            |(from, since, until)| {
                let certifications = SelfCertification::new(Categoria::Disoccupato, since, until)
                    .into_iter()
                    .collect();
                RegistrationEvent::ChangeSelfCertifications {
                    from,
                    certifications,
                }
            }
        ),
        (
            any_date(),
            near(CF),
            near(IBAN),
            proptest::option::of(any_date())
        )
            .prop_map(|(on, cf, iban, birth)| RegistrationEvent::Edit(Box::new(
                registration_draft(on, cf, iban, birth, SpidLevel::L2)
            ))),
    ]
}

proptest! {
    #![proptest_config(config(96))]

    /// Arbitrary events on a registration: `Ok`, or an `Err` that changes nothing.
    #[test]
    fn registration_events_never_panic_and_rejections_change_nothing(
        on in any_date(),
        cf_text in near(CF),
        iban in near(IBAN),
        birth in proptest::option::of(any_date()),
        level in any::<u8>(),
        events in prop::collection::vec(registration_event(), 0..10),
        day in any_date(),
    ) {
        // Any number is a SPID level (1-3) or refused as none, naming it.
        let level = match SpidLevel::try_from(level) {
            Ok(valid) => {
                prop_assert!((1..=3).contains(&level));
                valid
            }
            Err(e) => {
                prop_assert!(!(1..=3).contains(&level));
                prop_assert_eq!(e.to_string(), format!("SPID level {level} does not exist (SPID has levels 1 to 3)"));
                SpidLevel::L1
            }
        };
        let draft = registration_draft(on, cf_text, iban, birth, level);
        check(&draft.validate());
        for rules in Rules::history().iter().take(1).chain(Rules::history().last()) {
            check(&draft.validate_with(rules));
        }
        check(&draft.contacts.validate());
        let mut registration = Registration::new(draft.clone());
        for event in events.clone() {
            let before = registration.clone();
            let r = registration.apply(event);
            check(&r);
            if r.is_err() { prop_assert_eq!(&registration, &before); }
        }
        let _ = registration.is_active_on(day);
        let _ = registration.is_active_worker("Mario", "Rossi", &cf(), day);
        let _ = registration.payment_method_on(day);
        let _ = registration.contacts_on(day);
        let _ = registration.self_certifications_on(day);
        if let Some(p) = registration.prestatore_on(day) { check(&p); }
        if let Some(rules) = Rules::history().last() { let _ = registration.special_category_on(day, rules); }
        check(&Registration::replay(draft, events));
    }

    #[test]
    fn utilizzatore_registration_never_panics(
        on in any_date(),
        id in prop_oneof![near(CF), near("00743110157"), any_text()],
        ateco in prop_oneof![near("56.10.11"), any_text()],
    ) {
        for kind in [
            prestazioni_occasionali::RegistrantKind::PersonaFisica,
            prestazioni_occasionali::RegistrantKind::Impresa,
        ] {
            let draft = UtilizzatoreRegistrationDraft { registered_on: on, kind, id: id.clone(), ateco: ateco.clone() };
            check(&draft.validate());
        }
    }

    /// Deleghe with extreme days: construction, revoca, retention and authorization never panic;
    /// a rejected revoca leaves the delega as it was.
    #[test]
    fn deleghe_never_panic(
        from in any_date(),
        until in any_date(),
        revoked in proptest::option::of(any_date()),
        on in any_date(),
        day in any_date(),
        rules in any_rules(),
    ) {
        let intermediario = Intermediario { kind: IntermediarioKind::ConsulenteDelLavoro, codice_fiscale: "BNCGNN60A01H501P".parse().unwrap() };
        for delegante in [
            Party::Prestatore(cf()),
            Party::Utilizzatore { id: "00743110157".parse().unwrap(), instrument: Instrument::ContrattoPrestazioneOccasionale },
            Party::Utilizzatore { id: "00743110157".parse().unwrap(), instrument: Instrument::LibrettoFamiglia },
        ] {
            let draft = DelegaDraft {
                delegante,
                intermediario,
                actions: vec![Action::CommunicatePrestazione, Action::Register, Action::ViewScrivania],
                from,
                until,
                revoked_on: revoked,
            };
            let delega = Delega::new(draft.clone());
            check(&delega);
            check(&Delega::try_from(draft));
            let Ok(delega) = delega else { continue };
            let before = delega.clone();
            check(&delega.revoke(on));
            prop_assert_eq!(&delega, &before);
            let _ = delega.is_valid_on(day);
            check(&delega.keep_until());
            let _ = delega.keep_until_with(rules);
            let subject = Subject::Party(delegante);
            for action in [Action::CommunicatePrestazione, Action::Register, Action::FundLibretto] {
                let a = authorize(&Actor::Intermediario(intermediario), action, &subject, std::slice::from_ref(&delega), day, rules);
                if let Some(denial) = a.denial() { check_message(&denial.to_string()); }
            }
        }
    }

    /// Funds accounts with extreme amounts and days: `Ok`, or an `Err` that changes nothing.
    #[test]
    fn funds_never_panic_and_rejections_change_nothing(
        ops in prop::collection::vec((0u8..3, any_euro(), any_date(), small_id()), 1..12),
        rules in any_rules(),
    ) {
        for instrument in [Instrument::LibrettoFamiglia, Instrument::ContrattoPrestazioneOccasionale] {
            let mut account = FundsAccount::new(instrument);
            for &(kind, amount, day, id) in &ops {
                let before = account.clone();
                let message = match kind {
                    0 => {
                        let top_up = TopUp {
                            channel: FundingChannel::PagoPa,
                            causale: Some(prestazioni_occasionali::Causale::for_instrument(instrument)),
                            amount,
                            available_on: day,
                        };
                        account.top_up(top_up, rules).err().map(|e| e.to_string())
                    }
                    1 => account.commit(id, amount, day).err().map(|e| e.to_string()),
                    _ => account.release(id).err().map(|e| e.to_string()),
                };
                if let Some(message) = message {
                    check_message(&message);
                    prop_assert_eq!(&account, &before);
                }
                let _ = (account.available_on(day), account.committed());
            }
        }
    }

    /// Communications with extreme days, minutes, instants and amounts.
    #[test]
    fn communications_never_panic(
        day in any_date(),
        minutes in any_minutes(),
        start in any_instant(),
        end in any_instant(),
        sent in any_instant(),
        compensi in prop::collection::vec(any_euro(), 0..4),
        first_id in any::<u64>(),
        place in any_text(),
    ) {
        let table = RulesTable::embedded();
        let work = LfWork::new(day, minutes, LfActivity::AssistenzaDomiciliare, place.clone(), PrestazioneId(first_id));
        let lf = LfCommunication::new(&family(), &prestatore(), &work, table);
        check(&lf);
        if let Ok(lf) = lf {
            let _ = lf.check_sent_at(day);
            let mut account = FundsAccount::new(Instrument::LibrettoFamiglia);
            let before = account.clone();
            let r = lf.commit_funds(&mut account, day);
            check(&r);
            if r.is_err() { prop_assert_eq!(&account, &before); }
        }
        let work = CpoWork::new(place, "oggetto", start, end, compensi, sent);
        let cpo = prestazioni_occasionali::CpoCommunication::new(&firm(), &prestatore(), &work, table);
        check(&cpo);
        if let Ok(cpo) = cpo {
            check(&cpo.prestazioni(PrestazioneId(first_id)));
            let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
            let before = account.clone();
            let r = cpo.commit_funds(&mut account, PrestazioneId(first_id));
            check(&r);
            if r.is_err() { prop_assert_eq!(&account, &before); }
        }
    }

    /// The desk with extreme instants, amounts and payment days.
    #[test]
    fn scrivania_never_panics(
        entries in prop::collection::vec(
            (small_id(), any_instrument(), ledger_day(), any_minutes(), ledger_euro(), any_instant(),
             proptest::option::of(any_instant()), proptest::option::of(any_date())),
            0..6,
        ),
        from in any_date(),
        now in any_instant(),
        year in prop_oneof![Just(2026), any::<i32>()],
    ) {
        let prestazioni: Vec<CommunicatedPrestazione> = entries
            .into_iter()
            .filter_map(|(id, instrument, day, minutes, compenso, communicated_at, revoked_at, paid_on)| {
                let prestazione = prestazione(id, instrument, day, minutes, compenso).ok()?;
                Some(CommunicatedPrestazione { prestazione, communicated_at, revoked_at, confirmed_at: None, paid_on })
            })
            .collect();
        let history = [
            Effective { from, value: PaymentMethod::PostOffice },
            Effective { from: date!(2017 - 01 - 01), value: PaymentMethod::BonificoDomiciliato },
        ];
        let desk = Scrivania::new(cf(), &prestazioni, &history, RulesTable::embedded(), now);
        check(&desk);
        if let Ok(desk) = desk {
            let _ = desk.payments();
            check(&desk.prospetto(year));
            let _ = desk.payment_method_on(from);
        }
    }
}

/// Work on the last day `time` represents: every deadline after it is an `Err`, and the ledger,
/// the communications and the desk still answer.
#[test]
fn work_on_the_last_representable_day() {
    let table = RulesTable::embedded();
    let rules = table.in_force_on(Date::MAX).unwrap();
    check(&payment_date(Date::MAX, rules));
    assert!(lf_communication_deadline(Date::MAX, rules).is_err());
    check(&revoca_deadline(Date::MAX, rules));
    let last = Date::MAX
        .with_time(Time::from_hms(23, 0, 0).unwrap())
        .assume_offset(offset!(+1));
    let first = Date::MIN.midnight().assume_offset(offset!(-25:59:59));
    for (start, end) in [
        (last, last.replace_time(Time::from_hms(23, 59, 59).unwrap())),
        (first, first.replace_time(Time::from_hms(3, 0, 0).unwrap())),
    ] {
        check(&cpo_communication_deadline(start, rules));
        check(&split_at_midnight(start, end, table));
        let work = CpoWork::new(
            "Roma",
            "inventario",
            start,
            end,
            vec![Euro::from_euros(40)],
            start,
        );
        let cpo =
            prestazioni_occasionali::CpoCommunication::new(&firm(), &prestatore(), &work, table);
        check(&cpo);
        if let Ok(cpo) = cpo {
            check(&cpo.prestazioni(PrestazioneId(u64::MAX)));
        }
    }
    let work = LfWork::new(
        Date::MAX,
        120,
        LfActivity::AssistenzaDomiciliare,
        "Roma",
        PrestazioneId(1),
    );
    check(&LfCommunication::new(
        &family(),
        &prestatore(),
        &work,
        table,
    ));

    let mut ledger = Ledger::default();
    for (id, instrument) in [
        (1, Instrument::LibrettoFamiglia),
        (2, Instrument::ContrattoPrestazioneOccasionale),
    ] {
        let p = prestazione(id, instrument, Date::MAX, 120, Euro::from_euros(40)).unwrap();
        check(&ledger.record(&p));
        check(&ledger.revoke(p.id(), last));
        check(&ledger.correct(&p));
    }
    let p = prestazione(
        3,
        Instrument::ContrattoPrestazioneOccasionale,
        Date::MAX,
        120,
        Euro::from_euros(40),
    )
    .unwrap();
    let entry = CommunicatedPrestazione {
        prestazione: p,
        communicated_at: last,
        revoked_at: None,
        confirmed_at: None,
        paid_on: Some(Date::MAX),
    };
    let history = [Effective {
        from: date!(2017 - 01 - 01),
        value: PaymentMethod::BonificoDomiciliato,
    }];
    let desk = Scrivania::new(cf(), &[entry], &history, table, last);
    check(&desk);
    if let Ok(desk) = desk {
        check(&desk.prospetto(Date::MAX.year()));
    }
}

/// The largest amounts: costs, caps and the desk refuse them with an `Err`.
#[test]
fn the_largest_amounts() {
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    for amount in [Euro::MAX, Euro::from_cents(u64::MAX)] {
        check(&CostBreakdown::cpo(amount, rules));
        check(&net_received(amount, PaymentMode::PostOffice, rules));
        let _ = max_cpo_compenso_for_budget(amount, rules);
        let _ = max_lf_titoli_for_budget(amount, rules);
        // No prestazione pays more than cap a: the largest one the ledger can meet is 5.000,00.
        for instrument in [
            Instrument::LibrettoFamiglia,
            Instrument::ContrattoPrestazioneOccasionale,
        ] {
            let too_much = prestazione(1, instrument, date!(2026 - 03 - 07), 1500, amount);
            assert!(too_much.is_err(), "{too_much:?}");
        }
        let largest = Euro::from_euros(5_000);
        let mut ledger = Ledger::default();
        for (id, instrument) in [
            (1, Instrument::LibrettoFamiglia),
            (2, Instrument::ContrattoPrestazioneOccasionale),
            (3, Instrument::ContrattoPrestazioneOccasionale),
        ] {
            let p = prestazione(id, instrument, date!(2026 - 03 - 07), 1500, largest).unwrap();
            let before = ledger.clone();
            let r = ledger.record_with(&p, RecordPolicy::RecordConversionBreaches);
            check(&r);
            if r.is_err() {
                assert_eq!(ledger, before);
            }
        }
        let total = ExternalTotal {
            prestatore: cf(),
            year: 2026,
            total: amount,
            as_of: date!(2026 - 03 - 01),
        };
        check(&ledger.set_external_total(&total));
        let p = prestazione(
            4,
            Instrument::ContrattoPrestazioneOccasionale,
            date!(2026 - 03 - 08),
            60,
            largest,
        )
        .unwrap();
        check(&ledger.assess(&p));
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Personal data: Debug and error messages never show a whole codice fiscale or IBAN
// ---------------------------------------------------------------------------------------------

/// The texts that must never appear: the codice fiscale (and its omocode), the IBAN in both
/// forms and its BBAN.
fn assert_masked(what: &str, text: &str) {
    for secret in [
        CF,
        "RSSMRA85T10A56NH",
        "BNCGNN60A01H501P",
        MINOR_CF,
        IBAN,
        "IT60 X054 2811 1010 0000 0123 456",
        "X0542811101000000123456",
    ] {
        assert!(!text.contains(secret), "{what} shows {secret}: {text}");
    }
}

/// A minor's codice fiscale (born 10/12/2009), registered with parental consent.
const MINOR_CF: &str = "RSSMRA09T10A562E";

/// The other personal data that must never appear in `Debug`: names (the prestatore's, a
/// parent's, a persona fisica utilizzatore's), birth dates, the street, the mobile number, the
/// e-mail address, the document number.
fn assert_no_personal_data(what: &str, text: &str) {
    for secret in [
        "Mario",
        "Rossi\"",
        "Giovanni",
        "Bianchi",
        "1985-12-10",
        "2009-12-10",
        "Via Po",
        "1234567",
        "mario.rossi",
        "CA12345AB",
        "Casa Bianchi",
    ] {
        assert!(!text.contains(secret), "{what} shows {secret}: {text}");
    }
}

#[test]
#[allow(clippy::too_many_lines)]
fn debug_masks_codici_fiscali_and_ibans_everywhere() {
    let table = RulesTable::embedded();
    let day = date!(2026 - 03 - 07);
    let iban: Iban = IBAN.parse().unwrap();
    let payment = PaymentMethod::IbanCredit {
        iban,
        account: AccountKind::ContoCorrente,
    };
    let p = prestazione(
        1,
        Instrument::ContrattoPrestazioneOccasionale,
        day,
        240,
        Euro::from_euros(40),
    )
    .unwrap();
    let lf = Prestazione::try_from(PrestazioneDraft {
        utilizzatore: "BNCGNN60A01H501P".parse().unwrap(),
        instrument: Instrument::LibrettoFamiglia,
        ..p.draft().clone()
    })
    .unwrap();
    let mut ledger = Ledger::default();
    ledger.record(&p).unwrap();
    ledger
        .record(
            &Prestazione::try_from(PrestazioneDraft {
                id: PrestazioneId(2),
                ..lf.draft().clone()
            })
            .unwrap(),
        )
        .unwrap();
    let refused = ledger.record(&p).unwrap_err();
    let external = ExternalTotal {
        prestatore: cf(),
        year: 2026,
        total: Euro::from_euros(1),
        as_of: day,
    };
    let intermediario = Intermediario {
        kind: IntermediarioKind::ConsulenteDelLavoro,
        codice_fiscale: "BNCGNN60A01H501P".parse().unwrap(),
    };
    let delega = Delega::new(DelegaDraft {
        delegante: Party::Prestatore(cf()),
        intermediario,
        actions: vec![Action::ViewScrivania],
        from: day,
        until: date!(2027 - 03 - 07),
        revoked_on: None,
    })
    .unwrap();
    let authorization = authorize(
        &Actor::Intermediario(intermediario),
        Action::ViewScrivania,
        &Subject::Party(Party::Prestatore(cf())),
        &[],
        day,
        Rules::in_force_on(day).unwrap(),
    );
    // A minor, with the consent of a parent (a consent is recorded only below 18).
    let mut draft = registration_draft(
        day,
        MINOR_CF.into(),
        IBAN.into(),
        Some(date!(2009 - 12 - 10)),
        SpidLevel::L2,
    );
    draft.document.issued_on = Some(date!(2021 - 05 - 04));
    draft.parental_consent = Some(prestazioni_occasionali::ParentalConsentDraft {
        parent_codice_fiscale: "BNCGNN60A01H501P".into(),
        parent_name: "Giovanni Bianchi".into(),
        given_on: Some(day),
    });
    let data = draft.validate().unwrap();
    let mut registration = Registration::new(draft.clone());
    registration.apply(RegistrationEvent::Submit).unwrap();
    let utilizzatore_draft = UtilizzatoreRegistrationDraft {
        registered_on: day,
        kind: prestazioni_occasionali::RegistrantKind::PersonaFisica,
        id: "BNCGNN60A01H501P".into(),
        ateco: String::new(),
    };
    let utilizzatore_registration = utilizzatore_draft.validate().unwrap();
    let utilizzatore_draft_masked = utilizzatore_draft.clone();
    let entry = CommunicatedPrestazione {
        prestazione: p.clone(),
        communicated_at: datetime_of(day),
        revoked_at: None,
        confirmed_at: None,
        paid_on: Some(date!(2026 - 04 - 15)),
    };
    let desk = Scrivania::new(
        cf(),
        std::slice::from_ref(&entry),
        &[Effective {
            from: date!(2017 - 01 - 01),
            value: payment.clone(),
        }],
        table,
        datetime_of(date!(2026 - 05 - 01)),
    )
    .unwrap();
    let prospetto = desk.prospetto(2026).unwrap();
    let work = LfWork::new(
        day,
        120,
        LfActivity::AssistenzaDomiciliare,
        "Casa Bianchi, Via Po 12, Roma",
        PrestazioneId(9),
    );
    let lf_communication = LfCommunication::new(&family(), &prestatore(), &work, table).unwrap();
    let relationship = PriorRelationship::new(
        cf(),
        RelationshipKind::Subordinato,
        date!(2020 - 01 - 01),
        None,
    )
    .unwrap();

    let debug: Vec<(&str, String)> = vec![
        ("CodiceFiscale", format!("{:?}", cf())),
        ("Iban", format!("{iban:?}")),
        ("PaymentMethod", format!("{payment:?}")),
        ("UtilizzatoreId", format!("{:?}", lf.utilizzatore())),
        ("Prestatore", format!("{:?}", prestatore())),
        (
            "Utilizzatore",
            format!("{:?}", family().with_prior_relationship(relationship)),
        ),
        ("PriorRelationship", format!("{relationship:?}")),
        ("Prestazione", format!("{lf:?}")),
        ("PrestazioneDraft", format!("{:?}", lf.draft())),
        ("Ledger", format!("{ledger:?}")),
        (
            "LedgerEntry",
            format!("{:?}", ledger.entries().collect::<Vec<_>>()),
        ),
        (
            "LedgerEvent",
            format!("{:?}", ledger.events().collect::<Vec<_>>()),
        ),
        ("RecordError", format!("{refused:?}")),
        ("ExternalTotal", format!("{external:?}")),
        ("Delega", format!("{delega:?}")),
        ("Authorization", format!("{authorization:?}")),
        ("RegistrationDraft", format!("{draft:?}")),
        ("RegistrationData", format!("{data:?}")),
        ("Registration", format!("{registration:?}")),
        (
            "UtilizzatoreRegistrationDraft",
            format!("{utilizzatore_draft:?}"),
        ),
        (
            "UtilizzatoreRegistration",
            format!("{utilizzatore_registration:?}"),
        ),
        ("CommunicatedPrestazione", format!("{entry:?}")),
        ("Scrivania", format!("{desk:?}")),
        ("Prospetto", format!("{prospetto:?}")),
        ("LfCommunication", format!("{lf_communication:?}")),
    ];
    let minor = data.to_prestatore().unwrap();
    let debug: Vec<(&str, String)> = debug
        .into_iter()
        .chain([
            ("Prestatore (minor)", format!("{minor:?}")),
            ("ParentalConsent", format!("{:?}", minor.parental_consent())),
            (
                "ParentalConsentDraft",
                format!("{:?}", draft.parental_consent),
            ),
            (
                "ParentalConsentRecord",
                format!("{:?}", data.parental_consent()),
            ),
            ("LfWork", format!("{work:?}")),
        ])
        .collect();
    for (what, text) in &debug {
        assert_masked(what, text);
        assert_no_personal_data(what, text);
    }
    // What stays readable: the first letter of a name, the birth year.
    assert!(format!("{:?}", prestatore()).contains("first_name: \"M***\""));
    assert!(format!("{:?}", prestatore()).contains("birth_date: 1985-**-**"));
    // A partita IVA is public and stays readable.
    let firm_draft = UtilizzatoreRegistrationDraft {
        id: "00743110157".into(),
        ..utilizzatore_draft
    };
    assert!(format!("{firm_draft:?}").contains("id: \"00743110157\""));
    assert!(format!("{utilizzatore_draft_masked:?}").contains("id: \"************501P\""));
}

fn datetime_of(day: Date) -> OffsetDateTime {
    day.with_time(Time::from_hms(8, 0, 0).unwrap())
        .assume_offset(offset!(+1))
}

/// Error values built from text that holds a whole valid codice fiscale or IBAN (with a stray
/// character, a space inside, a wrong length) do not show it, in `Debug` or `Display`.
#[test]
fn errors_do_not_show_a_whole_code() {
    let texts = [
        format!("{CF}."),
        format!("{CF}X"),
        format!("RSSMRA {}", &CF[6..]),
        format!("{CF} {CF}"),
        format!("{IBAN}."),
        format!("{IBAN}!"),
        format!("{IBAN}{IBAN}"),
        format!("{IBAN}0"),
        "BNCGNN60A01H501P-".to_owned(),
    ];
    for text in &texts {
        let mut shown: Vec<String> = Vec::new();
        let mut push = |e: &dyn std::fmt::Debug, d: &dyn std::fmt::Display| {
            shown.push(format!("{e:?}"));
            shown.push(d.to_string());
        };
        if let Err(e) = text.parse::<CodiceFiscale>() {
            push(&e, &e);
        }
        if let Err(e) = text.parse::<Iban>() {
            push(&e, &e);
        }
        if let Err(e) = text.parse::<UtilizzatoreId>() {
            push(&e, &e);
        }
        if let Err(e) = text.parse::<PartitaIva>() {
            push(&e, &e);
        }
        if let Err(e) = CodiceFiscale::encode(
            text,
            text,
            prestazioni_occasionali::Sex::Male,
            date!(1985 - 12 - 10),
            "H501".parse().unwrap(),
        ) {
            push(&e, &e);
        }
        if let Err(e) = cf().check_names(text, text) {
            push(&e, &e);
        }
        let draft = registration_draft(
            date!(2026 - 03 - 07),
            text.clone(),
            text.clone(),
            Some(date!(1985 - 12 - 10)),
            SpidLevel::L2,
        );
        if let Err(e) = draft.validate() {
            push(&e, &e);
        }
        let mut registration = Registration::new(draft);
        if let Err(e) = registration.apply(RegistrationEvent::Submit) {
            push(&e, &e);
            let umbrella = prestazioni_occasionali::Error::from(e);
            push(&umbrella, &umbrella);
        }
        let u = UtilizzatoreRegistrationDraft {
            registered_on: date!(2026 - 03 - 07),
            kind: prestazioni_occasionali::RegistrantKind::PersonaFisica,
            id: text.clone(),
            ateco: String::new(),
        };
        if let Err(e) = u.validate() {
            push(&e, &e);
        }
        for s in &shown {
            assert_masked(text, s);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 7. serde: arbitrary and near-valid JSON never panics and never breaks an invariant
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_input {
    use super::*;
    use prestazioni_occasionali::{
        AddressDraft, Assessment, Breach, Causale, Citation, CodiceFiscaleKind, Commitment,
        Contacts, CpoDay, DocumentDraft, FieldError, FieldErrors, FundsEvent, Headcounts,
        LedgerEntry, Payment, PaymentDraft, PrestatoreTotals, RegistrationData, RegistrationState,
        Room, RulesTableBuilder, SemesterAverage, Sex, Verdict,
    };
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    /// Deserialises `value` as `T`; whatever is accepted re-serialises and re-parses to itself.
    fn round_trip<T>(value: &Value) -> usize
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        match serde_json::from_value::<T>(value.clone()) {
            Ok(v) => {
                let back = serde_json::to_value(&v).expect("serialises");
                let again: T = serde_json::from_value(back.clone()).unwrap_or_else(|e| {
                    panic!(
                        "{} re-parse of {back} failed: {e}",
                        std::any::type_name::<T>()
                    )
                });
                assert_eq!(again, v, "{}", std::any::type_name::<T>());
                1
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                0
            }
        }
    }

    macro_rules! all_types {
        ($value:expr) => {{
            let v: &Value = $value;
            let mut accepted = 0;
            accepted += round_trip::<CodiceFiscale>(v);
            accepted += round_trip::<BelfioreCode>(v);
            accepted += round_trip::<Iban>(v);
            accepted += round_trip::<PartitaIva>(v);
            accepted += round_trip::<Provincia>(v);
            accepted += round_trip::<Cap>(v);
            accepted += round_trip::<Euro>(v);
            accepted += round_trip::<AtecoCode>(v);
            accepted += round_trip::<UtilizzatoreId>(v);
            accepted += round_trip::<Phone>(v);
            accepted += round_trip::<Email>(v);
            accepted += round_trip::<TimeBand>(v);
            accepted += round_trip::<Sex>(v);
            accepted += round_trip::<CodiceFiscaleKind>(v);
            accepted += round_trip::<Instrument>(v);
            accepted += round_trip::<PrestazioneId>(v);
            accepted += round_trip::<CapProfile>(v);
            accepted += round_trip::<PrestazioneDraft>(v);
            accepted += round_trip::<Prestazione>(v);
            accepted += round_trip::<Prestatore>(v);
            accepted += round_trip::<ParentalConsent>(v);
            accepted += round_trip::<Utilizzatore>(v);
            accepted += round_trip::<PriorRelationship>(v);
            accepted += round_trip::<SelfCertification>(v);
            accepted += round_trip::<MonthlyHeadcount>(v);
            accepted += round_trip::<Headcounts>(v);
            accepted += round_trip::<SemesterAverage>(v);
            accepted += round_trip::<FieldError>(v);
            accepted += round_trip::<FieldErrors>(v);
            accepted += round_trip::<AccessChannel>(v);
            accepted += round_trip::<AddressDraft>(v);
            accepted += round_trip::<DocumentDraft>(v);
            accepted += round_trip::<ContactsDraft>(v);
            accepted += round_trip::<Contacts>(v);
            accepted += round_trip::<PaymentDraft>(v);
            accepted += round_trip::<PaymentMethod>(v);
            accepted += round_trip::<RegistrationDraft>(v);
            accepted += round_trip::<RegistrationData>(v);
            accepted += round_trip::<RegistrationEvent>(v);
            accepted += round_trip::<RegistrationState>(v);
            accepted += round_trip::<Registration>(v);
            accepted += round_trip::<Effective<PaymentMethod>>(v);
            accepted += round_trip::<UtilizzatoreRegistrationDraft>(v);
            accepted += round_trip::<DelegaDraft>(v);
            accepted += round_trip::<Delega>(v);
            accepted += round_trip::<Party>(v);
            accepted += round_trip::<Intermediario>(v);
            accepted += round_trip::<Actor>(v);
            accepted += round_trip::<ExternalTotal>(v);
            accepted += round_trip::<LedgerEvent>(v);
            accepted += round_trip::<LedgerEntry>(v);
            accepted += round_trip::<Vec<LedgerEvent>>(v);
            accepted += round_trip::<Vec<LedgerEntry>>(v);
            accepted += round_trip::<PrestatoreTotals>(v);
            accepted += round_trip::<Assessment>(v);
            accepted += round_trip::<RoomQuery>(v);
            accepted += round_trip::<Room>(v);
            accepted += round_trip::<Verdict>(v);
            accepted += round_trip::<Breach>(v);
            accepted += round_trip::<Citation>(v);
            accepted += round_trip::<CommunicatedPrestazione>(v);
            accepted += round_trip::<Payment>(v);
            accepted += round_trip::<TopUp>(v);
            accepted += round_trip::<Causale>(v);
            accepted += round_trip::<Commitment>(v);
            accepted += round_trip::<FundsEvent>(v);
            accepted += round_trip::<CpoDay>(v);
            accepted += round_trip::<CostBreakdown>(v);
            accepted += round_trip::<Engagement>(v);
            accepted += round_trip::<LfWork>(v);
            accepted += round_trip::<CpoWork>(v);
            accepted
        }};
    }

    /// Serialised valid values of many types: the seeds that mutations turn near-valid.
    fn seeds() -> Vec<Value> {
        let day = date!(2026 - 03 - 07);
        let p = prestazione(
            7,
            Instrument::ContrattoPrestazioneOccasionale,
            day,
            240,
            Euro::from_euros(40),
        )
        .unwrap();
        let draft = registration_draft(
            day,
            CF.into(),
            IBAN.into(),
            Some(date!(1985 - 12 - 10)),
            SpidLevel::L2,
        );
        let mut registration = Registration::new(draft.clone());
        registration.apply(RegistrationEvent::Submit).unwrap();
        let mut ledger = Ledger::default();
        let assessment = ledger.record(&p).unwrap().assessment;
        let delega = Delega::new(DelegaDraft {
            delegante: Party::Prestatore(cf()),
            intermediario: Intermediario {
                kind: IntermediarioKind::Patronato,
                codice_fiscale: "BNCGNN60A01H501P".parse().unwrap(),
            },
            actions: vec![Action::ViewScrivania],
            from: day,
            until: date!(2027 - 03 - 07),
            revoked_on: None,
        })
        .unwrap();
        let mut headcounts = Headcounts::new();
        headcounts.insert(
            2026,
            time::Month::January,
            MonthlyHeadcount::new(3, &[Decimal::new(5, 1)], 1).unwrap(),
        );
        let utilizzatore = firm()
            .with_headcounts(headcounts.clone())
            .with_prior_relationship(
                PriorRelationship::new(
                    cf(),
                    RelationshipKind::CoCoCo,
                    date!(2025 - 01 - 01),
                    Some(date!(2025 - 06 - 30)),
                )
                .unwrap(),
            );
        let entry = CommunicatedPrestazione {
            prestazione: p.clone(),
            communicated_at: datetime_of(day),
            revoked_at: None,
            confirmed_at: None,
            paid_on: Some(date!(2026 - 04 - 15)),
        };
        let work = CpoWork::new(
            "Roma",
            "inventario",
            datetime_of(day),
            datetime_of(day) + time::Duration::hours(4),
            vec![Euro::from_euros(40)],
            datetime_of(date!(2026 - 03 - 06)),
        );
        let to_value = |v: &dyn erased::Ser| v.value();
        vec![
            to_value(&p),
            to_value(&p.draft().clone()),
            to_value(&draft),
            to_value(&draft.validate().unwrap()),
            to_value(&registration),
            to_value(&assessment),
            to_value(&ledger.events().collect::<Result<Vec<_>, _>>().unwrap()),
            to_value(&ledger.entries().collect::<Vec<_>>()),
            to_value(&delega),
            to_value(&utilizzatore),
            to_value(&prestatore()),
            to_value(&headcounts),
            to_value(&entry),
            to_value(&work),
            to_value(&SelfCertification::new(Categoria::Studente, day, None).unwrap()),
            to_value(&ExternalTotal {
                prestatore: cf(),
                year: 2026,
                total: Euro::from_euros(100),
                as_of: day,
            }),
            to_value(&"9:30-13:00".parse::<TimeBand>().unwrap()),
            json!(["codice_fiscale: is missing"]),
            json!([{ "path": "codice_fiscale", "reason": "is missing" }]),
        ]
    }

    mod erased {
        pub(super) trait Ser {
            fn value(&self) -> serde_json::Value;
        }
        impl<T: serde::Serialize> Ser for T {
            fn value(&self) -> serde_json::Value {
                serde_json::to_value(self).unwrap()
            }
        }
    }

    fn replacement() -> impl Strategy<Value = Value> {
        prop_oneof![
            near(CF).prop_map(Value::from),
            near(IBAN).prop_map(Value::from),
            near("00743110157").prop_map(Value::from),
            near("2026-03-07").prop_map(Value::from),
            near("2026-03-07T08:00:00+01:00").prop_map(Value::from),
            near("1234.50").prop_map(Value::from),
            any_text().prop_map(Value::from),
            prop_oneof![
                Just(json!("184467440737095516.15")),
                Just(json!("184467440737095516.16")),
                Just(json!("-0.00")),
                Just(json!("9999-12-31")),
                Just(json!("-9999-01-01")),
                Just(json!("+10000-01-01")),
                Just(json!(0.75)),
                Just(json!(u64::MAX)),
                Just(json!(i64::MIN)),
                Just(json!(-1)),
                Just(json!(0)),
                Just(json!(null)),
                Just(json!([])),
                Just(json!({})),
                Just(json!(true)),
            ],
        ]
    }

    /// Replaces the `n`th node (in depth-first order, modulo the node count) by `with`.
    fn replace_node(value: &mut Value, n: usize, with: Value) {
        fn count(v: &Value) -> usize {
            1 + match v {
                Value::Array(a) => a.iter().map(count).sum(),
                Value::Object(o) => o.values().map(count).sum(),
                _ => 0,
            }
        }
        fn go(v: &mut Value, n: &mut usize, with: &mut Option<Value>) {
            if *n == 0 {
                if let Some(w) = with.take() {
                    *v = w;
                }
                return;
            }
            *n -= 1;
            match v {
                Value::Array(a) => a.iter_mut().for_each(|c| go(c, n, with)),
                Value::Object(o) => o.values_mut().for_each(|c| go(c, n, with)),
                _ => {}
            }
        }
        let mut n = n % count(value);
        go(value, &mut n, &mut Some(with));
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any_text().prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn arbitrary_json_never_panics(value in arbitrary_json()) {
            let _ = all_types!(&value);
        }

        #[test]
        fn arbitrary_strings_never_panic(text in any_text()) {
            let _ = all_types!(&Value::from(text));
        }

        #[test]
        fn near_valid_json_never_breaks_an_invariant(
            seed in any::<usize>(),
            edits in prop::collection::vec((any::<usize>(), replacement()), 1..4),
        ) {
            let seeds = seeds();
            let mut value = seeds[seed % seeds.len()].clone();
            for (at, with) in edits {
                replace_node(&mut value, at, with);
            }
            let _ = all_types!(&value);
        }
    }

    /// Every seed deserialises back to itself through its own type (the un-mutated baseline).
    #[test]
    fn seeds_round_trip() {
        for seed in seeds() {
            assert!(all_types!(&seed) >= 1, "no type accepts {seed}");
        }
    }

    /// A key that no type has, added to any object of any seed (a typo such as
    /// `events_secter` in a host's JSON), makes every type refuse the value: no field is
    /// silently ignored and left at its default.
    #[test]
    fn unknown_fields_are_refused() {
        /// Every object of `v`, each as a copy of `v` with the key added there.
        fn with_key_added(v: &Value) -> Vec<Value> {
            fn objects(v: &Value) -> usize {
                usize::from(v.is_object())
                    + match v {
                        Value::Array(a) => a.iter().map(objects).sum(),
                        Value::Object(o) => o.values().map(objects).sum(),
                        _ => 0,
                    }
            }
            fn add(v: &mut Value, n: &mut usize) -> bool {
                if let Value::Object(o) = v {
                    if *n == 0 {
                        o.insert("zz_typo".to_owned(), json!(true));
                        return true;
                    }
                    *n -= 1;
                }
                match v {
                    Value::Array(a) => a.iter_mut().any(|c| add(c, n)),
                    Value::Object(o) => o.values_mut().any(|c| add(c, n)),
                    _ => false,
                }
            }
            (0..objects(v))
                .map(|k| {
                    let mut copy = v.clone();
                    assert!(add(&mut copy, &mut { k }));
                    copy
                })
                .collect()
        }
        let mut checked = 0;
        for seed in seeds() {
            for value in with_key_added(&seed) {
                assert_eq!(all_types!(&value), 0, "a type accepts {value}");
                checked += 1;
            }
        }
        assert!(checked >= 50, "{checked} objects");
        // The case that motivated it: a misspelt profile field no longer counts a prestazione of
        // the events sector against the ordinary cap b.
        let typo = json!({
            "id": 1, "instrument": "ContrattoPrestazioneOccasionale",
            "prestatore": "RSSMRA85T10A562S", "utilizzatore": "00743110157",
            "day": "2026-03-07", "minutes": 240, "compenso": "40.00",
            "special_category": false, "steward": false,
            "profile": { "events_secter": true }
        });
        let err = serde_json::from_value::<Prestazione>(typo).unwrap_err();
        assert!(
            err.to_string().contains("unknown field `events_secter`"),
            "{err}"
        );
        // And in a host's rules table: a misspelt key of a row or of a citation.
        let table = serde_json::to_value(prestazioni_occasionali::RulesTable::embedded()).unwrap();
        assert!(
            serde_json::from_value::<prestazioni_occasionali::RulesTable>(table.clone()).is_ok()
        );
        let mut refused = 0;
        for value in with_key_added(&table) {
            assert!(serde_json::from_value::<prestazioni_occasionali::RulesTable>(value).is_err());
            refused += 1;
        }
        assert!(refused >= 100, "{refused} objects of the rules table");
    }

    /// An empty list of field errors is refused: `FieldErrors` is never empty.
    #[test]
    fn empty_field_errors_are_refused() {
        let err = serde_json::from_value::<FieldErrors>(json!([])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "field errors: the list is empty, a validation failure has at least one problem"
        );
    }

    /// The rules table: a mutated row is refused or kept with its invariants.
    #[test]
    fn rules_table_json_round_trips() {
        let table = serde_json::to_value(RulesTable::embedded()).unwrap();
        round_trip::<RulesTable>(&table);
        round_trip::<RulesTableBuilder>(&table);
        let mut runner = proptest::test_runner::TestRunner::new(config(32));
        runner
            .run(&(any::<usize>(), replacement()), |(at, with)| {
                let mut value = table.clone();
                replace_node(&mut value, at, with);
                round_trip::<RulesTable>(&value);
                round_trip::<RulesTableBuilder>(&value);
                Ok(())
            })
            .unwrap();
    }
}
