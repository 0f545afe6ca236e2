//! Getting data in and out of a school file: the JSON interchange format (docs/data-format.md)
//! and the demo schools, which are built as interchange documents so they load through the
//! same path as a user's file.

pub mod catalogue;
pub mod demo;
pub mod files;
pub mod forward;
pub mod import;
pub mod json;
pub mod packet;
pub mod table;
pub mod workbook;

pub use json::{Document, ExchangeError};
