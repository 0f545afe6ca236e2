use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, SCHEMA_VERSION, StoreError, backup, header, history, migrate};
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
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.to_path_buf()),
                _ => StoreError::Io(e),
            })?;
        let made = Self::initialise(path, profile);
        if made.is_err() {
            // Only our own empty file is removed; the path did not exist before.
            let _ = std::fs::remove_file(path);
        }
        made
    }

    fn initialise(path: &Path, profile: &SchoolProfile) -> Result<SchoolFile, StoreError> {
        let mut conn = connect(path)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let tx = conn.transaction()?;
        migrate::migrate(&tx, 0)?;
        super::school::write(&tx, profile)?;
        history::record(&tx, "创建")?;
        tx.commit()?;
        finish_open(&conn)?;
        Ok(SchoolFile {
            conn,
            path: path.to_path_buf(),
            migrated_from: None,
        })
    }

    /// Opens an existing school file, migrating it to the current schema if it is older.
    ///
    /// Every refusal (not found, not SQLite, another program's database, a newer version,
    /// read-only, truncated, already open elsewhere, corrupt) happens before the first byte is
    /// written, so a refused file is left exactly as it was. A backup is taken before anything
    /// is changed.
    pub fn open(path: &Path) -> Result<SchoolFile, StoreError> {
        header::inspect(path)?;
        if std::fs::metadata(path)?.permissions().readonly() {
            return Err(StoreError::ReadOnly);
        }
        let mut conn = connect(path)?;
        // Takes and keeps the exclusive lock; busy means another window or process holds it.
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(check));
        }
        // The header's version can be stale: after a crash the last commit (a migration
        // included) may still be in the WAL, which SQLite has just applied. The version that
        // counts is the one SQLite reads now.
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerVersion {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        backup::take(&conn, path)?;
        let migrated_from = if version < SCHEMA_VERSION {
            let tx = conn.transaction()?;
            migrate::migrate(&tx, version)?;
            history::record(&tx, &format!("从第{version}版迁移到第{SCHEMA_VERSION}版"))?;
            tx.commit()?;
            Some(version)
        } else {
            None
        };
        conn.pragma_update(None, "journal_mode", "WAL")?;
        finish_open(&conn)?;
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

/// Opens without creating, never waits for a lock, and takes SQLite's exclusive locking mode
/// before the first read so the lock is held for the connection's life.
fn connect(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::ZERO)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    Ok(conn)
}

fn finish_open(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}
