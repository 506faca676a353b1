//! How a [`Booking`] reads for a person: the crate's Italian formats (`1.234,56 €`,
//! `4 h 00 min`), ISO days as in the crate's verdicts, instants in the offset given, and the
//! citation of every figure.

use std::fmt;

use time::OffsetDateTime;

use super::{Booking, BookingDay, CommunicateBy};
use crate::format::duration;
use crate::prestazione::Instrument;
use crate::verdict::{RuleId, Verdict};

/// `2026-03-07 13:00 +01:00`: an instant in its own offset.
fn instant(t: OffsetDateTime) -> String {
    format!("{} {}", t.date(), clock_and_offset(t, true))
}

/// `13:00 +01:00`, or `13:00` without the offset.
fn clock_and_offset(t: OffsetDateTime, with_offset: bool) -> String {
    let clock = format!("{:02}:{:02}", t.hour(), t.minute());
    if !with_offset {
        return clock;
    }
    let offset = t.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "{clock} {sign}{:02}:{:02}",
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs()
    )
}

impl fmt::Display for CommunicateBy {
    /// `2026-03-07 13:00 +01:00` (CPO) or `23:59:59 of 2026-04-03` (Libretto Famiglia).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommunicateBy::Instant(at) => f.write_str(&instant(*at)),
            CommunicateBy::EndOfDay(day) => write!(f, "23:59:59 of {day}"),
        }
    }
}

/// Each breach of `verdict` on its own line, indented by `indent`, with its consequence.
fn breaches(f: &mut fmt::Formatter<'_>, verdict: &Verdict, indent: &str) -> fmt::Result {
    for breach in &verdict.breaches {
        write!(f, "\n{indent}{breach}; consequence: {}", breach.consequence)?;
    }
    Ok(())
}

impl fmt::Display for Booking {
    /// The answer for a person, one fact per line with its citation:
    ///
    /// ```text
    /// CPO booking asked at 2026-03-05 09:00 +00:00: lawful
    ///   instrument: CPO (as asked; art. 54-bis c. 6, 10 D.L. 50/2017)
    ///   LF: not admissible
    ///     LF-USERS: the utilizzatore (impresa) may not use the Libretto Famiglia: ...
    ///   CPO: admissible
    ///   2026-03-07 13:00-17:00 +00:00, 4 h 00 min, prestazione #2
    ///     pay: 48,00 €, at least 36,00 € (art. 54-bis c. 17 lett. e D.L. 50/2017): met
    ///     cost: 66,18 € = compenso 48,00 € + IVS 15,84 € + INAIL 1,68 € + oneri 0,66 € (...)
    ///     communicate by 2026-03-07 12:00 +00:00 (art. 54-bis c. 17 D.L. 50/2017): in time
    ///     revoke by 23:59:59 of 2026-03-10 (...)
    ///     INPS pays by 2026-04-15 (...)
    ///     caps: within every cap
    ///   funds: 66,18 € needed on 2026-03-05, no CPO account given (...)
    ///   after it:
    ///     CAP-PRESTATORE-TOTAL: used 0,00 € + 48,00 € = 48,00 € of 5.000,00 €; room 4.952,00 € (...)
    ///     ...
    ///   room after it: 2.452,00 €, set by CAP-PAIR; 276 h 00 min left under the hour limit
    /// ```
    ///
    /// A booking that is not lawful also shows the room before it. Titoli are shown for the
    /// Libretto Famiglia only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} booking asked at {}: {}",
            self.instrument,
            instant(self.asked_at),
            if self.is_lawful() {
                "lawful"
            } else {
                "NOT lawful"
            }
        )?;
        write!(
            f,
            "\n  instrument: {} ({}; {})",
            self.instrument, self.choice.value, self.choice.citation
        )?;
        for instrument in [
            Instrument::LibrettoFamiglia,
            Instrument::ContrattoPrestazioneOccasionale,
        ] {
            match self.admissibility(instrument) {
                Some(verdict) if verdict.is_lawful() => {
                    write!(f, "\n  {instrument}: admissible")?;
                }
                Some(verdict) => {
                    write!(f, "\n  {instrument}: not admissible")?;
                    breaches(f, verdict, "    ")?;
                }
                None => write!(
                    f,
                    "\n  {instrument}: not assessed (the data given do not answer it; ask about the {instrument} for the reason)"
                )?,
            }
        }
        for day in &self.days {
            write_day(f, day)?;
        }
        write_funds(f, self)?;
        if !self.is_lawful() {
            write!(
                f,
                "\n  room before it: {}{}, set by {}",
                self.room_before.compenso.to_italian(),
                self.titoli_words(self.room_before.titoli),
                self.room_before.binding
            )?;
        }
        if let Some(last) = self.days.last() {
            f.write_str("\n  after it:")?;
            for cap in last.assessment.money_caps() {
                write!(f, "\n    {cap}")?;
                if let Some(citation) = last.limit_citation(cap.rule) {
                    write!(f, " ({citation})")?;
                }
            }
            if let Some(hours) = &last.assessment.hours {
                write!(f, "\n    {hours}")?;
                let citation = last
                    .limit_citation(RuleId::Hours280)
                    .or_else(|| last.limit_citation(RuleId::HoursAgri));
                if let Some(citation) = citation {
                    write!(f, " ({citation})")?;
                }
            }
            let room = &last.room_after;
            write!(
                f,
                "\n  room after it: {}{}, set by {}",
                room.compenso.to_italian(),
                self.titoli_words(room.titoli),
                room.binding
            )?;
            if let Some(minutes) = room.minutes {
                write!(
                    f,
                    "; {} left under the hour limit",
                    duration(u64::from(minutes))
                )?;
            }
        }
        Ok(())
    }
}

impl Booking {
    /// ` (3 titoli)` for a Libretto Famiglia booking, nothing for a CPO one.
    fn titoli_words(&self, titoli: u32) -> String {
        match self.instrument {
            Instrument::LibrettoFamiglia => format!(" ({titoli} titoli)"),
            Instrument::ContrattoPrestazioneOccasionale => String::new(),
        }
    }
}

/// One calendar day: when, pay, cost, deadlines, notice and caps.
fn write_day(f: &mut fmt::Formatter<'_>, day: &BookingDay) -> fmt::Result {
    let p = &day.prestazione;
    let minutes = duration(u64::from(p.minutes()));
    match (day.start, day.end) {
        (Some(start), Some(end)) => write!(
            f,
            "\n  {} {}-{}, {minutes}, prestazione {}",
            p.day(),
            clock_and_offset(start, false),
            clock_and_offset(end, true),
            p.id()
        )?,
        _ => write!(f, "\n  {}, {minutes}, prestazione {}", p.day(), p.id())?,
    }
    let pay = &day.pay;
    match pay.titoli {
        Some(titoli) => write!(
            f,
            "\n    pay: {titoli} titoli for {minutes}, {} ({})",
            pay.compenso.to_italian(),
            pay.citation
        )?,
        None => write!(
            f,
            "\n    pay: {}, at least {} ({}): {}",
            pay.compenso.to_italian(),
            pay.minimum.to_italian(),
            pay.citation,
            if pay.is_met() { "met" } else { "NOT met" }
        )?,
    }
    breaches(f, &pay.verdict, "      ")?;
    let cost = &day.cost.value;
    write!(
        f,
        "\n    cost: {} = compenso {} + IVS {} + INAIL {} + oneri {} ({})",
        cost.total.to_italian(),
        cost.compenso.to_italian(),
        cost.ivs.to_italian(),
        cost.inail.to_italian(),
        cost.oneri.to_italian(),
        day.cost.citation
    )?;
    write!(
        f,
        "\n    communicate by {} ({}): {}",
        day.communication.value,
        day.communication.citation,
        if day.notice.is_lawful() {
            "in time"
        } else {
            "LATE"
        }
    )?;
    breaches(f, &day.notice, "      ")?;
    if let Some(revoca) = &day.revoca {
        write!(
            f,
            "\n    revoke by 23:59:59 of {} ({})",
            revoca.value, revoca.citation
        )?;
    }
    write!(
        f,
        "\n    INPS pays by {} ({})",
        day.payment.value, day.payment.citation
    )?;
    let verdict = &day.assessment.verdict;
    if verdict.is_lawful() {
        f.write_str("\n    caps: within every cap")?;
    } else {
        f.write_str("\n    caps: NOT within every cap")?;
        breaches(f, verdict, "      ")?;
    }
    Ok(())
}

/// The funds line: needed, available and covered, with the funding rules' citation.
fn write_funds(f: &mut fmt::Formatter<'_>, booking: &Booking) -> fmt::Result {
    let funds = &booking.funds;
    write!(
        f,
        "\n  funds: {} needed on {}, ",
        funds.needed.to_italian(),
        funds.on
    )?;
    match funds.available {
        None => write!(f, "no {} account given", booking.instrument)?,
        Some(available) => write!(
            f,
            "{} available on the {} account: {}",
            available.to_italian(),
            booking.instrument,
            if funds.verdict.is_lawful() {
                "covered"
            } else {
                "NOT covered"
            }
        )?,
    }
    write!(f, " ({})", funds.citation)?;
    breaches(f, &funds.verdict, "    ")
}
