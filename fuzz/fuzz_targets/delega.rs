//! Deleghe and an authorization question from JSON: accepted deleghe go through serde
//! unchanged; every permit of `authorize` is the actor's own behalf or points at a delega, valid
//! on the day, of the subject's owner, to this intermediary, for this action; a revoca needs the
//! ledger's record of the prestazione.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prestazioni_occasionali::{
    Action, Actor, Authorization, Delega, DelegaDraft, Ledger, LedgerEvent, Party, Permit,
    Prestazione, PrestazioneDraft, Rules, Subject, authorize,
};
use time::Date;

#[path = "common.rs"]
mod common;

#[derive(serde::Deserialize)]
struct Question {
    deleghe: Vec<DelegaDraft>,
    actor: Actor,
    action: u8,
    party: Party,
    prestazione: Option<PrestazioneDraft>,
    day: Date,
}

/// Checks one answer of `authorize`.
fn check(
    answer: &Authorization,
    actor: &Actor,
    action: Action,
    subject: &Subject,
    deleghe: &[Delega],
    day: Date,
) {
    let owner = subject.owner();
    match answer {
        Authorization::Allowed(Permit::OwnBehalf) => match (actor, owner) {
            (Actor::Prestatore(cf), Party::Prestatore(p)) => assert!(p.same_holder(cf)),
            (Actor::Utilizzatore(id), Party::Utilizzatore { id: o, .. }) => {
                assert!(o.same_holder(id))
            }
            _ => panic!("{actor:?} allowed on its own behalf for {owner:?}"),
        },
        Authorization::Allowed(Permit::Delega(i)) => {
            let Actor::Intermediario(intermediario) = actor else {
                panic!("a delega permit for {actor:?}")
            };
            let d = deleghe.get(*i).expect("the permit points at a delega");
            assert!(d.is_valid_on(day), "{d:?} is not valid on {day}");
            assert!(d.actions().contains(&action));
            assert!(d.delegante().same_as(&owner), "{d:?} is not from {owner:?}");
            assert_eq!(d.intermediario().kind, intermediario.kind);
            assert!(
                d.intermediario()
                    .codice_fiscale
                    .same_holder(&intermediario.codice_fiscale)
            );
        }
        Authorization::Allowed(other) => panic!("unknown permit {other:?}"),
        Authorization::Denied(denial) => {
            let _ = denial.to_string();
        }
    }
    if action == Action::RevokePrestazione && answer.is_allowed() {
        assert!(
            subject.is_recorded(),
            "a revoca allowed on the caller's description"
        );
    }
    let _ = serde_json::to_string(answer).unwrap();
}

fuzz_target!(|data: &[u8]| {
    let Ok(q) = serde_json::from_slice::<Question>(data) else {
        return;
    };
    let Ok(rules) = Rules::in_force_on(q.day) else {
        return;
    };
    let deleghe: Vec<Delega> = q
        .deleghe
        .into_iter()
        .filter_map(|d| Delega::new(d).ok())
        .collect();
    for d in &deleghe {
        common::serde_round_trip(d);
        assert!(d.from() <= d.until() && !d.actions().is_empty());
        let _ = d.keep_until();
    }
    let Some(&action) = Action::ALL.get(usize::from(q.action) % Action::ALL.len()) else {
        return;
    };
    let party = Subject::Party(q.party);
    let answer = authorize(&q.actor, action, &party, &deleghe, q.day, rules);
    check(&answer, &q.actor, action, &party, &deleghe, q.day);
    if let Some(p) = q.prestazione.and_then(|d| Prestazione::try_from(d).ok()) {
        let described = Subject::to_communicate(&p);
        let answer = authorize(&q.actor, action, &described, &deleghe, q.day, rules);
        check(&answer, &q.actor, action, &described, &deleghe, q.day);
        let mut ledger = Ledger::default();
        if ledger.apply(&LedgerEvent::Recorded(p.clone())).is_ok() {
            let recorded = Subject::recorded(&ledger, p.id()).unwrap();
            assert_eq!(recorded.owner(), described.owner());
            let answer = authorize(&q.actor, action, &recorded, &deleghe, q.day, rules);
            check(&answer, &q.actor, action, &recorded, &deleghe, q.day);
        }
    }
});
