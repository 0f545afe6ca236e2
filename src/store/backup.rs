//! Rotating backups: a consistent copy (`VACUUM INTO`) taken at each open and before each
//! migration, kept beside the school file where the office will find it.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::atomic::{Existing, Pending};
use super::kind::Kind;
use super::{StoreError, header, io_message};

/// Enough to go back a couple of weeks of daily use without filling a disk.
pub const KEEP: usize = 10;

/// `学校.yth` keeps its backups in `学校-备份/`, next to it.
pub fn dir_for(school_file: &Path) -> PathBuf {
    let stem = school_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "学校".into());
    school_file.with_file_name(format!("{stem}-备份"))
}

/// Writes a new backup and removes the oldest beyond [`KEEP`], unless the newest backup is
/// already younger than the file: then it holds exactly what the file holds, and another copy
/// would only push an older, different backup out of the rotation (`yitihua info` in a script
/// would otherwise erase the history). Returns the path of the backup that matches the file.
pub(super) fn take(
    conn: &Connection,
    school_file: &Path,
    kind: &Kind,
) -> Result<PathBuf, StoreError> {
    let dir = dir_for(school_file);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::Backup(io_message(&e)))?;
    let stem = school_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some((taken, newest)) = list(&dir, &stem, kind)?.pop() {
        let modified = std::fs::metadata(school_file)?.modified()?;
        // Strictly younger: on file systems with coarse timestamps an edit in the same tick as
        // the backup must still count as a change.
        if taken > modified {
            return Ok(newest);
        }
    }
    // Beijing time, as every time the program shows, whatever zone the PC is set to.
    let stamp = chrono::Utc::now()
        .with_timezone(&crate::domain::time::beijing_offset())
        .format("%Y%m%d-%H%M%S");
    let ext = kind.extension;
    let mut target = dir.join(format!("{stem}-{stamp}.{ext}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{stem}-{stamp}-{n}.{ext}"));
    }
    // Written under a temporary name and renamed when whole: a backup cut short by a full
    // disk or a kill must never stand in the rotation as the newest copy.
    let failed = |e: String| StoreError::Backup(e);
    let pending = Pending::begin(&target, Existing::Refuse).map_err(|e| failed(io_message(&e)))?;
    conn.execute("VACUUM INTO ?1", [pending.path().to_string_lossy()])
        .map_err(|e| failed(StoreError::from(e).to_string()))?;
    pending.commit().map_err(|e| failed(io_message(&e)))?;
    prune(&dir, &stem, kind)?;
    Ok(target)
}

fn prune(dir: &Path, stem: &str, kind: &Kind) -> Result<(), StoreError> {
    let backups = list(dir, stem, kind)?;
    let excess = backups.len().saturating_sub(KEEP);
    for (_, path) in backups.into_iter().take(excess) {
        std::fs::remove_file(path)?;
    }
    Ok(())
}

/// This file's backups that open, oldest first by modification time. One that does not (left
/// empty or cut short by an older version) is no backup: counting it as the newest would skip
/// the copy that protects the file.
fn list(
    dir: &Path,
    stem: &str,
    kind: &Kind,
) -> Result<Vec<(std::time::SystemTime, PathBuf)>, StoreError> {
    let prefix = format!("{stem}-");
    let suffix = format!(".{}", kind.extension);
    let mut backups: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(&suffix)
        })
        .filter(|e| header::inspect(&e.path(), kind).is_ok())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    backups.sort();
    Ok(backups)
}
