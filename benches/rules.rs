//! Benchmarks of the rules table: looking up the parameters in force on a day.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{Euro, Rules, RulesTable};
use time::macros::date;

fn in_force_on(c: &mut Criterion) {
    // Build the embedded table once, outside the measurement.
    let table = RulesTable::embedded();
    let day = date!(2026 - 03 - 07);
    c.bench_function("rules/in_force_on", |b| {
        b.iter(|| {
            let rules = table.in_force_on(black_box(day)).unwrap();
            assert_eq!(rules.cap_pair.value, Euro::from_euros(2_500));
            rules
        });
    });
    c.bench_function("rules/in_force_on/before_regime", |b| {
        b.iter(|| Rules::in_force_on(black_box(date!(2016 - 01 - 01))).is_err());
    });
    c.bench_function("rules/build_embedded_table", |b| {
        b.iter(|| table.to_builder().build().unwrap());
    });
}

criterion_group!(benches, in_force_on);
criterion_main!(benches);
