//! The receiving office at the window: a 汇总文件 is created from the welcome screen, a folder
//! of real packets is received on a thread to the file on disk, the targets and the 汇总表 say
//! what came in, and an opinion is written, undone, and a new certificate accepted, all by the
//! labels on screen.

use yitihua::domain::rollup::Opinion;
use yitihua::ui::Message;
use yitihua::ui::screen::rollup::Message as RollupMessage;

use crate::common::{Harness, launch};
use crate::rollup::packets;

#[test]
fn an_office_creates_its_file_from_the_welcome_screen() {
    let mut h = Harness::start();
    // No file yet: the first-run form for a school, which offers an office its own file.
    assert!(h.sees("盟市、自治区人社部门收取各校申报材料，不填学校信息："));
    h.click("新建汇总文件…");
    assert!(h.sees("最近打开"), "the welcome screen, under the dialog");
    let path = h.dir.path().join("包头汇总.yhz");
    h.run(vec![Message::NewRollupChosen(Some(path.clone()))]);
    assert!(h.sees("新建汇总文件"));
    h.fill("单位名称", "包头市人力资源和社会保障局");
    h.click("盟市");
    h.click("创建");
    assert!(h.sees("盟市单位须选择所属盟市"));
    assert!(
        !path.exists(),
        "nothing is created while the form is refused"
    );
    h.click("包头市");
    h.click("创建");
    assert!(h.sees("包头市人力资源和社会保障局（盟市 · 包头市）"));
    assert!(h.sees("还没有收取申报材料。"));
    assert!(h.sees("0 / 20"));
    let office = h.app.rollup_file().unwrap().office().unwrap();
    assert_eq!(office.region.map(|r| r.name()), Some("包头市"));

    // A school's certificate, sent ahead of its packets, is trusted from a file.
    assert!(h.is_enabled("信任学校证书…"));
    let pem = h.dir.path().join("包头技师学院.pem");
    std::fs::write(
        &pem,
        yitihua::sign::certificate_pem(&packets().keys[5].certificate_der),
    )
    .unwrap();
    h.run(vec![Message::Rollup(RollupMessage::CertificateChosen(
        Some(pem),
    ))]);
    assert!(h.text_containing("已信任包头技师学院").is_some());
    let pins = h.app.rollup_file().unwrap().pins().unwrap();
    assert_eq!(pins.len(), 1);
    // Closed and opened again from the recent list, by the office's name.
    h.click("关闭文件");
    h.click("包头市人力资源和社会保障局");
    assert!(h.app.rollup_file().is_some());
}

#[test]
fn a_folder_is_received_and_the_office_writes_its_opinion() {
    let p = packets();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("自治区汇总.yhz");
    drop(
        yitihua::store::RollupFile::create(
            &path,
            &yitihua::domain::rollup::Office {
                name: "内蒙古自治区人力资源和社会保障厅".into(),
                level: yitihua::domain::rollup::OfficeLevel::Autonomous,
                region: None,
            },
        )
        .unwrap(),
    );
    let mut h = Harness {
        app: yitihua::ui::App::new(launch(dir.path(), Some(path))),
        dir,
    };
    assert!(h.sees("内蒙古自治区人力资源和社会保障厅（自治区）"));

    // 收取文件夹… opens a folder dialog; the test answers it as the dialog would.
    h.settle(Message::Rollup(RollupMessage::Chosen(Some(vec![
        p.folder(),
    ]))));
    assert!(h.sees("已处理16份申报材料：有效13份，需处理3份（见下）。"));
    assert!(
        h.text_containing("60-改动.pdf：呼和浩特第一技工学校，第1批，已改动")
            .is_some()
    );
    assert_eq!(
        h.app.rollup_file().unwrap().received().unwrap().len(),
        16,
        "the packets are in the file on disk"
    );
    assert!(h.sees("19 / 20"));
    assert!(h.sees("11 / 10"));
    assert!(h.sees("证书不符"));
    assert!(h.sees("未签名"));
    // The changed copy stands for nothing but is not hidden: its school's row says it is kept.
    assert!(h.sees("另有1份已改动（留作证据）"));
    assert!(h.sees("已替代较早的1份"), "the resubmission's row");
    assert!(
        h.text_containing("“汽车维修”由4所学校申报").is_some(),
        "the cross-school notes are shown"
    );

    // One school's row, by the filter; its opinion: 推荐 with words.
    h.fill("筛选", "包头第一技工学校");
    h.click("填写意见");
    h.click("保存意见");
    assert!(h.sees("请选择推荐、不推荐或待定"), "no opinion chosen yet");
    h.click(Opinion::Recommend.name());
    h.fill("意见说明", "材料齐全，同意推荐");
    h.click("保存意见");
    assert!(h.sees("已记录对包头第一技工学校第1批的意见：推荐。"));
    assert!(h.sees("推荐：材料齐全，同意推荐"));
    let verdicts = h.app.rollup_file().unwrap().verdicts().unwrap();
    assert_eq!(verdicts.len(), 1);
    // Once one is 推荐, only 推荐 ones count: the school's two specialties, itself, its
    // trained teachers.
    assert!(h.sees("2 / 20"));
    assert!(h.sees("1 / 10"));

    // 撤销 takes the opinion back; the count is the region's again.
    h.click("撤销");
    assert!(h.app.rollup_file().unwrap().verdicts().unwrap().is_empty());
    assert!(h.sees("19 / 20"));

    // The re-signed school's new certificate, checked with the school, is accepted.
    h.fill("筛选", "证书不符");
    h.click("接受新证书");
    assert!(h.text_containing("已接受第").is_some());
    h.fill("筛选", "");
    assert!(h.sees("21 / 20"));
    assert!(h.sees("12 / 10"));

    // Both outputs are written on a thread to the file on disk (the test answers the dialog).
    assert!(h.is_enabled("导出推荐汇总表 PDF…"));
    let pdf = h.dir.path().join("推荐汇总表.pdf");
    h.settle(Message::Rollup(RollupMessage::PdfPath(Some(pdf.clone()))));
    assert!(h.text_containing("已导出：").is_some());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let xlsx = h.dir.path().join("汇总表.xlsx");
    h.settle(Message::Rollup(RollupMessage::XlsxPath(Some(xlsx.clone()))));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

fn office_window(name: &str, office: yitihua::domain::rollup::Office) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    drop(yitihua::store::RollupFile::create(&path, &office).unwrap());
    Harness {
        app: yitihua::ui::App::new(launch(dir.path(), Some(path))),
        dir,
    }
}

#[test]
fn a_league_forwards_signed_and_the_region_sees_whose_opinion() {
    use yitihua::domain::Region;
    use yitihua::domain::rollup::{Office, OfficeLevel};
    let p = packets();
    let mut league = office_window(
        "包头汇总.yhz",
        Office {
            name: "包头市人力资源和社会保障局".into(),
            level: OfficeLevel::League,
            region: Some(Region::Baotou),
        },
    );
    let schools = p.paths(&crate::rollup::BAOTOU);
    league.settle(Message::Rollup(RollupMessage::Chosen(Some(schools))));
    assert!(league.sees("已收取3份申报材料，全部有效。"));
    league.fill("筛选", "包头技师学院");
    league.click("填写意见");
    league.click(Opinion::Recommend.name());
    league.fill("意见说明", "同意推荐");
    league.click("保存意见");

    // The 转报 card: a key is made from the passphrase typed twice, and a mismatch is said.
    assert!(league.sees("转报自治区"));
    let key = |h: &Harness| h.app.rollup_file().unwrap().signing_key().unwrap();
    league.fill("签署口令", "包头市转报签署口令");
    league.fill("再次输入签署口令", "包头市转报签署口令2");
    league.click("创建签署密钥");
    assert!(league.sees("两次输入的口令不一致"));
    assert!(key(&league).is_none());
    league.fill("再次输入签署口令", "包头市转报签署口令");
    league.click("创建签署密钥");
    assert!(
        league
            .text_containing("已创建本单位的签署密钥和证书")
            .is_some()
    );
    assert!(key(&league).is_some());

    // A wrong passphrase writes nothing and says so; the right one writes the signed file.
    let out = league.dir.path().join("包头转报.pdf");
    league.fill("签署口令", "这不是本单位的口令");
    league.settle(Message::Rollup(RollupMessage::ForwardPath(Some(
        out.clone(),
    ))));
    assert!(league.text_containing("口令不正确").is_some());
    assert!(!out.exists());
    league.fill("签署口令", "包头市转报签署口令");
    assert!(league.is_enabled("导出转报材料…"));
    league.settle(Message::Rollup(RollupMessage::ForwardPath(Some(
        out.clone(),
    ))));
    assert!(
        league
            .text_containing("已导出转报材料（随附申报材料3份，已签署）")
            .is_some()
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(yitihua::sign::verify_pdf(&bytes, &[]).unwrap().intact);

    // The 自治区 receives it as a dropped file: no 转报 card there, and each row says which
    // 盟市 forwarded it with what opinion.
    let mut region = office_window(
        "自治区汇总.yhz",
        Office {
            name: "内蒙古自治区人力资源和社会保障厅".into(),
            level: OfficeLevel::Autonomous,
            region: None,
        },
    );
    assert!(!region.sees("转报自治区"));
    region.settle(Message::FileDropped(out.clone()));
    assert!(region.sees("已收取3份申报材料，全部有效。"));
    assert!(region.sees("经包头市人力资源和社会保障局转报，意见：推荐（同意推荐）"));
    assert!(region.sees("经包头市人力资源和社会保障局转报，未填写意见"));
    let received = region.app.rollup_file().unwrap().received().unwrap();
    assert_eq!(received.len(), 3);
    assert!(received.iter().all(|r| r.forwarded.is_some()));

    // A forgotten passphrase: a new key takes the old one's place.
    let old = key(&league).unwrap();
    league.click("忘记口令，更换密钥");
    league.fill("签署口令", "包头市新的签署口令");
    league.fill("再次输入签署口令", "包头市新的签署口令");
    league.click("更换签署密钥");
    assert!(
        league
            .text_containing("已创建本单位的签署密钥和证书")
            .is_some()
    );
    let new = key(&league).unwrap();
    assert_ne!(new.certificate, old.certificate);
    let again = league.dir.path().join("包头转报（新密钥）.pdf");
    league.fill("签署口令", "包头市新的签署口令");
    league.settle(Message::Rollup(RollupMessage::ForwardPath(Some(
        again.clone(),
    ))));
    assert!(again.exists());
    let pem = league.dir.path().join("包头市人社局.pem");
    assert!(league.is_enabled("导出本单位证书…"));
    league.settle(Message::Rollup(RollupMessage::OfficeCertificatePath(Some(
        pem.clone(),
    ))));
    assert!(league.text_containing("已导出本单位证书").is_some());

    // The 自治区 refuses the 转报材料 signed with the new key until it trusts the new certificate.
    region.settle(Message::FileDropped(again.clone()));
    assert!(
        region
            .text_containing("所用签署证书与此前登记的不同")
            .is_some()
    );
    region.run(vec![Message::Rollup(RollupMessage::CertificateChosen(
        Some(pem),
    ))]);
    assert!(
        region
            .text_containing("已改为信任转报单位包头市人力资源和社会保障局的新证书")
            .is_some()
    );
    region.settle(Message::FileDropped(again));
    assert!(region.sees("已收取3份申报材料，全部有效。"));
    assert_eq!(
        region.app.rollup_file().unwrap().received().unwrap().len(),
        3
    );
}
