use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};

use super::atomic::{Existing, Pending};
use super::kind::{self, Kind};
use super::{StoreError, backup, header, history};
use crate::domain::SchoolProfile;

/// An open school file, held exclusively: while it lives no other window or process can read or
/// write the same file (SQLite `locking_mode=EXCLUSIVE` in WAL mode).
pub struct SchoolFile {
    pub(super) conn: Connection,
    path: PathBuf,
    migrated_from: Option<i32>,
}

impl std::fmt::Debug for SchoolFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchoolFile")
            .field("path", &self.path)
            .finish()
    }
}

impl SchoolFile {
    /// Creates a new school file holding `profile`. Refuses an existing path, so no school's
    /// data is ever overwritten by "new".
    pub fn create(path: &Path, profile: &SchoolProfile) -> Result<SchoolFile, StoreError> {
        Self::create_with(path, profile, |_| Ok::<(), StoreError>(()))
    }

    /// Creates a new school file holding `profile` and whatever `fill` adds (a loaded JSON
    /// document, a demo school). The file is built under a temporary name beside `path` and
    /// appears at `path` only when complete: killed part-way, it leaves no half-filled school
    /// that would open as valid and block the next attempt.
    pub fn create_with<E: From<StoreError>>(
        path: &Path,
        profile: &SchoolProfile,
        fill: impl FnOnce(&mut SchoolFile) -> Result<(), E>,
    ) -> Result<SchoolFile, E> {
        let conn = create(
            path,
            &kind::SCHOOL,
            |tx| super::school::write(tx, profile),
            |conn, at| {
                let mut file = SchoolFile {
                    conn,
                    path: at.to_path_buf(),
                    migrated_from: None,
                };
                fill(&mut file)?;
                Ok::<_, E>(file.conn)
            },
        )?;
        Ok(SchoolFile {
            conn,
            path: path.to_path_buf(),
            migrated_from: None,
        })
    }

    /// Opens an existing school file, migrating it to the current schema if it is older.
    ///
    /// Every refusal (not found, not SQLite, another program's database, a newer version,
    /// read-only, no permission, truncated, left incomplete by a crash during creation, already
    /// open elsewhere, corrupt) happens before the first byte is written, so a refused file is
    /// left exactly as it was. A backup is taken before anything is changed. A file with a
    /// `-wal` beside it (a crash before the last checkpoint) is recovered by SQLite.
    pub fn open(path: &Path) -> Result<SchoolFile, StoreError> {
        let (conn, migrated_from) = open(path, &kind::SCHOOL)?;
        Ok(SchoolFile {
            conn,
            path: path.to_path_buf(),
            migrated_from,
        })
    }

    /// Where the file lives, for the title bar and the recent-files list.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the file had before this open migrated it, if it did.
    pub fn migrated_from(&self) -> Option<i32> {
        self.migrated_from
    }

    /// The schema version now in the file.
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// What happened to the file, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryEvent>, StoreError> {
        Ok(history::list(&self.conn)?)
    }

    /// How many records of each kind the file holds, labelled for `yitihua info`. Later areas
    /// add their counts here.
    /// Each entry is (key for JSON, Chinese label, count).
    pub fn counts(&self) -> Result<Vec<(&'static str, &'static str, i64)>, StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(vec![
            ("catalogue", "专业目录条目", count("catalogue")?),
            ("batches", "批次", count("batches")?),
            ("declarations", "申报（含修订版本）", count("declarations")?),
            ("resources", "教学资源", count("resource_items")?),
            ("reviews", "教材审核记录", count("resource_reviews")?),
            ("teachers", "教师", count("teachers")?),
            ("terms", "学期", count("terms")?),
            ("hours", "课时记录", count("hours")?),
            ("file_history", "文件历史记录", count("file_history")?),
        ])
    }

    /// Records that the data came from an interchange file, for the file's history.
    pub fn record_event(&self, event: &str) -> Result<(), StoreError> {
        Ok(history::record(&self.conn, event)?)
    }
}

use super::HistoryEvent;

/// Creates a new file of `kind` at `path`, refusing an existing one. `init` writes its first
/// rows in the transaction that creates the schema; `fill` adds the rest through the open
/// connection, which is given the temporary path it works on. The file is built under that
/// temporary name beside `path` and appears at `path` only when complete: killed part-way, it
/// leaves nothing half-filled that would open as valid and block the next attempt.
pub(super) fn create<E: From<StoreError>>(
    path: &Path,
    kind: &Kind,
    init: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
    fill: impl FnOnce(Connection, &Path) -> Result<Connection, E>,
) -> Result<Connection, E> {
    let pending = Pending::begin(path, Existing::Refuse).map_err(|e| not_created(path, e))?;
    let mut conn = connect(pending.path())?;
    let first = || -> Result<(), StoreError> {
        conn.pragma_update(None, "application_id", kind.application_id)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let tx = conn.transaction()?;
        (kind.migrate)(&tx, 0)?;
        init(&tx)?;
        history::record(&tx, "创建")?;
        tx.commit()?;
        finish_open(&conn)
    };
    first()?;
    let conn = fill(conn, pending.path())?;
    // Everything into the main file, so the rename moves the whole file and no journal is
    // left behind under the temporary name.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(StoreError::from)?;
    drop(conn);
    pending.commit().map_err(|e| not_created(path, e))?;
    let conn = connect(path)?;
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(StoreError::from)?;
    finish_open(&conn)?;
    Ok(conn)
}

/// Opens an existing file of `kind`, migrating it to the current schema if it is older, and
/// says from which version it was migrated.
///
/// Every refusal (not found, not SQLite, another program's database, the other kind of file,
/// a newer version, read-only, no permission, truncated, left incomplete by a crash during
/// creation, already open elsewhere, corrupt) happens before the first byte is written, so a
/// refused file is left exactly as it was. A backup is taken before anything is changed. A
/// file with a `-wal` beside it (a crash before the last checkpoint) is recovered by SQLite.
pub(super) fn open(path: &Path, kind: &Kind) -> Result<(Connection, Option<i32>), StoreError> {
    header::inspect(path, kind)?;
    if std::fs::metadata(path)?.permissions().readonly() {
        return Err(StoreError::ReadOnly);
    }
    // Opening for writing writes nothing, and tells a file owned by another user apart
    // from one SQLite cannot journal (its folder): both reach SQLite as "I/O error".
    if let Err(e) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    {
        return Err(match e.kind() {
            std::io::ErrorKind::PermissionDenied => StoreError::NoPermission,
            _ => StoreError::from(e),
        });
    }
    let mut conn = connect(path)?;
    // Takes and keeps the exclusive lock; busy means another window or process holds it.
    if let Err(e) = conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;") {
        return Err(diagnose(path, e));
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Corrupt("完整性检查未通过".into()));
    }
    // The header's version can be stale: after a crash the last commit (a migration
    // included) may still be in the WAL, which SQLite has just applied. The version that
    // counts is the one SQLite reads now.
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > kind.schema_version {
        return Err(StoreError::NewerVersion {
            found: version,
            supported: kind.schema_version,
        });
    }
    // Our mark but no schema: what a crash during creation by an older version left. It
    // holds nothing; migrating it would only dress it up as a school.
    if version == 0 {
        return Err(StoreError::Incomplete);
    }
    backup::take(&conn, path, kind)?;
    let migrated_from = if version < kind.schema_version {
        let tx = conn.transaction()?;
        (kind.migrate)(&tx, version)?;
        let to = kind.schema_version;
        history::record(&tx, &format!("从第{version}版迁移到第{to}版"))?;
        tx.commit()?;
        Some(version)
    } else {
        None
    };
    conn.pragma_update(None, "journal_mode", "WAL")?;
    finish_open(&conn)?;
    Ok((conn, migrated_from))
}

/// Opens without creating, never waits for a lock, and takes SQLite's exclusive locking mode
/// before the first read so the lock is held for the connection's life.
pub(super) fn connect(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::ZERO)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    Ok(conn)
}

fn not_created(path: &Path, e: std::io::Error) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.to_path_buf()),
        _ => StoreError::from(e),
    }
}

/// SQLite says only "unable to open" or "I/O error" when it cannot create its journal beside
/// the file; the folder is then what the user must change.
fn diagnose(path: &Path, e: rusqlite::Error) -> StoreError {
    let error = StoreError::from(e);
    if !matches!(error, StoreError::Sqlite(_) | StoreError::ReadOnly) {
        return error;
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match Pending::begin(&dir.join(".yitihua-写入检查"), Existing::Replace) {
        Ok(probe) => {
            drop(probe);
            error
        }
        Err(_) => StoreError::FolderNotWritable(dir.to_path_buf()),
    }
}

fn finish_open(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}
