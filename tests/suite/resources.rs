//! The resource inventory in a real school file: textbooks count only with an approving review,
//! the review history is kept, bad items are refused, and the large demo's package is complete.

use chrono::NaiveDate;
use yitihua::domain::resource::{Cell, TEXTBOOK, matrix, readiness};
use yitihua::domain::{
    Conclusion, Origin, Region, ResourceItem, Review, SchoolKind, SchoolProfile, Textbook,
};
use yitihua::exchange::demo;
use yitihua::store::SchoolFile;

fn textbook_item(isbn: &str) -> ResourceItem {
    ResourceItem {
        specialty: "焊接加工".into(),
        course: Some("焊条电弧焊".into()),
        kind: TEXTBOOK.into(),
        title: "焊条电弧焊（第3版）".into(),
        textbook: Some(Textbook {
            origin: Origin::Selected,
            publisher: "中国劳动社会保障出版社".into(),
            isbn: isbn.into(),
            edition: "第3版".into(),
            in_national_catalogue: true,
            chief_editor: String::new(),
            editors: Vec::new(),
        }),
        reviews: Vec::new(),
        files: Vec::new(),
    }
}

fn review(conclusion: Conclusion, day: u32) -> Review {
    Review {
        conclusion,
        reviewers: "学校教材审核委员会".into(),
        date: NaiveDate::from_ymd_opt(2024, 5, day).unwrap(),
        opinion: "意见".into(),
    }
}

#[test]
fn reviews_decide_whether_a_textbook_counts_and_their_history_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    let profile = SchoolProfile::new(
        "鄂尔多斯技师学院",
        SchoolKind::TechnicianCollege,
        Region::Ordos,
    );
    let mut file = SchoolFile::create(&path, &profile).unwrap();
    let id = file
        .add_resource(&textbook_item("978-7-5167-4321-8"))
        .unwrap();
    let count = |file: &SchoolFile| {
        let items: Vec<_> = file
            .resources(None)
            .unwrap()
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        readiness(&file.resource_kinds().unwrap(), &items, "焊接加工")[0].counted
    };
    assert_eq!(count(&file), 0, "unreviewed");
    file.add_review(id, &review(Conclusion::Reject, 1)).unwrap();
    assert_eq!(count(&file), 0, "rejected");
    file.add_review(id, &review(Conclusion::PassAfterRevision, 20))
        .unwrap();
    assert_eq!(count(&file), 1);
    drop(file);

    let file = SchoolFile::open(&path).unwrap();
    let (_, item) = file.resources(Some("焊接加工")).unwrap().remove(0);
    let history: Vec<_> = item.reviews.iter().map(|r| r.conclusion).collect();
    assert_eq!(history, [Conclusion::Reject, Conclusion::PassAfterRevision]);
    assert_eq!(count(&file), 1);
}

#[test]
fn bad_items_and_reviews_of_non_textbooks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    let profile = SchoolProfile::new("乌海技工学校", SchoolKind::TechnicalSchool, Region::Wuhai);
    let mut file = SchoolFile::create(&path, &profile).unwrap();
    let err = file
        .add_resource(&textbook_item("978-7-5167-4321-9"))
        .unwrap_err();
    assert!(err.to_string().contains("ISBN 校验位不正确"), "{err}");
    let video = ResourceItem {
        kind: "教学视频".into(),
        textbook: None,
        title: "焊接安全操作".into(),
        ..textbook_item("")
    };
    let id = file.add_resource(&video).unwrap();
    assert!(file.add_review(id, &review(Conclusion::Pass, 2)).is_err());
    let unknown = ResourceItem {
        kind: "宣传册".into(),
        ..video
    };
    assert!(file.add_resource(&unknown).is_err());
}

#[test]
fn the_large_demo_package_is_complete_for_every_declared_specialty() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo::document(demo::Size::Large)
        .create_file(&dir.path().join("large.yth"), "生成演示学校")
        .unwrap();
    let kinds = file.resource_kinds().unwrap();
    let items: Vec<_> = file
        .resources(None)
        .unwrap()
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    assert!(
        (2_500..=3_000).contains(&items.len()),
        "{} items",
        items.len()
    );
    for declaration in file.current_declarations().unwrap() {
        for s in &declaration.specialties {
            let rows = matrix(&kinds, &items, &s.name);
            assert_eq!(rows.len(), 8, "{}", s.name);
            assert!(
                rows.iter()
                    .all(|(_, cells)| cells.iter().all(|&c| c == Cell::Present))
            );
        }
    }
}

#[test]
fn the_v3_fixture_gains_the_resource_kinds_and_keeps_its_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("呼伦贝尔.yth");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/school-v3.yth"),
        &path,
    )
    .unwrap();
    let file = SchoolFile::open(&path).unwrap();
    assert_eq!(file.migrated_from(), Some(3));
    let kinds: Vec<String> = file
        .resource_kinds()
        .unwrap()
        .into_iter()
        .map(|k| k.name)
        .collect();
    assert_eq!(
        &kinds[..5],
        ["教材", "工作页", "教学案例库", "教学课件", "教学视频"]
    );
    assert_eq!(kinds.len(), 11);
    assert_eq!(file.declarations().unwrap().len(), 1);
    assert_eq!(file.catalogue().unwrap().specialties[0].name, "数控加工");
    assert!(file.resources(None).unwrap().is_empty());
}

#[test]
fn a_resource_is_corrected_deleted_and_restored_in_the_file_and_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    let profile = SchoolProfile::new("乌海市技工学校", SchoolKind::TechnicalSchool, Region::Wuhai);
    let mut file = SchoolFile::create(&path, &profile).unwrap();
    let id = file
        .add_resource(&textbook_item("978-7-5167-4321-8"))
        .unwrap();
    file.add_review(id, &review(Conclusion::Pass, 3)).unwrap();

    let mut corrected = textbook_item("978-7-5167-4321-8");
    corrected.specialty = "焊接技术应用".into();
    corrected.course = None;
    file.update_resource(id, &corrected).unwrap();
    let (_, stored) = file.resources(None).unwrap().remove(0);
    assert_eq!(stored.specialty, "焊接技术应用");
    assert_eq!(stored.course, None);
    assert_eq!(stored.reviews.len(), 1, "a correction keeps the reviews");

    let mut not_a_book = corrected.clone();
    not_a_book.kind = "工作页".into();
    not_a_book.textbook = None;
    let refused = file
        .update_resource(id, &not_a_book)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("已有 1 条审核记录，不能改为工作页"),
        "{refused}"
    );
    let mut nameless = corrected.clone();
    nameless.specialty = " ".into();
    assert!(
        file.update_resource(id, &nameless)
            .unwrap_err()
            .to_string()
            .contains("请填写专业")
    );

    let deleted = file.delete_resource(id).unwrap();
    assert!(file.resources(None).unwrap().is_empty());
    drop(file);
    let mut file = SchoolFile::open(&path).unwrap();
    file.restore_resource(&deleted).unwrap();
    let (_, back) = file.resources(None).unwrap().remove(0);
    assert_eq!(back, deleted, "all of it, reviews included");
    let events: Vec<String> = file
        .history()
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    for expected in [
        "修改资源：焊条电弧焊（第3版）",
        "删除资源：焊条电弧焊（第3版）",
        "撤销删除资源：焊条电弧焊（第3版）",
    ] {
        assert!(
            events.iter().any(|e| e == expected),
            "{expected} in {events:?}"
        );
    }
}
