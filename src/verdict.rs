//! Verdicts: a lawful-or-not answer lists every breached rule with its id, citation, facts and
//! consequence (reading R-CONSEQUENCES). A breach is not an error: bad *input* is an error, a lawful
//! question with a "no" answer is a [`Verdict`].

use std::fmt;

use time::Date;

use crate::money::Euro;
use crate::rules::{Citation, Rules};

/// The id of a rule of the crate's legal reference (`CAP-PAIR`, `PROHIB-SIZE`, ...): the rule a
/// [`Breach`] breaches.
///
/// Each id is a section of [`law::rules`](crate::law::rules) that says what the rule is, where it
/// is in the law, its versions with their effective dates, what a breach exposes the utilizzatore
/// to and which items of the crate apply it; each variant below links to its section. `Display`
/// and [`RuleId::as_str`] print the id exactly as the section's heading. With feature `serde` a
/// `RuleId` (de)serialises as that same id (`"CAP-PAIR"`, `"LF-FUNDING"`), never as the Rust
/// variant name. The enum is `#[non_exhaustive]`: a rule the crate starts to check later gets a
/// new variant.
///
/// Legal basis: art. 54-bis D.L. 50/2017 and the acts of [`law::sources`](crate::law::sources).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::RuleId;
/// assert_eq!(RuleId::CapPair.to_string(), "CAP-PAIR");
/// assert_eq!(RuleId::LfFunding.to_string(), "LF-FUNDING");
/// assert_eq!(RuleId::CpoFunding.to_string(), "CPO-FUNDING");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RuleId {
    /// Cap a, per prestatore (c. 1 lett. a).
    /// See [CAP-PRESTATORE-TOTAL](crate::law::rules#cap-prestatore-total).
    #[cfg_attr(feature = "serde", serde(rename = "CAP-PRESTATORE-TOTAL"))]
    CapPrestatore,
    /// Cap b, per utilizzatore (c. 1 lett. b), including the events-list cap.
    /// See [CAP-UTILIZZATORE-TOTAL](crate::law::rules#cap-utilizzatore-total).
    #[cfg_attr(feature = "serde", serde(rename = "CAP-UTILIZZATORE-TOTAL"))]
    CapUtilizzatore,
    /// Cap c, per pair (c. 1 lett. c).
    /// See [CAP-PAIR](crate::law::rules#cap-pair).
    #[cfg_attr(feature = "serde", serde(rename = "CAP-PAIR"))]
    CapPair,
    /// Cap c-bis, stewards (c. 1 lett. c-bis).
    /// See [CAP-STEWARD](crate::law::rules#cap-steward).
    #[cfg_attr(feature = "serde", serde(rename = "CAP-STEWARD"))]
    CapSteward,
    /// The hour limit per pair (c. 20): 280 hours.
    /// See [HOURS-280](crate::law::rules#hours-280).
    #[cfg_attr(feature = "serde", serde(rename = "HOURS-280"))]
    Hours280,
    /// The agricultural hour limit per pair from 24/6/2017 to 31/12/2022: cap c over the CCNL
    /// hourly rate of the area (c. 20, second sentence, referring to c. 16; INPS msg 2887/2017).
    /// See [HOURS-AGRI](crate::law::rules#hours-agri).
    #[cfg_attr(feature = "serde", serde(rename = "HOURS-AGRI"))]
    HoursAgri,
    /// Who may use the Libretto Famiglia (c. 6 lett. a, c. 10).
    /// See [LF-USERS](crate::law::rules#lf-users).
    #[cfg_attr(feature = "serde", serde(rename = "LF-USERS"))]
    LfUsers,
    /// What the Libretto Famiglia may pay for (c. 10).
    /// See [LF-ACTIVITIES](crate::law::rules#lf-activities).
    #[cfg_attr(feature = "serde", serde(rename = "LF-ACTIVITIES"))]
    LfActivities,
    /// Who may use the CPO (c. 6 lett. b, c. 13).
    /// See [CPO-USERS](crate::law::rules#cpo-users).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-USERS"))]
    CpoUsers,
    /// A PA may use the CPO only for the purposes of c. 7.
    /// See [CPO-PA](crate::law::rules#cpo-pa).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-PA"))]
    CpoPa,
    /// No prestazioni from a current or recent employee or co.co.co. (c. 5).
    /// See [PROHIB-PRIOR](crate::law::rules#prohib-prior).
    #[cfg_attr(feature = "serde", serde(rename = "PROHIB-PRIOR"))]
    ProhibPrior,
    /// CPO headcount limit (c. 14 lett. a).
    /// See [PROHIB-SIZE](crate::law::rules#prohib-size).
    #[cfg_attr(feature = "serde", serde(rename = "PROHIB-SIZE"))]
    ProhibSize,
    /// CPO in agriculture (c. 14 lett. b).
    /// See [PROHIB-AGRI](crate::law::rules#prohib-agri).
    #[cfg_attr(feature = "serde", serde(rename = "PROHIB-AGRI"))]
    ProhibAgri,
    /// CPO banned sectors (c. 14 lett. c).
    /// See [PROHIB-SECTORS](crate::law::rules#prohib-sectors).
    #[cfg_attr(feature = "serde", serde(rename = "PROHIB-SECTORS"))]
    ProhibSectors,
    /// CPO within appalti (c. 14 lett. d).
    /// See [PROHIB-APPALTI](crate::law::rules#prohib-appalti).
    #[cfg_attr(feature = "serde", serde(rename = "PROHIB-APPALTI"))]
    ProhibAppalti,
    /// The CPO pay floor (c. 16, c. 17 lett. e).
    /// See [CPO-MIN-PAY](crate::law::rules#cpo-min-pay).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-MIN-PAY"))]
    CpoMinPay,
    /// The agricultural CPO pay floor, the CCNL hourly rate (former c. 16, 2017-2022).
    /// See [CPO-AGRI-PAY](crate::law::rules#cpo-agri-pay).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-AGRI-PAY"))]
    CpoAgriPay,
    /// The CPO prior communication (c. 17).
    /// See [CPO-COMM](crate::law::rules#cpo-comm).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-COMM"))]
    CpoComm,
    /// The CPO revoca deadline (INPS circ. 107/2017).
    /// See [CPO-REVOCA](crate::law::rules#cpo-revoca).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-REVOCA"))]
    CpoRevoca,
    /// The LF communication deadline (c. 12).
    /// See [LF-COMM](crate::law::rules#lf-comm).
    #[cfg_attr(feature = "serde", serde(rename = "LF-COMM"))]
    LfComm,
    /// The Libretto Famiglia titolo: whole titoli of 8,00 net, each paying at most one hour
    /// (c. 10-11; LF-TITOLO).
    /// See [LF-TITOLO](crate::law::rules#lf-titolo).
    #[cfg_attr(feature = "serde", serde(rename = "LF-TITOLO"))]
    LfTitolo,
    /// Prepaid funds of the Libretto Famiglia on the platform (LF-FUNDING).
    /// See [LF-FUNDING](crate::law::rules#lf-funding).
    #[cfg_attr(feature = "serde", serde(rename = "LF-FUNDING"))]
    LfFunding,
    /// Prepaid funds of the CPO on the platform (CPO-FUNDING).
    /// See [CPO-FUNDING](crate::law::rules#cpo-funding).
    #[cfg_attr(feature = "serde", serde(rename = "CPO-FUNDING"))]
    CpoFunding,
    /// Minimum age and parental consent (reading R-MINORS).
    /// See [ELIG-AGE](crate::law::rules#elig-age).
    #[cfg_attr(feature = "serde", serde(rename = "ELIG-AGE"))]
    EligAge,
    /// A comma-8 category required (agriculture 2017-2022, hotels 2018-2022).
    /// See [ELIG-SELFCERT](crate::law::rules#elig-selfcert).
    #[cfg_attr(feature = "serde", serde(rename = "ELIG-SELFCERT"))]
    EligCategory,
}

impl RuleId {
    /// The id of the rule in [`crate::law::rules`].
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::RuleId;
    /// assert_eq!(RuleId::CapPrestatore.as_str(), "CAP-PRESTATORE-TOTAL");
    /// assert_eq!(RuleId::EligCategory.as_str(), "ELIG-SELFCERT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::CapPrestatore => "CAP-PRESTATORE-TOTAL",
            RuleId::CapUtilizzatore => "CAP-UTILIZZATORE-TOTAL",
            RuleId::CapPair => "CAP-PAIR",
            RuleId::CapSteward => "CAP-STEWARD",
            RuleId::Hours280 => "HOURS-280",
            RuleId::HoursAgri => "HOURS-AGRI",
            RuleId::LfUsers => "LF-USERS",
            RuleId::LfActivities => "LF-ACTIVITIES",
            RuleId::CpoUsers => "CPO-USERS",
            RuleId::CpoPa => "CPO-PA",
            RuleId::ProhibPrior => "PROHIB-PRIOR",
            RuleId::ProhibSize => "PROHIB-SIZE",
            RuleId::ProhibAgri => "PROHIB-AGRI",
            RuleId::ProhibSectors => "PROHIB-SECTORS",
            RuleId::ProhibAppalti => "PROHIB-APPALTI",
            RuleId::CpoMinPay => "CPO-MIN-PAY",
            RuleId::CpoAgriPay => "CPO-AGRI-PAY",
            RuleId::CpoComm => "CPO-COMM",
            RuleId::CpoRevoca => "CPO-REVOCA",
            RuleId::LfComm => "LF-COMM",
            RuleId::LfTitolo => "LF-TITOLO",
            RuleId::LfFunding => "LF-FUNDING",
            RuleId::CpoFunding => "CPO-FUNDING",
            RuleId::EligAge => "ELIG-AGE",
            RuleId::EligCategory => "ELIG-SELFCERT",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a breach exposes the utilizzatore to (reading R-CONSEQUENCES, SANCT-CONV, SANCT-ADMIN).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Consequence, Rules};
/// use time::macros::date;
///
/// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
/// let c = Consequence::administrative_fine(rules, 1, false);
/// assert!(matches!(c, Consequence::AdministrativeFine { .. }));
/// assert_eq!(
///     c.to_string(),
///     "administrative fine of 500,00 € to 2.500,00 € per unit for 1 unit(s), reduced payment 833,33 € per unit"
/// );
/// assert_eq!(
///     Consequence::conversion(date!(2026 - 03 - 07), false).to_string(),
///     "conversion into a full-time open-ended employment from 2026-03-07"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Consequence {
    /// The INPS platform refuses the communication (caps a and b, missing funds, a day without
    /// the regime): nothing happens, nothing is owed.
    PlatformRefusal,
    /// The relationship converts into a full-time open-ended employment from `from`, the day the
    /// limit is exceeded (cap c, 280 hours; art. 54-bis c. 20). Never for a PA (c. 7).
    Conversion {
        /// The first day of the converted relationship.
        from: Date,
    },
    /// An administrative fine (art. 54-bis c. 20): `min` to `max` per unit, `reduced` per unit
    /// if paid in misura ridotta (art. 16 L. 689/1981), `units` days (or worker-days, reading R-FINE-PER-DAY).
    AdministrativeFine {
        /// Minimum per unit.
        min: Euro,
        /// Maximum per unit.
        max: Euro,
        /// Reduced payment per unit.
        reduced: Euro,
        /// How many units (days of violation, or worker-days).
        units: u32,
    },
    /// No fine: the violation is caused by the prestatore's false or incomplete
    /// self-certification (art. 54-bis c. 20 as amended by D.L. 87/2018).
    ExemptFalseSelfCertification,
    /// A PA breaches a limit: no conversion and no fine (c. 7, c. 20), but the use is unlawful.
    UnlawfulUsePa,
    /// The prestazione may not be acquired at all (c. 5; the users of c. 6 and the activities of
    /// c. 10; the minimum age, reading R-MINORS): the literature treats a comma-5 breach as conversion
    /// from the start (SANCT-CONV); the crate reports it as unlawful use (reading
    /// R-CONSEQUENCES). A comma-14 prohibition is not this but an [`Consequence::AdministrativeFine`].
    UnlawfulUse,
    /// The rule is breached but carries no sanction: a late Libretto Famiglia communication
    /// (art. 54-bis c. 12; LF-COMM).
    NoSanction,
}

impl Consequence {
    /// The fine for `units` days (or worker-days) of violation, or the exemption when the breach
    /// was caused by the prestatore's false self-certification and the rules in force grant it.
    ///
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017, as amended by D.L. 87/2018 art. 2-bis; INL
    /// nota 7427/2017 (reading R-FINE-PER-DAY).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Consequence, Euro, Rules};
    /// use time::macros::date;
    ///
    /// let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
    /// let fine = Consequence::administrative_fine(rules, 3, false);
    /// assert!(matches!(fine, Consequence::AdministrativeFine { units: 3, min, .. } if min == Euro::from_euros(500)));
    /// assert_eq!(
    ///     Consequence::administrative_fine(rules, 3, true),
    ///     Consequence::ExemptFalseSelfCertification
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn administrative_fine(rules: &Rules, units: u32, false_self_certification: bool) -> Self {
        if false_self_certification && rules.false_self_certification_exempts.value {
            return Consequence::ExemptFalseSelfCertification;
        }
        let fine = rules.fine.value;
        Consequence::AdministrativeFine {
            min: fine.min,
            max: fine.max,
            reduced: fine.reduced,
            units,
        }
    }

    /// Conversion from `day`, or, for a PA, unlawful use without conversion (art. 54-bis c. 7,
    /// c. 20).
    ///
    /// Legal basis: art. 54-bis c. 7 and c. 20 D.L. 50/2017.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Consequence;
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 07);
    /// assert_eq!(Consequence::conversion(day, false), Consequence::Conversion { from: day });
    /// assert_eq!(Consequence::conversion(day, true), Consequence::UnlawfulUsePa);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn conversion(day: Date, utilizzatore_is_pa: bool) -> Self {
        if utilizzatore_is_pa {
            Consequence::UnlawfulUsePa
        } else {
            Consequence::Conversion { from: day }
        }
    }
}

impl fmt::Display for Consequence {
    /// The consequence in words: `conversion into a full-time open-ended employment from
    /// 2026-03-07`, `administrative fine of 500,00 € to 2.500,00 € per unit for 1 unit(s), reduced
    /// payment 833,33 € per unit`, ... (amounts in the Italian format of [`Euro::to_italian`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Consequence::PlatformRefusal => {
                f.write_str("the INPS platform refuses the communication")
            }
            Consequence::Conversion { from } => write!(
                f,
                "conversion into a full-time open-ended employment from {from}"
            ),
            Consequence::AdministrativeFine {
                min,
                max,
                reduced,
                units,
            } => write!(
                f,
                "administrative fine of {} to {} per unit for {units} unit(s), reduced payment {} per unit",
                min.to_italian(),
                max.to_italian(),
                reduced.to_italian()
            ),
            Consequence::ExemptFalseSelfCertification => f.write_str(
                "no fine: caused by the prestatore's false or incomplete self-certification",
            ),
            Consequence::UnlawfulUsePa => {
                f.write_str("unlawful use by a pubblica amministrazione (no conversion)")
            }
            Consequence::UnlawfulUse => {
                f.write_str("unlawful use: the prestazione may not be acquired")
            }
            Consequence::NoSanction => {
                f.write_str("no sanction (the LF has no fine for a late communication)")
            }
        }
    }
}

/// The amounts behind a breached cap (in euro) or hour limit (in minutes).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Euro, Excess};
/// let e = Excess::money(Euro::from_euros(2_500), Euro::from_euros(2_400), Euro::from_euros(200));
/// assert!(matches!(e, Some(Excess::Money { excess, .. }) if excess == Euro::from_euros(100)));
/// // A total equal to the limit is lawful (reading R-CAP-INCLUSIVE).
/// assert_eq!(Excess::money(Euro::from_euros(2_500), Euro::from_euros(2_400), Euro::from_euros(100)), None);
/// assert!(Excess::minutes(280 * 60, 279 * 60, 61).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Excess {
    /// A cap in euro.
    Money {
        /// The limit.
        limit: Euro,
        /// The amount already used this year (weighted where the cap is).
        used: Euro,
        /// The amount requested (weighted where the cap is).
        requested: Euro,
        /// How far `used + requested` goes over `limit`.
        excess: Euro,
    },
    /// An hour limit, in minutes.
    Minutes {
        /// The limit.
        limit: u32,
        /// Minutes already worked this year.
        used: u32,
        /// Minutes requested.
        requested: u32,
        /// How far `used + requested` goes over `limit`.
        excess: u32,
    },
}

impl Excess {
    /// The excess of `used + requested` over `limit`, or `None` when the total stays within the
    /// limit (a total equal to the limit is lawful, reading R-CAP-INCLUSIVE).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Euro, Excess};
    ///
    /// let limit = Euro::from_euros(2_500);
    /// let over = Excess::money(limit, Euro::from_euros(2_450), Euro::from_euros(80));
    /// assert!(matches!(over, Some(Excess::Money { excess, .. }) if excess == Euro::from_euros(30)));
    /// assert_eq!(Excess::money(limit, Euro::from_euros(2_450), Euro::from_euros(50)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn money(limit: Euro, used: Euro, requested: Euro) -> Option<Excess> {
        let total = used.checked_add(requested)?;
        let excess = total.checked_sub(limit).filter(|e| !e.is_zero())?;
        Some(Excess::Money {
            limit,
            used,
            requested,
            excess,
        })
    }

    /// The excess of `used + requested` minutes over `limit`, or `None` within the limit.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::Excess;
    ///
    /// let limit = 280 * 60;
    /// assert_eq!(
    ///     Excess::minutes(limit, 16_700, 120),
    ///     Some(Excess::Minutes { limit, used: 16_700, requested: 120, excess: 20 })
    /// );
    /// assert_eq!(Excess::minutes(limit, 16_700, 100), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn minutes(limit: u32, used: u32, requested: u32) -> Option<Excess> {
        let total = used.saturating_add(requested);
        let excess = total.checked_sub(limit).filter(|e| *e > 0)?;
        Some(Excess::Minutes {
            limit,
            used,
            requested,
            excess,
        })
    }
}

/// One breached rule: its id, citation, the facts that failed it and its consequence.
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId};
/// let b = Breach::new(RuleId::CpoPa, Citation::art54bis("7"), "purpose not among those of c. 7", Consequence::UnlawfulUsePa);
/// assert_eq!(b.to_string(), "CPO-PA: purpose not among those of c. 7 (art. 54-bis c. 7 D.L. 50/2017)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Breach {
    /// Which rule.
    pub rule: RuleId,
    /// Its legal basis.
    pub citation: Citation,
    /// The facts that failed it, in words.
    pub facts: String,
    /// What it exposes the utilizzatore to.
    pub consequence: Consequence,
    /// For caps and hour limits, the amounts.
    pub excess: Option<Excess>,
}

impl Breach {
    /// A breach without amounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId};
    ///
    /// let b = Breach::new(RuleId::LfComm, Citation::art54bis("12"), "communicated late", Consequence::NoSanction);
    /// assert_eq!(b.rule, RuleId::LfComm);
    /// assert_eq!(b.excess, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        rule: RuleId,
        citation: Citation,
        facts: impl Into<String>,
        consequence: Consequence,
    ) -> Breach {
        Breach {
            rule,
            citation,
            facts: facts.into(),
            consequence,
            excess: None,
        }
    }
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.rule, self.facts, self.citation)
    }
}

/// The answer to "is this lawful?": the list of every breached rule (empty when lawful).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId, Verdict};
/// let mut v = Verdict::default();
/// assert!(v.is_lawful());
/// v.push(Breach::new(RuleId::LfUsers, Citation::art54bis("6").letter("a"), "a condominio is not a persona fisica", Consequence::UnlawfulUse));
/// assert!(!v.is_lawful());
/// assert!(v.breaches_rule(RuleId::LfUsers));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Verdict {
    /// Every breached rule, in the order checked.
    pub breaches: Vec<Breach>,
}

impl Verdict {
    /// Whether no rule is breached.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId, Verdict};
    /// assert!(Verdict::default().is_lawful());
    /// let v = Verdict { breaches: vec![Breach::new(RuleId::CpoUsers, Citation::art54bis("6").letter("b"), "a persona fisica uses the LF", Consequence::UnlawfulUse)] };
    /// assert!(!v.is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_lawful(&self) -> bool {
        self.breaches.is_empty()
    }

    /// Whether `rule` is among the breaches.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId, Verdict};
    ///
    /// let v = Verdict { breaches: vec![Breach::new(RuleId::CpoPa, Citation::art54bis("7"), "purpose not among those of c. 7", Consequence::UnlawfulUsePa)] };
    /// assert!(v.breaches_rule(RuleId::CpoPa));
    /// assert!(!v.breaches_rule(RuleId::CapPair));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn breaches_rule(&self, rule: RuleId) -> bool {
        self.breaches.iter().any(|b| b.rule == rule)
    }

    /// Adds a breach.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Breach, Citation, Consequence, RuleId, Verdict};
    ///
    /// let mut v = Verdict::default();
    /// v.push(Breach::new(RuleId::LfComm, Citation::art54bis("12"), "communicated late", Consequence::NoSanction));
    /// assert_eq!(v.breaches.len(), 1);
    /// assert_eq!(v.to_string(), "LF-COMM: communicated late (art. 54-bis c. 12 D.L. 50/2017)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, breach: Breach) {
        self.breaches.push(breach);
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.breaches.is_empty() {
            return f.write_str("lawful");
        }
        for (i, breach) in self.breaches.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{breach}")?;
        }
        Ok(())
    }
}
