//! The legal reference (`law`) is complete and self-contained: every rule id the crate prints or
//! cites has a section in `law::rules`, every reading id a section in `law::readings` (and every
//! section is cited), every worked example a section with a doctest in `law::examples`, and no
//! packaged file points to the project's research notes, which users do not have.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const RULES: &str = include_str!("../docs/law/rules.md");
const READINGS: &str = include_str!("../docs/law/readings.md");
const EXAMPLES: &str = include_str!("../docs/law/examples.md");
const VERDICT: &str = include_str!("../src/verdict.rs");
const MANIFEST: &str = include_str!("../Cargo.toml");

/// The prefixes of the rule ids of `law::rules`.
const RULE_PREFIXES: &[&str] = &[
    "CAP", "CPO", "LF", "PROHIB", "HOURS", "SANCT", "ELIG", "REG", "DEF", "PAY", "EMPLOYEE",
    "SCOPE",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `path` (or `path` itself), recursively, sorted.
fn files(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if path.is_file() {
        out.push(path.to_path_buf());
    } else if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            out.extend(files(&entry));
        }
    }
    out
}

/// The text of every file the crate's users read: sources, examples, benches, docs, README and
/// CHANGELOG (the generated Belfiore table is data and is skipped).
fn user_facing_texts() -> Vec<(PathBuf, String)> {
    let root = root();
    let mut out = Vec::new();
    for part in [
        "src",
        "examples",
        "benches",
        "docs",
        "README.md",
        "CHANGELOG.md",
    ] {
        for path in files(&root.join(part)) {
            if path.ends_with("belfiore_data.rs") {
                continue;
            }
            if let Ok(text) = fs::read_to_string(&path) {
                out.push((path, text));
            }
        }
    }
    out
}

/// The words of `text` made of ASCII letters, digits and hyphens, without trailing hyphens.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_end_matches('-'))
        .filter(|w| !w.is_empty())
}

/// A reading id: `R-` followed by upper-case words (`R-ONERI-BASE`).
fn is_reading_id(word: &str) -> bool {
    word.strip_prefix("R-").is_some_and(|rest| {
        !rest.is_empty()
            && rest.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            && rest.starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// A rule id: one of the rule prefixes followed by upper-case words (`CAP-PAIR`, `HOURS-280`).
fn is_rule_id(word: &str) -> bool {
    let mut parts = word.split('-');
    let prefix = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    RULE_PREFIXES.contains(&prefix)
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

/// The `## ID` headings of a page.
fn headings(page: &str) -> BTreeSet<&str> {
    page.lines()
        .filter_map(|line| line.strip_prefix("## "))
        .map(str::trim)
        .collect()
}

/// The section of `page` under `## id`, up to the next `## ` heading.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("\n## {id}\n"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let body = &page[start + 4 + id.len()..];
    body.find("\n## ").map_or(body, |end| &body[..end])
}

/// The ids `RuleId::as_str` prints, read from its source so that a new variant is checked too.
fn rule_ids_of_rule_id() -> Vec<&'static str> {
    let body = VERDICT
        .split("pub const fn as_str(self)")
        .nth(1)
        .and_then(|rest| rest.split("\n    }\n").next())
        .expect("RuleId::as_str");
    let ids: Vec<&str> = body
        .lines()
        .filter_map(|line| line.split("=> \"").nth(1))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(ids.len() >= 24, "RuleId::as_str has {} ids", ids.len());
    ids
}

/// Source: `law::rules`. Every id a `RuleId` prints is a section, and the variant's doc links to it.
#[test]
fn every_rule_id_has_a_section_and_a_link() {
    let sections = headings(RULES);
    for id in rule_ids_of_rule_id() {
        assert!(
            sections.contains(id),
            "`RuleId` prints {id}, which has no `## {id}` in law::rules"
        );
        let link = format!("(crate::law::rules#{})", id.to_lowercase());
        assert!(
            VERDICT.contains(&link),
            "the `RuleId` variant of {id} does not link to {link}"
        );
    }
}

/// Source: `law::rules`. Every rule id cited in the crate's sources and documents has a section.
#[test]
fn every_cited_rule_id_has_a_section() {
    let sections = headings(RULES);
    let mut missing = BTreeSet::new();
    for (path, text) in user_facing_texts() {
        for word in words(&text).filter(|w| is_rule_id(w)) {
            if !sections.contains(word) {
                missing.insert(format!("{word} ({})", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rule ids without a section in law::rules: {missing:?}"
    );
}

/// Source: `law::readings`. Every reading id cited anywhere has a section, and every section is
/// cited by the code that applies it (a doc comment or a citation in `src/` or `examples/`, the
/// legal reference itself aside).
#[test]
fn every_reading_is_a_section_and_every_section_is_cited() {
    let sections: BTreeSet<&str> = headings(READINGS)
        .into_iter()
        .filter(|h| h.starts_with("R-"))
        .collect();
    assert!(sections.len() >= 30, "{} readings", sections.len());
    let mut cited = BTreeSet::new();
    let mut missing = BTreeSet::new();
    for (path, text) in user_facing_texts() {
        let relative = path.strip_prefix(root()).unwrap_or(&path).to_path_buf();
        let code = (relative.starts_with("src") || relative.starts_with("examples"))
            && !relative.ends_with("law.rs");
        for word in words(&text).filter(|w| is_reading_id(w)) {
            if !sections.contains(word) {
                missing.insert(format!("{word} ({})", path.display()));
            }
            if code {
                cited.insert(word.to_owned());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "reading ids without a section in law::readings: {missing:?}"
    );
    let uncited: Vec<&&str> = sections.iter().filter(|id| !cited.contains(**id)).collect();
    assert!(uncited.is_empty(), "readings no code cites: {uncited:?}");
}

/// Source: `law::rules` and `law::readings`. Every section has the parts the module pages promise.
#[test]
fn every_section_has_its_parts() {
    for id in headings(RULES).into_iter().filter(|h| is_rule_id(h)) {
        let body = section(RULES, id);
        for part in ["**Rule.**", "**Where.**", "**In the crate.**"] {
            assert!(body.contains(part), "law::rules {id} has no {part}");
        }
    }
    for id in headings(READINGS)
        .into_iter()
        .filter(|h| h.starts_with("R-"))
    {
        let body = section(READINGS, id);
        for part in [
            "**Sources.**",
            "**Reading.**",
            "**Why.**",
            "**Another reading.**",
        ] {
            assert!(body.contains(part), "law::readings {id} has no {part}");
        }
    }
}

/// Source: `law::examples`. E1 to E11 each have a section with a doctest, and every worked
/// example cited is one of them.
#[test]
fn every_worked_example_has_a_section_with_a_doctest() {
    let sections = headings(EXAMPLES);
    for n in 1..=11 {
        let id = format!("E{n}");
        assert!(
            sections.contains(id.as_str()),
            "no section {id} in law::examples"
        );
        assert!(
            section(EXAMPLES, &id).contains("\n```\n"),
            "law::examples {id} has no doctest"
        );
    }
    for (path, text) in user_facing_texts() {
        for (i, _) in text.match_indices("worked example E") {
            let number: String = text[i + "worked example E".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: u32 = number.parse().unwrap_or(0);
            assert!(
                (1..=11).contains(&n),
                "{}: worked example E{number} is not one of E1-E11",
                path.display()
            );
        }
    }
}

/// The paths the package ships, from the `include` list of Cargo.toml.
fn packaged_paths() -> Vec<PathBuf> {
    let list = MANIFEST
        .split("\ninclude = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("Cargo.toml has an explicit include list");
    let root = root();
    let mut out = Vec::new();
    for pattern in list
        .split(',')
        .map(|p| p.trim().trim_matches('"'))
        .filter(|p| !p.is_empty())
    {
        let fixed = pattern.split('*').next().unwrap_or_default();
        let fixed = fixed.trim_matches('/');
        let matches = files(&root.join(fixed));
        assert!(
            !matches.is_empty(),
            "include pattern {pattern} matches nothing"
        );
        out.extend(matches);
    }
    out
}

/// Users have the package, not the project's research notes: no packaged file may name them.
#[test]
fn no_packaged_file_names_the_research_notes() {
    let research = concat!("LAW", ".md");
    let paths = packaged_paths();
    assert!(paths.iter().any(|p| p.ends_with("LICENSE-MIT")));
    assert!(paths.iter().any(|p| p.ends_with("LICENSE-APACHE")));
    assert!(paths.iter().any(|p| p.ends_with("docs/law/readings.md")));
    for path in paths {
        let bytes = fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(research),
            "{} names {research}, which users do not have",
            path.display()
        );
    }
}
