//! The crate's legal reference: every rule it applies, every reading it takes of an open point,
//! the worked examples and the sources.
//!
//! This module holds documentation only.

/// Readings of open points, each under a stable id (`R-...`).
pub mod readings {
    #![doc = include_str!("../docs/law/readings.md")]
}

/// Every rule the crate applies, under the id [`RuleId`](crate::RuleId) prints.
pub mod rules {
    #![doc = include_str!("../docs/law/rules.md")]
}
