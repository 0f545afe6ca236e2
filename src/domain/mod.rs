//! Plain types and the policy's rules (内人社办发〔2022〕111号). No I/O, no SQL, no GUI: every
//! rule here is a pure function with its tests next to it.

pub mod credit_code;
pub mod phone;
pub mod region;
pub mod school;

pub use region::Region;
pub use school::{Field, FieldError, SchoolKind, SchoolProfile};
