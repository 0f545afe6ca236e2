//! Teachers, terms and hours in a real school file.

use yitihua::domain::workload::{Settings, summarise};
use yitihua::domain::{Amount, CourseKind, Entry, Teacher, TeacherLevel, Term};
use yitihua::exchange::Document;
use yitihua::exchange::demo::{Size, document};
use yitihua::store::{Changes, SchoolFile};

fn small_file(dir: &tempfile::TempDir) -> SchoolFile {
    let mut doc = document(Size::Small);
    doc.teachers.clear();
    doc.hours.clear();
    doc.create_file(&dir.path().join("学校.yth"), "测试")
        .unwrap()
}

fn lesson(teacher: &str, day: &str, periods: u32) -> Entry {
    Entry {
        teacher: teacher.into(),
        term: "2024-2025学年第一学期".into(),
        course: "汽车发动机检修".into(),
        specialty: "汽车维修".into(),
        kind: CourseKind::Integrated,
        class: "汽修2401班".into(),
        amount: Amount::Lessons {
            date: day.parse().unwrap(),
            periods,
            content: "学习任务1".into(),
        },
    }
}

#[test]
fn the_v4_fixture_gains_an_empty_roster_and_the_policy_coefficient() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("乌兰察布.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v4.yth"),
        &path,
    )
    .unwrap();
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(4));
    assert!(file.teachers().unwrap().is_empty());
    assert!(file.terms().unwrap().is_empty());
    assert_eq!(file.workload_settings().unwrap(), Settings::default());
    let resources = file.resources(None).unwrap();
    assert_eq!(resources.len(), 1);
    assert!(
        resources[0].1.counts(),
        "the reviewed textbook still counts"
    );
}

#[test]
fn saving_teachers_adds_updates_and_refuses_by_staff_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = small_file(&dir);
    let mut wang = Teacher::new("T001", "王芳", "汽车工程系");
    let li = Teacher::new("T002", "李喆", "农牧工程系");
    assert_eq!(
        file.save_teachers(&[wang.clone(), li.clone()]).unwrap(),
        Changes {
            added: 2,
            updated: 0,
            unchanged: 0
        }
    );
    wang.level = TeacherLevel::First;
    assert_eq!(
        file.save_teachers(&[li.clone(), wang.clone()]).unwrap(),
        Changes {
            added: 0,
            updated: 1,
            unchanged: 1
        }
    );
    let roster = file.teachers().unwrap();
    assert_eq!(
        roster,
        [wang.clone(), li.clone()],
        "roster keeps the order of entry"
    );

    let bad = Teacher::new("T003", " ", "汽车工程系");
    let err = file
        .save_teachers(&[Teacher::new("T004", "孙强", "汽车工程系"), bad])
        .unwrap_err();
    assert!(err.to_string().contains("姓名不能为空"), "{err}");
    assert_eq!(file.teachers().unwrap().len(), 2, "all or nothing");
}

#[test]
fn hours_are_saved_once_and_summed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = small_file(&dir);
    file.save_teacher(&Teacher::new("T001", "王芳", "汽车工程系"))
        .unwrap();
    let term = Term::from_usual_name("2024-2025学年第一学期").unwrap();
    file.save_term(&term).unwrap();

    let week: Vec<Entry> = (2..=6)
        .map(|d| lesson("T001", &format!("2024-09-{d:02}"), 7 + d % 2))
        .collect();
    let periods: u32 = (2..=6).map(|d| 7 + d % 2).sum();
    assert_eq!(periods, 37);
    assert_eq!(file.save_entries(&week).unwrap().added, 5);
    assert_eq!(
        file.save_entries(&week).unwrap().unchanged,
        5,
        "saving twice adds nothing"
    );
    assert_eq!(file.entries(None).unwrap().len(), 5);
    let summary = file.workload_summary(Some(&term.name)).unwrap();
    assert_eq!(summary.teachers[0].totals.integrated, 37);
    assert_eq!(summary.teachers[0].totals.weighted.to_string(), "51.8");

    let mut corrected = week[0].clone();
    corrected.amount = Amount::Lessons {
        date: "2024-09-02".parse().unwrap(),
        periods: 4,
        content: "学习任务1".into(),
    };
    assert_eq!(file.save_entries(&[corrected]).unwrap().updated, 1);
    assert_eq!(file.entries(None).unwrap().len(), 5);

    for (bad, reason) in [
        (lesson("T999", "2024-09-09", 2), "名册中没有工号“T999”"),
        (lesson("T001", "2025-03-03", 2), "不在2024-2025学年第一学期"),
        (lesson("T001", "2024-09-10", 13), "一天超过12节"),
    ] {
        let err = file
            .save_entries(&[lesson("T001", "2024-09-11", 2), bad])
            .unwrap_err();
        assert!(err.to_string().contains(reason), "{err}");
    }
    assert_eq!(
        file.entries(None).unwrap().len(),
        5,
        "refused batches write nothing"
    );
}

#[test]
fn the_large_demo_round_trips_and_its_summary_matches_the_domain() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(Size::Large);
    // 20 entries per teacher, and 停课, 代课 and their plan for every sixth.
    assert_eq!(
        (doc.teachers.len(), doc.hours.len()),
        (600, 12_000 + 100 * 3)
    );
    let file = doc.create_file(&dir.path().join("大.yth"), "测试").unwrap();
    let back = Document::from_file(&file).unwrap();
    assert_eq!(back.teachers, doc.teachers);
    assert_eq!(back.terms, doc.terms);
    assert_eq!(back.workload, doc.workload);
    let mut sorted = doc.hours.clone();
    sorted.sort_by_key(|e| e.key());
    let mut got = back.hours.clone();
    got.sort_by_key(|e| e.key());
    assert_eq!(got, sorted);

    let term = "2024-2025学年第一学期";
    let from_file = file.workload_summary(Some(term)).unwrap();
    let direct = summarise(
        &doc.teachers,
        &doc.terms,
        &doc.hours,
        &doc.workload,
        Some(term),
    );
    assert_eq!(from_file, direct);
    assert_eq!(from_file.teachers.len(), 600);
    // Every period an entry names counts, but a 停课's, which (with others' 代课) comes off
    // the plan it belongs to.
    let periods: u64 = doc
        .hours
        .iter()
        .filter(|e| e.term == term && !matches!(e.amount, Amount::Cancelled { .. }))
        .map(|e| e.amount.periods())
        .sum();
    assert!(from_file.total.cancelled > 0);
    assert_eq!(
        from_file.total.periods(),
        periods - from_file.total.cancelled
    );
}

#[test]
fn the_v5_fixture_keeps_its_hours_and_gains_signature_images() {
    use yitihua::domain::signature::SignatureRole;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("巴彦淖尔.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v5.yth"),
        &path,
    )
    .unwrap();
    let mut file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(5));
    let summary = file.workload_summary(None).unwrap();
    assert_eq!(summary.teachers[0].name, "其木格");
    assert_eq!(summary.teachers[0].totals.weighted.to_string(), "8.4");
    let entry = file.entries(None).unwrap().remove(0).1;
    assert_eq!(
        file.save_entries(&[entry]).unwrap().unchanged,
        1,
        "keys still match"
    );

    assert_eq!(file.signature_image(SignatureRole::Seal).unwrap(), None);
    let err = file
        .save_signature_image(SignatureRole::Seal, b"not a png")
        .unwrap_err();
    assert!(err.to_string().starts_with("不是 PNG 图片"), "{err}");
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/icons/hicolor/64x64/apps/yitihua.png"
    ))
    .unwrap();
    file.save_signature_image(SignatureRole::Seal, &png)
        .unwrap();
    drop(file);
    let mut file = SchoolFile::open(&path).unwrap();
    assert_eq!(
        file.signature_image(SignatureRole::Seal).unwrap(),
        Some(png)
    );
    file.remove_signature_image(SignatureRole::Seal).unwrap();
    assert_eq!(file.signature_image(SignatureRole::Seal).unwrap(), None);
}
