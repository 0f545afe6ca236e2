//! 教师与课时 in the window, by its Chinese labels: the roster form, 教师填报 by keyboard, and
//! importing a sheet through the dry run.

use crate::common::Harness;
use yitihua::domain::{Amount, CourseKind, Employment, TeacherLevel};
use yitihua::exchange::demo::{Size, document};
use yitihua::exchange::import::TableKind;
use yitihua::exchange::table::Table;
use yitihua::ui::Message;
use yitihua::ui::screen::workload::{ImportMessage, Message as WorkloadMessage};

fn teachers(h: &Harness) -> Vec<yitihua::domain::Teacher> {
    h.app.file().unwrap().teachers().unwrap()
}

#[test]
fn the_roster_form_adds_a_teacher_and_says_what_is_missing() {
    let mut h = Harness::start();
    h.fill("学校名称", "兴安盟技工学校");
    h.click("技工学校");
    h.click("兴安盟");
    h.click("创建");
    h.click("教师与课时");
    assert!(h.sees("名册中还没有教师：可逐个新增，或在“导入表格”中导入 Excel 名册。"));

    h.click("新增教师");
    h.fill("工号", "T001");
    h.fill("系部", "汽车工程系");
    h.click("企业聘用");
    h.click("保存教师");
    assert!(h.sees("教师（T001）：姓名不能为空"));
    assert!(
        teachers(&h).is_empty(),
        "nothing saved while the form is wrong"
    );

    h.fill("姓名", "额尔敦毕力格");
    h.fill("聘用企业", "包头北方奔驰重型汽车有限责任公司");
    h.click("一级");
    h.fill("职称", "技师");
    h.click("保存教师");
    assert!(h.sees("已保存：额尔敦毕力格（T001）"));
    let saved = teachers(&h);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].employment, Employment::FromEnterprise);
    assert_eq!(saved[0].enterprise, "包头北方奔驰重型汽车有限责任公司");
    assert_eq!(saved[0].level, TeacherLevel::First);
    assert_eq!(saved[0].title, "技师");
    assert!(
        h.sees("企业聘用（包头北方奔驰重型汽车有限责任公司）"),
        "the row is in the table"
    );

    h.click("修改");
    h.click("二级");
    h.click("保存教师");
    assert_eq!(teachers(&h)[0].level, TeacherLevel::Second);
    assert_eq!(teachers(&h).len(), 1, "changed, not added");
}

#[test]
fn an_enterprise_hire_without_the_enterprise_is_saved_and_marked_to_complete() {
    let mut h = Harness::start();
    h.fill("学校名称", "兴安盟技工学校");
    h.click("技工学校");
    h.click("兴安盟");
    h.click("创建");
    h.click("教师与课时");

    h.click("新增教师");
    h.fill("工号", "T001");
    h.fill("姓名", "额尔敦毕力格");
    h.fill("系部", "汽车工程系");
    h.click("企业聘用");
    assert!(
        h.sees("聘用企业待补充：可先保存，名册和校内审核会列出，稍后补全"),
        "the form says what is still to complete before saving"
    );
    h.click("保存教师");
    assert!(h.sees("已保存：额尔敦毕力格（T001），聘用企业待补充。补全后点“修改”再保存即可"));
    let saved = teachers(&h);
    assert_eq!(saved.len(), 1, "saved although the enterprise is missing");
    assert_eq!(saved[0].employment, Employment::FromEnterprise);
    assert_eq!(saved[0].enterprise, "");
    assert!(h.sees("待补充 1 项"), "the roster marks the teacher");
    assert!(h.sees("其中 1 位有待补充的项目"));

    h.click("修改");
    h.fill("聘用企业", "包头北方奔驰重型汽车有限责任公司");
    h.click("保存教师");
    assert!(h.sees("已保存：额尔敦毕力格（T001）"));
    assert!(teachers(&h)[0].missing().is_empty());
    assert!(!h.sees("待补充 1 项"), "the mark goes once completed");
}

/// A teacher's cancelled day and a colleague's 代课 are entered in 教师填报; the plan they come
/// off and the substitute's own total show in the file and in 课时汇总.
#[test]
fn cancelled_lessons_and_a_substitute_are_recorded_and_counted_once() {
    let mut doc = document(Size::Small);
    doc.hours.clear();
    doc.workload.pay = Default::default();
    let (absent, substitute) = (doc.teachers[0].clone(), doc.teachers[1].clone());
    doc.hours.push(yitihua::domain::Entry {
        teacher: absent.id.clone(),
        term: "2024-2025学年第一学期".into(),
        course: "汽车发动机检修".into(),
        specialty: "汽车维修".into(),
        kind: CourseKind::Other,
        class: "汽修2401班".into(),
        amount: Amount::Planned {
            weekly: 2,
            weeks: 18,
        },
    });
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.click("教师填报");

    // 停课 by the absent teacher herself: 4 periods off her plan.
    h.submit("查找教师", &absent.id);
    h.fill("日期", "2024-10-02");
    h.fill("课程", "汽车发动机检修");
    h.click("其他");
    h.fill("班级", "汽修2401班");
    h.click("停课");
    h.fill("内容", "国庆放假");
    h.submit("节数", "4");
    assert!(h.sees("已记录：2024-10-02 汽车发动机检修 汽修2401班 停课4节"));

    // 代课 by a colleague: a 工号 not on the roster is refused and kept as typed.
    h.click("更换教师");
    h.submit("查找教师", &substitute.id);
    h.fill("日期", "2024-11-05");
    h.fill("课程", "汽车发动机检修");
    h.click("其他");
    h.fill("班级", "汽修2401班");
    h.click("代课");
    h.fill("被代课教师工号", "T9999");
    h.submit("节数", "2");
    assert!(h.sees("被代课教师的工号“T9999”不在名册中，请核对工号"));
    let stored = || h.app.file().unwrap().entries(None).unwrap().len();
    assert_eq!(stored(), 2, "nothing written for the refused 代课");
    h.fill("被代课教师工号", &absent.id);
    h.submit("节数", "2");
    assert!(h.sees(&format!(
        "已记录：2024-11-05 汽车发动机检修 汽修2401班 代课2节（替{}）",
        absent.name
    )));

    let file = h.app.file().unwrap();
    let summary = file
        .workload_summary(Some("2024-2025学年第一学期"))
        .unwrap();
    let row = |id: &str| {
        summary
            .teachers
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .totals
            .clone()
    };
    assert_eq!(
        (row(&absent.id).other, row(&absent.id).cancelled),
        (36 - 4 - 2, 6)
    );
    assert_eq!(
        (row(&substitute.id).other, row(&substitute.id).substitute),
        (2, 2)
    );

    h.click("课时汇总");
    h.click("2024-2025学年第一学期");
    assert!(h.sees("代课"), "the summary shows the 代课 column");
    assert!(h.sees("30"), "the plan less 停课 and 代课");
}

#[test]
fn a_teacher_logs_lessons_by_keyboard_and_sees_the_weighted_total() {
    let mut doc = document(Size::Small);
    doc.hours.clear();
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.click("教师填报");

    h.submit("查找教师", "T0002");
    let name = doc.teachers[1].name.clone();
    assert!(h.sees(&format!("{name}（T0002，{}）", doc.teachers[1].department)));

    h.fill("日期", "2024-09-16");
    h.fill("课程", "汽车发动机检修");
    h.click("一体化课程");
    h.fill("班级", "汽修2401班");
    h.fill("专业", "汽车维修");
    h.submit("节数", "8");
    assert!(h.sees("已记录：2024-09-16 汽车发动机检修 汽修2401班 8节"));
    // The next day: only the date and the periods change.
    h.fill("日期", "2024/9/17");
    h.submit("节数", "7");
    h.fill("日期", "2024-09-18");
    h.submit("内容", "");
    assert!(
        h.sees("节数应为 1 到 12 的整数"),
        "periods were cleared after recording"
    );
    h.submit("节数", "13");
    assert!(h.sees("一天超过12节"));

    let entries = h.app.file().unwrap().entries(None).unwrap();
    assert_eq!(entries.len(), 2);
    let periods: Vec<u32> = entries
        .iter()
        .map(|(_, e)| match e.amount {
            Amount::Lessons { periods, .. } => periods,
            _ => 0,
        })
        .collect();
    assert_eq!(periods, [8, 7]);
    assert!(
        h.sees("2024-2025学年第一学期已登记 2 条：一体化课时 15 节，其他课时 0 节，折算课时 21")
    );

    // Logging the same day, course and class again replaces that lesson, after asking; the
    // other course type is said, since 6 integrated periods would otherwise vanish unseen.
    let periods_of = |h: &Harness| -> Vec<(u32, CourseKind)> {
        let file = h.app.file().unwrap();
        let mut all: Vec<_> = file
            .entries(None)
            .unwrap()
            .into_iter()
            .map(|(_, e)| match e.amount {
                Amount::Lessons { periods, .. } => (periods, e.kind),
                _ => (0, e.kind),
            })
            .collect();
        all.sort_by_key(|(p, _)| std::cmp::Reverse(*p));
        all
    };
    h.fill("日期", "2024-09-16");
    h.click("其他");
    h.submit("节数", "6");
    assert!(h.sees(
        "已记录过：2024-09-16 汽车发动机检修 汽修2401班 8节（一体化课程）。替换为 6节（其他）？"
    ));
    assert_eq!(
        periods_of(&h),
        [(8, CourseKind::Integrated), (7, CourseKind::Integrated)],
        "nothing replaced before the answer"
    );
    h.click("取消");
    assert_eq!(periods_of(&h)[0], (8, CourseKind::Integrated));

    h.click("一体化课程");
    h.submit("节数", "6");
    h.click("替换");
    assert!(h.sees("已更正：2024-09-16 汽车发动机检修 汽修2401班 6节"));
    assert_eq!(
        periods_of(&h),
        [(7, CourseKind::Integrated), (6, CourseKind::Integrated)]
    );
    h.click("撤销");
    assert_eq!(
        periods_of(&h),
        [(8, CourseKind::Integrated), (7, CourseKind::Integrated)],
        "撤销 writes the lesson back as it was"
    );

    // Deleting a lesson asks, and 撤销 brings it back.
    h.click("删除");
    assert!(
        h.text_containing("（一体化课程）？")
            .is_some_and(|q| q.starts_with("删除2024-09-"))
    );
    h.click("确认删除");
    assert_eq!(periods_of(&h).len(), 1);
    h.click("撤销");
    assert_eq!(periods_of(&h).len(), 2);

    // 修改 loads a lesson into the form; a changed count replaces it after the question.
    h.click("修改");
    assert!(h.text_containing("已把这条课时填入上面的表格").is_some());
    h.submit("节数", "5");
    let question = h
        .text_containing("替换为 5节")
        .expect("asked before replacing");
    assert!(question.starts_with("已记录过：2024-09-1"), "{question}");
    h.click("替换");
    let mut periods: Vec<u32> = periods_of(&h).into_iter().map(|(p, _)| p).collect();
    periods.sort();
    assert_eq!(periods.len(), 2, "corrected, not added");
    assert!(periods.contains(&5), "{periods:?}");
}

#[test]
fn an_import_shows_every_bad_row_before_writing_and_imports_the_rest_on_request() {
    let mut h = Harness::with_school(&{
        let mut doc = document(Size::Small);
        doc.teachers.clear();
        doc.hours.clear();
        doc
    });
    let sheet = h.dir.path().join("名册.csv");
    std::fs::write(
        &sheet,
        "工号,姓名,性别,系部,任职形式,一体化教师等级\n\
         T001,王芳,女,汽车工程系,专职,一级\n\
         T001,李强,男,汽车工程系,专职,二级\n\
         T003,赵敏,女,汽车工程系,专职,五级\n\
         T004,孙丽,女,农牧工程系,兼职,无\n",
    )
    .unwrap();
    h.click("教师与课时");
    h.click("导入表格");
    // As where no file dialog comes up: the sheet's path is typed, then read on a thread.
    h.run(vec![Message::Workload(WorkloadMessage::Import(
        ImportMessage::Chosen(TableKind::Teachers, None),
    ))]);
    h.fill("文件路径", &sheet.display().to_string());
    h.click_and_settle("使用此路径");
    assert!(h.sees("共 4 行数据，可导入 2 位教师，2 行有问题"));
    assert!(h.sees("第3行，工号：“T001”与第2行重复"));
    assert!(h.sees("第4行，一体化教师等级：“五级”无效，应为一级、二级、三级、无"));
    assert!(h.sees("导入将新增 2 条，更新 0 条，未变 0 条。"));
    assert!(teachers(&h).is_empty(), "the dry run wrote nothing");

    h.click("跳过有问题的行，导入其余各行");
    assert!(h.sees("已导入 名册.csv：新增 2 条，更新 0 条，未变 0 条"));
    let ids: Vec<String> = teachers(&h).into_iter().map(|t| t.id).collect();
    assert_eq!(ids, ["T001", "T004"]);
}

#[test]
fn all_terms_stays_chosen_and_shows_the_whole_years_total() {
    let mut h = Harness::with_school(&document(Size::Small));
    let file = h.app.file().unwrap();
    let all = file.workload_summary(None).unwrap().total;
    let latest = file.terms().unwrap().last().unwrap().name.clone();
    let per_term = file.workload_summary(Some(&latest)).unwrap().total;
    assert_ne!(
        all.integrated, per_term.integrated,
        "the demo has hours in two terms"
    );
    let shown = |t: &yitihua::domain::workload::Totals| {
        format!(
            "一体化课时 {} 节，其他课时 {} 节，折算课时 {}",
            t.integrated, t.other, t.weighted
        )
    };

    h.click("教师与课时");
    h.click("课时汇总");
    h.click("全部学期");
    assert!(
        h.text_containing(&shown(&all)).is_some(),
        "{:?}",
        h.text_containing("一体化课时")
    );
    // Leaving the tab and the area and coming back keeps 全部学期.
    h.click("教师名册");
    h.click("课时汇总");
    h.click("导出与签署");
    h.click("教师与课时");
    assert!(
        h.text_containing(&shown(&all)).is_some(),
        "{:?}",
        h.text_containing("一体化课时")
    );
}

#[test]
fn deleting_a_teacher_asks_with_their_hours_and_undo_puts_both_back_in_place() {
    let mut h = Harness::with_school(&document(Size::Small));
    let file = h.app.file().unwrap();
    let roster = file.teachers().unwrap();
    let (teacher, entries) = roster
        .iter()
        .map(|t| (t.clone(), file.entries_of(&t.id, None).unwrap()))
        .find(|(_, e)| !e.is_empty())
        .expect("a teacher with hours");
    let question = format!(
        "删除教师{}（{}）及其 {} 条课时记录？",
        teacher.name,
        teacher.id,
        entries.len()
    );

    h.click("教师与课时");
    h.fill("搜索教师", &teacher.id);
    h.click("删除");
    assert!(h.sees(&question));
    h.click("取消");
    assert_eq!(teachers(&h).len(), roster.len(), "取消 deletes nothing");

    h.click("删除");
    h.click("确认删除");
    assert!(h.sees(&format!(
        "已删除教师{}（{}）及其 {} 条课时记录",
        teacher.name,
        teacher.id,
        entries.len()
    )));
    assert!(!teachers(&h).iter().any(|t| t.id == teacher.id));
    let file = h.app.file().unwrap();
    assert!(file.entries_of(&teacher.id, None).unwrap().is_empty());
    assert!(file.history().unwrap().iter().any(|e| e.event
        == format!(
            "删除{}",
            question.trim_start_matches("删除").trim_end_matches('？')
        )));

    h.click("撤销");
    assert_eq!(teachers(&h), roster, "back in the same place in the roster");
    let back: Vec<_> = h
        .app
        .file()
        .unwrap()
        .entries_of(&teacher.id, None)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let before: Vec<_> = entries.into_iter().map(|(_, e)| e).collect();
    assert_eq!(back, before);

    // 撤销 is offered right after the deletion only, not beside what the user does next.
    h.click("删除");
    h.click("确认删除");
    assert!(h.sees("撤销"));
    h.fill("搜索教师", "");
    assert!(
        h.text_containing("已删除教师").is_some(),
        "the notice stays"
    );
    assert!(!h.sees("撤销"), "but not the offer to undo");
}

#[test]
fn training_and_enterprise_practice_are_entered_in_the_teachers_form_and_count_as_trained() {
    let mut doc = document(Size::Small);
    for t in &mut doc.teachers {
        t.trainings.clear();
        t.practices.clear();
    }
    let id = doc.teachers[0].id.clone();
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.fill("搜索教师", &id);
    h.click("修改");

    h.fill("培训项目", "工学一体化教师培训（一级）");
    h.fill("研修基地", "内蒙古自治区工学一体化师资研修基地");
    h.fill("培训开始", "2024/7/10");
    h.fill("培训结束", "2024-07-01");
    h.fill("学时", "80");
    h.click("添加培训");
    assert!(h.sees("培训的结束日期早于开始日期"));
    h.fill("培训结束", "2024年7月20日");
    h.fill("证书编号", "NMG-GXYTH-2024-0012");
    h.click("添加培训");
    assert!(h.text_containing("工学一体化教师培训（一级）　内蒙古自治区工学一体化师资研修基地　2024-07-10 至 2024-07-20　80 学时　证书 NMG-GXYTH-2024-0012").is_some());

    h.fill("实践企业", "包头北方奔驰重型汽车有限责任公司");
    h.fill("实践开始", "2024-08-01");
    h.fill("实践结束", "2024-08-30");
    h.fill("天数", "30");
    h.click("添加实践");
    assert!(
        teachers(&h)[0].trainings.is_empty(),
        "kept in the form until the teacher is saved"
    );
    h.click("保存教师");

    let saved = teachers(&h).into_iter().find(|t| t.id == id).unwrap();
    assert_eq!(saved.trainings.len(), 1);
    assert_eq!(saved.trainings[0].hours, 80);
    assert_eq!(saved.practices.len(), 1);
    assert_eq!(saved.practices[0].days, 30);
    assert!(
        saved.is_trained(),
        "a certificate issued counts toward the 200"
    );
    assert!(h.sees("已取得证书"), "the roster says so");

    h.click("修改");
    h.click("删除");
    h.click("保存教师");
    let saved = teachers(&h).into_iter().find(|t| t.id == id).unwrap();
    assert!(
        saved.trainings.is_empty(),
        "removed in the form, saved without it"
    );
    assert_eq!(saved.practices.len(), 1);
}

#[test]
fn the_roster_template_is_exported_from_the_import_tab_with_the_training_columns() {
    let mut h = Harness::with_school(&document(Size::Small));
    h.click("教师与课时");
    h.click("导入表格");
    assert!(h.sees("导出名册模板…"));
    let path = h.dir.path().join("教师名册模板.xlsx");
    h.run(vec![Message::Workload(WorkloadMessage::Import(
        ImportMessage::TemplatePath(Some(path.clone())),
    ))]);
    assert!(h.sees(&format!("已导出：{}", path.display())));
    let table = Table::read(&path, &["工号", "培训1项目", "实践1企业"]).unwrap();
    assert_eq!(table.rows.len(), teachers(&h).len());
}

#[test]
fn plan_and_lessons_of_a_course_are_shown_side_by_side_and_counted_once() {
    use yitihua::domain::workload::{Basis, COUNTING_RULE};
    let mut h = Harness::with_school(&document(Size::Small));
    let summary = h.app.file().unwrap().workload_summary(None).unwrap();
    // Every period in the totals is a course's lessons or, without lessons, its plan less its
    // 停课 and others' 代课; and the 代课 its teacher gave.
    let counted = |kind: CourseKind| -> u64 {
        summary
            .courses
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                c.substitute
                    + match c.basis {
                        Basis::Lessons => c.given,
                        Basis::Plan => c.planned.unwrap_or(0).saturating_sub(c.cancelled),
                    }
            })
            .sum()
    };
    assert_eq!(summary.total.integrated, counted(CourseKind::Integrated));
    assert_eq!(summary.total.other, counted(CourseKind::Other));
    let both = summary.courses[..50]
        .iter()
        .find(|c| c.planned.is_some() && c.given > 0)
        .expect("the demo has a planned course with lessons on the first page");

    h.click("教师与课时");
    h.click("课时汇总");
    h.click("全部学期");
    assert!(h.sees(COUNTING_RULE), "the rule is said under the totals");
    h.click("计划与实际");
    let difference = both.difference().unwrap();
    assert!(h.sees(&format!("{difference:+}")), "{both:?}");
    assert!(h.sees(&both.course));
    assert!(h.sees("按实际"));
}

#[test]
fn raises_and_the_allowance_are_entered_corrected_and_undone_in_the_window() {
    use yitihua::domain::exact::{Exact, Fen};
    use yitihua::domain::workload::Settings;
    let mut school = document(Size::Small);
    school.workload = Settings::default();
    let mut h = Harness::with_school(&school);
    let settings = |h: &Harness| h.app.file().unwrap().workload_settings().unwrap();
    let term = "2024-2025学年第一学期";
    let before = h.app.file().unwrap().workload_summary(Some(term)).unwrap();
    let t1 = before.teachers[0].totals.clone();

    h.click("教师与课时");
    h.click("系数与津贴");
    h.fill("适用教师工号", "T9999");
    h.fill("系数", "1.2");
    h.click("课程开发");
    h.fill("批准人", "校长办公会");
    h.fill("生效日期", "2024-09-01");
    h.click("添加提高系数");
    assert!(h.sees("名册中没有工号为“T9999”的教师：请核对工号，或先在教师名册中添加"));
    assert!(
        settings(&h).raises.is_empty(),
        "nothing saved while it is wrong"
    );
    h.fill("适用教师工号", "T0001");
    h.click("添加提高系数");
    assert!(
        h.sees("乌日娜（T0001）的一体化课程系数×1.2，依据课程开发，校长办公会批准，2024-09-01起")
    );
    assert_eq!(settings(&h).raises.len(), 1);
    // T0001's integrated periods now count 1.4 × 1.2 = 1.68.
    let after = h.app.file().unwrap().workload_summary(Some(term)).unwrap();
    let expected =
        Exact::weigh(t1.integrated, &[yitihua::domain::Hundredths(168)]) + Exact::whole(t1.other);
    assert_eq!(after.teachers[0].totals.weighted, expected);

    h.click("修改");
    h.fill("系数", "1.25");
    h.click("保存修改");
    let raises = settings(&h).raises;
    assert_eq!(raises.len(), 1, "changed, not added");
    assert_eq!(raises[0].factor.to_string(), "1.25");

    h.click("删除");
    assert!(h.sees(
        "删除乌日娜（T0001）的一体化课程系数×1.25，依据课程开发，校长办公会批准，2024-09-01起？"
    ));
    assert_eq!(settings(&h).raises.len(), 1, "asked first");
    h.click("确认删除");
    assert!(settings(&h).raises.is_empty());
    h.click("撤销");
    assert_eq!(settings(&h).raises.len(), 1, "undo puts it back");

    h.fill("额定课时", "20");
    h.click("添加额定课时");
    h.fill("标准生效日期", "2024-09-01");
    h.fill("每课时（元）", "30.005");
    h.click("添加津贴标准");
    assert!(h.sees("每课时金额须是最多两位小数的元数，如 32.50"));
    h.fill("每课时（元）", "30");
    h.click("添加津贴标准");
    h.click("超额课时");
    let pay = settings(&h).pay;
    assert_eq!((pay.required.len(), pay.rates.len()), (1, 1));
    assert_eq!(pay.rates[0].per_period, Fen(3000));

    let summary = h.app.file().unwrap().workload_summary(Some(term)).unwrap();
    let row = &summary.teachers[0];
    let excess = row.totals.weighted.saturating_sub(Exact::whole(20));
    assert_eq!(row.totals.pay.excess, Some(excess));
    assert_eq!(row.totals.pay.allowance, Some(excess.pay(Fen(3000))));
    h.click("课时汇总");
    h.click(term);
    assert!(h.sees("津贴（元）"));
    assert!(h.sees(&row.totals.pay.allowance.unwrap().to_string()));
    assert!(h.sees(
        "注1：乌日娜（T0001）的一体化课程系数×1.25，依据课程开发，校长办公会批准，2024-09-01起"
    ));
}

#[test]
fn an_achievement_is_added_changed_and_removed_by_its_labels() {
    use yitihua::domain::AchievementKind;
    use yitihua::ui::screen::workload::RosterMessage;
    let mut doc = document(Size::Small);
    // The form's only 删除 buttons are then the 成果's.
    doc.teachers[0].trainings.clear();
    doc.teachers[0].practices.clear();
    let id = doc.teachers[0].id.clone();
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.fill("搜索教师", &id);
    h.click("修改");

    h.click("全国规划教材");
    h.fill("成果名称", "汽车电气设备检修");
    h.fill("成果日期", "2024/3/15");
    h.click("添加成果");
    assert!(h.sees("请填写本人角色，如 主编、参编、参与"));
    h.fill("本人角色", "副主编");
    h.fill("成果日期", "三月");
    h.click("添加成果");
    assert!(h.sees("成果日期应如 2024-03-15、2024/3/15 或 2024年3月15日"));
    h.fill("成果日期", "2024年3月15日");
    let evidence = h.dir.path().join("版权页.pdf");
    std::fs::write(&evidence, b"%PDF-1.7 scan").unwrap();
    h.settle(Message::Workload(WorkloadMessage::Roster(
        RosterMessage::EvidenceChosen(Some(evidence.clone())),
    )));
    assert!(h.text_containing("佐证材料：").is_some());
    h.click("添加成果");
    assert!(
        h.text_containing("全国规划教材　汽车电气设备检修　副主编　2024-03-15")
            .is_some()
    );
    h.click("保存教师");
    let saved = teachers(&h).into_iter().find(|t| t.id == id).unwrap();
    assert_eq!(saved.achievements.len(), 1);
    let a = &saved.achievements[0];
    assert_eq!(a.kind, AchievementKind::PlannedTextbook);
    assert_eq!(
        (a.title.as_str(), a.role.as_str()),
        ("汽车电气设备检修", "副主编")
    );
    let file = a.evidence.as_ref().expect("the evidence by reference");
    assert_eq!(file.path, evidence.display().to_string());
    assert_eq!(file.size, 13);
    assert_eq!(file.sha256.len(), 64);

    // Changing it: the fields come back filled, and the change replaces it.
    h.fill("搜索教师", &id);
    h.click("修改");
    h.click("修改");
    h.fill("本人角色", "主编");
    h.click("保存成果修改");
    h.click("保存教师");
    let saved = teachers(&h).into_iter().find(|t| t.id == id).unwrap();
    assert_eq!(saved.achievements.len(), 1);
    assert_eq!(saved.achievements[0].role, "主编");

    // Removing it asks first; 取消 keeps it.
    h.click("修改");
    h.click("删除");
    assert!(h.sees("从该教师的成果中删除“汽车电气设备检修”？"));
    h.click("取消");
    assert!(!h.sees("从该教师的成果中删除“汽车电气设备检修”？"));
    h.click("删除");
    h.click("确认删除");
    h.click("保存教师");
    let saved = teachers(&h).into_iter().find(|t| t.id == id).unwrap();
    assert!(saved.achievements.is_empty());
}

#[test]
fn the_workload_certificate_is_written_from_the_roster() {
    use yitihua::ui::screen::workload::RosterMessage;
    let doc = document(Size::Small);
    let teacher = doc.teachers[0].clone();
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    let counts = "一体化师资：取得一体化师资培训证书2人；一级2人、二级4人、三级2人、无4人（有证书编号的师资培训计入全区200名一体化师资培养目标）";
    assert!(h.sees(counts), "the roster counts the trained teachers");
    h.click("课时汇总");
    assert!(h.sees(counts), "and so does the summary");
    h.click("教师名册");
    h.fill("搜索教师", &teacher.id);
    assert!(h.is_enabled("工作量证明"));
    let path = h.dir.path().join("工作量证明.pdf");
    h.settle(Message::Workload(WorkloadMessage::Roster(
        RosterMessage::CertificatePath(teacher.id.clone(), Some(path.clone())),
    )));
    let notice = h.text_containing("的工作量证明").expect("a notice");
    assert_eq!(
        notice,
        format!(
            "已导出{}（{}）的工作量证明：{}",
            teacher.name,
            teacher.id,
            path.display()
        )
    );
    let pdf = lopdf::Document::load(&path).expect("a whole PDF");
    assert_eq!(pdf.get_pages().len(), 1);
    let text: String = pdf.extract_text(&[1]).unwrap().split_whitespace().collect();
    assert!(text.contains(&format!("姓名{}", teacher.name)), "{text}");
    assert!(text.contains("合计22—1259.742"), "{text}");
    let names: Vec<_> = std::fs::read_dir(h.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf") || n.contains(".part"))
        .collect();
    assert_eq!(names, ["工作量证明.pdf"]);
}

/// 导出课时津贴表 PDF… in 课时汇总 writes the term's sheet on a thread; without 额定 or a rate the
/// refusal says where to set them, and nothing is written.
#[test]
fn the_allowance_sheet_is_written_from_the_summary_or_refused_with_where_to_set_it() {
    use yitihua::ui::screen::workload::SummaryMessage;
    let doc = document(Size::Small);
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.click("课时汇总");
    h.click("2024-2025学年第一学期");
    assert!(h.is_enabled("导出课时津贴表 PDF…"));
    let path = h.dir.path().join("津贴表.pdf");
    h.settle(Message::Workload(WorkloadMessage::Summary(
        SummaryMessage::AllowancePath(Some(path.clone())),
    )));
    assert_eq!(
        h.text_containing("课时津贴表：").expect("a notice"),
        format!("已导出2024-2025学年第一学期课时津贴表：{}", path.display())
    );
    let pdf = lopdf::Document::load(&path).expect("a whole PDF");
    let text: String = pdf.extract_text(&[1]).unwrap().split_whitespace().collect();
    assert!(text.contains("T0001乌日娜讲师35.712411.71351.30"), "{text}");

    let mut doc = doc;
    doc.workload.pay = Default::default();
    let mut h = Harness::with_school(&doc);
    h.click("教师与课时");
    h.click("课时汇总");
    let none = h.dir.path().join("无.pdf");
    h.settle(Message::Workload(WorkloadMessage::Summary(
        SummaryMessage::AllowancePath(Some(none.clone())),
    )));
    assert!(h.sees(
        "还没有设定额定课时或课时津贴标准：请先在“教师与课时 → 系数与津贴”中设定，再生成课时津贴表"
    ));
    assert!(!none.exists());
}
