//! Plain types and the policy's rules (内人社办发〔2022〕111号). No I/O, no SQL, no GUI: every
//! rule here is a pure function with its tests next to it.

pub mod allowance;
pub mod batch;
pub mod catalogue;
pub mod check;
pub mod credit_code;
pub mod declaration;
pub mod exact;
pub mod isbn;
pub mod level;
pub mod phone;
pub mod raise;
pub mod region;
pub mod resource;
pub mod rollup;
pub mod school;
pub mod signature;
pub mod teacher;
mod terms;
pub mod time;
pub mod workload;

pub use batch::{Batch, YearMonth};
pub use catalogue::{Catalogue, Specialty};
pub use check::{Finding, Severity};
pub use declaration::{
    CooperationMode, CurriculumStandard, Declaration, DeclaredSpecialty, Partner, Programme, Site,
    Status,
};
pub use level::{Level, Schooling};
pub use region::Region;
pub use resource::{Conclusion, Origin, ResourceItem, ResourceKind, Review, Textbook};
pub use school::{Field, FieldError, SchoolKind, SchoolProfile};
pub use teacher::{
    Achievement, AchievementKind, Employment, Gender, Practice, Teacher, TeacherLevel, Training,
};
pub use workload::{Amount, CourseKind, Entry, Hundredths, Term};
