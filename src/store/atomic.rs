//! The one way this program puts a file on disk: school files, backups, packets, workbooks,
//! templates, certificates and the recent-files list alike. The content is written to a
//! temporary file in the target's own folder, synced, and only then renamed into place, so a
//! crash, a full disk or a killed process leaves either the old state or the whole new file at
//! the target, never part of one. On any error the temporary file is removed.
//!
//! It lives in `store` rather than `workflow` because the school file and its backups are
//! written here, below every workflow; the window and the command line call the same code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it untouched and fail with `AlreadyExists` (commands never overwrite a school's
    /// file or a packet the office may have signed).
    Refuse,
    /// Replace it in one step: readers see the old file or the new one (a file dialog that
    /// asked "替换？" first, the recent-files list).
    Replace,
}

/// A file being written: content goes to [`Pending::path`]; [`Pending::commit`] puts it at
/// the target. Dropped without a commit, it removes everything it wrote.
#[derive(Debug)]
pub struct Pending {
    temp: PathBuf,
    target: PathBuf,
    existing: Existing,
    committed: bool,
}

/// Temporary names must differ between threads of one process too (two exports at once).
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// SQLite keeps its journal beside the file it writes; a temporary school file's must go too.
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

impl Pending {
    /// Creates an empty temporary file beside `target`. With [`Existing::Refuse`] an existing
    /// target is reported now, before any work is done for nothing.
    pub fn begin(target: &Path, existing: Existing) -> std::io::Result<Pending> {
        if existing == Existing::Refuse && target.exists() {
            return Err(already_exists());
        }
        let name = target
            .file_name()
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidFilename))?
            .to_string_lossy();
        let dir = folder(target);
        remove_stale(dir, &name);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            // Hidden on Linux and macOS; the ending keeps it out of the backup list and of
            // file dialogs filtered by .yth or .pdf.
            let temp = dir.join(format!(".{name}.{}-{n}.part", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(_) => {
                    return Ok(Pending {
                        temp,
                        target: target.to_path_buf(),
                        existing,
                        committed: false,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Where the content is written until the commit.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Syncs the temporary file to the disk and renames it into place, then syncs the folder
    /// so the rename itself survives a power cut.
    pub fn commit(mut self) -> std::io::Result<()> {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&self.temp)?
            .sync_all()?;
        match self.existing {
            Existing::Replace => std::fs::rename(&self.temp, &self.target)?,
            Existing::Refuse => rename_new(&self.temp, &self.target)?,
        }
        self.committed = true;
        sync_folder(folder(&self.target));
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        // Best effort: the error that brought us here is the one worth reporting.
        let _ = std::fs::remove_file(&self.temp);
        for sidecar in SIDECARS {
            let mut path = self.temp.clone().into_os_string();
            path.push(sidecar);
            let _ = std::fs::remove_file(PathBuf::from(path));
        }
    }
}

/// A write in progress touches its temporary file far more often than this.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// What a killed or powered-off earlier write of the same target left (on Windows such names
/// are not hidden): removed once it is clearly no write still under way.
fn remove_stale(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !file_name.starts_with(&prefix) || !file_name.contains(".part") {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` as the whole new content of `target`.
pub fn write(target: &Path, existing: Existing, bytes: &[u8]) -> std::io::Result<()> {
    let pending = Pending::begin(target, existing)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(pending.path())?;
    file.write_all(bytes)?;
    drop(file);
    pending.commit()
}

/// [`write`], with a failure said in the user's words: what the window's notices and the
/// command line's errors show.
pub fn save(target: &Path, existing: Existing, bytes: &[u8]) -> Result<(), String> {
    write(target, existing, bytes).map_err(|e| failure_message(target, &e))
}

/// The sentence the window and the command line show when writing `target` failed.
pub fn failure_message(target: &Path, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!(
                "文件已存在，不会覆盖：{}。请换一个文件名。",
                target.display()
            )
        }
        _ => format!(
            "无法写入 {}：{}（未留下不完整的文件）",
            target.display(),
            super::io_message(e)
        ),
    }
}

/// A rename that never replaces: a hard link fails on an existing target, atomically, and
/// then the temporary name is dropped. File systems without hard links (FAT32 and exFAT USB
/// sticks, some network shares) get a check followed by a plain rename.
fn rename_new(temp: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(temp, target) {
        Ok(()) => {
            std::fs::remove_file(temp)?;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(already_exists()),
        Err(_) if target.exists() => Err(already_exists()),
        Err(_) => std::fs::rename(temp, target),
    }
}

fn already_exists() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::AlreadyExists)
}

fn folder(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// On Unix a rename is durable only once its folder is synced. Windows has no such call
/// for folders (NTFS journals the rename itself).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // A folder that cannot be synced (some network file systems) still holds the file.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_whole_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("申报材料.pdf");
        write(&target, Existing::Refuse, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7");
        assert_eq!(names(dir.path()), ["申报材料.pdf"]);
    }

    #[test]
    fn refuse_keeps_the_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("汇总表.xlsx");
        std::fs::write(&target, "旧").unwrap();
        let e = write(&target, Existing::Refuse, b"new").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "旧");
        assert_eq!(names(dir.path()), ["汇总表.xlsx"]);
    }

    #[test]
    fn refuse_at_commit_when_the_target_appeared_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        let pending = Pending::begin(&target, Existing::Refuse).unwrap();
        std::fs::write(pending.path(), "新").unwrap();
        std::fs::write(&target, "别人写的").unwrap();
        assert_eq!(
            pending.commit().unwrap_err().kind(),
            std::io::ErrorKind::AlreadyExists
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "别人写的");
        assert_eq!(names(dir.path()), ["a.pdf"]);
    }

    #[test]
    fn replace_swaps_content() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("recent.json");
        std::fs::write(&target, "old").unwrap();
        write(&target, Existing::Replace, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(dir.path()), ["recent.json"]);
    }

    #[test]
    fn dropped_without_commit_removes_the_temporary_file_and_its_journal() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("学校.yth");
        let pending = Pending::begin(&target, Existing::Refuse).unwrap();
        let mut wal = pending.path().as_os_str().to_owned();
        wal.push("-wal");
        std::fs::write(&wal, "journal").unwrap();
        drop(pending);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn what_a_killed_write_left_is_removed_by_the_next_write_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("学校.yth");
        let stale = dir.path().join(".学校.yth.4242-0.part");
        let stale_journal = dir.path().join(".学校.yth.4242-0.part-journal");
        let recent = dir.path().join(".学校.yth.4343-0.part");
        let other = dir.path().join(".别的.yth.4242-0.part");
        for path in [&stale, &stale_journal, &recent, &other] {
            std::fs::write(path, "半").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - 2 * STALE;
        for path in [&stale, &stale_journal, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        write(&target, Existing::Refuse, b"x").unwrap();
        assert_eq!(
            names(dir.path()),
            [".别的.yth.4242-0.part", ".学校.yth.4343-0.part", "学校.yth"]
        );
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("没有的文件夹").join("a.pdf");
        let e = write(&target, Existing::Refuse, b"x").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    }
}
