//! Arguments decide between the window and a headless command; nothing else happens here.

use std::process::ExitCode;

use yitihua::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(Invocation::Gui(file)) => yitihua::ui::run(file),
        Ok(Invocation::Command(command)) => cli::run(command),
        Err(usage) => {
            eprintln!("错误：{usage}");
            ExitCode::from(2)
        }
    }
}
