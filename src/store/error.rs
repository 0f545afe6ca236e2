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
    NewerVersion {
        found: i32,
        supported: i32,
    },
    ReadOnly,
    InUse,
    Truncated,
    Corrupt(String),
    /// Data the file holds that cannot be read back (a damaged or hand-edited file).
    InvalidData(String),
    /// What the user asked to save breaks a rule; the message says which, for the user.
    Refused(String),
    Backup(String),
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
            Self::NewerVersion { found, supported } => write!(
                f,
                "该文件由更新版本的申报助手创建（数据格式第{found}版，本程序最高支持第{supported}版），请先升级程序再打开。"
            ),
            Self::ReadOnly => write!(
                f,
                "文件是只读的，无法保存修改。请取消文件的只读属性，或复制一份后再打开。"
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
            Self::InvalidData(detail) => write!(f, "文件中的数据无效：{detail}"),
            Self::Refused(why) => f.write_str(why),
            Self::Backup(detail) => write!(f, "无法创建备份，为保护数据未打开文件（{detail}）。"),
            Self::Io(e) => write!(f, "读写文件失败：{e}"),
            Self::Sqlite(e) => write!(f, "读写学校文件失败：{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
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
                    return StoreError::Corrupt(e.to_string());
                }
                _ => {}
            }
        }
        StoreError::Sqlite(e)
    }
}
