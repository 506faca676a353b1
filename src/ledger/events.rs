//! The ledger's events: every change is one of them, and replaying them rebuilds the ledger.

use time::{Date, OffsetDateTime};

use crate::identity::CodiceFiscale;
use crate::money::Euro;
use crate::prestazione::{Prestazione, PrestazioneId};

/// A prestatore's compensi from utilizzatori outside this ledger in one calendar year, as read
/// from the prestatore's annual prospetto (or declared by the prestatore) on `as_of`.
///
/// They count toward cap a (the prestatore's total across all utilizzatori), so that a single
/// utilizzatore can check it. The reading with the latest `as_of` wins (on the same day, the
/// larger amount), whatever the order in which readings are entered: setting an external total
/// is order-independent, which keeps replay and merge exact.
///
/// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger};
/// use time::macros::date;
///
/// let mut ledger = Ledger::default();
/// let cf = "RSSMRA85T10A562S".parse()?;
/// let reading = ExternalTotal { prestatore: cf, year: 2026, total: Euro::from_euros(4_000), as_of: date!(2026 - 06 - 30) };
/// assert!(ledger.set_external_total(&reading)?.is_some()); // the event to store
/// assert_eq!(ledger.prestatore_totals(&cf, 2026).external, Euro::from_euros(4_000));
///
/// // An older reading does not replace a newer one.
/// let older = ExternalTotal { total: Euro::from_euros(1_000), as_of: date!(2026 - 03 - 31), ..reading };
/// assert_eq!(ledger.set_external_total(&older)?, None); // nothing to store
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExternalTotal {
    /// The prestatore (counted on its canonical form, so omocodes share it).
    pub prestatore: CodiceFiscale,
    /// The calendar year.
    pub year: i32,
    /// The compensi from other utilizzatori, year to date.
    pub total: Euro,
    /// The day the figure was read.
    pub as_of: Date,
}

/// One change of a [`Ledger`](crate::Ledger), serialisable with the `serde` feature.
///
/// A ledger keeps its state, not its history: each change returns (or is) an event the host
/// stores where it likes, and [`Ledger::events`](crate::Ledger::events) regenerates an
/// equivalent log from the state (one `Recorded` per prestazione in its current form, then one
/// `Revoked` per revoked prestazione, one `Confirmed` per confirmed one, then the external
/// totals). Replaying either log with [`Ledger::replay`](crate::Ledger::replay) gives an equal
/// ledger.
///
/// Replay does not re-check caps or the windows of the revoca and of the confirmation: the log
/// says what was accepted (under whatever [`RecordPolicy`](crate::RecordPolicy)), and an
/// order-independent replay is what makes [`Ledger::merge`](crate::Ledger::merge) exact. It
/// refuses only what cannot be at all (a duplicate id, a revoca of an unknown, LF or confirmed
/// prestazione, a correction that moves it, ...). For a log it does not fully trust, a host
/// replays it with [`Ledger::replay_verified`](crate::Ledger::replay_verified), or checks a
/// ledger with [`Ledger::verify`](crate::Ledger::verify).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{LedgerEvent, PrestazioneId};
/// use time::macros::datetime;
/// let e = LedgerEvent::Revoked { id: PrestazioneId(7), at: datetime!(2026-03-08 10:00 +01:00) };
/// assert!(matches!(e, LedgerEvent::Revoked { id: PrestazioneId(7), .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum LedgerEvent {
    /// A prestazione was recorded.
    Recorded(Prestazione),
    /// A recorded CPO prestazione was revoked at the instant `at` (INPS circ. 107/2017, reading
    /// R-REVOCA).
    Revoked {
        /// The prestazione.
        id: PrestazioneId,
        /// When it was revoked.
        at: OffsetDateTime,
    },
    /// The prestatore confirmed at the instant `at` that the work of a recorded CPO prestazione
    /// took place (reading R-CONFIRMATION): the utilizzatore can no longer revoke it.
    Confirmed {
        /// The prestazione.
        id: PrestazioneId,
        /// When it was confirmed.
        at: OffsetDateTime,
    },
    /// A recorded Libretto Famiglia communication was corrected: the prestazione with the same id
    /// replaces it, with the same prestatore, utilizzatore, instrument and calendar year (a
    /// replay refuses any other, [`LedgerError::CorrectionMoves`](crate::LedgerError::CorrectionMoves)).
    Corrected(Prestazione),
    /// An external year-to-date total was entered.
    ExternalTotalSet(ExternalTotal),
}

/// A [`LedgerEvent`] with the version of the format it is written in: what a host stores, so that
/// a log written today still loads after an upgrade of the crate.
///
/// With the `serde` feature it serialises as `{"v":1,"event":{...}}` (the version first, then the
/// event as [`LedgerEvent`] serialises), and deserialises through [`VersionedEvent::new`].
///
/// The compatibility promise: every release reads every format version up to its own
/// ([`VersionedEvent::FORMAT`]), and writes only its own. A change of the event's serialised
/// shape gets a new version, and the release that makes it still reads the older ones (converting
/// them to the new events). An event written by a newer release (a version above
/// [`VersionedEvent::FORMAT`]) is refused with an error that names its version, never read as
/// something else; so is a version 0 or a missing one. Format 1 is the format of 0.1 (this
/// release).
///
/// Legal basis: none (a storage format).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{LedgerEvent, PrestazioneId, VersionedEvent};
/// use time::macros::datetime;
///
/// let event = LedgerEvent::Revoked { id: PrestazioneId(7), at: datetime!(2026-03-08 10:00 +01:00) };
/// let stored = VersionedEvent::new(event.clone());
/// assert_eq!(stored.version(), VersionedEvent::FORMAT);
/// assert_eq!(stored.into_event(), event);
/// # #[cfg(feature = "serde")]
/// # {
/// let json = serde_json::to_string(&VersionedEvent::new(event.clone()))?;
/// assert_eq!(json, r#"{"v":1,"event":{"Revoked":{"id":7,"at":"2026-03-08 10:00:00.0 +01:00:00"}}}"#);
/// assert_eq!(serde_json::from_str::<VersionedEvent>(&json)?.into_event(), event);
/// // A log written by a newer release is refused, naming its version.
/// let newer = r#"{"v":2,"event":{"Revoked":{"id":7,"at":"2026-03-08 10:00:00.0 +01:00:00"}}}"#;
/// assert_eq!(
///     serde_json::from_str::<VersionedEvent>(newer).unwrap_err().to_string(),
///     "ledger event format version 2 is newer than this release of prestazioni-occasionali reads (1): upgrade the crate to load it at line 1 column 6"
/// );
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VersionedEvent {
    version: u32,
    event: LedgerEvent,
}

impl VersionedEvent {
    /// The format version this release writes, and the newest it reads.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(prestazioni_occasionali::VersionedEvent::FORMAT, 1);
    /// ```
    pub const FORMAT: u32 = 1;

    /// An event in the current format ([`VersionedEvent::FORMAT`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LedgerEvent, PrestazioneId, VersionedEvent};
    /// use time::macros::datetime;
    /// let e = LedgerEvent::Confirmed { id: PrestazioneId(3), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert_eq!(VersionedEvent::new(e.clone()), VersionedEvent::from(e));
    /// ```
    #[must_use]
    pub fn new(event: LedgerEvent) -> VersionedEvent {
        VersionedEvent {
            version: Self::FORMAT,
            event,
        }
    }

    /// The format version the event was read in (or [`VersionedEvent::FORMAT`] for a new one).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LedgerEvent, PrestazioneId, VersionedEvent};
    /// use time::macros::datetime;
    /// let e = LedgerEvent::Confirmed { id: PrestazioneId(3), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert_eq!(VersionedEvent::new(e).version(), 1);
    /// ```
    #[must_use]
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The event, in this release's terms.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LedgerEvent, PrestazioneId, VersionedEvent};
    /// use time::macros::datetime;
    /// let e = LedgerEvent::Confirmed { id: PrestazioneId(3), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert_eq!(VersionedEvent::new(e.clone()).event(), &e);
    /// ```
    #[must_use]
    pub fn event(&self) -> &LedgerEvent {
        &self.event
    }

    /// The event, in this release's terms, by value.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LedgerEvent, PrestazioneId, VersionedEvent};
    /// use time::macros::datetime;
    /// let e = LedgerEvent::Confirmed { id: PrestazioneId(3), at: datetime!(2026-03-08 10:00 +01:00) };
    /// assert_eq!(VersionedEvent::new(e.clone()).into_event(), e);
    /// ```
    #[must_use]
    pub fn into_event(self) -> LedgerEvent {
        self.event
    }
}

impl From<LedgerEvent> for VersionedEvent {
    fn from(event: LedgerEvent) -> VersionedEvent {
        VersionedEvent::new(event)
    }
}

impl From<VersionedEvent> for LedgerEvent {
    fn from(stored: VersionedEvent) -> LedgerEvent {
        stored.event
    }
}

#[cfg(feature = "serde")]
mod versioned_serde {
    use std::fmt;

    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use serde::ser::SerializeStruct;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{LedgerEvent, VersionedEvent};

    impl Serialize for VersionedEvent {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("VersionedEvent", 2)?;
            s.serialize_field("v", &self.version)?;
            s.serialize_field("event", &self.event)?;
            s.end()
        }
    }

    /// The version, checked before the event is read: a newer one is named, never misread.
    fn readable<E: de::Error>(version: u32) -> Result<u32, E> {
        if version == 0 {
            Err(E::custom(
                "ledger event format version 0 does not exist (the first is 1)",
            ))
        } else if version > VersionedEvent::FORMAT {
            Err(E::custom(format_args!(
                "ledger event format version {version} is newer than this release of prestazioni-occasionali reads ({}): upgrade the crate to load it",
                VersionedEvent::FORMAT
            )))
        } else {
            Ok(version)
        }
    }

    struct VersionedVisitor;

    impl<'de> Visitor<'de> for VersionedVisitor {
        type Value = VersionedEvent;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a versioned ledger event {\"v\": version, \"event\": event}")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<VersionedEvent, A::Error> {
            let version: u32 = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(0, &self))?;
            let version = readable(version)?;
            let event: LedgerEvent = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            Ok(VersionedEvent { version, event })
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionedEvent, A::Error> {
            let mut version: Option<u32> = None;
            let mut event: Option<LedgerEvent> = None;
            while let Some(key) = map.next_key::<Field>()? {
                match key {
                    Field::V => {
                        if version.is_some() {
                            return Err(de::Error::duplicate_field("v"));
                        }
                        version = Some(readable(map.next_value()?)?);
                    }
                    Field::Event => {
                        if event.is_some() {
                            return Err(de::Error::duplicate_field("event"));
                        }
                        event = Some(map.next_value()?);
                    }
                }
            }
            let version = version.ok_or_else(|| de::Error::missing_field("v"))?;
            let event = event.ok_or_else(|| de::Error::missing_field("event"))?;
            Ok(VersionedEvent { version, event })
        }
    }

    #[derive(Deserialize)]
    #[serde(field_identifier, rename_all = "lowercase")]
    enum Field {
        V,
        Event,
    }

    impl<'de> Deserialize<'de> for VersionedEvent {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VersionedEvent, D::Error> {
            deserializer.deserialize_struct("VersionedEvent", &["v", "event"], VersionedVisitor)
        }
    }
}
