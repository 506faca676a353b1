//! Benchmarks of codice fiscale parsing, encoding and decoding, and Belfiore lookups.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleKind, Sex};

fn codice_fiscale(c: &mut Criterion) {
    c.bench_function("codice_fiscale/parse", |b| {
        b.iter(|| {
            let cf = CodiceFiscale::parse(black_box("RSSMRA85T10A562S")).unwrap();
            assert_eq!(cf.kind(), CodiceFiscaleKind::Personale);
            cf
        });
    });
    c.bench_function("codice_fiscale/parse_omocode", |b| {
        b.iter(|| {
            let cf = CodiceFiscale::parse(black_box("RSSMRA85T10A56NH")).unwrap();
            assert!(cf.is_omocode());
            cf
        });
    });
    c.bench_function("codice_fiscale/parse_invalid_check", |b| {
        b.iter(|| {
            let err = CodiceFiscale::parse(black_box("RSSMRA85T10A562K"));
            assert!(err.is_err());
            err
        });
    });
    c.bench_function("codice_fiscale/parse_provisional", |b| {
        b.iter(|| {
            let cf = CodiceFiscale::parse(black_box("12345678903")).unwrap();
            assert_eq!(cf.kind(), CodiceFiscaleKind::Provvisorio);
            cf
        });
    });
    let omocode = CodiceFiscale::parse("RSSMRA85T10A56NH").unwrap();
    c.bench_function("codice_fiscale/canonical", |b| {
        b.iter(|| {
            let canonical = black_box(omocode).canonical();
            assert!(!canonical.is_omocode());
            canonical
        });
    });
}

fn encode_and_lookup(c: &mut Criterion) {
    let place = "F205".parse().unwrap();
    let born = time::macros::date!(1970 - 07 - 15);
    c.bench_function("codice_fiscale/encode", |b| {
        b.iter(|| {
            let cf = CodiceFiscale::encode(
                black_box("D'Àngelo Rossi"),
                black_box("Nicolò"),
                Sex::Male,
                black_box(born),
                black_box(place),
            )
            .unwrap();
            assert_eq!(cf.as_str(), "DNGNCL70L15F205S");
            cf
        });
    });
    let anna = CodiceFiscale::parse("BNCNMR90C41H501M").unwrap();
    let today = time::macros::date!(2026 - 03 - 07);
    c.bench_function("codice_fiscale/decode", |b| {
        b.iter(|| {
            let decoded = black_box(anna).decode(black_box(today)).unwrap();
            assert_eq!(decoded.sex, Sex::Female);
            decoded
        });
    });
    #[cfg(feature = "belfiore")]
    {
        use prestazioni_occasionali::Birthplace;
        // The name index is built on the first call; the bench measures the look-ups after it.
        assert_eq!(Birthplace::by_name("Roma", None, today).len(), 1);
        c.bench_function("belfiore/by_name", |b| {
            b.iter(|| {
                let found =
                    Birthplace::by_name(black_box("Sant'Angelo Lodigiano"), None, black_box(today));
                assert_eq!(found.len(), 1);
                found
            });
        });
        c.bench_function("belfiore/by_name_homonyms", |b| {
            b.iter(|| {
                let found = Birthplace::by_name(
                    black_box("samone"),
                    black_box(Some("TN")),
                    black_box(today),
                );
                assert_eq!(found.len(), 1);
                found
            });
        });
        let code = "H501".parse().unwrap();
        let day = time::macros::date!(1985 - 12 - 10);
        c.bench_function("belfiore/lookup", |b| {
            b.iter(|| {
                let place = Birthplace::lookup(black_box(code), black_box(day)).unwrap();
                assert_eq!(place.name, "Roma");
                place
            });
        });
        c.bench_function("belfiore/is_attributable", |b| {
            b.iter(|| {
                let ok = black_box(code).is_attributable(black_box(day));
                assert!(ok);
                ok
            });
        });
    }
}

criterion_group!(benches, codice_fiscale, encode_and_lookup);
criterion_main!(benches);
