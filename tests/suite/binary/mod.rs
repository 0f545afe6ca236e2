//! The built binary, run as a user runs it from a terminal; shared by the command-line tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_yitihua");

pub fn yitihua(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("the binary runs")
}

/// The binary started by another program that then `exec`s it with the arguments: a shell
/// that lowers a limit first, `setpriv` to drop root.
pub fn yitihua_through(wrapper: &[&str], args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(wrapper[0])
        .args(&wrapper[1..])
        .arg(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("the binary runs")
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
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
