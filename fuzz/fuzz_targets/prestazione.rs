//! A `PrestazioneDraft` from JSON: an accepted `Prestazione` keeps every invariant (one calendar
//! day, a compenso above zero and at most cap a, a day of the regime, whole LF titoli covering
//! the minutes), goes through serde unchanged by either path, and a ledger records it so that
//! its events, a replay and a verification agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    Euro, Instrument, Ledger, LedgerEvent, Prestazione, PrestazioneDraft, REGIME_START, RecordError,
};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(draft) = serde_json::from_slice::<PrestazioneDraft>(data) else {
        return;
    };
    let direct = serde_json::from_slice::<Prestazione>(data).ok();
    let Ok(p) = Prestazione::try_from(draft) else {
        assert!(
            direct.is_none(),
            "serde accepted what try_from refuses: {direct:?}"
        );
        return;
    };
    assert_eq!(direct.as_ref(), Some(&p), "serde and try_from disagree");
    common::serde_round_trip(&p);
    assert!((1..=1500).contains(&p.minutes()));
    assert!(!p.compenso().is_zero() && p.compenso() <= Euro::from_euros(5_000));
    assert!(p.day() >= REGIME_START);
    if p.instrument() == Instrument::LibrettoFamiglia {
        let cents = p.compenso().cents();
        assert!(cents % 800 == 0, "{p:?} is not whole titoli");
        assert!(
            cents / 800 >= u64::from(p.minutes().div_ceil(60)),
            "{p:?}: too few titoli"
        );
    } else {
        assert!(!p.steward());
    }

    let mut ledger = Ledger::default();
    let assessed = ledger.assess(&p).expect("a valid prestazione is assessed");
    match ledger.record(&p) {
        Ok(recorded) => {
            assert!(recorded.assessment.is_lawful());
            assert_eq!(recorded.assessment, assessed);
            assert_eq!(recorded.event, LedgerEvent::Recorded(p.clone()));
            assert!(ledger.verify().is_empty());
        }
        Err(RecordError::Refused(a)) => {
            assert!(!a.is_lawful());
            assert!(ledger.is_empty());
            // Replayed anyway (the log says it was accepted): verification finds the breach.
            ledger.apply(&LedgerEvent::Recorded(p.clone())).unwrap();
            let findings = ledger.verify();
            assert_eq!(findings.len(), 1, "{findings:?}");
        }
        Err(e) => panic!("a valid prestazione is not bad input: {e}"),
    }
    let events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    common::serde_round_trip(&events);
    assert_eq!(
        Ledger::replay(ledger.rules_table(), &events).unwrap(),
        ledger
    );
});
