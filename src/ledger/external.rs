//! External totals: a prestatore's compensi from utilizzatori outside the ledger, counted in
//! cap a.

use time::Date;

use super::totals::External;
use super::{ExternalTotal, Ledger, LedgerError, LedgerEvent};
use crate::money::Euro;

/// The largest external total the ledger accepts: 1.000.000.000.000,00 €, two hundred million
/// times cap a, so far above any real year that refusing more loses nothing, and small enough
/// that the prestatore's totals with it stay far within the ledger's integer range.
const MAX_EXTERNAL: Euro = Euro::from_cents(100_000_000_000_000);

impl Ledger {
    /// Enters a prestatore's compensi from utilizzatori outside this ledger (year to date), so
    /// that cap a counts them. Returns the [`LedgerEvent::ExternalTotalSet`] the host stores
    /// when the reading replaced the one held, `None` when it changed nothing (a reading with an
    /// earlier `as_of` than the one held; [`Ledger::prepare_external_total`] is the two-step
    /// form).
    ///
    /// Entering a total never fails on the caps: it is a fact, and the next assessment of the
    /// prestatore reports any breach of cap a it implies.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017.
    ///
    /// # Errors
    ///
    /// [`LedgerError::ExternalYear`] for a year before the rules table,
    /// [`LedgerError::ExternalTooLarge`] for a total above 1.000.000.000.000,00 €.
    ///
    /// # Examples
    ///
    /// See [`ExternalTotal`]; an invalid year:
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, ExternalTotal, Ledger};
    /// use time::macros::date;
    /// let reading = ExternalTotal { prestatore: "RSSMRA85T10A562S".parse()?, year: 2016, total: Euro::ZERO, as_of: date!(2016 - 12 - 31) };
    /// assert_eq!(
    ///     Ledger::default().set_external_total(&reading).unwrap_err().to_string(),
    ///     "external total: year 2016 is outside the rules table, which starts in 2017"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_external_total(
        &mut self,
        total: &ExternalTotal,
    ) -> Result<Option<LedgerEvent>, LedgerError> {
        let reading = self.external_reading(total)?;
        let prestatore = total.prestatore.canonical();
        if !self
            .year_mut(total.year)?
            .set_external(prestatore, reading)?
        {
            return Ok(None);
        }
        self.stamp.bump();
        Ok(Some(LedgerEvent::ExternalTotalSet(*total)))
    }

    /// The reading of an external total, checked (a year of the rules table).
    pub(super) fn external_reading(&self, total: &ExternalTotal) -> Result<External, LedgerError> {
        let start = self.table.start().year();
        if total.year < start || total.year > Date::MAX.year() {
            return Err(LedgerError::ExternalYear {
                year: total.year,
                start,
            });
        }
        if total.total > MAX_EXTERNAL {
            return Err(LedgerError::ExternalTooLarge {
                total: total.total,
                max: MAX_EXTERNAL,
            });
        }
        Ok(External {
            as_of: total.as_of,
            cents: total.total.cents(),
        })
    }

    /// Whether [`Ledger::set_external_total`] would replace the reading held (checking the year
    /// as it does).
    pub(super) fn external_replaces(&self, total: &ExternalTotal) -> Result<bool, LedgerError> {
        let reading = self.external_reading(total)?;
        let held = self
            .year(total.year)
            .and_then(|y| y.external(total.prestatore.canonical()));
        Ok(held.is_none_or(|held| held < reading))
    }
}
