//! Proptest strategies for the identity values and ATECO codes (feature `proptest`).
//!
//! Every strategy yields values built through the public parsers, so they are valid by
//! construction.

use proptest::prelude::*;

use crate::{AtecoCode, AtecoEdition, Cap, Iban, PartitaIva, Provincia};

/// ISO 13616 check digits for a country code and BBAN (upper-case ASCII alphanumerics).
fn iban_check_digits(country: &str, bban: &str) -> Option<u32> {
    let mut remainder: u32 = 0;
    for byte in bban.bytes().chain(country.bytes()).chain(*b"00") {
        let value = char::from(byte).to_digit(36)?;
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    Some(98 - remainder)
}

fn iban_from_parts(country: &str, bban: &str) -> Option<Iban> {
    let check = iban_check_digits(country, bban)?;
    format!("{country}{check:02}{bban}").parse().ok()
}

/// Valid Italian IBANs: random ABI, CAB and conto (digits and upper-case letters), with the
/// correct CIN and check digits.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::italian_iban;
///
/// let iban = italian_iban().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert!(iban.is_italian());
/// ```
pub fn italian_iban() -> impl Strategy<Value = Iban> {
    ("[0-9]{5}", "[0-9]{5}", "[0-9A-Z]{12}").prop_filter_map(
        "valid italian iban",
        |(abi, cab, conto)| {
            let rest = format!("{abi}{cab}{conto}");
            let cin = crate::identity::italian_cin(&rest)?;
            iban_from_parts("IT", &format!("{cin}{rest}"))
        },
    )
}

/// Valid IBANs: Italian ([`italian_iban`]) or German (8-digit bank code, 10-digit account).
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::iban;
///
/// let iban = iban().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert!(["IT", "DE"].contains(&iban.country_code()));
/// ```
pub fn iban() -> impl Strategy<Value = Iban> {
    prop_oneof![
        italian_iban(),
        "[0-9]{18}".prop_filter_map("valid german iban", |bban| iban_from_parts("DE", &bban)),
    ]
}

/// Valid partite IVA: random non-zero serial number, a valid office code, the correct check
/// digit.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::partita_iva;
///
/// let piva = partita_iva().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(piva.as_str().len(), 11);
/// ```
pub fn partita_iva() -> impl Strategy<Value = PartitaIva> {
    let office = prop_oneof![1_u16..=100, Just(120), Just(121), Just(888), Just(999)];
    (1_u32..=9_999_999, office).prop_filter_map("valid partita iva", |(serial, office)| {
        let first_ten = format!("{serial:07}{office:03}");
        let mut values = [0_u8; 10];
        for (slot, byte) in values.iter_mut().zip(first_ten.bytes()) {
            *slot = byte.checked_sub(b'0')?;
        }
        let check = PartitaIva::check_digit(&values)?;
        format!("{first_ten}{check}").parse().ok()
    })
}

/// Any provincia in use.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::provincia;
///
/// let p = provincia().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(p.code().len(), 2);
/// ```
pub fn provincia() -> impl Strategy<Value = Provincia> {
    proptest::sample::select(Provincia::all().collect::<Vec<_>>())
}

/// Any CAP (five digits, not `00000`).
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::cap;
///
/// let cap = cap().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(cap.as_str().len(), 5);
/// ```
pub fn cap() -> impl Strategy<Value = Cap> {
    "[0-9]{5}".prop_filter_map("valid cap", |s| s.parse().ok())
}

/// Any ATECO code of either edition (ATECO 2007 aggiornamento 2022 or ATECO 2025) at any depth
/// (division to subcategory), as ISTAT's structures list them.
///
/// # Examples
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use prestazioni_occasionali::strategies::ateco_code;
///
/// let code = ateco_code().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert!((2..=6).contains(&code.depth()));
/// assert!(!code.title().is_empty());
/// ```
pub fn ateco_code() -> impl Strategy<Value = AtecoCode> {
    prop_oneof![
        proptest::sample::select(AtecoEdition::Ateco2007.codes().collect::<Vec<_>>()),
        proptest::sample::select(AtecoEdition::Ateco2025.codes().collect::<Vec<_>>()),
    ]
}
