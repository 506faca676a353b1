//! Proptest strategies for the prestatore's registration form (feature `proptest`).

use proptest::prelude::*;
use time::{Date, Month};

use super::instruments::regime_day;
use super::parties::self_certification;
use super::values::italian_iban;
use crate::identity::{CodiceFiscale, Sex};
use crate::parties::age_on;
use crate::payment::PaymentMode;
use crate::registration::{
    AccessChannel, AccountKind, AddressDraft, ContactChannel, ContactsDraft, DocumentDraft,
    DocumentKind, ParentalConsentDraft, PaymentDraft, RegistrationDraft, SpidLevel,
};
use crate::rules::Rules;

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
const LAST_NAMES: [&str; 7] = [
    "Rossi", "Bianchi", "Esposito", "De Luca", "Romano", "Colombo", "D'Angelo",
];

/// Birth, place and name of one prestatore, and the omocode mask of the code.
#[derive(Debug, Clone)]
struct Person {
    omocode: u8,
    age: i32,
    ordinal: u16,
    female: bool,
    city: usize,
    first: usize,
    last: usize,
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop_oneof![3 => Just(0_u8), 1 => 0_u8..128],
        // About one in eight 16 or 17 on the registration day (born in the year 17 years before).
        prop_oneof![7 => 19_i32..=70, 1 => Just(17_i32)],
        1_u16..=365,
        any::<bool>(),
        0..CITIES.len(),
        0..FIRST_NAMES.len(),
        0..LAST_NAMES.len(),
    )
        .prop_map(
            |(omocode, age, ordinal, female, city, first, last)| Person {
                omocode,
                age,
                ordinal,
                female,
                city,
                first,
                last,
            },
        )
}

/// Complete, valid registration forms of prestatori ([`RegistrationDraft::validate`]
/// accepts each): registered on a day of the regime ([`regime_day`]) through SPID (level 2 or
/// 3) or CNS (accepted in every period); aged 16 to 70 (about one in eight 16 or 17, with a
/// parent's consent given on the registration day, reading R-MINORS), born in one of six large comuni and
/// resident there, with the codice fiscale [`CodiceFiscale::encode`] gives for their surname,
/// name, sex, birth date and birthplace (about one in four an omocode of it); a
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
            prop_oneof![Just(SpidLevel::L2), Just(SpidLevel::L3)]
                .prop_map(|level| AccessChannel::Spid { level }),
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
                let sex = if person.female {
                    Sex::Female
                } else {
                    Sex::Male
                };
                let cf = CodiceFiscale::encode(last, first, sex, birth, belfiore.parse().ok()?)
                    .ok()?
                    .omocodes()
                    .nth(usize::from(person.omocode))?;
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
                form.sex = Some(sex);
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
                form.parental_consent = parental_consent(birth, on, last, person.female, belfiore);
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

/// A parent's consent given on `on` when the prestatore born on `birth` is then under the age
/// of consent of the rules in force (`parental_consent_below_age`, 18; the other parent's name,
/// same surname and birthplace, born 30 years earlier); `None` for an adult (or when a date does
/// not exist: the form of a minor without consent is then filtered out).
fn parental_consent(
    birth: Date,
    on: Date,
    last: &str,
    female: bool,
    belfiore: &str,
) -> Option<ParentalConsentDraft> {
    let consent_below = Rules::in_force_on(on)
        .ok()?
        .parental_consent_below_age
        .value;
    if age_on(birth, on)? >= consent_below {
        return None;
    }
    let (first, sex) = if female {
        ("Mario", Sex::Male)
    } else {
        ("Chiara", Sex::Female)
    };
    let parent_birth =
        Date::from_ordinal_date(birth.year().checked_sub(30)?, birth.ordinal().min(365)).ok()?;
    let parent =
        CodiceFiscale::encode(last, first, sex, parent_birth, belfiore.parse().ok()?).ok()?;
    Some(ParentalConsentDraft {
        parent_codice_fiscale: parent.as_str().to_owned(),
        parent_name: format!("{first} {last}"),
        given_on: Some(on),
    })
}
