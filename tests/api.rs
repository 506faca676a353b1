//! Properties of the public API as a whole.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prestazioni_occasionali as po;

fn assert_send_sync<T: Send + Sync>() {}

/// Every public type can cross threads (a host shares rules and ledgers between workers).
#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<po::Euro>();
    assert_send_sync::<po::MoneyError>();
    assert_send_sync::<po::Error>();
    assert_send_sync::<po::Citation>();
    assert_send_sync::<po::Rules>();
    assert_send_sync::<po::RulesTable>();
    assert_send_sync::<po::RulesTableBuilder>();
    assert_send_sync::<po::RulesError>();
    assert_send_sync::<po::Verdict>();
    assert_send_sync::<po::Breach>();
    assert_send_sync::<po::CodiceFiscale>();
    assert_send_sync::<po::Iban>();
    assert_send_sync::<po::PartitaIva>();
    assert_send_sync::<po::Provincia>();
    assert_send_sync::<po::AtecoCode>();
    assert_send_sync::<po::AtecoEdition>();
    assert_send_sync::<po::AmbiguousActivity>();
    assert_send_sync::<po::SectorMembership>();
    assert_send_sync::<po::DeclaredActivity>();
    assert_send_sync::<po::ItalianClock<'static>>();
    assert_send_sync::<po::LocalInstant>();
    assert_send_sync::<po::CivilTimeError>();
    assert_send_sync::<po::ClockRule>();
    assert_send_sync::<po::UtilizzatoreId>();
    assert_send_sync::<po::Prestazione>();
    assert_send_sync::<po::SelfCertification>();
    assert_send_sync::<po::AgriculturalArea>();
    assert_send_sync::<po::InstrumentError>();
    assert_send_sync::<po::Ledger>();
    assert_send_sync::<po::LedgerError>();
    assert_send_sync::<po::RecordError>();
    assert_send_sync::<po::Assessment>();
    assert_send_sync::<po::LedgerEvent>();
    assert_send_sync::<po::Room>();
    assert_send_sync::<po::Booking>();
    assert_send_sync::<po::BookingDay>();
    assert_send_sync::<po::BookingError>();
    assert_send_sync::<po::Work>();
    assert_send_sync::<po::Schedule>();
    assert_send_sync::<po::Funds>();
    assert_send_sync::<po::PayCheck>();
    assert_send_sync::<po::Choice>();
    assert_send_sync::<po::CommunicateBy>();
    assert_send_sync::<po::Recorded>();
    assert_send_sync::<po::Prepared>();
    assert_send_sync::<po::VersionedEvent>();
    assert_send_sync::<po::Client>();
    assert_send_sync::<po::Portfolio>();
    assert_send_sync::<po::ClientReport>();
    assert_send_sync::<po::PrestatoreReport>();
    assert_send_sync::<po::CapLine>();
    assert_send_sync::<po::CapUse>();
}
