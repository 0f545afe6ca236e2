//! The built binary, run as a user runs it from a terminal; shared by the command-line tests.
// Each test file uses a different part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_yitihua");

pub fn yitihua(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `yitihua new` at `path`: a school with nothing in it yet.
pub fn new_school(path: &Path, name: &str, kind: &str, region: &str) {
    let o = yitihua(&[
        &"new",
        &path,
        &"--name",
        &name,
        &"--kind",
        &kind,
        &"--region",
        &region,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// An empty 技工学校 in 兴安盟 as `学校.yth` in `dir`.
pub fn school(dir: &Path) -> PathBuf {
    let path = dir.join("学校.yth");
    new_school(&path, "兴安盟技工学校", "技工学校", "兴安盟");
    path
}
