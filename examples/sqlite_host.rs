//! A durable host: the ledger in memory, its events in an `SQLite` database, and the ledger changing only once
//! the events are stored.
//!
//! Caffè Aurora (a firm on the CPO) books work for Mario through a host that keeps every change
//! of its [`Ledger`] as a row of an event log table: the event as JSON in its format version
//! ([`VersionedEvent`], `{"v":1,"event":...}`), with an autoincrement sequence. Each booking is
//! one SQL transaction:
//!
//! 1. [`Ledger::prepare`] checks the days of the booking together, changing nothing, and hands
//!    back the events to store;
//! 2. the host inserts them and commits the SQL transaction;
//! 3. only then [`Ledger::commit`] applies them to the ledger.
//!
//! If the database refuses (here a storage quota, a trigger that aborts the insert), the
//! transaction rolls back and the preparation is dropped: the ledger never saw it. A revoca goes
//! the same way ([`Ledger::prepare_revoke`]). At restart the host rebuilds the ledger from the
//! table with [`Ledger::replay`], or with [`Ledger::replay_verified`] when the rows may have
//! been written by something else (here a row inserted by hand, past cap c, is found). A row
//! written by a newer release of the crate (format version 2) is refused with an error naming
//! the version.
//!
//! The library does no I/O: the database is the host's (`rusqlite` with its bundled `SQLite`, in a
//! file next to this example's binary, under the target directory).
//!
//! Rules illustrated (see `prestazioni_occasionali::law`): CAP-PAIR (the row past the cap),
//! CPO-REVOCA (reading R-REVOCA), reading R-MIDNIGHT (one prestazione per calendar day).
//!
//! Run with `cargo run --example sqlite_host` (the `serde` feature, on by default, is required).

use std::error::Error;
use std::path::PathBuf;

use prestazioni_occasionali::{
    CapProfile, Euro, Instrument, Ledger, LedgerError, LedgerEvent, Prepared, Prestazione,
    PrestazioneDraft, PrestazioneId, RulesTable, UtilizzatoreId, VersionedEvent,
};
use rusqlite::{Connection, params};
use time::Date;
use time::macros::{date, datetime};

/// The event log: one row per event, in order. The format version is a column too, so that a
/// host can find the rows an upgrade must read with care without parsing them.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS ledger_events (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    format  INTEGER NOT NULL CHECK (format >= 1),
    event   TEXT NOT NULL CHECK (json_valid(event) AND json_extract(event, '$.v') = format),
    booking TEXT NOT NULL
);
-- The host's storage quota: an insert past it aborts the transaction.
CREATE TABLE IF NOT EXISTS quota (max_events INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS ledger_events_quota BEFORE INSERT ON ledger_events
WHEN (SELECT count(*) FROM ledger_events) >= (SELECT max_events FROM quota)
BEGIN
    SELECT RAISE(ABORT, 'storage quota exceeded');
END;
";

fn open(path: &PathBuf) -> Result<Connection, Box<dyn Error>> {
    let conn = Connection::open(path)?;
    conn.execute_batch(SCHEMA)?;
    Ok(conn)
}

/// Stores what was prepared in one SQL transaction, then commits it to the ledger. If the
/// database fails, nothing is stored and the ledger is unchanged.
fn store(
    conn: &mut Connection,
    ledger: &mut Ledger,
    booking: &str,
    prepared: Prepared,
) -> Result<(), Box<dyn Error>> {
    let tx = conn.transaction()?;
    for event in prepared.events() {
        let stored = VersionedEvent::new(event.clone());
        tx.execute(
            "INSERT INTO ledger_events (format, event, booking) VALUES (?1, ?2, ?3)",
            params![stored.version(), serde_json::to_string(&stored)?, booking],
        )?;
    }
    // Dropping `tx` on an error above rolls the transaction back.
    tx.commit()?;
    // Stored: now the ledger. Nothing else touched it since the preparation (a stale one is
    // refused: the host would then rebuild from the table, which is the truth).
    ledger.commit(prepared)?;
    Ok(())
}

/// Rebuilds the ledger from the table, in order.
fn load(conn: &Connection) -> Result<Vec<LedgerEvent>, Box<dyn Error>> {
    let mut statement = conn.prepare("SELECT event FROM ledger_events ORDER BY seq")?;
    let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
    let mut events = Vec::new();
    for row in rows {
        let stored: VersionedEvent = serde_json::from_str(&row?)?;
        events.push(stored.into_event());
    }
    Ok(events)
}

fn work(id: u64, day: Date, minutes: u32, euros: u32) -> Result<Prestazione, Box<dyn Error>> {
    Ok(Prestazione::try_from(PrestazioneDraft {
        id: PrestazioneId(id),
        instrument: Instrument::ContrattoPrestazioneOccasionale,
        prestatore: "RSSMRA85T10A562S".parse()?,
        utilizzatore: "12345670157".parse::<UtilizzatoreId>()?,
        day,
        minutes,
        compenso: Euro::from_euros(euros),
        special_category: false,
        steward: false,
        profile: CapProfile::default(),
    })?)
}

fn count(conn: &Connection) -> Result<i64, Box<dyn Error>> {
    Ok(conn.query_row("SELECT count(*) FROM ledger_events", [], |r| r.get(0))?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::current_exe()?.with_file_name("sqlite_host.db");
    if path.exists() {
        std::fs::remove_file(&path)?;
    }
    let table = RulesTable::embedded();
    let mut conn = open(&path)?;
    conn.execute("INSERT INTO quota (max_events) VALUES (4)", [])?;
    let mut ledger = Ledger::new(table);

    // A night shift, Saturday 22:00 to Sunday 02:00: two calendar days (reading R-MIDNIGHT).
    let shift = [
        work(1, date!(2026 - 03 - 07), 120, 60)?,
        work(2, date!(2026 - 03 - 08), 120, 60)?,
    ];
    let prepared = ledger.prepare(&shift)?;
    println!(
        "booking A: {} events prepared, ledger still holds {}",
        prepared.events().len(),
        ledger.len()
    );
    store(&mut conn, &mut ledger, "A", prepared)?;
    println!(
        "booking A stored and committed: {} rows, {} prestazioni in the ledger",
        count(&conn)?,
        ledger.len()
    );

    // A revoca of the Sunday part, within its window (CPO-REVOCA, reading R-REVOCA).
    let prepared = ledger.prepare_revoke(PrestazioneId(2), datetime!(2026-03-09 09:00 +01:00))?;
    store(&mut conn, &mut ledger, "A-revoca", prepared)?;
    println!("revoca of #2 stored and committed: {} rows", count(&conn)?);

    // Booking B: two more days, but the storage quota (4 rows) lets only one in. The second
    // insert aborts, the transaction rolls back (the first row with it), and the ledger, which
    // only commits after the database, does not change.
    let before = ledger.clone();
    let booking = [
        work(3, date!(2026 - 03 - 14), 240, 80)?,
        work(4, date!(2026 - 03 - 15), 240, 80)?,
    ];
    let prepared = ledger.prepare(&booking)?;
    match store(&mut conn, &mut ledger, "B", prepared) {
        Ok(()) => return Err("the quota should have refused booking B".into()),
        Err(e) => println!("booking B refused by the database: {e}"),
    }
    assert_eq!(ledger, before);
    assert_eq!(count(&conn)?, 3);
    println!(
        "after the failed booking: {} rows, {} prestazioni in the ledger (unchanged)",
        count(&conn)?,
        ledger.len()
    );

    // Restart: the ledger is rebuilt from the table.
    drop(ledger);
    drop(conn);
    let conn = open(&path)?;
    let events = load(&conn)?;
    let rebuilt = Ledger::replay(table, &events)?;
    assert_eq!(rebuilt, before);
    println!(
        "restart: {} events replayed, {} prestazioni ({} revoked), equal to the ledger before the restart",
        events.len(),
        rebuilt.len(),
        rebuilt.entries().filter(|e| e.revoked).count()
    );

    // Rows the host did not write itself (an import, a manual fix) may not be trusted: a row
    // inserted by hand records 2.450,00 more for the pair, past cap c.
    conn.execute("UPDATE quota SET max_events = 100", [])?;
    let hand_made = VersionedEvent::new(LedgerEvent::Recorded(work(
        5,
        date!(2026 - 03 - 21),
        480,
        2_450,
    )?));
    conn.execute(
        "INSERT INTO ledger_events (format, event, booking) VALUES (1, ?1, 'manual')",
        params![serde_json::to_string(&hand_made)?],
    )?;
    let events = load(&conn)?;
    // `replay` applies what the log says was accepted...
    assert_eq!(Ledger::replay(table, &events)?.len(), 3);
    // ...`replay_verified` also reports what no ledger would have accepted.
    let (verified, findings) = Ledger::replay_verified(table, &events)?;
    println!(
        "replay_verified: {} prestazioni, {} finding(s):",
        verified.len(),
        findings.len()
    );
    for finding in &findings {
        println!("  {finding}");
    }
    assert_eq!(findings.len(), 1);

    // A row written by a newer release of the crate: refused, naming its version.
    let newer = r#"{"v":2,"event":{"Revoked":{"id":1,"at":"2026-03-08 10:00:00.0 +01:00:00"}}}"#;
    match serde_json::from_str::<VersionedEvent>(newer) {
        Ok(_) => return Err("a newer format must not load".into()),
        Err(e) => println!("a row of format 2: {e}"),
    }

    // A preparation made before another change is stale: the ledger refuses it.
    let mut ledger = rebuilt;
    let first = ledger.prepare([&work(6, date!(2026 - 03 - 28), 60, 20)?])?;
    let second = ledger.prepare([&work(7, date!(2026 - 03 - 29), 60, 20)?])?;
    ledger.commit(first)?;
    assert_eq!(ledger.commit(second), Err(LedgerError::StalePreparation));
    println!(
        "a preparation made before another commit: {}",
        LedgerError::StalePreparation
    );

    drop(conn);
    std::fs::remove_file(&path)?;
    Ok(())
}
