//! Admissibility: may this utilizzatore engage this prestatore for this work with this instrument
//! on this day? (art. 54-bis c. 5, 6, 7, 10, 13, 14 D.L. 50/2017; reading R-CATEGORY-OPTIONAL, R-MINORS, R-HEADCOUNT,
//! R-CONSEQUENCES.)

use std::fmt;

use time::Date;

use crate::ateco::{AmbiguousActivity, Sector};
use crate::parties::{HeadcountError, PaPurpose, Prestatore, Utilizzatore, UtilizzatoreKind};
use crate::prestazione::Instrument;
use crate::rules::{AgricultureRule, Citation, Rules};
use crate::verdict::{Breach, Consequence, RuleId, Verdict};

/// Why an admissibility question cannot be answered (bad input, not a "no").
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     assess_admissibility, AdmissibilityError, Engagement, Instrument, LfActivity, Prestatore, Rules, Utilizzatore, UtilizzatoreKind,
/// };
/// use time::macros::date;
///
/// let day = date!(2026 - 03 - 07);
/// let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// let job = Engagement::on(day).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
/// assert!(assess_admissibility(Instrument::LibrettoFamiglia, &family, &mario, &job, Rules::in_force_on(day)?).is_ok());
///
/// let old = Rules::in_force_on(date!(2017 - 06 - 24))?;
/// let err = assess_admissibility(Instrument::LibrettoFamiglia, &family, &mario, &job, old).unwrap_err();
/// assert!(matches!(err, AdmissibilityError::RulesNotInForce { .. }));
/// assert_eq!(
///     err.to_string(),
///     "rules in force from 2017-06-24 do not cover the engagement day 2026-03-07: pass the rules in force that day"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AdmissibilityError {
    /// The rules given are not the version in force on the day of the engagement.
    #[error(
        "rules in force from {valid_from} do not cover the engagement day {day}: pass the rules in force that day"
    )]
    RulesNotInForce {
        /// The day of the engagement.
        day: Date,
        /// The first day of the rules given.
        valid_from: Date,
    },
    /// The engagement day is before the prestatore's birth.
    #[error("engagement day {day} is before the prestatore's birth date {birth_date}")]
    BeforeBirth {
        /// The day of the engagement.
        day: Date,
        /// The birth date.
        birth_date: Date,
    },
    /// The headcount semester cannot be computed (e.g. a month is missing).
    #[error(transparent)]
    Headcount(#[from] HeadcountError),
    /// An ATECO code is ambiguous for a list the question needs, and no activity is declared
    /// (reading R-ATECO-2025).
    #[error(transparent)]
    AmbiguousActivity(#[from] AmbiguousActivity),
}

/// The activities the Libretto Famiglia may pay for.
///
/// Legal basis: art. 54-bis c. 10 D.L. 50/2017; steward services c. 1 lett. c-bis, added by
/// L. 205/2017 art. 1 c. 368 (LF-ACTIVITIES).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::LfActivity;
/// assert_eq!(LfActivity::InsegnamentoPrivatoSupplementare.to_string(), "insegnamento privato supplementare");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum LfActivity {
    /// Piccoli lavori domestici, including giardinaggio, pulizia and manutenzione.
    PiccoliLavoriDomestici,
    /// Assistenza domiciliare to children, the elderly, the sick or the disabled.
    AssistenzaDomiciliare,
    /// Insegnamento privato supplementare.
    InsegnamentoPrivatoSupplementare,
    /// Steward services of a società sportiva (c. 1 lett. c-bis, from 1/1/2018).
    Steward,
}

impl fmt::Display for LfActivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LfActivity::PiccoliLavoriDomestici => {
                "piccoli lavori domestici (giardinaggio, pulizia, manutenzione)"
            }
            LfActivity::AssistenzaDomiciliare => {
                "assistenza domiciliare a bambini, anziani, ammalati, disabili"
            }
            LfActivity::InsegnamentoPrivatoSupplementare => "insegnamento privato supplementare",
            LfActivity::Steward => "steward service",
        })
    }
}

/// The work an utilizzatore wants a prestatore for: the day, what the work is, and the facts only
/// the host knows (plain data).
///
/// - `lf_activity`: for the Libretto Famiglia, which c. 10 activity (`None`: none of them);
/// - `within_appalto`: for the CPO, whether the work is part of an appalto di opere o servizi;
/// - `pa_purpose`: for a PA, the c. 7 purpose of the work (`None`: none of them);
/// - `self_certification_false`: the host knows (e.g. after an inspection) that the prestatore's
///   self-certification behind a condition (agriculture, hotels) is false or incomplete; such a
///   breach carries no fine from 12/8/2018 (c. 20 as amended by D.L. 87/2018).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{Engagement, LfActivity};
/// use time::macros::date;
/// let job = Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::AssistenzaDomiciliare);
/// assert_eq!(job.lf_activity, Some(LfActivity::AssistenzaDomiciliare));
/// assert!(!job.within_appalto);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Engagement {
    /// The day of the prestazione.
    pub day: Date,
    /// For LF: the c. 10 activity.
    pub lf_activity: Option<LfActivity>,
    /// For CPO: within an appalto di opere o servizi (c. 14 lett. d).
    pub within_appalto: bool,
    /// For a PA: the c. 7 purpose.
    pub pa_purpose: Option<PaPurpose>,
    /// The prestatore's self-certification behind a condition is false or incomplete.
    pub self_certification_false: bool,
}

impl Engagement {
    /// Work on `day`, with no LF activity, outside any appalto, no PA purpose, and no known
    /// false self-certification.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Engagement};
    /// use time::macros::date;
    /// let job = Engagement::on(date!(2026 - 03 - 07));
    /// assert_eq!(job.day, date!(2026 - 03 - 07));
    /// assert_eq!((job.lf_activity, job.pa_purpose), (None, None));
    /// assert!(!job.within_appalto && !job.self_certification_false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn on(day: Date) -> Engagement {
        Engagement {
            day,
            lf_activity: None,
            within_appalto: false,
            pa_purpose: None,
            self_certification_false: false,
        }
    }

    /// Sets the LF activity.
    ///
    /// Legal basis: art. 54-bis c. 10 D.L. 50/2017 (LF-ACTIVITIES).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Engagement, LfActivity};
    /// use time::macros::date;
    /// let job = Engagement::on(date!(2026 - 03 - 07)).with_lf_activity(LfActivity::InsegnamentoPrivatoSupplementare);
    /// assert_eq!(job.lf_activity, Some(LfActivity::InsegnamentoPrivatoSupplementare));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_lf_activity(mut self, activity: LfActivity) -> Engagement {
        self.lf_activity = Some(activity);
        self
    }

    /// Marks the work as within an appalto (c. 14 lett. d).
    ///
    /// Legal basis: art. 54-bis c. 14 lett. d D.L. 50/2017 (PROHIB-APPALTI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Engagement};
    /// use time::macros::date;
    /// let job = Engagement::on(date!(2026 - 03 - 07)).within_appalto();
    /// assert!(job.within_appalto);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn within_appalto(mut self) -> Engagement {
        self.within_appalto = true;
        self
    }

    /// Sets the PA purpose.
    ///
    /// Legal basis: art. 54-bis c. 7 D.L. 50/2017 (CPO-PA).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Engagement, PaPurpose};
    /// use time::macros::date;
    /// let job = Engagement::on(date!(2026 - 03 - 07)).with_pa_purpose(PaPurpose::Events);
    /// assert_eq!(job.pa_purpose, Some(PaPurpose::Events));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_pa_purpose(mut self, purpose: PaPurpose) -> Engagement {
        self.pa_purpose = Some(purpose);
        self
    }

    /// Marks the prestatore's self-certification as false or incomplete.
    ///
    /// Legal basis: art. 54-bis c. 20 D.L. 50/2017 as amended by D.L. 87/2018.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{Engagement};
    /// use time::macros::date;
    /// let job = Engagement::on(date!(2026 - 03 - 07)).with_false_self_certification();
    /// assert!(job.self_certification_false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_false_self_certification(mut self) -> Engagement {
        self.self_certification_false = true;
        self
    }
}

/// Whether `utilizzatore` may engage `prestatore` for `engagement` with `instrument`, under the
/// `rules` in force on the engagement day: every failed condition, each with its [`RuleId`], the
/// citation of the rule in force, the facts in words and its [`Consequence`] (reading R-CONSEQUENCES).
///
/// Checked, in order:
/// - **LF** (c. 6 lett. a, c. 10): only a persona fisica outside any business or profession, for
///   the c. 10 activities ([`RuleId::LfUsers`], [`RuleId::LfActivities`]); a società sportiva
///   (L. 91/1981) only for stewards, and only while c. 1 lett. c-bis is in force (the rules'
///   `cap_steward`).
/// - **CPO** (c. 6 lett. b, c. 7, c. 14): not a persona fisica outside business (it must use the
///   LF: [`RuleId::CpoUsers`]); a PA only for a c. 7 purpose ([`RuleId::CpoPa`]) and exempt from
///   the headcount limit; otherwise the semester average of permanent employees must not be more
///   than the limit in force ([`RuleId::ProhibSize`]: the general limit, the hotel regime's for
///   [`Sector::Hospitality`] while in force, then only with a prestatore whose comma-8 category
///   holds that day, [`RuleId::EligCategory`]; the events limit for
///   [`Sector::EventsThermalParks`] while in force — the events limit takes precedence over the
///   hotel one for a firm in both); no prohibited sector ([`RuleId::ProhibSectors`]); agriculture
///   as dated ([`RuleId::ProhibAgri`]: with conditions, a comma-8 prestatore who self-certified
///   not being in the agricultural lists the previous calendar year; banned from 2023); not
///   within an appalto ([`RuleId::ProhibAppalti`]).
/// - **Both**: c. 5 ([`RuleId::ProhibPrior`], see [`Utilizzatore::barring_relationship`] for how
///   the months are read); the minimum age on the day and, under the age of consent, a parental
///   consent given on or before the day ([`RuleId::EligAge`], reading R-MINORS).
///
/// Consequences (R-CONSEQUENCES): a c. 14 breach is an administrative fine for one day
/// ([`Consequence::administrative_fine`]; the exemption for a false self-certification applies to
/// the agriculture and hotel-category conditions when the engagement says so); for a PA no fine
/// and no conversion ([`Consequence::UnlawfulUsePa`]); every other breach is
/// [`Consequence::UnlawfulUse`] (`UnlawfulUsePa` for a PA).
///
/// Legal basis: art. 54-bis c. 5, 6, 7, 10, 13, 14, 20 D.L. 50/2017 (LF-USERS,
/// LF-ACTIVITIES, CPO-USERS, CPO-PA, PROHIB-PRIOR, PROHIB-SIZE, PROHIB-AGRI, PROHIB-SECTORS,
/// PROHIB-APPALTI, EMPLOYEE-COUNT, ELIG-AGE; reading R-CATEGORY-OPTIONAL, R-MINORS, R-HEADCOUNT, R-CONSEQUENCES).
///
/// # Errors
///
/// [`AdmissibilityError::RulesNotInForce`] when `rules` are not those in force on the day;
/// [`AdmissibilityError::BeforeBirth`]; [`AdmissibilityError::Headcount`] when a CPO needs the
/// semester average and a month is missing; [`AdmissibilityError::AmbiguousActivity`] when a CPO
/// needs a list of the law (the banned sectors, agriculture, the events or hotel limit while in
/// force) and an ATECO code is ambiguous for it with no declared activity (reading R-ATECO-2025).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     assess_admissibility, Engagement, Instrument, LfActivity, Prestatore, RuleId, Rules, Utilizzatore, UtilizzatoreKind,
/// };
/// use time::macros::date;
///
/// let day = date!(2026 - 03 - 07);
/// let rules = Rules::in_force_on(day)?;
/// let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// let babysitting = Engagement::on(day).with_lf_activity(LfActivity::AssistenzaDomiciliare);
///
/// let ok = assess_admissibility(Instrument::LibrettoFamiglia, &family, &mario, &babysitting, rules)?;
/// assert!(ok.is_lawful());
///
/// // A condominio must use the CPO.
/// let condominio = Utilizzatore::new("12345670157".parse()?, "Condominio Via Roma 1", UtilizzatoreKind::Condominio)?;
/// let cleaning = Engagement::on(day).with_lf_activity(LfActivity::PiccoliLavoriDomestici);
/// let no = assess_admissibility(Instrument::LibrettoFamiglia, &condominio, &mario, &cleaning, rules)?;
/// assert!(no.breaches_rule(RuleId::LfUsers));
///
/// // Rules of another day are refused.
/// let old = Rules::in_force_on(date!(2019 - 01 - 01))?;
/// assert!(assess_admissibility(Instrument::LibrettoFamiglia, &family, &mario, &babysitting, old).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_admissibility(
    instrument: Instrument,
    utilizzatore: &Utilizzatore,
    prestatore: &Prestatore,
    engagement: &Engagement,
    rules: &Rules,
) -> Result<Verdict, AdmissibilityError> {
    let day = engagement.day;
    if !rules.cover(day) {
        return Err(AdmissibilityError::RulesNotInForce {
            day,
            valid_from: rules.valid_from(),
        });
    }
    let age = prestatore
        .age_on(day)
        .ok_or(AdmissibilityError::BeforeBirth {
            day,
            birth_date: prestatore.birth_date(),
        })?;
    let mut verdict = Verdict::default();
    match instrument {
        Instrument::LibrettoFamiglia => check_lf(&mut verdict, utilizzatore, engagement, rules),
        Instrument::ContrattoPrestazioneOccasionale => {
            check_cpo(&mut verdict, utilizzatore, prestatore, engagement, rules)?;
        }
    }
    check_prior(&mut verdict, utilizzatore, prestatore, day, rules);
    check_age(&mut verdict, utilizzatore, prestatore, age, day, rules);
    Ok(verdict)
}

/// Unlawful use, or for a PA unlawful use without conversion or fine.
fn unlawful(utilizzatore: &Utilizzatore) -> Consequence {
    if utilizzatore.kind().is_pa() {
        Consequence::UnlawfulUsePa
    } else {
        Consequence::UnlawfulUse
    }
}

/// The c. 14 fine for one day (none for a PA); `by_self_certification` when the breach is caused
/// by the prestatore's self-certification.
fn comma14(
    utilizzatore: &Utilizzatore,
    engagement: &Engagement,
    rules: &Rules,
    by_self_certification: bool,
) -> Consequence {
    if utilizzatore.kind().is_pa() {
        Consequence::UnlawfulUsePa
    } else {
        Consequence::administrative_fine(
            rules,
            1,
            by_self_certification && engagement.self_certification_false,
        )
    }
}

fn lf_users_citation() -> Citation {
    Citation::art54bis("6")
        .letter("a")
        .implemented_by("INPS circ. 107/2017")
}

fn check_lf(verdict: &mut Verdict, u: &Utilizzatore, e: &Engagement, rules: &Rules) {
    let activity = e.lf_activity;
    match u.kind() {
        UtilizzatoreKind::PersonaFisica => match activity {
            Some(LfActivity::Steward) => verdict.push(Breach::new(
                RuleId::LfActivities,
                rules.cap_steward.citation.clone(),
                "steward services are payable through the Libretto Famiglia only by a società sportiva (L. 91/1981), not by a persona fisica",
                Consequence::UnlawfulUse,
            )),
            Some(_) => {}
            None => verdict.push(Breach::new(
                RuleId::LfActivities,
                Citation::art54bis("10"),
                "the work is none of the activities of c. 10 (piccoli lavori domestici, assistenza domiciliare, insegnamento privato supplementare)",
                Consequence::UnlawfulUse,
            )),
        },
        UtilizzatoreKind::SocietaSportiva => {
            if rules.cap_steward.value.is_none() {
                verdict.push(Breach::new(
                    RuleId::LfUsers,
                    rules.cap_steward.citation.clone(),
                    format!(
                        "a società sportiva may use the Libretto Famiglia only for stewards under c. 1 lett. c-bis, not in force on {}",
                        e.day
                    ),
                    Consequence::UnlawfulUse,
                ));
            } else if activity != Some(LfActivity::Steward) {
                verdict.push(Breach::new(
                    RuleId::LfUsers,
                    rules.cap_steward.citation.clone(),
                    "a società sportiva may use the Libretto Famiglia only for steward services",
                    Consequence::UnlawfulUse,
                ));
            }
        }
        kind => verdict.push(Breach::new(
            RuleId::LfUsers,
            lf_users_citation(),
            format!(
                "the utilizzatore ({kind}) may not use the Libretto Famiglia: only a persona fisica outside any business or professional activity (and a società sportiva for stewards)"
            ),
            unlawful(u),
        )),
    }
}

fn check_cpo(
    verdict: &mut Verdict,
    u: &Utilizzatore,
    p: &Prestatore,
    e: &Engagement,
    rules: &Rules,
) -> Result<(), AdmissibilityError> {
    let day = e.day;
    match u.kind() {
        UtilizzatoreKind::PersonaFisica => verdict.push(Breach::new(
            RuleId::CpoUsers,
            Citation::art54bis("6").letter("b"),
            "a persona fisica outside any business or professional activity uses the Libretto Famiglia, not the CPO",
            Consequence::UnlawfulUse,
        )),
        UtilizzatoreKind::PubblicaAmministrazione => {
            if e.pa_purpose.is_none() {
                verdict.push(Breach::new(
                    RuleId::CpoPa,
                    Citation::art54bis("7"),
                    "a pubblica amministrazione may use the CPO only for the temporary or exceptional needs of c. 7 (progetti speciali, emergencies after calamities, solidarity, social, sporting, cultural or charitable events), and none is given",
                    Consequence::UnlawfulUsePa,
                ));
            }
        }
        _ => check_size(verdict, u, p, e, rules)?,
    }
    // One ban (c. 14 lett. c), so one breach and one fine, however many of its sectors the
    // activity falls in (quarrying is both mining and stone working).
    let mut banned = Vec::new();
    for &sector in &rules.prohibited_sectors.value {
        if u.is_in_sector(sector)? {
            banned.push(format!("{} ({})", sector.words(), sector.citation()));
        }
    }
    if let Some((last, init)) = banned.split_last() {
        let sectors = if init.is_empty() {
            format!("the sector {last}")
        } else {
            format!("the sectors {} and {last}", init.join(", "))
        };
        verdict.push(Breach::new(
            RuleId::ProhibSectors,
            rules.prohibited_sectors.citation.clone(),
            format!("the CPO is banned in {sectors}"),
            comma14(u, e, rules, false),
        ));
    }
    if u.is_in_sector(Sector::Agriculture)? {
        check_agriculture(verdict, u, p, e, rules);
    }
    if e.within_appalto {
        verdict.push(Breach::new(
            RuleId::ProhibAppalti,
            Citation::art54bis("14").letter("d"),
            format!(
                "the CPO may not be used within the esecuzione di appalti di opere o servizi (work on {day})"
            ),
            comma14(u, e, rules, false),
        ));
    }
    Ok(())
}

/// The size limit (c. 14 lett. a) and, for hotels 2018-2022, the comma-8 condition.
fn check_size(
    verdict: &mut Verdict,
    u: &Utilizzatore,
    p: &Prestatore,
    e: &Engagement,
    rules: &Rules,
) -> Result<(), AdmissibilityError> {
    let day = e.day;
    // A list is asked about only while its limit is in force, so an ambiguous code matters only
    // then (reading R-ATECO-2025).
    let events = match rules.headcount_limit_events.value {
        Some(limit) if u.is_in_sector(Sector::EventsThermalParks)? => Some(limit),
        _ => None,
    };
    let hotels = match rules.headcount_limit_hotels.value {
        Some(regime) if u.is_in_sector(Sector::Hospitality)? => Some(regime),
        _ => None,
    };
    let (limit, citation, scope) = if let Some(limit) = events {
        (
            limit,
            &rules.headcount_limit_events.citation,
            " (events / thermal / parks limit)",
        )
    } else if let Some(hotel) = hotels {
        if hotel.requires_special_category && p.special_category_on(day, rules).is_none() {
            verdict.push(Breach::new(
                RuleId::EligCategory,
                rules.headcount_limit_hotels.citation.clone(),
                format!(
                    "a hotel or struttura ricettiva may use the CPO only with a prestatore in a comma-8 category, and none holds on {day}"
                ),
                comma14(u, e, rules, true),
            ));
        }
        (
            hotel.headcount_limit,
            &rules.headcount_limit_hotels.citation,
            " (hotel limit)",
        )
    } else {
        (
            rules.headcount_limit.value,
            &rules.headcount_limit.citation,
            "",
        )
    };
    let average = u.headcounts().semester_average(day)?;
    if average.is_more_than(limit) {
        verdict.push(Breach::new(
            RuleId::ProhibSize,
            citation.clone(),
            format!(
                "semester average {} permanent employees ({}) is more than {limit}{scope}",
                average.figure(),
                average.months_in_words()
            ),
            comma14(u, e, rules, false),
        ));
    }
    Ok(())
}

fn check_agriculture(
    verdict: &mut Verdict,
    u: &Utilizzatore,
    p: &Prestatore,
    e: &Engagement,
    rules: &Rules,
) {
    let day = e.day;
    let citation = rules.agriculture.citation.clone();
    match rules.agriculture.value {
        AgricultureRule::Banned => verdict.push(Breach::new(
            RuleId::ProhibAgri,
            citation,
            format!("the CPO is banned for imprese del settore agricolo on {day}"),
            comma14(u, e, rules, false),
        )),
        AgricultureRule::AllowedWithConditions => {
            let previous = day.year().saturating_sub(1);
            let category = p.special_category_on(day, rules).is_some();
            let not_listed = p.certified_not_in_agricultural_lists(previous);
            if !(category && not_listed) {
                let mut missing = Vec::new();
                if !category {
                    missing.push(format!("no comma-8 category holds on {day}"));
                }
                if !not_listed {
                    missing.push(format!(
                        "no self-certification of not being in the elenchi anagrafici dei lavoratori agricoli in {previous}"
                    ));
                }
                verdict.push(Breach::new(
                    RuleId::ProhibAgri,
                    citation,
                    format!(
                        "an agricultural CPO needs a comma-8 prestatore not in the agricultural lists the previous year: {}",
                        missing.join(", ")
                    ),
                    comma14(u, e, rules, true),
                ));
            }
        }
    }
}

fn check_prior(verdict: &mut Verdict, u: &Utilizzatore, p: &Prestatore, day: Date, rules: &Rules) {
    if let Some(r) = u.barring_relationship(&p.codice_fiscale(), day, rules) {
        let months = rules.comma5_months.value;
        let facts = match r.ended_on() {
            None => format!(
                "the prestatore has a current {} with the utilizzatore (since {})",
                r.kind(),
                r.started_on()
            ),
            Some(end) => format!(
                "the prestatore's {} with the utilizzatore ended on {end}, less than {months} months before {day}",
                r.kind()
            ),
        };
        verdict.push(Breach::new(
            RuleId::ProhibPrior,
            rules.comma5_months.citation.clone(),
            facts,
            unlawful(u),
        ));
    }
}

fn check_age(
    verdict: &mut Verdict,
    u: &Utilizzatore,
    p: &Prestatore,
    age: u32,
    day: Date,
    rules: &Rules,
) {
    let minimum = rules.minimum_age.value;
    if age < minimum {
        verdict.push(Breach::new(
            RuleId::EligAge,
            rules.minimum_age.citation.clone(),
            format!("the prestatore is {age} on {day}, under the minimum age {minimum}"),
            unlawful(u),
        ));
        return;
    }
    let consent_age = rules.parental_consent_below_age.value;
    if age < consent_age {
        let consented = p.parental_consent().is_some_and(|c| c.given_on() <= day);
        if !consented {
            verdict.push(Breach::new(
                RuleId::EligAge,
                rules.parental_consent_below_age.citation.clone(),
                format!(
                    "the prestatore is {age} on {day}, under {consent_age}, and no parental consent is recorded by that day"
                ),
                unlawful(u),
            ));
        }
    }
}
