//! The parties: prestatore and utilizzatore.

mod categoria;
mod id;

pub use categoria::{Categoria, SelfCertification, SelfCertificationError, age_on};
pub use id::{UtilizzatoreId, UtilizzatoreIdError};
