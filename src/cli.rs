//! The command line: headless commands over the same library code the window uses. Messages
//! and errors are Chinese; errors go to stderr with a non-zero exit.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::{Region, SchoolKind, SchoolProfile};
use crate::exchange::{Document, demo};
use crate::store::SchoolFile;

/// What the arguments ask for: the window, or one headless command.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// `yitihua`, `yitihua open FILE` or `yitihua FILE` (file-manager association).
    Gui(Option<PathBuf>),
    Command(Command),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    New {
        file: PathBuf,
        name: String,
        kind: SchoolKind,
        region: Region,
    },
    Info {
        file: PathBuf,
        json: bool,
    },
    Dump {
        file: PathBuf,
    },
    Load {
        data: PathBuf,
        file: PathBuf,
    },
    Demo {
        file: PathBuf,
        size: demo::Size,
    },
    Version,
    Help,
}

const USAGE: &str = "\
工学一体化申报助手

用法：
  yitihua                                   打开窗口（上次的学校文件）
  yitihua [open] 文件.yth                    在窗口中打开学校文件
  yitihua new 文件.yth --name 学校名称 --kind 学校类型 --region 所属盟市
                                            新建学校文件（不会覆盖已有文件）
  yitihua info 文件.yth [--json]             显示学校、数据格式版本和数据统计
  yitihua dump 文件.yth                      以 JSON 交换格式输出全部数据
  yitihua load 数据.json 文件.yth            由 JSON 数据新建学校文件
  yitihua demo 文件.yth [--size small|large] 生成演示学校
  yitihua --version                          显示版本

学校类型：技师学院、高级技工学校、技工学校
所属盟市：呼和浩特市、包头市、乌海市、赤峰市、通辽市、鄂尔多斯市、呼伦贝尔市、巴彦淖尔市、
          乌兰察布市、兴安盟、锡林郭勒盟、阿拉善盟、满洲里市、自治区直属
";

/// A problem with the arguments; printed with a hint to `--help`.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（用 yitihua --help 查看用法）", self.0)
    }
}

/// Reads the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, UsageError> {
    let mut args = Args(args.into_iter().collect::<Vec<_>>().into_iter());
    let Some(first) = args.next_string()? else {
        return Ok(Invocation::Gui(None));
    };
    let command = match first.as_str() {
        "--version" | "-V" | "version" => Command::Version,
        "--help" | "-h" | "help" => Command::Help,
        "open" => {
            let file = args.file("学校文件")?;
            args.end()?;
            return Ok(Invocation::Gui(Some(file)));
        }
        "new" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--name", "--kind", "--region"], &[])?;
            let name = options.take("--name")?;
            let kind = options.take("--kind")?;
            let region = options.take("--region")?;
            Command::New {
                file,
                kind: SchoolKind::from_name(&kind)
                    .ok_or_else(|| UsageError(format!("未知的学校类型“{kind}”")))?,
                region: Region::from_name(&region)
                    .ok_or_else(|| UsageError(format!("未知的所属盟市“{region}”")))?,
                name,
            }
        }
        "info" => {
            let file = args.file("学校文件")?;
            let options = args.options(&[], &["--json"])?;
            Command::Info {
                file,
                json: options.has("--json"),
            }
        }
        "dump" => {
            let file = args.file("学校文件")?;
            args.end()?;
            Command::Dump { file }
        }
        "load" => {
            let data = args.file("JSON 数据文件")?;
            let file = args.file("学校文件")?;
            args.end()?;
            Command::Load { data, file }
        }
        "demo" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--size"], &[])?;
            let size = options.take_or("--size", "small");
            Command::Demo {
                file,
                size: demo::Size::from_name(&size).ok_or_else(|| {
                    UsageError(format!("--size 只能是 small 或 large，而不是“{size}”"))
                })?,
            }
        }
        other if other.starts_with('-') => {
            return Err(UsageError(format!("未知的选项“{other}”")));
        }
        _ => {
            args.end()?;
            return Ok(Invocation::Gui(Some(PathBuf::from(first))));
        }
    };
    Ok(Invocation::Command(command))
}

struct Args(std::vec::IntoIter<OsString>);

impl Args {
    fn next_string(&mut self) -> Result<Option<String>, UsageError> {
        self.0
            .next()
            .map(|a| {
                a.into_string()
                    .map_err(|a| UsageError(format!("参数不是有效的文本：{}", a.to_string_lossy())))
            })
            .transpose()
    }

    fn file(&mut self, what: &str) -> Result<PathBuf, UsageError> {
        match self.0.next() {
            Some(a) if !a.to_string_lossy().starts_with("--") => Ok(PathBuf::from(a)),
            _ => Err(UsageError(format!("缺少{what}"))),
        }
    }

    fn end(&mut self) -> Result<(), UsageError> {
        match self.next_string()? {
            None => Ok(()),
            Some(extra) => Err(UsageError(format!("多余的参数“{extra}”"))),
        }
    }

    /// `valued` options take the next argument; `flags` stand alone. Each may appear once.
    fn options(&mut self, valued: &[&str], flags: &[&str]) -> Result<Options, UsageError> {
        let mut found = Options(Vec::new());
        while let Some(arg) = self.next_string()? {
            if found.0.iter().any(|(k, _)| *k == arg) {
                return Err(UsageError(format!("选项“{arg}”重复")));
            }
            if valued.contains(&arg.as_str()) {
                let value = self
                    .next_string()?
                    .ok_or_else(|| UsageError(format!("选项“{arg}”缺少取值")))?;
                found.0.push((arg, value));
            } else if flags.contains(&arg.as_str()) {
                found.0.push((arg, String::new()));
            } else {
                return Err(UsageError(format!("未知的参数“{arg}”")));
            }
        }
        Ok(found)
    }
}

struct Options(Vec<(String, String)>);

impl Options {
    fn take(&mut self, key: &str) -> Result<String, UsageError> {
        let at = self
            .0
            .iter()
            .position(|(k, _)| k == key)
            .ok_or_else(|| UsageError(format!("缺少选项 {key}")))?;
        Ok(self.0.remove(at).1)
    }

    fn take_or(&mut self, key: &str, default: &str) -> String {
        self.take(key).unwrap_or_else(|_| default.to_string())
    }

    fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }
}

/// Runs one headless command; the exit code says whether it worked.
pub fn run(command: Command) -> ExitCode {
    attach_console();
    match execute(command, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("错误：{message}");
            ExitCode::FAILURE
        }
    }
}

/// Reports wrong arguments; exit code 2, as command-line tools do for usage errors.
pub fn usage_error(error: UsageError) -> ExitCode {
    attach_console();
    eprintln!("错误：{error}");
    ExitCode::from(2)
}

/// The Windows release binary is a GUI-subsystem program (no console window when started from
/// the desktop), so its standard streams go nowhere until it attaches to the console of the
/// terminal that started it. Started from Explorer there is none, and nothing changes.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and only fails if there is no console
    // or one is already attached; either way the process continues unchanged.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_console() {}

fn execute(command: Command, out: &mut dyn Write) -> Result<(), String> {
    let write_err = |e: std::io::Error| format!("无法输出：{e}");
    match command {
        Command::Version => {
            writeln!(out, "yitihua {}", env!("CARGO_PKG_VERSION")).map_err(write_err)
        }
        Command::Help => out.write_all(USAGE.as_bytes()).map_err(write_err),
        Command::New {
            file,
            name,
            kind,
            region,
        } => {
            let document = Document::new(SchoolProfile::new(name, kind, region));
            let problems = document.school.validate();
            if let Some(problem) = problems.first() {
                return Err(problem.message.clone());
            }
            SchoolFile::create(&file, &document.school.normalized()).map_err(|e| e.to_string())?;
            writeln!(out, "已新建学校文件：{}", file.display()).map_err(write_err)
        }
        Command::Info { file, json } => {
            let school = SchoolFile::open(&file).map_err(|e| e.to_string())?;
            info(&school, json, out).map_err(|e| e.to_string())
        }
        Command::Dump { file } => {
            let school = SchoolFile::open(&file).map_err(|e| e.to_string())?;
            let document = Document::from_file(&school).map_err(|e| e.to_string())?;
            out.write_all(document.to_json().as_bytes())
                .map_err(write_err)
        }
        Command::Load { data, file } => {
            let json = std::fs::read_to_string(&data)
                .map_err(|e| format!("无法读取 {}：{e}", data.display()))?;
            let document = Document::parse(&json).map_err(|e| e.to_string())?;
            document
                .create_file(&file, &format!("从 JSON 数据导入（{}）", data.display()))
                .map_err(|e| e.to_string())?;
            writeln!(
                out,
                "已由 {} 新建学校文件：{}",
                data.display(),
                file.display()
            )
            .map_err(write_err)
        }
        Command::Demo { file, size } => {
            demo::document(size)
                .create_file(&file, "生成演示学校")
                .map_err(|e| e.to_string())?;
            writeln!(out, "已生成演示学校：{}", file.display()).map_err(write_err)
        }
    }
}

fn info(
    school: &SchoolFile,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let profile = school.profile()?;
    let version = school.schema_version()?;
    let counts = school.counts()?;
    if json {
        let value = serde_json::json!({
            "school": profile,
            "schema_version": version,
            "counts": counts.iter().map(|(key, _, n)| (key.to_string(), serde_json::Value::from(*n))).collect::<serde_json::Map<_, _>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(out, "学校名称：{}", profile.name)?;
    writeln!(out, "学校类型：{}", profile.kind)?;
    writeln!(out, "所属盟市：{}", profile.region)?;
    writeln!(out, "文件：{}", school.path().display())?;
    writeln!(out, "数据格式版本：第{version}版")?;
    for (_, label, n) in &counts {
        writeln!(out, "{label}：{n}")?;
    }
    for event in school.history()? {
        writeln!(
            out,
            "  {}  {}（程序版本 {}）",
            event.at, event.event, event.app_version
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Invocation, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn gui_forms() {
        assert_eq!(parse_strs(&[]), Ok(Invocation::Gui(None)));
        let file = Some(PathBuf::from("学校.yth"));
        assert_eq!(
            parse_strs(&["open", "学校.yth"]),
            Ok(Invocation::Gui(file.clone()))
        );
        assert_eq!(parse_strs(&["学校.yth"]), Ok(Invocation::Gui(file)));
        assert!(parse_strs(&["学校.yth", "多余"]).is_err());
    }

    #[test]
    fn options_in_any_order_once_each() {
        let new = parse_strs(&[
            "new",
            "a.yth",
            "--region",
            "兴安盟",
            "--kind",
            "技师学院",
            "--name",
            "兴安技师学院",
        ]);
        assert_eq!(
            new,
            Ok(Invocation::Command(Command::New {
                file: "a.yth".into(),
                name: "兴安技师学院".into(),
                kind: SchoolKind::TechnicianCollege,
                region: Region::Hinggan,
            }))
        );
        let twice = parse_strs(&["info", "a.yth", "--json", "--json"]);
        assert_eq!(twice, Err(UsageError("选项“--json”重复".into())));
        let missing = parse_strs(&["new", "a.yth", "--name", "某校", "--kind", "技工学校"]);
        assert_eq!(missing, Err(UsageError("缺少选项 --region".into())));
    }
}
