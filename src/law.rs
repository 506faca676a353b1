//! The crate's legal reference: every rule it applies, every reading it takes of an open point,
//! the worked examples and the sources, in the crate's own words.
//!
//! This module holds documentation only. It is what the crate's citations, verdicts and error
//! messages point to, so that an answer can be checked without any other file.
//!
//! | page | what it holds |
//! |---|---|
//! | [`rules`] | every rule the crate applies, under its id: what it says, where it is in the law, each amending act with the day it took effect, what a breach exposes the utilizzatore to, and the items of the crate that apply it |
//! | [`readings`] | every open point the sources leave, under a reading id: what the sources say, what the crate does and why, and whether a host can choose otherwise |
//! | [`examples`] | the worked examples E1 to E11 with their figures, each a doctest run against the crate |
//! | [`sources`] | the acts, the INPS and INL documents with their dates, the secondary sources with their addresses, and what was not verified |
//! | [`glossary`] | the Italian terms of art the API keeps, with an English gloss and their legal source |
//!
//! # Ids
//!
//! - **Rule ids** (`CAP-PAIR`, `CPO-COMM`, `PROHIB-SIZE`, ...) name a rule of [`rules`]. A
//!   [`RuleId`](crate::RuleId) prints one (`RuleId::CapPair` prints `CAP-PAIR`), and so does every
//!   [`Breach`](crate::Breach) of a [`Verdict`](crate::Verdict). A few rules never appear in a
//!   verdict and are only named in the documentation (`DEF-NET`, `EMPLOYEE-COUNT`,
//!   `SANCT-ADMIN`).
//! - **Reading ids** (`R-ONERI-BASE`, `R-REVOCA`, ...) name a section of [`readings`]. A
//!   citation that rests on a reading prints `reading R-...: ` and a one-line statement of it.
//! - **Worked examples** `E1` to `E11` name a section of [`examples`]; the crate's tests carry the
//!   same ids.
//!
//! The ids are stable: a rule or reading that changes keeps its id and its section says what
//! changed; a new one gets a new id.
//!
//! # Reading a citation
//!
//! Every value of the rules table carries a [`Citation`](crate::Citation), and every breach
//! quotes the citation of the rule in force on its day. Its `Display` has up to four parts, in
//! this order:
//!
//! 1. the provision: `art. 54-bis c. 1 lett. b D.L. 50/2017` (article, comma, letter, act), or
//!    another act quoted whole (`INPS msg 410 of 27/1/2023`);
//! 2. `, as amended by` the act that introduced or changed the text (`L. 197/2022 art. 1 c. 342
//!    lett. a`), whose effective date is in [`rules`] and [`sources`];
//! 3. `; ` the INPS or INL document that implements or interprets it (`INPS circ. 6/2023`);
//! 4. `; reading R-...: ` the reading of [`readings`] the value follows, where the sources leave
//!    the point open.
//!
//! ```
//! use prestazioni_occasionali::Rules;
//! use time::macros::date;
//!
//! let rules = Rules::in_force_on(date!(2026 - 03 - 07))?;
//! assert_eq!(
//!     rules.cap_utilizzatore.citation.to_string(),
//!     "art. 54-bis c. 1 lett. b D.L. 50/2017, as amended by L. 197/2022 art. 1 c. 342 lett. a; INPS circ. 6/2023"
//! );
//! let oneri = rules.cpo_oneri_base.citation.to_string();
//! assert!(oneri.starts_with("art. 54-bis c. 13, 15 D.L. 50/2017; reading R-ONERI-BASE: "));
//!
//! // Every reading a citation names is a section of `law::readings`.
//! for parameter in rules.parameters() {
//!     if let Some(reading) = &parameter.citation.reading {
//!         assert!(reading.starts_with("R-"), "{}: {reading}", parameter.name);
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What this reference is, and is not
//!
//! It documents one reading of art. 54-bis D.L. 50/2017 and of the INPS practice around it, as the
//! crate applies it: the conservative one where the sources disagree (see [`readings`]). It is
//! **not legal advice**. The sources were mostly read through professional summaries and trade
//! papers; the consolidated text on Normattiva and the INPS originals were not all checked (the
//! list is in [`sources`]). Check the answers that matter with a consulente del lavoro or with
//! INPS.
//!
//! **No amendment to art. 54-bis is known after D.L. 48/2023** (art. 37, in force 5/5/2023).
//! Checked for changes, through summaries and not on Normattiva: L. 203/2024 (collegato lavoro),
//! L. 207/2024 (bilancio 2025), L. 199/2025 (bilancio 2026), D.L. 159/2025 and D.L. 200/2025.
//! Caps, pay floors, rates, fees, headcount limits, sectors and categories were unchanged in
//! January 2026. A later change of law is a new dated row of the rules table, which a host can
//! add before a crate release ([`RulesTableBuilder`](crate::RulesTableBuilder)).
//!
//! Not modelled: the voucher regime before 24/6/2017, the lavoro autonomo occasionale of art.
//! 2222 c.c., LOAgri (L. 197/2022 cc. 343-354), the Libretto Famiglia at post offices and
//! tabaccherie, and the fiscal and social-security effects of the compensi (comma 4: exempt from
//! tax, no effect on unemployment status, counted for residence permits; NASpI and DIS-COLL
//! cumulable up to 5.000 € a year).

/// Every rule the crate applies, under the id [`RuleId`](crate::RuleId) prints.
pub mod rules {
    #![doc = include_str!("../docs/law/rules.md")]
}

/// The readings of open points, each under a stable id (`R-...`).
pub mod readings {
    #![doc = include_str!("../docs/law/readings.md")]
}

/// The worked examples E1 to E11, each a doctest.
pub mod examples {
    #![doc = include_str!("../docs/law/examples.md")]
}

/// The acts, the INPS and INL documents and the secondary sources, and what was not verified.
pub mod sources {
    #![doc = include_str!("../docs/law/sources.md")]
}

/// The terms of art the API keeps in Italian.
pub mod glossary {
    #![doc = include_str!("../docs/glossary.md")]
}
