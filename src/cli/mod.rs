//! The command line: headless commands over the same library code the window uses. Messages
//! and errors are Chinese; errors go to stderr with a non-zero exit.
//!
//! `args` reads the arguments into a [`Command`]; this file runs it, each command a thin call
//! into the library (`check`, `resources`, `info`, `export`, `sign`, `workload` hold the
//! longer ones).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::SchoolProfile;
use crate::exchange::{Document, demo};
use crate::store::SchoolFile;
use crate::workflow::signing::{read_certificate, read_passphrase};

mod args;
mod check;
mod export;
mod info;
mod resources;
mod rollup;
mod sign;
mod workload;

pub use args::{
    Command, Invocation, ReportFormat, Rollup, RollupOutput, TrustFrom, UsageError, parse,
};

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
  yitihua report teacher 文件.yth --teacher 工号 --out 证明.pdf [--date 2026-11-29]
                 [--sign --passphrase-file 口令文件]
                                            一位教师的工作量证明 PDF（评优评先、职称评定用）；
                                            --sign 用学校密钥数字签名
  yitihua report allowance 文件.yth [--term 学期] --out 津贴表.pdf [--date 2026-11-29]
                 [--sign --passphrase-file 口令文件]
                                            课时津贴表 PDF：按系部列每位教师的折算、额定、超额课时和
                                            津贴，系部小计、合计，教务处签章；--sign 用学校密钥数字签名
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
  yitihua export-certificate 文件.yth --out 证书.pem
                                            导出学校的签署证书，交给收取材料的盟市或自治区预先信任
  yitihua load 数据.json 文件.yth            由 JSON 数据新建学校文件
  yitihua demo 文件.yth [--size small|large] 生成演示学校
  yitihua --version                          显示版本

汇总（盟市、自治区收取申报材料）：
  yitihua rollup new 汇总.yhz --office 单位名称 --level 盟市|自治区 [--region 盟市]
                                            新建汇总文件（盟市单位须给出所属盟市）
  yitihua rollup add 汇总.yhz 材料.pdf… | 文件夹
                                            收取申报材料：验证签名、读取所附数据并重新审核，每份一行
                                            （有未收取、已改动、证书不符或未签名的，退出码为1）
  yitihua rollup report 汇总.yhz [--json | --xlsx 输出.xlsx | --pdf 输出.pdf [--date 2026-12-07]]
                                            汇总表：每校每批一行，对照 20 个专业、10 所学校、
                                            200 名培训教师的目标，跨校提示；--pdf 为可打印、
                                            签字盖章的推荐汇总表
  yitihua rollup trust 汇总.yhz 证书.pem | --packet N
                                            信任学校的证书（按证书中的统一社会信用代码对应学校），
                                            或盟市的证书（其转报材料须用该证书签署）
  yitihua rollup opinion 汇总.yhz --school 统一社会信用代码 --batch N
                 --opinion 推荐|不推荐|待定 [--text 意见] | --clear
                                            填写（或撤回）对该校该批申报的意见
  yitihua rollup sign-setup 汇总.yhz --passphrase-file 口令.txt [--replace]
                                            创建本单位的签署密钥和证书（盟市签署转报材料用）
  yitihua rollup export-certificate 汇总.yhz --out 证书.pem
                                            导出本单位的证书，交自治区用 rollup trust 信任
  yitihua rollup forward 汇总.yhz --out 转报.pdf --passphrase-file 口令.txt [--date 2026-12-07]
                                            盟市导出签署的转报材料：推荐汇总表，随附各校“有效”的
                                            申报材料原件和意见，由自治区用 rollup add 收取

学校类型：技师学院、高级技工学校、技工学校
所属盟市：呼和浩特市、包头市、乌海市、赤峰市、通辽市、鄂尔多斯市、呼伦贝尔市、巴彦淖尔市、
          乌兰察布市、兴安盟、锡林郭勒盟、阿拉善盟、满洲里市、自治区直属
";

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
            check::check(&open(&file)?, batch, json, out).map_err(|e| e.to_string())
        }
        Command::ReportResources {
            file,
            specialty,
            format,
        } => resources::report_resources(&open(&file)?, specialty.as_deref(), &format, out)
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
        Command::ReportTeacher {
            file,
            teacher,
            out: path,
            date,
            sign,
        } => {
            let passphrase = sign.as_deref().map(read_passphrase).transpose()?;
            workload::report_teacher(
                &open(&file)?,
                &teacher,
                &path,
                date.unwrap_or_else(|| crate::domain::time::beijing_date(chrono::Utc::now())),
                passphrase,
                out,
            )
            .map(|()| Outcome::Done)
        }
        Command::ReportAllowance {
            file,
            term,
            out: path,
            date,
            sign,
        } => {
            let passphrase = sign.as_deref().map(read_passphrase).transpose()?;
            workload::report_allowance(
                &open(&file)?,
                term.as_deref(),
                &path,
                date.unwrap_or_else(|| crate::domain::time::beijing_date(chrono::Utc::now())),
                passphrase,
                out,
            )
            .map(|()| Outcome::Done)
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
        Command::CheckFiles { file } => {
            check::check_files(&open(&file)?, out).map_err(|e| e.to_string())
        }
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
        Command::Info { file, json } => info::info(&open(&file)?, json, out)
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
        Command::ExportCertificate { file, out: path } => {
            let key = open(&file)?
                .signing_key()
                .map_err(|e| e.to_string())?
                .ok_or("学校还没有签署密钥：请先在“导出与签署”中创建签署密钥（命令行：yitihua sign-setup）")?;
            export_certificate(&key.certificate, &path, "证书", out)
        }
        Command::Rollup(command) => rollup::run(command, out),
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
pub(super) fn write_new(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    use crate::store::atomic;
    atomic::save(path, atomic::Existing::Refuse, bytes)
}

/// Writes a certificate as PEM to a new file and says where, with its fingerprint for the
/// receiving office to compare; `what` names it ("证书", "本单位证书").
fn export_certificate(
    certificate: &[u8],
    path: &std::path::Path,
    what: &str,
    out: &mut dyn Write,
) -> Result<Outcome, String> {
    write_new(path, crate::sign::certificate_pem(certificate).as_bytes())?;
    writeln!(
        out,
        "已导出{what}：{}\n证书指纹（SHA-256）：{}",
        path.display(),
        crate::sign::fingerprint(certificate)
    )
    .map(|()| Outcome::Done)
    .map_err(|e| format!("无法输出：{}", crate::store::io_message(&e)))
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
}
