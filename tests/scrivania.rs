//! The Scrivania Prestatore: statuses, payments with fees, the annual prospetto.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AccountKind, CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod,
    PaymentMode, Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, Rules,
    RulesTable, Scrivania, ScrivaniaError,
};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const MARIO: &str = "RSSMRA85T10A562S";
const FAMILY: &str = "BNCGNN60A01H501P";
const FIRM: &str = "00743110157";

fn prestazione(
    id: u64,
    instrument: Instrument,
    utilizzatore: &str,
    day: Date,
    minutes: u32,
    cents: u64,
) -> Prestazione {
    Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore: MARIO.parse().unwrap(),
        utilizzatore: utilizzatore.parse().unwrap(),
        day,
        minutes,
        compenso: Euro::from_cents(cents),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })
    .unwrap()
}

fn communicated(
    p: Prestazione,
    at: OffsetDateTime,
    revoked_at: Option<OffsetDateTime>,
    paid_on: Option<Date>,
) -> CommunicatedPrestazione {
    CommunicatedPrestazione {
        prestazione: p,
        communicated_at: at,
        revoked_at,
        confirmed_at: None,
        paid_on,
    }
}

fn methods() -> Vec<Effective<PaymentMethod>> {
    vec![
        Effective {
            from: date!(2025 - 01 - 01),
            value: PaymentMethod::BonificoDomiciliato,
        },
        Effective {
            from: date!(2026 - 03 - 01),
            value: PaymentMethod::IbanCredit {
                iban: "IT60X0542811101000000123456".parse().unwrap(),
                account: AccountKind::LibrettoPostale,
            },
        },
    ]
}

fn records() -> Vec<CommunicatedPrestazione> {
    let lf = Instrument::LibrettoFamiglia;
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let mut other =
        PrestazioneDraft::from(prestazione(99, cpo, FIRM, date!(2026 - 02 - 02), 60, 900));
    other.prestatore = "BNCGNN60A01H501P".parse().unwrap();
    other.utilizzatore = "RSSMRA85T10A562S".parse().unwrap();
    vec![
        communicated(
            prestazione(1, lf, FAMILY, date!(2026 - 02 - 10), 180, 2_400),
            datetime!(2026-02-11 10:00 +1),
            None,
            Some(date!(2026 - 03 - 15)),
        ),
        communicated(
            prestazione(2, cpo, FIRM, date!(2026 - 02 - 20), 240, 3_600),
            datetime!(2026-02-20 07:00 +1),
            None,
            Some(date!(2026 - 02 - 28)),
        ),
        communicated(
            prestazione(3, cpo, FIRM, date!(2026 - 03 - 07), 240, 3_600),
            datetime!(2026-03-07 08:00 +1),
            None,
            None,
        ),
        communicated(
            prestazione(4, cpo, FIRM, date!(2026 - 03 - 05), 240, 3_600),
            datetime!(2026-03-05 08:00 +1),
            Some(datetime!(2026-03-08 12:00 +1)),
            None,
        ),
        communicated(
            prestazione(5, lf, FAMILY, date!(2025 - 12 - 31), 60, 800),
            datetime!(2026-01-02 09:00 +1),
            None,
            Some(date!(2026 - 01 - 15)),
        ),
        communicated(
            Prestazione::try_from(other).unwrap(),
            datetime!(2026-02-02 07:00 +1),
            None,
            None,
        ),
    ]
}

fn desk(at: OffsetDateTime) -> Scrivania {
    Scrivania::new(
        MARIO.parse().unwrap(),
        &records(),
        &methods(),
        RulesTable::embedded(),
        at,
    )
    .unwrap()
}

fn status(desk: &Scrivania, id: u64) -> PrestazioneStatus {
    desk.entries()
        .iter()
        .find(|e| e.prestazione.id() == PrestazioneId(id))
        .unwrap()
        .status
}

/// Source: CPO-REVOCA, reading R-REVOCA (revocable until 23:59:59 of the 3rd day after);
/// CPO-PAY / LF-PAY, reading R-PAYMENT-DAY (paid by the 15th of the next month).
#[test]
fn statuses_follow_the_revoca_deadline_and_payment_day() {
    let before = desk(datetime!(2026-03-10 23:59:59 +1));
    assert_eq!(
        before.entries().len(),
        5,
        "another prestatore's prestazione is not shown"
    );
    assert_eq!(
        status(&before, 3),
        PrestazioneStatus::Communicated {
            revocable_until: datetime!(2026-03-10 23:59:59 +01:00)
        }
    );
    let after = desk(datetime!(2026-03-11 00:00 +1));
    assert_eq!(
        status(&after, 3),
        PrestazioneStatus::Due {
            expected_by: date!(2026 - 04 - 15)
        }
    );
    assert_eq!(
        status(&after, 4),
        PrestazioneStatus::Revoked {
            at: datetime!(2026-03-08 12:00 +1)
        }
    );
    assert_eq!(
        status(&after, 1),
        PrestazioneStatus::Paid {
            on: date!(2026 - 03 - 15)
        }
    );
    // December work is paid by 15 January of the next year.
    let dec = after
        .entries()
        .iter()
        .find(|e| e.prestazione.id() == PrestazioneId(5))
        .unwrap();
    assert_eq!(dec.expected_payment, date!(2026 - 01 - 15));
    assert_eq!(dec.revocable_until, None);
}

/// Source: PAY-MODES, reading R-FEES (IBAN free, bonifico domiciliato 3,84 from 27/1/2023).
#[test]
fn payments_withhold_the_fee_of_the_method_in_force_on_the_payment_day() {
    let d = desk(datetime!(2026-03-20 12:00 +1));
    let payments = d.payments();
    let summary: Vec<(u64, Date, PaymentMode, Euro, Euro)> = payments
        .iter()
        .map(|p| (p.prestazione.0, p.on, p.mode, p.fee, p.net))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                5,
                date!(2026 - 01 - 15),
                PaymentMode::BonificoDomiciliato,
                Euro::from_cents(384),
                Euro::from_cents(416)
            ),
            (
                2,
                date!(2026 - 02 - 28),
                PaymentMode::BonificoDomiciliato,
                Euro::from_cents(384),
                Euro::from_cents(3_216)
            ),
            (
                1,
                date!(2026 - 03 - 15),
                PaymentMode::IbanCredit,
                Euro::ZERO,
                Euro::from_cents(2_400)
            ),
        ]
    );
    assert_eq!(
        d.payment_method_on(date!(2026 - 02 - 28)),
        Some(&PaymentMethod::BonificoDomiciliato)
    );
    assert_eq!(
        d.payment_method_on(date!(2026 - 03 - 01)).unwrap().mode(),
        PaymentMode::IbanCredit
    );
    assert_eq!(d.payment_history().len(), 2);
}

/// Source: worked example E8 / reading R-FEES (2,60 until 26/1/2023, 3,84 from 27/1/2023).
#[test]
fn bonifico_fee_changes_on_27_january_2023() {
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let records = vec![
        communicated(
            prestazione(1, cpo, FIRM, date!(2022 - 12 - 10), 240, 3_600),
            datetime!(2022-12-10 07:00 +1),
            None,
            Some(date!(2023 - 01 - 26)),
        ),
        communicated(
            prestazione(2, cpo, FIRM, date!(2022 - 12 - 11), 240, 3_600),
            datetime!(2022-12-11 07:00 +1),
            None,
            Some(date!(2023 - 01 - 27)),
        ),
    ];
    let history = [Effective {
        from: date!(2022 - 01 - 01),
        value: PaymentMethod::BonificoDomiciliato,
    }];
    let d = Scrivania::new(
        MARIO.parse().unwrap(),
        &records,
        &history,
        RulesTable::embedded(),
        datetime!(2023-02-01 09:00 +1),
    )
    .unwrap();
    let fees: Vec<Euro> = d.payments().iter().map(|p| p.fee).collect();
    assert_eq!(fees, vec![Euro::from_cents(260), Euro::from_cents(384)]);
}

/// Source: LF-TITOLO (1,65 IVS and 0,25 INAIL per titolo), CPO-CONTRIB (33% and 3,5%),
/// CAP-PRESTATORE-TOTAL, readings R-YEAR-OF-WORK (year of the day) and R-CAP-INCLUSIVE.
#[test]
fn prospetto_per_utilizzatore_and_instrument() {
    let d = desk(datetime!(2026-03-20 12:00 +1));
    let p = d.prospetto(2026).unwrap();
    let rows: Vec<(Instrument, u32, Euro, u64, Euro, Euro, Euro)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.instrument,
                r.prestazioni,
                r.compensi,
                r.minutes,
                r.ivs,
                r.inail,
                r.fees,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                Instrument::LibrettoFamiglia,
                1,
                Euro::from_euros(24),
                180,
                Euro::from_cents(495),
                Euro::from_cents(75),
                Euro::ZERO
            ),
            (
                Instrument::ContrattoPrestazioneOccasionale,
                2,
                Euro::from_euros(72),
                480,
                Euro::from_cents(2_376),
                Euro::from_cents(252),
                Euro::from_cents(384)
            ),
        ]
    );
    assert_eq!(p.rows[1].hours().to_string(), "8");
    assert_eq!(p.total_compensi, Euro::from_euros(96));
    assert_eq!(p.cap.value, Euro::from_euros(5_000));
    assert_eq!(p.room_left, Euro::from_euros(4_904));
    assert_eq!(p.excess, Euro::ZERO);

    // The December prestazione paid in January counts in 2025.
    let p2025 = d.prospetto(2025).unwrap();
    assert_eq!(p2025.total_compensi, Euro::from_euros(8));
    assert_eq!(p2025.rows[0].ivs, Euro::from_cents(165));
    assert_eq!(p2025.rows[0].fees, Euro::from_cents(384));
}

/// Source: reading R-CAP-INCLUSIVE (a total equal to the cap is lawful; one cent more breaches it).
#[test]
fn prospetto_room_and_excess_at_the_cap() {
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let at_cap = [communicated(
        prestazione(1, cpo, FIRM, date!(2026 - 02 - 10), 240, 500_000),
        datetime!(2026-02-10 07:00 +1),
        None,
        None,
    )];
    let d = Scrivania::new(
        MARIO.parse().unwrap(),
        &at_cap,
        &methods(),
        RulesTable::embedded(),
        datetime!(2026-03-20 12:00 +1),
    )
    .unwrap();
    let p = d.prospetto(2026).unwrap();
    assert_eq!((p.room_left, p.excess), (Euro::ZERO, Euro::ZERO));
    // One cent over cap a, from two utilizzatori (no single prestazione pays more than cap a).
    let over = [
        communicated(
            prestazione(1, cpo, FIRM, date!(2026 - 02 - 10), 240, 250_000),
            datetime!(2026-02-10 07:00 +1),
            None,
            None,
        ),
        communicated(
            prestazione(2, cpo, "12345670157", date!(2026 - 02 - 11), 240, 250_001),
            datetime!(2026-02-11 07:00 +1),
            None,
            None,
        ),
    ];
    let d = Scrivania::new(
        MARIO.parse().unwrap(),
        &over,
        &methods(),
        RulesTable::embedded(),
        datetime!(2026-03-20 12:00 +1),
    )
    .unwrap();
    assert_eq!(d.prospetto(2026).unwrap().excess, Euro::from_cents(1));
}

#[test]
fn inconsistent_records_are_refused() {
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let lf = Instrument::LibrettoFamiglia;
    let now = datetime!(2026-03-20 12:00 +1);
    let build = |records: &[CommunicatedPrestazione], history: &[Effective<PaymentMethod>]| {
        Scrivania::new(
            MARIO.parse().unwrap(),
            records,
            history,
            RulesTable::embedded(),
            now,
        )
        .unwrap_err()
        .to_string()
    };
    let late = [communicated(
        prestazione(1, cpo, FIRM, date!(2026 - 03 - 07), 240, 3_600),
        datetime!(2026-03-07 07:00 +1),
        Some(datetime!(2026-03-11 00:00 +1)),
        None,
    )];
    assert_eq!(
        build(&late, &methods()),
        "prestazione #1: revoked at 2026-03-11 00:00:00 +01:00, after the deadline 2026-03-10 23:59:59 +01:00 (INPS circ. 107/2017, reading R-REVOCA)"
    );
    let ok = communicated(
        prestazione(1, cpo, FIRM, date!(2026 - 03 - 07), 240, 3_600),
        datetime!(2026-03-07 07:00 +1),
        None,
        None,
    );
    let twice = [ok.clone(), ok];
    assert!(build(&twice, &methods()).starts_with("prestazione #1 is given twice"));
    // An LF compenso of 2,5 titoli is not a prestazione at all (LF-TITOLO): the desk never
    // meets one under the embedded table; under a host's table with another titolo it refuses
    // it with the same error as the ledger (tests/ledger.rs).
    let odd = Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(2),
        instrument: lf,
        prestatore: MARIO.parse().unwrap(),
        utilizzatore: FAMILY.parse().unwrap(),
        day: date!(2026 - 02 - 10),
        minutes: 120,
        compenso: Euro::from_cents(2_000),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    });
    let titolo = &Rules::in_force_on(date!(2026 - 02 - 10))
        .unwrap()
        .lf_titolo
        .citation;
    assert_eq!(
        odd.unwrap_err().to_string(),
        format!(
            "prestazione #2: LF compenso 20,00 € is not a whole number of titoli of 8,00 € (LF-TITOLO: {titolo})"
        )
    );
    let unpaid = [communicated(
        prestazione(3, cpo, FIRM, date!(2026 - 02 - 10), 240, 3_600),
        datetime!(2026-02-10 07:00 +1),
        None,
        Some(date!(2026 - 03 - 15)),
    )];
    assert_eq!(
        build(&unpaid, &[]),
        "prestazione #3: no payment method is in force on 2026-03-15"
    );
    let office = [Effective {
        from: date!(2017 - 07 - 01),
        value: PaymentMethod::PostOffice,
    }];
    let early = [communicated(
        prestazione(4, cpo, FIRM, date!(2017 - 12 - 10), 240, 3_600),
        datetime!(2017-12-10 07:00 +1),
        None,
        Some(date!(2018 - 01 - 15)),
    )];
    assert!(
        Scrivania::new(
            MARIO.parse().unwrap(),
            &early,
            &office,
            RulesTable::embedded(),
            now
        )
        .is_err_and(|e| matches!(e, ScrivaniaError::ModeNotAvailable { .. }))
    );
}

/// Source: INPS Vademecum 2017 as summarised (C11), reading R-CONFIRMATION: the desk shows the
/// prestatore's confirmation in the status; a confirmed prestazione is no longer revocable; a
/// revoked one can still be confirmed; the records must agree with the window and the order.
#[test]
fn the_desk_shows_the_prestatore_s_confirmation() {
    let cpo = Instrument::ContrattoPrestazioneOccasionale;
    let day = date!(2026 - 03 - 07);
    let work = |id| prestazione(id, cpo, FIRM, day, 240, 3_600);
    let sent = datetime!(2026-03-07 07:00 +1);
    let record = |id, revoked_at, confirmed_at| CommunicatedPrestazione {
        revoked_at,
        confirmed_at,
        ..communicated(work(id), sent, None, None)
    };
    let evening = datetime!(2026-03-07 20:00 +1);
    let records = [
        record(1, None, Some(evening)),
        record(
            2,
            Some(datetime!(2026-03-08 09:00 +1)),
            Some(datetime!(2026-03-08 18:00 +1)),
        ),
        record(3, None, None),
    ];
    // Viewed within the revoca window: #3 is revocable, #1 no longer.
    let now = datetime!(2026-03-08 20:00 +1);
    let d = Scrivania::new(
        MARIO.parse().unwrap(),
        &records,
        &methods(),
        RulesTable::embedded(),
        now,
    )
    .unwrap();
    assert_eq!(
        status(&d, 1),
        PrestazioneStatus::Confirmed {
            at: evening,
            expected_by: date!(2026 - 04 - 15)
        }
    );
    assert_eq!(
        d.entries()[0].to_string(),
        "07/03/2026 CPO #1 from 00743110157: 4 h 00 min, 36,00 € - confirmed by the prestatore on 07/03/2026 20:00:00, due, expected by 15/04/2026"
    );
    assert!(matches!(
        status(&d, 2),
        PrestazioneStatus::RevokedConfirmed { .. }
    ));
    assert!(matches!(
        status(&d, 3),
        PrestazioneStatus::Communicated { .. }
    ));
    assert_eq!(d.entries()[0].confirmed_at, Some(evening));
    // A revoked one counts in no total, confirmed or not.
    assert_eq!(
        d.prospetto(2026).unwrap().total_compensi,
        Euro::from_euros(72)
    );

    let refused = |records: &[CommunicatedPrestazione]| {
        Scrivania::new(
            MARIO.parse().unwrap(),
            records,
            &methods(),
            RulesTable::embedded(),
            now,
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        refused(&[record(
            1,
            Some(datetime!(2026-03-08 09:00 +1)),
            Some(evening)
        )]),
        "prestazione #1: revoked at 2026-03-08 09:00:00 +01:00, after the prestatore confirmed it at 2026-03-07 20:00:00 +01:00 (reading R-CONFIRMATION)"
    );
    assert_eq!(
        refused(&[record(1, None, Some(datetime!(2026-03-11 00:00 +1)))]),
        "prestazione #1: confirmed at 2026-03-11 00:00:00 +01:00, outside the window from the day of the work 2026-03-07 to 2026-03-10 23:59:59 +01:00 (INPS circ. 107/2017, reading R-CONFIRMATION)"
    );
    assert!(
        refused(&[record(1, None, Some(datetime!(2026-03-06 20:00 +1)))])
            .contains("outside the window")
    );
    let lf = CommunicatedPrestazione {
        confirmed_at: Some(evening),
        ..communicated(
            prestazione(4, Instrument::LibrettoFamiglia, FAMILY, day, 60, 800),
            sent,
            None,
            None,
        )
    };
    assert_eq!(
        refused(&[lf]),
        "prestazione #4: the prestatore confirms only a cpo prestazione (reading R-CONFIRMATION)"
    );
}

#[test]
fn scrivania_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Scrivania>();
    check::<ScrivaniaError>();
}

/// An argument out of `time`'s range is named with its value, not blamed on a prestazione.
#[test]
fn arguments_out_of_range_are_named() {
    let err = Scrivania::new(
        MARIO.parse().unwrap(),
        &records(),
        &methods(),
        RulesTable::embedded(),
        datetime!(9999-12-31 23:59:59 UTC),
    )
    .unwrap_err();
    assert_eq!(
        err,
        ScrivaniaError::OutOfRange {
            what: "viewing instant",
            value: "9999-12-31 23:59:59.0 +00:00:00".to_owned()
        }
    );
    assert_eq!(
        err.to_string(),
        "viewing instant 9999-12-31 23:59:59.0 +00:00:00 is out of the supported range"
    );
    let d = desk(datetime!(2026-03-20 12:00 +1));
    assert_eq!(
        d.prospetto(i32::MAX).unwrap_err().to_string(),
        "year 2147483647 is out of the supported range"
    );
}
