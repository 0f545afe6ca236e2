//! The school file on real SQLite files in temp dirs: create, reopen, migrate, lock, backups,
//! and every file we refuse left byte-for-byte unchanged.

use std::path::{Path, PathBuf};

use yitihua::domain::{Catalogue, Region, SchoolKind, SchoolProfile};
use yitihua::store::{SCHEMA_VERSION, SchoolFile, StoreError};

fn profile() -> SchoolProfile {
    SchoolProfile {
        credit_code: "91350100M000100Y43".into(),
        phone: "0472-5151234".into(),
        principal: "额尔敦毕力格".into(),
        ..SchoolProfile::new(
            "包头市龑堃技师学院",
            SchoolKind::TechnicianCollege,
            Region::Baotou,
        )
    }
}

fn new_file(dir: &Path) -> PathBuf {
    let path = dir.join("学校.yth");
    drop(SchoolFile::create(&path, &profile()).unwrap());
    path
}

/// Opening `path` must fail with the expected refusal and leave the file and its folder as
/// they were (no backup, no -wal, no -shm).
fn assert_refused_untouched(path: &Path, expected: fn(&StoreError) -> bool) -> String {
    let dir = path.parent().unwrap();
    let listing = |d: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = std::fs::read(path).unwrap();
    let files_before = listing(dir);
    let err = SchoolFile::open(path).expect_err("must be refused");
    assert!(expected(&err), "unexpected refusal: {err:?}");
    assert_eq!(std::fs::read(path).unwrap(), before, "file bytes changed");
    assert_eq!(listing(dir), files_before, "files appeared next to it");
    let message = err.to_string();
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "message should be Chinese: {message}"
    );
    message
}

#[test]
fn create_then_reopen_gives_back_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let mut file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.profile().unwrap(), profile());
    assert_eq!(file.schema_version().unwrap(), SCHEMA_VERSION);
    let mut changed = profile();
    changed.address = "包头市昆都仑区钢铁大街1号".into();
    file.save_profile(&changed).unwrap();
    drop(file);
    assert_eq!(SchoolFile::open(&path).unwrap().profile().unwrap(), changed);
}

#[test]
fn create_refuses_an_existing_path_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("别的.yth");
    std::fs::write(&path, "重要的内容").unwrap();
    let err = SchoolFile::create(&path, &profile()).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists(_)));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "重要的内容");
}

#[test]
fn header_carries_application_id_and_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let header = std::fs::read(&path).unwrap();
    assert_eq!(&header[68..72], b"YTHA");
    assert_eq!((header[18], header[19]), (2, 2), "WAL mode is persistent");
}

#[test]
fn migrates_the_v1_fixture_without_losing_data_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("鄂尔多斯.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v1.yth"),
        &path,
    )
    .unwrap();
    let original = std::fs::read(&path).unwrap();
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(1));
    assert_eq!(file.schema_version().unwrap(), SCHEMA_VERSION);
    let p = file.profile().unwrap();
    assert_eq!(p.name, "鄂尔多斯市高级技工学校");
    assert_eq!(p.kind, SchoolKind::SeniorTechnicalSchool);
    assert_eq!(p.region, Region::Ordos);
    assert_eq!(p.academic_head, "萨仁高娃");
    assert_eq!(p.phone, "0477-8581234");
    let history = file.history().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        history[0].event,
        format!("从第1版迁移到第{SCHEMA_VERSION}版")
    );
    drop(file);

    // The backup taken before migrating is the v1 file, still at version 1.
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("鄂尔多斯-备份"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    let backup = std::fs::read(&backups[0]).unwrap();
    assert_eq!(&backup[60..64], &original[60..64]);
    assert_eq!(u32::from_be_bytes(backup[60..64].try_into().unwrap()), 1);

    // Opening again does not migrate again.
    let again = SchoolFile::open(&path).unwrap();
    assert_eq!(again.migrated_from(), None);
    assert_eq!(again.history().unwrap().len(), 1);
}

#[test]
fn migrates_the_v2_fixture_seeding_catalogue_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("通辽.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v2.yth"),
        &path,
    )
    .unwrap();
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(2));
    let p = file.profile().unwrap();
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("通辽市技师学院", SchoolKind::TechnicianCollege)
    );
    let events: Vec<_> = file
        .history()
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(
        events,
        [
            "创建".to_string(),
            format!("从第2版迁移到第{SCHEMA_VERSION}版")
        ]
    );
    assert_eq!(file.catalogue().unwrap(), Catalogue::bundled());
    let names: Vec<_> = file
        .batches()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["第一批", "第二批", "第三批"]);
    assert!(file.declarations().unwrap().is_empty());
}

#[test]
fn a_second_opener_is_refused_while_the_file_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let first = SchoolFile::open(&path).unwrap();
    let message = assert_refused_untouched(&path, |e| matches!(e, StoreError::InUse));
    assert!(message.contains("已在另一个窗口或程序中打开"), "{message}");
    drop(first);
    SchoolFile::open(&path).expect("free again once the first is closed");
}

#[test]
fn refuses_a_file_that_is_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("申报表.yth");
    std::fs::write(
        &path,
        "学校名称,学校类型\n包头技师学院,技师学院\n".repeat(20),
    )
    .unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotSqlite));
    let empty = dir.path().join("空.yth");
    std::fs::write(&empty, b"").unwrap();
    assert_refused_untouched(&empty, |e| matches!(e, StoreError::Empty));
}

#[test]
fn refuses_another_programs_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.yth");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, |e| matches!(e, StoreError::ForeignDatabase));
}

#[test]
fn refuses_a_file_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let message = assert_refused_untouched(&path, |e| matches!(e, StoreError::NewerVersion { .. }));
    assert!(message.contains("请先升级程序"), "{message}");
}

#[test]
fn refuses_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::ReadOnly));
}

#[test]
fn refuses_a_truncated_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() >= 8192, "a real file has several pages");
    std::fs::write(&path, &bytes[..bytes.len() - 4096]).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Truncated));
    std::fs::write(&path, &bytes[..60]).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Truncated));
}

#[test]
fn refuses_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = SchoolFile::open(&dir.path().join("没有.yth")).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)));
    assert!(!dir.path().join("没有.yth").exists());
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir.join("学校-备份"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found
}

#[test]
fn each_open_after_a_change_takes_a_backup_and_old_ones_rotate_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    for i in 0..13 {
        let mut file = SchoolFile::open(&path).unwrap();
        let mut p = profile();
        p.address = format!("第{i}次修改");
        file.save_profile(&p).unwrap();
    }
    let found = backups(dir.path());
    assert_eq!(found.len(), 10);
    // Each backup is a valid school file holding the state before one of the opens.
    let mut addresses: Vec<String> = found
        .iter()
        .map(|b| SchoolFile::open(b).unwrap().profile().unwrap().address)
        .collect();
    addresses.sort();
    let mut expected: Vec<String> = (2..12).map(|i| format!("第{i}次修改")).collect();
    expected.sort();
    assert_eq!(addresses, expected);
}

#[test]
fn opening_an_unchanged_file_keeps_the_existing_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    drop(SchoolFile::open(&path).unwrap());
    let first = backups(dir.path());
    assert_eq!(first.len(), 1);
    for _ in 0..5 {
        drop(SchoolFile::open(&path).unwrap());
    }
    assert_eq!(
        backups(dir.path()),
        first,
        "reading does not rotate history away"
    );
    let mut file = SchoolFile::open(&path).unwrap();
    file.save_profile(&SchoolProfile {
        contact: "孟和".into(),
        ..profile()
    })
    .unwrap();
    drop(file);
    drop(SchoolFile::open(&path).unwrap());
    assert_eq!(
        backups(dir.path()).len(),
        2,
        "a changed file is backed up again"
    );
}

#[test]
fn the_v6_fixture_keeps_its_seal_and_gains_an_empty_key_store() {
    use yitihua::domain::signature::{SignatureRole, png_info};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("阿拉善.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v6.yth"),
        &path,
    )
    .unwrap();
    let mut file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(6));
    let seal = file.signature_image(SignatureRole::Seal).unwrap().unwrap();
    assert_eq!(png_info(&seal).unwrap().width, 1);
    assert_eq!(file.signing_key().unwrap(), None);

    file.save_signing_key(b"cert-1", b"sealed-1", false)
        .unwrap();
    let err = file
        .save_signing_key(b"cert-2", b"sealed-2", false)
        .unwrap_err();
    assert!(err.to_string().starts_with("学校已有签署密钥"), "{err}");
    file.replace_encrypted_key(b"sealed-1b").unwrap();
    assert_eq!(
        file.signing_key().unwrap().unwrap().encrypted_key,
        b"sealed-1b"
    );
    file.save_signing_key(b"cert-2", b"sealed-2", true).unwrap();
    assert_eq!(file.signing_key().unwrap().unwrap().certificate, b"cert-2");
    assert_eq!(
        file.own_certificates().unwrap(),
        [b"cert-2".to_vec(), b"cert-1".to_vec()],
        "the replaced key's certificate is kept"
    );
}

#[test]
fn a_migration_still_in_the_wal_is_not_run_twice() {
    use rusqlite::config::DbConfig;
    // A file whose last commit (to schema v6) is still in the WAL, as a crash or a killed
    // process leaves it: the main file's header still says version 5.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("崩溃后.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v5.yth"),
        &path,
    )
    .unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch(
            "BEGIN;
             CREATE TABLE signature_images (role TEXT PRIMARY KEY, png BLOB NOT NULL,
                                            saved_at TEXT NOT NULL);
             PRAGMA user_version = 6;
             COMMIT;",
        )
        .unwrap();
    }
    let wal = dir.path().join("崩溃后.yth-wal");
    assert!(
        wal.metadata().unwrap().len() > 0,
        "the commit is in the WAL"
    );
    let mut header = [0u8; 64];
    std::io::Read::read_exact(&mut std::fs::File::open(&path).unwrap(), &mut header).unwrap();
    assert_eq!(header[63], 5, "the header still says version 5");

    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(6));
    assert_eq!(file.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(file.teachers().unwrap()[0].name, "其木格");
}

#[test]
fn refuses_a_file_left_by_a_crash_during_creation_without_writing_to_it() {
    // Our mark, no schema: what an older version's `new` left when it was killed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("中断.yth");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", yitihua::store::APPLICATION_ID)
        .unwrap();
    conn.execute_batch("CREATE TABLE x (y); DROP TABLE x;")
        .unwrap();
    drop(conn);
    let message = assert_refused_untouched(&path, |e| matches!(e, StoreError::Incomplete));
    assert!(message.contains("创建时被中断"), "{message}");
}

#[test]
fn a_checkpoint_cut_short_is_recovered_from_the_wal_and_a_real_truncation_still_refused() {
    use rusqlite::config::DbConfig;
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    {
        // Commits left in the WAL, as a window killed before its closing checkpoint leaves.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch(
            "BEGIN;
             CREATE TABLE ballast (b BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
             INSERT INTO ballast SELECT zeroblob(4000) FROM n;
             COMMIT;",
        )
        .unwrap();
    }
    // The checkpoint that was killed had written the new header (with the new page count)
    // and not yet the pages that make the file that long.
    let wal = std::fs::read(dir.path().join("学校.yth-wal")).unwrap();
    let page_size = u32::from_be_bytes(wal[8..12].try_into().unwrap()) as usize;
    // The newest copy of page 1 in the WAL: frames are a 24-byte header (page number first)
    // and the page, after the WAL's 32-byte header.
    let page_one = wal[32..]
        .chunks_exact(24 + page_size)
        .rfind(|frame| u32::from_be_bytes(frame[..4].try_into().unwrap()) == 1)
        .map(|frame| &frame[24..])
        .expect("page 1 was rewritten");
    let mut main = std::fs::read(&path).unwrap();
    main[..100].copy_from_slice(&page_one[..100]);
    let claimed = u32::from_be_bytes(main[28..32].try_into().unwrap()) as usize * page_size;
    assert!(
        claimed > main.len(),
        "the header claims more pages than the file has"
    );
    assert_eq!(
        main[24..28],
        main[92..96],
        "the page count is one SQLite trusts"
    );
    std::fs::write(&path, &main).unwrap();

    let file = SchoolFile::open(&path).expect("recovered from the WAL");
    assert_eq!(file.profile().unwrap().name, profile().name);
    drop(file);

    // The same short file without its WAL is a truncated copy.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("复制.yth");
    let mut bytes = std::fs::read(&path).unwrap();
    let claimed = u32::from_be_bytes(bytes[28..32].try_into().unwrap()) as usize * page_size;
    bytes.truncate(claimed - 2 * page_size);
    std::fs::write(&copy, &bytes).unwrap();
    assert_refused_untouched(&copy, |e| matches!(e, StoreError::Truncated));
}

#[test]
fn store_messages_are_chinese_for_os_and_sqlite_failures() {
    use std::io::{Error, ErrorKind};
    for kind in [
        ErrorKind::NotFound,
        ErrorKind::PermissionDenied,
        ErrorKind::StorageFull,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::Other,
    ] {
        let message = yitihua::store::io_message(&Error::from(kind));
        assert!(!has_english_word(&message), "{kind:?}: {message}");
    }
    let full = StoreError::from(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
        Some("database or disk is full".into()),
    ));
    assert!(full.to_string().starts_with("磁盘空间已满"), "{full}");
    let io = StoreError::from(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR_WRITE),
        Some("disk I/O error".into()),
    ));
    assert!(!io.to_string().contains("disk"), "{io}");
    assert!(io.to_string().contains("磁盘读写出错"), "{io}");
}

/// Three ASCII letters in a row: an English word ("U盘" is Chinese usage).
fn has_english_word(message: &str) -> bool {
    message
        .as_bytes()
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_alphabetic))
}

#[test]
fn a_backup_that_does_not_open_is_not_counted_as_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    // What an older version left when the disk filled up during a backup: the newest file in
    // the folder, younger than the school file, and empty.
    let folder = dir.path().join("学校-备份");
    std::fs::create_dir(&folder).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(folder.join("学校-20261201-080000.yth"), b"").unwrap();
    drop(SchoolFile::open(&path).unwrap());
    let real: Vec<_> = backups(dir.path())
        .into_iter()
        .filter(|b| std::fs::metadata(b).unwrap().len() > 0)
        .collect();
    assert_eq!(real.len(), 1, "a real backup was taken");
    assert_eq!(
        SchoolFile::open(&real[0]).unwrap().profile().unwrap().name,
        profile().name
    );
}

#[test]
fn achievements_are_kept_with_their_evidence_through_a_reopen() {
    use chrono::NaiveDate;
    use yitihua::domain::resource::FileRef;
    use yitihua::domain::{Achievement, AchievementKind, Teacher};
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path());
    let mut teacher = Teacher::new("T001", "其木格", "汽车系");
    teacher.achievements = vec![
        Achievement {
            kind: AchievementKind::CurriculumStandard,
            title: "汽车维修专业国家技能人才培养工学一体化课程标准".into(),
            role: "参与".into(),
            date: NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
            evidence: Some(FileRef {
                path: "D:\\成果\\课程标准聘书.pdf".into(),
                size: 204_800,
                sha256: "ab".repeat(32),
            }),
        },
        Achievement {
            kind: AchievementKind::PlannedTextbook,
            title: "汽车电气设备检修".into(),
            role: "副主编".into(),
            date: NaiveDate::from_ymd_opt(2024, 3, 15).unwrap(),
            evidence: None,
        },
    ];
    let mut file = SchoolFile::open(&path).unwrap();
    file.save_teacher(&teacher).unwrap();
    drop(file);
    let mut file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.teachers().unwrap(), [teacher.clone()]);

    teacher.achievements.remove(0);
    file.save_teacher(&teacher).unwrap();
    drop(file);
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(
        file.teachers().unwrap()[0].achievements,
        teacher.achievements
    );
}

#[test]
fn the_v7_fixture_keeps_every_value_and_its_teachers_gain_no_achievements() {
    use yitihua::domain::{Employment, TeacherLevel};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("锡林郭勒.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v7.yth"),
        &path,
    )
    .unwrap();
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(7));
    assert_eq!(file.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(file.profile().unwrap().name, "锡林郭勒职业技工学校");
    let teachers = file.teachers().unwrap();
    assert_eq!(teachers.len(), 1);
    let t = &teachers[0];
    assert_eq!(
        (t.id.as_str(), t.name.as_str(), t.department.as_str()),
        ("T007", "乌日娜", "畜牧兽医系")
    );
    assert_eq!(t.employment, Employment::FromEnterprise);
    assert_eq!(t.enterprise, "锡林郭勒牧业公司");
    assert_eq!(t.level, TeacherLevel::Second);
    assert_eq!(
        (
            t.title.as_str(),
            t.skill_level.as_str(),
            t.qualification.as_str()
        ),
        ("高级讲师", "技师", "中等职业学校教师资格")
    );
    assert_eq!(t.trainings.len(), 1);
    assert_eq!(t.trainings[0].certificate, "NMGYTH20230007");
    assert_eq!(t.trainings[0].hours, 80);
    assert_eq!(t.practices.len(), 1);
    assert_eq!(t.practices[0].days, 30);
    assert!(t.achievements.is_empty());
    assert_eq!(file.terms().unwrap()[0].name, "2024-2025学年第一学期");
    assert_eq!(file.trusted_certificates().unwrap().len(), 1);
}
