//! The machine's memory latency, for reading the ledger benches: one dependent load (a pointer
//! chase through a random cycle of cache lines) in a working set of 256 KiB to 256 MiB, and two
//! independent chases stepped together.
//!
//! A ledger call that finds a party's totals waits for one load per party (the slot of the
//! party's table that holds both the key and the totals), and the two parties' loads do not
//! depend on each other; these figures say what one costs once the ledger no longer fits in the
//! caches, and whether the machine overlaps two.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use support::national::Rng;

mod support {
    pub mod national;
}

/// One cache line: the index of the next line to visit, and padding.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Line {
    next: usize,
}

/// A single random cycle through `lines` cache lines (Sattolo's algorithm, with the
/// deterministic generator of the ledger benches).
fn cycle(lines: usize) -> Vec<Line> {
    let mut order: Vec<usize> = (0..lines).collect();
    let mut rng = Rng::new(0x5eed);
    for i in (1..lines).rev() {
        let j = usize::try_from(rng.below(u64::try_from(i).unwrap())).unwrap();
        order.swap(i, j);
    }
    let mut chain = vec![Line { next: 0 }; lines];
    for (k, &from) in order.iter().enumerate() {
        chain[from].next = order[(k + 1) % lines];
    }
    chain
}

fn pointer_chase(c: &mut Criterion) {
    let mut group = c.benchmark_group("machine/dependent_load");
    group.measurement_time(Duration::from_secs(3));
    for (name, bytes) in [
        ("256KiB", 256usize << 10),
        ("2MiB", 2 << 20),
        ("8MiB", 8 << 20),
        ("32MiB", 32 << 20),
        ("256MiB", 256 << 20),
    ] {
        let chain = cycle(bytes / 64);
        let mut at = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                at = chain[at].next;
                black_box(at)
            });
        });
    }
    group.finish();
}

/// Two independent chases stepped together: each step waits for two misses whose addresses do not
/// depend on each other, as `assess` waits for the prestatore's and the utilizzatore's slots. A
/// figure near one `dependent_load` means the machine overlaps the two misses; near two, it
/// serves them one after the other.
fn two_chases(c: &mut Criterion) {
    let mut group = c.benchmark_group("machine/two_independent_loads");
    group.measurement_time(Duration::from_secs(3));
    for (name, bytes) in [("32MiB", 32usize << 20), ("256MiB", 256 << 20)] {
        let first = cycle(bytes / 64);
        let second = cycle(bytes / 64);
        let (mut a, mut b) = (0usize, first.len() / 2);
        group.bench_function(name, |bench| {
            bench.iter(|| {
                a = first[a].next;
                b = second[b].next;
                black_box((a, b))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, pointer_chase, two_chases);
criterion_main!(benches);
