//! What the window and the command line both do, written once: they gather the user's choices,
//! call these, and show the outcome their own way. Nothing here knows iced or prints to a
//! terminal; everything a user reads from here is Chinese.

pub mod certificate;
pub mod export;
pub mod import;
pub mod rollup;
pub mod signing;
