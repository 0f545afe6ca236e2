//! Files by reference: a teaching video (they run to gigabytes) is hashed in chunks with flat
//! memory, and a file attached to a resource is caught when it goes missing or changes.

use yitihua::domain::resource::FileStatus;
use yitihua::domain::{Region, ResourceItem, SchoolKind, SchoolProfile};
use yitihua::exchange::files::{hash, verify};
use yitihua::store::SchoolFile;

/// Peak resident memory of this process, from the kernel's own accounting.
#[cfg(target_os = "linux")]
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// The peak memory of this process counts every test running beside it, so the measuring test
/// runs again alone in a child process of the same test binary.
#[cfg(target_os = "linux")]
#[test]
fn a_large_file_is_hashed_with_flat_memory() {
    if std::env::var_os("YITIHUA_HASH_ALONE").is_some() {
        return hash_alone();
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "files::a_large_file_is_hashed_with_flat_memory"])
        .args(["--test-threads", "1", "--nocapture"])
        .env("YITIHUA_HASH_ALONE", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 passed"), "the child ran the test: {said}");
}

#[cfg(target_os = "linux")]
fn hash_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("教学视频.mp4");
    // 512 MiB: sixteen times the growth allowed below, so reading the file whole (or keeping
    // its chunks) fails plainly, while the test hashes in a second or two rather than ten.
    let size = 512u64 << 20;
    // Sparse: the test needs the size, not the disk.
    std::fs::File::create(&path).unwrap().set_len(size).unwrap();
    let before = peak_rss_kib();
    let mut reports = 0u64;
    let mut last = 0;
    let file = hash(&path, |done, total| {
        assert_eq!(total, size);
        assert!(done > last);
        last = done;
        reports += 1;
    })
    .unwrap();
    let grown_mib = (peak_rss_kib() - before) / 1024;
    assert_eq!(file.size, size);
    assert_eq!(last, size);
    assert!(reports >= 512, "progress after every chunk ({reports})");
    assert!(
        grown_mib < 32,
        "memory grew by {grown_mib} MiB while hashing 512 MiB"
    );
    // The SHA-256 of 512 MiB of zero bytes, computed independently:
    // head -c 536870912 /dev/zero | sha256sum
    assert_eq!(
        file.sha256,
        "9acca8e8c22201155389f65abbf6bc9723edc7384ead80503839f49dcc56d767"
    );
}

#[test]
fn attached_files_are_checked_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    let profile = SchoolProfile::new(
        "通辽技工学校",
        SchoolKind::TechnicalSchool,
        Region::Tongliao,
    );
    let mut school = SchoolFile::create(&path, &profile).unwrap();
    let id = school
        .add_resource(&ResourceItem {
            specialty: "汽车维修".into(),
            course: None,
            kind: "教学课件".into(),
            title: "发动机拆装课件".into(),
            textbook: None,
            reviews: Vec::new(),
            files: Vec::new(),
        })
        .unwrap();
    let deck = dir.path().join("发动机拆装.pptx");
    std::fs::write(&deck, "幻灯片").unwrap();
    school
        .attach_file(id, &hash(&deck, |_, _| {}).unwrap())
        .unwrap();
    assert!(
        school
            .attach_file(999, &hash(&deck, |_, _| {}).unwrap())
            .is_err()
    );
    drop(school);

    let school = SchoolFile::open(&path).unwrap();
    let (_, item) = school.resources(None).unwrap().remove(0);
    assert_eq!(item.files.len(), 1);
    assert_eq!(verify(&item.files[0]), FileStatus::Unchanged);
    std::fs::write(&deck, "改过的幻灯片").unwrap();
    assert_eq!(verify(&item.files[0]), FileStatus::Changed);
}
