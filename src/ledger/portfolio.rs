//! The consulente's portfolio: for a set of utilizzatori (the clients), every utilizzatore,
//! prestatore and pair at or above a chosen share of a cap on a day, with each client's totals.
//!
//! The query reads the year's running totals the ledger keeps (per utilizzatore, per prestatore
//! with its pairs); what it needs besides is which prestatori worked for each utilizzatore in a
//! year. That index lives here, apart from the ledger's storage: it is built from the ledger's
//! entries when a query first needs it and brought up to date by the next query from the
//! entries recorded since (entries are only appended; a correction keeps its parties and year,
//! so the pairs of the entries already read never change). Recording never touches it. A query
//! costs one read of the totals per pair of the clients asked, never a scan of the year.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Mutex, PoisonError};

use foldhash::fast::FixedState;

use rust_decimal::Decimal;
use time::Date;

use super::judge::{cap_b, hour_limit, titoli_in, warning_level};
use super::parties::Keyed;
use super::totals::{PTot, UTot, euro};
use super::{
    Entry, HoursCap, Ledger, LedgerError, MoneyCap, PairTotals, PrestatoreTotals,
    UtilizzatoreTotals,
};
use crate::identity::CodiceFiscale;
use crate::instruments::agricultural_hour_limit_citation;
use crate::money::Euro;
use crate::parties::UtilizzatoreId;
use crate::prestazione::CapProfile;
use crate::rules::{Citation, Rules};
use crate::verdict::RuleId;

/// Which prestatori worked for each utilizzatore, per calendar year, as far as the entries
/// read so far tell (a pair stays listed after its prestazioni are revoked: the query reads its
/// totals).
#[derive(Debug, Default)]
pub(super) struct Index {
    built: Mutex<Built>,
}

impl Clone for Index {
    fn clone(&self) -> Index {
        Index {
            built: Mutex::new(self.lock().clone()),
        }
    }
}

impl Index {
    fn lock(&self) -> std::sync::MutexGuard<'_, Built> {
        // The index is only ever added to, and adding a pair twice changes nothing: a panic
        // half-way leaves it usable.
        self.built.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Debug, Default, Clone)]
struct Built {
    /// How many of the ledger's entries have been read.
    seen: usize,
    years: Vec<YearIndex>,
}

#[derive(Debug, Clone)]
struct YearIndex {
    year: i32,
    /// The pairs listed, by [`pair_key`] (the parties' numbers in the year).
    pairs: HashSet<u64, FixedState>,
    /// Utilizzatore number -> the numbers of its prestatori, in order of first appearance.
    prestatori: HashMap<u32, Vec<u32>, FixedState>,
}

/// One key for a pair of party numbers of a year.
fn pair_key(prestatore: u32, utilizzatore: u32) -> u64 {
    (u64::from(prestatore) << 32) | u64::from(utilizzatore)
}

impl Built {
    fn add(&mut self, e: &Entry) {
        let year = e.day.year();
        let at = match self.years.binary_search_by_key(&year, |y| y.year) {
            Ok(at) => at,
            Err(at) => {
                self.years.insert(
                    at,
                    YearIndex {
                        year,
                        pairs: HashSet::default(),
                        prestatori: HashMap::default(),
                    },
                );
                at
            }
        };
        if let Some(y) = self.years.get_mut(at)
            && y.pairs.insert(pair_key(e.prestatore, e.utilizzatore))
        {
            y.prestatori
                .entry(e.utilizzatore)
                .or_default()
                .push(e.prestatore);
        }
    }

    fn prestatori(&self, year: i32, utilizzatore: u32) -> &[u32] {
        self.years
            .binary_search_by_key(&year, |y| y.year)
            .ok()
            .and_then(|at| self.years.get(at))
            .and_then(|y| y.prestatori.get(&utilizzatore))
            .map_or(&[], Vec::as_slice)
    }
}

/// A client of the portfolio: an utilizzatore, with the profile its caps depend on (the events
/// sector's cap b, the agricultural hour limit of 2017-2022).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapProfile, Client, UtilizzatoreId};
/// let u: UtilizzatoreId = "12345670157".parse()?;
/// let client = Client::from(u).with_profile(CapProfile::default().with_events_sector(true));
/// assert!(client.profile.events_sector);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Client {
    /// The utilizzatore.
    pub utilizzatore: UtilizzatoreId,
    /// Its profile ([`CapProfile::default`]: an ordinary utilizzatore).
    pub profile: CapProfile,
}

impl Client {
    /// The same client with `profile`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, CapProfile, Client, UtilizzatoreId};
    /// let u: UtilizzatoreId = "12345670157".parse()?;
    /// let farm = Client::from(u).with_profile(CapProfile::default().with_agricultural_area(AgriculturalArea::Area3));
    /// assert_eq!(farm.profile.agricultural_area, Some(AgriculturalArea::Area3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_profile(self, profile: CapProfile) -> Client {
        Client { profile, ..self }
    }
}

impl From<UtilizzatoreId> for Client {
    fn from(utilizzatore: UtilizzatoreId) -> Client {
        Client {
            utilizzatore,
            profile: CapProfile::default(),
        }
    }
}

impl From<&UtilizzatoreId> for Client {
    fn from(utilizzatore: &UtilizzatoreId) -> Client {
        Client::from(*utilizzatore)
    }
}

/// The state of one cap: a money cap (a, b, c, c-bis) or the hour limit of a pair.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CapUse, RuleId};
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let mut ledger = Ledger::default();
/// # let u = "12345670157".parse()?;
/// # ledger.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(1), instrument: Instrument::ContrattoPrestazioneOccasionale, prestatore: "RSSMRA85T10A562S".parse()?, utilizzatore: u, day: date!(2026 - 03 - 07), minutes: 480, compenso: Euro::from_euros(2_400), special_category: false, steward: false, profile: CapProfile::default() })?)?;
/// let portfolio = ledger.portfolio([&u], date!(2026 - 03 - 31), 90)?;
/// let line = &portfolio.clients[0].people[0].lines[0];
/// assert!(matches!(&line.cap, CapUse::Money(cap) if cap.rule == RuleId::CapPair));
/// assert_eq!(line.cap.rule(), RuleId::CapPair);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum CapUse {
    /// Caps a, b, c and c-bis: `used` is the year's total (counted, for cap b), `requested` zero.
    Money(MoneyCap),
    /// The hour limit of a pair: `used` is the year's counted minutes, `requested` zero.
    Hours(HoursCap),
}

impl CapUse {
    /// The rule the cap is ([`RuleId::Hours280`] or [`RuleId::HoursAgri`] for the hours).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapUse, RuleId};
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let mut ledger = Ledger::default();
    /// # let u = "12345670157".parse()?;
    /// # ledger.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(1), instrument: Instrument::ContrattoPrestazioneOccasionale, prestatore: "RSSMRA85T10A562S".parse()?, utilizzatore: u, day: date!(2026 - 03 - 07), minutes: 480, compenso: Euro::from_euros(2_400), special_category: false, steward: false, profile: CapProfile::default() })?)?;
    /// // Every cap in use (share 0): cap a, cap c and the 280 hours.
    /// let person = &ledger.portfolio([&u], date!(2026 - 03 - 31), 0)?.clients[0].people[0];
    /// let rules: Vec<RuleId> = person.lines.iter().map(|l| l.cap.rule()).collect();
    /// assert_eq!(rules, [RuleId::CapPrestatore, RuleId::CapPair, RuleId::Hours280]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> RuleId {
        match self {
            CapUse::Money(cap) => cap.rule,
            CapUse::Hours(h) if h.agricultural_area.is_some() => RuleId::HoursAgri,
            CapUse::Hours(_) => RuleId::Hours280,
        }
    }
}

/// One line of a [`Portfolio`]: a cap reached to the share asked, with the citation of the cap
/// in force on the day.
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let mut ledger = Ledger::default();
/// # let u = "12345670157".parse()?;
/// # ledger.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(1), instrument: Instrument::ContrattoPrestazioneOccasionale, prestatore: "RSSMRA85T10A562S".parse()?, utilizzatore: u, day: date!(2026 - 03 - 07), minutes: 480, compenso: Euro::from_euros(2_400), special_category: false, steward: false, profile: CapProfile::default() })?)?;
/// let portfolio = ledger.portfolio([&u], date!(2026 - 03 - 31), 90)?;
/// assert_eq!(
///     portfolio.clients[0].people[0].lines[0].to_string(),
///     "CAP-PAIR: used 2.400,00 € of 2.500,00 €; room 100,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CapLine {
    /// The cap and how much of it is used.
    pub cap: CapUse,
    /// The citation of the cap in force on the day.
    pub citation: Citation,
}

impl fmt::Display for CapLine {
    /// The cap as [`MoneyCap`] or [`HoursCap`] writes it (cap b: the counted total and room),
    /// then the citation in brackets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cap {
            CapUse::Money(cap) if cap.rule == RuleId::CapUtilizzatore => {
                write!(
                    f,
                    "{}: counted {} of {} (compensi to comma-8 prestatori at their c. 8 weight); room {} counted",
                    cap.rule,
                    crate::format::italian_amount(cap.used),
                    cap.limit.to_italian(),
                    cap.headroom.to_italian()
                )?;
                if let Some(level) = cap.warning {
                    write!(f, " (warning: {level}% of the cap reached)")?;
                }
            }
            CapUse::Money(cap) => write!(f, "{cap}")?,
            CapUse::Hours(hours) => write!(f, "{hours}")?,
        }
        write!(f, " ({})", self.citation)
    }
}

/// A prestatore of a client in a [`Portfolio`]: the prestatore's totals of the year (every
/// utilizzatore of the ledger, and the external total), the pair's with the client, and the
/// caps reached to the share asked (cap a, cap c or c-bis, the hour limit).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let mut ledger = Ledger::default();
/// # let u = "12345670157".parse()?;
/// # ledger.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(1), instrument: Instrument::ContrattoPrestazioneOccasionale, prestatore: "RSSMRA85T10A562S".parse()?, utilizzatore: u, day: date!(2026 - 03 - 07), minutes: 480, compenso: Euro::from_euros(2_400), special_category: false, steward: false, profile: CapProfile::default() })?)?;
/// let portfolio = ledger.portfolio([&u], date!(2026 - 03 - 31), 90)?;
/// let mario = &portfolio.clients[0].people[0];
/// assert_eq!(mario.pair.compensi, Euro::from_euros(2_400));
/// assert_eq!(
///     mario.to_string(),
///     "RSSMRA85T10A562S: compensi 2.400,00 € from this client (prestazioni 1), 2.400,00 € in the year (prestazioni 1)\n  CAP-PAIR: used 2.400,00 € of 2.500,00 €; room 100,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PrestatoreReport {
    /// The prestatore (its canonical form).
    pub prestatore: CodiceFiscale,
    /// The prestatore's totals of the year.
    pub totals: PrestatoreTotals,
    /// The totals of the prestatore with the client.
    pub pair: PairTotals,
    /// The caps reached to the share asked, in the order a, c, c-bis, hours.
    pub lines: Vec<CapLine>,
}

impl fmt::Display for PrestatoreReport {
    /// A first line with the codice fiscale and the compensi (with the client, in the year),
    /// then one line per cap reached, indented by two spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: compensi {} from this client (prestazioni {}), {} in the year (prestazioni {})",
            self.prestatore,
            self.pair.compensi.to_italian(),
            self.pair.prestazioni,
            self.totals.compensi.to_italian(),
            self.totals.prestazioni
        )?;
        if !self.totals.external.is_zero() {
            write!(
                f,
                " (and {} from other utilizzatori)",
                self.totals.external.to_italian()
            )?;
        }
        for line in &self.lines {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

/// A client in a [`Portfolio`]: its totals of the year, cap b when reached to the share asked,
/// and each of its prestatori with a cap reached.
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
/// # use time::macros::date;
/// # let mut ledger = Ledger::default();
/// # let u = "12345670157".parse()?;
/// # ledger.record(&Prestazione::try_from(PrestazioneDraft { id: PrestazioneId(1), instrument: Instrument::ContrattoPrestazioneOccasionale, prestatore: "RSSMRA85T10A562S".parse()?, utilizzatore: u, day: date!(2026 - 03 - 07), minutes: 480, compenso: Euro::from_euros(2_400), special_category: false, steward: false, profile: CapProfile::default() })?)?;
/// let client = &ledger.portfolio([&u], date!(2026 - 03 - 31), 90)?.clients[0];
/// assert_eq!((client.totals.compensi, client.prestatori), (Euro::from_euros(2_400), 1));
/// assert!(client.lines.is_empty()); // 2.400 of cap b's 10.000: below 90%
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ClientReport {
    /// The utilizzatore.
    pub utilizzatore: UtilizzatoreId,
    /// Its totals of the year.
    pub totals: UtilizzatoreTotals,
    /// How many prestatori worked for it in the year (with prestazioni not revoked).
    pub prestatori: u32,
    /// Cap b, when reached to the share asked.
    pub lines: Vec<CapLine>,
    /// The prestatori with a cap reached to the share asked, by codice fiscale.
    pub people: Vec<PrestatoreReport>,
}

impl fmt::Display for ClientReport {
    /// A first line with the utilizzatore and its totals, then cap b when reached, then each
    /// prestatore as [`PrestatoreReport`] writes it, indented by two spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: compensi {}, prestazioni {}, prestatori {}",
            self.utilizzatore,
            self.totals.compensi.to_italian(),
            self.totals.prestazioni,
            self.prestatori
        )?;
        for line in &self.lines {
            write!(f, "\n  {line}")?;
        }
        for person in &self.people {
            for (i, text) in person.to_string().lines().enumerate() {
                f.write_str(if i == 0 { "\n  " } else { "\n    " })?;
                f.write_str(text.trim_start())?;
            }
        }
        Ok(())
    }
}

/// The answer of [`Ledger::portfolio`]: every client asked, in order, with its totals of the
/// day's calendar year and every cap reached to `share` percent.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Ledger, UtilizzatoreId};
/// use time::macros::date;
///
/// let bar: UtilizzatoreId = "12345670157".parse()?;
/// let portfolio = Ledger::default().portfolio([&bar], date!(2026 - 06 - 30), 80)?;
/// assert_eq!((portfolio.day, portfolio.share, portfolio.clients.len()), (date!(2026 - 06 - 30), 80, 1));
/// assert_eq!(
///     portfolio.to_string(),
///     "portfolio on 2026-06-30 (caps reached to 80%), year 2026:\n12345670157: compensi 0,00 €, prestazioni 0, prestatori 0"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Portfolio {
    /// The day whose caps (the rules in force) and calendar year are read.
    pub day: Date,
    /// The share of a cap, in percent, from which a line is listed.
    pub share: u8,
    /// The clients, in the order asked.
    pub clients: Vec<ClientReport>,
}

impl fmt::Display for Portfolio {
    /// A heading line, then each client as [`ClientReport`] writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "portfolio on {} (caps reached to {}%), year {}:",
            self.day,
            self.share,
            self.day.year()
        )?;
        for client in &self.clients {
            write!(f, "\n{client}")?;
        }
        Ok(())
    }
}

impl Ledger {
    /// The consulente's portfolio: for each client (an utilizzatore, or a [`Client`] with its
    /// [`CapProfile`]), its totals in the calendar year of `day` and every cap at or above
    /// `share` percent under the rules in force on `day`: cap b for the client; for each
    /// prestatore who worked for it, cap a (every utilizzatore of the ledger and the external
    /// total), cap c or c-bis and the hour limit of the pair. A cap is listed when something is
    /// counted in it and its use reaches the share (exactly: `used × 100 >= limit × share`; a
    /// share of 100 lists the caps reached or breached, 0 every cap in use).
    ///
    /// The totals are those of the whole year as recorded (prestazioni booked for later days
    /// included). Cap b is the events sector's when the client's profile says so and the rules
    /// of the day have one; the hour limit is the agricultural one for a client with an
    /// agricultural area while the rules of the day have agricultural rates. Each line carries
    /// the citation of the cap in force and the warning level of the ledger's thresholds
    /// ([`Ledger::with_warning_thresholds`]).
    ///
    /// Cost: one read of the totals per pair of the clients asked (the ledger indexes the
    /// prestatori of each utilizzatore per year, bringing the index up to date from the
    /// prestazioni recorded since the last query), never a scan of the year.
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017
    /// (CAP-PRESTATORE-TOTAL, CAP-UTILIZZATORE-TOTAL, CAP-PAIR, CAP-STEWARD, HOURS-280; readings
    /// R-YEAR-OF-WORK, R-CAP-INCLUSIVE).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Rules`] when `day` is before the rules table;
    /// [`LedgerError::Overflow`] when a cap's figures cannot be computed.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId, RuleId, UtilizzatoreId};
    /// use time::macros::date;
    ///
    /// let bar: UtilizzatoreId = "12345670157".parse()?;
    /// let shop: UtilizzatoreId = "00743110157".parse()?;
    /// let work = |id: u64, prestatore: &str, utilizzatore, euros: u32| Prestazione::try_from(PrestazioneDraft {
    ///     id: PrestazioneId(id),
    ///     instrument: Instrument::ContrattoPrestazioneOccasionale,
    ///     prestatore: prestatore.parse().unwrap(),
    ///     utilizzatore,
    ///     day: date!(2026 - 03 - 07),
    ///     minutes: 480,
    ///     compenso: Euro::from_euros(euros),
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// });
    /// let mut ledger = Ledger::default();
    /// ledger.record(&work(1, "RSSMRA85T10A562S", bar, 2_100)?)?; // 84% of cap c
    /// ledger.record(&work(2, "BNCGNN60A01H501P", bar, 500)?)?;
    /// ledger.record(&work(3, "RSSMRA85T10A562S", shop, 2_000)?)?; // 80% of cap c; cap a: 4.100 of 5.000, 82%
    ///
    /// let portfolio = ledger.portfolio([&bar, &shop], date!(2026 - 04 - 01), 80)?;
    /// let at_bar = &portfolio.clients[0];
    /// assert_eq!((at_bar.totals.compensi, at_bar.prestatori), (Euro::from_euros(2_600), 2));
    /// assert_eq!(at_bar.people.len(), 1); // only Mario is near a cap
    /// let rules: Vec<RuleId> = at_bar.people[0].lines.iter().map(|l| l.cap.rule()).collect();
    /// assert_eq!(rules, [RuleId::CapPrestatore, RuleId::CapPair]);
    /// assert_eq!(portfolio.to_string(), "\
    /// portfolio on 2026-04-01 (caps reached to 80%), year 2026:
    /// 12345670157: compensi 2.600,00 €, prestazioni 2, prestatori 2
    ///   RSSMRA85T10A562S: compensi 2.100,00 € from this client (prestazioni 1), 4.100,00 € in the year (prestazioni 2)
    ///     CAP-PRESTATORE-TOTAL: used 4.100,00 € of 5.000,00 €; room 900,00 € (art. 54-bis c. 1 lett. a D.L. 50/2017; INPS circ. 107/2017)
    ///     CAP-PAIR: used 2.100,00 € of 2.500,00 €; room 400,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)
    /// 00743110157: compensi 2.000,00 €, prestazioni 1, prestatori 1
    ///   RSSMRA85T10A562S: compensi 2.000,00 € from this client (prestazioni 1), 4.100,00 € in the year (prestazioni 2)
    ///     CAP-PRESTATORE-TOTAL: used 4.100,00 € of 5.000,00 €; room 900,00 € (art. 54-bis c. 1 lett. a D.L. 50/2017; INPS circ. 107/2017)
    ///     CAP-PAIR: used 2.000,00 € of 2.500,00 €; room 500,00 € (art. 54-bis c. 1 lett. c D.L. 50/2017)");
    ///
    /// // A day before the rules table is refused.
    /// assert!(ledger.portfolio([&bar], date!(2017 - 01 - 01), 80).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn portfolio<C: Into<Client>>(
        &self,
        clients: impl IntoIterator<Item = C>,
        day: Date,
        share: u8,
    ) -> Result<Portfolio, LedgerError> {
        let rules = self.table.in_force_on(day)?;
        let year = day.year();
        let mut built = self.portfolio_index.lock();
        if built.seen > self.entries.len() {
            *built = Built::default();
        }
        if let Some(new) = self.entries.get(built.seen..) {
            for e in new {
                built.add(e);
            }
        }
        built.seen = self.entries.len();
        let mut answer = Vec::new();
        for client in clients {
            let client: Client = client.into();
            answer.push(self.client_report(rules, &built, year, client, share)?);
        }
        Ok(Portfolio {
            day,
            share,
            clients: answer,
        })
    }

    fn client_report(
        &self,
        rules: &Rules,
        built: &Built,
        year: i32,
        client: Client,
        share: u8,
    ) -> Result<ClientReport, LedgerError> {
        let per_titolo = rules.lf_titolo.value.compenso;
        let totals_of_year = self.year(year);
        let ukey = client.utilizzatore.party_key();
        // The client's number in the year (the index lists prestatori by it).
        let u = totals_of_year.and_then(|y| y.utilizzatore_number(ukey));
        let utot = totals_of_year.map_or_else(UTot::default, |y| y.utilizzatore(ukey));
        let mut lines = Vec::new();
        let (limit_b, citation_b) = cap_b(rules, client.profile.events_sector);
        if !utot.weighted_b.is_zero() && reaches_counted(utot.weighted_b, limit_b, share) {
            let cap = self.counted_cap(limit_b, utot.weighted_b, per_titolo)?;
            lines.push(line(CapUse::Money(cap), citation_b));
        }
        let mut people = Vec::new();
        let mut prestatori = 0u32;
        if let (Some(y), Some(u)) = (totals_of_year, u) {
            for &p in built.prestatori(year, u) {
                let cf = y.prestatori.key(p)?;
                let pkey = cf.party_key();
                let pair = y.pair(pkey, ukey);
                if pair.count == 0 {
                    continue;
                }
                prestatori = prestatori.saturating_add(1);
                let (ptot, external) = y.prestatore(pkey);
                let person_lines =
                    self.person_lines(rules, client.profile, ptot, external, pair, share)?;
                if person_lines.is_empty() {
                    continue;
                }
                people.push(PrestatoreReport {
                    prestatore: cf,
                    totals: PrestatoreTotals {
                        compensi: euro(ptot.all),
                        counted_cap_prestatore: euro(ptot.cap_a),
                        external: euro(external),
                        prestazioni: ptot.count,
                    },
                    pair: PairTotals {
                        compensi: euro(pair.all),
                        counted_cap_pair: euro(pair.cap_c),
                        counted_cap_steward: euro(pair.steward),
                        minutes: pair.minutes,
                        counted_minutes: pair.counted_minutes,
                        prestazioni: pair.count,
                    },
                    lines: person_lines,
                });
            }
        }
        people.sort_unstable_by_key(|person| person.prestatore);
        Ok(ClientReport {
            utilizzatore: client.utilizzatore,
            totals: UtilizzatoreTotals {
                compensi: euro(utot.all),
                nominal_cap_utilizzatore: euro(utot.nominal_b),
                counted_cap_utilizzatore: utot.weighted_b,
                prestazioni: utot.count,
            },
            prestatori,
            lines,
            people,
        })
    }

    /// The caps of one prestatore with one client reached to `share`: a, c, c-bis, hours.
    fn person_lines(
        &self,
        rules: &Rules,
        profile: CapProfile,
        ptot: PTot,
        external: u64,
        pair: super::totals::PairTot,
        share: u8,
    ) -> Result<Vec<CapLine>, LedgerError> {
        let per_titolo = rules.lf_titolo.value.compenso;
        let mut lines = Vec::new();
        let cap_a = ptot
            .cap_a
            .checked_add(external)
            .ok_or(LedgerError::Overflow {
                what: "cap a total",
            })?;
        // The share is checked on the integer totals first: a cap below it builds nothing.
        let money = |rule, limit: Euro, used| {
            if !reaches_cents(used, limit.cents(), share) {
                return Ok(None);
            }
            Ok::<_, LedgerError>(Some(self.cents_cap(rule, limit, used, per_titolo)))
        };
        if cap_a > 0
            && let Some(cap) = money(RuleId::CapPrestatore, rules.cap_prestatore.value, cap_a)?
        {
            lines.push(line(CapUse::Money(cap), &rules.cap_prestatore.citation));
        }
        if pair.cap_c > 0
            && let Some(cap) = money(RuleId::CapPair, rules.cap_pair.value, pair.cap_c)?
        {
            lines.push(line(CapUse::Money(cap), &rules.cap_pair.citation));
        }
        if let (true, Some(limit)) = (pair.steward > 0, rules.cap_steward.value)
            && let Some(cap) = money(RuleId::CapSteward, limit, pair.steward)?
        {
            lines.push(line(CapUse::Money(cap), &rules.cap_steward.citation));
        }
        if pair.counted_minutes > 0 {
            let (limit_hours, agricultural_area) = hour_limit(rules, profile)?;
            let limit = limit_hours
                .checked_mul(60)
                .ok_or(LedgerError::Overflow { what: "hour limit" })?;
            let used = pair.counted_minutes;
            if !reaches_cents(u64::from(used), u64::from(limit), share) {
                return Ok(lines);
            }
            let hours = HoursCap {
                limit,
                used,
                requested: 0,
                headroom: limit.saturating_sub(used),
                warning: warning_level(&self.thresholds, u128::from(used), u128::from(limit)),
                agricultural_area,
            };
            let citation = if agricultural_area.is_some() {
                agricultural_hour_limit_citation()
            } else {
                rules.hours_per_pair.citation.clone()
            };
            lines.push(line(CapUse::Hours(hours), &citation));
        }
        Ok(lines)
    }
}

impl Ledger {
    /// A cap counted at nominal amounts (a, c, c-bis) as it stands: `used` cents of `limit`.
    /// (Built here rather than by the assessment's own constructor, which stays inlined in the
    /// record path.)
    fn cents_cap(&self, rule: RuleId, limit: Euro, used: u64, per_titolo: Euro) -> MoneyCap {
        let room = limit.cents().saturating_sub(used);
        MoneyCap {
            rule,
            limit,
            used: euro(used).as_decimal(),
            requested: Decimal::ZERO,
            weight: None,
            headroom: euro(room),
            titoli: titoli_in(room, per_titolo),
            warning: warning_level(
                &self.thresholds,
                u128::from(used),
                u128::from(limit.cents()),
            ),
        }
    }

    /// Cap b as it stands: `used` counted (weighted) of `limit`; the room is counted, i.e. what
    /// an ordinary prestatore may still receive, rounded down to the cent.
    fn counted_cap(
        &self,
        limit: Euro,
        used: Decimal,
        per_titolo: Euro,
    ) -> Result<MoneyCap, LedgerError> {
        let lim = limit.as_decimal();
        let room = if used >= lim {
            Decimal::ZERO
        } else {
            lim - used
        };
        let headroom =
            Euro::round_down(room).map_err(|_| LedgerError::Overflow { what: "headroom" })?;
        let warning =
            self.thresholds.iter().rev().copied().find(|t| {
                used.checked_mul(Decimal::ONE_HUNDRED) >= lim.checked_mul(Decimal::from(*t))
            });
        Ok(MoneyCap {
            rule: RuleId::CapUtilizzatore,
            limit,
            used,
            requested: Decimal::ZERO,
            weight: None,
            headroom,
            titoli: titoli_in(headroom.cents(), per_titolo),
            warning,
        })
    }
}

/// Whether `used` is at least `share` percent of `limit` (both in the same unit).
fn reaches_cents(used: u64, limit: u64, share: u8) -> bool {
    u128::from(used) * 100 >= u128::from(limit) * u128::from(share)
}

/// Whether the counted (weighted) total `used` is at least `share` percent of `limit` (exact: no
/// rounding).
fn reaches_counted(used: Decimal, limit: Euro, share: u8) -> bool {
    let used = used.checked_mul(Decimal::ONE_HUNDRED);
    let limit = limit.as_decimal().checked_mul(Decimal::from(share));
    matches!((used, limit), (Some(u), Some(l)) if u >= l)
}

/// The line of a cap reached to the share asked.
fn line(cap: CapUse, citation: &Citation) -> CapLine {
    CapLine {
        cap,
        citation: citation.clone(),
    }
}
