//! Nothing is lost: the real binary killed at fixed system-call counts while it writes, and run
//! out of disk on a small tmpfs. After every kill the school file opens and holds all or none
//! of the operation, and no partial output stands at the target path.
//!
//! strace's `-e inject=SYSCALL:signal=KILL:when=N` kills the process at its Nth such call, so
//! each case repeats exactly; the kill points are spread over the calls counted in a clean run.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::binary::{BIN, is_root, stderr, yitihua};

use yitihua::store::SchoolFile;

fn strace() -> Command {
    let mut c = Command::new("strace");
    // Not --seccomp-bpf: with -f it lets the injection miss (strace 6.1).
    c.args(["-f", "-qq"]);
    c
}

fn require_strace() {
    let found = Command::new("strace").arg("-V").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "these tests kill the program with strace: apt-get install strace"
    );
}

/// How many `syscall`s a clean run of `args` makes (its effects are undone by `reset`).
fn count_calls(syscall: &str, args: &[&dyn AsRef<std::ffi::OsStr>], log: &Path) -> usize {
    let o = strace()
        .args(["-e", &format!("trace={syscall}"), "-o"])
        .arg(log)
        .arg(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap();
    assert!(o.status.success(), "clean run failed: {}", stderr(&o));
    let text = std::fs::read_to_string(log).unwrap();
    text.lines()
        .filter(|l| l.contains(&format!("{syscall}(")))
        .count()
}

/// Runs `args` and kills it at its `n`th `syscall`; true if the kill happened.
fn kill_at(syscall: &str, n: usize, args: &[&dyn AsRef<std::ffi::OsStr>]) -> bool {
    let o = strace()
        .args([
            "-o",
            "/dev/null",
            "-e",
            &format!("trace={syscall}"),
            "-e",
            &format!("inject={syscall}:signal=KILL:when={n}"),
        ])
        .arg(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap();
    !o.status.success()
}

/// Kill points spread over `total` calls: the first few, every eighth, the last ones.
fn points(total: usize) -> Vec<usize> {
    let mut p: Vec<usize> = [1, 2, 3]
        .into_iter()
        .chain((1..8).map(|i| total * i / 8))
        .chain([total.saturating_sub(1), total])
        .filter(|&n| n >= 1 && n <= total)
        .collect();
    p.sort_unstable();
    p.dedup();
    p
}

/// Every name in `dir` that is not a hidden temporary file.
fn visible(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn counts(path: &Path) -> Vec<(String, i64)> {
    let file = SchoolFile::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file.counts()
        .unwrap()
        .into_iter()
        .filter(|(key, _, _)| *key != "file_history")
        .map(|(key, _, n)| (key.to_string(), n))
        .collect()
}

fn hours(path: &Path) -> i64 {
    counts(path)
        .into_iter()
        .find(|(k, _)| k == "hours")
        .map(|(_, n)| n)
        .unwrap()
}

#[test]
fn demo_and_load_killed_anywhere_leave_nothing_or_the_whole_school() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("参照.yth");
    let o = yitihua(&[&"demo", &reference, &"--size", &"large"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let whole = counts(&reference);
    let json = dir.path().join("数据.json");
    let o = yitihua(&[&"dump", &reference]);
    std::fs::write(&json, &o.stdout).unwrap();

    let work = dir.path().join("目标");
    std::fs::create_dir(&work).unwrap();
    let target = work.join("学校.yth");
    let reset = || {
        std::fs::remove_dir_all(&work).unwrap();
        std::fs::create_dir(&work).unwrap();
    };
    let demo: [&dyn AsRef<std::ffi::OsStr>; 4] = [&"demo", &target, &"--size", &"large"];
    let load: [&dyn AsRef<std::ffi::OsStr>; 3] = [&"load", &json, &target];
    let (mut tried, mut held) = (0, 0);
    for (what, args) in [("demo", &demo[..]), ("load", &load[..])] {
        for syscall in ["pwrite64", "fsync"] {
            let total = count_calls(syscall, args, &dir.path().join("calls.log"));
            reset();
            assert!(total > 0, "{what} makes no {syscall}");
            for n in points(total) {
                assert!(kill_at(syscall, n, args), "{what} killed at {syscall} {n}");
                tried += 1;
                match visible(&work).as_slice() {
                    [] => {}
                    [one] if one == "学校.yth" => {
                        assert_eq!(counts(&target), whole, "{what} killed at {syscall} {n}")
                    }
                    other => panic!("{what} killed at {syscall} {n} left {other:?}"),
                }
                // The next attempt is never refused because of what the killed one left.
                if !target.exists() {
                    let o = yitihua(args);
                    assert!(o.status.success(), "{what} after a kill: {}", stderr(&o));
                    assert_eq!(counts(&target), whole);
                }
                held += 1;
                reset();
            }
        }
    }
    assert_eq!(held, tried);
    eprintln!("demo/load: {tried} kill points tried, {held} held");
}

/// An hours sheet of 12,000 new lessons for the large demo's teachers.
fn hours_csv(school: &Path, out: &Path) {
    let file = SchoolFile::open(school).unwrap();
    let teachers = file.teachers().unwrap();
    let term = file.terms().unwrap().remove(0);
    let mut csv = String::from("工号,姓名,学期,课程,课程类型,班级,专业,日期,节数,内容\n");
    let days: Vec<_> = term
        .start
        .iter_days()
        .take_while(|d| *d <= term.end)
        .take(20)
        .collect();
    for t in teachers.iter().take(600) {
        for day in &days {
            csv.push_str(&format!(
                "{},{},{},故障注入演练课,一体化课程,演练2401班,汽车维修,{day},2,\n",
                t.id, t.name, term.name
            ));
        }
    }
    assert_eq!(csv.lines().count(), 12_001);
    std::fs::write(out, csv).unwrap();
}

#[test]
fn an_import_killed_anywhere_keeps_all_or_none_and_the_file_opens() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let pristine = dir.path().join("原件.yth");
    let o = yitihua(&[&"demo", &pristine, &"--size", &"large"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sheet = dir.path().join("课时.csv");
    hours_csv(&pristine, &sheet);
    let before = hours(&pristine);
    // A copy without its backups folder, as the office has it before the import.
    let work = dir.path().join("工作");
    let school = work.join("学校.yth");
    let reset = || {
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir(&work).unwrap();
        std::fs::copy(&pristine, &school).unwrap();
    };
    reset();
    let args: [&dyn AsRef<std::ffi::OsStr>; 5] =
        [&"import-table", &school, &sheet, &"--as", &"hours"];
    let total = count_calls("pwrite64", &args, &dir.path().join("calls.log"));
    assert_eq!(hours(&school), before + 12_000);
    let (mut tried, mut held) = (0, 0);
    for n in points(total) {
        reset();
        assert!(kill_at("pwrite64", n, &args), "killed at pwrite64 {n}");
        tried += 1;
        // What `yitihua info` reports after the crash: the file opens (SQLite recovers the
        // WAL; the truncation check does not refuse it) with none or all of the sheet.
        let o = yitihua(&[&"info", &school]);
        assert!(o.status.success(), "killed at pwrite64 {n}: {}", stderr(&o));
        let now = hours(&school);
        assert!(
            now == before || now == before + 12_000,
            "killed at pwrite64 {n}: {now} hours"
        );
        held += 1;
    }
    assert_eq!(held, tried);
    eprintln!("import-table: {tried} kill points tried of {total} pwrite64, {held} held");
}

#[test]
fn an_export_or_a_backup_killed_anywhere_leaves_no_partial_file() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let school = dir.path().join("学校.yth");
    let o = yitihua(&[&"demo", &school, &"--size", &"large"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("输出");
    std::fs::create_dir(&out).unwrap();
    let packet = out.join("申报材料.pdf");
    let args: [&dyn AsRef<std::ffi::OsStr>; 8] = [
        &"export",
        &school,
        &"--batch",
        &"1",
        &"--out",
        &packet,
        &"--date",
        &"2026-11-29",
    ];
    let (mut tried, mut held) = (0, 0);
    // The packet is one write of the whole buffer, then the sync and the rename: every call.
    for syscall in ["write", "fsync"] {
        std::fs::remove_dir_all(&out).unwrap();
        std::fs::create_dir(&out).unwrap();
        let total = count_calls(syscall, &args, &dir.path().join("calls.log"));
        let pages = lopdf::Document::load(&packet).unwrap().get_pages().len();
        for n in 1..=total {
            std::fs::remove_dir_all(&out).unwrap();
            std::fs::create_dir(&out).unwrap();
            assert!(kill_at(syscall, n, &args), "export killed at {syscall} {n}");
            tried += 1;
            match visible(&out).as_slice() {
                [] => {}
                [one] if one == "申报材料.pdf" => {
                    let whole = lopdf::Document::load(&packet).unwrap();
                    assert_eq!(whole.get_pages().len(), pages, "killed at {syscall} {n}");
                }
                other => panic!("export killed at {syscall} {n} left {other:?}"),
            }
            held += 1;
        }
    }
    assert!(tried >= 3, "only {tried} kill points hit the export");

    // Each open takes a backup (VACUUM INTO); killed part-way, no partial copy may count.
    let backups = dir.path().join("学校-备份");
    std::fs::remove_dir_all(&backups).unwrap();
    let info: [&dyn AsRef<std::ffi::OsStr>; 2] = [&"info", &school];
    let total = count_calls("pwrite64", &info, &dir.path().join("calls.log"));
    for n in points(total) {
        std::fs::remove_dir_all(&backups).unwrap();
        assert!(kill_at("pwrite64", n, &info), "info killed at pwrite64 {n}");
        tried += 1;
        for name in visible(&backups) {
            let copy = backups.join(&name);
            let conn = rusqlite::Connection::open(&copy).unwrap();
            let check: String = conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .unwrap_or_else(|e| panic!("backup {name} after a kill at {n}: {e}"));
            assert_eq!(check, "ok", "backup {name} after a kill at {n}");
        }
        // The next open takes its backup as if nothing had happened.
        let o = yitihua(&info);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(visible(&backups).len(), 1);
        held += 1;
    }
    assert_eq!(held, tried);
    eprintln!("export and backup: {tried} kill points tried, {held} held");
}

/// A tmpfs of `kib` KiB, unmounted when dropped. Mounting needs root, as CI runs.
struct SmallDisk {
    path: PathBuf,
    /// Holds the mount point until the disk is unmounted.
    _parent: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u64) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("盘");
        std::fs::create_dir(&path).unwrap();
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&path)
            .output()
            .ok()?;
        o.status
            .success()
            .then_some(SmallDisk { path, _parent: dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_full_disk_refuses_in_chinese_and_leaves_nothing_half_written() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root (CI runs as root)");
        return;
    }
    let full = "磁盘空间已满";
    let dir = tempfile::tempdir().unwrap();
    let school = dir.path().join("学校.yth");
    let o = yitihua(&[&"demo", &school, &"--size", &"large"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut tried = 0;

    // A new school that does not fit.
    let disk = SmallDisk::mount(2048).expect("mount a tmpfs");
    let o = yitihua(&[&"demo", &disk.path.join("演示.yth"), &"--size", &"large"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(full), "{}", stderr(&o));
    assert!(
        std::fs::read_dir(&disk.path).unwrap().next().is_none(),
        "demo left a file"
    );
    tried += 1;

    // A packet that does not fit.
    let filler = disk.path.join("占位");
    std::fs::write(&filler, vec![0u8; 1900 * 1024]).unwrap();
    let packet = disk.path.join("申报材料.pdf");
    let o = yitihua(&[&"export", &school, &"--batch", &"1", &"--out", &packet]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(full), "{}", stderr(&o));
    assert_eq!(visible(&disk.path), ["占位"], "export left a file");
    tried += 1;
    drop(disk);

    // An import into a school file on a disk that fills up while it writes: refused, and the
    // file opens afterwards with what it had.
    let size = std::fs::metadata(&school).unwrap().len() / 1024;
    let disk = SmallDisk::mount(size * 3 + 256).expect("mount a tmpfs");
    let small = disk.path.join("学校.yth");
    std::fs::copy(&school, &small).unwrap();
    let sheet = dir.path().join("课时.csv");
    hours_csv(&school, &sheet);
    let before = hours(&small);
    let free = disk.path.join("占位");
    std::fs::write(&free, vec![0u8; (size as usize) * 1024 / 2]).unwrap();
    let o = yitihua(&[&"import-table", &small, &sheet, &"--as", &"hours"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(stderr(&o).contains(full), "{}", stderr(&o));
    std::fs::remove_file(&free).unwrap();
    assert_eq!(hours(&small), before);
    tried += 1;
    drop(disk);

    // Opening takes a backup first; when the disk has no room for it, the file is not opened
    // and no partial backup is left to count as the newest.
    let disk = SmallDisk::mount(size + 64).expect("mount a tmpfs");
    let small = disk.path.join("学校.yth");
    std::fs::copy(&school, &small).unwrap();
    let o = yitihua(&[&"info", &small]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("无法创建备份"), "{}", stderr(&o));
    assert!(stderr(&o).contains(full), "{}", stderr(&o));
    let backups = disk.path.join("学校-备份");
    assert!(visible(&backups).is_empty(), "{:?}", visible(&backups));
    tried += 1;
    drop(disk);
    eprintln!("disk full: {tried} cases tried, {tried} held");
}

/// The SHA-256 of a file, hex, as the 汇总文件 names kept packets.
fn sha256_hex(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    yitihua::exchange::files::hex(&Sha256::digest(std::fs::read(path).unwrap()))
}

#[test]
fn receiving_and_forwarding_killed_anywhere_keep_all_or_none() {
    require_strace();
    let p = crate::rollup::packets();
    let dir = tempfile::tempdir().unwrap();
    let schools = p.paths(&crate::rollup::BAOTOU);
    let pristine = dir.path().join("原件.yhz");
    let o = yitihua(&[
        &"rollup",
        &"new",
        &pristine,
        &"--office",
        &"包头市人力资源和社会保障局",
        &"--level",
        &"盟市",
        &"--region",
        &"包头市",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let work = dir.path().join("工作");
    let file = work.join("包头.yhz");
    let kept = work.join("包头-材料");
    let reset = || {
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir(&work).unwrap();
        std::fs::copy(&pristine, &file).unwrap();
    };
    let mut add: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"rollup", &"add", &file];
    add.extend(schools.iter().map(|s| s as &dyn AsRef<std::ffi::OsStr>));
    let received = |file: &Path| -> usize {
        yitihua::store::RollupFile::open(file)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
            .received()
            .unwrap()
            .len()
    };
    let (mut tried, mut held) = (0, 0);
    // The packets are kept whole (write, fsync, rename each), then their rows go in one
    // transaction (pwrite64 to the WAL).
    for syscall in ["write", "fsync", "pwrite64"] {
        reset();
        let total = count_calls(syscall, &add, &dir.path().join("calls.log"));
        assert_eq!(received(&file), 3);
        for n in points(total) {
            reset();
            assert!(
                kill_at(syscall, n, &add),
                "rollup add killed at {syscall} {n}"
            );
            tried += 1;
            // The file opens with none or all of the packets; every kept copy is whole (its
            // name is its content's hash), and each stored packet has its copy.
            let stored = received(&file);
            assert!(
                stored == 0 || stored == 3,
                "killed at {syscall} {n}: {stored}"
            );
            let copies = if kept.exists() {
                visible(&kept)
            } else {
                Vec::new()
            };
            for name in &copies {
                assert_eq!(
                    format!("{}.pdf", sha256_hex(&kept.join(name))),
                    *name,
                    "killed at {syscall} {n}"
                );
            }
            assert!(
                copies.len() >= stored,
                "killed at {syscall} {n}: {copies:?}"
            );
            // Given the same files again, the office ends with all three.
            let o = yitihua(&add);
            assert!(o.status.success(), "{}", stderr(&o));
            assert_eq!(received(&file), 3, "killed at {syscall} {n}");
            held += 1;
        }
    }

    // The 转报材料: written whole or not at all, and what stands verifies intact.
    let passphrase = dir.path().join("口令.txt");
    std::fs::write(&passphrase, "包头市转报签署口令").unwrap();
    let o = yitihua(&[
        &"rollup",
        &"sign-setup",
        &file,
        &"--passphrase-file",
        &passphrase,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("转报");
    let forwarded = out.join("转报.pdf");
    let forward: [&dyn AsRef<std::ffi::OsStr>; 7] = [
        &"rollup",
        &"forward",
        &file,
        &"--out",
        &forwarded,
        &"--passphrase-file",
        &passphrase,
    ];
    for syscall in ["write", "fsync"] {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir(&out).unwrap();
        let total = count_calls(syscall, &forward, &dir.path().join("calls.log"));
        for n in 1..=total {
            std::fs::remove_dir_all(&out).unwrap();
            std::fs::create_dir(&out).unwrap();
            assert!(
                kill_at(syscall, n, &forward),
                "forward killed at {syscall} {n}"
            );
            tried += 1;
            match visible(&out).as_slice() {
                [] => {}
                [one] if one == "转报.pdf" => {
                    let bytes = std::fs::read(&forwarded).unwrap();
                    let v = yitihua::sign::verify_pdf(&bytes, &[]).unwrap();
                    assert!(v.intact, "forward killed at {syscall} {n}");
                }
                other => panic!("forward killed at {syscall} {n} left {other:?}"),
            }
            held += 1;
        }
    }
    assert_eq!(held, tried);
    eprintln!("rollup add and forward: {tried} kill points tried, {held} held");
}
