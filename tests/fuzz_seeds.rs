//! Writes the seed corpus of the fuzz targets (`fuzz/corpus/<target>/seed-*`): valid inputs
//! the fuzzer starts from and mutates (random bytes seldom make valid JSON of an event log).
//! Not a test: run it after changing a serialised type,
//! `cargo test --all-features --test fuzz_seeds -- --ignored`.
#![cfg(feature = "serde")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use prestazioni_occasionali::{
    AccessChannel, Action, AddressDraft, CapProfile, ConfirmationChannel, ContactsDraft,
    DelegaDraft, DocumentDraft, Euro, ExternalTotal, Instrument, Intermediario, IntermediarioKind,
    Ledger, LedgerEvent, Party, Prestazione, PrestazioneDraft, PrestazioneId, Registration,
    RegistrationDraft, RegistrationEvent, RulesTable, Sex,
};
use time::macros::{date, datetime};

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
}

fn draft(id: u64, instrument: Instrument, euros: u32, minutes: u32) -> PrestazioneDraft {
    PrestazioneDraft {
        id: PrestazioneId(id),
        instrument,
        prestatore: "RSSMRA85T10A562S".parse().unwrap(),
        utilizzatore: match instrument {
            Instrument::LibrettoFamiglia => "BNCGNN60A01H501P".parse().unwrap(),
            Instrument::ContrattoPrestazioneOccasionale => "00743110157".parse().unwrap(),
        },
        day: date!(2026 - 03 - 07),
        minutes,
        compenso: Euro::from_euros(euros),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    }
}

fn form(on: time::Date) -> RegistrationDraft {
    let mut d = RegistrationDraft::new(on, AccessChannel::ContactCenter);
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
    d
}

#[test]
#[ignore = "writes the fuzz seed corpus; run by hand"]
#[allow(clippy::too_many_lines)]
fn write_seeds() {
    let texts: &[(&str, &[&str])] = &[
        (
            "parse_codice_fiscale",
            &[
                "RSSMRA85T10A562S",
                "RSSMRA85T10A56NH",
                "12345678903",
                "A562",
            ],
        ),
        (
            "parse_iban",
            &[
                "IT60X0542811101000000123456",
                "IT60 X054 2811 1010 0000 0123 456",
                "DE89370400440532013000",
            ],
        ),
        ("parse_partita_iva", &["00743110157", "12345670157"]),
        ("parse_provincia", &["RM", "mi", "BZ"]),
        ("parse_cap", &["00198", "20123"]),
        ("parse_ateco", &["82.30.00", "93.29.1", "56.10.11", "A"]),
        (
            "parse_euro",
            &[
                "12.41",
                "12,41",
                "0",
                "5000.00",
                "79228162514264337593543950.33",
            ],
        ),
        (
            "parse_utilizzatore_id",
            &["BNCGNN60A01H501P", "00743110157"],
        ),
        (
            "parse_contacts",
            &[
                "333 1234567",
                "+39 333 1234567",
                "mario.rossi@example.it",
                "10:00-18:00",
                "10.00-18.00",
            ],
        ),
    ];
    for (target, inputs) in texts {
        for (n, text) in inputs.iter().enumerate() {
            write(target, &n.to_string(), text.as_bytes());
        }
    }

    let cpo = draft(1, Instrument::ContrattoPrestazioneOccasionale, 36, 240);
    let lf = draft(2, Instrument::LibrettoFamiglia, 24, 180);
    for (n, d) in [&cpo, &lf].into_iter().enumerate() {
        write(
            "prestazione",
            &n.to_string(),
            serde_json::to_string(d).unwrap().as_bytes(),
        );
    }

    let mut ledger = Ledger::default();
    ledger
        .record(&Prestazione::try_from(cpo.clone()).unwrap())
        .unwrap();
    ledger
        .record(&Prestazione::try_from(lf.clone()).unwrap())
        .unwrap();
    ledger
        .record(
            &Prestazione::try_from(PrestazioneDraft {
                id: PrestazioneId(3),
                ..cpo.clone()
            })
            .unwrap(),
        )
        .unwrap();
    ledger
        .revoke(PrestazioneId(3), datetime!(2026-03-08 10:00 +01:00))
        .unwrap();
    ledger
        .confirm(PrestazioneId(3), datetime!(2026-03-08 18:00 +01:00))
        .unwrap();
    ledger
        .confirm(PrestazioneId(1), datetime!(2026-03-07 20:00 +01:00))
        .unwrap();
    ledger
        .set_external_total(&ExternalTotal {
            prestatore: cpo.prestatore,
            year: 2026,
            total: Euro::from_euros(1_000),
            as_of: date!(2026 - 02 - 28),
        })
        .unwrap();
    let mut events: Vec<LedgerEvent> = ledger.events().collect::<Result<_, _>>().unwrap();
    events.push(LedgerEvent::Corrected(
        Prestazione::try_from(draft(2, Instrument::LibrettoFamiglia, 32, 240)).unwrap(),
    ));
    write(
        "ledger_events",
        "0",
        serde_json::to_string(&events).unwrap().as_bytes(),
    );
    let three: Vec<LedgerEvent> = (1..=3)
        .map(|id| {
            LedgerEvent::Recorded(
                Prestazione::try_from(PrestazioneDraft {
                    id: PrestazioneId(id),
                    ..draft(id, Instrument::ContrattoPrestazioneOccasionale, 1_000, 240)
                })
                .unwrap(),
            )
        })
        .collect();
    write(
        "ledger_events",
        "1",
        serde_json::to_string(&three).unwrap().as_bytes(),
    );

    let on = date!(2026 - 03 - 07);
    let mut reg = Registration::new(form(on));
    reg.apply(RegistrationEvent::Submit).unwrap();
    reg.apply(RegistrationEvent::Confirm {
        on: date!(2026 - 03 - 09),
        via: ConfirmationChannel::ContactCenter,
    })
    .unwrap();
    reg.apply(RegistrationEvent::Suspend {
        on: date!(2026 - 06 - 01),
    })
    .unwrap();
    write(
        "registration",
        "0",
        serde_json::to_string(&reg).unwrap().as_bytes(),
    );
    let mut edited = Registration::new(form(on));
    edited.apply(RegistrationEvent::Submit).unwrap();
    edited
        .apply(RegistrationEvent::Edit(Box::new(form(date!(
            2026 - 03 - 10
        )))))
        .unwrap();
    write(
        "registration",
        "1",
        serde_json::to_string(&edited).unwrap().as_bytes(),
    );

    let delega = DelegaDraft {
        delegante: Party::Utilizzatore {
            id: "00743110157".parse().unwrap(),
            instrument: Instrument::ContrattoPrestazioneOccasionale,
        },
        intermediario: Intermediario {
            kind: IntermediarioKind::ConsulenteDelLavoro,
            codice_fiscale: "VRDLGU70M10F205K".parse().unwrap(),
        },
        actions: vec![
            Action::CommunicatePrestazione,
            Action::RevokePrestazione,
            Action::Register,
        ],
        from: date!(2024 - 01 - 01),
        until: date!(2027 - 12 - 31),
        revoked_on: None,
    };
    let question = serde_json::json!({
        "deleghe": [delega],
        "actor": { "Intermediario": delega.intermediario },
        "action": 3,
        "party": delega.delegante,
        "prestazione": cpo,
        "day": date!(2026 - 03 - 08),
    });
    write("delega", "0", question.to_string().as_bytes());

    let query = serde_json::json!({
        "query": prestazioni_occasionali::RoomQuery {
            prestatore: cpo.prestatore,
            utilizzatore: cpo.utilizzatore,
            day: cpo.day,
            instrument: Instrument::ContrattoPrestazioneOccasionale,
            special_category: true,
            steward: false,
            profile: CapProfile::default(),
        },
        "capacity": prestazioni_occasionali::LedgerCapacity { year: 2026, prestazioni: 10, prestatori: 2, utilizzatori: 2, pairs: 3 },
    });
    write("ledger_queries", "0", query.to_string().as_bytes());
    let firm = prestazioni_occasionali::UtilizzatoreRegistrationDraft {
        registered_on: date!(2026 - 03 - 07),
        kind: prestazioni_occasionali::RegistrantKind::Impresa,
        id: "00743110157".into(),
        ateco: "56.10.11".into(),
    };
    write(
        "registration",
        "2",
        serde_json::to_string(&firm).unwrap().as_bytes(),
    );

    write(
        "rules_table",
        "0",
        serde_json::to_string(RulesTable::embedded())
            .unwrap()
            .as_bytes(),
    );
}
