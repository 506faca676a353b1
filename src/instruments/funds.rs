//! The utilizzatore's prepaid funds on the INPS platform for one instrument (LF-FUNDING,
//! CPO-FUNDING, CPO-COMM "Funds").

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use time::Date;

use super::Instrument;
use crate::money::Euro;
use crate::rules::{Citation, FundingChannel, Rules};

/// The causale of an F24 ELIDE top-up: `LIFA` for the Libretto Famiglia, `CLOC` for the CPO.
///
/// Legal basis: INPS msg 4380 of 6/12/2023 (LF-FUNDING, CPO-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Causale, Instrument};
/// assert_eq!(Causale::for_instrument(Instrument::LibrettoFamiglia), Causale::Lifa);
/// assert_eq!(Causale::Cloc.to_string(), "CLOC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Causale {
    /// `LIFA`: Libretto Famiglia.
    Lifa,
    /// `CLOC`: Contratto di Prestazione Occasionale.
    Cloc,
}

impl Causale {
    /// The causale that funds `instrument`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Causale, Instrument};
    /// assert_eq!(Causale::for_instrument(Instrument::ContrattoPrestazioneOccasionale), Causale::Cloc);
    /// ```
    #[must_use]
    pub const fn for_instrument(instrument: Instrument) -> Causale {
        match instrument {
            Instrument::LibrettoFamiglia => Causale::Lifa,
            Instrument::ContrattoPrestazioneOccasionale => Causale::Cloc,
        }
    }
}

impl fmt::Display for Causale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Causale::Lifa => "LIFA",
            Causale::Cloc => "CLOC",
        })
    }
}

/// One payment into the account: plain data, checked by [`FundsAccount::top_up`].
///
/// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS msg 4380/2023 (LF-FUNDING,
/// CPO-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, FundingChannel, TopUp};
/// use time::macros::date;
/// let t = TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(50), available_on: date!(2026 - 03 - 02) };
/// assert_eq!(t.amount, Euro::from_euros(50));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TopUp {
    /// How it was paid.
    pub channel: FundingChannel,
    /// The F24 causale (required for [`FundingChannel::F24Elide`] from INPS msg 4380/2023, which
    /// introduced the causali; if given, it must match the account's instrument).
    pub causale: Option<Causale>,
    /// The amount paid in.
    pub amount: Euro,
    /// The first day the platform shows the money (about 7 days after an F24, hours after a
    /// pagoPA payment, per LF-FUNDING): the host supplies it.
    pub available_on: Date,
}

/// Money reserved for one communicated prestazione.
///
/// Legal basis: art. 54-bis c. 17 D.L. 50/2017; INPS circ. 107/2017 (CPO-COMM "Funds").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Commitment, Euro};
/// use time::macros::date;
/// let c = Commitment { prestazione_id: 1, amount: Euro::from_cents(1241), on: date!(2026 - 03 - 07) };
/// assert_eq!(c.prestazione_id, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Commitment {
    /// The host's identifier of the prestazione.
    pub prestazione_id: u64,
    /// The cost reserved (compenso + contributions + oneri).
    pub amount: Euro,
    /// The day of the communication.
    pub on: Date,
}

/// One entry of an account's history.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Commitment, Euro, FundsEvent};
/// use time::macros::date;
/// let e = FundsEvent::Release(Commitment { prestazione_id: 1, amount: Euro::from_cents(1241), on: date!(2026 - 03 - 07) });
/// assert!(matches!(e, FundsEvent::Release(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum FundsEvent {
    /// Money paid in.
    TopUp(TopUp),
    /// Money reserved for a prestazione.
    Commit(Commitment),
    /// A reservation released on revoca.
    Release(Commitment),
}

/// Why a funds operation is refused. A refused operation changes nothing.
///
/// Legal basis: INPS msg 4380/2023; INPS circ. 107/2017 (LF-FUNDING, CPO-FUNDING).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, FundsError, Instrument};
/// let e = FundsError::Insufficient { available: Euro::ZERO, required: Euro::from_euros(10), instrument: Instrument::LibrettoFamiglia };
/// assert_eq!(e.to_string(), "available balance 0,00 € does not cover the cost 10,00 € (LF-FUNDING)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FundsError {
    /// The channel is not available on the top-up day.
    #[error(
        "funding channel {channel:?} is not available under the rules in force from {valid_from} ({citation})"
    )]
    ChannelNotAllowed {
        /// The channel given.
        channel: FundingChannel,
        /// The first day of the rules version.
        valid_from: Date,
        /// The rule in force.
        citation: Box<Citation>,
    },
    /// An F24 ELIDE top-up without its causale.
    #[error(
        "causale is missing: an F24 ELIDE top-up for the {instrument} needs causale {expected}"
    )]
    MissingCausale {
        /// The account's instrument.
        instrument: Instrument,
        /// The causale it needs.
        expected: Causale,
    },
    /// A causale for the other instrument.
    #[error("causale {causale} does not fund the {instrument}: expected {expected}")]
    WrongCausale {
        /// The causale given.
        causale: Causale,
        /// The account's instrument.
        instrument: Instrument,
        /// The causale it needs.
        expected: Causale,
    },
    /// The rules given start after the money was available, so they cannot be those of the
    /// day it was paid.
    #[error(
        "the rules given start on {valid_from}, after the top-up was available on {available_on}: pass the rules of the payment day"
    )]
    RulesAfterPayment {
        /// The top-up's first day of availability.
        available_on: Date,
        /// The first day of the rules given.
        valid_from: Date,
    },
    /// A zero amount.
    #[error("amount is 0")]
    ZeroAmount,
    /// A Libretto Famiglia top-up that is not a whole number of titoli.
    #[error(
        "amount {} is not a multiple of the titolo value {} (LF-FUNDING)",
        .amount.to_italian(),
        .titolo.to_italian()
    )]
    NotWholeTitoli {
        /// The amount given.
        amount: Euro,
        /// The titolo's nominal value.
        titolo: Euro,
    },
    /// The available balance does not cover the cost.
    #[error(
        "available balance {} does not cover the cost {} ({instrument}-FUNDING)",
        .available.to_italian(),
        .required.to_italian()
    )]
    Insufficient {
        /// Balance available on the day.
        available: Euro,
        /// The cost to reserve.
        required: Euro,
        /// The account's instrument.
        instrument: Instrument,
    },
    /// A prestazione already holding a reservation.
    #[error("prestazione {prestazione_id} already has funds committed")]
    AlreadyCommitted {
        /// The id given.
        prestazione_id: u64,
    },
    /// A release for a prestazione without a reservation.
    #[error("prestazione {prestazione_id} has no funds committed")]
    NotCommitted {
        /// The id given.
        prestazione_id: u64,
    },
    /// A total too large to represent.
    #[error("{what} is too large to represent")]
    Overflow {
        /// What overflowed.
        what: &'static str,
    },
}

/// The prepaid account of one utilizzatore for one instrument: top-ups (each available from a
/// day), commitments for communicated prestazioni, releases on revoca, and the history.
///
/// A prestazione can only be communicated if the balance available on that day covers its cost
/// (compenso + contributions + oneri). Every active commitment counts against every day's
/// balance, whatever day it was made, so a commitment can never spend money another one holds.
/// A refused operation changes nothing.
///
/// Legal basis: art. 54-bis c. 10, c. 13, c. 17 D.L. 50/2017; INPS circ. 107/2017; INPS msg
/// 4380/2023 (LF-FUNDING, CPO-FUNDING, CPO-COMM).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, Instrument, Rules, TopUp};
/// use time::macros::date;
///
/// let day = date!(2026 - 03 - 02);
/// let rules = Rules::in_force_on(day)?;
/// let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
/// account.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(10), available_on: day }, rules)?;
/// let refused = account.commit(1, Euro::from_cents(1241), date!(2026 - 03 - 07)).unwrap_err();
/// assert_eq!(refused.to_string(), "available balance 10,00 € does not cover the cost 12,41 € (CPO-FUNDING)");
/// assert_eq!(account.available_on(date!(2026 - 03 - 07)), Euro::from_euros(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
/// Every operation costs O(log n): the balance available on a day is a prefix sum over the
/// days top-ups become available (a sparse tree over the calendar), and commitments are found by
/// prestazione id in a map.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FundsAccount {
    instrument: Instrument,
    top_ups: Vec<TopUp>,
    /// The active commitments by sequence number (oldest first).
    #[cfg_attr(feature = "serde", serde(serialize_with = "values"))]
    commitments: BTreeMap<u64, Commitment>,
    history: Vec<FundsEvent>,
    /// The cents paid in, by the day they become available.
    #[cfg_attr(feature = "serde", serde(skip))]
    paid_in: DaySums,
    /// The sequence number of each active commitment, by prestazione id.
    #[cfg_attr(feature = "serde", serde(skip))]
    by_prestazione: HashMap<u64, u64>,
    /// The total of the active commitments, in cents.
    #[cfg_attr(feature = "serde", serde(skip))]
    committed_cents: u64,
    /// The sequence number of the next commitment.
    #[cfg_attr(feature = "serde", serde(skip))]
    next: u64,
}

/// Serialises the commitments as a sequence, oldest first (as the account always has).
#[cfg(feature = "serde")]
fn values<S: serde::Serializer>(
    map: &BTreeMap<u64, Commitment>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(map.values())
}

/// Sums of cents by day with prefix sums in O(log days): a sparse binary tree over the Julian
/// days `time::Date` can hold (about 2^23 of them), whose nodes are created only on the paths
/// of the days that hold an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DaySums {
    /// The nodes; the root is the first. A child index of 0 means no child.
    nodes: Vec<DayNode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct DayNode {
    sum: u64,
    left: u32,
    right: u32,
}

impl Default for DaySums {
    fn default() -> DaySums {
        DaySums {
            nodes: vec![DayNode::default()],
        }
    }
}

impl DaySums {
    /// The Julian days the tree covers: `[LOW, HIGH)`, every `time::Date`.
    const LOW: i64 = Date::MIN.to_julian_day() as i64;
    const HIGH: i64 = Date::MAX.to_julian_day() as i64 + 1;
    /// The nodes of a path from the root to a day: more than log2(HIGH - LOW) + 1.
    const DEPTH: usize = 32;

    /// The sum of every amount.
    fn total(&self) -> u64 {
        self.nodes.first().map_or(0, |root| root.sum)
    }

    /// Adds `cents` on `day`; `None`, with nothing changed, when the total would overflow or
    /// the tree cannot grow.
    fn add(&mut self, day: Date, cents: u64) -> Option<()> {
        let key = i64::from(day.to_julian_day());
        // Every check before the first write: no sum on the path exceeds the total, and the
        // path needs at most `DEPTH` new nodes, numbered within u32.
        self.total().checked_add(cents)?;
        u32::try_from(self.nodes.len().checked_add(Self::DEPTH)?).ok()?;
        self.nodes.try_reserve(Self::DEPTH).ok()?;
        let (mut lo, mut hi) = (Self::LOW, Self::HIGH);
        let mut at = 0usize;
        loop {
            let node = self.nodes.get_mut(at)?;
            node.sum = node.sum.checked_add(cents)?;
            if hi - lo <= 1 {
                return Some(());
            }
            let mid = lo + (hi - lo) / 2;
            let go_left = key < mid;
            let child = if go_left { node.left } else { node.right };
            let next = if child == 0 {
                let fresh = u32::try_from(self.nodes.len()).ok()?;
                self.nodes.push(DayNode::default());
                let node = self.nodes.get_mut(at)?;
                if go_left {
                    node.left = fresh;
                } else {
                    node.right = fresh;
                }
                fresh
            } else {
                child
            };
            at = usize::try_from(next).ok()?;
            if go_left {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    /// The sum of the amounts on every day up to `day` included.
    fn up_to(&self, day: Date) -> u64 {
        let key = i64::from(day.to_julian_day());
        let (mut lo, mut hi) = (Self::LOW, Self::HIGH);
        let mut at = 0usize;
        let mut total = 0u64;
        while let Some(node) = self.nodes.get(at) {
            if hi - lo <= 1 {
                return total.saturating_add(node.sum);
            }
            let mid = lo + (hi - lo) / 2;
            if key < mid {
                if node.left == 0 {
                    return total;
                }
                at = usize::try_from(node.left).unwrap_or(usize::MAX);
                hi = mid;
            } else {
                let left = usize::try_from(node.left)
                    .ok()
                    .filter(|i| *i != 0)
                    .and_then(|i| self.nodes.get(i))
                    .map_or(0, |n| n.sum);
                total = total.saturating_add(left);
                if node.right == 0 {
                    return total;
                }
                at = usize::try_from(node.right).unwrap_or(usize::MAX);
                lo = mid;
            }
        }
        total
    }
}

impl FundsAccount {
    /// An empty account for `instrument`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{FundsAccount, Instrument};
    /// let account = FundsAccount::new(Instrument::LibrettoFamiglia);
    /// assert!(account.history().is_empty());
    /// ```
    #[must_use]
    pub fn new(instrument: Instrument) -> FundsAccount {
        FundsAccount {
            instrument,
            top_ups: Vec::new(),
            commitments: BTreeMap::new(),
            history: Vec::new(),
            paid_in: DaySums::default(),
            by_prestazione: HashMap::new(),
            committed_cents: 0,
            next: 0,
        }
    }

    /// The account's instrument.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{FundsAccount, Instrument};
    /// assert_eq!(FundsAccount::new(Instrument::LibrettoFamiglia).instrument(), Instrument::LibrettoFamiglia);
    /// ```
    #[must_use]
    pub fn instrument(&self) -> Instrument {
        self.instrument
    }

    /// Pays money in. `rules` are those in force on the day of the payment (so they start no
    /// later than `available_on`): the channel must be one of theirs; an F24 ELIDE payment needs
    /// the causale of the account's instrument (`LIFA` or `CLOC`) under rules that name the
    /// causali ([`FundingChannels::f24_causali`](crate::FundingChannels::f24_causali), from INPS
    /// msg 4380/2023), and a causale given must be that one; a Libretto Famiglia payment must be
    /// a whole number of titoli (a multiple of 10,00).
    ///
    /// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS msg 3177/2017; INPS msg 4380/2023
    /// (LF-FUNDING, CPO-FUNDING).
    ///
    /// # Errors
    ///
    /// [`FundsError::RulesAfterPayment`], [`FundsError::ChannelNotAllowed`],
    /// [`FundsError::MissingCausale`], [`FundsError::WrongCausale`], [`FundsError::ZeroAmount`],
    /// [`FundsError::NotWholeTitoli`], [`FundsError::Overflow`]; the account is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Causale, Euro, FundingChannel, FundsAccount, Instrument, Rules, TopUp};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 02);
    /// let rules = Rules::in_force_on(day)?;
    /// let mut lf = FundsAccount::new(Instrument::LibrettoFamiglia);
    /// let f24 = TopUp { channel: FundingChannel::F24Elide, causale: Some(Causale::Lifa), amount: Euro::from_euros(30), available_on: date!(2026 - 03 - 09) };
    /// lf.top_up(f24, rules)?;
    /// assert_eq!(lf.available_on(date!(2026 - 03 - 09)), Euro::from_euros(30));
    ///
    /// let odd = TopUp { amount: Euro::from_euros(15), ..f24 };
    /// assert_eq!(lf.top_up(odd, rules).unwrap_err().to_string(), "amount 15,00 € is not a multiple of the titolo value 10,00 € (LF-FUNDING)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn top_up(&mut self, top_up: TopUp, rules: &Rules) -> Result<(), FundsError> {
        // The payment is made on or before the day the money shows.
        if rules.valid_from() > top_up.available_on {
            return Err(FundsError::RulesAfterPayment {
                available_on: top_up.available_on,
                valid_from: rules.valid_from(),
            });
        }
        let channels = &rules.funding_channels;
        if !channels.value.contains(top_up.channel) {
            return Err(FundsError::ChannelNotAllowed {
                channel: top_up.channel,
                valid_from: rules.valid_from(),
                citation: Box::new(channels.citation.clone()),
            });
        }
        let expected = Causale::for_instrument(self.instrument);
        match top_up.causale {
            None if top_up.channel == FundingChannel::F24Elide && channels.value.f24_causali => {
                return Err(FundsError::MissingCausale {
                    instrument: self.instrument,
                    expected,
                });
            }
            Some(causale) if causale != expected => {
                return Err(FundsError::WrongCausale {
                    causale,
                    instrument: self.instrument,
                    expected,
                });
            }
            _ => {}
        }
        if top_up.amount.is_zero() {
            return Err(FundsError::ZeroAmount);
        }
        if self.instrument == Instrument::LibrettoFamiglia {
            let titolo = rules.lf_titolo.value.value;
            let whole = top_up
                .amount
                .as_decimal()
                .checked_rem(titolo.as_decimal())
                .is_some_and(|rest| rest.is_zero());
            if !whole {
                return Err(FundsError::NotWholeTitoli {
                    amount: top_up.amount,
                    titolo,
                });
            }
        }
        // Refuse a top-up whose total could not be represented, so balances never overflow.
        let overflow = FundsError::Overflow {
            what: "total paid in",
        };
        let cents = top_up.amount.cents();
        self.paid_in
            .add(top_up.available_on, cents)
            .ok_or(overflow)?;
        self.top_ups.push(top_up);
        self.history.push(FundsEvent::TopUp(top_up));
        Ok(())
    }

    /// The balance available on `date`: every top-up available by then, less every active
    /// commitment (zero if they exceed it).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundsAccount, Instrument};
    /// use time::macros::date;
    /// assert_eq!(FundsAccount::new(Instrument::LibrettoFamiglia).available_on(date!(2026 - 03 - 07)), Euro::ZERO);
    /// ```
    #[must_use]
    pub fn available_on(&self, date: Date) -> Euro {
        Euro::from_cents(
            self.paid_in
                .up_to(date)
                .saturating_sub(self.committed_cents),
        )
    }

    /// The total of the active commitments.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundsAccount, Instrument};
    /// assert_eq!(FundsAccount::new(Instrument::LibrettoFamiglia).committed(), Euro::ZERO);
    /// ```
    #[must_use]
    pub fn committed(&self) -> Euro {
        Euro::from_cents(self.committed_cents)
    }

    /// Reserves `amount` (the prestazione's full cost) for prestazione `prestazione_id`
    /// communicated on `on`. Refused when the balance available that day does not cover it; a
    /// refusal changes nothing.
    ///
    /// Legal basis: art. 54-bis c. 17 D.L. 50/2017; INPS circ. 107/2017 (CPO-COMM
    /// "Funds", LF-FUNDING, CPO-FUNDING).
    ///
    /// # Errors
    ///
    /// [`FundsError::Insufficient`] naming both amounts, [`FundsError::AlreadyCommitted`],
    /// [`FundsError::ZeroAmount`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, Instrument, Rules, TopUp};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 02);
    /// let mut cpo = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    /// cpo.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(50), available_on: day }, Rules::in_force_on(day)?)?;
    /// cpo.commit(7, Euro::from_cents(4964), date!(2026 - 03 - 07))?;
    /// assert_eq!(cpo.available_on(date!(2026 - 03 - 07)), Euro::from_cents(36));
    /// assert!(cpo.commit(8, Euro::from_cents(37), date!(2026 - 03 - 07)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commit(
        &mut self,
        prestazione_id: u64,
        amount: Euro,
        on: Date,
    ) -> Result<(), FundsError> {
        if self.by_prestazione.contains_key(&prestazione_id) {
            return Err(FundsError::AlreadyCommitted { prestazione_id });
        }
        if amount.is_zero() {
            return Err(FundsError::ZeroAmount);
        }
        let available = self.available_on(on);
        if amount > available {
            return Err(FundsError::Insufficient {
                available,
                required: amount,
                instrument: self.instrument,
            });
        }
        let cents = amount.cents();
        let commitment = Commitment {
            prestazione_id,
            amount,
            on,
        };
        let seq = self.next;
        self.next = self.next.saturating_add(1);
        self.committed_cents = self.committed_cents.saturating_add(cents);
        self.commitments.insert(seq, commitment);
        self.by_prestazione.insert(prestazione_id, seq);
        self.history.push(FundsEvent::Commit(commitment));
        Ok(())
    }

    /// Releases the reservation of `prestazione_id` after a revoca, restoring exactly the
    /// amount committed, and returns it.
    ///
    /// Legal basis: INPS circ. 107/2017 (CPO-REVOCA).
    ///
    /// # Errors
    ///
    /// [`FundsError::NotCommitted`] when the prestazione holds no reservation.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, Instrument, Rules, TopUp};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 02);
    /// let mut cpo = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    /// cpo.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(50), available_on: day }, Rules::in_force_on(day)?)?;
    /// cpo.commit(7, Euro::from_cents(4964), day)?;
    /// assert_eq!(cpo.release(7)?, Euro::from_cents(4964));
    /// assert_eq!(cpo.available_on(day), Euro::from_euros(50));
    /// assert!(cpo.release(7).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn release(&mut self, prestazione_id: u64) -> Result<Euro, FundsError> {
        let not_committed = FundsError::NotCommitted { prestazione_id };
        let seq = *self
            .by_prestazione
            .get(&prestazione_id)
            .ok_or(not_committed.clone())?;
        let commitment = self.commitments.remove(&seq).ok_or(not_committed)?;
        self.by_prestazione.remove(&prestazione_id);
        self.committed_cents = self
            .committed_cents
            .saturating_sub(commitment.amount.cents());
        self.history.push(FundsEvent::Release(commitment));
        Ok(commitment.amount)
    }

    /// The active commitments, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, FundsEvent, Instrument, Rules, TopUp};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 02);
    /// let mut cpo = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    /// cpo.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(50), available_on: day }, Rules::in_force_on(day)?)?;
    /// cpo.commit(7, Euro::from_cents(1241), day)?;
    /// assert_eq!(cpo.commitments().next().map(|c| c.prestazione_id), Some(7));
    /// assert!(matches!(cpo.history(), [FundsEvent::TopUp(_), FundsEvent::Commit(_)]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn commitments(&self) -> impl ExactSizeIterator<Item = &Commitment> + '_ {
        self.commitments.values()
    }

    /// Every top-up, commitment and release, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, FundingChannel, FundsAccount, FundsEvent, Instrument, Rules, TopUp};
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 02);
    /// let mut cpo = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    /// cpo.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(50), available_on: day }, Rules::in_force_on(day)?)?;
    /// cpo.commit(7, Euro::from_cents(1241), day)?;
    /// assert_eq!(cpo.commitments().len(), 1);
    /// assert!(matches!(cpo.history(), [FundsEvent::TopUp(_), FundsEvent::Commit(_)]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn history(&self) -> &[FundsEvent] {
        &self.history
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn day_sums_are_prefix_sums_to_the_ends_of_the_calendar() {
        let mut sums = DaySums::default();
        let days = [
            Date::MAX,
            date!(2026 - 03 - 07),
            Date::MIN,
            date!(2026 - 03 - 06),
            date!(2026 - 03 - 07),
        ];
        for (cents, day) in (1u64..).zip(days) {
            sums.add(day, cents).unwrap();
        }
        assert_eq!(sums.up_to(Date::MIN), 3);
        assert_eq!(sums.up_to(date!(2026 - 03 - 05)), 3);
        assert_eq!(sums.up_to(date!(2026 - 03 - 06)), 7);
        assert_eq!(sums.up_to(date!(2026 - 03 - 07)), 14);
        assert_eq!(sums.up_to(Date::MAX), 15);
        // The last day of the calendar is a day of its own: the amount on it does not count the
        // day before.
        assert_eq!(sums.up_to(Date::MAX.previous_day().unwrap()), 14);
        assert_eq!(sums.total(), 15);
        // An amount the total cannot hold is refused and changes nothing.
        let before = sums.clone();
        assert_eq!(sums.add(date!(2026 - 03 - 08), u64::MAX), None);
        assert_eq!(sums, before);
    }
}
