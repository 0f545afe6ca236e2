//! The window driven headless (iced_test's Simulator on tiny-skia), by the Chinese labels a
//! user sees. Each test asserts what the school file and the screen now hold.

use crate::common::{Harness, launch};
use yitihua::domain::{Region, SchoolKind};
use yitihua::store::SchoolFile;
use yitihua::ui::{App, Message};

/// First run: the form creates the default file; the profile is filled and saved; after a
/// restart the app reopens the same file and shows the saved values.
#[test]
fn first_run_creates_the_school_then_the_profile_survives_a_restart() {
    let mut h = Harness::start();
    assert!(h.sees("欢迎使用！先填写学校的基本信息"));
    assert_eq!(h.app.title(), "工学一体化申报助手");

    h.fill("学校名称", "包头市第一技工学校");
    h.click("技工学校");
    h.click("包头市");
    h.click("创建");

    assert!(h.dir.path().join("学校.yth").exists());
    assert_eq!(h.app.title(), "工学一体化申报助手 — 包头市第一技工学校");
    assert!(h.sees("学校信息"));
    assert!(!h.is_enabled("保存"), "nothing changed yet");

    h.fill("统一社会信用代码", "91350100m000100y43");
    h.fill("地址", "包头市青山区幸福路8号");
    h.fill("校长", "额尔敦毕力格");
    h.fill("教务处负责人", "乌日娜");
    h.fill("联系人", "王堃");
    h.fill("联系电话", "0472-5151234");
    h.click("高级技工学校");
    assert!(h.sees("有未保存的修改"));
    h.click("保存");
    assert!(h.sees("已保存。"));

    let stored = h.stored();
    assert_eq!(
        stored.credit_code, "91350100M000100Y43",
        "stored upper-case"
    );
    assert_eq!(stored.kind, SchoolKind::SeniorTechnicalSchool);
    assert_eq!(stored.region, Region::Baotou);
    assert_eq!(stored.principal, "额尔敦毕力格");

    h.restart();
    assert_eq!(h.app.title(), "工学一体化申报助手 — 包头市第一技工学校");
    assert!(h.sees("额尔敦毕力格"));
    assert!(h.sees("91350100M000100Y43"));
    assert!(h.sees("0472-5151234"));
    assert_eq!(h.stored(), stored);
}

#[test]
fn an_invalid_credit_code_shows_its_error_and_save_stays_disabled() {
    let mut h = Harness::start();
    h.fill("学校名称", "赤峰技师学院");
    h.click("技师学院");
    h.click("赤峰市");
    h.click("创建");

    h.fill("统一社会信用代码", "91350100M000100Y44");
    assert!(h.sees("校验位不正确，请核对是否输错"));
    assert!(!h.is_enabled("保存"));
    h.click("保存");
    assert_eq!(h.stored().credit_code, "");

    h.fill("统一社会信用代码", "9135");
    assert!(h.sees("统一社会信用代码应为18位，当前为4位"));
    h.fill("联系电话", "12345");
    assert!(h.sees("请填写11位手机号，或带区号的座机号（如 0471-1234567，分机号用“-”接在后面）"));
    assert!(!h.is_enabled("保存"));

    h.fill("统一社会信用代码", "91350100M000100Y43");
    h.fill("联系电话", "13904711234");
    assert!(!h.sees("校验位不正确，请核对是否输错"));
    assert!(h.is_enabled("保存"));
}

#[test]
fn discard_restores_the_saved_values() {
    let mut h = Harness::start();
    h.fill("学校名称", "通辽技工学校");
    h.click("技工学校");
    h.click("通辽市");
    h.click("创建");
    h.fill("校长", "巴特尔");
    h.click("保存");

    h.fill("校长", "张三");
    h.click("锡林郭勒盟");
    assert!(h.sees("张三"));
    h.click("放弃修改");
    assert!(h.sees("巴特尔"));
    assert!(!h.sees("张三"));
    assert!(!h.is_enabled("保存"));
    assert!(!h.is_enabled("放弃修改"));
    assert_eq!(h.stored().region, Region::Tongliao);
}

#[test]
fn leaving_with_unsaved_edits_asks_first() {
    let mut h = Harness::start();
    h.fill("学校名称", "乌海技工学校");
    h.click("技工学校");
    h.click("乌海市");
    h.click("创建");

    h.fill("联系人", "李喆");
    h.click("专业申报");
    assert!(h.sees("学校信息有未保存的修改"), "the dialog asks");
    h.click("留在此页");
    assert!(!h.sees("学校信息有未保存的修改"));
    assert!(h.sees("李喆"), "the edit is still there");

    h.click("教师与课时");
    h.click("保存并离开");
    assert!(h.sees("新增教师"), "moved on to the next area");
    assert_eq!(h.stored().contact, "李喆");

    h.click("学校信息");
    h.fill("联系人", "王五");
    h.click("关闭文件");
    h.click("不保存");
    assert!(h.sees("新建学校文件…"), "back on the welcome screen");
    assert!(h.app.file().is_none());
    let file = SchoolFile::open(&h.dir.path().join("学校.yth")).unwrap();
    assert_eq!(file.profile().unwrap().contact, "李喆");
}

#[test]
fn welcome_offers_new_open_and_recent_files_and_new_creates_where_chosen() {
    let mut h = Harness::start();
    h.click("取消");
    assert!(h.sees("新建学校文件…"));
    assert!(h.sees("打开…"));
    assert!(h.sees("还没有打开过学校文件。"));

    // The save dialog answers with a path without extension; cancelling changes nothing.
    h.run(vec![Message::NewFileChosen(None)]);
    assert!(h.sees("新建学校文件…"));
    let chosen = h.dir.path().join("阿拉善");
    h.run(vec![Message::NewFileChosen(Some(chosen))]);
    h.fill("学校名称", "阿拉善盟技工学校");
    h.click("技工学校");
    h.click("阿拉善盟");
    h.click("创建");
    let created = h.dir.path().join("阿拉善.yth");
    assert_eq!(h.app.file().unwrap().path(), created);

    h.click("关闭文件");
    assert!(
        h.sees("阿拉善盟技工学校"),
        "listed under recent files by the school's name"
    );
    assert!(
        h.text_containing("阿拉善.yth").is_some(),
        "with the file's name beside its folder"
    );
    h.click("阿拉善盟技工学校");
    assert_eq!(h.app.title(), "工学一体化申报助手 — 阿拉善盟技工学校");

    // Where no open dialog comes up, the file's path is typed.
    h.click("关闭文件");
    h.run(vec![Message::OpenFileChosen(None)]);
    h.fill("文件路径", &created.display().to_string());
    h.click("使用此路径");
    assert_eq!(h.app.file().unwrap().path(), created);
}

#[test]
fn the_demo_school_opens_from_the_welcome_screen_and_help_says_where_the_data_is() {
    let mut h = Harness::start();
    h.click("取消");
    h.click("帮助");
    assert!(h.sees("数据存放在哪里"));
    assert!(h.sees("默认学校文件"));
    h.click("知道了");
    assert!(!h.sees("数据存放在哪里"));

    h.click("打开演示学校");
    let demo = h.dir.path().join("演示学校.yth");
    assert_eq!(
        h.app.file().unwrap().path(),
        demo,
        "made beside the default file"
    );
    let name = h.app.file().unwrap().profile().unwrap().name;
    assert_eq!(h.app.title(), format!("工学一体化申报助手 — {name}"));

    // In a file, 帮助 also names the file and its backups.
    h.click("帮助");
    assert!(h.sees(&demo.display().to_string()));
    h.click("知道了");
    h.click("关闭文件");
    h.click("打开演示学校");
    assert_eq!(
        h.app.file().unwrap().path(),
        demo,
        "the same demo, reopened"
    );
}

#[test]
fn a_refused_file_is_explained_on_the_welcome_screen() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("报表.yth");
    std::fs::write(&bogus, "不是数据库").unwrap();
    let app = App::new(launch(dir.path(), Some(bogus.clone())));
    let h = Harness { app, dir };
    assert!(h.app.file().is_none());
    let mut ui = h.simulator();
    let message = format!(
        "{}\n这不是学校文件（.yth）：文件内容不是本程序的数据格式。",
        bogus.display()
    );
    assert!(ui.find(message.as_str()).is_ok());
    assert_eq!(std::fs::read_to_string(&bogus).unwrap(), "不是数据库");
}

#[test]
fn creating_requires_name_kind_and_region() {
    let mut h = Harness::start();
    let create_at = |h: &Harness| h.simulator().find("创建").unwrap().bounds();
    let before = create_at(&h);
    h.click("创建");
    assert_eq!(
        create_at(&h),
        before,
        "the refusals take room kept for them: 创建 stays under the pointer"
    );
    assert!(h.sees("请填写学校名称"));
    assert!(h.sees("请选择学校类型"));
    assert!(h.sees("请选择所属盟市"));
    assert!(!h.dir.path().join("学校.yth").exists());
}

#[test]
fn the_resource_package_area_shows_what_each_specialty_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("赤峰.yth");
    drop(
        yitihua::exchange::demo::document(yitihua::exchange::demo::Size::Small)
            .create_file(&path, "生成演示学校")
            .unwrap(),
    );
    let app = App::new(launch(dir.path(), Some(path)));
    let mut h = Harness { app, dir };
    h.click("教学资源包");
    assert!(h.sees("汽车维修"));
    assert!(h.sees("畜牧兽医"));
    assert!(
        h.sees("教学视频：缺"),
        "the small school has no videos for 汽车维修"
    );
    assert!(h.sees("教材：6项（计入6）"));
    assert!(h.sees("基础加工与安全生产"), "a course row of the matrix");
}
