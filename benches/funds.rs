//! The prepaid funds account (LF-FUNDING, CPO-FUNDING): 10^5 top-ups, then 10^5 commitments
//! against them. Each operation is O(log n) (the balance on a day is a prefix sum over a tree of
//! days), so a whole batch is O(n log n); the account used to rescan every top-up and
//! commitment on each operation (20.000 of each took 19 s and 45 s).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, Instrument, Rules, TopUp};
use time::Date;
use time::macros::date;

const N: u64 = 100_000;

/// The `i`-th top-up: 10,00 € available on one of 400 days (out of order, as F24 and pagoPA
/// funds arrive).
fn top_up(i: u64) -> TopUp {
    let day = date!(2026 - 01 - 01) + time::Duration::days(i64::try_from(i * 7919 % 400).unwrap());
    TopUp {
        channel: FundingChannel::PagoPa,
        causale: None,
        amount: Euro::from_euros(10),
        available_on: day,
    }
}

fn topped_up(rules: &Rules) -> FundsAccount {
    let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    for i in 0..N {
        account.top_up(top_up(i), rules).unwrap();
    }
    account
}

fn funds(c: &mut Criterion) {
    let rules = Rules::in_force_on(date!(2026 - 01 - 01)).unwrap();
    let mut group = c.benchmark_group("funds");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("top_up/1e5", |b| {
        b.iter(|| {
            let account = topped_up(rules);
            assert_eq!(account.available_on(Date::MAX), Euro::from_cents(N * 1_000));
            account
        });
    });
    let full = topped_up(rules);
    group.bench_function("commit/1e5", |b| {
        b.iter_batched(
            || full.clone(),
            |mut account| {
                for i in 0..N {
                    // 9,99 € each, on the last day: every commitment fits.
                    account
                        .commit(black_box(i), Euro::from_cents(999), date!(2027 - 02 - 05))
                        .unwrap();
                }
                assert_eq!(account.committed(), Euro::from_cents(N * 999));
                account
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, funds);
criterion_main!(benches);
