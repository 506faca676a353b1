//! A prestatore registers: the older procedure (INPS PIN, REGISTRA, telephone confirmation,
//! final verification "Lavoratore Attivo") and the 2026 path with SPID; then an intermediary's
//! authorization under a delega.
//!
//! Run with `cargo run --example registration`.

use prestazioni_occasionali::{
    AccessChannel, AccountKind, Action, Actor, AddressDraft, ConfirmationChannel, ContactChannel,
    ContactsDraft, Delega, DelegaDraft, DocumentDraft, DocumentKind, Intermediario,
    IntermediarioKind, Party, PaymentDraft, PaymentMode, Registration, RegistrationDraft,
    RegistrationEvent, Rules, Sex, Subject, authorize,
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
        "after the telephone confirmation: {} (Lavoratore Attivo: {active})",
        reg.state()
    );

    // The 2026 path: SPID confirms at once.
    let mut spid = Registration::new(form(
        date!(2026 - 01 - 12),
        AccessChannel::Spid { level: 2 },
    ));
    spid.apply(RegistrationEvent::Submit)?;
    println!("with SPID: {} ({:?})", spid.state(), spid.confirmation());

    // A consulente del lavoro under a delega, before and after the 2026 portal.
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
        "the intermediary keeps the delega until {}",
        delega.keep_until()?
    );
    for day in [date!(2025 - 12 - 31), date!(2026 - 01 - 01)] {
        let answer = authorize(
            &Actor::Intermediario(consulente),
            Action::ChangePaymentMethod,
            &Subject::Party(Party::Prestatore(cf)),
            std::slice::from_ref(&delega),
            day,
            Rules::in_force_on(day)?,
        );
        match answer.denial() {
            None => println!("{day}: allowed"),
            Some(why) => println!("{day}: denied: {why}"),
        }
    }
    Ok(())
}
