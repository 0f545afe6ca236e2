//! Building blocks shared by the screens.

pub mod actions;
pub mod confirm;
pub mod dialog;
pub mod form;
pub mod nav;
pub mod notice;
pub mod page;
pub mod pager;
pub mod readiness;
pub mod steps;
pub mod tabs;
pub mod typed_path;
