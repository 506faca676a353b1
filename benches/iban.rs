//! Benchmarks for identity values: parsing and validating one IBAN.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::Iban;

fn parse_iban(c: &mut Criterion) {
    c.bench_function("identity/iban/parse_paper_it", |b| {
        b.iter(|| {
            let iban = black_box("IT60 X054 2811 1010 0000 0123 456").parse::<Iban>();
            assert!(iban.is_ok());
            iban
        });
    });
}

criterion_group!(benches, parse_iban);
criterion_main!(benches);
