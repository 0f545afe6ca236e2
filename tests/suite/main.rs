//! Every integration test in one binary: each of these files used to be its own test target,
//! and each target linked the whole program (iced, SQLite, the PDF and signing stacks) again,
//! which made the test build the longest step of CI and filled its disk. Run one part with
//! `cargo test store::` or a single test by name as before.

// Everything in this crate is a test. clippy.toml lets #[test] functions unwrap (a failure is
// the test's report), but clippy does not count the helpers they share (fixtures, readers of
// the PDF, the binary's runner) as tests; they are the same code and fail the same way.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is the test failing"
)]

mod binary;
mod common;

mod bad_input;
mod certificate;
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
mod rollup;
mod rollup_ui;
mod sign;
mod store;
mod ui;
mod wizard;
mod workload;
mod workload_ui;
