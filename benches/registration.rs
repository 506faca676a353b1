//! Registration validation, authorization and the Scrivania.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use prestazioni_occasionali::{
    AccessChannel, AccountKind, Action, Actor, AddressDraft, CapProfile, CommunicatedPrestazione,
    ContactsDraft, Delega, DelegaDraft, DocumentDraft, Effective, Euro, Instrument, Intermediario,
    IntermediarioKind, Party, PaymentDraft, PaymentMethod, PaymentMode, Prestazione,
    PrestazioneDraft, PrestazioneId, Registration, RegistrationDraft, RegistrationEvent,
    RegistrationState, Rules, RulesTable, Scrivania, Sex, Subject, authorize,
};
use time::macros::{date, datetime};

fn form() -> RegistrationDraft {
    let mut d = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.codice_fiscale = "RSSMRA85T10A562S".into();
    d.first_name = "Mario".into();
    d.last_name = "Rossi".into();
    d.birth_date = Some(date!(1985 - 12 - 10));
    d.birthplace = "A562".into();
    d.sex = Some(Sex::Male);
    d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    d.document = DocumentDraft {
        number: "CA12345AB".into(),
        issued_on: Some(date!(2020 - 05 - 04)),
        expires_on: Some(date!(2031 - 05 - 04)),
        issued_by: "Comune di Roma".into(),
        ..DocumentDraft::default()
    };
    d.contacts = ContactsDraft {
        mobile: "333 1234567".into(),
        hours: "10:00-18:00".into(),
        ..ContactsDraft::default()
    };
    d.privacy_consent = true;
    d.payment = PaymentDraft {
        mode: PaymentMode::IbanCredit,
        iban: "IT60X0542811101000000123456".into(),
        account: AccountKind::ContoCorrente,
        held_by_prestatore: true,
    };
    d
}

fn bench(c: &mut Criterion) {
    let draft = form();
    c.bench_function("registration/validate/complete_form", |b| {
        b.iter(|| assert!(black_box(&draft).validate().is_ok()));
    });

    let mario = "RSSMRA85T10A562S".parse().unwrap();
    let patronato = Intermediario {
        kind: IntermediarioKind::Patronato,
        codice_fiscale: "80012345676".parse().unwrap(),
    };
    let deleghe: Vec<Delega> = (0..1_000)
        .map(|i| {
            Delega::new(DelegaDraft {
                delegante: if i == 999 {
                    Party::Prestatore(mario)
                } else {
                    Party::Prestatore("BNCGNN60A01H501P".parse().unwrap())
                },
                intermediario: patronato,
                actions: vec![Action::ViewScrivania],
                from: date!(2026 - 01 - 01),
                until: date!(2026 - 12 - 31),
                revoked_on: None,
            })
            .unwrap()
        })
        .collect();
    let day = date!(2026 - 03 - 07);
    let rules = Rules::in_force_on(day).unwrap();
    let subject = Subject::Party(Party::Prestatore(mario));
    c.bench_function("delega/authorize/1k_deleghe", |b| {
        b.iter(|| {
            let a = authorize(
                &Actor::Intermediario(patronato),
                Action::ViewScrivania,
                black_box(&subject),
                &deleghe,
                day,
                rules,
            );
            assert!(a.is_allowed());
        });
    });

    let records: Vec<CommunicatedPrestazione> = (0..1_000u64)
        .map(|i| {
            let day = date!(2026 - 01 - 01) + time::Duration::days(i64::try_from(i % 300).unwrap());
            CommunicatedPrestazione {
                prestazione: Prestazione::try_from(PrestazioneDraft {
                    id: PrestazioneId(i),
                    instrument: Instrument::ContrattoPrestazioneOccasionale,
                    prestatore: mario,
                    utilizzatore: "00743110157".parse().unwrap(),
                    day,
                    minutes: 60,
                    compenso: Euro::from_euros(9),
                    special_category: false,
                    steward: false,
                    profile: CapProfile::default(),
                })
                .unwrap(),
                communicated_at: datetime!(2026-01-01 07:00 +1),
                revoked_at: None,
                confirmed_at: None,
                paid_on: None,
            }
        })
        .collect();
    let methods = [Effective {
        from: date!(2026 - 01 - 01),
        value: PaymentMethod::BonificoDomiciliato,
    }];
    c.bench_function("scrivania/new_and_prospetto/1k_prestazioni", |b| {
        b.iter(|| {
            let desk = Scrivania::new(
                mario,
                black_box(&records),
                &methods,
                RulesTable::embedded(),
                datetime!(2026-12-31 12:00 +1),
            )
            .unwrap();
            assert_eq!(
                desk.prospetto(2026).unwrap().total_compensi,
                Euro::from_euros(9_000)
            );
        });
    });
}

fn bench_replay(c: &mut Criterion) {
    let draft = form();
    let mut events = vec![RegistrationEvent::Submit];
    let mut on = draft.registered_on;
    for i in 1..10_000 {
        on = on.next_day().unwrap();
        events.push(if i % 2 == 1 {
            RegistrationEvent::Suspend { on }
        } else {
            RegistrationEvent::Resume { on }
        });
    }
    c.bench_function("registration/replay/10k_events", |b| {
        b.iter(|| {
            let reg =
                Registration::replay(draft.clone(), black_box(&events).iter().cloned()).unwrap();
            assert_eq!(reg.state(), RegistrationState::Suspended);
        });
    });
}

criterion_group!(benches, bench, bench_replay);
criterion_main!(benches);
