//! Arguments decide between the window and a headless command; nothing else happens here.

// A release build started from the desktop must not open a console window on Windows; the
// command-line commands attach to the console they were started from (`cli::run`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use yitihua::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(Invocation::Gui(file)) => yitihua::ui::run(file),
        Ok(Invocation::Command(command)) => cli::run(command),
        Err(usage) => cli::usage_error(usage),
    }
}
