//! 资源清单 in the window, by its Chinese labels: a textbook is recorded, does not count until
//! an approving review, and each review is kept.

use crate::common::Harness;
use yitihua::domain::Conclusion;
use yitihua::exchange::demo::{Size, document};

fn textbook(h: &Harness, title: &str) -> yitihua::domain::ResourceItem {
    h.app
        .file()
        .unwrap()
        .resources(None)
        .unwrap()
        .into_iter()
        .map(|(_, i)| i)
        .find(|i| i.title == title)
        .expect("the textbook is recorded")
}

#[test]
fn a_selected_textbook_is_recorded_and_counts_only_after_an_approving_review() {
    let mut h = Harness::with_school(&document(Size::Small));
    h.click("教学资源包");
    h.click("资源清单");
    h.click("登记资源");
    h.click("汽车维修");
    h.fill("课程", "汽车电气系统检修");
    h.fill("资源名称", "汽车电气设备构造与维修");
    h.click("选用");
    h.fill("出版社", "中国劳动社会保障出版社");
    h.fill("ISBN", "978-7-5167-0000-1");
    h.click("保存资源");
    assert!(
        h.sees("ISBN 校验位不正确，请核对是否输错"),
        "a wrong check digit is refused"
    );

    h.fill("ISBN", "9787516700006");
    h.fill("版次", "第2版");
    h.click("保存资源");
    assert!(h.sees("已登记：汽车电气设备构造与维修（教材）。教材须经审核通过才计入资源包"));
    let item = textbook(&h, "汽车电气设备构造与维修");
    assert!(!item.counts(), "no review, no count");

    h.fill("搜索资源", "汽车电气设备");
    assert!(h.sees("未审核"));
    h.click("审核…");
    h.click("不予通过");
    h.fill("审核人", "学校教材审核委员会");
    h.fill("审核意见", "内容与国家课程标准不符");
    h.click("保存审核");
    assert!(h.sees("已记录审核：不予通过，不计入资源包"));
    assert!(!textbook(&h, "汽车电气设备构造与维修").counts());

    h.click("审核…");
    let today = yitihua::domain::time::beijing_date(chrono::Utc::now());
    assert!(
        h.sees(&format!(
            "{today}　不予通过　学校教材审核委员会　内容与国家课程标准不符"
        )),
        "the history is shown"
    );
    h.click("修改后通过");
    h.fill("审核人", "学校教材审核委员会");
    h.click("保存审核");
    let item = textbook(&h, "汽车电气设备构造与维修");
    assert!(item.counts());
    let conclusions: Vec<Conclusion> = item.reviews.iter().map(|r| r.conclusion).collect();
    assert_eq!(
        conclusions,
        [Conclusion::Reject, Conclusion::PassAfterRevision]
    );
}

#[test]
fn a_compiled_textbook_names_its_editors_from_the_roster() {
    let doc = document(Size::Small);
    let editor = doc.teachers[2].name.clone();
    let mut h = Harness::with_school(&doc);
    h.click("教学资源包");
    h.click("资源清单");
    h.click("登记资源");
    h.click("畜牧兽医");
    h.fill("资源名称", "牛羊常见病防治工作页汇编");
    h.click("自编");
    h.click("保存资源");
    assert!(h.sees("自编教材须填写主编"));
    let typed: String = editor.chars().take(1).collect();
    h.fill("主编", &typed);
    assert!(h.sees(&format!("名册中的教师：{editor}")) || h.sees("名册中的教师："));
    h.fill("主编", &editor);
    h.fill("编写人员", "张三、李四");
    h.click("保存资源");
    assert!(h.sees(
        "已登记：牛羊常见病防治工作页汇编（教材）。教材须经审核通过才计入资源包；张三、李四不在教师名册中"
    ));
    let book = textbook(&h, "牛羊常见病防治工作页汇编").textbook.unwrap();
    assert_eq!(book.chief_editor, editor);
    assert_eq!(book.editors, ["张三", "李四"]);
}

#[test]
fn added_files_are_hashed_and_checking_them_finds_the_changed_and_the_missing() {
    use yitihua::ui::Message;
    use yitihua::ui::screen::resources::{InventoryMessage, Message as ResourcesMessage};

    let mut h = Harness::with_school(&document(Size::Small));
    let (id, title) = h
        .app
        .file()
        .unwrap()
        .resources(None)
        .unwrap()
        .into_iter()
        .find(|(_, item)| item.kind == "教学课件")
        .map(|(id, item)| (id, item.title))
        .expect("the demo has courseware");
    h.click("教学资源包");
    h.click("资源清单");
    let video = h.dir.path().join("发动机拆装.mp4");
    let slides = h.dir.path().join("发动机拆装.pptx");
    std::fs::write(&video, b"original").unwrap();
    std::fs::write(&slides, b"slides").unwrap();
    // 添加文件… as the file dialog answers it: hashed on a thread, then recorded.
    for path in [&video, &slides] {
        h.settle(Message::Resources(ResourcesMessage::Inventory(
            InventoryMessage::FileChosen(id, Some(path.clone())),
        )));
    }
    let stored = h.app.file().unwrap().resources(None).unwrap();
    let files = &stored.iter().find(|(i, _)| *i == id).unwrap().1.files;
    let recorded = yitihua::exchange::files::hash(&video, |_, _| {}).unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].sha256, recorded.sha256, "the hash is stored");
    assert!(h.text_containing("已添加文件").is_some());

    std::fs::write(&video, b"edited!!").unwrap();
    std::fs::remove_file(&slides).unwrap();
    h.click_and_settle("检查文件");
    assert!(h.sees("检查了 2 个文件，2 个缺失或已改动。"));
    assert!(h.sees(&format!("已改动：{title}　{}", video.display())));
    assert!(h.sees(&format!("缺失：{title}　{}", slides.display())));
}

fn titled(h: &Harness, title: &str) -> Vec<yitihua::domain::ResourceItem> {
    h.app
        .file()
        .unwrap()
        .resources(None)
        .unwrap()
        .into_iter()
        .map(|(_, i)| i)
        .filter(|i| i.title == title)
        .collect()
}

#[test]
fn a_mistyped_resource_is_corrected_and_a_deleted_one_comes_back_with_its_review() {
    // A sheet brought the typo in: the form itself offers only the declared specialties.
    let mut doc = document(Size::Small);
    doc.resources.push(yitihua::domain::ResourceItem {
        specialty: "汽车维修专业".into(),
        course: None,
        kind: "工作页".into(),
        title: "发动机拆装工作页".into(),
        textbook: None,
        reviews: Vec::new(),
        files: Vec::new(),
    });
    let mut h = Harness::with_school(&doc);
    let before = h.app.file().unwrap().resources(None).unwrap().len() - 1;
    h.click("教学资源包");
    h.click("资源清单");

    // The typo in the specialty is corrected in place: no second item, no phantom specialty.
    h.fill("搜索资源", "发动机拆装工作页");
    h.click("修改");
    assert!(h.sees("修改资源"));
    assert!(h.sees("“汽车维修专业”不是本校申报的专业，请在上面改选"));
    h.click("保存资源");
    assert_eq!(
        titled(&h, "发动机拆装工作页")[0].specialty,
        "汽车维修专业",
        "an undeclared specialty is refused, not stored again"
    );
    h.click("汽车维修");
    h.fill("课程", "设备");
    h.click("设备操作与日常维护");
    h.click("保存资源");
    assert!(h.sees("已修改：发动机拆装工作页（工作页）"));
    let items = titled(&h, "发动机拆装工作页");
    assert_eq!(items.len(), 1, "corrected, not added");
    assert_eq!(items[0].specialty, "汽车维修");
    assert_eq!(
        items[0].course.as_deref(),
        Some("设备操作与日常维护"),
        "a course the specialty already has is picked, not retyped"
    );
    assert!(
        !h.sees("汽车维修专业"),
        "the mistyped specialty is gone from the filters"
    );

    // Delete asks first; 取消 keeps it.
    h.click("删除");
    assert!(h.sees("删除“发动机拆装工作页”？"));
    h.click("取消");
    assert_eq!(titled(&h, "发动机拆装工作页").len(), 1);

    // A reviewed textbook: deleting says what goes with it, and 撤销 brings all of it back.
    h.click("登记资源");
    h.click("汽车维修");
    h.fill("资源名称", "汽车发动机构造与维修");
    h.click("教材");
    h.click("自编");
    h.fill("主编", "张伟");
    h.click("保存资源");
    h.fill("搜索资源", "汽车发动机构造与维修");
    h.click("审核…");
    h.click("通过");
    h.fill("审核人", "学校教材审核委员会");
    h.click("保存审核");
    h.click("删除");
    assert!(h.sees("删除“汽车发动机构造与维修”及其1 条审核记录？"));
    h.click("确认删除");
    assert!(h.sees("已删除：汽车发动机构造与维修"));
    assert!(titled(&h, "汽车发动机构造与维修").is_empty());
    let history = h.app.file().unwrap().history().unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.event == "删除资源：汽车发动机构造与维修")
    );

    h.click("撤销");
    assert!(h.sees("已恢复：汽车发动机构造与维修"));
    let back = titled(&h, "汽车发动机构造与维修");
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].reviews.len(), 1, "the review came back with it");
    assert!(back[0].counts());
    assert_eq!(
        h.app.file().unwrap().resources(None).unwrap().len(),
        before + 2
    );
}
