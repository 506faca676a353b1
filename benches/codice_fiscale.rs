//! Benchmarks of codice fiscale parsing and Belfiore lookups.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{CodiceFiscale, CodiceFiscaleKind};

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
    #[cfg(feature = "belfiore")]
    {
        use prestazioni_occasionali::Birthplace;
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

criterion_group!(benches, codice_fiscale);
criterion_main!(benches);
