//! Every integration test in one binary: each of these files used to be its own test target,
//! and each target linked the whole program (iced, SQLite, the PDF and signing stacks) again,
//! which made the test build the longest step of CI and filled its disk. Run one part with
//! `cargo test store::` or a single test by name as before.

mod binary;
mod common;

mod bad_input;
mod cli;
mod crash;
mod declarations;
mod export_ui;
mod files;
mod font;
mod import;
mod report;
mod resources;
mod resources_ui;
mod sign;
mod store;
mod ui;
mod wizard;
mod workload;
mod workload_ui;
