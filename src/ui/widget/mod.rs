//! Building blocks shared by the screens.

pub mod banner;
pub mod dialog;
pub mod form;
pub mod nav;
pub mod pager;
pub mod readiness;
pub mod steps;
