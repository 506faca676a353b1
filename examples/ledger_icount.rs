//! Work per `Ledger::assess` and `Ledger::record` against a history of a given size, for an
//! instruction count.
//!
//! Wall-clock time at a long history is dominated by cache misses; the number of instructions
//! shows whether the work itself grows with the history. Build it, then count the instructions
//! of `assess_probes` and of `record_probes` (10^4 new prestazioni each) with callgrind:
//!
//! ```sh
//! cargo build --release --example ledger_icount
//! for f in assess_probes record_probes; do
//!   for n in 1000 1000000; do
//!     valgrind --tool=callgrind --toggle-collect="*$f*" \
//!       target/release/examples/ledger_icount $n 2>&1 | grep Collected
//!   done
//! done
//! ```
//!
//! The history uses the parties of the `ledger` benches (100.000 prestatori, 30.000
//! utilizzatori), from `benches/support/national.rs`.

#[path = "../benches/support/national.rs"]
mod national;

use std::error::Error;

use national::Parties;
use prestazioni_occasionali::{Ledger, LedgerEvent, Prestazione};

/// New prestazioni recorded after the history.
const PROBES: u64 = 10_000;

/// Assesses the probes; one of the functions callgrind counts.
#[inline(never)]
fn assess_probes(ledger: &Ledger, probes: &[Prestazione]) -> usize {
    probes
        .iter()
        .filter(|p| ledger.assess(p).is_ok_and(|a| a.is_lawful()))
        .count()
}

/// Records the probes; the other function callgrind counts.
#[inline(never)]
fn record_probes(ledger: &mut Ledger, probes: &[Prestazione]) -> usize {
    probes.iter().filter(|p| ledger.record(p).is_ok()).count()
}

fn main() -> Result<(), Box<dyn Error>> {
    let history: u64 = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse()
            .map_err(|e| format!("history size {arg:?}: {e}"))?,
        None => 1_000,
    };
    let parties = Parties::with_sizes(100_000, 30_000);
    let mut ledger = Ledger::default();
    for i in 0..history {
        ledger.apply(&LedgerEvent::Recorded(parties.prestazione(i)))?;
    }
    let probes: Vec<Prestazione> = (20_000_000..20_000_000 + PROBES)
        .map(|i| parties.prestazione(i))
        .collect();
    let lawful = assess_probes(&ledger, &probes);
    let recorded = record_probes(&mut ledger, &probes);
    println!(
        "history {history}: {lawful} of {PROBES} new prestazioni assessed lawful, {recorded} recorded"
    );
    Ok(())
}
