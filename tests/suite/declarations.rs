//! Declarations in a real school file: drafts survive a reopen, signed revisions are never
//! rewritten, batches can be added, and `check` sees the whole file.

use std::path::{Path, PathBuf};

use yitihua::domain::{
    Batch, CooperationMode, CurriculumStandard, Declaration, DeclaredSpecialty, Partner, Programme,
    Region, SchoolKind, SchoolProfile, Schooling, Severity, Site, Status, YearMonth,
};
use yitihua::exchange::{Document, demo};
use yitihua::store::SchoolFile;

fn new_file(dir: &Path, kind: SchoolKind) -> PathBuf {
    let path = dir.join("学校.yth");
    drop(
        SchoolFile::create(
            &path,
            &SchoolProfile::new("乌兰察布技师学院", kind, Region::Ulanqab),
        )
        .unwrap(),
    );
    path
}

fn welding() -> DeclaredSpecialty {
    DeclaredSpecialty {
        name: "焊接加工".into(),
        programmes: vec![Programme {
            schooling: Schooling::JuniorThreeYearIntermediate,
            enrolment: 40,
        }],
        standard: CurriculumStandard::SchoolBased,
        sites: vec![Site {
            name: "焊接一体化学习工作站".into(),
            area_m2: 300,
            stations: 30,
            class_size: 40,
        }],
        partners: vec![Partner {
            name: "乌兰察布市宏大实业有限公司".into(),
            credit_code: "91350100M000100Y43".into(),
            mode: CooperationMode::EnterpriseOnCampus,
            agreement_date: None,
            contribution: "焊接设备与兼职师傅".into(),
        }],
        teachers: 4,
    }
}

#[test]
fn a_draft_is_found_again_after_reopening_mid_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path(), SchoolKind::TechnicianCollege);
    {
        let mut file = SchoolFile::open(&path).unwrap();
        let mut draft = Declaration::new(1);
        draft.specialties.push(welding());
        draft.specialties[0].sites[0].name.clear();
        file.save_declaration(&draft).unwrap();
    }
    let file = SchoolFile::open(&path).unwrap();
    let found = file.current_declarations().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Status::Draft);
    assert_eq!(found[0].specialties[0].name, "焊接加工");
    assert_eq!(
        found[0].specialties[0].sites[0].name, "",
        "half-typed values are kept"
    );
}

#[test]
fn a_signed_revision_is_read_only_and_changes_go_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path(), SchoolKind::TechnicianCollege);
    let mut file = SchoolFile::open(&path).unwrap();
    let mut signed = Declaration::new(1);
    signed.specialties.push(welding());
    signed.status = Status::Signed;
    file.save_declaration(&signed).unwrap();

    let mut edited = signed.clone();
    edited.specialties[0].teachers = 9;
    let err = file.save_declaration(&edited).unwrap_err();
    assert!(err.to_string().contains("已签署的申报不能修改"), "{err}");

    let mut next = signed.next_revision();
    next.specialties[0].teachers = 9;
    file.save_declaration(&next).unwrap();
    let all = file.declarations().unwrap();
    assert_eq!(all.iter().map(|d| d.revision).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        all[0].specialties[0].teachers, 4,
        "the signed revision is unchanged"
    );
    assert_eq!(file.current_declarations().unwrap(), [next]);
}

#[test]
fn batches_are_data_a_later_notice_can_extend() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path(), SchoolKind::TechnicalSchool);
    let mut file = SchoolFile::open(&path).unwrap();
    let fourth = Batch {
        number: 4,
        name: "第四批".into(),
        start: YearMonth::new(2026, 3),
        end: YearMonth::new(2027, 6),
    };
    file.add_batch(&fourth).unwrap();
    assert!(file.add_batch(&fourth).is_err(), "no duplicate");
    let backwards = Batch {
        number: 5,
        name: "第五批".into(),
        start: YearMonth::new(2028, 3),
        end: YearMonth::new(2027, 6),
    };
    assert!(file.add_batch(&backwards).is_err());
    assert_eq!(file.batches().unwrap().last(), Some(&fourth));
    assert!(
        file.save_declaration(&Declaration::new(9)).is_err(),
        "unknown batch"
    );
}

#[test]
fn check_reads_the_school_kind_and_earlier_batches_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path(), SchoolKind::TechnicalSchool);
    let mut file = SchoolFile::open(&path).unwrap();
    let mut first = Declaration::new(1);
    first.specialties.push(welding());
    file.save_declaration(&first).unwrap();
    let mut second = Declaration::new(2);
    second.specialties = vec![welding(), welding(), welding()];
    second.specialties[1].name = "汽车维修".into();
    second.specialties[2].name = "电子商务".into();
    file.save_declaration(&second).unwrap();

    let findings = file.check(2).unwrap();
    let ids: Vec<&str> = findings.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"limit"), "{ids:?}");
    assert!(ids.contains(&"earlier:焊接加工"), "{ids:?}");
    assert!(ids.contains(&"stations:焊接加工:0"), "{ids:?}");
    let limit = findings.iter().find(|f| f.id == "limit").unwrap();
    assert_eq!(limit.severity, Severity::Error);
    assert_eq!(
        limit.message,
        "技工学校每批次申报建设专业原则上不超过2个，本批次选了3个"
    );
}

#[test]
fn the_large_demo_has_three_valid_specialties_in_batch_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.yth");
    let file = demo::document(demo::Size::Large)
        .create_file(&path, "生成演示学校")
        .unwrap();
    let current = file.current_declarations().unwrap();
    assert_eq!(
        current
            .iter()
            .map(|d| d.specialties.len())
            .collect::<Vec<_>>(),
        [3, 3]
    );
    assert_eq!(file.check(1).unwrap(), []);
    assert_eq!(file.check(2).unwrap(), []);
}

#[test]
fn load_refuses_declarations_of_unknown_batches_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc: Document = demo::document(demo::Size::Small);
    doc.declarations[0].batch = 7;
    let path = dir.path().join("bad.yth");
    let err = doc.create_file(&path, "测试").unwrap_err();
    assert!(err.to_string().contains("不存在的第7批"), "{err}");
    assert!(!path.exists());
}

#[test]
fn renaming_a_catalogue_entry_follows_it_into_declarations_resources_and_hours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.yth");
    let mut file = demo::document(demo::Size::Small)
        .create_file(&path, "生成演示学校")
        .unwrap();
    let count = |file: &SchoolFile, name: &str| {
        let resources = file
            .resources(None)
            .unwrap()
            .iter()
            .filter(|(_, i)| i.specialty == name)
            .count();
        let hours = file
            .entries(None)
            .unwrap()
            .iter()
            .filter(|(_, e)| e.specialty == name)
            .count();
        (resources, hours)
    };
    let (resources, hours) = count(&file, "汽车维修");
    assert!(resources > 0 && hours > 0, "the demo uses the name");
    let mut entry = file.catalogue().unwrap().find("汽车维修").cloned().unwrap();
    entry.name = "汽车维修与检测".into();

    let counts = file.update_catalogue_entry("汽车维修", &entry).unwrap();
    assert_eq!(
        (counts.declarations, counts.resources, counts.hours),
        (1, resources, hours)
    );
    assert_eq!(count(&file, "汽车维修"), (0, 0));
    assert_eq!(count(&file, "汽车维修与检测"), (resources, hours));
    let current = file.current_declarations().unwrap();
    assert!(current[0].declares("汽车维修与检测"));
    assert!(
        current[0]
            .explanations
            .contains_key("stations:汽车维修与检测:0"),
        "the explanation follows the finding"
    );
    let findings = file.check(1).unwrap();
    assert!(
        !findings.iter().any(|f| f.id.starts_with("catalogue:")),
        "the catalogue and the declaration agree: {findings:?}"
    );

    // Once that declaration is signed and sent, its name is what was sent.
    let mut signed = current[0].clone();
    signed.status = Status::Signed;
    file.save_declaration(&signed).unwrap();
    entry.name = "汽车检测".into();
    let err = file
        .update_catalogue_entry("汽车维修与检测", &entry)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("在已签署的第一批申报中，不能改名；请先在专业申报中新建修订版本"),
        "{err}"
    );
    assert!(file.catalogue().unwrap().find("汽车维修与检测").is_some());
    let err = file.delete_catalogue_entry("汽车维修与检测").unwrap_err();
    assert!(
        err.to_string().contains("已在第一批申报，不能从目录删除"),
        "{err}"
    );
}
