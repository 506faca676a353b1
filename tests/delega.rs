//! Intermediaries, deleghe and the authorization function.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    Action, Actor, Authorization, CapProfile, Delega, DelegaDraft, DelegaError, DeleganteKind,
    Denial, Euro, Instrument, Intermediario, IntermediarioKind, Party, Permit, Prestazione,
    PrestazioneDraft, PrestazioneId, Rules, Subject, authorize,
};
use proptest::prelude::*;
use time::Date;
use time::macros::date;

fn mario() -> Party {
    Party::Prestatore("RSSMRA85T10A562S".parse().unwrap())
}

fn family() -> Party {
    Party::Utilizzatore {
        id: "BNCGNN60A01H501P".parse().unwrap(),
        instrument: Instrument::LibrettoFamiglia,
    }
}

fn firm() -> Party {
    Party::Utilizzatore {
        id: "00743110157".parse().unwrap(),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
    }
}

fn intermediario(kind: IntermediarioKind) -> Intermediario {
    Intermediario {
        kind,
        codice_fiscale: "80012345676".parse().unwrap(),
    }
}

fn delega(delegante: Party, kind: IntermediarioKind, actions: Vec<Action>) -> Delega {
    Delega::new(DelegaDraft {
        delegante,
        intermediario: intermediario(kind),
        actions,
        from: date!(2017 - 01 - 01),
        until: date!(2030 - 12 - 31),
        revoked_on: None,
    })
    .unwrap()
}

fn decide(
    actor: &Actor,
    action: Action,
    subject: &Subject,
    deleghe: &[Delega],
    day: Date,
) -> Authorization {
    authorize(
        actor,
        action,
        subject,
        deleghe,
        day,
        Rules::in_force_on(day).unwrap(),
    )
}

/// Source: REG-INTERMEDIARI (msg 3177/2017: patronati only for prestatori and LF
/// utilizzatori).
#[test]
fn patronati_only_for_prestatori_and_lf_utilizzatori() {
    let day = date!(2020 - 05 - 04);
    let actor = Actor::Intermediario(intermediario(IntermediarioKind::Patronato));
    let for_mario = delega(
        mario(),
        IntermediarioKind::Patronato,
        vec![Action::Register],
    );
    assert_eq!(
        decide(
            &actor,
            Action::Register,
            &Subject::Party(mario()),
            &[for_mario],
            day
        ),
        Authorization::Allowed(Permit::Delega(0))
    );
    let for_family = delega(
        family(),
        IntermediarioKind::Patronato,
        vec![Action::FundLibretto],
    );
    assert!(
        decide(
            &actor,
            Action::FundLibretto,
            &Subject::Party(family()),
            &[for_family],
            day
        )
        .is_allowed()
    );
    let for_firm = delega(firm(), IntermediarioKind::Patronato, vec![Action::Register]);
    let denied = decide(
        &actor,
        Action::Register,
        &Subject::Party(firm()),
        &[for_firm],
        day,
    );
    assert_eq!(
        denied.denial().unwrap().to_string(),
        "a patronato (L. 152/2001) may not act for a CPO utilizzatore on 2020-05-04 (INPS msg 3177 of 31/7/2017 (REG-INTERMEDIARI); L. 12/1979 professionals and service centres for prestatori and utilizzatori; L. 152/2001 patronati only for prestatori and LF utilizzatori; reading R-INTERMEDIARIES-2017: for prestatori from msg 3177/2017, unchanged by the portal of INPS msg 3932 of 24/12/2025)"
    );
}

/// Source: REG-INTERMEDIARI and reading R-INTERMEDIARIES-2017 (msg 3177 of 31/7/2017: L. 12/1979
/// intermediaries act "in nome e per conto dell'utilizzatore e/o del prestatore"; the January 2026
/// portal of msg 3932/2025 changes no scope). This test pinned the earlier reading (professionals
/// for prestatori only from 1/1/2026, avvocati never), which the sources contradict.
#[test]
fn professionals_act_for_prestatori_from_msg_3177() {
    let subject = Subject::Party(mario());
    for kind in [
        IntermediarioKind::ConsulenteDelLavoro,
        IntermediarioKind::DottoreCommercialista,
        IntermediarioKind::Avvocato,
        IntermediarioKind::CentroServizi,
    ] {
        let actor = Actor::Intermediario(intermediario(kind));
        let d = [delega(
            mario(),
            kind,
            vec![Action::ViewScrivania, Action::ChangePaymentMethod],
        )];
        assert!(
            !decide(
                &actor,
                Action::ChangePaymentMethod,
                &subject,
                &d,
                date!(2017 - 07 - 30)
            )
            .is_allowed(),
            "{kind:?} before msg 3177"
        );
        for day in [
            date!(2017 - 07 - 31),
            date!(2025 - 12 - 31),
            date!(2026 - 01 - 01),
        ] {
            assert!(
                decide(&actor, Action::ChangePaymentMethod, &subject, &d, day).is_allowed(),
                "{kind:?} on {day}"
            );
        }
    }
}

/// Source: REG-INTERMEDIARI (no intermediaries before msg 3177 of 31/7/2017).
#[test]
fn no_intermediaries_before_31_july_2017() {
    let actor = Actor::Intermediario(intermediario(IntermediarioKind::ConsulenteDelLavoro));
    let d = [delega(
        firm(),
        IntermediarioKind::ConsulenteDelLavoro,
        vec![Action::Register],
    )];
    let subject = Subject::Party(firm());
    assert!(
        !decide(
            &actor,
            Action::Register,
            &subject,
            &d,
            date!(2017 - 07 - 30)
        )
        .is_allowed()
    );
    assert!(
        decide(
            &actor,
            Action::Register,
            &subject,
            &d,
            date!(2017 - 07 - 31)
        )
        .is_allowed()
    );
}

#[test]
fn delega_validity_revocation_and_scope() {
    let actor = Actor::Intermediario(intermediario(IntermediarioKind::ConsulenteDelLavoro));
    let subject = Subject::Party(firm());
    let d = Delega::new(DelegaDraft {
        delegante: firm(),
        intermediario: intermediario(IntermediarioKind::ConsulenteDelLavoro),
        actions: vec![Action::Register],
        from: date!(2024 - 01 - 01),
        until: date!(2024 - 12 - 31),
        revoked_on: None,
    })
    .unwrap();
    let revoked = d.revoke(date!(2024 - 06 - 01)).unwrap();
    assert_eq!(d.revoked_on(), None);
    assert_eq!(revoked.revoked_on(), Some(date!(2024 - 06 - 01)));
    // An earlier revocation stays.
    assert_eq!(
        revoked.revoke(date!(2024 - 09 - 01)).unwrap().revoked_on(),
        Some(date!(2024 - 06 - 01))
    );
    let on = |day| {
        decide(
            &actor,
            Action::Register,
            &subject,
            std::slice::from_ref(&revoked),
            day,
        )
    };
    assert!(on(date!(2024 - 05 - 31)).is_allowed());
    assert_eq!(
        on(date!(2024 - 06 - 01)).denial().unwrap().to_string(),
        "no delega from the subject to this intermediary is valid on 2024-06-01 (not yet in force, expired or revoked)"
    );
    assert!(!on(date!(2023 - 12 - 31)).is_allowed());
    let expired = decide(
        &actor,
        Action::Register,
        &subject,
        std::slice::from_ref(&d),
        date!(2025 - 01 - 01),
    );
    assert_eq!(
        expired.denial(),
        Some(&Denial::DelegaNotValid {
            on: date!(2025 - 01 - 01)
        })
    );
    let none = decide(
        &actor,
        Action::Register,
        &subject,
        &[],
        date!(2024 - 03 - 01),
    );
    assert_eq!(
        none.denial().unwrap().to_string(),
        "no delega from the subject to this intermediary"
    );
    // A prestazione action is out of the delega's scope.
    let (_, work) = recorded(9, "00743110157");
    let p = Subject::to_communicate(&work);
    let scope = decide(
        &actor,
        Action::CommunicatePrestazione,
        &p,
        std::slice::from_ref(&d),
        date!(2024 - 03 - 01),
    );
    assert_eq!(
        scope.denial().unwrap().to_string(),
        "the valid delega from the subject to this intermediary does not include the action communicate a prestazione"
    );
    // Another consulente's delega does not help.
    let other = Actor::Intermediario(Intermediario {
        kind: IntermediarioKind::ConsulenteDelLavoro,
        codice_fiscale: "RSSMRA85T10A562S".parse().unwrap(),
    });
    assert_eq!(
        decide(
            &other,
            Action::Register,
            &subject,
            &[d],
            date!(2024 - 03 - 01)
        )
        .denial(),
        Some(&Denial::NoDelega)
    );
}

#[test]
fn parties_act_only_for_themselves() {
    let day = date!(2026 - 03 - 07);
    let me = Actor::Prestatore("RSSMRA85T10A562S".parse().unwrap());
    assert_eq!(
        decide(
            &me,
            Action::ViewProspetto,
            &Subject::Party(mario()),
            &[],
            day
        ),
        Authorization::Allowed(Permit::OwnBehalf)
    );
    let other = Party::Prestatore("BNCGNN60A01H501P".parse().unwrap());
    assert_eq!(
        decide(&me, Action::ViewProspetto, &Subject::Party(other), &[], day)
            .denial()
            .unwrap()
            .to_string(),
        "a prestatore or utilizzatore acts only for itself, and this subject is another party"
    );
    assert_eq!(
        decide(
            &me,
            Action::FundLibretto,
            &Subject::Party(mario()),
            &[],
            day
        )
        .denial()
        .unwrap()
        .to_string(),
        "the action fund the libretto does not concern a prestatore"
    );

    let p = Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(3),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
        prestatore: "RSSMRA85T10A562S".parse().unwrap(),
        utilizzatore: "00743110157".parse().unwrap(),
        day,
        minutes: 240,
        compenso: Euro::from_euros(36),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })
    .unwrap();
    // A revoca is of a recorded prestazione: its owner comes from the ledger.
    let mut ledger = prestazioni_occasionali::Ledger::default();
    ledger.record(&p).unwrap();
    let record = Subject::recorded(&ledger, p.id()).unwrap();
    assert!(record.is_recorded());
    assert!(!Subject::to_communicate(&p).is_recorded());
    assert!(!Subject::Party(firm()).is_recorded());
    match (&record, Subject::to_communicate(&p)) {
        (Subject::Prestazione(kept), Subject::Prestazione(fresh)) => {
            assert!(kept.is_recorded());
            assert!(!fresh.is_recorded());
        }
        other => panic!("expected two prestazione subjects, got {other:?}"),
    }
    let owner = Actor::Utilizzatore("00743110157".parse().unwrap());
    assert!(decide(&owner, Action::RevokePrestazione, &record, &[], day).is_allowed());
    let stranger = Actor::Utilizzatore("BNCGNN60A01H501P".parse().unwrap());
    assert_eq!(
        decide(&stranger, Action::RevokePrestazione, &record, &[], day)
            .denial()
            .unwrap()
            .to_string(),
        "prestazione #3 belongs to another utilizzatore: an utilizzatore acts only on its own prestazioni"
    );
    assert_eq!(
        decide(
            &owner,
            Action::RevokePrestazione,
            &Subject::Party(firm()),
            &[],
            day
        )
        .denial(),
        Some(&Denial::WrongSubject {
            action: Action::RevokePrestazione
        })
    );
}

/// Source: REG-INTERMEDIARI (kept for the validity plus 5 years).
#[test]
fn delega_is_kept_five_years_after_its_validity() {
    let d = Delega::new(DelegaDraft {
        delegante: family(),
        intermediario: intermediario(IntermediarioKind::Patronato),
        actions: vec![Action::FundLibretto],
        from: date!(2023 - 03 - 01),
        until: date!(2024 - 02 - 29),
        revoked_on: None,
    })
    .unwrap();
    assert_eq!(d.keep_until().unwrap(), date!(2029 - 03 - 01));
}

#[test]
fn invalid_deleghe_are_refused() {
    let base = DelegaDraft {
        delegante: mario(),
        intermediario: intermediario(IntermediarioKind::Patronato),
        actions: vec![Action::Register],
        from: date!(2024 - 01 - 01),
        until: date!(2024 - 12 - 31),
        revoked_on: None,
    };
    let err = |d: DelegaDraft| Delega::new(d).unwrap_err().to_string();
    assert_eq!(
        err(DelegaDraft {
            until: date!(2023 - 12 - 31),
            ..base.clone()
        }),
        "delega validity ends on 2023-12-31, before it starts on 2024-01-01"
    );
    assert_eq!(
        err(DelegaDraft {
            actions: vec![],
            ..base.clone()
        }),
        "delega grants no action"
    );
    assert_eq!(
        err(DelegaDraft {
            revoked_on: Some(date!(2023 - 01 - 01)),
            ..base.clone()
        }),
        "delega revoked on 2023-01-01, before its validity starts on 2024-01-01"
    );
    assert_eq!(
        err(DelegaDraft {
            delegante: Party::Utilizzatore {
                id: "00743110157".parse().unwrap(),
                instrument: Instrument::LibrettoFamiglia
            },
            actions: vec![Action::FundLibretto],
            ..base.clone()
        }),
        "a Libretto Famiglia utilizzatore is a persona fisica with a personal codice fiscale (art. 54-bis c. 6 lett. a)"
    );
    assert_eq!(
        Delega::new(DelegaDraft {
            intermediario: Intermediario {
                kind: IntermediarioKind::Patronato,
                codice_fiscale: "RSSMRA85T10A56NH".parse().unwrap()
            },
            ..base
        }),
        Err(DelegaError::SelfDelegation)
    );
    assert_eq!(mario().kind(), DeleganteKind::Prestatore);
}

#[cfg(feature = "serde")]
#[test]
fn delega_serde_goes_through_the_constructor() {
    let d = delega(
        mario(),
        IntermediarioKind::Patronato,
        vec![Action::Register],
    );
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Delega>(&json).unwrap(), d);
    let bad = json.replace("\"Register\"", "\"FundLibretto\"");
    assert!(serde_json::from_str::<Delega>(&bad).is_err());
}

fn arb_party() -> impl Strategy<Value = Party> {
    prop_oneof![
        Just(mario()),
        Just(family()),
        Just(firm()),
        Just(Party::Prestatore("BNCGNN60A01H501P".parse().unwrap()))
    ]
}

fn arb_kind() -> impl Strategy<Value = IntermediarioKind> {
    prop_oneof![
        Just(IntermediarioKind::ConsulenteDelLavoro),
        Just(IntermediarioKind::DottoreCommercialista),
        Just(IntermediarioKind::Avvocato),
        Just(IntermediarioKind::Patronato),
        Just(IntermediarioKind::CentroServizi),
    ]
}

fn arb_day() -> impl Strategy<Value = Date> {
    (0i64..4000).prop_map(|n| date!(2017 - 06 - 24) + time::Duration::days(n))
}

proptest! {
    /// An intermediary without a valid delega of the right scope from the subject is never
    /// authorised; a party is never authorised for another party.
    #[test]
    fn no_authorisation_without_a_valid_delega(
        subject in arb_party(),
        delegante in arb_party(),
        kind in arb_kind(),
        action in proptest::sample::select(Action::ALL.to_vec()),
        day in arb_day(),
        from in arb_day(),
        len in 0i64..2000,
        revoked in proptest::option::of(arb_day()),
        actions in proptest::sample::subsequence(Action::ALL.to_vec(), 1..4),
    ) {
        let draft = DelegaDraft {
            delegante,
            intermediario: intermediario(kind),
            actions: actions.clone(),
            from,
            until: from + time::Duration::days(len),
            revoked_on: revoked,
        };
        let deleghe: Vec<Delega> = Delega::new(draft).into_iter().collect();
        let actor = Actor::Intermediario(intermediario(kind));
        let result = decide(&actor, action, &Subject::Party(subject), &deleghe, day);
        if result.is_allowed() {
            let d = &deleghe[0];
            prop_assert!(d.delegante().same_as(&subject));
            prop_assert!(d.is_valid_on(day));
            prop_assert!(d.actions().contains(&action));
        }
        if let Party::Prestatore(cf) = delegante
            && !Party::Prestatore(cf).same_as(&subject)
        {
            prop_assert!(!decide(&Actor::Prestatore(cf), action, &Subject::Party(subject), &deleghe, day).is_allowed());
        }
    }
}

/// A CPO prestazione of the firm `utilizzatore`, recorded in a ledger.
fn recorded(id: u64, utilizzatore: &str) -> (prestazioni_occasionali::Ledger, Prestazione) {
    let p = Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
        prestatore: "RSSMRA85T10A562S".parse().unwrap(),
        utilizzatore: utilizzatore.parse().unwrap(),
        day: date!(2026 - 03 - 07),
        minutes: 240,
        compenso: Euro::from_euros(36),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })
    .unwrap();
    let mut ledger = prestazioni_occasionali::Ledger::default();
    ledger.record(&p).unwrap();
    (ledger, p)
}

/// Source: issue "nothing impossible gets in": an utilizzatore revoking another's prestazione
/// was allowed when the caller described the prestazione as its own. The owner of a recorded
/// prestazione comes from the ledger's record, and a revoca needs that record.
#[test]
fn the_owner_of_a_prestazione_comes_from_the_record() {
    let day = date!(2026 - 03 - 08);
    let (ledger, p) = recorded(1, "00743110157");
    let mallory = Actor::Utilizzatore("12345670157".parse().unwrap());
    // The caller's description: prestazione #1, "of" the actor.
    let forged = Prestazione::try_from(PrestazioneDraft {
        utilizzatore: "12345670157".parse().unwrap(),
        ..p.draft().clone()
    })
    .unwrap();
    let described = Subject::from(&forged);
    let denial = decide(&mallory, Action::RevokePrestazione, &described, &[], day);
    assert!(!denial.is_allowed(), "{denial:?}");
    assert_eq!(
        denial.denial().unwrap().to_string(),
        "revoking prestazione #1 needs its owner from the ledger's record of it, not the caller's description"
    );
    // From the record the owner is the firm: the actor is a stranger, the firm the owner.
    let record = Subject::recorded(&ledger, PrestazioneId(1)).unwrap();
    assert_eq!(
        decide(&mallory, Action::RevokePrestazione, &record, &[], day)
            .denial()
            .unwrap()
            .to_string(),
        "prestazione #1 belongs to another utilizzatore: an utilizzatore acts only on its own prestazioni"
    );
    let owner = Actor::Utilizzatore("00743110157".parse().unwrap());
    assert_eq!(
        decide(&owner, Action::RevokePrestazione, &record, &[], day),
        Authorization::Allowed(Permit::OwnBehalf)
    );
    // Also for an intermediary: the delega must come from the recorded owner.
    let consulente = Actor::Intermediario(intermediario(IntermediarioKind::ConsulenteDelLavoro));
    let from_mallory = delega(
        Party::Utilizzatore {
            id: "12345670157".parse().unwrap(),
            instrument: Instrument::ContrattoPrestazioneOccasionale,
        },
        IntermediarioKind::ConsulenteDelLavoro,
        vec![Action::RevokePrestazione],
    );
    assert!(
        !decide(
            &consulente,
            Action::RevokePrestazione,
            &described,
            std::slice::from_ref(&from_mallory),
            day
        )
        .is_allowed()
    );
    assert_eq!(
        decide(
            &consulente,
            Action::RevokePrestazione,
            &record,
            &[from_mallory],
            day
        )
        .denial(),
        Some(&Denial::NoDelega)
    );
    // A prestazione to communicate is described by the caller: its owner is the one it names.
    assert!(
        decide(
            &owner,
            Action::CommunicatePrestazione,
            &Subject::from(&p),
            &[],
            day
        )
        .is_allowed()
    );
    assert!(
        !decide(
            &mallory,
            Action::CommunicatePrestazione,
            &Subject::from(&p),
            &[],
            day
        )
        .is_allowed()
    );
    // An unknown prestazione has no subject.
    assert!(Subject::recorded(&ledger, PrestazioneId(2)).is_err());
}

/// A delega from one utilizzatore does not let the intermediary act for another utilizzatore
/// of the same instrument, nor for the same person as an utilizzatore of the other instrument
/// (`Party::same_as` compares both).
#[test]
fn a_delega_is_for_its_delegante_and_instrument_only() {
    let day = date!(2024 - 03 - 01);
    let consulente = Actor::Intermediario(intermediario(IntermediarioKind::ConsulenteDelLavoro));
    let firm_b = Party::Utilizzatore {
        id: "12345670157".parse().unwrap(),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
    };
    let from_firm = delega(
        firm(),
        IntermediarioKind::ConsulenteDelLavoro,
        vec![Action::Register],
    );
    assert!(
        decide(
            &consulente,
            Action::Register,
            &Subject::Party(firm()),
            std::slice::from_ref(&from_firm),
            day
        )
        .is_allowed()
    );
    assert_eq!(
        decide(
            &consulente,
            Action::Register,
            &Subject::Party(firm_b),
            std::slice::from_ref(&from_firm),
            day
        )
        .denial(),
        Some(&Denial::NoDelega)
    );
    // The family as LF utilizzatore and the same person as CPO utilizzatore (a professional).
    let family_cpo = Party::Utilizzatore {
        id: "BNCGNN60A01H501P".parse().unwrap(),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
    };
    let from_family = delega(
        family(),
        IntermediarioKind::ConsulenteDelLavoro,
        vec![Action::Register],
    );
    assert!(
        decide(
            &consulente,
            Action::Register,
            &Subject::Party(family()),
            std::slice::from_ref(&from_family),
            day
        )
        .is_allowed()
    );
    assert_eq!(
        decide(
            &consulente,
            Action::Register,
            &Subject::Party(family_cpo),
            &[from_family],
            day
        )
        .denial(),
        Some(&Denial::NoDelega)
    );
    assert!(family().same_as(&family()));
    assert!(!family().same_as(&family_cpo));
    assert!(!firm().same_as(&firm_b));
    assert!(!mario().same_as(&family()));
}

/// The same holder with an omocode of the codice fiscale is the same person: for the party
/// acting for itself, and for the intermediary of a delega; another person is not.
#[test]
fn an_omocode_is_the_same_holder() {
    let day = date!(2026 - 03 - 07);
    let omocode: prestazioni_occasionali::CodiceFiscale = "RSSMRA85T10A56NH".parse().unwrap();
    let mario_omocode = Actor::Prestatore(omocode);
    assert_eq!(
        decide(
            &mario_omocode,
            Action::ViewScrivania,
            &Subject::Party(mario()),
            &[],
            day
        ),
        Authorization::Allowed(Permit::OwnBehalf)
    );
    assert!(mario().same_as(&Party::Prestatore(omocode)));
    // An utilizzatore acts for itself (with an omocode too), not for another.
    let family_cf: prestazioni_occasionali::CodiceFiscale = "BNCGNN60A01H501P".parse().unwrap();
    let family_omocode = family_cf.omocodes().find(|o| *o != family_cf).unwrap();
    assert_ne!(family_omocode, family_cf);
    assert!(family_omocode.same_holder(&"BNCGNN60A01H501P".parse().unwrap()));
    let family_actor = Actor::Utilizzatore(prestazioni_occasionali::UtilizzatoreId::CodiceFiscale(
        family_omocode,
    ));
    assert_eq!(
        decide(
            &family_actor,
            Action::FundLibretto,
            &Subject::Party(family()),
            &[],
            day
        ),
        Authorization::Allowed(Permit::OwnBehalf)
    );
    let firm_actor = Actor::Utilizzatore("00743110157".parse().unwrap());
    assert_eq!(
        decide(
            &firm_actor,
            Action::Register,
            &Subject::Party(firm()),
            &[],
            day
        ),
        Authorization::Allowed(Permit::OwnBehalf)
    );
    assert_eq!(
        decide(
            &firm_actor,
            Action::FundLibretto,
            &Subject::Party(family()),
            &[],
            day
        )
        .denial(),
        Some(&Denial::NotOwnBehalf)
    );
    assert_eq!(
        decide(
            &family_actor,
            Action::Register,
            &Subject::Party(firm()),
            &[],
            day
        )
        .denial(),
        Some(&Denial::NotOwnBehalf)
    );
    // The intermediary named in a delega with the personal code, acting with an omocode.
    let person = Intermediario {
        kind: IntermediarioKind::ConsulenteDelLavoro,
        codice_fiscale: "VRDLGU70M10F205K".parse().unwrap(),
    };
    let d = Delega::new(DelegaDraft {
        delegante: firm(),
        intermediario: person,
        actions: vec![Action::Register],
        from: date!(2017 - 08 - 01),
        until: date!(2030 - 12 - 31),
        revoked_on: None,
    })
    .unwrap();
    let omocode_person = Intermediario {
        codice_fiscale: person
            .codice_fiscale
            .omocodes()
            .find(|o| *o != person.codice_fiscale)
            .unwrap(),
        ..person
    };
    assert_eq!(
        decide(
            &Actor::Intermediario(omocode_person),
            Action::Register,
            &Subject::Party(firm()),
            std::slice::from_ref(&d),
            day
        ),
        Authorization::Allowed(Permit::Delega(0))
    );
}

/// A company delegating to an intermediary with its own 11 digits delegates to itself.
#[test]
fn a_company_cannot_delegate_to_itself() {
    let draft = DelegaDraft {
        delegante: firm(),
        intermediario: Intermediario {
            kind: IntermediarioKind::CentroServizi,
            codice_fiscale: "00743110157".parse().unwrap(),
        },
        actions: vec![Action::CommunicatePrestazione],
        from: date!(2026 - 01 - 01),
        until: date!(2026 - 12 - 31),
        revoked_on: None,
    };
    assert_eq!(Delega::new(draft.clone()), Err(DelegaError::SelfDelegation));
    // Another company's service centre is fine.
    let other = DelegaDraft {
        intermediario: intermediario(IntermediarioKind::CentroServizi),
        ..draft
    };
    assert!(Delega::new(other).is_ok());
}

/// `authorize` answers only with the rules of the day: the rules of 2026 would let an
/// intermediary act on 15/7/2017, before INPS msg 3177 of 31/7/2017 allowed any.
#[test]
fn authorize_refuses_the_rules_of_another_day() {
    let actor = Actor::Intermediario(intermediario(IntermediarioKind::ConsulenteDelLavoro));
    let deleghe = [delega(
        mario(),
        IntermediarioKind::ConsulenteDelLavoro,
        vec![Action::ChangePaymentMethod],
    )];
    let subject = Subject::Party(mario());
    let day = date!(2017 - 07 - 15);
    let now = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    let answer = authorize(
        &actor,
        Action::ChangePaymentMethod,
        &subject,
        &deleghe,
        day,
        now,
    );
    assert_eq!(
        answer.denial(),
        Some(&Denial::RulesNotInForce {
            on: day,
            valid_from: now.valid_from()
        })
    );
    assert_eq!(
        answer.denial().unwrap().to_string(),
        "the rules given (from 2023-12-06) are not those in force on 2017-07-15: pass the rules of the day"
    );
    // With the rules of the day: denied for the reason of law.
    let answer = decide(&actor, Action::ChangePaymentMethod, &subject, &deleghe, day);
    assert!(matches!(
        answer.denial(),
        Some(Denial::IntermediaryNotAllowed { .. })
    ));
}
