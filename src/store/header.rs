//! Reads the 100-byte SQLite header with plain file I/O, so a file we are going to refuse is
//! judged before SQLite opens it (SQLite may write to a file merely by opening it: journal
//! recovery, WAL mode). Layout: <https://sqlite.org/fileformat.html#the_database_header>.

use std::io::Read;
use std::path::Path;

use super::StoreError;
use super::kind::{self, Kind};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses what can be refused from the header alone, for a file of `kind`. The version here
/// can be older than the file's (a commit still in the WAL); opening reads the real one once
/// SQLite has the file, this only refuses a file that is already too new.
pub(super) fn inspect(path: &Path, kind: &Kind) -> Result<(), StoreError> {
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound(path.to_path_buf()),
        _ => StoreError::Io(e),
    })?;
    let len = file.metadata()?.len();
    if len == 0 {
        return Err(StoreError::Empty);
    }
    let mut head = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut head)?;
    if !head.starts_with(&MAGIC[..head.len().min(16)]) {
        return Err(StoreError::NotSqlite);
    }
    if head.len() < 100 {
        return Err(StoreError::Truncated);
    }
    let u16_at = |i: usize| u16::from_be_bytes([head[i], head[i + 1]]);
    let u32_at = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let mark = u32_at(68) as i32;
    if mark != kind.application_id {
        return Err(match kind::by_mark(mark) {
            Some(other) => StoreError::OtherKind {
                found: other.name,
                found_extension: other.extension,
                opened_by: other.opened_by,
                expected: kind.name,
            },
            None => StoreError::ForeignDatabase,
        });
    }
    let user_version = u32_at(60) as i32;
    if user_version > kind.schema_version {
        return Err(StoreError::NewerVersion {
            found: user_version,
            supported: kind.schema_version,
        });
    }
    let page_size = match u16_at(16) {
        1 => 65_536,
        n => u64::from(n),
    };
    // The page count is only trustworthy when written by a SQLite that also bumped the
    // "version-valid-for" number to match the change counter (SQLite ≥ 3.7.0 always does).
    let page_count_valid = u32_at(92) == u32_at(24);
    // A `-wal` beside the file holds commits not yet copied into it, and a checkpoint killed
    // part-way leaves the header ahead of the file's length: SQLite recovers both from the WAL,
    // and `quick_check` then refuses what is really damaged.
    if page_count_valid && len < page_size * u64::from(u32_at(28)) && !has_wal(path) {
        return Err(StoreError::Truncated);
    }
    Ok(())
}

fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(std::path::PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}
