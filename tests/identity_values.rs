//! Identity and classification values: IBAN, partita IVA, provincia, CAP, ATECO codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali::{
    AtecoCode, AtecoEdition, AtecoError, Cap, Error, Iban, IbanError, PartitaIva, PartitaIvaError,
    Provincia, ProvinciaError, Section, Sector,
};
use proptest::prelude::*;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Iban>();
    assert_send_sync::<IbanError>();
    assert_send_sync::<PartitaIva>();
    assert_send_sync::<PartitaIvaError>();
    assert_send_sync::<Provincia>();
    assert_send_sync::<Cap>();
    assert_send_sync::<ProvinciaError>();
    assert_send_sync::<AtecoCode>();
    assert_send_sync::<AtecoError>();
    assert_send_sync::<Section>();
    assert_send_sync::<Sector>();
}

// ---------------------------------------------------------------- IBAN

/// Source: SWIFT IBAN Registry (release 99, 2024), country examples in electronic format
/// (IT, DE, GB, FR, SM).
#[test]
fn iban_registry_examples_are_valid() {
    for (text, country) in [
        ("IT60X0542811101000000123456", "IT"),
        ("DE89370400440532013000", "DE"),
        ("GB29NWBK60161331926819", "GB"),
        ("FR1420041010050500013M02606", "FR"),
        ("SM86U0322509800000000270100", "SM"),
    ] {
        let iban: Iban = text.parse().unwrap();
        assert_eq!(iban.electronic(), text);
        assert_eq!(iban.country_code(), country);
        assert_eq!(iban.is_italian(), country == "IT");
    }
}

/// Source: SWIFT IBAN Registry, Italy: paper format `IT60 X054 2811 1010 0000 0123 456`,
/// BBAN = CIN `X`, ABI `05428`, CAB `11101`, conto `000000123456`.
#[test]
fn italian_registry_example_parts_and_formats() {
    let iban: Iban = "IT60X0542811101000000123456".parse().unwrap();
    assert_eq!(iban.to_string(), "IT60 X054 2811 1010 0000 0123 456");
    assert_eq!(iban.as_str(), "IT60X0542811101000000123456");
    assert_eq!(iban.bban(), "X0542811101000000123456");
    assert_eq!(iban.cin(), Some('X'));
    assert_eq!(iban.abi(), Some("05428"));
    assert_eq!(iban.cab(), Some("11101"));
    assert_eq!(iban.conto(), Some("000000123456"));
    assert_eq!(format!("{iban:?}"), "Iban(IT60*******************3456)");

    let german: Iban = "DE89370400440532013000".parse().unwrap();
    assert_eq!(german.cin(), None);
    assert_eq!(german.abi(), None);
    assert_eq!(german.cab(), None);
    assert_eq!(german.conto(), None);
    assert_eq!(format!("{german:?}"), "Iban(DE89**************3000)");
}

#[test]
fn iban_input_is_lenient() {
    let expected: Iban = "IT60X0542811101000000123456".parse().unwrap();
    for text in [
        "it60x0542811101000000123456",
        "IT60 X054 2811 1010 0000 0123 456",
        "  it60 x0542811101 000000123456 ",
        "IT 60X0 5428 1110 1000 0001 2345 6",
    ] {
        assert_eq!(text.parse::<Iban>().unwrap(), expected, "{text}");
    }
}

/// The registry example with the CIN changed from X to A and the IBAN check digits recomputed
/// (60 -> 65) so that the ISO 13616 check still passes: only the CIN check can catch it.
/// Source: SWIFT IBAN Registry, Italy example; CIN algorithm of the Italian BBAN.
#[test]
fn iban_with_corrupted_cin_is_rejected() {
    let err = "IT65A0542811101000000123456".parse::<Iban>().unwrap_err();
    assert_eq!(
        err,
        IbanError::InvalidCin {
            found: 'A',
            expected: 'X'
        }
    );
    assert_eq!(err.to_string(), "italian cin is A, expected X");
}

/// A conto with letters (Italian accounts may have them): letters count A = 0 ... Z = 25 at even
/// positions and through the odd table at odd ones. CIN `J` and check digits 80 computed with an
/// independent implementation of the CIN algorithm (the one that gives `X` for the registry
/// example) and ISO 13616 mod 97; a CIN of `K` (check digits recomputed) is refused.
#[test]
fn iban_with_letters_in_the_conto_checks_its_cin() {
    let iban: Iban = "IT80J03069096060000ABCZ1234".parse().unwrap();
    assert_eq!(iban.cin(), Some('J'));
    let err = "IT19K03069096060000ABCZ1234".parse::<Iban>().unwrap_err();
    assert_eq!(
        err,
        IbanError::InvalidCin {
            found: 'K',
            expected: 'J'
        }
    );
}

#[test]
fn iban_error_messages() {
    let cases: &[(&str, &str)] = &[
        ("", "iban is empty"),
        ("   ", "iban is empty"),
        (
            "IT60-X054",
            "iban has an invalid character '-' at position 4",
        ),
        (
            "IT60X05428111010000001234560000000000",
            "iban has 37 characters, at most 34 are allowed",
        ),
        (
            "1T60X0542811101000000123456",
            "iban must start with a two-letter country code and two check digits",
        ),
        (
            "ITX0542811101000000123456",
            "iban must start with a two-letter country code and two check digits",
        ),
        (
            "IT61X0542811101000000123456",
            "iban check digits are invalid",
        ),
        (
            "IT60X0542811101000000123457",
            "iban check digits are invalid",
        ),
        (
            "XX10X0542811101000000123456",
            "iban country code XX is not in the iban registry",
        ),
        (
            "IT90X054281110100000012345",
            "an italian iban has 27 characters, this one has 26",
        ),
        (
            // One character short with the wrong check digits too: the length is named first.
            "IT60X054281110100000012345",
            "an italian iban has 27 characters, this one has 26",
        ),
        (
            "IT60X05428111010000001234567",
            "an italian iban has 27 characters, this one has 28",
        ),
        (
            // 27 characters and valid check digits, but a digit where the CIN letter goes.
            "IT2910542811101000000123456",
            "iban bban does not match the length and format of country IT",
        ),
        (
            "IT65A0542811101000000123456",
            "italian cin is A, expected X",
        ),
    ];
    for (input, message) in cases {
        let err = input.parse::<Iban>().unwrap_err();
        assert_eq!(err.to_string(), *message, "input {input:?}");
        assert_eq!(Error::from(err).to_string(), *message);
    }
}

// ---------------------------------------------------------------- partita IVA

/// Valid numbers whose check digits were computed by hand with the algorithm of D.M. 23/12/1976
/// (00743110157: odd positions 0+7+3+1+1 = 12, even positions 0+8+2+0+1 = 11, 23 -> check 7).
#[test]
fn partita_iva_valid() {
    for text in [
        "00743110157",
        "01234560017",
        "12345671205",
        "12345671213",
        "12345678887",
        "12345679992",
        " 00743110157\n",
    ] {
        let piva: PartitaIva = text.parse().unwrap();
        assert_eq!(piva.as_str(), text.trim());
        assert_eq!(piva.to_string(), text.trim());
    }
    assert_eq!(
        "00743110157".parse::<PartitaIva>().unwrap().office_code(),
        "015"
    );
    // Not masked in Debug: a partita IVA is public (VIES, invoices).
    assert_eq!(
        format!("{:?}", "00743110157".parse::<PartitaIva>().unwrap()),
        "PartitaIva(00743110157)"
    );
}

#[test]
fn partita_iva_error_messages() {
    let cases: &[(&str, &str)] = &[
        ("", "partita iva is empty"),
        (
            "IT00743110157",
            "partita iva has an invalid character 'I' at position 0",
        ),
        (
            "007431 10157",
            "partita iva has an invalid character ' ' at position 6",
        ),
        ("0074311015", "partita iva has 10 digits, expected 11"),
        ("007431101570", "partita iva has 12 digits, expected 11"),
        ("00743110158", "partita iva check digit is 8, expected 7"),
        ("00743110153", "partita iva check digit is 3, expected 7"),
        (
            "00000001016",
            "partita iva office code (digits 8-10) is 101, expected 001-100, 120, 121, 888 or 999",
        ),
        (
            "12345670009",
            "partita iva office code (digits 8-10) is 000, expected 001-100, 120, 121, 888 or 999",
        ),
        (
            "00000000158",
            "partita iva serial number (digits 1-7) is 0000000",
        ),
    ];
    for (input, message) in cases {
        let err = input.parse::<PartitaIva>().unwrap_err();
        assert_eq!(err.to_string(), *message, "input {input:?}");
        assert_eq!(Error::from(err).to_string(), *message);
    }
}

// ---------------------------------------------------------------- provincia and CAP

/// Source: ISTAT codici statistici delle unità amministrative territoriali: 107 province,
/// città metropolitane and equivalent units, including SU (Sud Sardegna).
#[test]
fn provincia_list() {
    let all: Vec<Provincia> = Provincia::all().collect();
    assert_eq!(all.len(), 107);
    for (code, name) in [
        ("RM", "Roma"),
        ("MI", "Milano"),
        ("SU", "Sud Sardegna"),
        ("BT", "Barletta-Andria-Trani"),
        ("MB", "Monza e della Brianza"),
        ("FM", "Fermo"),
        ("VV", "Vibo Valentia"),
        ("AO", "Valle d'Aosta/Vallée d'Aoste"),
    ] {
        let p: Provincia = code.parse().unwrap();
        assert_eq!(p.name(), name);
        assert_eq!(p.code(), code);
        assert_eq!(p.to_string(), code);
        assert_eq!(code.to_lowercase().parse::<Provincia>().unwrap(), p);
    }
    for p in all {
        assert_eq!(p.code().parse::<Provincia>().unwrap(), p);
    }
}

#[test]
fn provincia_and_cap_error_messages() {
    let provincia: &[(&str, &str)] = &[
        ("", "provincia is empty"),
        ("CI", "provincia \"CI\" is not a sigla in use"),
        ("OT", "provincia \"OT\" is not a sigla in use"),
        ("EE", "provincia \"EE\" is not a sigla in use"),
        ("Roma", "provincia \"Roma\" is not a sigla in use"),
        ("R", "provincia \"R\" is not a sigla in use"),
        ("àà", "provincia \"àà\" is not a sigla in use"),
    ];
    for (input, message) in provincia {
        let err = input.parse::<Provincia>().unwrap_err();
        assert_eq!(err.to_string(), *message, "input {input:?}");
        assert_eq!(Error::from(err).to_string(), *message);
    }
    let cap: &[(&str, &str)] = &[
        ("", "cap \"\" must be exactly 5 digits"),
        ("0011", "cap \"0011\" must be exactly 5 digits"),
        ("001180", "cap \"001180\" must be exactly 5 digits"),
        ("0O118", "cap \"0O118\" must be exactly 5 digits"),
        // A codice fiscale in the wrong field: no more of it than its masked `Debug` shows.
        (
            "RSSMRA85T10A562S",
            "cap \"RSSMRA\" must be exactly 5 digits",
        ),
        ("00000", "cap 00000 is not a postal code"),
    ];
    for (input, message) in cap {
        let err = input.parse::<Cap>().unwrap_err();
        assert_eq!(err.to_string(), *message, "input {input:?}");
    }
    assert_eq!(" 00118 ".parse::<Cap>().unwrap().as_str(), "00118");
    assert_eq!("98168".parse::<Cap>().unwrap().to_string(), "98168");
}

// ---------------------------------------------------------------- ATECO

#[test]
fn ateco_valid_forms_and_depths() {
    for (text, depth, division, section) in [
        ("ATECO 2007 82", 2, 82, Section::N),
        ("ATECO 2007 82.3", 3, 82, Section::N),
        ("ATECO 2007 82.30", 4, 82, Section::N),
        ("ATECO 2007 82.30.0", 5, 82, Section::N),
        ("ATECO 2007 82.30.00", 6, 82, Section::N),
        ("ATECO 2007 01.11.10", 6, 1, Section::A),
        ("ATECO 2007 99.00.00", 6, 99, Section::U),
        (" ATECO 2007 35.11.00 ", 6, 35, Section::D),
        // The same division is section O in ATECO 2025, 99 is V.
        ("ATECO 2025 82.30.01", 6, 82, Section::O),
        ("ATECO 2025 99.00.00", 6, 99, Section::V),
    ] {
        let code: AtecoCode = text.parse().unwrap();
        assert_eq!(code.depth(), depth);
        assert_eq!(code.division(), division);
        assert_eq!(code.section(), section);
        assert_eq!(format!("{code:#}"), text.trim());
        let dotted = text.trim().rsplit(' ').next().unwrap();
        assert_eq!(code.to_string(), dotted);
        assert_eq!(AtecoCode::new(code.edition(), dotted).unwrap(), code);
    }
}

/// Source: ATECO 2007 structure (ISTAT): sections A-U by division.
#[test]
fn ateco_sections_by_division() {
    let table: &[(Section, &[u8])] = &[
        (Section::A, &[1, 2, 3]),
        (Section::B, &[5, 6, 7, 8, 9]),
        (Section::C, &[10, 20, 33]),
        (Section::D, &[35]),
        (Section::E, &[36, 39]),
        (Section::F, &[41, 42, 43]),
        (Section::G, &[45, 47]),
        (Section::H, &[49, 53]),
        (Section::I, &[55, 56]),
        (Section::J, &[58, 63]),
        (Section::K, &[64, 66]),
        (Section::L, &[68]),
        (Section::M, &[69, 75]),
        (Section::N, &[77, 82]),
        (Section::O, &[84]),
        (Section::P, &[85]),
        (Section::Q, &[86, 88]),
        (Section::R, &[90, 93]),
        (Section::S, &[94, 96]),
        (Section::T, &[97, 98]),
        (Section::U, &[99]),
    ];
    for (section, divisions) in table {
        for division in *divisions {
            assert_eq!(Section::of_division(*division), Some(*section));
        }
    }
    for missing in [0, 4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89] {
        assert_eq!(Section::of_division(missing), None, "{missing}");
    }
}

#[test]
fn ateco_error_messages() {
    let malformed = |s: &str| {
        format!(
            "ateco code {s:?} is malformed, expected the dotted form 93, 93.2, 93.29, 93.29.1 or 93.29.10, or six digits 932910"
        )
    };
    let neither = |c: &str| {
        format!(
            "ateco code {c} exists neither in ATECO 2007 (aggiornamento 2022) nor in ATECO 2025"
        )
    };
    let cases: Vec<(&str, String)> = vec![
        ("", "ateco code is empty".to_owned()),
        ("8", malformed("8")),
        ("823", malformed("823")),
        ("82300", malformed("82300")),
        ("82.", malformed("82.")),
        ("82.300", malformed("82.300")),
        ("82.3.0", malformed("82.3.0")),
        ("82.30.000", malformed("82.30.000")),
        ("82.30.00.1", malformed("82.30.00.1")),
        ("82,30", malformed("82,30")),
        ("8a.30", malformed("8a.30")),
        ("N82.30", malformed("N82.30")),
        ("ATECO 2025", malformed("ATECO 2025")),
        ("04.11", neither("04.11")),
        ("00", neither("00")),
        ("54.10.00", neither("54.10.00")),
        ("82.30.99", neither("82.30.99")),
        ("823099", neither("82.30.99")),
        ("8230011", malformed("8230011")),
        ("82300a", malformed("82300a")),
        (
            "55.10.00",
            "ateco code 55.10.00 exists in both ATECO 2007 (aggiornamento 2022) and ATECO 2025: give its edition, e.g. \"ATECO 2025 55.10.00\"".to_owned(),
        ),
        (
            "ATECO 2007 82.30.01",
            "ateco code 82.30.01 does not exist in ATECO 2007 (aggiornamento 2022)".to_owned(),
        ),
        (
            "ATECO 2025 45.20",
            "ateco code 45.20 does not exist in ATECO 2025".to_owned(),
        ),
        (
            "ATECO 2022 55.10.00",
            "ateco edition \"2022\" is unknown, expected ATECO 2007 or ATECO 2025".to_owned(),
        ),
    ];
    for (input, message) in cases {
        let err = input.parse::<AtecoCode>().unwrap_err();
        assert_eq!(err.to_string(), message, "input {input:?}");
        assert_eq!(Error::from(err).to_string(), message);
    }
}

#[test]
fn ateco_prefix_semantics() {
    let c = |s: &str| AtecoCode::new(AtecoEdition::Ateco2007, s).unwrap();
    assert!(c("93.29.10").is_within(&c("93.29.1")));
    assert!(c("93.29.10").is_within(&c("93.29")));
    assert!(c("93.29.10").is_within(&c("93")));
    assert!(c("93.29.10").is_within(&c("93.29.10")));
    assert!(!c("93.29").is_within(&c("93.29.1")));
    assert!(!c("93.29.90").is_within(&c("93.29.1")));
    assert!(!c("93.21.01").is_within(&c("93.29")));
    assert!(c("93.29.1").contains(&c("93.29.10")));
    // A class "82.3" is not "82.30".
    assert!(!c("82.3").is_within(&c("82.30")));
    // Never across editions.
    let new = AtecoCode::new(AtecoEdition::Ateco2025, "93.29.10").unwrap();
    assert!(!new.is_within(&c("93.29.1")));
}

/// Source: CAP-UTILIZZATORE-EVENTS (INPS circ. 75/2023 list), SCOPE-DISCO (93.29.1), and
/// the comma 14 lists with the crate's derived mappings, in ATECO 2007 codes.
#[test]
fn sector_classification() {
    let sectors = |s: &str| -> Vec<Sector> {
        AtecoCode::new(AtecoEdition::Ateco2007, s)
            .unwrap()
            .sectors()
            .collect()
    };
    let cases: &[(&str, &[Sector])] = &[
        ("82.30.00", &[Sector::EventsThermalParks]),
        ("96.04.20", &[Sector::EventsThermalParks]),
        ("93.21.01", &[Sector::EventsThermalParks]),
        ("96.09.05", &[Sector::EventsThermalParks]),
        ("96.04.10", &[]),
        ("93.21.02", &[]),
        // The class 82.30 has one subcategory, 82.30.00: it is on the list (it was not before the
        // crate looked at the subcategories of a broader code).
        ("82.30", &[Sector::EventsThermalParks]),
        ("93.29.10", &[Sector::Nightlife]),
        ("93.29.1", &[Sector::Nightlife]),
        ("93.29.20", &[]),
        ("55.10.00", &[Sector::Hospitality]),
        ("55.20.51", &[Sector::Hospitality]),
        ("56.10.11", &[]),
        ("41.20.00", &[Sector::Construction]),
        ("42.11.00", &[Sector::Construction]),
        ("43.99.09", &[Sector::Construction]),
        ("08.11.00", &[Sector::StoneWorking, Sector::Mining]),
        ("23.70.10", &[Sector::StoneWorking]),
        ("23.61.00", &[]),
        ("05.10.00", &[Sector::Mining]),
        ("08.92.00", &[Sector::Mining]),
        ("09.90.09", &[Sector::Mining]),
        ("01.11.10", &[Sector::Agriculture]),
        ("02.10.00", &[Sector::Agriculture]),
        ("03.11.00", &[Sector::Agriculture]),
        ("62.01.00", &[]),
        ("10.11.00", &[]),
    ];
    for (code, expected) in cases {
        assert_eq!(sectors(code), *expected, "{code}");
        let code = AtecoCode::new(AtecoEdition::Ateco2007, code).unwrap();
        assert_eq!(Sector::of(&code).collect::<Vec<_>>(), *expected);
    }
    // 93.21.00 is not an ATECO 2007 (aggiornamento 2022) code: written alone it is the ATECO 2025
    // code of parks, on the events list.
    assert!(AtecoCode::new(AtecoEdition::Ateco2007, "93.21.00").is_err());
    let parks: AtecoCode = "93.21.00".parse().unwrap();
    assert_eq!(parks.edition(), AtecoEdition::Ateco2025);
    assert_eq!(
        parks.sectors().collect::<Vec<_>>(),
        [Sector::EventsThermalParks]
    );
}

#[test]
fn every_sector_cites_and_lists_its_codes() {
    for sector in Sector::ALL {
        assert!(!sector.prefixes().is_empty(), "{sector:?}");
        assert!(sector.citation().contains("D.L. 50/2017"), "{sector:?}");
        assert_eq!(
            sector.citation().contains("derived mapping"),
            sector.is_derived(),
            "{sector:?}"
        );
    }
    let events: Vec<String> = Sector::EventsThermalParks
        .prefixes()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(events, ["82.30.00", "96.04.20", "93.21.01", "96.09.05"]);
}

// ---------------------------------------------------------------- properties

fn valid_partita_iva() -> impl Strategy<Value = String> {
    let office = prop_oneof![1_u16..=100, Just(120), Just(121), Just(888), Just(999)];
    (1_u32..=9_999_999, office).prop_map(|(serial, office)| {
        let first_ten = format!("{serial:07}{office:03}");
        let values: [u8; 10] = first_ten
            .bytes()
            .map(|b| b - b'0')
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        let check = PartitaIva::check_digit(&values).unwrap();
        format!("{first_ten}{check}")
    })
}

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = s.parse::<Iban>();
        let _ = s.parse::<PartitaIva>();
        let _ = s.parse::<Provincia>();
        let _ = s.parse::<Cap>();
        let _ = s.parse::<AtecoCode>();
    }

    #[test]
    fn parsers_never_panic_on_near_valid_input(s in "[0-9A-Za-z .]{0,40}") {
        let _ = s.parse::<Iban>();
        let _ = s.parse::<PartitaIva>();
        let _ = s.parse::<AtecoCode>();
    }

    #[test]
    fn partita_iva_with_one_digit_changed_is_rejected(
        valid in valid_partita_iva(),
        position in 0_usize..11,
        delta in 1_u8..=9,
    ) {
        prop_assert!(valid.parse::<PartitaIva>().is_ok());
        let mut bytes = valid.into_bytes();
        bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(changed.parse::<PartitaIva>().is_err(), "{}", changed);
    }
}

#[cfg(feature = "proptest")]
mod with_strategies {
    use super::*;
    use prestazioni_occasionali::strategies;

    proptest! {
        #[test]
        fn iban_display_round_trips(iban in strategies::iban()) {
            prop_assert_eq!(iban.to_string().parse::<Iban>().unwrap(), iban);
            prop_assert_eq!(iban.electronic().parse::<Iban>().unwrap(), iban);
            prop_assert_eq!(iban.to_string().to_lowercase().parse::<Iban>().unwrap(), iban);
        }

        #[test]
        fn iban_debug_hides_the_account(iban in strategies::iban()) {
            let debug = format!("{iban:?}");
            let s = iban.electronic();
            prop_assert!(!debug.contains(&s[4..s.len() - 4]));
            prop_assert_eq!(debug.len(), s.len() + "Iban()".len());
        }

        #[test]
        fn italian_iban_with_another_cin_is_rejected(
            iban in strategies::italian_iban(),
            shift in 1_u8..26,
        ) {
            let cin = iban.cin().unwrap();
            let other = char::from(b'A' + (cin as u8 - b'A' + shift) % 26);
            let bban = format!("{other}{}", &iban.bban()[1..]);
            // Recompute the ISO check digits so only the CIN is wrong.
            let numeric: String = format!("{bban}IT00")
                .chars()
                .map(|c| c.to_digit(36).unwrap().to_string())
                .collect();
            let remainder = numeric
                .bytes()
                .fold(0_u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
            let text = format!("IT{:02}{bban}", 98 - remainder);
            prop_assert_eq!(
                text.parse::<Iban>(),
                Err(IbanError::InvalidCin { found: other, expected: cin })
            );
        }

        #[test]
        fn partita_iva_round_trips(p in strategies::partita_iva()) {
            prop_assert_eq!(p.to_string().parse::<PartitaIva>().unwrap(), p);
        }

        #[test]
        fn provincia_and_cap_round_trip(p in strategies::provincia(), c in strategies::cap()) {
            prop_assert_eq!(p.to_string().parse::<Provincia>().unwrap(), p);
            prop_assert_eq!(c.to_string().parse::<Cap>().unwrap(), c);
        }

        #[test]
        fn ateco_round_trips_and_is_within_its_division(code in strategies::ateco_code()) {
            prop_assert_eq!(format!("{code:#}").parse::<AtecoCode>().unwrap(), code);
            prop_assert_eq!(AtecoCode::new(code.edition(), &code.to_string()).unwrap(), code);
            let division = AtecoCode::new(code.edition(), &format!("{:02}", code.division())).unwrap();
            prop_assert!(code.is_within(&division));
            prop_assert!(code.is_within(&code));
        }
    }

    #[cfg(feature = "serde")]
    proptest! {
        #[test]
        fn serde_round_trips(
            iban in strategies::iban(),
            p in strategies::partita_iva(),
            prov in strategies::provincia(),
            cap in strategies::cap(),
            code in strategies::ateco_code(),
        ) {
            let json = serde_json::to_string(&iban).unwrap();
            prop_assert_eq!(&json, &format!("\"{}\"", iban.electronic()));
            prop_assert_eq!(serde_json::from_str::<Iban>(&json).unwrap(), iban);
            let json = serde_json::to_string(&p).unwrap();
            prop_assert_eq!(serde_json::from_str::<PartitaIva>(&json).unwrap(), p);
            let json = serde_json::to_string(&prov).unwrap();
            prop_assert_eq!(serde_json::from_str::<Provincia>(&json).unwrap(), prov);
            let json = serde_json::to_string(&cap).unwrap();
            prop_assert_eq!(serde_json::from_str::<Cap>(&json).unwrap(), cap);
            let json = serde_json::to_string(&code).unwrap();
            prop_assert_eq!(serde_json::from_str::<AtecoCode>(&json).unwrap(), code);
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_rejects_invalid_values() {
    let err = serde_json::from_str::<Iban>("\"IT65A0542811101000000123456\"").unwrap_err();
    assert!(
        err.to_string().contains("italian cin is A, expected X"),
        "{err}"
    );
    let err = serde_json::from_str::<PartitaIva>("\"00743110158\"").unwrap_err();
    assert!(
        err.to_string().contains("check digit is 8, expected 7"),
        "{err}"
    );
    assert!(serde_json::from_str::<Provincia>("\"CI\"").is_err());
    assert!(serde_json::from_str::<Cap>("\"00000\"").is_err());
    assert!(serde_json::from_str::<AtecoCode>("\"04.11\"").is_err());
    let paper: Iban = serde_json::from_str("\"IT60 X054 2811 1010 0000 0123 456\"").unwrap();
    assert_eq!(paper.electronic(), "IT60X0542811101000000123456");
}

/// A province and a postal code are not personal data: `Debug` shows them as they are.
#[test]
fn provincia_and_cap_debug() {
    assert_eq!(
        format!("{:?}", "MI".parse::<Provincia>().unwrap()),
        "Provincia(MI)"
    );
    assert_eq!(
        format!("{:?}", "20121".parse::<Cap>().unwrap()),
        "Cap(20121)"
    );
}
