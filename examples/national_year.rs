//! Replays a deterministic national year into a [`Ledger`] and prints the time and the peak
//! memory: 10.000.000 prestazioni in 2026 among 1.000.000 prestatori, 300.000 utilizzatori and
//! about 3.000.000 pairs (the generator is `benches/support/national.rs`).
//!
//! Run it in release: `cargo run --release --example national_year [prestazioni]`.
//! Peak memory is the process's `VmHWM` from `/proc/self/status` (Linux).

#[path = "../benches/support/national.rs"]
mod national;

use std::error::Error;
use std::time::{Duration, Instant};

use national::Parties;
use prestazioni_occasionali::{Instrument, Ledger, LedgerCapacity, LedgerEvent};

/// Events per `apply_batch` call.
const BATCH: usize = 256;

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "n/a (no /proc/self/status)".to_owned())
}

fn main() -> Result<(), Box<dyn Error>> {
    let n: u64 = match std::env::args().nth(1) {
        Some(arg) => arg.parse()?,
        None => 10_000_000,
    };
    let start = Instant::now();
    let parties = Parties::generate();
    println!(
        "parties: {} prestatori, {} utilizzatori generated in {:.2?}",
        parties.prestatori.len(),
        parties.utilizzatori.len(),
        start.elapsed()
    );

    let mut ledger = Ledger::default();
    // A host that knows its scale reserves it (no rehashing while the maps grow).
    ledger.reserve(&LedgerCapacity {
        year: 2026,
        prestazioni: usize::try_from(n)?,
        prestatori: parties.prestatori.len(),
        utilizzatori: parties.utilizzatori.len(),
        pairs: 3_000_000,
    });
    // Events arrive in batches (as they would from storage) and are applied with
    // `apply_batch`, which overlaps the memory look-ups of a batch. Generating a batch and
    // applying it are timed apart.
    let mut generation = Duration::ZERO;
    let mut replay = Duration::ZERO;
    let mut batch = Vec::with_capacity(BATCH);
    let mut i = 0;
    while i < n {
        let start = Instant::now();
        batch.clear();
        while batch.len() < BATCH && i < n {
            batch.push(LedgerEvent::Recorded(parties.prestazione(i)));
            i += 1;
        }
        generation += start.elapsed();
        let start = Instant::now();
        ledger.apply_batch(&batch)?;
        replay += start.elapsed();
    }
    println!("generating {n} prestazioni: {generation:.2?}");
    println!(
        "replay of {n} prestazioni: {replay:.2?}, {} ns per prestazione",
        replay.as_nanos() / u128::from(n.max(1))
    );
    println!("{ledger:?}");
    for instrument in [
        Instrument::LibrettoFamiglia,
        Instrument::ContrattoPrestazioneOccasionale,
    ] {
        let t = ledger.instrument_totals(2026, instrument);
        println!(
            "{instrument}: {} prestazioni, {} of compensi, {} hours",
            t.prestazioni,
            t.compensi.to_italian(),
            t.minutes / 60
        );
    }
    println!("peak memory (VmHWM): {}", peak_rss());
    Ok(())
}
