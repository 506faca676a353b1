//! What the ledger totals: per prestatore, per utilizzatore, per pair, per instrument and month,
//! and the external year-to-date totals a host enters (reading R-YEAR-OF-WORK: every total is per
//! calendar year of the day of the work); the public views of them, and how one entry's change
//! ([`Delta`]) steps each total, checked. Where the totals are stored is `year.rs`.

use rust_decimal::Decimal;
use time::Date;

use super::LedgerError;
use crate::money::Euro;

/// A prestatore's totals in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL); the year
/// is the calendar year of the day of the work (reading R-YEAR-OF-WORK).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, PrestatoreTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.prestatore_totals(&"RSSMRA85T10A562S".parse()?, 2026);
/// assert_eq!(totals, PrestatoreTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrestatoreTotals {
    /// Every compenso recorded in this ledger (stewards included).
    pub compensi: Euro,
    /// The part of `compensi` that counts toward cap a (steward compensi only if
    /// `Rules::steward_counts_toward_cap_prestatore`, reading R-STEWARD-CAP-A).
    pub counted_cap_prestatore: Euro,
    /// The compensi from utilizzatori outside this ledger, as the host entered them
    /// ([`ExternalTotal`](crate::ExternalTotal)); they count toward cap a too.
    pub external: Euro,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// An utilizzatore's totals in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. b and c. 8 D.L. 50/2017 (CAP-UTILIZZATORE-TOTAL,
/// CAP-75PCT); INPS circ. 95/2018 (steward compensi are outside cap b).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, UtilizzatoreTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.utilizzatore_totals(&"12345670157".parse()?, 2026);
/// assert_eq!(totals, UtilizzatoreTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UtilizzatoreTotals {
    /// Every compenso paid (stewards included).
    pub compensi: Euro,
    /// The nominal compensi that count toward cap b (stewards excluded).
    pub nominal_cap_utilizzatore: Euro,
    /// The same compensi as counted in cap b: those of comma-8 prestatori weighted (75%),
    /// exact (not rounded; round only for display).
    pub counted_cap_utilizzatore: Decimal,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// The totals of one prestatore with one utilizzatore in one calendar year.
///
/// Legal basis: art. 54-bis c. 1 lett. c, c-bis and c. 20 D.L. 50/2017 (CAP-PAIR,
/// CAP-STEWARD, HOURS-280).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, PairTotals};
/// let ledger = Ledger::default();
/// let totals = ledger.pair_totals(&"RSSMRA85T10A562S".parse()?, &"12345670157".parse()?, 2026);
/// assert_eq!(totals, PairTotals::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PairTotals {
    /// Every compenso.
    pub compensi: Euro,
    /// The compensi counted toward cap c (everything but steward services).
    pub counted_cap_pair: Euro,
    /// The steward compensi, counted toward cap c-bis (the utilizzatore is then a società
    /// sportiva).
    pub counted_cap_steward: Euro,
    /// Every minute worked.
    pub minutes: u32,
    /// The minutes counted toward the hour limit (LF minutes only when
    /// `Rules::hours_limit_applies_to_lf`, reading R-HOURS-LF).
    pub counted_minutes: u32,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// Totals of a period or an instrument: compensi, minutes, prestazioni.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Instrument, Ledger, PeriodTotals};
/// let ledger = Ledger::default();
/// assert_eq!(ledger.instrument_totals(2026, Instrument::LibrettoFamiglia), PeriodTotals::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PeriodTotals {
    /// Every compenso.
    pub compensi: Euro,
    /// Every minute worked.
    pub minutes: u64,
    /// How many prestazioni (not revoked) are recorded.
    pub prestazioni: u32,
}

/// A prestatore's year: cents, and how many prestazioni.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PTot {
    pub(crate) all: u64,
    pub(crate) cap_a: u64,
    pub(crate) count: u32,
}

/// An utilizzatore's year: cents, the exact weighted cap-b total, and how many prestazioni.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct UTot {
    pub(crate) all: u64,
    pub(crate) nominal_b: u64,
    pub(crate) weighted_b: Decimal,
    pub(crate) count: u32,
}

/// A pair's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PairTot {
    pub(crate) all: u64,
    pub(crate) cap_c: u64,
    pub(crate) steward: u64,
    pub(crate) minutes: u32,
    pub(crate) counted_minutes: u32,
    pub(crate) count: u32,
}

/// A month of one instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PeriodTot {
    pub(crate) all: u64,
    pub(crate) minutes: u64,
    pub(crate) count: u32,
}

/// An external year-to-date total as entered: the reading with the latest `as_of` wins (ties:
/// the larger amount), which makes setting it order-independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct External {
    pub(crate) as_of: Date,
    pub(crate) cents: u64,
}

/// What one entry adds to (or removes from) the totals.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Delta {
    pub(crate) cents: u64,
    pub(crate) minutes: u32,
    pub(crate) cap_a: bool,
    pub(crate) cap_b: Option<Decimal>,
    pub(crate) cap_c: bool,
    pub(crate) steward: bool,
    pub(crate) hours: bool,
    pub(crate) instrument: usize,
    pub(crate) month: usize,
}

fn overflow(what: &'static str) -> LedgerError {
    LedgerError::Overflow { what }
}

pub(crate) fn step64(add: bool, a: u64, b: u64, what: &'static str) -> Result<u64, LedgerError> {
    if add {
        a.checked_add(b)
    } else {
        a.checked_sub(b)
    }
    .ok_or_else(|| overflow(what))
}

fn step32(add: bool, a: u32, b: u32, what: &'static str) -> Result<u32, LedgerError> {
    if add {
        a.checked_add(b)
    } else {
        a.checked_sub(b)
    }
    .ok_or_else(|| overflow(what))
}

impl UTot {
    /// These totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<UTot, LedgerError> {
        Ok(UTot {
            all: step64(add, self.all, d.cents, "utilizzatore compensi")?,
            nominal_b: if d.cap_b.is_some() {
                step64(add, self.nominal_b, d.cents, "cap b nominal total")?
            } else {
                self.nominal_b
            },
            weighted_b: match d.cap_b {
                Some(w) if add => self.weighted_b.checked_add(w),
                Some(w) => self.weighted_b.checked_sub(w),
                None => Some(self.weighted_b),
            }
            .ok_or_else(|| overflow("cap b weighted total"))?,
            count: step32(add, self.count, 1, "utilizzatore count")?,
        })
    }
}

impl PeriodTot {
    /// These totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<PeriodTot, LedgerError> {
        Ok(PeriodTot {
            all: step64(add, self.all, d.cents, "period compensi")?,
            minutes: step64(add, self.minutes, u64::from(d.minutes), "period minutes")?,
            count: step32(add, self.count, 1, "period count")?,
        })
    }
}

impl PairTot {
    /// A pair's totals with one entry added or removed.
    pub(crate) fn step(&self, d: &Delta, add: bool) -> Result<PairTot, LedgerError> {
        Ok(PairTot {
            all: step64(add, self.all, d.cents, "pair compensi")?,
            cap_c: if d.cap_c {
                step64(add, self.cap_c, d.cents, "cap c total")?
            } else {
                self.cap_c
            },
            steward: if d.steward {
                step64(add, self.steward, d.cents, "cap c-bis total")?
            } else {
                self.steward
            },
            minutes: step32(add, self.minutes, d.minutes, "pair minutes")?,
            counted_minutes: if d.hours {
                step32(add, self.counted_minutes, d.minutes, "pair counted minutes")?
            } else {
                self.counted_minutes
            },
            count: step32(add, self.count, 1, "pair count")?,
        })
    }
}

/// Cents as euro (every total the ledger keeps fits: it is a sum of [`Euro`] amounts).
pub(crate) fn euro(cents: u64) -> Euro {
    Euro::from_cents(cents)
}
