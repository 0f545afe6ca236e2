//! 导出与签署 in the window: the check comes first, an error blocks export, and the signature
//! and seal images are stored for printing.

mod common;

use common::Harness;
use yitihua::domain::signature::SignatureRole;
use yitihua::exchange::demo::{Size, document};
use yitihua::ui::Message;
use yitihua::ui::screen::export::Message as ExportMessage;

const ICON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/icons/hicolor/64x64/apps/yitihua.png"
);

#[test]
fn the_findings_come_first_and_images_are_kept_for_the_signature_page() {
    let mut h = Harness::with_school(&document(Size::Small));
    h.click("导出与签署");
    assert!(h.sees("校内审核：0 个错误，2 个提醒"));
    assert!(h.is_enabled("导出申报材料…"));
    assert!(h.sees("未存图片：打印签字横线"));

    h.run(vec![Message::Export(ExportMessage::ImageChosen(
        SignatureRole::Seal,
        Some(ICON.into()),
    ))]);
    assert!(h.sees("已保存学校公章图片"));
    assert!(h.sees("已存图片（64×64，透明背景）"));
    let stored = h
        .app
        .file()
        .unwrap()
        .signature_image(SignatureRole::Seal)
        .unwrap();
    assert_eq!(stored, Some(std::fs::read(ICON).unwrap()));

    let not_png = h.dir.path().join("公章.jpg");
    std::fs::write(&not_png, b"\xff\xd8\xff\xe0 jpeg").unwrap();
    h.run(vec![Message::Export(ExportMessage::ImageChosen(
        SignatureRole::Principal,
        Some(not_png),
    ))]);
    assert!(h.sees("不是 PNG 图片：请用扫描软件或画图工具另存为 PNG"));
    assert_eq!(
        h.app
            .file()
            .unwrap()
            .signature_image(SignatureRole::Principal)
            .unwrap(),
        None
    );
}

#[test]
fn an_error_in_the_declaration_blocks_export() {
    let mut doc = document(Size::Small);
    // A third specialty: over a 技工学校's limit of two per batch.
    let mut third = doc.declarations[0].specialties[0].clone();
    third.name = "电子商务".into();
    doc.declarations[0].specialties.push(third);
    let mut h = Harness::with_school(&doc);
    h.click("导出与签署");
    assert!(h.sees("有错误未改正，不能导出。请先在“专业申报”中改正。"));
    assert!(!h.is_enabled("导出申报材料…"));
}
