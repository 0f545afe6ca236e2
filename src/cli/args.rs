//! The arguments: what `yitihua …` asks for, read into an [`Invocation`], or the
//! [`UsageError`] that says what is wrong with them.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::domain::rollup::{OfficeLevel, Opinion};
use crate::domain::{Region, SchoolKind};
use crate::exchange::demo;
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
    /// One teacher's 工作量证明 as a PDF.
    ReportTeacher {
        file: PathBuf,
        /// 工号.
        teacher: String,
        out: PathBuf,
        /// The date printed beside the signature; today if not given.
        date: Option<chrono::NaiveDate>,
        /// Sign with the school's key, unlocked by the passphrase in this file.
        sign: Option<PathBuf>,
    },
    /// The 课时津贴表 of a term (or all terms) as a PDF.
    ReportAllowance {
        file: PathBuf,
        term: Option<String>,
        out: PathBuf,
        /// The date printed beside the signature; today if not given.
        date: Option<chrono::NaiveDate>,
        /// Sign with the school's key, unlocked by the passphrase in this file.
        sign: Option<PathBuf>,
    },
    Load {
        data: PathBuf,
        file: PathBuf,
    },
    /// The school's certificate as PEM, for its receiving office to trust beforehand.
    ExportCertificate {
        file: PathBuf,
        out: PathBuf,
    },
    Rollup(Rollup),
    Demo {
        file: PathBuf,
        size: demo::Size,
    },
    Version,
    Help,
}

/// `yitihua rollup …`: the receiving office's 汇总文件.
#[derive(Debug, PartialEq, Eq)]
pub enum Rollup {
    New {
        file: PathBuf,
        office: String,
        level: OfficeLevel,
        region: Option<Region>,
    },
    /// Packets, and folders of packets.
    Add {
        file: PathBuf,
        packets: Vec<PathBuf>,
    },
    Report {
        file: PathBuf,
        output: RollupOutput,
    },
    /// A certificate file, or the certificate of a received packet, accepted as its school's.
    Trust {
        file: PathBuf,
        from: TrustFrom,
    },
    Opinion {
        file: PathBuf,
        /// 统一社会信用代码.
        school: String,
        batch: u32,
        /// `None` takes the opinion back.
        opinion: Option<Opinion>,
        text: String,
    },
    /// The office's signing key, for the 转报材料.
    SignSetup {
        file: PathBuf,
        passphrase_file: PathBuf,
        replace: bool,
    },
    /// The office's certificate, for the 自治区 to trust beforehand or after a key change.
    ExportCertificate {
        file: PathBuf,
        out: PathBuf,
    },
    /// A 盟市's signed 转报材料 for the 自治区.
    Forward {
        file: PathBuf,
        out: PathBuf,
        passphrase_file: PathBuf,
        date: Option<chrono::NaiveDate>,
    },
}

/// How `rollup report` gives the 汇总表.
#[derive(Debug, PartialEq, Eq)]
pub enum RollupOutput {
    Text,
    Json,
    Xlsx(PathBuf),
    /// The print-ready 推荐汇总表, dated (today if not given).
    Pdf(PathBuf, Option<chrono::NaiveDate>),
}

#[derive(Debug, PartialEq, Eq)]
pub enum TrustFrom {
    Certificate(PathBuf),
    Packet(i64),
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

/// `--sign --passphrase-file F`: the passphrase file, when signing was asked for.
fn sign_option(options: &mut Options) -> Result<Option<PathBuf>, UsageError> {
    match (options.has("--sign"), options.take("--passphrase-file")) {
        (true, Ok(path)) => Ok(Some(PathBuf::from(path))),
        (true, Err(_)) => Err(UsageError("--sign 需要 --passphrase-file 口令文件".into())),
        (false, Ok(_)) => Err(UsageError("--passphrase-file 只与 --sign 一起使用".into())),
        (false, Err(_)) => Ok(None),
    }
}

/// `--date 2026-11-29`, when given.
fn date_option(options: &mut Options) -> Result<Option<chrono::NaiveDate>, UsageError> {
    match options.take("--date") {
        Ok(d) => Ok(Some(crate::domain::workload::parse_date(&d).ok_or_else(
            || UsageError(format!("--date 应如 2026-11-29，而不是“{d}”")),
        )?)),
        Err(_) => Ok(None),
    }
}

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
                Some("teacher") => {
                    let file = args.file("学校文件")?;
                    let mut options = args.options(
                        &["--teacher", "--out", "--date", "--passphrase-file"],
                        &["--sign"],
                    )?;
                    return Ok(Invocation::Command(Command::ReportTeacher {
                        file,
                        sign: sign_option(&mut options)?,
                        date: date_option(&mut options)?,
                        teacher: options.take("--teacher")?,
                        out: PathBuf::from(options.take("--out")?),
                    }));
                }
                Some("allowance") => {
                    let file = args.file("学校文件")?;
                    let mut options = args.options(
                        &["--term", "--out", "--date", "--passphrase-file"],
                        &["--sign"],
                    )?;
                    return Ok(Invocation::Command(Command::ReportAllowance {
                        file,
                        sign: sign_option(&mut options)?,
                        date: date_option(&mut options)?,
                        term: options.take("--term").ok(),
                        out: PathBuf::from(options.take("--out")?),
                    }));
                }
                Some(other) => return Err(UsageError(format!("未知的报表“{other}”"))),
                None => {
                    return Err(UsageError(
                        "缺少报表名称（resources、workload、teacher 或 allowance）".into(),
                    ));
                }
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
            let sign = sign_option(&mut options)?;
            let batch = options.take("--batch")?;
            let date = date_option(&mut options)?;
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
        "export-certificate" => {
            let file = args.file("学校文件")?;
            let mut options = args.options(&["--out"], &[])?;
            Command::ExportCertificate {
                file,
                out: PathBuf::from(options.take("--out")?),
            }
        }
        "rollup" => Command::Rollup(rollup(&mut args)?),
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

/// `rollup new|add|report|trust|opinion|sign-setup|export-certificate|forward …`.
fn rollup(args: &mut Args) -> Result<Rollup, UsageError> {
    let Some(what) = args.next_string()? else {
        return Err(UsageError(
            "缺少汇总命令（new、add、report、trust、opinion、sign-setup、export-certificate 或 forward）".into(),
        ));
    };
    let file = args.file("汇总文件")?;
    Ok(match what.as_str() {
        "new" => {
            let mut options = args.options(&["--office", "--level", "--region"], &[])?;
            let level = options.take("--level")?;
            Rollup::New {
                file,
                office: options.take("--office")?,
                level: OfficeLevel::from_name(&level).ok_or_else(|| {
                    UsageError(format!("--level 只能是 盟市 或 自治区，而不是“{level}”"))
                })?,
                region: options
                    .take("--region")
                    .ok()
                    .map(|r| {
                        Region::from_name(&r)
                            .ok_or_else(|| UsageError(format!("未知的所属盟市“{r}”")))
                    })
                    .transpose()?,
            }
        }
        "add" => {
            let packets: Vec<PathBuf> = args.0.by_ref().map(PathBuf::from).collect();
            if packets.is_empty() {
                return Err(UsageError(
                    "缺少申报材料：请给出 PDF 文件或存放它们的文件夹".into(),
                ));
            }
            Rollup::Add { file, packets }
        }
        "report" => {
            let mut options = args.options(&["--xlsx", "--pdf", "--date"], &["--json"])?;
            let date = date_option(&mut options)?;
            let output = match (
                options.has("--json"),
                options.take("--xlsx").ok(),
                options.take("--pdf").ok(),
            ) {
                (false, None, None) => RollupOutput::Text,
                (true, None, None) => RollupOutput::Json,
                (false, Some(out), None) => RollupOutput::Xlsx(PathBuf::from(out)),
                (false, None, Some(out)) => RollupOutput::Pdf(PathBuf::from(out), date),
                _ => return Err(UsageError("--json、--xlsx 和 --pdf 只能选一个".into())),
            };
            if date.is_some() && !matches!(output, RollupOutput::Pdf(..)) {
                return Err(UsageError("--date 只与 --pdf 一起使用".into()));
            }
            Rollup::Report { file, output }
        }
        "trust" => {
            let from = match args.next_string()? {
                Some(flag) if flag == "--packet" => {
                    let n = args
                        .next_string()?
                        .ok_or_else(|| UsageError("选项“--packet”缺少取值".into()))?;
                    TrustFrom::Packet(n.parse().map_err(|_| {
                        UsageError(format!("--packet 应为材料序号（如 3），而不是“{n}”"))
                    })?)
                }
                Some(path) => TrustFrom::Certificate(PathBuf::from(path)),
                None => {
                    return Err(UsageError(
                        "缺少证书文件（.pem 或 .cer），或 --packet 材料序号".into(),
                    ));
                }
            };
            args.end()?;
            Rollup::Trust { file, from }
        }
        "opinion" => {
            let mut options = args.options(
                &["--school", "--batch", "--opinion", "--text"],
                &["--clear"],
            )?;
            let batch = options.take("--batch")?;
            let opinion = match (options.has("--clear"), options.take("--opinion")) {
                (true, Ok(_)) => {
                    return Err(UsageError("--opinion 和 --clear 只能选一个".into()));
                }
                (true, Err(_)) => None,
                (false, Ok(o)) => Some(Opinion::from_name(&o).ok_or_else(|| {
                    UsageError(format!(
                        "--opinion 只能是 推荐、不推荐 或 待定，而不是“{o}”"
                    ))
                })?),
                (false, Err(e)) => return Err(e),
            };
            Rollup::Opinion {
                file,
                school: options.take("--school")?,
                batch: batch.parse().map_err(|_| {
                    UsageError(format!("--batch 应为批次序号（如 1），而不是“{batch}”"))
                })?,
                opinion,
                text: options.take_or("--text", ""),
            }
        }
        "sign-setup" => {
            let mut options = args.options(&["--passphrase-file"], &["--replace"])?;
            Rollup::SignSetup {
                file,
                passphrase_file: PathBuf::from(options.take("--passphrase-file")?),
                replace: options.has("--replace"),
            }
        }
        "export-certificate" => {
            let mut options = args.options(&["--out"], &[])?;
            Rollup::ExportCertificate {
                file,
                out: PathBuf::from(options.take("--out")?),
            }
        }
        "forward" => {
            let mut options = args.options(&["--out", "--passphrase-file", "--date"], &[])?;
            Rollup::Forward {
                file,
                date: date_option(&mut options)?,
                out: PathBuf::from(options.take("--out")?),
                passphrase_file: PathBuf::from(options.take("--passphrase-file")?),
            }
        }
        other => return Err(UsageError(format!("未知的汇总命令“{other}”"))),
    })
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
