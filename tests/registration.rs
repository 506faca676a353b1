//! Registration data, its validation and the registration state machine.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AccessChannel, AccountKind, AddressDraft, Categoria, Confirmation, ConfirmationChannel,
    ContactChannel, ContactsDraft, Credential, DocumentDraft, DocumentKind, Euro,
    ParentalConsentDraft, PaymentDraft, PaymentMethod, PaymentMode, REGISTRATION_TRANSITIONS,
    RegistrantKind, Registration, RegistrationData, RegistrationDraft, RegistrationError,
    RegistrationEvent, RegistrationEventKind, RegistrationState, Rules, SelfCertification, Sex,
    SpidLevel, UtilizzatoreRegistration, UtilizzatoreRegistrationDraft, registration_diagram,
};
use proptest::prelude::*;
use time::Date;
use time::macros::date;

const CF: &str = "RSSMRA85T10A562S";
const IBAN: &str = "IT60X0542811101000000123456";

/// A complete form as in the older INPS guide: residence, a different domicile, carta
/// d'identita, mobile preferred with a time band, "letto e autorizzato".
fn complete(on: Date, access: AccessChannel) -> RegistrationDraft {
    let mut d = RegistrationDraft::new(on, access);
    d.codice_fiscale = CF.into();
    d.first_name = "Mario".into();
    d.last_name = "Rossi".into();
    d.birth_date = Some(date!(1985 - 12 - 10));
    d.birthplace = "A562".into();
    d.sex = Some(Sex::Male);
    d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    d.domicile = Some(AddressDraft::new(
        "Milano",
        "MI",
        "Via Torino",
        "3",
        "20123",
    ));
    d.document = DocumentDraft {
        kind: DocumentKind::CartaIdentita,
        number: "CA12345AB".into(),
        issued_on: Some(date!(2017 - 05 - 04)),
        expires_on: Some(date!(2028 - 05 - 04)),
        issued_by: "Comune di Roma".into(),
    };
    d.contacts = ContactsDraft {
        mobile: "333 1234567".into(),
        email: "mario.rossi@example.it".into(),
        preferred: ContactChannel::Mobile,
        hours: "10.00-18.00".into(),
    };
    d.privacy_consent = true;
    d.payment = PaymentDraft {
        mode: PaymentMode::IbanCredit,
        iban: IBAN.into(),
        account: AccountKind::ContoCorrente,
        held_by_prestatore: true,
    };
    d
}

/// The registration procedure of the older INPS guide, end to end: data entered, REGISTRA,
/// telephone confirmation through the contact center, final verification "Lavoratore Attivo".
///
/// Source: seed 002, "Procedura Iscrizione INPS" (steps 2-5).
#[test]
fn older_inps_guide_end_to_end() {
    let cf = CF.parse().unwrap();
    // Step 1-2: access with the INPS PIN (accepted until 30/9/2021) and data entered.
    let mut reg = Registration::new(RegistrationDraft::new(
        date!(2018 - 09 - 03),
        AccessChannel::InpsPin,
    ));
    assert_eq!(reg.state(), RegistrationState::Draft);
    reg.apply(RegistrationEvent::Edit(Box::new(complete(
        date!(2018 - 09 - 03),
        AccessChannel::InpsPin,
    ))))
    .unwrap();
    // Step 3: REGISTRA.
    reg.apply(RegistrationEvent::Submit).unwrap();
    assert_eq!(reg.state(), RegistrationState::Submitted);
    let data = reg.data().unwrap();
    assert_eq!(data.payment_correspondence_address().comune(), "Milano");
    assert_eq!(data.contacts().hours().unwrap().to_string(), "10:00-18:00");
    // Not active before the telephone confirmation.
    assert!(!reg.is_active_worker("Mario", "Rossi", &cf, date!(2018 - 09 - 03)));
    // Step 4: telephone confirmation (803164 / 06164164).
    reg.apply(RegistrationEvent::Confirm {
        on: date!(2018 - 09 - 04),
        via: ConfirmationChannel::ContactCenter,
    })
    .unwrap();
    assert_eq!(reg.state(), RegistrationState::Active);
    assert_eq!(
        reg.confirmation(),
        Some(Confirmation::Explicit {
            via: ConfirmationChannel::ContactCenter,
            on: date!(2018 - 09 - 04)
        })
    );
    // Step 5: final verification with name, surname and codice fiscale.
    assert!(reg.is_active_worker("  MARIO ", "rossi", &cf, date!(2018 - 09 - 04)));
    assert!(!reg.is_active_worker("Maria", "Rossi", &cf, date!(2018 - 09 - 04)));
    assert!(!reg.is_active_worker(
        "Mario",
        "Rossi",
        &"BNCGNN60A01H501P".parse().unwrap(),
        date!(2018 - 09 - 04)
    ));
    assert!(!reg.is_active_worker("Mario", "Rossi", &cf, date!(2018 - 09 - 03)));
}

/// The 2026 path: SPID level 2 proves identity, so REGISTRA activates at once.
///
/// Source: seed 000 (2026 portal, SPID/CIE/CNS/eIDAS); REG-AUTH, REG-PORTAL-2026.
#[test]
fn spid_2026_path_confirms_automatically() {
    let mut reg = Registration::new(complete(
        date!(2026 - 01 - 12),
        AccessChannel::Spid {
            level: SpidLevel::L2,
        },
    ));
    reg.apply(RegistrationEvent::Submit).unwrap();
    assert_eq!(reg.state(), RegistrationState::Active);
    assert_eq!(
        reg.confirmation(),
        Some(Confirmation::Automatic {
            credential: Credential::Spid,
            on: date!(2026 - 01 - 12)
        })
    );
    assert!(reg.is_active_worker(
        "Mario",
        "Rossi",
        &CF.parse().unwrap(),
        date!(2026 - 01 - 12)
    ));
    // A contact-center confirmation is now an illegal transition.
    let err = reg
        .apply(RegistrationEvent::Confirm {
            on: date!(2026 - 01 - 13),
            via: ConfirmationChannel::ContactCenter,
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "event confirm is not allowed in state active"
    );
}

/// Names are compared ignoring case, accents and extra spaces.
#[test]
fn verification_folds_accents_and_spaces() {
    let mut d = complete(date!(2026 - 01 - 12), AccessChannel::Cie);
    d.first_name = "Nicolò".into();
    d.last_name = "D'Àngelo  Rossi".into();
    // The code of Nicolò D'Àngelo Rossi (python-codicefiscale 0.12.1 gives the same).
    d.codice_fiscale = "DNGNCL85T10A562Y".into();
    let mut reg = Registration::new(d);
    reg.apply(RegistrationEvent::Submit).unwrap();
    let cf = "DNGNCL85T10A562Y".parse().unwrap();
    assert!(reg.is_active_worker("nicolo", "d'angelo rossi", &cf, date!(2026 - 02 - 01)));
    assert!(reg.is_active_worker("NICOLÒ", " D’ANGELO   ROSSI ", &cf, date!(2026 - 02 - 01)));
    // An omocode of the same holder matches.
    assert!(reg.is_active_worker(
        "Nicolo",
        "D'Angelo Rossi",
        &"DNGNCL85T10A56NN".parse().unwrap(),
        date!(2026 - 02 - 01)
    ));
}

/// Source: D.M. 23/12/1976 (the code's letters 1-6 come from surname and name); the INPS
/// registry checks the anagrafica against the codice fiscale.
#[test]
fn names_must_give_the_code_letters() {
    let on = date!(2026 - 01 - 12);
    let reasons = |d: &RegistrationDraft| -> Vec<(String, String)> {
        match d.validate() {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|p| (p.path.clone(), p.reason.clone()))
                .collect(),
        }
    };
    let mut d = complete(on, AccessChannel::Cie);
    d.last_name = "Bianchi".into();
    d.first_name = "Luca".into();
    assert_eq!(
        reasons(&d),
        [
            (
                "last_name".to_owned(),
                "surname letters BNC do not match the codice fiscale, which encodes RSS".to_owned()
            ),
            (
                "first_name".to_owned(),
                "name letters LCU do not match the codice fiscale, which encodes MRA".to_owned()
            ),
        ]
    );
    // Case, accents and spacing do not matter; an omocode has the same letters.
    let mut d = complete(on, AccessChannel::Cie);
    d.first_name = " MARIÒ ".into();
    d.codice_fiscale = "RSSMRA85T10A56NH".into();
    assert!(reasons(&d).is_empty(), "{:?}", reasons(&d));
    // A letter no codice fiscale can hold: the name field says so.
    let mut d = complete(on, AccessChannel::Cie);
    d.first_name = "Марио".into();
    assert_eq!(
        reasons(&d),
        [(
            "first_name".to_owned(),
            "name has the character 'М', which a codice fiscale cannot encode (letters, accented letters, apostrophes, spaces, hyphens and full stops only)".to_owned()
        )]
    );
    // A name the form refuses on its own is not compared with the code as well.
    let mut d = complete(on, AccessChannel::Cie);
    d.last_name = "Rossi 2".into();
    assert_eq!(reasons(&d).len(), 1);
    assert_eq!(reasons(&d)[0].0, "last_name");
}

/// Validation reports every problem at once, each with its path and reason.
#[test]
fn empty_form_reports_every_missing_field() {
    let draft = RegistrationDraft::new(date!(2026 - 03 - 07), AccessChannel::Cie);
    let problems = draft.validate().unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "codice_fiscale",
            "first_name",
            "last_name",
            "birth_date",
            "sex",
            "birthplace",
            "residence.comune",
            "residence.provincia",
            "residence.street",
            "residence.house_number",
            "residence.cap",
            "document.number",
            "document.issued_on",
            "document.expires_on",
            "document.issued_by",
            "contacts.mobile",
            "privacy_consent",
        ]
    );
    assert!(problems.iter().all(|p| !p.reason.is_empty()));
}

#[test]
fn invalid_values_are_reported_with_their_reasons() {
    let mut d = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.birth_date = Some(date!(1985 - 12 - 11));
    d.sex = Some(Sex::Female);
    d.birthplace = "H501".into();
    d.residence.provincia = "XX".into();
    d.residence.cap = "0019".into();
    d.document.expires_on = Some(date!(2026 - 03 - 06));
    d.contacts.mobile = "06 1234567".into();
    d.contacts.email = "mario".into();
    d.contacts.hours = "18:00-10:00".into();
    d.payment.iban = "IT60X0542811101000000123457".into();
    d.first_name = "Mario2".into();
    let problems = d.validate().unwrap_err();
    let pairs: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        pairs,
        vec![
            "first_name: has the character '2', not allowed in a name",
            "birth_date: birth date 1985-12-11 does not match the codice fiscale, which encodes 85-12-10",
            "birthplace: birthplace H501 does not match the codice fiscale, which encodes A562",
            "residence.provincia: provincia \"XX\" is not a sigla in use",
            "residence.cap: cap \"0019\" must be exactly 5 digits",
            "document.expires_on: the document expired on 2026-03-06, before the registration day 2026-03-07",
            "contacts.mobile: is not an Italian mobile number: it must start with 3",
            "contacts.email: has no '@'",
            "contacts.hours: 18:00-10:00 does not end after it starts",
            "payment.iban: iban check digits are invalid",
        ]
    );
}

#[test]
fn sex_mismatch_is_reported_on_sex() {
    let mut d = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.sex = Some(Sex::Female);
    let problems = d.validate().unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems.as_slice()[0].path, "sex");
}

/// Source: ELIG-AGE, reading R-MINORS (under 18 the registration records parental consent).
#[test]
fn minor_needs_parental_consent() {
    // Born 10/12/2009: 16 on 7/3/2026.
    let mut d = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.codice_fiscale = "RSSMRA09T10A562E".into();
    d.birth_date = Some(date!(2009 - 12 - 10));
    let problems = d.validate().unwrap_err();
    assert_eq!(
        problems.to_string(),
        "parental_consent: is required below age 18 (voucher-era practice of parental authorisation, no INPS instruction; reading R-MINORS: under 18 the registration records parental consent)"
    );
    d.parental_consent = Some(ParentalConsentDraft {
        parent_codice_fiscale: "BNCGNN60A01H501P".into(),
        parent_name: "Giovanni Bianchi".into(),
        given_on: Some(date!(2026 - 03 - 01)),
    });
    let data = d.validate().unwrap();
    assert_eq!(
        data.parental_consent().unwrap().parent_name(),
        "Giovanni Bianchi"
    );

    // The prestatore carries the names, birth date and consent over.
    let minor = data.to_prestatore().unwrap();
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    assert!(minor.is_minor_on(date!(2026 - 03 - 07), rules));
    assert_eq!(minor.age_on(date!(2026 - 03 - 07)), Some(16));
    assert_eq!(
        minor.parental_consent(),
        Some(data.parental_consent().unwrap().consent())
    );
    assert_eq!(minor.parental_consent().unwrap().by(), "Giovanni Bianchi");

    // A consent dated before the birth is refused by the registration too.
    d.parental_consent = Some(ParentalConsentDraft {
        parent_codice_fiscale: "BNCGNN60A01H501P".into(),
        parent_name: "Giovanni Bianchi".into(),
        given_on: Some(date!(2009 - 12 - 09)),
    });
    assert_eq!(
        d.validate().unwrap_err().to_string(),
        "parental_consent.given_on: 2009-12-09 is before the prestatore's birth"
    );
}

/// Source: ELIG-AGE, reading R-MINORS: parental consent is recorded for a prestatore under 18;
/// attached to an adult's registration it is refused, on its field.
#[test]
fn parental_consent_for_an_adult_is_refused() {
    let mut d = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.parental_consent = Some(ParentalConsentDraft {
        parent_codice_fiscale: "BNCGNN60A01H501P".into(),
        parent_name: "Giovanni Bianchi".into(),
        given_on: Some(date!(2026 - 03 - 01)),
    });
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    assert_eq!(
        d.validate().unwrap_err().to_string(),
        format!(
            "parental_consent: is recorded only below age 18, and the prestatore is 40 on the registration day (ELIG-AGE: {})",
            rules.parental_consent_below_age.citation
        )
    );
    // On the day of the 18th birthday, already an adult.
    let mut d = complete(date!(2027 - 12 - 10), AccessChannel::Cie);
    d.codice_fiscale = "RSSMRA09T10A562E".into();
    d.birth_date = Some(date!(2009 - 12 - 10));
    d.parental_consent = Some(ParentalConsentDraft {
        parent_codice_fiscale: "BNCGNN60A01H501P".into(),
        parent_name: "Giovanni Bianchi".into(),
        given_on: Some(date!(2027 - 12 - 01)),
    });
    assert!(d.validate().unwrap_err().to_string().starts_with(
        "parental_consent: is recorded only below age 18, and the prestatore is 18 on the registration day"
    ));
    // The day before, a minor: the consent is recorded.
    d.registered_on = date!(2027 - 12 - 09);
    assert!(d.validate().is_ok());
    // The prestatore itself refuses a consent given when it was already of age.
    let adult = prestazioni_occasionali::Prestatore::new(
        CF.parse().unwrap(),
        "Mario",
        "Rossi",
        date!(1985 - 12 - 10),
    )
    .unwrap();
    let consent =
        prestazioni_occasionali::ParentalConsent::new(date!(2026 - 03 - 01), "Giovanni Bianchi")
            .unwrap();
    assert_eq!(
        adult
            .with_parental_consent(consent)
            .unwrap_err()
            .to_string(),
        "parental consent given on 2026-03-01, when the prestatore was 40: it is recorded only below age 18 (ELIG-AGE, reading R-MINORS)"
    );
}

/// Source: ELIG-AGE, reading R-MINORS: a prestatore is a minor until the day before the 18th
/// birthday; a parental consent may be dated from the birth on (not before it), and it debugs
/// with the parent's initial only (personal data).
#[test]
fn a_prestatore_is_a_minor_until_the_18th_birthday() {
    use prestazioni_occasionali::{ParentalConsent, Prestatore};
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    let luca = Prestatore::new(
        "RSSMRA08H01A562E".parse().unwrap(),
        "Luca",
        "Rossi",
        date!(2008 - 06 - 01),
    )
    .unwrap();
    assert!(luca.is_minor_on(date!(2026 - 05 - 31), rules));
    assert!(!luca.is_minor_on(date!(2026 - 06 - 01), rules));
    assert!(!luca.is_minor_on(date!(2008 - 05 - 31), rules));
    let mario =
        Prestatore::new(CF.parse().unwrap(), "Mario", "Rossi", date!(1985 - 12 - 10)).unwrap();
    assert!(!mario.is_minor_on(date!(2026 - 03 - 07), rules));

    // A consent on the day of birth is not before it; the day before is.
    let at_birth = ParentalConsent::new(date!(2008 - 06 - 01), "Anna Rossi").unwrap();
    let luca_with = luca
        .clone()
        .with_parental_consent(at_birth.clone())
        .unwrap();
    assert_eq!(luca_with.parental_consent(), Some(&at_birth));
    let before = ParentalConsent::new(date!(2008 - 05 - 31), "Anna Rossi").unwrap();
    assert!(luca.with_parental_consent(before).is_err());

    // The parent or guardian is named (trimmed), in plain text.
    assert_eq!(
        ParentalConsent::new(date!(2026 - 01 - 10), "  ")
            .unwrap_err()
            .to_string(),
        "parental consent: the name of the parent or guardian is empty"
    );
    assert_eq!(
        ParentalConsent::new(date!(2026 - 01 - 10), "Anna\u{7}Rossi")
            .unwrap_err()
            .to_string(),
        "prestatore parental consent name contains a control character"
    );
    assert_eq!(
        ParentalConsent::new(date!(2026 - 01 - 10), " Anna Rossi ")
            .unwrap()
            .by(),
        "Anna Rossi"
    );

    let text = format!("{at_birth:?}");
    assert_eq!(
        text,
        "ParentalConsent { given_on: 2008-06-01, by: \"A***\" }"
    );
    assert!(!text.contains("Anna Rossi"), "{text}");
}

/// Source: ELIG-SELFCERT, PROHIB-AGRI (art. 54-bis c. 8, c. 14 lett. b): the prestatore keeps
/// every self-certification and every year certified outside the agricultural lists.
#[test]
fn a_prestatore_keeps_its_self_certifications() {
    use prestazioni_occasionali::Prestatore;
    let student = SelfCertification::new(Categoria::Studente, date!(2025 - 09 - 01), None).unwrap();
    let p = Prestatore::new(CF.parse().unwrap(), "Mario", "Rossi", date!(1985 - 12 - 10))
        .unwrap()
        .with_self_certification(student)
        .with_not_in_agricultural_lists(2021)
        .with_not_in_agricultural_lists(2020);
    assert_eq!(p.self_certifications(), [student]);
    assert_eq!(
        p.not_in_agricultural_lists(),
        &std::collections::BTreeSet::from([2020, 2021])
    );
    assert!(p.certified_not_in_agricultural_lists(2020));
    assert!(!p.certified_not_in_agricultural_lists(2022));
}

/// Source: REG-STATES (derived), issue "nothing impossible gets in": a registration is never
/// back-dated. Submitted on 7/3/2026, an edit may not move it to 1/1/2020 (and a confirmation
/// of 2/1/2020 then make it active in 2021), live or through serde.
#[test]
fn a_registration_is_never_back_dated() {
    let on = date!(2026 - 03 - 07);
    let mut reg = Registration::new(complete(on, AccessChannel::ContactCenter));
    reg.apply(RegistrationEvent::Submit).unwrap();
    assert_eq!(reg.state(), RegistrationState::Submitted);
    let back = RegistrationEvent::Edit(Box::new(complete(
        date!(2020 - 01 - 01),
        AccessChannel::ContactCenter,
    )));
    let before = reg.clone();
    assert_eq!(
        reg.apply(back.clone()).unwrap_err().to_string(),
        "edit: registered_on 2020-01-01 is before 2026-03-07, the day the registration was first submitted: a registration is never back-dated"
    );
    assert_eq!(reg, before);
    let confirm = RegistrationEvent::Confirm {
        on: date!(2020 - 01 - 02),
        via: ConfirmationChannel::ContactCenter,
    };
    assert!(reg.apply(confirm.clone()).is_err());
    assert!(!reg.is_active_on(date!(2021 - 06 - 01)));
    // A later day is an edit like any other; the confirmation follows it.
    reg.apply(RegistrationEvent::Edit(Box::new(complete(
        date!(2026 - 03 - 10),
        AccessChannel::ContactCenter,
    ))))
    .unwrap();
    reg.apply(RegistrationEvent::Submit).unwrap();
    assert!(
        reg.apply(RegistrationEvent::Confirm {
            on: date!(2026 - 03 - 09),
            via: ConfirmationChannel::ContactCenter,
        })
        .is_err()
    );
    // Even after that, not back before the first submission.
    assert!(reg.apply(back.clone()).is_err());
    reg.apply(RegistrationEvent::Confirm {
        on: date!(2026 - 03 - 11),
        via: ConfirmationChannel::ContactCenter,
    })
    .unwrap();
    assert!(reg.is_active_on(date!(2026 - 03 - 11)));
    assert!(!reg.is_active_on(date!(2026 - 03 - 10)));

    #[cfg(feature = "serde")]
    {
        let mut log = Registration::new(complete(on, AccessChannel::ContactCenter));
        log.apply(RegistrationEvent::Submit).unwrap();
        let mut json: serde_json::Value = serde_json::to_value(&log).unwrap();
        let events = json["events"].as_array_mut().unwrap();
        events.push(serde_json::to_value(&back).unwrap());
        events.push(serde_json::to_value(RegistrationEvent::Submit).unwrap());
        events.push(serde_json::to_value(&confirm).unwrap());
        let err = serde_json::from_value::<Registration>(json).unwrap_err();
        assert!(err.to_string().contains("never back-dated"), "{err}");
    }
}

/// Source: PAY-MODES (post office from 12/8/2018), REG-AUTH (PIN until 30/9/2021, SPID
/// level 2 or higher).
#[test]
fn dated_channels_and_payment_modes() {
    let mut office = complete(date!(2018 - 08 - 11), AccessChannel::InpsPin);
    office.payment = PaymentDraft {
        mode: PaymentMode::PostOffice,
        ..PaymentDraft::default()
    };
    let problems = office.validate().unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems.as_slice()[0].path, "payment.mode");
    assert!(
        problems.as_slice()[0]
            .reason
            .starts_with("payment at a post office is not available on ")
    );
    office.registered_on = date!(2018 - 08 - 12);
    let data = office.validate().unwrap();
    assert_eq!(data.payment(), &PaymentMethod::PostOffice);
    // Back to a draft (to edit it), the mode stays the post office.
    let again = RegistrationDraft::from(data.clone());
    assert_eq!(again.payment.mode, PaymentMode::PostOffice);
    assert_eq!(again.validate().unwrap(), data);

    let pin = complete(date!(2021 - 10 - 01), AccessChannel::InpsPin);
    let problems = pin.validate().unwrap_err();
    assert_eq!(problems.as_slice()[0].path, "access");
    assert!(
        problems.as_slice()[0]
            .reason
            .starts_with("INPS PIN is not accepted from 2021-10-01")
    );
    assert!(
        complete(date!(2021 - 09 - 30), AccessChannel::InpsPin)
            .validate()
            .is_ok()
    );

    let spid1 = complete(
        date!(2026 - 03 - 07),
        AccessChannel::Spid {
            level: SpidLevel::L1,
        },
    );
    assert!(
        spid1.validate().unwrap_err().as_slice()[0]
            .reason
            .starts_with("SPID level 1 is below the required level 2")
    );
}

#[test]
fn iban_account_must_be_the_prestatore_s() {
    let mut d = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    d.payment.held_by_prestatore = false;
    let problems = d.validate().unwrap_err();
    assert_eq!(
        problems.to_string(),
        "payment.held_by_prestatore: the account must be in the prestatore's name, alone or jointly (INPS circ. 107/2017)"
    );
}

/// Changes while active take effect on their day; the desk and the ledger read the one in force.
///
/// Source: PAY-MODES, reading R-FEES (fees of each mode).
#[test]
fn changes_while_active_are_dated() {
    let mut reg = Registration::new(complete(date!(2023 - 01 - 10), AccessChannel::Cie));
    reg.apply(RegistrationEvent::Submit).unwrap();
    reg.apply(RegistrationEvent::ChangePaymentMethod {
        from: date!(2023 - 03 - 01),
        method: PaymentMethod::BonificoDomiciliato,
    })
    .unwrap();
    reg.apply(RegistrationEvent::ChangeSelfCertifications {
        from: date!(2023 - 04 - 01),
        certifications: vec![
            SelfCertification::new(Categoria::Disoccupato, date!(2023 - 04 - 01), None).unwrap(),
        ],
    })
    .unwrap();
    let contacts = ContactsDraft {
        mobile: "+39 347 7654321".into(),
        ..ContactsDraft::default()
    }
    .validate()
    .unwrap();
    reg.apply(RegistrationEvent::ChangeContacts {
        from: date!(2023 - 05 - 01),
        contacts: contacts.clone(),
    })
    .unwrap();

    assert_eq!(
        reg.payment_method_on(date!(2023 - 02 - 28)).unwrap().mode(),
        PaymentMode::IbanCredit
    );
    let method = reg.payment_method_on(date!(2023 - 03 - 01)).unwrap();
    assert_eq!(method.mode(), PaymentMode::BonificoDomiciliato);
    let rules = Rules::in_force_on(date!(2023 - 03 - 15)).unwrap();
    assert_eq!(method.fee(rules), Some(Euro::from_cents(384)));
    assert_eq!(reg.payment_history().len(), 2);
    assert!(reg.self_certifications_on(date!(2023 - 03 - 31)).is_empty());
    assert!(reg.special_category_on(date!(2023 - 04 - 01), rules));
    assert_eq!(reg.contacts_on(date!(2023 - 05 - 01)), Some(&contacts));
    assert_eq!(
        reg.contacts_on(date!(2023 - 04 - 30))
            .unwrap()
            .mobile()
            .as_str(),
        "+393331234567"
    );

    // A change before the latest one is refused and changes nothing.
    let before = reg.clone();
    let err = reg
        .apply(RegistrationEvent::ChangePaymentMethod {
            from: date!(2023 - 02 - 01),
            method: PaymentMethod::PostOffice,
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "event change payment method on 2023-02-01 is before 2023-03-01, the day of the latest event it must follow"
    );
    assert_eq!(reg, before);
}

#[test]
fn changes_need_an_active_registration() {
    let mut reg = Registration::new(complete(
        date!(2026 - 03 - 07),
        AccessChannel::ContactCenter,
    ));
    reg.apply(RegistrationEvent::Submit).unwrap();
    let err = reg
        .apply(RegistrationEvent::ChangePaymentMethod {
            from: date!(2026 - 03 - 08),
            method: PaymentMethod::BonificoDomiciliato,
        })
        .unwrap_err();
    assert_eq!(
        err,
        RegistrationError::IllegalTransition {
            state: RegistrationState::Submitted,
            event: RegistrationEventKind::ChangePaymentMethod
        }
    );
    assert_eq!(
        err.to_string(),
        "event change payment method is not allowed in state submitted"
    );
}

#[test]
fn suspension_resumption_and_closure() {
    let mut reg = Registration::new(complete(date!(2026 - 01 - 12), AccessChannel::Cns));
    reg.apply(RegistrationEvent::Submit).unwrap();
    reg.apply(RegistrationEvent::Suspend {
        on: date!(2026 - 02 - 01),
    })
    .unwrap();
    assert_eq!(reg.state(), RegistrationState::Suspended);
    reg.apply(RegistrationEvent::Resume {
        on: date!(2026 - 03 - 01),
    })
    .unwrap();
    reg.apply(RegistrationEvent::Close {
        on: date!(2026 - 04 - 01),
    })
    .unwrap();
    assert_eq!(reg.state(), RegistrationState::Closed);
    for (day, active) in [
        (date!(2026 - 01 - 11), false),
        (date!(2026 - 01 - 12), true),
        (date!(2026 - 01 - 31), true),
        (date!(2026 - 02 - 01), false),
        (date!(2026 - 02 - 28), false),
        (date!(2026 - 03 - 01), true),
        (date!(2026 - 03 - 31), true),
        (date!(2026 - 04 - 01), false),
    ] {
        assert_eq!(reg.is_active_on(day), active, "{day}");
    }
    let err = reg
        .apply(RegistrationEvent::Resume {
            on: date!(2026 - 05 - 01),
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "event resume is not allowed in state closed"
    );
}

/// A submission with invalid data is refused, lists every problem, and changes nothing.
#[test]
fn invalid_submission_changes_nothing() {
    let mut reg = Registration::new(RegistrationDraft::new(
        date!(2026 - 03 - 07),
        AccessChannel::Cie,
    ));
    let before = reg.clone();
    let err = reg.apply(RegistrationEvent::Submit).unwrap_err();
    match &err {
        RegistrationError::Invalid(problems) => assert!(problems.len() > 10),
        other => panic!("unexpected {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("registration data is invalid: codice_fiscale: is missing; ")
    );
    assert_eq!(reg, before);
}

/// `Debug` masks the codice fiscale, IBAN, phone, e-mail and document number.
#[test]
fn debug_masks_personal_data() {
    let draft = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
    let data = draft.validate().unwrap();
    let mut reg = Registration::new(draft.clone());
    reg.apply(RegistrationEvent::Submit).unwrap();
    reg.apply(RegistrationEvent::ChangePaymentMethod {
        from: date!(2026 - 04 - 01),
        method: data.payment().clone(),
    })
    .unwrap();
    for text in [
        format!("{draft:?}"),
        format!("{data:?}"),
        format!("{reg:?}"),
    ] {
        for secret in [
            CF,
            IBAN,
            "1234567",
            "mario.rossi@",
            "CA12345AB",
            "Via Po",
            "Mario",
            "Rossi",
            "1985-12-10",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

/// The transition table is rendered in the docs exactly.
#[test]
fn docs_show_the_transition_table() {
    let source = include_str!("../src/registration/state.rs");
    for line in registration_diagram().lines() {
        assert!(
            source.contains(&format!("/// {line}\n")),
            "the docs lack the line {line:?}"
        );
    }
    assert_eq!(REGISTRATION_TRANSITIONS.len(), 13);
}

/// Source: REG-DATA-UTILIZZATORE; art. 54-bis c. 6 D.L. 50/2017.
#[test]
fn utilizzatore_registration() {
    let firm = UtilizzatoreRegistrationDraft {
        registered_on: date!(2026 - 03 - 07),
        kind: RegistrantKind::Impresa,
        id: "00743110157".into(),
        ateco: "56.10.11".into(),
    }
    .validate()
    .unwrap();
    assert_eq!(firm.instruments().len(), 1);
    let family_with_piva = UtilizzatoreRegistrationDraft {
        registered_on: date!(2026 - 03 - 07),
        kind: RegistrantKind::PersonaFisica,
        id: "00743110157".into(),
        ateco: String::new(),
    };
    assert_eq!(
        family_with_piva.validate().unwrap_err().to_string(),
        "id: a persona fisica registers with a personal codice fiscale"
    );
    let bad_check = UtilizzatoreRegistrationDraft {
        id: "00743110158".into(),
        ..family_with_piva
    };
    assert!(
        bad_check.validate().unwrap_err().as_slice()[0]
            .reason
            .contains("check digit")
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Registration>();
    check::<RegistrationData>();
    check::<RegistrationDraft>();
    check::<RegistrationEvent>();
    check::<RegistrationError>();
    check::<UtilizzatoreRegistration>();
    check::<AccessChannel>();
    check::<SpidLevel>();
}

#[cfg(feature = "serde")]
mod serde_round_trips {
    use super::*;

    #[test]
    fn data_and_registration_round_trip() {
        let data = complete(date!(2026 - 03 - 07), AccessChannel::Cie)
            .validate()
            .unwrap();
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(
            serde_json::from_str::<RegistrationData>(&json).unwrap(),
            data
        );

        let mut reg = Registration::new(complete(
            date!(2026 - 03 - 07),
            AccessChannel::ContactCenter,
        ));
        reg.apply(RegistrationEvent::Submit).unwrap();
        reg.apply(RegistrationEvent::Confirm {
            on: date!(2026 - 03 - 08),
            via: ConfirmationChannel::ContactCenter,
        })
        .unwrap();
        let json = serde_json::to_string(&reg).unwrap();
        assert_eq!(serde_json::from_str::<Registration>(&json).unwrap(), reg);
    }

    /// Invalid data cannot be deserialised, and neither can an impossible history.
    #[test]
    fn invalid_data_cannot_be_deserialised() {
        let mut draft = complete(date!(2026 - 03 - 07), AccessChannel::Cie);
        draft.privacy_consent = false;
        let json = serde_json::to_string(&draft).unwrap();
        let err = serde_json::from_str::<RegistrationData>(&json).unwrap_err();
        assert!(err.to_string().contains("privacy_consent"));

        let draft = complete(date!(2026 - 03 - 07), AccessChannel::ContactCenter);
        let log = serde_json::json!({
            "draft": draft,
            "events": [{"Confirm": {"on": "2026-03-08", "via": "ContactCenter"}}]
        });
        let err = serde_json::from_value::<Registration>(log).unwrap_err();
        assert!(
            err.to_string()
                .contains("event confirm is not allowed in state draft")
        );
    }
}

fn arb_day() -> impl Strategy<Value = Date> {
    (0i32..3000).prop_map(|n| date!(2026 - 01 - 01) + time::Duration::days(i64::from(n)))
}

fn arb_access() -> impl Strategy<Value = AccessChannel> {
    prop_oneof![
        (1u8..4).prop_map(|level| AccessChannel::Spid {
            level: SpidLevel::try_from(level).unwrap()
        }),
        Just(AccessChannel::Cie),
        Just(AccessChannel::Cns),
        Just(AccessChannel::Eidas),
        Just(AccessChannel::InpsPin),
        Just(AccessChannel::ContactCenter),
        Just(AccessChannel::Intermediary),
    ]
}

fn arb_event() -> impl Strategy<Value = RegistrationEvent> {
    prop_oneof![
        (arb_access(), any::<bool>()).prop_map(|(access, consent)| {
            let mut d = complete(date!(2026 - 01 - 01), access);
            d.privacy_consent = consent;
            RegistrationEvent::Edit(Box::new(d))
        }),
        Just(RegistrationEvent::Submit),
        arb_day().prop_map(|on| RegistrationEvent::Confirm {
            on,
            via: ConfirmationChannel::ContactCenter
        }),
        arb_day().prop_map(|on| RegistrationEvent::Suspend { on }),
        arb_day().prop_map(|on| RegistrationEvent::Resume { on }),
        arb_day().prop_map(|on| RegistrationEvent::Close { on }),
        (arb_day(), any::<bool>()).prop_map(|(from, office)| {
            RegistrationEvent::ChangePaymentMethod {
                from,
                method: if office {
                    PaymentMethod::PostOffice
                } else {
                    PaymentMethod::BonificoDomiciliato
                },
            }
        }),
        arb_day().prop_map(|from| RegistrationEvent::ChangeSelfCertifications {
            from,
            certifications: vec![],
        }),
    ]
}

proptest! {
    /// No sequence of events reaches active without a submission and a confirmation (explicit,
    /// or automatic for a channel that proves identity).
    #[test]
    fn active_needs_submission_and_confirmation(
        access in arb_access(),
        events in proptest::collection::vec(arb_event(), 0..12),
    ) {
        let mut reg = Registration::new(complete(date!(2026 - 01 - 01), access));
        let mut submitted = false;
        let mut confirmed_explicitly = false;
        for event in events {
            let kind = event.kind();
            let before = reg.clone();
            let result = reg.apply(event);
            if result.is_err() {
                prop_assert_eq!(&reg, &before);
                continue;
            }
            if kind == RegistrationEventKind::Submit { submitted = true; }
            if kind == RegistrationEventKind::Edit { submitted = false; confirmed_explicitly = false; }
            if kind == RegistrationEventKind::Confirm { confirmed_explicitly = true; }
            if reg.state() == RegistrationState::Active {
                prop_assert!(submitted);
                match reg.confirmation() {
                    Some(Confirmation::Explicit { .. }) => prop_assert!(confirmed_explicitly),
                    Some(Confirmation::Automatic { .. }) => {
                        let data = reg.data().unwrap();
                        let rules = Rules::in_force_on(data.registered_on()).unwrap();
                        prop_assert!(data.access().proves_identity(rules));
                    }
                    _ => prop_assert!(false, "active without confirmation"),
                }
            }
        }
    }

    /// No sequence of events back-dates a registration: once submitted, its day never moves
    /// before the first submission, the confirmation and every active day follow it, and a
    /// refused event changes nothing.
    #[test]
    fn a_registration_is_never_back_dated_by_any_events(
        access in arb_access(),
        events in proptest::collection::vec(prop_oneof![
            3 => arb_event(),
            2 => ((0i32..4000), arb_access()).prop_map(|(n, access)| RegistrationEvent::Edit(Box::new(
                complete(date!(2019 - 01 - 01) + time::Duration::days(i64::from(n)), access)
            ))),
            1 => (0i32..4000).prop_map(|n| RegistrationEvent::Confirm {
                on: date!(2019 - 01 - 01) + time::Duration::days(i64::from(n)),
                via: ConfirmationChannel::ContactCenter,
            }),
        ], 0..16),
    ) {
        let mut reg = Registration::new(complete(date!(2026 - 01 - 01), access));
        let mut first_submitted: Option<Date> = None;
        for event in events {
            let kind = event.kind();
            let before = reg.clone();
            if reg.apply(event).is_err() {
                prop_assert_eq!(&reg, &before);
                continue;
            }
            if kind == RegistrationEventKind::Submit && first_submitted.is_none() {
                first_submitted = Some(reg.draft().registered_on);
            }
            if let Some(first) = first_submitted {
                prop_assert!(reg.draft().registered_on >= first);
                prop_assert!(reg.data().is_none_or(|d| d.registered_on() >= first));
                prop_assert!(reg.confirmation().is_none_or(|c| c.on() >= first));
                prop_assert!(!reg.is_active_on(first.previous_day().unwrap()));
            }
            if let (Some(c), Some(d)) = (reg.confirmation(), reg.data()) {
                prop_assert!(c.on() >= d.registered_on());
            }
        }
    }

    /// Validation never panics on arbitrary text.
    #[test]
    fn validation_never_panics(
        texts in proptest::collection::vec(".{0,40}", 12),
        days in proptest::collection::vec(arb_day(), 4),
        access in arb_access(),
        consent in any::<bool>(),
    ) {
        let mut d = RegistrationDraft::new(days[0], access);
        d.codice_fiscale = texts[0].clone();
        d.first_name = texts[1].clone();
        d.last_name = texts[2].clone();
        d.birth_date = Some(days[1]);
        d.birthplace = texts[3].clone();
        d.residence = AddressDraft::new(&texts[4], &texts[5], &texts[6], &texts[7], &texts[8]);
        d.contacts.mobile = texts[9].clone();
        d.contacts.email = texts[10].clone();
        d.contacts.hours = texts[11].clone();
        d.document.issued_on = Some(days[2]);
        d.document.expires_on = Some(days[3]);
        d.payment.iban = texts[0].clone();
        d.payment.mode = PaymentMode::IbanCredit;
        d.privacy_consent = consent;
        let _ = d.validate();
        let _ = texts[1].parse::<prestazioni_occasionali::Phone>();
        let _ = texts[2].parse::<prestazioni_occasionali::Email>();
        let _ = texts[3].parse::<prestazioni_occasionali::TimeBand>();
        let _ = UtilizzatoreRegistrationDraft {
            registered_on: days[0],
            kind: RegistrantKind::Impresa,
            id: texts[4].clone(),
            ateco: texts[5].clone(),
        }
        .validate();
    }
}

#[cfg(feature = "serde")]
proptest! {
    /// Every state and event round-trips through serde.
    #[test]
    fn states_and_events_round_trip(event in arb_event(), state in prop_oneof![
        Just(RegistrationState::Draft), Just(RegistrationState::Submitted),
        Just(RegistrationState::Active), Just(RegistrationState::Suspended),
        Just(RegistrationState::Closed),
    ]) {
        let json = serde_json::to_string(&event).unwrap();
        prop_assert_eq!(serde_json::from_str::<RegistrationEvent>(&json).unwrap(), event.clone());
        let json = serde_json::to_string(&event.kind()).unwrap();
        prop_assert_eq!(serde_json::from_str::<RegistrationEventKind>(&json).unwrap(), event.kind());
        let json = serde_json::to_string(&state).unwrap();
        prop_assert_eq!(serde_json::from_str::<RegistrationState>(&json).unwrap(), state);
    }

    /// A registration round-trips through serde whatever events it went through.
    #[test]
    fn registrations_round_trip(
        access in arb_access(),
        events in proptest::collection::vec(arb_event(), 0..8),
    ) {
        let mut reg = Registration::new(complete(date!(2026 - 01 - 01), access));
        for event in events {
            let _ = reg.apply(event);
        }
        let json = serde_json::to_string(&reg).unwrap();
        prop_assert_eq!(serde_json::from_str::<Registration>(&json).unwrap(), reg);
    }
}

/// Replaying a long history is linear: 10.000 events (a submission with automatic confirmation,
/// then suspensions and resumptions a day apart) complete in a unit test, and a rejected event
/// after them changes nothing.
#[test]
fn replay_of_ten_thousand_events_completes() {
    let start = date!(2026 - 03 - 07);
    let mut events = vec![RegistrationEvent::Submit];
    let mut day = start;
    for i in 1..10_000 {
        day = day.next_day().unwrap();
        events.push(if i % 2 == 1 {
            RegistrationEvent::Suspend { on: day }
        } else {
            RegistrationEvent::Resume { on: day }
        });
    }
    let mut reg = Registration::replay(complete(start, AccessChannel::Cie), events).unwrap();
    assert_eq!(reg.events().len(), 10_000);
    assert_eq!(reg.state(), RegistrationState::Suspended);
    assert!(!reg.is_active_on(day));
    assert!(reg.is_active_on(start));
    let before = reg.clone();
    assert!(matches!(
        reg.apply(RegistrationEvent::Resume { on: start }),
        Err(RegistrationError::OutOfOrder { .. })
    ));
    assert_eq!(reg, before);
}

/// A host whose rules table accepts SPID level 1 registers with it, and rebuilds the
/// registration with `replay_with`; deserialisation checks against the embedded table (level 2
/// at least) and refuses it, as documented.
#[test]
fn a_host_table_rebuilds_with_replay_with() {
    let mut builder = prestazioni_occasionali::RulesTable::embedded().to_builder();
    for row in &mut builder.spid_min_level {
        row.value = 1;
    }
    let table = builder.build().unwrap();
    let draft = complete(
        date!(2026 - 03 - 07),
        AccessChannel::Spid {
            level: SpidLevel::L1,
        },
    );
    assert!(draft.validate().is_err());
    let rules = table.in_force_on(date!(2026 - 03 - 07)).unwrap();
    assert!(draft.validate_with(rules).is_ok());

    let mut reg = Registration::new(draft.clone());
    reg.apply_with(RegistrationEvent::Submit, &table).unwrap();
    assert_eq!(reg.state(), RegistrationState::Active);
    let again =
        Registration::replay_with(reg.draft().clone(), reg.events().to_vec(), &table).unwrap();
    assert_eq!(again, reg);
    assert!(Registration::replay(draft, reg.events().to_vec()).is_err());
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&reg).unwrap();
        assert!(serde_json::from_str::<Registration>(&json).is_err());
    }
}

/// SPID has three levels: any other number is refused when the level is built, so an
/// `AccessChannel::Spid` cannot name one (REG-AUTH).
#[test]
fn spid_levels_are_one_to_three() {
    for level in 1u8..=3 {
        let spid = SpidLevel::try_from(level).unwrap();
        assert_eq!(spid.get(), level);
        assert_eq!(u8::from(spid), level);
        assert_eq!(spid.to_string(), level.to_string());
    }
    assert_eq!(
        [SpidLevel::L1, SpidLevel::L2, SpidLevel::L3].map(SpidLevel::get),
        [1, 2, 3]
    );
    for level in [0u8, 4, 9, 255] {
        let e = SpidLevel::try_from(level).unwrap_err();
        assert_eq!(e, RegistrationError::SpidLevel { level });
        assert_eq!(
            e.to_string(),
            format!("SPID level {level} does not exist (SPID has levels 1 to 3)")
        );
    }
    // Level 1 exists but is below the portal's level 2 from 2021 (Rules::spid_min_level).
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    assert!(
        AccessChannel::Spid {
            level: SpidLevel::L1
        }
        .check(rules)
        .unwrap_err()
        .starts_with("SPID level 1 is below the required level 2")
    );
    assert!(
        AccessChannel::Spid {
            level: SpidLevel::L3
        }
        .proves_identity(rules)
    );
}

/// A stored access channel keeps its JSON (the level as a number), and a stored level SPID does
/// not have is refused on reading, naming it.
#[cfg(feature = "serde")]
#[test]
fn spid_level_serde_keeps_the_number_and_refuses_others() {
    let spid = AccessChannel::Spid {
        level: SpidLevel::L2,
    };
    let json = serde_json::to_string(&spid).unwrap();
    assert_eq!(json, r#"{"Spid":{"level":2}}"#);
    assert_eq!(serde_json::from_str::<AccessChannel>(&json).unwrap(), spid);
    for bad in [r#"{"Spid":{"level":9}}"#, r#"{"Spid":{"level":0}}"#] {
        let e = serde_json::from_str::<AccessChannel>(bad).unwrap_err();
        assert!(
            e.to_string()
                .contains("does not exist (SPID has levels 1 to 3)"),
            "{e}"
        );
    }
    assert!(serde_json::from_str::<AccessChannel>(r#"{"Spid":{"level":-1}}"#).is_err());
}
