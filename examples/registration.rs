//! A prestatore registers: the older procedure (INPS PIN, REGISTRA, telephone confirmation,
//! final verification "Lavoratore Attivo") and the 2026 path with SPID; then an intermediary's
//! authorization under a delega.
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): REG-BOTH and REG-DATA-PRESTATORE (the form, with the problems a
//! draft still has), REG-AUTH (INPS PIN until 30/9/2021, then SPID level 2 or more), REG-STATES,
//! ELIG-AGE (reading R-MINORS), PAY-MODES (reading R-FEES: an IBAN credit is free), REG-INTERMEDIARI (a
//! consulente del lavoro may act for a prestatore under a valid delega, as since INPS msg
//! 3177/2017, reading R-INTERMEDIARIES-2017; the delega kept for its validity plus 5 years).
//! Days are ISO dates (`2026-01-01`), as in the crate's answers.
//!
//! Run with `cargo run --example registration`.

use prestazioni_occasionali::{
    AccessChannel, AccountKind, Action, Actor, AddressDraft, ConfirmationChannel, ContactChannel,
    ContactsDraft, Delega, DelegaDraft, DocumentDraft, DocumentKind, Intermediario,
    IntermediarioKind, Party, PaymentDraft, PaymentMode, Registration, RegistrationDraft,
    RegistrationEvent, Rules, Sex, SpidLevel, Subject, authorize,
};
use time::Date;
use time::macros::date;

fn form(on: Date, access: AccessChannel) -> RegistrationDraft {
    let mut d = RegistrationDraft::new(on, access);
    d.codice_fiscale = "RSSMRA85T10A562S".into();
    d.first_name = "Mario".into();
    d.last_name = "Rossi".into();
    d.birth_date = Some(date!(1985 - 12 - 10));
    d.birthplace = "A562".into();
    d.sex = Some(Sex::Male);
    d.residence = AddressDraft::new("Roma", "RM", "Via Po", "12", "00198");
    d.document = DocumentDraft {
        kind: DocumentKind::CartaIdentita,
        number: "CA12345AB".into(),
        issued_on: Some(date!(2017 - 05 - 04)),
        expires_on: Some(date!(2028 - 05 - 04)),
        issued_by: "Comune di Roma".into(),
    };
    d.contacts = ContactsDraft {
        mobile: "333 1234567".into(),
        email: String::new(),
        preferred: ContactChannel::Mobile,
        hours: "10:00-18:00".into(),
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // An incomplete form: every problem at once.
    let mut incomplete = form(date!(2018 - 09 - 03), AccessChannel::InpsPin);
    incomplete.privacy_consent = false;
    incomplete.contacts.mobile = String::new();
    if let Err(problems) = incomplete.validate() {
        println!("the form has {} problems:", problems.len());
        for p in &problems {
            println!("  {p}");
        }
    }

    // The older procedure: REGISTRA, then the telephone confirmation.
    let mut reg = Registration::new(form(date!(2018 - 09 - 03), AccessChannel::InpsPin));
    reg.apply(RegistrationEvent::Submit)?;
    println!("after REGISTRA: {}", reg.state());
    reg.apply(RegistrationEvent::Confirm {
        on: date!(2018 - 09 - 04),
        via: ConfirmationChannel::ContactCenter,
    })?;
    let cf = "RSSMRA85T10A562S".parse()?;
    let active = reg.is_active_worker("MARIO", "rossi", &cf, date!(2018 - 09 - 04));
    println!(
        "after the telephone confirmation: {} (Lavoratore Attivo: {})",
        reg.state(),
        if active { "yes" } else { "no" }
    );

    // The 2026 path: SPID confirms at once.
    let mut spid = Registration::new(form(
        date!(2026 - 01 - 12),
        AccessChannel::Spid {
            level: SpidLevel::L2,
        },
    ));
    spid.apply(RegistrationEvent::Submit)?;
    match spid.confirmation() {
        Some(how) => println!("with SPID: {} ({how})", spid.state()),
        None => println!("with SPID: {} (not confirmed)", spid.state()),
    }
    if let Some(prestatore) = spid.prestatore_on(date!(2026 - 01 - 12)).transpose()? {
        let rules = Rules::in_force_on(date!(2026 - 01 - 12))?;
        println!(
            "as a prestatore: {} {}, {} years old, special category: {}",
            prestatore.first_name(),
            prestatore.last_name(),
            prestatore.age_on(date!(2026 - 01 - 12)).unwrap_or_default(),
            prestatore
                .special_category_on(date!(2026 - 01 - 12), rules)
                .map_or_else(|| "none".to_owned(), |c| c.to_string())
        );
        if let Some(method) = spid.payment_method_on(date!(2026 - 01 - 12)) {
            let mode = method.mode();
            println!(
                "paid by {mode}, fee {} per payment ({})",
                mode.fee(rules)?.to_italian(),
                mode.citation(rules)
            );
        }
    }

    // A consulente del lavoro under a delega: allowed while it is valid, denied once it expired.
    let consulente = Intermediario {
        kind: IntermediarioKind::ConsulenteDelLavoro,
        codice_fiscale: "BNCGNN60A01H501P".parse()?,
    };
    let delega = Delega::new(DelegaDraft {
        delegante: Party::Prestatore(cf),
        intermediario: consulente,
        actions: vec![Action::ChangePaymentMethod, Action::ViewScrivania],
        from: date!(2025 - 06 - 01),
        until: date!(2027 - 05 - 31),
        revoked_on: None,
    })?;
    println!(
        "the intermediary keeps the delega until {} ({})",
        delega.keep_until()?,
        Rules::in_force_on(date!(2025 - 06 - 01))?
            .delega_retention_years
            .citation
    );
    for day in [date!(2026 - 03 - 02), date!(2027 - 06 - 01)] {
        let rules = Rules::in_force_on(day)?;
        let answer = authorize(
            &Actor::Intermediario(consulente),
            Action::ChangePaymentMethod,
            &Subject::Party(Party::Prestatore(cf)),
            std::slice::from_ref(&delega),
            day,
            rules,
        );
        match answer.denial() {
            None => println!("{day}: allowed ({})", rules.intermediary_scopes.citation),
            Some(why) => println!("{day}: denied: {why}"),
        }
    }
    Ok(())
}
