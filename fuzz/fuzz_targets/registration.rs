//! A registration log from JSON (the initial form and its events, as `Registration`
//! serialises). Deserialising equals replaying the events one by one; every accepted state keeps
//! the invariants (never back-dated before the first submission, the confirmation and the active
//! days after the registration day, a parental consent only for a minor); a refused event
//! changes nothing; the registration and a validated form go through serde unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    Registration, RegistrationDraft, RegistrationEvent, RegistrationEventKind, Rules,
};

#[path = "common.rs"]
mod common;

#[derive(serde::Deserialize)]
struct Log {
    draft: RegistrationDraft,
    events: Vec<RegistrationEvent>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(log) = serde_json::from_slice::<Log>(data) else {
        return;
    };
    // The form alone: a valid one round-trips, its consent is a minor's.
    if let Ok(valid) = log.draft.validate() {
        common::serde_round_trip(&valid);
        if valid.parental_consent().is_some() {
            let rules = Rules::in_force_on(valid.registered_on()).unwrap();
            let prestatore = valid.to_prestatore().unwrap();
            assert!(prestatore.is_minor_on(valid.registered_on(), rules));
        }
    }
    let deserialised = serde_json::from_slice::<Registration>(data);

    let mut reg = Registration::new(log.draft.clone());
    let mut first_submitted = None;
    let mut failed = false;
    for event in log.events {
        let kind = event.kind();
        let before = reg.clone();
        if reg.apply(event).is_err() {
            assert_eq!(reg, before, "a refused event changed the registration");
            failed = true;
            break;
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
    match deserialised {
        Ok(r) => {
            assert!(!failed, "serde accepted a log that replay refuses");
            assert_eq!(r, reg);
            common::serde_round_trip(&r);
        }
        Err(_) => assert!(failed, "serde refused a log that replays"),
    }
});
