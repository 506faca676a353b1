//! The communications an utilizzatore sends to INPS for one piece of work, validated and priced:
//! the Libretto Famiglia communication of work done ([`LfCommunication`], art. 54-bis c. 12) and
//! the CPO prior communication ([`CpoCommunication`], c. 17), each with its pay, cost,
//! deadlines, admissibility verdict and the ledger's [`Prestazione`] records (LF-COMM,
//! CPO-COMM, E1, E4, E6, readings R-MIDNIGHT, R-PAYMENT-DAY, R-REVOCA, R-LF-COMM).
//!
//! The place of work (luogo) is often a home address: `Debug` never shows it.

use std::fmt;

use time::{Date, OffsetDateTime};

use super::admissibility::{AdmissibilityError, Engagement, LfActivity, assess_admissibility};
use super::cost::CostBreakdown;
use super::deadlines::{
    check_cpo_communication, cpo_communication_deadline, lf_communication_deadline, payment_date,
    revoca_deadline,
};
use super::funds::{FundsAccount, FundsError};
use super::pay::{
    AgriculturalArea, CpoDay, check_cpo_pay, check_cpo_pay_agricultural, split_at_midnight,
    titoli_for_minutes,
};
use super::sanctions::sanction_for;
use super::{Instrument, InstrumentError};
use crate::ateco::Sector;
use crate::civil_time::ItalianClock;
use crate::money::Euro;
use crate::parties::{Categoria, PaPurpose, Prestatore, Utilizzatore, UtilizzatoreId};
use crate::prestazione::{
    CapProfile, Prestazione, PrestazioneDraft, PrestazioneError, PrestazioneId,
};
use crate::rules::{Citation, RulesError, RulesTable};
use crate::verdict::{Breach, Consequence, RuleId, Verdict};

/// Why a communication cannot be built or its funds committed (bad input, not a "no": an
/// unlawful communication is built and carries its [`Verdict`]).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::CommunicationError;
/// let e = CommunicationError::CompensiCount { given: 1, days: 2 };
/// assert_eq!(e.to_string(), "compensi has 1 amount(s), expected 2: one per calendar day of the prestazione (reading R-MIDNIGHT)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CommunicationError {
    /// A required text field is empty after trimming.
    #[error("{field} is empty")]
    EmptyField {
        /// `place` or `oggetto`.
        field: &'static str,
    },
    /// A text field contains a control character.
    #[error("{field} contains a control character")]
    ControlCharacter {
        /// `place` or `oggetto`.
        field: &'static str,
    },
    /// The CPO compensi are not one per calendar day of the work.
    #[error(
        "compensi has {given} amount(s), expected {days}: one per calendar day of the prestazione (reading R-MIDNIGHT)"
    )]
    CompensiCount {
        /// Amounts given.
        given: usize,
        /// Calendar days of the work.
        days: usize,
    },
    /// A CPO compenso of zero.
    #[error("compenso for {date} is 0,00 €")]
    ZeroCompenso {
        /// The calendar day.
        date: Date,
    },
    /// The prestatore is the utilizzatore.
    #[error("prestatore and utilizzatore are the same person")]
    SamePerson,
    /// Funds committed to the account of the other instrument.
    #[error("funds account is for the {account}, the communication needs the {expected} account")]
    WrongAccount {
        /// The account's instrument.
        account: Instrument,
        /// The communication's instrument.
        expected: Instrument,
    },
    /// The prestazione ids would run past `u64::MAX`.
    #[error("first_id {first_id} leaves no room for {days} prestazioni")]
    IdOverflow {
        /// The first id given.
        first_id: PrestazioneId,
        /// How many ids are needed.
        days: usize,
    },
    /// A total too large to represent.
    #[error("{what} is too large to represent")]
    Overflow {
        /// What overflowed.
        what: &'static str,
    },
    /// No rules for a day.
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// A pay, cost or deadline cannot be computed (e.g. zero minutes).
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    /// The admissibility question cannot be answered (e.g. a headcount month is missing).
    #[error(transparent)]
    Admissibility(#[from] AdmissibilityError),
    /// The ledger record would be invalid.
    #[error(transparent)]
    Prestazione(#[from] PrestazioneError),
    /// The funds do not cover the cost, or an id already holds funds.
    #[error(transparent)]
    Funds(#[from] FundsError),
    /// An instant whose Italian civil time is not representable (reading R-CIVIL-TIME).
    #[error(transparent)]
    CivilTime(#[from] crate::civil_time::CivilTimeError),
    /// An ATECO code ambiguous for the events list, which the caps need, with no declared
    /// activity (reading R-ATECO-2025).
    #[error(transparent)]
    AmbiguousActivity(#[from] crate::ateco::AmbiguousActivity),
}

/// What the caps need to know of the utilizzatore on a day: [`Utilizzatore::cap_profile`], whose
/// agricultural area (an agricultural CPO while agricultural rates are in force: the area with
/// the highest rate, reading R-AGRI-AREA) gives way to the area of the work when it is given.
fn day_profile(
    utilizzatore: &Utilizzatore,
    rules: &crate::rules::Rules,
    area: Option<AgriculturalArea>,
) -> Result<CapProfile, crate::ateco::AmbiguousActivity> {
    let profile = utilizzatore.cap_profile(rules)?;
    Ok(match area.filter(|_| profile.agricultural_area.is_some()) {
        Some(area) => profile.with_agricultural_area(area),
        None => profile,
    })
}

/// Stands in for personal data in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `text` trimmed, or the error naming `field`.
fn clean_text(text: &str, field: &'static str) -> Result<String, CommunicationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CommunicationError::EmptyField { field });
    }
    if text.chars().any(char::is_control) {
        return Err(CommunicationError::ControlCharacter { field });
    }
    Ok(text.to_owned())
}

/// Whether the prestatore is the utilizzatore.
fn same_person(utilizzatore: &Utilizzatore, prestatore: &Prestatore) -> bool {
    utilizzatore
        .id()
        .same_holder(&UtilizzatoreId::CodiceFiscale(prestatore.codice_fiscale()))
}

/// Refuses an account of the other instrument.
fn check_account(account: &FundsAccount, expected: Instrument) -> Result<(), CommunicationError> {
    if account.instrument() == expected {
        Ok(())
    } else {
        Err(CommunicationError::WrongAccount {
            account: account.instrument(),
            expected,
        })
    }
}

/// One Libretto Famiglia prestazione as the utilizzatore describes it (plain data, checked by
/// [`LfCommunication::new`]): the day, the duration, the c. 10 activity (ambito), the place
/// (luogo) and the host's id of the prestazione. A steward prestazione is one whose activity is
/// [`LfActivity::Steward`].
///
/// `Debug` does not show the place.
///
/// Legal basis: art. 54-bis c. 10, c. 12 D.L. 50/2017 (LF-COMM).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{LfActivity, LfWork, PrestazioneId};
/// use time::macros::date;
/// let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
/// assert_eq!(work.minutes, 180);
/// assert!(!format!("{work:?}").contains("Roma"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LfWork {
    /// The day of the work.
    pub day: Date,
    /// Its duration in minutes.
    pub minutes: u32,
    /// The c. 10 activity (ambito di svolgimento).
    pub activity: LfActivity,
    /// Where the work is done (luogo); non-empty.
    pub place: String,
    /// The host's id of the prestazione (unique within a ledger).
    pub prestazione_id: PrestazioneId,
}

impl LfWork {
    /// The work with these fields.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{LfActivity, LfWork, PrestazioneId};
    /// use time::macros::date;
    /// let work = LfWork::new(date!(2026 - 03 - 07), 80, LfActivity::PiccoliLavoriDomestici, "Via Roma 1", PrestazioneId(2));
    /// assert_eq!(work.place, "Via Roma 1");
    /// ```
    #[must_use]
    pub fn new(
        day: Date,
        minutes: u32,
        activity: LfActivity,
        place: impl Into<String>,
        prestazione_id: PrestazioneId,
    ) -> LfWork {
        LfWork {
            day,
            minutes,
            activity,
            place: place.into(),
            prestazione_id,
        }
    }
}

impl fmt::Debug for LfWork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LfWork")
            .field("day", &self.day)
            .field("minutes", &self.minutes)
            .field("activity", &self.activity)
            .field("place", &Redacted)
            .field("prestazione_id", &self.prestazione_id)
            .finish()
    }
}

/// The Libretto Famiglia communication of one prestazione (art. 54-bis c. 12): its contents
/// (prestatore, utilizzatore, day, duration, ambito, luogo, compenso) and what follows from
/// them under the rules in force on the day: the whole titoli, the cost, the communication
/// deadline (the 3rd of the next month, R-LF-COMM), the payment date (the 15th of the next month,
/// R-PAYMENT-DAY), the admissibility [`Verdict`] and the ledger's [`Prestazione`] record.
///
/// Built only by [`LfCommunication::new`]. An unlawful use (e.g. a condominio) is still built:
/// its [`verdict`](LfCommunication::verdict) lists the breaches.
///
/// `Debug` shows the parties as their own `Debug` does (codice fiscale masked) and never the
/// place. With feature `serde` it is `Serialize` only: its computed parts depend on the host's
/// [`RulesTable`], so deserialise the parties and the [`LfWork`] and build it again.
///
/// Legal basis: art. 54-bis c. 10-12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM,
/// LF-TITOLO, LF-PAY, E1, E6, readings R-PAYMENT-DAY, R-LF-COMM).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     Euro, LfActivity, LfCommunication, LfWork, Prestatore, PrestazioneId, RuleId, RulesTable,
///     Utilizzatore, UtilizzatoreKind,
/// };
/// use time::macros::date;
///
/// let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
/// let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
/// let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
/// assert!(lf.verdict().is_lawful());
/// assert_eq!((lf.titoli(), lf.compenso(), lf.cost().total), (3, Euro::from_euros(24), Euro::from_euros(30)));
/// assert_eq!(lf.communication_deadline(), date!(2026 - 04 - 03));
/// assert_eq!(lf.payment_date(), date!(2026 - 04 - 15));
///
/// // A condominio may not use the Libretto Famiglia: built, with the breach in its verdict.
/// let condominio = Utilizzatore::new("12345670157".parse()?, "Condominio Via Roma 1", UtilizzatoreKind::Condominio)?;
/// let cleaning = LfWork::new(date!(2026 - 03 - 07), 60, LfActivity::PiccoliLavoriDomestici, "Via Roma 1", PrestazioneId(2));
/// let no = LfCommunication::new(&condominio, &sitter, &cleaning, RulesTable::embedded())?;
/// assert!(no.verdict().breaches_rule(RuleId::LfUsers));
///
/// // Bad input is an error.
/// let nowhere = LfWork::new(date!(2026 - 03 - 07), 60, LfActivity::AssistenzaDomiciliare, " ", PrestazioneId(3));
/// assert_eq!(LfCommunication::new(&family, &sitter, &nowhere, RulesTable::embedded()).unwrap_err().to_string(), "place is empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LfCommunication {
    prestatore: Prestatore,
    utilizzatore: Utilizzatore,
    activity: LfActivity,
    place: String,
    titoli: u32,
    cost: CostBreakdown,
    communication_deadline: Date,
    deadline_citation: Citation,
    payment_date: Date,
    special_category: Option<Categoria>,
    verdict: Verdict,
    prestazione: Prestazione,
}

impl LfCommunication {
    /// The communication of `work` done by `prestatore` for `utilizzatore`, under the rules of
    /// `table` in force on `work.day`: titoli = [`titoli_for_minutes`] (1 h 20 min → 2), compenso
    /// and cost = [`CostBreakdown::lf`] (3 titoli: 24,00 to the prestatore, 30,00 in all), the
    /// deadline [`lf_communication_deadline`], the [`payment_date`], the verdict of
    /// [`assess_admissibility`] for the activity, and the [`Prestazione`] record (special
    /// category from [`Prestatore::special_category_on`], profile from
    /// [`Utilizzatore::cap_profile`], steward when the activity is [`LfActivity::Steward`]).
    ///
    /// Legal basis: art. 54-bis c. 10-12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM,
    /// LF-TITOLO, LF-PAY, E1, E6).
    ///
    /// # Errors
    ///
    /// [`CommunicationError::EmptyField`] / [`CommunicationError::ControlCharacter`] for the
    /// place; [`CommunicationError::Rules`] for a day without rules;
    /// [`CommunicationError::Instrument`] for zero minutes or a deadline past the representable
    /// dates; [`CommunicationError::Admissibility`] for a day before the prestatore's birth;
    /// [`CommunicationError::Prestazione`] when the record is invalid (more than 1500 minutes,
    /// the prestatore is the utilizzatore).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     LfActivity, LfCommunication, LfWork, Prestatore, PrestazioneId, RulesTable, Utilizzatore, UtilizzatoreKind,
    /// };
    /// use time::macros::date;
    ///
    /// let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// let work = LfWork::new(date!(2026 - 03 - 07), 80, LfActivity::AssistenzaDomiciliare, "Via Roma 1", PrestazioneId(1));
    /// assert_eq!(LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?.titoli(), 2);
    ///
    /// let zero = LfWork { minutes: 0, ..work };
    /// assert_eq!(
    ///     LfCommunication::new(&family, &sitter, &zero, RulesTable::embedded()).unwrap_err().to_string(),
    ///     "minutes is 0: a prestazione lasts at least one minute"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        utilizzatore: &Utilizzatore,
        prestatore: &Prestatore,
        work: &LfWork,
        table: &RulesTable,
    ) -> Result<LfCommunication, CommunicationError> {
        let place = clean_text(&work.place, "place")?;
        let day = work.day;
        let rules = table.in_force_on(day)?;
        let titoli = titoli_for_minutes(work.minutes, rules)?;
        let cost = CostBreakdown::lf(titoli, rules)?;
        let communication_deadline = lf_communication_deadline(day, rules)?;
        let payment_date = payment_date(day, rules)?;
        let engagement = Engagement::on(day).with_lf_activity(work.activity);
        let verdict = assess_admissibility(
            Instrument::LibrettoFamiglia,
            utilizzatore,
            prestatore,
            &engagement,
            rules,
        )?;
        let special_category = prestatore.special_category_on(day, rules);
        let prestazione = Prestazione::try_from(PrestazioneDraft {
            id: work.prestazione_id,
            instrument: Instrument::LibrettoFamiglia,
            prestatore: prestatore.codice_fiscale(),
            utilizzatore: utilizzatore.id(),
            day,
            minutes: work.minutes,
            compenso: cost.compenso,
            special_category: special_category.is_some(),
            steward: work.activity == LfActivity::Steward,
            profile: utilizzatore.cap_profile(rules)?,
        })?;
        Ok(LfCommunication {
            prestatore: prestatore.clone(),
            utilizzatore: utilizzatore.clone(),
            activity: work.activity,
            place,
            titoli,
            cost,
            communication_deadline,
            deadline_citation: rules.lf_communication_day.citation.clone(),
            payment_date,
            special_category,
            verdict,
            prestazione,
        })
    }

    /// Who works.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.prestatore().last_name(), "Rossi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore(&self) -> &Prestatore {
        &self.prestatore
    }

    /// Who pays.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.utilizzatore().name(), "Giovanni Bianchi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore(&self) -> &Utilizzatore {
        &self.utilizzatore
    }

    /// The day of the work.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.day(), date!(2026 - 03 - 07));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn day(&self) -> Date {
        self.prestazione.day()
    }

    /// The duration in minutes.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.minutes(), 180);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn minutes(&self) -> u32 {
        self.prestazione.minutes()
    }

    /// The c. 10 activity (ambito).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.activity(), LfActivity::AssistenzaDomiciliare);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn activity(&self) -> LfActivity {
        self.activity
    }

    /// Where the work is done (luogo), trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.place(), "Via Roma 1, Roma");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The whole titoli the work needs (each pays at most one hour).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.titoli(), 3); // 180 minutes, at most 60 per titolo (worked example E1)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn titoli(&self) -> u32 {
        self.titoli
    }

    /// The compenso netto to the prestatore: titoli × the titolo's compenso (8,00).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.compenso(), Euro::from_euros(24)); // 3 × 8,00
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn compenso(&self) -> Euro {
        self.cost.compenso
    }

    /// What the utilizzatore pays, split as the law splits it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.cost().total, Euro::from_euros(30)); // 3 × 10,00 (worked example E1)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cost(&self) -> CostBreakdown {
        self.cost
    }

    /// The last day to communicate the prestazione: the 3rd of the next month (R-LF-COMM).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.communication_deadline(), date!(2026 - 04 - 03)); // worked example E6
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn communication_deadline(&self) -> Date {
        self.communication_deadline
    }

    /// The day by which INPS pays the prestatore: the 15th of the next month (R-PAYMENT-DAY).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.payment_date(), date!(2026 - 04 - 15)); // worked example E6
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment_date(&self) -> Date {
        self.payment_date
    }

    /// The prestatore's comma-8 category on the day, if any (reading R-WEIGHT-CAP-B).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!(lf.special_category(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn special_category(&self) -> Option<Categoria> {
        self.special_category
    }

    /// Whether the utilizzatore may use the Libretto Famiglia for this work with this
    /// prestatore ([`assess_admissibility`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert!(lf.verdict().is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// The record the ledger counts.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::date;
    /// # let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// # let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// # let work = LfWork::new(date!(2026 - 03 - 07), 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1, Roma", PrestazioneId(1));
    /// # let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert_eq!((lf.prestazione().instrument(), lf.prestazione().compenso()), (Instrument::LibrettoFamiglia, Euro::from_euros(24)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestazione(&self) -> &Prestazione {
        &self.prestazione
    }

    /// Whether a communication sent on `sent_on` is in time: by the 3rd of the month after the
    /// prestazione (until 23:59:59, reading R-LF-COMM). A later one breaches [`RuleId::LfComm`] with
    /// [`Consequence::NoSanction`]: the LF has no fine for a late communication (LF-COMM).
    /// There is no prior communication, so an early one is not a breach.
    ///
    /// Legal basis: art. 54-bis c. 12 D.L. 50/2017; INPS circ. 107/2017 (LF-COMM, E6).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     Consequence, LfActivity, LfCommunication, LfWork, Prestatore, PrestazioneId, RuleId, RulesTable, Utilizzatore,
    ///     UtilizzatoreKind,
    /// };
    /// use time::macros::date;
    ///
    /// let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// let work = LfWork::new(date!(2026 - 03 - 31), 60, LfActivity::AssistenzaDomiciliare, "Via Roma 1", PrestazioneId(1));
    /// let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// assert!(lf.check_sent_at(date!(2026 - 04 - 03)).is_lawful());
    /// let late = lf.check_sent_at(date!(2026 - 04 - 04));
    /// assert!(late.breaches_rule(RuleId::LfComm));
    /// assert_eq!(late.breaches[0].consequence, Consequence::NoSanction);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn check_sent_at(&self, sent_on: Date) -> Verdict {
        let mut verdict = Verdict::default();
        if sent_on > self.communication_deadline {
            verdict.push(Breach::new(
                RuleId::LfComm,
                self.deadline_citation.clone(),
                format!(
                    "communicated on {sent_on}, after the deadline {} for the prestazione of {}",
                    self.communication_deadline,
                    self.day()
                ),
                Consequence::NoSanction,
            ));
        }
        verdict
    }

    /// Reserves the cost on the utilizzatore's Libretto Famiglia account on `on` (the day of
    /// the communication), under the prestazione's id. Does not look at the verdict.
    ///
    /// Legal basis: art. 54-bis c. 10 D.L. 50/2017; INPS circ. 107/2017 (LF-FUNDING).
    ///
    /// # Errors
    ///
    /// [`CommunicationError::WrongAccount`] for a CPO account; [`CommunicationError::Funds`]
    /// when the balance does not cover the cost or the id already holds funds. A refusal
    /// changes nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     Euro, FundingChannel, FundsAccount, Instrument, LfActivity, LfCommunication, LfWork, Prestatore, PrestazioneId,
    ///     Rules, RulesTable, TopUp, Utilizzatore, UtilizzatoreKind,
    /// };
    /// use time::macros::date;
    ///
    /// let day = date!(2026 - 03 - 07);
    /// let sitter = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let family = Utilizzatore::new("BNCGNN60A01H501P".parse()?, "Giovanni Bianchi", UtilizzatoreKind::PersonaFisica)?;
    /// let work = LfWork::new(day, 180, LfActivity::AssistenzaDomiciliare, "Via Roma 1", PrestazioneId(1));
    /// let lf = LfCommunication::new(&family, &sitter, &work, RulesTable::embedded())?;
    /// let mut libretto = FundsAccount::new(Instrument::LibrettoFamiglia);
    /// libretto.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(40), available_on: day }, Rules::in_force_on(day)?)?;
    /// lf.commit_funds(&mut libretto, day)?;
    /// assert_eq!(libretto.available_on(day), Euro::from_euros(10));
    /// assert!(lf.commit_funds(&mut libretto, day).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commit_funds(
        &self,
        account: &mut FundsAccount,
        on: Date,
    ) -> Result<(), CommunicationError> {
        check_account(account, Instrument::LibrettoFamiglia)?;
        account.commit(self.prestazione.id().0, self.cost.total, on)?;
        Ok(())
    }
}

impl fmt::Debug for LfCommunication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LfCommunication")
            .field("prestatore", &self.prestatore)
            .field("utilizzatore", &self.utilizzatore)
            .field("activity", &self.activity)
            .field("place", &Redacted)
            .field("titoli", &self.titoli)
            .field("cost", &self.cost)
            .field("communication_deadline", &self.communication_deadline)
            .field("payment_date", &self.payment_date)
            .field("special_category", &self.special_category)
            .field("verdict", &self.verdict)
            .field("prestazione", &self.prestazione)
            .finish_non_exhaustive()
    }
}

/// One CPO prestazione as the utilizzatore describes it (plain data, checked by
/// [`CpoCommunication::new`]): the contents of c. 17 — place (b), oggetto (c), start and end
/// (d), the compenso of each calendar day (e) — the instant it is sent, and the facts only the
/// host knows for admissibility (as in [`Engagement`]).
///
/// `compensi` holds one compenso per calendar day of the work, in order (work across midnight
/// is one prestazione per calendar day, reading R-MIDNIGHT): one amount for a single-day job, two for
/// 22:00-02:00. The instants may be in any offset (UTC is fine): the calendar days are Italian
/// civil days, which the crate works out itself (reading R-CIVIL-TIME). `Debug` does not show the
/// place.
///
/// Legal basis: art. 54-bis c. 14 lett. d, c. 17 lett. b-e D.L. 50/2017 (CPO-COMM,
/// reading R-MIDNIGHT).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{CpoWork, Euro, PaPurpose};
/// use time::macros::datetime;
/// let work = CpoWork::new(
///     "Fiera di Roma", "hostess at a trade fair",
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
/// ).with_pa_purpose(PaPurpose::Events);
/// assert_eq!(work.pa_purpose, Some(PaPurpose::Events));
/// assert!(!format!("{work:?}").contains("Fiera"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CpoWork {
    /// Where the work is done (luogo di svolgimento, c. 17 lett. b); non-empty.
    pub place: String,
    /// What the work is (oggetto della prestazione, c. 17 lett. c); non-empty.
    pub oggetto: String,
    /// When the work starts (c. 17 lett. d), in any offset.
    pub start: OffsetDateTime,
    /// When the work ends (c. 17 lett. d), in any offset.
    pub end: OffsetDateTime,
    /// The compenso pattuito of each Italian calendar day, in order (c. 17 lett. e, reading
    /// R-MIDNIGHT).
    pub compensi: Vec<Euro>,
    /// When the communication is sent, in any offset.
    pub sent_at: OffsetDateTime,
    /// The work is within an appalto di opere o servizi (c. 14 lett. d).
    pub within_appalto: bool,
    /// For a PA, the c. 7 purpose.
    pub pa_purpose: Option<PaPurpose>,
    /// The prestatore's self-certification behind a condition is false or incomplete.
    pub self_certification_false: bool,
    /// For an agricultural utilizzatore of 24/6/2017-31/12/2022, the area of the CCNL operai
    /// agricoli whose hourly rate is the pay floor (`None`: the highest area floor, the
    /// conservative reading R-AGRI-AREA; see [`check_cpo_pay_agricultural`]) and whose hour limit
    /// the ledger applies through [`CpoCommunicationDay::profile`] (`None`: the area with the
    /// highest rate, whose hour limit is the lowest, again reading R-AGRI-AREA).
    #[cfg_attr(feature = "serde", serde(default))]
    pub agricultural_area: Option<AgriculturalArea>,
}

impl CpoWork {
    /// The work with these contents, outside any appalto, with no PA purpose and no known
    /// false self-certification.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWork, Euro};
    /// use time::macros::datetime;
    /// let work = CpoWork::new(
    ///     "Via Roma 1", "cleaning",
    ///     datetime!(2026-03-07 22:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(36)], datetime!(2026-03-06 18:00 +01:00),
    /// );
    /// assert_eq!(work.compensi.len(), 2);
    /// ```
    #[must_use]
    pub fn new(
        place: impl Into<String>,
        oggetto: impl Into<String>,
        start: OffsetDateTime,
        end: OffsetDateTime,
        compensi: Vec<Euro>,
        sent_at: OffsetDateTime,
    ) -> CpoWork {
        CpoWork {
            place: place.into(),
            oggetto: oggetto.into(),
            start,
            end,
            compensi,
            sent_at,
            within_appalto: false,
            pa_purpose: None,
            self_certification_false: false,
            agricultural_area: None,
        }
    }

    /// Marks the work as within an appalto (c. 14 lett. d).
    ///
    /// Legal basis: art. 54-bis c. 14 lett. d D.L. 50/2017 (PROHIB-APPALTI).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{CpoWork, Euro, PaPurpose};
    /// use time::macros::datetime;
    /// let work = CpoWork::new(
    ///     "Via Roma 1", "cleaning",
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], datetime!(2026-03-06 18:00 +01:00),
    /// )
    /// .within_appalto();
    /// assert!(work.within_appalto);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn within_appalto(mut self) -> CpoWork {
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
    /// use prestazioni_occasionali::{CpoWork, Euro, PaPurpose};
    /// use time::macros::datetime;
    /// let work = CpoWork::new(
    ///     "Via Roma 1", "cleaning",
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], datetime!(2026-03-06 18:00 +01:00),
    /// )
    /// .with_pa_purpose(PaPurpose::EmergencyAfterCalamity);
    /// assert_eq!(work.pa_purpose, Some(PaPurpose::EmergencyAfterCalamity));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_pa_purpose(mut self, purpose: PaPurpose) -> CpoWork {
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
    /// use prestazioni_occasionali::{CpoWork, Euro, PaPurpose};
    /// use time::macros::datetime;
    /// let work = CpoWork::new(
    ///     "Via Roma 1", "cleaning",
    ///     datetime!(2026-03-07 08:00 +01:00), datetime!(2026-03-07 12:00 +01:00),
    ///     vec![Euro::from_euros(40)], datetime!(2026-03-06 18:00 +01:00),
    /// )
    /// .with_false_self_certification();
    /// assert!(work.self_certification_false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_false_self_certification(mut self) -> CpoWork {
        self.self_certification_false = true;
        self
    }

    /// Sets the CCNL area of a historical agricultural CPO (24/6/2017-31/12/2022), whose hourly
    /// rate is the pay floor instead of the 9,00 / 36,00 minima.
    ///
    /// Legal basis: former art. 54-bis c. 16 D.L. 50/2017; INPS msg 2887/2017
    /// (CPO-AGRI-PAY).
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{AgriculturalArea, CpoWork, Euro};
    /// use time::macros::datetime;
    /// let work = CpoWork::new(
    ///     "Podere Rossi", "vendemmia",
    ///     datetime!(2019-09-10 08:00 +02:00), datetime!(2019-09-10 12:00 +02:00),
    ///     vec![Euro::from_cents(2624)], datetime!(2019-09-09 18:00 +02:00),
    /// )
    /// .with_agricultural_area(AgriculturalArea::Area3);
    /// assert_eq!(work.agricultural_area, Some(AgriculturalArea::Area3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_agricultural_area(mut self, area: AgriculturalArea) -> CpoWork {
        self.agricultural_area = Some(area);
        self
    }
}

impl fmt::Debug for CpoWork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpoWork")
            .field("place", &Redacted)
            .field("oggetto", &self.oggetto)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("compensi", &self.compensi)
            .field("sent_at", &self.sent_at)
            .field("within_appalto", &self.within_appalto)
            .field("pa_purpose", &self.pa_purpose)
            .field("self_certification_false", &self.self_certification_false)
            .field("agricultural_area", &self.agricultural_area)
            .finish()
    }
}

/// One calendar day of a [`CpoCommunication`]: one prestazione with its compenso, pay floor
/// verdict, cost, deadlines and admissibility verdict, under the rules in force that day.
///
/// Plain data, produced by [`CpoCommunication::new`].
///
/// Legal basis: art. 54-bis c. 16-18 D.L. 50/2017; INPS circ. 107/2017 (CPO-MIN-PAY,
/// CPO-COMM, CPO-REVOCA, CPO-PAY, E4, E6, readings R-MIDNIGHT, R-PAYMENT-DAY, R-REVOCA).
///
/// # Examples
///
/// ```
/// # use prestazioni_occasionali::{
/// #     CpoCommunication, CpoWork, Euro, Headcounts, MonthlyHeadcount, Prestatore, RuleId, RulesTable, Utilizzatore,
/// #     UtilizzatoreKind,
/// # };
/// # use time::macros::{date, datetime};
/// # let mut headcounts = Headcounts::new();
/// # for month in 1..=12u8 {
/// #     headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(3));
/// # }
/// # let bar = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?
/// #     .with_headcounts(headcounts);
/// # let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
/// // Saturday 7/3/2026 from 20:00 to 02:00 on Sunday: two calendar days, one compenso each.
/// let night = CpoWork::new(
///     "Via Roma 1, Roma", "serving at the bar",
///     datetime!(2026-03-07 20:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
///     vec![Euro::from_euros(36), Euro::from_euros(36)], datetime!(2026-03-07 18:00 +01:00),
/// );
/// let cpo = CpoCommunication::new(&bar, &mario, &night, RulesTable::embedded())?;
/// let [saturday, sunday] = cpo.days() else { return Err("two days".into()) };
/// assert_eq!((saturday.day.minutes, sunday.day.minutes), (240, 120));
/// assert_eq!(saturday.cost.total, Euro::from_cents(4964));
/// // Sunday's 2 hours start at midnight: the deadline is 23:00 on Saturday.
/// assert_eq!(sunday.communication_deadline, datetime!(2026-03-07 23:00 +01:00));
/// assert_eq!((sunday.revoca_deadline, sunday.payment_date), (date!(2026 - 03 - 11), date!(2026 - 04 - 15)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CpoCommunicationDay {
    /// The calendar day, its span, minutes and pay floor ([`split_at_midnight`]).
    pub day: CpoDay,
    /// The compenso communicated for this day.
    pub compenso: Euro,
    /// Whether the compenso respects the floor ([`check_cpo_pay`]; for an agricultural
    /// utilizzatore while agricultural rates are in force, [`check_cpo_pay_agricultural`] with
    /// [`CpoWork::agricultural_area`]).
    pub pay: Verdict,
    /// What the utilizzatore pays for this day ([`CostBreakdown::cpo`]).
    pub cost: CostBreakdown,
    /// The latest instant to communicate: 60 minutes before this day's start.
    pub communication_deadline: OffsetDateTime,
    /// Whether the communication was sent in time for this day's start
    /// ([`check_cpo_communication`]; for a PA the consequence is
    /// [`Consequence::UnlawfulUsePa`], as [`sanction_for`] gives).
    pub notice: Verdict,
    /// The last day to revoke this day's prestazione ([`revoca_deadline`]).
    pub revoca_deadline: Date,
    /// The day by which INPS pays this day's prestazione ([`payment_date`]).
    pub payment_date: Date,
    /// Whether the utilizzatore may use the CPO with this prestatore on this day
    /// ([`assess_admissibility`]).
    pub admissibility: Verdict,
    /// The prestatore's comma-8 category on this day, if any (reading R-WEIGHT-CAP-B).
    pub special_category: Option<Categoria>,
    /// What the caps need to know about the utilizzatore, under this day's rules: for an
    /// agricultural utilizzatore while agricultural rates are in force, with
    /// [`CpoWork::agricultural_area`] (or, when it is not given, the area with the highest rate),
    /// so that the ledger applies the agricultural hour limit (HOURS-AGRI).
    pub profile: CapProfile,
}

impl CpoCommunicationDay {
    /// Every breach of this day: admissibility, pay floor, notice, in that order.
    ///
    /// Legal basis: art. 54-bis c. 14, c. 16-17, c. 20 D.L. 50/2017 (CPO-COMM, CPO-MIN-PAY, reading R-CONSEQUENCES).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::{
    /// #     CpoCommunication, CpoWork, Euro, Headcounts, MonthlyHeadcount, Prestatore, RuleId, RulesTable, Utilizzatore,
    /// #     UtilizzatoreKind,
    /// # };
    /// # use time::macros::{date, datetime};
    /// # let mut headcounts = Headcounts::new();
    /// # for month in 1..=12u8 {
    /// #     headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(3));
    /// # }
    /// # let bar = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?
    /// #     .with_headcounts(headcounts);
    /// # let mario = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// // Saturday 7/3/2026 from 20:00 to 02:00 on Sunday: two calendar days, one compenso each.
    /// let night = CpoWork::new(
    ///     "Via Roma 1, Roma", "serving at the bar",
    ///     datetime!(2026-03-07 20:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(36)], datetime!(2026-03-07 18:00 +01:00),
    /// );
    /// let cpo = CpoCommunication::new(&bar, &mario, &night, RulesTable::embedded())?;
    /// assert!(cpo.days().iter().all(|d| d.verdict().is_lawful()));
    ///
    /// // 20,00 for Sunday's 2 hours is below the daily minimum of 36,00: only Sunday breaches.
    /// let low = CpoWork { compensi: vec![Euro::from_euros(36), Euro::from_euros(20)], ..night };
    /// let cpo = CpoCommunication::new(&bar, &mario, &low, RulesTable::embedded())?;
    /// assert!(cpo.days()[0].verdict().is_lawful());
    /// assert_eq!(
    ///     cpo.days()[1].verdict().to_string(),
    ///     "CPO-MIN-PAY: compenso 20,00 € is below the minimum 36,00 € for a prestazione of 2 h 00 min (art. 54-bis c. 17 lett. e D.L. 50/2017)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        Verdict {
            breaches: self
                .admissibility
                .breaches
                .iter()
                .chain(&self.pay.breaches)
                .chain(&self.notice.breaches)
                .cloned()
                .collect(),
        }
    }
}

/// The CPO prior communication of one piece of work (art. 54-bis c. 17): contents a)-e)
/// (prestatore, place, oggetto, start and end, compenso per calendar day), the instant it is
/// sent, and what follows under the rules in force on each day: one prestazione per calendar
/// day ([`CpoCommunicationDay`], reading R-MIDNIGHT) with its pay floor verdict, cost, communication
/// deadline and notice verdict (60 minutes ahead: 60 is in time, 59 is late and fined), revoca
/// deadline, payment date and admissibility verdict; the total compenso and cost; and one
/// combined [`Verdict`] with every breach of every day, each fact prefixed with its day.
///
/// Built only by [`CpoCommunication::new`]. An unlawful communication is still built: its
/// [`verdict`](CpoCommunication::verdict) lists the breaches.
///
/// `Debug` shows the parties as their own `Debug` does (codice fiscale masked) and never the
/// place. With feature `serde` it is `Serialize` only: its computed parts depend on the host's
/// [`RulesTable`], so deserialise the parties and the [`CpoWork`] and build it again.
///
/// Legal basis: art. 54-bis c. 14, c. 16-18, c. 20 D.L. 50/2017; INPS circ. 107/2017
/// (CPO-COMM, CPO-MIN-PAY, CPO-CONTRIB, CPO-REVOCA, CPO-PAY, E3, E4, E6, readings R-MIDNIGHT, R-CONSEQUENCES, R-PAYMENT-DAY, R-REVOCA);
/// for an agricultural utilizzatore 2017-2022 the pay floor is the CCNL rate of its area (former
/// c. 16; INPS msg 2887/2017; CPO-AGRI-PAY, E10).
///
/// # Examples
///
/// ```
/// use prestazioni_occasionali::{
///     CpoCommunication, CpoWork, Euro, Headcounts, MonthlyHeadcount, Prestatore, RuleId, RulesTable, Utilizzatore,
///     UtilizzatoreKind,
/// };
/// use time::macros::{date, datetime};
///
/// let mut headcounts = Headcounts::new();
/// for month in 1..=12u8 {
///     headcounts.insert(2025, time::Month::try_from(month)?, MonthlyHeadcount::full_time(3));
/// }
/// let bar = Utilizzatore::new("12345670157".parse()?, "Bar Centrale Srl", UtilizzatoreKind::Impresa)?
///     .with_headcounts(headcounts);
/// let luca = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
///
/// // Saturday 7/3/2026, 14:00-18:00, sent at 13:00 (E6).
/// let work = CpoWork::new(
///     "Via Roma 1, Roma", "serving at the bar",
///     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
///     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
/// );
/// let cpo = CpoCommunication::new(&bar, &luca, &work, RulesTable::embedded())?;
/// assert!(cpo.verdict().is_lawful());
/// let day = &cpo.days()[0];
/// assert_eq!(day.communication_deadline, datetime!(2026-03-07 13:00 +01:00));
/// assert_eq!((day.revoca_deadline, day.payment_date), (date!(2026 - 03 - 10), date!(2026 - 04 - 15)));
/// assert_eq!(cpo.total_cost(), Euro::from_cents(4964));
///
/// // Sent at 13:01 for 30,00: two breaches.
/// let late = CpoWork { sent_at: datetime!(2026-03-07 13:01 +01:00), compensi: vec![Euro::from_euros(30)], ..work.clone() };
/// let cpo = CpoCommunication::new(&bar, &luca, &late, RulesTable::embedded())?;
/// assert!(cpo.verdict().breaches_rule(RuleId::CpoMinPay) && cpo.verdict().breaches_rule(RuleId::CpoComm));
///
/// // Work across midnight needs one compenso per calendar day.
/// let night = CpoWork { end: datetime!(2026-03-08 02:00 +01:00), ..work };
/// assert!(CpoCommunication::new(&bar, &luca, &night, RulesTable::embedded()).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CpoCommunication {
    prestatore: Prestatore,
    utilizzatore: Utilizzatore,
    place: String,
    oggetto: String,
    start: OffsetDateTime,
    end: OffsetDateTime,
    sent_at: OffsetDateTime,
    days: Vec<CpoCommunicationDay>,
    total_compenso: Euro,
    total_cost: Euro,
    verdict: Verdict,
}

impl CpoCommunication {
    /// The prior communication of `work` by `utilizzatore` for `prestatore`, checked and
    /// computed day by day under the rules of `table` in force on each calendar day (see
    /// [`CpoCommunication`]).
    ///
    /// Legal basis: art. 54-bis c. 14, c. 16-18, c. 20 D.L. 50/2017; INPS circ. 107/2017
    /// (CPO-COMM, CPO-MIN-PAY, CPO-CONTRIB, CPO-REVOCA, CPO-PAY, E4, E6).
    ///
    /// # Errors
    ///
    /// [`CommunicationError::EmptyField`] / [`CommunicationError::ControlCharacter`] for the
    /// place or the oggetto; [`CommunicationError::Instrument`] from [`split_at_midnight`] (end
    /// not after start, offsets that differ, a span too long, a day with less than a minute) or
    /// for a deadline past the representable dates; [`CommunicationError::CompensiCount`] when
    /// `compensi` does not hold one amount per calendar day; [`CommunicationError::ZeroCompenso`];
    /// [`CommunicationError::SamePerson`]; [`CommunicationError::Rules`] for a day without
    /// rules; [`CommunicationError::Admissibility`] (a day before the prestatore's birth, a
    /// headcount month missing); [`CommunicationError::Overflow`] for totals too large.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     CpoCommunication, CpoWork, Euro, PaPurpose, Prestatore, RulesTable, Utilizzatore, UtilizzatoreKind,
    /// };
    /// use time::macros::{date, datetime};
    ///
    /// let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// // 22:00-02:00 is two prestazioni with a minimum of 36,00 each (E4).
    /// let work = CpoWork::new(
    ///     "Piazza Grande", "stewarding a town festival",
    ///     datetime!(2026-03-07 22:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(36)], datetime!(2026-03-06 18:00 +01:00),
    /// ).with_pa_purpose(PaPurpose::Events);
    /// let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.days().len(), 2);
    /// assert_eq!(cpo.total_compenso(), Euro::from_euros(72));
    ///
    /// let one = CpoWork { compensi: vec![Euro::from_euros(72)], ..work };
    /// assert_eq!(
    ///     CpoCommunication::new(&comune, &sara, &one, RulesTable::embedded()).unwrap_err().to_string(),
    ///     "compensi has 1 amount(s), expected 2: one per calendar day of the prestazione (reading R-MIDNIGHT)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        utilizzatore: &Utilizzatore,
        prestatore: &Prestatore,
        work: &CpoWork,
        table: &RulesTable,
    ) -> Result<CpoCommunication, CommunicationError> {
        let place = clean_text(&work.place, "place")?;
        let oggetto = clean_text(&work.oggetto, "oggetto")?;
        let split = split_at_midnight(work.start, work.end, table)?;
        if work.compensi.len() != split.len() {
            return Err(CommunicationError::CompensiCount {
                given: work.compensi.len(),
                days: split.len(),
            });
        }
        if same_person(utilizzatore, prestatore) {
            return Err(CommunicationError::SamePerson);
        }
        let is_pa = utilizzatore.kind().is_pa();
        let mut days = Vec::with_capacity(split.len());
        for (day, &compenso) in split.into_iter().zip(&work.compensi) {
            if compenso.is_zero() {
                return Err(CommunicationError::ZeroCompenso { date: day.date });
            }
            let rules = table.in_force_on(day.date)?;
            let engagement = Engagement {
                day: day.date,
                lf_activity: None,
                within_appalto: work.within_appalto,
                pa_purpose: work.pa_purpose,
                self_certification_false: work.self_certification_false,
            };
            let admissibility = assess_admissibility(
                Instrument::ContrattoPrestazioneOccasionale,
                utilizzatore,
                prestatore,
                &engagement,
                rules,
            )?;
            let mut notice = check_cpo_communication(work.sent_at, day.start, rules)?;
            for breach in &mut notice.breaches {
                breach.consequence =
                    sanction_for(RuleId::CpoComm, day.date, is_pa, 1, false, rules);
            }
            // In agriculture (2017-2022) the CCNL rate of the area was the floor instead of
            // 9,00 / 36,00 (CPO-AGRI-PAY); from 2023 there are no agricultural rates and
            // the ban is reported by the admissibility verdict.
            let agricultural = rules.agriculture_hourly_rates.value.is_some()
                && utilizzatore.is_in_sector(Sector::Agriculture)?;
            let pay = if agricultural {
                check_cpo_pay_agricultural(compenso, day.minutes, work.agricultural_area, rules)?
            } else {
                check_cpo_pay(compenso, day.minutes, rules)?
            };
            days.push(CpoCommunicationDay {
                compenso,
                pay,
                cost: CostBreakdown::cpo(compenso, rules)?,
                communication_deadline: cpo_communication_deadline(day.start, rules)?,
                notice,
                revoca_deadline: revoca_deadline(day.date, rules)?,
                payment_date: payment_date(day.date, rules)?,
                admissibility,
                special_category: prestatore.special_category_on(day.date, rules),
                profile: day_profile(utilizzatore, rules, work.agricultural_area)?,
                day,
            });
        }
        // The instants of the communication in the Italian offset (reading R-CIVIL-TIME).
        let italian = |at| ItalianClock::of_table(table).to_italian(at);
        let (start, end) = (italian(work.start)?, italian(work.end)?);
        let sent_at = italian(work.sent_at)?;
        let total_compenso = Euro::checked_sum(days.iter().map(|d| d.compenso)).ok_or(
            CommunicationError::Overflow {
                what: "total compenso",
            },
        )?;
        let total_cost = Euro::checked_sum(days.iter().map(|d| d.cost.total))
            .ok_or(CommunicationError::Overflow { what: "total cost" })?;
        let verdict = Verdict {
            breaches: days
                .iter()
                .flat_map(|d| {
                    let date = d.day.date;
                    d.verdict().breaches.into_iter().map(move |mut breach| {
                        breach.facts = format!("on {date}, {}", breach.facts);
                        breach
                    })
                })
                .collect(),
        };
        Ok(CpoCommunication {
            prestatore: prestatore.clone(),
            utilizzatore: utilizzatore.clone(),
            place,
            oggetto,
            start,
            end,
            sent_at,
            days,
            total_compenso,
            total_cost,
            verdict,
        })
    }

    /// Who works (c. 17 lett. a).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.prestatore().first_name(), "Mario");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prestatore(&self) -> &Prestatore {
        &self.prestatore
    }

    /// Who communicates and pays.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.utilizzatore().name(), "Comune di Prova");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn utilizzatore(&self) -> &Utilizzatore {
        &self.utilizzatore
    }

    /// Where the work is done (c. 17 lett. b), trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.place(), "Piazza Grande");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn place(&self) -> &str {
        &self.place
    }

    /// What the work is (c. 17 lett. c), trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.oggetto(), "stewarding a town festival");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn oggetto(&self) -> &str {
        &self.oggetto
    }

    /// When the work starts (c. 17 lett. d), in the Italian offset of that moment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.start(), datetime!(2026-03-07 14:00 +01:00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn start(&self) -> OffsetDateTime {
        self.start
    }

    /// When the work ends (c. 17 lett. d), in the Italian offset of that moment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.end(), datetime!(2026-03-07 18:00 +01:00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn end(&self) -> OffsetDateTime {
        self.end
    }

    /// When the communication is sent, in the Italian offset of that moment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.sent_at(), datetime!(2026-03-07 13:00 +01:00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sent_at(&self) -> OffsetDateTime {
        self.sent_at
    }

    /// One prestazione per calendar day, in order (reading R-MIDNIGHT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.days().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn days(&self) -> &[CpoCommunicationDay] {
        &self.days
    }

    /// The sum of the days' compensi.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.total_compenso(), Euro::from_euros(36));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total_compenso(&self) -> Euro {
        self.total_compenso
    }

    /// The sum of the days' costs to the utilizzatore.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert_eq!(cpo.total_cost(), Euro::from_cents(4964)); // worked example E3
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total_cost(&self) -> Euro {
        self.total_cost
    }

    /// Every breach of every day (admissibility, pay floor, notice), each fact prefixed with
    /// its day (`on 2026-03-07, ...`): lawful exactly when every day's verdict is.
    ///
    /// # Examples
    ///
    /// ```
    /// # use prestazioni_occasionali::*;
    /// # use time::macros::datetime;
    /// # let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// # let sara = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", time::macros::date!(1985 - 12 - 10))?;
    /// # let work = CpoWork::new(
    /// #     "Piazza Grande", "stewarding a town festival",
    /// #     datetime!(2026-03-07 14:00 +01:00), datetime!(2026-03-07 18:00 +01:00),
    /// #     vec![Euro::from_euros(36)], datetime!(2026-03-07 13:00 +01:00),
    /// # ).with_pa_purpose(PaPurpose::Events);
    /// # let cpo = CpoCommunication::new(&comune, &sara, &work, RulesTable::embedded())?;
    /// assert!(cpo.verdict().is_lawful());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// The records the ledger counts: one [`Prestazione`] per calendar day, with ids
    /// `first_id`, `first_id + 1`, ...
    ///
    /// Legal basis: art. 54-bis c. 17 D.L. 50/2017 (reading R-MIDNIGHT).
    ///
    /// # Errors
    ///
    /// [`CommunicationError::IdOverflow`] when the ids would run past `u64::MAX`.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     CpoCommunication, CpoWork, Euro, PaPurpose, Prestatore, PrestazioneId, RulesTable, Utilizzatore, UtilizzatoreKind,
    /// };
    /// use time::macros::{date, datetime};
    ///
    /// let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = CpoWork::new(
    ///     "Piazza Grande", "stewarding",
    ///     datetime!(2026-03-07 22:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(40)], datetime!(2026-03-06 18:00 +01:00),
    /// ).with_pa_purpose(PaPurpose::Events);
    /// let cpo = CpoCommunication::new(&comune, &p, &work, RulesTable::embedded())?;
    /// let records = cpo.prestazioni(PrestazioneId(7))?;
    /// assert_eq!((records[0].id(), records[1].id()), (PrestazioneId(7), PrestazioneId(8)));
    /// assert_eq!(records[1].compenso(), Euro::from_euros(40));
    /// assert!(cpo.prestazioni(PrestazioneId(u64::MAX)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prestazioni(
        &self,
        first_id: PrestazioneId,
    ) -> Result<Vec<Prestazione>, CommunicationError> {
        let ids = self.ids(first_id)?;
        ids.into_iter()
            .zip(&self.days)
            .map(|(id, d)| {
                Ok(Prestazione::try_from(PrestazioneDraft {
                    id,
                    instrument: Instrument::ContrattoPrestazioneOccasionale,
                    prestatore: self.prestatore.codice_fiscale(),
                    utilizzatore: self.utilizzatore.id(),
                    day: d.day.date,
                    minutes: d.day.minutes,
                    compenso: d.compenso,
                    special_category: d.special_category.is_some(),
                    steward: false,
                    profile: d.profile,
                })?)
            })
            .collect()
    }

    /// The ids `first_id`, `first_id + 1`, ... one per day.
    fn ids(&self, first_id: PrestazioneId) -> Result<Vec<PrestazioneId>, CommunicationError> {
        let overflow = CommunicationError::IdOverflow {
            first_id,
            days: self.days.len(),
        };
        (0..self.days.len())
            .map(|i| {
                u64::try_from(i)
                    .ok()
                    .and_then(|i| first_id.0.checked_add(i))
                    .map(PrestazioneId)
                    .ok_or(overflow.clone())
            })
            .collect()
    }

    /// Reserves each day's cost on the utilizzatore's CPO account, under the ids of
    /// [`prestazioni`](CpoCommunication::prestazioni), on the day the communication is sent:
    /// all of them or none (a refusal changes nothing). Does not look at the verdict.
    ///
    /// Legal basis: art. 54-bis c. 17 D.L. 50/2017; INPS circ. 107/2017 (CPO-COMM
    /// "Funds", CPO-FUNDING).
    ///
    /// # Errors
    ///
    /// [`CommunicationError::WrongAccount`] for a Libretto Famiglia account;
    /// [`CommunicationError::IdOverflow`]; [`CommunicationError::Funds`] when the balance does
    /// not cover every day's cost or an id already holds funds.
    ///
    /// # Examples
    ///
    /// ```
    /// use prestazioni_occasionali::{
    ///     CpoCommunication, CpoWork, Euro, FundingChannel, FundsAccount, Instrument, PaPurpose, Prestatore, PrestazioneId,
    ///     Rules, RulesTable, TopUp, Utilizzatore, UtilizzatoreKind,
    /// };
    /// use time::macros::{date, datetime};
    ///
    /// let comune = Utilizzatore::new("12345670157".parse()?, "Comune di Prova", UtilizzatoreKind::PubblicaAmministrazione)?;
    /// let p = Prestatore::new("RSSMRA85T10A562S".parse()?, "Mario", "Rossi", date!(1985 - 12 - 10))?;
    /// let work = CpoWork::new(
    ///     "Piazza Grande", "stewarding",
    ///     datetime!(2026-03-07 22:00 +01:00), datetime!(2026-03-08 02:00 +01:00),
    ///     vec![Euro::from_euros(36), Euro::from_euros(36)], datetime!(2026-03-06 18:00 +01:00),
    /// ).with_pa_purpose(PaPurpose::Events);
    /// let cpo = CpoCommunication::new(&comune, &p, &work, RulesTable::embedded())?;
    /// let day = date!(2026 - 03 - 02);
    /// let mut account = FundsAccount::new(Instrument::ContrattoPrestazioneOccasionale);
    /// account.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(60), available_on: day }, Rules::in_force_on(day)?)?;
    /// // 60,00 covers one day (49,64), not two: nothing is reserved.
    /// assert!(cpo.commit_funds(&mut account, PrestazioneId(1)).is_err());
    /// assert_eq!(account.committed(), Euro::ZERO);
    /// account.top_up(TopUp { channel: FundingChannel::PagoPa, causale: None, amount: Euro::from_euros(40), available_on: day }, Rules::in_force_on(day)?)?;
    /// cpo.commit_funds(&mut account, PrestazioneId(1))?;
    /// assert_eq!(account.committed(), Euro::from_cents(9928));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commit_funds(
        &self,
        account: &mut FundsAccount,
        first_id: PrestazioneId,
    ) -> Result<(), CommunicationError> {
        check_account(account, Instrument::ContrattoPrestazioneOccasionale)?;
        let ids = self.ids(first_id)?;
        let on = self.sent_at.date();
        let mut trial = account.clone();
        for (id, d) in ids.into_iter().zip(&self.days) {
            trial.commit(id.0, d.cost.total, on)?;
        }
        *account = trial;
        Ok(())
    }
}

impl fmt::Debug for CpoCommunication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpoCommunication")
            .field("prestatore", &self.prestatore)
            .field("utilizzatore", &self.utilizzatore)
            .field("place", &Redacted)
            .field("oggetto", &self.oggetto)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("sent_at", &self.sent_at)
            .field("days", &self.days)
            .field("total_compenso", &self.total_compenso)
            .field("total_cost", &self.total_cost)
            .field("verdict", &self.verdict)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_checked() {
        assert_eq!(clean_text(" Via Roma 1 ", "place").unwrap(), "Via Roma 1");
        assert_eq!(
            clean_text("a\nb", "oggetto"),
            Err(CommunicationError::ControlCharacter { field: "oggetto" })
        );
        assert_eq!(
            clean_text("  ", "place"),
            Err(CommunicationError::EmptyField { field: "place" })
        );
    }
}
