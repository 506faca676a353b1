//! The instruments: Libretto Famiglia and Contratto di Prestazione Occasionale.

mod admissibility;

pub use admissibility::{AdmissibilityError, Engagement, LfActivity, assess_admissibility};
