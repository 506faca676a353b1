//! A registration log, from JSON (the initial form and its events, as `Registration`
//! serialises), and from the same bytes read as events on a complete form (edits to other days,
//! submissions, confirmations, suspensions, changes), which reach the states mutated JSON seldom
//! does. Deserialising equals replaying the events one by one; every accepted state keeps the
//! invariants (never back-dated before the first submission, the confirmation and the active
//! days after the registration day, a parental consent only for a minor); a refused event
//! changes nothing; the registration and a validated form go through serde unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    AccessChannel, AddressDraft, ConfirmationChannel, ContactsDraft, DocumentDraft, PaymentMethod,
    Registration, RegistrationDraft, RegistrationEvent, RegistrationEventKind, Rules, Sex,
    SpidLevel, UtilizzatoreRegistrationDraft,
};
use time::{Date, Duration};

#[path = "common.rs"]
mod common;

#[derive(serde::Deserialize)]
struct Log {
    draft: RegistrationDraft,
    events: Vec<RegistrationEvent>,
}

/// A complete form for a registration on `on`.
fn form(on: Date, access: AccessChannel) -> RegistrationDraft {
    let mut d = RegistrationDraft::new(on, access);
    d.codice_fiscale = "RSSMRA85T10A562S".into();
    d.first_name = "Mario".into();
    d.last_name = "Rossi".into();
    d.birth_date = Some(Date::from_calendar_date(1985, time::Month::December, 10).unwrap());
    d.birthplace = "A562".into();
    d.sex = Some(Sex::Male);
    d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    d.document = DocumentDraft {
        number: "CA12345AB".into(),
        issued_on: Some(Date::from_calendar_date(2018, time::Month::May, 4).unwrap()),
        expires_on: Some(Date::from_calendar_date(2035, time::Month::May, 4).unwrap()),
        issued_by: "Comune di Roma".into(),
        ..DocumentDraft::default()
    };
    d.contacts = ContactsDraft {
        mobile: "333 1234567".into(),
        hours: "10:00-18:00".into(),
        ..ContactsDraft::default()
    };
    d.privacy_consent = true;
    d
}

/// The bytes as a form and events, 4 bytes an event, on days around 2019-2027.
fn operations(data: &[u8]) -> (RegistrationDraft, Vec<RegistrationEvent>) {
    let base = Date::from_calendar_date(2023, time::Month::January, 1).unwrap();
    let day =
        |b: u8, c: u8| base + Duration::days((i64::from(b) << 4 | i64::from(c & 0x0f)) - 1_500);
    let access = |b: u8| match b % 4 {
        0 => AccessChannel::ContactCenter,
        1 => AccessChannel::Spid {
            level: SpidLevel::L2,
        },
        2 => AccessChannel::InpsPin,
        _ => AccessChannel::Cie,
    };
    let first = data.first().copied().unwrap_or(0);
    let initial = form(day(first, 0), access(first));
    let events = data
        .get(1..)
        .unwrap_or_default()
        .chunks_exact(4)
        .map(|b| {
            let on = day(b[1], b[2]);
            match b[0] % 8 {
                0 => RegistrationEvent::Edit(Box::new(form(on, access(b[3])))),
                1 => RegistrationEvent::Submit,
                2 => RegistrationEvent::Confirm {
                    on,
                    via: ConfirmationChannel::ContactCenter,
                },
                3 => RegistrationEvent::Suspend { on },
                4 => RegistrationEvent::Resume { on },
                5 => RegistrationEvent::Close { on },
                6 => RegistrationEvent::ChangePaymentMethod {
                    from: on,
                    method: if b[3] & 1 == 0 {
                        PaymentMethod::BonificoDomiciliato
                    } else {
                        PaymentMethod::PostOffice
                    },
                },
                _ => RegistrationEvent::ChangeSelfCertifications {
                    from: on,
                    certifications: Vec::new(),
                },
            }
        })
        .collect();
    (initial, events)
}

/// Replays `events` on `draft` one by one, checking every invariant; returns the registration
/// and whether an event was refused.
fn replay(draft: &RegistrationDraft, events: Vec<RegistrationEvent>) -> (Registration, bool) {
    let mut reg = Registration::new(draft.clone());
    let mut first_submitted = None;
    for event in events {
        let kind = event.kind();
        let before = reg.clone();
        if reg.apply(event).is_err() {
            assert_eq!(reg, before, "a refused event changed the registration");
            return (reg, true);
        }
        if kind == RegistrationEventKind::Submit && first_submitted.is_none() {
            first_submitted = Some(reg.draft().registered_on);
        }
        if let Some(first) = first_submitted {
            assert!(reg.draft().registered_on >= first, "back-dated: {reg:?}");
            if let Some(day) = first.previous_day() {
                assert!(
                    !reg.is_active_on(day),
                    "active before its submission: {reg:?}"
                );
            }
        }
        if let (Some(c), Some(d)) = (reg.confirmation(), reg.data()) {
            assert!(c.on() >= d.registered_on());
        }
    }
    (reg, false)
}

/// The form alone: a valid one round-trips, and its consent is a minor's.
fn check_form(draft: &RegistrationDraft) {
    if let Ok(valid) = draft.validate() {
        common::serde_round_trip(&valid);
        if valid.parental_consent().is_some() {
            let rules = Rules::in_force_on(valid.registered_on()).unwrap();
            let prestatore = valid.to_prestatore().unwrap();
            assert!(prestatore.is_minor_on(valid.registered_on(), rules));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(log) = serde_json::from_slice::<Log>(data) {
        check_form(&log.draft);
        let deserialised = serde_json::from_slice::<Registration>(data);
        let (reg, failed) = replay(&log.draft, log.events);
        match deserialised {
            Ok(r) => {
                assert!(!failed, "serde accepted a log that replay refuses");
                assert_eq!(r, reg);
                common::serde_round_trip(&r);
            }
            Err(_) => assert!(failed, "serde refused a log that replays"),
        }
    }
    // The utilizzatore's registration form: a valid one round-trips.
    if let Ok(form) = serde_json::from_slice::<UtilizzatoreRegistrationDraft>(data) {
        if let Ok(valid) = form.validate() {
            common::serde_round_trip(&valid);
            assert!(!valid.instruments().is_empty());
        }
    }
    let (draft, events) = operations(data);
    let (reg, _) = replay(&draft, events);
    common::serde_round_trip(&reg);
});
