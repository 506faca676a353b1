//! The Scrivania Prestatore: the prestatore's desk of the 2026 portal — every prestazione
//! communicated by every utilizzatore with its status, the payments by INPS with their fees, the
//! annual prospetto compensi, and the payment method in force on each day.
//!
//! Legal basis: INPS msg 3932 of 24/12/2025 and the INPS press release of 29/12/2025
//! (REG-PORTAL-2026); art. 54-bis c. 1 lett. a, c. 10-11, c. 13, 15, c. 18 D.L. 50/2017; INPS
//! circ. 107/2017 (readings R-YEAR-OF-WORK, R-PAYMENT-DAY, R-REVOCA, R-FEES,
//! R-FEE-PER-PRESTAZIONE).

use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::fmt;

use time::{Date, Month, OffsetDateTime};

use crate::civil_time::ItalianClock;
use crate::format::{duration, instant};
use crate::identity::CodiceFiscale;
use crate::instruments::{
    CostBreakdown, can_confirm, can_revoke, payment_date, revoca_deadline_at,
};
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::payment::{PaymentMode, net_received};
use crate::prestazione::{Instrument, Prestazione, PrestazioneError, PrestazioneId, lf_titoli};
use crate::registration::{Effective, PaymentMethod, in_force_on};
use crate::rules::{Cited, Rules, RulesError, RulesTable};

/// Why the desk cannot be built from the data given.
///
/// Legal basis: INPS circ. 107/2017 (revoca, payment; CPO-REVOCA, CPO-PAY, PAY-MODES);
/// art. 54-bis c. 10-11 D.L. 50/2017 (LF titoli).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{PrestazioneId, ScrivaniaError};
/// let e = ScrivaniaError::Duplicate { id: PrestazioneId(7) };
/// assert_eq!(e.to_string(), "prestazione #7 is given twice");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScrivaniaError {
    /// Two records with the same prestazione id.
    #[error("prestazione {id} is given twice")]
    Duplicate {
        /// The id.
        id: PrestazioneId,
    },
    /// Revoked before it was communicated.
    #[error(
        "prestazione {id}: revoked at {}, before it was communicated at {}",
        instant(.revoked_at),
        instant(.communicated_at)
    )]
    RevokedBeforeCommunication {
        /// The id.
        id: PrestazioneId,
        /// Revocation instant.
        revoked_at: OffsetDateTime,
        /// Communication instant.
        communicated_at: OffsetDateTime,
    },
    /// Revoked after the revoca deadline.
    #[error(
        "prestazione {id}: revoked at {}, after the deadline {} (INPS circ. 107/2017, reading R-REVOCA)",
        instant(.revoked_at),
        instant(.deadline)
    )]
    LateRevoca {
        /// The id.
        id: PrestazioneId,
        /// Revocation instant, in the Italian offset.
        revoked_at: OffsetDateTime,
        /// The deadline: 23:59:59 Italian civil time, in the Italian offset.
        deadline: OffsetDateTime,
    },
    /// A confirmation by the prestatore of a Libretto Famiglia communication (only a CPO
    /// prestazione is confirmed, reading R-CONFIRMATION).
    #[error(
        "prestazione {id}: the prestatore confirms only a cpo prestazione (reading R-CONFIRMATION)"
    )]
    ConfirmationNotCpo {
        /// The id.
        id: PrestazioneId,
    },
    /// A confirmation outside its window: from the day of the work until the revoca deadline.
    #[error(
        "prestazione {id}: confirmed at {}, outside the window from the day of the work {day} to {} (INPS circ. 107/2017, reading R-CONFIRMATION)",
        instant(.confirmed_at),
        instant(.deadline)
    )]
    ConfirmationOutsideWindow {
        /// The id.
        id: PrestazioneId,
        /// The confirmation instant.
        confirmed_at: OffsetDateTime,
        /// The day of the work.
        day: Date,
        /// The end of the window: 23:59:59 Italian civil time, in the Italian offset.
        deadline: OffsetDateTime,
    },
    /// Revoked after the prestatore's confirmation (a confirmed prestazione cannot be revoked,
    /// reading R-CONFIRMATION).
    #[error(
        "prestazione {id}: revoked at {}, after the prestatore confirmed it at {} (reading R-CONFIRMATION)",
        instant(.revoked_at),
        instant(.confirmed_at)
    )]
    RevokedAfterConfirmation {
        /// The id.
        id: PrestazioneId,
        /// The revocation instant.
        revoked_at: OffsetDateTime,
        /// The confirmation instant.
        confirmed_at: OffsetDateTime,
    },
    /// Both revoked and paid.
    #[error("prestazione {id} is both revoked and paid")]
    RevokedAndPaid {
        /// The id.
        id: PrestazioneId,
    },
    /// Paid before the day of the work.
    #[error("prestazione {id}: paid on {paid_on}, before the day of the work {day}")]
    PaidBeforeWork {
        /// The id.
        id: PrestazioneId,
        /// Payment day.
        paid_on: Date,
        /// Day of the work.
        day: Date,
    },
    /// No payment method in force on the payment day.
    #[error("prestazione {id}: no payment method is in force on {on}")]
    NoPaymentMethod {
        /// The id.
        id: PrestazioneId,
        /// The day.
        on: Date,
    },
    /// The payment mode did not exist on the payment day.
    #[error("prestazione {id}: payment mode {mode} is not available on {on}")]
    ModeNotAvailable {
        /// The id.
        id: PrestazioneId,
        /// The mode.
        mode: PaymentMode,
        /// The day.
        on: Date,
    },
    /// The fee is larger than the compenso.
    #[error(
        "prestazione {id}: fee {} exceeds the compenso {}",
        .fee.to_italian(),
        .compenso.to_italian()
    )]
    FeeExceedsCompenso {
        /// The id.
        id: PrestazioneId,
        /// The fee.
        fee: Euro,
        /// The compenso.
        compenso: Euro,
    },
    /// The prestazione is not valid under the desk's rules table: an LF compenso that is not
    /// whole titoli of the table's titolo, or fewer titoli than its minutes need (LF-TITOLO; the
    /// same rule, and the same error, as the ledger's).
    #[error(transparent)]
    Prestazione(#[from] PrestazioneError),
    /// A date or amount of a prestazione outside the supported range.
    #[error("prestazione {id}: {what} is out of range")]
    Overflow {
        /// The id.
        id: PrestazioneId,
        /// Which value.
        what: &'static str,
    },
    /// An argument of the desk (the viewing instant, the year of a prospetto) outside the
    /// supported range.
    #[error("{what} {value} is out of the supported range")]
    OutOfRange {
        /// Which argument.
        what: &'static str,
        /// The value given.
        value: String,
    },
    /// A total of the prospetto that does not fit its type.
    #[error("the prospetto's total of {what} overflows")]
    TotalOverflow {
        /// Which total.
        what: &'static str,
    },
    /// No rules in force on a day.
    #[error(transparent)]
    Rules(#[from] RulesError),
}

/// `10/03/2026`: a day as the portal shows it.
fn day_it(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year())
}

/// `10/03/2026 23:59:59`: the Italian civil time of an instant (as given at the extremes of
/// the representable dates).
fn local_it(t: &OffsetDateTime) -> String {
    let t = ItalianClock::embedded().to_italian(*t).unwrap_or(*t);
    format!(
        "{} {:02}:{:02}:{:02}",
        day_it(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A prestazione as communicated, with what the host knows of it: when it was communicated,
/// whether and when it was revoked, whether and when the prestatore confirmed it, and the day
/// INPS paid it.
///
/// Legal basis: art. 54-bis c. 17 D.L. 50/2017 (communication); INPS circ. 107/2017 (revoca,
/// confirmation, payment; reading R-REVOCA, R-CONFIRMATION).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{
/// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
/// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
/// # };
/// # use time::macros::{date, datetime};
/// # let mario = "RSSMRA85T10A562S".parse()?;
/// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
/// #     id: PrestazioneId(id),
/// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
/// #     prestatore: mario,
/// #     utilizzatore: "00743110157".parse().expect("valid"),
/// #     day,
/// #     minutes: 240,
/// #     compenso: Euro::from_euros(36),
/// #     special_category: false,
/// #     steward: false,
/// #     profile: CapProfile::default(),
/// # });
/// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
/// #     communicated_at: datetime!(2026-03-01 08:00 +1),
/// #     prestazione: p,
/// #     revoked_at: None,
/// #     confirmed_at: None,
/// #     paid_on,
/// # };
/// # let methods = [
/// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
/// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
/// # ];
/// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
/// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
/// let now = datetime!(2026-04-20 09:00 +2);
/// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
/// // The revoked prestazione is not due; the paid one shows its payment.
/// let revoked = CommunicatedPrestazione { revoked_at: Some(datetime!(2026-04-05 10:00 +2)), ..communicated(work(3, date!(2026 - 04 - 04))?, None) };
/// let desk = Scrivania::new(mario, &[revoked.clone()], &methods, RulesTable::embedded(), now)?;
/// assert_eq!(desk.entries()[0].status, PrestazioneStatus::Revoked { at: datetime!(2026-04-05 10:00 +2) });
/// // Revoked and paid at once is refused.
/// let both = CommunicatedPrestazione { paid_on: Some(date!(2026 - 05 - 15)), ..revoked };
/// assert_eq!(
///     Scrivania::new(mario, &[both], &methods, RulesTable::embedded(), now).unwrap_err().to_string(),
///     "prestazione #3 is both revoked and paid"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CommunicatedPrestazione {
    /// The prestazione.
    pub prestazione: Prestazione,
    /// The instant of the communication (any offset).
    pub communicated_at: OffsetDateTime,
    /// The instant of the revocation, if revoked (any offset).
    pub revoked_at: Option<OffsetDateTime>,
    /// The instant the prestatore confirmed that the work took place, if confirmed (a CPO
    /// prestazione, from its day until 23:59:59 of the 3rd day after; reading R-CONFIRMATION).
    /// Missing in serialised data written before the field existed: `None`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub confirmed_at: Option<OffsetDateTime>,
    /// The day INPS paid it, if paid.
    pub paid_on: Option<Date>,
}

/// The status of a prestazione on the desk at the instant it is viewed. `Display` gives the
/// line the desk shows, with days as `dd/mm/yyyy`.
///
/// Legal basis: INPS circ. 107/2017 (revoca until the 3rd day after, the prestatore's
/// confirmation within the same days, payment by the 15th of the next month; CPO-REVOCA,
/// CPO-PAY, reading R-PAYMENT-DAY, R-REVOCA, R-CONFIRMATION).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::PrestazioneStatus;
/// use time::macros::{date, datetime};
///
/// let confirmed = PrestazioneStatus::Confirmed { at: datetime!(2026-03-07 20:00 +1), expected_by: date!(2026 - 04 - 15) };
/// assert_eq!(confirmed.to_string(), "confirmed by the prestatore on 07/03/2026 20:00:00, due, expected by 15/04/2026");
/// let contested = PrestazioneStatus::RevokedConfirmed { revoked_at: datetime!(2026-03-08 09:00 +1), confirmed_at: datetime!(2026-03-08 18:00 +1) };
/// assert_eq!(
///     contested.to_string(),
///     "revoked on 08/03/2026 09:00:00, the prestatore confirmed on 08/03/2026 18:00:00 that the work took place"
/// );
///
/// let open = PrestazioneStatus::Communicated { revocable_until: datetime!(2026-03-10 23:59:59 +01:00) };
/// assert_eq!(open.to_string(), "communicated, revocable until 10/03/2026 23:59:59");
/// let revoked = PrestazioneStatus::Revoked { at: datetime!(2026-03-09 10:00 +1) };
/// assert_eq!(revoked.to_string(), "revoked on 09/03/2026 10:00:00");
/// // The lines show Italian civil time, whatever the offset of the instant.
/// let utc = PrestazioneStatus::Revoked { at: datetime!(2026-03-10 23:30 UTC) };
/// assert_eq!(utc.to_string(), "revoked on 11/03/2026 00:30:00");
/// assert_eq!(PrestazioneStatus::Due { expected_by: date!(2026 - 04 - 15) }.to_string(), "due, expected by 15/04/2026");
/// assert_eq!(PrestazioneStatus::Paid { on: date!(2026 - 04 - 14) }.to_string(), "paid on 14/04/2026");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum PrestazioneStatus {
    /// Communicated and still revocable by the utilizzatore until this instant (CPO).
    Communicated {
        /// The revoca deadline: 23:59:59 Italian civil time of the 3rd calendar day after the day
        /// (reading R-REVOCA, R-CIVIL-TIME), in the Italian offset.
        revocable_until: OffsetDateTime,
    },
    /// Revoked: not due, not counted.
    Revoked {
        /// The instant of the revocation (in the Italian offset on the desk).
        at: OffsetDateTime,
    },
    /// Due, to be paid by INPS by this day.
    Due {
        /// The expected payment day (the 15th of the next month, reading R-PAYMENT-DAY).
        expected_by: Date,
    },
    /// Paid.
    Paid {
        /// The payment day.
        on: Date,
    },
    /// Confirmed by the prestatore: no longer revocable, due, to be paid by INPS by
    /// `expected_by` (reading R-CONFIRMATION).
    Confirmed {
        /// The instant of the confirmation.
        at: OffsetDateTime,
        /// The expected payment day (the 15th of the next month, reading R-PAYMENT-DAY).
        expected_by: Date,
    },
    /// Revoked by the utilizzatore, then confirmed by the prestatore, who states that the work
    /// took place: the revoca stands (not due, not counted) until INPS decides (reading
    /// R-CONFIRMATION).
    RevokedConfirmed {
        /// The instant of the revocation.
        revoked_at: OffsetDateTime,
        /// The instant of the confirmation.
        confirmed_at: OffsetDateTime,
    },
}

/// One payment by INPS, one per prestazione (reading R-FEE-PER-PRESTAZIONE): the compenso, the
/// fee withheld by the payment method in force on the payment day, and the net amount. `Display`
/// gives one line with the amounts in the Italian format.
///
/// Legal basis: INPS circ. 107/2017; INPS msg 410/2023 (PAY-MODES, reading R-FEES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Instrument, Payment, PaymentMode, PrestazioneId};
/// use time::macros::date;
///
/// let payment = Payment {
///     prestazione: PrestazioneId(1),
///     utilizzatore: "00743110157".parse()?,
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     on: date!(2026 - 04 - 15),
///     mode: PaymentMode::BonificoDomiciliato,
///     compenso: Euro::from_euros(36),
///     fee: Euro::from_cents(384),
///     net: Euro::from_cents(3216),
/// };
/// assert_eq!(
///     payment.to_string(),
///     "15/04/2026 CPO #1 from 00743110157: 36,00 € by bonifico domiciliato, fee 3,84 €, net 32,16 €"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Payment {
    /// The prestazione paid.
    pub prestazione: PrestazioneId,
    /// The utilizzatore.
    pub utilizzatore: UtilizzatoreId,
    /// The instrument.
    pub instrument: Instrument,
    /// The payment day (expected or actual).
    pub on: Date,
    /// The mode.
    pub mode: PaymentMode,
    /// The compenso.
    pub compenso: Euro,
    /// The fee withheld.
    pub fee: Euro,
    /// Compenso minus fee.
    pub net: Euro,
}

/// One line of the desk. `Display` gives the day, instrument, utilizzatore, duration,
/// compenso and status.
///
/// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{
/// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
/// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
/// # };
/// # use time::macros::{date, datetime};
/// # let mario = "RSSMRA85T10A562S".parse()?;
/// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
/// #     id: PrestazioneId(id),
/// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
/// #     prestatore: mario,
/// #     utilizzatore: "00743110157".parse().expect("valid"),
/// #     day,
/// #     minutes: 240,
/// #     compenso: Euro::from_euros(36),
/// #     special_category: false,
/// #     steward: false,
/// #     profile: CapProfile::default(),
/// # });
/// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
/// #     communicated_at: datetime!(2026-03-01 08:00 +1),
/// #     prestazione: p,
/// #     revoked_at: None,
/// #     confirmed_at: None,
/// #     paid_on,
/// # };
/// # let methods = [
/// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
/// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
/// # ];
/// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
/// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
/// let now = datetime!(2026-04-20 09:00 +2);
/// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
/// let first = &desk.entries()[0];
/// assert_eq!(first.expected_payment, date!(2026 - 04 - 15));
/// assert_eq!(first.payment.map(|p| p.net), Some(Euro::from_cents(3216)));
/// assert_eq!(
///     first.to_string(),
///     "07/03/2026 CPO #1 from 00743110157: 4 h 00 min, 36,00 € - paid on 15/04/2026"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeskEntry {
    /// The prestazione.
    pub prestazione: Prestazione,
    /// When it was communicated, in the Italian offset.
    pub communicated_at: OffsetDateTime,
    /// The status at the instant the desk is viewed.
    pub status: PrestazioneStatus,
    /// When the prestatore confirmed it (CPO only, reading R-CONFIRMATION): also shown by the
    /// status until it is paid.
    pub confirmed_at: Option<OffsetDateTime>,
    /// The revoca deadline (CPO only): 23:59:59 Italian civil time, in the Italian offset.
    pub revocable_until: Option<OffsetDateTime>,
    /// The day INPS pays by (the 15th of the next month, reading R-PAYMENT-DAY).
    pub expected_payment: Date,
    /// The payment (actual when paid; `None` when revoked or not yet paid).
    pub payment: Option<Payment>,
    /// IVS contributions credited to the Gestione Separata.
    pub ivs: Euro,
    /// INAIL premium credited.
    pub inail: Euro,
}

/// One line of the prospetto: the totals of one utilizzatore and instrument. `Display` gives
/// them on one line with the amounts in the Italian format.
///
/// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026); contributions: art. 54-bis
/// c. 10-11 D.L. 50/2017 for the Libretto Famiglia titolo (LF-TITOLO), c. 13, 15 for the
/// CPO (CPO-CONTRIB).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Instrument, ProspettoRow};
///
/// let row = ProspettoRow {
///     utilizzatore: "00743110157".parse()?,
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestazioni: 2,
///     compensi: Euro::from_euros(72),
///     minutes: 480,
///     ivs: Euro::from_cents(2376),
///     inail: Euro::from_cents(252),
///     fees: Euro::from_cents(384),
/// };
/// assert_eq!(row.hours().to_string(), "8");
/// assert_eq!(
///     row.to_string(),
///     "00743110157 CPO: 2 prestazioni, 8 h 00 min, compensi 72,00 €, IVS 23,76 €, INAIL 2,52 €, fees 3,84 €"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProspettoRow {
    /// The utilizzatore.
    pub utilizzatore: UtilizzatoreId,
    /// The instrument.
    pub instrument: Instrument,
    /// How many prestazioni (not revoked).
    pub prestazioni: u32,
    /// Compensi.
    pub compensi: Euro,
    /// Minutes worked.
    pub minutes: u64,
    /// IVS contributions credited (LF: 1,65 per titolo; CPO: 33% per prestazione, rounded).
    pub ivs: Euro,
    /// INAIL premium credited (LF: 0,25 per titolo; CPO: 3,5% per prestazione, rounded).
    pub inail: Euro,
    /// Fees withheld from the payments made.
    pub fees: Euro,
}

impl ProspettoRow {
    /// The hours worked, to the hundredth.
    /// `Display` shows the exact duration instead, as `242 h 40 min` (the crate's format for hours).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Instrument, ProspettoRow};
    ///
    /// let row = ProspettoRow {
    ///     utilizzatore: "00743110157".parse()?,
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestazioni: 60,
    ///     compensi: Euro::from_euros(2_184),
    ///     minutes: 14_560,
    ///     ivs: Euro::ZERO,
    ///     inail: Euro::ZERO,
    ///     fees: Euro::ZERO,
    /// };
    /// // 14.560 minutes: 242,67 hours as a number; `Display` shows 242 h 40 min.
    /// assert_eq!(row.hours().to_string(), "242.67");
    /// assert!(row.to_string().contains(", 242 h 40 min, "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn hours(&self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::from(self.minutes)
            .checked_div(rust_decimal::Decimal::from(60))
            .unwrap_or_default()
            .round_dp(2)
    }
}

/// The annual prospetto compensi: per utilizzatore and instrument, and the total against cap a.
///
/// A prestazione counts in the calendar year of its day (reading R-YEAR-OF-WORK); revoked prestazioni are
/// excluded. The cap is the lowest cap a in force during the year.
///
/// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017; INPS msg 3932/2025
/// (CAP-PRESTATORE-TOTAL, REG-PORTAL-2026).
///
/// `Display` gives a heading line with the total against cap a and its citation, then one
/// line per row.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{RulesTable, Scrivania};
/// use time::macros::datetime;
/// let desk = Scrivania::new("RSSMRA85T10A562S".parse()?, &[], &[], RulesTable::embedded(), datetime!(2026-03-12 09:00 +1))?;
/// let text = desk.prospetto(2026)?.to_string();
/// assert!(text.starts_with("prospetto compensi 2026: 0,00 € of cap a 5.000,00 € ("), "{text}");
/// assert!(text.ends_with("), 5.000,00 € left"), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Prospetto {
    /// The year.
    pub year: i32,
    /// One row per utilizzatore and instrument, ordered by utilizzatore then instrument.
    pub rows: Vec<ProspettoRow>,
    /// The total of compensi from all utilizzatori.
    pub total_compensi: Euro,
    /// Cap a with its citation.
    pub cap: Cited<Euro>,
    /// What is left before cap a (zero once reached).
    pub room_left: Euro,
    /// How much the total exceeds cap a (zero when within it; a total equal to the cap is
    /// lawful, reading R-CAP-INCLUSIVE).
    pub excess: Euro,
}

impl fmt::Display for PrestazioneStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrestazioneStatus::Communicated { revocable_until } => write!(
                f,
                "communicated, revocable until {}",
                local_it(revocable_until)
            ),
            PrestazioneStatus::Revoked { at } => write!(f, "revoked on {}", local_it(at)),
            PrestazioneStatus::Due { expected_by } => {
                write!(f, "due, expected by {}", day_it(*expected_by))
            }
            PrestazioneStatus::Paid { on } => write!(f, "paid on {}", day_it(*on)),
            PrestazioneStatus::Confirmed { at, expected_by } => write!(
                f,
                "confirmed by the prestatore on {}, due, expected by {}",
                local_it(at),
                day_it(*expected_by)
            ),
            PrestazioneStatus::RevokedConfirmed {
                revoked_at,
                confirmed_at,
            } => write!(
                f,
                "revoked on {}, the prestatore confirmed on {} that the work took place",
                local_it(revoked_at),
                local_it(confirmed_at)
            ),
        }
    }
}

impl fmt::Display for Payment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} from {}: {} by {}, fee {}, net {}",
            day_it(self.on),
            self.instrument,
            self.prestazione,
            self.utilizzatore,
            self.compenso.to_italian(),
            self.mode,
            self.fee.to_italian(),
            self.net.to_italian()
        )
    }
}

impl fmt::Display for DeskEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.prestazione;
        write!(
            f,
            "{} {} {} from {}: {}, {} - {}",
            day_it(p.day()),
            p.instrument(),
            p.id(),
            p.utilizzatore(),
            duration(u64::from(p.minutes())),
            p.compenso().to_italian(),
            self.status
        )
    }
}

impl fmt::Display for ProspettoRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} {}, {}, compensi {}, IVS {}, INAIL {}, fees {}",
            self.utilizzatore,
            self.instrument,
            self.prestazioni,
            if self.prestazioni == 1 {
                "prestazione"
            } else {
                "prestazioni"
            },
            duration(self.minutes),
            self.compensi.to_italian(),
            self.ivs.to_italian(),
            self.inail.to_italian(),
            self.fees.to_italian()
        )
    }
}

impl fmt::Display for Prospetto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "prospetto compensi {}: {} of cap a {} ({}), ",
            self.year,
            self.total_compensi.to_italian(),
            self.cap.value.to_italian(),
            self.cap.citation
        )?;
        if self.excess.is_zero() {
            write!(f, "{} left", self.room_left.to_italian())?;
        } else {
            write!(f, "{} over the cap", self.excess.to_italian())?;
        }
        for row in &self.rows {
            write!(f, "\n  {row}")?;
        }
        Ok(())
    }
}

/// The Scrivania Prestatore, as seen at one instant.
///
/// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, Prestazione,
///     PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
/// };
/// use time::macros::{date, datetime};
///
/// let mario = "RSSMRA85T10A562S".parse()?;
/// let p = Prestazione::try_from(PrestazioneDraft {
///     id: PrestazioneId(1),
///     instrument: Instrument::ContrattoPrestazioneOccasionale,
///     prestatore: mario,
///     utilizzatore: "00743110157".parse()?,
///     day: date!(2026 - 03 - 07),
///     minutes: 240,
///     compenso: Euro::from_euros(36),
///     special_category: false,
///     steward: false,
///     profile: CapProfile::default(),
/// })?;
/// let communicated = CommunicatedPrestazione {
///     prestazione: p,
///     communicated_at: datetime!(2026-03-07 08:00 +1),
///     revoked_at: None,
///     confirmed_at: None,
///     paid_on: None,
/// };
/// let methods = [Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato }];
/// let desk = Scrivania::new(mario, &[communicated], &methods, RulesTable::embedded(), datetime!(2026-03-12 09:00 +1))?;
/// assert_eq!(desk.entries()[0].status, PrestazioneStatus::Due { expected_by: date!(2026 - 04 - 15) });
/// assert_eq!(desk.entries()[0].ivs, Euro::from_cents(1188));
/// assert_eq!(
///     desk.entries()[0].to_string(),
///     "07/03/2026 CPO #1 from 00743110157: 4 h 00 min, 36,00 € - due, expected by 15/04/2026"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Scrivania {
    prestatore: CodiceFiscale,
    viewed_at: OffsetDateTime,
    entries: Vec<DeskEntry>,
    payment_history: Vec<Effective<PaymentMethod>>,
    /// Cap a of every version of the rules table: first day and value.
    #[cfg_attr(feature = "serde", serde(skip))]
    caps: Vec<(Date, Cited<Euro>)>,
}

impl Scrivania {
    /// Builds the desk of `prestatore` at the instant `now` from the prestazioni communicated by
    /// all utilizzatori (those of other prestatori are ignored; the codice fiscale is compared as
    /// the same holder) and the prestatore's payment-method history (e.g.
    /// [`Registration::payment_history`](crate::Registration::payment_history)). Each
    /// computation uses the rules of `table` in force on its day: the revoca deadline and the
    /// payment day on the prestazione's day, the fee on the payment day, once per prestazione
    /// (reading R-FEE-PER-PRESTAZIONE).
    ///
    /// # Errors
    ///
    /// A [`ScrivaniaError`] naming the prestazione: a duplicate id, a revocation before the
    /// communication or after the deadline, a prestazione both revoked and paid or paid before
    /// the work, no payment method on the payment day, a mode not available that day, a fee
    /// above the compenso, an LF compenso that is not a whole number of titoli, or no rules;
    /// [`ScrivaniaError::OutOfRange`] for a viewing instant `now` whose Italian civil time is
    /// outside `time`'s dates.
    ///
    /// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026); INPS circ. 107/2017
    /// (CPO-REVOCA, CPO-PAY, PAY-MODES, reading R-PAYMENT-DAY, R-REVOCA, R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    ///     Prestazione, PrestazioneDraft, PrestazioneId, RulesTable, Scrivania,
    /// };
    /// use time::macros::{date, datetime};
    ///
    /// let mario = "RSSMRA85T10A562S".parse()?;
    /// let p = Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(1),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: mario,
    ///     utilizzatore: "00743110157".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 240,
    ///     compenso: Euro::from_euros(36),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// })?;
    /// let paid = CommunicatedPrestazione {
    ///     prestazione: p,
    ///     communicated_at: datetime!(2026-03-07 08:00 +1),
    ///     revoked_at: None,
    ///     confirmed_at: None,
    ///     paid_on: Some(date!(2026 - 04 - 15)),
    /// };
    /// let methods = [Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato }];
    /// let now = datetime!(2026-04-20 09:00 +1);
    /// let desk = Scrivania::new(mario, std::slice::from_ref(&paid), &methods, RulesTable::embedded(), now)?;
    /// assert_eq!(desk.prestatore(), mario);
    /// assert_eq!(desk.viewed_at(), now);
    /// assert_eq!(desk.entries().len(), 1);
    /// assert_eq!(desk.payments()[0].net, Euro::from_cents(3216));
    /// assert_eq!(desk.payment_method_on(date!(2026 - 04 - 15)).map(PaymentMethod::mode), Some(PaymentMode::BonificoDomiciliato));
    /// assert_eq!(desk.payment_history().len(), 1);
    ///
    /// // The same prestazione twice is refused.
    /// let twice = [paid.clone(), paid];
    /// assert_eq!(
    ///     Scrivania::new(mario, &twice, &methods, RulesTable::embedded(), now).unwrap_err().to_string(),
    ///     "prestazione #1 is given twice"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        prestatore: CodiceFiscale,
        prestazioni: &[CommunicatedPrestazione],
        payment_history: &[Effective<PaymentMethod>],
        table: &RulesTable,
        now: OffsetDateTime,
    ) -> Result<Scrivania, ScrivaniaError> {
        let mut history = payment_history.to_vec();
        history.sort_by_key(|e| e.from);
        let mut seen = BTreeSet::new();
        let mut entries = Vec::new();
        for c in prestazioni {
            let p = &c.prestazione;
            if !p.prestatore().same_holder(&prestatore) {
                continue;
            }
            let id = p.id();
            if !seen.insert(id) {
                return Err(ScrivaniaError::Duplicate { id });
            }
            entries.push(entry(c, &history, table, now)?);
        }
        entries.sort_by_key(|e| (e.prestazione.day(), e.prestazione.id()));
        let viewed_at = ItalianClock::of_table(table).to_italian(now).map_err(|_| {
            ScrivaniaError::OutOfRange {
                what: "viewing instant",
                value: now.to_string(),
            }
        })?;
        Ok(Scrivania {
            prestatore,
            viewed_at,
            entries,
            payment_history: history,
            caps: table
                .versions()
                .iter()
                .map(|v| (v.valid_from(), v.cap_prestatore.clone()))
                .collect(),
        })
    }

    /// The prestatore.
    ///
    /// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// assert_eq!(desk.prestatore(), mario);
    /// // Another prestatore's desk does not show Mario's prestazioni.
    /// let other = Scrivania::new("BNCGNN60A01H501P".parse()?, &[communicated(work(1, date!(2026 - 03 - 07))?, None)], &methods, RulesTable::embedded(), now)?;
    /// assert!(other.entries().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore(&self) -> CodiceFiscale {
        self.prestatore
    }

    /// The instant the desk shows.
    ///
    /// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// assert_eq!(desk.viewed_at(), datetime!(2026-04-20 09:00 +2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn viewed_at(&self) -> OffsetDateTime {
        self.viewed_at
    }

    /// Every prestazione of the prestatore, by day.
    ///
    /// Legal basis: INPS msg 3932 of 24/12/2025 (REG-PORTAL-2026).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// // Given out of order, shown by day.
    /// let ids: Vec<u64> = desk.entries().iter().map(|e| e.prestazione.id().0).collect();
    /// assert_eq!(ids, [1, 2]);
    /// assert_eq!(desk.entries()[1].status, PrestazioneStatus::Due { expected_by: date!(2026 - 05 - 15) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn entries(&self) -> &[DeskEntry] {
        &self.entries
    }

    /// The payments made by INPS, by day.
    ///
    /// Legal basis: INPS circ. 107/2017; INPS msg 410/2023 (PAY-MODES, reading R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// // Only prestazione 1 is paid yet: 36,00 by bonifico domiciliato, 3,84 fee.
    /// let payments = desk.payments();
    /// assert_eq!(payments.len(), 1);
    /// assert_eq!((payments[0].prestazione, payments[0].mode), (PrestazioneId(1), PaymentMode::BonificoDomiciliato));
    /// assert_eq!(payments[0].net, Euro::from_cents(3216));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payments(&self) -> Vec<Payment> {
        let mut payments: Vec<Payment> = self.entries.iter().filter_map(|e| e.payment).collect();
        payments.sort_by_key(|p| (p.on, p.prestazione));
        payments
    }

    /// The payment method in force on `day`.
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES: the method in force on the
    /// payment day).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// assert_eq!(desk.payment_method_on(date!(2026 - 03 - 15)).map(PaymentMethod::mode), Some(PaymentMode::BonificoDomiciliato));
    /// assert_eq!(desk.payment_method_on(date!(2026 - 05 - 15)).map(PaymentMethod::mode), Some(PaymentMode::PostOffice));
    /// // Before the first registration of a method: none.
    /// assert_eq!(desk.payment_method_on(date!(2026 - 01 - 09)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_method_on(&self, day: Date) -> Option<&PaymentMethod> {
        in_force_on(&self.payment_history, day)
    }

    /// The payment-method history, oldest first.
    ///
    /// Legal basis: INPS circ. 107/2017 (PAY-MODES, reading R-FEES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CapProfile, CommunicatedPrestazione, Effective, Euro, Instrument, PaymentMethod, PaymentMode,
    /// #     Prestazione, PrestazioneDraft, PrestazioneId, PrestazioneStatus, RulesTable, Scrivania,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mario = "RSSMRA85T10A562S".parse()?;
    /// # let work = |id: u64, day: time::Date| Prestazione::try_from(PrestazioneDraft {
    /// #     id: PrestazioneId(id),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: mario,
    /// #     utilizzatore: "00743110157".parse().expect("valid"),
    /// #     day,
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(36),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # });
    /// # let communicated = |p: Prestazione, paid_on| CommunicatedPrestazione {
    /// #     communicated_at: datetime!(2026-03-01 08:00 +1),
    /// #     prestazione: p,
    /// #     revoked_at: None,
    /// #     confirmed_at: None,
    /// #     paid_on,
    /// # };
    /// # let methods = [
    /// #     Effective { from: date!(2026 - 01 - 10), value: PaymentMethod::BonificoDomiciliato },
    /// #     Effective { from: date!(2026 - 05 - 01), value: PaymentMethod::PostOffice },
    /// # ];
    /// let paid = communicated(work(1, date!(2026 - 03 - 07))?, Some(date!(2026 - 04 - 15)));
    /// let due = communicated(work(2, date!(2026 - 04 - 04))?, None);
    /// let now = datetime!(2026-04-20 09:00 +2);
    /// let desk = Scrivania::new(mario, &[due, paid], &methods, RulesTable::embedded(), now)?;
    /// let from: Vec<time::Date> = desk.payment_history().iter().map(|e| e.from).collect();
    /// assert_eq!(from, [date!(2026 - 01 - 10), date!(2026 - 05 - 01)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_history(&self) -> &[Effective<PaymentMethod>] {
        &self.payment_history
    }

    /// The annual prospetto compensi of `year` (reading R-YEAR-OF-WORK: the year of the prestazione's day;
    /// revoked prestazioni excluded, also when the prestatore confirmed the work after the
    /// revoca, reading R-CONFIRMATION).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL, reading R-YEAR-OF-WORK,
    /// R-CAP-INCLUSIVE).
    ///
    /// # Errors
    ///
    /// [`ScrivaniaError::TotalOverflow`] if a total overflows, [`ScrivaniaError::OutOfRange`]
    /// for a year outside `time`'s dates, [`ScrivaniaError::Rules`] for a year
    /// without rules.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{RulesTable, Scrivania, Euro};
    /// use time::macros::datetime;
    /// let desk = Scrivania::new("RSSMRA85T10A562S".parse()?, &[], &[], RulesTable::embedded(), datetime!(2026-03-12 09:00 +1))?;
    /// let prospetto = desk.prospetto(2026)?;
    /// assert_eq!(prospetto.room_left, Euro::from_euros(5_000));
    /// assert!(desk.prospetto(2016).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prospetto(&self, year: i32) -> Result<Prospetto, ScrivaniaError> {
        let overflow = |what| ScrivaniaError::TotalOverflow { what };
        let cap = cap_of_year(&self.caps, year)?;
        let mut rows: BTreeMap<(UtilizzatoreId, Instrument), ProspettoRow> = BTreeMap::new();
        for e in &self.entries {
            let p = &e.prestazione;
            let revoked = matches!(
                e.status,
                PrestazioneStatus::Revoked { .. } | PrestazioneStatus::RevokedConfirmed { .. }
            );
            if p.day().year() != year || revoked {
                continue;
            }
            let key = (p.utilizzatore().canonical(), p.instrument());
            let row = rows.entry(key).or_insert_with(|| ProspettoRow {
                utilizzatore: p.utilizzatore(),
                instrument: p.instrument(),
                prestazioni: 0,
                compensi: Euro::ZERO,
                minutes: 0,
                ivs: Euro::ZERO,
                inail: Euro::ZERO,
                fees: Euro::ZERO,
            });
            row.prestazioni = row.prestazioni.checked_add(1).ok_or(overflow("count"))?;
            row.compensi = row
                .compensi
                .checked_add(p.compenso())
                .ok_or(overflow("compensi"))?;
            row.minutes = row
                .minutes
                .checked_add(u64::from(p.minutes()))
                .ok_or(overflow("minutes"))?;
            row.ivs = row.ivs.checked_add(e.ivs).ok_or(overflow("ivs"))?;
            row.inail = row.inail.checked_add(e.inail).ok_or(overflow("inail"))?;
            if let Some(payment) = e.payment {
                row.fees = row.fees.checked_add(payment.fee).ok_or(overflow("fees"))?;
            }
        }
        let rows: Vec<ProspettoRow> = rows.into_values().collect();
        let total_compensi =
            Euro::checked_sum(rows.iter().map(|r| r.compensi)).ok_or(overflow("total"))?;
        Ok(Prospetto {
            year,
            room_left: cap.value.saturating_sub(total_compensi),
            excess: total_compensi.saturating_sub(cap.value),
            rows,
            total_compensi,
            cap,
        })
    }
}

/// The lowest cap a in force during `year` (conservative), with its citation, from the caps of
/// every version (first day, value).
fn cap_of_year(caps: &[(Date, Cited<Euro>)], year: i32) -> Result<Cited<Euro>, ScrivaniaError> {
    let bad_year = ScrivaniaError::OutOfRange {
        what: "year",
        value: year.to_string(),
    };
    let first = Date::from_calendar_date(year, Month::January, 1).map_err(|_| bad_year.clone())?;
    let last = Date::from_calendar_date(year, Month::December, 31).map_err(|_| bad_year)?;
    let start = caps.first().map_or(first, |(from, _)| first.max(*from));
    let mut best: Option<&Cited<Euro>> = None;
    for (i, (from, cap)) in caps.iter().enumerate() {
        let until = caps.get(i + 1).and_then(|(next, _)| next.previous_day());
        let overlaps = *from <= last && until.is_none_or(|u| u >= start);
        if overlaps && best.is_none_or(|b| cap.value < b.value) {
            best = Some(cap);
        }
    }
    best.cloned()
        .ok_or(ScrivaniaError::Rules(RulesError::BeforeRegime {
            date: last,
            start: caps
                .first()
                .map_or(crate::rules::REGIME_START, |(from, _)| *from),
        }))
}

/// IVS and INAIL credited for a prestazione: those of its [`CostBreakdown`] (LF per titolo,
/// CPO at the rates rounded half away from zero), so the desk and the utilizzatore's cost agree.
fn contributions(p: &Prestazione, rules: &Rules) -> Result<(Euro, Euro), ScrivaniaError> {
    let id = p.id();
    let cost = match p.instrument() {
        Instrument::LibrettoFamiglia => {
            let count = lf_titoli(id, p.compenso().cents(), p.minutes(), &rules.lf_titolo)?;
            CostBreakdown::lf(count, rules)
        }
        Instrument::ContrattoPrestazioneOccasionale => CostBreakdown::cpo(p.compenso(), rules),
    }
    .map_err(|_| ScrivaniaError::Overflow {
        id,
        what: "contributions",
    })?;
    Ok((cost.ivs, cost.inail))
}

fn entry(
    c: &CommunicatedPrestazione,
    history: &[Effective<PaymentMethod>],
    table: &RulesTable,
    now: OffsetDateTime,
) -> Result<DeskEntry, ScrivaniaError> {
    let p = &c.prestazione;
    let id = p.id();
    let rules = table.in_force_on(p.day())?;
    let expected = payment_date(p.day(), rules).map_err(|_| ScrivaniaError::Overflow {
        id,
        what: "expected payment day",
    })?;
    let revoca_overflow = |_| ScrivaniaError::Overflow {
        id,
        what: "revoca deadline",
    };
    let deadline = match p.instrument() {
        Instrument::ContrattoPrestazioneOccasionale => {
            Some(revoca_deadline_at(p.day(), rules).map_err(revoca_overflow)?)
        }
        Instrument::LibrettoFamiglia => None,
    };
    let (ivs, inail) = contributions(p, rules)?;
    // Instants on the desk are in the Italian offset of their moment (reading R-CIVIL-TIME).
    let clock = ItalianClock::of_table(table);
    let italian = |at: OffsetDateTime, what: &'static str| {
        clock
            .to_italian(at)
            .map_err(|_| ScrivaniaError::Overflow { id, what })
    };
    let communicated_at = italian(c.communicated_at, "communication instant")?;
    let revoked_at = c
        .revoked_at
        .map(|at| italian(at, "revocation instant"))
        .transpose()?;
    if let Some(revoked_at) = revoked_at {
        if revoked_at < communicated_at {
            return Err(ScrivaniaError::RevokedBeforeCommunication {
                id,
                revoked_at,
                communicated_at,
            });
        }
        if let Some(deadline) = deadline
            && !can_revoke(revoked_at, p.day(), rules).map_err(revoca_overflow)?
        {
            return Err(ScrivaniaError::LateRevoca {
                id,
                revoked_at,
                deadline,
            });
        }
        if c.paid_on.is_some() {
            return Err(ScrivaniaError::RevokedAndPaid { id });
        }
    }
    check_confirmation(c, deadline, rules)?;
    let payment = match c.paid_on {
        Some(on) => {
            if on < p.day() {
                return Err(ScrivaniaError::PaidBeforeWork {
                    id,
                    paid_on: on,
                    day: p.day(),
                });
            }
            Some(payment(p, on, history, table)?)
        }
        None => None,
    };
    let status = match (revoked_at, c.paid_on, deadline) {
        (Some(revoked_at), _, _) => match c.confirmed_at {
            Some(confirmed_at) => PrestazioneStatus::RevokedConfirmed {
                revoked_at,
                confirmed_at,
            },
            None => PrestazioneStatus::Revoked { at: revoked_at },
        },
        (None, Some(on), _) => PrestazioneStatus::Paid { on },
        (None, None, Some(_)) if c.confirmed_at.is_some() => PrestazioneStatus::Confirmed {
            at: c.confirmed_at.unwrap_or(c.communicated_at),
            expected_by: expected,
        },
        (None, None, Some(until))
            if can_revoke(now, p.day(), rules).map_err(revoca_overflow)? =>
        {
            PrestazioneStatus::Communicated {
                revocable_until: until,
            }
        }
        _ => PrestazioneStatus::Due {
            expected_by: expected,
        },
    };
    Ok(DeskEntry {
        prestazione: p.clone(),
        communicated_at,
        status,
        confirmed_at: c.confirmed_at,
        revocable_until: deadline,
        expected_payment: expected,
        payment,
        ivs,
        inail,
    })
}

/// The prestatore's confirmation of `c`, if any: of a CPO prestazione, within its window
/// (ending at `deadline`), not followed by a revoca (reading R-CONFIRMATION).
fn check_confirmation(
    c: &CommunicatedPrestazione,
    deadline: Option<OffsetDateTime>,
    rules: &Rules,
) -> Result<(), ScrivaniaError> {
    let p = &c.prestazione;
    let id = p.id();
    let Some(confirmed_at) = c.confirmed_at else {
        return Ok(());
    };
    let Some(deadline) = deadline else {
        return Err(ScrivaniaError::ConfirmationNotCpo { id });
    };
    let in_time =
        can_confirm(confirmed_at, p.day(), rules).map_err(|_| ScrivaniaError::Overflow {
            id,
            what: "revoca deadline",
        })?;
    if !in_time {
        return Err(ScrivaniaError::ConfirmationOutsideWindow {
            id,
            confirmed_at,
            day: p.day(),
            deadline,
        });
    }
    if let Some(revoked_at) = c.revoked_at
        && revoked_at > confirmed_at
    {
        return Err(ScrivaniaError::RevokedAfterConfirmation {
            id,
            revoked_at,
            confirmed_at,
        });
    }
    Ok(())
}

fn payment(
    p: &Prestazione,
    on: Date,
    history: &[Effective<PaymentMethod>],
    table: &RulesTable,
) -> Result<Payment, ScrivaniaError> {
    let id = p.id();
    let method = in_force_on(history, on).ok_or(ScrivaniaError::NoPaymentMethod { id, on })?;
    let mode = method.mode();
    let rules = table.in_force_on(on)?;
    let fee = mode
        .fee(rules)
        .map_err(|_| ScrivaniaError::ModeNotAvailable { id, mode, on })?;
    let net = net_received(p.compenso(), mode, rules).map_err(|_| {
        ScrivaniaError::FeeExceedsCompenso {
            id,
            fee,
            compenso: p.compenso(),
        }
    })?;
    Ok(Payment {
        prestazione: id,
        utilizzatore: p.utilizzatore(),
        instrument: p.instrument(),
        on,
        mode,
        compenso: p.compenso(),
        fee,
        net,
    })
}
