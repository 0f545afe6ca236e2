//! 导出与签署 in the window: the check comes first, an error blocks export, and the signature
//! and seal images are stored for printing.

use crate::common::Harness;
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
fn the_packet_is_written_whole_where_the_save_dialog_pointed() {
    let mut h = Harness::with_school(&document(Size::Small));
    h.click("导出与签署");
    h.fill("落款日期", "2026年11月29日");
    let path = h.dir.path().join("第一批申报材料.pdf");
    h.settle(Message::Export(ExportMessage::PathChosen(Some(
        path.clone(),
    ))));
    let notice = h.text_containing("已导出").expect("a notice");
    assert!(
        notice.starts_with(&format!("已导出：{}（", path.display())),
        "{notice}"
    );
    let pdf = lopdf::Document::load(&path).expect("a whole PDF");
    assert!(pdf.get_pages().len() > 5);
    let names: Vec<_> = std::fs::read_dir(h.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf") || n.contains(".part"))
        .collect();
    assert_eq!(
        names,
        ["第一批申报材料.pdf"],
        "nothing else is left beside it"
    );

    // A folder that is gone by the time the packet is written: said, and nothing written.
    let gone = h.dir.path().join("已删除的文件夹").join("申报材料.pdf");
    h.settle(Message::Export(ExportMessage::PathChosen(Some(gone))));
    let notice = h.text_containing("无法写入").expect("a notice");
    assert!(notice.contains("找不到该文件或文件夹"), "{notice}");
    assert!(
        h.is_enabled("导出申报材料…"),
        "the window is ready for another try"
    );

    // No dialog came up (or it was cancelled): the path is typed instead, and a typed name that
    // is taken is refused, since no dialog asked whether to replace it.
    h.settle(Message::Export(ExportMessage::PathChosen(None)));
    assert!(h.sees(
        "没有选择文件。如果文件对话框没有出现（有的系统缺少桌面门户），可在此输入文件的完整路径："
    ));
    let typed = h.dir.path().join("手输路径");
    h.fill("文件路径", &format!("\"{}\"", typed.display()));
    h.click_and_settle("使用此路径");
    let written = typed.with_extension("pdf");
    assert!(
        lopdf::Document::load(&written).is_ok(),
        "a whole PDF at the typed path"
    );
    h.settle(Message::Export(ExportMessage::PathChosen(None)));
    h.fill("文件路径", &written.display().to_string());
    h.click("使用此路径");
    assert!(h.sees(&format!(
        "已有文件 {}：请换一个文件名，或先把原文件移走",
        written.display()
    )));
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

#[test]
fn a_key_is_created_with_the_passphrase_twice_and_a_signed_packet_verifies() {
    use yitihua::ui::screen::export::SigningMessage;
    let doc = document(Size::Small);
    let mut h = Harness::with_school(&doc);
    h.click("导出与签署");
    h.fill("新口令", "短口令");
    h.fill("再次输入新口令", "短口令");
    h.click("创建签署密钥");
    assert!(h.sees("口令至少8个字符"));
    h.fill("新口令", "巴林右旗技工学校2026");
    h.fill("再次输入新口令", "巴林右旗技工学校2025");
    h.click("创建签署密钥");
    assert!(h.sees("两次输入的口令不一致"));
    h.fill("再次输入新口令", "巴林右旗技工学校2026");
    h.click("创建签署密钥");
    let key = h
        .app
        .file()
        .unwrap()
        .signing_key()
        .unwrap()
        .expect("a key is stored");
    let fingerprint = yitihua::sign::fingerprint(&key.certificate);
    assert!(h.sees(&format!("已创建签署密钥，证书指纹：{fingerprint}")));

    // A mistyped 签署口令 is said on 导出申报材料… itself, before any save dialog, and nothing
    // is written.
    h.fill("签署口令", "巴林右旗技工学校2025");
    h.settle(Message::Export(ExportMessage::Export));
    assert!(h.sees("签署口令不正确，请重新输入；忘记口令时，可在“数字签名”中更换密钥"));
    assert_eq!(
        std::fs::read_dir(h.dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "pdf")
            })
            .count(),
        0
    );

    // 导出申报材料… with the 签署口令: the packet is built and signed on a thread and written
    // where the save dialog pointed.
    h.fill("签署口令", "巴林右旗技工学校2026");
    let path = h.dir.path().join("申报材料.pdf");
    h.settle(Message::Export(ExportMessage::PathChosen(Some(
        path.clone(),
    ))));
    assert!(
        h.text_containing("已导出并签署").is_some(),
        "the notice says it was signed"
    );
    let verified = yitihua::sign::verify_pdf(&std::fs::read(&path).unwrap(), &[key.certificate])
        .expect("a signed packet");
    assert!(verified.intact && verified.trusted);
    h.run(vec![Message::Export(ExportMessage::Signing(
        SigningMessage::PacketChosen(Some(path)),
    ))]);
    assert!(h.sees(&format!("签署人：{}", doc.school.name)));
    assert!(h.sees("文件完整：签署后未被改动"));
    assert!(
        h.sees("证书：与信任的证书一致"),
        "the school's own certificate"
    );
}
