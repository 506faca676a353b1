//! Proptest strategies for the prestatore's registration form (feature `proptest`).

use proptest::prelude::*;
use time::{Date, Month};

use super::instruments::regime_day;
use super::parties::self_certification;
use super::values::italian_iban;
use crate::identity::{CodiceFiscale, Sex};
use crate::payment::PaymentMode;
use crate::registration::{
    AccessChannel, AccountKind, AddressDraft, ContactChannel, ContactsDraft, DocumentDraft,
    DocumentKind, PaymentDraft, RegistrationDraft,
};

/// Birthplaces that existed as comuni through every birth date drawn (1947 onwards), with a
/// residence in the same city: Belfiore code, comune, provincia, CAP.
const CITIES: [(&str, &str, &str, &str); 6] = [
    ("H501", "Roma", "RM", "00198"),
    ("F205", "Milano", "MI", "20123"),
    ("F839", "Napoli", "NA", "80121"),
    ("L219", "Torino", "TO", "10121"),
    ("D612", "Firenze", "FI", "50122"),
    ("A944", "Bologna", "BO", "40121"),
];

const FIRST_NAMES: [&str; 6] = [
    "Mario",
    "Giulia",
    "Luca",
    "Anna Maria",
    "Francesco",
    "Chiara",
];
const LAST_NAMES: [&str; 6] = [
    "Rossi", "Bianchi", "Esposito", "De Luca", "Romano", "Colombo",
];

/// Birth, place and letters of one prestatore.
#[derive(Debug, Clone)]
struct Person {
    letters: Vec<u8>,
    age: i32,
    ordinal: u16,
    female: bool,
    city: usize,
    first: usize,
    last: usize,
}

fn person() -> impl Strategy<Value = Person> {
    (
        proptest::collection::vec(b'A'..=b'Z', 6),
        19_i32..=70,
        1_u16..=365,
        any::<bool>(),
        0..CITIES.len(),
        0..FIRST_NAMES.len(),
        0..LAST_NAMES.len(),
    )
        .prop_map(
            |(letters, age, ordinal, female, city, first, last)| Person {
                letters,
                age,
                ordinal,
                female,
                city,
                first,
                last,
            },
        )
}

/// The codice fiscale of a person born on `birth`, of `sex`, in the comune `belfiore`, with
/// the six given letters for surname and name (the check character is computed).
fn codice_fiscale_of(letters: &[u8], birth: Date, female: bool, belfiore: &str) -> CodiceFiscale {
    let month = b"ABCDEHLMPRST"
        .get(usize::from(u8::from(birth.month())).saturating_sub(1))
        .copied()
        .unwrap_or(b'A');
    let day = birth.day() + if female { 40 } else { 0 };
    let year = birth.year().rem_euclid(100);
    let text = format!(
        "{}{year:02}{}{day:02}{belfiore}",
        String::from_utf8_lossy(letters.get(..6).unwrap_or(b"XXXXXX")),
        char::from(month),
    );
    let mut first15 = *b"XXXXXX00A00A000";
    for (slot, byte) in first15.iter_mut().zip(text.bytes()) {
        *slot = byte;
    }
    CodiceFiscale::from_first15(&first15)
}

/// Complete, valid registration forms of adult prestatori ([`RegistrationDraft::validate`]
/// accepts each): registered on a day of the regime ([`regime_day`]) through SPID (level 2 or
/// 3) or CNS (accepted in every period); aged 18 to 70, born in one of six large comuni and
/// resident there, with a codice fiscale that agrees with birth date, sex and birthplace; a
/// carta d'identità issued up to about nine years before and valid ten; a mobile number,
/// sometimes an e-mail; zero to two comma-8 self-certifications; payment by credit to an
/// Italian IBAN held by the prestatore or by bonifico domiciliato.
///
/// Legal basis: REG-DATA-PRESTATORE, REG-AUTH, ELIG-SELFCERT, PAY-MODES (R-FEES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::strategies;
/// use proptest::prelude::*;
///
/// proptest!(ProptestConfig::with_cases(32), |(form in strategies::registration_draft())| {
///     let data = form.validate()?;
///     prop_assert_eq!(data.codice_fiscale().to_string(), form.codice_fiscale.clone());
/// });
/// ```
pub fn registration_draft() -> impl Strategy<Value = RegistrationDraft> {
    (
        regime_day(),
        prop_oneof![
            (2_u8..=3).prop_map(|level| AccessChannel::Spid { level }),
            Just(AccessChannel::Cns)
        ],
        person(),
        (0_i64..=3_300, "[0-9]{5}[A-Z]{2}", "3[0-9]{2} [0-9]{7}"),
        any::<bool>(),
        proptest::collection::vec(self_certification(), 0..=2),
        prop_oneof![
            italian_iban().prop_map(|iban| Some(iban.to_string())),
            Just(None)
        ],
    )
        .prop_filter_map(
            "valid registration form",
            |(on, access, person, (issued_ago, doc, mobile), email, certs, iban)| {
                let birth =
                    Date::from_ordinal_date(on.year().checked_sub(person.age)?, person.ordinal)
                        .ok()?;
                let (belfiore, comune, provincia, cap) = *CITIES.get(person.city)?;
                let first = *FIRST_NAMES.get(person.first)?;
                let last = *LAST_NAMES.get(person.last)?;
                let cf = codice_fiscale_of(&person.letters, birth, person.female, belfiore);
                let issued_on = on.checked_sub(time::Duration::days(issued_ago))?;
                let expires_on =
                    Date::from_calendar_date(issued_on.year().checked_add(10)?, Month::January, 1)
                        .ok()?
                        .replace_ordinal(issued_on.ordinal().min(365))
                        .ok()?;
                let mut form = RegistrationDraft::new(on, access);
                cf.as_str().clone_into(&mut form.codice_fiscale);
                first.clone_into(&mut form.first_name);
                last.clone_into(&mut form.last_name);
                form.birth_date = Some(birth);
                belfiore.clone_into(&mut form.birthplace);
                form.sex = Some(if person.female {
                    Sex::Female
                } else {
                    Sex::Male
                });
                form.residence = AddressDraft::new(comune, provincia, "Via Roma", "1", cap);
                form.document = DocumentDraft {
                    kind: DocumentKind::CartaIdentita,
                    number: format!("CA{doc}"),
                    issued_on: Some(issued_on),
                    expires_on: Some(expires_on),
                    issued_by: format!("Comune di {comune}"),
                };
                form.contacts = ContactsDraft {
                    mobile,
                    email: if email {
                        format!(
                            "{}.{}@example.it",
                            first.to_lowercase().replace(' ', "."),
                            last.len()
                        )
                    } else {
                        String::new()
                    },
                    preferred: ContactChannel::Mobile,
                    hours: String::new(),
                };
                form.privacy_consent = true;
                form.self_certifications = certs;
                form.payment = match iban {
                    Some(iban) => PaymentDraft {
                        mode: PaymentMode::IbanCredit,
                        iban,
                        account: AccountKind::ContoCorrente,
                        held_by_prestatore: true,
                    },
                    None => PaymentDraft::default(),
                };
                form.validate().ok().map(|_| form)
            },
        )
}
