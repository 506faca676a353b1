//! Queries: the totals of a prestatore, an utilizzatore, a pair, an instrument or a month, and
//! the room left for a prestazione.

use time::Month;

use super::judge::Probe;
use super::parties::Keyed;
use super::totals::{PTot, PairTot, UTot, euro};
use super::{
    Ledger, LedgerError, PairTotals, PeriodTotals, PrestatoreTotals, Room, RoomQuery,
    UtilizzatoreTotals,
};
use crate::identity::CodiceFiscale;
use crate::parties::UtilizzatoreId;
use crate::prestazione::{Instrument, PrestazioneId};

pub(super) const ALL_MONTHS: [usize; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

impl Ledger {
    /// The largest compenso (and number of LF titoli) the utilizzatore may still pay the
    /// prestatore for work on the query's day: the least headroom of every cap that applies,
    /// or zero when the hour limit is used up (280 hours; for a profile with an agricultural
    /// area while agricultural rates are in force, the area's limit, HOURS-AGRI).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a, b, c, c-bis, c. 8 and c. 20 D.L. 50/2017
    /// (E5, E11, HOURS-AGRI).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Rules`] for a day before the regime.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, RoomQuery, RuleId};
    /// use time::macros::date;
    ///
    /// let q = RoomQuery {
    ///     prestatore: "RSSMRA85T10A562S".parse()?,
    ///     utilizzatore: "BNCGNN60A01H501P".parse()?,
    ///     day: date!(2026 - 03 - 07),
    ///     instrument: Instrument::LibrettoFamiglia,
    ///     special_category: false,
    ///     steward: false,
    ///     profile: CapProfile::default(),
    /// };
    /// let room = Ledger::default().room(&q)?;
    /// assert_eq!((room.compenso, room.titoli, room.binding), (Euro::from_euros(2_500), 312, RuleId::CapPair));
    /// // Cap a alone would allow 625 titoli (worked example E11).
    /// assert_eq!(room.caps[0].titoli, 625);
    ///
    /// let early = RoomQuery { day: date!(2017 - 01 - 01), ..q };
    /// assert!(Ledger::default().room(&early).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn room(&self, query: &RoomQuery) -> Result<Room, LedgerError> {
        let probe = Probe {
            id: PrestazioneId(0),
            day: query.day,
            instrument: query.instrument,
            cents: 0,
            minutes: 0,
            special: query.special_category,
            steward: query.steward,
            profile: query.profile,
        };
        let keys = (query.prestatore.party_key(), query.utilizzatore.party_key());
        Ok(self.evaluate(&probe, keys)?.room())
    }

    /// A prestatore's totals in a calendar year (zeros when unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. a D.L. 50/2017 (CAP-PRESTATORE-TOTAL).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// let other = PrestazioneDraft { id: PrestazioneId(2), utilizzatore: "00743110157".parse()?, compenso: Euro::from_euros(500), ..draft.clone() };
    /// ledger.record(&Prestazione::try_from(other)?)?;
    /// let t = ledger.prestatore_totals(&draft.prestatore, 2026);
    /// assert_eq!((t.compensi, t.prestazioni), (Euro::from_euros(2_500), 2));
    /// assert_eq!(ledger.prestatore_totals(&draft.prestatore, 2025).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore_totals(&self, prestatore: &CodiceFiscale, year: i32) -> PrestatoreTotals {
        let (t, external) = self.year(year).map_or((PTot::default(), 0), |y| {
            y.prestatore(prestatore.party_key())
        });
        PrestatoreTotals {
            compensi: euro(t.all),
            counted_cap_prestatore: euro(t.cap_a),
            external: euro(external),
            prestazioni: t.count,
        }
    }

    /// An utilizzatore's totals in a calendar year (zeros when unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. b, c. 8 D.L. 50/2017 (CAP-UTILIZZATORE-TOTAL, CAP-75PCT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// // A pensioner (a comma-8 category) counts at 75% in cap b.
    /// let pensioner = PrestazioneDraft { id: PrestazioneId(2), prestatore: "BNCGNN60A01H501P".parse()?, compenso: Euro::from_euros(400), special_category: true, ..draft.clone() };
    /// ledger.record(&Prestazione::try_from(pensioner)?)?;
    /// let t = ledger.utilizzatore_totals(&draft.utilizzatore, 2026);
    /// assert_eq!((t.compensi, t.nominal_cap_utilizzatore), (Euro::from_euros(2_400), Euro::from_euros(2_400)));
    /// assert_eq!(t.counted_cap_utilizzatore, rust_decimal::Decimal::from(2_300));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore_totals(
        &self,
        utilizzatore: &UtilizzatoreId,
        year: i32,
    ) -> UtilizzatoreTotals {
        let t = self.year(year).map_or(UTot::default(), |y| {
            y.utilizzatore(utilizzatore.party_key())
        });
        UtilizzatoreTotals {
            compensi: euro(t.all),
            nominal_cap_utilizzatore: euro(t.nominal_b),
            counted_cap_utilizzatore: t.weighted_b,
            prestazioni: t.count,
        }
    }

    /// The totals of a prestatore with an utilizzatore in a calendar year (zeros when
    /// unknown).
    ///
    /// Legal basis: art. 54-bis c. 1 lett. c, c-bis and c. 20 D.L. 50/2017 (CAP-PAIR, CAP-STEWARD, HOURS-280).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft.clone())?)?;
    /// let t = ledger.pair_totals(&draft.prestatore, &draft.utilizzatore, 2026);
    /// assert_eq!((t.compensi, t.counted_cap_pair, t.minutes, t.prestazioni), (Euro::from_euros(2_000), Euro::from_euros(2_000), 240, 1));
    /// // Another utilizzatore has no totals with this prestatore.
    /// assert_eq!(ledger.pair_totals(&draft.prestatore, &"00743110157".parse()?, 2026).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pair_totals(
        &self,
        prestatore: &CodiceFiscale,
        utilizzatore: &UtilizzatoreId,
        year: i32,
    ) -> PairTotals {
        let t = self.year(year).map_or(PairTot::default(), |y| {
            y.pair(prestatore.party_key(), utilizzatore.party_key())
        });
        PairTotals {
            compensi: euro(t.all),
            counted_cap_pair: euro(t.cap_c),
            counted_cap_steward: euro(t.steward),
            minutes: t.minutes,
            counted_minutes: t.counted_minutes,
            prestazioni: t.count,
        }
    }

    pub(super) fn period_totals(
        &self,
        year: i32,
        instruments: &[usize],
        months: &[usize],
    ) -> PeriodTotals {
        let mut all = 0u64;
        let mut minutes = 0u64;
        let mut count = 0u32;
        if let Some(y) = self.year(year) {
            for &i in instruments {
                for &m in months {
                    let t = y.period(i, m);
                    all = all.saturating_add(t.all);
                    minutes = minutes.saturating_add(t.minutes);
                    count = count.saturating_add(t.count);
                }
            }
        }
        PeriodTotals {
            compensi: euro(all),
            minutes,
            prestazioni: count,
        }
    }

    /// The totals of one instrument in a calendar year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{CapProfile, Euro, Instrument, Ledger, Prestazione, PrestazioneDraft, PrestazioneId};
    /// # use time::macros::date;
    /// # let draft = PrestazioneDraft {
    /// #     id: PrestazioneId(1),
    /// #     instrument: Instrument::ContrattoPrestazioneOccasionale,
    /// #     prestatore: "RSSMRA85T10A562S".parse()?,
    /// #     utilizzatore: "12345670157".parse()?,
    /// #     day: date!(2026 - 03 - 07),
    /// #     minutes: 240,
    /// #     compenso: Euro::from_euros(2_000),
    /// #     special_category: false,
    /// #     steward: false,
    /// #     profile: CapProfile::default(),
    /// # };
    /// let mut ledger = Ledger::default();
    /// ledger.record(&Prestazione::try_from(draft)?)?;
    /// let cpo = ledger.instrument_totals(2026, Instrument::ContrattoPrestazioneOccasionale);
    /// assert_eq!((cpo.compensi, cpo.minutes, cpo.prestazioni), (Euro::from_euros(2_000), 240, 1));
    /// assert_eq!(ledger.instrument_totals(2026, Instrument::LibrettoFamiglia).prestazioni, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn instrument_totals(&self, year: i32, instrument: Instrument) -> PeriodTotals {
        let i = usize::from(instrument == Instrument::ContrattoPrestazioneOccasionale);
        self.period_totals(year, &[i], &ALL_MONTHS)
    }

    /// The totals of one month (both instruments).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Ledger, PeriodTotals};
    /// use time::Month;
    /// assert_eq!(Ledger::default().month_totals(2026, Month::March), PeriodTotals::default());
    /// ```
    #[must_use]
    pub fn month_totals(&self, year: i32, month: Month) -> PeriodTotals {
        let m = usize::from(u8::from(month)).saturating_sub(1);
        self.period_totals(year, &[0, 1], &[m])
    }
}
