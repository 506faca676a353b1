//! Cost of a CPO compenso and its inverse (CPO-CONTRIB, reading R-ONERI-BASE).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{CostBreakdown, Euro, Rules, max_cpo_compenso_for_budget};
use time::macros::date;

fn cost(c: &mut Criterion) {
    let rules = Rules::in_force_on(date!(2026 - 03 - 07)).unwrap();
    c.bench_function("cost/cpo_breakdown", |b| {
        b.iter(|| {
            let cost = CostBreakdown::cpo(black_box(Euro::from_euros(36)), rules).unwrap();
            assert_eq!(cost.total, Euro::from_cents(4964));
            cost
        });
    });
    c.bench_function("cost/max_compenso_for_budget", |b| {
        b.iter(|| {
            let compenso = max_cpo_compenso_for_budget(black_box(Euro::from_euros(10_000)), rules);
            assert_eq!(compenso, Euro::from_cents(725_274));
            compenso
        });
    });
}

criterion_group!(benches, cost);
criterion_main!(benches);
