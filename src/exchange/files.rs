//! Files referred to by resources: hashed where they lie, in fixed-size chunks, so a
//! multi-gigabyte teaching video costs the same memory as a small one; and checked later
//! against what was recorded.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::domain::resource::{FileRef, FileStatus};

/// Enough to keep the disk busy without holding much memory.
const CHUNK: usize = 1 << 20;

/// Hashes the file at `path`, calling `progress(done, total)` after every chunk so a window can
/// show a progress bar. Returns what the school file records.
pub fn hash(path: &Path, mut progress: impl FnMut(u64, u64)) -> std::io::Result<FileRef> {
    let mut file = std::fs::File::open(path)?;
    let total = file.metadata()?.len();
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut done = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        done += n as u64;
        progress(done, total);
    }
    let digest = hasher.finalize();
    Ok(FileRef {
        path: path.to_string_lossy().into_owned(),
        size: done,
        sha256: hex(&digest),
    })
}

/// A SHA-256 digest as lower-case hex, the form files are recorded and named by.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the file is still there and unchanged. A different size is enough to say changed;
/// otherwise the content is hashed again, since an edit can keep the size.
pub fn verify(recorded: &FileRef) -> FileStatus {
    let path = Path::new(&recorded.path);
    match std::fs::metadata(path) {
        Err(_) => FileStatus::Missing,
        Ok(meta) if meta.len() != recorded.size => FileStatus::Changed,
        Ok(_) => match hash(path, |_, _| {}) {
            Ok(now) if now.sha256 == recorded.sha256 => FileStatus::Unchanged,
            Ok(_) => FileStatus::Changed,
            Err(_) => FileStatus::Missing,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_progress() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc.txt");
        std::fs::write(&path, "abc").unwrap();
        let mut calls = Vec::new();
        let file = hash(&path, |done, total| calls.push((done, total))).unwrap();
        assert_eq!(
            file.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(file.size, 3);
        assert_eq!(calls, [(3, 3)]);
    }

    #[test]
    fn a_moved_or_edited_file_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("课件.pptx");
        std::fs::write(&path, "第一版").unwrap();
        let recorded = hash(&path, |_, _| {}).unwrap();
        assert_eq!(verify(&recorded), FileStatus::Unchanged);
        std::fs::write(&path, "第二版").unwrap();
        assert_eq!(
            verify(&recorded),
            FileStatus::Changed,
            "same size, other content"
        );
        std::fs::write(&path, "第二版，更长").unwrap();
        assert_eq!(verify(&recorded), FileStatus::Changed);
        std::fs::rename(&path, dir.path().join("别处.pptx")).unwrap();
        assert_eq!(verify(&recorded), FileStatus::Missing);
    }
}
