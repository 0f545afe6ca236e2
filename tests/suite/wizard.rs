//! The 专业申报 wizard walked by its Chinese labels: choose a batch, choose specialties within
//! the policy's limit, fill in each, explain the warnings, confirm; the school file holds the
//! draft at every step.

use crate::common::Harness;
use yitihua::domain::{CooperationMode, Status};

fn school(kind: &str, region: &str) -> Harness {
    let mut h = Harness::start();
    h.fill("学校名称", "包头市龑堃技师学院");
    h.click(kind);
    h.click(region);
    h.click("创建");
    h.click("专业申报");
    h
}

fn stored(h: &Harness) -> yitihua::domain::Declaration {
    let mut current = h.app.file().unwrap().current_declarations().unwrap();
    assert_eq!(current.len(), 1, "one batch declared");
    current.remove(0)
}

/// Fills the open specialty of step 3 completely: one programme, one site, one partner.
fn fill_specialty(h: &mut Harness, stations: &str) {
    h.fill("计划招生人数 1", "45");
    h.click("＋ 添加教学场地");
    h.fill("场地名称 1", "一体化学习工作站");
    h.fill("面积（㎡） 1", "480");
    h.fill("工位数 1", stations);
    h.fill("班级规模 1", "40");
    h.click("＋ 添加合作企业");
    h.fill("企业名称 1", "包头北辰重型装备有限公司");
    h.fill("统一社会信用代码 1", "91350100m000100y43");
    h.fill("协议日期 1", "2022-05-16");
    h.fill("企业投入 1", "兼职教师3名");
    h.fill("一体化教师人数", "8");
}

#[test]
fn a_technician_college_declares_three_specialties_and_confirms() {
    let mut h = school("技师学院", "包头市");
    assert!(h.sees("第一批（2022-04 至 2023-07）"));
    assert!(h.sees("第三批（2024-07 至 2025-07）"));
    h.click("下一步");

    assert!(h.sees("技师学院每批次最多申报3个专业（三(一)），已选 0 个。"));
    for name in ["数控加工", "焊接加工", "汽车维修"] {
        h.click(name);
    }
    assert_eq!(stored(&h).specialties.len(), 3, "saved as chosen");
    h.click("电子商务");
    assert!(h.sees(
        "技师学院每批次申报建设专业原则上不超过3个（内人社办发〔2022〕111号 三(一)），请先取消一个已选专业。"
    ));
    assert_eq!(stored(&h).specialties.len(), 3, "the fourth is refused");
    h.fill("搜索专业名称", "汽车");
    assert!(h.sees("新能源汽车检测与维修"));
    assert!(!h.sees("数控加工"), "filtered");
    h.fill("搜索专业名称", "hjjg");
    assert!(h.sees("焊接加工"));
    assert!(
        !h.sees("新能源汽车检测与维修"),
        "filtered by pinyin initials"
    );

    h.click("下一步");
    assert!(
        h.sees("教材：缺"),
        "an empty inventory shows what the package lacks"
    );
    fill_specialty(&mut h, "30");
    assert!(h.sees("工位数少于班级规模：教学场地应与班级规模相匹配（二(三)）"));
    h.click("焊接加工");
    fill_specialty(&mut h, "40");
    h.click("汽车维修");
    fill_specialty(&mut h, "40");
    h.click("引企驻校");

    // Back and forth keeps everything; so does visiting another area.
    h.click("上一步");
    h.click("学校信息");
    h.click("专业申报");
    h.click("下一步");
    assert!(h.sees("一体化学习工作站"));

    let draft = stored(&h);
    assert_eq!(draft.status, Status::Draft);
    let cnc = &draft.specialties[0];
    assert_eq!(cnc.name, "数控加工");
    assert_eq!(cnc.programmes[0].enrolment, 45);
    assert_eq!((cnc.sites[0].stations, cnc.sites[0].class_size), (30, 40));
    assert_eq!(cnc.partners[0].credit_code, "91350100M000100Y43");
    assert_eq!(
        cnc.partners[0].agreement_date.unwrap().to_string(),
        "2022-05-16"
    );
    assert_eq!(cnc.teachers, 8);
    assert_eq!(
        draft.specialties[2].partners[0].mode,
        CooperationMode::EnterpriseOnCampus
    );

    h.click("下一步");
    // The stations warning, and the empty resource package of each of the three specialties.
    assert!(h.sees("0 个错误（须改正），4 个提醒（须填写说明）"));
    assert!(h.sees("工位数（30）少于班级规模（40），教学场地应与班级规模相匹配〔政策 二(三)〕"));
    assert!(h.sees("教学资源包缺少：教材、工作页、教学案例库、教学课件、教学视频〔政策 二(一)〕"));
    h.click("下一步");
    h.click("确认无误，标记为已校验");
    assert!(h.sees("还有错误未改正，或提醒未填写说明，暂不能标记为已校验。"));
    assert_eq!(stored(&h).status, Status::Draft);

    h.click("上一步");
    h.fill(
        "说明 1",
        "数控车间按两人一工位轮换，2025年春季学期前增设10个工位",
    );
    for n in 2..=4 {
        h.fill(
            &format!("说明 {n}"),
            "资源包按建设方案在建设期内分学期开发，教材经校审核委员会审核后使用",
        );
    }
    h.click("下一步");
    assert!(h.sees("数控加工"));
    assert!(
        h.text_containing("数控车间按两人一工位轮换，2025年春季学期前增设10个工位（针对：工位数（30）少于班级规模（40）")
            .is_some(),
        "each explanation under the warning it answers"
    );
    assert!(h.text_containing("stations:").is_none(), "no internal keys");
    h.click("确认无误，标记为已校验");
    let confirmed = stored(&h);
    assert_eq!(confirmed.status, Status::Checked);
    assert_eq!(
        confirmed.explanations["stations:数控加工:0"],
        "数控车间按两人一工位轮换，2025年春季学期前增设10个工位"
    );
    assert_eq!(
        h.app.file().unwrap().check(1).unwrap().len(),
        4,
        "the warnings stay, explained"
    );
}

#[test]
fn a_technical_school_cannot_choose_a_third_specialty_and_sees_why() {
    let mut h = school("技工学校", "赤峰市");
    h.click("下一步");
    h.click("畜牧兽医");
    h.click("会计");
    h.click("烹饪（中式烹调）");
    assert!(h.sees(
        "技工学校每批次申报建设专业原则上不超过2个（内人社办发〔2022〕111号 三(一)），请先取消一个已选专业。"
    ));
    let names: Vec<String> = stored(&h).specialties.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["畜牧兽医", "会计"]);
    h.click("会计");
    h.click("烹饪（中式烹调）");
    let names: Vec<String> = stored(&h).specialties.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["畜牧兽医", "烹饪（中式烹调）"]);
}

#[test]
fn errors_are_listed_until_fixed() {
    let mut h = school("高级技工学校", "通辽市");
    h.click("下一步");
    h.click("电子商务");
    h.click("下一步");
    h.click("下一步");
    assert!(h.sees("请填写计划招生人数〔政策 三(一)〕"));
    assert!(h.sees("请至少填写一个教学场地〔政策 二(三)〕"));
    assert!(h.sees("请填写承担该专业一体化课程的教师人数〔政策 二(四)〕"));
    h.click("上一步");
    fill_specialty(&mut h, "40");
    h.click("下一步");
    assert!(h.sees("0 个错误（须改正），1 个提醒（须填写说明）"));
    assert!(!h.sees("请至少填写一个教学场地〔政策 二(三)〕"), "fixed");
}

#[test]
fn a_later_batch_and_an_own_specialty_can_be_added() {
    let mut h = school("技师学院", "呼和浩特市");
    h.fill("批次名称", "第四批");
    h.fill("开始年月", "2026-03");
    h.fill("结束年月", "明年六月");
    let add_at = |h: &Harness| h.simulator().find("添加批次").unwrap().bounds();
    let before = add_at(&h);
    h.click("添加批次");
    assert!(h.sees("开始和结束年月请按 2026-03 的格式填写"));
    assert_eq!(add_at(&h), before, "the refusal takes room kept for it");
    h.fill("结束年月", "2027-06");
    h.click("添加批次");
    assert!(h.sees("已添加第四批（2026-03 至 2027-06）"));
    assert!(h.sees("第四批（2026-03 至 2027-06）"));
    let batches = h.app.file().unwrap().batches().unwrap();
    assert_eq!(batches.last().unwrap().number, 4);
    h.click("第三批（2024-07 至 2025-07）");
    assert!(
        h.app.file().unwrap().declarations().unwrap().is_empty(),
        "looking at a batch declares nothing"
    );

    h.click("第四批（2026-03 至 2027-06）");
    h.click("下一步");
    h.fill("新专业名称", "光伏发电系统安装与运维");
    h.click("中级工");
    h.click("高级工");
    h.click("添加专业");
    assert!(h.sees("已添加专业“光伏发电系统安装与运维”（待核对）"));
    h.click("光伏发电系统安装与运维");
    let file = h.app.file().unwrap();
    let entry = file
        .catalogue()
        .unwrap()
        .find("光伏发电系统安装与运维")
        .cloned()
        .unwrap();
    assert!(!entry.verified);
    assert_eq!(entry.source, "本校添加");
    let declared = file.current_declarations().unwrap();
    assert_eq!(declared[0].batch, 4);
    assert_eq!(declared[0].specialties[0].name, "光伏发电系统安装与运维");
}

#[test]
fn importing_the_official_catalogue_updates_entries_and_reports_bad_rows() {
    let mut h = school("技工学校", "兴安盟");
    h.click("下一步");
    let good = h.dir.path().join("目录.csv");
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "专业名称,专业代码,培养层次,已核对\n数控加工,0102-4,中级工、高级工,是\n智能制造设备技术,,高级工,是\n",
    );
    std::fs::write(&good, &gbk).unwrap();
    // No dialog came up: the path is typed, an empty one refused.
    h.run(vec![yitihua::ui::Message::Declaration(
        yitihua::ui::DeclarationMessage::CatalogueChosen(None),
    )]);
    h.click("使用此路径");
    assert!(h.sees("请输入文件的完整路径"));
    h.fill("文件路径", &good.display().to_string());
    h.click("使用此路径");
    assert!(h.sees("已导入专业目录：新增1个，更新1个"));
    assert!(!h.sees("使用此路径"), "the typed path is done with");
    assert!(h.sees("智能制造设备技术"));
    let catalogue = h.app.file().unwrap().catalogue().unwrap();
    let cnc = catalogue.find("数控加工").unwrap();
    assert!(cnc.verified);
    assert_eq!(cnc.code.as_deref(), Some("0102-4"));

    let bad = h.dir.path().join("坏.csv");
    std::fs::write(&bad, "专业名称,培养层次\n焊接加工,初级工\n").unwrap();
    h.run(vec![yitihua::ui::Message::Declaration(
        yitihua::ui::DeclarationMessage::CatalogueChosen(Some(bad)),
    )]);
    assert!(h.sees(
        "未导入，文件有误：\n第2行，培养层次：无法识别“初级工”（应为中级工、高级工或预备技师）\n第2行，培养层次：不能为空"
    ));
    assert_eq!(
        h.app.file().unwrap().catalogue().unwrap(),
        catalogue,
        "nothing changed"
    );
}

#[test]
fn a_partner_date_is_read_in_every_form_and_an_unreadable_one_is_said_not_dropped() {
    let mut h = school("技工学校", "兴安盟");
    h.click("下一步");
    h.click("数控加工");
    h.click("下一步");
    fill_specialty(&mut h, "40");
    let date = |h: &Harness| stored(h).specialties[0].partners[0].agreement_date;

    for typed in ["2024/3/15", "2024年3月15日", "2024-03-15", " 2024.3.15 "] {
        h.fill("协议日期 1", typed);
        assert_eq!(
            date(&h).map(|d| d.to_string()).as_deref(),
            Some("2024-03-15"),
            "{typed}"
        );
        assert!(h.text_containing("不是日期").is_none(), "{typed}");
    }

    h.fill("协议日期 1", "2024年13月1日");
    assert!(
        h.sees("“2024年13月1日”不是日期，未保存：请写成 2024-03-15、2024/3/15 或 2024年3月15日")
    );
    assert_eq!(
        date(&h).map(|d| d.to_string()).as_deref(),
        Some("2024-03-15"),
        "the last readable date is kept, not replaced by nothing"
    );
}

#[test]
fn a_filled_in_specialty_unchosen_and_chosen_again_keeps_its_details_and_says_the_status_went_back()
{
    let mut h = school("技工学校", "兴安盟");
    h.click("下一步");
    h.click("数控加工");
    h.click("下一步");
    fill_specialty(&mut h, "40");
    h.click("下一步");
    h.fill("说明 1", "资源包按建设方案在建设期内分学期开发");
    h.click("下一步");
    h.click("确认无误，标记为已校验");
    assert_eq!(stored(&h).status, Status::Checked);
    let filled = stored(&h).specialties[0].clone();

    h.click("上一步");
    h.click("上一步");
    h.click("上一步");
    h.click("数控加工");
    assert!(h.sees(
        "已取消“数控加工”；已填写的内容暂存，重新选择该专业即可恢复。已校验的申报有了改动，状态改回“草稿”：请在第 4 步重新检查并确认。"
    ));
    assert_eq!(stored(&h).status, Status::Draft);
    assert!(stored(&h).specialties.is_empty());

    h.click("数控加工");
    assert!(h.sees("已恢复“数控加工”此前填写的内容"));
    assert_eq!(stored(&h).specialties, [filled], "every detail came back");
    h.click("下一步");
    assert!(h.sees("一体化学习工作站"));
}

#[test]
fn a_batch_is_corrected_deleted_with_undo_and_refused_while_something_is_declared_in_it() {
    let mut h = school("技工学校", "兴安盟");
    let batches = |h: &Harness| h.app.file().unwrap().batches().unwrap();
    assert_eq!(batches(&h).len(), 3);

    // The first 修改 and 删除 are 第一批's.
    h.click("修改");
    h.fill("批次名称", "第一批（试点）");
    h.fill("结束年月", "2023-08");
    h.click("保存批次");
    assert!(h.sees("已修改第一批（试点）（2022-04 至 2023-08）"));
    assert_eq!(batches(&h)[0].name, "第一批（试点）");
    assert_eq!(batches(&h)[0].end.to_string(), "2023-08");

    h.click("删除");
    assert!(h.sees("删除第一批（试点）（2022-04 至 2023-08）？"));
    h.click("确认删除");
    assert!(h.sees("已删除第一批（试点）（2022-04 至 2023-08）"));
    assert_eq!(batches(&h).len(), 2);
    h.click("撤销");
    assert_eq!(batches(&h).len(), 3, "撤销 adds it back");
    assert_eq!(batches(&h)[0].name, "第一批（试点）");

    // Declared in, it stays, and the user is told how to undo the declaration instead.
    h.click("第一批（试点）（2022-04 至 2023-08）");
    h.click("下一步");
    h.click("数控加工");
    h.click("上一步");
    h.click("删除");
    h.click("确认删除");
    assert!(
        h.sees("第一批（试点）已申报数控加工，不能删除；若只是申报错了，可在第 2 步取消所选专业")
    );
    assert_eq!(batches(&h).len(), 3);
}

#[test]
fn a_catalogue_entry_is_renamed_with_its_declaration_and_deleted_with_undo_unless_declared() {
    let mut h = school("技师学院", "锡林郭勒盟");
    h.click("下一步");
    h.fill("新专业名称", "草原生态修复");
    h.click("中级工");
    h.click("添加专业");
    h.click("草原生态修复");
    h.fill("搜索专业名称", "草原生态");
    h.click("修改");
    assert!(h.sees("修改专业名称或培养层次；改名后，使用该名称的未签署申报、资源和课时一并更新："));
    h.fill("新专业名称", "草原生态修复技术");
    h.click("保存专业");
    assert!(h.sees("已改名：草原生态修复 → 草原生态修复技术（待核对），并已更新1 份申报"));
    let file = h.app.file().unwrap();
    assert!(file.catalogue().unwrap().find("草原生态修复").is_none());
    assert!(file.catalogue().unwrap().find("草原生态修复技术").is_some());
    assert_eq!(stored(&h).specialties[0].name, "草原生态修复技术");
    let history = h.app.file().unwrap().history().unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.event == "专业目录改名：草原生态修复 → 草原生态修复技术")
    );

    // Declared, it stays in the catalogue, and the user is told how to undo the choice.
    h.click("删除");
    assert!(h.sees("从专业目录删除“草原生态修复技术”？"));
    h.click("确认删除");
    assert!(h.sees(
        "“草原生态修复技术”已在第一批申报，不能从目录删除；若只是选错了，可在第 2 步取消选择"
    ));

    // Not declared: deleted after the question, and 撤销 puts it back in its place.
    let position = |h: &Harness, name: &str| {
        let catalogue = h.app.file().unwrap().catalogue().unwrap();
        catalogue.specialties.iter().position(|s| s.name == name)
    };
    let was = position(&h, "焊接加工");
    h.fill("搜索专业名称", "焊接加工");
    h.click("删除");
    h.click("取消");
    assert_eq!(position(&h, "焊接加工"), was, "取消 keeps it");
    h.click("删除");
    h.click("确认删除");
    assert!(h.sees("已从专业目录删除“焊接加工”"));
    assert_eq!(position(&h, "焊接加工"), None);
    h.click("撤销");
    assert!(h.sees("已恢复专业“焊接加工”"));
    assert_eq!(position(&h, "焊接加工"), was);
}

#[test]
fn a_finding_takes_the_user_to_its_field_and_a_checked_declaration_to_export() {
    let mut h = school("高级技工学校", "通辽市");
    h.click("下一步");
    h.click("电子商务");
    h.click("下一步");
    h.click("下一步");
    assert!(h.sees("请至少填写一个教学场地〔政策 二(三)〕"));
    assert!(
        h.sees("请在“教学资源包”中登记或审核"),
        "said where, not linked"
    );

    // The first 去改正 is the enrolment's: step 3 opens on 电子商务.
    h.click("去改正");
    assert!(h.sees("＋ 添加教学场地"), "step 3 is open");
    fill_specialty(&mut h, "40");
    h.click("下一步");
    assert!(h.sees("0 个错误（须改正），1 个提醒（须填写说明）"));
    h.fill("说明 1", "资源包正在建设，2025年底前完成");
    h.click("下一步");
    h.click("确认无误，标记为已校验");
    assert_eq!(stored(&h).status, Status::Checked);
    assert!(h.sees("已校验。下一步：导出申报材料 PDF，打印、签字盖章后报送盟市人社部门。"));
    h.click("去导出");
    assert!(h.sees("签字与盖章"), "导出与签署 is open");
}
