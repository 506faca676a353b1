//! Benchmarks for the annual ledger: `assess` and `record` against a short and a long history
//! (10^3 vs 10^6 prestazioni over the same parties, asked about the same stream of 10^5 new
//! prestazioni), and at national scale (1.000.000
//! prestatori, 300.000 utilizzatori, about 3.000.000 pairs, 10^7 prestazioni) `assess` alone
//! (`assess/national`) and `record` (`assess_record/national`: `record` assesses and records in
//! one call and returns the `Assessment` with the event to store), and the consulente's
//! portfolio (`portfolio/300x50`: 300 clients with 50 prestatori each, among 1.000 other
//! utilizzatori).
//! The replay of a year of 10^7 prestazioni is `examples/national_year.rs` (criterion would run
//! it many times).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod support {
    pub mod national;
}

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use prestazioni_occasionali::{
    CapProfile, Euro, Instrument, Ledger, LedgerCapacity, LedgerEvent, Prestazione,
    PrestazioneDraft, PrestazioneId, RecordError, UtilizzatoreId,
};
use support::national::{Parties, codice_fiscale, partita_iva};
use time::Date;

/// Parties of the history benches: enough that 10^6 prestazioni stay within every cap.
const HISTORY_PRESTATORI: u32 = 100_000;
const HISTORY_UTILIZZATORI: u32 = 30_000;
/// The stream of new prestazioni both history sizes are asked about (the same stream, so that
/// only the history differs).
const STREAM: u64 = 100_000;

fn ledger_with(parties: &Parties, prestazioni: u64) -> Ledger {
    let mut ledger = Ledger::default();
    for i in 0..prestazioni {
        ledger
            .apply(&LedgerEvent::Recorded(parties.prestazione(i)))
            .unwrap();
    }
    ledger
}

/// New prestazioni (ids after the history) to assess or record.
fn probes(parties: &Parties, from: u64, n: u64) -> Vec<Prestazione> {
    (from..from + n).map(|i| parties.prestazione(i)).collect()
}

fn check<T>(result: &Result<T, RecordError>) {
    assert!(matches!(result, Ok(_) | Err(RecordError::Refused(_))));
}

/// A working copy of `ledger` with room reserved for `chunk` more prestazioni and parties (a
/// clone has no spare capacity; a host reserves before a bulk of work).
fn fresh(ledger: &Ledger, chunk: u64) -> Ledger {
    let mut copy = ledger.clone();
    let room = usize::try_from(chunk).unwrap();
    copy.reserve(&LedgerCapacity {
        year: 2026,
        prestazioni: room,
        prestatori: room,
        utilizzatori: room,
        pairs: room,
    });
    copy
}

/// `assess` and `record` after a history of 10^3 and of 10^6 prestazioni, over the same
/// parties, asked about the same stream of new prestazioni (in turn, wrapping round).
///
/// `record` works on a copy of the history ledger, as a host's ledger grows: after the history
/// has grown by a tenth (10^2 or 10^5 prestazioni) a fresh copy replaces it (untimed), so the
/// history stays between its size and 1,1 times it.
fn history(c: &mut Criterion) {
    let parties = Parties::with_sizes(HISTORY_PRESTATORI, HISTORY_UTILIZZATORI);
    let stream = probes(&parties, 20_000_000, STREAM);
    let mut group = c.benchmark_group("ledger");
    group.measurement_time(Duration::from_secs(5));
    for (name, size) in [("1e3", 1_000u64), ("1e6", 1_000_000)] {
        let ledger = ledger_with(&parties, size);
        let mut next = 0usize;
        group.bench_function(format!("assess/{name}"), |b| {
            b.iter(|| {
                next = (next + 1) % stream.len();
                let a = ledger.assess(black_box(&stream[next])).unwrap();
                assert!(a.cap_pair.is_some() || a.cap_steward.is_some());
                a
            });
        });
        let chunk = size / 10;
        let mut copy = fresh(&ledger, chunk);
        let mut grown = 0u64;
        let mut at = 0usize;
        group.bench_function(format!("record/{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut done = 0u64;
                while done < iters {
                    if grown == chunk {
                        copy = fresh(&ledger, chunk);
                        grown = 0;
                    }
                    // Up to the end of the chunk, and of the stream.
                    let n = (iters - done)
                        .min(chunk - grown)
                        .min(u64::try_from(stream.len() - at).unwrap());
                    let to = at + usize::try_from(n).unwrap();
                    let start = Instant::now();
                    for p in &stream[at..to] {
                        let r = copy.record(black_box(p));
                        check(&r);
                        black_box(r.is_ok());
                    }
                    total += start.elapsed();
                    done += n;
                    grown += n;
                    at = if to == stream.len() { 0 } else { to };
                    if at == 0 {
                        // The stream starts again: its ids would be duplicates in this copy.
                        grown = chunk;
                    }
                }
                total
            });
        });
    }
    group.finish();
}

fn national(c: &mut Criterion) {
    let parties = Parties::generate();
    let mut ledger = ledger_with(&parties, 10_000_000);
    let mut next = 100_000_000u64;
    let mut group = c.benchmark_group("ledger");
    group.sample_size(50);
    group.measurement_time(Duration::from_secs(5));
    // Pure assessment of new prestazioni (not recorded), a stream of them in turn.
    let probes = probes(&parties, 200_000_000, STREAM);
    let mut i = 0usize;
    group.bench_function("assess/national", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            let a = ledger.assess(black_box(&probes[i])).unwrap();
            assert!(a.cap_pair.is_some());
            a
        });
    });
    // `record` assesses and records in one call and returns the Assessment and the event (a refused
    // prestazione returns it inside `RecordError::Refused`): a host that wants both calls
    // `record` alone, so this measures one `record` call per new prestazione.
    group.bench_function("assess_record/national", |b| {
        b.iter_batched(
            || {
                // A new prestazione (new id, random parties of the national year), untimed.
                next += 1;
                parties.prestazione(next)
            },
            |p| {
                let r = ledger.record(black_box(&p));
                check(&r);
                r
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

/// The consulente's portfolio: 300 clients with 50 prestatori each (15.000 pairs, 8 prestazioni
/// a pair, a fifth of the pairs near cap c), in a ledger that also holds 1.000 other
/// utilizzatori with 50 prestatori each (the query never reads them), asked for every cap at
/// or above 80% on a day. The index is up to date (a host asks again after recording a few
/// prestazioni: the index then reads those only).
fn portfolio(c: &mut Criterion) {
    const CLIENTS: u32 = 300;
    const OTHERS: u32 = 1_000;
    const PER_CLIENT: u32 = 50;
    const PER_PAIR: u32 = 8;
    let mut ledger = Ledger::default();
    let mut id = 0u64;
    for u in 0..CLIENTS + OTHERS {
        let utilizzatore = UtilizzatoreId::PartitaIva(partita_iva(u));
        for k in 0..PER_CLIENT {
            let prestatore = codice_fiscale(u * PER_CLIENT + k);
            // A fifth of the pairs reach 8 × 260 = 2.080 of 2.500 (83%); the rest 8 × 120.
            let euros = if k % 5 == 0 { 260 } else { 120 };
            for d in 0..PER_PAIR {
                id += 1;
                let p = Prestazione::try_from(PrestazioneDraft {
                    id: PrestazioneId(id),
                    instrument: Instrument::ContrattoPrestazioneOccasionale,
                    prestatore,
                    utilizzatore,
                    day: Date::from_ordinal_date(2026, u16::try_from(1 + d * 7).unwrap()).unwrap(),
                    minutes: 480,
                    compenso: Euro::from_euros(euros),
                    special_category: false,
                    steward: false,
                    profile: CapProfile::default(),
                })
                .unwrap();
                ledger.apply(&LedgerEvent::Recorded(p)).unwrap();
            }
        }
    }
    let clients: Vec<UtilizzatoreId> = (0..CLIENTS)
        .map(|u| UtilizzatoreId::PartitaIva(partita_iva(u)))
        .collect();
    let day = Date::from_ordinal_date(2026, 300).unwrap();
    let first = ledger.portfolio(&clients, day, 80).unwrap();
    assert_eq!(first.clients.len(), 300);
    assert!(first.clients.iter().all(|c| c.people.len() == 10));
    let mut group = c.benchmark_group("ledger");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("portfolio/300x50", |b| {
        b.iter(|| {
            let answer = ledger.portfolio(black_box(&clients), day, 80).unwrap();
            assert_eq!(answer.clients.len(), 300);
            answer
        });
    });
    group.finish();
}

criterion_group!(benches, portfolio, history, national);
criterion_main!(benches);
