//! The command line: headless commands over the same library code the window uses. Messages
//! and errors are Chinese; errors go to stderr with a non-zero exit.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::{Region, SchoolKind, SchoolProfile};
use crate::exchange::{Document, demo};
use crate::store::SchoolFile;

mod export;
mod sign;
mod workload;

use crate::workflow::signing::{read_certificate, read_passphrase};

use crate::exchange::import::TableKind;

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
    Check {
        file: PathBuf,
        batch: Option<u32>,
        json: bool,
    },
    ImportCatalogue {
        file: PathBuf,
        data: PathBuf,
    },
    ReportResources {
        file: PathBuf,
        specialty: Option<String>,
        format: ReportFormat,
    },
    CheckFiles {
        file: PathBuf,
    },
    Export {
        file: PathBuf,
        batch: u32,
        out: PathBuf,
        /// The date printed on the cover and the signature lines; today if not given.
        date: Option<chrono::NaiveDate>,
        /// Sign with the school's key, unlocked by the passphrase in this file.
        sign: Option<PathBuf>,
    },
    SignSetup {
        file: PathBuf,
        passphrase_file: PathBuf,
        replace: bool,
    },
    Verify {
        packet: PathBuf,
        trust: Option<PathBuf>,
    },
    ImportTable {
        file: PathBuf,
        table: PathBuf,
        kind: TableKind,
        dry_run: bool,
        skip_bad_rows: bool,
    },
    ReportWorkload {
        file: PathBuf,
        term: Option<String>,
        format: ReportFormat,
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

/// How a report is given: text on the terminal, JSON for other programs, or an .xlsx file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Xlsx(PathBuf),
}

impl ReportFormat {
    fn from_options(options: &mut Options) -> Result<ReportFormat, UsageError> {
        match (options.has("--json"), options.take("--xlsx").ok()) {
            (true, Some(_)) => Err(UsageError("--json 和 --xlsx 只能选一个".into())),
            (true, None) => Ok(ReportFormat::Json),
            (false, Some(out)) => Ok(ReportFormat::Xlsx(PathBuf::from(out))),
            (false, None) => Ok(ReportFormat::Text),
        }
    }
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
  yitihua check 文件.yth [--batch N] [--json] 校内审核：列出申报的全部问题（有错误时退出码为1）
  yitihua report resources 文件.yth [--specialty 专业] [--json | --xlsx 输出.xlsx]
                                            教学资源包：各类资源数量、计入数量和完整性矩阵
  yitihua report workload 文件.yth [--term 学期] [--json | --xlsx 输出.xlsx]
                                            课时汇总：每位教师的一体化、其他和折算课时
  yitihua export 文件.yth --batch N --out 申报材料.pdf [--date 2026-11-29]
                 [--sign --passphrase-file 口令文件]
                                            导出该批次的申报材料 PDF（有错误时不导出，列出错误，退出码为1）；
                                            --sign 用学校密钥数字签名
  yitihua sign-setup 文件.yth --passphrase-file 口令文件 [--replace]
                                            创建学校的签署密钥和证书（口令文件第一行为口令，至少8个字符）
  yitihua verify 申报材料.pdf [--trust 证书.pem|.cer]
                                            验证签名：签署人、时间、证书指纹、签署后是否改动
                                            （退出码：0 有效且未改动，1 无效或已改动，2 不是已签署的 PDF）
  yitihua import-table 文件.yth 表格.xlsx|.csv --as teachers|hours [--dry-run] [--skip-bad-rows]
                                            导入教师名册或课时（按表头列名匹配；先试运行列出
                                            每行问题；有问题时不写入，除非 --skip-bad-rows）
  yitihua check-files 文件.yth              检查文件：列出资源引用的文件中已缺失或已改动的（有则退出码为1）
  yitihua import-catalogue 文件.yth 目录.csv|.json
                                            导入专业目录（同名专业更新，新专业追加）
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
        "report" => {
            match args.next_string()?.as_deref() {
                Some("resources") => {}
                Some("workload") => {
                    let file = args.file("学校文件")?;
                    let mut options = args.options(&["--term", "--xlsx"], &["--json"])?;
                    return Ok(Invocation::Command(Command::ReportWorkload {
                        file,
                        format: ReportFormat::from_options(&mut options)?,
                        term: options.take("--term").ok(),
                    }));
                }
                Some(other) => return Err(UsageError(format!("未知的报表“{other}”"))),
                None => return Err(UsageError("缺少报表名称（resources 或 workload）".into())),
            }
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--specialty", "--xlsx"], &["--json"])?;
            Command::ReportResources {
                file,
                format: ReportFormat::from_options(&mut options)?,
                specialty: options.take("--specialty").ok(),
            }
        }
        "check-files" => {
            let file = args.file("学校文件")?;
            args.end()?;
            Command::CheckFiles { file }
        }
        "sign-setup" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--passphrase-file"], &["--replace"])?;
            Command::SignSetup {
                file,
                passphrase_file: PathBuf::from(options.take("--passphrase-file")?),
                replace: options.has("--replace"),
            }
        }
        "verify" => {
            let packet = args.file("PDF 文件")?;
            let mut options = args.options(&["--trust"], &[])?;
            Command::Verify {
                packet,
                trust: options.take("--trust").ok().map(PathBuf::from),
            }
        }
        "export" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(
                &["--batch", "--out", "--date", "--passphrase-file"],
                &["--sign"],
            )?;
            let sign = match (options.has("--sign"), options.take("--passphrase-file")) {
                (true, Ok(path)) => Some(PathBuf::from(path)),
                (true, Err(_)) => {
                    return Err(UsageError("--sign 需要 --passphrase-file 口令文件".into()));
                }
                (false, Ok(_)) => {
                    return Err(UsageError("--passphrase-file 只与 --sign 一起使用".into()));
                }
                (false, Err(_)) => None,
            };
            let batch = options.take("--batch")?;
            let date =
                match options.take("--date") {
                    Ok(d) => Some(crate::domain::workload::parse_date(&d).ok_or_else(|| {
                        UsageError(format!("--date 应如 2026-11-29，而不是“{d}”"))
                    })?),
                    Err(_) => None,
                };
            Command::Export {
                file,
                batch: batch.parse().map_err(|_| {
                    UsageError(format!("--batch 应为批次序号（如 1），而不是“{batch}”"))
                })?,
                out: PathBuf::from(options.take("--out")?),
                date,
                sign,
            }
        }
        "import-table" => {
            let file = args.file("学校文件")?;
            let table = args.file("表格文件")?;
            let mut options = args.options(&["--as"], &["--dry-run", "--skip-bad-rows"])?;
            let kind = match options.take("--as")?.as_str() {
                "teachers" => TableKind::Teachers,
                "hours" => TableKind::Hours,
                other => {
                    return Err(UsageError(format!(
                        "--as 只能是 teachers 或 hours，而不是“{other}”"
                    )));
                }
            };
            Command::ImportTable {
                file,
                table,
                kind,
                dry_run: options.has("--dry-run"),
                skip_bad_rows: options.has("--skip-bad-rows"),
            }
        }
        "import-catalogue" => {
            let file = args.file("学校文件")?;
            let data = args.file("专业目录文件")?;
            args.end()?;
            Command::ImportCatalogue { file, data }
        }
        "check" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--batch"], &["--json"])?;
            let json = options.has("--json");
            let batch = match options.take("--batch") {
                Ok(n) => Some(n.parse().map_err(|_| {
                    UsageError(format!("--batch 应为批次序号（如 1），而不是“{n}”"))
                })?),
                Err(_) => None,
            };
            Command::Check { file, batch, json }
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
        // A file manager passes the path of a file to open. A word that names no file and
        // is not a school file's name is a mistyped command, not a file to look for.
        _ if !std::path::Path::new(&first).exists()
            && !first.ends_with(&format!(".{}", crate::store::EXTENSION))
            && !first.contains(['/', '\\']) =>
        {
            return Err(UsageError(format!("未知的命令“{first}”")));
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

/// Runs one headless command; the exit code says whether it worked (for `check`, whether the
/// declarations are free of errors).
pub fn run(command: Command) -> ExitCode {
    attach_console();
    match execute(command, &mut Piped::new(std::io::stdout().lock())) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Blocked) => ExitCode::FAILURE,
        Ok(Outcome::NotSigned(why)) => {
            eprintln!("错误：{why}");
            ExitCode::from(2)
        }
        Err(message) => {
            eprintln!("错误：{message}");
            ExitCode::FAILURE
        }
    }
}

/// Standard output that may be a pipe whose reader stopped early (`yitihua dump F | head`).
/// Command-line programs then go quietly on: the rest of the output is dropped, the command's
/// work is finished and its exit code kept, and no "Broken pipe" is printed.
struct Piped<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Piped<W> {
    fn new(inner: W) -> Self {
        Piped {
            inner,
            closed: false,
        }
    }

    fn closing(&mut self, result: std::io::Result<usize>, len: usize) -> std::io::Result<usize> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(len)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Piped<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.closing(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush().map(|()| 0);
        self.closing(result, 0).map(|_| ())
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

/// How a command that ran went.
enum Outcome {
    Done,
    /// `check` found errors (the declaration cannot be signed as it is), an import found rows
    /// it could not take, or `verify` found a changed packet.
    Blocked,
    /// `verify` was given something that is not a signed PDF: exit 2, as the issue asks.
    NotSigned(String),
}

fn execute(command: Command, out: &mut dyn Write) -> Result<Outcome, String> {
    let written = |r: std::io::Result<()>| {
        r.map(|()| Outcome::Done)
            .map_err(|e| format!("无法输出：{}", crate::store::io_message(&e)))
    };
    let open = |file: &PathBuf| SchoolFile::open(file).map_err(|e| e.to_string());
    match command {
        Command::Check { file, batch, json } => {
            check(&open(&file)?, batch, json, out).map_err(|e| e.to_string())
        }
        Command::ReportResources {
            file,
            specialty,
            format,
        } => report_resources(&open(&file)?, specialty.as_deref(), &format, out)
            .map(|()| Outcome::Done)
            .map_err(|e| e.to_string()),
        Command::Export {
            file,
            batch,
            out: path,
            date,
            sign,
        } => {
            let passphrase = sign.as_deref().map(read_passphrase).transpose()?;
            export::export(
                &open(&file)?,
                batch,
                &path,
                date.unwrap_or_else(|| crate::domain::time::beijing_date(chrono::Utc::now())),
                passphrase,
                out,
            )
            .map_err(|e| e.to_string())
        }
        Command::SignSetup {
            file,
            passphrase_file,
            replace,
        } => {
            let passphrase = read_passphrase(&passphrase_file)?;
            sign::setup(&mut open(&file)?, &passphrase, replace, out).map_err(|e| e.to_string())
        }
        Command::Verify { packet, trust } => {
            let trusted = trust.as_deref().map(read_certificate).transpose()?;
            match sign::verify(&packet, trusted.as_slice(), trust.is_some(), out) {
                Ok(Ok(outcome)) => Ok(outcome),
                Ok(Err(not_signed)) => Ok(Outcome::NotSigned(not_signed.to_string())),
                Err(e) => Err(e.to_string()),
            }
        }
        Command::ImportTable {
            file,
            table,
            kind,
            dry_run,
            skip_bad_rows,
        } => workload::import_table(&mut open(&file)?, &table, kind, dry_run, skip_bad_rows, out)
            .map_err(|e| e.to_string()),
        Command::ReportWorkload { file, term, format } => {
            workload::report_workload(&open(&file)?, term.as_deref(), &format, out)
                .map(|()| Outcome::Done)
                .map_err(|e| e.to_string())
        }
        Command::CheckFiles { file } => check_files(&open(&file)?, out).map_err(|e| e.to_string()),
        Command::ImportCatalogue { file, data } => {
            let mut school = open(&file)?;
            let imported = crate::exchange::catalogue::read(&data).map_err(|e| e.to_string())?;
            let (added, replaced) = school
                .import_catalogue(imported)
                .map_err(|e| e.to_string())?;
            written(writeln!(
                out,
                "已导入专业目录：新增{added}个，更新{replaced}个"
            ))
        }
        Command::Version => written(writeln!(out, "yitihua {}", env!("CARGO_PKG_VERSION"))),
        Command::Help => written(out.write_all(USAGE.as_bytes())),
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
            written(writeln!(out, "已新建学校文件：{}", file.display()))
        }
        Command::Info { file, json } => info(&open(&file)?, json, out)
            .map(|()| Outcome::Done)
            .map_err(|e| e.to_string()),
        Command::Dump { file } => {
            let document = Document::from_file(&open(&file)?).map_err(|e| e.to_string())?;
            written(out.write_all(document.to_json().as_bytes()))
        }
        Command::Load { data, file } => {
            let json = std::fs::read_to_string(&data)
                .map_err(|e| crate::store::read_failure(&data, &e))?;
            let document = Document::parse(&json).map_err(|e| e.to_string())?;
            document
                .create_file(&file, &format!("从 JSON 数据导入（{}）", data.display()))
                .map_err(|e| e.to_string())?;
            written(writeln!(
                out,
                "已由 {} 新建学校文件：{}",
                data.display(),
                file.display()
            ))
        }
        Command::Demo { file, size } => {
            demo::document(size)
                .create_file(&file, "生成演示学校")
                .map_err(|e| e.to_string())?;
            written(writeln!(out, "已生成演示学校：{}", file.display()))
        }
    }
}

/// Writes a report file whole or not at all; refuses to replace one, as every command here
/// refuses to overwrite.
fn write_new(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    use crate::store::atomic;
    atomic::save(path, atomic::Existing::Refuse, bytes)
}

/// Prints every finding of the chosen batch, or of every batch that has a declaration.
fn check(
    school: &SchoolFile,
    batch: Option<u32>,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    use crate::domain::{Severity, check::may_sign};
    // Read once: the large school's 2,700 resources need not be loaded again for every batch.
    let inputs = school.check_inputs()?;
    let numbers: Vec<u32> = match batch {
        Some(n) if !inputs.batches.iter().any(|b| b.number == n) => {
            let known: Vec<String> = inputs
                .batches
                .iter()
                .map(|b| b.number.to_string())
                .collect();
            return Err(format!("没有第{n}批：学校文件中的批次序号为 {}", known.join("、")).into());
        }
        Some(n) => vec![n],
        None => inputs.declarations.iter().map(|d| d.batch).collect(),
    };
    let mut blocked = false;
    let mut report = Vec::new();
    for number in numbers {
        let findings = crate::domain::check::check(&inputs.context(), number);
        blocked |= findings.iter().any(|f| f.severity == Severity::Error);
        let declaration = inputs.declarations.iter().find(|d| d.batch == number);
        let name = inputs
            .batches
            .iter()
            .find(|b| b.number == number)
            .map_or_else(|| format!("第{number}批"), |b| b.label());
        report.push((number, name, findings, declaration));
    }
    if json {
        let value: Vec<_> = report
            .iter()
            .map(|(number, name, findings, declaration)| {
                let explained = |id: &str| declaration.and_then(|d| d.explanations.get(id));
                serde_json::json!({
                    "batch": number,
                    "name": name,
                    "may_sign": declaration.is_some_and(|d| may_sign(findings, d)),
                    "findings": findings.iter().map(|f| serde_json::json!({
                        "id": f.id,
                        "severity": f.severity,
                        "location": f.location,
                        "message": f.message,
                        "clause": f.clause,
                        "explanation": explained(&f.id),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else if report.is_empty() {
        writeln!(out, "还没有任何批次的申报。")?;
    } else {
        for (_, name, findings, declaration) in &report {
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let warnings = findings.len() - errors;
            writeln!(out, "{name}：{errors} 个错误，{warnings} 个提醒")?;
            for f in findings {
                write!(
                    out,
                    "  {}  {}：{}〔政策 {}〕",
                    f.severity.name(),
                    f.location,
                    f.message,
                    f.clause
                )?;
                let explanation = declaration.and_then(|d| d.explanations.get(&f.id));
                match (f.severity, explanation) {
                    (Severity::Warning, Some(e)) => writeln!(out, "  说明：{e}")?,
                    (Severity::Warning, None) => writeln!(out, "  （尚未填写说明）")?,
                    (Severity::Error, _) => writeln!(out)?,
                }
            }
        }
    }
    Ok(if blocked {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}

/// 检查文件: every referenced file that went missing or changed since it was recorded.
fn check_files(
    school: &SchoolFile,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    use crate::domain::resource::FileStatus;
    let mut checked = 0;
    let mut problems = 0;
    for (_, item) in school.resources(None)? {
        for file in &item.files {
            checked += 1;
            let status = crate::exchange::files::verify(file);
            if status != FileStatus::Unchanged {
                problems += 1;
                writeln!(
                    out,
                    "{}  {} · {}：{}",
                    status.name(),
                    item.specialty,
                    item.title,
                    file.path
                )?;
            }
        }
    }
    writeln!(out, "检查了{checked}个文件，{problems}个缺失或已改动。")?;
    Ok(if problems > 0 {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}

/// Per specialty: how many items of each kind the policy names, how many count, and the
/// completeness matrix (courses × kinds: 齐 / 待审 / 缺).
fn report_resources(
    school: &SchoolFile,
    only: Option<&str>,
    format: &ReportFormat,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    use crate::domain::resource::{Cell, matrix, readiness, specialties};
    let kinds = school.resource_kinds()?;
    let items: Vec<_> = school
        .resources(only)?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    let known = specialties(&school.current_declarations()?, &items);
    let specialties = match only {
        Some(name) if !known.iter().any(|k| k == name) => {
            return Err(format!(
                "没有专业“{name}”的申报或资源；有：{}",
                if known.is_empty() {
                    "（无）".to_string()
                } else {
                    known.join("、")
                }
            )
            .into());
        }
        Some(name) => vec![name.to_string()],
        None => known,
    };
    if let ReportFormat::Xlsx(path) = format {
        let bytes = crate::exchange::workbook::resources_report(
            &school.profile()?,
            &items,
            &kinds,
            &specialties,
        )?;
        write_new(path, &bytes)?;
        writeln!(out, "已导出教学资源包清单：{}", path.display())?;
        return Ok(());
    }
    if *format == ReportFormat::Json {
        let value: Vec<_> = specialties
            .iter()
            .map(|s| {
                serde_json::json!({
                    "specialty": s,
                    "readiness": readiness(&kinds, &items, s),
                    "matrix": matrix(&kinds, &items, s).into_iter().map(|(course, cells)| {
                        serde_json::json!({
                            "course": course,
                            "cells": kinds.iter().zip(cells).map(|(k, c)| (k.name.clone(), serde_json::Value::from(c.name()))).collect::<serde_json::Map<_, _>>(),
                        })
                    }).collect::<Vec<_>>(),
                    "items": items.iter().filter(|i| &i.specialty == s).map(|i| serde_json::json!({
                        "kind": i.kind,
                        "course": i.course,
                        "title": i.title,
                        "origin": i.textbook.as_ref().map(|t| t.origin.name()),
                        "in_national_catalogue": i.textbook.as_ref().map(|t| t.in_national_catalogue),
                        "review": i.reviews.last().map(|r| r.conclusion.name()),
                        "counts": i.counts(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    for s in &specialties {
        let ready: Vec<String> = readiness(&kinds, &items, s)
            .iter()
            .map(|r| format!("{} {}（计入{}）", r.kind, r.items, r.counted))
            .collect();
        writeln!(out, "{s}：{}", ready.join("，"))?;
        let rows = matrix(&kinds, &items, s);
        if rows.is_empty() {
            writeln!(out, "  尚未登记任何资源")?;
            continue;
        }
        let names: Vec<&str> = kinds.iter().map(|k| k.name.as_str()).collect();
        writeln!(out, "  课程 | {}", names.join(" | "))?;
        for (course, cells) in rows {
            let cells: Vec<&str> = cells.into_iter().map(Cell::name).collect();
            writeln!(
                out,
                "  {} | {}",
                course.as_deref().unwrap_or("（不分课程）"),
                cells.join(" | ")
            )?;
        }
    }
    Ok(())
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
            crate::domain::time::show_stored(&event.at),
            event.event,
            event.app_version
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that has gone away, as `head` does after its lines.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly() {
        let mut out = Piped::new(ClosedPipe);
        assert!(writeln!(out, "第一行").is_ok());
        assert!(writeln!(out, "第二行").is_ok());
        assert!(out.flush().is_ok());
    }

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
