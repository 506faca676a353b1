//! The parties: prestatore and utilizzatore.

mod id;

pub use id::{UtilizzatoreId, UtilizzatoreIdError};
