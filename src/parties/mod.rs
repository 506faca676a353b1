//! The parties: prestatore and utilizzatore.

mod categoria;
mod headcount;
mod id;
mod prestatore;
mod utilizzatore;

pub use categoria::{Categoria, SelfCertification, SelfCertificationError, age_on};
pub use headcount::{HeadcountError, Headcounts, MonthlyHeadcount, SemesterAverage};
pub use id::{UtilizzatoreId, UtilizzatoreIdError};
pub use prestatore::{ParentalConsent, Prestatore, PrestatoreError};
pub use utilizzatore::{
    DeclaredActivity, EnteKind, PaPurpose, PriorRelationship, RelationshipKind, Utilizzatore,
    UtilizzatoreError, UtilizzatoreKind,
};
