use std::path::PathBuf;

/// Every way opening or using a school file can fail, worded for the office user. Each refusal
/// is detected before the file is modified (see `header.rs` and `SchoolFile::open`).
#[derive(Debug)]
pub enum StoreError {
    NotFound(PathBuf),
    AlreadyExists(PathBuf),
    Empty,
    NotSqlite,
    ForeignDatabase,
    /// Our file, but the other kind: a 汇总文件 given where a school file is wanted, or the
    /// reverse.
    OtherKind {
        found: &'static str,
        found_extension: &'static str,
        /// Where the kind found is opened.
        opened_by: &'static str,
        expected: &'static str,
    },
    NewerVersion {
        found: i32,
        supported: i32,
    },
    ReadOnly,
    /// The file belongs to another user (or its access list leaves us out).
    NoPermission,
    /// SQLite keeps its journal beside the file, so a read-only folder makes a writable file
    /// unusable.
    FolderNotWritable(PathBuf),
    /// Our mark but no schema: a crash during creation by an older version.
    Incomplete,
    InUse,
    Truncated,
    Corrupt(String),
    /// Data the file holds that cannot be read back (a damaged or hand-edited file).
    InvalidData(String),
    /// What the user asked to save breaks a rule; the message says which, for the user.
    Refused(String),
    Backup(String),
    /// The disk (or the user's quota) is full; nothing of the failed change was kept.
    DiskFull,
    Io(std::io::Error),
    Sqlite(rusqlite::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound(p) => write!(f, "找不到文件：{}", p.display()),
            Self::AlreadyExists(p) => {
                write!(f, "文件已存在，不会覆盖：{}", p.display())
            }
            Self::Empty => write!(f, "这是一个空文件，不是学校文件。"),
            Self::NotSqlite => write!(f, "这不是学校文件（.yth）：文件内容不是本程序的数据格式。"),
            Self::ForeignDatabase => write!(
                f,
                "这是其他程序的数据库文件，不是工学一体化申报助手的学校文件。"
            ),
            Self::OtherKind {
                found,
                found_extension,
                opened_by,
                expected,
            } => write!(
                f,
                "这是{found}（.{found_extension}），不是{expected}，未作任何改动。请改选{expected}；{found}请{opened_by}。"
            ),
            Self::NewerVersion { found, supported } => write!(
                f,
                "该文件由更新版本的申报助手创建（数据格式第{found}版，本程序最高支持第{supported}版），请先升级程序再打开。"
            ),
            Self::ReadOnly => write!(
                f,
                "文件是只读的，无法保存修改。请取消文件的只读属性，或复制一份后再打开。"
            ),
            Self::NoPermission => write!(
                f,
                "没有写入该文件的权限（文件可能属于其他用户）。请把它复制到自己的文件夹（如“文档”）后再打开，或请管理员授予权限。"
            ),
            Self::FolderNotWritable(dir) => write!(
                f,
                "文件所在的文件夹不允许写入（{}），程序无法在文件旁保存修改日志。请把文件复制到自己有权限的文件夹（如“文档”）后再打开。",
                dir.display()
            ),
            Self::Incomplete => write!(
                f,
                "该文件在创建时被中断，不含学校数据，未作任何改动。请删除它后重新新建，或打开“-备份”文件夹中的备份。"
            ),
            Self::InUse => write!(
                f,
                "该文件已在另一个窗口或程序中打开。请先关闭那里的文件，再重试。"
            ),
            Self::Truncated => write!(
                f,
                "文件不完整（可能复制或下载时被截断），请使用备份或重新复制。"
            ),
            Self::Corrupt(detail) => {
                write!(f, "文件已损坏，无法打开（{detail}）。请使用备份。")
            }
            Self::InvalidData(detail) => {
                write!(
                    f,
                    "文件中的数据无效：{detail}。请使用“-备份”文件夹中的备份。"
                )
            }
            Self::Refused(why) => f.write_str(why),
            Self::Backup(detail) => write!(f, "无法创建备份，为保护数据未打开文件（{detail}）。"),
            Self::Io(e) => write!(f, "读写文件失败：{}", io_message(e)),
            Self::DiskFull => f.write_str(DISK_FULL),
            Self::Sqlite(e) => write!(f, "读写文件失败：{}", sqlite_message(e)),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreError::DiskFull
            }
            _ => StoreError::Io(e),
        }
    }
}

const DISK_FULL: &str =
    "磁盘空间已满，本次修改未保存（文件保持修改前的状态）。请清理磁盘或换一个位置保存后再试。";

/// What an operating-system error means for the office user, in Chinese, with what to do
/// next. The standard library's own text ("No such file or directory (os error 2)") is English
/// and never reaches the user; the kinds an office meets are named, anything else keeps only
/// its error number for support.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "找不到该文件或文件夹，请检查路径是否正确。".into(),
        K::PermissionDenied => {
            "没有访问权限：该文件或文件夹属于其他用户或被设为只读。请换一个自己有权限的位置，或请管理员授予权限。".into()
        }
        K::AlreadyExists => "该位置已有同名文件，不会覆盖。请换一个文件名。".into(),
        K::StorageFull | K::QuotaExceeded => DISK_FULL.into(),
        K::ReadOnlyFilesystem => "该磁盘或文件夹是只读的（如光盘或写保护的U盘），请换一个位置。".into(),
        K::IsADirectory => "这是一个文件夹，不是文件。请选择文件。".into(),
        K::NotADirectory => "路径中有一部分不是文件夹，请检查路径。".into(),
        K::InvalidFilename => "文件名无效或过长，请换一个短一些的文件名。".into(),
        K::FileTooLarge => "文件过大，超出了该磁盘格式允许的大小。".into(),
        K::ResourceBusy | K::ExecutableFileBusy => {
            "文件正被其他程序使用，请关闭那个程序后再试。".into()
        }
        K::UnexpectedEof => "文件内容不完整（可能在复制或下载时被截断）。".into(),
        K::InvalidData => "文件内容无法识别（编码或格式不对）。".into(),
        K::Interrupted | K::TimedOut | K::WouldBlock => "读写被中断，请重试。".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("系统报告的错误（代码 {code}），请检查磁盘和文件后重试。"),
            None => "系统报告了未知的读写错误，请检查磁盘和文件后重试。".into(),
        },
    }
}

/// The sentence for a file that could not be read, wherever the user chose it.
pub fn read_failure(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("无法读取 {}：{}", path.display(), io_message(e))
}

/// SQLite's own text ("database or disk is full", "disk I/O error") is English; this says the
/// same in Chinese, and where SQLite only knows "I/O error" it says what to check.
fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e {
        rusqlite::Error::SqliteFailure(code, _) => match code.code {
            C::DiskFull => DISK_FULL.into(),
            C::SystemIoFailure => {
                "磁盘读写出错（磁盘可能已拔出、已满或没有写入权限）。请检查磁盘和文件权限后重试。"
                    .into()
            }
            C::CannotOpen => "无法打开文件：文件夹不存在，或没有在该文件夹中写入的权限。".into(),
            C::PermissionDenied => "没有访问该文件的权限，请检查文件权限。".into(),
            C::TooBig => "数据过大，无法保存。".into(),
            C::ConstraintViolation => "数据与文件中已有的记录冲突，未保存。".into(),
            other => format!("数据库错误（{other:?}），请重试；若一再出现，请使用备份。"),
        },
        rusqlite::Error::QueryReturnedNoRows => "文件中缺少应有的记录，请使用备份。".into(),
        _ => "数据库返回了无法识别的结果，请重试；若一再出现，请使用备份。".into(),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(code, _) = &e {
            match code.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    return StoreError::InUse;
                }
                rusqlite::ErrorCode::ReadOnly => return StoreError::ReadOnly,
                rusqlite::ErrorCode::NotADatabase => return StoreError::NotSqlite,
                rusqlite::ErrorCode::DatabaseCorrupt => {
                    return StoreError::Corrupt("数据页损坏".into());
                }
                rusqlite::ErrorCode::DiskFull => return StoreError::DiskFull,
                _ => {}
            }
        }
        StoreError::Sqlite(e)
    }
}
